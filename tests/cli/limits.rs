//! Limits: graphs far larger or deeper than any article — a 1,000,000-long cites chain, a
//! 1,000,000-claim citation ring, 10,000 files, a 100 MB string — answer every query
//! without a stack overflow; `why` is bounded by `--depth` and says what it cut.
//! Every run is a subprocess, so an overflow fails one test (exit 134) instead of the binary.

use crate::util::{graph_dir, run_on};
use std::fmt::Write as _;

const N: usize = 1_000_000;

/// `e0 cites e1 cites … e(n-1)`; `src` asserts claim `c`, which cites `e0`.
fn relay_chain(n: usize) -> String {
    let mut s = String::with_capacity(n * 90);
    s.push_str(
        "{\"entities\": [{\"id\": \"src\", \"name\": \"Outlet\", \"kind\": \"organization\"}",
    );
    for i in 0..n {
        let tag = if i + 1 == n { "intelligence" } else { "media" };
        write!(s, ",\n{{\"id\": \"e{i}\", \"name\": \"Relay {i}\", \"kind\": \"organization\", \"tags\": [\"{tag}\"]}}").unwrap();
    }
    s.push_str(
        "],\n\"claims\": [{\"id\": \"c\", \"text\": \"The end of a long chain.\"}],\n\"edges\": [",
    );
    s.push_str("{\"from\": \"src\", \"rel\": \"asserts\", \"to\": \"c\"}, {\"from\": \"c\", \"rel\": \"cites\", \"to\": \"e0\"}");
    for i in 0..n - 1 {
        write!(
            s,
            ",\n{{\"from\": \"e{i}\", \"rel\": \"cites\", \"to\": \"e{}\"}}",
            i + 1
        )
        .unwrap();
    }
    s.push_str("]}\n");
    s
}

/// Claims `r0 … r(n-1)` citing each other in one ring, the first asserted by `a`.
fn citation_ring(n: usize) -> String {
    let mut s = String::with_capacity(n * 110);
    s.push_str(
        "{\"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\"}],\n\"claims\": [",
    );
    for i in 0..n {
        let sep = if i == 0 { "" } else { ",\n" };
        write!(
            s,
            "{sep}{{\"id\": \"r{i}\", \"text\": \"Claim {i} of the ring.\"}}"
        )
        .unwrap();
    }
    s.push_str("],\n\"edges\": [{\"from\": \"a\", \"rel\": \"asserts\", \"to\": \"r0\"}");
    for i in 0..n {
        write!(
            s,
            ",\n{{\"from\": \"r{i}\", \"rel\": \"cites\", \"to\": \"r{}\"}}",
            (i + 1) % n
        )
        .unwrap();
    }
    s.push_str("]}\n");
    s
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

#[test]
fn a_million_long_cites_chain_answers_every_query() {
    let g = graph_dir(&[("chain.json", &relay_chain(N))]);
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
    assert_eq!(r.lines(), ["c"]);
    let r = run_on(
        g.path(),
        &[
            "claims",
            "--grounded-in",
            &format!("e{}", N - 1),
            "--format",
            "json",
        ],
    );
    ok(&r);
    assert_eq!(
        r.json()[0]["grounds"],
        serde_json::json!([format!("e{}", N - 1)])
    );
    let r = run_on(g.path(), &["why", "c", "--depth", "5"]);
    ok(&r);
    assert!(
        r.stdout.contains("cut: 1 nodes not expanded below depth 5"),
        "{}",
        r.stdout
    );
    let r = run_on(
        g.path(),
        &["why", "c", "--depth", "2000000", "--format", "json"],
    );
    ok(&r);
    assert!(r.stdout.len() > N * 50, "the whole chain is in the tree");
    ok(&run_on(g.path(), &["sources", "--format", "ids"]));
    ok(&run_on(g.path(), &["stats"]));
    ok(&run_on(g.path(), &["check"]));
}

#[test]
fn a_million_claim_citation_ring_answers_every_query() {
    let g = graph_dir(&[("ring.json", &citation_ring(N))]);
    let r = run_on(
        g.path(),
        &["claims", "--circular", "--ungrounded", "--format", "ids"],
    );
    ok(&r);
    assert_eq!(
        r.lines().len(),
        N,
        "every claim of the ring is circular and ungrounded"
    );
    let r = run_on(g.path(), &["why", "r0", "--depth", "3"]);
    ok(&r);
    assert!(r.stdout.contains("cut: 1 nodes"), "{}", r.stdout);
    let r = run_on(g.path(), &["why", "r0", "--depth", "2000000"]);
    ok(&r);
    assert!(r.stdout.contains("↺ cycle"), "the ring closes");
    let r = run_on(g.path(), &["stats", "--format", "json"]);
    ok(&r);
    assert_eq!(r.json()["claims_by_support"]["circular"], N);
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
