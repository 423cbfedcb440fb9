//! Aligned text tables that fit the terminal: the last column is truncated with "…" so that
//! each row stays on one line of the terminal width (`COLUMNS`, else 80). Every cell is made
//! terminal-safe here (newlines and tabs become spaces, other controls and bidi overrides
//! are shown escaped) before it is measured, so no command can print a raw one in a table.

use std::io::{self, Write};

/// The width to fit: `$COLUMNS` when set to a sane number, else 80.
pub fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w: &usize| (20..=1000).contains(&w))
        .unwrap_or(80)
}

pub use claimgraph::text::display_width;

pub use claimgraph::text::truncate;

/// Writes `rows` under `header`, columns padded to their widest cell (at most `caps[i]`),
/// the last column cut to fit `total` columns.
pub fn write(
    out: &mut dyn Write,
    header: &[&str],
    rows: &[Vec<String>],
    caps: &[usize],
    total: usize,
) -> io::Result<()> {
    let n = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| display_width(h)).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(n - 1) {
            widths[i] = widths[i].max(display_width(cell).min(caps[i]));
        }
    }
    let used: usize = widths[..n - 1].iter().map(|w| w + 2).sum();
    let last = total.saturating_sub(used).max(12);
    let line = |out: &mut dyn Write, cells: &mut dyn Iterator<Item = &str>| -> io::Result<()> {
        let mut s = String::new();
        for (i, cell) in cells.enumerate() {
            if i + 1 < n {
                let cell = truncate(cell, widths[i]);
                let pad = widths[i] - display_width(&cell);
                s.push_str(&cell);
                s.extend(std::iter::repeat_n(' ', pad + 2));
            } else {
                s.push_str(&truncate(cell, last));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(out, &mut header.iter().copied())?;
    for row in rows {
        line(out, &mut row.iter().map(String::as_str))?;
    }
    Ok(())
}

/// Wraps `text` into lines of at most `width` columns, breaking at spaces (a word longer
/// than the width is cut).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let word = truncate(word, width);
        if !cur.is_empty() && display_width(&cur) + 1 + display_width(&word) > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(&word);
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_respects_wide_characters() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
        assert_eq!(display_width(&truncate("한국어한국어", 5)), 5);
        assert_eq!(truncate("a\nb", 10), "a b");
        assert_eq!(truncate("a\u{1b}[2J\u{202e}", 40), "a\\u{1b}[2J\\u{202e}");
    }

    #[test]
    fn rows_fit_the_width() {
        let mut out = Vec::new();
        let rows = vec![vec!["id-1".to_string(), "x".repeat(200)]];
        write(&mut out, &["ID", "TEXT"], &rows, &[30, 0], 80).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.lines().all(|l| display_width(l) <= 80), "{s}");
    }

    #[test]
    fn wrap_breaks_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("abcdefgh", 4), vec!["abc…"]);
    }
}
