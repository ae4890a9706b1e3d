//! E-commerce permission: can this creator apply in this region, and if not, why, what to do and
//! what their enforcement state means.
//!
//! Seed 000 (Indonesia) describes the permission: with it a creator can show products on their
//! profile, promote them in videos and in LIVE; they apply through Creator tools; the criteria
//! differ by country and change over time; violations lead to a temporary restriction or the
//! permanent removal of the permission; an appeal goes through the Account Status page; and a
//! permanently revoked permission can never be applied for again. The figures per region
//! (followers, age, …) come from the pack ([`crate::pack::EligibilityPolicy`]), each criterion
//! marked `verified` or not.
//!
//! The check is a pure function of (pack, facts, date) → [`EligibilityReport`]:
//!
//! - **A fact left out is unknown.** Its criterion is reported `met: null`, and if nothing fails
//!   but something is unknown the outcome is `incomplete`, never `eligible`.
//! - **The enforcement state comes first.** `permission: "revoked"` or `previouslyRevoked: true`
//!   is `never` when the pack says revocation is permanent (seed 000); `"restricted"` is
//!   `restricted` until `restrictedUntil` (inclusive) and `active` after it; `"active"` is
//!   `active`. Only a creator without the permission (`"none"`, the default) is judged on the
//!   criteria: `eligible`, `not_eligible` or `incomplete`. Criteria are reported in every case.
//! - **A criterion not yet in force** (its `effectiveFrom` is after `asOf`) does not decide the
//!   outcome: it is reported under `upcoming`, judged like the others, and a next step says from
//!   when it will be needed. One whose `effectiveUntil` is past no longer applies.
//! - **Foreign or local.** A criterion may bind only foreign creators (Indonesia's identity and
//!   age verification) or only local ones (Vietnam's tax code). It is left out for the others;
//!   when `foreignCreator` is not given it stays, met if the fact is met, else unknown.
//! - **Link-Share Only** (Indonesia, Vietnam): the tier is judged beside the full permission on
//!   the same criteria less the ones it waives (followers), with the same enforcement state, and
//!   reported as `linkShare` while the pack offers it on `asOf`.
//! - **Messages.** A criterion's, capability's, appeal's and limit's `message` is the rule's
//!   own statement: a pack may replace it (`message: { en, id, zh }`). Next steps and the
//!   `reason` are derived from the facts and always come from the built-in catalogs, citing the
//!   rule they derive from.
//!
//! ```
//! use shop_policy::{Engine, Today, Value};
//! use shop_policy::eligibility::Outcome;
//!
//! let engine = Engine::builtin();
//! let input = Value::parse_json(r#"{
//!     "region": "ID", "asOf": "2026-03-01", "followers": 563, "age": 24,
//!     "identityVerified": true, "governmentAccount": false, "previouslyRevoked": false,
//!     "codeOfConductViolations": 0, "linkedShopAtRisk": false
//! }"#)?;
//! let report = engine.check_eligibility(&input, Today::Required)?;
//! assert_eq!(report.outcome, Outcome::NotEligible);
//! assert_eq!(report.next_steps[0].message, "Gain 37 more followers: you have 563, and 600 are needed.");
//! # Ok::<(), shop_policy::Error>(())
//! ```

use crate::date::Date;
use crate::decode::{Decoder, Path, int, word};
use crate::engine::{CallContext, Engine, RegionPolicy, Today};
use crate::error::{Error, ErrorCode};
use crate::i18n::{self, Lang};
use crate::pack::{Criterion, CriterionKind, EligibilityPolicy, LinkShare, RuleMeta};
use crate::report::{Cited, CriterionResult, Note, PolicyRef, SourceRef};
use crate::value::Value;
use serde::Serialize;

/// Where the creator stands with the permission today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Permission {
    /// The creator does not hold the permission (the default: the question is whether they can
    /// apply).
    #[default]
    None,
    /// The creator holds the permission.
    Active,
    /// The permission is temporarily restricted.
    Restricted,
    /// The permission was removed (permanently, where the pack says so).
    Revoked,
}

impl Permission {
    /// The names used in JS.
    pub const NAMES: &'static [(&'static str, Permission)] = &[
        ("none", Permission::None),
        ("active", Permission::Active),
        ("restricted", Permission::Restricted),
        ("revoked", Permission::Revoked),
    ];
}

