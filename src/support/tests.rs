use super::*;
use crate::load::{from_sources, Source};
use crate::model::Rel;
use crate::query;
use proptest::prelude::*;
use serde_json::json;
use std::collections::{BTreeSet, VecDeque};

/// An entity for a test graph: id, tags, part_of.
pub(super) type E<'a> = (&'a str, &'a [&'a str], Option<&'a str>);

pub(super) fn graph(entities: &[E], claims: &[&str], edges: &[(&str, &str, &str)]) -> ClaimGraph {
    let file = json!({
        "entities": entities.iter().map(|(id, tags, part_of)| {
            let mut e = json!({"id": id, "name": id, "kind": "organization", "tags": tags});
            if let Some(p) = part_of { e["part_of"] = json!(p); }
            e
        }).collect::<Vec<_>>(),
        "claims": claims.iter().map(|id| json!({"id": id, "text": id})).collect::<Vec<_>>(),
        "edges": edges.iter().map(|(f, r, t)| json!({"from": f, "rel": r, "to": t})).collect::<Vec<_>>(),
    });
    let src = Source {
        name: "t.json".into(),
        bytes: file.to_string().into_bytes(),
    };
    from_sources(&[src]).unwrap_or_else(|e| panic!("test graph invalid: {e}"))
}

/// The outlet asserts `c` and relays the wire, which relays the intelligence agency.
pub(super) fn relay_chain() -> ClaimGraph {
    graph(
        &[
            ("outlet", &["media"], None),
            ("wire", &["wire"], None),
            ("agency", &["intelligence"], None),
        ],
        &["c"],
        &[
            ("outlet", "asserts", "c"),
            ("outlet", "cites", "wire"),
            ("wire", "cites", "agency"),
        ],
    )
}

/// `x` asserts `a`; `a` and `b` cite each other and nothing else.
pub(super) fn cycle_without_exit() -> ClaimGraph {
    graph(
        &[("x", &[], None)],
        &["a", "b"],
        &[
            ("x", "asserts", "a"),
            ("a", "cites", "b"),
            ("b", "cites", "a"),
        ],
    )
}

pub(super) fn ix(g: &ClaimGraph, id: &str) -> NodeIx {
    g.node_by_id(id).unwrap()
}

fn grounds(g: &ClaimGraph, s: &Support, id: &str) -> Vec<String> {
    query::grounds_ids(g, s, ix(g, id))
        .iter()
        .map(|i| i.to_string())
        .collect()
}

fn rests(g: &ClaimGraph, s: &Support, id: &str, tag: &str) -> bool {
    s.rests_only_on(g, tag)[ix(g, id).index()]
}

#[test]
fn a_relay_chain_is_grounded_in_its_last_link() {
    // outlet relays wire, wire relays agency; the outlet asserts the claim.
    let g = relay_chain();
    let s = Support::new(&g);
    assert_eq!(grounds(&g, &s, "c"), ["agency"]);
    assert!(rests(&g, &s, "c", "intelligence"));
    assert!(!s.is_ground(ix(&g, "outlet")));
    assert!(s.is_ground(ix(&g, "agency")));
    assert!(!s.circular(ix(&g, "c")));
}

#[test]
fn a_claim_that_cites_is_not_grounded_in_its_asserters() {
    let g = graph(
        &[("dw", &["media"], None), ("nis", &["intelligence"], None)],
        &["c"],
        &[("dw", "asserts", "c"), ("c", "cites", "nis")],
    );
    let s = Support::new(&g);
    assert_eq!(grounds(&g, &s, "c"), ["nis"]);
    assert!(rests(&g, &s, "c", "intelligence"));
    assert!(!rests(&g, &s, "c", "media"));
}

#[test]
fn a_claim_citing_a_claim_inherits_its_grounds() {
    let g = graph(
        &[("a", &["analyst"], None), ("b", &["statistics"], None)],
        &["base", "derived"],
        &[
            ("a", "asserts", "base"),
            ("b", "asserts", "derived"),
            ("derived", "cites", "base"),
        ],
    );
    let s = Support::new(&g);
    assert_eq!(grounds(&g, &s, "derived"), ["a"]);
    assert!(rests(&g, &s, "derived", "analyst"));
}

