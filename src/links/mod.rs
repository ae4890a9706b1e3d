//! Link rules: may this caption, bio, LIVE comment, product text or chat message contain this
//! link, phone number, e-mail, messenger handle or call to action?
//!
//! TikTok Shop bans sending buyers to other platforms to buy or to contact the seller (seed 001
//! and the redirecting-traffic pages in POLICY-NOTES.md). A seller runs this on every text they
//! write, so it has to be precise (prices, sizes, versions and order numbers are not links or
//! phones), see through disguises (`shopee(.)co(.)id`, `ｓｈｏｐｅｅ`, look-alike letters,
//! punycode), and explain every finding with its rule and source.
//!
//! The pipeline, one file each: [`scanner`] finds link-, e-mail- and phone-shaped spans,
//! [`normalizer`] decodes punycode hosts, [`classifier`] (compiled once per region from the
//! pack) names platforms and rules, [`phrases`] finds calls to action and messenger names, and
//! [`rules`] resolves overlaps and turns candidates into findings with verdicts per surface.
//! Everything is a single left-to-right pass: linear in the text.
//!
//! ```
//! use shop_policy::{Engine, Today, Value};
//!
//! let engine = Engine::builtin();
//! let input = Value::parse_json(r#"{ "text": "Beli di shopee(.)co(.)id ya kak", "surface": "video", "region": "ID" }"#)?;
//! let report = engine.check_links(&input, Today::Required)?;
//! assert_eq!(report.verdict.as_str(), "block");
//! let finding = &report.findings[1];
//! assert_eq!((finding.matched.as_str(), finding.platform.as_deref(), finding.obfuscated), ("shopee(.)co(.)id", Some("shopee"), true));
//! # Ok::<(), shop_policy::Error>(())
//! ```

pub mod classifier;
pub mod digits;
mod fold_table;
pub mod handles;
pub mod names;
pub mod normalizer;
pub mod phrases;
pub mod rules;
pub mod scanner;
pub mod signals;
pub mod text;
mod trie;
pub mod words;

use crate::decode::{Decoder, Path, word};
use crate::engine::{CallContext, Engine, RegionPolicy, Today};
use crate::error::Error;
use crate::i18n::Lang;
use crate::pack::{Category, Surface};
use crate::report::{Finding, FindingKind, PolicyRef, SourceRef, Verdict};
use crate::value::Value;
use classifier::LinkIndex;
use phrases::Scratch;
use rules::Candidate;
use scanner::Disguise;
use serde::Serialize;
use signals::{Mention, What};
use text::{Folded, Utf16Cursor, char_at, char_before, fold, is_cjk_or_thai};

/// The arguments of `checkLinks`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinksInput<'v> {
    /// Region and language (links checks are not dated).
    pub call: CallContext,
    /// The text to check.
    pub text: &'v str,
    /// Where it will be posted.
    pub surface: Surface,
}

impl<'v> LinksInput<'v> {
    /// Reads `{ text, surface, region, lang? }`; unknown fields are rejected.
    pub fn decode(input: &'v Value<'v>) -> Result<LinksInput<'v>, Error> {
        let mut d = Decoder::new();
        let root = Path::Root;
        let parsed = d.object(input, &root).and_then(|mut o| {
            let text = o.req(&mut d, &root, "text", Decoder::string);
            let surface = o.req(&mut d, &root, "surface", word(Surface::NAMES));
            let call = CallContext::read(&mut d, &mut o, false);
            o.finish(&mut d, &root);
            Some(LinksInput { call: call?, text: text?, surface: surface? })
        });
        d.finish(parsed)
    }
}

/// What `checkLinks` answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinksReport {
    /// The strictest verdict of the findings; `allow` when there are none.
    pub verdict: Verdict,
    /// What was found, sorted by position, never overlapping.
    pub findings: Vec<Finding>,
    /// The text with every blocked span masked (`•` per UTF-16 code unit, so offsets still
    /// line up).
    pub redacted: String,
    /// The text with every blocked or reviewed span replaced by what to write instead (each
    /// finding's `suggestion`; neighbouring findings of one clause become one): it checks as
    /// `allow`. The text itself when nothing needs replacing.
    #[serde(rename = "suggestedText")]
    pub suggested_text: String,
    /// The sources the findings cite, each once, with title, publisher, date and whether
    /// official.
    pub sources: Vec<SourceRef>,
    /// The policy it was judged under.
    pub policy: PolicyRef,
}

impl Engine {
    /// `checkLinks`: reads the arguments, then [`check_links`] with the region's policy.
    pub fn check_links(&self, input: &Value<'_>, _today: Today) -> Result<LinksReport, Error> {
        let input = LinksInput::decode(input)?;
        let policy = self.region(&input.call.region)?;
        Ok(check_links(policy, input.text, input.surface, input.call.lang))
    }
}

/// Checks `text` for `surface` under a region's policy.
pub fn check_links(policy: &RegionPolicy, text: &str, surface: Surface, lang: Lang) -> LinksReport {
    let (kept, LinksResult { verdict, findings, suggested_text }) =
        judge_text(policy, text, surface, lang);
    let blocked = kept
        .iter()
        .zip(&findings)
        .filter(|(_, f)| f.verdict == Verdict::Block)
        .map(|(c, _)| (c.start, c.end));
    let redacted = rules::redact(text, blocked);
    LinksReport {
        sources: cited_sources(policy, &findings),
        verdict,
        findings,
        redacted,
        suggested_text: suggested_text.unwrap_or_else(|| text.to_owned()),
        policy: PolicyRef::of(&policy.pack),
    }
}

/// The arguments of `checkLinksBatch`: many texts for one surface, such as a column of a
/// catalog export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinksBatchInput<'v> {
    /// Region and language.
    pub call: CallContext,
    /// The texts, in order.
    pub texts: Vec<&'v str>,
    /// Where they will be posted.
    pub surface: Surface,
}

