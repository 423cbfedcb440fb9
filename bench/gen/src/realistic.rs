//! The realistic shape: news-like graphs with relays, citations, denials and small cycles.

use std::io::{self, Write};

use super::words::{
    COUNTRIES, FIRST_NAMES, LAST_NAMES, OBJECTS, ORG_NOUNS, QUOTES, REGIONS, SUBJECTS, TAGS,
    TOPICS, VERBS, VERDICTS,
};
use super::{sentence, GenOptions, Json, Rng, CLAIM, CLAIM_EDGES, DOC, ENTITY, RELAY};

/// Sizes of one realistic graph. Entity indices run organizations, persons, countries.
pub(super) struct Realistic {
    seed: u64,
    claims: usize,
    entities: usize,
    documents: usize,
    orgs: usize,
    persons: usize,
    /// The first `scc` claims also cite the next one around a ring (0: no ring).
    scc: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Organization,
    Person,
    Country,
}

impl Realistic {
    /// The sizes for `opts.claims` claims (at least one).
    pub(super) fn new(opts: &GenOptions, scc: usize) -> Realistic {
        let claims = opts.claims.max(1);
        let entities = (claims / 5).max(8);
        let countries = (entities / 100).clamp(3, 200);
        let orgs = (entities - countries) * 45 / 100;
        Realistic {
            seed: opts.seed,
            claims,
            entities,
            documents: (claims / 20).max(1),
            orgs,
            persons: entities - countries - orgs,
            scc,
        }
    }

    pub(super) fn write<W: Write>(&self, out: &mut Json<W>) -> io::Result<()> {
        let mut buf = String::new();
        out.open("documents", true)?;
        for i in 0..self.documents {
            self.document(out, i, &mut buf)?;
        }
        out.open("entities", false)?;
        for i in 0..self.entities {
            self.entity(out, i, &mut buf)?;
        }
        out.open("claims", false)?;
        for i in 0..self.claims {
            self.claim(out, i, &mut buf)?;
        }
        out.open("edges", false)?;
        let mut first = true;
        for i in 0..self.entities {
            self.relay(out, i, &mut first)?;
        }
        for i in 0..self.claims {
            self.claim_edges(out, i, &mut first)?;
        }
        out.close()
    }

    fn kind(&self, i: usize) -> Kind {
        if i < self.orgs {
            Kind::Organization
        } else if i < self.orgs + self.persons {
            Kind::Person
        } else {
            Kind::Country
        }
    }

    /// The entity's own stream, and whether it is an intelligence source (~12% of entities).
    fn profile(&self, i: usize) -> (Rng, bool) {
        let mut rng = Rng::new(self.seed, ENTITY, i);
        let intel = self.kind(i) != Kind::Country && rng.chance(122);
        (rng, intel)
    }

    fn country(&self, rng: &mut Rng) -> usize {
        self.orgs + self.persons + rng.below(self.entities - self.orgs - self.persons)
    }

    /// A popular source, or an intelligence entity with probability `intel_per_mille`.
    fn source(&self, rng: &mut Rng, intel_per_mille: usize) -> usize {
        if rng.chance(intel_per_mille) {
            for _ in 0..64 {
                let e = rng.below(self.orgs + self.persons);
                if self.profile(e).1 {
                    return e;
                }
            }
        }
        rng.popular(self.entities)
    }

    fn document<W: Write>(&self, out: &mut Json<W>, i: usize, buf: &mut String) -> io::Result<()> {
        let mut rng = Rng::new(self.seed, DOC, i);
        out.item(i == 0)?;
        write!(out.0, "{{\"id\":\"d{i}\",\"title\":")?;
        buf.clear();
        for words in [SUBJECTS, VERBS, OBJECTS] {
            buf.push_str(rng.pick(words));
            buf.push(' ');
        }
        buf.pop();
        out.str(buf)?;
        if rng.chance(800) {
            // Publishers are organizations, written after the documents: forward references.
            out.id_field("publisher", 'e', rng.popular(self.orgs.max(1)))?;
        }
        out.date_field("published", &mut rng, true)?;
        if rng.chance(600) {
            write!(
                out.0,
                ",\"url\":\"https://news.example.org/{}/d{i}\"",
                2000 + i % 26
            )?;
        }
        out.raw("}")
    }

