//! The model answer with each AIRR part on its own colour, a marker before it, and a tooltip naming it.

use std::ops::Range;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText, Ui};

use super::layout_memo::memoized_galley;
use super::palette::{part_colors, part_marker};
use crate::airr::AirrPart;
use crate::pack::{BreakdownItem, ReplyText};

/// Where one tagged piece sits in the laid-out text, in characters (as the galley counts them).
#[derive(Debug, Clone, PartialEq)]
pub struct HighlightedSpan {
    pub chars: Range<usize>,
    pub piece: usize,
    pub part: AirrPart,
}

pub struct HighlightLayout {
    pub job: LayoutJob,
    pub spans: Vec<HighlightedSpan>,
}

/// Lays out reply text with each tagged piece on its part's background, preceded by its marker when
/// `show_markers` is on. Untagged pieces keep the normal text colour and no background.
pub fn highlight_job(
    text: &ReplyText,
    font: FontId,
    plain_color: Color32,
    dark_mode: bool,
    show_markers: bool,
) -> HighlightLayout {
    let mut job = LayoutJob::default();
    let mut spans = Vec::new();
    let mut chars = 0;
    for (piece_index, piece) in text.pieces.iter().enumerate() {
        let start = chars;
        match piece.part {
            None => job.append(
                &piece.text,
                0.0,
                TextFormat::simple(font.clone(), plain_color),
            ),
            Some(part) => {
                let colors = part_colors(part, dark_mode);
                if show_markers {
                    let marker = format!("{} ", part_marker(part));
                    chars += marker.chars().count();
                    let marker_font = FontId::monospace(font.size * 0.8);
                    job.append(
                        &marker,
                        0.0,
                        TextFormat {
                            background: colors.background,
                            underline: egui::Stroke::new(1.0, colors.text),
                            ..TextFormat::simple(marker_font, colors.text)
                        },
                    );
                }
                job.append(
                    &piece.text,
                    0.0,
                    TextFormat {
                        background: colors.background,
                        ..TextFormat::simple(font.clone(), colors.text)
                    },
                );
            }
        }
        chars += piece.text.chars().count();
        if let Some(part) = piece.part {
            spans.push(HighlightedSpan {
                chars: start..chars,
                piece: piece_index,
                part,
            });
        }
    }
    HighlightLayout { job, spans }
}

/// Shows the highlighted model answer; hovering a piece names its part and the breakdown notes for it.
pub fn model_answer_ui(
    ui: &mut Ui,
    text: &ReplyText,
    breakdown: &[BreakdownItem],
    show_markers: bool,
) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let dark_mode = ui.visuals().dark_mode;
    let color = ui.visuals().strong_text_color();
    let layout = || highlight_job(text, font.clone(), color, dark_mode, show_markers);
    // The answer only changes when its pieces, the markers or the theme do: lay it out again then only.
    let key = {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for piece in &text.pieces {
            (piece.part, &piece.text).hash(&mut hasher);
        }
        (show_markers, dark_mode, color, font.size.to_bits()).hash(&mut hasher);
        hasher.finish()
    };
    let id = ui.scope_id().with("model answer");
    let width = ui.available_width();
    let galley = memoized_galley(ui, id, "", key, width, || layout().job);
    let response = ui.add(egui::Label::new(galley.clone()).sense(egui::Sense::hover()));
    let Some(pointer) = response.hover_pos() else {
        return;
    };
    let index = galley.cursor_from_pos(pointer - response.rect.min).index.0;
    let spans = layout().spans;
    let hovered = spans.iter().find(|span| span.chars.contains(&index));
    if let Some(span) = hovered {
        let part = span.part;
        response.on_hover_ui_at_pointer(|ui| part_tooltip_ui(ui, part, breakdown));
    }
}

fn part_tooltip_ui(ui: &mut Ui, part: AirrPart, breakdown: &[BreakdownItem]) {
    ui.label(RichText::new(part.name()).strong());
    ui.label(part.purpose());
    for item in breakdown.iter().filter(|item| item.part == part) {
        ui.label(format!("“{}” — {}", item.quote, item.why));
    }
}

/// The four parts in their colours with their markers; hovering one explains it.
pub fn legend_ui(ui: &mut Ui) {
    let dark_mode = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        for part in AirrPart::ALL {
            let colors = part_colors(part, dark_mode);
            let text = RichText::new(format!("{} {}", part_marker(part), part.name()))
                .color(colors.text)
                .background_color(colors.background);
            ui.label(text).on_hover_text(part.purpose());
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Piece;

    fn sample() -> ReplyText {
        ReplyText::from_pieces(vec![
            Piece::plain("Hi,\n"),
            Piece::tagged(AirrPart::Acknowledge, "Sorry about your deadline."),
            Piece::plain(" "),
            Piece::tagged(AirrPart::Inform, "At 14:32 UTC — déjà vu."),
            Piece::tagged(AirrPart::Remediate, "RCA within 48 hours."),
        ])
    }

    /// The background drawn under each byte of the laid-out text, with the text it covers.
    fn backgrounds(job: &LayoutJob) -> Vec<(String, Color32)> {
        job.sections
            .iter()
            .map(|section| {
                (
                    job.text[section.byte_range.start.0..section.byte_range.end.0].to_owned(),
                    section.format.background,
                )
            })
            .collect()
    }

    #[test]
    fn each_piece_gets_its_part_colour_over_exactly_its_text() {
        for dark_mode in [false, true] {
            let layout = highlight_job(
                &sample(),
                FontId::proportional(14.0),
                Color32::WHITE,
                dark_mode,
                false,
            );
            let expected: Vec<(String, Color32)> = sample()
                .pieces
                .iter()
                .map(|piece| {
                    let background = piece.part.map_or(Color32::TRANSPARENT, |part| {
                        part_colors(part, dark_mode).background
                    });
                    (piece.text.clone(), background)
                })
                .collect();
            assert_eq!(backgrounds(&layout.job), expected);
        }
    }

    #[test]
    fn markers_name_the_part_before_its_piece_and_spans_track_characters() {
        let layout = highlight_job(
            &sample(),
            FontId::proportional(14.0),
            Color32::WHITE,
            false,
            true,
        );
        let texts: Vec<String> = backgrounds(&layout.job)
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        assert_eq!(
            texts,
            [
                "Hi,\n",
                "ACK ",
                "Sorry about your deadline.",
                " ",
                "INF ",
                "At 14:32 UTC — déjà vu.",
                "REM ",
                "RCA within 48 hours."
            ]
        );
        let chars: Vec<char> = layout.job.text.chars().collect();
        let spanned: Vec<(String, AirrPart)> = layout
            .spans
            .iter()
            .map(|span| (chars[span.chars.clone()].iter().collect(), span.part))
            .collect();
        assert_eq!(
            spanned,
            [
                (
                    "ACK Sorry about your deadline.".to_owned(),
                    AirrPart::Acknowledge
                ),
                ("INF At 14:32 UTC — déjà vu.".to_owned(), AirrPart::Inform),
                ("REM RCA within 48 hours.".to_owned(), AirrPart::Remediate),
            ]
        );
    }
}
