//! Loading, validating and saving packs of realistic exercises, at 1,000 and 10,000 exercises.
//!
//! Targets (2-core reference machine): load and validate 10,000 exercises in under 150 ms and 1,000 in
//! under 15 ms; save 10,000 in under 150 ms.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use airr_coach::pack_file::{pack_to_ron, parse_pack, save_pack};
use airr_coach::pack_generator::generate_pack;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("pack");
    group.sample_size(10);
    for size in [1_000usize, 10_000] {
        let pack = generate_pack(size);
        let text = pack_to_ron(&pack);
        group.bench_with_input(
            BenchmarkId::new("load_and_validate", size),
            &text,
            |b, text| b.iter(|| parse_pack(black_box(text), "bench.ron").unwrap()),
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bench.ron");
        group.bench_with_input(BenchmarkId::new("save", size), &pack, |b, pack| {
            b.iter(|| save_pack(black_box(pack), &path).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
