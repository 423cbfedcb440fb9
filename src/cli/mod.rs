//! The command line: clap definitions, dispatch, and what every command shares (loading the
//! graph, resolving ids typed by a person, output formats, errors and exit codes).

mod add;
mod cache;
mod check;
mod chokepoints;
mod claims;
mod completions;
mod diff;
mod dossier;
mod editing;
mod entities;
mod export;
mod extract;
mod filter;
mod fmt;
mod graphviz;
mod help;
mod import;
mod ingest;
mod init;
mod interchange;
mod link;
mod man;
mod merge;
mod progress;
mod rename;
mod render;
mod report;
mod review;
mod rm;
mod set;
mod show;
mod similar;
mod sources;
mod sparql;
mod stats;
mod style;
mod table;
mod term;
mod unlink;
mod whatif;
mod why;

use claimgraph::cache::{Snapshots, WarmClaims};
use claimgraph::graph::{ClaimGraph, ClaimRef, NodeIx, Slot};
use claimgraph::load::{self, LoadError, Loaded};
use claimgraph::store;
use claimgraph::support::Support;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use style::{ColorWhen, Paint};
use term::{safe, say};

/// claimgraph: who stands behind a claim, and what it really rests on.
#[derive(Debug, Parser)]
#[command(
    name = "claimgraph",
    version,
    about,
    max_term_width = 100,
    after_help = help::TOP_AFTER_HELP
)]
pub struct Cli {
    /// The graph: a folder of *.json files or one file.
    #[arg(
        long,
        global = true,
        env = "CLAIMGRAPH_GRAPH",
        default_value = "graph",
        value_name = "PATH",
        value_hint = clap::ValueHint::AnyPath,
        help_heading = "Global options"
    )]
    graph: PathBuf,

    /// When to colour the output.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value_t,
        value_name = "WHEN",
        help_heading = "Global options"
    )]
    color: ColorWhen,

    /// Parse the graph's files even when a snapshot of them is cached, and write none
    /// (see `claimgraph cache`).
    #[arg(long, global = true, help_heading = "Global options")]
    no_cache: bool,

    /// With no command, a short overview of where to start is printed.
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    Claims(claims::Args),
    Entities(entities::Args),
    Sources(sources::Args),
    Chokepoints(chokepoints::Args),
    Show(show::Args),
    Why(why::Args),
    Check(check::Args),
    Stats(stats::Args),
    Export(export::Args),
    Init(init::Args),
    Add(add::Args),
    Link(link::Args),
    Unlink(unlink::Args),
    Set(set::Args),
    Unset(set::UnsetArgs),
    Rm(rm::Args),
    Rename(rename::Args),
    Merge(merge::Args),
    Review(review::Args),
    Import(import::Args),
    Ingest(ingest::Args),
    Extract(extract::Args),
    Fmt(fmt::Args),
    Report(report::Args),
    Diff(diff::Args),
    Completions(completions::Args),
    Man(man::Args),
    Sparql(sparql::Args),
    Similar(similar::Args),
    Cache(cache::Args),
}

/// How a list is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ListFormat {
    /// Aligned columns for reading.
    #[default]
    Table,
    /// The JSON shape of docs/format.md §4.4.
    Json,
    /// One id per line, sorted.
    Ids,
}

/// Markdown for people, JSON for programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum DocFormat {
    /// Markdown, to read or paste into a dossier.
    #[default]
    Md,
    /// JSON, for programs.
    Json,
}

/// Text for people or JSON for programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum TextFormat {
    /// Lines for reading.
    #[default]
    Text,
    /// JSON for programs.
    Json,
}

/// The clap command: the derive definitions plus the exit codes in every `--help`.
pub fn command() -> clap::Command {
    help::with_exit_codes(Cli::command())
}

/// Parses the command line and runs the command. Usage errors that clap finds are printed
/// here (with `--help` and `--version`, exit 2 or 0); a failed command comes back as a
/// [`Failure`] for `main` to report.
pub fn run() -> Result<ExitCode, Failure> {
    clap_complete::CompleteEnv::with_factory(command)
        .var(completions::VAR)
        .complete();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let when = ColorWhen::from_args(&args[1.min(args.len())..]);
    let parsed = command()
        .color(when.clap())
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return Ok(ExitCode::from(code));
        }
    };
    let paint = Paint::stderr(cli.color);
    dispatch(cli).map_err(|error| Failure { error, paint })
}

/// A command that failed: its error, and the colours stderr takes.
#[derive(Debug)]
pub struct Failure {
    error: CliError,
    paint: Paint,
}

impl Failure {
    /// Prints the error to stderr and returns its exit code.
    pub fn report(self) -> ExitCode {
        self.error.report(self.paint)
    }
}

