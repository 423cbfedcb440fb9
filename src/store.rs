//! The graph folder on disk, for the editing commands: reading its files as [`GraphFile`]s
//! with their paths, the folder lock, atomic replacement of files, and [`edit`], the
//! read-modify-validate-write transaction every editing command runs in.
//!
//! Safety rules (FACTS.md measured why each matters):
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

use crate::export::json::to_canonical_string;
use crate::graph::ClaimGraph;
use crate::load::{self, LoadError, Source};
use crate::model::GraphFile;
use std::cell::OnceCell;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Name of the lock file inside a graph folder.
pub const LOCK_FILE: &str = ".claimgraph.lock";

/// Suffix of temporary files; the loader skips them (their names start with a dot).
const TMP_SUFFIX: &str = ".cgtmp";

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

fn io_err<'a>(path: &'a Path, what: &'static str) -> impl FnOnce(io::Error) -> StoreError + 'a {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        what,
        source,
    }
}

/// One graph file: where it lives, what it held when read, and what it holds now.
#[derive(Debug, Clone)]
pub struct StoredFile {
    pub path: PathBuf,
    /// The bytes read from disk; `None` for a file the edit creates.
    pub original: Option<Vec<u8>>,
    /// The records as read (empty for a new file).
    pub before: GraphFile,
    /// The records as edited.
    pub data: GraphFile,
}

impl StoredFile {
    /// The file name, for messages.
    pub fn name(&self) -> String {
        self.path.display().to_string()
    }

    /// The canonical bytes of the edited records (arrays sorted).
    pub fn canonical(&self) -> Vec<u8> {
        let mut data = self.data.clone();
        sort(&mut data);
        to_canonical_string(&data).into_bytes()
    }

    /// Whether the edit changed this file's records (or creates it).
    pub fn touched(&self) -> bool {
        self.original.is_none() || self.data != self.before
    }
}

/// Sorts the arrays of `file` into the canonical order (stable: duplicate edges keep their
/// relative order).
pub fn sort(file: &mut GraphFile) {
    file.documents.sort_by(|a, b| a.id.cmp(&b.id));
    file.entities.sort_by(|a, b| a.id.cmp(&b.id));
    file.claims.sort_by(|a, b| a.id.cmp(&b.id));
    file.edges
        .sort_by(|a, b| (&a.from, a.rel, &a.to).cmp(&(&b.from, b.rel, &b.to)));
}

/// The files of a graph, being edited.
#[derive(Debug, Clone)]
pub struct Files {
    /// The graph path as given: a folder, or one file.
    pub root: PathBuf,
    /// Whether the graph is one file (new records then always go to it).
    pub single: bool,
    /// The files in name order (the loader's order).
    pub files: Vec<StoredFile>,
    /// Rewrite every file whose bytes are not canonical, touched or not (`fmt`).
    pub rewrite_all: bool,
    /// The graph as read, built on first use (resolving a name or alias, a did-you-mean):
    /// most edits name exact ids and never pay for it.
    graph: OnceCell<Result<ClaimGraph, LoadError>>,
}

impl Files {
    /// Builds the editable files from sources already read, parsing each into records.
    /// `single` says whether `root` is a one-file graph. A file that does not parse is
    /// reported with the loader's located errors. The graph as a whole is validated when
    /// the edit is committed ([`commit`]).
    pub fn from_sources(
        root: PathBuf,
        single: bool,
        sources: Vec<Source>,
    ) -> Result<Files, LoadError> {
        let mut files = Vec::with_capacity(sources.len());
        for src in &sources {
            let data = match parse_valid(src) {
                Ok(data) => data,
                Err(e) => {
                    load::from_sources(&sources)?;
                    return Err(e);
                }
            };
            files.push(StoredFile {
                path: PathBuf::from(&src.name),
                original: None,
                before: data.clone(),
                data,
            });
        }
        for (f, src) in files.iter_mut().zip(sources) {
            f.original = Some(src.bytes);
        }
        Ok(Files {
            root,
            single,
            files,
            rewrite_all: false,
            graph: OnceCell::new(),
        })
    }

