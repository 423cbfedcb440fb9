//! Benchmark graph generator: deterministic SPEC §1 graphs of a given size, seed and shape.
//!
//! The output depends only on [`GenOptions`]: every document, entity and claim draws from its
//! own PRNG stream seeded by `(seed, kind of item, index)`, so the generator streams one JSON
//! object without holding the graph, and a second pass (the edges) can ask what any entity is
//! without having stored it. A 1M-claim realistic graph is 270 MB: 50k documents, 200k
//! entities, 1M claims with texts of 55–135 bytes (median 74), 2M edges; it streams in well
//! under a second.
//!
//! Ids are `d<n>` (documents), `e<n>` (entities) and `c<n>` (claims). Within an entity's
//! index range the organizations come first, then the persons, then the countries, so
//! `part_of` can point forward (an organization part of a country written later) and still
//! never close a cycle: persons are part of organizations, organizations of a country or of an
//! earlier organization, countries of nothing. Documents name publishers written after them.

mod realistic;
mod stress;
mod words;

use std::io::{self, BufWriter, Write};

use realistic::Realistic;
use words::{OBJECTS, QUALIFIERS, SUBJECTS, VERBS};

/// Number of claims in the strongly connected component of [`Shape::BigScc`].
pub const BIG_SCC_CLAIMS: usize = 100_000;

/// What to generate. The same options always give the same bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenOptions {
    /// Number of claims (at least one is written); for [`Shape::RelayChain`] the length of
    /// the chain.
    pub claims: usize,
    /// Seed of every PRNG stream.
    pub seed: u64,
    pub shape: Shape,
}

/// The shape of the generated graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// About one entity per five claims (~12% tagged `intelligence`), `part_of` chains, 1–3
    /// asserters per claim (3% have none), 30% of claims citing entities or claims, 5% of
    /// entities relaying a source, 10% of claims denied, a 2-cycle of citing claims every 500
    /// claims and a 2-cycle of relaying entities every 4,000 entities.
    Realistic,
    /// `claims` entities, each citing the next (entity → entity); the last is an intelligence
    /// ground. `16 + claims / 1000` claims are asserted along the chain, 16 of them by its
    /// head, so every claim rests only on intelligence, a million relays away.
    RelayChain,
    /// `claims` claims in one citation ring; the first also cites an intelligence entity (the
    /// one exit), so every claim is grounded, circular and rests only on intelligence. Every
    /// tenth claim is also asserted by a media outlet, which must not count: a claim that
    /// cites has no arc to its asserters.
    CitationRing,
    /// A realistic graph whose first `min(claims, 100,000)` claims also cite the next one
    /// around a ring, making one strongly connected component.
    BigScc,
}

impl Shape {
    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Shape::Realistic => "realistic",
            Shape::RelayChain => "relay-chain",
            Shape::CitationRing => "citation-ring",
            Shape::BigScc => "big-scc",
        }
    }
}

/// Writes one SPEC §1 graph file (documents, entities, claims, edges) to `w`.
pub fn write_graph<W: Write + ?Sized>(w: &mut W, opts: &GenOptions) -> io::Result<()> {
    let mut out = Json(BufWriter::with_capacity(1 << 16, w));
    match opts.shape {
        Shape::Realistic => Realistic::new(opts, 0).write(&mut out)?,
        Shape::BigScc => Realistic::new(opts, BIG_SCC_CLAIMS.min(opts.claims)).write(&mut out)?,
        Shape::RelayChain => stress::write_relay_chain(&mut out, opts)?,
        Shape::CitationRing => stress::write_citation_ring(&mut out, opts)?,
    }
    out.0.flush()
}

/// SplitMix64: tiny, fast and good enough to draw benchmark data from.
pub(crate) struct Rng(u64);

/// Stream numbers, so that the items of each kind draw from their own sequences.
const DOC: u64 = 1;
const ENTITY: u64 = 2;
const CLAIM: u64 = 3;
const CLAIM_EDGES: u64 = 4;
const RELAY: u64 = 5;

