//! Reading units that span sentences. Most sentences are read alone, but two
//! shapes of news copy put one attribution over several: a transcript turn
//! ("HALE: Look, the port is open. ... It stays open.") says the whole paragraph
//! in the speaker's name, and a lead-in ending in a colon ("The governor
//! added:") gives its content as the paragraph that follows. Such a unit is
//! read as one sentence, numbered as its first; the sentences it takes in are
//! not read again.

use std::sync::LazyLock;

use regex::Regex;

use super::headlines;
use super::sentences::{Kind, Sentence};

/// The longest unit read as one: a longer turn or quoted paragraph is read
/// sentence by sentence, so that no rule runs over a long haystack.
const MAX_UNIT_BYTES: usize = 4_000;

/// "NAME:" opening a paragraph, after any quotation mark: one word in
/// capitals ("HALE:") or up to three capitalized words ("Ana Ruiz:").
static TURN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"^["'\s]*(?:\p{Lu}[\p{Lu}'’.-]+|\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}):\s+\S"#,
    )
    .expect("turn regex")
});
/// A sentence ending in a reporting verb and a colon: "The governor added:",
/// "McCrummen reports:", "He said:".
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:said|says|say|added|adds|wrote|writes|reported|reports|explained|explains|noted|notes|told|tells|stated|states|declared|declares|continued|continues|tweeted|argued|argues|insisted|insists|warned|warns|recalled|recalls|concluded|concludes|replied|responded)(?:\s+\w+){0,3}\s*:\s*$")
        .expect("lead-in regex")
});

/// One reading unit: a byte range of the text, its kind, the index of its
/// first sentence and how many sentences it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub first: usize,
    pub count: usize,
}

/// The reading units of `text`, split into `sentences`, in order.
pub fn units(text: &str, sentences: &[Sentence]) -> Vec<Unit> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut k = 0;
    while k < sentences.len() {
        let unit = turn(text, sentences, k)
            .or_else(|| lead_in(text, sentences, k))
            .unwrap_or_else(|| single(sentences, k));
        k += unit.count;
        out.push(unit);
    }
    out
}

fn single(sentences: &[Sentence], k: usize) -> Unit {
    let s = sentences[k];
    Unit {
        start: s.start,
        end: s.end,
        kind: s.kind,
        first: k,
        count: 1,
    }
}

/// The paragraph opened by sentence `k` as one unit, when it opens with
/// "NAME:" and runs over more than one sentence.
fn turn(text: &str, sentences: &[Sentence], k: usize) -> Option<Unit> {
    let s = sentences[k];
    let opens = s.kind == Kind::Body && (k == 0 || sentences[k - 1].para != s.para);
    if !opens || !TURN.is_match(&text[s.start..s.end]) {
        return None;
    }
    // Read from the name on, past an opening quotation mark, so that the
    // turn has the shape of "NAME: CLAIM" (with its labels left out).
    let lead = text[s.start..s.end].len()
        - text[s.start..s.end]
            .trim_start_matches(['"', '\'', ' '])
            .len();
    let mut unit = joined(sentences, k, para_end(sentences, k), s.kind)?;
    unit.start += lead;
    let flat = text[unit.start..unit.end].replace(['\n', '\r', '\t'], " ");
    headlines::colon(&flat).map(|_| unit)
}

/// Sentence `k`, a lead-in ending in a reporting verb and a colon at the end
/// of its paragraph, joined with the paragraph that follows.
fn lead_in(text: &str, sentences: &[Sentence], k: usize) -> Option<Unit> {
    let s = sentences[k];
    let next = sentences.get(k + 1)?;
    if next.para == s.para || next.kind == Kind::Heading {
        return None;
    }
    if !LEAD_IN.is_match(text[s.start..s.end].trim_end()) {
        return None;
    }
    let last = para_end(sentences, k + 1);
    joined(sentences, k, last, Kind::Body)
}

/// Index of the last sentence of the paragraph of sentence `k`.
fn para_end(sentences: &[Sentence], k: usize) -> usize {
    let para = sentences[k].para;
    sentences[k..].iter().take_while(|s| s.para == para).count() + k - 1
}

/// Sentences `first..=last` as one unit, when that is more than one sentence
/// and not too long to read as one.
fn joined(sentences: &[Sentence], first: usize, last: usize, kind: Kind) -> Option<Unit> {
    let (start, end) = (sentences[first].start, sentences[last].end);
    (last > first && end - start <= MAX_UNIT_BYTES).then_some(Unit {
        start,
        end,
        kind,
        first,
        count: last - first + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::sentences::split;

    fn read(text: &str) -> Vec<(&str, usize)> {
        units(text, &split(text))
            .into_iter()
            .map(|u| (&text[u.start..u.end], u.first))
            .collect()
    }

    #[test]
    fn a_transcript_turn_is_one_unit() {
        let text = "Intro line of the piece, which runs on.\n\nHALE: Look. The port is open. It stays open.\n\nThe hearing went on.";
        let u = read(text);
        assert_eq!(u[1], ("HALE: Look. The port is open. It stays open.", 1));
        assert_eq!(u[2].1, 4, "later sentences keep their numbers: {u:?}");
    }

    #[test]
    fn a_lead_in_takes_the_next_paragraph() {
        let text = "The governor added:\n\nThe bridge is safe. The money is there.\n\nShe left.";
        let u = read(text);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(u[0].0.starts_with("The governor added:"));
        assert!(u[0].0.ends_with("The money is there."));
    }

    /// The whole turn and the whole introduced paragraph are the claim.
    #[test]
    fn units_give_whole_claims() {
        let text = "The hearing ran late on Monday night.\n\n\"HALE: Look. The port is open. It stays open.\n\nThe governor added:\n\nThe bridge is safe. The money is there.";
        let found = crate::extract::extract(text, &[]);
        let got: Vec<(&str, &str)> = found
            .iter()
            .map(|a| (a.source.as_str(), a.claim.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("HALE", "Look. The port is open. It stays open"),
                ("The governor", "The bridge is safe. The money is there")
            ]
        );
    }

    #[test]
    fn ordinary_colons_and_labels_stay_single_sentences() {
        for text in [
            "The reason is simple: money. The board agreed.\n\nThen it voted.",
            "There were three options:\n\nSell. Hold. Wait.",
        ] {
            let u = read(text);
            assert!(u.iter().all(|u| !u.0.contains('\n')), "{text}: {u:?}");
        }
    }
}
