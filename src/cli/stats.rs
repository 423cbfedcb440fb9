//! `stats`: counts of nodes and edges, and of claims by the predicates of SPEC §2.

use super::{write_json, CliError, Ctx, TextFormat};
use claimgraph::graph::ClaimGraph;
use claimgraph::model::{Kind, Rel, Verdict, TAG_VOCABULARY};
use claimgraph::query;
use claimgraph::support::Support;
use serde_json::{json, Map, Value};
use std::io::Write;
use std::process::ExitCode;

/// Count nodes and edges by kind and relation, and claims by support predicate.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  claimgraph stats\n  claimgraph stats --format json")]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: TextFormat,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let g = &ctx.load()?.graph;
    let s = Support::new(g);
    let stats = compute(g, &s);
    match args.format {
        TextFormat::Json => write_json(out, &stats)?,
        TextFormat::Text => {
            for section in SECTIONS {
                match &stats[section] {
                    Value::Object(m) => {
                        writeln!(out, "{}:", section.replace('_', " "))?;
                        for (k, v) in m {
                            writeln!(out, "  {k:<24} {v}")?;
                        }
                    }
                    v => writeln!(out, "{section:<26} {v}")?,
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The order sections are printed in.
const SECTIONS: &[&str] = &[
    "documents",
    "entities",
    "claims",
    "edges",
    "entities_by_kind",
    "edges_by_rel",
    "claims_by_support",
    "claims_resting_only_on",
    "claims_by_verdict",
];

fn counts<T: Copy + std::fmt::Display>(
    all: &[T],
    count: impl Fn(T) -> usize,
) -> Map<String, Value> {
    all.iter()
        .map(|&x| (x.to_string(), json!(count(x))))
        .collect()
}

fn compute(g: &ClaimGraph, s: &Support) -> Value {
    let claims: Vec<_> = g.claims().collect();
    let entities: Vec<_> = g.entities().collect();
    let kind_count = |k: Kind| {
        entities
            .iter()
            .filter(|&&e| g.entity(e).is_some_and(|x| x.kind == k))
            .count()
    };
    let [asserts, denies, cites] = g.edge_counts();
    let rel_count = |r: Rel| match r {
        Rel::Asserts => asserts,
        Rel::Denies => denies,
        Rel::Cites => cites,
    };
    let claim_count = |f: &dyn Fn(petgraph::stable_graph::NodeIndex) -> bool| {
        claims.iter().filter(|&&c| f(c)).count()
    };
    let mut support = Map::new();
    support.insert("contested".into(), json!(claim_count(&|c| s.contested(c))));
    support.insert(
        "ungrounded".into(),
        json!(claim_count(&|c| s.ungrounded(c))),
    );
    support.insert("circular".into(), json!(claim_count(&|c| s.circular(c))));
    support.insert(
        "single_origin".into(),
        json!(claim_count(&|c| s.single_origin(c))),
    );
    support.insert(
        "independent".into(),
        json!(claim_count(&|c| s.independent(c))),
    );
    support.insert(
        "interested_denial".into(),
        json!(claim_count(&|c| query::interested_denial(g, s, c))),
    );
    let mut rests = Map::new();
    for tag in TAG_VOCABULARY {
        let only = s.rests_only_on(g, tag);
        let n = claims.iter().filter(|c| only[c.index()]).count();
        if n > 0 {
            rests.insert((*tag).to_string(), json!(n));
        }
    }
    let mut verdicts = counts(Verdict::ALL, |v| {
        claim_count(&|c| g.claim(c).and_then(|x| x.verdict()) == Some(v))
    });
    verdicts.insert(
        "unreviewed".into(),
        json!(claim_count(&|c| g
            .claim(c)
            .is_some_and(|x| x.review.is_none()))),
    );
    json!({
        "documents": g.documents().count(),
        "entities": entities.len(),
        "claims": claims.len(),
        "edges": asserts + denies + cites,
        "entities_by_kind": counts(Kind::ALL, kind_count),
        "edges_by_rel": counts(Rel::ALL, rel_count),
        "claims_by_support": support,
        "claims_resting_only_on": rests,
        "claims_by_verdict": verdicts,
    })
}
