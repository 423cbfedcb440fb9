//! Value checks, on the parsing thread: raw records -> model records. Ids, tags, kinds, dates,
//! verdicts and ranges are checked here, field by field, and every error is kept with its
//! file and JSON path; what needs the whole graph (ids resolving, duplicates, cycles) is
//! left to [`super::build`]. A record with a bad field still goes on with a stand-in value,
//! so that one typo does not cascade into "unknown id" errors elsewhere; a record whose own
//! id is bad does not.

use super::raw::{Obj, RawClaim, RawDocument, RawEdge, RawEntity, RawReview, Sink, Str};
use super::MAX_ERRORS;
use crate::graph::{DocData, EdgeExtra, Origin, Record, Slot};
use crate::model::{
    Claim, Credibility, Date, Document, Entity, Id, Kind, Rel, Reliability, Review, Tag,
    ValueError, Verdict,
};
use std::borrow::Cow;

/// An error located by file index and JSON path (line and column are found later).
pub(super) struct Found {
    pub file: u32,
    pub path: String,
    pub code: &'static str,
    pub message: String,
}

/// Collects errors up to [`MAX_ERRORS`], counting the rest.
#[derive(Default)]
pub(super) struct Errors {
    pub list: Vec<Found>,
    pub more: usize,
}

impl Errors {
    pub fn push(&mut self, file: u32, path: String, code: &'static str, message: String) {
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

    /// The value, or None after recording why it was rejected. The path is only built
    /// for an error.
    pub fn value<T>(
        &mut self,
        file: u32,
        path: impl FnOnce() -> String,
        r: Result<T, ValueError>,
    ) -> Option<T> {
        r.map_err(|e| self.push(file, path(), "value", e.0)).ok()
    }

    /// Forgets the errors found in file `f` (it failed to parse: only that counts).
    pub fn drop_file(&mut self, f: u32) {
        self.list.retain(|e| e.file != f);
    }
}

/// An edge with checked values and its ends still as text: they are looked up by the builder,
/// which knows every id read so far.
pub(super) struct EdgeItem<'a> {
    pub from: Cow<'a, str>,
    pub rel: Rel,
    pub to: Cow<'a, str>,
    pub in_doc: Option<Cow<'a, str>>,
    pub extra: Option<Box<EdgeExtra>>,
    /// What `from`, `to` and `in_doc` named in the index, when the parsing thread looked
    /// them up (`None` inside: not known then).
    pub seen: Option<Seen>,
}

/// What an edge's ends and document named when looked up.
#[derive(Clone, Copy, Default)]
pub(super) struct Seen {
    pub from: Option<Slot>,
    pub to: Option<Slot>,
    pub doc: Option<Slot>,
}

/// What the graph builder needs of a checked record, with the record's position in its
/// array. Documents are kept by the [`Checker`]; the builder only learns their ids (in the
/// same order, so the n-th document item is document n).
pub(super) enum Item<'a> {
    Document { pos: u32, id: Cow<'a, str> },
    Node { pos: u32, record: Record },
    Edge(u32, EdgeItem<'a>),
}

/// Turns raw records into model records and [`Item`]s for `out`, collecting value errors.
pub(super) struct Checker<O> {
    pub errs: Errors,
    /// The file being read.
    pub f: u32,
    pub out: O,
    pub docs: Vec<DocData>,
}

fn owned(s: Str<'_>) -> String {
    s.0.into_owned()
}

impl<O> Checker<O> {
    /// A checker with room for about `bytes` of input.
    pub fn new(out: O, bytes: usize) -> Checker<O> {
        Checker {
            errs: Errors::default(),
            f: 0,
            out,
            docs: Vec::with_capacity(bytes / 2000),
        }
    }

    fn origin(&self, pos: u32) -> Origin {
        Origin { file: self.f, pos }
    }

    fn id(&mut self, path: impl FnOnce() -> String, s: Str<'_>) -> Option<Id> {
        self.errs.value(self.f, path, Id::new(owned(s)))
    }

    /// Checks an id that is only looked up, keeping it borrowed.
    fn id_ref<'a>(&mut self, path: impl FnOnce() -> String, s: Str<'a>) -> Option<Cow<'a, str>> {
        self.errs.value(self.f, path, Id::check(&s)).map(|()| s.0)
    }

    fn date(&mut self, path: impl FnOnce() -> String, s: Option<Str<'_>>) -> Option<Date> {
        self.errs.value(self.f, path, Date::new(&*s?))
    }

    fn non_empty(&mut self, path: impl FnOnce() -> String, what: &str, s: &str) {
        if s.trim().is_empty() {
            self.errs
                .push(self.f, path(), "value", format!("{what} must not be empty"));
        }
    }

    fn id_list(&mut self, path: impl Fn() -> String, list: Vec<Str<'_>>) -> Vec<Id> {
        let mut ids = Vec::with_capacity(list.len());
        for (k, s) in list.into_iter().enumerate() {
            if let Some(id) = self.id(|| format!("{}[{k}]", path()), s) {
                ids.push(id);
            }
        }
        ids
    }

    fn review(&mut self, path: impl Fn() -> String, r: RawReview<'_>) -> Option<Box<Review>> {
        let f = self.f;
        let verdict = self.errs.value(
            f,
            || format!("{}.verdict", path()),
            Verdict::parse(&r.verdict),
        );
        let by = self.id(|| format!("{}.by", path()), r.by);
        let date = self.date(|| format!("{}.date", path()), r.date);
        Some(Box::new(Review {
            verdict: verdict?,
            by: by?,
            date,
            note: r.note.map(owned),
        }))
    }
}

