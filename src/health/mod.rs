//! Account health: violation points, milestones, the weekly report and the policy quiz
//! (`accountHealth`).
//!
//! A seller or creator sees a list of violations in Seller Center; what they need to know is
//! what that list *means*: how many points are active, which enforcement milestone is near,
//! when points drop, and whether the policy quiz can still take one off. Those answers depend
//! on dates in ways that are easy to get wrong by hand (a point issued on 20 January is gone on
//! 20 April, not 19 April; the quiz of a violation issued on 5 December closes on 31 January),
//! so the checker replays the account's history under the region's pack.
//!
//! # Semantics
//!
//! Every figure below comes from the region's pack (`health` section); the built-in values are
//! in parentheses.
//!
//! - **Role and regime.** Sellers and creators are judged under different schemes (`role`,
//!   default `seller`), and a scheme changes over time: Southeast Asian creators were on
//!   violation points until 2026-01-11 and are on the Creator Health Rating from 2026-01-12. The
//!   pack lists each role's regimes with their dates; the report is judged under the one in
//!   force on `asOf` and names it (`inForce`), so one history can be asked about on either side
//!   of a change.
//! - **The as-of date.** The report is the account as it stands at the end of `asOf` (default:
//!   today in the region). Violations issued and quiz attempts taken after it have not happened
//!   yet on that day and are left out, so a caller may pass a whole history and ask about any
//!   date in it.
//! - **Validity.** A point issued on day D counts through D + `validityDays` − 1 and is gone on
//!   D + `validityDays` (90: counts through D + 89, gone on D + 90).
//! - **Clearing stop.** Where the pack sets `clearingStopsAt` (Indonesia: 48), the day the
//!   active total reaches it, nothing clears any more: neither expiry nor the quiz removes a
//!   point, `expirations` is empty and `clearingStoppedOn` gives that day.
//! - **Milestones** apply at or above their total (points scheme) or at or below their score
//!   (score scheme); `milestone.reached` is the furthest one applying, `milestone.next` the
//!   first that does not yet, with `pointsToGo`, the distance to it. `warning` is set when
//!   `pointsToGo` is within `warning.distance` (5, a parameter).
//! - **Score scheme** (US and UK sellers, creators): the score is `score.start` (200) minus the
//!   active points, clamped to `min..max` (0..1000); a violation's points count for the regime's
//!   window (US sellers: 180 days). The sources give the scale and thresholds but not the
//!   deduction per violation, so the score is reported with `verified: false` and a note. Where
//!   the pack says the quiz is not offered at a score (US sellers: 0), quizzes are blocked
//!   (`score_too_low`); where the amount a pass gives back is not published
//!   (`pointsRemovedPerPass: null`), a pass changes nothing in the estimate
//!   (`amount_unpublished`).
//! - **Weekly report**: the violations issued in the `weeklyReport.days` (7) days ending on
//!   `asOf`, inclusive (`asOf` − 6 through `asOf`), with the points they carried when issued,
//!   by type and by surface, most frequent first.
//! - **Quiz.** The seed speaks of one quiz per violation *type* (its three questions are about
//!   that type), yet each violation has its own window and its own point to lose, so this
//!   checker keeps a quiz per violation, whose questions are its type's:
//!   - it is open from the violation's issue day to the last day of the following month;
//!   - it may be taken `attemptsPerMonth` (3) times per calendar month; attempts outside the
//!     window or beyond the month's allowance were not accepted and change nothing;
//!   - an accepted pass removes `pointsRemovedPerPass` (1) point from that violation, never
//!     below zero, and at most one removal per violation *type* per `removalCooldownDays` (30)
//!     days (a removal on day T blocks the type through T + 29) — the cap is shared by every
//!     violation of the type, since they share the quiz;
//!   - `canRemovePoint` says whether passing on `asOf` would remove a point; when it would
//!     not, `blockedBy` says why;
//!   - `quizzes` lists the violations whose quiz is open or whose points are still active: a
//!     closed quiz on a violation with nothing left is history.
//! - **Order within a day**: expiries, then new violations, then quiz passes. Points due to
//!   expire are gone that day; the dates cannot say whether a pass came before a violation
//!   issued the same day, so the stricter reading applies and the violation counts first.
//!
//! # Example
//!
//! ```
//! use shop_policy::{Engine, Today, Value};
//!
//! let input = Value::parse_json(r#"{
//!     "region": "ID", "asOf": "2023-02-10",
//!     "violations": [
//!         { "id": "v1", "type": "Prohibited Customer Communication", "points": 4,
//!           "issuedOn": "2023-01-20", "surface": "chat" },
//!         { "id": "v2", "type": "Misleading Product Information", "points": 4,
//!           "issuedOn": "2023-02-06", "surface": "product" }
//!     ],
//!     "quizAttempts": [ { "violationId": "v1", "takenOn": "2023-02-01", "passed": true } ]
//! }"#)?;
//! let report = Engine::builtin().account_health(&input, Today::Required)?;
//! assert_eq!(report.active_points, 7); // 4 + 4, less the point the quiz removed
//! let next = report.milestone.next.as_ref().map(|n| (n.points, n.points_to_go));
//! assert_eq!(next, Some((12, 5)));
//! assert!(report.warning.is_some()); // within 5 points of 12
//! let drops: Vec<String> = report.expirations.iter().map(|e| format!("{} {}", e.on, e.points)).collect();
//! assert_eq!(drops, ["2023-04-20 3", "2023-05-07 4"]);
//! assert_eq!(report.weekly.violations, 1); // 2023-02-04 to 2023-02-10
//! let quiz = &report.quizzes[0];
//! assert_eq!((quiz.deadline.to_string(), quiz.attempts_left), ("2023-02-28".to_owned(), 2));
//! assert!(!quiz.can_remove_point); // one point of this type per 30 days
//! # Ok::<(), shop_policy::Error>(())
//! ```

