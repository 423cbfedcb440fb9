//! Comparing two texts' features: the weighted Dice score of their terms and the hard
//! guards (numbers, negation, dates, entities and names, opposite words, recipients) any one
//! of which makes them different claims.

use super::numbers;
use super::vocab::{TermId, TermKind, Vocab};
use super::words;
use super::Features;
use serde::Serialize;
use std::fmt;

/// The score and the first guard that fails, for two texts' features.
pub fn compare(v: &Vocab, a: &Features, b: &Features) -> Comparison {
    Comparison {
        score: score(v, &a.terms, &b.terms),
        differs: guard(v, a, b),
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
        self.differs.is_none() && self.score >= super::THRESHOLD
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
pub fn intersection<'a>(a: &'a [TermId], b: &'a [TermId]) -> impl Iterator<Item = TermId> + 'a {
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
