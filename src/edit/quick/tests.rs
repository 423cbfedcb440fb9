//! The quick edits against the full path, on random graphs and edits.

use super::*;
use crate::edit::{Linked, NewClaim, NewDocument, NewEdge, NewEntity};
use crate::export::json::to_canonical_string;
use crate::load::{self, Source};
use crate::model::{Claim, Date, Document, Edge, Entity, GraphFile, Id, Kind, Rel, Tag};
use crate::store::{self, EditOptions, Edited, Files, Quick};
use proptest::prelude::*;
use std::fs;

/// A random graph: entities `e0..` (some part of an earlier one), claims `c0..` about
/// them, documents, edges (entities asserting or denying claims, claims citing claims or
/// entities, some in a document); records spread over `files` files.
#[derive(Debug, Clone)]
struct Spec {
    entities: Vec<(usize, Option<usize>, Vec<usize>)>,
    claims: usize,
    /// `(a, b, kind, doc)`: see [`edges_of`].
    edges: Vec<(usize, usize, u8, usize)>,
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
        prop::collection::vec((0..6usize, 0..5usize, 0..4u8, 0..3usize), 0..8),
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

/// A random graph with at least two entities and two claims, for new edges to join.
fn linkable_spec() -> impl Strategy<Value = Spec> {
    spec().prop_map(|mut s| {
        while s.entities.len() < 2 {
            s.entities
                .push((s.entities.len() % NAMES.len(), None, vec![]));
        }
        s.claims = s.claims.max(2);
        s
    })
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
    for edge in edges_of(spec) {
        files[to()].edges.push(edge);
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

/// The edges of `spec`, each once: for `(a, b, kind, doc)`, kind 0 is `e<a> asserts c<b>`,
/// 1 `e<a> denies c<b>`, 2 `c<a> cites c<b>`, 3 `c<a> cites e<b>`; in `d<doc>` when there
/// is such a document. Those naming a record the graph lacks, or citing itself, are left
/// out.
fn edges_of(spec: &Spec) -> Vec<Edge> {
    let (entities, claims) = (spec.entities.len(), spec.claims);
    let mut seen = std::collections::HashSet::new();
    let mut edges = Vec::new();
    for &(a, b, kind, doc) in &spec.edges {
        let (from, rel, to, ok) = match kind {
            0 => (
                format!("e{a}"),
                Rel::Asserts,
                format!("c{b}"),
                a < entities && b < claims,
            ),
            1 => (
                format!("e{a}"),
                Rel::Denies,
                format!("c{b}"),
                a < entities && b < claims,
            ),
            2 => (
                format!("c{a}"),
                Rel::Cites,
                format!("c{b}"),
                a < claims && b < claims && a != b,
            ),
            _ => (
                format!("c{a}"),
                Rel::Cites,
                format!("e{b}"),
                a < claims && b < entities,
            ),
        };
        let in_doc = (doc < spec.docs).then(|| id(format!("d{doc}")));
        if ok && seen.insert((from.clone(), rel, to.clone(), in_doc.clone())) {
            edges.push(Edge {
                from: id(from),
                rel,
                to: id(to),
                date: None,
                quote: (doc == 1).then(|| "a \"quote\"".to_string()),
                in_doc,
                note: None,
            });
        }
    }
    edges
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
fn outcome<T: std::fmt::Debug>(r: Result<Edited<T>, EditError>, dir: &Path) -> String {
    let root = dir.display().to_string();
    let text = match r {
        Ok(e) => format!("ok {:?} {:?}", e.value, e.written),
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
            let text =
                canonical(&bytes).unwrap_or_else(|| String::from_utf8_lossy(&bytes).into_owned());
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

/// Two copies of one random graph: one for the full path, one for the quick path.
struct Twins {
    full: tempfile::TempDir,
    quick: tempfile::TempDir,
    /// The graph path in each (a folder, or one file).
    graphs: (PathBuf, PathBuf),
    /// Whether the files are in the canonical layout.
    canonical: bool,
}

impl Twins {
    fn of(spec: &Spec, single: bool) -> Twins {
        let (full, quick) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let graphs = (
            write(spec, full.path(), single),
            write(spec, quick.path(), single),
        );
        Twins {
            full,
            quick,
            graphs,
            canonical: spec.canonical && !spec.shuffled,
        }
    }
}

/// Runs an edit both ways, on copies of the graph of `spec` — quick (`quick`, or `full`
/// when it declines) and full — and checks that they answer the same; that on files in the
/// canonical layout they leave the same bytes; and that on any layout they leave the same
/// records, the quick path only inserting into the one file it changes.
fn both_ways<T: std::fmt::Debug>(
    twins: &Twins,
    quick: impl FnOnce(Read<'_>) -> Result<Quick<T>, EditError>,
    full: impl Fn(&mut Files) -> Result<T, EditError>,
) -> Result<(), TestCaseError> {
    let (full_dir, quick_dir) = (twins.full.path(), twins.quick.path());
    let before = contents(quick_dir);
    let by_full = store::edit(&twins.graphs.0, &full);
    let by_quick = store::edit_quick(&twins.graphs.1, EditOptions::default(), quick, &full);
    prop_assert_eq!(outcome(by_quick, quick_dir), outcome(by_full, full_dir));
    let (after, full) = (contents(quick_dir), contents(full_dir));
    if twins.canonical {
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

/// `add entity` both ways (see [`both_ways`]).
fn add_both_ways(twins: &Twins, new: &NewEntity, file: Option<&Path>) -> Result<(), TestCaseError> {
    let quick = |read: Read<'_>| add_entity(read, new, file);
    let full = |files: &mut Files| crate::edit::add_entity(files, new.clone(), file);
    both_ways(twins, quick, full)
}

/// `link` both ways (see [`both_ways`]).
fn link_both_ways(twins: &Twins, new: &NewEdge, file: Option<&Path>) -> Result<(), TestCaseError> {
    let quick = |read: Read<'_>| link(read, new, file);
    let full = |files: &mut Files| crate::edit::link(files, new.clone(), file);
    both_ways::<Linked>(twins, quick, full)
}

/// `add claim` both ways (see [`both_ways`]).
fn claim_both_ways(
    twins: &Twins,
    new: &NewClaim,
    file: Option<&Path>,
) -> Result<(), TestCaseError> {
    let quick = |read: Read<'_>| add_claim(read, new, file, |_| {});
    let full = |files: &mut Files| crate::edit::add_claim(files, new.clone(), file);
    both_ways(twins, quick, full)
}

/// New claims: ids given (free, taken, ill-formed) or made from the text; texts empty, with
/// no id to make, or whose id is taken; `about` and `found_in` by id, by name, of the wrong
/// sort or unknown; with details or not; into a file named or not.
fn new_claim() -> impl Strategy<Value = (NewClaim, Option<&'static str>)> {
    let ids = prop_oneof![
        6 => Just(None),
        1 => Just(Some("c0")),
        1 => Just(Some("e0")),
        1 => Just(Some("d0")),
        2 => Just(Some("zz")),
        2 => Just(Some("a")),
        1 => Just(Some("Bad Id")),
    ];
    let texts = prop_oneof![
        4 => Just("New finding"),
        2 => Just("Claim 1."),
        2 => Just("A first claim"),
        1 => Just("  "),
        1 => Just("!!!"),
    ];
    let about = prop::collection::vec(
        prop_oneof![
            4 => Just("e0"),
            2 => Just("e1"),
            1 => Just("reuters"),
            1 => Just("c0"),
            1 => Just("zz"),
        ],
        0..3,
    );
    let found_in = prop::collection::vec(
        prop_oneof![3 => Just("d0"), 2 => Just("d1"), 1 => Just("e0"), 1 => Just("zz")],
        0..2,
    );
    let file = prop_oneof![
        6 => Just(None),
        1 => Just(Some("f1.json")),
        1 => Just(Some("new.json")),
        1 => Just(Some("g.json")),
    ];
    (ids, texts, about, found_in, any::<(bool, bool)>(), file).prop_map(
        |(id, text, about, found_in, (details, topics), file)| {
            let strings = |v: Vec<&str>| v.into_iter().map(str::to_string).collect();
            let new = NewClaim {
                id: id.map(str::to_string),
                text: text.into(),
                date: details.then(|| Date::new("2024-06-19").unwrap()),
                about: strings(about),
                topics: if topics { vec!["arms".into()] } else { vec![] },
                found_in: strings(found_in),
                credibility: None,
                note: details.then(|| "a \"note\"\u{202e}".into()),
            };
            (new, file)
        },
    )
}

/// `add doc` both ways (see [`both_ways`]).
fn doc_both_ways(
    twins: &Twins,
    new: &NewDocument,
    file: Option<&Path>,
) -> Result<(), TestCaseError> {
    let quick = |read: Read<'_>| add_document(read, new, file);
    let full = |files: &mut Files| crate::edit::add_document(files, new.clone(), file);
    both_ways(twins, quick, full)
}

/// New documents: ids given (free, taken, ill-formed) or made from the title; titles empty
/// or with no id to make; publishers by id, by name, of the wrong sort or unknown; with
/// details or not; into a file named or not.
fn new_document() -> impl Strategy<Value = (NewDocument, Option<&'static str>)> {
    let ids = prop_oneof![
        6 => Just(None),
        1 => Just(Some("d0")),
        1 => Just(Some("e0")),
        2 => Just(Some("zz")),
        2 => Just(Some("a")),
        1 => Just(Some("Bad Id")),
    ];
    let titles = prop_oneof![
        4 => Just("New report"),
        2 => Just("Doc 1"),
        1 => Just("  "),
        1 => Just("!!!"),
    ];
    let publishers = prop_oneof![
        3 => Just(None),
        3 => Just(Some("e0")),
        1 => Just(Some("reuters")),
        1 => Just(Some("c0")),
        1 => Just(Some("zz")),
    ];
    let file = prop_oneof![
        6 => Just(None),
        1 => Just(Some("f1.json")),
        1 => Just(Some("new.json")),
        1 => Just(Some("g.json")),
    ];
    (ids, titles, publishers, any::<bool>(), file).prop_map(
        |(id, title, publisher, details, file)| {
            let new = NewDocument {
                id: id.map(str::to_string),
                title: title.into(),
                url: details.then(|| "https://example.org/a?b=\"c\"".into()),
                published: details.then(|| Date::new("2024-06-20").unwrap()),
                publisher: publisher.map(str::to_string),
            };
            (new, file)
        },
    )
}

/// New edges: mostly of a shape the graph allows (an entity asserting or denying a claim,
/// a claim citing a claim or an entity), else ends by name, unknown or ill-formed, and any
/// relation; in a document, none or an unknown one; with details or not; into a file named
/// or not.
fn new_edge() -> impl Strategy<Value = (NewEdge, Option<&'static str>)> {
    let any_end = || {
        prop_oneof![
            Just("e0"),
            Just("c0"),
            Just("reuters"),
            Just("nis 1"),
            Just("d0"),
            Just("c9"),
            Just("Bad Id"),
        ]
        .prop_map(str::to_string)
    };
    let any_rel = || prop_oneof![Just(Rel::Asserts), Just(Rel::Denies), Just(Rel::Cites)];
    let said = prop_oneof![Just(Rel::Asserts), Just(Rel::Denies)];
    let ends = prop_oneof![
        6 => (0..2usize, said, 0..2usize).prop_map(|(a, r, b)| (format!("e{a}"), r, format!("c{b}"))),
        3 => (0..2usize, 0..3usize).prop_map(|(a, b)| (format!("c{a}"), Rel::Cites, format!("c{b}"))),
        1 => (0..2usize, 0..2usize).prop_map(|(a, b)| (format!("c{a}"), Rel::Cites, format!("e{b}"))),
        2 => (any_end(), any_rel(), any_end()),
    ];
    let docs = prop_oneof![
        4 => Just(None),
        2 => Just(Some("d0")),
        2 => Just(Some("d1")),
        1 => Just(Some("zz")),
        1 => Just(Some("e0")),
    ];
    let file = prop_oneof![
        6 => Just(None),
        1 => Just(Some("f1.json")),
        1 => Just(Some("new.json")),
        1 => Just(Some("g.json")),
    ];
    (ends, docs, any::<(bool, bool, bool)>(), file).prop_map(
        |((from, rel, to), in_doc, (quote, date, note), file)| {
            let new = NewEdge {
                from,
                rel,
                to,
                in_doc: in_doc.map(str::to_string),
                quote: quote.then(|| "said \"so\"\t\u{202e}".into()),
                date: date.then(|| Date::new("2024-06").unwrap()),
                note: note.then(|| "a note".into()),
            };
            (new, file)
        },
    )
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
        let twins = Twins::of(&spec, single);
        add_both_ways(&twins, &new, file.map(Path::new))?;
        // Again, on the files as the first edit left them.
        let next = NewEntity { id: None, name: "Mid".into(), aliases: vec![], ..new };
        add_both_ways(&twins, &next, None)?;
    }

    /// On random graphs and random new edges, the quick path answers what the full path
    /// does and leaves the same records; on canonical files, the same bytes. Twice, so
    /// that the second edit may meet the first one's edge.
    #[test]
    fn a_quick_link_leaves_what_the_full_path_leaves(
        spec in linkable_spec(),
        single in any::<bool>(),
        (new, file) in new_edge(),
        (again, _) in new_edge(),
    ) {
        let twins = Twins::of(&spec, single);
        link_both_ways(&twins, &new, file.map(Path::new))?;
        link_both_ways(&twins, &again, None)?;
        link_both_ways(&twins, &new, None)?;
    }

    /// On random graphs and random new claims, the quick path answers what the full path
    /// does and leaves the same records; on canonical files, the same bytes.
    #[test]
    fn a_quick_claim_leaves_what_the_full_path_leaves(
        spec in spec(),
        single in any::<bool>(),
        (new, file) in new_claim(),
        (again, _) in new_claim(),
    ) {
        let twins = Twins::of(&spec, single);
        claim_both_ways(&twins, &new, file.map(Path::new))?;
        claim_both_ways(&twins, &again, None)?;
    }

    /// On random graphs and random new documents, the quick path answers what the full
    /// path does and leaves the same records; on canonical files, the same bytes.
    #[test]
    fn a_quick_document_leaves_what_the_full_path_leaves(
        spec in spec(),
        single in any::<bool>(),
        (new, file) in new_document(),
        (again, _) in new_document(),
    ) {
        let twins = Twins::of(&spec, single);
        doc_both_ways(&twins, &new, file.map(Path::new))?;
        doc_both_ways(&twins, &again, None)?;
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
