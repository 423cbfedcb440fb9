//! Turning user text into DOT strings that Graphviz reads back verbatim.
//!
//! Graphviz rewrites what it reads inside a quoted string: `\N`, `\G`, `\l` and friends
//! expand, a backslash before anything else vanishes, HTML entities (`&amp;`, `&#945;`) are
//! decoded, a quoted string longer than 16,381 bytes on one line is a syntax error, and
//! control characters pass into SVG output where they make the XML invalid. So every string
//! from a graph goes through [`quote`]: backslashes and quotes are escaped, `&` becomes
//! `&amp;` (decoded back to `&`), line breaks become `\n`, characters that SVG cannot hold are
//! dropped, and the result is capped well under the length limit. Wrapping and capping of
//! long text happen before, in [`lines`].

use std::borrow::Cow;

/// The longest quoted string written (Graphviz rejects lines over 16,381 bytes).
pub const MAX_QUOTED_BYTES: usize = 8_000;

/// `text` as a DOT quoted string (with its quotes) whose value, once Graphviz has read it,
/// is `text` without the characters [`keep`] drops. Newlines become line breaks.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if out.len() > MAX_QUOTED_BYTES - 16 {
            out.push('…');
            break;
        }
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '&' => out.push_str("&amp;"),
            '\t' => out.push(' '),
            c if keep(c) => out.push(c),
            _ => {}
        }
    }
    out.push('"');
    out
}

/// Whether a character can stand in a label: not a control character (line breaks are
/// handled apart) and a legal XML character, so SVG output stays well formed.
pub fn keep(c: char) -> bool {
    !c.is_control() && c != '\u{FFFE}' && c != '\u{FFFF}'
}

/// `text` with tabs turned into spaces and everything [`keep`] refuses removed, except line
/// breaks (`\r\n` and `\r` become `\n`).
pub fn clean(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if keep(c) => Some(c),
            _ => None,
        })
        .collect()
}

/// `text` cut to at most `max` characters, with `…` marking a cut.
pub fn cap(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some(_) => {
            let keep_to = text
                .char_indices()
                .nth(max.saturating_sub(1))
                .map_or(text.len(), |(i, _)| i);
            Cow::Owned(format!("{}…", text[..keep_to].trim_end()))
        }
    }
}

/// `text` word-wrapped into lines of about `width` columns. Line breaks in the text are
/// kept; runs of spaces collapse; a word longer than a line is split.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in para.split_whitespace() {
            for piece in split_long(word, width) {
                let w: usize = piece
                    .chars()
                    .map(|c| crate::text::char_width(c).max(1))
                    .sum();
                if used > 0 && used + 1 + w > width {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                if used > 0 {
                    line.push(' ');
                    used += 1;
                }
                line.push_str(piece);
                used += w;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// `word` in pieces of at most `width` columns.
fn split_long(word: &str, width: usize) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut used = 0;
    for (i, c) in word.char_indices() {
        let w = crate::text::char_width(c).max(1);
        if used > 0 && used + w > width {
            pieces.push(&word[start..i]);
            start = i;
            used = 0;
        }
        used += w;
    }
    pieces.push(&word[start..]);
    pieces
}

/// User text ready for a label: cleaned, capped at `max` characters, wrapped at `width`.
pub fn lines(text: &str, width: usize, max: usize) -> Vec<String> {
    wrap(&cap(&clean(text), max), width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_what_graphviz_would_rewrite() {
        assert_eq!(quote(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(quote("x\ny"), r#""x\ny""#);
        assert_eq!(quote("R&D &amp;"), r#""R&amp;D &amp;amp;""#);
        assert_eq!(quote(r"\N \G"), r#""\\N \\G""#);
        assert_eq!(quote("nul\0bell\u{7}cr\r"), r#""nulbellcr""#);
        assert_eq!(quote("한국 Россия"), "\"한국 Россия\"");
    }

    #[test]
    fn quote_stays_under_the_graphviz_line_limit() {
        let q = quote(&"&".repeat(100_000));
        assert!(q.len() <= MAX_QUOTED_BYTES, "{}", q.len());
        assert!(q.ends_with("…\""));
    }

    #[test]
    fn clean_keeps_line_breaks_and_drops_controls() {
        assert_eq!(clean("a\r\nb\rc\td\u{1b}e\u{85}f\u{FFFF}"), "a\nb\nc def");
    }

    #[test]
    fn cap_cuts_on_a_character_boundary() {
        assert_eq!(cap("abc", 3), "abc");
        assert_eq!(cap("abcd", 3), "ab…");
        assert_eq!(cap("한국어한국어", 4), "한국어…");
    }

    #[test]
    fn wrap_breaks_at_spaces_near_the_width() {
        assert_eq!(
            wrap("the quick brown fox jumps over the lazy dog", 15),
            ["the quick brown", "fox jumps over", "the lazy dog"]
        );
        assert_eq!(wrap("a\n\nb  c", 10), ["a", "b c"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn wrap_counts_hangul_as_two_columns() {
        assert_eq!(wrap("한국어 한국어", 8), ["한국어", "한국어"]);
        assert_eq!(wrap("abc abc", 8), ["abc abc"]);
    }
}
