//! `report`: a fact-check dossier on one claim — the claim, who asserts and who denies it
//! (with quotes, dates and documents), what it cites, its support tree down to its grounds
//! (with their tags, origins and reliability), where the claim would stand were one of its
//! grounds or chokepoints wrong, the verdict, and the warnings that apply.
//! [`build`] gathers it as data (serialized for `--format json`); [`to_markdown`] renders it.

mod markdown;

pub use markdown::to_markdown;

use crate::check::{self, Scope};
use crate::graph::{ClaimGraph, ClaimRef, EntityRef, NodeIx, Record};
use crate::model::{Date, Id, Rel, Review};
use crate::query::{self, ClaimFacts};
use crate::support::Support;
use crate::whatif::{self, Standing};
use crate::why::{self, Mark, Via};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;

/// How deep the support tree of a report goes.
pub(crate) const TREE_DEPTH: usize = 50;

/// The dossier on one claim.
#[derive(Debug, Clone, Serialize)]
pub struct Report<'g> {
    /// The facts of the claim, as `claims --format json` gives them (docs/format.md §4.4).
    pub facts: ClaimFacts<'g>,
    pub credibility: Option<u8>,
    pub found_in: Vec<DocRef<'g>>,
    pub asserted_by: Vec<Stance<'g>>,
    pub denied_by: Vec<Stance<'g>>,
    pub cites: Vec<Stance<'g>>,
    /// The support tree, one row per line in pre-order.
    pub tree: Vec<TreeRow<'g>>,
    /// Nodes left unexpanded at the depth bound.
    pub tree_cut: usize,
    pub grounds: Vec<Source<'g>>,
    /// Where the claim stands now (docs/format.md §2.2).
    pub standing: Standing,
    /// For each ground and each entity among the chokepoints, by id: where the claim would
    /// stand were that source discredited (§2.5).
    pub if_wrong: Vec<IfWrong<'g>>,
    /// Grounds and entity chokepoints past [`IF_WRONG_SOURCES`], not weighed.
    #[serde(skip_serializing_if = "is_zero")]
    pub if_wrong_more: usize,
    pub review: Option<ReviewRef<'g>>,
    pub warnings: Vec<Warning>,
}

/// A document, as a report cites it.
#[derive(Debug, Clone, Serialize)]
pub struct DocRef<'g> {
    pub id: &'g Id,
    pub title: &'g str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
}

/// One edge at the claim: who asserts, denies, or what is cited, and where it was said.
#[derive(Debug, Clone, Serialize)]
pub struct Stance<'g> {
    pub id: &'g Id,
    pub name: &'g str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<DocRef<'g>>,
}

/// An entity with what a reader weighs it by.
#[derive(Debug, Clone, Serialize)]
pub struct Source<'g> {
    pub id: &'g Id,
    pub name: &'g str,
    pub tags: Vec<&'g str>,
    pub origin: &'g Id,
    pub reliability: Option<char>,
}

/// One source of the claim, and what would be left were it wrong.
#[derive(Debug, Clone, Serialize)]
pub struct IfWrong<'g> {
    pub source: Source<'g>,
    /// It is one of the claim's grounds.
    pub ground: bool,
    /// It is one of the claim's chokepoints: on every path of its support to a ground.
    pub chokepoint: bool,
    /// Where the claim would stand without it.
    pub then: Standing,
    /// The grounds that would be left, sorted.
    pub grounds: Vec<&'g Id>,
}

/// One line of the support tree.
#[derive(Debug, Clone, Serialize)]
pub struct TreeRow<'g> {
    pub depth: usize,
    pub id: &'g Id,
    pub via: Via,
    pub mark: Mark,
    /// One of the claim's chokepoints.
    pub chokepoint: bool,
    /// The claim's text or the entity's name.
    pub label: &'g str,
    /// Set for entities.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source<'g>>,
}

