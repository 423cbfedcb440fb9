//! `import`: merging a fragment file (documents, entities, claims, edges; docs/format.md §1)
//! into the graph. Ids that clash with the graph are refused, or with `rename` given the first free
//! suffix `-2`, `-3`, … with every reference inside the fragment following. A fragment record
//! identical to the graph's record of that id is not a clash: it is already there.

use super::{find, for_each_id_mut, place, unique_id, Array, EditError};
use crate::model::{GraphFile, Id};
use crate::store::Files;
use crate::text::quoted;
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

/// Whether the graph already holds a record equal to the fragment's record `id`.
fn identical(files: &Files, frag: &GraphFile, id: &Id) -> bool {
    let Some((f, array)) = find(files, id.as_str()) else {
        return false;
    };
    let d = &files.files[f].data;
    match array {
        Array::Documents => frag
            .documents
            .iter()
            .any(|x| &x.id == id && d.documents.contains(x)),
        Array::Entities => frag
            .entities
            .iter()
            .any(|x| &x.id == id && d.entities.contains(x)),
        Array::Claims => frag
            .claims
            .iter()
            .any(|x| &x.id == id && d.claims.contains(x)),
        Array::Edges => false,
    }
}

/// Merges `frag` into the graph. New records go where [`place`] says (or to `file`).
pub fn import(
    files: &mut Files,
    mut frag: GraphFile,
    rename: bool,
    file: Option<&Path>,
) -> Result<Imported, EditError> {
    let mut out = Imported::default();
    let ids: Vec<Id> = frag
        .documents
        .iter()
        .map(|x| &x.id)
        .chain(frag.entities.iter().map(|x| &x.id))
        .chain(frag.claims.iter().map(|x| &x.id))
        .cloned()
        .collect();
    let (same, clashes): (Vec<Id>, Vec<Id>) = ids
        .iter()
        .filter(|id| find(files, id.as_str()).is_some())
        .cloned()
        .partition(|id| identical(files, &frag, id));
    if !clashes.is_empty() && !rename {
        let list: Vec<String> = clashes
            .iter()
            .map(|id| {
                let (f, _) = find(files, id.as_str()).expect("clash");
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
    let mut map: HashMap<Id, Id> = HashMap::new();
    for id in &clashes {
        let taken =
            |s: &str| ids.iter().any(|x| x.as_str() == s) || map.values().any(|v| v.as_str() == s);
        let new = unique_id(files, id.as_str(), taken);
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
    add_all(files, frag, file, &mut out)?;
    Ok(out)
}

/// Places every record of `frag`, documents first so that what refers to them follows them.
fn add_all(
    files: &mut Files,
    frag: GraphFile,
    file: Option<&Path>,
    out: &mut Imported,
) -> Result<(), EditError> {
    let mut count = |files: &Files, f: usize| {
        let name = files.files[f].name();
        match out.added.iter_mut().find(|(n, _)| *n == name) {
            Some((_, k)) => *k += 1,
            None => out.added.push((name, 1)),
        }
    };
    for d in frag.documents {
        let touched: Vec<&Id> = std::iter::once(&d.id).chain(&d.publisher).collect();
        let f = place(files, Array::Documents, &touched, file)?;
        count(files, f);
        files.files[f].data.documents.push(d);
    }
    for e in frag.entities {
        let touched: Vec<&Id> = std::iter::once(&e.id).chain(&e.part_of).collect();
        let f = place(files, Array::Entities, &touched, file)?;
        count(files, f);
        files.files[f].data.entities.push(e);
    }
    for c in frag.claims {
        let touched: Vec<&Id> = c.found_in.iter().chain(&c.about).collect();
        let f = place(files, Array::Claims, &touched, file)?;
        count(files, f);
        files.files[f].data.claims.push(c);
    }
    for e in frag.edges {
        if super::find_edge(files, &e.from, e.rel, &e.to, e.in_doc.as_ref()).is_some() {
            out.skipped += 1;
            continue;
        }
        let touched: Vec<&Id> = [&e.from, &e.to].into_iter().chain(&e.in_doc).collect();
        let f = place(files, Array::Edges, &touched, file)?;
        count(files, f);
        files.files[f].data.edges.push(e);
    }
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
