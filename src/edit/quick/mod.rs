//! Quick edits: `add entity`, `add claim`, `add doc` and `link` checked against the
//! validated graph the files make (its id index, names, origins) and their one record
//! spliced into its file, instead of every file parsed into editable records, the whole
//! edited graph validated again and the changed file serialized again.
//!
//! The record goes into its array in the file — at its sorted place when the array's
//! records are sorted as the canonical layout sorts them, else after the last — on one
//! line, set off from its neighbour as the file sets off that neighbour; every other byte
//! of the file stays as it was. On a file in the canonical layout that is exactly what the
//! full path (the edit under [`crate::store::edit`]) writes; on any other layout the
//! records are the same and the file's own layout is kept (`fmt` rewrites it). A quick edit
//! is taken when:
//! - the graph as read is valid (it is loaded as a query loads it; an invalid graph takes
//!   the full path, which reports its errors);
//! - its checks are the full path's, in its order, against the same facts (the first clash
//!   in file order, the file defining an id, the same did-you-mean), so refusals read the
//!   same;
//! - the record cannot make a valid graph invalid (see each edit's own module);
//! - the file it goes to already has records in that array, to place it among. Anything
//!   else takes the full path, which also writes the file in the canonical layout.

mod claim;
mod doc;
mod entity;
mod link;

pub use claim::add_claim;
pub use doc::add_document;
pub use entity::add_entity;
pub use link::link;

use super::add::no_slug;
use super::{duplicate_id, file_in_graph, slug, EditError, Placed};
use crate::cache::{Added, Snapshots};
use crate::export::json::write_line;
use crate::graph::{ClaimGraph, Record, Slot};
use crate::locate;
use crate::model::{Entity, Id};
use crate::store::{Quick, Read};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Every file's entities, in file order.
fn entities_by_file(g: &ClaimGraph, files: usize) -> Vec<Vec<&Entity>> {
    let mut by_file: Vec<Vec<(u32, &Entity)>> = vec![Vec::new(); files];
    for n in &g.records {
        if let (Record::Entity(e), Some(list)) =
            (&n.record, by_file.get_mut(n.origin.file as usize))
        {
            list.push((n.origin.pos, e));
        }
    }
    in_file_order(by_file)
}

/// Each file's list of `(position, record)`, sorted by position, without the positions.
fn in_file_order<T>(by_file: Vec<Vec<(u32, T)>>) -> Vec<Vec<T>> {
    by_file
        .into_iter()
        .map(|mut list| {
            list.sort_unstable_by_key(|(pos, _)| *pos);
            list.into_iter().map(|(_, x)| x).collect()
        })
        .collect()
}

/// Where a new record goes in `bytes`, a file whose top-level array `array` has `count`
/// records, and the bytes to insert there: before the `k`-th record, or after the last when
/// `k` is `None` or past the end; `line` (the record on one line) set off from its
/// neighbour by a comma and the whitespace the file puts before that neighbour, so that in
/// the canonical layout it is one more line of it. `None` when the array is missing or
/// empty, or does not hold `count` records.
fn splice(
    bytes: &[u8],
    array: &str,
    count: usize,
    k: Option<usize>,
    line: &[u8],
) -> Option<(usize, Vec<u8>)> {
    let spans = locate::top_level_array(bytes, array)?;
    if spans.is_empty() || spans.len() != count {
        return None;
    }
    let space_before = |at: usize| {
        let n = bytes[..at]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        &bytes[at - n..at]
    };
    match k.and_then(|k| spans.get(k)) {
        // Before the k-th: the line, `,` and the space that led to the k-th.
        Some(next) => {
            let mut insert = line.to_vec();
            insert.push(b',');
            insert.extend_from_slice(space_before(next.start));
            Some((next.start, insert))
        }
        // After the last: `,`, the space that led to the last, and the line.
        None => {
            let last = spans.last()?;
            let mut insert = vec![b','];
            insert.extend_from_slice(space_before(last.start));
            insert.extend_from_slice(line);
            Some((last.end, insert))
        }
    }
}

/// The insertion that puts `record` into the top-level array `array` of file `f`, which
/// holds `count` records, before the `k`-th (after the last when `None`; see [`splice`]).
fn insertion<T: Serialize>(
    read: Read<'_>,
    (f, array): (usize, &str),
    (count, k): (usize, Option<usize>),
    record: &T,
) -> Option<(usize, Vec<u8>)> {
    let mut line = Vec::with_capacity(256);
    write_line(&mut line, record).expect("writing to a Vec cannot fail");
    splice(&read.sources[f].bytes, array, count, k, &line)
}

/// A new record `added` placed in file `f` with `record`, its id `id` sorting among the
/// array's `ids`: the insertion, the snapshot brought up to date, and where it went;
/// [`Quick::Full`] when the file has no records of the array to place it among.
fn insert_record<T: Serialize>(
    read: Read<'_>,
    (f, array): (usize, &str),
    (ids, id): (&[&Id], &Id),
    record: &T,
    added: Added,
) -> Quick<Placed> {
    let k = sorted_place(ids, &id);
    let Some((at, bytes)) = insertion(read, (f, array), (ids.len(), k), record) else {
        return Quick::Full;
    };
    let then = snapshot_patch(read, (f, at, &bytes), added);
    Quick::Insert {
        value: Placed {
            id: id.clone(),
            path: PathBuf::from(&read.sources[f].name),
        },
        file: f,
        at,
        bytes,
        then,
    }
}

