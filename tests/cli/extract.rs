//! `extract` as a user runs it: table, JSON and graph output, standard input, linking
//! against the loaded graph, and what happens without one.

use crate::util::{cmd, run, run_on};
use std::io::Write;
use std::process::Stdio;

const SEED: &str = "tests/fixtures/extract/dw-russia-north-korea.txt";
const WIRE: &str = "tests/fixtures/extract/wire-port-strike.txt";

fn records(args: &[&str]) -> Vec<serde_json::Value> {
    let r = run(args);
    assert_eq!(r.code, 0, "{}", r.transcript());
    r.json().as_array().expect("an array").clone()
}

fn find<'a>(found: &'a [serde_json::Value], entity: &str, rel: &str) -> Vec<&'a serde_json::Value> {
    found
        .iter()
        .filter(|a| a["entity"] == entity && a["rel"] == rel)
        .collect()
}

#[test]
fn json_records_link_speakers_to_the_shipped_graph() {
    let found = records(&["extract", SEED, "--format", "json"]);
    for (entity, rel) in [
        ("nis", "asserts"),
        ("kcna", "asserts"),
        ("rusi", "asserts"),
        ("bloomberg-news", "asserts"),
        ("china", "asserts"),
        ("anwita-basu", "asserts"),
        ("north-korea", "denies"),
        ("russia", "denies"),
    ] {
        assert!(!find(&found, entity, rel).is_empty(), "no {entity} {rel}");
    }
    let reports = found
        .iter()
        .find(|a| a["source"] == "Other reports")
        .expect("other reports");
    assert_eq!(reports["cites"], serde_json::json!(["US satellite images"]));
    let first = &found[0];
    let text = std::fs::read_to_string(crate::util::root().join(SEED)).unwrap();
    let span = (
        first["span"][0].as_u64().unwrap() as usize,
        first["span"][1].as_u64().unwrap() as usize,
    );
    assert!(text[span.0..span.1].contains("Seoul intelligence officials say"));
}

#[test]
fn standard_input_is_read_for_a_dash() {
    let mut c = cmd(&["extract", "-", "--format", "json"]);
    c.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Growth will return, the central bank said on Tuesday.")
        .unwrap();
    let out = child.wait_with_output().expect("run");
    assert!(out.status.success());
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(found[0]["source"], "the central bank");
    assert_eq!(found[0]["claim"], "Growth will return");
}

