//! Reading a text sentence by sentence: naming each attribution's speaker,
//! turning its claim pieces into claims, continuing a speaker's quotation,
//! finding what an anaphoric denial denies, and dropping duplicates.
//!
//! Only the records the next sentences can still change or look back at stay
//! at hand; older ones are kept compactly ([`Compact`]) until the end of the
//! text, when each speaker is named as fully as the whole text allows.

use super::anaphora::{self, Candidate};
use super::compact::Compact;
use super::link::EntityIndex;
use super::names::{capitalized, CONNECTORS};
use super::phrases::Range;
use super::raw::{Raw, Who};
use super::record::{Attribution, Speaker, SpeakerKind, Stance};
use super::sources::Discourse;
use super::{claims, names, phrases};
use super::{clauses, headlines};

/// How many sentences back an anaphoric denial looks for the claim it denies.
const LOOK_BACK: usize = 3;

/// Reads sentence after sentence, keeping what it has found so far.
pub struct Reader<'a> {
    index: &'a EntityIndex,
    discourse: Discourse<'a>,
    /// The records found before `out`, which no later sentence changes but
    /// the naming of speakers at the end.
    kept: Compact,
    /// The latest records: those of the last `LOOK_BACK` sentences, of the
    /// quotation that may go on, and the last one.
    out: Vec<Attribution>,
    /// Parallel to `out`: whether the claim is a direct quotation.
    quoted: Vec<bool>,
    /// Index of the last sentence with attributions, and the record of the
    /// quotation it ends with, if any (a quotation that may go on).
    previous: Option<(usize, Option<usize>)>,
    /// Whether every record stays at hand to the end (to check that keeping
    /// them compactly changes nothing).
    hold_all: bool,
}

/// What a finished reading hands back: the records, each speaker still named
/// as at its sentence, and what the whole text says about persons to name
/// them in full ([`settle`]).
pub struct Read<'a> {
    pub kept: Compact,
    pub discourse: Discourse<'a>,
}

impl<'a> Reader<'a> {
    pub fn new(index: &'a EntityIndex) -> Self {
        Reader {
            index,
            discourse: Discourse::new(index),
            kept: Compact::default(),
            out: Vec::new(),
            quoted: Vec::new(),
            previous: None,
            hold_all: false,
        }
    }

    /// A reader that keeps every record at hand until the end.
    #[cfg(test)]
    pub fn holding_all(index: &'a EntityIndex) -> Self {
        Reader {
            hold_all: true,
            ..Reader::new(index)
        }
    }

    /// Reads sentence `n` at byte `offset`.
    pub fn read(&mut self, s: &str, offset: usize, n: usize) {
        self.keep_settled(n);
        let before = self.out.len();
        let (flat, map) = flatten(s);
        let raws = clauses::analyze(&flat);
        self.sentence(&flat, &map, raws, offset, n);
        if self.out.len() > before {
            // The quotation the sentence ends with, or its last reported clause
            // when that runs to the end ("X said Y." then "\"Z,\" ..." goes on).
            let end = offset + s.trim_end().len();
            let open = (before..self.out.len())
                .rev()
                .find(|&k| self.quoted[k])
                .or_else(|| {
                    let last = self.out.len() - 1;
                    (self.out[last].span[1] + 2 >= end).then_some(last)
                });
            self.previous = Some((n, open));
        } else if let Some(open) = self.continuation(s, offset, n) {
            self.previous = Some((n, open));
        }
    }

    /// Reads a headline or a short line (sentence `n` at byte `offset`): only
    /// "NAME: CLAIM" and "NAME Says CLAIM" count there.
    pub fn heading(&mut self, s: &str, offset: usize, n: usize) {
        self.keep_settled(n);
        let (flat, map) = flatten(s);
        let raws = headlines::colon(&flat).or_else(|| headlines::titled(&flat));
        self.sentence(&flat, &map, raws.into_iter().collect(), offset, n);
    }

    /// Before sentence `n` is read: moves the oldest records that no sentence
    /// from `n` on can change or look back at into `kept`.
    fn keep_settled(&mut self, n: usize) {
        // A quotation goes on only in the sentence right after.
        if self.previous.is_some_and(|(pn, _)| pn + 1 < n) {
            self.previous = None;
        }
        let open = match self.previous {
            Some((_, Some(k))) => Some(self.out[k].sentence),
            _ => None,
        };
        if self.hold_all {
            return;
        }
        let last = self.out.len().saturating_sub(1);
        let settled = self.out[..last]
            .iter()
            .take_while(|a| a.sentence + LOOK_BACK < n && Some(a.sentence) != open)
            .count();
        if settled == 0 {
            return;
        }
        for a in self.out.drain(..settled) {
            self.kept.push(&a);
        }
        self.quoted.drain(..settled);
        if let Some((_, Some(k))) = &mut self.previous {
            *k -= settled;
        }
    }

