//! Graphviz DOT: a drawing of a [`Selection`] of the graph that `dot` accepts whatever the
//! labels hold, and that reads at a glance.
//!
//! Entities and claims are drawn once each, shaped by kind; `asserts`, `denies` and `cites`
//! edges differ in colour and line style, one arrow per relation however many documents
//! state it (its label counts them); claims are coloured by their docs/format.md §2 state
//! (resting only on one tag, contested, circular, ungrounded) and the arcs of support cycles
//! are drawn in a warning colour; entities that are chokepoints of claims (§2.3) have a
//! heavy outline and say of how many, discredited ones (§2.5) are grey. Every id and every string is quoted and goes through
//! `escape::quote` (ids that are DOT keywords, like `node` or `graph`, are safe quoted); no
//! HTML-like label is ever made from user text. Nodes are named by their own ids rather than
//! by position, and the output is ordered (nodes by id, edges by `(from, rel, to)`), so the
//! same graph gives the same bytes and adding a claim adds lines without renumbering the
//! rest: DOT files diff cleanly in git.

mod escape;
mod legend;
mod style;

use crate::graph::{ClaimGraph, NodeIx};
use crate::model::Rel;
use crate::select::{part_of_target, Selection};
use crate::support::Support;
use escape::quote;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use std::io::{self, Write};
use style::{ClaimState, EntityState};

/// Claim text is wrapped at about this many columns.
pub const WRAP: usize = 40;
/// Longest claim text shown, in characters (the rest is cut with `…`).
pub const MAX_TEXT: usize = 400;
/// Longest entity name shown, in characters.
pub const MAX_NAME: usize = 160;

/// Which way the drawing flows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RankDir {
    /// Sources on the left, what rests on them to the right.
    #[default]
    LeftRight,
    /// Sources at the top.
    TopBottom,
}

impl RankDir {
    fn as_str(self) -> &'static str {
        match self {
            RankDir::LeftRight => "LR",
            RankDir::TopBottom => "TB",
        }
    }
}

/// How the drawing is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DotOptions {
    pub rankdir: RankDir,
    /// Claims that rest only on sources with this tag are highlighted.
    pub highlight: String,
    /// Draw `part_of` links.
    pub part_of: bool,
    /// Draw the legend.
    pub legend: bool,
    /// Group entities into one cluster per origin (docs/format.md §2).
    pub cluster_origin: bool,
    /// A node drawn with a heavy outline (the centre of `--focus`).
    pub focus: Option<NodeIx>,
}

impl Default for DotOptions {
    fn default() -> Self {
        DotOptions {
            rankdir: RankDir::default(),
            highlight: "intelligence".to_string(),
            part_of: false,
            legend: true,
            cluster_origin: false,
            focus: None,
        }
    }
}

/// Writes the nodes of `sel`, and the edges between them, as one DOT digraph.
pub fn write_dot<W: Write + ?Sized>(
    w: &mut W,
    g: &ClaimGraph,
    s: &Support,
    sel: &Selection,
    opts: &DotOptions,
) -> io::Result<()> {
    let d = Drawing::new(g, s, sel, opts);
    d.header(w)?;
    if opts.legend {
        legend::write(w, opts)?;
    }
    d.entities(w)?;
    d.claims(w)?;
    d.edges(w)?;
    if opts.part_of {
        d.part_of_links(w)?;
    }
    writeln!(w, "}}")
}

/// What the writing needs at hand.
struct Drawing<'a> {
    g: &'a ClaimGraph,
    s: &'a Support,
    sel: &'a Selection,
    opts: &'a DotOptions,
    only_on: Vec<bool>,
    /// Per node, how many claims it is a chokepoint of.
    chokes: Vec<(u32, u32)>,
}

impl<'a> Drawing<'a> {
    fn new(g: &'a ClaimGraph, s: &'a Support, sel: &'a Selection, opts: &'a DotOptions) -> Self {
        Drawing {
            g,
            s,
            sel,
            opts,
            only_on: s.rests_only_on(g, &opts.highlight),
            chokes: s.choke_counts(),
        }
    }

