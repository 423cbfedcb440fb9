//! A news text as a plan: the attributions extraction finds ([`crate::extract`]), each
//! turned into edges: `asserts` or `denies` from the speaker to the claim, `cites` from the
//! claim to what it rests on ("according to Y", "citing Y"), and `cites` from a relay to
//! the speaker it relayed ("Y quoted X as saying").

use super::draft::{Draft, End};
use super::plan::Drafted;
use super::plan::LeftOut;
use super::referents::{self, Refers};
use super::speakers::{Hint, Who};
use crate::extract::{self, fragment, Attribution, KnownEntity, Stance};
use crate::graph::ClaimGraph;
use crate::model::{Id, Kind, Rel};
use regex::Regex;
use std::sync::LazyLock;

/// The graph's entities as extraction links speakers to them.
pub fn known_entities(g: &ClaimGraph) -> Vec<KnownEntity> {
    g.entities()
        .filter_map(|ix| g.entity(ix))
        .map(|e| KnownEntity {
            id: e.id.as_str().to_string(),
            names: std::iter::once(e.name.clone())
                .chain(e.aliases.iter().cloned())
                .collect(),
            is_person: e.kind == Kind::Person,
            is_organization: e.kind == Kind::Organization,
        })
        .collect()
}

/// What an earlier attribution said, for denials that refer back.
struct Said {
    claim: Id,
    sentence: usize,
    /// Said in the lead paragraph.
    lead: bool,
    /// The speaker phrase and cue, lower-cased ("a report by 38 north", "reported").
    words: String,
}

/// Drafts what `text` adds to `g` as document `doc`.
///
/// The first line of a text of several paragraphs is its headline: it becomes the title and
/// is not read for claims (the body says the same in full). The lead is the first paragraph
/// after it: "the report" a denial refers to is the lead's first claim.
pub fn draft(g: &ClaimGraph, text: &str, doc: &Id) -> Drafted {
    let found = extract::extract(text, &known_entities(g));
    let sentences = fragment::sentences(text);
    let paras = sentences.last().map_or(0, |s| s.para + 1);
    let headline = (paras > 1).then_some(0).filter(|_| {
        sentences
            .first()
            .is_some_and(|s| s.para == 0 && sentences.get(1).is_none_or(|n| n.para > 0))
    });
    let lead = sentences
        .iter()
        .map(|s| s.para)
        .find(|&p| Some(p) != headline);
    let mut d = Draft::new(g, doc, text);
    let mut said: Vec<Said> = Vec::new();
    for a in &found {
        let Some(s) = sentences.get(a.sentence) else {
            continue;
        };
        if Some(s.para) == headline {
            continue;
        }
        attribution(&mut d, &mut said, a, &s.text, Some(s.para) == lead);
    }
    d.finish()
}

/// Plans the edges of one attribution.
fn attribution(
    d: &mut Draft<'_>,
    said: &mut Vec<Said>,
    a: &Attribution,
    sentence: &str,
    lead: bool,
) {
    if a.source.trim().is_empty() || a.claim.trim().is_empty() {
        return;
    }
    if a.rel == Stance::Asserts && !d.has_content(&a.claim) {
        leave_out(d, a, sentence, "what it says has no content words");
        return;
    }
    let who = d.speaker(&a.source, a.entity.as_deref(), sentence, &Hint::default());
    let Some((claim, guess)) = claim_of(d, said, a, sentence, &who) else {
        return;
    };
    let rel = match a.rel {
        Stance::Asserts => Rel::Asserts,
        Stance::Denies => Rel::Denies,
    };
    let speaker = End::Speaker(who.clone());
    d.edge(
        speaker.clone(),
        rel,
        End::Claim(claim.clone()),
        sentence,
        guess,
    );
    if rel == Rel::Asserts && a.cue.to_lowercase().starts_with("according to") {
        d.edge(
            End::Claim(claim.clone()),
            Rel::Cites,
            speaker.clone(),
            sentence,
            None,
        );
    }
    if rel == Rel::Asserts {
        if let Some(evidence) = evidence_subject(&a.claim) {
            let source = d.speaker(evidence, None, sentence, &Hint::default());
            if source != who {
                d.edge(
                    End::Claim(claim.clone()),
                    Rel::Cites,
                    End::Speaker(source),
                    sentence,
                    None,
                );
            }
        }
    }
    for cited in &a.cites {
        let source = d.speaker(cited, None, sentence, &Hint::default());
        if source == who {
            continue;
        }
        // A relay cites the speaker it relays; any other cited source backs the claim.
        let (from, to) = if a.relays.contains(cited) {
            (End::Speaker(source), speaker.clone())
        } else {
            (End::Claim(claim.clone()), End::Speaker(source))
        };
        d.edge(from, Rel::Cites, to, sentence, None);
    }
    said.push(Said {
        claim,
        sentence: a.sentence,
        lead,
        words: format!("{} {}", a.source, a.cue).to_lowercase(),
    });
}

