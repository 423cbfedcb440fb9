//! `diff`: what changed between two versions of a graph, as a fact-checker reads a change —
//! claims added and removed, texts reworded, `asserts`/`denies`/`cites` edges added and
//! removed, verdicts changed, and claims whose grounds or `rests_only_on(TAG)` status
//! changed (docs/format.md §2). [`diff`] compares two loaded graphs; [`to_markdown`] renders
//! the result.

use crate::graph::ClaimGraph;
use crate::markdown as md;
use crate::model::{Edge, Id, Rel, Verdict};
use crate::query::grounds_ids;
use crate::support::Support;
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;

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

/// Every change between two graphs that a fact-checker reviews. Lists are sorted by id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct GraphDiff {
    /// The tag of the `rests_only_on` comparison.
    pub tag: String,
    pub claims_added: Vec<ClaimRef>,
    pub claims_removed: Vec<ClaimRef>,
    pub text_changed: Vec<TextChange>,
    pub edges_added: Vec<EdgeKey>,
    pub edges_removed: Vec<EdgeKey>,
    pub verdict_changed: Vec<VerdictChange>,
    pub grounds_changed: Vec<GroundsChange>,
    pub rests_only_on_changed: Vec<RestsChange>,
}

impl GraphDiff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.claims_added.is_empty()
            && self.claims_removed.is_empty()
            && self.text_changed.is_empty()
            && self.edges_added.is_empty()
            && self.edges_removed.is_empty()
            && self.verdict_changed.is_empty()
            && self.grounds_changed.is_empty()
            && self.rests_only_on_changed.is_empty()
    }
}

fn claim_ref(g: &ClaimGraph, s: &Support, rests: &[bool], id: &str) -> ClaimRef {
    let ix = g.node_by_id(id).expect("a claim");
    let c = g.claim(ix).expect("a claim");
    ClaimRef {
        id: c.id.clone(),
        text: c.text.clone(),
        grounds: grounds_ids(g, s, ix).into_iter().cloned().collect(),
        rests_only_on: rests[ix.index()],
        verdict: c.verdict(),
    }
}

fn claim_ids(g: &ClaimGraph) -> BTreeSet<&str> {
    g.claims().map(|ix| g.id(ix).as_str()).collect()
}

fn edge_keys(g: &ClaimGraph) -> BTreeSet<EdgeKey> {
    g.edge_records()
        .into_iter()
        .map(|Edge { from, rel, to, .. }| EdgeKey { from, rel, to })
        .collect()
}

/// Compares `old` with `new`; `tag` is the tag of the `rests_only_on` comparison.
pub fn diff(old: &ClaimGraph, new: &ClaimGraph, tag: &str) -> GraphDiff {
    let (a, b) = (claim_ids(old), claim_ids(new));
    let (sa, sb) = (Support::new(old), Support::new(new));
    let (ra, rb) = (sa.rests_only_on(old, tag), sb.rests_only_on(new, tag));
    let mut d = GraphDiff {
        tag: tag.to_string(),
        claims_added: b
            .difference(&a)
            .map(|id| claim_ref(new, &sb, &rb, id))
            .collect(),
        claims_removed: a
            .difference(&b)
            .map(|id| claim_ref(old, &sa, &ra, id))
            .collect(),
        ..GraphDiff::default()
    };
    let (ea, eb) = (edge_keys(old), edge_keys(new));
    d.edges_added = eb.difference(&ea).cloned().collect();
    d.edges_removed = ea.difference(&eb).cloned().collect();
    for id in a.intersection(&b) {
        let (x, y) = (
            old.node_by_id(id).expect("claim"),
            new.node_by_id(id).expect("claim"),
        );
        let (cx, cy) = (old.claim(x).expect("claim"), new.claim(y).expect("claim"));
        let id = cx.id.clone();
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

fn verdict_text(v: Option<Verdict>) -> &'static str {
    v.map_or("unreviewed", |v| v.as_str())
}

/// The diff as Markdown: one section per kind of change, only the non-empty ones. Texts from
/// the graph go through [`md::text`].
pub fn to_markdown(d: &GraphDiff) -> String {
    let mut md = String::new();
    if d.is_empty() {
        md.push_str("No changes to claims, edges, verdicts or grounds.\n");
        return md;
    }
    let mut section = |title: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            let _ = writeln!(md, "## {title} ({})\n", lines.len());
            for l in lines {
                let _ = writeln!(md, "- {l}");
            }
            md.push('\n');
        }
    };
    let tag = d.tag.clone();
    let ids = |l: &[Id]| {
        l.iter()
            .map(|i| format!("`{i}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let claim = |c: &ClaimRef| {
        let grounds = if c.grounds.is_empty() {
            "none (ungrounded)".to_string()
        } else {
            ids(&c.grounds)
        };
        let only = if c.rests_only_on {
            format!("; rests only on {tag}")
        } else {
            String::new()
        };
        format!(
            "`{}`: {}\n  (grounds: {grounds}{only}; verdict: {})",
            c.id,
            md::text(&c.text),
            verdict_text(c.verdict)
        )
    };
    let edge = |e: &EdgeKey| format!("`{}` {} `{}`", e.from, e.rel, e.to);
    section("Claims added", d.claims_added.iter().map(claim).collect());
    section(
        "Claims removed",
        d.claims_removed.iter().map(claim).collect(),
    );
    section(
        "Text changed",
        d.text_changed
            .iter()
            .map(|t| {
                let (old, new) = (md::text(&t.old), md::text(&t.new));
                format!("`{}`:\n  - old: {old}\n  - new: {new}", t.id)
            })
            .collect(),
    );
    section("Edges added", d.edges_added.iter().map(edge).collect());
    section("Edges removed", d.edges_removed.iter().map(edge).collect());
    section(
        "Verdicts changed",
        d.verdict_changed
            .iter()
            .map(|v| {
                format!(
                    "`{}`: {} → {}",
                    v.id,
                    verdict_text(v.old),
                    verdict_text(v.new)
                )
            })
            .collect(),
    );
    section(
        "Grounds changed",
        d.grounds_changed
            .iter()
            .map(|g| {
                let mut parts = Vec::new();
                if !g.added.is_empty() {
                    parts.push(format!("+ {}", ids(&g.added)));
                }
                if !g.removed.is_empty() {
                    parts.push(format!("− {}", ids(&g.removed)));
                }
                format!("`{}`: {}", g.id, parts.join("; "))
            })
            .collect(),
    );
    section(
        &format!("Rests only on {tag}: changed"),
        d.rests_only_on_changed
            .iter()
            .map(|r| {
                let word = if r.new {
                    "now rests only on"
                } else {
                    "no longer rests only on"
                };
                format!("`{}` {word} {tag}", r.id)
            })
            .collect(),
    );
    md
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
}
