//! What a found host or number *is*, according to the pack: which platform (by domain suffix),
//! whether a bare `name.tld` counts as a link at all, whether a digit run is a telephone number
//! in some numbering plan — and which rule applies.
//!
//! Built once per region when the engine first uses it ([`LinkIndex::new`]): hash maps for
//! domains and TLDs, the phrase tries, the numbering plans. A check never re-reads the pack.

use super::digits::{self, DigitWords, NumberRun, ShortFirst};
use super::names::NameIndex;
use super::phrases::PhraseIndex;
use super::scanner::HostWords;
use super::signals::{CompiledSignal, Need};
use super::trie::{Slot, Step, steps};
use super::words::{self, WordStarts};
use crate::error::{Error, ErrorCode};
use crate::fast_hash::{FastMap, FastSet};
use crate::pack::{
    CallToAction, Category, FIXED_RULES, LinkRule, LinksPolicy, PhonePlan, Suggestion,
};
use crate::report::FindingKind;

/// Top-level domains that are also file extensions people mention ("README.md", "photos.zip",
/// "file.pm").
const FILE_EXTENSIONS: &[&str] = &["md", "py", "rs", "zip", "mov", "sh", "ps", "pm"];

/// Words that say a number is given in parts ("the first four digits … the rest …"), folded:
/// Indonesian and Malay, English and Tagalog, Chinese, Vietnamese, Thai.
const SPLIT_WORDS: &[&str] = &[
    "depan",
    "belakang",
    "sisanya",
    "selebihnya",
    "lepas tu",
    "first",
    "the rest",
    "last",
    "kasunod",
    "susunod",
    "huling",
    "前",
    "后面",
    "後面",
    "后几位",
    "dau so",
    "con lai",
    "ที่เหลือ",
    "ตัวหน้า",
    "ตัวหลัง",
];

/// Top-level domains that a shop's website commonly has (see [`LinkIndex::common_tld`]).
pub const COMMON_TLDS: &[&str] = &[
    "com", "net", "org", "co", "id", "my", "sg", "ph", "vn", "th", "uk", "us", "io", "shop",
    "store", "online", "site", "info", "biz", "me", "app", "asia", "xyz", "cn", "hk", "tw",
];

/// The phrase groups named `warning`, and the rules whose signals they cancel: a phrase of such
/// a rule found directly ("nhắn zalo") is no finding in a warning's sentence either.
#[derive(Debug, Clone, Default)]
pub struct Warnings {
    /// Indexes of the `warning` phrase groups.
    pub groups: Vec<usize>,
    /// Indexes of the rules whose signals list `warning` in `unless`.
    pub rules: Vec<usize>,
}

/// The indexes of the phrase groups with one of these ids.
fn groups_named(links: &LinksPolicy, ids: &[&str]) -> Vec<usize> {
    let named = |(i, c): (usize, &CallToAction)| ids.contains(&c.id.as_str()).then_some(i);
    links.calls_to_action.iter().enumerate().filter_map(named).collect()
}

/// A need of a signal: alternatives separated by `|`, each a slot (`{ecommerce}`), the digit-run
/// cue `account_number` or a cue group's id.
fn need_of(
    need: &str,
    group: &impl Fn(&str) -> Option<usize>,
    account_number: usize,
) -> Option<Need> {
    let mut out = Need::default();
    for name in need.split('|') {
        let category = match name {
            "{ecommerce}" => Some(Some(Category::Ecommerce)),
            "{messenger}" => Some(Some(Category::Messenger)),
            "{social}" => Some(Some(Category::Social)),
            "{payment}" => Some(Some(Category::Payment)),
            "{platform}" => Some(None),
            _ => None,
        };
        match category {
            Some(category) => out.add_names(category),
            None if name == "account_number" => out.add_cue(account_number),
            None => out.add_cue(group(name)?),
        }
    }
    Some(out)
}

