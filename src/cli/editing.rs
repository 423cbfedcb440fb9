//! What the editing commands share: running an edit transaction on the graph, reporting the
//! files written on stderr, and mapping edit errors to exit codes (docs/format.md §4.1: an
//! unknown id or a bad value is usage, 2; an edit that would make the graph invalid is
//! refused, 1).

use super::term::{safe, say};
use super::{completions, CliError, Ctx};
use claimgraph::edit::EditError;
use claimgraph::model::Rel;
use claimgraph::store::{self, EditOptions, Files, StoreError};
use clap_complete::ArgValueCandidates;
use std::path::PathBuf;

impl From<EditError> for CliError {
    fn from(e: EditError) -> Self {
        match e {
            EditError::Usage(m) => CliError::Usage(m),
            EditError::Refused(m) => CliError::Refused(m),
            EditError::Store(s) => s.into(),
        }
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Invalid(e) => CliError::Invalid(e),
            StoreError::Rejected(e) => CliError::Refused(format!(
                "the edit would make the graph invalid; nothing was written:\n{e}"
            )),
            StoreError::ReadOnly { .. } => {
                CliError::Refused(format!("{e} (pass --force to replace it anyway)"))
            }
            StoreError::Io { .. } => CliError::Refused(e.to_string()),
        }
    }
}

/// Runs `change` as one locked read-modify-validate-write transaction on the graph and
/// reports the files written (or that nothing changed) on stderr.
pub fn edit<T>(
    ctx: &Ctx,
    change: impl FnOnce(&mut Files) -> Result<T, EditError>,
) -> Result<T, CliError> {
    let options = EditOptions {
        force: ctx.force,
        on_wait: &super::say_waiting,
        cache: ctx.cache,
    };
    let done = store::edit_with(&ctx.graph_path, options, change)?;
    report_written(&done.written);
    Ok(done.value)
}

/// [`edit`] for a change with a quick path (see [`store::edit_quick`]).
pub fn edit_quick<T>(
    ctx: &Ctx,
    quick: impl FnOnce(store::Read<'_>) -> Result<store::Quick<T>, EditError>,
    full: impl FnOnce(&mut Files) -> Result<T, EditError>,
) -> Result<T, CliError> {
    let options = EditOptions {
        force: ctx.force,
        on_wait: &super::say_waiting,
        cache: ctx.cache,
    };
    let done = store::edit_quick(&ctx.graph_path, options, quick, full)?;
    report_written(&done.written);
    Ok(done.value)
}

/// Says on stderr which files were written.
pub fn report_written(written: &[PathBuf]) {
    if written.is_empty() {
        say!("claimgraph: nothing changed");
    }
    for p in written {
        say!("claimgraph: wrote {}", safe(&p.display().to_string()));
    }
}

/// The relation `link` and `unlink` name: FROM REL TO.
#[derive(Debug, clap::Args)]
pub struct EdgeEnds {
    /// Where the edge starts (an id, name or alias).
    #[arg(add = ArgValueCandidates::new(completions::node_ids))]
    pub from: String,
    /// asserts, denies or cites.
    #[arg(add = ArgValueCandidates::new(completions::rels))]
    pub rel: Rel,
    /// Where the edge ends.
    #[arg(add = ArgValueCandidates::new(completions::node_ids))]
    pub to: String,
}

/// What every editing command takes.
#[derive(Debug, Default, clap::Args)]
pub struct WriteOpts {
    /// Do it anyway: replace read-only graph files (an edit that would is refused otherwise),
    /// and accept an entity name or alias that another entity already has.
    #[arg(long, global = true)]
    pub force: bool,
}

/// A `--file` argument as a path.
pub fn file_arg(file: &Option<PathBuf>) -> Option<&std::path::Path> {
    file.as_deref()
}
