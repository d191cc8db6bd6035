//! Small modal windows: typing a pack's path, and confirming a progress reset.

use egui::{Modal, RichText, Ui};

use super::command::Command;

/// Whether a typed path is for opening a pack or saving one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PathPurpose {
    #[default]
    Open,
    Save,
}

/// The typed-path window: the way to open or save a pack where no file dialog can be shown.
#[derive(Debug, Default)]
pub struct PathEntry {
    pub purpose: PathPurpose,
    pub path: String,
    /// Why the window was opened instead of a dialog, if it was.
    pub note: Option<String>,
    /// Why the last path typed could not be opened.
    pub error: Option<String>,
}

pub enum DialogOutcome {
    Accept,
    Close,
    Stay,
}

impl PathEntry {
    pub fn ui(&mut self, ctx: &egui::Context) -> DialogOutcome {
        let mut outcome = DialogOutcome::Stay;
        let (heading, action) = match self.purpose {
            PathPurpose::Open => ("Open an exercise pack", "Open"),
            PathPurpose::Save => ("Save the pack as", "Save"),
        };
        let modal = Modal::new(egui::Id::unique("pack path entry")).show(ctx, |ui| {
            ui.set_width(480.0);
            ui.heading(heading);
            if let Some(note) = &self.note {
                ui.label(note);
            }
            let label = ui.label("Pack file path");
            let edit = ui.add(
                egui::TextEdit::singleline(&mut self.path)
                    .hint_text("/path/to/pack.ron")
                    .desired_width(f32::INFINITY),
            );
            let edit = edit.labelled_by(label.id);
            if !edit.has_focus() && self.error.is_none() && self.path.is_empty() {
                edit.request_focus();
            }
            let submitted = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if let Some(error) = &self.error {
                ui.label(
                    RichText::new(error)
                        .monospace()
                        .color(ui.visuals().error_fg_color),
                );
            }
            ui.horizontal(|ui| {
                let can_open = !self.path.trim().is_empty();
                if ui
                    .add_enabled(can_open, egui::Button::new(action))
                    .clicked()
                    || (submitted && can_open)
                {
                    outcome = DialogOutcome::Accept;
                }
                if ui.button("Cancel").clicked() {
                    outcome = DialogOutcome::Close;
                }
            });
        });
        if modal.should_close() && matches!(outcome, DialogOutcome::Stay) {
            outcome = DialogOutcome::Close;
        }
        outcome
    }
}

/// A modal question with a row of answers; closing it (Escape, a click outside) gives `on_close`.
pub fn question_ui<T: Copy>(
    ctx: &egui::Context,
    id: &str,
    heading: &str,
    text: &str,
    answers: &[(&str, T)],
    on_close: T,
) -> Option<T> {
    let mut answer = None;
    let modal = Modal::new(egui::Id::unique(id)).show(ctx, |ui: &mut Ui| {
        ui.set_width(420.0);
        ui.heading(heading);
        ui.label(text);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (label, value) in answers {
                if ui.button(*label).clicked() {
                    answer = Some(*value);
                }
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(on_close);
    }
    answer
}

/// Asks before forgetting a pack's progress; returns Some(true) to reset, Some(false) to keep.
pub fn confirm_reset_ui(ctx: &egui::Context, pack_title: &str, exercises: usize) -> Option<bool> {
    let text = format!(
        "This forgets which of the {exercises} exercises in “{pack_title}” you completed and how many attempts they took. It cannot be undone."
    );
    let reset = Command::ConfirmResetProgress.text();
    let answers = [(reset.as_str(), true), ("Cancel", false)];
    question_ui(
        ctx,
        "confirm reset",
        "Reset progress?",
        &text,
        &answers,
        false,
    )
}

/// What to do with unsaved changes before the pack is replaced or the window closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

pub fn unsaved_changes_ui(ctx: &egui::Context, name: &str) -> Option<UnsavedChoice> {
    let text = format!(
        "“{name}” has changes that are not saved. They are lost if you go on without saving."
    );
    let answers = [
        ("Save", UnsavedChoice::Save),
        ("Discard changes", UnsavedChoice::Discard),
        ("Cancel", UnsavedChoice::Cancel),
    ];
    let heading = "Save your changes?";
    question_ui(
        ctx,
        "unsaved changes",
        heading,
        &text,
        &answers,
        UnsavedChoice::Cancel,
    )
}

/// Asks before saving a pack that learners could not open; returns Some(true) to save anyway.
pub fn save_with_errors_ui(ctx: &egui::Context, errors: usize) -> Option<bool> {
    let text = format!(
        "The pack has {errors} {} (see Problems). You can save it and fix them later, but learners cannot open it until they are fixed.",
        if errors == 1 { "error" } else { "errors" }
    );
    let answers = [("Save anyway", true), ("Cancel", false)];
    question_ui(
        ctx,
        "save with errors",
        "Save a pack with errors?",
        &text,
        &answers,
        false,
    )
}
