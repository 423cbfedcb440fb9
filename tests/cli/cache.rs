//! The snapshot cache: a repeated load answers exactly as a parse of the files does; an
//! edit the modification time cannot reveal is never served from a stale snapshot; a
//! damaged snapshot is rebuilt; `--no-cache` and `cache clear` leave it alone or remove it;
//! shell completion offers the same names from the snapshot as from the files.

use crate::util::{cmd, graph_dir, output, run_on, Run};
use crate::workflow::shipped_copy;
use claimgraph_gen::{write_graph, GenOptions, Shape};
use std::fs;
use std::path::{Path, PathBuf};

/// Read commands whose output covers every record and every support predicate.
const READS: &[&[&str]] = &[
    &["claims", "--format", "json"],
    &[
        "claims",
        "--rests-only-on",
        "intelligence",
        "--format",
        "ids",
    ],
    &["claims", "--ungrounded", "--format", "ids"],
    &["claims", "--single-relay", "--format", "ids"],
    &["claims", "--contested", "--circular", "--format", "ids"],
    &[
        "claims",
        "--rests-only-on",
        "state-media",
        "--independent",
        "--single-origin",
        "--format",
        "ids",
    ],
    &["claims", "--format", "ids"],
    &["entities", "--format", "json"],
    &["sources", "--format", "json"],
    &["stats", "--format", "json"],
    &["export", "--format", "json"],
    &["export", "--format", "dot"],
    &["show", "nis"],
    &["why", "arms-deal-mega-deal-russian-desperation"],
    &["claims", "--as-of", "2023-12-31", "--format", "json"],
    &["claims", "--discredit", "nis", "--format", "json"],
    &["chokepoints", "--format", "json"],
    &[
        "report",
        "nk-arms-transfers-since-aug-2023",
        "--format",
        "json",
    ],
];

fn ok(r: Run, what: &str) -> String {
    assert_eq!(r.code, 0, "{what}: {}", r.stderr);
    r.stdout
}

fn snapshot_file(graph: &Path) -> PathBuf {
    let dir = if graph.is_dir() {
        graph.to_path_buf()
    } else {
        graph.parent().unwrap().to_path_buf()
    };
    let name = if graph.is_dir() {
        "graph.snapshot".to_string()
    } else {
        format!("{}.snapshot", graph.file_name().unwrap().to_string_lossy())
    };
    dir.join(".claimgraph-cache").join(name)
}

/// Each read, parsed from the files (`--no-cache`), then twice through the cache (writing
/// the snapshot, then reading it back): the same bytes every time.
fn assert_cache_changes_nothing(graph: &Path, reads: &[&[&str]]) {
    for args in reads {
        let mut cold_args = vec!["--no-cache"];
        cold_args.extend_from_slice(args);
        let cold = ok(run_on(graph, &cold_args), "cold");
        let first = ok(run_on(graph, args), "first");
        assert!(snapshot_file(graph).exists(), "a snapshot is written");
        let warm = ok(run_on(graph, args), "warm");
        assert_eq!(first, cold, "{args:?}");
        assert_eq!(warm, cold, "{args:?} from the snapshot");
    }
}

fn state(graph: &Path) -> String {
    ok(run_on(graph, &["cache", "info"]), "cache info")
}

#[test]
fn the_shipped_graph_answers_the_same_from_its_snapshot() {
    let g = shipped_copy();
    assert_cache_changes_nothing(&g.graph(), READS);
    assert!(state(&g.graph()).contains("fresh"));
}

#[test]
fn random_graphs_answer_the_same_from_their_snapshots() {
    for seed in [3, 11, 29] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("graph.json");
        let opts = GenOptions {
            claims: 500 + 300 * seed as usize,
            seed,
            shape: Shape::Realistic,
        };
        write_graph(&mut fs::File::create(&file).unwrap(), &opts).unwrap();
        assert_cache_changes_nothing(&file, &READS[..6]);
    }
}

