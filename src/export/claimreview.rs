//! ClaimReview: one schema.org `ClaimReview` JSON-LD object per reviewed claim, the markup
//! fact-checkers publish so that search engines show their verdicts.
//!
//! Google requires `claimReviewed`, `reviewRating.alternateName` and `url`; the first two
//! come from the claim and its verdict, the page address from a URL prefix the desk gives
//! (the review of claim `c` is at `{url_base}c`). Without that prefix nothing is written:
//! [`Missing`] lists what is lacking. The recommended fields (`author`, `datePublished`,
//! `itemReviewed` with its `author`, `datePublished`, `appearance`, `firstAppearance`) are
//! filled from the review, the claim's asserters and the documents it was found in; where
//! one cannot be filled it is left out and a note says so.

use crate::graph::{ClaimGraph, ClaimRef, NodeIx};
use crate::model::{Claim, Date, Document, Id, Kind, Rel, Review, Verdict};
use serde_json::{json, Map, Value};

/// Required fields that cannot be filled, as `(claim id, what is missing)`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot write ClaimReview: required fields are missing:{}", list(.0))]
pub struct Missing(pub Vec<(String, String)>);

fn list(items: &[(String, String)]) -> String {
    items
        .iter()
        .map(|(id, what)| format!("\n  {id}: {what}"))
        .collect()
}

/// The ClaimReview objects, in claim id order, and notes on recommended fields left out.
pub struct Reviews {
    pub objects: Vec<Value>,
    pub notes: Vec<String>,
}

/// Builds one ClaimReview per reviewed claim; `url_base` is the prefix of review pages.
pub fn reviews(g: &ClaimGraph, url_base: Option<&str>) -> Result<Reviews, Missing> {
    let claims = g.sorted_by_id(g.claims().collect());
    let reviewed: Vec<(ClaimRef, &Review)> = claims
        .into_iter()
        .filter_map(|c| g.as_claim(c))
        .filter_map(|c| Some((c, c.claim.review.as_deref()?)))
        .collect();
    let Some(url_base) = url_base else {
        let missing = reviewed
            .iter()
            .map(|(c, _)| {
                let what = "url (pass --url-base URL; the review page of a claim is URL followed by its id)";
                (c.claim.id.to_string(), what.to_string())
            })
            .collect::<Vec<_>>();
        if missing.is_empty() {
            return Ok(Reviews {
                objects: Vec::new(),
                notes: vec!["no claim has a review".to_string()],
            });
        }
        return Err(Missing(missing));
    };
    let mut out = Reviews {
        objects: Vec::new(),
        notes: Vec::new(),
    };
    for (c, rv) in reviewed {
        out.objects.push(review(g, c, rv, url_base, &mut out.notes));
    }
    if out.objects.is_empty() {
        out.notes.push("no claim has a review".to_string());
    }
    Ok(out)
}

/// The name Google shows for a verdict and its place on a 1–5 scale (none for unproven).
fn rating(v: Verdict) -> (&'static str, Option<u8>) {
    match v {
        Verdict::True => ("True", Some(5)),
        Verdict::MostlyTrue => ("Mostly true", Some(4)),
        Verdict::Mixed => ("Mixed", Some(3)),
        Verdict::MostlyFalse => ("Mostly false", Some(2)),
        Verdict::False => ("False", Some(1)),
        Verdict::Unproven => ("Unproven", None),
    }
}

fn review(
    g: &ClaimGraph,
    c: ClaimRef,
    rv: &Review,
    url_base: &str,
    notes: &mut Vec<String>,
) -> Value {
    let (ix, claim) = (c.ix, c.claim);
    let (name, value) = rating(rv.verdict);
    let mut rating = json!({"@type": "Rating", "alternateName": name});
    if let Some(v) = value {
        rating["ratingValue"] = json!(v);
        rating["bestRating"] = json!(5);
        rating["worstRating"] = json!(1);
    }
    let mut obj = Map::new();
    obj.insert("@context".into(), json!("https://schema.org"));
    obj.insert("@type".into(), json!("ClaimReview"));
    obj.insert("url".into(), json!(format!("{url_base}{}", claim.id)));
    obj.insert("claimReviewed".into(), json!(claim.text));
    obj.insert("reviewRating".into(), rating);
    let mut note = |what: &str| notes.push(format!("{}: no {what}", claim.id));
    match agent(g, &rv.by) {
        Some(a) => {
            obj.insert("author".into(), a);
        }
        None => note("author"),
    }
    match &rv.date {
        Some(d) => {
            obj.insert("datePublished".into(), json!(d.to_string()));
        }
        None => note("datePublished (the review has no date)"),
    }
    obj.insert("itemReviewed".into(), item(g, ix, claim, &mut note));
    Value::Object(obj)
}

