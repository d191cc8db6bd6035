//! The pack being worked on: where it came from, whether it has unsaved changes, and its edit history.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::pack::{Exercise, Pack};
use crate::pack_file::save_pack;

/// Typing in one field within this long counts as one edit for undo.
const COALESCE: Duration = Duration::from_millis(1200);

/// How many edits can be undone.
const UNDO_LIMIT: usize = 200;

/// The part of a pack an edit touched, as it was before the edit. Only that part is kept, so typing in
/// one exercise of a 10,000-exercise pack copies one exercise, not the pack.
#[derive(Debug, Clone)]
enum Before {
    /// One exercise's fields changed.
    Exercise(usize, Exercise),
    /// The pack's own fields (title, id, summary, principles, rules) changed.
    Header(Pack),
    /// Exercises were added, removed or moved.
    Exercises(Vec<Exercise>),
}

#[derive(Debug, Clone)]
struct Step {
    before: Before,
    /// The state the pack was in before the edit.
    state: u64,
}

/// What an edit touched, so the history copies only that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditScope {
    Exercise(usize),
    Header,
    Exercises,
}

pub struct Document {
    /// The pack as it is now; the editor changes it directly and then calls [`Document::record_edit`].
    pub pack: Pack,
    /// The file it was loaded from or last saved to; `None` for the built-in pack or a new one.
    path: Option<PathBuf>,
    /// Every distinct content the pack has had gets a number; undo returns to an earlier number.
    state: u64,
    next_state: u64,
    /// The state last loaded or saved; `None` for a new pack never saved, always unsaved work.
    saved_state: Option<u64>,
    /// The touched part as of the last recorded edit: what the next edit's undo step returns to.
    baseline: Option<Before>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    last_edit: Option<(String, Instant)>,
    /// What changed since a view last asked ([`Document::take_changes`]), so it can update only that.
    changes: Vec<EditScope>,
}

impl Document {
    pub fn new(pack: Pack, path: Option<PathBuf>) -> Self {
        Self {
            pack,
            path,
            state: 0,
            next_state: 1,
            saved_state: Some(0),
            baseline: None,
            undo: Vec::new(),
            redo: Vec::new(),
            last_edit: None,
            changes: Vec::new(),
        }
    }

    /// The parts changed since the last call, oldest first.
    pub fn take_changes(&mut self) -> Vec<EditScope> {
        std::mem::take(&mut self.changes)
    }

    /// Edits restored after a crash: the pack as it was, for the file it came from, unsaved.
    pub fn recovered(pack: Pack, path: Option<PathBuf>) -> Self {
        let mut document = Self::new(pack, path);
        document.saved_state = None;
        document
    }

