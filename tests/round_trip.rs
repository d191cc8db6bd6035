//! Any pack survives save and load unchanged, and the canonical form is stable (property tests).

use proptest::prelude::*;

use airr_coach::airr::AirrPart;
use airr_coach::pack::{
    BreakdownItem, ClientMessage, Exercise, FORMAT_VERSION, Pack, Piece, Point, Principle, Reply,
    ReplyText, Topic,
};
use airr_coach::pack_file::{pack_to_ron, parse_pack_unchecked};
use airr_coach::progress::{ExerciseProgress, PackProgress, Progress, ProgressStore};
use airr_coach::tagging::{apply_edit, set_part};

/// Text with the characters that stress a RON writer: quotes, backslashes, newlines, `#`, unicode.
fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-zA-Z0-9 ,.:\"'\\\\#\n\té—“”😀()\\[\\]]{0,40}").unwrap()
}

fn part() -> impl Strategy<Value = Option<AirrPart>> {
    proptest::option::of(proptest::sample::select(AirrPart::ALL.to_vec()))
}

fn reply_text() -> impl Strategy<Value = ReplyText> {
    prop_oneof![
        text().prop_map(ReplyText::plain),
        proptest::collection::vec((part(), text()), 1..6).prop_map(|pieces| {
            ReplyText::from_pieces(
                pieces
                    .into_iter()
                    .map(|(part, text)| Piece { part, text })
                    .collect(),
            )
        }),
    ]
}

fn exercise() -> impl Strategy<Value = Exercise> {
    let reply = (reply_text(), text(), any::<bool>()).prop_map(|(text, feedback, correct)| Reply {
        text,
        feedback,
        correct,
    });
    (
        (
            text(),
            text(),
            proptest::sample::select(Topic::ALL.to_vec()),
            text(),
        ),
        (text(), text(), text(), text()),
        proptest::collection::vec(reply, 0..5),
        (text(), text()),
        proptest::collection::vec(
            (
                proptest::sample::select(AirrPart::ALL.to_vec()),
                text(),
                text(),
            ),
            0..4,
        ),
        proptest::collection::vec((text(), text()), 0..4),
    )
        .prop_map(
            |(
                (id, title, topic, scenario),
                (from, subject, body, question),
                replies,
                (explanation, pitfall),
                breakdown,
                points,
            )| {
                Exercise {
                    id,
                    title,
                    topic,
                    scenario,
                    client_message: ClientMessage {
                        from,
                        subject,
                        body,
                    },
                    question,
                    replies,
                    explanation,
                    breakdown: breakdown
                        .into_iter()
                        .map(|(part, quote, why)| BreakdownItem { part, quote, why })
                        .collect(),
                    points: points
                        .into_iter()
                        .map(|(title, detail)| Point { title, detail })
                        .collect(),
                    pitfall,
                    reply_rules: Vec::new(),
                }
            },
        )
}

fn pack() -> impl Strategy<Value = Pack> {
    (
        text(),
        text(),
        text(),
        proptest::collection::vec((text(), text()), 0..4),
        proptest::collection::vec(exercise(), 0..4),
    )
        .prop_map(|(id, title, summary, principles, exercises)| Pack {
            format: FORMAT_VERSION,
            id,
            title,
            summary,
            principles: principles
                .into_iter()
                .map(|(rule, example)| Principle { rule, example })
                .collect(),
            exercises,
            reply_rules: Default::default(),
        })
}

/// A pack as it is after loading: pieces written as a plain string come back as one plain piece.
fn as_loaded(mut pack: Pack) -> Pack {
    for exercise in &mut pack.exercises {
        for reply in &mut exercise.replies {
            if !reply.text.is_tagged() {
                reply.text = ReplyText::plain(reply.text.full_text());
            }
        }
    }
    pack
}

fn progress() -> impl Strategy<Value = Progress> {
    let record = (any::<u32>(), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
        |(attempts, completed, first_try_correct, answer_shown)| ExerciseProgress {
            attempts,
            completed,
            first_try_correct,
            answer_shown,
        },
    );
    let exercises = proptest::collection::btree_map(text(), record, 0..5)
        .prop_map(|exercises| PackProgress { exercises });
    let drafts = proptest::collection::btree_map(text(), text(), 0..3);
    (
        proptest::collection::btree_map(text(), exercises, 0..4),
        proptest::collection::btree_map(text(), drafts, 0..3),
    )
        .prop_map(|(packs, drafts)| Progress { packs, drafts })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    #[test]
    fn save_then_load_gives_an_equal_pack(pack in pack()) {
        let written = pack_to_ron(&pack);
        let loaded = parse_pack_unchecked(&written, "generated.ron")
            .unwrap_or_else(|error| panic!("{error}\n{written}"));
        prop_assert_eq!(&loaded, &as_loaded(pack));
        // Formatting a formatted pack changes nothing.
        prop_assert_eq!(pack_to_ron(&loaded), written);
    }

    #[test]
    fn progress_saved_and_reopened_is_equal(progress in progress()) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = ProgressStore::open(dir.path());
        store.progress = progress.clone();
        store.save();
        prop_assert_eq!(store.problem.clone(), None);
        let reopened = ProgressStore::open(dir.path());
        prop_assert_eq!(reopened.progress, progress);
    }

    #[test]
    fn tagging_and_editing_never_change_the_words(text in reply_text(), new in text(), a in 0usize..80, b in 0usize..80, part in part()) {
        let tagged = set_part(&text, a.min(b)..a.max(b), part);
        prop_assert_eq!(tagged.full_text(), text.full_text());
        let edited = apply_edit(&tagged, &new);
        prop_assert_eq!(edited.full_text(), new);
        prop_assert!(edited.pieces.iter().all(|piece| !piece.text.is_empty()));
    }
}
