//! Adding records and reviewing claims: `add entity|claim|doc` and `review`.

use super::{ensure_free, place, resolve, slug, unique_id, Array, EditError, Placed, Want};
use crate::model::{
    Claim, Credibility, Date, Document, Entity, Id, Kind, Reliability, Review, Tag, Verdict,
};
use crate::store::Files;
use crate::text::quoted;
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
    /// Add it even when its name or an alias is already another entity's.
    pub force: bool,
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

/// The id of a new record: the given one (checked, and free), or a unique slug of `source`.
fn new_id(files: &Files, given: Option<&str>, source: &str, what: &str) -> Result<Id, EditError> {
    match given {
        Some(s) => {
            let id = Id::new(s).map_err(|e| EditError::Usage(e.0))?;
            ensure_free(files, &id)?;
            Ok(id)
        }
        None => {
            let base = slug(source).ok_or_else(|| no_slug(source, what))?;
            Ok(unique_id(files, &base, |_| false))
        }
    }
}

/// The refusal of a name, text or title (`what`) no id can be made from.
pub(super) fn no_slug(source: &str, what: &str) -> EditError {
    EditError::Usage(format!(
        "cannot make an id from the {what} {}: give one with --id",
        quoted(source)
    ))
}

pub(super) fn non_empty(value: &str, what: &str) -> Result<(), EditError> {
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

/// Adds an entity (docs/format.md §1). Refuses a name or alias that an existing entity already has
/// (compared with [`crate::text::fold_name`]), naming that entity, unless `new.force`.
pub fn add_entity(
    files: &mut Files,
    new: NewEntity,
    file: Option<&Path>,
) -> Result<Placed, EditError> {
    non_empty(&new.name, "the name")?;
    if !new.force {
        let names =
            std::iter::once(new.name.as_str()).chain(new.aliases.iter().map(String::as_str));
        super::ensure_names_free(files, names, None)?;
    }
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

/// Adds a claim (docs/format.md §1).
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

/// Adds a document (docs/format.md §1).
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

/// Sets the review of a claim (docs/format.md §5); returns the claim's id, its previous
/// verdict and the file it is in.
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
    fn an_entity_with_a_name_or_alias_another_has_is_refused_unless_forced() {
        let mut f = split();
        let twin = NewEntity {
            name: "National Intelligence Service".into(),
            kind: Some(Kind::Organization),
            ..NewEntity::default()
        };
        let e = add_entity(&mut f, twin.clone(), None).unwrap_err();
        assert!(
            matches!(e, EditError::Refused(ref m) if m.contains("entity \"nis\"")),
            "{e}"
        );
        let by_alias = NewEntity {
            name: "Korea's spy agency".into(),
            aliases: vec!["n.i.s".into()],
            ..twin.clone()
        };
        assert!(add_entity(&mut f, by_alias, None).is_err());
        assert!(f.files.iter().all(|x| !x.touched()));
        let forced = NewEntity {
            force: true,
            ..twin
        };
        let p = add_entity(&mut f, forced, None).unwrap();
        assert_eq!(p.id.as_str(), "national-intelligence-service");
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
