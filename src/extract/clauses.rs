//! The shape of one attribution inside a sentence: given the cues, where the
//! speaker phrase is (before the verb, after it, after the quote) and where
//! the reported content is (a quote, a "that" clause, the clause before
//! ", X said", the object of a denial).
//!
//! Everything here is byte ranges into one sentence; naming and resolving
//! speakers is left to `sources`.

use std::sync::LazyLock;

use regex::Regex;

use super::cues::{self, Cue, CueKind};
use super::denials::set_denied_object;
use super::headlines;
use super::lexicon::AUXILIARIES;
use super::phrases::{
    comma_before, first_word, is_trailer, np_after, np_until_that, relative_antecedent, skip_comma,
    strip_auxiliaries, subject, subject_with_clause, trailing_np, trim, words, Range, ADJUNCT,
    CLAIM_NOUN, LEADERS,
};
use super::raw::{Raw, Who};
use super::record::Stance;
use super::relays::{attach_citations, bound_claims};

/// A refusal to comment: a sentence that reports one has no attribution.
static DECLINED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(?:declined|refused) to (?:comment|be interviewed|elaborate|say|give|discuss|answer|respond)|did not (?:respond|return)|could not be reached|was not available|were not available)\b")
        .expect("declined regex")
});
static THAT_AFTER_ADJUNCT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^\s*(?:(?:on|in|at|last|this|earlier|during|after|before|late|early|to|by|from|via|through|with|over)\b[^,;"“”]{0,70}?\s|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)(?:\s+(?:morning|afternoon|evening|night))?\s)?that\s+"#)
        .expect("adjunct regex")
});
/// Where a reported clause gives way to the writer's own comment on it: a
/// semicolon, or a comma before "which", "when", "where", "whose", "while",
/// "with", "despite", "although", "as has", "pointing to", "compared with",
/// "except" ("they had a positive view of her, compared with 33 percent last
/// month"). Dashes are left alone: they mostly pair round an aside that
/// belongs to the claim.
static AFTERTHOUGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:;\s|,\s+(?:compared (?:with|to)|which|when|with|despite|except|even as|although|while|whose|where|pointing to|as has|as have)\s)",
    )
    .expect("afterthought regex")
});
static TOLD_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?:the\s+)?[A-Z][\w.&'-]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w.&'-]*)*|reporters|journalists|me|us|him|her|them|lawmakers|senators|legislators|parliament|congress|investors|supporters|voters|delegates|donors|members|officials|investigators|police|employees|students|residents|(?:the|a|an|his|her|their|its)\s+[\w-]+(?:\s+[\w-]+)?)\b")
        .expect("told regex")
});
/// A colon right after a cue, or after a short adjunct ("said in a
/// statement:").
static COLON_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^(?:\s+[\w'’-]+){0,4}\s*:\s"#).expect("colon-after regex"));
/// The most cues read in one sentence.
const MAX_CUES: usize = 12;

/// The attributions of sentence `s`.
pub fn analyze(s: &str) -> Vec<Raw> {
    if DECLINED.is_match(s) {
        return Vec::new();
    }
    if let Some(raw) = headlines::colon(s) {
        return vec![raw];
    }
    let mut cues = cues::find(s);
    // Prose reports a few things per sentence; a run of text without stops
    // (a list, junk, a transcript with its punctuation lost) is read for its
    // first few cues only, so that work per sentence stays bounded.
    cues.truncate(MAX_CUES);
    // "X added: ...": what follows the colon is X's, cues in it included.
    if let Some(k) = cues.iter().position(|c| COLON_AFTER.is_match(&s[c.end..])) {
        cues.truncate(k + 1);
    }
    if cues.is_empty() {
        return headlines::titled(s).into_iter().collect();
    }
    let mut raws: Vec<(Raw, usize)> = Vec::new();
    let mut prev_end = 0;
    let mut prev_from = 0;
    let mut antecedent: Option<Range> = None;
    for (k, cue) in cues.iter().enumerate() {
        if cue.start < prev_end {
            continue; // inside the speaker phrase of the previous cue
        }
        let next = cues.get(k + 1).map_or(s.len(), |c| c.start);
        let mut found = one(s, cue, prev_end, next);
        let after_citing = k > 0 && cues[k - 1].kind == CueKind::Citing;
        if found.is_none() && after_citing {
            // "The Pentagon, citing intelligence reports, said ...": the subject
            // stands before the citation.
            found = one(s, cue, prev_from, next);
        }
        prev_from = prev_end;
        let relative = relative_antecedent(s, prev_end, cue.start);
        if let (Some(np), Some((raw, edge, _))) = (antecedent.take(), found.as_mut()) {
            // "Podesta, who said X, said Y": Podesta says Y too, and X ends
            // at the comma closing the relative clause.
            let closed = s[prev_end..cue.start].trim_end().ends_with(',');
            let quoted = s[prev_end..cue.start].contains(['"', '“', '”']);
            if closed
                && !quoted
                && !raw.quoted
                && matches!(raw.who, Who::Phrase((a, _)) if a >= prev_end)
            {
                raw.who = Who::Phrase(np);
                *edge = comma_before(s, prev_end, cue.start);
            }
        }
        if let Some((mut raw, left_edge, consumed)) = found {
            antecedent = relative.filter(|&np| raw.who == Who::Phrase(np));
            raw.antecedent = antecedent.is_some();
            raws.push((raw, left_edge));
            prev_end = consumed.max(cue.end);
        } else {
            prev_end = cue.end;
        }
    }
    bound_claims(s, &mut raws);
    attach_citations(s, raws)
}

/// Words after which "according to X," opens the claim rather than
/// interrupting it ("because, according to X, ...").
const OPENS_CLAUSE: &[&str] = &[
    "because", "that", "and", "but", "since", "as", "while", "so",
];

/// Words that open an apposition of the phrase before them ("X, a former
/// aide, ...") or a new clause ("..., and exporters estimate"), not the rest
/// of the clause "according to X" interrupts.
const APPOSITION_OPENERS: &[&str] = &[
    "a", "an", "the", "who", "which", "whose", "one", "former", "now", "then", "its", "his", "her",
    "their", "and", "but", "or", "while", "though", "although", "so", "as", "when", "where",
    "because",
];

/// The attribution of one cue, with the left edge of its own words (where
/// the previous claim must stop) and the end of what it consumed.
fn one(s: &str, cue: &Cue, from: usize, next: usize) -> Option<(Raw, usize, usize)> {
    let mut raw = Raw::new((cue.start, cue.end), cue.kind, cue.stance);
    let tail = s.len();
    match cue.kind {
        CueKind::According | CueKind::Citing => {
            let np = np_after(s, cue.end, tail)?;
            raw.who = Who::Phrase(np);
            let lead = s[from..cue.start].trim();
            let lead = lead.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '"');
            let rest = skip_comma(s, np.1);
            // "The plan, according to X, is to wait": the phrase sits inside
            // the claim, which goes on after it.
            let next_word = first_word(&s[rest..tail]);
            let apposition = APPOSITION_OPENERS.contains(&next_word.as_str())
                || s[rest..].starts_with(char::is_uppercase)
                || next_word.ends_with("ing");
            let comma = s[np.1..].starts_with(',') && words(&s[rest..tail]) >= 2;
            let inserted = comma && !apposition;
            let last = lead.trim_end_matches(',').rsplit(' ').next();
            let last = last.unwrap_or("").to_lowercase();
            if lead.is_empty()
                || lead.eq_ignore_ascii_case("but")
                || lead.eq_ignore_ascii_case("and")
                || (comma && OPENS_CLAUSE.contains(&last.as_str()))
            {
                raw.claim = vec![(rest, tail)];
            } else if inserted {
                raw.claim = vec![(from, comma_before(s, from, cue.start)), (rest, tail)];
            } else {
                raw.claim = vec![(from, comma_before(s, from, cue.start))];
            }
            Some((raw, comma_before(s, from, cue.start), np.1))
        }
        CueKind::QuotedAs => {
            let relay = subject(s, from, cue.start)?;
            raw.who = Who::Phrase(cue.inner?);
            raw.cites.push(relay);
            raw.relays.push(relay);
            raw.claim = vec![(cue.end, tail)];
            Some((raw, relay.0, cue.end))
        }
        CueKind::Passive => {
            let by = s[cue.end..].find("by ")? + cue.end + 3;
            let (np, rest) = np_until_that(s, by, tail);
            raw.who = Who::Phrase(np);
            if rest > np.1 {
                raw.claim = vec![(rest, tail)];
                return Some((raw, left_edge_passive(s, from, cue.start), np.1));
            }
            // "The figures were confirmed by the central bank": the subject.
            let (subject, clause) = subject_with_clause(s, from, cue.start)?;
            raw.claim = vec![strip_be(s, subject)];
            Some((raw, clause, np.1))
        }
        CueKind::Called => {
            let obj = cue.inner?;
            raw.who = who_left(s, from, cue.start)?;
            set_denied_object(s, obj.0, obj.1, &mut raw);
            let left = edge(&raw.who, cue.start);
            Some((raw, left, cue.end))
        }
        CueKind::Verb | CueKind::Participle => verb(s, cue, from, next, raw),
    }
}

/// A reporting verb: quote before it, ", X said" at the end, "X, he said,
/// Y" in the middle, or subject-verb-content.
fn verb(s: &str, cue: &Cue, from: usize, next: usize, mut raw: Raw) -> Option<(Raw, usize, usize)> {
    let tail = s.len();
    let quoted = match quote_before(s, from, cue.start) {
        Some((quote, Some(np))) => Some((quote, np)),
        Some((quote, None)) => np_after(s, cue.end, tail).map(|np| (quote, np)),
        None => None,
    };
    if let (Some((quote, np)), false) = (quoted, cue.kind == CueKind::Participle) {
        raw.quoted = true;
        raw.claim = vec![quote];
        raw.who = Who::Phrase(np);
        let mut end = np.1.max(cue.end);
        if let Some(rest) = quote_after(s, end, next) {
            raw.claim.push(rest);
            end = rest.1;
        }
        return Some((raw, quote.0, end));
    }
    if cue.kind == CueKind::Participle || coordinated(s, from, cue.start) {
        right_claim(s, cue, next, &mut raw);
        let edge = comma_before(s, from, cue.start);
        return Some((raw, edge, cue.end));
    }
    if let Some((comma, np)) = trailing_np(s, from, cue.start) {
        // "..., the ministry told senators on Tuesday, according to ...": the
        // addressee and the adjunct end the clause before the next cue.
        let after = s[after_addressee(s, cue, next)..next.max(cue.end)]
            .trim_end()
            .trim_end_matches(',');
        let relative = LEADERS.contains(&first_word(&s[np.0..np.1]).as_str())
            || CLAIM_NOUN.is_match(&s[np.0..np.1]);
        if !relative && is_trailer(after) {
            raw.who = Who::Phrase(np);
            raw.frames = true;
            raw.claim = vec![(from, comma)];
            return Some((raw, comma, next.max(cue.end)));
        }
        if after.trim_start().starts_with(',') && words(&s[np.0..np.1]) <= 6 {
            let resume = cue.end + after.find(',')? + 1;
            raw.who = Who::Phrase(np);
            raw.frames = true;
            raw.claim = vec![(from, comma), (resume, next)];
            return Some((raw, comma, resume));
        }
    }
    if let Some((comma, np)) = speaker_after(s, from, cue, next) {
        raw.who = Who::Phrase(np);
        raw.frames = true;
        raw.claim = vec![(from, comma)];
        return Some((raw, comma, next));
    }
    let (who, clause) = subject_with_clause(s, from, cue.start)?;
    raw.who = Who::Phrase(who);
    let lead = s[clause..who.0].to_lowercase();
    raw.relative = CLAIM_NOUN.is_match(&lead)
        || lead
            .split_whitespace()
            .any(|w| matches!(w, "something" | "which" | "what"));
    right_claim(s, cue, next, &mut raw);
    Some((raw, clause, cue.end))
}

/// "CLAIM, said NP[, apposition]": the speaker follows the verb at the end of the
/// clause. The comma ending the claim and the speaker phrase; `None` when what
/// follows the verb reads as a clause ("..., said the plan would fail").
fn speaker_after(s: &str, from: usize, cue: &Cue, next: usize) -> Option<(usize, Range)> {
    if !INVERTED.contains(&s[cue.start..cue.end].to_lowercase().as_str()) {
        return None;
    }
    let head = s[from..cue.start].trim_end();
    let comma = from + head.strip_suffix(',')?.len();
    if words(&s[from..comma]) < 5 || head.ends_with(['"', '”']) {
        return None;
    }
    let np = np_after(s, cue.end, next)?;
    let text = &s[np.0..np.1];
    let first = first_word(text);
    let opener =
        text.chars().next().is_some_and(char::is_uppercase) || NP_OPENERS.contains(&first.as_str());
    let clause = text.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        CLAUSE_WORDS.contains(&w.as_str()) || w.ends_with("n't")
    });
    // What follows the phrase up to the sentence's end: a later cue does not
    // make "..., said Sanders believes X" end at "Sanders".
    let rest = s[np.1..].trim_start();
    let ends = rest.is_empty() || rest.starts_with([',', '.', '(', ';']) || is_trailer(rest);
    (opener && !clause && ends && words(text) <= 12 && first != "that").then_some((comma, np))
}

