//! The quick path of `add entity`: the new entity checked against the validated graph the
//! files make (its id index, names, origins) and its line spliced into its file, instead of
//! every file parsed into editable records, the whole edited graph validated again and the
//! changed file serialized again.
//!
//! It is taken only when it leaves exactly the bytes the full path ([`super::add_entity`]
//! under [`crate::store::edit`]) would, and a valid graph:
//! - the graph as read is valid (it is loaded as a query loads it; an invalid graph takes
//!   the full path, which reports its errors);
//! - every file is canonical: its bytes are the canonical layout of its records in file
//!   order, and that order is sorted (checked by writing every record out against the
//!   bytes, unless the store's list of contents known canonical vouches for them: the
//!   bytes an earlier quick edit checked or wrote). Canonical text parses back to the same
//!   records, so the full path would read those records and write them back as they are,
//!   plus the new line at its sorted place: what the splice writes;
//! - the checks are the full path's, in its order, against the same facts (the first clash
//!   in file order, the file defining an id, the same did-you-mean), so refusals read the
//!   same;
//! - a new entity with a free, well-formed id, a non-empty name, checked values and a
//!   `part_of` naming an existing entity cannot make a valid graph invalid: nothing refers
//!   to it, so it closes no `part_of` cycle, and no rule of docs/format.md §1 relates it to
//!   any record but its parent.
//!
//! Anything else (a file not in the canonical layout, a file with no entities to place it
//! among) takes the full path, which also makes the file canonical.

use super::add::{no_slug, non_empty};
use super::names::name_taken;
use super::{
    duplicate_id, file_in_graph, resolve_in, slug, EditError, NameClash, NewEntity, Placed, Want,
};
use crate::export::json::{to_canonical_string, write_line, write_records};
use crate::graph::{ClaimGraph, EdgeData, Origin, Record, Slot};
use crate::load::{self, Source};
use crate::model::{Claim, Document, Entity, GraphFile, Id};
use crate::store::{Quick, Read};
use crate::text::fold_name;
use petgraph::stable_graph::EdgeReference;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use std::cell::Cell;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// `add entity` without parsing the files for editing, when that writes what
/// [`super::add_entity`] would ([`Quick::Full`] otherwise).
pub fn add_entity(
    read: Read<'_>,
    new: &NewEntity,
    file: Option<&Path>,
) -> Result<Quick<Placed>, EditError> {
    let plausible =
        (read.sources.iter().zip(read.canonical)).all(|(s, &k)| k || looks_canonical(&s.bytes));
    if !plausible {
        // Spare the load a file plainly in another layout would waste.
        return Ok(Quick::Full);
    }
    let Ok(g) = load::from_sources(read.sources) else {
        return Ok(Quick::Full);
    };
    let t = crate::timing::phase("canonical check");
    let files = Layout::of(&g, read.sources, read.canonical);
    drop(t);
    let Some(files) = files else {
        return Ok(Quick::Full);
    };
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
            let Some((at, bytes)) = files[f].splice(&read.sources[f].bytes, &entity) else {
                return Ok(Quick::Full);
            };
            Ok(Quick::Insert {
                value: placed(PathBuf::from(&read.sources[f].name)),
                file: f,
                at,
                bytes,
            })
        }
    }
}

/// Whether `bytes` begin and end as the canonical layout does (`{}`, or `{`, an array's
/// heading, a record's line … `  ]`, `}`): a cheap look before the full check.
fn looks_canonical(bytes: &[u8]) -> bool {
    if bytes == b"{}\n" {
        return true;
    }
    let headed = ["documents", "entities", "claims", "edges"]
        .iter()
        .any(|a| bytes.starts_with(format!("{{\n  \"{a}\": [\n    {{\"").as_bytes()));
    headed && bytes.ends_with(b"}\n  ]\n}\n")
}