    /// The graph as read (validated, for resolving names and aliases); built on first use.
    pub fn graph(&self) -> Result<&ClaimGraph, LoadError> {
        self.graph
            .get_or_init(|| {
                let sources: Vec<Source> = self
                    .files
                    .iter()
                    .filter_map(|f| {
                        f.original.as_ref().map(|b| Source {
                            name: f.name(),
                            bytes: b.clone(),
                        })
                    })
                    .collect();
                load::from_sources(&sources)
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The index of the file at `path`, adding an empty new file there if there is none.
    pub fn file_index(&mut self, path: &Path) -> usize {
        if let Some(i) = self.files.iter().position(|f| f.path == path) {
            return i;
        }
        self.files.push(StoredFile {
            path: path.to_path_buf(),
            original: None,
            before: GraphFile::default(),
            data: GraphFile::default(),
        });
        self.files.sort_by(|a, b| a.path.cmp(&b.path));
        self.files
            .iter()
            .position(|f| f.path == path)
            .expect("just added")
    }

    /// The files an edit will write, by index, with their new bytes: touched (or, under
    /// `rewrite_all`, any) and whose canonical bytes differ from what is on disk.
    pub fn pending(&self) -> Vec<(usize, Vec<u8>)> {
        self.files
            .iter()
            .enumerate()
            .filter(|(_, f)| self.rewrite_all || f.touched())
            .map(|(i, f)| (i, f.canonical()))
            .filter(|(i, bytes)| self.files[*i].original.as_deref() != Some(bytes.as_slice()))
            .collect()
    }

    /// Every file as it would be on disk after writing `pending`, in name order.
    fn sources_after(&self, pending: Vec<(usize, Vec<u8>)>) -> Vec<Source> {
        let mut new: Vec<Option<Vec<u8>>> = vec![None; self.files.len()];
        for (i, bytes) in pending {
            new[i] = Some(bytes);
        }
        self.files
            .iter()
            .zip(new)
            .map(|(f, bytes)| Source {
                name: f.name(),
                bytes: bytes
                    .or_else(|| f.original.clone())
                    .unwrap_or_else(|| f.canonical()),
            })
            .collect()
    }

    /// Validates the edited graph from the bytes that would be on disk after the edit.
    pub fn validate(&self) -> Result<ClaimGraph, LoadError> {
        load::from_sources(&self.sources_after(self.pending()))
    }
}

/// Parses a file the loader has accepted into records.
fn parse_valid(src: &Source) -> Result<GraphFile, LoadError> {
    let text = String::from_utf8_lossy(&src.bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    serde_json::from_str(text).map_err(|e| LoadError {
        errors: vec![crate::diag::Diagnostic::error(
            &src.name,
            None,
            "syntax",
            e.to_string(),
        )],
        more: 0,
    })
}

/// The exclusive lock on a graph; released when dropped (or when the process dies).
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// The folder holding the graph's files and the lock file's path.
fn lock_path(graph: &Path) -> (PathBuf, PathBuf) {
    if graph.is_dir() {
        (graph.to_path_buf(), graph.join(LOCK_FILE))
    } else {
        let dir = parent_dir(graph);
        let name = graph.file_name().unwrap_or_default().to_string_lossy();
        let lock = dir.join(format!(".{name}.lock"));
        (dir, lock)
    }
}

/// The folder `path` is in (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Takes the graph's exclusive lock, waiting for another writer to finish, then sweeps the
/// temporary files that killed writers left behind.
pub fn lock(graph: &Path) -> Result<Lock, StoreError> {
    let (dir, path) = lock_path(graph);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io_err(&path, "cannot create the lock file"))?;
    file.lock().map_err(io_err(&path, "cannot lock"))?;
    sweep(&dir, graph)?;
    Ok(Lock { _file: file })
}

/// Removes temporary files of earlier, interrupted writes (called under the lock).
fn sweep(dir: &Path, graph: &Path) -> Result<(), StoreError> {
    let prefix = if graph.is_dir() {
        ".".to_string()
    } else {
        format!(
            ".{}.",
            graph.file_name().unwrap_or_default().to_string_lossy()
        )
    };
    let entries = fs::read_dir(dir).map_err(io_err(dir, "cannot list"))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&prefix) && name.ends_with(TMP_SUFFIX) {
            let p = entry.path();
            fs::remove_file(&p).map_err(io_err(&p, "cannot remove a stale temporary file"))?;
        }
    }
    Ok(())
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

/// Writes `bytes` to a new temporary file beside `path` with `path`'s permissions, fsynced.
fn write_temp(path: &Path, bytes: &[u8]) -> Result<PathBuf, StoreError> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let dir = parent_dir(path);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = dir.join(format!(
        ".{name}.{}-{}{TMP_SUFFIX}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let write = || -> io::Result<()> {
        let mut f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        if let Ok(meta) = fs::metadata(path) {
            f.set_permissions(meta.permissions())?;
        }
        f.write_all(bytes)?;
        f.sync_all()
    };
    write().map_err(|e| {
        let _ = fs::remove_file(&tmp);
        io_err(&tmp, "cannot write a temporary file")(e)
    })?;
    Ok(tmp)
}

/// Makes a rename in `dir` durable.
fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_err(dir, "cannot sync the folder"))
}

/// Writes one file atomically (temporary file, fsync, rename, fsync the folder).
pub fn replace(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let tmp = write_temp(path, bytes)?;
    fs::rename(&tmp, path).map_err(io_err(path, "cannot replace"))?;
    sync_dir(&parent_dir(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(texts: &[(&str, &str)]) -> Files {
        let sources = texts
            .iter()
            .map(|(n, t)| Source {
                name: n.to_string(),
                bytes: t.as_bytes().to_vec(),
            })
            .collect();
        Files::from_sources("g".into(), false, sources).expect("valid")
    }

    #[test]
    fn untouched_files_are_not_rewritten_even_when_not_canonical() {
        let f = files(&[(
            "g/a.json",
            r#"{"entities":[{"id":"x","name":"X","kind":"country"}]}"#,
        )]);
        assert!(f.pending().is_empty());
        let mut all = f.clone();
        all.rewrite_all = true;
        assert_eq!(all.pending().len(), 1);
    }

    #[test]
    fn validation_sees_the_edited_records() {
        let mut f = files(&[(
            "g/a.json",
            r#"{"entities":[{"id":"x","name":"X","kind":"country"}]}"#,
        )]);
        let dup = f.files[0].data.entities[0].clone();
        let i = f.file_index(Path::new("g/b.json"));
        f.files[i].data.entities.push(dup);
        let err = f.validate().unwrap_err().to_string();
        assert!(err.contains("duplicate id \"x\""), "{err}");
    }

    #[test]
    fn replace_keeps_the_mode_and_leaves_no_temporary_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        fs::write(&p, "{}\n").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        replace(&p, b"{ }\n").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"{ }\n");
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o640
        );
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn the_lock_sweeps_stale_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.json"), "{}\n").unwrap();
        fs::write(dir.path().join(".a.json.99-0.cgtmp"), "{").unwrap();
        let _l = lock(dir.path()).unwrap();
        assert!(!dir.path().join(".a.json.99-0.cgtmp").exists());
        assert!(dir.path().join("a.json").exists());
    }
}
