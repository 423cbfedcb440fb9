//! The file format's field names and value types (docs/format.md §1), in one place: the four arrays
//! of a graph file, and for each kind of record every field it may have — its name, the
//! type of its values, whether it is a list and whether it is required.
//!
//! The loader's raw records (`load::raw`) and the model's records (`model`) are serde
//! structs whose field names must be these: tests here and in `load::raw` compare them.
//! `show` lists a record's fields in this order, and `set`/`unset` find the field to edit,
//! and how to parse its values, here.

/// The arrays of a graph file, in the order they are written.
pub const ARRAYS: [&str; 4] = ["documents", "entities", "claims", "edges"];

/// A kind of record: what an array holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Document,
    Entity,
    Claim,
    /// A claim's review (docs/format.md §5), nested in the claim as `review`.
    Review,
    Edge,
}

impl RecordKind {
    /// The record's fields, in file order.
    pub fn fields(self) -> &'static [Field] {
        match self {
            RecordKind::Document => DOCUMENT,
            RecordKind::Entity => ENTITY,
            RecordKind::Claim => CLAIM,
            RecordKind::Review => REVIEW,
            RecordKind::Edge => EDGE,
        }
    }

    /// How messages name the kind: `document`, `entity`, `claim`, `review`, `edge`.
    pub fn name(self) -> &'static str {
        match self {
            RecordKind::Document => "document",
            RecordKind::Entity => "entity",
            RecordKind::Claim => "claim",
            RecordKind::Review => "review",
            RecordKind::Edge => "edge",
        }
    }

    /// The field named `name`, if the kind has one.
    pub fn field(self, name: &str) -> Option<&'static Field> {
        self.fields().iter().find(|f| f.name == name)
    }

    /// The field names, in file order.
    pub fn field_names(self) -> impl Iterator<Item = &'static str> {
        self.fields().iter().map(|f| f.name)
    }
}

/// What sort of record a reference names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refers {
    Entity,
    Document,
    /// An entity or a claim (an edge's end).
    Node,
}

/// The type of a field's values, as the loader checks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// The record's own id.
    Id,
    /// Free text, required to be non-empty (a name, a title, a claim's text).
    Name,
    /// Free text (a note, a quote, an alias, a topic, a url).
    Text,
    /// The id of another record.
    Ref(Refers),
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date,
    /// `country`, `person` or `organization`.
    Kind,
    /// `asserts`, `denies` or `cites`.
    Rel,
    /// A source-type tag (docs/format.md §3).
    Tag,
    /// Admiralty reliability, `A`–`F`.
    Reliability,
    /// Admiralty credibility, an integer 1–6.
    Credibility,
    /// A verdict (docs/format.md §5).
    Verdict,
    /// A nested review object (its fields are [`RecordKind::Review`]'s).
    Review,
}

/// One field of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub ty: ValueType,
    /// Whether the value is a list (`tags`, `aliases`, `about`, `topics`, `found_in`).
    pub list: bool,
    /// Whether every record must have it.
    pub required: bool,
}

const fn one(name: &'static str, ty: ValueType) -> Field {
    Field {
        name,
        ty,
        list: false,
        required: false,
    }
}

const fn required(name: &'static str, ty: ValueType) -> Field {
    Field {
        name,
        ty,
        list: false,
        required: true,
    }
}

const fn list(name: &'static str, ty: ValueType) -> Field {
    Field {
        name,
        ty,
        list: true,
        required: false,
    }
}

use ValueType as T;

/// A document's fields.
pub const DOCUMENT: &[Field] = &[
    required("id", T::Id),
    required("title", T::Name),
    one("publisher", T::Ref(Refers::Entity)),
    one("published", T::Date),
    one("url", T::Text),
];

/// An entity's fields.
pub const ENTITY: &[Field] = &[
    required("id", T::Id),
    required("name", T::Name),
    required("kind", T::Kind),
    list("tags", T::Tag),
    one("part_of", T::Ref(Refers::Entity)),
    list("aliases", T::Text),
    one("reliability", T::Reliability),
    one("note", T::Text),
];

/// A claim's fields.
pub const CLAIM: &[Field] = &[
    required("id", T::Id),
    required("text", T::Name),
    one("date", T::Date),
    list("about", T::Ref(Refers::Entity)),
    list("topics", T::Text),
    list("found_in", T::Ref(Refers::Document)),
    one("credibility", T::Credibility),
    one("review", T::Review),
    one("note", T::Text),
];

/// A review's fields (inside a claim's `review`).
pub const REVIEW: &[Field] = &[
    required("verdict", T::Verdict),
    required("by", T::Ref(Refers::Entity)),
    one("date", T::Date),
    one("note", T::Text),
];

