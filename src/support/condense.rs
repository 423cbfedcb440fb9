//! The second phase of support: S condensed into its strongly connected components, each
//! folded as it closes (docs/format.md §2.6).
//!
//! Sweeps close the nodes whose arcs all end at closed nodes, then an iterative Tarjan
//! (Pearce's variant) closes the rest (petgraph's `tarjan_scc` recurses and overflows on long
//! chains; `kosaraju_scc` allocates a vector per component). Components close in reverse
//! topological order, so as each closes everything it reaches outside itself is final, and
//! its [`Reach`] is the join of those. No recursion: long chains cannot overflow the stack.

use super::arcs::Arcs;
use super::reach::{Flags, Reach};

/// A node's standing in the component search: not yet visited; open, with its visit index
/// (counting up from 1); or closed, with its component's number (counting down from one
/// above the node count, in the order components close). Every closed number is above every
/// open index, so "visited earlier and still open" is one comparison and a closed node
/// never lowers an open one's index (Pearce, "A space-efficient algorithm for finding
/// strongly connected components", 2016).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(super) struct Visit(u32);

impl Visit {
    pub const UNVISITED: Visit = Visit(0);

    /// The number as stored.
    pub fn raw(self) -> u32 {
        self.0
    }

    /// The visit stored as `v`.
    pub fn from_raw(v: u32) -> Visit {
        Visit(v)
    }
}

/// Per node, side by side so that visiting a node touches one place: its standing in the
/// search (its component once closed), and what its component reaches.
#[derive(Clone, Copy)]
pub(super) struct Node {
    pub visit: Visit,
    pub reach: Reach,
}

/// The components' numbering once every node is closed.
#[derive(Clone, Copy)]
pub(super) struct Closing {
    /// The number of the first component to close; later ones count down from it.
    first: u32,
    /// How many components there are.
    pub count: usize,
}

impl Closing {
    /// The numbering of `count` components of a graph of `nodes` nodes.
    pub fn new(nodes: u32, count: usize) -> Closing {
        Closing {
            first: nodes,
            count,
        }
    }

    /// The position, in closing order (0 for the first), of the component numbered `v`.
    pub fn order(self, v: Visit) -> usize {
        (self.first - v.0) as usize
    }
}

/// Closes every node of S into components and folds each as it closes: `nodes` hold the
/// nodes' own flags (and the grounds their [`Reach`]) and get what each reaches.
pub(super) fn search_and_fold(nodes: &mut [Node], arcs: &Arcs) -> Closing {
    let first = nodes.len() as u32;
    let (left, next_comp) = close_by_sweeps(nodes, arcs, first + 1);
    let next_comp = search(nodes, arcs, left, next_comp);
    Closing {
        first,
        count: (first - next_comp + 1) as usize,
    }
}

/// Pearce's iterative Tarjan over the nodes `left` open by the sweeps; nodes the sweeps
/// closed are closed components to it, as they would be had it found them. Returns the
/// next component number.
fn search(nodes: &mut [Node], arcs: &Arcs, left: Vec<u32>, mut next_comp: u32) -> u32 {
    let mut index = 1u32;
    // Open nodes that are not the root of their component, and the search path: (node,
    // next arc, whether it is still a root candidate).
    let mut open: Vec<u32> = Vec::new();
    let mut path: Vec<(u32, usize, bool)> = Vec::new();
    let mut members: Vec<u32> = Vec::new();
    for root in left {
        if nodes[root as usize].visit != Visit::UNVISITED {
            continue;
        }
        nodes[root as usize].visit = Visit(index);
        index += 1;
        path.push((root, 0, true));
        while let Some(&mut (v, ref mut pos, ref mut is_root)) = path.last_mut() {
            let v = v as usize;
            if let Some(&w) = arcs.of(v).get(*pos) {
                *pos += 1;
                let w = w as usize;
                if nodes[w].visit == Visit::UNVISITED {
                    nodes[w].visit = Visit(index);
                    index += 1;
                    path.push((w as u32, 0, true));
                } else if nodes[w].visit < nodes[v].visit {
                    nodes[v].visit = nodes[w].visit;
                    *is_root = false;
                }
                continue;
            }
            let v_is_root = *is_root;
            path.pop();
            if v_is_root {
                members.clear();
                members.push(v as u32);
                let own = nodes[v].visit;
                while let Some(&w) = open.last() {
                    if nodes[w as usize].visit < own {
                        break;
                    }
                    open.pop();
                    members.push(w);
                }
                index -= members.len() as u32;
                next_comp -= 1;
                close(nodes, arcs, &members, Visit(next_comp));
            } else {
                open.push(v as u32);
            }
            if let Some(&mut (u, _, ref mut u_is_root)) = path.last_mut() {
                let u = u as usize;
                if nodes[v].visit < nodes[u].visit {
                    nodes[u].visit = nodes[v].visit;
                    *u_is_root = false;
                }
            }
        }
    }
    next_comp
}

