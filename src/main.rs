//! The `claimgraph` binary: parse the command line, run the command, map errors to exit
//! codes (SPEC §4: 0 success, 1 invalid graph or failed check, 2 bad usage).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(e) => e.report(),
    }
}