/// The new entity, after the checks of [`super::add_entity`] in its order.
fn checked(
    g: &ClaimGraph,
    files: &[Layout<'_>],
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
fn entity_named(files: &[Layout<'_>], names: &[&str], name: &str) -> Option<NameClash> {
    let wanted = fold_name(name);
    if wanted.is_empty() {
        return None;
    }
    for (f, layout) in files.iter().enumerate() {
        for e in &layout.entities {
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
    files: &[Layout<'_>],
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
    let holders: Vec<usize> = (0..files.len())
        .filter(|&f| !files[f].entities.is_empty())
        .collect();
    let defined = entity
        .part_of
        .as_ref()
        .and_then(|p| defining_file(g, p.as_str()));
    // Per file: 2 if it defines the parent, 1 if one of its entities is the parent or is
    // part of it (the parent is an entity: the file defining it holds both).
    let bound = |f: usize| match &entity.part_of {
        Some(p) => {
            let mentions = files[f]
                .entities
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

/// One file's records in file order, shown to be in the canonical layout.
struct Layout<'g> {
    entities: Vec<&'g Entity>,
    /// Where each entity's line starts in the file.
    entity_lines: Vec<usize>,
}

impl<'g> Layout<'g> {
    /// Every file's records, when every file is in the canonical layout (`None` if one is
    /// not).
    fn of(g: &'g ClaimGraph, sources: &[Source], known: &[bool]) -> Option<Vec<Layout<'g>>> {
        let t = crate::timing::phase("gather records");
        let mut records = Records::of(g, sources.len());
        drop(t);
        let mut files = Vec::with_capacity(sources.len());
        for (f, src) in sources.iter().enumerate() {
            files.push(if known[f] {
                records.known(f, &src.bytes)?
            } else {
                records.canonical(g, f, &src.bytes)?
            });
        }
        Some(files)
    }

    /// Where the line of `entity` goes in `bytes` (this file's) and the bytes to insert
    /// there; `None` when the file has no entities to place it among.
    fn splice(&self, bytes: &[u8], entity: &Entity) -> Option<(usize, Vec<u8>)> {
        let last = *self.entity_lines.last()?;
        let k = self.entities.partition_point(|e| e.id < entity.id);
        let mut line = Vec::with_capacity(256);
        write_line(&mut line, entity).expect("writing to a Vec cannot fail");
        if k < self.entities.len() {
            // Before the k-th line: `    {new},\n`.
            let mut insert = b"    ".to_vec();
            insert.extend_from_slice(&line);
            insert.extend_from_slice(b",\n");
            Some((self.entity_lines[k], insert))
        } else {
            // After the last line, which gains a comma: `,\n    {new}` before its end.
            let end = last + bytes[last..].iter().position(|&b| b == b'\n')?;
            let mut insert = b",\n    ".to_vec();
            insert.extend_from_slice(&line);
            Some((end, insert))
        }
    }
}

/// Every file's records, gathered from the graph by origin.
struct Records<'g> {
    documents: Vec<Vec<(u32, &'g Document)>>,
    entities: Vec<Vec<(u32, &'g Entity)>>,
    claims: Vec<Vec<(u32, &'g Claim)>>,
    edges: Vec<Vec<EdgeReference<'g, EdgeData>>>,
}

impl<'g> Records<'g> {
    fn of(g: &'g ClaimGraph, files: usize) -> Records<'g> {
        let mut r = Records {
            documents: vec![Vec::new(); files],
            entities: vec![Vec::new(); files],
            claims: vec![Vec::new(); files],
            edges: vec![Vec::new(); files],
        };
        for d in &g.docs {
            put(&mut r.documents, d.origin, &d.doc);
        }
        for n in &g.records {
            match &n.record {
                Record::Entity(e) => put(&mut r.entities, n.origin, e),
                Record::Claim(c) => put(&mut r.claims, n.origin, c),
            }
        }
        for e in g.petgraph().edge_references() {
            if let Some(list) = r.edges.get_mut(e.weight().origin.file as usize) {
                list.push(e);
            }
        }
        r
    }

    /// File `f`'s layout, its `bytes` known to be in the canonical layout: each entity's
    /// line found by counting lines (`{`, the documents' lines between theirs, the
    /// entities' heading).
    fn known(&mut self, f: usize, bytes: &[u8]) -> Option<Layout<'g>> {
        let documents = self.documents[f].len();
        let entities = in_file_order(std::mem::take(&mut self.entities[f]));
        let skip = 1 + if documents > 0 { documents + 2 } else { 0 } + 1;
        let mut starts = std::iter::once(0).chain(
            bytes
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut entity_lines = Vec::with_capacity(entities.len());
        if !entities.is_empty() {
            entity_lines.push(starts.nth(skip)?);
            for _ in 1..entities.len() {
                entity_lines.push(starts.next()?);
            }
        }
        Some(Layout {
            entities,
            entity_lines,
        })
    }

    /// File `f`'s layout, when `bytes` are its records in the canonical layout, in file
    /// order, and that order is sorted.
    fn canonical(&mut self, g: &'g ClaimGraph, f: usize, bytes: &[u8]) -> Option<Layout<'g>> {
        let documents = in_file_order(std::mem::take(&mut self.documents[f]));
        let entities = in_file_order(std::mem::take(&mut self.entities[f]));
        let claims = in_file_order(std::mem::take(&mut self.claims[f]));
        let mut edges = std::mem::take(&mut self.edges[f]);
        edges.sort_unstable_by_key(|e| e.weight().origin.pos);
        let increasing = documents.windows(2).all(|w| w[0].id < w[1].id)
            && entities.windows(2).all(|w| w[0].id < w[1].id)
            && claims.windows(2).all(|w| w[0].id < w[1].id)
            && edges
                .windows(2)
                .all(|w| edge_key(g, &w[0]) < edge_key(g, &w[1]));
        if !increasing {
            return None;
        }
        // Compared a buffer at a time; `written` counts what went into the buffer, so it
        // is where each entity's line starts.
        let written = Cell::new(0);
        let mut entity_lines = Vec::with_capacity(entities.len());
        let mut same = io::BufWriter::with_capacity(
            1 << 16,
            Same {
                expected: bytes,
                pos: 0,
            },
        );
        let mut counted = Counted {
            inner: &mut same,
            written: &written,
        };
        write_records(
            &mut counted,
            documents.iter(),
            entities
                .iter()
                .inspect(|_| entity_lines.push(written.get())),
            claims.iter(),
            edges.iter().map(|&e| g.edge_view(e)),
        )
        .ok()?;
        let same = same.into_inner().ok()?;
        (same.pos == bytes.len()).then_some(Layout {
            entities,
            entity_lines,
        })
    }
}

/// Files `x` under its file, with its position there.
fn put<T>(lists: &mut [Vec<(u32, T)>], o: Origin, x: T) {
    if let Some(list) = lists.get_mut(o.file as usize) {
        list.push((o.pos, x));
    }
}

/// The records in the order of their positions in the file.
fn in_file_order<T>(mut list: Vec<(u32, T)>) -> Vec<T> {
    list.sort_unstable_by_key(|(pos, _)| *pos);
    list.into_iter().map(|(_, x)| x).collect()
}

/// The canonical sort key of an edge (as [`crate::model::Edge::key_cmp`]), borrowed.
fn edge_key<'g>(
    g: &'g ClaimGraph,
    e: &EdgeReference<'g, EdgeData>,
) -> (&'g Id, crate::model::Rel, &'g Id, Option<&'g Id>) {
    let w = e.weight();
    (
        g.id(e.source()),
        w.rel,
        g.id(e.target()),
        w.in_doc.map(|d| &g.document(d).doc.id),
    )
}

/// A writer that only compares what is written with `expected`, failing at the first
/// difference; `pos` is how far it has matched.
struct Same<'a> {
    expected: &'a [u8],
    pos: usize,
}

impl Write for Same<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self.expected.get(self.pos..self.pos + buf.len()) {
            Some(seen) if seen == buf => {
                self.pos += buf.len();
                Ok(buf.len())
            }
            _ => Err(io::Error::other("not the canonical layout")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A writer counting the bytes it passes on.
struct Counted<'a, W> {
    inner: W,
    written: &'a Cell<usize>,
}

impl<W: Write> Write for Counted<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written.set(self.written.get() + n);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, Kind, Rel, Tag};
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// On random graphs (one file or several, canonical or not, valid or not) and
        /// random new entities, the quick path answers and writes exactly what the full
        /// path does.
        #[test]
        fn the_quick_path_writes_what_the_full_path_writes(
            spec in spec(),
            single in any::<bool>(),
            (new, file) in new_entity(),
        ) {
            let (full_dir, quick_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
            let full_graph = write(&spec, full_dir.path(), single);
            let quick_graph = write(&spec, quick_dir.path(), single);
            let file = file.map(Path::new);
            let full = store::edit(&full_graph, |files| super::super::add_entity(files, new.clone(), file));
            let quick = store::edit_quick(
                &quick_graph,
                EditOptions::default(),
                |read| add_entity(read, &new, file),
                |files| super::super::add_entity(files, new.clone(), file),
            );
            prop_assert_eq!(outcome(quick, quick_dir.path()), outcome(full, full_dir.path()));
            prop_assert_eq!(contents(quick_dir.path()), contents(full_dir.path()));
            // Again, on files the first quick edit may have vouched for.
            let next = NewEntity { id: None, name: "Mid".into(), aliases: vec![], ..new };
            let full = store::edit(&full_graph, |files| super::super::add_entity(files, next.clone(), None));
            let quick = store::edit_quick(
                &quick_graph,
                EditOptions::default(),
                |read| add_entity(read, &next, None),
                |files| super::super::add_entity(files, next.clone(), None),
            );
            prop_assert_eq!(outcome(quick, quick_dir.path()), outcome(full, full_dir.path()));
            prop_assert_eq!(contents(quick_dir.path()), contents(full_dir.path()));
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
                canonical: &[false],
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
