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
    /// Prefix of the review pages (claimreview, required): an absolute http(s) URL; a review's
    /// url is URL followed by the claim id.
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
    if claimgraph::markdown::is_web_url(s) {
        Ok(s.to_string())
    } else {
        Err("expected an absolute http(s) URL with a host and no spaces".to_string())
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

/// A JSON array of ClaimReview objects (exit 2 without `--url-base`). It is meant to be
/// pasted into a `<script type="application/ld+json">` block: `<`, `>` and `&` are written as
/// JSON escapes, so that no text of the graph can close the block.
pub fn claimreview(out: &mut dyn Write, g: &ClaimGraph, o: &Options) -> Result<ExitCode, CliError> {
    let Some(base) = o.url_base.as_deref() else {
        return Err(CliError::Usage(
            "--format claimreview needs --url-base URL: the review page of a claim is URL followed by its id".to_string(),
        ));
    };
    let reviews = match claimreview::reviews(g, Some(base)) {
        Ok(r) => r,
        Err(missing) => return Ok(refuse(&missing.to_string())),
    };
    for note in &reviews.notes {
        say!("claimgraph: note: {}", safe(note));
    }
    let json = serde_json::to_string_pretty(&reviews.objects).map_err(std::io::Error::other)?;
    let json = claimgraph::text::json_terminal_safe(&json);
    writeln!(out, "{}", claimgraph::text::json_script_safe(&json))?;
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
    if let Err(e) = std::fs::create_dir_all(dir) {
        let reason = claimgraph::load::io_reason(&e);
        return Ok(refuse(&format!(
            "cannot write {}: {reason}",
            safe(&dir.display().to_string())
        )));
    }
    if let Err(e) = csv::write_dir(dir, g) {
        return Ok(refuse(&e.to_string()));
    }
    say!(
        "claimgraph: wrote nodes.csv, edges.csv, support.csv and kuzu.cypher to {}",
        safe(&dir.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}
