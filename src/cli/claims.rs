//! `claims`: list the claims that pass every filter given (AND).

use super::{resolve_node, table, write_json, CliError, Ctx, ListFormat};
use claimgraph::graph::{ClaimGraph, NodeIx};
use claimgraph::query::{self, ClaimFilter, VerdictFilter};
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
    /// Claims whose grounds are non-empty and all carry TAG.
    #[arg(long, value_name = "TAG")]
    rests_only_on: Option<String>,
    /// Claims asserted by ID (repeatable: all of them).
    #[arg(long, value_name = "ID")]
    asserted_by: Vec<String>,
    /// Claims denied by ID.
    #[arg(long, value_name = "ID")]
    denied_by: Vec<String>,
    /// Claims that cite ID (an entity or a claim) directly.
    #[arg(long, value_name = "ID")]
    cites: Vec<String>,
    /// Claims with ID among their grounds.
    #[arg(long, value_name = "ID")]
    grounded_in: Vec<String>,
    /// Claims about entity ID.
    #[arg(long, value_name = "ID")]
    about: Vec<String>,
    /// Claims that someone asserts and someone denies.
    #[arg(long)]
    contested: bool,
    /// Claims with no ground at all.
    #[arg(long)]
    ungrounded: bool,
    /// Claims whose support runs through a citation cycle.
    #[arg(long)]
    circular: bool,
    /// Claims whose grounds all share one origin.
    #[arg(long)]
    single_origin: bool,
    /// Claims whose grounds have at least two origins.
    #[arg(long)]
    independent: bool,
    /// Denied claims whose every denier shares an origin with what the claim is about.
    #[arg(long)]
    interested_denial: bool,
    /// Claims whose text matches REGEX.
    #[arg(long, value_name = "REGEX")]
    grep: Option<String>,
    /// Claims with topic T.
    #[arg(long, value_name = "T")]
    topic: Vec<String>,
    /// Claims with verdict V (true, mostly-true, mixed, mostly-false, false, unproven, unreviewed).
    #[arg(long, value_name = "V")]
    verdict: Option<VerdictFilter>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: ListFormat,
}

/// The largest compiled regex accepted from the command line.
pub const REGEX_SIZE_LIMIT: usize = 1 << 20;

impl Args {
    /// The library filter, with ids resolved against `g`.
    pub fn filter(&self, g: &ClaimGraph) -> Result<ClaimFilter, CliError> {
        let nodes = |list: &[String]| {
            list.iter()
                .map(|t| resolve_node(g, t))
                .collect::<Result<Vec<_>, _>>()
        };
        let grep = self
            .grep
            .as_deref()
            .map(|re| {
                regex::RegexBuilder::new(re)
                    .size_limit(REGEX_SIZE_LIMIT)
                    .build()
                    .map_err(|e| CliError::Usage(format!("bad --grep regex: {e}")))
            })
            .transpose()?;
        Ok(ClaimFilter {
            rests_only_on: self.rests_only_on.clone(),
            asserted_by: nodes(&self.asserted_by)?,
            denied_by: nodes(&self.denied_by)?,
            cites: nodes(&self.cites)?,
            grounded_in: nodes(&self.grounded_in)?,
            about: nodes(&self.about)?,
            contested: self.contested,
            ungrounded: self.ungrounded,
            circular: self.circular,
            single_origin: self.single_origin,
            independent: self.independent,
            interested_denial: self.interested_denial,
            grep,
            topic: self.topic.clone(),
            verdict: self.verdict,
        })
    }
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let g = &ctx.load()?.graph;
    let filter = args.filter(g)?;
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
