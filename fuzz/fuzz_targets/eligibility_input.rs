//! Any text as a `checkEligibility` argument: decoding and evaluation must answer with a report
//! or an error, never a panic, and every report must keep the contract's promises.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shop_policy::eligibility::Outcome;
use shop_policy::{Engine, Today, Value};
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(Engine::builtin);

/// 2026-03-01 00:00 UTC: "today" when an input has no `asOf`.
const NOW_MS: f64 = 1_772_323_200_000.0;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(value) = Value::parse_json(text) else { return };
    let Ok(report) = ENGINE.check_eligibility(&value, Today::At(NOW_MS)) else { return };

    assert_eq!(report.can_apply, report.outcome == Outcome::Eligible);
    let any_false = report.criteria.iter().any(|c| c.met == Some(false));
    let any_unknown = report.criteria.iter().any(|c| c.met.is_none());
    match report.outcome {
        Outcome::Eligible => assert!(!any_false && !any_unknown, "eligible with {report:?}"),
        Outcome::Incomplete => assert!(!any_false && any_unknown, "incomplete with {report:?}"),
        Outcome::NotEligible => assert!(any_false, "not_eligible without a failing criterion"),
        Outcome::Never | Outcome::Active | Outcome::Restricted => {}
    }
    // Upcoming criteria are exactly those not yet in force.
    assert!(report.upcoming.iter().all(|c| c.effective_from.is_some_and(|d| d > report.as_of)));
    assert!(report.criteria.iter().all(|c| c.effective_from.is_none_or(|d| d <= report.as_of)));
    if let Some(appeal) = &report.appeal {
        assert_eq!(appeal.open.is_some(), appeal.deadline.is_some());
    }
    let json = shop_policy::to_json::to_json(&report).expect("a report always serializes");
    assert!(Value::parse_json(&json).is_ok(), "the report is valid JSON");
});