fn dispatch(cli: Cli) -> Result<ExitCode, CliError> {
    let stdout = io::stdout();
    let mut raw = io::BufWriter::new(stdout.lock());
    let ctx = Ctx {
        graph_path: cli.graph,
        paint: Paint::stdout(cli.color),
        err_paint: Paint::stderr(cli.color),
        force: cli.command.as_ref().is_some_and(Command::force),
        cache: !cli.no_cache,
    };
    // Everything but the export formats, man pages, completion scripts and SPARQL texts is
    // text that may reach a terminal: it goes through the output guard.
    let exact = matches!(
        cli.command,
        Some(Command::Export(_) | Command::Man(_) | Command::Completions(_) | Command::Sparql(_))
    );
    let mut guarded = term::Guard::new(&mut raw, ctx.paint.is_on());
    let out: &mut dyn Write = if exact { &mut raw } else { &mut guarded };
    let code = run_command(cli.command, &ctx, out)?;
    out.flush()?;
    Ok(code)
}

fn run_command(
    command: Option<Command>,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let Some(command) = command else {
        help::write_overview(out, ctx.paint)?;
        return Ok(ExitCode::SUCCESS);
    };
    let code = match command {
        Command::Claims(a) => claims::run(a, ctx, out),
        Command::Entities(a) => entities::run(a, ctx, out),
        Command::Sources(a) => sources::run(a, ctx, out),
        Command::Chokepoints(a) => chokepoints::run(a, ctx, out),
        Command::Show(a) => show::run(a, ctx, out),
        Command::Why(a) => why::run(a, ctx, out),
        Command::Check(a) => check::run(a, ctx, out),
        Command::Stats(a) => stats::run(a, ctx, out),
        Command::Export(a) => export::run(a, ctx, out),
        Command::Init(a) => init::run(a, ctx, out),
        Command::Add(a) => add::run(a, ctx, out),
        Command::Link(a) => link::run(a, ctx, out),
        Command::Unlink(a) => unlink::run(a, ctx, out),
        Command::Set(a) => set::run(a, ctx, out),
        Command::Unset(a) => set::run_unset(a, ctx, out),
        Command::Rm(a) => rm::run(a, ctx, out),
        Command::Rename(a) => rename::run(a, ctx, out),
        Command::Merge(a) => merge::run(a, ctx, out),
        Command::Review(a) => review::run(a, ctx, out),
        Command::Import(a) => import::run(a, ctx, out),
        Command::Ingest(a) => ingest::run(a, ctx, out),
        Command::Fmt(a) => fmt::run(a, ctx, out),
        Command::Report(a) => report::run(a, ctx, out),
        Command::Diff(a) => diff::run(a, ctx, out),
        Command::Completions(a) => completions::run(a, ctx, out),
        Command::Man(a) => man::run(a, ctx, out),
        Command::Sparql(a) => sparql::run(a, ctx, out),
        Command::Similar(a) => similar::run(a, ctx, out),
        Command::Extract(a) => extract::run(a, ctx, out),
        Command::Cache(a) => cache::run(a, ctx, out),
    }?;
    Ok(code)
}

impl Command {
    /// Whether `--force` was given to an editing command.
    fn force(&self) -> bool {
        match self {
            Command::Add(a) => a.write.force,
            Command::Link(a) => a.write.force,
            Command::Unlink(a) => a.write.force,
            Command::Set(a) => a.write.force,
            Command::Unset(a) => a.write.force,
            Command::Rm(a) => a.write.force,
            Command::Rename(a) => a.write.force,
            Command::Merge(a) => a.write.force,
            Command::Review(a) => a.write.force,
            Command::Import(a) => a.write.force,
            Command::Ingest(a) => a.write.force,
            Command::Fmt(a) => a.write.force,
            _ => false,
        }
    }
}

/// What every command gets besides its own arguments.
pub struct Ctx {
    pub graph_path: PathBuf,
    /// Colour for stdout (off in pipes, with NO_COLOR, or `--color never`).
    pub paint: Paint,
    /// Colour for stderr.
    pub err_paint: Paint,
    /// `--force` of an editing command: replace read-only files too.
    pub force: bool,
    /// Whether loads may use and write the graph's snapshot (not `--no-cache`).
    pub cache: bool,
}

impl Ctx {
    /// Loads the graph, printing notes about ignored files to stderr. The graph is kept for
    /// the life of the process: freeing a large graph's many small allocations at exit only
    /// costs time.
    pub fn load(&self) -> Result<&'static Loaded, CliError> {
        let loaded = load_graph(&self.graph_path, self.cache)?;
        Ok(Box::leak(Box::new(loaded)))
    }
}

