//! Warm loads: a snapshot of the loaded, validated [`ClaimGraph`], reused while the graph's
//! files are, byte for byte, the ones it was made from.
//!
//! The snapshot lives in a hidden folder beside the graph's files, [`DIR_NAME`] (inside a
//! graph folder, or beside a one-file graph), with a `.gitignore` of its own; graph folders
//! skip hidden entries, so `check` and `fmt` never read it as graph data.
//!
//! Trust rules: a snapshot is used only when its key — the name, length and 64-bit xxh3
//! hash of every source file, in order — equals the key of the bytes just read, so a
//! same-size edit with the old modification time restored still misses. The file carries a
//! magic number, a format version, the program version and a checksum over all of it: a
//! corrupt, truncated, foreign or half-written snapshot is ignored and rebuilt. Snapshots
//! are written to a temporary file and renamed into place, so that a concurrent reader sees
//! either the old snapshot or the new one; a location that cannot be written is skipped
//! without a word (the graph loads as if there were no cache).

mod codec;
mod snapshot;

pub use codec::Corrupt;

use crate::graph::ClaimGraph;
use crate::load::{self, LoadError, Source};
use codec::{Reader, Writer};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::xxh3_64;

/// The snapshot folder's name.
pub const DIR_NAME: &str = ".claimgraph-cache";

/// The first bytes of every snapshot.
const MAGIC: &[u8; 8] = b"CGSNAP\0\x01";

/// The layout of the snapshot; bumped whenever [`snapshot`] writes something else.
const FORMAT: u32 = 1;

/// Where the snapshot of one graph lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshots {
    dir: PathBuf,
    file: PathBuf,
}

/// What was found at the snapshot's place, compared with the graph's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// No snapshot.
    Missing,
    /// A snapshot of exactly these files, intact.
    Fresh,
    /// An intact snapshot of other bytes (files edited, added or removed since).
    Stale,
    /// Not a snapshot this program can trust (damaged, truncated or from another version),
    /// and why.
    Unusable(&'static str),
}

/// How a graph was obtained by [`Snapshots::load`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Served {
    /// Read back from the snapshot.
    Snapshot,
    /// Parsed and validated from the files (and the snapshot written, where possible).
    Files,
}

impl Snapshots {
    /// The snapshot place for the graph at `graph` (a folder or one file).
    pub fn for_graph(graph: &Path) -> Snapshots {
        if graph.is_dir() {
            let dir = graph.join(DIR_NAME);
            let file = dir.join("graph.snapshot");
            return Snapshots { dir, file };
        }
        let dir = crate::store::parent_dir(graph).join(DIR_NAME);
        let name = graph.file_name().unwrap_or_default().to_string_lossy();
        let file = dir.join(format!("{name}.snapshot"));
        Snapshots { dir, file }
    }

    /// The snapshot folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The snapshot file.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// The graph of `sources`: from the snapshot when it was made from exactly these
    /// bytes, else loaded from them (every error reported as [`load::from_sources`] does)
    /// and snapshotted for next time.
    pub fn load(&self, sources: &[Source]) -> Result<(ClaimGraph, Served), LoadError> {
        let key = key(sources);
        let t = crate::timing::phase("snapshot read");
        let warm = self.read(&key).ok();
        drop(t);
        if let Some(g) = warm {
            return Ok((g, Served::Snapshot));
        }
        let g = load::from_sources(sources)?;
        let t = crate::timing::phase("snapshot write");
        // A cache that cannot be written is no error: the next load parses again.
        let _ = self.write(&key, &g);
        drop(t);
        Ok((g, Served::Files))
    }

    /// Compares the snapshot with `sources`.
    pub fn state(&self, sources: &[Source]) -> State {
        match std::fs::read(&self.file) {
            Err(_) => State::Missing,
            Ok(bytes) => match open(&bytes, &key(sources)) {
                Ok(_) => State::Fresh,
                Err(Open::Stale) => State::Stale,
                Err(Open::Corrupt(c)) => State::Unusable(c.0),
            },
        }
    }

