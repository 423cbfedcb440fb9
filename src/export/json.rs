//! The canonical JSON layout: the file format of docs/format.md §1 with every array sorted
//! (documents, entities and claims by id; edges by from, rel, to), two-space indentation, one
//! record per line, and a trailing newline — so that `git diff` shows one changed line per
//! changed record. `export --format json` and the editing commands both write it.

use crate::graph::ClaimGraph;
use crate::model::GraphFile;
use serde::Serialize;
use std::io::{self, Write};

/// Writes `file` in the canonical layout. The arrays must already be sorted.
pub fn write_canonical<W: Write + ?Sized>(w: &mut W, file: &GraphFile) -> io::Result<()> {
    write_records(
        w,
        file.documents.iter(),
        file.entities.iter(),
        file.claims.iter(),
        file.edges.iter(),
    )
}

/// Writes the four arrays, given as records in the order they are to appear, in the
/// canonical layout (the layout only: sorting them is the caller's part).
pub fn write_records<W, D, E, C, G>(
    w: &mut W,
    documents: D,
    entities: E,
    claims: C,
    edges: G,
) -> io::Result<()>
where
    W: Write + ?Sized,
    D: ExactSizeIterator,
    D::Item: Serialize,
    E: ExactSizeIterator,
    E::Item: Serialize,
    C: ExactSizeIterator,
    C::Item: Serialize,
    G: ExactSizeIterator,
    G::Item: Serialize,
{
    let present = [
        documents.len() > 0,
        entities.len() > 0,
        claims.len() > 0,
        edges.len() > 0,
    ];
    let last = present.iter().rposition(|&p| p);
    let Some(last) = last else {
        return w.write_all(b"{}\n");
    };
    w.write_all(b"{\n")?;
    let more = |i: usize| i < last;
    if present[0] {
        section(w, "documents", documents, more(0))?;
    }
    if present[1] {
        section(w, "entities", entities, more(1))?;
    }
    if present[2] {
        section(w, "claims", claims, more(2))?;
    }
    if present[3] {
        section(w, "edges", edges, false)?;
    }
    w.write_all(b"}\n")
}

/// One `"name": [ ... ]` array, a record per line; `comma` if another array follows.
fn section<W, I>(w: &mut W, name: &str, records: I, comma: bool) -> io::Result<()>
where
    W: Write + ?Sized,
    I: ExactSizeIterator,
    I::Item: Serialize,
{
    writeln!(w, "  \"{name}\": [")?;
    let len = records.len();
    for (i, r) in records.enumerate() {
        w.write_all(b"    ")?;
        write_line(w, &r)?;
        w.write_all(if i + 1 < len { b",\n" } else { b"\n" })?;
    }
    w.write_all(if comma { b"  ],\n" } else { b"  ]\n" })
}

/// Writes one record as the canonical layout puts it on its line (without the indent and
/// the line's end).
pub fn write_line<W: Write + ?Sized, T: Serialize + ?Sized>(
    w: &mut W,
    record: &T,
) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *w, OneLine);
    record.serialize(&mut ser).map_err(io::Error::other)
}

/// JSON on one line with a space after each `:` and `,`, as a person would type it:
/// `{"id": "nis", "tags": ["intelligence"]}`.
struct OneLine;

impl serde_json::ser::Formatter for OneLine {
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if first {
            Ok(())
        } else {
            w.write_all(b", ")
        }
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if first {
            Ok(())
        } else {
            w.write_all(b", ")
        }
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
}

/// The whole graph as one canonical file.
pub fn write_graph<W: Write + ?Sized>(w: &mut W, g: &ClaimGraph) -> io::Result<()> {
    write_canonical(w, &g.to_graph_file())
}

/// `file` in the canonical layout, as a string.
pub fn to_canonical_string(file: &GraphFile) -> String {
    let mut buf = Vec::new();
    write_canonical(&mut buf, file).expect("writing to a Vec cannot fail");
    String::from_utf8(buf).expect("serde_json writes UTF-8")
}