impl<'v> LinksBatchInput<'v> {
    /// Reads `{ texts, surface, region, lang? }`; unknown fields are rejected.
    pub fn decode(input: &'v Value<'v>) -> Result<LinksBatchInput<'v>, Error> {
        let mut d = Decoder::new();
        let root = Path::Root;
        let parsed = d.object(input, &root).and_then(|mut o| {
            let texts = o.req(&mut d, &root, "texts", |d, v, p| d.list(v, p, Decoder::string));
            let surface = o.req(&mut d, &root, "surface", word(Surface::NAMES));
            let call = CallContext::read(&mut d, &mut o, false);
            o.finish(&mut d, &root);
            Some(LinksBatchInput { call: call?, texts: texts?, surface: surface? })
        });
        d.finish(parsed)
    }
}

/// What `checkLinks` answers for one text of a batch: the verdict, the findings and what to
/// write instead. The policy and sources come once for the batch, and the texts the caller
/// already has are not sent back: no masked copy, and the suggested text only where something
/// was replaced (a catalog of 20 MB would otherwise cross the boundary twice more).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinksResult {
    /// The strictest verdict of the findings; `allow` when there are none.
    pub verdict: Verdict,
    /// What was found, sorted by position, never overlapping.
    pub findings: Vec<Finding>,
    /// The text with every blocked or reviewed span replaced by what to write instead; `None`
    /// (absent) when the text is allowed as it is.
    #[serde(rename = "suggestedText", skip_serializing_if = "Option::is_none")]
    pub suggested_text: Option<String>,
}

/// What `checkLinksBatch` answers: one result per text, in order, and the sources and policy
/// once. One call for a whole column: a catalog does not pay the boundary once per cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinksBatchReport {
    /// The strictest verdict of all the texts.
    pub verdict: Verdict,
    /// One per text, in the order given.
    pub results: Vec<LinksResult>,
    /// The sources any finding cites, each once.
    pub sources: Vec<SourceRef>,
    /// The policy it was judged under.
    pub policy: PolicyRef,
}

impl Engine {
    /// `checkLinksBatch`: reads the arguments, then [`check_links`] on every text.
    pub fn check_links_batch(
        &self,
        input: &Value<'_>,
        _today: Today,
    ) -> Result<LinksBatchReport, Error> {
        let input = LinksBatchInput::decode(input)?;
        let policy = self.region(&input.call.region)?;
        let results: Vec<LinksResult> = input
            .texts
            .iter()
            .map(|text| judge_text(policy, text, input.surface, input.call.lang).1)
            .collect();
        let findings = results.iter().flat_map(|r| &r.findings);
        let mut cited: Vec<&str> = Vec::new();
        for finding in findings {
            if !cited.contains(&&*finding.source) {
                cited.push(&finding.source);
            }
        }
        Ok(LinksBatchReport {
            verdict: results.iter().map(|r| r.verdict).max().unwrap_or(Verdict::Allow),
            sources: SourceRef::list(&policy.pack, cited),
            results,
            policy: PolicyRef::of(&policy.pack),
        })
    }
}

/// One text judged: verdict, findings and, where needed, what to write instead; with the kept
/// candidates (byte spans) for the masked copy of a single check.
fn judge_text(
    policy: &RegionPolicy,
    text: &str,
    surface: Surface,
    lang: Lang,
) -> (Vec<Candidate>, LinksResult) {
    let (kept, findings) = judge(policy, text, surface, lang);
    let verdict = rules::overall(&findings);
    let suggested_text =
        (verdict != Verdict::Allow).then(|| suggest(policy, text, surface, lang, &kept, &findings));
    (kept, LinksResult { verdict, findings, suggested_text })
}

/// The sources `findings` cite, each once, described from the pack.
fn cited_sources(policy: &RegionPolicy, findings: &[Finding]) -> Vec<SourceRef> {
    // Findings of one rule share its source: comparing pointers keeps a dense text cheap.
    let mut cited: Vec<&std::sync::Arc<str>> = Vec::new();
    for finding in findings {
        if !cited.iter().any(|s| std::sync::Arc::ptr_eq(s, &finding.source)) {
            cited.push(&finding.source);
        }
    }
    SourceRef::list(&policy.pack, cited.iter().map(|s| &***s))
}

/// The kept candidates (byte spans) and the findings they become.
fn judge(
    policy: &RegionPolicy,
    text: &str,
    surface: Surface,
    lang: Lang,
) -> (Vec<Candidate>, Vec<Finding>) {
    let index = &policy.links;
    let mut found = candidates(index, text);
    if !index.allow.is_empty() {
        let allowed = allowed_spans(text, &index.allow);
        found.retain(|c| !allowed.iter().any(|&(start, end)| start <= c.start && c.end <= end));
    }
    let kept = rules::resolve_overlaps(text, found);
    let mut cursor = Utf16Cursor::new(text);
    let mut shared = rules::Shared::default();
    let findings = kept
        .iter()
        .filter_map(|c| {
            let span = (cursor.to_utf16(c.start), cursor.to_utf16(c.end));
            rules::finding(index, c, text.get(c.start..c.end)?, span, surface, lang, &mut shared)
        })
        .collect();
    (kept, findings)
}

/// Where the pack's allowed phrases occur in `text` (byte spans), matched without regard to
/// ASCII case: what lies inside one is no finding.
fn allowed_spans(text: &str, allow: &[String]) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for phrase in allow.iter().map(String::as_bytes).filter(|p| !p.is_empty()) {
        let mut at = 0;
        while at + phrase.len() <= bytes.len() {
            let end = at + phrase.len();
            let here = bytes.get(at..end).is_some_and(|w| w.eq_ignore_ascii_case(phrase));
            if here && text.is_char_boundary(at) && text.is_char_boundary(end) {
                out.push((at, end));
                at = end;
            } else {
                at += 1;
            }
        }
    }
    out
}

