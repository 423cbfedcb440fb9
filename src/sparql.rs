//! SPARQL texts of the support questions of docs/format.md §2, for the RDF vocabulary of
//! [`crate::export::rdf`].
//!
//! Each query selects one variable, `?claim`, the IRI of a claim (its last path segment is
//! the claim's id), sorted. By default they walk the derived `cg:supportedBy` arcs with
//! property paths, which are defined on cyclic data; [`Grounds::Precomputed`] reads the
//! grounds from the exported `prov:hadPrimarySource` triples instead, which engines answer
//! in one join rather than a path search per claim, and an entity's origin from its
//! `cg:origin` triple instead of along `prov:actedOnBehalfOf*` (the `part_of` chain). A user
//! with the N-Triples in a SPARQL store gets the same answers as `claimgraph claims`.

use crate::export::rdf::{Base, PREFIXES};
use crate::model::Tag;

/// A question `claimgraph sparql` can print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// `rests_only_on(c, tag)`.
    RestsOnlyOn(Tag),
    /// `contested(c)`.
    Contested,
    /// `ungrounded(c)`.
    Ungrounded,
    /// `single_origin(c)`.
    SingleOrigin,
    /// `interested_denial(c)`.
    InterestedDenial,
}

/// How a query finds the grounds of `?claim` and the origins of entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grounds {
    /// Walk `cg:supportedBy+` to entities with no outgoing arc (docs/format.md §2 spelled out).
    #[default]
    Paths,
    /// Read the `prov:hadPrimarySource` and `cg:origin` triples claimgraph computed at export.
    Precomputed,
}

impl Grounds {
    /// A pattern binding `?g` to each ground of `?claim`.
    fn pattern(self) -> &'static str {
        match self {
            Grounds::Paths => {
                "?claim cg:supportedBy+ ?g . ?g a prov:Agent . \
                 FILTER NOT EXISTS { ?g cg:supportedBy ?next }"
            }
            Grounds::Precomputed => "?claim prov:hadPrimarySource ?g .",
        }
    }

    /// A pattern binding `?{origin}` to the origin of the entity `?{entity}`.
    fn origin(self, entity: &str, origin: &str) -> String {
        match self {
            Grounds::Paths => format!(
                "?{entity} prov:actedOnBehalfOf* ?{origin} .\n    \
                 FILTER NOT EXISTS {{ ?{origin} prov:actedOnBehalfOf ?up }}"
            ),
            Grounds::Precomputed => format!("?{entity} cg:origin ?{origin} ."),
        }
    }
}

/// The SPARQL text that selects the claims answering `q`.
pub fn query(q: &Question, base: &Base, grounds: Grounds) -> String {
    let ground = grounds.pattern();
    let body = match q {
        Question::RestsOnlyOn(tag) => format!(
            "  ?claim a schema:Claim .\n  \
             # grounds(c) is non-empty ...\n  \
             FILTER EXISTS {{ {ground} }}\n  \
             # ... and no ground lacks the tag.\n  \
             FILTER NOT EXISTS {{\n    {ground}\n    \
             FILTER NOT EXISTS {{ ?g cg:tag \"{tag}\" }}\n  }}\n"
        ),
        Question::Contested => "  ?claim a schema:Claim .\n  \
             FILTER EXISTS { ?asserter cg:asserts ?claim }\n  \
             FILTER EXISTS { ?denier cg:denies ?claim }\n"
            .to_string(),
        Question::Ungrounded => format!(
            "  ?claim a schema:Claim .\n  \
             FILTER NOT EXISTS {{ {ground} }}\n"
        ),
        Question::SingleOrigin => {
            return format!(
                "{}SELECT ?claim WHERE {{\n  \
                 ?claim a schema:Claim .\n  {ground}\n  \
                 # The origin: the end of the part_of chain.\n  {}\n}}\n\
                 GROUP BY ?claim\nHAVING (COUNT(DISTINCT ?origin) = 1)\nORDER BY ?claim\n",
                prologue(base),
                grounds.origin("g", "origin").replace("\n    ", "\n  ")
            )
        }
        Question::InterestedDenial => format!(
            "  ?claim a schema:Claim .\n  \
             FILTER EXISTS {{ ?denier cg:denies ?claim }}\n  \
             # No denier whose origin is not the origin of something the claim is about.\n  \
             FILTER NOT EXISTS {{\n    ?denier cg:denies ?claim .\n    {}\n    \
             FILTER NOT EXISTS {{ ?claim schema:about ?about . {} }}\n  \
             }}\n",
            grounds.origin("denier", "origin"),
            about_origin(grounds)
        ),
    };
    format!(
        "{}SELECT ?claim WHERE {{\n{body}}}\nORDER BY ?claim\n",
        prologue(base)
    )
}

/// The pattern saying `?about` has the origin `?origin` (both bound by then).
fn about_origin(grounds: Grounds) -> &'static str {
    match grounds {
        Grounds::Paths => "?about prov:actedOnBehalfOf* ?origin",
        Grounds::Precomputed => "?about cg:origin ?origin",
    }
}

fn prologue(base: &Base) -> String {
    let mut s = String::new();
    for (p, ns) in PREFIXES {
        if matches!(*p, "schema" | "prov") {
            s.push_str(&format!("PREFIX {p}: <{ns}>\n"));
        }
    }
    s.push_str(&format!("PREFIX cg: <{}>\n", base.vocab()));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_query_selects_only_claim_and_names_the_base_vocabulary() {
        let base = Base::new("https://desk.example/g/").unwrap();
        for q in [
            Question::RestsOnlyOn(Tag::new("intelligence").unwrap()),
            Question::Contested,
            Question::Ungrounded,
            Question::SingleOrigin,
            Question::InterestedDenial,
        ] {
            let text = query(&q, &base, Grounds::Paths);
            assert!(text.contains("SELECT ?claim WHERE"), "{text}");
            assert!(text.contains("PREFIX cg: <https://desk.example/g/vocab#>"));
        }
    }
}
