//! `export --format dot|svg|png`: what the drawing holds, that it is stable, and that real
//! Graphviz reads it back verbatim whatever the labels contain.
//!
//! Tests that run Graphviz need `dot`: under CI (`CLAIMGRAPH_REQUIRE_TOOLS=1`) a missing
//! `dot` fails them; elsewhere they are skipped with a note on stderr.

use crate::util::{cmd, fixture, graph_dir, output, run, run_on};
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use regex::Regex;
use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};

/// Whether Graphviz `dot` runs here. Its absence fails the test under CI and skips it
/// elsewhere ([`crate::util::missing_tool`]).
fn graphviz() -> bool {
    let found = Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return true;
    }
    crate::util::missing_tool("Graphviz `dot` not found (apt-get install graphviz)");
    false
}

/// Runs `dot -Tsvg` on `dot_text`: (exit code, SVG, stderr).
fn render_svg(dot_text: &str) -> (i32, String, String) {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dot runs");
    let mut stdin = child.stdin.take().expect("piped stdin");
    let text = dot_text.as_bytes().to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&text));
    let out = child.wait_with_output().expect("dot finishes");
    writer.join().expect("writer").expect("dot reads its input");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The text drawn in each node of an SVG made by `dot`, by tooltip (the real id), its
/// lines joined with newlines and XML entities decoded.
fn svg_nodes(svg: &str) -> BTreeMap<String, Vec<String>> {
    let title = Regex::new(r#"xlink:title="([^"]*)""#).unwrap();
    let text = Regex::new(r"(?s)<text[^>]*>(.*?)</text>").unwrap();
    let mut nodes = BTreeMap::new();
    let starts: Vec<usize> = svg
        .match_indices("class=\"node\"")
        .map(|(i, _)| i)
        .collect();
    for (k, &start) in starts.iter().enumerate() {
        let rest = &svg[start..];
        let end = ["class=\"edge\"", "class=\"cluster\""]
            .iter()
            .filter_map(|m| rest.find(m))
            .chain(starts.get(k + 1).map(|&next| next - start))
            .min()
            .unwrap_or(rest.len());
        let group = &rest[..end];
        let id = title
            .captures(group)
            .map(|c| xml_unescape(&c[1]))
            .unwrap_or_default();
        let lines = text
            .captures_iter(group)
            .map(|c| xml_unescape(&c[1]))
            .collect();
        let previous = nodes.insert(id.clone(), lines);
        assert!(previous.is_none(), "node {id:?} drawn twice");
    }
    nodes
}

fn xml_unescape(s: &str) -> String {
    let entity = Regex::new(r"&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);").unwrap();
    entity
        .replace_all(s, |c: &regex::Captures| {
            let name = &c[1];
            let ch = if let Some(hex) = name.strip_prefix("#x") {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok().and_then(char::from_u32)
            } else {
                match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => None,
                }
            };
            ch.map_or_else(|| c[0].to_string(), String::from)
        })
        .into_owned()
}

/// `s` without whitespace and without the characters a label cannot hold (controls), the
/// form in which a label's text is compared with what Graphviz drew (wrapping moves line
/// breaks, so they are not compared).
fn bare(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect()
}

/// Every entity name and claim text of a graph file, by id.
fn labels(graph_json: &str) -> BTreeMap<String, String> {
    let v: serde_json::Value = serde_json::from_str(graph_json).expect("fixture is JSON");
    let mut out = BTreeMap::new();
    for (array, field) in [("entities", "name"), ("claims", "text")] {
        for item in v[array].as_array().into_iter().flatten() {
            out.insert(
                item["id"].as_str().unwrap().to_string(),
                item[field].as_str().unwrap().to_string(),
            );
        }
    }
    out
}

