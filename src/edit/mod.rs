//! Editing operations on a graph's files in memory: add, link, unlink, set, unset, rm,
//! rename, merge, review and import. Each is a pure function over [`Files`] that either changes the records
//! or returns an [`EditError`] having changed nothing that [`crate::store::edit`] would write
//! (the store validates the whole edited graph before writing anyway).
//!
//! This module owns what the operations share: resolving ids typed by a person, the list of
//! every id-valued field of a record ([`for_each_id_mut`]), and where a new record goes
//! ([`place`]).

mod add;
mod edges;
mod ids;
mod import;
mod names;
mod placer;
pub mod quick;
mod set;
mod slug;

pub use add::{add_claim, add_document, add_entity, review, NewClaim, NewDocument, NewEntity};
pub use edges::{
    appearances, describe, edge_at, find_edge, link, resolve_edges, unlink, EdgeAddress, EdgeAt,
    Linked, NewEdge, Which,
};
pub use ids::{merge, rename, rm, Removed};
pub use import::{import, parse_fragment, Duplicate, Imported};
pub use names::{ensure_names_free, entity_named, NameClash};
pub use set::{set, Change, FieldChanged, Target};
pub use slug::{slug, unique_id};

use crate::graph::{ClaimGraph, Slot};
use crate::model::{GraphFile, Id};
use crate::store::{Files, StoreError};
use crate::text::quoted;
use std::path::{Path, PathBuf};

/// Why an edit was not made. Nothing has been written.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// Bad usage: an unknown id or a bad value on the command line (exit 2).
    #[error("{0}")]
    Usage(String),
    /// The edit would make the graph invalid or lose data (exit 1).
    #[error("{0}")]
    Refused(String),
    /// Reading, validating or writing the graph failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What sort of record an id must name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    Entity,
    Claim,
    Document,
    /// An entity or a claim (an edge's end).
    Node,
    /// Anything with an id.
    Any,
}

/// The array a record lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Array {
    Documents,
    Entities,
    Claims,
    Edges,
}

/// Where a new record went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub id: Id,
    pub path: PathBuf,
}

/// Resolves an id, name or alias typed on the command line to the id of a record of the
/// wanted sort (usage error with a did-you-mean otherwise).
pub fn resolve(files: &Files, text: &str, want: Want) -> Result<Id, EditError> {
    let (id, array) = match find(files, text) {
        Some((_, array)) => (Id::new(text).map_err(|e| EditError::Usage(e.0))?, array),
        None => {
            let g = files
                .graph()
                .map_err(|e| EditError::Store(StoreError::Invalid(e)))?;
            return resolve_in(g, text, want);
        }
    };
    of_sort(id, array, want)
}

/// [`resolve`] in a loaded graph.
pub(crate) fn resolve_in(g: &ClaimGraph, text: &str, want: Want) -> Result<Id, EditError> {
    let slot = g
        .resolve(text)
        .map_err(|e| EditError::Usage(e.to_string()))?;
    let array = match slot {
        Slot::Doc(_) => Array::Documents,
        Slot::Node(ix) if g.is_claim(ix) => Array::Claims,
        Slot::Node(_) => Array::Entities,
    };
    of_sort(g.slot_id(slot).clone(), array, want)
}

/// `id`, defined in `array`, if that is the wanted sort of record (usage error otherwise).
fn of_sort(id: Id, array: Array, want: Want) -> Result<Id, EditError> {
    let (what, ok) = match array {
        Array::Documents => ("a document", matches!(want, Want::Document | Want::Any)),
        Array::Claims => (
            "a claim",
            matches!(want, Want::Claim | Want::Node | Want::Any),
        ),
        _ => (
            "an entity",
            matches!(want, Want::Entity | Want::Node | Want::Any),
        ),
    };
    if !ok {
        let expected = match want {
            Want::Entity => "an entity",
            Want::Claim => "a claim",
            Want::Document => "a document",
            Want::Node => "an entity or a claim",
            Want::Any => "a record",
        };
        return Err(EditError::Usage(format!(
            "{} is {what}; expected {expected}",
            quoted(id.as_str())
        )));
    }
    Ok(id)
}

