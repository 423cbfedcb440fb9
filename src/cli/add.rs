//! `add`: a new entity, claim or document; prints its id on stdout.

use super::completions;
use super::editing::{edit_quick, file_arg};
use super::term::{safe, say};
use super::{CliError, Ctx};
use claimgraph::edit::{self, NewClaim, NewDocument, NewEntity};
use claimgraph::model::{Credibility, Date, Kind, Reliability, Tag, ValueError};
use claimgraph::similar::{self, Hit};
use clap_complete::ArgValueCandidates;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Add an entity, a claim or a document; prints the new id.
///
/// An entity whose name or alias is already another entity's (compared without case,
/// accents and punctuation) is refused, naming that entity, unless --force. The id may be
/// left out: it is then made from the name, text or title (lower case, words
/// joined by "-", at most 60 bytes, "-2", "-3"… if taken). The record goes into --file, else
/// into the file already holding the records it refers to, else into claims.json. The whole
/// graph is validated before anything is written. A new claim is compared with the
/// existing ones (as `similar` does): the closest are named on stderr.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph add entity --name \"Reuters\" --kind organization --tag wire --part-of united-kingdom\n  claimgraph add doc --title \"Seoul says...\" --url https://... --published 2024-06-20 --publisher reuters\n  claimgraph add claim --text \"North Korea shipped shells.\" --about north-korea --found-in reuters-2024-06-20"
)]
pub struct Args {
    #[command(subcommand)]
    what: What,
    /// The graph file to add to (a .json name in the graph folder; created if needed).
    #[arg(long, global = true, value_name = "FILE")]
    file: Option<PathBuf>,
    #[command(flatten)]
    pub(super) write: super::editing::WriteOpts,
}

#[derive(Debug, clap::Subcommand)]
enum What {
    /// Add an entity (a country, person or organization).
    Entity(EntityArgs),
    /// Add a claim.
    Claim(ClaimArgs),
    /// Add a document (where claims and edges were found).
    #[command(alias = "document")]
    Doc(DocArgs),
}

/// The id, as a positional argument or --id.
#[derive(Debug, clap::Args)]
struct IdArg {
    /// The new id (made from the name, text or title when left out).
    #[arg(value_name = "ID")]
    id: Option<String>,
    /// The new id (same as the positional ID).
    #[arg(long = "id", value_name = "ID", conflicts_with = "id")]
    id_flag: Option<String>,
}

impl IdArg {
    fn get(self) -> Option<String> {
        self.id.or(self.id_flag)
    }
}

#[derive(Debug, clap::Args)]
struct EntityArgs {
    #[command(flatten)]
    id: IdArg,
    /// Its name.
    #[arg(long)]
    name: String,
    /// country, person or organization.
    #[arg(long, add = ArgValueCandidates::new(completions::kinds))]
    kind: Kind,
    /// A source type (docs/format.md §3), repeatable.
    #[arg(long = "tag", value_name = "TAG", value_parser = |s: &str| Tag::new(s), add = ArgValueCandidates::new(completions::tags_and_vocabulary))]
    tags: Vec<Tag>,
    /// The entity it is part of (an id, name or alias).
    #[arg(long, value_name = "ID", add = ArgValueCandidates::new(completions::entity_ids))]
    part_of: Option<String>,
    /// Another name, repeatable.
    #[arg(long = "alias", value_name = "NAME")]
    aliases: Vec<String>,
    /// Source reliability, A (reliable) to F (cannot be judged).
    #[arg(long, value_name = "A-F", value_parser = |s: &str| Reliability::new(s))]
    reliability: Option<Reliability>,
    /// A free note.
    #[arg(long)]
    note: Option<String>,
}

