//! `export`: the graph in another format — canonical JSON, the HTML dossier, or a Graphviz drawing (DOT, or
//! SVG and PNG rendered by Graphviz) of the whole graph or of a selection of it.

use super::completions;
use super::filter::FilterArgs;
use super::term::say;
use super::whatif::WhatIf;
use super::{graphviz, interchange, resolve_node, CliError, Ctx};
use claimgraph::export::rdf::Syntax;
use claimgraph::export::{self, dot};
use claimgraph::graph::ClaimGraph;
use claimgraph::model::Tag;
use claimgraph::query;
use claimgraph::select::Selection;
use clap::ValueEnum;
use clap_complete::ArgValueCandidates;
use std::io::Write;
use std::process::ExitCode;

/// Write the graph in another format, or draw it with Graphviz.
///
/// A drawing shows the whole graph, or the claims that the claim filters select together
/// with everything their support rests on and whoever denies them, or (with --focus) the
/// neighbourhood of one node.
///
/// --as-of writes the graph as it stood on that day, in every format. --discredit changes
/// what support says, so it applies to what shows support: the drawings (dot, svg, png) and
/// the HTML dossier (which opens with those sources discredited); the other formats write the
/// records, which it does not change.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph export --format json > merged.json\n  claimgraph export --format dot > graph.dot\n  claimgraph export --format svg --rests-only-on intelligence > intelligence.svg\n  claimgraph export --format png --focus nis --depth 2 > nis.png\n  claimgraph export --format svg --cluster origin --part-of > by-origin.svg\n  claimgraph export --format html > report.html\n  claimgraph export --format turtle --base https://desk.example/graph/ > graph.ttl\n  claimgraph export --format csv --out import/"
)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum)]
    format: Format,
    /// Draw the neighbourhood of ID (an entity or a claim, by id, name or alias).
    #[arg(long, value_name = "ID", help_heading = "Drawing", add = ArgValueCandidates::new(completions::node_ids))]
    focus: Option<String>,
    /// With --focus: draw the nodes at most N edges away from it.
    #[arg(
        long,
        value_name = "N",
        default_value_t = 1,
        requires = "focus",
        help_heading = "Drawing"
    )]
    depth: u32,
    /// Colour the claims that rest only on sources tagged TAG.
    #[arg(
        long,
        value_name = "TAG",
        default_value = "intelligence",
        help_heading = "Drawing",
        add = ArgValueCandidates::new(completions::tags_and_vocabulary)
    )]
    highlight: String,
    /// Draw part_of links (dotted), with the entities each selected entity is part of.
    #[arg(long, help_heading = "Drawing")]
    part_of: bool,
    /// Group the entities into one box per origin (the end of their part_of chain).
    #[arg(long, value_enum, value_name = "BY", help_heading = "Drawing")]
    cluster: Option<Cluster>,
    /// Which way the drawing flows: LR (sources on the left) or TB (sources at the top).
    #[arg(long, value_enum, default_value_t, help_heading = "Drawing")]
    rankdir: RankDir,
    /// Leave out the legend.
    #[arg(long, help_heading = "Drawing")]
    no_legend: bool,
    #[command(flatten, next_help_heading = "Claim filters (select what is drawn)")]
    filter: FilterArgs,
    #[command(flatten, next_help_heading = "Interchange formats")]
    interchange: interchange::Options,
    #[command(flatten)]
    whatif: WhatIf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The canonical JSON layout of the files (docs/format.md §1), all files merged into one.
    Json,
    /// A Graphviz DOT drawing.
    Dot,
    /// The drawing rendered to SVG by Graphviz `dot` (which must be installed).
    Svg,
    /// The drawing rendered to PNG by Graphviz `dot` (which must be installed).
    Png,
    /// A self-contained HTML dossier: claims with filters, support trees, the picture.
    Html,
    /// RDF N-Triples in the vocabulary of docs/rdf.md.
    Ntriples,
    /// RDF Turtle in the vocabulary of docs/rdf.md.
    Turtle,
    /// GraphML for Gephi, Cytoscape, networkx.
    Graphml,
    /// A Mermaid flowchart for Markdown.
    Mermaid,
    /// schema.org ClaimReview JSON-LD, one object per reviewed claim (needs --url-base).
    Claimreview,
    /// nodes.csv, edges.csv, support.csv for Neo4j and Kùzu (needs --out).
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Cluster {
    /// One box per origin: everything that is part of South Korea together.
    Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
enum RankDir {
    /// Left to right: sources on the left.
    #[default]
    #[value(name = "LR", alias = "lr")]
    Lr,
    /// Top to bottom: sources at the top.
    #[value(name = "TB", alias = "tb")]
    Tb,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let drawing = matches!(args.format, Format::Dot | Format::Svg | Format::Png);
    if !drawing && (args.focus.is_some() || args.filter.is_set()) {
        let name = args
            .format
            .to_possible_value()
            .map(|v| v.get_name().to_string());
        return Err(CliError::Usage(format!(
            "--focus and the claim filters select what a drawing shows; --format {} writes the whole graph",
            name.unwrap_or_default()
        )));
    }
    if !drawing && args.format != Format::Html && !args.whatif.discredit.is_empty() {
        return Err(CliError::Usage(
            "--discredit changes what support says: it applies to the drawings (dot, svg, png) and the html dossier; the other formats write the records, which it does not change".into(),
        ));
    }
    let highlight = Tag::new(args.highlight.clone())
        .map_err(|e| CliError::Usage(format!("bad --highlight tag: {e}")))?;
    let view = args.whatif.load(ctx)?;
    let g = view.graph;
    let _progress = super::progress::Progress::start("exporting".to_string());
    if !drawing {
        if args.format == Format::Html {
            return super::dossier::run(g, &view.discredited, ctx, out);
        }
        return whole_graph(&args, g, out);
    }
    let s = view.support();
    let focus = args
        .focus
        .as_deref()
        .map(|f| resolve_node(g, f))
        .transpose()?;
    let t = claimgraph::timing::phase("select");
    let sel = selection(&args, g, &s, focus)?;
    drop(t);
    let _t = claimgraph::timing::phase("draw");
    if sel.is_empty() {
        say!("claimgraph: note: nothing to draw: no claim passes the filters");
    }
    let opts = dot::DotOptions {
        rankdir: match args.rankdir {
            RankDir::Lr => dot::RankDir::LeftRight,
            RankDir::Tb => dot::RankDir::TopBottom,
        },
        highlight: highlight.as_str().to_string(),
        part_of: args.part_of,
        legend: !args.no_legend,
        cluster_origin: args.cluster == Some(Cluster::Origin),
        focus,
    };
    let render = match args.format {
        Format::Svg => "svg",
        Format::Png => "png",
        _ => {
            dot::write_dot(out, g, &s, &sel, &opts)?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    let mut text = Vec::new();
    dot::write_dot(&mut text, g, &s, &sel, &opts)?;
    graphviz::render(&text, render, sel.len(), out)
}

/// What the drawing shows: the whole graph, the filtered claims with their support and
/// deniers, the neighbourhood of the focus, or the nodes in both of the last two.
fn selection(
    args: &Args,
    g: &ClaimGraph,
    s: &claimgraph::support::Support,
    focus: Option<claimgraph::graph::NodeIx>,
) -> Result<Selection, CliError> {
    let filtered = if args.filter.is_set() {
        let claims = query::select(g, s, &args.filter.filter(g)?);
        let sel = Selection::claims_with_support(g, s, &claims);
        Some(if args.part_of {
            sel.with_part_of_chains(g)
        } else {
            sel
        })
    } else {
        None
    };
    let near = focus.map(|f| Selection::neighbourhood(g, f, args.depth, args.part_of));
    Ok(match (filtered, near) {
        (Some(a), Some(b)) => a.intersect(g, &b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => Selection::all(g),
    })
}

/// The formats that write the whole graph: JSON and the interchange formats.
fn whole_graph(args: &Args, g: &ClaimGraph, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let o = &args.interchange;
    match args.format {
        Format::Ntriples => interchange::rdf(out, g, o, Syntax::NTriples)?,
        Format::Turtle => interchange::rdf(out, g, o, Syntax::Turtle)?,
        Format::Graphml => interchange::graphml(out, g)?,
        Format::Mermaid => interchange::mermaid(out, g)?,
        Format::Claimreview => return interchange::claimreview(out, g, o),
        Format::Csv => return interchange::csv(g, o),
        _ => export::json::write_graph(out, g)?,
    }
    Ok(ExitCode::SUCCESS)
}