/// The file index and array of the record with id `id`, if any file defines it.
pub fn find(files: &Files, id: &str) -> Option<(usize, Array)> {
    files
        .files
        .iter()
        .enumerate()
        .find_map(|(i, f)| defines(&f.data, id).map(|a| (i, a)))
}

/// The array of `file` that defines `id`.
fn defines(file: &GraphFile, id: &str) -> Option<Array> {
    if file.documents.iter().any(|d| d.id.as_str() == id) {
        Some(Array::Documents)
    } else if file.entities.iter().any(|e| e.id.as_str() == id) {
        Some(Array::Entities)
    } else if file.claims.iter().any(|c| c.id.as_str() == id) {
        Some(Array::Claims)
    } else {
        None
    }
}

/// Refuses `id` if a record already has it (exit 1: a duplicate id makes the graph invalid).
fn ensure_free(files: &Files, id: &Id) -> Result<(), EditError> {
    match find(files, id.as_str()) {
        Some((f, _)) => Err(duplicate_id(id, &files.files[f].name())),
        None => Ok(()),
    }
}

/// The refusal of a new record's id that a record of `file` already has.
fn duplicate_id(id: &Id, file: &str) -> EditError {
    EditError::Refused(format!(
        "duplicate id {}: already defined in {file}",
        quoted(id.as_str()),
    ))
}

/// Calls `f` on every id-valued field of every record in `file`: record ids and every
/// reference (`part_of`, `about`, `found_in`, review `by`, `publisher`, edge ends and `in`).
pub fn for_each_id_mut(file: &mut GraphFile, mut f: impl FnMut(&mut Id)) {
    for d in &mut file.documents {
        f(&mut d.id);
        d.publisher.iter_mut().for_each(&mut f);
    }
    for e in &mut file.entities {
        f(&mut e.id);
        e.part_of.iter_mut().for_each(&mut f);
    }
    for c in &mut file.claims {
        f(&mut c.id);
        c.about.iter_mut().for_each(&mut f);
        c.found_in.iter_mut().for_each(&mut f);
        if let Some(r) = &mut c.review {
            f(&mut r.by);
        }
    }
    for e in &mut file.edges {
        f(&mut e.from);
        f(&mut e.to);
        e.in_doc.iter_mut().for_each(&mut f);
    }
}

/// Whether a record of `array` in `file` mentions `id` (as its id or a reference).
fn mentioned_in(file: &GraphFile, array: Array, id: &Id) -> bool {
    match array {
        Array::Documents => file
            .documents
            .iter()
            .any(|d| &d.id == id || d.publisher.as_ref() == Some(id)),
        Array::Entities => file
            .entities
            .iter()
            .any(|e| &e.id == id || e.part_of.as_ref() == Some(id)),
        Array::Claims => file.claims.iter().any(|c| {
            &c.id == id
                || c.about.contains(id)
                || c.found_in.contains(id)
                || c.review.as_ref().is_some_and(|r| &r.by == id)
        }),
        Array::Edges => file
            .edges
            .iter()
            .any(|e| &e.from == id || &e.to == id || e.in_doc.as_ref() == Some(id)),
    }
}

fn array_len(file: &GraphFile, array: Array) -> usize {
    match array {
        Array::Documents => file.documents.len(),
        Array::Entities => file.entities.len(),
        Array::Claims => file.claims.len(),
        Array::Edges => file.edges.len(),
    }
}

/// The file an edit must go to whatever it touches: the one `--file` names, or the only file
/// of a one-file graph.
pub(crate) fn fixed_file(
    files: &mut Files,
    file: Option<&Path>,
) -> Result<Option<usize>, EditError> {
    if let Some(p) = file {
        let path = file_in_graph(&files.root, files.single, p)?;
        return Ok(Some(files.file_index(&path)));
    }
    if files.single {
        let root = files.root.clone();
        return Ok(Some(files.file_index(&root)));
    }
    Ok(None)
}