/// The facts of a `checkEligibility` call. Every fact is optional: `None` is unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EligibilityInput {
    /// `region`, `lang`, `asOf`.
    pub call: CallContext,
    /// Follower count.
    pub followers: Option<u64>,
    /// Age in whole years.
    pub age: Option<u64>,
    /// Whether the creator's identity is verified.
    pub identity_verified: Option<bool>,
    /// Whether this is a government, politician or political party account.
    pub government_account: Option<bool>,
    /// The permission's state; `"none"` when not given.
    pub permission: Permission,
    /// The last day of a temporary restriction (`permission: "restricted"` only).
    pub restricted_until: Option<Date>,
    /// The day the restriction or revocation was imposed, which dates the appeal deadline
    /// (`permission: "restricted"` or `"revoked"` only).
    pub enforced_on: Option<Date>,
    /// Whether an e-commerce permission of the creator's was ever revoked.
    pub previously_revoked: Option<bool>,
    /// Creator Code of Conduct violations on record.
    pub code_of_conduct_violations: Option<u64>,
    /// Whether a linked TikTok Shop account carries a violation risk.
    pub linked_shop_at_risk: Option<bool>,
    /// Whether tax information was submitted (Vietnam, from 2025-07-01).
    pub tax_info_provided: Option<bool>,
    /// Whether the in-app Identity and Age Verification is complete (Indonesia, Q1 2026).
    pub identity_and_age_verified: Option<bool>,
    /// Whether the creator is not a citizen of the region; some criteria bind only foreign (or
    /// only local) creators.
    pub foreign_creator: Option<bool>,
}

impl EligibilityInput {
    /// Reads a call's argument. Errors: `invalid_input` (wrong type, out of range, `NaN`, a
    /// missing `region`, a date that does not fit the permission state), `invalid_date`,
    /// `unknown_field`; each with the path of the field at fault.
    pub fn decode(value: &Value<'_>) -> Result<EligibilityInput, Error> {
        let mut d = Decoder::new();
        let input = read_input(&mut d, value);
        d.finish(input)
    }
}

fn read_input(d: &mut Decoder, value: &Value<'_>) -> Option<EligibilityInput> {
    let root = Path::Root;
    let mut o = d.object(value, &root)?;
    let call = CallContext::read(d, &mut o, true);
    let count = || int(0, i64::MAX);
    let followers = o.opt(d, &root, "followers", count());
    let age = o.opt(d, &root, "age", int(0, 150));
    let identity_verified = o.opt(d, &root, "identityVerified", Decoder::boolean);
    let government_account = o.opt(d, &root, "governmentAccount", Decoder::boolean);
    let permission_given = o.has("permission");
    let permission = o.opt(d, &root, "permission", word(Permission::NAMES));
    let restricted_until = o.opt(d, &root, "restrictedUntil", Decoder::date);
    let enforced_on = o.opt(d, &root, "enforcedOn", Decoder::date);
    let previously_revoked = o.opt(d, &root, "previouslyRevoked", Decoder::boolean);
    let code_of_conduct_violations = o.opt(d, &root, "codeOfConductViolations", count());
    let linked_shop_at_risk = o.opt(d, &root, "linkedShopAtRisk", Decoder::boolean);
    let tax_info_provided = o.opt(d, &root, "taxInfoProvided", Decoder::boolean);
    let identity_and_age_verified = o.opt(d, &root, "identityAndAgeVerified", Decoder::boolean);
    let foreign_creator = o.opt(d, &root, "foreignCreator", Decoder::boolean);
    o.finish(d, &root);

    // The dates of an enforcement state make sense only in that state; a stale date left in a
    // form is a mistake worth reporting. (Skipped when `permission` itself could not be read.)
    if permission.is_some() || !permission_given {
        let state = permission.unwrap_or_default();
        if restricted_until.is_some() && state != Permission::Restricted {
            d.report(
                ErrorCode::InvalidInput,
                &root.key("restrictedUntil"),
                "restrictedUntil applies only when permission is \"restricted\"",
            );
        }
        if enforced_on.is_some() && !matches!(state, Permission::Restricted | Permission::Revoked) {
            d.report(
                ErrorCode::InvalidInput,
                &root.key("enforcedOn"),
                "enforcedOn applies only when permission is \"restricted\" or \"revoked\"",
            );
        }
    }
    let as_count = |n: i64| u64::try_from(n).ok();
    Some(EligibilityInput {
        call: call?,
        followers: followers.and_then(as_count),
        age: age.and_then(as_count),
        identity_verified,
        government_account,
        permission: permission.unwrap_or_default(),
        restricted_until,
        enforced_on,
        previously_revoked,
        code_of_conduct_violations: code_of_conduct_violations.and_then(as_count),
        linked_shop_at_risk,
        tax_info_provided,
        identity_and_age_verified,
        foreign_creator,
    })
}

