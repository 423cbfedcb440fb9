//! Files -> a validated [`ClaimGraph`]: reading a folder or one file, parsing, merging and
//! checking every rule of docs/format.md §1, with every error located (file, line and column,
//! JSON path) and all of them collected rather than only the first.
//!
//! The pure part is [`from_sources`], which takes `(name, bytes)` pairs; [`from_path`] only
//! does the file-system work around it.

mod build;
mod raw;
mod regular;
mod values;

pub use regular::{read_regular, MAX_FILE_BYTES};

use crate::diag::{line_col, Diagnostic};
use crate::graph::{lookup_in, ClaimGraph, Index};
use crate::locate;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc};

/// How many errors a load reports before it only counts them.
pub const MAX_ERRORS: usize = 200;

/// One input file: the name shown in messages and its bytes.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A loaded graph and the notes about files that were passed over.
#[derive(Debug)]
pub struct Loaded {
    pub graph: ClaimGraph,
    /// Things worth telling but not wrong, e.g. non-JSON files in the folder that were ignored.
    pub notes: Vec<String>,
}

/// Why a graph could not be loaded: every error found, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub errors: Vec<Diagnostic>,
    /// Errors found beyond [`MAX_ERRORS`], counted but not kept.
    pub more: usize,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        if self.more > 0 {
            write!(f, "\nand {} more errors", self.more)?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    fn single(d: Diagnostic) -> Self {
        LoadError {
            errors: vec![d],
            more: 0,
        }
    }
}

/// Loads the graph at `path`: a folder of `*.json` files (read in name order) or one file.
pub fn from_path(path: &Path) -> Result<Loaded, LoadError> {
    let read = crate::timing::phase("read");
    let (sources, notes) = read_sources(path)?;
    drop(read);
    let graph = from_sources(&sources)?;
    Ok(Loaded { graph, notes })
}

/// Reads the files that make up the graph at `path`, and notes on what was passed over.
pub fn read_sources(path: &Path) -> Result<(Vec<Source>, Vec<String>), LoadError> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| {
        LoadError::single(Diagnostic::error(
            &shown,
            None,
            "unreadable",
            format!("cannot read the graph: {}", io_reason(&e)),
        ))
    })?;
    if !meta.is_dir() {
        return Ok((vec![read_source(path)?], Vec::new()));
    }
    let (files, notes) = list_json_files(path)?;
    let mut sources = Vec::with_capacity(files.len());
    let mut errors = Vec::new();
    for f in &files {
        match read_source(f) {
            Ok(s) => sources.push(s),
            Err(mut e) => errors.append(&mut e.errors),
        }
    }
    if errors.is_empty() {
        Ok((sources, notes))
    } else {
        Err(LoadError { errors, more: 0 })
    }
}

/// The files [`read_sources`] reads for the graph at `path`, in its order, without reading
/// them.
pub fn source_paths(path: &Path) -> Result<Vec<PathBuf>, LoadError> {
    source_listing(path).map(|(paths, _)| paths)
}

/// [`source_paths`], and the notes [`read_sources`] gives on what it passes over.
pub fn source_listing(path: &Path) -> Result<(Vec<PathBuf>, Vec<String>), LoadError> {
    if path.is_dir() {
        list_json_files(path)
    } else {
        Ok((vec![path.to_path_buf()], Vec::new()))
    }
}

/// The `*.json` files directly in `dir`, sorted by name, and a note per other entry ignored.
fn list_json_files(dir: &Path) -> Result<(Vec<PathBuf>, Vec<String>), LoadError> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| {
        LoadError::single(Diagnostic::error(
            &shown,
            None,
            "unreadable",
            format!("cannot list the graph folder: {}", io_reason(&e)),
        ))
    })?;
    let mut files = Vec::new();
    let mut notes = Vec::new();
    for entry in entries.flatten() {
        let p = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        // Hidden files (the lock, temporary files) and a README are not graph data.
        if name.starts_with('.') || name.starts_with("README") {
            continue;
        }
        if p.extension().is_some_and(|x| x == "json") {
            files.push(p);
        } else {
            notes.push(format!("{}: ignored (not a .json file)", p.display()));
        }
    }
    files.sort();
    notes.sort();
    Ok((files, notes))
}

