//! Merging: checked records -> one [`ClaimGraph`], collecting every error that needs the
//! whole graph (value errors are found earlier, in [`super::values`]).
//!
//! Records arrive in file order while files are parsed, so no file is ever held as a tree
//! of parsed values. Entities and claims are kept and registered in the id index at once;
//! documents stay with the parsing thread, which sends only their ids. An edge's ends are
//! looked up at once when both are already known, and the edge is deferred otherwise (it may
//! point forward, into a later file). [`Builder::finish`] takes the documents, resolves the
//! deferred edges, finds duplicate edges (the same `from`, `rel`, `to` and `in`: an error)
//! and the further appearances of a relation in other documents (legal, marked so that
//! support reads one arc), checks references (`part_of`, `about`, `found_in`, review `by`,
//! `publisher`) and `part_of` cycles, and words the errors found along the way.

use super::values::{EdgeItem, Errors, Item, Seen};
use crate::diag::Diagnostic;
use crate::graph::{
    lookup_in, ClaimGraph, DocData, EdgeData, EdgeExtra, Index, NodeData, NodeIx, Origin, Record,
    Slot, NO_PARENT,
};
use crate::model::{Id, Rel};
use crate::text::quoted;
use std::sync::Arc;

/// How many unknown-id errors get a did-you-mean (each one scans every id).
const MAX_SUGGESTIONS: usize = 20;

/// An edge that named something not (yet) known when it was read.
struct Deferred {
    f: u32,
    i: u32,
    from: Id,
    rel: Rel,
    to: Id,
    in_doc: Option<Id>,
    extra: Option<Box<EdgeExtra>>,
}

/// A record whose id was already taken: the record, its array, and what holds the id.
struct Duplicate {
    f: u32,
    pos: u32,
    array: &'static str,
    id: String,
    taken_by: Slot,
    /// The duplicate's own node, when it is one (it stays out of the index).
    node: Option<NodeIx>,
}

/// An edge going the wrong way: file, position, relation, ends.
type Misdirected = (u32, u32, Rel, NodeIx, NodeIx);

/// Builds a graph from checked records, file after file.
pub(super) struct Builder {
    g: ClaimGraph,
    pub(super) errs: Errors,
    suggestions: usize,
    /// The file being read.
    f: u32,
    docs: u32,
    duplicates: Vec<Duplicate>,
    misdirected: Vec<Misdirected>,
    deferred: Vec<Deferred>,
    /// `(from, to, rel and in)` of every edge added, packed (see [`EdgeKey`]), with its edge
    /// index: duplicates and repeated relations are found by sorting once at the end,
    /// cheaper than a hash set probed per edge.
    edge_keys: Vec<EdgeKey>,
    /// The document the previous edge was found in, and its id: edges of one article come
    /// together.
    last_doc: Option<u32>,
    last_doc_id: String,
    /// The id index while the parsing thread reads it too (`g.index` is empty then).
    shared: Option<Arc<Index>>,
}

impl Builder {
    /// An empty builder, with room for about `bytes` of input.
    pub(super) fn new(bytes: usize) -> Builder {
        let mut g = ClaimGraph::default();
        // About 200 bytes a node and 80 an edge in typical files: reserve, don't rehash.
        g.g.reserve_nodes(bytes / 250);
        g.g.reserve_edges(bytes / 120);
        // Records are large: over-reserve rather than copy them all when the vector grows
        // (untouched capacity costs address space, not memory).
        g.records.reserve(bytes / 120);
        g.index.reserve(bytes / 250);
        g.claim_flags.reserve(bytes / 250);
        g.id_prefixes.reserve(bytes / 250);
        Builder {
            g,
            errs: Errors::default(),
            suggestions: 0,
            f: 0,
            docs: 0,
            duplicates: Vec::new(),
            misdirected: Vec::new(),
            deferred: Vec::new(),
            edge_keys: Vec::with_capacity(bytes / 120),
            last_doc: None,
            last_doc_id: String::new(),
            shared: None,
        }
    }

    /// Starts the next file; its records follow through [`Builder::add`].
    pub(super) fn start_file(&mut self, name: &str) {
        self.f = self.g.files.len() as u32;
        self.g.files.push(name.to_string());
    }

    /// Forgets the errors found in the current file (it failed to parse: only that counts).
    pub(super) fn drop_file_errors(&mut self) {
        self.errs.drop_file(self.f);
    }