#[test]
fn a_cycle_without_exit_is_ungrounded_and_circular() {
    let g = cycle_without_exit();
    let s = Support::new(&g);
    for c in ["a", "b"] {
        assert!(s.ungrounded(ix(&g, c)), "{c}");
        assert!(s.circular(ix(&g, c)), "{c}");
        assert!(!rests(&g, &s, c, "media"));
    }
}

#[test]
fn a_cycle_with_an_exit_is_grounded_and_still_circular() {
    let g = graph(
        &[("w", &["wire"], None)],
        &["a", "b", "outside"],
        &[
            ("a", "cites", "b"),
            ("b", "cites", "a"),
            ("b", "cites", "w"),
            ("outside", "cites", "a"),
        ],
    );
    let s = Support::new(&g);
    for c in ["a", "b", "outside"] {
        assert_eq!(grounds(&g, &s, c), ["w"], "{c}");
        assert!(s.circular(ix(&g, c)), "{c}");
        assert!(rests(&g, &s, c, "wire"));
    }
    assert!(s.on_cycle(ix(&g, "a")));
    assert!(!s.on_cycle(ix(&g, "outside")));
}

#[test]
fn a_self_cite_is_a_cycle() {
    let g = graph(
        &[("e", &[], None)],
        &["c"],
        &[("e", "asserts", "c"), ("c", "cites", "c")],
    );
    let s = Support::new(&g);
    assert!(s.circular(ix(&g, "c")));
    assert!(
        s.ungrounded(ix(&g, "c")),
        "a claim citing only itself has no ground"
    );
}

#[test]
fn an_entity_with_two_tags_satisfies_both() {
    let g = graph(
        &[("sat", &["intelligence", "imagery"], None)],
        &["c"],
        &[("sat", "asserts", "c")],
    );
    let s = Support::new(&g);
    assert!(rests(&g, &s, "c", "intelligence"));
    assert!(rests(&g, &s, "c", "imagery"));
    assert!(!rests(&g, &s, "c", "media"));
}

#[test]
fn mixed_grounds_rest_on_neither_tag() {
    let g = graph(
        &[("nis", &["intelligence"], None), ("dw", &["media"], None)],
        &["c"],
        &[("nis", "asserts", "c"), ("dw", "asserts", "c")],
    );
    let s = Support::new(&g);
    assert!(!rests(&g, &s, "c", "intelligence"));
    assert_eq!(grounds(&g, &s, "c"), ["dw", "nis"]);
}

#[test]
fn origins_follow_part_of_chains_and_decide_single_origin() {
    let g = graph(
        &[
            ("kr", &[], None),
            ("nis", &["intelligence"], Some("kr")),
            ("nis-desk", &["intelligence"], Some("nis")),
            ("bok", &["central-bank"], Some("kr")),
            ("us", &[], None),
            ("usgov", &["government"], Some("us")),
        ],
        &["one", "two"],
        &[
            ("nis-desk", "asserts", "one"),
            ("bok", "asserts", "one"),
            ("nis", "asserts", "two"),
            ("usgov", "asserts", "two"),
        ],
    );
    let s = Support::new(&g);
    assert_eq!(g.id(s.origin(ix(&g, "nis-desk"))).as_str(), "kr");
    assert_eq!(g.id(s.origin(ix(&g, "kr"))).as_str(), "kr");
    assert!(s.single_origin(ix(&g, "one")));
    assert!(!s.independent(ix(&g, "one")));
    assert!(s.independent(ix(&g, "two")));
    assert!(!s.single_origin(ix(&g, "two")));
}

#[test]
fn an_unasserted_claim_is_ungrounded_and_neither_single_nor_independent() {
    let g = graph(&[("e", &[], None)], &["c"], &[("e", "denies", "c")]);
    let s = Support::new(&g);
    let c = ix(&g, "c");
    assert!(s.ungrounded(c));
    assert!(!s.single_origin(c) && !s.independent(c));
    assert!(!s.contested(c), "denied but not asserted");
}

