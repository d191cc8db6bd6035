//! Everything the learner can ask the app to do, from a button, a menu or a key, in one type.
//!
//! Views push commands while they draw; [`super::AirrApp`] runs them once the frame's ui is done, so
//! the state never changes under a view half-way through drawing it.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::settings::ThemeChoice;

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    ChooseReply(usize),
    CheckAnswer,
    ShowAnswer,
    /// Clears the chosen and checked reply of the current exercise to practise it again.
    TryAgain,
    PreviousExercise,
    NextExercise,
    GoToExercise(usize),
    /// Opens the system file dialog (or the typed-path fallback where there is none).
    OpenPackDialog,
    /// Opens the window where a pack's path can be typed.
    OpenPackByPath,
    OpenPack(PathBuf),
    OpenDefaultPack,
    /// Asks before resetting the current pack's progress.
    ResetProgress,
    ConfirmResetProgress,
    ToggleMarkers,
    SetTheme(ThemeChoice),
    Quit,
}

const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
const TOGGLE_MARKERS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::M);

impl Command {
    /// The menu and button text.
    pub fn text(&self) -> String {
        match self {
            Command::ChooseReply(index) => format!("Choose reply {}", reply_letter(*index)),
            Command::CheckAnswer => "Check answer".into(),
            Command::ShowAnswer => "Show answer".into(),
            Command::TryAgain => "Practise again".into(),
            Command::PreviousExercise => "◀ Previous".into(),
            Command::NextExercise => "Next ▶".into(),
            Command::GoToExercise(index) => format!("Exercise {}", index + 1),
            Command::OpenPackDialog => "Open pack…".into(),
            Command::OpenPackByPath => "Open pack by path…".into(),
            Command::OpenPack(path) => format!("Open {}", path.display()),
            Command::OpenDefaultPack => "Open the built-in pack".into(),
            Command::ResetProgress => "Reset progress…".into(),
            Command::ConfirmResetProgress => "Reset progress".into(),
            Command::ToggleMarkers => "Show part markers".into(),
            Command::SetTheme(theme) => theme.name().into(),
            Command::Quit => "Quit".into(),
        }
    }

    /// What the command does, for tooltips.
    pub fn tooltip(&self) -> &'static str {
        match self {
            Command::ChooseReply(_) => "Pick this reply (keys A-D or 1-4)",
            Command::CheckAnswer => "Check the chosen reply (Enter)",
            Command::ShowAnswer => "Reveal the model answer without answering",
            Command::TryAgain => "Clear your answer and choose again; your progress is kept",
            Command::PreviousExercise => "The previous exercise (Left arrow)",
            Command::NextExercise => "The next exercise (Right arrow)",
            Command::GoToExercise(_) => "Go to this exercise",
            Command::OpenPackDialog => "Open an exercise pack (.ron) from a file",
            Command::OpenPackByPath => "Type the path of an exercise pack to open",
            Command::OpenPack(_) => "Open this exercise pack",
            Command::OpenDefaultPack => "Go back to the pack that comes with AIRR Coach",
            Command::ResetProgress => "Forget which exercises of this pack you completed",
            Command::ConfirmResetProgress => "Forget this pack's progress now",
            Command::ToggleMarkers => {
                "Write ACK, INF, RES, REM before each part, so parts are not told by colour alone"
            }
            Command::SetTheme(_) => "Colours for the whole window",
            Command::Quit => "Close AIRR Coach",
        }
    }

    /// The keyboard shortcut shown beside the command in menus.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        match self {
            Command::OpenPackDialog => Some(OPEN),
            Command::Quit => Some(QUIT),
            Command::ToggleMarkers => Some(TOGGLE_MARKERS),
            _ => None,
        }
    }
}

/// "A" for the first reply, "B" for the second, and so on.
pub fn reply_letter(index: usize) -> char {
    u8::try_from(index)
        .ok()
        .filter(|i| *i < 26)
        .map_or('?', |i| char::from(b'A' + i))
}

const REPLY_KEYS: [(Key, Key); 4] = [
    (Key::A, Key::Num1),
    (Key::B, Key::Num2),
    (Key::C, Key::Num3),
    (Key::D, Key::Num4),
];

/// The commands asked for by this frame's key presses, consuming those keys.
///
/// Plain keys (letters, digits, arrows, Enter) only act when no text field has the keyboard, so
/// typing a path never picks a reply.
pub fn commands_from_keys(ctx: &egui::Context) -> Vec<Command> {
    let mut commands = Vec::new();
    ctx.input_mut(|input| {
        for command in [
            Command::OpenPackDialog,
            Command::Quit,
            Command::ToggleMarkers,
        ] {
            if let Some(shortcut) = command.shortcut()
                && input.consume_shortcut(&shortcut)
            {
                commands.push(command);
            }
        }
    });
    if ctx.text_edit_focused() {
        return commands;
    }
    ctx.input_mut(|input| {
        for (index, (letter, digit)) in REPLY_KEYS.into_iter().enumerate() {
            if input.consume_key(Modifiers::NONE, letter)
                || input.consume_key(Modifiers::NONE, digit)
            {
                commands.push(Command::ChooseReply(index));
            }
        }
        let plain = [
            (Key::Enter, Command::CheckAnswer),
            (Key::ArrowLeft, Command::PreviousExercise),
            (Key::ArrowRight, Command::NextExercise),
        ];
        for (key, command) in plain {
            if input.consume_key(Modifiers::NONE, key) {
                commands.push(command);
            }
        }
    });
    commands
}
