//! No lost data when the disk says no: an edit on a full disk or a read-only folder fails
//! with the reason, and the graph on disk is exactly as it was. The test mounts a tiny tmpfs
//! (root only); without that right it is skipped, unless CI requires it
//! (`crate::util::missing_tool`).

use crate::util::run_on;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A 2 MB tmpfs mounted on a temporary folder, unmounted on drop.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount() -> Option<Tmpfs> {
        let dir = tempfile::tempdir().expect("temp dir");
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
            .arg(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return Some(Tmpfs { dir });
        }
        crate::util::missing_tool("cannot mount a tmpfs (it needs root, as CI has)");
        None
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount_read_only(&self) {
        let st = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .status();
        assert!(st.is_ok_and(|s| s.success()), "remount read-only");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// Copies the shipped graph into `dir/graph`; returns its folder.
fn copy_graph(dir: &Path) -> PathBuf {
    let g = dir.join("graph");
    std::fs::create_dir(&g).unwrap();
    for p in crate::util::shipped_files() {
        std::fs::copy(&p, g.join(p.file_name().unwrap())).unwrap();
    }
    g
}

/// Every file of the folder with its bytes, sorted by name (the lock file aside: it is a
/// sidecar that edits create and keep).
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_file() && e.file_name() != ".claimgraph.lock")
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

fn add_claim(g: &Path) -> crate::util::Run {
    run_on(
        g,
        &[
            "add",
            "claim",
            "--id",
            "new-claim",
            "--text",
            &"A claim that needs room. ".repeat(40),
            "--file",
            "claims.json",
        ],
    )
}

#[test]
fn an_edit_on_a_full_disk_fails_and_leaves_the_graph_intact() {
    let Some(fs) = Tmpfs::mount() else {
        return;
    };
    let g = copy_graph(fs.path());
    // Fill what is left of the 2 MB.
    let filler = fs.path().join("filler");
    let mut f = std::fs::File::create(&filler).unwrap();
    let block = vec![b'x'; 4096];
    while std::io::Write::write_all(&mut f, &block).is_ok() {}
    drop(f);
    let before = snapshot(&g);
    let r = add_claim(&g);
    assert_eq!(r.code, 1, "{}", r.transcript());
    assert!(r.stderr.contains("No space left on device"), "{}", r.stderr);
    let after = snapshot(&g);
    let names = |s: &[(String, Vec<u8>)]| s.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&after), names(&before), "no temporary file is left");
    assert!(after == before, "the graph is unchanged");
    // With room again, the same edit goes through.
    std::fs::remove_file(&filler).unwrap();
    let r = add_claim(&g);
    assert_eq!(r.code, 0, "{}", r.transcript());
}

#[test]
fn an_edit_in_a_read_only_folder_fails_and_leaves_the_graph_intact() {
    let Some(fs) = Tmpfs::mount() else {
        return;
    };
    let g = copy_graph(fs.path());
    let before = snapshot(&g);
    fs.remount_read_only();
    let r = add_claim(&g);
    assert_eq!(r.code, 1, "{}", r.transcript());
    assert!(r.stderr.contains("Read-only file system"), "{}", r.stderr);
    assert!(snapshot(&g) == before, "the graph is unchanged");
    let r = run_on(
        &g,
        &[
            "claims",
            "--rests-only-on",
            "intelligence",
            "--format",
            "ids",
        ],
    );
    assert_eq!(r.code, 0, "reading still works: {}", r.transcript());
}

/// Defect 5 (hostile.rs): a read that finds the journal of an interrupted edit and cannot
/// finish it (the disk is read-only) still sees the edit whole, not a mix.
#[test]
fn defect5_an_interrupted_edit_on_a_read_only_disk_reads_as_finished() {
    let Some(fs) = Tmpfs::mount() else {
        return;
    };
    let g = copy_graph(fs.path());
    let mut c = crate::util::cmd(&["rename", "north-korea", "dprk"]);
    c.env("CLAIMGRAPH_GRAPH", &g)
        .env("CLAIMGRAPH_FAULT_AFTER_RENAMES", "2");
    assert_ne!(
        crate::util::output(c).code,
        0,
        "the fault hook stops the edit"
    );
    fs.remount_read_only();
    assert!(g.join(".claimgraph.journal").exists());
    let r = run_on(&g, &["export", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.transcript());
    assert!(
        !r.stdout.contains("\"north-korea\""),
        "a mixed graph was read"
    );
    assert!(r.stdout.contains("\"dprk\""));
    let r = run_on(&g, &["check"]);
    assert_eq!(r.code, 0, "{}", r.transcript());
}