/// The claim's review.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewRef<'g> {
    #[serde(flatten)]
    pub review: &'g Review,
    pub by_name: &'g str,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// A reason for caution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub code: &'static str,
    pub message: String,
}

/// Gathers the report on claim `c`.
pub fn build<'g>(g: &'g ClaimGraph, s: &Support, claim_ref: ClaimRef<'g>) -> Report<'g> {
    let (c, claim) = (claim_ref.ix, claim_ref.claim);
    let tree = why::tree(g, s, c, TREE_DEPTH);
    let grounds = s
        .grounds(c)
        .iter()
        .filter_map(|&v| g.as_entity(NodeIx::new(v as usize)))
        .map(|e| source(g, s, e))
        .collect::<Vec<_>>();
    let (if_wrong, if_wrong_more) = if_wrong(g, s, c);
    Report {
        facts: query::facts(g, s, claim_ref),
        credibility: claim.credibility.map(|k| k.value()),
        found_in: claim
            .found_in
            .iter()
            .filter_map(|d| doc_ref(g, d))
            .collect(),
        asserted_by: stances(g, c, Rel::Asserts, Direction::Incoming),
        denied_by: stances(g, c, Rel::Denies, Direction::Incoming),
        cites: stances(g, c, Rel::Cites, Direction::Outgoing),
        tree: tree
            .rows
            .iter()
            .map(|r| TreeRow {
                depth: r.depth,
                id: g.id(r.node),
                via: r.via,
                mark: r.mark,
                chokepoint: r.chokepoint,
                label: label(g, r.node),
                source: g.as_entity(r.node).map(|e| source(g, s, e)),
            })
            .collect(),
        tree_cut: tree.cut,
        warnings: warnings(g, s, c),
        grounds,
        standing: Standing::of(s, c),
        if_wrong,
        if_wrong_more,
        review: claim.review.as_ref().map(|r| ReviewRef {
            review: r,
            by_name: g
                .node_by_id(r.by.as_str())
                .and_then(|ix| g.entity(ix))
                .map_or(r.by.as_str(), |e| e.name.as_str()),
        }),
    }
}

/// How many sources "If a source is wrong" weighs at most: the entity chokepoints nearest the
/// claim first, then its other grounds.
pub const IF_WRONG_SOURCES: usize = 50;

/// For each ground of `c` and each entity among its chokepoints (at most
/// [`IF_WRONG_SOURCES`], by id), where `c` would stand were that source discredited, and how
/// many were left out. A chokepoint leaves `c` ungrounded by definition; each other ground
/// costs a search of the part of S that `c` reaches.
fn if_wrong<'g>(g: &'g ClaimGraph, s: &Support, c: NodeIx) -> (Vec<IfWrong<'g>>, usize) {
    let grounds = s.grounds(c);
    let is_ground = |x: NodeIx| grounds.contains(&(x.index() as u32));
    let entities = || s.chokepoints(c).filter_map(|x| g.as_entity(x));
    let choke: Vec<EntityRef> = entities().take(IF_WRONG_SOURCES).collect();
    // A ground lies on every path only when it is the sole ground: then it is a chokepoint.
    let others = grounds
        .iter()
        .filter(|_| grounds.len() > 1)
        .filter_map(|&v| g.as_entity(NodeIx::new(v as usize)));
    let total = entities().count() + others.clone().count();
    let room = IF_WRONG_SOURCES - choke.len();
    let mut rows: Vec<IfWrong> = choke
        .iter()
        .map(|&e| IfWrong {
            source: source(g, s, e),
            ground: is_ground(e.ix),
            chokepoint: true,
            then: Standing::Ungrounded,
            grounds: Vec::new(),
        })
        .chain(others.take(room).map(|e| {
            let (then, left) = whatif::if_discredited(s, c, e.ix);
            IfWrong {
                source: source(g, s, e),
                ground: true,
                chokepoint: false,
                then,
                grounds: g.sorted_ids(left.into_iter()),
            }
        }))
        .collect();
    rows.sort_by(|a, b| a.source.id.cmp(b.source.id));
    let more = total - rows.len();
    (rows, more)
}

