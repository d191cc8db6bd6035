//! One test per kind of problem the validator reports, with its severity and location.

use airr_coach::airr::AirrPart;
use airr_coach::pack::{BreakdownItem, Pack, Piece, Point, Principle, Reply, ReplyText};
use airr_coach::validate::{Location, MAX_TEXT_CHARS, Problem, Severity, validate};

fn valid_pack() -> Pack {
    airr_coach::default_pack()
}

/// The problems of the pack after `change`, which must be exactly `expected`.
fn problems_after(change: impl FnOnce(&mut Pack)) -> Vec<(Severity, Option<String>, String)> {
    let mut pack = valid_pack();
    change(&mut pack);
    validate(&pack)
        .into_iter()
        .map(
            |Problem {
                 severity,
                 location: Location {
                     exercise, field, ..
                 },
                 ..
             }| { (severity, exercise, field) },
        )
        .collect()
}

fn at(severity: Severity, exercise: &str, field: &str) -> (Severity, Option<String>, String) {
    (severity, Some(exercise.to_owned()), field.to_owned())
}

const OUTAGE: &str = "outage-47-minutes";
use Severity::{Error, Warning};

#[test]
fn the_default_pack_has_no_problems() {
    assert_eq!(problems_after(|_| {}), []);
}

#[test]
fn a_missing_pack_title_or_id_is_an_error() {
    assert_eq!(
        problems_after(|p| p.title = "  ".into()),
        [(Error, None, "title".into())]
    );
    assert_eq!(
        problems_after(|p| p.id.clear()),
        [(Error, None, "id".into())]
    );
}

#[test]
fn a_pack_without_exercises_is_an_error() {
    assert_eq!(
        problems_after(|p| p.exercises.clear()),
        [(Error, None, "exercises".into())]
    );
}

#[test]
fn an_empty_principle_rule_is_an_error() {
    assert_eq!(
        problems_after(|p| p.principles.push(Principle {
            rule: String::new(),
            example: "x".into()
        })),
        [(Error, None, "principles[5].rule".into())]
    );
}

#[test]
fn a_missing_exercise_id_is_named_by_position() {
    assert_eq!(
        problems_after(|p| p.exercises[1].id.clear()),
        [at(Error, "#2", "id")]
    );
}

#[test]
fn a_missing_exercise_title_is_an_error() {
    assert_eq!(
        problems_after(|p| p.exercises[0].title.clear()),
        [at(Error, OUTAGE, "title")]
    );
}

#[test]
fn duplicate_exercise_ids_are_an_error_on_the_second() {
    assert_eq!(
        problems_after(|p| p.exercises[2].id = OUTAGE.into()),
        [at(Error, OUTAGE, "id")]
    );
}

#[test]
fn empty_message_and_question_are_errors() {
    assert_eq!(
        problems_after(|p| {
            p.exercises[0].client_message.body.clear();
            p.exercises[0].question.clear();
        }),
        [
            at(Error, OUTAGE, "client_message.body"),
            at(Error, OUTAGE, "question")
        ]
    );
}

#[test]
fn fewer_than_two_replies_is_an_error() {
    let problems = problems_after(|p| p.exercises[0].replies.retain(|r| r.correct));
    assert_eq!(problems, [at(Error, OUTAGE, "replies")]);
}

#[test]
fn more_than_four_replies_is_a_warning() {
    let problems = problems_after(|p| {
        let extra = p.exercises[0].replies[0].clone();
        p.exercises[0].replies.push(extra);
    });
    assert_eq!(problems, [at(Warning, OUTAGE, "replies")]);
}

#[test]
fn no_correct_reply_is_an_error() {
    let problems = problems_after(|p| p.exercises[0].replies[2].correct = false);
    assert_eq!(problems, [at(Error, OUTAGE, "replies")]);
}

#[test]
fn two_correct_replies_are_an_error() {
    let problems = problems_after(|p| p.exercises[0].replies[0].correct = true);
    assert_eq!(problems, [at(Error, OUTAGE, "replies")]);
}

