//! The egui front end: one [`AirrApp`] holding the state, views that draw it and return [`Command`]s,
//! and one place, [`AirrApp::run`], where commands change the state.

mod app;
pub mod command;
mod dialogs;
pub mod editor;
mod exercise_view;
mod layout_memo;
pub mod model_answer;
pub mod pack_picker;
pub mod palette;
mod practice_view;
pub mod settings;
mod side_panel;

pub use app::{AirrApp, AppOptions, PackOrigin};
pub use command::{Command, Mode};
pub use exercise_view::ExerciseTab;
