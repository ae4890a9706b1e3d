//! The shapes every checker reports in, so no checker invents its own.
//!
//! Whatever the checker, a reason carries the same three things: the `ruleId` it comes from, a
//! `message` in the caller's language, and the `source` the rule cites. [`Cited`] builds that
//! triple from a pack rule; the shapes below ([`Finding`], [`CriterionResult`],
//! [`ConditionResult`], [`Note`]) add what their checker knows. Every report also names the
//! policy it was judged under ([`PolicyRef`]).
//!
//! Serialized field names are the JS contract's camelCase. `Option` fields are `null` in JS
//! unless marked to be left out when absent.

use crate::date::Date;
use crate::i18n::{self, Lang};
use crate::pack::{Pack, RuleMeta};
use serde::Serialize;
use std::sync::Arc;

/// How strict a finding is. Ordered: `Allow < Review < Block`, so the strictest is the maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Fine to post.
    #[default]
    Allow,
    /// A person should look before posting.
    Review,
    /// Posting it breaks the policy.
    Block,
}

impl Verdict {
    /// The JS name.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Allow => "allow",
            Verdict::Review => "review",
            Verdict::Block => "block",
        }
    }
}

/// The policy a report was judged under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicyRef {
    /// Pack id, e.g. `tiktok-shop-ID`.
    pub id: String,
    /// Pack version.
    pub version: String,
}

impl PolicyRef {
    /// The reference to `pack`.
    pub fn of(pack: &Pack) -> PolicyRef {
        PolicyRef { id: pack.id.clone(), version: pack.version.clone() }
    }
}

/// The dated rule a report was judged under, so a reader sees which version of a policy
/// answered: "judged under the rule in force on 1 March 2026: the Creator Health Rating, in
/// force since 12 January 2026".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InForce {
    /// The rule's stable id.
    pub rule_id: String,
    /// The sentence, in the caller's language.
    pub message: String,
    /// The rule's source.
    pub source: String,
    /// Whether the source states the rule and its dates.
    pub verified: bool,
    /// The first day the rule applies; `null`: since before the pack's history starts.
    pub effective_from: Option<Date>,
    /// The last day it applied, once replaced; `null`: still in force.
    pub effective_until: Option<Date>,
}

impl InForce {
    /// `rule` as in force on `as_of`; `name_key` is the catalog key naming it (a pack's own
    /// `message` for the rule names it instead).
    pub fn new(rule: &RuleMeta, name_key: &str, as_of: Date, lang: Lang) -> InForce {
        let name = i18n::render_rule(lang, rule, Some(name_key), &[]);
        let (from, until) = (rule.effective_from, rule.effective_until);
        let key = match (from, until) {
            (None, None) => "in_force.always",
            (Some(_), None) => "in_force.since",
            (None, Some(_)) => "in_force.until",
            (Some(_), Some(_)) => "in_force.between",
        };
        let text = |d: Option<Date>| d.map(|d| i18n::date(lang, d)).unwrap_or_default();
        let message = i18n::render(
            lang,
            key,
            &[
                ("date", &i18n::date(lang, as_of)),
                ("rule", &name),
                ("from", &text(from)),
                ("until", &text(until)),
            ],
        );
        InForce {
            rule_id: rule.id.clone(),
            message,
            source: rule.source.clone(),
            verified: rule.verified,
            effective_from: from,
            effective_until: until,
        }
    }
}

/// A source a report cites, with what a person needs to trust it. Every report lists the
/// sources of the rules that judged it, each once; the `source` of each reason is one of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceRef {
    /// The source as rules cite it (a URL or a seed file).
    pub source: String,
    /// Its title; `null` when the pack does not describe the source.
    pub title: Option<String>,
    /// Its publisher.
    pub publisher: Option<String>,
    /// When it was published or updated: `2025`, `2025-06` or `2025-06-29`.
    pub date: Option<String>,
    /// TikTok Shop's own page (`true`), a third party's (`false`), or not described (`null`).
    pub official: Option<bool>,
    /// The region whose policy the source states.
    pub region: Option<String>,
    /// Set when that region is not the report's: the rule is borrowed from it ("same rule as
    /// Vietnam").
    pub borrowed_from: Option<String>,
}

