//! A graph as committed at a git revision (`diff --rev`), read with git's plumbing so that
//! neither the revision nor the repository can make git do anything but read:
//!
//! - a revision that starts with `-` is refused (git would take it as an option: `--help`
//!   runs `man`, and a repository's `man.viewer` can name any program);
//! - the revision is checked with `rev-parse --verify --end-of-options REV^{commit}`, and
//!   only the commit id it prints is passed on;
//! - the tree is listed with `ls-tree -z` (names unquoted, `données.json` included) and the
//!   files are read with `cat-file --batch` (no textconv, no filters);
//! - git runs without a pager, an fsmonitor hook, a terminal prompt or optional locks.
//!
//! A revision at which the graph's folder (or file) does not exist is an error, not an empty
//! graph.

use crate::load::Source;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Why the graph could not be read at a revision.
#[derive(Debug, thiserror::Error)]
pub enum RevError {
    /// The revision looks like an option.
    #[error("--rev {0:?}: a revision cannot start with '-'")]
    Dashed(String),
    /// git is not there or failed to start.
    #[error("cannot run git: {0}")]
    NoGit(String),
    /// git refused (an unknown revision, not a repository...).
    #[error("{0}")]
    Git(String),
    /// The revision has no graph at that path.
    #[error("{rev} has no graph at {path} (nothing of it is committed there)")]
    NoGraph { rev: String, path: String },
}

/// A git command in `dir` that can only read: no pager, no fsmonitor hook, no prompt.
fn git(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C")
        .arg(dir)
        .args([
            "--no-pager",
            "-c",
            "core.fsmonitor=false",
            "-c",
            "core.pager=cat",
        ])
        .env("GIT_PAGER", "cat")
        .env("PAGER", "cat")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env_remove("GIT_EXTERNAL_DIFF")
        .stdin(Stdio::null());
    c
}

