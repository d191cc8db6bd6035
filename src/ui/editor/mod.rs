//! Edit mode: every field of the pack, AIRR tagging of the replies, and the live list of problems.

mod exercise_form;
mod fields;
mod reply_editor;

use egui::{RichText, Ui};

pub use fields::{FieldKey, ListAction};
pub use reply_editor::TagTarget;

use self::exercise_form::exercise_form_ui;
use self::fields::{FieldContext, apply_list_action, list_buttons_ui};
use crate::airr::AirrPart;
use crate::document::{Document, EditScope};
use crate::pack::{BreakdownItem, Pack, Point, Principle, Reply, ReplyText};
use crate::tagging::set_part;
use crate::validate::{Problem, Severity, duplicate_ids, validate_exercise, validate_header};

/// What the editor shows in its main area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    PackSettings,
    Exercise(usize),
}

/// A change to the pack's structure, asked for by a button and applied after the frame is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum EditAction {
    Select(Selection),
    AddExercise,
    DuplicateExercise(usize),
    Exercise(usize, ListAction),
    AddPrinciple,
    Principle(usize, ListAction),
    AddReply(usize),
    Reply(usize, usize, ListAction),
    MarkCorrect(usize, usize),
    AddBreakdown(usize),
    Breakdown(usize, usize, ListAction),
    AddPoint(usize),
    Point(usize, usize, ListAction),
    /// Tags the selected words with a part, or clears them.
    Tag(Option<AirrPart>),
    /// Selects the field a validation problem is about.
    GoToProblem(usize),
}

pub struct EditorState {
    pub selection: Selection,
    /// A field to focus on the next frame.
    focus: Option<FieldKey>,
    tag_target: Option<TagTarget>,
    /// The pack's problems, recomputed when the pack changes rather than every frame.
    problems: Vec<Problem>,
    /// The parts the problems are made of, kept so an edit revalidates only what it touched.
    header_problems: Vec<Problem>,
    duplicate_problems: Vec<Option<Problem>>,
    exercise_problems: Vec<Vec<Problem>>,
    /// Whether the problems were computed at all (an editor starts afresh with each document).
    validated: bool,
}

impl Default for EditorState {
    fn default() -> Self {
        Self {
            selection: Selection::Exercise(0),
            focus: None,
            tag_target: None,
            problems: Vec::new(),
            header_problems: Vec::new(),
            duplicate_problems: Vec::new(),
            exercise_problems: Vec::new(),
            validated: false,
        }
    }
}

impl EditorState {
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    pub fn error_count(&self) -> usize {
        self.problems
            .iter()
            .filter(|problem| problem.severity == Severity::Error)
            .count()
    }

    /// Brings the problems up to date with the document: only the exercise an edit touched is
    /// validated again (with the pack-wide checks), the whole pack only after structural changes.
    pub fn refresh_problems(&mut self, document: &mut Document) {
        let changes = document.take_changes();
        if self.validated && changes.is_empty() {
            return;
        }
        let pack = &document.pack;
        let structural = !self.validated
            || self.exercise_problems.len() != pack.exercises.len()
            || changes.contains(&EditScope::Exercises);
        if structural {
            self.exercise_problems = pack
                .exercises
                .iter()
                .enumerate()
                .map(|(index, exercise)| validate_exercise(index, exercise))
                .collect();
        } else {
            for change in &changes {
                if let EditScope::Exercise(index) = *change
                    && let Some(exercise) = pack.exercises.get(index)
                {
                    self.exercise_problems[index] = validate_exercise(index, exercise);
                }
            }
        }
        self.header_problems = validate_header(pack);
        self.duplicate_problems = duplicate_ids(pack);
        self.problems = self.header_problems.clone();
        for (duplicate, own) in self.duplicate_problems.iter().zip(&self.exercise_problems) {
            self.problems.extend(duplicate.iter().cloned());
            self.problems.extend(own.iter().cloned());
        }
        self.validated = true;
    }

