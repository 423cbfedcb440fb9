//! Noun phrases around a reporting verb: the subject before it (without
//! adverbials, conjunctions, auxiliaries and time adjuncts), the speaker
//! after ", " at the end of a sentence, and the phrase after "according to".

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::AUXILIARIES;

pub type Range = (usize, usize);

/// "a claim the government disputed": the speaker follows a claim noun.
pub static CLAIM_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:a|an|the)\s+(?:claim|allegation|accusation|charge|assertion|suggestion|view|report)\s+(?:that\s+|which\s+)?")
        .expect("claim-noun regex")
});
pub static ADJUNCT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*,?\s*(?:on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|last (?:week|month|year|night)|this (?:week|month|year)|earlier|later|in (?:a|an|its|his|her|their) (?:\w+ )?(?:statement|email|e-mail|interview|post|letter|briefing|speech|filing))\b,?")
        .expect("adjunct regex")
});

/// "..., NP VERB": the comma ending the claim and the speaker phrase, when
/// the phrase is short (with an apposition it ends with its own comma).
pub fn trailing_np(s: &str, from: usize, to: usize) -> Option<(usize, Range)> {
    let region = s[from..to].trim_end();
    let mut body = region;
    let mut drop_segments = 1;
    if let Some(stripped) = body.strip_suffix(',') {
        body = stripped;
        drop_segments = 2;
    }
    let mut cut = body.len();
    for _ in 0..drop_segments {
        cut = body[..cut].rfind(',')?;
    }
    let np = trim(s, from + cut + 1, from + body.len());
    let np = strip_auxiliaries(s, np);
    let text = &s[np.0..np.1];
    if text.is_empty() || words(text) > 10 || text.contains(['"', '“', '”']) {
        return None;
    }
    // "..., helping the company think": a clause, not a speaker.
    let first = first_word(text);
    if first.ends_with("ing") && first.len() > 4 {
        return None;
    }
    // "Trump, who ..., has vowed", "Ana Ruiz, 29, of Hilo, says": the end of
    // the subject's apposition, not a speaker of its own.
    if AUXILIARIES.contains(&first.as_str()) || NP_PREPOSITIONS.contains(&first.as_str()) {
        return None;
    }
    Some((from + cut, np))
}

/// Whether what follows a verb ends the sentence with at most an adjunct
/// ("in a statement.", "last week.", "reporters outside the terminal.").
pub fn is_trailer(after: &str) -> bool {
    let t = after
        .trim()
        .trim_end_matches(|c: char| ".!?\"”')".contains(c));
    if t.is_empty() {
        return true;
    }
    let first = first_word(t);
    t.len() <= 50
        && !t.contains([',', ';', '"', '“'])
        && !t
            .split_whitespace()
            .any(|w| w == "that" || FINITE.contains(&w))
        && (TRAILER_OPENERS.contains(&first.as_str())
            || first.chars().next().is_some_and(char::is_uppercase))
}

/// Prepositions that open the tail of an apposition ("of Hilo, Hawaii").
const NP_PREPOSITIONS: &[&str] = &["of", "from", "in", "at", "for", "with", "on"];

/// Finite verbs that make what follows a cue a clause ("her aim is peace"),
/// not an adjunct.
const FINITE: &[&str] = &[
    "is", "are", "was", "were", "will", "would", "can", "could", "should", "must", "may", "might",
    "has", "have", "had",
];

/// Words that open an adjunct after a final "X said" ("in a statement").
pub const TRAILER_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "last",
    "this",
    "earlier",
    "later",
    "to",
    "during",
    "after",
    "before",
    "via",
    "through",
    "from",
    "when",
    "while",
    "yesterday",
    "today",
    "reporters",
    "journalists",
    "me",
    "us",
    "him",
    "her",
    "them",
    "told",
    "late",
    "early",
    "recently",
    "previously",
    "again",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "lawmakers",
];