fn unknown_need(signal: &str) -> Error {
    Error::invalid_pack(vec![Error::new(
        ErrorCode::UnknownReference,
        "links.signals",
        format!("signal \"{signal}\" names a cue group that does not exist"),
    )])
}

/// A telephone number found in a [`NumberRun`]: the groups it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhoneSpan {
    /// Byte offset of its first character (a `+` or `(` included).
    pub start: usize,
    /// Byte offset just after it.
    pub end: usize,
}

/// A catalog platform, resolved to its rule.
#[derive(Debug, Clone)]
pub struct PlatformEntry {
    /// Catalog id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Category.
    pub category: Category,
    /// Index of the rule in [`LinkIndex::rules`].
    pub rule: usize,
}

/// Indexes of the rules for findings that are not catalog platforms.
#[derive(Debug, Clone, Copy)]
pub struct FixedRules {
    /// A site outside the catalog.
    pub other_link: usize,
    /// An e-mail address.
    pub email: usize,
    /// A telephone number.
    pub phone: usize,
    /// A messenger id or number.
    pub messenger_handle: usize,
    /// A social media handle.
    pub social_handle: usize,
}

/// The links section of one region's pack, compiled for evaluation.
#[derive(Debug, Clone)]
pub struct LinkIndex {
    /// The rules, in pack order.
    pub rules: Vec<LinkRule>,
    /// The catalog platforms.
    pub platforms: Vec<PlatformEntry>,
    /// Rules for findings outside the catalog.
    pub fixed: FixedRules,
    /// Rule index of each phrase group that is a finding of its own (`None` for cue words).
    pub cta_rules: Vec<Option<usize>>,
    /// What a finding of each phrase group is.
    pub cta_kinds: Vec<FindingKind>,
    /// The signals, compiled.
    pub signals: Vec<CompiledSignal>,
    /// The phrase groups named `negation`, and `negation_end`.
    pub negation: super::signals::Negation,
    /// The warnings, and what they excuse.
    pub warnings: Warnings,
    /// The phrase groups whose words hide a platform's name or a cue inside them: `in_app`,
    /// TikTok's own wording (ตะกร้าสีส้ม, its orange basket), `plain_words`, ordinary words
    /// that hold a name (ออนไลน์, online, holds ไลน์, LINE), and `refusal`, a seller refusing
    /// orders by DM (私信不接单).
    pub masks: Vec<usize>,
    /// The categories whose names may begin a phrase ("{payment} me"; `None`: any platform's).
    pub names_begin_phrases: Vec<Option<Category>>,
    /// The cue index a digit run that is not a phone stands for (an account number).
    pub account_number: usize,
    /// Marketplace names a hashtag may begin or end with ("#shopeefinds", "#racunshopee"):
    /// names of five letters or more, with their platform and whether they are also ordinary
    /// words (then only before a shopping word: "#amazonfinds", not "#amazonrainforest").
    pub hashtag_names: Vec<(String, usize, bool)>,
    /// Phrases and aliases.
    pub phrases: PhraseIndex,
    /// Digits spelled as words.
    pub digit_words: DigitWords,
    /// The words for ".", "/" and "@".
    pub host_words: HostWords,
    /// What each word can start.
    pub starts: WordStarts,
    /// What to write instead.
    pub suggestions: Vec<Suggestion>,
    /// By rule index: the suggestion that replaces its findings.
    pub rule_suggestions: Vec<Option<usize>>,
    /// Phrases that are never findings (lowercase).
    pub allow: Vec<String>,
    domains: FastMap<String, usize>,
    tlds: FastSet<String>,
    catalog_tlds: FastSet<String>,
    plans: Vec<PhonePlan>,
    national_plan: Option<usize>,
}

