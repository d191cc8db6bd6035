//! The learner's progress, per pack and exercise, kept as RON in the platform data folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic_write::write_atomically;
use crate::pack::Pack;

pub const PROGRESS_FILE: &str = "progress.ron";

/// Everything the learner has done, keyed by pack id, then exercise id, so that reordering a pack or
/// opening another one never mixes records up.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    pub packs: BTreeMap<String, PackProgress>,
    /// The learner's own replies ("Write your own"), by pack id, then exercise id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub drafts: BTreeMap<String, BTreeMap<String, String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackProgress {
    pub exercises: BTreeMap<String, ExerciseProgress>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExerciseProgress {
    /// How many times the learner checked an answer before completing the exercise.
    pub attempts: u32,
    pub completed: bool,
    /// Right on the first check, without having asked to see the answer.
    pub first_try_correct: bool,
    pub answer_shown: bool,
}

/// How far the learner has got with one exercise, as the side panel shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    NotTried,
    Tried,
    Completed,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::NotTried => "not tried",
            Status::Tried => "tried",
            Status::Completed => "completed",
        }
    }
}

impl ExerciseProgress {
    pub fn status(&self) -> Status {
        if self.completed {
            Status::Completed
        } else if self.attempts > 0 || self.answer_shown {
            Status::Tried
        } else {
            Status::NotTried
        }
    }
}

impl Progress {
    pub fn exercise(&self, pack_id: &str, exercise_id: &str) -> ExerciseProgress {
        self.packs
            .get(pack_id)
            .and_then(|pack| pack.exercises.get(exercise_id))
            .copied()
            .unwrap_or_default()
    }

    fn exercise_mut(&mut self, pack_id: &str, exercise_id: &str) -> &mut ExerciseProgress {
        self.packs
            .entry(pack_id.to_owned())
            .or_default()
            .exercises
            .entry(exercise_id.to_owned())
            .or_default()
    }

    /// Records one checked answer. Once an exercise is completed, later practice changes nothing.
    pub fn record_check(&mut self, pack_id: &str, exercise_id: &str, correct: bool) {
        let record = self.exercise_mut(pack_id, exercise_id);
        if record.completed {
            return;
        }
        record.attempts += 1;
        if correct {
            record.completed = true;
            record.first_try_correct = record.attempts == 1 && !record.answer_shown;
        }
    }

    pub fn record_answer_shown(&mut self, pack_id: &str, exercise_id: &str) {
        self.exercise_mut(pack_id, exercise_id).answer_shown = true;
    }

    /// How many of the pack's current exercises are completed.
    pub fn completed_count(&self, pack: &Pack) -> usize {
        pack.exercises
            .iter()
            .filter(|exercise| self.exercise(&pack.id, &exercise.id).completed)
            .count()
    }

    /// Forgets the pack's completions and attempts; the learner's drafts are their writing and stay.
    pub fn reset_pack(&mut self, pack_id: &str) {
        self.packs.remove(pack_id);
    }

    pub fn draft(&self, pack_id: &str, exercise_id: &str) -> &str {
        self.drafts
            .get(pack_id)
            .and_then(|drafts| drafts.get(exercise_id))
            .map_or("", String::as_str)
    }

    pub fn draft_mut(&mut self, pack_id: &str, exercise_id: &str) -> &mut String {
        self.drafts
            .entry(pack_id.to_owned())
            .or_default()
            .entry(exercise_id.to_owned())
            .or_default()
    }
}

/// Parses the text of a progress file.
pub fn parse_progress(text: &str) -> Result<Progress, ron::error::SpannedError> {
    ron::from_str(text)
}

/// The progress file and what happened to it: where it lives, and the last problem reading or writing it.
pub struct ProgressStore {
    path: Option<PathBuf>,
    pub progress: Progress,
    /// Shown to the learner as a warning; the app keeps working from memory.
    pub problem: Option<String>,
    /// The problem was found reading the file at start: a later good save does not make it untrue.
    problem_from_reading: bool,
}

impl ProgressStore {
    /// Progress kept only in memory, for when there is no data folder.
    pub fn in_memory() -> Self {
        Self {
            path: None,
            progress: Progress::default(),
            problem: None,
            problem_from_reading: false,
        }
    }

    /// The progress in `folder`, or a fresh record if there is none yet.
    ///
    /// A file that cannot be parsed is moved aside (never deleted) and a fresh record begins.
    pub fn open(folder: &Path) -> Self {
        let path = folder.join(PROGRESS_FILE);
        let mut store = Self {
            path: Some(path.clone()),
            progress: Progress::default(),
            problem: None,
            problem_from_reading: false,
        };
        let backup = backup_path(&path);
        match std::fs::read_to_string(&path) {
            Ok(text) => match parse_progress(&text) {
                Ok(progress) => {
                    store.progress = progress;
                    // The last good version, for the day this file is found damaged.
                    let _ = write_atomically(&backup, text.as_bytes());
                }
                Err(error) => {
                    let mut problem = set_aside_corrupt(&path, &error);
                    let restored = std::fs::read_to_string(&backup)
                        .ok()
                        .and_then(|text| parse_progress(&text).ok());
                    if let Some(progress) = restored {
                        store.progress = progress;
                        problem = problem.replace(
                            "and a fresh record begins",
                            &format!(
                                "and your progress was restored from the backup {}",
                                backup.display()
                            ),
                        );
                    }
                    store.problem = Some(problem);
                }
            },
            // Nothing there yet (or no folder to hold it): a fresh record; saving will say if it can't.
            Err(_) if !path.exists() => {}
            Err(error) => {
                store.problem = Some(format!(
                    "Cannot read your progress from {}: {error}. Progress is kept for this session only.",
                    path.display()
                ));
                // Writing would replace a file we could not read: keep it untouched instead.
                store.path = None;
            }
        }
        store.problem_from_reading = store.problem.is_some();
        store
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Writes the progress atomically; on failure records the problem and keeps the progress in memory.
    pub fn save(&mut self) {
        let Some(path) = &self.path else { return };
        let text = ron::ser::to_string_pretty(&self.progress, ron::ser::PrettyConfig::new())
            .expect("progress holds only maps, strings, numbers and booleans");
        let result = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| write_atomically(path, text.as_bytes()));
        self.problem = match result {
            Ok(()) if self.problem_from_reading => self.problem.take(),
            Ok(()) => None,
            Err(error) => {
                self.problem_from_reading = false;
                Some(format!(
                    "Cannot save your progress to {}: {error}. It is kept for this session only.",
                    path.display()
                ))
            }
        };
    }
}

/// Where the last good progress file is kept: `progress.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    path.with_extension("ron.bak")
}

fn set_aside_corrupt(path: &Path, error: &ron::error::SpannedError) -> String {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs())
        .unwrap_or_default();
    let mut aside = path.with_extension(format!("ron.corrupt-{stamp}"));
    let mut n = 1;
    while aside.exists() {
        aside = path.with_extension(format!("ron.corrupt-{stamp}-{n}"));
        n += 1;
    }
    let kept = match std::fs::rename(path, &aside) {
        Ok(()) => format!("it was kept as {}", aside.display()),
        Err(rename_error) => format!("it could not be moved aside ({rename_error})"),
    };
    format!(
        "Your progress file {}:{} could not be read ({}); {kept}, and a fresh record begins.",
        path.display(),
        error.span.end,
        error.code
    )
}
