//! Reporting cues: the verbs and phrases that introduce reported speech
//! ("said", "warned", "denied", "according to", "citing", "quoted X as
//! saying", "called ... baseless"), found in one sentence and filtered for
//! the uses that are not attributions (nouns, infinitives, negations,
//! agentless passives).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{
    ASSERT_VERBS, AUXILIARIES, BE, DENY_VERBS, DETERMINERS, NEGATIONS, NOUN_FOLLOWERS, NOUN_LIKE,
    WEAK_VERBS,
};
use super::record::Stance;

/// What kind of cue was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A finite reporting verb: "said", "has warned", "is skeptical that".
    Verb,
    /// A reporting verb in -ing form after a comma: ", adding that".
    Participle,
    /// "was reported by X": the agent follows the verb.
    Passive,
    /// "according to X".
    According,
    /// "citing X".
    Citing,
    /// "Y quoted X as saying".
    QuotedAs,
    /// "called X baseless": the object is what is denied.
    Called,
}

/// One cue in a sentence: byte range of the cue words, kind and stance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    pub kind: CueKind,
    pub stance: Stance,
    /// For `QuotedAs` the quoted speaker, for `Called` the object.
    pub inner: Option<(usize, usize)>,
}

static VERB: LazyLock<Regex> = LazyLock::new(|| {
    let forms: Vec<&str> = ASSERT_VERBS
        .iter()
        .chain(DENY_VERBS)
        .flat_map(|line| line.split_whitespace())
        .collect();
    Regex::new(&format!(r"\b(?:{})\b", forms.join("|"))).expect("verb regex")
});
static SKEPTICAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:is|are|was|were|remains?|remained)\s+(?:\w+\s+)?(?:skeptical|sceptical|doubtful)\s+(?:that|whether)\b").expect("skeptical regex")
});
static ACCORDING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[Aa]ccording to\b").expect("according regex"));
static CITING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[Cc]iting\b").expect("citing regex"));
static QUOTED_AS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bquoted\s+([^,;]{1,80}?)\s+as\s+(?:saying|telling|stating)\b(?:\s+that\b)?")
        .expect("quoted-as regex")
});
static CALLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\bcall(?:s|ed|ing)?\s+([^,;]{1,100}?)\s+["“]?(?:baseless|false|untrue|unfounded|groundless|fabricated|a fabrication|lies|a lie|nonsense|fake|fiction|absurd|ridiculous|slander|propaganda|inaccurate|misleading|an invention|invented|a hoax|a smear|a fantasy|a myth|defamatory|not true|incorrect)\b"#).expect("called regex")
});

/// Every cue in `s`, in order, without overlaps.
pub fn find(s: &str) -> Vec<Cue> {
    let mut cues = Vec::new();
    for m in QUOTED_AS.captures_iter(s) {
        let (all, who) = (m.get(0).expect("match"), m.get(1).expect("group"));
        cues.push(phrase(
            all.start(),
            all.end(),
            CueKind::QuotedAs,
            Some((who.start(), who.end())),
        ));
    }
    for m in CALLED.captures_iter(s) {
        let (all, obj) = (m.get(0).expect("match"), m.get(1).expect("group"));
        let mut cue = phrase(
            all.start(),
            all.end(),
            CueKind::Called,
            Some((obj.start(), obj.end())),
        );
        cue.stance = Stance::Denies;
        cues.push(cue);
    }
    for m in SKEPTICAL.find_iter(s) {
        let mut cue = phrase(m.start(), m.end(), CueKind::Verb, None);
        cue.stance = Stance::Denies;
        cues.push(cue);
    }
    for m in ACCORDING.find_iter(s) {
        cues.push(phrase(m.start(), m.end(), CueKind::According, None));
    }
    for m in CITING.find_iter(s) {
        cues.push(phrase(m.start(), m.end(), CueKind::Citing, None));
    }
    for m in VERB.find_iter(s) {
        if let Some(cue) = classify_verb(s, m.start(), m.end()) {
            cues.push(cue);
        }
    }
    cues.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    let quoted = quoted_spans(s);
    let mut out: Vec<Cue> = Vec::new();
    for cue in cues {
        if quoted.iter().any(|&(a, b)| a < cue.start && cue.end <= b) {
            continue;
        }
        if out.last().is_none_or(|last| cue.start >= last.end) {
            out.push(cue);
        }
    }
    out
}

