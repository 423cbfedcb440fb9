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
//! - all or nothing across files: an edit that changes several files first records them in
//!   a journal ([`journal`]), so that a writer killed between two renames is completed by
//!   the next command that opens the graph;
//! - consistent reads: readers take the lock shared while they read the files, so that they
//!   never see an edit half done; a reader that finds a journal finishes the edit first;
//! - no surprise writes: a read-only file (no write permission bit) is not replaced unless
//!   the edit is forced.
//!
//! [`edit_quick`] runs the same transaction for an edit that can say, from the bytes read
//! and the validated graph they make, which bytes to insert into which one file: the
//! edit proves the result valid itself (see `crate::edit::quick`), the file is written
//! from the original's pieces, and every other case falls back to [`edit`]'s path.

mod disk;
mod files;
pub mod journal;

pub use disk::{create, parent_dir, quietly, replace, Holder, Lock, OnWait, Waiting, LOCK_FILE};
pub use files::{sort, Files, StoredFile};

use crate::load::{self, LoadError, Source};
use disk::{sync_dir, write_temp, write_temp_parts};
use journal::Faults;
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
    /// A file the edit would replace is read-only; nothing was written.
    #[error("{path}: the file is read-only (mode {mode:04o}); nothing was written", path = path.display())]
    ReadOnly { path: PathBuf, mode: u32 },
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

/// Takes the graph's exclusive lock, waiting silently for another writer to finish, then
/// finishes an edit a killed writer left half done and sweeps its temporary files.
pub fn lock(graph: &Path) -> Result<Lock, StoreError> {
    lock_waiting(graph, &quietly)
}

/// [`lock`], calling `on_wait` once if the lock is not free within a second.
pub fn lock_waiting(graph: &Path, on_wait: OnWait<'_>) -> Result<Lock, StoreError> {
    let lock = disk::lock_exclusive(graph, on_wait)?;
    journal::recover(graph)?;
    disk::sweep(graph)?;
    Ok(lock)
}

/// Reads the graph at `graph` for editing, as [`read_consistent`] does.
pub fn read(graph: &Path) -> Result<Files, StoreError> {
    let (sources, _notes) = read_consistent(graph, &quietly)?;
    files_of(graph, sources)
}

/// The editable files of `sources`, read from the graph at `graph`.
fn files_of(graph: &Path, sources: Vec<Source>) -> Result<Files, StoreError> {
    let single = !graph.is_dir();
    Ok(Files::from_sources(graph.to_path_buf(), single, sources)?)
}

/// Reads the files of the graph at `graph` (see [`load::read_sources`]) as no edit leaves
/// them half done: under the graph's lock taken shared, when some writer has made the lock
/// file. A journal of an interrupted edit is first rolled forward under the exclusive lock;
/// when that cannot be written (a read-only folder), the files are read as the journal says
/// they will be. `on_wait` is told once when the lock is not free within a second.
pub fn read_consistent(
    graph: &Path,
    on_wait: OnWait<'_>,
) -> Result<(Vec<Source>, Vec<String>), StoreError> {
    if journal::exists(graph) {
        return read_recovering(graph, on_wait);
    }
    let shared = disk::lock_shared(graph, on_wait)?;
    if shared.is_some() && journal::exists(graph) {
        drop(shared);
        return read_recovering(graph, on_wait);
    }
    let read = load::read_sources(graph)?;
    if shared.is_none() && disk::has_lock_file(graph) {
        // A first writer started while the files were read: read again, under its lock.
        return read_consistent(graph, on_wait);
    }
    Ok(read)
}

/// Runs `look` on the graph at `graph` as no edit leaves it half done, as
/// [`read_consistent`] reads it, but without reading the files: `None` when an interrupted
/// edit is to be finished first or a writer started meanwhile (then [`read_consistent`]
/// is the way to read).
pub fn look_consistent<T>(
    graph: &Path,
    on_wait: OnWait<'_>,
    look: impl FnOnce() -> T,
) -> Result<Option<T>, StoreError> {
    if journal::exists(graph) {
        return Ok(None);
    }
    let shared = disk::lock_shared(graph, on_wait)?;
    if shared.is_some() && journal::exists(graph) {
        return Ok(None);
    }
    let seen = look();
    if shared.is_none() && disk::has_lock_file(graph) {
        return Ok(None);
    }
    Ok(Some(seen))
}

