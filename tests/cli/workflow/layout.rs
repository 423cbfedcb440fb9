//! The edits that add one record (`add entity|claim|doc`, `link`) insert its line and
//! keep every other byte of the file, in whatever layout the file is: the records they
//! leave are those the same edits leave on the graph in the canonical layout.

use crate::util::run_on;
use std::fs;
use std::path::Path;

/// The edits, each adding one record the ones before it make possible.
const EDITS: &[&[&str]] = &[
    &[
        "add",
        "entity",
        "--name",
        "Yonhap",
        "--kind",
        "organization",
        "--tag",
        "wire",
    ],
    &[
        "add",
        "doc",
        "--title",
        "Rail report",
        "--publisher",
        "Yonhap",
    ],
    &[
        "add",
        "claim",
        "--text",
        "Shells crossed the border by rail.",
        "--about",
        "North Korea",
    ],
    &[
        "link",
        "yonhap",
        "asserts",
        "shells-crossed-the-border-by-rail",
    ],
    &[
        "link",
        "nis",
        "asserts",
        "shells-crossed-the-border-by-rail",
        "--quote",
        "by rail",
    ],
];

/// Whether `after` is `before` with one run of bytes inserted.
fn one_insertion(before: &[u8], after: &[u8]) -> bool {
    let head = before.iter().zip(after).take_while(|(a, b)| a == b).count();
    let tail = (before.iter().rev().zip(after.iter().rev()))
        .take_while(|(a, b)| a == b)
        .count();
    after.len() > before.len() && head + tail >= before.len()
}

fn ok(graph: &Path, args: &[&str]) {
    let r = run_on(graph, args);
    assert_eq!(r.code, 0, "{args:?}: {}", r.transcript());
}

#[test]
fn added_records_keep_the_file_layout_and_match_the_canonical_edits() {
    let dir = tempfile::tempdir().unwrap();
    let (compact, canonical) = (
        dir.path().join("compact.json"),
        dir.path().join("canonical.json"),
    );
    // The shipped graph in one file, twice: written compact on one line with the entities
    // and edges in reverse order, and in the canonical layout.
    let r = run_on(
        &crate::util::root().join("graph"),
        &["export", "--format", "json"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut value: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    for array in ["entities", "edges"] {
        value[array].as_array_mut().unwrap().reverse();
    }
    fs::write(&compact, serde_json::to_string(&value).unwrap()).unwrap();
    fs::write(&canonical, &r.stdout).unwrap();
    ok(&canonical, &["fmt"]);
    for args in EDITS {
        let before = fs::read(&compact).unwrap();
        ok(&compact, args);
        ok(&canonical, args);
        let after = fs::read(&compact).unwrap();
        assert!(one_insertion(&before, &after), "{args:?} rewrote the file");
        assert_eq!(
            after.iter().filter(|&&b| b == b'\n').count(),
            0,
            "{args:?}: still one line"
        );
    }
    let check = run_on(&compact, &["fmt", "--check"]);
    assert_eq!(check.code, 1, "the layout is kept: {}", check.transcript());
    ok(&compact, &["check"]);
    ok(&compact, &["fmt"]);
    assert_eq!(fs::read(&compact).unwrap(), fs::read(&canonical).unwrap());
}
