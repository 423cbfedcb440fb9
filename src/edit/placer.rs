//! Where many new records go, found in time linear in the graph and the records: the rule of
//! [`super::place`] answered from an index of the graph's ids (which file and array define
//! each id, which files have records of each array that mention it) that is kept up to date
//! as records are added. [`super::place`] scans the files instead, which is cheaper for one
//! record; `import` places thousands.

use super::{fixed_file, Array, EditError};
use crate::model::{Claim, Document, Edge, Entity, GraphFile, Id, Rel};
use crate::store::Files;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeSet;
use std::path::Path;

/// The ids a record mentions: its own and every reference.
pub(super) trait Mentions {
    const ARRAY: Array;
    /// The record's own id (none for an edge).
    fn own_id(&self) -> Option<&Id>;
    /// Every id-valued field, the own id included.
    fn mentioned(&self) -> Vec<&Id>;
}

impl Mentions for Document {
    const ARRAY: Array = Array::Documents;
    fn own_id(&self) -> Option<&Id> {
        Some(&self.id)
    }
    fn mentioned(&self) -> Vec<&Id> {
        std::iter::once(&self.id).chain(&self.publisher).collect()
    }
}

impl Mentions for Entity {
    const ARRAY: Array = Array::Entities;
    fn own_id(&self) -> Option<&Id> {
        Some(&self.id)
    }
    fn mentioned(&self) -> Vec<&Id> {
        std::iter::once(&self.id).chain(&self.part_of).collect()
    }
}

impl Mentions for Claim {
    const ARRAY: Array = Array::Claims;
    fn own_id(&self) -> Option<&Id> {
        Some(&self.id)
    }
    fn mentioned(&self) -> Vec<&Id> {
        std::iter::once(&self.id)
            .chain(&self.about)
            .chain(&self.found_in)
            .chain(self.review.as_ref().map(|r| &r.by))
            .collect()
    }
}

impl Mentions for Edge {
    const ARRAY: Array = Array::Edges;
    fn own_id(&self) -> Option<&Id> {
        None
    }
    fn mentioned(&self) -> Vec<&Id> {
        [&self.from, &self.to]
            .into_iter()
            .chain(&self.in_doc)
            .collect()
    }
}

fn slot(array: Array) -> usize {
    match array {
        Array::Documents => 0,
        Array::Entities => 1,
        Array::Claims => 2,
        Array::Edges => 3,
    }
}

/// The index of a graph's files that placing and clash checks read.
pub(super) struct Placer {
    /// How many files the index was built for (a new file shifts the indices: rebuild).
    files: usize,
    /// Id -> the file and array defining it, and its position there.
    defines: FxHashMap<Id, (usize, Array, usize)>,
    /// (array, id) -> the files with a record of that array mentioning the id.
    mentions: FxHashMap<(usize, Id), BTreeSet<usize>>,
    /// Per array, the files holding records of it.
    holders: [BTreeSet<usize>; 4],
    /// Every edge's (from, rel, to).
    edges: FxHashSet<(Id, Rel, Id, Option<Id>)>,
}

impl Placer {
    /// Indexes the files (linear in their records).
    pub fn new(files: &Files) -> Placer {
        let mut p = Placer {
            files: files.files.len(),
            defines: FxHashMap::default(),
            mentions: FxHashMap::default(),
            holders: Default::default(),
            edges: FxHashSet::default(),
        };
        for (f, file) in files.files.iter().enumerate() {
            p.index_file(f, &file.data);
        }
        p
    }

    fn index_file(&mut self, f: usize, d: &GraphFile) {
        d.documents
            .iter()
            .enumerate()
            .for_each(|(i, r)| self.note(f, i, r));
        d.entities
            .iter()
            .enumerate()
            .for_each(|(i, r)| self.note(f, i, r));
        d.claims
            .iter()
            .enumerate()
            .for_each(|(i, r)| self.note(f, i, r));
        for (i, e) in d.edges.iter().enumerate() {
            self.note(f, i, e);
            self.edges
                .insert((e.from.clone(), e.rel, e.to.clone(), e.in_doc.clone()));
        }
    }

    /// Records that file `f` holds `record` at position `pos` of its array.
    fn note<R: Mentions>(&mut self, f: usize, pos: usize, record: &R) {
        if let Some(id) = record.own_id() {
            self.defines.entry(id.clone()).or_insert((f, R::ARRAY, pos));
        }
        for id in record.mentioned() {
            self.mentions
                .entry((slot(R::ARRAY), id.clone()))
                .or_default()
                .insert(f);
        }
        self.holders[slot(R::ARRAY)].insert(f);
    }

    /// The file and array defining `id`, and its position.
    pub fn find(&self, id: &str) -> Option<(usize, Array, usize)> {
        self.defines.get(id).copied()
    }

    /// Whether an edge with these ends, relation and document is in the graph.
    pub fn has_edge(&self, e: &Edge) -> bool {
        self.edges
            .contains(&(e.from.clone(), e.rel, e.to.clone(), e.in_doc.clone()))
    }

    /// The file a new `R` record goes to, by the rule of [`super::place`] (`file`: `--file`).
    fn pick<R: Mentions>(
        &mut self,
        files: &mut Files,
        touched: &[&Id],
        file: Option<&Path>,
    ) -> Result<usize, EditError> {
        let before = files.files.len();
        let f = self.choose::<R>(files, touched, file)?;
        if files.files.len() != before {
            *self = Placer::new(files);
        }
        Ok(f)
    }

