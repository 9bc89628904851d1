//! When to poll next: the refresh interval with jitter, backoff after failures, and
//! `Retry-After`.
//!
//! Everything here is a pure function of its arguments. Time comes in as `now_ms` and
//! randomness as a `jitter_unit` in `[0, 1)` (the browser passes `Math.random()`, tests
//! pass the ends of the range, the outage simulator passes a seeded generator), so every
//! bound is tested natively across the whole jitter range.
//!
//! The rules, and why:
//!
//! - **Healthy polling** waits `refresh ± 20%`, drawn uniformly, but never less than
//!   [`MIN_DELAY_MS`] (30 s). Near the minimum the window is cut from below rather than
//!   clamped, so `refresh = 30` gives `[30 s, 36 s]` instead of a pile of widgets that all
//!   fire at exactly 30 s.
//! - **After a failure** the ceiling grows as `interval · 2^failures` up to
//!   [`BACKOFF_CAP_MS`] (10 min) and the delay is drawn uniformly between the healthy
//!   floor and that ceiling ("full jitter" above a floor). The textbook full jitter draws
//!   from `[0, ceiling]`; we keep the healthy floor so a failing feed is never polled
//!   faster than a healthy one, and draw uniformly instead of clamping so no delay value
//!   collects a synchronised crowd. A partner who chose an interval longer than the cap
//!   keeps it: backoff never makes polling more frequent.
//! - **`Retry-After`** on 429 and 503 (the statuses for which RFC 9110 and RFC 6585 give
//!   it this meaning) is honoured as a minimum, up to [`RETRY_AFTER_CAP_MS`] (1 h), and
//!   spread upward by up to 20% so the crowd that the origin sent away at one moment
//!   does not come back at one moment. The backoff still applies when it is longer.
//! - A success or a `304 Not Modified` resets the failure count.
//! - Hidden tabs and offline browsers do not poll. A tab shown again polls at once if its
//!   data is older than the interval, otherwise when the data would have expired; a
//!   browser back online polls at once (it is telling the reader "offline"). Neither
//!   polls before a pending backoff or `Retry-After` runs out.
//!
//! Conditional requests are left to the browser cache: the web layer fetches with
//! `cache: "no-cache"`, which sends the stored `ETag` / `Last-Modified` and turns a 304
//! into the cached 200. Setting `If-None-Match` by hand would cost a cross-origin feed a
//! preflight (the header is not CORS-safelisted) and bypass the cache.

use crate::core::config::MIN_REFRESH_SECS;
use crate::core::time::{civil_from_days, days_from_civil, DAY_MS, HOUR_MS, MINUTE_MS};

/// The shortest wait between two planned polls of a feed, whatever happened: 30 s. Only
/// the page can ask for one sooner ([`MIN_REQUEST_GAP_MS`]), and a browser that comes
/// back online polls at once ([`Schedule::reconnect`]).
pub const MIN_DELAY_MS: u64 = MIN_REFRESH_SECS as u64 * 1000;

/// How far, in percent of the interval, healthy polls are spread either way, and honoured
/// `Retry-After` delays upward.
pub const JITTER_PERCENT: u64 = 20;

/// The most that exponential backoff grows to: 10 minutes.
pub const BACKOFF_CAP_MS: u64 = 10 * MINUTE_MS as u64;

/// The longest `Retry-After` the poller honours: 1 hour. A longer value is read as
/// "come back in an hour" — a status widget that sleeps longer is showing history. Like
/// any honoured value it is then spread upward by [`JITTER_PERCENT`], so the longest wait
/// it causes is 72 minutes.
pub const RETRY_AFTER_CAP_MS: u64 = HOUR_MS as u64;

/// The shortest time from a successful poll to one the page asks for (`handle.refresh()`):
/// 5 seconds. A host page that calls `refresh()` in a loop costs the feed one request per
/// gap, not one per call; a reader's "check again" click still gets fresh data at once,
/// or within seconds.
pub const MIN_REQUEST_GAP_MS: u64 = 5_000;

/// The largest delay [`RetryAfter::parse`] reports: 1 day. Anything beyond is absurd for
/// a status feed and is clamped rather than trusted (or overflowed).
pub const RETRY_AFTER_PARSE_MAX_MS: u64 = DAY_MS as u64;

/// Reads a caller's random number as a position in `[0, 1]`: out-of-range values are
/// clamped and NaN is the middle, so no input can push a delay outside its window.
fn unit(jitter_unit: f64) -> f64 {
    if jitter_unit.is_nan() {
        0.5
    } else {
        jitter_unit.clamp(0.0, 1.0)
    }
}

/// The whole millisecond in `[lo, hi]` that `jitter_unit` picks: each of them is equally
/// likely for a uniform `jitter_unit` in `[0, 1)`, so both ends are reachable.
fn uniform_in(lo: u64, hi: u64, jitter_unit: f64) -> u64 {
    let span = hi.saturating_sub(lo);
    // `as` saturates, and the `min` keeps `jitter_unit == 1.0` on `hi`.
    let step = ((span as f64 + 1.0) * unit(jitter_unit)) as u64;
    lo + step.min(span)
}

