//! `sources`: every ground with how many claims stand on it (docs/format.md §2 `grounded`/`sole`).

use super::whatif::WhatIf;
use super::{write_list, CliError, Ctx, ListFormat, Listing};
use claimgraph::query;
use std::io::Write;
use std::process::ExitCode;

/// List the grounds (sources that cite nothing) that claims rest on, with how many.
///
/// GROUNDED counts the claims with the source among their grounds; SOLE those resting on it
/// alone — the claims left standing on nothing if it were discredited. Most SOLE first.
/// Grounds that no claim rests on are left out unless --all. With --discredit, the
/// discredited sources are no grounds, and the counts are of what is left.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph sources\n  claimgraph sources --tag intelligence --format json\n  claimgraph sources --as-of 2024-03"
)]
pub struct Args {
    /// Also the grounds that no claim rests on.
    #[arg(long)]
    all: bool,
    /// Only grounds with this tag.
    #[arg(long, value_name = "T", add = clap_complete::ArgValueCandidates::new(super::completions::tags))]
    tag: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: ListFormat,
    #[command(flatten)]
    whatif: WhatIf,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let view = args.whatif.load_tagged(ctx, args.tag.as_deref())?;
    let g = view.graph;
    let s = view.support();
    let mut rows = query::sources(g, &s, args.tag.as_deref());
    if !args.all {
        rows.retain(|r| r.grounded > 0);
    }
    let cells = |r: &query::SourceRow| {
        vec![
            r.id.to_string(),
            r.grounded.to_string(),
            r.sole.to_string(),
            r.tags.join(","),
            r.name.to_string(),
        ]
    };
    let listing = Listing {
        header: &["ID", "GROUNDED", "SOLE", "TAGS", "NAME"],
        caps: &[30, 8, 6, 26, 0],
        cells: &cells,
        count: &|n| format!("{n} grounds"),
    };
    write_list(out, args.format, &rows, |r| r.id.as_str(), listing)?;
    Ok(ExitCode::SUCCESS)
}
