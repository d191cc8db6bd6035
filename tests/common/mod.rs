//! Helpers the UI tests share: an app on a temp data folder, a harness around it, and a click that
//! scrolls to its target first, as a person would.

// Each test file uses the helpers it needs.
#![allow(dead_code)]

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use airr_coach::ui::pack_picker::FixedPackPicker;
use airr_coach::ui::{AirrApp, AppOptions, Command};

/// An app keeping its data in `data_dir`, opening `pack` if given, whose file dialog answers `picked`.
pub fn app_with(data_dir: &Path, pack: Option<&Path>, picked: Option<&Path>) -> AirrApp {
    AirrApp::new(AppOptions {
        data_dir: Some(data_dir.to_path_buf()),
        pack_path: pack.map(Path::to_path_buf),
        picker: Box::new(FixedPackPicker(picked.map(Path::to_path_buf))),
    })
}

pub fn app_in(data_dir: &Path) -> AirrApp {
    app_with(data_dir, None, None)
}

/// A harness of `width` × `height` points around `app`, run until it settles.
pub fn harness_sized(app: AirrApp, width: f32, height: f32) -> Harness<'static, AirrApp> {
    let mut harness = Harness::builder()
        .with_size([width, height])
        .build_ui_state(|ui, app: &mut AirrApp| app.ui(ui), app);
    harness.run();
    harness
}

/// Scrolls the widget labelled `label` into view and clicks it.
pub fn click(harness: &mut Harness<'_, AirrApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// Sends a command as a button would, and runs the frames it causes.
pub fn send(harness: &mut Harness<'_, AirrApp>, command: Command) {
    harness.state_mut().send(command);
    harness.run();
}