#[test]
fn an_empty_reply_text_or_feedback_is_an_error() {
    let problems = problems_after(|p| {
        p.exercises[0].replies[1].text = ReplyText::plain(" ");
        p.exercises[0].replies[3].feedback.clear();
    });
    assert_eq!(
        problems,
        [
            at(Error, OUTAGE, "replies[1].text"),
            at(Error, OUTAGE, "replies[3].feedback")
        ]
    );
}

#[test]
fn an_empty_tagged_piece_is_a_warning() {
    let problems = problems_after(|p| {
        p.exercises[0].replies[2]
            .text
            .pieces
            .push(Piece::tagged(AirrPart::Resolve, ""));
    });
    assert_eq!(problems, [at(Warning, OUTAGE, "replies[2].text[9]")]);
}

#[test]
fn a_model_answer_lacking_a_part_is_a_warning() {
    let problems = problems_after(|p| {
        for piece in &mut p.exercises[0].replies[2].text.pieces {
            if piece.part == Some(AirrPart::Remediate) {
                piece.part = None;
            }
        }
    });
    assert_eq!(problems, [at(Warning, OUTAGE, "replies[2].text")]);
    let mut pack = valid_pack();
    for piece in &mut pack.exercises[0].replies[2].text.pieces {
        piece.part = piece.part.filter(|part| *part == AirrPart::Inform);
    }
    let message = &validate(&pack)[0].message;
    assert_eq!(
        message,
        "the model answer has no Acknowledge, no Resolve, no Remediate piece"
    );
}

#[test]
fn a_breakdown_quote_missing_from_the_model_answer_is_a_warning() {
    let problems = problems_after(|p| {
        p.exercises[0].breakdown.push(BreakdownItem {
            part: AirrPart::Inform,
            quote: "a technical issue".into(),
            why: String::new(),
        });
        p.exercises[0].breakdown.push(BreakdownItem {
            part: AirrPart::Inform,
            quote: String::new(),
            why: String::new(),
        });
    });
    assert_eq!(
        problems,
        [
            at(Warning, OUTAGE, "breakdown[4].quote"),
            at(Warning, OUTAGE, "breakdown[5].quote")
        ]
    );
}

#[test]
fn an_empty_point_title_is_an_error() {
    let problems = problems_after(|p| {
        p.exercises[1].points.push(Point {
            title: String::new(),
            detail: "x".into(),
        });
    });
    assert_eq!(
        problems,
        [at(Error, "decline-sftp-export", "points[5].title")]
    );
}

#[test]
fn absurdly_long_texts_are_warnings() {
    let long = "x".repeat(MAX_TEXT_CHARS + 1);
    let problems = problems_after(|p| {
        p.exercises[0].pitfall = long.clone();
        p.exercises[0].replies[0] = Reply {
            text: ReplyText::plain(long.clone()),
            feedback: "f".into(),
            correct: false,
        };
    });
    assert_eq!(
        problems,
        [
            at(Warning, OUTAGE, "pitfall"),
            at(Warning, OUTAGE, "replies[0].text")
        ]
    );
}

#[test]
fn problems_carry_the_exercise_position_for_editors() {
    let mut pack = valid_pack();
    pack.exercises[2].title.clear();
    pack.title.clear();
    let indexes: Vec<Option<usize>> = validate(&pack).iter().map(|p| p.location.index).collect();
    assert_eq!(indexes, [None, Some(2)]);
}

#[test]
fn problems_read_as_location_severity_message() {
    let mut pack = valid_pack();
    pack.exercises[0].replies[2].correct = false;
    let line = validate(&pack)[0].to_string();
    assert_eq!(
        line,
        "exercise outage-47-minutes, replies: error: no reply is marked correct; mark exactly one with `correct: true`"
    );
}

#[test]
fn switching_off_a_rule_that_does_not_exist_is_a_warning() {
    let problems = problems_after(|p| {
        p.reply_rules.disable = vec!["generic-apology".into(), "no-such-rule".into()];
    });
    assert_eq!(problems, [(Warning, None, "reply_rules.disable[1]".into())]);
}
