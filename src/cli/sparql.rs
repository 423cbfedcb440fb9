//! `sparql`: print the SPARQL text of a support question (docs/format.md §2), for the RDF of
//! `export`.

use super::completions;
use super::{CliError, Ctx};
use claimgraph::export::rdf::{self, Base};
use claimgraph::model::Tag;
use claimgraph::sparql::{self, Grounds, Question};
use clap::ValueEnum;
use clap_complete::ArgValueCandidates;
use std::io::Write;
use std::process::ExitCode;

/// Print the SPARQL query of a support question (docs/format.md §2) for the RDF export.
///
/// Each query selects `?claim`, the IRI of a claim (its last path segment is the id), and
/// answers as `claimgraph claims` with the same filter does. Give the same --base as to
/// `export`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph sparql rests-only-on intelligence\n  claimgraph sparql contested --base https://desk.example/graph/\n  claimgraph sparql single-origin --grounds precomputed"
)]
pub struct Args {
    /// The question.
    #[arg(value_enum, value_name = "QUERY-NAME")]
    name: Name,
    /// The tag of rests-only-on.
    #[arg(value_name = "TAG", add = ArgValueCandidates::new(completions::tags_and_vocabulary))]
    tag: Option<String>,
    /// Base IRI the RDF was exported with.
    #[arg(long, value_name = "IRI", default_value = rdf::DEFAULT_BASE, value_parser = parse_base)]
    base: Base,
    /// How the query finds a claim's grounds and an entity's origin: walk the cg:supportedBy
    /// arcs and part_of chains (paths), or read the prov:hadPrimarySource and cg:origin
    /// triples computed at export (precomputed: much faster on large graphs).
    #[arg(long, value_enum, default_value_t = GroundsArg::Paths)]
    grounds: GroundsArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum GroundsArg {
    /// Walk the cg:supportedBy arcs with a property path: works on any export.
    Paths,
    /// Read the prov:hadPrimarySource and cg:origin triples computed at export: much faster.
    Precomputed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Name {
    /// Claims whose grounds are non-empty and all carry TAG.
    RestsOnlyOn,
    /// Claims someone asserts and someone denies.
    Contested,
    /// Claims with no ground at all.
    Ungrounded,
    /// Claims whose grounds all share one origin.
    SingleOrigin,
    /// Denied claims whose every denier shares an origin with what the claim is about.
    InterestedDenial,
}

fn parse_base(s: &str) -> Result<Base, String> {
    Base::new(s).map_err(|e| e.reason.to_string())
}

pub fn run(args: Args, _ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let question = match (args.name, args.tag) {
        (Name::RestsOnlyOn, Some(t)) => {
            Question::RestsOnlyOn(Tag::new(t).map_err(|e| CliError::Usage(e.to_string()))?)
        }
        (Name::RestsOnlyOn, None) => {
            return Err(CliError::Usage(
                "rests-only-on needs a TAG: claimgraph sparql rests-only-on intelligence"
                    .to_string(),
            ))
        }
        (_, Some(t)) => {
            return Err(CliError::Usage(format!(
                "only rests-only-on takes a TAG; unexpected {t:?}"
            )))
        }
        (Name::Contested, None) => Question::Contested,
        (Name::Ungrounded, None) => Question::Ungrounded,
        (Name::SingleOrigin, None) => Question::SingleOrigin,
        (Name::InterestedDenial, None) => Question::InterestedDenial,
    };
    let grounds = match args.grounds {
        GroundsArg::Paths => Grounds::Paths,
        GroundsArg::Precomputed => Grounds::Precomputed,
    };
    out.write_all(sparql::query(&question, &args.base, grounds).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
