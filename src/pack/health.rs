//! The health section: violation points or the health rating, milestones, the weekly report and
//! the policy quiz, per role and over time.
//!
//! Sellers and creators are judged differently, and each changes scheme now and then (Southeast
//! Asian creators moved from violation points to the Creator Health Rating in January 2026), so
//! the section is a list of *regimes*: a role, a scheme, the dates it is in force, and the
//! figures it differs in. A regime keeps the regimes it replaced under `replaced`, newest first,
//! each with its `effectiveUntil`; a check picks the regime in force on its as-of date. Figures
//! a regime does not state come from the section's shared figures, so a change of one figure is
//! one small entry. An overlay may drop a history (`"replaced": null`) or a start date
//! (`"effectiveFrom": null`) that does not hold in its region.

use super::rule::{RuleMeta, read_plain};
use crate::date::Date;
use crate::decode::{Decoder, Fields, Path, int, word};
use crate::error::ErrorCode;
use crate::value::Value;
use serde::Serialize;

/// Which account health scheme a region uses. Reports name it as in packs: `"points"`,
/// `"score"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    /// Violation points that expire; milestones at rising totals.
    Points,
    /// A score that starts at a value and falls with violations; milestones at falling scores.
    Score,
}

impl Scheme {
    /// The names used in packs and reports.
    pub const NAMES: &'static [(&'static str, Scheme)] =
        &[("points", Scheme::Points), ("score", Scheme::Score)];
}

/// How long points count and when they stop clearing.
#[derive(Debug, Clone, PartialEq)]
pub struct PointsRule {
    /// Id and citation.
    pub meta: RuleMeta,
    /// A point issued on day D counts through D + validity − 1.
    pub validity_days: u32,
    /// Once active points reach this total, points no longer clear (Indonesia: 48).
    pub clearing_stops_at: Option<u32>,
    /// The most points one violation may carry.
    pub max_per_violation: u32,
}

/// How close to a milestone counts as "approaching".
#[derive(Debug, Clone, PartialEq)]
pub struct WarningRule {
    /// Id and citation.
    pub meta: RuleMeta,
    /// Warn within this many points (or score) of the next milestone.
    pub distance: u32,
}

/// An enforcement milestone.
#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    /// Id and citation.
    pub meta: RuleMeta,
    /// The total (points scheme) or score (score scheme) at which it applies.
    pub at: u32,
    /// The enforcement action, as a message key under `health.action.`.
    pub action: String,
}

/// The score scheme's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRule {
    /// Id and citation.
    pub meta: RuleMeta,
    /// The score a new account starts with.
    pub start: u32,
    /// Lowest score.
    pub min: u32,
    /// Highest score.
    pub max: u32,
    /// At or above this the account is healthy.
    pub healthy_from: u32,
    /// At or below this the account is unhealthy (between the two: caution).
    pub unhealthy_at_or_below: u32,
}

/// The policy quiz.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizRule {
    /// Id and citation.
    pub meta: RuleMeta,
    /// Questions per quiz.
    pub questions: u32,
    /// Attempts per quiz per calendar month.
    pub attempts_per_month: u32,
    /// Points a passed quiz removes (under the score: score points it gives back); `None` where
    /// the amount is not published, so a pass cannot be counted.
    pub points_removed_per_pass: Option<u32>,
    /// At or below this score the quiz is not offered (US sellers: 0).
    pub unavailable_at_or_below: Option<u32>,
    /// The milestone quiz, which shortens an enforcement period (US sellers), where there is one.
    pub milestone_quiz: Option<RuleMeta>,
    /// At most one removal per violation type within this many calendar days.
    pub removal_cooldown_days: u32,
}

/// The weekly account health report.
#[derive(Debug, Clone, PartialEq)]
pub struct WeeklyRule {
    /// Id and citation.
    pub meta: RuleMeta,
    /// Days covered, ending on the as-of date.
    pub days: u32,
}

/// Who is judged: sellers (a shop) and creators are judged under different schemes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A shop: violation points in Southeast Asia, the Account Health Rating in the US and UK.
    #[default]
    Seller,
    /// A creator: the Creator Health Rating (US; Southeast Asia from January 2026).
    Creator,
}

