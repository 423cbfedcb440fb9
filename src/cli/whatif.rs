//! `--as-of` and `--discredit`, which every command that reads the graph takes: the graph as
//! it stood on a day, and its support with some sources taken to be wrong (docs/format.md
//! §2.4, §2.5). [`WhatIf::load`] gives a command the graph to read and the entities to set
//! aside; [`View::support`] the support it answers from. [`TextRead`], [`ListRead`],
//! [`DocRead`] and [`EntityList`] are the option groups the read commands share.

use super::completions;
use super::term::{safe, say};
use super::{load_graph_with_support, resolve, CliError, Ctx, DocFormat, ListFormat, TextFormat};
use claimgraph::graph::{ClaimGraph, NodeIx, Slot};
use claimgraph::model::Date;
use claimgraph::support::Support;
use claimgraph::whatif;
use clap_complete::ArgValueCandidates;
use std::cell::RefCell;

/// What if: the graph on a past day, or without some sources.
#[derive(Debug, Default, Clone, clap::Args)]
#[command(next_help_heading = "What if")]
pub struct WhatIf {
    /// Read the graph as it stood on DATE (YYYY, YYYY-MM or YYYY-MM-DD; a partial date is its
    /// first day): an edge counts when its date, else the published date of the document it
    /// is in, is at most DATE; an edge with neither always counts.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub as_of: Option<Date>,
    /// Answer as if these entities were wrong (ids, names or aliases; comma-separated or
    /// repeated): they and every support arc into or out of them are set aside, and their
    /// assertions and denials no longer count. A claim that cited only them, or a relay that
    /// relayed only them, is left without grounds.
    #[arg(long, value_name = "ID,...", value_delimiter = ',', add = ArgValueCandidates::new(completions::entity_ids))]
    pub discredit: Vec<String>,
}

/// Declares the options of a command that reads the graph and prints it in `$format`: the
/// output format, then what if. (One struct per format: clap's derived default values do not
/// survive a generic field.)
macro_rules! read_options {
    ($name:ident, $format:ty) => {
        #[doc = concat!("The options of a command that prints [`", stringify!($format), "`].")]
        #[derive(Debug, clap::Args)]
        pub struct $name {
            /// Output format.
            #[arg(long, value_enum, default_value_t)]
            pub format: $format,
            #[command(flatten)]
            pub whatif: WhatIf,
        }

        impl $name {
            /// The graph the options ask for ([`WhatIf::load`]).
            pub fn load(&self, ctx: &Ctx) -> Result<View, CliError> {
                self.whatif.load(ctx)
            }
        }
    };
}

read_options!(TextRead, TextFormat);
read_options!(ListRead, ListFormat);
read_options!(DocRead, DocFormat);

/// The options of a command that lists entities: one tag, the list's format, what if.
#[derive(Debug, clap::Args)]
pub struct EntityList {
    /// Only entities with this tag.
    #[arg(long, value_name = "T", add = ArgValueCandidates::new(completions::tags))]
    tag: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: ListFormat,
    #[command(flatten)]
    pub whatif: WhatIf,
}

impl EntityList {
    /// The graph the options ask for, with `--tag` checked against it
    /// ([`WhatIf::load_tagged`]).
    pub fn load(&self, ctx: &Ctx) -> Result<View, CliError> {
        self.whatif.load_tagged(ctx, self.tag.as_deref())
    }

    /// The tag asked for, if any.
    pub fn tag(&self) -> Option<&str> {
        self.tag.as_deref()
    }
}

fn parse_day(text: &str) -> Result<Date, String> {
    Date::new(text).map_err(|e| e.to_string())
}

/// The graph a command reads, and the entities it sets aside.
pub struct View {
    pub graph: &'static ClaimGraph,
    pub discredited: Vec<NodeIx>,
    /// The support of `graph` as loaded, when the snapshot cache gave it and neither
    /// `--as-of` nor `--discredit` changes it.
    ready: RefCell<Option<Support>>,
}

impl View {
    /// The support to answer from: S of the graph read, without the discredited entities.
    pub fn support(&self) -> Support {
        if let Some(s) = self.ready.borrow_mut().take() {
            return s;
        }
        let _t = claimgraph::timing::phase("support");
        Support::discrediting(self.graph, &self.discredited)
    }

    /// The graph read and [`View::support`], for a command that needs nothing else.
    pub fn with_support(self) -> (&'static ClaimGraph, Support) {
        let s = self.support();
        (self.graph, s)
    }
}

impl WhatIf {
    /// Whether `--as-of` or `--discredit` was given.
    pub fn is_set(&self) -> bool {
        self.as_of.is_some() || !self.discredit.is_empty()
    }

    /// Loads the graph as the options ask (kept for the life of the process: freeing a large
    /// graph's many small allocations at exit only costs time).
    pub fn load(&self, ctx: &Ctx) -> Result<View, CliError> {
        let (loaded, support) = load_graph_with_support(&ctx.graph_path, ctx.cache)?;
        let view = self.apply(loaded.graph)?;
        if !self.is_set() {
            *view.ready.borrow_mut() = support;
        }
        Ok(view)
    }

    /// [`WhatIf::load`] for a command listing entities, with its `--tag` checked against
    /// the graph (exit 2 and a did-you-mean for a tag nobody uses or the vocabulary lacks).
    pub fn load_tagged(&self, ctx: &Ctx, tag: Option<&str>) -> Result<View, CliError> {
        let view = self.load(ctx)?;
        if let Some(tag) = tag {
            super::filter::parse_tag(view.graph, "--tag", tag)?;
        }
        Ok(view)
    }

    /// `g` as of the day asked, with the discredited entities resolved (exit 2 for an
    /// unknown id, a claim or a document). Says on stderr what was set aside.
    pub fn apply(&self, mut g: ClaimGraph) -> Result<View, CliError> {
        let discredited = self.discredited(&g)?;
        let mut said = Vec::new();
        if let Some(day) = self.as_of {
            let t = claimgraph::timing::phase("as-of");
            let all = g.petgraph().edge_count();
            let dropped = whatif::as_of(&mut g, day);
            drop(t);
            said.push(format!(
                "as of {}, {} of {all} edges had been stated",
                day.first_day(),
                all - dropped
            ));
        }
        if !discredited.is_empty() {
            let names: Vec<&str> = discredited.iter().map(|&x| g.id(x).as_str()).collect();
            said.push(format!("discredited: {}", names.join(", ")));
        }
        if !said.is_empty() {
            say!("claimgraph: note: {}", safe(&said.join("; ")));
        }
        Ok(View {
            graph: Box::leak(Box::new(g)),
            discredited,
            ready: RefCell::new(None),
        })
    }

    /// The entities named by `--discredit`, each once, in the order given.
    fn discredited(&self, g: &ClaimGraph) -> Result<Vec<NodeIx>, CliError> {
        let mut out: Vec<NodeIx> = Vec::new();
        for text in &self.discredit {
            let what = match resolve(g, text)? {
                Slot::Node(ix) if !g.is_claim(ix) => {
                    if !out.contains(&ix) {
                        out.push(ix);
                    }
                    continue;
                }
                Slot::Node(_) => "a claim",
                Slot::Doc(_) => "a document",
            };
            return Err(CliError::Usage(format!(
                "--discredit {:?}: that is {what}; only entities (sources and relays) can be discredited",
                safe(text)
            )));
        }
        Ok(out)
    }
}
