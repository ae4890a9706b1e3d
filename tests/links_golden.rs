//! Golden cases for `checkLinks`, one per line, in `tests/golden/links.txt`:
//!
//! ```text
//! ID video | Beli di ⟦shopee.co.id|domain block shopee⟧ ya
//! ```
//!
//! `REGION surface | text`, where each expected finding is marked `⟦match|kind verdict platform⟧`
//! (`kind~` when obfuscated; platform only when the finding names one). A line without marks is
//! clean text that must stay `allow` with no findings. The test renders the actual findings in
//! the same notation and compares whole lines, so a failure shows exactly what was found.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use shop_policy::{Engine, FindingKind, LinksReport, Today, Value};

fn kind_name(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::SocialHandle => "social",
        FindingKind::CallToAction => "cta",
        FindingKind::Shortener => "short",
        FindingKind::DirectMessage => "dm",
        other => other.as_str(),
    }
}

/// The text with the report's findings marked, in the golden notation.
fn annotate(text: &str, report: &LinksReport) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut out = String::new();
    let mut at = 0;
    for f in &report.findings {
        let matched = String::from_utf16(&units[f.start..f.end]).unwrap();
        assert_eq!(matched, f.matched, "span {}..{} does not slice to the match", f.start, f.end);
        out.push_str(&String::from_utf16(&units[at..f.start]).unwrap());
        let mut mark = format!(
            "⟦{}|{}{} {}",
            f.matched,
            kind_name(f.kind),
            if f.obfuscated { "~" } else { "" },
            f.verdict.as_str()
        );
        if let Some(platform) = &f.platform {
            mark.push(' ');
            mark.push_str(platform);
        }
        mark.push('⟧');
        out.push_str(&mark);
        at = f.end;
    }
    out.push_str(&String::from_utf16(&units[at..]).unwrap());
    out
}

/// The text with its marks removed.
fn plain(annotated: &str) -> String {
    let mut out = String::new();
    let mut rest = annotated;
    while let Some(open) = rest.find('⟦') {
        out.push_str(&rest[..open]);
        let inner = &rest[open + '⟦'.len_utf8()..];
        let close = inner.find('⟧').expect("a mark is closed");
        let bar = inner[..close].rfind('|').expect("a mark has a |");
        out.push_str(&inner[..bar]);
        rest = &inner[close + '⟧'.len_utf8()..];
    }
    out.push_str(rest);
    out
}

#[test]
fn golden_cases() {
    let engine = Engine::builtin();
    let file = include_str!("golden/links.txt");
    let mut failures = Vec::new();
    let (mut total, mut clean) = (0, 0);
    for (number, line) in file.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (head, expected) =
            line.split_once(" | ").unwrap_or_else(|| panic!("line {}: no ' | '", number + 1));
        let mut head = head.split_whitespace();
        let (region, surface) = (head.next().unwrap(), head.next().unwrap());
        let text = plain(expected);
        let input = Value::Object(vec![
            ("text".into(), Value::string(text.as_str())),
            ("surface".into(), Value::string(surface)),
            ("region".into(), Value::string(region)),
        ]);
        let report = engine.check_links(&input, Today::Required).unwrap();
        let actual = annotate(&text, &report);
        total += 1;
        if report.findings.is_empty() {
            clean += 1;
            assert_eq!(report.verdict.as_str(), "allow");
        }
        if actual != expected {
            failures.push(format!(
                "line {}:\n  expected: {expected}\n  actual:   {actual}",
                number + 1
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} golden cases differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(total >= 200, "only {total} golden cases");
    assert!(clean >= 50, "only {clean} clean cases");
    println!("{total} golden cases, {clean} clean");
}
