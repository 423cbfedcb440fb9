//! The `claimgraph` binary: parse the command line, run the command, report a failure with
//! its exit code (docs/format.md §4: 0 success, 1 invalid graph or failed check, 2 bad usage).

mod cli;

use std::process::ExitCode;

/// Loading a million claims makes millions of small allocations on one thread and hands
/// them to another: mimalloc's thread-local free lists do that faster than the system's.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run().unwrap_or_else(cli::Failure::report)
}
