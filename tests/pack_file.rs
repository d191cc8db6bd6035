//! Reading packs: clear errors for bad input, with the file, line and column.

use airr_coach::pack::{Piece, ReplyText};
use airr_coach::pack_file::{PackError, load_pack, pack_to_ron, parse_pack, save_pack};

fn minimal(replies: &str) -> String {
    format!(
        r#"(
    format: 1,
    id: "tiny",
    title: "Tiny",
    exercises: [
        (
            id: "one",
            title: "One",
            client_message: (body: "Help?"),
            question: "Which?",
            replies: [{replies}],
        ),
    ],
)"#
    )
}

const TWO_REPLIES: &str = r#"(text: "No.", feedback: "Rude."), (text: [Acknowledge("Sorry."), Plain(" "), Inform("It broke.")], feedback: "Good.", correct: true)"#;

#[test]
fn a_minimal_pack_loads_with_defaults() {
    let pack = parse_pack(&minimal(TWO_REPLIES), "tiny.ron").unwrap();
    let exercise = &pack.exercises[0];
    assert_eq!(exercise.correct_reply(), Some(1));
    assert_eq!(
        exercise.replies[1].text,
        ReplyText::from_pieces(vec![
            Piece::tagged(airr_coach::airr::AirrPart::Acknowledge, "Sorry."),
            Piece::plain(" "),
            Piece::tagged(airr_coach::airr::AirrPart::Inform, "It broke."),
        ])
    );
    assert_eq!(exercise.replies[0].text, ReplyText::plain("No."));
    assert!(pack.principles.is_empty());
}

#[test]
fn a_syntax_error_names_file_line_and_column() {
    // The closing quote of "Which?" is missing on line 10.
    let text = minimal(TWO_REPLIES).replace("\"Which?\"", "\"Which?");
    let error = parse_pack(&text, "broken.ron").unwrap_err();
    let message = error.to_string();
    assert!(message.starts_with("broken.ron:"), "{message}");
    assert!(error.position().is_some(), "{message}");
}

#[test]
fn a_missing_field_says_which() {
    let text = minimal(TWO_REPLIES).replace("question: \"Which?\",", "");
    let message = parse_pack(&text, "p.ron").unwrap_err().to_string();
    assert!(message.contains("question"), "{message}");
    let PackError::Syntax { line, column, .. } = parse_pack(&text, "p.ron").unwrap_err() else {
        panic!("expected a syntax error");
    };
    // ron reports a missing field at the closing bracket of the record that lacks it.
    assert_eq!((line, column), (12, 9), "{message}");
}

#[test]
fn a_wrong_type_points_at_the_value() {
    let text = minimal(TWO_REPLIES).replace("format: 1", "format: \"one\"");
    let error = parse_pack(&text, "p.ron").unwrap_err();
    assert_eq!(error.position(), Some((2, 13)), "{error}");
}

#[test]
fn a_piece_with_an_unknown_part_is_refused() {
    let text = minimal(TWO_REPLIES).replace("Inform(", "Inspire(");
    let message = parse_pack(&text, "p.ron").unwrap_err().to_string();
    assert!(message.contains("Inspire"), "{message}");
}

#[test]
fn a_newer_format_is_refused_with_a_clear_message() {
    let text = minimal(TWO_REPLIES).replace("format: 1", "format: 7");
    let error = parse_pack(&text, "future.ron").unwrap_err();
    assert!(
        matches!(error, PackError::NewerFormat { found: 7, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("newer"), "{error}");
}

#[test]
fn a_pack_without_a_correct_reply_is_refused_naming_the_exercise() {
    let text = minimal(TWO_REPLIES).replace("correct: true", "");
    let message = parse_pack(&text, "p.ron").unwrap_err().to_string();
    assert!(
        message.contains("p.ron: exercise one, replies: error: no reply is marked correct"),
        "{message}"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", minimal(TWO_REPLIES));
    assert!(parse_pack(&text, "bom.ron").is_ok());
}

#[test]
fn files_that_are_not_utf8_or_missing_get_messages_with_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.ron");
    std::fs::write(&latin1, b"(\n  title: \"caf\xe9\",\n)").unwrap();
    let error = load_pack(&latin1).unwrap_err();
    assert_eq!(error.position(), Some((2, 14)), "{error}");
    assert!(error.to_string().contains("UTF-8"), "{error}");

    let missing = dir.path().join("missing.ron");
    let message = load_pack(&missing).unwrap_err().to_string();
    assert!(
        message.starts_with(&missing.display().to_string()),
        "{message}"
    );
}

#[test]
fn saving_writes_text_that_loads_back_equal() {
    let pack = parse_pack(&minimal(TWO_REPLIES), "tiny.ron").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.ron");
    save_pack(&pack, &path).unwrap();
    assert_eq!(load_pack(&path).unwrap(), pack);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text, pack_to_ron(&pack));
    assert!(!text.contains("\r\n"));
    assert!(
        !text.contains("principles"),
        "empty fields are left out:\n{text}"
    );
    assert!(!text.contains("correct: false"), "{text}");
}

#[test]
fn unknown_fields_are_named_not_silently_dropped() {
    let text = minimal(TWO_REPLIES)
        .replace(
            "question: \"Which?\",",
            "question: \"Which?\",\n            pitfal: \"Typo.\",",
        )
        .replace("title: \"Tiny\",", "title: \"Tiny\",\n    colour: \"red\",");
    let (pack, unknown) =
        airr_coach::pack_file::parse_pack_noting_unknown_fields(&text, "typo.ron").unwrap();
    assert_eq!(unknown, ["colour", "exercises[0].pitfal"]);
    assert!(pack.exercises[0].pitfall.is_empty());
}

#[cfg(target_os = "linux")]
#[test]
fn writing_to_a_full_device_is_an_error_not_a_silent_loss() {
    let pack = airr_coach::default_pack();
    let mut full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let error = airr_coach::pack_file::write_pack(&pack, &mut full).unwrap_err();
    assert_eq!(error.raw_os_error(), Some(28), "ENOSPC: {error}");
}

#[test]
fn a_failed_save_keeps_the_old_file_and_reports_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let pack = airr_coach::default_pack();
    // The target is a folder.
    let folder = dir.path().join("taken.ron");
    std::fs::create_dir(&folder).unwrap();
    assert!(save_pack(&pack, &folder).is_err());
    assert!(folder.is_dir());
    // The target's folder is a file.
    let file = dir.path().join("plain-file");
    std::fs::write(&file, "keep me").unwrap();
    assert!(save_pack(&pack, &file.join("pack.ron")).is_err());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
}
