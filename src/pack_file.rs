//! Reading and writing packs as RON, with errors that name the file, the line and column, and what was
//! expected there.

use std::path::Path;

use serde::Deserialize;

use crate::atomic_write::write_atomically_with;
use crate::pack::{FORMAT_VERSION, Pack};
use crate::validate::{Problem, Severity, validate};

/// Packs larger than this are refused before they are read: no real pack comes near it.
pub const MAX_PACK_BYTES: u64 = 16 * 1024 * 1024;

/// Why a pack could not be opened. Its `Display` is one line per problem, each starting with the file.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("{origin}: error: cannot read the file: {source}")]
    Read {
        origin: String,
        source: std::io::Error,
    },
    #[error(
        "{origin}: error: the file is {size} bytes; packs are limited to {MAX_PACK_BYTES} bytes"
    )]
    TooLarge { origin: String, size: u64 },
    #[error("{origin}:{line}:{column}: error: {message}")]
    Syntax {
        origin: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{origin}: error: the pack is format version {found}, newer than this version of AIRR Coach reads ({FORMAT_VERSION}); update AIRR Coach to open it"
    )]
    NewerFormat { origin: String, found: u32 },
    #[error("{}", invalid_lines(origin, problems))]
    Invalid {
        origin: String,
        problems: Vec<Problem>,
    },
}

fn invalid_lines(origin: &str, problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|problem| format!("{origin}: {problem}"))
        .collect::<Vec<_>>()
        .join("\n")
}

impl PackError {
    /// The line and column the error points at, when it points at one.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            PackError::Syntax { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }
}

/// Reads, parses and validates the pack at `path`. Errors (not warnings) in the pack refuse it.
pub fn load_pack(path: &Path) -> Result<Pack, PackError> {
    let text = read_pack_text(path)?;
    parse_pack(&text, &path.display().to_string())
}

/// A pack read from a file without validation, with its text and the fields it did not know.
pub struct LoadedPack {
    pub pack: Pack,
    pub text: String,
    pub unknown_fields: Vec<String>,
}

/// Reads and parses the pack at `path` without validating it.
pub fn load_pack_unchecked(path: &Path) -> Result<LoadedPack, PackError> {
    let text = read_pack_text(path)?;
    let (pack, unknown_fields) =
        parse_pack_noting_unknown_fields(&text, &path.display().to_string())?;
    Ok(LoadedPack {
        pack,
        text,
        unknown_fields,
    })
}

