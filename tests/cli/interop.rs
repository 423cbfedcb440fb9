//! The interchange formats read back by the real tools that consume them: pyoxigraph (SPARQL
//! over the N-Triples), rdflib (Turtle), networkx (GraphML), the mermaid package (Mermaid),
//! pyld (ClaimReview JSON-LD) and Kùzu (CSV + Cypher). `tests/interop/setup.sh` installs
//! them; without them these tests skip, saying so on stderr, unless
//! `CLAIMGRAPH_REQUIRE_TOOLS=1`, where they fail.

use crate::util::{fixture, root, run, run_on};
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

/// `None` with a note on stderr, or a panic under `CLAIMGRAPH_REQUIRE_TOOLS=1`.
fn missing<T>(what: &str) -> Option<T> {
    let msg = format!("{what} is missing: run tests/interop/setup.sh");
    if std::env::var("CLAIMGRAPH_REQUIRE_TOOLS").as_deref() == Ok("1") {
        panic!("{msg}");
    }
    eprintln!("skipping: {msg}");
    None
}

/// The interop venv's python, if it has every consumer installed.
fn python() -> Option<PathBuf> {
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
fn node() -> Option<PathBuf> {
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
fn script(interpreter: &Path, name: &str, args: &[&Path]) -> Value {
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
fn export_to(graph: Option<&Path>, args: &[&str], dest: &Path) {
    let r = match graph {
        Some(g) => run_on(g, args),
        None => run(args),
    };
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    std::fs::write(dest, r.stdout).expect("write export");
}

fn ids_of(graph: Option<&Path>, args: &[&str]) -> Vec<String> {
    let mut all = vec!["claims"];
    all.extend_from_slice(args);
    all.extend(["--format", "ids"]);
    let r = match graph {
        Some(g) => run_on(g, &all),
        None => run(&all),
    };
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
fn random_graph(seed: u64) -> String {
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

/// The SPEC §2 questions: the name given to `sparql` and the matching `claims` flags.
const QUESTIONS: &[(&[&str], &[&str])] = &[
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

const BASE: &str = "https://desk.example/graph/";

#[test]
fn sparql_answers_on_the_ntriples_equal_the_cli_on_the_shipped_and_cyclic_graphs() {
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut queries = BTreeMap::new();
    for (name, _) in QUESTIONS {
        let mut args = vec!["sparql"];
        args.extend_from_slice(name);
        args.extend(["--base", BASE]);
        let r = run(&args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        queries.insert(name.join(" "), r.stdout);
    }
    let qfile = dir.path().join("queries.json");
    std::fs::write(&qfile, serde_json::to_string(&queries).unwrap()).unwrap();

    let mut graphs: Vec<Option<PathBuf>> = vec![None];
    for seed in 1..=16u64 {
        let path = dir.path().join(format!("random-{seed}.json"));
        std::fs::write(&path, random_graph(seed)).unwrap();
        graphs.push(Some(path));
    }
    let mut nt_files = Vec::new();
    let mut expected = BTreeMap::new();
    let mut circular = 0;
    for (i, g) in graphs.iter().enumerate() {
        let nt = dir.path().join(format!("g{i}.nt"));
        export_to(
            g.as_deref(),
            &["export", "--format", "ntriples", "--base", BASE],
            &nt,
        );
        let mut answers = BTreeMap::new();
        for (name, flags) in QUESTIONS {
            answers.insert(name.join(" "), ids_of(g.as_deref(), flags));
        }
        circular += ids_of(g.as_deref(), &["--circular"]).len();
        expected.insert(nt.display().to_string(), answers);
        nt_files.push(nt);
    }
    assert!(
        circular > 0,
        "the generated graphs must have support cycles"
    );
    let mut args: Vec<&Path> = vec![&qfile];
    args.extend(nt_files.iter().map(PathBuf::as_path));
    let got = script(&py, "sparql_answers.py", &args);
    let mut nonempty = BTreeSet::new();
    for (file, answers) in &expected {
        for (name, ids) in answers {
            let sparql: Vec<String> = serde_json::from_value(got[file][name].clone()).unwrap();
            assert_eq!(&sparql, ids, "{name} on {file}");
            if !ids.is_empty() {
                nonempty.insert(name.clone());
            }
        }
    }
    assert_eq!(
        nonempty.len(),
        QUESTIONS.len(),
        "every question has some answer: {nonempty:?}"
    );
}

#[test]
fn turtle_and_ntriples_are_the_same_graph_to_rdflib() {
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    for (i, g) in [None, Some(fixture("interop/hostile.json"))]
        .iter()
        .enumerate()
    {
        let ttl = dir.path().join(format!("g{i}.ttl"));
        let nt = dir.path().join(format!("g{i}.nt"));
        export_to(g.as_deref(), &["export", "--format", "turtle"], &ttl);
        export_to(g.as_deref(), &["export", "--format", "ntriples"], &nt);
        let got = script(&py, "turtle_parse.py", &[&ttl, &nt]);
        let lines = std::fs::read_to_string(&nt).unwrap().lines().count();
        assert_eq!(got["ntriples"], lines, "one triple per N-Triples line");
        assert_eq!(got["turtle"], lines);
        assert_eq!(got["same"], true);
    }
}

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
    for (i, g) in [None, Some(fixture("interop/hostile.json"))]
        .iter()
        .enumerate()
    {
        let file = dir.path().join(format!("g{i}.graphml"));
        export_to(g.as_deref(), &["export", "--format", "graphml"], &file);
        let json = match g {
            Some(g) => run_on(g, &["export", "--format", "json"]),
            None => run(&["export", "--format", "json"]),
        }
        .json();
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
        let want: BTreeSet<(String, String, String)> = json["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["from"].to_string(),
                    e["rel"].to_string(),
                    e["to"].to_string(),
                )
            })
            .collect();
        let have: BTreeSet<(String, String, String)> = got["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e[0].to_string(), e[2]["rel"].to_string(), e[1].to_string()))
            .collect();
        assert_eq!(got["edges"].as_array().unwrap().len(), want.len());
        assert_eq!(have, want);
    }
}

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
        let json = match g {
            Some(g) => run_on(g, &["export", "--format", "json"]),
            None => run(&["export", "--format", "json"]),
        }
        .json();
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

#[test]
fn claimreview_refuses_without_a_url_base_and_lists_the_claims() {
    let r = run_on(
        &fixture("interop/hostile.json"),
        &["export", "--format", "claimreview"],
    );
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    for id in ["c.1", "c_2", "c-3"] {
        assert!(
            r.stderr.contains(&format!("  {id}: url (pass --url-base")),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn claimreview_json_ld_expands_with_google_required_and_recommended_fields() {
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reviews.json");
    let g = fixture("interop/hostile.json");
    let args = [
        "export",
        "--format",
        "claimreview",
        "--url-base",
        "https://desk.example/checks/",
    ];
    export_to(Some(&g), &args, &file);
    let got = script(&py, "claimreview_read.py", &[&file]);
    let json = run_on(&g, &["export", "--format", "json"]).json();
    let text = |id: &str| {
        json["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()["text"]
            .clone()
    };
    let got = got.as_array().unwrap();
    assert_eq!(got.len(), 3, "one ClaimReview per reviewed claim");
    let expect = [
        (
            "c-3",
            "Mostly true",
            Value::from(4),
            Value::Null,
            vec!["https://news.example/c"],
        ),
        (
            "c.1",
            "False",
            Value::from(1),
            Value::from("2024-02-01"),
            vec!["https://news.example/a?x=1&y=\"2\""],
        ),
        (
            "c_2",
            "Unproven",
            Value::Null,
            Value::from("2023-12-01"),
            vec![
                "https://news.example/b",
                "https://news.example/a?x=1&y=\"2\"",
            ],
        ),
    ];
    for (r, (id, verdict, value, item_date, appearances)) in got.iter().zip(expect) {
        assert_eq!(r["url"], format!("https://desk.example/checks/{id}"));
        assert_eq!(r["claimReviewed"], text(id));
        assert_eq!(r["alternateName"], verdict);
        assert_eq!(r["ratingValue"], value);
        assert_eq!(
            r["item_type"],
            serde_json::json!(["http://schema.org/Claim"])
        );
        assert_eq!(r["item_datePublished"], item_date, "{id}");
        assert_eq!(r["appearances"], serde_json::json!(appearances), "{id}");
        assert_eq!(r["firstAppearance"], appearances[0], "{id}");
    }
    assert_eq!(got[1]["author"], "Desk & Co. \"Fact\" <Check>");
    assert_eq!(got[1]["datePublished"], "2024-03-01");
    assert_eq!(got[1]["item_authors"].as_array().unwrap().len(), 2);
}

#[test]
fn kuzu_loads_the_csv_and_the_documented_cypher_answers_as_the_cli() {
    let Some(py) = python() else { return };
    let query = root().join("docs/cypher/rests-only-on.cypher");
    for g in [None, Some(fixture("interop/hostile.json"))] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("csv");
        let out_s = out.display().to_string();
        let r = match &g {
            Some(g) => run_on(g, &["export", "--format", "csv", "--out", &out_s]),
            None => run(&["export", "--format", "csv", "--out", &out_s]),
        };
        assert_eq!(r.code, 0, "{}", r.stderr);
        let tags = ["intelligence", "analyst", "government", "media"];
        let mut args: Vec<PathBuf> = vec![out.clone(), query.clone()];
        args.extend(tags.iter().map(PathBuf::from));
        let args: Vec<&Path> = args.iter().map(PathBuf::as_path).collect();
        let got = script(&py, "kuzu_answers.py", &args);
        let json = match &g {
            Some(g) => run_on(g, &["export", "--format", "json"]),
            None => run(&["export", "--format", "json"]),
        }
        .json();
        let count = |rel: &str| {
            json["edges"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["rel"] == rel)
                .count()
        };
        let nodes =
            json["entities"].as_array().unwrap().len() + json["claims"].as_array().unwrap().len();
        assert_eq!(got["counts"]["Node"], nodes);
        assert_eq!(got["counts"]["ASSERTS"], count("asserts"));
        assert_eq!(got["counts"]["DENIES"], count("denies"));
        assert_eq!(got["counts"]["CITES"], count("cites"));
        for c in json["claims"].as_array().unwrap() {
            assert_eq!(
                got["texts"][c["id"].as_str().unwrap()],
                c["text"],
                "text survives CSV"
            );
        }
        for tag in tags {
            let want = ids_of(g.as_deref(), &["--rests-only-on", tag]);
            let have: Vec<String> = serde_json::from_value(got["answers"][tag].clone()).unwrap();
            assert_eq!(have, want, "rests-only-on {tag}");
        }
    }
}

#[test]
fn the_readme_shows_the_cypher_query_that_is_tested() {
    let query = std::fs::read_to_string(root().join("docs/cypher/rests-only-on.cypher")).unwrap();
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(
        readme.contains(&query),
        "README.md must show docs/cypher/rests-only-on.cypher verbatim"
    );
}

#[test]
fn interchange_options_refuse_bad_values_with_usage_errors() {
    let bad_base = run(&["export", "--format", "turtle", "--base", "example.org/g"]);
    assert_eq!(bad_base.code, 2);
    assert!(
        bad_base.stderr.contains("must be absolute"),
        "{}",
        bad_base.stderr
    );
    let no_slash = run(&["sparql", "contested", "--base", "https://desk.example/g"]);
    assert_eq!(no_slash.code, 2);
    assert!(
        no_slash.stderr.contains("end with '/'"),
        "{}",
        no_slash.stderr
    );
    let no_tag = run(&["sparql", "rests-only-on"]);
    assert_eq!(no_tag.code, 2);
    assert!(no_tag.stderr.contains("needs a TAG"), "{}", no_tag.stderr);
    let bad_tag = run(&["sparql", "rests-only-on", "Intel\"ligence"]);
    assert_eq!(
        bad_tag.code, 2,
        "a tag is never pasted into SPARQL unchecked"
    );
    let no_out = run(&["export", "--format", "csv"]);
    assert_eq!(no_out.code, 2);
    assert!(no_out.stderr.contains("--out DIR"), "{}", no_out.stderr);
}

#[test]
fn sparql_texts_are_stable() {
    let mut all = String::new();
    for (name, _) in QUESTIONS {
        let mut args = vec!["sparql"];
        args.extend_from_slice(name);
        let r = run(&args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        all.push_str(&format!("## {}\n{}\n", name.join(" "), r.stdout));
    }
    insta::assert_snapshot!(all);
}
