//! The legend: a small cluster of sample nodes and edges that explains the shapes, the claim
//! colours and the edge styles, drawn with the very attributes of the drawing.

use super::escape::quote;
use super::style::{self, ClaimState};
use super::DotOptions;
use crate::model::{Kind, Rel};
use std::io::{self, Write};

/// Writes the legend cluster. Its node ids (`legend:…`) cannot clash with the graph's ids,
/// which have no `:`.
pub fn write<W: Write + ?Sized>(w: &mut W, opts: &DotOptions) -> io::Result<()> {
    writeln!(w, "  subgraph \"cluster_legend\" {{")?;
    writeln!(
        w,
        "    graph [label=\"Legend\", tooltip=\"Legend\", style=\"rounded\", color=\"#bdbdbd\", fontcolor=\"#525252\", fontsize=\"9\", margin=\"6\"];"
    )?;
    writeln!(
        w,
        "    node [fontsize=\"8\", height=\"0.3\", margin=\"0.1,0.04\"];"
    )?;
    writeln!(w, "    edge [fontsize=\"7\"];")?;
    for (id, kind) in [
        ("country", Kind::Country),
        ("person", Kind::Person),
        ("organization", Kind::Organization),
    ] {
        writeln!(
            w,
            "    \"legend:{id}\" [label=\"{id}\", tooltip=\"{id}\", {}];",
            style::entity_shape(kind)
        )?;
    }
    let choke = style::EntityState {
        chokes: 1,
        discredited: false,
    };
    writeln!(
        w,
        "    \"legend:chokepoint\" [label=\"chokepoint: all of some\\nclaim's support passes it\", tooltip=\"chokepoint\", {}];",
        choke.attrs(Kind::Organization)
    )?;
    let only_on = format!("claim resting only on\n{}", opts.highlight);
    let samples = [
        ("claim", "claim".to_string(), ClaimState::default()),
        (
            "only_on",
            only_on,
            ClaimState {
                only_on: true,
                ..ClaimState::default()
            },
        ),
        (
            "contested",
            "contested claim".to_string(),
            ClaimState {
                contested: true,
                ..ClaimState::default()
            },
        ),
        (
            "circular",
            "circular claim".to_string(),
            ClaimState {
                circular: true,
                ..ClaimState::default()
            },
        ),
        (
            "ungrounded",
            "ungrounded claim".to_string(),
            ClaimState {
                ungrounded: true,
                ..ClaimState::default()
            },
        ),
    ];
    for (id, label, state) in samples {
        writeln!(
            w,
            "    \"legend:{id}\" [label={}, tooltip={}, {}];",
            quote(&label),
            quote(&label),
            state.attrs()
        )?;
    }
    let edges = [
        ("person", "claim", Rel::Asserts, None),
        ("country", "contested", Rel::Denies, None),
        ("organization", "only_on", Rel::Cites, None),
        ("person", "circular", Rel::Asserts, Some("arc on a cycle")),
    ];
    for (tail, head, rel, cycle_label) in edges {
        let mut attrs = style::edge_look(rel).attrs(cycle_label.is_some(), 1);
        if let Some(label) = cycle_label {
            attrs = attrs.replace(
                &format!("label=\"{}\"", rel.as_str()),
                &format!("label=\"{label}\""),
            );
        }
        writeln!(
            w,
            "    \"legend:{tail}\" -> \"legend:{head}\" [{attrs}, tooltip=\"{}\"];",
            cycle_label.unwrap_or(rel.as_str())
        )?;
    }
    if opts.part_of {
        writeln!(
            w,
            "    \"legend:part\" [label=\"part of a country\", tooltip=\"part of a country\", {}];",
            style::entity_shape(Kind::Organization)
        )?;
        writeln!(
            w,
            "    \"legend:country\" -> \"legend:part\" [{}, label=\"part of\", fontcolor=\"#737373\", tooltip=\"part_of\"];",
            style::PART_OF
        )?;
    }
    writeln!(w, "  }}")
}
