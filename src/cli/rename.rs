//! `rename`: give a record a new id, rewriting every reference in every file.

use super::completions;
use super::editing::edit;
use super::term::{safe, say};
use super::{CliError, Ctx};
use claimgraph::edit;
use clap_complete::ArgValueCandidates;
use std::io::Write;
use std::process::ExitCode;

/// Rename a record's id and every reference to it, in every file.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  claimgraph rename nis south-korea-nis")]
pub struct Args {
    /// The record (an id, or an entity's name or alias).
    #[arg(add = ArgValueCandidates::new(completions::any_ids))]
    old: String,
    /// The new id.
    new: String,
    #[command(flatten)]
    pub(super) write: super::editing::WriteOpts,
}

pub fn run(args: Args, ctx: &Ctx, _out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let (old, n) = edit(ctx, |files| edit::rename(files, &args.old, &args.new))?;
    say!(
        "claimgraph: renamed {old} to {} ({n} fields)",
        safe(&args.new)
    );
    Ok(ExitCode::SUCCESS)
}