impl LinkIndex {
    /// Compiles a validated pack's links section for `region`.
    pub fn new(links: &LinksPolicy, region: &str) -> Result<LinkIndex, Error> {
        let rule_index = |id: &str| -> Result<usize, Error> {
            links.rules.iter().position(|r| r.meta.id == id).ok_or_else(|| {
                Error::invalid_pack(vec![Error::new(
                    ErrorCode::UnknownReference,
                    "links.rules",
                    format!("no link rule has the id \"{id}\""),
                )])
            })
        };
        let mut platforms = Vec::with_capacity(links.catalog.len());
        let mut domains = FastMap::default();
        for platform in &links.catalog {
            let category_rule = links
                .categories
                .iter()
                .find(|c| c.category == platform.category)
                .map(|c| c.rule.as_str())
                .unwrap_or_default();
            let rule = rule_index(platform.rule.as_deref().unwrap_or(category_rule))?;
            for domain in &platform.domains {
                domains.insert(domain.clone(), platforms.len());
            }
            platforms.push(PlatformEntry {
                id: platform.id.clone(),
                name: platform.name.clone(),
                category: platform.category,
                rule,
            });
        }
        let [other_link, email, phone, messenger_handle, social_handle] =
            FIXED_RULES.map(rule_index);
        let fixed = FixedRules {
            other_link: other_link?,
            email: email?,
            phone: phone?,
            messenger_handle: messenger_handle?,
            social_handle: social_handle?,
        };
        let mut cta_rules = Vec::with_capacity(links.calls_to_action.len());
        for cta in &links.calls_to_action {
            cta_rules.push(cta.rule.as_deref().map(rule_index).transpose()?);
        }
        let group_index = |name: &str| links.calls_to_action.iter().position(|c| c.id == name);
        let account_number = links.calls_to_action.len();
        let mut signals = Vec::with_capacity(links.signals.len());
        for signal in &links.signals {
            let needs = signal
                .needs
                .iter()
                .map(|need| need_of(need, &group_index, account_number))
                .collect::<Option<Vec<Need>>>()
                .ok_or_else(|| unknown_need(&signal.id))?;
            let (mut unless, mut unless_in_sentence) = (Vec::new(), Vec::new());
            for name in &signal.unless {
                if name != "negation" {
                    let group = group_index(name).ok_or_else(|| unknown_need(&signal.id))?;
                    // A warning is a whole sentence about what it warns of.
                    if name == "warning" { &mut unless_in_sentence } else { &mut unless }
                        .push(group);
                }
            }
            signals.push(CompiledSignal {
                rule: rule_index(&signal.rule)?,
                kind: signal.kind,
                needs,
                unless,
                unless_in_sentence,
                negatable: signal.unless.iter().any(|u| u == "negation"),
            });
        }
        let templates = links.calls_to_action.iter().enumerate().flat_map(|(group, cta)| {
            cta.phrases
                .iter()
                .flat_map(move |(_, list)| list.iter().map(move |p| (group, p.as_str())))
        });
        let mut starts = WordStarts::default();
        for platform in &links.catalog {
            for (name, _) in platform.names() {
                starts.add(name, words::NAME, true);
            }
        }
        // A phrase may begin with a slot ("{payment} me"): then a name of that slot's category
        // begins a phrase too. The scanner looks for one where such a name is found, rather
        // than marking every word shaped like the names (a tenth of a clean text's check).
        let mut names_begin_phrases = Vec::new();
        let phrases = links.calls_to_action.iter().flat_map(|cta| cta.phrases.iter());
        for phrase in phrases.flat_map(|(_, list)| list.iter()).filter(|p| p.starts_with('{')) {
            let category = match steps(phrase).first() {
                Some(Step::Slot(Slot::Category(category))) => Some(*category),
                Some(Step::Slot(Slot::AnyPlatform)) => None,
                _ => continue,
            };
            if !names_begin_phrases.contains(&category) {
                names_begin_phrases.push(category);
            }
        }
        for cta in &links.calls_to_action {
            for (_, list) in &cta.phrases {
                for phrase in list {
                    starts.add(phrase, words::PHRASE, false);
                }
            }
        }
        for (word, _) in &links.digit_words.words {
            starts.add(word, words::DIGIT, false);
        }
        for word in &links.host_words.at {
            starts.add(word, words::AT, false);
        }
        let names = links.catalog.iter().enumerate().flat_map(|(i, p)| {
            p.names().map(move |(name, ambiguous)| (i, p.category, name, ambiguous))
        });
        let rule_suggestions = links
            .rules
            .iter()
            .map(|rule| links.suggestions.iter().position(|s| s.rules.contains(&rule.meta.id)))
            .collect();
        let warned_rules =
            signals.iter().filter(|s| !s.unless_in_sentence.is_empty()).map(|s| s.rule).collect();
        Ok(LinkIndex {
            rules: links.rules.clone(),
            suggestions: links.suggestions.clone(),
            rule_suggestions,
            allow: links.allow.clone(),
            platforms,
            fixed,
            cta_rules,
            cta_kinds: links.calls_to_action.iter().map(|c| c.kind).collect(),
            signals,
            negation: super::signals::Negation {
                cues: groups_named(links, &["negation"]),
                ends: groups_named(links, &["negation_end"]),
            },
            masks: groups_named(links, &["in_app", "plain_words", "refusal"]),
            warnings: Warnings { groups: groups_named(links, &["warning"]), rules: warned_rules },
            names_begin_phrases,
            account_number,
            hashtag_names: links
                .catalog
                .iter()
                .enumerate()
                .filter(|(_, p)| p.category == Category::Ecommerce)
                .flat_map(|(i, p)| p.names().map(move |(name, ambiguous)| (i, name, ambiguous)))
                .filter(|&(_, name, _)| {
                    name.len() >= 5 && name.bytes().all(|b| b.is_ascii_lowercase())
                })
                .map(|(i, name, ambiguous)| (name.to_owned(), i, ambiguous))
                .collect(),
            phrases: PhraseIndex::new(templates, NameIndex::new(names)),
            starts,
            host_words: HostWords::new(
                links.host_words.dot.iter().map(String::as_str),
                links.host_words.slash.iter().map(String::as_str),
                links.host_words.at.iter().map(String::as_str),
            ),
            digit_words: DigitWords::new(
                links.digit_words.words.iter().map(|(word, digit)| (word.as_str(), *digit)),
            ),
            domains,
            tlds: links.known_tlds.iter().cloned().collect(),
            catalog_tlds: links
                .catalog
                .iter()
                .flat_map(|p| &p.domains)
                .filter_map(|d| d.rsplit('.').next().map(str::to_owned))
                .collect(),
            plans: links.phone.plans.clone(),
            national_plan: links.phone.plans.iter().position(|p| p.region == region),
        })
    }

