//! What an ingest would write, before it writes anything: the document, the new entities,
//! the speakers linked to existing entities, the claims (new, or matched to existing ones
//! with their score), the edges, the reviews and what was left out, each guess marked. The
//! plan serializes as the `ingest --format json` output (README "Workflow").

use crate::model::{Claim, Document, Edge, Entity, Id, Review, Verdict};
use serde::Serialize;

/// Whether a planned record is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// It will be added.
    New,
    /// The graph already holds it: nothing to write.
    Exists,
    /// A claim that states what an existing claim states: the existing one is used.
    Matched,
}

/// The document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedDocument {
    #[serde(flatten)]
    pub record: Document,
    pub status: Status,
}

/// A new entity, with what was guessed about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedEntity {
    #[serde(flatten)]
    pub record: Entity,
    pub status: Status,
    /// The words of the text that named it.
    pub phrase: String,
    /// The fields that were guessed (`kind`, `tags`, `part_of`).
    pub guessed: Vec<&'static str>,
}

/// How a phrase of the text was linked to an existing entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkedBy {
    /// The phrase is the entity's id, name or one of its aliases (case, accents and
    /// punctuation aside).
    Name,
    /// "South Korea's National Intelligence Service": the owned name is the entity's.
    Possessive,
    /// "the agency": the last speaker the words fit.
    Reference,
    /// "South Korea's spy agency": the only entity of that country with that source type.
    Description,
    /// The phrase holds the entity's name ("the North's state news agency KCNA"), as
    /// extraction linked it.
    Contains,
}

/// A phrase of the text linked to an entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    pub phrase: String,
    pub id: Id,
    pub by: LinkedBy,
    /// Why, when the link is a guess.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guess: Option<String>,
}

/// A claim the text states.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedClaim {
    pub id: Id,
    pub status: Status,
    /// The claim as the text states it (a new claim's text).
    pub text: String,
    /// For a matched claim: the existing claim's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim_text: Option<String>,
    /// For a matched claim: the matching score (0–1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// For a new claim: the entities it names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<Id>,
    /// For a new claim: the document.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub found_in: Vec<Id>,
}

impl PlannedClaim {
    /// The record to add, for a new claim.
    pub fn record(&self) -> Claim {
        Claim {
            id: self.id.clone(),
            text: self.text.clone(),
            date: None,
            about: self.about.clone(),
            topics: Vec::new(),
            found_in: self.found_in.clone(),
            credibility: None,
            review: None,
            note: None,
        }
    }
}

/// An edge.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedEdge {
    #[serde(flatten)]
    pub record: Edge,
    pub status: Status,
    /// Why, when the edge rests on a guess (a denial of "the report").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guess: Option<String>,
}

/// A review (docs/format.md §5) of a claim, from a ClaimReview.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedReview {
    pub claim: Id,
    #[serde(flatten)]
    pub review: Review,
    pub status: Status,
    /// The rating as the fact-checker wrote it, and how it became the verdict.
    pub rating: String,
    /// The verdict the claim had before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<Verdict>,
}

/// Something the text says that the plan does not record, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeftOut {
    /// The sentence (counting from 0, headings included), when it comes from a text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<usize>,
    pub quote: String,
    pub reason: String,
}

/// How many records and edges the plan writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Changes {
    pub documents: usize,
    pub entities: usize,
    pub claims: usize,
    pub edges: usize,
    pub reviews: usize,
}

impl Changes {
    /// All changes together.
    pub fn total(&self) -> usize {
        self.documents + self.entities + self.claims + self.edges + self.reviews
    }
}

/// What an input adds: entities, links, claims, edges, reviews, and what was left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Drafted {
    pub entities: Vec<PlannedEntity>,
    pub links: Vec<Link>,
    pub claims: Vec<PlannedClaim>,
    pub edges: Vec<PlannedEdge>,
    pub reviews: Vec<PlannedReview>,
    pub left_out: Vec<LeftOut>,
}

/// Everything one ingest would write, or has written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub document: PlannedDocument,
    /// The records the input adds or links to (JSON: fields of the plan itself).
    #[serde(flatten)]
    pub records: Drafted,
    pub changes: Changes,
}

impl Plan {
    /// The plan of a drafted input for `document`.
    pub(super) fn from_draft(document: PlannedDocument, records: Drafted) -> Plan {
        Plan {
            document,
            records,
            changes: Changes::default(),
        }
    }

    /// Counts what the plan writes into `changes`.
    pub fn count(&mut self) {
        let new = |s: Status| usize::from(s == Status::New);
        self.changes = Changes {
            documents: new(self.document.status),
            entities: self.records.entities.iter().map(|e| new(e.status)).sum(),
            claims: self.records.claims.iter().map(|c| new(c.status)).sum(),
            edges: self.records.edges.iter().map(|e| new(e.status)).sum(),
            reviews: self.records.reviews.iter().map(|r| new(r.status)).sum(),
        };
    }
}
