//! `why`: the support tree of a claim down to its grounds.

use super::completions;
use super::style::{Paint, Role};
use super::term::safe;
use super::whatif::TextRead;
use super::{resolve_claim, CliError, Ctx, TextFormat};
use claimgraph::appearance::{self, Appearance};
use claimgraph::graph::{ClaimGraph, NodeIx, Record};
use claimgraph::support::Support;
use claimgraph::text::terminal_safe;
use claimgraph::why::{self, Mark, Row, Via};
use clap_complete::ArgValueCandidates;
use std::io::Write;
use std::process::ExitCode;

/// Show why a claim is believed: its support tree down to its grounds.
///
/// Each level says how it supports the one above (cites, asserted by, relays), and under it
/// every document that states that link, with its date and the words quoted. Grounds are
/// sources that cite nothing; cycles are marked; a node met twice is expanded once. Nodes on
/// every path down to a ground are marked as chokepoints; with --discredit, the links to the
/// discredited sources end there, marked.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph why nk-ballistic-missiles-to-russia\n  claimgraph why nk-ballistic-missiles-to-russia --format json\n  claimgraph why nk-arms-transfers-since-aug-2023 --discredit nis"
)]
pub struct Args {
    /// The claim (an id).
    #[arg(add = ArgValueCandidates::new(completions::claim_ids))]
    claim: String,
    /// Levels to show below the claim; deeper supports are cut and counted.
    #[arg(long, default_value_t = 25, value_name = "N")]
    depth: usize,
    #[command(flatten)]
    read: TextRead,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let view = args.read.load(ctx)?;
    let g = view.graph;
    let root = resolve_claim(g, &args.claim)?.ix;
    let s = view.support();
    let tree = why::tree(g, &s, root, args.depth);
    match args.read.format {
        TextFormat::Text => write_text(out, ctx.paint, g, &s, &tree)?,
        TextFormat::Json => write_json(out, g, &s, &tree)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn via_text(via: Via) -> &'static str {
    match via {
        Via::Root => "",
        Via::Cites => "cites ",
        Via::AssertedBy => "asserted by ",
        Via::Relays => "relays ",
    }
}

/// One line's label: the node and what the tree knows about it. With colour, ids are bold,
/// grounds green, intelligence sources and cycles yellow, dead ends red.
fn label(p: Paint, g: &ClaimGraph, s: &Support, row: &Row) -> String {
    let id = p.paint(Role::Strong, g.id(row.node).as_str());
    let body = match &g.node(row.node).record {
        Record::Claim(c) => format!("{id}: {}", safe(&c.text)),
        Record::Entity(e) => {
            let tags: Vec<String> = e
                .tags
                .iter()
                .map(|t| {
                    let role = if t.as_str() == "intelligence" {
                        Role::Warn
                    } else {
                        Role::Dim
                    };
                    p.paint(role, t.as_str())
                })
                .collect();
            let tags = if tags.is_empty() {
                String::new()
            } else {
                format!(" [{}]", tags.join(", "))
            };
            format!("{id} ({}){tags}", safe(&e.name))
        }
    };
    let note = match row.mark {
        Mark::Ground => p.paint(
            Role::Good,
            &format!("  — ground, origin {}", g.id(s.origin(row.node))),
        ),
        Mark::DeadEnd => p.paint(Role::Bad, "  — nobody asserts it and it cites nothing"),
        Mark::Cycle => p.paint(Role::Warn, "  ↺ cycle: already on this path"),
        Mark::ShownAbove => p.paint(Role::Dim, "  (shown above)"),
        Mark::Cut => p.paint(Role::Dim, "  … cut by --depth"),
        Mark::Discredited => p.paint(Role::Bad, "  ✗ discredited"),
        Mark::Expanded => String::new(),
    };
    let choke = if row.chokepoint {
        p.paint(Role::Warn, "  ◆ chokepoint")
    } else {
        String::new()
    };
    format!(
        "{}{body}{note}{choke}",
        p.paint(Role::Dim, via_text(row.via))
    )
}

/// For each row, whether a later sibling follows it (so its branch line continues).
fn has_next_sibling(rows: &[Row]) -> Vec<bool> {
    let mut seen_at_depth: Vec<bool> = Vec::new();
    let mut out = vec![false; rows.len()];
    for (i, row) in rows.iter().enumerate().rev() {
        seen_at_depth.resize(row.depth + 1, false);
        out[i] = seen_at_depth[row.depth];
        seen_at_depth[row.depth] = true;
    }
    out
}

/// Chokepoints listed under the tree, at most; the rest are counted.
const SHOWN: usize = 10;

/// Levels of indentation drawn before the depth is written as a number instead.
const MAX_INDENT: usize = 24;

fn write_text(
    out: &mut dyn Write,
    p: Paint,
    g: &ClaimGraph,
    s: &Support,
    tree: &why::Tree,
) -> Result<(), CliError> {
    let next = has_next_sibling(&tree.rows);
    let mut open: Vec<bool> = Vec::new(); // per depth: does the branch line continue?
    for (i, row) in tree.rows.iter().enumerate() {
        open.truncate(row.depth);
        let mut prefix = String::new();
        // Deep trees show the last levels only, after the depth, so that a line stays short
        // and the output stays linear in the size of the tree.
        let skipped = open.len().saturating_sub(MAX_INDENT).max(1);
        if skipped > 1 {
            prefix.push_str(&format!("[{}] ", row.depth));
        }
        for &cont in open.iter().skip(skipped) {
            prefix.push_str(if cont { "│  " } else { "   " });
        }
        if row.depth > 0 {
            prefix.push_str(if next[i] { "├─ " } else { "└─ " });
        }
        writeln!(
            out,
            "{}{}",
            p.paint(Role::Dim, &prefix),
            label(p, g, s, row)
        )?;
        open.push(next[i]);
        let mut under = String::new();
        for &cont in open.iter().skip(skipped) {
            under.push_str(if cont { "│  " } else { "   " });
        }
        for a in details(g, row) {
            writeln!(
                out,
                "{}{}",
                p.paint(Role::Dim, &under),
                p.paint(Role::Dim, &appearance_text(&a))
            )?;
        }
    }
    let root = tree.rows[0].node;
    let grounds = claimgraph::query::grounds_ids(g, s, root);
    let grounds: Vec<&str> = grounds.iter().map(|i| i.as_str()).collect();
    writeln!(
        out,
        "grounds: {}",
        if grounds.is_empty() {
            p.paint(Role::Bad, "none (ungrounded)")
        } else {
            p.paint(Role::Good, &grounds.join(", "))
        }
    )?;
    let choke = g.sorted_ids(s.chokepoints(root));
    if !choke.is_empty() {
        let shown: Vec<&str> = choke.iter().take(SHOWN).map(|i| i.as_str()).collect();
        let more = match choke.len().saturating_sub(SHOWN) {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        writeln!(
            out,
            "chokepoints: {}{more}",
            p.paint(Role::Warn, &shown.join(", "))
        )?;
    }
    if tree.cut > 0 {
        writeln!(
            out,
            "cut: {} nodes not expanded below depth {} (raise --depth to see them)",
            tree.cut,
            max_depth(tree)
        )?;
    }
    Ok(())
}

/// The appearances of the link from `row` to its parent that say where, when or in which
/// words it was stated.
fn details<'g>(g: &'g ClaimGraph, row: &Row) -> Vec<Appearance<'g>> {
    match row.relation() {
        Some((from, rel, to)) => appearance::of_relation(g, from, rel, to)
            .into_iter()
            .filter(Appearance::has_details)
            .collect(),
        None => Vec::new(),
    }
}

