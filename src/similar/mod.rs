//! Claim matching: whether two texts state the same claim, and which existing claims of a
//! graph are closest to a text. `similar`, `ingest`, `add claim` and `import` all use it.
//!
//! The rule, in full:
//! 1. Each text becomes a set of terms ([`analyze`]): content words after light stemming
//!    and a few synonym classes ([`words`]), every name or alias of an entity replaced by
//!    the entity's id ([`names`]: "Pyongyang" = "North Korea" = `@north-korea`), numbers
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
mod index;
mod names;
mod numbers;
mod vocab;
mod words;

pub use analyze::Features;
pub use index::ClaimIndex;
pub use names::Names;
pub use vocab::{TermId, TermKind, Vocab};

use crate::graph::{ClaimGraph, NodeIx};
use crate::model::Id;
use serde::Serialize;
use std::cell::RefCell;
use std::fmt;

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
        let v = self.vocab.borrow();
        Comparison {
            score: score(&v, &a.terms, &b.terms),
            differs: guard(&v, a, b),
        }
    }

    /// Whether the texts `a` and `b` state the same claim.
    pub fn same_claim(&self, a: &str, b: &str) -> Comparison {
        let (fa, fb) = (self.features(a), self.features(b));
        self.compare(&fa, &fb)
    }
}

/// Why two texts that may share many words are not the same claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "guard", rename_all = "lowercase")]
pub enum Difference {
    /// The numbers differ (as people write them: "6,700", "3.2%").
    Numbers {
        left: Vec<String>,
        right: Vec<String>,
    },
    /// One is negated, the other not.
    Negation { left: bool, right: bool },
    /// Both give years or months, and they differ.
    Dates {
        left: Vec<String>,
        right: Vec<String>,
    },
    /// Each names an entity (or a proper name) the other does not.
    Entities {
        left: Vec<String>,
        right: Vec<String>,
    },
    /// One says a word the other says the opposite of ("rose" / "fell").
    Opposites { left: String, right: String },
    /// Both say where something went, and it differs.
    Recipients {
        left: Vec<String>,
        right: Vec<String>,
    },
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |v: &[String]| {
            if v.is_empty() {
                "none".to_string()
            } else {
                v.join(", ")
            }
        };
        match self {
            Difference::Numbers { left, right } => {
                write!(f, "numbers differ: {} / {}", list(left), list(right))
            }
            Difference::Negation { left, .. } => {
                let which = if *left { "this text" } else { "the claim" };
                write!(f, "negation differs: only {which} is negated")
            }
            Difference::Dates { left, right } => {
                write!(f, "dates differ: {} / {}", list(left), list(right))
            }
            Difference::Entities { left, right } => {
                write!(f, "entities differ: {} / {}", list(left), list(right))
            }
            Difference::Opposites { left, right } => {
                write!(f, "opposite words: {left} / {right}")
            }
            Difference::Recipients { left, right } => {
                write!(f, "recipients differ: {} / {}", list(left), list(right))
            }
        }
    }
}

/// How two texts compare.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The weighted Dice coefficient of their terms, 0 to 1.
    pub score: f64,
    /// The first guard that fails, if any.
    pub differs: Option<Difference>,
}

impl Comparison {
    /// Whether the two texts state the same claim.
    pub fn same(&self) -> bool {
        self.differs.is_none() && self.score >= THRESHOLD
    }
}

/// The weighted Dice coefficient of two sorted term lists.
fn score(v: &Vocab, a: &[TermId], b: &[TermId]) -> f64 {
    let total: f64 = a.iter().chain(b).map(|&t| v.weight(t)).sum();
    if total == 0.0 {
        return 0.0;
    }
    let shared: f64 = intersection(a, b).map(|t| v.weight(t)).sum();
    2.0 * shared / total
}

/// The terms two sorted lists share.
fn intersection<'a>(a: &'a [TermId], b: &'a [TermId]) -> impl Iterator<Item = TermId> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some(a[i - 1]);
                }
            }
        }
        None
    })
}