    /// The records found, in text order, each speaker still named as at its
    /// sentence; [`settle`] names them in full.
    pub fn finish(mut self) -> Read<'a> {
        for a in &self.out {
            self.kept.push(a);
        }
        Read {
            kept: self.kept,
            discourse: self.discourse,
        }
    }
}

/// Names each speaker of `a` as fully as the whole text allows ("Voss" is the
/// Karl Voss named later), given what the whole text says about persons.
pub fn settle(a: &mut Attribution, discourse: &Discourse, index: &EntityIndex) {
    for (k, sp) in a.speakers.iter_mut().enumerate() {
        if sp.kind.is_some_and(|k| k != SpeakerKind::Person) {
            continue;
        }
        let Some(full) = discourse.in_full(&sp.name) else {
            continue;
        };
        let old = std::mem::replace(&mut sp.name, full.name);
        sp.kind = Some(SpeakerKind::Person);
        sp.role = sp.role.take().or(full.role);
        sp.part_of = sp.part_of.take().or(full.part_of);
        sp.entity = sp.entity.take().or_else(|| link(index, &sp.name));
        if k == 0 {
            a.source.clone_from(&sp.name);
            a.entity.clone_from(&sp.entity);
        }
        for name in a.relays.iter_mut().chain(a.cites.iter_mut()) {
            if *name == old && k > 0 {
                name.clone_from(&sp.name);
            }
        }
    }
}

/// Forms of the verbs that report a belief rather than words.
const BELIEF_CUES: &[&str] = &[
    "believe", "believes", "believed", "think", "thinks", "thought",
];

/// Words a claim cannot start with when it is the complement of a belief: in
/// "the bill Ruiz believes would fail" or "what he thinks is fair" the belief
/// verb sits in a relative clause and what follows is the rest of it.
const GAP_STARTS: &[&str] = &[
    "would", "will", "is", "was", "are", "were", "to", "in", "me", "it", "remains", "has", "have",
    "had", "can", "could", "should", "may", "might", "must", "does", "did", "do", "and", "but",
    "or", "of", "for",
];

/// A belief is drafted only when the text names who holds it and states what
/// is believed: a belief verb whose speaker is still a bare pronoun ("they
/// believe", "we thought") or whose claim is the tail of a relative clause is
/// a comment, far more often than a reported position.
fn is_unsupported_belief(cue: &str, source: &str, claim: &str) -> bool {
    let is = |list: &[&str], w: Option<&str>| {
        w.is_some_and(|w| list.iter().any(|x| x.eq_ignore_ascii_case(w)))
    };
    if !is(BELIEF_CUES, Some(cue)) {
        return false;
    }
    let bare = is(PRONOUNS, source.split_whitespace().next_back());
    let first = claim
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .find(|w| !w.is_empty());
    bare || is(GAP_STARTS, first)
}

/// Pronouns that leave a speaker unnamed when they stay unresolved.
const PRONOUNS: &[&str] = &[
    "i", "we", "you", "they", "he", "she", "it", "who", "which", "that",
];