/// The index of the file a new record of `array` goes to, given the ids it touches.
///
/// 1. `--file` (`file`), created if needed: a bare name is taken inside the graph folder.
/// 2. Among the files that already hold records of the same array, the one most bound to
///    the touched ids (defining one counts 2, a record of the array mentioning one counts 1).
/// 3. Else, when exactly one file holds records of the same array (a graph split by kind,
///    like the shipped one), that file.
/// 4. Else the file that defines most of the touched ids.
/// 5. Else `claims.json` in the graph folder (or the graph itself when it is one file).
///
/// Ties go to the first file in name order.
pub fn place(
    files: &mut Files,
    array: Array,
    touched: &[&Id],
    file: Option<&Path>,
) -> Result<usize, EditError> {
    if let Some(f) = fixed_file(files, file)? {
        return Ok(f);
    }
    let defined = |f: &GraphFile| {
        touched
            .iter()
            .filter(|id| defines(f, id.as_str()).is_some())
            .count()
    };
    let best = |score: &dyn Fn(&GraphFile) -> usize, only_same: bool| {
        let mut best: Option<(usize, usize)> = None;
        for (i, f) in files.files.iter().enumerate() {
            if only_same && array_len(&f.data, array) == 0 {
                continue;
            }
            let s = score(&f.data);
            if s > 0 && best.is_none_or(|(_, b)| s > b) {
                best = Some((i, s));
            }
        }
        best.map(|(i, _)| i)
    };
    let bound = |f: &GraphFile| {
        2 * defined(f)
            + touched
                .iter()
                .filter(|id| mentioned_in(f, array, id))
                .count()
    };
    let mut holders =
        (0..files.files.len()).filter(|&i| array_len(&files.files[i].data, array) > 0);
    let only_holder = match (holders.next(), holders.next()) {
        (Some(i), None) => Some(i),
        _ => None,
    };
    if let Some(i) = best(&bound, true)
        .or(only_holder)
        .or_else(|| best(&defined, false))
    {
        return Ok(i);
    }
    let default = files.root.join("claims.json");
    Ok(files.file_index(&default))
}

/// Checks a `--file` argument: a `.json` file directly in the graph folder (the loader reads
/// nothing else, so a record written anywhere else would be lost).
fn file_in_graph(root: &Path, single: bool, p: &Path) -> Result<PathBuf, EditError> {
    if single {
        return if p == root || p.file_name() == root.file_name() {
            Ok(root.to_path_buf())
        } else {
            Err(EditError::Usage(format!(
                "--file {}: the graph is the single file {}; new records go there",
                p.display(),
                root.display()
            )))
        };
    }
    let name = p.file_name().and_then(|n| n.to_str()).map(str::to_string);
    if let Some(why) = name
        .as_deref()
        .map_or(Some("not a file name"), bad_file_name)
    {
        return Err(EditError::Usage(format!(
            "--file {:?}: {why}; expected a .json file name in the graph folder, such as claims-2024.json",
            p.as_os_str()
        )));
    }
    let bare = p.parent().is_none_or(|d| d.as_os_str().is_empty());
    let in_root = bare
        || match (p.parent().map(Path::canonicalize), root.canonicalize()) {
            (Some(Ok(a)), Ok(b)) => a == b,
            _ => false,
        };
    match name {
        Some(n) if in_root && n.ends_with(".json") && !n.starts_with('.') => {
            Ok(root.join(n))
        }
        _ => Err(EditError::Usage(format!(
            "--file {}: expected a .json file name in the graph folder {} (the graph reads no other files)",
            p.display(),
            root.display()
        ))),
    }
}