/// Closes every node whose arcs all end at nodes closed before it (grounds first of all):
/// such a node is a component of its own, its `Reach` the join of theirs. Sweeps in index
/// order, then over what is left, while a sweep closes a good share of what it looks at.
/// Unlike the search, a sweep's memory reads do not depend on one another, so the processor
/// overlaps their cache misses; in most graphs the sweeps close nearly every node and leave
/// the search the cycles and what reaches them. Returns the nodes left open and the next
/// component number.
fn close_by_sweeps(nodes: &mut [Node], arcs: &Arcs, mut next_comp: u32) -> (Vec<u32>, u32) {
    let mut left: Vec<u32> = Vec::new();
    for v in 0..nodes.len() as u32 {
        if !close_if_ends_closed(nodes, arcs, v, &mut next_comp) {
            left.push(v);
        }
    }
    for _ in 0..MAX_SWEEPS {
        let before = left.len();
        left.retain(|&v| !close_if_ends_closed(nodes, arcs, v, &mut next_comp));
        if (before - left.len()) * 8 < before {
            break;
        }
    }
    (left, next_comp)
}

/// Further sweeps over the nodes the first one left open, at most.
const MAX_SWEEPS: usize = 3;

/// Closes `v` as the next component if every arc of it ends at a closed node.
fn close_if_ends_closed(nodes: &mut [Node], arcs: &Arcs, v: u32, next_comp: &mut u32) -> bool {
    let v = v as usize;
    let mut acc = Reach::NOTHING;
    for &w in arcs.of(v) {
        let to = &nodes[w as usize];
        if to.visit == Visit::UNVISITED {
            return false;
        }
        acc = acc.join(to.reach);
    }
    *next_comp -= 1;
    nodes[v].visit = Visit(*next_comp);
    if !arcs.none_at(v) {
        nodes[v].reach = acc.with_own(nodes[v].reach.flags);
    }
    true
}

/// Numbers the component `members` as `c` and gives each member the component's `Reach`:
/// the join over every arc that leaves it (those ends are in components already closed).
fn close(nodes: &mut [Node], arcs: &Arcs, members: &[u32], c: Visit) {
    for &m in members {
        nodes[m as usize].visit = c;
    }
    let v = members[0] as usize;
    if members.len() == 1 && arcs.none_at(v) {
        // A ground, or a node resting on nothing: its own flags say all.
        return;
    }
    let cyclic = members.len() > 1 || arcs.of(v).contains(&(v as u32));
    let mut acc = Reach::NOTHING;
    if cyclic {
        acc.flags = Flags::CIRCULAR | Flags::CYCLIC;
    }
    for &m in members {
        for &w in arcs.of(m as usize) {
            if nodes[w as usize].visit != c {
                acc = acc.join(nodes[w as usize].reach);
            }
        }
    }
    for &m in members {
        let r = &mut nodes[m as usize].reach;
        *r = acc.with_own(r.flags);
    }
}

/// The members of each component, grouped, components in the order they closed.
pub(super) struct Components {
    start: Vec<u32>,
    members: Vec<u32>,
}

impl Components {
    /// Groups the closed `nodes` by component, by a counting sort on the closing order.
    pub fn new(nodes: &[Node], closing: Closing) -> Components {
        let n = nodes.len();
        let mut start = vec![0u32; closing.count + 1];
        for node in nodes {
            start[closing.order(node.visit) + 1] += 1;
        }
        for c in 0..closing.count {
            start[c + 1] += start[c];
        }
        let mut fill = start.clone();
        let mut members = vec![0u32; n];
        for (v, node) in nodes.iter().enumerate() {
            let c = closing.order(node.visit);
            members[fill[c] as usize] = v as u32;
            fill[c] += 1;
        }
        Components { start, members }
    }

    /// The members of the `c`th component to close.
    pub fn members_of(&self, c: usize) -> &[u32] {
        &self.members[self.start[c] as usize..self.start[c + 1] as usize]
    }
}
