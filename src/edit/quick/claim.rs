//! `add claim`, quick (see [`super`]): a new claim with a free, well-formed id, a non-empty
//! text, typed values, `about` naming entities and `found_in` naming documents cannot make
//! a valid graph invalid: nothing refers to it, and those references are the only rules of
//! docs/format.md §1 that relate a claim to other records. It has no edges, so the support
//! of every other claim stays as it is: when the graph's snapshot matched the files before
//! the edit, it is brought up to date with a patch naming the new claim (see
//! `crate::cache`).

use super::{in_file_order, insert_record, new_id, target, Target};
use crate::cache::Added;
use crate::edit::add::non_empty;
use crate::edit::{resolve_in, EditError, NewClaim, Placed, Want};
use crate::graph::{ClaimGraph, Record};
use crate::load;
use crate::model::{Claim, Id};
use crate::store::{Quick, Read};
use std::path::Path;

/// `add claim` without parsing the files for editing, when the graph is valid and the file
/// the claim goes to has claims to place it among ([`Quick::Full`] otherwise). `seen` is
/// shown the graph as read, before any check (for hints such as similar claims).
pub fn add_claim(
    read: Read<'_>,
    new: &NewClaim,
    file: Option<&Path>,
    seen: impl FnOnce(&ClaimGraph),
) -> Result<Quick<Placed>, EditError> {
    let Ok(g) = load::from_sources(read.sources) else {
        return Ok(Quick::Full);
    };
    seen(&g);
    non_empty(&new.text, "the text")?;
    let id = new_id(&g, read, new.id.as_deref(), (&new.text, "text"))?;
    let claim = Claim {
        id,
        text: new.text.clone(),
        date: new.date,
        about: resolved(&g, &new.about, Want::Entity)?,
        topics: new.topics.clone(),
        found_in: resolved(&g, &new.found_in, Want::Document)?,
        credibility: new.credibility,
        review: None,
        note: new.note.clone(),
    };
    let claims = claims_by_file(&g, read.sources.len());
    let touched: Vec<&Id> = claim.found_in.iter().chain(&claim.about).collect();
    let held: Vec<usize> = claims.iter().map(Vec::len).collect();
    let mentions = || touched.iter().map(|id| mentioning(&g, id)).collect();
    // A new file: the full path writes it.
    let Target::Existing(f) = target(&g, (read, file), &held, &touched, mentions)? else {
        return Ok(Quick::Full);
    };
    let ids: Vec<&Id> = claims[f].iter().map(|c| &c.id).collect();
    let added = Added::Claim {
        id: claim.id.to_string(),
        text: claim.text.clone(),
        topics: claim.topics.clone(),
    };
    Ok(insert_record(
        read,
        (f, "claims"),
        (&ids, &claim.id),
        &claim,
        added,
    ))
}

/// Each of `texts` resolved to the id of a record of the wanted sort, each id once.
fn resolved(g: &ClaimGraph, texts: &[String], want: Want) -> Result<Vec<Id>, EditError> {
    let mut ids: Vec<Id> = Vec::with_capacity(texts.len());
    for t in texts {
        let id = resolve_in(g, t, want)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// Every file's claims, in file order.
fn claims_by_file(g: &ClaimGraph, files: usize) -> Vec<Vec<&Claim>> {
    let mut by_file: Vec<Vec<(u32, &Claim)>> = vec![Vec::new(); files];
    for n in &g.records {
        if let (Record::Claim(c), Some(list)) = (&n.record, by_file.get_mut(n.origin.file as usize))
        {
            list.push((n.origin.pos, c));
        }
    }
    in_file_order(by_file)
}

/// The files whose claims mention `id` (as their id, `about`, `found_in` or reviewer).
fn mentioning(g: &ClaimGraph, id: &Id) -> Vec<usize> {
    g.records
        .iter()
        .filter(|n| match &n.record {
            Record::Claim(c) => {
                &c.id == id
                    || c.about.contains(id)
                    || c.found_in.contains(id)
                    || c.review.as_ref().is_some_and(|r| &r.by == id)
            }
            Record::Entity(_) => false,
        })
        .map(|n| n.origin.file as usize)
        .collect()
}