/// What to write instead of `text`, which checks as `allow`: each finding's span replaced by
/// its suggestion where that reads as allowed; else each whole clause that holds a finding
/// (the words around a disguised contact can still point elsewhere); else the suggestions
/// alone, one per line; else the first suggestion, which is allowed on its own.
fn suggest(
    policy: &RegionPolicy,
    text: &str,
    surface: Surface,
    lang: Lang,
    kept: &[Candidate],
    findings: &[Finding],
) -> String {
    let spans = || kept.iter().zip(findings).map(|(c, f)| (c.start, c.end, f));
    // Only the lines a replacement changed can have become anything else: a catalog description
    // of 2 KB with one bad line is checked again on that line only.
    let allowed = |candidate: &str| {
        let lines = (text.matches('\n').count() == candidate.matches('\n').count()).then(|| {
            let changed = candidate.split('\n').zip(text.split('\n')).filter(|(a, b)| a != b);
            changed.map(|(line, _)| line).collect::<Vec<&str>>().join("\n")
        });
        let again = lines.as_deref().unwrap_or(candidate);
        rules::overall(&judge(policy, again, surface, lang).1) == Verdict::Allow
    };
    let in_place = rules::suggested_text(text, spans(), false);
    if allowed(&in_place) {
        return in_place;
    }
    let clauses = rules::suggested_text(text, spans(), true);
    if allowed(&clauses) {
        return clauses;
    }
    let mut lines: Vec<&str> = Vec::new();
    for suggestion in findings.iter().filter_map(|f| f.suggestion_clause.as_deref()) {
        if !lines.contains(&suggestion) {
            lines.push(suggestion);
        }
    }
    let alone = lines.join("\n");
    // Each suggestion is allowed on its own (a test checks every one on every surface).
    if lines.len() > 1 && !allowed(&alone) {
        return lines.first().map(|s| (*s).to_owned()).unwrap_or_default();
    }
    alone
}

/// Words that say the number after them is a phone (used where a bare number is ambiguous).
const PHONE_WORDS: &[&str] = &[
    "tel",
    "telp",
    "hp",
    "phone",
    "call",
    "call me",
    "call us",
    "text",
    "text me",
    "text us",
    "ring",
    "ring me",
    "sms",
    "hotline",
    "helpline",
    "call center",
    "call centre",
    "toll free",
    "toll-free",
    "hubungi",
    "nomor",
    "no hp",
    "nombor",
    "no tel",
    "wa",
    "whatsapp",
    "line",
    "zalo",
    "viber",
    "sdt",
    "dt",
    "hotline bao hanh",
    "goi",
    "电话",
    "电话号码",
    "手机",
    "手机号",
    "手机号码",
    "联系电话",
    "热线",
    "客服",
    "来电",
    "致电",
    "โทร",
    "สายด่วน",
    "คอลเซ็นเตอร์",
    "เบอร์",
    "เบอร์โทร",
];

/// A platform's domain spelled out one character at a time, with its path: "s h o p e e . c o
/// . t h / maycloset", "s h p . e e / 4AbC9xQ", "s.h.o.p.e.e . vn / linhdam_store". Read from a
/// single letter at `pos`: single characters and dots with spaces between them, then a `/` and
/// the path. Counts only as a catalog platform's own domain (every other spaced run is prose or
/// a name, read elsewhere).
fn spaced_domain(index: &LinkIndex, text: &str, pos: usize) -> Option<Candidate> {
    let bytes = text.as_bytes();
    let mut host = String::new();
    let mut at = pos;
    let mut spaced = false;
    let mut singles = 0;
    // The host: one letter, digit or dot at a time; no longer than a domain's label and
    // suffix (a paste of spaced letters is read 40 characters at each letter, not to its end).
    while let Some(&b) = bytes.get(at) {
        if host.len() > 40 {
            return None;
        }
        let single =
            b.is_ascii_alphanumeric() && !bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric);
        if single {
            host.push(char::from(b.to_ascii_lowercase()));
            singles += 1;
        } else if b == b'.' {
            host.push('.');
        } else {
            break;
        }
        at += 1;
        let gap = bytes.get(at..).map_or(0, |rest| rest.iter().take_while(|&&c| c == b' ').count());
        if gap > 2 {
            break;
        }
        spaced |= gap > 0;
        at += gap;
        // A multi-letter word after a dot ends the spelling ("s h o p e e . vn").
        if host.ends_with('.') && bytes.get(at).is_some_and(u8::is_ascii_alphabetic) {
            let word = bytes.get(at..)?.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
            if word > 1 {
                host.push_str(&text.get(at..at + word)?.to_ascii_lowercase());
                at += word;
                break;
            }
        }
    }
    let host = host.trim_matches('.').to_owned();
    if !spaced || singles < 4 || !host.contains('.') || host.contains("..") {
        return None;
    }
    let (host, platform) = match index.platform_of(&host) {
        Some(platform) => (host, platform),
        None => {
            let collapsed = one_letter_labels_joined(&host);
            let platform = index.platform_of(&collapsed)?;
            (collapsed, platform)
        }
    };
    let entry = index.platforms.get(platform)?;
    // The path, if any: "/ maycloset".
    let mut end = at;
    while bytes.get(end) == Some(&b' ') {
        end += 1;
    }
    if bytes.get(end) == Some(&b'/') {
        end += 1;
        while bytes.get(end) == Some(&b' ') {
            end += 1;
        }
        let path = bytes
            .get(end..)?
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.'))
            .count();
        end += path;
    } else {
        end = at;
    }
    let end = text.get(..end)?.trim_end().len();
    Some(Candidate {
        start: pos,
        end,
        kind: if entry.category == Category::Shortener {
            FindingKind::Shortener
        } else {
            FindingKind::Url
        },
        rule: entry.rule,
        host: Some(host),
        platform: Some(platform),
        obfuscated: true,
    })
}

