//! RDF: the graph as N-Triples or Turtle in the vocabulary of `docs/rdf.md`.
//!
//! Every IRI lives under one base (`Base`): `{base}entity/{id}`, `{base}claim/{id}`,
//! `{base}document/{id}`, `{base}review/{id}` for the records and `{base}vocab#` for the few
//! terms schema.org and PROV-O do not have. Next to the edges as stated in the files, the
//! output carries two derived relations so that docs/format.md §2 can be asked in plain SPARQL:
//! `cg:supportedBy` (one triple per arc of the support graph S) and `prov:hadPrimarySource`
//! (a claim's grounds), and one precomputed fact, `cg:origin` (an entity's origin, itself when
//! it is part of nothing). A relation is one triple however many documents state it; each edge
//! with a document, quote, date or note is also a resource of its own, an appearance
//! (`{base}appearance/{from}/{rel}/{to}[/{in}]`, an `rdf:Statement` about the direct
//! triple) carrying those details, so every appearance of a relation survives the export.
//! Both writers share one list of statements per resource, so the two formats always hold
//! the same triples. Each record's statements borrow from the graph and
//! are written as soon as they are gathered, through one buffer: the export streams, with no
//! allocation per triple and no copy of the graph.

use crate::graph::{ClaimGraph, GraphEdge, NodeIx};
use crate::model::{Claim, Date, Document, Entity, Kind, Rel};
use crate::support::Support;
use std::borrow::Cow;
use std::io::{self, Write};

/// The IRI every exported name starts with: absolute, ending in `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base(String);

/// The base used when none is given.
pub const DEFAULT_BASE: &str = "https://example.org/claimgraph/";

/// Why a base IRI was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad base IRI {iri:?}: {reason}")]
pub struct BaseError {
    pub iri: String,
    pub reason: &'static str,
}

impl Base {
    /// Accepts an absolute IRI (`scheme:...`) that ends in `/` and holds no character IRIs
    /// forbid (space, controls, `<>"{}|^` and backquote, backslash).
    pub fn new(iri: &str) -> Result<Base, BaseError> {
        let err = |reason| {
            Err(BaseError {
                iri: iri.to_string(),
                reason,
            })
        };
        let scheme_end = iri.find(':').unwrap_or(0);
        let scheme = &iri[..scheme_end];
        let scheme_ok = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if !scheme_ok {
            return err("it must be absolute, starting with a scheme such as https:");
        }
        if iri
            .chars()
            .any(|c| c.is_control() || c == ' ' || "<>\"{}|^`\\".contains(c))
        {
            return err("it holds a character that IRIs do not allow");
        }
        if !iri.ends_with('/') {
            return err("it must end with '/' so that an id is the last path segment");
        }
        Ok(Base(iri.to_string()))
    }

    /// The base IRI as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The namespace of the claimgraph terms (`cg:`).
    pub fn vocab(&self) -> String {
        format!("{}vocab#", self.0)
    }
}

impl Default for Base {
    fn default() -> Self {
        Base(DEFAULT_BASE.to_string())
    }
}

/// Namespaces of the vocabularies used, with their Turtle and SPARQL prefixes.
pub const PREFIXES: &[(&str, &str)] = &[
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("schema", "https://schema.org/"),
    ("prov", "http://www.w3.org/ns/prov#"),
];

/// A predicate or class: a prefix (one of [`PREFIXES`] or `cg`) and a local name.
type Term = (&'static str, &'static str);

const TYPE: Term = ("rdf", "type");

/// The object of a statement, borrowed from the graph: writing a triple allocates nothing.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Obj<'a> {
    /// A term of a vocabulary (a class).
    Term(Term),
    /// A record: its path segment (`entity`, `claim`, ...) and id.
    Node(&'static str, &'a str),
    /// A literal with an optional XSD datatype.
    Lit(Text<'a>, Option<&'static str>),
}

/// The lexical form of a literal.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Text<'a> {
    Str(&'a str),
    Date(Date),
    Int(u8),
    Letter(char),
}

