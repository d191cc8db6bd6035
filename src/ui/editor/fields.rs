//! Labelled text fields that remember which field of the pack they edit, so a validation problem can
//! focus them and an edit can be recorded for undo under the field's name.

use egui::{Id, RichText, Ui};

/// Names one field of the pack: the exercise (by position) and the field as validation names it,
/// such as `title` or `replies[1].feedback`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldKey {
    pub exercise: Option<usize>,
    pub field: String,
}

impl FieldKey {
    pub fn new(exercise: Option<usize>, field: impl Into<String>) -> Self {
        Self {
            exercise,
            field: field.into(),
        }
    }

    pub fn widget_id(&self) -> Id {
        Id::unique(("pack field", self.exercise, &self.field))
    }

    /// The name an edit is recorded under for undo.
    pub fn edit_name(&self) -> String {
        format!("{:?}/{}", self.exercise, self.field)
    }
}

/// What the fields of one frame share: which exercise they belong to, the field to focus, and the
/// field that was edited.
pub struct FieldContext<'a> {
    pub exercise: Option<usize>,
    pub focus: &'a mut Option<FieldKey>,
    pub edited: &'a mut Option<FieldKey>,
}

impl FieldContext<'_> {
    pub fn key(&self, field: impl Into<String>) -> FieldKey {
        FieldKey::new(self.exercise, field)
    }

    /// Focuses and reveals the widget when it is the field asked for.
    pub fn take_focus(&mut self, key: &FieldKey, response: &egui::Response) {
        if self.focus.as_ref() == Some(key) {
            response.request_focus();
            response.scroll_to_me(Some(egui::Align::Center));
            *self.focus = None;
        }
    }

    pub fn text_ui(&mut self, ui: &mut Ui, label: &str, field: &str, text: &mut String) {
        self.text_edit_ui(ui, label, field, text, false);
    }

    pub fn multiline_ui(&mut self, ui: &mut Ui, label: &str, field: &str, text: &mut String) {
        self.text_edit_ui(ui, label, field, text, true);
    }

    fn text_edit_ui(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &str,
        text: &mut String,
        multiline: bool,
    ) {
        let key = self.key(field);
        let label = ui.label(RichText::new(label).strong());
        let edit = if multiline {
            egui::TextEdit::multiline(text).desired_rows(3)
        } else {
            egui::TextEdit::singleline(text)
        };
        let response = ui
            .add(edit.id(key.widget_id()).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        self.take_focus(&key, &response);
        if response.changed() {
            *self.edited = Some(key);
        }
        ui.add_space(4.0);
    }
}

/// Buttons that move or remove one item of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListAction {
    Up,
    Down,
    Remove,
}

/// The ⏶ ⏷ ✖ buttons of a list item, named after it for screen readers and tests.
pub fn list_buttons_ui(ui: &mut Ui, item: &str, index: usize, len: usize) -> Option<ListAction> {
    let buttons = [
        ("⏶", format!("Move {item} up"), index > 0, ListAction::Up),
        (
            "⏷",
            format!("Move {item} down"),
            index + 1 < len,
            ListAction::Down,
        ),
        ("✖", format!("Remove {item}"), true, ListAction::Remove),
    ];
    let mut action = None;
    for (icon, name, enabled, what) in buttons {
        let response = ui.add_enabled(enabled, egui::Button::new(icon).small());
        // The icon means nothing to a screen reader: name the button by what it does.
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &name));
        if response.on_hover_text(&name).clicked() {
            action = Some(what);
        }
    }
    action
}

/// Applies a list action; returns whether the list changed.
pub fn apply_list_action<T>(items: &mut Vec<T>, index: usize, action: ListAction) -> bool {
    match action {
        ListAction::Up if index > 0 && index < items.len() => items.swap(index, index - 1),
        ListAction::Down if index + 1 < items.len() => items.swap(index, index + 1),
        ListAction::Remove if index < items.len() => {
            items.remove(index);
        }
        _ => return false,
    }
    true
}
