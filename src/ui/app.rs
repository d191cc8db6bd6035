//! The application state and the one place where commands change it.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use egui::{RichText, Ui};

use super::command::{Command, commands_from_keys};
use super::dialogs::{DialogOutcome, OpenByPath, confirm_reset_ui};
use super::exercise_view::{ExerciseContext, exercise_ui};
use super::pack_picker::PackPicker;
use super::settings::{Settings, ThemeChoice};
use super::side_panel::side_panel_ui;
use crate::pack::Pack;
use crate::pack_file::load_pack;
use crate::progress::ProgressStore;
use crate::session::{CheckOutcome, Session};

/// A dialog that answers "nothing" faster than this was never shown to the user (no desktop portal),
/// so the typed-path window is offered instead.
const DIALOG_NOT_SHOWN: Duration = Duration::from_millis(400);

pub struct AppOptions {
    /// Where progress and settings are kept; `None` keeps them in memory for this session only.
    pub data_dir: Option<PathBuf>,
    /// A pack to open instead of the last one used (from the command line).
    pub pack_path: Option<PathBuf>,
    pub picker: Box<dyn PackPicker>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackOrigin {
    BuiltIn,
    File(PathBuf),
}

pub struct AirrApp {
    pack: Pack,
    origin: PackOrigin,
    session: Session,
    progress: ProgressStore,
    settings: Settings,
    data_dir: Option<PathBuf>,
    picker: Box<dyn PackPicker>,
    pending_pick: Option<(Receiver<Option<PathBuf>>, Instant)>,
    open_by_path: Option<OpenByPath>,
    confirm_reset: bool,
    /// The last pack that failed to open, shown until dismissed; the pack on screen stays.
    load_error: Option<String>,
    commands: Vec<Command>,
    shown_title: String,
    /// Set when an exercise has just been answered, so the next frame scrolls to its explanation.
    scroll_to_solution: bool,
    applied_theme: Option<ThemeChoice>,
}

impl AirrApp {
    pub fn new(options: AppOptions) -> Self {
        let AppOptions {
            data_dir,
            pack_path,
            picker,
        } = options;
        let (progress, settings) = match &data_dir {
            Some(dir) => (ProgressStore::open(dir), Settings::load(dir)),
            None => {
                let mut store = ProgressStore::in_memory();
                store.problem = Some(
                    "No data folder was found for this user: progress is kept for this session only."
                        .to_owned(),
                );
                (store, Settings::default())
            }
        };
        let default = crate::default_pack();
        let mut app = Self {
            session: Session::new(&default, &progress.progress),
            pack: default,
            origin: PackOrigin::BuiltIn,
            progress,
            settings,
            data_dir,
            picker,
            pending_pick: None,
            open_by_path: None,
            confirm_reset: false,
            load_error: None,
            commands: Vec::new(),
            shown_title: String::new(),
            scroll_to_solution: false,
            applied_theme: None,
        };
        let (start_path, remembered) = match pack_path {
            Some(path) => (Some(path), false),
            None => (app.settings.last_pack.clone(), true),
        };
        if let Some(path) = start_path {
            match load_pack(&path) {
                Ok(pack) => app.set_pack(pack, PackOrigin::File(path)),
                Err(error) if remembered => {
                    app.load_error = Some(format!(
                        "The pack you had open last time could not be reopened, so the built-in pack is shown.\n{error}"
                    ));
                    app.settings.last_pack = None;
                }
                Err(error) => app.load_error = Some(error.to_string()),
            }
        }
        app
    }

    pub fn pack(&self) -> &Pack {
        &self.pack
    }

