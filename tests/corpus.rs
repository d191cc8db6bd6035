//! Precision and recall of the reply check per AIRR part, on the labelled corpus in `tests/corpus/`.

use std::path::Path;

use serde::Deserialize;

use airr_coach::airr::AirrPart;
use airr_coach::pack::Topic;
use airr_coach::reply_check::analyze;
use airr_coach::reply_check::rules::{PackRules, RuleBook};

#[derive(Deserialize)]
struct LabelledReply {
    id: String,
    topic: Topic,
    sentences: Vec<(String, Vec<AirrPart>)>,
}

fn corpus(files: &[&str]) -> Vec<LabelledReply> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut replies = Vec::new();
    for name in files {
        let text = std::fs::read_to_string(folder.join(name)).unwrap();
        let mut file: Vec<LabelledReply> =
            ron::from_str(&text).unwrap_or_else(|error| panic!("{name}: {error}"));
        replies.append(&mut file);
    }
    replies
}

#[derive(Default, Clone, Copy)]
struct Counts {
    true_positive: u32,
    false_positive: u32,
    false_negative: u32,
}

/// Precision and recall per part on `replies`: the worst figure, a table, and the sentences where
/// the check and the labels differ.
fn measure(replies: &[LabelledReply]) -> (f64, String, Vec<String>) {
    let book = RuleBook::for_exercise(&PackRules::default(), &[]).unwrap();
    let mut counts = [Counts::default(); 4];
    let mut misses = Vec::new();
    for reply in replies {
        let text = reply
            .sentences
            .iter()
            .map(|(sentence, _)| sentence.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let analysis = analyze(&text, &book, Some(reply.topic));
        let mut start = 0;
        for (sentence, labels) in &reply.sentences {
            let range = start..start + sentence.len();
            start = range.end + 1;
            // The parts the check gave to any sentence it found inside this labelled one.
            let found: Vec<AirrPart> = AirrPart::ALL
                .into_iter()
                .filter(|part| {
                    analysis.sentences.iter().any(|s| {
                        s.range.start < range.end
                            && range.start < s.range.end
                            && s.parts.contains(part)
                    })
                })
                .collect();
            for (index, part) in AirrPart::ALL.into_iter().enumerate() {
                match (labels.contains(&part), found.contains(&part)) {
                    (true, true) => counts[index].true_positive += 1,
                    (false, true) => counts[index].false_positive += 1,
                    (true, false) => counts[index].false_negative += 1,
                    (false, false) => {}
                }
            }
            if found != *labels {
                misses.push(format!(
                    "{}: {labels:?} found {found:?}: {sentence}",
                    reply.id
                ));
            }
        }
    }
    let mut report = String::from("part         precision  recall\n");
    let mut worst: f64 = 1.0;
    for (part, counts) in AirrPart::ALL.into_iter().zip(counts) {
        let precision = f64::from(counts.true_positive)
            / f64::from((counts.true_positive + counts.false_positive).max(1));
        let recall = f64::from(counts.true_positive)
            / f64::from((counts.true_positive + counts.false_negative).max(1));
        worst = worst.min(precision).min(recall);
        report += &format!("{:<12} {precision:>9.2}  {recall:>6.2}\n", part.name());
    }
    (worst, report, misses)
}

#[test]
fn every_part_is_found_with_precision_and_recall_of_at_least_0_80() {
    let replies = corpus(&[
        "outage.ron",
        "decline.ron",
        "limits.ron",
        "extra.ron",
        "extra-2.ron",
    ]);
    assert!(
        replies.len() >= 60,
        "the corpus has {} replies",
        replies.len()
    );
    let (worst, report, misses) = measure(&replies);
    println!("{report}");
    println!("differences:\n{}", misses.join("\n"));
    assert!(worst >= 0.80, "{report}\n{}", misses.join("\n"));
}
