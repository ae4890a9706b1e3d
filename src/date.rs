//! Calendar dates and the region's "today" — the one place the checkers get date arithmetic.
//!
//! Policies speak in calendar days in the region's local time ("90 natural days", "until the
//! last day of the following month"), never in instants, so a [`Date`] is a plain calendar
//! date. Parsing is strict `YYYY-MM-DD`: `2023-02-29` is not a date, and neither is
//! `2023-2-1` or `2023-02-01T00:00`.
//!
//! The core never reads a clock. The binding passes the current instant to
//! [`TimeZone::today`] when a caller gives no `asOf`.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;
use std::fmt;

/// A calendar date in the region's local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NaiveDate);

impl Date {
    /// A date from its parts, if it exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(year, month, day).map(Date)
    }

    /// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day) naming a real day.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u32> {
            let digits = b.get(range)?;
            digits.iter().try_fold(0u32, |acc, &d| {
                d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
            })
        };
        let year = i32::try_from(number(0..4)?).ok()?;
        Date::from_ymd(year, number(5..7)?, number(8..10)?)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.0.month()
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u32 {
        self.0.day()
    }

    /// This date plus `days` calendar days (negative goes back). Saturates at the ends of the
    /// representable range (hundreds of thousands of years away) instead of failing.
    pub fn plus_days(self, days: i64) -> Date {
        let magnitude = Days::new(days.unsigned_abs());
        let moved = if days >= 0 {
            self.0.checked_add_days(magnitude)
        } else {
            self.0.checked_sub_days(magnitude)
        };
        Date(moved.unwrap_or(if days >= 0 { NaiveDate::MAX } else { NaiveDate::MIN }))
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        (later.0 - self.0).num_days()
    }

    /// The first day of this date's month.
    pub fn first_of_month(self) -> Date {
        Date(self.0.with_day(1).unwrap_or(self.0))
    }

    /// The last day of the month after this date's month (2023-01-20 → 2023-02-28,
    /// 2023-12-05 → 2024-01-31).
    pub fn last_day_of_next_month(self) -> Date {
        let (year, month) = self.next_month();
        let (after_year, after_month) =
            if month == 12 { (year.saturating_add(1), 1) } else { (year, month + 1) };
        NaiveDate::from_ymd_opt(after_year, after_month, 1)
            .and_then(|first| first.pred_opt())
            .map_or(Date(NaiveDate::MAX), Date)
    }

    /// A number that identifies the calendar month, increasing by one per month; two dates are
    /// in the same month when their indexes are equal.
    pub fn month_index(self) -> i64 {
        i64::from(self.year()) * 12 + i64::from(self.month()) - 1
    }

    fn next_month(self) -> (i32, u32) {
        if self.month() == 12 {
            (self.year().saturating_add(1), 1)
        } else {
            (self.year(), self.month() + 1)
        }
    }

    /// The calendar date at `unix_ms` milliseconds since the epoch, shifted by `offset_minutes`.
    fn at_instant(unix_ms: f64, offset_minutes: i32) -> Date {
        let ms = if unix_ms.is_finite() { unix_ms } else { 0.0 };
        let local_ms = ms + f64::from(offset_minutes) * 60_000.0;
        let days = (local_ms / 86_400_000.0).floor();
        // Clamp to chrono's range before converting; f64 → i64 `as` saturates.
        let days = days.clamp(-90_000_000.0, 90_000_000.0) as i64;
        EPOCH.plus_days(days)
    }
}

const EPOCH: Date = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(day) => Date(day),
    None => Date(NaiveDate::MIN),
};