/// An edge's fields. `from`, `rel`, `to` and `in` identify it (docs/format.md §1).
pub const EDGE: &[Field] = &[
    required("from", T::Ref(Refers::Node)),
    required("rel", T::Rel),
    required("to", T::Ref(Refers::Node)),
    one("date", T::Date),
    one("quote", T::Text),
    one("in", T::Ref(Refers::Document)),
    one("note", T::Text),
];

/// A field named on the command line: a field of the record, or (`review.verdict`) a field
/// of a claim's review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldPath {
    pub field: &'static Field,
    /// The review's field, for `review.NAME`.
    pub sub: Option<&'static Field>,
}

impl FieldPath {
    /// The field whose values are edited: the review's for `review.NAME`.
    pub fn leaf(&self) -> &'static Field {
        self.sub.unwrap_or(self.field)
    }

    /// The name as typed: `tags`, `review.verdict`.
    pub fn name(&self) -> String {
        match self.sub {
            Some(s) => format!("{}.{}", self.field.name, s.name),
            None => self.field.name.to_string(),
        }
    }
}

/// Every name [`field_path`] accepts for `kind`: its fields, and for a claim `review.NAME`
/// for each field of a review.
pub fn field_paths(kind: RecordKind) -> Vec<String> {
    let mut names: Vec<String> = kind.field_names().map(String::from).collect();
    if kind == RecordKind::Claim {
        names.extend(REVIEW.iter().map(|f| format!("review.{}", f.name)));
    }
    names
}

/// The field `name` of a record of `kind`; the error names the fields there are, with a
/// did-you-mean.
pub fn field_path(kind: RecordKind, name: &str) -> Result<FieldPath, String> {
    let found = match name.split_once('.') {
        None => kind.field(name).map(|field| FieldPath { field, sub: None }),
        Some((outer, inner)) => kind
            .field(outer)
            .filter(|f| f.ty == ValueType::Review)
            .and_then(|field| {
                let sub = RecordKind::Review.field(inner)?;
                Some(FieldPath {
                    field,
                    sub: Some(sub),
                })
            }),
    };
    found.ok_or_else(|| {
        let names = field_paths(kind);
        format!(
            "{} has no field {}{}; its fields are: {}",
            article(kind),
            crate::text::quoted(name),
            crate::suggest::did_you_mean_suffix(name, names.iter().map(String::as_str)),
            names.join(", ")
        )
    })
}

fn article(kind: RecordKind) -> String {
    match kind {
        RecordKind::Entity => "an entity".into(),
        RecordKind::Edge => "an edge".into(),
        k => format!("a {}", k.name()),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde::de::{self, Deserialize, Deserializer, Visitor};

    /// The field names a serde-derived struct accepts, read from the list its derived
    /// `Deserialize` hands to `deserialize_struct`.
    pub fn serde_fields<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
        struct Catch(Option<&'static [&'static str]>);
        impl<'de> Deserializer<'de> for &mut Catch {
            type Error = de::value::Error;
            fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
                Err(de::Error::custom("not a struct"))
            }
            fn deserialize_struct<V: Visitor<'de>>(
                self,
                _: &'static str,
                fields: &'static [&'static str],
                _: V,
            ) -> Result<V::Value, Self::Error> {
                self.0 = Some(fields);
                Err(de::Error::custom("caught"))
            }
            serde::forward_to_deserialize_any! {
                bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
                byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
                enum identifier ignored_any
            }
        }
        let mut catch = Catch(None);
        let _ = T::deserialize(&mut catch);
        catch.0.expect("a derived struct asks for its fields")
    }

    #[test]
    fn the_model_records_have_exactly_the_schema_fields() {
        use crate::model::{Claim, Document, Edge, Entity, GraphFile, Review};
        let names = |k: RecordKind| k.field_names().collect::<Vec<_>>();
        assert_eq!(serde_fields::<Document>(), names(RecordKind::Document));
        assert_eq!(serde_fields::<Entity>(), names(RecordKind::Entity));
        assert_eq!(serde_fields::<Claim>(), names(RecordKind::Claim));
        assert_eq!(serde_fields::<Review>(), names(RecordKind::Review));
        assert_eq!(serde_fields::<Edge>(), names(RecordKind::Edge));
        assert_eq!(serde_fields::<GraphFile>(), ARRAYS);
    }

    #[test]
    fn a_field_path_reaches_into_the_review_and_suggests_near_names() {
        let p = field_path(RecordKind::Claim, "review.verdict").unwrap();
        assert_eq!(
            (p.name(), p.leaf().ty),
            ("review.verdict".into(), ValueType::Verdict)
        );
        assert!(field_path(RecordKind::Entity, "review.verdict").is_err());
        let e = field_path(RecordKind::Entity, "alias").unwrap_err();
        assert!(e.contains("did you mean \"aliases\""), "{e}");
        assert!(e.contains("its fields are: id, name, kind"), "{e}");
        let e = field_path(RecordKind::Claim, "review.verdit").unwrap_err();
        assert!(e.contains("did you mean \"review.verdict\""), "{e}");
    }
}
