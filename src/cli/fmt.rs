//! `fmt`: rewrite every graph file in the canonical layout.

use super::editing::edit;
use super::term::say;
use super::{CliError, Ctx};
use claimgraph::store;
use std::io::Write;
use std::process::ExitCode;

/// Rewrite every graph file in the canonical layout.
///
/// Two-space JSON, arrays sorted (documents, entities, claims by id; edges by from, rel, to),
/// one record per line, a trailing newline: `git diff` then shows one line per changed
/// record. --check writes nothing, lists the files that differ and exits 1 if any do (for CI
/// and pre-commit hooks).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  claimgraph fmt\n  claimgraph fmt --check")]
pub struct Args {
    /// Only check: name the files that are not canonical and exit 1 if there are any.
    #[arg(long)]
    check: bool,
    #[command(flatten)]
    pub(super) write: super::editing::WriteOpts,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    if args.check {
        let mut files = store::read(&ctx.graph_path)?;
        files.graph()?;
        files.rewrite_all = true;
        let pending = files.pending();
        for (i, _) in &pending {
            writeln!(out, "{}", files.files[*i].name())?;
        }
        if pending.is_empty() {
            return Ok(ExitCode::SUCCESS);
        }
        say!(
            "claimgraph: {} file{} not in the canonical layout (run `claimgraph fmt`)",
            pending.len(),
            if pending.len() == 1 { " is" } else { "s are" }
        );
        return Ok(ExitCode::from(1));
    }
    edit(ctx, |files| {
        files.rewrite_all = true;
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