mod input;
mod ledger;
mod milestones;
mod quiz;
mod weekly;

pub use input::{HealthInput, QuizAttempt, Violation};

use crate::date::Date;
use crate::engine::{Engine, RegionPolicy, Today};
use crate::error::Error;
use crate::fast_hash::FastMap;
use crate::i18n::{self, Lang};
use crate::pack::{HealthRules, Role, Scheme};
use crate::report::{Cited, InForce, Note, PolicyRef, SourceRef};
use crate::value::Value;
use serde::Serialize;

/// The report of `accountHealth`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HealthReport {
    /// Whose account was judged: `seller` or `creator`.
    pub role: Role,
    /// The scheme in force for that role on `asOf`: `points` or `score`.
    pub scheme: Scheme,
    /// The regime that judged the account: its rule id, its dates, and in words "judged under
    /// the rule in force on <asOf>".
    pub in_force: InForce,
    /// The date the report describes.
    pub as_of: Date,
    /// Violation points active on `asOf` (in the score scheme, what the score deducts).
    pub active_points: u64,
    /// The score scheme's standing; `null` under the points scheme.
    pub score: Option<ScoreReport>,
    /// The milestone reached and the next one.
    pub milestone: MilestoneReport,
    /// Set when the next milestone is within the pack's warning distance.
    pub warning: Option<Warning>,
    /// When active points drop, soonest first, same-day drops merged. Empty once clearing has
    /// stopped.
    pub expirations: Vec<Expiration>,
    /// The day active points reached the pack's clearing stop, after which nothing clears.
    pub clearing_stopped_on: Option<Date>,
    /// The weekly account health report.
    pub weekly: WeeklyReport,
    /// The policy quiz of each violation issued on or before `asOf` whose quiz is open or whose
    /// points are still active, in input order.
    pub quizzes: Vec<QuizStatus>,
    /// The rules behind the figures, cited: validity, clearing, quiz, score deduction.
    pub notes: Vec<Note>,
    /// Every source the report's rules cite, with title, publisher, date and whether official.
    pub sources: Vec<SourceRef>,
    /// The policy the report was judged under.
    pub policy: PolicyRef,
}

