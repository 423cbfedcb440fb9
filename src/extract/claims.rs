//! The reported content as text: pieces joined, whitespace collapsed, the
//! framing trimmed ("that", quotation marks, datelines, trailing
//! conjunctions), questions dropped, "no such" read as a denial, and "and that"
//! split in two when one half denies what the other asserts.

use std::sync::LazyLock;

use regex::Regex;

use super::record::Stance;

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Lu}{2}[\p{Lu} .'-]*(?:,[^,(\-–—]{1,30}){0,2}\s*(?:\([^)]{1,40}\))?\s*[-–—]+\s+",
    )
    .expect("dateline regex")
});
static AND_THAT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",?\s+and\s+that\s+").expect("and-that regex"));
static NO_SUCH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bno such\s+").expect("no-such regex"));

/// Words that may dangle at the end of a claim cut before the next speaker.
const DANGLING: &[&str] = &[
    "and",
    "but",
    "though",
    "although",
    "while",
    "whereas",
    "because",
    "which",
    "who",
    "something",
    "that",
];

/// One claim with the stance it is reported with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    pub text: String,
    pub stance: Stance,
}

/// Turns the claim pieces of one attribution into one or more claims.
/// Returns nothing for empty content, and for reported questions unless they
/// are quoted: a quotation is kept whole as the speaker's words, a reported
/// question ("asked whether the deal would hold?") asserts nothing.
pub fn contents(pieces: &[&str], stance: Stance, quoted: bool) -> Vec<Content> {
    let joined = pieces.join(" ");
    let text = clean(&joined);
    if is_adjunct(&text) {
        return Vec::new();
    }
    let text = if quoted {
        text
    } else {
        let Some(text) = drop_questions(&text) else {
            return Vec::new();
        };
        text
    };
    let parts: Vec<Content> = AND_THAT
        .split(&text)
        .map(clean)
        .filter(|t| t.split_whitespace().count() >= 2)
        .map(|t| no_such(t, stance))
        .collect();
    // "X and that Y" is one claim, unless one half denies what the other asserts.
    if parts.iter().all(|p| p.stance == stance) {
        return no_such_whole(text, stance);
    }
    parts
}

/// Whether what follows a verb is only an adjunct or a question, not a claim:
/// "reported from Los Angeles", "said as he launched the process", "will tell
/// if it lasts". A fronted adjunct before a clause ("as a nation, we must do
/// better") is longer or has its comma.
fn is_adjunct(text: &str) -> bool {
    const OPENERS: &[&str] = &[
        "from",
        "as",
        "in",
        "of",
        "on",
        "by",
        "without",
        "with",
        "at",
        "during",
        "while",
        "after",
        "before",
        "when",
        "for",
        "to",
        "if",
        "whether",
        "matter-of-factly",
    ];
    let first = text.split_whitespace().next().unwrap_or("");
    OPENERS.contains(&first)
        && text.split_whitespace().count() <= 8
        && !text.contains([',', '"', '“'])
}

/// The length of a dateline opening `text` ("LONDON (AP) — "), or 0.
pub fn dateline_len(text: &str) -> usize {
    DATELINE.find(text).map_or(0, |m| m.end())
}

/// Collapses whitespace and trims framing from both ends.
pub fn clean(raw: &str) -> String {
    let mut text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(m) = DATELINE.find(&text) {
        text = text[m.end()..].to_string();
    }
    loop {
        let before = text.len();
        let t = text.trim_matches(|c: char| c.is_whitespace() || ",;:.-—–".contains(c));
        let t = ["that ", "But ", "And ", "So "]
            .iter()
            .find_map(|p| t.strip_prefix(p))
            .unwrap_or(t);
        let t = strip_outer_quotes(t);
        let t = drop_lone_quote(t);
        let t = strip_dangling(&t);
        text = t.to_string();
        if text.len() == before {
            return text;
        }
    }
}

fn strip_outer_quotes(t: &str) -> &str {
    let inner = t
        .strip_prefix(['"', '“'])
        .and_then(|r| r.strip_suffix(['"', '”']));
    match inner {
        Some(i) if !i.contains(['"', '“', '”']) => i,
        _ => {
            let quotes = t.matches('"').count();
            if quotes == 1 && (t.starts_with('"') || t.ends_with('"')) {
                t.trim_matches('"')
            } else {
                t
            }
        }
    }
}