/// Loads the graph at `path` as no edit leaves it half done (see
/// [`store::read_consistent`]), saying so when it waits for a writer, and printing notes
/// about ignored files to stderr. A path that does not exist is a usage error. With `cache`,
/// the graph comes from its snapshot when the files are unchanged (see [`claimgraph::cache`]).
pub fn load_graph(path: &std::path::Path, cache: bool) -> Result<Loaded, CliError> {
    load_graph_with_support(path, cache).map(|(loaded, _)| loaded)
}

/// [`load_graph`], with the graph's support when the cache gave it (read back from the
/// snapshot, or computed to be written into it); `None` with `cache` off.
pub fn load_graph_with_support(
    path: &std::path::Path,
    cache: bool,
) -> Result<(Loaded, Option<Support>), CliError> {
    missing_graph(path)?;
    if cache {
        if let Some(fresh) = load_fresh(path) {
            return Ok(fresh);
        }
    }
    let shown = safe(&path.display().to_string()).into_owned();
    let spinner = progress::Progress::start(format!("loading {shown}"));
    let read = claimgraph::timing::phase("read");
    let sources = store::read_consistent(path, &say_waiting);
    drop(read);
    let loaded = sources
        .map_err(CliError::from)
        .and_then(|(sources, notes)| {
            let (graph, support) = if cache {
                let (g, s, _) = Snapshots::for_graph(path).load_with_support(&sources)?;
                (g, Some(s))
            } else {
                (load::from_sources(&sources)?, None)
            };
            Ok((Loaded { graph, notes }, support))
        });
    drop(spinner);
    let loaded = loaded?;
    term::say_notes(&loaded.0.notes);
    Ok(loaded)
}

/// A fresh snapshot's claims and support (see [`Snapshots::warm_claims`]), read as no edit
/// leaves the graph half done, with the notes a load would print about files passed over;
/// `None` when there is none, or anything stands in the way (the full load then answers,
/// and reports what went wrong).
pub fn warm_claims(path: &std::path::Path) -> Option<Warm> {
    let snaps = Snapshots::for_graph(path);
    if !snaps.file().is_file() {
        return None;
    }
    let (_, notes) = load::source_listing(path).ok()?;
    let claims = store::look_consistent(path, &say_waiting, || snaps.warm_claims(path))
        .ok()
        .flatten()
        .flatten()?;
    Some(Warm { claims, notes })
}

/// The graph and its support from a fresh snapshot, without reading the files whole (see
/// [`Snapshots::load_fresh`]), as no edit leaves the graph half done, with the notes a load
/// prints; `None` when there is no fresh snapshot or anything stands in the way (the files
/// are then read and parsed, and whatever went wrong is reported from there).
fn load_fresh(path: &std::path::Path) -> Option<(Loaded, Option<Support>)> {
    let snaps = Snapshots::for_graph(path);
    if !snaps.file().is_file() {
        return None;
    }
    let (_, notes) = load::source_listing(path).ok()?;
    let spinner =
        progress::Progress::start(format!("loading {}", safe(&path.display().to_string())));
    let fresh = store::look_consistent(path, &say_waiting, || snaps.load_fresh(path));
    drop(spinner);
    let (graph, support) = fresh.ok().flatten().flatten()?;
    term::say_notes(&notes);
    Some((Loaded { graph, notes }, Some(support)))
}

/// What [`warm_claims`] reads.
pub struct Warm {
    pub claims: WarmClaims,
    /// Notes about files passed over, to print as a load does.
    pub notes: Vec<String>,
}

/// A usage error (exit 2) when nothing is at the graph path, with a did-you-mean among the
/// names beside it.
pub fn missing_graph(path: &std::path::Path) -> Result<(), CliError> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        _ => return Ok(()),
    }
    let dir = store::parent_dir(path);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let names: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    let hint = claimgraph::suggest::did_you_mean(&name, names.iter().map(String::as_str))
        .map(|n| format!(" (did you mean {:?}?)", safe(n)))
        .unwrap_or_default();
    Err(CliError::Usage(format!(
        "no graph at {}: no such file or folder{hint}",
        safe(&path.display().to_string())
    )))
}

/// Tells on stderr that a command waits for the graph's lock, and who holds it.
pub fn say_waiting(w: &store::Waiting) {
    let who = match &w.holder {
        Some(h) => format!(" (held by pid {}: {})", h.pid, safe(&h.command)),
        None => String::new(),
    };
    say!(
        "claimgraph: waiting for the lock on {}{who}…",
        safe(&w.path.display().to_string())
    );
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

/// Resolves `text` to a document, as its index (exit 2 for an entity, a claim or an
/// unknown id).
pub fn resolve_document(g: &ClaimGraph, text: &str) -> Result<u32, CliError> {
    match resolve(g, text)? {
        Slot::Doc(d) => Ok(d),
        Slot::Node(ix) => Err(CliError::Usage(format!(
            "{text:?} is {}; expected a document",
            if g.is_claim(ix) {
                "a claim"
            } else {
                "an entity"
            }
        ))),
    }
}

/// Resolves `text` to a claim (exit 2 otherwise).
pub fn resolve_claim<'g>(g: &'g ClaimGraph, text: &str) -> Result<ClaimRef<'g>, CliError> {
    let ix = resolve_node(g, text)?;
    g.as_claim(ix).ok_or_else(|| {
        CliError::Usage(format!(
            "{} is an entity; expected a claim",
            safe(&format!("{text:?}"))
        ))
    })
}

