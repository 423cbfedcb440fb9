//! Operations on a record's identity: `rm` (refusing while anything refers to it),
//! `rename` (rewriting every reference in every file) and `merge` (two entities found to be
//! one).

use super::{ensure_free, find, for_each_id_mut, resolve, Array, EditError, Want};
use crate::model::{GraphFile, Id};
use crate::store::Files;
use crate::text::quoted;
use rustc_hash::FxHashSet;

/// What `rm` took out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Removed {
    pub id: Option<Id>,
    /// The file the record was in.
    pub file: String,
    /// Edges removed with it (`--cascade`).
    pub edges: usize,
    /// Other references cleared (`--cascade`): `about`, `found_in`, `in`, `part_of`,
    /// `publisher`.
    pub references: usize,
}

/// A place that refers to a record: the referring record's id (`None` for an edge) and a
/// `file: what` line.
type Reference = (Option<Id>, String);

/// Every place that refers to `id` (the record itself excluded).
fn references(files: &Files, id: &Id) -> Vec<Reference> {
    let mut out = Vec::new();
    for f in &files.files {
        let d = &f.data;
        let name = f.name();
        for e in &d.edges {
            if &e.from == id || &e.to == id {
                out.push((None, format!("{name}: edge {}", super::describe(e))));
            } else if e.in_doc.as_ref() == Some(id) {
                out.push((None, format!("{name}: edge {} (in)", super::describe(e))));
            }
        }
        for c in &d.claims {
            for (field, hit) in [
                ("about", c.about.contains(id)),
                ("found_in", c.found_in.contains(id)),
                ("review.by", c.review.as_ref().is_some_and(|r| &r.by == id)),
            ] {
                if hit {
                    let line = format!("{name}: claim {} ({field})", c.id);
                    out.push((Some(c.id.clone()), line));
                }
            }
        }
        for e in d.entities.iter().filter(|e| e.part_of.as_ref() == Some(id)) {
            out.push((
                Some(e.id.clone()),
                format!("{name}: entity {} (part_of)", e.id),
            ));
        }
        for doc in d
            .documents
            .iter()
            .filter(|x| x.publisher.as_ref() == Some(id))
        {
            let line = format!("{name}: document {} (publisher)", doc.id);
            out.push((Some(doc.id.clone()), line));
        }
    }
    out
}

/// Removes the records `ids`, all or none. While anything other than the records removed
/// refers to one of them, refuses (listing the references) unless `cascade`, which removes
/// the edges that start or end at them and clears the other references. A review by one of
/// them is never cleared: that would lose a verdict. Returns what each removal took out.
pub fn rm(files: &mut Files, ids: &[String], cascade: bool) -> Result<Vec<Removed>, EditError> {
    let mut gone: Vec<Id> = Vec::with_capacity(ids.len());
    for text in ids {
        let id = resolve(files, text, Want::Any)?;
        if !gone.contains(&id) {
            gone.push(id);
        }
    }
    let mut refs: Vec<String> = Vec::new();
    for id in &gone {
        let outside = references(files, id)
            .into_iter()
            .filter(|(by, _)| by.as_ref().is_none_or(|b| !gone.contains(b)))
            .map(|(_, line)| line);
        for line in outside {
            // An edge between two of them is listed once.
            if !refs.contains(&line) {
                refs.push(line);
            }
        }
    }
    let reviews: Vec<&String> = refs.iter().filter(|r| r.ends_with("(review.by)")).collect();
    if !refs.is_empty() && (!cascade || !reviews.is_empty()) {
        let (list, advice) = if cascade {
            (
                reviews.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
                "claims reviewed by it keep their reviewer; rename or merge it instead",
            )
        } else {
            (
                refs.iter().map(String::as_str).collect(),
                "remove them first, or use --cascade",
            )
        };
        let names: Vec<String> = gone.iter().map(|id| quoted(id.as_str())).collect();
        return Err(EditError::Refused(format!(
            "cannot remove {}: {} still refer to {} ({advice}):\n  {}",
            names.join(", "),
            list.len(),
            if gone.len() == 1 { "it" } else { "them" },
            list.join("\n  ")
        )));
    }
    Ok(gone.iter().map(|id| remove_one(files, id)).collect())
}

/// Takes the record `id` out, with the edges at it, and clears references to it.
fn remove_one(files: &mut Files, id: &Id) -> Removed {
    let mut removed = Removed {
        id: Some(id.clone()),
        ..Removed::default()
    };
    for f in &mut files.files {
        let d = &mut f.data;
        let before = d.edges.len();
        d.edges.retain(|e| &e.from != id && &e.to != id);
        removed.edges += before - d.edges.len();
        removed.references += clear_references(d, id);
        let n = d.documents.len() + d.entities.len() + d.claims.len();
        d.documents.retain(|x| &x.id != id);
        d.entities.retain(|x| &x.id != id);
        d.claims.retain(|x| &x.id != id);
        if d.documents.len() + d.entities.len() + d.claims.len() != n {
            removed.file = f.name();
        }
    }
    removed
}