/// The statements about one subject. One is reused for every record, so that its list of
/// statements is allocated once. The id is borrowed from the graph, or owned where a subject
/// has no id of its own to borrow.
#[derive(Default)]
struct Resource<'a> {
    seg: &'static str,
    id: Cow<'a, str>,
    props: Vec<(Term, Obj<'a>)>,
}

impl<'a> Resource<'a> {
    /// Starts the statements about `{seg}/{id}`, forgetting the previous subject's.
    fn reset(&mut self, seg: &'static str, id: impl Into<Cow<'a, str>>) {
        self.seg = seg;
        self.id = id.into();
        self.props.clear();
    }

    fn add(&mut self, p: Term, o: Obj<'a>) {
        self.props.push((p, o));
    }

    fn lit(&mut self, p: Term, s: &'a str) {
        self.add(p, Obj::Lit(Text::Str(s), None));
    }
}

/// Which syntax to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    NTriples,
    Turtle,
}

/// Writes the whole graph as RDF in `syntax` under `base`: documents, entities, then claims
/// (each followed by its review), each sorted by id. Each record's statements are written as
/// soon as they are gathered, through one buffer.
pub fn write<W: Write + ?Sized>(
    w: &mut W,
    g: &ClaimGraph,
    base: &Base,
    syntax: Syntax,
) -> io::Result<()> {
    let s = Support::new(g);
    let mut out = Out {
        w: io::BufWriter::with_capacity(1 << 16, w),
        base,
        syntax,
    };
    out.header()?;
    let mut r = Resource::default();
    let mut gather = Gather {
        g,
        s: &s,
        nodes: Vec::new(),
    };
    let mut docs: Vec<&Document> = g.documents().collect();
    docs.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    for d in docs {
        document(&mut r, d);
        out.resource(&r)?;
    }
    for ix in g.sorted_by_id(g.entities().collect()) {
        let Some(e) = g.entity(ix) else { continue };
        gather.entity(ix, e, &mut r);
        out.resource(&r)?;
    }
    for ix in g.sorted_by_id(g.claims().collect()) {
        let Some(c) = g.claim(ix) else { continue };
        gather.claim(ix, c, &mut r);
        out.resource(&r)?;
        if review(c, &mut r) {
            out.resource(&r)?;
        }
    }
    for e in sorted_edges(g) {
        if appearance(g, e, &mut r) {
            out.resource(&r)?;
        }
    }
    out.w.flush()
}

fn node_seg(g: &ClaimGraph, ix: NodeIx) -> &'static str {
    if g.is_claim(ix) {
        "claim"
    } else {
        "entity"
    }
}

fn node_obj(g: &ClaimGraph, ix: NodeIx) -> Obj<'_> {
    Obj::Node(node_seg(g, ix), g.id(ix).as_str())
}

fn date_lit<'a>(d: &Date) -> Obj<'a> {
    let dt = match (d.month(), d.day()) {
        (None, _) => "gYear",
        (Some(_), None) => "gYearMonth",
        (Some(_), Some(_)) => "date",
    };
    Obj::Lit(Text::Date(*d), Some(dt))
}

fn document<'a>(r: &mut Resource<'a>, d: &'a Document) {
    r.reset("document", d.id.as_str());
    r.add(TYPE, Obj::Term(("schema", "CreativeWork")));
    r.lit(("schema", "name"), &d.title);
    if let Some(p) = &d.publisher {
        r.add(("schema", "publisher"), Obj::Node("entity", p.as_str()));
    }
    if let Some(date) = &d.published {
        r.add(("schema", "datePublished"), date_lit(date));
    }
    if let Some(url) = &d.url {
        r.add(("schema", "url"), Obj::Lit(Text::Str(url), Some("anyURI")));
    }
}

fn kind_class(k: Kind) -> Term {
    match k {
        Kind::Country => ("schema", "Country"),
        Kind::Person => ("schema", "Person"),
        Kind::Organization => ("schema", "Organization"),
    }
}

