//! What if: the graph as it stood on a day (docs/format.md §2.4, `--as-of`), and where a
//! claim would stand were one of its sources wrong (§2.5, `--discredit`; the whole graph with
//! some entities discredited is [`Support::discrediting`]).
//!
//! As of a day, only edges come and go: [`as_of`] drops from the graph every edge that does
//! not count yet, so that every view — support, the lists of asserters, `show`, the
//! exports — reads the same graph. A relation (`from`, `rel`, `to`) stated in several
//! documents exists as long as one of its appearances counts.

use crate::graph::{ClaimGraph, EdgeData, NodeIx};
use crate::model::{Date, Rel};
use crate::support::Support;
use petgraph::visit::{EdgeIndexable, EdgeRef, IntoEdgeReferences};
use rustc_hash::FxHashSet;
use serde::Serialize;

/// Whether an edge counts on `day` (a first day, see [`Date::first_day`]): its `date`, else
/// the `published` date of the document it is `in`, is at most `day`; with neither, it
/// always counts.
pub fn counts_on(g: &ClaimGraph, e: &EdgeData, day: Date) -> bool {
    let date = e
        .extra
        .as_ref()
        .and_then(|x| x.date)
        .or_else(|| e.in_doc.and_then(|d| g.document(d).doc.published));
    date.is_none_or(|d| d.first_day() <= day)
}

/// Drops from `g` every edge that does not count as of `day`. Returns how many it dropped.
/// Node indices are kept; where the edge that stood for a relation in support is dropped but
/// another appearance of it counts, that one stands for it. O(V + E).
pub fn as_of(g: &mut ClaimGraph, day: Date) -> usize {
    let day = day.first_day();
    let pg = g.petgraph();
    let mut keep = vec![false; pg.edge_bound()];
    let mut lost: FxHashSet<(NodeIx, Rel, NodeIx)> = FxHashSet::default();
    let mut dropped = 0;
    for e in pg.edge_references() {
        let w = e.weight();
        if counts_on(g, w, day) {
            keep[e.id().index()] = true;
        } else {
            dropped += 1;
            if !w.repeat {
                lost.insert((e.source(), w.rel, e.target()));
            }
        }
    }
    if dropped == 0 {
        return 0;
    }
    // A kept repeat of a relation whose first edge was dropped stands for it now.
    let mut stands = vec![false; pg.edge_bound()];
    for e in pg.edge_references() {
        let w = e.weight();
        if w.repeat && keep[e.id().index()] && lost.remove(&(e.source(), w.rel, e.target())) {
            stands[e.id().index()] = true;
        }
    }
    let old = std::mem::take(&mut g.g);
    g.g = old.filter_map_owned(
        |_, n| Some(n),
        |e, mut w| {
            w.repeat &= !stands[e.index()];
            keep[e.index()].then_some(w)
        },
    );
    dropped
}

/// Where a claim stands on its grounds (docs/format.md §2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// No ground at all.
    Ungrounded,
    /// Grounds, all of one origin.
    SingleOrigin,
    /// Grounds of at least two origins.
    Independent,
}

impl Standing {
    /// Where `c` stands in `s`.
    pub fn of(s: &Support, c: NodeIx) -> Standing {
        if s.independent(c) {
            Standing::Independent
        } else if s.single_origin(c) {
            Standing::SingleOrigin
        } else {
            Standing::Ungrounded
        }
    }

    /// The words for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Ungrounded => "ungrounded",
            Standing::SingleOrigin => "single-origin",
            Standing::Independent => "independent",
        }
    }
}

/// The grounds `c` would have, and where it would stand, were `x` discredited as well as
/// whatever `s` already sets aside: a search of S from `c` that does not enter `x`.
/// Costs the part of S that `c` reaches, not the whole graph.
pub fn if_discredited(s: &Support, c: NodeIx, x: NodeIx) -> (Standing, Vec<NodeIx>) {
    let mut seen: FxHashSet<NodeIx> = FxHashSet::from_iter([c, x]);
    let mut stack = vec![c];
    let mut grounds = Vec::new();
    while let Some(v) = stack.pop() {
        if s.is_ground(v) {
            grounds.push(v);
        }
        for w in s.support_of(v) {
            if seen.insert(w) {
                stack.push(w);
            }
        }
    }
    let origins: FxHashSet<NodeIx> = grounds.iter().map(|&gr| s.origin(gr)).collect();
    let standing = match origins.len() {
        0 => Standing::Ungrounded,
        1 => Standing::SingleOrigin,
        _ => Standing::Independent,
    };
    grounds.sort_unstable();
    (standing, grounds)
}
