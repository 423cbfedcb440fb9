//! Claim queries: the filters of `claims` (docs/format.md §4) as pure functions that return node
//! lists, and the per-claim facts that every output format shows. Nothing here prints.

use crate::graph::{ClaimGraph, ClaimRef, NodeIx};
use crate::model::{Date, Id, Rel, Verdict};
use crate::support::Support;
use petgraph::Direction;
use regex::Regex;
use serde::Serialize;

/// Which verdict a claim must have: a given one, or none at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerdictFilter {
    Is(Verdict),
    Unreviewed,
}

impl std::str::FromStr for VerdictFilter {
    type Err = crate::model::ValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "unreviewed" | "none" | "null" => Ok(VerdictFilter::Unreviewed),
            _ => Verdict::parse(s).map(VerdictFilter::Is),
        }
    }
}

/// The conditions a claim must meet; all of them (AND). Default: every claim.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    pub rests_only_on: Option<String>,
    pub asserted_by: Vec<NodeIx>,
    pub denied_by: Vec<NodeIx>,
    pub cites: Vec<NodeIx>,
    pub grounded_in: Vec<NodeIx>,
    pub about: Vec<NodeIx>,
    /// Documents (indices into the documents) that must state or report the claim: see
    /// [`found_in`].
    pub found_in: Vec<u32>,
    pub contested: bool,
    pub ungrounded: bool,
    pub circular: bool,
    pub single_origin: bool,
    pub independent: bool,
    pub interested_denial: bool,
    /// Entities or claims that must be chokepoints of the claim (docs/format.md §2.3).
    pub through: Vec<NodeIx>,
    /// `single_relay`: independent, yet with an entity among its chokepoints.
    pub single_relay: bool,
    pub grep: Option<Regex>,
    pub topic: Vec<String>,
    pub verdict: Option<VerdictFilter>,
}

/// How a tag typed on the command line stands in the graph (docs/format.md §4.2: values are
/// checked where they enter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagUse {
    /// Some entity carries it.
    Carried,
    /// No entity carries it, but it is in the vocabulary (docs/format.md §3): an empty answer.
    Unused,
    /// No entity carries it and it is not in the vocabulary: a typo, most likely. The
    /// closest tag carried or in the vocabulary, if one is close.
    Unknown { near: Option<String> },
}

/// How `tag` stands in `g`.
pub fn tag_use(g: &ClaimGraph, tag: &str) -> TagUse {
    let mut carried: Vec<&str> = Vec::new();
    for e in g.entities().filter_map(|e| g.entity(e)) {
        for t in &e.tags {
            if t.as_str() == tag {
                return TagUse::Carried;
            }
            carried.push(t.as_str());
        }
    }
    if crate::model::TAG_VOCABULARY.contains(&tag) {
        return TagUse::Unused;
    }
    carried.sort_unstable();
    carried.dedup();
    let candidates = carried
        .into_iter()
        .chain(crate::model::TAG_VOCABULARY.iter().copied());
    TagUse::Unknown {
        near: crate::suggest::did_you_mean(tag, candidates).map(str::to_string),
    }
}

/// Whether some claim of `g` has `topic`; when none has, the closest topic that one has.
pub fn topic_use(g: &ClaimGraph, topic: &str) -> Result<(), Option<String>> {
    let mut topics: Vec<&str> = Vec::new();
    for c in g.claims().filter_map(|c| g.claim(c)) {
        for t in &c.topics {
            if t == topic {
                return Ok(());
            }
            topics.push(t);
        }
    }
    topics.sort_unstable();
    topics.dedup();
    Err(crate::suggest::did_you_mean(topic, topics).map(str::to_string))
}

/// `interested_denial(c)`: `c` is denied, and every denier shares its origin with one of the
/// entities `c` is about.
pub fn interested_denial(g: &ClaimGraph, s: &Support, c: NodeIx) -> bool {
    if !s.denied(c) {
        return false;
    }
    let Some(claim) = g.claim(c) else {
        return false;
    };
    let about: Vec<NodeIx> = claim
        .about
        .iter()
        .filter_map(|a| g.node_by_id(a.as_str()))
        .map(|a| s.origin(a))
        .collect();
    let mut deniers = g
        .sources(c, Rel::Denies)
        .filter(|&d| !s.is_discredited(d))
        .peekable();
    deniers.peek().is_some() && deniers.all(|d| about.contains(&s.origin(d)))
}

/// The claims that pass `f`, sorted by id.
pub fn select(g: &ClaimGraph, s: &Support, f: &ClaimFilter) -> Vec<NodeIx> {
    let only_on = f.rests_only_on.as_deref().map(|t| s.rests_only_on(g, t));
    let through: Vec<Vec<bool>> = f.through.iter().map(|&x| s.choked_by(x)).collect();
    let hits = g
        .claim_refs()
        .filter(|c| only_on.as_ref().is_none_or(|v| v[c.ix.index()]))
        .filter(|c| through.iter().all(|v| v[c.ix.index()]))
        .filter(|c| !f.single_relay || s.single_relay()[c.ix.index()])
        .filter(|&c| passes(g, s, f, c))
        .map(|c| c.ix)
        .collect();
    g.sorted_by_id(hits)
}