/// Verbs that put their speaker after them ("..., said the minister").
const INVERTED: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "wrote",
    "writes",
    "explained",
    "noted",
    "continued",
    "recalled",
    "argued",
    "argues",
    "insisted",
    "observed",
    "remarked",
    "warned",
    "cautioned",
    "acknowledged",
    "conceded",
    "countered",
    "replied",
    "responded",
    "stated",
    "declared",
    "complained",
    "suggested",
    "predicted",
    "tweeted",
    "asked",
    "reported",
    "reports",
    "according",
    "concluded",
    "confirmed",
    "announced",
    "claimed",
    "claims",
    "added",
];

/// Words that open a noun phrase naming a speaker after "said".
const NP_OPENERS: &[&str] = &[
    "the", "a", "an", "another", "one", "two", "three", "several", "some", "many", "former",
    "senior", "top", "longtime", "both", "his", "her", "their", "its",
];

/// Words that make what follows a verb a clause rather than a noun phrase.
const CLAUSE_WORDS: &[&str] = &[
    "is", "are", "was", "were", "will", "would", "has", "have", "had", "can", "could", "should",
    "may", "might", "must", "did", "does", "do", "be", "been", "not", "that", "it", "they", "he",
    "she", "we", "i", "you", "there", "this",
];

/// "The figures were" -> "The figures".
fn strip_be(s: &str, (a, b): Range) -> Range {
    let text = s[a..b].trim_end();
    for be in [
        " was",
        " were",
        " is",
        " are",
        " has been",
        " have been",
        " had been",
    ] {
        if let Some(rest) = text.strip_suffix(be) {
            return (a, a + rest.len());
        }
    }
    (a, a + text.len())
}

