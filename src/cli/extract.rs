//! `extract`: find who asserts or denies what in a news text, and print it as a table, as
//! JSON records, or as a graph fragment ready for import.

use super::term::say;
use super::{table, write_json, CliError, Ctx};
use claimgraph::extract::{self, fragment, Attribution, Extraction, Stance};
use claimgraph::ingest;
use claimgraph::model::Id;
use claimgraph::text::terminal_safe;
use clap::ValueEnum;
use serde::{Serialize, Serializer};
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Extract attributions (who asserts or denies what) from a news text.
///
/// Rule-based: reporting verbs ("said", "warned", "denied"), "according to", "citing",
/// quotations and their speakers, with pronouns and "the agency" resolved. Speakers are
/// linked to the entities of the graph by name and alias; if the graph cannot be loaded,
/// extraction runs without linking.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph extract article.txt\n  claimgraph extract - --format json < article.txt\n  claimgraph extract article.txt --format graph --doc dw-2024-06-18 > fragment.json"
)]
pub struct Args {
    /// The text to read, or - for standard input.
    #[arg(value_name = "FILE")]
    input: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: ExtractFormat,
    /// Document id to put on the edges (`in`) and claims (`found_in`) of a graph fragment.
    #[arg(long, value_name = "ID", value_parser = parse_id)]
    doc: Option<Id>,
}

/// How extracted attributions are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ExtractFormat {
    /// Aligned columns for reading.
    #[default]
    Table,
    /// One JSON array of attribution records.
    Json,
    /// A graph fragment (docs/format.md §1): new claims, new entities, and their edges.
    Graph,
}

fn parse_id(s: &str) -> Result<Id, String> {
    Id::new(s).map_err(|e| e.0)
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let text = read_input(&args.input)?;
    let graph = match ctx.load() {
        Ok(loaded) => Some(&loaded.graph),
        Err(e) => {
            let reason = match e {
                CliError::Invalid(e) => e.to_string(),
                CliError::Usage(m) | CliError::Refused(m) => m,
                CliError::Io(e) => e.to_string(),
            };
            say!("claimgraph: note: extracting without linking, the graph did not load:\n{reason}");
            None
        }
    };
    let known = graph.map(ingest::known_entities).unwrap_or_default();
    let index = extract::EntityIndex::new(&known);
    let found = Extraction::new(text, &index);
    match args.format {
        ExtractFormat::Json => write_json(out, &Records(&found))?,
        ExtractFormat::Table => write_table(out, &found)?,
        ExtractFormat::Graph => {
            if let (Some(g), Some(doc)) = (graph, &args.doc) {
                if g.lookup(doc.as_str()).is_none() {
                    say!(
                        "claimgraph: note: document {:?} is not in the graph; add it before importing the fragment",
                        doc.as_str()
                    );
                }
            }
            let link = |name: &str| index.link(name).map(str::to_string);
            let taken = |id: &str| graph.is_some_and(|g| g.lookup(id).is_some());
            let mut file = fragment::Fragment::new(&link, &taken, args.doc.as_ref());
            for a in found.iter() {
                file.add(&a, found.sentence(a.sentence));
            }
            write_json(out, &file.finish())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The records as one JSON array, decoded one at a time as they are written.
struct Records<'e, 'a>(&'e Extraction<'a>);

impl Serialize for Records<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter())
    }
}

/// Reads the file, or standard input for `-` (exit 2 when it cannot be read, exit 1 when
/// it is binary data rather than text).
fn read_input(path: &PathBuf) -> Result<String, CliError> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf)?;
        buf
    } else {
        std::fs::read(path).map_err(|e| {
            CliError::Usage(format!(
                "cannot read {}: {}",
                path.display(),
                claimgraph::load::io_reason(&e)
            ))
        })?
    };
    extract::input::decode_owned(bytes).map_err(|e| {
        CliError::Refused(format!(
            "{} is not text ({e}); extract reads UTF-8 text",
            terminal_safe(&path.display().to_string())
        ))
    })
}

/// Columns SENT, SOURCE, REL and CLAIM; the claim wraps under its column so that every
/// line fits the terminal width. Reads the records twice: for the widest source, then to
/// write the rows.
fn write_table(out: &mut dyn Write, found: &Extraction) -> io::Result<()> {
    const SENT: usize = 4;
    const REL: usize = 7;
    let width = table::width();
    let source_w = found
        .iter()
        .map(|a| table::display_width(&source_cell(&a)))
        .chain([6])
        .max()
        .unwrap_or(6)
        .min(26);
    let claim_w = width.saturating_sub(SENT + source_w + REL + 6).max(20);
    let pad = |s: &str, w: usize| {
        let s = table::truncate(s, w);
        let fill = w - table::display_width(&s);
        format!("{s}{}", " ".repeat(fill))
    };
    let indent = " ".repeat(SENT + source_w + REL + 6);
    writeln!(
        out,
        "{}  {}  {}  CLAIM",
        pad("SENT", SENT),
        pad("SOURCE", source_w),
        pad("REL", REL)
    )?;
    for a in found.iter() {
        let source = &source_cell(&a);
        let rel = match a.rel {
            Stance::Asserts => "asserts",
            Stance::Denies => "denies",
        };
        let lines = table::wrap(&a.claim, claim_w);
        let head = format!(
            "{}  {}  {}  {}",
            pad(&a.sentence.to_string(), SENT),
            pad(source, source_w),
            pad(rel, REL),
            lines[0]
        );
        writeln!(out, "{}", head.trim_end())?;
        for line in &lines[1..] {
            writeln!(out, "{indent}{line}")?;
        }
    }
    writeln!(out, "{} attributions", found.len())
}

/// The speaker, with the entity it links to when the id says something more.
fn source_cell(a: &Attribution) -> String {
    match &a.entity {
        Some(id) if !a.source.eq_ignore_ascii_case(id) => format!("{} ({id})", a.source),
        _ => a.source.clone(),
    }
}
