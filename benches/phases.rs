//! Phase benchmarks (divan): each phase of answering a query and of each export, on one
//! generated realistic graph held in memory.
//!
//!   cargo bench --bench phases                                   # 100,000 claims
//!   CLAIMGRAPH_BENCH_CLAIMS=1000000 cargo bench --bench phases -- --sample-count 5
//!
//! `read` is the file read, `parse_floor` parsing the same bytes into nothing (no loader can
//! beat it), `load` parsing, checking and building the graph (two threads), `support` the
//! support graph and every tag-independent predicate (docs/format.md §2), `chokepoints` the
//! dominator tree that gives every node's chokepoints (§2.3) on a support already built,
//! `as_of` the graph as of a day with its support (§2.4), `discredit` the support with the
//! ten grounds most claims rest on discredited (§2.5), `rests_only_on` the tag-dependent
//! fold and the selection of `claims --rests-only-on intelligence`, `check` the warnings,
//! and `export_*` each export format writing to nowhere. The end-to-end comparison
//! with DuckDB is `bench/compare.sh`.

use claimgraph::export::dot::{write_dot, DotOptions};
use claimgraph::graph::ClaimGraph;
use claimgraph::load::{self, Source};
use claimgraph::query::{self, ClaimFilter};
use claimgraph::select::Selection;
use claimgraph::support::Support;
use claimgraph_gen::{write_graph, GenOptions, Shape};
use divan::Bencher;
use std::path::PathBuf;
use std::sync::OnceLock;

/// The binary's allocator, so that the phases cost here what they cost on the command line.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// Claims in the benchmark graph: `CLAIMGRAPH_BENCH_CLAIMS`, 100,000 by default.
fn claims() -> usize {
    std::env::var("CLAIMGRAPH_BENCH_CLAIMS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000)
}

/// The generated graph file, written once to the temporary folder.
fn file() -> &'static (PathBuf, Source) {
    static FILE: OnceLock<(PathBuf, Source)> = OnceLock::new();
    FILE.get_or_init(|| {
        let n = claims();
        let opts = GenOptions {
            claims: n,
            seed: 1,
            shape: Shape::Realistic,
        };
        let mut bytes = Vec::new();
        write_graph(&mut bytes, &opts).expect("writing to memory cannot fail");
        let path = std::env::temp_dir().join(format!("claimgraph-bench-{n}.json"));
        std::fs::write(&path, &bytes).expect("the temporary folder is writable");
        let source = Source {
            name: path.display().to_string(),
            bytes,
        };
        (path, source)
    })
}

fn graph() -> &'static ClaimGraph {
    static GRAPH: OnceLock<ClaimGraph> = OnceLock::new();
    GRAPH.get_or_init(|| {
        load::from_sources(std::slice::from_ref(&file().1)).expect("the generated graph is valid")
    })
}

#[divan::bench]
fn read(b: Bencher) {
    let path = &file().0;
    b.bench(|| std::fs::read(path).expect("the file was just written"));
}

#[divan::bench]
fn parse_floor(b: Bencher) {
    let bytes = &file().1.bytes;
    b.bench(|| serde_json::from_slice::<serde::de::IgnoredAny>(bytes).expect("valid JSON"));
}

#[divan::bench]
fn load(b: Bencher) {
    let source = std::slice::from_ref(&file().1);
    // The graph is returned, so its freeing is not timed (the command line never frees it).
    b.bench(|| load::from_sources(source).expect("the generated graph is valid"));
}

#[divan::bench]
fn support(b: Bencher) {
    let g = graph();
    b.bench(|| Support::new(g));
}

#[divan::bench]
fn chokepoints(b: Bencher) {
    let g = graph();
    let first = g.claims().next().expect("the graph has claims");
    b.with_inputs(|| Support::new(g))
        .bench_local_refs(|s| s.chokepoints(first).count());
}

