//! Validation and merging: parsed records -> one [`ClaimGraph`], collecting every error.
//!
//! Records arrive one at a time while a file is parsed ([`Builder`] is the parser's
//! [`Sink`]), so no file is ever held as a tree of parsed values. Documents, entities and
//! claims are checked and inserted at once; an edge is resolved at once when both its ends
//! are already known and deferred otherwise (it may point forward, into a later file).
//! [`Builder::finish`] resolves the deferred edges, checks references (`part_of`, `about`,
//! `found_in`, review `by`, `publisher`) and `part_of` cycles. A record with a bad field is
//! still inserted with a stand-in value, so that one typo does not cascade into "unknown id"
//! errors elsewhere.

use super::raw::{Obj, RawClaim, RawDocument, RawEdge, RawEntity, RawReview, Sink};
use super::MAX_ERRORS;
use crate::diag::Diagnostic;
use crate::graph::{
    ClaimGraph, DocData, EdgeData, EdgeExtra, NodeData, NodeIx, Origin, Record, Slot,
};
use crate::model::{
    quoted, Claim, Credibility, Date, Document, Entity, Id, Kind, Rel, Reliability, Review, Tag,
    ValueError, Verdict,
};
use std::borrow::Cow;

/// How many unknown-id errors get a did-you-mean (each one scans every id).
const MAX_SUGGESTIONS: usize = 20;

/// An error found while building, located by file index and JSON path.
struct Found {
    file: u32,
    path: String,
    code: &'static str,
    message: String,
}

/// Collects errors up to [`MAX_ERRORS`], counting the rest.
#[derive(Default)]
struct Errors {
    list: Vec<Found>,
    more: usize,
    suggestions: usize,
}

impl Errors {
    fn push(&mut self, file: u32, path: String, code: &'static str, message: String) {
        if self.list.len() < MAX_ERRORS {
            self.list.push(Found {
                file,
                path,
                code,
                message,
            });
        } else {
            self.more += 1;
        }
    }

    /// The value, or None after recording why it was rejected.
    fn value<T>(
        &mut self,
        file: u32,
        path: impl FnOnce() -> String,
        r: Result<T, ValueError>,
    ) -> Option<T> {
        r.map_err(|e| self.push(file, path(), "value", e.0)).ok()
    }
}

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

/// Builds a graph from records fed by the parser, file after file.
pub(super) struct Builder {
    g: ClaimGraph,
    errs: Errors,
    /// The file being read.
    f: u32,
    deferred: Vec<Deferred>,
    /// `(from, to, rel)` of every edge added, packed, with its edge index: duplicates are
    /// found by sorting once at the end, cheaper than a hash set probed per edge.
    edge_keys: Vec<(u64, u8, u32)>,
    /// The document the previous edge was found in: edges of one article come together.
    last_doc: Option<(Id, u32)>,
}

fn owned(s: Cow<'_, str>) -> String {
    s.into_owned()
}

impl Builder {
    /// An empty builder, with room for about `bytes` of input.
    pub(super) fn new(bytes: usize) -> Builder {
        let mut g = ClaimGraph::default();
        // About 200 bytes a node and 80 an edge in typical files: reserve, don't rehash.
        g.g.reserve_nodes(bytes / 250);
        g.g.reserve_edges(bytes / 120);
        g.index.reserve(bytes / 250);
        g.claim_flags.reserve(bytes / 250);
        let edge_keys = Vec::with_capacity(bytes / 120);
        Builder {
            g,
            errs: Errors::default(),
            f: 0,
            deferred: Vec::new(),
            edge_keys,
            last_doc: None,
        }
    }

    /// Starts the next file; its records follow through [`Sink`].
    pub(super) fn start_file(&mut self, name: &str) {
        self.f = self.g.files.len() as u32;
        self.g.files.push(name.to_string());
    }

