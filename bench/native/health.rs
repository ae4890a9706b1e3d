//! `account_health` on a year of violations with as many quiz attempts (the same account shape
//! as bench/js/health.bench.mjs): decoding, evaluation and the JSON report, at three sizes.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use shop_policy::health::evaluate;
use shop_policy::{Date, Engine, HealthInput, Today, Value, to_json::to_json};
use std::fmt::Write;
use std::hint::black_box;

const TYPES: [&str; 8] = [
    "Prohibited Customer Communication",
    "Misleading Product Information",
    "Redirecting Traffic",
    "Intellectual Property Infringement",
    "Prohibited Products",
    "Late Dispatch",
    "Fake Orders",
    "Inappropriate LIVE Content",
];
const SURFACES: [&str; 7] = ["live", "video", "product", "chat", "comment", "bio", ""];

/// `n` violations issued over the year before 2024-06-30 and `n` attempts, as JSON text.
fn account(n: usize) -> String {
    let mut state: u64 = 1;
    let mut rand = |k: u64| {
        state = (state * 1_103_515_245 + 12_345) % (1 << 31);
        state % k
    };
    let as_of = Date::parse("2024-06-30").unwrap();
    let mut issued = Vec::with_capacity(n);
    let mut out = String::from(r#"{"region":"TH","asOf":"2024-06-30","violations":["#);
    for i in 0..n {
        let ty = TYPES[rand(TYPES.len() as u64) as usize];
        let points = 1 + rand(6);
        let on = as_of.plus_days(-(rand(365) as i64));
        issued.push(on);
        let surface = SURFACES[rand(SURFACES.len() as u64) as usize];
        let comma = if i == 0 { "" } else { "," };
        let _ = write!(
            out,
            r#"{comma}{{"id":"v{i}","type":"{ty}","points":{points},"issuedOn":"{on}""#
        );
        if !surface.is_empty() {
            let _ = write!(out, r#","surface":"{surface}""#);
        }
        out.push('}');
    }
    out.push_str(r#"],"quizAttempts":["#);
    for i in 0..n {
        let v = rand(n as u64) as usize;
        let taken = issued[v].plus_days(rand(45) as i64).min(as_of);
        let passed = rand(2) == 0;
        let comma = if i == 0 { "" } else { "," };
        let _ =
            write!(out, r#"{comma}{{"violationId":"v{v}","takenOn":"{taken}","passed":{passed}}}"#);
    }
    out.push_str("]}");
    out
}

fn health(c: &mut Criterion) {
    let engine = Engine::builtin();
    let mut group = c.benchmark_group("account_health");
    for n in [100, 1_000, 10_000] {
        let text = account(n);
        let input = Value::parse_json(&text).unwrap();
        engine.account_health(&input, Today::Required).unwrap();
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("decode+evaluate+json", n), &input, |b, input| {
            b.iter(|| to_json(&engine.account_health(black_box(input), Today::Required).unwrap()))
        });
        group.bench_with_input(BenchmarkId::new("decode", n), &input, |b, input| {
            b.iter(|| HealthInput::decode(black_box(input)).unwrap())
        });
        let decoded = HealthInput::decode(&input).unwrap();
        let policy = engine.region("TH").unwrap();
        let as_of = decoded.call.as_of.unwrap();
        group.bench_with_input(BenchmarkId::new("evaluate", n), &decoded, |b, decoded| {
            b.iter(|| evaluate(policy, black_box(decoded), as_of).unwrap())
        });
        let report = evaluate(policy, &decoded, as_of).unwrap();
        group.bench_with_input(BenchmarkId::new("json", n), &report, |b, report| {
            b.iter(|| to_json(black_box(report)).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, health);
criterion_main!(benches);
