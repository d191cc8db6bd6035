//! "Write your own": the live reply check in the learner window.

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use airr_coach::ui::AirrApp;

mod common;

fn harness(data_dir: &Path) -> Harness<'static, AirrApp> {
    common::harness_sized(common::app_in(data_dir), 1400.0, 1400.0)
}

fn write_reply(harness: &mut Harness<'_, AirrApp>, text: &str) {
    harness.get_by_label("Write your own").click();
    harness.run();
    harness.get_by_label("Your reply").click();
    harness.run();
    harness.get_by_label("Your reply").type_text(text);
    harness.run();
}

#[test]
fn a_weak_reply_shows_missing_parts_and_the_generic_apology() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness(data.path());
    write_reply(
        &mut harness,
        "Hi Dana, sorry for any inconvenience. Our team is looking into it.",
    );
    for part in ["Acknowledge", "Inform", "Resolve", "Remediate"] {
        harness.get_by_label(&format!("{part}: missing"));
    }
    harness.get_by_label_contains("warning: “sorry for any inconvenience” A generic apology");
    harness.get_by_label_contains("“looking into it” Vague");
}

#[test]
fn the_model_answer_has_all_four_parts_and_the_draft_survives_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let model = airr_coach::default_pack().exercises[0]
        .model_answer()
        .unwrap()
        .text
        .full_text();
    let mut harness = harness(data.path());
    write_reply(&mut harness, &model);
    for part in ["Acknowledge", "Inform", "Resolve", "Remediate"] {
        harness.get_by_label(&format!("{part}: present"));
    }
    // Leaving the app saves the draft even if typing stopped less than a second ago.
    harness.state_mut().send(airr_coach::ui::Command::Quit);
    harness.run();
    drop(harness);

    let mut harness = self::harness(data.path());
    harness.get_by_label("Write your own").click();
    harness.run();
    assert_eq!(
        harness.get_by_label("Your reply").value().as_deref(),
        Some(model.as_str())
    );
    harness.get_by_label("Remediate: present");
}

#[test]
fn clicking_a_finding_selects_its_words() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = harness(data.path());
    write_reply(&mut harness, "We will fix it soon.");
    harness.get_by_label_contains("“soon” Vague").click();
    harness.run();
    let id = egui::Id::unique(("draft", 0usize));
    let state = egui::text_edit::TextEditState::load(&harness.ctx, id).unwrap();
    let range = state.cursor.char_range().unwrap().as_sorted_char_range();
    assert_eq!((range.start.0, range.end.0), (15, 19));
}