/// The text of a pack file, refused before reading when it is too large, and checked to be UTF-8.
pub fn read_pack_text(path: &Path) -> Result<String, PackError> {
    let origin = path.display().to_string();
    let read_error = |source| PackError::Read {
        origin: origin.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(read_error)?.len();
    if size > MAX_PACK_BYTES {
        return Err(PackError::TooLarge { origin, size });
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    decode_utf8(&bytes, &origin).map(str::to_owned)
}

/// Parses and validates pack text; `origin` names it in messages (usually the file path).
pub fn parse_pack(text: &str, origin: &str) -> Result<Pack, PackError> {
    let pack = parse_pack_unchecked(text, origin)?;
    check_usable(&pack, origin)?;
    Ok(pack)
}

/// Refuses a pack whose content has errors (warnings are fine): learners cannot work through it.
pub fn check_usable(pack: &Pack, origin: &str) -> Result<(), PackError> {
    let errors: Vec<Problem> = validate(pack)
        .into_iter()
        .filter(|problem| problem.severity == Severity::Error)
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(PackError::Invalid {
            origin: origin.to_owned(),
            problems: errors,
        })
    }
}

/// How pack and rule files are read: `Some(…)` may be left out around an optional value, so a rule
/// reads `part: Inform` rather than `part: Some(Inform)`.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Parses pack text without validating it, for editors that must open a pack to fix it.
pub fn parse_pack_unchecked(text: &str, origin: &str) -> Result<Pack, PackError> {
    parse_pack_noting_unknown_fields(text, origin).map(|(pack, _)| pack)
}

/// Parses pack text without validating it, and names the fields it did not know (a misspelt optional
/// field would otherwise vanish without a word), such as `exercises[0].pitfal`.
pub fn parse_pack_noting_unknown_fields(
    text: &str,
    origin: &str,
) -> Result<(Pack, Vec<String>), PackError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut unknown = Vec::new();
    let parsed =
        ron::Deserializer::from_str_with_options(text, &ron_options()).and_then(|mut de| {
            let pack: Pack = serde_ignored::deserialize(&mut de, |path| {
                unknown.push(field_path(&path.to_string()));
            })
            .map_err(|error| de.span_error(error))?;
            de.end().map_err(|error| de.span_error(error))?;
            Ok(pack)
        });
    match parsed {
        Ok(pack) if pack.format > FORMAT_VERSION => Err(PackError::NewerFormat {
            origin: origin.to_owned(),
            found: pack.format,
        }),
        Ok(pack) => Ok((pack, unknown)),
        Err(error) => {
            // A newer format may fail to parse for reasons that would only confuse; say what it is.
            if let Some(found) = newer_format_version(text) {
                return Err(PackError::NewerFormat {
                    origin: origin.to_owned(),
                    found,
                });
            }
            let mut message = error.code.to_string();
            if text.trim_start().starts_with(['{', '[']) {
                message.push_str(
                    " (this looks like JSON; a pack is RON, described in exercises/README.md)",
                );
            }
            Err(PackError::Syntax {
                origin: origin.to_owned(),
                line: error.span.end.line,
                column: error.span.end.col,
                message,
            })
        }
    }
}

/// `exercises.0.pitfal` as the validator writes locations: `exercises[0].pitfal`.
fn field_path(dotted: &str) -> String {
    let mut out = String::new();
    for segment in dotted.split('.') {
        if segment.chars().all(|c| c.is_ascii_digit()) && !segment.is_empty() {
            out.push_str(&format!("[{segment}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(segment);
        }
    }
    out
}

fn newer_format_version(text: &str) -> Option<u32> {
    #[derive(Deserialize)]
    struct FormatOnly {
        format: u32,
    }
    let found = ron::from_str::<FormatOnly>(text).ok()?.format;
    (found > FORMAT_VERSION).then_some(found)
}

/// Decodes UTF-8, pointing at the first bad byte's line and column when it is not.
fn decode_utf8<'a>(bytes: &'a [u8], origin: &str) -> Result<&'a str, PackError> {
    std::str::from_utf8(bytes).map_err(|error| {
        let good = &bytes[..error.valid_up_to()];
        let good = std::str::from_utf8(good).unwrap_or_default();
        let line = good.matches('\n').count() + 1;
        let column = good.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        PackError::Syntax {
            origin: origin.to_owned(),
            line,
            column,
            message: "the file is not UTF-8 text; save it as UTF-8".to_owned(),
        }
    })
}

/// The canonical text of a pack: pretty RON, two-space indent, `\n` line endings, multi-line strings
/// written as they read, and empty optional fields left out.
pub fn pack_to_ron(pack: &Pack) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ")
        .new_line("\n")
        .escape_strings(false)
        .struct_names(false);
    let body = ron::ser::to_string_pretty(pack, config)
        .expect("a pack holds only strings, numbers, lists and enums, which RON always writes");
    format!(
        "// AIRR Coach exercise pack. The format is described in exercises/README.md.\n{body}\n"
    )
}

/// Writes the pack's canonical text to `path` atomically.
pub fn save_pack(pack: &Pack, path: &Path) -> std::io::Result<()> {
    write_atomically_with(path, |file| write_pack(pack, file))
}

/// Writes the pack's canonical text to `writer`, passing on its errors (a full disk, say).
pub fn write_pack(pack: &Pack, writer: &mut impl std::io::Write) -> std::io::Result<()> {
    writer.write_all(pack_to_ron(pack).as_bytes())?;
    writer.flush()
}