/// The ids (tooltips) of the nodes a DOT drawing declares, legend aside.
fn drawn_ids(dot: &str) -> Vec<String> {
    // Legend nodes are named `legend:…`, which no id of a graph can be.
    let node = Regex::new(r#"(?m)^\s*"([a-z0-9][a-z0-9._-]*)" \["#).unwrap();
    let mut ids: Vec<String> = node.captures_iter(dot).map(|c| c[1].to_string()).collect();
    ids.sort();
    ids
}

/// Renders the drawing of `graph` and checks that Graphviz drew every label's text: each
/// node's lines start with its name or text (shorter than the cap) or the cap's prefix.
fn assert_labels_survive(graph: &std::path::Path, json: &str) {
    let r = run_on(graph, &["export", "--format", "dot", "--part-of"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (code, svg, stderr) = render_svg(&r.stdout);
    assert_eq!(code, 0, "dot rejected the drawing:\n{stderr}\n{}", r.stdout);
    let drawn = svg_nodes(&svg);
    for (id, label) in labels(json) {
        let lines = drawn
            .get(&id)
            .unwrap_or_else(|| panic!("node {id} is not in the SVG"));
        let got = bare(&lines.join("\n"));
        let want = bare(&label);
        let want = if want.is_empty() { id.clone() } else { want };
        if label.chars().count() <= 400 {
            assert!(
                got.starts_with(&want),
                "{id}: drew {lines:?}, expected the text {label:?}"
            );
        } else {
            let prefix: String = want.chars().take(300).collect();
            assert!(
                got.starts_with(&prefix) && got.contains('…'),
                "{id}: {lines:?}"
            );
        }
    }
}

#[test]
fn the_seed_graph_drawing_is_stable() {
    let r = run(&["export", "--format", "dot"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("seed_dot", r.stdout);
}

#[test]
fn rests_only_on_draws_the_claims_and_the_chain_behind_them() {
    let r = run(&[
        "export",
        "--format",
        "dot",
        "--rests-only-on",
        "intelligence",
        "--part-of",
        "--cluster",
        "origin",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        drawn_ids(&r.stdout),
        [
            "nis",
            "nk-arms-transfers-since-aug-2023",
            "nk-ballistic-missiles-to-russia",
            "south-korea",
            "united-states",
            "us-satellite-imagery"
        ]
    );
    insta::assert_snapshot!("seed_rests_only_on_intelligence_dot", r.stdout);
}

#[test]
fn a_filtered_drawing_brings_the_deniers() {
    let r = run(&["export", "--format", "dot", "--contested", "--no-legend"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        drawn_ids(&r.stdout),
        [
            "nk-covert-arms-supply-to-russia",
            "north-korea",
            "russia",
            "south-korean-officials",
            "us-officials"
        ]
    );
    assert_eq!(r.stdout.matches("label=\"denies\"").count(), 2);
}

#[test]
fn focus_draws_the_neighbourhood_up_to_the_depth() {
    let ids = |extra: &[&str]| {
        let mut args = vec!["export", "--format", "dot", "--focus", "NIS"];
        args.extend_from_slice(extra);
        let r = run(&args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        drawn_ids(&r.stdout)
    };
    assert_eq!(ids(&[]), ["nis", "nk-arms-transfers-since-aug-2023"]);
    assert_eq!(
        ids(&["--depth", "2"]),
        ["dw", "nis", "nk-arms-transfers-since-aug-2023"]
    );
    assert_eq!(
        ids(&["--part-of"]),
        ["nis", "nk-arms-transfers-since-aug-2023", "south-korea"]
    );
    let r = run(&[
        "export",
        "--format",
        "dot",
        "--focus",
        "nis",
        "--depth",
        "2",
        "--rankdir",
        "TB",
        "--no-legend",
    ]);
    insta::assert_snapshot!("seed_focus_nis_dot", r.stdout);
}

#[test]
fn the_whole_graph_draws_every_entity_and_claim_once() {
    let r = run(&["export", "--format", "dot"]);
    let mut want: Vec<String> = run(&["entities", "--format", "ids"])
        .lines()
        .into_iter()
        .chain(run(&["claims", "--format", "ids"]).lines())
        .map(String::from)
        .collect();
    want.sort();
    assert_eq!(drawn_ids(&r.stdout), want);
}

/// Git diffs of DOT files stay clean only if the same graph always gives the same bytes.
#[test]
fn the_same_graph_in_another_file_layout_gives_identical_dot() {
    let merged = run(&["export", "--format", "json"]);
    let dir = graph_dir(&[("all.json", &merged.stdout)]);
    let a = run(&[
        "export",
        "--format",
        "dot",
        "--part-of",
        "--cluster",
        "origin",
    ]);
    let b = run_on(
        dir.path(),
        &[
            "export",
            "--format",
            "dot",
            "--part-of",
            "--cluster",
            "origin",
        ],
    );
    assert_eq!(a.code, 0, "{}", a.stderr);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn bad_drawing_requests_are_usage_errors() {
    for (args, says) in [
        (&["--depth", "2"][..], "--focus"),
        (&["--focus", "nsi"][..], "did you mean \"nis\""),
        (&["--highlight", "Not A Tag"][..], "bad --highlight tag"),
        (&["--rankdir", "RL"][..], "invalid value"),
    ] {
        let mut all = vec!["export", "--format", "dot"];
        all.extend_from_slice(args);
        let r = run(&all);
        assert_eq!(r.code, 2, "{all:?}: {}", r.stderr);
        assert!(r.stderr.contains(says), "{all:?}: {}", r.stderr);
    }
    let r = run(&["export", "--format", "json", "--contested"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--format json writes the whole graph"));
}

#[test]
fn svg_and_png_without_graphviz_say_how_to_install_it() {
    let empty = tempfile::tempdir().unwrap();
    for format in ["svg", "png"] {
        let mut c = cmd(&["export", "--format", format]);
        c.env("PATH", empty.path());
        let r = output(c);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stdout.is_empty());
        assert!(
            r.stderr.contains("not installed") && r.stderr.contains("apt-get install graphviz"),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn svg_and_png_are_rendered_by_graphviz() {
    if !graphviz() {
        return;
    }
    let svg = run(&[
        "export",
        "--format",
        "svg",
        "--rests-only-on",
        "intelligence",
    ]);
    assert_eq!(svg.code, 0, "{}", svg.stderr);
    assert!(svg.stdout.contains("<svg") && svg.stdout.contains("National Intelligence Service"));
    let mut png = cmd(&["export", "--format", "png", "--focus", "nis"]);
    png.stdout(Stdio::piped());
    let out = png.output().unwrap();
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"\x89PNG\r\n\x1a\n"));
}

/// A relation stated in several documents is one arrow, its label counting them; Graphviz
/// draws it.
#[test]
fn a_relation_in_several_documents_is_one_arrow_with_its_count() {
    let g = fixture("appearances.json");
    let r = run_on(&g, &["export", "--format", "dot", "--no-legend"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let arrows: Vec<&str> = r.stdout.lines().filter(|l| l.contains(" -> ")).collect();
    assert_eq!(arrows.len(), 6, "one per relation: {arrows:#?}");
    let cites: Vec<&&str> = arrows
        .iter()
        .filter(|l| l.contains("tooltip=\"shells cites agency"))
        .collect();
    assert_eq!(cites.len(), 1, "{arrows:#?}");
    assert!(cites[0].contains("label=\"cites ×3\""), "{}", cites[0]);
    assert!(cites[0].contains("(in 3 documents)"), "{}", cites[0]);
    let single = arrows
        .iter()
        .find(|l| l.contains("tooltip=\"wire asserts shells\""))
        .unwrap();
    assert!(single.contains("label=\"asserts\""), "{single}");
    if !graphviz() {
        return;
    }
    let (code, svg, err) = render_svg(&r.stdout);
    assert_eq!(code, 0, "{err}");
    assert!(svg.contains("cites ×3"), "{svg}");
}

#[test]
fn graphviz_draws_every_label_of_the_seed_graph() {
    if !graphviz() {
        return;
    }
    let merged = run(&["export", "--format", "json"]).stdout;
    let dir = graph_dir(&[("all.json", &merged)]);
    assert_labels_survive(dir.path(), &merged);
}

/// Quotes, backslashes, escapes Graphviz would expand, entities it would decode, braces,
/// `<>&|`, Hangul, Cyrillic, controls, an overlong text and ids that are DOT keywords.
#[test]
fn graphviz_draws_hostile_labels_verbatim() {
    if !graphviz() {
        return;
    }
    let path = fixture("dot/hostile.json");
    let json = std::fs::read_to_string(&path).unwrap();
    assert_labels_survive(&path, &json);
    let r = run_on(&path, &["export", "--format", "dot", "--cluster", "origin"]);
    let (code, _, stderr) = render_svg(&r.stdout);
    assert_eq!(code, 0, "{stderr}");
}

/// A graph whose names, texts and tags are the given strings, every claim asserted by an
/// entity and citing the next entity, the last denied.
fn random_graph(names: &[String], texts: &[String], tags: &[String]) -> String {
    let entities: Vec<serde_json::Value> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let kind = ["country", "person", "organization"][i % 3];
            let tags: Vec<&String> = tags.iter().skip(i).take(2).collect();
            serde_json::json!({"id": format!("e{i}"), "name": name, "kind": kind, "tags": tags})
        })
        .collect();
    let claims: Vec<serde_json::Value> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| serde_json::json!({"id": format!("c{i}"), "text": text}))
        .collect();
    let n = names.len();
    let mut edges = Vec::new();
    for i in 0..texts.len() {
        edges.push(serde_json::json!({"from": format!("e{}", i % n), "rel": "asserts", "to": format!("c{i}")}));
        edges.push(serde_json::json!({"from": format!("c{i}"), "rel": "cites", "to": format!("e{}", (i + 1) % n)}));
    }
    edges.push(
        serde_json::json!({"from": "e0", "rel": "denies", "to": format!("c{}", texts.len() - 1)}),
    );
    serde_json::json!({"entities": entities, "claims": claims, "edges": edges}).to_string()
}

fn label_text() -> impl Strategy<Value = String> {
    any::<String>().prop_filter("names and texts are not blank", |s| !s.trim().is_empty())
}

/// Whatever the labels hold (any Unicode, controls included), Graphviz accepts the drawing.
#[test]
fn graphviz_accepts_any_labels() {
    if !graphviz() {
        return;
    }
    let labels = (
        prop::collection::vec(label_text(), 1..4),
        prop::collection::vec(label_text(), 1..4),
        prop::collection::btree_set("[a-z0-9][a-z0-9._-]{0,30}", 0..4),
    );
    let mut runner = TestRunner::new(ProptestConfig {
        cases: 40,
        ..ProptestConfig::default()
    });
    let result = runner.run(&labels, |(names, texts, tags)| {
        let tags: Vec<String> = tags.into_iter().collect();
        let json = random_graph(&names, &texts, &tags);
        let dir = graph_dir(&[("g.json", &json)]);
        let r = run_on(
            dir.path(),
            &[
                "export",
                "--format",
                "dot",
                "--part-of",
                "--cluster",
                "origin",
            ],
        );
        prop_assert_eq!(r.code, 0, "{}", r.stderr);
        let (code, svg, stderr) = render_svg(&r.stdout);
        prop_assert_eq!(code, 0, "dot rejected:\n{}\n{}", stderr, r.stdout);
        prop_assert!(
            !svg.chars().any(|c| c.is_control() && !"\n\t\r".contains(c)),
            "control character in the SVG"
        );
        prop_assert_eq!(
            svg_nodes(&svg).len(),
            names.len() + texts.len() + 10,
            "every node and the legend's ten"
        );
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
