//! Chokepoints, `--discredit` and `--as-of` (docs/format.md §2.3–2.5): examples, deep
//! graphs, and properties against the definitions (the naive twin of `tests.rs`).

use super::tests::{
    answers, cycle_without_exit, graph, ix, load_files, random_file, relay_chain, Naive,
};
use super::*;
use crate::model::{Date, Rel};
use crate::whatif;
use proptest::prelude::*;
use serde_json::json;
use std::collections::BTreeSet;

/// The entities `picks` marks (by node index) and S with them discredited.
fn discredit_picked(g: &ClaimGraph, picks: &[bool]) -> (BTreeSet<usize>, Support) {
    let removed: BTreeSet<usize> = g
        .entities()
        .filter(|e| picks.get(e.index()).copied().unwrap_or(false))
        .map(|e| e.index())
        .collect();
    let cut: Vec<NodeIx> = removed.iter().map(|&v| NodeIx::new(v)).collect();
    (removed, Support::discrediting(g, &cut))
}

fn ids(g: &ClaimGraph, nodes: impl IntoIterator<Item = NodeIx>) -> Vec<String> {
    nodes.into_iter().map(|v| g.id(v).to_string()).collect()
}

fn chokepoints(g: &ClaimGraph, s: &Support, id: &str) -> Vec<String> {
    ids(g, s.chokepoints(ix(g, id)))
}

#[test]
fn every_link_of_a_relay_chain_is_a_chokepoint_nearest_first() {
    let g = relay_chain();
    let s = Support::new(&g);
    assert_eq!(chokepoints(&g, &s, "c"), ["outlet", "wire", "agency"]);
    assert_eq!(chokepoints(&g, &s, "agency"), Vec::<String>::new());
}

#[test]
fn independent_grounds_behind_one_relay_make_a_single_relay_claim() {
    let g = graph(
        &[
            ("kr", &[], None),
            ("us", &[], None),
            ("nis", &["intelligence"], Some("kr")),
            ("cia", &["intelligence"], Some("us")),
            ("wire", &["wire"], None),
            ("own", &["media"], None),
        ],
        &["relayed", "direct"],
        &[
            ("relayed", "cites", "wire"),
            ("wire", "cites", "nis"),
            ("wire", "cites", "cia"),
            ("direct", "cites", "nis"),
            ("direct", "cites", "own"),
        ],
    );
    let s = Support::new(&g);
    let relayed = ix(&g, "relayed");
    assert!(s.independent(relayed));
    assert_eq!(chokepoints(&g, &s, "relayed"), ["wire"]);
    assert!(s.single_relay()[relayed.index()]);
    assert!(s.independent(ix(&g, "direct")));
    assert!(!s.single_relay()[ix(&g, "direct").index()]);
    assert_eq!(chokepoints(&g, &s, "direct"), Vec::<String>::new());
    let counts = s.choke_counts();
    assert_eq!(counts[ix(&g, "wire").index()], (1, 1));
    assert_eq!(counts[ix(&g, "nis").index()], (0, 0));
}

#[test]
fn a_node_inside_a_cycle_can_be_a_chokepoint() {
    // a cites b cites a; only b reaches the ground: everything entering at a passes b.
    let g = graph(
        &[("ground", &[], None)],
        &["a", "b", "c"],
        &[
            ("a", "cites", "b"),
            ("b", "cites", "a"),
            ("b", "cites", "ground"),
            ("c", "cites", "a"),
        ],
    );
    let s = Support::new(&g);
    assert_eq!(chokepoints(&g, &s, "c"), ["a", "b", "ground"]);
    assert_eq!(chokepoints(&g, &s, "a"), ["b", "ground"]);
    assert_eq!(chokepoints(&g, &s, "b"), ["ground"]);
    assert!(s.choked_by(ix(&g, "b"))[ix(&g, "c").index()]);
}

#[test]
fn a_cycle_with_two_ways_out_is_settled_whichever_way_the_search_enters() {
    // a -> b -> c -> a, with a way out to g1 at a and to g2 at c: from b every path passes
    // c, and a has two ways out (g1, or round to c and g2), so no chokepoint.
    let g = graph(
        &[("g1", &[], None), ("g2", &[], None)],
        &["a", "b", "c"],
        &[
            ("a", "cites", "b"),
            ("b", "cites", "c"),
            ("c", "cites", "a"),
            ("a", "cites", "g1"),
            ("c", "cites", "g2"),
        ],
    );
    let s = Support::new(&g);
    assert_eq!(chokepoints(&g, &s, "a"), Vec::<String>::new());
    assert_eq!(chokepoints(&g, &s, "b"), ["c"]);
    assert_eq!(chokepoints(&g, &s, "c"), Vec::<String>::new());
}

