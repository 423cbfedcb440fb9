//! `rm`: remove a record, refusing while anything refers to it.

use super::completions;
use super::editing::edit;
use super::term::{safe, say};
use super::{CliError, Ctx};
use claimgraph::edit;
use clap_complete::ArgValueCandidates;
use std::io::Write;
use std::process::ExitCode;

/// Remove documents, entities or claims: all of them, or none.
///
/// Refuses (exit 1, listing them) while edges or other records refer to one of them
/// (references from records removed with it do not count); --cascade removes those edges
/// and clears the other references too. A claim's reviewer is never cleared: rename or
/// merge the entity instead.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph rm nk-poverty-60pct\n  claimgraph rm nk-poverty-60pct nk-gdp-24-5bn-2022 --cascade"
)]
pub struct Args {
    /// The records (ids, or entities' names or aliases).
    #[arg(required = true, value_name = "ID", add = ArgValueCandidates::new(completions::any_ids))]
    ids: Vec<String>,
    /// Also remove the edges that start or end at it, and clear other references to it.
    #[arg(long)]
    cascade: bool,
    #[command(flatten)]
    pub(super) write: super::editing::WriteOpts,
}

pub fn run(args: Args, ctx: &Ctx, _out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let removed = edit(ctx, |files| edit::rm(files, &args.ids, args.cascade))?;
    for r in removed {
        let id = r.id.map(|i| i.to_string()).unwrap_or_default();
        say!(
            "claimgraph: removed {id} from {} ({} edges, {} other references with it)",
            safe(&r.file),
            r.edges,
            r.references
        );
    }
    Ok(ExitCode::SUCCESS)
}
