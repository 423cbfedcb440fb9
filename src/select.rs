//! Which part of the graph an export draws: a [`Selection`] of entity and claim nodes.
//!
//! A picture of a whole graph is a hairball past a few hundred nodes, so exports draw a
//! selection: the claims a filter picks together with everything their support rests on
//! (docs/format.md §2) and whoever denies them, or the neighbourhood of one node. Every walk
//! here is iterative (a million-long citation chain must not overflow the stack) and the result is
//! deterministic: the same graph and the same request give the same nodes in the same order.

use crate::graph::{ClaimGraph, NodeIx};
use crate::model::Rel;
use crate::support::Support;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::VecDeque;

/// A set of entity and claim nodes, iterated in id order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Membership by node index.
    member: Vec<bool>,
    /// The members, sorted by id.
    nodes: Vec<NodeIx>,
}

impl Selection {
    /// Every entity and claim of `g`.
    pub fn all(g: &ClaimGraph) -> Selection {
        Selection::from_nodes(g, g.nodes())
    }

    /// No node at all.
    pub fn empty(g: &ClaimGraph) -> Selection {
        Selection::from_nodes(g, std::iter::empty())
    }

    /// The given nodes (duplicates are ignored).
    pub fn from_nodes(g: &ClaimGraph, nodes: impl IntoIterator<Item = NodeIx>) -> Selection {
        let mut member = vec![false; g.node_bound()];
        for ix in nodes {
            member[ix.index()] = true;
        }
        Selection::from_members(g, member)
    }

    fn from_members(g: &ClaimGraph, member: Vec<bool>) -> Selection {
        let nodes = g.sorted_by_id(g.nodes().filter(|ix| member[ix.index()]).collect());
        Selection { member, nodes }
    }

    /// `claims`, everything on their support paths (every node reachable from them in the
    /// support graph S: what they cite, or who asserts them, and so on down to the grounds)
    /// and the entities that deny them.
    pub fn claims_with_support(g: &ClaimGraph, s: &Support, claims: &[NodeIx]) -> Selection {
        let mut member = vec![false; g.node_bound()];
        let mut stack: Vec<NodeIx> = Vec::new();
        for &c in claims {
            for d in g.sources(c, Rel::Denies) {
                member[d.index()] = true;
            }
            if !member[c.index()] {
                member[c.index()] = true;
                stack.push(c);
            }
        }
        while let Some(x) = stack.pop() {
            for y in s.support_of(x) {
                if !member[y.index()] {
                    member[y.index()] = true;
                    stack.push(y);
                }
            }
        }
        Selection::from_members(g, member)
    }

    /// The nodes at most `depth` edges away from `focus`, following `asserts`, `denies` and
    /// `cites` edges in either direction, and `part_of` links too when `part_of` is set.
    pub fn neighbourhood(g: &ClaimGraph, focus: NodeIx, depth: u32, part_of: bool) -> Selection {
        let parts = if part_of { Some(parts_index(g)) } else { None };
        let mut dist: Vec<u32> = vec![u32::MAX; g.node_bound()];
        dist[focus.index()] = 0;
        let mut queue = VecDeque::from([focus]);
        while let Some(x) = queue.pop_front() {
            let d = dist[x.index()];
            if d >= depth {
                continue;
            }
            let mut next: Vec<NodeIx> = g
                .petgraph()
                .edges_directed(x, Direction::Outgoing)
                .map(|e| e.target())
                .chain(
                    g.petgraph()
                        .edges_directed(x, Direction::Incoming)
                        .map(|e| e.source()),
                )
                .collect();
            if let Some(parts) = &parts {
                next.extend(part_of_target(g, x));
                next.extend(parts[x.index()].iter().copied());
            }
            for y in next {
                if dist[y.index()] == u32::MAX {
                    dist[y.index()] = d + 1;
                    queue.push_back(y);
                }
            }
        }
        Selection::from_members(g, dist.iter().map(|&d| d != u32::MAX).collect())
    }

    /// This selection plus, for every entity in it, the whole `part_of` chain above it (so
    /// `part_of` links have both ends drawn).
    pub fn with_part_of_chains(&self, g: &ClaimGraph) -> Selection {
        let mut member = self.member.clone();
        for &ix in &self.nodes {
            let mut at = ix;
            // The loader rejects part_of cycles; the bound guards the walk all the same.
            for _ in 0..g.node_bound() {
                match part_of_target(g, at) {
                    Some(up) if !member[up.index()] => {
                        member[up.index()] = true;
                        at = up;
                    }
                    _ => break,
                }
            }
        }
        Selection::from_members(g, member)
    }

    /// The nodes in both selections.
    pub fn intersect(&self, g: &ClaimGraph, other: &Selection) -> Selection {
        let member = self
            .member
            .iter()
            .zip(&other.member)
            .map(|(&a, &b)| a && b)
            .collect();
        Selection::from_members(g, member)
    }