pub fn first_word(t: &str) -> String {
    t.split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// The subject noun phrase just before a verb: the last clause of the
/// region, without leading adverbials, conjunctions and relative pronouns.
pub fn subject(s: &str, from: usize, to: usize) -> Option<Range> {
    subject_with_clause(s, from, to).map(|(np, _)| np)
}

/// The subject and where its clause starts (before "though", "something
/// both" and the like), which is where an earlier claim must stop.
/// The byte after the last comma of `region` that ends a phrase (", ", or
/// `," ` after a quoted title), if any.
fn last_comma(region: &str) -> Option<usize> {
    let plain = region.rfind(", ").map(|i| i + 2);
    let quoted = region.rfind(",\" ").map(|i| i + 3);
    plain.max(quoted)
}

pub fn subject_with_clause(s: &str, from: usize, to: usize) -> Option<(Range, usize)> {
    if let Some(np) = relative_antecedent(s, from, to) {
        return Some((np, np.0));
    }
    let (a, b) = strip_auxiliaries(s, trim(s, from, to));
    let region = &s[a..b];
    let clause_start = region
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, ';' | ':' | '—'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let mut start = a + clause_start;
    let np_region = &s[start..b];
    if np_region.trim_end().ends_with(',') {
        start += leading_adverbials(np_region);
    } else if let Some(i) = last_comma(np_region) {
        start += i;
    } else {
        start += leading_adverbials(np_region);
    }
    let (mut a, b) = trim(s, start, b);
    let clause = a;
    if let Some(m) = CLAIM_NOUN.find(&s[a..b]) {
        a += m.end();
    }
    if let Some(m) = AGENCY.find(&s[a..b]) {
        a = trim(s, a + m.end(), b).0;
    }
    // "told CNN on Tuesday that he believes": the subject of the clause after "that".
    if let Some(i) = s[a..b].rfind(" that ") {
        if words(&s[a + i + 6..b]) <= 6 {
            a = trim(s, a + i + 6, b).0;
        }
    }
    // "he chose to come here because he thought": the subject of the clause
    // the conjunction opens, which is where an earlier claim stops.
    let mut clause = clause;
    if let Some(m) = SUBORDINATOR.find_iter(&s[a..b]).last() {
        let after = &s[a + m.end()..b];
        if m.start() > 0 && words(after) <= 6 && words(after) > 0 {
            clause = a + m.start();
            a = trim(s, a + m.end(), b).0;
        }
    }
    loop {
        let first = s[a..b].split_whitespace().next().unwrap_or("");
        let lower = first.to_lowercase();
        if LEADERS.contains(&lower.as_str()) && a + first.len() < b {
            a = trim(s, a + first.len(), b).0;
        } else {
            break;
        }
    }
    let text = &s[a..b];
    let content = text.split_whitespace().any(|w| {
        !FUNCTION_WORDS.contains(&w.to_lowercase().as_str()) && w.chars().any(char::is_alphabetic)
    });
    if !content {
        return None;
    }
    if words(text) > 25 {
        // "Rich Heffley, a party operative who ... in the state, said": the
        // name before a long apposition.
        let name = text.split(", ").next().unwrap_or(text);
        let named = name.starts_with(char::is_uppercase) && words(name) <= 5;
        return (named && text.ends_with(',')).then_some(((a, a + name.len()), clause));
    }
    Some(((a, b), clause))
}

/// Conjunctions that open a clause inside the words before a verb.
static SUBORDINATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:because|although|though|while|whereas|since|unless|until|whether|when|after|before|if)\s+")
        .expect("subordinator regex")
});

