//! What a node of S reaches, as the fold over the condensation computes it: [`Reach`], from
//! which every tag-independent predicate of docs/format.md §2.2 is read, and the two small
//! types it is made of, [`One`] ("the one node of a set, if it has exactly one") and
//! [`Flags`].

/// The one node of a set of nodes: none yet, exactly this one, or several. Joining two is
/// a few comparisons the processor does without branching.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct One(u32);

impl One {
    /// The empty set.
    pub const NONE: One = One(u32::MAX);
    /// Two or more different nodes.
    pub const SEVERAL: One = One(u32::MAX - 1);

    /// The set holding only node `v` (a node index: far below the two values above).
    pub fn of(v: u32) -> One {
        debug_assert!(v < One::SEVERAL.0);
        One(v)
    }

    /// The union: none joins to the other, equal ones to themselves, else several.
    pub fn join(self, o: One) -> One {
        if self == One::NONE {
            o
        } else if o == One::NONE || self == o {
            self
        } else {
            One::SEVERAL
        }
    }

    /// The value as stored.
    pub fn raw(self) -> u32 {
        self.0
    }

    /// The set stored as `v`.
    pub fn from_raw(v: u32) -> One {
        One(v)
    }

    /// The node, when the set holds exactly one.
    pub fn get(self) -> Option<u32> {
        (self != One::NONE && self != One::SEVERAL).then_some(self.0)
    }
}

/// Facts about a node as bits. [`Flags::JOINED`] ones are joined along arcs (a node has them
/// when something it reaches has them); the others are the node's own.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub(super) struct Flags(u32);

impl Flags {
    /// Some ground is reachable.
    pub const GROUNDED: Flags = Flags(1);
    /// Some node on a cycle is reachable (the node itself included).
    pub const CIRCULAR: Flags = Flags(2);
    /// The node lies on a cycle.
    pub const CYCLIC: Flags = Flags(4);
    /// The node is a ground: an entity that cites nothing (and is not discredited).
    pub const GROUND: Flags = Flags(8);
    /// Some entity (not discredited) asserts the node.
    pub const ASSERTED: Flags = Flags(16);
    /// Some entity (not discredited) denies the node.
    pub const DENIED: Flags = Flags(32);
    /// The node is a claim that cites nothing, so it rests on its asserters.
    pub const BY_ASSERTERS: Flags = Flags(64);
    /// The node is discredited: it and its arcs are not in S.
    pub const REMOVED: Flags = Flags(128);
    /// The node is a claim.
    pub const CLAIM: Flags = Flags(256);

    const JOINED: Flags = Flags(Flags::GROUNDED.0 | Flags::CIRCULAR.0);
    const OWN: Flags = Flags(
        Flags::GROUND.0
            | Flags::ASSERTED.0
            | Flags::DENIED.0
            | Flags::BY_ASSERTERS.0
            | Flags::REMOVED.0
            | Flags::CLAIM.0,
    );

    /// Whether every bit of `f` is set.
    pub fn has(self, f: Flags) -> bool {
        self.0 & f.0 == f.0
    }

    /// The bits as stored.
    pub fn raw(self) -> u32 {
        self.0
    }

    /// The flags stored as `v`.
    pub fn from_raw(v: u32) -> Flags {
        Flags(v)
    }

    /// Only the node's own bits.
    pub fn own(self) -> Flags {
        Flags(self.0 & Flags::OWN.0)
    }

    /// Only the bits joined along arcs.
    fn joined(self) -> Flags {
        Flags(self.0 & Flags::JOINED.0)
    }
}

impl std::ops::BitOr for Flags {
    type Output = Flags;
    fn bitor(self, o: Flags) -> Flags {
        Flags(self.0 | o.0)
    }
}

impl std::ops::BitOrAssign for Flags {
    fn bitor_assign(&mut self, o: Flags) {
        self.0 |= o.0;
    }
}

/// What a node's component reaches: its one ground and the one origin of its grounds, the
/// tag bits every ground reached carries, and the flags.
#[derive(Clone, Copy, Debug)]
pub(super) struct Reach {
    pub sole: One,
    pub origin: One,
    pub tags: u32,
    pub flags: Flags,
}

impl Reach {
    /// Reaches nothing: no ground, so every ground "has" every tag.
    pub const NOTHING: Reach = Reach {
        sole: One::NONE,
        origin: One::NONE,
        tags: u32::MAX,
        flags: Flags(0),
    };

    /// What reaching both `self` and `o` reaches (the node's own flags are `self`'s).
    pub fn join(self, o: Reach) -> Reach {
        Reach {
            sole: self.sole.join(o.sole),
            origin: self.origin.join(o.origin),
            tags: self.tags & o.tags,
            flags: self.flags | o.flags.joined(),
        }
    }

    /// `self` (what a node's arcs reach, and whether it is on a cycle) with the node's own
    /// flags from `own`.
    pub fn with_own(self, own: Flags) -> Reach {
        Reach {
            flags: self.flags | own.own(),
            ..self
        }
    }

    pub fn has(&self, f: Flags) -> bool {
        self.flags.has(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_joins_to_several_only_for_two_different_nodes() {
        let (a, b) = (One::of(3), One::of(7));
        assert_eq!(One::NONE.join(a), a);
        assert_eq!(a.join(One::NONE), a);
        assert_eq!(a.join(a), a);
        assert_eq!(a.join(b), One::SEVERAL);
        assert_eq!(One::SEVERAL.join(a), One::SEVERAL);
        assert_eq!(a.get(), Some(3));
        assert_eq!(One::NONE.get(), None);
        assert_eq!(One::SEVERAL.get(), None);
    }

    #[test]
    fn a_join_keeps_its_own_flags_and_takes_only_joined_ones() {
        let mine = Reach {
            flags: Flags::ASSERTED,
            ..Reach::NOTHING
        };
        let theirs = Reach {
            flags: Flags::GROUND | Flags::GROUNDED | Flags::DENIED | Flags::CYCLIC,
            ..Reach::NOTHING
        };
        let r = mine.join(theirs);
        assert!(r.has(Flags::GROUNDED) && r.has(Flags::ASSERTED));
        assert!(!r.has(Flags::GROUND) && !r.has(Flags::DENIED) && !r.has(Flags::CYCLIC));
    }
}
