//! `sources`: every ground with how many claims stand on it (docs/format.md §2 `grounded`/`sole`).

use super::whatif::WhatIf;
use super::{table, write_json, CliError, Ctx, ListFormat};
use claimgraph::query;
use std::io::Write;
use std::process::ExitCode;

/// List the grounds (sources that cite nothing) that claims rest on, with how many.
///
/// GROUNDED counts the claims with the source among their grounds; SOLE those resting on it
/// alone — the claims left standing on nothing if it were discredited. Most SOLE first.
/// Grounds that no claim rests on are left out unless --all. With --discredit, the
/// discredited sources are no grounds, and the counts are of what is left.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph sources\n  claimgraph sources --tag intelligence --format json\n  claimgraph sources --as-of 2024-03"
)]
pub struct Args {
    /// Also the grounds that no claim rests on.
    #[arg(long)]
    all: bool,
    /// Only grounds with this tag.
    #[arg(long, value_name = "T", add = clap_complete::ArgValueCandidates::new(super::completions::tags))]
    tag: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: ListFormat,
    #[command(flatten)]
    whatif: WhatIf,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let view = args.whatif.load(ctx)?;
    let g = view.graph;
    if let Some(tag) = &args.tag {
        super::filter::parse_tag(g, "--tag", tag)?;
    }
    let s = view.support();
    let mut rows = query::sources(g, &s, args.tag.as_deref());
    if !args.all {
        rows.retain(|r| r.grounded > 0);
    }
    match args.format {
        ListFormat::Ids => {
            for r in &rows {
                writeln!(out, "{}", r.id)?;
            }
        }
        ListFormat::Json => write_json(out, &rows)?,
        ListFormat::Table => {
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.id.to_string(),
                        r.grounded.to_string(),
                        r.sole.to_string(),
                        r.tags.join(","),
                        r.name.to_string(),
                    ]
                })
                .collect();
            table::write(
                out,
                &["ID", "GROUNDED", "SOLE", "TAGS", "NAME"],
                &cells,
                &[30, 8, 6, 26, 0],
                table::width(),
            )?;
            writeln!(out, "{} grounds", cells.len())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
