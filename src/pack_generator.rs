//! Packs of any size for benchmarks and tests: every field filled, with texts of a concise real
//! exercise (about 1.6 KB each as written, so 10,000 exercises stay within the pack size limit).

use crate::airr::AirrPart;
use crate::pack::{
    BreakdownItem, ClientMessage, Exercise, Pack, Piece, Point, Reply, ReplyText, Topic,
};

const NAMES: [&str; 8] = [
    "Dana", "Marco", "Priya", "Jonas", "Helen", "Yusuf", "Grace", "Noor",
];
const SYSTEMS: [&str; 6] = ["checkout", "search", "export", "login", "billing", "sync"];

/// A valid pack with `exercises` exercises, each different (names, systems, times and figures vary).
pub fn generate_pack(exercises: usize) -> Pack {
    let base = crate::default_pack();
    Pack {
        id: format!("generated-{exercises}"),
        title: format!("Generated pack of {exercises} exercises"),
        exercises: (0..exercises).map(exercise).collect(),
        ..base
    }
}

fn exercise(index: usize) -> Exercise {
    let name = NAMES[index % NAMES.len()];
    let system = SYSTEMS[(index / NAMES.len()) % SYSTEMS.len()];
    let minutes = 10 + index % 50;
    let (start_h, start_m) = (8 + index % 10, index % 60);
    let end_m = start_m + minutes;
    let (end_h, end_m) = (start_h + end_m / 60, end_m % 60);
    let window = format!("{start_h:02}:{start_m:02} to {end_h:02}:{end_m:02} UTC");
    let model = ReplyText::from_pieces(vec![
        Piece::plain(format!("Hi {name},\n\n")),
        Piece::tagged(
            AirrPart::Acknowledge,
            "I'm sorry the outage held up your team.",
        ),
        Piece::plain(" "),
        Piece::tagged(
            AirrPart::Inform,
            format!("From {window}, {system} failed: a bad change dropped an index."),
        ),
        Piece::plain(" "),
        Piece::tagged(
            AirrPart::Resolve,
            format!("We restored it at {end_h:02}:{end_m:02} UTC."),
        ),
        Piece::plain(" "),
        Piece::tagged(AirrPart::Remediate, "RCA within 48 hours."),
        Piece::plain("\n\nSam"),
    ]);
    let reply = |text: String, feedback: &str| Reply {
        text: ReplyText::plain(text),
        feedback: feedback.to_owned(),
        correct: false,
    };
    Exercise {
        id: format!("{system}-outage-{index}"),
        title: format!("The {system} outage #{}", index + 1),
        topic: Topic::Outage,
        scenario: format!("{system} failed for {minutes} minutes."),
        client_message: ClientMessage {
            from: format!("{name}, Operations"),
            subject: format!("{system} down (ticket {})", 10_000 + index),
            body: format!("{system} stopped. What happened?"),
        },
        question: "Which is best?".to_owned(),
        replies: vec![
            reply(
                format!("Hi {name},\n\nSorry for any inconvenience. We are looking into it."),
                "Generic: no cause, no time, no step.",
            ),
            Reply {
                text: model,
                feedback: "Owned, exact, fixed, dated.".to_owned(),
                correct: true,
            },
            reply(
                format!("Hi {name},\n\nA split-brain. These things happen."),
                "Jargon and blame.",
            ),
        ],
        explanation: "It follows AIRR.".to_owned(),
        breakdown: vec![BreakdownItem {
            part: AirrPart::Inform,
            quote: window,
            why: "Exact times in UTC.".to_owned(),
        }],
        points: vec![Point {
            title: "UTC times".to_owned(),
            detail: "The client can match them with their logs.".to_owned(),
        }],
        pitfall: "Generic apologies read as form letters.".to_owned(),
        reply_rules: Vec::new(),
    }
}

/// A model answer of at least `chars` characters, for editor benchmarks: the built-in model answers'
/// pieces, repeated.
pub fn long_model_answer(chars: usize) -> ReplyText {
    let pack = crate::default_pack();
    let mut pieces = Vec::new();
    let mut length = 0;
    while length < chars {
        for exercise in &pack.exercises {
            if let Some(model) = exercise.model_answer() {
                for piece in &model.text.pieces {
                    length += piece.text.chars().count();
                    pieces.push(piece.clone());
                }
            }
        }
    }
    crate::tagging::normalized(&ReplyText::from_pieces(pieces))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::validate;

    #[test]
    fn generated_packs_are_valid_and_the_size_asked_for() {
        for size in [1, 3, 10, 1_000] {
            let pack = generate_pack(size);
            assert_eq!(pack.exercises.len(), size);
            assert_eq!(validate(&pack), [], "size {size}");
        }
    }

    #[test]
    fn ten_thousand_exercises_fit_within_the_pack_size_limit() {
        let text = crate::pack_file::pack_to_ron(&generate_pack(10_000));
        let per_exercise = text.len() / 10_000;
        assert!(
            (1_000..=1_700).contains(&per_exercise),
            "{per_exercise} bytes an exercise"
        );
        assert!(text.len() as u64 <= crate::pack_file::MAX_PACK_BYTES);
    }

    #[test]
    fn a_long_model_answer_is_long_and_tagged() {
        let text = long_model_answer(5_000);
        assert!(text.full_text().chars().count() >= 5_000);
        assert!(AirrPart::ALL.iter().all(|part| text.has_part(*part)));
    }
}