impl Role {
    /// The names used in packs and calls.
    pub const NAMES: &'static [(&'static str, Role)] =
        &[("seller", Role::Seller), ("creator", Role::Creator)];

    /// The name used in packs and calls.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Seller => "seller",
            Role::Creator => "creator",
        }
    }
}

/// The figures one scheme is judged with: the section's shared figures, each replaced where
/// the regime states its own. Borrowed from the pack, so picking a regime copies nothing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HealthRules<'p> {
    /// The scheme in force.
    pub scheme: Scheme,
    /// Point validity: how long a violation counts (the score's window, under the score).
    pub points: &'p PointsRule,
    /// Warning distance.
    pub warning: &'p WarningRule,
    /// Points milestones, ascending.
    pub milestones: &'p [Milestone],
    /// Score scheme figures.
    pub score: &'p ScoreRule,
    /// Score milestones, descending.
    pub score_milestones: &'p [Milestone],
    /// The quiz.
    pub quiz: &'p QuizRule,
    /// The weekly report.
    pub weekly_report: &'p WeeklyRule,
}

/// The figure sections of the health section. The shared ones have every section; a regime
/// has those it restates, each replacing the shared one whole (an overlay still merges into
/// whichever it names).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Figures {
    /// Point validity.
    pub points: Option<PointsRule>,
    /// Warning distance.
    pub warning: Option<WarningRule>,
    /// Points milestones, ascending.
    pub milestones: Option<Vec<Milestone>>,
    /// Score scheme figures.
    pub score: Option<ScoreRule>,
    /// Score milestones, descending.
    pub score_milestones: Option<Vec<Milestone>>,
    /// The quiz.
    pub quiz: Option<QuizRule>,
    /// The weekly report.
    pub weekly_report: Option<WeeklyRule>,
}

/// One role's scheme over a span of dates: the rule that says "sellers here are judged on
/// points" or "creators here are on the rating from 12 January 2026", with the figures it
/// states itself.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthRegime {
    /// Id, citation and the dates it is in force.
    pub meta: RuleMeta,
    /// Whom it judges.
    pub role: Role,
    /// The scheme.
    pub scheme: Scheme,
    /// The figures it states; the others are the section's.
    pub own: Figures,
}

/// The whole health section: each role's regimes, newest first, with the ones they replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthPolicy {
    /// The figures every regime uses unless it states its own (all present).
    pub shared: Figures,
    /// Every regime of every role. For each role exactly one is in force on any day (checked
    /// when the pack is read).
    pub regimes: Vec<HealthRegime>,
    /// A note for maintainers.
    pub note: Option<String>,
}

impl HealthRules<'_> {
    /// Every rule of these figures.
    pub fn rules(&self) -> Vec<&RuleMeta> {
        section_rules(
            Some(self.points),
            Some(self.warning),
            self.milestones,
            Some(self.score),
            self.score_milestones,
            Some(self.quiz),
            Some(self.weekly_report),
        )
    }
}

/// The rules of the figure sections given, in section order: one list for a regime's resolved
/// figures and for the sections a pack states.
fn section_rules<'p>(
    points: Option<&'p PointsRule>,
    warning: Option<&'p WarningRule>,
    milestones: &'p [Milestone],
    score: Option<&'p ScoreRule>,
    score_milestones: &'p [Milestone],
    quiz: Option<&'p QuizRule>,
    weekly_report: Option<&'p WeeklyRule>,
) -> Vec<&'p RuleMeta> {
    let mut rules: Vec<&RuleMeta> = Vec::new();
    rules.extend(points.map(|p| &p.meta));
    rules.extend(warning.map(|w| &w.meta));
    rules.extend(milestones.iter().map(|m| &m.meta));
    rules.extend(score.map(|s| &s.meta));
    rules.extend(score_milestones.iter().map(|m| &m.meta));
    rules.extend(quiz.map(|q| &q.meta));
    rules.extend(quiz.and_then(|q| q.milestone_quiz.as_ref()));
    rules.extend(weekly_report.map(|w| &w.meta));
    rules
}

