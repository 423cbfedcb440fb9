//! A graph's claims indexed for matching: the closest claims to a text, the claim that
//! states the same thing, and claims an ingest plan adds before they are written.

use super::analyze;
use super::{ClaimIndex, Difference, Features, Matcher, FLOOR, THRESHOLD};
use crate::graph::ClaimGraph;
use crate::model::{Claim, Id};
use serde::Serialize;

/// One claim close to a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: Id,
    pub text: String,
    pub score: f64,
    /// Whether it states the same claim (no guard fails and the score reaches the
    /// threshold).
    pub same: bool,
    /// The guard that makes it a different claim, if any.
    pub differs: Option<Difference>,
}

/// The claims of `g` closest to `text` that state the same claim or score at least
/// `near`, best first, at most `limit` (what `add claim` warns about).
pub fn close_claims(g: &ClaimGraph, text: &str, near: f64, limit: usize) -> Vec<Hit> {
    let m = GraphMatcher::new(g);
    let q = m.matcher().features(text);
    m.similar(&q, limit, None)
        .into_iter()
        .filter(|h| h.same || h.score >= near)
        .collect()
}

/// Where a claim of a [`GraphMatcher`] comes from.
#[derive(Debug, Clone)]
enum Slot<'g> {
    Graph(&'g Claim),
    Added(Id, String),
}

/// A graph's claims, indexed for matching; claims planned but not yet written can be added.
pub struct GraphMatcher<'g> {
    matcher: Matcher,
    index: ClaimIndex,
    slots: Vec<Slot<'g>>,
}

impl<'g> GraphMatcher<'g> {
    /// Indexes every claim of `g`.
    pub fn new(g: &'g ClaimGraph) -> GraphMatcher<'g> {
        let names = crate::timing::phase("names");
        let matcher = Matcher::for_graph(g);
        drop(names);
        let _t = crate::timing::phase("index");
        let mut index = ClaimIndex::default();
        let mut slots = Vec::new();
        let mut f = Features::default();
        for r in g.claim_refs() {
            let c = r.claim;
            analyze::features_into(
                &c.text,
                &matcher.names,
                &mut matcher.vocab.borrow_mut(),
                &mut f,
            );
            index.push(&f, &matcher.vocab.borrow());
            slots.push(Slot::Graph(c));
        }
        index.seal(&matcher.vocab.borrow());
        GraphMatcher {
            matcher,
            index,
            slots,
        }
    }

    /// The matcher (entity names of the graph).
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Adds a claim that is not in the graph yet (a claim an ingest plan makes).
    pub fn add(&mut self, id: Id, text: String) {
        let f = self.matcher.features(&text);
        self.index.push(&f, &self.matcher.vocab.borrow());
        self.slots.push(Slot::Added(id, text));
    }

    fn slot(&self, slot: usize) -> (&Id, &str) {
        match &self.slots[slot] {
            Slot::Graph(c) => (&c.id, &c.text),
            Slot::Added(id, text) => (id, text),
        }
    }

    /// The claims closest to `query`, best first, at most `limit`, scoring at least
    /// [`FLOOR`]; `exclude` leaves one claim out (the query's own).
    pub fn similar(&self, query: &Features, limit: usize, exclude: Option<&str>) -> Vec<Hit> {
        let _t = crate::timing::phase("search");
        self.hits(query, FLOOR, exclude).take(limit).collect()
    }

    /// The existing claim that states the same claim as `query`, if any: the best-scoring
    /// one that passes every guard.
    pub fn same_as(&self, query: &Features) -> Option<Hit> {
        self.hits(query, THRESHOLD, None).find(|h| h.same)
    }

    fn hits<'s>(
        &'s self,
        query: &'s Features,
        floor: f64,
        exclude: Option<&'s str>,
    ) -> impl Iterator<Item = Hit> + 's {
        let candidates = self
            .index
            .candidates(query, floor, &self.matcher.vocab.borrow());
        candidates.into_iter().filter_map(move |(slot, _)| {
            let (id, text) = self.slot(slot);
            if exclude == Some(id.as_str()) {
                return None;
            }
            let c = self.matcher.compare(query, &self.index.features(slot));
            Some(Hit {
                id: id.clone(),
                text: text.to_string(),
                score: (c.score * 1000.0).round() / 1000.0,
                same: c.same(),
                differs: c.differs,
            })
        })
    }
}
