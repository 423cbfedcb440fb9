//! The graph folder on disk: the writer's lock and atomic replacement of files.

use super::{io_err, StoreError};
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc;
use std::time::Duration;

/// Name of the lock file inside a graph folder.
pub const LOCK_FILE: &str = ".claimgraph.lock";

/// Suffix of temporary files; the loader skips them (their names start with a dot).
pub(super) const TMP_SUFFIX: &str = ".cgtmp";

/// How long a command waits for the lock before it says so.
const PATIENCE: Duration = Duration::from_secs(1);

/// A lock on a graph, exclusive (a writer) or shared (a reader); released when dropped (or
/// when the process dies).
#[derive(Debug)]
pub struct Lock {
    file: File,
    exclusive: bool,
}

impl Drop for Lock {
    fn drop(&mut self) {
        if self.exclusive {
            // Nobody holds it any more: forget the holder's name before unlocking.
            let _ = self.file.set_len(0);
        }
    }
}

/// Who holds a graph's lock, as the holding writer wrote it into the lock file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    /// Its command line (as given, possibly cut).
    pub command: String,
}

/// What a command waiting for the lock is told after a second.
#[derive(Debug, Clone)]
pub struct Waiting {
    /// The lock file.
    pub path: PathBuf,
    /// The writer holding the lock, when it is known and still running (readers do not
    /// sign the lock).
    pub holder: Option<Holder>,
}

/// Called once when a command has waited a second for the lock.
pub type OnWait<'a> = &'a (dyn Fn(&Waiting) + Sync);

/// Not told anything while waiting.
pub fn quietly(_: &Waiting) {}

/// The folder holding the graph's files and the lock file's path.
pub(super) fn lock_path(graph: &Path) -> (PathBuf, PathBuf) {
    sidecar(graph, LOCK_FILE, "lock")
}

/// The folder of the graph and the path of a hidden file beside its data: `folder/NAME` for
/// a folder graph, `.FILE.SUFFIX` beside a one-file graph.
pub(super) fn sidecar(graph: &Path, in_folder: &str, suffix: &str) -> (PathBuf, PathBuf) {
    if graph.is_dir() {
        (graph.to_path_buf(), graph.join(in_folder))
    } else {
        let dir = parent_dir(graph);
        let name = graph.file_name().unwrap_or_default().to_string_lossy();
        let path = dir.join(format!(".{name}.{suffix}"));
        (dir, path)
    }
}

/// The folder `path` is in (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Takes the graph's exclusive lock, calling `on_wait` once if it is not free within a
/// second (the store's `lock_waiting` then also rolls a journal forward and sweeps).
pub(super) fn lock_exclusive(graph: &Path, on_wait: OnWait<'_>) -> Result<Lock, StoreError> {
    let (_, path) = lock_path(graph);
    let mut file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .map_err(io_err(&path, "cannot create the lock file"))?;
    acquire(&file, true, &path, on_wait).map_err(io_err(&path, "cannot lock"))?;
    sign(&mut file);
    let lock = Lock {
        file,
        exclusive: true,
    };
    Ok(lock)
}

/// Takes the graph's lock shared (readers), when its lock file exists; `None` when it does
/// not (no writer has ever run there, or it cannot be opened).
pub(super) fn lock_shared(graph: &Path, on_wait: OnWait<'_>) -> Result<Option<Lock>, StoreError> {
    let (_, path) = lock_path(graph);
    let Ok(file) = File::open(&path) else {
        return Ok(None);
    };
    acquire(&file, false, &path, on_wait).map_err(io_err(&path, "cannot lock"))?;
    Ok(Some(Lock {
        file,
        exclusive: false,
    }))
}

/// Whether the graph has a lock file (some writer has run there).
pub(super) fn has_lock_file(graph: &Path) -> bool {
    lock_path(graph).1.exists()
}

