//! RDF: the graph as N-Triples or Turtle in the vocabulary of `docs/rdf.md`.
//!
//! Every IRI lives under one base (`Base`): `{base}entity/{id}`, `{base}claim/{id}`,
//! `{base}document/{id}`, `{base}review/{id}` for the records and `{base}vocab#` for the few
//! terms schema.org and PROV-O do not have. Next to the edges as stated in the files, the
//! output carries two derived relations so that SPEC §2 can be asked in plain SPARQL:
//! `cg:supportedBy` (one triple per arc of the support graph S) and `prov:hadPrimarySource`
//! (a claim's grounds). Both writers share one list of statements per resource, so the two
//! formats always hold the same triples.

use crate::graph::{ClaimGraph, NodeIx};
use crate::model::{Claim, Date, Document, Entity, Kind, Rel};
use crate::support::Support;
use std::fmt::Write as _;
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

/// The object of a statement.
#[derive(Debug, Clone, PartialEq)]
enum Obj {
    /// A term of a vocabulary (a class).
    Term(Term),
    /// A record: its path segment (`entity`, `claim`, ...) and id.
    Node(&'static str, String),
    /// A literal with an optional XSD datatype.
    Lit(String, Option<&'static str>),
}

/// The statements about one subject.
struct Resource {
    seg: &'static str,
    id: String,
    props: Vec<(Term, Obj)>,
}

impl Resource {
    fn new(seg: &'static str, id: &str) -> Resource {
        Resource {
            seg,
            id: id.to_string(),
            props: Vec::new(),
        }
    }

    fn add(&mut self, p: Term, o: Obj) {
        self.props.push((p, o));
    }

    fn lit(&mut self, p: Term, s: &str) {
        self.add(p, Obj::Lit(s.to_string(), None));
    }
}

/// Which syntax to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    NTriples,
    Turtle,
}

/// Writes the whole graph as RDF in `syntax` under `base`.
pub fn write<W: Write + ?Sized>(
    w: &mut W,
    g: &ClaimGraph,
    base: &Base,
    syntax: Syntax,
) -> io::Result<()> {
    let s = Support::new(g);
    let file = g.to_graph_file();
    let mut resources = Vec::new();
    for d in &file.documents {
        resources.push(document(d));
    }
    for e in &file.entities {
        resources.push(entity(g, &s, e));
    }
    for c in &file.claims {
        resources.push(claim(g, &s, c));
        if let Some(r) = review(c) {
            resources.push(r);
        }
    }
    match syntax {
        Syntax::NTriples => write_ntriples(w, base, &resources),
        Syntax::Turtle => write_turtle(w, base, &resources),
    }
}

fn node_seg(g: &ClaimGraph, ix: NodeIx) -> &'static str {
    if g.is_claim(ix) {
        "claim"
    } else {
        "entity"
    }
}

fn node_obj(g: &ClaimGraph, ix: NodeIx) -> Obj {
    Obj::Node(node_seg(g, ix), g.id(ix).to_string())
}

fn date_lit(d: &Date) -> Obj {
    let text = d.to_string();
    let dt = match text.len() {
        4 => "gYear",
        7 => "gYearMonth",
        _ => "date",
    };
    Obj::Lit(text, Some(dt))
}

fn document(d: &Document) -> Resource {
    let mut r = Resource::new("document", d.id.as_str());
    r.add(TYPE, Obj::Term(("schema", "CreativeWork")));
    r.lit(("schema", "name"), &d.title);
    if let Some(p) = &d.publisher {
        r.add(("schema", "publisher"), Obj::Node("entity", p.to_string()));
    }
    if let Some(date) = &d.published {
        r.add(("schema", "datePublished"), date_lit(date));
    }
    if let Some(url) = &d.url {
        r.add(("schema", "url"), Obj::Lit(url.clone(), Some("anyURI")));
    }
    r
}

