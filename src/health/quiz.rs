//! The policy quiz: which attempts the platform would have accepted, and what passing today
//! would do.
//!
//! The quiz of a violation is open from the day the violation is issued to the last day of the
//! following month, and may be taken a limited number of times per calendar month
//! (`attemptsPerMonth`). Those two limits do not depend on points, so they are settled here,
//! before the ledger runs: an attempt outside its window, or beyond the month's allowance,
//! was not accepted and has no effect (the pack's figures decide, not the caller's list). The
//! rest — whether an accepted pass removes a point — depends on the points still active and
//! on the removal cap per violation type, so the ledger ([`super::ledger`]) decides it while it
//! replays; [`statuses`] then reads the ledger to say what passing on the as-of date would do.

use super::input::{HealthInput, Violation};
use super::ledger::Ledger;
use super::{QuizBlock, QuizStatus};
use crate::date::Date;
use crate::pack::QuizRule;
use crate::sort;

/// An accepted pass: the day, and the violation's position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Pass {
    /// The day it was taken.
    pub on: Date,
    /// The attempt's input position (orders passes within a day).
    pub attempt: usize,
    /// The violation's position.
    pub violation: usize,
}

/// The attempts the platform accepted.
#[derive(Debug, Default)]
pub(super) struct Accepted {
    /// Accepted passes, by day and then input order.
    pub passes: Vec<Pass>,
    /// Accepted attempts per violation in the as-of date's calendar month.
    pub this_month: Vec<u32>,
}

/// The last day each violation's quiz can be taken: the last day of the month after its issue
/// day. Computed once per violation; both passes below need it.
pub(super) fn deadlines(violations: &[Violation<'_>]) -> Vec<Date> {
    violations.iter().map(|v| v.issued_on.last_day_of_next_month()).collect()
}

/// Whether a removal on `on` respects the cap after the type's last removal on `last`: at most
/// one removal per type within `cooldown_days` calendar days, so the next is allowed from
/// `last + cooldown_days`.
pub(super) fn cooldown_clear(last: Option<Date>, on: Date, cooldown_days: u32) -> bool {
    last.is_none_or(|last| on >= last.plus_days(i64::from(cooldown_days)))
}

/// Settles which attempts up to `as_of` were accepted: inside the window, and among the first
/// `attemptsPerMonth` of their violation's quiz in their calendar month. Sorting by violation,
/// day and input order makes this one linear sweep.
pub(super) fn accept(
    quiz: &QuizRule,
    input: &HealthInput<'_>,
    deadlines: &[Date],
    as_of: Date,
) -> Accepted {
    let mut taken: Vec<(usize, Date, usize, bool)> = input
        .quiz_attempts
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let issued_on = input.violations.get(a.violation)?.issued_on;
            let deadline = *deadlines.get(a.violation)?;
            let in_window = issued_on <= a.taken_on && a.taken_on <= deadline;
            (in_window && a.taken_on <= as_of).then_some((a.violation, a.taken_on, i, a.passed))
        })
        .collect();
    sort::sort(&mut taken);

    let now = as_of.month_index();
    let mut accepted = Accepted { passes: Vec::new(), this_month: vec![0; input.violations.len()] };
    let mut month: Option<(usize, i64)> = None;
    let mut used = 0u32;
    for (violation, on, attempt, passed) in taken {
        let key = (violation, on.month_index());
        if month != Some(key) {
            month = Some(key);
            used = 0;
        }
        if used >= quiz.attempts_per_month {
            continue;
        }
        used += 1;
        if key.1 == now
            && let Some(count) = accepted.this_month.get_mut(violation)
        {
            *count += 1;
        }
        if passed {
            accepted.passes.push(Pass { on, attempt, violation });
        }
    }
    sort::sort(&mut accepted.passes);
    accepted
}

/// The quiz of each violation that still matters on `as_of`, in input order: issued by then, and
/// with its quiz still open or its points still active. A violation whose quiz has closed and
/// whose points are gone leaves nothing to act on or explain, and listing a year of them would
/// bury the few that count.
pub(super) fn statuses(
    quiz: &QuizRule,
    violations: &[Violation<'_>],
    deadlines: &[Date],
    types: &[usize],
    accepted: &Accepted,
    ledger: &Ledger,
    as_of: Date,
) -> Vec<QuizStatus> {
    let mut out = Vec::with_capacity(violations.len());
    for ((i, v), &deadline) in violations.iter().enumerate().zip(deadlines) {
        if v.issued_on > as_of {
            continue;
        }
        let open = as_of <= deadline;
        let used = accepted.this_month.get(i).copied().unwrap_or(0);
        let attempts_left = if open { quiz.attempts_per_month.saturating_sub(used) } else { 0 };
        let active_points = ledger.remaining.get(i).copied().unwrap_or(0);
        if !open && active_points == 0 {
            continue;
        }
        let last = types.get(i).and_then(|&t| ledger.last_removal.get(t)).copied().flatten();
        let cooldown_ends_on = last
            .map(|last| last.plus_days(i64::from(quiz.removal_cooldown_days)))
            .filter(|end| *end > as_of);
        let blocked_by = if !open {
            Some(QuizBlock::Closed)
        } else if attempts_left == 0 {
            Some(QuizBlock::NoAttemptsLeft)
        } else if quiz.points_removed_per_pass.is_none() {
            Some(QuizBlock::AmountUnpublished)
        } else if quiz.points_removed_per_pass == Some(0) {
            Some(QuizBlock::RemovesNothing)
        } else if ledger.stopped_on.is_some() {
            Some(QuizBlock::ClearingStopped)
        } else if active_points == 0 {
            Some(QuizBlock::NoActivePoints)
        } else if cooldown_ends_on.is_some() {
            Some(QuizBlock::TypeCooldown)
        } else {
            None
        };
        out.push(QuizStatus {
            violation_id: v.id.to_owned(),
            violation_type: v.violation_type.to_owned(),
            open,
            deadline,
            attempts_left,
            can_remove_point: blocked_by.is_none(),
            active_points,
            blocked_by,
            cooldown_ends_on,
        });
    }
    out
}
