//! What an anaphoric denial refers to: "denied the report", "rejected the
//! allegations", "dismissed that view", "denied it". The noun says which
//! earlier claim fits (a report's, an accusation, someone's view), the denier
//! named in a claim marks it as an accusation against them, and when nothing
//! fits the denial is left out rather than pinned on the latest claim.

/// An earlier attribution a denial may refer to.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    pub source: &'a str,
    pub mention: &'a str,
    pub cue: &'a str,
    pub claim: &'a str,
    pub sentence: usize,
    pub quoted: bool,
}

/// What the anaphor says about the claim it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refers {
    /// "the report", "the story", "the findings": what a report or study said.
    Report,
    /// "the allegations", "the charges", "the claims": an accusation.
    Accusation,
    /// "that view", "the remarks": the last other speaker's words.
    View,
    /// "it", "this", "that": the claim just made.
    Pronoun,
}

/// Sentences back that a denial may reach.
const REACH: usize = 3;

/// Index into `candidates` (in text order) of the claim a denial by `denier`
/// (the names it goes by) in sentence `n` refers to; `anaphor` is the noun
/// phrase it denies and `relative` marks "..., something X denies".
pub fn antecedent(
    anaphor: &str,
    relative: bool,
    denier: &[String],
    n: usize,
    candidates: &[Candidate],
) -> Option<usize> {
    let others: Vec<usize> = (0..candidates.len())
        .rev()
        .filter(|&i| {
            let c = &candidates[i];
            c.sentence + REACH >= n && c.sentence <= n && !said_by(c, denier)
        })
        .collect();
    if relative {
        return others.into_iter().find(|&i| candidates[i].sentence == n);
    }
    match refers(anaphor) {
        Refers::Pronoun => others
            .into_iter()
            .find(|&i| candidates[i].sentence + 1 >= n),
        Refers::View => {
            let latest = *others.first()?;
            let speaker = candidates[latest].source;
            let theirs = || {
                others
                    .iter()
                    .copied()
                    .filter(|&i| candidates[i].source == speaker)
            };
            theirs().find(|&i| !candidates[i].quoted).or(Some(latest))
        }
        kind => {
            let score = |c: &Candidate| {
                let named = 3 * usize::from(names_denier(c.claim, denier));
                let fits = match kind {
                    Refers::Report => 2 * usize::from(is_report(c)) + usize::from(is_accusation(c)),
                    _ => 2 * usize::from(is_accusation(c)),
                };
                named + fits
            };
            let best = others.iter().map(|&i| score(&candidates[i])).max()?;
            (best > 0)
                .then(|| others.into_iter().find(|&i| score(&candidates[i]) == best))
                .flatten()
        }
    }
}

fn refers(anaphor: &str) -> Refers {
    let lower = anaphor.to_lowercase();
    let head = lower.split_whitespace().last().unwrap_or("");
    let head = head.trim_matches(|c: char| !c.is_alphanumeric());
    match head.trim_end_matches('s') {
        "report" | "story" | "storie" | "article" | "finding" | "study" | "studie" | "account"
        | "survey" => Refers::Report,
        "allegation" | "accusation" | "charge" | "claim" | "assertion" | "suggestion"
        | "insinuation" | "rumor" | "rumour" => Refers::Accusation,
        "it" | "thi" | "that" | "them" | "these" | "those" => Refers::Pronoun,
        _ => Refers::View,
    }
}

fn said_by(c: &Candidate, denier: &[String]) -> bool {
    denier
        .iter()
        .any(|d| d.eq_ignore_ascii_case(c.source) || d.eq_ignore_ascii_case(c.mention))
}

/// Whether the claim names the denier ("accused Borduria of ...", "donated
/// to the ruling party"): every word of one of its names but the small ones.
fn names_denier(claim: &str, denier: &[String]) -> bool {
    let claim = claim.to_lowercase();
    denier.iter().any(|d| {
        let words: Vec<String> = d
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| w.len() > 2 && !SMALL.contains(&w.as_str()))
            .collect();
        !words.is_empty() && words.iter().all(|w| contains_word(&claim, w))
    })
}

const SMALL: &[&str] = &[
    "the", "and", "its", "his", "her", "their", "for", "mr.", "mrs.", "ms.",
];

fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A claim a report, newspaper or study made.
fn is_report(c: &Candidate) -> bool {
    const WORDS: &[&str] = &[
        "report",
        "reports",
        "newspaper",
        "news",
        "times",
        "post",
        "journal",
        "agency",
        "media",
        "outlet",
        "radio",
        "television",
        "tv",
        "broadcaster",
        "study",
        "survey",
        "investigation",
        "analysis",
        "daily",
        "tribune",
        "herald",
        "gazette",
        "magazine",
    ];
    let cue = c.cue.to_lowercase();
    let who = format!("{} {}", c.source, c.mention).to_lowercase();
    cue.starts_with("report")
        || cue.starts_with("according")
        || [
            "found",
            "finds",
            "showed",
            "shows",
            "concluded",
            "published",
        ]
        .contains(&cue.as_str())
        || who
            .split(|ch: char| !ch.is_alphanumeric())
            .any(|w| WORDS.contains(&w))
}

/// A claim made as an accusation.
fn is_accusation(c: &Candidate) -> bool {
    let cue = c.cue.to_lowercase();
    [
        "accus",
        "alleg",
        "charg",
        "claim",
        "suggest",
        "allegation",
        "accusation",
    ]
    .iter()
    .any(|stem| cue.starts_with(stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c<'a>(source: &'a str, cue: &'a str, claim: &'a str, sentence: usize) -> Candidate<'a> {
        Candidate {
            source,
            mention: source,
            cue,
            claim,
            sentence,
            quoted: false,
        }
    }

    fn denier(name: &str) -> Vec<String> {
        vec![name.to_string()]
    }

    #[test]
    fn a_report_is_what_a_report_said() {
        let cands = [
            c("the Tribune", "reported", "the army bought rifles", 0),
            c("Analysts", "said", "prices will rise", 1),
        ];
        assert_eq!(
            antecedent("the reports", false, &denier("the ministry"), 2, &cands),
            Some(0)
        );
        let none = [c("Analysts", "said", "prices will rise", 1)];
        assert_eq!(
            antecedent("the report", false, &denier("Caracas"), 2, &none),
            None
        );
    }

    #[test]
    fn an_accusation_names_the_denier() {
        let cands = [
            c("Officials", "said", "Borduria sent rifles", 0),
            c("Analysts", "said", "prices will rise", 1),
        ];
        assert_eq!(
            antecedent("the allegations", false, &denier("Borduria"), 2, &cands),
            Some(0)
        );
        assert_eq!(
            antecedent("the allegations", false, &denier("Ruritania"), 2, &cands),
            None
        );
    }

    #[test]
    fn pronouns_reach_only_the_sentence_before() {
        let cands = [c("Officials", "said", "Borduria sent rifles", 0)];
        assert_eq!(
            antecedent("it", false, &denier("Borduria"), 1, &cands),
            Some(0)
        );
        assert_eq!(
            antecedent("it", false, &denier("Borduria"), 2, &cands),
            None
        );
    }

    #[test]
    fn a_denier_does_not_deny_itself() {
        let cands = [c("Borduria", "said", "the rifles were old", 0)];
        assert_eq!(
            antecedent("that view", false, &denier("Borduria"), 1, &cands),
            None
        );
    }
}
