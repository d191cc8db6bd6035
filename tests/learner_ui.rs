//! The learner window, driven through egui_kittest as a learner would: by labels, clicks and keys.

use std::path::Path;
use std::sync::OnceLock;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use airr_coach::ui::{AirrApp, Command, PackOrigin};

mod common;
use common::{app_in, app_with, click};

fn harness(app: AirrApp) -> Harness<'static, AirrApp> {
    common::harness_sized(app, 1200.0, 900.0)
}

fn choose_and_check(harness: &mut Harness<'_, AirrApp>, letter: char) {
    click(harness, &format!("Reply {letter}"));
    click(harness, "Check answer");
}

#[test]
fn a_wrong_reply_shows_its_feedback_and_completes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness(app_in(data.path()));
    harness.get_by_label("0 / 3 completed");
    harness.get_by_label("Exercise 1 / 3");

    choose_and_check(&mut harness, 'A');
    harness.get_by_label_contains("A generic apology.");
    harness.get_by_label_contains("A is not the best reply");
    harness.get_by_label("0 / 3 completed");
    assert!(harness.query_by_label("Model answer").is_none());
}

#[test]
fn the_right_reply_completes_the_exercise_and_shows_the_model_answer() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness(app_in(data.path()));
    choose_and_check(&mut harness, 'A');
    choose_and_check(&mut harness, 'C');

    harness.get_by_label("1 / 3 completed");
    harness.get_by_label("Correct: C is the best reply.");
    harness.get_by_label("Model answer");
    for legend in [
        "ACK Acknowledge",
        "INF Inform",
        "RES Resolve",
        "REM Remediate",
    ] {
        harness.get_by_label(legend);
    }
    // The model answer, with the part markers written before each part.
    harness.get_by_label_contains("ACK I sincerely apologise for the disruption to your work");
    harness.get_by_label_contains("RES Our on-call engineers found the faulty rule");
    harness.get_by_label("What makes this work");

    click(&mut harness, "Next ▶");
    harness.get_by_label("Exercise 2 / 3");
    harness.get_by_label("Declining a feature request");

    // A new app on the same data folder remembers, and opens at the first unfinished exercise.
    drop(harness);
    let harness = self::harness(app_in(data.path()));
    harness.get_by_label("1 / 3 completed");
    harness.get_by_label("Exercise 2 / 3");
    let progress = harness.state().progress().progress.clone();
    let record = progress.exercise("client-technical-communication", "outage-47-minutes");
    assert_eq!(
        (record.attempts, record.completed, record.first_try_correct),
        (2, true, false)
    );
}

#[test]
fn keys_choose_check_and_move_between_exercises() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness(app_in(data.path()));
    harness.key_press(egui::Key::Num3);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label("1 / 3 completed");

    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    harness.get_by_label("Exercise 2 / 3");
    harness.key_press(egui::Key::B);
    harness.run();
    assert_eq!(harness.state().session().answer(1).chosen, Some(1));
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    harness.get_by_label("Exercise 1 / 3");
}

#[test]
fn show_answer_reveals_without_completing() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness(app_in(data.path()));
    click(&mut harness, "Show answer");
    harness.get_by_label("The best reply is C.");
    harness.get_by_label("Model answer");
    harness.get_by_label("0 / 3 completed");
}

#[test]
fn reset_progress_asks_first() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness(app_in(data.path()));
    choose_and_check(&mut harness, 'C');
    harness.get_by_label("1 / 3 completed");

    harness.state_mut().send(Command::ResetProgress);
    harness.run();
    harness.get_by_label("Reset progress?");
    harness.get_by_label("Cancel").click();
    harness.run();
    harness.get_by_label("1 / 3 completed");

    harness.state_mut().send(Command::ResetProgress);
    harness.run();
    harness.get_by_label("Reset progress").click();
    harness.run();
    harness.get_by_label("0 / 3 completed");
    let reopened = airr_coach::progress::ProgressStore::open(data.path());
    assert_eq!(reopened.progress.completed_count(harness.state().pack()), 0);
}

