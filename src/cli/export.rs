//! `export`: the whole graph in another format.

use super::{CliError, Ctx};
use claimgraph::export;
use clap::ValueEnum;
use std::io::Write;
use std::process::ExitCode;

/// Write the whole graph in another format.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  claimgraph export --format json > merged.json")]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The canonical SPEC §1 JSON layout, all files merged into one.
    Json,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let g = &ctx.load()?.graph;
    match args.format {
        Format::Json => export::json::write_graph(out, g)?,
    }
    Ok(ExitCode::SUCCESS)
}
