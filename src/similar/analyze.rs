//! A claim's text as the features matching compares: its terms (content words, entity ids,
//! numbers, dates), whether it is negated, which entities it names as recipients ("to
//! Russia") or origins ("from Iran"), and the proper names it uses that are no entity's.

use super::names::{Named, Names};
use super::numbers;
use super::tokens::{self, Token};
use super::vocab::{TermId, Vocab, WordClass};
use crate::text::fold_name;

/// What matching knows of one text; term ids belong to one matcher's vocabulary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Features {
    /// Sorted and deduplicated: content words as their term (`send`, `container`), entities
    /// as `@id`, numbers as `#6700` or `#3.2%`, years as `~2023`, months as `~m8`.
    pub terms: Vec<TermId>,
    /// A negating word is present ("not", "never", "denied", "didn't").
    pub negated: bool,
    /// Entity terms that follow "to" or "into": where something went.
    pub to: Vec<TermId>,
    /// Entity terms that follow "from": where something came from.
    pub from: Vec<TermId>,
    /// Terms of capitalized words that name no known entity ("Tumangang", "Nampo"), the
    /// first word of the text aside: proper names, which two texts must not contradict.
    pub names: Vec<TermId>,
}

/// The features of `text`, with entity names folded by `names`, terms interned in `vocab`.
pub fn features(text: &str, names: &Names, vocab: &mut Vocab) -> Features {
    let mut f = Features::default();
    features_into(text, names, vocab, &mut f);
    f
}

/// [`features`] into `out`, reusing its lists.
pub fn features_into(text: &str, names: &Names, vocab: &mut Vocab, out: &mut Features) {
    for list in [&mut out.terms, &mut out.to, &mut out.from, &mut out.names] {
        list.clear();
    }
    out.negated = false;
    let tokens = tokens::tokens(text);
    let mut w = Walk {
        tokens: &tokens,
        names,
        vocab,
        f: std::mem::take(out),
        i: 0,
    };
    while w.i < tokens.len() {
        w.step();
    }
    *out = w.f;
    for list in [&mut out.terms, &mut out.to, &mut out.from, &mut out.names] {
        list.sort_unstable();
        list.dedup();
    }
}

struct Walk<'a, 'v> {
    tokens: &'a [Token<'a>],
    names: &'a Names,
    vocab: &'v mut Vocab,
    f: Features,
    i: usize,
}

impl Walk<'_, '_> {
    fn word(&self, i: usize) -> Option<&str> {
        match self.tokens.get(i) {
            Some(Token::Word { lower, .. }) => Some(lower.as_ref()),
            _ => None,
        }
    }

    fn push(&mut self, term: &str) -> TermId {
        let id = self.vocab.intern(term);
        self.f.terms.push(id);
        id
    }

    fn step(&mut self) {
        let i = self.i;
        let tokens = self.tokens;
        match &tokens[i] {
            Token::Break => self.i += 1,
            Token::Number {
                value,
                integer,
                grouped,
                percent,
                suffix,
            } => {
                self.i += 1;
                let plain = *integer && !*grouped && suffix.is_empty();
                self.number(*value, plain, *percent, suffix)
            }
            Token::Word { lower, capital, .. } => {
                if *capital && self.entity() {
                    return;
                }
                self.i += 1;
                self.plain_word(lower, *capital, i > 0);
            }
        }
    }

    /// Tries the longest entity name starting here; on a match, records it and moves on.
    fn entity(&mut self) -> bool {
        let i = self.i;
        let Some(Token::Word { raw, lower, .. }) = self.tokens.get(i) else {
            return false;
        };
        // A plain ASCII word folds to its lower case: no need to fold it again.
        let folded = if raw.bytes().all(|b| b.is_ascii_alphanumeric()) {
            lower.to_string()
        } else {
            fold_name(raw)
        };
        let first = folded.split(' ').next().unwrap_or("");
        let longest = self.names.longest_from(first);
        if longest == 0 {
            return false;
        }
        let mut raws: Vec<&str> = Vec::new();
        for t in &self.tokens[i..] {
            match t {
                Token::Word { raw, .. } if raws.len() < longest => raws.push(raw),
                _ => break,
            }
        }
        for n in (1..=raws.len()).rev() {
            let key = if n == 1 {
                folded.clone()
            } else {
                fold_name(&raws[..n].join(" "))
            };
            let term = match self.names.get(&key) {
                Some(Named::Entity(id)) => format!("@{id}"),
                Some(Named::Country(c)) => format!("@{c}"),
                _ => continue,
            };
            let id = self.push(&term);
            match i.checked_sub(1).and_then(|p| self.word(p)) {
                Some("to" | "into") => self.f.to.push(id),
                Some("from") => self.f.from.push(id),
                _ => {}
            }
            self.i = i + n;
            return true;
        }
        false
    }

