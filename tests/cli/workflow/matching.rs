//! Claim matching in the editing commands: `add claim` names the closest existing claims,
//! `import` names the fragment records that duplicate the graph's, and importing a fragment
//! twice changes nothing.

use super::{ok, shipped_copy};
use std::fs;

#[test]
fn add_claim_warns_about_the_same_claim_already_in_the_graph() {
    let g = shipped_copy();
    let r = ok(
        &g,
        &[
            "add",
            "claim",
            "--text",
            "Pyongyang has sent weapons to Moscow many times since August 2023.",
        ],
    );
    assert!(
        r.stderr
            .contains("warning: this claim may already be in the graph"),
        "{}",
        r.stderr
    );
    let line = r
        .stderr
        .lines()
        .find(|l| l.contains("nk-arms-transfers-since-aug-2023 (score "))
        .unwrap_or_else(|| panic!("{}", r.stderr));
    assert!(
        line.contains(", the same claim): Since August 2023"),
        "{line}"
    );
    let quiet = ok(&g, &["add", "claim", "--text", "Bananas are yellow."]);
    assert!(!quiet.stderr.contains("warning"), "{}", quiet.stderr);
}

#[test]
fn import_names_duplicates_and_a_second_import_changes_nothing() {
    let g = shipped_copy();
    let frag = g.dir.path().join("frag.json");
    fs::write(
        &frag,
        r#"{"documents": [{"id": "ap-x", "title": "X"}],
 "entities": [{"id": "spy-agency", "name": "national intelligence service", "kind": "organization"}],
 "claims": [{"id": "c-new", "text": "Pyongyang has sent weapons to Moscow many times since August 2023.", "found_in": ["ap-x"]}],
 "edges": [{"from": "spy-agency", "rel": "asserts", "to": "c-new", "in": "ap-x"}]}"#,
    )
    .unwrap();
    let path = frag.display().to_string();
    let r = ok(&g, &["import", &path]);
    assert!(
        r.stderr.contains(
            "warning: spy-agency may duplicate nis: the name \"national intelligence service\""
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("warning: c-new may duplicate nk-arms-transfers-since-aug-2023: it states the same claim"),
        "{}",
        r.stderr
    );
    let before = g.snapshot();
    let again = ok(&g, &["import", &path]);
    assert!(again.stderr.contains("nothing changed"), "{}", again.stderr);
    assert_eq!(g.snapshot(), before);
}