fn edge(who: &Who, cue_start: usize) -> usize {
    match who {
        Who::Phrase((a, _)) if *a < cue_start => *a,
        _ => cue_start,
    }
}

fn left_edge_passive(s: &str, from: usize, cue_start: usize) -> usize {
    let head = &s[from..cue_start];
    head.rfind(|c: char| c.is_uppercase())
        .filter(|&i| head[i..].split_whitespace().count() <= 3)
        .map_or(cue_start, |i| from + i)
}

/// Speaker for a cue whose subject is to its left, or the previous speaker.
fn who_left(s: &str, from: usize, to: usize) -> Option<Who> {
    if coordinated(s, from, to) || s[..to].trim_end().ends_with(',') {
        return Some(Who::Previous);
    }
    subject(s, from, to).map(Who::Phrase)
}

/// The content to the right of a verb: skips the addressee of "told", time
/// and manner adjuncts and "that"; for denials, reads the object.
fn right_claim(s: &str, cue: &Cue, next: usize, raw: &mut Raw) {
    let mut start = after_addressee(s, cue, next);
    if let Some(m) = THAT_AFTER_ADJUNCT.find(&s[start..next]) {
        start += m.end();
    } else if let Some(m) = ADJUNCT.find(&s[start..next]) {
        start += m.end();
    }
    if raw.stance == Stance::Denies && !s[cue.start..cue.end].contains(' ') {
        set_denied_object(s, start, next, raw);
    } else {
        raw.claim = vec![(start, before_afterthought(s, start, next))];
    }
}

