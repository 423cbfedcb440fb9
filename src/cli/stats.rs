//! `stats`: counts of nodes and edges, and of claims by the predicates of docs/format.md §2;
//! with `--as-of` or `--discredit`, how they shift.

use super::whatif::TextRead;
use super::{load_graph_with_support, write_json, CliError, Ctx, TextFormat};
use claimgraph::stats::Stats;
use claimgraph::support::Support;
use serde_json::json;
use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

/// Count nodes and edges by kind and relation, and claims by support predicate.
///
/// `edges` counts every edge: a relation stated in several documents is one edge per
/// document; `relations` counts each FROM REL TO once, as support reads it. With --as-of or
/// --discredit, each count that shifts is shown as BEFORE → AFTER (JSON: {"before": ...,
/// "after": ...}).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph stats\n  claimgraph stats --format json\n  claimgraph stats --discredit nis\n  claimgraph stats --as-of 2024-03"
)]
pub struct Args {
    #[command(flatten)]
    read: TextRead,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let (loaded, support) = load_graph_with_support(&ctx.graph_path, ctx.cache)?;
    let g = loaded.graph;
    let support = support.unwrap_or_else(|| Support::new(&g));
    if !args.read.whatif.is_set() {
        let stats = Stats::of(&g, &support);
        match args.read.format {
            TextFormat::Json => write_json(out, &stats)?,
            TextFormat::Text => write_text(out, &lines(&stats, &stats))?,
        }
        return Ok(ExitCode::SUCCESS);
    }
    let before = Stats::of(&g, &support);
    let view = args.read.whatif.apply(g)?;
    let after = Stats::of(view.graph, &view.support());
    match args.read.format {
        TextFormat::Json => write_json(out, &json!({"before": before, "after": after}))?,
        TextFormat::Text => write_text(out, &lines(&before, &after))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// A line of the output: a group's title, or a count before and after.
enum Line {
    Title(&'static str),
    Count(&'static str, usize, usize),
}

/// The totals, then each group of counts under its title, each count before and after (the
/// same value twice when nothing shifts); a name counted on one side only is 0 on the other.
fn lines(before: &Stats, after: &Stats) -> Vec<Line> {
    let totals = |st: &Stats| {
        [
            ("documents", st.documents),
            ("entities", st.entities),
            ("claims", st.claims),
            ("edges", st.edges),
            ("relations", st.relations),
        ]
    };
    let mut out: Vec<Line> = totals(before)
        .iter()
        .zip(totals(after))
        .map(|(&(name, b), (_, a))| Line::Count(name, b, a))
        .collect();
    let groups = |st: &Stats| -> [(&'static str, Vec<(&'static str, usize)>); 5] {
        let rows = |t: &BTreeMap<&'static str, usize>| t.iter().map(|(&k, &n)| (k, n)).collect();
        [
            ("entities by kind", rows(&st.entities_by_kind)),
            ("edges by rel", rows(&st.edges_by_rel)),
            ("claims by support", st.claims_by_support.rows().to_vec()),
            ("claims resting only on", rows(&st.claims_resting_only_on)),
            ("claims by verdict", rows(&st.claims_by_verdict)),
        ]
    };
    for ((title, b), (_, a)) in groups(before).into_iter().zip(groups(after)) {
        out.push(Line::Title(title));
        // Every group is in name order: merge the names of both sides.
        let mut both: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
        for (name, n) in b {
            both.entry(name).or_default().0 = n;
        }
        for (name, n) in a {
            both.entry(name).or_default().1 = n;
        }
        out.extend(
            both.into_iter()
                .map(|(name, (b, a))| Line::Count(name, b, a)),
        );
    }
    out
}

fn write_text(out: &mut dyn Write, lines: &[Line]) -> std::io::Result<()> {
    let mut indent = "";
    for line in lines {
        let (name, b, a) = match *line {
            Line::Title(title) => {
                writeln!(out, "{title}:")?;
                indent = "  ";
                continue;
            }
            Line::Count(name, b, a) => (name, b, a),
        };
        let width = 26 - indent.len();
        if b == a {
            writeln!(out, "{indent}{name:<width$} {b}")?;
        } else {
            writeln!(out, "{indent}{name:<width$} {b} → {a}")?;
        }
    }
    Ok(())
}
