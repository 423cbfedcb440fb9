//! claimgraph: a knowledge graph of claims and the sources that stand behind them.
//!
//! Entities (countries, people, organizations) and claims are nodes; `asserts`, `denies`
//! and `cites` are edges. The graph is read from a folder of JSON files ([`load`]), held as a
//! [`graph::ClaimGraph`], and questioned through the support semantics of SPEC §2
//! ([`support`]): which claims rest only on intelligence sources, which are contested, which
//! only look corroborated but trace back to one origin, and why a claim is believed
//! ([`why`]). [`query`] turns command-line filters into claim lists; [`select`] picks the part
//! of the graph an export draws; [`export`] writes the graph in other formats (canonical JSON,
//! Graphviz DOT); [`check`] lists what is wrong or suspicious.
//!
//! The library never prints: commands in the binary do.

pub mod check;
pub mod diag;
pub mod export;
pub mod graph;
pub mod load;
pub mod locate;
pub mod model;
pub mod query;
pub mod select;
pub mod sparql;
pub mod suggest;
pub mod support;
pub mod why;