/// The id of a new record: the one given (well-formed, and free), or a unique slug of
/// `source`, the record's `what` (as the full path makes it).
fn new_id(
    g: &ClaimGraph,
    read: Read<'_>,
    given: Option<&str>,
    (source, what): (&str, &str),
) -> Result<Id, EditError> {
    match given {
        Some(s) => {
            let id = Id::new(s).map_err(|e| EditError::Usage(e.0))?;
            match defining_file(g, id.as_str()) {
                Some(f) => Err(duplicate_id(&id, &read.sources[f].name)),
                None => Ok(id),
            }
        }
        None => {
            let base = slug(source).ok_or_else(|| no_slug(source, what))?;
            Ok(unique_id(g, &base))
        }
    }
}

/// `base` if nothing has it as its id, else `base-2`, `base-3`, … (as
/// [`crate::edit::unique_id`]).
fn unique_id(g: &ClaimGraph, base: &str) -> Id {
    let mut candidate = base.to_string();
    let mut n = 2;
    while g.lookup(&candidate).is_some() {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    Id::new(candidate).expect("slugs and suffixes keep the id pattern")
}

/// The file a new record goes to: the one fixed (see [`fixed_target`]), else the one
/// [`chosen_file`] chooses.
fn target(
    g: &ClaimGraph,
    (read, file): (Read<'_>, Option<&Path>),
    held: &[usize],
    touched: &[&Id],
    mentions: impl FnOnce() -> Vec<Vec<usize>>,
) -> Result<Target, EditError> {
    Ok(match fixed_target(read, file)? {
        Some(target) => target,
        None => chosen_file(g, read, held, touched, mentions()),
    })
}

/// Where a record with `key` goes among records with `keys` (in file order): its sorted
/// place when they are sorted, else `None` (after the last).
fn sorted_place<K: Ord>(keys: &[K], key: &K) -> Option<usize> {
    let sorted = keys.windows(2).all(|w| w[0] < w[1]);
    sorted.then(|| keys.partition_point(|k| k < key))
}

/// The file defining `id` (a document, an entity or a claim).
fn defining_file(g: &ClaimGraph, id: &str) -> Option<usize> {
    let origin = match g.lookup(id)? {
        Slot::Doc(d) => g.document(d).origin,
        Slot::Node(ix) => g.node(ix).origin,
    };
    Some(origin.file as usize)
}

/// Where a new record goes.
enum Target {
    /// The file of that index.
    Existing(usize),
    /// A new file.
    New(PathBuf),
}

/// The file `--file` names, or the only file of a one-file graph (as
/// [`super::fixed_file`]); `None` when the edit chooses.
fn fixed_target(read: Read<'_>, file: Option<&Path>) -> Result<Option<Target>, EditError> {
    if let Some(p) = file {
        return Ok(Some(at_path(
            read,
            file_in_graph(read.root, read.single, p)?,
        )));
    }
    if read.single {
        return Ok(Some(at_path(read, read.root.to_path_buf())));
    }
    Ok(None)
}

/// The file a new record goes to by the rule of [`crate::edit::place`], when no file is
/// fixed: `held[f]` is how many records of the new record's array file `f` holds;
/// `touched` the ids the record names, and `mentions[i]` the files whose records of that
/// array mention `touched[i]` (repeats allowed). The file scoring most — 2 per touched id
/// it defines, 1 per one its records mention — among those holding such records; else the
/// only file holding any; else the file defining most touched ids; else `claims.json`. Ties
/// go to the first file.
fn chosen_file(
    g: &ClaimGraph,
    read: Read<'_>,
    held: &[usize],
    touched: &[&Id],
    mentions: Vec<Vec<usize>>,
) -> Target {
    let files = held.len();
    let mut defined = vec![0usize; files];
    for id in touched {
        if let Some(f) = defining_file(g, id.as_str()) {
            defined[f] += 1;
        }
    }
    let mut mentioned = vec![0usize; files];
    for mut in_files in mentions {
        in_files.sort_unstable();
        in_files.dedup();
        for f in in_files {
            mentioned[f] += 1;
        }
    }
    let best = |score: &dyn Fn(usize) -> usize, only_holders: bool| {
        let mut best: Option<(usize, usize)> = None;
        for (f, &n) in held.iter().enumerate() {
            if only_holders && n == 0 {
                continue;
            }
            let s = score(f);
            if s > 0 && best.is_none_or(|(_, b)| s > b) {
                best = Some((f, s));
            }
        }
        best.map(|(f, _)| f)
    };
    let mut holders = (0..files).filter(|&f| held[f] > 0);
    let only_holder = match (holders.next(), holders.next()) {
        (Some(f), None) => Some(f),
        _ => None,
    };
    let bound = |f: usize| 2 * defined[f] + mentioned[f];
    let chosen = best(&bound, true)
        .or(only_holder)
        .or_else(|| best(&|f| defined[f], false));
    match chosen {
        Some(f) => Target::Existing(f),
        None => at_path(read, read.root.join("claims.json")),
    }
}

/// The patch that brings the graph's snapshot up to date after an insertion of `bytes` at
/// `at` in file `f` that adds `added` (see [`Snapshots::patch_after_insert`]); none when
/// the edit runs without the cache.
fn snapshot_patch(
    read: Read<'_>,
    (f, at, bytes): (usize, usize, &[u8]),
    added: Added,
) -> Option<(PathBuf, Vec<u8>)> {
    let _t = crate::timing::phase("snapshot patch");
    let snaps = read.cache.then(|| Snapshots::for_graph(read.root))?;
    snaps.patch_after_insert(read.sources, (f, at, bytes), added)
}

/// The file at `path`: one of the graph's, or a new one.
fn at_path(read: Read<'_>, path: PathBuf) -> Target {
    match read.sources.iter().position(|s| Path::new(&s.name) == path) {
        Some(f) => Target::Existing(f),
        None => Target::New(path),
    }
}

#[cfg(test)]
mod tests;
