//! schema.org ClaimReview files as fact-checkers publish them (JSON-LD: one object, an
//! array of them, or an object with an `@graph` array): the claim (`claimReviewed`), its
//! claimant (`itemReviewed.author`), who asserts it, and the review's rating as a review
//! (docs/format.md §5) by the fact-checking organization (the review's `author`).
//!
//! How a rating becomes a verdict is [`super::rating`]'s: "True", "Mostly True", "Half True",
//! "Misleading", "False", "Pants on Fire", "Unproven"… or the rating's number on its scale.
//!
//! Errors name the file, the line and column, and the JSON path of the value
//! (`review.json:7:22: [1].reviewRating: ...`), like the graph loader's.

use super::draft::{Draft, End, PendingReview};
use super::located::{join, problem, text, Problem};
use super::news::claim_text;
use super::plan::Drafted;
use super::plan::LeftOut;
use super::rating;
use super::speakers::Hint;
use crate::edit::EditError;
use crate::graph::ClaimGraph;
use crate::model::{Date, Id, Kind, Rel, Verdict};
use serde_json::Value;

/// One party: a claimant or a fact-checker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub name: String,
    /// From `@type` (`Person`, `Organization`), when given.
    pub kind: Option<Kind>,
}

/// One ClaimReview.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Its JSON path in the file (empty for a single object).
    pub path: String,
    pub claim: String,
    pub claimant: Option<Party>,
    pub checker: Party,
    pub verdict: Verdict,
    /// The rating as written, and how it became the verdict.
    pub rating: String,
    pub date: Option<Date>,
    pub url: Option<String>,
}

/// Parses a ClaimReview file; every problem is reported, each located.
pub fn parse(name: &str, text: &str) -> Result<Vec<Item>, EditError> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let msg = e.to_string();
        let msg = msg.rfind(" at line ").map_or(msg.as_str(), |i| &msg[..i]);
        EditError::Refused(format!("{name}:{}:{}: {msg}", e.line(), e.column()))
    })?;
    let mut problems = Vec::new();
    let mut items = Vec::new();
    for (path, v) in reviews(&value, &mut problems) {
        match item(&path, v) {
            Ok(i) => items.push(i),
            Err(p) => problems.push(p),
        }
    }
    if items.is_empty() && problems.is_empty() {
        problems.push(Problem {
            path: String::new(),
            message: "no ClaimReview in the file".into(),
        });
    }
    if problems.is_empty() {
        return Ok(items);
    }
    let lines: Vec<String> = problems
        .iter()
        .map(|p| {
            let at = crate::locate::offset_of(text, &crate::locate::parse_path(&p.path))
                .map(|o| {
                    let (l, c) = crate::diag::line_col(text, o);
                    format!(":{l}:{c}")
                })
                .unwrap_or_default();
            let path = if p.path.is_empty() {
                String::new()
            } else {
                format!(" {}:", p.path)
            };
            format!("{name}{at}:{path} {}", p.message)
        })
        .collect();
    Err(EditError::Refused(format!(
        "not a valid ClaimReview file ({} problem{}):\n{}",
        lines.len(),
        if lines.len() == 1 { "" } else { "s" },
        lines.join("\n")
    )))
}

/// The review objects of the file with their paths: the top object, the elements of a
/// top array, or the ClaimReviews of an `@graph`.
fn reviews<'v>(value: &'v Value, problems: &mut Vec<Problem>) -> Vec<(String, &'v Value)> {
    match value {
        Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("[{i}]"), v))
            .collect(),
        Value::Object(o) => match o.get("@graph") {
            Some(Value::Array(a)) => a
                .iter()
                .enumerate()
                .filter(|(_, v)| is_claim_review(v))
                .map(|(i, v)| (format!("@graph[{i}]"), v))
                .collect(),
            Some(_) => {
                problems.push(Problem {
                    path: "@graph".into(),
                    message: "expected an array of nodes".into(),
                });
                Vec::new()
            }
            None => vec![(String::new(), value)],
        },
        _ => {
            problems.push(Problem {
                path: String::new(),
                message: "expected a ClaimReview object or an array of them".into(),
            });
            Vec::new()
        }
    }
}

