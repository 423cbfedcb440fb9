//! `import`: merging a fragment file (documents, entities, claims, edges; docs/format.md §1)
//! into the graph. Ids that clash with the graph are refused, or with `rename` given the first free
//! suffix `-2`, `-3`, … with every reference inside the fragment following. A fragment record
//! identical to the graph's record of that id is not a clash: it is already there, and so is
//! an edge with the same (from, rel, to, in); importing a fragment twice changes nothing.
//! Records that seem to duplicate the graph's under other ids (an entity's name, a claim
//! that states the same thing) are reported ([`Duplicate`]).

use super::placer::Placer;
use super::{for_each_id_mut, Array, EditError};
use crate::model::{GraphFile, Id};
use crate::similar::GraphMatcher;
use crate::store::Files;
use crate::text::{fold_name, quoted};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashMap;
use std::path::Path;

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imported {
    /// Records and edges added, per file written to: `(file, count)`.
    pub added: Vec<(String, usize)>,
    /// Clashing ids given a new id: `(old, new)`.
    pub renamed: Vec<(Id, Id)>,
    /// Records and edges already in the graph, identical, not added again.
    pub skipped: usize,
    /// Records added that seem to duplicate records of the graph under other ids.
    pub duplicates: Vec<Duplicate>,
}

/// A fragment record that seems to be one the graph already has under another id: an
/// entity with a name or alias an entity of the graph has (compared as
/// [`crate::text::fold_name`] folds them), or a claim that states what a claim of the graph
/// states ([`crate::similar`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The fragment's record.
    pub id: Id,
    /// The graph's record it seems to duplicate.
    pub existing: Id,
    /// Why: the shared name, or the matching score.
    pub why: String,
}

/// Parses a fragment file, with the file, line and column of a syntax or type error and the
/// JSON path of a bad value.
pub fn parse_fragment(name: &str, bytes: &[u8]) -> Result<GraphFile, EditError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        EditError::Refused(format!("{name}: invalid UTF-8 (byte {})", e.valid_up_to()))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.trim_start().starts_with('{') {
        return Err(EditError::Refused(format!(
            "{name}: the top level must be a JSON object with documents, entities, claims and edges"
        )));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let at = if inner.line() > 0 {
            format!(":{}:{}", inner.line(), inner.column())
        } else {
            String::new()
        };
        let msg = inner.to_string();
        let msg = msg.rfind(" at line ").map_or(msg.as_str(), |i| &msg[..i]);
        let path = if path == "." {
            String::new()
        } else {
            format!(" {path}:")
        };
        EditError::Refused(format!("{name}{at}:{path} {msg}"))
    })
}

/// Where a record is in the fragment: its array and position.
type At = (Array, usize);

/// Whether the graph already holds a record equal to the fragment's record `id`, which is at
/// `at` in `frag`.
fn identical(files: &Files, index: &Placer, frag: &GraphFile, id: &Id, at: At) -> bool {
    let Some((f, array, pos)) = index.find(id.as_str()) else {
        return false;
    };
    let d = &files.files[f].data;
    match (array, at) {
        (Array::Documents, (Array::Documents, k)) => d.documents.get(pos) == frag.documents.get(k),
        (Array::Entities, (Array::Entities, k)) => d.entities.get(pos) == frag.entities.get(k),
        (Array::Claims, (Array::Claims, k)) => d.claims.get(pos) == frag.claims.get(k),
        _ => false,
    }
}

