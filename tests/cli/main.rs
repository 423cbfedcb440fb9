//! The integration tests: one binary that runs `claimgraph` as a user would.

mod util;

mod bad;
mod dot;
mod interop;
mod query;
