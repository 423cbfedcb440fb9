//! Export formats: the graph written for other readers. One file per format.

pub mod claimreview;
pub mod csv;
pub mod dot;
pub mod graphml;
pub mod html;
pub mod json;
pub mod mermaid;
pub mod rdf;