/// What the statements of entities and claims are gathered from, with a buffer reused to
/// sort the nodes each lists.
struct Gather<'a> {
    g: &'a ClaimGraph,
    s: &'a Support,
    nodes: Vec<NodeIx>,
}

impl<'a> Gather<'a> {
    fn entity(&mut self, ix: NodeIx, e: &'a Entity, r: &mut Resource<'a>) {
        let g = self.g;
        r.reset("entity", e.id.as_str());
        r.add(TYPE, Obj::Term(("prov", "Agent")));
        r.add(TYPE, Obj::Term(kind_class(e.kind)));
        r.lit(("schema", "name"), &e.name);
        for a in &e.aliases {
            r.lit(("schema", "alternateName"), a);
        }
        for t in &e.tags {
            r.lit(("cg", "tag"), t.as_str());
        }
        if let Some(p) = &e.part_of {
            r.add(("prov", "actedOnBehalfOf"), Obj::Node("entity", p.as_str()));
        }
        r.add(("cg", "origin"), node_obj(g, self.s.origin(ix)));
        if let Some(rel) = e.reliability {
            r.add(
                ("cg", "reliability"),
                Obj::Lit(Text::Letter(rel.letter()), None),
            );
        }
        if let Some(n) = &e.note {
            r.lit(("rdfs", "comment"), n);
        }
        for (rel, p) in [(Rel::Asserts, "asserts"), (Rel::Denies, "denies")] {
            for &t in self.sorted(g.targets(ix, rel)) {
                r.add(("cg", p), node_obj(g, t));
            }
        }
        self.edges_out(ix, r);
    }

    fn claim(&mut self, ix: NodeIx, c: &'a Claim, r: &mut Resource<'a>) {
        let (g, s) = (self.g, self.s);
        r.reset("claim", c.id.as_str());
        r.add(TYPE, Obj::Term(("schema", "Claim")));
        r.lit(("schema", "text"), &c.text);
        if let Some(d) = &c.date {
            r.add(("schema", "temporalCoverage"), date_lit(d));
        }
        for a in &c.about {
            r.add(("schema", "about"), Obj::Node("entity", a.as_str()));
        }
        for t in &c.topics {
            r.lit(("schema", "keywords"), t);
        }
        for d in &c.found_in {
            r.add(("schema", "appearance"), Obj::Node("document", d.as_str()));
        }
        if let Some(cr) = c.credibility {
            r.add(
                ("cg", "credibility"),
                Obj::Lit(Text::Int(cr.value()), Some("integer")),
            );
        }
        if let Some(n) = &c.note {
            r.lit(("rdfs", "comment"), n);
        }
        if c.review.is_some() {
            r.add(("schema", "review"), Obj::Node("review", c.id.as_str()));
        }
        for &a in self.sorted(g.sources(ix, Rel::Asserts)) {
            r.add(("prov", "wasAttributedTo"), node_obj(g, a));
        }
        self.edges_out(ix, r);
        for &gr in s.grounds(ix) {
            let gr = NodeIx::new(gr as usize);
            r.add(("prov", "hadPrimarySource"), node_obj(g, gr));
        }
    }

    /// The `cites` edges (with their PROV-O mirror) and the derived arcs of S out of `ix`.
    fn edges_out(&mut self, ix: NodeIx, r: &mut Resource<'a>) {
        let (g, s) = (self.g, self.s);
        let cited = self.sorted(g.targets(ix, Rel::Cites));
        for &t in cited.iter() {
            r.add(("cg", "cites"), node_obj(g, t));
        }
        for &t in cited.iter() {
            r.add(("prov", "wasDerivedFrom"), node_obj(g, t));
        }
        for &t in self.sorted(s.support_of(ix)) {
            r.add(("cg", "supportedBy"), node_obj(g, t));
        }
    }