/// A term as people write it: `#6700` → `6,700`, `~m8` → `August`, `@nis` → `nis`.
fn shown(v: &Vocab, t: TermId) -> String {
    let text = v.text(t);
    match v.kind(t) {
        TermKind::Number => numbers::display(text),
        TermKind::Date => date_display(text),
        TermKind::Entity => text[1..].to_string(),
        TermKind::Word => text.to_string(),
    }
}

fn shown_all(v: &Vocab, ts: impl Iterator<Item = TermId>) -> Vec<String> {
    ts.map(|t| shown(v, t)).collect()
}

/// The first hard guard that `a` and `b` fail.
fn guard(v: &Vocab, a: &Features, b: &Features) -> Option<Difference> {
    if a.negated != b.negated {
        return Some(Difference::Negation {
            left: a.negated,
            right: b.negated,
        });
    }
    let of = |f: &Features, kind: TermKind| -> Vec<TermId> {
        f.terms
            .iter()
            .copied()
            .filter(|&t| v.kind(t) == kind)
            .collect()
    };
    let (na, nb) = (of(a, TermKind::Number), of(b, TermKind::Number));
    if na != nb {
        return Some(Difference::Numbers {
            left: shown_all(v, na.into_iter()),
            right: shown_all(v, nb.into_iter()),
        });
    }
    let (da, db) = (of(a, TermKind::Date), of(b, TermKind::Date));
    for months in [true, false] {
        let pick = |d: &[TermId]| -> Vec<TermId> {
            d.iter()
                .copied()
                .filter(|&t| v.text(t).starts_with("~m") == months)
                .collect()
        };
        let (x, y) = (pick(&da), pick(&db));
        if !x.is_empty() && !y.is_empty() && x != y {
            return Some(Difference::Dates {
                left: shown_all(v, da.into_iter()),
                right: shown_all(v, db.into_iter()),
            });
        }
    }
    let (left, right) = (unshared_names(v, a, b), unshared_names(v, b, a));
    if !left.is_empty() && !right.is_empty() {
        return Some(Difference::Entities {
            left: shown_all(v, left.into_iter()),
            right: shown_all(v, right.into_iter()),
        });
    }
    let has =
        |f: &Features, t: Option<TermId>| t.is_some_and(|t| f.terms.binary_search(&t).is_ok());
    for (x, y) in words::opposites() {
        let (x, y) = (v.get(x), v.get(y));
        for (p, q, flip) in [(a, b, false), (b, a, true)] {
            if has(p, x) && !has(p, y) && has(q, y) && !has(q, x) {
                let (l, r) = (shown(v, x.expect("had")), shown(v, y.expect("had")));
                let (left, right) = if flip { (r, l) } else { (l, r) };
                return Some(Difference::Opposites { left, right });
            }
        }
    }
    if !a.to.is_empty() && !b.to.is_empty() && a.to != b.to {
        return Some(Difference::Recipients {
            left: shown_all(v, a.to.iter().copied()),
            right: shown_all(v, b.to.iter().copied()),
        });
    }
    None
}

/// The entities and proper names of `a` that `b` does not have (a name counts as had when
/// `b` has the word at all, capitalized or not).
fn unshared_names(v: &Vocab, a: &Features, b: &Features) -> Vec<TermId> {
    let entities = a
        .terms
        .iter()
        .copied()
        .filter(|&t| v.kind(t) == TermKind::Entity);
    entities
        .chain(a.names.iter().copied())
        .filter(|t| b.terms.binary_search(t).is_err())
        .collect()
}

/// A date term as people write it: `~2023`, `~m8` → `August`.
fn date_display(t: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match t.strip_prefix("~m").and_then(|m| m.parse::<usize>().ok()) {
        Some(m) if (1..=12).contains(&m) => MONTHS[m - 1].to_string(),
        _ => t.trim_start_matches('~').to_string(),
    }
}

/// One claim close to a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: Id,
    pub text: String,
    pub score: f64,
    /// Whether it states the same claim (no guard fails and the score reaches the
    /// threshold).
    pub same: bool,
    /// The guard that makes it a different claim, if any.
    pub differs: Option<Difference>,
}

