//! Adding and removing edges: `link` and `unlink`, and finding an edge by its identity.
//!
//! An edge is identified by `from`, `rel`, `to` and `in` (docs/format.md §1): the same relation found
//! in another document is another edge, an appearance of the same relation. `link` with a
//! new `--in` adds an appearance; `link` of an edge that is already there changes nothing
//! (and says so); `unlink` removes one appearance, or all of them when asked.

use super::{place, resolve, Array, EditError, Placed, Want};
use crate::model::{Date, Edge, Id, Rel};
use crate::store::Files;
use crate::text::quoted;
use std::path::Path;

/// An edge to add.
#[derive(Debug, Clone)]
pub struct NewEdge {
    pub from: String,
    pub rel: Rel,
    pub to: String,
    pub in_doc: Option<String>,
    pub quote: Option<String>,
    pub date: Option<Date>,
    pub note: Option<String>,
}

/// What `link` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Linked {
    /// The edge was added to the file named.
    Added(Placed),
    /// The same edge (`from`, `rel`, `to`, `in`) was already in the file named, with the
    /// same details or none given: nothing changed.
    Already(Placed),
}

impl Linked {
    /// Where the edge is.
    pub fn placed(&self) -> &Placed {
        match self {
            Linked::Added(p) | Linked::Already(p) => p,
        }
    }
}

/// Which appearances of a relation an edge command means: its `--in`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Which {
    /// No `--in`: the only appearance (refused when there are several).
    Only,
    /// `--in DOC`: the appearance in that document.
    In(String),
    /// `--in -`: the appearance without a document.
    NoDocument,
    /// `--all` (unlink only): every appearance.
    All,
}

impl Which {
    /// The `--in` value as typed: `-` names the appearance without a document.
    pub fn from_in(in_doc: Option<&str>) -> Which {
        match in_doc {
            None => Which::Only,
            Some("-") => Which::NoDocument,
            Some(d) => Which::In(d.to_string()),
        }
    }
}

/// An edge named on the command line: `FROM REL TO` and which appearance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgeAddress {
    pub from: String,
    pub rel: Rel,
    pub to: String,
    pub which: Which,
}

/// Where an edge is: the index of its file and its position in that file's `edges`.
pub type EdgeAt = (usize, usize);

/// The edge equal to `from -rel-> to` in `in_doc` (`None`: without a document), if any file
/// holds it. Ids must be exact (resolve names first with [`super::resolve`]).
pub fn find_edge(
    files: &Files,
    from: &Id,
    rel: Rel,
    to: &Id,
    in_doc: Option<&Id>,
) -> Option<EdgeAt> {
    appearances(files, from, rel, to)
        .into_iter()
        .find(|&(f, i)| files.files[f].data.edges[i].in_doc.as_ref() == in_doc)
}

/// Every appearance of the relation `from -rel-> to` (one edge per document), in file order.
pub fn appearances(files: &Files, from: &Id, rel: Rel, to: &Id) -> Vec<EdgeAt> {
    let mut out = Vec::new();
    for (f, file) in files.files.iter().enumerate() {
        for (i, e) in file.data.edges.iter().enumerate() {
            if e.states(from, rel, to) {
                out.push((f, i));
            }
        }
    }
    out
}

/// The edge at `at`.
pub fn edge_at(files: &Files, at: EdgeAt) -> &Edge {
    &files.files[at.0].data.edges[at.1]
}

/// The rule an edge from `from_claim` to `to_claim` with `rel` breaks, if any (docs/format.md §1).
fn direction_rule(rel: Rel, from_claim: bool, to_claim: bool) -> Option<&'static str> {
    match rel {
        Rel::Asserts | Rel::Denies if from_claim || !to_claim => {
            Some("asserts and denies go from an entity to a claim")
        }
        _ => None,
    }
}

fn sort_name(files: &Files, id: &Id) -> &'static str {
    match super::find(files, id.as_str()) {
        Some((_, Array::Claims)) => "claim",
        _ => "entity",
    }
}

/// `from rel to [in doc]`, for messages.
pub fn describe(e: &Edge) -> String {
    let within = e
        .in_doc
        .as_ref()
        .map(|d| format!(" in {d}"))
        .unwrap_or_default();
    format!("{} {} {}{within}", e.from, e.rel, e.to)
}

