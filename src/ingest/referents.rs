//! Denials that refer back: "Pyongyang denied the report", "Moscow rejected the
//! allegations", "something both capitals deny". Which claim they deny is decided here, or
//! the denial is left out: it is never attached to a claim it may not mean.
//!
//! The rule: a denial refers back when the claim extraction gave it is not in its own
//! sentence. When the sentence names what it denies with a noun ("the report", "the
//! allegations", "the claims", "the figure"), the denial goes to the latest claim an earlier
//! sentence reported with that word ("a report by…", "reported", "alleged", "accused"),
//! else to the article's lead claim (the first claim it reports): that is what "the
//! report" means in news copy. Without such a noun ("it", "this"), the denial goes to the
//! claim extraction chose only when that claim comes from the same or the previous
//! sentence; otherwise it is left out.

use regex::Regex;
use std::sync::LazyLock;

/// The noun a denial uses for what it denies.
static NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:the|this|these|those|such|that|its|their)\s+(?:[a-z-]+\s+){0,2}?(reports?|allegations?|accusations?|claims?|charges?|assessments?|figures?|estimates?|accounts?|findings|suggestions?|assertions?|briefing)\b",
    )
    .expect("a valid pattern")
});

/// What a denial's sentence says it denies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refers {
    /// The claim is stated in the sentence itself.
    Here,
    /// A noun names it ("the report"): the words, and their stem to look for in earlier
    /// attributions.
    Noun { words: String, stem: &'static str },
    /// Nothing names it ("it", "something both deny").
    Pronoun,
}

/// Whether the claim extraction found for a sentence is in it, or what refers back to it.
pub fn refers(sentence: &str, claim: &str) -> Refers {
    let flat = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let (s, c) = (flat(sentence), flat(claim));
    let c = c.trim_end_matches(['.', '!', '?', '"', '\u{201d}']);
    if !c.is_empty() && s.contains(c) {
        return Refers::Here;
    }
    match NOUN.captures(sentence) {
        Some(m) => {
            let noun = m.get(1).map_or("", |n| n.as_str()).to_lowercase();
            Refers::Noun {
                words: m.get(0).map_or("", |n| n.as_str()).to_string(),
                stem: stem(&noun),
            }
        }
        None => Refers::Pronoun,
    }
}

/// The stem an earlier attribution shows when it made the claim a noun refers to: "report"
/// for "reported", "a report by"; "alleg" for "alleged"; "accus" for "accused".
fn stem(noun: &str) -> &'static str {
    match noun.trim_end_matches('s') {
        "allegation" => "alleg",
        "accusation" => "accus",
        "claim" => "claim",
        "charge" => "charg",
        "assessment" => "assess",
        "figure" => "figure",
        "estimate" => "estimat",
        "account" => "account",
        "finding" => "finding",
        "suggestion" => "suggest",
        "assertion" => "assert",
        "briefing" => "brief",
        _ => "report",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_in_its_own_sentence_is_here() {
        assert_eq!(
            refers(
                "Pyongyang denied sending arms to Moscow.",
                "sending arms to Moscow"
            ),
            Refers::Here
        );
    }

    #[test]
    fn nouns_and_pronouns_refer_back() {
        match refers(
            "North Korea's foreign ministry denied the report on Friday.",
            "x",
        ) {
            Refers::Noun { words, stem } => {
                assert_eq!(words, "the report");
                assert_eq!(stem, "report");
            }
            other => panic!("{other:?}"),
        }
        match refers("Russia also rejected the allegations as baseless.", "x") {
            Refers::Noun { stem, .. } => assert_eq!(stem, "alleg"),
            other => panic!("{other:?}"),
        }
        match refers("Moscow called the US claims absurd.", "x") {
            Refers::Noun { words, .. } => assert_eq!(words, "the US claims"),
            other => panic!("{other:?}"),
        }
        assert_eq!(refers("Both capitals deny it.", "x"), Refers::Pronoun);
    }
}
