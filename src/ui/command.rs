//! Everything the learner can ask the app to do, from a button, a menu or a key, in one type.
//!
//! Views push commands while they draw; [`super::AirrApp`] runs them once the frame's ui is done, so
//! the state never changes under a view half-way through drawing it.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::exercise_view::ExerciseTab;
use super::settings::ThemeChoice;
use crate::airr::AirrPart;

/// Learners answer exercises; trainers edit the pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Learn,
    Edit,
}

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
    SetExerciseTab(ExerciseTab),
    SetTheme(ThemeChoice),
    SetMode(Mode),
    /// Starts a new pack from the template, in Edit mode.
    NewPack,
    SavePack,
    SavePackAs,
    Undo,
    Redo,
    /// Tags the words selected in a reply editor with a part, or clears them.
    TagSelection(Option<AirrPart>),
    Quit,
}

const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const TAG_KEYS: [Key; 5] = [Key::Num0, Key::Num1, Key::Num2, Key::Num3, Key::Num4];
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
            Command::SetExerciseTab(ExerciseTab::ChooseReply) => "Choose a reply".into(),
            Command::SetExerciseTab(ExerciseTab::WriteYourOwn) => "Write your own".into(),
            Command::SetMode(Mode::Learn) => "Learn".into(),
            Command::SetMode(Mode::Edit) => "Edit".into(),
            Command::NewPack => "New pack".into(),
            Command::SavePack => "Save".into(),
            Command::SavePackAs => "Save as…".into(),
            Command::Undo => "Undo".into(),
            Command::Redo => "Redo".into(),
            Command::TagSelection(Some(part)) => part.name().into(),
            Command::TagSelection(None) => "Clear".into(),
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
            Command::SetExerciseTab(_) => {
                "Choose the best reply, or write your own and have it checked"
            }
            Command::SetMode(Mode::Learn) => "Practise the exercises of this pack",
            Command::SetMode(Mode::Edit) => {
                "Edit this pack: every field, the AIRR tags, the problems"
            }
            Command::NewPack => "Start a new pack from a template",
            Command::SavePack => "Save the pack to its file",
            Command::SavePackAs => "Save the pack to a new file",
            Command::Undo => "Undo the last edit",
            Command::Redo => "Redo the last undone edit",
            Command::TagSelection(_) => "Tag the words selected in a reply",
            Command::Quit => "Close AIRR Coach",
        }
    }

    /// The keyboard shortcut shown beside the command in menus.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        match self {
            Command::OpenPackDialog => Some(OPEN),
            Command::NewPack => Some(NEW),
            Command::SavePack => Some(SAVE),
            Command::SavePackAs => Some(SAVE_AS),
            Command::Undo => Some(UNDO),
            Command::Redo => Some(REDO),
            Command::TagSelection(part) => {
                let key = match part {
                    None => TAG_KEYS[0],
                    Some(part) => TAG_KEYS[AirrPart::ALL.iter().position(|p| p == part)? + 1],
                };
                Some(KeyboardShortcut::new(Modifiers::COMMAND, key))
            }
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
pub fn commands_from_keys(ctx: &egui::Context, mode: Mode, reply_keys: bool) -> Vec<Command> {
    let mut commands = Vec::new();
    // Shift variants first: a shortcut without Shift also matches the key pressed with it.
    let mut with_modifiers = vec![
        Command::SavePackAs,
        Command::SavePack,
        Command::NewPack,
        Command::OpenPackDialog,
        Command::Quit,
        Command::ToggleMarkers,
    ];
    if mode == Mode::Edit {
        with_modifiers.extend([Command::Redo, Command::Undo, Command::TagSelection(None)]);
        with_modifiers.extend(AirrPart::ALL.map(|part| Command::TagSelection(Some(part))));
    }
    ctx.input_mut(|input| {
        for command in with_modifiers {
            if let Some(shortcut) = command.shortcut()
                && input.consume_shortcut(&shortcut)
            {
                commands.push(command);
            }
        }
    });
    if ctx.text_edit_focused() || mode == Mode::Edit || !reply_keys {
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