    /// Takes in a batch of checked records of the current file, in order.
    ///
    /// The ends of every edge are looked up first, in a loop that does nothing else: each
    /// look-up misses the cache (the index is larger than it), and look-ups that do not wait
    /// on one another are overlapped by the processor. Node ids are looked up there too, so
    /// that registering them finds the index's memory cached.
    pub(super) fn add_all(&mut self, items: &mut Vec<Item<'_>>) {
        for item in items.iter_mut() {
            match item {
                Item::Edge(_, e) if e.seen.is_none() => {
                    e.seen = Some(Seen {
                        from: self.lookup(&e.from),
                        to: self.lookup(&e.to),
                        doc: None,
                    });
                }
                Item::Edge(..) => {}
                Item::Node { record, .. } => {
                    std::hint::black_box(self.lookup(record.id().as_str()));
                }
                Item::Document { id, .. } => {
                    std::hint::black_box(self.lookup(id));
                }
            }
        }
        for item in items.drain(..) {
            self.add(item);
        }
    }

    /// The id index, to be read on another thread while edges are linked. It must be let go
    /// of before records that register ids are sent.
    pub(super) fn share_index(&mut self) -> Arc<Index> {
        let shared = self
            .shared
            .get_or_insert_with(|| Arc::new(std::mem::take(&mut self.g.index)));
        Arc::clone(shared)
    }

    /// Takes the index back into the graph before it is written to (or the graph is done).
    fn own_index(&mut self) {
        if let Some(shared) = self.shared.take() {
            // The parsing thread has let go; should it not have, a copy is still right.
            self.g.index = Arc::try_unwrap(shared).unwrap_or_else(|shared| Index::clone(&shared));
        }
    }

    /// The id index, shared or not.
    fn index(&self) -> &Index {
        self.shared.as_deref().unwrap_or(&self.g.index)
    }

    /// What `id` names.
    fn lookup(&self, id: &str) -> Option<Slot> {
        lookup_in(self.index(), id)
    }

    /// Takes in one checked document or node of the current file.
    fn add(&mut self, item: Item<'_>) {
        match item {
            Item::Document { pos, id } => {
                let slot = Slot::Doc(self.docs);
                self.docs += 1;
                self.register(pos, "documents", &id, slot, None);
            }
            Item::Node { pos, record } => {
                let claim = matches!(record, Record::Claim(_));
                self.g.claim_flags.push(claim);
                let id = record.id().as_str();
                self.g.id_prefixes.push(crate::graph::id_prefix(id));
                let ix = self.g.g.add_node(());
                let array = if claim { "claims" } else { "entities" };
                self.register(pos, array, id, Slot::Node(ix), Some(ix));
                let origin = Origin { file: self.f, pos };
                self.g.records.push(NodeData { record, origin });
            }
            Item::Edge(i, e) => self.edge(i, e),
        }
    }

