//! The support semantics of docs/format.md §2: the support graph S, its strongly connected
//! components, and every whole-graph predicate (grounds, `rests_only_on`, `ungrounded`,
//! `circular`, `single_origin`, `independent`, `contested`, origins, chokepoints, and the
//! `grounded`/`sole` counts per ground), of the whole graph or with some entities
//! discredited (§2.5). `interested_denial`, which reads the claim's own edges, is
//! [`crate::query::interested_denial`].
//!
//! The work is done in phases, each in its own file: `arcs` lays S out as compressed rows
//! (without the discredited entities), the grounds are marked with what they contribute,
//! `condense` closes S into components sinks first and folds each as it closes into a
//! `reach::Reach`, so that every tag-independent predicate, and `rests_only_on` for every
//! tag a ground carries, is then a lookup per node. O(V + E), with no search per claim and
//! no recursion. What fewer commands need is computed on first use: the members of each
//! component, the grounds sets, and the `dominators` tree that gives the chokepoints.
//!
//! Explicit grounds sets are built lazily and shared between components whose sets are
//! equal, so their cost is the size of the answer: the sum of |grounds(c)| over the
//! components asked about, linear while claims have a bounded number of grounds, quadratic
//! at worst (a chain of claims each citing the one before and a ground of its own). The
//! `grounded` counts of [`Support::ground_counts`] read every claim's set: no linear way to
//! count, for every ground, the claims that reach it is known.

mod arcs;
mod condense;
mod dominators;
mod parts;
mod reach;

use crate::graph::{ClaimGraph, NodeIx};
use arcs::Arcs;
use condense::{Closing, Components, Node, Visit};
use dominators::Dominators;
pub use parts::Parts;
use reach::{Flags, One, Reach};
use std::cell::OnceCell;
use std::rc::Rc;

/// Tags carried by grounds get one bit each in [`Reach::tags`], up to this many; a query on
/// a tag past them takes a separate pass.
const TAG_BITS: usize = 32;

/// The support graph of a [`ClaimGraph`] and everything docs/format.md §2 derives from it.
pub struct Support {
    arcs: Arcs,
    nodes: Vec<Node>,
    /// Origin (end of the `part_of` chain) of each entity node; claims map to themselves.
    origin: Vec<u32>,
    /// The tags with a bit in [`Reach::tags`], in bit order, and whether some ground tag
    /// had none left.
    tag_bits: Vec<Box<str>>,
    tags_overflow: bool,
    closing: Closing,
    components: OnceCell<Components>,
    sets: OnceCell<Vec<Rc<[u32]>>>,
    dominators: OnceCell<Dominators>,
    single_relay: OnceCell<Vec<bool>>,
}

impl Support {
    /// Builds S for `g` and computes every predicate: one pass for the arcs, one search for
    /// the components, each component folded as it closes.
    pub fn new(g: &ClaimGraph) -> Support {
        Support::build(g, &[], TAG_BITS)
    }

    /// S for `g` with the entities `discredited` taken out (docs/format.md §2.5): S is
    /// decided on every edge, then they and every arc into or out of them are removed, and
    /// their assertions and denials no longer count. Every predicate is of what is left.
    pub fn discrediting(g: &ClaimGraph, discredited: &[NodeIx]) -> Support {
        if discredited.is_empty() {
            return Support::new(g);
        }
        let mut removed = vec![false; g.node_bound()];
        for &x in discredited {
            removed[x.index()] = true;
        }
        Support::build(g, &removed, TAG_BITS)
    }

    fn build(g: &ClaimGraph, removed: &[bool], max_tags: usize) -> Support {
        let (arcs, own) = arcs::build(g, removed);
        let n = arcs.node_bound();
        let origin = origins(g, n);
        let mut nodes: Vec<Node> = own
            .into_iter()
            .map(|flags| Node {
                visit: Visit::UNVISITED,
                reach: Reach {
                    flags,
                    ..Reach::NOTHING
                },
            })
            .collect();
        let (tag_bits, tags_overflow) = mark_grounds(g, &mut nodes, &origin, max_tags);
        let closing = condense::search_and_fold(&mut nodes, &arcs);
        Support {
            arcs,
            nodes,
            origin,
            tag_bits,
            tags_overflow,
            closing,
            components: OnceCell::new(),
            sets: OnceCell::new(),
            dominators: OnceCell::new(),
            single_relay: OnceCell::new(),
        }
    }