    /// A new pack that was never saved: it counts as unsaved work from the start.
    pub fn untitled(pack: Pack) -> Self {
        let mut document = Self::new(pack, None);
        document.saved_state = None;
        document
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn is_modified(&self) -> bool {
        self.saved_state != Some(self.state)
    }

    /// Changes with every edit, undo and redo, so views can tell the pack changed without comparing it.
    pub fn revision(&self) -> u64 {
        self.state
    }

    fn copy_of(&self, scope: EditScope) -> Option<Before> {
        Some(match scope {
            EditScope::Exercise(index) => {
                Before::Exercise(index, self.pack.exercises.get(index)?.clone())
            }
            EditScope::Header => Before::Header(self.pack.clone_header()),
            EditScope::Exercises => Before::Exercises(self.pack.exercises.clone()),
        })
    }

    fn scope_of(before: &Before) -> EditScope {
        match before {
            Before::Exercise(index, _) => EditScope::Exercise(*index),
            Before::Header(_) => EditScope::Header,
            Before::Exercises(_) => EditScope::Exercises,
        }
    }

    /// Remembers `scope` as it is now, before an editor changes it in place. Call it each frame the
    /// scope is on screen; it copies only when the scope changes.
    pub fn watch(&mut self, scope: EditScope) {
        let current = self.baseline.as_ref().map(Self::scope_of);
        if current != Some(scope) {
            self.baseline = self.copy_of(scope);
            self.last_edit = None;
        }
    }

    /// Records that the watched part was changed in the field named `key`. Changes to the same field in
    /// quick succession (typing) are undone together.
    pub fn record_edit(&mut self, key: &str) {
        let Some(before) = self.baseline.take() else {
            return;
        };
        let scope = Self::scope_of(&before);
        let unchanged = match &before {
            Before::Exercise(index, exercise) => self.pack.exercises.get(*index) == Some(exercise),
            Before::Header(header) => header.same_header(&self.pack),
            Before::Exercises(exercises) => *exercises == self.pack.exercises,
        };
        if unchanged {
            self.baseline = Some(before);
            return;
        }
        let now = Instant::now();
        let same_field = self
            .last_edit
            .as_ref()
            .is_some_and(|(last, at)| last == key && now.duration_since(*at) < COALESCE);
        if !same_field {
            self.undo.push(Step {
                before,
                state: self.state,
            });
            if self.undo.len() > UNDO_LIMIT {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.changes.push(scope);
        self.state = self.next_state;
        self.next_state += 1;
        self.last_edit = Some((key.to_owned(), now));
        self.baseline = self.copy_of(scope);
    }

    /// Applies a structural change (`change` on the whole pack) as one undo step.
    pub fn edit(&mut self, scope: EditScope, key: &str, change: impl FnOnce(&mut Pack)) {
        self.watch(scope);
        if self.baseline.is_none() {
            self.baseline = self.copy_of(scope);
        }
        change(&mut self.pack);
        self.last_edit = None;
        self.record_edit(key);
        self.last_edit = None;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Puts `before` back into the pack and returns what it replaced, for the opposite stack.
    fn restore(&mut self, before: Before) -> Before {
        self.changes.push(Self::scope_of(&before));
        match before {
            Before::Exercise(index, exercise) => {
                let current = std::mem::replace(&mut self.pack.exercises[index], exercise);
                Before::Exercise(index, current)
            }
            Before::Header(header) => {
                let current = self.pack.clone_header();
                self.pack.set_header(header);
                Before::Header(current)
            }
            Before::Exercises(exercises) => {
                Before::Exercises(std::mem::replace(&mut self.pack.exercises, exercises))
            }
        }
    }

    pub fn undo(&mut self) {
        if let Some(step) = self.undo.pop() {
            let after = self.restore(step.before);
            self.redo.push(Step {
                before: after,
                state: self.state,
            });
            self.state = step.state;
            self.after_history_step();
        }
    }

    pub fn redo(&mut self) {
        if let Some(step) = self.redo.pop() {
            let before = self.restore(step.before);
            self.undo.push(Step {
                before,
                state: self.state,
            });
            self.state = step.state;
            self.after_history_step();
        }
    }

    fn after_history_step(&mut self) {
        self.baseline = None;
        self.last_edit = None;
    }

    /// Writes the pack to `path` atomically; on success it becomes the document's file.
    pub fn save_to(&mut self, path: &Path) -> std::io::Result<()> {
        save_pack(&self.pack, path)?;
        self.path = Some(path.to_path_buf());
        self.saved_state = Some(self.state);
        Ok(())
    }

    /// The file name of `path`, as a save dialog suggests it.
    pub fn display_name_of(&self, path: &Path) -> String {
        path.file_name()
            .unwrap_or(path.as_os_str())
            .to_string_lossy()
            .into_owned()
    }

    /// A short name for window titles: the file name, or what kind of pack it is.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(path) => self.display_name_of(path),
            None if self.saved_state.is_none() => "Untitled pack".to_owned(),
            None => "Built-in pack".to_owned(),
        }
    }
}

/// A pack to start from: one exercise with every field in place, ready to fill in.
pub fn new_pack_template() -> Pack {
    use crate::pack::{ClientMessage, Exercise, FORMAT_VERSION, Reply, ReplyText};
    let reply = |text: &str, correct| Reply {
        text: ReplyText::plain(text),
        feedback: String::new(),
        correct,
    };
    Pack {
        format: FORMAT_VERSION,
        id: "new-pack".to_owned(),
        title: "New pack".to_owned(),
        summary: String::new(),
        principles: Vec::new(),
        exercises: vec![Exercise {
            id: "exercise-1".to_owned(),
            title: "New exercise".to_owned(),
            topic: crate::pack::Topic::Other,
            scenario: String::new(),
            client_message: ClientMessage::default(),
            question: "Which reply is best?".to_owned(),
            replies: vec![reply("", true), reply("", false), reply("", false)],
            explanation: String::new(),
            breakdown: Vec::new(),
            points: Vec::new(),
            pitfall: String::new(),
            reply_rules: Vec::new(),
        }],
        reply_rules: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_mark_the_document_modified_and_undo_restores_it() {
        let mut document = Document::new(crate::default_pack(), None);
        assert!(!document.is_modified());
        document.watch(EditScope::Header);
        document.pack.title = "Changed".into();
        document.record_edit("title");
        assert!(document.is_modified());
        document.undo();
        assert_eq!(document.pack.title, "Client Technical Communication");
        assert!(!document.is_modified());
        document.redo();
        assert_eq!(document.pack.title, "Changed");
    }

    #[test]
    fn typing_in_one_field_is_one_undo_step_but_another_field_is_not() {
        let mut document = Document::new(crate::default_pack(), None);
        document.watch(EditScope::Header);
        for title in ["C", "Ch", "Cha"] {
            document.pack.title = title.into();
            document.record_edit("title");
        }
        document.pack.summary = "S".into();
        document.record_edit("summary");
        document.undo();
        assert_eq!(
            (
                document.pack.title.as_str(),
                document.pack.summary.is_empty()
            ),
            ("Cha", false)
        );
        document.undo();
        assert_eq!(document.pack.title, "Client Technical Communication");
        assert!(!document.can_undo());
    }

    #[test]
    fn exercise_edits_and_structural_edits_undo_in_order_and_redo() {
        let mut document = Document::new(crate::default_pack(), None);
        document.watch(EditScope::Exercise(1));
        document.pack.exercises[1].title = "Edited".into();
        document.record_edit("title");
        document.edit(EditScope::Exercises, "delete", |pack| {
            pack.exercises.remove(0);
        });
        assert_eq!(document.pack.exercises.len(), 2);
        assert_eq!(document.pack.exercises[0].title, "Edited");
        document.undo();
        assert_eq!(document.pack.exercises.len(), 3);
        assert_eq!(document.pack.exercises[1].title, "Edited");
        document.undo();
        assert_eq!(document.pack, crate::default_pack());
        assert!(!document.is_modified());
        document.redo();
        document.redo();
        assert_eq!(document.pack.exercises.len(), 2);
        assert!(document.is_modified());
        document.undo();
        document.undo();
        assert!(!document.is_modified(), "back at the saved state");
    }

    #[test]
    fn saving_clears_the_mark_and_sets_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let mut document = Document::untitled(new_pack_template());
        assert!(document.is_modified());
        assert_eq!(document.display_name(), "Untitled pack");
        document.save_to(&path).unwrap();
        assert!(!document.is_modified());
        assert_eq!(document.display_name(), "p.ron");
    }
}
