//! Hostile files and values: what an attacker who controls a graph folder, a git repository or
//! the text of a record can make claimgraph do. Each test is named after the defect it
//! guards (`defectN_…`), found by trying exactly that against the tool.

use crate::util::{cmd, output, root, run_on, Run};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs `c` for at most `limit`; `None` (the process killed) when it did not finish.
fn run_within(mut c: Command, limit: Duration) -> Option<Run> {
    let dir = tempfile::tempdir().expect("temp dir");
    let (o, e) = (dir.path().join("out"), dir.path().join("err"));
    c.stdout(std::fs::File::create(&o).unwrap())
        .stderr(std::fs::File::create(&e).unwrap());
    let mut child = c.spawn().expect("claimgraph runs");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("poll") {
            break Some(s);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let status = status?;
    Some(Run {
        stdout: String::from_utf8_lossy(&std::fs::read(&o).unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&std::fs::read(&e).unwrap()).into_owned(),
        code: status.code().unwrap_or(-1),
    })
}

/// A copy of the shipped graph in a temporary folder.
fn shipped_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for e in std::fs::read_dir(root().join("graph")).unwrap() {
        let e = e.unwrap();
        if e.file_name().to_string_lossy().ends_with(".json") {
            std::fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
        }
    }
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    run_on(dir, args)
}

// ---------------------------------------------------------------------------------------
// 1. Special files in the graph folder; a waiting editor.

#[test]
fn defect1_a_fifo_socket_or_device_in_the_graph_folder_is_an_error_not_a_hang() {
    type Make = Box<dyn Fn(&Path)>;
    let cases: Vec<(&str, Make)> = vec![
        (
            "fifo.json",
            Box::new(|p: &Path| {
                let st = Command::new("mkfifo").arg(p).status().expect("mkfifo");
                assert!(st.success());
            }),
        ),
        (
            "socket.json",
            Box::new(|p: &Path| {
                let l = std::os::unix::net::UnixListener::bind(p).expect("bind");
                std::mem::forget(l);
            }),
        ),
        (
            "zero.json",
            Box::new(|p: &Path| std::os::unix::fs::symlink("/dev/zero", p).unwrap()),
        ),
        (
            "tty.json",
            Box::new(|p: &Path| std::os::unix::fs::symlink("/dev/null", p).unwrap()),
        ),
    ];
    for (name, make) in cases {
        let g = shipped_copy();
        make(&g.path().join(name));
        for args in [
            &["check"][..],
            &["claims"],
            &["add", "claim", "x", "--text", "X."],
        ] {
            let mut c = cmd(args);
            c.env("CLAIMGRAPH_GRAPH", g.path());
            let r = run_within(c, Duration::from_secs(20))
                .unwrap_or_else(|| panic!("{name}: `{}` hung", args.join(" ")));
            assert_eq!(r.code, 1, "{name} {args:?}: {}", r.transcript());
            assert!(
                r.stderr.contains(name) && r.stderr.contains("not a regular file"),
                "{name} {args:?}: {}",
                r.stderr
            );
        }
    }
}

#[test]
fn defect1_a_single_file_graph_that_is_a_device_is_refused() {
    let mut c = cmd(&["claims"]);
    c.env("CLAIMGRAPH_GRAPH", "/dev/zero");
    let r = run_within(c, Duration::from_secs(20)).expect("/dev/zero as the graph hung");
    assert_eq!(r.code, 1, "{}", r.transcript());
    assert!(r.stderr.contains("/dev/zero"), "{}", r.stderr);
}

