//! Warm loads: a snapshot of the loaded, validated [`ClaimGraph`], reused while the graph's
//! files are, byte for byte, the ones it was made from.
//!
//! The snapshot lives in a hidden folder beside the graph's files, [`DIR_NAME`] (inside a
//! graph folder, or beside a one-file graph), with a `.gitignore` of its own; graph folders
//! skip hidden entries, so `check` and `fmt` never read it as graph data.
//!
//! A snapshot is a header and four sections, each read on its own (seek and read, no
//! memory map): the graph's records, documents and edges; its support ([`Support`], so that
//! a warm query does not compute it again); the names shell completion offers (ids with a
//! short help, tags, topics), which completion reads without touching the rest; and the
//! claims sorted by id with the entities' tags ([`WarmClaims`]), from which, with the
//! support, a claim query that reads nothing else is answered without decoding the graph.
//!
//! Trust rules: a snapshot is used only when its key — the file name, length and 64-bit xxh3
//! hash of every source file, in order — equals the key of the bytes just read, so a
//! same-size edit with the old modification time restored still misses. The header carries
//! a magic number, a format version, the program version, the key, where each section lies
//! and its checksum, and a checksum of its own: a corrupt, truncated, foreign or
//! half-written snapshot is ignored and rebuilt. Snapshots
//! are written to a temporary file and renamed into place, so that a concurrent reader sees
//! either the old snapshot or the new one; a location that cannot be written is skipped
//! without a word (the graph loads as if there were no cache).
//!
//! An edit that adds a record without edges (`add entity|claim|doc`) brings the snapshot up
//! to date instead of leaving it stale: a small patch beside it names the snapshot and the
//! files after the edit and lists the records added (see `patch.rs`). The sections a claim
//! query or completion reads are answered with the patch applied; a load of the whole graph
//! does not apply it, and writes a new snapshot instead.

mod claims;
mod codec;
mod names;
mod patch;
mod snapshot;

pub use claims::WarmClaims;
pub use codec::Corrupt;
pub use names::{Name, NameKind, Names, HELP_COLUMNS};
pub use patch::Added;

use crate::graph::ClaimGraph;
use crate::load::{self, LoadError, Source};
use crate::support::Support;
use codec::{Reader, Writer};
use patch::Patch;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

/// The snapshot folder's name.
pub const DIR_NAME: &str = ".claimgraph-cache";

/// The first bytes of every snapshot.
const MAGIC: &[u8; 8] = b"CGSNAP\0\x01";

/// The layout of the snapshot; bumped whenever [`snapshot`] writes something else.
const FORMAT: u32 = 2;

/// The sections of a snapshot, in file order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Graph = 0,
    Support = 1,
    Names = 2,
    Claims = 3,
}

const SECTIONS: usize = 4;

impl Section {
    const ALL: [Section; SECTIONS] = [
        Section::Graph,
        Section::Support,
        Section::Names,
        Section::Claims,
    ];
}

/// Where one section lies in the file, and the xxh3 of its bytes.
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    offset: u64,
    len: u64,
    sum: u64,
}