impl Rng {
    fn new(seed: u64, stream: u64, index: usize) -> Rng {
        let mut rng = Rng(seed
            ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ (index as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next();
        rng
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// True with probability `per_mille / 1000`.
    fn chance(&mut self, per_mille: usize) -> bool {
        self.below(1000) < per_mille
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len())]
    }

    /// Skewed toward small indices, as a few outlets make most of the news.
    fn popular(&mut self, n: usize) -> usize {
        let a = self.below(n);
        a.min(self.below(n))
    }
}

/// A JSON writer over the output: raw pieces, escaped strings, nothing built in memory.
pub(crate) struct Json<W: Write>(BufWriter<W>);

impl<W: Write> Json<W> {
    fn raw(&mut self, s: &str) -> io::Result<()> {
        self.0.write_all(s.as_bytes())
    }

    /// Writes `s` as a JSON string literal.
    fn str(&mut self, s: &str) -> io::Result<()> {
        let w = &mut self.0;
        w.write_all(b"\"")?;
        let bytes = s.as_bytes();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let escaped: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0..=0x1f => b"",
                _ => continue,
            };
            w.write_all(&bytes[start..i])?;
            if escaped.is_empty() {
                write!(w, "\\u{b:04x}")?;
            } else {
                w.write_all(escaped)?;
            }
            start = i + 1;
        }
        w.write_all(&bytes[start..])?;
        w.write_all(b"\"")
    }

    /// Writes `,"key":` followed by an id `<prefix><n>`.
    fn id_field(&mut self, key: &str, prefix: char, n: usize) -> io::Result<()> {
        write!(self.0, ",\"{key}\":\"{prefix}{n}\"")
    }

    /// Writes `,"key":"YYYY[-MM[-DD]]"`; `full` forces a day.
    fn date_field(&mut self, key: &str, rng: &mut Rng, full: bool) -> io::Result<()> {
        let year = 2000 + rng.below(26);
        let month = 1 + rng.below(12);
        // Every month has a 28th; the 29th–31st come only where they exist.
        let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
        let day = 1 + rng.below(days);
        // 10% years, 20% months, 70% days.
        match if full { 9 } else { rng.below(10) } {
            0 => write!(self.0, ",\"{key}\":\"{year}\""),
            1 | 2 => write!(self.0, ",\"{key}\":\"{year}-{month:02}\""),
            _ => write!(self.0, ",\"{key}\":\"{year}-{month:02}-{day:02}\""),
        }
    }

    /// Opens a top-level array: `"key":[` after the first, `{"key":[` for the first.
    fn open(&mut self, key: &str, first: bool) -> io::Result<()> {
        write!(self.0, "{}\"{key}\":[", if first { "{\n" } else { "],\n" })
    }

    /// Starts an array element: a newline, and a comma before all but the first.
    fn item(&mut self, first: bool) -> io::Result<()> {
        self.raw(if first { "\n" } else { ",\n" })
    }

    fn close(&mut self) -> io::Result<()> {
        self.raw("]\n}\n")
    }

    fn edge(
        &mut self,
        first: &mut bool,
        from: (char, usize),
        rel: &str,
        to: (char, usize),
    ) -> io::Result<()> {
        self.item(std::mem::take(first))?;
        write!(
            self.0,
            "{{\"from\":\"{}{}\",\"rel\":\"{rel}\",\"to\":\"{}{}\"",
            from.0, from.1, to.0, to.1
        )
    }
}

