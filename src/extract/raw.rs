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
    pub counter: Option<Range>,
    /// The speaker comes after the content at the end of the sentence
    /// ("..., the newspaper reported"): after another speaker's words it
    /// relays them.
    pub frames: bool,
}
