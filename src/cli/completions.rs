//! `completions`: the shell script that completes commands, flags, values and the ids of
//! the current graph; and the id candidates themselves.
//!
//! The script is clap_complete's dynamic one: on TAB the shell calls `claimgraph` back
//! (with `CLAIMGRAPH_COMPLETE=SHELL` set), so ids, tags and topics come from the graph as it
//! is at that moment — the one named by `--graph` on the line being completed, else
//! `CLAIMGRAPH_GRAPH`, else `./graph`. The ids and words come from the graph's snapshot
//! (see [`claimgraph::cache`]) when it was made from the files as they are, which costs a
//! hash of the files instead of a load; else from the graph loaded.

use super::{CliError, Ctx};
use claimgraph::cache::{NameKind, Names, Snapshots};
use clap::ValueEnum;
use clap_complete::engine::CompletionCandidate;
use clap_complete::env::EnvCompleter;
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// The environment variable that turns a run into a completion request.
pub const VAR: &str = "CLAIMGRAPH_COMPLETE";

/// Print a shell's completion script (commands, flags, values, and the graph's ids).
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Setup (the script calls claimgraph back, so ids come from the current graph):
  bash        echo 'source <(claimgraph completions bash)' >> ~/.bashrc
  zsh         echo 'source <(claimgraph completions zsh)' >> ~/.zshrc
  fish        echo 'claimgraph completions fish | source' >> ~/.config/fish/config.fish
  powershell  claimgraph completions powershell | Out-String | Invoke-Expression

Examples:
  claimgraph completions bash > /etc/bash_completion.d/claimgraph")]
