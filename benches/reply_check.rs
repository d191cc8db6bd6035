//! How fast the reply check is: a typical reply, and very large ones to show time grows linearly.
//!
//! `cargo bench --bench reply_check`; targets (on the 2-core reference machine): 2,000 characters in
//! under 200 µs, 1 MB in under 100 ms, 4 MB in about four times that.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use airr_coach::pack::Topic;
use airr_coach::reply_check::analyze;
use airr_coach::reply_check::rules::{PackRules, RuleBook};

/// A realistic reply of at least `len` bytes: the shipped model answers and weak replies, repeated.
fn reply_of(len: usize) -> String {
    let pack = airr_coach::default_pack();
    let source: String = pack
        .exercises
        .iter()
        .flat_map(|exercise| exercise.replies.iter())
        .map(|reply| reply.text.full_text() + "\n\n")
        .collect();
    let mut text = String::with_capacity(len + source.len());
    while text.len() < len {
        text.push_str(&source);
    }
    let cut = (0..=len)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    text.truncate(cut);
    text
}

fn bench(c: &mut Criterion) {
    let book = RuleBook::for_exercise(&PackRules::default(), &[]).unwrap();
    let mut group = c.benchmark_group("reply_check");
    let typical = reply_of(2_000);
    group.throughput(Throughput::Bytes(typical.len() as u64));
    group.bench_function("2000_chars", |b| {
        b.iter(|| analyze(black_box(&typical), &book, Some(Topic::Outage)))
    });
    group.sample_size(10);
    for megabytes in [1usize, 4] {
        let text = reply_of(megabytes * 1024 * 1024);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("megabytes", megabytes),
            &text,
            |b, text| b.iter(|| analyze(black_box(text), &book, Some(Topic::Outage))),
        );
    }
    group.finish();
    c.bench_function("rule_book_compile", |b| {
        b.iter(|| RuleBook::for_exercise(&PackRules::default(), &[]).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