#[test]
fn an_ungrounded_claim_has_no_chokepoints() {
    let g = cycle_without_exit();
    let s = Support::new(&g);
    assert!(s.chokepoints(ix(&g, "a")).next().is_none());
}

#[test]
fn a_claim_citing_only_a_discredited_source_does_not_fall_back_on_its_asserters() {
    let g = graph(
        &[
            ("dw", &["media"], None),
            ("nis", &["intelligence"], None),
            ("relay", &["media"], None),
        ],
        &["cited", "relayed", "plain"],
        &[
            ("dw", "asserts", "cited"),
            ("cited", "cites", "nis"),
            ("relay", "asserts", "relayed"),
            ("relay", "cites", "nis"),
            ("nis", "asserts", "plain"),
            ("nis", "denies", "cited"),
        ],
    );
    let s = Support::discrediting(&g, &[ix(&g, "nis")]);
    for c in ["cited", "relayed", "plain"] {
        assert!(s.ungrounded(ix(&g, c)), "{c}");
    }
    assert!(
        !s.is_ground(ix(&g, "relay")),
        "a relay of nothing is no ground"
    );
    assert!(!s.is_ground(ix(&g, "nis")) && s.is_discredited(ix(&g, "nis")));
    assert!(
        !s.denied(ix(&g, "cited")),
        "a discredited denial does not count"
    );
    assert_eq!(
        Support::new(&g).sole_ground(ix(&g, "plain")),
        Some(ix(&g, "nis"))
    );
}

#[test]
fn one_more_source_discredited_is_answered_by_a_search_from_the_claim() {
    let g = graph(
        &[
            ("kr", &[], None),
            ("nis", &[], Some("kr")),
            ("us", &[], None),
        ],
        &["c"],
        &[("c", "cites", "nis"), ("c", "cites", "us")],
    );
    let s = Support::new(&g);
    let c = ix(&g, "c");
    let (standing, grounds) = whatif::if_discredited(&s, c, ix(&g, "us"));
    assert_eq!(standing, whatif::Standing::SingleOrigin);
    assert_eq!(ids(&g, grounds), ["nis"]);
    assert_eq!(whatif::Standing::of(&s, c), whatif::Standing::Independent);
}

fn dated(edges: serde_json::Value) -> ClaimGraph {
    let file = json!({
        "documents": [
            {"id": "early", "title": "T", "published": "2024-01-10"},
            {"id": "late", "title": "T", "published": "2024-06-18"},
            {"id": "undated", "title": "T"},
        ],
        "entities": [
            {"id": "paper", "name": "Paper", "kind": "organization"},
            {"id": "agency", "name": "Agency", "kind": "organization"},
        ],
        "claims": [{"id": "c", "text": "T"}],
        "edges": edges,
    });
    load_files(&[("d.json", &file)])
}

#[test]
fn as_of_a_day_a_claim_rests_on_what_had_been_said() {
    let mut g = dated(json!([
        {"from": "paper", "rel": "asserts", "to": "c", "in": "early"},
        {"from": "c", "rel": "cites", "to": "agency", "in": "late"},
        {"from": "agency", "rel": "denies", "to": "c", "date": "2024-02"},
    ]));
    assert_eq!(whatif::as_of(&mut g, Date::new("2024-02").unwrap()), 1);
    let s = Support::new(&g);
    let c = ix(&g, "c");
    assert_eq!(
        s.sole_ground(c),
        Some(ix(&g, "paper")),
        "its later citation is not yet"
    );
    assert!(s.contested(c), "2024-02 is 2024-02-01: the denial counts");
    let mut g = dated(json!([
        {"from": "paper", "rel": "asserts", "to": "c", "in": "early"},
        {"from": "agency", "rel": "denies", "to": "c", "date": "2024-02-15"},
    ]));
    whatif::as_of(&mut g, Date::new("2024-02").unwrap());
    assert!(!Support::new(&g).contested(ix(&g, "c")));
}

