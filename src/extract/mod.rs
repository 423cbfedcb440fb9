//! Rule-based attribution extraction: who says what in a news text.
//!
//! This module owns the way from raw text to attribution records: sentence
//! splitting (`sentences`), reporting cues (`cues`, `lexicon`), the shape of
//! each attribution in its sentence (`clauses`, `phrases`, `denials`), naming
//! speakers through pronouns and descriptions (`sources`, `names`), cleaning
//! the reported content (`claims`) and linking speakers to known entities
//! ([`EntityIndex`]).
//!
//! It uses regular expressions only (no model, no network), compiles them
//! once, and runs them sentence by sentence so that time stays linear in the
//! input. It does not know the loaded graph: callers pass the entities to
//! link against as [`KnownEntity`] values, and [`fragment`] turns records into
//! a SPEC §1 graph fragment.

mod claims;
mod clauses;
mod cues;
mod denials;
pub mod fragment;
mod lexicon;
mod link;
mod names;
mod phrases;
mod sentences;
mod sources;

use serde::Serialize;

pub use fragment::slug;
pub use link::EntityIndex;

use clauses::Who;
use sentences::Kind;
use sources::Discourse;

/// An entity that speakers may be linked to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownEntity {
    pub id: String,
    /// The name and the aliases.
    pub names: Vec<String>,
    pub is_person: bool,
    pub is_organization: bool,
}

/// Whether the speaker states the claim or denies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Asserts,
    Denies,
}

/// One attribution: a speaker, a stance, and what was reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribution {
    /// The speaker as named in the text (pronouns and "the agency" resolved).
    pub source: String,
    /// The id of the known entity the speaker links to.
    pub entity: Option<String>,
    pub rel: Stance,
    /// The reported content.
    pub claim: String,
    /// What the claim rests on or who relayed it ("citing X", "according to Y").
    pub cites: Vec<String>,
    /// The cue words ("said", "according to", "denied").
    pub cue: String,
    /// Index of the sentence in the text, counting headings, from 0.
    pub sentence: usize,
    /// Byte offsets into the input: from the first to the last byte of the
    /// speaker phrase, cue and claim.
    pub span: [usize; 2],
    /// The subset of `cites` that relay the speaker ("Y quoted X as
    /// saying", "X said ..., according to Y") rather than ground the claim.
    #[serde(skip)]
    pub relays: Vec<String>,
}

/// Extracts the attributions of `text`, linking speakers to `known`.
pub fn extract(text: &str, known: &[KnownEntity]) -> Vec<Attribution> {
    let text = &*sentences::ascii_spaces(text);
    let index = EntityIndex::new(known);
    let mut reader = Reader {
        index: &index,
        discourse: Discourse::new(&index),
        out: Vec::new(),
        quoted: Vec::new(),
    };
    let mut previous: Option<(usize, usize)> = None;
    for (n, sentence) in sentences::split(text).iter().enumerate() {
        if sentence.kind == Kind::Heading {
            continue;
        }
        let s = &text[sentence.start..sentence.end];
        let before = reader.out.len();
        reader.sentence(s, sentence.start, n);
        if reader.out.len() == before {
            reader.continuation(s, sentence.start, n, sentence.para, previous);
        }
        if reader.out.len() > before {
            previous = Some((n, sentence.para));
        }
    }
    reader.out
}

/// Reads sentence after sentence, keeping what it has found so far.
struct Reader<'a> {
    index: &'a EntityIndex,
    discourse: Discourse<'a>,
    out: Vec<Attribution>,
    /// Parallel to `out`: whether the claim is a direct quotation.
    quoted: Vec<bool>,
}

