//! The open exercise: the client's message, the candidate replies, feedback, and once answered the
//! explanation with the highlighted model answer.

use egui::{Color32, CornerRadius, Frame, Margin, RichText, Sense, Stroke, Ui};

use super::command::{Command, reply_letter};
use super::model_answer::{legend_ui, model_answer_ui};
use crate::airr::AirrPart;
use crate::pack::{Exercise, Pack};
use crate::session::Session;

/// What the exercise view needs to draw one exercise.
pub struct ExerciseContext<'a> {
    pub pack: &'a Pack,
    pub session: &'a Session,
    pub show_markers: bool,
    /// Scroll the explanation into view this frame: the exercise was just answered.
    pub scroll_to_solution: bool,
}

/// Which way the learner works on the exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExerciseTab {
    #[default]
    ChooseReply,
    WriteYourOwn,
}

/// The exercise's number, title, scenario, the client's message and the tabs; returns nothing to do
/// unless a tab was clicked.
pub fn exercise_header_ui(
    ui: &mut Ui,
    pack: &Pack,
    index: usize,
    tab: ExerciseTab,
    commands: &mut Vec<Command>,
) {
    let Some(exercise) = pack.exercises.get(index) else {
        ui.label("This pack has no exercises.");
        return;
    };
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("Exercise {} / {}", index + 1, pack.exercises.len())).weak(),
        );
        ui.label(RichText::new(exercise.topic.name()).small().weak());
    });
    ui.heading(&exercise.title);
    ui.add_space(4.0);
    if !exercise.scenario.is_empty() {
        ui.label(&exercise.scenario);
        ui.add_space(6.0);
    }
    client_message_ui(ui, exercise);
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        for (this, name) in [
            (ExerciseTab::ChooseReply, "Choose a reply"),
            (ExerciseTab::WriteYourOwn, "Write your own"),
        ] {
            if ui
                .add(egui::Button::selectable(tab == this, name))
                .clicked()
            {
                commands.push(Command::SetExerciseTab(this));
            }
        }
    });
    ui.separator();
}

/// The question, the candidate replies, feedback and, once answered, the explanation.
pub fn choose_reply_ui(ui: &mut Ui, context: &ExerciseContext<'_>, commands: &mut Vec<Command>) {
    let ExerciseContext { pack, session, .. } = *context;
    let index = session.current();
    let Some(exercise) = pack.exercises.get(index) else {
        return;
    };
    let answer = session.answer(index);
    let solved = session.is_solved(pack, index);

    ui.label(RichText::new(&exercise.question).strong().size(16.0));
    ui.add_space(6.0);

    for (reply_index, reply) in exercise.replies.iter().enumerate() {
        let selected = answer.chosen == Some(reply_index);
        let shown = solved || answer.checked == Some(reply_index);
        let feedback = shown.then_some(reply.feedback.as_str());
        let verdict = shown.then_some(reply.correct);
        if reply_card_ui(
            ui,
            reply_index,
            &reply.text.full_text(),
            selected,
            verdict,
            feedback,
            solved,
        ) {
            commands.push(Command::ChooseReply(reply_index));
        }
        ui.add_space(4.0);
    }

    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if !solved {
            let can_check = answer.chosen.is_some() && answer.chosen != answer.checked;
            command_button(ui, Command::CheckAnswer, can_check, commands);
            command_button(ui, Command::ShowAnswer, true, commands);
        } else {
            command_button(ui, Command::TryAgain, true, commands);
        }
    });

    if let Some(checked) = answer.checked.filter(|_| !solved) {
        ui.add_space(6.0);
        notice_frame(ui, false).show(ui, |ui| {
            ui.label(
                RichText::new(format!(
                    "{} is not the best reply. Read the feedback under it, then try another.",
                    reply_letter(checked)
                ))
                .strong(),
            );
        });
    }

    if solved {
        ui.add_space(12.0);
        if context.scroll_to_solution {
            ui.scroll_to_cursor(Some(egui::Align::TOP));
        }
        solution_ui(
            ui,
            exercise,
            answer.revealed,
            context.show_markers,
            commands,
        );
    }
}

/// Previous / Next.
pub fn exercise_navigation_ui(ui: &mut Ui, pack: &Pack, index: usize, commands: &mut Vec<Command>) {
    ui.add_space(16.0);
    ui.separator();
    ui.horizontal(|ui| {
        command_button(ui, Command::PreviousExercise, index > 0, commands);
        command_button(
            ui,
            Command::NextExercise,
            index + 1 < pack.exercises.len(),
            commands,
        );
    });
}

fn command_button(ui: &mut Ui, command: Command, enabled: bool, commands: &mut Vec<Command>) {
    let response = ui
        .add_enabled(enabled, egui::Button::new(command.text()))
        .on_hover_text(command.tooltip());
    if response.clicked() {
        commands.push(command);
    }
}

fn client_message_ui(ui: &mut Ui, exercise: &Exercise) {
    let message = &exercise.client_message;
    Frame::group(ui.style())
        .fill(ui.visuals().extreme_bg_color)
        .inner_margin(Margin::same(12))
        .corner_radius(CornerRadius::same(6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            if !message.from.is_empty() {
                ui.label(RichText::new(format!("From: {}", message.from)).weak());
            }
            if !message.subject.is_empty() {
                ui.label(RichText::new(format!("Subject: {}", message.subject)).weak());
            }
            if !message.from.is_empty() || !message.subject.is_empty() {
                ui.separator();
            }
            ui.label(RichText::new(&message.body).size(15.0));
        });
}

