//! The pack being worked on: where it came from, whether it has unsaved changes, and its edit history.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::pack::Pack;
use crate::pack_file::save_pack;

/// Typing in one field within this long counts as one edit for undo.
const COALESCE: Duration = Duration::from_millis(1200);

/// How many edits can be undone.
const UNDO_LIMIT: usize = 200;

pub struct Document {
    /// The pack as it is now; the editor changes it directly and then calls [`Document::record_edit`].
    pub pack: Pack,
    /// The file it was loaded from or last saved to; `None` for the built-in pack or a new one.
    path: Option<PathBuf>,
    /// The pack as last loaded or saved, to tell whether there are unsaved changes; `None` for a new
    /// pack that was never saved, which always counts as unsaved work.
    saved: Option<Pack>,
    /// The pack as of the last recorded edit: what undo returns to.
    committed: Pack,
    modified: bool,
    /// Goes up with every change, so views can tell the pack changed without comparing it.
    revision: u64,
    undo: Vec<Pack>,
    redo: Vec<Pack>,
    last_edit: Option<(String, Instant)>,
}

impl Document {
    pub fn new(pack: Pack, path: Option<PathBuf>) -> Self {
        Self {
            saved: Some(pack.clone()),
            committed: pack.clone(),
            pack,
            path,
            modified: false,
            revision: 0,
            undo: Vec::new(),
            redo: Vec::new(),
            last_edit: None,
        }
    }

    /// A new pack that was never saved: it counts as unsaved work from the start.
    pub fn untitled(pack: Pack) -> Self {
        let mut document = Self::new(pack, None);
        document.saved = None;
        document.modified = true;
        document
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn is_modified(&self) -> bool {
        self.modified
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Records that `pack` was changed in the field named `key`. Changes to the same field in quick
    /// succession (typing) are undone together.
    pub fn record_edit(&mut self, key: &str) {
        if self.pack == self.committed {
            return;
        }
        let now = Instant::now();
        let same_field = self
            .last_edit
            .as_ref()
            .is_some_and(|(last, at)| last == key && now.duration_since(*at) < COALESCE);
        if !same_field {
            let before = std::mem::replace(&mut self.committed, self.pack.clone());
            self.undo.push(before);
            if self.undo.len() > UNDO_LIMIT {
                self.undo.remove(0);
            }
        } else {
            self.committed = self.pack.clone();
        }
        self.redo.clear();
        self.revision += 1;
        self.last_edit = Some((key.to_owned(), now));
        self.modified = self.saved.as_ref() != Some(&self.pack);
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo(&mut self) {
        if let Some(previous) = self.undo.pop() {
            let current = std::mem::replace(&mut self.pack, previous);
            self.redo.push(current);
            self.after_history_step();
        }
    }

    pub fn redo(&mut self) {
        if let Some(next) = self.redo.pop() {
            let current = std::mem::replace(&mut self.pack, next);
            self.undo.push(current);
            self.after_history_step();
        }
    }

    fn after_history_step(&mut self) {
        self.revision += 1;
        self.committed = self.pack.clone();
        self.last_edit = None;
        self.modified = self.saved.as_ref() != Some(&self.pack);
    }

    /// Writes the pack to `path` atomically; on success it becomes the document's file.
    pub fn save_to(&mut self, path: &Path) -> std::io::Result<()> {
        save_pack(&self.pack, path)?;
        self.path = Some(path.to_path_buf());
        self.saved = Some(self.pack.clone());
        self.modified = false;
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
            None if self.saved.is_none() => "Untitled pack".to_owned(),
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
