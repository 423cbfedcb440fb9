//! Running the binary and reading its output.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Run {
    /// stdout, stderr and exit code in one string, for snapshots.
    pub fn transcript(&self) -> String {
        format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }

    /// The stdout lines.
    pub fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    /// stdout parsed as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

/// The repository root (where `graph/` is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture path under `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// A `claimgraph` command run from the repository root, with a clean environment.
pub fn cmd(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_claimgraph"));
    c.args(args)
        .current_dir(root())
        .env_remove("CLAIMGRAPH_GRAPH")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null());
    c
}

/// Runs `claimgraph ARGS` on the shipped graph.
pub fn run(args: &[&str]) -> Run {
    output(cmd(args))
}

/// Runs `claimgraph --graph GRAPH ARGS`.
pub fn run_on(graph: &Path, args: &[&str]) -> Run {
    let mut c = cmd(args);
    c.env("CLAIMGRAPH_GRAPH", graph);
    output(c)
}

/// Runs a prepared command and collects its output.
pub fn output(mut c: Command) -> Run {
    let out = c.output().expect("claimgraph runs");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

/// Writes `files` (name, contents) into a new temporary folder: a graph for one test.
pub fn graph_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write fixture");
    }
    dir
}

/// Whether every external tool the suite uses must be present: `CLAIMGRAPH_REQUIRE_TOOLS=1`,
/// as `.ci/run` sets it, so that CI never skips a check silently.
pub fn tools_required() -> bool {
    std::env::var("CLAIMGRAPH_REQUIRE_TOOLS").as_deref() == Ok("1")
}

/// For a test whose tool is missing (`why` says which, and how to get it): fails the test
/// when tools are required, else prints a note on stderr, past the harness's capture; the
/// caller then skips the test.
pub fn missing_tool(why: &str) {
    let test = std::thread::current().name().unwrap_or("a test").to_owned();
    assert!(
        !tools_required(),
        "{test}: {why} (CLAIMGRAPH_REQUIRE_TOOLS=1 requires it)"
    );
    let _ = writeln!(std::io::stderr(), "skipping {test}: {why}");
}

/// The shipped graph's data files (`graph/*.json`), without the snapshot folder a run on the
/// shipped graph leaves beside them.
pub fn shipped_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("graph"))
        .expect("shipped graph")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}