/// Adds the edge `from -rel-> to` (in `in_doc`). Refuses a wrong direction and a record
/// citing itself. When the same edge (`from`, `rel`, `to`, `in`) is already there, nothing
/// changes and [`Linked::Already`] says where it is, unless the quote, date or note given
/// differ from the ones it has: that is refused (`set --edge` changes them).
pub fn link(files: &mut Files, new: NewEdge, file: Option<&Path>) -> Result<Linked, EditError> {
    let from = resolve(files, &new.from, Want::Node)?;
    let to = resolve(files, &new.to, Want::Node)?;
    let in_doc = new
        .in_doc
        .as_deref()
        .map(|d| resolve(files, d, Want::Document))
        .transpose()?;
    let from_claim = sort_name(files, &from) == "claim";
    let to_claim = sort_name(files, &to) == "claim";
    check_ends((&from, from_claim), new.rel, (&to, to_claim))?;
    let edge = Edge {
        from: from.clone(),
        rel: new.rel,
        to,
        date: new.date,
        quote: new.quote,
        in_doc,
        note: new.note,
    };
    if let Some(at) = find_edge(files, &edge.from, edge.rel, &edge.to, edge.in_doc.as_ref()) {
        return already_there(files, at, &edge);
    }
    let touched: Vec<&Id> = [&edge.from, &edge.to]
        .into_iter()
        .chain(&edge.in_doc)
        .collect();
    let f = place(files, Array::Edges, &touched, file)?;
    files.files[f].data.edges.push(edge);
    Ok(Linked::Added(Placed {
        id: from,
        path: files.files[f].path.clone(),
    }))
}

/// Refuses an edge `from -rel-> to` in a direction its relation does not allow, or from a
/// record to itself; each end with whether it is a claim.
pub(crate) fn check_ends(
    (from, from_claim): (&Id, bool),
    rel: Rel,
    (to, to_claim): (&Id, bool),
) -> Result<(), EditError> {
    let sort = |claim: bool| if claim { "claim" } else { "entity" };
    if let Some(rule) = direction_rule(rel, from_claim, to_claim) {
        return Err(EditError::Refused(format!(
            "cannot link {from} {rel} {to}: {rule}; here it goes from {} {} to {} {}",
            sort(from_claim),
            quoted(from.as_str()),
            sort(to_claim),
            quoted(to.as_str())
        )));
    }
    if from == to {
        let what = if from_claim { "a claim" } else { "an entity" };
        return Err(EditError::Refused(format!(
            "cannot link {from} {rel} {to}: {what} cannot cite itself (that would be circular support)",
        )));
    }
    Ok(())
}

/// The answer to linking `new` when the edge at `at` has its identity: nothing to do, or a
/// refusal when a detail given differs from the edge's.
fn already_there(files: &Files, at: EdgeAt, new: &Edge) -> Result<Linked, EditError> {
    let old = edge_at(files, at);
    let differs: Vec<String> = [
        ("quote", new.quote.as_ref(), old.quote.as_ref()),
        ("note", new.note.as_ref(), old.note.as_ref()),
    ]
    .into_iter()
    .filter(|(_, n, o)| n.is_some() && n != o)
    .map(|(field, _, o)| format!("{field} {}", o.map_or("none".into(), |o| quoted(o))))
    .chain(
        new.date
            .filter(|d| Some(*d) != old.date)
            .map(|_| format!("date {}", old.date.map_or("none".into(), |d| d.to_string()))),
    )
    .collect();
    let name = files.files[at.0].name();
    if differs.is_empty() {
        return Ok(Linked::Already(Placed {
            id: new.from.clone(),
            path: files.files[at.0].path.clone(),
        }));
    }
    let which = match &new.in_doc {
        Some(d) => format!(" --in {d}"),
        None => String::new(),
    };
    Err(EditError::Refused(format!(
        "the edge {} is already in {name}, with {}; change it with `claimgraph set --edge {} {} {}{which} FIELD VALUE`",
        describe(new),
        differs.join(", "),
        new.from,
        new.rel,
        new.to
    )))
}

/// The edges an [`EdgeAddress`] names (`All`: every appearance; otherwise exactly one),
/// with ids resolved. An unknown edge or appearance is a usage error with the near ones;
/// `Only` when there are several appearances is a usage error listing them.
pub fn resolve_edges(files: &Files, addr: &EdgeAddress) -> Result<Vec<EdgeAt>, EditError> {
    resolve_edges_hinting(files, addr, "")
}

