//! One relation in many documents (docs/format.md §1): `link --in` adds an appearance, `unlink --in`
//! and `--all` remove them, the views list every appearance, and no answer of support
//! changes with the number of documents that state a relation.

use super::{ok, refused, shipped_copy, Copy};
use crate::util::{fixture, graph_dir, run_on};
use serde_json::Value;

const CLAIM: &str = "nk-arms-transfers-since-aug-2023";

/// The shipped graph with a second article, in which Russia's denial of the arms claim
/// appears again.
fn with_second_article() -> Copy {
    let g = shipped_copy();
    ok(
        &g,
        &[
            "add",
            "doc",
            "ap-2024-06-19",
            "--title",
            "Seoul repeats arms charge",
            "--published",
            "2024-06-19",
        ],
    );
    g
}

#[test]
fn link_with_another_document_adds_an_appearance_and_support_reads_one_arc() {
    let g = with_second_article();
    let before = ok(&g, &["claims", "--format", "json"]).stdout;
    let r = ok(
        &g,
        &[
            "link",
            "NIS",
            "asserts",
            CLAIM,
            "--in",
            "ap-2024-06-19",
            "--quote",
            "many transfers",
            "--date",
            "2024-06-19",
        ],
    );
    assert!(r.stderr.contains("wrote"), "{}", r.stderr);
    let edges = g.read("edges.json");
    assert_eq!(
        edges
            .matches(r#""from": "nis", "rel": "asserts", "to": "nk-arms-transfers-since-aug-2023""#)
            .count(),
        2,
        "{edges}"
    );
    assert_eq!(
        ok(&g, &["claims", "--format", "json"]).stdout,
        before,
        "same answers"
    );
    assert_eq!(ok(&g, &["check"]).code, 0);
    // The very same edge again: nothing to do, and it says so.
    let again = ok(
        &g,
        &["link", "nis", "asserts", CLAIM, "--in", "ap-2024-06-19"],
    );
    assert!(again.stderr.contains("nothing changed"), "{}", again.stderr);
    assert!(again.stderr.contains("already in"), "{}", again.stderr);
    refused(
        &g,
        &[
            "link",
            "nis",
            "asserts",
            CLAIM,
            "--in",
            "ap-2024-06-19",
            "--quote",
            "other words",
        ],
        1,
        "set --edge nis asserts nk-arms-transfers-since-aug-2023 --in ap-2024-06-19",
    );
}

#[test]
fn a_new_self_citation_is_refused() {
    let g = shipped_copy();
    refused(
        &g,
        &["link", CLAIM, "cites", CLAIM],
        1,
        "cannot cite itself",
    );
    refused(
        &g,
        &["link", "nis", "cites", "NIS"],
        1,
        "an entity cannot cite itself",
    );
}

#[test]
fn unlink_names_the_appearance_or_removes_them_all() {
    let g = with_second_article();
    ok(
        &g,
        &["link", "nis", "asserts", CLAIM, "--in", "ap-2024-06-19"],
    );
    let r = refused(
        &g,
        &["unlink", "nis", "asserts", CLAIM],
        2,
        "appears in 2 documents",
    );
    assert!(
        r.stderr.contains("--in ap-2024-06-19")
            && r.stderr.contains("--in dw-2024-06-18")
            && r.stderr.contains("--all"),
        "{}",
        r.stderr
    );
    refused(
        &g,
        &["unlink", "nis", "asserts", CLAIM, "--in", "-"],
        2,
        "not stated without a document",
    );
    refused(
        &g,
        &["unlink", "nis", "asserts", CLAIM, "--in", "ap-2024-06-1"],
        2,
        "did you mean \"ap-2024-06-19\"",
    );
    let r = ok(
        &g,
        &["unlink", "nis", "asserts", CLAIM, "--in", "ap-2024-06-19"],
    );
    assert!(
        r.stderr
            .contains("removed nis asserts nk-arms-transfers-since-aug-2023 in ap-2024-06-19"),
        "{}",
        r.stderr
    );
    ok(
        &g,
        &["link", "nis", "asserts", CLAIM, "--in", "ap-2024-06-19"],
    );
    let r = ok(&g, &["unlink", "nis", "asserts", CLAIM, "--all"]);
    assert_eq!(
        r.stderr.matches("removed nis asserts").count(),
        2,
        "{}",
        r.stderr
    );
    let asserted = ok(&g, &["claims", "--asserted-by", "nis", "--format", "ids"]).stdout;
    assert!(!asserted.contains(CLAIM), "{asserted}");
}

#[test]
fn show_why_and_report_list_every_appearance_with_its_words() {
    let g = fixture("appearances.json");
    let why = run_on(&g, &["why", "shells"]);
    assert_eq!(why.code, 0, "{}", why.stderr);
    for want in [
        "└─ cites agency (Northland Spy Agency)",
        "     in blog-3\n",
        "     in paper-2 · “according to the agency”",
        "     in wire-1 · “the agency said”",
    ] {
        assert!(why.stdout.contains(want), "{want}\n{}", why.stdout);
    }
    let tree = run_on(&g, &["why", "shells", "--format", "json"]).json();
    let apps = tree["tree"]["children"][0]["appearances"]
        .as_array()
        .unwrap();
    assert_eq!(apps.len(), 3);
    assert_eq!(apps[1]["quote"], "according to the agency");
    let show = run_on(&g, &["show", "shells", "--format", "json"]).json();
    let denials: Vec<&Value> = show["edges_in"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["rel"] == "denies")
        .collect();
    assert_eq!(denials.len(), 2, "{show}");
    assert_eq!(
        show["denied_by"],
        serde_json::json!(["south"]),
        "one denier"
    );
    let report = run_on(&g, &["report", "shells"]).stdout;
    for want in [
        "- Southland (`south`), in 2 documents:\n  - “a fabrication”, 2024-06-19, in *The paper follows the wire* (`paper-2`)\n  - “baseless”, 2024-06-18",
        "- Northland Spy Agency (`agency`), in 3 documents:",
    ] {
        assert!(report.contains(want), "{want}\n{report}");
    }
    let html = run_on(&g, &["export", "--format", "html"]).stdout;
    assert!(html.contains(r#""appearances":[{"from":"paper","rel":"asserts","to":"shells","in":"paper-2","quote":"a million shells"}"#), "the dossier carries every appearance");
}

/// The fixture with each relation stated once: the first of its edges.
fn one_edge_per_relation() -> tempfile::TempDir {
    let text = std::fs::read_to_string(fixture("appearances.json")).unwrap();
    let mut v: Value = serde_json::from_str(&text).unwrap();
    let mut seen = Vec::new();
    v["edges"].as_array_mut().unwrap().retain(|e| {
        let key = (e["from"].clone(), e["rel"].clone(), e["to"].clone());
        let fresh = !seen.contains(&key);
        seen.push(key);
        fresh
    });
    graph_dir(&[("g.json", &v.to_string())])
}

/// Support reads the edges of one relation as one arc: every query answers the same with
/// three documents stating a relation as with one.
#[test]
fn more_appearances_change_no_answer_of_any_query() {
    let many = fixture("appearances.json");
    let one = one_edge_per_relation();
    let queries: &[&[&str]] = &[
        &["claims", "--format", "json"],
        &[
            "claims",
            "--rests-only-on",
            "intelligence",
            "--format",
            "ids",
        ],
        &["claims", "--single-origin", "--format", "ids"],
        &["claims", "--independent", "--format", "ids"],
        &["claims", "--contested", "--format", "ids"],
        &["claims", "--interested-denial", "--format", "ids"],
        &["claims", "--ungrounded", "--format", "ids"],
        &["sources", "--format", "json"],
        &["entities", "--format", "json"],
        &["why", "shells"],
        &["why", "talks"],
    ];
    for q in queries {
        let (a, b) = (run_on(&many, q), run_on(one.path(), q));
        assert_eq!(a.code, 0, "{q:?}: {}", a.stderr);
        let strip = |s: &str| -> String {
            // `why` lists the documents of each link; support is what must not change.
            s.lines()
                .filter(|l| !l.trim_start().starts_with("in "))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(strip(&a.stdout), strip(&b.stdout), "{q:?}");
    }
    let (mut a, mut b) = (
        run_on(&many, &["stats", "--format", "json"]).json(),
        run_on(one.path(), &["stats", "--format", "json"]).json(),
    );
    assert_eq!(
        (a["edges"].clone(), b["edges"].clone()),
        (9.into(), 6.into()),
        "stats count every edge"
    );
    assert_eq!(
        (a["relations"].clone(), b["relations"].clone()),
        (6.into(), 6.into())
    );
    for key in ["edges", "edges_by_rel"] {
        a.as_object_mut().unwrap().remove(key);
        b.as_object_mut().unwrap().remove(key);
    }
    assert_eq!(a, b, "support counts read one arc per relation");
}

#[test]
fn a_duplicate_edge_in_the_files_is_a_located_error() {
    let dir = graph_dir(&[(
        "g.json",
        r#"{"documents": [{"id": "d", "title": "D"}],
 "entities": [{"id": "e", "name": "E", "kind": "person"}],
 "claims": [{"id": "c", "text": "C"}],
 "edges": [{"from": "e", "rel": "asserts", "to": "c", "in": "d"},
           {"from": "e", "rel": "asserts", "to": "c", "in": "d", "quote": "again"}]}"#,
    )]);
    let r = run_on(dir.path(), &["check"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stderr.contains("g.json:5:12: edges[1]: duplicate edge \"e\" asserts \"c\" in \"d\": already stated at edges[0]"),
        "{}",
        r.stderr
    );
}

#[test]
fn claims_found_in_a_document_and_show_document_say_what_it_states() {
    let g = fixture("appearances.json");
    let ids = |doc: &str| run_on(&g, &["claims", "--found-in", doc, "--format", "ids"]).stdout;
    assert_eq!(ids("wire-1"), "shells\n", "found_in and edges");
    assert_eq!(
        ids("paper-2"),
        "shells\ntalks\n",
        "an edge in the document is enough"
    );
    assert_eq!(ids("blog-3"), "shells\n");
    let r = run_on(&g, &["claims", "--found-in", "paper"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("\"paper\" is an entity; expected a document"),
        "{}",
        r.stderr
    );
    let r = run_on(&g, &["claims", "--found-in", "wire-2"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("did you mean \"wire-1\""), "{}", r.stderr);
    let dot = run_on(
        &g,
        &[
            "export",
            "--format",
            "dot",
            "--found-in",
            "blog-3",
            "--no-legend",
        ],
    )
    .stdout;
    assert!(
        dot.contains("tooltip=\"shells\"") && !dot.contains("tooltip=\"talks\""),
        "{dot}"
    );
    let show = run_on(&g, &["show", "paper-2"]);
    assert_eq!(show.code, 0, "{}", show.stderr);
    insta::assert_snapshot!("show_document_paper", show.stdout);
    let j = run_on(&g, &["show", "paper-2", "--format", "json"]).json();
    assert_eq!(j["claims"], serde_json::json!(["shells", "talks"]));
    assert_eq!(j["edges"].as_array().unwrap().len(), 5);
}