/// The end of a reported clause `s[start..end]` before the writer's comment
/// that follows it (see `AFTERTHOUGHT`), outside quotation marks and after
/// at least four words of the clause.
fn before_afterthought(s: &str, start: usize, end: usize) -> usize {
    let clause = &s[start..end];
    AFTERTHOUGHT
        .find_iter(clause)
        .find(|m| {
            let head = &clause[..m.start()];
            words(head) >= 4 && head.matches(['"', '“', '”']).count().is_multiple_of(2)
        })
        .map_or(end, |m| start + m.start())
}

/// Where what follows a verb of telling starts after its addressee ("told
/// senators", "telling a radio station"); the end of any other cue.
fn after_addressee(s: &str, cue: &Cue, next: usize) -> usize {
    let word = &s[cue.start..cue.end];
    if !(word.starts_with("tel") || word.starts_with("told")) || next < cue.end {
        return cue.end;
    }
    TOLD_OBJECT
        .find(&s[cue.end..next])
        .map_or(cue.end, |m| cue.end + m.end())
}

/// A quotation closing just before the cue (`"...," X said`): the quote's
/// content and the phrase between quote and verb, if any.
fn quote_before(s: &str, from: usize, to: usize) -> Option<(Range, Option<Range>)> {
    let region = &s[from..to];
    let (close_rel, close_char) = region
        .char_indices()
        .rev()
        .find(|&(_, c)| c == '"' || c == '”')?;
    let close = from + close_rel;
    let between = &s[close + close_char.len_utf8()..to];
    if between.contains(['"', '“']) || words(between) > 25 {
        return None;
    }
    let open = if close_char == '”' {
        s[..close].rfind('“')?
    } else {
        if s[..close].matches('"').count().is_multiple_of(2) {
            return None;
        }
        s[..close].rfind('"')?
    };
    if names_a_title(&s[..open]) {
        return None;
    }
    let open = open + s[open..].chars().next().map_or(1, char::len_utf8);
    let content = s[open..close].trim_end();
    let comma_after = between.trim_start().starts_with(',');
    if !(comma_after || content.ends_with([',', '.', '!', '?', '…', '-', '—'])) {
        return None;
    }
    let np_start = close + close_char.len_utf8();
    let np = trim(s, np_start, to);
    let np = (skip_comma(s, np.0).min(np.1), np.1);
    let np = strip_auxiliaries(s, np);
    // `"robust", though he conceded`: the quote ends another clause.
    let opener = first_word(&s[np.0..np.1]);
    if matches!(
        opener.as_str(),
        "though" | "although" | "but" | "and" | "while" | "whereas" | "because" | "since" | "so"
    ) {
        return None;
    }
    let np = if np.0 < np.1 { Some(np) } else { None };
    Some(((open, close), np))
}

