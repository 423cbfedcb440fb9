//! Adding records and edges, and reviewing claims: `add entity|claim|doc`, `link`,
//! `unlink`, `review`.

use super::{ensure_free, place, resolve, slug, unique_id, Array, EditError, Placed, Want};
use crate::model::{
    quoted, Claim, Credibility, Date, Document, Edge, Entity, Id, Kind, Rel, Reliability, Review,
    Tag, Verdict,
};
use crate::store::Files;
use std::path::Path;

/// An entity to add; ids and references as typed on the command line.
#[derive(Debug, Clone, Default)]
pub struct NewEntity {
    /// The id; made from the name when absent.
    pub id: Option<String>,
    pub name: String,
    pub kind: Option<Kind>,
    pub tags: Vec<Tag>,
    pub part_of: Option<String>,
    pub aliases: Vec<String>,
    pub reliability: Option<Reliability>,
    pub note: Option<String>,
}

/// A claim to add.
#[derive(Debug, Clone, Default)]
pub struct NewClaim {
    /// The id; made from the text when absent.
    pub id: Option<String>,
    pub text: String,
    pub date: Option<Date>,
    pub about: Vec<String>,
    pub topics: Vec<String>,
    pub found_in: Vec<String>,
    pub credibility: Option<Credibility>,
    pub note: Option<String>,
}

/// A document to add.
#[derive(Debug, Clone, Default)]
pub struct NewDocument {
    /// The id; made from the title when absent.
    pub id: Option<String>,
    pub title: String,
    pub url: Option<String>,
    pub published: Option<Date>,
    pub publisher: Option<String>,
}

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

/// The id of a new record: the given one (checked, and free), or a unique slug of `source`.
fn new_id(files: &Files, given: Option<&str>, source: &str, what: &str) -> Result<Id, EditError> {
    match given {
        Some(s) => {
            let id = Id::new(s).map_err(|e| EditError::Usage(e.0))?;
            ensure_free(files, &id)?;
            Ok(id)
        }
        None => {
            let base = slug(source).ok_or_else(|| {
                EditError::Usage(format!(
                    "cannot make an id from the {what} {}: give one with --id",
                    quoted(source)
                ))
            })?;
            Ok(unique_id(files, &base, |_| false))
        }
    }
}

fn non_empty(value: &str, what: &str) -> Result<(), EditError> {
    if value.trim().is_empty() {
        Err(EditError::Usage(format!("{what} must not be empty")))
    } else {
        Ok(())
    }
}