/// Removes a quotation mark left without its partner by a cut claim
/// ("the money was “spread too thin").
fn drop_lone_quote(t: &str) -> std::borrow::Cow<'_, str> {
    let marks: Vec<(usize, char)> = t
        .char_indices()
        .filter(|&(_, c)| matches!(c, '"' | '“' | '”'))
        .collect();
    match marks.as_slice() {
        [(i, c)] => {
            let mut s = t.to_string();
            s.replace_range(*i..*i + c.len_utf8(), "");
            std::borrow::Cow::Owned(s)
        }
        _ => std::borrow::Cow::Borrowed(t),
    }
}

fn strip_dangling(t: &str) -> &str {
    let Some((i, c)) = t.char_indices().rev().find(|&(_, c)| c.is_whitespace()) else {
        return t;
    };
    let last = t[i + c.len_utf8()..]
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if DANGLING.contains(&last.as_str()) {
        &t[..i]
    } else {
        t
    }
}

/// Drops trailing questions ("They died. What else could it be?"); `None`
/// when the whole content is a question.
fn drop_questions(text: &str) -> Option<String> {
    let mut t = text.trim_end_matches(['"', '”', ' ']);
    while t.ends_with('?') {
        let body = &t[..t.len() - 1];
        match body.rfind(['.', '!', '?']) {
            Some(i) => t = body[..=i].trim_end(),
            None => return None,
        }
    }
    let t = clean(t);
    (!t.is_empty()).then_some(t)
}

fn no_such_whole(text: String, stance: Stance) -> Vec<Content> {
    if text.split_whitespace().count() < 2 {
        return Vec::new();
    }
    vec![Content { text, stance }]
}

/// "no such spill had occurred" denies "spill had occurred".
fn no_such(text: String, stance: Stance) -> Content {
    if stance == Stance::Asserts && NO_SUCH.is_match(&text) {
        let text = NO_SUCH.replace(&text, "").into_owned();
        return Content {
            text: clean(&text),
            stance: Stance::Denies,
        };
    }
    Content { text, stance }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Vec<Content> {
        contents(&[s], Stance::Asserts, false)
    }

    #[test]
    fn framing_is_trimmed() {
        assert_eq!(
            one(" that the deal  will fail.")[0].text,
            "the deal will fail"
        );
        assert_eq!(one("\"It will grow,\"")[0].text, "It will grow");
        assert_eq!(
            one("sent arms to Ukraine; something")[0].text,
            "sent arms to Ukraine"
        );
        assert_eq!(
            one("SANTOS, Brazil, March 4 (Wire) - Dockworkers will strike")[0].text,
            "Dockworkers will strike"
        );
        assert_eq!(
            one("LONDON — Defences will fail")[0].text,
            "Defences will fail"
        );
        assert_eq!(
            one("the money was “spread too thin")[0].text,
            "the money was spread too thin"
        );
        assert!(one("Not").is_empty());
    }

    #[test]
    fn adjuncts_and_questions_after_the_verb_are_no_claims() {
        for adjunct in [
            "from Los Angeles",
            "as he launched the process",
            "if it will last",
        ] {
            assert!(one(adjunct).is_empty(), "{adjunct}");
        }
        assert_eq!(one("In Miami, prices rose").len(), 1);
    }

    #[test]
    fn questions_are_dropped() {
        assert!(one("Will it rain?").is_empty());
        assert_eq!(
            one("They died. What else could it be?")[0].text,
            "They died"
        );
    }

    #[test]
    fn and_that_keeps_one_claim_of_one_stance() {
        let c = one("the deal will fail and that prices will rise");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].text, "the deal will fail and that prices will rise");
    }

    #[test]
    fn and_that_splits_and_no_such_denies() {
        let c = one("no such spill had occurred and that rain caused it");
        assert_eq!(c.len(), 2);
        assert_eq!(
            c[0],
            Content {
                text: "spill had occurred".into(),
                stance: Stance::Denies
            }
        );
        assert_eq!(c[1].stance, Stance::Asserts);
    }
}
