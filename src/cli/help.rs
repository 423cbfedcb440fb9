//! Help for people: the short overview printed by `claimgraph` alone, and the exit codes
//! appended to every command's `--help` (so scripts know what a status means).

use std::io::{self, Write};

/// The exit statuses of docs/format.md §4.1, as printed at the end of every `--help`.
pub const EXIT_CODES: &str = "\
Exit status:
  0  success
  1  the graph is invalid, or `check` found errors
  2  bad usage: unknown flag or id, bad regex or value";

/// Printed at the end of `claimgraph --help`: where to start, and the exit codes.
pub const TOP_AFTER_HELP: &str = "\
Examples:
  claimgraph claims --rests-only-on intelligence
  claimgraph why nk-ballistic-missiles-to-russia
  claimgraph --graph my-story/ check

Environment:
  CLAIMGRAPH_GRAPH  the graph to read when --graph is not given
  NO_COLOR          no colour (CLICOLOR_FORCE=1 forces it, even into a pipe)

The file format, what support and grounds mean, and the JSON of every command:
docs/format.md in the claimgraph repository.
";

/// The five commands a newcomer needs, with what each answers.
const OVERVIEW: &[(&str, &str)] = &[
    (
        "claims --rests-only-on intelligence",
        "claims that rest only on intelligence sources",
    ),
    (
        "why nk-ballistic-missiles-to-russia",
        "why a claim is believed: its support down to the sources",
    ),
    (
        "show Pyongyang",
        "one entity, claim or document with everything linked to it",
    ),
    (
        "sources",
        "the sources that cite nothing, most relied upon first",
    ),
    ("check", "validate the graph's files, with fixes for errors"),
];

/// Writes the overview `claimgraph` prints when run with no command.
pub fn write_overview(out: &mut dyn Write, paint: super::style::Paint) -> io::Result<()> {
    use super::style::Role;
    writeln!(
        out,
        "{} — who stands behind a claim, and what it really rests on.\n",
        paint.paint(Role::Strong, "claimgraph")
    )?;
    writeln!(
        out,
        "It reads the graph in ./graph (or --graph PATH). Five commands to start with:\n"
    )?;
    for (cmd, what) in OVERVIEW {
        writeln!(out, "  claimgraph {}", paint.paint(Role::Strong, cmd))?;
        writeln!(out, "      {}", paint.paint(Role::Dim, what))?;
    }
    writeln!(
        out,
        "\nEvery command: claimgraph --help    One command: claimgraph help COMMAND"
    )?;
    Ok(())
}

/// `cmd` with the exit codes added to its help and to every subcommand's, after the
/// examples each command gives.
pub fn with_exit_codes(cmd: clap::Command) -> clap::Command {
    let cmd = append_after_help(cmd);
    cmd.mut_subcommands(append_after_help)
}

fn append_after_help(cmd: clap::Command) -> clap::Command {
    let text = match cmd.get_after_help() {
        Some(h) => format!("{}\n\n{EXIT_CODES}", h.to_string().trim_end()),
        None => EXIT_CODES.to_string(),
    };
    cmd.after_help(text)
}

#[cfg(test)]
mod tests {
    /// A flag without help is a flag a newcomer cannot use: every argument of every command
    /// says what it does, and so does every value of a `--format`-like choice.
    #[test]
    fn every_argument_and_value_has_help() {
        let mut cmd = super::super::command();
        cmd.build();
        let mut missing = Vec::new();
        for sub in std::iter::once(&cmd).chain(cmd.get_subcommands()) {
            for arg in sub.get_arguments() {
                let name = format!("{} {}", sub.get_name(), arg.get_id());
                if arg.get_help().is_none() {
                    missing.push(name.clone());
                }
                for v in arg.get_possible_values() {
                    if v.get_help().is_none() {
                        missing.push(format!("{name}={}", v.get_name()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "no help: {missing:?}");
    }
}