    /// Resolves what was deferred, checks references and cycles, and returns the graph, the
    /// errors, and how many errors were only counted.
    pub(super) fn finish(
        mut self,
        values: Errors,
        docs: Vec<DocData>,
    ) -> (ClaimGraph, Vec<Diagnostic>, usize) {
        self.own_index();
        self.g.docs = docs;
        self.errs.more += values.more;
        for e in values.list {
            self.errs.push(e.file, e.path, e.code, e.message);
        }
        self.report_duplicates();
        self.report_misdirected();
        let t = crate::timing::phase("deferred");
        for d in std::mem::take(&mut self.deferred) {
            self.resolve_edge(d);
        }
        drop(t);
        // Finding duplicate edges touches only the keys; checking references only reads the
        // records and the index: the two run side by side.
        let t = crate::timing::phase("dedup+refs");
        let keys = std::mem::take(&mut self.edge_keys);
        let (bad, parents, same) = std::thread::scope(|scope| {
            let sorting = std::thread::Builder::new()
                .name("claimgraph-dedup".into())
                .spawn_scoped(scope, || same_relation(keys))
                .expect("the system can start a thread");
            let (bad, parents) = self.check_references();
            match sorting.join() {
                Ok(same) => (bad, parents, same),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        });
        for e in same.repeats {
            if let Some(w) = self.g.g.edge_weight_mut(edge_ix(e)) {
                w.repeat = true;
            }
        }
        self.report_duplicate_edges(same.duplicates);
        drop(t);
        for (f, path, id, want) in bad {
            self.expect(f, path, &id, want);
        }
        self.g.parents = parents;
        self.check_part_of_cycles();
        let files = &self.g.files;
        let diags = self
            .errs
            .list
            .into_iter()
            .map(|e| Diagnostic::error(&files[e.file as usize], Some(e.path), e.code, e.message))
            .collect();
        (self.g, diags, self.errs.more)
    }

    /// Registers `id` in the index, or keeps the duplicate for reporting.
    fn register(
        &mut self,
        pos: u32,
        array: &'static str,
        id: &str,
        slot: Slot,
        node: Option<NodeIx>,
    ) {
        self.own_index();
        match self.g.index.entry(crate::graph::IdKey::new(id)) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(slot);
            }
            std::collections::hash_map::Entry::Occupied(o) => {
                let taken_by = *o.get();
                self.duplicates.push(Duplicate {
                    f: self.f,
                    pos,
                    array,
                    id: id.to_string(),
                    taken_by,
                    node,
                });
            }
        }
    }

    /// Reports each duplicate id, naming both places.
    fn report_duplicates(&mut self) {
        for d in std::mem::take(&mut self.duplicates) {
            let (pf, ppath) = self.place_of(d.taken_by);
            let other = if pf == d.f {
                format!("at {ppath}")
            } else {
                format!("in {} at {ppath}", self.g.files[pf as usize])
            };
            let message = format!("duplicate id {}: already defined {other}", quoted(&d.id));
            let path = format!("{}[{}].id", d.array, d.pos);
            self.errs.push(d.f, path, "duplicate-id", message);
            // The second record is not part of the graph: its references are not checked.
            if let Some(ix) = d.node {
                let record = &mut self.g.records[ix.index()].record;
                *record = placeholder(record.id().clone());
            }
        }
    }

    /// Reports each edge that repeats another's `from`, `rel`, `to` and `in`, naming the
    /// place of the first in reading order. (The load fails: the graph is not used.)
    fn report_duplicate_edges(&mut self, runs: Vec<Vec<u32>>) {
        for run in runs {
            let mut run: Vec<_> = run
                .into_iter()
                .map(edge_ix)
                .filter_map(|e| Some((self.g.g.edge_weight(e)?.origin, e)))
                .collect();
            run.sort_unstable_by_key(|(o, _)| (o.file, o.pos));
            let Some(&(first, _)) = run.first() else {
                continue;
            };
            for &(o, dup) in &run[1..] {
                let d = &self.g.g[dup];
                let (from, to) = self.g.g.edge_endpoints(dup).expect("a live edge");
                let place = if first.file == o.file {
                    format!("at edges[{}]", first.pos)
                } else {
                    format!(
                        "in {} at edges[{}]",
                        self.g.files[first.file as usize], first.pos
                    )
                };
                let within = match d.in_doc {
                    Some(doc) => {
                        format!(" in {}", quoted(self.g.docs[doc as usize].doc.id.as_str()))
                    }
                    None => " with no document".to_string(),
                };
                let message = format!(
                    "duplicate edge {} {} {}{within}: already stated {place} (an edge is one relation in one document: remove one, or give each its own `in`)",
                    quoted(self.g.id(from).as_str()),
                    d.rel,
                    quoted(self.g.id(to).as_str()),
                );
                let path = format!("edges[{}]", o.pos);
                self.errs.push(o.file, path, "duplicate-edge", message);
            }
        }
    }

    /// Reports each edge that goes the wrong way, naming its ends.
    fn report_misdirected(&mut self) {
        for (f, i, rel, from, to) in std::mem::take(&mut self.misdirected) {
            let Some(rule) = direction_error(rel, self.g.is_claim(from), self.g.is_claim(to))
            else {
                continue;
            };
            let message = format!(
                "{rule}; here it goes from {} {} to {} {}",
                self.sort_of(from),
                quoted(self.g.id(from).as_str()),
                self.sort_of(to),
                quoted(self.g.id(to).as_str())
            );
            self.errs
                .push(f, format!("edges[{i}]"), "direction", message);
        }
    }

    /// File index and JSON path of an already inserted record.
    fn place_of(&self, slot: Slot) -> (u32, String) {
        let (array, origin) = match slot {
            Slot::Doc(d) => ("documents", self.g.docs[d as usize].origin),
            Slot::Node(ix) => {
                let node = self.g.node(ix);
                let array = match node.record {
                    Record::Entity(_) => "entities",
                    Record::Claim(_) => "claims",
                };
                (array, node.origin)
            }
        };
        (origin.file, format!("{array}[{}]", origin.pos))
    }

    /// What `id` names if it is of the wanted sort; otherwise why not (`None` when unknown).
    fn find(&self, id: &str, want: Want) -> Result<Slot, Option<&'static str>> {
        let g = &self.g;
        match self.lookup(id) {
            None => Err(None),
            Some(slot) => match (want, slot) {
                (Want::Entity, Slot::Node(ix)) if !g.is_claim(ix) => Ok(slot),
                (Want::Document, Slot::Doc(_)) | (Want::Node, Slot::Node(_)) => Ok(slot),
                (_, Slot::Doc(_)) => Err(Some("a document")),
                (_, Slot::Node(ix)) if g.is_claim(ix) => Err(Some("a claim")),
                _ => Err(Some("an entity")),
            },
        }
    }

    /// Reports `id` at `path` unless it names a record of the wanted sort.
    fn expect(&mut self, f: u32, path: String, id: &Id, want: Want) -> Option<Slot> {
        let what = match self.find(id.as_str(), want) {
            Ok(slot) => return Some(slot),
            Err(what) => what,
        };
        let message = match what {
            Some(what) => format!("{} is {what}; {}", quoted(id.as_str()), want.rule()),
            None => format!(
                "unknown id {}{}",
                quoted(id.as_str()),
                self.suggestion(id.as_str(), want)
            ),
        };
        self.errs.push(f, path, "unknown-id", message);
        None
    }

    fn suggestion(&mut self, id: &str, want: Want) -> String {
        if self.suggestions >= MAX_SUGGESTIONS {
            return String::new();
        }
        self.suggestions += 1;
        let g = &self.g;
        let candidates = self.index().iter().filter(|(_, slot)| match (want, slot) {
            (Want::Entity, Slot::Node(ix)) => !g.is_claim(*ix),
            (Want::Document, Slot::Doc(_)) => true,
            (Want::Node, Slot::Node(_)) => true,
            _ => false,
        });
        crate::suggest::did_you_mean_suffix(id, candidates.map(|(k, _)| k.as_str()))
    }

    /// Checks `part_of`, `about`, `found_in`, review `by` and `publisher` references, and
    /// keeps each entity's resolved `part_of` parent.
    fn check_references(&self) -> (Vec<BadRef>, Vec<u32>) {
        let mut bad: Vec<BadRef> = Vec::new();
        let mut parents = vec![NO_PARENT; self.g.records.len()];
        for (v, NodeData { record, origin }) in self.g.records.iter().enumerate() {
            let (f, i) = (origin.file, origin.pos);
            let mut check = |id: &Id, want: Want, path: &dyn Fn() -> String| match self
                .find(id.as_str(), want)
            {
                Ok(slot) => Some(slot),
                Err(_) => {
                    bad.push((f, path(), id.clone(), want));
                    None
                }
            };
            match record {
                Record::Entity(e) => {
                    if let Some(p) = &e.part_of {
                        let path = || format!("entities[{i}].part_of");
                        if let Some(Slot::Node(p)) = check(p, Want::Entity, &path) {
                            parents[v] = p.index() as u32;
                        }
                    }
                }
                Record::Claim(c) => {
                    for (k, a) in c.about.iter().enumerate() {
                        check(a, Want::Entity, &|| format!("claims[{i}].about[{k}]"));
                    }
                    for (k, d) in c.found_in.iter().enumerate() {
                        check(d, Want::Document, &|| format!("claims[{i}].found_in[{k}]"));
                    }
                    if let Some(r) = &c.review {
                        check(&r.by, Want::Entity, &|| format!("claims[{i}].review.by"));
                    }
                }
            }
        }
        for DocData { doc, origin } in &self.g.docs {
            if let Some(p) = &doc.publisher {
                if self.find(p.as_str(), Want::Entity).is_err() {
                    let path = format!("documents[{}].publisher", origin.pos);
                    bad.push((origin.file, path, p.clone(), Want::Entity));
                }
            }
        }
        (bad, parents)
    }

    /// The document index named `id` by an edge's `in`, from the one-entry cache when the
    /// previous edge named the same document.
    fn edge_doc(&mut self, id: &str) -> Option<u32> {
        if let Some(d) = self.last_doc {
            if self.last_doc_id == id {
                return Some(d);
            }
        }
        match self.lookup(id) {
            Some(Slot::Doc(d)) => {
                self.last_doc = Some(d);
                self.last_doc_id.clear();
                self.last_doc_id.push_str(id);
                Some(d)
            }
            _ => None,
        }
    }

    /// Takes in an edge: resolved at once when its ends are known, deferred otherwise.
    fn edge(&mut self, i: u32, e: EdgeItem<'_>) {
        // An end not found by the early look-up may have been registered since.
        let node = |slot: Option<Slot>, id: &str| match slot {
            Some(Slot::Node(ix)) => Ok(Slot::Node(ix)),
            _ => self.find(id, Want::Node),
        };
        let seen = e.seen.unwrap_or_default();
        let from = node(seen.from, &e.from);
        let to = node(seen.to, &e.to);
        let doc = match seen.doc {
            Some(Slot::Doc(d)) => Some(Some(d)),
            _ => e.in_doc.as_deref().map(|id| self.edge_doc(id)),
        };
        if let (Ok(Slot::Node(from)), Ok(Slot::Node(to)), None | Some(Some(_))) = (from, to, doc) {
            self.push_edge(self.f, i, from, to, e.rel, doc.flatten(), e.extra);
            return;
        }
        // Rare: a forward reference or an error. Only now are the ids copied.
        let id = |s: std::borrow::Cow<'_, str>| Id::new(s.into_owned()).ok();
        let (Some(from), Some(to)) = (id(e.from), id(e.to)) else {
            return;
        };
        self.deferred.push(Deferred {
            f: self.f,
            i,
            from,
            rel: e.rel,
            to,
            in_doc: e.in_doc.and_then(id),
            extra: e.extra,
        });
    }

    /// Inserts a deferred edge now that every file has been read: unresolved names are errors.
    fn resolve_edge(&mut self, d: Deferred) {
        let p = |field: &str| format!("edges[{}]{field}", d.i);
        let from = self.expect(d.f, p(".from"), &d.from, Want::Node);
        let to = self.expect(d.f, p(".to"), &d.to, Want::Node);
        let doc = match &d.in_doc {
            Some(id) => match self.expect(d.f, p(".in"), id, Want::Document) {
                Some(Slot::Doc(doc)) => Some(Some(doc)),
                _ => None,
            },
            None => Some(None),
        };
        if let (Some(Slot::Node(from)), Some(Slot::Node(to)), Some(doc)) = (from, to, doc) {
            self.push_edge(d.f, d.i, from, to, d.rel, doc, d.extra);
        }
    }

    /// Links a resolved edge into the graph, unless its direction is illegal.
    #[allow(clippy::too_many_arguments)]
    fn push_edge(
        &mut self,
        f: u32,
        i: u32,
        from: NodeIx,
        to: NodeIx,
        rel: Rel,
        in_doc: Option<u32>,
        extra: Option<Box<EdgeExtra>>,
    ) {
        if direction_error(rel, self.g.is_claim(from), self.g.is_claim(to)).is_some() {
            // Worded in `finish`, when the records of both ends are at hand.
            self.misdirected.push((f, i, rel, from, to));
            return;
        }
        let data = EdgeData {
            rel,
            repeat: false,
            in_doc,
            extra,
            origin: Origin { file: f, pos: i },
        };
        let e = self.g.g.add_edge(from, to, data);
        self.edge_keys
            .push(EdgeKey::new(from, rel, to, in_doc, e.index() as u32));
    }

    fn sort_of(&self, ix: NodeIx) -> &'static str {
        if self.g.is_claim(ix) {
            "claim"
        } else {
            "entity"
        }
    }

    /// Reports every `part_of` cycle once, at the entity where the walk found it.
    fn check_part_of_cycles(&mut self) {
        let bound = self.g.node_bound();
        // 0 = unvisited, 1 = on the current walk, 2 = done
        let mut state = vec![0u8; bound];
        let entities: Vec<NodeIx> = self.g.entities().collect();
        for start in entities {
            let mut walk = Vec::new();
            let mut cur = Some(start);
            while let Some(ix) = cur {
                match state[ix.index()] {
                    2 => break,
                    1 => {
                        self.report_cycle(&walk, ix);
                        break;
                    }
                    _ => {}
                }
                state[ix.index()] = 1;
                walk.push(ix);
                cur = self.parent(ix);
            }
            for ix in walk {
                state[ix.index()] = 2;
            }
        }
    }

    fn parent(&self, ix: NodeIx) -> Option<NodeIx> {
        self.g.parent(ix)
    }

    fn report_cycle(&mut self, walk: &[NodeIx], back_to: NodeIx) {
        let start = walk.iter().position(|&x| x == back_to).unwrap_or(0);
        let mut names: Vec<&str> = walk[start..]
            .iter()
            .map(|&x| self.g.id(x).as_str())
            .collect();
        names.push(self.g.id(back_to).as_str());
        let message = format!("part_of cycle: {}", names.join(" -> "));
        let origin = self.g.node(back_to).origin;
        self.errs.push(
            origin.file,
            format!("entities[{}].part_of", origin.pos),
            "part-of-cycle",
            message,
        );
    }
}