/// "Podesta, who said ...": the noun phrase a relative "who" before the
/// verb stands for, when the words before the verb end with it.
pub fn relative_antecedent(s: &str, from: usize, to: usize) -> Option<Range> {
    let (a, b) = strip_auxiliaries(s, trim(s, from, to));
    let head = s[a..b].strip_suffix("who")?;
    if !head.ends_with([' ', ',']) {
        return None;
    }
    let head = head.trim_end().trim_end_matches(',').trim_end();
    let mut start = head.rfind(", ").map_or(0, |i| i + 2);
    if let Some(m) = PREPOSITION.find_iter(&head[start..]).last() {
        start += m.end();
    }
    let (np_a, np_b) = trim(s, a + start, a + head.len());
    let text = &s[np_a..np_b];
    let content = text
        .split_whitespace()
        .any(|w| !FUNCTION_WORDS.contains(&w.to_lowercase().as_str()));
    (content && !text.contains(['"', '“', '”']) && words(text) <= 8).then_some((np_a, np_b))
}

/// Prepositions before the noun a relative clause hangs on ("talks with
/// supporters who").
static PREPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:with|among|from|to|for|than|by|about|against|between|like)\s+")
        .expect("preposition regex")
});

/// Words that cannot be a subject on their own ("in which", "Moreover").
pub const FUNCTION_WORDS: &[&str] = &[
    "in",
    "on",
    "at",
    "of",
    "for",
    "to",
    "by",
    "with",
    "from",
    "which",
    "who",
    "whom",
    "that",
    "what",
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "as",
    "if",
    "so",
    "than",
    "then",
    "there",
    "where",
    "when",
    "whose",
    "this",
    "these",
    "those",
    "here",
    "moreover",
    "however",
    "meanwhile",
    "also",
    "hours",
    "days",
    "minutes",
    "today",
    "yesterday",
    "later",
    "earlier",
    "still",
    "instead",
    "indeed",
    "yet",
    "now",
    "again",
    "once",
    "even",
    "just",
];

/// A news agency's credit opening a sentence: "(Reuters) -", "WASHINGTON (AP) —".
static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{Lu}[\p{L}.,]*\s+){0,3}\((?:Reuters|AP|AFP|UPI|CNN|dpa|Xinhua|Bloomberg)\)\s*(?:[-–—]+\s*)?")
        .expect("agency regex")
});

/// Words that open a clause but are not part of its subject.
pub const LEADERS: &[&str] = &[
    "and",
    "but",
    "so",
    "yet",
    "though",
    "although",
    "while",
    "whereas",
    "as",
    "because",
    "which",
    "who",
    "whom",
    "that",
    "something",
    "both",
    "also",
    "now",
    "then",
    "still",
    "however",
    "meanwhile",
    "instead",
    "separately",
    "later",
    "earlier",
    "moreover",
    "furthermore",
    "indeed",
    "nonetheless",
    "nevertheless",
    "if",
    "when",
    "since",
    "what",
];

/// Bytes of leading comma-separated adverbial segments ("Last year, ",
/// "Describing the deal as a mega deal, ") to skip before a subject.
pub fn leading_adverbials(region: &str) -> usize {
    let mut skip = 0;
    while let Some(i) = region[skip..].find(", ") {
        let segment = region[skip..skip + i].trim();
        let first = segment.split_whitespace().next().unwrap_or("");
        let lower = first.to_lowercase();
        // "Shortly afterward, ...", "Minutes later, ...", "Back in April, ...".
        let manner = lower.len() > 4 && lower.ends_with("ly") && segment.contains(' ');
        let adverbial = ADVERBIAL_OPENERS.contains(&lower.as_str())
            || TIME_OPENERS.contains(&lower.as_str())
            || manner
            || (first.ends_with("ing") && first.len() > 4);
        if !adverbial {
            break;
        }
        skip += i + 2;
    }
    skip
}

/// Words that open a fronted phrase of time, not a subject ("Hours later,").
const TIME_OPENERS: &[&str] = &[
    "seconds",
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "decades",
    "moments",
    "back",
    "soon",
    "shortly",
    "afterward",
    "afterwards",
    "eventually",
    "recently",
    "previously",
];