    /// The catalog platform whose domain is `host` or a suffix of it at a label boundary.
    pub fn platform_of(&self, host: &str) -> Option<usize> {
        let mut rest = host;
        loop {
            if let Some(&platform) = self.domains.get(rest) {
                return Some(platform);
            }
            let dot = crate::bytes::find(rest, b'.')?;
            rest = rest.get(dot + 1..)?;
        }
    }

    /// Whether `host` is exactly one of `platform`'s domains (or its `www.` form).
    pub fn is_domain_of(&self, host: &str, platform: usize) -> bool {
        let bare = host.strip_prefix("www.").unwrap_or(host);
        self.domains.get(bare) == Some(&platform)
    }

    /// Whether a host ending in `tld`, written with separators like `disguise`, could be a
    /// link at all (`marked`: it has a scheme or starts with `www.`): the cheap first test.
    pub fn plausible_tld(
        &self,
        tld: &str,
        disguise: super::scanner::Disguise,
        marked: bool,
    ) -> bool {
        let alphabetic = (tld.chars().count() >= 2 && tld.chars().all(super::text::is_alphabetic))
            || tld.starts_with("xn--");
        alphabetic
            && match disguise {
                super::scanner::Disguise::Prose => self.common_tld(tld),
                _ => marked || self.known_tld(tld) || self.catalog_tlds.contains(tld),
            }
    }

