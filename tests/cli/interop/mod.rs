//! The interchange formats read back by the real tools that consume them: pyoxigraph (SPARQL
//! over the N-Triples), rdflib (Turtle), networkx (GraphML), the mermaid package (Mermaid),
//! pyld (ClaimReview JSON-LD), Kùzu (CSV + Cypher) and a Virtuoso server (SPARQL over HTTP).
//! `tests/interop/setup.sh` installs the libraries and `tests/interop/virtuoso.sh start` runs
//! the server (`.ci/setup.sh` does both); without them these tests skip, saying so on stderr,
//! unless `CLAIMGRAPH_REQUIRE_TOOLS=1`, where they fail.

mod claimreview;
mod csv;
mod graphml;
mod mermaid;
mod rdf;
mod virtuoso;

use crate::util::{fixture, root, run, run_on, Run};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The target folder the test binary was built in (where setup.sh puts the venv).
fn target_dir() -> PathBuf {
    let bin = Path::new(env!("CARGO_BIN_EXE_claimgraph"));
    bin.ancestors()
        .nth(2)
        .expect("target/debug/claimgraph")
        .to_path_buf()
}

/// `None` after [`crate::util::missing_tool`] (a note, or a failure under CI).
fn missing<T>(what: &str) -> Option<T> {
    crate::util::missing_tool(&format!("{what} is missing: run tests/interop/setup.sh"));
    None
}

/// The interop venv's python, if it has every consumer installed.
pub fn python() -> Option<PathBuf> {
    let py = target_dir().join("interop-venv/bin/python");
    let ok = Command::new(&py)
        .args(["-c", "import pyoxigraph, networkx, rdflib, kuzu, pyld"])
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        Some(py)
    } else {
        missing(&format!("the Python venv {}", py.display()))
    }
}

/// `node`, if it runs and the mermaid package is installed.
pub fn node() -> Option<PathBuf> {
    let ok = Command::new("node")
        .current_dir(root().join("tests/interop"))
        .args(["-e", "require.resolve('mermaid'); require.resolve('jsdom')"])
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        Some(PathBuf::from("node"))
    } else {
        missing("node with the mermaid package in tests/interop/node_modules")
    }
}

/// Runs `interpreter tests/interop/SCRIPT ARGS` and parses the JSON it prints.
pub fn script(interpreter: &Path, name: &str, args: &[&Path]) -> Value {
    let out = Command::new(interpreter)
        .arg(root().join("tests/interop").join(name))
        .args(args)
        .output()
        .expect("the interpreter runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{name} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{name} printed no JSON ({e}): {stdout}"))
}

/// Runs claimgraph on `graph` (the shipped one when `None`) and writes its stdout to `dest`.
pub fn export_to(graph: Option<&Path>, args: &[&str], dest: &Path) {
    let r = run_g(graph, args);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    std::fs::write(dest, r.stdout).expect("write export");
}

/// Runs claimgraph on `graph`, or on the shipped graph when `None`.
pub fn run_g(graph: Option<&Path>, args: &[&str]) -> Run {
    match graph {
        Some(g) => run_on(g, args),
        None => run(args),
    }
}

/// The graph as the canonical JSON export.
pub fn json_of(graph: Option<&Path>) -> Value {
    run_g(graph, &["export", "--format", "json"]).json()
}

/// The ids `claims ARGS` prints.
pub fn ids_of(graph: Option<&Path>, args: &[&str]) -> Vec<String> {
    let mut all = vec!["claims"];
    all.extend_from_slice(args);
    all.extend(["--format", "ids"]);
    let r = run_g(graph, &all);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.lines().iter().map(|s| s.to_string()).collect()
}

/// A small deterministic generator, so that a failing graph can be rebuilt from its seed.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// A random graph with citation cycles, tags, `part_of` chains, denials and `about`.
pub fn random_graph(seed: u64) -> String {
    let mut r = Lcg(seed);
    let (ne, nc) = (4 + r.below(6), 4 + r.below(8));
    let kinds = ["country", "person", "organization"];
    let mut entities = Vec::new();
    for i in 0..ne {
        let tags: Vec<&str> = ["intelligence", "media"]
            .into_iter()
            .filter(|_| r.below(2) == 0)
            .collect();
        let mut e = serde_json::json!({"id": format!("e{i}"), "name": format!("E{i}"),
            "kind": kinds[r.below(3)], "tags": tags});
        if i > 0 && r.below(3) == 0 {
            e["part_of"] = Value::from(format!("e{}", r.below(i)));
        }
        entities.push(e);
    }
    let mut claims = Vec::new();
    let mut edges = BTreeSet::new();
    let node = |r: &mut Lcg| {
        if r.below(2) == 0 {
            format!("e{}", r.below(ne))
        } else {
            format!("c{}", r.below(nc))
        }
    };
    for i in 0..nc {
        let about: BTreeSet<String> = (0..r.below(3))
            .map(|_| format!("e{}", r.below(ne)))
            .collect();
        claims.push(serde_json::json!({"id": format!("c{i}"), "text": format!("claim {i}"), "about": about}));
        for _ in 0..r.below(3) {
            edges.insert((format!("e{}", r.below(ne)), "asserts", format!("c{i}")));
        }
        if r.below(3) == 0 {
            edges.insert((format!("e{}", r.below(ne)), "denies", format!("c{i}")));
        }
        for _ in 0..r.below(3) {
            edges.insert((format!("c{i}"), "cites", node(&mut r)));
        }
    }
    for i in 0..ne {
        if r.below(3) == 0 {
            edges.insert((format!("e{i}"), "cites", node(&mut r)));
        }
    }
    let edges: Vec<Value> = edges
        .into_iter()
        .filter(|(f, _, t)| f != t)
        .map(|(f, rel, t)| serde_json::json!({"from": f, "rel": rel, "to": t}))
        .collect();
    serde_json::json!({"entities": entities, "claims": claims, "edges": edges}).to_string()
}

/// The docs/format.md §2 questions: the name given to `sparql` and the matching `claims` flags.
pub const QUESTIONS: &[(&[&str], &[&str])] = &[
    (
        &["rests-only-on", "intelligence"],
        &["--rests-only-on", "intelligence"],
    ),
    (&["rests-only-on", "media"], &["--rests-only-on", "media"]),
    (&["contested"], &["--contested"]),
    (&["ungrounded"], &["--ungrounded"]),
    (&["single-origin"], &["--single-origin"]),
    (&["interested-denial"], &["--interested-denial"]),
];

pub const BASE: &str = "https://desk.example/graph/";