/// The refresh interval in milliseconds, never below the minimum.
fn interval_ms(refresh_secs: u32) -> u64 {
    u64::from(refresh_secs.max(MIN_REFRESH_SECS)) * 1000
}

/// The window healthy polls are drawn from: `interval ± 20%`, cut at [`MIN_DELAY_MS`].
fn poll_window_ms(refresh_secs: u32) -> (u64, u64) {
    let interval = interval_ms(refresh_secs);
    let lo = interval * (100 - JITTER_PERCENT) / 100;
    let hi = interval * (100 + JITTER_PERCENT) / 100;
    (lo.max(MIN_DELAY_MS), hi)
}

/// How long to wait before the next poll of a healthy feed polled every `refresh_secs`.
///
/// Uniform in `refresh ± 20%` by `jitter_unit` (in `[0, 1)`), never below 30 s.
pub fn next_poll_delay_ms(refresh_secs: u32, jitter_unit: f64) -> u64 {
    let (lo, hi) = poll_window_ms(refresh_secs);
    uniform_in(lo, hi, jitter_unit)
}

/// How long to wait after `failures` consecutive failed polls of a feed polled every
/// `refresh_secs`.
///
/// Uniform by `jitter_unit` between the healthy floor (`0.8 · refresh`, at least 30 s)
/// and `min(10 min, refresh · 2^failures)` — but the ceiling is never below the healthy
/// one, so a long `refresh` is kept. `failures == 0` is the healthy schedule.
pub fn backoff_delay_ms(refresh_secs: u32, failures: u32, jitter_unit: f64) -> u64 {
    let (lo, healthy_hi) = poll_window_ms(refresh_secs);
    if failures == 0 {
        return uniform_in(lo, healthy_hi, jitter_unit);
    }
    let growth = 1u64.checked_shl(failures).unwrap_or(u64::MAX);
    let ceiling = interval_ms(refresh_secs)
        .saturating_mul(growth)
        .min(BACKOFF_CAP_MS)
        .max(healthy_hi);
    uniform_in(lo, ceiling, jitter_unit)
}

/// A server's `Retry-After`, read as a delay from the moment the response arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAfter {
    /// Milliseconds to wait, at most [`RETRY_AFTER_PARSE_MAX_MS`]; 0 for a date already past.
    pub delay_ms: u64,
}

impl RetryAfter {
    /// Reads a `Retry-After` header value received at `now_ms`.
    ///
    /// Accepts delta-seconds (`120`) and the three HTTP-date forms of RFC 9110 §5.6.7:
    /// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the obsolete RFC 850 form
    /// (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`).
    /// A past date is a delay of 0; a delay beyond one day is clamped to one day.
    /// Anything else (negative or fractional seconds, an impossible date) is `None`.
    pub fn parse(value: &str, now_ms: i64) -> Option<RetryAfter> {
        let value = value.trim();
        let max = RETRY_AFTER_PARSE_MAX_MS;
        let delay_ms = if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            // Saturate digit by digit: "99999999999999999999" is absurd, not an error.
            let secs = value.bytes().fold(0u64, |acc, b| {
                acc.saturating_mul(10).saturating_add(u64::from(b - b'0'))
            });
            secs.saturating_mul(1000).min(max)
        } else {
            let at_ms = parse_http_date(value, now_ms)?;
            let ahead = at_ms.saturating_sub(now_ms).max(0);
            u64::try_from(ahead).unwrap_or(max).min(max)
        };
        Some(RetryAfter { delay_ms })
    }
}

/// Parses an HTTP-date (RFC 9110 §5.6.7) into UTC milliseconds.
///
/// `now_ms` only places the two-digit years of the RFC 850 form: a year more than 50
/// years ahead of `now_ms` is read as the century before, as the RFC requires. Names of
/// days and months are matched without regard to case, and the weekday is not checked
/// against the date (senders get it wrong; the date is what matters).
pub(crate) fn parse_http_date(text: &str, now_ms: i64) -> Option<i64> {
    let tokens: Vec<&str> = text.split_ascii_whitespace().collect();
    let (year, month, day, clock) = match tokens.as_slice() {
        // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        [weekday, day, month, year, clock, zone] => {
            is_weekday(weekday.strip_suffix(',')?).then_some(())?;
            is_gmt(zone).then_some(())?;
            (
                digits(year, 4, 4)?,
                month_number(month)?,
                digits(day, 1, 2)?,
                *clock,
            )
        }
        // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
        [weekday, date, clock, zone] => {
            is_weekday(weekday.strip_suffix(',')?).then_some(())?;
            is_gmt(zone).then_some(())?;
            let mut parts = date.split('-');
            let day = digits(parts.next()?, 1, 2)?;
            let month = month_number(parts.next()?)?;
            let two_digit = digits(parts.next()?, 2, 2)?;
            if parts.next().is_some() {
                return None;
            }
            (year_from_two_digits(two_digit, now_ms), month, day, *clock)
        }
        // asctime: Sun Nov  6 08:49:37 1994
        [weekday, month, day, clock, year] => {
            is_weekday(weekday).then_some(())?;
            (
                digits(year, 4, 4)?,
                month_number(month)?,
                digits(day, 1, 2)?,
                *clock,
            )
        }
        _ => return None,
    };
    let month = u32::try_from(month).ok()?;
    let day = u32::try_from(day).ok()?;
    let days = days_from_civil(year, month, day);
    // A date that does not survive the round trip does not exist (31 Feb, day 0, month 13).
    if !(1..=12).contains(&month) || civil_from_days(days) != (year, month, day) {
        return None;
    }
    let mut fields = clock.split(':');
    let hour = digits(fields.next()?, 2, 2)?;
    let minute = digits(fields.next()?, 2, 2)?;
    let second = digits(fields.next()?, 2, 2)?;
    if fields.next().is_some() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    // A leap second is folded into :59, as `parse_rfc3339` does.
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second.min(59);
    Some(seconds * 1000)
}