/// `host` with each run of one-letter labels made one label: dots between single letters may
/// disguise the name itself ("s.h.o.p.e.e.vn" is shopee.vn).
fn one_letter_labels_joined(host: &str) -> String {
    let mut labels: Vec<String> = Vec::new();
    let mut previous_single = false;
    for label in host.split('.') {
        let single = label.len() == 1;
        match labels.last_mut() {
            Some(last) if single && previous_single => last.push_str(label),
            _ => labels.push(label.to_owned()),
        }
        previous_single = single;
    }
    labels.join(".")
}

/// Whether the letter at `pos` continues a run spelled one character at a time ("s h o p e e",
/// "a. b. c."): [`spaced_domain`] reads each such run once, from its first letter.
fn inside_spelled_run(bytes: &[u8], pos: usize) -> bool {
    let before = bytes.get(..pos).unwrap_or_default();
    let trimmed = before.len() - before.iter().rev().take_while(|&&b| b == b' ').count();
    let Some(&previous) = before.get(..trimmed).and_then(<[u8]>::last) else { return false };
    previous == b'.'
        || (previous.is_ascii_alphanumeric()
            && !trimmed
                .checked_sub(2)
                .and_then(|i| before.get(i))
                .is_some_and(u8::is_ascii_alphanumeric))
}

/// What follows a marketplace's name that is also a word in a shopping hashtag.
const SHOPPING_TAGS: &[&str] = &[
    "finds",
    "find",
    "haul",
    "musthaves",
    "musthave",
    "deals",
    "deal",
    "sale",
    "faves",
    "favorites",
];

/// A marketplace named at the start or the end of the hashtag whose word starts at `start`
/// ("#shopeefinds", "#racunshopee", "#lazadavn"): a mention, as the plain name would be.
fn hashtag_name(index: &LinkIndex, text: &str, start: usize) -> Option<Mention> {
    let len =
        text.get(start..)?.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(text.len() - start);
    let tag = text.get(start..start + len)?.to_ascii_lowercase();
    let (name, platform, _) = index
        .hashtag_names
        .iter()
        .filter(|(name, _, ambiguous)| {
            if *ambiguous {
                tag.strip_prefix(name.as_str()).is_some_and(|rest| SHOPPING_TAGS.contains(&rest))
            } else {
                tag.len() > name.len()
                    && (tag.starts_with(name.as_str()) || tag.ends_with(name.as_str()))
            }
        })
        .max_by_key(|(name, _, _)| name.len())?;
    let name_start = if tag.starts_with(name.as_str()) { start } else { start + len - name.len() };
    Some(Mention {
        start: name_start,
        end: name_start + name.len(),
        what: What::Name(index.platforms.get(*platform)?.category),
        platform: Some(*platform),
        obfuscated: false,
        ambiguous: false,
    })
}

