//! What edits have added since the snapshot was written, kept in a small file beside it so
//! that an edit brings the snapshot up to date instead of leaving it stale.
//!
//! Only additions that change nothing a snapshot section says about the graph's other
//! records are kept: entities, claims and documents that no record refers to and that have
//! no edges (what `add entity`, `add claim` and `add doc` make). Such an entity grounds no
//! claim and is part of nothing, such a claim rests on nothing, and nothing is found in such
//! a document, so the support of every other claim stays as it is; an entity adds an id to
//! complete and its tags to the tags the entities carry, a claim adds an id, its topics and
//! one more claim for queries to answer, with the support of a claim without edges (see
//! [`super::WarmClaims`]), a document adds an id.
//!
//! A patch names the snapshot it applies to (the checksum of that snapshot's header) and
//! the key of the files after the edits (every file's name, length and xxh3 hash). It is
//! used only when both match — the snapshot on disk and the files as they are now — so a
//! patch left by an edit that failed, or overtaken by a later edit, is never applied. The
//! file carries a magic number, a format version and a checksum of its own, and is written,
//! once the edit's own write is done, to a temporary file and renamed into place. A command that needs the whole graph does not
//! apply a patch: it parses the files and writes a fresh snapshot, which the patch does not
//! name.

use super::codec::{Corrupt, Reader, Writer};
use std::path::Path;
use xxhash_rust::xxh3::xxh3_64;

/// The first bytes of every patch.
const MAGIC: &[u8; 8] = b"CGPATCH\x01";

/// The layout of a patch; bumped whenever [`Patch::to_bytes`] writes something else.
const FORMAT: u32 = 1;

/// A record added by an edit since the snapshot was written, with no edges and referred to
/// by nothing, with what the snapshot's sections would say of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// An entity: its id, its name (as completion shows it) and its tags.
    Entity {
        id: String,
        name: String,
        tags: Vec<String>,
    },
    /// A claim: its id, its text (as completion shows it) and its topics.
    Claim {
        id: String,
        text: String,
        topics: Vec<String>,
    },
    /// A document: its id and its title (as completion shows it).
    Document { id: String, title: String },
}

impl Added {
    fn kind(&self) -> u8 {
        match self {
            Added::Entity { .. } => 0,
            Added::Claim { .. } => 1,
            Added::Document { .. } => 2,
        }
    }

    /// The id, the name or text, and the tags or topics.
    pub(crate) fn parts(&self) -> (&str, &str, &[String]) {
        match self {
            Added::Entity { id, name, tags } => (id, name, tags),
            Added::Claim { id, text, topics } => (id, text, topics),
            Added::Document { id, title } => (id, title, &[]),
        }
    }
}

/// The records added since the snapshot whose header has the checksum `base`, and the key
/// of the files they were added to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Patch {
    pub(crate) base: u64,
    pub(crate) key: Vec<u8>,
    pub(crate) added: Vec<Added>,
}

impl Patch {
    /// The patch's bytes: magic, format, the snapshot's header checksum, the key, each
    /// entity, then the xxh3 of all of that.
    pub(crate) fn to_bytes(&self) -> Result<Vec<u8>, Corrupt> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.u32(FORMAT);
        w.u64(self.base);
        w.len(self.key.len())?;
        w.buf.extend_from_slice(&self.key);
        w.len(self.added.len())?;
        for a in &self.added {
            let (id, name, words) = a.parts();
            w.u8(a.kind());
            w.str(id)?;
            w.str(name)?;
            w.len(words.len())?;
            words.iter().try_for_each(|t| w.str(t))?;
        }
        let sum = xxh3_64(&w.buf);
        w.u64(sum);
        Ok(w.buf)
    }

    /// Reads back what [`Patch::to_bytes`] wrote; damaged, truncated or foreign bytes are
    /// an error.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Patch, Corrupt> {
        let body_len = bytes
            .len()
            .checked_sub(8)
            .ok_or(Corrupt("the patch ends early"))?;
        let (body, sum) = bytes.split_at(body_len);
        if !body.starts_with(MAGIC) {
            return Err(Corrupt("not a patch"));
        }
        if xxh3_64(body) != u64::from_le_bytes(sum.try_into().unwrap_or_default()) {
            return Err(Corrupt("checksum mismatch"));
        }
        let mut r = Reader::new(&body[MAGIC.len()..]);
        if r.u32()? != FORMAT {
            return Err(Corrupt("another version's patch"));
        }
        let base = r.u64()?;
        let n = r.u32()? as usize;
        let key = r.bytes(n)?.to_vec();
        let count = r.count(13)?;
        let mut added = Vec::with_capacity(count);
        for _ in 0..count {
            let kind = r.u8()?;
            let id = r.str()?.to_string();
            let name = r.str()?.to_string();
            let n = r.count(4)?;
            let words = (0..n)
                .map(|_| r.str().map(str::to_string))
                .collect::<Result<Vec<_>, _>>()?;
            added.push(match kind {
                0 => Added::Entity {
                    id,
                    name,
                    tags: words,
                },
                1 => Added::Claim {
                    id,
                    text: name,
                    topics: words,
                },
                2 if words.is_empty() => Added::Document { id, title: name },
                _ => return Err(Corrupt("a bad record kind")),
            });
        }
        if !r.is_empty() {
            return Err(Corrupt("bytes after the patch"));
        }
        Ok(Patch { base, key, added })
    }

    /// The patch at `path`, if there is an intact one.
    pub(crate) fn read(path: &Path) -> Option<Patch> {
        let bytes = std::fs::read(path).ok()?;
        Patch::from_bytes(&bytes).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn patch() -> Patch {
        Patch {
            base: 7,
            key: b"key bytes".to_vec(),
            added: vec![
                Added::Entity {
                    id: "yonhap".into(),
                    name: "Yonhap ünï".into(),
                    tags: vec!["media".into(), "wire".into()],
                },
                Added::Claim {
                    id: "shells-by-rail".into(),
                    text: "Shells went by rail.".into(),
                    topics: vec!["arms".into()],
                },
            ],
        }
    }

    #[test]
    fn a_patch_reads_back_and_any_damage_is_refused() {
        let bytes = patch().to_bytes().unwrap();
        assert_eq!(Patch::from_bytes(&bytes).unwrap(), patch());
        for cut in [0, 7, 8, bytes.len() / 2, bytes.len() - 1] {
            assert!(Patch::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x20;
            assert!(Patch::from_bytes(&bad).is_err(), "byte {i} flipped");
        }
    }
}
