//! Trainer mode, driven through egui_kittest: write a pack from the template, tag the model answer,
//! save, reload; unsaved changes are never lost silently.

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use airr_coach::airr::AirrPart;
use airr_coach::pack::Piece;
use airr_coach::pack_file::load_pack_unchecked;
use airr_coach::ui::{AirrApp, Command, Mode, PackOrigin};

mod common;
use common::{app_with, click, harness_sized, send};

fn harness(data_dir: &Path, save_to: Option<&Path>) -> Harness<'static, AirrApp> {
    harness_sized(app_with(data_dir, None, save_to), 1300.0, 1000.0)
}

/// Focuses the field labelled `label`, selects all it holds and types `text` over it.
fn type_into(harness: &mut Harness<'_, AirrApp>, label: &str, text: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

#[test]
fn a_trainer_writes_an_exercise_tags_it_saves_and_loads_it_back() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("team.ron");
    let mut harness = harness(data.path(), Some(&file));
    send(&mut harness, Command::NewPack);
    assert_eq!(harness.state().mode(), Mode::Edit);

    click(&mut harness, "Pack settings and principles");
    type_into(&mut harness, "Pack title", "Team Pack");
    type_into(&mut harness, "Pack id", "team-pack");

    click(&mut harness, "Add exercise");
    assert_eq!(harness.state().pack().exercises.len(), 2);
    type_into(&mut harness, "Title", "A slow dashboard");
    type_into(
        &mut harness,
        "Client's message",
        "Why is the dashboard slow?",
    );
    type_into(&mut harness, "Reply A text", "Sorry for any inconvenience.");
    type_into(&mut harness, "Reply A feedback", "Generic.");
    type_into(
        &mut harness,
        "Reply B text",
        "We are sorry. It was slow from 08:10 UTC.",
    );
    type_into(&mut harness, "Reply B feedback", "Specific.");
    type_into(&mut harness, "Reply C text", "Soon fixed.");
    type_into(&mut harness, "Reply C feedback", "Vague.");
    click(&mut harness, "B is correct");

    // Select "We are sorry." in reply B and tag it Acknowledge with Ctrl+1, the rest Inform.
    harness.get_by_label("Reply B text").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Home);
    for _ in 0.."We are sorry.".len() {
        harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowRight);
    }
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    harness.run();
    harness.key_press(egui::Key::End);
    for _ in 0.." It was slow from 08:10 UTC.".len() {
        harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowLeft);
    }
    harness.run();
    click(&mut harness, "INF Inform");

    let exercise = harness.state().pack().exercises[1].clone();
    assert_eq!(exercise.correct_reply(), Some(1));
    assert_eq!(
        exercise.replies[1].text.pieces,
        [
            Piece::tagged(AirrPart::Acknowledge, "We are sorry."),
            Piece::tagged(AirrPart::Inform, " It was slow from 08:10 UTC."),
        ]
    );

    // Saving asks first while the pack has errors (the template's first exercise is empty).
    send(&mut harness, Command::SavePack);
    harness.get_by_label("Save a pack with errors?");
    click(&mut harness, "Save anyway");
    assert!(!harness.state().document().is_modified());
    assert_eq!(harness.state().origin(), &PackOrigin::File(file.clone()));
    let saved = load_pack_unchecked(&file).unwrap().pack;
    assert_eq!(&saved, harness.state().pack());
    assert_eq!(saved.title, "Team Pack");

    // Switching to Learn shows the edited pack at once.
    send(&mut harness, Command::SetMode(Mode::Learn));
    harness.get_by_label("A slow dashboard");
    harness.get_by_label("Team Pack");
}

#[test]
fn closing_with_unsaved_edits_asks_and_cancel_keeps_them() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness(data.path(), None);
    send(&mut harness, Command::SetMode(Mode::Edit));
    type_into(&mut harness, "Title", "Explaining a long outage");
    assert!(harness.state().document().is_modified());
    assert!(
        harness.state().title().starts_with("● "),
        "{}",
        harness.state().title()
    );

    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
    let cancelled = harness.output().viewport_output[&egui::ViewportId::ROOT]
        .commands
        .contains(&egui::ViewportCommand::CancelClose);
    assert!(cancelled, "the window must not close with unsaved edits");
    harness.run();
    harness.get_by_label("Save your changes?");
    click(&mut harness, "Cancel");
    assert!(harness.query_by_label("Save your changes?").is_none());
    assert_eq!(
        harness.state().pack().exercises[0].title,
        "Explaining a long outage"
    );
    assert!(harness.state().document().is_modified());
}

#[test]
fn opening_another_pack_with_unsaved_edits_offers_save_discard_cancel() {
    let data = tempfile::tempdir().unwrap();
    let other = data.path().join("other.ron");
    let mut pack = airr_coach::default_pack();
    pack.title = "Other".into();
    airr_coach::pack_file::save_pack(&pack, &other).unwrap();

    let mut harness = harness(data.path(), None);
    send(&mut harness, Command::SetMode(Mode::Edit));
    type_into(&mut harness, "Title", "Edited");
    send(&mut harness, Command::OpenPack(other.clone()));
    harness.get_by_label("Save your changes?");
    click(&mut harness, "Discard changes");
    assert_eq!(harness.state().pack().title, "Other");
    assert!(!harness.state().document().is_modified());
}

