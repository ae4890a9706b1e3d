//! `accountHealth` through the public Rust API: validity and its date edges, the Indonesian
//! clearing stop, milestones and the warning, the weekly window, the quiz, the score scheme,
//! messages, and every kind of bad input with its code and path.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use shop_policy::health::{HealthReport, QuizBlock, QuizStatus};
use shop_policy::pack::Scheme;
use shop_policy::{Engine, Today, Value};

/// A violation of type "T" (or `type_` when given with [`typed`]).
fn v(id: &str, points: u32, issued: &str) -> String {
    typed(id, "T", points, issued)
}

fn typed(id: &str, violation_type: &str, points: u32, issued: &str) -> String {
    format!(r#"{{"id":"{id}","type":"{violation_type}","points":{points},"issuedOn":"{issued}"}}"#)
}

fn on(id: &str, surface: &str, points: u32, issued: &str) -> String {
    format!(
        r#"{{"id":"{id}","type":"T","points":{points},"issuedOn":"{issued}","surface":"{surface}"}}"#
    )
}

fn pass(id: &str, taken: &str) -> String {
    format!(r#"{{"violationId":"{id}","takenOn":"{taken}","passed":true}}"#)
}

fn fail(id: &str, taken: &str) -> String {
    format!(r#"{{"violationId":"{id}","takenOn":"{taken}","passed":false}}"#)
}

fn input(region: &str, as_of: &str, violations: &[String], attempts: &[String]) -> String {
    format!(
        r#"{{"region":"{region}","asOf":"{as_of}","violations":[{}],"quizAttempts":[{}]}}"#,
        violations.join(","),
        attempts.join(",")
    )
}

fn check(engine: &Engine, json: &str) -> Result<HealthReport, shop_policy::Error> {
    engine.account_health(&Value::parse_json(json).unwrap(), Today::Required)
}

/// The report for `region` on `as_of`.
fn health(region: &str, as_of: &str, violations: &[String], attempts: &[String]) -> HealthReport {
    check(&Engine::builtin(), &input(region, as_of, violations, attempts)).unwrap()
}

/// The code and path of the error `json` causes.
fn error(json: &str) -> (String, String) {
    let e = check(&Engine::builtin(), json).unwrap_err();
    (e.code().as_str().to_owned(), e.path().to_owned())
}

fn pair(code: &str, path: &str) -> (String, String) {
    (code.to_owned(), path.to_owned())
}

fn overlay(json: &str) -> Engine {
    Engine::from_pack(&Value::parse_json(json).unwrap()).unwrap()
}

fn drops(report: &HealthReport) -> Vec<String> {
    report.expirations.iter().map(|e| format!("{} {}", e.on, e.points)).collect()
}

fn quiz<'r>(report: &'r HealthReport, id: &str) -> &'r QuizStatus {
    report.quizzes.iter().find(|q| q.violation_id == id).unwrap()
}

fn next(report: &HealthReport) -> Option<(u32, u64)> {
    report.milestone.next.as_ref().map(|n| (n.points, n.points_to_go))
}

fn reached(report: &HealthReport) -> Option<u32> {
    report.milestone.reached.as_ref().map(|m| m.points)
}

// --- Validity ------------------------------------------------------------------------------

#[test]
fn a_point_counts_through_day_89_and_is_gone_on_day_90() {
    let list = [v("a", 3, "2024-01-01")];
    let day_89 = health("TH", "2024-03-30", &list, &[]);
    assert_eq!(day_89.active_points, 3);
    assert_eq!(drops(&day_89), ["2024-03-31 3"]);
    let day_90 = health("TH", "2024-03-31", &list, &[]);
    assert_eq!(day_90.active_points, 0);
    assert!(day_90.expirations.is_empty());
    // The issue day itself counts.
    assert_eq!(health("TH", "2024-01-01", &list, &[]).active_points, 3);
}

#[test]
fn expiry_dates_across_month_ends_leap_days_and_years() {
    let list = [
        v("leap-day", 1, "2024-02-29"),
        v("dec", 2, "2023-12-05"),
        v("nov", 4, "2023-11-15"),
        v("oct-3", 8, "2023-10-03"),
    ];
    // 2023-10-03 + 90 is New Year's Day 2024; 2023-11-15 + 90 is 2024-02-13; 2023-12-05 + 90
    // runs through the 29th of February to 2024-03-04.
    let new_year_eve = health("TH", "2023-12-31", &list, &[]);
    assert_eq!(new_year_eve.active_points, 14);
    assert_eq!(drops(&new_year_eve), ["2024-01-01 8", "2024-02-13 4", "2024-03-04 2"]);
    let new_year = health("TH", "2024-01-01", &list, &[]);
    assert_eq!(new_year.active_points, 6);
    let leap_day = health("TH", "2024-02-29", &list, &[]);
    assert_eq!(leap_day.active_points, 3);
    assert_eq!(drops(&leap_day), ["2024-03-04 2", "2024-05-29 1"]);
    // A non-leap February: 2023-02-28 + 90 = 2023-05-29, as for 2024-02-29.
    let plain = health("TH", "2023-05-28", &[v("feb", 1, "2023-02-28")], &[]);
    assert_eq!(drops(&plain), ["2023-05-29 1"]);
    // Over a year boundary: 2024-12-31 + 90 = 2025-03-31.
    let eve = health("TH", "2025-01-01", &[v("eve", 5, "2024-12-31")], &[]);
    assert_eq!(drops(&eve), ["2025-03-31 5"]);
}

#[test]
fn expirations_are_soonest_first_and_merge_the_same_day() {
    let report = health(
        "VN",
        "2023-03-01",
        &[v("late", 2, "2023-02-06"), v("a", 3, "2023-01-20"), v("b", 4, "2023-01-20")],
        &[],
    );
    assert_eq!(report.active_points, 9);
    assert_eq!(drops(&report), ["2023-04-20 7", "2023-05-07 2"]);
}

#[test]
fn events_after_as_of_have_not_happened_yet() {
    let list = [v("old", 5, "2023-01-01"), v("future", 7, "2023-03-01")];
    let report = health("TH", "2023-02-01", &list, &[pass("old", "2023-02-02")]);
    assert_eq!(report.active_points, 5);
    assert_eq!(report.quizzes.len(), 1, "no quiz for a violation not yet issued");
    assert_eq!(quiz(&report, "old").attempts_left, 3, "the later attempt is not counted");
    // The same history asked about a later day.
    let later = health("TH", "2023-03-02", &list, &[pass("old", "2023-02-02")]);
    assert_eq!(later.active_points, 11);
}

// --- Indonesia: points stop clearing at 48 ------------------------------------------------

#[test]
fn in_indonesia_points_no_longer_clear_once_they_reach_48() {
    let list = [v("a", 24, "2024-01-01"), v("b", 24, "2024-03-30")];
    let report = health("ID", "2024-12-31", &list, &[]);
    assert_eq!(report.active_points, 48);
    assert_eq!(report.clearing_stopped_on.unwrap().to_string(), "2024-03-30");
    assert!(report.expirations.is_empty(), "nothing is due to clear");
    assert_eq!(reached(&report), Some(48));
    assert_eq!(next(&report), None);
    assert!(report.warning.is_none());
    assert!(report.notes.iter().any(|n| n.id == "clearing_stopped"));
    // Where the pack sets no stop, the same points expire.
    let thailand = health("TH", "2024-12-31", &list, &[]);
    assert_eq!((thailand.active_points, thailand.clearing_stopped_on), (0, None));
}

#[test]
fn points_expiring_on_the_day_new_ones_arrive_do_not_reach_the_stop() {
    // 2024-03-31 is the first violation's expiry day: it is gone before the second counts.
    let list = [v("a", 24, "2024-01-01"), v("b", 24, "2024-03-31")];
    let report = health("ID", "2024-04-01", &list, &[]);
    assert_eq!((report.active_points, report.clearing_stopped_on), (24, None));
    assert_eq!(drops(&report), ["2024-06-29 24"]);
}

#[test]
fn after_the_stop_the_quiz_removes_nothing() {
    let list = [typed("a", "Spam", 40, "2024-01-10"), typed("b", "Links", 8, "2024-01-15")];
    // A pass on the day the stop is reached comes after the violation that reached it.
    let report = health("ID", "2024-02-01", &list, &[pass("a", "2024-01-15")]);
    assert_eq!(report.active_points, 48);
    let q = quiz(&report, "b");
    assert!(q.open && !q.can_remove_point);
    assert_eq!(q.blocked_by, Some(QuizBlock::ClearingStopped));
    // Below the stop the same pass removes a point.
    let below = health("ID", "2024-02-01", &[list[0].clone()], &[pass("a", "2024-01-15")]);
    assert_eq!(below.active_points, 39);
}

// --- Milestones and the warning -----------------------------------------------------------

#[test]
fn milestones_and_the_warning_on_both_sides_of_each_edge() {
    let at = |points: u32| health("ID", "2024-05-01", &[v("a", points, "2024-04-01")], &[]);
    let cases = [
        // (points, reached, next, to go, warning)
        (0, None, Some(12), 12, false),
        (6, None, Some(12), 6, false),
        (7, None, Some(12), 5, true),
        (11, None, Some(12), 1, true),
        (12, Some(12), Some(24), 12, false),
        (19, Some(12), Some(24), 5, true),
        (35, Some(24), Some(36), 1, true),
        (36, Some(36), Some(48), 12, false),
        (47, Some(36), Some(48), 1, true),
        (48, Some(48), None, 0, false),
    ];
    for (points, want_reached, want_next, to_go, warned) in cases {
        let report = at(points);
        assert_eq!(reached(&report), want_reached, "{points} points");
        assert_eq!(next(&report), want_next.map(|n| (n, to_go)), "{points} points");
        assert_eq!(report.warning.is_some(), warned, "{points} points");
    }
    let report = at(20);
    let warning = report.warning.as_ref().unwrap();
    assert_eq!((warning.points, warning.points_to_go, warning.distance), (24, 4, 5));
    assert!(warning.verified, "Indonesia's official FAQ states the warning distance");
    assert_eq!(warning.cited.rule_id, "health.milestone_warning");
    assert_eq!(
        warning.cited.message,
        "Approaching the 24-point milestone (4 to go): Temporary removal from campaigns and affiliate; new listings limited."
    );
    let reached = report.milestone.reached.as_ref().unwrap();
    assert_eq!(reached.action, "campaign_limits_7_days");
    assert_eq!(reached.cited.rule_id, "health.milestone_12");
    assert!(reached.verified);
    assert!(reached.cited.source.contains("tokopedia.com"));
}

#[test]
fn an_overlay_moves_the_warning_distance() {
    let engine =
        overlay(r#"{"id":"agency-ID","extends":"ID","health":{"warning":{"distance":8}}}"#);
    let json = input("ID", "2024-05-01", &[v("a", 4, "2024-04-01")], &[]);
    let report = check(&engine, &json).unwrap();
    assert_eq!(report.warning.as_ref().map(|w| w.points_to_go), Some(8));
    assert_eq!(report.policy.id, "agency-ID");
    assert!(health("ID", "2024-05-01", &[v("a", 4, "2024-04-01")], &[]).warning.is_none());
}

// --- The weekly report --------------------------------------------------------------------

#[test]
fn the_weekly_report_covers_as_of_and_the_six_days_before() {
    let report = health(
        "ID",
        "2024-03-01",
        &[
            on("before", "live", 9, "2024-02-23"),
            on("first-day", "live", 2, "2024-02-24"),
            typed("no-surface", "Spam", 3, "2024-02-26"),
            on("leap-day", "video", 1, "2024-02-29"),
            on("last-day", "live", 4, "2024-03-01"),
            on("tomorrow", "live", 8, "2024-03-02"),
        ],
        &[],
    );
    let w = &report.weekly;
    assert_eq!((w.from.to_string(), w.to.to_string()), ("2024-02-24".into(), "2024-03-01".into()));
    assert_eq!((w.violations, w.points), (4, 10));
    let by_type: Vec<(&str, u64, u64)> =
        w.by_type.iter().map(|t| (t.violation_type.as_str(), t.violations, t.points)).collect();
    assert_eq!(by_type, [("T", 3, 7), ("Spam", 1, 3)]);
    let by_surface: Vec<(Option<&str>, u64, u64)> =
        w.by_surface.iter().map(|s| (s.surface, s.violations, s.points)).collect();
    assert_eq!(by_surface, [(Some("live"), 2, 6), (None, 1, 3), (Some("video"), 1, 1)]);
    assert_eq!(w.cited.rule_id, "health.weekly_report");
    assert_eq!(
        w.cited.message,
        "Last 7 days (24 February 2024 to 1 March 2024): violations 4, points 10."
    );
}

#[test]
fn the_weekly_window_crosses_the_year() {
    let report =
        health("MY", "2025-01-03", &[v("a", 1, "2024-12-27"), v("b", 2, "2024-12-28")], &[]);
    assert_eq!(report.weekly.from.to_string(), "2024-12-28");
    assert_eq!((report.weekly.violations, report.weekly.points), (1, 2));
}

// --- The policy quiz ----------------------------------------------------------------------

#[test]
fn the_quiz_is_open_until_the_last_day_of_the_following_month() {
    for (issued, deadline, after) in [
        ("2023-01-20", "2023-02-28", "2023-03-01"),
        ("2023-12-05", "2024-01-31", "2024-02-01"),
        ("2024-01-31", "2024-02-29", "2024-03-01"),
        ("2023-11-30", "2023-12-31", "2024-01-01"),
    ] {
        let list = [v("a", 2, issued)];
        let last_day = health("TH", deadline, &list, &[]);
        let q = quiz(&last_day, "a");
        assert_eq!(q.deadline.to_string(), deadline);
        assert!(q.open && q.can_remove_point, "{issued}: open on {deadline}");
        assert_eq!((q.attempts_left, q.blocked_by), (3, None));
        let closed = health("TH", after, &list, &[]);
        let q = quiz(&closed, "a");
        assert!(!q.open && !q.can_remove_point, "{issued}: closed on {after}");
        assert_eq!((q.attempts_left, q.blocked_by), (0, Some(QuizBlock::Closed)));
        let issue_day = health("TH", issued, &list, &[]);
        assert!(quiz(&issue_day, "a").open, "{issued}: open on the issue day");
    }
}

#[test]
fn attempts_are_counted_per_calendar_month() {
    let list = [v("a", 5, "2023-01-20")];
    let january = [fail("a", "2023-01-21"), fail("a", "2023-01-25"), fail("a", "2023-01-31")];
    let end_of_january = health("TH", "2023-01-31", &list, &january);
    let q = quiz(&end_of_january, "a");
    assert_eq!((q.attempts_left, q.blocked_by), (0, Some(QuizBlock::NoAttemptsLeft)));
    // A new month, a new allowance.
    let february = health("TH", "2023-02-01", &list, &january);
    assert_eq!(quiz(&february, "a").attempts_left, 3);
    // A fourth attempt in January was not accepted: its pass removes nothing…
    let mut four = january.to_vec();
    four.push(pass("a", "2023-01-31"));
    assert_eq!(health("TH", "2023-02-01", &list, &four).active_points, 5);
    // …while a pass in February, in the new allowance, does.
    four.push(pass("a", "2023-02-01"));
    let report = health("TH", "2023-02-01", &list, &four);
    assert_eq!(report.active_points, 4);
    assert_eq!(quiz(&report, "a").attempts_left, 2);
}

#[test]
fn a_pass_removes_one_point_never_below_zero_and_once_per_type_per_30_days() {
    let list = [
        typed("a", "Spam", 1, "2023-01-20"),
        typed("b", "Spam", 3, "2023-01-22"),
        typed("c", "Links", 3, "2023-01-22"),
    ];
    let attempts = [
        pass("a", "2023-01-25"), // removes a's only point
        pass("a", "2023-02-20"), // a has none left: nothing
        pass("b", "2023-02-10"), // Spam removed on 01-25: cap until 02-23
        pass("c", "2023-02-10"), // another type: removes
        pass("b", "2023-02-24"), // 30 days after 01-25: removes
    ];
    let report = health("TH", "2023-02-24", &list, &attempts);
    assert_eq!(report.active_points, 2 + 2);
    let (a, b, c) = (quiz(&report, "a"), quiz(&report, "b"), quiz(&report, "c"));
    assert_eq!((a.active_points, b.active_points, c.active_points), (0, 2, 2));
    assert_eq!(a.blocked_by, Some(QuizBlock::NoActivePoints));
    assert_eq!(b.blocked_by, Some(QuizBlock::TypeCooldown));
    assert_eq!(b.cooldown_ends_on.unwrap().to_string(), "2023-03-26");
    assert_eq!(c.cooldown_ends_on.unwrap().to_string(), "2023-03-12");
    // The day before the cap ends, and the day it ends.
    let before = health("TH", "2023-02-23", &list, &attempts[..4]);
    assert_eq!(quiz(&before, "b").blocked_by, Some(QuizBlock::TypeCooldown));
    let after = health("TH", "2023-02-24", &list, &attempts[..4]);
    assert!(quiz(&after, "b").can_remove_point);
    assert_eq!(quiz(&after, "b").cooldown_ends_on, None);
}

#[test]
fn quizzes_on_violations_whose_points_already_expired() {
    // Built-in validity outlasts the window: after the window, the quiz is listed closed while
    // the points last, and not at all once they are gone (nothing left to act on).
    let list = [v("a", 2, "2023-01-20")];
    let report = health("TH", "2023-04-19", &list, &[]);
    let q = quiz(&report, "a");
    assert_eq!((q.open, q.active_points, q.blocked_by), (false, 2, Some(QuizBlock::Closed)));
    assert!(health("TH", "2023-04-20", &list, &[]).quizzes.is_empty());
    // With a 30-day validity the window outlasts the points.
    let engine =
        overlay(r#"{"id":"short-TH","extends":"TH","health":{"points":{"validityDays":30}}}"#);
    let list = [v("gone", 2, "2024-01-20"), v("live", 2, "2024-02-01")];
    let attempts = [pass("gone", "2024-02-20"), pass("live", "2024-02-21")];
    let report = check(&engine, &input("TH", "2024-02-21", &list, &attempts)).unwrap();
    let gone = quiz(&report, "gone");
    assert!(gone.open && !gone.can_remove_point);
    assert_eq!((gone.active_points, gone.blocked_by), (0, Some(QuizBlock::NoActivePoints)));
    // The pass on the expired violation removed nothing, so it did not start the type's cap.
    assert_eq!(report.active_points, 1);
    assert_eq!(drops(&report), ["2024-03-02 1"]);
}

#[test]
fn a_violation_issued_with_no_points_has_nothing_to_remove() {
    let report = health("TH", "2023-01-21", &[v("zero", 0, "2023-01-20")], &[]);
    assert_eq!(quiz(&report, "zero").blocked_by, Some(QuizBlock::NoActivePoints));
    assert!(report.expirations.is_empty());
}

#[test]
fn quizzes_follow_input_order() {
    let report = health(
        "TH",
        "2023-03-01",
        &[v("z", 1, "2023-02-01"), v("a", 1, "2023-01-01"), v("m", 1, "2023-02-15")],
        &[],
    );
    let ids: Vec<&str> = report.quizzes.iter().map(|q| q.violation_id.as_str()).collect();
    assert_eq!(ids, ["z", "a", "m"]);
}

// --- The score scheme ---------------------------------------------------------------------

#[test]
fn the_us_uses_the_score_scheme() {
    let at = |points: &[u32]| {
        let list: Vec<String> =
            points.iter().enumerate().map(|(i, p)| v(&format!("v{i}"), *p, "2024-06-01")).collect();
        health("US", "2024-06-10", &list, &[])
    };
    let clean = at(&[]);
    assert_eq!(clean.scheme, Scheme::Score);
    let score = clean.score.as_ref().unwrap();
    assert_eq!((score.value, score.start, score.min, score.max), (200, 200, 0, 1000));
    assert_eq!(serde_json::to_value(score.status).unwrap(), "healthy");
    assert!(!score.verified, "the deduction per violation is a parameter");
    assert_eq!(score.cited.message, "Health score 200 on a scale of 0 to 1,000: healthy.");
    assert_eq!((reached(&clean), next(&clean)), (None, Some((150, 50))));
    assert!(clean.notes.iter().any(|n| n.id == "score_deduction"));

    let caution = at(&[48]);
    assert_eq!(caution.active_points, 48);
    assert_eq!(caution.score.as_ref().unwrap().value, 152);
    assert_eq!(serde_json::to_value(caution.score.as_ref().unwrap().status).unwrap(), "caution");
    assert_eq!(next(&caution), Some((150, 2)));
    let warning = caution.warning.as_ref().unwrap();
    assert!(warning.cited.message.starts_with("Approaching the score 150 milestone (2 to go)"));

    let edge = at(&[45]);
    assert_eq!((edge.score.as_ref().unwrap().value, edge.warning.is_some()), (155, true));
    assert!(at(&[44]).warning.is_none());

    let unhealthy = at(&[48, 12]);
    assert_eq!(unhealthy.score.as_ref().unwrap().value, 140);
    assert_eq!((reached(&unhealthy), next(&unhealthy)), (Some(150), Some((100, 40))));
    let threshold = at(&[48, 2]);
    assert_eq!((reached(&threshold), next(&threshold)), (Some(150), Some((100, 50))));

    let floor = at(&[48, 48, 48, 48, 48]);
    assert_eq!((floor.active_points, floor.score.as_ref().unwrap().value), (240, 0));
    assert_eq!((reached(&floor), next(&floor)), (Some(0), None));
    assert_eq!(floor.milestone.reached.as_ref().unwrap().action, "ahr_0_deactivation");
}

#[test]
fn an_overlay_can_switch_a_region_to_the_score_scheme() {
    let engine = overlay(
        r#"{"id":"score-TH","extends":"TH",
            "health":{"regimes":[{"id":"health.seller","scheme":"score"}]}}"#,
    );
    let report =
        check(&engine, &input("TH", "2024-06-10", &[v("a", 30, "2024-06-01")], &[])).unwrap();
    assert_eq!(report.scheme, Scheme::Score);
    assert_eq!(report.score.as_ref().unwrap().value, 170);
    assert_eq!(next(&report), Some((150, 20)));
    // Points still expire under the score scheme, and the score recovers with them.
    assert_eq!(drops(&report), ["2024-08-30 30"]);
    let points = health("TH", "2024-06-10", &[v("a", 30, "2024-06-01")], &[]);
    assert_eq!((points.scheme, points.score.is_none()), (Scheme::Points, true));
}

// --- Messages -----------------------------------------------------------------------------

#[test]
fn messages_in_indonesian_and_chinese() {
    let list: Vec<String> = (0..30).map(|i| v(&format!("v{i}"), 48, "2024-03-01")).collect();
    let json = |lang: &str| {
        input("TH", "2024-03-01", &list, &[]).replacen('{', &format!(r#"{{"lang":"{lang}","#), 1)
    };
    let id = check(&Engine::builtin(), &json("id")).unwrap();
    assert_eq!(
        id.weekly.cited.message,
        "7 hari terakhir (24 Februari 2024 s.d. 1 Maret 2024): 30 pelanggaran, 1.440 poin."
    );
    assert_eq!(
        id.milestone.reached.as_ref().unwrap().cited.message,
        "Toko ditangguhkan secara permanen."
    );
    let zh = check(&Engine::builtin(), &json("zh")).unwrap();
    assert_eq!(
        zh.weekly.cited.message,
        "最近7天（2024年2月24日至2024年3月1日）：违规30次，积分1,440分。"
    );
    assert!(zh.notes.iter().all(|n| !n.message.is_ascii()));

    let near = input("ID", "2024-03-01", &[v("a", 8, "2024-03-01")], &[]).replacen(
        '{',
        r#"{"lang":"zh","#,
        1,
    );
    let report = check(&Engine::builtin(), &near).unwrap();
    assert_eq!(
        report.warning.unwrap().cited.message,
        "即将达到12分节点（还差4分）：限制参加营销活动和卖家权益7天。"
    );
}

#[test]
fn notes_cite_the_rules_behind_the_figures() {
    let report = health("ID", "2024-03-01", &[], &[]);
    let ids: Vec<&str> = report.notes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["points_validity", "policy_quiz"]);
    assert_eq!(
        report.notes[0].message,
        "Each violation point counts for 90 days from the day it is issued, then expires, unless active points reach 48: from then on they no longer clear."
    );
    assert_eq!(report.notes[1].source.as_deref(), Some("seeds/003_00f37fbeee36ff4c.txt"));
    assert_eq!(report.policy.id, "tiktok-shop-ID");
    assert_eq!(report.as_of.to_string(), "2024-03-01");
}

#[test]
fn the_report_serializes_to_the_js_contract() {
    let report = health("TH", "2023-02-10", &[v("a", 2, "2023-02-08")], &[]);
    let text = shop_policy::to_json::to_json(&report).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let keys = [
        "role",
        "scheme",
        "inForce",
        "asOf",
        "activePoints",
        "score",
        "milestone",
        "warning",
        "expirations",
        "clearingStoppedOn",
        "weekly",
        "quizzes",
        "notes",
        "sources",
        "policy",
    ];
    assert_eq!(json.as_object().unwrap().len(), keys.len());
    // In this order, as JS lists them.
    let at: Vec<usize> = keys.iter().map(|k| text.find(&format!("\"{k}\":")).unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert_eq!(json["scheme"], "points");
    assert_eq!(json["milestone"]["reached"], serde_json::Value::Null);
    assert_eq!(json["milestone"]["next"]["pointsToGo"], 10);
    assert_eq!(json["milestone"]["next"]["ruleId"], "health.milestone_12");
    assert_eq!(json["warning"], serde_json::Value::Null);
    assert_eq!(json["expirations"], serde_json::json!([{ "on": "2023-05-09", "points": 2 }]));
    assert_eq!(
        json["weekly"]["byType"],
        serde_json::json!([{ "type": "T", "violations": 1, "points": 2 }])
    );
    assert_eq!(json["weekly"]["bySurface"][0]["surface"], serde_json::Value::Null);
    let q = &json["quizzes"][0];
    assert_eq!(q["violationId"], "a");
    assert_eq!(q["type"], "T");
    assert_eq!(q["deadline"], "2023-03-31");
    assert_eq!(
        (q["canRemovePoint"].clone(), q["blockedBy"].clone()),
        (true.into(), serde_json::Value::Null)
    );
    assert_eq!(
        json["policy"],
        serde_json::json!({ "id": "tiktok-shop-TH", "version": "2026.12.1" })
    );
}

// --- Bad input ----------------------------------------------------------------------------

#[test]
fn bad_input_names_its_code_and_path() {
    let three = [v("a", 1, "2023-01-01"), v("b", 1, "2023-01-02"), v("c", 1, "2023-02-30")];
    let cases: Vec<(String, (&str, &str))> = vec![
        (input("ID", "2023-03-01", &three, &[]), ("invalid_date", "violations[2].issuedOn")),
        (input("JP", "2023-03-01", &[], &[]), ("unknown_region", "region")),
        (input("ID", "2023-3-01", &[], &[]), ("invalid_date", "asOf")),
        (
            r#"{"region":"ID","asOf":"2023-03-01","violations":[],"quizAttempt":[]}"#.into(),
            ("unknown_field", "quizAttempt"),
        ),
        (
            input(
                "ID",
                "2023-03-01",
                &[r#"{"id":"a","type":"T","point":1,"issuedOn":"2023-01-01"}"#.into()],
                &[],
            ),
            ("invalid_input", "violations[0].points"),
        ),
        (
            input(
                "ID",
                "2023-03-01",
                &[r#"{"id":"a","type":"T","points":1,"issuedOn":"2023-01-01","severity":2}"#
                    .into()],
                &[],
            ),
            ("unknown_field", "violations[0].severity"),
        ),
        (
            input("ID", "2023-03-01", &[v("a", 1, "2023-01-01").replace(":1,", ":-1,")], &[]),
            ("invalid_input", "violations[0].points"),
        ),
        (
            input("ID", "2023-03-01", &[v("a", 1, "2023-01-01").replace(":1,", ":1.5,")], &[]),
            ("invalid_input", "violations[0].points"),
        ),
        (
            input("ID", "2023-03-01", &[v("a", 1, "2023-01-01"), v("b", 49, "2023-01-01")], &[]),
            ("invalid_input", "violations[1].points"),
        ),
        (
            input(
                "ID",
                "2023-03-01",
                &[v("a", 1, "2023-01-01"), v("b", 1, "2023-01-02"), v("a", 1, "2023-01-03")],
                &[],
            ),
            ("duplicate_id", "violations[2].id"),
        ),
        (
            input("ID", "2023-03-01", &[v("", 1, "2023-01-01")], &[]),
            ("invalid_input", "violations[0].id"),
        ),
        (
            input("ID", "2023-03-01", &[on("a", "tv", 1, "2023-01-01")], &[]),
            ("invalid_input", "violations[0].surface"),
        ),
        (
            input(
                "ID",
                "2023-03-01",
                &[v("a", 1, "2023-01-01")],
                &[pass("a", "2023-01-02"), pass("x", "2023-01-02")],
            ),
            ("unknown_reference", "quizAttempts[1].violationId"),
        ),
        (
            input("ID", "2023-03-01", &[v("a", 1, "2023-01-05")], &[pass("a", "2023-01-04")]),
            ("invalid_input", "quizAttempts[0].takenOn"),
        ),
        (
            input(
                "ID",
                "2023-03-01",
                &[v("a", 1, "2023-01-05")],
                &[r#"{"violationId":"a","takenOn":"2023-01-06"}"#.into()],
            ),
            ("invalid_input", "quizAttempts[0].passed"),
        ),
        (r#"{"region":"ID","asOf":"2023-03-01"}"#.into(), ("invalid_input", "violations")),
        (
            r#"{"region":"ID","asOf":"2023-03-01","violations":{}}"#.into(),
            ("invalid_input", "violations"),
        ),
        (
            r#"{"region":"ID","asOf":"2023-03-01","violations":[],"lang":"fr"}"#.into(),
            ("invalid_input", "lang"),
        ),
        (r#"[]"#.into(), ("invalid_input", "")),
    ];
    for (json, (code, path)) in cases {
        assert_eq!(error(&json), pair(code, path), "{json}");
    }
    // A message names the limit and the pack.
    let e = check(&Engine::builtin(), &input("ID", "2023-03-01", &[v("b", 49, "2023-01-01")], &[]))
        .unwrap_err();
    assert!(e.message().contains("at most 48 points under tiktok-shop-ID"), "{}", e.message());
}

#[test]
fn nan_and_infinity_are_not_points() {
    for n in [f64::NAN, f64::INFINITY, 1e300] {
        let value = Value::Object(vec![
            ("region".into(), Value::string("ID")),
            ("asOf".into(), Value::string("2023-03-01")),
            (
                "violations".into(),
                Value::Array(vec![Value::Object(vec![
                    ("id".into(), Value::string("a")),
                    ("type".into(), Value::string("T")),
                    ("points".into(), Value::Number(n)),
                    ("issuedOn".into(), Value::string("2023-01-01")),
                ])]),
            ),
        ]);
        let e = Engine::builtin().account_health(&value, Today::Required).unwrap_err();
        assert_eq!(
            pair(e.code().as_str(), e.path()),
            pair("invalid_input", "violations[0].points")
        );
    }
}

#[test]
fn without_as_of_today_is_taken_in_the_region() {
    let json = r#"{"region":"ID","violations":[]}"#;
    let value = Value::parse_json(json).unwrap();
    let e = Engine::builtin().account_health(&value, Today::Required).unwrap_err();
    assert_eq!(pair(e.code().as_str(), e.path()), pair("invalid_input", "asOf"));
    // 2026-11-21 17:30 UTC is already the 22nd in Jakarta.
    let report = Engine::builtin().account_health(&value, Today::At(1_795_282_200_000.0)).unwrap();
    assert_eq!(report.as_of.to_string(), "2026-11-22");
    assert_eq!(report.weekly.from.to_string(), "2026-11-16");
}

#[test]
fn an_engine_for_one_region_refuses_others() {
    let engine = overlay(r#"{"id":"agency-ID","extends":"ID"}"#);
    let e = check(&engine, &input("TH", "2023-03-01", &[], &[])).unwrap_err();
    assert_eq!(pair(e.code().as_str(), e.path()), pair("unknown_region", "region"));
}
