//! The quick path of `add entity`: the new entity checked against the validated graph the
//! files make (its id index, names, origins) and its record spliced into its file, instead
//! of every file parsed into editable records, the whole edited graph validated again and
//! the changed file serialized again.
//!
//! The record goes among the file's entities — at its sorted place when they are sorted by
//! id, else after the last — on one line, set off from its neighbour as the file sets off
//! that neighbour; every other byte of the file stays as it was. On a file in the canonical
//! layout that is exactly what the full path ([`super::add_entity`] under
//! [`crate::store::edit`]) writes; on any other layout the records are the same and the
//! file's own layout is kept (`fmt` rewrites it). It is taken when:
//! - the graph as read is valid (it is loaded as a query loads it; an invalid graph takes
//!   the full path, which reports its errors);
//! - the checks are the full path's, in its order, against the same facts (the first clash
//!   in file order, the file defining an id, the same did-you-mean), so refusals read the
//!   same;
//! - a new entity with a free, well-formed id, a non-empty name, checked values and a
//!   `part_of` naming an existing entity cannot make a valid graph invalid: nothing refers
//!   to it, so it closes no `part_of` cycle, and no rule of docs/format.md §1 relates it to
//!   any record but its parent.
//!
//! A file with no entities to place it among takes the full path.
//!
//! The graph's snapshot, when it matched the files before the edit, is brought up to date
//! with a patch naming the new entity (see `crate::cache`), so that the claim queries and
//! completion that read it stay warm.

use super::add::{no_slug, non_empty};
use super::names::name_taken;
use super::{
    duplicate_id, file_in_graph, resolve_in, slug, EditError, NameClash, NewEntity, Placed, Want,
};
use crate::cache::{Added, Snapshots};
use crate::export::json::{to_canonical_string, write_line};
use crate::graph::{ClaimGraph, Record, Slot};
use crate::load;
use crate::locate;
use crate::model::{Entity, GraphFile, Id};
use crate::store::{Quick, Read};
use crate::text::fold_name;
use std::path::{Path, PathBuf};

/// `add entity` without parsing the files for editing, when the graph is valid and the
/// target file has entities to place the new one among ([`Quick::Full`] otherwise).
pub fn add_entity(
    read: Read<'_>,
    new: &NewEntity,
    file: Option<&Path>,
) -> Result<Quick<Placed>, EditError> {
    let Ok(g) = load::from_sources(read.sources) else {
        return Ok(Quick::Full);
    };
    let files = entities_by_file(&g, read.sources.len());
    let names: Vec<&str> = read.sources.iter().map(|s| s.name.as_str()).collect();
    let entity = checked(&g, &files, &names, new)?;
    let target = place(&g, &files, read, &entity, file)?;
    let placed = |path: PathBuf| Placed {
        id: entity.id.clone(),
        path,
    };
    match target {
        // A file the reading did not see is there after all: let the full path judge.
        Target::New(path) if path.exists() => Ok(Quick::Full),
        Target::New(path) => {
            let file = GraphFile {
                entities: vec![entity.clone()],
                ..GraphFile::default()
            };
            let bytes = to_canonical_string(&file).into_bytes();
            Ok(Quick::Create {
                value: placed(path.clone()),
                path,
                bytes,
            })
        }
        Target::Existing(f) => {
            let Some((at, bytes)) = splice(&read.sources[f].bytes, &files[f], &entity) else {
                return Ok(Quick::Full);
            };
            if read.cache {
                let _t = crate::timing::phase("snapshot patch");
                Snapshots::for_graph(read.root).after_insert(
                    read.sources,
                    (f, at, &bytes),
                    Added {
                        id: entity.id.to_string(),
                        name: entity.name.clone(),
                        tags: entity.tags.iter().map(|t| t.to_string()).collect(),
                    },
                );
            }
            Ok(Quick::Insert {
                value: placed(PathBuf::from(&read.sources[f].name)),
                file: f,
                at,
                bytes,
            })
        }
    }
}

