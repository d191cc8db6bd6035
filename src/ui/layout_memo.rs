//! Remembering the last galley a text editor's layouter made, so an unchanged text is not laid out
//! again every frame (egui calls a `TextEdit`'s layouter on every frame it is shown).

use std::sync::Arc;

use egui::{Galley, Id, Ui};

#[derive(Clone)]
struct Memo {
    text: String,
    key: u64,
    wrap_width: f32,
    galley: Arc<Galley>,
}

/// The galley for `text`, made by `build` only when the text, `key` (what else the colours depend
/// on) or the wrap width changed since the editor `id` last asked.
pub fn memoized_galley(
    ui: &Ui,
    id: Id,
    text: &str,
    key: u64,
    wrap_width: f32,
    build: impl FnOnce() -> egui::text::LayoutJob,
) -> Arc<Galley> {
    let memo_id = id.with("layout memo");
    let cached: Option<Memo> = ui.data(|data| data.get_temp(memo_id));
    if let Some(memo) = cached
        && memo.key == key
        && memo.wrap_width == wrap_width
        && memo.text == text
    {
        return memo.galley;
    }
    let mut job = build();
    job.wrap.max_width = wrap_width;
    let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
    let memo = Memo {
        text: text.to_owned(),
        key,
        wrap_width,
        galley: galley.clone(),
    };
    ui.data_mut(|data| data.insert_temp(memo_id, memo));
    galley
}

#[cfg(test)]
mod tests {
    use super::*;

    fn galleys(texts_and_keys: &[(&str, u64)]) -> Vec<Arc<Galley>> {
        let ctx = egui::Context::default();
        let mut galleys = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            for (text, key) in texts_and_keys {
                let build = || {
                    egui::text::LayoutJob::simple(
                        (*text).to_owned(),
                        egui::FontId::default(),
                        // As in the editors, the key stands for the colours.
                        egui::Color32::from_gray(*key as u8),
                        f32::INFINITY,
                    )
                };
                galleys.push(memoized_galley(
                    ui,
                    Id::unique("editor"),
                    text,
                    *key,
                    300.0,
                    build,
                ));
            }
        });
        output.textures_delta.clear();
        galleys
    }

    #[test]
    fn the_same_text_and_key_reuse_the_galley_and_a_change_of_either_does_not() {
        let made = galleys(&[("abc", 1), ("abc", 1), ("abcd", 1), ("abcd", 2)]);
        assert!(Arc::ptr_eq(&made[0], &made[1]));
        assert!(!Arc::ptr_eq(&made[1], &made[2]));
        assert!(!Arc::ptr_eq(&made[2], &made[3]));
        assert_eq!(made[2].text(), "abcd");
    }
}