/// The verdict of a `checkEligibility` call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// No permission yet, and every criterion in force is met: the creator can apply.
    Eligible,
    /// No permission yet, and at least one criterion in force is not met.
    NotEligible,
    /// No permission yet, nothing fails, but at least one fact was not given.
    Incomplete,
    /// The permission was revoked permanently (now or before): it can never be applied for.
    Never,
    /// The creator holds the permission.
    Active,
    /// The permission is temporarily restricted.
    Restricted,
}

impl Outcome {
    /// The JS name.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Eligible => "eligible",
            Outcome::NotEligible => "not_eligible",
            Outcome::Incomplete => "incomplete",
            Outcome::Never => "never",
            Outcome::Active => "active",
            Outcome::Restricted => "restricted",
        }
    }
}

/// What `checkEligibility` returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EligibilityReport {
    /// The verdict.
    pub outcome: Outcome,
    /// True exactly when the outcome is `eligible`.
    pub can_apply: bool,
    /// The date the check was made for.
    pub as_of: Date,
    /// Every criterion in force on `as_of`, in pack order.
    pub criteria: Vec<CriterionResult>,
    /// Criteria that come into force after `as_of` (with their `effectiveFrom`); they do not
    /// decide the outcome yet.
    pub upcoming: Vec<CriterionResult>,
    /// What to do next, in order.
    pub next_steps: Vec<Note>,
    /// What the permission allows.
    pub capabilities: Vec<Note>,
    /// The limits a new permission holder works under (the US pilot below 5,000 followers),
    /// when they apply or may apply (follower count unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limits: Option<Limits>,
    /// Why the enforcement state decides the outcome (`never`, `restricted`, or `active` after a
    /// restriction ended); `None` otherwise.
    pub reason: Option<Cited>,
    /// The last day of the restriction, for a restricted permission whose end date was given.
    pub restricted_until: Option<Date>,
    /// How to appeal a restriction or revocation in force.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appeal: Option<Appeal>,
    /// The Link-Share Only tier beside the full permission, where the region offers it on
    /// `asOf` (Indonesia from 2025-07-03, Vietnam); `null` elsewhere.
    pub link_share: Option<LinkShareReport>,
    /// How the permission can be restricted or removed.
    pub enforcement: Vec<Note>,
    /// Every source the section's rules cite, with title, publisher, date and whether official.
    pub sources: Vec<SourceRef>,
    /// The policy the check was judged under.
    pub policy: PolicyRef,
}

/// The Link-Share Only tier: sharing TikTok Shop product, store and campaign links for
/// commission, with fewer criteria than the full permission (no follower minimum).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkShareReport {
    /// The verdict for this tier, on the same scale as the full permission's.
    pub outcome: Outcome,
    /// True exactly when the outcome is `eligible`.
    pub can_apply: bool,
    /// The tier's rule id.
    pub rule_id: String,
    /// What the tier allows and what it waives, in the caller's language.
    pub message: String,
    /// The rule's source.
    pub source: String,
    /// Whether the source states the tier and what it waives.
    pub verified: bool,
    /// The day the tier was first offered, where the pack gives one.
    pub effective_from: Option<Date>,
    /// The criteria in force for this tier.
    pub criteria: Vec<CriterionResult>,
    /// Its criteria that come into force after `asOf`.
    pub upcoming: Vec<CriterionResult>,
    /// What to do next for this tier.
    pub next_steps: Vec<Note>,
}

