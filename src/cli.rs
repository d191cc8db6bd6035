//! The trainers' command-line tools: `validate` and `fmt`. They print to the writers given, so tests
//! read their output without a process.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::atomic_write::write_atomically;
use crate::pack_file::{load_pack_unchecked, pack_to_ron};
use crate::validate::{Severity, validate};

/// Prints every problem of every pack, one a line: `PATH:LINE:COL: error: …` for a file that does not
/// parse, `PATH: exercise ID, FIELD: error|warning: …` for the content. Returns whether any was an
/// error.
pub fn validate_packs(
    paths: &[PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<bool> {
    let (mut errors, mut warnings) = (0, 0);
    for path in paths {
        match load_pack_unchecked(path) {
            Ok((pack, _)) => {
                for problem in validate(&pack) {
                    match problem.severity {
                        Severity::Error => errors += 1,
                        Severity::Warning => warnings += 1,
                    }
                    writeln!(out, "{}: {problem}", path.display())?;
                }
            }
            Err(error) => {
                errors += 1;
                writeln!(out, "{error}")?;
            }
        }
    }
    writeln!(
        err,
        "{} checked: {errors} {}, {warnings} {}",
        plural(paths.len(), "pack", "packs"),
        if errors == 1 { "error" } else { "errors" },
        if warnings == 1 { "warning" } else { "warnings" },
    )?;
    Ok(errors > 0)
}

/// What `fmt` found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FmtOutcome {
    /// Packs not in canonical form (rewritten, or only listed with `check`).
    pub differing: Vec<PathBuf>,
    /// Packs that could not be read, parsed or written.
    pub failed: usize,
}

/// Rewrites each pack in the canonical form the app saves (atomically), or with `check` only lists
/// those that differ. Comments in a rewritten file are not kept.
pub fn format_packs(
    paths: &[PathBuf],
    check: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<FmtOutcome> {
    let mut outcome = FmtOutcome::default();
    for path in paths {
        let (pack, text) = match load_pack_unchecked(path) {
            Ok(loaded) => loaded,
            Err(error) => {
                writeln!(err, "{error}")?;
                outcome.failed += 1;
                continue;
            }
        };
        let canonical = pack_to_ron(&pack);
        if canonical == text {
            continue;
        }
        if check {
            writeln!(out, "{}", path.display())?;
        } else if let Err(error) = write_atomically(path, canonical.as_bytes()) {
            writeln!(
                err,
                "{}: error: cannot write the file: {error}",
                path.display()
            )?;
            outcome.failed += 1;
            continue;
        } else {
            writeln!(err, "formatted {}", path.display())?;
        }
        outcome.differing.push(path.clone());
    }
    Ok(outcome)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
