//! GraphML: entities and claims as nodes, `asserts`/`denies`/`cites` as directed edges, with
//! typed attributes (`<key attr.type=...>`) that Gephi, Cytoscape and networkx read.
//!
//! List values (tags, aliases, topics) become one string joined with `;`, since GraphML has
//! no list type. Characters XML 1.0 cannot carry (controls other than tab, newline and
//! carriage return, U+FFFE, U+FFFF) are dropped; a carriage return is written as `&#13;`
//! so that parsers do not fold it into a newline.

use crate::graph::{ClaimGraph, NodeIx, Record};
use crate::support::Support;
use std::io::{self, Write};

/// `(id, for, name, type)` of every attribute key, in output order.
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("n_type", "node", "type", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_label", "node", "label", "string"),
    ("n_name", "node", "name", "string"),
    ("n_text", "node", "text", "string"),
    ("n_tags", "node", "tags", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("n_part_of", "node", "part_of", "string"),
    ("n_reliability", "node", "reliability", "string"),
    ("n_date", "node", "date", "string"),
    ("n_topics", "node", "topics", "string"),
    ("n_credibility", "node", "credibility", "int"),
    ("n_verdict", "node", "verdict", "string"),
    ("n_ground", "node", "ground", "boolean"),
    ("n_ungrounded", "node", "ungrounded", "boolean"),
    ("n_circular", "node", "circular", "boolean"),
    ("e_rel", "edge", "rel", "string"),
    ("e_date", "edge", "date", "string"),
    ("e_quote", "edge", "quote", "string"),
    ("e_in", "edge", "in", "string"),
    ("e_note", "edge", "note", "string"),
];

/// Writes the whole graph as one GraphML document.
pub fn write<W: Write + ?Sized>(w: &mut W, g: &ClaimGraph) -> io::Result<()> {
    let s = Support::new(g);
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, for_, name, ty) in KEYS {
        writeln!(
            w,
            r#"  <key id="{id}" for="{for_}" attr.name="{name}" attr.type="{ty}"/>"#
        )?;
    }
    writeln!(w, r#"  <graph id="claimgraph" edgedefault="directed">"#)?;
    let nodes = g.sorted_by_id(g.nodes().collect());
    for &ix in &nodes {
        write_node(w, g, &s, ix)?;
    }
    for (i, e) in g.edge_records().iter().enumerate() {
        writeln!(
            w,
            r#"    <edge id="e{i}" source="{}" target="{}">"#,
            xml(e.from.as_str()),
            xml(e.to.as_str())
        )?;
        data(w, "e_rel", Some(e.rel.as_str()))?;
        let date = e.date.map(|d| d.to_string());
        data(w, "e_date", date.as_deref())?;
        data(w, "e_quote", e.quote.as_deref())?;
        data(w, "e_in", e.in_doc.as_ref().map(|d| d.as_str()))?;
        data(w, "e_note", e.note.as_deref())?;
        writeln!(w, "    </edge>")?;
    }
    writeln!(w, "  </graph>\n</graphml>")
}

fn write_node<W: Write + ?Sized>(
    w: &mut W,
    g: &ClaimGraph,
    s: &Support,
    ix: NodeIx,
) -> io::Result<()> {
    writeln!(w, r#"    <node id="{}">"#, xml(g.id(ix).as_str()))?;
    match &g.node(ix).record {
        Record::Entity(e) => {
            data(w, "n_type", Some("entity"))?;
            data(w, "n_kind", Some(e.kind.as_str()))?;
            data(w, "n_label", Some(&e.name))?;
            data(w, "n_name", Some(&e.name))?;
            data(
                w,
                "n_tags",
                joined(e.tags.iter().map(|t| t.as_str())).as_deref(),
            )?;
            data(
                w,
                "n_aliases",
                joined(e.aliases.iter().map(String::as_str)).as_deref(),
            )?;
            data(w, "n_part_of", e.part_of.as_ref().map(|p| p.as_str()))?;
            let rel = e.reliability.map(|r| r.letter().to_string());
            data(w, "n_reliability", rel.as_deref())?;
            data(w, "n_ground", Some(bool_str(s.is_ground(ix))))?;
        }
        Record::Claim(c) => {
            data(w, "n_type", Some("claim"))?;
            data(w, "n_kind", Some("claim"))?;
            data(w, "n_label", Some(c.id.as_str()))?;
            data(w, "n_text", Some(&c.text))?;
            let date = c.date.map(|d| d.to_string());
            data(w, "n_date", date.as_deref())?;
            data(
                w,
                "n_topics",
                joined(c.topics.iter().map(String::as_str)).as_deref(),
            )?;
            let cred = c.credibility.map(|c| c.value().to_string());
            data(w, "n_credibility", cred.as_deref())?;
            data(w, "n_verdict", c.verdict().map(|v| v.as_str()))?;
            data(w, "n_ungrounded", Some(bool_str(s.ungrounded(ix))))?;
            data(w, "n_circular", Some(bool_str(s.circular(ix))))?;
        }
    }
    writeln!(w, "    </node>")
}

fn bool_str(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

fn joined<'a>(items: impl Iterator<Item = &'a str>) -> Option<String> {
    let v: Vec<&str> = items.collect();
    (!v.is_empty()).then(|| v.join(";"))
}

fn data<W: Write + ?Sized>(w: &mut W, key: &str, value: Option<&str>) -> io::Result<()> {
    match value {
        Some(v) => writeln!(w, r#"      <data key="{key}">{}</data>"#, xml(v)),
        None => Ok(()),
    }
}

/// `s` as XML character data or attribute value: markup characters escaped, characters
/// XML 1.0 forbids dropped.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if c.is_control() && (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_markup_and_drops_what_xml_cannot_carry() {
        assert_eq!(xml("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&apos;");
        assert_eq!(xml("x\u{1}\u{FFFF}y\r\n"), "xy&#13;\n");
    }
}
