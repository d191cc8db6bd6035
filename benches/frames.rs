//! One frame of the app, headless (no GPU): egui's pass and tessellation, as a window would run them.
//!
//! Targets (2-core reference machine): a learner frame with a 10,000-exercise pack under 2 ms and at
//! most 1.5 times the 3-exercise pack's; the same in edit mode with a long model answer; typing one
//! character in a 5,000-character draft (analysis and layout included) under 1 ms; building the app and
//! its first frame with the built-in pack under 30 ms.

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use airr_coach::pack::Pack;
use airr_coach::pack_file::save_pack;
use airr_coach::pack_generator::{generate_pack, long_model_answer};
use airr_coach::ui::pack_picker::FixedPackPicker;
use airr_coach::ui::{AirrApp, AppOptions, Command, Mode};

fn input(events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        events,
        ..Default::default()
    }
}

/// Runs one frame and tessellates it, as eframe does before painting.
fn frame(ctx: &egui::Context, app: &mut AirrApp, events: Vec<egui::Event>) -> usize {
    let mut output = ctx.run_ui(input(events), |ui| app.ui(ui));
    // No renderer takes the font atlas updates here; drop them as a painted frame would use them.
    output.textures_delta.clear();
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

/// An app on `pack` (or the built-in one), with a few frames run so caches are warm.
fn app_on(data: &Path, pack: Option<&Pack>, commands: &[Command]) -> (egui::Context, AirrApp) {
    let pack_path = pack.map(|pack| {
        let path = data.join("pack.ron");
        save_pack(pack, &path).unwrap();
        path
    });
    let mut app = AirrApp::new(AppOptions {
        data_dir: Some(data.to_path_buf()),
        pack_path,
        picker: Box::new(FixedPackPicker(None)),
    });
    let ctx = egui::Context::default();
    for command in commands {
        app.send(command.clone());
    }
    for _ in 0..4 {
        frame(&ctx, &mut app, Vec::new());
    }
    (ctx, app)
}

fn learner_and_editor_frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    for (name, size) in [("learner", 3usize), ("learner", 10_000)] {
        let data = tempfile::tempdir().unwrap();
        let pack = generate_pack(size);
        let (ctx, mut app) = app_on(data.path(), Some(&pack), &[]);
        group.bench_function(BenchmarkId::new(name, size), |b| {
            b.iter(|| black_box(frame(&ctx, &mut app, Vec::new())))
        });
    }
    for size in [3usize, 10_000] {
        let data = tempfile::tempdir().unwrap();
        let mut pack = generate_pack(size);
        let correct = pack.exercises[0].correct_reply().unwrap();
        pack.exercises[0].replies[correct].text = long_model_answer(5_000);
        let (ctx, mut app) = app_on(data.path(), Some(&pack), &[Command::SetMode(Mode::Edit)]);
        group.bench_function(BenchmarkId::new("editor_long_model_answer", size), |b| {
            b.iter(|| black_box(frame(&ctx, &mut app, Vec::new())))
        });
    }
    group.finish();
}

fn backspace() -> egui::Event {
    egui::Event::Key {
        key: egui::Key::Backspace,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    }
}

fn typing_in_a_draft(c: &mut Criterion) {
    let data = tempfile::tempdir().unwrap();
    let draft: String = long_model_answer(5_000)
        .full_text()
        .chars()
        .take(5_000)
        .collect();
    let progress = format!(
        "(drafts: {{\"client-technical-communication\": {{\"outage-47-minutes\": {}}}}})",
        ron::to_string(&draft).unwrap()
    );
    std::fs::write(data.path().join("progress.ron"), progress).unwrap();
    let tab = Command::SetExerciseTab(airr_coach::ui::ExerciseTab::WriteYourOwn);
    let (ctx, mut app) = app_on(data.path(), None, &[tab]);
    ctx.memory_mut(|memory| memory.request_focus(egui::Id::unique(("draft", 0usize))));
    frame(&ctx, &mut app, vec![egui::Event::Text("a".into())]);
    let typed = app
        .progress()
        .progress
        .draft("client-technical-communication", "outage-47-minutes");
    assert_eq!(
        typed.chars().count(),
        5_001,
        "the benchmark must type into the draft"
    );
    // Type a character, then delete it, so the draft stays 5,000 characters however long this runs.
    let mut typed = false;
    c.bench_function("frame/type_one_char_in_5000_char_draft", |b| {
        b.iter(|| {
            typed = !typed;
            let event = if typed {
                egui::Event::Text("a".into())
            } else {
                backspace()
            };
            black_box(frame(&ctx, &mut app, vec![event]))
        })
    });
}

fn typing_in_the_editor(c: &mut Criterion) {
    let data = tempfile::tempdir().unwrap();
    let (ctx, mut app) = app_on(
        data.path(),
        Some(&generate_pack(10_000)),
        &[Command::SetMode(Mode::Edit)],
    );
    let title = airr_coach::ui::editor::FieldKey::new(Some(0), "title").widget_id();
    ctx.memory_mut(|memory| memory.request_focus(title));
    frame(&ctx, &mut app, Vec::new());
    frame(&ctx, &mut app, vec![egui::Event::Text("a".into())]);
    assert!(
        app.pack().exercises[0].title.ends_with('a'),
        "the benchmark must type into the title"
    );
    let mut typed = false;
    c.bench_function("frame/editor_type_one_char/10000", |b| {
        b.iter(|| {
            typed = !typed;
            let event = if typed {
                egui::Event::Text("b".into())
            } else {
                backspace()
            };
            black_box(frame(&ctx, &mut app, vec![event]))
        })
    });
}

fn startup(c: &mut Criterion) {
    c.bench_function("startup/app_and_first_frame", |b| {
        b.iter(|| {
            let data = tempfile::tempdir().unwrap();
            let mut app = AirrApp::new(AppOptions {
                data_dir: Some(data.path().to_path_buf()),
                pack_path: None,
                picker: Box::new(FixedPackPicker(None)),
            });
            let ctx = egui::Context::default();
            black_box(frame(&ctx, &mut app, Vec::new()))
        })
    });
}

criterion_group!(
    benches,
    learner_and_editor_frames,
    typing_in_a_draft,
    typing_in_the_editor,
    startup
);
criterion_main!(benches);
