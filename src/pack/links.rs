//! The links section: which off-platform references exist, and what each surface does with them.
//!
//! It is all data so a region (or a caller's overlay) can change a verdict, add a platform or a
//! phrase without a release: the rules with their verdicts per surface, the platform catalog
//! matched by domain suffix, the TLDs that make a bare `name.tld` a link, the telephone numbering
//! plans, and the call-to-action phrases in each language.

use super::rule::RuleMeta;
use crate::decode::{Decoder, Path, int, word};
use crate::report::Verdict;
use crate::value::Value;

/// Where a text is posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Surface {
    /// The profile bio.
    Bio,
    /// A video caption.
    Video,
    /// A LIVE comment or title.
    Live,
    /// A comment.
    Comment,
    /// A product title or description.
    Product,
    /// A customer-service chat message.
    Chat,
}

impl Surface {
    /// Every surface, in contract order.
    pub const ALL: [Surface; 6] = [
        Surface::Bio,
        Surface::Video,
        Surface::Live,
        Surface::Comment,
        Surface::Product,
        Surface::Chat,
    ];

    /// The names used in JS.
    pub const NAMES: &'static [(&'static str, Surface)] = &[
        ("bio", Surface::Bio),
        ("video", Surface::Video),
        ("live", Surface::Live),
        ("comment", Surface::Comment),
        ("product", Surface::Product),
        ("chat", Surface::Chat),
    ];

    /// The JS name.
    pub fn as_str(self) -> &'static str {
        match self {
            Surface::Bio => "bio",
            Surface::Video => "video",
            Surface::Live => "live",
            Surface::Comment => "comment",
            Surface::Product => "product",
            Surface::Chat => "chat",
        }
    }
}

/// A link rule: a verdict, optionally different on some surfaces.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkRule {
    /// Id and citation.
    pub meta: RuleMeta,
    /// The verdict on surfaces without an override.
    pub verdict: Verdict,
    /// Per-surface overrides.
    pub surfaces: Vec<(Surface, Verdict)>,
}

impl LinkRule {
    /// The verdict on `surface`.
    pub fn verdict_on(&self, surface: Surface) -> Verdict {
        self.surfaces.iter().find(|(s, _)| *s == surface).map_or(self.verdict, |(_, v)| *v)
    }
}

/// Kinds of platform in the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// Another marketplace or shop (Shopee, Lazada, …).
    Ecommerce,
    /// A messenger (WhatsApp, LINE, Zalo, …).
    Messenger,
    /// A social network (Instagram, Facebook, …).
    Social,
    /// A link-in-bio page (Linktree, …).
    LinkInBio,
    /// A URL shortener (bit.ly, …): where it leads is hidden.
    Shortener,
    /// TikTok's own hosts.
    Tiktok,
}

impl Category {
    /// The names used in packs.
    pub const NAMES: &'static [(&'static str, Category)] = &[
        ("ecommerce", Category::Ecommerce),
        ("messenger", Category::Messenger),
        ("social", Category::Social),
        ("link_in_bio", Category::LinkInBio),
        ("shortener", Category::Shortener),
        ("tiktok", Category::Tiktok),
    ];
}

/// The default rule for a category.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryRule {
    /// The category.
    pub category: Category,
    /// The id of the rule its platforms fall under unless a platform names its own.
    pub rule: String,
}

/// A platform in the catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct Platform {
    /// Catalog id, quoted in findings as `platform`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Its category.
    pub category: Category,
    /// Registrable domains; a host matches when it equals one or ends with `.` + one.
    pub domains: Vec<String>,
    /// Names people write for it ("WA", "虾皮"), used for handles and calls to action.
    pub aliases: Vec<String>,
    /// A rule that replaces the category's rule for this platform.
    pub rule: Option<String>,
}

/// A national telephone numbering plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PhonePlan {
    /// The region it belongs to (`ID`, `CN`, …).
    pub region: String,
    /// The E.164 country calling code, digits only.
    pub country_code: String,
    /// The national trunk prefix (`0`), or empty where there is none.
    pub trunk_prefix: String,
    /// First digits of the national significant number that mark a mobile number.
    pub leading_digits: Vec<String>,
    /// Shortest national significant number.
    pub min_length: u8,
    /// Longest national significant number.
    pub max_length: u8,
}

/// The telephone section: citation plus the plans.
#[derive(Debug, Clone, PartialEq)]
pub struct PhonePlans {
    /// Id and citation.
    pub meta: RuleMeta,
    /// The plans.
    pub plans: Vec<PhonePlan>,
}

/// A group of call-to-action phrases that share a rule.
#[derive(Debug, Clone, PartialEq)]
pub struct CallToAction {
    /// Group id, e.g. `order_elsewhere`.
    pub id: String,
    /// The rule a match falls under.
    pub rule: String,
    /// Phrases by language code (`en`, `id`, `ms`, `th`, `vi`, `zh`). A phrase may contain the
    /// slots `{ecommerce}`, `{messenger}`, `{social}` or `{platform}`, which stand for any alias
    /// of a catalog platform of that category (any category for `{platform}`).
    pub phrases: Vec<(String, Vec<String>)>,
}

