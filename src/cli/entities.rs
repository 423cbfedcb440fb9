//! `entities`: list entities, by kind and tag.

use super::completions;
use super::whatif::EntityList;
use super::{table, write_json, CliError, Ctx, ListFormat};
use claimgraph::model::{Entity, Id, Kind};
use clap_complete::ArgValueCandidates;
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

/// List entities (countries, people, organizations) with their tags and origin.
///
/// Entities exist whatever the day, so --as-of lists the same ones; --discredit marks
/// the entities it names.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph entities --tag intelligence\n  claimgraph entities --kind person --format json"
)]
pub struct Args {
    /// Only entities of this kind.
    #[arg(long, value_name = "K", add = ArgValueCandidates::new(completions::kinds))]
    kind: Option<Kind>,
    #[command(flatten)]
    list: EntityList,
}

/// An entity as in the files, plus its origin (docs/format.md §4.4), and whether it is
/// discredited (only with --discredit).
#[derive(Serialize)]
struct EntityOut<'g> {
    #[serde(flatten)]
    entity: &'g Entity,
    origin: &'g Id,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    discredited: bool,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let (g, s) = args.list.load(ctx)?.with_support();
    let picked: Vec<_> = g
        .entity_refs()
        .filter(|r| {
            args.kind.is_none_or(|k| r.entity.kind == k)
                && args.list.tag().is_none_or(|t| r.entity.has_tag(t))
        })
        .map(|r| r.ix)
        .collect();
    let picked = g.sorted_by_id(picked);
    match args.list.format {
        ListFormat::Ids => {
            for e in picked {
                writeln!(out, "{}", g.id(e))?;
            }
        }
        ListFormat::Json => {
            let list: Vec<EntityOut> = picked
                .iter()
                .map(|&e| EntityOut {
                    entity: g.entity(e).expect("entity"),
                    origin: g.id(s.origin(e)),
                    discredited: s.is_discredited(e),
                })
                .collect();
            write_json(out, &list)?;
        }
        ListFormat::Table => {
            let rows: Vec<Vec<String>> = picked
                .iter()
                .map(|&e| {
                    let ent = g.entity(e).expect("entity");
                    let tags: Vec<&str> = ent.tags.iter().map(|t| t.as_str()).collect();
                    vec![
                        ent.id.to_string(),
                        ent.kind.to_string(),
                        tags.join(","),
                        g.id(s.origin(e)).to_string(),
                        if s.is_discredited(e) {
                            format!("{} (discredited)", ent.name)
                        } else {
                            ent.name.clone()
                        },
                    ]
                })
                .collect();
            table::write(
                out,
                &["ID", "KIND", "TAGS", "ORIGIN", "NAME"],
                &rows,
                &[30, 12, 26, 16, 0],
                table::width(),
            )?;
            writeln!(out, "{} entities", rows.len())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
