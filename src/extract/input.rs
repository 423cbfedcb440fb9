//! What extraction accepts as text: bytes decoded as UTF-8 (a stray invalid
//! byte becomes U+FFFD, a byte-order mark is dropped), and binary data
//! (images, archives, executables) refused rather than read as words.

use std::borrow::Cow;
use std::fmt;

/// How much of the input is looked at to tell text from binary data.
const SNIFF: usize = 64 * 1024;

/// Why bytes are not text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotText {
    /// Byte offset of the first byte that gave it away.
    pub offset: usize,
    pub reason: &'static str,
}

impl fmt::Display for NotText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.reason, self.offset)
    }
}

impl std::error::Error for NotText {}

/// The text of `bytes`, or why they look like binary data: a NUL byte, or
/// many control characters or invalid UTF-8 sequences near the start.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, NotText> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(NotText {
            offset,
            reason: "a NUL byte, as in binary data",
        });
    }
    let head = &bytes[..bytes.len().min(SNIFF)];
    let (bad, first) = suspicious(head);
    if bad >= 4 && bad * 50 > head.len() {
        return Err(NotText {
            offset: first.unwrap_or(0),
            reason: "control characters or invalid UTF-8, as in binary data",
        });
    }
    let text = String::from_utf8_lossy(bytes);
    Ok(match text {
        Cow::Borrowed(t) => Cow::Borrowed(t.strip_prefix('\u{feff}').unwrap_or(t)),
        Cow::Owned(t) => Cow::Owned(t.strip_prefix('\u{feff}').unwrap_or(&t).to_string()),
    })
}

/// [`decode`] for bytes the caller gives up: the text reuses their buffer
/// (no copy unless invalid UTF-8 has to be replaced).
pub fn decode_owned(bytes: Vec<u8>) -> Result<String, NotText> {
    if let Cow::Owned(text) = decode(&bytes)? {
        return Ok(text);
    }
    let mut text =
        String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into());
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// How many bytes of `head` are control characters (other than tab, line
/// feed, carriage return, form feed and escape) or start invalid UTF-8, and
/// where the first is.
fn suspicious(head: &[u8]) -> (usize, Option<usize>) {
    let mut bad = 0;
    let mut first = None;
    let mut note = |at: usize| {
        bad += 1;
        first.get_or_insert(at);
    };
    let mut rest = head;
    let mut base = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                count_controls(valid, base, &mut note);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                let valid = std::str::from_utf8(&rest[..good]).unwrap_or_default();
                count_controls(valid, base, &mut note);
                let Some(len) = e.error_len() else {
                    break; // cut in the middle of a character by the sniff window
                };
                note(base + good);
                rest = &rest[good + len..];
                base += good + len;
            }
        }
    }
    (bad, first)
}

fn count_controls(text: &str, base: usize, note: &mut impl FnMut(usize)) {
    for (i, c) in text.char_indices() {
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}' | '\u{1b}') {
            note(base + i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_decoded_and_binary_refused() {
        assert_eq!(
            decode("\u{feff}Kim said so.".as_bytes()).unwrap(),
            "Kim said so."
        );
        assert_eq!(
            decode(b"caf\xe9 said so, in Latin-1.").unwrap(),
            "caf\u{fffd} said so, in Latin-1."
        );
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(decode(png).unwrap_err().offset, 8);
        let junk: Vec<u8> = (0..2000u32)
            .map(|i| (i * 37 % 256) as u8)
            .filter(|&b| b != 0)
            .collect();
        assert!(decode(&junk).is_err());
        for bytes in [
            "\u{feff}Kim said so.".as_bytes(),
            b"caf\xe9 said so.",
            b"plain",
            b"",
        ] {
            assert_eq!(
                decode_owned(bytes.to_vec()).unwrap(),
                decode(bytes).unwrap()
            );
        }
        assert!(decode_owned(png.to_vec()).is_err());
    }
}
