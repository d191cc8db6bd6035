//! The `airr-coach` desktop app.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use airr_coach::cli::{CheckTarget, ReportFormat};
use airr_coach::ui::pack_picker::NativePackPicker;
use airr_coach::ui::{AirrApp, AppOptions};

/// Practise writing to clients about outages, declined features and system limits.
///
/// With no command, opens the app (on PACK if given).
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Tool>,
    /// An exercise pack (.ron) to open instead of the built-in one.
    pack: Option<PathBuf>,
    /// Where progress and settings are kept (default: the platform's data folder).
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Tool {
    /// Check your own reply: which AIRR parts it has, what is vague, what is missing; exits 1 if any
    /// finding is an error.
    Check {
        /// The pack whose rules apply (default: the built-in pack when --exercise is given).
        #[arg(long, value_name = "PACK")]
        pack: Option<PathBuf>,
        /// The exercise whose topic and rules apply.
        #[arg(long, value_name = "ID")]
        exercise: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Reply files; `-` reads standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Check exercise packs and print each problem; exits 1 if any is an error.
    Validate {
        #[arg(required = true, value_name = "PACK")]
        packs: Vec<PathBuf>,
    },
    /// Rewrite exercise packs in the canonical form the app saves (comments are not kept).
    Fmt {
        /// Only list the packs that differ from the canonical form; exits 1 if any does.
        #[arg(long)]
        check: bool,
        #[arg(required = true, value_name = "PACK")]
        packs: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    let result = match &cli.command {
        Some(Tool::Check {
            pack,
            exercise,
            format,
            files,
        }) => {
            let target = match CheckTarget::load(pack.as_deref(), exercise.as_deref()) {
                Ok(target) => target,
                Err(message) => {
                    eprintln!("airr-coach: {message}");
                    return ExitCode::from(2);
                }
            };
            let format = match format {
                Format::Text => ReportFormat::Text,
                Format::Json => ReportFormat::Json,
            };
            let mut stdin = std::io::stdin();
            airr_coach::cli::check_replies(files, &target, format, &mut stdin, &mut out, &mut err)
                .map(|failed| !failed)
        }
        Some(Tool::Validate { packs }) => {
            airr_coach::cli::validate_packs(packs, &mut out, &mut err).map(|failed| !failed)
        }
        Some(Tool::Fmt { check, packs }) => {
            airr_coach::cli::format_packs(packs, *check, &mut out, &mut err)
                .map(|outcome| outcome.failed == 0 && (!*check || outcome.differing.is_empty()))
        }
        None => return run_app(cli),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("airr-coach: {error}");
            ExitCode::from(2)
        }
    }
}

fn run_app(cli: Cli) -> ExitCode {
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
    match eframe::run_native("AIRR Coach", options, Box::new(|_cc| Ok(Box::new(app)))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("airr-coach: cannot open a window: {error}");
            ExitCode::FAILURE
        }
    }
}
