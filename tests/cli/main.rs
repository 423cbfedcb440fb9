//! The integration tests: one binary that runs `claimgraph` as a user would.

mod util;

mod bad;
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
mod ux;
mod workflow;