    /// Draws the editor for `document`; structural changes are returned, text edits are made in place
    /// and recorded in the document's history.
    pub fn ui(&mut self, ui: &mut Ui, document: &mut Document) {
        self.refresh_problems(document);
        let mut actions = Vec::new();
        self.clamp_selection(&document.pack);

        egui::Panel::left("editor outline")
            .resizable(true)
            .default_size(260.0)
            .show(ui, |ui| {
                outline_ui(ui, &document.pack, self.selection, &mut actions)
            });
        egui::Panel::bottom("problems")
            .resizable(true)
            .default_size(150.0)
            .show(ui, |ui| problems_ui(ui, &self.problems, &mut actions));

        let mut edited = None;
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt(("editor", self.selection_index()))
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.set_max_width(860.0);
                    let exercise = self.selection_index();
                    // Remember the part on screen as it is, so an edit's undo step copies only it.
                    document.watch(exercise.map_or(EditScope::Header, EditScope::Exercise));
                    let mut fields = FieldContext {
                        exercise,
                        focus: &mut self.focus,
                        edited: &mut edited,
                    };
                    match exercise {
                        None => pack_form_ui(ui, &mut document.pack, &mut fields, &mut actions),
                        Some(index) => exercise_form_ui(
                            ui,
                            index,
                            &mut document.pack.exercises[index],
                            &mut fields,
                            &mut self.tag_target,
                            &mut actions,
                        ),
                    }
                });
        });
        if let Some(key) = edited {
            document.record_edit(&key.edit_name());
        }
        for action in actions {
            self.apply(action, document);
        }
    }

    fn selection_index(&self) -> Option<usize> {
        match self.selection {
            Selection::PackSettings => None,
            Selection::Exercise(index) => Some(index),
        }
    }

    fn clamp_selection(&mut self, pack: &Pack) {
        if let Selection::Exercise(index) = self.selection
            && index >= pack.exercises.len()
        {
            self.selection = match pack.exercises.len() {
                0 => Selection::PackSettings,
                n => Selection::Exercise(n - 1),
            };
        }
    }

    /// Tags the words last selected in a reply editor (for the Ctrl+1..4 and Ctrl+0 keys).
    pub fn tag_selection(&mut self, part: Option<AirrPart>, document: &mut Document) {
        self.apply(EditAction::Tag(part), document);
    }

    /// Applies one structural change and records it for undo.
    pub fn apply(&mut self, action: EditAction, document: &mut Document) {
        let name = format!("{action:?}");
        let scope = match &action {
            EditAction::Select(_) | EditAction::GoToProblem(_) => None,
            EditAction::AddExercise
            | EditAction::DuplicateExercise(_)
            | EditAction::Exercise(..) => Some(EditScope::Exercises),
            EditAction::AddPrinciple | EditAction::Principle(..) => Some(EditScope::Header),
            EditAction::AddReply(exercise)
            | EditAction::Reply(exercise, ..)
            | EditAction::MarkCorrect(exercise, _)
            | EditAction::AddBreakdown(exercise)
            | EditAction::Breakdown(exercise, ..)
            | EditAction::AddPoint(exercise)
            | EditAction::Point(exercise, ..) => Some(EditScope::Exercise(*exercise)),
            EditAction::Tag(_) => self
                .tag_target
                .as_ref()
                .map(|target| EditScope::Exercise(target.exercise)),
        };
        let Some(scope) = scope else {
            self.navigate(action);
            return;
        };
        document.edit(scope, &name, |pack| self.change(action, pack));
    }

    /// Actions that move around the editor without changing the pack.
    fn navigate(&mut self, action: EditAction) {
        match action {
            EditAction::Select(selection) => self.selection = selection,
            EditAction::GoToProblem(index) => {
                if let Some(problem) = self.problems.get(index) {
                    let location = &problem.location;
                    self.selection = location
                        .index
                        .map_or(Selection::PackSettings, Selection::Exercise);
                    self.focus = Some(FieldKey::new(location.index, focus_field(&location.field)));
                }
            }
            _ => {}
        }
    }

    /// Applies one change to the pack's structure.
    fn change(&mut self, action: EditAction, pack: &mut Pack) {
        match action {
            EditAction::Select(_) | EditAction::GoToProblem(_) => {}
            EditAction::AddExercise => {
                let mut exercise = crate::document::new_pack_template().exercises.remove(0);
                exercise.id = unused_id(pack, "exercise");
                pack.exercises.push(exercise);
                self.selection = Selection::Exercise(pack.exercises.len() - 1);
            }
            EditAction::DuplicateExercise(index) => {
                if let Some(original) = pack.exercises.get(index) {
                    let mut copy = original.clone();
                    copy.id = unused_id(pack, &original.id);
                    copy.title = format!("{} (copy)", original.title);
                    pack.exercises.insert(index + 1, copy);
                    self.selection = Selection::Exercise(index + 1);
                }
            }
            EditAction::Exercise(index, list_action) => {
                if apply_list_action(&mut pack.exercises, index, list_action) {
                    self.selection = match list_action {
                        ListAction::Up => Selection::Exercise(index - 1),
                        ListAction::Down => Selection::Exercise(index + 1),
                        ListAction::Remove if pack.exercises.is_empty() => Selection::PackSettings,
                        ListAction::Remove => {
                            Selection::Exercise(index.min(pack.exercises.len() - 1))
                        }
                    };
                }
            }
            EditAction::AddPrinciple => pack.principles.push(Principle {
                rule: String::new(),
                example: String::new(),
            }),
            EditAction::Principle(index, list_action) => {
                apply_list_action(&mut pack.principles, index, list_action);
            }
            EditAction::AddReply(exercise) => {
                if let Some(exercise) = pack.exercises.get_mut(exercise) {
                    exercise.replies.push(Reply {
                        text: ReplyText::plain(""),
                        feedback: String::new(),
                        correct: false,
                    });
                }
            }
            EditAction::Reply(exercise, index, list_action) => {
                if let Some(exercise) = pack.exercises.get_mut(exercise) {
                    apply_list_action(&mut exercise.replies, index, list_action);
                }
                self.tag_target = None;
            }
            EditAction::MarkCorrect(exercise, index) => {
                if let Some(exercise) = pack.exercises.get_mut(exercise) {
                    for (i, reply) in exercise.replies.iter_mut().enumerate() {
                        reply.correct = i == index;
                    }
                }
            }
            EditAction::AddBreakdown(exercise) => {
                if let Some(exercise) = pack.exercises.get_mut(exercise) {
                    exercise.breakdown.push(BreakdownItem {
                        part: AirrPart::Acknowledge,
                        quote: String::new(),
                        why: String::new(),
                    });
                }
            }
            EditAction::Breakdown(exercise, index, list_action) => {
                if let Some(exercise) = pack.exercises.get_mut(exercise) {
                    apply_list_action(&mut exercise.breakdown, index, list_action);
                }
            }
            EditAction::AddPoint(exercise) => {
                if let Some(exercise) = pack.exercises.get_mut(exercise) {
                    exercise.points.push(Point {
                        title: String::new(),
                        detail: String::new(),
                    });
                }
            }
            EditAction::Point(exercise, index, list_action) => {
                if let Some(exercise) = pack.exercises.get_mut(exercise) {
                    apply_list_action(&mut exercise.points, index, list_action);
                }
            }
            EditAction::Tag(part) => {
                let Some(target) = &self.tag_target else {
                    return;
                };
                let Some(reply) = pack
                    .exercises
                    .get_mut(target.exercise)
                    .and_then(|exercise| exercise.replies.get_mut(target.reply))
                else {
                    return;
                };
                reply.text = set_part(&reply.text, target.bytes.clone(), part);
            }
        }
    }
}

