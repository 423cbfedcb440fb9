//! Claim matching: whether two texts state the same claim, and which existing claims of a
//! graph are closest to a text. `similar`, `ingest`, `add claim` and `import` all use it.
//!
//! The rule, in full:
//! 1. Each text becomes a set of terms (`analyze`): content words after light stemming
//!    and a few synonym classes (`words`), every name or alias of an entity replaced by
//!    the entity's id (`names`: "Pyongyang" = "North Korea" = `@north-korea`), numbers
//!    as values ("a million" = "1 million"; "3.2%" = "3.2 percent"), years and months.
//! 2. The score is the weighted Dice coefficient of the two sets: twice the weight of the
//!    terms in common over the weight of both sets. Every term weighs 1, except entity ids
//!    and dates, which weigh [`ENTITY_WEIGHT`] and [`DATE_WEIGHT`]: most claims of a graph
//!    name the same few countries, and the words say what is claimed about them.
//! 3. Hard guards, any one of which makes two texts different claims whatever the score:
//!    the numbers differ; one is negated and the other not; both give years (or months)
//!    and they differ; each names an entity the other does not (the same words about
//!    another country); both name where something went ("to Russia") and they differ.
//! 4. Two texts state the same claim when no guard fails and the score is at least
//!    [`THRESHOLD`].
//!
//! Searching a whole graph goes through an inverted index over the terms ([`ClaimIndex`]):
//! only claims that share one of a query's rarest terms can reach the score wanted, and only
//! those are scored.

mod analyze;
mod compare;
mod graph;
mod index;
mod names;
mod numbers;
mod tokens;
mod vocab;
mod words;

pub use analyze::Features;
pub use compare::{Comparison, Difference};
pub use graph::{close_claims, GraphMatcher, Hit};
pub use index::ClaimIndex;
pub use names::Names;
pub use vocab::{TermId, TermKind, Vocab};

use crate::graph::ClaimGraph;
use std::cell::RefCell;

/// The score from which two texts that pass every guard state the same claim.
pub const THRESHOLD: f64 = 0.7;
/// The lowest score `similar` lists.
pub const FLOOR: f64 = 0.3;
/// Whether `lower` is a word without content of its own ("the", "has", "said").
pub fn is_stop_word(lower: &str) -> bool {
    words::is_stop(lower)
}

/// The weight of an entity term (a content word weighs 1).
pub const ENTITY_WEIGHT: f64 = 0.5;
/// The weight of a year or month term.
pub const DATE_WEIGHT: f64 = 0.5;

/// Turns texts into [`Features`], knowing the names of a graph's entities, and compares
/// them. Features hold term ids of this matcher's vocabulary: compare them with the matcher
/// that made them.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    names: Names,
    vocab: RefCell<Vocab>,
}

impl Matcher {
    /// A matcher for `entities`: `(id, name and aliases)`.
    pub fn new<'a, I, N>(entities: I) -> Matcher
    where
        I: IntoIterator<Item = (&'a str, N)>,
        N: IntoIterator<Item = &'a str>,
    {
        Matcher {
            names: Names::new(entities),
            vocab: RefCell::default(),
        }
    }

    /// A matcher for the names and aliases of the entities of `g`.
    pub fn for_graph(g: &ClaimGraph) -> Matcher {
        let entities = g.entities().filter_map(|ix| g.entity(ix)).map(|e| {
            let forms =
                std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str));
            (e.id.as_str(), forms)
        });
        Matcher::new(entities)
    }

    /// The features of `text`.
    pub fn features(&self, text: &str) -> Features {
        analyze::features(text, &self.names, &mut self.vocab.borrow_mut())
    }

    /// The texts of terms, sorted (`@north-korea`, `#6700`, `send`).
    pub fn texts(&self, ids: &[TermId]) -> Vec<String> {
        let v = self.vocab.borrow();
        let mut out: Vec<String> = ids.iter().map(|&t| v.text(t).to_string()).collect();
        out.sort();
        out
    }

    /// The ids of the graph entities a text's features name.
    pub fn entities(&self, f: &Features) -> Vec<String> {
        let v = self.vocab.borrow();
        f.terms
            .iter()
            .filter(|&&t| v.kind(t) == TermKind::Entity)
            .map(|&t| v.text(t)[1..].to_string())
            .collect()
    }

    /// Compares two texts' features: the score and the first guard that fails.
    pub fn compare(&self, a: &Features, b: &Features) -> Comparison {
        compare::compare(&self.vocab.borrow(), a, b)
    }

    /// Whether the texts `a` and `b` state the same claim.
    pub fn same_claim(&self, a: &str, b: &str) -> Comparison {
        let (fa, fb) = (self.features(a), self.features(b));
        self.compare(&fa, &fb)
    }
}

#[cfg(test)]
mod tests;
