//! The editor for a reply's text, coloured by AIRR part as the trainer types, whose selection the tag
//! buttons act on.

use std::ops::Range;
use std::sync::Arc;

use egui::{RichText, Ui};

use super::fields::{FieldContext, FieldKey};
use crate::airr::AirrPart;
use crate::pack::ReplyText;
use crate::tagging::{apply_edit, char_range_to_bytes};
use crate::ui::layout_memo::memoized_galley;
use crate::ui::model_answer::highlight_job;
use crate::ui::palette::{part_colors, part_marker};

/// The words the tag buttons act on: a byte range of one reply's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagTarget {
    pub exercise: usize,
    pub reply: usize,
    pub bytes: Range<usize>,
}

/// Draws the reply's text editor; applies typing to the pieces so tags stay on their words.
pub fn reply_text_ui(
    ui: &mut Ui,
    fields: &mut FieldContext<'_>,
    label: &str,
    reply: usize,
    text: &mut ReplyText,
    tag_target: &mut Option<TagTarget>,
) {
    let key: FieldKey = fields.key(format!("replies[{reply}].text"));
    let label = ui.label(RichText::new(label).strong());
    let mut buffer = text.full_text();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let dark_mode = ui.visuals().dark_mode;
    let plain = ui.visuals().text_color();
    let pieces = &*text;
    // What the colours depend on besides the text: where the pieces start and end, and the theme.
    let tags_key = {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for piece in &pieces.pieces {
            (piece.part, piece.text.len()).hash(&mut hasher);
        }
        dark_mode.hash(&mut hasher);
        hasher.finish()
    };
    let widget_id = key.widget_id();
    // Laid out from the pieces as they will be after this frame's typing, so colours never lag.
    let mut layouter =
        |ui: &Ui, buf: &dyn egui::TextBuffer, wrap_width: f32| -> Arc<egui::Galley> {
            memoized_galley(ui, widget_id, buf.as_str(), tags_key, wrap_width, || {
                let current = apply_edit(pieces, buf.as_str());
                highlight_job(&current, font.clone(), plain, dark_mode, false).job
            })
        };
    let output = egui::TextEdit::multiline(&mut buffer)
        .id(key.widget_id())
        .desired_rows(5)
        .desired_width(f32::INFINITY)
        .layouter(&mut layouter)
        .show(ui);
    let response = output.response.response.labelled_by(label.id);
    fields.take_focus(&key, &response);
    if response.changed() {
        *text = apply_edit(text, &buffer);
        *fields.edited = Some(key);
    }
    if response.has_focus()
        && let (Some(exercise), Some(cursor)) = (fields.exercise, output.cursor_range)
    {
        let chars = cursor.as_sorted_char_range();
        *tag_target = Some(TagTarget {
            exercise,
            reply,
            bytes: char_range_to_bytes(&buffer, chars.start.0..chars.end.0),
        });
    }
    if text.is_tagged() {
        parts_present_ui(ui, text);
    }
}

/// A line naming which parts the text has, so the tags can be checked without telling colours apart.
fn parts_present_ui(ui: &mut Ui, text: &ReplyText) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Parts:").weak());
        for part in AirrPart::ALL {
            let present = text.has_part(part);
            let colors = part_colors(part, ui.visuals().dark_mode);
            let mark = if present { "✔" } else { "✖ missing" };
            ui.label(
                RichText::new(format!("{} {mark}", part_marker(part)))
                    .small()
                    .color(colors.text)
                    .background_color(colors.background),
            );
        }
    });
}