    /// `nodes` sorted by id without repeats (in a reused buffer: sorting allocates nothing).
    fn sorted(&mut self, nodes: impl Iterator<Item = NodeIx>) -> &[NodeIx] {
        let g = self.g;
        self.nodes.clear();
        self.nodes.extend(nodes);
        if self.nodes.len() > 1 {
            self.nodes.sort_unstable_by(|&a, &b| g.id(a).cmp(g.id(b)));
            self.nodes.dedup();
        }
        &self.nodes
    }
}

/// Every edge, ordered by `from`, `rel`, `to` and `in`.
fn sorted_edges(g: &ClaimGraph) -> Vec<GraphEdge<'_>> {
    use petgraph::visit::{EdgeRef, IntoEdgeReferences};
    let mut edges: Vec<GraphEdge<'_>> = g.petgraph().edge_references().collect();
    let key = |e: &GraphEdge<'_>| {
        (
            g.id(e.source()),
            e.weight().rel,
            g.id(e.target()),
            g.edge_doc_id(e),
        )
    };
    edges.sort_unstable_by(|a, b| key(a).cmp(&key(b)));
    edges
}

/// Edge `e` as an appearance, if it says where, when or in which words: an `rdf:Statement`
/// reifying the direct triple `from cg:rel to`, with the document it appears in, its quote,
/// date and note. Its IRI path is `appearance/FROM/REL/TO`, then `/IN` when it has a
/// document (ids hold no `/`). An edge with none of these is the direct triple alone.
fn appearance<'a>(g: &'a ClaimGraph, e: GraphEdge<'a>, r: &mut Resource<'a>) -> bool {
    use petgraph::visit::EdgeRef;
    let w = e.weight();
    let extra = w.extra.as_deref();
    let in_doc = g.edge_doc_id(&e);
    if in_doc.is_none()
        && extra.is_none_or(|x| x.quote.is_none() && x.date.is_none() && x.note.is_none())
    {
        return false;
    }
    let mut id = format!("{}/{}/{}", g.id(e.source()), w.rel, g.id(e.target()));
    if let Some(d) = in_doc {
        id.push('/');
        id.push_str(d.as_str());
    }
    r.reset("appearance", id);
    r.add(TYPE, Obj::Term(("rdf", "Statement")));
    r.add(("rdf", "subject"), node_obj(g, e.source()));
    r.add(("rdf", "predicate"), Obj::Term(("cg", rel_term(w.rel))));
    r.add(("rdf", "object"), node_obj(g, e.target()));
    if let Some(d) = in_doc {
        r.add(("schema", "appearance"), Obj::Node("document", d.as_str()));
    }
    if let Some(x) = extra {
        if let Some(q) = &x.quote {
            r.lit(("cg", "quote"), q);
        }
        if let Some(d) = &x.date {
            r.add(("cg", "date"), date_lit(d));
        }
        if let Some(n) = &x.note {
            r.lit(("rdfs", "comment"), n);
        }
    }
    true
}

fn rel_term(rel: Rel) -> &'static str {
    match rel {
        Rel::Asserts => "asserts",
        Rel::Denies => "denies",
        Rel::Cites => "cites",
    }
}

/// The review of `c` as its own resource, if it has one.
fn review<'a>(c: &'a Claim, r: &mut Resource<'a>) -> bool {
    let Some(rv) = c.review.as_ref() else {
        return false;
    };
    r.reset("review", c.id.as_str());
    r.add(TYPE, Obj::Term(("schema", "ClaimReview")));
    r.add(
        ("schema", "itemReviewed"),
        Obj::Node("claim", c.id.as_str()),
    );
    r.lit(("cg", "verdict"), rv.verdict.as_str());
    r.add(("schema", "author"), Obj::Node("entity", rv.by.as_str()));
    if let Some(d) = &rv.date {
        r.add(("schema", "datePublished"), date_lit(d));
    }
    if let Some(n) = &rv.note {
        r.lit(("schema", "reviewBody"), n);
    }
    true
}

/// The namespace of a prefix: one of [`PREFIXES`], or `cg`.
fn namespace<'b>(base: &'b Base, prefix: &str) -> Namespace<'b> {
    match PREFIXES.iter().find(|(p, _)| *p == prefix) {
        Some((_, ns)) => Namespace(ns, ""),
        None => Namespace(base.as_str(), "vocab#"),
    }
}

