//! One attribution inside a sentence before its speaker is named: where the speaker
//! phrase, the cue and the pieces of the claim are, as byte ranges of the sentence, and
//! the kind of cue that found them.

use super::cues::CueKind;
use super::phrases::Range;
use super::record::Stance;

/// Who is speaking, as found in the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// A phrase of the sentence (noun phrase, pronoun, "the agency").
    Phrase(Range),
    /// The speaker of the previous attribution in the sentence (", adding
    /// that", "and accused"), or the sentence subject when there is none.
    Previous,
}

/// One attribution in a sentence, before naming and linking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raw {
    pub who: Who,
    pub cue: Range,
    /// What kind of cue found it: relays and citations are told apart by it.
    pub kind: CueKind,
    pub stance: Stance,
    /// Pieces of the claim; empty when the claim is named only by an
    /// anaphor ("denied it", "rejected the allegations").
    pub claim: Vec<Range>,
    pub cites: Vec<Range>,
    /// The subset of `cites` that relay the speaker rather than ground the claim.
    pub relays: Vec<Range>,
    /// The claim is a direct quotation.
    pub quoted: bool,
    /// "claims by X that Y": X asserts what the speaker denies.
    pub counter: Option<Counter>,
    /// The speaker comes after the content at the end of the sentence
    /// ("..., the newspaper reported"): after another speaker's words it
    /// relays them.
    pub frames: bool,
    /// What an anaphoric denial names instead of a claim ("the reports",
    /// "that view", "it"): the reader looks for the claim it refers to.
    pub anaphor: Option<Range>,
    /// The denial refers back inside its own sentence ("..., something X
    /// denies", "..., a claim X disputed").
    pub relative: bool,
    /// The speaker is the noun a relative "who" stands for ("supporters who
    /// suggested"): inside another claim, the clause is part of that claim.
    pub antecedent: bool,
}

/// "claims by X that Y" inside a denial: X, and the noun ("claims") that is
/// X's cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counter {
    pub who: Range,
    pub cue: Range,
}

impl Raw {
    /// An attribution of `kind` on the cue at `cue`, with nothing else found yet.
    pub fn new(cue: Range, kind: CueKind, stance: Stance) -> Raw {
        Raw {
            who: Who::Previous,
            cue,
            kind,
            stance,
            claim: Vec::new(),
            cites: Vec::new(),
            relays: Vec::new(),
            quoted: false,
            counter: None,
            frames: false,
            anaphor: None,
            relative: false,
            antecedent: false,
        }
    }
}