/// The text field a problem's location points at (list-level problems go to the first item).
fn focus_field(field: &str) -> String {
    if field == "replies" {
        return "replies[0].text".to_owned();
    }
    // A piece of a reply's text is edited in the reply's text editor.
    match field.find(".text[") {
        Some(at) => field[..at + ".text".len()].to_owned(),
        None => field.to_owned(),
    }
}

/// An exercise id not yet used in the pack, built from `base`.
fn unused_id(pack: &Pack, base: &str) -> String {
    (1..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| pack.exercises.iter().all(|exercise| &exercise.id != id))
        .unwrap_or_else(|| base.to_owned())
}

fn outline_ui(ui: &mut Ui, pack: &Pack, selection: Selection, actions: &mut Vec<EditAction>) {
    ui.add_space(6.0);
    ui.with_layout(egui::Layout::top_down_justified(egui::Align::LEFT), |ui| {
        if ui
            .add(egui::Button::selectable(
                selection == Selection::PackSettings,
                "Pack settings and principles",
            ))
            .clicked()
        {
            actions.push(EditAction::Select(Selection::PackSettings));
        }
        ui.separator();
        let row_height = ui.spacing().interact_size.y + 4.0;
        let count = pack.exercises.len();
        egui::ScrollArea::vertical()
            .id_salt("editor exercises")
            .max_height(ui.available_height() - 80.0)
            .show_rows(ui, row_height, count, |ui, rows| {
                for index in rows {
                    let title = &pack.exercises[index].title;
                    let label = format!(
                        "{}. {}",
                        index + 1,
                        if title.is_empty() {
                            "(untitled)"
                        } else {
                            title
                        }
                    );
                    let selected = selection == Selection::Exercise(index);
                    if ui.add(egui::Button::selectable(selected, label)).clicked() {
                        actions.push(EditAction::Select(Selection::Exercise(index)));
                    }
                }
            });
    });
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        if ui.button("Add exercise").clicked() {
            actions.push(EditAction::AddExercise);
        }
        if let Selection::Exercise(index) = selection {
            if ui
                .button("Duplicate")
                .on_hover_text("Copy the selected exercise")
                .clicked()
            {
                actions.push(EditAction::DuplicateExercise(index));
            }
            if let Some(action) =
                list_buttons_ui(ui, "the selected exercise", index, pack.exercises.len())
            {
                actions.push(EditAction::Exercise(index, action));
            }
        }
    });
}

