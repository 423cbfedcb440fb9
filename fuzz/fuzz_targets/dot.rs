//! Arbitrary labels -> DOT -> Graphviz: the bytes become the names, tags-free texts, quotes
//! and ids (DOT keywords among them) of a small graph with a cycle, a denial and a relay;
//! the exported DOT must be accepted by the real `dot` (`dot -Tcanon`), whatever it holds.
#![no_main]

use claimgraph::export::dot::{write_dot, DotOptions};
use claimgraph::load::{from_sources, Source};
use claimgraph::select::Selection;
use claimgraph::support::Support;
use libfuzzer_sys::fuzz_target;
use serde_json::json;
use std::io::Write;
use std::process::{Command, Stdio};

const IDS: [&str; 6] = ["node", "graph", "edge", "subgraph", "strict", "digraph"];

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\u{1}').map(|s| if s.trim().is_empty() { "x" } else { s });
    let mut next = || parts.next().unwrap_or("x").to_string();
    let file = json!({
        "entities": [
            {"id": IDS[0], "name": next(), "kind": "country", "tags": ["intelligence"]},
            {"id": IDS[1], "name": next(), "kind": "person", "part_of": IDS[0]},
            {"id": IDS[2], "name": next(), "kind": "organization"},
        ],
        "claims": [
            {"id": IDS[3], "text": next()},
            {"id": IDS[4], "text": next()},
            {"id": IDS[5], "text": next()},
        ],
        "edges": [
            {"from": IDS[0], "rel": "asserts", "to": IDS[3], "quote": next()},
            {"from": IDS[1], "rel": "denies", "to": IDS[3]},
            {"from": IDS[2], "rel": "asserts", "to": IDS[4]},
            {"from": IDS[2], "rel": "cites", "to": IDS[1]},
            {"from": IDS[4], "rel": "cites", "to": IDS[5]},
            {"from": IDS[5], "rel": "cites", "to": IDS[4]},
        ],
    });
    let src = Source { name: "fuzz.json".into(), bytes: file.to_string().into_bytes() };
    let g = from_sources(&[src]).expect("the fuzz graph is valid");
    let s = Support::new(&g);
    let opts = DotOptions { part_of: true, cluster_origin: data.first().is_some_and(|b| b & 1 == 1), ..DotOptions::default() };
    let mut dot = Vec::new();
    write_dot(&mut dot, &g, &s, &Selection::all(&g), &opts).expect("write to memory");
    let mut child = Command::new("dot")
        .arg("-Tcanon")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("Graphviz dot is installed");
    child.stdin.take().expect("stdin").write_all(&dot).expect("feed dot");
    let out = child.wait_with_output().expect("dot runs");
    assert!(
        out.status.success(),
        "dot rejected the export: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&dot)
    );
});
