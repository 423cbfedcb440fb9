//! `link`, quick (see [`super`]): a new edge between records that exist, in a direction
//! its relation allows, not from a record to itself, in a document that exists, and not
//! already there (the same `from`, `rel`, `to` and `in`) cannot make a valid graph invalid:
//! those are every rule of docs/format.md §1 about an edge, and the same relation in
//! another document is a further appearance, which is legal. An edge changes the support,
//! so the graph's snapshot is left as it is (stale: the next load rebuilds it).

use super::{chosen_file, fixed_target, insertion, Target};
use crate::edit::edges::check_ends;
use crate::edit::{resolve_in, EditError, Linked, NewEdge, Placed, Want};
use crate::graph::{ClaimGraph, EdgeData, NodeIx};
use crate::load;
use crate::model::{Edge, Id, Rel};
use crate::store::{Quick, Read};
use petgraph::stable_graph::{EdgeIndex, EdgeReference};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use petgraph::Direction;
use std::path::{Path, PathBuf};

/// `link` without parsing the files for editing, when the graph is valid, the edge is new
/// and the file it goes to has edges to place it among ([`Quick::Full`] otherwise: an edge
/// already there is answered, or refused, by the full path).
pub fn link(
    read: Read<'_>,
    new: &NewEdge,
    file: Option<&Path>,
) -> Result<Quick<Linked>, EditError> {
    let Ok(g) = load::from_sources(read.sources) else {
        return Ok(Quick::Full);
    };
    let from = resolve_in(&g, &new.from, Want::Node)?;
    let to = resolve_in(&g, &new.to, Want::Node)?;
    let in_doc = new
        .in_doc
        .as_deref()
        .map(|d| resolve_in(&g, d, Want::Document))
        .transpose()?;
    let (Some(fx), Some(tx)) = (g.node_by_id(from.as_str()), g.node_by_id(to.as_str())) else {
        return Ok(Quick::Full);
    };
    check_ends((&from, g.is_claim(fx)), new.rel, (&to, g.is_claim(tx)))?;
    let doc = in_doc.as_ref().map(|d| g.document_index(d.as_str()));
    if doc == Some(None) || g.find_edge(fx, new.rel, tx, doc.flatten()).is_some() {
        return Ok(Quick::Full);
    }
    let edge = Edge {
        from,
        rel: new.rel,
        to,
        date: new.date,
        quote: new.quote.clone(),
        in_doc,
        note: new.note.clone(),
    };
    let held = edges_per_file(&g, read.sources.len());
    let Target::Existing(f) = place(&g, &held, read, (fx, tx, doc.flatten()), file)? else {
        // A new file: the full path writes it.
        return Ok(Quick::Full);
    };
    let in_file = edges_of_file(&g, f);
    let new_key = (&edge.from, edge.rel, &edge.to, edge.in_doc.as_ref());
    let k = sorted_place(&g, &in_file, new_key);
    let Some((at, bytes)) = insertion(read, (f, "edges"), (in_file.len(), k), &edge) else {
        return Ok(Quick::Full);
    };
    Ok(Quick::Insert {
        value: Linked::Added(Placed {
            id: edge.from,
            path: PathBuf::from(&read.sources[f].name),
        }),
        file: f,
        at,
        bytes,
        then: None,
    })
}

type GraphEdge<'g> = EdgeReference<'g, EdgeData>;

/// How many edges each file holds.
fn edges_per_file(g: &ClaimGraph, files: usize) -> Vec<usize> {
    let mut held = vec![0; files];
    for w in g.petgraph().edge_weights() {
        if let Some(n) = held.get_mut(w.origin.file as usize) {
            *n += 1;
        }
    }
    held
}

/// The edges of file `f`, in file order.
fn edges_of_file(g: &ClaimGraph, f: usize) -> Vec<EdgeIndex<u32>> {
    let mut list: Vec<(u32, EdgeIndex<u32>)> = g
        .petgraph()
        .edge_references()
        .filter(|e| e.weight().origin.file as usize == f)
        .map(|e| (e.weight().origin.pos, e.id()))
        .collect();
    list.sort_unstable_by_key(|&(pos, _)| pos);
    list.into_iter().map(|(_, e)| e).collect()
}

/// The canonical sort key of an edge (as [`Edge::key_cmp`]), borrowed.
type Key<'a> = (&'a Id, Rel, &'a Id, Option<&'a Id>);

/// The key of edge `e`.
fn key(g: &ClaimGraph, e: EdgeIndex<u32>) -> Key<'_> {
    let s = g.petgraph();
    let (from, to) = s.edge_endpoints(e).expect("an edge of the graph");
    let doc = s[e].in_doc.map(|d| &g.document(d).doc.id);
    (g.id(from), s[e].rel, g.id(to), doc)
}

/// Where a new edge with key `new` goes among `edges` (in file order): its sorted place when
/// they are sorted, else `None` (after the last). Keys are read as compared, not gathered.
fn sorted_place<'a>(g: &'a ClaimGraph, edges: &[EdgeIndex<u32>], new: Key<'a>) -> Option<usize> {
    let sorted = edges.windows(2).all(|w| key(g, w[0]) < key(g, w[1]));
    sorted.then(|| edges.partition_point(|&e| key(g, e) < new))
}

/// The file the new edge between `from` and `to` (in document `doc`) goes to, by the rule
/// of [`crate::edit::place`] for an edge touching its ends and its document.
fn place(
    g: &ClaimGraph,
    held: &[usize],
    read: Read<'_>,
    (from, to, doc): (NodeIx, NodeIx, Option<u32>),
    file: Option<&Path>,
) -> Result<Target, EditError> {
    if let Some(target) = fixed_target(read, file)? {
        return Ok(target);
    }
    let touched: Vec<&Id> = [g.id(from), g.id(to)]
        .into_iter()
        .chain(doc.map(|d| &g.document(d).doc.id))
        .collect();
    // Per touched id, the files whose edges mention it.
    let file_of = |e: GraphEdge<'_>| e.weight().origin.file as usize;
    let mut mentions: Vec<Vec<usize>> = [from, to]
        .into_iter()
        .map(|node| {
            let incident = [Direction::Outgoing, Direction::Incoming]
                .into_iter()
                .flat_map(|d| g.petgraph().edges_directed(node, d));
            incident.map(file_of).collect()
        })
        .collect();
    if let Some(d) = doc {
        mentions.push(g.edges_in_document(d).map(file_of).collect());
    }
    Ok(chosen_file(g, read, held, &touched, mentions))
}
