//! Finds where a JSON path (`edges[12].to`) sits in a file's text, so that errors found
//! after parsing can still point at a line and column.
//!
//! A small iterative scanner: it never builds a value and never recurses, so hostile
//! nesting cannot overflow the stack.

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Parses `a[3].b` / `a[3].b[0]` into steps. Keys are plain identifiers.
pub fn parse_path(path: &str) -> Vec<Step<'_>> {
    let mut steps = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !key.is_empty() {
            steps.push(Step::Key(key));
        }
        while let Some(end) = rest.find(']') {
            if let Ok(i) = rest[1..end].parse() {
                steps.push(Step::Index(i));
            }
            rest = &rest[end + 1..];
        }
    }
    steps
}

/// Byte offset of the value at `path` in `text`, or of the deepest enclosing value found.
pub fn offset_of(text: &str, path: &[Step<'_>]) -> Option<usize> {
    let b = text.as_bytes();
    let mut pos = skip_ws(b, 0);
    for step in path {
        let found = match step {
            Step::Key(k) => find_key(b, pos, k),
            Step::Index(i) => find_index(b, pos, *i),
        };
        match found {
            Some(p) => pos = p,
            None => return Some(pos),
        }
    }
    Some(pos)
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// End (exclusive) of the string starting at `i` (on its opening quote).
fn skip_string(b: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// End (exclusive) of the value starting at `i`.
fn skip_value(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'"') => skip_string(b, i),
        Some(b'{') | Some(b'[') => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = skip_string(b, j);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return j + 1;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            b.len()
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']') && !b[j].is_ascii_whitespace()
            {
                j += 1;
            }
            j
        }
    }
}

/// Offset of the value of `key` in the object at `i`.
fn find_key(b: &[u8], i: usize, key: &str) -> Option<usize> {
    if b.get(i) != Some(&b'{') {
        return None;
    }
    let mut j = skip_ws(b, i + 1);
    while j < b.len() && b[j] == b'"' {
        let end = skip_string(b, j);
        let name = &b[j + 1..end.saturating_sub(1).max(j + 1)];
        j = skip_ws(b, end);
        if b.get(j) != Some(&b':') {
            return None;
        }
        j = skip_ws(b, j + 1);
        if name == key.as_bytes() {
            return Some(j);
        }
        j = skip_ws(b, skip_value(b, j));
        if b.get(j) == Some(&b',') {
            j = skip_ws(b, j + 1);
        }
    }
    None
}

/// Offset of element `n` of the array at `i`.
fn find_index(b: &[u8], i: usize, n: usize) -> Option<usize> {
    if b.get(i) != Some(&b'[') {
        return None;
    }
    let mut j = skip_ws(b, i + 1);
    for _ in 0..n {
        if j >= b.len() || b[j] == b']' {
            return None;
        }
        j = skip_ws(b, skip_value(b, j));
        if b.get(j) != Some(&b',') {
            return None;
        }
        j = skip_ws(b, j + 1);
    }
    (j < b.len() && b[j] != b']').then_some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values() {
        let text = r#"{"claims": [{"id": "a"}], "edges": [{"from": "x", "to": "a"}, {"from": "y", "to": "q]\"z"}, {"from": "z", "to": "b"}]}"#;
        let off = offset_of(text, &parse_path("edges[2].to")).unwrap();
        assert_eq!(&text[off..off + 3], "\"b\"");
        let off = offset_of(text, &parse_path("edges[1]")).unwrap();
        assert!(text[off..].starts_with("{\"from\": \"y\""));
    }

    #[test]
    fn a_missing_step_stops_at_the_deepest_value_found() {
        let text = r#"{"edges": [{"from": "x"}]}"#;
        let off = offset_of(text, &parse_path("edges[0].to")).unwrap();
        assert!(text[off..].starts_with("{\"from\""));
    }

    #[test]
    fn paths_parse_keys_and_indices() {
        assert_eq!(
            parse_path("claims[3].about[1]"),
            vec![
                Step::Key("claims"),
                Step::Index(3),
                Step::Key("about"),
                Step::Index(1)
            ]
        );
    }
}