#[test]
fn ground_counts_tell_grounded_and_sole() {
    let g = graph(
        &[("a", &[], None), ("b", &[], None)],
        &["x", "y", "z"],
        &[
            ("a", "asserts", "x"),
            ("a", "asserts", "y"),
            ("b", "asserts", "y"),
            ("z", "cites", "x"),
        ],
    );
    let s = Support::new(&g);
    let counts = s.ground_counts(&g);
    assert_eq!(counts[ix(&g, "a").index()], (3, 2)); // x, y, z; sole for x and z
    assert_eq!(counts[ix(&g, "b").index()], (1, 0));
}

#[test]
fn interested_denial_needs_every_denier_to_share_an_origin_with_the_subject() {
    let file = json!({
        "entities": [
            {"id": "nk", "name": "North Korea", "kind": "country"},
            {"id": "ru", "name": "Russia", "kind": "country"},
            {"id": "kcna", "name": "KCNA", "kind": "organization", "part_of": "nk"},
            {"id": "us", "name": "US", "kind": "country"},
        ],
        "claims": [
            {"id": "deal", "text": "t", "about": ["nk", "ru"]},
            {"id": "other", "text": "t", "about": ["nk"]},
        ],
        "edges": [
            {"from": "us", "rel": "asserts", "to": "deal"},
            {"from": "kcna", "rel": "denies", "to": "deal"},
            {"from": "ru", "rel": "denies", "to": "deal"},
            {"from": "us", "rel": "asserts", "to": "other"},
            {"from": "kcna", "rel": "denies", "to": "other"},
            {"from": "us", "rel": "denies", "to": "other"},
        ],
    });
    let g = from_sources(&[Source {
        name: "t.json".into(),
        bytes: file.to_string().into_bytes(),
    }])
    .unwrap();
    let s = Support::new(&g);
    assert!(query::interested_denial(&g, &s, ix(&g, "deal")));
    assert!(
        !query::interested_denial(&g, &s, ix(&g, "other")),
        "the US has no stake in it"
    );
}

#[test]
fn a_long_relay_chain_does_not_overflow_the_test_thread() {
    // Support::new and its folds are iterative; this runs on the test thread's small stack.
    let n = 200_000;
    let mut entities: Vec<serde_json::Value> = Vec::with_capacity(n);
    let mut edges: Vec<serde_json::Value> = Vec::with_capacity(n);
    for i in 0..n {
        entities.push(json!({"id": format!("e{i}"), "name": "x", "kind": "person"}));
        if i + 1 < n {
            edges.push(
                json!({"from": format!("e{i}"), "rel": "cites", "to": format!("e{}", i + 1)}),
            );
        }
    }
    edges.push(json!({"from": "e0", "rel": "asserts", "to": "c"}));
    let file = json!({"entities": entities, "claims": [{"id": "c", "text": "t"}], "edges": edges});
    let g = from_sources(&[Source {
        name: "t.json".into(),
        bytes: file.to_string().into_bytes(),
    }])
    .unwrap();
    let s = Support::new(&g);
    assert_eq!(grounds(&g, &s, "c"), [format!("e{}", n - 1)]);
}

// ---- the naive twin: a breadth-first search per claim, straight from docs/format.md §2 ----

pub(super) struct Naive {
    pub arcs: Vec<Vec<usize>>,
    pub is_entity: Vec<bool>,
    /// Grounds of S before the cut (docs/format.md §2.5), not themselves cut.
    pub ground: Vec<bool>,
}

impl Naive {
    pub fn new(g: &ClaimGraph) -> Naive {
        Naive::cut(g, &BTreeSet::new())
    }