    /// The snapshot's size in bytes, when there is one.
    pub fn size(&self) -> Option<u64> {
        std::fs::metadata(&self.file).ok().map(|m| m.len())
    }

    /// Removes the snapshot folder; whether there was one.
    pub fn clear(&self) -> io::Result<bool> {
        match std::fs::remove_dir_all(&self.dir) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Reads the snapshot back when it was made from the bytes `key` describes.
    fn read(&self, key: &[u8]) -> Result<ClaimGraph, Open> {
        let bytes = std::fs::read(&self.file).map_err(|_| Open::Stale)?;
        let payload = open(&bytes, key)?;
        snapshot::decode(&mut Reader::new(payload)).map_err(Open::Corrupt)
    }

    /// Writes the snapshot of `g` made from the bytes `key` describes, atomically.
    fn write(&self, key: &[u8], g: &ClaimGraph) -> io::Result<()> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.u32(FORMAT);
        let invalid = |c: Corrupt| io::Error::new(io::ErrorKind::InvalidData, c.0);
        w.str(env!("CARGO_PKG_VERSION")).map_err(invalid)?;
        w.u64(key.len() as u64);
        w.buf.extend_from_slice(key);
        snapshot::encode(g, &mut w).map_err(invalid)?;
        let sum = xxh3_64(&w.buf);
        w.u64(sum);
        std::fs::create_dir_all(&self.dir)?;
        let ignore = self.dir.join(".gitignore");
        if !ignore.exists() {
            let _ = std::fs::write(&ignore, "*\n");
        }
        let tmp = self.dir.join(format!(
            ".{}.{}.tmp",
            self.file.file_name().unwrap_or_default().to_string_lossy(),
            std::process::id()
        ));
        let written = std::fs::File::create(&tmp)
            .and_then(|mut f| f.write_all(&w.buf))
            .and_then(|()| std::fs::rename(&tmp, &self.file));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written
    }
}

/// Why a snapshot was not used.
#[derive(Debug)]
enum Open {
    /// Intact, but made from other bytes (or absent).
    Stale,
    Corrupt(Corrupt),
}

/// The payload of the snapshot `bytes` when it is intact and its key is `key`.
fn open<'a>(bytes: &'a [u8], key: &[u8]) -> Result<&'a [u8], Open> {
    let corrupt = |c| Open::Corrupt(c);
    if bytes.len() < MAGIC.len() + 8 || &bytes[..MAGIC.len()] != MAGIC {
        return Err(corrupt(Corrupt("not a snapshot")));
    }
    let (body, sum) = bytes.split_at(bytes.len() - 8);
    let mut r = Reader::new(&body[MAGIC.len()..]);
    if r.u32().map_err(corrupt)? != FORMAT || r.str().map_err(corrupt)? != env!("CARGO_PKG_VERSION")
    {
        return Err(corrupt(Corrupt("another version's snapshot")));
    }
    let n = r.u64().map_err(corrupt)?;
    let stored = r
        .bytes(usize::try_from(n).unwrap_or(usize::MAX))
        .map_err(corrupt)?;
    if stored != key {
        return Err(Open::Stale);
    }
    let mut s = [0u8; 8];
    s.copy_from_slice(sum);
    if xxh3_64(body) != u64::from_le_bytes(s) {
        return Err(corrupt(Corrupt("checksum mismatch")));
    }
    Ok(r.rest())
}

/// What a snapshot must have been made from: every source's name, length and content hash.
pub fn key(sources: &[Source]) -> Vec<u8> {
    let t = crate::timing::phase("hash");
    let mut w = Writer::default();
    w.u64(sources.len() as u64);
    for s in sources {
        w.u64(s.name.len() as u64);
        w.buf.extend_from_slice(s.name.as_bytes());
        w.u64(s.bytes.len() as u64);
        w.u64(xxh3_64(&s.bytes));
    }
    drop(t);
    w.buf
}

#[cfg(test)]
mod tests;
