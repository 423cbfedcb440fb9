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

/// Locates many paths in one text: the elements of each top-level array are found in one
/// pass over the array (the first time a path names it), and line starts in one pass over
/// the text, so that locating thousands of warnings stays linear in the file's size.
pub struct Locator<'t> {
    text: &'t str,
    /// Start offsets of the elements of each top-level array, by key.
    arrays: Vec<(&'static str, Vec<usize>)>,
    /// Offset of the start of every line.
    lines: Vec<usize>,
}

impl<'t> Locator<'t> {
    pub fn new(text: &'t str) -> Locator<'t> {
        let mut lines = vec![0];
        lines.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, c)| c == b'\n')
                .map(|(i, _)| i + 1),
        );
        Locator {
            text,
            arrays: Vec::new(),
            lines,
        }
    }

    /// Line and column (1-based, in characters) of the value at `path`, or of the deepest
    /// enclosing value found.
    pub fn line_col(&mut self, path: &[Step<'_>]) -> Option<(usize, usize)> {
        let off = self.offset_of(path)?;
        let mut off = off.min(self.text.len());
        while !self.text.is_char_boundary(off) {
            off -= 1;
        }
        let line = self.lines.partition_point(|&start| start <= off);
        let start = self.lines[line - 1];
        Some((line, self.text[start..off].chars().count() + 1))
    }

    fn offset_of(&mut self, path: &[Step<'_>]) -> Option<usize> {
        let (Some(Step::Key(key)), Some(Step::Index(i))) = (path.first(), path.get(1)) else {
            return offset_of(self.text, path);
        };
        let Some(elements) = self.elements(key) else {
            return offset_of(self.text, path);
        };
        let Some(&start) = elements.get(*i) else {
            return offset_of(self.text, &path[..1]);
        };
        let b = self.text.as_bytes();
        let mut pos = start;
        for step in &path[2..] {
            let found = match step {
                Step::Key(k) => find_key(b, pos, k),
                Step::Index(i) => find_index(b, pos, *i),
            };
            match found {
                Some(p) => pos = p,
                None => break,
            }
        }
        Some(pos)
    }

    /// Start offsets of the elements of the top-level array `key`, if it is one of the
    /// file's arrays (empty when the file lacks it).
    fn elements(&mut self, key: &str) -> Option<&[usize]> {
        let key: &'static str = FILE_KEYS.iter().find(|k| **k == key).copied()?;
        let k = match self.arrays.iter().position(|(name, _)| *name == key) {
            Some(k) => k,
            None => {
                let b = self.text.as_bytes();
                let starts = find_key(b, skip_ws(b, 0), key)
                    .map(|at| element_starts(b, at))
                    .unwrap_or_default();
                self.arrays.push((key, starts));
                self.arrays.len() - 1
            }
        };
        Some(&self.arrays[k].1)
    }
}

/// The top-level keys a [`Locator`] indexes.
const FILE_KEYS: &[&str] = &["documents", "entities", "claims", "edges"];

/// Byte spans of the elements of the array that is the value of the top-level member `key`
/// of the JSON object `b`: `None` unless `b` is an object with a member of that name whose
/// value is an array, and no member before it has a name written with an escape (whose
/// meaning this scanner does not decode). It expects text the loader has accepted, which
/// refuses a member given twice, so the scan stops at the member it looks for.
pub fn top_level_array(b: &[u8], key: &str) -> Option<Vec<std::ops::Range<usize>>> {
    let at = top_level_member(b, key)?;
    if b.get(at) != Some(&b'[') {
        return None;
    }
    let mut spans = Vec::new();
    let mut j = skip_ws(b, at + 1);
    while j < b.len() && b[j] != b']' {
        let end = skip_value(b, j);
        spans.push(j..end);
        j = skip_ws(b, end);
        if b.get(j) != Some(&b',') {
            break;
        }
        j = skip_ws(b, j + 1);
    }
    Some(spans)
}

/// Offset of the value of the top-level member `key` of the object `b`, when no member
/// before it has an escape in its name.
fn top_level_member(b: &[u8], key: &str) -> Option<usize> {
    member(b, skip_ws(b, 0), key, true)
}

/// Start offsets of the elements of the array at `i` (empty if it is not an array).
fn element_starts(b: &[u8], i: usize) -> Vec<usize> {
    let mut starts = Vec::new();
    if b.get(i) != Some(&b'[') {
        return starts;
    }
    let mut j = skip_ws(b, i + 1);
    while j < b.len() && b[j] != b']' {
        starts.push(j);
        j = skip_ws(b, skip_value(b, j));
        if b.get(j) != Some(&b',') {
            break;
        }
        j = skip_ws(b, j + 1);
    }
    starts
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
    member(b, i, key, false)
}

/// Offset of the value of `key` in the object at `i`; with `plain`, `None` as soon as a
/// member name before it has an escape (whose meaning this scanner does not decode).
fn member(b: &[u8], i: usize, key: &str, plain: bool) -> Option<usize> {
    if b.get(i) != Some(&b'{') {
        return None;
    }
    let mut j = skip_ws(b, i + 1);
    while j < b.len() && b[j] == b'"' {
        let end = skip_string(b, j);
        let name = &b[j + 1..end.saturating_sub(1).max(j + 1)];
        if plain && name.contains(&b'\\') {
            return None;
        }
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
    fn a_top_level_array_gives_each_element_span() {
        let text = br#" { "documents": [{"id": "]"}], "entities" : [ {"id": "a", "n": "x\"}"} ,
            {"id": "b"}], "claims": [] }"#;
        let spans = top_level_array(text, "entities").unwrap();
        let got: Vec<&[u8]> = spans.into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            [&br#"{"id": "a", "n": "x\"}"}"#[..], &br#"{"id": "b"}"#[..]]
        );
        assert_eq!(top_level_array(text, "claims"), Some(vec![]));
        assert_eq!(top_level_array(text, "edges"), None);
        // Not an array, or a member name with an escape before it: no answer.
        assert_eq!(top_level_array(br#"{"entities": {}}"#, "entities"), None);
        let escaped = br#"{"entit\u0069es": [], "entities": [{"id": "a"}]}"#;
        assert_eq!(top_level_array(escaped, "entities"), None);
        assert_eq!(top_level_array(b"[]", "entities"), None);
    }

    #[test]
    fn a_missing_step_stops_at_the_deepest_value_found() {
        let text = r#"{"edges": [{"from": "x"}]}"#;
        let off = offset_of(text, &parse_path("edges[0].to")).unwrap();
        assert!(text[off..].starts_with("{\"from\""));
    }

    #[test]
    fn a_locator_agrees_with_the_one_off_search() {
        let text = "{\"claims\": [{\"id\": \"a\"},\n {\"id\": \"b\", \"about\": [\"x\", \"한\"]}],\n \"edges\": [{\"from\": \"x\", \"to\": \"a\"}]}";
        let mut l = Locator::new(text);
        for path in [
            "claims[1].about[1]",
            "claims[0].id",
            "claims[7].id",
            "edges[0].to",
            "edges",
            "documents[0].id",
        ] {
            let steps = parse_path(path);
            let expected = offset_of(text, &steps).map(|o| crate::diag::line_col(text, o));
            assert_eq!(l.line_col(&steps), expected, "{path}");
        }
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
