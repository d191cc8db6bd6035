//! The form for one exercise: every field, the candidate replies with their tags, the breakdown,
//! the points.

use egui::{RichText, Ui};

use super::EditAction;
use super::fields::{FieldContext, list_buttons_ui};
use super::reply_editor::{TagTarget, reply_text_ui};
use crate::airr::AirrPart;
use crate::pack::{Exercise, Topic};
use crate::ui::command::reply_letter;
use crate::ui::palette::{part_colors, part_marker};

pub fn exercise_form_ui(
    ui: &mut Ui,
    index: usize,
    exercise: &mut Exercise,
    fields: &mut FieldContext<'_>,
    tag_target: &mut Option<TagTarget>,
    actions: &mut Vec<EditAction>,
) {
    ui.heading(format!("Exercise {}", index + 1));
    fields.text_ui(ui, "Title", "title", &mut exercise.title);
    fields.text_ui(ui, "Id", "id", &mut exercise.id);
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new("Topic").strong());
        let before = exercise.topic;
        egui::ComboBox::from_id_salt(("topic", index))
            .selected_text(exercise.topic.name())
            .show_ui(ui, |ui| {
                for topic in Topic::ALL {
                    ui.selectable_value(&mut exercise.topic, topic, topic.name());
                }
            })
            .response
            .labelled_by(label.id);
        if exercise.topic != before {
            *fields.edited = Some(fields.key("topic"));
        }
    });
    fields.multiline_ui(ui, "Scenario", "scenario", &mut exercise.scenario);
    ui.separator();
    fields.text_ui(
        ui,
        "Client's name",
        "client_message.from",
        &mut exercise.client_message.from,
    );
    fields.text_ui(
        ui,
        "Subject",
        "client_message.subject",
        &mut exercise.client_message.subject,
    );
    fields.multiline_ui(
        ui,
        "Client's message",
        "client_message.body",
        &mut exercise.client_message.body,
    );
    fields.text_ui(ui, "Question", "question", &mut exercise.question);
    ui.separator();

    ui.heading("Candidate replies");
    tag_toolbar_ui(ui, index, tag_target, actions);
    let count = exercise.replies.len();
    for (reply_index, reply) in exercise.replies.iter_mut().enumerate() {
        let letter = reply_letter(reply_index);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("Reply {letter}")).strong().size(16.0));
                if ui
                    .radio(reply.correct, format!("{letter} is correct"))
                    .on_hover_text(
                        "Mark this reply as the right answer; its text is the model answer",
                    )
                    .clicked()
                {
                    actions.push(EditAction::MarkCorrect(index, reply_index));
                }
                let item = format!("reply {letter}");
                if let Some(action) = list_buttons_ui(ui, &item, reply_index, count) {
                    actions.push(EditAction::Reply(index, reply_index, action));
                }
            });
            reply_text_ui(
                ui,
                fields,
                &format!("Reply {letter} text"),
                reply_index,
                &mut reply.text,
                tag_target,
            );
            fields.multiline_ui(
                ui,
                &format!("Reply {letter} feedback"),
                &format!("replies[{reply_index}].feedback"),
                &mut reply.feedback,
            );
        });
    }
    if ui.button("Add reply").clicked() {
        actions.push(EditAction::AddReply(index));
    }
    ui.separator();

    fields.multiline_ui(ui, "Explanation", "explanation", &mut exercise.explanation);
    breakdown_ui(ui, index, exercise, fields, actions);
    points_ui(ui, index, exercise, fields, actions);
    fields.multiline_ui(ui, "Pitfall", "pitfall", &mut exercise.pitfall);
}

/// The four part buttons (Ctrl+1..4) and Clear (Ctrl+0), acting on the words selected in a reply.
fn tag_toolbar_ui(
    ui: &mut Ui,
    exercise: usize,
    tag_target: &Option<TagTarget>,
    actions: &mut Vec<EditAction>,
) {
    let selection = tag_target
        .as_ref()
        .filter(|target| target.exercise == exercise && !target.bytes.is_empty());
    ui.horizontal_wrapped(|ui| {
        ui.label("Tag the selected words:");
        for (number, part) in AirrPart::ALL.into_iter().enumerate() {
            let colors = part_colors(part, ui.visuals().dark_mode);
            let text = RichText::new(format!("{} {}", part_marker(part), part.name()))
                .color(colors.text)
                .background_color(colors.background);
            if ui
                .add_enabled(selection.is_some(), egui::Button::new(text))
                .on_hover_text(format!("{} (Ctrl+{})", part.purpose(), number + 1))
                .clicked()
            {
                actions.push(EditAction::Tag(Some(part)));
            }
        }
        if ui
            .add_enabled(selection.is_some(), egui::Button::new("Clear"))
            .on_hover_text("Untag the selected words (Ctrl+0)")
            .clicked()
        {
            actions.push(EditAction::Tag(None));
        }
    });
}

fn breakdown_ui(
    ui: &mut Ui,
    index: usize,
    exercise: &mut Exercise,
    fields: &mut FieldContext<'_>,
    actions: &mut Vec<EditAction>,
) {
    ui.heading("AIRR breakdown");
    let count = exercise.breakdown.len();
    for (item_index, item) in exercise.breakdown.iter_mut().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let label = ui.label(RichText::new(format!("Note {}", item_index + 1)).strong());
                let before = item.part;
                egui::ComboBox::from_id_salt(("breakdown part", index, item_index))
                    .selected_text(item.part.name())
                    .show_ui(ui, |ui| {
                        for part in AirrPart::ALL {
                            ui.selectable_value(&mut item.part, part, part.name());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if item.part != before {
                    *fields.edited = Some(fields.key(format!("breakdown[{item_index}].part")));
                }
                let name = format!("note {}", item_index + 1);
                if let Some(action) = list_buttons_ui(ui, &name, item_index, count) {
                    actions.push(EditAction::Breakdown(index, item_index, action));
                }
            });
            let n = item_index + 1;
            fields.text_ui(
                ui,
                &format!("Note {n} quote"),
                &format!("breakdown[{item_index}].quote"),
                &mut item.quote,
            );
            fields.text_ui(
                ui,
                &format!("Note {n} why"),
                &format!("breakdown[{item_index}].why"),
                &mut item.why,
            );
        });
    }
    if ui.button("Add breakdown note").clicked() {
        actions.push(EditAction::AddBreakdown(index));
    }
}

fn points_ui(
    ui: &mut Ui,
    index: usize,
    exercise: &mut Exercise,
    fields: &mut FieldContext<'_>,
    actions: &mut Vec<EditAction>,
) {
    ui.heading("What makes this work");
    let count = exercise.points.len();
    for (point_index, point) in exercise.points.iter_mut().enumerate() {
        let n = point_index + 1;
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("Point {n}")).strong());
            if let Some(action) = list_buttons_ui(ui, &format!("point {n}"), point_index, count) {
                actions.push(EditAction::Point(index, point_index, action));
            }
        });
        fields.text_ui(
            ui,
            &format!("Point {n} title"),
            &format!("points[{point_index}].title"),
            &mut point.title,
        );
        fields.text_ui(
            ui,
            &format!("Point {n} detail"),
            &format!("points[{point_index}].detail"),
            &mut point.detail,
        );
    }
    if ui.button("Add point").clicked() {
        actions.push(EditAction::AddPoint(index));
    }
}