/// A namespace IRI in two pieces, so that `cg:` (the base followed by `vocab#`) needs no
/// string of its own.
#[derive(Clone, Copy)]
struct Namespace<'b>(&'b str, &'static str);

/// A string literal's body with N-Triples/Turtle escapes (`\"`, `\\`, `\n`, `\r`, `\t`, and
/// `\uXXXX` for other control characters).
pub fn escape_literal(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len() + 2);
    write_escaped(&mut out, s).expect("writing to a Vec cannot fail");
    String::from_utf8(out).expect("escaping keeps UTF-8")
}

/// Writes `s` escaped as [`escape_literal`] does, copying the runs that need no escape whole.
/// A control character (Unicode class Cc) is a byte below 0x20, 0x7F, or the two bytes
/// `C2 80`–`C2 9F` (U+0080–U+009F).
fn write_escaped<W: Write + ?Sized>(w: &mut W, s: &str) -> io::Result<()> {
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (escape, len): (Option<&[u8]>, usize) = match b {
            b'"' => (Some(b"\\\""), 1),
            b'\\' => (Some(b"\\\\"), 1),
            b'\n' => (Some(b"\\n"), 1),
            b'\r' => (Some(b"\\r"), 1),
            b'\t' => (Some(b"\\t"), 1),
            0..0x20 | 0x7F => (None, 1),
            0xC2 if matches!(bytes.get(i + 1), Some(0x80..=0x9F)) => (None, 2),
            _ => {
                i += 1;
                continue;
            }
        };
        w.write_all(&bytes[run..i])?;
        match escape {
            Some(e) => w.write_all(e)?,
            None => {
                let c = s[i..i + len].chars().next().expect("a whole character");
                write!(w, "\\u{:04X}", c as u32)?;
            }
        }
        i += len;
        run = i;
    }
    w.write_all(&bytes[run..])
}

/// The writer of one syntax: statements go out piece by piece through one buffer.
struct Out<'b, W: Write> {
    w: io::BufWriter<W>,
    base: &'b Base,
    syntax: Syntax,
}

