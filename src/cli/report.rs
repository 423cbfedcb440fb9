//! `report`: a fact-check dossier on one claim.

use super::completions;
use super::whatif::DocRead;
use super::{resolve_claim, write_json, CliError, Ctx, DocFormat};
use claimgraph::report;
use clap_complete::ArgValueCandidates;
use std::io::Write;
use std::process::ExitCode;

/// Write a fact-check dossier on a claim, in Markdown.
///
/// The claim; who asserts and who denies it, with quotes, dates and documents; its support
/// tree down to its grounds with their tags, origins and reliability; the verdict and review
/// note; where the claim would stand were one of its grounds or chokepoints wrong; and the
/// warnings that apply (one source type, single origin, single relay, interested denial,
/// circular support, credibility 1 without independent sources). With --as-of or
/// --discredit, the dossier is of the graph on that day, or without those sources.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph report nk-arms-transfers-since-aug-2023 > dossier.md\n  claimgraph report nk-arms-transfers-since-aug-2023 --format json"
)]
pub struct Args {
    /// The claim (an id).
    #[arg(add = ArgValueCandidates::new(completions::claim_ids))]
    claim: String,
    #[command(flatten)]
    read: DocRead,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let view = args.read.load(ctx)?;
    let g = view.graph;
    let c = resolve_claim(g, &args.claim)?;
    let s = view.support();
    let r = report::build(g, &s, c);
    match args.read.format {
        DocFormat::Md => out.write_all(report::to_markdown(&r).as_bytes())?,
        DocFormat::Json => write_json(out, &r)?,
    }
    Ok(ExitCode::SUCCESS)
}
