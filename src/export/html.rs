//! The HTML dossier: one self-contained page (no network: CSS, script, data and picture are
//! inline) with the claims table and its filters, each claim's support tree (chokepoints
//! marked), the sources, a "what if a source is wrong" panel, and the graph picture when the
//! caller has one.
//!
//! The what-if panel discredits sources in the page: its script recomputes support (docs/
//! format.md §2.5) over the arcs of S embedded with each node, with the rules `claims
//! --discredit` follows, so a reader can tick sources and watch which claims lose their
//! grounds or their independence. The page holds S once, so this costs nothing per source.
//!
//! The data travels as JSON in a `<script type="application/json">` block, with `<`, `>`
//! and `&` written as `\u003c`-style escapes so that no text in the graph can close the
//! block; the page's script puts every user string into the page as text, never as markup.
//! The picture is an SVG the caller rendered with Graphviz from [`crate::export::dot`]
//! (this crate runs no programs); it is Graphviz's own escaped output, embedded as is.

use crate::appearance::{self, Appearance};
use crate::graph::{ClaimGraph, NodeIx};
use crate::model::Verdict;
use crate::query;
use crate::support::Support;
use crate::why::{self, Mark, Via};
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::{self, Write};

/// How deep each claim's support tree goes in the page.
pub const TREE_DEPTH: usize = 25;

/// What the page shows besides the graph itself.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The page title, e.g. the graph's path.
    pub title: String,
    /// The graph picture: an `<svg>` element (anything before `<svg` is dropped).
    pub svg: Option<String>,
    /// Shown where the picture would be when there is none (why it is missing).
    pub no_svg_reason: Option<String>,
    /// Entities the page opens with discredited (the reader can change them).
    pub discredited: Vec<NodeIx>,
}

/// Everything the page's script needs.
#[derive(Serialize)]
struct Data<'g> {
    title: &'g str,
    claims: Vec<ClaimRow<'g>>,
    entities: Vec<EntityRow<'g>>,
    sources: Vec<query::SourceRow<'g>>,
    /// Every document, for the titles of the appearances.
    documents: Vec<DocRow<'g>>,
    tags: Vec<&'g str>,
    verdicts: Vec<String>,
    /// The entities the page opens with discredited.
    discredited: Vec<&'g str>,
}

#[derive(Serialize)]
struct ClaimRow<'g> {
    #[serde(flatten)]
    facts: query::ClaimFacts<'g>,
    /// The tags T for which `rests_only_on(c, T)` holds.
    rests_only_on: Vec<&'g str>,
    /// The support tree, pre-order: `[depth, id, via, mark, chokepoint]`.
    tree: Vec<(usize, &'g str, Via, Mark, bool)>,
    /// Its arcs in S: what it cites, or (citing nothing) who asserts it.
    support: Vec<&'g str>,
    /// Every edge into or out of the claim, one per document it was found in.
    appearances: Vec<Appearance<'g>>,
}

#[derive(Serialize)]
struct DocRow<'g> {
    id: &'g str,
    title: &'g str,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
}

#[derive(Serialize)]
struct EntityRow<'g> {
    id: &'g str,
    name: &'g str,
    kind: String,
    tags: Vec<&'g str>,
    ground: bool,
    origin: &'g str,
    /// Its arcs in S: what it cites (relays).
    support: Vec<&'g str>,
    /// How many claims it is a chokepoint of.
    chokes: u32,
}

/// Writes the dossier of `g`.
pub fn write<W: Write + ?Sized>(w: &mut W, g: &ClaimGraph, opts: &Options) -> io::Result<()> {
    let s = Support::new(g);
    let mut data = data(g, &s, &opts.title);
    data.discredited = opts.discredited.iter().map(|&x| g.id(x).as_str()).collect();
    let json = serde_json::to_string(&data).map_err(io::Error::other)?;
    let picture = match (&opts.svg, &opts.no_svg_reason) {
        (Some(svg), _) => svg_element(svg).to_string(),
        (None, Some(why)) => format!("<p class=\"note\">{}</p>", escape(why)),
        (None, None) => String::new(),
    };
    write!(
        w,
        include_str!("html/page.html"),
        title = escape(&opts.title),
        css = include_str!("html/dossier.css"),
        data = script_safe(&json),
        picture = picture,
        js = include_str!("html/dossier.js"),
    )
}