/// Byte ranges inside paired quotation marks: cues there belong to the
/// quoted speaker's own words, not to the report.
fn quoted_spans(s: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let straight: Vec<usize> = s.match_indices('"').map(|(i, _)| i).collect();
    for pair in straight.chunks_exact(2) {
        spans.push((pair[0], pair[1]));
    }
    let mut open = None;
    for (i, c) in s.char_indices() {
        match c {
            '“' => open = Some(i),
            '”' => {
                if let Some(o) = open.take() {
                    spans.push((o, i));
                }
            }
            _ => {}
        }
    }
    spans
}

fn phrase(start: usize, end: usize, kind: CueKind, inner: Option<(usize, usize)>) -> Cue {
    Cue {
        start,
        end,
        kind,
        stance: Stance::Asserts,
        inner,
    }
}

/// Decides whether the verb form at `start..end` reports speech here.
fn classify_verb(s: &str, start: usize, end: usize) -> Option<Cue> {
    let word = &s[start..end];
    let before = words_before(s, start, 4);
    let prev = before.last().map_or("", |w| w.as_str());
    let next = s[end..].split_whitespace().next().unwrap_or("");
    let next = next
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let punct_follows = s[end..].starts_with([',', '.', ';', ':', ')']);
    // "some say", "many say": a quantifier before "say" is its subject.
    let quantifier = word == "say" && matches!(prev, "some" | "many" | "others" | "few" | "most");
    // "Ruiz's claim that ...": a possessor's claim reports what they claim.
    let possessor_claims =
        prev.ends_with("'s") && next == "that" && matches!(word, "claim" | "claims");
    if NOUN_LIKE.contains(&word)
        && !quantifier
        && !possessor_claims
        && (DETERMINERS.contains(&prev)
            || prev.ends_with("'s")
            || (!word.ends_with("ed") && NOUN_FOLLOWERS.contains(&next.as_str()))
            // "..., experts say." is a verb; "have a say." has its determiner.
            || (punct_follows && word != "say"))
    {
        return None;
    }
    if word == "think" && next.starts_with("tank") {
        return None;
    }
    // "adding to her lead", "responded to the ad", "pledged delegates": no
    // content follows.
    let idle = match word {
        // "add up", "add a title to": the base form reports only with content.
        "add" => matches!(next.as_str(), "up" | "to") || !introduces_content(&s[end..]),
        w if w.starts_with("add") => next == "to",
        // "the jobs report could", "an 800-page report": a noun unless a
        // pronoun or an auxiliary comes before it.
        "report" => !matches!(
            prev,
            "they"
                | "we"
                | "i"
                | "you"
                | "will"
                | "would"
                | "could"
                | "may"
                | "might"
                | "can"
                | "should"
                | "did"
                | "do"
                | "also"
        ),
        w if w.starts_with("respon") || w.starts_with("repl") || w.starts_with("counter") => {
            matches!(next.as_str(), "to" | "with" | "by" | "in" | "on")
        }
        w if w.starts_with("pledg") => next.starts_with("delegate"),
        _ => false,
    };
    if idle {
        return None;
    }
    // "tweet-date", "well-written": part of a hyphenated word.
    if s[end..].starts_with('-') || s[..start].ends_with('-') {
        return None;
    }
    if prev == "to" {
        return None;
    }
    // "the transfers, if confirmed, would ...": a conditional insert.
    if matches!(prev, "if" | "unless" | "once" | "until" | "when" | "as") && word.ends_with("ed") {
        return None;
    }
    let chain: Vec<&str> = before
        .iter()
        .rev()
        .map(String::as_str)
        .take_while(|w| {
            AUXILIARIES.contains(w) || NEGATIONS.contains(w) || BE.contains(w) || w.ends_with("n't")
        })
        .collect();
    if chain
        .iter()
        .any(|w| NEGATIONS.contains(w) || w.ends_with("n't"))
    {
        return None;
    }
    let stance = FORMS.get(word).map_or(Stance::Asserts, |f| f.0);
    let mut cue = Cue {
        start,
        end,
        kind: CueKind::Verb,
        stance,
        inner: None,
    };
    if chain.iter().any(|w| BE.contains(w)) {
        if word.ends_with("ing") {
            return Some(cue);
        }
        let by = s[end..].trim_start().starts_with("by ");
        cue.kind = CueKind::Passive;
        return by.then_some(cue);
    }
    if is_weak(word) && !introduces_content(&s[end..]) {
        return None;
    }
    if word.ends_with("ing") {
        let comma = s[..start].trim_end().ends_with(',');
        let by_saying = prev == "by" && word == "saying";
        if !comma && !by_saying && !MESSAGE_NOUNS.contains(&prev) {
            return None;
        }
        cue.kind = CueKind::Participle;
    }
    Some(cue)
}

