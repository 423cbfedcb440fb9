//! The first phase of support: the arcs of S (docs/format.md §2.1) as compressed rows, and
//! what each node is on its own (a ground, asserted, denied, resting on its asserters,
//! discredited).
//!
//! A discredited entity (docs/format.md §2.5) is cut out after S is decided: whether a claim
//! rests on its asserters, and whether an entity is a ground, is read from every edge; then
//! the arcs into and out of the discredited entities are left out, and their assertions and
//! denials no longer count.
//!
//! Built by two sequential passes over the edge array (count, then place) rather than by
//! walking each node's edge lists, whose links jump around memory.

use super::reach::Flags;
use crate::graph::{ClaimGraph, NodeIx};
use crate::model::Rel;
use petgraph::visit::EdgeRef;

/// S as compressed rows: the arcs of node `v` are `adj[start[v]..start[v + 1]]`.
pub(super) struct Arcs {
    pub(super) start: Vec<u32>,
    pub(super) adj: Vec<u32>,
}

impl Arcs {
    /// The nodes `v` has an arc to.
    pub fn of(&self, v: usize) -> &[u32] {
        &self.adj[self.start[v] as usize..self.start[v + 1] as usize]
    }

    /// Whether `v` has no arc.
    pub fn none_at(&self, v: usize) -> bool {
        self.start[v] == self.start[v + 1]
    }

    /// One more than the largest node index.
    pub fn node_bound(&self) -> usize {
        self.start.len() - 1
    }
}

/// What the counting pass finds at one node.
#[derive(Clone, Copy, Default)]
struct Count {
    /// Everything it cites: decides whether it rests on its asserters, and whether it is a
    /// ground.
    cites: u32,
    /// What it cites that is not discredited: its arcs, unless it rests on its asserters.
    kept_cites: u32,
    /// Its asserters that are not discredited: its arcs when it rests on them.
    asserters: u32,
}

/// The arcs of S for `g` without the nodes marked in `removed` (empty: none), and each
/// node's own flags.
pub(super) fn build(g: &ClaimGraph, removed: &[bool]) -> (Arcs, Vec<Flags>) {
    let n = g.node_bound();
    let gone = |v: usize| !removed.is_empty() && removed[v];
    let mut counts = vec![Count::default(); n];
    let mut own = vec![Flags::default(); n];
    for e in g.relations() {
        let (from, to) = (e.source().index(), e.target().index());
        match e.weight().rel {
            Rel::Cites => {
                let c = &mut counts[from];
                c.cites += 1;
                c.kept_cites += u32::from(!gone(from) && !gone(to));
            }
            Rel::Asserts if !gone(from) => {
                counts[to].asserters += 1;
                own[to] |= Flags::ASSERTED;
            }
            Rel::Denies if !gone(from) => own[to] |= Flags::DENIED,
            Rel::Asserts | Rel::Denies => {}
        }
    }
    let mut start = Vec::with_capacity(n + 1);
    let mut next = 0u32;
    for v in 0..n {
        start.push(next);
        let c = counts[v];
        let ix = NodeIx::new(v);
        let claim = g.is_claim(ix);
        if claim {
            own[v] |= Flags::CLAIM;
        }
        if claim && c.cites == 0 {
            own[v] |= Flags::BY_ASSERTERS;
        }
        if gone(v) {
            own[v] |= Flags::REMOVED;
            continue;
        }
        if !claim && c.cites == 0 && g.petgraph().node_weight(ix).is_some() {
            own[v] |= Flags::GROUND;
        }
        next += if own[v].has(Flags::BY_ASSERTERS) {
            c.asserters
        } else {
            c.kept_cites
        };
    }
    start.push(next);
    drop(counts);
    let mut fill = start.clone();
    let mut adj = vec![0u32; next as usize];
    for e in g.relations() {
        let (from, to) = (e.source().index(), e.target().index());
        let (slot, arc) = match e.weight().rel {
            Rel::Cites => (from, to),
            Rel::Asserts if own[to].has(Flags::BY_ASSERTERS) => (to, from),
            _ => continue,
        };
        if gone(from) || gone(to) {
            continue;
        }
        adj[fill[slot] as usize] = arc as u32;
        fill[slot] += 1;
    }
    (Arcs { start, adj }, own)
}
