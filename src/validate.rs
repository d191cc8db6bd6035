//! Checks of a pack's content that the RON grammar cannot express.

use std::collections::HashSet;
use std::fmt;

use crate::airr::AirrPart;
use crate::pack::{Exercise, Pack};
use crate::reply_check::rules::{RuleBook, compile_rule};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The pack cannot be used as it is.
    Error,
    /// The pack works but teaches less well than it should.
    Warning,
}

/// Where in the pack a problem is: the exercise (by id, when there is one) and the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub exercise: Option<String>,
    /// The exercise's position in the pack, for editors to jump to it.
    pub index: Option<usize>,
    pub field: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub location: Location,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &self.location.exercise {
            Some(id) => write!(f, "exercise {id}, {}: ", self.location.field)?,
            None => write!(f, "{}: ", self.location.field)?,
        }
        write!(f, "{severity}: {}", self.message)
    }
}

/// The longest text a field should hold: the longest real email is a few thousand characters.
pub const MAX_TEXT_CHARS: usize = 20_000;

struct Checker {
    problems: Vec<Problem>,
    /// The exercise being checked, if any.
    index: Option<usize>,
}

impl Checker {
    fn report(
        &mut self,
        severity: Severity,
        exercise: Option<&str>,
        field: String,
        message: String,
    ) {
        self.problems.push(Problem {
            severity,
            location: Location {
                exercise: exercise.map(str::to_owned),
                index: exercise.and(self.index),
                field,
            },
            message,
        });
    }

    /// Texts this long are a pasted file or a generator gone wrong, not an exercise.
    fn check_size(&mut self, exercise: Option<&str>, field: &str, text: &str) {
        // A text has at least as many bytes as characters: most need no counting.
        if text.len() <= MAX_TEXT_CHARS {
            return;
        }
        let chars = text.chars().count();
        if chars > MAX_TEXT_CHARS {
            self.report(
                Severity::Warning,
                exercise,
                field.to_owned(),
                format!("is {chars} characters long; keep each text under {MAX_TEXT_CHARS}"),
            );
        }
    }

    fn require_text(&mut self, exercise: Option<&str>, field: &str, text: &str) {
        if text.trim().is_empty() {
            self.report(
                Severity::Error,
                exercise,
                field.to_owned(),
                "must not be empty".to_owned(),
            );
        }
    }
}

/// Every problem in the pack, errors and warnings, in the order of the file.
pub fn validate(pack: &Pack) -> Vec<Problem> {
    let duplicates = duplicate_ids(pack);
    let mut problems = validate_header(pack);
    for (index, exercise) in pack.exercises.iter().enumerate() {
        problems.extend(duplicates[index].clone());
        problems.extend(validate_exercise(index, exercise));
    }
    problems
}

/// The problems of the pack's own fields: id, title, principles, reply rules.
pub fn validate_header(pack: &Pack) -> Vec<Problem> {
    let mut checker = Checker {
        problems: Vec::new(),
        index: None,
    };
    checker.require_text(None, "id", &pack.id);
    checker.require_text(None, "title", &pack.title);
    if pack.exercises.is_empty() {
        checker.report(
            Severity::Error,
            None,
            "exercises".to_owned(),
            "the pack has no exercises".to_owned(),
        );
    }
    for (index, principle) in pack.principles.iter().enumerate() {
        if principle.rule.trim().is_empty() {
            checker.require_text(None, &format!("principles[{index}].rule"), &principle.rule);
        }
    }
    checker.check_size(None, "summary", &pack.summary);
    for (index, rule) in pack.reply_rules.add.iter().enumerate() {
        if let Err(error) = compile_rule(rule.clone(), index) {
            checker.report(
                Severity::Error,
                None,
                format!("reply_rules.add[{index}].{}", error.field),
                format!("rule {}: {}", rule.id, error.message),
            );
        }
    }
    for (index, id) in pack.reply_rules.disable.iter().enumerate() {
        if !built_in_rule_ids().contains(id) {
            checker.report(
                Severity::Warning,
                None,
                format!("reply_rules.disable[{index}]"),
                format!("there is no built-in rule named \"{id}\""),
            );
        }
    }
    checker.problems
}

/// For each exercise, the problem of its id repeating an earlier exercise's, if it does.
pub fn duplicate_ids(pack: &Pack) -> Vec<Option<Problem>> {
    let mut seen = HashSet::new();
    pack.exercises
        .iter()
        .enumerate()
        .map(|(index, exercise)| {
            (!exercise.id.trim().is_empty() && !seen.insert(exercise.id.as_str())).then(|| {
                Problem {
                    severity: Severity::Error,
                    location: Location {
                        exercise: Some(exercise.id.clone()),
                        index: Some(index),
                        field: "id".to_owned(),
                    },
                    message: format!(
                        "exercise {} has the same id as an earlier exercise; ids must be unique",
                        index + 1
                    ),
                }
            })
        })
        .collect()
}