/// The claims of `g` closest to `text` that state the same claim or score at least
/// `near`, best first, at most `limit` (what `add claim` warns about).
pub fn close_claims(g: &ClaimGraph, text: &str, near: f64, limit: usize) -> Vec<Hit> {
    let m = GraphMatcher::new(g);
    let q = m.matcher().features(text);
    m.similar(&q, limit, None)
        .into_iter()
        .filter(|h| h.same || h.score >= near)
        .collect()
}

/// Where a claim of a [`GraphMatcher`] comes from.
#[derive(Debug, Clone)]
enum Slot {
    Graph(NodeIx),
    Added(Id, String),
}

/// A graph's claims, indexed for matching; claims planned but not yet written can be added.
pub struct GraphMatcher<'g> {
    graph: &'g ClaimGraph,
    matcher: Matcher,
    index: ClaimIndex,
    slots: Vec<Slot>,
}

impl<'g> GraphMatcher<'g> {
    /// Indexes every claim of `g`.
    pub fn new(g: &'g ClaimGraph) -> GraphMatcher<'g> {
        let names = crate::timing::phase("names");
        let matcher = Matcher::for_graph(g);
        drop(names);
        let _t = crate::timing::phase("index");
        let mut index = ClaimIndex::default();
        let mut slots = Vec::new();
        let mut f = Features::default();
        for ix in g.claims() {
            if let Some(c) = g.claim(ix) {
                analyze::features_into(
                    &c.text,
                    &matcher.names,
                    &mut matcher.vocab.borrow_mut(),
                    &mut f,
                );
                index.push(&f, &matcher.vocab.borrow());
                slots.push(Slot::Graph(ix));
            }
        }
        index.seal(&matcher.vocab.borrow());
        GraphMatcher {
            graph: g,
            matcher,
            index,
            slots,
        }
    }

    /// The matcher (entity names of the graph).
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Adds a claim that is not in the graph yet (a claim an ingest plan makes).
    pub fn add(&mut self, id: Id, text: String) {
        let f = self.matcher.features(&text);
        self.index.push(&f, &self.matcher.vocab.borrow());
        self.slots.push(Slot::Added(id, text));
    }

    fn slot(&self, slot: usize) -> (&Id, &str) {
        match &self.slots[slot] {
            Slot::Graph(ix) => {
                let c = self.graph.claim(*ix).expect("claim slots hold claims");
                (&c.id, &c.text)
            }
            Slot::Added(id, text) => (id, text),
        }
    }

    /// The claims closest to `query`, best first, at most `limit`, scoring at least
    /// [`FLOOR`]; `exclude` leaves one claim out (the query's own).
    pub fn similar(&self, query: &Features, limit: usize, exclude: Option<&str>) -> Vec<Hit> {
        let _t = crate::timing::phase("search");
        self.hits(query, FLOOR, exclude).take(limit).collect()
    }

    /// The existing claim that states the same claim as `query`, if any: the best-scoring
    /// one that passes every guard.
    pub fn same_as(&self, query: &Features) -> Option<Hit> {
        self.hits(query, THRESHOLD, None).find(|h| h.same)
    }

    fn hits<'s>(
        &'s self,
        query: &'s Features,
        floor: f64,
        exclude: Option<&'s str>,
    ) -> impl Iterator<Item = Hit> + 's {
        let candidates = self
            .index
            .candidates(query, floor, &self.matcher.vocab.borrow());
        candidates.into_iter().filter_map(move |(slot, _)| {
            let (id, text) = self.slot(slot);
            if exclude == Some(id.as_str()) {
                return None;
            }
            let c = self.matcher.compare(query, &self.index.features(slot));
            Some(Hit {
                id: id.clone(),
                text: text.to_string(),
                score: (c.score * 1000.0).round() / 1000.0,
                same: c.same(),
                differs: c.differs,
            })
        })
    }
}

#[cfg(test)]
mod tests;
