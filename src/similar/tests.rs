//! Claim matching against a labelled set of claim pairs (`tests/fixtures/similar/pairs.json`):
//! paraphrases, other tenses and voices, and near-misses — other numbers, dates, negations,
//! other countries, opposite words, one word swapped. Precision and recall of "same claim"
//! are pinned; `cargo test --lib similar::tests -- --nocapture` prints them with every pair
//! judged wrongly.

use super::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    entities: Vec<FixtureEntity>,
    pairs: Vec<Pair>,
}

#[derive(Deserialize)]
struct FixtureEntity {
    id: String,
    names: Vec<String>,
}

#[derive(Deserialize)]
struct Pair {
    kind: String,
    same: bool,
    a: String,
    b: String,
}

fn fixture() -> Fixture {
    serde_json::from_str(include_str!("../../tests/fixtures/similar/pairs.json"))
        .expect("the pairs fixture parses")
}

fn matcher(f: &Fixture) -> Matcher {
    Matcher::new(
        f.entities
            .iter()
            .map(|e| (e.id.as_str(), e.names.iter().map(String::as_str))),
    )
}

#[test]
#[allow(clippy::disallowed_macros)] // the figures and the pairs judged wrongly, for BENCHMARKS.md
fn precision_and_recall_on_the_labelled_pairs() {
    let f = fixture();
    let m = matcher(&f);
    let (mut tp, mut fp, mut fneg) = (0, 0, 0);
    for p in &f.pairs {
        let c = m.same_claim(&p.a, &p.b);
        let back = m.same_claim(&p.b, &p.a);
        assert_eq!(
            c.same(),
            back.same(),
            "matching is symmetric: {} / {}",
            p.a,
            p.b
        );
        match (p.same, c.same()) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fneg += 1,
            (false, false) => {}
        }
        if p.same != c.same() {
            println!(
                "wrong ({}, labelled {}): score {:.2}{}\n  {}\n  {}",
                p.kind,
                if p.same { "same" } else { "different" },
                c.score,
                c.differs.map(|d| format!(", {d}")).unwrap_or_default(),
                p.a,
                p.b
            );
        }
    }
    let precision = tp as f64 / (tp + fp) as f64;
    let recall = tp as f64 / (tp + fneg) as f64;
    println!(
        "{} pairs ({} same): precision {precision:.3} ({tp}/{}), recall {recall:.3} ({tp}/{}) at threshold {THRESHOLD}",
        f.pairs.len(),
        f.pairs.iter().filter(|p| p.same).count(),
        tp + fp,
        tp + fneg
    );
    assert!(f.pairs.len() >= 80);
    assert!(precision >= 0.9, "precision {precision:.3}");
    assert!(recall >= 0.8, "recall {recall:.3}");
}

#[test]
fn each_guard_names_what_differs() {
    let m = matcher(&fixture());
    let d = |a: &str, b: &str| m.same_claim(a, b).differs.map(|d| d.to_string());
    assert_eq!(
        d(
            "Pyongyang shipped 6,700 containers.",
            "North Korea shipped 6,000 containers."
        )
        .as_deref(),
        Some("numbers differ: 6,700 / 6,000")
    );
    assert_eq!(
        d("Russia sent arms in 2023.", "Russia sent arms in 2024.").as_deref(),
        Some("dates differ: 2023 / 2024")
    );
    assert_eq!(
        d(
            "Iran sent arms to Russia.",
            "North Korea sent arms to Russia."
        )
        .as_deref(),
        Some("entities differ: iran / north-korea")
    );
    assert!(d("Exports rose.", "Exports fell.")
        .unwrap()
        .starts_with("opposite words"));
    assert!(d("Arms went to Russia.", "Arms did not go to Russia.")
        .unwrap()
        .starts_with("negation differs"));
    assert_eq!(
        d(
            "Pyongyang sent a million shells.",
            "North Korea sent 1,000,000 shells."
        ),
        None
    );
}

#[test]
fn an_empty_text_matches_nothing() {
    let m = matcher(&fixture());
    let c = m.same_claim("", "");
    assert!(!c.same());
    assert_eq!(c.score, 0.0);
}