/// The problems of one exercise, at position `index`, on its own (see [`duplicate_ids`]).
pub fn validate_exercise(index: usize, exercise: &Exercise) -> Vec<Problem> {
    let mut checker = Checker {
        problems: Vec::new(),
        index: Some(index),
    };
    check_exercise(&mut checker, index, exercise);
    checker.problems
}

/// The ids of the built-in reply-check rules, read once.
fn built_in_rule_ids() -> &'static HashSet<String> {
    static IDS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        RuleBook::built_in_rules()
            .into_iter()
            .map(|rule| rule.id)
            .collect()
    })
}

fn check_exercise(checker: &mut Checker, index: usize, exercise: &Exercise) {
    let fallback_name = format!("#{}", index + 1);
    let name = if exercise.id.trim().is_empty() {
        checker.require_text(Some(&fallback_name), "id", &exercise.id);
        fallback_name.as_str()
    } else {
        exercise.id.as_str()
    };
    let at = Some(name);
    checker.require_text(at, "title", &exercise.title);
    checker.require_text(at, "client_message.body", &exercise.client_message.body);
    checker.require_text(at, "question", &exercise.question);
    for (field, text) in [
        ("scenario", &exercise.scenario),
        ("client_message.body", &exercise.client_message.body),
        ("question", &exercise.question),
        ("explanation", &exercise.explanation),
        ("pitfall", &exercise.pitfall),
    ] {
        checker.check_size(at, field, text);
    }
    for (index, rule) in exercise.reply_rules.iter().enumerate() {
        if let Err(error) = compile_rule(rule.clone(), index) {
            checker.report(
                Severity::Error,
                at,
                format!("reply_rules[{index}].{}", error.field),
                format!("rule {}: {}", rule.id, error.message),
            );
        }
    }
    for (index, point) in exercise.points.iter().enumerate() {
        if point.title.trim().is_empty() {
            checker.require_text(at, &format!("points[{index}].title"), &point.title);
        }
    }

    if exercise.replies.len() < 2 {
        checker.report(
            Severity::Error,
            at,
            "replies".to_owned(),
            format!(
                "has {} candidate replies; an exercise needs at least two",
                exercise.replies.len()
            ),
        );
    } else if exercise.replies.len() > 4 {
        checker.report(
            Severity::Warning,
            at,
            "replies".to_owned(),
            format!(
                "has {} candidate replies; more than four (A-D) is hard to compare",
                exercise.replies.len()
            ),
        );
    }
    for (reply_index, reply) in exercise.replies.iter().enumerate() {
        let field = format!("replies[{reply_index}]");
        if reply
            .text
            .pieces
            .iter()
            .all(|piece| piece.text.trim().is_empty())
        {
            checker.report(
                Severity::Error,
                at,
                format!("{field}.text"),
                "must not be empty".to_owned(),
            );
        }
        if reply.feedback.trim().is_empty() {
            checker.require_text(at, &format!("{field}.feedback"), &reply.feedback);
        }
        let length: usize = reply.text.pieces.iter().map(|piece| piece.text.len()).sum();
        if length > MAX_TEXT_CHARS {
            checker.check_size(at, &format!("{field}.text"), &reply.text.full_text());
        }
        for (piece_index, piece) in reply.text.pieces.iter().enumerate() {
            if let Some(part) = piece.part
                && piece.text.trim().is_empty()
            {
                checker.report(
                    Severity::Warning,
                    at,
                    format!("{field}.text[{piece_index}]"),
                    format!("the {part} piece is empty"),
                );
            }
        }
    }
    let correct = exercise
        .replies
        .iter()
        .filter(|reply| reply.correct)
        .count();
    if correct != 1 && !exercise.replies.is_empty() {
        let message = if correct == 0 {
            "no reply is marked correct; mark exactly one with `correct: true`".to_owned()
        } else {
            format!("{correct} replies are marked correct; mark exactly one")
        };
        checker.report(Severity::Error, at, "replies".to_owned(), message);
    }
    // With no single correct reply there is no model answer to check yet.
    if let Some(model) = exercise.model_answer().filter(|_| correct == 1) {
        let model_index = exercise.correct_reply().unwrap_or_default();
        let missing: Vec<&str> = AirrPart::ALL
            .into_iter()
            .filter(|part| !model.text.has_part(*part))
            .map(AirrPart::name)
            .collect();
        if !missing.is_empty() {
            checker.report(
                Severity::Warning,
                at,
                format!("replies[{model_index}].text"),
                format!("the model answer has no {} piece", missing.join(", no ")),
            );
        }
        let model_text = model.text.full_text();
        for (item_index, item) in exercise.breakdown.iter().enumerate() {
            if item.quote.trim().is_empty() {
                checker.report(
                    Severity::Warning,
                    at,
                    format!("breakdown[{item_index}].quote"),
                    "is empty; quote the words of the model answer this note is about".to_owned(),
                );
            } else if !model_text.contains(item.quote.as_str()) {
                checker.report(
                    Severity::Warning,
                    at,
                    format!("breakdown[{item_index}].quote"),
                    format!("\"{}\" does not appear in the model answer", item.quote),
                );
            }
        }
    }
}
