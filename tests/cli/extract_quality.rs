//! Precision and recall of attribution extraction against hand-made gold files in
//! `tests/fixtures/extract/`: the seed article and three texts in other styles (wire copy,
//! a quotes-heavy interview, a denials-heavy report). Each `<name>.gold.json` lists every
//! attribution an annotator marked: speaker, stance, and a key phrase of the claim.

use claimgraph::extract::{extract, Attribution, KnownEntity, Stance};
use claimgraph::text::fold_name;
use serde::Deserialize;
use std::time::Instant;

/// Both precision and recall must reach this on every text (and its wrapped copy).
const BAR: f64 = 0.95;

#[derive(Debug, Deserialize)]
struct Gold {
    source: String,
    rel: String,
    key: String,
}

fn read(name: &str) -> String {
    std::fs::read_to_string(crate::util::fixture("extract").join(name)).expect("fixture")
}

fn entity(id: &str, names: &[&str], person: bool, org: bool) -> KnownEntity {
    KnownEntity {
        id: id.into(),
        names: names.iter().map(|s| s.to_string()).collect(),
        is_person: person,
        is_organization: org,
    }
}

/// The entities the seed article names.
fn seed_entities() -> Vec<KnownEntity> {
    vec![
        entity(
            "north-korea",
            &["North Korea", "Pyongyang", "DPRK"],
            false,
            false,
        ),
        entity("russia", &["Russia", "Moscow"], false, false),
        entity("south-korea", &["South Korea", "Seoul"], false, false),
        entity(
            "nis",
            &["National Intelligence Service", "NIS"],
            false,
            true,
        ),
        entity("anwita-basu", &["Anwita Basu", "Basu"], true, false),
        entity("fitch-solutions", &["Fitch Solutions"], false, true),
        entity("kcna", &["KCNA", "Korean Central News Agency"], false, true),
        entity("bloomberg", &["Bloomberg News", "Bloomberg"], false, true),
        entity(
            "rusi",
            &["Royal United Services Institute", "RUSI"],
            false,
            true,
        ),
        entity("bank-of-korea", &["Bank of Korea"], false, true),
        entity("china", &["China", "Beijing"], false, false),
        entity(
            "united-states",
            &["United States", "US", "U.S.", "Washington"],
            false,
            false,
        ),
    ]
}

/// A record matches a gold item when the stance agrees, the speaker is the one named
/// (compared as names are: without case, accents or punctuation), and the key phrase is
/// in the claim.
fn matches(found: &Attribution, gold: &Gold) -> bool {
    let rel = match found.rel {
        Stance::Asserts => "asserts",
        Stance::Denies => "denies",
    };
    rel == gold.rel
        && !gold.source.trim().is_empty()
        && fold_name(&found.source) == fold_name(&gold.source)
        && found
            .claim
            .to_lowercase()
            .contains(&gold.key.to_lowercase())
}

/// `text` hard-wrapped at `width` columns, as plain-text wires and e-mail
/// arrive: the rules must not depend on one paragraph per line.
fn fold(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut col = 0;
        for word in line.split_whitespace() {
            if col > 0 && col + 1 + word.chars().count() > width {
                out.push('\n');
                col = 0;
            } else if col > 0 {
                out.push(' ');
                col += 1;
            }
            out.push_str(word);
            col += word.chars().count();
        }
        out.push('\n');
    }
    out
}

/// Scores one text, printing its misses, and returns (precision, recall).
fn score(name: &str, known: &[KnownEntity]) -> (f64, f64) {
    score_text(name, name, &read(&format!("{name}.txt")), known)
}

/// Scores `text` against the gold of `name`, printing results under `label`.
fn score_text(name: &str, label: &str, text: &str, known: &[KnownEntity]) -> (f64, f64) {
    let gold: Vec<Gold> = serde_json::from_str(&read(&format!("{name}.gold.json"))).expect("gold");
    let found = extract(text, known);
    let right = found
        .iter()
        .filter(|f| gold.iter().any(|g| matches(f, g)))
        .count();
    let recalled = gold
        .iter()
        .filter(|g| found.iter().any(|f| matches(f, g)))
        .count();
    for f in found.iter().filter(|f| !gold.iter().any(|g| matches(f, g))) {
        println!("  extra:  {} {:?} {:?}", f.source, f.rel, f.claim);
    }
    for g in gold.iter().filter(|g| !found.iter().any(|f| matches(f, g))) {
        println!("  missed: {} {} {:?}", g.source, g.rel, g.key);
    }
    let p = right as f64 / found.len().max(1) as f64;
    let r = recalled as f64 / gold.len() as f64;
    println!(
        "{label}: precision {p:.2} ({right}/{}), recall {r:.2} ({recalled}/{})",
        found.len(),
        gold.len()
    );
    (p, r)
}

#[test]
fn precision_and_recall_reach_the_bar_on_every_text() {
    let texts = [
        ("dw-russia-north-korea", seed_entities()),
        ("wire-port-strike", Vec::new()),
        ("interview-reef", Vec::new()),
        ("denials-mine", Vec::new()),
    ];
    let mut below = Vec::new();
    for (name, known) in &texts {
        let (p, r) = score(name, known);
        if p < BAR || r < BAR {
            below.push(format!("{name}: {p:.2}/{r:.2}"));
        }
    }
    assert!(below.is_empty(), "below {BAR}: {below:?}");
}

#[test]
fn hard_wrapped_copies_reach_the_same_bar() {
    let mut below = Vec::new();
    for name in [
        "dw-russia-north-korea",
        "wire-port-strike",
        "interview-reef",
        "denials-mine",
    ] {
        let text = fold(&read(&format!("{name}.txt")), 72);
        let known = if name.starts_with("dw") {
            seed_entities()
        } else {
            Vec::new()
        };
        let label = format!("{name} (wrapped at 72)");
        let (p, r) = score_text(name, &label, &text, &known);
        if p < BAR || r < BAR {
            below.push(format!("{name}: {p:.2}/{r:.2}"));
        }
    }
    assert!(below.is_empty(), "below {BAR}: {below:?}");
}

/// Speed on about 1 MB of news (the seed repeated): a benchmark, not a timed test.
/// `cargo test --release extract_one_megabyte -- --ignored --nocapture`
#[test]
#[ignore]
fn extract_one_megabyte() {
    let seed = read("dw-russia-north-korea.txt");
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(&seed);
        text.push_str("\n\n");
    }
    let hostile = "\"a,\" Kim said, and Lee said that she told them ".repeat(22_000);
    for (label, text) in [("news", text), ("cue flood", hostile)] {
        let start = Instant::now();
        let found = extract(&text, &seed_entities());
        println!(
            "{label}: {} bytes, {} attributions, {:.3} s",
            text.len(),
            found.len(),
            start.elapsed().as_secs_f64()
        );
    }
}