/// Whether `c` passes the filters of `f` that read the support only (`--contested`,
/// `--ungrounded`, `--circular`, `--single-origin`, `--independent`).
fn passes_support(s: &Support, f: &ClaimFilter, c: NodeIx) -> bool {
    (!f.contested || s.contested(c))
        && (!f.ungrounded || s.ungrounded(c))
        && (!f.circular || s.circular(c))
        && (!f.single_origin || s.single_origin(c))
        && (!f.independent || s.independent(c))
}

/// Whether `f` reads nothing but the support: no ids to resolve, no record fields, no
/// chokepoints through given nodes.
pub fn reads_support_only(f: &ClaimFilter) -> bool {
    f.asserted_by.is_empty()
        && f.denied_by.is_empty()
        && f.cites.is_empty()
        && f.grounded_in.is_empty()
        && f.about.is_empty()
        && f.found_in.is_empty()
        && f.through.is_empty()
        && f.topic.is_empty()
        && f.grep.is_none()
        && f.verdict.is_none()
        && !f.interested_denial
}

/// [`select`] without the graph, for a filter that [`reads_support_only`]: of the claims
/// `by_id` (node indices, sorted by id), the positions of those that pass, in order.
/// `None` when the answer needs the graph after all (a filter that reads more, or a tag
/// past the support's tag bits).
pub fn select_by_support(s: &Support, f: &ClaimFilter, by_id: &[u32]) -> Option<Vec<usize>> {
    if !reads_support_only(f) {
        return None;
    }
    let only_on = match f.rests_only_on.as_deref() {
        Some(tag) => Some(s.rests_only_on_by_bits(tag)?),
        None => None,
    };
    let relay = f.single_relay.then(|| s.single_relay());
    let hits = (0..by_id.len())
        .filter(|&i| {
            let c = NodeIx::new(by_id[i] as usize);
            only_on.as_ref().is_none_or(|o| o[c.index()])
                && relay.is_none_or(|r| r[c.index()])
                && passes_support(s, f, c)
        })
        .collect();
    Some(hits)
}

fn passes(g: &ClaimGraph, s: &Support, f: &ClaimFilter, c: ClaimRef<'_>) -> bool {
    let (c, claim) = (c.ix, c.claim);
    let has = |rel, who: &[NodeIx]| who.iter().all(|&w| g.sources(c, rel).any(|x| x == w));
    passes_support(s, f, c)
        && (!f.interested_denial || interested_denial(g, s, c))
        && has(Rel::Asserts, &f.asserted_by)
        && has(Rel::Denies, &f.denied_by)
        && f.cites
            .iter()
            .all(|&w| g.targets(c, Rel::Cites).any(|x| x == w))
        && f.grounded_in
            .iter()
            .all(|&w| s.grounds(c).contains(&(w.index() as u32)))
        && f.about
            .iter()
            .all(|&a| claim.about.iter().any(|x| x == g.id(a)))
        && f.found_in.iter().all(|&d| found_in(g, c, d))
        && f.topic.iter().all(|t| claim.topics.iter().any(|x| x == t))
        && f.grep.as_ref().is_none_or(|re| re.is_match(&claim.text))
        && f.verdict.is_none_or(|v| match v {
            VerdictFilter::Is(v) => claim.verdict() == Some(v),
            VerdictFilter::Unreviewed => claim.review.is_none(),
        })
}

/// Whether document `d` (index into the documents) states or reports claim `c` (docs/format.md
/// §4.2, `--found-in`): the claim's `found_in` names it, or an edge to or from the claim was
/// found in it.
pub fn found_in(g: &ClaimGraph, c: NodeIx, d: u32) -> bool {
    let doc = &g.document(d).doc.id;
    g.claim(c).is_some_and(|claim| claim.found_in.contains(doc)) || {
        let pg = g.petgraph();
        pg.edges_directed(c, Direction::Incoming)
            .chain(pg.edges_directed(c, Direction::Outgoing))
            .any(|e| e.weight().in_doc == Some(d))
    }
}

/// The claims document `d` states or reports ([`found_in`]), sorted by id.
pub fn claims_found_in(g: &ClaimGraph, d: u32) -> Vec<NodeIx> {
    g.sorted_by_id(g.claims().filter(|&c| found_in(g, c, d)).collect())
}

/// How many chokepoints a claim's facts list, the nearest first: a claim asserted at the head
/// of a relay chain a million long has a million, and every claim along it almost as many,
/// so the full lists would grow with the square of the chain.
pub const CHOKEPOINTS_LISTED: usize = 1000;

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Everything the outputs of `claims` say about one claim (the JSON shape of docs/format.md §4.4).
#[derive(Debug, Clone, Serialize)]
pub struct ClaimFacts<'g> {
    pub id: &'g Id,
    pub text: &'g str,
    pub asserted_by: Vec<&'g Id>,
    pub denied_by: Vec<&'g Id>,
    pub cites: Vec<&'g Id>,
    pub grounds: Vec<&'g Id>,
    /// The nodes on every path of its support to a ground (docs/format.md §2.3), sorted: the
    /// nearest [`CHOKEPOINTS_LISTED`] of them.
    pub chokepoints: Vec<&'g Id>,
    /// How many chokepoints lie beyond those listed (a relay chain longer than the list).
    #[serde(skip_serializing_if = "is_zero")]
    pub chokepoints_more: usize,
    pub contested: bool,
    pub circular: bool,
    pub ungrounded: bool,
    pub single_origin: bool,
    pub independent: bool,
    pub single_relay: bool,
    pub interested_denial: bool,
    pub verdict: Option<Verdict>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'g Date>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<&'g Id>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<&'g str>,
}