    #[cfg(test)]
    fn with_tag_bits(g: &ClaimGraph, max_tags: usize) -> Support {
        Support::build(g, &[], max_tags)
    }

    fn reach(&self, ix: NodeIx) -> &Reach {
        &self.nodes[ix.index()].reach
    }

    /// Position of the component of node `v` in closing order (0 for the first).
    fn comp_order(&self, v: usize) -> usize {
        self.closing.order(self.nodes[v].visit)
    }

    fn components(&self) -> &Components {
        self.components
            .get_or_init(|| Components::new(&self.nodes, self.closing))
    }

    fn dominators(&self) -> &Dominators {
        self.dominators.get_or_init(|| {
            Dominators::new(&self.arcs, &self.nodes, self.components(), self.closing)
        })
    }

    /// One pass over the condensation in closing order: each component's value is `own` of
    /// its members joined with the values of every component it reaches.
    fn fold<T: Copy + Default>(
        &self,
        own: impl Fn(usize) -> T,
        join: impl Fn(T, T) -> T,
    ) -> Vec<T> {
        let comps = self.components();
        let mut val: Vec<T> = Vec::with_capacity(self.closing.count);
        for c in 0..self.closing.count {
            let mut acc = T::default();
            for &v in comps.members_of(c) {
                acc = join(acc, own(v as usize));
                for &w in self.arcs.of(v as usize) {
                    let d = self.comp_order(w as usize);
                    if d != c {
                        acc = join(acc, val[d]);
                    }
                }
            }
            val.push(acc);
        }
        val
    }

