//! Asking the user for a pack file without blocking the frame loop, behind a trait so tests never open
//! a real dialog.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

/// Shows a file chooser for packs. The answer arrives later on the returned channel: `Some(path)`, or
/// `None` when the user cancelled or no dialog could be shown.
pub trait PackPicker {
    fn pick_pack(&self, ctx: &egui::Context) -> Receiver<Option<PathBuf>>;

    /// Asks where to save a pack, suggesting `file_name`.
    fn pick_save_path(&self, ctx: &egui::Context, file_name: &str) -> Receiver<Option<PathBuf>>;
}

/// The platform's file dialog through `rfd`, awaited on a worker thread.
pub struct NativePackPicker;

/// Awaits a dialog on a worker thread and sends its answer, waking the ui when it comes.
fn answer_later(
    ctx: &egui::Context,
    dialog: impl Future<Output = Option<rfd::FileHandle>> + Send + 'static,
) -> Receiver<Option<PathBuf>> {
    let (sender, receiver) = channel();
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let picked = pollster::block_on(dialog).map(|file| file.path().to_path_buf());
        let _ = sender.send(picked);
        ctx.request_repaint();
    });
    receiver
}

impl PackPicker for NativePackPicker {
    // The dialogs are built here, on the ui thread, as some platforms require; only awaited on a worker.
    fn pick_pack(&self, ctx: &egui::Context) -> Receiver<Option<PathBuf>> {
        let dialog = rfd::AsyncFileDialog::new()
            .set_title("Open an exercise pack")
            .add_filter("Exercise pack (RON)", &["ron"])
            .add_filter("All files", &["*"])
            .pick_file();
        answer_later(ctx, dialog)
    }

    fn pick_save_path(&self, ctx: &egui::Context, file_name: &str) -> Receiver<Option<PathBuf>> {
        let dialog = rfd::AsyncFileDialog::new()
            .set_title("Save the exercise pack")
            .add_filter("Exercise pack (RON)", &["ron"])
            .set_file_name(file_name)
            .save_file();
        answer_later(ctx, dialog)
    }
}

/// A picker that answers at once with a fixed path, or `None`, for tests.
pub struct FixedPackPicker(pub Option<PathBuf>);

impl PackPicker for FixedPackPicker {
    fn pick_pack(&self, _ctx: &egui::Context) -> Receiver<Option<PathBuf>> {
        let (sender, receiver) = channel();
        let _ = sender.send(self.0.clone());
        receiver
    }

    fn pick_save_path(&self, ctx: &egui::Context, _file_name: &str) -> Receiver<Option<PathBuf>> {
        self.pick_pack(ctx)
    }
}