    /// The quoted DOT id of a node: its own id.
    fn name(&self, ix: NodeIx) -> String {
        quote(self.g.id(ix).as_str())
    }

    fn header<W: Write + ?Sized>(&self, w: &mut W) -> io::Result<()> {
        let font = style::FONT;
        writeln!(w, "digraph \"claimgraph\" {{")?;
        writeln!(
            w,
            "  graph [rankdir=\"{}\", fontname=\"{font}\", fontsize=\"10\", nodesep=\"0.2\", ranksep=\"0.5\", tooltip=\"claimgraph\"];",
            self.opts.rankdir.as_str()
        )?;
        writeln!(
            w,
            "  node [fontname=\"{font}\", fontsize=\"10\", color=\"{}\", margin=\"0.1,0.05\"];",
            style::OUTLINE
        )?;
        writeln!(
            w,
            "  edge [fontname=\"{font}\", fontsize=\"8\", arrowsize=\"0.7\"];"
        )
    }

    fn entities<W: Write + ?Sized>(&self, w: &mut W) -> io::Result<()> {
        let entities: Vec<NodeIx> = self
            .sel
            .nodes()
            .iter()
            .copied()
            .filter(|&ix| !self.g.is_claim(ix))
            .collect();
        if !self.opts.cluster_origin {
            return entities.iter().try_for_each(|&e| self.entity(w, e, "  "));
        }
        let mut by_origin: Vec<(NodeIx, NodeIx)> =
            entities.iter().map(|&e| (self.s.origin(e), e)).collect();
        by_origin.sort_by(|a, b| {
            (self.g.id(a.0), self.g.id(a.1)).cmp(&(self.g.id(b.0), self.g.id(b.1)))
        });
        for group in by_origin.chunk_by(|a, b| a.0 == b.0) {
            let origin = group[0].0;
            // An origin drawn alone needs no box around it: its own label says where it is.
            if group.len() == 1 && group[0].1 == origin {
                self.entity(w, origin, "  ")?;
                continue;
            }
            let name = self.g.entity(origin).map_or("", |e| e.name.as_str());
            let label = escape::lines(name, WRAP, MAX_NAME).join("\n");
            // Named by the origin's id (not by position) so that diffs stay local; the
            // legend's `cluster_legend` has no `:` and cannot clash.
            let cluster = format!("cluster:{}", self.g.id(origin));
            writeln!(w, "  subgraph {} {{", quote(&cluster))?;
            writeln!(
                w,
                "    graph [label={}, tooltip={}, style=\"rounded,dashed\", color=\"#969696\", fontcolor=\"#525252\"];",
                quote(&label),
                quote(&format!("origin: {}", self.g.id(origin)))
            )?;
            for &(_, e) in group {
                self.entity(w, e, "    ")?;
            }
            writeln!(w, "  }}")?;
        }
        Ok(())
    }

    fn entity<W: Write + ?Sized>(&self, w: &mut W, ix: NodeIx, indent: &str) -> io::Result<()> {
        let Some(e) = self.g.entity(ix) else {
            return Ok(());
        };
        let mut lines = escape::lines(&e.name, WRAP, MAX_NAME);
        if lines.is_empty() {
            lines.push(e.id.to_string());
        }
        if !e.tags.is_empty() {
            let tags: Vec<&str> = e.tags.iter().map(|t| t.as_str()).collect();
            lines.extend(escape::lines(
                &format!("[{}]", tags.join(", ")),
                WRAP,
                MAX_NAME,
            ));
        }
        let state = EntityState {
            chokes: self.chokes[ix.index()].0,
            discredited: self.s.is_discredited(ix),
        };
        let words = state.words();
        if !words.is_empty() {
            lines.extend(escape::wrap(&format!("({})", words.join(" · ")), WRAP));
        }
        writeln!(
            w,
            "{indent}{} [label={}, tooltip={}, {}{}];",
            self.name(ix),
            quote(&lines.join("\n")),
            quote(e.id.as_str()),
            state.attrs(e.kind),
            self.focus_attrs(ix)
        )
    }

