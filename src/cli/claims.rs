//! `claims`: list the claims that pass every filter given (AND).

use super::filter::FilterArgs;
use super::{table, write_json, CliError, Ctx, ListFormat};
use claimgraph::graph::{ClaimGraph, NodeIx};
use claimgraph::query;
use claimgraph::support::Support;
use std::io::Write;
use std::process::ExitCode;

/// List claims, filtered by who stands behind them and how they are supported.
///
/// Filters combine with AND. Ids accept an entity's names and aliases
/// (`--denied-by Pyongyang`).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph claims --rests-only-on intelligence\n  claimgraph claims --contested --format json\n  claimgraph claims --denied-by Pyongyang --format ids"
)]
pub struct Args {
    #[command(flatten)]
    filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: ListFormat,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let g = &ctx.load()?.graph;
    let filter = args.filter.filter(g)?;
    let s = Support::new(g);
    let hits = query::select(g, &s, &filter);
    match args.format {
        ListFormat::Ids => {
            for c in hits {
                writeln!(out, "{}", g.id(c))?;
            }
        }
        ListFormat::Json => {
            let facts: Vec<_> = hits.iter().map(|&c| query::facts(g, &s, c)).collect();
            write_json(out, &facts)?;
        }
        ListFormat::Table => write_table(out, g, &s, &hits)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Claims as two columns, ID and TEXT; the text wraps inside its column and a last line
/// names the grounds and the claim's state, so nothing is cut at 80 columns.
fn write_table(
    out: &mut dyn Write,
    g: &ClaimGraph,
    s: &Support,
    hits: &[NodeIx],
) -> Result<(), CliError> {
    let id_width = hits
        .iter()
        .map(|&c| g.id(c).as_str().len())
        .max()
        .unwrap_or(2)
        .clamp(2, 40);
    let text_width = table::width().saturating_sub(id_width + 2).max(30);
    writeln!(out, "{:id_width$}  TEXT", "ID")?;
    for &c in hits {
        let facts = query::facts(g, s, c);
        let id = table::truncate(facts.id.as_str(), id_width);
        let mut lines = table::wrap(facts.text, text_width);
        lines.extend(table::wrap(&state_line(&facts), text_width));
        for (i, line) in lines.iter().enumerate() {
            let first = if i == 0 { id.as_str() } else { "" };
            writeln!(out, "{first:id_width$}  {line}")?;
        }
    }
    let n = hits.len();
    writeln!(out, "{n} claim{}", if n == 1 { "" } else { "s" })?;
    Ok(())
}

/// `↳ grounds: nis · contested · verdict: false`
fn state_line(f: &query::ClaimFacts) -> String {
    let grounds: Vec<&str> = f.grounds.iter().map(|i| i.as_str()).collect();
    let mut parts = vec![if grounds.is_empty() {
        "no grounds".to_string()
    } else {
        format!("grounds: {}", grounds.join(", "))
    }];
    for (on, word) in [
        (f.contested, "contested"),
        (f.interested_denial, "interested denial"),
        (f.circular, "circular"),
        (f.single_origin && f.grounds.len() > 1, "single origin"),
    ] {
        if on {
            parts.push(word.to_string());
        }
    }
    if let Some(v) = f.verdict {
        parts.push(format!("verdict: {v}"));
    }
    format!("↳ {}", parts.join(" · "))
}