    /// Whether `ix` is selected.
    pub fn contains(&self, ix: NodeIx) -> bool {
        self.member.get(ix.index()).copied().unwrap_or(false)
    }

    /// The selected nodes, sorted by id.
    pub fn nodes(&self) -> &[NodeIx] {
        &self.nodes
    }

    /// How many nodes are selected.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
}

/// The entity `ix` is `part_of`, if any.
pub fn part_of_target(g: &ClaimGraph, ix: NodeIx) -> Option<NodeIx> {
    let up = g.entity(ix)?.part_of.as_ref()?;
    g.node_by_id(up.as_str())
}

/// For every node index, the entities that are directly `part_of` it.
fn parts_index(g: &ClaimGraph) -> Vec<Vec<NodeIx>> {
    let mut parts = vec![Vec::new(); g.node_bound()];
    for e in g.entities() {
        if let Some(up) = part_of_target(g, e) {
            parts[up.index()].push(e);
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::test_graph as graph;

    fn ids(g: &ClaimGraph, s: &Selection) -> Vec<String> {
        s.nodes().iter().map(|&ix| g.id(ix).to_string()).collect()
    }

    /// paper asserts c1, which cites c2 (wire asserts it); paper relays wire; denier denies
    /// c1; other asserts c3.
    const CHAIN: &str = include_str!("../tests/fixtures/graphs/relay-and-denier.json");

    #[test]
    fn a_claim_brings_its_support_chain_and_its_deniers_but_not_its_relays() {
        let g = graph(CHAIN);
        let s = Support::new(&g);
        let c1 = g.node_by_id("c1").unwrap();
        let sel = Selection::claims_with_support(&g, &s, &[c1]);
        // c1 cites c2, which wire asserts; paper only relays c1 (c1 cites something).
        assert_eq!(ids(&g, &sel), ["c1", "c2", "denier", "wire"]);
    }

    #[test]
    fn part_of_chains_add_the_parents_of_selected_entities() {
        let g = graph(CHAIN);
        let paper = g.node_by_id("paper").unwrap();
        let sel = Selection::from_nodes(&g, [paper]).with_part_of_chains(&g);
        assert_eq!(ids(&g, &sel), ["land", "paper"]);
    }

    #[test]
    fn the_neighbourhood_follows_edges_both_ways_up_to_the_depth() {
        let g = graph(CHAIN);
        let c2 = g.node_by_id("c2").unwrap();
        let one = Selection::neighbourhood(&g, c2, 1, false);
        assert_eq!(ids(&g, &one), ["c1", "c2", "wire"]);
        let two = Selection::neighbourhood(&g, c2, 2, false);
        assert_eq!(ids(&g, &two), ["c1", "c2", "denier", "paper", "wire"]);
        let zero = Selection::neighbourhood(&g, c2, 0, false);
        assert_eq!(ids(&g, &zero), ["c2"]);
    }

    #[test]
    fn the_neighbourhood_follows_part_of_only_when_asked() {
        let g = graph(CHAIN);
        let land = g.node_by_id("land").unwrap();
        assert_eq!(
            ids(&g, &Selection::neighbourhood(&g, land, 1, false)),
            ["land"]
        );
        assert_eq!(
            ids(&g, &Selection::neighbourhood(&g, land, 1, true)),
            ["land", "paper"]
        );
    }

    #[test]
    fn intersect_keeps_the_common_nodes() {
        let g = graph(CHAIN);
        let c2 = g.node_by_id("c2").unwrap();
        let near = Selection::neighbourhood(&g, c2, 1, false);
        let c3 = g.node_by_id("c3").unwrap();
        let other = Selection::from_nodes(&g, [c2, c3]);
        assert_eq!(ids(&g, &near.intersect(&g, &other)), ["c2"]);
    }

    /// A long citation chain is walked without recursion (a recursive walk overflows).
    #[test]
    fn a_long_citation_chain_does_not_overflow_the_stack() {
        let n = 200_000;
        let mut claims = Vec::with_capacity(n);
        let mut edges = Vec::with_capacity(n);
        for i in 0..n {
            claims.push(format!(r#"{{"id": "c{i}", "text": "t"}}"#));
            if i + 1 < n {
                edges.push(format!(
                    r#"{{"from": "c{i}", "rel": "cites", "to": "c{}"}}"#,
                    i + 1
                ));
            }
        }
        edges.push(format!(
            r#"{{"from": "src", "rel": "asserts", "to": "c{}"}}"#,
            n - 1
        ));
        let json = format!(
            r#"{{"entities": [{{"id": "src", "name": "S", "kind": "person"}}], "claims": [{}], "edges": [{}]}}"#,
            claims.join(","),
            edges.join(",")
        );
        let g = graph(&json);
        let s = Support::new(&g);
        let first = g.node_by_id("c0").unwrap();
        assert_eq!(
            Selection::claims_with_support(&g, &s, &[first]).len(),
            n + 1
        );
        assert_eq!(
            Selection::neighbourhood(&g, first, u32::MAX, false).len(),
            n + 1
        );
    }
}
