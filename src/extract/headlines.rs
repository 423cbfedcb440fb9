//! Attributions in the shapes of headlines and transcripts: "Marco Rubio: I'm
//! Not Interested", "Q: What did you find?", and a headline in title case
//! whose verb is capitalized too ("Hillary Clinton Says Crash Seems Like
//! Terrorism").

use std::sync::LazyLock;

use regex::Regex;

use super::cues::CueKind;
use super::names::CONNECTORS;
use super::raw::{Raw, Who};
use super::record::Stance;

/// "NAME: what they said" at the start of a line or sentence.
static COLON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<who>\p{Lu}[\p{L}'’.&-]*(?:\s+[\p{L}'’.&-]+){0,4}):\s+(?P<claim>\S.*)$")
        .expect("colon regex")
});
/// "NAME Says CLAIM" in title case.
static TITLED_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<who>\p{Lu}[\p{L}'’.&-]*(?:\s+[\p{L}'’.&-]+){0,5}?)\s+(?P<cue>Says|Said|Claims|Warns|Tells|Told|Insists|Admits|Predicts|Argues|Believes|Thinks|Suggests|Reports|Vows|Promises|Pledges|Announces|Declares)\s*:?\s+(?P<claim>\S.*)$")
        .expect("titled-verb regex")
});
/// "NAME Denies CLAIM" in title case.
static TITLED_DENIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<who>\p{Lu}[\p{L}'’.&-]*(?:\s+[\p{L}'’.&-]+){0,5}?)\s+(?P<cue>Denies|Denied|Rejects|Dismisses|Disputes)\s+(?P<claim>\S.*)$")
        .expect("titled-denial regex")
});

/// Labels before a colon that name no speaker ("Update:", "Photo:").
const LABELS: &[&str] = &[
    "update",
    "updated",
    "note",
    "editor's note",
    "photo",
    "photos",
    "video",
    "watch",
    "read",
    "read more",
    "related",
    "source",
    "sources",
    "breaking",
    "exclusive",
    "analysis",
    "opinion",
    "correction",
    "clarification",
    "image",
    "caption",
    "credit",
    "listen",
    "see",
    "also",
    "more",
    "warning",
    "the latest",
    "latest",
    "live",
    "poll",
    "full text",
    "transcript",
    "here",
    "why",
    "what",
    "how",
    "when",
    "where",
    "who",
    "this",
    "that",
    "it",
    "there",
    "but",
    "and",
    "so",
    "yes",
    "no",
    "now",
    "then",
    "first",
    "second",
    "third",
    "finally",
    "meanwhile",
    "example",
    "for example",
    "bottom line",
    "background",
    "context",
    "fact check",
    "answer",
    "question",
    "name",
    "remember",
    "paid notice",
    "delegate update",
    "key quote",
    "quote",
    "tweet",
    "headline",
    "summary",
    "the bottom line",
    "the takeaway",
    "takeaway",
    "lesson",
    "contributing",
    "byline",
    "by",
    "plus",
    "wow",
    "boom",
    "look",
    "busted",
    "revealed",
    "bombshell",
    "leaked",
    "just leaked",
    "just in",
];

/// The attribution of a sentence shaped like "NAME: CLAIM", if it is one.
pub fn colon(s: &str) -> Option<Raw> {
    let c = COLON.captures(s)?;
    let who = c.name("who").expect("group");
    let claim = c.name("claim").expect("group");
    let name = who.as_str();
    let label = name.to_lowercase().replace('’', "'");
    let words = name.split_whitespace().count();
    // "The Ninth Circle:", "STAT OF THE WEEK:": titles and section labels.
    let shouting = words > 1 && !name.chars().any(char::is_lowercase);
    if LABELS.contains(&label.as_str()) || !is_title(name) || name.starts_with("The ") || shouting {
        return None;
    }
    // "Q:" and "A:" in an interview name no one; a list of names after
    // "Contributing:" or a state's name is a roster, not a claim.
    if name.chars().count() == 1 || is_roster(claim.as_str()) {
        return None;
    }
    let colon_at = who.end();
    let mut raw = Raw::new((colon_at, colon_at + 1), CueKind::Verb, Stance::Asserts);
    raw.who = Who::Phrase((who.start(), who.end()));
    raw.claim = vec![(claim.start(), s.len())];
    raw.quoted = true;
    Some(raw)
}

