//! checkClosure's core natively: decode + evaluate + report from an input already in memory as a
//! `Value` (which is what the binding hands the core), at 1,000 / 10,000 / 100,000 orders; and
//! evaluation alone at 100,000. The Node bench (bench/js/closure.bench.mjs) adds the JS side.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use shop_policy::closure::evaluate;
use shop_policy::{ClosureInput, Date, Engine, Today, Value};
use std::hint::black_box;
use std::time::Duration;

/// A shop with `n` orders, all completed or closed on days spread over 2025 (the case where
/// every order must be read to the end), listed by id as exports are, or shuffled.
fn input(n: usize, shuffled: bool) -> String {
    let start = Date::parse("2025-01-01").unwrap();
    let mut order: Vec<usize> = (0..n).collect();
    let mut seed = 42_u64;
    for i in (1..n).rev().filter(|_| shuffled) {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        order.swap(i, (seed >> 33) as usize % (i + 1));
    }
    let orders: Vec<String> = order
        .into_iter()
        .map(|i| {
            let status = if i % 7 == 0 { "closed" } else { "completed" };
            let day = start.plus_days((i % 365) as i64);
            format!(r#"{{"id":"5771{i:014}","status":"{status}","finalizedOn":"{day}"}}"#)
        })
        .collect();
    format!(
        r#"{{"region":"ID","asOf":"2026-06-01","initiatedBy":"seller","sellerType":"cross_border","activeCampaigns":0,
            "boundCreators":0,"announcementSince":"2026-04-01","orders":[{}],
            "commissionArrears":0,"balance":-2500,"unpaidInvoices":0,"depositArrears":0,
            "deposit":50000000}}"#,
        orders.join(",")
    )
}

fn closure(c: &mut Criterion) {
    let engine = Engine::builtin();
    let today = Today::Required;
    let mut group = c.benchmark_group("checkClosure: decode + evaluate + report");
    group.sample_size(30).measurement_time(Duration::from_secs(4));
    for n in [1_000, 10_000, 100_000] {
        let text = input(n, false);
        let value = Value::parse_json(&text).unwrap();
        assert!(engine.check_closure(&value, today).unwrap().can_close);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &value, |b, value| {
            b.iter(|| engine.check_closure(black_box(value), today).unwrap())
        });
    }
    group.finish();

    let text = input(100_000, false);
    let value = Value::parse_json(&text).unwrap();
    let shuffled_text = input(100_000, true);
    let shuffled = Value::parse_json(&shuffled_text).unwrap();
    let decoded = ClosureInput::decode(&value).unwrap();
    let policy = engine.region("ID").unwrap();
    let as_of = Date::parse("2026-06-01").unwrap();
    let mut group = c.benchmark_group("checkClosure parts, 100000 orders");
    group.sample_size(30).measurement_time(Duration::from_secs(4));
    group.bench_function("decode", |b| b.iter(|| ClosureInput::decode(black_box(&value)).unwrap()));
    group.bench_function("decode, shuffled ids", |b| {
        b.iter(|| ClosureInput::decode(black_box(&shuffled)).unwrap())
    });
    group.bench_function("evaluate + report", |b| {
        b.iter(|| evaluate(policy, black_box(&decoded), as_of).unwrap())
    });
    group.finish();
}

criterion_group!(benches, closure);
criterion_main!(benches);
