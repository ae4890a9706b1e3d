//! The links section: which off-platform references exist, and what each surface does with them.
//!
//! It is all data so a region (or a caller's overlay) can change a verdict, add a platform or a
//! phrase without a release: the rules with their verdicts per surface, the platform catalog
//! matched by domain suffix, the TLDs that make a bare `name.tld` a link, the telephone numbering
//! plans, and the call-to-action phrases in each language.

use super::rule::RuleMeta;
use crate::decode::{Decoder, Path, int, word};
use crate::i18n::LocalText;
use crate::report::{FindingKind, Verdict};
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
    /// An e-wallet, payment app or bank (GCash, DANA, PayPal, …).
    Payment,
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
        ("payment", Category::Payment),
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

/// Names a platform goes by in one language that are not its own brand: nicknames, short forms,
/// homophones ("toko oren" for Shopee in Indonesia, "绿泡泡" for WeChat), with where they were
/// seen.
#[derive(Debug, Clone, PartialEq)]
pub struct Nicknames {
    /// The language (`id`, `zh`, …).
    pub lang: String,
    /// The names, lowercase.
    pub names: Vec<String>,
    /// Where they were seen: a public page, or "observed usage".
    pub source: String,
    /// `false` for observed usage no page confirms.
    pub verified: bool,
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
    /// Nicknames by language, with their sources.
    pub nicknames: Vec<Nicknames>,
    /// Names (among the aliases and nicknames) that are also ordinary words ("line", "temu",
    /// "tele", "oren"): written plainly, they count only beside a cue word or a handle.
    pub ambiguous: Vec<String>,
    /// A rule that replaces the category's rule for this platform.
    pub rule: Option<String>,
}

impl Platform {
    /// Every name of the platform, with whether it is ambiguous.
    pub fn names(&self) -> impl Iterator<Item = (&str, bool)> {
        self.aliases
            .iter()
            .chain(self.nicknames.iter().flat_map(|n| &n.names))
            .map(|name| (name.as_str(), self.ambiguous.contains(name)))
    }
}

/// The kinds of number a numbering plan distinguishes (libphonenumber's number types).
pub const NUMBER_TYPES: &[&str] = &[
    "fixed",
    "mobile",
    "tollFree",
    "premium",
    "sharedCost",
    "personal",
    "voip",
    "pager",
    "uan",
    "voicemail",
];

/// Numbers of a plan that share their lengths: which national significant numbers exist.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberBlock {
    /// The kinds of number (indexes into [`NUMBER_TYPES`]).
    pub types: Vec<u8>,
    /// The lengths of the national significant number.
    pub lengths: Vec<u8>,
    /// The digit prefixes such numbers start with (an empty prefix: any), sorted.
    pub prefixes: Vec<String>,
    /// Bit `n` set: some prefix has `n` digits (so [`NumberBlock::fits`] looks up a number's
    /// first `n` digits, rather than testing every prefix: plans list up to 250).
    prefix_lengths: u8,
    /// Bit `n` set: `n` is one of `lengths` (every candidate number is tested against every
    /// block of every plan).
    length_bits: u32,
}

impl NumberBlock {
    /// A block of `types`, `lengths` and `prefixes` (each up to six digits).
    pub fn new(types: Vec<u8>, lengths: Vec<u8>, mut prefixes: Vec<String>) -> NumberBlock {
        crate::sort::sort(&mut prefixes);
        prefixes.dedup();
        let prefix_lengths = prefixes.iter().fold(0u8, |bits, p| bits | 1 << p.len().min(7));
        let length_bits = lengths.iter().fold(0u32, |bits, &n| bits | 1 << n.min(31));
        NumberBlock { types, lengths, prefixes, prefix_lengths, length_bits }
    }

    /// Whether `national` (digits of a national significant number) is in this block.
    pub fn fits(&self, national: &str) -> bool {
        if national.len() > 31 || self.length_bits & 1 << national.len() == 0 {
            return false;
        }
        let mut lengths = self.prefix_lengths;
        while lengths != 0 {
            let n = lengths.trailing_zeros() as usize;
            lengths &= lengths - 1;
            let found = national.get(..n).is_some_and(|head| {
                self.prefixes.binary_search_by(|p| p.as_str().cmp(head)).is_ok()
            });
            if found {
                return true;
            }
        }
        false
    }