    fn entity<W: Write>(&self, out: &mut Json<W>, i: usize, buf: &mut String) -> io::Result<()> {
        let (mut rng, intel) = self.profile(i);
        let kind = self.kind(i);
        buf.clear();
        let kind_name = match kind {
            Kind::Organization => {
                let noun = if intel {
                    ORG_NOUNS[0]
                } else {
                    rng.pick(ORG_NOUNS)
                };
                buf.push_str(&format!("{} {noun} {i}", rng.pick(REGIONS)));
                "organization"
            }
            Kind::Person => {
                buf.push_str(&format!(
                    "{} {}",
                    rng.pick(FIRST_NAMES),
                    rng.pick(LAST_NAMES)
                ));
                "person"
            }
            Kind::Country => {
                let k = i - self.orgs - self.persons;
                match COUNTRIES.get(k) {
                    Some(name) => buf.push_str(name),
                    None => buf.push_str(&format!("Republic {k}")),
                }
                "country"
            }
        };
        out.item(i == 0)?;
        write!(out.0, "{{\"id\":\"e{i}\",\"name\":")?;
        out.str(buf)?;
        write!(out.0, ",\"kind\":\"{kind_name}\"")?;
        let tag = rng.pick(&TAGS);
        match (kind, intel) {
            (_, true) if rng.chance(300) => {
                write!(out.0, ",\"tags\":[\"intelligence\",\"{tag}\"]")?
            }
            (_, true) => out.raw(",\"tags\":[\"intelligence\"]")?,
            (Kind::Country, _) if rng.chance(500) => out.raw(",\"tags\":[\"government\"]")?,
            (Kind::Organization, _) if rng.chance(150) => {
                write!(out.0, ",\"tags\":[\"{tag}\",\"{}\"]", rng.pick(&TAGS))?
            }
            (Kind::Organization, _) => write!(out.0, ",\"tags\":[\"{tag}\"]")?,
            (Kind::Person, _) if rng.chance(600) => write!(out.0, ",\"tags\":[\"{tag}\"]")?,
            _ => {}
        }
        // No cycles: persons point at organizations, organizations at a country (written
        // later) or an earlier organization, countries at nothing.
        let part_of = match kind {
            Kind::Organization if rng.chance(500) => Some(self.country(&mut rng)),
            Kind::Organization if i > 0 && rng.chance(400) => Some(rng.below(i)),
            Kind::Person if self.orgs > 0 && rng.chance(600) => Some(rng.below(self.orgs)),
            _ => None,
        };
        if let Some(p) = part_of {
            out.id_field("part_of", 'e', p)?;
        }
        if kind != Kind::Person && rng.chance(100) {
            let initials: String = buf.split(' ').filter_map(|w| w.chars().next()).collect();
            out.raw(",\"aliases\":[")?;
            out.str(&initials)?;
            out.raw("]")?;
        }
        if rng.chance(300) {
            write!(
                out.0,
                ",\"reliability\":\"{}\"",
                (b'A' + rng.below(6) as u8) as char
            )?;
        }
        if rng.chance(20) {
            out.raw(",\"note\":\"Ownership disputed; see \\\"annual report\\\".\"")?;
        }
        out.raw("}")
    }

    fn claim<W: Write>(&self, out: &mut Json<W>, i: usize, buf: &mut String) -> io::Result<()> {
        let mut rng = Rng::new(self.seed, CLAIM, i);
        out.item(i == 0)?;
        write!(out.0, "{{\"id\":\"c{i}\",\"text\":")?;
        sentence(&mut rng, buf);
        out.str(buf)?;
        if rng.chance(500) {
            out.date_field("date", &mut rng, false)?;
        }
        if rng.chance(200) {
            let country = self.country(&mut rng);
            write!(out.0, ",\"about\":[\"e{country}\"")?;
            if rng.chance(400) {
                write!(out.0, ",\"e{}\"", rng.popular(self.entities))?;
            }
            out.raw("]")?;
        }
        if rng.chance(300) {
            let (a, b) = (rng.below(TOPICS.len()), rng.below(TOPICS.len()));
            match a != b && rng.chance(200) {
                true => write!(out.0, ",\"topics\":[\"{}\",\"{}\"]", TOPICS[a], TOPICS[b])?,
                false => write!(out.0, ",\"topics\":[\"{}\"]", TOPICS[a])?,
            }
        }
        if rng.chance(150) {
            write!(out.0, ",\"found_in\":[\"d{}\"]", rng.below(self.documents))?;
        }
        if rng.chance(80) {
            write!(out.0, ",\"credibility\":{}", 1 + rng.below(6))?;
        }
        if rng.chance(5) {
            let verdict = rng.pick(VERDICTS);
            write!(out.0, ",\"review\":{{\"verdict\":\"{verdict}\"")?;
            out.id_field("by", 'e', rng.popular(self.entities))?;
            out.date_field("date", &mut rng, true)?;
            out.raw(",\"note\":\"Checked against shipping records.\"}")?;
        }
        if rng.chance(10) {
            out.raw(",\"note\":\"Needs a second source.\"")?;
        }
        out.raw("}")
    }

