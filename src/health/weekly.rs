//! The weekly account health report: what the last `days` days (7) brought.
//!
//! Seed 003: the report "summarizes and centralizes policy violations … from the past seven
//! days" and "displays key violation metrics, so creators understand which violations they
//! incur most often". So it counts violations *issued* in the window — `asOf` and the six days
//! before it, inclusive — with the points they carried when issued (a later quiz pass or expiry
//! does not rewrite what the week brought), and ranks them by type and by surface, most
//! frequent first. It covers every surface given, not only LIVEs and videos: sellers' product
//! and chat violations belong in the same summary.

use super::{SurfaceTally, TypeTally, WeeklyReport};
use crate::date::Date;
use crate::i18n::{self, Lang};
use crate::pack::{Surface, WeeklyRule};
use crate::report::Cited;
use crate::sort;
use std::cmp::Reverse;

use super::input::Violation;
use crate::fast_hash::FastMap;

/// The report for the `rule.days` days ending on `as_of`.
pub(super) fn report(
    rule: &WeeklyRule,
    violations: &[Violation<'_>],
    as_of: Date,
    lang: Lang,
) -> WeeklyReport {
    let from = as_of.plus_days(1 - i64::from(rule.days));
    let mut count = 0u64;
    let mut points = 0u64;
    let mut by_type: FastMap<&str, (u64, u64)> = FastMap::default();
    // One bucket per surface in contract order, and a last one for "not given".
    let mut by_surface = [(0u64, 0u64); Surface::ALL.len() + 1];
    for v in violations.iter().filter(|v| from <= v.issued_on && v.issued_on <= as_of) {
        count += 1;
        points = points.saturating_add(v.points);
        let tally = by_type.entry(v.violation_type).or_default();
        tally.0 += 1;
        tally.1 = tally.1.saturating_add(v.points);
        let slot = v.surface.and_then(|s| Surface::ALL.iter().position(|x| *x == s));
        if let Some(tally) = by_surface.get_mut(slot.unwrap_or(Surface::ALL.len())) {
            tally.0 += 1;
            tally.1 = tally.1.saturating_add(v.points);
        }
    }

    let mut by_type: Vec<TypeTally> = by_type
        .into_iter()
        .map(|(t, (violations, points))| TypeTally {
            violation_type: t.to_owned(),
            violations,
            points,
        })
        .collect();
    sort::sort_by(&mut by_type, |a, b| {
        (b.violations, b.points)
            .cmp(&(a.violations, a.points))
            .then(a.violation_type.cmp(&b.violation_type))
    });
    // Stable sort: ties keep contract order, with "not given" last.
    let mut by_surface: Vec<SurfaceTally> = by_surface
        .iter()
        .enumerate()
        .filter(|(_, (violations, _))| *violations > 0)
        .map(|(i, &(violations, points))| SurfaceTally {
            surface: Surface::ALL.get(i).map(|s| s.as_str()),
            violations,
            points,
        })
        .collect();
    sort::sort_by_key(&mut by_surface, |s| Reverse((s.violations, s.points)));

    let args = [
        ("days", i18n::number(lang, i64::from(rule.days))),
        ("from", i18n::date(lang, from)),
        ("to", i18n::date(lang, as_of)),
        ("violations", number(lang, count)),
        ("points", number(lang, points)),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    WeeklyReport {
        from,
        to: as_of,
        violations: count,
        points,
        by_type,
        by_surface,
        cited: Cited::new(&rule.meta, lang, Some("health.weekly_report"), &args),
    }
}

/// A count formatted for `lang` (counts beyond `i64` cannot occur; they saturate).
pub(super) fn number(lang: Lang, n: u64) -> String {
    i18n::number(lang, i64::try_from(n).unwrap_or(i64::MAX))
}