/// The limits of a pilot regime (the US: under 5,000 followers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    /// The pack rule id.
    pub rule_id: String,
    /// The limits, in the caller's language.
    pub message: String,
    /// The rule's source.
    pub source: String,
    /// Whether the source states the figures.
    pub verified: bool,
    /// The limits apply below this many followers.
    pub below_followers: u64,
    /// Length of the pilot in days.
    pub pilot_days: u32,
    /// Shoppable LIVEs allowed per week.
    pub weekly_shoppable_lives: u32,
    /// Shoppable videos allowed per week.
    pub weekly_shoppable_videos: u32,
}

/// The appeal route for a restriction or revocation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Appeal {
    /// The pack rule id.
    pub rule_id: String,
    /// Where to appeal, as a stable key (`account_status_page`).
    pub route: String,
    /// How to appeal, in the caller's language.
    pub message: String,
    /// The rule's source.
    pub source: String,
    /// Whether the source states the route and deadline.
    pub verified: bool,
    /// Days from the enforcement action within which to appeal, where the pack knows them.
    pub deadline_days: Option<u32>,
    /// The last day to appeal: `enforcedOn` + `deadlineDays`, when both are known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Date>,
    /// Whether `as_of` is on or before the deadline; `None` when there is no deadline date.
    pub open: Option<bool>,
}

impl Engine {
    /// `checkEligibility`: decodes the call, picks the region's policy and the date, evaluates.
    pub fn check_eligibility(
        &self,
        input: &Value<'_>,
        today: Today,
    ) -> Result<EligibilityReport, Error> {
        let input = EligibilityInput::decode(input)?;
        let (policy, as_of) = self.resolve(&input.call, today)?;
        Ok(evaluate(policy, &input, as_of))
    }
}

/// The short, stable id a criterion has in reports.
pub fn criterion_id(kind: CriterionKind) -> &'static str {
    match kind {
        CriterionKind::Followers => "followers",
        CriterionKind::Age => "age",
        CriterionKind::IdentityVerified => "identity_verified",
        CriterionKind::NotGovernmentAccount => "not_government",
        CriterionKind::CodeOfConductViolations => "no_code_of_conduct_violations",
        CriterionKind::NeverRevoked => "never_revoked",
        CriterionKind::LinkedShopNotAtRisk => "linked_shop_ok",
        CriterionKind::TaxInfoProvided => "tax_info",
        CriterionKind::IdentityAndAgeVerified => "identity_age_verification",
    }
}

/// Evaluates `input` under `policy` on `as_of`.
pub fn evaluate(policy: &RegionPolicy, input: &EligibilityInput, as_of: Date) -> EligibilityReport {
    let pack = &policy.pack;
    let e = &pack.eligibility;
    let lang = input.call.lang;
    let judged = judge_all(e.criteria.iter(), input, as_of, lang);
    let state = State::of(e, input, as_of);
    let outcome = state.outcome(&judged);

    let appeal = state.appealable().then(|| appeal(e, input, as_of, lang));
    let link_share = e
        .link_share
        .as_ref()
        .filter(|l| l.meta.in_force(as_of))
        .map(|l| link_share(e, l, input, &state, appeal.as_ref(), as_of, lang));
    let next_steps =
        next_steps(e, outcome, judged.steps, judged.upcoming_steps, appeal.as_ref(), lang);
    let capabilities = e
        .capabilities
        .iter()
        .map(|c| {
            let key = format!("capability.{}", c.meta.id);
            Note::cited(&c.meta.id, &c.meta, lang, &key, &[])
        })
        .collect();

    EligibilityReport {
        outcome,
        can_apply: outcome == Outcome::Eligible,
        as_of,
        criteria: judged.criteria,
        upcoming: judged.upcoming,
        next_steps,
        capabilities,
        limits: pilot_limits(e, input, outcome, lang),
        reason: reason(e, input, &state, outcome, lang),
        restricted_until: if input.permission == Permission::Restricted {
            input.restricted_until
        } else {
            None
        },
        appeal,
        link_share,
        enforcement: enforcement_notes(e, lang),
        sources: SourceRef::of_rules(pack, &e.rules()),
        policy: PolicyRef::of(pack),
    }
}

