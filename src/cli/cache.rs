//! `cache`: where the graph's snapshot is, whether it matches the files, and removing it.

use super::term::safe;
use super::{missing_graph, say_waiting, CliError, Ctx};
use claimgraph::cache::{Snapshots, State};
use claimgraph::store;
use std::io::Write;
use std::process::ExitCode;

/// Show or clear the snapshot that makes repeated loads fast.
///
/// A load keeps a snapshot of the validated graph in .claimgraph-cache/ (inside a graph
/// folder, or beside a one-file graph) and reads it back instead of parsing while every file
/// is byte for byte the same (compared by content hash). `--no-cache` bypasses it.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  claimgraph cache info\n  claimgraph cache clear")]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, clap::Subcommand)]
enum Action {
    /// Print the snapshot's place, its size and whether it matches the graph's files.
    Info,
    /// Remove the snapshot folder (the next load parses the files and writes a new one).
    Clear,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    missing_graph(&ctx.graph_path)?;
    let snaps = Snapshots::for_graph(&ctx.graph_path);
    let place = safe(&snaps.file().display().to_string()).into_owned();
    match args.action {
        Action::Info => {
            let (sources, _) = store::read_consistent(&ctx.graph_path, &say_waiting)?;
            let state = match snaps.state(&sources) {
                State::Missing => "none".to_string(),
                State::Fresh => "fresh (matches the graph's files)".to_string(),
                State::Patched(n) => format!(
                    "fresh with {n} {} added by edits (claim queries and completion use it; \
                     a command that reads the whole graph rebuilds it)",
                    if n == 1 { "record" } else { "records" }
                ),
                State::Stale => "stale (the files changed; the next load rebuilds it)".to_string(),
                State::Unusable(why) => format!("unusable ({why}; the next load rebuilds it)"),
            };
            writeln!(out, "snapshot: {place}")?;
            writeln!(out, "state:    {state}")?;
            if let Some(n) = snaps.size() {
                writeln!(out, "size:     {n} bytes")?;
            }
        }
        Action::Clear => {
            let dir = safe(&snaps.dir().display().to_string()).into_owned();
            let removed = snaps.clear().map_err(|e| {
                CliError::Refused(format!(
                    "cannot remove {dir}: {}",
                    claimgraph::load::io_reason(&e)
                ))
            })?;
            if removed {
                writeln!(out, "removed {dir}")?;
            } else {
                writeln!(out, "no snapshot at {dir}")?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
