//! The terms a matcher has seen, each interned once as a small id with its kind and weight,
//! and what each distinct lower-case word of a text stands for, worked out once: a graph's
//! claims use few distinct words, so stemming and table look-ups run once per word, not once
//! per occurrence.

use super::{numbers, words, DATE_WEIGHT, ENTITY_WEIGHT};
use rustc_hash::FxHashMap;

/// A term's id in its matcher's [`Vocab`].
pub type TermId = u32;

/// What kind of thing a term is; its text starts with the kind's mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// A content word's stem (`send`, `container`).
    Word,
    /// An entity id (`@north-korea`).
    Entity,
    /// A number (`#6700`, `#3.2%`, `#ord3`).
    Number,
    /// A year or month (`~2023`, `~m8`).
    Date,
}

impl TermKind {
    fn of(term: &str) -> TermKind {
        match term.as_bytes().first() {
            Some(b'@') => TermKind::Entity,
            Some(b'#') => TermKind::Number,
            Some(b'~') => TermKind::Date,
            _ => TermKind::Word,
        }
    }

    /// The weight of a term of this kind in the score.
    pub fn weight(self) -> f64 {
        match self {
            TermKind::Entity => ENTITY_WEIGHT,
            TermKind::Date => DATE_WEIGHT,
            TermKind::Word | TermKind::Number => 1.0,
        }
    }
}

/// What a lower-case word stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WordClass {
    /// Carries no content.
    Stop,
    /// Negates the text.
    Negator,
    /// A month (1–12); `only_capital` for "May" and "March".
    Month { month: u8, only_capital: bool },
    /// An ordinal ("third").
    Ordinal(u32),
    /// A number word of two or more ("two", "twenty", "dozen").
    Count(f64),
    /// "a", "an" or "one": a number only before a multiplier ("a million").
    Unit,
    /// A content word, as a term.
    Term(TermId),
}

/// Interned terms and classified words.
#[derive(Debug, Default, Clone)]
pub struct Vocab {
    ids: FxHashMap<Box<str>, TermId>,
    texts: Vec<Box<str>>,
    kinds: Vec<TermKind>,
    words: FxHashMap<Box<str>, WordClass>,
}

impl Vocab {
    /// The id of `term`, interning it when new.
    pub fn intern(&mut self, term: &str) -> TermId {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.texts.len() as TermId;
        self.ids.insert(term.into(), id);
        self.texts.push(term.into());
        self.kinds.push(TermKind::of(term));
        id
    }

    /// The id of `term` if it has been seen.
    pub fn get(&self, term: &str) -> Option<TermId> {
        self.ids.get(term).copied()
    }

    /// The text of a term.
    pub fn text(&self, id: TermId) -> &str {
        &self.texts[id as usize]
    }

    /// The kind of a term.
    pub fn kind(&self, id: TermId) -> TermKind {
        self.kinds[id as usize]
    }

    /// The weight of a term.
    pub fn weight(&self, id: TermId) -> f64 {
        self.kind(id).weight()
    }

    /// Number of terms interned.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// Whether no term is interned.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// What the lower-case word `lower` stands for.
    pub fn class(&mut self, lower: &str) -> WordClass {
        if let Some(&c) = self.words.get(lower) {
            return c;
        }
        let c = self.classify(lower);
        self.words.insert(lower.into(), c);
        c
    }

    fn classify(&mut self, lower: &str) -> WordClass {
        if words::is_negator(lower) {
            return WordClass::Negator;
        }
        if let Some(month) = numbers::month(lower, true) {
            let only_capital = numbers::month(lower, false).is_none();
            return WordClass::Month {
                month,
                only_capital,
            };
        }
        if let Some(n) = numbers::ordinal_word(lower) {
            return WordClass::Ordinal(n);
        }
        if let Some(v) = numbers::number_word(lower).filter(|&v| v >= 2.0) {
            return WordClass::Count(v);
        }
        if matches!(lower, "a" | "an" | "one") {
            return WordClass::Unit;
        }
        if words::is_stop(lower)
            || lower.chars().count() < 2
            || !lower.chars().any(char::is_alphabetic)
        {
            return WordClass::Stop;
        }
        WordClass::Term(self.intern(&words::term(lower)))
    }
}
