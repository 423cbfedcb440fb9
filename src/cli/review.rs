//! `review`: record a fact-checker's verdict on a claim (docs/format.md §5).

use super::completions;
use super::editing::edit;
use super::term::say;
use super::{CliError, Ctx};
use claimgraph::edit;
use claimgraph::model::{Date, Verdict};
use clap_complete::ArgValueCandidates;
use std::io::Write;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

/// Record a fact-check verdict on a claim (true … false, or unproven)
///
/// Replaces any earlier review of the claim. The date defaults to today (UTC).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimgraph review nk-ballistic-missiles-to-russia --verdict mostly-true --by dw --note \"Debris analysis by Ukraine and the UN panel.\""
)]
pub struct Args {
    /// The claim (an id).
    #[arg(add = ArgValueCandidates::new(completions::claim_ids))]
    claim: String,
    /// The verdict.
    #[arg(long, add = ArgValueCandidates::new(completions::verdicts))]
    verdict: Verdict,
    /// The reviewer (an entity id, name or alias).
    #[arg(long, value_name = "ID", add = ArgValueCandidates::new(completions::entity_ids))]
    by: String,
    /// The review date, YYYY-MM-DD (default: today).
    #[arg(long, value_parser = |s: &str| Date::new(s))]
    date: Option<Date>,
    /// Why: sources checked, reasoning.
    #[arg(long)]
    note: Option<String>,
    #[command(flatten)]
    pub(super) write: super::editing::WriteOpts,
}

pub fn run(args: Args, ctx: &Ctx, _out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let date = args.date.unwrap_or_else(today);
    let (placed, before) = edit(ctx, |files| {
        edit::review(
            files,
            &args.claim,
            args.verdict,
            &args.by,
            Some(date),
            args.note,
        )
    })?;
    let before = before.map_or("unreviewed", |v| v.as_str());
    say!("claimgraph: {}: {before} -> {}", placed.id, args.verdict);
    Ok(ExitCode::SUCCESS)
}

/// Today's date in UTC.
fn today() -> Date {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    Date::new(format!("{y:04}-{m:02}-{d:02}")).expect("a calendar date")
}

/// Year, month, day of a count of days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn civil_dates_from_day_counts() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_454), (2026, 1, 1));
    }
}