fn kind_class(k: Kind) -> Term {
    match k {
        Kind::Country => ("schema", "Country"),
        Kind::Person => ("schema", "Person"),
        Kind::Organization => ("schema", "Organization"),
    }
}

fn entity(g: &ClaimGraph, s: &Support, e: &Entity) -> Resource {
    let ix = g.node_by_id(e.id.as_str()).expect("entity of the graph");
    let mut r = Resource::new("entity", e.id.as_str());
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
        r.add(
            ("prov", "actedOnBehalfOf"),
            Obj::Node("entity", p.to_string()),
        );
    }
    if let Some(rel) = e.reliability {
        r.lit(("cg", "reliability"), &rel.letter().to_string());
    }
    if let Some(n) = &e.note {
        r.lit(("rdfs", "comment"), n);
    }
    for (rel, p) in [(Rel::Asserts, "asserts"), (Rel::Denies, "denies")] {
        for t in sorted(g, g.targets(ix, rel)) {
            r.add(("cg", p), node_obj(g, t));
        }
    }
    edges_out(g, s, ix, &mut r);
    r
}

fn claim(g: &ClaimGraph, s: &Support, c: &Claim) -> Resource {
    let ix = g.node_by_id(c.id.as_str()).expect("claim of the graph");
    let mut r = Resource::new("claim", c.id.as_str());
    r.add(TYPE, Obj::Term(("schema", "Claim")));
    r.lit(("schema", "text"), &c.text);
    if let Some(d) = &c.date {
        r.add(("schema", "temporalCoverage"), date_lit(d));
    }
    for a in &c.about {
        r.add(("schema", "about"), Obj::Node("entity", a.to_string()));
    }
    for t in &c.topics {
        r.lit(("schema", "keywords"), t);
    }
    for d in &c.found_in {
        r.add(
            ("schema", "appearance"),
            Obj::Node("document", d.to_string()),
        );
    }
    if let Some(cr) = c.credibility {
        r.add(
            ("cg", "credibility"),
            Obj::Lit(cr.value().to_string(), Some("integer")),
        );
    }
    if let Some(n) = &c.note {
        r.lit(("rdfs", "comment"), n);
    }
    if c.review.is_some() {
        r.add(("schema", "review"), Obj::Node("review", c.id.to_string()));
    }
    for a in sorted(g, g.sources(ix, Rel::Asserts)) {
        r.add(("prov", "wasAttributedTo"), node_obj(g, a));
    }
    edges_out(g, s, ix, &mut r);
    for &gr in s.grounds(ix) {
        let gr = NodeIx::new(gr as usize);
        r.add(("prov", "hadPrimarySource"), node_obj(g, gr));
    }
    r
}

/// The `cites` edges (with their PROV-O mirror) and the derived arcs of S out of `ix`.
fn edges_out(g: &ClaimGraph, s: &Support, ix: NodeIx, r: &mut Resource) {
    let cited = sorted(g, g.targets(ix, Rel::Cites));
    for &t in &cited {
        r.add(("cg", "cites"), node_obj(g, t));
    }
    for &t in &cited {
        r.add(("prov", "wasDerivedFrom"), node_obj(g, t));
    }
    for t in sorted(g, s.support_of(ix)) {
        r.add(("cg", "supportedBy"), node_obj(g, t));
    }
}

fn review(c: &Claim) -> Option<Resource> {
    let rv = c.review.as_ref()?;
    let mut r = Resource::new("review", c.id.as_str());
    r.add(TYPE, Obj::Term(("schema", "ClaimReview")));
    r.add(
        ("schema", "itemReviewed"),
        Obj::Node("claim", c.id.to_string()),
    );
    r.lit(("cg", "verdict"), rv.verdict.as_str());
    r.add(("schema", "author"), Obj::Node("entity", rv.by.to_string()));
    if let Some(d) = &rv.date {
        r.add(("schema", "datePublished"), date_lit(d));
    }
    if let Some(n) = &rv.note {
        r.lit(("schema", "reviewBody"), n);
    }
    Some(r)
}

