//! `check`: warnings about a valid graph (docs/format.md §4.2) — unused entities, ungrounded
//! claims, circular support, a record citing itself, unknown tags, credibility 1 on a claim
//! that is not independent, and a document `url` that is not an http(s) address — and the
//! claim warnings a report gives ([`ClaimWarning`]). Errors are the loader's; this module
//! only adds what is suspicious but legal.

use crate::diag::Diagnostic;
use crate::graph::{ClaimGraph, NodeIx, Record};
use crate::model::{Id, Rel, TAG_VOCABULARY};
use crate::query;
use crate::support::Support;
use crate::text::quoted;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use petgraph::Direction;
use rustc_hash::FxHashSet;

/// Every warning for `g`, in file order, located by JSON path (the caller, which holds the
/// files' text, adds line and column with [`crate::load::locate`]).
pub fn warnings(g: &ClaimGraph, s: &Support) -> Vec<Diagnostic> {
    let referenced = referenced_entities(g);
    let mut out = Vec::new();
    for ix in g.nodes() {
        let node = g.node(ix);
        let file = &g.files()[node.origin.file as usize];
        let at = |array: &str, field: &str| Some(format!("{array}[{}]{field}", node.origin.pos));
        match &node.record {
            Record::Entity(e) => {
                if !has_edges(g, ix) && !referenced.contains(&ix) {
                    out.push(Diagnostic::warning(
                        file,
                        at("entities", ""),
                        "unused-entity",
                        format!(
                            "entity {} is not used by any edge or reference",
                            quoted(e.id.as_str())
                        ),
                    ));
                }
                for (t, tag) in e.tags.iter().enumerate() {
                    if !tag.is_known() {
                        out.push(Diagnostic::warning(
                            file,
                            at("entities", &format!(".tags[{t}]")),
                            "unknown-tag",
                            format!(
                                "tag {} is not in the recommended vocabulary{}",
                                quoted(tag.as_str()),
                                crate::suggest::did_you_mean_suffix(
                                    tag.as_str(),
                                    TAG_VOCABULARY.iter().copied()
                                )
                            ),
                        ));
                    }
                }
            }
            Record::Claim(c) => {
                for w in claim_warnings(g, s, ix, Scope::Data) {
                    let field = match w {
                        ClaimWarning::Credibility => ".credibility",
                        _ => "",
                    };
                    let message = format!("claim {} {}", quoted(c.id.as_str()), w.predicate());
                    out.push(Diagnostic::warning(
                        file,
                        at("claims", field),
                        w.code(),
                        message,
                    ));
                }
            }
        }
    }
    for i in 0..g.documents().count() as u32 {
        let d = g.document(i);
        let Some(url) = &d.doc.url else { continue };
        if !crate::markdown::is_web_url(url) {
            out.push(Diagnostic::warning(
                &g.files()[d.origin.file as usize],
                Some(format!("documents[{}].url", d.origin.pos)),
                "url",
                format!(
                    "document {} has url {}, which is not an http(s) address: reports will not link it",
                    quoted(d.doc.id.as_str()),
                    quoted(url)
                ),
            ));
        }
    }
    out.extend(self_citations(g));
    out
}

/// A warning per edge from a record to itself (legal in files, circular support; the
/// editing commands refuse to make one).
fn self_citations(g: &ClaimGraph) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for e in g.petgraph().edge_references() {
        if e.source() != e.target() {
            continue;
        }
        let o = e.weight().origin;
        let sort = if g.is_claim(e.source()) {
            "claim"
        } else {
            "entity"
        };
        out.push(Diagnostic::warning(
            &g.files()[o.file as usize],
            Some(format!("edges[{}]", o.pos)),
            "self-cite",
            format!(
                "{sort} {} cites itself (circular support: remove the edge)",
                quoted(g.id(e.source()).as_str())
            ),
        ));
    }
    out
}

