//! The parse floor of the benchmarks: read a graph file and parse it as JSON, keeping nothing.
//!
//! No loader can beat this: `bench/compare.sh` reports claimgraph's time as a multiple of it.
//! Usage: `cargo run --release --example parse_floor -- FILE`.

// A benchmark and tests print for their runner, not for a user's terminal.
#![allow(clippy::disallowed_macros)]

use std::process::ExitCode;

use serde::de::IgnoredAny;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: parse_floor FILE");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("parse_floor: {}: {err}", path.to_string_lossy());
            return ExitCode::FAILURE;
        }
    };
    match serde_json::from_slice::<IgnoredAny>(&bytes) {
        Ok(IgnoredAny) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("parse_floor: {}: {err}", path.to_string_lossy());
            ExitCode::FAILURE
        }
    }
}
