use super::*;
use crate::load::test_graph as graph;

fn dot(g: &ClaimGraph, opts: &DotOptions) -> String {
    let s = Support::new(g);
    let mut out = Vec::new();
    write_dot(&mut out, g, &s, &Selection::all(g), opts).expect("write to a Vec");
    String::from_utf8(out).expect("UTF-8")
}

fn no_legend() -> DotOptions {
    DotOptions {
        legend: false,
        ..DotOptions::default()
    }
}

/// The line that declares the node whose tooltip is `id`.
fn node_line<'d>(dot: &'d str, id: &str) -> &'d str {
    let tip = format!("tooltip=\"{id}\"");
    dot.lines()
        .find(|l| l.contains(&tip) && !l.contains("->"))
        .unwrap_or_else(|| panic!("no node {id} in\n{dot}"))
}

const KEYWORDS: &str = r#"{
  "entities": [
    {"id": "node", "name": "Node \"the\" {agency}", "kind": "organization", "tags": ["intelligence"]},
    {"id": "graph", "name": "Graph", "kind": "person"},
    {"id": "strict", "name": "Strict", "kind": "country"}
  ],
  "claims": [
    {"id": "edge", "text": "A claim about <b>edges</b> & more", "review": {"verdict": "false", "by": "graph"}},
    {"id": "subgraph", "text": "Denied by strict"}
  ],
  "edges": [
    {"from": "edge", "rel": "cites", "to": "node"},
    {"from": "graph", "rel": "asserts", "to": "edge"},
    {"from": "graph", "rel": "asserts", "to": "subgraph"},
    {"from": "strict", "rel": "denies", "to": "subgraph"}
  ]
}"#;

#[test]
fn ids_that_are_dot_keywords_are_quoted_and_nodes_come_in_id_order() {
    let d = dot(&graph(KEYWORDS), &no_legend());
    assert!(node_line(&d, "edge").starts_with("  \"edge\" ["));
    assert!(node_line(&d, "strict").starts_with("  \"strict\" ["));
    let nodes: Vec<&str> = d
        .lines()
        .filter(|l| l.starts_with("  \"") && !l.contains("->"))
        .map(|l| l.trim_start().split(' ').next().unwrap())
        .collect();
    // Entities first, then claims, each by id.
    assert_eq!(
        nodes,
        [
            "\"graph\"",
            "\"node\"",
            "\"strict\"",
            "\"edge\"",
            "\"subgraph\""
        ]
    );
}

/// A DOT file under git must change only where the graph changed.
#[test]
fn adding_a_claim_only_adds_lines() {
    let before = dot(&graph(KEYWORDS), &DotOptions::default());
    let more = KEYWORDS.replace(
        r#"{"id": "edge", "text""#,
        r#"{"id": "another", "text": "New"}, {"id": "edge", "text""#,
    );
    let after = dot(&graph(&more), &DotOptions::default());
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().filter(|l| !l.contains("another")).collect();
    assert_eq!(old, new);
    assert_eq!(after.lines().count(), old.len() + 1);
}