    /// The successors of `x` in S: what it rests on directly.
    pub fn support_of(&self, ix: NodeIx) -> impl Iterator<Item = NodeIx> + '_ {
        self.arcs
            .of(ix.index())
            .iter()
            .map(|&w| NodeIx::new(w as usize))
    }

    /// Whether `ix` is a ground: an entity that cites nothing (and is not discredited).
    pub fn is_ground(&self, ix: NodeIx) -> bool {
        self.reach(ix).has(Flags::GROUND)
    }

    /// Whether `ix` is discredited: taken out of S with its arcs.
    pub fn is_discredited(&self, ix: NodeIx) -> bool {
        self.reach(ix).has(Flags::REMOVED)
    }

    /// `ungrounded(x)`: no ground is reachable from `x` in S.
    pub fn ungrounded(&self, ix: NodeIx) -> bool {
        !self.reach(ix).has(Flags::GROUNDED)
    }

    /// `circular(x)`: some node reachable from `x` (itself included) lies on a cycle of S.
    pub fn circular(&self, ix: NodeIx) -> bool {
        self.reach(ix).has(Flags::CIRCULAR)
    }

    /// Whether `x` itself lies on a cycle of S.
    pub fn on_cycle(&self, ix: NodeIx) -> bool {
        self.reach(ix).has(Flags::CYCLIC)
    }

    /// Whether the arc `a -> b` of S lies inside a cycle.
    pub fn arc_on_cycle(&self, a: NodeIx, b: NodeIx) -> bool {
        self.nodes[a.index()].visit == self.nodes[b.index()].visit && self.on_cycle(a)
    }

    /// `contested(c)`: at least one entity asserts `c` and at least one denies it (neither
    /// discredited).
    pub fn contested(&self, ix: NodeIx) -> bool {
        self.reach(ix).has(Flags::ASSERTED | Flags::DENIED)
    }

    /// Whether some entity (not discredited) denies `c`.
    pub fn denied(&self, ix: NodeIx) -> bool {
        self.reach(ix).has(Flags::DENIED)
    }

    /// The only ground of `x`, when its grounds are exactly one entity.
    pub fn sole_ground(&self, ix: NodeIx) -> Option<NodeIx> {
        self.reach(ix).sole.get().map(|g| NodeIx::new(g as usize))
    }

    /// `single_origin(x)`: grounds non-empty, all sharing one origin.
    pub fn single_origin(&self, ix: NodeIx) -> bool {
        self.reach(ix).origin.get().is_some()
    }

    /// `independent(x)`: the grounds of `x` have at least two distinct origins.
    pub fn independent(&self, ix: NodeIx) -> bool {
        self.reach(ix).origin == One::SEVERAL
    }

    /// `origin(e)`: the last entity on the `part_of` chain from `e`.
    pub fn origin(&self, ix: NodeIx) -> NodeIx {
        NodeIx::new(self.origin[ix.index()] as usize)
    }

    /// `rests_only_on(x, tag)` for every node, indexed by node index.
    pub fn rests_only_on(&self, g: &ClaimGraph, tag: &str) -> Vec<bool> {
        // With no bit and no overflow, no ground carries the tag: nothing rests only on it.
        self.rests_only_on_by_bits(tag)
            .unwrap_or_else(|| self.rests_only_on_by_fold(g, tag))
    }

    /// [`Support::rests_only_on`] when the support alone can tell (the tag has a bit, or no
    /// ground tag was left without one); `None` when the graph's tags must be read.
    pub fn rests_only_on_by_bits(&self, tag: &str) -> Option<Vec<bool>> {
        match self.tag_bits.iter().position(|t| &**t == tag) {
            Some(bit) => Some(
                self.nodes
                    .iter()
                    .map(|v| v.reach.has(Flags::GROUNDED) && v.reach.tags & (1 << bit) != 0)
                    .collect(),
            ),
            None if !self.tags_overflow => Some(vec![false; self.nodes.len()]),
            None => None,
        }
    }

    /// `rests_only_on` for a tag without a bit: a fold over the condensation.
    fn rests_only_on_by_fold(&self, g: &ClaimGraph, tag: &str) -> Vec<bool> {
        let all_tagged = self.fold(
            |v| AllTrue(!self.reach(NodeIx::new(v)).has(Flags::GROUND) || has_tag(g, v, tag)),
            |a, b| a & b,
        );
        (0..self.nodes.len())
            .map(|v| self.nodes[v].reach.has(Flags::GROUNDED) && all_tagged[self.comp_order(v)].0)
            .collect()
    }

    /// The grounds of `x`, sorted by node index.
    pub fn grounds(&self, ix: NodeIx) -> &[u32] {
        &self.ground_sets()[self.comp_order(ix.index())]
    }

    /// `(grounded, sole)` counts of every node: how many claims have it among their grounds,
    /// and how many have it as their only ground. Costs the sum of |grounds(c)| over claims
    /// (see the module documentation), not O(V + E).
    pub fn ground_counts(&self, g: &ClaimGraph) -> Vec<(u32, u32)> {
        let mut counts = vec![(0u32, 0u32); self.nodes.len()];
        for c in g.claims() {
            for &gr in self.grounds(c) {
                counts[gr as usize].0 += 1;
            }
            if let Some(s) = self.sole_ground(c) {
                counts[s.index()].1 += 1;
            }
        }
        counts
    }

    /// `chokepoints(x)` (docs/format.md §2.3): the nodes other than `x` on every path of S
    /// from `x` to a ground, nearest first; none when `x` is ungrounded. The first call
    /// builds the dominator tree for every node (O(V + E) but for the climbs, see
    /// `dominators`); each call then costs the length of its answer.
    pub fn chokepoints(&self, ix: NodeIx) -> impl Iterator<Item = NodeIx> + '_ {
        self.dominators()
            .of(ix.index())
            .map(|v| NodeIx::new(v as usize))
    }

    /// How many chokepoints `ix` has, in constant time (the length of [`Support::chokepoints`]).
    pub fn chokepoint_count(&self, ix: NodeIx) -> usize {
        self.dominators().count_of(ix.index())
    }

    /// For every node, whether `x` is one of its chokepoints (one pass over the tree).
    pub fn choked_by(&self, x: NodeIx) -> Vec<bool> {
        self.dominators().below(x.index())
    }

    /// For every node, `single_relay`: it is `independent`, yet one of its chokepoints is
    /// an entity — its apparent independence hangs on one relay (one pass over the tree, on
    /// first use).
    pub fn single_relay(&self) -> &[bool] {
        self.single_relay.get_or_init(|| {
            let entity_above = self
                .dominators()
                .any_above(|v| !self.nodes[v].reach.has(Flags::CLAIM));
            entity_above
                .into_iter()
                .enumerate()
                .map(|(v, above)| above && self.independent(NodeIx::new(v)))
                .collect()
        })
    }

    /// For every node `x`, how many claims have `x` among their chokepoints, and how many
    /// of those are `independent` (one pass over the tree).
    pub fn choke_counts(&self) -> Vec<(u32, u32)> {
        let d = self.dominators();
        let claim = |v: usize| self.nodes[v].reach.has(Flags::CLAIM);
        let chokes = d.count_below(claim);
        let independent = d.count_below(|v| claim(v) && self.independent(NodeIx::new(v)));
        chokes.into_iter().zip(independent).collect()
    }

    /// Grounds sets per component, built once, shared where a component adds nothing new.
    fn ground_sets(&self) -> &Vec<Rc<[u32]>> {
        self.sets.get_or_init(|| {
            let comps = self.components();
            let empty: Rc<[u32]> = Rc::from(Vec::new());
            let mut sets: Vec<Rc<[u32]>> = Vec::with_capacity(self.closing.count);
            for c in 0..self.closing.count {
                let members = comps.members_of(c);
                if members.len() == 1 && self.nodes[members[0] as usize].reach.has(Flags::GROUND) {
                    sets.push(Rc::from(vec![members[0]]));
                    continue;
                }
                let mut parts: Vec<&Rc<[u32]>> = Vec::new();
                for &v in members {
                    for &w in self.arcs.of(v as usize) {
                        let d = self.comp_order(w as usize);
                        if d != c
                            && !sets[d].is_empty()
                            && !parts.iter().any(|p| Rc::ptr_eq(p, &sets[d]))
                        {
                            parts.push(&sets[d]);
                        }
                    }
                }
                let set = match parts.as_slice() {
                    [] => empty.clone(),
                    [one] => Rc::clone(one),
                    many => {
                        let mut all: Vec<u32> =
                            many.iter().flat_map(|p| p.iter().copied()).collect();
                        all.sort_unstable();
                        all.dedup();
                        Rc::from(all)
                    }
                };
                sets.push(set);
            }
            sets
        })
    }
}

