//! The progress store and the learner session, without a window.

use airr_coach::progress::{PROGRESS_FILE, Progress, ProgressStore, Status};
use airr_coach::session::{CheckOutcome, Session};

#[test]
fn progress_survives_a_save_and_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = ProgressStore::open(dir.path());
    store.progress.record_check("pack", "one", false);
    store.progress.record_check("pack", "one", true);
    store.progress.record_check("pack", "two", true);
    store.save();
    assert_eq!(store.problem, None);

    let reopened = ProgressStore::open(dir.path());
    assert_eq!(reopened.progress, store.progress);
    let one = reopened.progress.exercise("pack", "one");
    assert_eq!(
        (one.attempts, one.completed, one.first_try_correct),
        (2, true, false)
    );
    let two = reopened.progress.exercise("pack", "two");
    assert_eq!(
        (two.attempts, two.completed, two.first_try_correct),
        (1, true, true)
    );
    assert_eq!(
        reopened.progress.exercise("pack", "three").status(),
        Status::NotTried
    );
}

#[test]
fn an_unwritable_data_folder_is_reported_and_progress_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the data folder should be: nothing can be created under it, even as root.
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let mut store = ProgressStore::open(&blocker.join("airr-coach"));
    store.progress.record_check("pack", "one", true);
    store.save();
    assert!(
        store
            .problem
            .as_deref()
            .unwrap_or("")
            .contains("Cannot save"),
        "{:?}",
        store.problem
    );
    assert!(store.progress.exercise("pack", "one").completed);
}

#[test]
fn a_corrupt_progress_file_is_set_aside_not_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(PROGRESS_FILE);
    std::fs::write(&path, "(packs: {\"p\": (exercises: {").unwrap();
    let store = ProgressStore::open(dir.path());
    assert_eq!(store.progress, Progress::default());
    let problem = store.problem.clone().unwrap();
    assert!(problem.contains("kept as"), "{problem}");
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("progress.ron.corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        std::fs::read_to_string(dir.path().join(&kept[0])).unwrap(),
        "(packs: {\"p\": (exercises: {"
    );
}

#[test]
fn a_session_counts_attempts_and_completes_on_the_right_reply() {
    let pack = airr_coach::default_pack();
    let mut progress = Progress::default();
    let mut session = Session::new(&pack, &progress);
    assert_eq!(session.current(), 0);

    assert_eq!(
        session.check(&pack, &mut progress),
        None,
        "nothing chosen yet"
    );
    session.choose(&pack, 0);
    assert_eq!(
        session.check(&pack, &mut progress),
        Some(CheckOutcome::Wrong)
    );
    assert_eq!(
        session.check(&pack, &mut progress),
        None,
        "the same reply counts once"
    );
    assert_eq!(
        progress.exercise(&pack.id, &pack.exercises[0].id).status(),
        Status::Tried
    );
    assert!(!session.is_solved(&pack, 0));

    session.choose(&pack, 2);
    assert_eq!(
        session.check(&pack, &mut progress),
        Some(CheckOutcome::Correct)
    );
    assert!(session.is_solved(&pack, 0));
    assert_eq!(progress.completed_count(&pack), 1);
    let record = progress.exercise(&pack.id, &pack.exercises[0].id);
    assert_eq!((record.attempts, record.first_try_correct), (2, false));

    session.choose(&pack, 1);
    assert_eq!(
        session.answer(0).chosen,
        Some(2),
        "a solved exercise keeps its answer"
    );
}

#[test]
fn showing_the_answer_does_not_complete_the_exercise() {
    let pack = airr_coach::default_pack();
    let mut progress = Progress::default();
    let mut session = Session::new(&pack, &progress);
    session.reveal(&pack, &mut progress);
    assert!(session.is_solved(&pack, 0));
    assert_eq!(progress.completed_count(&pack), 0);
    assert_eq!(
        progress.exercise(&pack.id, &pack.exercises[0].id).status(),
        Status::Tried
    );
}

#[test]
fn a_new_session_opens_at_the_first_unfinished_exercise_with_finished_ones_answered() {
    let pack = airr_coach::default_pack();
    let mut progress = Progress::default();
    progress.record_check(&pack.id, &pack.exercises[0].id, true);
    let session = Session::new(&pack, &progress);
    assert_eq!(session.current(), 1);
    assert!(session.is_solved(&pack, 0));
    assert_eq!(session.answer(0).chosen, Some(2));
}

#[test]
fn navigation_stays_inside_the_pack() {
    let pack = airr_coach::default_pack();
    let mut session = Session::new(&pack, &Progress::default());
    session.previous();
    assert_eq!(session.current(), 0);
    session.next();
    session.next();
    session.next();
    assert_eq!(session.current(), 2);
    session.go_to(99);
    assert_eq!(session.current(), 2);
}

#[test]
fn resetting_a_pack_forgets_only_that_pack() {
    let mut progress = Progress::default();
    progress.record_check("a", "one", true);
    progress.record_check("b", "one", true);
    progress.reset_pack("a");
    assert!(!progress.exercise("a", "one").completed);
    assert!(progress.exercise("b", "one").completed);
}

#[test]
fn a_corrupt_progress_file_is_replaced_by_the_last_good_backup() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = ProgressStore::open(dir.path());
    store.progress.record_check("pack", "one", true);
    store.save();
    // The next start keeps the file it read as the backup.
    let _ = ProgressStore::open(dir.path());
    let corrupt = "(packs: {\"pack\": (exercises: {\"one\": (attempts: \u{0}";
    std::fs::write(dir.path().join(PROGRESS_FILE), corrupt).unwrap();

    let reopened = ProgressStore::open(dir.path());
    assert!(
        reopened.progress.exercise("pack", "one").completed,
        "restored from the backup"
    );
    let problem = reopened.problem.unwrap();
    assert!(problem.contains("restored from the backup"), "{problem}");
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read_to_string(&aside[0]).unwrap(),
        corrupt,
        "kept byte for byte"
    );
}