impl Date {
    /// `YYYY-MM-DD` as ASCII bytes, for the years 0 to 9999 (every date `parse` accepts).
    /// Reports write thousands of dates; this spares each one the formatting machinery and an
    /// allocation.
    fn iso(self) -> Option<[u8; 10]> {
        let year = u32::try_from(self.year()).ok().filter(|y| *y <= 9999)?;
        let (month, day) = (self.month(), self.day());
        let digit = |n: u32| b'0' + (n % 10) as u8;
        Some([
            digit(year / 1000),
            digit(year / 100),
            digit(year / 10),
            digit(year),
            b'-',
            digit(month / 10),
            digit(month),
            b'-',
            digit(day / 10),
            digit(day),
        ])
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.iso() {
            Some(iso) => f.write_str(std::str::from_utf8(&iso).unwrap_or_default()),
            None => write!(f, "{:04}-{:02}-{:02}", self.year(), self.month(), self.day()),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.iso() {
            Some(iso) => serializer.serialize_str(std::str::from_utf8(&iso).unwrap_or_default()),
            None => serializer.collect_str(self),
        }
    }
}

/// When a region moves its clocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DstRule {
    /// No daylight saving time (all of Southeast Asia).
    None,
    /// European rule (UK): +1 h from 01:00 UTC on the last Sunday of March to 01:00 UTC on
    /// the last Sunday of October.
    Eu,
    /// United States rule: +1 h from 02:00 local on the second Sunday of March to 02:00 local
    /// on the first Sunday of November.
    Us,
}

/// A region's civil time: a standard UTC offset and its daylight-saving rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeZone {
    /// Standard-time offset from UTC in minutes (Jakarta: +420).
    pub utc_offset_minutes: i32,
    /// The daylight-saving rule.
    pub dst: DstRule,
}

impl TimeZone {
    /// The local calendar date at the instant `unix_ms` (milliseconds since the Unix epoch, as
    /// `Date.now()` gives it).
    pub fn today(&self, unix_ms: f64) -> Date {
        let standard = Date::at_instant(unix_ms, self.utc_offset_minutes);
        let summer = match self.dst {
            DstRule::None => false,
            DstRule::Eu => {
                let year = standard.year();
                let start = utc_ms(last_sunday(year, 3), 60);
                let end = utc_ms(last_sunday(year, 10), 60);
                unix_ms >= start && unix_ms < end
            }
            DstRule::Us => {
                let year = standard.year();
                // 02:00 local standard time, and 02:00 local daylight time (= 01:00 standard).
                let start = utc_ms(nth_sunday(year, 3, 2), 120 - self.utc_offset_minutes);
                let end = utc_ms(nth_sunday(year, 11, 1), 60 - self.utc_offset_minutes);
                unix_ms >= start && unix_ms < end
            }
        };
        if summer { Date::at_instant(unix_ms, self.utc_offset_minutes + 60) } else { standard }
    }
}

/// Milliseconds since the epoch at `minutes` past midnight UTC on `date`.
fn utc_ms(date: Date, minutes: i32) -> f64 {
    (EPOCH.days_until(date) as f64) * 86_400_000.0 + f64::from(minutes) * 60_000.0
}

fn last_sunday(year: i32, month: u32) -> Date {
    let first_next = if month == 12 {
        Date::from_ymd(year + 1, 1, 1)
    } else {
        Date::from_ymd(year, month + 1, 1)
    };
    let last = first_next.map_or(EPOCH, |d| d.plus_days(-1));
    let back = i64::from(last.0.weekday().num_days_from_sunday());
    last.plus_days(-back)
}

