//! Chokepoints (docs/format.md §2.3): the nodes on every path of S from a node to a ground
//! are its dominators in S reversed, rooted at one exit behind every ground, restricted to
//! the nodes that reach a ground. They are computed for every node at once, as one tree.
//!
//! The components of S close sinks first, which is an order of S reversed in which every
//! node comes after its dominators. Each node gets a position in that order (within a
//! component of several nodes, the reverse postorder of a search of the component from where
//! it is entered); a node alone in its component has all of its successors placed, so its
//! immediate dominator is their nearest common dominator, found once. A component of several
//! nodes (a citation cycle) is settled by the iteration of Cooper, Harvey and Kennedy ("A
//! Simple, Fast Dominance Algorithm", 2001) over its members: inside a cycle one node can
//! still stand on every path, so the cycle is not collapsed into one. The common dominator
//! of two nodes is found by climbing from the later one; skew-binary jump pointers (Myers,
//! 1983) make each climb logarithmic in the depth of the tree, so that a node citing both a
//! long relay chain and a ground of its own does not walk the chain. No recursion.

use super::arcs::Arcs;
use super::condense::{Closing, Components, Node};
use super::reach::Flags;

/// No position: the node reaches no ground (or is not yet settled).
const NOWHERE: u32 = u32::MAX;
/// The position of the exit behind every ground: the root of the tree.
const EXIT: u32 = 0;

/// The dominator tree of S reversed. Positions order the nodes so that every dominator of a
/// node comes before it; position [`EXIT`] is the exit.
pub(super) struct Dominators {
    /// Per node: its position, or [`NOWHERE`] when it reaches no ground.
    pos: Vec<u32>,
    /// Per position: the node there (the exit's entry is unused).
    node: Vec<u32>,
    /// Per position: its immediate dominator's position (the exit's is itself).
    idom: Vec<u32>,
    /// Per position: a dominator further up, for climbing in logarithmic steps.
    jump: Vec<u32>,
    /// Per position: how many nodes of the tree, itself included, lie below the exit on its
    /// way up (the exit's is 0).
    depth: Vec<u32>,
}

impl Dominators {
    /// The dominator tree of the support graph `arcs`, whose nodes carry their fold in
    /// `nodes`, closed in the order of `closing` with members `comps`.
    pub fn new(arcs: &Arcs, nodes: &[Node], comps: &Components, closing: Closing) -> Dominators {
        let n = nodes.len();
        let mut d = Dominators {
            pos: vec![NOWHERE; n],
            node: vec![NOWHERE],
            idom: vec![EXIT],
            jump: vec![EXIT],
            depth: vec![0],
        };
        let mut cycle = CycleScratch::default();
        for c in 0..closing.count {
            let members = comps.members_of(c);
            if !nodes[members[0] as usize].reach.has(Flags::GROUNDED) {
                continue;
            }
            if let [v] = members {
                let p = d.place(*v);
                let idom = if nodes[*v as usize].reach.has(Flags::GROUND) {
                    EXIT
                } else {
                    d.meet_successors(arcs, *v, p)
                };
                d.settle(p, idom);
            } else {
                d.settle_cycle(arcs, members, &mut cycle);
            }
        }
        d
    }

    /// Gives node `v` the next position, not yet settled.
    fn place(&mut self, v: u32) -> u32 {
        let p = self.node.len() as u32;
        self.pos[v as usize] = p;
        self.node.push(v);
        self.idom.push(NOWHERE);
        self.jump.push(NOWHERE);
        self.depth.push(0);
        p
    }

    /// Fixes the immediate dominator of position `p`, with its depth and jump pointer.
    fn settle(&mut self, p: u32, idom: u32) {
        let (p, up) = (p as usize, idom as usize);
        self.idom[p] = idom;
        self.depth[p] = self.depth[up] + 1;
        let j = self.jump[up] as usize;
        let jj = self.jump[j] as usize;
        self.jump[p] = if self.depth[up] - self.depth[j] == self.depth[j] - self.depth[jj] {
            jj as u32
        } else {
            idom
        };
    }