    /// Whether `tld` makes a bare `name.tld` a link: a top-level domain of the root zone that is
    /// not also a common file extension ("CHANGELOG.md", "script.py" are file names).
    pub fn known_tld(&self, tld: &str) -> bool {
        self.tlds.contains(tld) && !FILE_EXTENSIONS.contains(&tld)
    }

    /// Whether `tld` is common enough that a host written with a word for "dot" before it is a
    /// website ("rinahijab titik com", "nhà bơ chấm vn"): the generic ones shops use and the
    /// regions' own.
    pub fn common_tld(&self, tld: &str) -> bool {
        // Every top-level domain has two letters or more: "a. a. a." looks nothing up.
        tld.len() >= 2 && (COMMON_TLDS.contains(&tld) || self.catalog_tlds.contains(tld))
    }

    /// The telephone number in `run`, if any: the widest span of its groups that a numbering
    /// plan accepts and that is shaped like a phone number. Tried first from the run's start,
    /// then from its second, third and fourth group ("Qty 2 0812 3456 7890" and "order 12345.
    /// 0812…" run into the number before them). `keyword`: a phone or messenger word stands
    /// just before the run, so bare digit runs of plans without a trunk prefix count.
    pub fn phone_in(&self, text: &str, run: &NumberRun, keyword: bool) -> Option<PhoneSpan> {
        let groups = run.groups();
        let short_first = |first: &str| {
            if self.plans.iter().any(|plan| plan.country_code == first) {
                return ShortFirst::CountryCode;
            }
            let mut digits = first.chars();
            let (Some(trunk), Some(next), None) = (digits.next(), digits.next(), digits.next())
            else {
                return ShortFirst::No;
            };
            let trunk_of = |plan: &&PhonePlan| plan.trunk_prefix.starts_with(trunk);
            if self
                .plans
                .iter()
                .filter(trunk_of)
                .any(|plan| plan.short_area_codes.chars().any(|c| c == next))
            {
                return ShortFirst::AreaCode;
            }
            let own = self.national_plan.and_then(|i| self.plans.get(i));
            let mobile = own.filter(trunk_of).is_some_and(|plan| {
                plan.numbers.iter().any(|b| {
                    b.is_mobile() && b.prefixes.iter().any(|p| p.starts_with(next) || p.is_empty())
                })
            });
            if mobile { ShortFirst::MobileStart } else { ShortFirst::No }
        };
        for from in 0..groups.len().min(4) {
            // Start later only after a real gap, or dropping a short number ("Qty 2 0812…").
            let dropped_before = run.digits_of(0, from).len();
            if from > 0 && !groups.get(from).is_some_and(|g| g.strong) && dropped_before > 3 {
                continue;
            }
            // Nor at a unit number: "Tampines St 11 #05-67 S520123".
            if from > 0 && groups.get(from).is_some_and(|g| g.separator == b'#') {
                continue;
            }
            for to in (from + 1..=groups.len()).rev() {
                // A number ends at the run's end or at a real gap, or drops at most a few
                // digits after it. A run too long for one number may begin with one, before a
                // real gap ("0812 3456 7890, 0813 …"); its last group may be cut short.
                let gap_after = groups.get(to).map(|g| g.strong);
                let ends_well = match gap_after {
                    None => !run.too_long,
                    Some(strong) => {
                        strong || (!run.too_long && run.digits_of(to, groups.len()).len() <= 3)
                    }
                };
                if !ends_well {
                    continue;
                }
                // A number is written in one piece: the columns of a size chart ("0: 24 / 34 /
                // 40\n2: 25", "28.5 / 38.5 / 41 | 10: 30") are no phone, unless each digit
                // stands alone on purpose ("0/8/1/2…"). (Groups one to a line are a disguise.)
                let Some(span) = groups.get(from..to) else { continue };
                let split = span.windows(2).any(|pair| {
                    let [before, after] = pair else { return false };
                    text.get(before.end..after.start)
                        .is_some_and(|gap| gap.contains(['/', '|', ',', ';']))
                });
                if split && !run.spelled && span.iter().skip(1).any(|g| g.len > 1) {
                    continue;
                }
                // Nor is a span of years ("Myvi 2018-2024", "(2015-2021)") or a time of day
                // ("9.9 ⏰ 00:00-02:00").
                let year = |i: usize| {
                    groups.get(i).is_some_and(|g| g.len == 4)
                        && run
                            .digits_of(i, i + 1)
                            .parse::<u16>()
                            .is_ok_and(|y| (1950..=2099).contains(&y))
                };
                let not_a_number =
                    (from + 1..to).any(|i| match (groups.get(i - 1), groups.get(i)) {
                        (Some(before), Some(after)) => {
                            (after.separator == b'-' && year(i - 1) && year(i))
                                || (after.separator == b':' && before.len == 2 && after.len == 2)
                        }
                        _ => false,
                    });
                if not_a_number {
                    continue;
                }
                let candidate = run.digits_of(from, to);
                // "1900 5247 (8h-21h)": a group glued to a word is no part of a number.
                let end = groups.get(to - 1)?.end;
                // Four to six digits only after a phone word ("Call Center 1789", "โทร 1112"):
                // a short code of the region's plan.
                let shortest = if keyword { 4 } else { 7 };
                if !(shortest..=17).contains(&candidate.len())
                    || run.progression(from, to)
                    || digits::glued_after(text, end)
                    || !digits::shape_ok(run, from, to, short_first)
                {
                    continue;
                }
                let form = Form {
                    plus: run.plus && from == 0,
                    first_group: run.digits_of(from, from + 1),
                    separated: to - from > 1,
                    context: keyword || run.spelled || run.spaced_out() || run.obfuscated,
                    disguised: run.spelled || run.spaced_out() || run.obfuscated,
                };
                if self.is_phone(candidate, form) {
                    let start = if from == 0 { run.start } else { groups.get(from)?.start };
                    return Some(PhoneSpan { start, end: groups.get(to - 1)?.end });
                }
            }
        }
        None
    }