    /// S decided on every edge, then the nodes `removed` and their arcs taken out.
    pub fn cut(g: &ClaimGraph, removed: &BTreeSet<usize>) -> Naive {
        let n = g.node_bound();
        let mut arcs = vec![Vec::new(); n];
        for v in g.nodes() {
            let cites: Vec<usize> = g.targets(v, Rel::Cites).map(|w| w.index()).collect();
            arcs[v.index()] = if g.is_claim(v) && cites.is_empty() {
                g.sources(v, Rel::Asserts).map(|w| w.index()).collect()
            } else {
                cites
            };
        }
        let is_entity: Vec<bool> = (0..n).map(|v| !g.is_claim(NodeIx::new(v))).collect();
        let ground = (0..n)
            .map(|v| is_entity[v] && arcs[v].is_empty() && !removed.contains(&v))
            .collect();
        for (v, list) in arcs.iter_mut().enumerate() {
            list.retain(|w| !removed.contains(w));
            if removed.contains(&v) {
                list.clear();
            }
        }
        Naive {
            arcs,
            is_entity,
            ground,
        }
    }

    pub fn reach(&self, from: usize) -> BTreeSet<usize> {
        self.reach_avoiding(from, None)
    }

    /// The nodes reachable from `from` by paths that do not enter `avoid`.
    pub fn reach_avoiding(&self, from: usize, avoid: Option<usize>) -> BTreeSet<usize> {
        let mut seen = BTreeSet::from([from]);
        let mut queue = VecDeque::from([from]);
        while let Some(v) = queue.pop_front() {
            for &w in &self.arcs[v] {
                if Some(w) != avoid && seen.insert(w) {
                    queue.push_back(w);
                }
            }
        }
        seen
    }

    pub fn grounds(&self, from: usize) -> BTreeSet<usize> {
        self.grounds_avoiding(from, None)
    }

    pub fn grounds_avoiding(&self, from: usize, avoid: Option<usize>) -> BTreeSet<usize> {
        self.reach_avoiding(from, avoid)
            .into_iter()
            .filter(|&v| self.ground[v])
            .collect()
    }

    pub fn on_cycle(&self, v: usize) -> bool {
        self.arcs[v].iter().any(|&w| self.reach(w).contains(&v))
    }

    /// Straight from the definition: the nodes other than `c`, reachable from it, without
    /// which no ground is reachable from `c` (none when `c` has no ground).
    pub fn chokepoints(&self, c: usize) -> BTreeSet<usize> {
        if self.grounds(c).is_empty() {
            return BTreeSet::new();
        }
        self.reach(c)
            .into_iter()
            .filter(|&x| x != c && self.grounds_avoiding(c, Some(x)).is_empty())
            .collect()
    }
}

/// A random valid graph file: up to 6 entities (tagged, in a `part_of` forest), up to 8
/// claims, and edges of every legal kind between them, each relation once.
pub(super) fn random_file() -> impl Strategy<Value = serde_json::Value> {
    let tags = ["intelligence", "media", "wire"];
    (1usize..7, 1usize..9)
        .prop_flat_map(move |(ne, nc)| {
            let ent_tags = prop::collection::vec(prop::collection::vec(0usize..3, 0..3), ne);
            let parents = prop::collection::vec(prop::option::of(0usize..ne), ne);
            let edges = prop::collection::vec((0usize..3, 0usize..ne + nc, 0usize..ne + nc), 0..(2 * (ne + nc)));
            (Just((ne, nc)), ent_tags, parents, edges)
        })
        .prop_map(move |((ne, nc), ent_tags, parents, edges)| {
            let name = |i: usize| if i < ne { format!("e{i}") } else { format!("c{}", i - ne) };
            let entities: Vec<serde_json::Value> = (0..ne)
                .map(|i| {
                    let t: BTreeSet<&str> = ent_tags[i].iter().map(|&k| tags[k]).collect();
                    let mut e = json!({"id": name(i), "name": name(i), "kind": "organization", "tags": t});
                    // part_of only to a lower index: a forest, never a cycle
                    if let Some(p) = parents[i].filter(|&p| p < i) {
                        e["part_of"] = json!(name(p));
                    }
                    e
                })
                .collect();
            let claims: Vec<serde_json::Value> = (ne..ne + nc).map(|i| json!({"id": name(i), "text": "t"})).collect();
            let relations: BTreeSet<(usize, usize, usize)> = edges.into_iter().collect();
            let edges: Vec<serde_json::Value> = relations
                .into_iter()
                .filter_map(|(r, a, b)| match r {
                    0 | 1 if a < ne && b >= ne => Some(json!({"from": name(a), "rel": if r == 0 { "asserts" } else { "denies" }, "to": name(b)})),
                    2 => Some(json!({"from": name(a), "rel": "cites", "to": name(b)})),
                    _ => None,
                })
                .collect();
            json!({"entities": entities, "claims": claims, "edges": edges})
        })
}

