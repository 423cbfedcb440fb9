//! Ingest (docs/format.md §6): one news text, or one schema.org ClaimReview file, turned into
//! records of the graph — planned first ([`plan()`]), written only when asked ([`apply`], inside the
//! store's locked transaction).
//!
//! A news text goes through attribution extraction ([`crate::extract`]); each speaker is
//! linked to an existing entity or made a new one with guessed kind, tags and `part_of`
//! (`speakers`, `names`, [`lexicon`]); each claim is matched against the graph's claims
//! ([`crate::similar`]) and reuses the existing claim when it states the same thing; denials
//! of "the report" go to the claim they refer to or are left out (`referents`). A
//! ClaimReview gives a claim, its claimant and a fact-checker's verdict ([`claimreview`],
//! [`rating`]). `draft` holds what both share; [`plan::Plan`] is what is shown and written.
//! Ingesting the same input as the same document again plans nothing new.

pub mod claimreview;
mod draft;
mod ids;
pub mod lexicon;
mod located;
mod names;
mod news;
pub mod plan;
pub mod rating;
mod referents;
mod speakers;

pub use news::{claim_text, known_entities};
pub use plan::{
    Changes, LeftOut, Link, LinkedBy, Plan, PlannedClaim, PlannedDocument, PlannedEdge,
};

use crate::edit::{place, resolve, Array, EditError, Want};
use crate::graph::{ClaimGraph, Slot};
use crate::model::{Date, Document, Id, Rel};
use crate::store::{Files, StoreError};
use crate::text::quoted;
use plan::{PlannedEntity, Status};
use rustc_hash::FxHashSet;

/// The document an ingest records, as given on the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The document id (`--doc`).
    pub doc: String,
    /// Its title; a news text's first line when left out.
    pub title: Option<String>,
    /// Its publisher: an entity id, name or alias.
    pub publisher: Option<String>,
    pub published: Option<Date>,
    pub url: Option<String>,
}

/// What is ingested.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// A news text.
    News(String),
    /// The reviews of a ClaimReview file.
    Reviews(Vec<claimreview::Item>),
}

/// Reads an input file: a ClaimReview file when it is JSON (it starts with `{` or `[`),
/// else a news text. `name` names the file in messages.
pub fn read_input(name: &str, bytes: &[u8]) -> Result<Input, EditError> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim_start().starts_with(['{', '[']) {
        return claimreview::parse(name, text).map(Input::Reviews);
    }
    Ok(Input::News(text.to_string()))
}

/// Plans the ingest of `input` as document `opts.doc` into the graph of `files`. Writes
/// nothing.
pub fn plan(files: &Files, input: &Input, opts: &Options) -> Result<Plan, EditError> {
    let g = files
        .graph()
        .map_err(|e| EditError::Store(StoreError::Invalid(e)))?;
    let doc = Id::new(opts.doc.trim()).map_err(|e| EditError::Usage(format!("--doc: {}", e.0)))?;
    let default_title = match input {
        Input::News(text) => headline(text),
        Input::Reviews(items) => claimreview::title(items),
    };
    let document = document(files, g, &doc, opts, default_title)?;
    let mut plan = match input {
        Input::News(text) => {
            let d = news::draft(g, text, &doc);
            Plan::from_draft(document, d)
        }
        Input::Reviews(items) => Plan::from_draft(document, claimreview::draft(g, items, &doc)),
    };
    mark_existing_edges(files, &doc, &mut plan);
    plan.count();
    Ok(plan)
}

/// The first line of a text, as a title (at most 300 characters).
fn headline(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let flat: String = line.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(flat.chars().take(300).collect())
}