/// Boolean AND whose default is true (the value of "every element of the empty set").
#[derive(Clone, Copy)]
struct AllTrue(bool);

impl Default for AllTrue {
    fn default() -> Self {
        AllTrue(true)
    }
}

impl std::ops::BitAnd for AllTrue {
    type Output = AllTrue;
    fn bitand(self, o: AllTrue) -> AllTrue {
        AllTrue(self.0 && o.0)
    }
}

fn has_tag(g: &ClaimGraph, v: usize, tag: &str) -> bool {
    g.entity(NodeIx::new(v)).is_some_and(|e| e.has_tag(tag))
}

/// Gives the grounds what they contribute to every node that reaches them: themselves as
/// the one ground, their origin, their tags as bits. Returns the tags given a bit (at most
/// `max_tags`) and whether some ground tag was left without one.
fn mark_grounds(
    g: &ClaimGraph,
    nodes: &mut [Node],
    origin: &[u32],
    max_tags: usize,
) -> (Vec<Box<str>>, bool) {
    let mut bits: Vec<Box<str>> = Vec::new();
    let mut overflow = false;
    for (v, node) in nodes.iter_mut().enumerate() {
        if !node.reach.has(Flags::GROUND) {
            continue;
        }
        let mut tags = 0u32;
        for tag in g.entity(NodeIx::new(v)).map_or(&[][..], |e| &e.tags[..]) {
            let bit = match bits.iter().position(|t| **t == *tag.as_str()) {
                Some(bit) => bit,
                None if bits.len() < max_tags => {
                    bits.push(tag.as_str().into());
                    bits.len() - 1
                }
                None => {
                    overflow = true;
                    continue;
                }
            };
            tags |= 1 << bit;
        }
        node.reach = Reach {
            sole: One::of(v as u32),
            origin: One::of(origin[v]),
            tags,
            flags: node.reach.flags | Flags::GROUNDED,
        };
    }
    (bits, overflow)
}

const UNSEEN: u32 = u32::MAX;

/// The origin of every entity (end of its `part_of` chain); other nodes map to themselves.
fn origins(g: &ClaimGraph, n: usize) -> Vec<u32> {
    let mut origin: Vec<u32> = vec![UNSEEN; n];
    let parent = |v: usize| g.parent(NodeIx::new(v)).map(|p| p.index());
    let mut chain = Vec::new();
    for v in 0..n {
        if origin[v] != UNSEEN {
            continue;
        }
        if g.petgraph().node_weight(NodeIx::new(v)).is_none() {
            origin[v] = v as u32;
            continue;
        }
        chain.clear();
        chain.push(v);
        let mut cur = v;
        let root = loop {
            match parent(cur) {
                Some(p) if origin[p] != UNSEEN => break origin[p],
                // A part_of cycle is a load error; stop rather than loop if one slips in.
                Some(p) if chain.len() <= n => {
                    chain.push(p);
                    cur = p;
                }
                _ => break cur as u32,
            }
        };
        for &x in &chain {
            origin[x] = root;
        }
    }
    origin
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod whatif_tests;