#[test]
fn labels_carry_name_tags_text_and_verdict_escaped() {
    let d = dot(&graph(KEYWORDS), &no_legend());
    assert!(
        node_line(&d, "node")
            .contains(r#"label="Node \"the\" {agency}\n[intelligence]\n(chokepoint of 1 claim)""#),
        "{d}"
    );
    assert!(node_line(&d, "edge")
        .contains(r#"label="A claim about <b>edges</b> &amp; more\nverdict: false\n(rests only on intelligence)""#));
    assert!(!d.contains("label=<"), "no HTML-like labels:\n{d}");
}

#[test]
fn cites_edges_run_from_the_source_with_the_arrow_back() {
    let d = dot(&graph(KEYWORDS), &no_legend());
    let cites = d.lines().find(|l| l.contains("label=\"cites\"")).unwrap();
    assert!(
        cites.starts_with("  \"node\" -> \"edge\" [") && cites.contains("dir=\"back\""),
        "{cites}"
    );
    assert!(cites.contains("tooltip=\"edge cites node\""), "{cites}");
}

#[test]
fn shapes_differ_by_kind() {
    let d = dot(&graph(KEYWORDS), &no_legend());
    let shape = |id| {
        let line = node_line(&d, id);
        let at = line.find("shape=").unwrap();
        line[at..].split(',').next().unwrap().to_string()
    };
    let shapes = [
        shape("strict"),
        shape("graph"),
        shape("node"),
        shape("edge"),
    ];
    for (i, a) in shapes.iter().enumerate() {
        for b in &shapes[i + 1..] {
            assert_ne!(a, b);
        }
    }
}

#[test]
fn contested_claims_are_filled_and_say_so() {
    let d = dot(&graph(KEYWORDS), &no_legend());
    let line = node_line(&d, "subgraph");
    assert!(line.contains(style::FILL_CONTESTED), "{line}");
    assert!(line.contains("(contested)"), "{line}");
}

/// a asserts x, x cites a; a and b cite each other; c cites b.
const CYCLE: &str = include_str!("../../../tests/fixtures/graphs/cycle-with-exit.json");

#[test]
fn arcs_on_a_cycle_are_drawn_in_the_warning_colour_and_others_not() {
    let d = dot(&graph(CYCLE), &no_legend());
    let edge = |tip: &str| {
        d.lines()
            .find(|l| l.contains(&format!("tooltip=\"{tip}\"")))
            .unwrap_or_else(|| panic!("no edge {tip}"))
            .to_string()
    };
    assert!(edge("a cites b").contains(style::CYCLE));
    assert!(edge("b cites a").contains(style::CYCLE));
    // x cites a: an arc into the cycle, not on it; a asserts x is no arc of S at all.
    assert!(!edge("x cites a").contains(style::CYCLE));
    assert!(!edge("a asserts x").contains(style::CYCLE));
    assert!(!edge("c cites b").contains(style::CYCLE));
    let x = node_line(&d, "x");
    assert!(x.contains("(ungrounded") || x.contains("circular"), "{x}");
    assert!(
        x.contains(style::CYCLE),
        "circular claims get the warning outline: {x}"
    );
}

#[test]
fn the_same_graph_gives_the_same_bytes_whatever_the_file_order() {
    let g = graph(KEYWORDS);
    let file = g.to_graph_file();
    let mut reversed = file.clone();
    reversed.entities.reverse();
    reversed.claims.reverse();
    reversed.edges.reverse();
    let text = serde_json::to_string(&reversed).unwrap();
    let opts = DotOptions::default();
    assert_eq!(dot(&g, &opts), dot(&graph(&text), &opts));
}

#[test]
fn part_of_links_and_the_legend_come_only_when_asked() {
    let json = r#"{"entities": [
        {"id": "land", "name": "Land", "kind": "country"},
        {"id": "agency", "name": "Agency", "kind": "organization", "part_of": "land"}]}"#;
    let g = graph(json);
    let plain = dot(&g, &no_legend());
    assert!(
        !plain.contains("dotted") && !plain.contains("legend"),
        "{plain}"
    );
    let with = dot(
        &g,
        &DotOptions {
            part_of: true,
            ..DotOptions::default()
        },
    );
    assert!(with.contains(r##""land" -> "agency" [color="#969696", style="dotted", dir="none""##));
    assert!(with.contains("cluster_legend") && with.contains("part of"));
}

#[test]
fn origin_clusters_group_entities_and_skip_lone_origins() {
    let json = r#"{"entities": [
        {"id": "land", "name": "Land \"L\"", "kind": "country"},
        {"id": "agency", "name": "Agency", "kind": "organization", "part_of": "land"},
        {"id": "alone", "name": "Alone", "kind": "country"}]}"#;
    let d = dot(
        &graph(json),
        &DotOptions {
            cluster_origin: true,
            legend: false,
            ..DotOptions::default()
        },
    );
    assert_eq!(d.matches("subgraph").count(), 1, "{d}");
    assert!(
        d.contains(r#"label="Land \"L\"", tooltip="origin: land""#),
        "{d}"
    );
}

#[test]
fn the_focus_node_gets_a_heavy_outline() {
    let g = graph(KEYWORDS);
    let focus = g.node_by_id("graph");
    let d = dot(
        &g,
        &DotOptions {
            focus,
            legend: false,
            ..DotOptions::default()
        },
    );
    assert!(node_line(&d, "graph").contains("penwidth=\"3\""));
    assert!(!node_line(&d, "strict").contains("penwidth=\"3\""));
}
