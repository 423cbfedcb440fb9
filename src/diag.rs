//! Located messages: errors and warnings that name a file, a line and column, a JSON path.

use std::fmt;

/// How bad a diagnostic is: errors make a graph invalid, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One message about the graph, located as precisely as the input allows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file as the user named it (or the graph path when no single file is to blame).
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The JSON path of the offending value, e.g. `edges[12].to`.
    pub path: Option<String>,
    /// A short machine-readable name of the check (`unknown-id`, `ungrounded`, ...).
    pub code: &'static str,
    pub message: String,
}

impl Diagnostic {
    /// An error in `file` at JSON path `path`.
    pub fn error(file: &str, path: Option<String>, code: &'static str, message: String) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            line: None,
            column: None,
            path,
            code,
            message,
        }
    }

    /// A warning in `file` at JSON path `path`.
    pub fn warning(file: &str, path: Option<String>, code: &'static str, message: String) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, path, code, message)
        }
    }

    /// The same diagnostic at `line`:`column` (1-based).
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:col: path: message`, leaving out what is unknown. The file name is shown
    /// terminal-safe (a file may be named anything).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", crate::text::terminal_safe(&self.file))?;
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, ":{l}:{c}")?;
        }
        if self.severity == Severity::Warning {
            write!(f, ": warning")?;
        }
        if let Some(p) = &self.path {
            write!(f, ": {p}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "{\n  \"a\": \"한국\", \"b\"";
        let off = text.find("\"b\"").unwrap();
        assert_eq!(line_col(text, off), (2, 14));
        assert_eq!(line_col(text, 0), (1, 1));
    }

    #[test]
    fn display_leaves_out_unknown_parts() {
        let d = Diagnostic::error("g.json", Some("edges[0].to".into()), "x", "bad".into()).at(3, 7);
        assert_eq!(d.to_string(), "g.json:3:7: edges[0].to: bad");
        let w = Diagnostic::warning("g.json", None, "x", "meh".into());
        assert_eq!(w.to_string(), "g.json: warning: meh");
    }
}
