//! `set` and `unset`: change one field of any record — a document, an entity, a claim (its
//! review's fields as `review.verdict`, ...) or an edge (`quote`, `date`, `note`, `in`).
//!
//! The field is found in [`crate::schema`], which says how to read its values: each value
//! typed on the command line is parsed like the loader parses the file (dates, kinds, tags,
//! reliability, credibility, verdicts), ids are resolved (names and aliases accepted, a
//! did-you-mean otherwise), and the record is rebuilt through its serde type, so an edited
//! record is as valid as a loaded one. The store validates the whole graph before writing.
//! A record's id is changed by `rename`; an edge's ends and relation by unlink and link.

use super::edges::{describe, edge_at, resolve_edges, EdgeAddress};
use super::names::ensure_names_free;
use super::{find, resolve, Array, EditError, Want};
use crate::model::{
    Claim, Credibility, Date, Document, Edge, Entity, Id, Kind, Reliability, Tag, Verdict,
};
use crate::schema::{field_path, FieldPath, RecordKind, Refers, ValueType};
use crate::store::Files;
use crate::text::quoted;
use serde_json::{Map, Value};
use std::path::PathBuf;

/// The record whose field is edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A document, entity or claim, by id (or an entity's name or alias).
    Record(String),
    /// One edge, by its ends, relation and document.
    Edge(EdgeAddress),
}

/// What to do to the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Replace the value (a list takes every value given; any other field one).
    Set(Vec<String>),
    /// Add these elements to a list (those already there are left as they are).
    Add(Vec<String>),
    /// Remove these elements from a list (each must be there).
    Remove(Vec<String>),
    /// Clear the field (not a required one).
    Unset,
}

/// What `set`/`unset` changed.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChanged {
    /// The record, as messages name it: `entity nis`, `edge dw asserts c1 in doc1`.
    pub record: String,
    /// The field as typed: `tags`, `review.verdict`.
    pub field: String,
    /// The value before and after (`null` when absent).
    pub old: Value,
    pub new: Value,
    /// The file the record is in.
    pub file: PathBuf,
}

impl FieldChanged {
    /// Whether the value is the same as before (nothing to write).
    pub fn unchanged(&self) -> bool {
        self.old == self.new
    }
}

/// Where a record is: file index, array, position in the array.
type At = (usize, Array, usize);

/// Changes field `field` of `target`. Unknown fields, ids and bad values are usage errors
/// (nothing is written); a value that clashes with the graph (an entity name another entity
/// has, unless `force`; an edge moved onto an existing one) is refused.
pub fn set(
    files: &mut Files,
    target: &Target,
    field: &str,
    change: Change,
    force: bool,
) -> Result<FieldChanged, EditError> {
    let (at, kind, record) = locate(files, target)?;
    let path = field_path(kind, field).map_err(EditError::Usage)?;
    check_editable(kind, &path, &record, change == Change::Unset)?;
    let mut obj = to_object(files, at)?;
    let old = current(&obj, &path);
    let new = new_value(files, &path, &old, change)?;
    put(&mut obj, &path, new.clone(), &record)?;
    if kind == RecordKind::Entity && !force && matches!(path.field.name, "name" | "aliases") {
        let added = added_names(&old, &new);
        let id = obj["id"].as_str().and_then(|s| Id::new(s).ok());
        ensure_names_free(files, added.iter().map(String::as_str), id.as_ref())?;
    }
    if kind == RecordKind::Edge && path.field.name == "in" {
        ensure_edge_free(files, at, &obj)?;
    }
    store(files, at, obj)?;
    Ok(FieldChanged {
        record,
        field: path.name(),
        old,
        new,
        file: files.files[at.0].path.clone(),
    })
}

/// Finds the target: where it is, its kind, and how messages name it.
fn locate(files: &Files, target: &Target) -> Result<(At, RecordKind, String), EditError> {
    match target {
        Target::Record(text) => {
            let id = resolve(files, text, Want::Any)?;
            let (f, array) = find(files, id.as_str()).expect("resolved ids are defined");
            let d = &files.files[f].data;
            let (kind, pos) = match array {
                Array::Documents => (
                    RecordKind::Document,
                    d.documents.iter().position(|x| x.id == id),
                ),
                Array::Entities => (
                    RecordKind::Entity,
                    d.entities.iter().position(|x| x.id == id),
                ),
                _ => (RecordKind::Claim, d.claims.iter().position(|x| x.id == id)),
            };
            let pos = pos.expect("found above");
            Ok(((f, array, pos), kind, format!("{} {id}", kind.name())))
        }
        Target::Edge(addr) => {
            let ats = resolve_edges(files, addr)?;
            let &[(f, i)] = ats.as_slice() else {
                return Err(EditError::Usage(
                    "set and unset change one edge at a time".into(),
                ));
            };
            let name = format!("edge {}", describe(edge_at(files, (f, i))));
            Ok(((f, Array::Edges, i), RecordKind::Edge, name))
        }
    }
}

