//! The eligibility section: the criteria for e-commerce permission in a region, what the
//! permission allows, how to apply and appeal, and the region's special regimes (the US pilot).

use super::rule::{RuleMeta, read_plain};
use crate::decode::{Decoder, Path, int, word};
use crate::value::Value;

/// Which fact a criterion tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CriterionKind {
    /// `followers >= min`.
    Followers,
    /// `age >= min`.
    Age,
    /// `identityVerified`.
    IdentityVerified,
    /// `!governmentAccount` (not a government, politician or political party account).
    NotGovernmentAccount,
    /// `codeOfConductViolations <= max`.
    CodeOfConductViolations,
    /// `!previouslyRevoked`.
    NeverRevoked,
    /// `!linkedShopAtRisk`.
    LinkedShopNotAtRisk,
    /// `taxInfoProvided` (Vietnam, from 2025-07-01).
    TaxInfoProvided,
    /// `identityAndAgeVerified`: the in-app Identity and Age Verification (Indonesia, from Q1
    /// 2026).
    IdentityAndAgeVerified,
}

impl CriterionKind {
    /// The names used in packs.
    pub const NAMES: &'static [(&'static str, CriterionKind)] = &[
        ("followers", CriterionKind::Followers),
        ("age", CriterionKind::Age),
        ("identityVerified", CriterionKind::IdentityVerified),
        ("notGovernmentAccount", CriterionKind::NotGovernmentAccount),
        ("codeOfConductViolations", CriterionKind::CodeOfConductViolations),
        ("neverRevoked", CriterionKind::NeverRevoked),
        ("linkedShopNotAtRisk", CriterionKind::LinkedShopNotAtRisk),
        ("taxInfoProvided", CriterionKind::TaxInfoProvided),
        ("identityAndAgeVerified", CriterionKind::IdentityAndAgeVerified),
    ];

    /// Whether the criterion takes a `min` or `max` figure, and which.
    pub fn bound(self) -> Option<&'static str> {
        match self {
            CriterionKind::Followers | CriterionKind::Age => Some("min"),
            CriterionKind::CodeOfConductViolations => Some("max"),
            _ => None,
        }
    }
}

/// Which creators a criterion binds: Indonesia's identity and age verification is mandatory
/// for foreign creators, Vietnam's tax code is asked of Vietnamese ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AppliesTo {
    /// Every creator (the default).
    #[default]
    All,
    /// Creators who are not citizens of the region (`foreignCreator: true`).
    Foreign,
    /// The region's own citizens (`foreignCreator: false`).
    Local,
}

impl AppliesTo {
    /// The names used in packs.
    pub const NAMES: &'static [(&'static str, AppliesTo)] =
        &[("all", AppliesTo::All), ("foreign", AppliesTo::Foreign), ("local", AppliesTo::Local)];

    /// Whether a creator is bound: `None` when it depends on an unknown `foreignCreator`.
    pub fn binds(self, foreign: Option<bool>) -> Option<bool> {
        match self {
            AppliesTo::All => Some(true),
            AppliesTo::Foreign => foreign,
            AppliesTo::Local => foreign.map(|f| !f),
        }
    }
}

/// One eligibility criterion.
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    /// Id, citation and the dates it is in force.
    pub meta: RuleMeta,
    /// The fact tested.
    pub kind: CriterionKind,
    /// The `min` or `max` figure, for criteria that have one.
    pub bound: Option<u64>,
    /// Which creators it binds.
    pub applies_to: AppliesTo,
}

/// The Link-Share Only tier (Indonesia, Vietnam): sharing TikTok Shop product, store and
/// campaign links for commission, on the full permission's criteria less the ones it waives.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkShare {
    /// Id, citation and the dates it is offered.
    pub meta: RuleMeta,
    /// The criteria of the full permission that do not apply (`followers`).
    pub waives: Vec<CriterionKind>,
}

/// Something the permission lets a creator do.
#[derive(Debug, Clone, PartialEq)]
pub struct Capability {
    /// Id (`profile_showcase`, `video_promotion`, `live_promotion`) and citation.
    pub meta: RuleMeta,
}

/// A route a creator takes (apply, appeal), with an optional deadline.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// Id and citation.
    pub meta: RuleMeta,
    /// Where to go, as a message key (`creator_tools`, `account_status_page`).
    pub route: String,
    /// Days from the enforcement action within which an appeal must be filed, where known.
    pub deadline_days: Option<u32>,
}

/// How enforcement works: restriction is temporary, revocation permanent.
#[derive(Debug, Clone, PartialEq)]
pub struct Enforcement {
    /// Id and citation.
    pub meta: RuleMeta,
    /// A revoked permission can never be applied for again.
    pub revocation_is_permanent: bool,
}

/// The US pilot for creators under a follower threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct Pilot {
    /// Id and citation.
    pub meta: RuleMeta,
    /// The pilot applies below this many followers.
    pub below_followers: u64,
    /// Length of the pilot in days.
    pub days: u32,
    /// Shoppable LIVEs allowed per week while below the threshold.
    pub weekly_shoppable_lives: u32,
    /// Shoppable videos allowed per week while below the threshold.
    pub weekly_shoppable_videos: u32,
}

/// Removal of the permission after repeating the same violation.
#[derive(Debug, Clone, PartialEq)]
pub struct RepeatViolation {
    /// Id and citation.
    pub meta: RuleMeta,
    /// How many times the same violation.
    pub count: u32,
    /// Within how many days.
    pub within_days: u32,
}

