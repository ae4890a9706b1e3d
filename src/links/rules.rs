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
use super::text::{is_alphabetic, is_alphanumeric, is_cjk_or_thai, is_space};
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
            // A call to order elsewhere before a pointer or a DM over the same words ("link
            // shopee ada di bio": a Shopee link is the pointer's target).
            FindingKind::CallToAction => 3,
            FindingKind::DirectMessage | FindingKind::Pointer => 4,
            FindingKind::Mention => 5,
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

/// A suggestion as a clause and as a name.
type Suggested = (Option<Arc<str>>, Option<Arc<str>>);

/// What the findings of one rule share: its id, its source and its suggestion.
type RuleShared = (Arc<str>, Arc<str>, Suggested);

/// Findings that say what the seller wants (to order, to be messaged, to be paid), whose
/// suggestion is a whole clause; the others (links, handles, numbers, names) are replaced by a
/// name inside the seller's sentence.
fn says_what_is_wanted(kind: FindingKind) -> bool {
    matches!(
        kind,
        FindingKind::CallToAction
            | FindingKind::DirectMessage
            | FindingKind::Pointer
            | FindingKind::Payment
    )
}

/// A message's rule, platform, whether it was disguised, and host.
type MessageKey<'c> = (usize, Option<usize>, bool, Option<&'c str>);

