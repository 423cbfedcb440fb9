//! `diff`: what changed between two versions of a graph, as a fact-checker reads a change —
//! documents, entities and claims added, removed or changed (field by field), texts
//! reworded, relations (`asserts`/`denies`/`cites`) added and removed, their appearances in
//! documents added, removed or changed, reviews and verdicts changed, and claims whose
//! grounds or `rests_only_on(TAG)` status changed (docs/format.md §2). [`diff`] compares two loaded
//! graphs; [`to_markdown`] renders the result.

mod markdown;
mod records;

pub use markdown::to_markdown;
pub use records::{
    AppearanceChange, AppearanceRef, FieldChange, RecordChange, RecordRef, ReviewChange,
};

use crate::graph::{self, ClaimGraph};
use crate::model::{Edge, Id, Rel, Verdict};
use crate::query::grounds_ids;
use crate::support::Support;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A claim added or removed: its id and text, and its grounds, `rests_only_on(tag)` and
/// verdict in the graph that has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimRef {
    pub id: Id,
    pub text: String,
    pub grounds: Vec<Id>,
    pub rests_only_on: bool,
    pub verdict: Option<Verdict>,
}

/// A claim whose text changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextChange {
    pub id: Id,
    pub old: String,
    pub new: String,
}

/// An edge by its ends and relation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct EdgeKey {
    pub from: Id,
    pub rel: Rel,
    pub to: Id,
}

/// A claim whose verdict changed (`null` = unreviewed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerdictChange {
    pub id: Id,
    pub old: Option<Verdict>,
    pub new: Option<Verdict>,
}

/// A claim whose grounds changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroundsChange {
    pub id: Id,
    pub added: Vec<Id>,
    pub removed: Vec<Id>,
}

/// A claim whose `rests_only_on(tag)` changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RestsChange {
    pub id: Id,
    pub old: bool,
    pub new: bool,
}

/// Every change between two graphs that a fact-checker reviews. Lists are sorted by id
/// (edges and appearances by `from`, `rel`, `to`, `in`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GraphDiff {
    /// The tag of the `rests_only_on` comparison.
    pub tag: String,
    pub documents_added: Vec<RecordRef>,
    pub documents_removed: Vec<RecordRef>,
    pub documents_changed: Vec<RecordChange>,
    pub entities_added: Vec<RecordRef>,
    pub entities_removed: Vec<RecordRef>,
    pub entities_changed: Vec<RecordChange>,
    pub claims_added: Vec<ClaimRef>,
    pub claims_removed: Vec<ClaimRef>,
    pub text_changed: Vec<TextChange>,
    /// Claims whose other fields changed (not the text or the review, listed apart).
    pub claims_changed: Vec<RecordChange>,
    /// Relations `(from, rel, to)` that no edge stated before / states now.
    pub edges_added: Vec<EdgeKey>,
    pub edges_removed: Vec<EdgeKey>,
    /// Edges (`from`, `rel`, `to`, `in`: one appearance of a relation) added or removed,
    /// including those of the relations above.
    pub appearances_added: Vec<AppearanceRef>,
    pub appearances_removed: Vec<AppearanceRef>,
    /// Edges whose quote, date or note changed.
    pub appearances_changed: Vec<AppearanceChange>,
    pub verdict_changed: Vec<VerdictChange>,
    /// Reviews added, removed or changed in any field.
    pub reviews_changed: Vec<ReviewChange>,
    pub grounds_changed: Vec<GroundsChange>,
    pub rests_only_on_changed: Vec<RestsChange>,
}

impl GraphDiff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        let GraphDiff {
            tag: _,
            documents_added,
            documents_removed,
            documents_changed,
            entities_added,
            entities_removed,
            entities_changed,
            claims_added,
            claims_removed,
            text_changed,
            claims_changed,
            edges_added,
            edges_removed,
            appearances_added,
            appearances_removed,
            appearances_changed,
            verdict_changed,
            reviews_changed,
            grounds_changed,
            rests_only_on_changed,
        } = self;
        documents_added.is_empty()
            && documents_removed.is_empty()
            && documents_changed.is_empty()
            && entities_added.is_empty()
            && entities_removed.is_empty()
            && entities_changed.is_empty()
            && claims_added.is_empty()
            && claims_removed.is_empty()
            && text_changed.is_empty()
            && claims_changed.is_empty()
            && edges_added.is_empty()
            && edges_removed.is_empty()
            && appearances_added.is_empty()
            && appearances_removed.is_empty()
            && appearances_changed.is_empty()
            && verdict_changed.is_empty()
            && reviews_changed.is_empty()
            && grounds_changed.is_empty()
            && rests_only_on_changed.is_empty()
    }
}