fn data<'g>(g: &'g ClaimGraph, s: &Support, title: &'g str) -> Data<'g> {
    let claims = g
        .sorted_by_id(g.claims().collect())
        .into_iter()
        .filter_map(|c| g.as_claim(c))
        .map(|claim| (claim.ix, claim))
        .map(|(c, claim)| ClaimRow {
            facts: query::facts(g, s, claim),
            rests_only_on: common_tags(g, s, c),
            tree: why::tree(g, s, c, TREE_DEPTH)
                .rows
                .iter()
                .map(|r| (r.depth, g.id(r.node).as_str(), r.via, r.mark, r.chokepoint))
                .collect(),
            support: support_ids(g, s, c),
            appearances: appearance::at_node(g, c),
        })
        .collect();
    let chokes = s.choke_counts();
    let entities: Vec<EntityRow> = g
        .sorted_by_id(g.entities().collect())
        .into_iter()
        .filter_map(|e| {
            let ent = g.entity(e)?;
            Some(EntityRow {
                id: ent.id.as_str(),
                name: &ent.name,
                kind: ent.kind.to_string(),
                tags: ent.tags.iter().map(|t| t.as_str()).collect(),
                ground: s.is_ground(e),
                origin: g.id(s.origin(e)).as_str(),
                support: support_ids(g, s, e),
                chokes: chokes[e.index()].0,
            })
        })
        .collect();
    let tags: BTreeSet<&str> = entities
        .iter()
        .filter(|e| e.ground)
        .flat_map(|e| e.tags.iter().copied())
        .collect();
    Data {
        title,
        claims,
        entities,
        sources: query::sources(g, s, None),
        documents: g
            .documents()
            .map(|d| DocRow {
                id: d.id.as_str(),
                title: &d.title,
                published: d.published.map(|p| p.to_string()),
            })
            .collect(),
        tags: tags.into_iter().collect(),
        verdicts: Verdict::ALL.iter().map(|v| v.to_string()).collect(),
        discredited: Vec::new(),
    }
}

/// The ids of the arcs of `x` in S, sorted.
fn support_ids<'g>(g: &'g ClaimGraph, s: &Support, x: NodeIx) -> Vec<&'g str> {
    g.sorted_ids(s.support_of(x))
        .into_iter()
        .map(|i| i.as_str())
        .collect()
}

/// The tags T with `rests_only_on(c, T)`, sorted.
fn common_tags<'g>(g: &'g ClaimGraph, s: &Support, c: NodeIx) -> Vec<&'g str> {
    let mut tags = crate::check::common_ground_tags(g, s, c);
    tags.sort_unstable();
    tags.dedup();
    tags
}

/// `text` with the five HTML-special characters escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// JSON that can sit inside a `<script>` block: `<`, `>` and `&` become JSON escapes, so
/// neither `</script>` nor `<!--` can appear, and the JSON still parses to the same value.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The `<svg …>…</svg>` element of Graphviz output, without its XML prolog and doctype.
fn svg_element(svg: &str) -> &str {
    match svg.find("<svg") {
        Some(i) => svg[i..].trim_end(),
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_safe_json_cannot_close_the_script_block() {
        let json = serde_json::to_string("</script><script>alert(1)</script> & <!--").unwrap();
        let safe = script_safe(&json);
        assert!(!safe.contains('<') && !safe.contains('>'), "{safe}");
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "</script><script>alert(1)</script> & <!--");
    }

    #[test]
    fn escape_covers_markup_and_attribute_quotes() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn svg_prolog_is_dropped() {
        let svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg width=\"1\"></svg>\n";
        assert_eq!(svg_element(svg), "<svg width=\"1\"></svg>");
    }
}
