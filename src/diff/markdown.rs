//! The diff as Markdown: one section per kind of change, only the non-empty ones, in the
//! order a reviewer reads them (sources and documents, claims, edges and where they were
//! said, reviews, then what the change does to support).

use super::*;
use crate::markdown as md;
use serde_json::Value;
use std::fmt::Write as _;

fn verdict_text(v: Option<Verdict>) -> &'static str {
    v.map_or("unreviewed", |v| v.as_str())
}

/// A Markdown list of sections; each is written only when it has lines.
struct Sections(String);

impl Sections {
    fn add(&mut self, title: &str, lines: Vec<String>) {
        if lines.is_empty() {
            return;
        }
        let _ = writeln!(self.0, "## {title} ({})\n", lines.len());
        for l in lines {
            let _ = writeln!(self.0, "- {l}");
        }
        self.0.push('\n');
    }
}

fn ids(l: &[Id]) -> String {
    l.iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A field's value on one line: text quoted, lists joined, nothing as `(none)`.
fn value(v: &Value) -> String {
    match v {
        Value::Null => "(none)".into(),
        Value::String(s) => format!("“{}”", md::text(s)),
        Value::Array(a) if a.is_empty() => "(none)".into(),
        Value::Array(a) => a.iter().map(value).collect::<Vec<_>>().join(", "),
        Value::Object(o) => o
            .iter()
            .map(|(k, x)| format!("{k} {}", value(x)))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

fn changes(list: &[FieldChange]) -> String {
    list.iter()
        .map(|c| format!("{}: {} → {}", c.field, value(&c.old), value(&c.new)))
        .collect::<Vec<_>>()
        .join("; ")
}

fn record_change(c: &RecordChange) -> String {
    format!("`{}`: {}", c.id, changes(&c.changes))
}

fn record_ref(r: &RecordRef) -> String {
    format!("`{}`: {}", r.id, md::text(&r.label))
}

fn within(in_doc: &Option<Id>) -> String {
    in_doc
        .as_ref()
        .map_or_else(|| " (no document)".into(), |d| format!(" in `{d}`"))
}

fn appearance(a: &AppearanceRef) -> String {
    let mut line = format!("`{}` {} `{}`{}", a.from, a.rel, a.to, within(&a.in_doc));
    if let Some(q) = &a.quote {
        let _ = write!(line, ": “{}”", md::text(q));
    }
    if let Some(d) = &a.date {
        let _ = write!(line, ", {d}");
    }
    line
}

fn review(r: &Option<crate::model::Review>) -> String {
    let Some(r) = r else {
        return "unreviewed".into();
    };
    let mut s = format!("{} by `{}`", r.verdict, r.by);
    if let Some(d) = r.date {
        let _ = write!(s, " on {d}");
    }
    if let Some(n) = &r.note {
        let _ = write!(s, " ({})", md::text(n));
    }
    s
}

fn claim(c: &ClaimRef, tag: &str) -> String {
    let grounds = if c.grounds.is_empty() {
        "none (ungrounded)".to_string()
    } else {
        ids(&c.grounds)
    };
    let only = if c.rests_only_on {
        format!("; rests only on {tag}")
    } else {
        String::new()
    };
    format!(
        "`{}`: {}\n  (grounds: {grounds}{only}; verdict: {})",
        c.id,
        md::text(&c.text),
        verdict_text(c.verdict)
    )
}

/// The appearances of `e` among `list` with their details, as ` (in `a`: “…”; in `b`)`.
fn found_in(e: &EdgeKey, list: &[AppearanceRef]) -> String {
    let docs: Vec<String> = list
        .iter()
        .filter(|a| a.from == e.from && a.rel == e.rel && a.to == e.to)
        .map(|a| {
            let mut s = a
                .in_doc
                .as_ref()
                .map_or_else(|| "no document".into(), |d| format!("in `{d}`"));
            if let Some(q) = &a.quote {
                let _ = write!(s, ": “{}”", md::text(q));
            }
            if let Some(d) = &a.date {
                let _ = write!(s, ", {d}");
            }
            s
        })
        .collect();
    match docs.as_slice() {
        [] => String::new(),
        [one] if one == "no document" => String::new(),
        _ => format!(" ({})", docs.join("; ")),
    }
}

/// Whether the appearance `a` is of one of the relations in `edges`.
fn of_relation(a: &AppearanceRef, edges: &[EdgeKey]) -> bool {
    edges
        .iter()
        .any(|e| a.from == e.from && a.rel == e.rel && a.to == e.to)
}

/// The diff as Markdown. A relation added or removed is listed once under Edges, with the
/// documents it appears in; Appearances lists the other documents that now state (or no
/// longer state) a relation the graph had before and still has.
pub fn to_markdown(d: &GraphDiff) -> String {
    if d.is_empty() {
        return "No changes to documents, entities, claims, edges, reviews or grounds.\n".into();
    }
    let mut s = Sections(String::new());
    let tag = d.tag.as_str();
    s.add(
        "Documents added",
        d.documents_added.iter().map(record_ref).collect(),
    );
    s.add(
        "Documents removed",
        d.documents_removed.iter().map(record_ref).collect(),
    );
    s.add(
        "Documents changed",
        d.documents_changed.iter().map(record_change).collect(),
    );
    s.add(
        "Entities added",
        d.entities_added.iter().map(record_ref).collect(),
    );
    s.add(
        "Entities removed",
        d.entities_removed.iter().map(record_ref).collect(),
    );
    s.add(
        "Entities changed",
        d.entities_changed.iter().map(record_change).collect(),
    );
    s.add(
        "Claims added",
        d.claims_added.iter().map(|c| claim(c, tag)).collect(),
    );
    s.add(
        "Claims removed",
        d.claims_removed.iter().map(|c| claim(c, tag)).collect(),
    );
    s.add(
        "Text changed",
        d.text_changed
            .iter()
            .map(|t| {
                let (old, new) = (md::text(&t.old), md::text(&t.new));
                format!("`{}`:\n  - old: {old}\n  - new: {new}", t.id)
            })
            .collect(),
    );
    s.add(
        "Claims changed",
        d.claims_changed.iter().map(record_change).collect(),
    );
    let edge = |e: &EdgeKey, list: &[AppearanceRef]| {
        format!("`{}` {} `{}`{}", e.from, e.rel, e.to, found_in(e, list))
    };
    s.add(
        "Edges added",
        d.edges_added
            .iter()
            .map(|e| edge(e, &d.appearances_added))
            .collect(),
    );
    s.add(
        "Edges removed",
        d.edges_removed
            .iter()
            .map(|e| edge(e, &d.appearances_removed))
            .collect(),
    );
    s.add(
        "Appearances added",
        d.appearances_added
            .iter()
            .filter(|a| !of_relation(a, &d.edges_added))
            .map(appearance)
            .collect(),
    );
    s.add(
        "Appearances removed",
        d.appearances_removed
            .iter()
            .filter(|a| !of_relation(a, &d.edges_removed))
            .map(appearance)
            .collect(),
    );
    s.add(
        "Appearances changed",
        d.appearances_changed
            .iter()
            .map(|a| {
                format!(
                    "`{}` {} `{}`{}: {}",
                    a.from,
                    a.rel,
                    a.to,
                    within(&a.in_doc),
                    changes(&a.changes)
                )
            })
            .collect(),
    );
    s.add(
        "Reviews changed",
        d.reviews_changed
            .iter()
            .map(|r| format!("`{}`: {} → {}", r.id, review(&r.old), review(&r.new)))
            .collect(),
    );
    s.add(
        "Grounds changed",
        d.grounds_changed
            .iter()
            .map(|g| {
                let mut parts = Vec::new();
                if !g.added.is_empty() {
                    parts.push(format!("+ {}", ids(&g.added)));
                }
                if !g.removed.is_empty() {
                    parts.push(format!("− {}", ids(&g.removed)));
                }
                format!("`{}`: {}", g.id, parts.join("; "))
            })
            .collect(),
    );
    s.add(
        &format!("Rests only on {tag}: changed"),
        d.rests_only_on_changed
            .iter()
            .map(|r| {
                let word = if r.new {
                    "now rests only on"
                } else {
                    "no longer rests only on"
                };
                format!("`{}` {word} {tag}", r.id)
            })
            .collect(),
    );
    s.0
}
