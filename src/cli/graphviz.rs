//! Rendering DOT with Graphviz: `export --format svg|png` pipes the drawing through the
//! `dot` program when it is installed, and says how to install it when it is not.

use super::term::say;
use super::CliError;
use std::io::{self, Read, Write};
use std::process::{Command, ExitCode, Stdio};

/// Above this many nodes a drawing takes Graphviz long enough to be worth a note (a
/// 20,000-node chain takes about 16 s).
const SLOW_NODES: usize = 2_000;

/// What to do when `dot` is missing.
const INSTALL: &str = "install Graphviz (Debian/Ubuntu: `apt-get install graphviz`, \
Fedora: `dnf install graphviz`, macOS: `brew install graphviz`, others: \
https://graphviz.org/download/), or write DOT with --format dot and render it elsewhere";

/// Runs `dot -T<format>` on `dot_text` and copies the picture to `out`. A missing `dot` is
/// a usage error (exit 2); a `dot` that fails is reported with its own message (exit 1).
pub fn render(
    dot_text: &[u8],
    format: &str,
    nodes: usize,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    if nodes > SLOW_NODES {
        say!(
            "claimgraph: note: drawing {nodes} nodes; Graphviz may take a while (narrow the \
             drawing with the claim filters or --focus)"
        );
    }
    let spawned = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(CliError::Usage(format!(
                "--format {format} needs Graphviz's `dot` program, which is not installed \
                 (not found on PATH): {INSTALL}"
            )));
        }
        Err(e) => {
            return Err(CliError::Usage(format!(
                "cannot run Graphviz's `dot`: {e}; {INSTALL}"
            )))
        }
    };
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    // Feed and drain at once: dot may start writing before it has read everything.
    let (picture, messages) = std::thread::scope(|scope| {
        scope.spawn(move || {
            // A dot that dies early closes the pipe; its exit status tells why.
            let _ = stdin.write_all(dot_text);
        });
        let errors = scope.spawn(move || {
            let mut text = Vec::new();
            let _ = stderr.read_to_end(&mut text);
            text
        });
        let mut picture = Vec::new();
        let read = stdout.read_to_end(&mut picture);
        (read.map(|_| picture), errors.join().unwrap_or_default())
    });
    let status = child.wait()?;
    let picture = picture?;
    if !status.success() {
        let messages = String::from_utf8_lossy(&messages);
        say!(
            "claimgraph: Graphviz `dot -T{format}` failed ({status}):\n{}",
            messages.trim_end()
        );
        return Ok(ExitCode::from(1));
    }
    out.write_all(&picture)?;
    Ok(ExitCode::SUCCESS)
}