/// Appends a claim sentence of about 80–120 bytes to `buf`.
fn sentence(rng: &mut Rng, buf: &mut String) {
    buf.clear();
    for (i, words) in [SUBJECTS, VERBS, OBJECTS, QUALIFIERS].iter().enumerate() {
        if i > 0 {
            buf.push(' ');
        }
        buf.push_str(rng.pick(words));
    }
    if rng.chance(150) {
        buf.push_str(&format!(", worth about ${} million", 1 + rng.below(900)));
    }
    buf.push('.');
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use serde_json::Value;

    use super::*;

    const SHAPES: [Shape; 4] = [
        Shape::Realistic,
        Shape::RelayChain,
        Shape::CitationRing,
        Shape::BigScc,
    ];

    fn generate(claims: usize, seed: u64, shape: Shape) -> Vec<u8> {
        let mut bytes = Vec::new();
        write_graph(
            &mut bytes,
            &GenOptions {
                claims,
                seed,
                shape,
            },
        )
        .unwrap();
        bytes
    }

    fn valid_id(id: &str) -> bool {
        let b = id.as_bytes();
        !b.is_empty()
            && b.len() <= 128
            && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
            && b.iter()
                .all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || b"._-".contains(&c))
    }

    fn valid_date(d: &str) -> bool {
        let parts: Vec<u32> = match d.split('-').map(str::parse).collect() {
            Ok(p) => p,
            Err(_) => return false,
        };
        let widths: Vec<usize> = d.split('-').map(str::len).collect();
        let leap =
            |y: u32| y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400));
        match parts[..] {
            [_] => widths == [4],
            [_, m] => widths == [4, 2] && (1..=12).contains(&m),
            [y, m, day] => {
                let days = [
                    31,
                    if leap(y) { 29 } else { 28 },
                    31,
                    30,
                    31,
                    30,
                    31,
                    31,
                    30,
                    31,
                    30,
                    31,
                ];
                widths == [4, 2, 2]
                    && (1..=12).contains(&m)
                    && day >= 1
                    && day <= days[m as usize - 1]
            }
            _ => false,
        }
    }

    /// Checks SPEC §1 on a generated file: fields, ids, references, edge directions, dates,
    /// acyclic `part_of`. Returns the parsed object.
    fn check_graph(bytes: &[u8]) -> serde_json::Map<String, Value> {
        let top: Value = serde_json::from_slice(bytes).expect("generated JSON parses");
        let top = top.as_object().expect("one object").clone();
        let allowed: HashMap<&str, &[&str]> = HashMap::from([
            (
                "documents",
                &["id", "title", "publisher", "published", "url"][..],
            ),
            (
                "entities",
                &[
                    "id",
                    "name",
                    "kind",
                    "tags",
                    "part_of",
                    "aliases",
                    "reliability",
                    "note",
                ][..],
            ),
            (
                "claims",
                &[
                    "id",
                    "text",
                    "date",
                    "about",
                    "topics",
                    "found_in",
                    "credibility",
                    "review",
                    "note",
                ][..],
            ),
            (
                "edges",
                &["from", "rel", "to", "date", "quote", "in", "note"][..],
            ),
        ]);
        let mut kinds: HashMap<String, &str> = HashMap::new();
        for (section, items) in &top {
            let fields = allowed.get(section.as_str()).expect("known top-level key");
            for item in items.as_array().unwrap() {
                let item = item.as_object().unwrap();
                assert!(
                    item.keys().all(|k| fields.contains(&k.as_str())),
                    "{item:?}"
                );
                if section != "edges" {
                    let id = item["id"].as_str().unwrap();
                    assert!(valid_id(id), "{id}");
                    assert!(
                        kinds.insert(id.to_owned(), section).is_none(),
                        "duplicate {id}"
                    );
                }
            }
        }
        let is = |v: &Value, kind: &str| kinds.get(v.as_str().unwrap()) == Some(&kind);
        let date_ok = |v: Option<&Value>| v.is_none_or(|d| valid_date(d.as_str().unwrap()));
        let items = |section: &str| {
            top.get(section)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        for d in items("documents") {
            assert!(d.get("publisher").is_none_or(|p| is(p, "entities")), "{d}");
            assert!(date_ok(d.get("published")), "{d}");
        }
        let mut part_of = HashMap::new();
        for e in items("entities") {
            assert!(["country", "person", "organization"].contains(&e["kind"].as_str().unwrap()));
            assert!(!e["name"].as_str().unwrap().is_empty());
            for t in e
                .get("tags")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                assert!(valid_id(t.as_str().unwrap()), "{e}");
            }
            if let Some(p) = e.get("part_of") {
                assert!(is(p, "entities"), "{e}");
                part_of.insert(
                    e["id"].as_str().unwrap().to_owned(),
                    p.as_str().unwrap().to_owned(),
                );
            }
        }
        for start in part_of.keys() {
            let mut at = start;
            for _ in 0..=part_of.len() {
                match part_of.get(at) {
                    Some(next) => at = next,
                    None => break,
                }
            }
            assert!(!part_of.contains_key(at), "part_of cycle through {start}");
        }
        for c in items("claims") {
            assert!(!c["text"].as_str().unwrap().is_empty());
            assert!(date_ok(c.get("date")), "{c}");
            let refs = |key: &str| {
                c.get(key)
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default()
            };
            assert!(refs("about").iter().all(|a| is(a, "entities")), "{c}");
            assert!(refs("found_in").iter().all(|d| is(d, "documents")), "{c}");
            assert!(c
                .get("credibility")
                .is_none_or(|n| (1..=6).contains(&n.as_u64().unwrap())));
            if let Some(r) = c.get("review") {
                assert!(is(&r["by"], "entities") && date_ok(r.get("date")), "{c}");
            }
        }
        for e in items("edges") {
            let (from, to) = (&e["from"], &e["to"]);
            let ok = match e["rel"].as_str().unwrap() {
                "asserts" | "denies" => is(from, "entities") && is(to, "claims"),
                "cites" => {
                    (is(from, "entities") || is(from, "claims"))
                        && (is(to, "entities") || is(to, "claims"))
                }
                _ => false,
            };
            assert!(ok, "{e}");
            assert!(e.get("in").is_none_or(|d| is(d, "documents")), "{e}");
            assert!(date_ok(e.get("date")), "{e}");
        }
        top
    }

    #[test]
    fn same_options_give_same_bytes() {
        for shape in SHAPES {
            assert_eq!(
                generate(3_000, 7, shape),
                generate(3_000, 7, shape),
                "{shape:?}"
            );
        }
        assert_ne!(
            generate(3_000, 7, Shape::Realistic),
            generate(3_000, 8, Shape::Realistic)
        );
    }

    #[test]
    fn every_shape_is_valid_spec_json() {
        for shape in SHAPES {
            for claims in [0, 1, 2, 999, 5_000] {
                check_graph(&generate(claims, 42, shape));
            }
        }
    }

    #[test]
    fn realistic_graph_has_the_promised_proportions() {
        let top = check_graph(&generate(20_000, 1, Shape::Realistic));
        let entities = top["entities"].as_array().unwrap();
        assert_eq!(entities.len(), 4_000);
        let intel = entities
            .iter()
            .filter(|e| {
                e.get("tags")
                    .is_some_and(|t| t.as_array().unwrap().contains(&"intelligence".into()))
            })
            .count();
        assert!(
            (400..=560).contains(&intel),
            "{intel} intelligence entities"
        );
        let edges = top["edges"].as_array().unwrap();
        let count = |rel: &str| edges.iter().filter(|e| e["rel"] == rel).count();
        assert!(
            (1_800..=2_200).contains(&count("denies")),
            "{}",
            count("denies")
        );
        assert!(
            (27_000..=32_000).contains(&count("asserts")),
            "{}",
            count("asserts")
        );
        // Forward references: documents name publishers that come later in the file.
        assert!(top["documents"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d.get("publisher").is_some()));
    }

    #[test]
    fn stress_shapes_have_their_sizes() {
        let chain = check_graph(&generate(10_000, 1, Shape::RelayChain));
        assert_eq!(chain["entities"].as_array().unwrap().len(), 10_000);
        assert_eq!(chain["claims"].as_array().unwrap().len(), 26);
        assert_eq!(chain["edges"].as_array().unwrap().len(), 9_999 + 26);
        let ring = check_graph(&generate(1_000, 1, Shape::CitationRing));
        assert_eq!(ring["claims"].as_array().unwrap().len(), 1_000);
        assert_eq!(ring["edges"].as_array().unwrap().len(), 1 + 1_000 + 100);
    }

    #[test]
    fn strings_are_escaped() {
        let mut out = Json(BufWriter::new(Vec::new()));
        let hostile = "a \"quote\", a \\ backslash, a\nnewline, \u{1} and é—’";
        out.str(hostile).unwrap();
        let bytes = out.0.into_inner().unwrap();
        assert_eq!(serde_json::from_slice::<String>(&bytes).unwrap(), hostile);
    }
}
