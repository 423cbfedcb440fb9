use super::*;
use crate::graph::{ClaimGraph, Slot};
use crate::model::Date;
use crate::support::Support;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

/// The shipped graph's files, as the loader reads them.
fn shipped() -> Vec<Source> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("graph");
    load::read_sources(&dir).expect("the shipped graph reads").0
}

fn generated(claims: usize, seed: u64) -> Vec<Source> {
    let mut bytes = Vec::new();
    let opts = claimgraph_gen::GenOptions {
        claims,
        seed,
        shape: claimgraph_gen::Shape::Realistic,
    };
    claimgraph_gen::write_graph(&mut bytes, &opts).unwrap();
    vec![Source {
        name: "gen.json".into(),
        bytes,
    }]
}

/// Everything a command can read of a graph is the same in `a` and `b`.
fn assert_same(a: &ClaimGraph, b: &ClaimGraph) {
    assert_eq!(a.files, b.files);
    assert_eq!(a.records, b.records);
    assert_eq!(a.docs, b.docs);
    assert_eq!(a.parents, b.parents);
    assert_eq!(a.claim_flags, b.claim_flags);
    assert_eq!(a.id_prefixes, b.id_prefixes);
    let edges = |g: &ClaimGraph| -> Vec<_> {
        g.g.edge_references()
            .map(|e| (e.id(), e.source(), e.target(), e.weight().clone()))
            .collect()
    };
    assert_eq!(edges(a), edges(b));
    for n in a.nodes() {
        for dir in [petgraph::Direction::Outgoing, petgraph::Direction::Incoming] {
            let adj = |g: &ClaimGraph| {
                g.g.edges_directed(n, dir)
                    .map(|e| e.id())
                    .collect::<Vec<_>>()
            };
            assert_eq!(adj(a), adj(b), "adjacency order of {n:?}");
        }
    }
    assert_eq!(a.index.len(), b.index.len());
    for (k, slot) in &a.index {
        assert_eq!(b.lookup(k.as_str()), Some(*slot));
    }
    let mut out_a = Vec::new();
    let mut out_b = Vec::new();
    crate::export::json::write_graph(&mut out_a, a).unwrap();
    crate::export::json::write_graph(&mut out_b, b).unwrap();
    assert_eq!(out_a, out_b);
}

fn round_trip(sources: &[Source]) -> (ClaimGraph, ClaimGraph) {
    let g = load::from_sources(sources).unwrap();
    let mut w = Writer::default();
    snapshot::encode(&g, &mut w).unwrap();
    let back = snapshot::decode(&mut Reader::new(&w.buf)).unwrap();
    (g, back)
}

#[test]
fn the_shipped_graph_reads_back_the_same() {
    let (g, back) = round_trip(&shipped());
    assert_same(&g, &back);
    assert!(matches!(back.lookup("nis"), Some(Slot::Node(_))));
}

#[test]
fn generated_graphs_read_back_the_same() {
    for seed in 1..=4 {
        let (g, back) = round_trip(&generated(400 * seed as usize, seed));
        assert_same(&g, &back);
    }
}

fn temp_snapshots() -> (tempfile::TempDir, Snapshots) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("g.json"), b"{}").unwrap();
    let s = Snapshots::for_graph(dir.path());
    (dir, s)
}

#[test]
fn a_second_load_is_served_from_the_snapshot_and_an_edit_is_not() {
    let (_dir, snaps) = temp_snapshots();
    let mut sources = shipped();
    assert_eq!(snaps.load(&sources).unwrap().1, Served::Files);
    assert_eq!(snaps.state(&sources), State::Fresh);
    let (warm, served) = snaps.load(&sources).unwrap();
    assert_eq!(served, Served::Snapshot);
    assert_same(&load::from_sources(&sources).unwrap(), &warm);
    // One byte changed, same length: another key.
    let pos = sources[1].bytes.iter().position(|&b| b == b'a').unwrap();
    sources[1].bytes[pos] = b'b';
    assert_eq!(snaps.state(&sources), State::Stale);
    // A renamed file, same bytes: another key too.
    let mut renamed = shipped();
    renamed[0].name.push('x');
    assert_eq!(snaps.state(&renamed), State::Stale);
}