impl Reader<'_> {
    /// Names and adds the attributions `raws` of sentence `s` (whitespace
    /// flattened, `map` back to the original) at byte `offset`, index `n`.
    fn sentence(&mut self, s: &str, map: &[usize], raws: Vec<Raw>, offset: usize, n: usize) {
        let first = self.out.len();
        let at = |i: usize| offset + map[i];
        self.discourse.observe(s, at);
        for raw in raws {
            let (speaker, mention) = match raw.who {
                Who::Phrase((a, b)) => (self.speaker(&s[a..b], at(a)), Some((a, b))),
                Who::Previous => match self.out[first..].last() {
                    Some(prev) => (prev.speakers[0].clone(), None),
                    None => match leading_subject(s) {
                        Some(name) => (self.speaker(name, offset), None),
                        None => continue,
                    },
                },
            };
            let relays: Vec<(Range, Speaker)> = raw
                .relays
                .iter()
                .map(|&(a, b)| ((a, b), self.speaker(&s[a..b], at(a))))
                .collect();
            let cites = raw
                .cites
                .iter()
                .map(|r| match relays.iter().find(|(q, _)| q == r) {
                    Some((_, sp)) => sp.name.clone(),
                    None => names::name_of(&s[r.0..r.1]),
                })
                .collect();
            let mut bounds = vec![raw.cue];
            bounds.extend(mention);
            bounds.extend(raw.claim.iter().copied());
            let span = [
                at(bounds.iter().map(|r| r.0).min().unwrap_or(0)),
                at(bounds.iter().map(|r| r.1).max().unwrap_or(0)),
            ];
            let template = Attribution {
                source: speaker.name.clone(),
                entity: speaker.entity.clone(),
                rel: raw.stance,
                claim: String::new(),
                cites,
                cue: s[raw.cue.0..raw.cue.1]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                sentence: n,
                span,
                relays: relays.iter().map(|(_, sp)| sp.name.clone()).collect(),
                mention: mention.map_or(String::new(), |(a, b)| clean_mention(&s[a..b])),
                speakers: std::iter::once(speaker)
                    .chain(relays.into_iter().map(|(_, sp)| sp))
                    .collect(),
            };
            if raw.claim.is_empty() {
                let anaphor = raw.anaphor.map_or("", |(a, b)| &s[a..b]);
                // "rejected the allegation, calling it a smear": "it" is the
                // claim the same speaker has just denied.
                let same = self.out[first..]
                    .last()
                    .filter(|p| p.rel == Stance::Denies && p.source == template.source);
                if let (Some(prev), true) = (same, is_pronoun(anaphor)) {
                    let claim = prev.claim.clone();
                    self.push(Attribution { claim, ..template }, false);
                    continue;
                }
                if let Some(claim) = self.antecedent(&template, anaphor, raw.relative) {
                    self.push(Attribution { claim, ..template }, false);
                }
                continue;
            }
            let pieces: Vec<&str> = raw.claim.iter().map(|&(a, b)| &s[a..b]).collect();
            for content in claims::contents(&pieces, raw.stance, raw.quoted) {
                if let Some(c) = raw.counter {
                    let (a, b) = c.who;
                    let counter = self.speaker(&s[a..b], at(a));
                    self.push(
                        Attribution {
                            source: counter.name.clone(),
                            entity: counter.entity.clone(),
                            rel: Stance::Asserts,
                            claim: content.text.clone(),
                            mention: clean_mention(&s[a..b]),
                            cue: s[c.cue.0..c.cue.1].to_string(),
                            speakers: vec![counter],
                            ..template.clone()
                        },
                        false,
                    );
                }
                self.push(
                    Attribution {
                        claim: content.text,
                        rel: content.stance,
                        ..template.clone()
                    },
                    raw.quoted,
                );
            }
        }
    }

    /// Who a speaker phrase at byte `at` names, linked to a known entity.
    fn speaker(&mut self, phrase: &str, at: usize) -> Speaker {
        let mut sp = self.discourse.resolve(phrase, at);
        sp.entity = link(self.index, &sp.name);
        sp
    }

    /// A quotation standing alone right after an attributed sentence continues
    /// that speaker's words, in the same paragraph or at the start of the next
    /// (news prints a long quotation one paragraph at a time): it extends a
    /// quoted claim (`"A," she said. "B."` is one quotation), or makes a claim
    /// of its own.
    /// The quotation the previous sentence ended with goes on even when an
    /// unquoted claim ("noting that ...") came after it. Returns `None` when
    /// the sentence does not continue, else the quotation's record now open.
    fn continuation(&mut self, s: &str, offset: usize, n: usize) -> Option<Option<usize>> {
        let (_, open) = self.previous.filter(|&(pn, _)| pn + 1 == n)?;
        let quote = leading_quote(s)?;
        let last = self.out.last().cloned()?;
        let contents = claims::contents(&[quote], Stance::Asserts, true);
        if let (Some(k), [more]) = (open, contents.as_slice()) {
            let claim = self.out[k].claim.clone();
            let (sentence, end) = (self.out[k].sentence, offset + s.len());
            let extended = format!("{}. {}", claim.trim_end_matches(['.', ',']), more.text);
            for a in &mut self.out[..=k] {
                if a.sentence == sentence && a.claim == claim {
                    a.claim.clone_from(&extended);
                    a.span[1] = end;
                }
            }
            return Some(Some(k));
        }
        let from = self.out.len();
        for content in contents {
            self.push(
                Attribution {
                    claim: content.text,
                    rel: content.stance,
                    sentence: n,
                    span: [offset, offset + s.len()],
                    cites: Vec::new(),
                    relays: Vec::new(),
                    speakers: last.speakers[..1].to_vec(),
                    ..last.clone()
                },
                true,
            );
        }
        (self.out.len() > from).then(|| Some(self.out.len() - 1))
    }

    /// The claim an anaphoric denial ("rejected the reports") refers to, if
    /// one fits: see `anaphora`.
    fn antecedent(&self, denial: &Attribution, anaphor: &str, relative: bool) -> Option<String> {
        let mut denier = vec![denial.source.clone(), denial.mention.clone()];
        if let Some(id) = &denial.entity {
            denier.extend(self.index.names(id).iter().cloned());
        }
        denier.retain(|d| !d.is_empty());
        let window: Vec<Candidate> = self
            .out
            .iter()
            .zip(&self.quoted)
            .rev()
            .take_while(|(a, _)| a.sentence + LOOK_BACK >= denial.sentence)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .filter(|(a, _)| a.rel == Stance::Asserts)
            .map(|(a, &quoted)| Candidate {
                source: &a.source,
                mention: &a.mention,
                cue: &a.cue,
                claim: &a.claim,
                sentence: a.sentence,
                quoted,
            })
            .collect();
        let i = anaphora::antecedent(anaphor, relative, &denier, denial.sentence, &window)?;
        Some(window[i].claim.to_string())
    }

    /// "Pyongyang and Moscow", or "American and South Korean officials"
    /// with the head shared, when every part names a known entity.
    fn known_conjuncts(&self, source: &str) -> Option<Vec<String>> {
        let parts: Vec<&str> = source
            .split(" and ")
            .map(|p| p.trim_start_matches("both ").trim())
            .collect();
        if parts.len() < 2 {
            return None;
        }
        let known = |ps: &[String]| ps.iter().all(|p| self.index.link(p).is_some());
        let plain: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
        if known(&plain) {
            return Some(plain);
        }
        let last = parts[parts.len() - 1];
        let head = last.rsplit(' ').next().filter(|h| *h != last)?;
        let shared: Vec<String> = parts[..parts.len() - 1]
            .iter()
            .map(|p| format!("{p} {head}"))
            .chain([last.to_string()])
            .collect();
        known(&shared).then_some(shared)
    }

    /// Splits coordinated known speakers, drops duplicates and records without a
    /// speaker, and adds.
    fn push(&mut self, a: Attribution, quoted: bool) {
        if a.source.trim().is_empty() {
            return; // punctuation where a name should be: not an attribution
        }
        if is_unsupported_belief(&a.cue, &a.source, &a.claim) {
            return;
        }
        if let Some(parts) = self.known_conjuncts(&a.source) {
            for p in parts {
                let entity = link(self.index, &p);
                let mut speakers = a.speakers.clone();
                if let Some(first) = speakers.first_mut() {
                    first.name.clone_from(&p);
                    first.entity.clone_from(&entity);
                    first.kind = self.discourse.resolve(&p, a.span[0]).kind;
                }
                self.push(
                    Attribution {
                        source: p,
                        entity,
                        speakers,
                        ..a.clone()
                    },
                    quoted,
                );
            }
            return;
        }
        let duplicate = self
            .out
            .iter()
            .rev()
            .take_while(|b| b.sentence == a.sentence)
            .any(|b| {
                b.source == a.source
                    && b.rel == a.rel
                    && (b.claim.contains(&a.claim) || a.claim.contains(&b.claim))
            });
        if !duplicate {
            self.out.push(a);
            self.quoted.push(quoted);
        }
    }
}

