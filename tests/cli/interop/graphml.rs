//! GraphML read back by networkx.

use super::*;
use serde_json::Value;

/// What XML 1.0 can carry of `s` (the GraphML writer drops the rest).
fn xml_text(s: &str) -> String {
    s.chars()
        .filter(|&c| (c >= ' ' || matches!(c, '\t' | '\n' | '\r')) && c != '\u{FFFF}')
        .collect()
}

#[test]
fn graphml_reads_back_in_networkx_with_the_same_nodes_edges_and_attributes() {
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let graphs = [
        None,
        Some(fixture("interop/hostile.json")),
        Some(fixture("appearances.json")),
    ];
    for (i, g) in graphs.iter().enumerate() {
        let file = dir.path().join(format!("g{i}.graphml"));
        export_to(g.as_deref(), &["export", "--format", "graphml"], &file);
        let json = json_of(g.as_deref());
        let got = script(&py, "graphml_read.py", &[&file]);
        assert_eq!(got["directed"], true);
        let nodes = got["nodes"].as_object().unwrap();
        let entities = json["entities"].as_array().unwrap();
        let claims = json["claims"].as_array().unwrap();
        assert_eq!(nodes.len(), entities.len() + claims.len());
        let joined = |v: &Value| {
            v.as_array().map(|a| {
                a.iter()
                    .map(|t| t.as_str().unwrap())
                    .collect::<Vec<_>>()
                    .join(";")
            })
        };
        for e in entities {
            let n = &nodes[e["id"].as_str().unwrap()];
            assert_eq!(n["type"], "entity");
            assert_eq!(n["kind"], e["kind"]);
            assert_eq!(
                n["name"].as_str(),
                e["name"].as_str().map(xml_text).as_deref()
            );
            assert_eq!(n["tags"].as_str().map(String::from), joined(&e["tags"]));
            assert!(n["ground"].is_boolean(), "ground is typed boolean: {n}");
        }
        for c in claims {
            let n = &nodes[c["id"].as_str().unwrap()];
            assert_eq!(n["kind"], "claim");
            assert_eq!(
                n["text"].as_str(),
                c["text"].as_str().map(xml_text).as_deref()
            );
            assert_eq!(n.get("verdict"), c["review"].get("verdict"));
            assert_eq!(
                n.get("credibility"),
                c.get("credibility"),
                "credibility is an int"
            );
        }
        // One GraphML edge per edge of the files: a relation in three documents is three
        // parallel edges, each with its own `in`.
        let mut want: Vec<[String; 4]> = json["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                [
                    e["from"].to_string(),
                    e["rel"].to_string(),
                    e["to"].to_string(),
                    e["in"].to_string(),
                ]
            })
            .collect();
        let mut have: Vec<[String; 4]> = got["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                [
                    e[0].to_string(),
                    e[2]["rel"].to_string(),
                    e[1].to_string(),
                    e[2].get("in").unwrap_or(&Value::Null).to_string(),
                ]
            })
            .collect();
        want.sort();
        have.sort();
        assert_eq!(have, want);
    }
}
