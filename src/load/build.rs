//! Validation and merging: raw parsed files -> one [`ClaimGraph`], collecting every error.
//!
//! Pass one inserts every document, entity and claim (checking ids, values and duplicates);
//! pass two resolves references and edges, which may point forward into later files; last,
//! `part_of` chains are checked for cycles. A record with a bad field is still inserted with
//! a stand-in value, so that one typo does not cascade into "unknown id" errors elsewhere.

use super::raw::{Obj, RawClaim, RawDocument, RawEdge, RawEntity, RawFile, RawReview};
use super::MAX_ERRORS;
use crate::diag::Diagnostic;
use crate::graph::{
    ClaimGraph, DocData, EdgeData, EdgeExtra, NodeData, NodeIx, Origin, Record, Slot,
};
use crate::model::{
    quoted, Claim, Credibility, Date, Document, Entity, Id, Kind, Rel, Reliability, Review, Tag,
    ValueError, Verdict,
};
use rustc_hash::FxHashSet;
use std::borrow::Cow;

/// How many unknown-id errors get a did-you-mean (each one scans every id).
const MAX_SUGGESTIONS: usize = 20;

/// Collects diagnostics up to [`MAX_ERRORS`], counting the rest.
#[derive(Default)]
struct Errors {
    list: Vec<Diagnostic>,
    more: usize,
    suggestions: usize,
}

impl Errors {
    fn push(&mut self, file: &str, path: String, code: &'static str, message: String) {
        if self.list.len() < MAX_ERRORS {
            self.list
                .push(Diagnostic::error(file, Some(path), code, message));
        } else {
            self.more += 1;
        }
    }

    fn value<T>(
        &mut self,
        file: &str,
        path: impl FnOnce() -> String,
        r: Result<T, ValueError>,
    ) -> Option<T> {
        r.map_err(|e| self.push(file, path(), "value", e.0)).ok()
    }
}

