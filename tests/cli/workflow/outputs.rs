//! The commands that read a change rather than make one: `fmt --check`, `report` and
//! `diff` (with `--rev` through git).

use super::{ok, shipped_copy};
use std::fs;
use std::path::Path;

#[test]
fn fmt_check_names_the_files_that_differ_and_fmt_is_idempotent() {
    let g = shipped_copy();
    assert_eq!(
        ok(&g, &["fmt", "--check"]).stdout,
        "",
        "the shipped graph is canonical"
    );
    let messy = r#"{"edges":[{"to":"nk-poverty-60pct","rel":"asserts","from":"kcna","note":"n","date":"2024","quote":"q","in":"dw-2024-06-18"}],
      "claims":[{"note":"z","review":{"note":"r","date":"2024-01-02","by":"dw","verdict":"mixed"},"credibility":3,"found_in":["dw-2024-06-18"],"topics":["t"],"about":["north-korea"],"date":"2024","text":"Zed.","id":"zz"},{"id":"aa","text":"A."}]}"#;
    fs::write(g.graph().join("extra.json"), messy).unwrap();
    let r = g.run(&["fmt", "--check"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.lines(),
        [g.graph().join("extra.json").display().to_string()]
    );
    let before: serde_json::Value = serde_json::from_str(messy).unwrap();
    let r = ok(&g, &["fmt"]);
    assert!(r.stderr.contains("extra.json"), "{}", r.stderr);
    let text = g.read("extra.json");
    assert!(
        text.starts_with("{\n  \"claims\": [\n    {\"id\": \"aa\""),
        "{text}"
    );
    assert!(text.ends_with("}\n"));
    let after: serde_json::Value = serde_json::from_str(&text).unwrap();
    let sorted = |v: &serde_json::Value, k: &str| {
        let mut a = v[k].as_array().unwrap().clone();
        a.sort_by_key(|x| x.to_string());
        a
    };
    for k in ["claims", "edges"] {
        assert_eq!(
            sorted(&before, k),
            sorted(&after, k),
            "{k}: a round trip keeps every field"
        );
    }
    let snap = g.snapshot();
    let r = ok(&g, &["fmt"]);
    assert!(r.stderr.contains("nothing changed"), "{}", r.stderr);
    assert_eq!(g.snapshot(), snap);
}

#[test]
fn report_is_a_dossier_with_stances_tree_grounds_verdict_and_warnings() {
    let g = shipped_copy();
    ok(
        &g,
        &[
            "review",
            "nk-covert-arms-supply-to-russia",
            "--verdict",
            "mostly-true",
            "--by",
            "dw",
            "--date",
            "2024-06-20",
            "--note",
            "Matches the UN panel's findings.",
        ],
    );
    let md = ok(&g, &["report", "nk-covert-arms-supply-to-russia"]).stdout;
    insta::assert_snapshot!("report_covert_arms_supply", md);
    let j = ok(
        &g,
        &[
            "report",
            "nk-covert-arms-supply-to-russia",
            "--format",
            "json",
        ],
    )
    .json();
    let codes: Vec<&str> = j["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"interested-denial"), "{codes:?}");
    assert_eq!(j["review"]["verdict"], "mostly-true");
    let intel = ok(
        &g,
        &[
            "report",
            "nk-arms-transfers-since-aug-2023",
            "--format",
            "json",
        ],
    )
    .json();
    let codes: Vec<&str> = intel["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["one-source-type", "single-origin"]);
    assert_eq!(g.run(&["report", "nis"]).code, 2);
}

#[test]
fn diff_of_two_paths_lists_what_a_fact_checker_reviews() {
    let old = shipped_copy();
    let new = shipped_copy();
    let claim = "nk-arms-transfers-since-aug-2023";
    ok(&new, &["add", "claim", "new-claim", "--text", "New."]);
    ok(&new, &["link", "ap", "asserts", claim]);
    ok(&new, &["link", "dw", "asserts", "new-claim"]);
    ok(
        &new,
        &["unlink", "nk-arms-transfers-since-aug-2023", "cites", "nis"],
    );
    ok(
        &new,
        &[
            "review",
            claim,
            "--verdict",
            "mixed",
            "--by",
            "dw",
            "--date",
            "2024-06-20",
        ],
    );
    let (og, ng) = (old.graph(), new.graph());
    let args = ["diff", og.to_str().unwrap(), ng.to_str().unwrap()];
    let md = ok(&new, &args).stdout;
    insta::assert_snapshot!("diff_two_paths", md);
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let j = ok(&new, &json_args).json();
    assert_eq!(j["claims_added"][0]["id"], "new-claim");
    assert_eq!(j["rests_only_on_changed"][0]["id"], claim);
    assert_eq!(j["verdict_changed"][0]["new"], "mixed");
    let same = ok(
        &old,
        &[
            "diff",
            old.graph().to_str().unwrap(),
            old.graph().to_str().unwrap(),
        ],
    );
    assert!(same.stdout.starts_with("No changes"), "{}", same.stdout);
}

/// Whether git runs here; without it a `--rev` test fails under CI and skips elsewhere.
fn have_git() -> bool {
    let found = std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        crate::util::missing_tool("git is not installed");
    }
    found
}

fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .args([
            "-c",
            "user.name=Desk",
            "-c",
            "user.email=desk@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn diff_rev_compares_the_working_graph_with_a_commit() {
    if !have_git() {
        return;
    }
    let g = shipped_copy();
    let repo = g.dir.path();
    git(repo, &["init", "-q"]);
    git(repo, &["add", "graph"]);
    git(repo, &["commit", "-qm", "seed"]);
    ok(
        &g,
        &[
            "review",
            "nk-ballistic-missiles-to-russia",
            "--verdict",
            "unproven",
            "--by",
            "dw",
            "--date",
            "2024-06-20",
        ],
    );
    let r = ok(&g, &["diff", "--rev", "HEAD"]);
    assert!(
        r.stdout
            .contains("`nk-ballistic-missiles-to-russia`: unreviewed → unproven"),
        "{}",
        r.stdout
    );
    let bad = g.run(&["diff", "--rev", "no-such-rev"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
}
