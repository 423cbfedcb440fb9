//! The file schema as parsed, before validation: strings borrowed from the input where
//! they need no unescaping, so that parsing allocates little and every value can be checked
//! afterwards with all errors collected.

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use std::marker::PhantomData;

type Str<'a> = Cow<'a, str>;

/// A record that must be a JSON object. Derived structs would also accept an array and fill
/// their fields in order (`[["nis", "NIS", "organization"]]`); the file format says objects.
pub struct Obj<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ObjVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjVisitor<T> {
            type Value = Obj<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Obj<T>, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Obj)
            }
        }
        d.deserialize_map(ObjVisitor(PhantomData))
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawFile<'a> {
    #[serde(borrow, default)]
    pub documents: Vec<Obj<RawDocument<'a>>>,
    #[serde(borrow, default)]
    pub entities: Vec<Obj<RawEntity<'a>>>,
    #[serde(borrow, default)]
    pub claims: Vec<Obj<RawClaim<'a>>>,
    #[serde(borrow, default)]
    pub edges: Vec<Obj<RawEdge<'a>>>,
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
    pub review: Option<Obj<RawReview<'a>>>,
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