    /// The nearest common dominator of the placed successors of `v` (at position `p`) whose
    /// immediate dominators are known; [`NOWHERE`] when there is none. Positions below
    /// `settled` have their jump pointers.
    fn meet_of(&self, arcs: &Arcs, v: u32, p: u32, settled: u32) -> u32 {
        let mut acc = NOWHERE;
        for &w in arcs.of(v as usize) {
            let q = self.pos[w as usize];
            if q == NOWHERE || q == p || self.idom[q as usize] == NOWHERE {
                continue;
            }
            acc = if acc == NOWHERE {
                q
            } else {
                self.meet(acc, q, settled)
            };
        }
        acc
    }

    fn meet_successors(&self, arcs: &Arcs, v: u32, p: u32) -> u32 {
        let idom = self.meet_of(arcs, v, p, p);
        debug_assert!(idom != NOWHERE, "a grounded node has a grounded successor");
        idom
    }

    /// The nearest common dominator of positions `a` and `b`.
    fn meet(&self, mut a: u32, mut b: u32, settled: u32) -> u32 {
        while a != b {
            if a > b {
                a = self.climb(a, b, settled);
            } else {
                b = self.climb(b, a, settled);
            }
        }
        a
    }

    /// The first of `a` and its dominators whose position is at most `t` (positions fall
    /// going up the tree, so everything skipped is above `t`).
    fn climb(&self, mut a: u32, t: u32, settled: u32) -> u32 {
        while a > t {
            let up = self.idom[a as usize];
            let far = if a < settled {
                self.jump[a as usize]
            } else {
                up
            };
            a = if far > t { far } else { up };
        }
        a
    }

