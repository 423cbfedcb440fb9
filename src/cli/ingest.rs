//! `ingest`: a news text or a ClaimReview file turned into records of the graph — the plan
//! printed, and written with `--yes`.

use super::editing::edit;
use super::term::{safe, say};
use super::{table, write_json, CliError, Ctx, TextFormat};
use claimgraph::ingest::plan::{PlannedEntity, PlannedReview, Status};
use claimgraph::ingest::{self, Options, Plan};
use claimgraph::model::Date;
use claimgraph::store;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Turn a news text, or a schema.org ClaimReview file, into records of the graph.
///
/// Plans by default and writes nothing: the document, each speaker linked to an existing
/// entity (by id, name, alias, possessive, or description: "South Korea's spy agency" is the
/// only intelligence entity of south-korea) or added with guessed kind, tags and part_of
/// (noted on the entity), each claim matched against the graph's claims (see `similar`)
/// or added, the asserts/denies/cites edges with the sentence as quote, and what was left
/// out. Every guess is marked. With --yes the plan is written in one locked, validated
/// transaction. Ingesting the same text under the same --doc again changes nothing.
///
/// A file starting with `{` or `[` is read as ClaimReview JSON-LD (one object, an array,
/// or an @graph): the claimant asserts the claim and the fact-checker's rating becomes the
/// claim's review.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph ingest article.txt --doc reuters-2024-06-27 --publisher reuters --published 2024-06-27\n  claimgraph ingest article.txt --doc reuters-2024-06-27 --yes\n  claimgraph ingest factcheck.json --doc fact-desk-2024-07-02 --format json"
)]
pub struct Args {
    /// The text to read, or - for standard input.
    #[arg(value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    input: PathBuf,
    /// The document's id (new, or one already in the graph).
    #[arg(long, value_name = "ID")]
    doc: String,
    /// The document's title (default: the text's first line).
    #[arg(long)]
    title: Option<String>,
    /// The entity that published it (an id, name or alias).
    #[arg(long, value_name = "ID", add = clap_complete::ArgValueCandidates::new(super::completions::entity_ids))]
    publisher: Option<String>,
    /// When it was published: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_parser = |s: &str| Date::new(s))]
    published: Option<Date>,
    /// Where it is.
    #[arg(long)]
    url: Option<String>,
    /// Write the plan (without it, nothing is written).
    #[arg(long)]
    yes: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: TextFormat,
    #[command(flatten)]
    pub(super) write: super::editing::WriteOpts,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let name = args.input.display().to_string();
    let bytes = read(&args.input)?;
    let input = ingest::read_input(&name, &bytes)?;
    let opts = Options {
        doc: args.doc,
        title: args.title,
        publisher: args.publisher,
        published: args.published,
        url: args.url,
    };
    let plan = if args.yes {
        edit(ctx, |files| {
            let plan = ingest::plan(files, &input, &opts)?;
            ingest::apply(files, &plan)?;
            Ok(plan)
        })?
    } else {
        let files = store::read(&ctx.graph_path)?;
        ingest::plan(&files, &input, &opts)?
    };
    if plan.changes.total() == 0 {
        say!(
            "claimgraph: nothing to change: {} is already in the graph as this input has it",
            plan.document.record.id
        );
    }
    match args.format {
        TextFormat::Json => {
            #[derive(serde::Serialize)]
            struct Shown<'a> {
                written: bool,
                #[serde(flatten)]
                plan: &'a Plan,
            }
            write_json(
                out,
                &Shown {
                    written: args.yes && plan.changes.total() > 0,
                    plan: &plan,
                },
            )?
        }
        TextFormat::Text => write_plan(out, &plan, args.yes)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The file's bytes, or standard input's for `-` (exit 2 when it cannot be read).
fn read(path: &PathBuf) -> Result<Vec<u8>, CliError> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf)?;
        return Ok(buf);
    }
    if path.is_dir() {
        return Err(CliError::Usage(format!(
            "{} is a folder, not a text",
            path.display()
        )));
    }
    std::fs::read(path).map_err(|e| {
        CliError::Usage(format!(
            "cannot read {}: {}",
            path.display(),
            claimgraph::load::io_reason(&e)
        ))
    })
}

fn status(s: Status) -> &'static str {
    match s {
        Status::New => "new",
        Status::Exists => "exists",
        Status::Matched => "matched",
    }
}

/// Writes `lines` indented under a 11-column status column, wrapped to the terminal.
fn indented(out: &mut dyn Write, text: &str) -> io::Result<()> {
    for line in table::wrap(&safe(text), table::width().saturating_sub(13).max(30)) {
        writeln!(out, "           {line}")?;
    }
    Ok(())
}

