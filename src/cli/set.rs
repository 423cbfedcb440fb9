//! `set` and `unset`: change or clear one field of a document, entity, claim or edge.

use super::completions;
use super::editing::edit;
use super::term::say;
use super::{CliError, Ctx};
use claimgraph::edit::{self, Change, EdgeAddress, FieldChanged, Target, Which};
use claimgraph::model::Rel;
use claimgraph::text::terminal_safe;
use clap_complete::ArgValueCandidates;
use std::io::Write;
use std::process::ExitCode;

/// Change a field of a record: set ID FIELD VALUE...
///
/// Works on every field of documents, entities and claims (a claim's review as
/// review.verdict, review.by, review.date, review.note), and on an edge's quote, date, note
/// and in (name the edge with --edge FROM REL TO, and --in DOC when it appears in several
/// documents; --in - is the one without a document). A list field (tags, aliases, about,
/// topics, found_in) takes every VALUE given; --add and --remove change single elements.
/// Values are checked like the graph files (dates, kinds, tags, reliability A-F, credibility
/// 1-6, verdicts) and ids resolved, names and aliases accepted. An entity's new name or
/// alias must not be another entity's (compared without case, accents and punctuation)
/// unless --force. Ids change with `rename`.
#[derive(Debug, clap::Args)]
#[command(
    override_usage = "claimgraph set [OPTIONS] <ID> <FIELD> <VALUE>...\n       claimgraph set [OPTIONS] --edge <FROM> <REL> <TO> [--in <DOC>] <FIELD> <VALUE>...",
    after_help = "Examples:\n  claimgraph set nis reliability B\n  claimgraph set nk-arms-transfers-since-aug-2023 topics arms russia\n  claimgraph set nis aliases --add \"South Korean spy agency\"\n  claimgraph set nk-ballistic-missiles-to-russia review.verdict mostly-true\n  claimgraph set --edge nis asserts nk-arms-transfers-since-aug-2023 --in dw-2024-06-18 quote \"numerous weapons transfers\""
)]
pub struct Args {
    /// ID FIELD VALUE... (with --edge: FIELD VALUE...).
    #[arg(value_name = "WORDS", required = true, num_args = 1.., add = ArgValueCandidates::new(completions::ids_and_fields))]
    words: Vec<String>,
    #[command(flatten)]
    edge: EdgeArgs,
    /// Add the values to the list field (those already there stay once).
    #[arg(long, conflicts_with = "remove")]
    add: bool,
    /// Remove the values from the list field.
    #[arg(long)]
    remove: bool,
    #[command(flatten)]
    pub(super) write: super::editing::WriteOpts,
}

/// Clear a field of a record: unset ID FIELD
///
/// Clears an optional field of a document, entity or claim (`unset CLAIM review` removes
/// the review), or an edge's quote, date, note or in (--edge FROM REL TO [--in DOC]).
/// Required fields (id, name, kind, title, text, review.verdict, review.by) cannot be
/// cleared: set them instead.
#[derive(Debug, clap::Args)]
#[command(
    override_usage = "claimgraph unset [OPTIONS] <ID> <FIELD>\n       claimgraph unset [OPTIONS] --edge <FROM> <REL> <TO> [--in <DOC>] <FIELD>",
    after_help = "Examples:\n  claimgraph unset nis note\n  claimgraph unset nk-ballistic-missiles-to-russia review\n  claimgraph unset --edge dw asserts nk-poverty-60pct --in dw-2024-06-18 quote"
)]
pub struct UnsetArgs {
    /// ID FIELD (with --edge: FIELD).
    #[arg(value_name = "WORDS", required = true, num_args = 1..=2, add = ArgValueCandidates::new(completions::ids_and_fields))]
    words: Vec<String>,
    #[command(flatten)]
    edge: EdgeArgs,
    #[command(flatten)]
    pub(super) write: super::editing::WriteOpts,
}

/// How an edge is named, instead of a record id.
#[derive(Debug, clap::Args)]
struct EdgeArgs {
    /// Change the edge FROM REL TO instead of a record.
    #[arg(long, num_args = 3, value_names = ["FROM", "REL", "TO"], add = ArgValueCandidates::new(completions::nodes_and_rels))]
    edge: Option<Vec<String>>,
    /// With --edge: the document of the appearance to change (`-`: the one without a
    /// document).
    #[arg(long = "in", value_name = "DOC", requires = "edge", add = ArgValueCandidates::new(completions::document_ids))]
    in_doc: Option<String>,
}

impl EdgeArgs {
    /// The target and the words left after it (FIELD and values).
    fn target(self, words: Vec<String>) -> Result<(Target, Vec<String>), CliError> {
        match self.edge {
            Some(e) => {
                let rel =
                    Rel::parse(&e[1]).map_err(|err| CliError::Usage(format!("--edge: {err}")))?;
                let addr = EdgeAddress {
                    from: e[0].clone(),
                    rel,
                    to: e[2].clone(),
                    which: Which::from_in(self.in_doc.as_deref()),
                };
                Ok((Target::Edge(addr), words))
            }
            None => {
                let mut words = words.into_iter();
                let id = words.next().expect("clap requires one word");
                Ok((Target::Record(id), words.collect()))
            }
        }
    }
}

pub fn run(args: Args, ctx: &Ctx, _out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let (target, words) = args.edge.target(args.words)?;
    let Some((field, values)) = words.split_first() else {
        return Err(CliError::Usage(
            "set needs a FIELD and its VALUE: claimgraph set ID FIELD VALUE...".into(),
        ));
    };
    if values.is_empty() {
        return Err(CliError::Usage(format!(
            "set {field} needs a value (to clear it: claimgraph unset ... {field})"
        )));
    }
    let values = values.to_vec();
    let change = if args.add {
        Change::Add(values)
    } else if args.remove {
        Change::Remove(values)
    } else {
        Change::Set(values)
    };
    let done = edit(ctx, |files| {
        edit::set(files, &target, field, change, args.write.force)
    })?;
    report(&done);
    Ok(ExitCode::SUCCESS)
}

pub fn run_unset(args: UnsetArgs, ctx: &Ctx, _out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let (target, words) = args.edge.target(args.words)?;
    let [field] = words.as_slice() else {
        return Err(CliError::Usage(
            "unset takes one FIELD: claimgraph unset ID FIELD (or --edge FROM REL TO FIELD)".into(),
        ));
    };
    let done = edit(ctx, |files| {
        edit::set(files, &target, field, Change::Unset, false)
    })?;
    report(&done);
    Ok(ExitCode::SUCCESS)
}

/// `claimgraph: entity nis: tags: intelligence -> intelligence, wire` on stderr.
fn report(c: &FieldChanged) {
    if c.unchanged() {
        let text = format!("{}: {} is already {}", c.record, c.field, shown(&c.new));
        say!("claimgraph: {}", terminal_safe(&text));
        return;
    }
    let text = format!(
        "{}: {}: {} -> {}",
        c.record,
        c.field,
        shown(&c.old),
        shown(&c.new)
    );
    say!("claimgraph: {}", terminal_safe(&text));
}

/// A value as a person reads it: text bare, lists joined, nothing as `(none)`.
fn shown(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "(none)".into(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(a) if a.is_empty() => "(none)".into(),
        serde_json::Value::Array(a) => a.iter().map(shown).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}