#[test]
fn a_broken_pack_shows_where_and_the_pack_on_screen_stays() {
    let data = tempfile::tempdir().unwrap();
    let broken = data.path().join("broken.ron");
    std::fs::write(
        &broken,
        "(\n    format: 1,\n    id: \"x\"\n    title: \"y\",\n)",
    )
    .unwrap();
    let mut harness = harness(app_with(data.path(), None, Some(&broken)));
    harness.state_mut().send(Command::OpenPackDialog);
    harness.run();

    let expected = format!("{}:4:5:", broken.display());
    harness.get_by_label("The pack could not be opened or saved");
    harness.get_by_label_contains(&expected);
    assert_eq!(harness.state().origin(), &PackOrigin::BuiltIn);
    harness.get_by_label("Client Technical Communication");
}

#[test]
fn a_pack_opened_by_dialog_replaces_the_pack_and_is_reopened_next_time() {
    let data = tempfile::tempdir().unwrap();
    let other = data.path().join("other.ron");
    let mut pack = airr_coach::default_pack();
    pack.id = "other".into();
    pack.title = "Another Pack".into();
    pack.exercises.truncate(2);
    airr_coach::pack_file::save_pack(&pack, &other).unwrap();

    let mut harness = harness(app_with(data.path(), None, Some(&other)));
    harness.state_mut().send(Command::OpenPackDialog);
    harness.run();
    harness.get_by_label("Another Pack");
    harness.get_by_label("0 / 2 completed");

    drop(harness);
    let harness = self::harness(app_in(data.path()));
    harness.get_by_label("Another Pack");
}

#[test]
fn a_pack_with_a_misspelt_field_opens_with_a_warning_naming_it() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("typo.ron");
    let text = airr_coach::pack_file::pack_to_ron(&airr_coach::default_pack())
        .replacen("pitfall:", "pitfal:", 1);
    std::fs::write(&path, text).unwrap();
    let mut harness = harness(app_in(data.path()));
    harness.state_mut().send(Command::OpenPack(path.clone()));
    harness.run();
    assert_eq!(harness.state().origin(), &PackOrigin::File(path));
    harness.get_by_label_contains("unknown and were ignored (misspelt?): exercises[0].pitfal");
}

#[test]
fn without_a_file_dialog_the_path_can_be_typed() {
    let data = tempfile::tempdir().unwrap();
    let other = data.path().join("typed.ron");
    let mut pack = airr_coach::default_pack();
    pack.title = "Typed Pack".into();
    airr_coach::pack_file::save_pack(&pack, &other).unwrap();

    // The picker answers "nothing" at once, as rfd does where no dialog can be shown.
    let mut harness = harness(app_with(data.path(), None, None));
    harness.state_mut().send(Command::OpenPackDialog);
    harness.run();
    harness.get_by_label_contains("No file dialog could be shown");

    let field = harness.get_by_label("Pack file path");
    field.click();
    field.type_text("/no/such/pack.ron");
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    harness.get_by_label_contains("/no/such/pack.ron: error: cannot read the file");

    let field = harness.get_by_label("Pack file path");
    field.click();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    field.type_text(&other.display().to_string());
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    harness.get_by_label("Typed Pack");
    assert!(harness.query_by_label("Pack file path").is_none());
}

#[test]
fn a_pack_given_on_the_command_line_opens_and_a_bad_one_is_reported() {
    let data = tempfile::tempdir().unwrap();
    let missing = data.path().join("missing.ron");
    let harness = harness(app_with(data.path(), Some(&missing), None));
    harness.get_by_label("The pack could not be opened or saved");
    harness.get_by_label("Client Technical Communication");
}

#[derive(Debug)]
struct DroppedPath(std::path::PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|error| error.to_string())
    }
}

#[test]
fn a_pack_dropped_on_the_window_opens() {
    let data = tempfile::tempdir().unwrap();
    let dropped = data.path().join("dropped.ron");
    let mut pack = airr_coach::default_pack();
    pack.title = "Dropped Pack".into();
    airr_coach::pack_file::save_pack(&pack, &dropped).unwrap();

    let mut harness = harness(app_in(data.path()));
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(dropped.clone())));
    harness.run();
    harness.get_by_label("Dropped Pack");
    assert_eq!(harness.state().origin(), &PackOrigin::File(dropped));
}