    /// Forgets the errors found in the current file (it failed to parse: only that counts).
    pub(super) fn drop_file_errors(&mut self) {
        let f = self.f;
        self.errs.list.retain(|e| e.file != f);
    }

    /// Resolves what was deferred, checks references and cycles, and returns the graph, the
    /// errors, and how many errors were only counted.
    pub(super) fn finish(mut self) -> (ClaimGraph, Vec<Diagnostic>, usize) {
        for d in std::mem::take(&mut self.deferred) {
            self.resolve_edge(d, true);
        }
        self.remove_duplicate_edges();
        self.check_references();
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

    fn id(&mut self, path: impl FnOnce() -> String, s: Cow<'_, str>) -> Option<Id> {
        let f = self.f;
        self.errs.value(f, path, Id::new(owned(s)))
    }

    fn date(&mut self, path: impl FnOnce() -> String, s: Option<Cow<'_, str>>) -> Option<Date> {
        let f = self.f;
        self.errs.value(f, path, Date::new(s?))
    }

    fn non_empty(&mut self, path: impl FnOnce() -> String, what: &str, s: &str) {
        if s.trim().is_empty() {
            self.errs
                .push(self.f, path(), "value", format!("{what} must not be empty"));
        }
    }

    /// Registers `id` in the index, or reports the duplicate naming both places.
    fn register(&mut self, path: String, id: &Id, slot: Slot) -> bool {
        let prev = match self.g.index.entry(crate::graph::IdKey::new(id.as_str())) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(slot);
                return true;
            }
            std::collections::hash_map::Entry::Occupied(o) => *o.get(),
        };
        let (pf, ppath) = self.place_of(prev);
        let other = if pf == self.f {
            format!("at {ppath}")
        } else {
            format!("in {} at {ppath}", self.g.files[pf as usize])
        };
        let message = format!(
            "duplicate id {}: already defined {other}",
            quoted(id.as_str())
        );
        self.errs.push(self.f, path, "duplicate-id", message);
        false
    }

    /// File index and JSON path of an already inserted record.
    fn place_of(&self, slot: Slot) -> (u32, String) {
        let (array, origin) = match slot {
            Slot::Doc(d) => ("documents", self.g.docs[d as usize].origin),
            Slot::Node(ix) => match &self.g.g[ix].record {
                Record::Entity(_) => ("entities", self.g.g[ix].origin),
                Record::Claim(_) => ("claims", self.g.g[ix].origin),
            },
        };
        (origin.file, format!("{array}[{}]", origin.pos))
    }

    fn origin(&self, i: usize) -> Origin {
        Origin {
            file: self.f,
            pos: i as u32,
        }
    }

    fn id_list(&mut self, path: &str, list: Vec<Cow<'_, str>>) -> Vec<Id> {
        let mut ids = Vec::with_capacity(list.len());
        for (k, s) in list.into_iter().enumerate() {
            if let Some(id) = self.id(|| format!("{path}[{k}]"), s) {
                ids.push(id);
            }
        }
        ids
    }

    fn review(&mut self, path: &str, r: RawReview<'_>) -> Option<Box<Review>> {
        let f = self.f;
        let verdict = self
            .errs
            .value(f, || format!("{path}.verdict"), Verdict::parse(&r.verdict));
        let by = self.id(|| format!("{path}.by"), r.by);
        let date = self.date(|| format!("{path}.date"), r.date);
        Some(Box::new(Review {
            verdict: verdict?,
            by: by?,
            date,
            note: r.note.map(owned),
        }))
    }

    fn add_node(&mut self, i: usize, array: &str, record: Record) {
        let id = record.id().clone();
        let origin = self.origin(i);
        let ix = self.g.add_node(NodeData { record, origin });
        if !self.register(format!("{array}[{i}].id"), &id, Slot::Node(ix)) {
            self.g.g.remove_node(ix);
            self.g.claim_flags[ix.index()] = false;
        }
    }

    /// What `id` names if it is of the wanted sort; otherwise why not (`None` when unknown).
    fn find(&self, id: &str, want: Want) -> Result<Slot, Option<&'static str>> {
        match self.g.lookup(id) {
            None => Err(None),
            Some(slot) => match (want, slot) {
                (Want::Entity, Slot::Node(ix)) if !self.g.is_claim(ix) => Ok(slot),
                (Want::Document, Slot::Doc(_)) | (Want::Node, Slot::Node(_)) => Ok(slot),
                (_, Slot::Doc(_)) => Err(Some("a document")),
                (_, Slot::Node(ix)) if self.g.is_claim(ix) => Err(Some("a claim")),
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
        if self.errs.suggestions >= MAX_SUGGESTIONS {
            return String::new();
        }
        self.errs.suggestions += 1;
        let g = &self.g;
        let candidates = g.index.iter().filter(|(_, slot)| match (want, slot) {
            (Want::Entity, Slot::Node(ix)) => !g.is_claim(*ix),
            (Want::Document, Slot::Doc(_)) => true,
            (Want::Node, Slot::Node(_)) => true,
            _ => false,
        });
        crate::suggest::did_you_mean_suffix(id, candidates.map(|(k, _)| k.as_str()))
    }

    /// Checks `part_of`, `about`, `found_in`, review `by` and `publisher` references.
    fn check_references(&mut self) {
        let mut refs: Vec<(u32, String, Id, Want)> = Vec::new();
        for ix in self.g.g.node_indices() {
            let NodeData { record, origin } = &self.g.g[ix];
            let (f, i) = (origin.file, origin.pos);
            let mut check = |path: String, id: &Id, want: Want| {
                if self.find(id.as_str(), want).is_err() {
                    refs.push((f, path, id.clone(), want));
                }
            };
            match record {
                Record::Entity(e) => {
                    if let Some(p) = &e.part_of {
                        check(format!("entities[{i}].part_of"), p, Want::Entity);
                    }
                }
                Record::Claim(c) => {
                    for (k, a) in c.about.iter().enumerate() {
                        check(format!("claims[{i}].about[{k}]"), a, Want::Entity);
                    }
                    for (k, d) in c.found_in.iter().enumerate() {
                        check(format!("claims[{i}].found_in[{k}]"), d, Want::Document);
                    }
                    if let Some(r) = &c.review {
                        check(format!("claims[{i}].review.by"), &r.by, Want::Entity);
                    }
                }
            }
        }
        for DocData { doc, origin } in &self.g.docs {
            if let Some(p) = &doc.publisher {
                if self.find(p.as_str(), Want::Entity).is_err() {
                    refs.push((
                        origin.file,
                        format!("documents[{}].publisher", origin.pos),
                        p.clone(),
                        Want::Entity,
                    ));
                }
            }
        }
        for (f, path, id, want) in refs {
            self.expect(f, path, &id, want);
        }
    }

    /// The document index named `id` by an edge's `in`, from the one-entry cache when the
    /// previous edge named the same document.
    fn edge_doc(&mut self, id: &Id) -> Option<u32> {
        if let Some((last, d)) = &self.last_doc {
            if last == id {
                return Some(*d);
            }
        }
        match self.g.lookup(id.as_str()) {
            Some(Slot::Doc(d)) => {
                self.last_doc = Some((id.clone(), d));
                Some(d)
            }
            _ => None,
        }
    }

    /// Inserts a deferred or fresh edge; when `last_chance`, unresolved names are errors,
    /// otherwise the edge is deferred until every file has been read.
    fn resolve_edge(&mut self, d: Deferred, last_chance: bool) {
        let p = |field: &str| format!("edges[{}]{field}", d.i);
        let from = self.find(d.from.as_str(), Want::Node);
        let to = self.find(d.to.as_str(), Want::Node);
        let doc = d.in_doc.as_ref().map(|id| self.edge_doc(id));
        let resolved = from.is_ok() && to.is_ok() && doc.is_none_or(|x| x.is_some());
        if !resolved {
            if !last_chance {
                self.deferred.push(d);
                return;
            }
            let from = self.expect(d.f, p(".from"), &d.from, Want::Node);
            let to = self.expect(d.f, p(".to"), &d.to, Want::Node);
            let doc = match &d.in_doc {
                Some(id) => self.expect(d.f, p(".in"), id, Want::Document).map(Some),
                None => Some(None),
            };
            if from.is_none() || to.is_none() || doc.is_none() {
                return;
            }
        }
        let (Ok(Slot::Node(from)), Ok(Slot::Node(to))) = (from, to) else {
            return;
        };
        let in_doc = d.in_doc.as_ref().and_then(|id| self.edge_doc(id));
        if let Some(rule) = direction_error(d.rel, self.g.is_claim(from), self.g.is_claim(to)) {
            let message = format!(
                "{rule}; here it goes from {} {} to {} {}",
                self.sort_of(from),
                quoted(self.g.id(from).as_str()),
                self.sort_of(to),
                quoted(self.g.id(to).as_str())
            );
            self.errs.push(d.f, p(""), "direction", message);
            return;
        }
        let origin = Origin {
            file: d.f,
            pos: d.i,
        };
        let key = ((from.index() as u64) << 32) | to.index() as u64;
        let data = EdgeData {
            rel: d.rel,
            in_doc,
            extra: d.extra,
            origin,
        };
        let e = self.g.g.add_edge(from, to, data);
        self.edge_keys
            .push((key, crate::graph::rel_slot(d.rel) as u8, e.index() as u32));
    }

    /// The same `(from, rel, to)` twice is one edge: keeps the first read, drops the others.
    fn remove_duplicate_edges(&mut self) {
        let mut keys = std::mem::take(&mut self.edge_keys);
        keys.sort_unstable();
        for w in keys.windows(2) {
            if (w[0].0, w[0].1) == (w[1].0, w[1].1) {
                self.g
                    .g
                    .remove_edge(petgraph::stable_graph::EdgeIndex::new(w[1].2 as usize));
            }
        }
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
        let e = self.g.entity(ix)?;
        self.g
            .node_by_id(e.part_of.as_ref()?.as_str())
            .filter(|&p| !self.g.is_claim(p))
    }

    fn report_cycle(&mut self, walk: &[NodeIx], back_to: NodeIx) {
        let start = walk.iter().position(|&x| x == back_to).unwrap_or(0);
        let mut names: Vec<&str> = walk[start..]
            .iter()
            .map(|&x| self.g.id(x).as_str())
            .collect();
        names.push(self.g.id(back_to).as_str());
        let message = format!("part_of cycle: {}", names.join(" -> "));
        let origin = self.g.g[back_to].origin;
        self.errs.push(
            origin.file,
            format!("entities[{}].part_of", origin.pos),
            "part-of-cycle",
            message,
        );
    }
}

