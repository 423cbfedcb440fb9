//! A computed [`Support`] as plain arrays and back, so that a snapshot of the graph can keep
//! its support and a warm load need not compute it again. Read-back arrays are checked
//! against the node count: a damaged set is refused, never indexed out of bounds.

use super::arcs::Arcs;
use super::condense::{Closing, Node, Visit};
use super::reach::{Flags, One, Reach};
use super::{Support, TAG_BITS};
use std::cell::OnceCell;

/// The state of a [`Support`] that is not computed on first use, as flat arrays (one entry
/// per node unless said otherwise).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parts {
    /// Where each node's arcs start in `adj`, with one more entry for the end.
    pub start: Vec<u32>,
    /// The arcs' targets.
    pub adj: Vec<u32>,
    /// The node's component number.
    pub visit: Vec<u32>,
    /// The one ground reached (or none, or several).
    pub sole: Vec<u32>,
    /// The one origin of the grounds reached (or none, or several).
    pub reach_origin: Vec<u32>,
    /// The tag bits every ground reached carries.
    pub tags: Vec<u32>,
    /// The node's flags.
    pub flags: Vec<u32>,
    /// The origin of each node (the end of its `part_of` chain).
    pub origin: Vec<u32>,
    /// The tags that have a bit, in bit order.
    pub tag_bits: Vec<String>,
    /// Whether some ground tag had no bit left.
    pub tags_overflow: bool,
    /// How many components there are.
    pub components: u32,
}

impl Parts {
    /// The arrays with one entry per node, in the order they are stored.
    pub fn per_node(&self) -> [&Vec<u32>; 6] {
        [
            &self.visit,
            &self.sole,
            &self.reach_origin,
            &self.tags,
            &self.flags,
            &self.origin,
        ]
    }
}

impl Support {
    /// The arrays [`Support::from_parts`] takes back.
    pub fn to_parts(&self) -> Parts {
        let n = self.nodes.len();
        let mut p = Parts {
            start: self.arcs.start.clone(),
            adj: self.arcs.adj.clone(),
            visit: Vec::with_capacity(n),
            sole: Vec::with_capacity(n),
            reach_origin: Vec::with_capacity(n),
            tags: Vec::with_capacity(n),
            flags: Vec::with_capacity(n),
            origin: self.origin.clone(),
            tag_bits: self.tag_bits.iter().map(|t| t.to_string()).collect(),
            tags_overflow: self.tags_overflow,
            components: self.closing.count as u32,
        };
        for node in &self.nodes {
            p.visit.push(node.visit.raw());
            p.sole.push(node.reach.sole.raw());
            p.reach_origin.push(node.reach.origin.raw());
            p.tags.push(node.reach.tags);
            p.flags.push(node.reach.flags.raw());
        }
        p
    }

    /// The support whose arrays are `p`, for a graph of `nodes` nodes; an error naming the
    /// first array that cannot be one of a support of such a graph.
    pub fn from_parts(p: Parts, nodes: usize) -> Result<Support, &'static str> {
        check(&p, nodes)?;
        let n = nodes as u32;
        let closing = Closing::new(n, p.components as usize);
        let nodes: Vec<Node> = (0..nodes)
            .map(|v| Node {
                visit: Visit::from_raw(p.visit[v]),
                reach: Reach {
                    sole: One::from_raw(p.sole[v]),
                    origin: One::from_raw(p.reach_origin[v]),
                    tags: p.tags[v],
                    flags: Flags::from_raw(p.flags[v]),
                },
            })
            .collect();
        Ok(Support {
            arcs: Arcs {
                start: p.start,
                adj: p.adj,
            },
            nodes,
            origin: p.origin,
            tag_bits: p.tag_bits.into_iter().map(String::into_boxed_str).collect(),
            tags_overflow: p.tags_overflow,
            closing,
            components: OnceCell::new(),
            sets: OnceCell::new(),
            dominators: OnceCell::new(),
            single_relay: OnceCell::new(),
        })
    }
}

/// Whether `p` has the shape of the support of a graph of `n` nodes: every array of the
/// right length, every node index and component number in range.
fn check(p: &Parts, n: usize) -> Result<(), &'static str> {
    if p.per_node().iter().any(|a| a.len() != n) || p.start.len() != n + 1 {
        return Err("the support does not match the nodes");
    }
    let rows_ok = p.start.first() == Some(&0)
        && p.start.windows(2).all(|w| w[0] <= w[1])
        && p.start.last().map(|&e| e as usize) == Some(p.adj.len());
    if !rows_ok || p.adj.iter().any(|&w| w as usize >= n) {
        return Err("a support arc is out of range");
    }
    let comps = p.components as usize;
    let n32 = n as u32;
    if comps > n
        || p.visit
            .iter()
            .any(|&v| v > n32 || (n32 - v) as usize >= comps)
    {
        return Err("a support component is out of range");
    }
    let one_ok = |v: u32| v < n32 || One::from_raw(v).get().is_none();
    if !p.sole.iter().chain(&p.reach_origin).all(|&v| one_ok(v))
        || p.origin.iter().any(|&o| o >= n32)
    {
        return Err("a support node is out of range");
    }
    if p.tag_bits.len() > TAG_BITS {
        return Err("too many support tags");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests::graph;
    use super::*;
    use crate::graph::ClaimGraph;

    /// A relayed ground, a two-claim cycle and a part_of chain.
    fn sample() -> ClaimGraph {
        graph(
            &[
                ("nis", &["intelligence"], None),
                ("desk", &["media"], Some("paper")),
                ("paper", &["media"], None),
                ("relay", &[], None),
            ],
            &["a", "b", "c"],
            &[
                ("nis", "asserts", "a"),
                ("relay", "cites", "nis"),
                ("relay", "asserts", "b"),
                ("desk", "asserts", "c"),
                ("c", "cites", "b"),
                ("b", "cites", "c"),
            ],
        )
    }

    #[test]
    fn a_support_read_back_answers_as_the_one_computed() {
        let g = sample();
        let s = Support::new(&g);
        let back = Support::from_parts(s.to_parts(), g.node_bound()).unwrap();
        assert_eq!(back.to_parts(), s.to_parts());
        for v in g.nodes() {
            assert_eq!(back.grounds(v), s.grounds(v));
            assert_eq!(back.circular(v), s.circular(v));
            assert_eq!(back.single_origin(v), s.single_origin(v));
            assert_eq!(back.origin(v), s.origin(v));
            assert_eq!(
                back.chokepoints(v).collect::<Vec<_>>(),
                s.chokepoints(v).collect::<Vec<_>>()
            );
        }
        assert_eq!(
            back.rests_only_on(&g, "intelligence"),
            s.rests_only_on(&g, "intelligence")
        );
    }

    #[test]
    fn damaged_parts_are_refused() {
        let g = sample();
        let p = Support::new(&g).to_parts();
        let n = g.node_bound();
        let mut bad = p.clone();
        bad.adj[0] = n as u32;
        assert!(Support::from_parts(bad, n).is_err());
        let mut bad = p.clone();
        bad.visit[0] = 0;
        assert!(Support::from_parts(bad, n).is_err());
        let mut bad = p.clone();
        bad.origin.pop();
        assert!(Support::from_parts(bad, n).is_err());
        let mut bad = p.clone();
        bad.start[1] = 1000;
        assert!(Support::from_parts(bad, n).is_err());
        assert!(Support::from_parts(p, n + 1).is_err());
    }
}