    /// Places and settles the members of one component of several nodes (a cycle of S):
    /// positions in reverse postorder of a search of S reversed inside the component from
    /// its entries (the members with an arc out of it), then the iteration to a fixed point.
    fn settle_cycle(&mut self, arcs: &Arcs, members: &[u32], cycle: &mut CycleScratch) {
        let order = cycle.reverse_postorder(arcs, members, &self.pos);
        let first = self.node.len() as u32;
        for &v in &order {
            self.place(v);
        }
        loop {
            let mut changed = false;
            for &v in &order {
                let p = self.pos[v as usize];
                let idom = self.meet_of(arcs, v, p, first);
                debug_assert!(
                    idom != NOWHERE,
                    "a reverse postorder settles a predecessor first"
                );
                if self.idom[p as usize] != idom {
                    self.idom[p as usize] = idom;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        for p in first..self.node.len() as u32 {
            self.settle(p, self.idom[p as usize]);
        }
    }

    /// The chokepoints of node `v`: its dominators below the exit, nearest first.
    pub fn of(&self, v: usize) -> impl Iterator<Item = u32> + '_ {
        let mut p = self.pos[v];
        std::iter::from_fn(move || {
            if p == NOWHERE || p == EXIT {
                return None;
            }
            p = self.idom[p as usize];
            (p != EXIT).then(|| self.node[p as usize])
        })
    }

    /// How many chokepoints node `v` has, without walking them.
    pub fn count_of(&self, v: usize) -> usize {
        match self.pos[v] {
            NOWHERE | EXIT => 0,
            // Its depth counts itself.
            p => self.depth[p as usize] as usize - 1,
        }
    }

    /// For every node, whether `x` is one of its chokepoints: one pass down the tree.
    pub fn below(&self, x: usize) -> Vec<bool> {
        let mut under = vec![false; self.node.len()];
        let top = self.pos[x];
        for p in 1..self.node.len() {
            let up = self.idom[p] as usize;
            under[p] = (up as u32 == top && top != NOWHERE) || under[up];
        }
        self.per_node(&under)
    }

    /// For every node, whether one of its chokepoints passes `test`: one pass down the tree.
    pub fn any_above(&self, test: impl Fn(usize) -> bool) -> Vec<bool> {
        let mut any = vec![false; self.node.len()];
        for p in 1..self.node.len() {
            let up = self.idom[p] as usize;
            any[p] = (up != EXIT as usize && test(self.node[up] as usize)) || any[up];
        }
        self.per_node(&any)
    }

    /// For every node `x`, how many of the nodes passing `count` have `x` among their
    /// chokepoints: one pass up the tree.
    pub fn count_below(&self, count: impl Fn(usize) -> bool) -> Vec<u32> {
        let mut below = vec![0u32; self.node.len()];
        for p in (1..self.node.len()).rev() {
            let up = self.idom[p] as usize;
            below[up] += below[p] + u32::from(count(self.node[p] as usize));
        }
        let mut out = vec![0u32; self.pos.len()];
        for (p, &v) in self.node.iter().enumerate().skip(1) {
            out[v as usize] = below[p];
        }
        out
    }

    /// A per-position list as a per-node one (false for nodes that reach no ground).
    fn per_node(&self, by_pos: &[bool]) -> Vec<bool> {
        self.pos
            .iter()
            .map(|&p| p != NOWHERE && by_pos[p as usize])
            .collect()
    }
}

/// Working space for settling cycles, kept from one to the next.
#[derive(Default)]
struct CycleScratch {
    /// Per node: its index among the current component's members, or [`NOWHERE`].
    local: Vec<u32>,
    /// The component's arcs reversed, as compressed rows over member indices.
    rev_start: Vec<u32>,
    rev: Vec<u32>,
    seen: Vec<bool>,
}

impl CycleScratch {
    /// The members of a component of several nodes in reverse postorder of a search of S
    /// reversed that starts at every entry: a member with an arc to a placed node outside.
    /// Every member reaches an entry in S (the component reaches a ground), so the search
    /// finds them all, and each is found from a member or an outside node placed earlier.
    fn reverse_postorder(&mut self, arcs: &Arcs, members: &[u32], pos: &[u32]) -> Vec<u32> {
        if self.local.is_empty() {
            self.local = vec![NOWHERE; pos.len()];
        }
        let k = members.len();
        for (i, &m) in members.iter().enumerate() {
            self.local[m as usize] = i as u32;
        }
        self.rev_start.clear();
        self.rev_start.resize(k + 1, 0);
        let mut entries = Vec::new();
        for (i, &m) in members.iter().enumerate() {
            let mut entry = false;
            for &w in arcs.of(m as usize) {
                match self.local[w as usize] {
                    NOWHERE => entry |= pos[w as usize] != NOWHERE,
                    j => self.rev_start[j as usize + 1] += 1,
                }
            }
            if entry {
                entries.push(i as u32);
            }
        }
        for i in 0..k {
            self.rev_start[i + 1] += self.rev_start[i];
        }
        let mut fill = self.rev_start.clone();
        self.rev.clear();
        self.rev.resize(self.rev_start[k] as usize, 0);
        for (i, &m) in members.iter().enumerate() {
            for &w in arcs.of(m as usize) {
                let j = self.local[w as usize];
                if j != NOWHERE {
                    self.rev[fill[j as usize] as usize] = i as u32;
                    fill[j as usize] += 1;
                }
            }
        }
        let post = self.postorder(&entries, k);
        for &m in members {
            self.local[m as usize] = NOWHERE;
        }
        post.into_iter()
            .rev()
            .map(|i| members[i as usize])
            .collect()
    }

    /// Postorder of an iterative search over `rev` from each of `roots` in turn.
    fn postorder(&mut self, roots: &[u32], k: usize) -> Vec<u32> {
        self.seen.clear();
        self.seen.resize(k, false);
        let mut post = Vec::with_capacity(k);
        let mut stack: Vec<(u32, u32)> = Vec::new();
        for &r in roots {
            if self.seen[r as usize] {
                continue;
            }
            self.seen[r as usize] = true;
            stack.push((r, self.rev_start[r as usize]));
            while let Some((v, next)) = stack.last_mut() {
                if *next < self.rev_start[*v as usize + 1] {
                    let w = self.rev[*next as usize];
                    *next += 1;
                    if !self.seen[w as usize] {
                        self.seen[w as usize] = true;
                        stack.push((w, self.rev_start[w as usize]));
                    }
                } else {
                    post.push(*v);
                    stack.pop();
                }
            }
        }
        debug_assert_eq!(
            post.len(),
            k,
            "every member of a grounded cycle reaches an entry"
        );
        post
    }
}
