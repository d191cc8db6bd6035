//! The trainers' command line, run as a process: output lines and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn airr_coach(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_airr-coach"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn default_pack_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("exercises/client-technical-communication.ron")
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn validate_passes_a_good_pack_with_exit_0() {
    let output = airr_coach(&["validate", default_pack_path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "");
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("1 pack checked: 0 errors, 0 warnings")
    );
}

#[test]
fn validate_reports_a_parse_error_as_path_line_column() {
    let dir = tempfile::tempdir().unwrap();
    let broken = write(
        dir.path(),
        "broken.ron",
        "(\n    format: 1,\n    id: \"x\"\n    title: \"y\",\n)",
    );
    let output = airr_coach(&["validate", &broken]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        format!("{broken}:4:5: error: Expected comma\n")
    );
}

#[test]
fn validate_reports_content_problems_with_exercise_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(default_pack_path())
        .unwrap()
        .replacen("correct: true,", "", 1)
        .replacen("\"Explaining a system limit\"", "\"\"", 1);
    let path = write(dir.path(), "bad.ron", &text);
    let output = airr_coach(&["validate", &path, default_pack_path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        format!(
            "{path}: exercise outage-47-minutes, replies: error: no reply is marked correct; mark exactly one with `correct: true`\n\
             {path}: exercise rate-limit-429, title: error: must not be empty\n"
        )
    );
}

#[test]
fn validate_exits_0_when_there_are_only_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(default_pack_path())
        .unwrap()
        .replacen(
            "quote: \"within 48 hours\"",
            "quote: \"within 72 hours\"",
            1,
        );
    let path = write(dir.path(), "warn.ron", &text);
    let output = airr_coach(&["validate", &path]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        format!(
            "{path}: exercise outage-47-minutes, breakdown[3].quote: warning: \"within 72 hours\" does not appear in the model answer\n"
        )
    );
}

#[test]
fn fmt_check_lists_packs_that_differ_and_fmt_rewrites_them() {
    let dir = tempfile::tempdir().unwrap();
    let canonical = std::fs::read_to_string(default_pack_path()).unwrap();
    let messy = canonical
        .replace("    ", "  ")
        .replace("// AIRR Coach", "// My notes\n// AIRR Coach");
    let messy_path = write(dir.path(), "messy.ron", &messy);
    let tidy_path = write(dir.path(), "tidy.ron", &canonical);

    let output = airr_coach(&["fmt", "--check", &messy_path, &tidy_path]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), format!("{messy_path}\n"));
    assert_eq!(
        std::fs::read_to_string(&messy_path).unwrap(),
        messy,
        "--check changes nothing"
    );

    let output = airr_coach(&["fmt", &messy_path, &tidy_path]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&messy_path).unwrap(), canonical);

    let output = airr_coach(&["fmt", "--check", &messy_path, &tidy_path]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "a formatted pack is left as it is"
    );
}

#[test]
fn fmt_refuses_a_pack_that_does_not_parse_and_leaves_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "broken.ron", "(format: 1,");
    let output = airr_coach(&["fmt", &path]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains(&format!("{path}:1:")));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "(format: 1,");
}

#[test]
fn help_and_version_work() {
    let help = airr_coach(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    for word in ["validate", "fmt", "[PACK]", "--data-dir"] {
        assert!(
            stdout(&help).contains(word),
            "--help lacks {word}:\n{}",
            stdout(&help)
        );
    }
    let version = airr_coach(&["--version"]);
    assert_eq!(
        stdout(&version).trim(),
        format!("airr-coach {}", env!("CARGO_PKG_VERSION"))
    );
}
