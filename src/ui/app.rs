//! The application state and the one place where commands change it.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use egui::{RichText, Ui};

use super::command::{Command, Mode, commands_from_keys};
use super::dialogs::{
    DialogOutcome, PathEntry, PathPurpose, UnsavedChoice, confirm_reset_ui, save_with_errors_ui,
    unsaved_changes_ui,
};
use super::editor::EditorState;
use super::exercise_view::{
    ExerciseContext, ExerciseTab, choose_reply_ui, exercise_header_ui, exercise_navigation_ui,
};
use super::pack_picker::PackPicker;
use super::practice_view::{PracticeState, practice_ui};
use super::settings::{Settings, ThemeChoice};
use super::side_panel::side_panel_ui;
use crate::document::{Document, new_pack_template};
use crate::pack::Pack;
use crate::pack_file::{check_usable, load_pack, load_pack_unchecked};
use crate::progress::ProgressStore;
use crate::session::{CheckOutcome, Session};
use crate::validate::{Severity, validate};

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
    /// Made with New pack and not saved yet.
    New,
    File(PathBuf),
}

/// The one modal window that can be open at a time.
enum Prompt {
    ResetProgress,
    PathEntry(PathEntry),
    /// The command waits for the user to save or discard the changes.
    UnsavedChanges(Command),
    SaveWithErrors {
        path: PathBuf,
        errors: usize,
    },
    /// Unsaved edits found after a crash, offered back.
    Recover(Recovery),
}

/// Unsaved trainer edits, written to the data folder a second after the last change so a crash
/// loses at most that second.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Recovery {
    /// The file the pack came from, if any.
    path: Option<PathBuf>,
    pack: Pack,
}

const RECOVERY_FILE: &str = "recovery.ron";

/// How long edits wait before they are written to the recovery file.
const RECOVERY_DELAY: Duration = Duration::from_secs(1);

