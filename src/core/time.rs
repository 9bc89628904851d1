//! Calendar arithmetic and timestamp parsing, with no clock and no time-zone database.
//!
//! Instants are UTC milliseconds since the Unix epoch (`*_ms: i64`). The reader's time zone
//! comes in from the platform as an offset for a given instant (see [`ZoneOffset`]), so
//! every function here is pure and tested natively.

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

fn days_in_month(year: i64, month: u32) -> u32 {
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
    if matches!(s.get(i), Some(b'.' | b',')) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
            ("2024-05-01 10:42:00z", utc),
            ("2024-05-01T10:42Z", utc),
            ("2024-05-01T10:42:00", utc),
            ("  2024-05-01T10:42:00Z ", utc),
            ("2024-05-01T10:42:00.5Z", Some(1_714_560_120_500)),
            ("2024-05-01T10:42:00.123456789Z", Some(1_714_560_120_123)),
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
            "2024-05-01T24:00:00Z",
            "2024-05-01T10:42:00Q",
            "2024-05-01T10:42:00+7",
            "2024-05-01T10:42:00.Z",
            "2024-05-01T10:42:00Zjunk",
            "tomorrow",
            "２０２４-05-01T10:42:00Z",
        ] {
            assert_eq!(parse_rfc3339(text), None, "{text}");
        }
    }
}
