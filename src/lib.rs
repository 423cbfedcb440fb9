//! claimgraph: a knowledge graph of claims and the sources that stand behind them.
//!
//! Entities (countries, people, organizations) and claims are nodes; `asserts`, `denies`
//! and `cites` are edges; an edge is one relation found in one document, and a relation
//! reported in several documents has several [`appearance`]s that support reads as one.
//! [`schema`] names every field of every record. The graph is read from a folder of JSON
//! files ([`load`]), held as a [`graph::ClaimGraph`], and questioned through the support
//! semantics of docs/format.md §2
//! ([`support`]): which claims rest only on intelligence sources, which are contested, which
//! only look corroborated but trace back to one origin, and why a claim is believed
//! ([`why`]), which single relay all of a claim's support passes through (chokepoints), what
//! the graph said on a given day and what would fall were a source wrong ([`whatif`]).
//! [`query`] turns command-line filters into claim lists; [`select`] picks the part
//! of the graph an export draws; [`export`] writes the graph in other formats (canonical JSON,
//! Graphviz DOT); [`check`] lists what is wrong or suspicious. [`extract`] reads news text and
//! finds who asserts or denies what, ready to become graph edges.
//!
//! Editing goes through [`store`] (the graph folder on disk: lock, atomic replace, and the
//! read-modify-validate-write transaction) and [`edit`] (add, link, unlink, set, rm, rename,
//! merge, review, import as pure functions over the files in memory). [`report`] writes a
//! fact-check dossier on one claim; [`diff`] compares two versions of a graph, and
//! [`revision`] reads one as committed in git.
//!
//! The library never prints: commands in the binary do.

pub mod appearance;
pub mod cache;
pub mod check;
pub mod diag;
pub mod diff;
pub mod edit;
pub mod export;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod load;
pub mod locate;
pub mod markdown;
pub mod model;
pub mod query;
pub mod report;
pub mod revision;
pub mod schema;
pub mod select;
pub mod similar;
pub mod sparql;
pub mod stats;
pub mod store;
pub mod suggest;
pub mod support;
pub mod text;
pub mod timing;
pub mod whatif;
pub mod why;
