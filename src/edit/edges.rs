//! Adding and removing edges: `link` and `unlink`.

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

/// Adds the edge `from -rel-> to`. Refuses a wrong direction and an edge that exists.
/// Returns the file it went to (the `Placed` id is `from`).
pub fn link(files: &mut Files, new: NewEdge, file: Option<&Path>) -> Result<Placed, EditError> {
    let from = resolve(files, &new.from, Want::Node)?;
    let to = resolve(files, &new.to, Want::Node)?;
    let in_doc = new
        .in_doc
        .as_deref()
        .map(|d| resolve(files, d, Want::Document))
        .transpose()?;
    let from_claim = sort_name(files, &from) == "claim";
    let to_claim = sort_name(files, &to) == "claim";
    if let Some(rule) = direction_rule(new.rel, from_claim, to_claim) {
        return Err(EditError::Refused(format!(
            "cannot link {} {} {}: {rule}; here it goes from {} {} to {} {}",
            from,
            new.rel,
            to,
            sort_name(files, &from),
            quoted(from.as_str()),
            sort_name(files, &to),
            quoted(to.as_str())
        )));
    }
    if let Some(f) = files.files.iter().find(|f| {
        f.data
            .edges
            .iter()
            .any(|e| e.from == from && e.rel == new.rel && e.to == to)
    }) {
        return Err(EditError::Refused(format!(
            "the edge {from} {} {to} already exists in {} (unlink it first to replace it)",
            new.rel,
            f.name()
        )));
    }
    let touched: Vec<&Id> = [&from, &to].into_iter().chain(&in_doc).collect();
    let f = place(files, Array::Edges, &touched, file)?;
    files.files[f].data.edges.push(Edge {
        from: from.clone(),
        rel: new.rel,
        to,
        date: new.date,
        quote: new.quote,
        in_doc,
        note: new.note,
    });
    Ok(Placed {
        id: from,
        path: files.files[f].path.clone(),
    })
}

/// Removes the edge `from -rel-> to` (every copy of it). Returns the files it was in.
pub fn unlink(files: &mut Files, from: &str, rel: Rel, to: &str) -> Result<Vec<String>, EditError> {
    let from = resolve(files, from, Want::Node)?;
    let to = resolve(files, to, Want::Node)?;
    let mut found = Vec::new();
    for f in &mut files.files {
        let before = f.data.edges.len();
        f.data
            .edges
            .retain(|e| !(e.from == from && e.rel == rel && e.to == to));
        if f.data.edges.len() != before {
            found.push(f.name());
        }
    }
    if found.is_empty() {
        let near: Vec<String> = files
            .files
            .iter()
            .flat_map(|f| &f.data.edges)
            .filter(|e| e.from == from && (e.to == to || e.rel == rel))
            .map(|e| format!("{} {} {}", e.from, e.rel, e.to))
            .take(5)
            .collect();
        let hint = if near.is_empty() {
            String::new()
        } else {
            format!(" (did you mean {}?)", near.join(" or "))
        };
        return Err(EditError::Usage(format!(
            "there is no edge {from} {rel} {to}{hint}"
        )));
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::tests::split;

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

    #[test]
    fn link_refuses_a_wrong_direction_and_an_existing_edge() {
        let mut f = split();
        let e = link(&mut f, edge("c1", Rel::Asserts, "nis"), None).unwrap_err();
        assert!(
            matches!(e, EditError::Refused(ref m) if m.contains("from claim \"c1\"")),
            "{e}"
        );
        let e = link(&mut f, edge("dw", Rel::Asserts, "c1"), None).unwrap_err();
        assert!(
            e.to_string().contains("already exists in g/edges.json"),
            "{e}"
        );
        let p = link(&mut f, edge("c1", Rel::Cites, "NIS"), None).unwrap();
        assert_eq!(p.path.to_str(), Some("g/edges.json"));
        f.validate().unwrap();
    }

    #[test]
    fn unlink_removes_the_edge_or_suggests_a_near_one() {
        let mut f = split();
        let e = unlink(&mut f, "dw", Rel::Denies, "c1")
            .unwrap_err()
            .to_string();
        assert!(e.contains("did you mean dw asserts c1"), "{e}");
        assert_eq!(
            unlink(&mut f, "dw", Rel::Asserts, "c1").unwrap(),
            ["g/edges.json"]
        );
        assert_eq!(f.files[2].data.edges.len(), 1);
    }
}
