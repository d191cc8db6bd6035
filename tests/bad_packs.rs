//! Malformed packs: each is refused with its file, line and column and what was expected, through
//! the library and the command line, quickly and without a panic.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use airr_coach::pack_file::{PackError, load_pack};

/// A file in tests/bad_packs, the line and column its error has (if any), and part of the message.
type Case = (&'static str, Option<(usize, usize)>, &'static str);

const CASES: [Case; 25] = [
    ("bad-escape.ron", Some((4, 17)), "Unknown escape character"),
    ("bom-missing-comma.ron", Some((5, 5)), "Expected comma"),
    (
        "duplicate-ids.ron",
        None,
        "has the same id as an earlier exercise",
    ),
    (
        "empty.ron",
        Some((1, 1)),
        "Expected opening `(` for struct `Pack`",
    ),
    (
        "extra-closing.ron",
        Some((18, 1)),
        "Non-whitespace trailing characters",
    ),
    ("invalid-utf8.ron", Some((4, 16)), "not UTF-8"),
    ("json.ron", Some((1, 1)), "this looks like JSON"),
    ("missing-comma.ron", Some((4, 5)), "Expected comma"),
    (
        "missing-title.ron",
        Some((16, 1)),
        "missing field named `title`",
    ),
    (
        "negative-format.ron",
        Some((2, 15)),
        "Integer is out of bounds",
    ),
    (
        "newer-format.ron",
        None,
        "format version 2, newer than this version",
    ),
    ("no-correct-reply.ron", None, "no reply is marked correct"),
    ("nul-byte.ron", Some((3, 16)), "Expected identifier"),
    (
        "number-overflow.ron",
        Some((2, 33)),
        "Integer is out of bounds",
    ),
    ("plain-text.ron", Some((1, 5)), "Expected struct `Pack`"),
    (
        "reply-text-number.ron",
        Some((12, 26)),
        "Expected the reply's text",
    ),
    (
        "trailing-garbage.ron",
        Some((18, 1)),
        "Non-whitespace trailing characters",
    ),
    ("truncated.ron", Some((10, 8)), "Unexpected end of RON"),
    (
        "unbalanced-paren.ron",
        Some((17, 1)),
        "Unexpected end of RON",
    ),
    (
        "unknown-part.ron",
        Some((13, 32)),
        "Unexpected variant named `Inspire` in enum `Piece`",
    ),
    (
        "unknown-topic.ron",
        Some((9, 28)),
        "Unexpected variant named `Incident` in enum `Topic`",
    ),
    (
        "unterminated-comment.ron",
        Some((17, 2)),
        "Unclosed block comment",
    ),
    ("unterminated-string.ron", Some((7, 18)), "Expected comma"),
    ("wrong-type-format.ron", Some((2, 13)), "Expected integer"),
    (
        "wrong-type-replies.ron",
        Some((11, 22)),
        "Expected opening `[`",
    ),
];

fn bad_pack(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/bad_packs")
        .join(name)
}

#[test]
fn every_bad_pack_is_refused_with_its_position_and_what_was_expected() {
    for (name, position, fragment) in CASES {
        let path = bad_pack(name);
        let error = load_pack(&path).expect_err(name);
        let message = error.to_string();
        assert!(
            message.starts_with(&path.display().to_string()),
            "{name}: {message}"
        );
        assert!(message.contains(fragment), "{name}: {message}");
        assert_eq!(error.position(), position, "{name}: {message}");
    }
}

#[test]
fn the_command_line_reports_the_same() {
    let paths: Vec<PathBuf> = CASES.iter().map(|(name, ..)| bad_pack(name)).collect();
    let output = Command::new(env!("CARGO_BIN_EXE_airr-coach"))
        .arg("validate")
        .args(&paths)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    for ((name, position, fragment), path) in CASES.iter().zip(&paths) {
        let prefix = match position {
            Some((line, column)) => format!("{}:{line}:{column}: error: ", path.display()),
            None => format!("{}: ", path.display()),
        };
        assert!(
            stdout
                .lines()
                .any(|line| line.starts_with(&prefix) && line.contains(fragment)),
            "{name}: no line starting {prefix:?} with {fragment:?} in\n{stdout}"
        );
    }
}

/// Large hostile inputs, made here rather than committed.
fn generated_case(dir: &Path, name: &str, text: &str) -> (PathBuf, PackError, Duration) {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let started = Instant::now();
    let error = load_pack(&path).expect_err(name);
    (path, error, started.elapsed())
}

#[test]
fn deep_nesting_and_huge_numbers_fail_cleanly_not_with_a_stack_overflow() {
    let dir = tempfile::tempdir().unwrap();
    // An unknown field is read as any value, so its nesting is limited only by the parser.
    let nested = format!("(format: 1, junk: {}", "[".repeat(200_000));
    let (_, error, _) = generated_case(dir.path(), "deep.ron", &nested);
    assert!(error.to_string().contains("recursion"), "{error}");
    assert_eq!(error.position().map(|(line, _)| line), Some(1), "{error}");

    let digits = format!("(format: {})", "9".repeat(1_000_000));
    let (_, error, _) = generated_case(dir.path(), "digits.ron", &digits);
    assert!(error.to_string().contains("out of bounds"), "{error}");
}

#[test]
fn a_pack_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(airr_coach::pack_file::MAX_PACK_BYTES + 1)
        .unwrap();
    let error = load_pack(&path).unwrap_err();
    assert!(matches!(error, PackError::TooLarge { .. }), "{error}");
    assert!(
        error.to_string().contains("packs are limited to"),
        "{error}"
    );
}
