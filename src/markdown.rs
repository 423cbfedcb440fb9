//! Markdown made from data (the `report` dossier, `diff`): text from the graph is escaped so
//! that it can only ever be text — no HTML (`<script>`, `<img onerror>`), no emphasis, link,
//! table cell or heading of its own, no new line (a newline in a claim cannot start a
//! `# Verdict: TRUE` heading) — and links go only to `http`/`https` addresses. The result is
//! also safe on a terminal: control characters and bidi overrides are shown escaped.

use crate::text::terminal_safe;

/// Characters with a meaning in (GitHub-flavoured) Markdown, escaped with a backslash.
const SYNTAX: &[char] = &['\\', '`', '*', '_', '[', ']', '#', '|', '~', '$'];

/// `s` as inline Markdown text that renders as exactly these words: line breaks and tabs
/// become spaces (Markdown renders a single line break as a space anyway), leading spaces
/// are dropped, HTML's `<`, `>` and `&` become entities, Markdown syntax is backslash-escaped
/// (and so is a leading `-`, `+`, `=` or `1.` that would start a block), and what is left that
/// a terminal would act on is shown escaped.
pub fn text(s: &str) -> String {
    let flat: String = s
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let flat = flat.trim_start();
    let mut out = String::with_capacity(flat.len() + 8);
    if starts_a_block(flat) {
        out.push('\\');
    }
    for c in terminal_safe(flat).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c if SYNTAX.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether `s` at the start of a line would open a list, a setext underline or an ordered
/// list item (`#`, `>` and the rest are escaped wherever they are).
fn starts_a_block(s: &str) -> bool {
    if s.starts_with(['-', '+', '=']) {
        return true;
    }
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && s[digits..].starts_with(['.', ')'])
}

/// Whether `url` is an absolute `http` or `https` address with a host and no spaces or
/// control characters: the only addresses the reports link to.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && !host.starts_with('@')
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A link to `url` showing `label` (already Markdown), when `url` is a web address (see
/// [`is_web_url`]); else `None`. Characters that could end the destination or confuse a
/// reader (`()<>[]\"'` and the like, non-ASCII) are percent-encoded.
pub fn link(label: &str, url: &str) -> Option<String> {
    if !is_web_url(url) {
        return None;
    }
    let mut dest = String::with_capacity(url.len());
    for b in url.bytes() {
        let plain = b.is_ascii_alphanumeric() || b"-._~:/?#@!$&*+,;=%".contains(&b);
        if plain {
            dest.push(b as char);
        } else {
            dest.push_str(&format!("%{b:02X}"));
        }
    }
    Some(format!("[{label}]({dest})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_and_markdown_in_data_stay_text() {
        assert_eq!(
            text("<script>alert(1)</script> & *b* [x](y) `c` |t| #h"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\*b\\* \\[x\\](y) \\`c\\` \\|t\\| \\#h"
        );
        assert_eq!(text("plain words, 한국."), "plain words, 한국.");
    }

    #[test]
    fn a_newline_cannot_start_a_heading_or_a_list() {
        assert_eq!(text("one\n# Verdict: TRUE"), "one \\# Verdict: TRUE");
        assert_eq!(text("- item"), "\\- item");
        assert_eq!(text("\n  12. item"), "\\12. item");
        assert_eq!(text("2023 was"), "2023 was");
    }

    #[test]
    fn controls_are_shown_escaped() {
        assert_eq!(text("a\u{1b}[2J\u{202e}"), "a\\\\u{1b}\\[2J\\\\u{202e}");
    }

    #[test]
    fn only_web_addresses_are_linked() {
        assert_eq!(
            link("T", "https://example.org/a_(b)<c>").as_deref(),
            Some("[T](https://example.org/a_%28b%29%3Cc%3E)")
        );
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,x",
            "https://",
            "http:///x",
            "//example.org",
            "ftp://example.org",
            "https://exa mple.org",
        ] {
            assert_eq!(link("T", bad), None, "{bad}");
        }
        assert!(is_web_url("HTTPS://Example.org"));
    }
}