/// Every reading of every span: one left-to-right pass collecting candidates and mentions,
/// then the signals over the mentions.
fn candidates(index: &LinkIndex, text: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut mentions = Vec::new();
    // Where in `out` the phrases found directly are ("nhắn zalo"): a warning may excuse them.
    let mut direct = Vec::new();
    let mut scratch = Scratch::default();
    let mut run = digits::NumberRun::empty();
    // No number is read again before this (inside a long run of digit words already read).
    let mut numbers_from = 0;
    // No scheme-less host starts before this (inside a chain of too many labels).
    let mut hosts_from = 0;
    // In a script without spaces, no cue word or call to action starts inside the one just
    // read: the longest match is the word ("ในไบโอ|นะ" holds no "โอน", to transfer).
    let mut phrases_from = 0;
    // No name starts inside a name spelled out over several words ("s h o p e e"): each of its
    // letters tried again made such a paste six times slower.
    let mut names_from = 0;
    // The span of the last TikTok wording or ordinary word read (a mask): cues inside it are none.
    let mut last_mask: Option<(usize, usize)> = None;
    let mut clauses = signals::Clauses::new(text);
    let mut pos = 0;
    let bytes = text.as_bytes();
    // Most texts have no `://` at all: then no word needs the scheme test.
    let schemes = crate::bytes::contains(text, b"://");
    while let Some(&byte) = bytes.get(pos) {
        // Fast paths. Nothing starts at ASCII white space or at punctuation other than these
        // (`$` and `!` may stand for letters of a name: "$hopee"; `//` begins a link).
        let protocol_relative = byte == b'/' && bytes.get(pos + 1) == Some(&b'/');
        if byte < 0x80
            && !byte.is_ascii_alphanumeric()
            && !matches!(byte, b'@' | b'[' | b'(' | b'+' | b'$' | b'!' | b'|')
            && !protocol_relative
        {
            if byte == b'#'
                && let Some(mention) = hashtag_name(index, text, pos + 1)
            {
                mentions.push(mention);
            }
            pos += 1;
            continue;
        }
        let Some(c) = char_at(text, pos) else { break };
        let width = c.len_utf8();
        // In scripts without spaces every character could start a phrase; only those that
        // begin some phrase, platform name or digit word need a closer look.
        let cjk = is_cjk_or_thai(c);
        if cjk
            && !index.starts.char_starts(c)
            && !matches!(fold(c), Folded::Char(d, _) if d.is_ascii_digit())
        {
            pos += width;
            continue;
        }
        let folded = match fold(c) {
            Folded::Char(f, _) => f,
            Folded::Invisible | Folded::Mark => {
                pos += width;
                continue;
            }
        };
        if matches!(folded, '@' | '[' | '(' | '【')
            && let Some((run, disguised)) = scanner::email_at(text, pos, &index.host_words)
        {
            let end = run.end;
            out.push(Candidate {
                start: run.start,
                end: run.end,
                kind: FindingKind::Email,
                rule: index.fixed.email,
                host: Some(run.host()),
                platform: None,
                obfuscated: disguised || run.disguise != Disguise::None || run.folded,
            });
            pos = end;
            continue;
        }
        let word_start = !text::word_char_before(text, pos) || cjk;
        if word_start
            && byte.is_ascii_alphanumeric()
            && matches!(bytes.get(pos + 1), Some(b' ' | b'.'))
            && !inside_spelled_run(bytes, pos)
            && let Some(found) = spaced_domain(index, text, pos)
        {
            pos = found.end.max(pos + 1);
            out.push(found);
            continue;
        }
        if !word_start || text::is_space(folded) {
            pos += width;
            continue;
        }
        // What this word can start: read once, and most words start nothing.
        let word = (!cjk).then(|| words::read_word(text, pos));
        let can = match &word {
            Some(w) if w.end > pos => index.starts.flags(text, pos, w),
            _ => index.starts.char_flags(text, pos, folded),
        };
        // "mailto:toko@gmail.com", whole.
        if matches!(folded, 'm')
            && let Some(run) = scanner::mailto_at(text, pos, &index.host_words)
        {
            out.push(Candidate {
                start: run.start,
                end: run.end,
                kind: FindingKind::Email,
                rule: index.fixed.email,
                host: Some(run.host()),
                platform: None,
                obfuscated: run.folded,
            });
            pos = run.end;
            continue;
        }
        // "jennybakes🌀gmail🔘com": an address at a mail provider in symbols.
        if !text::word_char_before(text, pos)
            && matches!(byte | 0x20, b'g' | b'y' | b'h' | b'o' | b'i' | b'f')
            && let Some((start, end, host)) = scanner::symbol_email_at(text, pos)
        {
            out.push(Candidate {
                start,
                end,
                kind: FindingKind::Email,
                rule: index.fixed.email,
                host: Some(host),
                platform: None,
                obfuscated: true,
            });
            pos = end;
            continue;
        }
        // After an `@` it is a username ("IG @tokobaju.id"), not a host; an e-mail address is
        // found from its `@`.
        let host_first = folded.is_ascii_alphanumeric()
            || (folded == '/' && protocol_relative)
            || (!folded.is_ascii() && !cjk && text::is_alphabetic(folded));
        if host_first
            && word.is_none_or(|w| {
                schemes
                    || w.end == pos
                    || scanner::may_continue_host(text, w.end, &index.host_words, |tld| {
                        index.common_tld(tld)
                    })
            })
            && (!matches!(char_before(text, pos), Some('@' | '＠'))
                || scanner::scheme_at(text, pos))
            && let Some(link) = scanner::host_runs(
                text,
                pos,
                &index.host_words,
                schemes,
                &mut hosts_from,
                |tld, disguise, marked| index.plausible_tld(tld, disguise, marked),
                |run| link(index, text, run),
            )
        {
            pos = link.end;
            out.push(link);
            continue;
        }
        // "toko at gmail dot com", "rina a keong gmail titik com", "lily艾特gmail点com".
        if can & words::AT != 0
            && let Some((run, _)) = scanner::spelled_email_at(text, pos, &index.host_words)
        {
            out.push(Candidate {
                start: run.start,
                end: run.end,
                kind: FindingKind::Email,
                rule: index.fixed.email,
                host: Some(run.host()),
                platform: None,
                obfuscated: true,
            });
            pos = run.end;
            continue;
        }
        if pos >= numbers_from
            && (starts_number(c, folded, text, pos) || can & words::DIGIT != 0)
            && digits::read_into(text, pos, &index.digit_words, &mut run)
        {
            if let Some(skip_to) = number(index, text, pos, &run, &mut out, &mut mentions) {
                pos = skip_to.max(pos + width);
                continue;
            }
            numbers_from = run.next_start();
        }
        let mut name_begins_phrase = false;
        // Where a platform's name found here ends: a cue word that begins the name is part of
        // it ("ช้อป", shop, begins "ช้อปปี้", Shopee).
        let mut name_end = None;
        if can & words::NAME != 0
            && pos >= names_from
            && let Some(name) = index.phrases.names.longest(text, pos, &mut scratch.names)
            // A model number: "WX-1200", "VX-350".
            && !(text.as_bytes().get(name.end) == Some(&b'-')
                && text.as_bytes().get(name.end + 1).is_some_and(u8::is_ascii_digit))
            // Part of a TikTok @handle: "@ella_mae" names no e-wallet.
            && !inside_at_handle(text.as_bytes(), pos)
        {
            name_end = Some(name.end);
            if word.is_some_and(|w| w.end < name.end) {
                names_from = name.end;
            }
            name_begins_phrase =
                index.names_begin_phrases.iter().any(|c| c.is_none_or(|c| c == name.category));
            mentions.push(Mention {
                start: pos,
                end: name.end,
                what: What::Name(name.category),
                platform: Some(name.platform),
                obfuscated: name.obfuscated,
                ambiguous: name.ambiguous,
            });
            if let Some(handle) = handle(index, text, pos, c, &name, &mut scratch.names) {
                out.push(handle);
            }
        }
        if (can & words::PHRASE != 0 || name_begins_phrase)
            && pos >= phrases_from
            && !inside_token(text, pos)
            && let Some(phrase) = index.phrases.longest_phrase(
                text,
                pos,
                phrases::first_two(text, pos),
                name_begins_phrase,
                &mut scratch,
            )
            && !unit_after_number(text, pos, phrase.end)
        {
            if cjk {
                phrases_from = phrase.end;
            }
            // A cue inside TikTok's own wording or an ordinary word is neither ("kini di TikTok
            // Shop": the word "shop" is no call to buy; "etalase ada di profil": the showcase is
            // TikTok's, no pointer to a bio link).
            let own = last_mask.is_some_and(|(start, end)| {
                start <= pos && phrase.end <= end && (start < pos || phrase.end < end)
            });
            let in_name = name_end.is_some_and(|end| phrase.end < end);
            for &group in index.phrases.groups(&phrase) {
                if (own || in_name) && !index.masks.contains(&group) {
                    continue;
                }
                match index.cta_rules.get(group).copied().flatten() {
                    Some(_)
                        if signals::negated_before(
                            &mut clauses,
                            &mentions,
                            &index.negation,
                            pos,
                        ) => {}
                    Some(rule) => {
                        direct.push(out.len());
                        out.push(Candidate {
                            start: pos,
                            end: phrase.end,
                            kind: index
                                .cta_kinds
                                .get(group)
                                .copied()
                                .unwrap_or(FindingKind::CallToAction),
                            rule,
                            host: None,
                            platform: phrase.platform,
                            obfuscated: phrase.obfuscated,
                        });
                    }
                    None => {
                        // The widest recent one: a mask inside another does not narrow it.
                        if index.masks.contains(&group)
                            && last_mask.is_none_or(|(_, end)| phrase.end > end)
                        {
                            last_mask = Some((pos, phrase.end));
                        }
                        mentions.push(Mention {
                            start: pos,
                            end: phrase.end,
                            what: What::Cue(group),
                            platform: phrase.platform,
                            obfuscated: phrase.obfuscated,
                            ambiguous: false,
                        });
                    }
                }
            }
        }
        // No detector starts inside a word: go to its end (one character at a time only in
        // scripts written without spaces).
        pos = match word {
            Some(w) if w.end > pos => w.end,
            _ if text::is_word_char(c) && !cjk => word_end(text, pos + width),
            _ => pos + width,
        };
    }
    // A platform's name inside TikTok's own wording is TikTok's ("ตะกร้าสีส้ม", the orange
    // basket, holds the word Thai sellers use for Shopee), and inside an ordinary word is no
    // name ("ออนไลน์", online, holds "ไลน์", LINE).
    // Masks by start, each with the farthest end of those starting before it: a name is inside
    // one when a mask starting at or before it reaches its end (a search per name, not a scan of
    // every mask: a pasted export holds thousands of both).
    let mut own: Vec<(usize, usize)> = mentions
        .iter()
        .filter(|m| matches!(m.what, What::Cue(g) if index.masks.contains(&g)))
        .map(|m| (m.start, m.end))
        .collect();
    crate::sort::sort_by_key(&mut own, |&(start, _)| start);
    let mut reach = 0;
    for mask in &mut own {
        reach = reach.max(mask.1);
        mask.1 = reach;
    }
    mentions.retain(|m| {
        let before = own.partition_point(|&(start, _)| start <= m.start);
        !matches!(m.what, What::Name(_))
            || before.checked_sub(1).and_then(|i| own.get(i)).is_none_or(|&(_, end)| m.end > end)
    });
    // "ai nhắn zalo tự xưng là shop … là lừa đảo": a call found directly, in a sentence that
    // warns of it, is no more a finding than the same call read from its words.
    let warnings = &index.warnings;
    if !direct.is_empty()
        && mentions.iter().any(|m| matches!(m.what, What::Cue(g) if warnings.groups.contains(&g)))
    {
        let mut excused = vec![false; out.len()];
        for &i in &direct {
            if let Some(c) = out.get(i).filter(|c| warnings.rules.contains(&c.rule))
                && signals::warned(
                    &mut clauses,
                    &mentions,
                    &index.negation,
                    &warnings.groups,
                    c.start,
                    c.end,
                )
                && let Some(flag) = excused.get_mut(i)
            {
                *flag = true;
            }
        }
        let mut flags = excused.into_iter();
        out.retain(|_| !flags.next().unwrap_or(false));
    }
    signals::evaluate(&index.signals, &index.negation, &mut clauses, &mentions, &mut out);
    out
}