/// What the header says: the key the snapshot was made from, and where its sections are;
/// and the header's own checksum, which names this snapshot (a patch names the snapshot it
/// applies to by it).
#[derive(Debug)]
struct Header {
    key: Vec<u8>,
    spans: [Span; SECTIONS],
    sum: u64,
}

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
    /// An intact snapshot of these files as they were before edits that added this many
    /// records, with the patch that brings it up to date (used by the commands that read
    /// only the claims and support, and by completion; the others rebuild it).
    Patched(usize),
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

    /// The patch file beside the snapshot (see [`patch`]).
    fn patch_file(&self) -> PathBuf {
        let mut name = self.file.file_name().unwrap_or_default().to_os_string();
        name.push(".patch");
        self.file.with_file_name(name)
    }

    /// The records a patch adds to the snapshot whose header is `header`, for the files
    /// whose key is `key`; `None` when the patch is missing, damaged or made for another
    /// snapshot or other files.
    fn patched(&self, header: &Header, key: &[u8]) -> Option<Vec<Added>> {
        let p = Patch::read(&self.patch_file())?;
        (p.base == header.sum && p.key == key).then_some(p.added)
    }

    /// What brings the snapshot up to date after an edit that inserts `inserted` at byte
    /// `at` of file `file` of `old` (the files as the edit read them, under its lock) and
    /// so adds the record `added`, which has no edges and no record refers to: when the
    /// snapshot, with the patch so far, matched `old`, the patch file and its new bytes —
    /// the records so far and `added`, for the files as the edit leaves them. `None` when
    /// the snapshot did not match (it stays stale: the next load rebuilds it). A patch
    /// written for files that never come to be is never applied.
    pub fn patch_after_insert(
        &self,
        old: &[Source],
        (file, at, inserted): (usize, usize, &[u8]),
        added: Added,
    ) -> Option<(PathBuf, Vec<u8>)> {
        let src = old.get(file).filter(|s| at <= s.bytes.len())?;
        let mut f = File::open(&self.file).ok()?;
        let header = read_header(&mut f).ok()?;
        // The files as read and the edited file as it will be, hashed side by side.
        let (mut sizes, edited) = std::thread::scope(|scope| {
            let edited = scope.spawn(|| {
                let mut hash = Xxh3::new();
                for part in [&src.bytes[..at], inserted, &src.bytes[at..]] {
                    hash.update(part);
                }
                hash.digest()
            });
            (sizes(old), edited.join())
        });
        let old_key = key_of(old, &sizes);
        let mut list = match header.key == old_key {
            true => Vec::new(),
            false => self.patched(&header, &old_key)?,
        };
        list.push(added);
        sizes[file] = ((src.bytes.len() + inserted.len()) as u64, edited.ok()?);
        let patch = Patch {
            base: header.sum,
            key: key_of(old, &sizes),
            added: list,
        };
        Some((self.patch_file(), patch.to_bytes().ok()?))
    }

    /// The graph of `sources`: from the snapshot when it was made from exactly these
    /// bytes, else loaded from them (every error reported as [`load::from_sources`] does)
    /// and snapshotted for next time.
    pub fn load(&self, sources: &[Source]) -> Result<(ClaimGraph, Served), LoadError> {
        self.load_with_support(sources)
            .map(|(g, _, served)| (g, served))
    }

    /// [`Snapshots::load`], with the graph's support: read back from the snapshot with the
    /// graph, or computed (and snapshotted) when the graph is loaded from the files.
    pub fn load_with_support(
        &self,
        sources: &[Source],
    ) -> Result<(ClaimGraph, Support, Served), LoadError> {
        let key = key(sources);
        let t = crate::timing::phase("snapshot read");
        let warm = self.read(&key).ok();
        drop(t);
        if let Some((g, s)) = warm {
            return Ok((g, s, Served::Snapshot));
        }
        let g = load::from_sources(sources)?;
        let t = crate::timing::phase("support");
        let s = Support::new(&g);
        drop(t);
        let t = crate::timing::phase("snapshot write");
        // A cache that cannot be written is no error: the next load parses again.
        let _ = self.write(&key, &g, &s);
        drop(t);
        Ok((g, s, Served::Files))
    }

    /// The graph at `graph` and its support, read back from the snapshot when it was made
    /// from the files as they are now (hashed a chunk at a time, never read whole); `None`
    /// otherwise. The caller sees to it that no edit is under way (see
    /// [`crate::store::look_consistent`]).
    pub fn load_fresh(&self, graph: &Path) -> Option<(ClaimGraph, Support)> {
        let t = crate::timing::phase("hash");
        let key = key_of_files(graph).ok()?;
        drop(t);
        let _t = crate::timing::phase("snapshot read");
        self.read(&key).ok()
    }

    /// The names shell completion offers for the graph at `graph`, read from the snapshot
    /// alone (the graph's files are hashed, not parsed), with only the ids that start with
    /// `prefix` (all with ""); `None` when there is no intact snapshot of the files as they
    /// are now.
    pub fn names(&self, graph: &Path, prefix: &str) -> Option<Names> {
        let (mut names, added) = self.read_if_fresh(graph, |f, header| {
            let bytes = read_section(f, header, Section::Names).ok()?;
            names::decode(&mut Reader::new(&bytes), prefix).ok()
        })?;
        names.add(&added, prefix);
        Some(names)
    }

    /// The claims, tags and support of the graph at `graph`, read from the snapshot alone
    /// (the graph's files are hashed, not parsed), for a query that reads nothing else;
    /// `None` when there is no intact snapshot of the files as they are now. The caller
    /// sees to it that no edit is under way (see [`crate::store::look_consistent`]).
    pub fn warm_claims(&self, graph: &Path) -> Option<WarmClaims> {
        let (mut claims, added) = self.read_if_fresh(graph, |f, header| {
            let support = read_section(f, header, Section::Support).ok()?;
            let claims = read_section(f, header, Section::Claims).ok()?;
            claims::decode(&mut Reader::new(&claims), |nodes| {
                snapshot::decode_support(&mut Reader::new(&support), nodes)
            })
            .ok()
        })?;
        claims.add(&added);
        Some(claims)
    }

    /// What `read` makes of the snapshot's sections, when the snapshot was made from the
    /// files at `graph` as they are now, or from the files before edits its patch records
    /// (with the records they added, for the caller to add); `None` otherwise. The files
    /// are hashed on a second thread while `read` runs, so that checking them costs no time
    /// of its own; what `read` made is dropped unread when they do not match.
    fn read_if_fresh<T>(
        &self,
        graph: &Path,
        read: impl FnOnce(&mut File, &Header) -> Option<T>,
    ) -> Option<(T, Vec<Added>)> {
        let mut f = File::open(&self.file).ok()?;
        let header = read_header(&mut f).ok()?;
        std::thread::scope(|scope| {
            let hashing = scope.spawn(|| {
                let _t = crate::timing::phase("hash");
                key_of_files(graph).ok()
            });
            let t = crate::timing::phase("snapshot read");
            let made = read(&mut f, &header);
            drop(t);
            let key = hashing.join().ok().flatten()?;
            let added = match key == header.key {
                true => Vec::new(),
                false => self.patched(&header, &key)?,
            };
            Some((made?, added))
        })
    }

    /// Compares the snapshot with `sources`.
    pub fn state(&self, sources: &[Source]) -> State {
        let Ok(mut f) = File::open(&self.file) else {
            return State::Missing;
        };
        let checked = read_header(&mut f).and_then(|header| {
            for section in Section::ALL {
                read_section(&mut f, &header, section)?;
            }
            Ok(header)
        });
        let key = key(sources);
        match checked {
            Ok(header) if header.key == key => State::Fresh,
            Ok(header) => match self.patched(&header, &key) {
                Some(added) => State::Patched(added.len()),
                None => State::Stale,
            },
            Err(Open::Stale) => State::Missing,
            Err(Open::Corrupt(c)) => State::Unusable(c.0),
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

    /// Reads the graph and its support back when the snapshot was made from the bytes `key`
    /// describes: the header first, the sections only when the key matches.
    fn read(&self, key: &[u8]) -> Result<(ClaimGraph, Support), Open> {
        let mut f = File::open(&self.file).map_err(|_| Open::Stale)?;
        let header = read_header(&mut f)?;
        if header.key != key {
            return Err(Open::Stale);
        }
        let t = crate::timing::phase("read graph section");
        let bytes = read_section(&mut f, &header, Section::Graph)?;
        drop(t);
        let g = snapshot::decode(&mut Reader::new(&bytes)).map_err(Open::Corrupt)?;
        drop(bytes);
        let _t = crate::timing::phase("read support");
        let bytes = read_section(&mut f, &header, Section::Support)?;
        let s = snapshot::decode_support(&mut Reader::new(&bytes), g.node_bound())
            .map_err(Open::Corrupt)?;
        Ok((g, s))
    }

    /// Writes the snapshot of `g` and its support `s`, made from the bytes `key` describes,
    /// atomically.
    fn write(&self, key: &[u8], g: &ClaimGraph, s: &Support) -> io::Result<()> {
        make_folder(&self.dir)?;
        let tmp = self.dir.join(format!(
            ".{}.{}.tmp",
            self.file.file_name().unwrap_or_default().to_string_lossy(),
            std::process::id()
        ));
        let written = File::create(&tmp)
            .and_then(|f| write_snapshot(f, key, g, s))
            .and_then(|()| std::fs::rename(&tmp, &self.file));
        match written {
            // No patch names the new snapshot: any left is of no more use.
            Ok(()) => {
                let _ = std::fs::remove_file(self.patch_file());
            }
            Err(_) => {
                let _ = std::fs::remove_file(&tmp);
            }
        }
        written
    }
}

/// Makes the cache folder `dir` if it is missing, with a `.gitignore` that ignores the
/// folder's contents (the snapshot and its patch live there).
pub fn make_folder(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        let _ = std::fs::write(&ignore, "*\n");
    }
    Ok(())
}

