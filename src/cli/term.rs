//! Output safety (docs/format.md §4.3): the one place every text output passes through on its way to a
//! terminal.
//!
//! Two layers. Data strings are escaped where they are put into a line ([`safe`], which is
//! [`claimgraph::text::terminal_safe`]): that is the only way to tell a newline in a claim's
//! text, which must not start a line of output, from the layout's own. Then every byte a
//! text command writes to stdout, and every message to stderr ([`say!`]), goes through a
//! [`Guard`], which lets no C0 or C1 control character, DEL or bidi override through but the
//! layout's newlines and tabs and the colour codes [`super::style::Paint`] itself makes; so a
//! string that a command forgot to escape still reaches the terminal as `\u{1b}`, never as a
//! control. JSON and the export formats are written unguarded: they are exact.

use claimgraph::text::is_unsafe_for_terminal;
use std::fmt;
use std::io::{self, Write};

pub use claimgraph::text::terminal_safe as safe;

/// A writer that shows escaped every character a terminal would act on, except newlines,
/// tabs and, when colour is on, the exact colour sequences of [`super::style`].
pub struct Guard<W: Write> {
    inner: W,
    colour: bool,
    /// The start of a character split between two writes.
    carry: Vec<u8>,
}

impl<W: Write> Guard<W> {
    /// Guards `inner`; `colour` lets the style's own colour codes through.
    pub fn new(inner: W, colour: bool) -> Self {
        Guard {
            inner,
            colour,
            carry: Vec::new(),
        }
    }

    /// Writes `text`, escaping what must not reach a terminal.
    fn pass(&mut self, text: &str) -> io::Result<()> {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(i) = rest.find(|c: char| is_unsafe_for_terminal(c) && c != '\n' && c != '\t')
        {
            out.push_str(&rest[..i]);
            let tail = &rest[i..];
            if let Some(seq) = self.colour_code(tail) {
                out.push_str(seq);
                rest = &tail[seq.len()..];
                continue;
            }
            let c = tail.chars().next().expect("found above");
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
            rest = &tail[c.len_utf8()..];
        }
        out.push_str(rest);
        self.inner.write_all(out.as_bytes())
    }

    /// The colour sequence `tail` starts with, when colour is on and it is one the style
    /// makes.
    fn colour_code<'t>(&self, tail: &'t str) -> Option<&'t str> {
        if !self.colour || !tail.starts_with('\u{1b}') {
            return None;
        }
        super::style::codes()
            .iter()
            .find(|code| tail.starts_with(code.as_str()))
            .map(|code| &tail[..code.len()])
    }
}

impl<W: Write> Write for Guard<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut bytes = std::mem::take(&mut self.carry);
        bytes.extend_from_slice(buf);
        let mut rest = bytes.as_slice();
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    self.pass(text)?;
                    break;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    self.pass(std::str::from_utf8(good).expect("valid up to here"))?;
                    match e.error_len() {
                        // An incomplete character at the end: wait for the next write.
                        None => {
                            self.carry = bad.to_vec();
                            break;
                        }
                        Some(n) => {
                            for b in &bad[..n] {
                                write!(self.inner, "\\x{b:02x}")?;
                            }
                            rest = &bad[n..];
                        }
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        for b in std::mem::take(&mut self.carry) {
            write!(self.inner, "\\x{b:02x}")?;
        }
        self.inner.flush()
    }
}

/// Writes one message line to stderr through a [`Guard`] (colour codes pass when stderr is
/// coloured). Used by [`say!`].
pub fn say_to_stderr(args: fmt::Arguments<'_>, colour: bool) {
    let stderr = io::stderr();
    let mut g = Guard::new(stderr.lock(), colour);
    let _ = writeln!(g, "{args}");
    let _ = g.flush();
}

/// Prints a message line on stderr, through the output guard: the one way the commands
/// write to stderr (`eprintln!` is refused by clippy's configuration).
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::term::say_to_stderr(format_args!($($arg)*), false)
    };
}
pub(crate) use say;

/// Prints the notes a load gives about files passed over, one `claimgraph: note:` line each.
pub fn say_notes(notes: &[String]) {
    for note in notes {
        say!("claimgraph: note: {}", safe(note));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guarded(colour: bool, writes: &[&[u8]]) -> String {
        let mut out = Vec::new();
        {
            let mut g = Guard::new(&mut out, colour);
            for w in writes {
                g.write_all(w).unwrap();
            }
            g.flush().unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn controls_and_bidi_overrides_are_escaped_but_not_the_layout() {
        let s = guarded(
            false,
            &["a\u{1b}[2J\tb\nc\u{9b}1m\u{202e}d\u{7f}\r".as_bytes()],
        );
        assert_eq!(s, "a\\u{1b}[2J\tb\nc\\u{9b}1m\\u{202e}d\\u{7f}\\u{d}");
    }

    #[test]
    fn only_the_styles_own_colour_codes_pass_and_only_with_colour_on() {
        let red =
            super::super::style::Paint::new(true).paint(super::super::style::Role::Bad, "false");
        assert_eq!(guarded(true, &[red.as_bytes()]), red);
        assert!(guarded(false, &[red.as_bytes()]).starts_with("\\u{1b}["));
        let clear = guarded(true, &[b"\x1b[2J\x1b]8;;x\x07"]);
        assert_eq!(clear, "\\u{1b}[2J\\u{1b}]8;;x\\u{7}");
    }

    #[test]
    fn a_character_split_between_writes_is_kept_whole_and_bad_bytes_are_shown() {
        let bidi = "\u{202e}".as_bytes();
        let s = guarded(false, &[&bidi[..1], &bidi[1..], b"\x9b"]);
        assert_eq!(s, "\\u{202e}\\x9b");
        let s = guarded(
            false,
            &[
                "한".as_bytes(),
                &"국".as_bytes()[..2],
                &"국".as_bytes()[2..],
            ],
        );
        assert_eq!(s, "한국");
    }
}
