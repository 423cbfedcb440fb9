//! Load errors a person can fix: each one with the offending line of its file, a caret under
//! the column, the JSON path, and a hint on what to do; many errors capped with "and N more".
//!
//! The loader's [`Diagnostic`] says where (file, line, column, path) and what; this module
//! re-reads the file to quote the line, so the library keeps no copy of the text around.

use super::style::{Paint, Role};
use super::table::display_width;
use claimgraph::diag::{Diagnostic, Severity};
use std::collections::HashMap;
use std::fmt::Write as _;

/// How many columns of a long line are quoted around the caret.
const WINDOW: usize = 90;

/// Renders diagnostics, reading each file at most once.
#[derive(Default)]
pub struct Renderer {
    paint: Paint,
    files: HashMap<String, Option<String>>,
}

impl Renderer {
    /// A renderer painting with `paint`.
    pub fn new(paint: Paint) -> Self {
        Renderer {
            paint,
            files: HashMap::new(),
        }
    }

    /// The first `full` diagnostics rendered in full; the rest one line each when
    /// `list_rest`, else counted; then "and N more" for what is neither shown nor listed
    /// (including `more`, errors the loader counted but did not keep).
    pub fn render_all(
        &mut self,
        diags: &[Diagnostic],
        more: usize,
        full: usize,
        list_rest: bool,
    ) -> String {
        let mut out = String::new();
        for (i, d) in diags.iter().take(full).enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&self.render(d));
        }
        let mut rest = diags.len().saturating_sub(full);
        if list_rest {
            for d in diags.iter().skip(full) {
                let _ = writeln!(out, "{}", self.header(d));
            }
            rest = 0;
        }
        let rest = rest + more;
        if rest > 0 {
            let noun = if rest == 1 { "error" } else { "errors" };
            let _ = writeln!(out, "and {rest} more {noun}");
        }
        out
    }

    /// One diagnostic: the `file:line:col: path: message` line that editors and grep
    /// understand, the quoted line with a caret under the value, and a hint.
    pub fn render(&mut self, d: &Diagnostic) -> String {
        let p = self.paint;
        let mut out = self.header(d);
        out.push('\n');
        if let (Some(l), Some(c)) = (d.line, d.column) {
            if let Some(line) = self.line_of(&d.file, l) {
                out.push_str(&snippet(p, l, &line, c));
            }
        }
        if let Some(h) = hint(d) {
            let _ = writeln!(out, "  {} {h}", p.paint(Role::Dim, "= hint:"));
        }
        out
    }

    /// The one-line form, coloured by severity.
    fn header(&self, d: &Diagnostic) -> String {
        let role = match d.severity {
            Severity::Error => Role::Bad,
            Severity::Warning => Role::Warn,
        };
        self.paint.paint(role, &d.to_string())
    }

    /// Line `n` (1-based) of `file`, or None when it cannot be read.
    fn line_of(&mut self, file: &str, n: usize) -> Option<String> {
        let text = self.files.entry(file.to_string()).or_insert_with(|| {
            claimgraph::load::read_regular(std::path::Path::new(file))
                .ok()
                .map(|b| lossy(&b))
        });
        let text = text.as_deref()?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        text.split('\n')
            .nth(n.checked_sub(1)?)
            .map(|l| l.trim_end_matches('\r').to_string())
    }
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The gutter, the line (a window of it when long) and a caret run under the value that
/// starts at character `column` (1-based).
fn snippet(p: Paint, line_no: usize, line: &str, column: usize) -> String {
    let chars: Vec<char> = line
        .chars()
        .map(|c| {
            let acts = c.is_control() || claimgraph::text::is_unsafe_for_terminal(c);
            if acts {
                ' '
            } else {
                c
            }
        })
        .collect();
    let col = column.saturating_sub(1).min(chars.len());
    let len = token_len(&chars[col..]).max(1);
    let (start, end) = window(&chars, col, len);
    let mut shown: String = chars[start..end].iter().collect();
    let mut lead = String::new();
    if start > 0 {
        lead.push('…');
    }
    if end < chars.len() {
        shown.push('…');
    }
    let before: String = chars[start..col].iter().collect();
    let pad = display_width(&lead) + display_width(&before);
    let carets: String = chars[col..(col + len).min(end)].iter().collect();
    let carets = "^".repeat(display_width(&carets).max(1));
    let num = line_no.to_string();
    let gutter = " ".repeat(num.len());
    let bar = p.paint(Role::Dim, "|");
    format!(
        "  {gutter} {bar}\n  {} {bar} {lead}{shown}\n  {gutter} {bar} {}{}\n",
        p.paint(Role::Dim, &num),
        " ".repeat(pad),
        p.paint(Role::Caret, &carets)
    )
}

