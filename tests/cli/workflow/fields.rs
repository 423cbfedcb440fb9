//! `set` and `unset` on every kind of record, the duplicate-name guard of `add entity`, and
//! `rm` of several ids: what they write, and that every refusal writes nothing.

use super::{ok, refused, shipped_copy};

const CLAIM: &str = "nk-arms-transfers-since-aug-2023";

#[test]
fn set_changes_fields_of_entities_claims_and_documents() {
    let g = shipped_copy();
    let r = ok(&g, &["set", "NIS", "reliability", "A"]);
    assert!(
        r.stderr.contains("wrote") && r.stderr.contains("entities.json"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("entity nis: reliability: B -> A"),
        "{}",
        r.stderr
    );
    assert!(g.read("entities.json").contains(r#""reliability": "A""#));
    ok(&g, &["set", CLAIM, "topics", "arms", "russia"]);
    let topics = ok(&g, &["show", CLAIM, "--format", "json"]).json()["topics"].clone();
    assert_eq!(topics, serde_json::json!(["arms", "russia"]));
    ok(&g, &["set", CLAIM, "topics", "--remove", "russia"]);
    ok(&g, &["set", CLAIM, "about", "--add", "Moscow"]);
    let about = ok(&g, &["show", CLAIM, "--format", "json"]).json()["about"].clone();
    assert!(
        about.as_array().unwrap().contains(&"russia".into()),
        "{about}"
    );
    ok(&g, &["set", "dw-2024-06-18", "title", "A new title"]);
    ok(&g, &["set", "nis", "tags", "--add", "government"]);
    assert!(
        ok(&g, &["entities", "--tag", "government", "--format", "ids"])
            .stdout
            .contains("nis")
    );
    let r = ok(&g, &["set", "nis", "tags", "--add", "government"]);
    assert!(
        r.stderr.contains("nothing changed") && r.stderr.contains("is already"),
        "{}",
        r.stderr
    );
    ok(&g, &["unset", "nis", "note"]);
    assert!(!g
        .read("entities.json")
        .contains("South Korea's spy agency;"));
    ok(&g, &["check"]);
}

#[test]
fn set_edits_reviews_and_edges() {
    let g = shipped_copy();
    refused(
        &g,
        &["set", CLAIM, "review.verdict", "false"],
        1,
        "has no review",
    );
    ok(
        &g,
        &[
            "review",
            CLAIM,
            "--verdict",
            "mixed",
            "--by",
            "dw",
            "--date",
            "2024-06-20",
        ],
    );
    ok(&g, &["set", CLAIM, "review.verdict", "mostly-true"]);
    assert_eq!(
        ok(
            &g,
            &["claims", "--verdict", "mostly-true", "--format", "ids"]
        )
        .stdout,
        format!("{CLAIM}\n")
    );
    refused(&g, &["unset", CLAIM, "review.by"], 2, "required");
    ok(&g, &["unset", CLAIM, "review"]);
    let r = ok(
        &g,
        &[
            "set",
            "--edge",
            "nis",
            "asserts",
            CLAIM,
            "quote",
            "numerous weapons transfers",
        ],
    );
    assert!(
        r.stderr
            .contains("edge nis asserts nk-arms-transfers-since-aug-2023 in dw-2024-06-18: quote"),
        "{}",
        r.stderr
    );
    assert!(g
        .read("edges.json")
        .contains(r#""quote": "numerous weapons transfers""#));
    ok(
        &g,
        &[
            "set",
            "--edge",
            "nis",
            "asserts",
            CLAIM,
            "--in",
            "dw-2024-06-18",
            "date",
            "2024-02",
        ],
    );
    ok(&g, &["unset", "--edge", "nis", "asserts", CLAIM, "date"]);
    refused(
        &g,
        &["set", "--edge", "nis", "asserts", CLAIM, "to", "x"],
        2,
        "unlink it and link",
    );
    refused(
        &g,
        &["set", "--edge", "nis", "denies", CLAIM, "quote", "x"],
        2,
        "there is no edge",
    );
    refused(
        &g,
        &["set", "--edge", "nis", "assert", CLAIM, "quote", "x"],
        2,
        "did you mean \"asserts\"",
    );
}

#[test]
fn set_refuses_bad_fields_values_and_ids_with_nothing_written() {
    let g = shipped_copy();
    for (args, code, needle) in [
        (
            &["set", "nis", "aliase", "x"][..],
            2,
            "did you mean \"aliases\"",
        ),
        (&["set", "nis", "id", "nis-2"], 2, "claimgraph rename"),
        (&["set", "nsi", "note", "x"], 2, "did you mean \"nis\""),
        (&["set", CLAIM, "date", "2024-02-30"], 2, "bad date"),
        (
            &["set", "nis", "kind", "agency"],
            2,
            "unknown kind \"agency\"",
        ),
        (&["set", "nis", "reliability", "G"], 2, "bad reliability"),
        (&["set", CLAIM, "credibility", "9"], 2, "bad credibility"),
        (
            &["set", CLAIM, "about", "north-corea"],
            2,
            "did you mean \"north-korea\"",
        ),
        (
            &["set", "nis", "part_of", "dw-2024-06-18"],
            2,
            "is a document",
        ),
        (&["set", "nis", "note", "a", "b"], 2, "takes one value"),
        (&["set", "nis", "note"], 2, "needs a value"),
        (&["set", "nis", "note", "--add", "x"], 2, "list fields"),
        (&["unset", "nis", "name"], 2, "required"),
        (
            &["set", "nis", "aliases", "--remove", "NSI"],
            2,
            "did you mean \"NIS\"",
        ),
        (
            &[
                "set",
                "dw",
                "aliases",
                "--add",
                "National Intelligence Service",
            ],
            1,
            "entity \"nis\"",
        ),
        (
            &["set", "dw", "name", "n.i.s."],
            1,
            "alias of entity \"nis\"",
        ),
        // Valid values, but the graph would break: a part_of cycle.
        (
            &["set", "south-korea", "part_of", "nis"],
            1,
            "part_of cycle",
        ),
    ] {
        refused(&g, args, code, needle);
    }
    ok(&g, &["set", "dw", "aliases", "--add", "NIS", "--force"]);
}

#[test]
fn add_entity_refuses_a_name_or_alias_another_entity_has_unless_forced() {
    let g = shipped_copy();
    let r = refused(
        &g,
        &[
            "add",
            "entity",
            "--name",
            "National Intelligence Service",
            "--kind",
            "organization",
        ],
        1,
        "is already the name of entity \"nis\"",
    );
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    refused(
        &g,
        &[
            "add",
            "entity",
            "--name",
            "Spy agency",
            "--alias",
            "Seoul Intelligence Officials",
            "--kind",
            "organization",
        ],
        1,
        "alias of entity \"nis\"",
    );
    refused(
        &g,
        &["add", "entity", "--name", "Pyongyang", "--kind", "country"],
        1,
        "entity \"north-korea\"",
    );
    let r = ok(
        &g,
        &[
            "add",
            "entity",
            "--name",
            "National Intelligence Service",
            "--kind",
            "organization",
            "--force",
        ],
    );
    assert_eq!(r.stdout, "national-intelligence-service\n");
}

#[test]
fn rm_removes_several_records_or_none() {
    let g = shipped_copy();
    let r = refused(
        &g,
        &["rm", "nk-poverty-60pct", "nis"],
        1,
        "still refer to them",
    );
    assert!(r.stderr.contains("edge nis asserts"), "{}", r.stderr);
    refused(
        &g,
        &["rm", "nk-poverty-60pct", "nsi"],
        2,
        "did you mean \"nis\"",
    );
    let r = ok(
        &g,
        &["rm", "nk-poverty-60pct", "nk-gdp-24-5bn-2022", "--cascade"],
    );
    assert_eq!(r.stderr.matches("removed ").count(), 2, "{}", r.stderr);
    let left = ok(&g, &["claims", "--format", "ids"]).stdout;
    assert!(!left.contains("nk-poverty-60pct") && !left.contains("nk-gdp-24-5bn-2022"));
    ok(&g, &["check"]);
}

#[test]
fn diff_lists_new_documents_entities_appearances_and_reviews() {
    let old = shipped_copy();
    let new = shipped_copy();
    ok(&new, &["add", "doc", "ap-1", "--title", "AP story"]);
    ok(
        &new,
        &[
            "add",
            "entity",
            "fact-desk",
            "--name",
            "Fact desk",
            "--kind",
            "organization",
        ],
    );
    ok(
        &new,
        &[
            "link", "nis", "asserts", CLAIM, "--in", "ap-1", "--quote", "again",
        ],
    );
    ok(
        &new,
        &["set", "--edge", "dw", "asserts", CLAIM, "quote", "reported"],
    );
    ok(&new, &["set", "nis", "reliability", "C"]);
    ok(
        &new,
        &[
            "review",
            CLAIM,
            "--verdict",
            "unproven",
            "--by",
            "fact-desk",
            "--date",
            "2024-06-20",
        ],
    );
    let (a, b) = (old.graph(), new.graph());
    let args = ["diff", a.to_str().unwrap(), b.to_str().unwrap()];
    let md = ok(&new, &args).stdout;
    for want in [
        "## Documents added (1)\n\n- `ap-1`: AP story",
        "## Entities added (1)\n\n- `fact-desk`: Fact desk (organization)",
        "## Entities changed (1)\n\n- `nis`: reliability: “B” → “C”",
        "## Appearances added (1)\n\n- `nis` asserts `nk-arms-transfers-since-aug-2023` in `ap-1`: “again”",
        "## Appearances changed (1)\n\n- `dw` asserts `nk-arms-transfers-since-aug-2023` in `dw-2024-06-18`: quote: (none) → “reported”",
        "## Reviews changed (1)\n\n- `nk-arms-transfers-since-aug-2023`: unreviewed → unproven by `fact-desk` on 2024-06-20",
    ] {
        assert!(md.contains(want), "{want}\n{md}");
    }
    assert!(!md.contains("## Edges added"), "no new relation: {md}");
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let j = ok(&new, &json_args).json();
    assert_eq!(j["documents_added"][0]["id"], "ap-1");
    assert_eq!(j["entities_added"][0]["id"], "fact-desk");
    assert_eq!(j["appearances_added"][0]["in"], "ap-1");
    assert_eq!(j["appearances_changed"][0]["changes"][0]["field"], "quote");
    assert_eq!(j["reviews_changed"][0]["new"]["verdict"], "unproven");
    assert_eq!(j["verdict_changed"][0]["new"], "unproven");
}
