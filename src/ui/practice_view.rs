//! "Write your own": the learner drafts a reply and sees, as they type, which AIRR parts it has, what
//! is vague and what is missing.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{CCursor, CCursorRange, LayoutJob, TextFormat};
use egui::{Color32, RichText, Stroke, Ui};

use super::layout_memo::memoized_galley;
use super::model_answer::{legend_ui, model_answer_ui};
use super::palette::{part_colors, part_marker};
use crate::airr::AirrPart;
use crate::pack::Pack;
use crate::reply_check::rules::{FindingSeverity, PackRules, Rule, RuleBook};
use crate::reply_check::{Analysis, analyze};

/// The rule book in use, rebuilt only when the rules change (compiling one takes tens of
/// milliseconds; most exercises share the same rules, so moving between them costs nothing).
struct CachedBook {
    pack_rules: PackRules,
    rules: Vec<Rule>,
    book: Result<RuleBook, String>,
}

/// The analysis of a draft, redone only when the text changes (not every frame).
struct CachedAnalysis {
    /// Tells analyses apart, so the editor's layout is redone only for a new one.
    serial: u64,
    exercise: usize,
    text: String,
    analysis: Analysis,
}

#[derive(Default)]
pub struct PracticeState {
    book: Option<CachedBook>,
    analysis: Option<CachedAnalysis>,
    /// The analysis before the last one: a text edit lays out the text before and after a keystroke
    /// in the same frame, and neither should be analysed twice.
    previous: Option<CachedAnalysis>,
    analyses_made: u64,
    /// Words to select in the editor on the next frame (a clicked finding), as a byte range.
    select: Option<Range<usize>>,
}

impl PracticeState {
    fn book(&mut self, pack: &Pack, exercise: usize) -> &Result<RuleBook, String> {
        let rules = &pack.exercises[exercise].reply_rules;
        let fresh = self
            .book
            .as_ref()
            .is_some_and(|cached| cached.pack_rules == pack.reply_rules && &cached.rules == rules);
        if !fresh {
            self.book = Some(CachedBook {
                pack_rules: pack.reply_rules.clone(),
                rules: rules.clone(),
                book: RuleBook::for_exercise(&pack.reply_rules, rules).map_err(|e| e.to_string()),
            });
            self.analysis = None;
            self.previous = None;
        }
        &self.book.as_ref().expect("just filled").book
    }

    /// The analysis of `text`, computed if the text or exercise changed since last time.
    fn analysis(&mut self, pack: &Pack, exercise: usize, text: &str) -> Option<&Analysis> {
        let topic = pack.exercises[exercise].topic;
        let stale = !self
            .analysis
            .as_ref()
            .is_some_and(|cached| cached.exercise == exercise && cached.text == text);
        let rules_changed = self.book.as_ref().is_none_or(|cached| {
            cached.pack_rules != pack.reply_rules
                || cached.rules != pack.exercises[exercise].reply_rules
        });
        let matches = |cached: &Option<CachedAnalysis>| {
            cached
                .as_ref()
                .is_some_and(|cached| cached.exercise == exercise && cached.text == text)
        };
        if stale && !rules_changed && matches(&self.previous) {
            std::mem::swap(&mut self.analysis, &mut self.previous);
        } else if stale || rules_changed {
            let analysis = match self.book(pack, exercise) {
                Ok(book) => analyze(text, book, Some(topic)),
                Err(_) => return None,
            };
            self.previous = self.analysis.take();
            self.analyses_made += 1;
            self.analysis = Some(CachedAnalysis {
                serial: self.analyses_made,
                exercise,
                text: text.to_owned(),
                analysis,
            });
        }
        self.analysis.as_ref().map(|cached| &cached.analysis)
    }
}

const HINTS: [&str; 4] = [
    "Apologise for the real impact on the client, in your own words: “I'm sorry the outage made your team miss its deadline.”",
    "Say exactly what happened: times in UTC, the cause, the figures or the limit.",
    "Say what was done to fix it, or what the client can do right now.",
    "Commit to next steps with dates: “RCA within 48 hours”, “by Friday”.",
];

/// Draws the practice view; returns whether the draft changed.
pub fn practice_ui(
    ui: &mut Ui,
    pack: &Pack,
    exercise: usize,
    draft: &mut String,
    state: &mut PracticeState,
    show_markers: bool,
) -> bool {
    if let Err(error) = state.book(pack, exercise) {
        let message = format!("The reply check cannot run: {error}");
        ui.label(RichText::new(message).color(ui.visuals().error_fg_color));
        return false;
    }
    let mut changed = false;
    ui.columns(2, |columns| {
        let (left, right) = columns.split_at_mut(1);
        changed = draft_column_ui(&mut left[0], pack, exercise, draft, state);
        let ui = &mut right[0];
        ui.label(RichText::new("Model answer, for comparison").heading());
        if let Some(model) = pack.exercises[exercise].model_answer() {
            legend_ui(ui);
            egui::Frame::group(ui.style()).show(ui, |ui| {
                model_answer_ui(
                    ui,
                    &model.text,
                    &pack.exercises[exercise].breakdown,
                    show_markers,
                );
            });
        } else {
            ui.label("This exercise has no model answer yet.");
        }
    });
    changed
}

