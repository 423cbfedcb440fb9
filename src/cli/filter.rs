//! The claim filters of `claims` (docs/format.md §4), shared by every command that selects claims
//! (`claims`, `export`): their flags, and their translation into a library [`ClaimFilter`].

use super::term::{safe, say};
use super::{completions, resolve_document, resolve_node, CliError};
use claimgraph::graph::ClaimGraph;
use claimgraph::model::Tag;
use claimgraph::query::{self, ClaimFilter, TagUse, VerdictFilter};
use clap_complete::ArgValueCandidates;

/// The claim filters; they combine with AND.
#[derive(Debug, Default, PartialEq, clap::Args)]
pub struct FilterArgs {
    /// Claims whose grounds are non-empty and all carry TAG.
    #[arg(long, value_name = "TAG", add = ArgValueCandidates::new(completions::tags))]
    rests_only_on: Option<String>,
    /// Claims asserted by ID (repeatable: all of them).
    #[arg(long, value_name = "ID", add = ArgValueCandidates::new(completions::entity_ids))]
    asserted_by: Vec<String>,
    /// Claims denied by ID.
    #[arg(long, value_name = "ID", add = ArgValueCandidates::new(completions::entity_ids))]
    denied_by: Vec<String>,
    /// Claims that cite ID (an entity or a claim) directly.
    #[arg(long, value_name = "ID", add = ArgValueCandidates::new(completions::node_ids))]
    cites: Vec<String>,
    /// Claims with ID among their grounds.
    #[arg(long, value_name = "ID", add = ArgValueCandidates::new(completions::entity_ids))]
    grounded_in: Vec<String>,
    /// Claims about entity ID.
    #[arg(long, value_name = "ID", add = ArgValueCandidates::new(completions::entity_ids))]
    about: Vec<String>,
    /// Claims document DOC states or reports: its found_in names DOC, or an edge to or from
    /// the claim was found in DOC.
    #[arg(long, value_name = "DOC", add = ArgValueCandidates::new(completions::document_ids))]
    found_in: Vec<String>,
    /// Claims that someone asserts and someone denies.
    #[arg(long)]
    contested: bool,
    /// Claims with no ground at all.
    #[arg(long)]
    ungrounded: bool,
    /// Claims whose support runs through a citation cycle.
    #[arg(long)]
    circular: bool,
    /// Claims whose grounds all share one origin.
    #[arg(long)]
    single_origin: bool,
    /// Claims whose grounds have at least two origins.
    #[arg(long)]
    independent: bool,
    /// Denied claims whose every denier shares an origin with what the claim is about.
    #[arg(long)]
    interested_denial: bool,
    /// Claims with ID among their chokepoints: every path of their support to a ground
    /// passes through it (repeatable: all of them).
    #[arg(long, value_name = "ID", add = ArgValueCandidates::new(completions::node_ids))]
    through: Vec<String>,
    /// Claims that look independent (grounds of two or more origins) yet whose every path
    /// to a ground passes through one entity: a relay that, had it misreported, takes all
    /// their grounds with it.
    #[arg(long)]
    single_relay: bool,
    /// Claims whose text matches REGEX.
    #[arg(long, value_name = "REGEX")]
    grep: Option<String>,
    /// Claims with topic T.
    #[arg(long, value_name = "T", add = ArgValueCandidates::new(completions::topics))]
    topic: Vec<String>,
    /// Claims with verdict V (true, mostly-true, mixed, mostly-false, false, unproven, unreviewed).
    #[arg(long, value_name = "V", add = ArgValueCandidates::new(completions::verdict_filters))]
    verdict: Option<VerdictFilter>,
}

/// The largest compiled regex accepted from the command line.
pub const REGEX_SIZE_LIMIT: usize = 1 << 20;