impl Figures {
    /// Every rule these figures state.
    pub fn rules(&self) -> Vec<&RuleMeta> {
        section_rules(
            self.points.as_ref(),
            self.warning.as_ref(),
            self.milestones.as_deref().unwrap_or_default(),
            self.score.as_ref(),
            self.score_milestones.as_deref().unwrap_or_default(),
            self.quiz.as_ref(),
            self.weekly_report.as_ref(),
        )
    }

    /// Reads the figure sections present in `o`; `required` makes each one mandatory (the
    /// section's shared figures).
    fn read(d: &mut Decoder, o: &mut Fields<'_>, path: &Path<'_>, required: bool) -> Figures {
        let mut get = |d: &mut Decoder, key: &str| {
            let v = o.take(key).filter(|v| **v != Value::Null);
            if v.is_none() && required {
                d.report(
                    ErrorCode::InvalidInput,
                    &path.key(key),
                    format!("missing required field \"{key}\""),
                );
            }
            v
        };
        let milestone_list = |d: &mut Decoder, v: &Value, p: &Path<'_>, key: &str| {
            d.list(v, p, |d, v, p| read_milestone(d, v, p, key))
        };
        let points = get(d, "points").and_then(|v| read_points(d, v, &path.key("points")));
        let warning = get(d, "warning").and_then(|v| read_warning(d, v, &path.key("warning")));
        let milestones = get(d, "milestones")
            .and_then(|v| milestone_list(d, v, &path.key("milestones"), "points"));
        let score = get(d, "score").and_then(|v| read_score(d, v, &path.key("score")));
        let score_milestones = get(d, "scoreMilestones")
            .and_then(|v| milestone_list(d, v, &path.key("scoreMilestones"), "score"));
        let quiz = get(d, "quiz").and_then(|v| read_quiz(d, v, &path.key("quiz")));
        let weekly_report =
            get(d, "weeklyReport").and_then(|v| read_weekly(d, v, &path.key("weeklyReport")));
        Figures { points, warning, milestones, score, score_milestones, quiz, weekly_report }
    }

    /// The checks of the sections present, each where it is written: milestone lists in order
    /// with their messages, the score's bands inside its scale.
    fn check(&self, d: &mut Decoder, path: &Path<'_>) {
        for (list, key, ascending) in [
            (&self.milestones, "milestones", true),
            (&self.score_milestones, "scoreMilestones", false),
        ] {
            let Some(list) = list else { continue };
            let at = path.key(key);
            super::unique(d, &at, &mut list.iter().map(|m| m.meta.id.as_str()), "milestone");
            for (i, pair) in list.windows(2).enumerate() {
                if let [a, b] = pair
                    && !(if ascending { a.at < b.at } else { a.at > b.at })
                {
                    d.report(
                        ErrorCode::InvalidInput,
                        &at.index(i + 1),
                        format!(
                            "milestones must be listed in {} order without repeats ({} then {})",
                            if ascending { "ascending" } else { "descending" },
                            a.at,
                            b.at
                        ),
                    );
                }
            }
            for (i, m) in list.iter().enumerate() {
                let key = format!("health.action.{}", m.action);
                super::need_message(d, &m.meta, &key, &at.index(i).key("action"));
            }
        }
        if let Some(s) = &self.score {
            let score = path.key("score");
            if !(s.min <= s.start && s.start <= s.max) {
                d.report(
                    ErrorCode::InvalidInput,
                    &score.key("start"),
                    format!("start {} is outside {}..{}", s.start, s.min, s.max),
                );
            }
            if s.unhealthy_at_or_below >= s.healthy_from {
                d.report(
                    ErrorCode::InvalidInput,
                    &score.key("unhealthyAtOrBelow"),
                    format!(
                        "unhealthyAtOrBelow {} must be below healthyFrom {}",
                        s.unhealthy_at_or_below, s.healthy_from
                    ),
                );
            }
        }
    }

    /// The checks between two sections (score milestones inside the score's scale; the
    /// clearing stop one of the milestones), with `self` the regime's own figures over
    /// `shared`. Run where at least one of the pair is the regime's own, so a pair of shared
    /// sections is checked once, with the shared figures.
    fn check_pairs(&self, shared: &Figures, d: &mut Decoder, path: &Path<'_>, is_shared: bool) {
        let own = |has: bool| is_shared || has;
        let score = self.score.as_ref().or(shared.score.as_ref());
        let list = self.score_milestones.as_ref().or(shared.score_milestones.as_ref());
        if let (Some(s), Some(list)) = (score, list)
            && own(self.score.is_some() || self.score_milestones.is_some())
        {
            let at = path.key("scoreMilestones");
            for (i, m) in list.iter().enumerate() {
                if m.at < s.min || m.at > s.max {
                    d.report(
                        ErrorCode::InvalidInput,
                        &at.index(i).key("score"),
                        format!("score {} is outside {}..{}", m.at, s.min, s.max),
                    );
                }
            }
        }
        let points = self.points.as_ref().or(shared.points.as_ref());
        let list = self.milestones.as_ref().or(shared.milestones.as_ref());
        if let (Some(p), Some(list)) = (points, list)
            && let Some(stop) = p.clearing_stops_at
            && own(self.points.is_some() || self.milestones.is_some())
            && !list.iter().any(|m| m.at == stop)
        {
            d.report(
                ErrorCode::UnknownReference,
                &path.key("points").key("clearingStopsAt"),
                format!("clearingStopsAt {stop} is not one of the milestones"),
            );
        }
    }
}