/// Whether `pos` is inside an `@handle` (after its `@`, its letters, digits, `_` and `.`).
fn inside_at_handle(bytes: &[u8], pos: usize) -> bool {
    let before = bytes.get(..pos).unwrap_or_default();
    let id = before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.'))
        .count();
    id > 0 && before.len() > id && before.get(before.len() - id - 1) == Some(&b'@')
}

/// Whether the word at `pos` continues a token glued by punctuation ("file.pm", "path:to",
/// "a/b"): no cue word starts there.
fn inside_token(text: &str, pos: usize) -> bool {
    matches!(
        char_before(text, pos),
        Some('.' | ':' | '/' | '_' | '-' | '@' | '#' | '=' | '&' | '?')
    ) && char_before(text, pos - 1).is_some_and(|c| !c.is_whitespace())
}

/// A word of one or two Latin letters right after a number is its unit ("8 PM", "5 kg", "2 tf"
/// in a list of sizes), not a cue word.
fn unit_after_number(text: &str, start: usize, end: usize) -> bool {
    let word = text.get(start..end).unwrap_or_default();
    let before = text.get(..start).unwrap_or_default().trim_end_matches([' ', '\u{A0}']);
    word.len() <= 2
        && word.bytes().all(|b| b.is_ascii_alphabetic())
        && before.ends_with(|c: char| c.is_ascii_digit())
}

/// The end of the word that continues at byte `pos`.
fn word_end(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(pos) {
        if b.is_ascii_alphanumeric() {
            pos += 1;
        } else if b < 0x80 {
            break;
        } else {
            match char_at(text, pos) {
                Some(c) if text::is_word_char(c) && !is_cjk_or_thai(c) => pos += c.len_utf8(),
                _ => break,
            }
        }
    }
    pos
}

