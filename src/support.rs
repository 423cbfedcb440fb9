//! SPEC §2, the support semantics: the support graph S, its strongly connected components,
//! and every whole-graph predicate (grounds, `rests_only_on`, `ungrounded`, `circular`,
//! `single_origin`, `independent`, `contested`, `interested_denial`, origins, and the
//! `grounded`/`sole` counts per ground).
//!
//! S is laid out as compact adjacency arrays and condensed once with an iterative Tarjan
//! (petgraph's `tarjan_scc` recurses and overflows on long chains; `kosaraju_scc` allocates a
//! vector per component). Tarjan closes components in reverse topological order, so every
//! predicate is then one pass over the components in that order: O(V + E), with no search
//! per claim and no recursion. Explicit grounds sets are built lazily and shared between
//! components whose sets are equal, so their cost is the size of the answer.

use crate::graph::{ClaimGraph, NodeIx};
use crate::model::Rel;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use std::cell::OnceCell;
use std::rc::Rc;

const UNSEEN: u32 = u32::MAX;

/// A summary of the values reachable from a component: none, exactly one, or several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum One {
    #[default]
    None,
    One(u32),
    Many,
}

/// What a component reaches, for the tag-independent predicates: any ground, any cycle,
/// which ground and which origin of grounds (if only one). The two "which" are node indices
/// with [`NO_ONE`] and [`SEVERAL`] for none and many: joining them is a few comparisons the
/// processor does without branching, and the whole fits in 12 bytes.
#[derive(Clone, Copy)]
struct Reach {
    sole: u32,
    origin: u32,
    grounded: bool,
    circular: bool,
}

const NO_ONE: u32 = u32::MAX;
const SEVERAL: u32 = u32::MAX - 1;

impl Default for Reach {
    fn default() -> Self {
        Reach {
            sole: NO_ONE,
            origin: NO_ONE,
            grounded: false,
            circular: false,
        }
    }
}

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

fn to_one(x: u32) -> One {
    match x {
        NO_ONE => One::None,
        SEVERAL => One::Many,
        x => One::One(x),
    }
}

impl Reach {
    fn join(self, o: Reach) -> Reach {
        Reach {
            sole: join_one(self.sole, o.sole),
            origin: join_one(self.origin, o.origin),
            grounded: self.grounded | o.grounded,
            circular: self.circular | o.circular,
        }
    }
}

/// The support graph of a [`ClaimGraph`] and everything SPEC §2 derives from it.
pub struct Support {
    /// CSR adjacency of S, indexed by node index.
    off: Vec<u32>,
    adj: Vec<u32>,
    /// Component of each node; components are numbered sinks first.
    comp: Vec<u32>,
    /// Nodes of each component: `members[comp_start[c]..comp_start[c + 1]]`.
    comp_start: Vec<u32>,
    members: Vec<u32>,
    is_ground: Vec<bool>,
    /// Per component: whether it reaches any ground / lies on or reaches a cycle.
    grounded: Vec<bool>,
    circular: Vec<bool>,
    cyclic: Vec<bool>,
    /// Per component: the one ground / one origin its grounds have, if single.
    sole: Vec<One>,
    origin_of_grounds: Vec<One>,
    /// Origin (end of the `part_of` chain) of each entity node; claims map to themselves.
    origin: Vec<u32>,
    sets: OnceCell<Vec<Rc<[u32]>>>,
}

impl Support {
    /// Builds S for `g` and computes every tag-independent predicate.
    pub fn new(g: &ClaimGraph) -> Support {
        let (off, adj) = support_arcs(g);
        let n = off.len() - 1;
        let is_ground: Vec<bool> = (0..n)
            .map(|v| off[v] == off[v + 1] && is_entity(g, v))
            .collect();
        let origin = origins(g, n);
        // The four tag-independent predicates are folded as each component closes, while
        // its members and their arcs are still in cache: every component it reaches has
        // closed before it.
        let mut reach: Vec<Reach> = Vec::new();
        let mut cyclic: Vec<bool> = Vec::new();
        let (comp, comp_start, members) = tarjan(&off, &adj, |c, members, comp| {
            let arcs = |v: u32| &adj[off[v as usize] as usize..off[v as usize + 1] as usize];
            let is_cyclic = members.len() > 1 || arcs(members[0]).contains(&members[0]);
            let mut acc = Reach {
                circular: is_cyclic,
                ..Reach::default()
            };
            for &v in members {
                if is_ground[v as usize] {
                    acc = acc.join(Reach {
                        grounded: true,
                        circular: false,
                        sole: v,
                        origin: origin[v as usize],
                    });
                }
                for &w in arcs(v) {
                    let d = comp[w as usize] as usize;
                    if d != c {
                        acc = acc.join(reach[d]);
                    }
                }
            }
            cyclic.push(is_cyclic);
            reach.push(acc);
        });
        let mut s = Support {
            off,
            adj,
            comp,
            comp_start,
            members,
            is_ground,
            grounded: Vec::new(),
            circular: Vec::new(),
            cyclic,
            sole: Vec::new(),
            origin_of_grounds: Vec::new(),
            origin,
            sets: OnceCell::new(),
        };
        s.grounded = reach.iter().map(|r| r.grounded).collect();
        s.circular = reach.iter().map(|r| r.circular).collect();
        s.sole = reach.iter().map(|r| to_one(r.sole)).collect();
        s.origin_of_grounds = reach.iter().map(|r| to_one(r.origin)).collect();
        s
    }

