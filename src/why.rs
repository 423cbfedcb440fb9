//! `why`: the support tree of a claim down to its grounds, as a flat pre-order list of rows
//! that text and JSON renderers share.
//!
//! The walk is iterative (a 1,000,000-long relay chain cannot overflow it) and linear: a node
//! is expanded once; later meetings are marked "shown above", and a node met again on its own
//! path is marked as a cycle. `max_depth` bounds the tree and the result says what it cut.

use crate::graph::{ClaimGraph, NodeIx};
use crate::model::Rel;
use crate::support::Support;
use serde::Serialize;

/// How a row's node supports its parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Via {
    /// The tree's root.
    Root,
    /// The parent claim cites this node.
    Cites,
    /// The parent claim cites nothing; this entity asserts it.
    AssertedBy,
    /// The parent entity relays (cites) this node.
    Relays,
}

/// What the tree says about a row's node beyond its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mark {
    /// Expanded here: its supports follow as children.
    Expanded,
    /// An entity that cites nothing: the support ends here.
    Ground,
    /// A claim nobody asserts that cites nothing: the support ends with no ground.
    DeadEnd,
    /// Already on the path from the root: circular support.
    Cycle,
    /// Expanded earlier in the tree.
    ShownAbove,
    /// Not expanded: the depth bound was reached.
    Cut,
}

/// One line of the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub depth: usize,
    pub node: NodeIx,
    /// The row's parent in the tree (`None` for the root).
    pub parent: Option<NodeIx>,
    pub via: Via,
    pub mark: Mark,
}

impl Row {
    /// The relation that joins the row to its parent, as `(from, rel, to)`: the parent
    /// cites the node (`Cites`, `Relays`), or the node asserts the parent (`AssertedBy`).
    pub fn relation(&self) -> Option<(NodeIx, Rel, NodeIx)> {
        let parent = self.parent?;
        Some(match self.via {
            Via::AssertedBy => (self.node, Rel::Asserts, parent),
            _ => (parent, Rel::Cites, self.node),
        })
    }
}

/// The support tree of one claim.
#[derive(Debug, Clone)]
pub struct Tree {
    pub rows: Vec<Row>,
    /// Nodes left unexpanded at the depth bound.
    pub cut: usize,
}

/// A step of the walk: visit a node (with its parent), or leave it (it is then off the
/// path again).
enum Step {
    Visit(NodeIx, Option<NodeIx>, usize, Via),
    Leave(NodeIx),
}

/// The support tree of `root`, at most `max_depth` levels below it.
pub fn tree(g: &ClaimGraph, s: &Support, root: NodeIx, max_depth: usize) -> Tree {
    let bound = g.node_bound();
    let mut on_path = vec![false; bound];
    let mut expanded = vec![false; bound];
    let mut rows = Vec::new();
    let mut cut = 0;
    let mut stack = vec![Step::Visit(root, None, 0, Via::Root)];
    while let Some(step) = stack.pop() {
        let (node, parent, depth, via) = match step {
            Step::Leave(node) => {
                on_path[node.index()] = false;
                continue;
            }
            Step::Visit(node, parent, depth, via) => (node, parent, depth, via),
        };
        let mark = if on_path[node.index()] {
            Mark::Cycle
        } else if expanded[node.index()] {
            Mark::ShownAbove
        } else if s.is_ground(node) {
            Mark::Ground
        } else if s.support_of(node).next().is_none() {
            Mark::DeadEnd
        } else if depth >= max_depth {
            cut += 1;
            Mark::Cut
        } else {
            Mark::Expanded
        };
        rows.push(Row {
            depth,
            node,
            parent,
            via,
            mark,
        });
        if mark != Mark::Expanded {
            continue;
        }
        expanded[node.index()] = true;
        on_path[node.index()] = true;
        stack.push(Step::Leave(node));
        let child_via = via_from(g, node);
        let children = sorted_support(g, s, node);
        stack.extend(
            children
                .into_iter()
                .rev()
                .map(|c| Step::Visit(c, Some(node), depth + 1, child_via)),
        );
    }
    Tree { rows, cut }
}

/// How the children of `parent` support it.
fn via_from(g: &ClaimGraph, parent: NodeIx) -> Via {
    if !g.is_claim(parent) {
        Via::Relays
    } else if g.targets(parent, Rel::Cites).next().is_some() {
        Via::Cites
    } else {
        Via::AssertedBy
    }
}

/// The S-successors of `x`, sorted by id.
fn sorted_support(g: &ClaimGraph, s: &Support, x: NodeIx) -> Vec<NodeIx> {
    let mut v: Vec<NodeIx> = s.support_of(x).collect();
    v.sort_unstable_by(|&a, &b| g.id(a).cmp(g.id(b)));
    v.dedup();
    v
}