/// Where the score stands (score scheme).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreReport {
    /// The score on `asOf`.
    pub value: u64,
    /// The score a new account starts with.
    pub start: u32,
    /// Lowest score.
    pub min: u32,
    /// Highest score.
    pub max: u32,
    /// Healthy, caution or unhealthy.
    pub status: ScoreStatus,
    /// Always `false`: the sources do not say how much a violation lowers the score, so the
    /// deduction (one score point per active violation point) is a parameter.
    pub verified: bool,
    /// The score rule, with a summary in the caller's language.
    #[serde(flatten)]
    pub cited: Cited,
}

/// The score bands of the score scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ScoreStatus {
    /// At or above `healthyFrom` (200).
    Healthy,
    /// Between the two bands.
    Caution,
    /// At or below `unhealthyAtOrBelow` (150).
    Unhealthy,
}

impl ScoreStatus {
    fn key(self) -> &'static str {
        match self {
            ScoreStatus::Healthy => "health.score_status.healthy",
            ScoreStatus::Caution => "health.score_status.caution",
            ScoreStatus::Unhealthy => "health.score_status.unhealthy",
        }
    }
}

/// The milestone reached and the next one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MilestoneReport {
    /// The furthest milestone that applies; `null` before the first.
    pub reached: Option<ReachedMilestone>,
    /// The first milestone that does not apply yet; `null` past the last.
    pub next: Option<NextMilestone>,
}

/// A milestone that applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReachedMilestone {
    /// Its figure: a points total (points scheme) or a score (score scheme).
    pub points: u32,
    /// The enforcement action's key (`campaign_limits_7_days`); `message` says it in words.
    pub action: String,
    /// Whether the source states this milestone.
    pub verified: bool,
    /// The milestone rule, with the action in the caller's language.
    #[serde(flatten)]
    pub cited: Cited,
}

/// The next milestone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NextMilestone {
    /// Its figure: a points total (points scheme) or a score (score scheme).
    pub points: u32,
    /// The enforcement action's key; `message` says it in words.
    pub action: String,
    /// How far until it applies: points still to gain, or score still to lose.
    pub points_to_go: u64,
    /// Whether the source states this milestone.
    pub verified: bool,
    /// The milestone rule, with the action in the caller's language.
    #[serde(flatten)]
    pub cited: Cited,
}

/// The warning before the next milestone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    /// The next milestone's figure.
    pub points: u32,
    /// How far until it applies.
    pub points_to_go: u64,
    /// The pack's warning distance.
    pub distance: u32,
    /// Whether the source states the distance (built-in: `false`, a parameter).
    pub verified: bool,
    /// The warning rule, with a summary in the caller's language.
    #[serde(flatten)]
    pub cited: Cited,
}

/// A future drop of the active total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Expiration {
    /// The day the points are gone.
    pub on: Date,
    /// How many points go that day.
    pub points: u64,
}

/// The weekly account health report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WeeklyReport {
    /// First day covered.
    pub from: Date,
    /// Last day covered: `asOf`.
    pub to: Date,
    /// Violations issued in the period.
    pub violations: u64,
    /// The points they carried when issued.
    pub points: u64,
    /// Per violation type, most frequent first (then most points, then by name).
    pub by_type: Vec<TypeTally>,
    /// Per surface, most frequent first; `surface: null` counts violations given without one.
    pub by_surface: Vec<SurfaceTally>,
    /// The weekly report rule, with a summary in the caller's language.
    #[serde(flatten)]
    pub cited: Cited,
}

/// One violation type's share of the week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TypeTally {
    /// The violation type.
    #[serde(rename = "type")]
    pub violation_type: String,
    /// Violations of this type.
    pub violations: u64,
    /// Their points.
    pub points: u64,
}

