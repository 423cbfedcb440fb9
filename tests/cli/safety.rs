//! Safety of the editing commands under concurrency and crashes: the folder lock keeps
//! concurrent edits from losing records, and atomic replacement leaves the old or the new
//! graph — valid, never torn — when a writer is killed at any moment.

use crate::util::cmd;
use crate::workflow::shipped_copy;
use claimgraph::load;
use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// A small deterministic PRNG (xorshift64*): reproducible delays without a rand crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn claim_count(graph: &Path) -> usize {
    load::from_path(graph)
        .expect("the graph loads")
        .graph
        .claims()
        .count()
}

#[test]
fn two_writers_adding_40_claims_each_end_with_all_80() {
    let g = shipped_copy();
    let before = claim_count(&g.graph());
    let writers: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|w| {
            let graph = g.graph();
            std::thread::spawn(move || {
                for i in 0..40 {
                    let id = format!("writer-{w}-{i}");
                    let text = format!("Claim {i} of writer {w}.");
                    let mut c = cmd(&["add", "claim", &id, "--text", &text]);
                    c.env("CLAIMGRAPH_GRAPH", &graph);
                    let out = c.output().expect("claimgraph runs");
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("writer thread");
    }
    assert_eq!(claim_count(&g.graph()), before + 80);
}

#[test]
fn a_writer_waits_for_the_lock() {
    let g = shipped_copy();
    let lock = claimgraph::store::lock(&g.graph()).expect("lock");
    let mut c = cmd(&["add", "claim", "waiting", "--text", "Waits."]);
    c.env("CLAIMGRAPH_GRAPH", g.graph()).stderr(Stdio::null());
    let mut child = c.spawn().expect("spawn");
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        child.try_wait().expect("poll").is_none(),
        "the writer did not wait for the lock"
    );
    drop(lock);
    assert!(child.wait().expect("wait").success());
    assert!(g.read("claims.json").contains("\"waiting\""));
}

/// A graph of `n` claims, entities and edges in one file (a few MB).
fn large_graph(dir: &Path, n: usize) {
    let mut s = String::from("{\n  \"entities\": [\n");
    for i in 0..n / 10 {
        let sep = if i + 1 < n / 10 { "," } else { "" };
        s.push_str(&format!(
            "    {{\"id\": \"e{i:05}\", \"name\": \"Entity number {i}\", \"kind\": \"organization\", \"tags\": [\"media\"]}}{sep}\n"
        ));
    }
    s.push_str("  ],\n  \"claims\": [\n");
    for i in 0..n {
        let sep = if i + 1 < n { "," } else { "" };
        s.push_str(&format!(
            "    {{\"id\": \"c{i:06}\", \"text\": \"Claim number {i}, padded with words so that the file weighs a few megabytes as a real desk's would.\", \"topics\": [\"arms\"]}}{sep}\n"
        ));
    }
    s.push_str("  ],\n  \"edges\": [\n");
    for i in 0..n {
        let sep = if i + 1 < n { "," } else { "" };
        s.push_str(&format!(
            "    {{\"from\": \"e{:05}\", \"rel\": \"asserts\", \"to\": \"c{i:06}\"}}{sep}\n",
            i % (n / 10)
        ));
    }
    s.push_str("  ]\n}\n");
    fs::write(dir.join("big.json"), s).expect("write the large graph");
}

/// How many temporary files of interrupted writes lie in `dir`.
fn temp_files(dir: &Path) -> usize {
    fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".cgtmp"))
        .count()
}

/// The `.json` files of `dir` and their bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn killing_a_writer_at_random_moments_leaves_the_old_or_the_new_graph() {
    let dir = tempfile::tempdir().expect("temp dir");
    let graph = dir.path().join("graph");
    fs::create_dir(&graph).expect("mkdir");
    large_graph(&graph, 20_000);
    let size = fs::metadata(graph.join("big.json")).expect("meta").len();
    assert!(size > 2_000_000, "the graph is {size} bytes");
    let add = |id: &str| {
        let mut c = cmd(&[
            "add",
            "claim",
            id,
            "--text",
            "Added under fire.",
            "--file",
            "big.json",
        ]);
        c.env("CLAIMGRAPH_GRAPH", &graph)
            .stderr(Stdio::null())
            .stdout(Stdio::null());
        c
    };
    // One undisturbed run tells how long an edit takes; kills land anywhere within it.
    let t = Instant::now();
    assert!(add("calibration").status().expect("runs").success());
    let full = t.elapsed().as_micros() as u64;
    let (mut killed, mut finished, mut mid_write) = (0, 0, 0);
    for iteration in 0..20u64 {
        let old = files(&graph);
        let old_claims = claim_count(&graph);
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (iteration + 1));
        let id = format!("killed-{iteration}");
        // Half the kills land anywhere; half in the last part, where the file is written.
        let delay = if iteration % 2 == 0 {
            rng.below(full * 11 / 10)
        } else {
            full * 8 / 10 + rng.below(full * 3 / 10)
        };
        let mut child = add(&id).spawn().expect("spawn");
        std::thread::sleep(Duration::from_micros(delay));
        child.kill().expect("SIGKILL"); // std sends SIGKILL on Unix
        let status = child.wait().expect("reap");
        if status.success() {
            finished += 1
        } else {
            killed += 1
        }
        if temp_files(&graph) > 0 {
            mid_write += 1;
        }
        let now = files(&graph);
        let loaded = load::from_path(&graph).unwrap_or_else(|e| {
            panic!("iteration {iteration}: the graph is invalid after a kill:\n{e}")
        });
        let claims = loaded.graph.claims().count();
        let has_new = loaded.graph.node_by_id(&id).is_some();
        if now == old {
            assert!(!has_new);
        } else {
            assert!(
                has_new && claims == old_claims + 1,
                "iteration {iteration}: neither the old nor the new graph"
            );
        }
        assert_eq!(now.len(), old.len(), "a file went missing or appeared");
    }
    // Temporary files of killed writers are swept by the next writer.
    assert!(add("after").status().expect("runs").success());
    assert_eq!(temp_files(&graph), 0, "temporary files were not swept");
    eprintln!(
        "kill test: {killed} killed ({mid_write} after writing the temporary file), {finished} finished; an edit takes {full} µs"
    );
}