/// One candidate reply as a card; returns whether it was clicked.
fn reply_card_ui(
    ui: &mut Ui,
    index: usize,
    text: &str,
    selected: bool,
    verdict: Option<bool>,
    feedback: Option<&str>,
    solved: bool,
) -> bool {
    let visuals = ui.visuals().clone();
    let letter = reply_letter(index);
    let stroke = match verdict {
        Some(true) => Stroke::new(2.0, good_color(&visuals)),
        Some(false) if selected || !solved => Stroke::new(2.0, visuals.error_fg_color),
        _ if selected => visuals.selection.stroke,
        _ => visuals.widgets.noninteractive.bg_stroke,
    };
    let fill = if selected {
        visuals.selection.bg_fill.gamma_multiply(0.35)
    } else {
        visuals.faint_bg_color
    };
    let card = Frame::new()
        .fill(fill)
        .stroke(stroke)
        .inner_margin(Margin::same(10))
        .corner_radius(CornerRadius::same(6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_top(|ui| {
                ui.label(RichText::new(letter.to_string()).strong().size(20.0));
                ui.add_space(6.0);
                ui.vertical(|ui| {
                    ui.add(egui::Label::new(text).selectable(false));
                    if let Some(feedback) = feedback {
                        ui.add_space(4.0);
                        let (mark, color) = if verdict == Some(true) {
                            ("✔ ", good_color(&visuals))
                        } else {
                            ("✖ ", visuals.error_fg_color)
                        };
                        // Only the mark is coloured: long feedback reads better in the body colour.
                        let mut job = egui::text::LayoutJob::default();
                        let font = egui::TextStyle::Body.resolve(ui.style());
                        let body = ui.visuals().strong_text_color();
                        job.append(mark, 0.0, egui::TextFormat::simple(font.clone(), color));
                        job.append(feedback, 0.0, egui::TextFormat::simple(font, body));
                        ui.add(egui::Label::new(job).selectable(false));
                    }
                });
            });
        });
    let response = ui.interact(
        card.response.rect,
        ui.scope_id().with(("reply", index)),
        if solved {
            Sense::hover()
        } else {
            Sense::click()
        },
    );
    response.widget_info(|| {
        egui::WidgetInfo::selected(
            egui::Role::RadioButton,
            !solved,
            selected,
            format!("Reply {letter}"),
        )
    });
    if response.hovered() && !solved {
        ui.painter().rect_stroke(
            card.response.rect,
            CornerRadius::same(6),
            visuals.widgets.hovered.bg_stroke,
            egui::StrokeKind::Inside,
        );
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    response.clicked()
}

fn good_color(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0x6C, 0xD3, 0x8C)
    } else {
        Color32::from_rgb(0x1B, 0x7A, 0x3A)
    }
}

fn notice_frame(ui: &Ui, good: bool) -> Frame {
    let visuals = ui.visuals();
    let color = if good {
        good_color(visuals)
    } else {
        visuals.warn_fg_color
    };
    Frame::new()
        .stroke(Stroke::new(1.0, color))
        .inner_margin(Margin::same(8))
        .corner_radius(CornerRadius::same(4))
}

fn solution_ui(
    ui: &mut Ui,
    exercise: &Exercise,
    revealed: bool,
    show_markers: bool,
    commands: &mut Vec<Command>,
) {
    let correct = exercise.correct_reply();
    notice_frame(ui, true).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let headline = match (revealed, correct) {
            (true, Some(correct)) => format!("The best reply is {}.", reply_letter(correct)),
            (false, Some(correct)) => {
                format!("Correct: {} is the best reply.", reply_letter(correct))
            }
            (_, None) => "This exercise has no reply marked correct.".to_owned(),
        };
        ui.label(
            RichText::new(headline)
                .strong()
                .color(good_color(ui.visuals())),
        );
        if !exercise.explanation.is_empty() {
            ui.label(&exercise.explanation);
        }
    });

    let Some(model) = exercise.model_answer() else {
        return;
    };
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new("Model answer").heading());
        let mut markers = show_markers;
        if ui
            .checkbox(&mut markers, Command::ToggleMarkers.text())
            .on_hover_text(Command::ToggleMarkers.tooltip())
            .changed()
        {
            commands.push(Command::ToggleMarkers);
        }
    });
    legend_ui(ui);
    ui.add_space(4.0);
    Frame::group(ui.style())
        .inner_margin(Margin::same(12))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            model_answer_ui(ui, &model.text, &exercise.breakdown, show_markers);
        });

    if !exercise.breakdown.is_empty() {
        ui.add_space(10.0);
        ui.label(RichText::new("AIRR breakdown").heading());
        for item in &exercise.breakdown {
            breakdown_row_ui(ui, item.part, &item.quote, &item.why);
        }
    }
    if !exercise.points.is_empty() {
        ui.add_space(10.0);
        ui.label(RichText::new("What makes this work").heading());
        for (number, point) in exercise.points.iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{}. {}", number + 1, point.title)).strong());
                if !point.detail.is_empty() {
                    ui.label(format!("— {}", point.detail));
                }
            });
        }
    }
    if !exercise.pitfall.is_empty() {
        ui.add_space(10.0);
        notice_frame(ui, false).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new("⚠ Pitfall")
                    .strong()
                    .color(ui.visuals().warn_fg_color),
            );
            ui.label(&exercise.pitfall);
        });
    }
}

fn breakdown_row_ui(ui: &mut Ui, part: AirrPart, quote: &str, why: &str) {
    let colors = super::palette::part_colors(part, ui.visuals().dark_mode);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!(" {} ", part.name()))
                .strong()
                .color(colors.text)
                .background_color(colors.background),
        );
        ui.label(RichText::new(format!("“{quote}”")).italics());
        if !why.is_empty() {
            ui.label(format!("— {why}"));
        }
    });
}
