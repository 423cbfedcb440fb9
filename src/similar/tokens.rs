//! Splitting a text into the tokens claim matching reads: words (a possessive `'s` dropped,
//! hyphenated compounds split unless they are a name), numbers with their separators, percent
//! sign and glued suffix, and the punctuation that breaks a phrase. Bytes are scanned
//! directly; only non-ASCII characters are decoded.

use std::borrow::Cow;

/// One token of a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Token<'a> {
    /// A word: its text as written (possessive `'s` removed), lower-cased, and whether it
    /// began with a capital letter.
    Word {
        raw: &'a str,
        lower: Cow<'a, str>,
        capital: bool,
    },
    /// Digits, with `,` thousands separators and one `.` decimal point; `percent` when a `%`
    /// followed, `suffix` the letters glued to it (`2m`, `152mm`, `1bn`, `3rd`).
    Number {
        value: f64,
        integer: bool,
        grouped: bool,
        percent: bool,
        suffix: String,
    },
    /// Any other character that separates phrases (`,`, `;`, `(`, a dash); spaces are not
    /// tokens.
    Break,
}

/// Splits `text` into words, numbers and phrase breaks. Bytes are scanned directly; only
/// non-ASCII characters are decoded.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() || (c >= 0x80 && char_at(text, i).is_alphabetic()) {
            let start = i;
            i = word_end(text, i);
            let end = i;
            // A trailing plural possessive apostrophe ("Koreas'") belongs to the word.
            if b.get(i) == Some(&b'\'') {
                i += 1;
            } else if text[i..].starts_with('\u{2019}') {
                i += '\u{2019}'.len_utf8();
            }
            // "US$", "HK$": a currency's letters, not a word.
            if b.get(i) == Some(&b'$') {
                continue;
            }
            push_word(&mut out, &text[start..end]);
        } else if c.is_ascii_digit() {
            let (token, end) = number(text, i);
            out.push(token);
            i = end;
        } else {
            let ch = char_at(text, i);
            let separates =
                !ch.is_whitespace() && !matches!(ch, '"' | '\u{201c}' | '\u{201d}' | '$');
            if separates && !matches!(out.last(), Some(Token::Break) | None) {
                out.push(Token::Break);
            }
            i += ch.len_utf8();
        }
    }
    out
}

/// The character at byte `i` of `text` (a character boundary).
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

/// Whether a letter or digit starts at byte `i` of `text`.
fn alnum_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(c) if c.is_ascii() => c.is_ascii_alphanumeric(),
        Some(_) => char_at(text, i).is_alphanumeric(),
        None => false,
    }
}

/// Where the word starting at byte `i` ends: letters and digits, joined by an apostrophe,
/// hyphen or dot that a letter or digit follows.
fn word_end(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphanumeric() {
            i += 1;
        } else if c < 0x80 {
            if matches!(c, b'\'' | b'-' | b'.') && alnum_at(text, i + 1) {
                i += 1;
            } else {
                break;
            }
        } else {
            let ch = char_at(text, i);
            let len = ch.len_utf8();
            if ch.is_alphanumeric() || (ch == '\u{2019}' && alnum_at(text, i + len)) {
                i += len;
            } else {
                break;
            }
        }
    }
    i
}

/// Pushes the word(s) of `w`: a hyphenated compound is split into its parts ("large-scale"
/// → "large", "scale"; "China-North Korea" → "China", "North"), except a name's hyphen
/// before a lower-case part ("Jong-un"), which joins.
fn push_word<'a>(out: &mut Vec<Token<'a>>, w: &'a str) {
    let w = strip_possessive(w);
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    let joined_name = capital
        && w.split('-')
            .skip(1)
            .all(|p| p.chars().next().is_some_and(char::is_lowercase));
    if w.contains('-') && !joined_name {
        for part in w.split('-').filter(|p| !p.is_empty()) {
            push_word(out, part);
        }
        return;
    }
    let plain = w.bytes().all(|b| {
        b.is_ascii_lowercase() || b == b'-' || b == b'\'' || b == b'.' || b.is_ascii_digit()
    });
    let lower = if plain {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase().replace('\u{2019}', "'"))
    };
    out.push(Token::Word {
        raw: w,
        lower,
        capital,
    });
}

/// `w` without a possessive `'s` or `’s`.
fn strip_possessive(w: &str) -> &str {
    for suffix in ["'s", "\u{2019}s", "'S"] {
        if let Some(base) = w.strip_suffix(suffix) {
            if !base.is_empty() {
                return base;
            }
        }
    }
    w
}

/// The number starting at byte `start` of `text`, and where it ends.
fn number(text: &str, start: usize) -> (Token<'static>, usize) {
    let b = text.as_bytes();
    let mut end = start;
    let mut digits = String::new();
    let mut grouped = false;
    let mut integer = true;
    while end < b.len() {
        let c = b[end];
        if c.is_ascii_digit() {
            digits.push(c as char);
            end += 1;
        } else if c == b',' && end + 3 < b.len() + 1 && group_follows(b, end) {
            grouped = true;
            end += 1;
        } else if c == b'.' && integer && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
            integer = false;
            digits.push('.');
            end += 1;
        } else {
            break;
        }
    }
    let mut suffix = String::new();
    let mut percent = false;
    if b.get(end) == Some(&b'%') {
        percent = true;
        end += 1;
    } else {
        while end < b.len() && b[end].is_ascii_alphabetic() {
            suffix.push(b[end].to_ascii_lowercase() as char);
            end += 1;
        }
    }
    let value = digits.parse().unwrap_or(0.0);
    let token = Token::Number {
        value,
        integer,
        grouped,
        percent,
        suffix,
    };
    (token, end)
}

/// Whether the `,` at `at` is a thousands separator: exactly three digits follow it.
fn group_follows(b: &[u8], at: usize) -> bool {
    let digits = b[at + 1..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    digits == 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_words_numbers_and_breaks() {
        let t = tokens("North Korea's 6,700 containers (3.2%) large-scale, Jong-un");
        let words: Vec<&str> = t
            .iter()
            .filter_map(|t| match t {
                Token::Word { lower, .. } => Some(lower.as_ref()),
                _ => None,
            })
            .collect();
        assert_eq!(
            words,
            ["north", "korea", "containers", "large", "scale", "jong-un"]
        );
        assert!(t
            .iter()
            .any(|t| matches!(t, Token::Number { value, grouped: true, .. } if *value == 6700.0)));
        assert!(t
            .iter()
            .any(|t| matches!(t, Token::Number { value, percent: true, .. } if *value == 3.2)));
    }

    #[test]
    fn hostile_text_tokenizes() {
        for s in [
            "", "'", "9,", "1.", "1,23", "’s", "-", "é'", "5%%", "a\u{0}b", "1.2.3",
        ] {
            let _ = tokens(s);
        }
    }
}