#[test]
fn defect1_a_waiting_editor_says_it_waits_and_who_holds_the_lock() {
    let g = shipped_copy();
    let lock = claimgraph::store::lock(g.path()).expect("lock");
    let dir = tempfile::tempdir().unwrap();
    let err = dir.path().join("err");
    let mut c = cmd(&["add", "claim", "waiting", "--text", "Waits."]);
    c.env("CLAIMGRAPH_GRAPH", g.path())
        .stderr(std::fs::File::create(&err).unwrap());
    let mut child = c.spawn().expect("spawn");
    std::thread::sleep(Duration::from_millis(2500));
    let said = std::fs::read_to_string(&err).unwrap();
    assert!(child.try_wait().unwrap().is_none(), "did not wait");
    drop(lock);
    assert!(child.wait().unwrap().success());
    assert!(said.contains("waiting for the lock"), "{said}");
    assert!(
        said.contains(&format!("pid {}", std::process::id())),
        "does not name the holder: {said}"
    );
}

// ---------------------------------------------------------------------------------------
// 2. `diff --rev` and git.

fn git(dir: &Path, args: &[&str]) {
    let st = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("git runs");
    assert!(st.success(), "git {args:?}");
}

/// A git repository whose `graph/` holds the shipped graph, committed.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("graph");
    std::fs::create_dir(&g).unwrap();
    for p in crate::util::shipped_files() {
        std::fs::copy(&p, g.join(p.file_name().unwrap())).unwrap();
    }
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "graph"]);
    git(dir.path(), &["commit", "-qm", "graph"]);
    dir
}

fn diff_in(repo: &Path, args: &[&str]) -> Run {
    let mut c = cmd(args);
    c.current_dir(repo);
    output(c)
}

#[test]
fn defect2_diff_rev_refuses_a_revision_that_looks_like_an_option() {
    let r = repo();
    let pwned = r.path().join("PWNED");
    git(r.path(), &["config", "man.viewer", "pwn"]);
    git(
        r.path(),
        &[
            "config",
            "man.pwn.cmd",
            &format!("touch {}", pwned.display()),
        ],
    );
    git(r.path(), &["config", "help.format", "man"]);
    for rev in ["--help", "-h", "--output=/tmp/x", "-p"] {
        let out = diff_in(r.path(), &["diff", &format!("--rev={rev}")]);
        assert_eq!(out.code, 2, "{rev}: {}", out.transcript());
        assert!(out.stdout.is_empty(), "{rev}: {}", out.stdout);
    }
    assert!(!pwned.exists(), "the repository's config ran a command");
}