#[test]
fn a_relation_exists_as_of_a_day_when_any_of_its_appearances_counts() {
    // The edge in "late" is the one support reads ("late" sorts before "undated"); the
    // appearance in "undated" always counts and stands for the relation instead.
    let mut g = dated(json!([
        {"from": "paper", "rel": "asserts", "to": "c", "in": "late"},
        {"from": "paper", "rel": "asserts", "to": "c", "in": "undated"},
        {"from": "agency", "rel": "asserts", "to": "c", "in": "late"},
    ]));
    assert_eq!(whatif::as_of(&mut g, Date::new("2024").unwrap()), 2);
    assert_eq!(g.relation_counts(), [1, 0, 0]);
    let s = Support::new(&g);
    assert_eq!(s.sole_ground(ix(&g, "c")), Some(ix(&g, "paper")));
    assert_eq!(ids(&g, g.sources(ix(&g, "c"), Rel::Asserts)), ["paper"]);
}

#[test]
fn a_long_relay_chain_and_a_long_ring_have_every_link_as_chokepoint() {
    // Iterative throughout: this runs on the test thread's small stack.
    let n = 100_000;
    let mut entities = vec![json!({"id": "ground", "name": "x", "kind": "person"})];
    let mut claims = Vec::new();
    let mut edges = Vec::new();
    for i in 0..n {
        entities.push(json!({"id": format!("e{i}"), "name": "x", "kind": "person"}));
        let next = if i + 1 < n {
            format!("e{}", i + 1)
        } else {
            "ground".into()
        };
        edges.push(json!({"from": format!("e{i}"), "rel": "cites", "to": next}));
        claims.push(json!({"id": format!("r{i}"), "text": "t"}));
        edges.push(
            json!({"from": format!("r{i}"), "rel": "cites", "to": format!("r{}", (i + 1) % n)}),
        );
    }
    edges.push(json!({"from": "r0", "rel": "cites", "to": "e0"}));
    claims.push(json!({"id": "c", "text": "t"}));
    edges.push(json!({"from": "e0", "rel": "asserts", "to": "c"}));
    let file = json!({"entities": entities, "claims": claims, "edges": edges});
    let g = load_files(&[("chain.json", &file)]);
    let s = Support::new(&g);
    assert_eq!(s.chokepoints(ix(&g, "c")).count(), n + 1);
    // r1's only way out is round the ring to r0, then down the chain.
    assert_eq!(s.chokepoints(ix(&g, "r1")).count(), (n - 1) + n + 1);
    let counts = s.choke_counts();
    assert_eq!(counts[ix(&g, "ground").index()].0 as usize, n + 1);
}

#[test]
fn a_claim_citing_a_long_chain_and_its_own_ground_meets_them_at_the_exit() {
    // Each claim's two successors meet only at the exit: a climb up the whole chain per
    // claim, were it not for the jump pointers.
    let n = 20_000;
    let mut entities = Vec::new();
    let mut claims = Vec::new();
    let mut edges = Vec::new();
    for i in 0..n {
        entities.push(json!({"id": format!("e{i}"), "name": "x", "kind": "person"}));
        entities.push(json!({"id": format!("own{i}"), "name": "x", "kind": "person"}));
        if i + 1 < n {
            edges.push(
                json!({"from": format!("e{i}"), "rel": "cites", "to": format!("e{}", i + 1)}),
            );
        }
        claims.push(json!({"id": format!("c{i}"), "text": "t"}));
        edges.push(json!({"from": format!("c{i}"), "rel": "cites", "to": "e0"}));
        edges.push(json!({"from": format!("c{i}"), "rel": "cites", "to": format!("own{i}")}));
    }
    let file = json!({"entities": entities, "claims": claims, "edges": edges});
    let g = load_files(&[("wide.json", &file)]);
    let s = Support::new(&g);
    assert!(g.claims().all(|c| s.chokepoints(c).next().is_none()));
    assert_eq!(s.chokepoints(ix(&g, "e0")).count(), n - 1);
}

// ---- properties against the definitions ----

/// A random graph file, with more citations between its records than [`random_file`]
/// draws (cycles with several ways out), each relation stated in one or more documents.
fn random_graph_file() -> impl Strategy<Value = serde_json::Value> {
    (
        random_file(),
        prop::collection::vec((0usize..14, 0usize..14), 0..14),
        prop::collection::vec(0u8..4, 0..40),
    )
        .prop_map(|(file, cites, copies)| {
            let file = with_cites(file, &cites);
            dated_appearances(&file, &copies, &[], &[])
        })
}

