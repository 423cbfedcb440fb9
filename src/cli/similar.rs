//! `similar`: the existing claims closest to a text or to a claim, with scores, as `ingest`
//! and `add claim` match them.

use super::style::Role;
use super::{table, write_json, CliError, Ctx, ListFormat};
use claimgraph::graph::Slot;
use claimgraph::similar::{GraphMatcher, Hit, FLOOR, THRESHOLD};
use claimgraph::text::terminal_safe;
use std::io::Write;
use std::process::ExitCode;

/// List the existing claims closest to a text, or to a claim's text.
///
/// The matching `ingest`, `add claim` and `import` use. Each text becomes its content words
/// (stemmed lightly: "shipped" = "ships"; a few synonyms: "arms" = "weapons"), the ids of the
/// entities it names ("Pyongyang" = "North Korea" = north-korea), its numbers ("a million" =
/// "1 million"), years and months. SCORE is the share of those in common (weighted Dice,
/// 0–1; entity ids and dates weigh half a word). A claim is the SAME claim when the score
/// is at least 0.7 and no guard differs: numbers, negation, dates, entities or proper names
/// on both sides, opposite words ("rose"/"fell"), where something went ("to Russia").
/// Claims scoring under 0.3 are not listed.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph similar \"Pyongyang has sent weapons to Moscow since August 2023\"\n  claimgraph similar nk-arms-transfers-since-aug-2023 --limit 3 --format json"
)]
pub struct Args {
    /// A text, or the id of a claim (compared by its text; the claim itself is left out).
    #[arg(value_name = "TEXT|CLAIM", add = clap_complete::ArgValueCandidates::new(super::completions::claim_ids))]
    text: String,
    /// The most claims to list.
    #[arg(long, value_name = "N", default_value_t = 5)]
    limit: usize,
    /// Output format (`ids`: one id per line, best first).
    #[arg(long, value_enum, default_value_t)]
    format: ListFormat,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let g = &ctx.load()?.graph;
    let (text, own) = match g.lookup(&args.text) {
        Some(Slot::Node(ix)) if g.is_claim(ix) => {
            let c = g.claim(ix).expect("a claim node holds a claim");
            (c.text.as_str(), Some(c.id.as_str()))
        }
        _ => (args.text.as_str(), None),
    };
    let matcher = GraphMatcher::new(g);
    let query = matcher.matcher().features(text);
    let hits = matcher.similar(&query, args.limit, own);
    match args.format {
        ListFormat::Ids => {
            for h in &hits {
                writeln!(out, "{}", h.id)?;
            }
        }
        ListFormat::Json => write_json(out, &hits)?,
        ListFormat::Table => write_table(out, ctx, &hits)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// SCORE, ID and TEXT, the text wrapped under its column; under it, the same claim or the
/// guard that makes it another claim.
fn write_table(out: &mut dyn Write, ctx: &Ctx, hits: &[Hit]) -> Result<(), CliError> {
    let p = ctx.paint;
    let id_width = hits
        .iter()
        .map(|h| h.id.as_str().len())
        .max()
        .unwrap_or(2)
        .clamp(2, 40);
    let text_width = table::width().saturating_sub(id_width + 9).max(30);
    let header = format!("SCORE  {:id_width$}  TEXT", "ID");
    writeln!(out, "{}", p.paint(Role::Strong, &header))?;
    for h in hits {
        let id = table::truncate(h.id.as_str(), id_width);
        let mut lines = table::wrap(&terminal_safe(&h.text), text_width);
        let (role, verdict) = match (&h.differs, h.same) {
            (_, true) => (Role::Good, "the same claim".to_string()),
            (Some(d), _) => (Role::Bad, format!("another claim: {d}")),
            (None, false) => (Role::Dim, format!("another claim: score under {THRESHOLD}")),
        };
        for (i, piece) in table::wrap(&terminal_safe(&verdict), text_width.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            let mark = if i == 0 { "↳ " } else { "  " };
            lines.push(format!(
                "{}{}",
                p.paint(Role::Dim, mark),
                p.paint(role, &piece)
            ));
        }
        for (i, line) in lines.iter().enumerate() {
            if i == 0 {
                let pad = " ".repeat(id_width.saturating_sub(table::display_width(&id)));
                let id = p.paint(Role::Strong, &id);
                writeln!(out, "{:.2}   {id}{pad}  {line}", h.score)?;
            } else {
                writeln!(out, "{:5}  {:id_width$}  {line}", "", "")?;
            }
        }
    }
    let same = hits.iter().filter(|h| h.same).count();
    let n = hits.len();
    writeln!(
        out,
        "{n} claim{} scoring {FLOOR} or more; {same} the same claim",
        if n == 1 { "" } else { "s" }
    )?;
    Ok(())
}