#[test]
fn defect2_diff_rev_reads_committed_files_with_non_ascii_names() {
    let r = repo();
    std::fs::write(
        r.path().join("graph/données.json"),
        r#"{"claims": [{"id": "accentuee", "text": "Une affirmation."}]}"#,
    )
    .unwrap();
    git(r.path(), &["add", "graph"]);
    git(r.path(), &["commit", "-qm", "accent"]);
    let out = diff_in(r.path(), &["diff", "--rev", "HEAD"]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    assert!(
        out.stdout.starts_with("No changes"),
        "the committed données.json was left out: {}",
        out.stdout
    );
}

#[test]
fn defect2_diff_rev_without_the_graph_at_that_revision_is_an_error() {
    let r = repo();
    std::fs::write(r.path().join("other.txt"), "x").unwrap();
    git(r.path(), &["add", "other.txt"]);
    git(r.path(), &["commit", "-qm", "other"]);
    // The first commit's parent does not exist; a commit without graph/ does.
    git(r.path(), &["rm", "-rq", "graph"]);
    git(r.path(), &["commit", "-qm", "no graph"]);
    git(r.path(), &["checkout", "-q", "HEAD~1", "--", "graph"]);
    let out = diff_in(r.path(), &["diff", "--rev", "HEAD"]);
    assert_eq!(out.code, 2, "{}", out.transcript());
    assert!(out.stderr.contains("HEAD"), "{}", out.stderr);
    let out = diff_in(r.path(), &["diff", "--rev", "no-such-rev"]);
    assert_eq!(out.code, 2, "{}", out.transcript());
}

// ---------------------------------------------------------------------------------------
// 3. Terminal output.

/// A graph whose every free text carries terminal controls: a screen clear, an OSC 8
/// hyperlink, a C1 CSI, a right-to-left override, and newlines that try to forge lines.
const HOSTILE: &str = r#"{
  "documents": [
    {"id": "d1", "title": "Title \u001b[2J<script>alert(1)</script>", "publisher": "good",
     "url": "javascript:alert(1)"}
  ],
  "entities": [
    {"id": "evil", "name": "Evil \u001b[2J\u001b]8;;http://x.example/\u0007link\u001b]8;;\u0007 \u009b31m \u202egnp.exe",
     "kind": "organization", "tags": ["intelligence"], "aliases": ["Alias \u001b[2J"],
     "note": "note \u001b[2J\n# Verdict: TRUE"},
    {"id": "good", "name": "Good <img src=x onerror=alert(1)>", "kind": "organization", "tags": ["media"]}
  ],
  "claims": [
    {"id": "c1", "text": "Claim one\n↳ grounds: forged · independent\n# Verdict: TRUE \u001b[2J \u202e",
     "about": ["evil"], "topics": ["arms \u001b[2J"], "found_in": ["d1"],
     "review": {"verdict": "false", "by": "good", "note": "n \u001b[2J\n# Verdict: TRUE <script>x</script>"},
     "note": "cn \u009b2J"},
    {"id": "c2", "text": "Claim two cites \u001b]8;;http://x/\u0007one\u001b]8;;\u0007", "topics": ["arms \u001b[2J"]}
  ],
  "edges": [
    {"from": "evil", "rel": "asserts", "to": "c1", "in": "d1",
     "quote": "q \u001b[2J\n<img src=x onerror=alert(1)>\n- forged item"},
    {"from": "good", "rel": "denies", "to": "c1", "quote": "no \u202e"},
    {"from": "c2", "rel": "cites", "to": "evil", "note": "e \u001b[2J"}
  ]
}
"#;

/// The characters that must never reach a terminal from the data: C0 controls other than
/// newline and tab, DEL, C1 controls, bidi overrides and isolates.
fn raw_controls(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| {
            let u = c as u32;
            (u < 0x20 && c != '\n' && c != '\t')
                || (0x7f..=0x9f).contains(&u)
                || (0x202a..=0x202e).contains(&u)
                || (0x2066..=0x2069).contains(&u)
        })
        .collect()
}

fn hostile_graph() -> tempfile::TempDir {
    crate::util::graph_dir(&[("hostile.json", HOSTILE)])
}

#[test]
fn defect3_hostile_text_never_reaches_the_terminal_raw() {
    let g = hostile_graph();
    let empty = crate::util::graph_dir(&[("empty.json", "{}")]);
    let text = g.path().join("news.txt");
    std::fs::write(
        &text,
        "Evil \u{1b}[2J said on Monday that \u{9b}31m North Korea \u{202e} had sent shells to Russia.\n",
    )
    .unwrap();
    let old = empty.path().to_str().unwrap();
    let new = g.path().to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["claims"],
        vec!["claims", "--format", "ids"],
        vec!["entities"],
        vec!["sources", "--all"],
        vec!["show", "evil"],
        vec!["show", "c1"],
        vec!["show", "d1"],
        vec!["why", "c1"],
        vec!["why", "c2"],
        vec!["report", "c1"],
        vec!["diff", old, new],
        vec!["diff", new, old],
        vec!["stats"],
        vec!["check"],
        vec!["extract", text.to_str().unwrap()],
        vec!["show", "Alias \u{1b}[2J"],
        vec!["show", "evi\u{1b}[2Jl"],
        vec!["claims", "--grep", "one"],
    ];
    for args in &commands {
        let r = run_in(g.path(), args);
        for (stream, s) in [("stdout", &r.stdout), ("stderr", &r.stderr)] {
            let bad = raw_controls(s);
            assert!(
                bad.is_empty(),
                "`{}` printed {bad:?} raw on {stream}:\n{}",
                args.join(" "),
                r.transcript()
            );
        }
    }
    let show = run_in(g.path(), &["show", "evil"]);
    assert!(show.stdout.contains("\\u{1b}[2J"), "{}", show.stdout);
    assert!(show.stdout.contains("\\u{202e}"), "{}", show.stdout);
}

