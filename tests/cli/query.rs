//! The query commands on the shipped graph: the headline answers of the seed article, every
//! filter of `claims`, the other read-only commands, output formats and exit codes.

use crate::util::{graph_dir, run, run_on};

fn ids(args: &[&str]) -> Vec<String> {
    let mut all = vec!["claims"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "ids"]);
    let r = run(&all);
    assert_eq!(r.code, 0, "{}", r.transcript());
    r.lines().iter().map(|s| s.to_string()).collect()
}

#[test]
fn rests_only_on_intelligence_finds_exactly_the_two_intelligence_claims() {
    assert_eq!(
        ids(&["--rests-only-on", "intelligence"]),
        [
            "nk-arms-transfers-since-aug-2023",
            "nk-ballistic-missiles-to-russia"
        ]
    );
}

#[test]
fn the_claim_pyongyang_and_moscow_deny_is_contested_and_an_interested_denial() {
    let denied = ["nk-covert-arms-supply-to-russia"];
    assert_eq!(ids(&["--contested"]), denied);
    assert_eq!(ids(&["--interested-denial"]), denied);
    assert_eq!(
        ids(&["--denied-by", "Pyongyang"]),
        denied,
        "aliases resolve"
    );
    assert_eq!(
        ids(&["--denied-by", "moscow", "--denied-by", "north-korea"]),
        denied,
        "case-insensitive, AND"
    );
}

#[test]
fn filters_combine_with_and() {
    let intel = ids(&["--rests-only-on", "intelligence"]);
    let by_nis = ids(&["--rests-only-on", "intelligence", "--grounded-in", "nis"]);
    assert_eq!(by_nis, ["nk-arms-transfers-since-aug-2023"]);
    assert!(by_nis.len() < intel.len());
    assert!(ids(&["--rests-only-on", "intelligence", "--contested"]).is_empty());
    assert_eq!(
        ids(&["--cites", "us-satellite-imagery"]),
        ["nk-ballistic-missiles-to-russia"]
    );
    assert_eq!(
        ids(&["--asserted-by", "NIS"]),
        ["nk-arms-transfers-since-aug-2023"]
    );
    assert_eq!(
        ids(&["--grep", "(?i)ballistic", "--about", "russia"]),
        ["nk-ballistic-missiles-to-russia", "nk-shell-sales-1bn"]
    );
    assert_eq!(
        ids(&["--grep", "(?i)ballistic", "--asserted-by", "other-reports"]),
        ["nk-ballistic-missiles-to-russia"]
    );
}

#[test]
fn every_claim_filter_runs_on_the_seed() {
    assert!(
        ids(&["--ungrounded"]).is_empty(),
        "every seed claim has a ground"
    );
    assert!(
        ids(&["--circular"]).is_empty(),
        "the seed has no citation cycle"
    );
    let single = ids(&["--single-origin"]);
    let independent = ids(&["--independent"]);
    assert_eq!(
        single.len() + independent.len(),
        25,
        "grounded claims are one or the other"
    );
    assert_eq!(independent, ["nk-covert-arms-supply-to-russia"]);
    assert_eq!(ids(&["--topic", "cyber"]), ["nk-russia-cyber-cooperation"]);
    assert_eq!(ids(&["--verdict", "unreviewed"]).len(), 25);
    assert!(ids(&["--verdict", "false"]).is_empty());
    assert_eq!(ids(&["--grounded-in", "anwita-basu"]).len(), 7);
}

#[test]
fn claims_json_has_the_spec_shape_with_sorted_id_lists() {
    let r = run(&["claims", "--contested", "--format", "json"]);
    assert_eq!(r.code, 0);
    let v = r.json();
    let c = &v[0];
    assert_eq!(c["id"], "nk-covert-arms-supply-to-russia");
    assert_eq!(
        c["asserted_by"],
        serde_json::json!(["south-korean-officials", "us-officials"])
    );
    assert_eq!(c["denied_by"], serde_json::json!(["north-korea", "russia"]));
    assert_eq!(c["cites"], serde_json::json!([]));
    assert_eq!(
        c["grounds"],
        serde_json::json!(["south-korean-officials", "us-officials"])
    );
    assert_eq!(c["contested"], true);
    assert_eq!(c["circular"], false);
    assert_eq!(c["verdict"], serde_json::Value::Null);
    assert!(c["text"].as_str().unwrap().contains("Russia"));
}

#[test]
fn claims_table_fits_80_columns() {
    let r = run(&["claims"]);
    assert_eq!(r.code, 0);
    for line in r.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line:?}");
    }
    assert_eq!(r.lines().last(), Some(&"25 claims"));
    insta::assert_snapshot!(
        "claims_table_intelligence",
        run(&["claims", "--rests-only-on", "intelligence"]).transcript()
    );
}