impl<W: Write> Out<'_, W> {
    fn put(&mut self, s: &str) -> io::Result<()> {
        self.w.write_all(s.as_bytes())
    }

    /// `<{base}{seg}/{id}>`.
    fn node_iri(&mut self, seg: &str, id: &str) -> io::Result<()> {
        let base = self.base.as_str();
        for piece in ["<", base, seg, "/", id, ">"] {
            self.put(piece)?;
        }
        Ok(())
    }

    /// `<{namespace}{local}>`.
    fn term_iri(&mut self, (prefix, local): Term) -> io::Result<()> {
        let Namespace(ns, tail) = namespace(self.base, prefix);
        for piece in ["<", ns, tail, local, ">"] {
            self.put(piece)?;
        }
        Ok(())
    }

    /// `"body"`, then `^^xsd:dt` in Turtle or `^^<...XMLSchema#dt>` in N-Triples.
    fn literal(&mut self, text: Text<'_>, dt: Option<&'static str>) -> io::Result<()> {
        self.put("\"")?;
        match text {
            Text::Str(s) => write_escaped(&mut self.w, s)?,
            Text::Date(d) => write!(self.w, "{d}")?,
            Text::Int(n) => write!(self.w, "{n}")?,
            Text::Letter(c) => write_escaped(&mut self.w, c.encode_utf8(&mut [0; 4]))?,
        }
        self.put("\"")?;
        match (dt, self.syntax) {
            (None, _) => Ok(()),
            (Some(dt), Syntax::Turtle) => {
                self.put("^^xsd:")?;
                self.put(dt)
            }
            (Some(dt), Syntax::NTriples) => {
                self.put("^^")?;
                self.term_iri(("xsd", dt))
            }
        }
    }

    /// The Turtle prefixes; nothing for N-Triples.
    fn header(&mut self) -> io::Result<()> {
        if self.syntax == Syntax::NTriples {
            return Ok(());
        }
        for (p, ns) in PREFIXES {
            writeln!(self.w, "@prefix {p}: <{ns}> .")?;
        }
        writeln!(self.w, "@prefix cg: <{}> .", self.base.vocab())?;
        for seg in ["entity", "claim", "document", "review"] {
            writeln!(self.w, "@prefix {seg}: <{}{seg}/> .", self.base.as_str())?;
        }
        Ok(())
    }

    fn resource(&mut self, r: &Resource<'_>) -> io::Result<()> {
        match self.syntax {
            Syntax::NTriples => self.ntriples(r),
            Syntax::Turtle => self.turtle(r),
        }
    }

    fn ntriples(&mut self, r: &Resource<'_>) -> io::Result<()> {
        for &(p, o) in &r.props {
            self.node_iri(r.seg, &r.id)?;
            self.put(" ")?;
            self.term_iri(p)?;
            self.put(" ")?;
            match o {
                Obj::Term(t) => self.term_iri(t)?,
                Obj::Node(seg, id) => self.node_iri(seg, id)?,
                Obj::Lit(text, dt) => self.literal(text, dt)?,
            }
            self.put(" .\n")?;
        }
        Ok(())
    }

    /// The Turtle name of a record: `claim:ID`, or the full IRI where the id cannot be a
    /// prefixed local name (one ending in `.`, or an appearance's path with `/`).
    fn turtle_node(&mut self, seg: &str, id: &str) -> io::Result<()> {
        if id.ends_with('.') || id.contains('/') {
            self.node_iri(seg, id)
        } else {
            for piece in [seg, ":", id] {
                self.put(piece)?;
            }
            Ok(())
        }
    }

    fn turtle(&mut self, r: &Resource<'_>) -> io::Result<()> {
        self.put("\n")?;
        self.turtle_node(r.seg, &r.id)?;
        for (i, &(p, o)) in r.props.iter().enumerate() {
            self.put("\n    ")?;
            if p == TYPE {
                self.put("a")?;
            } else {
                for piece in [p.0, ":", p.1] {
                    self.put(piece)?;
                }
            }
            self.put(" ")?;
            match o {
                Obj::Term((tp, tl)) => {
                    for piece in [tp, ":", tl] {
                        self.put(piece)?;
                    }
                }
                Obj::Node(seg, id) => self.turtle_node(seg, id)?,
                Obj::Lit(text, dt) => self.literal(text, dt)?,
            }
            self.put(if i + 1 == r.props.len() { " ." } else { " ;" })?;
        }
        self.put("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_base_must_be_absolute_and_end_in_a_slash() {
        assert!(Base::new("https://example.org/cg/").is_ok());
        assert!(Base::new("urn:x:").is_err());
        assert!(Base::new("example.org/").is_err());
        assert!(Base::new("https://example.org/a b/").is_err());
        assert!(Base::new("https://example.org/<x>/").is_err());
    }

    #[test]
    fn literals_escape_quotes_backslashes_and_controls() {
        assert_eq!(escape_literal("a\"b\\c\nd\u{1}"), "a\\\"b\\\\c\\nd\\u0001");
    }

    #[test]
    fn escaping_matches_char_is_control_on_every_character_class() {
        // C1 controls are two bytes (C2 80-9F); their neighbours C2 A0+ and other
        // multi-byte characters pass through unchanged.
        let text = "\u{7f}\u{80}\u{9f}\u{a0}\u{a2}é평🚀\u{200b}\u{feff}\t\r";
        let expected: String = text
            .chars()
            .map(|c| match c {
                '\t' => "\\t".to_string(),
                '\r' => "\\r".to_string(),
                c if c.is_control() => format!("\\u{:04X}", c as u32),
                c => c.to_string(),
            })
            .collect();
        assert_eq!(escape_literal(text), expected);
        assert_eq!(escape_literal("\u{80}x\u{9f}"), "\\u0080x\\u009F");
    }
}