pub struct AirrApp {
    document: Document,
    origin: PackOrigin,
    mode: Mode,
    session: Session,
    editor: EditorState,
    progress: ProgressStore,
    settings: Settings,
    data_dir: Option<PathBuf>,
    picker: Box<dyn PackPicker>,
    pending_pick: Option<(Receiver<Option<PathBuf>>, Instant, PathPurpose)>,
    prompt: Option<Prompt>,
    /// What to do once the save under way succeeds (the command that asked to save first).
    after_save: Option<Command>,
    /// Set once the user agreed to close, so the close request is let through.
    closing: bool,
    /// The last pack that failed to open or save, shown until dismissed; the pack on screen stays.
    load_error: Option<String>,
    /// Something odd about the pack just opened (unknown fields), shown until dismissed.
    load_warning: Option<String>,
    /// A passing note such as "Saved to …".
    notice: Option<String>,
    commands: Vec<Command>,
    shown_title: String,
    /// Set when an exercise has just been answered, so the next frame scrolls to its explanation.
    scroll_to_solution: bool,
    tab: ExerciseTab,
    practice: PracticeState,
    /// When the draft last changed without being saved; drafts are saved a second after typing stops.
    draft_changed_at: Option<Instant>,
    applied_theme: Option<ThemeChoice>,
    /// The document revision last seen, when it changed, and the one last written for recovery.
    recovery_seen: (u64, Instant),
    recovery_written: Option<u64>,
    /// Whether a recovery file may be on disk, so it is removed once, not looked for every frame.
    recovery_on_disk: bool,
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
            document: Document::new(default, None),
            origin: PackOrigin::BuiltIn,
            mode: Mode::Learn,
            editor: EditorState::default(),
            progress,
            settings,
            data_dir,
            picker,
            pending_pick: None,
            prompt: None,
            after_save: None,
            closing: false,
            load_error: None,
            load_warning: None,
            notice: None,
            commands: Vec::new(),
            shown_title: String::new(),
            scroll_to_solution: false,
            tab: ExerciseTab::default(),
            practice: PracticeState::default(),
            draft_changed_at: None,
            applied_theme: None,
            recovery_seen: (0, Instant::now()),
            recovery_written: None,
            recovery_on_disk: false,
        };
        app.recovery_on_disk = app.recovery_path().is_some_and(|path| path.exists());
        if let Some(recovery) = app.read_recovery() {
            app.prompt = Some(Prompt::Recover(recovery));
        }
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
        &self.document.pack
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    pub fn origin(&self) -> &PackOrigin {
        &self.origin
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn editor(&self) -> &EditorState {
        &self.editor
    }

    pub fn progress(&self) -> &ProgressStore {
        &self.progress
    }

    pub fn load_error(&self) -> Option<&str> {
        self.load_error.as_deref()
    }

    pub fn load_warning(&self) -> Option<&str> {
        self.load_warning.as_deref()
    }

    /// The window title as last sent to the window.
    pub fn title(&self) -> &str {
        &self.shown_title
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
        self.guard_close_request(&ctx);
        self.poll_picker();
        if self.prompt.is_none() {
            let reply_keys = self.tab == ExerciseTab::ChooseReply;
            let keys = commands_from_keys(&ctx, self.mode, reply_keys);
            self.commands.extend(keys);
        }
        self.take_dropped_files(&ctx);
        self.keep_recovery_file(&ctx);

        egui::Panel::top("menu bar").show(ui, |ui| self.menu_bar_ui(ui));
        if self.load_error.is_some()
            || self.load_warning.is_some()
            || self.progress.problem.is_some()
        {
            egui::Panel::top("banners").show(ui, |ui| self.banners_ui(ui));
        }
        match self.mode {
            Mode::Learn => self.learner_ui(ui),
            Mode::Edit => self.editor.ui(ui, &mut self.document),
        }
        self.prompt_ui(&ctx);
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

    fn learner_ui(&mut self, ui: &mut Ui) {
        self.save_draft_when_idle(ui.ctx());
        let pack = &self.document.pack;
        egui::Panel::left("exercises")
            .resizable(true)
            .default_size(290.0)
            .min_size(220.0)
            .show(ui, |ui| {
                side_panel_ui(
                    ui,
                    pack,
                    &self.progress.progress,
                    self.session.current(),
                    &mut self.commands,
                );
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt(("exercise", self.session.current()))
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.set_max_width(860.0);
                    let index = self.session.current();
                    exercise_header_ui(ui, pack, index, self.tab, &mut self.commands);
                    match (self.tab, pack.exercises.get(index)) {
                        (ExerciseTab::ChooseReply, _) => {
                            let context = ExerciseContext {
                                pack,
                                session: &self.session,
                                show_markers: self.settings.show_markers,
                                scroll_to_solution: std::mem::take(&mut self.scroll_to_solution),
                            };
                            choose_reply_ui(ui, &context, &mut self.commands);
                        }
                        (ExerciseTab::WriteYourOwn, Some(exercise)) => {
                            let draft = self.progress.progress.draft_mut(&pack.id, &exercise.id);
                            let show_markers = self.settings.show_markers;
                            if practice_ui(ui, pack, index, draft, &mut self.practice, show_markers)
                            {
                                self.draft_changed_at = Some(Instant::now());
                            }
                        }
                        (ExerciseTab::WriteYourOwn, None) => {}
                    }
                    exercise_navigation_ui(ui, pack, index, &mut self.commands);
                });
        });
    }

    fn recovery_path(&self) -> Option<PathBuf> {
        self.data_dir.as_ref().map(|dir| dir.join(RECOVERY_FILE))
    }

    fn read_recovery(&self) -> Option<Recovery> {
        let text = std::fs::read_to_string(self.recovery_path()?).ok()?;
        crate::pack_file::ron_options().from_str(&text).ok()
    }

    /// Writes unsaved edits to the recovery file once they have rested a second, and removes the file
    /// once there is nothing unsaved (saved, discarded, or another pack opened).
    fn keep_recovery_file(&mut self, ctx: &egui::Context) {
        if self.data_dir.is_none() || matches!(self.prompt, Some(Prompt::Recover(_))) {
            return;
        }
        if !self.document.is_modified() {
            self.recovery_written = None;
            if std::mem::take(&mut self.recovery_on_disk) {
                self.remove_recovery_file();
            }
            return;
        }
        let revision = self.document.revision();
        if self.recovery_seen.0 != revision {
            self.recovery_seen = (revision, Instant::now());
        }
        if self.recovery_written == Some(revision) {
            return;
        }
        let rested = self.recovery_seen.1.elapsed();
        if rested < RECOVERY_DELAY {
            ctx.request_repaint_after(RECOVERY_DELAY - rested);
            return;
        }
        let Some(path) = self.recovery_path() else {
            return;
        };
        let recovery = Recovery {
            path: self.document.path().map(Path::to_path_buf),
            pack: self.document.pack.clone(),
        };
        let text = ron::ser::to_string(&recovery).expect("a pack always serialises");
        let written = std::fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))
            .and_then(|()| crate::atomic_write::write_atomically(&path, text.as_bytes()));
        if let Err(error) = written {
            eprintln!("airr-coach: cannot write {}: {error}", path.display());
        }
        self.recovery_written = Some(revision);
        self.recovery_on_disk = true;
    }

    fn remove_recovery_file(&mut self) {
        if let Some(path) = self.recovery_path() {
            let _ = std::fs::remove_file(path);
        }
        self.recovery_on_disk = false;
    }

    /// Saves the draft once typing has stopped for a second, so a crash loses at most that second.
    fn save_draft_when_idle(&mut self, ctx: &egui::Context) {
        const IDLE: Duration = Duration::from_secs(1);
        if let Some(changed) = self.draft_changed_at {
            let idle = changed.elapsed();
            if idle >= IDLE {
                self.save_draft_now();
            } else {
                ctx.request_repaint_after(IDLE - idle);
            }
        }
    }

    fn save_draft_now(&mut self) {
        if self.draft_changed_at.take().is_some() {
            self.progress.save();
        }
    }

    /// Runs a command, first asking what to do with unsaved changes if it would lose them.
    pub fn run(&mut self, command: Command, ctx: &egui::Context) {
        let replaces_pack = matches!(
            command,
            Command::OpenPack(_) | Command::OpenDefaultPack | Command::NewPack | Command::Quit
        );
        if replaces_pack && self.document.is_modified() {
            self.prompt = Some(Prompt::UnsavedChanges(command));
        } else {
            self.execute(command, ctx);
        }
    }

    /// Carries out one command. Every button, menu item and key ends up here.
    fn execute(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::ChooseReply(reply) => self.session.choose(&self.document.pack, reply),
            Command::CheckAnswer => {
                let outcome = self
                    .session
                    .check(&self.document.pack, &mut self.progress.progress);
                if outcome.is_some() {
                    self.progress.save();
                }
                self.scroll_to_solution = outcome == Some(CheckOutcome::Correct);
            }
            Command::ShowAnswer => {
                self.session
                    .reveal(&self.document.pack, &mut self.progress.progress);
                self.progress.save();
                self.scroll_to_solution = true;
            }
            Command::TryAgain => self.session.try_again(),
            Command::PreviousExercise => self.session.previous(),
            Command::NextExercise => self.session.next(),
            Command::GoToExercise(index) => self.session.go_to(index),
            Command::OpenPackDialog => self.start_pick(ctx, PathPurpose::Open),
            Command::OpenPackByPath => {
                self.prompt = Some(Prompt::PathEntry(PathEntry::default()));
            }
            Command::OpenPack(path) => self.open_pack(path),
            Command::OpenDefaultPack => {
                self.set_pack(crate::default_pack(), PackOrigin::BuiltIn);
            }
            Command::NewPack => {
                self.replace_document(Document::untitled(new_pack_template()), PackOrigin::New);
                self.mode = Mode::Edit;
            }
            Command::SavePack => match self.document.path().map(Path::to_path_buf) {
                Some(path) => self.save_to(path, false),
                None => self.start_pick(ctx, PathPurpose::Save),
            },
            Command::SavePackAs => self.start_pick(ctx, PathPurpose::Save),
            Command::Undo if self.mode == Mode::Edit => self.document.undo(),
            Command::Redo if self.mode == Mode::Edit => self.document.redo(),
            Command::Undo | Command::Redo => {}
            Command::TagSelection(part) => {
                if self.mode == Mode::Edit {
                    self.editor.tag_selection(part, &mut self.document);
                }
            }
            Command::SetMode(mode) => self.set_mode(mode),
            Command::ResetProgress => self.prompt = Some(Prompt::ResetProgress),
            Command::ConfirmResetProgress => {
                self.progress.progress.reset_pack(&self.document.pack.id);
                self.progress.save();
                self.session = Session::new(&self.document.pack, &self.progress.progress);
            }
            Command::ToggleMarkers => {
                self.settings.show_markers = !self.settings.show_markers;
                self.save_settings();
            }
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                self.save_settings();
            }
            Command::SetExerciseTab(tab) => self.tab = tab,
            Command::Quit => {
                self.save_draft_now();
                self.closing = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn set_mode(&mut self, mode: Mode) {
        if mode == self.mode {
            return;
        }
        match mode {
            // The learner sees the pack as edited, at the exercise the trainer was on.
            Mode::Learn => {
                let current = match self.editor.selection {
                    super::editor::Selection::Exercise(index) => index,
                    super::editor::Selection::PackSettings => self.session.current(),
                };
                self.session = Session::new(&self.document.pack, &self.progress.progress);
                self.session.go_to(current);
            }
            Mode::Edit => {
                self.editor.selection = super::editor::Selection::Exercise(self.session.current());
            }
        }
        self.mode = mode;
    }

    fn start_pick(&mut self, ctx: &egui::Context, purpose: PathPurpose) {
        if self.pending_pick.is_some() {
            return;
        }
        let receiver = match purpose {
            PathPurpose::Open => self.picker.pick_pack(ctx),
            PathPurpose::Save => {
                let name = match self.document.path() {
                    Some(path) => self.document.display_name_of(path),
                    None => format!("{}.ron", self.document.pack.id),
                };
                self.picker.pick_save_path(ctx, &name)
            }
        };
        self.pending_pick = Some((receiver, Instant::now(), purpose));
    }

    fn open_pack(&mut self, path: PathBuf) {
        // Trainers must be able to open a pack with content errors to fix them; learners cannot use one.
        let origin = path.display().to_string();
        let loaded = load_pack_unchecked(&path).and_then(|loaded| match self.mode {
            Mode::Edit => Ok(loaded),
            Mode::Learn => check_usable(&loaded.pack, &origin).map(|()| loaded),
        });
        match loaded {
            Ok(loaded) => {
                if matches!(self.prompt, Some(Prompt::PathEntry(_))) {
                    self.prompt = None;
                }
                self.set_pack(loaded.pack, PackOrigin::File(path));
                if !loaded.unknown_fields.is_empty() {
                    self.load_warning = Some(format!(
                        "{origin}: warning: these fields are unknown and were ignored (misspelt?): {}",
                        loaded.unknown_fields.join(", ")
                    ));
                }
            }
            Err(error) => {
                let mut message = error.to_string();
                if matches!(error, crate::pack_file::PackError::Invalid { .. }) {
                    message.push_str("\nSwitch to Edit mode and open it again to fix it.");
                }
                match &mut self.prompt {
                    Some(Prompt::PathEntry(entry)) => entry.error = Some(message),
                    _ => self.load_error = Some(message),
                }
            }
        }
    }

    fn set_pack(&mut self, pack: Pack, origin: PackOrigin) {
        let path = match &origin {
            PackOrigin::File(path) => Some(path.clone()),
            _ => None,
        };
        self.replace_document(Document::new(pack, path), origin);
    }

    fn replace_document(&mut self, document: Document, origin: PackOrigin) {
        self.session = Session::new(&document.pack, &self.progress.progress);
        self.document = document;
        self.editor = EditorState::default();
        self.remember_pack(&origin);
        self.origin = origin;
        self.load_error = None;
        self.load_warning = None;
        self.notice = None;
    }

    fn remember_pack(&mut self, origin: &PackOrigin) {
        self.settings.last_pack = match origin {
            PackOrigin::File(path) => Some(std::path::absolute(path).unwrap_or(path.clone())),
            PackOrigin::BuiltIn | PackOrigin::New => None,
        };
        self.save_settings();
    }

    /// Saves to `path`, first asking when the pack has errors (unless `confirmed`).
    fn save_to(&mut self, path: PathBuf, confirmed: bool) {
        let errors = validate(&self.document.pack)
            .iter()
            .filter(|problem| problem.severity == Severity::Error)
            .count();
        if errors > 0 && !confirmed {
            self.prompt = Some(Prompt::SaveWithErrors { path, errors });
            return;
        }
        match self.document.save_to(&path) {
            Ok(()) => {
                self.notice = Some(format!("Saved to {}", path.display()));
                let origin = PackOrigin::File(path);
                self.remember_pack(&origin);
                self.origin = origin;
                if let Some(next) = self.after_save.take() {
                    self.commands.push(next);
                }
            }
            Err(error) => {
                self.after_save = None;
                self.load_error = Some(format!(
                    "{}: error: the pack could not be saved: {error}. Your changes are still here.",
                    path.display()
                ));
            }
        }
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

    /// Stops the window closing while there are unsaved changes, and asks instead.
    fn guard_close_request(&mut self, ctx: &egui::Context) {
        let requested = ctx.input(|input| input.viewport().close_requested());
        if requested {
            self.save_draft_now();
        }
        if requested && !self.closing && self.document.is_modified() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.prompt = Some(Prompt::UnsavedChanges(Command::Quit));
        }
    }

    fn poll_picker(&mut self) {
        let Some((receiver, started, purpose)) = &self.pending_pick else {
            return;
        };
        let Ok(picked) = receiver.try_recv() else {
            return;
        };
        let (quick, purpose) = (started.elapsed() < DIALOG_NOT_SHOWN, *purpose);
        self.pending_pick = None;
        match (picked, purpose) {
            (Some(path), PathPurpose::Open) => self.commands.push(Command::OpenPack(path)),
            (Some(path), PathPurpose::Save) => self.save_to(path, false),
            (None, _) if quick => {
                self.prompt = Some(Prompt::PathEntry(PathEntry {
                    purpose,
                    note: Some(
                        "No file dialog could be shown on this desktop. Type the path of the pack file."
                            .to_owned(),
                    ),
                    ..PathEntry::default()
                }));
            }
            (None, _) => self.after_save = None,
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
        let mark = if self.document.is_modified() {
            "● "
        } else {
            ""
        };
        let title = format!(
            "{mark}{} — {} — AIRR Coach",
            self.document.display_name(),
            self.document.pack.title
        );
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    fn menu_bar_ui(&mut self, ui: &mut Ui) {
        let commands = &mut self.commands;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                menu_item(ui, Command::NewPack, true, commands);
                menu_item(ui, Command::OpenPackDialog, true, commands);
                menu_item(ui, Command::OpenPackByPath, true, commands);
                menu_item(ui, Command::OpenDefaultPack, true, commands);
                ui.separator();
                menu_item(ui, Command::SavePack, true, commands);
                menu_item(ui, Command::SavePackAs, true, commands);
                ui.separator();
                menu_item(ui, Command::ResetProgress, true, commands);
                ui.separator();
                menu_item(ui, Command::Quit, true, commands);
            });
            ui.menu_button("Edit", |ui| {
                let editing = self.mode == Mode::Edit;
                menu_item(
                    ui,
                    Command::Undo,
                    editing && self.document.can_undo(),
                    commands,
                );
                menu_item(
                    ui,
                    Command::Redo,
                    editing && self.document.can_redo(),
                    commands,
                );
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
                    (
                        "Ctrl+1..4, Ctrl+0",
                        "tag the selected words, or clear them (Edit)",
                    ),
                    ("Ctrl+Z / Ctrl+Shift+Z", "undo / redo (Edit)"),
                    ("Ctrl+S / Ctrl+Shift+S", "save / save as"),
                ] {
                    ui.label(format!("{keys}: {what}"));
                }
            });
            ui.separator();
            for mode in [Mode::Learn, Mode::Edit] {
                let command = Command::SetMode(mode);
                let button = egui::Button::selectable(self.mode == mode, command.text());
                if ui.add(button).on_hover_text(command.tooltip()).clicked() {
                    commands.push(command);
                }
            }
            if let Some(notice) = &self.notice {
                ui.separator();
                ui.label(RichText::new(notice).weak());
            }
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
                        RichText::new("The pack could not be opened or saved")
                            .strong()
                            .color(ui.visuals().error_fg_color),
                    );
                    ui.label(RichText::new(error).monospace());
                    dismissed = ui.button("Dismiss").clicked();
                });
            if dismissed {
                self.load_error = None;
            }
        }
        if let Some(warning) = &self.load_warning {
            let mut dismissed = false;
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("⚠ {warning}")).color(ui.visuals().warn_fg_color));
                dismissed = ui.button("Dismiss").clicked();
            });
            if dismissed {
                self.load_warning = None;
            }
        }
        if let Some(problem) = &self.progress.problem {
            ui.label(RichText::new(format!("⚠ {problem}")).color(ui.visuals().warn_fg_color));
        }
        ui.add_space(4.0);
    }

    fn prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        match prompt {
            Prompt::ResetProgress => {
                let pack = &self.document.pack;
                if let Some(reset) = confirm_reset_ui(ctx, &pack.title, pack.exercises.len()) {
                    self.prompt = None;
                    if reset {
                        self.commands.push(Command::ConfirmResetProgress);
                    }
                }
            }
            Prompt::PathEntry(entry) => match entry.ui(ctx) {
                DialogOutcome::Accept => {
                    let path = PathBuf::from(entry.path.trim());
                    match entry.purpose {
                        PathPurpose::Open => self.commands.push(Command::OpenPack(path)),
                        PathPurpose::Save => {
                            self.prompt = None;
                            self.save_to(path, false);
                        }
                    }
                }
                DialogOutcome::Close => {
                    self.prompt = None;
                    self.after_save = None;
                }
                DialogOutcome::Stay => {}
            },
            Prompt::UnsavedChanges(command) => {
                let command = command.clone();
                match unsaved_changes_ui(ctx, &self.document.display_name()) {
                    Some(UnsavedChoice::Save) => {
                        self.prompt = None;
                        self.after_save = Some(command);
                        self.commands.push(Command::SavePack);
                    }
                    Some(UnsavedChoice::Discard) => {
                        self.prompt = None;
                        self.execute(command, ctx);
                    }
                    Some(UnsavedChoice::Cancel) => self.prompt = None,
                    None => {}
                }
            }
            Prompt::Recover(recovery) => {
                let name = recovery
                    .path
                    .as_ref()
                    .map_or(recovery.pack.title.clone(), |path| {
                        path.display().to_string()
                    });
                let text = format!(
                    "AIRR Coach closed while “{name}” had edits that were not saved. Restore them? They open in Edit mode, unsaved."
                );
                let answers = [("Restore", true), ("Discard", false)];
                if let Some(restore) = super::dialogs::question_ui(
                    ctx,
                    "recover",
                    "Restore unsaved edits?",
                    &text,
                    &answers,
                    false,
                ) {
                    let recovery = recovery.clone();
                    self.prompt = None;
                    if restore {
                        let origin = recovery
                            .path
                            .clone()
                            .map_or(PackOrigin::New, PackOrigin::File);
                        self.replace_document(
                            Document::recovered(recovery.pack, recovery.path),
                            origin,
                        );
                        self.mode = Mode::Edit;
                    } else {
                        self.remove_recovery_file();
                    }
                }
            }
            Prompt::SaveWithErrors { path, errors } => {
                let path = path.clone();
                match save_with_errors_ui(ctx, *errors) {
                    Some(true) => {
                        self.prompt = None;
                        self.save_to(path, true);
                    }
                    Some(false) => {
                        self.prompt = None;
                        self.after_save = None;
                    }
                    None => {}
                }
            }
        }
    }
}

impl eframe::App for AirrApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        AirrApp::ui(self, ui);
    }
}

fn menu_item(ui: &mut Ui, command: Command, enabled: bool, commands: &mut Vec<Command>) {
    let mut button = egui::Button::new(command.text());
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui
        .add_enabled(enabled, button)
        .on_hover_text(command.tooltip())
        .clicked()
    {
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
