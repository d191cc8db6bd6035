//! The left panel: the pack, the learner's progress, the exercise list and the principles.

use egui::{RichText, Ui};

use super::command::Command;
use crate::pack::Pack;
use crate::progress::{Progress, Status};

pub fn side_panel_ui(
    ui: &mut Ui,
    pack: &Pack,
    progress: &Progress,
    current: usize,
    commands: &mut Vec<Command>,
) {
    ui.add_space(6.0);
    ui.heading(&pack.title);
    if !pack.summary.is_empty() {
        ui.label(RichText::new(&pack.summary).weak());
    }
    ui.add_space(6.0);

    let total = pack.exercises.len();
    let completed = progress.completed_count(pack);
    ui.label(RichText::new(format!("{completed} / {total} completed")).strong());
    let fraction = if total == 0 {
        0.0
    } else {
        completed as f32 / total as f32
    };
    ui.add(egui::ProgressBar::new(fraction).desired_height(8.0));
    ui.add_space(8.0);

    // Room for the principles card below; the list scrolls and draws only the rows in view.
    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 10.0;
    let list_height = (ui.available_height() - 160.0).max(row_height * 2.0);
    egui::ScrollArea::vertical()
        .id_salt("exercise list")
        .max_height(list_height)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, total, |ui, rows| {
            ui.with_layout(egui::Layout::top_down_justified(egui::Align::LEFT), |ui| {
                for index in rows {
                    let exercise = &pack.exercises[index];
                    let status = progress.exercise(&pack.id, &exercise.id).status();
                    let text = exercise_row_text(ui, index, &exercise.title, status);
                    let response = ui.add(
                        egui::Button::selectable(index == current, text)
                            .min_size(egui::vec2(0.0, row_height - 4.0)),
                    );
                    if response.clicked() {
                        commands.push(Command::GoToExercise(index));
                    }
                }
            });
        });

    ui.add_space(8.0);
    if !pack.principles.is_empty() {
        principles_ui(ui, pack);
    }
}

fn status_mark(status: Status) -> &'static str {
    match status {
        Status::NotTried => "○",
        Status::Tried => "◑",
        Status::Completed => "✔",
    }
}

fn exercise_row_text(ui: &Ui, index: usize, title: &str, status: Status) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    let body = egui::TextStyle::Body.resolve(ui.style());
    let small = egui::TextStyle::Small.resolve(ui.style());
    let strong = ui.visuals().strong_text_color();
    let weak = ui.visuals().weak_text_color();
    job.append(
        &format!("{}. {title}\n", index + 1),
        0.0,
        egui::TextFormat::simple(body, strong),
    );
    job.append(
        &format!("{} {}", status_mark(status), status.name()),
        0.0,
        egui::TextFormat::simple(small, weak),
    );
    job.wrap.max_rows = 2;
    job.wrap.break_anywhere = false;
    job.halign = egui::Align::LEFT;
    job
}

fn principles_ui(ui: &mut Ui, pack: &Pack) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::CollapsingHeader::new("Client communication principles")
            .default_open(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("principles")
                    .show(ui, |ui| {
                        for principle in &pack.principles {
                            ui.label(RichText::new(&principle.rule).strong());
                            if !principle.example.is_empty() {
                                ui.label(RichText::new(&principle.example).weak());
                            }
                            ui.add_space(4.0);
                        }
                    });
            });
    });
}