/// Words after which an -ing form of a reporting verb gives the subject's
/// words without a comma: "issued a statement saying" (and "by saying").
const MESSAGE_NOUNS: &[&str] = &[
    "statement",
    "letter",
    "email",
    "e-mail",
    "memo",
    "tweet",
    "post",
    "message",
    "note",
    "release",
    "video",
    "ad",
    "advertisement",
    "op-ed",
    "column",
    "filing",
];

fn is_weak(word: &str) -> bool {
    FORMS.get(word).is_some_and(|f| f.1)
}

/// Every verb form with its stance and whether the verb is weak.
static FORMS: LazyLock<HashMap<&'static str, (Stance, bool)>> = LazyLock::new(|| {
    let mut forms = HashMap::new();
    for (lines, stance) in [
        (ASSERT_VERBS, Stance::Asserts),
        (DENY_VERBS, Stance::Denies),
    ] {
        for line in lines {
            let weak = line
                .split_whitespace()
                .next()
                .is_some_and(|base| WEAK_VERBS.contains(&base));
            for form in line.split_whitespace() {
                forms.insert(form, (stance, weak));
            }
        }
    }
    forms
});

/// Whether text after a verb opens reported content: "that", a quotation,
/// a colon, a clause with a pronoun subject ("announced it would close"),
/// or the verb ends the clause (", officials confirmed.").
fn introduces_content(rest: &str) -> bool {
    let t = rest.trim_start();
    t.starts_with("that ")
        || t.starts_with(['"', '“', ':', ',', '.'])
        || t.is_empty()
        || t.split_whitespace().take(6).any(|w| w == "that")
        || opens_pronoun_clause(t)
}

/// Subject pronouns that open a clause after a verb without "that".
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i"];

/// Whether `t` starts with a subject pronoun and a finite verb ("it would
/// close", "she had known", "they were"): after "announced" or "admitted"
/// that is a clause, where "announced it Tuesday" or "admitted them" has an
/// object.
fn opens_pronoun_clause(t: &str) -> bool {
    let mut words = t.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
            .to_lowercase()
    });
    let (Some(subject), Some(verb)) = (words.next(), words.next()) else {
        return false;
    };
    if !SUBJECT_PRONOUNS.contains(&subject.as_str()) {
        return false;
    }
    let finite = |w: &str| {
        BE.contains(&w)
            || matches!(
                w,
                "has"
                    | "have"
                    | "had"
                    | "will"
                    | "would"
                    | "could"
                    | "can"
                    | "may"
                    | "might"
                    | "should"
                    | "must"
                    | "did"
                    | "does"
                    | "do"
            )
            || w.ends_with("n't")
    };
    finite(&verb) || (verb.len() > 3 && verb.ends_with("ed"))
}

