//! Benchmark graph generator: deterministic claimgraph graph files (docs/format.md §1) of a
//! given size, seed and shape, for the benchmarks (`bench/compare.sh`, `benches/phases.rs`)
//! and the limit tests. It is not part of the claimgraph library or binary.
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Shape {
    /// About one entity per five claims (~12% tagged `intelligence`), `part_of` chains, 1–3
    /// asserters per claim (3% have none), 30% of claims citing entities or claims, 5% of
    /// entities relaying a source, 10% of claims denied, a 2-cycle of citing claims every 500
    /// claims and a 2-cycle of relaying entities every 4,000 entities.
    #[default]
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

/// Writes one graph file (documents, entities, claims, edges) to `w`.
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

    /// Writes `s` as a JSON string literal, escaped by serde_json.
    fn str(&mut self, s: &str) -> io::Result<()> {
        serde_json::to_writer(&mut self.0, s).map_err(io::Error::from)
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
    use super::*;
    use claimgraph::graph::ClaimGraph;
    use claimgraph::load::{self, Source};
    use serde_json::Value;

    const SHAPES: [Shape; 4] = [
        Shape::Realistic,
        Shape::RelayChain,
        Shape::CitationRing,
        Shape::BigScc,
    ];

    fn generate(claims: usize, seed: u64, shape: Shape) -> Vec<u8> {
        let mut bytes = Vec::new();
        let opts = GenOptions {
            claims,
            seed,
            shape,
        };
        write_graph(&mut bytes, &opts).unwrap();
        bytes
    }

    /// The generated file as claimgraph's own loader reads it (every rule of the file
    /// format checked), and as plain JSON for counting.
    fn load(bytes: Vec<u8>) -> (ClaimGraph, Value) {
        let json: Value = serde_json::from_slice(&bytes).expect("generated JSON parses");
        let source = Source {
            name: "generated.json".into(),
            bytes,
        };
        let graph = load::from_sources(&[source])
            .unwrap_or_else(|e| panic!("the loader rejects a generated graph: {:?}", e.errors));
        (graph, json)
    }

    fn len(json: &Value, section: &str) -> usize {
        json[section].as_array().map_or(0, Vec::len)
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
            generate(3_000, 7 + 1, Shape::Realistic)
        );
    }

    #[test]
    fn the_loader_accepts_every_shape_at_every_size() {
        for shape in SHAPES {
            for claims in [0, 1, 2, 999, 5_000] {
                let (graph, json) = load(generate(claims, 42, shape));
                assert_eq!(graph.claims().count(), len(&json, "claims"), "{shape:?}");
            }
        }
    }

    #[test]
    fn realistic_graph_has_the_promised_proportions() {
        let (graph, json) = load(generate(20_000, 1, Shape::Realistic));
        assert_eq!(graph.entities().count(), 4_000);
        let intel = graph
            .entities()
            .filter(|&e| graph.entity(e).is_some_and(|e| e.has_tag("intelligence")))
            .count();
        assert!(
            (400..=560).contains(&intel),
            "{intel} intelligence entities"
        );
        let edges = json["edges"].as_array().unwrap();
        let count = |rel: &str| edges.iter().filter(|e| e["rel"] == rel).count();
        let denies = count("denies");
        assert!((1_800..=2_200).contains(&denies), "{denies} denials");
        let asserts = count("asserts");
        assert!((27_000..=32_000).contains(&asserts), "{asserts} assertions");
        // Forward references: documents name publishers that come later in the file.
        assert!(json["documents"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d.get("publisher").is_some()));
    }

    #[test]
    fn stress_shapes_have_their_sizes() {
        let (_, chain) = load(generate(10_000, 1, Shape::RelayChain));
        assert_eq!(len(&chain, "entities"), 10_000);
        assert_eq!(len(&chain, "claims"), 26);
        assert_eq!(len(&chain, "edges"), 9_999 + 26);
        let (_, ring) = load(generate(1_000, 1, Shape::CitationRing));
        assert_eq!(len(&ring, "claims"), 1_000);
        assert_eq!(len(&ring, "edges"), 1 + 1_000 + 100);
    }
}