/// The document record: the graph's when it has it (explicit options must agree), else a
/// new one from the options.
fn document(
    files: &Files,
    g: &ClaimGraph,
    doc: &Id,
    opts: &Options,
    default_title: Option<String>,
) -> Result<PlannedDocument, EditError> {
    let publisher = opts
        .publisher
        .as_deref()
        .map(|p| resolve(files, p, Want::Entity))
        .transpose()?;
    match g.lookup(doc.as_str()) {
        Some(Slot::Doc(i)) => {
            let existing = g.document(i).doc.clone();
            let differs = [
                (
                    "--title",
                    opts.title.as_ref().is_some_and(|t| *t != existing.title),
                ),
                (
                    "--publisher",
                    publisher.is_some() && publisher != existing.publisher,
                ),
                (
                    "--published",
                    opts.published.is_some() && opts.published != existing.published,
                ),
                ("--url", opts.url.is_some() && opts.url != existing.url),
            ];
            if let Some((flag, _)) = differs.iter().find(|(_, d)| *d) {
                return Err(EditError::Refused(format!(
                    "document {} is already in the graph with another {}: ingest it under another --doc, or change the document with `set` first",
                    quoted(doc.as_str()),
                    flag.trim_start_matches('-')
                )));
            }
            Ok(PlannedDocument {
                record: existing,
                status: Status::Exists,
            })
        }
        Some(Slot::Node(ix)) => Err(EditError::Usage(format!(
            "--doc {}: that id is {} of the graph; choose another document id",
            quoted(doc.as_str()),
            if g.is_claim(ix) {
                "a claim"
            } else {
                "an entity"
            }
        ))),
        None => {
            let title = opts
                .title
                .clone()
                .or(default_title)
                .filter(|t| !t.trim().is_empty())
                .ok_or_else(|| {
                    EditError::Usage("the input has no title: give one with --title".into())
                })?;
            Ok(PlannedDocument {
                record: Document {
                    id: doc.clone(),
                    title,
                    publisher,
                    published: opts.published,
                    url: opts.url.clone(),
                },
                status: Status::New,
            })
        }
    }
}

/// Marks the planned edges the graph already has (same from, rel, to and document).
fn mark_existing_edges(files: &Files, doc: &Id, plan: &mut Plan) {
    let have: FxHashSet<(&Id, Rel, &Id)> = files
        .files
        .iter()
        .flat_map(|f| &f.data.edges)
        .filter(|e| e.in_doc.as_ref() == Some(doc))
        .map(|e| (&e.from, e.rel, &e.to))
        .collect();
    for e in &mut plan.records.edges {
        if have.contains(&(&e.record.from, e.record.rel, &e.record.to)) {
            e.status = Status::Exists;
        }
    }
}

/// Writes what `plan` adds into `files` (the caller commits them through the store, which
/// validates the whole graph first).
pub fn apply(files: &mut Files, plan: &Plan) -> Result<(), EditError> {
    if plan.document.status == Status::New {
        let d = &plan.document.record;
        let touched: Vec<&Id> = std::iter::once(&d.id).chain(&d.publisher).collect();
        let f = place(files, Array::Documents, &touched, None)?;
        files.files[f].data.documents.push(d.clone());
    }
    for e in plan
        .records
        .entities
        .iter()
        .filter(|e| e.status == Status::New)
    {
        add_entity(files, e)?;
    }
    for c in plan
        .records
        .claims
        .iter()
        .filter(|c| c.status == Status::New)
    {
        let touched: Vec<&Id> = c.found_in.iter().chain(&c.about).collect();
        let f = place(files, Array::Claims, &touched, None)?;
        files.files[f].data.claims.push(c.record());
    }
    for e in plan
        .records
        .edges
        .iter()
        .filter(|e| e.status == Status::New)
    {
        let r = &e.record;
        let touched: Vec<&Id> = [&r.from, &r.to].into_iter().chain(&r.in_doc).collect();
        let f = place(files, Array::Edges, &touched, None)?;
        files.files[f].data.edges.push(r.clone());
    }
    for r in plan
        .records
        .reviews
        .iter()
        .filter(|r| r.status == Status::New)
    {
        let claim = files
            .files
            .iter_mut()
            .flat_map(|f| f.data.claims.iter_mut())
            .find(|c| c.id == r.claim);
        match claim {
            Some(c) => c.review = Some(Box::new(r.review.clone())),
            None => {
                return Err(EditError::Refused(format!(
                    "the review's claim {} is not in the graph",
                    quoted(r.claim.as_str())
                )));
            }
        }
    }
    Ok(())
}

fn add_entity(files: &mut Files, e: &PlannedEntity) -> Result<(), EditError> {
    let r = &e.record;
    let touched: Vec<&Id> = r.part_of.iter().collect();
    let f = place(files, Array::Entities, &touched, None)?;
    files.files[f].data.entities.push(r.clone());
    Ok(())
}

#[cfg(test)]
mod tests;