/// Writes the snapshot of `g` and `s` to `f`: the header's place first, then each section
/// as soon as it is encoded (so that only one is held in memory at a time), then the header
/// with their places and checksums.
fn write_snapshot(mut f: File, key: &[u8], g: &ClaimGraph, s: &Support) -> io::Result<()> {
    let invalid = |c: Corrupt| io::Error::new(io::ErrorKind::InvalidData, c.0);
    let head_len = header_bytes(key, &[Span::default(); SECTIONS])
        .map_err(invalid)?
        .len();
    f.write_all(&vec![0u8; head_len])?;
    let mut spans = [Span::default(); SECTIONS];
    let mut offset = head_len as u64;
    for section in Section::ALL {
        let mut w = Writer::default();
        match section {
            Section::Graph => snapshot::encode(g, &mut w),
            Section::Support => snapshot::encode_support(s, &mut w),
            Section::Names => names::encode(&Names::of(g), &mut w),
            Section::Claims => claims::encode(g, &mut w),
        }
        .map_err(invalid)?;
        f.write_all(&w.buf)?;
        let len = w.buf.len() as u64;
        spans[section as usize] = Span {
            offset,
            len,
            sum: xxh3_64(&w.buf),
        };
        offset += len;
    }
    f.seek(SeekFrom::Start(0))?;
    f.write_all(&header_bytes(key, &spans).map_err(invalid)?)?;
    f.flush()
}