/// "it", "this", "them": an anaphor that names no kind of claim.
fn is_pronoun(anaphor: &str) -> bool {
    matches!(
        anaphor.trim().to_lowercase().as_str(),
        "it" | "this" | "that" | "them" | "those" | "these"
    )
}

fn link(index: &EntityIndex, name: &str) -> Option<String> {
    index.link(name).map(str::to_string)
}

/// A speaker phrase on one line, without the punctuation around it.
fn clean_mention(phrase: &str) -> String {
    let flat = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
    flat.trim_matches(|c: char| ",;:.\"“”'".contains(c))
        .trim()
        .to_string()
}

/// The quotation a sentence opens with, when it is the sentence's point: the
/// whole sentence is the quotation (its closing mark may be missing, as in the
/// last sentence of a quotation that goes on in the next paragraph), or a
/// quotation of at least four words is followed only by a trailing comment
/// ("... two-step" - increasing his name recognition).
fn leading_quote(s: &str) -> Option<&str> {
    let t = s.trim();
    let inner = t.strip_prefix('"')?;
    let Some(close) = inner.find('"') else {
        return (inner.split_whitespace().count() >= 2).then_some(t);
    };
    let (quote, tail) = (&inner[..close], inner[close + 1..].trim());
    let words = quote.split_whitespace().count();
    let bare = tail.chars().all(|c| c.is_ascii_punctuation());
    if (bare && words >= 2) || (words >= 4 && !tail.contains('"') && trailing_comment(tail)) {
        return Some(&t[..close + 2]);
    }
    None
}