fn pack_form_ui(
    ui: &mut Ui,
    pack: &mut Pack,
    fields: &mut FieldContext<'_>,
    actions: &mut Vec<EditAction>,
) {
    ui.heading("Pack");
    fields.text_ui(ui, "Pack title", "title", &mut pack.title);
    fields.text_ui(ui, "Pack id", "id", &mut pack.id);
    fields.multiline_ui(ui, "Summary", "summary", &mut pack.summary);
    ui.separator();
    ui.heading("Principles");
    let count = pack.principles.len();
    for (index, principle) in pack.principles.iter_mut().enumerate() {
        let n = index + 1;
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("Principle {n}")).strong());
            if let Some(action) = list_buttons_ui(ui, &format!("principle {n}"), index, count) {
                actions.push(EditAction::Principle(index, action));
            }
        });
        fields.text_ui(
            ui,
            &format!("Principle {n} rule"),
            &format!("principles[{index}].rule"),
            &mut principle.rule,
        );
        fields.text_ui(
            ui,
            &format!("Principle {n} example"),
            &format!("principles[{index}].example"),
            &mut principle.example,
        );
    }
    if ui.button("Add principle").clicked() {
        actions.push(EditAction::AddPrinciple);
    }
}

fn problems_ui(ui: &mut Ui, problems: &[Problem], actions: &mut Vec<EditAction>) {
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    ui.add_space(4.0);
    ui.label(RichText::new(format!("Problems: {errors} errors, {warnings} warnings")).strong());
    if problems.is_empty() {
        ui.label("No problems: learners can use this pack.");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("problems list")
        .show(ui, |ui| {
            ui.with_layout(egui::Layout::top_down_justified(egui::Align::LEFT), |ui| {
                for (index, problem) in problems.iter().enumerate() {
                    let color = match problem.severity {
                        Severity::Error => ui.visuals().error_fg_color,
                        Severity::Warning => ui.visuals().warn_fg_color,
                    };
                    let text = RichText::new(problem.to_string()).color(color);
                    if ui
                        .add(egui::Button::new(text).frame(false))
                        .on_hover_text("Go to this field")
                        .clicked()
                    {
                        actions.push(EditAction::GoToProblem(index));
                    }
                }
            });
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::validate;

    #[test]
    fn problems_kept_up_to_date_edit_by_edit_equal_a_full_validation() {
        let mut document = Document::new(crate::default_pack(), None);
        let mut editor = EditorState::default();
        editor.refresh_problems(&mut document);
        assert!(editor.problems().is_empty());

        document.watch(EditScope::Exercise(1));
        document.pack.exercises[1].title.clear();
        document.record_edit("title");
        editor.refresh_problems(&mut document);
        assert_eq!(editor.problems(), validate(&document.pack));
        assert_eq!(editor.error_count(), 1);

        // An id made equal to another's is found though only that exercise was edited.
        document.watch(EditScope::Exercise(2));
        document.pack.exercises[2].id = document.pack.exercises[0].id.clone();
        document.record_edit("id");
        editor.refresh_problems(&mut document);
        assert_eq!(editor.problems(), validate(&document.pack));

        document.edit(EditScope::Exercises, "remove", |pack| {
            pack.exercises.remove(0);
        });
        editor.refresh_problems(&mut document);
        assert_eq!(editor.problems(), validate(&document.pack));

        document.undo();
        document.undo();
        editor.refresh_problems(&mut document);
        assert_eq!(editor.problems(), validate(&document.pack));
        assert_eq!(editor.error_count(), 1);
    }
}