fn draft_column_ui(
    ui: &mut Ui,
    pack: &Pack,
    exercise: usize,
    draft: &mut String,
    state: &mut PracticeState,
) -> bool {
    let label = ui.label(RichText::new("Your reply").heading());
    let id = egui::Id::unique(("draft", exercise));
    let font = egui::TextStyle::Body.resolve(ui.style());
    let dark_mode = ui.visuals().dark_mode;
    let plain = ui.visuals().text_color();
    let (warn, error) = (ui.visuals().warn_fg_color, ui.visuals().error_fg_color);
    let mut layouter =
        |ui: &Ui, buf: &dyn egui::TextBuffer, wrap_width: f32| -> Arc<egui::Galley> {
            let text = buf.as_str();
            state.analysis(pack, exercise, text);
            let cached = state.analysis.as_ref();
            let key = cached.map_or(0, |cached| cached.serial) ^ u64::from(dark_mode) << 63;
            memoized_galley(ui, id, text, key, wrap_width, || match cached {
                Some(cached) => draft_job(
                    text,
                    &cached.analysis,
                    font.clone(),
                    plain,
                    dark_mode,
                    (warn, error),
                ),
                None => LayoutJob::simple(text.to_owned(), font.clone(), plain, wrap_width),
            })
        };
    let output = egui::TextEdit::multiline(draft)
        .id(id)
        .hint_text("Write your reply to the client here…")
        .desired_rows(14)
        .desired_width(f32::INFINITY)
        .layouter(&mut layouter)
        .show(ui);
    let response = output.response.response.labelled_by(label.id);
    if let Some(bytes) = state.select.take() {
        select_bytes(ui.ctx(), id, draft, bytes);
    }
    let changed = response.changed();
    let Some(analysis) = state.analysis(pack, exercise, draft).cloned() else {
        return changed;
    };

    ui.add_space(6.0);
    ui.label(RichText::new(format!("Reply check — score {}/100", analysis.score)).strong());
    for (index, part) in AirrPart::ALL.into_iter().enumerate() {
        let colors = part_colors(part, dark_mode);
        ui.horizontal_wrapped(|ui| {
            let mark = RichText::new(format!(" {} ", part_marker(part)))
                .color(colors.text)
                .background_color(colors.background);
            ui.label(mark);
            if analysis.parts[index] {
                ui.label(format!("{}: present", part.name()));
            } else {
                ui.label(RichText::new(format!("{}: missing", part.name())).strong());
                ui.label(RichText::new(HINTS[index]).weak());
            }
        });
    }
    if !analysis.findings.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("Findings").strong());
        ui.with_layout(egui::Layout::top_down_justified(egui::Align::LEFT), |ui| {
            for finding in &analysis.findings {
                let color = match finding.severity {
                    FindingSeverity::Error => ui.visuals().error_fg_color,
                    FindingSeverity::Warning => ui.visuals().warn_fg_color,
                    FindingSeverity::Suggestion => ui.visuals().weak_text_color(),
                };
                let words = &draft[finding.range.clone()];
                let quoted = if words.is_empty() {
                    String::new()
                } else {
                    format!(" “{words}”")
                };
                let text = RichText::new(format!(
                    "{}:{quoted} {}",
                    finding.severity.name(),
                    finding.message
                ))
                .color(color);
                let mut response = ui.add(egui::Button::new(text).frame(false).wrap());
                if let Some(suggestion) = &finding.suggestion {
                    response = response.on_hover_text(suggestion);
                }
                if response.clicked() {
                    state.select = Some(finding.range.clone());
                }
                if let Some(suggestion) = &finding.suggestion {
                    ui.label(RichText::new(format!("Try: {suggestion}")).weak().small());
                }
            }
        });
    }
    if !analysis.sentences.is_empty() {
        egui::CollapsingHeader::new("Parts by sentence")
            .default_open(false)
            .show(ui, |ui| {
                for sentence in &analysis.sentences {
                    let markers: Vec<&str> =
                        sentence.parts.iter().map(|p| part_marker(*p)).collect();
                    let markers = if markers.is_empty() {
                        "—".to_owned()
                    } else {
                        markers.join(" ")
                    };
                    let text: String = draft[sentence.range.clone()].chars().take(70).collect();
                    ui.label(format!("{markers}  {text}"));
                }
            });
    }
    changed
}

/// The draft laid out with each sentence on its first part's colour and findings underlined.
fn draft_job(
    text: &str,
    analysis: &Analysis,
    font: egui::FontId,
    plain: Color32,
    dark_mode: bool,
    (warn, error): (Color32, Color32),
) -> LayoutJob {
    let mut cuts = vec![0, text.len()];
    for sentence in &analysis.sentences {
        cuts.extend([sentence.range.start, sentence.range.end]);
    }
    for finding in &analysis.findings {
        cuts.extend([finding.range.start, finding.range.end]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob::default();
    for window in cuts.windows(2) {
        let (start, end) = (window[0], window[1]);
        if start == end {
            continue;
        }
        let part = analysis
            .sentences
            .iter()
            .find(|s| s.range.start <= start && end <= s.range.end)
            .and_then(|s| s.parts.first().copied());
        let finding = analysis
            .findings
            .iter()
            .filter(|f| f.range.start <= start && end <= f.range.end)
            .map(|f| f.severity)
            .min();
        let mut format = TextFormat::simple(font.clone(), plain);
        if let Some(part) = part {
            let colors = part_colors(part, dark_mode);
            format.background = colors.background;
            format.color = colors.text;
        }
        if let Some(severity) = finding {
            let color = if severity == FindingSeverity::Error {
                error
            } else {
                warn
            };
            format.underline = Stroke::new(2.0, color);
        }
        job.append(&text[start..end], 0.0, format);
    }
    job
}

/// Selects the bytes `range` of the editor's text and gives it the keyboard.
fn select_bytes(ctx: &egui::Context, id: egui::Id, text: &str, range: Range<usize>) {
    let chars = |byte: usize| text[..byte.min(text.len())].chars().count();
    let mut state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    state.cursor.set_char_range(Some(CCursorRange::two(
        CCursor::new(chars(range.start)),
        CCursor::new(chars(range.end)),
    )));
    state.store(ctx, id);
    ctx.memory_mut(|memory| memory.request_focus(id));
}
