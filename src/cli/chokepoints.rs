//! `chokepoints`: the entities that the most claims' support all passes through
//! (docs/format.md §2.3).

use super::whatif::WhatIf;
use super::{table, write_json, CliError, Ctx, ListFormat};
use claimgraph::query;
use std::io::Write;
use std::process::ExitCode;

/// Rank entities by the claims they choke (all of whose support passes through them)
///
/// A claim is choked by an entity when every path of its support to a ground passes through
/// it. CHOKES counts those claims; SINGLE-RELAY those of them that look independent (grounds of
/// two or more origins) yet hang on this one entity. A ground chokes the claims that rest on
/// it alone; a relay (an entity that cites its sources) chokes what it alone passes on.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph chokepoints\n  claimgraph chokepoints --tag wire --format json\n  claimgraph claims --through ap"
)]
pub struct Args {
    /// Only entities with this tag.
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
    let rows = query::chokepoint_rows(g, &s, args.tag.as_deref());
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
                        r.chokes.to_string(),
                        r.single_relay.to_string(),
                        if r.ground { "ground" } else { "relay" }.to_string(),
                        r.tags.join(","),
                        r.name.to_string(),
                    ]
                })
                .collect();
            table::write(
                out,
                &["ID", "CHOKES", "SINGLE-RELAY", "AS", "TAGS", "NAME"],
                &cells,
                &[30, 6, 12, 6, 26, 0],
                table::width(),
            )?;
            writeln!(
                out,
                "{} chokepoint{}",
                cells.len(),
                if cells.len() == 1 { "" } else { "s" }
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