/// Up to `n` lower-cased words before byte `at`, nearest last.
pub fn words_before(s: &str, at: usize, n: usize) -> Vec<String> {
    let head = &s[..at];
    let mut words: Vec<String> = head
        .split_whitespace()
        .rev()
        .take(n)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .to_lowercase()
                .replace('’', "'")
        })
        .collect();
    if head.trim_end().ends_with([',', ';', ':', '"', '”']) {
        words.truncate(0);
    }
    words.reverse();
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(String, CueKind, Stance)> {
        find(s)
            .into_iter()
            .map(|c| (s[c.start..c.end].to_string(), c.kind, c.stance))
            .collect()
    }

    #[test]
    fn finite_verbs_in_all_tenses() {
        for s in [
            "Kim said so.",
            "Kim says so.",
            "Kim has warned that",
            "Kim will tell them",
        ] {
            assert_eq!(kinds(s).len(), 1, "{s}");
        }
    }

    #[test]
    fn nouns_infinitives_and_negations_are_not_cues() {
        for s in [
            "Other reports suggest",
            "the report was late",
            "Pyongyang doesn't report economic data",
            "he declined to say more",
            "it is expected to grow",
            "with reporting by AP",
            "an estimated two million",
            "the transfers, if confirmed, would",
            "a deal, if announced, would",
            "the State jobs report could lift stocks that day",
            "the figures add up to a deficit that grew",
            "they add a new title to the list",
        ] {
            let found: Vec<_> = kinds(s).into_iter().filter(|k| k.0 != "suggest").collect();
            assert!(found.is_empty(), "{s}: {found:?}");
        }
    }

    /// A weak verb reports a clause with a pronoun subject and a finite verb,
    /// but not a plain object.
    #[test]
    fn weak_verbs_report_a_pronoun_clause_without_that() {
        for s in [
            "The mill announced it would close in May.",
            "Ruiz admitted she had known for weeks.",
            "The board acknowledged they were late.",
        ] {
            assert_eq!(kinds(s).len(), 1, "{s}");
        }
        for s in [
            "The mill announced it Tuesday.",
            "Ruiz admitted them to the ward.",
            "The mill announced its plan.",
        ] {
            assert!(kinds(s).is_empty(), "{s}: {:?}", kinds(s));
        }
    }

    /// "claim" after a possessive is a noun, except that a possessor's claim
    /// that something is so reports it; a negated belief is no cue, however
    /// its apostrophe is typed.
    #[test]
    fn possessors_claims_and_curly_negations() {
        assert_eq!(kinds("Ruiz's claim that the pier is safe").len(), 1);
        assert!(kinds("Ruiz's claim was rejected").is_empty());
        assert!(kinds("he didn’t believe the pier was safe").is_empty());
    }

    #[test]
    fn denials_and_phrases() {
        let k = kinds("Moscow denied it, calling the claims baseless, according to TASS.");
        assert_eq!(k[0], ("denied".into(), CueKind::Verb, Stance::Denies));
        assert_eq!(k[1].1, CueKind::Called);
        assert_eq!(k[2].1, CueKind::According);
        let k = kinds("Basu is skeptical that it will help");
        assert_eq!(k[0].2, Stance::Denies);
    }

    #[test]
    fn participles_and_passives() {
        let k = kinds("Basu said so, adding that it helps.");
        assert_eq!(k[1].1, CueKind::Participle);
        let k = kinds("It was reported by local media that");
        assert_eq!(k[0].1, CueKind::Passive);
        let k = kinds("Folha quoted Mendes as saying that the union");
        assert_eq!(k.len(), 1);
        assert_eq!(k[0].1, CueKind::QuotedAs);
    }
}
