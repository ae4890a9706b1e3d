//! The internals on inputs built by hand (the behaviour through JSON is in `tests/health.rs`).

use super::*;
use crate::engine::CallContext;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn violation(
    id: &'static str,
    kind: &'static str,
    points: u64,
    issued: &str,
) -> Violation<'static> {
    Violation { id, violation_type: kind, points, issued_on: d(issued), surface: None }
}

fn input(
    violations: Vec<Violation<'static>>,
    quiz_attempts: Vec<QuizAttempt>,
) -> HealthInput<'static> {
    let call = CallContext { region: "ID".into(), lang: Lang::En, as_of: None };
    HealthInput { call, role: Role::Seller, violations, quiz_attempts }
}

fn seller(policy: &RegionPolicy) -> HealthRules<'_> {
    policy.pack.health.regime(Role::Seller, d("2024-01-01")).unwrap().1
}

fn indonesia() -> RegionPolicy {
    Engine::builtin().region("ID").unwrap().clone()
}

#[test]
fn the_cap_allows_the_next_removal_on_the_30th_day() {
    let last = Some(d("2023-01-25"));
    assert!(quiz::cooldown_clear(None, d("2023-01-25"), 30));
    assert!(!quiz::cooldown_clear(last, d("2023-01-25"), 30));
    assert!(!quiz::cooldown_clear(last, d("2023-02-23"), 30));
    assert!(quiz::cooldown_clear(last, d("2023-02-24"), 30));
    assert!(quiz::cooldown_clear(last, d("2023-01-25"), 0), "no cap");
}

#[test]
fn accepted_attempts_are_the_first_of_each_month_inside_the_window() {
    let policy = indonesia();
    let attempt = |on: &str, passed| QuizAttempt { violation: 0, taken_on: d(on), passed };
    // Given out of order: the sweep sorts them.
    let attempts = vec![
        attempt("2023-02-03", true),
        attempt("2023-01-30", false),
        attempt("2023-01-31", true),
        attempt("2023-01-21", false),
        attempt("2023-01-31", true), // the fourth in January
        attempt("2023-03-01", true), // after the deadline (2023-02-28)
    ];
    let input = input(vec![violation("a", "T", 5, "2023-01-20")], attempts);
    let deadlines = quiz::deadlines(&input.violations);
    let accepted = quiz::accept(seller(&policy).quiz, &input, &deadlines, d("2023-03-05"));
    let passes: Vec<(String, usize)> =
        accepted.passes.iter().map(|p| (p.on.to_string(), p.attempt)).collect();
    assert_eq!(passes, [("2023-01-31".to_owned(), 2), ("2023-02-03".to_owned(), 0)]);
    assert_eq!(accepted.this_month, [0], "March: the one attempt was past the deadline");
}

#[test]
fn within_a_day_expiry_comes_before_issue_and_issue_before_a_pass() {
    let policy = indonesia();
    let health = &seller(&policy);
    let violations = vec![
        violation("a", "Spam", 24, "2024-01-01"),
        violation("b", "Spam", 24, "2024-03-31"), // a's expiry day
        violation("c", "Links", 23, "2024-04-10"),
    ];
    let passes = [quiz::Pass { on: d("2024-04-10"), attempt: 0, violation: 2 }];
    let ledger = ledger::replay(health, &violations, &[0, 0, 1], 2, &passes, d("2024-04-10"));
    // a expired before b counted, so the total never reached 48 (24 + 24 + 23 would have
    // passed it); the pass on c's issue day came after c, so it had a point to remove.
    assert_eq!((ledger.total, ledger.stopped_on), (46, None));
    assert_eq!(ledger.remaining, [0, 24, 22]);
    assert_eq!(ledger.last_removal, [None, Some(d("2024-04-10"))]);
}

#[test]
fn a_hand_built_input_that_breaks_the_decoders_rules_does_not_panic() {
    let policy = indonesia();
    let attempts = vec![
        QuizAttempt { violation: 7, taken_on: d("2023-01-21"), passed: true },
        QuizAttempt { violation: 0, taken_on: d("2023-01-01"), passed: true }, // before issue
    ];
    let input = input(
        vec![violation("a", "T", 3, "2023-01-20"), violation("a", "T", u64::MAX / 2, "2023-01-20")],
        attempts,
    );
    // Too many points is still an error, not a panic.
    assert!(evaluate(&policy, &input, d("2023-02-01")).is_err());
    let mut fine = input.clone();
    if let Some(v) = fine.violations.get_mut(1) {
        v.points = 1;
    }
    let report = evaluate(&policy, &fine, d("2023-02-01")).unwrap();
    assert_eq!(report.active_points, 4, "neither stray attempt removed anything");
}

#[test]
fn types_are_indexed_in_order_of_first_appearance() {
    let list = [
        violation("a", "Spam", 1, "2024-01-01"),
        violation("b", "Links", 1, "2024-01-01"),
        violation("c", "Spam", 1, "2024-01-01"),
    ];
    assert_eq!(type_indexes(&list), (vec![0, 1, 0], 2));
}