/// What to do next: apply, or meet what is missing (then what comes into force later), or
/// appeal an enforcement in force.
fn next_steps(
    e: &EligibilityPolicy,
    outcome: Outcome,
    steps: Vec<Note>,
    upcoming_steps: Vec<Note>,
    appeal: Option<&Appeal>,
    lang: Lang,
) -> Vec<Note> {
    match outcome {
        Outcome::Eligible => {
            let route = route_text(lang, &e.application.route);
            let apply = derived_note(
                "apply",
                &e.application.meta,
                lang,
                "eligibility.next.apply",
                &[("route", &route)],
            );
            std::iter::once(apply).chain(upcoming_steps).collect()
        }
        Outcome::NotEligible | Outcome::Incomplete => {
            steps.into_iter().chain(upcoming_steps).collect()
        }
        Outcome::Never | Outcome::Restricted | Outcome::Active => appeal
            .iter()
            .map(|a| Note {
                id: "appeal".to_owned(),
                message: a.message.clone(),
                source: Some(a.source.clone()),
            })
            .collect(),
    }
}

/// The Link-Share Only tier judged on the full criteria less the ones it waives; the
/// enforcement state decides first, as for the full permission.
fn link_share(
    e: &EligibilityPolicy,
    tier: &LinkShare,
    input: &EligibilityInput,
    state: &State,
    appeal: Option<&Appeal>,
    as_of: Date,
    lang: Lang,
) -> LinkShareReport {
    let criteria = e.criteria.iter().filter(|c| !tier.waives.contains(&c.kind));
    let judged = judge_all(criteria, input, as_of, lang);
    let outcome = state.outcome(&judged);
    let waived: Vec<String> = e
        .criteria
        .iter()
        .filter(|c| tier.waives.contains(&c.kind) && c.meta.in_force(as_of))
        .map(|c| criterion_message(c, lang))
        .collect();
    let waived = i18n::join(&waived, " ");
    LinkShareReport {
        outcome,
        can_apply: outcome == Outcome::Eligible,
        rule_id: tier.meta.id.clone(),
        message: i18n::render_rule(
            lang,
            &tier.meta,
            Some("eligibility.link_share"),
            &[("waived", &waived)],
        ),
        source: tier.meta.source.clone(),
        verified: tier.meta.verified,
        effective_from: tier.meta.effective_from,
        criteria: judged.criteria,
        upcoming: judged.upcoming,
        next_steps: next_steps(e, outcome, judged.steps, judged.upcoming_steps, appeal, lang),
    }
}

/// The criteria as judged, split into those in force on the date and those still to come, each
/// with the next steps for the ones not met or unknown.
struct Judged {
    criteria: Vec<CriterionResult>,
    upcoming: Vec<CriterionResult>,
    steps: Vec<Note>,
    upcoming_steps: Vec<Note>,
    /// A criterion in force is not met.
    failed: bool,
    /// A criterion in force is unknown.
    unknown: bool,
}

fn judge_all<'a>(
    criteria: impl Iterator<Item = &'a Criterion>,
    input: &EligibilityInput,
    as_of: Date,
    lang: Lang,
) -> Judged {
    let mut judged = Judged {
        criteria: Vec::new(),
        upcoming: Vec::new(),
        steps: Vec::new(),
        upcoming_steps: Vec::new(),
        failed: false,
        unknown: false,
    };
    // A criterion replaced before the date no longer applies; one not yet in force is upcoming;
    // one that binds only foreign (or only local) creators is left out for the others.
    for criterion in criteria.filter(|c| !c.meta.expired(as_of)) {
        let binds = criterion.applies_to.binds(input.foreign_creator);
        if binds == Some(false) {
            continue;
        }
        // Whether it binds this creator is unknown: met if the fact is met anyway, else unknown.
        let met = match judge(criterion, input) {
            Some(false) if binds.is_none() => None,
            met => met,
        };
        let in_force = criterion.meta.in_force(as_of);
        let result = CriterionResult {
            id: criterion_id(criterion.kind).to_owned(),
            rule_id: criterion.meta.id.clone(),
            met,
            message: criterion_message(criterion, lang),
            source: criterion.meta.source.clone(),
            verified: criterion.meta.verified,
            effective_from: criterion.meta.effective_from,
            effective_until: criterion.meta.effective_until,
        };
        let step =
            (met != Some(true)).then(|| criterion_step(criterion, met, input, lang, !in_force));
        if in_force {
            judged.failed |= met == Some(false);
            judged.unknown |= met.is_none();
            judged.criteria.push(result);
            judged.steps.extend(step);
        } else {
            judged.upcoming.push(result);
            judged.upcoming_steps.extend(step);
        }
    }
    judged
}

