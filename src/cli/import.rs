//! `import`: merge a fragment file into the graph.

use super::editing::{edit, file_arg};
use super::term::{safe, say};
use super::{CliError, Ctx};
use claimgraph::edit;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Merge a fragment file (documents, entities, claims, edges) into the graph
///
/// Ids already in the graph are refused (exit 1, listing them), unless --rename gives them
/// the first free suffix -2, -3… (references inside the fragment follow). A record identical
/// to the graph's is skipped, and so is an edge the graph has in the same document: importing
/// a fragment twice changes nothing. Entities with a name or alias the graph already has, and
/// claims stating what a claim of the graph states (see `similar`), are named on stderr.
/// Records go where `add` would put them, or into --file.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  claimgraph import reuters-2024-06-20.json --rename")]
pub struct Args {
    /// The fragment file.
    fragment: PathBuf,
    /// Give clashing ids of the fragment new ids instead of refusing.
    #[arg(long)]
    rename: bool,
    /// The graph file to add everything to (a .json name in the graph folder).
    #[arg(long, value_name = "FILE")]
    file: Option<PathBuf>,
    #[command(flatten)]
    pub(super) write: super::editing::WriteOpts,
}

pub fn run(args: Args, ctx: &Ctx, _out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let name = args.fragment.display().to_string();
    let bytes = std::fs::read(&args.fragment).map_err(|e| {
        CliError::Usage(format!(
            "cannot read {name}: {}",
            claimgraph::load::io_reason(&e)
        ))
    })?;
    let frag = edit::parse_fragment(&name, &bytes)?;
    let file = file_arg(&args.file);
    let r = edit(ctx, |files| edit::import(files, frag, args.rename, file))?;
    for (old, new) in &r.renamed {
        say!("claimgraph: renamed {old} to {new}");
    }
    for (f, n) in &r.added {
        say!("claimgraph: added {n} records to {}", safe(f));
    }
    if r.skipped > 0 {
        say!("claimgraph: skipped {} already in the graph", r.skipped);
    }
    for d in &r.duplicates {
        say!(
            "claimgraph: warning: {} may duplicate {}: {}",
            d.id,
            d.existing,
            safe(&d.why)
        );
    }
    Ok(ExitCode::SUCCESS)
}
