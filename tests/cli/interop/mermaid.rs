//! Mermaid parsed by the official mermaid package.

use super::*;

/// The label the Mermaid export gives `text`: control characters as spaces, cut at 80.
fn mermaid_label(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if spaced.chars().count() > 80 {
        spaced.chars().take(80).chain(['…']).collect()
    } else {
        spaced
    }
}

#[test]
fn the_mermaid_parser_accepts_the_flowchart_and_reads_every_label_back() {
    let Some(node) = node() else { return };
    let dir = tempfile::tempdir().unwrap();
    let graphs = [None, Some(fixture("interop/hostile.json"))];
    let mut files = Vec::new();
    for (i, g) in graphs.iter().enumerate() {
        let file = dir.path().join(format!("g{i}.mmd"));
        export_to(g.as_deref(), &["export", "--format", "mermaid"], &file);
        files.push(file);
    }
    let args: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let got = script(&node, "mermaid_parse.mjs", &args);
    for (g, file) in graphs.iter().zip(&files) {
        let res = &got[file.display().to_string()];
        assert_eq!(res["ok"], true, "{res}");
        assert_eq!(res["type"], "flowchart-v2");
        let json = json_of(g.as_deref());
        let mut labels: Vec<(String, String)> = Vec::new();
        for e in json["entities"].as_array().unwrap() {
            labels.push((
                e["id"].as_str().unwrap().into(),
                e["name"].as_str().unwrap().into(),
            ));
        }
        for c in json["claims"].as_array().unwrap() {
            labels.push((
                c["id"].as_str().unwrap().into(),
                c["text"].as_str().unwrap().into(),
            ));
        }
        labels.sort();
        assert_eq!(res["labels"].as_object().unwrap().len(), labels.len());
        for (k, (_, text)) in labels.iter().enumerate() {
            assert_eq!(res["labels"][format!("n{k}")], mermaid_label(text), "n{k}");
        }
        assert_eq!(res["edges"], json["edges"].as_array().unwrap().len());
    }
}
