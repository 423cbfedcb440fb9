//! Fields of a JSON-LD object read with located problems: the JSON path of what is wrong and
//! why, so that a malformed ClaimReview file is reported like a bad graph file.

use serde_json::{Map, Value};

/// A located problem: the JSON path and what is wrong.
pub struct Problem {
    pub(super) path: String,
    pub(super) message: String,
}

/// `path.key`, or `key` at the top.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// A problem at `key` of the object at `path`.
pub fn problem(path: &str, key: &str, message: impl Into<String>) -> Problem {
    Problem {
        path: join(path, key),
        message: message.into(),
    }
}

/// A non-empty string field.
pub fn text<'v>(
    o: &'v Map<String, Value>,
    path: &str,
    key: &str,
) -> Result<Option<&'v str>, Problem> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(Some(s.trim())),
        Some(Value::String(_)) => Err(problem(path, key, "must not be empty")),
        Some(_) => Err(problem(path, key, "expected a string")),
    }
}