/// Locks `file`, calling `on_wait` if that takes longer than [`PATIENCE`].
fn acquire(file: &File, exclusive: bool, path: &Path, on_wait: OnWait<'_>) -> io::Result<()> {
    let tried = if exclusive {
        file.try_lock()
    } else {
        file.try_lock_shared()
    };
    match tried {
        Ok(()) => return Ok(()),
        Err(TryLockError::WouldBlock) => {}
        Err(TryLockError::Error(e)) => return Err(e),
    }
    std::thread::scope(|scope| {
        let (done, wait) = mpsc::channel::<()>();
        scope.spawn(move || {
            if let Err(mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(PATIENCE) {
                on_wait(&Waiting {
                    path: path.to_path_buf(),
                    holder: holder(path),
                });
            }
        });
        let locked = if exclusive {
            file.lock()
        } else {
            file.lock_shared()
        };
        drop(done);
        locked
    })
}

/// Writes this process's id and command line into the lock file it holds, for whoever waits.
fn sign(file: &mut File) {
    let command: Vec<String> = std::env::args().collect();
    let mut command = command.join(" ");
    if command.len() > 300 {
        let cut = (0..=300)
            .rev()
            .find(|&i| command.is_char_boundary(i))
            .unwrap_or(0);
        command.truncate(cut);
        command.push('…');
    }
    let text = format!("{} {command}\n", std::process::id());
    let _ = file
        .set_len(0)
        .and_then(|()| file.seek(io::SeekFrom::Start(0)))
        .and_then(|_| file.write_all(text.as_bytes()));
}

/// The writer named in the lock file at `path`, if it is still running.
fn holder(path: &Path) -> Option<Holder> {
    let bytes = crate::load::read_regular(path).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let (pid, command) = text.trim_end().split_once(' ')?;
    let pid: u32 = pid.parse().ok()?;
    let alive = Path::new("/proc").join(pid.to_string()).exists() || !Path::new("/proc").exists();
    alive.then(|| Holder {
        pid,
        command: command.to_string(),
    })
}

/// Removes temporary files of earlier, interrupted writes (called under the lock).
pub(super) fn sweep(graph: &Path) -> Result<(), StoreError> {
    let (dir, _) = lock_path(graph);
    let prefix = if graph.is_dir() {
        ".".to_string()
    } else {
        format!(
            ".{}.",
            graph.file_name().unwrap_or_default().to_string_lossy()
        )
    };
    sweep_dir(&dir, &prefix)
}

/// Removes the temporary files in `dir` whose names start with `prefix` (called under the
/// lock).
pub(super) fn sweep_dir(dir: &Path, prefix: &str) -> Result<(), StoreError> {
    let entries = fs::read_dir(dir).map_err(io_err(dir, "cannot list"))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(prefix) && name.ends_with(TMP_SUFFIX) {
            let p = entry.path();
            fs::remove_file(&p).map_err(io_err(&p, "cannot remove a stale temporary file"))?;
        }
    }
    Ok(())
}

/// Writes `bytes` to a new temporary file beside `path` with `path`'s permissions, fsynced.
pub(super) fn write_temp(path: &Path, bytes: &[u8]) -> Result<PathBuf, StoreError> {
    write_temp_as(path, &[bytes], true)
}

/// [`write_temp`] of the concatenation of `parts`.
pub(super) fn write_temp_parts(path: &Path, parts: &[&[u8]]) -> Result<PathBuf, StoreError> {
    write_temp_as(path, parts, true)
}

/// Writes `bytes` to a new temporary file beside `path` (created new: nothing already there
/// is followed or opened), fsynced; with `path`'s permissions when `keep_mode`.
fn write_temp_as(path: &Path, parts: &[&[u8]], keep_mode: bool) -> Result<PathBuf, StoreError> {
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
        if keep_mode {
            if let Ok(meta) = fs::metadata(path) {
                f.set_permissions(meta.permissions())?;
            }
        }
        for part in parts {
            f.write_all(part)?;
        }
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

/// Writes a new version of the file at `path` for the user (an export, a manual page),
/// never through what is already there: the bytes go to a new temporary file beside it,
/// which is renamed over the name, so that a symbolic link planted at `path` is replaced,
/// not followed. The folder must exist.
pub fn create(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let tmp = write_temp_as(path, &[bytes], false)?;
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        io_err(path, "cannot write")(e)
    })
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
        let _l = crate::store::lock(dir.path()).unwrap();
        assert!(!dir.path().join(".a.json.99-0.cgtmp").exists());
        assert!(dir.path().join("a.json").exists());
    }
}
