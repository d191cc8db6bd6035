//! The learner's display preferences, kept beside the progress in the data folder.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic_write::write_atomically;

const SETTINGS_FILE: &str = "settings.ron";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    pub fn name(self) -> &'static str {
        match self {
            ThemeChoice::System => "Follow the system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Write ACK / INF / RES / REM before each highlighted part.
    pub show_markers: bool,
    pub theme: ThemeChoice,
    /// The pack file open when the app last closed, reopened on the next start.
    pub last_pack: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            show_markers: true,
            theme: ThemeChoice::System,
            last_pack: None,
        }
    }
}

impl Settings {
    /// The settings in `folder`; missing or unreadable settings fall back to the defaults, which is
    /// harmless: they are only preferences.
    pub fn load(folder: &Path) -> Self {
        std::fs::read_to_string(folder.join(SETTINGS_FILE))
            .ok()
            .and_then(|text| ron::from_str(&text).ok())
            .unwrap_or_default()
    }

    pub fn save(&self, folder: &Path) -> std::io::Result<()> {
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new())
            .map_err(std::io::Error::other)?;
        std::fs::create_dir_all(folder)?;
        write_atomically(&folder.join(SETTINGS_FILE), text.as_bytes())
    }
}