fn claim_ref(g: &ClaimGraph, s: &Support, rests: &[bool], claim: graph::ClaimRef) -> ClaimRef {
    let (ix, c) = (claim.ix, claim.claim);
    ClaimRef {
        id: c.id.clone(),
        text: c.text.clone(),
        grounds: grounds_ids(g, s, ix).into_iter().cloned().collect(),
        rests_only_on: rests[ix.index()],
        verdict: c.verdict(),
    }
}

/// Every claim of `g` by id.
fn claims_by_id(g: &ClaimGraph) -> BTreeMap<&str, graph::ClaimRef<'_>> {
    g.claim_refs().map(|c| (c.claim.id.as_str(), c)).collect()
}

/// The relations of `g`: every `(from, rel, to)` some edge states.
fn edge_keys(g: &ClaimGraph) -> BTreeSet<EdgeKey> {
    g.edge_records()
        .into_iter()
        .map(|Edge { from, rel, to, .. }| EdgeKey { from, rel, to })
        .collect()
}

/// Compares `old` with `new`; `tag` is the tag of the `rests_only_on` comparison.
pub fn diff(old: &ClaimGraph, new: &ClaimGraph, tag: &str) -> GraphDiff {
    let (a, b) = (claims_by_id(old), claims_by_id(new));
    let (sa, sb) = (Support::new(old), Support::new(new));
    let (ra, rb) = (sa.rests_only_on(old, tag), sb.rests_only_on(new, tag));
    let mut d = GraphDiff {
        tag: tag.to_string(),
        claims_added: b
            .iter()
            .filter(|(id, _)| !a.contains_key(*id))
            .map(|(_, &c)| claim_ref(new, &sb, &rb, c))
            .collect(),
        claims_removed: a
            .iter()
            .filter(|(id, _)| !b.contains_key(*id))
            .map(|(_, &c)| claim_ref(old, &sa, &ra, c))
            .collect(),
        ..GraphDiff::default()
    };
    let (ea, eb) = (edge_keys(old), edge_keys(new));
    d.edges_added = eb.difference(&ea).cloned().collect();
    d.edges_removed = ea.difference(&eb).cloned().collect();
    records::compare(old, new, &mut d);
    for (old_c, new_c) in a.iter().filter_map(|(id, &x)| Some((x, *b.get(id)?))) {
        let (x, y) = (old_c.ix, new_c.ix);
        let (cx, cy) = (old_c.claim, new_c.claim);
        let id = cx.id.clone();
        records::compare_claims(cx, cy, &mut d);
        if cx.text != cy.text {
            d.text_changed.push(TextChange {
                id: id.clone(),
                old: cx.text.clone(),
                new: cy.text.clone(),
            });
        }
        if cx.verdict() != cy.verdict() {
            d.verdict_changed.push(VerdictChange {
                id: id.clone(),
                old: cx.verdict(),
                new: cy.verdict(),
            });
        }
        let (gx, gy) = (grounds_ids(old, &sa, x), grounds_ids(new, &sb, y));
        if gx != gy {
            d.grounds_changed.push(GroundsChange {
                id: id.clone(),
                added: gy
                    .iter()
                    .filter(|g| !gx.contains(g))
                    .map(|g| (*g).clone())
                    .collect(),
                removed: gx
                    .iter()
                    .filter(|g| !gy.contains(g))
                    .map(|g| (*g).clone())
                    .collect(),
            });
        }
        if ra[x.index()] != rb[y.index()] {
            d.rests_only_on_changed.push(RestsChange {
                id,
                old: ra[x.index()],
                new: rb[y.index()],
            });
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::test_graph as graph;

    const OLD: &str = r#"{"entities":[{"id":"nis","name":"NIS","kind":"organization","tags":["intelligence"]},{"id":"ap","name":"AP","kind":"organization","tags":["wire"]}],
        "claims":[{"id":"c","text":"Old text."},{"id":"gone","text":"Gone."}],
        "edges":[{"from":"nis","rel":"asserts","to":"c"}]}"#;

    #[test]
    fn identical_graphs_have_no_diff() {
        let d = diff(&graph(OLD), &graph(OLD), "intelligence");
        assert!(d.is_empty());
        assert!(to_markdown(&d).starts_with("No changes"));
    }

    #[test]
    fn a_second_source_changes_grounds_and_rests_only_on() {
        let new = r#"{"entities":[{"id":"nis","name":"NIS","kind":"organization","tags":["intelligence"]},{"id":"ap","name":"AP","kind":"organization","tags":["wire"]}],
            "claims":[{"id":"c","text":"New text.","review":{"verdict":"mixed","by":"ap"}},{"id":"new","text":"New."}],
            "edges":[{"from":"nis","rel":"asserts","to":"c"},{"from":"ap","rel":"asserts","to":"c"}]}"#;
        let d = diff(&graph(OLD), &graph(new), "intelligence");
        assert_eq!(d.claims_added[0].id.as_str(), "new");
        assert_eq!(d.claims_removed[0].id.as_str(), "gone");
        assert_eq!(d.text_changed[0].new, "New text.");
        assert_eq!(d.edges_added.len(), 1);
        assert_eq!(d.verdict_changed[0].new, Some(Verdict::Mixed));
        assert_eq!(d.grounds_changed[0].added[0].as_str(), "ap");
        assert_eq!(
            d.rests_only_on_changed[0],
            RestsChange {
                id: Id::new("c").unwrap(),
                old: true,
                new: false
            }
        );
        let md = to_markdown(&d);
        assert!(
            md.contains("`c` no longer rests only on intelligence"),
            "{md}"
        );
        assert!(md.contains("`c`: unreviewed → mixed"), "{md}");
    }

    #[test]
    fn documents_entities_appearances_and_reviews_are_compared_field_by_field() {
        let old = r#"{"documents":[{"id":"d1","title":"One"},{"id":"gone","title":"Gone"}],
            "entities":[{"id":"nis","name":"NIS","kind":"organization","tags":["intelligence"]},{"id":"ap","name":"AP","kind":"organization"}],
            "claims":[{"id":"c","text":"C.","review":{"verdict":"mixed","by":"ap"}}],
            "edges":[{"from":"nis","rel":"asserts","to":"c","in":"d1","quote":"old words"},{"from":"ap","rel":"asserts","to":"c","in":"gone"}]}"#;
        let new = r#"{"documents":[{"id":"d1","title":"One, retitled"},{"id":"d2","title":"Two"}],
            "entities":[{"id":"nis","name":"NIS","kind":"organization","tags":["intelligence","government"]},{"id":"kcna","name":"KCNA","kind":"organization"}],
            "claims":[{"id":"c","text":"C.","topics":["arms"],"review":{"verdict":"mixed","by":"nis"}}],
            "edges":[{"from":"nis","rel":"asserts","to":"c","in":"d1","quote":"new words"},{"from":"nis","rel":"asserts","to":"c","in":"d2"},{"from":"kcna","rel":"denies","to":"c","in":"d2"}]}"#;
        let d = diff(&graph(old), &graph(new), "intelligence");
        let ids = |l: &[RecordRef]| l.iter().map(|r| r.id.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(&d.documents_added), ["d2"]);
        assert_eq!(ids(&d.documents_removed), ["gone"]);
        assert_eq!(d.documents_changed[0].changes[0].field, "title");
        assert_eq!(
            (ids(&d.entities_added), ids(&d.entities_removed)),
            (vec!["kcna".into()], vec!["ap".into()])
        );
        assert_eq!(
            d.entities_changed[0].changes[0].new,
            serde_json::json!(["intelligence", "government"])
        );
        assert_eq!(d.claims_changed[0].changes[0].field, "topics");
        assert_eq!(
            d.reviews_changed[0].new.as_ref().unwrap().by.as_str(),
            "nis"
        );
        assert!(
            d.verdict_changed.is_empty(),
            "the verdict itself did not change"
        );
        let added: Vec<String> = d
            .appearances_added
            .iter()
            .map(|a| format!("{} {} {}", a.from, a.rel, a.in_doc.as_ref().unwrap()))
            .collect();
        assert_eq!(added, ["kcna denies d2", "nis asserts d2"]);
        assert_eq!(d.appearances_removed.len(), 1);
        assert_eq!(d.appearances_changed[0].changes[0].field, "quote");
        let md = to_markdown(&d);
        for want in [
            "## Documents added (1)\n\n- `d2`: Two",
            "- `d1`: title: “One” → “One, retitled”",
            "## Entities removed (1)\n\n- `ap`: AP (organization)",
            "- `kcna` denies `c` (in `d2`)",
            "## Appearances added (1)\n\n- `nis` asserts `c` in `d2`",
            "- `nis` asserts `c` in `d1`: quote: “old words” → “new words”",
            "- `c`: mixed by `ap` → mixed by `nis`",
        ] {
            assert!(md.contains(want), "{want}\n{md}");
        }
    }
}