/// Where checked records go.
pub(super) trait Out<'a> {
    fn put(&mut self, item: Item<'a>);
}

/// Checks records and forgets them: for parsing again only to find an error's path.
impl Out<'_> for () {
    fn put(&mut self, _: Item<'_>) {}
}

impl<'de, O: Out<'de>> Checker<O> {
    /// Hands a checked entity or claim to the builder.
    fn node(&mut self, pos: u32, record: Record) {
        self.out.put(Item::Node { pos, record });
    }
}

impl<'de, O: Out<'de>> Sink<'de> for Checker<O> {
    fn document(&mut self, i: usize, Obj(d): Obj<RawDocument<'de>>) {
        let p = |field: &str| format!("documents[{i}].{field}");
        let key = d.id.clone();
        let id = self.id(|| p("id"), d.id);
        self.non_empty(|| p("title"), "title", &d.title);
        let publisher = d.publisher.and_then(|s| self.id(|| p("publisher"), s));
        let published = self.date(|| p("published"), d.published);
        let Some(id) = id else { return };
        let doc = Document {
            id,
            title: owned(d.title),
            publisher,
            published,
            url: d.url.map(owned),
        };
        let pos = i as u32;
        self.docs.push(DocData {
            doc,
            origin: self.origin(pos),
        });
        self.out.put(Item::Document { pos, id: key.0 });
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
        self.node(i as u32, Record::Entity(entity));
    }

    fn claim(&mut self, i: usize, Obj(c): Obj<RawClaim<'de>>) {
        let p = |field: &str| format!("claims[{i}].{field}");
        let f = self.f;
        let id = self.id(|| p("id"), c.id);
        self.non_empty(|| p("text"), "text", &c.text);
        let date = self.date(|| p("date"), c.date);
        let about = self.id_list(|| p("about"), c.about);
        let found_in = self.id_list(|| p("found_in"), c.found_in);
        let credibility = c.credibility.and_then(|n| {
            self.errs
                .value(f, || p("credibility"), Credibility::new(n.0))
        });
        let review = c.review.and_then(|r| self.review(|| p("review"), r.0));
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
        self.node(i as u32, Record::Claim(claim));
    }

    fn edge(&mut self, i: usize, Obj(e): Obj<RawEdge<'de>>) {
        let p = |field: &str| format!("edges[{i}].{field}");
        let f = self.f;
        let rel = self.errs.value(f, || p("rel"), Rel::parse(&e.rel));
        let from = self.id_ref(|| p("from"), e.from);
        let to = self.id_ref(|| p("to"), e.to);
        let in_doc = match e.in_doc {
            Some(s) => match self.id_ref(|| p("in"), s) {
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
        let edge = EdgeItem {
            from,
            rel,
            to,
            in_doc,
            extra,
            seen: None,
        };
        self.out.put(Item::Edge(i as u32, edge));
    }
}
