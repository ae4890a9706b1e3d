//! Arbitrary text on every surface of a region: checkLinks must answer, and its findings must be
//! valid UTF-16 spans that slice to their match, sorted and never overlapping; the verdict is the
//! strictest finding's; the redacted text keeps the UTF-16 length; what to write instead
//! checks as allowed, and every finding that is not allowed has a suggestion.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shop_policy::{Engine, Surface, Verdict, check_links, i18n::Lang};
use std::sync::OnceLock;

const REGIONS: [&str; 8] = ["ID", "MY", "TH", "VN", "PH", "SG", "UK", "US"];

fuzz_target!(|data: &[u8]| {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    let engine = ENGINE.get_or_init(Engine::builtin);
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let region = REGIONS[usize::from(selector) % REGIONS.len()];
    let surface = Surface::ALL[usize::from(selector / 8) % Surface::ALL.len()];
    let policy = engine.region(region).expect("built-in region");
    let report = check_links(policy, &text, surface, Lang::En);
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut previous_end = 0;
    for f in &report.findings {
        assert!(
            f.start < f.end && f.end <= units.len(),
            "span {}..{} out of range",
            f.start,
            f.end
        );
        assert!(f.start >= previous_end, "findings overlap or are unsorted");
        previous_end = f.end;
        assert_eq!(String::from_utf16_lossy(&units[f.start..f.end]), f.matched);
    }
    let strictest = report.findings.iter().map(|f| f.verdict).max().unwrap_or(Verdict::Allow);
    assert_eq!(report.verdict, strictest);
    assert_eq!(report.redacted.encode_utf16().count(), units.len());
    for f in &report.findings {
        assert_eq!(f.suggestion.is_some(), f.verdict != Verdict::Allow, "{f:?}");
    }
    let again = check_links(policy, &report.suggested_text, surface, Lang::En);
    assert_eq!(again.verdict, Verdict::Allow, "suggested {:?}: {:?}", report.suggested_text, again.findings);
});
