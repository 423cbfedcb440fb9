//! The fact-checking workflow: every editing command on temporary copies of the shipped
//! graph — what it writes, where, and that a wrong edit changes nothing.

mod appearances;
mod fields;
mod ingest;
mod layout;
mod matching;
mod outputs;

use crate::util::{cmd, output, root, run_on, Run};
use std::fs;
use std::path::PathBuf;

/// A temporary copy of the shipped `graph/` (tests never touch the shipped graph).
pub struct Copy {
    pub dir: tempfile::TempDir,
}

impl Copy {
    pub fn graph(&self) -> PathBuf {
        self.dir.path().join("graph")
    }

    pub fn run(&self, args: &[&str]) -> Run {
        run_on(&self.graph(), args)
    }

    pub fn read(&self, name: &str) -> String {
        fs::read_to_string(self.graph().join(name)).expect("graph file")
    }

    /// Every file of the graph folder, by name, with its bytes.
    pub fn snapshot(&self) -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(self.graph())
            .expect("graph folder")
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
            .map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                (name, fs::read(e.path()).expect("file"))
            })
            .collect();
        files.sort();
        files
    }
}

/// Copies the shipped graph into a new temporary folder.
pub fn shipped_copy() -> Copy {
    let dir = tempfile::tempdir().expect("temp dir");
    let to = dir.path().join("graph");
    fs::create_dir(&to).expect("mkdir");
    for p in crate::util::shipped_files() {
        fs::copy(&p, to.join(p.file_name().expect("a file name"))).expect("copy");
    }
    Copy { dir }
}

/// Runs `args` and asserts it fails with `code`, says `needle`, and changes no file.
pub fn refused(g: &Copy, args: &[&str], code: i32, needle: &str) -> Run {
    let before = g.snapshot();
    let r = g.run(args);
    assert_eq!(r.code, code, "{args:?}: {}", r.stderr);
    assert!(r.stderr.contains(needle), "{args:?}: {}", r.stderr);
    assert_eq!(g.snapshot(), before, "{args:?} changed the graph");
    r
}

pub fn ok(g: &Copy, args: &[&str]) -> Run {
    let r = g.run(args);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    r
}

pub fn ids(g: &Copy, args: &[&str]) -> Vec<String> {
    ok(g, args).lines().iter().map(|s| s.to_string()).collect()
}

