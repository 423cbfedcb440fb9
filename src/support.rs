//! The support semantics of docs/format.md §2: the support graph S, its strongly connected
//! components, and every whole-graph predicate (grounds, `rests_only_on`, `ungrounded`,
//! `circular`, `single_origin`, `independent`, `contested`, origins, and the
//! `grounded`/`sole` counts per ground). `interested_denial`, which reads the claim's own
//! edges, is [`crate::query::interested_denial`].
//!
//! S is laid out as compact adjacency arrays and condensed once: sweeps close the nodes whose
//! arcs all end at closed nodes, then an iterative Tarjan (Pearce's variant) the rest
//! (petgraph's `tarjan_scc` recurses and overflows on long chains; `kosaraju_scc` allocates a
//! vector per component). Components close in reverse topological order, and each is folded
//! as it closes: every tag-independent predicate, and `rests_only_on` for every tag a ground
//! carries, is then a lookup per node. O(V + E), with no search per claim and no recursion.
//! Explicit grounds sets are built lazily and shared between components whose sets are
//! equal, so their cost is the size of the answer: the sum of |grounds(c)| over the
//! components asked about, linear while claims have a bounded number of grounds, quadratic
//! at worst (a chain of claims each citing the one before and a ground of its own). The
//! `grounded` counts of [`Support::ground_counts`] read every claim's set: no linear way to
//! count, for every ground, the claims that reach it is known.

use crate::graph::{ClaimGraph, NodeIx};
use crate::model::Rel;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use std::cell::OnceCell;
use std::rc::Rc;

const NO_ONE: u32 = u32::MAX;
const SEVERAL: u32 = u32::MAX - 1;

/// One value from two: none joins to the other, equal ones to themselves, else several.
fn join_one(a: u32, b: u32) -> u32 {
    if a == NO_ONE {
        b
    } else if b == NO_ONE || a == b {
        a
    } else {
        SEVERAL
    }
}

// Bits of `Reach::flags`. The first two are joined along arcs; `CYCLIC` is the component's
// own; the rest are the node's own.
/// Some ground is reachable.
const GROUNDED: u32 = 1;
/// Some node on a cycle is reachable (the node itself included).
const CIRCULAR: u32 = 2;
/// The node lies on a cycle.
const CYCLIC: u32 = 4;
/// The node is a ground: an entity that cites nothing.
const GROUND: u32 = 8;
/// Some entity asserts the node / denies it.
const ASSERTED: u32 = 16;
const DENIED: u32 = 32;
/// The node is a claim that cites nothing, so it rests on its asserters.
const BY_ASSERTERS: u32 = 64;
const JOINED: u32 = GROUNDED | CIRCULAR;
const OWN: u32 = GROUND | ASSERTED | DENIED | BY_ASSERTERS;

/// What a node's component reaches: the one ground and the one origin of grounds (node
/// indices, or [`NO_ONE`] / [`SEVERAL`]), the tag bits every ground reached carries, and the
/// flags above. Joining two is a few comparisons the processor does without branching.
#[derive(Clone, Copy)]
struct Reach {
    sole: u32,
    origin: u32,
    tags: u32,
    flags: u32,
}

impl Reach {
    /// Reaches nothing: no ground, so every ground "has" every tag.
    const NOTHING: Reach = Reach {
        sole: NO_ONE,
        origin: NO_ONE,
        tags: u32::MAX,
        flags: 0,
    };

    fn join(self, o: Reach) -> Reach {
        Reach {
            sole: join_one(self.sole, o.sole),
            origin: join_one(self.origin, o.origin),
            tags: self.tags & o.tags,
            flags: self.flags | (o.flags & JOINED),
        }
    }

    fn has(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }
}

/// Per node, side by side so that visiting a node touches one cache line: where its arcs
/// start, its component, and what that component reaches.
#[derive(Clone, Copy)]
struct Node {
    /// The node's arcs are `adj[start..]` up to the next node's `start`.
    start: u32,
    /// While the search runs, Pearce's `rindex` (0: unvisited); then the component, numbered
    /// downwards from the node count in the order components close (sinks first).
    comp: u32,
    reach: Reach,
}

/// Tags carried by grounds get one bit each in [`Reach::tags`], up to this many; a query on
/// a tag past them takes a separate pass.
const TAG_BITS: usize = 32;

