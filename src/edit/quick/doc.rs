//! `add doc`, quick (see [`super`]): a new document with a free, well-formed id, a
//! non-empty title, typed values and a `publisher` naming an entity cannot make a valid
//! graph invalid: nothing refers to it, and its publisher is the only rule of
//! docs/format.md §1 that relates a document to another record. Nothing is found in it yet,
//! so the support stays as it is: when the graph's snapshot matched the files before the
//! edit, it is brought up to date with a patch naming the new document (see
//! `crate::cache`).

use super::{chosen_file, defining_file, fixed_target, in_file_order, patch_snapshot};
use super::{sorted_place, splice, Target};
use crate::cache::Added;
use crate::edit::add::{no_slug, non_empty};
use crate::edit::{duplicate_id, resolve_in, slug, EditError, NewDocument, Placed, Want};
use crate::export::json::write_line;
use crate::graph::ClaimGraph;
use crate::load;
use crate::model::{Document, Id};
use crate::store::{Quick, Read};
use std::path::{Path, PathBuf};

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
    let doc = checked(&g, read, new)?;
    let docs = documents_by_file(&g, read.sources.len());
    let touched: Vec<&Id> = doc.publisher.iter().collect();
    let target = match fixed_target(read, file)? {
        Some(target) => target,
        None => {
            let held: Vec<usize> = docs.iter().map(Vec::len).collect();
            let mentions = touched.iter().map(|id| mentioning(&g, id)).collect();
            chosen_file(&g, read, &held, &touched, mentions)
        }
    };
    // A new file: the full path writes it.
    let Target::Existing(f) = target else {
        return Ok(Quick::Full);
    };
    let ids: Vec<&Id> = docs[f].iter().map(|d| &d.id).collect();
    let k = sorted_place(&ids, &&doc.id);
    let mut line = Vec::with_capacity(256);
    write_line(&mut line, &doc).expect("writing to a Vec cannot fail");
    let Some((at, bytes)) = splice(&read.sources[f].bytes, "documents", ids.len(), k, &line) else {
        return Ok(Quick::Full);
    };
    let added = Added::Document {
        id: doc.id.to_string(),
        title: doc.title.clone(),
    };
    patch_snapshot(read, (f, at, &bytes), added);
    Ok(Quick::Insert {
        value: Placed {
            id: doc.id,
            path: PathBuf::from(&read.sources[f].name),
        },
        file: f,
        at,
        bytes,
    })
}

/// The new document, after the checks of [`crate::edit::add_document`] in its order.
fn checked(g: &ClaimGraph, read: Read<'_>, new: &NewDocument) -> Result<Document, EditError> {
    non_empty(&new.title, "the title")?;
    let id = match new.id.as_deref() {
        Some(s) => {
            let id = Id::new(s).map_err(|e| EditError::Usage(e.0))?;
            if let Some(f) = defining_file(g, id.as_str()) {
                return Err(duplicate_id(&id, &read.sources[f].name));
            }
            id
        }
        None => {
            let base = slug(&new.title).ok_or_else(|| no_slug(&new.title, "title"))?;
            super::entity::unique_id(g, &base)
        }
    };
    let publisher = new
        .publisher
        .as_deref()
        .map(|p| resolve_in(g, p, Want::Entity))
        .transpose()?;
    Ok(Document {
        id,
        title: new.title.clone(),
        publisher,
        published: new.published,
        url: new.url.clone(),
    })
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