impl FilterArgs {
    /// The library filter, with ids resolved against `g`.
    pub fn filter(&self, g: &ClaimGraph) -> Result<ClaimFilter, CliError> {
        let nodes = |list: &[String]| {
            list.iter()
                .map(|t| resolve_node(g, t))
                .collect::<Result<Vec<_>, _>>()
        };
        let grep = self
            .grep
            .as_deref()
            .map(|re| {
                regex::RegexBuilder::new(re)
                    .size_limit(REGEX_SIZE_LIMIT)
                    .build()
                    .map_err(|e| CliError::Usage(format!("bad --grep regex: {e}")))
            })
            .transpose()?;
        if let Some(tag) = &self.rests_only_on {
            parse_tag(g, "--rests-only-on", tag)?;
        }
        for topic in &self.topic {
            parse_topic(g, topic)?;
        }
        Ok(ClaimFilter {
            rests_only_on: self.rests_only_on.clone(),
            asserted_by: nodes(&self.asserted_by)?,
            denied_by: nodes(&self.denied_by)?,
            cites: nodes(&self.cites)?,
            grounded_in: nodes(&self.grounded_in)?,
            about: nodes(&self.about)?,
            found_in: self
                .found_in
                .iter()
                .map(|t| resolve_document(g, t))
                .collect::<Result<Vec<_>, _>>()?,
            contested: self.contested,
            ungrounded: self.ungrounded,
            circular: self.circular,
            single_origin: self.single_origin,
            independent: self.independent,
            interested_denial: self.interested_denial,
            through: nodes(&self.through)?,
            single_relay: self.single_relay,
            grep,
            topic: self.topic.clone(),
            verdict: self.verdict,
        })
    }
}

/// Checks a tag typed after `flag` against the graph (docs/format.md §4.2): a tag that no entity carries
/// and that is not in the vocabulary is a usage error with a did-you-mean; a vocabulary tag
/// that no entity carries is accepted with a note on stderr (the answer will be empty).
pub fn parse_tag(g: &ClaimGraph, flag: &str, tag: &str) -> Result<(), CliError> {
    Tag::new(tag).map_err(|e| CliError::Usage(format!("{flag}: {e}")))?;
    match query::tag_use(g, tag) {
        TagUse::Carried => Ok(()),
        TagUse::Unused => {
            say!("claimgraph: note: no entity carries the tag {tag:?}: the answer is empty");
            Ok(())
        }
        TagUse::Unknown { near } => Err(CliError::Usage(format!(
            "{flag} {tag:?}: unknown tag: no entity carries it and it is not in the vocabulary{}",
            near.map(|n| format!(" (did you mean {n:?}?)"))
                .unwrap_or_default()
        ))),
    }
}

/// Checks a topic typed on the command line: one that no claim has is a usage error, with a
/// did-you-mean.
fn parse_topic(g: &ClaimGraph, topic: &str) -> Result<(), CliError> {
    query::topic_use(g, topic).map_err(|near| {
        CliError::Usage(format!(
            "--topic {:?}: no claim has this topic{}",
            safe(topic),
            near.map(|n| format!(" (did you mean {:?}?)", safe(&n)))
                .unwrap_or_default()
        ))
    })
}

impl FilterArgs {
    /// The filter, when it reads nothing but the support (see
    /// [`query::reads_support_only`]) and so needs no graph to be built; `None` otherwise.
    pub fn support_filter(&self) -> Option<ClaimFilter> {
        let f = ClaimFilter {
            rests_only_on: self.rests_only_on.clone(),
            contested: self.contested,
            ungrounded: self.ungrounded,
            circular: self.circular,
            single_origin: self.single_origin,
            independent: self.independent,
            single_relay: self.single_relay,
            ..ClaimFilter::default()
        };
        let rest = FilterArgs {
            rests_only_on: None,
            contested: false,
            ungrounded: false,
            circular: false,
            single_origin: false,
            independent: false,
            single_relay: false,
            asserted_by: self.asserted_by.clone(),
            denied_by: self.denied_by.clone(),
            cites: self.cites.clone(),
            grounded_in: self.grounded_in.clone(),
            about: self.about.clone(),
            found_in: self.found_in.clone(),
            interested_denial: self.interested_denial,
            through: self.through.clone(),
            grep: self.grep.clone(),
            topic: self.topic.clone(),
            verdict: self.verdict,
        };
        (!rest.is_set()).then_some(f)
    }

    /// Whether any filter was given (with none, every claim passes).
    pub fn is_set(&self) -> bool {
        *self != FilterArgs::default()
    }
}