/// The support graph of a [`ClaimGraph`] and everything docs/format.md §2 derives from it.
pub struct Support {
    /// One more than the node bound: the last entry only ends the arcs of the one before.
    nodes: Vec<Node>,
    adj: Vec<u32>,
    /// Origin (end of the `part_of` chain) of each entity node; claims map to themselves.
    origin: Vec<u32>,
    /// The tags with a bit in [`Reach::tags`], in bit order, and whether some ground tag
    /// had none left.
    tag_bits: Vec<Box<str>>,
    tags_overflow: bool,
    /// One above the number of the first component to close; later ones count down.
    first_comp: u32,
    comp_count: usize,
    components: OnceCell<Components>,
    sets: OnceCell<Vec<Rc<[u32]>>>,
}

/// The members of each component, grouped, components in the order they closed.
struct Components {
    start: Vec<u32>,
    members: Vec<u32>,
}

impl Support {
    /// Builds S for `g` and computes every predicate: one pass for the arcs, one search for
    /// the components, each component folded as it closes.
    pub fn new(g: &ClaimGraph) -> Support {
        Support::with_tag_bits(g, TAG_BITS)
    }

    fn with_tag_bits(g: &ClaimGraph, max_tags: usize) -> Support {
        let (mut nodes, adj) = support_arcs(g);
        let n = nodes.len() - 1;
        let origin = origins(g, n);
        let (tag_bits, tags_overflow) = mark_grounds(g, &mut nodes, &origin, max_tags);
        let first_comp = n as u32 + 1;
        let comp_count = search_and_fold(&mut nodes, &adj, first_comp);
        Support {
            nodes,
            adj,
            origin,
            tag_bits,
            tags_overflow,
            first_comp,
            comp_count,
            components: OnceCell::new(),
            sets: OnceCell::new(),
        }
    }

    fn reach(&self, ix: NodeIx) -> &Reach {
        &self.nodes[ix.index()].reach
    }

    /// Position of the component of node `v` in closing order (0 for the first).
    fn comp_order(&self, v: usize) -> usize {
        (self.first_comp - 1 - self.nodes[v].comp) as usize
    }

    fn components(&self) -> &Components {
        self.components.get_or_init(|| {
            let n = self.nodes.len() - 1;
            let count = self.comp_count;
            let mut start = vec![0u32; count + 1];
            for v in 0..n {
                start[self.comp_order(v) + 1] += 1;
            }
            for c in 0..count {
                start[c + 1] += start[c];
            }
            let mut fill = start.clone();
            let mut members = vec![0u32; n];
            for v in 0..n {
                let c = self.comp_order(v);
                members[fill[c] as usize] = v as u32;
                fill[c] += 1;
            }
            Components { start, members }
        })
    }

    fn members_of(&self, c: usize) -> &[u32] {
        let comps = self.components();
        &comps.members[comps.start[c] as usize..comps.start[c + 1] as usize]
    }

    fn arcs(&self, v: usize) -> &[u32] {
        &self.adj[self.nodes[v].start as usize..self.nodes[v + 1].start as usize]
    }