/// Whether a quotation opening right after `head` is a title, not words
/// spoken: after a preposition or a possessive (`in an interview on WKRT's
/// "Morning Hour," the mayor said ...`).
fn names_a_title(head: &str) -> bool {
    let last = head.split_whitespace().next_back().unwrap_or("");
    let last = last.to_lowercase();
    last.ends_with("'s")
        || last.ends_with("’s")
        || matches!(
            last.as_str(),
            "on" | "in"
                | "to"
                | "of"
                | "from"
                | "at"
                | "by"
                | "with"
                | "about"
                | "titled"
                | "called"
                | "entitled"
                | "dubbed"
        )
}

/// The second half of a quotation split by its speaker (`"A," X said, "B."`): a
/// quotation opening after a comma or colon right after the cue (a short adjunct such as
/// "in a statement" or the speaker's apposition may come between), up to its closing
/// mark or `end`.
fn quote_after(s: &str, at: usize, end: usize) -> Option<Range> {
    let rest = s.get(at..end)?;
    let open = rest.find(['"', '“'])?;
    let between = rest[..open].trim_end();
    if !between.ends_with([',', ':']) || between.contains(['"', '”']) || words(between) > 16 {
        return None;
    }
    let mark = rest[open..].chars().next()?;
    let start = at + open + mark.len_utf8();
    let close = s[start..end].find(['"', '”']).map_or(end, |i| start + i);
    (close > start).then_some((start, close))
}