/// The `@type` values of a node.
fn types(v: &Value) -> Vec<&str> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn is_claim_review(v: &Value) -> bool {
    types(v).iter().any(|t| t.ends_with("ClaimReview"))
}

fn item(path: &str, v: &Value) -> Result<Item, Problem> {
    let Value::Object(o) = v else {
        return Err(problem(path, "", "expected a ClaimReview object"));
    };
    if !is_claim_review(v) {
        let t = types(v);
        let said = if t.is_empty() {
            "no @type".to_string()
        } else {
            format!("@type {}", t.join(", "))
        };
        return Err(problem(
            path,
            "@type",
            format!("expected \"ClaimReview\" ({said})"),
        ));
    }
    let claim = text(o, path, "claimReviewed")?
        .ok_or_else(|| problem(path, "claimReviewed", "the claim reviewed is missing"))?;
    let checker = party(o.get("author"), &join(path, "author"))?.ok_or_else(|| {
        problem(
            path,
            "author",
            "the fact-checker (author, with a name) is missing",
        )
    })?;
    let claimant = match o.get("itemReviewed") {
        None | Some(Value::Null) => None,
        Some(Value::Object(ir)) => party(ir.get("author"), &join(path, "itemReviewed.author"))?,
        Some(_) => return Err(problem(path, "itemReviewed", "expected a Claim object")),
    };
    let rating_path = join(path, "reviewRating");
    let rating = match o.get("reviewRating") {
        Some(Value::Object(r)) => r,
        Some(_) => return Err(problem(path, "reviewRating", "expected a Rating object")),
        None => return Err(problem(path, "reviewRating", "the rating is missing")),
    };
    let (verdict, how) = rating::verdict(rating, &rating_path)?;
    let date = match text(o, path, "datePublished")? {
        Some(d) => Some(date(d).ok_or_else(|| {
            problem(
                path,
                "datePublished",
                format!("bad date {d:?}: expected YYYY-MM-DD"),
            )
        })?),
        None => None,
    };
    Ok(Item {
        path: path.to_string(),
        claim: claim.to_string(),
        claimant,
        checker,
        verdict,
        rating: how,
        date,
        url: text(o, path, "url")?.map(str::to_string),
    })
}

/// A person or organization: an object with a name (the first, if an array), or a name.
fn party(v: Option<&Value>, path: &str) -> Result<Option<Party>, Problem> {
    let (v, path) = match v {
        Some(Value::Array(a)) => match a.first() {
            Some(first) => (first, format!("{path}[0]")),
            None => return Ok(None),
        },
        Some(v) => (v, path.to_string()),
        None => return Ok(None),
    };
    match v {
        Value::Null => Ok(None),
        Value::String(s) if !s.trim().is_empty() => Ok(Some(Party {
            name: s.trim().to_string(),
            kind: None,
        })),
        Value::Object(o) => {
            let name = text(o, &path, "name")?
                .ok_or_else(|| problem(&path, "name", "the name is missing"))?;
            let kind = types(v).iter().find_map(|t| {
                if t.ends_with("Person") {
                    Some(Kind::Person)
                } else if t.ends_with("Organization") || t.ends_with("NewsMediaOrganization") {
                    Some(Kind::Organization)
                } else {
                    None
                }
            });
            Ok(Some(Party {
                name: name.to_string(),
                kind,
            }))
        }
        _ => Err(Problem {
            path,
            message: "expected a Person or Organization object".into(),
        }),
    }
}

/// A date from `YYYY-MM-DD` or a date-time that starts with one.
fn date(s: &str) -> Option<Date> {
    Date::new(s)
        .ok()
        .or_else(|| s.get(..10).and_then(|d| Date::new(d).ok()))
}

/// A title for a document of `items`: the fact-checker and the claim, or the count.
pub fn title(items: &[Item]) -> Option<String> {
    let first = items.first()?;
    Some(match items.len() {
        1 => format!("{}: fact check of \"{}\"", first.checker.name, first.claim),
        n => format!("{}: {n} fact checks", first.checker.name),
    })
}