impl<'de> Sink<'de> for Builder {
    fn document(&mut self, i: usize, Obj(d): Obj<RawDocument<'de>>) {
        let p = |field: &str| format!("documents[{i}].{field}");
        let id = self.id(|| p("id"), d.id);
        self.non_empty(|| p("title"), "title", &d.title);
        let publisher = d.publisher.and_then(|s| self.id(|| p("publisher"), s));
        let published = self.date(|| p("published"), d.published);
        let Some(id) = id else { return };
        let slot = Slot::Doc(self.g.docs.len() as u32);
        if !self.register(p("id"), &id, slot) {
            return;
        }
        let origin = self.origin(i);
        let doc = Document {
            id,
            title: owned(d.title),
            publisher,
            published,
            url: d.url.map(owned),
        };
        self.g.docs.push(DocData { doc, origin });
    }

    fn entity(&mut self, i: usize, Obj(e): Obj<RawEntity<'de>>) {
        let p = |field: &str| format!("entities[{i}].{field}");
        let f = self.f;
        let id = self.id(|| p("id"), e.id);
        self.non_empty(|| p("name"), "name", &e.name);
        let kind = self
            .errs
            .value(f, || p("kind"), Kind::parse(&e.kind))
            .unwrap_or(Kind::Organization);
        let mut tags = Vec::with_capacity(e.tags.len());
        for (t, tag) in e.tags.into_iter().enumerate() {
            if let Some(tag) = self.errs.value(
                f,
                || format!("entities[{i}].tags[{t}]"),
                Tag::new(owned(tag)),
            ) {
                tags.push(tag);
            }
        }
        let part_of = e.part_of.and_then(|s| self.id(|| p("part_of"), s));
        let reliability = e.reliability.and_then(|r| {
            self.errs
                .value(f, || p("reliability"), Reliability::new(&r))
        });
        let Some(id) = id else { return };
        let entity = Entity {
            id,
            name: owned(e.name),
            kind,
            tags,
            part_of,
            aliases: e.aliases.into_iter().map(owned).collect(),
            reliability,
            note: e.note.map(owned),
        };
        self.add_node(i, "entities", Record::Entity(entity));
    }

