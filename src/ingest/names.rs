//! Phrases that name speakers, taken apart: an article, a possessive, an apposition, a name
//! of its own, a person's full name found elsewhere in the text, and the name a new entity
//! gets from its phrase.

use super::lexicon;
use crate::similar::Matcher;

/// Two to four capitalized words, hyphenated parts included: a candidate personal name.
pub static NAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"\b\p{Lu}[\p{L}'’]*(?:-[\p{L}]+)?(?:\s+\p{Lu}[\p{L}'’]*(?:-[\p{L}]+)?){1,3}\b",
    )
    .expect("a valid pattern")
});

/// "the Harbour Institute, a London think tank": the name and the apposition.
pub fn split_apposition(phrase: &str) -> (&str, Option<&str>) {
    if let Some((name, rest)) = phrase.split_once(", ") {
        let lower = rest.to_lowercase();
        if ["a ", "an ", "the ", "who ", "which "]
            .iter()
            .any(|a| lower.starts_with(a))
        {
            return (name.trim(), Some(rest.trim().trim_end_matches(',')));
        }
    }
    (phrase, None)
}

/// Whether `phrase` holds a capitalized word that is no known entity's name ("Harbour"):
/// a proper name of its own, not a description.
pub fn has_own_name(m: &Matcher, phrase: &str) -> bool {
    let bare = strip_article(phrase);
    let f = m.features(&format!("x {bare}"));
    !f.names.is_empty()
}

/// The personal name within `names` (capitalized words, maybe after a capitalized title:
/// "Lawmaker Yoon Ha-jin", "President Vladimir Putin") that starts or ends with `word`.
pub fn person_with(names: &str, word: &str) -> Option<String> {
    let words: Vec<&str> = names.split_whitespace().collect();
    let k = words.iter().position(|w| *w == word)?;
    let title = |w: &&str| lexicon::is_title_word(w);
    let before: Vec<&str> = words[..=k].iter().copied().skip_while(title).collect();
    [words[k..].to_vec(), before]
        .into_iter()
        .filter(|c| c.len() >= 2)
        .map(|c| c.join(" "))
        .find(|c| lexicon::looks_like_person(c))
}

/// `phrase` without a leading article.
pub fn strip_article(phrase: &str) -> &str {
    let p = phrase.trim();
    for a in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = p.strip_prefix(a) {
            return rest;
        }
    }
    p
}

/// What a possessive phrase owns: "South Korea's National Intelligence Service" → the
/// service.
pub fn possessed(phrase: &str) -> Option<&str> {
    let at = phrase.rfind("'s ").or_else(|| phrase.rfind("\u{2019}s "))?;
    let rest = &phrase[at..];
    Some(rest.split_once(' ')?.1)
}

/// The name of a new entity: the phrase without a leading article, a trailing possessive or
/// edge punctuation.
pub fn entity_name(phrase: &str) -> String {
    let p = strip_article(phrase).trim_matches(|c: char| !c.is_alphanumeric() && c != ')');
    let p = p
        .strip_suffix("'s")
        .or_else(|| p.strip_suffix("\u{2019}s"))
        .unwrap_or(p);
    p.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_articles_and_possessives() {
        assert_eq!(entity_name("The Daily Courier's"), "Daily Courier");
        assert_eq!(possessed("South Korea's spy agency"), Some("spy agency"));
        assert_eq!(strip_article("the agency"), "agency");
    }
}