#[test]
fn a_same_size_edit_with_the_old_mtime_restored_is_never_served_from_the_snapshot() {
    let g = shipped_copy();
    let args = ["claims", "--format", "json"];
    let before = ok(g.run(&args), "first");
    assert!(state(&g.graph()).contains("fresh"));
    let path = g.graph().join("claims.json");
    let text = fs::read_to_string(&path).unwrap();
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    // One letter of a claim's text changed in place: same size, same modification time.
    let at = text.find("\"text\": \"").unwrap() + "\"text\": \"".len();
    let old = text.as_bytes()[at];
    let new = if old == b'Z' { 'Y' } else { 'Z' };
    let mut edited = text.clone();
    edited.replace_range(at..at + 1, &new.to_string());
    assert_eq!(edited.len(), text.len());
    fs::write(&path, &edited).unwrap();
    let f = fs::File::options().write(true).open(&path).unwrap();
    f.set_modified(mtime).unwrap();
    drop(f);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), mtime);
    assert!(state(&g.graph()).contains("stale"));
    let after = ok(g.run(&args), "after the edit");
    assert_ne!(after, before, "the edit shows");
    assert_eq!(
        after,
        ok(g.run(&["--no-cache", "claims", "--format", "json"]), "cold")
    );
}

#[test]
fn a_corrupt_or_truncated_snapshot_is_rebuilt() {
    let g = shipped_copy();
    let args = ["claims", "--format", "json"];
    let cold = ok(g.run(&args), "first");
    let snap = snapshot_file(&g.graph());
    let good = fs::read(&snap).unwrap();
    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] = flipped[mid].wrapping_add(1);
    for bad in [flipped, good[..good.len() / 3].to_vec(), b"junk".to_vec()] {
        fs::write(&snap, &bad).unwrap();
        assert!(state(&g.graph()).contains("unusable"));
        assert_eq!(ok(g.run(&args), "after damage"), cold);
        assert_eq!(fs::read(&snap).unwrap(), good, "rebuilt");
        assert!(state(&g.graph()).contains("fresh"));
    }
}

/// The claim queries a snapshot answers without the graph, run after `add entity` and `add
/// claim`: every claim, every support filter, and tags the new entities carry (one nobody
/// carried before).
const AFTER_ADD: &[&[&str]] = &[
    &["claims", "--format", "ids"],
    &["claims", "--ungrounded", "--format", "ids"],
    &["claims", "--rests-only-on", "ngo", "--format", "ids"],
    &[
        "claims",
        "--rests-only-on",
        "intelligence",
        "--format",
        "ids",
    ],
    &["claims", "--rests-only-on", "wire", "--format", "ids"],
    &["claims", "--rests-only-on", "government", "--format", "ids"],
    &["claims", "--contested", "--circular", "--format", "ids"],
    &[
        "claims",
        "--ungrounded",
        "--single-relay",
        "--format",
        "ids",
    ],
    &[
        "claims",
        "--single-origin",
        "--independent",
        "--format",
        "ids",
    ],
];

fn add_entity(g: &crate::workflow::Copy, name: &str, tag: &str) {
    let add = [
        "add",
        "entity",
        "--name",
        name,
        "--kind",
        "organization",
        "--tag",
        tag,
    ];
    ok(g.run(&add), "add entity");
}

fn add_claim(g: &crate::workflow::Copy, text: &str, more: &[&str]) {
    ok(
        g.run(&[&["add", "claim", "--text", text][..], more].concat()),
        "add claim",
    );
}

/// Each claim query of [`AFTER_ADD`] says on both streams what a parse of the files says.
fn answers_as_a_parse(g: &crate::workflow::Copy) {
    for args in AFTER_ADD {
        let warm = g.run(args);
        let cold = g.run(&[&["--no-cache"][..], args].concat());
        assert_eq!(
            (warm.code, &warm.stdout, &warm.stderr),
            (cold.code, &cold.stdout, &cold.stderr),
            "{args:?}"
        );
    }
}