/// Refuses the fields `set`/`unset` do not change: ids, an edge's identity, a whole review.
fn check_editable(
    kind: RecordKind,
    path: &FieldPath,
    record: &str,
    unset: bool,
) -> Result<(), EditError> {
    let f = path.field;
    let why = match (kind, f.ty, path.sub) {
        (_, ValueType::Review, None) if unset => return Ok(()),
        (_, ValueType::Id, _) => {
            "an id is changed with `claimgraph rename OLD NEW`, which rewrites every reference to it"
        }
        (RecordKind::Edge, _, _) if matches!(f.name, "from" | "rel" | "to") => {
            "an edge's ends and relation are what it is: unlink it and link the one meant"
        }
        (_, ValueType::Review, None) => {
            "set the review's fields one by one (review.verdict, review.by, review.date, review.note), or use `claimgraph review`; `unset CLAIM review` removes it"
        }
        _ => return Ok(()),
    };
    Err(EditError::Usage(format!(
        "cannot set {} of {record}: {why}",
        path.name()
    )))
}

fn to_object(files: &Files, (f, array, i): At) -> Result<Map<String, Value>, EditError> {
    let d = &files.files[f].data;
    let v = match array {
        Array::Documents => serde_json::to_value(&d.documents[i]),
        Array::Entities => serde_json::to_value(&d.entities[i]),
        Array::Claims => serde_json::to_value(&d.claims[i]),
        Array::Edges => serde_json::to_value(&d.edges[i]),
    };
    match v {
        Ok(Value::Object(m)) => Ok(m),
        _ => Err(EditError::Usage("the record cannot be edited".into())),
    }
}

/// The field's value now (`null` when absent).
fn current(obj: &Map<String, Value>, path: &FieldPath) -> Value {
    let v = obj.get(path.field.name);
    let v = match path.sub {
        Some(sub) => v.and_then(|r| r.get(sub.name)),
        None => v,
    };
    v.cloned().unwrap_or(Value::Null)
}

/// The field's value after `change`.
fn new_value(
    files: &Files,
    path: &FieldPath,
    old: &Value,
    change: Change,
) -> Result<Value, EditError> {
    let f = path.leaf();
    let name = path.name();
    let parse_all = |values: &[String]| -> Result<Vec<Value>, EditError> {
        values
            .iter()
            .map(|v| parse_value(files, f.ty, v, &name))
            .collect()
    };
    let present: Vec<Value> = old.as_array().cloned().unwrap_or_default();
    match change {
        Change::Unset if f.required => {
            Err(EditError::Usage(format!(
                "{name} is required and cannot be unset: set it to another value instead"
            )))
        }
        Change::Unset if f.list => Ok(Value::Array(Vec::new())),
        Change::Unset => Ok(Value::Null),
        Change::Set(values) if f.list => Ok(Value::Array(distinct(parse_all(&values)?))),
        Change::Set(values) => match values.as_slice() {
            [one] => parse_value(files, f.ty, one, &name),
            _ => Err(EditError::Usage(format!(
                "{name} takes one value; {} were given (quote a value that has spaces)",
                values.len()
            ))),
        },
        Change::Add(_) | Change::Remove(_) if !f.list => Err(EditError::Usage(format!(
            "--add and --remove change list fields (tags, aliases, about, topics, found_in); {name} holds one value: set it"
        ))),
        Change::Add(values) => {
            let mut list = present;
            list.extend(parse_all(&values)?);
            Ok(Value::Array(distinct(list)))
        }
        Change::Remove(values) => {
            let mut list = present;
            for v in parse_all(&values)? {
                let Some(k) = list.iter().position(|x| *x == v) else {
                    let shown: Vec<&str> = list.iter().filter_map(Value::as_str).collect();
                    let text = v.as_str().map_or_else(|| v.to_string(), String::from);
                    return Err(EditError::Usage(format!(
                        "{name} has no {}{}; it holds: {}",
                        quoted(&text),
                        crate::suggest::did_you_mean_suffix(&text, shown.iter().copied()),
                        if shown.is_empty() { "nothing".to_string() } else { shown.join(", ") }
                    )));
                };
                list.remove(k);
            }
            Ok(Value::Array(list))
        }
    }
}

