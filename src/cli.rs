//! The command-line tools: `validate` and `fmt` for trainers, `check` for anyone's reply. They print
//! to the writers given, so tests read their output without a process.

use std::io::{self, Read, Write};
use std::path::PathBuf;

use serde::Serialize;

use crate::airr::AirrPart;
use crate::atomic_write::write_atomically;
use crate::pack::Topic;
use crate::pack_file::{load_pack_unchecked, pack_to_ron};
use crate::reply_check::rules::RuleBook;
use crate::reply_check::{Analysis, analyze};
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
            Ok(loaded) => {
                for field in &loaded.unknown_fields {
                    warnings += 1;
                    writeln!(
                        out,
                        "{}: {field}: warning: unknown field, ignored (misspelt?)",
                        path.display()
                    )?;
                }
                for problem in validate(&loaded.pack) {
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
            Ok(loaded) => (loaded.pack, loaded.text),
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

/// How `check` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReportFormat {
    #[default]
    Text,
    Json,
}

/// What `check` checks against: an exercise's topic and rules, or the built-in rules alone.
pub struct CheckTarget {
    pub book: RuleBook,
    pub topic: Option<Topic>,
}

impl CheckTarget {
    /// The rules for `exercise` of the pack at `pack` (the built-in pack when `None`); without an
    /// exercise, the pack's rules and no topic.
    pub fn load(pack: Option<&std::path::Path>, exercise: Option<&str>) -> Result<Self, String> {
        let pack = match pack {
            Some(path) => {
                load_pack_unchecked(path)
                    .map_err(|error| error.to_string())?
                    .pack
            }
            None if exercise.is_some() => crate::default_pack(),
            None => {
                return RuleBook::for_exercise(&Default::default(), &[])
                    .map(|book| Self { book, topic: None })
                    .map_err(|error| error.to_string());
            }
        };
        let exercise = match exercise {
            Some(id) => Some(pack.exercises.iter().find(|e| e.id == id).ok_or_else(|| {
                let ids: Vec<&str> = pack.exercises.iter().map(|e| e.id.as_str()).collect();
                format!(
                    "no exercise \"{id}\" in the pack; its exercises are: {}",
                    ids.join(", ")
                )
            })?),
            None => None,
        };
        let book = RuleBook::for_exercise(
            &pack.reply_rules,
            exercise.map_or(&[][..], |e| e.reply_rules.as_slice()),
        )
        .map_err(|error| format!("the pack's reply rules are invalid: {error}"))?;
        Ok(Self {
            book,
            topic: exercise.map(|e| e.topic),
        })
    }
}

#[derive(Serialize)]
struct PartsJson {
    acknowledge: bool,
    inform: bool,
    resolve: bool,
    remediate: bool,
}

#[derive(Serialize)]
struct SentenceJson<'a> {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: &'a str,
    parts: Vec<String>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    suggestion: Option<&'a str>,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct ReportJson<'a> {
    path: String,
    parts: PartsJson,
    sentences: Vec<SentenceJson<'a>>,
    findings: Vec<FindingJson<'a>>,
    score: u8,
}

fn report_json<'a>(path: &str, text: &'a str, analysis: &'a Analysis) -> ReportJson<'a> {
    ReportJson {
        path: path.to_owned(),
        parts: PartsJson {
            acknowledge: analysis.parts[0],
            inform: analysis.parts[1],
            resolve: analysis.parts[2],
            remediate: analysis.parts[3],
        },
        sentences: analysis
            .sentences
            .iter()
            .map(|s| SentenceJson {
                start: s.range.start,
                end: s.range.end,
                line: s.line,
                column: s.column,
                text: &text[s.range.clone()],
                parts: s.parts.iter().map(|p| p.name().to_lowercase()).collect(),
            })
            .collect(),
        findings: analysis
            .findings
            .iter()
            .map(|f| FindingJson {
                rule: &f.rule,
                severity: f.severity.name(),
                message: &f.message,
                suggestion: f.suggestion.as_deref(),
                start: f.range.start,
                end: f.range.end,
                line: f.line,
                column: f.column,
            })
            .collect(),
        score: analysis.score,
    }
}

fn parts_summary(analysis: &Analysis) -> String {
    let names = |present: bool| {
        AirrPart::ALL
            .iter()
            .zip(analysis.parts)
            .filter(|(_, has)| *has == present)
            .map(|(part, _)| part.name())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (present, missing) = (names(true), names(false));
    let present = if present.is_empty() {
        "no part".to_owned()
    } else {
        present
    };
    let missing = if missing.is_empty() {
        "none".to_owned()
    } else {
        missing
    };
    format!(
        "parts present: {present}; missing: {missing}; score {}/100",
        analysis.score
    )
}

/// Checks each reply file (`-` is standard input) and prints the findings. Returns whether any
/// finding is an error; a file that cannot be read is reported on `err` and counts as one.
pub fn check_replies(
    paths: &[PathBuf],
    target: &CheckTarget,
    format: ReportFormat,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<bool> {
    let mut any_error = false;
    let mut texts = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        let bytes = if name == "-" {
            let mut bytes = Vec::new();
            stdin.read_to_end(&mut bytes).map(|_| bytes)
        } else {
            std::fs::read(path)
        };
        let text = match bytes {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(error) => {
                    let good = &error.as_bytes()[..error.utf8_error().valid_up_to()];
                    let good = String::from_utf8_lossy(good);
                    let line = good.matches('\n').count() + 1;
                    let column = good.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                    writeln!(
                        err,
                        "{name}:{line}:{column}: error: the file is not UTF-8 text"
                    )?;
                    any_error = true;
                    continue;
                }
            },
            Err(error) => {
                writeln!(err, "{name}: error: cannot read the file: {error}")?;
                any_error = true;
                continue;
            }
        };
        texts.push((name, text));
    }
    let analyses: Vec<Analysis> = texts
        .iter()
        .map(|(_, text)| analyze(text, &target.book, target.topic))
        .collect();
    any_error |= analyses.iter().any(Analysis::has_errors);
    match format {
        ReportFormat::Text => {
            for ((name, _), analysis) in texts.iter().zip(&analyses) {
                for finding in &analysis.findings {
                    writeln!(
                        out,
                        "{name}:{}:{}: {}: {} [{}]",
                        finding.line,
                        finding.column,
                        finding.severity.name(),
                        finding.message,
                        finding.rule
                    )?;
                }
                writeln!(out, "{name}: {}", parts_summary(analysis))?;
            }
        }
        ReportFormat::Json => {
            let reports: Vec<ReportJson> = texts
                .iter()
                .zip(&analyses)
                .map(|((name, text), analysis)| report_json(name, text, analysis))
                .collect();
            let json = if paths.len() == 1 && reports.len() == 1 {
                serde_json::to_string_pretty(&reports[0])
            } else {
                serde_json::to_string_pretty(&reports)
            }
            .map_err(io::Error::other)?;
            writeln!(out, "{json}")?;
        }
    }
    Ok(any_error)
}