/// A number run at `pos`: a telephone number (a candidate), or a number as long as an account
/// number (a mention for the signals). Returns where to go on, or `None` to let the word
/// detectors look at `pos` (a run that began with a word may still begin a phrase: "二维码").
fn number(
    index: &LinkIndex,
    text: &str,
    pos: usize,
    run: &digits::NumberRun,
    out: &mut Vec<Candidate>,
    mentions: &mut Vec<Mention>,
) -> Option<usize> {
    // Where to go on: after the run, unless it began with a word (which may still begin a
    // phrase) or is one digit glued to letters ("5hopee": a name's first letter).
    let go_on = || {
        let began_with_word = run.groups().first().is_none_or(|g| g.start <= pos) && run.spelled;
        let glued_name = run.groups().len() == 1 && digits::glued_after(text, run.end);
        (!began_with_word && !glued_name).then_some(run.end)
    };
    // Most runs are a word or a price: too short for a telephone number, so nothing around
    // them needs a look.
    // A phone found: the finding, and where to go on.
    let mut found = |phone: classifier::PhoneSpan, obfuscated: bool| {
        out.push(Candidate {
            start: phone.start,
            end: phone.end,
            kind: FindingKind::Phone,
            rule: index.fixed.phone,
            host: None,
            platform: None,
            obfuscated,
        });
        Some(phone.end)
    };
    let digits = run.digits_of(0, run.groups().len()).len();
    // Four to six digits are a number only after a phone word ("Call Center 1789").
    if digits < 7 && (digits < 4 || !phone_word_before(text, run.start)) {
        // "4 angka depannya 0878, sisanya 5521 0936": a number given in two parts.
        return match index.split_phone(text, run) {
            Some(phone) => found(phone, true),
            None => go_on(),
        };
    }
    if digits::sale_days(run) {
        return go_on();
    }
    let money = digits::money_or_reference_before(text, run.start);
    let phone =
        (!money).then(|| index.phone_in(text, run, phone_word_before(text, run.start))).flatten();
    if let Some(phone) = phone {
        return found(phone, run.obfuscated || run.spelled);
    }
    if (8..=20).contains(&digits) && !run.too_long && !digits::glued_after(text, run.end) && !money
    {
        mentions.push(Mention {
            start: run.start,
            end: run.end,
            what: What::Cue(index.account_number),
            platform: None,
            obfuscated: run.obfuscated,
            ambiguous: false,
        });
    }
    go_on()
}

/// The handle written with a name at `pos` ("WA 0812…", "IG @toko", "@toko di IG", "Shopee:
/// toko_official", "Venmo @lily"), as a candidate under the rule for the name's category.
fn handle<'t>(
    index: &LinkIndex,
    text: &'t str,
    pos: usize,
    c: char,
    name: &names::NameMatch,
    scratch: &mut names::NameScratch<'t>,
) -> Option<Candidate> {
    let (kind, rule) = match name.category {
        Category::Messenger => (FindingKind::Messenger, index.fixed.messenger_handle),
        Category::Social => (FindingKind::SocialHandle, index.fixed.social_handle),
        Category::Ecommerce => {
            (FindingKind::CallToAction, index.platforms.get(name.platform)?.rule)
        }
        Category::Payment => (FindingKind::Payment, index.platforms.get(name.platform)?.rule),
        _ => return None,
    };
    let cjk = is_cjk_or_thai(c);
    let strict = name.ambiguous;
    let (start, end) =
        match handles::handle_after(text, name.end, cjk, strict, &index.digit_words, |run| {
            index.phone_in(text, run, true)
        }) {
            Some(end) => (pos, end),
            None => (handles::handle_before(text, pos)?, name.end),
        };
    // A list of networks is no account id: "支持微信、WhatsApp、Facebook消息提醒".
    if end > name.end {
        let gap = text.get(name.end..end)?;
        let id_start = end - gap.trim_start_matches(|c: char| !text::is_alphanumeric(c)).len();
        if index.phrases.names.longest(text, id_start, scratch).is_some_and(|n| n.end >= end) {
            return None;
        }
    }
    // The handle itself may be the disguised part ("微信 ａｂｃ＿１２３"; a fullwidth colon
    // before it is only Chinese punctuation).
    let disguised = text.get(start..end).is_some_and(|handle| {
        !handle.is_ascii()
            && handle.chars().any(|c| match fold(c) {
                Folded::Char(f, true) => f.is_ascii_alphanumeric(),
                folded => folded == Folded::Invisible,
            })
    });
    Some(Candidate {
        start,
        end,
        kind,
        rule,
        host: None,
        platform: Some(name.platform),
        obfuscated: name.obfuscated || disguised,
    })
}

/// Whether a number run may start at `pos` (whose character `c` folds to `folded`): a digit of
/// any kind, `+`, `(`, or a letter standing for a digit before a digit. (Digit words are told
/// by the word dispatch.)
fn starts_number(c: char, folded: char, text: &str, pos: usize) -> bool {
    folded.is_ascii_digit()
        || matches!(folded, '+' | '(')
        || text::enclosed_number(c).is_some()
        || (matches!(folded, 'o' | 'l' | 'i')
            && char_at(text, pos + c.len_utf8())
                .is_some_and(|n| matches!(fold(n), Folded::Char(d, _) if d.is_ascii_digit())))
}

/// Whether a phone word ends just before `pos` (spaces and a colon between are fine).
fn phone_word_before(text: &str, pos: usize) -> bool {
    let head =
        text.get(..pos).unwrap_or_default().trim_end_matches([' ', ':', '：', '.', '\u{A0}']);
    handles::word_before(text, head.len(), PHONE_WORDS).is_some()
}

/// Top-level domains that are also short English words a sentence goes on with ("so cute.my
/// baby", "love.it so much", "check.in today").
const WORD_TLDS: &[&str] =
    &["my", "me", "in", "is", "it", "at", "to", "no", "so", "do", "us", "am", "be", "by", "as"];