#[test]
fn a_damaged_snapshot_is_never_used_and_is_rebuilt() {
    let (_dir, snaps) = temp_snapshots();
    let sources = shipped();
    snaps.load(&sources).unwrap();
    let good = std::fs::read(snaps.file()).unwrap();
    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x40;
    let damaged: Vec<Vec<u8>> = vec![
        flipped,
        good[..good.len() / 2].to_vec(),
        good[..good.len() - 1].to_vec(),
        Vec::new(),
        b"CGSNAP\0\x01garbage".to_vec(),
    ];
    for bytes in damaged {
        std::fs::write(snaps.file(), &bytes).unwrap();
        assert!(matches!(snaps.state(&sources), State::Unusable(_)));
        assert_eq!(snaps.load(&sources).unwrap().1, Served::Files);
        assert_eq!(std::fs::read(snaps.file()).unwrap(), good, "rebuilt");
    }
}

#[test]
fn a_snapshot_of_another_version_is_not_used() {
    let (_dir, snaps) = temp_snapshots();
    let sources = shipped();
    snaps.load(&sources).unwrap();
    let mut bytes = std::fs::read(snaps.file()).unwrap();
    bytes[MAGIC.len()] += 1; // the format version
                             // The header's checksum made right again: only the version tells it apart.
    let header_len = u32::from_le_bytes(bytes[MAGIC.len() + 4..PREFIX].try_into().unwrap());
    let n = PREFIX + header_len as usize;
    let sum = xxh3_64(&bytes[..n]).to_le_bytes();
    bytes[n..n + 8].copy_from_slice(&sum);
    std::fs::write(snaps.file(), &bytes).unwrap();
    assert!(matches!(snaps.state(&sources), State::Unusable(_)));
}

#[test]
fn an_unwritable_place_only_skips_the_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the snapshot folder would be: nothing can be written there.
    std::fs::write(dir.path().join(DIR_NAME), b"").unwrap();
    let snaps = Snapshots::for_graph(dir.path());
    let sources = shipped();
    assert_eq!(snaps.load(&sources).unwrap().1, Served::Files);
    assert_eq!(snaps.load(&sources).unwrap().1, Served::Files);
}

#[test]
fn dates_pack_and_unpack() {
    for s in ["2024", "2024-02", "2024-02-29", "0001-12-31"] {
        let d = Date::new(s).unwrap();
        assert_eq!(Date::from_bits(d.to_bits()), Some(d));
    }
    assert_eq!(Date::from_bits((2023 << 16) | (2 << 8) | 29), None);
    assert_eq!(Date::from_bits((2023 << 16) | 5), None);
}

/// A snapshot whose checksum holds but whose references do not (a `part_of` parent that is
/// another entity, an origin naming no file) is refused, not served.
#[test]
fn a_snapshot_with_broken_references_is_refused() {
    let g = load::from_sources(&shipped()).unwrap();
    let decoded = |g: &ClaimGraph| {
        let mut w = Writer::default();
        snapshot::encode(g, &mut w).unwrap();
        snapshot::decode(&mut Reader::new(&w.buf)).map(|_| ())
    };
    assert!(decoded(&g).is_ok());
    let child = g.nodes().find(|&n| g.parent(n).is_some()).unwrap();
    let other = g
        .nodes()
        .find(|&n| !g.is_claim(n) && Some(n) != g.parent(child))
        .unwrap();
    let mut wrong_parent = g.clone();
    wrong_parent.parents[child.index()] = other.index() as u32;
    assert!(decoded(&wrong_parent).is_err());
    let mut no_file = g.clone();
    no_file.records[0].origin.file = g.files.len() as u32;
    assert!(decoded(&no_file).is_err());
}

/// A temporary graph folder holding a copy of the shipped graph's files.
fn copied_graph() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("graph");
    std::fs::create_dir(&graph).unwrap();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("graph");
    for p in load::source_paths(&shipped).unwrap() {
        std::fs::copy(&p, graph.join(p.file_name().unwrap())).unwrap();
    }
    (dir, graph)
}

#[test]
fn the_support_read_back_is_the_one_computed() {
    let (_dir, snaps) = temp_snapshots();
    let sources = shipped();
    let (g, first, served) = snaps.load_with_support(&sources).unwrap();
    assert_eq!(served, Served::Files);
    let (_, warm, served) = snaps.load_with_support(&sources).unwrap();
    assert_eq!(served, Served::Snapshot);
    assert_eq!(warm.to_parts(), first.to_parts());
    assert_eq!(warm.to_parts(), Support::new(&g).to_parts());
}

