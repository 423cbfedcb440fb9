//! A [`ClaimGraph`] to bytes and back: every record, document and edge in index order, so
//! that the graph read back has the same node and edge indices, the same adjacency order
//! and therefore the same answers, byte for byte, as the graph that was loaded from JSON.
//!
//! The support is written as the arrays it is computed into, so that a warm load does not
//! compute it again.
//!
//! Only what cannot be derived is written; the id index, the claim flags and the id prefixes
//! are rebuilt from the records.

use super::codec::{Corrupt, Reader, Writer};
use crate::graph::{
    id_prefix, ClaimGraph, DocData, EdgeData, EdgeExtra, IdKey, NodeData, NodeIx, Origin, Record,
    Slot, Structure, NO_PARENT,
};
use crate::model::{
    Claim, Credibility, Date, Document, Entity, Id, Kind, Rel, Reliability, Review, Tag, Verdict,
};
use crate::support::{Parts, Support};
use petgraph::visit::{EdgeIndexable, EdgeRef, IntoEdgeReferences, NodeIndexable};

/// Writes `g`; an error when the graph has holes (removed nodes or edges) or counts that
/// do not fit, which a freshly loaded graph never has.
pub(crate) fn encode(g: &ClaimGraph, w: &mut Writer) -> Result<(), Corrupt> {
    if g.g.node_count() != g.g.node_bound()
        || g.g.edge_count() != g.g.edge_bound()
        || g.records.len() != g.g.node_count()
    {
        return Err(Corrupt("the graph has holes"));
    }
    w.len(g.files.len())?;
    for f in &g.files {
        w.str(f)?;
    }
    w.len(g.records.len())?;
    for n in &g.records {
        origin(w, n.origin);
        match &n.record {
            Record::Entity(e) => {
                w.u8(0);
                entity(w, e)?;
            }
            Record::Claim(c) => {
                w.u8(1);
                claim(w, c)?;
            }
        }
    }
    w.len(g.docs.len())?;
    for d in &g.docs {
        origin(w, d.origin);
        document(w, &d.doc)?;
    }
    w.len(g.parents.len())?;
    for &p in &g.parents {
        w.u32(p);
    }
    w.len(g.g.edge_count())?;
    for e in g.g.edge_references() {
        w.u32(e.source().index() as u32);
        w.u32(e.target().index() as u32);
        edge(w, e.weight())?;
    }
    Ok(())
}

/// Reads a graph written by [`encode`].
pub(crate) fn decode(r: &mut Reader<'_>) -> Result<ClaimGraph, Corrupt> {
    let mut g = ClaimGraph::default();
    let files = r.count(4)?;
    g.files = (0..files)
        .map(|_| r.str().map(str::to_string))
        .collect::<Result<_, _>>()?;
    let t = crate::timing::phase("decode records");
    let nodes = r.count(9)?;
    g.records = Vec::with_capacity(nodes);
    for _ in 0..nodes {
        let origin = read_origin(r)?;
        let record = match r.u8()? {
            0 => Record::Entity(read_entity(r)?),
            1 => Record::Claim(read_claim(r)?),
            _ => return Err(Corrupt("unknown record kind")),
        };
        g.records.push(NodeData { record, origin });
    }
    let docs = r.count(9)?;
    g.docs = Vec::with_capacity(docs);
    for _ in 0..docs {
        let origin = read_origin(r)?;
        g.docs.push(DocData {
            doc: read_document(r)?,
            origin,
        });
    }
    drop(t);
    let t = crate::timing::phase("decode edges");
    let parents = r.count(4)?;
    if parents != nodes {
        return Err(Corrupt("parents do not match the nodes"));
    }
    g.parents = (0..parents).map(|_| r.u32()).collect::<Result<_, _>>()?;
    let edges = r.count(18)?;
    g.g = Structure::with_capacity(nodes, edges);
    for _ in 0..nodes {
        g.g.add_node(());
    }
    for _ in 0..edges {
        let (a, b) = (r.u32()? as usize, r.u32()? as usize);
        if a >= nodes || b >= nodes {
            return Err(Corrupt("an edge end is out of range"));
        }
        let data = read_edge(r, docs)?;
        g.g.add_edge(NodeIx::new(a), NodeIx::new(b), data);
    }
    if !r.is_empty() {
        return Err(Corrupt("bytes after the graph"));
    }
    drop(t);
    let t = crate::timing::phase("derive index");
    derive(&mut g)?;
    drop(t);
    let _t = crate::timing::phase("check references");
    check_references(&g)?;
    Ok(g)
}