/// `file` with `cites` (pairs of record numbers, entities first) added as `cites` edges.
fn with_cites(mut file: serde_json::Value, cites: &[(usize, usize)]) -> serde_json::Value {
    let names: Vec<serde_json::Value> = ["entities", "claims"]
        .iter()
        .flat_map(|k| file[k].as_array().unwrap().iter().map(|r| r["id"].clone()))
        .collect();
    let edges = file["edges"].as_array_mut().unwrap();
    for &(a, b) in cites {
        let (from, to) = (&names[a % names.len()], &names[b % names.len()]);
        let edge = json!({"from": from, "rel": "cites", "to": to});
        if !edges.contains(&edge) {
            edges.push(edge);
        }
    }
    file
}

/// Dates drawn on: whole and partial, some equal once padded to a first day.
const DATES: [&str; 6] = [
    "2023-12",
    "2024",
    "2024-03",
    "2024-03-01",
    "2024-06-18",
    "2025",
];

/// `file` with four documents (published on `published[d]`, or never when it is past the
/// dates) and each edge `i` stated in `1 + copies[i] % 3` of the five places (four
/// documents and none), each appearance dated `dates[..]` or not at all.
fn dated_appearances(
    file: &serde_json::Value,
    copies: &[u8],
    published: &[usize],
    dates: &[usize],
) -> serde_json::Value {
    let pick = |list: &[usize], i: usize| {
        list.get(i % list.len().max(1))
            .and_then(|&k| DATES.get(k))
            .copied()
    };
    let docs: Vec<serde_json::Value> = (0..4)
        .map(|d| {
            let mut doc = json!({"id": format!("d{d}"), "title": "T"});
            if let Some(p) = pick(published, d) {
                doc["published"] = json!(p);
            }
            doc
        })
        .collect();
    let mut edges = Vec::new();
    for (i, e) in file["edges"].as_array().unwrap().iter().enumerate() {
        let n = 1 + copies.get(i).copied().unwrap_or(0) as usize % 3;
        for k in 0..n {
            let place = (i + k) % 5;
            let mut copy = e.clone();
            if place < 4 {
                copy["in"] = json!(format!("d{place}"));
            }
            if let Some(d) = pick(dates, i * 3 + k) {
                copy["date"] = json!(d);
            }
            edges.push(copy);
        }
    }
    let mut out = file.clone();
    out["documents"] = json!(docs);
    out["edges"] = json!(edges);
    out
}

/// A date as the first day it stands for, as text that orders as the days do.
fn first_day(d: &str) -> String {
    match d.len() {
        4 => format!("{d}-01-01"),
        7 => format!("{d}-01"),
        _ => d.to_string(),
    }
}

/// The edges of `file` that count on `day`, straight from docs/format.md §2.4.
fn only_counting(file: &serde_json::Value, day: &str) -> serde_json::Value {
    let day = first_day(day);
    let published = |doc: &serde_json::Value| {
        file["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == *doc)
            .and_then(|d| d["published"].as_str())
    };
    let edges: Vec<&serde_json::Value> = file["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            let date = e["date"].as_str().or_else(|| published(&e["in"]));
            date.is_none_or(|d| first_day(d) <= day)
        })
        .collect();
    let mut out = file.clone();
    out["edges"] = json!(edges);
    out
}