/// Highest score or point figure a pack may name.
const MAX_FIGURE: i64 = 100_000;

impl HealthPolicy {
    /// The regime that judges `role` on `day`, with its figures. Packs are checked to leave no
    /// day uncovered, so `None` only for a pack that was not checked.
    pub fn regime(&self, role: Role, day: Date) -> Option<(&HealthRegime, HealthRules<'_>)> {
        let regime = self.regimes.iter().find(|r| r.role == role && r.meta.in_force(day))?;
        Some((regime, self.figures(regime)?))
    }

    /// The figures `regime` is judged with.
    pub fn figures<'p>(&'p self, regime: &'p HealthRegime) -> Option<HealthRules<'p>> {
        let (own, shared) = (&regime.own, &self.shared);
        Some(HealthRules {
            scheme: regime.scheme,
            points: own.points.as_ref().or(shared.points.as_ref())?,
            warning: own.warning.as_ref().or(shared.warning.as_ref())?,
            milestones: own.milestones.as_ref().or(shared.milestones.as_ref())?,
            score: own.score.as_ref().or(shared.score.as_ref())?,
            score_milestones: own.score_milestones.as_ref().or(shared.score_milestones.as_ref())?,
            quiz: own.quiz.as_ref().or(shared.quiz.as_ref())?,
            weekly_report: own.weekly_report.as_ref().or(shared.weekly_report.as_ref())?,
        })
    }

