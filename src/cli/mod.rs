//! The command line: clap definitions, dispatch, and what every command shares (loading the
//! graph, resolving ids typed by a person, output formats, errors and exit codes).

mod check;
mod claims;
mod entities;
mod export;
mod filter;
mod graphviz;
mod interchange;
mod show;
mod sources;
mod sparql;
mod stats;
mod table;
mod why;

use claimgraph::graph::{ClaimGraph, NodeIx, Slot};
use claimgraph::load::{self, LoadError, Loaded};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// claimgraph: who stands behind a claim, and what it really rests on.
#[derive(Debug, Parser)]
#[command(name = "claimgraph", version, about, max_term_width = 100)]
pub struct Cli {
    /// The graph: a folder of *.json files or one file.
    #[arg(
        long,
        global = true,
        env = "CLAIMGRAPH_GRAPH",
        default_value = "graph",
        value_name = "PATH"
    )]
    graph: PathBuf,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Claims(claims::Args),
    Entities(entities::Args),
    Sources(sources::Args),
    Show(show::Args),
    Why(why::Args),
    Check(check::Args),
    Stats(stats::Args),
    Export(export::Args),
    Sparql(sparql::Args),
}

/// How a list is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ListFormat {
    /// Aligned columns for reading.
    #[default]
    Table,
    /// The SPEC §4 JSON shape.
    Json,
    /// One id per line, sorted.
    Ids,
}

/// Text for people or JSON for programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum TextFormat {
    #[default]
    Text,
    Json,
}

/// Parses the command line and runs the command.
pub fn run() -> Result<ExitCode, CliError> {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return Ok(ExitCode::from(code));
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let ctx = Ctx {
        graph_path: cli.graph,
    };
    let code = match cli.command {
        Command::Claims(a) => claims::run(a, &ctx, &mut out),
        Command::Entities(a) => entities::run(a, &ctx, &mut out),
        Command::Sources(a) => sources::run(a, &ctx, &mut out),
        Command::Show(a) => show::run(a, &ctx, &mut out),
        Command::Why(a) => why::run(a, &ctx, &mut out),
        Command::Check(a) => check::run(a, &ctx, &mut out),
        Command::Stats(a) => stats::run(a, &ctx, &mut out),
        Command::Export(a) => export::run(a, &ctx, &mut out),
        Command::Sparql(a) => sparql::run(a, &ctx, &mut out),
    }?;
    out.flush()?;
    Ok(code)
}

/// What every command gets besides its own arguments.
pub struct Ctx {
    pub graph_path: PathBuf,
}

impl Ctx {
    /// Loads the graph, printing notes about ignored files to stderr. The graph is kept for
    /// the life of the process: freeing a large graph's many small allocations at exit only
    /// costs time.
    pub fn load(&self) -> Result<&'static Loaded, CliError> {
        let loaded = load::from_path(&self.graph_path)?;
        for note in &loaded.notes {
            eprintln!("claimgraph: note: {note}");
        }
        Ok(Box::leak(Box::new(loaded)))
    }
}

/// Resolves an id, name or alias typed on the command line (exit 2 when unknown).
pub fn resolve(g: &ClaimGraph, text: &str) -> Result<Slot, CliError> {
    g.resolve(text).map_err(|e| CliError::Usage(e.to_string()))
}

/// Resolves `text` to an entity or claim node (exit 2 for a document or an unknown id).
pub fn resolve_node(g: &ClaimGraph, text: &str) -> Result<NodeIx, CliError> {
    match resolve(g, text)? {
        Slot::Node(ix) => Ok(ix),
        Slot::Doc(_) => Err(CliError::Usage(format!(
            "{text:?} is a document; expected an entity or a claim"
        ))),
    }
}

/// Resolves `text` to a claim (exit 2 otherwise).
pub fn resolve_claim(g: &ClaimGraph, text: &str) -> Result<NodeIx, CliError> {
    let ix = resolve_node(g, text)?;
    if g.is_claim(ix) {
        Ok(ix)
    } else {
        Err(CliError::Usage(format!(
            "{text:?} is an entity; expected a claim"
        )))
    }
}

/// Writes `value` as pretty JSON and a newline.
pub fn write_json<T: serde::Serialize>(out: &mut dyn Write, value: &T) -> Result<(), CliError> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::other)?;
    writeln!(out)?;
    Ok(())
}

/// Why a command failed, and the exit code that says so.
#[derive(Debug)]
pub enum CliError {
    /// Bad usage: unknown id, bad regex, bad value (exit 2).
    Usage(String),
    /// The graph does not load (exit 1).
    Invalid(LoadError),
    Io(io::Error),
}

impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        CliError::Io(e)
    }
}

impl From<LoadError> for CliError {
    fn from(e: LoadError) -> Self {
        CliError::Invalid(e)
    }
}

impl CliError {
    /// Prints the error to stderr and returns its exit code. A closed output pipe
    /// (`claimgraph claims | head`) is not an error.
    pub fn report(self) -> ExitCode {
        let (code, message) = match self {
            CliError::Io(e) if e.kind() == io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
            CliError::Io(e) => (
                1,
                format!("cannot write the output: {}", load::io_reason(&e)),
            ),
            CliError::Usage(m) => (2, m),
            CliError::Invalid(e) => (1, format!("the graph is invalid:\n{e}")),
        };
        let _ = writeln!(io::stderr(), "claimgraph: {message}");
        ExitCode::from(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