/// Merges `frag` into the graph. New records go where [`super::place`] says (or to `file`).
/// Linear in the graph and the fragment: ids are looked up in an index of the graph.
pub fn import(
    files: &mut Files,
    mut frag: GraphFile,
    rename: bool,
    file: Option<&Path>,
) -> Result<Imported, EditError> {
    let mut out = Imported::default();
    let mut index = Placer::new(files);
    let ids: Vec<(Id, At)> = (frag.documents.iter().enumerate())
        .map(|(k, x)| (x.id.clone(), (Array::Documents, k)))
        .chain(
            (frag.entities.iter().enumerate()).map(|(k, x)| (x.id.clone(), (Array::Entities, k))),
        )
        .chain((frag.claims.iter().enumerate()).map(|(k, x)| (x.id.clone(), (Array::Claims, k))))
        .collect();
    let mut same: FxHashSet<Id> = FxHashSet::default();
    let mut clashes: Vec<Id> = Vec::new();
    for (id, at) in ids
        .iter()
        .filter(|(id, _)| index.find(id.as_str()).is_some())
    {
        if identical(files, &index, &frag, id, *at) {
            same.insert(id.clone());
        } else {
            clashes.push(id.clone());
        }
    }
    if !clashes.is_empty() && !rename {
        let list: Vec<String> = clashes
            .iter()
            .map(|id| {
                let (f, _, _) = index.find(id.as_str()).expect("clash");
                format!(
                    "{} (defined in {})",
                    quoted(id.as_str()),
                    files.files[f].name()
                )
            })
            .collect();
        return Err(EditError::Refused(format!(
            "{} ids of the fragment are already in the graph (use --rename to give them new ids):\n  {}",
            list.len(),
            list.join("\n  ")
        )));
    }
    frag.documents.retain(|x| !same.contains(&x.id));
    frag.entities.retain(|x| !same.contains(&x.id));
    frag.claims.retain(|x| !same.contains(&x.id));
    out.skipped = same.len();
    let frag_ids: FxHashSet<&str> = ids.iter().map(|(id, _)| id.as_str()).collect();
    let mut map: HashMap<Id, Id> = HashMap::new();
    let mut new_ids: FxHashSet<String> = FxHashSet::default();
    for id in &clashes {
        let new = free_id(id.as_str(), |s| {
            index.find(s).is_some() || frag_ids.contains(s) || new_ids.contains(s)
        });
        new_ids.insert(new.as_str().to_string());
        map.insert(id.clone(), new.clone());
        out.renamed.push((id.clone(), new));
    }
    if !map.is_empty() {
        for_each_id_mut(&mut frag, |x| {
            if let Some(n) = map.get(x) {
                *x = n.clone();
            }
        });
    }
    if let Some(e) = frag.edges.iter().find(|e| e.from == e.to) {
        return Err(EditError::Refused(format!(
            "the fragment's edge {} makes {} cite itself (circular support); remove it from the fragment",
            super::describe(e),
            quoted(e.from.as_str())
        )));
    }
    out.duplicates = duplicates(files, &frag);
    add_all(files, &mut index, frag, file, &mut out)?;
    Ok(out)
}

/// `base`, or `base-2`, `base-3`, … : the first that `taken` does not hold.
fn free_id(base: &str, taken: impl Fn(&str) -> bool) -> Id {
    let mut candidate = base.to_string();
    let mut n = 2;
    while taken(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    Id::new(candidate).expect("suffixes keep the id pattern")
}

/// The fragment's entities and claims that seem to duplicate the graph's.
fn duplicates(files: &Files, frag: &GraphFile) -> Vec<Duplicate> {
    let Ok(g) = files.graph() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut names: HashMap<String, Id> = HashMap::new();
    for r in g.entity_refs() {
        let e = r.entity;
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            names.entry(fold_name(n)).or_insert_with(|| e.id.clone());
        }
    }
    for e in &frag.entities {
        let found = std::iter::once(&e.name)
            .chain(&e.aliases)
            .find_map(|n| names.get(&fold_name(n)).map(|id| (n, id)));
        if let Some((n, existing)) = found.filter(|(_, id)| **id != e.id) {
            out.push(Duplicate {
                id: e.id.clone(),
                existing: existing.clone(),
                why: format!("the name {} is also its name or alias", quoted(n)),
            });
        }
    }
    if !frag.claims.is_empty() {
        let m = GraphMatcher::new(g);
        for c in &frag.claims {
            let f = m.matcher().features(&c.text);
            if let Some(hit) = m.same_as(&f).filter(|h| h.id != c.id) {
                out.push(Duplicate {
                    id: c.id.clone(),
                    existing: hit.id,
                    why: format!("it states the same claim (score {:.2})", hit.score),
                });
            }
        }
    }
    out
}