/// Why `name` cannot be the name of a new graph file, if it cannot: it must be a plain
/// `*.json` name the loader reads (not hidden, not a README) and that prints as itself (no
/// control characters, bidi overrides or backslashes, no leading space).
fn bad_file_name(name: &str) -> Option<&'static str> {
    if name.chars().any(crate::text::is_unsafe_for_terminal) {
        Some("a file name with control characters or bidi overrides")
    } else if name.contains('\\') {
        Some("a file name with a backslash")
    } else if name.starts_with(char::is_whitespace) || name.ends_with(char::is_whitespace) {
        Some("a file name that starts or ends with a space")
    } else if name.starts_with('.') {
        Some("a hidden file, which the graph does not read")
    } else if name.starts_with("README") {
        Some("a README file, which the graph does not read")
    } else if !name.ends_with(".json") || name.len() == ".json".len() {
        Some("not a .json file, which is all the graph reads")
    } else {
        None
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::load::Source;

    /// Editable files from `(name, json)` pairs in a folder graph `g`.
    pub fn files(texts: &[(&str, &str)]) -> Files {
        let sources = texts
            .iter()
            .map(|(n, t)| Source {
                name: format!("g/{n}"),
                bytes: t.as_bytes().to_vec(),
            })
            .collect();
        Files::from_sources("g".into(), false, sources).expect("valid fixture")
    }

    /// A graph split by kind like the shipped one.
    pub fn split() -> Files {
        files(&[
            (
                "article.json",
                r#"{"documents":[{"id":"doc1","title":"T","publisher":"dw"}]}"#,
            ),
            (
                "claims.json",
                r#"{"claims":[{"id":"c1","text":"One.","about":["nk"],"found_in":["doc1"]}]}"#,
            ),
            (
                "edges.json",
                r#"{"edges":[{"from":"dw","rel":"asserts","to":"c1","in":"doc1"},{"from":"nis","rel":"asserts","to":"c1"}]}"#,
            ),
            (
                "entities.json",
                r#"{"entities":[{"id":"dw","name":"Deutsche Welle","kind":"organization","tags":["media"]},{"id":"nis","name":"National Intelligence Service","kind":"organization","tags":["intelligence"],"part_of":"sk","aliases":["NIS"]},{"id":"nk","name":"North Korea","kind":"country","aliases":["Pyongyang"]},{"id":"sk","name":"South Korea","kind":"country"}]}"#,
            ),
        ])
    }

    fn id(s: &str) -> Id {
        Id::new(s).unwrap()
    }

    fn name_of(f: &Files, i: usize) -> &str {
        f.files[i].path.to_str().unwrap()
    }

    #[test]
    fn new_records_go_next_to_their_kin() {
        let mut f = split();
        let i = place(&mut f, Array::Claims, &[&id("nk"), &id("doc1")], None).unwrap();
        assert_eq!(name_of(&f, i), "g/claims.json");
        let i = place(&mut f, Array::Edges, &[&id("dw"), &id("c1")], None).unwrap();
        assert_eq!(name_of(&f, i), "g/edges.json");
        let i = place(&mut f, Array::Entities, &[&id("sk")], None).unwrap();
        assert_eq!(name_of(&f, i), "g/entities.json");
        let i = place(&mut f, Array::Documents, &[&id("dw")], None).unwrap();
        assert_eq!(name_of(&f, i), "g/article.json");
        let i = place(&mut f, Array::Documents, &[&id("sk")], None).unwrap();
        assert_eq!(
            name_of(&f, i),
            "g/article.json",
            "the only file with documents"
        );
    }

    #[test]
    fn a_record_touching_nothing_goes_to_claims_json_and_file_wins() {
        let mut f = files(&[(
            "a.json",
            r#"{"entities":[{"id":"x","name":"X","kind":"country"}]}"#,
        )]);
        let i = place(&mut f, Array::Claims, &[], None).unwrap();
        assert_eq!(name_of(&f, i), "g/claims.json");
        assert!(f.files[i].original.is_none());
        let i = place(
            &mut f,
            Array::Claims,
            &[&id("x")],
            Some(Path::new("new.json")),
        )
        .unwrap();
        assert_eq!(name_of(&f, i), "g/new.json");
    }

    #[test]
    fn file_outside_the_folder_or_not_json_is_refused() {
        let mut f = split();
        for bad in [
            "notes.txt",
            ".hidden.json",
            "/tmp/elsewhere/x.json",
            "x\n.json",
            "\u{1b}[2J.json",
            " lead.json",
            "back\\slash.json",
            "README.json",
            ".json",
        ] {
            let e = place(&mut f, Array::Claims, &[], Some(Path::new(bad))).unwrap_err();
            assert!(matches!(e, EditError::Usage(_)), "{bad}");
        }
    }

    #[test]
    fn resolve_accepts_aliases_and_suggests() {
        let f = split();
        assert_eq!(resolve(&f, "Pyongyang", Want::Entity).unwrap(), id("nk"));
        let e = resolve(&f, "nsi", Want::Entity).unwrap_err().to_string();
        assert!(e.contains("did you mean \"nis\""), "{e}");
        let e = resolve(&f, "c1", Want::Entity).unwrap_err().to_string();
        assert!(e.contains("is a claim; expected an entity"), "{e}");
    }
}