/// A number of `min..=max` ASCII digits.
fn digits(text: &str, min: usize, max: usize) -> Option<i64> {
    if !(min..=max).contains(&text.len()) || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn is_weekday(text: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    DAYS.iter().any(|day| {
        text.eq_ignore_ascii_case(day) || day.get(..3).is_some_and(|d| text.eq_ignore_ascii_case(d))
    })
}

fn is_gmt(text: &str) -> bool {
    text.eq_ignore_ascii_case("GMT") || text.eq_ignore_ascii_case("UTC")
}

fn month_number(text: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let index = MONTHS.iter().position(|m| text.eq_ignore_ascii_case(m))?;
    i64::try_from(index + 1).ok()
}

/// RFC 9110: a two-digit year that would be more than 50 years in the future is the most
/// recent past year with those digits.
fn year_from_two_digits(two_digit: i64, now_ms: i64) -> i64 {
    let (this_year, _, _) = civil_from_days(now_ms.div_euclid(DAY_MS));
    let year = this_year - this_year.rem_euclid(100) + two_digit;
    if year > this_year + 50 {
        year - 100
    } else {
        year
    }
}

/// What came of the last planned poll.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The feed answered with a usable document.
    Fresh,
    /// The feed answered `304 Not Modified`: the data we have is current. Counts as success.
    NotModified,
    /// The poll failed: an error status, a document that is not a feed, a timeout, a
    /// network error.
    Failed {
        /// The HTTP status, or `None` when there was no HTTP answer.
        status: Option<u16>,
        /// The response's `Retry-After`, if it had one. Honoured on 429 and 503 only.
        retry_after: Option<RetryAfter>,
    },
    /// The browser is offline; no request was made.
    Offline,
    /// The page is hidden; no request was made.
    Hidden,
}

/// What the poller should do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// Poll again after this many milliseconds.
    After {
        /// The wait, in milliseconds.
        delay_ms: u64,
    },
    /// Do not poll until the page is visible again, then ask [`Schedule::resume`].
    WhenVisible,
    /// Do not poll until the browser is online again, then ask [`Schedule::resume`].
    WhenOnline,
}

/// The polling plan of one feed: how many polls in a row have failed, and the moments
/// that bound the next poll. One per feed URL, owned by its poller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    refresh_secs: u32,
    failures: u32,
    last_success_ms: Option<i64>,
    due_ms: Option<i64>,
}

impl Schedule {
    /// A plan for a feed polled every `refresh_secs` (below 30 is read as 30), with no
    /// poll made yet.
    pub fn new(refresh_secs: u32) -> Schedule {
        Schedule {
            refresh_secs: refresh_secs.max(MIN_REFRESH_SECS),
            failures: 0,
            last_success_ms: None,
            due_ms: None,
        }
    }

    /// Polls every `refresh_secs` from now on (below 30 is read as 30), keeping the failure
    /// count, the last success and the planned poll: a widget that joins a failing feed
    /// with a shorter `refresh` must not reset its backoff.
    pub fn set_refresh_secs(&mut self, refresh_secs: u32) {
        self.refresh_secs = refresh_secs.max(MIN_REFRESH_SECS);
    }

    /// Consecutive failed polls since the last success.
    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// When the next poll is planned, UTC milliseconds; `None` before the first plan.
    pub fn due_ms(&self) -> Option<i64> {
        self.due_ms
    }

    /// Records the `outcome` of a poll that ended at `now_ms` and plans the next one,
    /// drawing its jitter from `jitter_unit` in `[0, 1)`.
    pub fn plan(&mut self, outcome: Outcome, now_ms: i64, jitter_unit: f64) -> Plan {
        let delay_ms = match outcome {
            Outcome::Offline => return Plan::WhenOnline,
            Outcome::Hidden => return Plan::WhenVisible,
            Outcome::Fresh | Outcome::NotModified => {
                self.failures = 0;
                self.last_success_ms = Some(now_ms);
                next_poll_delay_ms(self.refresh_secs, jitter_unit)
            }
            Outcome::Failed {
                status,
                retry_after,
            } => {
                self.failures = self.failures.saturating_add(1);
                let backoff = backoff_delay_ms(self.refresh_secs, self.failures, jitter_unit);
                match retry_after {
                    Some(retry_after) if matches!(status, Some(429 | 503)) => {
                        let honoured = retry_after.delay_ms.min(RETRY_AFTER_CAP_MS);
                        let spread = honoured * JITTER_PERCENT / 100;
                        // Spread above the cap too: clamped to it, every widget sent
                        // away for an hour or more would come back at one moment.
                        let told = uniform_in(honoured, honoured + spread, jitter_unit);
                        // `told` is at least `honoured`, so `due_ms` alone keeps a later
                        // `resume` from cutting the server's wait short.
                        backoff.max(told)
                    }
                    _ => backoff,
                }
            }
        };
        self.due_ms = Some(after(now_ms, delay_ms));
        Plan::After { delay_ms }
    }