/// Writes the support `s` of a graph: its arrays (see [`Parts`]).
pub(crate) fn encode_support(s: &Support, w: &mut Writer) -> Result<(), Corrupt> {
    let p = s.to_parts();
    w.u32s(&p.start)?;
    w.u32s(&p.adj)?;
    for list in p.per_node() {
        w.u32s(list)?;
    }
    strings(w, &p.tag_bits)?;
    w.u8(u8::from(p.tags_overflow));
    w.u32(p.components);
    Ok(())
}

/// Reads the support of a graph of `nodes` nodes written by [`encode_support`].
pub(crate) fn decode_support(r: &mut Reader<'_>, nodes: usize) -> Result<Support, Corrupt> {
    let p = Parts {
        start: r.u32s()?,
        adj: r.u32s()?,
        visit: r.u32s()?,
        sole: r.u32s()?,
        reach_origin: r.u32s()?,
        tags: r.u32s()?,
        flags: r.u32s()?,
        origin: r.u32s()?,
        tag_bits: read_strings(r)?,
        tags_overflow: match r.u8()? {
            0 => false,
            1 => true,
            _ => return Err(Corrupt("a bad overflow flag")),
        },
        components: r.u32()?,
    };
    if !r.is_empty() {
        return Err(Corrupt("bytes after the support"));
    }
    Support::from_parts(p, nodes).map_err(Corrupt)
}

/// What the loader guaranteed and the reads rely on, checked again: every `part_of` parent is
/// the entity the record names, and every origin names a file of the graph.
fn check_references(g: &ClaimGraph) -> Result<(), Corrupt> {
    for (i, n) in g.records.iter().enumerate() {
        let part_of = match &n.record {
            Record::Entity(e) => e.part_of.as_ref(),
            Record::Claim(_) => None,
        };
        let parent = g.parents[i];
        let consistent = match part_of {
            None => parent == NO_PARENT,
            Some(id) => g
                .records
                .get(parent as usize)
                .is_some_and(|p| matches!(&p.record, Record::Entity(e) if &e.id == id)),
        };
        if !consistent {
            return Err(Corrupt("a part_of parent is not the entity named"));
        }
    }
    let files = g.files.len() as u32;
    let origins = (g.records.iter().map(|n| n.origin))
        .chain(g.docs.iter().map(|d| d.origin))
        .chain(g.g.edge_weights().map(|e| e.origin));
    for o in origins {
        if o.file >= files {
            return Err(Corrupt("an origin names no file"));
        }
    }
    Ok(())
}

/// Rebuilds what the records determine: the id index, the claim flags, the id prefixes.
fn derive(g: &mut ClaimGraph) -> Result<(), Corrupt> {
    g.claim_flags = Vec::with_capacity(g.records.len());
    g.id_prefixes = Vec::with_capacity(g.records.len());
    for n in &g.records {
        g.claim_flags.push(matches!(n.record, Record::Claim(_)));
        g.id_prefixes.push(id_prefix(n.record.id().as_str()));
    }
    let ids: Vec<&str> = (g.records.iter().map(|n| n.record.id().as_str()))
        .chain(g.docs.iter().map(|d| d.doc.id.as_str()))
        .collect();
    let mut index = crate::graph::Index::default();
    index.reserve(ids.len());
    // Inserted in the order of the table's buckets, the index fills from one end to the
    // other instead of missing the cache once per id (the table is larger than the cache).
    let buckets = (index.capacity().max(1) * 8 / 7).next_power_of_two() as u64;
    let order = bucket_order(&index, &ids, buckets - 1);
    let nodes = g.records.len();
    for i in order {
        let slot = match i.checked_sub(nodes) {
            None => Slot::Node(NodeIx::new(i)),
            Some(d) => Slot::Doc(d as u32),
        };
        if index.insert(IdKey::new(ids[i]), slot).is_some() {
            return Err(Corrupt("an id appears twice"));
        }
    }
    g.index = index;
    Ok(())
}