    fn plain_word(&mut self, lower: &str, capital: bool, inside: bool) {
        match self.vocab.class(lower) {
            WordClass::Stop => {}
            WordClass::Negator => {
                let not_only = lower == "not" && self.word(self.i) == Some("only");
                self.f.negated |= !not_only;
            }
            WordClass::Month {
                month,
                only_capital,
            } => {
                if capital || !only_capital {
                    self.push(&format!("~m{month}"));
                }
            }
            WordClass::Ordinal(n) => {
                self.push(&format!("#ord{n}"));
            }
            WordClass::Count(v) => {
                let mut v = v;
                // "twenty four", "twenty-four"
                if v >= 20.0 && v % 10.0 == 0.0 {
                    if let Some(u) = self.word(self.i).and_then(numbers::number_word) {
                        if u < 10.0 {
                            v += u;
                            self.i += 1;
                        }
                    }
                }
                self.number(v, false, false, "");
            }
            WordClass::Unit => {
                if self.word(self.i).and_then(numbers::multiplier).is_some() {
                    self.number(1.0, false, false, "");
                } else if lower == "one" {
                    self.push("one");
                }
            }
            WordClass::Term(id) => {
                self.f.terms.push(id);
                if capital && inside {
                    self.f.names.push(id);
                }
            }
        }
    }

    /// Records a number (its token already passed), with a multiplier word or suffix and a
    /// "percent" after it. A bare integer between 1800 and 2100 is a year. `plain` says the
    /// number had no separator, decimal or suffix.
    fn number(&mut self, value: f64, plain: bool, percent: bool, suffix: &str) {
        let mut value = value;
        let mut percent = percent;
        let mut scaled = false;
        if let Some(m) = numbers::multiplier(suffix) {
            value *= m;
            scaled = true;
        } else if matches!(suffix, "st" | "nd" | "rd" | "th") {
            self.push(&format!("#ord{value}"));
            return;
        }
        if let Some(m) = self.word(self.i).and_then(numbers::multiplier) {
            value *= m;
            scaled = true;
            self.i += 1;
        }
        match self.word(self.i) {
            Some("percent" | "pct" | "percentage") => {
                percent = true;
                self.i += 1;
            }
            Some("per") if self.word(self.i + 1) == Some("cent") => {
                percent = true;
                self.i += 2;
            }
            _ => {}
        }
        if plain && !scaled && !percent && numbers::is_year(value) {
            self.push(&format!("~{value}"));
        } else {
            self.push(&numbers::term(value, percent));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Matcher;

    fn terms(text: &str) -> Vec<String> {
        let m = Matcher::new([
            ("north-korea", vec!["North Korea", "Pyongyang"]),
            ("russia", vec!["Russia", "Moscow"]),
        ]);
        let f = m.features(text);
        m.texts(&f.terms)
    }

    #[test]
    fn entities_fold_to_ids_with_their_role() {
        let m = Matcher::new([
            ("north-korea", vec!["North Korea", "Pyongyang"]),
            ("russia", vec!["Russia", "Moscow"]),
        ]);
        let a = m.features("Pyongyang has shipped shells to Moscow.");
        assert_eq!(
            m.texts(&a.terms),
            ["@north-korea", "@russia", "munition", "send"]
        );
        assert_eq!(m.texts(&a.to), ["@russia"]);
        let b = m.features("North Korean shells were sent to Russia's army.");
        assert!(m.texts(&b.terms).contains(&"@north-korea".to_string()));
        assert_eq!(m.texts(&b.to), ["@russia"]);
    }

    #[test]
    fn numbers_in_every_spelling_agree() {
        for t in [
            "a million shells",
            "one million shells",
            "1 million shells",
            "1,000,000 shells",
            "1m shells",
        ] {
            assert_eq!(terms(t), ["#1000000", "munition"], "{t}");
        }
        assert_eq!(terms("3.2 percent"), terms("3.2%"));
        assert_eq!(terms("3.2 per cent"), ["#3.2%"]);
        assert_eq!(terms("$2.3bn"), ["#2300000000"]);
        assert_eq!(terms("US$2.3 billion"), ["#2300000000"]);
        assert_eq!(terms("twenty-four soldiers"), ["#24", "soldier"]);
        assert_ne!(terms("6,700 containers"), terms("6,000 containers"));
    }

    #[test]
    fn years_months_and_negation() {
        let m = Matcher::default();
        let a = m.features("Since August 2023 North Korea has not sent arms.");
        assert!(a.negated);
        let t = m.texts(&a.terms);
        assert!(t.contains(&"~2023".to_string()) && t.contains(&"~m8".to_string()));
        assert!(!m.features("not only shells but missiles").negated);
        assert!(m.features("Moscow didn't pay").negated);
        assert!(terms("in the third quarter").contains(&"#ord3".to_string()));
        assert!(!terms("it may rain").iter().any(|t| t.starts_with('~')));
    }
}
