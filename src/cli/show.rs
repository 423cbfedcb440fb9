//! `show`: one claim, entity or document with all its edges.

use super::completions;
use super::term::safe;
use super::whatif::TextRead;
use super::{resolve, write_json, CliError, Ctx, TextFormat};
use claimgraph::appearance::{self, Appearance};
use claimgraph::graph::{ClaimGraph, ClaimRef, NodeIx, Record, Slot};
use claimgraph::model::{Id, Rel};
use claimgraph::query;
use claimgraph::schema::RecordKind;
use claimgraph::support::Support;
use claimgraph::text::terminal_safe;
use clap_complete::ArgValueCandidates;
use petgraph::Direction;
use serde_json::json;
use std::io::Write;
use std::process::ExitCode;

/// Show one claim, entity or document with all its edges.
///
/// A document is shown with what it states: each claim it states or reports (its found_in,
/// or an edge at the claim found in it) with the edges at that claim found in the document,
/// quotes and dates, then the other edges found in it (relays between entities). With
/// --as-of, only the edges stated by that day are shown; with --discredit, the claim's
/// grounds and state are of what is left.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph show nis\n  claimgraph show Pyongyang --format json"
)]
pub struct Args {
    /// An id, or an entity's name or alias.
    #[arg(add = ArgValueCandidates::new(completions::any_ids))]
    id: String,
    #[command(flatten)]
    read: TextRead,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let (g, s) = args.read.load(ctx)?.with_support();
    match (resolve(g, &args.id)?, args.read.format) {
        (Slot::Doc(d), TextFormat::Json) => write_json(out, &document_json(g, d))?,
        (Slot::Doc(d), TextFormat::Text) => write_document(out, g, d)?,
        (Slot::Node(ix), TextFormat::Json) => write_json(out, &node_json(g, &s, ix))?,
        (Slot::Node(ix), TextFormat::Text) => write_text(out, &node_json(g, &s, ix), 0)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The edges touching `ix`, as `{rel, from|to, in, quote, date, note}` objects: one per
/// appearance (a relation found in two documents is two edges).
fn edges_json(g: &ClaimGraph, ix: NodeIx, dir: Direction) -> Vec<serde_json::Value> {
    let mut list: Vec<_> = g
        .petgraph()
        .edges_directed(ix, dir)
        .map(|e| {
            let rec = g.edge_record(e);
            let other = if dir == Direction::Outgoing {
                "to"
            } else {
                "from"
            };
            let other_id = if dir == Direction::Outgoing {
                &rec.to
            } else {
                &rec.from
            };
            let mut v = json!({ "rel": rec.rel, other: other_id });
            let obj = v.as_object_mut().expect("object");
            if let Some(d) = &rec.in_doc {
                obj.insert("in".into(), json!(d));
            }
            if let Some(q) = &rec.quote {
                obj.insert("quote".into(), json!(q));
            }
            if let Some(d) = &rec.date {
                obj.insert("date".into(), json!(d));
            }
            if let Some(n) = &rec.note {
                obj.insert("note".into(), json!(n));
            }
            v
        })
        .collect();
    list.sort_by_key(|v| (v["rel"].to_string(), v.to_string()));
    list
}

fn ids(list: Vec<&Id>) -> serde_json::Value {
    json!(list)
}

fn node_json(g: &ClaimGraph, s: &Support, ix: NodeIx) -> serde_json::Value {
    let mut v = match &g.node(ix).record {
        Record::Claim(c) => {
            let facts = query::facts(g, s, ClaimRef { ix, claim: c });
            let mut v = serde_json::to_value(c).expect("claims serialize");
            let obj = v.as_object_mut().expect("object");
            obj.insert("type".into(), json!("claim"));
            obj.insert("asserted_by".into(), ids(facts.asserted_by));
            obj.insert("denied_by".into(), ids(facts.denied_by));
            obj.insert("grounds".into(), ids(facts.grounds));
            obj.insert("chokepoints".into(), ids(facts.chokepoints));
            if facts.chokepoints_more > 0 {
                obj.insert("chokepoints_more".into(), json!(facts.chokepoints_more));
            }
            obj.insert("cited_by".into(), ids(g.source_ids(ix, Rel::Cites)));
            for (k, b) in [
                ("contested", facts.contested),
                ("circular", facts.circular),
                ("ungrounded", facts.ungrounded),
                ("single_origin", facts.single_origin),
                ("independent", facts.independent),
                ("single_relay", facts.single_relay),
                ("interested_denial", facts.interested_denial),
            ] {
                obj.insert(k.into(), json!(b));
            }
            v
        }
        Record::Entity(e) => {
            let mut v = serde_json::to_value(e).expect("entities serialize");
            let obj = v.as_object_mut().expect("object");
            obj.insert("type".into(), json!("entity"));
            obj.insert("origin".into(), json!(g.id(s.origin(ix))));
            obj.insert("ground".into(), json!(s.is_ground(ix)));
            if s.is_discredited(ix) {
                obj.insert("discredited".into(), json!(true));
            }
            obj.insert("chokes".into(), json!(s.choke_counts()[ix.index()].0));
            obj.insert("asserts".into(), ids(g.target_ids(ix, Rel::Asserts)));
            obj.insert("denies".into(), ids(g.target_ids(ix, Rel::Denies)));
            obj.insert("cited_by".into(), ids(g.source_ids(ix, Rel::Cites)));
            v
        }
    };
    let obj = v.as_object_mut().expect("object");
    obj.insert(
        "edges_out".into(),
        json!(edges_json(g, ix, Direction::Outgoing)),
    );
    obj.insert(
        "edges_in".into(),
        json!(edges_json(g, ix, Direction::Incoming)),
    );
    v
}

/// A document with what it states: the claims it states or reports (its `found_in`, or an
/// edge at the claim found in it, as `claims --found-in`) and every edge found in it.
fn document_json(g: &ClaimGraph, d: u32) -> serde_json::Value {
    let data = g.document(d);
    let mut v = serde_json::to_value(&data.doc).expect("documents serialize");
    let claims: Vec<&Id> = query::claims_found_in(g, d)
        .into_iter()
        .map(|c| g.id(c))
        .collect();
    let obj = v.as_object_mut().expect("object");
    obj.insert("type".into(), json!("document"));
    obj.insert("claims".into(), json!(claims));
    obj.insert("edges".into(), json!(appearance::in_document(g, d)));
    v
}

/// `show DOC` as text: the document's fields, then each claim it states with the edges at
/// that claim found in it, then the edges between entities (relays).
fn write_document(out: &mut dyn Write, g: &ClaimGraph, d: u32) -> Result<(), CliError> {
    let v = document_json(g, d);
    let mut fields = v.clone();
    let obj = fields.as_object_mut().expect("object");
    obj.remove("claims");
    obj.remove("edges");
    let claims = query::claims_found_in(g, d);
    let edges = appearance::in_document(g, d);
    obj.insert(
        "states".into(),
        json!(format!(
            "{}, {}",
            count(claims.len(), "claim"),
            count(edges.len(), "edge")
        )),
    );
    write_text(out, &fields, 0)?;
    if !claims.is_empty() {
        writeln!(out, "claims:")?;
    }
    for &c in &claims {
        let id = g.id(c);
        let text = g.claim(c).map_or("", |x| x.text.as_str());
        writeln!(out, "  {}: {}", id, terminal_safe(text))?;
        for a in edges.iter().filter(|a| a.from == id || a.to == id) {
            let rel = if a.to == id {
                format!("{} {}", a.from, a.rel)
            } else {
                format!("{} {}", a.rel, a.to)
            };
            writeln!(out, "    - {rel}{}", details(a))?;
        }
    }
    let others: Vec<&Appearance> = edges
        .iter()
        .filter(|a| !claims.iter().any(|&c| g.id(c) == a.from || g.id(c) == a.to))
        .collect();
    if !others.is_empty() {
        writeln!(out, "other edges:")?;
        for a in others {
            writeln!(out, "  - {} {} {}{}", a.from, a.rel, a.to, details(a))?;
        }
    }
    Ok(())
}

/// `  “quote” · date · note: …` for an edge shown under its document.
fn details(a: &Appearance) -> String {
    let mut parts = Vec::new();
    if let Some(q) = a.quote {
        parts.push(format!("“{}”", terminal_safe(q)));
    }
    if let Some(d) = a.date {
        parts.push(d.to_string());
    }
    if let Some(n) = a.note {
        parts.push(format!("note: {}", terminal_safe(n)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("  {}", parts.join(" · "))
    }
}

fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// What `show` adds after a record's own fields, in this order (derived facts, then edges).
const DERIVED_ORDER: &[&str] = &[
    "origin",
    "ground",
    "discredited",
    "chokes",
    "asserted_by",
    "denied_by",
    "cites",
    "grounds",
    "chokepoints",
    "chokepoints_more",
    "cited_by",
    "asserts",
    "denies",
    "contested",
    "interested_denial",
    "circular",
    "ungrounded",
    "single_origin",
    "independent",
    "single_relay",
    "states",
    "claims",
    "edges",
    "edges_out",
    "edges_in",
];

/// The order fields of `v` are shown in: `type`, the record's fields in file order (from
/// the schema, by the object's `type`; a review's for an object with a `verdict`), then
/// [`DERIVED_ORDER`]; anything else follows in name order.
fn field_order(v: &serde_json::Map<String, serde_json::Value>) -> Vec<&'static str> {
    let kind = match v.get("type").and_then(|t| t.as_str()) {
        Some("document") => Some(RecordKind::Document),
        Some("entity") => Some(RecordKind::Entity),
        Some("claim") => Some(RecordKind::Claim),
        _ if v.contains_key("verdict") => Some(RecordKind::Review),
        _ => None,
    };
    let own = kind.into_iter().flat_map(|k| k.field_names());
    std::iter::once("type")
        .chain(own)
        .chain(DERIVED_ORDER.iter().copied())
        .collect()
}

/// Prints a JSON object as aligned `key: value` lines; short lists inline, long ones one
/// item per line.
fn write_text(out: &mut dyn Write, v: &serde_json::Value, indent: usize) -> Result<(), CliError> {
    let pad = " ".repeat(indent);
    let Some(obj) = v.as_object() else {
        writeln!(out, "{pad}{}", scalar(v))?;
        return Ok(());
    };
    let order = field_order(obj);
    let mut keys: Vec<&String> = obj.keys().collect();
    keys.sort_by_key(|k| {
        (
            order.iter().position(|f| f == k).unwrap_or(usize::MAX),
            k.to_string(),
        )
    });
    let width = keys.iter().map(|k| k.len()).max().unwrap_or(0) + 1;
    for k in keys {
        let label = format!("{k}:");
        match &obj[k.as_str()] {
            serde_json::Value::Null => {}
            serde_json::Value::Array(items) if items.is_empty() => {}
            serde_json::Value::Array(items) => {
                let inline: Vec<String> = items.iter().map(scalar).collect();
                let joined = inline.join(", ");
                if items.iter().all(|i| i.is_string()) && joined.len() <= 60 {
                    writeln!(out, "{pad}{label:width$} {joined}")?;
                } else {
                    writeln!(out, "{pad}{label}")?;
                    for item in inline {
                        writeln!(out, "{pad}  - {item}")?;
                    }
                }
            }
            val @ serde_json::Value::Object(_) => {
                writeln!(out, "{pad}{label}")?;
                write_text(out, val, indent + 2)?;
            }
            val => writeln!(out, "{pad}{label:width$} {}", scalar(val))?,
        }
    }
    Ok(())
}

/// A value on one line: strings bare (terminal-safe: a newline in the data is shown as
/// `\u{a}` and cannot start a line), edges as `rel other (in doc)`, objects as pairs.
fn scalar(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => safe(s).into_owned(),
        serde_json::Value::Object(o) if o.contains_key("rel") => {
            let mut s = o["rel"].as_str().unwrap_or_default().to_string();
            for key in ["to", "from"] {
                if let Some(x) = o.get(key).and_then(|x| x.as_str()).map(safe) {
                    s = if key == "to" {
                        format!("{s} {x}")
                    } else {
                        format!("{x} {s}")
                    };
                }
            }
            for key in ["in", "date"] {
                if let Some(x) = o.get(key).and_then(|x| x.as_str()).map(safe) {
                    s.push_str(&format!("  [{key} {x}]"));
                }
            }
            if let Some(q) = o.get("quote").and_then(|x| x.as_str()).map(safe) {
                s.push_str(&format!("  \"{q}\""));
            }
            if let Some(n) = o.get("note").and_then(|x| x.as_str()) {
                s.push_str(&format!("  (note: {n})"));
            }
            s
        }
        serde_json::Value::Object(o) => o
            .iter()
            .map(|(k, v)| format!("{k}={}", scalar(v)))
            .collect::<Vec<_>>()
            .join("  "),
        other => other.to_string(),
    }
}
