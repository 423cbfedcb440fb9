//! `check`: validate the graph; errors exit 1, warnings exit 0.

use super::render::Renderer;
use super::style::Role;
use super::term::{safe, say};
use super::whatif::TextRead;
use super::{write_json, CliError, Ctx, TextFormat};
use claimgraph::check;
use claimgraph::diag::Diagnostic;
use claimgraph::load;
use claimgraph::store::{self, StoreError};
use serde_json::json;
use std::io::Write;
use std::process::ExitCode;

/// Validate the graph: errors (exit 1) and warnings (exit 0).
///
/// Warnings: unused entity, ungrounded claim, circular support, unknown tag, credibility 1
/// ("confirmed by independent sources") on a claim that is not independent. With --as-of
/// or --discredit, the warnings are of the graph on that day, or without those sources
/// (the errors are the files' own and do not change).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph check\n  claimgraph --graph other/ check --format json"
)]
pub struct Args {
    #[command(flatten)]
    read: TextRead,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    // The files are read once: for the graph, and again from memory to locate warnings.
    super::missing_graph(&ctx.graph_path)?;
    let loaded = match store::read_consistent(&ctx.graph_path, &super::say_waiting) {
        Ok((sources, notes)) => load::from_sources(&sources).map(|graph| (sources, notes, graph)),
        Err(StoreError::Invalid(e)) => Err(e),
        Err(e) => return Err(e.into()),
    };
    let (errors, more, warnings) = match loaded {
        Ok((sources, notes, graph)) => {
            for note in &notes {
                say!("claimgraph: note: {}", safe(note));
            }
            let view = args.read.whatif.apply(graph)?;
            let mut w = check::warnings(view.graph, &view.support());
            load::locate(&mut w, &sources);
            std::mem::forget(sources);
            (Vec::new(), 0, w)
        }
        Err(e) => (e.errors, e.more, Vec::new()),
    };
    let shown = ctx.graph_path.display().to_string();
    match args.read.format {
        TextFormat::Json => write_json(
            out,
            &json!({
                "graph": shown,
                "valid": errors.is_empty(),
                "errors": errors,
                "more_errors": more,
                "warnings": warnings,
            }),
        )?,
        TextFormat::Text => write_text(out, ctx, &shown, (&errors, more), &warnings)?,
    }
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Diagnostics go to stderr (docs/format.md §4.1): errors in full, with the line they are on
/// and a hint (the first few; the rest one per line), warnings one per line; the one-line
/// summary goes to stdout.
fn write_text(
    out: &mut dyn Write,
    ctx: &Ctx,
    graph: &str,
    (errors, more): (&[Diagnostic], usize),
    warnings: &[Diagnostic],
) -> Result<(), CliError> {
    let mut err = std::io::stderr().lock();
    let mut r = Renderer::new(ctx.err_paint);
    write!(
        err,
        "{}",
        r.render_all(errors, more, super::SHOWN_ERRORS, true)
    )?;
    for d in warnings {
        writeln!(err, "{}", ctx.err_paint.paint(Role::Warn, &d.to_string()))?;
    }
    let n = errors.len() + more;
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    writeln!(
        out,
        "{graph}: {}, {}",
        plural(n, "error"),
        plural(warnings.len(), "warning")
    )?;
    Ok(())
}