/// Finishes an interrupted edit under the exclusive lock, then reads; when the lock cannot
/// be had for writing, reads the files as the journal will leave them.
fn read_recovering(
    graph: &Path,
    on_wait: OnWait<'_>,
) -> Result<(Vec<Source>, Vec<String>), StoreError> {
    if let Ok(_lock) = lock_waiting(graph, on_wait) {
        return Ok(load::read_sources(graph)?);
    }
    let _shared = disk::lock_shared(graph, on_wait)?;
    let (mut sources, notes) = load::read_sources(graph)?;
    journal::view(graph, &mut sources)?;
    Ok((sources, notes))
}

/// The result of an edit: the closure's value and the files written.
#[derive(Debug)]
pub struct Edited<T> {
    pub value: T,
    pub written: Vec<PathBuf>,
}

/// How an edit runs.
#[derive(Clone, Copy)]
pub struct EditOptions<'a> {
    /// Replace read-only files too.
    pub force: bool,
    /// Told once when the lock is not free within a second.
    pub on_wait: OnWait<'a>,
    /// Whether the graph's snapshot (see `crate::cache`) may be read and brought up to date
    /// after the edit; false with `--no-cache`.
    pub cache: bool,
}

impl Default for EditOptions<'_> {
    fn default() -> Self {
        EditOptions {
            force: false,
            on_wait: &quietly,
            cache: true,
        }
    }
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
    edit_with(graph, EditOptions::default(), change)
}

/// [`edit`] with options.
pub fn edit_with<T, E>(
    graph: &Path,
    options: EditOptions<'_>,
    change: impl FnOnce(&mut Files) -> Result<T, E>,
) -> Result<Edited<T>, E>
where
    E: From<StoreError>,
{
    let (_lock, sources) = lock_and_read(graph, options.on_wait)?;
    let mut files = files_of(graph, sources)?;
    files.force = options.force;
    let value = change(&mut files)?;
    let written = commit(&files)?;
    Ok(Edited { value, written })
}

/// Takes the graph's exclusive lock and reads its files (an unreadable graph is said to be
/// so before a lock file is made beside it).
fn lock_and_read(graph: &Path, on_wait: OnWait<'_>) -> Result<(Lock, Vec<Source>), StoreError> {
    if fs::metadata(graph).is_err() {
        load::read_sources(graph).map_err(StoreError::Invalid)?;
    }
    let lock = lock_waiting(graph, on_wait)?;
    let _t = crate::timing::phase("read");
    let (sources, _notes) = load::read_sources(graph).map_err(StoreError::Invalid)?;
    Ok((lock, sources))
}

/// The graph's files as read under the lock, for a quick edit.
#[derive(Debug, Clone, Copy)]
pub struct Read<'a> {
    /// The graph path as given: a folder, or one file.
    pub root: &'a Path,
    /// Whether the graph is one file.
    pub single: bool,
    /// Every file, in name order.
    pub sources: &'a [Source],
    /// Whether the graph's snapshot may be brought up to date (see [`EditOptions::cache`]).
    pub cache: bool,
}

/// What a quick edit found it has to write.
#[derive(Debug)]
pub enum Quick<T> {
    /// Not a case for the quick path: run the full transaction instead.
    Full,
    /// Insert `bytes` at byte `at` of source `file` (the rest of the file unchanged); once
    /// that is written, write `then` — a file outside the graph that follows it, such as
    /// the snapshot's patch — if there is one, without a word when that fails.
    Insert {
        value: T,
        file: usize,
        at: usize,
        bytes: Vec<u8>,
        then: Option<(PathBuf, Vec<u8>)>,
    },
    /// Write a new file at `path` holding `bytes`.
    Create {
        value: T,
        path: PathBuf,
        bytes: Vec<u8>,
    },
}