pub(super) fn load_files(files: &[(&str, &serde_json::Value)]) -> ClaimGraph {
    let sources: Vec<Source> = files
        .iter()
        .map(|(name, v)| Source {
            name: (*name).into(),
            bytes: v.to_string().into_bytes(),
        })
        .collect();
    from_sources(&sources).unwrap_or_else(|e| panic!("random graph is valid: {e}"))
}

fn random_graph() -> impl Strategy<Value = ClaimGraph> {
    random_file().prop_map(|f| load_files(&[("r.json", &f)]))
}

/// `file` with each edge also stated in up to three documents, the copies in a second file
/// (`copies[i] % 4` extra appearances of edge `i`, each with a quote).
fn with_appearances(file: &serde_json::Value, copies: &[u8]) -> serde_json::Value {
    let docs: Vec<serde_json::Value> = (0..3)
        .map(|d| json!({"id": format!("d{d}"), "title": "T"}))
        .collect();
    let mut edges = Vec::new();
    for (i, e) in file["edges"].as_array().unwrap().iter().enumerate() {
        for d in 0..copies.get(i).copied().unwrap_or(0) % 4 {
            let mut copy = e.clone();
            copy["in"] = json!(format!("d{d}"));
            copy["quote"] = json!(format!("said in d{d}"));
            edges.push(copy);
        }
    }
    json!({"documents": docs, "edges": edges})
}

