//! The graph's files in memory while an edit runs: each file's records as read and as
//! edited, which files an edit will write, and validation of the edited graph from the exact
//! bytes that would be written.

use crate::export::json::to_canonical_string;
use crate::graph::ClaimGraph;
use crate::load::{self, LoadError, Source};
use crate::model::GraphFile;
use std::cell::OnceCell;
use std::path::{Path, PathBuf};

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

/// Sorts the arrays of `file` into the canonical order: records by id, edges by `from`,
/// `rel`, `to` and `in` (stable: duplicate edges keep their relative order).
pub fn sort(file: &mut GraphFile) {
    file.documents.sort_by(|a, b| a.id.cmp(&b.id));
    file.entities.sort_by(|a, b| a.id.cmp(&b.id));
    file.claims.sort_by(|a, b| a.id.cmp(&b.id));
    file.edges.sort_by(|a, b| a.key_cmp(b));
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
    /// Replace read-only files too (else the edit is refused).
    pub force: bool,
    /// The graph as read, built on first use (resolving a name or alias, a did-you-mean):
    /// most edits name exact ids and never pay for it.
    graph: OnceCell<Result<ClaimGraph, LoadError>>,
}

impl Files {
    /// Builds the editable files from sources already read, parsing each into records.
    /// `single` says whether `root` is a one-file graph. A file that does not parse is
    /// reported with the loader's located errors. The graph as a whole is validated when
    /// the edit is committed ([`super::commit`]).
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
            force: false,
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
    pub(super) fn sources_after(&self, pending: Vec<(usize, Vec<u8>)>) -> Vec<Source> {
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

    mod round_trip {
        use super::super::sort;
        use crate::export::json::to_canonical_string;
        use crate::model::{Claim, Date, Edge, GraphFile, Id, Rel, Review, Verdict};
        use proptest::prelude::*;

        fn id() -> impl Strategy<Value = Id> {
            "[a-z0-9][a-z0-9._-]{0,6}".prop_map(|s| Id::new(s).expect("pattern"))
        }

        fn text() -> impl Strategy<Value = String> {
            // Quotes, backslashes, control characters, non-ASCII: what escaping must keep.
            "(.|\\n|\"|\\\\|\u{7}|한){0,12}"
        }

        fn claim() -> impl Strategy<Value = Claim> {
            (
                id(),
                text(),
                prop::collection::vec(id(), 0..3),
                proptest::option::of(text()),
                any::<bool>(),
            )
                .prop_map(|(id, text, about, note, reviewed)| Claim {
                    id: id.clone(),
                    text,
                    date: Some(Date::new("2024-02-29").expect("date")),
                    about: about.clone(),
                    topics: vec!["arms".into()],
                    found_in: about,
                    credibility: None,
                    review: reviewed.then(|| {
                        Box::new(Review {
                            verdict: Verdict::Mixed,
                            by: id,
                            date: None,
                            note: Some("n".into()),
                        })
                    }),
                    note,
                })
        }

        fn edge() -> impl Strategy<Value = Edge> {
            (id(), id(), proptest::option::of(text())).prop_map(|(from, to, quote)| Edge {
                from,
                rel: Rel::Cites,
                to,
                date: None,
                quote,
                in_doc: None,
                note: None,
            })
        }

        proptest! {
            /// `fmt` keeps every field and is idempotent: canonical text parses back to the
            /// same (sorted) records, and writing those again gives the same text.
            #[test]
            fn the_canonical_layout_keeps_every_field(
                claims in prop::collection::vec(claim(), 0..6),
                edges in prop::collection::vec(edge(), 0..6),
            ) {
                let mut file = GraphFile { claims, edges, ..GraphFile::default() };
                sort(&mut file);
                let text = to_canonical_string(&file);
                let back: GraphFile = serde_json::from_str(&text).expect("parses");
                prop_assert_eq!(&back, &file);
                prop_assert_eq!(to_canonical_string(&back), text);
            }
        }
    }
}
