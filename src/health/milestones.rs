//! Milestones, the warning before them, and the score scheme.
//!
//! Both schemes measure one figure against a list of enforcement milestones from the pack:
//! - **points**: the active points, against milestones at rising totals (Indonesia 12, 24, 36,
//!   48). A milestone is reached once the total is at or above it; the next is the first above.
//! - **score**: a score that starts at `start` and falls, against thresholds at falling scores
//!   (150, 100, 50, 0). A threshold is reached once the score is at or below it.
//!
//! `pointsToGo` is how far the figure may still move before the next milestone applies, and the
//! warning fires when that is within the pack's `warning.distance` (5, a parameter).
//!
//! The sources give the score's scale, start and thresholds but not how much a violation lowers
//! it, so the score is `start` minus the active points, clamped to the scale — a stated
//! parameter, reported with `verified: false` and a note.

use super::weekly::number;
use super::{MilestoneReport, NextMilestone, ReachedMilestone, ScoreReport, ScoreStatus, Warning};
use crate::i18n::{self, Lang};
use crate::pack::{HealthRules, Milestone, Scheme, ScoreRule};
use crate::report::Cited;

/// Where the figure stands against the milestones.
pub(super) struct Standing {
    pub milestone: MilestoneReport,
    pub warning: Option<Warning>,
    pub score: Option<ScoreReport>,
}

/// Judges `active_points` under the pack's scheme.
pub(super) fn standing(health: &HealthRules, active_points: u64, lang: Lang) -> Standing {
    let (figure, list, falling) = match health.scheme {
        Scheme::Points => (active_points, &health.milestones, false),
        Scheme::Score => (score(health.score, active_points), &health.score_milestones, true),
    };
    // Reached: the deepest milestone the figure has passed; next: the first it has not.
    let passed = |m: &Milestone| {
        let at = u64::from(m.at);
        if falling { figure <= at } else { figure >= at }
    };
    let reached = list.iter().rev().find(|m| passed(m));
    let next = list.iter().find(|m| !passed(m));

    let reached = reached.map(|m| ReachedMilestone {
        points: m.at,
        action: m.action.clone(),
        verified: m.meta.verified,
        cited: action(m, lang),
    });
    let next = next.map(|m| {
        let at = u64::from(m.at);
        NextMilestone {
            points: m.at,
            action: m.action.clone(),
            points_to_go: if falling { figure - at } else { at - figure },
            verified: m.meta.verified,
            cited: action(m, lang),
        }
    });

    let warning = next.as_ref().filter(|n| n.points_to_go <= u64::from(health.warning.distance));
    let warning = warning.map(|n| {
        let key = if falling { "health.warning.score" } else { "health.warning.points" };
        let points = i18n::number(lang, i64::from(n.points));
        let to_go = number(lang, n.points_to_go);
        let args =
            [("points", points.as_str()), ("pointsToGo", &to_go), ("action", &n.cited.message)];
        Warning {
            points: n.points,
            points_to_go: n.points_to_go,
            distance: health.warning.distance,
            verified: health.warning.meta.verified,
            cited: Cited::new(&health.warning.meta, lang, Some(key), &args),
        }
    });

    let score = (health.scheme == Scheme::Score).then(|| score_report(health.score, figure, lang));
    Standing { milestone: MilestoneReport { reached, next }, warning, score }
}

/// The score: `start` minus the active points, clamped to the scale.
fn score(rule: &ScoreRule, active_points: u64) -> u64 {
    u64::from(rule.start)
        .saturating_sub(active_points)
        .clamp(u64::from(rule.min), u64::from(rule.max))
}

fn score_report(rule: &ScoreRule, value: u64, lang: Lang) -> ScoreReport {
    let status = if value >= u64::from(rule.healthy_from) {
        ScoreStatus::Healthy
    } else if value <= u64::from(rule.unhealthy_at_or_below) {
        ScoreStatus::Unhealthy
    } else {
        ScoreStatus::Caution
    };
    let status_text = i18n::render(lang, status.key(), &[]);
    let args = [
        ("score", number(lang, value)),
        ("min", i18n::number(lang, i64::from(rule.min))),
        ("max", i18n::number(lang, i64::from(rule.max))),
        ("status", status_text),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    ScoreReport {
        value,
        start: rule.start,
        min: rule.min,
        max: rule.max,
        status,
        verified: false,
        cited: Cited::new(&rule.meta, lang, Some("health.score"), &args),
    }
}

/// A milestone's action, cited: the pack's own message for it, else the catalog text.
fn action(m: &Milestone, lang: Lang) -> Cited {
    Cited::new(&m.meta, lang, Some(&format!("health.action.{}", m.action)), &[])
}