impl SourceRef {
    /// The sources of `rules`, each once, in order of first citation, described from `pack`.
    pub fn list<'a>(pack: &Pack, rules: impl IntoIterator<Item = &'a str>) -> Vec<SourceRef> {
        let mut out: Vec<SourceRef> = Vec::new();
        for source in rules {
            if out.iter().any(|s| s.source == source) {
                continue;
            }
            let info = pack.source_info(source);
            let region = info.and_then(|i| i.region.clone());
            out.push(SourceRef {
                source: source.to_owned(),
                title: info.map(|i| i.title.clone()),
                publisher: info.map(|i| i.publisher.clone()),
                date: info.and_then(|i| i.date.clone()),
                official: info.map(|i| i.official),
                borrowed_from: region.clone().filter(|r| *r != pack.region),
                region,
            });
        }
        out
    }

    /// The sources of `rules`.
    pub fn of_rules(pack: &Pack, rules: &[&RuleMeta]) -> Vec<SourceRef> {
        SourceRef::list(pack, rules.iter().map(|r| r.source.as_str()))
    }
}

/// A reason with its citation: the rule id, the localized message and the rule's source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cited {
    /// The rule's stable id.
    pub rule_id: String,
    /// The message in the caller's language.
    pub message: String,
    /// The rule's source (seed file or public page).
    pub source: String,
}

impl Cited {
    /// Cites `rule` with its message rendered from catalog `key` (default: the rule id) in `lang`.
    pub fn new(rule: &RuleMeta, lang: Lang, key: Option<&str>, args: &[(&str, &str)]) -> Cited {
        Cited {
            rule_id: rule.id.clone(),
            message: i18n::render_rule(lang, rule, key, args),
            source: rule.source.clone(),
        }
    }
}

/// What a links finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A URL with a scheme, a `www.` host, or a host with a path.
    Url,
    /// A bare host name.
    Domain,
    /// An e-mail address.
    Email,
    /// A telephone number.
    Phone,
    /// A messenger id or number ("WA 0813…", "Line: @toko").
    Messenger,
    /// A social media handle ("IG @handle").
    SocialHandle,
    /// A phrase that moves buying or contact off the platform.
    CallToAction,
    /// A link through a URL shortener.
    Shortener,
    /// Asking to order or for the price by direct message ("DM to order", "PM for price").
    DirectMessage,
    /// A pointer to where the contact or link is ("number in the last photo", "check my bio").
    Pointer,
    /// Paying outside TikTok Shop (a bank transfer, an e-wallet paid to the seller, a meet-up).
    Payment,
    /// Another marketplace named in a selling text ("cheaper than on Shopee").
    Mention,
}

impl FindingKind {
    /// The JS name.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Url => "url",
            FindingKind::Domain => "domain",
            FindingKind::Email => "email",
            FindingKind::Phone => "phone",
            FindingKind::Messenger => "messenger",
            FindingKind::SocialHandle => "social_handle",
            FindingKind::CallToAction => "call_to_action",
            FindingKind::Shortener => "shortener",
            FindingKind::DirectMessage => "direct_message",
            FindingKind::Pointer => "pointer",
            FindingKind::Payment => "payment",
            FindingKind::Mention => "mention",
        }
    }
}

