//! `bench-gen` (hidden): write a generated benchmark graph, for `bench/compare.sh` and benches.

use super::CliError;
use claimgraph::gen::{self, GenOptions, Shape};
use claimgraph::load;
use clap::ValueEnum;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Write a deterministic benchmark graph (one SPEC §1 file) of N claims.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Number of claims; for relay-chain the length of the chain.
    #[arg(long, value_name = "N")]
    claims: usize,
    /// Seed of the generator: the same size, seed and shape give the same bytes.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// Shape of the graph.
    #[arg(long, value_enum, default_value_t)]
    shape: ShapeArg,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// The shapes of `claimgraph::gen::Shape`, as the command line names them.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
enum ShapeArg {
    /// News-like: relays, citations, denials, small cycles.
    #[default]
    Realistic,
    /// A chain of N entities each citing the next.
    RelayChain,
    /// N claims citing each other around one ring.
    CitationRing,
    /// A realistic graph with one strongly connected component of 100,000 claims.
    BigScc,
}

pub fn run(args: Args, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let shape = match args.shape {
        ShapeArg::Realistic => Shape::Realistic,
        ShapeArg::RelayChain => Shape::RelayChain,
        ShapeArg::CitationRing => Shape::CitationRing,
        ShapeArg::BigScc => Shape::BigScc,
    };
    let opts = GenOptions {
        claims: args.claims,
        seed: args.seed,
        shape,
    };
    match &args.output {
        Some(path) => {
            let mut file = File::create(path).map_err(|e| cannot_write(path, e))?;
            gen::write_graph(&mut file, &opts).map_err(|e| cannot_write(path, e))?;
        }
        None => gen::write_graph(out, &opts)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// An IO error that names the file (exit 1, like any failed write).
fn cannot_write(path: &Path, e: io::Error) -> CliError {
    let reason = format!("{}: {}", path.display(), load::io_reason(&e));
    CliError::Io(io::Error::new(e.kind(), reason))
}
