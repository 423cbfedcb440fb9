//! The report as Markdown: a header with the verdict and the claim's details, a section per
//! stance (asserts, denies, cites), the support tree as a nested list, the grounds as a
//! table, and the warnings. Every string from the graph goes through [`md::text`] (it can
//! only be text) and documents link only to web addresses ([`md::link`]).

use super::{DocRef, IfWrong, Report, Source, Stance, TREE_DEPTH};
use crate::markdown as md;
use crate::model::Id;
use crate::why::{Mark, Via};
use std::fmt::Write as _;

/// The report as a Markdown document.
pub fn to_markdown(r: &Report) -> String {
    let mut md = String::new();
    let f = &r.facts;
    let _ = writeln!(md, "# Fact-check: `{}`\n", f.id);
    let _ = writeln!(md, "> {}\n", md::text(f.text));
    header(&mut md, r);
    stance_section(&mut md, "Who asserts it", &r.asserted_by);
    stance_section(&mut md, "Who denies it", &r.denied_by);
    if !r.cites.is_empty() {
        stance_section(&mut md, "What it cites", &r.cites);
    }
    tree_section(&mut md, r);
    grounds_section(&mut md, &r.grounds);
    if_wrong_section(&mut md, r);
    let _ = writeln!(md, "## Warnings\n");
    if r.warnings.is_empty() {
        let _ = writeln!(md, "None.");
    }
    for w in &r.warnings {
        let _ = writeln!(md, "- **{}**: {}", w.code, w.message);
    }
    md
}

fn header(md: &mut String, r: &Report) {
    let f = &r.facts;
    let verdict = match &r.review {
        None => "unreviewed".to_string(),
        Some(rv) => {
            let mut v = format!(
                "**{}**, by {} (`{}`)",
                rv.review.verdict,
                md::text(rv.by_name),
                rv.review.by
            );
            if let Some(d) = &rv.review.date {
                let _ = write!(v, " on {d}");
            }
            if let Some(n) = &rv.review.note {
                let _ = write!(v, " — {}", md::text(n));
            }
            v
        }
    };
    let _ = writeln!(md, "- Verdict: {verdict}");
    if let Some(d) = f.date {
        let _ = writeln!(md, "- Date: {d}");
    }
    if !f.about.is_empty() {
        let about: Vec<String> = f.about.iter().map(|a| format!("`{a}`")).collect();
        let _ = writeln!(md, "- About: {}", about.join(", "));
    }
    if !f.topics.is_empty() {
        let topics: Vec<String> = f.topics.iter().map(|t| md::text(t)).collect();
        let _ = writeln!(md, "- Topics: {}", topics.join(", "));
    }
    for d in &r.found_in {
        let _ = writeln!(md, "- Found in: {}", doc_text(d));
    }
    if let Some(k) = r.credibility {
        let _ = writeln!(md, "- Credibility: {k}");
    }
    let _ = writeln!(md);
}

fn doc_text(d: &DocRef) -> String {
    let title = md::text(d.title);
    let title = d
        .url
        .and_then(|u| md::link(&title, u))
        .unwrap_or_else(|| format!("*{title}*"));
    match d.published {
        Some(p) => format!("{title} (`{}`, {p})", d.id),
        None => format!("{title} (`{}`)", d.id),
    }
}

/// One bullet per source; a source that took the stance in several documents gets one
/// sub-bullet per document, each with its words and date.
fn stance_section(md: &mut String, title: &str, list: &[Stance]) {
    let _ = writeln!(md, "## {title}\n");
    if list.is_empty() {
        let _ = writeln!(md, "Nobody.\n");
        return;
    }
    for same in list.chunk_by(|a, b| a.id == b.id) {
        let s = &same[0];
        let head = format!("- {} (`{}`)", md::text(s.name), s.id);
        if let [only] = same {
            let _ = writeln!(md, "{head}{}", stance_details(only, ": "));
            continue;
        }
        let _ = writeln!(md, "{head}, in {} documents:", same.len());
        for one in same {
            let details = stance_details(one, "");
            let _ = writeln!(md, "  - {}", details.trim_start_matches(", "));
        }
    }
    let _ = writeln!(md);
}

/// `“quote”, date, in *title* (`id`)`, the parts a stance has; `lead` goes before a quote.
fn stance_details(s: &Stance, lead: &str) -> String {
    let mut line = String::new();
    if let Some(q) = s.quote {
        let _ = write!(line, "{lead}“{}”", md::text(q));
    }
    if let Some(d) = s.date {
        let _ = write!(line, ", {d}");
    }
    if let Some(doc) = &s.document {
        let _ = write!(line, ", in *{}* (`{}`)", md::text(doc.title), doc.id);
    }
    if line.is_empty() && lead.is_empty() {
        line.push_str("(no document)");
    }
    line
}

