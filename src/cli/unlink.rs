//! `unlink`: remove an edge, one appearance or all of them.

use super::completions;
use super::editing::edit;
use super::term::say;
use super::{CliError, Ctx};
use claimgraph::edit::{self, EdgeAddress, Which};
use claimgraph::text::terminal_safe;
use clap_complete::ArgValueCandidates;
use std::io::Write;
use std::process::ExitCode;

/// Remove the edge FROM REL TO [--in DOC | --all].
///
/// A relation reported in several documents is one edge per document. Without --in, the
/// edge is removed when it appears once; when it appears in several documents nothing is
/// removed and they are listed (exit 2): name one with --in DOC (--in - for the one without
/// a document), or remove them all with --all.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph unlink dw asserts nk-poverty-60pct\n  claimgraph unlink russia denies nk-arms-transfers-since-aug-2023 --in ap-2024-06-19\n  claimgraph unlink russia denies nk-arms-transfers-since-aug-2023 --all"
)]
pub struct Args {
    #[command(flatten)]
    ends: super::editing::EdgeEnds,
    /// The document of the appearance to remove (`-`: the one without a document).
    #[arg(long = "in", value_name = "DOC", add = ArgValueCandidates::new(completions::document_ids))]
    in_doc: Option<String>,
    /// Remove every appearance of the relation, in every document.
    #[arg(long, conflicts_with = "in_doc")]
    all: bool,
    #[command(flatten)]
    pub(super) write: super::editing::WriteOpts,
}

pub fn run(args: Args, ctx: &Ctx, _out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let which = if args.all {
        Which::All
    } else {
        Which::from_in(args.in_doc.as_deref())
    };
    let addr = EdgeAddress {
        from: args.ends.from,
        rel: args.ends.rel,
        to: args.ends.to,
        which,
    };
    let removed = edit(ctx, |files| edit::unlink(files, &addr))?;
    for (e, file) in removed {
        say!(
            "claimgraph: removed {} from {}",
            terminal_safe(&edit::describe(&e)),
            terminal_safe(&file)
        );
    }
    Ok(ExitCode::SUCCESS)
}
