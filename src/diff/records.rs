//! The record-level part of a diff: documents and entities added, removed or changed field
//! by field (the fields are the schema's), claims' other fields, reviews, and the
//! appearances of relations (edges by `from`, `rel`, `to`, `in`) added, removed or changed.

use super::GraphDiff;
use crate::graph::ClaimGraph;
use crate::model::{Claim, Edge, Id, Rel, Review};
use crate::schema::RecordKind;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// A document or entity added or removed: its id and what names it (a title, a name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordRef {
    pub id: Id,
    pub label: String,
}

/// One field whose value differs (`null` when absent).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub old: Value,
    pub new: Value,
}

/// A record present in both graphs whose fields differ.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordChange {
    pub id: Id,
    pub changes: Vec<FieldChange>,
}

/// One edge: an appearance of a relation, with its details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppearanceRef {
    pub from: Id,
    pub rel: Rel,
    pub to: Id,
    #[serde(rename = "in")]
    pub in_doc: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// An edge in both graphs whose quote, date or note differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppearanceChange {
    pub from: Id,
    pub rel: Rel,
    pub to: Id,
    #[serde(rename = "in")]
    pub in_doc: Option<Id>,
    pub changes: Vec<FieldChange>,
}

/// A claim whose review was added, removed or changed (`null`: no review).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewChange {
    pub id: Id,
    pub old: Option<Review>,
    pub new: Option<Review>,
}

/// The fields of `kind` that differ between `a` and `b`, except those in `skip`.
fn field_changes<T: Serialize>(kind: RecordKind, a: &T, b: &T, skip: &[&str]) -> Vec<FieldChange> {
    let (va, vb) = (
        serde_json::to_value(a).unwrap_or(Value::Null),
        serde_json::to_value(b).unwrap_or(Value::Null),
    );
    kind.fields()
        .iter()
        .filter(|f| !skip.contains(&f.name))
        .filter_map(|f| {
            let (x, y) = (
                va.get(f.name).cloned().unwrap_or(Value::Null),
                vb.get(f.name).cloned().unwrap_or(Value::Null),
            );
            (x != y).then_some(FieldChange {
                field: f.name,
                old: x,
                new: y,
            })
        })
        .collect()
}

/// Added, removed and changed records of one kind, given each graph's records by id.
fn compare_kind<T: Serialize>(
    kind: RecordKind,
    old: &BTreeMap<&Id, &T>,
    new: &BTreeMap<&Id, &T>,
    label: impl Fn(&T) -> String,
) -> (Vec<RecordRef>, Vec<RecordRef>, Vec<RecordChange>) {
    let only = |a: &BTreeMap<&Id, &T>, b: &BTreeMap<&Id, &T>| -> Vec<RecordRef> {
        a.iter()
            .filter(|(id, _)| !b.contains_key(*id))
            .map(|(id, r)| RecordRef {
                id: (*id).clone(),
                label: label(r),
            })
            .collect()
    };
    let changed = old
        .iter()
        .filter_map(|(id, a)| {
            let changes = field_changes(kind, *a, *new.get(id)?, &[]);
            (!changes.is_empty()).then(|| RecordChange {
                id: (*id).clone(),
                changes,
            })
        })
        .collect();
    (only(new, old), only(old, new), changed)
}

fn docs(g: &ClaimGraph) -> BTreeMap<&Id, &crate::model::Document> {
    g.documents().map(|x| (&x.id, x)).collect()
}

fn entities(g: &ClaimGraph) -> BTreeMap<&Id, &crate::model::Entity> {
    g.entities()
        .filter_map(|e| g.entity(e))
        .map(|x| (&x.id, x))
        .collect()
}

/// Fills the document, entity and appearance changes of `d`.
pub(super) fn compare(old: &ClaimGraph, new: &ClaimGraph, d: &mut GraphDiff) {
    (d.documents_added, d.documents_removed, d.documents_changed) =
        compare_kind(RecordKind::Document, &docs(old), &docs(new), |x| {
            x.title.clone()
        });
    (d.entities_added, d.entities_removed, d.entities_changed) =
        compare_kind(RecordKind::Entity, &entities(old), &entities(new), |x| {
            format!("{} ({})", x.name, x.kind)
        });
    compare_appearances(old, new, d);
}

/// Adds the changes of claim `a` (old) to `b` (new) beyond its text: other fields, and its
/// review.
pub(super) fn compare_claims(a: &Claim, b: &Claim, d: &mut GraphDiff) {
    let changes = field_changes(RecordKind::Claim, a, b, &["text", "review"]);
    if !changes.is_empty() {
        d.claims_changed.push(RecordChange {
            id: a.id.clone(),
            changes,
        });
    }
    if a.review != b.review {
        d.reviews_changed.push(ReviewChange {
            id: a.id.clone(),
            old: a.review.as_deref().cloned(),
            new: b.review.as_deref().cloned(),
        });
    }
}

type AppearanceKey = (Id, Rel, Id, Option<Id>);

fn appearances(g: &ClaimGraph) -> BTreeMap<AppearanceKey, Edge> {
    g.edge_records()
        .into_iter()
        .map(|e| ((e.from.clone(), e.rel, e.to.clone(), e.in_doc.clone()), e))
        .collect()
}

fn appearance_ref(e: &Edge) -> AppearanceRef {
    AppearanceRef {
        from: e.from.clone(),
        rel: e.rel,
        to: e.to.clone(),
        in_doc: e.in_doc.clone(),
        quote: e.quote.clone(),
        date: e.date.map(|x| x.to_string()),
    }
}

fn compare_appearances(old: &ClaimGraph, new: &ClaimGraph, d: &mut GraphDiff) {
    let (a, b) = (appearances(old), appearances(new));
    d.appearances_added = b
        .iter()
        .filter(|(k, _)| !a.contains_key(*k))
        .map(|(_, e)| appearance_ref(e))
        .collect();
    d.appearances_removed = a
        .iter()
        .filter(|(k, _)| !b.contains_key(*k))
        .map(|(_, e)| appearance_ref(e))
        .collect();
    d.appearances_changed = a
        .iter()
        .filter_map(|(k, x)| {
            let changes = field_changes(RecordKind::Edge, x, b.get(k)?, &[]);
            (!changes.is_empty()).then(|| AppearanceChange {
                from: k.0.clone(),
                rel: k.1,
                to: k.2.clone(),
                in_doc: k.3.clone(),
                changes,
            })
        })
        .collect();
}