/// The whole eligibility section.
#[derive(Debug, Clone, PartialEq)]
pub struct EligibilityPolicy {
    /// The criteria, in report order.
    pub criteria: Vec<Criterion>,
    /// What the permission allows.
    pub capabilities: Vec<Capability>,
    /// How to apply.
    pub application: Route,
    /// Restriction and revocation.
    pub enforcement: Enforcement,
    /// How to appeal.
    pub appeal: Route,
    /// The pilot regime, where the region has one.
    pub pilot: Option<Pilot>,
    /// Removal after repeated violations, where the region publishes it.
    pub repeat_violation: Option<RepeatViolation>,
    /// The Link-Share Only tier, where the region offers it.
    pub link_share: Option<LinkShare>,
    /// A note for maintainers.
    pub note: Option<String>,
}

impl EligibilityPolicy {
    /// Every rule of the section. A list rather than a chain of iterators: nested `Chain`
    /// types each bring their own code into the wasm.
    pub fn rules(&self) -> Vec<&RuleMeta> {
        let mut rules: Vec<&RuleMeta> = self.criteria.iter().map(|c| &c.meta).collect();
        rules.extend(self.capabilities.iter().map(|c| &c.meta));
        rules.extend([&self.application.meta, &self.enforcement.meta, &self.appeal.meta]);
        rules.extend(self.pilot.iter().map(|p| &p.meta));
        rules.extend(self.repeat_violation.iter().map(|r| &r.meta));
        rules.extend(self.link_share.iter().map(|l| &l.meta));
        rules
    }
}

/// The largest follower or violation count a pack may name.
pub const MAX_COUNT: i64 = 1_000_000_000;

impl EligibilityPolicy {
    pub(crate) fn read(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<EligibilityPolicy> {
        let mut o = d.object(v, path)?;
        let criteria = o.req(d, path, "criteria", |d, v, p| d.list(v, p, read_criterion));
        let capabilities = o.req(d, path, "capabilities", |d, v, p| {
            d.list(v, p, |d, v, p| read_plain(d, v, p).map(|meta| Capability { meta }))
        });
        let application = o.req(d, path, "application", read_route);
        let enforcement = o.req(d, path, "enforcement", read_enforcement);
        let appeal = o.req(d, path, "appeal", read_route);
        let pilot = o.opt(d, path, "pilot", read_pilot);
        let repeat_violation = o.opt(d, path, "repeatViolation", read_repeat);
        let link_share = o.opt(d, path, "linkShare", read_link_share);
        let note = o.opt(d, path, "note", Decoder::string);
        o.finish(d, path);
        Some(EligibilityPolicy {
            criteria: criteria?,
            capabilities: capabilities?,
            application: application?,
            enforcement: enforcement?,
            appeal: appeal?,
            pilot,
            repeat_violation,
            link_share,
            note: note.map(str::to_owned),
        })
    }
}

fn read_criterion(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<Criterion> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    let kind = o.req(d, path, "criterion", word(CriterionKind::NAMES));
    let applies_to = o.opt(d, path, "appliesTo", word(AppliesTo::NAMES)).unwrap_or_default();
    let mut bound = None;
    if let Some(kind) = kind {
        let limits = match kind {
            CriterionKind::Age => (0, 150),
            _ => (0, MAX_COUNT),
        };
        match kind.bound() {
            Some(key) => bound = o.req(d, path, key, int(limits.0, limits.1)).map(|n| n as u64),
            None => {
                // A stray figure on a yes/no criterion is a mistake worth reporting.
                for key in ["min", "max"] {
                    if o.take(key).is_some() {
                        d.report(
                            crate::error::ErrorCode::UnknownField,
                            &path.key(key),
                            format!("criterion has no \"{key}\" figure"),
                        );
                    }
                }
            }
        }
    }
    o.finish(d, path);
    if kind.and_then(CriterionKind::bound).is_some() && bound.is_none() {
        return None;
    }
    Some(Criterion { meta: meta?, kind: kind?, bound, applies_to })
}

fn read_route(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<Route> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    let route = o.req(d, path, "route", Decoder::text);
    let deadline_days = o.opt(d, path, "deadlineDays", int(1, 3650));
    o.finish(d, path);
    Some(Route {
        meta: meta?,
        route: route?.to_owned(),
        deadline_days: deadline_days.map(|n| n as u32),
    })
}

fn read_enforcement(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<Enforcement> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    let permanent = o.req(d, path, "revocationIsPermanent", Decoder::boolean);
    o.finish(d, path);
    Some(Enforcement { meta: meta?, revocation_is_permanent: permanent? })
}

fn read_pilot(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<Pilot> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    let below = o.req(d, path, "belowFollowers", int(1, MAX_COUNT));
    let days = o.req(d, path, "days", int(1, 3650));
    let lives = o.req(d, path, "weeklyShoppableLives", int(0, 10_000));
    let videos = o.req(d, path, "weeklyShoppableVideos", int(0, 10_000));
    o.finish(d, path);
    Some(Pilot {
        meta: meta?,
        below_followers: below? as u64,
        days: days? as u32,
        weekly_shoppable_lives: lives? as u32,
        weekly_shoppable_videos: videos? as u32,
    })
}

fn read_repeat(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<RepeatViolation> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    let count = o.req(d, path, "count", int(1, 1000));
    let within = o.req(d, path, "withinDays", int(1, 3650));
    o.finish(d, path);
    Some(RepeatViolation { meta: meta?, count: count? as u32, within_days: within? as u32 })
}

fn read_link_share(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<LinkShare> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    let waives = o.req(d, path, "waives", |d, v, p| {
        d.list(v, p, |d, v, p| word(CriterionKind::NAMES)(d, v, p))
    });
    o.finish(d, path);
    Some(LinkShare { meta: meta?, waives: waives? })
}