    /// Whether the block holds mobile numbers.
    pub fn is_mobile(&self) -> bool {
        self.types.contains(&1)
    }

    /// Whether the block holds service numbers (toll-free, premium, shared-cost, UAN), which
    /// many plans write without the trunk prefix.
    pub fn is_service(&self) -> bool {
        self.types.iter().any(|t| matches!(t, 2 | 3 | 4 | 8))
    }
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
    /// Whether national numbers are written as often without the trunk prefix as with it
    /// (North America: "1 800 …" and "800 …").
    pub trunk_optional: bool,
    /// Whether mobile numbers are written without the trunk prefix that landlines take (China:
    /// "139 1234 5678", "010 1234 5678").
    pub mobile_without_trunk: bool,
    /// First digits of one-digit area codes, written as a group of their own after the trunk
    /// prefix ("03-2385 6789" in Kuala Lumpur).
    pub short_area_codes: String,
    /// The numbers that exist, by lengths.
    pub numbers: Vec<NumberBlock>,
}

impl PhonePlan {
    /// The blocks `national` (a national significant number) is in: the plan's number types
    /// overlap ("18…" is a Malaysian mobile or toll-free prefix).
    pub fn blocks_of<'p>(&'p self, national: &'p str) -> impl Iterator<Item = &'p NumberBlock> {
        self.numbers.iter().filter(move |b| b.fits(national))
    }

    /// Whether `national` is in some block.
    pub fn has(&self, national: &str) -> bool {
        self.blocks_of(national).next().is_some()
    }
}

/// The telephone section: citation plus the plans.
#[derive(Debug, Clone, PartialEq)]
pub struct PhonePlans {
    /// Id and citation.
    pub meta: RuleMeta,
    /// The plans.
    pub plans: Vec<PhonePlan>,
}

/// Number words: how people spell digits out to slip a phone number past a filter ("nol
/// delapan satu dua…", "không chín…", "零八一二…").
#[derive(Debug, Clone, PartialEq)]
pub struct DigitWords {
    /// Id and citation.
    pub meta: RuleMeta,
    /// `(word, digit)`, lowercase; 10 and 11 stand for "twice" and "three times" the next digit
    /// ("double three"), 12 for "tens" ("sáu mươi hai": 62), 13 for "hundred" (two zeros: "seven
    /// seven hundred", 7700, as British numbers are read out).
    pub words: Vec<(String, u8)>,
}

/// What a finding from a phrase group or a signal is, beyond links, contacts and numbers.
pub const PHRASE_KINDS: &[(&str, FindingKind)] = &[
    ("call_to_action", FindingKind::CallToAction),
    ("direct_message", FindingKind::DirectMessage),
    ("pointer", FindingKind::Pointer),
    ("payment", FindingKind::Payment),
    ("mention", FindingKind::Mention),
    ("domain", FindingKind::Domain),
];

/// A group of phrases: a call to action that is a finding of its own (with a `rule`), or cue
/// words that [`Signal`]s combine with names and other cues (without one).
#[derive(Debug, Clone, PartialEq)]
pub struct CallToAction {
    /// Group id, e.g. `order_elsewhere`, `pay_words`.
    pub id: String,
    /// The rule a match falls under; `None` for cue words.
    pub rule: Option<String>,
    /// What a finding of the group is.
    pub kind: FindingKind,
    /// Phrases by language code (`en`, `id`, `ms`, `th`, `vi`, `zh`). A phrase may contain the
    /// slots `{ecommerce}`, `{messenger}`, `{social}` or `{platform}`, which stand for any alias
    /// of a catalog platform of that category (any category for `{platform}`).
    pub phrases: Vec<(String, Vec<String>)>,
}