#[test]
fn init_makes_a_valid_graph_with_an_example_and_a_readme() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("desk");
    let r = output({
        let mut c = cmd(&["init", g.to_str().unwrap()]);
        c.current_dir(dir.path());
        c
    });
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("wrote") && r.stderr.contains("example.json"),
        "{}",
        r.stderr
    );
    assert!(fs::read_to_string(g.join("README.md"))
        .unwrap()
        .contains("claimgraph"));
    let check = run_on(&g, &["check"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    assert!(
        check.stdout.contains("0 errors, 0 warnings"),
        "{}",
        check.stdout
    );
    assert!(
        !check.stderr.contains("README"),
        "the README is not noted: {}",
        check.stderr
    );
    assert_eq!(run_on(&g, &["fmt", "--check"]).code, 0);
    let again = run_on(&g, &["init", g.to_str().unwrap()]);
    assert_eq!(again.code, 1, "{}", again.stderr);
}

#[test]
fn add_makes_ids_from_text_and_puts_records_next_to_their_kin() {
    let g = shipped_copy();
    let r = ok(
        &g,
        &[
            "add",
            "entity",
            "--name",
            "Reuters",
            "--kind",
            "organization",
            "--tag",
            "wire",
            "--part-of",
            "united-kingdom",
            "--reliability",
            "B",
        ],
    );
    assert_eq!(r.stdout, "reuters\n");
    assert!(r.stderr.contains("wrote "), "{}", r.stderr);
    assert!(r.stderr.contains("entities.json"), "{}", r.stderr);
    let r = ok(
        &g,
        &[
            "add",
            "doc",
            "--title",
            "Seoul says Pyongyang sent more shells",
            "--publisher",
            "Reuters",
            "--published",
            "2024-06-20",
        ],
    );
    assert_eq!(r.stdout, "seoul-says-pyongyang-sent-more-shells\n");
    assert!(r.stderr.contains("article.json"), "{}", r.stderr);
    let r = ok(
        &g,
        &[
            "add",
            "claim",
            "--text",
            "North Korea has sent more than 10,000 containers of munitions to Russia.",
            "--about",
            "Pyongyang",
            "--about",
            "russia",
            "--found-in",
            "seoul-says-pyongyang-sent-more-shells",
            "--topic",
            "arms",
        ],
    );
    let id = r.stdout.trim().to_string();
    assert_eq!(id, "north-korea-has-sent-more-than-10-000-containers-of");
    assert!(r.stderr.contains("claims.json"), "{}", r.stderr);
    assert!(g
        .read("claims.json")
        .contains(&format!("{{\"id\": \"{id}\", \"text\"")));
    // The same text again gets a numbered id.
    let r = ok(
        &g,
        &[
            "add",
            "claim",
            "--text",
            "North Korea has sent more than 10,000 containers of munitions to Russia.",
        ],
    );
    assert_eq!(r.stdout.trim(), format!("{id}-2"));
    // --file puts it in a new file, which the graph then reads.
    let r = ok(
        &g,
        &[
            "add",
            "claim",
            "c-elsewhere",
            "--text",
            "Elsewhere.",
            "--file",
            "reuters.json",
        ],
    );
    assert!(r.stderr.contains("reuters.json"), "{}", r.stderr);
    assert!(g.read("reuters.json").contains("c-elsewhere"));
    assert_eq!(ok(&g, &["show", "c-elsewhere"]).code, 0);
    assert_eq!(ok(&g, &["fmt", "--check"]).code, 0);
}

#[test]
fn invalid_adds_change_nothing_and_suggest() {
    let g = shipped_copy();
    refused(
        &g,
        &[
            "add",
            "entity",
            "nis",
            "--name",
            "NIS again",
            "--kind",
            "organization",
        ],
        1,
        "duplicate id \"nis\": already defined in",
    );
    refused(
        &g,
        &["add", "claim", "--text", "x", "--about", "north-corea"],
        2,
        "did you mean \"north-korea\"?",
    );
    refused(
        &g,
        &["add", "claim", "--text", "x", "--found-in", "nis"],
        2,
        "is an entity; expected a document",
    );
    refused(
        &g,
        &["add", "entity", "--name", "X", "--kind", "contry"],
        2,
        "did you mean \"country\"?",
    );
    refused(
        &g,
        &["add", "claim", "--text", "x", "--credibility", "7"],
        2,
        "expected an integer 1-6",
    );
    refused(
        &g,
        &["add", "claim", "--text", "서울"],
        2,
        "give one with --id",
    );
    refused(
        &g,
        &["add", "claim", "--text", "x", "--file", "notes.txt"],
        2,
        "expected a .json file name",
    );
}

#[test]
fn link_and_unlink_edit_edges_and_refuse_wrong_ones() {
    let g = shipped_copy();
    let claim = "nk-ballistic-missiles-to-russia";
    assert!(
        !ids(&g, &["claims", "--asserted-by", "nis", "--format", "ids"])
            .contains(&claim.to_string())
    );
    let r = ok(
        &g,
        &[
            "link",
            "NIS",
            "asserts",
            claim,
            "--in",
            "dw-2024-06-18",
            "--quote",
            "ballistic missiles",
            "--date",
            "2024-06",
        ],
    );
    assert!(
        r.stderr.contains("wrote ") && r.stderr.contains("edges.json"),
        "{}",
        r.stderr
    );
    assert!(g.read("edges.json").contains(r#"{"from": "nis", "rel": "asserts", "to": "nk-ballistic-missiles-to-russia", "date": "2024-06", "quote": "ballistic missiles", "in": "dw-2024-06-18"}"#));
    assert!(
        ids(&g, &["claims", "--asserted-by", "nis", "--format", "ids"])
            .contains(&claim.to_string())
    );
    refused(
        &g,
        &[
            "link",
            "nis",
            "asserts",
            claim,
            "--in",
            "dw-2024-06-18",
            "--quote",
            "other",
        ],
        1,
        "already in",
    );
    refused(
        &g,
        &["link", claim, "asserts", "nis"],
        1,
        "asserts and denies go from an entity to a claim",
    );
    refused(
        &g,
        &["link", "nis", "assert", claim],
        2,
        "did you mean \"asserts\"?",
    );
    refused(
        &g,
        &["link", "nsi", "asserts", claim],
        2,
        "did you mean \"nis\"?",
    );
    refused(
        &g,
        &["link", "nis", "asserts", "dw-2024-06-18"],
        2,
        "is a document",
    );
    ok(&g, &["unlink", "nis", "asserts", claim]);
    assert!(
        !ids(&g, &["claims", "--asserted-by", "nis", "--format", "ids"])
            .contains(&claim.to_string())
    );
    refused(
        &g,
        &[
            "unlink",
            "nis",
            "denies",
            "nk-arms-transfers-since-aug-2023",
        ],
        2,
        "did you mean nis asserts nk-arms-transfers-since-aug-2023",
    );
}

#[test]
fn rm_refuses_while_referenced_and_cascade_removes_the_edges() {
    let g = shipped_copy();
    let r = refused(&g, &["rm", "nk-poverty-60pct"], 1, "still refer to it");
    assert!(
        r.stderr
            .contains("edges.json: edge dw asserts nk-poverty-60pct"),
        "{}",
        r.stderr
    );
    refused(
        &g,
        &["rm", "nk-povrety-60pct"],
        2,
        "did you mean \"nk-poverty-60pct\"?",
    );
    let r = ok(&g, &["rm", "nk-poverty-60pct", "--cascade"]);
    assert!(
        r.stderr.contains("removed nk-poverty-60pct"),
        "{}",
        r.stderr
    );
    assert_eq!(g.run(&["show", "nk-poverty-60pct"]).code, 2);
    assert!(!g.read("edges.json").contains("nk-poverty-60pct"));
    assert_eq!(ok(&g, &["check"]).code, 0);
    // An entity nothing refers to goes without --cascade.
    ok(
        &g,
        &[
            "add", "entity", "lonely", "--name", "Lonely", "--kind", "person",
        ],
    );
    ok(&g, &["rm", "lonely"]);
}

#[test]
fn rename_rewrites_every_reference_in_every_file() {
    let g = shipped_copy();
    let before = ok(&g, &["claims", "--grounded-in", "nis", "--format", "ids"]).stdout;
    ok(&g, &["rename", "nis", "south-korea-nis"]);
    for (name, bytes) in g.snapshot() {
        let text = String::from_utf8(bytes).unwrap();
        assert!(!text.contains("\"nis\""), "{name} still says nis");
    }
    assert_eq!(
        ok(
            &g,
            &[
                "claims",
                "--grounded-in",
                "south-korea-nis",
                "--format",
                "ids"
            ]
        )
        .stdout,
        before
    );
    refused(&g, &["rename", "dw", "north-korea"], 1, "duplicate id");
    refused(&g, &["rename", "dw", "Deutsche Welle"], 2, "bad id");
    ok(&g, &["rename", "dw-2024-06-18", "dw-article"]);
    assert!(g
        .read("claims.json")
        .contains("\"found_in\": [\"dw-article\"]"));
}

#[test]
fn merge_moves_edges_aliases_and_tags_to_the_kept_entity() {
    let g = shipped_copy();
    ok(
        &g,
        &[
            "add",
            "entity",
            "seoul-spy-agency",
            "--name",
            "Seoul spy agency",
            "--kind",
            "organization",
            "--tag",
            "government",
            "--alias",
            "South Korean spies",
        ],
    );
    ok(
        &g,
        &[
            "link",
            "seoul-spy-agency",
            "asserts",
            "nk-ballistic-missiles-to-russia",
        ],
    );
    ok(
        &g,
        &[
            "link",
            "seoul-spy-agency",
            "asserts",
            "nk-arms-transfers-since-aug-2023",
        ],
    );
    ok(&g, &["merge", "nis", "seoul-spy-agency"]);
    let nis = ok(&g, &["show", "South Korean spies", "--format", "json"]).json();
    assert_eq!(nis["id"], "nis");
    let text = nis.to_string();
    for want in [
        "Seoul spy agency",
        "South Korean spies",
        "government",
        "intelligence",
    ] {
        assert!(text.contains(want), "{want}: {text}");
    }
    let asserted = ids(&g, &["claims", "--asserted-by", "nis", "--format", "ids"]);
    assert!(asserted.contains(&"nk-ballistic-missiles-to-russia".to_string()));
    assert!(!g.read("entities.json").contains("\"seoul-spy-agency\""));
    assert_eq!(ok(&g, &["check"]).code, 0);
    refused(
        &g,
        &["merge", "nis", "nk-poverty-60pct"],
        2,
        "expected an entity",
    );
}

#[test]
fn review_records_a_verdict_that_queries_see() {
    let g = shipped_copy();
    let claim = "nk-ballistic-missiles-to-russia";
    let r = ok(
        &g,
        &[
            "review",
            claim,
            "--verdict",
            "mostly-true",
            "--by",
            "dw",
            "--date",
            "2024-06-20",
            "--note",
            "UN panel.",
        ],
    );
    assert!(
        r.stderr.contains("unreviewed -> mostly-true"),
        "{}",
        r.stderr
    );
    assert!(g.read("claims.json").contains(r#""review": {"verdict": "mostly-true", "by": "dw", "date": "2024-06-20", "note": "UN panel."}"#));
    assert_eq!(
        ids(
            &g,
            &["claims", "--verdict", "mostly-true", "--format", "ids"]
        ),
        [claim]
    );
    refused(
        &g,
        &["review", claim, "--verdict", "mostly-tru", "--by", "dw"],
        2,
        "did you mean \"mostly-true\"?",
    );
    refused(
        &g,
        &["review", "nis", "--verdict", "false", "--by", "dw"],
        2,
        "expected a claim",
    );
    refused(
        &g,
        &["review", claim, "--verdict", "false", "--by", "dww"],
        2,
        "did you mean \"dw\"?",
    );
    let r = ok(&g, &["review", claim, "--verdict", "false", "--by", "dw"]);
    assert!(r.stderr.contains("mostly-true -> false"), "{}", r.stderr);
}

#[test]
fn edits_keep_the_file_mode() {
    use std::os::unix::fs::PermissionsExt;
    let g = shipped_copy();
    let p = g.graph().join("claims.json");
    fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
    ok(
        &g,
        &[
            "add",
            "claim",
            "--text",
            "A new claim.",
            "--found-in",
            "dw-2024-06-18",
        ],
    );
    assert_eq!(
        fs::metadata(&p).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

#[test]
fn import_refuses_clashes_or_renames_them_with_references_following() {
    let g = shipped_copy();
    let frag = g.dir.path().join("reuters.json");
    fs::write(
        &frag,
        r#"{"documents": [{"id": "dw-2024-06-18", "title": "Another article", "publisher": "dw"}],
            "entities": [{"id": "reuters", "name": "Reuters", "kind": "organization", "tags": ["wire"]}],
            "claims": [{"id": "nk-shells-by-rail", "text": "Shells went by rail.", "found_in": ["dw-2024-06-18"], "about": ["north-korea"]}],
            "edges": [{"from": "reuters", "rel": "asserts", "to": "nk-shells-by-rail", "in": "dw-2024-06-18"}]}"#,
    )
    .unwrap();
    let f = frag.to_str().unwrap();
    let r = refused(&g, &["import", f], 1, "already in the graph");
    assert!(
        r.stderr.contains("\"dw-2024-06-18\" (defined in"),
        "{}",
        r.stderr
    );
    let r = ok(&g, &["import", f, "--rename"]);
    assert!(
        r.stderr
            .contains("renamed dw-2024-06-18 to dw-2024-06-18-2"),
        "{}",
        r.stderr
    );
    let claim = ok(&g, &["show", "nk-shells-by-rail", "--format", "json"])
        .json()
        .to_string();
    assert!(claim.contains("dw-2024-06-18-2"), "{claim}");
    assert!(g.read("edges.json").contains(r#"{"from": "reuters", "rel": "asserts", "to": "nk-shells-by-rail", "in": "dw-2024-06-18-2"}"#));
    assert_eq!(ok(&g, &["check"]).code, 0);
    fs::write(
        &frag,
        r#"{"claims": [{"id": "x", "text": "t", "credibility": 9}]}"#,
    )
    .unwrap();
    refused(&g, &["import", f], 1, "claims[0].credibility");
}

#[test]
fn a_single_file_graph_is_edited_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("desk.json");
    fs::copy(root().join("graph/entities.json"), &file).unwrap();
    let r = run_on(
        &file,
        &["add", "claim", "c1", "--text", "One.", "--about", "nis"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("desk.json"), "{}", r.stderr);
    assert!(fs::read_to_string(&file).unwrap().contains("\"c1\""));
    let r = run_on(
        &file,
        &[
            "add",
            "claim",
            "c2",
            "--text",
            "Two.",
            "--file",
            "other.json",
        ],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n == "desk.json" || n == ".desk.json.lock"),
        "{names:?}"
    );
}

#[test]
fn editing_a_missing_graph_says_so_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere");
    let r = run_on(&missing, &["add", "claim", "c1", "--text", "One."]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("cannot read the graph"), "{}", r.stderr);
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn an_already_invalid_graph_is_reported_as_such_and_left_alone() {
    let g = shipped_copy();
    fs::write(
        g.graph().join("zz.json"),
        "{\"edges\": [{\"from\": \"nsi\", \"rel\": \"asserts\", \"to\": \"nk-poverty-60pct\"}]}\n",
    )
    .unwrap();
    let r = refused(
        &g,
        &["add", "claim", "c1", "--text", "One."],
        1,
        "the graph is invalid",
    );
    assert!(
        r.stderr
            .contains("zz.json:1:21: edges[0].from: unknown id \"nsi\""),
        "{}",
        r.stderr
    );
    fs::write(g.graph().join("zz.json"), "{\"edges\": [\n").unwrap();
    let r = refused(
        &g,
        &["link", "dw", "asserts", "nk-poverty-60pct"],
        1,
        "zz.json:2:",
    );
    assert!(r.stderr.contains("truncated"), "{}", r.stderr);
}