/// [`edit_with`] for an edit that has a quick path: under the lock, `quick` is offered the
/// files as read; when it answers [`Quick::Full`], the files are parsed for editing and
/// `full` runs as in [`edit_with`]. `quick` answers anything else only for a change it has
/// proved leaves a valid graph holding the records `full` would have left.
pub fn edit_quick<T, E>(
    graph: &Path,
    options: EditOptions<'_>,
    quick: impl FnOnce(Read<'_>) -> Result<Quick<T>, E>,
    full: impl FnOnce(&mut Files) -> Result<T, E>,
) -> Result<Edited<T>, E>
where
    E: From<StoreError>,
{
    let (_lock, sources) = lock_and_read(graph, options.on_wait)?;
    let read = Read {
        root: graph,
        single: !graph.is_dir(),
        sources: &sources,
        cache: options.cache,
    };
    let (value, written) = match quick(read)? {
        Quick::Full => {
            let mut files = files_of(graph, sources)?;
            files.force = options.force;
            let value = full(&mut files)?;
            return Ok(Edited {
                value,
                written: commit(&files)?,
            });
        }
        Quick::Insert {
            value,
            file,
            at,
            bytes,
            then,
        } => {
            let _t = crate::timing::phase("write");
            let old = &sources[file].bytes;
            let path = PathBuf::from(&sources[file].name);
            let new = vec![&old[..at], &bytes[..], &old[at..]];
            write_one(&path, &new, options.force)?;
            if let Some((side, bytes)) = then {
                let _ = replace_quietly(&side, &bytes);
            }
            (value, path)
        }
        Quick::Create { value, path, bytes } => {
            write_one(&path, &[&bytes], options.force)?;
            (value, path)
        }
    };
    Ok(Edited {
        value,
        written: vec![written],
    })
}

/// Replaces `path` with `bytes` through a temporary file and a rename, without fsync: for
/// files outside the graph that can be rebuilt, such as the snapshot's patch.
fn replace_quietly(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = fs::write(&tmp, bytes).and_then(|()| fs::rename(&tmp, path));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

/// Replaces (or creates) the one file an edit changes, as [`commit`] does: refused when
/// read-only unless `force`, written aside, fsynced, renamed, the folder fsynced.
fn write_one(path: &Path, parts: &[&[u8]], force: bool) -> Result<(), StoreError> {
    if !force {
        refuse_read_only(path)?;
    }
    let tmp = write_temp_parts(path, parts)?;
    let mut faults = Faults::from_env();
    faults.start();
    if let Err(e) = fs::rename(&tmp, path) {
        let _ = fs::remove_file(&tmp);
        return Err(io_err(path, "cannot replace")(e));
    }
    faults.renamed();
    sync_dir(&parent_dir(path))
}

/// Validates the edited files and writes the changed ones; returns their paths. When the
/// edited graph is invalid, says whether the graph was already invalid as read
/// ([`StoreError::Invalid`]) or the edit made it so ([`StoreError::Rejected`]). The caller
/// holds the lock.
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
    if !files.force {
        for &i in &changed {
            refuse_read_only(&files.files[i].path)?;
        }
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
    let mut faults = Faults::from_env();
    faults.start();
    let journal = if temps.len() > 1 {
        Some(journal::write(&files.root, &temps, &mut faults)?)
    } else {
        None
    };
    let mut dirs: Vec<PathBuf> = Vec::new();
    for (tmp, path) in &temps {
        fs::rename(tmp, path).map_err(io_err(path, "cannot replace"))?;
        faults.renamed();
        let dir = parent_dir(path);
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
    for dir in dirs {
        sync_dir(&dir)?;
    }
    if let Some(j) = journal {
        journal::clear(&j)?;
    }
    Ok(temps.into_iter().map(|(_, p)| p.to_path_buf()).collect())
}

/// Refuses to replace `path` when it exists and has no write permission bit.
fn refuse_read_only(path: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::PermissionsExt;
    match fs::metadata(path) {
        Ok(meta) if meta.permissions().readonly() => Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
            mode: meta.permissions().mode() & 0o7777,
        }),
        _ => Ok(()),
    }
}