/// The words people write for ".", "/" and "@" ("dot", "titik", "chấm", "点"; "slash", "xẹt";
/// "at", "a keong", "艾特"), in all languages together.
#[derive(Debug, Clone, PartialEq)]
pub struct HostWords {
    /// Id and citation.
    pub meta: RuleMeta,
    /// Words for ".".
    pub dot: Vec<String>,
    /// Words for "/".
    pub slash: Vec<String>,
    /// Words for "@".
    pub at: Vec<String>,
}

/// A combination of names and cue words in one clause that is a finding: "beli" near a
/// marketplace's name, a payment word near an account number, "DM" near "harga".
#[derive(Debug, Clone, PartialEq)]
pub struct Signal {
    /// Id, e.g. `order_elsewhere`.
    pub id: String,
    /// The rule a match falls under.
    pub rule: String,
    /// What a finding is.
    pub kind: FindingKind,
    /// What must occur together: the first is the anchor (a slot such as `{ecommerce}`, or a
    /// cue group), the others cue groups or slots within the anchor's clause.
    pub needs: Vec<String>,
    /// Cue groups that cancel it: `negation` just before the anchor; any other anywhere in the
    /// clause (the in-app checkout for payment words).
    pub unless: Vec<String>,
}

/// What to write instead of a finding: a compliant phrase that keeps the seller's intent (order,
/// ask, pay, follow) and sends the buyer to TikTok Shop's own basket, checkout or chat. One entry
/// covers the rules it satisfies; a surface may word it differently (a bio has a showcase, a chat
/// is already the place to talk). Never a disguise, a masked word or a "link in bio": TikTok
/// treats working around a rule as a violation of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// Id, e.g. `checkout`.
    pub id: String,
    /// The link rules whose findings it replaces.
    pub rules: Vec<String>,
    /// The wording on surfaces without their own.
    pub wording: Wording,
    /// Per-surface wordings.
    pub surfaces: Vec<(Surface, Wording)>,
}

/// A suggestion in its two forms: a clause that replaces what the seller said ("tap the yellow
/// basket to order" for "order on Shopee"), and a name that replaces only a link, handle or
/// number inside the seller's own sentence ("cek di keranjang kuning ya" for "cek di
/// shopee.co.id ya").
#[derive(Debug, Clone, PartialEq)]
pub struct Wording {
    /// The clause.
    pub text: LocalText,
    /// The name; the clause where the pack gives none.
    pub name: Option<LocalText>,
}

impl Suggestion {
    /// The wording for `surface`.
    pub fn on(&self, surface: Surface) -> &Wording {
        self.surfaces.iter().find(|(s, _)| *s == surface).map_or(&self.wording, |(_, w)| w)
    }
}

impl Wording {
    /// The clause in `lang` (English where the pack has no translation).
    pub fn clause(&self, lang: crate::i18n::Lang) -> Option<&str> {
        self.text.get(lang)
    }

