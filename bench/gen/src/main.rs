//! `claimgraph-gen`: writes a generated benchmark graph, for `bench/compare.sh` and by hand.
//!
//!   cargo run --release -p claimgraph-gen -- --claims 1000000 --shape realistic -o g.json

use claimgraph_gen::{write_graph, GenOptions, Shape};
use clap::Parser;
use std::fs::File;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Write a deterministic benchmark graph (one claimgraph graph file) of N claims.
#[derive(Debug, Parser)]
#[command(name = "claimgraph-gen", version)]
struct Args {
    /// Number of claims; for relay-chain the length of the chain.
    #[arg(long, value_name = "N")]
    claims: usize,
    /// Seed of the generator: the same size, seed and shape give the same bytes.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// Shape of the graph.
    #[arg(long, value_enum, default_value_t)]
    shape: Shape,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let opts = GenOptions {
        claims: args.claims,
        seed: args.seed,
        shape: args.shape,
    };
    let written = match &args.output {
        Some(path) => File::create(path).and_then(|mut file| write_graph(&mut file, &opts)),
        None => write_graph(&mut io::stdout().lock(), &opts),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`claimgraph-gen --claims 9 | head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let file = args
                .output
                .as_ref()
                .map_or("standard output".into(), |p| p.display().to_string());
            let _ = writeln!(io::stderr(), "claimgraph-gen: {file}: {e}");
            ExitCode::FAILURE
        }
    }
}
