//! A claim's text as the features matching compares: its terms (content words, entity ids,
//! numbers, dates), whether it is negated, and which entities it names as recipients
//! ("to Russia") or origins ("from Iran").

use super::names::{Named, Names};
use super::numbers;
use super::words::{self, Token};
use crate::text::fold_name;

/// What matching knows of one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Features {
    /// Sorted and deduplicated: content words as their term (`send`, `container`), entities
    /// as `@id`, numbers as `#6700` or `#3.2%`, years as `~2023`, months as `~m8`.
    pub terms: Vec<String>,
    /// A negating word is present ("not", "never", "denied", "didn't").
    pub negated: bool,
    /// Entity terms that follow "to" or "into": where something went.
    pub to: Vec<String>,
    /// Entity terms that follow "from": where something came from.
    pub from: Vec<String>,
    /// Terms of capitalized words that name no known entity ("Tumangang", "Nampo"), the
    /// first word of the text aside: proper names, which two texts must not contradict.
    pub names: Vec<String>,
}

impl Features {
    /// The terms of one kind, by prefix (`@`, `#`, `~`).
    pub fn of_kind(&self, prefix: char) -> impl Iterator<Item = &str> + '_ {
        self.terms
            .iter()
            .filter(move |t| t.starts_with(prefix))
            .map(String::as_str)
    }

    /// The ids of the graph entities the text names (`@` terms).
    pub fn entities(&self) -> impl Iterator<Item = &str> + '_ {
        self.of_kind('@').map(|t| &t[1..])
    }
}

/// The features of `text`, with entity names folded by `names`.
pub fn features(text: &str, names: &Names) -> Features {
    let tokens = words::tokens(text);
    let mut w = Walk {
        tokens: &tokens,
        names,
        f: Features::default(),
        i: 0,
    };
    while w.i < tokens.len() {
        w.step();
    }
    let mut f = w.f;
    for list in [&mut f.terms, &mut f.to, &mut f.from, &mut f.names] {
        list.sort_unstable();
        list.dedup();
    }
    f
}

struct Walk<'a> {
    tokens: &'a [Token],
    names: &'a Names,
    f: Features,
    i: usize,
}

impl Walk<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        match self.tokens.get(i) {
            Some(Token::Word { lower, .. }) => Some(lower),
            _ => None,
        }
    }

    fn step(&mut self) {
        let i = self.i;
        match &self.tokens[i] {
            Token::Break => self.i += 1,
            Token::Number {
                value,
                integer,
                grouped,
                percent,
                suffix,
            } => {
                let (value, integer, grouped, percent) = (*value, *integer, *grouped, *percent);
                self.number(
                    value,
                    integer && !grouped && suffix.is_empty(),
                    percent,
                    suffix,
                )
            }
            Token::Word { lower, capital, .. } => {
                let (lower, capital) = (lower.clone(), *capital);
                if capital && self.entity() {
                    return;
                }
                self.i += 1;
                self.plain_word(&lower, capital, i > 0);
            }
        }
    }

    /// Tries the longest entity name starting here; on a match, records it and moves on.
    fn entity(&mut self) -> bool {
        let i = self.i;
        let Some(Token::Word { raw, .. }) = self.tokens.get(i) else {
            return false;
        };
        let folded = fold_name(raw);
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
            let key = fold_name(&raws[..n].join(" "));
            let term = match self.names.get(&key) {
                Some(Named::Entity(id)) => format!("@{id}"),
                Some(Named::Country(c)) => format!("@{c}"),
                _ => continue,
            };
            match i.checked_sub(1).and_then(|p| self.word(p)) {
                Some("to" | "into") => self.f.to.push(term.clone()),
                Some("from") => self.f.from.push(term.clone()),
                _ => {}
            }
            self.f.terms.push(term);
            self.i = i + n;
            return true;
        }
        false
    }

    fn plain_word(&mut self, lower: &str, capital: bool, inside: bool) {
        if words::is_negator(lower) {
            let not_only = lower == "not" && self.word(self.i) == Some("only");
            self.f.negated |= !not_only;
            return;
        }
        if let Some(m) = numbers::month(lower, capital) {
            self.f.terms.push(format!("~m{m}"));
            return;
        }
        if let Some(n) = numbers::ordinal_word(lower) {
            self.f.terms.push(format!("#ord{n}"));
            return;
        }
        let counts = numbers::number_word(lower).filter(|&v| v >= 2.0);
        let before_multiplier = matches!(lower, "a" | "an" | "one")
            && self.word(self.i).and_then(numbers::multiplier).is_some();
        if let Some(v) = counts.or(before_multiplier.then_some(1.0)) {
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
            return;
        }
        if words::is_stop(lower) || lower.chars().count() < 2 {
            return;
        }
        if lower.chars().any(|c| c.is_alphabetic()) {
            let term = words::term(lower);
            if capital && inside {
                self.f.names.push(term.clone());
            }
            self.f.terms.push(term);
        }
    }

    /// Records a number whose token (or number word) was at `self.i`, with a multiplier
    /// word or suffix and a "percent" after it. A bare integer between 1800 and 2100 is a
    /// year. `plain` says the number had no separator, decimal or suffix.
    fn number(&mut self, value: f64, plain: bool, percent: bool, suffix: &str) {
        if matches!(self.tokens.get(self.i), Some(Token::Number { .. })) {
            self.i += 1;
        }
        let mut value = value;
        let mut percent = percent;
        let mut scaled = false;
        if let Some(m) = numbers::multiplier(suffix) {
            value *= m;
            scaled = true;
        } else if matches!(suffix, "st" | "nd" | "rd" | "th") {
            self.f.terms.push(format!("#ord{value}"));
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
            self.f.terms.push(format!("~{value}"));
        } else {
            self.f.terms.push(numbers::term(value, percent));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(text: &str) -> Features {
        let names = Names::new([
            ("north-korea", vec!["North Korea", "Pyongyang"]),
            ("russia", vec!["Russia", "Moscow"]),
        ]);
        features(text, &names)
    }

    #[test]
    fn entities_fold_to_ids_with_their_role() {
        let a = f("Pyongyang has shipped shells to Moscow.");
        assert_eq!(a.terms, ["@north-korea", "@russia", "munition", "send"]);
        assert_eq!(a.to, ["@russia"]);
        let b = f("North Korean shells were sent to Russia's army.");
        assert!(b.terms.contains(&"@north-korea".to_string()), "{b:?}");
        assert_eq!(b.to, ["@russia"]);
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
            assert_eq!(f(t).terms, ["#1000000", "munition"], "{t}");
        }
        assert_eq!(f("3.2 percent").terms, f("3.2%").terms);
        assert_eq!(f("3.2 per cent").terms, ["#3.2%"]);
        assert_eq!(f("$2.3bn").terms, ["#2300000000"]);
        assert!(f("US$2.3 billion")
            .terms
            .contains(&"#2300000000".to_string()));
        assert_eq!(f("twenty-four soldiers").terms, ["#24", "soldier"]);
        assert_ne!(f("6,700 containers").terms, f("6,000 containers").terms);
    }

    #[test]
    fn years_months_and_negation() {
        let a = f("Since August 2023 North Korea has not sent arms.");
        assert!(a.negated);
        assert!(a.terms.contains(&"~2023".to_string()));
        assert!(a.terms.contains(&"~m8".to_string()));
        assert!(!f("not only shells but missiles").negated);
        assert!(f("Moscow didn't pay").negated);
        assert!(f("in the third quarter")
            .terms
            .contains(&"#ord3".to_string()));
    }
}
