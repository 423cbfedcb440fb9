//! Appearances (docs/format.md §1, one relation in many documents): each edge of the graph as a
//! person reads it — who, the relation, what, and where and when it was said, in which
//! words. Support reads a relation once however many documents state it; the views that
//! show sourcing (`show`, `why`, `report`, the dossier) list every appearance with these.

use crate::graph::{ClaimGraph, GraphEdge, NodeIx};
use crate::model::{Date, Id, Rel};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;

/// One edge: the relation and the details of the document it was found in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Appearance<'g> {
    pub from: &'g Id,
    pub rel: Rel,
    pub to: &'g Id,
    /// The document it was found in.
    #[serde(rename = "in", skip_serializing_if = "Option::is_none")]
    pub in_doc: Option<&'g Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'g str>,
}

impl<'g> Appearance<'g> {
    /// The appearance of edge `e` of `g`.
    pub fn of(g: &'g ClaimGraph, e: GraphEdge<'g>) -> Appearance<'g> {
        let w = e.weight();
        let extra = w.extra.as_deref();
        Appearance {
            from: g.id(e.source()),
            rel: w.rel,
            to: g.id(e.target()),
            in_doc: g.edge_doc_id(&e),
            quote: extra.and_then(|x| x.quote.as_deref()),
            date: extra.and_then(|x| x.date),
            note: extra.and_then(|x| x.note.as_deref()),
        }
    }

    /// Whether it carries anything beyond the relation: a document, quote, date or note.
    pub fn has_details(&self) -> bool {
        self.in_doc.is_some() || self.quote.is_some() || self.date.is_some() || self.note.is_some()
    }

    /// The order appearances are listed in: by relation, ends, then document.
    fn key(&self) -> (&Id, Rel, &Id, Option<&Id>) {
        (self.from, self.rel, self.to, self.in_doc)
    }
}

fn sorted(mut list: Vec<Appearance<'_>>) -> Vec<Appearance<'_>> {
    list.sort_by(|a, b| a.key().cmp(&b.key()));
    list
}

/// Every appearance of the relation `from -rel-> to`, ordered by document.
pub fn of_relation(g: &ClaimGraph, from: NodeIx, rel: Rel, to: NodeIx) -> Vec<Appearance<'_>> {
    g.appearances(from, rel, to)
        .into_iter()
        .map(|e| Appearance::of(g, e))
        .collect()
}

/// Every edge into or out of node `ix`, ordered by `from`, `rel`, `to`, `in`.
pub fn at_node(g: &ClaimGraph, ix: NodeIx) -> Vec<Appearance<'_>> {
    let pg = g.petgraph();
    let list = pg
        .edges_directed(ix, Direction::Incoming)
        .chain(pg.edges_directed(ix, Direction::Outgoing))
        .map(|e| Appearance::of(g, e))
        .collect();
    sorted(list)
}

/// Every edge found in document `d` (index into the documents), ordered by `from`, `rel`,
/// `to`.
pub fn in_document(g: &ClaimGraph, d: u32) -> Vec<Appearance<'_>> {
    sorted(
        g.edges_in_document(d)
            .map(|e| Appearance::of(g, e))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{from_sources, Source};

    fn fixture() -> ClaimGraph {
        let text = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/appearances.json"
        ))
        .unwrap();
        from_sources(&[Source {
            name: "appearances.json".into(),
            bytes: text,
        }])
        .unwrap()
    }

    #[test]
    fn a_relation_lists_each_document_it_appears_in_with_its_words() {
        let g = fixture();
        let (shells, agency) = (
            g.node_by_id("shells").unwrap(),
            g.node_by_id("agency").unwrap(),
        );
        let list = of_relation(&g, shells, Rel::Cites, agency);
        let docs: Vec<(&str, Option<&str>)> = list
            .iter()
            .map(|a| (a.in_doc.unwrap().as_str(), a.quote))
            .collect();
        assert_eq!(
            docs,
            [
                ("blog-3", None),
                ("paper-2", Some("according to the agency")),
                ("wire-1", Some("the agency said"))
            ]
        );
    }

    #[test]
    fn a_node_and_a_document_list_their_edges_in_order() {
        let g = fixture();
        let at = at_node(&g, g.node_by_id("shells").unwrap());
        assert_eq!(at.len(), 7);
        assert_eq!((at[0].from.as_str(), at[0].rel), ("paper", Rel::Asserts));
        let paper = in_document(&g, g.document_index("paper-2").unwrap());
        let lines: Vec<String> = paper
            .iter()
            .map(|a| format!("{} {} {}", a.from, a.rel, a.to))
            .collect();
        assert_eq!(
            lines,
            [
                "paper asserts shells",
                "paper asserts talks",
                "paper cites wire",
                "shells cites agency",
                "south denies shells"
            ]
        );
        assert!(paper.iter().all(|a| a.has_details()));
    }
}