/// The facts of claim `c`.
pub fn facts<'g>(g: &'g ClaimGraph, s: &Support, c: ClaimRef<'g>) -> ClaimFacts<'g> {
    let (c, claim) = (c.ix, c.claim);
    ClaimFacts {
        id: &claim.id,
        text: &claim.text,
        asserted_by: g.source_ids(c, Rel::Asserts),
        denied_by: g.source_ids(c, Rel::Denies),
        cites: g.target_ids(c, Rel::Cites),
        grounds: grounds_ids(g, s, c),
        chokepoints: g.sorted_ids(s.chokepoints(c).take(CHOKEPOINTS_LISTED)),
        chokepoints_more: s.chokepoint_count(c).saturating_sub(CHOKEPOINTS_LISTED),
        contested: s.contested(c),
        circular: s.circular(c),
        ungrounded: s.ungrounded(c),
        single_origin: s.single_origin(c),
        independent: s.independent(c),
        single_relay: s.single_relay()[c.index()],
        interested_denial: interested_denial(g, s, c),
        verdict: claim.verdict(),
        date: claim.date.as_ref(),
        about: claim.about.iter().collect(),
        topics: claim.topics.iter().map(String::as_str).collect(),
    }
}

/// The ids of the grounds of `x`, sorted.
pub fn grounds_ids<'g>(g: &'g ClaimGraph, s: &Support, x: NodeIx) -> Vec<&'g Id> {
    g.sorted_ids(s.grounds(x).iter().map(|&v| NodeIx::new(v as usize)))
}

/// One row of `sources`: a ground and how many claims stand on it.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRow<'g> {
    pub id: &'g Id,
    pub name: &'g str,
    pub tags: Vec<&'g str>,
    pub grounded: u32,
    pub sole: u32,
}

/// Every ground (optionally only those tagged `tag`) with its counts, most `sole` first,
/// then most `grounded`, then by id.
pub fn sources<'g>(g: &'g ClaimGraph, s: &Support, tag: Option<&str>) -> Vec<SourceRow<'g>> {
    let counts = s.ground_counts(g);
    let mut rows: Vec<SourceRow> = g
        .entities()
        .filter(|&e| s.is_ground(e))
        .filter_map(|e| {
            let ent = g.entity(e)?;
            if tag.is_some_and(|t| !ent.has_tag(t)) {
                return None;
            }
            let (grounded, sole) = counts[e.index()];
            Some(SourceRow {
                id: &ent.id,
                name: &ent.name,
                tags: ent.tags.iter().map(|t| t.as_str()).collect(),
                grounded,
                sole,
            })
        })
        .collect();
    rows.sort_by(|a, b| (b.sole, b.grounded, a.id).cmp(&(a.sole, a.grounded, b.id)));
    rows
}

/// One row of `chokepoints`: an entity and how many claims it chokes.
#[derive(Debug, Clone, Serialize)]
pub struct ChokeRow<'g> {
    pub id: &'g Id,
    pub name: &'g str,
    pub tags: Vec<&'g str>,
    /// Whether it is a ground (a source that cites nothing) rather than a relay.
    pub ground: bool,
    /// The claims with it among their chokepoints: every path of their support to a ground
    /// passes through it.
    pub chokes: u32,
    /// Of those, the claims that look independent: their single relay.
    pub single_relay: u32,
}

/// Every entity that chokes at least one claim (optionally only those tagged `tag`), most
/// `chokes` first, then most `single_relay`, then by id. One pass over the dominator tree.
pub fn chokepoint_rows<'g>(g: &'g ClaimGraph, s: &Support, tag: Option<&str>) -> Vec<ChokeRow<'g>> {
    let counts = s.choke_counts();
    let mut rows: Vec<ChokeRow> = g
        .entities()
        .filter(|&e| counts[e.index()].0 > 0)
        .filter_map(|e| {
            let ent = g.entity(e)?;
            if tag.is_some_and(|t| !ent.has_tag(t)) {
                return None;
            }
            let (chokes, single_relay) = counts[e.index()];
            Some(ChokeRow {
                id: &ent.id,
                name: &ent.name,
                tags: ent.tags.iter().map(|t| t.as_str()).collect(),
                ground: s.is_ground(e),
                chokes,
                single_relay,
            })
        })
        .collect();
    rows.sort_by(|a, b| (b.chokes, b.single_relay, a.id).cmp(&(a.chokes, a.single_relay, b.id)));
    rows
}