fn source_text(s: &Source) -> String {
    let tags = if s.tags.is_empty() {
        "no tags".to_string()
    } else {
        s.tags.join(", ")
    };
    let rel = s
        .reliability
        .map(|r| format!(", reliability {r}"))
        .unwrap_or_default();
    format!("[{tags}], origin `{}`{rel}", s.origin)
}

fn tree_section(md: &mut String, r: &Report) {
    let _ = writeln!(md, "## Support tree\n");
    for row in &r.tree {
        let indent = "  ".repeat(row.depth);
        let via = match row.via {
            Via::Root => "",
            Via::Cites => "cites ",
            Via::AssertedBy => "asserted by ",
            Via::Relays => "relays ",
        };
        let what = match &row.source {
            Some(s) => format!("{} (`{}`) {}", md::text(s.name), s.id, source_text(s)),
            None => format!("`{}`: {}", row.id, md::text(row.label)),
        };
        let mark = match row.mark {
            Mark::Ground => " — **ground**",
            Mark::DeadEnd => " — nobody asserts it and it cites nothing",
            Mark::Cycle => " — ↺ cycle",
            Mark::ShownAbove => " — (shown above)",
            Mark::Cut => " — … cut",
            Mark::Discredited => " — ✗ **discredited**",
            Mark::Expanded => "",
        };
        let choke = if row.chokepoint {
            " ◆ chokepoint"
        } else {
            ""
        };
        let _ = writeln!(md, "{indent}- {via}{what}{mark}{choke}");
    }
    let cut = r.tree_cut;
    end_section(
        md,
        (cut > 0).then(|| format!("{cut} nodes not expanded below depth {TREE_DEPTH}.")),
    );
}

fn grounds_section(md: &mut String, grounds: &[Source]) {
    let _ = writeln!(md, "## Grounds\n");
    if grounds.is_empty() {
        let _ = writeln!(md, "None: the claim is ungrounded.\n");
        return;
    }
    table_head(md, &["Ground", "Tags", "Origin", "Reliability"]);
    for s in grounds {
        let reliability = s.reliability.map_or("–".to_string(), |r| r.to_string());
        table_row(
            md,
            &[
                &source_cell(s.name, s.id),
                &s.tags.join(", "),
                &format!("`{}`", s.origin),
                &reliability,
            ],
        );
    }
    let _ = writeln!(md);
}

/// Each ground and chokepoint of the claim, and where the claim would stand were it wrong.
fn if_wrong_section(md: &mut String, r: &Report) {
    let _ = writeln!(md, "## If a source is wrong\n");
    if r.if_wrong.is_empty() {
        let _ = writeln!(md, "The claim has no ground to lose.\n");
        return;
    }
    let _ = writeln!(
        md,
        "Now the claim is {}. Were one of these sources discredited:\n",
        r.standing.as_str()
    );
    table_head(
        md,
        &[
            "Source",
            "Ground",
            "Chokepoint",
            "The claim would be",
            "Grounds left",
        ],
    );
    for w in &r.if_wrong {
        table_row(
            md,
            &[
                &source_cell(w.source.name, w.source.id),
                yes(w.ground),
                yes(w.chokepoint),
                &then_text(r, w),
                &left_text(w),
            ],
        );
    }
    let more = r.if_wrong_more;
    end_section(
        md,
        (more > 0).then(|| {
            format!(
                "{more} more grounds or chokepoints, farther from the claim, are not weighed here."
            )
        }),
    );
}

/// Ends a section: its footnote, if any, as a paragraph of its own, then a blank line.
fn end_section(md: &mut String, footnote: Option<String>) {
    if let Some(note) = footnote {
        let _ = writeln!(md, "\n{note}");
    }
    let _ = writeln!(md);
}

/// A Markdown table's header row and the rule under it.
fn table_head(md: &mut String, header: &[&str]) {
    table_row(md, header);
    let _ = writeln!(md, "|{}", "---|".repeat(header.len()));
}

/// One Markdown table row of `cells`, written as they are.
fn table_row(md: &mut String, cells: &[&str]) {
    let _ = writeln!(md, "| {} |", cells.join(" | "));
}

/// A source's cell: its name as text, then its id as code.
fn source_cell(name: &str, id: &Id) -> String {
    format!("{} (`{id}`)", md::text(name))
}

fn yes(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "–"
    }
}

/// `still independent`, or the new standing in bold when it changes.
fn then_text(r: &Report, w: &IfWrong) -> String {
    if w.then == r.standing {
        format!("still {}", w.then.as_str())
    } else {
        format!("**{}**", w.then.as_str())
    }
}

fn left_text(w: &IfWrong) -> String {
    if w.grounds.is_empty() {
        return "none".into();
    }
    let ids: Vec<String> = w.grounds.iter().map(|g| format!("`{g}`")).collect();
    ids.join(", ")
}
