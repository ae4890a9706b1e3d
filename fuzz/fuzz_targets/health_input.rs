//! Any text as an `accountHealth` argument: decoding and evaluation must answer with a report or
//! an error, never a panic, and every report must hang together.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shop_policy::health::HealthReport;
use shop_policy::pack::Scheme;
use shop_policy::{Engine, Today, Value, to_json::to_json};
use std::sync::OnceLock;

/// 2023-11-14 22:13 UTC: the "today" of calls without `asOf`.
const NOW: f64 = 1_700_000_000_000.0;

fuzz_target!(|data: &[u8]| {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    let engine = ENGINE.get_or_init(Engine::builtin);
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(value) = Value::parse_json(text) else { return };
    let Ok(report) = engine.account_health(&value, Today::At(NOW)) else { return };
    let region = value.get("region").and_then(Value::as_str).unwrap_or_default();
    let pack = &engine.region(region).expect("a report names a known region").pack;
    check(&report, &value, pack);
    to_json(&report).expect("every report serializes");
});

fn check(report: &HealthReport, input: &Value<'_>, pack: &shop_policy::Pack) {
    let as_of = report.as_of;
    // The report names the regime in force for its role on its date, and was judged under it.
    let (regime, health) =
        pack.health.regime(report.role, as_of).expect("every role has a regime on every day");
    assert_eq!(report.in_force.rule_id, regime.meta.id);
    assert!(regime.meta.in_force(as_of));
    assert_eq!(report.scheme, health.scheme);

    // Expirations: strictly after asOf, soonest first, one entry per day, never more than is
    // active; none once clearing has stopped.
    let mut drops = 0u64;
    let mut previous = as_of;
    for e in &report.expirations {
        assert!(e.on > previous, "expirations out of order or not in the future");
        assert!(e.points > 0, "an empty drop");
        previous = e.on;
        drops += e.points;
    }
    assert!(drops <= report.active_points, "more points expire than are active");
    if let Some(on) = report.clearing_stopped_on {
        assert!(on <= as_of && report.expirations.is_empty());
        assert!(report.active_points >= u64::from(health.points.clearing_stops_at.unwrap_or(0)));
    }

    // Quizzes: within the pack's allowance, and a point is removable only when everything allows.
    let listed: u64 = report.quizzes.iter().map(|q| q.active_points).sum();
    assert!(listed <= report.active_points, "quizzes hold more points than are active");
    for q in &report.quizzes {
        assert!(q.attempts_left <= health.quiz.attempts_per_month);
        if q.blocked_by == Some(shop_policy::health::QuizBlock::ScoreTooLow) {
            assert_eq!(q.attempts_left, 0);
        }
        assert!(q.open || q.active_points > 0, "a closed quiz with nothing left is listed");
        assert!(q.open || q.attempts_left == 0);
        assert!(q.deadline >= as_of || !q.open);
        assert_eq!(q.can_remove_point, q.blocked_by.is_none());
        if q.can_remove_point {
            assert!(q.open && q.attempts_left > 0 && q.active_points > 0);
            assert!(q.cooldown_ends_on.is_none() && report.clearing_stopped_on.is_none());
        }
        if let Some(end) = q.cooldown_ends_on {
            assert!(end > as_of);
        }
    }
    let issued = match input.get("violations") {
        Some(Value::Array(list)) => list.len() as u64,
        _ => 0,
    };
    assert!(report.quizzes.len() as u64 <= issued);

    // The week: asOf and the days before it, and its breakdowns add up.
    let weekly = &report.weekly;
    assert_eq!(weekly.to, as_of);
    assert_eq!(weekly.from.days_until(as_of) + 1, i64::from(health.weekly_report.days));
    assert!(weekly.violations <= issued);
    let by_type: (u64, u64) =
        weekly.by_type.iter().fold((0, 0), |(v, p), t| (v + t.violations, p + t.points));
    let by_surface: (u64, u64) =
        weekly.by_surface.iter().fold((0, 0), |(v, p), s| (v + s.violations, p + s.points));
    assert_eq!(by_type, (weekly.violations, weekly.points));
    assert_eq!(by_surface, (weekly.violations, weekly.points));

    // Milestones and the warning agree with the figure they judge.
    let figure = match (health.scheme, &report.score) {
        (Scheme::Points, None) => report.active_points,
        (Scheme::Score, Some(score)) => {
            assert!(u64::from(health.score.min) <= score.value);
            assert!(score.value <= u64::from(health.score.max));
            score.value
        }
        _ => panic!("the score is reported exactly under the score scheme"),
    };
    let falling = health.scheme == Scheme::Score;
    if let Some(reached) = &report.milestone.reached {
        let at = u64::from(reached.points);
        assert!(if falling { figure <= at } else { figure >= at });
    }
    if let Some(next) = &report.milestone.next {
        assert!(next.points_to_go > 0);
        let at = u64::from(next.points);
        assert_eq!(next.points_to_go, if falling { figure - at } else { at - figure });
    }
    if let Some(warning) = &report.warning {
        let next = report.milestone.next.as_ref().expect("a warning is about a next milestone");
        assert!(warning.points_to_go <= u64::from(health.warning.distance));
        assert_eq!((warning.points, warning.points_to_go), (next.points, next.points_to_go));
    }
    assert_eq!(report.policy.id, pack.id);
}