#[test]
fn a_validation_problem_shows_for_an_empty_reply_and_goes_when_it_is_filled() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness(data.path(), None);
    send(&mut harness, Command::SetMode(Mode::Edit));
    harness.get_by_label("Problems: 0 errors, 0 warnings");

    type_into(&mut harness, "Reply B text", "");
    let problem = "exercise outage-47-minutes, replies[1].text: error: must not be empty";
    harness.get_by_label(problem);
    harness.get_by_label("Problems: 1 errors, 0 warnings");

    // Clicking the problem focuses the field it is about.
    click(&mut harness, "Title");
    click(&mut harness, problem);
    assert!(harness.get_by_label("Reply B text").is_focused());

    type_into(&mut harness, "Reply B text", "We are looking into it.");
    assert!(harness.query_by_label(problem).is_none());
    harness.get_by_label("Problems: 0 errors, 0 warnings");
}

#[test]
fn undo_and_redo_edits() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness(data.path(), None);
    send(&mut harness, Command::SetMode(Mode::Edit));
    click(&mut harness, "Add reply");
    assert_eq!(harness.state().pack().exercises[0].replies.len(), 5);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().pack().exercises[0].replies.len(), 4);
    assert!(!harness.state().document().is_modified());
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT),
        egui::Key::Z,
    );
    harness.run();
    assert_eq!(harness.state().pack().exercises[0].replies.len(), 5);
}

#[test]
fn exercises_can_be_duplicated_moved_and_deleted() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness(data.path(), None);
    send(&mut harness, Command::SetMode(Mode::Edit));
    click(&mut harness, "Duplicate");
    let ids: Vec<String> = harness
        .state()
        .pack()
        .exercises
        .iter()
        .map(|e| e.id.clone())
        .collect();
    assert_eq!(ids[1], "outage-47-minutes-1");
    harness
        .get_by_label("Move the selected exercise down")
        .click();
    harness.run();
    assert_eq!(
        harness.state().pack().exercises[2].id,
        "outage-47-minutes-1"
    );
    harness.get_by_label("Remove the selected exercise").click();
    harness.run();
    let ids: Vec<String> = harness
        .state()
        .pack()
        .exercises
        .iter()
        .map(|e| e.id.clone())
        .collect();
    assert_eq!(
        ids,
        ["outage-47-minutes", "decline-sftp-export", "rate-limit-429"]
    );
}

#[test]
fn closing_without_edits_is_not_stopped() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness(data.path(), None);
    send(&mut harness, Command::SetMode(Mode::Edit));
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
    let commands = &harness.output().viewport_output[&egui::ViewportId::ROOT].commands;
    assert!(!commands.contains(&egui::ViewportCommand::CancelClose));
    assert!(harness.query_by_label("Save your changes?").is_none());
}

#[test]
fn unsaved_edits_survive_a_crash_and_are_offered_back() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("saved.ron");
    let recovery = data.path().join("recovery.ron");
    let mut harness = harness(data.path(), Some(&file));
    send(&mut harness, Command::SetMode(Mode::Edit));
    type_into(&mut harness, "Title", "Explaining the long outage");
    assert!(
        !recovery.exists(),
        "written only once the edits have rested"
    );
    std::thread::sleep(std::time::Duration::from_millis(1_100));
    harness.run();
    assert!(recovery.exists());
    // The process dies here: no save, no quit.
    drop(harness);

    let mut harness = self::harness(data.path(), Some(&file));
    harness.get_by_label("Restore unsaved edits?");
    click(&mut harness, "Restore");
    assert_eq!(harness.state().mode(), Mode::Edit);
    assert_eq!(
        harness.state().pack().exercises[0].title,
        "Explaining the long outage"
    );
    assert!(harness.state().document().is_modified());

    // Saving ends the need for the recovery file.
    send(&mut harness, Command::SavePack);
    harness.run();
    assert!(file.exists());
    assert!(!recovery.exists());
}

#[test]
fn discarding_recovered_edits_removes_them() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness(data.path(), None);
    send(&mut harness, Command::SetMode(Mode::Edit));
    type_into(&mut harness, "Title", "Lost on purpose");
    std::thread::sleep(std::time::Duration::from_millis(1_100));
    harness.run();
    drop(harness);

    let mut harness = self::harness(data.path(), None);
    click(&mut harness, "Discard");
    assert_eq!(
        harness.state().pack().exercises[0].title,
        "Explaining an outage"
    );
    assert!(!data.path().join("recovery.ron").exists());
}

#[test]
fn a_failed_save_says_so_and_keeps_the_edits() {
    let data = tempfile::tempdir().unwrap();
    let blocker = data.path().join("a-file");
    std::fs::write(&blocker, "x").unwrap();
    let target = blocker.join("pack.ron");
    let mut harness = harness(data.path(), Some(&target));
    send(&mut harness, Command::SetMode(Mode::Edit));
    type_into(&mut harness, "Title", "Kept after a failed save");
    send(&mut harness, Command::SavePackAs);
    harness.run();
    harness.get_by_label_contains("the pack could not be saved");
    assert!(harness.state().document().is_modified());
    assert_eq!(
        harness.state().pack().exercises[0].title,
        "Kept after a failed save"
    );
}