/// The new entity, after the checks of [`super::add_entity`] in its order.
fn checked(
    g: &ClaimGraph,
    files: &[Vec<&Entity>],
    names: &[&str],
    new: &NewEntity,
) -> Result<Entity, EditError> {
    non_empty(&new.name, "the name")?;
    if !new.force {
        for name in std::iter::once(new.name.as_str()).chain(new.aliases.iter().map(String::as_str))
        {
            if let Some(c) = entity_named(files, names, name) {
                return Err(name_taken(name, &c));
            }
        }
    }
    let kind = new
        .kind
        .ok_or_else(|| EditError::Usage("an entity needs --kind".into()))?;
    let id = match new.id.as_deref() {
        Some(s) => {
            let id = Id::new(s).map_err(|e| EditError::Usage(e.0))?;
            if let Some(f) = defining_file(g, id.as_str()) {
                return Err(duplicate_id(&id, names[f]));
            }
            id
        }
        None => {
            let base = slug(&new.name).ok_or_else(|| no_slug(&new.name, "name"))?;
            unique_id(g, &base)
        }
    };
    let part_of = new
        .part_of
        .as_deref()
        .map(|p| resolve_in(g, p, Want::Entity))
        .transpose()?;
    let mut tags = new.tags.clone();
    tags.dedup();
    Ok(Entity {
        id,
        name: new.name.clone(),
        kind,
        tags,
        part_of,
        aliases: new.aliases.clone(),
        reliability: new.reliability,
        note: new.note.clone(),
    })
}

/// The entity other than none whose name or an alias folds like `name`, the first in file
/// order (as [`super::entity_named`] finds it).
fn entity_named(files: &[Vec<&Entity>], names: &[&str], name: &str) -> Option<NameClash> {
    let wanted = fold_name(name);
    if wanted.is_empty() {
        return None;
    }
    for (f, entities) in files.iter().enumerate() {
        for e in entities {
            let all = std::iter::once((&e.name, true)).chain(e.aliases.iter().map(|a| (a, false)));
            for (has, is_name) in all {
                if fold_name(has) == wanted {
                    return Some(NameClash {
                        id: e.id.clone(),
                        has: has.clone(),
                        is_name,
                        file: names[f].to_string(),
                    });
                }
            }
        }
    }
    None
}

/// The file defining `id` (a document, an entity or a claim).
fn defining_file(g: &ClaimGraph, id: &str) -> Option<usize> {
    let origin = match g.lookup(id)? {
        Slot::Doc(d) => g.document(d).origin,
        Slot::Node(ix) => g.node(ix).origin,
    };
    Some(origin.file as usize)
}

