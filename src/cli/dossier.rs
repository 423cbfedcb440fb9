//! `export --format html`: the HTML dossier, with the graph picture rendered by Graphviz
//! `dot` when it is installed (the page says so when it is not).

use super::{graphviz, CliError, Ctx};
use claimgraph::export::{dot, html};
use claimgraph::graph::{ClaimGraph, NodeIx};
use claimgraph::select::Selection;
use claimgraph::support::Support;
use std::io::Write;
use std::process::ExitCode;

/// Writes the dossier of the loaded graph to `out`, opening with `discredited` discredited
/// (the picture is drawn so).
pub fn run(
    g: &ClaimGraph,
    discredited: &[NodeIx],
    ctx: &Ctx,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let (svg, no_svg_reason) = match picture_svg(g, discredited) {
        Ok(svg) => (Some(svg), None),
        Err(why) => (None, Some(why)),
    };
    let opts = html::Options {
        title: ctx.graph_path.display().to_string(),
        svg,
        no_svg_reason,
        discredited: discredited.to_vec(),
    };
    html::write(out, g, &opts)?;
    Ok(ExitCode::SUCCESS)
}

/// Graphs with more nodes than this get no picture: Graphviz layout time grows fast (a
/// 20,000-node chain takes 16 s) and the drawing would be unreadable in a page anyway.
pub const MAX_PICTURE_NODES: usize = 1500;

/// The whole graph drawn as SVG by Graphviz (the `export --format svg` drawing), or why
/// there is no picture.
fn picture_svg(g: &ClaimGraph, discredited: &[NodeIx]) -> Result<String, String> {
    let n = g.nodes().count();
    if n > MAX_PICTURE_NODES {
        return Err(format!(
            "No picture: the graph has {n} nodes, too many to draw in a page \
             ({MAX_PICTURE_NODES} at most); draw a selection with export --format svg."
        ));
    }
    let s = Support::discrediting(g, discredited);
    let mut text = Vec::new();
    dot::write_dot(
        &mut text,
        g,
        &s,
        &Selection::all(g),
        &dot::DotOptions::default(),
    )
    .map_err(|e| format!("No picture: {e}"))?;
    let mut svg = Vec::new();
    match graphviz::render(&text, "svg", n, &mut svg) {
        Ok(code) if code == ExitCode::SUCCESS => Ok(String::from_utf8_lossy(&svg).into_owned()),
        Ok(_) => Err("No picture: Graphviz failed (its message is on stderr).".to_string()),
        Err(_) => Err("No picture: Graphviz is not installed (install it, e.g. \
             `apt-get install graphviz`, and export again)."
            .to_string()),
    }
}
