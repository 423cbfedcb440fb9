//! `unlink`: remove an edge.

use super::editing::edit;
use super::{CliError, Ctx};
use claimgraph::edit;
use claimgraph::model::Rel;
use std::io::Write;
use std::process::ExitCode;

/// Remove the edge FROM REL TO.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  claimgraph unlink dw asserts nk-poverty-60pct")]
pub struct Args {
    /// Where the edge starts (an id, name or alias).
    from: String,
    /// asserts, denies or cites.
    rel: Rel,
    /// Where the edge ends.
    to: String,
    #[command(flatten)]
    pub(super) write: super::editing::WriteOpts,
}

pub fn run(args: Args, ctx: &Ctx, _out: &mut dyn Write) -> Result<ExitCode, CliError> {
    edit(ctx, |files| {
        edit::unlink(files, &args.from, args.rel, &args.to)
    })?;
    Ok(ExitCode::SUCCESS)
}
