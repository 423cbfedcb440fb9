//! `add doc`, quick (see [`super`]): a new document with a free, well-formed id, a
//! non-empty title, typed values and a `publisher` naming an entity cannot make a valid
//! graph invalid: nothing refers to it, and its publisher is the only rule of
//! docs/format.md §1 that relates a document to another record. Nothing is found in it yet,
//! so the support stays as it is: when the graph's snapshot matched the files before the
//! edit, it is brought up to date with a patch naming the new document (see
//! `crate::cache`).

use super::{in_file_order, insert_record, new_id, target, Target};
use crate::cache::Added;
use crate::edit::add::non_empty;
use crate::edit::{resolve_in, EditError, NewDocument, Placed, Want};
use crate::graph::ClaimGraph;
use crate::load;
use crate::model::{Document, Id};
use crate::store::{Quick, Read};
use std::path::Path;

/// `add doc` without parsing the files for editing, when the graph is valid and the file
/// the document goes to has documents to place it among ([`Quick::Full`] otherwise).
pub fn add_document(
    read: Read<'_>,
    new: &NewDocument,
    file: Option<&Path>,
) -> Result<Quick<Placed>, EditError> {
    let Ok(g) = load::from_sources(read.sources) else {
        return Ok(Quick::Full);
    };
    non_empty(&new.title, "the title")?;
    let id = new_id(&g, read, new.id.as_deref(), (&new.title, "title"))?;
    let publisher = new
        .publisher
        .as_deref()
        .map(|p| resolve_in(&g, p, Want::Entity))
        .transpose()?;
    let doc = Document {
        id,
        title: new.title.clone(),
        publisher,
        published: new.published,
        url: new.url.clone(),
    };
    let docs = documents_by_file(&g, read.sources.len());
    let touched: Vec<&Id> = doc.publisher.iter().collect();
    let held: Vec<usize> = docs.iter().map(Vec::len).collect();
    let mentions = || touched.iter().map(|id| mentioning(&g, id)).collect();
    // A new file: the full path writes it.
    let Target::Existing(f) = target(&g, (read, file), &held, &touched, mentions)? else {
        return Ok(Quick::Full);
    };
    let ids: Vec<&Id> = docs[f].iter().map(|d| &d.id).collect();
    let added = Added::Document {
        id: doc.id.to_string(),
        title: doc.title.clone(),
    };
    Ok(insert_record(
        read,
        (f, "documents"),
        (&ids, &doc.id),
        &doc,
        added,
    ))
}

/// Every file's documents, in file order.
fn documents_by_file(g: &ClaimGraph, files: usize) -> Vec<Vec<&Document>> {
    let mut by_file: Vec<Vec<(u32, &Document)>> = vec![Vec::new(); files];
    for d in &g.docs {
        if let Some(list) = by_file.get_mut(d.origin.file as usize) {
            list.push((d.origin.pos, &d.doc));
        }
    }
    in_file_order(by_file)
}

/// The files whose documents mention `id` (as their id or publisher).
fn mentioning(g: &ClaimGraph, id: &Id) -> Vec<usize> {
    g.docs
        .iter()
        .filter(|d| &d.doc.id == id || d.doc.publisher.as_ref() == Some(id))
        .map(|d| d.origin.file as usize)
        .collect()
}