#[test]
fn hovering_a_highlighted_part_names_it_and_its_note() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness(app_in(data.path()));
    choose_and_check(&mut harness, 'C');
    harness
        .get_by_label_contains("ACK I sincerely apologise")
        .scroll_to_me();
    harness.run();
    let rect = harness
        .get_by_label_contains("ACK I sincerely apologise")
        .rect();
    let body = egui::TextStyle::Body.resolve(&harness.ctx.global_style());
    let row = harness.ctx.fonts_mut(|fonts| fonts.row_height(&body));
    let note = "“sincerely apologise for the disruption to your work” — Personalised, not generic.";

    // The first row is the untagged greeting "Hi Dana,": no part, no tooltip.
    harness.hover_at(rect.left_top() + egui::vec2(20.0, row * 0.5));
    harness.run();
    assert!(harness.query_by_label(note).is_none());

    // The Acknowledge piece starts on the third row, after a blank line.
    harness.hover_at(rect.left_top() + egui::vec2(120.0, row * 2.5));
    harness.run();
    harness.get_by_label(note);
    harness.get_by_label(airr_coach::airr::AirrPart::Acknowledge.purpose());
}

#[test]
fn a_corrupt_progress_file_is_kept_and_the_app_starts_with_a_warning() {
    let data = tempfile::tempdir().unwrap();
    let corrupt = "(packs: {\"client-technical-communication\": (exercises: {";
    std::fs::write(data.path().join("progress.ron"), corrupt).unwrap();
    let mut harness = harness(app_in(data.path()));
    harness.get_by_label_contains("could not be read");
    harness.get_by_label("0 / 3 completed");
    choose_and_check(&mut harness, 'C');
    harness.get_by_label("1 / 3 completed");
    // Saving fresh progress does not hide what happened to the old file.
    harness.get_by_label_contains("could not be read");
    let kept: Vec<_> = std::fs::read_dir(data.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().contains("progress.ron.corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), corrupt);
}

#[test]
fn an_unwritable_data_folder_shows_a_warning_and_the_app_keeps_working() {
    let data = tempfile::tempdir().unwrap();
    let blocker = data.path().join("a-file");
    std::fs::write(&blocker, "not a folder").unwrap();
    let mut harness = harness(app_in(&blocker.join("airr-coach")));
    choose_and_check(&mut harness, 'C');
    harness.get_by_label("1 / 3 completed");
    harness.get_by_label_contains("Cannot save your progress");
}

/// Whether a wgpu adapter (on the CPU, with lavapipe) can render snapshots here.
fn renderer_available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(|| {
        let probe = std::panic::catch_unwind(egui_kittest::wgpu::WgpuTestRenderer::new);
        probe.is_ok()
    })
}

fn snapshot(harness: &mut Harness<'_, AirrApp>, name: &str) {
    if !renderer_available() {
        assert!(
            std::env::var_os("AIRR_REQUIRE_SNAPSHOTS").is_none(),
            "AIRR_REQUIRE_SNAPSHOTS is set but no wgpu renderer is available (install mesa-vulkan-drivers)"
        );
        eprintln!(
            "skipping snapshot {name}: no wgpu renderer here (apt-get install mesa-vulkan-drivers)"
        );
        return;
    }
    harness.snapshot(name);
}

/// The answered first exercise, with its highlighted model answer, rendered and compared with the
/// committed image.
fn answered_exercise_snapshot(theme: egui::Theme, name: &str) {
    let data = tempfile::tempdir().unwrap();
    let setting = if theme == egui::Theme::Dark {
        "Dark"
    } else {
        "Light"
    };
    std::fs::write(
        data.path().join("settings.ron"),
        format!("(theme: {setting})"),
    )
    .unwrap();
    let mut harness = Harness::builder()
        .with_size([1200.0, 1750.0])
        .with_theme(theme)
        .build_ui_state(|ui, app: &mut AirrApp| app.ui(ui), app_in(data.path()));
    harness.run();
    choose_and_check(&mut harness, 'C');
    harness.get_by_label("Exercise 1 / 3").scroll_to_me();
    harness.remove_cursor();
    harness.run();
    snapshot(&mut harness, name);
}

#[test]
fn snapshot_answered_exercise_dark() {
    answered_exercise_snapshot(egui::Theme::Dark, "answered_exercise_dark");
}

#[test]
fn snapshot_answered_exercise_light() {
    answered_exercise_snapshot(egui::Theme::Light, "answered_exercise_light");
}
