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

/// What kind of speaker a name stands for, when the text or the graph says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Organization,
    /// A country or place speaking for its government ("Moscow denied").
    Country,
}

/// What the text says about a speaker: the source of an attribution or one of
/// its relays.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// The name, with pronouns, descriptions and surnames resolved ("Ana Ruiz").
    pub name: String,
    /// The id of the known entity the name links to.
    pub entity: Option<String>,
    /// Person, organization or country, when the text or the graph says.
    pub kind: Option<SpeakerKind>,
    /// The role or title the text gives ("senator", "trade expert").
    pub role: Option<String>,
    /// The body the speaker belongs to, as named ("Green Party").
    pub part_of: Option<String>,
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
    /// The subset of `cites` that relay the speaker's words rather than ground
    /// the claim, nearest the speaker first: in "..., the ministry told
    /// senators, according to a senator who was briefed" the senator relays
    /// the ministry; in "A quoted B as saying ..." A relays B.
    pub relays: Vec<String>,
    /// The speaker phrase as the text gives it ("she", "the senator"), or
    /// empty when the speaker carries over from an earlier clause.
    pub mention: String,
    /// What the text says about the source (first) and each relay, in the
    /// order of `relays`.
    pub speakers: Vec<Speaker>,
}
