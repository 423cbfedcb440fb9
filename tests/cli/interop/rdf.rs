//! RDF: pyoxigraph answers the printed SPARQL as the CLI does; rdflib reads Turtle and
//! N-Triples as one graph.

use super::*;

/// Both ways a query can find grounds: walking the arcs of S, or reading the export's.
const GROUNDS: [&str; 2] = ["paths", "precomputed"];

#[test]
fn sparql_answers_on_the_ntriples_equal_the_cli_on_the_shipped_and_cyclic_graphs() {
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut queries = BTreeMap::new();
    for (name, _) in QUESTIONS {
        for grounds in GROUNDS {
            let mut args = vec!["sparql"];
            args.extend_from_slice(name);
            args.extend(["--base", BASE, "--grounds", grounds]);
            let r = run(&args);
            assert_eq!(r.code, 0, "{}", r.stderr);
            queries.insert(format!("{} --grounds {grounds}", name.join(" ")), r.stdout);
        }
    }
    let qfile = dir.path().join("queries.json");
    std::fs::write(&qfile, serde_json::to_string(&queries).unwrap()).unwrap();

    let mut graphs: Vec<Option<PathBuf>> = vec![None, Some(fixture("appearances.json"))];
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
            let ids = ids_of(g.as_deref(), flags);
            for grounds in GROUNDS {
                answers.insert(
                    format!("{} --grounds {grounds}", name.join(" ")),
                    ids.clone(),
                );
            }
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
                nonempty.insert(name.split(" --").next().unwrap().to_string());
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
    let graphs = [
        None,
        Some(fixture("interop/hostile.json")),
        Some(fixture("appearances.json")),
    ];
    for (i, g) in graphs.iter().enumerate() {
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
    for grounds in GROUNDS {
        for (name, _) in QUESTIONS {
            let mut args = vec!["sparql"];
            args.extend_from_slice(name);
            args.extend(["--grounds", grounds]);
            let r = run(&args);
            assert_eq!(r.code, 0, "{}", r.stderr);
            let title = format!("{} --grounds {grounds}", name.join(" "));
            all.push_str(&format!("## {title}\n{}\n", r.stdout));
        }
    }
    insta::assert_snapshot!(all);
}

/// A relation in three documents is one direct triple and three appearances, each an
/// `rdf:Statement` with its document and words (docs/rdf.md).
#[test]
fn rdf_keeps_each_appearance_of_a_relation() {
    let g = fixture("appearances.json");
    let r = run_on(&g, &["export", "--format", "ntriples", "--base", BASE]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let cites = format!("<{BASE}claim/shells> <{BASE}vocab#cites> <{BASE}entity/agency> .");
    assert_eq!(r.stdout.lines().filter(|l| *l == cites).count(), 1);
    let statements = r
        .stdout
        .lines()
        .filter(|l| l.ends_with("<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> ."))
        .count();
    assert_eq!(statements, 9, "one per edge of the file");
    let paper = format!("<{BASE}appearance/shells/cites/agency/paper-2>");
    for want in [
        format!(
            "{paper} <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <{BASE}vocab#cites> ."
        ),
        format!("{paper} <https://schema.org/appearance> <{BASE}document/paper-2> ."),
        format!("{paper} <{BASE}vocab#quote> \"according to the agency\" ."),
    ] {
        assert!(r.stdout.contains(&want), "{want}\n{}", r.stdout);
    }
    let turtle = run_on(&g, &["export", "--format", "turtle", "--base", BASE]);
    assert!(
        turtle
            .stdout
            .contains(&format!("{paper}\n    a rdf:Statement ;")),
        "{}",
        turtle.stdout
    );
}
