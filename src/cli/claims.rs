//! `claims`: list the claims that pass every filter given (AND).

use super::filter::FilterArgs;
use super::style::{Paint, Role};
use super::whatif::ListRead;
use super::{table, write_json, CliError, Ctx, ListFormat};
use claimgraph::graph::{ClaimGraph, NodeIx};
use claimgraph::query;
use claimgraph::support::Support;
use std::io::Write;
use std::process::ExitCode;

/// List claims, filtered by who stands behind them and how they are supported.
///
/// Filters combine with AND. Ids accept an entity's names and aliases
/// (`--denied-by Pyongyang`). With --as-of or --discredit, every filter and every
/// answer is of the graph on that day, or without those sources.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph claims --rests-only-on intelligence\n  claimgraph claims --contested --format json\n  claimgraph claims --denied-by Pyongyang --format ids\n  claimgraph claims --discredit nis --ungrounded\n  claimgraph claims --single-relay\n  claimgraph claims --as-of 2024-03 --format json"
)]
pub struct Args {
    #[command(flatten)]
    filter: FilterArgs,
    #[command(flatten)]
    read: ListRead,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    if ctx.cache && args.read.format == ListFormat::Ids && !args.read.whatif.is_set() {
        if let Some(filter) = args.filter.support_filter() {
            if write_warm_ids(ctx, &filter, out)? {
                return Ok(ExitCode::SUCCESS);
            }
        }
    }
    let view = args.read.load(ctx)?;
    let g = view.graph;
    let filter = args.filter.filter(g)?;
    let s = view.support();
    let t = claimgraph::timing::phase("select");
    let hits = query::select(g, &s, &filter);
    drop(t);
    let _t = claimgraph::timing::phase("output");
    match args.read.format {
        ListFormat::Ids => {
            for c in hits {
                writeln!(out, "{}", g.id(c))?;
            }
        }
        ListFormat::Json => {
            let facts: Vec<_> = hits
                .iter()
                .filter_map(|&c| g.as_claim(c))
                .map(|c| query::facts(g, &s, c))
                .collect();
            write_json(out, &facts)?;
        }
        ListFormat::Table => write_table(out, ctx, g, &s, &hits)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The ids of the claims that pass `filter`, which reads only the support, answered from a
/// fresh snapshot without building the graph; whether it could be (else nothing is
/// written, and the full load answers). A `--rests-only-on` tag that no entity carries
/// takes the full load too, which says so.
fn write_warm_ids(
    ctx: &Ctx,
    filter: &query::ClaimFilter,
    out: &mut dyn Write,
) -> Result<bool, CliError> {
    let Some(warm) = super::warm_claims(&ctx.graph_path) else {
        return Ok(false);
    };
    if let Some(tag) = &filter.rests_only_on {
        if !warm.claims.tags.iter().any(|t| t == tag) {
            return Ok(false);
        }
    }
    let t = claimgraph::timing::phase("select");
    let Some(hits) = warm.claims.select(filter) else {
        return Ok(false);
    };
    drop(t);
    let _t = claimgraph::timing::phase("output");
    super::term::say_notes(&warm.notes);
    for id in hits {
        writeln!(out, "{id}")?;
    }
    Ok(true)
}

/// Claims as two columns, ID and TEXT; the text wraps inside its column and a last line
/// names the grounds and the claim's state, so nothing is cut at 80 columns. With colour,
/// ids are bold, verdicts and denials coloured, and intelligence-only support flagged.
fn write_table(
    out: &mut dyn Write,
    ctx: &Ctx,
    g: &ClaimGraph,
    s: &Support,
    hits: &[NodeIx],
) -> Result<(), CliError> {
    let p = ctx.paint;
    let id_width = hits
        .iter()
        .map(|&c| g.id(c).as_str().len())
        .max()
        .unwrap_or(2)
        .clamp(2, 40);
    let text_width = table::width().saturating_sub(id_width + 2).max(30);
    let intel = s.rests_only_on(g, "intelligence");
    writeln!(
        out,
        "{}",
        p.paint(Role::Strong, &format!("{:id_width$}  TEXT", "ID"))
    )?;
    for c in hits.iter().filter_map(|&c| g.as_claim(c)) {
        let facts = query::facts(g, s, c);
        let c = c.ix;
        let id = table::truncate(facts.id.as_str(), id_width);
        let mut lines = table::wrap(facts.text, text_width);
        let state = state_parts(&facts, intel[c.index()]);
        lines.extend(wrap_parts(p, &state, text_width));
        for (i, line) in lines.iter().enumerate() {
            if i == 0 {
                let pad = " ".repeat(id_width.saturating_sub(table::display_width(&id)));
                writeln!(out, "{}{pad}  {line}", p.paint(Role::Strong, &id))?;
            } else {
                writeln!(out, "{:id_width$}  {line}", "")?;
            }
        }
    }
    let n = hits.len();
    writeln!(out, "{n} claim{}", if n == 1 { "" } else { "s" })?;
    Ok(())
}

/// The parts of `↳ grounds: nis · intelligence only · contested · verdict: false`, each
/// with the role that colours it.
fn state_parts(f: &query::ClaimFacts, intelligence_only: bool) -> Vec<(Role, String)> {
    let grounds: Vec<&str> = f.grounds.iter().map(|i| i.as_str()).collect();
    let mut parts = vec![if grounds.is_empty() {
        (Role::Bad, "no grounds".to_string())
    } else {
        (Role::Dim, format!("grounds: {}", grounds.join(", ")))
    }];
    if intelligence_only {
        parts.push((Role::Warn, "intelligence only".to_string()));
    }
    if f.single_relay {
        parts.push((Role::Warn, "single relay".to_string()));
    }
    let through: Vec<&str> = f
        .chokepoints
        .iter()
        .map(|i| i.as_str())
        .filter(|i| !grounds.contains(i))
        .collect();
    if !through.is_empty() {
        parts.push((Role::Dim, format!("all through: {}", shortened(&through))));
    }
    for (on, role, word) in [
        (f.contested, Role::Contested, "contested"),
        (f.interested_denial, Role::Contested, "interested denial"),
        (f.circular, Role::Warn, "circular"),
        (
            f.single_origin && f.grounds.len() > 1,
            Role::Warn,
            "single origin",
        ),
    ] {
        if on {
            parts.push((role, word.to_string()));
        }
    }
    if !f.denied_by.is_empty() {
        let deniers: Vec<&str> = f.denied_by.iter().map(|i| i.as_str()).collect();
        parts.push((Role::Bad, format!("denied by: {}", deniers.join(", "))));
    }
    if let Some(v) = f.verdict {
        let v = v.to_string();
        parts.push((Paint::verdict_role(&v), format!("verdict: {v}")));
    }
    parts
}

/// Chokepoints shown in a table, at most; the rest are counted.
const SHOWN_CHOKEPOINTS: usize = 5;

/// `a, b, c` — or the first few and how many more.
fn shortened(ids: &[&str]) -> String {
    if ids.len() <= SHOWN_CHOKEPOINTS {
        return ids.join(", ");
    }
    format!(
        "{} and {} more",
        ids[..SHOWN_CHOKEPOINTS].join(", "),
        ids.len() - SHOWN_CHOKEPOINTS
    )
}

/// Lays the parts out after "↳ ", joined by " · ", breaking lines between parts (a part
/// wider than the line is wrapped on its own), and paints each part.
fn wrap_parts(p: Paint, parts: &[(Role, String)], width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = p.paint(Role::Dim, "↳");
    let mut cur_width = 1;
    for (role, text) in parts {
        for piece in table::wrap(text, width.saturating_sub(2).max(10)) {
            let w = table::display_width(&piece);
            let sep = if cur_width == 1 { " " } else { " · " };
            if cur_width > 1 && cur_width + sep.chars().count() + w > width {
                lines.push(std::mem::take(&mut cur));
                cur.push_str("  ");
                cur_width = 2;
            } else {
                cur.push_str(&p.paint(Role::Dim, sep));
                cur_width += sep.chars().count();
            }
            cur.push_str(&p.paint(*role, &piece));
            cur_width += w;
        }
    }
    lines.push(cur);
    lines
}
