//! Limits: graphs far larger or deeper than any article — a 1,000,000-long relay chain and a
//! 1,000,000-claim citation ring (both from the benchmark generator, `bench/gen`), 10,000
//! files, a 100 MB string — answer every query without a stack overflow; `why` is bounded by
//! `--depth` and says what it cut.
//! Every run is a subprocess, so an overflow fails one test (exit 134) instead of the binary.

use crate::util::{graph_dir, run_on};
use claimgraph_gen::{write_graph, GenOptions, Shape};

const N: usize = 1_000_000;

/// A folder holding one graph of `shape` from the benchmark generator.
fn generated(shape: Shape, claims: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut file = std::fs::File::create(dir.path().join("graph.json")).unwrap();
    let opts = GenOptions {
        claims,
        seed: 1,
        shape,
    };
    write_graph(&mut file, &opts).unwrap();
    dir
}

fn ok(r: &crate::util::Run) {
    assert_eq!(
        r.code,
        0,
        "exit {}: {}",
        r.code,
        &r.stderr[..r.stderr.len().min(2000)]
    );
}

/// The generator's relay chain: `e0` relays `e1` … relays the intelligence ground
/// `e999999`; 1,016 claims are asserted along it, `c0` … `c15` by its head.
#[test]
fn a_million_long_cites_chain_answers_every_query() {
    let g = generated(Shape::RelayChain, N);
    let last = format!("e{}", N - 1);
    let r = run_on(
        g.path(),
        &[
            "claims",
            "--rests-only-on",
            "intelligence",
            "--format",
            "ids",
        ],
    );
    ok(&r);
    assert_eq!(r.lines().len(), 16 + N / 1000, "every claim of the chain");
    let r = run_on(
        g.path(),
        &["claims", "--grounded-in", &last, "--format", "json"],
    );
    ok(&r);
    assert_eq!(r.json()[0]["id"], "c0");
    assert_eq!(r.json()[0]["grounds"], serde_json::json!([last]));
    // Every link of the chain chokes c0: the nearest thousand are listed, the rest counted.
    assert_eq!(r.json()[0]["chokepoints"].as_array().unwrap().len(), 1000);
    assert_eq!(r.json()[0]["chokepoints_more"], N - 1000);
    let r = run_on(g.path(), &["report", "c0"]);
    ok(&r);
    assert!(
        r.stdout
            .contains(&format!("{} more grounds or chokepoints", N - 50)),
        "{}",
        &r.stdout[..r.stdout.len().min(4000)]
    );
    let r = run_on(g.path(), &["chokepoints", "--format", "ids"]);
    ok(&r);
    assert_eq!(r.lines().len(), N, "every link chokes the claims above it");
    let r = run_on(g.path(), &["why", "c0", "--depth", "5"]);
    ok(&r);
    assert!(
        r.stdout.contains("cut: 1 nodes not expanded below depth 5"),
        "{}",
        r.stdout
    );
    let r = run_on(
        g.path(),
        &["why", "c0", "--depth", "2000000", "--format", "json"],
    );
    ok(&r);
    assert!(r.stdout.len() > N * 50, "the whole chain is in the tree");
    ok(&run_on(g.path(), &["sources", "--format", "ids"]));
    ok(&run_on(g.path(), &["stats"]));
    ok(&run_on(g.path(), &["check"]));
}

/// The generator's citation ring: `c0` cites `c1` … cites `c0`, and `c0` also cites the
/// intelligence entity `e0`, the ring's one exit.
#[test]
fn a_million_claim_citation_ring_answers_every_query() {
    let g = generated(Shape::CitationRing, N);
    let r = run_on(
        g.path(),
        &[
            "claims",
            "--circular",
            "--rests-only-on",
            "intelligence",
            "--format",
            "ids",
        ],
    );
    ok(&r);
    assert_eq!(
        r.lines().len(),
        N,
        "every claim of the ring is circular and rests on its one exit"
    );
    let r = run_on(g.path(), &["why", "c0", "--depth", "3"]);
    ok(&r);
    assert!(r.stdout.contains("cut: 1 nodes"), "{}", r.stdout);
    let r = run_on(g.path(), &["why", "c0", "--depth", "2000000"]);
    ok(&r);
    assert!(r.stdout.contains("↺ cycle"), "the ring closes");
    let r = run_on(g.path(), &["stats", "--format", "json"]);
    ok(&r);
    assert_eq!(r.json()["claims_by_support"]["circular"], N);
    assert_eq!(r.json()["claims_by_support"]["ungrounded"], 0);
}

#[test]
fn ten_thousand_files_load() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..10_000 {
        let text = format!(
            "{{\"entities\": [{{\"id\": \"e{i}\", \"name\": \"E{i}\", \"kind\": \"person\"}}], \"claims\": [{{\"id\": \"c{i}\", \"text\": \"T\"}}], \"edges\": [{{\"from\": \"e{i}\", \"rel\": \"asserts\", \"to\": \"c{}\"}}]}}",
            (i + 1) % 10_000
        );
        std::fs::write(dir.path().join(format!("f{i:05}.json")), text).unwrap();
    }
    let r = run_on(dir.path(), &["stats", "--format", "json"]);
    ok(&r);
    assert_eq!(r.json()["claims"], 10_000);
    assert_eq!(
        r.json()["claims_by_support"]["ungrounded"],
        0,
        "edges point forward into later files"
    );
}

#[test]
fn a_100_mb_string_is_read_and_its_error_located() {
    let big = "x".repeat(100 << 20);
    let text = format!(
        "{{\"claims\": [{{\"id\": \"c\", \"text\": \"{big}\", \"date\": \"2024-02-30\"}}]}}"
    );
    let g = graph_dir(&[("big.json", &text)]);
    let r = run_on(g.path(), &["check"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains(&format!(
            "big.json:1:{}: claims[0].date: bad date",
            104_857_645
        )),
        "{}",
        r.stderr
    );
}
