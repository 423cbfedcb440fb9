//! Which file contents are known to be in the canonical layout, so that a quick edit need
//! not prove it again by writing every record out: a small list, beside the snapshot in the
//! cache folder ([`crate::cache::DIR_NAME`], `graph.canonical` or `FILE.canonical`), of the
//! length and xxh3 hash of each graph file as the last quick edit left it — contents it had
//! checked or written itself, whole, under the lock.
//!
//! Trust rules: an entry vouches only for bytes of exactly that length and hash, so a file
//! changed in any other way is checked again; a missing, unreadable or garbled list vouches
//! for nothing; it is written to a temporary file and renamed into place, and a list that
//! cannot be written is skipped without a word (the next edit checks the files again).

use crate::cache::Snapshots;
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::{xxh3_64, Xxh3Default};

/// The list of contents known canonical for one graph.
#[derive(Debug, Clone)]
pub struct Known {
    path: PathBuf,
    entries: Vec<(u64, u64)>,
}

impl Known {
    /// The list for the graph at `graph` (empty when there is none or it cannot be read).
    pub fn of(graph: &Path) -> Known {
        let path = list_path(graph);
        let entries = std::fs::read_to_string(&path)
            .map(|text| parse(&text))
            .unwrap_or_default();
        Known { path, entries }
    }

    /// Whether `bytes` are contents the list vouches for.
    pub fn vouches(&self, bytes: &[u8]) -> bool {
        !self.entries.is_empty() && self.entries.contains(&(bytes.len() as u64, xxh3_64(bytes)))
    }

    /// Replaces the list with the contents of the graph's files, each given in pieces; a
    /// list that cannot be written is left as it was, or removed.
    pub fn record<'a>(&self, files: impl IntoIterator<Item = Vec<&'a [u8]>>) {
        let mut text = String::new();
        for pieces in files {
            let mut h = Xxh3Default::new();
            let mut len = 0u64;
            for p in pieces {
                h.update(p);
                len += p.len() as u64;
            }
            text.push_str(&format!("{len} {:016x}\n", h.digest()));
        }
        let written = self
            .path
            .parent()
            .is_some_and(|dir| crate::cache::make_folder(dir).is_ok())
            && super::create(&self.path, text.as_bytes()).is_ok();
        if !written {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// The entries of a list; nothing when a line is not `LENGTH HASH`.
fn parse(text: &str) -> Vec<(u64, u64)> {
    let entry = |line: &str| {
        let (len, hash) = line.split_once(' ')?;
        Some((len.parse().ok()?, u64::from_str_radix(hash, 16).ok()?))
    };
    text.lines()
        .map(entry)
        .collect::<Option<Vec<_>>>()
        .unwrap_or_default()
}

/// Where the list of the graph at `graph` lives: beside its snapshot.
fn list_path(graph: &Path) -> PathBuf {
    Snapshots::for_graph(graph)
        .file()
        .with_extension("canonical")
}

/// Removes the temporary files a writer killed while writing the list left behind (called
/// under the graph's lock; a cache folder that is not there has none).
pub(super) fn sweep(graph: &Path) {
    let path = list_path(graph);
    if let (Some(dir), Some(name)) = (path.parent(), path.file_name()) {
        let _ = super::disk::sweep_dir(dir, &format!(".{}.", name.to_string_lossy()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_vouches_for_exactly_the_contents_recorded() {
        let dir = tempfile::tempdir().unwrap();
        let g = dir.path().join("g.json");
        std::fs::write(&g, "{}\n").unwrap();
        assert!(!Known::of(&g).vouches(b"{}\n"), "no list yet");
        Known::of(&g).record([vec![&b"{\n"[..], &b"}\n"[..]]]);
        let known = Known::of(&g);
        assert!(
            known.vouches(b"{\n}\n"),
            "recorded in pieces, vouched whole"
        );
        assert!(!known.vouches(b"{\n]\n"), "same length, other bytes");
        assert!(!known.vouches(b"{}\n"));
        let list = Snapshots::for_graph(&g).file().with_extension("canonical");
        std::fs::write(&list, "4 x\n").unwrap();
        assert!(
            !Known::of(&g).vouches(b"{\n}\n"),
            "a garbled list vouches for nothing"
        );
    }

    #[test]
    fn the_lock_sweeps_a_half_written_list() {
        let dir = tempfile::tempdir().unwrap();
        let g = dir.path().join("g.json");
        std::fs::write(&g, "{}\n").unwrap();
        Known::of(&g).record([vec![&b"{}\n"[..]]]);
        let list = list_path(&g);
        let name = list.file_name().unwrap().to_string_lossy().into_owned();
        let stale = list.with_file_name(format!(".{name}.99-0.cgtmp"));
        std::fs::write(&stale, "4 ").unwrap();
        drop(crate::store::lock(&g).unwrap());
        assert!(!stale.exists(), "the half-written list is swept");
        assert!(Known::of(&g).vouches(b"{}\n"), "the list itself stays");
    }
}
