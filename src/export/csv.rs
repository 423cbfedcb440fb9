//! CSV for property-graph databases: `nodes.csv`, `edges.csv` and `support.csv` in the
//! layout of Neo4j's bulk importer (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`
//! headers), which Kùzu's `COPY FROM` reads by position, plus `kuzu.cypher`, the statements
//! that create Kùzu's tables and load the three files.
//!
//! Every node has the labels `Node` and `Entity` or `Claim`, and a `type` property saying the
//! same, so that one Cypher text runs on both databases. `support.csv` holds the arcs of the
//! support graph S (docs/format.md §2), derived, so that Cypher can reach grounds with a
//! variable-length `SUPPORTED_BY` pattern. Lists (tags, aliases, topics) are joined with
//! `;`. Fields are quoted as RFC 4180 says; texts may hold line breaks, which Neo4j reads
//! with `--multiline-fields=true` and Kùzu with `PARALLEL=false`.

use crate::graph::{ClaimGraph, NodeIx, Record};
use crate::support::Support;

/// The header of `nodes.csv`.
pub const NODE_HEADER: &[&str] = &[
    "id:ID",
    ":LABEL",
    "type",
    "kind",
    "name",
    "text",
    "tags",
    "aliases",
    "part_of",
    "reliability",
    "date",
    "topics",
    "credibility:int",
    "verdict",
];

/// The header of `edges.csv`.
pub const EDGE_HEADER: &[&str] = &[
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "date",
    "quote",
    "in",
    "note",
];

/// The header of `support.csv`.
pub const SUPPORT_HEADER: &[&str] = &[":START_ID", ":END_ID"];

/// The Kùzu statements that create the tables and load the files of this folder.
pub const KUZU_SCRIPT: &str = include_str!("kuzu.cypher");

/// One output file: its name and contents.
pub struct CsvFile {
    pub name: &'static str,
    pub text: String,
}

/// The files of the export, in write order.
pub fn files(g: &ClaimGraph) -> Vec<CsvFile> {
    let s = Support::new(g);
    let nodes = g.sorted_by_id(g.nodes().collect());
    let mut node_csv = row(NODE_HEADER.iter().map(|h| h.to_string()));
    for &ix in &nodes {
        node_csv.push_str(&row(node_fields(g, ix)));
    }
    let mut edge_csv = row(EDGE_HEADER.iter().map(|h| h.to_string()));
    for e in g.edge_records() {
        edge_csv.push_str(&row([
            e.from.to_string(),
            e.to.to_string(),
            e.rel.as_str().to_uppercase(),
            e.date.map(|d| d.to_string()).unwrap_or_default(),
            opt(e.quote.as_deref()),
            opt(e.in_doc.as_ref().map(|d| d.as_str())),
            opt(e.note.as_deref()),
        ]));
    }
    let mut support_csv = row(SUPPORT_HEADER.iter().map(|h| h.to_string()));
    for &ix in &nodes {
        for t in g.sorted_by_id(s.support_of(ix).collect()) {
            support_csv.push_str(&row([g.id(ix).to_string(), g.id(t).to_string()]));
        }
    }
    vec![
        CsvFile {
            name: "nodes.csv",
            text: node_csv,
        },
        CsvFile {
            name: "edges.csv",
            text: edge_csv,
        },
        CsvFile {
            name: "support.csv",
            text: support_csv,
        },
        CsvFile {
            name: "kuzu.cypher",
            text: KUZU_SCRIPT.to_string(),
        },
    ]
}

fn node_fields(g: &ClaimGraph, ix: NodeIx) -> Vec<String> {
    let id = g.id(ix).to_string();
    match &g.node(ix).record {
        Record::Entity(e) => vec![
            id,
            "Node;Entity".into(),
            "entity".into(),
            e.kind.as_str().into(),
            e.name.clone(),
            String::new(),
            joined(e.tags.iter().map(|t| t.as_str())),
            joined(e.aliases.iter().map(String::as_str)),
            opt(e.part_of.as_ref().map(|p| p.as_str())),
            e.reliability
                .map(|r| r.letter().to_string())
                .unwrap_or_default(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ],
        Record::Claim(c) => vec![
            id,
            "Node;Claim".into(),
            "claim".into(),
            String::new(),
            String::new(),
            c.text.clone(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            c.date.map(|d| d.to_string()).unwrap_or_default(),
            joined(c.topics.iter().map(String::as_str)),
            c.credibility
                .map(|c| c.value().to_string())
                .unwrap_or_default(),
            opt(c.verdict().map(|v| v.as_str())),
        ],
    }
}

fn opt(s: Option<&str>) -> String {
    s.unwrap_or_default().to_string()
}

fn joined<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(";")
}

/// One CSV record and its line break.
fn row(fields: impl IntoIterator<Item = String>) -> String {
    let cells: Vec<String> = fields.into_iter().map(|f| field(&f)).collect();
    let mut line = cells.join(",");
    line.push('\n');
    line
}

/// A field, quoted when it holds a comma, a quote, a line break or surrounding space.
pub fn field(s: &str) -> String {
    let needs = s.contains([',', '"', '\n', '\r']) || s.trim() != s;
    if needs {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Writes every file of the export into `dir` (which must exist), each as a new file renamed
/// over the name ([`crate::store::create`]): a symbolic link already there is replaced, never
/// written through.
pub fn write_dir(dir: &std::path::Path, g: &ClaimGraph) -> Result<(), crate::store::StoreError> {
    for f in files(g) {
        crate::store::create(&dir.join(f.name), f.text.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_csv_needs_it() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }
}
