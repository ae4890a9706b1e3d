//! The health section: violation points (or the score alternative), milestones, the weekly
//! report and the policy quiz.

use super::rule::RuleMeta;
use crate::decode::{Decoder, Path, int, word};
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
    /// Points a passed quiz removes.
    pub points_removed_per_pass: u32,
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

/// The whole health section.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthPolicy {
    /// The scheme in force.
    pub scheme: Scheme,
    /// Point validity.
    pub points: PointsRule,
    /// Warning distance.
    pub warning: WarningRule,
    /// Points milestones, ascending.
    pub milestones: Vec<Milestone>,
    /// Score scheme figures.
    pub score: ScoreRule,
    /// Score milestones, descending.
    pub score_milestones: Vec<Milestone>,
    /// The quiz.
    pub quiz: QuizRule,
    /// The weekly report.
    pub weekly_report: WeeklyRule,
    /// A note for maintainers.
    pub note: Option<String>,
}

/// Highest score or point figure a pack may name.
const MAX_FIGURE: i64 = 100_000;

impl HealthPolicy {
    pub(crate) fn read(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<HealthPolicy> {
        let mut o = d.object(v, path)?;
        let scheme = o.req(d, path, "scheme", word(Scheme::NAMES));
        let points = o.req(d, path, "points", read_points);
        let warning = o.req(d, path, "warning", read_warning);
        let milestones = o.req(d, path, "milestones", |d, v, p| {
            d.list(v, p, |d, v, p| read_milestone(d, v, p, "points"))
        });
        let score = o.req(d, path, "score", read_score);
        let score_milestones = o.req(d, path, "scoreMilestones", |d, v, p| {
            d.list(v, p, |d, v, p| read_milestone(d, v, p, "score"))
        });
        let quiz = o.req(d, path, "quiz", read_quiz);
        let weekly_report = o.req(d, path, "weeklyReport", read_weekly);
        let note = o.opt(d, path, "note", Decoder::string);
        o.finish(d, path);
        Some(HealthPolicy {
            scheme: scheme?,
            points: points?,
            warning: warning?,
            milestones: milestones?,
            score: score?,
            score_milestones: score_milestones?,
            quiz: quiz?,
            weekly_report: weekly_report?,
            note: note.map(str::to_owned),
        })
    }
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
    let removed = o.req(d, path, "pointsRemovedPerPass", int(0, MAX_FIGURE));
    let cooldown = o.req(d, path, "removalCooldownDays", int(0, 3650));
    o.finish(d, path);
    Some(QuizRule {
        meta: meta?,
        questions: questions? as u32,
        attempts_per_month: attempts? as u32,
        points_removed_per_pass: removed? as u32,
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