/// Whether the text after a leading quotation only comments on it: it starts
/// with a dash or a preposition, not with a verb that makes the quotation a
/// subject ("... " is the motto).
fn trailing_comment(tail: &str) -> bool {
    const OPENERS: &[&str] = &[
        "-", "--", "—", "–", "in", "at", "on", "during", "after", "before",
    ];
    tail.split_whitespace()
        .next()
        .is_some_and(|w| OPENERS.contains(&w) || w.starts_with(['—', '–']))
}

/// The sentence with every run of whitespace made one space (so that the
/// rules need to know only "a b"), and for each byte of it, plus one past
/// the end, the byte of the original it stands for.
fn flatten(s: &str) -> (String, Vec<usize>) {
    // Most sentences are flat already: single ASCII spaces between words.
    let plain = !s.bytes().any(|b| b.is_ascii_whitespace() && b != b' ')
        && !s.contains("  ")
        && !s.chars().any(|c| c.is_whitespace() && !c.is_ascii());
    if plain {
        return (s.to_string(), (0..=s.len()).collect());
    }
    let mut flat = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    let mut space = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if !space {
                flat.push(' ');
                map.push(i);
            }
            space = true;
            continue;
        }
        space = false;
        flat.push(c);
        map.extend(i..i + c.len_utf8());
    }
    map.push(s.len());
    (flat, map)
}

/// The subject that opens a sentence, for a participle with no speaker
/// before it in the sentence ("In a statement, Senator Ruiz criticized the
/// plan, saying ..."): after a dateline and leading adverbials, a capitalized
/// name, or a phrase opening with a determiner up to its verb.
fn leading_subject(s: &str) -> Option<&str> {
    let t = &s[claims::dateline_len(s)..];
    let t = &t[phrases::leading_adverbials(t)..];
    let base = s.len() - t.len();
    let words: Vec<(usize, &str)> = t
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - t.as_ptr() as usize, w))
        .take(12)
        .collect();
    let (_, first) = *words.first()?;
    // "Last week, the council ...": after an adverbial the determiner is lower case.
    let is_determiner = |w: &str| DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(w));
    let determiner = is_determiner(first);
    if !determiner && (!capitalized(first) || NOT_SUBJECTS.contains(&first)) {
        return None;
    }
    let mut end = 0;
    let mut ends = Vec::new();
    for (k, &(i, w)) in words.iter().enumerate() {
        let bare = w.trim_end_matches([',', ';', ':']);
        let verb = k > 0
            && !capitalized(bare)
            && (bare.ends_with("ed") || VERBISH.contains(&bare.to_lowercase().as_str()));
        let name = capitalized(bare) || CONNECTORS.contains(&bare);
        if verb || (!determiner && !name) {
            break;
        }
        // "The union met the mayor": a second determiner after a word that is
        // no preposition follows the verb, which ends the subject.
        let after_verb = k >= 2
            && is_determiner(bare)
            && !PREPOSITIONS.contains(&words[k - 1].1.to_lowercase().as_str());
        if determiner && after_verb {
            end = ends[k - 2];
            break;
        }
        end = i + bare.len();
        ends.push(end);
        if bare.len() < w.len() && !determiner {
            break;
        }
    }
    (end > 0).then(|| &s[base..base + end])
}

/// Words that open a sentence without being its subject.
const NOT_SUBJECTS: &[&str] = &[
    "But",
    "And",
    "In",
    "On",
    "At",
    "While",
    "As",
    "After",
    "Before",
    "When",
    "If",
    "Although",
    "Though",
    "It",
    "Then",
    "Yet",
    "So",
    "Since",
    "For",
    "With",
    "Without",
    "During",
    "By",
    "From",
    "Despite",
    "Still",
    "However",
    "Meanwhile",
    "Last",
    "This",
    "That",
    "There",
    "Asked",
];
const DETERMINERS: &[&str] = &["The", "A", "An", "His", "Her", "Their", "Its", "Another"];
/// Words that join a noun to the noun phrase after it ("the leader of the party").
const PREPOSITIONS: &[&str] = &[
    "of", "for", "at", "in", "on", "with", "from", "to", "by", "and", "or", "about",
];
/// Words that end a subject opening with a determiner: its verb.
const VERBISH: &[&str] = &[
    "said", "says", "has", "have", "had", "is", "was", "are", "were", "will", "would", "told",
    "also", "then", "later", "made", "took", "went", "gave", "wrote", "spoke", "sent", "began",
];