/// A reason for caution about one claim. The rules are here once; `check` lists the kinds
/// that point at the data ([`Scope::Data`]), a report on the claim (`report`, and through
/// it the dossier) gives them all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClaimWarning<'g> {
    /// No ground: no source that speaks for itself stands behind the claim.
    Ungrounded,
    /// Every one of the claim's `grounds` carries `tag`.
    OneSourceType { tag: &'g str, grounds: usize },
    /// All of the claim's `grounds` trace back (by `part_of`) to `origin`.
    SingleOrigin { origin: &'g Id, grounds: usize },
    /// The grounds have several origins, but every path to them passes through the entities
    /// `relays` (sorted): its chokepoints that are entities.
    SingleRelay { relays: Vec<&'g Id> },
    /// Every denial comes from a party the claim is about (`deniers`, sorted).
    InterestedDenial { deniers: Vec<&'g Id> },
    /// A citation cycle lies on the claim's support.
    Circular,
    /// Credibility 1 ("confirmed by independent sources") on a claim whose grounds do not
    /// have two distinct origins.
    Credibility,
}

/// Which warnings [`claim_warnings`] looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// What suggests a mistake in the data: ungrounded, circular, credibility (`check`).
    Data,
    /// Also the findings about the claim's sources: one source type, single origin,
    /// interested denial (`report`).
    All,
}

/// The warnings that apply to claim `c`, in a fixed order: ungrounded, one source type
/// (one per common tag), single origin, single relay, interested denial, circular,
/// credibility.
pub fn claim_warnings<'g>(
    g: &'g ClaimGraph,
    s: &Support,
    c: NodeIx,
    scope: Scope,
) -> Vec<ClaimWarning<'g>> {
    let mut out = Vec::new();
    if s.ungrounded(c) {
        out.push(ClaimWarning::Ungrounded);
    }
    if scope == Scope::All {
        let grounds = s.grounds(c);
        for tag in common_ground_tags(g, s, c) {
            out.push(ClaimWarning::OneSourceType {
                tag,
                grounds: grounds.len(),
            });
        }
        if s.single_origin(c) {
            let first = NodeIx::new(grounds[0] as usize);
            out.push(ClaimWarning::SingleOrigin {
                origin: g.id(s.origin(first)),
                grounds: grounds.len(),
            });
        }
        if s.single_relay()[c.index()] {
            let relays = s.chokepoints(c).filter(|&x| !g.is_claim(x));
            out.push(ClaimWarning::SingleRelay {
                relays: g.sorted_ids(relays),
            });
        }
        if query::interested_denial(g, s, c) {
            let deniers = g.sources(c, Rel::Denies).filter(|&d| !s.is_discredited(d));
            out.push(ClaimWarning::InterestedDenial {
                deniers: g.sorted_ids(deniers),
            });
        }
    }
    if s.circular(c) {
        out.push(ClaimWarning::Circular);
    }
    let confirmed = g
        .claim(c)
        .and_then(|claim| claim.credibility)
        .is_some_and(|k| k.value() == 1);
    if confirmed && !s.independent(c) {
        out.push(ClaimWarning::Credibility);
    }
    out
}

/// The tags every ground of `c` carries, in the first ground's order (empty when `c` has no
/// grounds): exactly the tags T with `rests_only_on(c, T)`.
pub fn common_ground_tags<'g>(g: &'g ClaimGraph, s: &Support, c: NodeIx) -> Vec<&'g str> {
    let tags = |v: u32| g.entity(NodeIx::new(v as usize)).map(|e| &e.tags[..]);
    let Some((&first, rest)) = s.grounds(c).split_first() else {
        return Vec::new();
    };
    tags(first)
        .unwrap_or_default()
        .iter()
        .filter(|t| {
            rest.iter()
                .all(|&v| tags(v).is_some_and(|ts| ts.contains(t)))
        })
        .map(|t| t.as_str())
        .collect()
}

impl ClaimWarning<'_> {
    /// A short machine-readable name (`ungrounded`, `single-origin`, ...).
    pub fn code(&self) -> &'static str {
        match self {
            ClaimWarning::Ungrounded => "ungrounded",
            ClaimWarning::OneSourceType { .. } => "one-source-type",
            ClaimWarning::SingleOrigin { .. } => "single-origin",
            ClaimWarning::SingleRelay { .. } => "single-relay",
            ClaimWarning::InterestedDenial { .. } => "interested-denial",
            ClaimWarning::Circular => "circular",
            ClaimWarning::Credibility => "credibility",
        }
    }

    /// What the warning says of the claim, to follow "claim ID" in a list of warnings.
    pub fn predicate(&self) -> String {
        match self {
            ClaimWarning::Ungrounded => {
                "is ungrounded: no source that speaks for itself stands behind it".into()
            }
            ClaimWarning::OneSourceType { tag, .. } => format!("rests only on {tag} sources"),
            ClaimWarning::SingleOrigin { origin, .. } => {
                format!("has a single origin: its grounds all trace back to {origin}")
            }
            ClaimWarning::SingleRelay { relays } => format!(
                "looks independent, but all its support passes through {}",
                join(relays, "")
            ),
            ClaimWarning::InterestedDenial { deniers } => format!(
                "is denied only by parties it is about ({})",
                join(deniers, "")
            ),
            ClaimWarning::Circular => {
                "has circular support (a citation cycle lies on its support)".into()
            }
            ClaimWarning::Credibility => "has credibility 1 (confirmed by independent sources) \
                 but its grounds do not have two distinct origins"
                .into(),
        }
    }

    /// The warning as a sentence in a report on the claim (Markdown: ids in backticks).
    pub fn sentence(&self) -> String {
        match self {
            ClaimWarning::Ungrounded => {
                "No source that speaks for itself stands behind this claim.".into()
            }
            ClaimWarning::OneSourceType { tag, grounds } => {
                let (all, carry, _) = all_grounds(*grounds);
                format!("Rests only on {tag} sources: {all} {carry} the tag `{tag}`.")
            }
            ClaimWarning::SingleOrigin { origin, grounds } => {
                let (all, _, trace) = all_grounds(*grounds);
                format!(
                    "Single origin: {all} {trace} back to `{origin}`; no independent corroboration."
                )
            }
            ClaimWarning::SingleRelay { relays } => format!(
                "Single relay: its grounds have several origins, but every path to them passes \
                 through {}; had that relay misreported, every ground would be lost at once.",
                join(relays, "`")
            ),
            ClaimWarning::InterestedDenial { deniers } => format!(
                "Interested denial: every denial ({}) comes from a party the claim is about.",
                join(deniers, "`")
            ),
            ClaimWarning::Circular => {
                "Circular support: a citation cycle lies on the claim's support.".into()
            }
            ClaimWarning::Credibility => "Credibility 1 (confirmed by independent sources), but \
                 the grounds do not have two distinct origins."
                .into(),
        }
    }
}

