//! Reading a text sentence by sentence: naming each attribution's speaker,
//! turning its claim pieces into claims, continuing a speaker's quotation,
//! finding what an anaphoric denial denies, and dropping duplicates.

use super::clauses;
use super::link::EntityIndex;
use super::raw::Who;
use super::record::{Attribution, Stance};
use super::sources::Discourse;
use super::{claims, names};

/// Reads sentence after sentence, keeping what it has found so far.
pub struct Reader<'a> {
    index: &'a EntityIndex,
    discourse: Discourse<'a>,
    out: Vec<Attribution>,
    /// Parallel to `out`: whether the claim is a direct quotation.
    quoted: Vec<bool>,
    /// Sentence index and paragraph of the last sentence with attributions.
    previous: Option<(usize, usize)>,
}

impl<'a> Reader<'a> {
    pub fn new(index: &'a EntityIndex) -> Self {
        Reader {
            index,
            discourse: Discourse::new(index),
            out: Vec::new(),
            quoted: Vec::new(),
            previous: None,
        }
    }

    /// Reads sentence `n` (of paragraph `para`) at byte `offset`.
    pub fn read(&mut self, s: &str, offset: usize, n: usize, para: usize) {
        let before = self.out.len();
        self.sentence(s, offset, n);
        if self.out.len() == before {
            self.continuation(s, offset, n, para, self.previous);
        }
        if self.out.len() > before {
            self.previous = Some((n, para));
        }
    }

    /// The attributions found, in text order.
    pub fn finish(self) -> Vec<Attribution> {
        self.out
    }
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
    /// same paragraph continues that speaker's words: it extends a quoted claim
    /// (`"A," she said. "B."` is one quotation), or makes a claim of its own.
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
        let contents = claims::contents(&[s], Stance::Asserts);
        if self.quoted.last() == Some(&true) && contents.len() == 1 {
            let more = &contents[0].text;
            for k in (0..self.out.len()).rev() {
                let a = &mut self.out[k];
                if a.sentence != last.sentence || a.claim != last.claim {
                    break;
                }
                a.claim = format!("{}. {more}", a.claim.trim_end_matches(['.', ',']));
                a.span[1] = offset + s.len();
            }
            return;
        }
        for content in contents {
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

    /// Links, splits coordinated known speakers, drops duplicates and records without a
    /// speaker, and adds.
    fn push(&mut self, mut a: Attribution, quoted: bool) {
        if a.source.trim().is_empty() {
            return; // punctuation where a name should be: not an attribution
        }
        if let Some(parts) = self.known_conjuncts(&a.source) {
            for p in parts {
                self.push(
                    Attribution {
                        source: p,
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
