//! Policy packs: policy as data.
//!
//! Thresholds, windows, platform catalogs, phrases, milestones and citations change more often
//! than code, and differ by region, so they live in JSON packs (`policies/*.json`), embedded at
//! build time and overridable by callers. A region pack overlays the shared base pack; a caller
//! may overlay a built-in region (`"extends": "ID"`) or bring a full pack of their own.
//!
//! Overlaying is a deep merge ([`merge`]): objects merge key by key, lists of objects that all
//! have an `id` merge element by element on that id (so an overlay can change one rule's verdict
//! without restating the list), and anything else is replaced.
//!
//! Reading a pack ([`Pack::from_value`]) checks types and unknown fields while it decodes, then
//! [`Pack::check`] checks what types cannot: duplicate ids, references between sections, ranges
//! that depend on each other, and that every message a rule needs exists. Every problem is
//! reported, with its path.

mod builtin;
mod closure;
mod diff;
mod eligibility;
mod health;
mod links;
mod merge;
mod rule;
mod source;

pub use builtin::{BUILTIN_REGIONS, builtin_pack, builtin_value};
pub use closure::{
    AfterClosure, ClosurePolicy, Condition, ConditionFigures, ConditionKind, Scope, SellerType,
    Step, Withdrawal, status_key,
};
pub use diff::{Change, ChangeKind, FieldChange, PackRef, PolicyDiff, policy_diff};
pub use eligibility::{
    AppliesTo, Capability, Criterion, CriterionKind, EligibilityPolicy, Enforcement, LinkShare,
    Pilot, RepeatViolation, Route,
};
pub use health::{
    Figures, HealthPolicy, HealthRegime, HealthRules, Milestone, PointsRule, QuizRule, Role,
    Scheme, ScoreRule, WarningRule, WeeklyRule,
};
pub use links::{
    CallToAction, Category, CategoryRule, DigitWords, FIXED_RULES, LinkRule, LinksPolicy,
    NUMBER_TYPES, NumberBlock, PHRASE_SLOTS, PhonePlan, PhonePlans, Platform, Suggestion, Surface,
    Wording,
};
pub use merge::merge;
pub use rule::RuleMeta;
pub use source::SourceInfo;

use crate::date::{Date, DstRule, TimeZone};
use crate::decode::{Decoder, Path, int, word};
use crate::error::{Diagnostic, Error, ErrorCode};
use crate::fast_hash::FastSet;
use crate::i18n;
use crate::report::Verdict;
use crate::value::Value;

/// A currency and how many decimal places its minor unit has (ISO 4217). Reports that speak of
/// money carry it, so callers can read their integer amounts.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Currency {
    /// ISO 4217 code, e.g. `IDR`.
    pub code: String,
    /// Digits after the decimal point: amounts are integers of 10^-minorUnit of the currency.
    pub minor_unit: u8,
}

/// A region's time zone as the pack states it.
#[derive(Debug, Clone, PartialEq)]
pub struct PackTimeZone {
    /// Display name, e.g. `Asia/Jakarta (WIB)`.
    pub name: String,
    /// The offset and daylight-saving rule.
    pub zone: TimeZone,
    /// A note for maintainers.
    pub note: Option<String>,
}

/// A complete, validated policy pack for one region.
#[derive(Debug, Clone, PartialEq)]
pub struct Pack {
    /// Pack id, e.g. `tiktok-shop-ID`.
    pub id: String,
    /// Pack version.
    pub version: String,
    /// The date the pack's content is current as of.
    pub effective_date: Date,
    /// Region code, e.g. `ID`.
    pub region: String,
    /// The region's time zone.
    pub time_zone: PackTimeZone,
    /// The region's currency.
    pub currency: Currency,
    /// Link rules.
    pub links: LinksPolicy,
    /// E-commerce permission eligibility.
    pub eligibility: EligibilityPolicy,
    /// Account health.
    pub health: HealthPolicy,
    /// Shop closure.
    pub closure: ClosurePolicy,
    /// What each cited source is: title, publisher, date, official or not, region.
    pub source_details: Vec<SourceInfo>,
    /// A note for maintainers.
    pub note: Option<String>,
}