#[test]
fn the_files_hashed_in_chunks_give_the_key_of_the_files_read() {
    let (_dir, graph) = copied_graph();
    let sources = load::read_sources(&graph).unwrap().0;
    assert_eq!(key_of_files(&graph).unwrap(), key(&sources));
    let one = &load::source_paths(&graph).unwrap()[0];
    let one_source = load::read_sources(one).unwrap().0;
    assert_eq!(key_of_files(one).unwrap(), key(&one_source));
}

#[test]
fn completion_names_come_from_a_fresh_snapshot_only() {
    let (_dir, graph) = copied_graph();
    let snaps = Snapshots::for_graph(&graph);
    assert_eq!(snaps.names(&graph, ""), None, "no snapshot yet");
    let sources = load::read_sources(&graph).unwrap().0;
    let (g, _) = snaps.load(&sources).unwrap();
    let names = snaps.names(&graph, "").expect("a fresh snapshot");
    assert_eq!(names, Names::of(&g));
    let some = snaps.names(&graph, "nk-").unwrap();
    assert!(!some.ids.is_empty() && some.ids.len() < names.ids.len());
    let kept: Vec<&Name> = names
        .ids
        .iter()
        .filter(|n| n.id.starts_with("nk-"))
        .collect();
    assert_eq!(some.ids.iter().collect::<Vec<_>>(), kept);
    assert_eq!(
        (some.tags, some.topics),
        (names.tags.clone(), names.topics.clone())
    );
    assert!(names.tags.iter().any(|t| t == "intelligence"));
    // A same-size edit with the modification time restored: the names are not used.
    let file = &load::source_paths(&graph).unwrap()[0];
    let before = std::fs::metadata(file).unwrap().modified().unwrap();
    let mut bytes = std::fs::read(file).unwrap();
    let pos = bytes.iter().position(|&b| b == b'a').unwrap();
    bytes[pos] = b'b';
    std::fs::write(file, &bytes).unwrap();
    std::fs::File::options()
        .write(true)
        .open(file)
        .unwrap()
        .set_modified(before)
        .unwrap();
    assert_eq!(snaps.names(&graph, ""), None);
}

#[test]
fn damaged_names_are_not_offered() {
    let (_dir, graph) = copied_graph();
    let snaps = Snapshots::for_graph(&graph);
    snaps.load(&load::read_sources(&graph).unwrap().0).unwrap();
    let header = read_header(&mut File::open(snaps.file()).unwrap()).unwrap();
    let names = header.spans[Section::Names as usize];
    let mut bytes = std::fs::read(snaps.file()).unwrap();
    bytes[(names.offset + names.len / 2) as usize] ^= 0x01;
    std::fs::write(snaps.file(), &bytes).unwrap();
    assert_eq!(snaps.names(&graph, ""), None);
}

/// Every support-only filter answered from the snapshot's claims and support picks the
/// claims, in the order, that `select` picks from the loaded graph.
#[test]
fn support_only_selections_from_the_snapshot_equal_those_of_the_graph() {
    use crate::query::{select, select_by_support, ClaimFilter};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gen.json");
    std::fs::write(&file, &generated(1500, 7)[0].bytes).unwrap();
    for graph in [copied_graph().1, file] {
        let snaps = Snapshots::for_graph(&graph);
        assert!(snaps.warm_claims(&graph).is_none(), "no snapshot yet");
        let (g, s, _) = snaps
            .load_with_support(&load::read_sources(&graph).unwrap().0)
            .unwrap();
        let warm = snaps.warm_claims(&graph).expect("a fresh snapshot");
        let mut tags = warm.tags.clone();
        tags.push("no-such-tag".into());
        for bits in 0..64u32 {
            for tag in tags.iter().map(Some).chain([None]) {
                let on = |b: u32| bits & (1 << b) != 0;
                let f = ClaimFilter {
                    rests_only_on: tag.cloned(),
                    contested: on(0),
                    ungrounded: on(1),
                    circular: on(2),
                    single_origin: on(3),
                    independent: on(4),
                    single_relay: on(5),
                    ..ClaimFilter::default()
                };
                let want: Vec<&str> = select(&g, &s, &f)
                    .iter()
                    .map(|&c| g.id(c).as_str())
                    .collect();
                let got: Vec<&str> = select_by_support(&warm.support, &f, &warm.by_id)
                    .unwrap()
                    .into_iter()
                    .map(|i| warm.id(i))
                    .collect();
                assert_eq!(got, want, "{f:?}");
            }
        }
        let f = ClaimFilter {
            interested_denial: true,
            ..ClaimFilter::default()
        };
        assert!(select_by_support(&warm.support, &f, &warm.by_id).is_none());
    }
}