/// Everything support, `why`, `sources` and the claim facts say about `g`, as text.
pub(super) fn answers(g: &ClaimGraph) -> Vec<String> {
    let s = Support::new(g);
    let mut out = vec![
        format!("{:?}", g.relation_counts()),
        format!("{:?}", s.ground_counts(g)),
        format!("{:?} {:?}", s.choke_counts(), s.single_relay()),
    ];
    out.push(serde_json::to_string(&query::sources(g, &s, None)).unwrap());
    for t in ["intelligence", "media", "wire"] {
        out.push(format!("{t}: {:?}", s.rests_only_on(g, t)));
    }
    for v in g.nodes() {
        let mut arcs: Vec<&str> = s.support_of(v).map(|w| g.id(w).as_str()).collect();
        arcs.sort_unstable();
        out.push(format!(
            "{} arcs {arcs:?} grounds {:?} ground {} ungrounded {} cycle {} circular {} contested {} single {} independent {} sole {:?}",
            g.id(v), s.grounds(v), s.is_ground(v), s.ungrounded(v), s.on_cycle(v), s.circular(v),
            s.contested(v), s.single_origin(v), s.independent(v), s.sole_ground(v),
        ));
        let choke: Vec<&str> = s.chokepoints(v).map(|w| g.id(w).as_str()).collect();
        out.push(format!("{} chokepoints {choke:?}", g.id(v)));
        for rel in Rel::ALL {
            out.push(format!(
                "{} {rel} {:?} <- {:?}",
                g.id(v),
                g.target_ids(v, *rel),
                g.source_ids(v, *rel)
            ));
        }
        if let Some(c) = g.as_claim(v) {
            out.push(serde_json::to_string(&query::facts(g, &s, c)).unwrap());
            let tree = crate::why::tree(g, &s, v, 25);
            let rows: Vec<String> = tree
                .rows
                .iter()
                .map(|r| format!("{} {} {:?} {:?}", r.depth, g.id(r.node), r.via, r.mark))
                .collect();
            out.push(format!("why {}: {rows:?} cut {}", g.id(v), tree.cut));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn fast_predicates_equal_a_naive_search_per_claim(g in random_graph()) {
        let s = Support::new(&g);
        let naive = Naive::new(&g);
        let tags = ["intelligence", "media", "wire"];
        let only: Vec<Vec<bool>> = tags.iter().map(|t| s.rests_only_on(&g, t)).collect();
        // With one tag bit, the other tags take the fold over the condensation.
        let one_bit = Support::with_tag_bits(&g, 1);
        let only_by_fold: Vec<Vec<bool>> = tags.iter().map(|t| one_bit.rests_only_on(&g, t)).collect();
        let counts = s.ground_counts(&g);
        let mut grounded = vec![0u32; g.node_bound()];
        let mut sole = vec![0u32; g.node_bound()];
        for v in g.nodes() {
            let i = v.index();
            let gr = naive.grounds(i);
            let fast: BTreeSet<usize> = s.grounds(v).iter().map(|&x| x as usize).collect();
            prop_assert_eq!(&fast, &gr, "grounds of {}", g.id(v));
            prop_assert_eq!(s.ungrounded(v), gr.is_empty());
            prop_assert_eq!(s.on_cycle(v), naive.on_cycle(i), "on_cycle {}", g.id(v));
            for w in s.support_of(v) {
                let both = naive.on_cycle(i) && naive.reach(w.index()).contains(&i);
                prop_assert_eq!(s.arc_on_cycle(v, w), both, "arc {} -> {}", g.id(v), g.id(w));
            }
            let asserted = g.sources(v, Rel::Asserts).next().is_some();
            let denied = g.sources(v, Rel::Denies).next().is_some();
            prop_assert_eq!(s.contested(v), asserted && denied, "contested {}", g.id(v));
            prop_assert_eq!(s.denied(v), denied);
            let circular = naive.reach(i).into_iter().any(|w| naive.on_cycle(w));
            prop_assert_eq!(s.circular(v), circular, "circular {}", g.id(v));
            for (k, t) in tags.iter().enumerate() {
                let want = !gr.is_empty() && gr.iter().all(|&x| g.entity(NodeIx::new(x)).unwrap().has_tag(t));
                prop_assert_eq!(only[k][i], want, "rests_only_on({}, {})", g.id(v), t);
                prop_assert_eq!(only_by_fold[k][i], want, "by fold: rests_only_on({}, {})", g.id(v), t);
            }
            let origins: BTreeSet<usize> = gr.iter().map(|&x| s.origin(NodeIx::new(x)).index()).collect();
            prop_assert_eq!(s.single_origin(v), origins.len() == 1);
            prop_assert_eq!(s.independent(v), origins.len() >= 2);
            prop_assert_eq!(s.sole_ground(v).map(|x| x.index()), (gr.len() == 1).then(|| *gr.iter().next().unwrap()));
            if g.is_claim(v) {
                for &x in &gr { grounded[x] += 1; }
                if gr.len() == 1 { sole[*gr.iter().next().unwrap()] += 1; }
            }
        }
        for v in g.nodes() {
            prop_assert_eq!(counts[v.index()], (grounded[v.index()], sole[v.index()]));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// One relation in many documents (docs/format.md §1): support reads all the edges of a relation
    /// as one arc, so every predicate, grounds count, sources row, `why` tree and list of
    /// asserters is the same as with one edge per relation.
    #[test]
    fn appearances_in_more_documents_change_no_answer(
        file in random_file(),
        copies in prop::collection::vec(any::<u8>(), 0..40),
    ) {
        let one = load_files(&[("r.json", &file)]);
        let many = load_files(&[("r.json", &file), ("s.json", &with_appearances(&file, &copies))]);
        let extra: usize = file["edges"].as_array().unwrap().iter().enumerate().map(|(i, _)| copies.get(i).map_or(0, |c| (c % 4) as usize)).sum();
        prop_assert_eq!(many.petgraph().edge_count(), one.petgraph().edge_count() + extra);
        prop_assert_eq!(answers(&many), answers(&one));
    }
}