    /// ~5% of persons and organizations relay a source; two of every 4,000 relay each other.
    fn relay<W: Write>(&self, out: &mut Json<W>, i: usize, first: &mut bool) -> io::Result<()> {
        if self.kind(i) == Kind::Country {
            return Ok(());
        }
        let mut rng = Rng::new(self.seed, RELAY, i);
        let to = match i % 4000 {
            7 if i + 1 < self.orgs => ('e', i + 1),
            8 if i < self.orgs => ('e', i - 1),
            _ if !rng.chance(50) => return Ok(()),
            _ if rng.chance(750) => ('e', self.source(&mut rng, 500)),
            _ => ('c', rng.below(self.claims)),
        };
        if to == ('e', i) {
            return Ok(());
        }
        out.edge(first, ('e', i), "cites", to)?;
        if rng.chance(300) {
            out.id_field("in", 'd', rng.below(self.documents))?;
        }
        out.raw("}")
    }

    fn claim_edges<W: Write>(
        &self,
        out: &mut Json<W>,
        i: usize,
        first: &mut bool,
    ) -> io::Result<()> {
        let mut rng = Rng::new(self.seed, CLAIM_EDGES, i);
        let mut cites: Vec<(char, usize)> = Vec::with_capacity(4);
        if i < self.scc && self.scc > 1 {
            cites.push(('c', (i + 1) % self.scc));
        }
        match i % 500 {
            0 if i + 1 < self.claims => cites.push(('c', i + 1)),
            1 => cites.push(('c', i - 1)),
            _ => {}
        }
        if rng.chance(300) {
            for _ in 0..if rng.chance(250) { 2 } else { 1 } {
                cites.push(match rng.chance(550) {
                    true => ('e', self.source(&mut rng, 350)),
                    false => ('c', rng.below(self.claims)),
                });
            }
        }
        for (k, &to) in cites.iter().enumerate() {
            if to != ('c', i) && !cites[..k].contains(&to) {
                out.edge(first, ('c', i), "cites", to)?;
                out.raw("}")?;
            }
        }
        let mut asserters = [usize::MAX; 3];
        if !rng.chance(30) {
            let n = match rng.below(1000) {
                0..600 => 1,
                600..880 => 2,
                _ => 3,
            };
            for k in 0..n {
                let e = rng.popular(self.entities);
                if asserters.contains(&e) {
                    continue;
                }
                asserters[k] = e;
                out.edge(first, ('e', e), "asserts", ('c', i))?;
                self.edge_details(out, &mut rng)?;
            }
        }
        if rng.chance(100) {
            let e = match rng.chance(600) {
                true => self.country(&mut rng),
                false => rng.popular(self.entities),
            };
            if !asserters.contains(&e) {
                out.edge(first, ('e', e), "denies", ('c', i))?;
                self.edge_details(out, &mut rng)?;
            }
        }
        Ok(())
    }

    /// The optional `in`, `date` and `quote` of an assertion or denial, and its closing brace.
    fn edge_details<W: Write>(&self, out: &mut Json<W>, rng: &mut Rng) -> io::Result<()> {
        if rng.chance(250) {
            out.id_field("in", 'd', rng.below(self.documents))?;
        }
        if rng.chance(100) {
            out.date_field("date", rng, true)?;
        }
        if rng.chance(50) {
            out.raw(",\"quote\":")?;
            out.str(rng.pick(QUOTES))?;
        }
        out.raw("}")
    }
}
