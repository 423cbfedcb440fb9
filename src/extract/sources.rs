//! Naming speakers: from a speaker phrase to the name of who speaks.
//!
//! Keeps the discourse state a reader keeps: the persons and organizations
//! mentioned so far, so that "she said" means the last woman named, "the
//! agency" the last organization, and "the Fitch Solutions economist" the
//! analyst quoted above. Appositions are cut ("Anwita Basu, Head of ...")
//! and descriptions give way to names ("A company spokesman, Peter Okoro").

use std::sync::LazyLock;

use regex::Regex;

use super::link::EntityIndex;
use super::names::{capitalized, looks_like_personal_name, name_of, strip_title, ORG_WORDS};

/// Role nouns that, after "the", stand for the last person named.
const PERSON_ROLES: &[&str] = &[
    "economist",
    "analyst",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "expert",
    "researcher",
    "scientist",
    "professor",
    "lawyer",
    "executive",
    "chief",
    "director",
    "diplomat",
    "envoy",
    "ambassador",
    "lawmaker",
    "senator",
    "governor",
    "leader",
    "chairman",
    "chairwoman",
    "founder",
    "author",
    "ecologist",
    "hydrologist",
    "biologist",
    "woman",
    "man",
    "farmer",
    "activist",
    "commander",
    "general",
    "premier",
];
/// Organization nouns that, after "the", stand for the last organization.
const GENERIC_ORGS: &[&str] = &[
    "agency",
    "company",
    "firm",
    "group",
    "organization",
    "organisation",
    "body",
    "outlet",
    "institute",
    "think-tank",
    "tank",
    "watchdog",
    "regulator",
    "broadcaster",
    "network",
];
/// Organization nouns that stand for the last organization so described.
const ORG_NOUNS: &[&str] = &[
    "union",
    "association",
    "ministry",
    "party",
    "division",
    "department",
    "bank",
    "newspaper",
    "service",
    "council",
    "committee",
    "court",
    "commission",
    "government",
    "office",
    "authority",
    "university",
    "foundation",
    "campaign",
    "military",
    "army",
    "police",
];

static TITLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(Dr|Mr|Mrs|Ms|Prof|Professor|Sen|Senator|Rep|Gov|Governor|Gen|General|President|Minister|Chancellor|Judge|Justice|Ambassador)\.?\s+((?:\p{Lu}[\p{L}'-]+\s+){0,2}\p{Lu}[\p{L}'-]+)")
        .expect("titled regex")
});

#[derive(Debug)]
struct Person {
    full: String,
    surname: String,
    female: Option<bool>,
    last: usize,
}

#[derive(Debug)]
struct Org {
    name: String,
    description: String,
    last: usize,
}

/// What the reader remembers so far: persons and organizations, with the
/// byte position where each was last mentioned.
#[derive(Debug)]
pub struct Discourse<'a> {
    index: &'a EntityIndex,
    persons: Vec<Person>,
    orgs: Vec<Org>,
}

impl<'a> Discourse<'a> {
    pub fn new(index: &'a EntityIndex) -> Self {
        Discourse {
            index,
            persons: Vec::new(),
            orgs: Vec::new(),
        }
    }

    /// Notes the persons mentioned in a sentence: titled names ("Dr. Leilani
    /// Kahale") and persons already known. `at` maps a byte of the sentence
    /// to its position in the text.
    pub fn observe(&mut self, sentence: &str, at: impl Fn(usize) -> usize) {
        for c in TITLED.captures_iter(sentence) {
            let (title, name) = (&c[1], c.get(2).expect("group"));
            let female = match title {
                "Mr" => Some(false),
                "Mrs" | "Ms" => Some(true),
                _ => None,
            };
            self.person(name.as_str(), at(name.start()), female);
        }
        for p in &mut self.persons {
            for name in [&p.full, &p.surname] {
                if let Some(i) = find_word(sentence, name) {
                    p.last = p.last.max(at(i));
                }
            }
        }
    }

    /// The name of the speaker that `phrase` (found at byte `at`) stands for.
    pub fn resolve(&mut self, phrase: &str, at: usize) -> String {
        let flat = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
        let phrase = flat.trim_matches(|c: char| ",;:.".contains(c)).trim();
        let lower = phrase.to_lowercase();
        match lower.as_str() {
            "he" | "him" => return self.pronoun(phrase, at, Some(false)),
            "she" | "her" => return self.pronoun(phrase, at, Some(true)),
            "it" => return self.last_org(phrase, at, None),
            _ => {}
        }
        if let Some(head) = definite_head(phrase) {
            if PERSON_ROLES.contains(&head.as_str()) {
                return self.pronoun(phrase, at, None);
            }
            if GENERIC_ORGS.contains(&head.as_str()) {
                return self.last_org(phrase, at, None);
            }
            if ORG_NOUNS.contains(&head.as_str()) {
                return self.last_org(phrase, at, Some(&head));
            }
        }
        let name = name_of(phrase);
        self.remember(&name, &lower, at);
        name
    }