fn read_source(path: &Path) -> Result<Source, LoadError> {
    let name = path.display().to_string();
    let bytes = regular::read_regular(path).map_err(|e| {
        LoadError::single(Diagnostic::error(
            &name,
            None,
            "unreadable",
            format!("cannot read: {}", io_reason(&e)),
        ))
    })?;
    Ok(Source { name, bytes })
}

/// The OS reason without Rust's "(os error N)" suffix.
pub fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Parses and validates `sources` as one graph.
///
/// Two threads share the work: this one parses and checks values, handing checked records
/// over in batches, and a second indexes them and builds the graph. The look-ups of edge
/// ends go to whichever thread has time (see `Batcher`).
pub fn from_sources(sources: &[Source]) -> Result<ClaimGraph, LoadError> {
    load_sources(sources, EdgeLookups::WhenBuilderBehind)
}

/// Which thread looks up edge ends while a run of edges is read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum EdgeLookups {
    /// The builder, unless it is behind; then the parsing thread does, rather than wait.
    WhenBuilderBehind,
    /// Always the parsing thread (tests: the timing-dependent path, taken every time).
    #[cfg(test)]
    OnParser,
}

fn load_sources(sources: &[Source], lookups: EdgeLookups) -> Result<ClaimGraph, LoadError> {
    let total = sources.iter().map(|s| s.bytes.len()).sum();
    let parsing = crate::timing::phase("parse+build");
    let (b, checked, texts) = std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel::<Msg<'_>>(8);
        // Emptied batches come back to be filled again: no allocation per batch, and no
        // memory allocated on one thread and freed on the other.
        let (back_tx, back_rx) = mpsc::channel();
        let (index_tx, index_rx) = mpsc::channel();
        let building = std::thread::Builder::new()
            .name("claimgraph-build".into())
            .spawn_scoped(scope, move || {
                build_from(rx, back_tx, index_tx, build::Builder::new(total))
            })
            .expect("the system can start a thread");
        let batcher = Batcher {
            tx: &tx,
            back: &back_rx,
            index_rx: &index_rx,
            index: None,
            lookups,
            batch: Vec::with_capacity(BATCH),
        };
        let mut checker = values::Checker::new(batcher, total);
        let mut texts: Vec<(&str, &str)> = Vec::with_capacity(sources.len());
        let mut failed = Vec::new();
        for (f, src) in sources.iter().enumerate() {
            checker.f = f as u32;
            let _ = tx.send(Msg::Start(&src.name));
            let parsed = parse_file(src, &mut checker);
            checker.out.end_file();
            let ok = match parsed {
                Ok(text) => {
                    texts.push((src.name.as_str(), text));
                    true
                }
                Err(d) => {
                    checker.errs.drop_file(f as u32);
                    failed.push(*d);
                    false
                }
            };
            let _ = tx.send(Msg::Done { ok });
        }
        let checked = (checker.errs, checker.docs, failed);
        drop(tx);
        match building.join() {
            Ok(b) => (b, checked, texts),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    drop(parsing);
    let (value_errs, docs, mut errors) = checked;
    let (graph, mut found, more) = b.finish(value_errs, docs);
    locate_all(&mut found, &texts);
    errors.append(&mut found);
    // Report in reading order: by file, then by position in the file.
    let file_rank = |name: &str| {
        sources
            .iter()
            .position(|s| s.name == name)
            .unwrap_or(usize::MAX)
    };
    errors.sort_by_key(|d| {
        (
            file_rank(&d.file),
            d.line.unwrap_or(0),
            d.column.unwrap_or(0),
        )
    });
    if errors.is_empty() {
        Ok(graph)
    } else {
        let kept = errors.len().min(MAX_ERRORS);
        let more = more + errors.len() - kept;
        errors.truncate(kept);
        Err(LoadError { errors, more })
    }
}

/// Records per message from the parsing thread to the building thread.
const BATCH: usize = 2048;

/// What the parsing thread tells the building thread.
enum Msg<'a> {
    /// A new file starts.
    Start(&'a str),
    Records(Vec<values::Item<'a>>),
    /// Edges follow: send the id index over, to be read while they are linked.
    ShareIndex,
    /// The file ended; whether it parsed (when not, its records' errors do not count).
    Done {
        ok: bool,
    },
}

/// The building thread: feeds every record to a [`build::Builder`].
fn build_from<'a>(
    rx: mpsc::Receiver<Msg<'a>>,
    back: mpsc::Sender<Vec<values::Item<'a>>>,
    index: mpsc::Sender<Arc<Index>>,
    mut b: build::Builder,
) -> build::Builder {
    for msg in rx {
        match msg {
            Msg::Start(name) => b.start_file(name),
            Msg::ShareIndex => {
                let _ = index.send(b.share_index());
            }
            Msg::Records(mut items) => {
                b.add_all(&mut items);
                let _ = back.send(items);
            }
            Msg::Done { ok: false } => b.drop_file_errors(),
            Msg::Done { ok: true } => {}
        }
    }
    b
}

/// The parsing thread's sink for checked records: sends them on in batches.
///
/// While a run of edges is read, it holds the id index (the builder registers no ids then),
/// and when the builder falls behind it looks up a batch's edge ends and documents before
/// sending it, rather than wait: the look-ups, which miss the cache, are then shared
/// between the threads as their loads allow. It lets go of the index before it sends
/// anything else.
struct Batcher<'t, 'a> {
    tx: &'t mpsc::SyncSender<Msg<'a>>,
    back: &'t mpsc::Receiver<Vec<values::Item<'a>>>,
    index_rx: &'t mpsc::Receiver<Arc<Index>>,
    index: Option<Arc<Index>>,
    lookups: EdgeLookups,
    batch: Vec<values::Item<'a>>,
}

impl<'a> Batcher<'_, 'a> {
    /// Sends the batch, and lets go of the index: the next file may register ids.
    fn end_file(&mut self) {
        self.flush();
        self.index = None;
    }

    /// Looks up every edge's ends and document of `batch` in the held index.
    fn resolve_edges(&self, batch: &mut [values::Item<'a>]) {
        let Some(index) = &self.index else {
            return;
        };
        for item in batch {
            if let values::Item::Edge(_, e) = item {
                e.seen = Some(values::Seen {
                    from: lookup_in(index, &e.from),
                    to: lookup_in(index, &e.to),
                    doc: e.in_doc.as_deref().and_then(|d| lookup_in(index, d)),
                });
            }
        }
    }

    /// Sends the batch. When the builder is behind (the channel is full), this thread would
    /// wait: it looks up the batch's edge ends itself first (when it holds the index).
    fn flush(&mut self) {
        if self.batch.is_empty() {
            return;
        }
        let empty = self
            .back
            .try_recv()
            .unwrap_or_else(|_| Vec::with_capacity(BATCH));
        let mut batch = std::mem::replace(&mut self.batch, empty);
        if self.lookups != EdgeLookups::WhenBuilderBehind {
            self.resolve_edges(&mut batch);
        }
        // A closed channel means the builder died; its panic surfaces at join.
        if let Err(mpsc::TrySendError::Full(Msg::Records(mut batch))) =
            self.tx.try_send(Msg::Records(batch))
        {
            self.resolve_edges(&mut batch);
            let _ = self.tx.send(Msg::Records(batch));
        }
    }
}

impl<'a> values::Out<'a> for Batcher<'_, 'a> {
    fn put(&mut self, item: values::Item<'a>) {
        let edge = matches!(item, values::Item::Edge(..));
        if edge != self.index.is_some() {
            self.flush();
            self.index = None;
            if edge {
                // Everything sent so far is registered once the builder answers.
                let _ = self.tx.send(Msg::ShareIndex);
                self.index = self.index_rx.recv().ok();
            }
        }
        self.batch.push(item);
        if self.batch.len() == BATCH {
            self.flush();
        }
    }
}

/// Fills in line and column for diagnostics about `sources` that only carry a JSON path
/// (warnings of `check`, found after loading).
pub fn locate(diags: &mut [Diagnostic], sources: &[Source]) {
    let texts: Vec<(&str, &str)> = sources
        .iter()
        .filter_map(|s| {
            let text = std::str::from_utf8(&s.bytes).ok()?;
            Some((
                s.name.as_str(),
                text.strip_prefix('\u{feff}').unwrap_or(text),
            ))
        })
        .collect();
    locate_all(diags, &texts);
}

/// Fills in line and column for diagnostics that only carry a JSON path (one pass per
/// file, however many diagnostics).
fn locate_all(diags: &mut [Diagnostic], texts: &[(&str, &str)]) {
    let mut locators: Vec<Option<locate::Locator<'_>>> = texts.iter().map(|_| None).collect();
    for d in diags.iter_mut().filter(|d| d.line.is_none()) {
        let (Some(path), Some(k)) = (&d.path, texts.iter().position(|(n, _)| *n == d.file)) else {
            continue;
        };
        let locator = locators[k].get_or_insert_with(|| locate::Locator::new(texts[k].1));
        if let Some((l, c)) = locator.line_col(&locate::parse_path(path)) {
            d.line = Some(l);
            d.column = Some(c);
        }
    }
}

/// Checks encoding and top-level shape, then parses one file into `sink`; returns the text.
fn parse_file<'a, S: raw::Sink<'a>>(
    src: &'a Source,
    sink: &mut S,
) -> Result<&'a str, Box<Diagnostic>> {
    let err = |code, msg: String| Box::new(Diagnostic::error(&src.name, None, code, msg));
    let text = std::str::from_utf8(&src.bytes).map_err(|e| {
        let (l, c) = line_col(
            std::str::from_utf8(&src.bytes[..e.valid_up_to()]).unwrap_or(""),
            e.valid_up_to(),
        );
        err(
            "encoding",
            format!("invalid UTF-8 (byte {})", e.valid_up_to()),
        )
        .at(l, c)
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.trim_start();
    match first.chars().next() {
        None => {
            return Err(err(
                "syntax",
                "the file is empty; expected a JSON object".into(),
            ))
        }
        Some('{') => {}
        Some(c) => {
            let (l, col) = line_col(text, text.len() - first.len());
            let found = match c {
                '[' => "an array",
                '"' => "a string",
                '0'..='9' | '-' => "a number",
                't' | 'f' => "a boolean",
                'n' => "null",
                _ => "something that is not JSON",
            };
            return Err(Box::new(
                err(
                    "syntax",
                    format!("the top level must be a JSON object with documents, entities, claims and edges; found {found}"),
                )
                .at(l, col),
            ));
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = serde::de::DeserializeSeed::deserialize(raw::FileSeed(sink), &mut de)
        .and_then(|()| de.end());
    parsed
        .map(|()| text)
        .map_err(|e| Box::new(parse_error(&src.name, text, e)))
}

/// A parse error with its JSON path (found by parsing again with path tracking) and location.
fn parse_error(name: &str, text: &str, e: serde_json::Error) -> Diagnostic {
    let path = if e.is_syntax() || e.is_eof() {
        None
    } else {
        // Parse again, tracking the path, into a builder that is thrown away.
        let mut de = serde_json::Deserializer::from_str(text);
        let mut track = serde_path_to_error::Track::new();
        let mut sink = values::Checker::new((), 0);
        let seed = raw::FileSeed(&mut sink);
        let _ = serde::de::DeserializeSeed::deserialize(
            seed,
            serde_path_to_error::Deserializer::new(&mut de, &mut track),
        );
        let p = track.path().to_string();
        (p != "." && p != "?").then_some(p)
    };
    let code = if e.is_data() { "type" } else { "syntax" };
    let message = with_field_hint(strip_location(&e.to_string()));
    let message = if e.is_eof() {
        format!("{message} (the file ends too early: is it truncated?)")
    } else {
        message
    };
    let d = Diagnostic::error(name, path, code, message);
    if e.line() > 0 {
        d.at(e.line(), e.column().max(1))
    } else {
        d
    }
}

/// Adds a did-you-mean to serde's "unknown field `x`, expected one of `a`, `b`" message.
fn with_field_hint(message: String) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message;
    };
    let Some((field, expected)) = rest.split_once('`') else {
        return message;
    };
    let names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    match crate::suggest::did_you_mean(field, names) {
        Some(near) => format!("{message} (did you mean `{near}`?)"),
        None => message,
    }
}

/// serde_json's message without its trailing " at line L column C".
fn strip_location(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// The graph of one file, `g.json`, holding `json`, for unit tests: a load error fails the
/// test.
#[cfg(test)]
pub(crate) fn test_graph(json: &str) -> ClaimGraph {
    let source = Source {
        name: "g.json".into(),
        bytes: json.as_bytes().to_vec(),
    };
    from_sources(&[source]).unwrap_or_else(|e| panic!("{e}"))
}

#[cfg(test)]
mod tests;
