//! `why`: the support tree of a claim down to its grounds, as a flat pre-order list of rows
//! that text and JSON renderers share.
//!
//! The walk is iterative (a 1,000,000-long relay chain cannot overflow it) and linear: a node
//! is expanded once; later meetings are marked "shown above", and a node met again on its own
//! path is marked as a cycle. `max_depth` bounds the tree and the result says what it cut.
//! Rows that are chokepoints of the root (docs/format.md §2.3) say so; with sources
//! discredited (§2.5), the arcs to them are still drawn, to a row marked discredited.

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
    /// A discredited entity: what rested on it through this link rests on nothing.
    Discredited,
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
    /// Whether the node is one of the root's chokepoints: on every path of its support to
    /// a ground.
    pub chokepoint: bool,
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
    let mut chokepoint = vec![false; bound];
    for x in s.chokepoints(root) {
        chokepoint[x.index()] = true;
    }
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
        } else if s.is_discredited(node) {
            Mark::Discredited
        } else if expanded[node.index()] {
            Mark::ShownAbove
        } else if s.is_ground(node) {
            Mark::Ground
        } else {
            Mark::Expanded
        };
        let children = match mark {
            Mark::Expanded => sorted_support(g, node),
            _ => Vec::new(),
        };
        let mark = if mark != Mark::Expanded {
            mark
        } else if children.is_empty() {
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
            chokepoint: chokepoint[node.index()],
        });
        if mark != Mark::Expanded {
            continue;
        }
        expanded[node.index()] = true;
        on_path[node.index()] = true;
        stack.push(Step::Leave(node));
        let child_via = via_from(g, node);
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

/// The successors of `x` in S before any source is discredited (docs/format.md §2.1),
/// sorted by id: what it cites, or, for a claim that cites nothing, who asserts it.
fn sorted_support(g: &ClaimGraph, x: NodeIx) -> Vec<NodeIx> {
    let mut v: Vec<NodeIx> = g.targets(x, Rel::Cites).collect();
    if v.is_empty() && g.is_claim(x) {
        v.extend(g.sources(x, Rel::Asserts));
    }
    v.sort_unstable_by(|&a, &b| g.id(a).cmp(g.id(b)));
    v.dedup();
    v
}
