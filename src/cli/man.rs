//! `man`: manual pages, in roff, from the same definitions as `--help`: claimgraph(1) and
//! one claimgraph-COMMAND(1) page per command.

use super::{CliError, Ctx};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Print a manual page (roff), or write them all into a folder.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  claimgraph man | man -l -
  claimgraph man why | man -l -
  claimgraph man --dir /usr/local/share/man/man1")]
pub struct Args {
    /// The command whose page to print (claimgraph-COMMAND(1)); the main page without it.
    #[arg(value_name = "COMMAND")]
    command: Option<String>,
    /// Write every page (claimgraph.1, claimgraph-claims.1, ...) into DIR instead.
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    dir: Option<PathBuf>,
}

pub fn run(args: Args, _ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let mut cmd = super::command().disable_help_subcommand(true);
    cmd.build();
    if let Some(dir) = args.dir {
        clap_mangen::generate_to(cmd, &dir).map_err(|e| {
            CliError::Usage(format!(
                "cannot write the pages into {}: {}",
                dir.display(),
                claimgraph::load::io_reason(&e)
            ))
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let page = match args.command {
        None => cmd,
        Some(name) => {
            let Some(sub) = cmd.find_subcommand(&name).cloned() else {
                let names: Vec<&str> = cmd.get_subcommands().map(|s| s.get_name()).collect();
                return Err(CliError::Usage(format!(
                    "no command {name:?}; the commands are: {}",
                    names.join(", ")
                )));
            };
            sub
        }
    };
    clap_mangen::Man::new(page).render(out)?;
    Ok(ExitCode::SUCCESS)
}
