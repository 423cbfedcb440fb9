//! Mermaid: the graph as a `flowchart` to paste into Markdown.
//!
//! Node names are synthetic (`n0`, `n1`, ... in id order) because Mermaid reads some ids as
//! keywords (`end`, `graph`) or as edge heads (an id starting with `o` or `x` after `--`);
//! a `%%` comment above each node gives its real id. Labels are quoted and every character
//! Mermaid treats as syntax inside them is written as an entity code (`#34;` for `"`),
//! line breaks become spaces, and long claim texts are cut at [`MAX_LABEL`] characters.
//! A relation stated in several documents is one arrow, its label counting them (`asserts
//! ×2`).

use crate::graph::{ClaimGraph, NodeIx, Record};
use crate::model::Verdict;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Longest label written, in characters; longer ones end in `…`.
pub const MAX_LABEL: usize = 80;

/// Writes the whole graph as a Mermaid flowchart.
pub fn write<W: Write + ?Sized>(w: &mut W, g: &ClaimGraph) -> io::Result<()> {
    let nodes = g.sorted_by_id(g.nodes().collect());
    let mut name = vec![usize::MAX; g.node_bound()];
    for (k, &ix) in nodes.iter().enumerate() {
        name[ix.index()] = k;
    }
    writeln!(w, "flowchart LR")?;
    for (k, &ix) in nodes.iter().enumerate() {
        writeln!(w, "  %% {}", g.id(ix))?;
        let (open, close, text) = match &g.node(ix).record {
            Record::Entity(e) => ("[\"", "\"]", e.name.as_str()),
            Record::Claim(c) => ("(\"", "\")", c.text.as_str()),
        };
        writeln!(w, "  n{k}{open}{}{close}", label(text))?;
    }
    // One arrow per relation, however many documents state it (the label counts them).
    let edges = g.edge_records();
    for same in edges.chunk_by(|a, b| (&a.from, a.rel, &a.to) == (&b.from, b.rel, &b.to)) {
        let e = &same[0];
        let from = g.node_by_id(e.from.as_str()).expect("edge ends are nodes");
        let to = g.node_by_id(e.to.as_str()).expect("edge ends are nodes");
        let arrow = match e.rel {
            crate::model::Rel::Asserts => "-->",
            crate::model::Rel::Denies => "-.->",
            crate::model::Rel::Cites => "==>",
        };
        let count = if same.len() > 1 {
            format!(" ×{}", same.len())
        } else {
            String::new()
        };
        writeln!(
            w,
            "  n{} {arrow}|{}{count}| n{}",
            name[from.index()],
            e.rel,
            name[to.index()]
        )?;
    }
    write_classes(w, g, &nodes)
}

/// Styles: entities and claims, and claims by verdict.
fn write_classes<W: Write + ?Sized>(w: &mut W, g: &ClaimGraph, nodes: &[NodeIx]) -> io::Result<()> {
    writeln!(w, "  classDef entity fill:#e8eef8,stroke:#4a6492")?;
    writeln!(w, "  classDef claim fill:#ffffff,stroke:#888888")?;
    writeln!(w, "  classDef verdict_true fill:#dff0d8,stroke:#3c763d")?;
    writeln!(w, "  classDef verdict_mixed fill:#fcf8e3,stroke:#8a6d3b")?;
    writeln!(w, "  classDef verdict_false fill:#f2dede,stroke:#a94442")?;
    let mut classes: Vec<(&str, Vec<String>)> = vec![
        ("entity", Vec::new()),
        ("claim", Vec::new()),
        ("verdict_true", Vec::new()),
        ("verdict_mixed", Vec::new()),
        ("verdict_false", Vec::new()),
    ];
    for (k, &ix) in nodes.iter().enumerate() {
        let slot = match &g.node(ix).record {
            Record::Entity(_) => 0,
            Record::Claim(c) => match c.verdict() {
                None => 1,
                Some(Verdict::True | Verdict::MostlyTrue) => 2,
                Some(Verdict::Mixed | Verdict::Unproven) => 3,
                Some(Verdict::MostlyFalse | Verdict::False) => 4,
            },
        };
        classes[slot].1.push(format!("n{k}"));
    }
    for (class, members) in classes {
        if !members.is_empty() {
            writeln!(w, "  class {} {class}", members.join(","))?;
        }
    }
    Ok(())
}

/// `text` as the inside of a quoted Mermaid label.
pub fn label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (count, c) in text.chars().enumerate() {
        if count == MAX_LABEL {
            out.push('…');
            break;
        }
        match c {
            c if c.is_control() => out.push(' '),
            '"' | '#' | '<' | '>' | '&' | '`' | '%' | '{' | '}' | '[' | ']' | '|' | '\\' | ';' => {
                let _ = write!(out, "#{};", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_encode_mermaid_syntax_and_cut_long_text() {
        assert_eq!(label("a \"b\" #c\nd"), "a #34;b#34; #35;c d");
        let long = "x".repeat(200);
        assert_eq!(label(&long).chars().count(), MAX_LABEL + 1);
    }
}