/// The enforcement state, which decides before the criteria do.
struct State {
    /// Revoked now, or before, under a pack where revocation is permanent.
    never: bool,
    /// `permission` as given.
    permission: Permission,
    /// A restriction whose last day (`restrictedUntil`, inclusive) is before the date.
    lapsed: bool,
}

impl State {
    fn of(e: &EligibilityPolicy, input: &EligibilityInput, as_of: Date) -> State {
        let revoked =
            input.permission == Permission::Revoked || input.previously_revoked == Some(true);
        State {
            never: e.enforcement.revocation_is_permanent && revoked,
            permission: input.permission,
            lapsed: input.permission == Permission::Restricted
                && input.restricted_until.is_some_and(|until| until < as_of),
        }
    }

    /// Only a creator without the permission (or, under a pack where revocation is not
    /// permanent, with a revoked one) is judged on the criteria.
    fn outcome(&self, judged: &Judged) -> Outcome {
        if self.never {
            return Outcome::Never;
        }
        match self.permission {
            Permission::Restricted if self.lapsed => Outcome::Active,
            Permission::Restricted => Outcome::Restricted,
            Permission::Active => Outcome::Active,
            Permission::None | Permission::Revoked if judged.failed => Outcome::NotEligible,
            Permission::None | Permission::Revoked if judged.unknown => Outcome::Incomplete,
            Permission::None | Permission::Revoked => Outcome::Eligible,
        }
    }

    /// A restriction or revocation in force can be appealed.
    fn appealable(&self) -> bool {
        match self.permission {
            Permission::Revoked => true,
            Permission::Restricted => !self.lapsed,
            Permission::None | Permission::Active => false,
        }
    }
}

/// The pilot's limits, where the pack has a pilot and the follower count is under it or unknown.
fn pilot_limits(
    e: &EligibilityPolicy,
    input: &EligibilityInput,
    outcome: Outcome,
    lang: Lang,
) -> Option<Limits> {
    let p = e.pilot.as_ref()?;
    let may_apply = input.followers.is_none_or(|n| n < p.below_followers);
    if outcome == Outcome::Never || !may_apply {
        return None;
    }
    let message = i18n::render_rule(
        lang,
        &p.meta,
        Some("eligibility.limits.pilot"),
        &[
            ("followers", &i18n::number(lang, saturating_i64(p.below_followers))),
            ("days", &i18n::number(lang, i64::from(p.days))),
            ("lives", &i18n::number(lang, i64::from(p.weekly_shoppable_lives))),
            ("videos", &i18n::number(lang, i64::from(p.weekly_shoppable_videos))),
        ],
    );
    Some(Limits {
        rule_id: p.meta.id.clone(),
        message,
        source: p.meta.source.clone(),
        verified: p.meta.verified,
        below_followers: p.below_followers,
        pilot_days: p.days,
        weekly_shoppable_lives: p.weekly_shoppable_lives,
        weekly_shoppable_videos: p.weekly_shoppable_videos,
    })
}

/// Why the enforcement state decided the outcome, citing the enforcement rule (seed 000).
fn reason(
    e: &EligibilityPolicy,
    input: &EligibilityInput,
    state: &State,
    outcome: Outcome,
    lang: Lang,
) -> Option<Cited> {
    let rule = &e.enforcement.meta;
    let until = input.restricted_until.map(|d| i18n::date(lang, d));
    let (key, date) = match (outcome, until) {
        (Outcome::Never, _) if input.permission == Permission::Revoked => {
            ("eligibility.reason.revoked", None)
        }
        (Outcome::Never, _) => ("eligibility.reason.previously_revoked", None),
        (Outcome::Restricted, Some(date)) => ("eligibility.reason.restricted_until", Some(date)),
        (Outcome::Restricted, None) => ("eligibility.reason.restricted", None),
        (Outcome::Active, Some(date)) if state.lapsed => {
            ("eligibility.reason.restriction_ended", Some(date))
        }
        _ => return None,
    };
    let date = date.unwrap_or_default();
    Some(derived_cite(rule, lang, key, &[("date", &date)]))
}