/// `add entity`, `add claim` and `add doc` bring a fresh snapshot up to date instead of
/// leaving it stale: the claim queries answered from the snapshot alone and completion use it, with the
/// same output on both streams as a parse of the files; a command that reads the whole
/// graph rebuilds it; `link` and an edit with `--no-cache` leave it stale, and a file
/// changed afterwards is never served from it.
#[test]
fn added_records_bring_the_snapshot_up_to_date() {
    let g = shipped_copy();
    let graph = g.graph();
    ok(g.run(&["claims", "--format", "ids"]), "writes the snapshot");
    add_entity(&g, "Yonhap", "ngo");
    add_entity(&g, "Kyodo", "wire");
    add_claim(&g, "Shells went by rail.", &["--topic", "rail"]);
    add_claim(&g, "Aardvarks came first.", &["--about", "Yonhap"]);
    let doc = [
        "add",
        "doc",
        "--title",
        "Rail report",
        "--publisher",
        "yonhap",
    ];
    ok(g.run(&doc), "add doc");
    let patched = |n: &str| state(&graph).contains(&format!("fresh with {n} added"));
    assert!(patched("5 records"), "{}", state(&graph));
    answers_as_a_parse(&g);
    assert!(patched("5 records"), "answered from the patch, not rebuilt");
    // An edit refused at its write (a read-only file) leaves the patch as it was.
    use std::os::unix::fs::PermissionsExt;
    let entities = graph.join("entities.json");
    fs::set_permissions(&entities, fs::Permissions::from_mode(0o444)).unwrap();
    let refused = g.run(&[
        "add",
        "entity",
        "--name",
        "Xinhua",
        "--kind",
        "organization",
    ]);
    assert_eq!(refused.code, 1, "{}", refused.transcript());
    fs::set_permissions(&entities, fs::Permissions::from_mode(0o644)).unwrap();
    assert!(patched("5 records"), "{}", state(&graph));
    let from_patch: Vec<String> = COMPLETIONS
        .iter()
        .map(|w| complete_fish(&graph, w))
        .collect();
    for (words, new) in [
        (["show", "y"], "yonhap\tYonhap"),
        (["why", "aa"], "aardvarks-came-first"),
        (["show", "rail-"], "rail-report\tRail report"),
    ] {
        let got = complete_fish(&graph, &[&["claimgraph"][..], &words].concat());
        assert!(got.contains(new), "{got}");
    }
    let topics = complete_fish(&graph, &["claimgraph", "claims", "--topic", "ra"]);
    assert!(topics.contains("rail"), "{topics}");
    ok(g.run(&["cache", "clear"]), "clear");
    for (words, expected) in COMPLETIONS.iter().zip(&from_patch) {
        assert_eq!(
            &complete_fish(&graph, words),
            expected,
            "{words:?} from the files"
        );
    }
    // A command that reads the whole graph writes a fresh snapshot; the patch goes.
    ok(g.run(&["stats"]), "rebuilds");
    assert!(
        state(&graph).contains("fresh (matches"),
        "{}",
        state(&graph)
    );
    add_entity(&g, "Kyodo News", "media");
    assert!(patched("1 record"), "{}", state(&graph));
    // A damaged patch is not applied: the snapshot is stale, the answers a parse's.
    let patch = graph.join(".claimgraph-cache/graph.snapshot.patch");
    let good = fs::read(&patch).unwrap();
    let mut bad = good.clone();
    bad[good.len() / 2] ^= 0x20;
    fs::write(&patch, &bad).unwrap();
    assert!(state(&graph).contains("stale"), "{}", state(&graph));
    answers_as_a_parse(&g);
    assert!(
        state(&graph).contains("fresh (matches"),
        "rebuilt: {}",
        state(&graph)
    );
    // A file changed by hand since: the patch no longer matches.
    let path = graph.join("entities.json");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replacen("\"Kyodo News\"", "\"Kyodo Newz\"", 1)).unwrap();
    assert!(state(&graph).contains("stale"), "{}", state(&graph));
    answers_as_a_parse(&g);
    // A new edge changes the support: the snapshot is left stale.
    ok(g.run(&["claims", "--format", "ids"]), "fresh again");
    ok(
        g.run(&["link", "nis", "asserts", "shells-went-by-rail"]),
        "link",
    );
    assert!(state(&graph).contains("stale"), "{}", state(&graph));
    answers_as_a_parse(&g);
    // An edit with --no-cache neither reads nor brings up to date the snapshot.
    ok(g.run(&["claims", "--format", "ids"]), "fresh again");
    let add = [
        "--no-cache",
        "add",
        "entity",
        "--name",
        "Xinhua",
        "--kind",
        "organization",
    ];
    ok(g.run(&add), "no cache");
    assert!(state(&graph).contains("stale"), "{}", state(&graph));
}

