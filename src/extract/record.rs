//! The records extraction hands back: who (as named and as linked), with what stance, said
//! what, on which cue in which sentence; and the entities speakers are linked to.

use serde::Serialize;

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