/// The claim an attribution states: an existing or planned claim, a new one, or for a
/// denial that refers back, the claim it refers to (`None`: left out), with why when that
/// is a guess.
fn claim_of(
    d: &mut Draft<'_>,
    said: &[Said],
    a: &Attribution,
    sentence: &str,
    who: &Who,
) -> Option<(Id, Option<String>)> {
    let text = match d.name_of(who) {
        Some(name) => name_the_speaker(&claim_text(&a.claim), &name),
        None => claim_text(&a.claim),
    };
    if a.rel == Stance::Denies {
        match referents::refers(sentence, &a.claim) {
            Refers::Here => {}
            Refers::Noun { words, stem } => {
                let earlier = said.iter().rev().find(|s| s.words.contains(stem));
                let lead = said.iter().find(|s| s.lead);
                return match (earlier, lead) {
                    (Some(s), _) => Some((
                        s.claim.clone(),
                        Some(format!(
                            "\"{words}\": the last claim reported with that word"
                        )),
                    )),
                    (None, Some(lead)) => Some((
                        lead.claim.clone(),
                        Some(format!("\"{words}\": the article's lead claim")),
                    )),
                    (None, None) => {
                        let why = format!(
                            "denies \"{words}\", but no earlier claim was reported with that word and the lead paragraph gave none"
                        );
                        leave_out(d, a, sentence, &why);
                        None
                    }
                };
            }
            Refers::Pronoun => {
                let near = said
                    .iter()
                    .rev()
                    .filter(|s| s.sentence + 1 >= a.sentence)
                    .find(|s| d.states(&s.claim, &text));
                if near.is_none() {
                    let why =
                        "denies something the sentence does not name; which claim is not clear";
                    leave_out(d, a, sentence, why);
                }
                return near.map(|s| {
                    let why = "what it denies is the claim just before it".to_string();
                    (s.claim.clone(), Some(why))
                });
            }
        }
    }
    Some((d.match_or_add(&text), None))
}

fn leave_out(d: &mut Draft<'_>, a: &Attribution, sentence: &str, reason: &str) {
    d.left_out.push(LeftOut {
        sentence: Some(a.sentence),
        quote: sentence.to_string(),
        reason: format!("{} ({}): {reason}", a.source.trim(), a.cue.trim()),
    });
}

/// Evidence as a claim's subject: "commercial satellite imagery showed…", "the documents
/// reveal…". The claim cites it: the speaker relays what the evidence shows.
static EVIDENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*((?:the\s+|new\s+|recent\s+|latest\s+)?(?:[\p{L}-]+\s+){0,3}?(?:imagery|images|photos|photographs|pictures|footage|videos?|documents|records|intercepts))\s+(?:showed|shows|show|indicated|indicates|indicate|suggested|suggests|suggest|revealed|reveals|reveal|confirmed|confirms|confirm|was|were|is|are|appeared|appears)\b",
    )
    .expect("a valid pattern")
});

/// The evidence a claim's subject names, if it does.
fn evidence_subject(claim: &str) -> Option<&str> {
    EVIDENCE
        .captures(claim)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().trim())
}

/// Verbs after which a claim's opening pronoun is its speaker ("the agency said it had
/// seen…", "he said he would…"); "it is", "it was" are left alone ("it was unclear").
const SPEAKER_VERBS: &[&str] = &[
    "had", "has", "have", "would", "will", "could", "can", "did", "does", "do", "plans", "planned",
    "saw", "sees", "believes", "believed", "knew", "knows", "found", "finds", "sent", "shipped",
    "received",
];

/// `claim` with an opening "It", "He", "She" or "They" that stands for its speaker replaced
/// by the speaker's name: "It had seen no sign…" → "National Intelligence Service had seen no
/// sign…".
fn name_the_speaker(claim: &str, speaker: &str) -> String {
    let mut words = claim.splitn(3, ' ');
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return claim.to_string();
    };
    let pronoun = matches!(first, "It" | "He" | "She" | "They");
    // An unnamed speaker's entity name carries its document ("Officials (ap-2024-06-27)").
    let unnamed = speaker.trim().is_empty() || speaker.ends_with(')');
    if !pronoun || !SPEAKER_VERBS.contains(&second) || unnamed {
        return claim.to_string();
    }
    format!("{} {}", speaker.trim(), &claim[first.len() + 1..])
}

/// A claim as a sentence: trimmed, capitalized, ending with a full stop.
pub fn claim_text(raw: &str) -> String {
    let t = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let t = t
        .trim_matches(|c: char| matches!(c, '"' | '\u{201c}' | '\u{201d}' | ',' | ';' | ':' | ' '))
        .trim_end_matches(['.', ',']);
    let mut out: String = match t.chars().next() {
        Some(f) => f.to_uppercase().chain(t.chars().skip(1)).collect(),
        None => String::new(),
    };
    if !out.is_empty() && !out.ends_with(['!', '?']) {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_read_as_sentences() {
        assert_eq!(
            claim_text("north Korea has shipped  6,700 containers"),
            "North Korea has shipped 6,700 containers."
        );
        assert_eq!(claim_text("\"it is false.\""), "It is false.");
        assert_eq!(claim_text(""), "");
    }

    #[test]
    fn an_opening_pronoun_names_the_speaker() {
        assert_eq!(
            name_the_speaker(
                "It had seen no sign of it.",
                "National Intelligence Service"
            ),
            "National Intelligence Service had seen no sign of it."
        );
        assert_eq!(
            name_the_speaker("It was unclear whether trains ran.", "NIS"),
            "It was unclear whether trains ran."
        );
        assert_eq!(
            name_the_speaker("Its trains ran.", "NIS"),
            "Its trains ran."
        );
    }

    #[test]
    fn evidence_subjects_are_found() {
        assert_eq!(
            evidence_subject("commercial satellite imagery showed a sharp rise in traffic"),
            Some("commercial satellite imagery")
        );
        assert_eq!(
            evidence_subject("The imagery was consistent with shipments"),
            Some("The imagery")
        );
        assert_eq!(evidence_subject("North Korea showed restraint"), None);
    }
}