    fn claims<W: Write + ?Sized>(&self, w: &mut W) -> io::Result<()> {
        for &ix in self.sel.nodes() {
            let Some(c) = self.g.claim(ix) else {
                continue;
            };
            let state = self.state(ix);
            let mut lines = escape::lines(&c.text, WRAP, MAX_TEXT);
            if lines.is_empty() {
                lines.push(c.id.to_string());
            }
            if let Some(v) = c.verdict() {
                lines.push(format!("verdict: {v}"));
            }
            let words = state.words(&self.opts.highlight);
            if !words.is_empty() {
                lines.extend(escape::wrap(&format!("({})", words.join(" · ")), WRAP));
            }
            writeln!(
                w,
                "  {} [label={}, tooltip={}, {}{}];",
                self.name(ix),
                quote(&lines.join("\n")),
                quote(c.id.as_str()),
                state.attrs(),
                self.focus_attrs(ix)
            )?;
        }
        Ok(())
    }

    fn state(&self, c: NodeIx) -> ClaimState {
        ClaimState {
            only_on: self.only_on[c.index()],
            contested: self.s.contested(c),
            circular: self.s.circular(c),
            ungrounded: self.s.ungrounded(c),
        }
    }

    fn focus_attrs(&self, ix: NodeIx) -> &'static str {
        if self.opts.focus == Some(ix) {
            ", penwidth=\"3\""
        } else {
            ""
        }
    }

    /// Every relation with both ends selected, by `(from, rel, to)`: one arrow per
    /// relation, however many documents state it (the label counts them).
    fn edges<W: Write + ?Sized>(&self, w: &mut W) -> io::Result<()> {
        let mut edges: Vec<(NodeIx, Rel, NodeIx)> = self
            .g
            .petgraph()
            .edge_references()
            .filter(|e| self.sel.contains(e.source()) && self.sel.contains(e.target()))
            .map(|e| (e.source(), e.weight().rel, e.target()))
            .collect();
        edges.sort_by(|a, b| {
            (self.g.id(a.0), a.1, self.g.id(a.2)).cmp(&(self.g.id(b.0), b.1, self.g.id(b.2)))
        });
        for same in edges.chunk_by(|a, b| a == b) {
            let (from, rel, to) = same[0];
            // `cites` is written cited -> citing (drawn with the arrow back at the cited
            // node) so that the layout flows from sources to what rests on them.
            let (tail, head) = if rel == Rel::Cites {
                (to, from)
            } else {
                (from, to)
            };
            let mut tip = format!("{} {} {}", self.g.id(from), rel.as_str(), self.g.id(to));
            if same.len() > 1 {
                tip.push_str(&format!(" (in {} documents)", same.len()));
            }
            writeln!(
                w,
                "  {} -> {} [{}, tooltip={}];",
                self.name(tail),
                self.name(head),
                style::edge_look(rel).attrs(self.on_cycle(from, rel, to), same.len()),
                quote(&tip)
            )?;
        }
        Ok(())
    }

    /// Whether the edge is an arc of the support graph that lies on a cycle. An edge is an
    /// arc of S when it is a `cites` edge, or an `asserts` edge into a claim that cites
    /// nothing (S then runs from the claim to its asserter).
    fn on_cycle(&self, from: NodeIx, rel: Rel, to: NodeIx) -> bool {
        match rel {
            Rel::Cites => self.s.arc_on_cycle(from, to),
            Rel::Asserts => {
                self.g.targets(to, Rel::Cites).next().is_none() && self.s.arc_on_cycle(to, from)
            }
            Rel::Denies => false,
        }
    }

    /// `part_of` links between selected entities, drawn from the whole to its part so that
    /// a country stands before its agencies.
    fn part_of_links<W: Write + ?Sized>(&self, w: &mut W) -> io::Result<()> {
        for &part in self.sel.nodes() {
            if let Some(whole) = part_of_target(self.g, part).filter(|&x| self.sel.contains(x)) {
                let tip = format!("{} part_of {}", self.g.id(part), self.g.id(whole));
                writeln!(
                    w,
                    "  {} -> {} [{}, tooltip={}];",
                    self.name(whole),
                    self.name(part),
                    style::PART_OF,
                    quote(&tip)
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
