//! A learner's walk through a pack: which exercise is open, and what was chosen and checked in each.
//!
//! This is the state behind the learner window, kept apart from egui so its rules are tested directly.

use crate::pack::Pack;
use crate::progress::Progress;

/// What the learner has done in one exercise during this session.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Answer {
    /// The reply currently selected.
    pub chosen: Option<usize>,
    /// The reply last checked, whose feedback is shown.
    pub checked: Option<usize>,
    /// The learner asked to see the answer.
    pub revealed: bool,
}

/// The outcome of checking the chosen reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckOutcome {
    Correct,
    Wrong,
}

#[derive(Debug, Clone)]
pub struct Session {
    current: usize,
    answers: Vec<Answer>,
}

impl Session {
    /// Starts at the first exercise that is not completed; completed ones open already answered.
    pub fn new(pack: &Pack, progress: &Progress) -> Self {
        let answers: Vec<Answer> = pack
            .exercises
            .iter()
            .map(|exercise| {
                let done = progress.exercise(&pack.id, &exercise.id).completed;
                match exercise.correct_reply() {
                    Some(correct) if done => Answer {
                        chosen: Some(correct),
                        checked: Some(correct),
                        revealed: false,
                    },
                    _ => Answer::default(),
                }
            })
            .collect();
        let current = pack
            .exercises
            .iter()
            .position(|exercise| !progress.exercise(&pack.id, &exercise.id).completed)
            .unwrap_or(0);
        Self { current, answers }
    }

    pub fn current(&self) -> usize {
        self.current
    }

    pub fn answer(&self, exercise: usize) -> Answer {
        self.answers.get(exercise).copied().unwrap_or_default()
    }

    /// Whether the explanation and model answer are shown: answered correctly, or revealed.
    pub fn is_solved(&self, pack: &Pack, exercise: usize) -> bool {
        let answer = self.answer(exercise);
        let correct = pack.exercises.get(exercise).and_then(|e| e.correct_reply());
        answer.revealed || (answer.checked.is_some() && answer.checked == correct)
    }

    /// Selects a reply of the current exercise; ignored for a reply that does not exist or once solved.
    pub fn choose(&mut self, pack: &Pack, reply: usize) {
        let Some(exercise) = pack.exercises.get(self.current) else {
            return;
        };
        if reply >= exercise.replies.len() || self.is_solved(pack, self.current) {
            return;
        }
        if let Some(answer) = self.answers.get_mut(self.current) {
            answer.chosen = Some(reply);
        }
    }

    /// Checks the chosen reply and records the attempt. Checking the same reply twice counts once.
    pub fn check(&mut self, pack: &Pack, progress: &mut Progress) -> Option<CheckOutcome> {
        if self.is_solved(pack, self.current) {
            return None;
        }
        let exercise = pack.exercises.get(self.current)?;
        let answer = self.answers.get_mut(self.current)?;
        let chosen = answer.chosen?;
        if answer.checked == Some(chosen) {
            return None;
        }
        answer.checked = Some(chosen);
        let correct = exercise.correct_reply() == Some(chosen);
        progress.record_check(&pack.id, &exercise.id, correct);
        Some(if correct {
            CheckOutcome::Correct
        } else {
            CheckOutcome::Wrong
        })
    }

    /// Shows the model answer without answering; the exercise is not completed by it.
    pub fn reveal(&mut self, pack: &Pack, progress: &mut Progress) {
        let Some(exercise) = pack.exercises.get(self.current) else {
            return;
        };
        if self.is_solved(pack, self.current) {
            return;
        }
        if let Some(answer) = self.answers.get_mut(self.current) {
            answer.revealed = true;
            progress.record_answer_shown(&pack.id, &exercise.id);
        }
    }

    /// Clears the current exercise's answer to practise it again; recorded progress is kept.
    pub fn try_again(&mut self) {
        if let Some(answer) = self.answers.get_mut(self.current) {
            *answer = Answer::default();
        }
    }

    pub fn go_to(&mut self, exercise: usize) {
        if exercise < self.answers.len() {
            self.current = exercise;
        }
    }

    pub fn next(&mut self) {
        self.go_to(self.current + 1);
    }

    pub fn previous(&mut self) {
        self.current = self.current.saturating_sub(1);
    }
}