/// [`resolve_edges`], with `more` added to the advice when the appearance is ambiguous.
fn resolve_edges_hinting(
    files: &Files,
    addr: &EdgeAddress,
    more: &str,
) -> Result<Vec<EdgeAt>, EditError> {
    let from = resolve(files, &addr.from, Want::Node)?;
    let to = resolve(files, &addr.to, Want::Node)?;
    let rel = addr.rel;
    let all = appearances(files, &from, rel, &to);
    if all.is_empty() {
        return Err(no_such_edge(files, &from, rel, &to));
    }
    let wanted = match &addr.which {
        Which::All => return Ok(all),
        Which::Only if all.len() == 1 => return Ok(all),
        Which::Only => {
            return Err(EditError::Usage(format!(
                "the edge {from} {rel} {to} appears in {} documents; say which with --in DOC (--in - for the one without a document){more}:\n  {}",
                all.len(),
                list(files, &all).join("\n  ")
            )))
        }
        Which::NoDocument => None,
        Which::In(d) => Some(resolve(files, d, Want::Document)?),
    };
    match all.iter().find(|&&at| edge_at(files, at).in_doc == wanted) {
        Some(&at) => Ok(vec![at]),
        None => {
            let within = wanted.map_or("without a document".to_string(), |d| format!("in {d}"));
            Err(EditError::Usage(format!(
                "the edge {from} {rel} {to} is not stated {within}; it appears:\n  {}",
                list(files, &all).join("\n  ")
            )))
        }
    }
}

/// `file: from rel to in doc` lines for the edges at `ats`.
fn list(files: &Files, ats: &[EdgeAt]) -> Vec<String> {
    ats.iter()
        .map(|&(f, i)| {
            let e = &files.files[f].data.edges[i];
            let within = match &e.in_doc {
                Some(d) => format!("--in {d}"),
                None => "--in - (no document)".to_string(),
            };
            format!("{within}  ({})", files.files[f].name())
        })
        .collect()
}

/// "there is no edge …" with the edges near it as a did-you-mean.
fn no_such_edge(files: &Files, from: &Id, rel: Rel, to: &Id) -> EditError {
    let mut near: Vec<String> = files
        .files
        .iter()
        .flat_map(|f| &f.data.edges)
        .filter(|e| &e.from == from && (&e.to == to || e.rel == rel))
        .map(|e| format!("{} {} {}", e.from, e.rel, e.to))
        .collect();
    near.dedup();
    near.truncate(5);
    let hint = if near.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", near.join(" or "))
    };
    EditError::Usage(format!("there is no edge {from} {rel} {to}{hint}"))
}