#[derive(Debug, clap::Args)]
struct ClaimArgs {
    #[command(flatten)]
    id: IdArg,
    /// What is claimed.
    #[arg(long)]
    text: String,
    /// When it is claimed to have happened: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_parser = |s: &str| Date::new(s))]
    date: Option<Date>,
    /// An entity the claim is about, repeatable.
    #[arg(long = "about", value_name = "ID", add = ArgValueCandidates::new(completions::entity_ids))]
    about: Vec<String>,
    /// A topic, repeatable.
    #[arg(long = "topic", value_name = "TOPIC", add = ArgValueCandidates::new(completions::topics))]
    topics: Vec<String>,
    /// A document the claim was found in, repeatable.
    #[arg(long = "found-in", value_name = "DOC", add = ArgValueCandidates::new(completions::document_ids))]
    found_in: Vec<String>,
    /// Information credibility, 1 (confirmed by independent sources) to 6.
    #[arg(long, value_name = "1-6", value_parser = parse_credibility)]
    credibility: Option<Credibility>,
    /// A free note.
    #[arg(long)]
    note: Option<String>,
}

#[derive(Debug, clap::Args)]
struct DocArgs {
    #[command(flatten)]
    id: IdArg,
    /// Its title.
    #[arg(long)]
    title: String,
    /// Where it is.
    #[arg(long)]
    url: Option<String>,
    /// When it was published.
    #[arg(long, value_parser = |s: &str| Date::new(s))]
    published: Option<Date>,
    /// The entity that published it.
    #[arg(long, value_name = "ID", add = ArgValueCandidates::new(completions::entity_ids))]
    publisher: Option<String>,
}

fn parse_credibility(s: &str) -> Result<Credibility, ValueError> {
    let n = s
        .parse::<i64>()
        .map_err(|_| ValueError(format!("bad credibility {s:?}: expected an integer 1-6")))?;
    Credibility::new(n)
}

/// Existing claims scoring this much are shown when a claim is added, even if not the same.
const NEAR: f64 = 0.5;

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let file = file_arg(&args.file);
    let force = args.write.force;
    let mut close: Vec<Hit> = Vec::new();
    let placed = match args.what {
        What::Entity(a) => {
            let new = NewEntity {
                id: a.id.get(),
                name: a.name,
                kind: Some(a.kind),
                tags: a.tags,
                part_of: a.part_of,
                aliases: a.aliases,
                reliability: a.reliability,
                note: a.note,
                force,
            };
            edit_quick(
                ctx,
                |read| edit::quick::add_entity(read, &new, file),
                |files| edit::add_entity(files, new.clone(), file),
            )?
        }
        What::Claim(a) => {
            let new = NewClaim {
                id: a.id.get(),
                text: a.text,
                date: a.date,
                about: a.about,
                topics: a.topics,
                found_in: a.found_in,
                credibility: a.credibility,
                note: a.note,
            };
            let near = std::cell::RefCell::new(Vec::new());
            let hints = |g: &claimgraph::graph::ClaimGraph| {
                *near.borrow_mut() = similar::close_claims(g, &new.text, NEAR, 3);
            };
            let placed = edit_quick(
                ctx,
                |read| edit::quick::add_claim(read, &new, file, hints),
                |files| {
                    if let Ok(g) = files.graph() {
                        hints(g);
                    }
                    edit::add_claim(files, new.clone(), file)
                },
            )?;
            close = near.into_inner();
            placed
        }
        What::Doc(a) => {
            let new = NewDocument {
                id: a.id.get(),
                title: a.title,
                url: a.url,
                published: a.published,
                publisher: a.publisher,
            };
            edit_quick(
                ctx,
                |read| edit::quick::add_document(read, &new, file),
                |files| edit::add_document(files, new.clone(), file),
            )?
        }
    };
    warn_close(&close);
    writeln!(out, "{}", placed.id)?;
    Ok(ExitCode::SUCCESS)
}

/// Warns on stderr about existing claims close to a claim just added.
fn warn_close(close: &[Hit]) {
    if close.is_empty() {
        return;
    }
    let what = if close.iter().any(|h| h.same) {
        "this claim may already be in the graph"
    } else {
        "close claims are already in the graph"
    };
    say!("claimgraph: warning: {what} (`claimgraph similar ID` compares them):");
    for h in close {
        let verdict = if h.same { ", the same claim" } else { "" };
        say!(
            "  {} (score {:.2}{verdict}): {}",
            h.id,
            h.score,
            safe(&h.text)
        );
    }
}