pub const ADVERBIAL_OPENERS: &[&str] = &[
    "despite",
    "after",
    "before",
    "last",
    "in",
    "on",
    "at",
    "during",
    "since",
    "asked",
    "speaking",
    "according",
    "but",
    "however",
    "meanwhile",
    "still",
    "yet",
    "when",
    "while",
    "as",
    "if",
    "although",
    "though",
    "earlier",
    "later",
    "separately",
    "instead",
    "now",
    "then",
    "for",
    "with",
    "without",
    "under",
    "amid",
    "by",
    "this",
    "that",
    "unlike",
    "like",
    "also",
    "already",
    "today",
    "yesterday",
    "overall",
    "describing",
    "citing",
    "added",
];

pub fn strip_auxiliaries(s: &str, (a, mut b): Range) -> Range {
    if a >= b {
        return (a, a);
    }
    loop {
        let head = s[a..b].trim_end();
        let Some((i, c)) = head.char_indices().rev().find(|&(_, c)| c.is_whitespace()) else {
            return (a, a + head.len());
        };
        let last = head[i + c.len_utf8()..].to_lowercase();
        // "she really thinks", "Clinton summarily rejected": an adverb.
        let adverb = last.len() > 4
            && last.ends_with("ly")
            && head[i + c.len_utf8()..].starts_with(char::is_lowercase);
        if AUXILIARIES.contains(&last.as_str()) || TIME_WORDS.contains(&last.as_str()) || adverb {
            b = a + i;
            let before = s[a..b].trim_end();
            for prep in [" on", " last", " this"] {
                if TIME_WORDS.contains(&last.as_str()) && before.ends_with(prep) {
                    b = a + before.len() - prep.len();
                }
            }
        } else {
            return (a, a + head.len());
        }
    }
}

pub const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "month",
    "year",
    "night",
    "today",
    "yesterday",
];

/// The noun phrase starting at `at`, up to a comma, semicolon, colon, quote
/// or sentence end.
pub fn np_after(s: &str, at: usize, end: usize) -> Option<Range> {
    let rest = &s[at..end];
    let stop = rest
        .find([',', ';', ':', '"', '“', '('])
        .map_or(rest.len(), |i| i);
    let stop = match (rest.find('('), rest[..stop].len()) {
        (Some(p), l) if p == l => rest[p..].find(')').map_or(stop, |q| {
            let after = p + q + 1;
            after
                + rest[after..]
                    .find([',', ';', ':', '"'])
                    .unwrap_or(rest.len() - after)
        }),
        _ => stop,
    };
    let mut np = trim(s, at, at + stop);
    let text = &s[np.0..np.1];
    let text_end = text.trim_end_matches(['.', '!', '?']);
    np.1 = np.0 + text_end.len();
    if text_end.is_empty() || words(text_end) > 20 {
        return None;
    }
    Some(np)
}

/// "by X that Y": the agent phrase and where the content starts.
pub fn np_until_that(s: &str, at: usize, end: usize) -> (Range, usize) {
    let rest = &s[at..end];
    match rest.find(" that ") {
        Some(i) if words(&rest[..i]) <= 10 => (trim(s, at, at + i), at + i + 6),
        _ => {
            let np = np_after(s, at, end).unwrap_or((at, at));
            (np, np.1)
        }
    }
}

pub fn comma_before(s: &str, from: usize, to: usize) -> usize {
    let head = s[from..to].trim_end();
    from + head.strip_suffix(',').unwrap_or(head).trim_end().len()
}

pub fn skip_comma(s: &str, at: usize) -> usize {
    let rest = &s[at..];
    let t = rest.trim_start();
    let t2 = t.strip_prefix(',').unwrap_or(t).trim_start();
    at + rest.len() - t2.len()
}

pub fn trim(s: &str, a: usize, b: usize) -> Range {
    let t = &s[a..b];
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    if lead == t.len() {
        return (a, a);
    }
    (a + lead, b - trail)
}

pub fn words(s: &str) -> usize {
    s.split_whitespace().count()
}
