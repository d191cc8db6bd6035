//! The `airr-coach` desktop app.

use std::path::PathBuf;

use clap::Parser;

use airr_coach::ui::pack_picker::NativePackPicker;
use airr_coach::ui::{AirrApp, AppOptions};

/// Practise writing to clients about outages, declined features and system limits.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// An exercise pack (.ron) to open instead of the built-in one.
    pack: Option<PathBuf>,
    /// Where progress and settings are kept (default: the platform's data folder).
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

fn main() -> eframe::Result {
    let cli = Cli::parse();
    let data_dir = cli.data_dir.or_else(|| {
        directories::ProjectDirs::from("", "", "airr-coach")
            .map(|dirs| dirs.data_dir().to_path_buf())
    });
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("AIRR Coach")
            .with_app_id("airr-coach")
            .with_inner_size([1200.0, 820.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let app = AirrApp::new(AppOptions {
        data_dir,
        pack_path: cli.pack,
        picker: Box::new(NativePackPicker),
    });
    if let Some(error) = app.load_error() {
        eprintln!("{error}");
    }
    eframe::run_native("AIRR Coach", options, Box::new(|_cc| Ok(Box::new(app))))
}