pub(crate) fn read_region(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<String> {
    let s = d.string(v, path)?;
    if s.len() != 2 || !s.bytes().all(|b| b.is_ascii_uppercase()) {
        d.report(
            ErrorCode::UnknownRegion,
            path,
            format!("expected a two-letter region code such as \"ID\", got \"{s}\""),
        );
        return None;
    }
    Some(s.to_owned())
}

const DST_RULES: &[(&str, DstRule)] =
    &[("none", DstRule::None), ("eu", DstRule::Eu), ("us", DstRule::Us)];

fn read_time_zone(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<PackTimeZone> {
    let mut o = d.object(v, path)?;
    let name = o.req(d, path, "name", Decoder::text);
    let offset = o.req(d, path, "utcOffsetMinutes", int(-720, 840));
    let dst = o.req(d, path, "dst", word(DST_RULES));
    let note = o.opt(d, path, "note", Decoder::string);
    o.finish(d, path);
    Some(PackTimeZone {
        name: name?.to_owned(),
        zone: TimeZone { utc_offset_minutes: offset? as i32, dst: dst? },
        note: note.map(str::to_owned),
    })
}

fn read_currency(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<Currency> {
    let mut o = d.object(v, path)?;
    let code = o.req(d, path, "code", Decoder::string);
    let minor_unit = o.req(d, path, "minorUnit", int(0, 4));
    o.finish(d, path);
    let code = code?;
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        d.report(
            ErrorCode::InvalidInput,
            &path.key("code"),
            format!("expected an ISO 4217 code such as \"IDR\", got \"{code}\""),
        );
        return None;
    }
    Some(Currency { code: code.to_owned(), minor_unit: minor_unit? as u8 })
}

impl Pack {
    /// Reads and checks a complete pack, reporting every problem to `d`. `None` when anything
    /// is wrong.
    pub fn read(d: &mut Decoder, v: &Value) -> Option<Pack> {
        let root = Path::Root;
        let mut o = d.object(v, &root)?;
        let id = o.req(d, &root, "id", Decoder::text);
        let version = o.req(d, &root, "version", Decoder::text);
        let effective_date = o.req(d, &root, "effectiveDate", Decoder::date);
        let region = o.req(d, &root, "region", read_region);
        // `extends` was consumed when the overlay was applied; its value must agree with region.
        let extends = o.opt(d, &root, "extends", read_region);
        let time_zone = o.req(d, &root, "timeZone", read_time_zone);
        let currency = o.req(d, &root, "currency", read_currency);
        let links = o.req(d, &root, "links", LinksPolicy::read);
        let eligibility = o.req(d, &root, "eligibility", EligibilityPolicy::read);
        let health = o.req(d, &root, "health", HealthPolicy::read);
        let closure = o.req(d, &root, "closure", ClosurePolicy::read);
        let source_details = match o.take("sources") {
            None | Some(Value::Null) => Some(Vec::new()),
            Some(v) => d.list(v, &root.key("sources"), SourceInfo::read),
        };
        let note = o.opt(d, &root, "note", Decoder::string);
        o.finish(d, &root);
        if let (Some(extends), Some(region)) = (&extends, &region)
            && extends != region
        {
            d.report(
                ErrorCode::InvalidInput,
                &root.key("region"),
                format!("an overlay of {extends} cannot change the region to {region}"),
            );
        }
        let pack = Pack {
            id: id?.to_owned(),
            version: version?.to_owned(),
            effective_date: effective_date?,
            region: region?,
            time_zone: time_zone?,
            currency: currency?,
            links: links?,
            eligibility: eligibility?,
            health: health?,
            closure: closure?,
            source_details: source_details?,
            note: note.map(str::to_owned),
        };
        pack.check(d);
        d.is_clean().then_some(pack)
    }

    /// Reads a complete pack, or fails with `invalid_pack` listing every problem.
    pub fn from_value(v: &Value) -> Result<Pack, Error> {
        let mut d = Decoder::new();
        let pack = Pack::read(&mut d, v);
        match pack {
            Some(pack) if d.is_clean() => Ok(pack),
            _ => Err(Error::invalid_pack(d.into_diagnostics())),
        }
    }

    /// Every source the pack cites, each once, in order of first citation.
    pub fn sources(&self) -> Vec<String> {
        let mut seen = FastSet::default();
        self.rules()
            .into_iter()
            .filter(|r| seen.insert(r.source.as_str()))
            .map(|r| r.source.clone())
            .collect()
    }

    /// Every rule in the pack. A list rather than a chain of iterators: nested `Chain` types
    /// would each bring their own code into the wasm.
    pub fn rules(&self) -> Vec<&RuleMeta> {
        let l = &self.links;
        let mut rules: Vec<&RuleMeta> = l.rules.iter().map(|r| &r.meta).collect();
        rules.push(&l.phone.meta);
        rules.extend(self.eligibility.rules());
        let h = &self.health;
        rules.extend(h.shared.rules());
        for regime in &h.regimes {
            rules.push(&regime.meta);
            rules.extend(regime.own.rules());
        }
        rules.extend(self.closure.rules());
        rules
    }

    /// What the pack says about `source`, where its `sources` list has it.
    pub fn source_info(&self, source: &str) -> Option<&SourceInfo> {
        self.source_details.iter().find(|s| s.id == source)
    }

    /// The checks that span fields: ids, references, ranges, messages.
    fn check(&self, d: &mut Decoder) {
        let root = Path::Root;
        self.check_rule_ids(d);
        unique(
            d,
            &root.key("sources"),
            &mut self.source_details.iter().map(|s| s.id.as_str()),
            "source",
        );
        self.check_links(d, &root.key("links"));
        self.check_eligibility(d, &root.key("eligibility"));
        self.check_health(d, &root.key("health"));
        self.check_closure(d, &root.key("closure"));
    }

    fn check_rule_ids(&self, d: &mut Decoder) {
        let mut seen = FastSet::default();
        for rule in self.rules() {
            if !seen.insert(rule.id.as_str()) {
                d.report(
                    ErrorCode::DuplicateId,
                    &Path::Root,
                    format!("rule id \"{}\" is used more than once", rule.id),
                );
            }
        }
    }

    fn check_links(&self, d: &mut Decoder, path: &Path<'_>) {
        let l = &self.links;
        let rule_ids: FastSet<&str> = l.rules.iter().map(|r| r.meta.id.as_str()).collect();
        let known_rule = |d: &mut Decoder, id: &str, at: &Path<'_>| {
            if !rule_ids.contains(id) {
                d.report(
                    ErrorCode::UnknownReference,
                    at,
                    format!("no link rule has the id \"{id}\""),
                );
            }
        };
        let categories = path.key("categories");
        unique(
            d,
            &categories,
            &mut l.categories.iter().map(|c| category_name(c.category)),
            "category",
        );
        for (i, c) in l.categories.iter().enumerate() {
            known_rule(d, &c.rule, &categories.index(i).key("rule"));
        }
        let catalog = path.key("catalog");
        unique(d, &catalog, &mut l.catalog.iter().map(|p| p.id.as_str()), "platform");
        let mut domains = FastSet::default();
        for (i, p) in l.catalog.iter().enumerate() {
            let at = catalog.index(i);
            if !l.categories.iter().any(|c| c.category == p.category) {
                d.report(
                    ErrorCode::UnknownReference,
                    &at.key("category"),
                    format!(
                        "category \"{}\" has no entry in links.categories",
                        category_name(p.category)
                    ),
                );
            }
            if let Some(rule) = &p.rule {
                known_rule(d, rule, &at.key("rule"));
            }
            for (j, domain) in p.domains.iter().enumerate() {
                if !domains.insert(domain.as_str()) {
                    d.report(
                        ErrorCode::DuplicateId,
                        &at.key("domains").index(j),
                        format!("domain \"{domain}\" is listed under more than one platform"),
                    );
                }
            }
        }
        for id in FIXED_RULES {
            known_rule(d, id, &path.key("rules"));
        }
        let cta = path.key("callsToAction");
        unique(
            d,
            &cta,
            &mut l.calls_to_action.iter().map(|c| c.id.as_str()),
            "call-to-action group",
        );
        for (i, c) in l.calls_to_action.iter().enumerate() {
            if let Some(rule) = &c.rule {
                known_rule(d, rule, &cta.index(i).key("rule"));
            }
        }
        let signals = path.key("signals");
        unique(d, &signals, &mut l.signals.iter().map(|s| s.id.as_str()), "signal");
        let group = |name: &str| {
            name == "negation" && l.calls_to_action.iter().any(|c| c.id == "negation")
                || name == "account_number"
                || PHRASE_SLOTS.contains(&name)
                || l.calls_to_action.iter().any(|c| c.id == name)
        };
        for (i, signal) in l.signals.iter().enumerate() {
            let at = signals.index(i);
            known_rule(d, &signal.rule, &at.key("rule"));
            for (key, list) in [("needs", &signal.needs), ("unless", &signal.unless)] {
                for (j, need) in list.iter().enumerate() {
                    for name in need.split('|') {
                        if !group(name) {
                            d.report(
                                ErrorCode::UnknownReference,
                                &at.key(key).index(j),
                                format!(
                                    "\"{name}\" is neither a slot ({}) nor the id of a phrase group",
                                    crate::i18n::join(&PHRASE_SLOTS, ", ")
                                ),
                            );
                        }
                    }
                }
            }
        }
        self.check_suggestions(d, &path.key("suggestions"), &known_rule);
        let phone = path.key("phone");
        let plans = phone.key("plans");
        unique(d, &plans, &mut l.phone.plans.iter().map(|p| p.region.as_str()), "numbering plan");
    }

    /// Every rule that can block or review has exactly one suggestion: a finding always says
    /// what to write instead.
    fn check_suggestions(
        &self,
        d: &mut Decoder,
        path: &Path<'_>,
        known_rule: &dyn Fn(&mut Decoder, &str, &Path<'_>),
    ) {
        let l = &self.links;
        unique(d, path, &mut l.suggestions.iter().map(|s| s.id.as_str()), "suggestion");
        let mut covered = FastSet::default();
        for (i, suggestion) in l.suggestions.iter().enumerate() {
            let item = path.index(i);
            let rules = item.key("rules");
            for (j, rule) in suggestion.rules.iter().enumerate() {
                let at = rules.index(j);
                known_rule(d, rule, &at);
                if !covered.insert(rule.as_str()) {
                    d.report(
                        ErrorCode::DuplicateId,
                        &at,
                        format!("link rule \"{rule}\" has more than one suggestion"),
                    );
                }
            }
        }
        for rule in &l.rules {
            let strict = Surface::ALL.iter().any(|s| rule.verdict_on(*s) != Verdict::Allow);
            if strict && !covered.contains(rule.meta.id.as_str()) {
                d.report(
                    ErrorCode::InvalidInput,
                    path,
                    format!(
                        "link rule \"{}\" can block or review but no suggestion lists it: say what to write instead",
                        rule.meta.id
                    ),
                );
            }
        }
    }

    fn check_eligibility(&self, d: &mut Decoder, path: &Path<'_>) {
        let e = &self.eligibility;
        let criteria = path.key("criteria");
        // The same fact may be tested by successive rules (a threshold that changed), never by
        // two on the same day.
        for (i, c) in e.criteria.iter().enumerate() {
            let overlaps = |o: &Criterion| {
                o.kind == c.kind
                    && o.meta
                        .effective_from
                        .is_none_or(|f| c.meta.effective_until.is_none_or(|u| f <= u))
                    && c.meta
                        .effective_from
                        .is_none_or(|f| o.meta.effective_until.is_none_or(|u| f <= u))
            };
            if e.criteria.iter().take(i).any(overlaps) {
                d.report(
                    ErrorCode::DuplicateId,
                    &criteria.index(i).key("criterion"),
                    "the same fact is tested twice on the same days",
                );
            }
        }
        unique(
            d,
            &path.key("capabilities"),
            &mut e.capabilities.iter().map(|c| c.meta.id.as_str()),
            "capability",
        );
        for (i, c) in e.capabilities.iter().enumerate() {
            need_message(
                d,
                &c.meta,
                &format!("capability.{}", c.meta.id),
                &path.key("capabilities").index(i),
            );
        }
        for (route, key) in [(&e.application, "application"), (&e.appeal, "appeal")] {
            need_message(
                d,
                &route.meta,
                &format!("route.{}", route.route),
                &path.key(key).key("route"),
            );
        }
    }

    /// The figures were checked as they were read (`pack::health`); what remains spans the
    /// regimes: their dates.
    fn check_health(&self, d: &mut Decoder, path: &Path<'_>) {
        self.check_regime_dates(d, &path.key("regimes"));
    }

    /// For each role, exactly one regime on every day: one open at the start, each other
    /// starting the day after another ends, one still in force. (Counted rather than sorted:
    /// a role has a handful of regimes.)
    fn check_regime_dates(&self, d: &mut Decoder, path: &Path<'_>) {
        for (name, role) in Role::NAMES {
            let spans: Vec<&RuleMeta> =
                self.health.regimes.iter().filter(|r| r.role == *role).map(|r| &r.meta).collect();
            let count = |pred: &dyn Fn(&RuleMeta) -> bool| spans.iter().filter(|m| pred(m)).count();
            let first = count(&|m| m.effective_from.is_none());
            let last = count(&|m| m.effective_until.is_none());
            let follows = spans.iter().all(|m| {
                m.effective_from.is_none_or(|from| {
                    count(&|p| p.effective_until.map(|u| u.plus_days(1)) == Some(from)) == 1
                })
            });
            if spans.is_empty() || first != 1 || last != 1 || !follows {
                d.report(
                    ErrorCode::InvalidInput,
                    path,
                    format!(
                        "the {name} regimes must cover every day once: one without \
                         effectiveFrom, one without effectiveUntil, and each effectiveFrom the \
                         day after another regime's effectiveUntil"
                    ),
                );
            }
        }
    }

    fn check_closure(&self, d: &mut Decoder, path: &Path<'_>) {
        let c = &self.closure;
        let conditions = path.key("conditions");
        unique(d, &conditions, &mut c.conditions.iter().map(|c| c.kind.as_str()), "condition");
        for (name, kind) in ConditionKind::NAMES {
            if c.condition(*kind).is_none() {
                d.report(
                    ErrorCode::InvalidInput,
                    &conditions,
                    format!("condition \"{name}\" is missing"),
                );
            }
        }
        for (i, cond) in c.conditions.iter().enumerate() {
            need_message(
                d,
                &cond.meta,
                &format!("closure.condition.{}", cond.meta.id),
                &conditions.index(i),
            );
        }
        let steps = path.key("steps");
        unique(d, &steps, &mut c.steps.iter().map(|s| s.meta.id.as_str()), "step");
        for (i, s) in c.steps.iter().enumerate() {
            if s.step as usize != i + 1 {
                d.report(
                    ErrorCode::InvalidInput,
                    &steps.index(i).key("step"),
                    format!(
                        "steps must be numbered 1, 2, 3… in order; found {} at position {}",
                        s.step,
                        i + 1
                    ),
                );
            }
            need_message(d, &s.meta, &format!("closure.step.{}", s.meta.id), &steps.index(i));
        }
        if c.withdrawal.seller_before_step as usize > c.steps.len() {
            d.report(
                ErrorCode::InvalidInput,
                &path.key("withdrawal").key("sellerBeforeStep"),
                format!("there are only {} steps", c.steps.len()),
            );
        }
        let after = path.key("afterClosure");
        unique(
            d,
            &after,
            &mut c.after_closure.iter().map(|a| a.meta.id.as_str()),
            "after-closure item",
        );
        for (i, a) in c.after_closure.iter().enumerate() {
            need_message(d, &a.meta, &format!("closure.after.{}", a.meta.id), &after.index(i));
        }
    }
}

fn category_name(category: Category) -> &'static str {
    Category::NAMES.iter().find(|(_, c)| *c == category).map_or("", |(n, _)| n)
}

/// Reports each id that appears more than once in a list.
/// (One function for every list, hence `dyn`.)
pub(crate) fn unique(
    d: &mut Decoder,
    list: &Path<'_>,
    ids: &mut dyn Iterator<Item = &str>,
    what: &str,
) {
    let mut seen = FastSet::default();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id) {
            d.report(
                ErrorCode::DuplicateId,
                &list.index(i).key("id"),
                format!("{what} id \"{id}\" is used more than once"),
            );
        }
    }
}