    /// The name in `lang`, else the clause.
    pub fn name(&self, lang: crate::i18n::Lang) -> Option<&str> {
        self.name.as_ref().and_then(|n| n.get(lang)).or_else(|| self.clause(lang))
    }
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
    /// How ".", "/" and "@" are written out.
    pub host_words: HostWords,
    /// Telephone numbering plans.
    pub phone: PhonePlans,
    /// Digits spelled as words.
    pub digit_words: DigitWords,
    /// Phrase groups: calls to action and cue words.
    pub calls_to_action: Vec<CallToAction>,
    /// Combinations of names and cues that are findings.
    pub signals: Vec<Signal>,
    /// What to write instead, per rule.
    pub suggestions: Vec<Suggestion>,
    /// Phrases that are never findings, whatever they contain: a brand or a name that happens
    /// to hold a platform's name ("Wa Ode Batik", "Lazada Rumah Kue" as a shop's own name), set
    /// by a seller or an agency in their own rules. Lowercase; matched without regard to case.
    pub allow: Vec<String>,
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

/// Languages call-to-action phrases and other word lists may be written in (`tl`: Tagalog and
/// Taglish).
pub const PHRASE_LANGS: [&str; 7] = ["en", "id", "ms", "th", "tl", "vi", "zh"];

/// The slots a phrase or a signal may contain.
pub const PHRASE_SLOTS: [&str; 5] =
    ["{ecommerce}", "{messenger}", "{social}", "{payment}", "{platform}"];

impl LinksPolicy {
    pub(crate) fn read(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<LinksPolicy> {
        let mut o = d.object(v, path)?;
        let rules = o.req(d, path, "rules", |d, v, p| d.list(v, p, read_rule));
        let categories = o.req(d, path, "categories", |d, v, p| d.list(v, p, read_category));
        let catalog = o.req(d, path, "catalog", |d, v, p| d.list(v, p, read_platform));
        let known_tlds = o.req(d, path, "knownTlds", read_tlds);
        let host_words = o.req(d, path, "hostWords", read_host_words);
        let phone = o.req(d, path, "phone", read_phone);
        let digit_words = o.req(d, path, "digitWords", read_digit_words);
        let calls_to_action = o.req(d, path, "callsToAction", |d, v, p| d.list(v, p, read_cta));
        let signals =
            o.opt(d, path, "signals", |d, v, p| d.list(v, p, read_signal)).unwrap_or_default();
        let suggestions = o
            .opt(d, path, "suggestions", |d, v, p| d.list(v, p, read_suggestion))
            .unwrap_or_default();
        let allow = o.opt(d, path, "allow", |d, v, p| d.list(v, p, read_alias)).unwrap_or_default();
        let note = o.opt(d, path, "note", Decoder::string);
        o.finish(d, path);
        Some(LinksPolicy {
            rules: rules?,
            categories: categories?,
            catalog: catalog?,
            known_tlds: known_tlds?,
            host_words: host_words?,
            phone: phone?,
            digit_words: digit_words?,
            calls_to_action: calls_to_action?,
            signals,
            suggestions,
            allow,
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

fn read_suggestion(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<Suggestion> {
    let mut o = d.object(v, path)?;
    let id = o.req(d, path, "id", Decoder::text);
    let rules =
        o.req(d, path, "rules", |d, v, p| d.list(v, p, |d, v, p| d.text(v, p).map(str::to_owned)));
    let text = o.req(d, path, "text", LocalText::read);
    let name = o.opt(d, path, "name", LocalText::read);
    let surfaces = o
        .opt(d, path, "surfaces", |d, v, p| {
            let mut o = d.object(v, p)?;
            let mut out = Vec::new();
            for (key, surface) in Surface::NAMES {
                if let Some(wording) = o.opt(d, p, key, read_wording) {
                    out.push((*surface, wording));
                }
            }
            o.finish(d, p);
            Some(out)
        })
        .unwrap_or_default();
    o.finish(d, path);
    Some(Suggestion {
        id: id?.to_owned(),
        rules: rules?,
        wording: Wording { text: text?, name },
        surfaces,
    })
}

/// `{ text, name? }`: a surface's own wording.
fn read_wording(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<Wording> {
    let mut o = d.object(v, path)?;
    let text = o.req(d, path, "text", LocalText::read);
    let name = o.opt(d, path, "name", LocalText::read);
    o.finish(d, path);
    Some(Wording { text: text?, name })
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
    let nicknames =
        o.opt(d, path, "nicknames", |d, v, p| d.list(v, p, read_nicknames)).unwrap_or_default();
    let ambiguous =
        o.opt(d, path, "ambiguous", |d, v, p| d.list(v, p, read_alias)).unwrap_or_default();
    let rule = o.opt(d, path, "rule", Decoder::text);
    o.finish(d, path);
    let platform = Platform {
        id: id?.to_owned(),
        name: name?.to_owned(),
        category: category?,
        domains: domains?,
        aliases: aliases?,
        nicknames,
        ambiguous,
        rule: rule.map(str::to_owned),
    };
    for (i, word) in platform.ambiguous.iter().enumerate() {
        if !platform.names().any(|(name, _)| name == word) {
            d.report(
                crate::error::ErrorCode::UnknownReference,
                &path.key("ambiguous").index(i),
                format!("\"{word}\" is not one of the platform's aliases or nicknames"),
            );
        }
    }
    Some(platform)
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

/// The top-level domains: a list, or one string of names separated by spaces (compact).
fn read_tlds(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<Vec<String>> {
    if let Value::String(s) = v {
        let mut out = Vec::new();
        for name in s.split(' ').filter(|n| !n.is_empty()) {
            if !is_tld(name) {
                d.report(
                    crate::error::ErrorCode::InvalidInput,
                    path,
                    format!("\"{name}\" is not a lowercase top-level domain such as \"com\""),
                );
                return None;
            }
            out.push(name.to_owned());
        }
        return Some(out);
    }
    d.list(v, path, read_label)
}

/// A top-level domain: a lowercase label, ASCII or not ("рф", "คอม"), not all digits.
fn is_tld(name: &str) -> bool {
    (1..=63).contains(&name.chars().count())
        && !name.chars().any(|c| crate::links::text::is_capital(c) || c.is_whitespace() || c == '.')
        && !name.bytes().all(|b| b.is_ascii_digit())
}

fn read_host_words(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<HostWords> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    let dot = o.req(d, path, "dot", read_phrases);
    let slash = o.req(d, path, "slash", read_phrases);
    let at = o.req(d, path, "at", read_phrases);
    o.finish(d, path);
    let flat = |by_lang: Vec<(String, Vec<String>)>| -> Vec<String> {
        by_lang.into_iter().flat_map(|(_, words)| words).collect()
    };
    Some(HostWords { meta: meta?, dot: flat(dot?), slash: flat(slash?), at: flat(at?) })
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
    let trunk_optional = o.opt(d, path, "trunkOptional", Decoder::boolean).unwrap_or(false);
    let mobile_without_trunk =
        o.opt(d, path, "mobileWithoutTrunk", Decoder::boolean).unwrap_or(false);
    let short_area_codes =
        o.opt(d, path, "shortAreaCodes", |d, v, p| digits(d, v, p, 1, 10)).unwrap_or_default();
    let numbers = o.req(d, path, "numbers", |d, v, p| d.list(v, p, read_number_block));
    o.finish(d, path);
    Some(PhonePlan {
        region: region?,
        country_code: country_code?,
        trunk_prefix: trunk_prefix?,
        trunk_optional,
        mobile_without_trunk,
        short_area_codes,
        numbers: numbers?,
    })
}

fn read_number_block(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<NumberBlock> {
    let mut o = d.object(v, path)?;
    let types = o.req(d, path, "types", |d, v, p| {
        d.list(v, p, |d, v, p| {
            let name = d.string(v, p)?;
            let found = NUMBER_TYPES.iter().position(|t| *t == name);
            if found.is_none() {
                d.report(
                    crate::error::ErrorCode::InvalidInput,
                    p,
                    format!(
                        "\"{name}\" is not a number type; the types are {}",
                        crate::i18n::join(NUMBER_TYPES, ", ")
                    ),
                );
            }
            found.and_then(|i| u8::try_from(i).ok())
        })
    });
    let lengths = o.req(d, path, "lengths", |d, v, p| {
        d.list(v, p, |d, v, p| int(4, 17)(d, v, p).map(|n| n as u8))
    });
    let prefixes = o.req(d, path, "prefixes", |d, v, p| {
        let s = d.string(v, p)?;
        let list: Vec<String> =
            s.split(' ').filter(|w| !w.is_empty()).map(|w| w.trim_start_matches('*').to_owned()).collect();
        if list.is_empty() || !list.iter().all(|w| w.len() <= 6 && w.bytes().all(|b| b.is_ascii_digit())) {
            d.report(
                crate::error::ErrorCode::InvalidInput,
                p,
                format!("\"{s}\" is not a list of digit prefixes such as \"81 82 83\" (or \"*\" for any)"),
            );
            return None;
        }
        Some(list)
    });
    o.finish(d, path);
    Some(NumberBlock::new(types?, lengths?, prefixes?))
}

fn read_digit_words(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<DigitWords> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    let words = o.req(d, path, "words", |d, v, p| {
        let mut langs = d.object(v, p)?;
        let mut out = Vec::new();
        let mut ok = true;
        for lang in PHRASE_LANGS {
            let lang_path = p.key(lang);
            let Some(list) = langs.opt(d, p, lang, |d, v, p| {
                let mut digits = d.object(v, p)?;
                let mut out = Vec::new();
                let mut ok = true;
                for (key, value) in DIGIT_KEYS {
                    if let Some(words) = digits.opt(d, p, key, |d, v, p| d.list(v, p, read_phrase))
                    {
                        out.extend(words.into_iter().map(|w| (w, value)));
                    } else if digits.has(key) {
                        ok = false;
                    }
                }
                digits.finish(d, p);
                ok.then_some(out)
            }) else {
                ok &= !langs.has(lang);
                continue;
            };
            let _ = lang_path;
            out.extend(list);
        }
        langs.finish(d, p);
        ok.then_some(out)
    });
    o.finish(d, path);
    Some(DigitWords { meta: meta?, words: words? })
}

/// The keys of a language's digit words: the ten digits, then "twice", "three times", "tens"
/// (Vietnamese "mươi") and "hundred" (two zeros).
const DIGIT_KEYS: [(&str, u8); 14] = [
    ("0", 0),
    ("1", 1),
    ("2", 2),
    ("3", 3),
    ("4", 4),
    ("5", 5),
    ("6", 6),
    ("7", 7),
    ("8", 8),
    ("9", 9),
    ("twice", 10),
    ("thrice", 11),
    ("tens", 12),
    ("hundred", 13),
];

fn read_nicknames(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<Nicknames> {
    let mut o = d.object(v, path)?;
    let lang = o.req(d, path, "lang", word(&PHRASE_LANG_NAMES));
    let names = o.req(d, path, "names", |d, v, p| d.list(v, p, read_alias));
    let source = o.req(d, path, "source", Decoder::text);
    let verified = o.req(d, path, "verified", Decoder::boolean);
    o.finish(d, path);
    Some(Nicknames {
        lang: lang?.to_owned(),
        names: names?,
        source: source?.to_owned(),
        verified: verified?,
    })
}

/// [`PHRASE_LANGS`] as a word table.
const PHRASE_LANG_NAMES: [(&str, &str); 7] = [
    ("en", "en"),
    ("id", "id"),
    ("ms", "ms"),
    ("th", "th"),
    ("tl", "tl"),
    ("vi", "vi"),
    ("zh", "zh"),
];

fn read_cta(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<CallToAction> {
    let mut o = d.object(v, path)?;
    let id = o.req(d, path, "id", Decoder::text);
    let rule = o.opt(d, path, "rule", Decoder::text);
    let kind = o.opt(d, path, "kind", word(PHRASE_KINDS)).unwrap_or(FindingKind::CallToAction);
    let phrases = o.req(d, path, "phrases", read_phrases);
    o.finish(d, path);
    Some(CallToAction {
        id: id?.to_owned(),
        rule: rule.map(str::to_owned),
        kind,
        phrases: phrases?,
    })
}

fn read_signal(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<Signal> {
    let mut o = d.object(v, path)?;
    let id = o.req(d, path, "id", Decoder::text);
    let rule = o.req(d, path, "rule", Decoder::text);
    let kind = o.req(d, path, "kind", word(PHRASE_KINDS));
    let needs =
        o.req(d, path, "needs", |d, v, p| d.list(v, p, |d, v, p| d.text(v, p).map(str::to_owned)));
    let unless = o
        .opt(d, path, "unless", |d, v, p| d.list(v, p, |d, v, p| d.text(v, p).map(str::to_owned)))
        .unwrap_or_default();
    o.finish(d, path);
    let needs = needs?;
    if needs.is_empty() {
        d.report(
            crate::error::ErrorCode::InvalidInput,
            &path.key("needs"),
            "a signal needs at least one name or cue",
        );
        return None;
    }
    Some(Signal { id: id?.to_owned(), rule: rule?.to_owned(), kind: kind?, needs, unless })
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
