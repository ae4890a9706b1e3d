//! `check_eligibility` per call, natively: the whole call as the binding makes it (decode the
//! argument, resolve region and date, evaluate, write the report as JSON), and its parts. The
//! region's pack is read before timing, as it is after the first call in a page.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use shop_policy::eligibility::{EligibilityInput, evaluate};
use shop_policy::to_json::to_json;
use shop_policy::{Engine, Today, Value};
use std::hint::black_box;

/// The same two calls as bench/js/eligibility.bench.mjs.
const ELIGIBLE: &str = r#"{"region":"ID","asOf":"2026-03-01","followers":12000,"age":24,
    "identityVerified":true,"governmentAccount":false,"previouslyRevoked":false,
    "codeOfConductViolations":0,"linkedShopAtRisk":false}"#;
const NOT_ELIGIBLE: &str = r#"{"region":"ID","asOf":"2026-03-01","followers":563,"age":24,
    "identityVerified":false,"governmentAccount":false,"previouslyRevoked":false,
    "codeOfConductViolations":0,"linkedShopAtRisk":false}"#;

fn eligibility(c: &mut Criterion) {
    let engine = Engine::builtin();
    for (name, text) in [("eligible", ELIGIBLE), ("not_eligible", NOT_ELIGIBLE)] {
        let value = Value::parse_json(text).unwrap();
        engine.check_eligibility(&value, Today::Required).unwrap();
        c.bench_function(&format!("check_eligibility ID {name}: decode + evaluate + JSON"), |b| {
            b.iter(|| {
                let report = engine.check_eligibility(black_box(&value), Today::Required).unwrap();
                to_json(&report).unwrap()
            })
        });
        c.bench_function(&format!("check_eligibility ID {name}: decode + evaluate"), |b| {
            b.iter(|| engine.check_eligibility(black_box(&value), Today::Required).unwrap())
        });
        let input = EligibilityInput::decode(&value).unwrap();
        let (policy, as_of) = engine.resolve(&input.call, Today::Required).unwrap();
        c.bench_function(&format!("evaluate ID {name}"), |b| {
            b.iter(|| evaluate(policy, black_box(&input), as_of))
        });
    }
}

criterion_group!(benches, eligibility);
criterion_main!(benches);