/// The whole links section.
#[derive(Debug, Clone, PartialEq)]
pub struct LinksPolicy {
    /// Every link rule.
    pub rules: Vec<LinkRule>,
    /// Default rule per category.
    pub categories: Vec<CategoryRule>,
    /// The platform catalog.
    pub catalog: Vec<Platform>,
    /// TLDs that make a bare host without scheme a link.
    pub known_tlds: Vec<String>,
    /// Telephone numbering plans.
    pub phone: PhonePlans,
    /// Call-to-action phrase groups.
    pub calls_to_action: Vec<CallToAction>,
    /// A note for maintainers.
    pub note: Option<String>,
}

/// Rule ids the links checker reports under for findings that are not catalog platforms.
pub const FIXED_RULES: [&str; 5] = [
    "links.other_link",
    "links.email",
    "links.phone",
    "links.messenger_handle",
    "links.social_handle",
];

/// Verdict names.
pub const VERDICTS: &[(&str, Verdict)] =
    &[("allow", Verdict::Allow), ("review", Verdict::Review), ("block", Verdict::Block)];

/// Languages call-to-action phrases may be written in.
pub const PHRASE_LANGS: [&str; 6] = ["en", "id", "ms", "th", "vi", "zh"];

/// The slots a phrase may contain.
pub const PHRASE_SLOTS: [&str; 4] = ["{ecommerce}", "{messenger}", "{social}", "{platform}"];