fn resolve_all(files: &Files, texts: &[String], want: Want) -> Result<Vec<Id>, EditError> {
    let mut ids: Vec<Id> = Vec::with_capacity(texts.len());
    for t in texts {
        let id = resolve(files, t, want)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// Adds an entity (SPEC §1).
pub fn add_entity(
    files: &mut Files,
    new: NewEntity,
    file: Option<&Path>,
) -> Result<Placed, EditError> {
    non_empty(&new.name, "the name")?;
    let kind = new
        .kind
        .ok_or_else(|| EditError::Usage("an entity needs --kind".into()))?;
    let id = new_id(files, new.id.as_deref(), &new.name, "name")?;
    let part_of = new
        .part_of
        .as_deref()
        .map(|p| resolve(files, p, Want::Entity))
        .transpose()?;
    let touched: Vec<&Id> = part_of.iter().collect();
    let f = place(files, Array::Entities, &touched, file)?;
    let mut tags = new.tags;
    tags.dedup();
    files.files[f].data.entities.push(Entity {
        id: id.clone(),
        name: new.name,
        kind,
        tags,
        part_of,
        aliases: new.aliases,
        reliability: new.reliability,
        note: new.note,
    });
    Ok(Placed {
        id,
        path: files.files[f].path.clone(),
    })
}

/// Adds a claim (SPEC §1).
pub fn add_claim(
    files: &mut Files,
    new: NewClaim,
    file: Option<&Path>,
) -> Result<Placed, EditError> {
    non_empty(&new.text, "the text")?;
    let id = new_id(files, new.id.as_deref(), &new.text, "text")?;
    let about = resolve_all(files, &new.about, Want::Entity)?;
    let found_in = resolve_all(files, &new.found_in, Want::Document)?;
    let touched: Vec<&Id> = found_in.iter().chain(&about).collect();
    let f = place(files, Array::Claims, &touched, file)?;
    files.files[f].data.claims.push(Claim {
        id: id.clone(),
        text: new.text,
        date: new.date,
        about,
        topics: new.topics,
        found_in,
        credibility: new.credibility,
        review: None,
        note: new.note,
    });
    Ok(Placed {
        id,
        path: files.files[f].path.clone(),
    })
}

/// Adds a document (SPEC §1).
pub fn add_document(
    files: &mut Files,
    new: NewDocument,
    file: Option<&Path>,
) -> Result<Placed, EditError> {
    non_empty(&new.title, "the title")?;
    let id = new_id(files, new.id.as_deref(), &new.title, "title")?;
    let publisher = new
        .publisher
        .as_deref()
        .map(|p| resolve(files, p, Want::Entity))
        .transpose()?;
    let touched: Vec<&Id> = publisher.iter().collect();
    let f = place(files, Array::Documents, &touched, file)?;
    files.files[f].data.documents.push(Document {
        id: id.clone(),
        title: new.title,
        publisher,
        published: new.published,
        url: new.url,
    });
    Ok(Placed {
        id,
        path: files.files[f].path.clone(),
    })
}

/// The rule an edge from `from_claim` to `to_claim` with `rel` breaks, if any (SPEC §1).
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

/// Sets the review of a claim (SPEC §5); returns the claim's id, its previous verdict and
/// the file it is in.
pub fn review(
    files: &mut Files,
    claim: &str,
    verdict: Verdict,
    by: &str,
    date: Option<Date>,
    note: Option<String>,
) -> Result<(Placed, Option<Verdict>), EditError> {
    let claim = resolve(files, claim, Want::Claim)?;
    let by = resolve(files, by, Want::Entity)?;
    for f in &mut files.files {
        if let Some(c) = f.data.claims.iter_mut().find(|c| c.id == claim) {
            let before = c.verdict();
            c.review = Some(Box::new(Review {
                verdict,
                by,
                date,
                note,
            }));
            let placed = Placed {
                id: claim,
                path: f.path.clone(),
            };
            return Ok((placed, before));
        }
    }
    Err(EditError::Usage(format!(
        "unknown claim {}",
        quoted(claim.as_str())
    )))
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
    fn add_claim_slugs_the_text_and_goes_with_the_claims() {
        let mut f = split();
        let p = add_claim(
            &mut f,
            NewClaim {
                text: "North Korea sent shells.".into(),
                about: vec!["Pyongyang".into()],
                found_in: vec!["doc1".into()],
                ..NewClaim::default()
            },
            None,
        )
        .unwrap();
        assert_eq!(p.id.as_str(), "north-korea-sent-shells");
        assert_eq!(p.path.to_str(), Some("g/claims.json"));
        assert_eq!(f.files[1].data.claims[1].about[0].as_str(), "nk");
        f.validate().unwrap();
    }

    #[test]
    fn a_duplicate_id_is_refused_and_an_unknown_reference_is_usage() {
        let mut f = split();
        let dup = NewEntity {
            id: Some("nis".into()),
            name: "X".into(),
            kind: Some(Kind::Country),
            ..NewEntity::default()
        };
        let e = add_entity(&mut f, dup, None).unwrap_err();
        assert!(
            matches!(e, EditError::Refused(ref m) if m.contains("g/entities.json")),
            "{e}"
        );
        let bad = NewClaim {
            text: "x".into(),
            about: vec!["north-corea".into()],
            ..NewClaim::default()
        };
        let e = add_claim(&mut f, bad, None).unwrap_err();
        assert!(matches!(e, EditError::Usage(_)), "{e}");
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

    #[test]
    fn review_sets_the_verdict_and_reports_the_old_one() {
        let mut f = split();
        let (p, before) =
            review(&mut f, "c1", Verdict::Mixed, "dw", None, Some("n".into())).unwrap();
        assert_eq!((p.id.as_str(), before), ("c1", None));
        let (_, before) = review(&mut f, "c1", Verdict::False, "dw", None, None).unwrap();
        assert_eq!(before, Some(Verdict::Mixed));
        assert!(review(&mut f, "dw", Verdict::False, "dw", None, None).is_err());
    }
}