/// A reference naming nothing of the wanted sort: file, path, the id, the sort wanted.
type BadRef = (u32, String, Id, Want);

/// An edge's identity packed for sorting: its ends as one number, its relation (top two
/// bits) and document (the rest, 0 for none) as another, and its edge index.
///
/// Sixteen bytes, as small as the key without the document was: sorting a million of them
/// moves as much memory as before. The document takes 30 bits: a graph would need a
/// thousand million documents (tens of gigabytes of input) to run out.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct EdgeKey {
    ends: u64,
    rel_doc: u32,
    edge: u32,
}

/// Bits of [`EdgeKey::rel_doc`] that hold the document.
const DOC_BITS: u32 = 30;

impl EdgeKey {
    fn new(from: NodeIx, rel: Rel, to: NodeIx, in_doc: Option<u32>, edge: u32) -> EdgeKey {
        let doc = in_doc.map_or(0, |d| (d + 1) & ((1 << DOC_BITS) - 1));
        EdgeKey {
            ends: ((from.index() as u64) << 32) | to.index() as u64,
            rel_doc: ((crate::graph::rel_slot(rel) as u32) << DOC_BITS) | doc,
            edge,
        }
    }

    /// The relation `(from, rel, to)` without the document.
    fn relation(&self) -> (u64, u32) {
        (self.ends, self.rel_doc >> DOC_BITS)
    }
}