impl LinksPolicy {
    pub(crate) fn read(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<LinksPolicy> {
        let mut o = d.object(v, path)?;
        let rules = o.req(d, path, "rules", |d, v, p| d.list(v, p, read_rule));
        let categories = o.req(d, path, "categories", |d, v, p| d.list(v, p, read_category));
        let catalog = o.req(d, path, "catalog", |d, v, p| d.list(v, p, read_platform));
        let known_tlds = o.req(d, path, "knownTlds", |d, v, p| d.list(v, p, read_label));
        let phone = o.req(d, path, "phone", read_phone);
        let calls_to_action = o.req(d, path, "callsToAction", |d, v, p| d.list(v, p, read_cta));
        let note = o.opt(d, path, "note", Decoder::string);
        o.finish(d, path);
        Some(LinksPolicy {
            rules: rules?,
            categories: categories?,
            catalog: catalog?,
            known_tlds: known_tlds?,
            phone: phone?,
            calls_to_action: calls_to_action?,
            note: note.map(str::to_owned),
        })
    }

    /// The rule with `id`.
    pub fn rule(&self, id: &str) -> Option<&LinkRule> {
        self.rules.iter().find(|r| r.meta.id == id)
    }
}

fn read_rule(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<LinkRule> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    let verdict = o.req(d, path, "verdict", word(VERDICTS));
    let surfaces = o.opt(d, path, "surfaces", read_surface_verdicts).unwrap_or_default();
    o.finish(d, path);
    Some(LinkRule { meta: meta?, verdict: verdict?, surfaces })
}

fn read_surface_verdicts(
    d: &mut Decoder,
    v: &Value,
    path: &Path<'_>,
) -> Option<Vec<(Surface, Verdict)>> {
    let mut o = d.object(v, path)?;
    let mut out = Vec::new();
    for (name, surface) in Surface::NAMES {
        if let Some(verdict) = o.opt(d, path, name, word(VERDICTS)) {
            out.push((*surface, verdict));
        }
    }
    o.finish(d, path);
    Some(out)
}

fn read_category(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<CategoryRule> {
    let mut o = d.object(v, path)?;
    let category = o.req(d, path, "id", word(Category::NAMES));
    let rule = o.req(d, path, "rule", Decoder::text);
    o.finish(d, path);
    Some(CategoryRule { category: category?, rule: rule?.to_owned() })
}

fn read_platform(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<Platform> {
    let mut o = d.object(v, path)?;
    let id = o.req(d, path, "id", Decoder::text);
    let name = o.req(d, path, "name", Decoder::text);
    let category = o.req(d, path, "category", word(Category::NAMES));
    let domains = o.req(d, path, "domains", |d, v, p| d.list(v, p, read_domain));
    let aliases = o.req(d, path, "aliases", |d, v, p| d.list(v, p, read_alias));
    let rule = o.opt(d, path, "rule", Decoder::text);
    o.finish(d, path);
    Some(Platform {
        id: id?.to_owned(),
        name: name?.to_owned(),
        category: category?,
        domains: domains?,
        aliases: aliases?,
        rule: rule.map(str::to_owned),
    })
}

/// A lowercase host name: labels of `a-z 0-9 -`, at least two of them.
fn read_domain(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<String> {
    let s = d.string(v, path)?;
    let labels: Vec<&str> = s.split('.').collect();
    let ok = labels.len() >= 2 && labels.iter().all(|l| is_label(l));
    if !ok {
        d.report(
            crate::error::ErrorCode::InvalidInput,
            path,
            format!("\"{s}\" is not a lowercase domain name such as \"shopee.co.id\""),
        );
        return None;
    }
    Some(s.to_owned())
}

/// A single lowercase DNS label.
fn read_label(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<String> {
    let s = d.string(v, path)?;
    if !is_label(s) || s.bytes().all(|b| b.is_ascii_digit()) {
        d.report(
            crate::error::ErrorCode::InvalidInput,
            path,
            format!("\"{s}\" is not a lowercase top-level domain such as \"com\""),
        );
        return None;
    }
    Some(s.to_owned())
}

fn is_label(label: &str) -> bool {
    (1..=63).contains(&label.len())
        && label.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

/// An alias: lowercase text people write for a platform.
fn read_alias(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<String> {
    let s = d.text(v, path)?;
    if s.bytes().any(|b| b.is_ascii_uppercase()) || s.trim() != s {
        d.report(
            crate::error::ErrorCode::InvalidInput,
            path,
            format!("alias \"{s}\" must be lowercase with no leading or trailing spaces"),
        );
        return None;
    }
    Some(s.to_owned())
}

fn read_phone(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<PhonePlans> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    let plans = o.req(d, path, "plans", |d, v, p| d.list(v, p, read_plan));
    o.finish(d, path);
    Some(PhonePlans { meta: meta?, plans: plans? })
}

fn digits(d: &mut Decoder, v: &Value, path: &Path<'_>, min: usize, max: usize) -> Option<String> {
    let s = d.string(v, path)?;
    if !(min..=max).contains(&s.len()) || !s.bytes().all(|b| b.is_ascii_digit()) {
        d.report(
            crate::error::ErrorCode::InvalidInput,
            path,
            format!("expected {min} to {max} digits, got \"{s}\""),
        );
        return None;
    }
    Some(s.to_owned())
}

fn read_plan(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<PhonePlan> {
    let mut o = d.object(v, path)?;
    let region = o.req(d, path, "region", super::read_region);
    let country_code = o.req(d, path, "countryCode", |d, v, p| digits(d, v, p, 1, 3));
    let trunk_prefix = o.req(d, path, "trunkPrefix", |d, v, p| digits(d, v, p, 0, 2));
    let leading_digits =
        o.req(d, path, "leadingDigits", |d, v, p| d.list(v, p, |d, v, p| digits(d, v, p, 1, 4)));
    let min_length = o.req(d, path, "minLength", int(4, 15));
    let max_length = o.req(d, path, "maxLength", int(4, 15));
    o.finish(d, path);
    let (min_length, max_length) = (min_length?, max_length?);
    if min_length > max_length {
        d.report(
            crate::error::ErrorCode::InvalidInput,
            &path.key("minLength"),
            format!("minLength {min_length} is greater than maxLength {max_length}"),
        );
        return None;
    }
    Some(PhonePlan {
        region: region?,
        country_code: country_code?,
        trunk_prefix: trunk_prefix?,
        leading_digits: leading_digits?,
        min_length: min_length as u8,
        max_length: max_length as u8,
    })
}

fn read_cta(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<CallToAction> {
    let mut o = d.object(v, path)?;
    let id = o.req(d, path, "id", Decoder::text);
    let rule = o.req(d, path, "rule", Decoder::text);
    let phrases = o.req(d, path, "phrases", read_phrases);
    o.finish(d, path);
    Some(CallToAction { id: id?.to_owned(), rule: rule?.to_owned(), phrases: phrases? })
}

fn read_phrases(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<Vec<(String, Vec<String>)>> {
    let mut o = d.object(v, path)?;
    let mut out = Vec::new();
    let mut ok = true;
    for lang in PHRASE_LANGS {
        if let Some(list) = o.opt(d, path, lang, |d, v, p| d.list(v, p, read_phrase)) {
            out.push((lang.to_owned(), list));
        } else if o.has(lang) {
            ok = false;
        }
    }
    o.finish(d, path);
    ok.then_some(out)
}

fn read_phrase(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<String> {
    let s = d.text(v, path)?;
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let tail = rest.get(open..).unwrap_or_default();
        let Some(slot) = PHRASE_SLOTS.iter().find(|slot| tail.starts_with(**slot)) else {
            d.report(
                crate::error::ErrorCode::InvalidInput,
                path,
                format!(
                    "phrase \"{s}\" has an unknown slot; the slots are {}",
                    crate::i18n::join(&PHRASE_SLOTS, ", ")
                ),
            );
            return None;
        };
        rest = tail.get(slot.len()..).unwrap_or_default();
    }
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        d.report(
            crate::error::ErrorCode::InvalidInput,
            path,
            format!("phrase \"{s}\" must be lowercase"),
        );
        return None;
    }
    Some(s.to_owned())
}
