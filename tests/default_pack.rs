//! The shipped pack, loaded from the file in `exercises/`, is complete and round-trips through RON.

use std::path::Path;

use airr_coach::airr::AirrPart;
use airr_coach::pack::Topic;
use airr_coach::pack_file::{load_pack, pack_to_ron, parse_pack};
use airr_coach::validate::validate;

const DEFAULT_PACK_PATH: &str = "exercises/client-technical-communication.ron";

fn default_pack() -> airr_coach::pack::Pack {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_PACK_PATH);
    load_pack(&path).unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn loads_with_three_exercises_on_the_three_topics() {
    let pack = default_pack();
    assert_eq!(pack.title, "Client Technical Communication");
    let topics: Vec<Topic> = pack.exercises.iter().map(|e| e.topic).collect();
    assert_eq!(
        topics,
        [Topic::Outage, Topic::FeatureDecline, Topic::SystemLimits]
    );
}

#[test]
fn the_embedded_pack_is_the_file() {
    assert_eq!(airr_coach::default_pack(), default_pack());
}

#[test]
fn every_exercise_has_one_correct_reply_with_all_four_parts() {
    for exercise in &default_pack().exercises {
        let correct: Vec<_> = exercise.replies.iter().filter(|r| r.correct).collect();
        assert_eq!(correct.len(), 1, "{}", exercise.id);
        assert!((3..=4).contains(&exercise.replies.len()), "{}", exercise.id);
        for part in AirrPart::ALL {
            assert!(correct[0].text.has_part(part), "{}: no {part}", exercise.id);
        }
        for wrong in exercise.replies.iter().filter(|r| !r.correct) {
            assert!(
                !wrong.text.is_tagged(),
                "{}: a wrong reply is tagged",
                exercise.id
            );
        }
    }
}

#[test]
fn has_no_validation_problems_at_all() {
    let problems = validate(&default_pack());
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn all_five_seed_principles_are_in_the_pack() {
    let rules: Vec<String> = default_pack()
        .principles
        .into_iter()
        .map(|p| p.rule)
        .collect();
    assert_eq!(
        rules,
        [
            "Be specific, not vague",
            "Acknowledge real-world impact",
            "Always offer a path forward",
            "Explain failure modes clearly",
            "Commit to next steps with dates",
        ]
    );
}

#[test]
fn the_outage_exercise_matches_the_seed() {
    let pack = default_pack();
    let outage = &pack.exercises[0];
    assert!(outage.scenario.contains("47-minute outage"));
    assert_eq!(
        outage.client_message.body,
        "What happened? This caused us to miss an important deadline."
    );
    assert_eq!(outage.question, "Which response is most professional?");
    assert_eq!(outage.correct_reply(), Some(2), "the seed's answer is C");
    let model = outage.model_answer().unwrap().text.full_text();
    for quoted in [
        "sincerely apologise for the disruption to your work",
        "real impact on your team's deadline",
        "between 14:32 and 15:19 UTC (47 minutes)",
        "misconfigured database failover rule",
        "restored service at 15:19 UTC by reverting the change",
        "\n1. ",
        "\n2. ",
        "\n3. ",
        "(RCA) document within 48 hours",
    ] {
        assert!(model.contains(quoted), "the model answer lacks {quoted:?}");
    }
    let wrong: String = outage
        .replies
        .iter()
        .filter(|r| !r.correct)
        .map(|r| r.text.full_text())
        .collect();
    for failure in [
        "Sorry for any inconvenience",
        "Our team is looking into it",
        "a technical issue",
    ] {
        assert!(wrong.contains(failure), "no wrong reply shows {failure:?}");
    }
}

#[test]
fn pieces_concatenate_to_the_reply_text() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_PACK_PATH))
            .unwrap();
    let pack = default_pack();
    for exercise in &pack.exercises {
        let model = exercise.model_answer().unwrap();
        let joined: String = model.text.pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, model.text.full_text());
        // Each piece is written in the file as it is, so the file can be edited by hand.
        for piece in &model.text.pieces {
            assert!(
                text.contains(&piece.text),
                "{:?} is not in the file",
                piece.text
            );
        }
    }
}

#[test]
fn round_trips_through_ron_and_the_file_is_in_canonical_form() {
    let pack = default_pack();
    let written = pack_to_ron(&pack);
    assert_eq!(parse_pack(&written, "written").unwrap(), pack);
    let on_disk =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_PACK_PATH))
            .unwrap();
    assert_eq!(
        written, on_disk,
        "the shipped file is not in the form the app writes"
    );
}