    /// How long to wait before polling, for a page that has just become visible or a
    /// browser that has just come back online at `now_ms`.
    ///
    /// At once if there is no data or it is older than the interval; otherwise when it
    /// will be. After failures, when the planned backoff (or honoured `Retry-After`) runs
    /// out: switching tabs must not defeat it.
    pub fn resume(&mut self, now_ms: i64) -> u64 {
        let target = if self.failures == 0 {
            self.last_success_ms
                .map(|at| after(at, interval_ms(self.refresh_secs)))
        } else {
            self.due_ms
        };
        self.wait_until(target, now_ms)
    }

    /// How long to wait before polling, for a browser that has just come back online at
    /// `now_ms`: at once, however fresh the data, because the reader is being told
    /// "offline" and that is no longer true — but not sooner than [`MIN_REQUEST_GAP_MS`]
    /// after the last success, so a connection that flaps does not become a burst of
    /// requests. After failures of the feed itself, still when the planned backoff (or
    /// honoured `Retry-After`) runs out.
    pub fn reconnect(&mut self, now_ms: i64) -> u64 {
        let target = if self.failures == 0 {
            self.last_success_ms.map(|at| after(at, MIN_REQUEST_GAP_MS))
        } else {
            self.due_ms
        };
        self.wait_until(target, now_ms)
    }

    /// How long to wait before polling, for a page that asks for a poll now at `now_ms`
    /// (`handle.refresh()`): at once, or [`MIN_REQUEST_GAP_MS`] after the last success if
    /// that is sooner than the planned poll. After failures the planned backoff (or
    /// honoured `Retry-After`) stands: a host page's button must not defeat it.
    pub fn request(&mut self, now_ms: i64) -> u64 {
        let target = if self.failures == 0 {
            let earliest = self
                .last_success_ms
                .map_or(now_ms, |at| after(at, MIN_REQUEST_GAP_MS));
            Some(self.due_ms.map_or(earliest, |due| due.min(earliest)))
        } else {
            self.due_ms
        };
        self.wait_until(target, now_ms)
    }

    /// Plans the next poll at `target` (at once when `None` or past) and returns the wait.
    fn wait_until(&mut self, target: Option<i64>, now_ms: i64) -> u64 {
        let target = target.unwrap_or(now_ms).max(now_ms);
        self.due_ms = Some(target);
        u64::try_from(target.saturating_sub(now_ms)).unwrap_or(0)
    }
}