    fn comp_count(&self) -> usize {
        self.comp_start.len() - 1
    }

    fn members_of(&self, c: usize) -> &[u32] {
        &self.members[self.comp_start[c] as usize..self.comp_start[c + 1] as usize]
    }

    fn arcs(&self, v: usize) -> &[u32] {
        &self.adj[self.off[v] as usize..self.off[v + 1] as usize]
    }

    /// One pass over the condensation: each component's value is `own` of its members joined
    /// with the values of every component it reaches.
    fn fold<T: Copy + Default>(
        &self,
        own: impl Fn(usize, usize) -> T,
        join: impl Fn(T, T) -> T,
    ) -> Vec<T> {
        let mut val: Vec<T> = Vec::with_capacity(self.comp_count());
        for c in 0..self.comp_count() {
            let mut acc = T::default();
            for &v in self.members_of(c) {
                acc = join(acc, own(c, v as usize));
                for &w in self.arcs(v as usize) {
                    let d = self.comp[w as usize] as usize;
                    if d != c {
                        acc = join(acc, val[d]);
                    }
                }
            }
            val.push(acc);
        }
        val
    }

    fn c(&self, ix: NodeIx) -> usize {
        self.comp[ix.index()] as usize
    }

    /// The successors of `x` in S: what it rests on directly.
    pub fn support_of(&self, ix: NodeIx) -> impl Iterator<Item = NodeIx> + '_ {
        self.arcs(ix.index())
            .iter()
            .map(|&w| NodeIx::new(w as usize))
    }

    /// Whether `ix` is a ground: an entity that cites nothing.
    pub fn is_ground(&self, ix: NodeIx) -> bool {
        self.is_ground[ix.index()]
    }

    /// `ungrounded(x)`: no ground is reachable from `x` in S.
    pub fn ungrounded(&self, ix: NodeIx) -> bool {
        !self.grounded[self.c(ix)]
    }

    /// `circular(x)`: some node reachable from `x` (itself included) lies on a cycle of S.
    pub fn circular(&self, ix: NodeIx) -> bool {
        self.circular[self.c(ix)]
    }

    /// Whether `x` itself lies on a cycle of S.
    pub fn on_cycle(&self, ix: NodeIx) -> bool {
        self.cyclic[self.c(ix)]
    }

    /// Whether the arc `a -> b` of S lies inside a cycle.
    pub fn arc_on_cycle(&self, a: NodeIx, b: NodeIx) -> bool {
        self.c(a) == self.c(b) && self.on_cycle(a)
    }

    /// The only ground of `x`, when its grounds are exactly one entity.
    pub fn sole_ground(&self, ix: NodeIx) -> Option<NodeIx> {
        match self.sole[self.c(ix)] {
            One::One(g) => Some(NodeIx::new(g as usize)),
            _ => None,
        }
    }

    /// `single_origin(x)`: grounds non-empty, all sharing one origin.
    pub fn single_origin(&self, ix: NodeIx) -> bool {
        matches!(self.origin_of_grounds[self.c(ix)], One::One(_))
    }

    /// `independent(x)`: the grounds of `x` have at least two distinct origins.
    pub fn independent(&self, ix: NodeIx) -> bool {
        self.origin_of_grounds[self.c(ix)] == One::Many
    }

    /// `origin(e)`: the last entity on the `part_of` chain from `e`.
    pub fn origin(&self, ix: NodeIx) -> NodeIx {
        NodeIx::new(self.origin[ix.index()] as usize)
    }

    /// `rests_only_on(x, tag)` for every node, indexed by node index: one pass over S.
    pub fn rests_only_on(&self, g: &ClaimGraph, tag: &str) -> Vec<bool> {
        // Per component: Some(true) = every ground reached has the tag; the value also
        // needs grounds to be non-empty, which `grounded` says.
        let all_tagged = self.fold(
            |_, v| AllTrue(!self.is_ground[v] || has_tag(g, v, tag)),
            |a, b| a & b,
        );
        (0..self.comp.len())
            .map(|v| {
                let c = self.comp[v] as usize;
                self.grounded[c] && all_tagged[c].0
            })
            .collect()
    }

    /// The grounds of `x`, sorted by node index.
    pub fn grounds(&self, ix: NodeIx) -> &[u32] {
        &self.ground_sets()[self.c(ix)]
    }

    /// `(grounded, sole)` counts of every node: how many claims have it among their grounds,
    /// and how many have it as their only ground.
    pub fn ground_counts(&self, g: &ClaimGraph) -> Vec<(u32, u32)> {
        let mut counts = vec![(0u32, 0u32); self.comp.len()];
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
            let mut sets: Vec<Rc<[u32]>> = Vec::with_capacity(self.comp_count());
            for c in 0..self.comp_count() {
                let members = self.members_of(c);
                if members.len() == 1 && self.is_ground[members[0] as usize] {
                    sets.push(Rc::from(vec![members[0]]));
                    continue;
                }
                let mut parts: Vec<&Rc<[u32]>> = Vec::new();
                for &v in members {
                    for &w in self.arcs(v as usize) {
                        let d = self.comp[w as usize] as usize;
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

/// The arcs of S as CSR arrays (SPEC §2): a claim that cites anything -> what it cites;
/// a claim that cites nothing -> its asserters; an entity -> what it cites.
///
/// Built by two sequential passes over the edge array (count, then place) rather than by
/// walking each node's edge lists, whose links jump around memory.
fn support_arcs(g: &ClaimGraph) -> (Vec<u32>, Vec<u32>) {
    let n = g.node_bound();
    let pg = g.petgraph();
    let mut cites = vec![0u32; n];
    let mut asserts = vec![0u32; n];
    for e in pg.edge_references() {
        match e.weight().rel {
            Rel::Cites => cites[e.source().index()] += 1,
            Rel::Asserts => asserts[e.target().index()] += 1,
            Rel::Denies => {}
        }
    }
    // A claim that cites nothing rests on its asserters; everything else on what it cites.
    let by_asserters = |v: usize| cites[v] == 0 && g.is_claim(NodeIx::new(v));
    let mut off = Vec::with_capacity(n + 1);
    off.push(0u32);
    for v in 0..n {
        let k = if by_asserters(v) {
            asserts[v]
        } else {
            cites[v]
        };
        off.push(off[v] + k);
    }
    let mut fill: Vec<u32> = off[..n].to_vec();
    let mut adj = vec![0u32; off[n] as usize];
    for e in pg.edge_references() {
        let (from, to) = (e.source().index(), e.target().index());
        let (slot, arc) = match e.weight().rel {
            Rel::Cites => (from, to),
            Rel::Asserts if by_asserters(to) => (to, from),
            _ => continue,
        };
        adj[fill[slot] as usize] = arc as u32;
        fill[slot] += 1;
    }
    (off, adj)
}

/// Iterative Tarjan: the component of each node (numbered sinks first) and the members of
/// each component, grouped. `close(c, members, comp)` is called as component `c` is found,
/// after every component it reaches.
fn tarjan(
    off: &[u32],
    adj: &[u32],
    mut close: impl FnMut(usize, &[u32], &[u32]),
) -> (Vec<u32>, Vec<u32>, Vec<u32>) {
    let n = off.len() - 1;
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0u32; n];
    let mut comp = vec![UNSEEN; n];
    let mut stack: Vec<u32> = Vec::new();
    let mut calls: Vec<(u32, u32)> = Vec::new();
    let mut members = Vec::with_capacity(n);
    let mut comp_start = vec![0u32];
    let mut counter = 0u32;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        index[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root as u32);
        calls.push((root as u32, off[root]));
        while let Some(&mut (v, ref mut pos)) = calls.last_mut() {
            let v = v as usize;
            if *pos < off[v + 1] {
                let w = adj[*pos as usize] as usize;
                *pos += 1;
                if index[w] == UNSEEN {
                    index[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w as u32);
                    calls.push((w as u32, off[w]));
                } else if comp[w] == UNSEEN {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            calls.pop();
            if low[v] == index[v] {
                let c = (comp_start.len() - 1) as u32;
                loop {
                    let w = stack.pop().expect("v is on the stack") as usize;
                    comp[w] = c;
                    members.push(w as u32);
                    if w == v {
                        break;
                    }
                }
                let start = comp_start[c as usize] as usize;
                close(c as usize, &members[start..], &comp);
                comp_start.push(members.len() as u32);
            }
            if let Some(&(u, _)) = calls.last() {
                low[u as usize] = low[u as usize].min(low[v]);
            }
        }
    }
    (comp, comp_start, members)
}

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
