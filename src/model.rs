//! The data model of docs/format.md §1: ids, kinds, relations, dates and the four record types.
//!
//! Every value type here validates on construction (`Id::new`, `Date::new`, ...), so a
//! record that exists has already passed the file-format rules; code past the loader never
//! re-checks. The records serialize to the canonical file layout (empty and absent fields
//! are left out).

use crate::text::quoted;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest id accepted, in bytes (docs/format.md §1).
pub const MAX_ID_LEN: usize = 128;

/// Why a value was rejected; the text is shown to the user after the field's path.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ValueError(pub String);

/// Whether `s` matches `^[a-z0-9][a-z0-9._-]*$` (the id and tag pattern).
pub fn is_id_like(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter().all(|&c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'.' | b'_' | b'-')
        })
}

/// A record id: one namespace for documents, entities and claims.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Id(Box<str>);

impl Id {
    /// Validates `s` against the id pattern and length limit.
    pub fn new(s: impl Into<String>) -> Result<Id, ValueError> {
        let s = s.into();
        Id::check(&s)?;
        Ok(Id(s.into_boxed_str()))
    }

    /// Whether `s` would make a valid id, without allocating one (the loader looks edge
    /// ends up by the borrowed text).
    pub fn check(s: &str) -> Result<(), ValueError> {
        if s.len() > MAX_ID_LEN {
            return Err(ValueError(format!(
                "id is {} bytes long; the limit is {MAX_ID_LEN}",
                s.len()
            )));
        }
        if !is_id_like(s) {
            return Err(ValueError(format!(
                "bad id {}: ids are lower-case letters, digits and . _ - (starting with a letter or digit){}",
                quoted(s),
                id_hint(s)
            )));
        }
        Ok(())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A suggestion for an almost-valid id, e.g. `"NIS"` -> `try "nis"`.
fn id_hint(s: &str) -> String {
    let lowered: String = s
        .trim()
        .chars()
        .map(|c| match c {
            ' ' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    if lowered != s && is_id_like(&lowered) {
        format!("; try {}", quoted(&lowered))
    } else {
        String::new()
    }
}

impl TryFrom<String> for Id {
    type Error = ValueError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Id::new(s)
    }
}

impl From<Id> for String {
    fn from(id: Id) -> String {
        id.0.into_string()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

/// A source-type tag (docs/format.md §3): a free lower-case word matching the id pattern.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Tag(String);

/// The recommended tag vocabulary of docs/format.md §3, which `check` suggests against.
pub const TAG_VOCABULARY: &[&str] = &[
    "intelligence",
    "military",
    "government",
    "state-media",
    "media",
    "wire",
    "think-tank",
    "analyst",
    "central-bank",
    "statistics",
    "international-org",
    "ngo",
    "academic",
    "company",
    "anonymous",
    "imagery",
    "social-media",
];

impl Tag {
    /// Validates `s` against the tag pattern.
    pub fn new(s: impl Into<String>) -> Result<Tag, ValueError> {
        let s = s.into();
        if s.len() > MAX_ID_LEN || !is_id_like(&s) {
            return Err(ValueError(format!(
                "bad tag {}: tags are lower-case words (letters, digits, . _ -){}",
                quoted(&s),
                id_hint(&s)
            )));
        }
        Ok(Tag(s))
    }

    /// The tag as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the tag is in the recommended vocabulary.
    pub fn is_known(&self) -> bool {
        TAG_VOCABULARY.contains(&self.0.as_str())
    }
}

impl TryFrom<String> for Tag {
    type Error = ValueError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Tag::new(s)
    }
}

impl From<Tag> for String {
    fn from(t: Tag) -> String {
        t.0
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A calendar date of precision year, month or day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
/// Held packed (month and day 0 when absent), so dates order chronologically and cost no
/// allocation; written back exactly as read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Validates the shape and that the day exists in that month (leap years included).
    pub fn new(s: impl AsRef<str>) -> Result<Date, ValueError> {
        let s = s.as_ref();
        parse_date(s).ok_or_else(|| {
            ValueError(format!(
                "bad date {}: dates are YYYY, YYYY-MM or YYYY-MM-DD and must exist on the calendar",
                quoted(s)
            ))
        })
    }

    /// The month, when the date gives one.
    pub fn month(&self) -> Option<u8> {
        (self.month > 0).then_some(self.month)
    }

    /// The day, when the date gives one.
    pub fn day(&self) -> Option<u8> {
        (self.day > 0).then_some(self.day)
    }

    /// The first day the date stands for: `2024-06` is `2024-06-01`, `2024` is
    /// `2024-01-01` (how a partial date compares with a day, docs/format.md §2.4).
    pub fn first_day(self) -> Date {
        Date {
            year: self.year,
            month: self.month.max(1),
            day: self.day.max(1),
        }
    }

    /// The date packed in 32 bits (year, month, day from high to low), for snapshots.
    pub(crate) fn to_bits(self) -> u32 {
        (u32::from(self.year) << 16) | (u32::from(self.month) << 8) | u32::from(self.day)
    }

    /// The date of [`Date::to_bits`], when the bits make a valid date.
    pub(crate) fn from_bits(bits: u32) -> Option<Date> {
        let (year, month, day) = ((bits >> 16) as u16, (bits >> 8) as u8, bits as u8);
        let valid = year <= 9999
            && month <= 12
            && (day == 0 || (month > 0 && day <= days_in_month(year, month)));
        valid.then_some(Date { year, month, day })
    }
}

fn parse_date(s: &str) -> Option<Date> {
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let mut parts = s.split('-');
    let (y, m, d, rest) = (parts.next()?, parts.next(), parts.next(), parts.next());
    if !digits(y, 4) || rest.is_some() {
        return None;
    }
    let year: u16 = y.parse().ok()?;
    let month: u8 = match m {
        None => 0,
        Some(m) if digits(m, 2) => m.parse().ok().filter(|m| (1..=12).contains(m))?,
        Some(_) => return None,
    };
    let day: u8 = match d {
        None => 0,
        Some(d) if digits(d, 2) => d
            .parse()
            .ok()
            .filter(|&d| d >= 1 && d <= days_in_month(year, month))?,
        Some(_) => return None,
    };
    Some(Date { year, month, day })
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

impl TryFrom<String> for Date {
    type Error = ValueError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Date::new(s)
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month > 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day > 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

/// Declares a closed vocabulary as an enum with its file spelling.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident, $what:literal { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in file spelling order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The spelling used in files and on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the file spelling; the error lists the accepted values and a near one.
            pub fn parse(s: &str) -> Result<$name, ValueError> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(ValueError(format!(
                        "unknown {} {}{}; expected one of: {}",
                        $what,
                        quoted(s),
                        crate::suggest::did_you_mean_suffix(s, Self::ALL.iter().map(|v| v.as_str())),
                        Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
                    ))),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = ValueError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::parse(s)
            }
        }
    };
}

vocabulary!(
    /// What an entity is.
    Kind, "kind" { Country = "country", Person = "person", Organization = "organization" }
);

vocabulary!(
    /// The relation an edge states (docs/format.md §1).
    Rel, "rel" { Asserts = "asserts", Denies = "denies", Cites = "cites" }
);

vocabulary!(
    /// A fact-check verdict (docs/format.md §5).
    Verdict, "verdict" {
        True = "true",
        MostlyTrue = "mostly-true",
        Mixed = "mixed",
        MostlyFalse = "mostly-false",
        False = "false",
        Unproven = "unproven",
    }
);

/// Admiralty source reliability, `A` (reliable) to `F` (cannot be judged).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Reliability(char);

impl Reliability {
    /// Accepts one letter `A`–`F`.
    pub fn new(s: &str) -> Result<Reliability, ValueError> {
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c @ 'A'..='F'), None) => Ok(Reliability(c)),
            _ => Err(ValueError(format!(
                "bad reliability {}: expected one letter A-F",
                quoted(s)
            ))),
        }
    }

