//! Any text as a `checkClosure` argument: a report or an error, never a panic; and every report
//! keeps the contract's promises.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shop_policy::{ClosureInput, Engine, Today, Value};
use std::sync::OnceLock;

/// 2026-11-21 17:30 UTC, for inputs without `asOf`.
const NOW: f64 = 1_795_282_200_000.0;

fuzz_target!(|data: &[u8]| {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    let engine = ENGINE.get_or_init(Engine::builtin);
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(value) = Value::parse_json(text) else { return };
    let Ok(report) = engine.check_closure(&value, Today::At(NOW)) else { return };
    let Ok(input) = ClosureInput::decode(&value) else {
        panic!("a report for an input that does not decode");
    };

    let met = |id: &str| report.conditions.iter().find(|c| c.id == id).map(|c| c.met);
    assert_eq!(report.conditions.len(), 7);
    assert_eq!(report.can_close, report.conditions.iter().all(|c| c.met));
    // An open order, and only an open order, leaves no date.
    assert_eq!(report.earliest_close_date.is_none(), met("orders_final") == Some(false));
    if let Some(day) = report.earliest_close_date {
        assert!(day >= report.as_of);
    }
    if report.can_close {
        assert_eq!(report.earliest_close_date, Some(report.as_of));
    }
    for c in &report.conditions {
        if let Some(day) = c.met_on {
            assert_eq!(c.met, day <= report.as_of, "{}", c.id);
        }
    }
    // The refund is part of the deposit, and known only when money does not block.
    match report.deposit_refund {
        Some(refund) => {
            assert!(0 <= refund && refund <= input.deposit);
            assert_eq!(met("payments_settled"), Some(true));
            assert_eq!(met("no_commission_arrears"), Some(true));
            assert_eq!(refund, input.deposit - (-input.balance).max(0));
        }
        None => {
            assert!(
                met("payments_settled") == Some(false)
                    || met("no_commission_arrears") == Some(false)
            );
        }
    }
    assert_eq!(
        report.steps.iter().find(|s| s.step == 3).and_then(|s| s.done),
        Some(report.can_close)
    );
    if input.initiated_by == shop_policy::closure::Initiator::Platform {
        assert!(!report.can_withdraw);
    }
    assert!(shop_policy::to_json::to_json(&report).is_ok());
});