/// Writes `value` as pretty JSON and a newline, as it is serialized (a large value is
/// never held as one string).
/// Characters a terminal would act on are written as JSON escapes: the value is exact, and
/// the text passes the output guard unchanged.
pub fn write_json<T: serde::Serialize>(out: &mut dyn Write, value: &T) -> Result<(), CliError> {
    let mut safe = io::BufWriter::with_capacity(
        64 * 1024,
        JsonTerminalSafe {
            out: &mut *out,
            cut: Vec::new(),
        },
    );
    serde_json::to_writer_pretty(&mut safe, value).map_err(io::Error::from)?;
    safe.flush()?;
    drop(safe);
    writeln!(out)?;
    Ok(())
}

/// Passes JSON text through `json_terminal_safe`, holding back a character cut in two by
/// the end of a write until the rest of it comes.
struct JsonTerminalSafe<'w> {
    out: &'w mut dyn Write,
    cut: Vec<u8>,
}

impl Write for JsonTerminalSafe<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.cut.extend_from_slice(buf);
        let whole = match std::str::from_utf8(&self.cut) {
            Ok(text) => text.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(e) => return Err(io::Error::new(io::ErrorKind::InvalidData, e)),
        };
        let text = std::str::from_utf8(&self.cut[..whole]).unwrap_or_default();
        self.out
            .write_all(claimgraph::text::json_terminal_safe(text).as_bytes())?;
        self.cut.drain(..whole);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A list's table: column headings and widest widths (0: the rest of the line), one row of
/// cells per item, and the closing count line.
pub struct Listing<'a, R> {
    pub header: &'a [&'a str],
    pub caps: &'a [usize],
    pub cells: &'a dyn Fn(&R) -> Vec<String>,
    pub count: &'a dyn Fn(usize) -> String,
}

/// Writes `rows` as `format` asks: their ids one per line, JSON, or `listing`'s table.
pub fn write_list<R: serde::Serialize>(
    out: &mut dyn Write,
    format: ListFormat,
    rows: &[R],
    id: impl Fn(&R) -> &str,
    listing: Listing<'_, R>,
) -> Result<(), CliError> {
    match format {
        ListFormat::Ids => {
            for r in rows {
                writeln!(out, "{}", id(r))?;
            }
        }
        ListFormat::Json => write_json(out, &rows)?,
        ListFormat::Table => {
            let cells: Vec<Vec<String>> = rows.iter().map(listing.cells).collect();
            table::write(out, listing.header, &cells, listing.caps, table::width())?;
            writeln!(out, "{}", (listing.count)(cells.len()))?;
        }
    }
    Ok(())
}

/// Why a command failed, and the exit code that says so.
#[derive(Debug)]
pub enum CliError {
    /// Bad usage: unknown id, bad regex, bad value (exit 2).
    Usage(String),
    /// The graph does not load (exit 1).
    Invalid(LoadError),
    /// An edit was refused: it would make the graph invalid or lose data (exit 1).
    Refused(String),
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

/// How many load errors are shown in full, with their line of the file.
pub const SHOWN_ERRORS: usize = 10;

impl CliError {
    /// Prints the error to stderr and returns its exit code: load errors with the line of
    /// the file they are on. A closed output pipe (`claimgraph claims | head`) is not an
    /// error.
    pub fn report(self, paint: Paint) -> ExitCode {
        let (code, message) = match self {
            CliError::Io(e) if e.kind() == io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
            CliError::Io(e) => (
                1,
                format!("cannot write the output: {}", load::io_reason(&e)),
            ),
            CliError::Usage(m) => (2, m),
            CliError::Refused(m) => (1, m),
            CliError::Invalid(e) => {
                let n = e.errors.len() + e.more;
                let list =
                    render::Renderer::new(paint).render_all(&e.errors, e.more, SHOWN_ERRORS, false);
                let more = if n > SHOWN_ERRORS {
                    "\n`claimgraph check` lists every error"
                } else {
                    ""
                };
                let noun = if n == 1 { "error" } else { "errors" };
                let list = list.trim_end();
                (
                    1,
                    format!("the graph is invalid ({n} {noun}):\n\n{list}{more}"),
                )
            }
        };
        term::say_to_stderr(format_args!("claimgraph: {message}"), paint.is_on());
        ExitCode::from(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_definition_is_consistent() {
        command().debug_assert();
    }
}