    pub(crate) fn read(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<HealthPolicy> {
        let mut o = d.object(v, path)?;
        if o.take("scheme").is_some() {
            d.report(
                ErrorCode::UnknownField,
                &path.key("scheme"),
                "\"scheme\" moved into health.regimes (one per role, each with its scheme and \
                 dates) in pack format 2026.12",
            );
        }
        let shared = Figures::read(d, &mut o, path, true);
        shared.check(d, path);
        shared.check_pairs(&shared, d, path, true);
        let regimes = o.req(d, path, "regimes", |d, v, p| {
            let mut out = Vec::new();
            d.list(v, p, |d, v, p| read_regime(d, v, p, &shared, &mut out))?;
            Some(out)
        });
        let note = o.opt(d, path, "note", Decoder::string);
        o.finish(d, path);
        Some(HealthPolicy { shared, regimes: regimes?, note: note.map(str::to_owned) })
    }
}

/// Reads a regime and the regimes it replaced (`replaced`, newest first), appending each to
/// `out` in that order.
fn read_regime(
    d: &mut Decoder,
    v: &Value,
    path: &Path<'_>,
    shared: &Figures,
    out: &mut Vec<HealthRegime>,
) -> Option<()> {
    let mut o = d.object(v, path)?;
    let role = o.req(d, path, "role", word(Role::NAMES));
    let regime = read_scheme(d, &mut o, path, shared);
    let replaced = o.opt(d, path, "replaced", |d, v, p| {
        d.list(v, p, |d, v, p| {
            let mut o = d.object(v, p)?;
            let regime = read_scheme(d, &mut o, p, shared);
            o.finish(d, p);
            regime
        })
    });
    o.finish(d, path);
    let role = role?;
    for (meta, scheme, own) in std::iter::once(regime?).chain(replaced.unwrap_or_default()) {
        out.push(HealthRegime { meta, role, scheme, own });
    }
    Some(())
}

/// The fields a regime and a replaced regime share: the rule, its scheme, its own figures.
fn read_scheme(
    d: &mut Decoder,
    o: &mut Fields<'_>,
    path: &Path<'_>,
    shared: &Figures,
) -> Option<(RuleMeta, Scheme, Figures)> {
    let meta = RuleMeta::read(d, o, path);
    let scheme = o.req(d, path, "scheme", word(Scheme::NAMES));
    let own = Figures::read(d, o, path, false);
    own.check(d, path);
    own.check_pairs(shared, d, path, false);
    Some((meta?, scheme?, own))
}

fn read_points(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<PointsRule> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    let validity = o.req(d, path, "validityDays", int(1, 3650));
    let stops = o.opt(d, path, "clearingStopsAt", int(1, MAX_FIGURE));
    let max = o.req(d, path, "maxPerViolation", int(1, MAX_FIGURE));
    o.finish(d, path);
    Some(PointsRule {
        meta: meta?,
        validity_days: validity? as u32,
        clearing_stops_at: stops.map(|n| n as u32),
        max_per_violation: max? as u32,
    })
}

fn read_warning(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<WarningRule> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    let distance = o.req(d, path, "distance", int(0, MAX_FIGURE));
    o.finish(d, path);
    Some(WarningRule { meta: meta?, distance: distance? as u32 })
}

fn read_milestone(d: &mut Decoder, v: &Value, path: &Path<'_>, key: &str) -> Option<Milestone> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    let at = o.req(d, path, key, int(0, MAX_FIGURE));
    let action = o.req(d, path, "action", Decoder::text);
    o.finish(d, path);
    Some(Milestone { meta: meta?, at: at? as u32, action: action?.to_owned() })
}

fn read_score(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<ScoreRule> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    let start = o.req(d, path, "start", int(0, MAX_FIGURE));
    let min = o.req(d, path, "min", int(0, MAX_FIGURE));
    let max = o.req(d, path, "max", int(1, MAX_FIGURE));
    let healthy = o.req(d, path, "healthyFrom", int(0, MAX_FIGURE));
    let unhealthy = o.req(d, path, "unhealthyAtOrBelow", int(0, MAX_FIGURE));
    o.finish(d, path);
    Some(ScoreRule {
        meta: meta?,
        start: start? as u32,
        min: min? as u32,
        max: max? as u32,
        healthy_from: healthy? as u32,
        unhealthy_at_or_below: unhealthy? as u32,
    })
}

fn read_quiz(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<QuizRule> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    let questions = o.req(d, path, "questions", int(1, 100));
    let attempts = o.req(d, path, "attemptsPerMonth", int(0, 100));
    // Required, but `null` is a value: "not published".
    if !o.has("pointsRemovedPerPass") && o.take("pointsRemovedPerPass").is_none() {
        d.report(
            ErrorCode::InvalidInput,
            &path.key("pointsRemovedPerPass"),
            "missing required field \"pointsRemovedPerPass\" (null: the amount is not published)",
        );
    }
    let removed = o.opt(d, path, "pointsRemovedPerPass", int(0, MAX_FIGURE));
    let cooldown = o.req(d, path, "removalCooldownDays", int(0, 3650));
    let unavailable = o.opt(d, path, "unavailableAtOrBelowScore", int(0, MAX_FIGURE));
    let milestone_quiz = o.opt(d, path, "milestoneQuiz", read_plain);
    o.finish(d, path);
    Some(QuizRule {
        meta: meta?,
        questions: questions? as u32,
        attempts_per_month: attempts? as u32,
        points_removed_per_pass: removed.map(|n| n as u32),
        unavailable_at_or_below: unavailable.map(|n| n as u32),
        milestone_quiz,
        removal_cooldown_days: cooldown? as u32,
    })
}

fn read_weekly(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<WeeklyRule> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    let days = o.req(d, path, "days", int(1, 366));
    o.finish(d, path);
    Some(WeeklyRule { meta: meta?, days: days? as u32 })
}
