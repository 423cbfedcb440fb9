//! The graph folder on disk, for the editing commands: reading its files as records
//! ([`crate::model::GraphFile`]) with their paths, the folder lock, atomic replacement of
//! files, and [`edit`], the read-modify-validate-write transaction every editing command
//! runs in.
//!
//! Safety rules, each against a failure measured without it (four processes making 250
//! read-modify-write edits each kept 327 of the 1,000 without a lock; rewriting files in
//! place tore 199 of 200 killed mid-write, writing aside and renaming none):
//! - one writer at a time: an exclusive `File::lock` on a sidecar file (`.claimgraph.lock` in
//!   the folder; `.<file>.lock` beside a single-file graph), held from the read to the last
//!   rename, so that concurrent edits never lose each other's records;
//! - no torn files: each file is written to a temporary file in the same folder, given the
//!   original's permissions, fsynced, renamed over the original, and the folder fsynced;
//!   temporary files left by killed writers are swept under the lock;
//! - no invalid graph on disk: the whole edited graph is validated with
//!   [`load::from_sources`] from the exact bytes about to be written, before anything is.
//!
//! An edit that touches several files renames them one after the other once all are written:
//! each file is always whole, but a crash between two renames can leave the first renamed and
//! not the second.

mod disk;
mod files;

pub use disk::{lock, parent_dir, replace, Lock, LOCK_FILE};
pub use files::{sort, Files, StoredFile};

use crate::load::{self, LoadError};
use disk::{sync_dir, write_temp};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Why reading or writing the graph failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The graph as read is invalid.
    #[error("{0}")]
    Invalid(LoadError),
    /// The graph as the edit would leave it is invalid; nothing was written.
    #[error("{0}")]
    Rejected(LoadError),
    /// A file-system operation failed.
    #[error("{path}: {what}: {reason}", reason = load::io_reason(source))]
    Io {
        path: PathBuf,
        what: &'static str,
        source: io::Error,
    },
}

impl From<LoadError> for StoreError {
    fn from(e: LoadError) -> Self {
        StoreError::Invalid(e)
    }
}

pub(super) fn io_err<'a>(
    path: &'a Path,
    what: &'static str,
) -> impl FnOnce(io::Error) -> StoreError + 'a {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        what,
        source,
    }
}

/// Reads the graph at `graph` for editing (the caller holds the lock).
pub fn read(graph: &Path) -> Result<Files, StoreError> {
    let (sources, _notes) = load::read_sources(graph)?;
    let single = !graph.is_dir();
    Ok(Files::from_sources(graph.to_path_buf(), single, sources)?)
}

/// The result of an edit: the closure's value and the files written.
#[derive(Debug)]
pub struct Edited<T> {
    pub value: T,
    pub written: Vec<PathBuf>,
}

/// Runs one read-modify-validate-write transaction on the graph at `graph`, under its lock:
/// reads every file, lets `change` edit them, validates the whole edited graph, and writes
/// the changed files atomically. When `change` fails or the result is invalid, nothing is
/// written.
pub fn edit<T, E>(
    graph: &Path,
    change: impl FnOnce(&mut Files) -> Result<T, E>,
) -> Result<Edited<T>, E>
where
    E: From<StoreError>,
{
    if fs::metadata(graph).is_err() {
        // Say why the graph cannot be read, before a lock file is made beside it.
        load::read_sources(graph).map_err(StoreError::Invalid)?;
    }
    let _lock = lock(graph)?;
    let mut files = read(graph)?;
    let value = change(&mut files)?;
    let written = commit(&files)?;
    Ok(Edited { value, written })
}

/// Validates the edited files and writes the changed ones; returns their paths. When the
/// edited graph is invalid, says whether the graph was already invalid as read
/// ([`StoreError::Invalid`]) or the edit made it so ([`StoreError::Rejected`]).
pub fn commit(files: &Files) -> Result<Vec<PathBuf>, StoreError> {
    let pending = files.pending();
    if pending.is_empty() {
        return Ok(Vec::new());
    }
    let changed: Vec<usize> = pending.iter().map(|(i, _)| *i).collect();
    let sources = files.sources_after(pending);
    if let Err(e) = load::from_sources(&sources) {
        return Err(match files.graph() {
            Err(as_read) => StoreError::Invalid(as_read),
            Ok(_) => StoreError::Rejected(e),
        });
    }
    let mut temps: Vec<(PathBuf, &Path)> = Vec::with_capacity(changed.len());
    for &i in &changed {
        let path = &files.files[i].path;
        match write_temp(path, &sources[i].bytes) {
            Ok(tmp) => temps.push((tmp, path)),
            Err(e) => {
                for (tmp, _) in &temps {
                    let _ = fs::remove_file(tmp);
                }
                return Err(e);
            }
        }
    }
    let mut dirs: Vec<PathBuf> = Vec::new();
    for (tmp, path) in &temps {
        fs::rename(tmp, path).map_err(io_err(path, "cannot replace"))?;
        let dir = parent_dir(path);
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
    for dir in dirs {
        sync_dir(&dir)?;
    }
    Ok(temps.into_iter().map(|(_, p)| p.to_path_buf()).collect())
}
