//! The points ledger: the account's history replayed day by day, so that every rule applies in
//! the order things happened.
//!
//! Three kinds of event change the active total: a violation is issued (its points count from
//! that day), its points expire (on issue day + `validityDays`), and an accepted quiz pass
//! removes points from it. Replaying them in date order is what makes the rules that depend on
//! history come out right: a pass can only remove points still active, the removal cap is per
//! violation type over a rolling number of days, and where the pack sets `clearingStopsAt`
//! (Indonesia: 48) the total freezes the day it reaches that figure — even if, without the
//! freeze, points would have expired since.
//!
//! Within one day the order is: expiries, then new violations, then quiz passes. Points due to
//! expire on a day are gone that day (a point issued on D counts through D + 89 with 90 days'
//! validity), and the dates alone cannot say whether a pass came before a violation issued the
//! same day, so the stricter reading applies: the violation counts first (it may reach the
//! clearing stop), and the pass comes after.
//!
//! One sort of the violations by issue day gives two of the three event streams in order (with
//! one validity for all, expiries come in issue order); the accepted passes arrive sorted; the
//! replay merges the three. O(n log n) in the number of violations and attempts.

use super::input::Violation;
use super::quiz::{Pass, cooldown_clear};
use crate::date::Date;
use crate::pack::HealthRules;
use crate::sort;

/// What the replay leaves on the as-of date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Ledger {
    /// Active points on the as-of date.
    pub total: u64,
    /// Active points left on each violation, by input position (0 once expired or removed,
    /// and for violations issued after the as-of date).
    pub remaining: Vec<u64>,
    /// The day the active total reached the pack's `clearingStopsAt`, after which nothing
    /// clears.
    pub stopped_on: Option<Date>,
    /// The day of the last quiz removal of each violation type, by type index.
    pub last_removal: Vec<Option<Date>>,
}

/// Event kinds, in the order they apply within a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Expire,
    Issue,
    Pass,
}

/// Replays every event up to and including `as_of`. `types` gives each violation's type
/// index (below `type_count`); `passes` are the accepted passes ([`super::quiz::accept`]).
pub(super) fn replay(
    health: &HealthRules,
    violations: &[Violation<'_>],
    types: &[usize],
    type_count: usize,
    passes: &[Pass],
    as_of: Date,
) -> Ledger {
    let validity = i64::from(health.points.validity_days);
    let mut by_issue: Vec<(Date, usize)> = violations
        .iter()
        .enumerate()
        .filter(|(_, v)| v.issued_on <= as_of)
        .map(|(i, v)| (v.issued_on, i))
        .collect();
    sort::sort(&mut by_issue);
    let mut issues = by_issue.iter().copied().peekable();
    let mut expiries = by_issue
        .iter()
        .map(|&(on, i)| (on.plus_days(validity), i))
        .take_while(|(on, _)| *on <= as_of)
        .peekable();
    let mut pending = passes.iter().enumerate().map(|(i, p)| (p.on, i)).peekable();

    let quiz = &health.quiz;
    let per_pass = u64::from(quiz.points_removed_per_pass.unwrap_or(0));
    let mut ledger = Ledger {
        total: 0,
        remaining: vec![0; violations.len()],
        stopped_on: None,
        last_removal: vec![None; type_count],
    };
    loop {
        // The earliest next event; within a day, expiries, then issues, then passes.
        let heads = [
            (Kind::Expire, expiries.peek()),
            (Kind::Issue, issues.peek()),
            (Kind::Pass, pending.peek()),
        ];
        let next = heads.into_iter().filter_map(|(kind, head)| head.map(|&(on, i)| (on, kind, i)));
        let Some((on, kind, index)) = next.min() else { break };
        match kind {
            Kind::Expire => expiries.next(),
            Kind::Issue => issues.next(),
            Kind::Pass => pending.next(),
        };
        match kind {
            Kind::Issue => {
                let points = violations.get(index).map_or(0, |v| v.points);
                if let Some(left) = ledger.remaining.get_mut(index) {
                    *left = points;
                }
                ledger.total = ledger.total.saturating_add(points);
                if let Some(stop) = health.points.clearing_stops_at
                    && ledger.stopped_on.is_none()
                    && ledger.total >= u64::from(stop)
                {
                    ledger.stopped_on = Some(on);
                }
            }
            Kind::Expire if ledger.stopped_on.is_none() => {
                if let Some(left) = ledger.remaining.get_mut(index) {
                    ledger.total = ledger.total.saturating_sub(*left);
                    *left = 0;
                }
            }
            Kind::Pass if ledger.stopped_on.is_none() => {
                let Some(pass) = passes.get(index) else { continue };
                let Some(&kind) = types.get(pass.violation) else { continue };
                let (Some(left), Some(last)) =
                    (ledger.remaining.get_mut(pass.violation), ledger.last_removal.get_mut(kind))
                else {
                    continue;
                };
                let removed = per_pass.min(*left);
                if removed == 0 || !cooldown_clear(*last, on, quiz.removal_cooldown_days) {
                    continue;
                }
                *left -= removed;
                ledger.total = ledger.total.saturating_sub(removed);
                *last = Some(on);
            }
            Kind::Expire | Kind::Pass => {}
        }
    }
    ledger
}

/// The future drops of the active total: each violation's remaining points on its expiry
/// day, merged per day, soonest first. Empty once clearing has stopped — nothing clears any
/// more. No violation can reach the stop after `as_of` (the total only falls from there), so
/// the list is final unless new violations or passes come.
pub(super) fn expirations(
    health: &HealthRules,
    violations: &[Violation<'_>],
    ledger: &Ledger,
) -> Vec<(Date, u64)> {
    if ledger.stopped_on.is_some() {
        return Vec::new();
    }
    let validity = i64::from(health.points.validity_days);
    let mut drops: Vec<(Date, u64)> = violations
        .iter()
        .zip(&ledger.remaining)
        .filter(|(_, left)| **left > 0)
        .map(|(v, left)| (v.issued_on.plus_days(validity), *left))
        .collect();
    sort::sort_by_key(&mut drops, |(on, _)| *on);
    let mut merged: Vec<(Date, u64)> = Vec::with_capacity(drops.len());
    for (on, points) in drops {
        match merged.last_mut() {
            Some((last, sum)) if *last == on => *sum = sum.saturating_add(points),
            _ => merged.push((on, points)),
        }
    }
    merged
}