/// `in DOC · DATE · “QUOTE” · note: NOTE`, the parts an appearance has.
pub fn appearance_text(a: &Appearance) -> String {
    let mut parts = Vec::new();
    if let Some(d) = a.in_doc {
        parts.push(format!("in {d}"));
    }
    if let Some(d) = a.date {
        parts.push(d.to_string());
    }
    if let Some(q) = a.quote {
        parts.push(format!("“{}”", terminal_safe(q)));
    }
    if let Some(n) = a.note {
        parts.push(format!("note: {}", terminal_safe(n)));
    }
    format!("  {}", parts.join(" · "))
}

fn max_depth(tree: &why::Tree) -> usize {
    tree.rows
        .iter()
        .filter(|r| r.mark == Mark::Cut)
        .map(|r| r.depth)
        .max()
        .unwrap_or(0)
}

/// The tree as nested JSON objects, written iteratively (a deep tree cannot overflow).
fn write_json(
    out: &mut dyn Write,
    g: &ClaimGraph,
    s: &Support,
    tree: &why::Tree,
) -> Result<(), CliError> {
    let root = tree.rows[0].node;
    let grounds = claimgraph::query::grounds_ids(g, s, root);
    write!(
        out,
        "{{\"claim\":{},\"grounds\":{},\"chokepoints\":{},\"cut\":{},\"tree\":",
        serde_json::json!(g.id(root)),
        serde_json::json!(grounds),
        serde_json::json!(g.sorted_ids(s.chokepoints(root))),
        tree.cut
    )?;
    let mut depth_open: Vec<usize> = Vec::new();
    for (i, row) in tree.rows.iter().enumerate() {
        while depth_open.last().is_some_and(|&d| d >= row.depth) {
            depth_open.pop();
            out.write_all(b"]}")?;
        }
        let first_child = i > 0 && tree.rows[i - 1].depth < row.depth;
        if i > 0 && !first_child {
            out.write_all(b",")?;
        }
        let mut head = node_object_head(g, s, row.node, row);
        if row.parent.is_some() {
            let all: Vec<Appearance> = row
                .relation()
                .map(|(from, rel, to)| appearance::of_relation(g, from, rel, to))
                .unwrap_or_default();
            head.push_str(",\"appearances\":");
            head.push_str(&serde_json::to_string(&all).map_err(std::io::Error::other)?);
        }
        write!(out, "{head}")?;
        out.write_all(b",\"children\":[")?;
        depth_open.push(row.depth);
    }
    while depth_open.pop().is_some() {
        out.write_all(b"]}")?;
    }
    writeln!(out, "}}")?;
    Ok(())
}

/// `{"id":…,"type":…,…` without the closing brace.
fn node_object_head(g: &ClaimGraph, s: &Support, ix: NodeIx, row: &Row) -> String {
    let mut obj = serde_json::Map::new();
    obj.insert("id".into(), serde_json::json!(g.id(ix)));
    obj.insert("via".into(), serde_json::json!(row.via));
    obj.insert("mark".into(), serde_json::json!(row.mark));
    obj.insert("chokepoint".into(), serde_json::json!(row.chokepoint));
    match &g.node(ix).record {
        Record::Claim(c) => {
            obj.insert("type".into(), "claim".into());
            obj.insert("text".into(), c.text.clone().into());
        }
        Record::Entity(e) => {
            obj.insert("type".into(), "entity".into());
            obj.insert("name".into(), e.name.clone().into());
            obj.insert("tags".into(), serde_json::json!(e.tags));
            obj.insert("origin".into(), serde_json::json!(g.id(s.origin(ix))));
        }
    }
    let text = serde_json::Value::Object(obj).to_string();
    let text = claimgraph::text::json_terminal_safe(&text);
    text[..text.len() - 1].to_string()
}