/// `at_ms` plus `delay_ms`, saturating.
fn after(at_ms: i64, delay_ms: u64) -> i64 {
    at_ms.saturating_add(i64::try_from(delay_ms).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    // proptest does not build for wasm32, where clippy --all-targets also compiles these.
    #[cfg(not(target_arch = "wasm32"))]
    use proptest::prelude::*;

    /// The top of the jitter range as a caller can produce it: the largest f64 below 1.
    const TOP: f64 = 1.0 - f64::EPSILON / 2.0;
    const JITTERS: [f64; 5] = [0.0, 0.25, 0.5, 0.75, TOP];
    const SEC: u64 = 1000;
    /// 2024-05-01T10:42:00Z.
    const NOW_MS: i64 = 1_714_560_120_000;

    #[test]
    fn next_poll_delay_default_refresh_spans_plus_minus_twenty_percent() {
        // (refresh_secs, jitter, expected delay)
        let cases = [
            (60, 0.0, 48 * SEC),
            (60, 0.5, 60 * SEC),
            (60, TOP, 72 * SEC),
            (300, 0.0, 240 * SEC),
            (300, TOP, 360 * SEC),
            // At the minimum the window is cut from below, not clamped to a point.
            (30, 0.0, 30 * SEC),
            (30, 0.5, 33 * SEC),
            (30, TOP, 36 * SEC),
            // 35 s: 0.8 · 35 = 28 s is below the floor.
            (35, 0.0, 30 * SEC),
            // Below the minimum reads as the minimum.
            (0, 0.0, 30 * SEC),
            (10, TOP, 36 * SEC),
        ];
        for (refresh, jitter, want) in cases {
            assert_eq!(
                next_poll_delay_ms(refresh, jitter),
                want,
                "refresh {refresh}, jitter {jitter}"
            );
        }
    }

    #[test]
    fn next_poll_delay_bad_jitter_stays_in_window() {
        let cases = [
            (-1.0, 48 * SEC),
            (f64::NEG_INFINITY, 48 * SEC),
            (1.0, 72 * SEC),
            (7.5, 72 * SEC),
            (f64::INFINITY, 72 * SEC),
            (f64::NAN, 60 * SEC),
        ];
        for (jitter, want) in cases {
            assert_eq!(next_poll_delay_ms(60, jitter), want, "jitter {jitter}");
        }
    }

    #[test]
    fn backoff_delay_ceiling_doubles_to_ten_minutes() {
        // (refresh_secs, failures, delay at jitter 0, delay at the top of the range)
        let cases = [
            (60, 0, 48 * SEC, 72 * SEC),
            (60, 1, 48 * SEC, 120 * SEC),
            (60, 2, 48 * SEC, 240 * SEC),
            (60, 3, 48 * SEC, 480 * SEC),
            (60, 4, 48 * SEC, 600 * SEC),
            (60, 5, 48 * SEC, 600 * SEC),
            (60, 63, 48 * SEC, 600 * SEC),
            (60, 64, 48 * SEC, 600 * SEC),
            (60, u32::MAX, 48 * SEC, 600 * SEC),
            (30, 1, 30 * SEC, 60 * SEC),
            (30, 5, 30 * SEC, 600 * SEC),
            // A refresh longer than the cap keeps its own healthy window.
            (900, 1, 720 * SEC, 1080 * SEC),
            (900, 10, 720 * SEC, 1080 * SEC),
            // A refresh just under the cap: the cap is reached at once.
            (500, 1, 400 * SEC, 600 * SEC),
        ];
        for (refresh, failures, low, high) in cases {
            assert_eq!(
                backoff_delay_ms(refresh, failures, 0.0),
                low,
                "refresh {refresh}, failures {failures}, low end"
            );
            assert_eq!(
                backoff_delay_ms(refresh, failures, TOP),
                high,
                "refresh {refresh}, failures {failures}, high end"
            );
        }
    }

    #[test]
    fn backoff_delay_grows_with_failures_at_any_jitter() {
        for jitter in JITTERS {
            let delays: Vec<u64> = (0..8).map(|f| backoff_delay_ms(60, f, jitter)).collect();
            assert!(
                delays.windows(2).all(|w| w[0] <= w[1]),
                "jitter {jitter}: {delays:?}"
            );
        }
    }

    #[test]
    fn retry_after_parse_reads_seconds_and_dates() {
        // 2024-05-01T10:42:00Z is a Wednesday.
        let cases: [(&str, Option<u64>); 22] = [
            ("120", Some(120 * SEC)),
            ("  120 ", Some(120 * SEC)),
            ("0", Some(0)),
            ("007", Some(7 * SEC)),
            ("86400", Some(86_400 * SEC)),
            ("86401", Some(86_400 * SEC)),
            ("99999999999999999999999", Some(86_400 * SEC)),
            ("Wed, 01 May 2024 10:44:00 GMT", Some(120 * SEC)),
            ("wed, 01 may 2024 10:44:00 gmt", Some(120 * SEC)),
            ("Wednesday, 01-May-24 10:44:00 GMT", Some(120 * SEC)),
            ("Wed May  1 10:44:00 2024", Some(120 * SEC)),
            ("Wed May 1 10:44:00 2024", Some(120 * SEC)),
            // Past dates mean "now".
            ("Sun, 06 Nov 1994 08:49:37 GMT", Some(0)),
            ("Sunday, 06-Nov-94 08:49:37 GMT", Some(0)),
            ("Sun Nov  6 08:49:37 1994", Some(0)),
            ("Wed, 01 May 2024 10:41:59 GMT", Some(0)),
            // Far future dates are clamped to a day.
            ("Fri, 01 Jan 2100 00:00:00 GMT", Some(86_400 * SEC)),
            ("-5", None),
            ("1.5", None),
            ("", None),
            ("soon", None),
            ("Wed, 01 May 2024 10:44:00 PST", None),
        ];
        for (text, want) in cases {
            assert_eq!(
                RetryAfter::parse(text, NOW_MS).map(|r| r.delay_ms),
                want,
                "{text:?}"
            );
        }
    }

    #[test]
    fn parse_http_date_three_forms_agree() {
        let want = Some(784_111_777_000); // 1994-11-06T08:49:37Z, RFC 9110's example.
        for text in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(parse_http_date(text, NOW_MS), want, "{text}");
        }
    }

    #[test]
    fn parse_http_date_reads_the_last_second_of_a_day_and_a_leap_second() {
        let day = parse_http_date("Mon, 01 Jan 2024 00:00:00 GMT", NOW_MS);
        let last = parse_http_date("Mon, 01 Jan 2024 23:59:59 GMT", NOW_MS);
        let leap = parse_http_date("Mon, 01 Jan 2024 23:59:60 GMT", NOW_MS);
        assert_eq!(last.zip(day).map(|(l, d)| l - d), Some(DAY_MS - 1_000));
        // A leap second is read as the second before it.
        assert_eq!(leap, last);
        assert_eq!(
            parse_http_date("Mon, 01 Jan 2024 10:00:61 GMT", NOW_MS),
            None
        );
    }

    #[test]
    fn parse_http_date_impossible_dates_are_none() {
        for text in [
            "Thu, 31 Feb 2024 10:00:00 GMT",
            "Mon, 00 Jan 2024 10:00:00 GMT",
            "Mon, 01 Foo 2024 10:00:00 GMT",
            "Mon, 01 Jan 2024 24:00:00 GMT",
            "Mon, 01 Jan 2024 10:60:00 GMT",
            "Mon, 01 Jan 2024 10:00 GMT",
            "Mon, 01 Jan 2024 10:00:00:00 GMT",
            "Mon, 01 Jan 24 10:00:00 GMT",
            "Mon 01 Jan 2024 10:00:00 GMT",
            "Xyz, 01 Jan 2024 10:00:00 GMT",
            "Monday, 01-Jan-2024 10:00:00 GMT",
            "Monday, 01-Jan-24-1 10:00:00 GMT",
            "Mon Jan 1 10:00:00 24",
            "2024-01-01T10:00:00Z",
        ] {
            assert_eq!(parse_http_date(text, NOW_MS), None, "{text}");
        }
    }

    #[test]
    fn parse_http_date_two_digit_year_more_than_fifty_years_ahead_is_last_century() {
        let year = |text: &str, now_ms| {
            parse_http_date(text, now_ms).map(|ms| civil_from_days(ms.div_euclid(DAY_MS)).0)
        };
        // Seen from 2024: 74 is 2074 (50 years ahead), 75 is 1975.
        assert_eq!(year("Tuesday, 01-Jan-74 00:00:00 GMT", NOW_MS), Some(2074));
        assert_eq!(
            year("Wednesday, 01-Jan-75 00:00:00 GMT", NOW_MS),
            Some(1975)
        );
        assert_eq!(year("Monday, 01-Jan-24 00:00:00 GMT", NOW_MS), Some(2024));
    }

    fn failed(status: u16, retry_after: Option<&str>) -> Outcome {
        Outcome::Failed {
            status: Some(status),
            retry_after: retry_after.and_then(|v| RetryAfter::parse(v, NOW_MS)),
        }
    }

    fn delay(plan: Plan) -> u64 {
        match plan {
            Plan::After { delay_ms } => delay_ms,
            other => panic!("expected a delay, got {other:?}"),
        }
    }

    #[test]
    fn schedule_plan_outcomes_give_expected_windows() {
        // (history of outcomes before, last outcome, delay window across the jitter range)
        let cases: Vec<(Vec<Outcome>, Outcome, u64, u64)> = vec![
            (vec![], Outcome::Fresh, 48 * SEC, 72 * SEC),
            (vec![], Outcome::NotModified, 48 * SEC, 72 * SEC),
            (vec![], failed(500, None), 48 * SEC, 120 * SEC),
            (
                vec![failed(500, None)],
                failed(500, None),
                48 * SEC,
                240 * SEC,
            ),
            (
                vec![failed(500, None); 9],
                failed(500, None),
                48 * SEC,
                600 * SEC,
            ),
            // Success resets the backoff; so does a 304.
            (
                vec![failed(500, None); 9],
                Outcome::Fresh,
                48 * SEC,
                72 * SEC,
            ),
            (
                vec![failed(500, None); 9],
                Outcome::NotModified,
                48 * SEC,
                72 * SEC,
            ),
            // A network error (no status) backs off like any failure.
            (
                vec![],
                Outcome::Failed {
                    status: None,
                    retry_after: None,
                },
                48 * SEC,
                120 * SEC,
            ),
            // Retry-After on 503 / 429: at least that long, spread up to 20%.
            (vec![], failed(503, Some("300")), 300 * SEC, 360 * SEC),
            (vec![], failed(429, Some("300")), 300 * SEC, 360 * SEC),
            (
                vec![],
                failed(503, Some("Wed, 01 May 2024 10:47:00 GMT")),
                300 * SEC,
                360 * SEC,
            ),
            // Up to one hour, then spread like any other value (not piled up at the cap).
            (vec![], failed(503, Some("86400")), 3600 * SEC, 4320 * SEC),
            (vec![], failed(503, Some("3500")), 3500 * SEC, 4200 * SEC),
            // A short Retry-After does not undercut the backoff.
            (vec![], failed(503, Some("1")), 48 * SEC, 120 * SEC),
            (vec![], failed(503, Some("0")), 48 * SEC, 120 * SEC),
            (
                vec![failed(500, None); 9],
                failed(503, Some("60")),
                60 * SEC,
                600 * SEC,
            ),
            // Retry-After on other statuses is not ours to honour.
            (vec![], failed(500, Some("3000")), 48 * SEC, 120 * SEC),
            (vec![], failed(200, Some("3000")), 48 * SEC, 120 * SEC),
        ];
        for (history, last, low, high) in cases {
            for jitter in JITTERS {
                let mut schedule = Schedule::new(60);
                for outcome in &history {
                    schedule.plan(*outcome, NOW_MS, 0.5);
                }
                let got = delay(schedule.plan(last, NOW_MS, jitter));
                assert!(
                    (low..=high).contains(&got),
                    "{last:?} after {} outcomes, jitter {jitter}: {got} not in {low}..={high}",
                    history.len()
                );
                assert_eq!(schedule.due_ms(), Some(NOW_MS + got as i64));
            }
            // The window is really spanned, not just respected.
            let mut bottom = Schedule::new(60);
            let mut top = Schedule::new(60);
            for outcome in &history {
                bottom.plan(*outcome, NOW_MS, 0.5);
                top.plan(*outcome, NOW_MS, 0.5);
            }
            assert_eq!(delay(bottom.plan(last, NOW_MS, 0.0)), low, "{last:?} low");
            assert_eq!(delay(top.plan(last, NOW_MS, TOP)), high, "{last:?} high");
        }
    }

    #[test]
    fn schedule_plan_counts_failures_and_success_resets() {
        let mut schedule = Schedule::new(60);
        for want in 1..=3 {
            schedule.plan(failed(500, None), NOW_MS, 0.5);
            assert_eq!(schedule.failures(), want);
        }
        schedule.plan(Outcome::Offline, NOW_MS, 0.5);
        schedule.plan(Outcome::Hidden, NOW_MS, 0.5);
        assert_eq!(
            schedule.failures(),
            3,
            "offline and hidden are not failures"
        );
        schedule.plan(Outcome::NotModified, NOW_MS, 0.5);
        assert_eq!(schedule.failures(), 0);
    }

    #[test]
    fn schedule_plan_offline_and_hidden_wait_for_the_platform() {
        let mut schedule = Schedule::new(60);
        assert_eq!(
            schedule.plan(Outcome::Offline, NOW_MS, 0.5),
            Plan::WhenOnline
        );
        assert_eq!(
            schedule.plan(Outcome::Hidden, NOW_MS, 0.5),
            Plan::WhenVisible
        );
    }

    #[test]
    fn schedule_new_below_minimum_refresh_reads_as_thirty_seconds() {
        let mut schedule = Schedule::new(1);
        assert_eq!(delay(schedule.plan(Outcome::Fresh, NOW_MS, 0.0)), 30 * SEC);
    }

    #[test]
    fn schedule_resume_polls_at_once_only_when_data_is_old() {
        // (set-up, seconds after the last outcome when the page comes back, expected wait)
        let cases: [(&[Outcome], i64, u64); 8] = [
            // Never fetched: at once.
            (&[], 0, 0),
            (&[Outcome::Hidden], 0, 0),
            // Fresh data 20 s old: wait until it is an interval old.
            (&[Outcome::Fresh], 20, 40 * SEC),
            (&[Outcome::Fresh, Outcome::Hidden], 20, 40 * SEC),
            // Data older than the interval: at once.
            (&[Outcome::Fresh], 61, 0),
            (&[Outcome::NotModified, Outcome::Offline], 600, 0),
            // Backing off: switching tabs does not cut the backoff short.
            (
                &[Outcome::Failed {
                    status: Some(500),
                    retry_after: None,
                }],
                10,
                74 * SEC,
            ),
            // Nor is an honoured Retry-After (600 s, spread to 660 s at jitter 0.5).
            (
                &[Outcome::Failed {
                    status: Some(503),
                    retry_after: Some(RetryAfter { delay_ms: 600_000 }),
                }],
                100,
                560 * SEC,
            ),
        ];
        assert_waits(&cases, Schedule::resume);
    }

    /// Plays each case's outcomes (at `NOW_MS`, jitter 0.5), asks `ask` for the wait
    /// `later_secs` after them, and checks the wait and the planned poll.
    fn assert_waits(cases: &[(&[Outcome], i64, u64)], ask: fn(&mut Schedule, i64) -> u64) {
        for &(setup, later_secs, want) in cases {
            let mut schedule = Schedule::new(60);
            for outcome in setup {
                schedule.plan(*outcome, NOW_MS, 0.5);
            }
            let now = NOW_MS + later_secs * 1000;
            assert_eq!(ask(&mut schedule, now), want, "{setup:?} + {later_secs}s");
            assert_eq!(schedule.due_ms(), Some(now + want as i64));
        }
    }

    #[test]
    fn schedule_reconnect_polls_at_once_unless_the_feed_is_backing_off() {
        // (set-up, seconds after the last outcome when the browser is back online, wait)
        let cases: [(&[Outcome], i64, u64); 5] = [
            (&[], 0, 0),
            // Fresh data 20 s old: at once all the same (resume would wait 40 s).
            (&[Outcome::Fresh, Outcome::Offline], 20, 0),
            // A connection that flaps: not sooner than 5 s after the last answer.
            (&[Outcome::NotModified, Outcome::Offline], 1, 4 * SEC),
            (&[Outcome::Fresh, Outcome::Offline], 5, 0),
            // The feed's own backoff still holds.
            (
                &[
                    Outcome::Failed {
                        status: Some(500),
                        retry_after: None,
                    },
                    Outcome::Offline,
                ],
                10,
                74 * SEC,
            ),
        ];
        assert_waits(&cases, Schedule::reconnect);
    }

    #[test]
    fn schedule_request_polls_soon_but_not_in_a_loop_and_not_through_a_backoff() {
        let failed = |status, retry_after: Option<u64>| Outcome::Failed {
            status: Some(status),
            retry_after: retry_after.map(|delay_ms| RetryAfter { delay_ms }),
        };
        // (set-up, seconds after the last outcome when the page asks, wait)
        let cases: [(&[Outcome], i64, u64); 6] = [
            (&[], 0, 0),
            // Data 2 s old: in 3 s, when the gap has passed; 20 s old: at once.
            (&[Outcome::Fresh], 2, 3 * SEC),
            (&[Outcome::NotModified], 20, 0),
            // Back from offline, the data is old: at once.
            (&[Outcome::Fresh, Outcome::Offline], 90, 0),
            // The feed's backoff and its Retry-After (600 s spread to 660 s) stand.
            (&[failed(500, None)], 10, 74 * SEC),
            (&[failed(503, Some(600_000))], 100, 560 * SEC),
        ];
        assert_waits(&cases, Schedule::request);
        // Asked again and again in the gap, the plan does not move.
        let mut schedule = Schedule::new(60);
        schedule.plan(Outcome::Fresh, NOW_MS, 0.5);
        for later_ms in [0, 1_000, 4_999] {
            assert_eq!(
                schedule.request(NOW_MS + later_ms),
                MIN_REQUEST_GAP_MS - later_ms as u64
            );
        }
    }

    #[test]
    fn schedule_survives_a_clock_at_either_end_of_time() {
        // A page may replace `Date.now`: waits stay within i64 and never panic.
        for now in [i64::MIN, -1, i64::MAX] {
            let mut schedule = Schedule::new(60);
            schedule.plan(Outcome::Fresh, NOW_MS, 0.5);
            let _ = schedule.request(now);
            let _ = schedule.resume(now);
            let _ = schedule.reconnect(now);
            let _ = schedule.plan(Outcome::Fresh, now, 0.5);
        }
        let mut schedule = Schedule::new(60);
        schedule.plan(Outcome::Fresh, NOW_MS, 0.5);
        assert_eq!(schedule.request(i64::MIN), i64::MAX as u64);
    }

    #[test]
    fn schedule_set_refresh_keeps_the_backoff() {
        let mut schedule = Schedule::new(120);
        let failed = Outcome::Failed {
            status: Some(500),
            retry_after: None,
        };
        for _ in 0..3 {
            schedule.plan(failed, NOW_MS, 0.5);
        }
        schedule.set_refresh_secs(10);
        assert_eq!(schedule.failures(), 3);
        // The fourth failure backs off from the new refresh (30 s, the floor) and the kept
        // count: the same delay a schedule made with refresh 30 would plan.
        let mut fresh = Schedule::new(30);
        for _ in 0..3 {
            fresh.plan(failed, NOW_MS, 0.5);
        }
        assert_eq!(
            schedule.plan(failed, NOW_MS, 0.5),
            fresh.plan(failed, NOW_MS, 0.5)
        );
    }

    // proptest does not build for wasm32, where clippy --all-targets also compiles these.
    #[cfg(not(target_arch = "wasm32"))]
    proptest! {
        #[test]
        fn schedule_plan_any_outcome_sequence_stays_within_bounds(
            refresh in 0u32..100_000,
            steps in prop::collection::vec((0u8..4, any::<u64>(), 0.0f64..1.0), 1..40),
        ) {
            let mut schedule = Schedule::new(refresh);
            let healthy_max = u64::from(refresh.max(30)) * 1200;
            for (kind, retry_ms, jitter) in steps {
                let outcome = match kind {
                    0 => Outcome::Fresh,
                    1 => Outcome::NotModified,
                    2 => Outcome::Failed { status: Some(500), retry_after: None },
                    _ => Outcome::Failed {
                        status: Some(503),
                        retry_after: Some(RetryAfter { delay_ms: retry_ms }),
                    },
                };
                let got = delay(schedule.plan(outcome, NOW_MS, jitter));
                prop_assert!(got >= MIN_DELAY_MS);
                prop_assert!(got <= healthy_max.max(RETRY_AFTER_CAP_MS * 6 / 5));
            }
        }

        #[test]
        fn retry_after_parse_arbitrary_text_never_panics(text in ".{0,64}", now in any::<i64>()) {
            if let Some(retry) = RetryAfter::parse(&text, now) {
                prop_assert!(retry.delay_ms <= RETRY_AFTER_PARSE_MAX_MS);
            }
        }

        #[test]
        fn retry_after_parse_date_shaped_text_never_panics(
            day in "[A-Za-z]{0,9},?",
            date in "[0-9]{0,3}[ -]?[A-Za-z]{0,4}[ -]?[0-9]{0,5}",
            clock in "[0-9]{0,3}:[0-9]{0,3}:[0-9]{0,3}",
            now in any::<i64>(),
        ) {
            let text = format!("{day} {date} {clock} GMT");
            if let Some(retry) = RetryAfter::parse(&text, now) {
                prop_assert!(retry.delay_ms <= RETRY_AFTER_PARSE_MAX_MS);
            }
        }
    }
}