/// Whether the verb continues the previous clause's subject ("... and accused").
fn coordinated(s: &str, from: usize, to: usize) -> bool {
    let words = cues::words_before(s, to, 3);
    let words: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !AUXILIARIES.contains(w))
        .collect();
    matches!(words.last(), Some(&"and") | Some(&"but")) && from < to
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str) -> Vec<(String, String, Stance)> {
        analyze(s)
            .into_iter()
            .map(|r| {
                let who = match r.who {
                    Who::Phrase((a, b)) => s[a..b].trim_end_matches(',').to_string(),
                    Who::Previous => "<prev>".into(),
                };
                let claim: Vec<&str> = r.claim.iter().map(|&(a, b)| s[a..b].trim()).collect();
                (who, claim.join(" | "), r.stance)
            })
            .collect()
    }

    fn pairs(s: &str) -> Vec<(String, String)> {
        show(s).into_iter().map(|(w, c, _)| (w, c)).collect()
    }

    #[test]
    fn a_relative_who_speaks_for_its_noun_and_the_main_verb_follows() {
        let s = "Okafor, who said the audit was finished, said the mayor was told in May.";
        assert_eq!(
            pairs(s),
            vec![
                ("Okafor".into(), "the audit was finished".into()),
                ("Okafor".into(), "the mayor was told in May.".into()),
            ]
        );
        // Inside another claim, the relative clause is part of it.
        let s = "Lund said he met no donors who suggested that the senator quit.";
        assert_eq!(
            pairs(s)[0].1,
            "he met no donors who suggested that the senator quit."
        );
    }

    #[test]
    fn a_clause_opened_by_a_conjunction_has_its_own_subject() {
        let s = "Mara said she moved here because she thought the schools were better.";
        let found = pairs(s);
        assert_eq!(
            found[0],
            (
                "Mara".into(),
                "she moved here because she thought the schools were better.".into()
            )
        );
        assert_eq!(found[1], ("she".into(), "the schools were better.".into()));
    }

    #[test]
    fn a_long_apposition_leaves_the_name_as_speaker() {
        let s = "Dana Ruiz, a county organizer who ran three field offices in the last cycle and now leads the early-vote drive in the northern half of the state, said turnout would rise.";
        assert_eq!(
            pairs(s),
            vec![("Dana Ruiz".into(), "turnout would rise.".into())]
        );
    }

    #[test]
    fn quote_then_speaker() {
        let r = show("\"It will grow,\" Anwita Basu, an analyst at Fitch, told DW.");
        assert_eq!(r[0].0, "Anwita Basu, an analyst at Fitch");
        assert_eq!(r[0].1, "It will grow,");
        let r = show("\"Delays push cargo away,\" said Lucas Prado, an analyst.");
        assert_eq!(r[0].0, "Lucas Prado");
    }

    #[test]
    fn the_writers_comment_after_a_reported_clause_is_left_out() {
        let r = show("Most voters said they had a positive view of her, compared with 33 percent last month.");
        assert_eq!(r[0].1, "they had a positive view of her");
        let r =
            show("Aides said the talks will take time, which will grow harder as the vote nears.");
        assert_eq!(r[0].1, "the talks will take time");
        // A semicolon starts the writer's next point; ", although" a concession.
        let r = show("The fund said wage growth will slow down; a rival group puts it higher.");
        assert_eq!(r[0].1, "wage growth will slow down");
        let r =
            show("Ruiz said paying no tax was smart, although she again kept her returns private.");
        assert_eq!(r[0].1, "paying no tax was smart");
        let r = show("Aides said the plan has wide support, while about four in 10 want changes.");
        assert_eq!(r[0].1, "the plan has wide support");
        // Inside a quotation the comma belongs to the speaker's words.
        let r = show("Ruiz said \"we talked, which is rare, and we agreed.\"");
        assert_eq!(r[0].1, "\"we talked, which is rare, and we agreed.\"");
    }

    /// After "X added:" the rest is X's words, reporting verbs in them too.
    #[test]
    fn cues_after_a_colon_belong_to_the_speaker() {
        let r = show("Ruiz added: the board fears the pier will fail, and the mayor says so too.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "Ruiz");
        assert!(r[0].1.ends_with("says so too."), "{r:?}");
    }

    /// A quoted title before the speaker is no quotation of theirs: the
    /// clause after the verb is the claim and the name the speaker.
    #[test]
    fn a_quoted_title_is_not_the_claim() {
        let r = show(
            "In an interview on WKRT's \"Morning Hour,\" Mayor Ana Ruiz said the pier will reopen.",
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "Mayor Ana Ruiz");
        assert_eq!(r[0].1, "the pier will reopen.");
        let r = show("\"The pier will reopen,\" Mayor Ana Ruiz said.");
        assert_eq!(r[0].1, "The pier will reopen,");
    }

    #[test]
    fn a_quotation_split_by_its_speaker_is_one_claim() {
        let r = show("\"Prices will fall,\" Ana Ruiz said on Monday, \"and wages will follow.\"");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "Ana Ruiz");
        assert_eq!(r[0].1, "Prices will fall, | and wages will follow.");
    }

    #[test]
    fn a_speaker_after_the_verb_ends_the_sentence() {
        let r = show("The port will reopen in May, said Lucas Prado, an analyst at the bank.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "Lucas Prado");
        assert_eq!(r[0].1, "The port will reopen in May");
        let r = show("The minister, who arrived late, said the plan would fail.");
        assert_eq!(r[0].0, "The minister, who arrived late");
        assert_eq!(r[0].1, "the plan would fail.");
    }

    #[test]
    fn claim_then_speaker_and_parenthetical() {
        let r = show("North Korea sent arms, Seoul intelligence officials say");
        assert_eq!(
            r[0],
            (
                "Seoul intelligence officials".into(),
                "North Korea sent arms".into(),
                Stance::Asserts
            )
        );
        let r = show("Restoration, he said, buys time.");
        assert_eq!(r[0].0, "he");
        assert_eq!(r[0].1, "Restoration | buys time.");
    }

    #[test]
    fn subject_verb_content() {
        let r = show("Bloomberg News reported at the start of 2024 that the state will profit.");
        assert_eq!(r[0].0, "Bloomberg News");
        assert_eq!(r[0].1, "the state will profit.");
        let r = show("Despite the cost, Basu is skeptical that workers will benefit.");
        assert_eq!(
            r[0],
            (
                "Basu".into(),
                "workers will benefit.".into(),
                Stance::Denies
            )
        );
    }

    #[test]
    fn denials_of_anaphors_have_no_claim() {
        let r = analyze("Kahale rejects that view.");
        assert!(r[0].claim.is_empty());
        let r = show("The firm denied that it had polluted the river, rejecting claims by residents that fish died.");
        assert_eq!(r[0].1, "it had polluted the river");
        assert_eq!(r[1].1, "fish died.");
    }

    #[test]
    fn a_participle_after_a_quoted_phrase_reads_its_own_content() {
        let r = show(r#"He said it was "in denial", adding: "The numbers speak.""#);
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].0, "<prev>");
        assert!(r[1].1.contains("The numbers speak."));
    }

    #[test]
    fn a_claim_noun_before_a_denial_is_no_speaker() {
        let r = show("Aid groups warned that food would run out, a claim the government disputed.");
        assert_eq!(r[1].0, "the government");
        assert_eq!(r[1].2, Stance::Denies);
        assert!(r[1].1.is_empty(), "anaphoric: {r:?}");
    }

    #[test]
    fn denied_reports_that_is_a_denial_of_the_clause() {
        let r = show("Ten Hag denied reports that he had lost the dressing room.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "he had lost the dressing room.");
    }

    #[test]
    fn a_dateline_is_not_part_of_the_subject() {
        let r = show("LONDON (AP) — The minister said talks had failed.");
        assert_eq!(r[0].0, "The minister");
    }

    #[test]
    fn a_quoted_word_before_a_new_clause_is_not_that_clauses_quote() {
        let r =
            show(r#"He told MPs that the study was "robust", though he conceded it was early."#);
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].1, r#"the study was "robust","#);
        assert_eq!(r[1].1, "it was early.");
    }

    #[test]
    fn declined_to_comment_is_no_attribution() {
        assert!(analyze("Cargill declined to comment, a spokesman said.").is_empty());
        // Falling sales and an adviser who would not be named are no refusals.
        assert_eq!(
            analyze("Sales declined by half, the company said.").len(),
            1
        );
        assert_eq!(
            analyze("\"It was costly,\" said an adviser, who declined to be identified.").len(),
            1
        );
    }

    #[test]
    fn according_to_and_citing() {
        let r = analyze("Pyongyang sent missiles, citing US satellite images.");
        assert!(r.is_empty());
        let s = "Other reports suggest Pyongyang sent missiles, citing US satellite images.";
        let r = analyze(s);
        assert_eq!(r.len(), 1);
        assert_eq!(&s[r[0].cites[0].0..r[0].cites[0].1], "US satellite images");
        let r = show("Trade recovered, according to Beijing, having dropped.");
        assert_eq!(r[0].0, "Beijing");
        assert_eq!(r[0].1, "Trade recovered");
    }

    #[test]
    fn a_speaker_after_another_speakers_words_relays_them() {
        let s =
            "Officials believe the attack was planned, the newspaper reported, citing two people.";
        let r = analyze(s);
        assert_eq!(r.len(), 1);
        let cited: Vec<&str> = r[0].cites.iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(cited, ["the newspaper", "two people"]);
        assert_eq!(r[0].relays.len(), 1);
    }
}
