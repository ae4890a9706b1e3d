//! The built-in packs, embedded at build time: the shared base and one overlay per region.
//!
//! `build.rs` writes `policies/*.json` as one value tape (see its docs for why not JSON text);
//! it is read once, on first use, into a [`Value`] whose strings borrow from the embedded text.

use super::{Pack, merge};
use crate::error::Error;
use crate::value::{Value, tape};
use std::sync::OnceLock;

/// The built-in regions, in the order `policies()` lists them.
pub const BUILTIN_REGIONS: [&str; 8] = ["ID", "MY", "TH", "VN", "PH", "SG", "UK", "US"];

const TAGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/packs.tags"));
const NUMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/packs.nums"));
const TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/packs.text"));

/// The numbers of the embedded tape, as `build.rs` wrote them: LEB128 of `2n` for a whole
/// `n`, or `1` and the eight bytes of the `f64`. `None` if the bytes are cut short.
fn embedded_numbers(mut bytes: &[u8]) -> Option<Vec<f64>> {
    let mut nums = Vec::new();
    while !bytes.is_empty() {
        let mut n = 0u64;
        let mut shift = 0;
        loop {
            let (&byte, rest) = bytes.split_first()?;
            bytes = rest;
            if shift > 56 {
                return None;
            }
            n |= u64::from(byte & 0x7f) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                break;
            }
        }
        if n == 1 {
            let (raw, rest) = bytes.split_first_chunk::<8>()?;
            bytes = rest;
            nums.push(f64::from_le_bytes(*raw));
        } else {
            nums.push((n / 2) as f64);
        }
    }
    Some(nums)
}

/// The archive `{"base": …, "ID": …, …}`, read on first use.
fn archive() -> Option<&'static Value<'static>> {
    static ARCHIVE: OnceLock<Option<Value<'static>>> = OnceLock::new();
    // The tape is written by build.rs and read back by the test suite, so a failure here would
    // mean a broken build; it is still reported as `None` rather than a panic.
    ARCHIVE.get_or_init(|| tape::read(TAGS, &embedded_numbers(NUMS)?, TEXT).ok()).as_ref()
}

/// The built-in pack of `region` as a merged JSON value (base + region overlay), or `None` for a
/// region without one. This is what a caller's `"extends": "ID"` overlays.
pub fn builtin_value(region: &str) -> Option<Value<'static>> {
    if !BUILTIN_REGIONS.contains(&region) {
        return None;
    }
    let archive = archive()?;
    Some(merge(archive.get("base")?, archive.get(region)?))
}

/// The built-in pack of `region`, read and checked.
pub fn builtin_pack(region: &str) -> Option<Result<Pack, Error>> {
    builtin_value(region).map(|value| Pack::from_value(&value))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `value` without its maintainers' `note` fields, as build.rs embeds it.
    fn without_notes<'a>(value: &Value<'a>) -> Value<'a> {
        match value {
            Value::Object(entries) => Value::Object(
                entries
                    .iter()
                    .filter(|(k, _)| k != "note")
                    .map(|(k, v)| (k.clone(), without_notes(v)))
                    .collect(),
            ),
            Value::Array(items) => Value::Array(items.iter().map(without_notes).collect()),
            other => other.clone(),
        }
    }

    /// The embedded tape holds exactly what the JSON files say, less the notes, in the same
    /// key order.
    #[test]
    fn the_embedded_tape_is_the_json_files() {
        let archive = archive().expect("the embedded tape reads");
        let Value::Object(entries) = archive else { panic!("the archive is an object") };
        let names: Vec<&str> = entries.iter().map(|(k, _)| k.as_ref()).collect();
        let mut want = vec!["base"];
        want.extend(BUILTIN_REGIONS);
        assert_eq!(names, want);
        for (name, value) in entries {
            let path = format!("{}/policies/{name}.json", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).unwrap();
            let want = without_notes(&Value::parse_json(&text).unwrap());
            let (got, want) = (value.to_json(), want.to_json());
            let at = got.bytes().zip(want.bytes()).position(|(a, b)| a != b).unwrap_or(0);
            let around = |s: &str| {
                s.get(at.saturating_sub(80)..(at + 80).min(s.len())).unwrap_or("").to_owned()
            };
            assert!(got == want, "{path} at {at}: {} | {}", around(&got), around(&want));
        }
    }

    #[test]
    fn numbers_round_trip_through_the_embedded_encoding() {
        // 10 → LEB128(20); 0.5 → 1 then its eight bytes.
        let mut bytes = vec![20];
        bytes.push(1);
        bytes.extend(0.5f64.to_le_bytes());
        assert_eq!(embedded_numbers(&bytes), Some(vec![10.0, 0.5]));
        assert_eq!(embedded_numbers(&[0x80]), None);
        assert_eq!(embedded_numbers(&[1, 0, 0]), None);
    }
}