/// Runs `c` and returns its stdout, or git's message.
fn output(mut c: Command, what: &str) -> Result<Vec<u8>, RevError> {
    let out = c
        .output()
        .map_err(|e| RevError::NoGit(crate::load::io_reason(&e)))?;
    if !out.status.success() {
        return Err(RevError::Git(format!(
            "git {what}: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(out.stdout)
}

/// The commit `rev` names, as a full hex id.
fn commit_of(dir: &Path, rev: &str) -> Result<String, RevError> {
    if rev.starts_with('-') {
        return Err(RevError::Dashed(rev.to_string()));
    }
    let mut c = git(dir);
    c.args(["rev-parse", "--verify", "--quiet", "--end-of-options"])
        .arg(format!("{rev}^{{commit}}"));
    let id = output(c, "rev-parse").map_err(|_| {
        RevError::Git(format!(
            "--rev {rev:?}: not a commit of the repository at {}",
            dir.display()
        ))
    })?;
    let id = String::from_utf8_lossy(&id).trim().to_string();
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(RevError::Git(format!("--rev {rev:?}: not a commit")));
    }
    Ok(id)
}

/// `(blob id, name)` of the entries of `commit` at `path` (relative to `dir`), from
/// `ls-tree -z`.
fn blobs(dir: &Path, commit: &str, path: &str) -> Result<Vec<(String, String)>, RevError> {
    let mut c = git(dir);
    c.args(["ls-tree", "-z", commit, "--", path]);
    let listing = output(c, "ls-tree")?;
    let mut found = Vec::new();
    for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        let Some(tab) = entry.iter().position(|&b| b == b'\t') else {
            continue;
        };
        let meta = String::from_utf8_lossy(&entry[..tab]);
        let name = String::from_utf8_lossy(&entry[tab + 1..]).into_owned();
        let mut parts = meta.split(' ');
        let (_mode, kind, id) = (parts.next(), parts.next(), parts.next());
        if let (Some("blob"), Some(id)) = (kind, id) {
            found.push((id.to_string(), name));
        }
    }
    Ok(found)
}

/// The contents of `ids`, in order, read with one `cat-file --batch`.
fn read_blobs(dir: &Path, ids: &[&str]) -> Result<Vec<Vec<u8>>, RevError> {
    let mut c = git(dir);
    c.args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c
        .spawn()
        .map_err(|e| RevError::NoGit(crate::load::io_reason(&e)))?;
    let mut stdin = child.stdin.take().expect("piped");
    let list: String = ids.iter().map(|id| format!("{id}\n")).collect();
    let writer = std::thread::spawn(move || stdin.write_all(list.as_bytes()));
    let out = child
        .wait_with_output()
        .map_err(|e| RevError::NoGit(crate::load::io_reason(&e)))?;
    let _ = writer.join();
    if !out.status.success() {
        return Err(RevError::Git(format!(
            "git cat-file: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    parse_batch(&out.stdout, ids.len())
}

/// Splits `cat-file --batch` output (`<id> blob <size>\n<bytes>\n` per object).
fn parse_batch(mut out: &[u8], n: usize) -> Result<Vec<Vec<u8>>, RevError> {
    let bad = || RevError::Git("git cat-file: unexpected output".to_string());
    let mut blobs = Vec::with_capacity(n);
    for _ in 0..n {
        let nl = out.iter().position(|&b| b == b'\n').ok_or_else(bad)?;
        let header = String::from_utf8_lossy(&out[..nl]);
        let size: usize = header
            .rsplit(' ')
            .next()
            .and_then(|s| s.parse().ok())
            .ok_or_else(bad)?;
        let body = out.get(nl + 1..nl + 1 + size).ok_or_else(bad)?;
        blobs.push(body.to_vec());
        out = out.get(nl + 2 + size..).unwrap_or_default();
    }
    Ok(blobs)
}

/// The graph at `graph` (a folder of `*.json` files or one file) as committed at `rev`, as
/// sources named `REV:PATH`.
pub fn sources_at(graph: &Path, rev: &str) -> Result<Vec<Source>, RevError> {
    let folder = graph.is_dir();
    let (dir, path): (PathBuf, String) = if folder {
        (graph.to_path_buf(), ".".to_string())
    } else {
        let name = graph.file_name().unwrap_or_default().to_string_lossy();
        (crate::store::parent_dir(graph), format!("./{name}"))
    };
    let commit = commit_of(&dir, rev)?;
    let mut listed = blobs(&dir, &commit, &path)?;
    if listed.is_empty() {
        return Err(RevError::NoGraph {
            rev: rev.to_string(),
            path: graph.display().to_string(),
        });
    }
    if folder {
        // The loader reads the folder's `*.json` files, hidden ones excepted.
        listed.retain(|(_, name)| {
            name.ends_with(".json") && !name.starts_with('.') && !name.contains('/')
        });
    }
    listed.sort_by(|a, b| a.1.cmp(&b.1));
    let ids: Vec<&str> = listed.iter().map(|(id, _)| id.as_str()).collect();
    let bytes = read_blobs(&dir, &ids)?;
    Ok(listed
        .into_iter()
        .zip(bytes)
        .map(|((_, name), bytes)| Source {
            name: format!(
                "{rev}:{}",
                dir.join(name.trim_start_matches("./")).display()
            ),
            bytes,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_output_is_split_by_the_sizes_it_gives() {
        let out = b"aa blob 3\n{}\n\nbb blob 0\n\n";
        let blobs = parse_batch(out, 2).unwrap();
        assert_eq!(blobs, vec![b"{}\n".to_vec(), Vec::new()]);
        assert!(parse_batch(b"aa blob 9\n{}\n", 1).is_err());
    }

    #[test]
    fn a_dashed_revision_is_refused_before_git_runs() {
        let e = sources_at(Path::new("."), "--help").unwrap_err();
        assert!(matches!(e, RevError::Dashed(_)), "{e}");
    }
}