/// The graph as of a day in the middle of the generated dates (about half the dated edges
/// drop out), and its support: what `--as-of` adds to a query.
#[divan::bench]
fn as_of(b: Bencher) {
    let day = claimgraph::model::Date::new("2013-01-01").expect("a valid date");
    b.with_inputs(|| graph().clone())
        .bench_local_values(|mut g| {
            claimgraph::whatif::as_of(&mut g, day);
            let s = Support::new(&g);
            (g, s)
        });
}

/// The support with the ten grounds that most claims rest on discredited: what
/// `--discredit` costs in place of the plain support.
#[divan::bench]
fn discredit(b: Bencher) {
    let g = graph();
    let s = Support::new(g);
    let counts = s.ground_counts(g);
    let mut top: Vec<_> = g.entities().filter(|&e| s.is_ground(e)).collect();
    top.sort_by_key(|e| std::cmp::Reverse(counts[e.index()].0));
    top.truncate(10);
    b.bench(|| Support::discrediting(g, &top));
}

#[divan::bench]
fn rests_only_on(b: Bencher) {
    let g = graph();
    let s = Support::new(g);
    let filter = ClaimFilter {
        rests_only_on: Some("intelligence".into()),
        ..ClaimFilter::default()
    };
    b.bench_local(|| query::select(g, &s, &filter));
}

/// Every predicate of docs/format.md §2 for every node, as `stats` or a full `claims --format
/// json` needs them: the support graph with the tag-independent ones, `rests_only_on` for one
/// tag, and `contested` and `interested_denial` for every claim.
#[divan::bench]
fn predicates(b: Bencher) {
    let g = graph();
    b.bench(|| {
        let s = Support::new(g);
        let only_on = s.rests_only_on(g, "intelligence");
        let local = g
            .claims()
            .filter(|&c| s.contested(c) || query::interested_denial(g, &s, c))
            .count();
        (s, only_on, local)
    });
}

#[divan::bench]
fn check(b: Bencher) {
    let g = graph();
    let s = Support::new(g);
    b.bench_local(|| claimgraph::check::warnings(g, &s));
}

#[divan::bench]
fn export_json(b: Bencher) {
    let g = graph();
    b.bench(|| claimgraph::export::json::write_graph(&mut std::io::sink(), g));
}

#[divan::bench]
fn export_dot_selection(b: Bencher) {
    // About one claim in a thousand, with everything it rests on, as `export --format dot`
    // with a filter draws it.
    let g = graph();
    let s = Support::new(g);
    let picked: Vec<_> = g.claims().step_by(1000).collect();
    let sel = Selection::claims_with_support(g, &s, &picked);
    let opts = DotOptions::default();
    b.bench_local(|| write_dot(&mut std::io::sink(), g, &s, &sel, &opts));
}

#[divan::bench]
fn export_graphml(b: Bencher) {
    let g = graph();
    b.bench(|| claimgraph::export::graphml::write(&mut std::io::sink(), g));
}

#[divan::bench]
fn export_mermaid(b: Bencher) {
    let g = graph();
    b.bench(|| claimgraph::export::mermaid::write(&mut std::io::sink(), g));
}

#[divan::bench]
fn export_ntriples(b: Bencher) {
    use claimgraph::export::rdf::{Base, Syntax, DEFAULT_BASE};
    let g = graph();
    let base = Base::new(DEFAULT_BASE).expect("the default base is valid");
    b.bench(|| claimgraph::export::rdf::write(&mut std::io::sink(), g, &base, Syntax::NTriples));
}

#[divan::bench]
fn export_csv(b: Bencher) {
    let g = graph();
    b.bench(|| claimgraph::export::csv::files(g));
}

#[divan::bench]
fn export_html(b: Bencher) {
    let g = graph();
    let opts = claimgraph::export::html::Options {
        title: "bench".into(),
        svg: None,
        no_svg_reason: Some("not drawn in the benchmark".into()),
        discredited: Vec::new(),
    };
    b.bench(|| claimgraph::export::html::write(&mut std::io::sink(), g, &opts));
}