/// One surface's share of the week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SurfaceTally {
    /// The surface (`live`, `video`, …), or `null` for violations given without one.
    pub surface: Option<&'static str>,
    /// Violations on it.
    pub violations: u64,
    /// Their points.
    pub points: u64,
}

/// The policy quiz of one violation on `asOf`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuizStatus {
    /// The violation.
    pub violation_id: String,
    /// Its type: the quiz's questions are this type's.
    #[serde(rename = "type")]
    pub violation_type: String,
    /// Whether the window is open on `asOf`.
    pub open: bool,
    /// The last day it can be taken: the last day of the month after the issue day.
    pub deadline: Date,
    /// Attempts left in `asOf`'s calendar month (0 when closed).
    pub attempts_left: u32,
    /// Whether passing on `asOf` would remove a point.
    pub can_remove_point: bool,
    /// The violation's points still active on `asOf`.
    pub active_points: u64,
    /// Why passing on `asOf` would not remove a point; `null` when it would.
    pub blocked_by: Option<QuizBlock>,
    /// While a point of this type was removed too recently: the first day a pass may remove
    /// one again.
    pub cooldown_ends_on: Option<Date>,
}

/// Why passing the quiz on `asOf` would not remove a point (the first reason that applies, in
/// this order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuizBlock {
    /// The window is closed: past the last day of the month after the issue day.
    Closed,
    /// This calendar month's attempts are used up.
    NoAttemptsLeft,
    /// The score is at or below the level where the quiz is not offered (US sellers: 0).
    ScoreTooLow,
    /// Passing gives points back, but how many is not published, so no estimate counts it.
    AmountUnpublished,
    /// The pack's quiz removes no points.
    RemovesNothing,
    /// Active points reached the pack's clearing stop; nothing clears any more.
    ClearingStopped,
    /// The violation has no active points left (expired, removed, or issued with none).
    NoActivePoints,
    /// A point of this type was removed less than `removalCooldownDays` ago.
    TypeCooldown,
}

/// Evaluates `input` under `policy` on `as_of`. Fails only when a violation carries more
/// points than the pack allows (`invalid_input` at `violations[i].points`).
pub fn evaluate(
    policy: &RegionPolicy,
    input: &HealthInput<'_>,
    as_of: Date,
) -> Result<HealthReport, Error> {
    let pack = &policy.pack;
    let (regime, health) = pack.health.regime(input.role, as_of).ok_or_else(|| {
        Error::new(
            crate::error::ErrorCode::InvalidInput,
            "role",
            format!("{} has no health rule for the {} role", pack.id, input.role.as_str()),
        )
    })?;
    let health = &health;
    input.check_against(health, &pack.id)?;
    let lang = input.call.lang;
    let violations = input.violations.as_slice();

    let (types, type_count) = type_indexes(violations);
    let deadlines = quiz::deadlines(violations);
    let accepted = quiz::accept(health.quiz, input, &deadlines, as_of);
    let ledger = ledger::replay(health, violations, &types, type_count, &accepted.passes, as_of);
    let expirations = ledger::expirations(health, violations, &ledger)
        .into_iter()
        .map(|(on, points)| Expiration { on, points })
        .collect();
    let standing = milestones::standing(health, ledger.total, lang);
    let weekly = weekly::report(health.weekly_report, violations, as_of, lang);
    let mut quizzes =
        quiz::statuses(health.quiz, violations, &deadlines, &types, &accepted, &ledger, as_of);
    // Below the pack's floor (US sellers: at 0) no quiz is offered at all.
    let floor = health.quiz.unavailable_at_or_below.map(u64::from);
    if let (Some(score), Some(floor)) = (standing.score.as_ref().map(|s| s.value), floor)
        && score <= floor
    {
        for quiz in quizzes.iter_mut().filter(|q| q.open) {
            quiz.attempts_left = 0;
            quiz.can_remove_point = false;
            quiz.blocked_by = Some(QuizBlock::ScoreTooLow);
        }
    }

    let scheme_key =
        format!("health.scheme.{}.{}", scheme_name(health.scheme), input.role.as_str());
    Ok(HealthReport {
        role: input.role,
        scheme: health.scheme,
        in_force: InForce::new(&regime.meta, &scheme_key, as_of, lang),
        as_of,
        active_points: ledger.total,
        score: standing.score,
        milestone: standing.milestone,
        warning: standing.warning,
        expirations,
        clearing_stopped_on: ledger.stopped_on,
        weekly,
        quizzes,
        notes: notes(health, ledger.stopped_on, lang),
        sources: SourceRef::of_rules(pack, &[&[&regime.meta], health.rules().as_slice()].concat()),
        policy: PolicyRef::of(pack),
    })
}