/// An edit with `--no-cache` writes nothing in the cache folder: no folder where there was
/// none, and no patch beside a fresh snapshot (which it leaves as it was).
#[test]
fn an_edit_with_no_cache_writes_nothing_in_the_cache_folder() {
    let g = shipped_copy();
    let cache = g.graph().join(".claimgraph-cache");
    let add = |name: &str| {
        let args = [
            "--no-cache",
            "add",
            "entity",
            "--name",
            name,
            "--kind",
            "organization",
        ];
        ok(g.run(&args), "no cache");
    };
    add("Yonhap");
    assert!(!cache.exists());
    ok(g.run(&["claims", "--format", "ids"]), "writes the snapshot");
    let listing = || {
        let mut names: Vec<String> = fs::read_dir(&cache)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let (before, snapshot) = (listing(), fs::read(snapshot_file(&g.graph())).unwrap());
    add("Kyodo");
    assert_eq!(listing(), before, "no patch written");
    assert_eq!(fs::read(snapshot_file(&g.graph())).unwrap(), snapshot);
}

#[test]
fn no_cache_writes_nothing_and_cache_clear_removes_the_snapshot() {
    let g = shipped_copy();
    ok(g.run(&["--no-cache", "claims"]), "no cache");
    assert!(!g.graph().join(".claimgraph-cache").exists());
    ok(g.run(&["claims"]), "cached");
    assert!(snapshot_file(&g.graph()).exists());
    // The snapshot folder is not graph data: check and fmt pass over it.
    let check = g.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        !check.stderr.contains("claimgraph-cache"),
        "{}",
        check.stderr
    );
    let before = g.snapshot();
    ok(g.run(&["fmt"]), "fmt");
    assert_eq!(g.snapshot(), before);
    let cleared = ok(g.run(&["cache", "clear"]), "clear");
    assert!(cleared.contains("removed"), "{cleared}");
    assert!(!g.graph().join(".claimgraph-cache").exists());
    assert!(state(&g.graph()).contains("none"));
}

#[test]
fn a_place_that_cannot_be_written_is_skipped_silently() {
    let dir = graph_dir(&[(
        "g.json",
        r#"{"entities": [{"id": "a", "name": "A", "kind": "person"}]}"#,
    )]);
    // A file where the snapshot folder would go.
    fs::write(dir.path().join(".claimgraph-cache"), "").unwrap();
    for _ in 0..2 {
        let r = run_on(dir.path(), &["entities", "--format", "ids"]);
        assert_eq!(
            (r.code, r.stdout.as_str(), r.stderr.as_str()),
            (0, "a\n", "")
        );
    }
}

#[test]
fn init_ignores_the_snapshot_folder() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("g");
    ok(run_on(&graph, &["init", graph.to_str().unwrap()]), "init");
    let ignore = fs::read_to_string(graph.join(".gitignore")).unwrap();
    assert!(
        ignore.lines().any(|l| l == ".claimgraph-cache/"),
        "{ignore}"
    );
}

/// What fish is offered (value, tab, help) when it completes the last of `words` on the
/// graph at `graph`.
fn complete_fish(graph: &Path, words: &[&str]) -> String {
    let mut c = cmd(&[]);
    c.env("CLAIMGRAPH_COMPLETE", "fish")
        .env("CLAIMGRAPH_GRAPH", graph)
        .arg("--")
        .args(words);
    ok(output(c), "completion")
}

/// Completions that read every kind of name: ids with their help, documents, tags, topics.
const COMPLETIONS: &[&[&str]] = &[
    &["claimgraph", "why", ""],
    &["claimgraph", "claims", "--denied-by", ""],
    &["claimgraph", "show", "n"],
    &["claimgraph", "link", "nis", "asserts", "x", "--in", ""],
    &["claimgraph", "set", ""],
    &["claimgraph", "claims", "--rests-only-on", ""],
    &["claimgraph", "claims", "--topic", ""],
];

