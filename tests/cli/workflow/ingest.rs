//! `ingest`: articles and ClaimReview files into copies of the shipped graph — the plan,
//! `--yes`, idempotence, every flag and refusal, and the relay chain that must end as one
//! claim resting only on intelligence.

use super::{ids, ok, refused, shipped_copy, Copy};
use crate::util::{cmd, fixture, output};
use std::io::Write;
use std::process::Stdio;

fn article(name: &str) -> String {
    fixture(&format!("ingest/{name}")).display().to_string()
}

/// Ingests `name` as `doc` with `--yes` (and `extra` flags); asserts it succeeds.
fn ingest(g: &Copy, name: &str, doc: &str, extra: &[&str]) -> crate::util::Run {
    let file = article(name);
    let mut args = vec!["ingest", file.as_str(), "--doc", doc, "--yes"];
    args.extend_from_slice(extra);
    ok(g, &args)
}

/// The one claim of the graph whose text matches `pattern`.
fn the_claim(g: &Copy, pattern: &str) -> String {
    let found = ids(g, &["claims", "--grep", pattern, "--format", "ids"]);
    assert_eq!(found.len(), 1, "claims matching {pattern:?}: {found:?}");
    found[0].clone()
}

/// A wire story citing an intelligence service, a paper citing the wire, a blog citing the
/// paper, and an independent think tank: the repeated claim is one claim, resting only on
/// intelligence and single-origin however many outlets repeat it; the think tank makes the
/// rail-traffic claim independent, and its other number stays a separate claim.
#[test]
fn a_relay_chain_stays_one_claim_resting_only_on_intelligence() {
    let g = shipped_copy();
    ingest(
        &g,
        "chain-1-wire.txt",
        "ap-2024-07-02",
        &["--publisher", "AP", "--published", "2024-07-02"],
    );
    ingest(&g, "chain-2-paper.txt", "courier-2024-07-03", &[]);
    ingest(&g, "chain-3-blog.txt", "blog-2024-07-04", &[]);
    ingest(&g, "chain-4-independent.txt", "harbour-2024-07-05", &[]);
    let shells = the_claim(&g, "5 million artillery shells");
    let intelligence = ids(
        &g,
        &[
            "claims",
            "--rests-only-on",
            "intelligence",
            "--format",
            "ids",
        ],
    );
    assert!(intelligence.contains(&shells), "{intelligence:?}");
    let single = ids(&g, &["claims", "--single-origin", "--format", "ids"]);
    assert!(single.contains(&shells), "{single:?}");
    let asserted: Vec<String> = ok(&g, &["claims", "--grep", "5 million", "--format", "json"])
        .json()[0]["asserted_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert!(asserted.contains(&"ap".to_string()), "{asserted:?}");
    assert!(asserted.contains(&"nis".to_string()), "{asserted:?}");
    assert_eq!(
        asserted.len(),
        3,
        "the wire's source, the wire and the blog: {asserted:?}"
    );
    for doc in ["ap-2024-07-02", "courier-2024-07-03", "blog-2024-07-04"] {
        let found = ids(&g, &["claims", "--found-in", doc, "--format", "ids"]);
        assert!(found.contains(&shells), "{doc}: {found:?}");
    }
    let rail = the_claim(&g, "Tumangang");
    let independent = ids(&g, &["claims", "--independent", "--format", "ids"]);
    assert!(independent.contains(&rail), "{independent:?}");
    let three = the_claim(&g, "3 million");
    assert_ne!(three, shells);
    assert!(!independent.contains(&shells));
    ok(&g, &["check"]);
}

/// The same article under another document id: the same claims, each relation gaining an
/// appearance in the new document.
#[test]
fn the_same_text_as_another_document_adds_appearances_not_twins() {
    let g = shipped_copy();
    ingest(&g, "chain-1-wire.txt", "ap-2024-07-02", &[]);
    let claims = ids(&g, &["claims", "--format", "ids"]).len();
    let again = ingest(&g, "chain-1-wire.txt", "ap-2024-07-02-copy", &[]);
    assert!(
        again.stdout.contains("0 claims, 3 edges"),
        "{}",
        again.stdout
    );
    assert_eq!(ids(&g, &["claims", "--format", "ids"]).len(), claims);
    let shells = the_claim(&g, "5 million artillery shells");
    let shown = ok(&g, &["show", &shells]).stdout;
    assert!(shown.contains("nis asserts  [in ap-2024-07-02]"), "{shown}");
    assert!(
        shown.contains("nis asserts  [in ap-2024-07-02-copy]"),
        "{shown}"
    );
    ok(&g, &["check"]);
}

#[test]
fn ingesting_the_same_text_again_changes_nothing_and_says_so() {
    let g = shipped_copy();
    ingest(
        &g,
        "chain-1-wire.txt",
        "ap-2024-07-02",
        &["--publisher", "ap"],
    );
    let before = g.snapshot();
    let again = ingest(
        &g,
        "chain-1-wire.txt",
        "ap-2024-07-02",
        &["--publisher", "ap"],
    );
    assert!(
        again.stderr.contains("nothing to change"),
        "{}",
        again.stderr
    );
    assert!(again.stdout.contains("0 changes"), "{}", again.stdout);
    assert_eq!(g.snapshot(), before);
}

/// Unnamed speakers ("a senior defence official", "commercial satellite imagery") are named
/// after their document: the same article ingested again finds them, also after the desk
/// merged one into the person it turned out to be.
#[test]
fn unnamed_speakers_are_found_again_even_once_merged() {
    let g = shipped_copy();
    ingest(&g, "unnamed.txt", "t-2024-05-30", &[]);
    let official = ids(&g, &["entities", "--tag", "anonymous", "--format", "ids"])
        .into_iter()
        .find(|id| id.contains("official"))
        .expect("the unnamed official is an anonymous entity");
    let before = g.snapshot();
    let again = ingest(&g, "unnamed.txt", "t-2024-05-30", &[]);
    assert!(again.stdout.contains("0 changes"), "{}", again.stdout);
    assert_eq!(g.snapshot(), before);

    ok(
        &g,
        &[
            "add",
            "entity",
            "kim-min-su",
            "--name",
            "Kim Min-su",
            "--kind",
            "person",
        ],
    );
    ok(&g, &["merge", "kim-min-su", &official]);
    let before = g.snapshot();
    let again = ingest(&g, "unnamed.txt", "t-2024-05-30", &[]);
    assert!(again.stdout.contains("0 changes"), "{}", again.stdout);
    assert!(again.stdout.contains("→ kim-min-su"), "{}", again.stdout);
    assert_eq!(g.snapshot(), before);
}

#[test]
fn the_plan_writes_nothing_and_marks_its_guesses() {
    let g = shipped_copy();
    let before = g.snapshot();
    let file = article("chain-1-wire.txt");
    let r = ok(&g, &["ingest", &file, "--doc", "ap-2024-07-02"]);
    assert_eq!(g.snapshot(), before);
    assert!(r.stdout.contains("nothing written"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("\"South Korea's spy agency\" → nis (by description)"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("guess: the only intelligence entity of south-korea"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("guess: \"the report\": the article's lead claim"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("document\n  new      ap-2024-07-02"),
        "{}",
        r.stdout
    );
}

/// The shape of `ingest --format json`, as the README documents it.
#[test]
fn the_json_plan_has_the_documented_shape() {
    let g = shipped_copy();
    let file = article("chain-4-independent.txt");
    let v = ok(
        &g,
        &[
            "ingest",
            &file,
            "--doc",
            "harbour-2024-07-05",
            "--url",
            "https://harbour.example/r",
            "--format",
            "json",
        ],
    )
    .json();
    assert_eq!(v["written"], false);
    assert_eq!(v["document"]["id"], "harbour-2024-07-05");
    assert_eq!(
        v["document"]["title"],
        "Satellite study tracks North Korean rail freight"
    );
    assert_eq!(v["document"]["url"], "https://harbour.example/r");
    assert_eq!(v["document"]["status"], "new");
    let e = &v["entities"][0];
    assert_eq!(e["id"], "harbour-institute");
    assert_eq!(e["kind"], "organization");
    assert_eq!(e["tags"][0], "think-tank");
    assert_eq!(e["part_of"], "united-kingdom");
    assert_eq!(e["status"], "new");
    assert_eq!(e["phrase"], "Harbour Institute");
    assert!(e["note"].as_str().unwrap().contains("guessed"));
    assert_eq!(e["guessed"], serde_json::json!(["kind", "tags", "part_of"]));
    let c = &v["claims"][0];
    assert_eq!(c["status"], "new");
    assert!(c["id"].as_str().unwrap().starts_with("rail-traffic"));
    assert_eq!(c["found_in"][0], "harbour-2024-07-05");
    let edge = &v["edges"][0];
    assert_eq!(edge["from"], "harbour-institute");
    assert_eq!(edge["rel"], "asserts");
    assert_eq!(edge["in"], "harbour-2024-07-05");
    assert!(edge["quote"].as_str().unwrap().starts_with("Rail traffic"));
    assert_eq!(edge["status"], "new");
    for key in ["links", "reviews", "left_out"] {
        assert!(v[key].is_array(), "{key}");
    }
    let c = &v["changes"];
    assert_eq!(
        (
            c["documents"].as_u64(),
            c["entities"].as_u64(),
            c["reviews"].as_u64()
        ),
        (Some(1), Some(1), Some(0))
    );
    let written = ok(
        &g,
        &[
            "ingest",
            &file,
            "--doc",
            "harbour-2024-07-05",
            "--yes",
            "--format",
            "json",
        ],
    )
    .json();
    assert_eq!(written["written"], true);
    let again = ok(
        &g,
        &[
            "ingest",
            &file,
            "--doc",
            "harbour-2024-07-05",
            "--yes",
            "--format",
            "json",
        ],
    )
    .json();
    assert_eq!(again["written"], false);
    assert_eq!(again["document"]["status"], "exists");
    assert_eq!(again["claims"][0]["status"], "matched");
    assert_eq!(again["claims"][0]["score"], 1.0);
    assert_eq!(again["edges"][0]["status"], "exists");
}

#[test]
fn flags_fill_the_document_and_the_title_defaults_to_the_first_line() {
    let g = shipped_copy();
    ingest(
        &g,
        "chain-3-blog.txt",
        "blog-2024-07-04",
        &[
            "--title",
            "Shells",
            "--publisher",
            "Bloomberg",
            "--published",
            "2024-07-04",
            "--url",
            "https://blog.example/1",
        ],
    );
    let doc = ok(&g, &["show", "blog-2024-07-04"]).stdout;
    for want in [
        "Shells",
        "bloomberg-news",
        "2024-07-04",
        "https://blog.example/1",
    ] {
        assert!(doc.contains(want), "{want}: {doc}");
    }
    ingest(&g, "chain-2-paper.txt", "courier-2024-07-03", &[]);
    let doc = ok(&g, &["show", "courier-2024-07-03"]).stdout;
    assert!(
        doc.contains("North Korean shells keep flowing to Russia, Seoul believes"),
        "{doc}"
    );
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let g = shipped_copy();
    let mut c = cmd(&["ingest", "-", "--doc", "stdin-doc", "--yes"]);
    c.env("CLAIMGRAPH_GRAPH", g.graph()).stdin(Stdio::piped());
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().expect("runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Headline\n\nIran has sold 40 drones to Belarus, the Daily Courier reported.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        the_claim(&g, "40 drones").as_str(),
        "iran-sold-40-drones-belarus"
    );
}

#[test]
fn bad_arguments_are_refused_and_nothing_is_written() {
    let g = shipped_copy();
    let file = article("chain-1-wire.txt");
    refused(
        &g,
        &["ingest", &file, "--doc", "Bad Id", "--yes"],
        2,
        "--doc: bad id",
    );
    refused(
        &g,
        &["ingest", &file, "--doc", "nis", "--yes"],
        2,
        "that id is an entity",
    );
    refused(
        &g,
        &[
            "ingest",
            &file,
            "--doc",
            "d",
            "--publisher",
            "Assoc Press",
            "--yes",
        ],
        2,
        "unknown id",
    );
    refused(
        &g,
        &[
            "ingest",
            &file,
            "--doc",
            "d",
            "--published",
            "2024-13-01",
            "--yes",
        ],
        2,
        "bad date",
    );
    refused(
        &g,
        &["ingest", "no-such-file.txt", "--doc", "d", "--yes"],
        2,
        "cannot read no-such-file.txt",
    );
    let folder = fixture("ingest").display().to_string();
    refused(
        &g,
        &["ingest", &folder, "--doc", "d", "--yes"],
        2,
        "is a folder",
    );
    refused(
        &g,
        &[
            "ingest",
            &file,
            "--doc",
            "dw-2024-06-18",
            "--title",
            "Another",
            "--yes",
        ],
        1,
        "already in the graph with another title",
    );
    let missing = g.dir.path().join("missing");
    let r = output({
        let mut c = cmd(&["ingest", &file, "--doc", "d", "--yes"]);
        c.env("CLAIMGRAPH_GRAPH", &missing);
        c
    });
    assert_ne!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("cannot read the graph"), "{}", r.stderr);
    assert!(!missing.exists());
}

#[test]
fn a_claim_review_gives_claimant_claim_and_verdict() {
    let g = shipped_copy();
    let file = article("review-good.json");
    ok(
        &g,
        &["ingest", &file, "--doc", "fact-desk-2024-07", "--yes"],
    );
    let missiles = ok(
        &g,
        &["claims", "--verdict", "mostly-true", "--format", "json"],
    )
    .json();
    assert_eq!(missiles[0]["id"], "nk-ballistic-missiles-to-russia");
    let asserted = missiles[0]["asserted_by"].as_array().unwrap();
    assert!(asserted.iter().any(|a| a == "us-officials"), "{asserted:?}");
    let troops = the_claim(&g, "10,000 soldiers");
    let shown = ok(&g, &["show", &troops]).stdout;
    assert!(shown.contains("false"), "{shown}");
    let fact_desk = ok(&g, &["show", "fact-desk"]).stdout;
    assert!(fact_desk.contains("organization"), "{fact_desk}");
    let yoon = ok(&g, &["show", "yoon-ha-jin"]).stdout;
    assert!(yoon.contains("person"), "{yoon}");
    let before = g.snapshot();
    let again = ok(
        &g,
        &["ingest", &file, "--doc", "fact-desk-2024-07", "--yes"],
    );
    assert!(
        again.stderr.contains("nothing to change"),
        "{}",
        again.stderr
    );
    assert_eq!(g.snapshot(), before);
}

#[test]
fn a_malformed_claim_review_is_located_and_changes_nothing() {
    let g = shipped_copy();
    let bad = article("review-bad.json");
    let r = refused(
        &g,
        &["ingest", &bad, "--doc", "f", "--yes"],
        1,
        "not a valid ClaimReview file (2 problems)",
    );
    assert!(
        r.stderr
            .contains("review-bad.json:5:15: [0].author.name: the name is missing"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("review-bad.json:10:22: [1].claimReviewed: must not be empty"),
        "{}",
        r.stderr
    );
    let syntax = article("review-syntax.json");
    refused(
        &g,
        &["ingest", &syntax, "--doc", "f", "--yes"],
        1,
        "review-syntax.json:3:3: expected `,` or `}`",
    );
}

#[test]
fn text_from_the_input_reaches_the_terminal_escaped() {
    let g = shipped_copy();
    let file = article("chain-3-blog.txt");
    let r = ok(
        &g,
        &[
            "ingest",
            &file,
            "--doc",
            "d",
            "--title",
            "A\u{1b}[2J title\u{202e}",
        ],
    );
    assert!(
        r.stdout.contains("A\\u{1b}[2J title\\u{202e}"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains('\u{1b}'));
}
