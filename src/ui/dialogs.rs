//! Small modal windows: typing a pack's path, and confirming a progress reset.

use egui::{Modal, RichText, Ui};

use super::command::Command;

/// The typed-path window: the way to open a pack where no file dialog can be shown.
#[derive(Debug, Default)]
pub struct OpenByPath {
    pub path: String,
    /// Why the window was opened instead of a dialog, if it was.
    pub note: Option<String>,
    /// Why the last path typed could not be opened.
    pub error: Option<String>,
}

pub enum DialogOutcome {
    Open,
    Close,
    Stay,
}

impl OpenByPath {
    pub fn ui(&mut self, ctx: &egui::Context) -> DialogOutcome {
        let mut outcome = DialogOutcome::Stay;
        let modal = Modal::new(egui::Id::unique("open pack by path")).show(ctx, |ui| {
            ui.set_width(480.0);
            ui.heading("Open an exercise pack");
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
                    .add_enabled(can_open, egui::Button::new("Open"))
                    .clicked()
                    || (submitted && can_open)
                {
                    outcome = DialogOutcome::Open;
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

/// Asks before forgetting a pack's progress; returns Some(true) to reset, Some(false) to keep.
pub fn confirm_reset_ui(ctx: &egui::Context, pack_title: &str, exercises: usize) -> Option<bool> {
    let mut answer = None;
    let modal = Modal::new(egui::Id::unique("confirm reset")).show(ctx, |ui: &mut Ui| {
        ui.set_width(420.0);
        ui.heading("Reset progress?");
        ui.label(format!(
            "This forgets which of the {exercises} exercises in “{pack_title}” you completed and how many attempts they took. It cannot be undone."
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let reset = Command::ConfirmResetProgress;
            if ui.button(reset.text()).on_hover_text(reset.tooltip()).clicked() {
                answer = Some(true);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(false);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(false);
    }
    answer
}
