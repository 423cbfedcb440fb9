//! `init`: a new graph folder with a short example file and a README line.

use super::editing::report_written;
use super::term::{safe, say};
use super::{CliError, Ctx};
use claimgraph::export::json::to_canonical_string;
use claimgraph::load::{self, Source};
use claimgraph::model::GraphFile;
use claimgraph::store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The example graph a new folder starts with: one article, two sources, one claim.
const EXAMPLE: &str = r#"{
  "documents": [{"id": "example-article", "title": "An example article", "publisher": "example-outlet", "published": "2024-06-18"}],
  "entities": [
    {"id": "example-agency", "name": "Example Agency", "kind": "organization", "tags": ["government"]},
    {"id": "example-outlet", "name": "Example Outlet", "kind": "organization", "tags": ["media"]}
  ],
  "claims": [{"id": "example-claim", "text": "Something happened, according to Example Agency.", "found_in": ["example-article"]}],
  "edges": [
    {"from": "example-claim", "rel": "cites", "to": "example-agency", "in": "example-article"},
    {"from": "example-outlet", "rel": "asserts", "to": "example-claim", "in": "example-article"}
  ]
}"#;

const README: &str = "This folder is a claimgraph graph: every *.json file in it is read and merged (see `claimgraph --help`).\n";

const GITIGNORE: &str = ".claimgraph.lock\n.claimgraph.journal\n.*.cgtmp\n.claimgraph-cache/\n";

/// Create a new graph folder with an example file (example.json) and a README line.
///
/// Refuses a folder that already holds .json files.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph init desk-graph && claimgraph --graph desk-graph claims"
)]
pub struct Args {
    /// The folder to create.
    dir: PathBuf,
}

pub fn run(args: Args, _ctx: &Ctx, _out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let dir = &args.dir;
    if has_json(dir) {
        return Err(CliError::Refused(format!(
            "{} already holds a graph (.json files); init makes a new one",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        CliError::Refused(format!(
            "cannot create {}: {}",
            dir.display(),
            load::io_reason(&e)
        ))
    })?;
    let example = canonical_example();
    let path = dir.join("example.json");
    load::from_sources(&[Source {
        name: path.display().to_string(),
        bytes: example.clone().into_bytes(),
    }])?;
    let _lock = store::lock(dir)?;
    let mut written = Vec::new();
    for (name, text) in [
        ("example.json", example.as_str()),
        ("README.md", README),
        (".gitignore", GITIGNORE),
    ] {
        let p = dir.join(name);
        if !p.exists() {
            store::replace(&p, text.as_bytes())?;
            written.push(p);
        }
    }
    report_written(&written);
    say!(
        "claimgraph: next: claimgraph --graph {} claims",
        safe(&dir.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}

fn canonical_example() -> String {
    let mut file: GraphFile = serde_json::from_str(EXAMPLE).expect("the example parses");
    store::sort(&mut file);
    to_canonical_string(&file)
}

fn has_json(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.path().extension().is_some_and(|x| x == "json"))
    })
}