/// Clears every non-edge reference to `id` in `d`; returns how many.
fn clear_references(d: &mut GraphFile, id: &Id) -> usize {
    let mut n = 0;
    let mut take = |slot: &mut Option<Id>| {
        if slot.as_ref() == Some(id) {
            *slot = None;
            n += 1;
        }
    };
    d.edges.iter_mut().for_each(|e| take(&mut e.in_doc));
    d.entities.iter_mut().for_each(|e| take(&mut e.part_of));
    d.documents.iter_mut().for_each(|x| take(&mut x.publisher));
    for c in &mut d.claims {
        let before = c.about.len() + c.found_in.len();
        c.about.retain(|x| x != id);
        c.found_in.retain(|x| x != id);
        n += before - c.about.len() - c.found_in.len();
    }
    n
}

/// Renames the record `old` to `new`, rewriting every reference in every file. Returns the
/// old id and the number of fields rewritten.
pub fn rename(files: &mut Files, old: &str, new: &str) -> Result<(Id, usize), EditError> {
    let old = resolve(files, old, Want::Any)?;
    let new = Id::new(new).map_err(|e| EditError::Usage(e.0))?;
    if new == old {
        return Err(EditError::Usage(format!(
            "{} is already its id",
            quoted(new.as_str())
        )));
    }
    ensure_free(files, &new)?;
    let mut n = 0;
    for f in &mut files.files {
        for_each_id_mut(&mut f.data, |x| {
            if *x == old {
                *x = new.clone();
                n += 1;
            }
        });
    }
    Ok((old, n))
}

/// Merges entity `drop` into entity `keep`: every edge and reference moves to `keep`,
/// `drop`'s aliases and tags join `keep`'s, its name becomes an alias, and fields `keep`
/// lacks (part_of, reliability, note) are taken from `drop`. Edges that become duplicates
/// are kept once; an edge between the two (now a self-citation) is dropped.
/// Returns the kept and dropped ids.
pub fn merge(files: &mut Files, keep: &str, drop: &str) -> Result<(Id, Id), EditError> {
    let keep = resolve(files, keep, Want::Entity)?;
    let drop = resolve(files, drop, Want::Entity)?;
    if keep == drop {
        return Err(EditError::Usage(format!(
            "{} and {} are the same entity",
            quoted(keep.as_str()),
            quoted(drop.as_str())
        )));
    }
    let dropped = take_entity(files, &drop);
    let (kf, _) = find(files, keep.as_str()).expect("resolved above");
    let k = files.files[kf]
        .data
        .entities
        .iter_mut()
        .find(|e| e.id == keep)
        .expect("found above");
    let names = std::iter::once(dropped.name).chain(dropped.aliases);
    for alias in names {
        if alias != k.name && !k.aliases.contains(&alias) {
            k.aliases.push(alias);
        }
    }
    for t in dropped.tags {
        if !k.tags.contains(&t) {
            k.tags.push(t);
        }
    }
    if k.part_of.is_none() || k.part_of.as_ref() == Some(&drop) {
        k.part_of = dropped.part_of.filter(|p| *p != keep);
    }
    k.reliability = k.reliability.or(dropped.reliability);
    k.note = k.note.take().or(dropped.note);
    for f in &mut files.files {
        for_each_id_mut(&mut f.data, |x| {
            if *x == drop {
                *x = keep.clone();
            }
        });
        for c in f.data.claims.iter_mut().filter(|c| c.about.len() > 1) {
            let mut seen = FxHashSet::default();
            c.about.retain(|a| seen.insert(a.clone()));
        }
        for e in &mut f.data.entities {
            if e.id == keep && e.part_of.as_ref() == Some(&keep) {
                e.part_of = None;
            }
        }
    }
    dedupe_edges_of(files, &keep);
    Ok((keep, drop))
}

/// Removes `id`'s entity record and returns it.
fn take_entity(files: &mut Files, id: &Id) -> crate::model::Entity {
    let (f, array) = find(files, id.as_str()).expect("resolved");
    debug_assert_eq!(array, Array::Entities);
    let list = &mut files.files[f].data.entities;
    let pos = list.iter().position(|e| &e.id == id).expect("found");
    list.remove(pos)
}