/// Whether a bare `word.tld` is a sentence missing the space after its full stop rather than a
/// host (or a title before a name, "Mr.DIY"): two labels of lowercase letters, the first a short word (at most 7 letters; shops'
/// names are rarely that short) and the second a short English word ([`WORD_TLDS`]), and the
/// sentence goes on after a space with a lowercase word. A shop's site written at the end of a
/// line, as `www.kedai.my` or `kedai.com.my` still counts.
fn missing_space(text: &str, run: &scanner::HostRun, labels: &[String]) -> bool {
    let [name, tld] = labels else { return false };
    // A title before a name: "Mr.DIY", "Dr.Care" (shops and brands, not hosts).
    if !run.has_path
        && run.scheme.is_none()
        && matches!(name.as_str(), "mr" | "mrs" | "ms" | "dr" | "st" | "prof")
    {
        return true;
    }
    let written = text.get(run.start..run.end).unwrap_or_default();
    let next_word = text.get(run.end..).unwrap_or_default().strip_prefix(' ');
    !run.has_path
        && WORD_TLDS.contains(&tld.as_str())
        && written.bytes().all(|b| b.is_ascii_lowercase() || b == b'.')
        && (2..=7).contains(&name.len())
        && next_word.and_then(|w| w.chars().next()).is_some_and(|c| {
            c.is_ascii_lowercase()
                || (!c.is_ascii() && text::is_alphabetic(c) && !text::is_capital(c))
        })
}

/// A host run, judged: is it a link, which platform, which rule, which kind.
fn link(index: &LinkIndex, text: &str, run: scanner::HostRun) -> Option<Candidate> {
    let hxxp = run.scheme.as_deref().is_some_and(|s| s.starts_with("hxxp"));
    // A scheme without a host: an app link (`whatsapp://…`) names its platform by its scheme;
    // any other (`file:///…`, `upi://…`) is a link of unknown kind.
    if let Some(scheme) =
        run.scheme.as_deref().filter(|s| run.labels.first().map(String::as_str) == Some(*s))
        && run.labels.len() == 1
        && !run.ip
    {
        let name = index.phrases.names.longest(scheme, 0, &mut Default::default());
        let platform = name.filter(|n| n.end == scheme.len()).map(|n| n.platform);
        let rule = match platform.and_then(|p| index.platforms.get(p)) {
            Some(entry) => entry.rule,
            None => index.fixed.other_link,
        };
        return Some(Candidate {
            start: run.start,
            end: run.end,
            kind: FindingKind::Url,
            rule,
            host: Some(scheme.to_owned()),
            platform,
            obfuscated: false,
        });
    }
    let decoded_labels = normalizer::normalize_labels(&run.labels);
    let (labels, decoded) = match &decoded_labels {
        Some(labels) => (labels.as_slice(), true),
        None => (run.labels.as_slice(), false),
    };
    let mut host = crate::i18n::join(labels, ".");
    let tld = labels.last()?;
    // After a scheme any host counts (`http://localhost`, an IP address); without one the last
    // label must be a top-level domain of letters.
    let with_scheme = run.scheme.is_some() || run.ip;
    let tld_ok = (tld.chars().count() >= 2 && tld.chars().all(text::is_alphabetic))
        || tld.starts_with("xn--");
    if !with_scheme && !tld_ok {
        return None;
    }
    // "s.h.o.p.e.e dot com dot my": the name spelled out with dots between its letters.
    if index.platform_of(&host).is_none() && labels.iter().filter(|l| l.len() == 1).count() >= 3 {
        let joined = one_letter_labels_joined(&host);
        if index.platform_of(&joined).is_some() {
            host = joined;
        }
    }
    // "sh0pee.ph", "l4zada.co.id": a digit written for a letter in a platform's domain.
    let direct = index.platform_of(&host);
    let folded_host = direct.is_none().then(|| normalizer::leet_host(&host)).flatten();
    let leet_platform = folded_host.and_then(|folded| index.platform_of(&folded));
    let platform = direct.or(leet_platform);
    let leet = leet_platform.is_some();
    let www = labels.first().is_some_and(|l| l == "www");
    // Without a scheme, a host in another alphabet counts when its top-level domain is in that
    // alphabet too ("президент.рф", "ร้าน.คอม") or it is a catalog platform in disguise; a word
    // with diacritics before ".com" is not a link ("üñîçøðé.com").
    if !with_scheme && labels.iter().any(|l| !l.is_ascii()) && tld.is_ascii() && platform.is_none()
    {
        return None;
    }
    // Spaced or spelled-out dots also occur in prose ("polka dot wa.me/…"): such a host counts
    // only if it is a platform's own domain, or ends in a common top-level domain after a word
    // for "dot" ("rinahijab titik com") or before a path ("brightnest . com / support"); not
    // every top-level domain a platform uses ("polka dot one" is a dress).
    let is_link = match run.disguise {
        Disguise::None | Disguise::Marked => {
            with_scheme
                || www
                || platform.is_some()
                || (index.known_tld(tld) && !missing_space(text, &run, labels))
        }
        Disguise::Prose => {
            platform.is_some_and(|p| index.is_domain_of(&host, p))
                || ((run.spelled || (run.spaced && run.has_path))
                    && classifier::COMMON_TLDS.contains(&tld.as_str()))
        }
    };
    if !is_link {
        return None;
    }
    let entry = platform.and_then(|p| index.platforms.get(p));
    let kind = match entry.map(|e| e.category) {
        Some(Category::Shortener) => FindingKind::Shortener,
        _ if run.scheme.is_some() || www || run.has_path || run.ip => FindingKind::Url,
        _ => FindingKind::Domain,
    };
    Some(Candidate {
        start: run.start,
        end: run.end,
        kind,
        rule: entry.map_or(index.fixed.other_link, |e| e.rule),
        host: Some(host),
        platform,
        obfuscated: run.disguise != Disguise::None
            || run.folded
            || hxxp
            || leet
            || (decoded && platform.is_some()),
    })
}

#[cfg(test)]
mod tests;