/// Reports a rule whose message key has no catalog text and which brings no text of its own.
pub(crate) fn need_message(d: &mut Decoder, rule: &RuleMeta, key: &str, at: &Path<'_>) {
    if rule.message.is_none() && !i18n::has(key) {
        d.report(
            ErrorCode::UnknownReference,
            at,
            format!("no built-in message \"{key}\"; give the rule a \"message\": {{ \"en\": … }}"),
        );
    }
}

/// The outcome of [`validate_policy`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Validation {
    /// True when the pack can be used.
    pub ok: bool,
    /// Every problem found.
    pub diagnostics: Vec<Diagnostic>,
}

/// Resolves a caller's pack: an overlay (`"extends": "ID"`) on a built-in region, or a complete
/// pack of its own. An overlay must name itself (`id`), since its reports should not claim to
/// be the built-in policy.
pub fn resolve(user: &Value) -> Result<Pack, Error> {
    let mut d = Decoder::new();
    let pack = resolve_into(&mut d, user);
    match pack {
        Some(pack) if d.is_clean() => Ok(pack),
        _ => Err(Error::invalid_pack(d.into_diagnostics())),
    }
}

fn resolve_into(d: &mut Decoder, user: &Value) -> Option<Pack> {
    let root = Path::Root;
    let Value::Object(_) = user else {
        d.report(
            ErrorCode::InvalidInput,
            &root,
            format!("a policy pack is an object, got {}", crate::decode::describe(user)),
        );
        return None;
    };
    match user.get("extends") {
        None | Some(Value::Null) => Pack::read(d, user),
        Some(extends) => {
            if matches!(user.get("id"), None | Some(Value::Null)) {
                d.report(
                    ErrorCode::InvalidInput,
                    &root.key("id"),
                    "missing required field \"id\": an overlay must name itself",
                );
            }
            let region = read_region(d, extends, &root.key("extends"))?;
            let Some(base) = builtin_value(&region) else {
                let known = i18n::join(&BUILTIN_REGIONS, ", ");
                d.report(
                    ErrorCode::UnknownRegion,
                    &root.key("extends"),
                    format!(
                        "\"{region}\" is not a built-in region; the built-in regions are {known}"
                    ),
                );
                return None;
            };
            Pack::read(d, &merge(&base, user))
        }
    }
}

/// Validates a caller's pack (overlay or complete) without building an engine: every problem,
/// with its path.
pub fn validate_policy(user: &Value) -> Validation {
    let mut d = Decoder::new();
    let _ = resolve_into(&mut d, user);
    let diagnostics = d.into_diagnostics();
    Validation { ok: diagnostics.is_empty(), diagnostics }
}

#[cfg(test)]
mod tests;
