//! From candidates to findings: which rule applies, what it says on this surface, and which of
//! two overlapping candidates the report keeps.
//!
//! Detectors run independently and may find the same text twice ("order via WA 0812…" is a
//! call to action, a WhatsApp contact and a phone number). The report must not overlap, so
//! candidates are ranked: links and e-mail addresses first, then messenger and social handles,
//! then phone numbers, then calls to action — the more specific reading wins, and the longer
//! one among equals. A call to action that runs into a stronger finding is cut short before it
//! ("order via" + "WA 0812…"), so both reasons reach the seller.

use super::classifier::LinkIndex;
use crate::i18n::{self, Lang};
use crate::pack::Surface;
use crate::report::{Cited, Finding, FindingKind, Verdict};

/// A reading of a span of the text, before overlaps are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Byte span start.
    pub start: usize,
    /// Byte span end, exclusive.
    pub end: usize,
    /// What it is.
    pub kind: FindingKind,
    /// Index of the rule in the index's rules.
    pub rule: usize,
    /// Normalized host, for links and e-mail addresses.
    pub host: Option<String>,
    /// Catalog platform.
    pub platform: Option<usize>,
    /// Whether the text disguised it.
    pub obfuscated: bool,
}

impl Candidate {
    /// Lower ranks win overlaps.
    fn rank(&self) -> u8 {
        match self.kind {
            FindingKind::Url
            | FindingKind::Domain
            | FindingKind::Email
            | FindingKind::Shortener => 0,
            FindingKind::Messenger | FindingKind::SocialHandle => 1,
            FindingKind::Phone => 2,
            FindingKind::CallToAction => 3,
        }
    }
}

/// Keeps a non-overlapping set of candidates, best first; returns them sorted by position.
/// Occupied text is marked byte by byte, so the whole resolution is linear in the length of the
/// candidates.
pub fn resolve_overlaps(text: &str, mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by(|a, b| {
        a.rank()
            .cmp(&b.rank())
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
    });
    let mut taken = vec![false; text.len()];
    let mut kept = Vec::with_capacity(candidates.len());
    for mut candidate in candidates {
        let Some(span) = taken.get(candidate.start..candidate.end) else { continue };
        if span.is_empty() || span.first() == Some(&true) {
            continue;
        }
        if let Some(offset) = span.iter().position(|&t| t) {
            if candidate.kind != FindingKind::CallToAction {
                continue;
            }
            // Cut the phrase short before the stronger finding, at a word's end.
            let next_start = candidate.start + offset;
            let trimmed = text.get(candidate.start..next_start).unwrap_or_default().trim_end();
            if trimmed.chars().count() < 2 {
                continue;
            }
            candidate.end = candidate.start + trimmed.len();
        }
        if let Some(span) = taken.get_mut(candidate.start..candidate.end) {
            span.fill(true);
        }
        kept.push(candidate);
    }
    kept.sort_by_key(|c| c.start);
    kept
}

/// The finding a kept candidate becomes: its verdict on `surface`, its message in `lang`.
pub fn finding(
    index: &LinkIndex,
    candidate: &Candidate,
    matched: &str,
    (start, end): (usize, usize),
    surface: Surface,
    lang: Lang,
) -> Option<Finding> {
    let platform = candidate.platform.and_then(|p| index.platforms.get(p));
    let mut rule = index.rules.get(candidate.rule)?;
    // A call to action is no stricter than linking the platform it names would be on this
    // surface ("beli di Tokopedia" in Indonesia, "follow me on Instagram" in a bio): cite the
    // platform's rule then, since it is the one that decides.
    if candidate.kind == FindingKind::CallToAction
        && let Some(platform_rule) = platform.and_then(|p| index.rules.get(p.rule))
        && platform_rule.verdict_on(surface) < rule.verdict_on(surface)
    {
        rule = platform_rule;
    }
    let category = platform
        .map(|p| i18n::render(lang, &format!("category.{}", category_key(p.category)), &[]));
    let surface_name = i18n::render(lang, &format!("surface.{}", surface.as_str()), &[]);
    let args = [
        ("platform", platform.map_or("", |p| p.name.as_str())),
        ("host", candidate.host.as_deref().unwrap_or_default()),
        ("category", category.as_deref().unwrap_or_default()),
        ("surface", surface_name.as_str()),
    ];
    let mut cited = Cited::new(&rule.meta, lang, None, &args);
    if candidate.obfuscated {
        cited.message.push(' ');
        cited.message.push_str(&i18n::render(lang, "links.disguised", &[]));
    }
    Some(Finding {
        rule_id: cited.rule_id,
        kind: candidate.kind,
        verdict: rule.verdict_on(surface),
        start,
        end,
        matched: matched.to_owned(),
        host: candidate.host.clone(),
        platform: platform.map(|p| p.id.clone()),
        obfuscated: candidate.obfuscated,
        message: cited.message,
        source: cited.source,
    })
}

fn category_key(category: crate::pack::Category) -> &'static str {
    crate::pack::Category::NAMES.iter().find(|(_, c)| *c == category).map_or("", |(name, _)| name)
}

/// The text with every blocked span masked: each UTF-16 code unit becomes `•`, so the
/// redacted text has the same length in JS and every offset still lines up.
pub fn redact(text: &str, blocked: impl Iterator<Item = (usize, usize)>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (start, end) in blocked {
        if start < copied {
            continue;
        }
        out.push_str(text.get(copied..start).unwrap_or_default());
        for c in text.get(start..end).unwrap_or_default().chars() {
            for _ in 0..c.len_utf16() {
                out.push('•');
            }
        }
        copied = end;
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    out
}

/// The strictest verdict of the findings (`allow` when there are none).
pub fn overall(findings: &[Finding]) -> Verdict {
    findings.iter().map(|f| f.verdict).max().unwrap_or(Verdict::Allow)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(start: usize, end: usize, kind: FindingKind) -> Candidate {
        Candidate { start, end, kind, rule: 0, host: None, platform: None, obfuscated: false }
    }

    #[test]
    fn stronger_and_longer_readings_win_and_phrases_are_cut_short() {
        let text = "order via WA 0812-3456-7890";
        let kept = resolve_overlaps(
            text,
            vec![
                candidate(0, 12, FindingKind::CallToAction),
                candidate(10, 27, FindingKind::Messenger),
                candidate(13, 27, FindingKind::Phone),
            ],
        );
        let spans: Vec<(&str, FindingKind)> =
            kept.iter().map(|c| (&text[c.start..c.end], c.kind)).collect();
        assert_eq!(
            spans,
            [
                ("order via", FindingKind::CallToAction),
                ("WA 0812-3456-7890", FindingKind::Messenger)
            ]
        );
    }

    #[test]
    fn redaction_keeps_utf16_length() {
        let text = "beli di 😀shopee.co.id ya";
        let start = text.find('😀').unwrap();
        let redacted = redact(text, [(start, text.find(" ya").unwrap())].into_iter());
        assert_eq!(redacted.encode_utf16().count(), text.encode_utf16().count());
        assert!(redacted.starts_with("beli di ••••"));
        assert!(redacted.ends_with(" ya"));
    }
}