    /// The letter.
    pub fn letter(self) -> char {
        self.0
    }
}

impl TryFrom<String> for Reliability {
    type Error = ValueError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Reliability::new(&s)
    }
}

impl From<Reliability> for String {
    fn from(r: Reliability) -> String {
        r.0.to_string()
    }
}

/// Admiralty information credibility, 1 (confirmed by independent sources) to 6.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u8")]
pub struct Credibility(u8);

impl Credibility {
    /// Accepts an integer 1–6.
    pub fn new(n: i64) -> Result<Credibility, ValueError> {
        if (1..=6).contains(&n) {
            Ok(Credibility(n as u8))
        } else {
            Err(ValueError(format!(
                "bad credibility {n}: expected an integer 1-6"
            )))
        }
    }

    /// The number.
    pub fn value(self) -> u8 {
        self.0
    }
}

impl TryFrom<i64> for Credibility {
    type Error = ValueError;
    fn try_from(n: i64) -> Result<Self, Self::Error> {
        Credibility::new(n)
    }
}

impl From<Credibility> for u8 {
    fn from(c: Credibility) -> u8 {
        c.0
    }
}

/// A source of documents: a country, a person or an organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: Id,
    pub name: String,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Entity {
    /// Whether the entity carries `tag`.
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t.as_str() == tag)
    }
}

/// A fact-checker's judgement on a claim (docs/format.md §5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub verdict: Verdict,
    pub by: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A statement someone can assert, deny or cite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: Id,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub found_in: Vec<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credibility: Option<Credibility>,
    /// Boxed: most claims are not reviewed, and a claim's size counts at a million claims.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Box<Review>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Claim {
    /// The verdict of the claim's review, if it has one.
    pub fn verdict(&self) -> Option<Verdict> {
        self.review.as_ref().map(|r| r.verdict)
    }
}

