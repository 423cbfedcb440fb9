//! The graph folder on disk: the writer's lock and atomic replacement of files.

use super::{io_err, StoreError};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Name of the lock file inside a graph folder.
pub const LOCK_FILE: &str = ".claimgraph.lock";

/// Suffix of temporary files; the loader skips them (their names start with a dot).
const TMP_SUFFIX: &str = ".cgtmp";

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

/// Writes `bytes` to a new temporary file beside `path` with `path`'s permissions, fsynced.
pub(super) fn write_temp(path: &Path, bytes: &[u8]) -> Result<PathBuf, StoreError> {
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
pub(super) fn sync_dir(dir: &Path) -> Result<(), StoreError> {
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
    use std::fs;

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
