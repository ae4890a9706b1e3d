//! Arbitrary tapes (tags, numbers, text) as the JS flattener would hand them over: reading must
//! return a value or an error, never panic, however malformed the tape.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shop_policy::value::tape;

fuzz_target!(|data: &[u8]| {
    // Layout: [n_tags][tags…][numbers as i8 each…][text…]
    let Some((&n, rest)) = data.split_first() else { return };
    let (tags, rest) = rest.split_at(usize::from(n).min(rest.len()));
    let n_nums = rest.first().map_or(0, |&b| usize::from(b % 32));
    let rest = rest.get(1..).unwrap_or_default();
    let (nums, text) = rest.split_at(n_nums.min(rest.len()));
    let nums: Vec<f64> =
        nums.iter().map(|&b| f64::from(b as i8) / if b % 5 == 0 { 2.0 } else { 1.0 }).collect();
    let Ok(text) = std::str::from_utf8(text) else { return };
    if let Ok(value) = tape::read(tags, &nums, text) {
        let _ = value.to_json();
    }
});
