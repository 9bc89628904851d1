//! Calendar arithmetic and timestamp parsing, with no clock and no time-zone database.
//!
//! Instants are UTC milliseconds since the Unix epoch (`*_ms: i64`). The reader's time zone
//! comes in from the platform as an offset for a given instant (see [`ZoneOffset`]), so
//! every function here is pure and tested natively.
//!
//! The text functions ([`relative_text`], [`clock_text`], [`local_time_text`],
//! [`window_text`]) take their words and patterns from [`crate::core::i18n`].

use crate::core::i18n::{count_text, month_abbr, text, text_with, Count, Locale, Msg, Tpl, Ui};

/// Milliseconds in one minute.
pub const MINUTE_MS: i64 = 60_000;
/// Milliseconds in one hour.
pub const HOUR_MS: i64 = 60 * MINUTE_MS;
/// Milliseconds in one day.
pub const DAY_MS: i64 = 24 * HOUR_MS;

/// The reader's offset from UTC at a given instant, in minutes east of UTC (UTC+1 is 60).
///
/// The browser implements this with `Date.prototype.getTimezoneOffset`; tests use
/// [`FixedOffset`].
pub trait ZoneOffset {
    /// Offset east of UTC, in minutes, that applies at `at_ms`.
    fn offset_minutes(&self, at_ms: i64) -> i32;
}

/// A time zone with one fixed offset, in minutes east of UTC.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FixedOffset(pub i32);

impl ZoneOffset for FixedOffset {
    fn offset_minutes(&self, _at_ms: i64) -> i32 {
        self.0
    }
}

