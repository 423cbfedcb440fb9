//! What a claim query that reads only the support needs, kept in a section of its own so
//! that such a query is answered without decoding the graph: the node count, the tags the
//! entities carry (to check a `--rests-only-on` tag as the full load does), and every
//! claim's node index and id, sorted by id (the order answers are printed in).

use super::codec::{Corrupt, Reader, Writer};
use crate::graph::ClaimGraph;
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
    /// Adds `tags` to the tags the entities carry (those of entities a patch adds).
    pub(crate) fn add_tags<'a>(&mut self, tags: impl IntoIterator<Item = &'a String>) {
        self.tags.extend(tags.into_iter().cloned());
        self.tags.sort();
        self.tags.dedup();
    }
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
    })
}