    fn claim(&mut self, i: usize, Obj(c): Obj<RawClaim<'de>>) {
        let p = |field: &str| format!("claims[{i}].{field}");
        let f = self.f;
        let id = self.id(|| p("id"), c.id);
        self.non_empty(|| p("text"), "text", &c.text);
        let date = self.date(|| p("date"), c.date);
        let about = self.id_list(&p("about"), c.about);
        let found_in = self.id_list(&p("found_in"), c.found_in);
        let credibility = c.credibility.and_then(|n| {
            self.errs
                .value(f, || p("credibility"), Credibility::new(n.0))
        });
        let review = c.review.and_then(|Obj(r)| self.review(&p("review"), r));
        let Some(id) = id else { return };
        let claim = Claim {
            id,
            text: owned(c.text),
            date,
            about,
            topics: c.topics.into_iter().map(owned).collect(),
            found_in,
            credibility,
            review,
            note: c.note.map(owned),
        };
        self.add_node(i, "claims", Record::Claim(claim));
    }

    fn edge(&mut self, i: usize, Obj(e): Obj<RawEdge<'de>>) {
        let p = |field: &str| format!("edges[{i}].{field}");
        let f = self.f;
        let rel = self.errs.value(f, || p("rel"), Rel::parse(&e.rel));
        let from = self.id(|| p("from"), e.from);
        let to = self.id(|| p("to"), e.to);
        let in_doc = match e.in_doc {
            Some(s) => match self.id(|| p("in"), s) {
                Some(id) => Some(id),
                None => return,
            },
            None => None,
        };
        let date = self.date(|| p("date"), e.date);
        let (Some(rel), Some(from), Some(to)) = (rel, from, to) else {
            return;
        };
        let extra = (date.is_some() || e.quote.is_some() || e.note.is_some()).then(|| {
            Box::new(EdgeExtra {
                date,
                quote: e.quote.map(owned),
                note: e.note.map(owned),
            })
        });
        let d = Deferred {
            f,
            i: i as u32,
            from,
            rel,
            to,
            in_doc,
            extra,
        };
        self.resolve_edge(d, false);
    }
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

/// The rule an edge breaks, if its direction is illegal (SPEC §1).
fn direction_error(rel: Rel, from_claim: bool, to_claim: bool) -> Option<&'static str> {
    match rel {
        Rel::Asserts if from_claim || !to_claim => {
            Some("\"asserts\" goes from an entity to a claim")
        }
        Rel::Denies if from_claim || !to_claim => Some("\"denies\" goes from an entity to a claim"),
        _ => None,
    }
}