/// Removes the edges `addr` names (see [`resolve_edges`]). Returns the edges removed, with
/// the files they were in.
pub fn unlink(files: &mut Files, addr: &EdgeAddress) -> Result<Vec<(Edge, String)>, EditError> {
    let mut ats = resolve_edges_hinting(files, addr, ", or remove them all with --all")?;
    // Remove from the back so that the positions of the others stay right.
    ats.sort_unstable();
    let mut removed = Vec::with_capacity(ats.len());
    for (f, i) in ats.into_iter().rev() {
        let e = files.files[f].data.edges.remove(i);
        removed.push((e, files.files[f].name()));
    }
    removed.reverse();
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::tests::{files, split};

    fn edge(from: &str, rel: Rel, to: &str) -> NewEdge {
        NewEdge {
            from: from.into(),
            rel,
            to: to.into(),
            in_doc: None,
            quote: None,
            date: None,
            note: None,
        }
    }

    fn addr(from: &str, rel: Rel, to: &str, which: Which) -> EdgeAddress {
        EdgeAddress {
            from: from.into(),
            rel,
            to: to.into(),
            which,
        }
    }

    /// The split graph with a second document and `dw asserts c1` in both.
    fn two_docs() -> Files {
        let mut f = split();
        f.files[0].data.documents.push(crate::model::Document {
            id: Id::new("doc2").unwrap(),
            title: "Two".into(),
            publisher: None,
            published: None,
            url: None,
        });
        let mut e = edge("dw", Rel::Asserts, "c1");
        e.in_doc = Some("doc2".into());
        e.quote = Some("again".into());
        link(&mut f, e, None).unwrap();
        f
    }

    #[test]
    fn link_refuses_a_wrong_direction_and_a_self_citation() {
        let mut f = split();
        let e = link(&mut f, edge("c1", Rel::Asserts, "nis"), None).unwrap_err();
        assert!(
            matches!(e, EditError::Refused(ref m) if m.contains("from claim \"c1\"")),
            "{e}"
        );
        let e = link(&mut f, edge("c1", Rel::Cites, "c1"), None).unwrap_err();
        assert!(
            matches!(e, EditError::Refused(ref m) if m.contains("a claim cannot cite itself")),
            "{e}"
        );
        let p = link(&mut f, edge("c1", Rel::Cites, "NIS"), None).unwrap();
        assert_eq!(p.placed().path.to_str(), Some("g/edges.json"));
        f.validate().unwrap();
    }

    #[test]
    fn linking_the_same_edge_again_changes_nothing_and_says_where_it_is() {
        let mut f = split();
        let mut e = edge("dw", Rel::Asserts, "c1");
        e.in_doc = Some("doc1".into());
        let linked = link(&mut f, e.clone(), None).unwrap();
        assert!(
            matches!(linked, Linked::Already(ref p) if p.path.to_str() == Some("g/edges.json"))
        );
        assert!(f.files.iter().all(|x| !x.touched()));
        e.quote = Some("other words".into());
        let err = link(&mut f, e, None).unwrap_err().to_string();
        assert!(
            err.contains("already in g/edges.json, with quote none"),
            "{err}"
        );
        assert!(err.contains("set --edge dw asserts c1 --in doc1"), "{err}");
    }

    #[test]
    fn link_with_another_document_adds_an_appearance() {
        let f = two_docs();
        f.validate().unwrap();
        let (dw, c1) = (Id::new("dw").unwrap(), Id::new("c1").unwrap());
        assert_eq!(appearances(&f, &dw, Rel::Asserts, &c1).len(), 2);
        let doc2 = Id::new("doc2").unwrap();
        let at = find_edge(&f, &dw, Rel::Asserts, &c1, Some(&doc2)).unwrap();
        assert_eq!(edge_at(&f, at).quote.as_deref(), Some("again"));
        assert!(find_edge(&f, &dw, Rel::Asserts, &c1, None).is_none());
    }

    #[test]
    fn unlink_needs_in_when_the_relation_has_several_appearances() {
        let mut f = two_docs();
        let e = unlink(&mut f, &addr("dw", Rel::Asserts, "c1", Which::Only))
            .unwrap_err()
            .to_string();
        assert!(e.contains("appears in 2 documents"), "{e}");
        assert!(e.contains("--in doc1") && e.contains("--in doc2"), "{e}");
        let e = unlink(&mut f, &addr("dw", Rel::Asserts, "c1", Which::NoDocument))
            .unwrap_err()
            .to_string();
        assert!(e.contains("is not stated without a document"), "{e}");
        let gone = unlink(
            &mut f,
            &addr("dw", Rel::Asserts, "c1", Which::In("doc2".into())),
        )
        .unwrap();
        assert_eq!(gone.len(), 1);
        assert_eq!(gone[0].0.in_doc.as_ref().unwrap().as_str(), "doc2");
        let gone = unlink(&mut f, &addr("dw", Rel::Asserts, "c1", Which::Only)).unwrap();
        assert_eq!(gone[0].1, "g/edges.json");
    }

    #[test]
    fn unlink_all_removes_every_appearance() {
        let mut f = two_docs();
        let gone = unlink(&mut f, &addr("dw", Rel::Asserts, "c1", Which::All)).unwrap();
        assert_eq!(gone.len(), 2);
        f.validate().unwrap();
    }

    #[test]
    fn unlink_suggests_a_near_edge() {
        let mut f = split();
        let e = unlink(&mut f, &addr("dw", Rel::Denies, "c1", Which::Only))
            .unwrap_err()
            .to_string();
        assert!(e.contains("did you mean dw asserts c1"), "{e}");
        let e = files(&[(
            "a.json",
            r#"{"entities":[{"id":"x","name":"X","kind":"country"}]}"#,
        )]);
        assert!(resolve_edges(&e, &addr("x", Rel::Cites, "y", Which::Only)).is_err());
    }
}