/// Why a snapshot was not used.
#[derive(Debug)]
enum Open {
    /// Intact, but made from other bytes (or absent).
    Stale,
    Corrupt(Corrupt),
}

impl From<Corrupt> for Open {
    fn from(c: Corrupt) -> Open {
        Open::Corrupt(c)
    }
}

/// The fixed part before the header: the magic number, the format and the header's length.
const PREFIX: usize = MAGIC.len() + 4 + 4;

/// The header of a snapshot whose sections lie at `spans`, made from the bytes `key`
/// describes: magic, format, header length, then the program version, the key and each
/// section's place and checksum, then the xxh3 of all of that. Its length does not depend
/// on the spans.
fn header_bytes(key: &[u8], spans: &[Span; SECTIONS]) -> Result<Vec<u8>, Corrupt> {
    let mut h = Writer::default();
    h.str(env!("CARGO_PKG_VERSION"))?;
    h.u64(key.len() as u64);
    h.buf.extend_from_slice(key);
    for span in spans {
        h.u64(span.offset);
        h.u64(span.len);
        h.u64(span.sum);
    }
    let mut w = Writer::default();
    w.buf.extend_from_slice(MAGIC);
    w.u32(FORMAT);
    w.len(h.buf.len())?;
    w.buf.extend_from_slice(&h.buf);
    let sum = xxh3_64(&w.buf);
    w.u64(sum);
    Ok(w.buf)
}

