//! `chokepoints`: the entities that the most claims' support all passes through
//! (docs/format.md §2.3).

use super::whatif::EntityList;
use super::{write_list, CliError, Ctx, Listing};
use claimgraph::query;
use std::io::Write;
use std::process::ExitCode;

/// Rank entities by the claims they choke (all of whose support passes through them)
///
/// A claim is choked by an entity when every path of its support to a ground passes through
/// it. CHOKES counts those claims; SINGLE-RELAY those of them that look independent (grounds of
/// two or more origins) yet hang on this one entity. A ground chokes the claims that rest on
/// it alone; a relay (an entity that cites its sources) chokes what it alone passes on.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph chokepoints\n  claimgraph chokepoints --tag wire --format json\n  claimgraph claims --through ap"
)]
pub struct Args {
    #[command(flatten)]
    list: EntityList,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let (g, s) = args.list.load(ctx)?.with_support();
    let rows = query::chokepoint_rows(g, &s, args.list.tag());
    let cells = |r: &query::ChokeRow| {
        vec![
            r.id.to_string(),
            r.chokes.to_string(),
            r.single_relay.to_string(),
            if r.ground { "ground" } else { "relay" }.to_string(),
            r.tags.join(","),
            r.name.to_string(),
        ]
    };
    let count = |n: usize| format!("{n} chokepoint{}", if n == 1 { "" } else { "s" });
    let listing = Listing {
        header: &["ID", "CHOKES", "SINGLE-RELAY", "AS", "TAGS", "NAME"],
        caps: &[30, 6, 12, 6, 26, 0],
        cells: &cells,
        count: &count,
    };
    write_list(out, args.list.format, &rows, |r| r.id.as_str(), listing)?;
    Ok(ExitCode::SUCCESS)
}