#[test]
fn completion_offers_the_same_names_from_the_snapshot_and_never_stale_ones() {
    let g = shipped_copy();
    let graph = g.graph();
    let from_files: Vec<String> = COMPLETIONS
        .iter()
        .map(|w| complete_fish(&graph, w))
        .collect();
    assert!(
        !graph.join(".claimgraph-cache").exists(),
        "completion writes nothing"
    );
    assert!(
        from_files[0].contains("nk-ballistic-missiles-to-russia\t"),
        "{}",
        from_files[0]
    );
    ok(g.run(&["claims"]), "a load writes the snapshot");
    assert!(state(&graph).contains("fresh"));
    for (words, expected) in COMPLETIONS.iter().zip(&from_files) {
        assert_eq!(&complete_fish(&graph, words), expected, "{words:?}");
    }
    // An id renamed in place in every file, same sizes, modification times restored: the
    // new id is offered.
    for name in ["entities.json", "edges.json"] {
        let path = graph.join(name);
        let text = fs::read_to_string(&path).unwrap();
        let mtime = fs::metadata(&path).unwrap().modified().unwrap();
        assert!(text.contains("\"kcna\""));
        fs::write(&path, text.replace("\"kcna\"", "\"kcnb\"")).unwrap();
        let f = fs::File::options().write(true).open(&path).unwrap();
        f.set_modified(mtime).unwrap();
    }
    let got = complete_fish(&graph, &["claimgraph", "show", "kcn"]);
    assert!(got.starts_with("kcnb"), "{got}");
}

/// A claim query that reads only the support is answered from the snapshot with the same
/// output on both streams as a load: the notes about files passed over, and for a tag no
/// entity carries, the note that says so.
#[test]
fn support_only_queries_from_the_snapshot_say_what_a_load_says() {
    let g = shipped_copy();
    fs::write(g.graph().join("notes.txt"), "not graph data").unwrap();
    let queries: &[&[&str]] = &[
        &[
            "claims",
            "--rests-only-on",
            "intelligence",
            "--format",
            "ids",
        ],
        &["claims", "--rests-only-on", "military", "--format", "ids"],
        &[
            "claims",
            "--rests-only-on",
            "no-such-tag",
            "--format",
            "ids",
        ],
    ];
    for args in queries {
        let mut cold_args = vec!["--no-cache"];
        cold_args.extend_from_slice(args);
        let cold = g.run(&cold_args);
        g.run(args);
        let warm = g.run(args);
        assert_eq!(
            (warm.code, &warm.stdout, &warm.stderr),
            (cold.code, &cold.stdout, &cold.stderr),
            "{args:?}"
        );
        assert!(cold.stderr.contains("notes.txt"), "{}", cold.stderr);
    }
}

/// The answer from the snapshot alone (a query that reads only the support) is never stale
/// either: a claim renamed in place, same sizes and modification times, shows.
#[test]
fn a_support_only_query_never_answers_from_a_stale_snapshot() {
    let g = shipped_copy();
    let args = ["claims", "--format", "ids"];
    let before = ok(g.run(&args), "first");
    assert_eq!(ok(g.run(&args), "warm"), before);
    for p in crate::util::shipped_files() {
        let path = g.graph().join(p.file_name().unwrap());
        let text = fs::read_to_string(&path).unwrap();
        let mtime = fs::metadata(&path).unwrap().modified().unwrap();
        fs::write(
            &path,
            text.replace("putin-willing-to-visit-nk", "putin-willing-to-visit-nx"),
        )
        .unwrap();
        let f = fs::File::options().write(true).open(&path).unwrap();
        f.set_modified(mtime).unwrap();
    }
    let after = ok(g.run(&args), "after the edit");
    assert!(after.contains("putin-willing-to-visit-nx"), "{after}");
    assert_eq!(
        after,
        ok(g.run(&["--no-cache", "claims", "--format", "ids"]), "cold")
    );
}
