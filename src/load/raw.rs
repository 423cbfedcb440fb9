//! The file schema as parsed, before validation: strings borrowed from the input where
//! they need no unescaping, so that parsing allocates little and every value can be checked
//! afterwards with all errors collected.

use serde::Deserialize;
use std::borrow::Cow;

type Str<'a> = Cow<'a, str>;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawFile<'a> {
    #[serde(borrow, default)]
    pub documents: Vec<RawDocument<'a>>,
    #[serde(borrow, default)]
    pub entities: Vec<RawEntity<'a>>,
    #[serde(borrow, default)]
    pub claims: Vec<RawClaim<'a>>,
    #[serde(borrow, default)]
    pub edges: Vec<RawEdge<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument<'a> {
    #[serde(borrow)]
    pub id: Str<'a>,
    #[serde(borrow)]
    pub title: Str<'a>,
    #[serde(borrow, default)]
    pub publisher: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub published: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub url: Option<Str<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntity<'a> {
    #[serde(borrow)]
    pub id: Str<'a>,
    #[serde(borrow)]
    pub name: Str<'a>,
    #[serde(borrow)]
    pub kind: Str<'a>,
    #[serde(borrow, default)]
    pub tags: Vec<Str<'a>>,
    #[serde(borrow, default)]
    pub part_of: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub aliases: Vec<Str<'a>>,
    #[serde(borrow, default)]
    pub reliability: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub note: Option<Str<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReview<'a> {
    #[serde(borrow)]
    pub verdict: Str<'a>,
    #[serde(borrow)]
    pub by: Str<'a>,
    #[serde(borrow, default)]
    pub date: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub note: Option<Str<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaim<'a> {
    #[serde(borrow)]
    pub id: Str<'a>,
    #[serde(borrow)]
    pub text: Str<'a>,
    #[serde(borrow, default)]
    pub date: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub about: Vec<Str<'a>>,
    #[serde(borrow, default)]
    pub topics: Vec<Str<'a>>,
    #[serde(borrow, default)]
    pub found_in: Vec<Str<'a>>,
    #[serde(default)]
    pub credibility: Option<i64>,
    #[serde(borrow, default)]
    pub review: Option<RawReview<'a>>,
    #[serde(borrow, default)]
    pub note: Option<Str<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEdge<'a> {
    #[serde(borrow)]
    pub from: Str<'a>,
    #[serde(borrow)]
    pub rel: Str<'a>,
    #[serde(borrow)]
    pub to: Str<'a>,
    #[serde(borrow, default)]
    pub date: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub quote: Option<Str<'a>>,
    #[serde(borrow, default, rename = "in")]
    pub in_doc: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub note: Option<Str<'a>>,
}
