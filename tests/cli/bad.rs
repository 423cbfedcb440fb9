//! Malformed graphs: each file under `tests/fixtures/bad/` has one kind of mistake, and its
//! error — message, file, line and column, JSON path, exit code — is pinned by a snapshot.

use crate::util::{run, run_on};

/// Every fixture name (a file, or a folder for cross-file mistakes), sorted.
fn fixtures() -> Vec<String> {
    let dir = crate::util::fixture("bad");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures/bad exists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_bad_fixture_fails_check_with_its_pinned_error() {
    let names = fixtures();
    assert!(names.len() >= 15, "only {} bad fixtures", names.len());
    for name in names {
        let r = run(&["--graph", &format!("tests/fixtures/bad/{name}"), "check"]);
        assert_eq!(r.code, 1, "{name}: {}", r.transcript());
        assert!(!r.stderr.contains("panicked"), "{name} panicked");
        insta::assert_snapshot!(name.replace('.', "_"), r.transcript());
    }
}

#[test]
fn query_commands_refuse_an_invalid_graph_with_exit_1() {
    let r = run(&["--graph", "tests/fixtures/bad/dangling-edge.json", "claims"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.is_empty());
    assert!(
        r.stderr.contains(
            "dangling-edge.json:4:22: edges[0].from: unknown id \"nsi\" (did you mean \"nis\"?)"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn a_missing_graph_path_is_a_usage_error_naming_it() {
    // docs/format.md §4.1: a missing --graph path is bad usage, not an invalid graph.
    let r = run(&["--graph", "no/such/graph", "claims"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("no graph at no/such/graph: no such file or folder"),
        "{}",
        r.stderr
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!(
        "{{\"entities\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let dir = crate::util::graph_dir(&[("deep.json", &deep)]);
    let r = run_on(dir.path(), &["check"]);
    assert_eq!(r.code, 1, "{}", r.transcript());
    assert!(
        r.stderr.contains(
            "deep.json:1:14: entities[0]: invalid type: sequence, expected a JSON object"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn non_json_files_in_the_folder_are_ignored_with_a_note() {
    let dir = crate::util::graph_dir(&[
        (
            "a.json",
            r#"{"entities": [{"id": "x", "name": "X", "kind": "country"}]}"#,
        ),
        ("notes.txt", "not a graph"),
    ]);
    let r = run_on(dir.path(), &["entities", "--format", "ids"]);
    assert_eq!(r.code, 0, "{}", r.transcript());
    assert_eq!(r.lines(), ["x"]);
    assert!(
        r.stderr.contains("notes.txt: ignored (not a .json file)"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_utf8_bom_is_accepted() {
    let dir = crate::util::graph_dir(&[(
        "a.json",
        "\u{feff}{\"entities\": [{\"id\": \"x\", \"name\": \"X\", \"kind\": \"country\"}]}",
    )]);
    let r = run_on(dir.path(), &["check"]);
    assert_eq!(r.code, 0, "{}", r.transcript());
    assert!(
        r.stdout.ends_with(": 0 errors, 1 warning\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr.contains("a.json:1:") && r.stderr.contains("entity \"x\" is not used"),
        "{}",
        r.stderr
    );
    let r = run_on(dir.path(), &["entities", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.transcript());
    assert_eq!(
        r.json(),
        serde_json::json!([{"id": "x", "name": "X", "kind": "country", "origin": "x"}]),
        "the record after the BOM is read whole"
    );
}