    fn pronoun(&mut self, phrase: &str, at: usize, female: Option<bool>) -> String {
        let best = self
            .persons
            .iter_mut()
            .filter(|p| {
                p.last <= at && (female.is_none() || p.female.is_none() || p.female == female)
            })
            .max_by_key(|p| p.last);
        match best {
            Some(p) => {
                if female.is_some() {
                    p.female = female;
                }
                p.last = at;
                p.full.clone()
            }
            None => phrase.to_string(),
        }
    }

    fn last_org(&mut self, phrase: &str, at: usize, noun: Option<&str>) -> String {
        let best = self
            .orgs
            .iter_mut()
            .filter(|o| o.last <= at && noun.is_none_or(|n| o.description.contains(n)))
            .max_by_key(|o| o.last);
        match best {
            Some(o) => {
                o.last = at;
                o.name.clone()
            }
            None => {
                let lower = phrase.to_lowercase();
                self.remember(phrase, &lower, at);
                phrase.to_string()
            }
        }
    }

    /// Records a named speaker as a person or an organization.
    fn remember(&mut self, name: &str, description: &str, at: usize) {
        let lower = name.to_lowercase();
        if let Some(p) = self.persons.iter_mut().find(|p| {
            let full = p.full.to_lowercase();
            p.surname == name
                || full == lower
                || full.ends_with(&format!(" {lower}"))
                || lower.ends_with(&format!(" {full}"))
        }) {
            p.last = p.last.max(at);
            return;
        }
        if self.looks_like_person(name) {
            self.person(name, at, None);
        } else if self.looks_like_org(name, description) {
            match self.orgs.iter_mut().find(|o| o.name == name) {
                Some(o) => o.last = o.last.max(at),
                None => self.orgs.push(Org {
                    name: name.to_string(),
                    description: description.to_string(),
                    last: at,
                }),
            }
        }
    }

    fn person(&mut self, name: &str, at: usize, female: Option<bool>) {
        let full = strip_title(name).to_string();
        let surname = full.split_whitespace().last().unwrap_or("").to_string();
        match self
            .persons
            .iter_mut()
            .find(|p| p.full == full || (!surname.is_empty() && p.surname == full))
        {
            Some(p) => {
                p.last = p.last.max(at);
                p.female = p.female.or(female);
            }
            None => self.persons.push(Person {
                full,
                surname,
                female,
                last: at,
            }),
        }
    }

    fn looks_like_person(&self, name: &str) -> bool {
        if self.index.is_person(name) {
            return true;
        }
        if self.index.link(name).is_some() {
            return false;
        }
        looks_like_personal_name(name)
    }

    fn looks_like_org(&self, name: &str, description: &str) -> bool {
        if self.index.is_organization(name) {
            return true;
        }
        if self.index.is_place(name) || self.index.is_person(name) {
            return false;
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        words
            .iter()
            .any(|w| ORG_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
            || (words.len() == 1 && capitalized(words[0]))
            || definite_head(description).is_some_and(|h| {
                ORG_NOUNS.contains(&h.as_str()) || GENERIC_ORGS.contains(&h.as_str())
            })
            || description.contains(" by ")
    }
}

/// The head noun of "the [modifiers] noun" when the phrase ends in a
/// lower-case common noun.
///
/// A phrase with a possessive ("the government's chief scientist")
/// introduces someone new rather than pointing back, so it has none.
fn definite_head(phrase: &str) -> Option<String> {
    let lower = phrase.to_lowercase().replace('’', "'");
    if !lower.starts_with("the ") || lower.contains("'s ") || lower.contains("s' ") {
        return None;
    }
    let last = phrase.split_whitespace().last()?;
    if !last.chars().next()?.is_lowercase() {
        return None;
    }
    Some(last.to_lowercase())
}

/// Byte position of `word` in `text` as a whole word, if present.
fn find_word(text: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let at = from + i;
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_follow_gender_and_recency() {
        let ix = EntityIndex::default();
        let mut d = Discourse::new(&ix);
        d.observe("Dr. Leilani Kahale dives.", |i| i);
        assert_eq!(d.resolve("she", 30), "Leilani Kahale");
        d.observe("Dr. Marcus Webb is cautious.", |i| 40 + i);
        assert_eq!(d.resolve("Webb", 60), "Webb");
        assert_eq!(d.resolve("he", 80), "Marcus Webb");
        assert_eq!(d.resolve("she", 90), "Leilani Kahale");
    }

    #[test]
    fn definite_descriptions_resolve() {
        let ix = EntityIndex::default();
        let mut d = Discourse::new(&ix);
        assert_eq!(d.resolve("The operators' association, ABTP,", 0), "ABTP");
        assert_eq!(d.resolve("the association", 50), "ABTP");
        assert_eq!(d.resolve("the union", 60), "the union");
        assert_eq!(d.resolve("Anwita Basu", 70), "Anwita Basu");
        assert_eq!(
            d.resolve("The Fitch Solutions economist", 80),
            "Anwita Basu"
        );
        assert_eq!(d.resolve("It", 90), "the union");
    }
}
