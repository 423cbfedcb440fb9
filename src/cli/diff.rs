//! `diff`: what changed between two versions of a graph.

use super::completions;
use super::{write_json, CliError, Ctx, DocFormat};
use claimgraph::diff;
use claimgraph::graph::ClaimGraph;
use claimgraph::load;
use clap_complete::ArgValueCandidates;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Compare two versions of a graph: records, edges, appearances, reviews, grounds.
///
/// Lists documents, entities and claims added, removed or changed (field by field), texts
/// changed, asserts/denies/cites relations added and removed, their appearances in
/// documents added, removed or changed (quote, date, note), reviews and verdicts changed,
/// and claims whose grounds or rests-only-on-TAG status changed.
/// Give two graph paths, or --rev REV to compare the graph as committed at REV (read with
/// `git show`) with the working graph.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph diff --rev HEAD\n  claimgraph diff old-graph/ graph/ --format json"
)]
pub struct Args {
    /// The old graph (a folder or a file).
    #[arg(required_unless_present = "rev", conflicts_with = "rev")]
    old: Option<PathBuf>,
    /// The new graph.
    #[arg(required_unless_present = "rev", conflicts_with = "rev")]
    new: Option<PathBuf>,
    /// Compare the graph at this git revision with the working graph.
    #[arg(long, value_name = "REV")]
    rev: Option<String>,
    /// The tag of the rests-only-on comparison.
    #[arg(long, default_value = "intelligence", add = ArgValueCandidates::new(completions::tags_and_vocabulary))]
    tag: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: DocFormat,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let (old, new) = match (&args.rev, &args.old, &args.new) {
        (Some(rev), _, _) => (
            load::from_sources(&sources_at_rev(&ctx.graph_path, rev)?)?,
            load_path(&ctx.graph_path)?,
        ),
        (None, Some(a), Some(b)) => (load_path(a)?, load_path(b)?),
        _ => {
            return Err(CliError::Usage(
                "diff needs OLD and NEW, or --rev REV".into(),
            ))
        }
    };
    if let claimgraph::query::TagUse::Unknown { .. } = claimgraph::query::tag_use(&old, &args.tag) {
        super::filter::parse_tag(&new, "--tag", &args.tag)?;
    }
    let d = diff::diff(&old, &new, &args.tag);
    match args.format {
        DocFormat::Md => out.write_all(diff::to_markdown(&d).as_bytes())?,
        DocFormat::Json => write_json(out, &d)?,
    }
    std::mem::forget((old, new));
    Ok(ExitCode::SUCCESS)
}

fn load_path(p: &Path) -> Result<ClaimGraph, CliError> {
    Ok(super::load_graph(p, false)?.graph)
}

/// The graph's files as committed at `rev` (a usage error when git cannot give them).
fn sources_at_rev(graph: &Path, rev: &str) -> Result<Vec<load::Source>, CliError> {
    super::missing_graph(graph)?;
    claimgraph::revision::sources_at(graph, rev).map_err(|e| CliError::Usage(e.to_string()))
}
