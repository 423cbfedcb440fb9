//! Bytes -> load: any input gives a graph or located errors, never a panic; a graph that
//! loads answers every whole-graph question and exports to JSON that loads again the same.
#![no_main]

use claimgraph::load::{from_sources, Source};
use claimgraph::support::Support;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = Source { name: "fuzz.json".into(), bytes: data.to_vec() };
    let Ok(g) = from_sources(&[src]) else { return };
    let s = Support::new(&g);
    for tag in ["intelligence", "media"] {
        let _ = s.rests_only_on(&g, tag);
    }
    let _ = claimgraph::query::sources(&g, &s, None);
    let _ = claimgraph::check::warnings(&g, &s);
    for c in g.claims() {
        let _ = claimgraph::why::tree(&g, &s, c, 8);
    }
    let mut out = Vec::new();
    claimgraph::export::json::write_graph(&mut out, &g).expect("export to memory");
    let again = from_sources(&[Source { name: "again.json".into(), bytes: out.clone() }])
        .expect("an exported graph loads");
    let mut out2 = Vec::new();
    claimgraph::export::json::write_graph(&mut out2, &again).expect("export to memory");
    assert_eq!(out, out2, "export is a fixed point");
});
