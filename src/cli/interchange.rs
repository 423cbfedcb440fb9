//! The options and writers of the `export` formats that other tools read: RDF, GraphML,
//! Mermaid, ClaimReview and CSV (see "Using claimgraph with other tools" in the README).

use super::term::{safe, say};
use super::CliError;
use claimgraph::export::rdf::{self, Base};
use claimgraph::export::{claimreview, csv, graphml, mermaid};
use claimgraph::graph::ClaimGraph;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Options of the interchange formats.
#[derive(Debug, Clone, clap::Args)]
pub struct Options {
    /// Base IRI of the RDF names (ntriples, turtle); it must end in '/'.
    #[arg(long, value_name = "IRI", default_value = rdf::DEFAULT_BASE, value_parser = parse_base)]
    base: Base,
    /// Prefix of the review pages (claimreview): a review's url is URL followed by the claim id.
    #[arg(long, value_name = "URL", value_parser = parse_url_base)]
    url_base: Option<String>,
    /// Folder to write the CSV files into (csv); created if missing.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

fn parse_base(s: &str) -> Result<Base, String> {
    Base::new(s).map_err(|e| e.reason.to_string())
}

fn parse_url_base(s: &str) -> Result<String, String> {
    let ok = (s.starts_with("https://") || s.starts_with("http://"))
        && !s.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        Ok(s.to_string())
    } else {
        Err("expected an http(s) URL without spaces".to_string())
    }
}

/// N-Triples or Turtle.
pub fn rdf(
    out: &mut dyn Write,
    g: &ClaimGraph,
    o: &Options,
    syntax: rdf::Syntax,
) -> Result<(), CliError> {
    Ok(rdf::write(out, g, &o.base, syntax)?)
}

/// GraphML.
pub fn graphml(out: &mut dyn Write, g: &ClaimGraph) -> Result<(), CliError> {
    Ok(graphml::write(out, g)?)
}

/// A Mermaid flowchart.
pub fn mermaid(out: &mut dyn Write, g: &ClaimGraph) -> Result<(), CliError> {
    Ok(mermaid::write(out, g)?)
}

/// A JSON array of ClaimReview objects; exit 1 listing what is missing when a required field
/// cannot be filled.
pub fn claimreview(out: &mut dyn Write, g: &ClaimGraph, o: &Options) -> Result<ExitCode, CliError> {
    let reviews = match claimreview::reviews(g, o.url_base.as_deref()) {
        Ok(r) => r,
        Err(missing) => return Ok(refuse(&missing.to_string())),
    };
    for note in &reviews.notes {
        say!("claimgraph: note: {}", safe(note));
    }
    super::write_json(out, &reviews.objects)?;
    Ok(ExitCode::SUCCESS)
}

/// Says why nothing was written; exit 1.
fn refuse(message: &str) -> ExitCode {
    say!("claimgraph: {message}");
    ExitCode::from(1)
}

/// The CSV folder; `--out` is required.
pub fn csv(g: &ClaimGraph, o: &Options) -> Result<ExitCode, CliError> {
    let Some(dir) = &o.out else {
        return Err(CliError::Usage(
            "--format csv writes several files: name their folder with --out DIR".to_string(),
        ));
    };
    let written = std::fs::create_dir_all(dir).and_then(|()| csv::write_dir(dir, g));
    if let Err(e) = written {
        let reason = claimgraph::load::io_reason(&e);
        return Ok(refuse(&format!(
            "cannot write {}: {reason}",
            safe(&dir.display().to_string())
        )));
    }
    say!(
        "claimgraph: wrote nodes.csv, edges.csv, support.csv and kuzu.cypher to {}",
        safe(&dir.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}
