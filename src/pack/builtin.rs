//! The built-in packs, embedded at build time: the shared base and one overlay per region.

use super::{Pack, merge};
use crate::error::Error;
use crate::value::Value;
use std::sync::OnceLock;

const BASE: &str = include_str!("../../policies/base.json");

/// The built-in regions, in the order `policies()` lists them.
pub const BUILTIN_REGIONS: [&str; 8] = ["ID", "MY", "TH", "VN", "PH", "SG", "UK", "US"];

const REGIONS: [(&str, &str); 8] = [
    ("ID", include_str!("../../policies/ID.json")),
    ("MY", include_str!("../../policies/MY.json")),
    ("TH", include_str!("../../policies/TH.json")),
    ("VN", include_str!("../../policies/VN.json")),
    ("PH", include_str!("../../policies/PH.json")),
    ("SG", include_str!("../../policies/SG.json")),
    ("UK", include_str!("../../policies/UK.json")),
    ("US", include_str!("../../policies/US.json")),
];

/// The built-in pack of `region` as a merged JSON value (base + region overlay), or `None` for a
/// region without one. This is what a caller's `"extends": "ID"` overlays.
pub fn builtin_value(region: &str) -> Option<Value<'static>> {
    static PARSED_BASE: OnceLock<Option<Value<'static>>> = OnceLock::new();
    let (_, text) = REGIONS.iter().find(|(r, _)| *r == region)?;
    // The embedded files are checked by the test suite, so a parse failure here would mean a
    // broken build; it is still reported as `None` rather than a panic.
    let base = PARSED_BASE.get_or_init(|| Value::parse_json(BASE).ok()).as_ref()?;
    let overlay = Value::parse_json(text).ok()?;
    Some(merge(base, &overlay))
}

/// The built-in pack of `region`, read and checked.
pub fn builtin_pack(region: &str) -> Option<Result<Pack, Error>> {
    builtin_value(region).map(|value| Pack::from_value(&value))
}