/// The positions of `ids`, ordered by the bucket each one's hash starts from in `index`.
fn bucket_order(index: &crate::graph::Index, ids: &[&str], mask: u64) -> Vec<usize> {
    use std::hash::BuildHasher;
    let mut keyed: Vec<u64> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let h = index.hasher().hash_one(IdKey::new(id)) & mask & u64::from(u32::MAX);
            (h << 32) | i as u64
        })
        .collect();
    keyed.sort_unstable();
    keyed
        .into_iter()
        .map(|k| (k & u64::from(u32::MAX)) as usize)
        .collect()
}

fn origin(w: &mut Writer, o: Origin) {
    w.u32(o.file);
    w.u32(o.pos);
}

fn read_origin(r: &mut Reader<'_>) -> Result<Origin, Corrupt> {
    Ok(Origin {
        file: r.u32()?,
        pos: r.u32()?,
    })
}

fn ids(w: &mut Writer, ids: &[Id]) -> Result<(), Corrupt> {
    w.len(ids.len())?;
    ids.iter().try_for_each(|id| w.str(id.as_str()))
}

fn strings(w: &mut Writer, list: &[String]) -> Result<(), Corrupt> {
    w.len(list.len())?;
    list.iter().try_for_each(|s| w.str(s))
}

fn date(w: &mut Writer, d: Option<Date>) -> Result<(), Corrupt> {
    w.opt_u32(d.map(Date::to_bits))
}

fn entity(w: &mut Writer, e: &Entity) -> Result<(), Corrupt> {
    w.str(e.id.as_str())?;
    w.str(&e.name)?;
    w.u8(vocab_index(Kind::ALL, e.kind));
    w.len(e.tags.len())?;
    e.tags.iter().try_for_each(|t| w.str(t.as_str()))?;
    w.opt_str(e.part_of.as_ref().map(Id::as_str))?;
    strings(w, &e.aliases)?;
    w.opt_u32(e.reliability.map(|r| u32::from(r.letter())))?;
    w.opt_str(e.note.as_deref())
}

fn claim(w: &mut Writer, c: &Claim) -> Result<(), Corrupt> {
    w.str(c.id.as_str())?;
    w.str(&c.text)?;
    date(w, c.date)?;
    ids(w, &c.about)?;
    strings(w, &c.topics)?;
    ids(w, &c.found_in)?;
    w.opt_u32(c.credibility.map(|c| u32::from(c.value())))?;
    match &c.review {
        None => w.u8(0),
        Some(rv) => {
            w.u8(1);
            w.u8(vocab_index(Verdict::ALL, rv.verdict));
            w.str(rv.by.as_str())?;
            date(w, rv.date)?;
            w.opt_str(rv.note.as_deref())?;
        }
    }
    w.opt_str(c.note.as_deref())
}

fn document(w: &mut Writer, d: &Document) -> Result<(), Corrupt> {
    w.str(d.id.as_str())?;
    w.str(&d.title)?;
    w.opt_str(d.publisher.as_ref().map(Id::as_str))?;
    date(w, d.published)?;
    w.opt_str(d.url.as_deref())
}

fn edge(w: &mut Writer, e: &EdgeData) -> Result<(), Corrupt> {
    w.u8(vocab_index(Rel::ALL, e.rel));
    w.u8(u8::from(e.repeat));
    w.opt_u32(e.in_doc)?;
    origin(w, e.origin);
    match &e.extra {
        None => w.u8(0),
        Some(x) => {
            w.u8(1);
            date(w, x.date)?;
            w.opt_str(x.quote.as_deref())?;
            w.opt_str(x.note.as_deref())?;
        }
    }
    Ok(())
}

/// The position of `v` in its vocabulary (vocabularies are a handful of words).
fn vocab_index<T: PartialEq + Copy>(all: &[T], v: T) -> u8 {
    all.iter().position(|&x| x == v).unwrap_or(0) as u8
}

fn read_vocab<T: Copy>(r: &mut Reader<'_>, all: &[T]) -> Result<T, Corrupt> {
    all.get(r.u8()? as usize)
        .copied()
        .ok_or(Corrupt("unknown vocabulary value"))
}

fn read_id(r: &mut Reader<'_>) -> Result<Id, Corrupt> {
    Id::new(r.str()?).map_err(|_| Corrupt("a bad id"))
}