/// "its only ground" or "all N grounds", with the verbs that agree with it.
fn all_grounds(n: usize) -> (String, &'static str, &'static str) {
    if n == 1 {
        ("its only ground".into(), "carries", "traces")
    } else {
        (format!("all {n} grounds"), "carry", "trace")
    }
}

/// `ids` joined by ", ", each between `quote`s.
fn join(ids: &[&Id], quote: &str) -> String {
    let quoted: Vec<String> = ids.iter().map(|d| format!("{quote}{d}{quote}")).collect();
    quoted.join(", ")
}

fn has_edges(g: &ClaimGraph, ix: NodeIx) -> bool {
    let pg = g.petgraph();
    pg.edges_directed(ix, Direction::Outgoing).next().is_some()
        || pg.edges_directed(ix, Direction::Incoming).next().is_some()
}

/// Entities named by `part_of`, `about`, review `by` or a document's `publisher`.
fn referenced_entities(g: &ClaimGraph) -> FxHashSet<NodeIx> {
    let mut set = FxHashSet::default();
    let mut add = |id: &crate::model::Id| {
        if let Some(ix) = g.node_by_id(id.as_str()) {
            set.insert(ix);
        }
    };
    for ix in g.nodes() {
        match &g.node(ix).record {
            Record::Entity(e) => e.part_of.iter().for_each(&mut add),
            Record::Claim(c) => {
                c.about.iter().for_each(&mut add);
                c.review.iter().for_each(|r| add(&r.by));
            }
        }
    }
    for d in g.documents() {
        d.publisher.iter().for_each(&mut add);
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::test_graph as graph;

    #[test]
    fn check_lists_the_data_warnings_and_a_report_every_warning() {
        let g = graph(
            r#"{"entities":[{"id":"nk","name":"North Korea","kind":"country"},
                {"id":"kcna","name":"KCNA","kind":"organization","tags":["state-media"],"part_of":"nk"}],
               "claims":[{"id":"c","text":"T","credibility":1,"about":["nk"]},
                {"id":"d","text":"U","credibility":1,"about":["nk"]}],
               "edges":[{"from":"c","rel":"cites","to":"c"},{"from":"kcna","rel":"asserts","to":"d"},
                {"from":"nk","rel":"denies","to":"d"}]}"#,
        );
        let s = Support::new(&g);
        let codes = |id: &str, scope| {
            let c = g.node_by_id(id).unwrap();
            let ws = claim_warnings(&g, &s, c, scope);
            ws.iter().map(|w| w.code()).collect::<Vec<_>>()
        };
        assert_eq!(
            codes("c", Scope::Data),
            ["ungrounded", "circular", "credibility"]
        );
        assert_eq!(
            codes("c", Scope::All),
            ["ungrounded", "circular", "credibility"]
        );
        assert_eq!(codes("d", Scope::Data), ["credibility"]);
        assert_eq!(
            codes("d", Scope::All),
            [
                "one-source-type",
                "single-origin",
                "interested-denial",
                "credibility"
            ]
        );
        let lines: Vec<String> = warnings(&g, &s).iter().map(|d| d.to_string()).collect();
        assert_eq!(
            lines,
            [
                "g.json: warning: claims[0]: claim \"c\" is ungrounded: no source that speaks for itself stands behind it",
                "g.json: warning: claims[0]: claim \"c\" has circular support (a citation cycle lies on its support)",
                "g.json: warning: claims[0].credibility: claim \"c\" has credibility 1 (confirmed by independent sources) but its grounds do not have two distinct origins",
                "g.json: warning: claims[1].credibility: claim \"d\" has credibility 1 (confirmed by independent sources) but its grounds do not have two distinct origins",
                "g.json: warning: edges[0]: claim \"c\" cites itself (circular support: remove the edge)",
            ]
        );
    }
}
