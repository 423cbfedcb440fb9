//! CSV loaded into Kùzu, and the documented Cypher query run on it.

use super::*;

#[test]
fn kuzu_loads_the_csv_and_the_documented_cypher_answers_as_the_cli() {
    let Some(py) = python() else { return };
    let query = root().join("docs/cypher/rests-only-on.cypher");
    // Generated graphs have fewer than 30 nodes, so every ground lies within the query's
    // 30-step bound and the answers must match exactly, cycles included.
    let generated = tempfile::tempdir().unwrap();
    let mut graphs = vec![
        None,
        Some(fixture("interop/hostile.json")),
        Some(fixture("appearances.json")),
    ];
    for seed in 1..=6u64 {
        let path = generated.path().join(format!("random-{seed}.json"));
        std::fs::write(&path, random_graph(seed)).unwrap();
        graphs.push(Some(path));
    }
    for g in graphs {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("csv");
        let out_s = out.display().to_string();
        let r = run_g(
            g.as_deref(),
            &["export", "--format", "csv", "--out", &out_s],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        let tags = ["intelligence", "analyst", "government", "media"];
        let mut args: Vec<PathBuf> = vec![out.clone(), query.clone()];
        args.extend(tags.iter().map(PathBuf::from));
        let args: Vec<&Path> = args.iter().map(PathBuf::as_path).collect();
        let got = script(&py, "kuzu_answers.py", &args);
        let json = json_of(g.as_deref());
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
