//! Mermaid parsed by the official mermaid package.

use super::*;

/// The hostile fixture's labels as the Mermaid parser reads them, by node id (`n0`, `n1`, …
/// in id order): control characters shown as spaces, anything past 80 characters cut with
/// `…`, and every character Mermaid gives a meaning to read back as itself.
const HOSTILE_LABELS: [(&str, &str); 11] = [
    ("9lives", "#quot; #35; #lt; ; semicolon `backtick` **bold** _em_"),
    ("c-3", "end graph subgraph click style classDef --> -.-> ==> |pipe| [box] (round) {curly…"),
    ("c.1", "Quote \" and \\ backslash line one line two  three tab   ctrl   del"),
    ("c4", "Unicode: Пхеньян 평양 🚀 \u{200b} zero-width \u{feff} bom #quot; #35; #lt; ; semicolon `backtick`…"),
    ("c_2", "<script>alert(\"x\")</script> & &amp; &#945; ]]> <!-- c --> %%{init: {\"theme\": \"da…"),
    ("checker", "Desk & Co. \"Fact\" <Check>"),
    ("circ", "Cites itself through c4."),
    ("end", "end graph subgraph click style classDef --> -.-> ==> |pipe| [box] (round) {curly…"),
    ("graph", "<script>alert(\"x\")</script> & &amp; &#945; ]]> <!-- c -->"),
    ("o-x", "%%{init: {\"theme\": \"dark\"}}%% %% comment"),
    ("x.", "Unicode: Пхеньян 평양 🚀 \u{200b} zero-width \u{feff} bom"),
];

/// Exports `graph` (the shipped one when `None`) as Mermaid and parses it with the mermaid
/// package; returns the graph as JSON and what the parser read.
fn parsed(node: &Path, graph: Option<&Path>) -> (Value, Value) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("g.mmd");
    export_to(graph, &["export", "--format", "mermaid"], &file);
    let mut got = script(node, "mermaid_parse.mjs", &[file.as_path()]);
    let res = got[file.display().to_string()].take();
    assert_eq!(res["ok"], true, "{res}");
    assert_eq!(res["type"], "flowchart-v2");
    (json_of(graph), res)
}

#[test]
fn the_mermaid_parser_reads_the_hostile_labels_back_as_written() {
    let Some(node) = node() else { return };
    let fixture = fixture("interop/hostile.json");
    let (json, res) = parsed(&node, Some(&fixture));
    let labels = res["labels"].as_object().unwrap();
    assert_eq!(labels.len(), HOSTILE_LABELS.len());
    for (k, (id, label)) in HOSTILE_LABELS.iter().enumerate() {
        assert_eq!(res["labels"][format!("n{k}")], *label, "n{k} ({id})");
    }
    assert_eq!(res["edges"], json["edges"].as_array().unwrap().len());
}

#[test]
fn the_mermaid_parser_accepts_the_shipped_graph() {
    let Some(node) = node() else { return };
    let (json, res) = parsed(&node, None);
    let mut texts: Vec<(&str, &str)> = Vec::new();
    for e in json["entities"].as_array().unwrap() {
        texts.push((e["id"].as_str().unwrap(), e["name"].as_str().unwrap()));
    }
    for c in json["claims"].as_array().unwrap() {
        texts.push((c["id"].as_str().unwrap(), c["text"].as_str().unwrap()));
    }
    texts.sort();
    assert_eq!(res["labels"].as_object().unwrap().len(), texts.len());
    let label = |id: &str| {
        let k = texts.iter().position(|(i, _)| *i == id).unwrap();
        res["labels"][format!("n{k}")].as_str().unwrap().to_owned()
    };
    assert_eq!(label("nis"), "National Intelligence Service");
    assert_eq!(
        label("nk-arms-transfers-since-aug-2023"),
        "Since August 2023 North Korea has carried out many transfers of weapons to Russi…"
    );
    // Every other label is its text, or the start of it and `…`.
    for (id, text) in &texts {
        let got = label(id);
        let start = got.strip_suffix('…').unwrap_or(&got);
        assert!(text.starts_with(start) && !start.is_empty(), "{id}: {got}");
    }
    assert_eq!(res["edges"], json["edges"].as_array().unwrap().len());
}

/// A relation stated in several documents is one arrow, its label counting them.
#[test]
fn the_mermaid_parser_reads_one_arrow_per_relation() {
    let Some(node) = node() else { return };
    let fixture = fixture("appearances.json");
    let (json, res) = parsed(&node, Some(&fixture));
    let relations: BTreeSet<String> = json["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("{} {} {}", e["from"], e["rel"], e["to"]))
        .collect();
    assert_eq!(json["edges"].as_array().unwrap().len(), 9);
    assert_eq!(res["edges"], relations.len());
    let text = run_on(&fixture, &["export", "--format", "mermaid"]).stdout;
    assert!(text.contains("==>|cites ×3|"), "{text}");
    assert!(text.contains("-.->|denies ×2|"), "{text}");
}