/// Reads and checks the header of the snapshot open as `f`.
fn read_header(f: &mut File) -> Result<Header, Open> {
    let corrupt = |why| Open::Corrupt(Corrupt(why));
    let mut prefix = [0u8; PREFIX];
    f.read_exact(&mut prefix)
        .map_err(|_| corrupt("not a snapshot"))?;
    if &prefix[..MAGIC.len()] != MAGIC {
        return Err(corrupt("not a snapshot"));
    }
    let mut r = Reader::new(&prefix[MAGIC.len()..]);
    if r.u32()? != FORMAT {
        return Err(corrupt("another version's snapshot"));
    }
    let len = r.u32()? as u64;
    let file_len = f.metadata().map(|m| m.len()).unwrap_or(0);
    if PREFIX as u64 + len + 8 > file_len {
        return Err(corrupt("the snapshot ends early"));
    }
    let mut all = prefix.to_vec();
    all.resize(PREFIX + len as usize + 8, 0);
    f.read_exact(&mut all[PREFIX..])
        .map_err(|_| corrupt("the snapshot ends early"))?;
    let (body, sum) = all.split_at(PREFIX + len as usize);
    let sum = u64::from_le_bytes(sum.try_into().unwrap_or_default());
    if xxh3_64(body) != sum {
        return Err(corrupt("checksum mismatch"));
    }
    let mut r = Reader::new(&body[PREFIX..]);
    if r.str()? != env!("CARGO_PKG_VERSION") {
        return Err(corrupt("another version's snapshot"));
    }
    let n = r.u64()?;
    let key = r.bytes(usize::try_from(n).unwrap_or(usize::MAX))?.to_vec();
    let mut spans = [Span::default(); SECTIONS];
    for span in &mut spans {
        *span = Span {
            offset: r.u64()?,
            len: r.u64()?,
            sum: r.u64()?,
        };
        if span
            .offset
            .checked_add(span.len)
            .is_none_or(|end| end > file_len)
        {
            return Err(corrupt("the snapshot ends early"));
        }
    }
    Ok(Header { key, spans, sum })
}

/// Reads one section of the snapshot open as `f` and checks it against its checksum.
fn read_section(f: &mut File, header: &Header, section: Section) -> Result<Vec<u8>, Open> {
    let corrupt = |why| Open::Corrupt(Corrupt(why));
    let span = header.spans[section as usize];
    f.seek(SeekFrom::Start(span.offset))
        .map_err(|_| corrupt("the snapshot ends early"))?;
    let mut bytes = vec![0u8; span.len as usize];
    f.read_exact(&mut bytes)
        .map_err(|_| corrupt("the snapshot ends early"))?;
    if xxh3_64(&bytes) != span.sum {
        return Err(corrupt("checksum mismatch"));
    }
    Ok(bytes)
}

/// Appends one source's part of the key: its file name, length and content hash. Only the
/// file name counts: the same graph named as `graph`, `./graph` or by its absolute path is
/// the same graph.
fn key_entry(w: &mut Writer, path: &str, len: u64, hash: u64) {
    let name = Path::new(path)
        .file_name()
        .map_or(path.into(), |n| n.to_string_lossy());
    w.u64(name.len() as u64);
    w.buf.extend_from_slice(name.as_bytes());
    w.u64(len);
    w.u64(hash);
}

/// What a snapshot must have been made from: every source's name, length and content hash.
pub fn key(sources: &[Source]) -> Vec<u8> {
    let _t = crate::timing::phase("hash");
    key_of(sources, &sizes(sources))
}

/// The length and content hash of each source.
fn sizes(sources: &[Source]) -> Vec<(u64, u64)> {
    let size = |s: &Source| (s.bytes.len() as u64, xxh3_64(&s.bytes));
    sources.iter().map(size).collect()
}

/// The [`key`] of files named as `sources` are, whose lengths and hashes are `sizes`.
fn key_of(sources: &[Source], sizes: &[(u64, u64)]) -> Vec<u8> {
    let mut w = Writer::default();
    w.u64(sources.len() as u64);
    for (s, &(len, hash)) in sources.iter().zip(sizes) {
        key_entry(&mut w, &s.name, len, hash);
    }
    w.buf
}

/// The [`key`] of the graph's files as they are on disk, hashed a chunk at a time rather
/// than read whole.
pub fn key_of_files(graph: &Path) -> io::Result<Vec<u8>> {
    let paths = load::source_paths(graph).map_err(|e| io::Error::other(e.to_string()))?;
    let mut w = Writer::default();
    w.u64(paths.len() as u64);
    let mut chunk = vec![0u8; 1 << 20];
    for p in &paths {
        let mut f = File::open(p)?;
        if !f.metadata()?.is_file() {
            return Err(io::Error::other("not a regular file"));
        }
        let mut hash = Xxh3::new();
        let mut len = 0u64;
        loop {
            let n = f.read(&mut chunk)?;
            if n == 0 {
                break;
            }
            hash.update(&chunk[..n]);
            len += n as u64;
        }
        key_entry(&mut w, &p.display().to_string(), len, hash.digest());
    }
    Ok(w.buf)
}

#[cfg(test)]
mod tests;