    pub fn origin(&self) -> &PackOrigin {
        &self.origin
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn progress(&self) -> &ProgressStore {
        &self.progress
    }

    pub fn load_error(&self) -> Option<&str> {
        self.load_error.as_deref()
    }

    /// Queues a command as if a button had sent it; it runs at the end of the next frame.
    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Draws the whole window, then runs the commands the frame produced.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.apply_theme(&ctx);
        self.update_title(&ctx);
        self.poll_picker();
        if !self.modal_open() {
            let keys = commands_from_keys(&ctx);
            self.commands.extend(keys);
        }
        self.take_dropped_files(&ctx);

        egui::Panel::top("menu bar").show(ui, |ui| self.menu_bar_ui(ui));
        egui::Panel::left("exercises")
            .resizable(true)
            .default_size(290.0)
            .min_size(220.0)
            .show(ui, |ui| {
                side_panel_ui(
                    ui,
                    &self.pack,
                    &self.progress.progress,
                    self.session.current(),
                    &mut self.commands,
                );
            });
        egui::CentralPanel::default().show(ui, |ui| {
            self.banners_ui(ui);
            egui::ScrollArea::vertical()
                .id_salt(("exercise", self.session.current()))
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.set_max_width(860.0);
                    let context = ExerciseContext {
                        pack: &self.pack,
                        session: &self.session,
                        show_markers: self.settings.show_markers,
                        scroll_to_solution: std::mem::take(&mut self.scroll_to_solution),
                    };
                    exercise_ui(ui, &context, &mut self.commands);
                });
        });
        self.dialogs_ui(&ctx);
        drop_hint_ui(&ctx);

        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            // The frame on screen was drawn before these ran: draw the changed state at once.
            ctx.request_repaint();
        }
        for command in commands {
            self.run(command, &ctx);
        }
    }

    fn modal_open(&self) -> bool {
        self.confirm_reset || self.open_by_path.is_some()
    }

    /// Carries out one command. Every button, menu item and key ends up here.
    pub fn run(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::ChooseReply(reply) => self.session.choose(&self.pack, reply),
            Command::CheckAnswer => {
                let outcome = self.session.check(&self.pack, &mut self.progress.progress);
                if outcome.is_some() {
                    self.progress.save();
                }
                self.scroll_to_solution = outcome == Some(CheckOutcome::Correct);
            }
            Command::ShowAnswer => {
                self.session.reveal(&self.pack, &mut self.progress.progress);
                self.progress.save();
                self.scroll_to_solution = true;
            }
            Command::TryAgain => self.session.try_again(),
            Command::PreviousExercise => self.session.previous(),
            Command::NextExercise => self.session.next(),
            Command::GoToExercise(index) => self.session.go_to(index),
            Command::OpenPackDialog => {
                if self.pending_pick.is_none() {
                    self.pending_pick = Some((self.picker.pick_pack(ctx), Instant::now()));
                }
            }
            Command::OpenPackByPath => self.open_by_path = Some(OpenByPath::default()),
            Command::OpenPack(path) => self.open_pack(path),
            Command::OpenDefaultPack => {
                self.set_pack(crate::default_pack(), PackOrigin::BuiltIn);
            }
            Command::ResetProgress => self.confirm_reset = true,
            Command::ConfirmResetProgress => {
                self.confirm_reset = false;
                self.progress.progress.reset_pack(&self.pack.id);
                self.progress.save();
                self.session = Session::new(&self.pack, &self.progress.progress);
            }
            Command::ToggleMarkers => {
                self.settings.show_markers = !self.settings.show_markers;
                self.save_settings();
            }
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                self.save_settings();
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    fn open_pack(&mut self, path: PathBuf) {
        match load_pack(&path) {
            Ok(pack) => {
                self.open_by_path = None;
                self.set_pack(pack, PackOrigin::File(path));
            }
            Err(error) => match &mut self.open_by_path {
                Some(window) => window.error = Some(error.to_string()),
                None => self.load_error = Some(error.to_string()),
            },
        }
    }

    fn set_pack(&mut self, pack: Pack, origin: PackOrigin) {
        self.session = Session::new(&pack, &self.progress.progress);
        self.pack = pack;
        self.settings.last_pack = match &origin {
            PackOrigin::File(path) => Some(std::path::absolute(path).unwrap_or(path.clone())),
            PackOrigin::BuiltIn => None,
        };
        self.origin = origin;
        self.load_error = None;
        self.save_settings();
    }

    fn save_settings(&self) {
        // Preferences are not worth interrupting the learner for; a failure is only logged.
        if let Some(dir) = &self.data_dir
            && let Err(error) = self.settings.save(dir)
        {
            eprintln!(
                "airr-coach: cannot save settings in {}: {error}",
                dir.display()
            );
        }
    }

    fn poll_picker(&mut self) {
        let Some((receiver, started)) = &self.pending_pick else {
            return;
        };
        let Ok(picked) = receiver.try_recv() else {
            return;
        };
        let quick = started.elapsed() < DIALOG_NOT_SHOWN;
        self.pending_pick = None;
        match picked {
            Some(path) => self.commands.push(Command::OpenPack(path)),
            None if quick => {
                self.open_by_path = Some(OpenByPath {
                    note: Some(
                        "No file dialog could be shown on this desktop. Type the path of a pack, or drop a .ron file on the window."
                            .to_owned(),
                    ),
                    ..OpenByPath::default()
                });
            }
            None => {}
        }
    }

    fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|input| {
            input
                .raw
                .dropped_files
                .first()
                .map(|file| file.path().to_path_buf())
        });
        if let Some(path) = dropped {
            self.commands.push(Command::OpenPack(path));
        }
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.applied_theme.is_none() {
            // egui's default body text is a dim grey; long emails read better with more contrast.
            ctx.style_mut_of(egui::Theme::Dark, |style| {
                style.visuals.widgets.noninteractive.fg_stroke.color =
                    egui::Color32::from_gray(210);
            });
            ctx.style_mut_of(egui::Theme::Light, |style| {
                style.visuals.widgets.noninteractive.fg_stroke.color = egui::Color32::from_gray(35);
            });
        }
        if self.applied_theme != Some(self.settings.theme) {
            ctx.set_theme(self.settings.theme.preference());
            self.applied_theme = Some(self.settings.theme);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match &self.origin {
            PackOrigin::BuiltIn => format!("{} — AIRR Coach", self.pack.title),
            PackOrigin::File(path) => format!(
                "{} ({}) — AIRR Coach",
                self.pack.title,
                path.file_name().unwrap_or_default().to_string_lossy()
            ),
        };
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    fn menu_bar_ui(&mut self, ui: &mut Ui) {
        let commands = &mut self.commands;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                menu_item(ui, Command::OpenPackDialog, commands);
                menu_item(ui, Command::OpenPackByPath, commands);
                menu_item(ui, Command::OpenDefaultPack, commands);
                ui.separator();
                menu_item(ui, Command::ResetProgress, commands);
                ui.separator();
                menu_item(ui, Command::Quit, commands);
            });
            ui.menu_button("View", |ui| {
                let mut markers = self.settings.show_markers;
                let toggle = Command::ToggleMarkers;
                if ui
                    .checkbox(&mut markers, toggle.text())
                    .on_hover_text(toggle.tooltip())
                    .clicked()
                {
                    commands.push(toggle);
                }
                ui.separator();
                ui.label(RichText::new("Theme").weak());
                for theme in ThemeChoice::ALL {
                    if ui
                        .radio(self.settings.theme == theme, theme.name())
                        .clicked()
                    {
                        commands.push(Command::SetTheme(theme));
                    }
                }
            });
            ui.menu_button("Help", |ui| {
                ui.label(RichText::new("Keyboard").strong());
                for (keys, what) in [
                    ("A-D or 1-4", "choose a reply"),
                    ("Enter", "check the answer"),
                    ("Left / Right", "previous / next exercise"),
                    ("Ctrl+O", "open a pack"),
                ] {
                    ui.label(format!("{keys}: {what}"));
                }
            });
        });
    }

    fn banners_ui(&mut self, ui: &mut Ui) {
        if let Some(error) = &self.load_error {
            let mut dismissed = false;
            egui::Frame::new()
                .stroke(egui::Stroke::new(1.0, ui.visuals().error_fg_color))
                .inner_margin(egui::Margin::same(8))
                .corner_radius(egui::CornerRadius::same(4))
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(
                        RichText::new("The pack could not be opened")
                            .strong()
                            .color(ui.visuals().error_fg_color),
                    );
                    ui.label(RichText::new(error).monospace());
                    dismissed = ui.button("Dismiss").clicked();
                });
            if dismissed {
                self.load_error = None;
            }
            ui.add_space(8.0);
        }
        if let Some(problem) = &self.progress.problem {
            ui.label(RichText::new(format!("⚠ {problem}")).color(ui.visuals().warn_fg_color));
            ui.add_space(8.0);
        }
    }

    fn dialogs_ui(&mut self, ctx: &egui::Context) {
        if self.confirm_reset
            && let Some(reset) = confirm_reset_ui(ctx, &self.pack.title, self.pack.exercises.len())
        {
            self.confirm_reset = false;
            if reset {
                self.commands.push(Command::ConfirmResetProgress);
            }
        }
        if let Some(window) = &mut self.open_by_path {
            match window.ui(ctx) {
                DialogOutcome::Open => {
                    let path = PathBuf::from(window.path.trim());
                    self.commands.push(Command::OpenPack(path));
                }
                DialogOutcome::Close => self.open_by_path = None,
                DialogOutcome::Stay => {}
            }
        }
    }
}

impl eframe::App for AirrApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        AirrApp::ui(self, ui);
    }
}

fn menu_item(ui: &mut Ui, command: Command, commands: &mut Vec<Command>) {
    let mut button = egui::Button::new(command.text());
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add(button).on_hover_text(command.tooltip()).clicked() {
        commands.push(command);
    }
}

/// While files are dragged over the window, says what dropping them does.
fn drop_hint_ui(ctx: &egui::Context) {
    if ctx.input(|input| input.raw.hovered_files.is_empty()) {
        return;
    }
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop hint"),
    ));
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(180));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        "Drop a .ron exercise pack to open it",
        egui::FontId::proportional(24.0),
        egui::Color32::WHITE,
    );
}
