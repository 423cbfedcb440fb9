//! The file schema as parsed, before validation: strings borrowed from the input where
//! they need no unescaping, so that parsing allocates little and every value can be checked
//! afterwards with all errors collected. The field names are those of [`crate::schema`]
//! (a test holds the two together).

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use std::marker::PhantomData;

/// A string value, borrowed from the input when it has no escapes. serde's own `Cow<str>`
/// only borrows as a bare field marked `#[serde(borrow)]`; inside an `Option` or a `Vec` it
/// always copies, and at a million records those copies are most of the allocations.
#[derive(Clone)]
pub struct Str<'a>(pub Cow<'a, str>);

impl std::ops::Deref for Str<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(s)))
            }
        }
        d.deserialize_str(V)
    }
}

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
    pub credibility: Option<RawCredibility>,
    /// Boxed: rare, and a claim is moved a few times on its way out of the parser.
    #[serde(borrow, default)]
    pub review: Option<Box<Obj<RawReview<'a>>>>,
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

/// A credibility as written: any integer (the range is checked later, with the others).
pub struct RawCredibility(pub i64);

impl<'de> Deserialize<'de> for RawCredibility {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = RawCredibility;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an integer 1-6")
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<RawCredibility, E> {
                Ok(RawCredibility(n))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<RawCredibility, E> {
                Ok(RawCredibility(i64::try_from(n).unwrap_or(i64::MAX)))
            }
        }
        d.deserialize_i64(V)
    }
}

/// Receives records one at a time while a file is parsed.
pub trait Sink<'de> {
    fn document(&mut self, i: usize, d: Obj<RawDocument<'de>>);
    fn entity(&mut self, i: usize, e: Obj<RawEntity<'de>>);
    fn claim(&mut self, i: usize, c: Obj<RawClaim<'de>>);
    fn edge(&mut self, i: usize, e: Obj<RawEdge<'de>>);
}

/// The four arrays of a file, in the order [`ArraySeed`] numbers them.
const FILE_FIELDS: &[&str] = &crate::schema::ARRAYS;

/// Parses one file object, handing each record to the sink as soon as it is read. Accepts
/// an object with the four optional arrays and nothing else.
pub struct FileSeed<'s, S>(pub &'s mut S);

impl<'de, S: Sink<'de>> de::DeserializeSeed<'de> for FileSeed<'_, S> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, S: Sink<'de>> Visitor<'de> for FileSeed<'_, S> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = [false; 4];
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            let Some(k) = FILE_FIELDS.iter().position(|f| *f == key) else {
                return Err(de::Error::unknown_field(&key, FILE_FIELDS));
            };
            if std::mem::replace(&mut seen[k], true) {
                return Err(de::Error::duplicate_field(FILE_FIELDS[k]));
            }
            map.next_value_seed(ArraySeed {
                sink: &mut *self.0,
                array: k,
            })?;
        }
        Ok(())
    }
}

/// One of the four arrays, by its index in [`FILE_FIELDS`].
struct ArraySeed<'s, S> {
    sink: &'s mut S,
    array: usize,
}

impl<'de, S: Sink<'de>> de::DeserializeSeed<'de> for ArraySeed<'_, S> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, S: Sink<'de>> Visitor<'de> for ArraySeed<'_, S> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of objects")
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        loop {
            let more = match self.array {
                0 => seq.next_element()?.map(|r| self.sink.document(i, r)),
                1 => seq.next_element()?.map(|r| self.sink.entity(i, r)),
                2 => seq.next_element()?.map(|r| self.sink.claim(i, r)),
                _ => seq.next_element()?.map(|r| self.sink.edge(i, r)),
            };
            if more.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{tests::serde_fields, RecordKind};

    #[test]
    fn the_raw_records_accept_exactly_the_schema_fields() {
        let names = |k: RecordKind| k.field_names().collect::<Vec<_>>();
        assert_eq!(serde_fields::<RawDocument>(), names(RecordKind::Document));
        assert_eq!(serde_fields::<RawEntity>(), names(RecordKind::Entity));
        assert_eq!(serde_fields::<RawClaim>(), names(RecordKind::Claim));
        assert_eq!(serde_fields::<RawReview>(), names(RecordKind::Review));
        assert_eq!(serde_fields::<RawEdge>(), names(RecordKind::Edge));
    }
}
