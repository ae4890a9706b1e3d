//! Any text as a policy pack: JSON parsing, overlay resolution, validation and engine building
//! must answer with a pack or diagnostics, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shop_policy::{Engine, Value, validate_policy};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(value) = Value::parse_json(text) else { return };
    let report = validate_policy(&value);
    match Engine::from_pack(&value) {
        Ok(engine) => {
            assert!(report.ok, "an engine was built from a pack validation rejected");
            assert_eq!(engine.regions().count(), 1);
        }
        Err(error) => {
            assert!(!report.ok, "validation accepted a pack the engine rejected");
            assert_eq!(error.diagnostics(), report.diagnostics.as_slice());
        }
    }
    // What was parsed writes back to JSON that parses to the same value: exactly, but for
    // non-integral or huge numbers, which print with 15 significant digits (to_json.rs says why).
    let json = value.to_json();
    let again = Value::parse_json(&json);
    assert!(again.as_ref().is_ok_and(|again| same(again, &value)), "{again:?} != {value:?}");
});

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            x == y || (x - y).abs() <= 1e-14 * x.abs().max(y.abs())
        }
        (Value::Array(xs), Value::Array(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| same(x, y))
        }
        (Value::Object(xs), Value::Object(ys)) => {
            xs.len() == ys.len()
                && xs.iter().zip(ys).all(|((kx, x), (ky, y))| kx == ky && same(x, y))
        }
        _ => a == b,
    }
}