/// Drafts what `items` add to `g` as document `doc`.
pub fn draft(g: &ClaimGraph, items: &[Item], doc: &Id) -> Drafted {
    let mut d = Draft::new(g, doc, "");
    let mut reviewed: Vec<Id> = Vec::new();
    for item in items {
        let claim = d.match_or_add(&claim_text(&item.claim));
        let checker = d.speaker(&item.checker.name, None, "", &hint(&item.checker));
        match &item.claimant {
            Some(c) => {
                let who = d.speaker(&c.name, None, "", &hint(c));
                d.edge(
                    End::Speaker(who),
                    Rel::Asserts,
                    End::Claim(claim.clone()),
                    &item.claim,
                    None,
                );
            }
            None => d.left_out.push(LeftOut {
                sentence: None,
                quote: item.claim.clone(),
                reason: format!(
                    "{}: no claimant (itemReviewed.author): nobody is recorded as asserting it",
                    where_(item)
                ),
            }),
        }
        if reviewed.contains(&claim) {
            d.left_out.push(LeftOut {
                sentence: None,
                quote: item.claim.clone(),
                reason: format!(
                    "{}: the claim {claim} already has a review from this file; a claim holds one review",
                    where_(item)
                ),
            });
            continue;
        }
        reviewed.push(claim.clone());
        let note = match &item.url {
            Some(u) => format!("Rated {} ({u}).", item.rating),
            None => format!("Rated {}.", item.rating),
        };
        d.review(PendingReview {
            claim,
            verdict: item.verdict,
            by: checker,
            date: item.date,
            note: Some(note),
            rating: item.rating.clone(),
        });
    }
    d.finish()
}

/// What the review says of a party: its `@type`.
fn hint(p: &Party) -> Hint {
    Hint {
        kind: p.kind,
        ..Hint::default()
    }
}

fn where_(item: &Item) -> String {
    if item.path.is_empty() {
        "the review".into()
    } else {
        format!("review {}", item.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"{
  "@context": "https://schema.org",
  "@type": "ClaimReview",
  "url": "https://checks.example/nk-shells",
  "claimReviewed": "North Korea has shipped 6,700 containers of munitions to Russia.",
  "datePublished": "2024-07-02T09:00:00Z",
  "author": {"@type": "Organization", "name": "Fact Desk"},
  "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Lee Seong-kweun"}},
  "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1, "alternateName": "Mostly False"}
}"#;

    #[test]
    fn a_review_gives_claim_claimant_checker_and_verdict() {
        let items = parse("r.json", ONE).unwrap();
        let i = &items[0];
        assert_eq!(i.verdict, Verdict::MostlyFalse);
        assert_eq!(i.checker.name, "Fact Desk");
        assert_eq!(i.claimant.as_ref().unwrap().kind, Some(Kind::Person));
        assert_eq!(i.date, Date::new("2024-07-02").ok());
        assert!(
            i.rating.contains("\"Mostly False\" read as mostly-false"),
            "{}",
            i.rating
        );
    }

    #[test]
    fn problems_are_located_by_line_column_and_path() {
        let bad = r#"[
  {"@type": "ClaimReview", "claimReviewed": "x", "author": {"name": "F"},
   "reviewRating": {"alternateName": "Satire"}},
  {"@type": "Review", "claimReviewed": "y"}
]"#;
        let e = parse("bad.json", bad).unwrap_err().to_string();
        assert!(e.contains("2 problems"), "{e}");
        assert!(
            e.contains("bad.json:3:38: [0].reviewRating.alternateName: cannot read a verdict"),
            "{e}"
        );
        assert!(
            e.contains("bad.json:4:13: [1].@type: expected \"ClaimReview\""),
            "{e}"
        );
        let e = parse("t.json", "{\"@type\": ").unwrap_err().to_string();
        assert!(e.starts_with("t.json:1:"), "{e}");
    }

    #[test]
    fn graph_wrappers_keep_only_claim_reviews() {
        let g = format!(
            r#"{{"@context": "https://schema.org", "@graph": [{{"@type": "WebPage"}}, {ONE}]}}"#
        );
        let items = parse("g.json", &g).unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].path, "@graph[1]");
    }
}