#[test]
fn defect3_a_file_name_in_a_message_cannot_drive_the_terminal() {
    let g = crate::util::graph_dir(&[("bad\u{1b}[2J\u{202e}.json", "{\"claims\": [}")]);
    let r = run_in(g.path(), &["check"]);
    assert_eq!(r.code, 1, "{}", r.transcript());
    assert!(raw_controls(&r.stderr).is_empty(), "{}", r.stderr);
    assert!(r.stderr.contains("bad\\u{1b}[2J"), "{}", r.stderr);
    let missing = g.path().join("no\u{1b}[2J");
    let mut c = cmd(&["claims"]);
    c.env("CLAIMGRAPH_GRAPH", &missing);
    let r = output(c);
    assert!(raw_controls(&r.stderr).is_empty(), "{}", r.stderr);
}

#[test]
fn defect3_a_newline_in_a_claim_text_cannot_forge_a_line() {
    let g = hostile_graph();
    for args in [
        &["show", "c1"][..],
        &["why", "c1"],
        &["claims"],
        &["report", "c1"],
    ] {
        let r = run_in(g.path(), args);
        assert_eq!(r.code, 0, "{}", r.transcript());
        for line in r.stdout.lines() {
            let t = line.trim_start();
            assert!(
                !t.starts_with("↳ grounds: forged")
                    && !t.starts_with("# Verdict")
                    && !t.starts_with("- forged"),
                "`{}` printed a forged line {line:?}:\n{}",
                args.join(" "),
                r.stdout
            );
        }
    }
}

#[test]
fn defect3_json_output_stays_exact() {
    let g = hostile_graph();
    let r = run_in(g.path(), &["show", "c1", "--format", "json"]);
    assert_eq!(
        r.json()["text"],
        "Claim one\n↳ grounds: forged · independent\n# Verdict: TRUE \u{1b}[2J \u{202e}"
    );
    let r = run_in(g.path(), &["entities", "--format", "json"]);
    assert!(r.json()[0]["name"].as_str().unwrap().contains('\u{9b}'));
}

// ---------------------------------------------------------------------------------------
// 4. Markdown, ClaimReview.

#[test]
fn defect4_report_markdown_escapes_html_and_links_only_http() {
    let g = hostile_graph();
    let r = run_in(g.path(), &["report", "c1"]);
    assert_eq!(r.code, 0, "{}", r.transcript());
    for bad in ["<script", "<img", "](javascript:", "javascript:alert(1))"] {
        assert!(!r.stdout.contains(bad), "{bad} in:\n{}", r.stdout);
    }
    let headings: Vec<&str> = r.stdout.lines().filter(|l| l.starts_with('#')).collect();
    assert!(
        headings.iter().all(|h| !h.contains("Verdict")),
        "{headings:?}"
    );
    // An http(s) address is still a link.
    let fine = HOSTILE.replace("javascript:alert(1)", "https://example.org/a_(b)");
    let g = crate::util::graph_dir(&[("g.json", &fine)]);
    let r = run_in(g.path(), &["report", "c1"]);
    assert!(
        r.stdout.contains("](https://example.org/a_%28b%29)"),
        "{}",
        r.stdout
    );
}