/// One thing found in a text by `checkLinks`. The texts every finding of a rule repeats (its id,
/// message, source, platform) are shared, not copied: a link-dense text has tens of thousands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// The rule id.
    pub rule_id: Arc<str>,
    /// What was found.
    pub kind: FindingKind,
    /// The verdict on this surface.
    pub verdict: Verdict,
    /// Start, in UTF-16 code units (`text.slice(start, end)` in JS is the match).
    pub start: usize,
    /// End, in UTF-16 code units, exclusive.
    pub end: usize,
    /// The matched text, exactly as written.
    #[serde(rename = "match")]
    pub matched: String,
    /// The host, normalized (lowercase, de-obfuscated), for links and e-mail addresses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The catalog id of the platform, where one was recognized.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<Arc<str>>,
    /// Whether the text hid what it is (spelled-out dots, look-alike letters, punycode, …).
    pub obfuscated: bool,
    /// Why, in the caller's language.
    pub message: Arc<str>,
    /// The rule's source.
    pub source: Arc<str>,
    /// What to write instead, in the caller's language: a phrase that keeps the intent and
    /// sends the buyer to TikTok Shop's own basket, checkout or chat. `None` (null) when the
    /// finding is allowed and can stay.
    pub suggestion: Option<Arc<str>>,
    /// The suggestion as a whole clause, for replacing the whole clause the finding is in
    /// (`suggestion` is the name form for a link, handle or number inside a sentence).
    #[serde(skip)]
    pub suggestion_clause: Option<Arc<str>>,
}

/// One eligibility criterion as judged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CriterionResult {
    /// Criterion id (`followers`, `age`, …).
    pub id: String,
    /// The rule id.
    pub rule_id: String,
    /// `true` met, `false` not met, `null` unknown (the fact was not given).
    pub met: Option<bool>,
    /// What it means, in the caller's language.
    pub message: String,
    /// The rule's source.
    pub source: String,
    /// Whether the source states the figure (`false`: a parameter of the pack).
    pub verified: bool,
    /// The date the criterion comes (or came) into force, where the pack gives one.
    pub effective_from: Option<Date>,
    /// The last day the criterion applies, where a newer rule replaces it.
    pub effective_until: Option<Date>,
}

/// One closure condition as judged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConditionResult {
    /// Condition id (`orders_quiet_90_days`, …).
    pub id: String,
    /// The rule id.
    pub rule_id: String,
    /// Whether it is met on the as-of date.
    pub met: bool,
    /// The day it is (or will be) met, for the dated conditions.
    pub met_on: Option<Date>,
    /// The facts behind the judgement, in the caller's language.
    pub detail: String,
    /// What the condition is, in the caller's language.
    pub message: String,
    /// The rule's source.
    pub source: String,
    /// Whether the source states the rule (`false`: a parameter of the pack).
    pub verified: bool,
}

/// A cited statement: a capability, a next step, an after-closure duty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Note {
    /// Stable id.
    pub id: String,
    /// The text, in the caller's language.
    pub message: String,
    /// The rule's source, where the note comes from a rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Note {
    /// A note for `rule`, rendered from catalog `key`.
    pub fn cited(id: &str, rule: &RuleMeta, lang: Lang, key: &str, args: &[(&str, &str)]) -> Note {
        Note {
            id: id.to_owned(),
            message: i18n::render_rule(lang, rule, Some(key), args),
            source: Some(rule.source.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_order_by_strictness() {
        assert!(Verdict::Allow < Verdict::Review && Verdict::Review < Verdict::Block);
        assert_eq!(
            [Verdict::Review, Verdict::Block, Verdict::Allow].into_iter().max(),
            Some(Verdict::Block)
        );
    }

    #[test]
    fn cited_prefers_the_packs_own_message() {
        let mut rule = RuleMeta {
            id: "closure.step.apply".into(),
            source: "seeds/004_1ce1c89aa1fd4710.txt".into(),
            verified: true,
            note: None,
            message: None,
            effective_from: None,
            effective_until: None,
        };
        let from_catalog = Cited::new(&rule, Lang::Zh, None, &[]);
        assert!(from_catalog.message.starts_with("在卖家中心"));
        rule.message =
            Some(crate::i18n::LocalText { en: Some("Own text {x}".into()), id: None, zh: None });
        assert_eq!(Cited::new(&rule, Lang::Zh, None, &[("x", "1")]).message, "Own text 1");
    }
}