/// What the findings of one check share, rendered or copied once: messages by (rule, platform,
/// obfuscated, host), rule ids and sources by rule, platform ids by platform.
#[derive(Default)]
pub(crate) struct Shared<'c> {
    messages: FastMap<MessageKey<'c>, Arc<str>>,
    /// By rule index: id, source, and the suggestion as a clause and as a name.
    rules: Vec<Option<RuleShared>>,
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
    let (rule_id, source, (clause, name)) = slot(&mut shared.rules, rule_index)?
        .get_or_insert_with(|| {
            let wording = index
                .rule_suggestions
                .get(rule_index)
                .copied()
                .flatten()
                .and_then(|s| index.suggestions.get(s))
                .map(|s| s.on(surface));
            let forms = (
                wording.and_then(|w| w.clause(lang)).map(Arc::from),
                wording.and_then(|w| w.name(lang)).map(Arc::from),
            );
            (rule.meta.id.as_str().into(), rule.meta.source.as_str().into(), forms)
        })
        .clone();
    let verdict = rule.verdict_on(surface);
    let platform_id = match (candidate.platform, platform) {
        (Some(i), Some(p)) => Some(
            slot(&mut shared.platforms, i)?.get_or_insert_with(|| p.id.as_str().into()).clone(),
        ),
        _ => None,
    };
    Some(Finding {
        rule_id,
        kind: candidate.kind,
        verdict,
        start,
        end,
        matched: matched.to_owned(),
        host: candidate.host.clone(),
        platform: platform_id,
        obfuscated: candidate.obfuscated,
        message,
        source,
        suggestion: if verdict == Verdict::Allow {
            None
        } else if says_what_is_wanted(candidate.kind) {
            clause.clone()
        } else {
            name
        },
        suggestion_clause: clause.filter(|_| verdict != Verdict::Allow),
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

/// The text with every blocked or reviewed span replaced by its suggestion. Findings that sit
/// next to each other in one clause ("order via" + "WA 0812…", "LINE: @toko / 0812…") are one
/// thing the seller said, so they become one suggestion: the one of the call to action, direct
/// message, pointer or payment among them (what the seller wanted), else of the strictest.
/// With `whole_clauses`, each replacement takes in the rest of its clause too ("paylah me then
/// self collect" → one suggestion), for texts whose leftover words would still point elsewhere.
/// `spans` are byte spans of the findings, in text order.
pub fn suggested_text<'f>(
    text: &str,
    spans: impl Iterator<Item = (usize, usize, &'f Finding)>,
    whole_clauses: bool,
) -> String {
    // (start, end, the finding that speaks for the group, whether it is a whole clause)
    let mut groups: Vec<(usize, usize, &Finding, bool)> = Vec::new();
    for (mut start, mut end, finding) in spans {
        if finding.suggestion.is_none() {
            continue;
        }
        // An emoji's variation selector, keycap or skin tone goes with it ("✈️").
        end += text
            .get(end..)
            .unwrap_or_default()
            .chars()
            .take_while(|c| {
                matches!(
                    c,
                    '\u{fe0e}' | '\u{fe0f}' | '\u{200d}' | '\u{20e3}' | '\u{1f3fb}'..='\u{1f3ff}'
                )
            })
            .map(char::len_utf8)
            .sum::<usize>();
        // What the seller wants (to be paid, messaged, ordered from elsewhere) is said by the
        // whole clause around the words found ("bisa bayar di luar aplikasi aja"), so the
        // clause goes. So does a span cut out of a run of Chinese or Thai letters, which are
        // written without spaces: it would leave half words behind ("加" + … + "下单").
        let glued = |c: Option<char>| c.is_some_and(is_cjk_or_thai);
        let clause = whole_clauses
            || says_what_is_wanted(finding.kind)
            || glued(text.get(..start).and_then(|t| t.chars().next_back()))
            || glued(text.get(end..).and_then(|t| t.chars().next()));
        if clause {
            (start, end) = clause_around(text, start, end);
        }
        if let Some((_, group_end, chosen, whole)) = groups.last_mut()
            && (start <= *group_end || one_clause(text.get(*group_end..start).unwrap_or_default()))
        {
            *group_end = end.max(*group_end);
            *whole |= clause;
            if speaks_for(finding, chosen) {
                *chosen = finding;
            }
            continue;
        }
        groups.push((start, end, finding, clause));
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut last: Option<&str> = None;
    for (start, end, chosen, whole) in groups {
        let before = text.get(copied..start).unwrap_or_default();
        // A whole clause is replaced by a clause (so is a call to action), and so is a link,
        // handle or number that stands alone; one inside the seller's sentence by a name.
        let whole = whole || clause_around(text, start, end) == (start, end);
        let suggestion = if whole { &chosen.suggestion_clause } else { &chosen.suggestion };
        let suggestion = suggestion.as_deref().unwrap_or_default();
        // "Pay at checkout, pay at checkout 🤫": the same suggestion twice in a row, once.
        if last == Some(suggestion) && before.chars().all(|c| is_space(c) || ends_clause(c)) {
            copied = end;
            continue;
        }
        out.push_str(before);
        let sentence_start =
            text.get(..start).unwrap_or_default().trim_end().chars().next_back().is_none_or(|c| {
                matches!(c, '.' | '!' | '?' | '\n' | '。' | '！' | '？') || is_symbol(c)
            });
        // A word of Latin letters or digits must not run into the suggestion ("lazada那边卖RM89").
        let spaced = |a: Option<char>, b: Option<char>| {
            a.zip(b).is_some_and(|(a, b)| {
                is_alphanumeric(a)
                    && is_alphanumeric(b)
                    && !(is_cjk_or_thai(a) && is_cjk_or_thai(b))
            })
        };
        let mut chars = suggestion.chars();
        if spaced(out.chars().next_back(), suggestion.chars().next()) {
            out.push(' ');
        }
        match chars.next() {
            Some(first) if sentence_start && first.is_ascii_lowercase() => {
                out.push(first.to_ascii_uppercase());
                out.push_str(chars.as_str());
            }
            _ => out.push_str(suggestion),
        }
        if spaced(suggestion.chars().next_back(), text.get(end..).and_then(|t| t.chars().next())) {
            out.push(' ');
        }
        last = Some(suggestion);
        copied = end;
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    out
}

/// The clause `start..end` lies in: back to just after the previous clause end, forward to
/// just before the next, without the white space at either end.
fn clause_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    // "1,480" and "v2.0" go on; ", " and ". " end the clause.
    let ends_at = |i: usize, c: char| {
        ends_clause(c)
            && (!matches!(c, '.' | ',')
                || text.get(i + 1..).is_none_or(|r| r.is_empty() || r.starts_with(is_space)))
    };
    let from = text
        .get(..start)
        .unwrap_or_default()
        .char_indices()
        .rev()
        .find(|&(i, c)| ends_at(i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = text
        .get(end..)
        .unwrap_or_default()
        .char_indices()
        .find(|&(i, c)| ends_at(end + i, c))
        .map_or(text.len(), |(i, _)| end + i);
    let clause = text.get(from..to).unwrap_or_default();
    let lead = clause.len() - clause.trim_start().len();
    (from + lead, from + clause.trim_end().len())
}

/// Characters that end a clause: sentence and clause punctuation, separators, emoji and other
/// symbols.
fn ends_clause(c: char) -> bool {
    matches!(
        c,
        '\n' | '.'
            | '!'
            | '?'
            | ';'
            | ','
            | '|'
            | '•'
            | '·'
            | '。'
            | '！'
            | '？'
            | '；'
            | '，'
            | '、'
    ) || is_symbol(c)
}

/// Emoji, arrows, dingbats and other pictographs (not letters, digits or CJK punctuation).
fn is_symbol(c: char) -> bool {
    c >= '\u{2190}'
        && !is_alphanumeric(c)
        && !('\u{3000}'..='\u{303f}').contains(&c)
        && !('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// Whether `finding` says what the seller wants better than `chosen`: an intent (a call to
/// action, a direct message, a pointer, a payment) over a name or a contact, else the stricter.
fn speaks_for(finding: &Finding, chosen: &Finding) -> bool {
    match (says_what_is_wanted(finding.kind), says_what_is_wanted(chosen.kind)) {
        (true, false) => true,
        (false, true) | (true, true) => false,
        (false, false) => finding.verdict > chosen.verdict,
    }
}

/// Whether the text between two findings joins them into one thing said: a few characters of
/// punctuation or a connecting word or two ("atau", "or", "/", ": "), no sentence end.
fn one_clause(gap: &str) -> bool {
    gap.chars().count() <= 16
        && !gap.contains(['.', '!', '?', '\n', ';', '。', '！', '？', '；'])
        && gap.split_whitespace().filter(|w| w.chars().any(is_alphabetic)).count() <= 2
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