fn nth_sunday(year: i32, month: u32, n: i64) -> Date {
    let first = Date::from_ymd(year, month, 1).unwrap_or(EPOCH);
    let ahead = (7 - i64::from(first.0.weekday().num_days_from_sunday())) % 7;
    debug_assert_eq!(first.plus_days(ahead).0.weekday(), Weekday::Sun);
    first.plus_days(ahead + 7 * (n - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn parses_only_strict_real_dates() {
        assert_eq!(d("2024-02-29").to_string(), "2024-02-29");
        for bad in [
            "2023-02-29",
            "2023-2-01",
            "2023-02-1",
            "20230201",
            "2023-13-01",
            "2023-00-10",
            "2023-04-31",
            "2023-02-01T00:00",
            " 2023-02-01",
            "２０２３-02-01",
            "+202-02-01",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(d("0001-01-01").plus_days(-1).to_string(), "0000-12-31");
        // Outside 0..=9999 the general formatter takes over, as before.
        assert_eq!(d("0000-12-31").plus_days(-366).to_string(), format!("{:04}-12-31", -1));
        assert_eq!(d("9999-12-31").to_string(), "9999-12-31");
    }

    #[test]
    fn arithmetic_across_month_year_and_leap_boundaries() {
        assert_eq!(d("2024-02-28").plus_days(1), d("2024-02-29"));
        assert_eq!(d("2023-12-31").plus_days(1), d("2024-01-01"));
        assert_eq!(d("2024-01-01").plus_days(90), d("2024-03-31"));
        assert_eq!(d("2024-03-31").plus_days(-90), d("2024-01-01"));
        assert_eq!(d("2023-01-01").days_until(d("2024-01-01")), 365);
        assert_eq!(d("9999-12-31").plus_days(90).to_string(), "10000-03-30");
        assert_eq!(d("2024-05-17").first_of_month(), d("2024-05-01"));
    }

    #[test]
    fn last_day_of_following_month() {
        assert_eq!(d("2023-01-20").last_day_of_next_month(), d("2023-02-28"));
        assert_eq!(d("2023-12-05").last_day_of_next_month(), d("2024-01-31"));
        assert_eq!(d("2024-01-31").last_day_of_next_month(), d("2024-02-29"));
        assert_eq!(d("2023-11-30").last_day_of_next_month(), d("2023-12-31"));
    }

    #[test]
    fn month_index_changes_exactly_at_month_starts() {
        assert_eq!(d("2023-12-31").month_index() + 1, d("2024-01-01").month_index());
        assert_eq!(d("2024-01-01").month_index(), d("2024-01-31").month_index());
    }

    fn ms(utc: &str, hour: i64, minute: i64) -> f64 {
        (EPOCH.days_until(d(utc)) * 86_400_000 + hour * 3_600_000 + minute * 60_000) as f64
    }

    #[test]
    fn today_in_fixed_offset_zones() {
        let jakarta = TimeZone { utc_offset_minutes: 420, dst: DstRule::None };
        assert_eq!(jakarta.today(ms("2026-11-21", 16, 59)), d("2026-11-21"));
        assert_eq!(jakarta.today(ms("2026-11-21", 17, 0)), d("2026-11-22"));
        assert_eq!(jakarta.today(f64::NAN), d("1970-01-01"));
    }

    #[test]
    fn british_summer_time() {
        let uk = TimeZone { utc_offset_minutes: 0, dst: DstRule::Eu };
        // BST 2026: 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(uk.today(ms("2026-06-30", 23, 30)), d("2026-07-01"));
        assert_eq!(uk.today(ms("2026-03-29", 0, 59)), d("2026-03-29"));
        assert_eq!(uk.today(ms("2026-03-28", 23, 30)), d("2026-03-28"));
        assert_eq!(uk.today(ms("2026-10-24", 23, 30)), d("2026-10-25"));
        assert_eq!(uk.today(ms("2026-10-25", 23, 30)), d("2026-10-25"));
        assert_eq!(uk.today(ms("2026-12-31", 23, 30)), d("2026-12-31"));
    }

    #[test]
    fn us_daylight_time_in_pacific() {
        let pacific = TimeZone { utc_offset_minutes: -480, dst: DstRule::Us };
        // 2026: 8 March 10:00 UTC to 1 November 09:00 UTC.
        assert_eq!(pacific.today(ms("2026-07-01", 6, 30)), d("2026-06-30"));
        assert_eq!(pacific.today(ms("2026-07-01", 7, 30)), d("2026-07-01"));
        assert_eq!(pacific.today(ms("2026-01-15", 7, 30)), d("2026-01-14"));
        assert_eq!(pacific.today(ms("2026-01-15", 8, 30)), d("2026-01-15"));
    }
}
