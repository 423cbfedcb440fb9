//! `stats`: counts of nodes and edges, and of claims by the predicates of docs/format.md §2.

use super::{write_json, CliError, Ctx, TextFormat};
use claimgraph::stats::{Stats, Tally};
use claimgraph::support::Support;
use std::io::Write;
use std::process::ExitCode;

/// Count nodes and edges by kind and relation, and claims by support predicate.
///
/// `edges` counts every edge: a relation stated in several documents is one edge per
/// document; `relations` counts each FROM REL TO once, as support reads it.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  claimgraph stats\n  claimgraph stats --format json")]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: TextFormat,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let g = &ctx.load()?.graph;
    let stats = Stats::of(g, &Support::new(g));
    match args.format {
        TextFormat::Json => write_json(out, &stats)?,
        TextFormat::Text => write_text(out, &stats)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The totals, then each group of counts under its title.
fn write_text(out: &mut dyn Write, st: &Stats) -> std::io::Result<()> {
    let totals = [
        ("documents", st.documents),
        ("entities", st.entities),
        ("claims", st.claims),
        ("edges", st.edges),
        ("relations", st.relations),
    ];
    for (name, n) in totals {
        writeln!(out, "{name:<26} {n}")?;
    }
    let rows = |t: &Tally| t.iter().map(|(&k, &n)| (k, n)).collect::<Vec<_>>();
    let groups = [
        ("entities by kind", rows(&st.entities_by_kind)),
        ("edges by rel", rows(&st.edges_by_rel)),
        ("claims by support", st.claims_by_support.rows().to_vec()),
        ("claims resting only on", rows(&st.claims_resting_only_on)),
        ("claims by verdict", rows(&st.claims_by_verdict)),
    ];
    for (title, counts) in groups {
        writeln!(out, "{title}:")?;
        for (name, n) in counts {
            writeln!(out, "  {name:<24} {n}")?;
        }
    }
    Ok(())
}