#[test]
fn defect4_claimreview_cannot_close_a_script_block_and_url_base_is_checked() {
    let g = hostile_graph();
    let r = run_in(
        g.path(),
        &[
            "export",
            "--format",
            "claimreview",
            "--url-base",
            "https://desk.example/r/",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.transcript());
    assert!(!r.stdout.contains("</"), "{}", r.stdout);
    assert!(!r.stdout.contains('<'), "{}", r.stdout);
    let v = r.json();
    assert!(v[0]["claimReviewed"]
        .as_str()
        .unwrap()
        .contains("# Verdict"));
    for bad in [
        "javascript:alert(1)",
        "ftp://x/",
        "https://",
        "/relative/",
        "desk.example/",
    ] {
        let r = run_in(
            g.path(),
            &["export", "--format", "claimreview", "--url-base", bad],
        );
        assert_eq!(r.code, 2, "{bad}: {}", r.transcript());
    }
    let r = run_in(g.path(), &["export", "--format", "claimreview"]);
    assert_eq!(r.code, 2, "{}", r.transcript());
}

#[test]
fn defect4_check_warns_on_a_document_url_that_is_not_http() {
    let g = hostile_graph();
    let r = run_in(g.path(), &["check"]);
    assert!(
        r.stderr.contains("d1") && r.stderr.contains("url"),
        "{}",
        r.stderr
    );
}

// ---------------------------------------------------------------------------------------
// 5. Multi-file edits killed between renames.

/// The graph as `export --format json` prints it, or the failure.
fn export(dir: &Path) -> String {
    let r = run_in(dir, &["export", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.transcript());
    r.stdout
}

/// Runs `edit` with the fault hook at every rename point: each time the next command must
/// see the old graph or the new one, and `check` must pass.
fn every_rename_point(edit: &[&str]) {
    let before = shipped_copy();
    let old = export(before.path());
    let done = shipped_copy();
    let r = run_in(done.path(), edit);
    assert_eq!(r.code, 0, "{}", r.transcript());
    assert!(
        r.stderr.matches("wrote").count() >= 3,
        "{edit:?} must touch several files: {}",
        r.stderr
    );
    let new = export(done.path());
    assert_ne!(old, new);
    let mut faults = 0;
    for n in 0.. {
        let g = shipped_copy();
        let mut c = cmd(edit);
        c.env("CLAIMGRAPH_GRAPH", g.path())
            .env("CLAIMGRAPH_FAULT_AFTER_RENAMES", n.to_string());
        let r = output(c);
        if r.code == 0 {
            break;
        }
        faults += 1;
        let seen = export(g.path());
        assert!(
            seen == old || seen == new,
            "{edit:?} killed after {n} renames left a mixed graph"
        );
        if n >= 1 {
            // The journal is the first rename: from there on the edit is rolled forward.
            assert_eq!(
                seen, new,
                "{edit:?} killed after {n} renames was not rolled forward"
            );
        }
        let check = run_in(g.path(), &["check"]);
        assert_eq!(check.code, 0, "{}", check.transcript());
        // The next edit sweeps what the killed one left.
        let next = run_in(g.path(), &["add", "claim", "after", "--text", "After."]);
        assert_eq!(next.code, 0, "{}", next.transcript());
        let names: Vec<String> = std::fs::read_dir(g.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".cgtmp") || n.contains("journal"))
            .collect();
        assert!(names.is_empty(), "left behind: {names:?}");
    }
    assert!(
        faults >= 4,
        "{edit:?}: the fault hook fired only {faults} times"
    );
}

#[test]
fn defect5_a_merge_killed_between_renames_is_all_or_nothing() {
    every_rename_point(&["merge", "kim-jong-un", "north-korea"]);
}

#[test]
fn defect5_a_rename_killed_between_renames_is_all_or_nothing() {
    every_rename_point(&["rename", "north-korea", "dprk"]);
}

#[test]
fn defect5_a_cascading_rm_killed_between_renames_is_all_or_nothing() {
    every_rename_point(&["rm", "--cascade", "north-korea"]);
}

#[test]
fn defect5_a_read_finds_an_interrupted_edit_and_sees_it_whole() {
    let g = shipped_copy();
    let mut c = cmd(&["rename", "north-korea", "dprk"]);
    c.env("CLAIMGRAPH_GRAPH", g.path())
        .env("CLAIMGRAPH_FAULT_AFTER_RENAMES", "2");
    assert_ne!(output(c).code, 0);
    let r = run_in(g.path(), &["show", "dprk", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.transcript());
    assert!(!run_in(g.path(), &["export", "--format", "json"])
        .stdout
        .contains("\"north-korea\""));
}

// ---------------------------------------------------------------------------------------
// 6. Files created by export --out and man --dir.

#[test]
fn defect6_export_out_and_man_dir_never_write_through_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let out = dir.path().join("csv");
    std::fs::create_dir(&out).unwrap();
    for name in ["nodes.csv", "edges.csv", "support.csv", "kuzu.cypher"] {
        std::os::unix::fs::symlink(&victim, out.join(name)).unwrap();
    }
    let r = crate::util::run(&["export", "--format", "csv", "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.transcript());
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(std::fs::symlink_metadata(out.join("nodes.csv"))
        .unwrap()
        .is_file());
    let man = dir.path().join("man");
    std::fs::create_dir(&man).unwrap();
    std::os::unix::fs::symlink(&victim, man.join("claimgraph.1")).unwrap();
    let r = crate::util::run(&["man", "--dir", man.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.transcript());
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(std::fs::read_to_string(man.join("claimgraph.1"))
        .unwrap()
        .contains(".TH"));
}

#[test]
fn defect6_man_dir_creates_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let man: PathBuf = dir.path().join("share/man/man1");
    let r = crate::util::run(&["man", "--dir", man.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.transcript());
    assert!(man.join("claimgraph-claims.1").is_file());
}

// ---------------------------------------------------------------------------------------
// 7. Edits linear in the records they touch. Timing is measured by bench/edits.sh; this
// test only guards against the quadratic merge with a size where it took minutes.

#[test]
fn defect7_merging_an_entity_with_200k_edges_is_not_quadratic() {
    let n = 200_000;
    let claims: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id": "c{i}", "text": "C {i}."}}"#))
        .collect();
    let edges = |from: &str| -> String {
        (0..n)
            .map(|i| format!(r#"{{"from": "{from}", "rel": "asserts", "to": "c{i}"}}"#))
            .collect::<Vec<_>>()
            .join(",\n")
    };
    let g = crate::util::graph_dir(&[
        (
            "entities.json",
            r#"{"entities": [{"id": "keep", "name": "Keep", "kind": "country"}, {"id": "drop", "name": "Drop", "kind": "country"}]}"#,
        ),
        (
            "claims.json",
            &format!("{{\"claims\": [{}]}}", claims.join(",\n")),
        ),
        (
            "edges-1.json",
            &format!("{{\"edges\": [{}]}}", edges("keep")),
        ),
        (
            "edges-2.json",
            &format!("{{\"edges\": [{}]}}", edges("drop")),
        ),
    ]);
    let mut c = cmd(&["merge", "keep", "drop"]);
    c.env("CLAIMGRAPH_GRAPH", g.path());
    // Quadratic, this took hours; linear, a few seconds.
    let r = run_within(c, Duration::from_secs(120)).expect("merge did not finish in 2 minutes");
    assert_eq!(r.code, 0, "{}", r.transcript());
    let r = run_in(g.path(), &["stats"]);
    assert!(
        r.stdout
            .contains(&format!("edges                      {n}")),
        "{}",
        r.stdout
    );
}

#[test]
fn defect7_importing_100k_records_is_not_quadratic() {
    let n = 100_000;
    let records = |prefix: &str| -> String {
        (0..n)
            .map(|i| format!(r#"{{"id": "{prefix}{i}", "text": "C {i}.", "about": ["keep"]}}"#))
            .collect::<Vec<_>>()
            .join(",\n")
    };
    let edges: String = (0..n)
        .map(|i| format!(r#"{{"from": "keep", "rel": "asserts", "to": "new{i}"}}"#))
        .collect::<Vec<_>>()
        .join(",\n");
    let g = crate::util::graph_dir(&[
        (
            "entities.json",
            r#"{"entities": [{"id": "keep", "name": "Keep", "kind": "country"}]}"#,
        ),
        (
            "claims.json",
            &format!("{{\"claims\": [{}]}}", records("c")),
        ),
    ]);
    let frag = g.path().join("fragment.txt");
    std::fs::write(
        &frag,
        format!("{{\"claims\": [{}], \"edges\": [{edges}]}}", records("new")),
    )
    .unwrap();
    let mut c = cmd(&["import", frag.to_str().unwrap()]);
    c.env("CLAIMGRAPH_GRAPH", g.path());
    // Placing each record by a scan of the graph took hours; with an index, seconds.
    let r = run_within(c, Duration::from_secs(120)).expect("import did not finish in 2 minutes");
    assert_eq!(r.code, 0, "{}", r.transcript());
    assert!(
        r.stderr.contains(&format!("added {} records", 2 * n)),
        "{}",
        r.stderr
    );
}

// ---------------------------------------------------------------------------------------
// 8. --file names and read-only files.

#[test]
fn defect8_file_must_be_a_plain_json_name() {
    let g = shipped_copy();
    for bad in [
        "x\n.json",
        "\u{1b}[2J.json",
        " lead.json",
        "back\\slash.json",
        "tab\t.json",
        "sub/x.json",
        "x.json\u{202e}",
    ] {
        let r = run_in(
            g.path(),
            &["add", "claim", "new-claim", "--text", "New.", "--file", bad],
        );
        assert_eq!(r.code, 2, "{bad:?}: {}", r.transcript());
        assert!(raw_controls(&r.stderr).is_empty(), "{}", r.stderr);
    }
    let r = run_in(
        g.path(),
        &[
            "add",
            "claim",
            "new-claim",
            "--text",
            "New.",
            "--file",
            "fine-2024.json",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.transcript());
}

#[test]
fn defect8_a_read_only_file_is_refused_unless_forced() {
    use std::os::unix::fs::PermissionsExt;
    let g = shipped_copy();
    let claims = g.path().join("claims.json");
    std::fs::set_permissions(&claims, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&claims).unwrap();
    let r = run_in(g.path(), &["add", "claim", "ro", "--text", "Read only."]);
    assert_eq!(r.code, 1, "{}", r.transcript());
    assert!(
        r.stderr.contains("read-only") && r.stderr.contains("--force"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read(&claims).unwrap(), before);
    let r = run_in(
        g.path(),
        &["add", "--force", "claim", "ro", "--text", "Read only."],
    );
    assert_eq!(r.code, 0, "{}", r.transcript());
    assert!(std::fs::read_to_string(&claims).unwrap().contains("\"ro\""));
    let mode = std::fs::metadata(&claims).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444, "the file keeps its mode");
}

/// `add entity` on a graph in the canonical layout splices its line in without parsing the
/// files for editing: it refuses a read-only file the same way, keeps the mode when forced,
/// and leaves the layout `fmt` would.
#[test]
fn defect8_add_entity_on_a_canonical_graph_refuses_read_only_too() {
    use std::os::unix::fs::PermissionsExt;
    let g = shipped_copy();
    let r = run_in(g.path(), &["fmt", "--check"]);
    assert_eq!(
        r.code,
        0,
        "the shipped graph is canonical: {}",
        r.transcript()
    );
    let entities = g.path().join("entities.json");
    std::fs::set_permissions(&entities, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&entities).unwrap();
    let entity = [
        "entity",
        "--name",
        "Yonhap",
        "--kind",
        "organization",
        "--tag",
        "wire",
    ];
    let r = run_in(g.path(), &[&["add"][..], &entity].concat());
    assert_eq!(r.code, 1, "{}", r.transcript());
    assert!(r.stderr.contains("read-only"), "{}", r.stderr);
    assert_eq!(std::fs::read(&entities).unwrap(), before);
    let r = run_in(g.path(), &[&["add", "--force"][..], &entity].concat());
    assert_eq!(r.code, 0, "{}", r.transcript());
    assert_eq!(r.stdout.trim(), "yonhap");
    assert!(
        r.stderr.contains("wrote") && r.stderr.contains("entities.json"),
        "{}",
        r.stderr
    );
    let after = std::fs::read_to_string(&entities).unwrap();
    assert!(
        after.contains(
            r#"{"id": "yonhap", "name": "Yonhap", "kind": "organization", "tags": ["wire"]}"#
        ),
        "{after}"
    );
    // One line more, and every line of before still there (the last entity's may have
    // gained the comma that now separates it from the new one).
    let old = String::from_utf8(before).unwrap();
    assert_eq!(after.lines().count(), old.lines().count() + 1);
    for line in old.lines() {
        let with_comma = format!("{line},");
        assert!(
            after.lines().any(|l| l == line || l == with_comma),
            "{line}"
        );
    }
    let mode = std::fs::metadata(&entities).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444, "the file keeps its mode");
    let r = run_in(g.path(), &["fmt", "--check"]);
    assert_eq!(r.code, 0, "still canonical: {}", r.transcript());
}

// ---------------------------------------------------------------------------------------
// 9. Values parsed at the boundary.

#[test]
fn defect9_an_unknown_tag_is_a_usage_error_with_a_suggestion() {
    let r = crate::util::run(&["claims", "--rests-only-on", "intelligense"]);
    assert_eq!(r.code, 2, "{}", r.transcript());
    assert!(
        r.stderr.contains("did you mean \"intelligence\""),
        "{}",
        r.stderr
    );
    for args in [
        &["entities", "--tag", "medai"][..],
        &["sources", "--tag", "medai"],
    ] {
        let r = crate::util::run(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.transcript());
        assert!(r.stderr.contains("did you mean \"media\""), "{}", r.stderr);
    }
    let r = crate::util::run(&["claims", "--topic", "armz"]);
    assert_eq!(r.code, 2, "{}", r.transcript());
    assert!(r.stderr.contains("did you mean \"arms\""), "{}", r.stderr);
}

#[test]
fn defect9_a_vocabulary_tag_nobody_carries_answers_empty_and_says_so() {
    let r = crate::util::run(&["claims", "--rests-only-on", "ngo", "--format", "ids"]);
    assert_eq!(r.code, 0, "{}", r.transcript());
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert!(
        r.stderr.contains("ngo") && r.stderr.contains("no entity"),
        "{}",
        r.stderr
    );
    let r = crate::util::run(&["entities", "--tag", "ngo", "--format", "ids"]);
    assert_eq!(r.code, 0, "{}", r.transcript());
    assert!(r.stderr.contains("no entity"), "{}", r.stderr);
}

#[test]
fn defect9_sources_lists_only_grounds_something_rests_on_unless_all() {
    let g = crate::util::graph_dir(&[(
        "g.json",
        r#"{"entities": [{"id": "a", "name": "A", "kind": "country"}, {"id": "idle", "name": "Idle", "kind": "country"}],
            "claims": [{"id": "c", "text": "C."}],
            "edges": [{"from": "a", "rel": "asserts", "to": "c"}]}"#,
    )]);
    let r = run_in(g.path(), &["sources", "--format", "ids"]);
    assert_eq!(r.stdout, "a\n", "{}", r.transcript());
    let r = run_in(g.path(), &["sources", "--all", "--format", "ids"]);
    assert_eq!(r.stdout, "a\nidle\n", "{}", r.transcript());
}

#[test]
fn defect9_a_missing_graph_path_is_a_usage_error() {
    let r = crate::util::run(&["--graph", "grpah", "claims"]);
    assert_eq!(r.code, 2, "{}", r.transcript());
    assert!(r.stderr.contains("did you mean \"graph\""), "{}", r.stderr);
}
