//! Reading packs: what the first check in a region pays (the built-in pack is read, merged and
//! checked once), and what `new Engine(overlay)` costs.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use shop_policy::{Engine, Value, pack};
use std::hint::black_box;

fn packs(c: &mut Criterion) {
    c.bench_function("builtin pack ID: parse + merge + read + check", |b| {
        b.iter(|| pack::builtin_pack(black_box("ID")).unwrap().unwrap())
    });
    let overlay = Value::parse_json(
        r#"{"id":"agency-ID","version":"1","extends":"ID",
            "eligibility":{"criteria":[{"id":"eligibility.followers","min":1000}]}}"#,
    )
    .unwrap();
    c.bench_function("Engine::from_pack(overlay on ID)", |b| {
        b.iter(|| Engine::from_pack(black_box(&overlay)).unwrap())
    });
}

criterion_group!(benches, packs);
criterion_main!(benches);
