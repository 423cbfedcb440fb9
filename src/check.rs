//! `check`: warnings about a valid graph (SPEC §4) — unused entities, ungrounded claims,
//! circular support, unknown tags, and credibility 1 on a claim that is not independent.
//! Errors are the loader's; this module only adds what is suspicious but legal.

use crate::diag::Diagnostic;
use crate::graph::{ClaimGraph, NodeIx, Record};
use crate::model::{quoted, TAG_VOCABULARY};
use crate::support::Support;
use petgraph::Direction;
use rustc_hash::FxHashSet;

/// Every warning for `g`, in file order, located by JSON path (the caller, which holds the
/// files' text, adds line and column with [`crate::load::locate`]).
pub fn warnings(g: &ClaimGraph, s: &Support) -> Vec<Diagnostic> {
    let referenced = referenced_entities(g);
    let mut out = Vec::new();
    for ix in g.nodes() {
        let node = g.node(ix);
        let file = &g.files()[node.origin.file as usize];
        let at = |array: &str, field: &str| Some(format!("{array}[{}]{field}", node.origin.pos));
        match &node.record {
            Record::Entity(e) => {
                if !has_edges(g, ix) && !referenced.contains(&ix) {
                    out.push(Diagnostic::warning(
                        file,
                        at("entities", ""),
                        "unused-entity",
                        format!(
                            "entity {} is not used by any edge or reference",
                            quoted(e.id.as_str())
                        ),
                    ));
                }
                for (t, tag) in e.tags.iter().enumerate() {
                    if !tag.is_known() {
                        out.push(Diagnostic::warning(
                            file,
                            at("entities", &format!(".tags[{t}]")),
                            "unknown-tag",
                            format!(
                                "tag {} is not in the recommended vocabulary{}",
                                quoted(tag.as_str()),
                                crate::suggest::did_you_mean_suffix(
                                    tag.as_str(),
                                    TAG_VOCABULARY.iter().copied()
                                )
                            ),
                        ));
                    }
                }
            }
            Record::Claim(c) => {
                let id = quoted(c.id.as_str());
                if s.ungrounded(ix) {
                    out.push(Diagnostic::warning(
                        file,
                        at("claims", ""),
                        "ungrounded",
                        format!("claim {id} is ungrounded: no source that speaks for itself stands behind it"),
                    ));
                }
                if s.circular(ix) {
                    out.push(Diagnostic::warning(
                        file,
                        at("claims", ""),
                        "circular",
                        format!("claim {id} has circular support (a citation cycle lies on its support)"),
                    ));
                }
                if c.credibility.is_some_and(|k| k.value() == 1) && !s.independent(ix) {
                    out.push(Diagnostic::warning(
                        file,
                        at("claims", ".credibility"),
                        "credibility",
                        format!("claim {id} has credibility 1 (confirmed by independent sources) but its grounds do not have two distinct origins"),
                    ));
                }
            }
        }
    }
    out
}

fn has_edges(g: &ClaimGraph, ix: NodeIx) -> bool {
    let pg = g.petgraph();
    pg.edges_directed(ix, Direction::Outgoing).next().is_some()
        || pg.edges_directed(ix, Direction::Incoming).next().is_some()
}

/// Entities named by `part_of`, `about`, review `by` or a document's `publisher`.
fn referenced_entities(g: &ClaimGraph) -> FxHashSet<NodeIx> {
    let mut set = FxHashSet::default();
    let mut add = |id: &crate::model::Id| {
        if let Some(ix) = g.node_by_id(id.as_str()) {
            set.insert(ix);
        }
    };
    for ix in g.nodes() {
        match &g.node(ix).record {
            Record::Entity(e) => e.part_of.iter().for_each(&mut add),
            Record::Claim(c) => {
                c.about.iter().for_each(&mut add);
                c.review.iter().for_each(|r| add(&r.by));
            }
        }
    }
    for d in g.documents() {
        d.publisher.iter().for_each(&mut add);
    }
    set
}