/// Where a claim or an edge was found: an article, a report, a broadcast.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: Id,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One `asserts`, `denies` or `cites` statement between two records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edge {
    pub from: Id,
    pub rel: Rel,
    pub to: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    #[serde(rename = "in", default, skip_serializing_if = "Option::is_none")]
    pub in_doc: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An [`Edge`] made of borrowed fields, which serializes exactly as the edge does (same
/// fields, names, order and omissions): for writing many edges without copying them.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct EdgeView<'a> {
    pub from: &'a Id,
    pub rel: Rel,
    pub to: &'a Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'a Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<&'a String>,
    #[serde(rename = "in", skip_serializing_if = "Option::is_none")]
    pub in_doc: Option<&'a Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a String>,
}

impl<'a> From<&'a Edge> for EdgeView<'a> {
    fn from(e: &'a Edge) -> Self {
        EdgeView {
            from: &e.from,
            rel: e.rel,
            to: &e.to,
            date: e.date.as_ref(),
            quote: e.quote.as_ref(),
            in_doc: e.in_doc.as_ref(),
            note: e.note.as_ref(),
        }
    }
}

impl Edge {
    /// Whether `self` and `other` are the same edge: equal in `from`, `rel`, `to` and `in`
    /// (docs/format.md §1: the same relation in another document is another edge).
    pub fn same_key(&self, other: &Edge) -> bool {
        self.key_cmp(other).is_eq()
    }

    /// Whether the edge states the relation `from -rel-> to`, in any document.
    pub fn states(&self, from: &Id, rel: Rel, to: &Id) -> bool {
        &self.from == from && self.rel == rel && &self.to == to
    }

    /// The canonical order of edges: by `from`, `rel`, `to`, then `in` (none first).
    pub fn key_cmp(&self, other: &Edge) -> std::cmp::Ordering {
        (&self.from, self.rel, &self.to, &self.in_doc).cmp(&(
            &other.from,
            other.rel,
            &other.to,
            &other.in_doc,
        ))
    }
}

/// The contents of one graph file (all four arrays optional).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GraphFile {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Document>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<Entity>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edges: Vec<Edge>,
}

#[cfg(test)]
mod tests {

    /// The borrowed view writes every edge byte for byte as the edge does, with each
    /// optional field present or not.
    #[test]
    fn an_edge_view_serializes_as_the_edge() {
        for bits in 0..16u8 {
            let on = |b: u8| bits & (1 << b) != 0;
            let e = Edge {
                from: Id::new("a").unwrap(),
                rel: Rel::Denies,
                to: Id::new("b").unwrap(),
                date: on(0).then(|| Date::new("2024-06").unwrap()),
                quote: on(1).then(|| "\"q\"\n\u{7}é".to_string()),
                in_doc: on(2).then(|| Id::new("d").unwrap()),
                note: on(3).then(|| "n".to_string()),
            };
            let view = serde_json::to_string(&EdgeView::from(&e)).unwrap();
            assert_eq!(view, serde_json::to_string(&e).unwrap());
        }
    }
    use super::*;

    #[test]
    fn ids_follow_the_pattern_and_length_limit() {
        assert!(Id::new("nk-arms.2023_x").is_ok());
        assert!(Id::new("9lives").is_ok());
        assert!(Id::new("-x").is_err());
        assert!(Id::new("NIS").unwrap_err().0.contains("try \"nis\""));
        assert!(Id::new("").is_err());
        assert!(Id::new("a".repeat(128)).is_ok());
        assert!(Id::new("a".repeat(129)).is_err());
    }

    #[test]
    fn dates_must_exist_on_the_calendar() {
        for ok in ["2024", "2024-02", "2024-02-29", "2000-02-29", "2023-12-31"] {
            assert!(Date::new(ok).is_ok(), "{ok}");
        }
        assert_eq!(Date::new("2024-02").unwrap().to_string(), "2024-02");
        assert!(Date::new("2024").unwrap() < Date::new("2024-01").unwrap());
        for bad in [
            "24",
            "2023-02-29",
            "1900-02-29",
            "2024-13",
            "2024-00",
            "2024-04-31",
            "2024-1-5",
            "2024-01-01T00",
            "",
        ] {
            assert!(Date::new(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn vocabularies_suggest_a_near_value() {
        let err = Kind::parse("contry").unwrap_err().0;
        assert!(err.contains("did you mean \"country\""), "{err}");
        assert_eq!(Rel::parse("cites").unwrap(), Rel::Cites);
    }

    #[test]
    fn reliability_and_credibility_ranges() {
        assert!(Reliability::new("A").is_ok());
        assert!(Reliability::new("G").is_err());
        assert!(Reliability::new("AB").is_err());
        assert!(Credibility::new(6).is_ok());
        assert!(Credibility::new(0).is_err());
    }
}
