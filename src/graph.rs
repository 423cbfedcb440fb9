//! `ClaimGraph`: the merged, validated graph — a petgraph `StableGraph` of entities and
//! claims joined by `asserts`/`denies`/`cites` edges, the documents beside it, and one id
//! index over all three.
//!
//! The graph is built by the loader and only holds valid data: every edge runs in a legal
//! direction, every reference resolves. It answers local questions (who asserts this claim,
//! what does it cite); whole-graph semantics live in [`crate::support`].

use crate::model::{Claim, Date, Document, Edge, Entity, GraphFile, Id, Rel};
use petgraph::stable_graph::{NodeIndex, StableGraph};

/// An edge of the graph with its ends and data.
pub type GraphEdge<'g> = petgraph::stable_graph::EdgeReference<'g, EdgeData, u32>;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use petgraph::Direction;
use rustc_hash::FxHashMap;

/// Index of an entity or claim node.
pub type NodeIx = NodeIndex<u32>;

/// A claim node with its record: made only by [`ClaimGraph::as_claim`] and
/// [`ClaimGraph::claim_refs`], so a function that takes one cannot be handed an entity.
#[derive(Debug, Clone, Copy)]
pub struct ClaimRef<'g> {
    pub ix: NodeIx,
    pub claim: &'g Claim,
}

/// An entity node with its record: made only by [`ClaimGraph::as_entity`] and
/// [`ClaimGraph::entity_refs`].
#[derive(Debug, Clone, Copy)]
pub struct EntityRef<'g> {
    pub ix: NodeIx,
    pub entity: &'g Entity,
}

/// An entity or a claim: the two kinds of node in the graph.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Entity(Entity),
    Claim(Claim),
}

impl Record {
    /// The record's id.
    pub fn id(&self) -> &Id {
        match self {
            Record::Entity(e) => &e.id,
            Record::Claim(c) => &c.id,
        }
    }
}

/// Where a record or edge came from: the file (index into [`ClaimGraph::files`]) and its
/// position in that file's array.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Origin {
    pub file: u32,
    pub pos: u32,
}

/// A node: the record and where it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeData {
    pub record: Record,
    pub origin: Origin,
}

/// The rarely present fields of an edge, boxed so that plain edges stay small.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EdgeExtra {
    pub date: Option<Date>,
    pub quote: Option<String>,
    pub note: Option<String>,
}

/// An edge's relation and details.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeData {
    pub rel: Rel,
    /// Whether another edge states the same relation (`from`, `rel`, `to`) in another
    /// document (docs/format.md §1, one relation, many appearances): of the edges of one relation,
    /// all but one are repeats, and whatever reads relations rather than appearances
    /// (support, the lists of asserters and citations) skips them.
    pub repeat: bool,
    /// The document the edge was found in (index into the documents).
    pub in_doc: Option<u32>,
    pub extra: Option<Box<EdgeExtra>>,
    pub origin: Origin,
}

/// A document and where it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct DocData {
    pub doc: Document,
    pub origin: Origin,
}

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Node(NodeIx),
    Doc(u32),
}

/// A key of the id index. Most ids are short and stored inline, so that a lookup touches
/// the table's memory only, not a separate allocation (lookups dominate loading).
#[derive(Debug, Clone)]
pub(crate) enum IdKey {
    Inline(u8, [u8; 22]),
    Heap(Box<[u8]>),
}

impl IdKey {
    pub(crate) fn new(id: &str) -> IdKey {
        let b = id.as_bytes();
        if b.len() <= 22 {
            let mut buf = [0u8; 22];
            buf[..b.len()].copy_from_slice(b);
            IdKey::Inline(b.len() as u8, buf)
        } else {
            IdKey::Heap(b.into())
        }
    }

    fn as_bytes(&self) -> &[u8] {
        match self {
            IdKey::Inline(n, buf) => &buf[..*n as usize],
            IdKey::Heap(b) => b,
        }
    }

    /// The id (keys are made from `&str`, so they are UTF-8).
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }
}