/// `values` without repeats, in first-seen order.
fn distinct(values: Vec<Value>) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::with_capacity(values.len());
    for v in values {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// One value typed on the command line, parsed as the loader parses the file.
fn parse_value(files: &Files, ty: ValueType, text: &str, field: &str) -> Result<Value, EditError> {
    let bad = |e: crate::model::ValueError| EditError::Usage(format!("{field}: {}", e.0));
    let v = match ty {
        ValueType::Name if text.trim().is_empty() => {
            return Err(EditError::Usage(format!("{field} must not be empty")))
        }
        ValueType::Name | ValueType::Text => Value::String(text.to_string()),
        ValueType::Ref(r) => {
            let want = match r {
                Refers::Entity => Want::Entity,
                Refers::Document => Want::Document,
                Refers::Node => Want::Node,
            };
            Value::String(resolve(files, text, want)?.to_string())
        }
        ValueType::Date => Value::String(Date::new(text).map_err(bad)?.to_string()),
        ValueType::Kind => Value::String(Kind::parse(text).map_err(bad)?.to_string()),
        ValueType::Rel => Value::String(crate::model::Rel::parse(text).map_err(bad)?.to_string()),
        ValueType::Tag => Value::String(Tag::new(text).map_err(bad)?.to_string()),
        ValueType::Reliability => Value::String(String::from(Reliability::new(text).map_err(bad)?)),
        ValueType::Credibility => {
            let n = text.trim().parse::<i64>().map_err(|_| {
                EditError::Usage(format!(
                    "{field}: bad credibility {}: expected an integer 1-6",
                    quoted(text)
                ))
            })?;
            Value::from(Credibility::new(n).map_err(bad)?.value())
        }
        ValueType::Verdict => Value::String(Verdict::parse(text).map_err(bad)?.to_string()),
        ValueType::Id | ValueType::Review => {
            return Err(EditError::Usage(format!("{field} is not set this way")))
        }
    };
    Ok(v)
}

/// Writes `new` into the field of `obj` (removing it when null or an empty list).
fn put(
    obj: &mut Map<String, Value>,
    path: &FieldPath,
    new: Value,
    record: &str,
) -> Result<(), EditError> {
    let empty = new.is_null() || new.as_array().is_some_and(Vec::is_empty);
    let slot = match path.sub {
        None => obj,
        Some(_) => match obj.get_mut(path.field.name).and_then(Value::as_object_mut) {
            Some(review) => review,
            None if empty => return Ok(()),
            None => {
                return Err(EditError::Refused(format!(
                    "{record} has no review to change: add one with `claimgraph review CLAIM --verdict V --by ID`"
                )))
            }
        },
    };
    let name = path.leaf().name;
    if empty {
        slot.remove(name);
    } else {
        slot.insert(name.to_string(), new);
    }
    Ok(())
}

/// The names and aliases in `new` that were not in `old`.
fn added_names(old: &Value, new: &Value) -> Vec<String> {
    let list = |v: &Value| -> Vec<String> {
        match v {
            Value::String(s) => vec![s.clone()],
            Value::Array(a) => a
                .iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect(),
            _ => Vec::new(),
        }
    };
    let before = list(old);
    list(new)
        .into_iter()
        .filter(|n| !before.contains(n))
        .collect()
}

/// Refuses moving an edge (`set --edge ... in DOC`) onto the identity of another edge.
fn ensure_edge_free(files: &Files, at: At, obj: &Map<String, Value>) -> Result<(), EditError> {
    let moved: Edge = serde_json::from_value(Value::Object(obj.clone()))
        .map_err(|e| EditError::Usage(e.to_string()))?;
    for (f, file) in files.files.iter().enumerate() {
        for (i, e) in file.data.edges.iter().enumerate() {
            if (f, i) != (at.0, at.2) && e.same_key(&moved) {
                return Err(EditError::Refused(format!(
                    "the edge {} is already in {}: an edge is one relation in one document",
                    describe(e),
                    file.name()
                )));
            }
        }
    }
    Ok(())
}

/// Rebuilds the record from `obj` through its serde type (which checks every value again)
/// and puts it back in place.
fn store(files: &mut Files, (f, array, i): At, obj: Map<String, Value>) -> Result<(), EditError> {
    let v = Value::Object(obj);
    let bad =
        |e: serde_json::Error| EditError::Usage(format!("the edited record is not valid: {e}"));
    let d = &mut files.files[f].data;
    match array {
        Array::Documents => d.documents[i] = serde_json::from_value::<Document>(v).map_err(bad)?,
        Array::Entities => d.entities[i] = serde_json::from_value::<Entity>(v).map_err(bad)?,
        Array::Claims => d.claims[i] = serde_json::from_value::<Claim>(v).map_err(bad)?,
        Array::Edges => d.edges[i] = serde_json::from_value::<Edge>(v).map_err(bad)?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::edges::Which;
    use crate::edit::tests::split;
    use crate::model::Rel;

    fn rec(id: &str) -> Target {
        Target::Record(id.into())
    }

    fn vals(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn set_replaces_a_value_and_reports_old_and_new() {
        let mut f = split();
        let c = set(
            &mut f,
            &rec("c1"),
            "date",
            Change::Set(vals(&["2024-06"])),
            false,
        )
        .unwrap();
        assert_eq!((c.record.as_str(), c.field.as_str()), ("claim c1", "date"));
        assert_eq!((c.old, c.new), (Value::Null, Value::from("2024-06")));
        assert_eq!(
            f.files[1].data.claims[0].date,
            Some(Date::new("2024-06").unwrap())
        );
        let c = set(
            &mut f,
            &rec("NIS"),
            "reliability",
            Change::Set(vals(&["B"])),
            false,
        )
        .unwrap();
        assert_eq!(c.record, "entity nis");
        set(
            &mut f,
            &rec("c1"),
            "credibility",
            Change::Set(vals(&["2"])),
            false,
        )
        .unwrap();
        set(
            &mut f,
            &rec("doc1"),
            "published",
            Change::Set(vals(&["2024-06-18"])),
            false,
        )
        .unwrap();
        f.validate().unwrap();
    }

    #[test]
    fn list_fields_take_several_values_and_add_or_remove_one() {
        let mut f = split();
        set(
            &mut f,
            &rec("nis"),
            "tags",
            Change::Set(vals(&["intelligence", "government"])),
            false,
        )
        .unwrap();
        let c = set(
            &mut f,
            &rec("nis"),
            "tags",
            Change::Add(vals(&["military", "government"])),
            false,
        )
        .unwrap();
        assert_eq!(
            c.new,
            serde_json::json!(["intelligence", "government", "military"])
        );
        let c = set(
            &mut f,
            &rec("nis"),
            "tags",
            Change::Remove(vals(&["government"])),
            false,
        )
        .unwrap();
        assert_eq!(c.new, serde_json::json!(["intelligence", "military"]));
        let e = set(
            &mut f,
            &rec("nis"),
            "tags",
            Change::Remove(vals(&["militar"])),
            false,
        )
        .unwrap_err();
        assert!(e.to_string().contains("did you mean \"military\""), "{e}");
        let c = set(
            &mut f,
            &rec("c1"),
            "about",
            Change::Add(vals(&["South Korea"])),
            false,
        )
        .unwrap();
        assert_eq!(c.new, serde_json::json!(["nk", "sk"]));
        f.validate().unwrap();
    }

    #[test]
    fn values_are_checked_like_the_loader_checks_them() {
        let mut f = split();
        for (id, field, value, needle) in [
            ("c1", "date", "2024-02-30", "bad date"),
            ("nis", "kind", "agency", "unknown kind \"agency\""),
            ("nis", "tags", "Spy Agency", "bad tag"),
            ("nis", "reliability", "G", "bad reliability"),
            ("c1", "credibility", "seven", "bad credibility"),
            ("c1", "about", "north-corea", "did you mean \"nk\""),
            ("c1", "found_in", "nis", "is an entity; expected a document"),
            ("nis", "name", " ", "must not be empty"),
            ("nis", "aliase", "x", "did you mean \"aliases\""),
        ] {
            let e = set(&mut f, &rec(id), field, Change::Set(vals(&[value])), false).unwrap_err();
            assert!(matches!(e, EditError::Usage(_)), "{field}: {e}");
            assert!(e.to_string().contains(needle), "{field}: {e}");
        }
        assert!(f.files.iter().all(|x| !x.touched()));
    }

    #[test]
    fn ids_identities_and_required_fields_are_refused() {
        let mut f = split();
        let e = set(&mut f, &rec("nis"), "id", Change::Set(vals(&["x"])), false).unwrap_err();
        assert!(e.to_string().contains("claimgraph rename"), "{e}");
        let e = set(&mut f, &rec("nis"), "name", Change::Unset, false).unwrap_err();
        assert!(e.to_string().contains("required"), "{e}");
        let e = set(
            &mut f,
            &rec("nis"),
            "note",
            Change::Set(vals(&["a", "b"])),
            false,
        )
        .unwrap_err();
        assert!(e.to_string().contains("takes one value"), "{e}");
        let e = set(
            &mut f,
            &rec("nis"),
            "note",
            Change::Add(vals(&["a"])),
            false,
        )
        .unwrap_err();
        assert!(e.to_string().contains("list fields"), "{e}");
        let edge = Target::Edge(EdgeAddress {
            from: "dw".into(),
            rel: Rel::Asserts,
            to: "c1".into(),
            which: Which::Only,
        });
        let e = set(&mut f, &edge, "to", Change::Set(vals(&["c1"])), false).unwrap_err();
        assert!(e.to_string().contains("unlink it and link"), "{e}");
    }

    #[test]
    fn an_entity_cannot_take_a_name_another_entity_has_unless_forced() {
        let mut f = split();
        let e = set(
            &mut f,
            &rec("dw"),
            "aliases",
            Change::Add(vals(&["nis"])),
            false,
        )
        .unwrap_err();
        assert!(
            matches!(e, EditError::Refused(ref m) if m.contains("entity \"nis\"")),
            "{e}"
        );
        // Its own names are no clash.
        set(
            &mut f,
            &rec("nis"),
            "aliases",
            Change::Add(vals(&["national intelligence service"])),
            false,
        )
        .unwrap();
        set(
            &mut f,
            &rec("dw"),
            "aliases",
            Change::Add(vals(&["NIS"])),
            true,
        )
        .unwrap();
    }

    #[test]
    fn review_fields_and_edge_fields() {
        let mut f = split();
        let e = set(
            &mut f,
            &rec("c1"),
            "review.verdict",
            Change::Set(vals(&["false"])),
            false,
        )
        .unwrap_err();
        assert!(
            matches!(e, EditError::Refused(ref m) if m.contains("has no review")),
            "{e}"
        );
        crate::edit::review(&mut f, "c1", Verdict::Mixed, "dw", None, None).unwrap();
        let c = set(
            &mut f,
            &rec("c1"),
            "review.verdict",
            Change::Set(vals(&["false"])),
            false,
        )
        .unwrap();
        assert_eq!((c.old, c.new), (Value::from("mixed"), Value::from("false")));
        let e = set(&mut f, &rec("c1"), "review.by", Change::Unset, false).unwrap_err();
        assert!(e.to_string().contains("required"), "{e}");
        set(&mut f, &rec("c1"), "review", Change::Unset, false).unwrap();
        assert!(f.files[1].data.claims[0].review.is_none());
        let edge = |which| {
            Target::Edge(EdgeAddress {
                from: "nis".into(),
                rel: Rel::Asserts,
                to: "c1".into(),
                which,
            })
        };
        let c = set(
            &mut f,
            &edge(Which::Only),
            "quote",
            Change::Set(vals(&["they said"])),
            false,
        )
        .unwrap();
        assert_eq!(c.record, "edge nis asserts c1");
        set(
            &mut f,
            &edge(Which::NoDocument),
            "in",
            Change::Set(vals(&["doc1"])),
            false,
        )
        .unwrap();
        assert_eq!(
            f.files[2].data.edges[1].in_doc.as_ref().unwrap().as_str(),
            "doc1"
        );
        f.validate().unwrap();
        let dw = Target::Edge(EdgeAddress {
            from: "dw".into(),
            rel: Rel::Asserts,
            to: "c1".into(),
            which: Which::Only,
        });
        set(&mut f, &dw, "in", Change::Unset, false).unwrap();
        // Moving an edge onto another's identity is refused.
        crate::edit::link(
            &mut f,
            crate::edit::NewEdge {
                from: "dw".into(),
                rel: Rel::Asserts,
                to: "c1".into(),
                in_doc: Some("doc1".into()),
                quote: None,
                date: None,
                note: None,
            },
            None,
        )
        .unwrap();
        let e = set(
            &mut f,
            &dw_in(None),
            "in",
            Change::Set(vals(&["doc1"])),
            false,
        )
        .unwrap_err();
        assert!(
            matches!(e, EditError::Refused(ref m) if m.contains("already in")),
            "{e}"
        );
    }

    fn dw_in(doc: Option<&str>) -> Target {
        Target::Edge(EdgeAddress {
            from: "dw".into(),
            rel: Rel::Asserts,
            to: "c1".into(),
            which: doc.map_or(Which::NoDocument, |d| Which::In(d.into())),
        })
    }
}