/// The attribution of a title-case headline ("Sanders Says Race Is Not
/// Over"), if the sentence is one.
pub fn titled(s: &str) -> Option<Raw> {
    if !is_title_case(s) {
        return None;
    }
    let (c, stance) = match TITLED_DENIAL.captures(s) {
        Some(c) => (c, Stance::Denies),
        None => (TITLED_VERB.captures(s)?, Stance::Asserts),
    };
    let who = c.name("who").expect("group");
    let cue = c.name("cue").expect("group");
    let claim = c.name("claim").expect("group");
    if !is_title(who.as_str()) {
        return None;
    }
    let mut raw = Raw::new((cue.start(), cue.end()), CueKind::Verb, stance);
    raw.who = Who::Phrase((who.start(), who.end()));
    raw.claim = vec![(claim.start(), s.len())];
    Some(raw)
}

/// Whether `text` is a comma-separated list of names ("Ann Lee, Bo Park and
/// Cy Diaz").
fn is_roster(text: &str) -> bool {
    text.matches(',').count() >= 2
        && text
            .split([',', ' '])
            .filter(|w| !w.is_empty())
            .all(|w| w.starts_with(char::is_uppercase) || CONNECTORS.contains(&w) || w == "and")
}

/// Whether every word of a name is capitalized (or a connector): "Marco
/// Rubio", "Clinton Camp", "Q".
fn is_title(name: &str) -> bool {
    name.split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase) || CONNECTORS.contains(&w))
}

/// Whether most words of a sentence are capitalized, as in a headline.
fn is_title_case(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let upper = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 3 && upper * 10 >= words.len() * 7
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(s: &str, raw: Raw) -> (String, String) {
        let Who::Phrase((a, b)) = raw.who else {
            panic!("a phrase")
        };
        let (c, d) = raw.claim[0];
        (s[a..b].to_string(), s[c..d].to_string())
    }

    #[test]
    fn a_name_before_a_colon_speaks() {
        let s = "Marco Rubio: I'm Not Interested In Being Vice President";
        assert_eq!(
            parts(s, colon(s).expect("colon")),
            (
                "Marco Rubio".into(),
                "I'm Not Interested In Being Vice President".into()
            )
        );
        let s = "FALLIN: I think he is trying to reassure them";
        assert_eq!(parts(s, colon(s).expect("colon")).0, "FALLIN");
        // An interview's "Q:" and "A:" name no one; a roster is no claim.
        for label in [
            "Update: the vote was moved",
            "The plan has three parts: taxes and fees",
            "Q: What did you find when you came home?",
            "A: No, it goes further than that",
            "Contributing: Ann Lee, Bo Park and Cy Diaz",
            "Ohio: Ann Lee, Bo Park, Cy Diaz, Di Ross",
        ] {
            assert!(colon(label).is_none(), "{label}");
        }
    }

    #[test]
    fn title_case_headlines_have_capitalized_verbs() {
        let s = "Hillary Clinton Says EgyptAir Crash Seems Like An Act Of Terrorism";
        let raw = titled(s).expect("headline");
        assert_eq!(raw.stance, Stance::Asserts);
        assert_eq!(
            parts(s, raw),
            (
                "Hillary Clinton".into(),
                "EgyptAir Crash Seems Like An Act Of Terrorism".into()
            )
        );
        let s = "Kremlin Denies Sending Troops To The Border";
        assert_eq!(titled(s).expect("denial").stance, Stance::Denies);
        assert!(titled("Clinton says the race is not over yet").is_none());
    }
}
