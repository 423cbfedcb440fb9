//! The integration tests: one binary that runs `claimgraph` as a user would.

// A benchmark and tests print for their runner, not for a user's terminal.
#![allow(clippy::disallowed_macros)]

mod util;

mod bad;
mod cache;
mod disk;
mod dot;
mod extract;
mod extract_quality;
mod hostile;
mod html;
mod interop;
mod limits;
mod query;
mod safety;
mod similar;
mod ux;
mod workflow;