#[test]
fn graph_fragment_imports_into_the_shipped_graph_and_passes_check() {
    let r = run(&[
        "extract",
        SEED,
        "--format",
        "graph",
        "--doc",
        "dw-2024-06-18",
    ]);
    assert_eq!(r.code, 0, "{}", r.transcript());
    let fragment = r.json();
    let edges = fragment["edges"].as_array().expect("edges");
    assert!(edges
        .iter()
        .all(|e| e["in"] == "dw-2024-06-18" && e["quote"].is_string()));
    assert!(edges
        .iter()
        .any(|e| e["from"] == "north-korea" && e["rel"] == "denies"));
    assert!(edges
        .iter()
        .any(|e| e["rel"] == "cites" && e["to"] == "us-satellite-images"));
    assert!(edges
        .iter()
        .all(|e| e["quote"].as_str().unwrap().chars().count() <= 300));

    let dir = tempfile::tempdir().unwrap();
    for path in crate::util::shipped_files() {
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let fragment_file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(fragment_file.path(), &r.stdout).unwrap();
    let fragment_path = fragment_file.path().to_str().unwrap();
    let import = run_on(dir.path(), &["import", fragment_path]);
    assert_eq!(import.code, 0, "{}", import.transcript());
    let check = run_on(dir.path(), &["check"]);
    assert_eq!(check.code, 0, "{}", check.transcript());
    assert!(check.stdout.contains(" 0 errors"), "{}", check.transcript());
}

#[test]
fn new_speakers_become_entities_with_a_guessed_kind() {
    let r = run(&["extract", WIRE, "--format", "graph"]);
    let fragment = r.json();
    let entities = fragment["entities"].as_array().expect("entities");
    let kind = |name: &str| {
        entities
            .iter()
            .find(|e| e["name"] == name)
            .map(|e| e["kind"].as_str().unwrap().to_string())
    };
    assert_eq!(kind("João Mendes").as_deref(), Some("person"));
    assert_eq!(kind("Cargonave").as_deref(), Some("organization"));
    assert!(fragment["edges"][0].get("in").is_none(), "no --doc, no in");
    let unknown_doc = run(&["extract", WIRE, "--format", "graph", "--doc", "wire-2025"]);
    assert_eq!(unknown_doc.code, 0);
    assert!(
        unknown_doc
            .stderr
            .contains("\"wire-2025\" is not in the graph"),
        "{}",
        unknown_doc.stderr
    );
}

#[test]
fn without_a_graph_it_says_so_and_extracts_unlinked() {
    let r = run(&[
        "--graph",
        "no-such-folder",
        "extract",
        SEED,
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.transcript());
    assert!(
        r.stderr.contains("extracting without linking"),
        "{}",
        r.stderr
    );
    let found = r.json();
    assert!(found
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["entity"].is_null()));
    assert!(found.as_array().unwrap().len() > 15);
}

#[test]
fn table_fits_80_columns() {
    let r = run(&["extract", WIRE]);
    assert_eq!(r.code, 0, "{}", r.transcript());
    for line in r.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
    insta::assert_snapshot!("extract_wire_table", r.transcript());
}

#[test]
fn bad_usage_exits_2() {
    let missing = run(&["extract", "no-such-file.txt"]);
    assert_eq!(missing.code, 2, "{}", missing.transcript());
    assert!(missing.stderr.contains("no-such-file.txt"));
    let bad_doc = run(&["extract", SEED, "--doc", "Not An Id"]);
    assert_eq!(bad_doc.code, 2, "{}", bad_doc.transcript());
}

/// An image or an archive given by mistake is refused, not read as words.
#[test]
fn binary_input_is_refused_with_exit_1() {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0").unwrap();
    let r = run(&["extract", file.path().to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.transcript());
    assert!(r.stderr.contains("is not text"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
}

/// A record shows why it was drafted (cue, sentence, speaker phrase as written) and what
/// the text says of its speakers: kind, role, body, and the relay chain.
#[test]
fn records_describe_their_speakers_and_relays() {
    let text = "Borduria has sent 300 rifles to the rebels, the interior ministry told \
                senators on Tuesday, according to a senator who was briefed.\n\n\
                Senator Karl Voss of the opposition Unity Party quoted the ministry as saying \
                the rifles had crossed the border.";
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), text).unwrap();
    let found = records(&["extract", file.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0]["source"], "the interior ministry");
    assert_eq!(
        found[0]["claim"],
        "Borduria has sent 300 rifles to the rebels"
    );
    assert_eq!(found[0]["cue"], "told");
    assert_eq!(found[0]["sentence"], 0);
    assert_eq!(
        found[0]["relays"],
        serde_json::json!(["a senator who was briefed"])
    );
    assert_eq!(found[0]["speakers"][1]["kind"], "person");
    assert_eq!(found[0]["speakers"][1]["role"], "senator");
    assert_eq!(found[1]["mention"], "the ministry");
    assert_eq!(found[1]["relays"], serde_json::json!(["Karl Voss"]));
    let voss = &found[1]["speakers"][1];
    assert_eq!(voss["kind"], "person");
    assert_eq!(voss["role"], "senator");
    assert_eq!(voss["part_of"], "Unity Party");
}

/// Denials that refer back ("denied the report", "rejected the allegations", "dismissed the
/// claims") over several candidate claims of other speakers, one case per part of
/// `denials-refer-back.txt` (parts split by a `----` line). For each case the expectations
/// name the denier and the cue of the claim the denial refers to, or `null` when no claim
/// fits: the denial must take exactly that claim or be left out; a wrong attachment is a
/// wrong edge in the graph and fails.
#[test]
fn a_denial_that_refers_back_takes_the_claim_it_names() {
    let dir = crate::util::fixture("extract");
    let text = std::fs::read_to_string(dir.join("denials-refer-back.txt")).unwrap();
    let expect: Vec<serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(dir.join("denials-refer-back.expect.json")).unwrap(),
    )
    .unwrap();
    let cases: Vec<&str> = text.split("\n----\n").collect();
    assert_eq!(cases.len(), expect.len(), "one expectation per case");
    for (case, want) in cases.iter().zip(&expect) {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), case).unwrap();
        let found = records(&["extract", file.path().to_str().unwrap(), "--format", "json"]);
        let denials: Vec<_> = found
            .iter()
            .filter(|a| a["rel"] == "denies" && a["source"] == want["denier"])
            .collect();
        match want["refers_to"].as_str() {
            None => assert!(
                denials.is_empty(),
                "{case}\nshould be left out: {denials:#?}"
            ),
            Some(cue) => {
                let referred: Vec<_> = found.iter().filter(|a| a["cue"] == cue).collect();
                assert_eq!(referred.len(), 1, "{case}\n{found:#?}");
                assert_eq!(denials.len(), 1, "{case}\n{found:#?}");
                assert_eq!(denials[0]["claim"], referred[0]["claim"], "{case}");
            }
        }
    }
}

/// JSON and graph output are written as they are serialized, without the whole output in
/// memory: on a long single line (every fixture run together, several times, with a BOM,
/// curly quotes, a stray Latin-1 byte and a bidi override to escape), the bytes are those
/// of the records and fragment serialized whole.
#[test]
fn long_line_output_is_the_whole_records_serialized() {
    use claimgraph::extract::{extract, fragment};
    use claimgraph::text::json_terminal_safe;
    let dir = crate::util::fixture("extract");
    let mut line = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "txt") {
            line.push_str(&std::fs::read_to_string(path).unwrap().replace('\n', " "));
            line.push(' ');
        }
    }
    line.push_str("Ana Ruiz said “the \u{202e}pier is safe”. Ruiz added that it would reopen.");
    let text = line.repeat(8);
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(text.as_bytes());
    bytes.extend_from_slice(b" Tom Hale said caf\xe9 was closed.");
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), &bytes).unwrap();
    let decoded = format!("{text} Tom Hale said caf\u{fffd} was closed.");
    let found = extract(&decoded, &[]);
    assert!(found.len() > 100);
    let path = file.path().to_str().unwrap();
    let json = run(&[
        "--graph",
        "no-such-folder",
        "extract",
        path,
        "--format",
        "json",
    ]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let whole = serde_json::to_string_pretty(&found).unwrap();
    assert!(whole.len() > 200_000 && whole.contains('\u{202e}'));
    assert!(json.stdout == format!("{}\n", json_terminal_safe(&whole)));
    let graph = run(&[
        "--graph",
        "no-such-folder",
        "extract",
        path,
        "--format",
        "graph",
    ]);
    assert_eq!(graph.code, 0, "{}", graph.stderr);
    let file = fragment::build(&decoded, &found, &|_| None, &|_| false, None);
    let whole = serde_json::to_string_pretty(&file).unwrap();
    assert!(graph.stdout == format!("{}\n", json_terminal_safe(&whole)));
}
