//! Colour: whether to use it (`--color`, `NO_COLOR`, `CLICOLOR_FORCE`, a terminal or not)
//! and the few styles the output uses, so every command paints a verdict or a denial alike.
//!
//! Styles come from `anstyle`, which clap already depends on; when colour is off, painting
//! returns the text untouched, so pipes and files never see an escape code.

use anstyle::{AnsiColor, Style};
use std::io::IsTerminal;

/// `--color`: when to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum ColorWhen {
    /// On a terminal, unless NO_COLOR is set (CLICOLOR_FORCE forces it on).
    #[default]
    Auto,
    /// Always, even into a pipe or a file.
    Always,
    /// Never.
    Never,
}

impl ColorWhen {
    /// Whether to colour a stream, `is_terminal` telling whether that stream is a terminal.
    pub fn enabled(self, is_terminal: bool) -> bool {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
        match self {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) => false,
            ColorWhen::Auto if set("CLICOLOR_FORCE") => true,
            ColorWhen::Auto => is_terminal && std::env::var_os("TERM").is_none_or(|t| t != "dumb"),
        }
    }

    /// The same choice for clap's own help and error messages.
    pub fn clap(self) -> clap::ColorChoice {
        match self {
            ColorWhen::Auto => clap::ColorChoice::Auto,
            ColorWhen::Always => clap::ColorChoice::Always,
            ColorWhen::Never => clap::ColorChoice::Never,
        }
    }

    /// The `--color` value given on the command line, read before clap parses it (so that a
    /// help or usage error printed by clap already obeys it). The last one wins, as in clap.
    pub fn from_args(args: &[std::ffi::OsString]) -> ColorWhen {
        let mut when = ColorWhen::Auto;
        let mut it = args.iter().filter_map(|a| a.to_str());
        while let Some(a) = it.next() {
            if a == "--" {
                break;
            }
            let value = match a.strip_prefix("--color") {
                Some("") => it.next(),
                Some(v) => v.strip_prefix('='),
                None => None,
            };
            when = match value {
                Some("always") => ColorWhen::Always,
                Some("never") => ColorWhen::Never,
                Some("auto") => ColorWhen::Auto,
                _ => when,
            };
        }
        when
    }
}

/// The styles of one output stream; all plain when colour is off.
#[derive(Debug, Clone, Copy, Default)]
pub struct Paint {
    on: bool,
}

/// What a piece of text is, which decides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Ids and headers.
    Strong,
    /// Secondary text: grounds lists, tree lines, counts.
    Dim,
    /// A denial, a false verdict, an error.
    Bad,
    /// A true verdict, a ground.
    Good,
    /// Intelligence-only claims, mixed verdicts, warnings, cycles.
    Warn,
    /// Contested claims.
    Contested,
    /// The caret under an error's column.
    Caret,
}

impl Role {
    fn style(self) -> Style {
        let fg = |c: AnsiColor| Style::new().fg_color(Some(c.into()));
        match self {
            Role::Strong => Style::new().bold(),
            Role::Dim => Style::new().dimmed(),
            Role::Bad => fg(AnsiColor::Red),
            Role::Good => fg(AnsiColor::Green),
            Role::Warn => fg(AnsiColor::Yellow),
            Role::Contested => fg(AnsiColor::Magenta),
            Role::Caret => fg(AnsiColor::Red).bold(),
        }
    }
}

/// Every escape sequence [`Paint`] writes (each role's start, and the reset), longest
/// first: the output guard ([`super::term::Guard`]) lets exactly these through.
pub fn codes() -> &'static [String] {
    static CODES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    CODES.get_or_init(|| {
        let roles = [
            Role::Strong,
            Role::Dim,
            Role::Bad,
            Role::Good,
            Role::Warn,
            Role::Contested,
            Role::Caret,
        ];
        let mut codes: Vec<String> = roles
            .iter()
            .flat_map(|r| {
                let s = r.style();
                [s.render().to_string(), s.render_reset().to_string()]
            })
            .filter(|c| !c.is_empty())
            .collect();
        codes.sort_by_key(|c| std::cmp::Reverse(c.len()));
        codes.dedup();
        codes
    })
}

impl Paint {
    /// Colour on or off.
    pub fn new(on: bool) -> Self {
        Paint { on }
    }

    /// Whether colour is on.
    pub fn is_on(self) -> bool {
        self.on
    }

    /// The paint for stdout under `when`.
    pub fn stdout(when: ColorWhen) -> Self {
        Paint::new(when.enabled(std::io::stdout().is_terminal()))
    }

    /// The paint for stderr under `when`.
    pub fn stderr(when: ColorWhen) -> Self {
        Paint::new(when.enabled(std::io::stderr().is_terminal()))
    }

    /// `text` in the style of `role` (unchanged when colour is off).
    pub fn paint(self, role: Role, text: &str) -> String {
        if !self.on || text.is_empty() {
            return text.to_string();
        }
        let s = role.style();
        format!("{}{text}{}", s.render(), s.render_reset())
    }

    /// The role of a verdict word (`true`, `mostly-false`, ...).
    pub fn verdict_role(verdict: &str) -> Role {
        match verdict {
            "true" | "mostly-true" => Role::Good,
            "false" | "mostly-false" => Role::Bad,
            _ => Role::Warn,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn color_flag_is_found_before_parsing_and_the_last_wins() {
        let w = ColorWhen::from_args(&args(&["claims", "--color", "never"]));
        assert_eq!(w, ColorWhen::Never);
        let w = ColorWhen::from_args(&args(&["--color=never", "x", "--color=always"]));
        assert_eq!(w, ColorWhen::Always);
        let w = ColorWhen::from_args(&args(&["show", "--", "--color=never"]));
        assert_eq!(w, ColorWhen::Auto);
    }

    #[test]
    fn paint_is_plain_when_off() {
        assert_eq!(Paint::new(false).paint(Role::Bad, "false"), "false");
        let on = Paint::new(true).paint(Role::Bad, "false");
        assert!(on.starts_with('\x1b') && on.contains("false"), "{on:?}");
    }
}
