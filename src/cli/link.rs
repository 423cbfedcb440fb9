//! `link`: add an asserts, denies or cites edge.

use super::completions;
use super::editing::{edit_quick, file_arg};
use super::term::say;
use super::{CliError, Ctx};
use claimgraph::edit::{self, Linked, NewEdge};
use claimgraph::model::Date;
use clap_complete::ArgValueCandidates;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Add an edge: FROM asserts|denies|cites TO [--in DOC].
///
/// asserts and denies go from an entity to a claim; cites goes from a claim or an entity to
/// an entity or a claim; nothing cites itself. Ids accept names and aliases. An edge is one
/// relation in one document: the same relation with another --in adds an appearance (its
/// own quote and date); linking an edge that is already there changes nothing. The edge
/// goes into --file, else into the file already holding edges of its ends, else into
/// claims.json.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph link nis asserts nk-arms-transfers-since-aug-2023 --in dw-2024-06-18 --quote \"numerous weapons transfers\"\n  claimgraph link nk-ballistic-missiles-to-russia cites us-satellite-imagery\n  claimgraph link russia denies nk-arms-transfers-since-aug-2023 --in ap-2024-06-19 --quote \"groundless\""
)]
pub struct Args {
    #[command(flatten)]
    ends: super::editing::EdgeEnds,
    /// The document the edge was found in.
    #[arg(long = "in", value_name = "DOC", add = ArgValueCandidates::new(completions::document_ids))]
    in_doc: Option<String>,
    /// The words used.
    #[arg(long)]
    quote: Option<String>,
    /// When it was said: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_parser = |s: &str| Date::new(s))]
    date: Option<Date>,
    /// A free note.
    #[arg(long)]
    note: Option<String>,
    /// The graph file to add to (a .json name in the graph folder; created if needed).
    #[arg(long, value_name = "FILE")]
    file: Option<PathBuf>,
    #[command(flatten)]
    pub(super) write: super::editing::WriteOpts,
}

pub fn run(args: Args, ctx: &Ctx, _out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let file = file_arg(&args.file);
    let new = NewEdge {
        from: args.ends.from,
        rel: args.ends.rel,
        to: args.ends.to,
        in_doc: args.in_doc,
        quote: args.quote,
        date: args.date,
        note: args.note,
    };
    let linked = edit_quick(
        ctx,
        |read| edit::quick::link(read, &new, file),
        |files| edit::link(files, new.clone(), file),
    )?;
    if let Linked::Already(p) = linked {
        say!(
            "claimgraph: the edge is already in {}",
            claimgraph::text::terminal_safe(&p.path.display().to_string())
        );
    }
    Ok(ExitCode::SUCCESS)
}