/// A calendar date and wall-clock time, without a zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Civil {
    /// Proleptic Gregorian year.
    pub year: i64,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
    /// 0–23.
    pub hour: u32,
    /// 0–59.
    pub minute: u32,
    /// 0–59 (leap seconds are folded into 59).
    pub second: u32,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day counted from 1970-01-01 (Hinnant's `civil_from_days`).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The wall-clock reading of `at_ms` shifted by `offset_minutes` east of UTC.
pub fn civil_at(at_ms: i64, offset_minutes: i32) -> Civil {
    let local_ms = at_ms.saturating_add(i64::from(offset_minutes) * MINUTE_MS);
    let days = local_ms.div_euclid(DAY_MS);
    let in_day = local_ms.rem_euclid(DAY_MS);
    let (year, month, day) = civil_from_days(days);
    Civil {
        year,
        month,
        day,
        hour: (in_day / HOUR_MS) as u32,
        minute: ((in_day % HOUR_MS) / MINUTE_MS) as u32,
        second: ((in_day % MINUTE_MS) / 1000) as u32,
    }
}

/// The number of days in `month` (1–12) of `year`; 0 for any other month.
pub(crate) fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Parses an ISO 8601 / RFC 3339 timestamp into UTC milliseconds.
///
/// Accepts what status feeds publish: `2024-05-01T10:42:00Z`, `2024-05-01T10:42:00.123-07:00`,
/// `+0700` offsets, a space instead of `T`, lowercase `t`/`z`, and fractions of any length.
/// A timestamp without an offset is read as UTC. Returns `None` for anything else,
/// including impossible dates; never panics.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let s = text.trim().as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        let bytes = s.get(range)?;
        if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
            return None;
        }
        bytes
            .iter()
            .try_fold(0i64, |acc, b| Some(acc * 10 + i64::from(b - b'0')))
    };
    let year = num(0..4)?;
    if s.get(4) != Some(&b'-') || s.get(7) != Some(&b'-') {
        return None;
    }
    let month = u32::try_from(num(5..7)?).ok()?;
    let day = u32::try_from(num(8..10)?).ok()?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    if !matches!(s.get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let hour = num(11..13)?;
    if s.get(13) != Some(&b':') {
        return None;
    }
    let minute = num(14..16)?;
    let mut i = 16;
    let mut second = 0;
    if s.get(i) == Some(&b':') {
        second = num(17..19)?;
        i = 19;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut millis = 0i64;
    // A fraction belongs to the seconds: `11:05.5Z` is no time.
    if i == 19 && matches!(s.get(i), Some(b'.' | b',')) {
        i += 1;
        let start = i;
        while s.get(i).is_some_and(u8::is_ascii_digit) {
            if i - start < 3 {
                millis = millis * 10 + i64::from(s[i] - b'0');
            }
            i += 1;
        }
        if i == start {
            return None;
        }
        for _ in (i - start)..3 {
            millis *= 10;
        }
    }
    let offset_minutes = match s.get(i) {
        None => 0,
        Some(b'Z' | b'z') if i + 1 == s.len() => 0,
        Some(sign @ (b'+' | b'-')) => {
            let hours = num(i + 1..i + 3)?;
            let rest = &s[i + 3..];
            let minutes = match rest {
                [] => 0,
                [b':', ..] if rest.len() == 3 => num(i + 4..i + 6)?,
                _ if rest.len() == 2 => num(i + 3..i + 5)?,
                _ => return None,
            };
            if hours > 23 || minutes > 59 {
                return None;
            }
            let total = hours * 60 + minutes;
            if *sign == b'-' {
                -total
            } else {
                total
            }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second.min(59);
    Some(seconds * 1000 + millis - offset_minutes * MINUTE_MS)
}

/// The reader's local date of `at_ms`, as `(year, month, day)`.
fn local_day(at_ms: i64, zone: &dyn ZoneOffset) -> (i64, u32, u32) {
    let c = civil_at(at_ms, zone.offset_minutes(at_ms));
    (c.year, c.month, c.day)
}

/// How long ago (or how far ahead) `at_ms` is from `now_ms`, in words: "just now",
/// "5 min ago", "2 h ago", "3 days ago", "in 20 s", "in 5 min".
///
/// An age under a minute is "just now"; a future time under a minute counts seconds,
/// rounded up, so "in 0 s" never appears. Beyond a minute, both directions say the
/// nearest whole minute or hour, a half rounding up: 1 min 30 s ago is "2 min ago", 1 h
/// 29 min "1 h ago". The unit is chosen after rounding, so 59 min 40 s is "1 h ago",
/// never "60 min" (nor "in 60 s").
///
/// From about a day on, it counts calendar days in the reader's `zone`, as the date
/// shown beside it does: at noon, midnight yesterday (36 h) is "1 day ago" and 1 p.m. the
/// day before yesterday (47 h) "2 days ago". Rounding 36 h to "2 days" put "2 days ago"
/// next to yesterday's date; truncating 47 h put "1 day ago" next to the day before. A
/// time earlier today that is nearly a day old stays in hours ("23 h ago"), never "24 h".
pub fn relative_text(locale: Locale, at_ms: i64, now_ms: i64, zone: &dyn ZoneOffset) -> String {
    let delta_ms = now_ms.saturating_sub(at_ms);
    if (0..MINUTE_MS).contains(&delta_ms) {
        return text(locale, Msg::Ui(Ui::JustNow)).to_owned();
    }
    let past = delta_ms > 0;
    let span_ms = delta_ms.saturating_abs();
    let nearest = |unit_ms: i64| span_ms.saturating_add(unit_ms / 2) / unit_ms;
    let seconds = span_ms.saturating_add(999) / 1000;
    let pick = |ago, ahead| if past { ago } else { ahead };
    let day = |ms: i64| {
        let (year, month, day) = local_day(ms, zone);
        days_from_civil(year, month, day)
    };
    let calendar_days = day(now_ms).saturating_sub(day(at_ms)).saturating_abs();
    let (count, n) = if !past && seconds < 60 {
        (Count::InSeconds, seconds)
    } else if nearest(MINUTE_MS) < 60 {
        (
            pick(Count::MinutesAgo, Count::InMinutes),
            nearest(MINUTE_MS).max(1),
        )
    } else if nearest(HOUR_MS) < 24 || calendar_days == 0 {
        (
            pick(Count::HoursAgo, Count::InHours),
            nearest(HOUR_MS).min(23),
        )
    } else {
        (pick(Count::DaysAgo, Count::InDays), calendar_days)
    };
    count_text(locale, count, n)
}

/// The wall-clock time of `at_ms` in the reader's zone: "10:42 AM" in US English, "10:42"
/// in British English (see [`crate::core::i18n`] for each locale's clock).
pub fn clock_text(locale: Locale, at_ms: i64, zone: &dyn ZoneOffset) -> String {
    let c = civil_at(at_ms, zone.offset_minutes(at_ms));
    let h12 = match c.hour % 12 {
        0 => 12,
        h => h,
    };
    let ampm = text(locale, Msg::Ui(if c.hour < 12 { Ui::Am } else { Ui::Pm }));
    text_with(
        locale,
        Msg::Tpl(Tpl::Clock),
        &[
            ("hh", &format!("{:02}", c.hour)),
            ("h", &c.hour.to_string()),
            ("h12", &h12.to_string()),
            ("mm", &format!("{:02}", c.minute)),
            ("ampm", ampm),
        ],
    )
}

/// The local date and time of `at_ms` for a reader at `now_ms`: only the clock when it
/// is today in the reader's zone ("10:42 AM"), the day and the clock in the current year
/// ("Nov 20, 10:42 AM"), and the year too otherwise ("Nov 20, 2023, 10:42 AM").
pub fn local_time_text(locale: Locale, at_ms: i64, zone: &dyn ZoneOffset, now_ms: i64) -> String {
    dated_text(locale, at_ms, zone, now_ms, false)
}

/// [`local_time_text`], with the date even today when `dated`.
fn dated_text(
    locale: Locale,
    at_ms: i64,
    zone: &dyn ZoneOffset,
    now_ms: i64,
    dated: bool,
) -> String {
    let clock = clock_text(locale, at_ms, zone);
    let day = local_day(at_ms, zone);
    let today = local_day(now_ms, zone);
    if day == today && !dated {
        return clock;
    }
    let (year, month, dom) = day;
    let (tpl, year_text) = if year == today.0 {
        (Tpl::DateDay, String::new())
    } else {
        (Tpl::DateDayYear, year.to_string())
    };
    let date = text_with(
        locale,
        Msg::Tpl(tpl),
        &[
            ("day", &dom.to_string()),
            ("month", month_abbr(locale, month)),
            ("year", &year_text),
        ],
    );
    text_with(
        locale,
        Msg::Tpl(Tpl::DateTime),
        &[("date", &date), ("time", &clock)],
    )
}

/// A time window: "Nov 21, 2:00 AM – 6:00 AM" (the end shows only its clock when it falls
/// on the start's local day), "Nov 21, 10:00 PM – Nov 22, 2:00 AM" otherwise, even when
/// the end's day is today (an overnight window read the next morning must not seem to end
/// before it starts). An open end gives only the start.
pub fn window_text(
    locale: Locale,
    start_ms: i64,
    end_ms: Option<i64>,
    zone: &dyn ZoneOffset,
    now_ms: i64,
) -> String {
    let start = local_time_text(locale, start_ms, zone, now_ms);
    let Some(end_ms) = end_ms else {
        return start;
    };
    let end = if local_day(start_ms, zone) == local_day(end_ms, zone) {
        clock_text(locale, end_ms, zone)
    } else {
        dated_text(locale, end_ms, zone, now_ms, true)
    };
    text_with(
        locale,
        Msg::Tpl(Tpl::Window),
        &[("start", &start), ("end", &end)],
    )
}

/// `at_ms` as an RFC 3339 UTC timestamp for `<time datetime>`: `2024-05-01T10:42:00Z`,
/// with milliseconds only when there are some (`…T10:42:00.500Z`).
pub fn rfc3339_utc(at_ms: i64) -> String {
    let c = civil_at(at_ms, 0);
    let millis = at_ms.rem_euclid(1000);
    let fraction = if millis == 0 {
        String::new()
    } else {
        format!(".{millis:03}")
    };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{fraction}Z",
        c.year, c.month, c.day, c.hour, c.minute, c.second
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_732_099_320_000; // 2024-11-20T10:42:00Z
    const UTC: FixedOffset = FixedOffset(0);

    fn at(text: &str) -> i64 {
        parse_rfc3339(text).unwrap_or_else(|| panic!("bad test time {text}"))
    }

    #[test]
    fn relative_text_table() {
        let cases = [
            (Locale::En, 0, "just now"),
            (Locale::En, 59_999, "just now"),
            (Locale::En, MINUTE_MS, "1 min ago"),
            (Locale::En, 5 * MINUTE_MS + 29_000, "5 min ago"),
            (Locale::En, 5 * MINUTE_MS + 30_000, "6 min ago"),
            (Locale::En, 59 * MINUTE_MS, "59 min ago"),
            (Locale::En, HOUR_MS, "1 h ago"),
            (Locale::En, 2 * HOUR_MS + 29 * MINUTE_MS, "2 h ago"),
            (Locale::En, 2 * HOUR_MS + 59 * MINUTE_MS, "3 h ago"),
            (Locale::En, DAY_MS, "1 day ago"),
            (Locale::En, 3 * DAY_MS, "3 days ago"),
            (Locale::En, -20_000, "in 20 s"),
            (Locale::En, -1, "in 1 s"),
            (Locale::En, -5 * MINUTE_MS, "in 5 min"),
            (Locale::En, -2 * HOUR_MS, "in 2 h"),
            (Locale::En, -2 * DAY_MS, "in 2 days"),
            (Locale::En, -59_001, "in 1 min"),
            (Locale::En, -(MINUTE_MS + 50_000), "in 2 min"),
            (Locale::En, -(MINUTE_MS + 20_000), "in 1 min"),
            (Locale::En, -(59 * MINUTE_MS + 40_000), "in 1 h"),
            (Locale::En, -(2 * HOUR_MS + 50 * MINUTE_MS), "in 3 h"),
            (Locale::En, -(23 * HOUR_MS + 40 * MINUTE_MS), "in 1 day"),
            (Locale::Fr, 0, "à l’instant"),
            (Locale::Fr, 5 * MINUTE_MS, "il y a 5 min"),
            (Locale::Fr, DAY_MS, "il y a 1 jour"),
            (Locale::Fr, 3 * DAY_MS, "il y a 3 jours"),
            (Locale::Fr, -5 * MINUTE_MS, "dans 5 min"),
            (Locale::De, 2 * HOUR_MS, "vor 2 Std."),
            (Locale::De, 3 * DAY_MS, "vor 3 Tagen"),
            (Locale::De, -5 * MINUTE_MS, "in 5 Min."),
            (Locale::Es, MINUTE_MS, "hace 1 min"),
            (Locale::Es, DAY_MS, "hace 1 día"),
            (Locale::Es, -DAY_MS, "dentro de 1 día"),
            (Locale::Ja, 5 * MINUTE_MS, "5分前"),
            (Locale::Ja, 3 * DAY_MS, "3日前"),
            (Locale::Ja, -5 * MINUTE_MS, "5分後"),
        ];
        for (locale, age_ms, want) in cases {
            assert_eq!(
                relative_text(locale, NOW - age_ms, NOW, &UTC),
                want,
                "{locale:?} {age_ms}"
            );
        }
        assert_eq!(
            relative_text(Locale::En, i64::MAX, NOW, &UTC),
            "in 106751971120 days"
        );
    }

    #[test]
    fn relative_text_rounds_past_ages_to_the_nearest_unit_in_every_language() {
        // QA: an update 47 hours old read "1 day ago"; then, rounded, midnight yesterday
        // read "2 days ago". At noon (UTC), each row: the age, then its text in English,
        // French, German, Spanish and Japanese.
        let noon = at("2024-11-20T12:00:00Z");
        let cases: [(i64, [&str; 5]); 11] = [
            (
                59_999,
                [
                    "just now",
                    "à l’instant",
                    "gerade eben",
                    "ahora mismo",
                    "たった今",
                ],
            ),
            (
                MINUTE_MS + 29_000,
                [
                    "1 min ago",
                    "il y a 1 min",
                    "vor 1 Min.",
                    "hace 1 min",
                    "1分前",
                ],
            ),
            (
                MINUTE_MS + 30_000,
                [
                    "2 min ago",
                    "il y a 2 min",
                    "vor 2 Min.",
                    "hace 2 min",
                    "2分前",
                ],
            ),
            (
                59 * MINUTE_MS + 29_000,
                [
                    "59 min ago",
                    "il y a 59 min",
                    "vor 59 Min.",
                    "hace 59 min",
                    "59分前",
                ],
            ),
            // Never "60 min ago".
            (
                59 * MINUTE_MS + 40_000,
                ["1 h ago", "il y a 1 h", "vor 1 Std.", "hace 1 h", "1時間前"],
            ),
            (
                HOUR_MS + 30 * MINUTE_MS,
                ["2 h ago", "il y a 2 h", "vor 2 Std.", "hace 2 h", "2時間前"],
            ),
            // Never "24 h ago": 12:20 yesterday.
            (
                23 * HOUR_MS + 40 * MINUTE_MS,
                [
                    "1 day ago",
                    "il y a 1 jour",
                    "vor 1 Tag",
                    "hace 1 día",
                    "1日前",
                ],
            ),
            (
                35 * HOUR_MS + 59 * MINUTE_MS,
                [
                    "1 day ago",
                    "il y a 1 jour",
                    "vor 1 Tag",
                    "hace 1 día",
                    "1日前",
                ],
            ),
            // Midnight yesterday is yesterday, not two days ago.
            (
                36 * HOUR_MS,
                [
                    "1 day ago",
                    "il y a 1 jour",
                    "vor 1 Tag",
                    "hace 1 día",
                    "1日前",
                ],
            ),
            // A minute before it is the day before yesterday.
            (
                36 * HOUR_MS + MINUTE_MS,
                [
                    "2 days ago",
                    "il y a 2 jours",
                    "vor 2 Tagen",
                    "hace 2 días",
                    "2日前",
                ],
            ),
            (
                47 * HOUR_MS,
                [
                    "2 days ago",
                    "il y a 2 jours",
                    "vor 2 Tagen",
                    "hace 2 días",
                    "2日前",
                ],
            ),
        ];
        let languages = [Locale::En, Locale::Fr, Locale::De, Locale::Es, Locale::Ja];
        for (age_ms, texts) in cases {
            for (locale, want) in languages.into_iter().zip(texts) {
                assert_eq!(
                    relative_text(locale, noon - age_ms, noon, &UTC),
                    want,
                    "{locale:?} {age_ms}"
                );
            }
        }
    }

    #[test]
    fn relative_text_counts_days_in_the_readers_zone() {
        let noon_utc = at("2024-11-20T12:00:00Z");
        // 04:00 UTC on the 19th, 32 h before: yesterday in UTC, the day before yesterday
        // (23:00 on the 18th) five hours west, where it is 07:00 on the 20th.
        let then = at("2024-11-19T04:00:00Z");
        assert_eq!(relative_text(Locale::En, then, noon_utc, &UTC), "1 day ago");
        assert_eq!(
            relative_text(Locale::En, then, noon_utc, &FixedOffset(-300)),
            "2 days ago"
        );
        // Earlier today and nearly a day old: hours, never "24 h" or "1 day".
        let late = at("2024-11-20T23:50:00Z");
        assert_eq!(
            relative_text(Locale::En, at("2024-11-20T00:05:00Z"), late, &UTC),
            "23 h ago"
        );
        // Ahead too: a maintenance the day after tomorrow at 01:00 is "in 2 days".
        assert_eq!(
            relative_text(Locale::En, at("2024-11-22T01:00:00Z"), noon_utc, &UTC),
            "in 2 days"
        );
    }

    #[test]
    fn relative_text_past_age_is_within_half_a_unit_and_never_a_boundary_artefact() {
        // Every 10 s over four days: minutes and hours are the nearest whole unit, days
        // the calendar days between the two dates (UTC here); never 0, "60 min" or
        // "24 h".
        let day = |ms: i64| ms.div_euclid(DAY_MS);
        for age_ms in (0..4 * DAY_MS).step_by(10_000) {
            let said = relative_text(Locale::En, NOW - age_ms, NOW, &UTC);
            if said == "just now" {
                assert!(age_ms < MINUTE_MS, "{age_ms}: {said}");
                continue;
            }
            let (n, unit) = said.split_once(' ').unwrap_or_default();
            let n: i64 = n.parse().unwrap_or_else(|_| panic!("{age_ms}: {said}"));
            let nearest = |unit_ms: i64| (age_ms + unit_ms / 2) / unit_ms;
            let calendar = day(NOW) - day(NOW - age_ms);
            match unit {
                "min ago" => assert!(n == nearest(MINUTE_MS) && n <= 59, "{age_ms}: {said}"),
                "h ago" => assert!(
                    n == nearest(HOUR_MS).min(23) && (nearest(HOUR_MS) < 24 || calendar == 0),
                    "{age_ms}: {said}"
                ),
                "day ago" | "days ago" => assert!(
                    n == calendar && n >= 1 && nearest(HOUR_MS) >= 24,
                    "{age_ms}: {said}"
                ),
                _ => panic!("{age_ms}: {said}"),
            }
        }
    }

    #[test]
    fn relative_text_survives_extreme_instants() {
        assert!(!relative_text(Locale::En, i64::MIN, i64::MAX, &UTC).is_empty());
        assert!(!relative_text(Locale::En, i64::MAX, i64::MIN, &UTC).is_empty());
    }

    #[test]
    fn clock_text_table() {
        let utc = FixedOffset(0);
        let cases = [
            (Locale::En, "2024-11-20T10:42:00Z", "10:42 AM"),
            (Locale::En, "2024-11-20T00:05:00Z", "12:05 AM"),
            (Locale::En, "2024-11-20T12:30:00Z", "12:30 PM"),
            (Locale::En, "2024-11-20T23:59:59Z", "11:59 PM"),
            (Locale::Fr, "2024-11-20T09:05:00Z", "09:05"),
            (Locale::De, "2024-11-20T23:59:00Z", "23:59"),
            (Locale::Es, "2024-11-20T00:00:00Z", "0:00"),
            (Locale::Es, "2024-11-20T09:05:00Z", "9:05"),
            (Locale::Ja, "2024-11-20T14:07:00Z", "14:07"),
            (Locale::Ja, "2024-11-20T08:07:00Z", "8:07"),
            (Locale::EnGb, "2024-11-20T09:05:00Z", "09:05"),
            (Locale::EnGb, "2024-11-20T23:59:00Z", "23:59"),
            (Locale::En001, "2024-11-20T00:05:00Z", "12:05 am"),
            (Locale::En001, "2024-11-20T17:03:00Z", "5:03 pm"),
            (Locale::Es419, "2024-11-20T00:05:00Z", "12:05 a.m."),
            (Locale::Es419, "2024-11-20T17:03:00Z", "5:03 p.m."),
            (Locale::EsAr, "2024-11-20T00:05:00Z", "12:05 a. m."),
            (Locale::EsAr, "2024-11-20T17:03:00Z", "5:03 p. m."),
            (Locale::EnCa, "2024-11-20T00:05:00Z", "12:05 a.m."),
            (Locale::EnCa, "2024-11-20T17:03:00Z", "5:03 p.m."),
            (Locale::FrCa, "2024-11-20T05:03:00Z", "05 h 03"),
            (Locale::FrCa, "2024-11-20T17:03:00Z", "17 h 03"),
        ];
        for (locale, time, want) in cases {
            assert_eq!(
                clock_text(locale, at(time), &utc),
                want,
                "{locale:?} {time}"
            );
        }
        assert_eq!(
            clock_text(Locale::Fr, at("2024-11-20T10:42:00Z"), &FixedOffset(60)),
            "11:42"
        );
    }

    #[test]
    fn local_time_text_omits_today_and_the_current_year() {
        let utc = FixedOffset(0);
        let cases = [
            (Locale::En, "2024-11-20T08:00:00Z", "8:00 AM"),
            (Locale::En, "2024-11-19T22:15:00Z", "Nov 19, 10:15 PM"),
            (Locale::En, "2023-11-20T10:42:00Z", "Nov 20, 2023, 10:42 AM"),
            (Locale::Fr, "2024-11-19T10:42:00Z", "19 nov., 10:42"),
            (Locale::Fr, "2023-02-03T10:42:00Z", "3 févr. 2023, 10:42"),
            (Locale::De, "2024-11-19T10:42:00Z", "19. Nov., 10:42"),
            (Locale::De, "2023-03-01T10:42:00Z", "1. März 2023, 10:42"),
            (Locale::Es, "2024-11-19T10:42:00Z", "19 nov, 10:42"),
            (Locale::Ja, "2024-11-19T10:42:00Z", "11月19日 10:42"),
            (Locale::Ja, "2023-11-19T10:42:00Z", "2023年11月19日 10:42"),
            (Locale::Ja, "2024-11-20T10:42:00Z", "10:42"),
            (Locale::EnGb, "2024-11-19T17:03:00Z", "19 Nov, 17:03"),
            (Locale::EnGb, "2023-11-20T05:03:00Z", "20 Nov 2023, 05:03"),
            (Locale::En001, "2024-11-19T17:03:00Z", "19 Nov, 5:03 pm"),
            (
                Locale::En001,
                "2023-11-20T05:03:00Z",
                "20 Nov 2023, 5:03 am",
            ),
            (Locale::Es419, "2024-11-19T17:03:00Z", "19 nov, 5:03 p.m."),
            (
                Locale::Es419,
                "2023-11-20T05:03:00Z",
                "20 nov 2023, 5:03 a.m.",
            ),
            (Locale::EsAr, "2024-11-19T17:03:00Z", "19 nov, 5:03 p. m."),
            (Locale::EnCa, "2024-11-19T17:03:00Z", "Nov 19, 5:03 p.m."),
            (Locale::FrCa, "2024-11-19T17:03:00Z", "19 nov., 17 h 03"),
        ];
        for (locale, time, want) in cases {
            assert_eq!(
                local_time_text(locale, at(time), &utc, NOW),
                want,
                "{locale:?} {time}"
            );
        }
    }

    #[test]
    fn local_time_text_uses_the_readers_day() {
        // 23:30 UTC on the 19th is already the 20th in Tokyo (UTC+9) — "today" there.
        let late = at("2024-11-19T23:30:00Z");
        assert_eq!(
            local_time_text(Locale::Ja, late, &FixedOffset(540), NOW),
            "8:30"
        );
        assert_eq!(
            local_time_text(Locale::En, late, &FixedOffset(0), NOW),
            "Nov 19, 11:30 PM"
        );
    }

    #[test]
    fn window_text_shows_the_end_clock_on_the_same_day() {
        let utc = FixedOffset(0);
        let start = at("2024-11-21T02:00:00Z");
        let cases = [
            (
                Locale::En,
                Some("2024-11-21T06:00:00Z"),
                "Nov 21, 2:00 AM – 6:00 AM",
            ),
            (
                Locale::En,
                Some("2024-11-22T01:00:00Z"),
                "Nov 21, 2:00 AM – Nov 22, 1:00 AM",
            ),
            (Locale::En, None, "Nov 21, 2:00 AM"),
            (
                Locale::Fr,
                Some("2024-11-21T06:00:00Z"),
                "21 nov., 02:00 – 06:00",
            ),
            (
                Locale::De,
                Some("2024-11-21T06:00:00Z"),
                "21. Nov., 02:00 – 06:00",
            ),
            (
                Locale::Ja,
                Some("2024-11-21T06:00:00Z"),
                "11月21日 2:00～6:00",
            ),
        ];
        for (locale, end, want) in cases {
            assert_eq!(
                window_text(locale, start, end.map(at), &utc, NOW),
                want,
                "{locale:?} {end:?}"
            );
        }
    }

    #[test]
    fn window_text_dates_an_overnight_end_that_is_today() {
        // 22:00 to 06:00 UTC, read at 03:00 on the end's day: the end is today, yet without
        // its date the window would seem to end before it starts.
        let (start, end) = (at("2026-11-20T22:00:00Z"), at("2026-11-21T06:00:00Z"));
        let cases = [
            (Locale::En, "Nov 20, 10:00 PM – Nov 21, 6:00 AM"),
            (Locale::EnGb, "20 Nov, 22:00 – 21 Nov, 06:00"),
            (Locale::Ja, "11月20日 22:00～11月21日 6:00"),
        ];
        let morning = at("2026-11-21T03:00:00Z");
        for (locale, want) in cases {
            assert_eq!(
                window_text(locale, start, Some(end), &FixedOffset(0), morning),
                want
            );
        }
        // Read the evening before, the start is today and shows only its clock.
        assert_eq!(
            window_text(
                Locale::En,
                start,
                Some(end),
                &FixedOffset(0),
                at("2026-11-20T23:00:00Z")
            ),
            "10:00 PM – Nov 21, 6:00 AM"
        );
    }

    #[test]
    fn portuguese_dates_clock_and_ages_in_brazil_and_portugal() {
        // CLDR's medium date in Portuguese: "20 de nov. de 2026, 17:03", with a 24-hour,
        // zero-padded clock; Portugal differs from Brazil only in the words of a time ahead.
        let utc = FixedOffset(0);
        for locale in [Locale::Pt, Locale::PtPt] {
            let cases = [
                ("2024-11-20T09:05:00Z", "09:05"),
                ("2024-11-19T17:03:00Z", "19 de nov., 17:03"),
                ("2023-02-03T05:03:00Z", "3 de fev. de 2023, 05:03"),
            ];
            for (time, want) in cases {
                assert_eq!(
                    local_time_text(locale, at(time), &utc, NOW),
                    want,
                    "{locale:?}"
                );
            }
            assert_eq!(
                window_text(
                    locale,
                    at("2024-11-21T02:00:00Z"),
                    Some(at("2024-11-21T06:00:00Z")),
                    &utc,
                    NOW
                ),
                "21 de nov., 02:00 – 06:00"
            );
        }
        let ages = [
            (Locale::Pt, 0, "agora mesmo"),
            (Locale::Pt, 5 * MINUTE_MS, "há 5 min"),
            (Locale::Pt, 2 * HOUR_MS, "há 2 h"),
            (Locale::Pt, DAY_MS, "há 1 dia"),
            (Locale::Pt, 3 * DAY_MS, "há 3 dias"),
            (Locale::Pt, -20_000, "em 20 s"),
            (Locale::Pt, -5 * MINUTE_MS, "em 5 min"),
            (Locale::Pt, -2 * DAY_MS, "em 2 dias"),
            (Locale::PtPt, 0, "agora mesmo"),
            (Locale::PtPt, DAY_MS, "há 1 dia"),
            (Locale::PtPt, 3 * DAY_MS, "há 3 dias"),
            (Locale::PtPt, -20_000, "dentro de 20 s"),
            (Locale::PtPt, -2 * HOUR_MS, "dentro de 2 h"),
            (Locale::PtPt, -DAY_MS, "dentro de 1 dia"),
        ];
        for (locale, age_ms, want) in ages {
            assert_eq!(
                relative_text(locale, NOW - age_ms, NOW, &UTC),
                want,
                "{locale:?} {age_ms}"
            );
        }
    }

    // proptest does not build for wasm32, where clippy --all-targets also compiles these.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn time_text_never_panics_and_is_never_empty(
            at_ms in proptest::num::i64::ANY,
            now_ms in proptest::num::i64::ANY,
            offset in -1440i32..=1440,
        ) {
            let zone = FixedOffset(offset);
            for locale in Locale::ALL {
                proptest::prop_assert!(!relative_text(locale, at_ms, now_ms, &UTC).is_empty());
                proptest::prop_assert!(!local_time_text(locale, at_ms, &zone, now_ms).is_empty());
                proptest::prop_assert!(!window_text(locale, at_ms, Some(now_ms), &zone, now_ms).is_empty());
            }
            proptest::prop_assert!(rfc3339_utc(at_ms).ends_with('Z'));
        }
    }

    #[test]
    fn rfc3339_utc_round_trips_through_the_parser() {
        let cases = [
            (NOW, "2024-11-20T10:42:00Z"),
            (NOW + 500, "2024-11-20T10:42:00.500Z"),
            (0, "1970-01-01T00:00:00Z"),
            (-1000, "1969-12-31T23:59:59Z"),
            // The last day of a 400-year era, and a leap day only because 2000 % 400 == 0.
            (951_782_400_000, "2000-02-29T00:00:00Z"),
        ];
        for (at_ms, want) in cases {
            assert_eq!(rfc3339_utc(at_ms), want);
            assert_eq!(parse_rfc3339(want), Some(at_ms));
        }
    }

    #[test]
    fn days_round_trip_over_four_centuries() {
        for days in (-146_097..146_097).step_by(37) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
    }

    #[test]
    fn epoch_is_1970_01_01() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn civil_at_applies_offset() {
        let at = parse_rfc3339("2024-12-31T23:30:00Z").unwrap_or_default();
        let paris = civil_at(at, 60);
        assert_eq!(
            (paris.year, paris.month, paris.day, paris.hour),
            (2025, 1, 1, 0)
        );
        let la = civil_at(at, -480);
        assert_eq!((la.day, la.hour, la.minute), (31, 15, 30));
    }

    #[test]
    fn parse_rfc3339_accepts_feed_spellings() {
        let utc = Some(1_714_560_120_000);
        let cases = [
            ("2024-05-01T10:42:00Z", utc),
            ("2024-05-01T10:42:00.000Z", utc),
            ("2024-05-01T03:42:00-07:00", utc),
            ("2024-05-01T12:42:00+0200", utc),
            ("2024-05-01T12:42:00+02", utc),
            ("2024-05-01T16:12:00+05:30", utc),
            // The largest offset there is.
            ("2024-05-02T10:41:00+23:59", utc),
            ("2024-05-01 10:42:00z", utc),
            ("2024-05-01T10:42Z", utc),
            ("2024-05-01T10:42:00", utc),
            ("  2024-05-01T10:42:00Z ", utc),
            ("2024-05-01T10:42:00.5Z", Some(1_714_560_120_500)),
            ("2024-05-01T10:42:00.123456789Z", Some(1_714_560_120_123)),
            // A leap second is read as the second before it.
            ("2024-05-01T10:41:60Z", Some(1_714_560_119_000)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_rfc3339(text), want, "{text}");
        }
    }

    #[test]
    fn parse_rfc3339_rejects_nonsense_without_panicking() {
        for text in [
            "",
            "2024",
            "2024-13-01T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2024-05-00T00:00:00Z",
            "2024/05-01T10:42:00Z",
            "2024-05/01T10:42:00Z",
            "2024-05-01T24:00:00Z",
            "2024-05-01T10:60:00Z",
            "2024-05-01T10:42:61Z",
            "2024-05-01T12:42:00+02:000",
            "2024-05-01T12:42:00+02000",
            "2024-05-01T10:42:00Q",
            "2024-05-01T10:42:00+7",
            "2024-05-01T10:42:00+24:00",
            "2024-05-01T10:42:00+05:60",
            "2024-05-01T10:42:00.Z",
            // A fraction without seconds.
            "2024-05-01T10:42.5Z",
            "2024-05-01T10:42,5+02:00",
            "2024-05-01T10:42:00Zjunk",
            "tomorrow",
            "２０２４-05-01T10:42:00Z",
            // A letter where a digit belongs, even one whose code would add up to a
            // possible value (`O` read as a digit makes the year 5124).
            "2O24-05-01T10:42:00Z",
            "2024-05-01T1O:42:00Z",
        ] {
            assert_eq!(parse_rfc3339(text), None, "{text}");
        }
    }
}