/// Whether the facts meet `criterion`: `None` when the fact it tests was not given.
fn judge(criterion: &Criterion, input: &EligibilityInput) -> Option<bool> {
    let bound = criterion.bound.unwrap_or(0);
    match criterion.kind {
        CriterionKind::Followers => input.followers.map(|n| n >= bound),
        CriterionKind::Age => input.age.map(|n| n >= bound),
        CriterionKind::IdentityVerified => input.identity_verified,
        CriterionKind::NotGovernmentAccount => input.government_account.map(|g| !g),
        CriterionKind::CodeOfConductViolations => {
            input.code_of_conduct_violations.map(|n| n <= bound)
        }
        // A permission revoked now has, by definition, been revoked.
        CriterionKind::NeverRevoked if input.permission == Permission::Revoked => Some(false),
        CriterionKind::NeverRevoked => input.previously_revoked.map(|r| !r),
        CriterionKind::LinkedShopNotAtRisk => input.linked_shop_at_risk.map(|r| !r),
        CriterionKind::TaxInfoProvided => input.tax_info_provided,
        CriterionKind::IdentityAndAgeVerified => input.identity_and_age_verified,
    }
}

/// What the criterion requires, as the rule states it (a pack's own message wins).
fn criterion_message(criterion: &Criterion, lang: Lang) -> String {
    // Only the counted criteria have a figure to show.
    let figure = match criterion.kind.bound() {
        Some(_) => i18n::number(lang, saturating_i64(criterion.bound.unwrap_or(0))),
        None => String::new(),
    };
    let (key, args): (&str, &[(&str, &str)]) = match criterion.kind {
        CriterionKind::Followers => ("eligibility.criterion.followers", &[("min", &figure)]),
        CriterionKind::Age => ("eligibility.criterion.age", &[("min", &figure)]),
        CriterionKind::IdentityVerified => ("eligibility.criterion.identity_verified", &[]),
        CriterionKind::NotGovernmentAccount => ("eligibility.criterion.not_government", &[]),
        CriterionKind::CodeOfConductViolations if criterion.bound.unwrap_or(0) == 0 => {
            ("eligibility.criterion.no_code_of_conduct_violations", &[])
        }
        CriterionKind::CodeOfConductViolations => {
            ("eligibility.criterion.code_of_conduct_violations_max", &[("max", &figure)])
        }
        CriterionKind::NeverRevoked => ("eligibility.criterion.never_revoked", &[]),
        CriterionKind::LinkedShopNotAtRisk => ("eligibility.criterion.linked_shop_ok", &[]),
        CriterionKind::TaxInfoProvided => ("eligibility.criterion.tax_info", &[]),
        CriterionKind::IdentityAndAgeVerified => {
            ("eligibility.criterion.identity_age_verification", &[])
        }
    };
    i18n::render_rule(lang, &criterion.meta, Some(key), args)
}

/// The next step for a criterion that is not met (`met: Some(false)`) or unknown (`None`); for
/// an `upcoming` criterion, prefixed with the date it comes into force.
fn criterion_step(
    criterion: &Criterion,
    met: Option<bool>,
    input: &EligibilityInput,
    lang: Lang,
    upcoming: bool,
) -> Note {
    let bound = criterion.bound.unwrap_or(0);
    let figure = match criterion.kind.bound() {
        Some(_) => i18n::number(lang, saturating_i64(bound)),
        None => String::new(),
    };
    let id = criterion_id(criterion.kind);
    let message = match (criterion.kind, met) {
        (CriterionKind::Followers, Some(false)) => {
            let have = input.followers.unwrap_or(0);
            let missing = bound.saturating_sub(have);
            let key = if missing == 1 {
                "eligibility.next.followers_one"
            } else {
                "eligibility.next.followers"
            };
            i18n::render(
                lang,
                key,
                &[
                    ("missing", &i18n::number(lang, saturating_i64(missing))),
                    ("followers", &i18n::number(lang, saturating_i64(have))),
                    ("min", &figure),
                ],
            )
        }
        (CriterionKind::Followers, _) => {
            i18n::render(lang, "eligibility.unknown.followers", &[("min", &figure)])
        }
        (CriterionKind::Age, Some(false)) => {
            i18n::render(lang, "eligibility.next.age", &[("min", &figure)])
        }
        (CriterionKind::Age, _) => {
            i18n::render(lang, "eligibility.unknown.age", &[("min", &figure)])
        }
        (CriterionKind::CodeOfConductViolations, Some(false)) => {
            let count = input.code_of_conduct_violations.unwrap_or(0);
            let key = if bound == 0 {
                "eligibility.next.no_code_of_conduct_violations"
            } else {
                "eligibility.next.code_of_conduct_violations_max"
            };
            i18n::render(
                lang,
                key,
                &[("count", &i18n::number(lang, saturating_i64(count))), ("max", &figure)],
            )
        }
        (_, Some(false)) => i18n::render(lang, &format!("eligibility.next.{id}"), &[]),
        (_, _) => i18n::render(lang, &format!("eligibility.unknown.{id}"), &[]),
    };
    let message = match criterion.meta.effective_from {
        Some(from) if upcoming => i18n::render(
            lang,
            "eligibility.next.upcoming",
            &[("date", &i18n::date(lang, from)), ("step", &message)],
        ),
        _ => message,
    };
    Note { id: id.to_owned(), message, source: Some(criterion.meta.source.clone()) }
}

