//! What a claim query that reads only the support needs, kept in a section of its own so
//! that such a query is answered without decoding the graph: the node count, the tags the
//! entities carry (to check a `--rests-only-on` tag as the full load does), and every
//! claim's node index and id, sorted by id (the order answers are printed in).

use super::codec::{Corrupt, Reader, Writer};
use super::Added;
use crate::graph::ClaimGraph;
use crate::load::{self, Source};
use crate::query::{self, ClaimFilter};
use crate::support::Support;
use std::collections::BTreeSet;

/// The claims of a snapshot, sorted by id, with the graph's support and tags.
pub struct WarmClaims {
    /// The support of the whole graph.
    pub support: Support,
    /// The distinct tags the entities carry, sorted.
    pub tags: Vec<String>,
    /// Every claim's node index, sorted by id.
    pub by_id: Vec<u32>,
    /// Where each id of `by_id`'s order ends in `ids`.
    ends: Vec<u32>,
    ids: String,
    /// The ids of claims a patch adds (see [`super::Added`]), sorted: claims without edges,
    /// which have no place in the support.
    added: Vec<String>,
}

impl WarmClaims {
    /// The id of the claim at position `i` of [`WarmClaims::by_id`].
    pub fn id(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        // Checked on reading: every end is a character boundary, in order.
        self.ids
            .get(start..self.ends[i] as usize)
            .unwrap_or_default()
    }
}

impl WarmClaims {
    /// Adds the records a patch adds: the entities' tags to the tags carried, the claims to
    /// the claims.
    pub(crate) fn add(&mut self, added: &[Added]) {
        for a in added {
            match a {
                Added::Entity { tags, .. } => self.tags.extend(tags.iter().cloned()),
                Added::Claim { id, .. } => self.added.push(id.clone()),
                Added::Document { .. } => {}
            }
        }
        self.tags.sort();
        self.tags.dedup();
        self.added.sort();
    }

    /// The ids of the claims that pass `f`, a filter that reads only the support, sorted as
    /// [`query::select`] sorts them; `None` when the answer needs the graph after all (see
    /// [`query::select_by_support`]).
    pub fn select(&self, f: &ClaimFilter) -> Option<Vec<&str>> {
        let hits = query::select_by_support(&self.support, f, &self.by_id)?;
        let found = hits.into_iter().map(|i| self.id(i));
        if self.added.is_empty() {
            return Some(found.collect());
        }
        let added: &[String] = match without_edges_passes(f)? {
            true => &self.added,
            false => &[],
        };
        let mut all: Vec<&str> = found.chain(added.iter().map(String::as_str)).collect();
        all.sort_unstable();
        Some(all)
    }
}

/// Whether a claim without edges passes `f`: what the support of a graph holding only such
/// a claim says of it.
fn without_edges_passes(f: &ClaimFilter) -> Option<bool> {
    let source = Source {
        name: "claim.json".into(),
        bytes: br#"{"claims": [{"id": "c", "text": "A claim."}]}"#.to_vec(),
    };
    let g = load::from_sources(&[source]).ok()?;
    let c = g.claims().next()?;
    let s = Support::new(&g);
    let hits = query::select_by_support(&s, f, &[c.index() as u32])?;
    Some(!hits.is_empty())
}

pub(crate) fn encode(g: &ClaimGraph, w: &mut Writer) -> Result<(), Corrupt> {
    w.len(g.node_bound())?;
    let tags: BTreeSet<&str> = g
        .entities()
        .filter_map(|e| g.entity(e))
        .flat_map(|e| e.tags.iter().map(|t| t.as_str()))
        .collect();
    w.len(tags.len())?;
    tags.iter().try_for_each(|t| w.str(t))?;
    let by_id = g.sorted_by_id(g.claims().collect());
    let ix: Vec<u32> = by_id.iter().map(|c| c.index() as u32).collect();
    w.u32s(&ix)?;
    let mut ends = Vec::with_capacity(by_id.len());
    let mut ids = String::new();
    for &c in &by_id {
        ids.push_str(g.id(c).as_str());
        ends.push(u32::try_from(ids.len()).map_err(|_| Corrupt("the ids do not fit"))?);
    }
    w.u32s(&ends)?;
    w.str(&ids)
}

/// Reads the section written by [`encode`], with the support read from its own section
/// (`support` decodes it for a given node count).
pub(crate) fn decode(
    r: &mut Reader<'_>,
    support: impl FnOnce(usize) -> Result<Support, Corrupt>,
) -> Result<WarmClaims, Corrupt> {
    let nodes = r.u32()? as usize;
    let n = r.count(4)?;
    let tags = (0..n)
        .map(|_| r.str().map(str::to_string))
        .collect::<Result<Vec<_>, _>>()?;
    let by_id = r.u32s()?;
    let ends = r.u32s()?;
    let ids = r.str()?.to_string();
    if !r.is_empty() {
        return Err(Corrupt("bytes after the claims"));
    }
    let in_order = ends.windows(2).all(|w| w[0] <= w[1])
        && ends.last().is_none_or(|&e| e as usize == ids.len())
        && ends.iter().all(|&e| ids.is_char_boundary(e as usize));
    if ends.len() != by_id.len() || !in_order || by_id.iter().any(|&v| v as usize >= nodes) {
        return Err(Corrupt("the claims do not match the nodes"));
    }
    Ok(WarmClaims {
        support: support(nodes)?,
        tags,
        by_id,
        ends,
        ids,
        added: Vec::new(),
    })
}
