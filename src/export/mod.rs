//! Export formats: the graph written for other readers. One file per format.

pub mod dot;
pub mod html;
pub mod json;