    /// A number given in two parts: `run`, the first three or four digits with the trunk prefix
    /// ("0878", "012"), then the rest within a few words, with a word around them that says so
    /// ("depannya 0857 belakangnya 2211 9034", "first 4 digits 0998, the rest 412 7730",
    /// "前三位012 后面…"). Both parts together must be a number of the region's plan.
    pub fn split_phone(&self, text: &str, run: &NumberRun) -> Option<PhoneSpan> {
        let first = run.digits_of(0, run.groups().len());
        if !(3..=4).contains(&first.len()) || !first.starts_with('0') || run.too_long {
            return None;
        }
        // The rest: the next number within 40 characters, on the same line (digits of any
        // kind, or Chinese and Thai digit words).
        let after = text.get(run.end..)?;
        let starts_digits = |c: char| {
            super::text::enclosed_number(c).is_some()
                || match super::text::fold(c) {
                    super::text::Folded::Char(f, _) => {
                        f.is_ascii_digit()
                            || (super::text::is_cjk_or_thai(c) && self.digit_words.may_start(f))
                    }
                    _ => false,
                }
        };
        let (offset, _) = after
            .char_indices()
            .take(40)
            .take_while(|&(_, c)| c != '\n')
            .find(|&(_, c)| starts_digits(c))?;
        let gap = after.get(..offset)?;
        let around = text.get(run.start.saturating_sub(40)..run.start).unwrap_or_default();
        let said = |part: &str| {
            let part = super::text::folded_lowercase(part);
            SPLIT_WORDS.iter().any(|w| part.contains(w))
        };
        if !said(gap) && !said(around) {
            return None;
        }
        let rest = digits::read(text, run.end + offset, &self.digit_words)?;
        let second = rest.digits_of(0, rest.groups().len());
        if !(5..=9).contains(&second.len()) || rest.too_long {
            return None;
        }
        let whole = format!("{first}{second}");
        let form = Form {
            plus: false,
            first_group: first,
            separated: true,
            context: true,
            disguised: true,
        };
        self.is_phone(&whole, form).then_some(PhoneSpan { start: run.start, end: rest.end })
    }

