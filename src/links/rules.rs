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
use crate::fast_hash::FastMap;
use crate::i18n::{self, Lang};
use crate::pack::Surface;
use crate::report::{Finding, FindingKind, Verdict};
use crate::sort;
use std::sync::Arc;

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
            FindingKind::Messenger | FindingKind::SocialHandle | FindingKind::Payment => 1,
            FindingKind::Phone => 2,
            FindingKind::CallToAction | FindingKind::DirectMessage | FindingKind::Pointer => 3,
            FindingKind::Mention => 4,
        }
    }
}

/// Keeps a non-overlapping set of candidates, best first; returns them sorted by position.
/// Overlaps are local, so candidates are swept in text order and each cluster of mutually
/// overlapping ones is resolved on its own: linear in the number of candidates.
pub fn resolve_overlaps(text: &str, mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    // Detectors emit in text order, except that an e-mail address starts before its `@`; the
    // sort is near-linear on such input.
    sort::sort_by_key(&mut candidates, |c| c.start);
    let mut kept = Vec::with_capacity(candidates.len());
    let mut cluster: Vec<Candidate> = Vec::new();
    let mut cluster_end = 0;
    for candidate in candidates {
        if candidate.end <= candidate.start {
            continue;
        }
        if !cluster.is_empty() && candidate.start >= cluster_end {
            resolve_cluster(text, &mut cluster, &mut kept);
        }
        cluster_end =
            if cluster.is_empty() { candidate.end } else { cluster_end.max(candidate.end) };
        cluster.push(candidate);
    }
    resolve_cluster(text, &mut cluster, &mut kept);
    kept
}

/// Resolves one cluster of overlapping candidates into `kept`, best first.
fn resolve_cluster(text: &str, cluster: &mut Vec<Candidate>, kept: &mut Vec<Candidate>) {
    if cluster.len() <= 1 {
        kept.append(cluster);
        return;
    }
    sort::sort_by(cluster, |a, b| {
        a.rank()
            .cmp(&b.rank())
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
    });
    let first = kept.len();
    for mut candidate in cluster.drain(..) {
        let chosen = kept.get(first..).unwrap_or_default();
        let overlapping =
            chosen.iter().filter(|k| k.start < candidate.end && candidate.start < k.end);
        let mut next_start = None;
        let mut blocked = false;
        for k in overlapping {
            if k.start <= candidate.start {
                blocked = true;
            }
            next_start = Some(next_start.map_or(k.start, |s: usize| s.min(k.start)));
        }
        if let Some(next_start) = next_start {
            if blocked || candidate.kind != FindingKind::CallToAction {
                continue;
            }
            // Cut the phrase short before the stronger finding, at a word's end.
            let trimmed = text.get(candidate.start..next_start).unwrap_or_default().trim_end();
            if trimmed.chars().count() < 2 {
                continue;
            }
            candidate.end = candidate.start + trimmed.len();
        }
        kept.push(candidate);
    }
    if let Some(chosen) = kept.get_mut(first..) {
        sort::sort_by_key(chosen, |c| c.start);
    }
}

/// A message's rule, platform, whether it was disguised, and host.
type MessageKey<'c> = (usize, Option<usize>, bool, Option<&'c str>);

/// What the findings of one check share, rendered or copied once: messages by (rule, platform,
/// obfuscated, host), rule ids and sources by rule, platform ids by platform.
#[derive(Default)]
pub(crate) struct Shared<'c> {
    messages: FastMap<MessageKey<'c>, Arc<str>>,
    /// By rule index.
    rules: Vec<Option<(Arc<str>, Arc<str>)>>,
    /// By platform index.
    platforms: Vec<Option<Arc<str>>>,
}

/// Slot `index` of `cache`, grown to hold it.
fn slot<T>(cache: &mut Vec<Option<T>>, index: usize) -> Option<&mut Option<T>> {
    if cache.len() <= index {
        cache.resize_with(index + 1, || None);
    }
    cache.get_mut(index)
}

/// The finding a kept candidate becomes: its verdict on `surface`, its message in `lang`.
pub(crate) fn finding<'c>(
    index: &LinkIndex,
    candidate: &'c Candidate,
    matched: &str,
    (start, end): (usize, usize),
    surface: Surface,
    lang: Lang,
    shared: &mut Shared<'c>,
) -> Option<Finding> {
    let platform = candidate.platform.and_then(|p| index.platforms.get(p));
    let mut rule_index = candidate.rule;
    // A call to action is no stricter than linking the platform it names would be on this
    // surface ("beli di Tokopedia" in Indonesia, "follow me on Instagram" in a bio): cite the
    // platform's rule then, since it is the one that decides.
    if candidate.kind == FindingKind::CallToAction
        && let (Some(platform), Some(own)) = (platform, index.rules.get(candidate.rule))
        && index
            .rules
            .get(platform.rule)
            .is_some_and(|p| p.verdict_on(surface) < own.verdict_on(surface))
    {
        rule_index = platform.rule;
    }
    let rule = index.rules.get(rule_index)?;
    let key = (rule_index, candidate.platform, candidate.obfuscated, candidate.host.as_deref());
    let message = shared
        .messages
        .entry(key)
        .or_insert_with(|| {
            let category = platform.map(|p| {
                i18n::render(lang, &format!("category.{}", category_key(p.category)), &[])
            });
            let surface_name = i18n::render(lang, &format!("surface.{}", surface.as_str()), &[]);
            let args = [
                ("platform", platform.map_or("", |p| p.name.as_str())),
                ("host", candidate.host.as_deref().unwrap_or_default()),
                ("category", category.as_deref().unwrap_or_default()),
                ("surface", surface_name.as_str()),
            ];
            let mut message = i18n::render_rule(lang, &rule.meta, None, &args);
            if candidate.obfuscated {
                message.push(' ');
                message.push_str(&i18n::render(lang, "links.disguised", &[]));
            }
            message.into()
        })
        .clone();
    let (rule_id, source) = slot(&mut shared.rules, rule_index)?
        .get_or_insert_with(|| (rule.meta.id.as_str().into(), rule.meta.source.as_str().into()))
        .clone();
    let platform_id = match (candidate.platform, platform) {
        (Some(i), Some(p)) => Some(
            slot(&mut shared.platforms, i)?.get_or_insert_with(|| p.id.as_str().into()).clone(),
        ),
        _ => None,
    };
    Some(Finding {
        rule_id,
        kind: candidate.kind,
        verdict: rule.verdict_on(surface),
        start,
        end,
        matched: matched.to_owned(),
        host: candidate.host.clone(),
        platform: platform_id,
        obfuscated: candidate.obfuscated,
        message,
        source,
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
        let units = text.get(start..end).unwrap_or_default().encode_utf16().count();
        out.extend(std::iter::repeat_n("•", units));
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