/// A Person or Organization object for an entity.
fn agent(g: &ClaimGraph, id: &Id) -> Option<Value> {
    let e = g.entity(g.node_by_id(id.as_str())?)?;
    let ty = match e.kind {
        Kind::Person => "Person",
        Kind::Organization | Kind::Country => "Organization",
    };
    Some(json!({"@type": ty, "name": e.name}))
}

/// The `Claim` under review: who made it, when, and where it appeared.
fn item(g: &ClaimGraph, ix: NodeIx, claim: &Claim, note: &mut impl FnMut(&str)) -> Value {
    let mut obj = Map::new();
    obj.insert("@type".into(), json!("Claim"));
    let authors: Vec<Value> = g
        .source_ids(ix, Rel::Asserts)
        .into_iter()
        .filter_map(|a| agent(g, a))
        .collect();
    match authors.len() {
        0 => note("itemReviewed.author (nobody asserts the claim)"),
        1 => {
            obj.insert("author".into(), authors[0].clone());
        }
        _ => {
            obj.insert("author".into(), Value::Array(authors));
        }
    }
    let docs = appearances(g, ix, claim);
    let first = first_appearance(&docs);
    let asserted = asserted_on(g, ix);
    match asserted.or_else(|| first.and_then(|d| d.published)) {
        Some(d) => {
            obj.insert("datePublished".into(), json!(d.to_string()));
        }
        None => note("itemReviewed.datePublished (no dated assertion or appearance)"),
    }
    if docs.is_empty() {
        note("itemReviewed.appearance (no document with a url)");
    } else {
        let list: Vec<Value> = docs.iter().map(|d| creative_work(g, d)).collect();
        obj.insert("appearance".into(), Value::Array(list));
    }
    match first {
        Some(d) => {
            obj.insert("firstAppearance".into(), creative_work(g, d));
        }
        None if !docs.is_empty() => {
            note("itemReviewed.firstAppearance (the appearances have no dates)")
        }
        None => {}
    }
    Value::Object(obj)
}

/// The documents with a url where the claim was found or asserted, by (date, id).
fn appearances<'g>(g: &'g ClaimGraph, ix: NodeIx, claim: &Claim) -> Vec<&'g Document> {
    let mut ids: Vec<Id> = claim.found_in.clone();
    for e in g
        .petgraph()
        .edges_directed(ix, petgraph::Direction::Incoming)
    {
        if e.weight().rel == Rel::Asserts {
            if let Some(d) = e.weight().in_doc {
                ids.push(g.document(d).doc.id.clone());
            }
        }
    }
    let mut docs: Vec<&Document> = g
        .documents()
        .filter(|d| d.url.is_some() && ids.contains(&d.id))
        .collect();
    docs.sort_by(|a, b| (&a.published, &a.id).cmp(&(&b.published, &b.id)));
    docs
}

/// The earliest dated appearance, or the only one.
fn first_appearance<'g>(docs: &[&'g Document]) -> Option<&'g Document> {
    match docs {
        [one] => Some(one),
        _ => docs.iter().find(|d| d.published.is_some()).copied(),
    }
}

/// The earliest date on an `asserts` edge of the claim.
fn asserted_on(g: &ClaimGraph, ix: NodeIx) -> Option<Date> {
    g.petgraph()
        .edges_directed(ix, petgraph::Direction::Incoming)
        .filter(|e| e.weight().rel == Rel::Asserts)
        .filter_map(|e| e.weight().extra.as_ref()?.date)
        .min()
}

fn creative_work(g: &ClaimGraph, d: &Document) -> Value {
    let mut obj = json!({"@type": "CreativeWork", "url": d.url, "headline": d.title});
    if let Some(p) = &d.published {
        obj["datePublished"] = json!(p.to_string());
    }
    if let Some(a) = d.publisher.as_ref().and_then(|p| agent(g, p)) {
        obj["publisher"] = a;
    }
    obj
}