    /// One pass over the condensation in closing order: each component's value is `own` of
    /// its members joined with the values of every component it reaches.
    fn fold<T: Copy + Default>(
        &self,
        own: impl Fn(usize) -> T,
        join: impl Fn(T, T) -> T,
    ) -> Vec<T> {
        let mut val: Vec<T> = Vec::with_capacity(self.comp_count);
        for c in 0..self.comp_count {
            let mut acc = T::default();
            for &v in self.members_of(c) {
                acc = join(acc, own(v as usize));
                for &w in self.arcs(v as usize) {
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
        self.arcs(ix.index())
            .iter()
            .map(|&w| NodeIx::new(w as usize))
    }

    /// Whether `ix` is a ground: an entity that cites nothing.
    pub fn is_ground(&self, ix: NodeIx) -> bool {
        self.reach(ix).has(GROUND)
    }

    /// `ungrounded(x)`: no ground is reachable from `x` in S.
    pub fn ungrounded(&self, ix: NodeIx) -> bool {
        !self.reach(ix).has(GROUNDED)
    }

    /// `circular(x)`: some node reachable from `x` (itself included) lies on a cycle of S.
    pub fn circular(&self, ix: NodeIx) -> bool {
        self.reach(ix).has(CIRCULAR)
    }

    /// Whether `x` itself lies on a cycle of S.
    pub fn on_cycle(&self, ix: NodeIx) -> bool {
        self.reach(ix).has(CYCLIC)
    }

    /// Whether the arc `a -> b` of S lies inside a cycle.
    pub fn arc_on_cycle(&self, a: NodeIx, b: NodeIx) -> bool {
        self.nodes[a.index()].comp == self.nodes[b.index()].comp && self.on_cycle(a)
    }

    /// `contested(c)`: at least one entity asserts `c` and at least one denies it.
    pub fn contested(&self, ix: NodeIx) -> bool {
        self.reach(ix).flags & (ASSERTED | DENIED) == ASSERTED | DENIED
    }

    /// Whether some entity denies `c`.
    pub fn denied(&self, ix: NodeIx) -> bool {
        self.reach(ix).has(DENIED)
    }

    /// The only ground of `x`, when its grounds are exactly one entity.
    pub fn sole_ground(&self, ix: NodeIx) -> Option<NodeIx> {
        match self.reach(ix).sole {
            NO_ONE | SEVERAL => None,
            g => Some(NodeIx::new(g as usize)),
        }
    }

    /// `single_origin(x)`: grounds non-empty, all sharing one origin.
    pub fn single_origin(&self, ix: NodeIx) -> bool {
        !matches!(self.reach(ix).origin, NO_ONE | SEVERAL)
    }

    /// `independent(x)`: the grounds of `x` have at least two distinct origins.
    pub fn independent(&self, ix: NodeIx) -> bool {
        self.reach(ix).origin == SEVERAL
    }

    /// `origin(e)`: the last entity on the `part_of` chain from `e`.
    pub fn origin(&self, ix: NodeIx) -> NodeIx {
        NodeIx::new(self.origin[ix.index()] as usize)
    }

    /// `rests_only_on(x, tag)` for every node, indexed by node index.
    pub fn rests_only_on(&self, g: &ClaimGraph, tag: &str) -> Vec<bool> {
        let n = self.nodes.len() - 1;
        match self.tag_bits.iter().position(|t| &**t == tag) {
            Some(bit) => self.nodes[..n]
                .iter()
                .map(|v| v.reach.has(GROUNDED) && v.reach.tags & (1 << bit) != 0)
                .collect(),
            // No ground carries the tag: nothing rests only on it.
            None if !self.tags_overflow => vec![false; n],
            None => self.rests_only_on_by_fold(g, tag),
        }
    }

    /// `rests_only_on` for a tag without a bit: a fold over the condensation.
    fn rests_only_on_by_fold(&self, g: &ClaimGraph, tag: &str) -> Vec<bool> {
        let all_tagged = self.fold(
            |v| AllTrue(!self.reach(NodeIx::new(v)).has(GROUND) || has_tag(g, v, tag)),
            |a, b| a & b,
        );
        (0..self.nodes.len() - 1)
            .map(|v| self.nodes[v].reach.has(GROUNDED) && all_tagged[self.comp_order(v)].0)
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
        let mut counts = vec![(0u32, 0u32); self.nodes.len() - 1];
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

    /// Grounds sets per component, built once, shared where a component adds nothing new.
    fn ground_sets(&self) -> &Vec<Rc<[u32]>> {
        self.sets.get_or_init(|| {
            let empty: Rc<[u32]> = Rc::from(Vec::new());
            let mut sets: Vec<Rc<[u32]>> = Vec::with_capacity(self.comp_count);
            for c in 0..self.comp_count {
                let members = self.members_of(c);
                if members.len() == 1 && self.nodes[members[0] as usize].reach.has(GROUND) {
                    sets.push(Rc::from(vec![members[0]]));
                    continue;
                }
                let mut parts: Vec<&Rc<[u32]>> = Vec::new();
                for &v in members {
                    for &w in self.arcs(v as usize) {
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

fn is_entity(g: &ClaimGraph, v: usize) -> bool {
    g.petgraph().node_weight(NodeIx::new(v)).is_some() && !g.is_claim(NodeIx::new(v))
}

fn has_tag(g: &ClaimGraph, v: usize, tag: &str) -> bool {
    g.entity(NodeIx::new(v)).is_some_and(|e| e.has_tag(tag))
}

/// The arcs of S (docs/format.md §2): a claim that cites anything -> what it cites; a claim
/// that cites nothing -> its asserters; an entity -> what it cites. Returned as one [`Node`]
/// per node (plus one to end the last node's arcs) holding where its arcs start in the second
/// vector, and its own flags: asserted, denied, resting on its asserters.
///
/// Built by two sequential passes over the edge array (count, then place) rather than by
/// walking each node's edge lists, whose links jump around memory. While building, a
/// node's `start` counts what it cites and its `comp` its asserters, then where its next
/// arc goes.
fn support_arcs(g: &ClaimGraph) -> (Vec<Node>, Vec<u32>) {
    let n = g.node_bound();
    let pg = g.petgraph();
    let blank = Node {
        start: 0,
        comp: 0,
        reach: Reach::NOTHING,
    };
    let mut nodes = vec![blank; n + 1];
    // A relation stated in several documents is one arc: its repeats are skipped.
    for e in pg.edge_references().filter(|e| !e.weight().repeat) {
        match e.weight().rel {
            Rel::Cites => nodes[e.source().index()].start += 1,
            Rel::Asserts => {
                let to = &mut nodes[e.target().index()];
                to.comp += 1;
                to.reach.flags |= ASSERTED;
            }
            Rel::Denies => nodes[e.target().index()].reach.flags |= DENIED,
        }
    }
    let mut next = 0u32;
    for (v, node) in nodes[..n].iter_mut().enumerate() {
        let (cites, asserters) = (node.start, node.comp);
        let by_asserters = cites == 0 && g.is_claim(NodeIx::new(v));
        if by_asserters {
            node.reach.flags |= BY_ASSERTERS;
        }
        node.start = next;
        node.comp = next;
        next += if by_asserters { asserters } else { cites };
    }
    nodes[n].start = next;
    let mut adj = vec![0u32; next as usize];
    for e in pg.edge_references().filter(|e| !e.weight().repeat) {
        let (from, to) = (e.source().index(), e.target().index());
        let (slot, arc) = match e.weight().rel {
            Rel::Cites => (from, to),
            Rel::Asserts if nodes[to].reach.has(BY_ASSERTERS) => (to, from),
            _ => continue,
        };
        let fill = &mut nodes[slot].comp;
        adj[*fill as usize] = arc as u32;
        *fill += 1;
    }
    (nodes, adj)
}

/// Marks the grounds (entities with no arcs) with what they contribute to every claim that
/// reaches them, and clears the fill cursors `support_arcs` left for the search. Returns the
/// tags given a bit (at most `max_tags`) and whether some ground tag was left without one.
fn mark_grounds(
    g: &ClaimGraph,
    nodes: &mut [Node],
    origin: &[u32],
    max_tags: usize,
) -> (Vec<Box<str>>, bool) {
    let mut bits: Vec<Box<str>> = Vec::new();
    let mut overflow = false;
    let n = nodes.len() - 1;
    for v in 0..n {
        nodes[v].comp = 0;
        if nodes[v].start != nodes[v + 1].start || !is_entity(g, v) {
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
        let r = &mut nodes[v].reach;
        *r = Reach {
            sole: v as u32,
            origin: origin[v],
            tags,
            flags: r.flags | GROUND | GROUNDED,
        };
    }
    (bits, overflow)
}

/// Pearce's iterative variant of Tarjan's search ("A space-efficient algorithm for finding
/// strongly connected components", 2016): one number per node, kept in `Node::comp`, that is
/// the visit index while the node is open and its component once closed. Components are
/// numbered downwards from `first - 1` as they close, which is reverse topological order, so
/// as each closes everything it reaches outside itself is final and its `Reach` is the join
/// of those, written to every member. No recursion: long chains cannot overflow the stack.
/// The search only starts from what [`close_by_sweeps`] left open; nodes the sweeps closed
/// are closed components to it, as they would be had it found them. Returns the number of
/// components.
fn search_and_fold(nodes: &mut [Node], adj: &[u32], first: u32) -> usize {
    let (left, mut next_comp) = close_by_sweeps(nodes, adj, first);
    let mut index = 1u32;
    // Open nodes that are not the root of their component, and the search path: (node,
    // next arc, whether it is still a root candidate).
    let mut open: Vec<u32> = Vec::new();
    let mut path: Vec<(u32, u32, bool)> = Vec::new();
    let mut members: Vec<u32> = Vec::new();
    for root in left {
        let root = root as usize;
        if nodes[root].comp != 0 {
            continue;
        }
        nodes[root].comp = index;
        index += 1;
        path.push((root as u32, nodes[root].start, true));
        while let Some(&mut (v, ref mut pos, ref mut is_root)) = path.last_mut() {
            let v = v as usize;
            if *pos < nodes[v + 1].start {
                let w = adj[*pos as usize] as usize;
                *pos += 1;
                if nodes[w].comp == 0 {
                    nodes[w].comp = index;
                    index += 1;
                    path.push((w as u32, nodes[w].start, true));
                } else if nodes[w].comp < nodes[v].comp {
                    nodes[v].comp = nodes[w].comp;
                    *is_root = false;
                }
                continue;
            }
            let v_is_root = *is_root;
            path.pop();
            if v_is_root {
                members.clear();
                members.push(v as u32);
                let own = nodes[v].comp;
                while let Some(&w) = open.last() {
                    if nodes[w as usize].comp < own {
                        break;
                    }
                    open.pop();
                    members.push(w);
                }
                index -= members.len() as u32;
                next_comp -= 1;
                close(nodes, adj, &members, next_comp);
            } else {
                open.push(v as u32);
            }
            if let Some(&mut (u, _, ref mut u_is_root)) = path.last_mut() {
                let u = u as usize;
                if nodes[v].comp < nodes[u].comp {
                    nodes[u].comp = nodes[v].comp;
                    *u_is_root = false;
                }
            }
        }
    }
    (first - next_comp) as usize
}

/// Closes every node whose arcs all end at nodes closed before it (grounds first of all):
/// such a node is a component of its own, its `Reach` the join of theirs. Sweeps in index
/// order, then over what is left, while a sweep closes a good share of what it looks at.
/// Unlike the search, a sweep's memory reads do not depend on one another, so the processor
/// overlaps their cache misses; in most graphs the sweeps close nearly every node and leave
/// the search the cycles and what reaches them. Returns the nodes left open and the next
/// component number.
fn close_by_sweeps(nodes: &mut [Node], adj: &[u32], mut next_comp: u32) -> (Vec<u32>, u32) {
    let n = nodes.len() - 1;
    let mut left: Vec<u32> = Vec::new();
    for v in 0..n as u32 {
        if !close_if_ends_closed(nodes, adj, v, &mut next_comp) {
            left.push(v);
        }
    }
    for _ in 0..MAX_SWEEPS {
        let before = left.len();
        left.retain(|&v| !close_if_ends_closed(nodes, adj, v, &mut next_comp));
        if (before - left.len()) * 8 < before {
            break;
        }
    }
    (left, next_comp)
}

/// Further sweeps over the nodes the first one left open, at most.
const MAX_SWEEPS: usize = 3;

/// Closes `v` as component `next_comp` if every arc of it ends at a closed node.
fn close_if_ends_closed(nodes: &mut [Node], adj: &[u32], v: u32, next_comp: &mut u32) -> bool {
    let v = v as usize;
    let mut acc = Reach::NOTHING;
    for &w in &adj[nodes[v].start as usize..nodes[v + 1].start as usize] {
        let to = &nodes[w as usize];
        if to.comp == 0 {
            return false;
        }
        acc = acc.join(to.reach);
    }
    *next_comp -= 1;
    nodes[v].comp = *next_comp;
    if nodes[v].start != nodes[v + 1].start {
        let r = &mut nodes[v].reach;
        *r = Reach {
            flags: acc.flags | (r.flags & OWN),
            ..acc
        };
    }
    true
}

/// Numbers the component `members` as `c` and gives each member the component's `Reach`:
/// the join over every arc that leaves it (those ends are in components already closed).
fn close(nodes: &mut [Node], adj: &[u32], members: &[u32], c: u32) {
    for &m in members {
        nodes[m as usize].comp = c;
    }
    let v = members[0] as usize;
    let arcs = |v: usize| &adj[nodes[v].start as usize..nodes[v + 1].start as usize];
    if members.len() == 1 && arcs(v).is_empty() {
        // A ground, or a node resting on nothing: its own flags say all.
        return;
    }
    let cyclic = members.len() > 1 || arcs(v).contains(&(v as u32));
    let mut acc = Reach::NOTHING;
    if cyclic {
        acc.flags = CIRCULAR | CYCLIC;
    }
    for &m in members {
        for &w in arcs(m as usize) {
            if nodes[w as usize].comp != c {
                acc = acc.join(nodes[w as usize].reach);
            }
        }
    }
    for &m in members {
        let r = &mut nodes[m as usize].reach;
        *r = Reach {
            flags: acc.flags | (r.flags & OWN),
            ..acc
        };
    }
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