fn write_plan(out: &mut dyn Write, p: &Plan, written: bool) -> io::Result<()> {
    let doc = &p.document.record;
    let head = if written {
        "written"
    } else {
        "plan; nothing written (run again with --yes to write it)"
    };
    writeln!(out, "ingest {}: {head}", safe(doc.id.as_str()))?;
    writeln!(out)?;
    writeln!(out, "document")?;
    writeln!(out, "  {:<8} {}", status(p.document.status), doc.id)?;
    let mut facts = vec![format!("\"{}\"", doc.title)];
    if let Some(x) = &doc.publisher {
        facts.push(format!("publisher {x}"));
    }
    if let Some(x) = &doc.published {
        facts.push(format!("published {x}"));
    }
    if let Some(x) = &doc.url {
        facts.push(x.clone());
    }
    indented(out, &facts.join(" · "))?;
    if !p.records.links.is_empty() || !p.records.entities.is_empty() {
        writeln!(out)?;
        writeln!(out, "speakers")?;
    }
    for l in &p.records.links {
        let by = serde_json::to_value(l.by)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let line = format!("\"{}\" → {} (by {by})", l.phrase, l.id);
        writeln!(out, "  {:<8} {}", "link", safe(&line))?;
        if let Some(g) = &l.guess {
            indented(out, &format!("guess: {g}"))?;
        }
    }
    for e in &p.records.entities {
        write_entity(out, e)?;
    }
    if !p.records.claims.is_empty() {
        writeln!(out)?;
        writeln!(out, "claims")?;
    }
    for c in &p.records.claims {
        writeln!(out, "  {:<8} {}", status(c.status), c.id)?;
        match (&c.claim_text, c.score) {
            (Some(existing), Some(score)) => {
                indented(out, &format!("guess: the same claim, score {score:.2}"))?;
                indented(out, &format!("this text: {}", c.text))?;
                indented(out, &format!("the claim: {existing}"))?;
            }
            _ => {
                indented(out, &c.text)?;
                if !c.about.is_empty() {
                    let about: Vec<&str> = c.about.iter().map(|i| i.as_str()).collect();
                    indented(out, &format!("about {} (guessed)", about.join(", ")))?;
                }
            }
        }
    }
    if !p.records.edges.is_empty() {
        writeln!(out)?;
        writeln!(out, "edges")?;
    }
    for e in &p.records.edges {
        let r = &e.record;
        let line = format!("{} {} {}", r.from, r.rel, r.to);
        writeln!(out, "  {:<8} {}", status(e.status), safe(&line))?;
        if let Some(g) = &e.guess {
            indented(out, &format!("guess: {g}"))?;
        }
    }
    if !p.records.reviews.is_empty() {
        writeln!(out)?;
        writeln!(out, "reviews")?;
    }
    for r in &p.records.reviews {
        write_review(out, r)?;
    }
    if !p.records.left_out.is_empty() {
        writeln!(out)?;
        writeln!(out, "left out")?;
    }
    for l in &p.records.left_out {
        let at = l
            .sentence
            .map(|s| format!("sentence {s}: "))
            .unwrap_or_default();
        indented(out, &format!("{at}{}", l.reason))?;
        indented(out, &format!("  \"{}\"", l.quote))?;
    }
    let c = &p.changes;
    writeln!(out)?;
    writeln!(
        out,
        "{} change{}: {} document, {} entities, {} claims, {} edges, {} reviews",
        c.total(),
        if c.total() == 1 { "" } else { "s" },
        c.documents,
        c.entities,
        c.claims,
        c.edges,
        c.reviews
    )
}

fn write_entity(out: &mut dyn Write, e: &PlannedEntity) -> io::Result<()> {
    let r = &e.record;
    writeln!(out, "  {:<8} {}", status(e.status), r.id)?;
    let mut facts = vec![format!("\"{}\", {}", r.name, r.kind)];
    if !r.tags.is_empty() {
        let tags: Vec<&str> = r.tags.iter().map(|t| t.as_str()).collect();
        facts.push(format!("tags {}", tags.join(", ")));
    }
    if let Some(p) = &r.part_of {
        facts.push(format!("part of {p}"));
    }
    let guessed = if e.guessed.is_empty() {
        String::new()
    } else {
        format!(" (guessed: {})", e.guessed.join(", "))
    };
    indented(out, &format!("{}{guessed}", facts.join(", ")))
}

fn write_review(out: &mut dyn Write, r: &PlannedReview) -> io::Result<()> {
    writeln!(out, "  {:<8} {}", status(r.status), r.claim)?;
    let before = r
        .previous
        .map(|v| format!(" (was {v})"))
        .unwrap_or_default();
    indented(
        out,
        &format!(
            "{} by {}{before}: {}",
            r.review.verdict, r.review.by, r.rating
        ),
    )
}