/// Builds the graph from parsed files; returns it with the errors found and the count of
/// errors beyond the kept ones. The graph is only meaningful when there are no errors.
pub(super) fn build(raws: Vec<(String, RawFile<'_>)>) -> (ClaimGraph, Vec<Diagnostic>, usize) {
    let mut b = Builder {
        g: ClaimGraph::default(),
        errs: Errors::default(),
    };
    let (nodes, edges): (usize, usize) = raws.iter().fold((0, 0), |(n, e), (_, r)| {
        (n + r.entities.len() + r.claims.len(), e + r.edges.len())
    });
    b.g.g.reserve_nodes(nodes);
    b.g.g.reserve_edges(edges);
    b.g.index.reserve(nodes);
    let mut pending_edges = Vec::with_capacity(raws.len());
    for (f, (name, raw)) in raws.into_iter().enumerate() {
        b.g.files.push(name);
        let f = f as u32;
        for (i, Obj(d)) in raw.documents.into_iter().enumerate() {
            b.add_document(f, i, d);
        }
        for (i, Obj(e)) in raw.entities.into_iter().enumerate() {
            b.add_entity(f, i, e);
        }
        for (i, Obj(c)) in raw.claims.into_iter().enumerate() {
            b.add_claim(f, i, c);
        }
        pending_edges.push(raw.edges);
    }
    b.check_references();
    let mut seen = FxHashSet::default();
    seen.reserve(edges);
    for (f, list) in pending_edges.into_iter().enumerate() {
        for (i, Obj(e)) in list.into_iter().enumerate() {
            b.add_edge(f as u32, i, e, &mut seen);
        }
    }
    b.check_part_of_cycles();
    (b.g, b.errs.list, b.errs.more)
}

struct Builder {
    g: ClaimGraph,
    errs: Errors,
}

fn owned(s: Cow<'_, str>) -> String {
    s.into_owned()
}

impl Builder {
    fn file(&self, f: u32) -> String {
        self.g.files[f as usize].clone()
    }

    /// Validates an id field; on error records it and returns None.
    fn id(&mut self, f: u32, path: impl FnOnce() -> String, s: Cow<'_, str>) -> Option<Id> {
        let file = self.file(f);
        self.errs.value(&file, path, Id::new(owned(s)))
    }

    fn date(
        &mut self,
        f: u32,
        path: impl FnOnce() -> String,
        s: Option<Cow<'_, str>>,
    ) -> Option<Date> {
        let s = s?;
        let file = self.file(f);
        self.errs.value(&file, path, Date::new(owned(s)))
    }

    fn non_empty(&mut self, f: u32, path: impl FnOnce() -> String, what: &str, s: &str) {
        if s.trim().is_empty() {
            let file = self.file(f);
            self.errs
                .push(&file, path(), "value", format!("{what} must not be empty"));
        }
    }

    /// Registers `id` in the index, or reports the duplicate naming both places.
    fn register(&mut self, f: u32, path: String, id: &Id, slot: Slot) -> bool {
        if let Some(prev) = self.g.index.get(id.as_str()).copied() {
            let (pf, ppath) = self.place_of(prev);
            let file = self.file(f);
            let other = if pf == file {
                format!("at {ppath}")
            } else {
                format!("in {pf} at {ppath}")
            };
            self.errs.push(
                &file,
                path,
                "duplicate-id",
                format!(
                    "duplicate id {}: already defined {other}",
                    quoted(id.as_str())
                ),
            );
            return false;
        }
        self.g.index.insert(id.as_str().into(), slot);
        true
    }

    /// File name and JSON path of an already inserted record.
    fn place_of(&self, slot: Slot) -> (String, String) {
        let (array, origin) = match slot {
            Slot::Doc(d) => ("documents", self.g.docs[d as usize].origin),
            Slot::Node(ix) => match &self.g.g[ix].record {
                Record::Entity(_) => ("entities", self.g.g[ix].origin),
                Record::Claim(_) => ("claims", self.g.g[ix].origin),
            },
        };
        (self.file(origin.file), format!("{array}[{}]", origin.pos))
    }

    fn add_document(&mut self, f: u32, i: usize, d: RawDocument<'_>) {
        let p = |field: &str| format!("documents[{i}].{field}");
        let id = self.id(f, || p("id"), d.id);
        self.non_empty(f, || p("title"), "title", &d.title);
        let publisher = d.publisher.and_then(|s| self.id(f, || p("publisher"), s));
        let published = self.date(f, || p("published"), d.published);
        let Some(id) = id else { return };
        let slot = Slot::Doc(self.g.docs.len() as u32);
        if !self.register(f, p("id"), &id, slot) {
            return;
        }
        self.g.docs.push(DocData {
            doc: Document {
                id,
                title: owned(d.title),
                publisher,
                published,
                url: d.url.map(owned),
            },
            origin: Origin {
                file: f,
                pos: i as u32,
            },
        });
    }

    fn add_entity(&mut self, f: u32, i: usize, e: RawEntity<'_>) {
        let p = |field: &str| format!("entities[{i}].{field}");
        let id = self.id(f, || p("id"), e.id);
        self.non_empty(f, || p("name"), "name", &e.name);
        let file = self.file(f);
        let kind = self
            .errs
            .value(&file, || p("kind"), Kind::parse(&e.kind))
            .unwrap_or(Kind::Organization);
        let mut tags = Vec::with_capacity(e.tags.len());
        for (t, tag) in e.tags.into_iter().enumerate() {
            if let Some(tag) = self.errs.value(
                &file,
                || format!("entities[{i}].tags[{t}]"),
                Tag::new(owned(tag)),
            ) {
                tags.push(tag);
            }
        }
        let part_of = e.part_of.and_then(|s| self.id(f, || p("part_of"), s));
        let reliability = e.reliability.and_then(|r| {
            self.errs
                .value(&file, || p("reliability"), Reliability::new(&r))
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
        self.add_node(f, i, "entities", Record::Entity(entity));
    }

    fn add_claim(&mut self, f: u32, i: usize, c: RawClaim<'_>) {
        let p = |field: &str| format!("claims[{i}].{field}");
        let id = self.id(f, || p("id"), c.id);
        self.non_empty(f, || p("text"), "text", &c.text);
        let date = self.date(f, || p("date"), c.date);
        let about = self.id_list(f, &p("about"), c.about);
        let found_in = self.id_list(f, &p("found_in"), c.found_in);
        let file = self.file(f);
        let credibility = c.credibility.and_then(|n| {
            self.errs
                .value(&file, || p("credibility"), Credibility::new(n))
        });
        let review = c.review.and_then(|Obj(r)| self.review(f, &p("review"), r));
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
        self.add_node(f, i, "claims", Record::Claim(claim));
    }

    fn id_list(&mut self, f: u32, path: &str, list: Vec<Cow<'_, str>>) -> Vec<Id> {
        let mut ids = Vec::with_capacity(list.len());
        for (k, s) in list.into_iter().enumerate() {
            if let Some(id) = self.id(f, || format!("{path}[{k}]"), s) {
                ids.push(id);
            }
        }
        ids
    }

    fn review(&mut self, f: u32, path: &str, r: RawReview<'_>) -> Option<Review> {
        let file = self.file(f);
        let verdict = self.errs.value(
            &file,
            || format!("{path}.verdict"),
            Verdict::parse(&r.verdict),
        );
        let by = self.id(f, || format!("{path}.by"), r.by);
        let date = self.date(f, || format!("{path}.date"), r.date);
        Some(Review {
            verdict: verdict?,
            by: by?,
            date,
            note: r.note.map(owned),
        })
    }

    fn add_node(&mut self, f: u32, i: usize, array: &str, record: Record) {
        let id = record.id().clone();
        let ix = self.g.g.add_node(NodeData {
            record,
            origin: Origin {
                file: f,
                pos: i as u32,
            },
        });
        if !self.register(f, format!("{array}[{i}].id"), &id, Slot::Node(ix)) {
            self.g.g.remove_node(ix);
        }
    }

    /// Reports `id` at `path` unless it names a record of the wanted sort.
    fn expect(&mut self, f: u32, path: String, id: &Id, want: Want) -> Option<Slot> {
        let found = self.g.lookup(id.as_str());
        let what = match found {
            None => None,
            Some(Slot::Doc(_)) => Some("a document"),
            Some(Slot::Node(ix)) if self.g.is_claim(ix) => Some("a claim"),
            Some(Slot::Node(_)) => Some("an entity"),
        };
        let ok = match (want, found) {
            (_, None) => false,
            (Want::Entity, Some(Slot::Node(ix))) => !self.g.is_claim(ix),
            (Want::Document, Some(Slot::Doc(_))) => true,
            (Want::Node, Some(Slot::Node(_))) => true,
            _ => false,
        };
        if ok {
            return found;
        }
        let file = self.file(f);
        let message = match what {
            Some(what) => format!("{} is {what}; {}", quoted(id.as_str()), want.rule()),
            None => format!(
                "unknown id {}{}",
                quoted(id.as_str()),
                self.suggestion(id.as_str(), want)
            ),
        };
        self.errs.push(&file, path, "unknown-id", message);
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
        crate::suggest::did_you_mean_suffix(id, candidates.map(|(k, _)| &**k))
    }

    /// Checks `part_of`, `about`, `found_in`, review `by` and `publisher` references.
    fn check_references(&mut self) {
        let nodes: Vec<NodeIx> = self.g.g.node_indices().collect();
        for ix in nodes {
            let NodeData { record, origin } = &self.g.g[ix];
            let (f, i) = (origin.file, origin.pos);
            let mut refs: Vec<(String, Id, Want)> = Vec::new();
            match record {
                Record::Entity(e) => {
                    if let Some(p) = &e.part_of {
                        refs.push((format!("entities[{i}].part_of"), p.clone(), Want::Entity));
                    }
                }
                Record::Claim(c) => {
                    for (k, a) in c.about.iter().enumerate() {
                        refs.push((format!("claims[{i}].about[{k}]"), a.clone(), Want::Entity));
                    }
                    for (k, d) in c.found_in.iter().enumerate() {
                        refs.push((
                            format!("claims[{i}].found_in[{k}]"),
                            d.clone(),
                            Want::Document,
                        ));
                    }
                    if let Some(r) = &c.review {
                        refs.push((format!("claims[{i}].review.by"), r.by.clone(), Want::Entity));
                    }
                }
            }
            for (path, id, want) in refs {
                self.expect(f, path, &id, want);
            }
        }
        for d in 0..self.g.docs.len() {
            let DocData { doc, origin } = &self.g.docs[d];
            if let Some(p) = doc.publisher.clone() {
                let path = format!("documents[{}].publisher", origin.pos);
                self.expect(origin.file, path, &p, Want::Entity);
            }
        }
    }

    fn add_edge(
        &mut self,
        f: u32,
        i: usize,
        e: RawEdge<'_>,
        seen: &mut FxHashSet<(u32, u32, Rel)>,
    ) {
        let p = |field: &str| format!("edges[{i}].{field}");
        let file = self.file(f);
        let rel = self.errs.value(&file, || p("rel"), Rel::parse(&e.rel));
        let from = self.id(f, || p("from"), e.from);
        let to = self.id(f, || p("to"), e.to);
        let from = from.and_then(|id| self.expect(f, p("from"), &id, Want::Node));
        let to = to.and_then(|id| self.expect(f, p("to"), &id, Want::Node));
        let in_doc = match e.in_doc.and_then(|s| self.id(f, || p("in"), s)) {
            Some(id) => match self.expect(f, p("in"), &id, Want::Document) {
                Some(Slot::Doc(d)) => Some(d),
                _ => None,
            },
            None => None,
        };
        let date = self.date(f, || p("date"), e.date);
        let (Some(rel), Some(Slot::Node(from)), Some(Slot::Node(to))) = (rel, from, to) else {
            return;
        };
        if let Some(rule) = direction_error(rel, self.g.is_claim(from), self.g.is_claim(to)) {
            let message = format!(
                "{rule}; here it goes from {} {} to {} {}",
                self.sort_of(from),
                quoted(self.g.id(from).as_str()),
                self.sort_of(to),
                quoted(self.g.id(to).as_str())
            );
            self.errs
                .push(&file, format!("edges[{i}]"), "direction", message);
            return;
        }
        if !seen.insert((from.index() as u32, to.index() as u32, rel)) {
            return; // the same (from, rel, to) twice is one edge
        }
        let extra = (date.is_some() || e.quote.is_some() || e.note.is_some()).then(|| {
            Box::new(EdgeExtra {
                date,
                quote: e.quote.map(owned),
                note: e.note.map(owned),
            })
        });
        self.g.g.add_edge(
            from,
            to,
            EdgeData {
                rel,
                in_doc,
                extra,
                origin: Origin {
                    file: f,
                    pos: i as u32,
                },
            },
        );
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
        let file = self.file(origin.file);
        self.errs.push(
            &file,
            format!("entities[{}].part_of", origin.pos),
            "part-of-cycle",
            message,
        );
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
        Rel::Asserts | Rel::Denies if from_claim || !to_claim => Some(match rel {
            Rel::Asserts => "\"asserts\" goes from an entity to a claim",
            _ => "\"denies\" goes from an entity to a claim",
        }),
        _ => None,
    }
}
