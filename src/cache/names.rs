//! The names shell completion offers, kept in a section of their own so that a TAB reads
//! them without decoding the graph: every id with its kind and a help text already cut to
//! [`HELP_COLUMNS`], and the distinct tags and topics.

use super::codec::{Corrupt, Reader, Writer};
use crate::graph::{ClaimGraph, Record};
use crate::text::truncate;
use std::collections::BTreeSet;

/// How many columns a completion's help text is cut to.
pub const HELP_COLUMNS: usize = 60;

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Entity,
    Claim,
    Document,
}

/// One id and the help text shown beside it: an entity's name, a claim's text, a
/// document's title, cut to [`HELP_COLUMNS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub kind: NameKind,
    pub id: String,
    pub help: String,
}

/// Every id of a graph (entities and claims in node order, then documents), and the
/// distinct tags and topics, sorted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Names {
    pub ids: Vec<Name>,
    pub tags: Vec<String>,
    pub topics: Vec<String>,
}

impl Names {
    /// The names of `g`.
    pub fn of(g: &ClaimGraph) -> Names {
        let mut ids = Vec::with_capacity(g.node_bound() + g.documents().count());
        let mut tags = BTreeSet::new();
        let mut topics = BTreeSet::new();
        for ix in g.nodes() {
            let (kind, help) = match &g.node(ix).record {
                Record::Claim(c) => {
                    topics.extend(c.topics.iter().map(String::as_str));
                    (NameKind::Claim, &c.text)
                }
                Record::Entity(e) => {
                    tags.extend(e.tags.iter().map(|t| t.as_str()));
                    (NameKind::Entity, &e.name)
                }
            };
            ids.push(Name {
                kind,
                id: g.id(ix).to_string(),
                help: truncate(help, HELP_COLUMNS),
            });
        }
        ids.extend(g.documents().map(|d| Name {
            kind: NameKind::Document,
            id: d.id.to_string(),
            help: truncate(&d.title, HELP_COLUMNS),
        }));
        Names {
            ids,
            tags: tags.into_iter().map(str::to_string).collect(),
            topics: topics.into_iter().map(str::to_string).collect(),
        }
    }
}

impl Names {
    /// Adds the records a patch records (see [`super::Added`]): their ids that start with
    /// `prefix`, and the entities' tags and the claims' topics (a document has neither).
    pub(crate) fn add(&mut self, added: &[super::Added], prefix: &str) {
        for a in added {
            let (id, help, words) = a.parts();
            let kind = match a {
                super::Added::Entity { .. } => NameKind::Entity,
                super::Added::Claim { .. } => NameKind::Claim,
                super::Added::Document { .. } => NameKind::Document,
            };
            match kind {
                NameKind::Entity => self.tags.extend(words.iter().cloned()),
                _ => self.topics.extend(words.iter().cloned()),
            }
            if id.starts_with(prefix) {
                self.ids.push(Name {
                    kind,
                    id: id.to_string(),
                    help: truncate(help, HELP_COLUMNS),
                });
            }
        }
        for list in [&mut self.tags, &mut self.topics] {
            list.sort();
            list.dedup();
        }
    }
}

pub(crate) fn encode(n: &Names, w: &mut Writer) -> Result<(), Corrupt> {
    w.len(n.ids.len())?;
    for name in &n.ids {
        w.u8(name.kind as u8);
        w.str(&name.id)?;
        w.str(&name.help)?;
    }
    for list in [&n.tags, &n.topics] {
        w.len(list.len())?;
        list.iter().try_for_each(|s| w.str(s))?;
    }
    Ok(())
}

/// Reads the names written by [`encode`], keeping only the ids that start with `prefix`
/// (the others are read past without a copy).
pub(crate) fn decode(r: &mut Reader<'_>, prefix: &str) -> Result<Names, Corrupt> {
    let count = r.count(9)?;
    let mut ids = Vec::new();
    for _ in 0..count {
        let kind = match r.u8()? {
            0 => NameKind::Entity,
            1 => NameKind::Claim,
            2 => NameKind::Document,
            _ => return Err(Corrupt("a bad name kind")),
        };
        let (id, help) = (r.str()?, r.str()?);
        if id.starts_with(prefix) {
            ids.push(Name {
                kind,
                id: id.to_string(),
                help: help.to_string(),
            });
        }
    }
    let mut words = || -> Result<Vec<String>, Corrupt> {
        let n = r.count(4)?;
        (0..n).map(|_| r.str().map(str::to_string)).collect()
    };
    let tags = words()?;
    let topics = words()?;
    if !r.is_empty() {
        return Err(Corrupt("bytes after the names"));
    }
    Ok(Names { ids, tags, topics })
}