/// `base` if nothing has it as its id, else `base-2`, `base-3`, … (as [`super::unique_id`]).
fn unique_id(g: &ClaimGraph, base: &str) -> Id {
    let mut candidate = base.to_string();
    let mut n = 2;
    while g.lookup(&candidate).is_some() {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    Id::new(candidate).expect("slugs and suffixes keep the id pattern")
}

/// Where the new entity goes.
enum Target {
    /// The file of that index.
    Existing(usize),
    /// A new file.
    New(PathBuf),
}

/// The file the new entity goes to, by the rule of [`super::place`] for an entity touching
/// its `part_of`.
fn place(
    g: &ClaimGraph,
    files: &[Vec<&Entity>],
    read: Read<'_>,
    entity: &Entity,
    file: Option<&Path>,
) -> Result<Target, EditError> {
    let at_path = |path: PathBuf| match read.sources.iter().position(|s| Path::new(&s.name) == path)
    {
        Some(f) => Target::Existing(f),
        None => Target::New(path),
    };
    if let Some(p) = file {
        return Ok(at_path(file_in_graph(read.root, read.single, p)?));
    }
    if read.single {
        return Ok(at_path(read.root.to_path_buf()));
    }
    let holders: Vec<usize> = (0..files.len()).filter(|&f| !files[f].is_empty()).collect();
    let defined = entity
        .part_of
        .as_ref()
        .and_then(|p| defining_file(g, p.as_str()));
    // Per file: 2 if it defines the parent, 1 if one of its entities is the parent or is
    // part of it (the parent is an entity: the file defining it holds both).
    let bound = |f: usize| match &entity.part_of {
        Some(p) => {
            let mentions = files[f]
                .iter()
                .any(|e| &e.id == p || e.part_of.as_ref() == Some(p));
            2 * usize::from(defined == Some(f)) + usize::from(mentions)
        }
        None => 0,
    };
    let mut best: Option<(usize, usize)> = None;
    for &f in &holders {
        let s = bound(f);
        if s > 0 && best.is_none_or(|(_, b)| s > b) {
            best = Some((f, s));
        }
    }
    let only_holder = (holders.len() == 1).then(|| holders[0]);
    match best.map(|(f, _)| f).or(only_holder).or(defined) {
        Some(f) => Ok(Target::Existing(f)),
        None => Ok(at_path(read.root.join("claims.json"))),
    }
}

/// Every file's entities, in file order.
fn entities_by_file(g: &ClaimGraph, files: usize) -> Vec<Vec<&Entity>> {
    let mut by_file: Vec<Vec<(u32, &Entity)>> = vec![Vec::new(); files];
    for n in &g.records {
        if let (Record::Entity(e), Some(list)) =
            (&n.record, by_file.get_mut(n.origin.file as usize))
        {
            list.push((n.origin.pos, e));
        }
    }
    by_file
        .into_iter()
        .map(|mut list| {
            list.sort_unstable_by_key(|(pos, _)| *pos);
            list.into_iter().map(|(_, e)| e).collect()
        })
        .collect()
}

/// Where the record of `entity` goes in `bytes` — a file whose entities are `entities`, in
/// file order — and the bytes to insert there: at its sorted place when they are sorted by
/// id, else after the last; written on one line and set off from its neighbour by a comma
/// and the whitespace the file puts before that neighbour, so that in the canonical layout
/// it is one more line of it. `None` when the file has no entities to place it among.
fn splice(bytes: &[u8], entities: &[&Entity], entity: &Entity) -> Option<(usize, Vec<u8>)> {
    let spans = locate::top_level_array(bytes, "entities")?;
    if spans.is_empty() || spans.len() != entities.len() {
        return None;
    }
    let sorted = entities.windows(2).all(|w| w[0].id < w[1].id);
    let k = match sorted {
        true => entities.partition_point(|e| e.id < entity.id),
        false => entities.len(),
    };
    let mut line = Vec::with_capacity(256);
    write_line(&mut line, entity).expect("writing to a Vec cannot fail");
    let space_before = |at: usize| {
        let n = bytes[..at]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        &bytes[at - n..at]
    };
    match spans.get(k) {
        // Before the k-th: `{new},` and the space that led to it.
        Some(next) => {
            let mut insert = line;
            insert.push(b',');
            insert.extend_from_slice(space_before(next.start));
            Some((next.start, insert))
        }
        // After the last: `,`, the space that led to it and `{new}`.
        None => {
            let last = spans.last()?;
            let mut insert = vec![b','];
            insert.extend_from_slice(space_before(last.start));
            insert.extend_from_slice(&line);
            Some((last.end, insert))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Source;
    use crate::model::{Claim, Document, Edge, Kind, Rel, Tag};
    use crate::store::{self, EditOptions, Edited};
    use proptest::prelude::*;
    use std::fs;

    /// A random graph: entities `e0..` (some part of an earlier one), claims `c0..` about
    /// them, documents, edges from entities to claims; records spread over `files` files.
    #[derive(Debug, Clone)]
    struct Spec {
        entities: Vec<(usize, Option<usize>, Vec<usize>)>,
        claims: usize,
        edges: Vec<(usize, usize)>,
        docs: usize,
        /// Per record (entities, claims, documents, edges in turn), the file it goes to.
        spread: Vec<usize>,
        files: usize,
        /// Write the files in the canonical layout (else compact JSON in id order, or not).
        canonical: bool,
        shuffled: bool,
    }

    const NAMES: &[&str] = &["Reuters", "NIS", "North Korea", "Bench Agency", "Kim"];

    fn spec() -> impl Strategy<Value = Spec> {
        (
            prop::collection::vec(
                (
                    0..NAMES.len(),
                    any::<prop::sample::Index>(),
                    prop::collection::vec(0..NAMES.len(), 0..2),
                ),
                0..6,
            ),
            0..5usize,
            prop::collection::vec((0..6usize, 0..5usize), 0..6),
            0..3usize,
            prop::collection::vec(0..3usize, 20),
            1..4usize,
            prop::bool::weighted(0.85),
            prop::bool::weighted(0.1),
        )
            .prop_map(
                |(ents, claims, edges, docs, spread, files, canonical, shuffled)| {
                    let entities = ents
                        .into_iter()
                        .enumerate()
                        .map(|(i, (name, parent, aliases))| {
                            let parent = (i > 0 && parent.index(3) > 0).then(|| parent.index(i));
                            (name, parent, aliases)
                        })
                        .collect();
                    Spec {
                        entities,
                        claims,
                        edges,
                        docs,
                        spread,
                        files,
                        canonical,
                        shuffled,
                    }
                },
            )
    }

    fn id(s: impl Into<String>) -> Id {
        Id::new(s).unwrap()
    }

    /// Writes the graph of `spec` into `dir` (a folder graph, or `g.json` when one file).
    fn write(spec: &Spec, dir: &Path, single: bool) -> PathBuf {
        let n = if single { 1 } else { spec.files };
        let mut files = vec![GraphFile::default(); n];
        let mut next = spec.spread.iter().cycle();
        let mut to = || next.next().copied().unwrap_or(0) % n;
        for (i, (name, parent, aliases)) in spec.entities.iter().enumerate() {
            files[to()].entities.push(Entity {
                id: id(format!("e{i}")),
                name: format!("{} {i}", NAMES[*name]).replace(" 0", ""),
                kind: Kind::Organization,
                tags: vec![Tag::new("media").unwrap()],
                part_of: parent.map(|p| id(format!("e{p}"))),
                aliases: aliases.iter().map(|a| NAMES[*a].to_lowercase()).collect(),
                reliability: None,
                note: (i % 2 == 1).then(|| "a \"quoted\" note, ünïcode".to_string()),
            });
        }
        for c in 0..spec.claims {
            files[to()].claims.push(Claim {
                id: id(format!("c{c}")),
                text: format!("Claim {c}."),
                date: None,
                about: (!spec.entities.is_empty())
                    .then(|| id("e0"))
                    .into_iter()
                    .collect(),
                topics: vec![],
                found_in: vec![],
                credibility: None,
                review: None,
                note: None,
            });
        }
        for d in 0..spec.docs {
            files[to()].documents.push(Document {
                id: id(format!("d{d}")),
                title: format!("Doc {d}"),
                publisher: None,
                published: None,
                url: None,
            });
        }
        let mut seen = std::collections::HashSet::new();
        for &(e, c) in &spec.edges {
            if e < spec.entities.len() && c < spec.claims && seen.insert((e, c)) {
                files[to()].edges.push(Edge {
                    from: id(format!("e{e}")),
                    rel: Rel::Asserts,
                    to: id(format!("c{c}")),
                    date: None,
                    quote: None,
                    in_doc: None,
                    note: None,
                });
            }
        }
        let text = |mut f: GraphFile| {
            if spec.shuffled {
                f.entities.reverse();
                f.edges.reverse();
            } else {
                crate::store::sort(&mut f);
            }
            if spec.canonical {
                to_canonical_string(&f)
            } else {
                serde_json::to_string(&f).unwrap()
            }
        };
        if single {
            let path = dir.join("g.json");
            fs::write(&path, text(files.remove(0))).unwrap();
            return path;
        }
        for (i, f) in files.into_iter().enumerate() {
            fs::write(dir.join(format!("f{i}.json")), text(f)).unwrap();
        }
        dir.to_path_buf()
    }

    /// Every file of the folder `dir` and its bytes, by name.
    fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut all: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
            .unwrap()
            .flatten()
            .filter(|e| e.path().is_file() && !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        all.sort();
        all
    }

    /// What an edit did, with the folder's path taken out of names and messages.
    fn outcome(r: Result<Edited<Placed>, EditError>, dir: &Path) -> String {
        let root = dir.display().to_string();
        let text = match r {
            Ok(e) => format!("ok {} {:?} {:?}", e.value.id, e.value.path, e.written),
            Err(EditError::Usage(m)) => format!("usage {m}"),
            Err(EditError::Refused(m)) => format!("refused {m}"),
            Err(EditError::Store(s)) => format!("store {s}"),
        };
        text.replace(&root, "G")
    }

    fn new_entity() -> impl Strategy<Value = (NewEntity, Option<&'static str>)> {
        let ids = prop_oneof![
            6 => Just(None),
            1 => Just(Some("e1")),
            1 => Just(Some("c0")),
            2 => Just(Some("zz")),
            2 => Just(Some("a")),
            2 => Just(Some("e10")),
            1 => Just(Some("Bad Id")),
        ];
        let names = prop_oneof![
            2 => Just("Bench Agency"),
            1 => Just("reuters 1"),
            1 => Just("NIS"),
            1 => Just("  "),
            1 => Just("!!!"),
            4 => Just("Zeta"),
            4 => Just("Alpha"),
            4 => Just("Ezra"),
        ];
        let parents = prop_oneof![
            6 => Just(None),
            3 => Just(Some("e0")),
            2 => Just(Some("e2")),
            1 => Just(Some("c0")),
            1 => Just(Some("d0")),
            1 => Just(Some("north korea 2")),
            1 => Just(Some("e00")),
        ];
        let file = prop_oneof![
            4 => Just(None),
            1 => Just(Some("f1.json")),
            1 => Just(Some("new.json")),
            1 => Just(Some("g.json")),
            1 => Just(Some("notes.txt")),
        ];
        (
            ids,
            names,
            parents,
            prop::collection::vec(0..NAMES.len(), 0..2),
            any::<bool>(),
            file,
        )
            .prop_map(|(id, name, part_of, aliases, force, file)| {
                let new = NewEntity {
                    id: id.map(str::to_string),
                    name: name.to_string(),
                    kind: Some(Kind::Person),
                    tags: vec![Tag::new("wire").unwrap(), Tag::new("wire").unwrap()],
                    part_of: part_of.map(str::to_string),
                    aliases: aliases.iter().map(|a| format!("{} x", NAMES[*a])).collect(),
                    reliability: None,
                    note: Some("new\tline \u{202e}".into()),
                    force,
                };
                (new, file)
            })
    }

    /// Each file of `contents` as `fmt` would write it (as read, when it does not parse).
    fn normalized(contents: Vec<(String, Vec<u8>)>) -> Vec<(String, String)> {
        let canonical = |bytes: &[u8]| {
            let mut f: GraphFile = serde_json::from_slice(bytes).ok()?;
            store::sort(&mut f);
            Some(to_canonical_string(&f))
        };
        contents
            .into_iter()
            .map(|(name, bytes)| {
                let text = canonical(&bytes)
                    .unwrap_or_else(|| String::from_utf8_lossy(&bytes).into_owned());
                (name, text)
            })
            .collect()
    }

    /// Whether `after` is `before` with one run of bytes inserted somewhere.
    fn one_insertion(before: &[u8], after: &[u8]) -> bool {
        let head = before.iter().zip(after).take_while(|(a, b)| a == b).count();
        let tail = (before.iter().rev().zip(after.iter().rev()))
            .take_while(|(a, b)| a == b)
            .count();
        after.len() > before.len() && head + tail >= before.len()
    }

    /// Runs `add entity` both ways, on copies of the graph of `spec`, and checks that they
    /// answer the same; that on files in the canonical layout they leave the same bytes;
    /// and that on any layout they leave the same records, the quick path only inserting
    /// into the one file it changes.
    fn both_ways(
        dirs: (&Path, &Path),
        graphs: (&Path, &Path),
        canonical: bool,
        new: &NewEntity,
        file: Option<&Path>,
    ) -> Result<(), TestCaseError> {
        let (full_dir, quick_dir) = dirs;
        let before = contents(quick_dir);
        let full = store::edit(graphs.0, |files| {
            super::super::add_entity(files, new.clone(), file)
        });
        let quick = store::edit_quick(
            graphs.1,
            EditOptions::default(),
            |read| add_entity(read, new, file),
            |files| super::super::add_entity(files, new.clone(), file),
        );
        prop_assert_eq!(outcome(quick, quick_dir), outcome(full, full_dir));
        let (after, full) = (contents(quick_dir), contents(full_dir));
        if canonical {
            prop_assert_eq!(&after, &full);
        } else {
            prop_assert_eq!(normalized(after.clone()), normalized(full.clone()));
        }
        // Each file is as it was, or has one insertion, or (the full path taken) is the
        // full path's.
        let find = |all: &[(String, Vec<u8>)], name: &str| {
            all.iter().find(|(n, _)| n == name).map(|(_, b)| b.clone())
        };
        for (name, old) in &before {
            let new = find(&after, name).expect("no file removed");
            let kept = old == &new || one_insertion(old, &new) || find(&full, name) == Some(new);
            prop_assert!(kept, "{} rewritten", name);
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// On random graphs (one file or several, canonical or not, valid or not) and
        /// random new entities, the quick path answers what the full path does and leaves
        /// the same records; on canonical files, the same bytes.
        #[test]
        fn the_quick_path_leaves_what_the_full_path_leaves(
            spec in spec(),
            single in any::<bool>(),
            (new, file) in new_entity(),
        ) {
            let (full_dir, quick_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
            let full_graph = write(&spec, full_dir.path(), single);
            let quick_graph = write(&spec, quick_dir.path(), single);
            let dirs = (full_dir.path(), quick_dir.path());
            let graphs = (full_graph.as_path(), quick_graph.as_path());
            let canonical = spec.canonical && !spec.shuffled;
            both_ways(dirs, graphs, canonical, &new, file.map(Path::new))?;
            // Again, on the files as the first edit left them.
            let next = NewEntity { id: None, name: "Mid".into(), aliases: vec![], ..new };
            both_ways(dirs, graphs, canonical, &next, None)?;
        }
    }

    /// A canonical graph takes the quick path, at the start, middle and end of the
    /// entities, and into a new file.
    #[test]
    fn a_canonical_graph_takes_the_quick_path() {
        let dir = tempfile::tempdir().unwrap();
        let text = r#"{"entities":[{"id":"b","name":"B","kind":"country"},{"id":"d","name":"D","kind":"country"}],"claims":[{"id":"c","text":"C","about":["b"]}]}"#;
        let file: GraphFile = serde_json::from_str(text).unwrap();
        let path = dir.path().join("g.json");
        fs::write(&path, to_canonical_string(&file)).unwrap();
        for (name, want) in [("A", "a"), ("C", "c-2"), ("E", "e")] {
            let sources = vec![Source {
                name: path.display().to_string(),
                bytes: fs::read(&path).unwrap(),
            }];
            let read = Read {
                root: &path,
                single: true,
                sources: &sources,
                cache: true,
            };
            let new = NewEntity {
                name: name.into(),
                kind: Some(Kind::Country),
                ..NewEntity::default()
            };
            let quick = add_entity(read, &new, None).unwrap();
            assert!(
                matches!(&quick, Quick::Insert { value, .. } if value.id.as_str() == want),
                "{quick:?}"
            );
            let done = store::edit_quick(
                &path,
                EditOptions::default(),
                |r| add_entity(r, &new, None),
                |_| unreachable!("the quick path"),
            );
            assert_eq!(done.unwrap().value.id.as_str(), want);
        }
        let g = load::from_path(&path).unwrap().graph;
        let ids: Vec<&str> = g.entity_refs().map(|e| e.entity.id.as_str()).collect();
        assert_eq!(ids.len(), 5);
        let again = to_canonical_string(&g.to_graph_file());
        assert_eq!(fs::read_to_string(&path).unwrap(), again);
    }
}