fn appeal(e: &EligibilityPolicy, input: &EligibilityInput, as_of: Date, lang: Lang) -> Appeal {
    let rule = &e.appeal;
    let route = route_text(lang, &rule.route);
    let deadline =
        rule.deadline_days.zip(input.enforced_on).map(|(days, on)| on.plus_days(i64::from(days)));
    let open = deadline.map(|last| as_of <= last);
    let days = rule.deadline_days.map(|n| i18n::number(lang, i64::from(n))).unwrap_or_default();
    let date = deadline.map(|d| i18n::date(lang, d)).unwrap_or_default();
    let key = match (rule.deadline_days, open) {
        (None, _) => "eligibility.appeal.no_deadline",
        (Some(_), None) => "eligibility.appeal.within",
        (Some(_), Some(true)) => "eligibility.appeal.by",
        (Some(_), Some(false)) => "eligibility.appeal.closed",
    };
    Appeal {
        rule_id: rule.meta.id.clone(),
        route: rule.route.clone(),
        message: i18n::render_rule(
            lang,
            &rule.meta,
            Some(key),
            &[("route", &route), ("days", &days), ("deadline", &date)],
        ),
        source: rule.meta.source.clone(),
        verified: rule.meta.verified,
        deadline_days: rule.deadline_days,
        deadline,
        open,
    }
}

fn enforcement_notes(e: &EligibilityPolicy, lang: Lang) -> Vec<Note> {
    let general = &e.enforcement;
    let key = if general.revocation_is_permanent {
        "eligibility.enforcement.permanent"
    } else {
        "eligibility.enforcement.revocable"
    };
    let mut notes = vec![Note::cited("enforcement", &general.meta, lang, key, &[])];
    if let Some(repeat) = &e.repeat_violation {
        notes.push(Note::cited(
            "repeat_violation",
            &repeat.meta,
            lang,
            "eligibility.enforcement.repeat_violation",
            &[
                ("count", &i18n::number(lang, i64::from(repeat.count))),
                ("days", &i18n::number(lang, i64::from(repeat.within_days))),
            ],
        ));
    }
    notes
}

/// A route key (`creator_tools`) as text in `lang`.
fn route_text(lang: Lang, route: &str) -> String {
    i18n::render(lang, &format!("route.{route}"), &[])
}

/// A note derived from the facts: catalog text (never a pack's override), citing `rule`.
fn derived_note(id: &str, rule: &RuleMeta, lang: Lang, key: &str, args: &[(&str, &str)]) -> Note {
    Note {
        id: id.to_owned(),
        message: i18n::render(lang, key, args),
        source: Some(rule.source.clone()),
    }
}

/// A reason derived from the facts: catalog text, citing `rule`.
fn derived_cite(rule: &RuleMeta, lang: Lang, key: &str, args: &[(&str, &str)]) -> Cited {
    Cited {
        rule_id: rule.id.clone(),
        message: i18n::render(lang, key, args),
        source: rule.source.clone(),
    }
}

fn saturating_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