    fn choose<R: Mentions>(
        &self,
        files: &mut Files,
        touched: &[&Id],
        file: Option<&Path>,
    ) -> Result<usize, EditError> {
        if let Some(f) = fixed_file(files, file)? {
            return Ok(f);
        }
        let a = slot(R::ARRAY);
        let mut defined: FxHashMap<usize, usize> = FxHashMap::default();
        let mut bound: FxHashMap<usize, usize> = FxHashMap::default();
        for id in touched {
            if let Some(&(f, _, _)) = self.defines.get(id.as_str()) {
                *defined.entry(f).or_default() += 1;
                if self.holders[a].contains(&f) {
                    *bound.entry(f).or_default() += 2;
                }
            }
            if let Some(fs) = self.mentions.get(&(a, (*id).clone())) {
                for &f in fs {
                    *bound.entry(f).or_default() += 1;
                }
            }
        }
        // The highest score, the first file in name order on a tie.
        let best = |scores: &FxHashMap<usize, usize>| {
            scores
                .iter()
                .filter(|(_, &s)| s > 0)
                .max_by(|(fa, sa), (fb, sb)| sa.cmp(sb).then(fb.cmp(fa)))
                .map(|(&f, _)| f)
        };
        let only_holder = (self.holders[a].len() == 1)
            .then(|| self.holders[a].first().copied())
            .flatten();
        if let Some(f) = best(&bound).or(only_holder).or_else(|| best(&defined)) {
            return Ok(f);
        }
        let default = files.root.join("claims.json");
        Ok(files.file_index(&default))
    }

    /// Places `record` (with the ids it touches for placing) and adds it; returns the file.
    pub fn add<R: Mentions>(
        &mut self,
        files: &mut Files,
        record: R,
        touched: &[&Id],
        file: Option<&Path>,
        array: impl Fn(&mut GraphFile) -> &mut Vec<R>,
    ) -> Result<usize, EditError> {
        let f = self.pick::<R>(files, touched, file)?;
        let list = array(&mut files.files[f].data);
        self.note(f, list.len(), &record);
        list.push(record);
        debug_assert_eq!(self.files, files.files.len());
        Ok(f)
    }

    /// Adds an edge (placing it), remembering its ends.
    pub fn add_edge(
        &mut self,
        files: &mut Files,
        e: Edge,
        file: Option<&Path>,
    ) -> Result<usize, EditError> {
        self.edges
            .insert((e.from.clone(), e.rel, e.to.clone(), e.in_doc.clone()));
        let touched: Vec<Id> = e.mentioned().into_iter().cloned().collect();
        let touched: Vec<&Id> = touched.iter().collect();
        self.add(files, e, &touched, file, |d| &mut d.edges)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::place;
    use crate::edit::tests::{files, split};

    fn id(s: &str) -> Id {
        Id::new(s).unwrap()
    }

    /// The index gives the same file as the scanning rule for every case of the rule.
    #[test]
    fn the_index_places_as_the_scan_does() {
        let cases: Vec<(Array, Vec<&str>)> = vec![
            (Array::Claims, vec!["nk", "doc1"]),
            (Array::Edges, vec!["dw", "c1"]),
            (Array::Entities, vec!["sk"]),
            (Array::Documents, vec!["dw"]),
            (Array::Documents, vec!["sk"]),
            (Array::Claims, vec![]),
            (Array::Edges, vec!["nobody"]),
            (Array::Entities, vec!["c1", "doc1"]),
        ];
        let mut spread = files(&[
            (
                "a.json",
                r#"{"entities":[{"id":"x","name":"X","kind":"country"}]}"#,
            ),
            (
                "b.json",
                r#"{"claims":[{"id":"c","text":"C","about":["x"]}]}"#,
            ),
            (
                "c.json",
                r#"{"claims":[{"id":"d","text":"D"}],"edges":[{"from":"x","rel":"asserts","to":"d"}]}"#,
            ),
        ]);
        for (array, ids) in cases
            .iter()
            .cloned()
            .chain([(Array::Claims, vec!["x"]), (Array::Edges, vec!["x", "c"])])
        {
            for f in [&mut split(), &mut spread] {
                let touched: Vec<Id> = ids.iter().map(|s| id(s)).collect();
                let touched: Vec<&Id> = touched.iter().collect();
                let mut scan = f.clone();
                let want = place(&mut scan, array, &touched, None).unwrap();
                let mut indexed = f.clone();
                let got = match array {
                    Array::Documents => {
                        Placer::new(&indexed).choose::<Document>(&mut indexed, &touched, None)
                    }
                    Array::Entities => {
                        Placer::new(&indexed).choose::<Entity>(&mut indexed, &touched, None)
                    }
                    Array::Claims => {
                        Placer::new(&indexed).choose::<Claim>(&mut indexed, &touched, None)
                    }
                    Array::Edges => {
                        Placer::new(&indexed).choose::<Edge>(&mut indexed, &touched, None)
                    }
                }
                .unwrap();
                assert_eq!(
                    indexed.files[got].path, scan.files[want].path,
                    "{array:?} {ids:?}"
                );
            }
        }
    }
}