fn node_set(s: impl IntoIterator<Item = NodeIx>) -> BTreeSet<usize> {
    s.into_iter().map(|v| v.index()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Every predicate, chokepoints included, of S with some entities discredited (none
    /// too), against the definitions: a search per node, and a search per node without each
    /// node it reaches.
    #[test]
    fn discredited_support_and_chokepoints_equal_the_definitions(
        file in random_graph_file(),
        picks in prop::collection::vec(any::<bool>(), 6),
    ) {
        let g = load_files(&[("r.json", &file)]);
        let (removed, s) = discredit_picked(&g, &picks);
        let naive = Naive::cut(&g, &removed);
        let relay = s.single_relay();
        let counts = s.choke_counts();
        let mut choked = vec![(0u32, 0u32); g.node_bound()];
        let kept = |who: &mut dyn Iterator<Item = NodeIx>| who.filter(|w| !removed.contains(&w.index())).count() > 0;
        for v in g.nodes() {
            let i = v.index();
            let gr = naive.grounds(i);
            prop_assert_eq!(node_set(s.grounds(v).iter().map(|&x| NodeIx::new(x as usize))), gr.clone(), "grounds of {}", g.id(v));
            prop_assert_eq!(s.is_ground(v), naive.ground[i]);
            prop_assert_eq!(s.is_discredited(v), removed.contains(&i));
            prop_assert_eq!(s.ungrounded(v), gr.is_empty());
            prop_assert_eq!(s.on_cycle(v), naive.on_cycle(i), "on_cycle {}", g.id(v));
            let circular = naive.reach(i).into_iter().any(|w| naive.on_cycle(w));
            prop_assert_eq!(s.circular(v), circular, "circular {}", g.id(v));
            let asserted = kept(&mut g.sources(v, Rel::Asserts));
            let denied = kept(&mut g.sources(v, Rel::Denies));
            prop_assert_eq!(s.contested(v), asserted && denied);
            let origins: BTreeSet<usize> = gr.iter().map(|&x| s.origin(NodeIx::new(x)).index()).collect();
            prop_assert_eq!(s.single_origin(v), origins.len() == 1);
            prop_assert_eq!(s.independent(v), origins.len() >= 2);
            let want = naive.chokepoints(i);
            let fast: Vec<NodeIx> = s.chokepoints(v).collect();
            prop_assert_eq!(s.chokepoint_count(v), want.len(), "count of chokepoints of {}", g.id(v));
            prop_assert_eq!(fast.len(), want.len(), "no chokepoint twice for {}", g.id(v));
            prop_assert_eq!(node_set(fast), want.clone(), "chokepoints of {}", g.id(v));
            let entity_choke = want.iter().any(|&x| naive.is_entity[x]);
            prop_assert_eq!(relay[i], origins.len() >= 2 && entity_choke, "single relay {}", g.id(v));
            if g.is_claim(v) {
                for &x in &want {
                    choked[x].0 += 1;
                    choked[x].1 += u32::from(origins.len() >= 2);
                }
            }
        }
        prop_assert_eq!(counts, choked);
        for x in g.nodes() {
            let by_x = s.choked_by(x);
            for v in g.nodes() {
                prop_assert_eq!(by_x[v.index()], naive.chokepoints(v.index()).contains(&x.index()));
            }
        }
    }

    /// Where a claim would stand with one more entity discredited, by the search from the
    /// claim, against S cut again.
    #[test]
    fn one_more_discredited_source_equals_cutting_it_too(
        file in random_graph_file(),
        picks in prop::collection::vec(any::<bool>(), 6),
    ) {
        let g = load_files(&[("r.json", &file)]);
        let (removed, s) = discredit_picked(&g, &picks);
        for x in g.entities() {
            let mut more = removed.clone();
            more.insert(x.index());
            let naive = Naive::cut(&g, &more);
            let again = Support::discrediting(&g, &more.iter().map(|&v| NodeIx::new(v)).collect::<Vec<_>>());
            for c in g.claims() {
                let (standing, grounds) = whatif::if_discredited(&s, c, x);
                prop_assert_eq!(node_set(grounds), naive.grounds(c.index()), "{} without {}", g.id(c), g.id(x));
                prop_assert_eq!(standing, whatif::Standing::of(&again, c));
            }
        }
    }

    /// The graph as of a day is the graph of only the edges that count that day: every
    /// answer, every edge kept and every relation are the same.
    #[test]
    fn as_of_a_day_equals_loading_only_the_edges_that_count(
        file in random_file(),
        copies in prop::collection::vec(0u8..4, 0..40),
        published in prop::collection::vec(0usize..8, 4),
        dates in prop::collection::vec(0usize..9, 1..12),
        day in 0usize..DATES.len() + 2,
    ) {
        let file = dated_appearances(&file, &copies, &published, &dates);
        let day = DATES.get(day).copied().unwrap_or(if day == DATES.len() { "2023" } else { "2024-06" });
        let mut cut = load_files(&[("r.json", &file)]);
        let before = cut.petgraph().edge_count();
        let dropped = whatif::as_of(&mut cut, Date::new(day).unwrap());
        let only = load_files(&[("r.json", &only_counting(&file, day))]);
        prop_assert_eq!(before - dropped, only.petgraph().edge_count());
        prop_assert_eq!(cut.edge_records(), only.edge_records());
        prop_assert_eq!(answers(&cut), answers(&only));
    }
}
