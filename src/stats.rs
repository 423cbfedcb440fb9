//! `stats`: how many documents, entities, claims and edges a graph has, by kind and relation,
//! and how many claims each predicate of docs/format.md §2 holds for, as one typed value
//! (serialized as is for `stats --format json`).

use crate::graph::{ClaimGraph, NodeIx};
use crate::model::{Kind, Rel, Verdict, TAG_VOCABULARY};
use crate::query;
use crate::support::Support;
use serde::Serialize;
use std::collections::BTreeMap;

/// Counts by name, in name order.
pub type Tally = BTreeMap<&'static str, usize>;

/// The counts of one graph. The fields are in alphabetical order, the order the JSON output
/// has listed them in since `stats` first printed JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub claims: usize,
    pub claims_by_support: BySupport,
    /// Every verdict, and `unreviewed` for claims without a review.
    pub claims_by_verdict: Tally,
    /// For each vocabulary tag (docs/format.md §3) that some claim rests only on, how many.
    pub claims_resting_only_on: Tally,
    pub documents: usize,
    /// Every edge: a relation stated in several documents is one edge per document
    /// (docs/format.md §1).
    pub edges: usize,
    pub edges_by_rel: Tally,
    pub entities: usize,
    pub entities_by_kind: Tally,
    /// Relations `(from, rel, to)`: a relation stated in several documents counts once, as
    /// support reads it.
    pub relations: usize,
}

/// How many claims each support predicate holds for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BySupport {
    pub circular: usize,
    pub contested: usize,
    pub independent: usize,
    pub interested_denial: usize,
    pub single_origin: usize,
    pub single_relay: usize,
    pub ungrounded: usize,
}

impl BySupport {
    /// `(name, count)` in the order of the fields.
    pub fn rows(&self) -> [(&'static str, usize); 7] {
        [
            ("circular", self.circular),
            ("contested", self.contested),
            ("independent", self.independent),
            ("interested_denial", self.interested_denial),
            ("single_origin", self.single_origin),
            ("single_relay", self.single_relay),
            ("ungrounded", self.ungrounded),
        ]
    }
}

impl Stats {
    /// Counts `g`, whose support graph is `s`.
    pub fn of(g: &ClaimGraph, s: &Support) -> Stats {
        let claims: Vec<NodeIx> = g.claims().collect();
        let count = |f: &dyn Fn(NodeIx) -> bool| claims.iter().filter(|&&c| f(c)).count();
        let entities: Vec<&crate::model::Entity> =
            g.entities().filter_map(|e| g.entity(e)).collect();
        let [asserts, denies, cites] = g.edge_counts();
        let by_rel = |r: Rel| match r {
            Rel::Asserts => asserts,
            Rel::Denies => denies,
            Rel::Cites => cites,
        };
        let mut claims_by_verdict: Tally = Verdict::ALL
            .iter()
            .map(|&v| {
                let n = count(&|c| g.claim(c).and_then(|x| x.verdict()) == Some(v));
                (v.as_str(), n)
            })
            .collect();
        let unreviewed = count(&|c| g.claim(c).is_some_and(|x| x.review.is_none()));
        claims_by_verdict.insert("unreviewed", unreviewed);
        Stats {
            claims: claims.len(),
            claims_by_support: BySupport {
                circular: count(&|c| s.circular(c)),
                contested: count(&|c| s.contested(c)),
                independent: count(&|c| s.independent(c)),
                interested_denial: count(&|c| query::interested_denial(g, s, c)),
                single_origin: count(&|c| s.single_origin(c)),
                single_relay: count(&|c| s.single_relay()[c.index()]),
                ungrounded: count(&|c| s.ungrounded(c)),
            },
            claims_by_verdict,
            claims_resting_only_on: resting_only_on(g, s, &claims),
            documents: g.documents().count(),
            edges: asserts + denies + cites,
            edges_by_rel: Rel::ALL.iter().map(|&r| (r.as_str(), by_rel(r))).collect(),
            entities: entities.len(),
            entities_by_kind: Kind::ALL
                .iter()
                .map(|&k| (k.as_str(), entities.iter().filter(|e| e.kind == k).count()))
                .collect(),
            relations: g.relation_counts().iter().sum(),
        }
    }
}

/// For each vocabulary tag some claim rests only on, how many do.
fn resting_only_on(g: &ClaimGraph, s: &Support, claims: &[NodeIx]) -> Tally {
    let mut tally = Tally::new();
    for &tag in TAG_VOCABULARY {
        let only = s.rests_only_on(g, tag);
        let n = claims.iter().filter(|c| only[c.index()]).count();
        if n > 0 {
            tally.insert(tag, n);
        }
    }
    tally
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::test_graph;

    #[test]
    fn counts_serialize_as_the_json_of_stats() {
        // `nis asserts c` appears in two documents: two edges, one relation.
        let json = r#"{"documents":[{"id":"d1","title":"D"}],
            "entities":[{"id":"nis","name":"NIS","kind":"organization","tags":["intelligence"]},
                {"id":"kp","name":"North Korea","kind":"country"}],
            "claims":[{"id":"c","text":"T","about":["kp"],"review":{"verdict":"true","by":"nis","date":"2024-01-01"}},
                {"id":"d","text":"U"}],
            "edges":[{"from":"nis","rel":"asserts","to":"c"},{"from":"nis","rel":"asserts","to":"c","in":"d1"},
                {"from":"kp","rel":"denies","to":"c"}]}"#;
        let g = test_graph(json);
        let stats = Stats::of(&g, &Support::new(&g));
        assert_eq!(
            serde_json::to_string(&stats).unwrap(),
            concat!(
                r#"{"claims":2,"claims_by_support":{"circular":0,"contested":1,"independent":0,"#,
                r#""interested_denial":1,"single_origin":1,"single_relay":0,"ungrounded":1},"#,
                r#""claims_by_verdict":{"false":0,"mixed":0,"mostly-false":0,"mostly-true":0,"#,
                r#""true":1,"unproven":0,"unreviewed":1},"claims_resting_only_on":{"intelligence":1},"#,
                r#""documents":1,"edges":3,"edges_by_rel":{"asserts":2,"cites":0,"denies":1},"#,
                r#""entities":2,"entities_by_kind":{"country":1,"organization":1,"person":0},"#,
                r#""relations":2}"#
            )
        );
    }
}