    /// Whether `digits` read as a telephone number: in international form (`+` or `00`), for
    /// any plan, or any plausible E.164 length for a country code the pack has no plan for;
    /// with a country code but no `+` ("62 812…", "6281…"), for a plan's mobile numbers (or any
    /// of its numbers when the code is written as a group of its own); in national form, for
    /// the region's own plan, or another plan's mobile numbers. A national number of a plan
    /// without a trunk prefix (US, SG) needs separated groups or `context`, since bare digit
    /// runs of that length are as often amounts or references.
    fn is_phone(&self, digits: &str, form: Form<'_>) -> bool {
        let fits_after = |plan: &PhonePlan, national: &str| {
            plan.has(national)
                || (!plan.trunk_prefix.is_empty()
                    && national
                        .strip_prefix(plan.trunk_prefix.as_str())
                        .is_some_and(|n| plan.has(n)))
        };
        let international = if form.plus {
            Some(digits)
        } else {
            digits.strip_prefix("00").filter(|_| form.first_group.len() > 2 || form.separated)
        };
        if let Some(e164) = international {
            if e164.starts_with('0') {
                return false;
            }
            let mut known_code = false;
            for plan in &self.plans {
                if let Some(national) = e164.strip_prefix(plan.country_code.as_str()) {
                    known_code = true;
                    if fits_after(plan, national) {
                        return true;
                    }
                }
            }
            return form.plus && !known_code && (8..=15).contains(&e164.len());
        }
        let with_code = self.plans.iter().any(|plan| {
            digits.strip_prefix(plan.country_code.as_str()).is_some_and(|national| {
                let national = if plan.trunk_prefix.is_empty() {
                    national
                } else {
                    national.strip_prefix(plan.trunk_prefix.as_str()).unwrap_or(national)
                };
                plan.blocks_of(national).any(|block| {
                    block.is_mobile() || (form.separated && form.first_group == plan.country_code)
                })
            })
        });
        if with_code {
            return true;
        }
        let national = |plan: &PhonePlan, mobile_only: bool| {
            let ok = |national: &str| {
                plan.blocks_of(national).any(|block| !mobile_only || block.is_mobile())
            };
            let with_trunk = !plan.trunk_prefix.is_empty()
                && digits.strip_prefix(plan.trunk_prefix.as_str()).is_some_and(ok);
            // Without the trunk prefix: plans without one, North America, service numbers
            // written bare ("1-300-88-1234", "1800 123 456"), and disguised mobile numbers
            // (spelled out, people drop the leading zero).
            let without = (form.separated || form.context)
                && plan.blocks_of(digits).any(|block| {
                    (plan.trunk_prefix.is_empty()
                        || plan.trunk_optional
                        || (plan.mobile_without_trunk && block.is_mobile())
                        || block.is_service()
                        || (form.disguised && block.is_mobile()))
                        && (!mobile_only || block.is_mobile())
                });
            with_trunk || without
        };
        // Another plan's landline counts when written in groups as long as a full number
        // ("0755-2681 3397", a Shenzhen office in a UK shop's text).
        let other_fixed = |plan: &PhonePlan| {
            form.separated
                && digits.len() >= 10
                && !plan.trunk_prefix.is_empty()
                && digits.strip_prefix(plan.trunk_prefix.as_str()).is_some_and(|n| plan.has(n))
        };
        let own = self.national_plan.and_then(|i| self.plans.get(i));
        own.is_some_and(|plan| national(plan, false))
            || self.plans.iter().any(|plan| national(plan, true) || other_fixed(plan))
    }
}