/// Places every record of `frag`, documents first so that what refers to them follows them.
fn add_all(
    files: &mut Files,
    index: &mut Placer,
    frag: GraphFile,
    file: Option<&Path>,
    out: &mut Imported,
) -> Result<(), EditError> {
    // Counted by name: a new file shifts the indices of the files after it.
    let mut added: FxHashMap<String, usize> = FxHashMap::default();
    for d in frag.documents {
        let touched: Vec<Id> = std::iter::once(&d.id)
            .chain(&d.publisher)
            .cloned()
            .collect();
        let touched: Vec<&Id> = touched.iter().collect();
        let f = index.add(files, d, &touched, file, |g| &mut g.documents)?;
        *added.entry(files.files[f].name()).or_default() += 1;
    }
    for e in frag.entities {
        let touched: Vec<Id> = std::iter::once(&e.id).chain(&e.part_of).cloned().collect();
        let touched: Vec<&Id> = touched.iter().collect();
        let f = index.add(files, e, &touched, file, |g| &mut g.entities)?;
        *added.entry(files.files[f].name()).or_default() += 1;
    }
    for c in frag.claims {
        let touched: Vec<Id> = c.found_in.iter().chain(&c.about).cloned().collect();
        let touched: Vec<&Id> = touched.iter().collect();
        let f = index.add(files, c, &touched, file, |g| &mut g.claims)?;
        *added.entry(files.files[f].name()).or_default() += 1;
    }
    for e in frag.edges {
        if index.has_edge(&e) {
            out.skipped += 1;
            continue;
        }
        let f = index.add_edge(files, e, file)?;
        *added.entry(files.files[f].name()).or_default() += 1;
    }
    out.added = added.into_iter().collect();
    out.added.sort();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::tests::split;

    const FRAG: &str = r#"{
      "documents": [{"id": "doc1", "title": "Other"}],
      "claims": [{"id": "c2", "text": "Two.", "found_in": ["doc1"], "about": ["nk"]}],
      "edges": [{"from": "nis", "rel": "asserts", "to": "c2", "in": "doc1"}]
    }"#;

    #[test]
    fn clashing_ids_are_refused_with_a_list() {
        let mut f = split();
        let frag = parse_fragment("frag.json", FRAG.as_bytes()).unwrap();
        let e = import(&mut f, frag, false, None).unwrap_err().to_string();
        assert!(e.contains("\"doc1\" (defined in g/article.json)"), "{e}");
        assert!(f.files.iter().all(|x| !x.touched()));
    }

    #[test]
    fn rename_suffixes_clashes_and_references_follow() {
        let mut f = split();
        let frag = parse_fragment("frag.json", FRAG.as_bytes()).unwrap();
        let r = import(&mut f, frag, true, None).unwrap();
        assert_eq!(r.renamed[0].1.as_str(), "doc1-2");
        let claims = &f.files[1].data.claims;
        assert_eq!(claims[1].found_in[0].as_str(), "doc1-2");
        let edge = f.files[2].data.edges.last().unwrap();
        assert_eq!(edge.in_doc.as_ref().unwrap().as_str(), "doc1-2");
        let total: usize = r.added.iter().map(|(_, n)| n).sum();
        assert_eq!(total, 3, "{:?}", r.added);
        f.validate().unwrap();
    }

    #[test]
    fn identical_records_and_edges_are_not_clashes() {
        let mut f = split();
        let frag = r#"{"entities":[{"id":"dw","name":"Deutsche Welle","kind":"organization","tags":["media"]}],
                       "edges":[{"from":"dw","rel":"asserts","to":"c1","in":"doc1"}]}"#;
        let r = import(
            &mut f,
            parse_fragment("f", frag.as_bytes()).unwrap(),
            false,
            None,
        )
        .unwrap();
        assert_eq!((r.skipped, r.added.len()), (2, 0));
    }

    #[test]
    fn a_fragment_edge_citing_itself_is_refused() {
        let mut f = split();
        let frag = r#"{"edges":[{"from":"c1","rel":"cites","to":"c1","in":"doc1"}]}"#;
        let e = import(
            &mut f,
            parse_fragment("f", frag.as_bytes()).unwrap(),
            false,
            None,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("makes \"c1\" cite itself"), "{e}");
        assert!(f.files.iter().all(|x| !x.touched()));
    }

    #[test]
    fn a_bad_fragment_is_located() {
        let e = parse_fragment(
            "f.json",
            br#"{"claims":[{"id":"x","text":"t","credibility":9}]}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("f.json:1:"), "{e}");
        assert!(e.contains("claims[0].credibility"), "{e}");
        assert!(parse_fragment("f.json", b"[]").is_err());
    }
}
