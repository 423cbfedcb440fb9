//! The journal that makes an edit of several files all-or-nothing.
//!
//! Renaming several files cannot be atomic: a writer killed between two renames would leave
//! some files new and others old (a half-merged graph that may even load without error).
//! So before the first rename the writer records its intent: the journal
//! (`.claimgraph.journal` in the folder) lists each temporary file, already written in full
//! and fsynced, with the file it replaces. The journal itself is written to a temporary file,
//! fsynced and renamed into place, so it is there whole or not at all. Then the files are
//! renamed one by one and the journal is removed.
//!
//! Whoever next takes the graph's lock ([`super::lock`]; readers take it too when they find a
//! journal) rolls a journal left behind forward: every temporary file still there is renamed
//! over its target (those already renamed are gone), then the journal is removed. Before the
//! journal exists, the old files are untouched and the temporary files are swept as usual.
//! A reader that cannot write sees the graph as the journal says it will be.

use super::disk::{parent_dir, sidecar, sync_dir, write_temp};
use super::{io_err, StoreError};
use crate::load::Source;
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::{Path, PathBuf};

/// Name of the journal inside a graph folder.
pub const JOURNAL_FILE: &str = ".claimgraph.journal";

/// What the journal holds: the renames still to do, as file names in the graph's folder.
#[derive(Debug, Serialize, Deserialize)]
struct Intent {
    /// `[temporary file, file it replaces]` pairs.
    renames: Vec<(String, String)>,
}

/// The journal's path for the graph at `graph`.
pub fn journal_path(graph: &Path) -> PathBuf {
    sidecar(graph, JOURNAL_FILE, "journal").1
}

/// A file name alone (no folder part), as the journal records it.
fn bare_name(p: &Path) -> String {
    p.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// Records the renames `(temporary file, target)` about to be made, durably: once this
/// returns, the edit will be completed even if the writer dies.
pub(super) fn write(
    graph: &Path,
    renames: &[(PathBuf, &Path)],
    faults: &mut Faults,
) -> Result<PathBuf, StoreError> {
    let path = journal_path(graph);
    let intent = Intent {
        renames: renames
            .iter()
            .map(|(tmp, target)| (bare_name(tmp), bare_name(target)))
            .collect(),
    };
    let bytes = serde_json::to_vec(&intent).expect("the intent serializes");
    let tmp = write_temp(&path, &bytes)?;
    fs::rename(&tmp, &path).map_err(io_err(&path, "cannot write the journal"))?;
    sync_dir(&parent_dir(&path))?;
    faults.renamed();
    Ok(path)
}

/// Removes the journal once every rename is done and durable.
pub(super) fn clear(path: &Path) -> Result<(), StoreError> {
    fs::remove_file(path).map_err(io_err(path, "cannot remove the journal"))?;
    sync_dir(&parent_dir(path))
}

/// The journal left by an interrupted edit, if any (its renames, as full paths).
fn pending(graph: &Path) -> Result<Option<Vec<(PathBuf, PathBuf)>>, StoreError> {
    let path = journal_path(graph);
    let bytes = match crate::load::read_regular(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_err(&path, "cannot read the journal")(e)),
    };
    let intent: Intent = serde_json::from_slice(&bytes).map_err(|e| {
        io_err(
            &path,
            "the journal is damaged (remove it to keep the files as they are)",
        )(std::io::Error::other(e))
    })?;
    let dir = parent_dir(&path);
    let plain = |n: &str| !n.is_empty() && !n.contains('/') && n != "." && n != "..";
    let mut renames = Vec::with_capacity(intent.renames.len());
    for (tmp, target) in intent.renames {
        if !plain(&tmp) || !plain(&target) {
            return Err(io_err(&path, "the journal names a file outside the graph")(
                std::io::Error::other(format!("{tmp:?} -> {target:?}")),
            ));
        }
        renames.push((dir.join(tmp), dir.join(target)));
    }
    Ok(Some(renames))
}

/// Whether an interrupted edit left a journal.
pub fn exists(graph: &Path) -> bool {
    journal_path(graph).exists()
}

/// Completes an edit that a killed writer left half done (the caller holds the lock).
pub(super) fn recover(graph: &Path) -> Result<(), StoreError> {
    let Some(renames) = pending(graph)? else {
        return Ok(());
    };
    for (tmp, target) in &renames {
        if tmp.exists() {
            fs::rename(tmp, target).map_err(io_err(target, "cannot finish an interrupted edit"))?;
        }
    }
    let path = journal_path(graph);
    sync_dir(&parent_dir(&path))?;
    clear(&path)
}

/// The graph's files as read, changed to what the journal says they will be: for a reader
/// that finds a journal and cannot finish the edit itself.
pub(super) fn view(graph: &Path, sources: &mut Vec<Source>) -> Result<(), StoreError> {
    let Some(renames) = pending(graph)? else {
        return Ok(());
    };
    for (tmp, target) in renames {
        let Ok(bytes) = crate::load::read_regular(&tmp) else {
            continue; // renamed already: the target is new
        };
        let name = target.display().to_string();
        match sources.iter_mut().find(|s| Path::new(&s.name) == target) {
            Some(s) => s.bytes = bytes,
            None => sources.push(Source { name, bytes }),
        }
    }
    sources.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(())
}

/// The debug builds' fault hook: with `CLAIMGRAPH_FAULT_AFTER_RENAMES=N` in the environment
/// the process aborts right after its N-th rename of an edit (0: before the first), so that
/// tests can stop a writer at every point of a multi-file edit. Release builds have none.
#[derive(Debug, Default)]
pub(super) struct Faults {
    #[cfg(debug_assertions)]
    after: Option<u32>,
    #[cfg(debug_assertions)]
    done: u32,
}

impl Faults {
    /// Reads the hook's setting.
    pub fn from_env() -> Faults {
        #[cfg(debug_assertions)]
        {
            let after = std::env::var("CLAIMGRAPH_FAULT_AFTER_RENAMES")
                .ok()
                .and_then(|v| v.parse().ok());
            Faults { after, done: 0 }
        }
        #[cfg(not(debug_assertions))]
        Faults::default()
    }

    /// Marks the point before the first rename (every temporary file is written).
    pub fn start(&self) {
        #[cfg(debug_assertions)]
        self.check();
    }

    /// Counts a rename, and aborts when the hook says so.
    pub fn renamed(&mut self) {
        #[cfg(debug_assertions)]
        {
            self.done += 1;
            self.check();
        }
    }

    #[cfg(debug_assertions)]
    fn check(&self) {
        if self.after == Some(self.done) {
            std::process::abort();
        }
    }
}