fn label(g: &ClaimGraph, ix: NodeIx) -> &str {
    match &g.node(ix).record {
        Record::Claim(c) => &c.text,
        Record::Entity(e) => &e.name,
    }
}

fn source<'g>(g: &'g ClaimGraph, s: &Support, entity: EntityRef<'g>) -> Source<'g> {
    let (ix, e) = (entity.ix, entity.entity);
    Source {
        id: &e.id,
        name: &e.name,
        tags: e.tags.iter().map(|t| t.as_str()).collect(),
        origin: g.id(s.origin(ix)),
        reliability: e.reliability.map(|r| r.letter()),
    }
}

fn doc_ref<'g>(g: &'g ClaimGraph, id: &Id) -> Option<DocRef<'g>> {
    let d = g.documents().find(|d| &d.id == id)?;
    Some(DocRef {
        id: &d.id,
        title: &d.title,
        url: d.url.as_deref(),
        published: d.published,
    })
}

/// The edges of `rel` at `c` in direction `dir`, sorted by the other end's id.
fn stances<'g>(g: &'g ClaimGraph, c: NodeIx, rel: Rel, dir: Direction) -> Vec<Stance<'g>> {
    let mut out: Vec<Stance<'g>> = g
        .petgraph()
        .edges_directed(c, dir)
        .filter(|e| e.weight().rel == rel)
        .map(|e| {
            let other = if dir == Direction::Incoming {
                e.source()
            } else {
                e.target()
            };
            let w = e.weight();
            let extra = w.extra.as_deref();
            Stance {
                id: g.id(other),
                name: label(g, other),
                quote: extra.and_then(|x| x.quote.as_deref()),
                date: extra.and_then(|x| x.date),
                document: w.in_doc.and_then(|d| doc_ref(g, &g.document(d).doc.id)),
            }
        })
        .collect();
    // By source, then document: a source's appearances come together, in a fixed order.
    out.sort_by(|a, b| {
        let doc = |s: &Stance<'g>| s.document.as_ref().map(|d| d.id);
        (a.id, doc(a)).cmp(&(b.id, doc(b)))
    });
    out
}

/// Every warning of [`check::claim_warnings`], as the report words it.
fn warnings(g: &ClaimGraph, s: &Support, c: NodeIx) -> Vec<Warning> {
    check::claim_warnings(g, s, c, Scope::All)
        .iter()
        .map(|w| Warning {
            code: w.code(),
            message: w.sentence(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::test_graph as graph;

    #[test]
    fn a_claim_resting_on_one_intelligence_agency_gets_its_warnings() {
        let g = graph(
            r#"{"entities":[{"id":"nis","name":"NIS","kind":"organization","tags":["intelligence"],"part_of":"sk","reliability":"B"},
                {"id":"sk","name":"South Korea","kind":"country"},{"id":"nk","name":"North Korea","kind":"country"}],
               "claims":[{"id":"c","text":"Shells went north.","about":["nk"],"credibility":1}],
               "edges":[{"from":"nis","rel":"asserts","to":"c","quote":"many transfers"},{"from":"nk","rel":"denies","to":"c"}]}"#,
        );
        let s = Support::new(&g);
        let r = build(&g, &s, g.as_claim(g.node_by_id("c").unwrap()).unwrap());
        let codes: Vec<&str> = r.warnings.iter().map(|w| w.code).collect();
        assert_eq!(
            codes,
            [
                "one-source-type",
                "single-origin",
                "interested-denial",
                "credibility"
            ]
        );
        let md = to_markdown(&r);
        assert!(md.contains("- NIS (`nis`): “many transfers”"), "{md}");
        assert!(
            md.contains("| NIS (`nis`) | intelligence | `sk` | B |"),
            "{md}"
        );
        assert!(md.contains("- Verdict: unreviewed"), "{md}");
    }
}
