//! `man`: manual pages, in roff, from the same definitions as `--help`: claimgraph(1) and
//! one claimgraph-COMMAND(1) page per command.

use super::term::safe;
use super::{CliError, Ctx};
use std::io::Write;
use std::path::{Path, PathBuf};
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
        std::fs::create_dir_all(&dir).map_err(|e| {
            CliError::Refused(format!(
                "cannot write the pages into {}: {}",
                safe(&dir.display().to_string()),
                claimgraph::load::io_reason(&e)
            ))
        })?;
        write_pages(cmd, &dir)?;
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

/// Writes the page of `cmd` and of each of its visible subcommands, at any depth, into `dir`,
/// named as `clap_mangen::generate_to` names them; each as a new file renamed over the name,
/// so that a symbolic link already there is replaced, never written through.
fn write_pages(cmd: clap::Command, dir: &Path) -> Result<(), CliError> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned() {
        write_pages(sub, dir)?;
    }
    let man = clap_mangen::Man::new(cmd);
    let mut page = Vec::new();
    man.render(&mut page)?;
    claimgraph::store::create(&dir.join(man.get_filename()), &page)
        .map_err(|e| CliError::Refused(e.to_string()))
}