fn sorted(g: &ClaimGraph, nodes: impl Iterator<Item = NodeIx>) -> Vec<NodeIx> {
    let mut v: Vec<NodeIx> = nodes.collect();
    v.sort_unstable_by(|&a, &b| g.id(a).cmp(g.id(b)));
    v.dedup();
    v
}

fn namespace(base: &Base, prefix: &str) -> String {
    match PREFIXES.iter().find(|(p, _)| *p == prefix) {
        Some((_, ns)) => ns.to_string(),
        None => base.vocab(),
    }
}

fn full_iri(base: &Base, o: &Obj) -> Option<String> {
    match o {
        Obj::Term((p, l)) => Some(format!("{}{l}", namespace(base, p))),
        Obj::Node(seg, id) => Some(format!("{}{seg}/{id}", base.as_str())),
        Obj::Lit(..) => None,
    }
}

/// A string literal's body with N-Triples/Turtle escapes (`\"`, `\\`, `\n`, `\r`, and
/// `\uXXXX` for other control characters).
pub fn escape_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

fn literal(base: &Base, text: &str, dt: Option<&str>, turtle: bool) -> String {
    let body = escape_literal(text);
    match dt {
        None => format!("\"{body}\""),
        Some(dt) if turtle => format!("\"{body}\"^^xsd:{dt}"),
        Some(dt) => format!("\"{body}\"^^<{}{dt}>", namespace(base, "xsd")),
    }
}

fn write_ntriples<W: Write + ?Sized>(w: &mut W, base: &Base, rs: &[Resource]) -> io::Result<()> {
    for r in rs {
        let subject = format!("<{}{}/{}>", base.as_str(), r.seg, r.id);
        for (p, o) in &r.props {
            let pred = full_iri(base, &Obj::Term(*p)).unwrap_or_default();
            let obj = match o {
                Obj::Lit(text, dt) => literal(base, text, *dt, false),
                o => format!("<{}>", full_iri(base, o).unwrap_or_default()),
            };
            writeln!(w, "{subject} <{pred}> {obj} .")?;
        }
    }
    Ok(())
}

/// The Turtle name of a record: `claim:ID`, or the full IRI where the id cannot be a
/// prefixed local name (one ending in `.`).
fn turtle_node(base: &Base, seg: &str, id: &str) -> String {
    if id.ends_with('.') {
        format!("<{}{seg}/{id}>", base.as_str())
    } else {
        format!("{seg}:{id}")
    }
}

fn write_turtle<W: Write + ?Sized>(w: &mut W, base: &Base, rs: &[Resource]) -> io::Result<()> {
    for (p, ns) in PREFIXES {
        writeln!(w, "@prefix {p}: <{ns}> .")?;
    }
    writeln!(w, "@prefix cg: <{}> .", base.vocab())?;
    for seg in ["entity", "claim", "document", "review"] {
        writeln!(w, "@prefix {seg}: <{}{seg}/> .", base.as_str())?;
    }
    for r in rs {
        writeln!(w)?;
        write!(w, "{}", turtle_node(base, r.seg, &r.id))?;
        for (i, (p, o)) in r.props.iter().enumerate() {
            let pred = if *p == TYPE {
                "a".to_string()
            } else {
                format!("{}:{}", p.0, p.1)
            };
            let obj = match o {
                Obj::Term((tp, tl)) => format!("{tp}:{tl}"),
                Obj::Node(seg, id) => turtle_node(base, seg, id),
                Obj::Lit(text, dt) => literal(base, text, *dt, true),
            };
            let sep = if i + 1 == r.props.len() { " ." } else { " ;" };
            write!(w, "\n    {pred} {obj}{sep}")?;
        }
        writeln!(w)?;
    }
    Ok(())
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
}