impl PartialEq for IdKey {
    fn eq(&self, other: &IdKey) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for IdKey {}

impl std::hash::Hash for IdKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_bytes().hash(state)
    }
}

impl std::borrow::Borrow<[u8]> for IdKey {
    fn borrow(&self) -> &[u8] {
        self.as_bytes()
    }
}

/// The first eight bytes of `id` as a number that orders like the ids do (ids hold no NUL,
/// so the zero padding of a shorter id sorts first, as it should).
pub(crate) fn id_prefix(id: &str) -> u64 {
    let mut prefix = [0u8; 8];
    let n = id.len().min(8);
    prefix[..n].copy_from_slice(&id.as_bytes()[..n]);
    u64::from_be_bytes(prefix)
}

/// The id index: what each id names.
pub(crate) type Index = FxHashMap<IdKey, Slot>;

/// What `id` names in `index`.
pub(crate) fn lookup_in(index: &Index, id: &str) -> Option<Slot> {
    index.get(id.as_bytes()).copied()
}

/// The petgraph structure under a [`ClaimGraph`]: nodes carry no weight (their records sit
/// beside it, see [`ClaimGraph::node`]), edges carry their [`EdgeData`].
pub type Structure = StableGraph<(), EdgeData, petgraph::Directed, u32>;

/// Marks a node without a `part_of` parent in [`ClaimGraph::parents`].
pub(crate) const NO_PARENT: u32 = u32::MAX;

/// The whole graph.
#[derive(Debug, Clone, Default)]
pub struct ClaimGraph {
    /// Only the structure: with the records kept out of it, the node array is a few bytes
    /// per node, and walking or linking edges stays within cache.
    pub(crate) g: Structure,
    /// Per node index: the node's record and where it was read.
    pub(crate) records: Vec<NodeData>,
    pub(crate) docs: Vec<DocData>,
    pub(crate) index: Index,
    pub(crate) files: Vec<String>,
    /// Per node index: whether the node is a claim. Kept beside the graph because edge
    /// checks and support ask it millions of times, and a node's record is far away in memory.
    pub(crate) claim_flags: Vec<bool>,
    /// Per node index: the first eight bytes of the node's id (see [`id_prefix`]), so that
    /// sorting by id rarely follows a record to its id.
    pub(crate) id_prefixes: Vec<u64>,
    /// Per node index: the node index of the entity's `part_of` parent, or [`NO_PARENT`].
    pub(crate) parents: Vec<u32>,
}

impl ClaimGraph {
    /// The underlying petgraph graph (for algorithms and exports).
    pub fn petgraph(&self) -> &Structure {
        &self.g
    }

    /// The files the graph was read from, in read order.
    pub fn files(&self) -> &[String] {
        &self.files
    }

    /// What `id` names, if anything.
    pub fn lookup(&self, id: &str) -> Option<Slot> {
        lookup_in(&self.index, id)
    }

    /// The node named `id`, if it is an entity or a claim.
    pub fn node_by_id(&self, id: &str) -> Option<NodeIx> {
        match self.lookup(id)? {
            Slot::Node(ix) => Some(ix),
            Slot::Doc(_) => None,
        }
    }

    /// The node's data.
    pub fn node(&self, ix: NodeIx) -> &NodeData {
        &self.records[ix.index()]
    }

    /// The id of a node.
    pub fn id(&self, ix: NodeIx) -> &Id {
        self.node(ix).record.id()
    }

    /// The entity at `ix`, if the node is one.
    pub fn entity(&self, ix: NodeIx) -> Option<&Entity> {
        match &self.node(ix).record {
            Record::Entity(e) => Some(e),
            Record::Claim(_) => None,
        }
    }

    /// The entity that `ix` is `part_of`, if it has one.
    pub fn parent(&self, ix: NodeIx) -> Option<NodeIx> {
        match self.parents.get(ix.index()) {
            Some(&p) if p != NO_PARENT => Some(NodeIx::new(p as usize)),
            _ => None,
        }
    }

    /// The claim at `ix`, if the node is one.
    pub fn claim(&self, ix: NodeIx) -> Option<&Claim> {
        match &self.node(ix).record {
            Record::Claim(c) => Some(c),
            Record::Entity(_) => None,
        }
    }