fn read_opt_id(r: &mut Reader<'_>) -> Result<Option<Id>, Corrupt> {
    r.opt_str()?
        .map(|s| Id::new(s).map_err(|_| Corrupt("a bad id")))
        .transpose()
}

fn read_ids(r: &mut Reader<'_>) -> Result<Vec<Id>, Corrupt> {
    let n = r.count(4)?;
    (0..n).map(|_| read_id(r)).collect()
}

fn read_strings(r: &mut Reader<'_>) -> Result<Vec<String>, Corrupt> {
    let n = r.count(4)?;
    (0..n).map(|_| r.str().map(str::to_string)).collect()
}

fn read_opt_string(r: &mut Reader<'_>) -> Result<Option<String>, Corrupt> {
    Ok(r.opt_str()?.map(str::to_string))
}

fn read_date(r: &mut Reader<'_>) -> Result<Option<Date>, Corrupt> {
    r.opt_u32()?
        .map(|b| Date::from_bits(b).ok_or(Corrupt("a bad date")))
        .transpose()
}

fn read_entity(r: &mut Reader<'_>) -> Result<Entity, Corrupt> {
    let id = read_id(r)?;
    let name = r.str()?.to_string();
    let kind = read_vocab(r, Kind::ALL)?;
    let n = r.count(4)?;
    let tags = (0..n)
        .map(|_| Tag::new(r.str()?).map_err(|_| Corrupt("a bad tag")))
        .collect::<Result<_, _>>()?;
    let part_of = read_opt_id(r)?;
    let aliases = read_strings(r)?;
    let reliability = match r.opt_u32()? {
        None => None,
        Some(c) => {
            let letter = char::from_u32(c).ok_or(Corrupt("a bad reliability"))?;
            let r = Reliability::new(letter.encode_utf8(&mut [0; 4]));
            Some(r.map_err(|_| Corrupt("a bad reliability"))?)
        }
    };
    Ok(Entity {
        id,
        name,
        kind,
        tags,
        part_of,
        aliases,
        reliability,
        note: read_opt_string(r)?,
    })
}

fn read_claim(r: &mut Reader<'_>) -> Result<Claim, Corrupt> {
    let id = read_id(r)?;
    let text = r.str()?.to_string();
    let date = read_date(r)?;
    let about = read_ids(r)?;
    let topics = read_strings(r)?;
    let found_in = read_ids(r)?;
    let credibility = r
        .opt_u32()?
        .map(|c| Credibility::new(i64::from(c)).map_err(|_| Corrupt("a bad credibility")))
        .transpose()?;
    let review = match r.u8()? {
        0 => None,
        1 => Some(Box::new(Review {
            verdict: read_vocab(r, Verdict::ALL)?,
            by: read_id(r)?,
            date: read_date(r)?,
            note: read_opt_string(r)?,
        })),
        _ => return Err(Corrupt("a bad review marker")),
    };
    Ok(Claim {
        id,
        text,
        date,
        about,
        topics,
        found_in,
        credibility,
        review,
        note: read_opt_string(r)?,
    })
}

fn read_document(r: &mut Reader<'_>) -> Result<Document, Corrupt> {
    Ok(Document {
        id: read_id(r)?,
        title: r.str()?.to_string(),
        publisher: read_opt_id(r)?,
        published: read_date(r)?,
        url: read_opt_string(r)?,
    })
}

fn read_edge(r: &mut Reader<'_>, docs: usize) -> Result<EdgeData, Corrupt> {
    let rel = read_vocab(r, Rel::ALL)?;
    let repeat = match r.u8()? {
        0 => false,
        1 => true,
        _ => return Err(Corrupt("a bad repeat flag")),
    };
    let in_doc = r.opt_u32()?;
    if in_doc.is_some_and(|d| d as usize >= docs) {
        return Err(Corrupt("an edge's document is out of range"));
    }
    let origin = read_origin(r)?;
    let extra = match r.u8()? {
        0 => None,
        1 => Some(Box::new(EdgeExtra {
            date: read_date(r)?,
            quote: read_opt_string(r)?,
            note: read_opt_string(r)?,
        })),
        _ => return Err(Corrupt("a bad edge marker")),
    };
    Ok(EdgeData {
        rel,
        repeat,
        in_doc,
        extra,
        origin,
    })
}
