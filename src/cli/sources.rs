//! `sources`: every ground with how many claims stand on it (docs/format.md §2 `grounded`/`sole`).

use super::whatif::EntityList;
use super::{write_list, CliError, Ctx, Listing};
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
    #[command(flatten)]
    list: EntityList,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let (g, s) = args.list.load(ctx)?.with_support();
    let mut rows = query::sources(g, &s, args.list.tag());
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
    write_list(out, args.list.format, &rows, |r| r.id.as_str(), listing)?;
    Ok(ExitCode::SUCCESS)
}