pub struct Args {
    /// The shell to write the script for.
    #[arg(value_enum)]
    shell: Shell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Shell {
    /// GNU Bash.
    Bash,
    /// Z shell.
    Zsh,
    /// The friendly interactive shell.
    Fish,
    /// PowerShell.
    Powershell,
    /// Elvish.
    Elvish,
}

pub fn run(args: Args, _ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let shell: &dyn EnvCompleter = match args.shell {
        Shell::Bash => &clap_complete::env::Bash,
        Shell::Zsh => &clap_complete::env::Zsh,
        Shell::Fish => &clap_complete::env::Fish,
        Shell::Powershell => &clap_complete::env::Powershell,
        Shell::Elvish => &clap_complete::env::Elvish,
    };
    let completer = completer_path();
    shell.write_registration(VAR, "claimgraph", "claimgraph", &completer, out)?;
    Ok(ExitCode::SUCCESS)
}

/// How the script calls the binary back: as typed when found on PATH, else by absolute path
/// (`./target/release/claimgraph completions bash` still works from another folder).
fn completer_path() -> String {
    let arg0 = PathBuf::from(std::env::args_os().next().unwrap_or_default());
    if arg0.components().count() > 1 {
        if let Ok(abs) = std::path::absolute(&arg0) {
            return abs.to_string_lossy().into_owned();
        }
    }
    arg0.to_string_lossy().into_owned()
}

/// The graph a completion request is about: `--graph` on the line being completed, else the
/// environment, else `graph`.
fn graph_for_completion() -> PathBuf {
    let args: Vec<OsString> = std::env::args_os().collect();
    let mut found = None;
    let mut it = args.iter().filter_map(|a| a.to_str());
    while let Some(a) = it.next() {
        if a == "--graph" {
            found = it.next().map(PathBuf::from);
        } else if let Some(v) = a.strip_prefix("--graph=") {
            found = Some(PathBuf::from(v));
        }
    }
    found
        .or_else(|| std::env::var_os("CLAIMGRAPH_GRAPH").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("graph"))
}

/// The word being completed, when it is a bare value (not a flag, nor `--flag=value`): the
/// candidates offered are those that start with it, so the others need not be read. The
/// shell passes the words after `--`, and with bash the index of the current one.
fn typed_word() -> Option<String> {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let words = &args[args.iter().position(|a| a == "--")? + 1..];
    let at = match std::env::var("_CLAP_COMPLETE_INDEX") {
        Ok(i) => i.parse().ok()?,
        Err(_) => words.len().checked_sub(1)?,
    };
    let word = words.get(at)?;
    (!word.starts_with('-')).then(|| word.clone())
}

/// Which ids a completed argument takes.
#[derive(Clone, Copy)]
enum Want {
    Claims,
    Entities,
    Nodes,
    Documents,
    Any,
}

/// The names of the graph being completed: read from its snapshot when that was made from
/// the files as they are (hashed, not parsed), else from the graph loaded.
fn graph_names() -> Option<Names> {
    let path = graph_for_completion();
    let prefix = typed_word().unwrap_or_default();
    if let Some(names) = Snapshots::for_graph(&path).names(&path, &prefix) {
        return Some(names);
    }
    let loaded = claimgraph::load::from_path(&path).ok()?;
    Some(Names::of(&loaded.graph))
}

fn candidates(want: Want) -> Vec<CompletionCandidate> {
    let Some(names) = graph_names() else {
        return Vec::new();
    };
    let mut list: Vec<CompletionCandidate> = names
        .ids
        .into_iter()
        .filter(|n| match n.kind {
            NameKind::Claim => matches!(want, Want::Claims | Want::Nodes | Want::Any),
            NameKind::Entity => matches!(want, Want::Entities | Want::Nodes | Want::Any),
            NameKind::Document => matches!(want, Want::Documents | Want::Any),
        })
        .map(|n| CompletionCandidate::new(n.id).help(Some(n.help.into())))
        .collect();
    list.sort_by(|a, b| a.get_value().cmp(b.get_value()));
    list
}

/// Completes claim ids.
pub fn claim_ids() -> Vec<CompletionCandidate> {
    candidates(Want::Claims)
}

/// Completes entity ids.
pub fn entity_ids() -> Vec<CompletionCandidate> {
    candidates(Want::Entities)
}

/// Completes entity and claim ids.
pub fn node_ids() -> Vec<CompletionCandidate> {
    candidates(Want::Nodes)
}

/// Completes every id: entities, claims and documents.
pub fn any_ids() -> Vec<CompletionCandidate> {
    candidates(Want::Any)
}

/// Completes document ids.
pub fn document_ids() -> Vec<CompletionCandidate> {
    candidates(Want::Documents)
}

/// Completes the words of `set` and `unset`: ids, then a field name.
pub fn ids_and_fields() -> Vec<CompletionCandidate> {
    use claimgraph::schema::{field_paths, RecordKind};
    let mut list = any_ids();
    let mut names: Vec<String> = [
        RecordKind::Document,
        RecordKind::Entity,
        RecordKind::Claim,
        RecordKind::Edge,
    ]
    .into_iter()
    .flat_map(field_paths)
    .collect();
    names.sort();
    names.dedup();
    list.extend(
        names
            .into_iter()
            .map(|n| CompletionCandidate::new(n).help(Some("field".into()))),
    );
    list
}

/// Completes the words of `--edge FROM REL TO`: entity and claim ids, and the relations.
pub fn nodes_and_rels() -> Vec<CompletionCandidate> {
    let mut list = rels();
    list.extend(node_ids());
    list
}

/// Completes the relations: asserts, denies, cites.
pub fn rels() -> Vec<CompletionCandidate> {
    claimgraph::model::Rel::ALL
        .iter()
        .map(|r| CompletionCandidate::new(r.as_str()))
        .collect()
}

/// Completes the tags the graph's entities carry.
pub fn tags() -> Vec<CompletionCandidate> {
    words(|n| n.tags)
}

/// Completes tags: those the graph's entities carry and the recommended vocabulary (docs/format.md §3).
pub fn tags_and_vocabulary() -> Vec<CompletionCandidate> {
    let mut list = tags();
    let have: Vec<String> = list
        .iter()
        .map(|c| c.get_value().to_string_lossy().into_owned())
        .collect();
    for t in claimgraph::model::TAG_VOCABULARY {
        if !have.iter().any(|h| h == t) {
            list.push(CompletionCandidate::new(*t).help(Some("recommended".into())));
        }
    }
    list.sort_by(|a, b| a.get_value().cmp(b.get_value()));
    list
}

/// Completes entity kinds: country, person, organization.
pub fn kinds() -> Vec<CompletionCandidate> {
    claimgraph::model::Kind::ALL
        .iter()
        .map(|k| CompletionCandidate::new(k.as_str()))
        .collect()
}

/// Completes verdicts (docs/format.md §5).
pub fn verdicts() -> Vec<CompletionCandidate> {
    claimgraph::model::Verdict::ALL
        .iter()
        .map(|v| CompletionCandidate::new(v.as_str()))
        .collect()
}

/// Completes a verdict filter: the verdicts, and `unreviewed`.
pub fn verdict_filters() -> Vec<CompletionCandidate> {
    let mut list = verdicts();
    list.push(CompletionCandidate::new("unreviewed").help(Some("no review".into())));
    list
}

/// Completes the topics of the graph's claims.
pub fn topics() -> Vec<CompletionCandidate> {
    words(|n| n.topics)
}

/// The distinct, sorted words `pick` takes from the graph's names.
fn words(pick: impl Fn(Names) -> Vec<String>) -> Vec<CompletionCandidate> {
    graph_names()
        .map(pick)
        .unwrap_or_default()
        .into_iter()
        .map(CompletionCandidate::new)
        .collect()
}
