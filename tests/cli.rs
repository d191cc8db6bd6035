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

fn airr_coach_with_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_airr-coach"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn check_prints_findings_as_path_line_column_and_a_parts_summary() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "reply.txt",
        "Hi,\nSorry for any inconvenience.\n",
    );
    let output = airr_coach(&["check", &path]);
    assert_eq!(output.status.code(), Some(0), "warnings only");
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "{path}:2:1: warning: A generic apology: it names no real impact and sounds like a form letter. [generic-apology]"
        )
    );
    assert_eq!(
        lines.last().unwrap(),
        &format!(
            "{path}: parts present: no part; missing: Acknowledge, Inform, Resolve, Remediate; score 0/100"
        )
    );
}

#[test]
fn check_exits_1_on_an_error_level_finding_read_from_stdin() {
    let output = airr_coach_with_stdin(
        &["check", "--exercise", "decline-sftp-export", "-"],
        "We won't be building SFTP export.",
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).starts_with("-:1:4: error: A refusal with no alternative"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn check_writes_json_with_byte_offsets_into_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let reply = "Héllo,\nWe restored service at 15:19 UTC by reverting the change.";
    let path = write(dir.path(), "reply.txt", reply);
    let output = airr_coach(&["check", "--format", "json", &path]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["path"], path.as_str());
    assert_eq!(json["parts"]["resolve"], true);
    assert_eq!(json["parts"]["acknowledge"], false);
    let second = &json["sentences"][1];
    let (start, end) = (
        second["start"].as_u64().unwrap() as usize,
        second["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&reply[start..end], second["text"].as_str().unwrap());
    assert_eq!(
        (second["line"].as_u64(), second["column"].as_u64()),
        (Some(2), Some(1))
    );
    assert!(
        second["parts"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("resolve"))
    );
    assert!(json["score"].as_u64().unwrap() <= 100);

    // Several files give a list, one object each.
    let output = airr_coach(&["check", "--format", "json", &path, &path]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);
}

#[test]
fn check_refuses_an_unknown_exercise_and_a_missing_file() {
    let output = airr_coach(&["check", "--exercise", "nope", "-"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no exercise \"nope\""));
    let output = airr_coach(&["check", "/no/such/reply.txt"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("/no/such/reply.txt: error: cannot read the file")
    );
}

#[test]
fn validate_warns_about_unknown_fields() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(default_pack_path())
        .unwrap()
        .replacen("pitfall:", "pitfal:", 1);
    let path = write(dir.path(), "typo.ron", &text);
    let output = airr_coach(&["validate", &path]);
    assert_eq!(output.status.code(), Some(0), "a warning, not an error");
    assert_eq!(
        stdout(&output),
        format!("{path}: exercises[0].pitfal: warning: unknown field, ignored (misspelt?)\n")
    );
}