    /// Whether the node is a claim.
    pub fn is_claim(&self, ix: NodeIx) -> bool {
        self.claim_flags.get(ix.index()).copied().unwrap_or(false)
    }

    /// Largest node index + 1: the length of per-node arrays.
    pub fn node_bound(&self) -> usize {
        petgraph::visit::NodeIndexable::node_bound(&self.g)
    }

    /// Every node, in insertion order.
    pub fn nodes(&self) -> impl Iterator<Item = NodeIx> + '_ {
        self.g.node_indices()
    }

    /// The claim at `ix` with its index, if the node is one.
    pub fn as_claim(&self, ix: NodeIx) -> Option<ClaimRef<'_>> {
        self.claim(ix).map(|claim| ClaimRef { ix, claim })
    }

    /// The entity at `ix` with its index, if the node is one.
    pub fn as_entity(&self, ix: NodeIx) -> Option<EntityRef<'_>> {
        self.entity(ix).map(|entity| EntityRef { ix, entity })
    }

    /// Every claim with its record, in insertion order.
    pub fn claim_refs(&self) -> impl Iterator<Item = ClaimRef<'_>> + '_ {
        self.g.node_indices().filter_map(|ix| self.as_claim(ix))
    }

    /// Every entity with its record, in insertion order.
    pub fn entity_refs(&self) -> impl Iterator<Item = EntityRef<'_>> + '_ {
        self.g.node_indices().filter_map(|ix| self.as_entity(ix))
    }

    /// Every claim node, in insertion order.
    pub fn claims(&self) -> impl Iterator<Item = NodeIx> + '_ {
        self.g.node_indices().filter(|&ix| self.is_claim(ix))
    }

    /// Every entity node, in insertion order.
    pub fn entities(&self) -> impl Iterator<Item = NodeIx> + '_ {
        self.g.node_indices().filter(|&ix| !self.is_claim(ix))
    }

    /// `nodes` sorted by id.
    pub fn sorted_by_id(&self, nodes: Vec<NodeIx>) -> Vec<NodeIx> {
        // By the ids' first eight bytes, kept per node; only ids that share them are
        // compared whole.
        let mut keyed: Vec<(u64, NodeIx)> = nodes
            .into_iter()
            .map(|ix| (self.id_prefixes[ix.index()], ix))
            .collect();
        keyed.sort_unstable_by_key(|&(prefix, _)| prefix);
        for same in keyed.chunk_by_mut(|a, b| a.0 == b.0) {
            if same.len() > 1 {
                same.sort_unstable_by(|a, b| self.id(a.1).cmp(self.id(b.1)));
            }
        }
        keyed.into_iter().map(|(_, ix)| ix).collect()
    }

    /// The documents, in read order.
    pub fn documents(&self) -> impl Iterator<Item = &Document> + '_ {
        self.docs.iter().map(|d| &d.doc)
    }

    /// The document at index `i`.
    pub fn document(&self, i: u32) -> &DocData {
        &self.docs[i as usize]
    }

    /// Number of edges of each relation, every appearance counted: `[asserts, denies,
    /// cites]`.
    pub fn edge_counts(&self) -> [usize; 3] {
        let mut counts = [0; 3];
        for e in self.g.edge_weights() {
            counts[rel_slot(e.rel)] += 1;
        }
        counts
    }

    /// Number of relations `(from, rel, to)` of each kind, a relation stated in several
    /// documents counted once: `[asserts, denies, cites]`.
    pub fn relation_counts(&self) -> [usize; 3] {
        let mut counts = [0; 3];
        for e in self.g.edge_weights().filter(|e| !e.repeat) {
            counts[rel_slot(e.rel)] += 1;
        }
        counts
    }

    /// One edge per relation `(from, rel, to)`: the edges that are not repeats.
    pub fn relations(&self) -> impl Iterator<Item = GraphEdge<'_>> + '_ {
        self.g.edge_references().filter(|e| !e.weight().repeat)
    }

    /// Nodes that `ix` points to with `rel` (what it asserts, denies or cites), each once.
    pub fn targets(&self, ix: NodeIx, rel: Rel) -> impl Iterator<Item = NodeIx> + '_ {
        self.g
            .edges_directed(ix, Direction::Outgoing)
            .filter(move |e| e.weight().rel == rel && !e.weight().repeat)
            .map(|e| e.target())
    }

    /// Nodes that point to `ix` with `rel` (its asserters, deniers or citers), each once.
    pub fn sources(&self, ix: NodeIx, rel: Rel) -> impl Iterator<Item = NodeIx> + '_ {
        self.g
            .edges_directed(ix, Direction::Incoming)
            .filter(move |e| e.weight().rel == rel && !e.weight().repeat)
            .map(|e| e.source())
    }

    /// Every appearance of the relation `from -rel-> to`: its edges, one per document,
    /// ordered by document id (the edge without a document first).
    pub fn appearances(&self, from: NodeIx, rel: Rel, to: NodeIx) -> Vec<GraphEdge<'_>> {
        let mut list: Vec<GraphEdge<'_>> = self
            .g
            .edges_connecting(from, to)
            .filter(|e| e.weight().rel == rel)
            .collect();
        list.sort_by(|a, b| self.edge_doc_id(a).cmp(&self.edge_doc_id(b)));
        list
    }

    /// The edge `from -rel-> to` found in document `in_doc` (`None`: the edge without a
    /// document), if the graph has it: the identity of an edge (docs/format.md §1).
    pub fn find_edge(
        &self,
        from: NodeIx,
        rel: Rel,
        to: NodeIx,
        in_doc: Option<u32>,
    ) -> Option<GraphEdge<'_>> {
        self.g
            .edges_connecting(from, to)
            .find(|e| e.weight().rel == rel && e.weight().in_doc == in_doc)
    }

    /// The id of the document an edge was found in.
    pub fn edge_doc_id(&self, e: &GraphEdge<'_>) -> Option<&Id> {
        e.weight().in_doc.map(|d| &self.docs[d as usize].doc.id)
    }

    /// Every edge found in document `d` (index into the documents), in graph order.
    pub fn edges_in_document(&self, d: u32) -> impl Iterator<Item = GraphEdge<'_>> + '_ {
        self.g
            .edge_references()
            .filter(move |e| e.weight().in_doc == Some(d))
    }

    /// The index of the document with id `id`.
    pub fn document_index(&self, id: &str) -> Option<u32> {
        match self.lookup(id)? {
            Slot::Doc(d) => Some(d),
            Slot::Node(_) => None,
        }
    }

    /// Sorted ids of `targets(ix, rel)`.
    pub fn target_ids(&self, ix: NodeIx, rel: Rel) -> Vec<&Id> {
        self.sorted_ids(self.targets(ix, rel))
    }

    /// Sorted ids of `sources(ix, rel)`.
    pub fn source_ids(&self, ix: NodeIx, rel: Rel) -> Vec<&Id> {
        self.sorted_ids(self.sources(ix, rel))
    }

    /// Ids of `nodes`, sorted.
    pub fn sorted_ids(&self, nodes: impl Iterator<Item = NodeIx>) -> Vec<&Id> {
        let mut ids: Vec<&Id> = nodes.map(|ix| self.id(ix)).collect();
        ids.sort_unstable();
        ids
    }

    /// The edge `from -rel-> to` as a file record.
    pub fn edge_record(&self, e: petgraph::stable_graph::EdgeReference<'_, EdgeData>) -> Edge {
        let w = e.weight();
        let extra = w.extra.as_deref().cloned().unwrap_or_default();
        Edge {
            from: self.id(e.source()).clone(),
            rel: w.rel,
            to: self.id(e.target()).clone(),
            date: extra.date,
            quote: extra.quote,
            in_doc: w.in_doc.map(|d| self.docs[d as usize].doc.id.clone()),
            note: extra.note,
        }
    }

    /// The edge as [`Self::edge_record`] gives it, borrowed from the graph.
    pub fn edge_view(
        &self,
        e: petgraph::stable_graph::EdgeReference<'_, EdgeData>,
    ) -> crate::model::EdgeView<'_> {
        let w = &self.g[e.id()];
        let extra = w.extra.as_deref();
        crate::model::EdgeView {
            from: self.id(e.source()),
            rel: w.rel,
            to: self.id(e.target()),
            date: extra.and_then(|x| x.date.as_ref()),
            quote: extra.and_then(|x| x.quote.as_ref()),
            in_doc: w.in_doc.map(|d| &self.docs[d as usize].doc.id),
            note: extra.and_then(|x| x.note.as_ref()),
        }
    }

    /// Every edge as a file record, sorted by (from, rel, to, in).
    pub fn edge_records(&self) -> Vec<Edge> {
        let mut edges: Vec<Edge> = self
            .g
            .edge_references()
            .map(|e| self.edge_record(e))
            .collect();
        edges.sort_unstable_by(|a, b| a.key_cmp(b));
        edges
    }

    /// The whole graph as one canonical file: every array sorted by id, edges by (from, rel,
    /// to, in).
    pub fn to_graph_file(&self) -> GraphFile {
        let mut file = GraphFile {
            documents: self.documents().cloned().collect(),
            edges: self.edge_records(),
            ..GraphFile::default()
        };
        for ix in self.nodes() {
            match &self.node(ix).record {
                Record::Entity(e) => file.entities.push(e.clone()),
                Record::Claim(c) => file.claims.push(c.clone()),
            }
        }
        file.documents.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        file.entities.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        file.claims.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        file
    }

    /// Resolves a command-line reference: an id, or an entity's name or alias
    /// (case-insensitively). The error carries a did-you-mean where one is near.
    pub fn resolve(&self, text: &str) -> Result<Slot, UnknownRef> {
        if let Some(slot) = self.lookup(text) {
            return Ok(slot);
        }
        let wanted = text.trim().to_lowercase();
        if let Some(slot) = self.lookup(&wanted) {
            return Ok(slot);
        }
        let by_name = self.entity_refs().find(|r| {
            let e = r.entity;
            e.name.to_lowercase() == wanted || e.aliases.iter().any(|a| a.to_lowercase() == wanted)
        });
        if let Some(r) = by_name {
            return Ok(Slot::Node(r.ix));
        }
        Err(UnknownRef {
            text: text.to_string(),
            suggestion: self.suggest(text),
        })
    }

    /// The id, name or alias nearest to `text`, as an id.
    pub fn suggest(&self, text: &str) -> Option<String> {
        let names = self.entity_refs().flat_map(|r| {
            let e = r.entity;
            std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str))
        });
        // Ties between equally near candidates go to the smaller one (see
        // `suggest::did_you_mean`), in whatever order the files hold the records.
        let ids = (self.records.iter().map(|n| n.record.id().as_str()))
            .chain(self.docs.iter().map(|d| d.doc.id.as_str()));
        let best = crate::suggest::did_you_mean(text, ids.chain(names))?;
        match self.lookup(best) {
            Some(_) => Some(best.to_string()),
            None => self
                .resolve(best)
                .ok()
                .map(|slot| self.slot_id(slot).to_string()),
        }
    }

    /// The id of whatever `slot` names.
    pub fn slot_id(&self, slot: Slot) -> &Id {
        match slot {
            Slot::Node(ix) => self.id(ix),
            Slot::Doc(d) => &self.docs[d as usize].doc.id,
        }
    }
}

/// Position of `rel` in `[asserts, denies, cites]` arrays.
pub fn rel_slot(rel: Rel) -> usize {
    match rel {
        Rel::Asserts => 0,
        Rel::Denies => 1,
        Rel::Cites => 2,
    }
}

/// A command-line reference that names nothing in the graph.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown id {}{}", crate::text::quoted(text), suggestion.as_ref().map(|s| format!(" (did you mean {}?)", crate::text::quoted(s))).unwrap_or_default())]
pub struct UnknownRef {
    pub text: String,
    pub suggestion: Option<String>,
}