impl Reader<'_> {
    /// The attributions of one sentence at byte `offset`, index `n`.
    fn sentence(&mut self, original: &str, offset: usize, n: usize) {
        let first = self.out.len();
        let (flat, map) = flatten(original);
        let s = flat.as_str();
        self.discourse.observe(s, |i| offset + map[i]);
        for raw in clauses::analyze(s) {
            let (source, src_range) = match raw.who {
                Who::Phrase((a, b)) => (
                    self.discourse.resolve(&s[a..b], offset + map[a]),
                    Some((a, b)),
                ),
                Who::Previous => match self.out[first..].last() {
                    Some(prev) => (prev.source.clone(), None),
                    None => match leading_name(s) {
                        Some(name) => (self.discourse.resolve(name, offset), None),
                        None => continue,
                    },
                },
            };
            let mut bounds = vec![raw.cue];
            bounds.extend(src_range);
            bounds.extend(raw.claim.iter().copied());
            let span = [
                offset + map[bounds.iter().map(|r| r.0).min().unwrap_or(0)],
                offset + map[bounds.iter().map(|r| r.1).max().unwrap_or(0)],
            ];
            let template = Attribution {
                source,
                entity: None,
                rel: raw.stance,
                claim: String::new(),
                cites: raw
                    .cites
                    .iter()
                    .map(|&(a, b)| names::name_of(&s[a..b]))
                    .collect(),
                cue: s[raw.cue.0..raw.cue.1]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                sentence: n,
                span,
                relays: raw
                    .relays
                    .iter()
                    .map(|&(a, b)| names::name_of(&s[a..b]))
                    .collect(),
            };
            if raw.claim.is_empty() {
                if let Some(claim) = self.antecedent(&template.source, n) {
                    self.push(Attribution { claim, ..template }, false);
                }
                continue;
            }
            let pieces: Vec<&str> = raw.claim.iter().map(|&(a, b)| &s[a..b]).collect();
            for content in claims::contents(&pieces, raw.stance) {
                if let Some((a, b)) = raw.counter {
                    let counter = self.discourse.resolve(&s[a..b], offset + map[a]);
                    self.push(
                        Attribution {
                            source: counter,
                            rel: Stance::Asserts,
                            claim: content.text.clone(),
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

    /// A quotation standing alone right after an attributed sentence of the
    /// same paragraph continues that speaker's words.
    fn continuation(
        &mut self,
        s: &str,
        offset: usize,
        n: usize,
        para: usize,
        previous: Option<(usize, usize)>,
    ) {
        let Some((pn, pp)) = previous else { return };
        if pn + 1 != n || pp != para || !is_pure_quote(s) {
            return;
        }
        let Some(last) = self.out.last().cloned() else {
            return;
        };
        for content in claims::contents(&[s], Stance::Asserts) {
            self.push(
                Attribution {
                    claim: content.text,
                    rel: content.stance,
                    sentence: n,
                    span: [offset, offset + s.len()],
                    cites: Vec::new(),
                    relays: Vec::new(),
                    ..last.clone()
                },
                true,
            );
        }
    }

    /// The claim an anaphoric denial ("rejected the accusation") refers to:
    /// the latest claim another speaker made in the last few sentences,
    /// indirect speech first.
    fn antecedent(&self, speaker: &str, n: usize) -> Option<String> {
        let speaker = speaker.to_lowercase();
        let candidates: Vec<(&Attribution, bool)> = self
            .out
            .iter()
            .zip(&self.quoted)
            .rev()
            .take_while(|(a, _)| a.sentence + 3 >= n)
            .filter(|(a, _)| a.source.to_lowercase() != speaker && a.rel == Stance::Asserts)
            .map(|(a, q)| (a, *q))
            .collect();
        let indirect = candidates.iter().find(|(_, quoted)| !quoted);
        indirect
            .or(candidates.first())
            .map(|(a, _)| a.claim.clone())
    }

    /// Links, splits coordinated known speakers, drops duplicates and adds.
    fn push(&mut self, mut a: Attribution, quoted: bool) {
        let parts: Vec<&str> = a
            .source
            .split(" and ")
            .map(|p| p.trim_start_matches("both ").trim())
            .collect();
        if parts.len() > 1 && parts.iter().all(|p| self.index.link(p).is_some()) {
            for p in parts {
                self.push(
                    Attribution {
                        source: p.to_string(),
                        ..a.clone()
                    },
                    quoted,
                );
            }
            return;
        }
        a.entity = self.index.link(&a.source).map(str::to_string);
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

fn is_pure_quote(s: &str) -> bool {
    let t = s.trim();
    let inner = t
        .strip_prefix(['"', '“'])
        .and_then(|r| r.strip_suffix(['"', '”']));
    inner.is_some_and(|i| !i.contains(['"', '“', '”']))
}

/// The sentence with every run of whitespace made one space (so that the
/// rules need to know only "a b"), and for each byte of it, plus one past
/// the end, the byte of the original it stands for.
fn flatten(s: &str) -> (String, Vec<usize>) {
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

/// The capitalized words that open a sentence: its likely subject.
fn leading_name(s: &str) -> Option<&str> {
    let mut end = 0;
    for w in s.split_whitespace() {
        if !w.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        end = w.as_ptr() as usize - s.as_ptr() as usize + w.len();
    }
    (end > 0).then(|| &s[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_resolve_to_the_last_person() {
        let text = "Anwita Basu, an analyst, said growth would return. \"It is likely,\" she said.";
        let found = extract(text, &[]);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].source, "Anwita Basu");
    }

    #[test]
    fn continuation_quotes_keep_the_speaker() {
        let text = "\"Fish go last,\" Kahale said. \"By then it is over.\"";
        let found = extract(text, &[]);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].claim, "By then it is over");
        assert_eq!(found[1].source, "Kahale");
    }

    #[test]
    fn anaphoric_denials_take_the_claim_they_answer() {
        let known = [
            KnownEntity {
                id: "north-korea".into(),
                names: vec!["Pyongyang".into()],
                is_person: false,
                is_organization: false,
            },
            KnownEntity {
                id: "russia".into(),
                names: vec!["Moscow".into()],
                is_person: false,
                is_organization: false,
            },
        ];
        let text = "Officials have accused North Korea of sending arms; something both Pyongyang and Moscow deny.";
        let found = extract(text, &known);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert_eq!(found[1].entity.as_deref(), Some("north-korea"));
        assert_eq!(found[2].rel, Stance::Denies);
        assert!(found[2].claim.contains("sending arms"));
    }

    #[test]
    fn arbitrary_input_never_panics() {
        let nasty = [
            "",
            "\"",
            "“",
            "”",
            "\"\"\"",
            ".",
            "...",
            "é.É. said",
            "said",
            "according to",
            "citing",
            "\u{0}\u{1}\u{ffff}",
            "a\r\nb\r\n\r\n",
            "\"x,\" said",
            "X, said",
            "called baseless",
            "quoted as saying",
            ", , , said ,",
            "’s said",
            "It was reported by",
            "Mr. ",
            "U.S.",
            "\"é,\" é said. \"ü\"",
            "(((said)))",
            "said that that that",
            "deny deny deny",
        ];
        for s in nasty {
            let _ = extract(s, &[]);
            let _ = slug(s, 3);
        }
        let mut soup = String::new();
        for i in 0..2_000u32 {
            soup.push(char::from_u32(i * 37 % 0x2FFF + 1).unwrap_or('x'));
            if i % 7 == 0 {
                soup.push_str(" said, \"");
            }
        }
        let _ = extract(&soup, &[]);
    }

    /// Random sentences from words that steer the rules (quotes of every kind,
    /// cues, multi-byte letters and spaces): a cheap fuzz run, deterministic.
    #[test]
    fn random_token_soup_never_panics() {
        const TOKENS: &[&str] = &[
            "\"",
            "“",
            "”",
            "‘",
            "’",
            "'",
            ",",
            ".",
            "?",
            "!",
            ";",
            ":",
            "(",
            ")",
            "—",
            "…",
            "\u{a0}",
            "\n",
            "\n\n",
            "said",
            "says",
            "told",
            "denied",
            "according to",
            "citing",
            "quoted",
            "as saying",
            "called",
            "baseless",
            "that",
            "and",
            "no such",
            "It",
            "she",
            "He",
            "the agency",
            "Mr.",
            "Dr.",
            "U.S.",
            "Ana Ruiz",
            "é",
            "Ünal",
            "by",
            "was",
            "reported",
            "is skeptical that",
            "which",
            ", adding that",
            "a report by",
            "3.1",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..3_000 {
            let len = next() % 40;
            let mut text = String::new();
            for _ in 0..len {
                text.push_str(TOKENS[(next() % TOKENS.len() as u64) as usize]);
                if next() % 3 > 0 {
                    text.push(' ');
                }
            }
            for a in extract(&text, &[]) {
                assert!(
                    a.span[0] <= a.span[1] && a.span[1] <= text.len(),
                    "{text:?}"
                );
                assert!(text.is_char_boundary(a.span[0]) && text.is_char_boundary(a.span[1]));
            }
        }
    }
}