#[test]
fn an_unknown_id_on_the_command_line_exits_2_with_a_suggestion() {
    let r = run(&["claims", "--denied-by", "Pyonyang"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "claimgraph: unknown id \"Pyonyang\" (did you mean \"north-korea\"?)\n"
    );
    let r = run(&["why", "nk-arms-transfers"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("did you mean \"nk-arms-transfers-since-aug-2023\"?"),
        "{}",
        r.stderr
    );
}

#[test]
fn bad_usage_exits_2() {
    let r = run(&["claims", "--grep", "("]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with("claimgraph: bad --grep regex"),
        "{}",
        r.stderr
    );
    assert_eq!(run(&["claims", "--no-such-flag"]).code, 2);
    assert_eq!(run(&["claims", "--verdict", "maybe"]).code, 2);
    let huge = "a{1000}{1000}";
    let r = run(&["claims", "--grep", huge]);
    assert_eq!(r.code, 2, "{}", r.transcript());
    assert!(r.stderr.contains("size limit"), "{}", r.stderr);
    assert_eq!(run(&["why", "nis"]).code, 2, "why wants a claim");
}

#[test]
fn entities_filter_by_kind_and_tag_and_report_origins() {
    let r = run(&["entities", "--tag", "intelligence", "--format", "ids"]);
    assert_eq!(r.lines(), ["nis", "us-satellite-imagery"]);
    let r = run(&["entities", "--kind", "person", "--format", "json"]);
    let v = r.json();
    let basu = v
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "anwita-basu")
        .expect("basu");
    assert_eq!(basu["part_of"], "fitch-solutions");
    assert_eq!(basu["origin"], "united-kingdom");
    assert_eq!(basu["kind"], "person");
    insta::assert_snapshot!("entities_table", run(&["entities"]).transcript());
}

#[test]
fn sources_rank_grounds_by_sole_claims() {
    let r = run(&["sources", "--format", "json"]);
    let v = r.json();
    let rows = v.as_array().unwrap();
    assert_eq!(rows[0]["id"], "dw");
    let sole: Vec<u64> = rows.iter().map(|r| r["sole"].as_u64().unwrap()).collect();
    assert!(
        sole.windows(2).all(|w| w[0] >= w[1]),
        "most sole first: {sole:?}"
    );
    let nis = rows.iter().find(|r| r["id"] == "nis").unwrap();
    assert_eq!(nis["grounded"], 1);
    assert_eq!(nis["sole"], 1);
    assert_eq!(nis["tags"], serde_json::json!(["intelligence"]));
    assert_eq!(
        run(&["sources", "--tag", "intelligence", "--format", "ids"]).lines(),
        ["nis", "us-satellite-imagery"]
    );
    insta::assert_snapshot!("sources_table", run(&["sources"]).transcript());
}

#[test]
fn show_prints_a_claim_an_entity_and_a_document() {
    insta::assert_snapshot!(
        "show_claim",
        run(&["show", "nk-covert-arms-supply-to-russia"]).transcript()
    );
    insta::assert_snapshot!("show_entity", run(&["show", "Pyongyang"]).transcript());
    let r = run(&["show", "dw-2024-06-18", "--format", "json"]);
    assert_eq!(r.code, 0);
    let v = r.json();
    assert_eq!(v["type"], "document");
    assert_eq!(v["claims"].as_array().unwrap().len(), 25);
}

#[test]
fn why_walks_down_to_the_grounds() {
    let r = run(&["why", "nk-ballistic-missiles-to-russia"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("why_missiles", r.transcript());
    let v = run(&["why", "nk-ballistic-missiles-to-russia", "--format", "json"]).json();
    assert_eq!(v["grounds"], serde_json::json!(["us-satellite-imagery"]));
    let child = &v["tree"]["children"][0];
    assert_eq!(child["id"], "us-satellite-imagery");
    assert_eq!(child["via"], "cites");
    assert_eq!(child["mark"], "ground");
}

#[test]
fn why_marks_cycles_and_says_what_depth_cut() {
    let g = graph_dir(&[(
        "g.json",
        r#"{"entities": [{"id": "w", "name": "Wire", "kind": "organization", "tags": ["wire"]},
                         {"id": "o", "name": "Outlet", "kind": "organization"}],
            "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
            "edges": [{"from": "a", "rel": "cites", "to": "b"}, {"from": "b", "rel": "cites", "to": "a"},
                      {"from": "b", "rel": "cites", "to": "o"}, {"from": "o", "rel": "cites", "to": "w"}]}"#,
    )]);
    let r = run_on(g.path(), &["why", "a"]);
    assert_eq!(r.code, 0, "{}", r.transcript());
    assert!(r.stdout.contains("cites a: A  ↺ cycle"), "{}", r.stdout);
    assert!(r.stdout.contains("grounds: w"), "{}", r.stdout);
    let r = run_on(g.path(), &["why", "a", "--depth", "1"]);
    assert!(r.stdout.contains("… cut by --depth"), "{}", r.stdout);
    assert!(
        r.stdout.contains("cut: 1 nodes not expanded"),
        "{}",
        r.stdout
    );
    let r = run_on(g.path(), &["check"]);
    assert_eq!(r.code, 0);
    assert!(
        r.stderr.contains("claim \"a\" has circular support"),
        "{}",
        r.stderr
    );
}

#[test]
fn check_passes_the_seed_with_no_errors_or_warnings() {
    let r = run(&["check"]);
    assert_eq!(r.code, 0, "{}", r.transcript());
    assert_eq!(r.stdout, "graph: 0 errors, 0 warnings\n");
    let v = run(&["check", "--format", "json"]).json();
    assert_eq!(v["valid"], true);
    assert_eq!(v["errors"], serde_json::json!([]));
}

#[test]
fn check_warnings_exit_0_and_are_located() {
    let g = graph_dir(&[(
        "g.json",
        "{\n  \"entities\": [\n    {\"id\": \"lonely\", \"name\": \"L\", \"kind\": \"person\", \"tags\": [\"inteligence\"]}\n  ],\n  \"claims\": [\n    {\"id\": \"c\", \"text\": \"T\", \"credibility\": 1}\n  ]\n}\n",
    )]);
    let r = run_on(g.path(), &["check"]);
    assert_eq!(r.code, 0, "{}", r.transcript());
    assert!(
        r.stderr
            .contains("g.json:3:5: warning: entities[0]: entity \"lonely\" is not used"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("tag \"inteligence\" is not in the recommended vocabulary (did you mean \"intelligence\"?)"), "{}", r.stderr);
    assert!(
        r.stderr.contains("claim \"c\" is ungrounded"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("credibility 1"), "{}", r.stderr);
    let v = run_on(g.path(), &["check", "--format", "json"]).json();
    assert_eq!(v["warnings"].as_array().unwrap().len(), 4);
    assert_eq!(v["warnings"][0]["line"], 3);
}

#[test]
fn stats_count_nodes_edges_and_predicates() {
    let v = run(&["stats", "--format", "json"]).json();
    assert_eq!(v["claims"], 25);
    assert_eq!(v["claims_by_support"]["contested"], 1);
    assert_eq!(v["claims_resting_only_on"]["intelligence"], 2);
    insta::assert_snapshot!("stats", run(&["stats"]).transcript());
}

#[test]
fn export_json_round_trips_to_the_same_graph() {
    let r = run(&["export", "--format", "json"]);
    assert_eq!(r.code, 0);
    let dir = graph_dir(&[("all.json", &r.stdout)]);
    let again = run_on(dir.path(), &["export", "--format", "json"]);
    assert_eq!(
        again.stdout, r.stdout,
        "export is canonical and a fixed point"
    );
    let v = r.json();
    assert_eq!(v["claims"].as_array().unwrap().len(), 25);
    assert!(
        r.stdout
            .lines()
            .nth(2)
            .unwrap()
            .starts_with("    {\"id\": \"dw-2024-06-18\"")
            || r.stdout.contains("{\"id\":\"dw-2024-06-18\"")
    );
}

#[test]
fn the_graph_comes_from_the_environment_or_the_flag() {
    let g = graph_dir(&[("g.json", r#"{"claims": [{"id": "only", "text": "T"}]}"#)]);
    assert_eq!(
        run_on(g.path(), &["claims", "--format", "ids"]).lines(),
        ["only"]
    );
    let flag = run(&[
        "--graph",
        g.path().to_str().unwrap(),
        "claims",
        "--format",
        "ids",
    ]);
    assert_eq!(flag.lines(), ["only"]);
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::io::Read;
    let claims: Vec<String> = (0..5000)
        .map(|i| format!("{{\"id\": \"c{i}\", \"text\": \"claim number {i} with some text\"}}"))
        .collect();
    let g = graph_dir(&[("g.json", &format!("{{\"claims\": [{}]}}", claims.join(",")))]);
    let mut c = crate::util::cmd(&["claims"]);
    c.env("CLAIMGRAPH_GRAPH", g.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = c.spawn().unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // then the pipe closes
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "stderr: {err}");
    assert!(err.is_empty(), "{err}");
}