/// How a candidate number was written.
#[derive(Debug, Clone, Copy)]
struct Form<'a> {
    /// With a `+` before it.
    plus: bool,
    /// The digits of its first group.
    first_group: &'a str,
    /// In more than one group.
    separated: bool,
    /// Something around it or in it says it is a number someone reads out: a phone word before
    /// it, digits spelled as words or written one at a time, disguised digits.
    context: bool,
    /// The digits themselves were disguised (spelled, spaced out, other scripts, letters).
    disguised: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::builtin_pack;

    fn index(region: &str) -> LinkIndex {
        let pack = builtin_pack(region).unwrap().unwrap();
        LinkIndex::new(&pack.links, region).unwrap()
    }

    #[test]
    fn platforms_match_by_domain_suffix_at_label_boundaries() {
        let index = index("ID");
        let id = |host: &str| index.platform_of(host).map(|p| index.platforms[p].id.as_str());
        assert_eq!(id("shopee.co.id"), Some("shopee"));
        assert_eq!(id("m.shopee.co.id"), Some("shopee"));
        assert_eq!(id("shopee.com.my"), Some("shopee"));
        assert_eq!(id("notshopee.co.id"), None);
        assert_eq!(id("vt.tiktok.com"), Some("tiktok"));
        assert_eq!(id("api.whatsapp.com"), Some("whatsapp"));
        assert_eq!(id("example.com"), None);
        let tokopedia = index.platform_of("tokopedia.com").unwrap();
        assert_eq!(index.rules[index.platforms[tokopedia].rule].meta.id, "links.tokopedia_in_id");
        assert!(index.known_tld("com") && !index.known_tld("html"));
    }

    fn phone(index: &LinkIndex, text: &str) -> Option<String> {
        let run = digits::read(text, 0, &index.digit_words)?;
        index.phone_in(text, &run, false).map(|span| text[span.start..span.end].to_owned())
    }

    #[test]
    fn numbering_plans() {
        let id = index("ID");
        let found = |text: &str| phone(&id, text);
        assert_eq!(found("081234567890").as_deref(), Some("081234567890"));
        assert_eq!(found("+62 812-3456-7890").as_deref(), Some("+62 812-3456-7890"));
        assert_eq!(found("+62 (0)812 3456 7890").as_deref(), Some("+62 (0)812 3456 7890"));
        assert_eq!(found("62 812 3456 7890").as_deref(), Some("62 812 3456 7890"));
        assert_eq!(found("6281234567890").as_deref(), Some("6281234567890"));
        assert_eq!(found("0812345"), None, "too short");
        assert_eq!(found("012-345 6789").as_deref(), Some("012-345 6789"), "a Malaysian mobile");
        assert_eq!(found("5551234567"), None, "ten bare digits are not a phone in Indonesia");
        assert_eq!(found("13800138000").as_deref(), Some("13800138000"), "a Chinese mobile");
        assert_eq!(found("+49 151 12345678").as_deref(), Some("+49 151 12345678"), "no plan");
        assert_eq!(found("(021) 555-1234").as_deref(), Some("(021) 555-1234"));
        assert_eq!(found("1.250.000"), None);
        assert_eq!(found("12/08/2024"), None);
        assert_eq!(found("000123456789"), None, "a tracking number, not +0…");
        let my = index("MY");
        assert_eq!(phone(&my, "03-2385 6789").as_deref(), Some("03-2385 6789"));
        assert_eq!(phone(&my, "1-300-88-1234").as_deref(), Some("1-300-88-1234"));
        let th = index("TH");
        assert_eq!(phone(&th, "02 123 4567").as_deref(), Some("02 123 4567"));
        let us = index("US");
        assert_eq!(phone(&us, "(555) 123-4567").as_deref(), Some("(555) 123-4567"));
        assert_eq!(phone(&us, "1-800-555-0199").as_deref(), Some("1-800-555-0199"));
        assert_eq!(phone(&us, "5551234567"), None, "bare ten digits need context in the US");
        let sg = index("SG");
        assert_eq!(phone(&sg, "9123 4567").as_deref(), Some("9123 4567"));
        assert_eq!(phone(&sg, "7123 4567"), None);
        assert_eq!(
            phone(&id, "Qty 2 0812 3456 7890".get(4..).unwrap()).as_deref(),
            Some("0812 3456 7890")
        );
    }
}