/// The character range of `chars` to quote: all of it when short, else a window around the
/// marked run `col..col+len`.
fn window(chars: &[char], col: usize, len: usize) -> (usize, usize) {
    if chars.len() <= WINDOW {
        return (0, chars.len());
    }
    let start = col.saturating_sub(WINDOW / 3);
    let end = (start + WINDOW).max(col + len.min(WINDOW)).min(chars.len());
    (start, end)
}

/// The length of the JSON token starting `rest`: a whole string with its quotes, a number or
/// word, else one character.
fn token_len(rest: &[char]) -> usize {
    match rest.first() {
        Some('"') => {
            let mut escaped = false;
            for (i, &c) in rest.iter().enumerate().skip(1) {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => return i + 1,
                    _ => {}
                }
            }
            rest.len()
        }
        Some(c) if c.is_alphanumeric() || *c == '-' => rest
            .iter()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '+'))
            .count(),
        _ => 1,
    }
}

/// What to do about a diagnostic, when the message itself does not already say it.
fn hint(d: &Diagnostic) -> Option<String> {
    let m = d.message.as_str();
    let h = match d.code {
        "syntax" if m.contains("trailing comma") => {
            "JSON allows no comma after the last item of a list or object: delete it"
        }
        "syntax" if m.contains("key must be a string") => {
            "keys need double quotes (\"id\", not id or 'id'); JSON has no comments"
        }
        "syntax" if m.contains("expected `,` or") => {
            "a comma or a closing bracket is missing at the end of the previous item"
        }
        "syntax" if m.contains("top level") => {
            "wrap the records in one object: {\"claims\": [...], \"edges\": [...]}"
        }
        "syntax" | "encoding" => "a JSON linter or `python3 -m json.tool FILE` shows the same spot",
        "type" if m.contains("unknown field") => {
            "unknown fields are an error because they are almost always typos; the accepted ones are listed above"
        }
        "type" if m.contains("missing field") => "add the field, or remove the record",
        "type" => "the value has the wrong type (a string where a list is expected, or the reverse)",
        "unknown-id" if m.contains("did you mean") => {
            "fix the spelling, or add the record it names"
        }
        "unknown-id" => {
            "define it in one of the graph's files, or use an existing id (`claimgraph entities --format ids` lists the entities)"
        }
        "duplicate-id" => {
            "documents, entities and claims share one namespace: rename one of the two"
        }
        "direction" => {
            "entities assert or deny claims; claims and entities cite entities or claims"
        }
        "part-of-cycle" => "remove one part_of link so that the chain ends at a top-level entity",
        "unreadable" => "check the path given to --graph (or CLAIMGRAPH_GRAPH) and the file's permissions",
        _ => return None,
    };
    Some(h.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carets_cover_the_whole_string_value() {
        let s = snippet(
            Paint::new(false),
            7,
            r#"  { "from": "nsi", "to": "c1" }"#,
            13,
        );
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines[1], r#"  7 |   { "from": "nsi", "to": "c1" }"#);
        assert_eq!(lines[2], "    |             ^^^^^");
    }

    #[test]
    fn a_long_line_is_quoted_around_the_column() {
        let line = format!("{}\"bad\"{}", "x".repeat(500), "y".repeat(500));
        let s = snippet(Paint::new(false), 1, &line, 501);
        let lines: Vec<&str> = s.lines().collect();
        assert!(display_width(lines[1]) < WINDOW + 12, "{}", lines[1]);
        let caret_at = lines[2].chars().position(|c| c == '^').unwrap();
        let under: String = lines[1].chars().skip(caret_at).take(5).collect();
        assert_eq!(under, "\"bad\"");
    }

    #[test]
    fn wide_characters_before_the_column_shift_the_caret() {
        let s = snippet(Paint::new(false), 1, "\"한국\": x", 7);
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines[2], "    |         ^");
    }

    #[test]
    fn many_errors_are_capped_with_a_count() {
        let d = Diagnostic::error("nowhere.json", None, "value", "bad".into());
        let mut r = Renderer::new(Paint::new(false));
        let out = r.render_all(&vec![d.clone(); 5], 3, 2, false);
        assert_eq!(out.matches("nowhere.json: bad").count(), 2);
        assert!(out.ends_with("and 6 more errors\n"), "{out}");
        let out = r.render_all(&vec![d; 5], 3, 2, true);
        assert_eq!(out.matches("nowhere.json: bad").count(), 5);
        assert!(out.ends_with("and 3 more errors\n"), "{out}");
    }
}
