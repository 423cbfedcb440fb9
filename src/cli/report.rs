//! `report`: a fact-check dossier on one claim.

use super::completions;
use super::{resolve_claim, write_json, CliError, Ctx};
use claimgraph::report;
use claimgraph::support::Support;
use clap::ValueEnum;
use clap_complete::ArgValueCandidates;
use std::io::Write;
use std::process::ExitCode;

/// Markdown for people, JSON for programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum DocFormat {
    /// Markdown, to read or paste into a dossier.
    #[default]
    Md,
    /// JSON, for programs.
    Json,
}

/// Write a fact-check dossier on a claim, in Markdown.
///
/// The claim; who asserts and who denies it, with quotes, dates and documents; its support
/// tree down to its grounds with their tags, origins and reliability; the verdict and review
/// note; and the warnings that apply (one source type, single origin, interested denial,
/// circular support, credibility 1 without independent sources).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph report nk-arms-transfers-since-aug-2023 > dossier.md\n  claimgraph report nk-arms-transfers-since-aug-2023 --format json"
)]
pub struct Args {
    /// The claim (an id).
    #[arg(add = ArgValueCandidates::new(completions::claim_ids))]
    claim: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: DocFormat,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let g = &ctx.load()?.graph;
    let c = resolve_claim(g, &args.claim)?;
    let s = Support::new(g);
    let r = report::build(g, &s, c);
    match args.format {
        DocFormat::Md => out.write_all(report::to_markdown(&r).as_bytes())?,
        DocFormat::Json => write_json(out, &r)?,
    }
    Ok(ExitCode::SUCCESS)
}