/// What sorting the edge keys found.
#[derive(Debug, Default, PartialEq, Eq)]
struct SameRelation {
    /// Runs of edges equal in `from`, `rel`, `to` and `in`: errors.
    duplicates: Vec<Vec<u32>>,
    /// Every edge but the first (in key order) of each relation `(from, rel, to)`: further
    /// appearances of a relation already stated, which support skips.
    repeats: Vec<u32>,
}

/// Sorts the edge keys once and finds the duplicates and the repeated relations.
fn same_relation(mut keys: Vec<EdgeKey>) -> SameRelation {
    keys.sort_unstable();
    let mut out = SameRelation::default();
    for w in keys.windows(2) {
        if w[0].relation() != w[1].relation() {
            continue;
        }
        out.repeats.push(w[1].edge);
        if w[0].rel_doc != w[1].rel_doc {
            continue;
        }
        match out.duplicates.last_mut() {
            Some(run) if run.last() == Some(&w[0].edge) => run.push(w[1].edge),
            _ => out.duplicates.push(vec![w[0].edge, w[1].edge]),
        }
    }
    out
}

fn edge_ix(e: u32) -> petgraph::stable_graph::EdgeIndex<u32> {
    petgraph::stable_graph::EdgeIndex::new(e as usize)
}

/// A stand-in for a record dropped as a duplicate: an entity with nothing to check.
fn placeholder(id: Id) -> Record {
    Record::Entity(crate::model::Entity {
        id,
        name: String::new(),
        kind: crate::model::Kind::Organization,
        tags: Vec::new(),
        part_of: None,
        aliases: Vec::new(),
        reliability: None,
        note: None,
    })
}

/// What sort of record a reference must name.
#[derive(Clone, Copy)]
enum Want {
    Entity,
    Document,
    Node,
}

impl Want {
    fn rule(self) -> &'static str {
        match self {
            Want::Entity => "this field must name an entity",
            Want::Document => "this field must name a document",
            Want::Node => "edges join entities and claims, not documents",
        }
    }
}

/// The rule an edge breaks, if its direction is illegal (docs/format.md §1).
fn direction_error(rel: Rel, from_claim: bool, to_claim: bool) -> Option<&'static str> {
    match rel {
        Rel::Asserts if from_claim || !to_claim => {
            Some("\"asserts\" goes from an entity to a claim")
        }
        Rel::Denies if from_claim || !to_claim => Some("\"denies\" goes from an entity to a claim"),
        _ => None,
    }
}