impl Engine {
    /// `accountHealth`: decodes the argument, picks the region's policy and the as-of date,
    /// and evaluates. See [the module docs](crate::health) for the rules.
    pub fn account_health(&self, input: &Value<'_>, today: Today) -> Result<HealthReport, Error> {
        let input = HealthInput::decode(input)?;
        let (policy, as_of) = self.resolve(&input.call, today)?;
        evaluate(policy, &input, as_of)
    }
}

fn scheme_name(scheme: Scheme) -> &'static str {
    match scheme {
        Scheme::Points => "points",
        Scheme::Score => "score",
    }
}

/// A small index per violation type, in order of first appearance, for per-type state.
fn type_indexes(violations: &[Violation<'_>]) -> (Vec<usize>, usize) {
    let mut names: FastMap<&str, usize> = FastMap::default();
    let types = violations
        .iter()
        .map(|v| {
            let next = names.len();
            *names.entry(v.violation_type).or_insert(next)
        })
        .collect();
    (types, names.len())
}

/// The rules behind the figures, each cited.
fn notes(health: &HealthRules, stopped_on: Option<Date>, lang: Lang) -> Vec<Note> {
    let points = &health.points;
    let days = i18n::number(lang, i64::from(points.validity_days));
    let mut notes = Vec::with_capacity(4);
    match points.clearing_stops_at {
        None => notes.push(Note::cited(
            "points_validity",
            &points.meta,
            lang,
            match health.scheme {
                Scheme::Points => "health.points_validity",
                Scheme::Score => "health.score_window",
            },
            &[("days", &days)],
        )),
        Some(stop) => {
            let stop = i18n::number(lang, i64::from(stop));
            notes.push(Note::cited(
                "points_validity",
                &points.meta,
                lang,
                "health.points_validity_until_stop",
                &[("days", &days), ("points", &stop)],
            ));
            if let Some(on) = stopped_on {
                notes.push(Note::cited(
                    "clearing_stopped",
                    &points.meta,
                    lang,
                    "health.clearing_stopped",
                    &[("points", &stop), ("date", &i18n::date(lang, on))],
                ));
            }
        }
    }
    let quiz = &health.quiz;
    let n = |n: u32| i18n::number(lang, i64::from(n));
    let removed = quiz.points_removed_per_pass.map(n).unwrap_or_default();
    notes.push(Note::cited(
        "policy_quiz",
        &quiz.meta,
        lang,
        match quiz.points_removed_per_pass {
            Some(_) => "health.policy_quiz",
            None => "health.policy_quiz_unpublished",
        },
        &[
            ("questions", &n(quiz.questions)),
            ("removed", &removed),
            ("attempts", &n(quiz.attempts_per_month)),
            ("cooldown", &n(quiz.removal_cooldown_days)),
        ],
    ));
    if let Some(rule) = &quiz.milestone_quiz {
        let floor = n(quiz.unavailable_at_or_below.unwrap_or(0));
        notes.push(Note::cited(
            "milestone_quiz",
            rule,
            lang,
            "health.milestone_quiz",
            &[("score", &floor)],
        ));
    }
    if health.scheme == Scheme::Score {
        notes.push(Note::cited(
            "score_deduction",
            &health.score.meta,
            lang,
            "health.score_deduction",
            &[("start", &n(health.score.start))],
        ));
    }
    notes
}

#[cfg(test)]
mod tests;
