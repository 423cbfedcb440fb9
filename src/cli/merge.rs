//! `merge`: two entities found to be one.

use super::completions;
use super::editing::edit;
use super::term::say;
use super::{CliError, Ctx};
use claimgraph::edit;
use clap_complete::ArgValueCandidates;
use std::io::Write;
use std::process::ExitCode;

/// Merge entity DROP into entity KEEP: the same body under two names.
///
/// DROP's edges and every reference to it move to KEEP; its aliases and tags join KEEP's and
/// its name becomes an alias; DROP's part_of, reliability and note fill KEEP's if it has none.
/// Edges that become duplicates are kept once; an edge between the two is dropped.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  claimgraph merge nis seoul-spy-agency")]
pub struct Args {
    /// The entity to keep.
    #[arg(add = ArgValueCandidates::new(completions::entity_ids))]
    keep: String,
    /// The entity to merge into it and remove.
    #[arg(add = ArgValueCandidates::new(completions::entity_ids))]
    drop: String,
    #[command(flatten)]
    pub(super) write: super::editing::WriteOpts,
}

pub fn run(args: Args, ctx: &Ctx, _out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let (keep, drop) = edit(ctx, |files| edit::merge(files, &args.keep, &args.drop))?;
    say!("claimgraph: merged {drop} into {keep}");
    Ok(ExitCode::SUCCESS)
}