/// Keeps the first of edges touching `id` that are the same edge (`from`, `rel`, `to`,
/// `in`) across all files, and drops `id -> id` edges. The same relation in two documents
/// stays: two appearances. Linear in the edges: the keys seen are hashed.
fn dedupe_edges_of(files: &mut Files, id: &Id) {
    let mut seen = FxHashSet::default();
    for f in &mut files.files {
        f.data.edges.retain(|e| {
            if &e.from != id && &e.to != id {
                return true;
            }
            if e.from == e.to {
                return false;
            }
            seen.insert((e.from.clone(), e.rel, e.to.clone(), e.in_doc.clone()))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::tests::{files, split};

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn rm_of_several_ids_is_all_or_nothing() {
        let mut f = split();
        // sk is referred to by nis's part_of only: removing both is fine.
        let e = rm(&mut f, &ids(&["sk", "dw"]), false)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("cannot remove \"sk\", \"dw\"") && e.contains("edge dw asserts c1"),
            "{e}"
        );
        assert!(f.files.iter().all(|x| !x.touched()), "nothing removed");
        let e = rm(&mut f, &ids(&["sk", "nis"]), false)
            .unwrap_err()
            .to_string();
        assert!(!e.contains("(part_of)"), "nis's part_of goes with nis: {e}");
        let done = rm(&mut f, &ids(&["sk", "nis", "NIS"]), true).unwrap();
        assert_eq!(done.len(), 2, "an id named twice is removed once");
        f.validate().unwrap();
        let e = rm(&mut f, &ids(&["c1", "ghost"]), true).unwrap_err();
        assert!(matches!(e, EditError::Usage(_)), "{e}");
    }

    #[test]
    fn rm_refuses_while_referenced_and_lists_the_references() {
        let mut f = split();
        let e = rm(&mut f, &ids(&["nis"]), false).unwrap_err().to_string();
        assert!(e.contains("g/edges.json: edge nis asserts c1"), "{e}");
        let e = rm(&mut f, &ids(&["sk"]), false).unwrap_err().to_string();
        assert!(e.contains("g/entities.json: entity nis (part_of)"), "{e}");
        assert!(f.files.iter().all(|x| !x.touched()));
    }

    #[test]
    fn rm_cascade_removes_edges_and_clears_references() {
        let mut f = split();
        let r = rm(&mut f, &ids(&["doc1"]), true).unwrap().remove(0);
        assert_eq!(
            (r.edges, r.references, r.file.as_str()),
            (0, 2, "g/article.json")
        );
        f.validate().unwrap();
        let r = rm(&mut f, &ids(&["c1"]), true).unwrap().remove(0);
        assert_eq!(r.edges, 2);
        f.validate().unwrap();
    }

    #[test]
    fn rm_cascade_keeps_a_reviewer() {
        let mut f = files(&[(
            "a.json",
            r#"{"entities":[{"id":"x","name":"X","kind":"country"}],"claims":[{"id":"c","text":"C","review":{"verdict":"false","by":"x"}}]}"#,
        )]);
        let e = rm(&mut f, &ids(&["x"]), true).unwrap_err().to_string();
        assert!(e.contains("claim c (review.by)"), "{e}");
    }

    #[test]
    fn rename_rewrites_every_reference() {
        let mut f = split();
        let (old, n) = rename(&mut f, "NIS", "nis-korea").unwrap();
        assert_eq!((old.as_str(), n), ("nis", 2));
        f.validate().unwrap();
        assert!(rename(&mut f, "dw", "nk").is_err());
        assert!(matches!(
            rename(&mut f, "dw", "Bad Id"),
            Err(EditError::Usage(_))
        ));
    }

    #[test]
    fn merge_moves_edges_names_and_tags_to_the_kept_entity() {
        let mut f = files(&[(
            "a.json",
            r#"{"entities":[{"id":"nis","name":"National Intelligence Service","kind":"organization","tags":["intelligence"]},{"id":"kcia","name":"Korean CIA","kind":"organization","tags":["government"],"aliases":["KCIA"],"reliability":"C"}],
               "claims":[{"id":"c","text":"C"},{"id":"d","text":"D"}],
               "edges":[{"from":"nis","rel":"asserts","to":"c"},{"from":"kcia","rel":"asserts","to":"c"},{"from":"kcia","rel":"asserts","to":"d"},{"from":"kcia","rel":"cites","to":"nis"}]}"#,
        )]);
        merge(&mut f, "nis", "KCIA").unwrap();
        let d = &f.files[0].data;
        let nis = &d.entities[0];
        assert_eq!(d.entities.len(), 1);
        assert_eq!(nis.aliases, ["Korean CIA", "KCIA"]);
        assert_eq!(nis.tags.len(), 2);
        assert_eq!(nis.reliability.map(|r| r.letter()), Some('C'));
        let edges: Vec<String> = d
            .edges
            .iter()
            .map(|e| format!("{} {}", e.from, e.to))
            .collect();
        assert_eq!(edges, ["nis c", "nis d"]);
        f.validate().unwrap();
    }
}
