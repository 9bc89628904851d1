//! What the widget knows about its feed over time, and the one reducer that changes it.
//!
//! The web layer reports what happened ([`Action`]); [`FeedState::apply`] decides what it
//! means. The phase the reader sees (loading, live, stale, unavailable) is derived from the
//! state and the time, never stored, so it cannot disagree with the data.

use std::rc::Rc;

use crate::core::feed::{self, FeedError, Format, Parsed};
use crate::core::json::{self, Json, Object};
use crate::core::model::{Level, Snapshot};

/// Why the last fetch did not give a usable snapshot.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// The browser says it is offline.
    #[error("the browser is offline")]
    Offline,
    /// No answer within the time limit.
    #[error("the feed did not answer within {0} seconds")]
    Timeout(u32),
    /// The request failed before an answer (refused, DNS, CORS).
    #[error("the feed could not be reached")]
    Network,
    /// The server answered with an error status.
    #[error("the feed answered HTTP {0}")]
    Http(u16),
    /// The body was larger than the cap.
    #[error("the feed is larger than {0} bytes")]
    TooLarge(u64),
    /// The body is not a usable status feed.
    #[error(transparent)]
    Feed(#[from] FeedError),
    /// The feed parsed, but as a different format than the snapshot kept: more likely a
    /// passing misroute than a real change, so the kept data stays, once. The same new
    /// format on the next poll too is taken as the feed's new format.
    #[error("the feed changed format from {from} to {to}")]
    FormatChanged {
        /// The format of the kept snapshot.
        from: Format,
        /// The format just read.
        to: Format,
    },
    /// The feed parsed but said nothing: no component, incident or maintenance while a
    /// snapshot with content is kept, or nothing at all (not even a page-wide status).
    #[error("the feed is empty: no components, incidents or maintenances")]
    EmptyFeed,
}

/// The last snapshot that was read successfully.
///
/// Cloning it (and so a [`FeedState`]) is cheap: the snapshot is shared. The widget hands
/// each new state to every embed of the feed and changes it on every poll (a fetch began,
/// the next is planned), and a feed with thousands of services must not be copied each
/// time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Good {
    /// What it said.
    pub parsed: Rc<Parsed>,
    /// When it was fetched, UTC milliseconds.
    pub fetched_at_ms: i64,
}

/// Everything known about one feed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedState {
    /// The last good snapshot, kept through failures.
    pub good: Option<Good>,
    /// Why the most recent fetch failed; `None` after a success.
    pub problem: Option<Problem>,
    /// When the most recent fetch failed, UTC milliseconds.
    pub failed_at_ms: Option<i64>,
    /// True while a fetch is in flight.
    pub fetching: bool,
    /// When the next fetch is planned, UTC milliseconds.
    pub next_attempt_ms: Option<i64>,
    /// While the problem is [`Problem::Offline`]: what it replaced, which
    /// [`Action::BackOnline`] brings back.
    pub before_offline: Option<BeforeOffline>,
}

/// What a state said before the browser went offline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BeforeOffline {
    /// The feed's own problem, if it had one.
    pub problem: Option<Problem>,
    /// When that problem came, UTC milliseconds.
    pub failed_at_ms: Option<i64>,
}

/// Something that happened to the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A fetch began.
    FetchStarted,
    /// A fetch under way was given up without an answer (the last widget left): no news,
    /// and no failure of the feed.
    FetchDropped,
    /// A fetch returned a feed that parsed.
    FetchSucceeded {
        /// What it said.
        parsed: Parsed,
        /// When, UTC milliseconds.
        at_ms: i64,
    },
    /// The server confirmed that the kept snapshot is current (`304 Not Modified`).
    /// Without a kept snapshot there is nothing to confirm, and the web layer reports a
    /// failure instead.
    NotModified {
        /// When, UTC milliseconds.
        at_ms: i64,
    },
    /// A fetch failed.
    FetchFailed {
        /// Why.
        problem: Problem,
        /// When, UTC milliseconds.
        at_ms: i64,
    },
    /// The next fetch was planned.
    Scheduled {
        /// When it will run, UTC milliseconds.
        at_ms: i64,
    },
    /// The browser is online again: the state says again what it said before "offline"
    /// (the kept status with its age, the feed's own problem), before the next poll
    /// answers.
    BackOnline,
}

/// Where the reader stands, derived from a [`FeedState`] at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Nothing known yet, first fetch under way.
    Loading,
    /// Fresh data.
    Live,
    /// Data kept from an earlier fetch: the last one failed, or it is older than twice
    /// the refresh interval.
    Stale,
    /// No data ever, and the last fetch failed.
    Unavailable,
}

impl Phase {
    /// The phase's name, as the widget's `data-phase` attribute gives it to tests and
    /// styles: `loading`, `live`, `stale` or `unavailable`.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Loading => "loading",
            Phase::Live => "live",
            Phase::Stale => "stale",
            Phase::Unavailable => "unavailable",
        }
    }
}

impl FeedState {
    /// Applies `action`.
    ///
    /// A success replaces the kept snapshot only when it is believable next to it: a
    /// different format, or an empty feed in place of one with content, becomes a
    /// [`Problem`] with the kept snapshot left as it was. A snapshot that says nothing at
    /// all is never believed, not even on a first visit. A new format read on two polls in
    /// a row is believed (the provider moved its feed; the kept snapshot, also the one in
    /// storage, would otherwise stay stale for good); an empty feed never is.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::FetchStarted => self.fetching = true,
            Action::FetchDropped => self.fetching = false,
            Action::FetchSucceeded { parsed, at_ms } => {
                self.fetching = false;
                match self.implausible(&parsed) {
                    Some(problem) => {
                        self.problem = Some(problem);
                        self.failed_at_ms = Some(at_ms);
                    }
                    None => {
                        self.good = Some(Good {
                            parsed: Rc::new(parsed),
                            fetched_at_ms: at_ms,
                        });
                        self.problem = None;
                        self.failed_at_ms = None;
                    }
                }
            }
            Action::NotModified { at_ms } => {
                self.fetching = false;
                match &mut self.good {
                    Some(good) => {
                        good.fetched_at_ms = at_ms;
                        self.problem = None;
                        self.failed_at_ms = None;
                    }
                    None => {
                        self.problem = Some(Problem::Http(304));
                        self.failed_at_ms = Some(at_ms);
                    }
                }
            }
            Action::FetchFailed { problem, at_ms } => {
                self.fetching = false;
                if problem == Problem::Offline {
                    // Nothing is planned while offline: the browser's `online` brings the
                    // next try, so the panel names none.
                    self.next_attempt_ms = None;
                    if self.problem != Some(Problem::Offline) {
                        self.before_offline = Some(BeforeOffline {
                            problem: self.problem.take(),
                            failed_at_ms: self.failed_at_ms,
                        });
                    }
                }
                self.problem = Some(problem);
                self.failed_at_ms = Some(at_ms);
            }
            Action::Scheduled { at_ms } => self.next_attempt_ms = Some(at_ms),
            Action::BackOnline => {
                if let Some(before) = self.before_offline.take() {
                    self.problem = before.problem;
                    self.failed_at_ms = before.failed_at_ms;
                }
            }
        }
        if self.problem != Some(Problem::Offline) {
            self.before_offline = None;
        }
    }

    /// Why `parsed` must not replace the kept snapshot, if it must not.
    fn implausible(&self, parsed: &Parsed) -> Option<Problem> {
        // [`feed::parse`] refuses such a document; this keeps any other source of a
        // snapshot from showing one as "operational" on a first visit.
        if parsed.snapshot.says_nothing() {
            return Some(Problem::EmptyFeed);
        }
        let good = self.good.as_ref()?;
        if good.parsed.format != parsed.format {
            let change = Problem::FormatChanged {
                from: good.parsed.format,
                to: parsed.format,
            };
            // The poll just before said the same: the feed has changed format.
            if self.problem.as_ref() == Some(&change) {
                return None;
            }
            return Some(change);
        }
        if parsed.snapshot.lists_nothing() && !good.parsed.snapshot.lists_nothing() {
            return Some(Problem::EmptyFeed);
        }
        None
    }

    /// The phase at `now_ms`, where good data older than `stale_after_ms` is stale
    /// (normally [`stale_after_ms`] of the poll interval).
    ///
    /// Kept data older than [`STORED_MAX_AGE_MS`] while the feed fails is history, not
    /// status: unavailable, as a reload of the page would find it. (Without a failure it
    /// is only old: a tab hidden for a day shows it, stale, until its first poll answers.)
    pub fn phase(&self, now_ms: i64, stale_after_ms: i64) -> Phase {
        match (&self.good, &self.problem) {
            (None, None) => Phase::Loading,
            (None, Some(_)) => Phase::Unavailable,
            (Some(good), Some(_))
                if now_ms.saturating_sub(good.fetched_at_ms) > STORED_MAX_AGE_MS =>
            {
                Phase::Unavailable
            }
            (Some(_), Some(_)) => Phase::Stale,
            (Some(good), None) => {
                if now_ms.saturating_sub(good.fetched_at_ms) > stale_after_ms {
                    Phase::Stale
                } else {
                    Phase::Live
                }
            }
        }
    }

    /// The kept snapshot, if any.
    pub fn snapshot(&self) -> Option<&Snapshot> {
        self.good.as_ref().map(|good| &good.parsed.snapshot)
    }
}

/// How old good data may be before it is shown as stale: two poll intervals, so one late
/// or lost answer does not yet mark it.
pub fn stale_after_ms(refresh_secs: u32) -> i64 {
    2 * i64::from(refresh_secs) * 1000
}

/// The version prefix of the storage key: a new layout of the stored value gets a new
/// prefix, so an old page's value is ignored rather than misread.
pub const STORAGE_KEY_PREFIX: &str = "telltale:v1:";

/// Stored values larger than this are ignored (and not written): a store that holds a
/// runaway value must not cost the page a huge parse at start.
pub const STORED_MAX_BYTES: usize = 1024 * 1024;

/// How far in the future a stored `fetched_at_ms` may lie (clock skew between visits)
/// before the value is rejected as invented.
const STORED_FUTURE_SLACK_MS: i64 = 5 * 60 * 1000;

/// How old a stored snapshot may be and still be shown on a new page: one day. Older than
/// that it is history rather than status: a page opened while the feed cannot be read
/// says "Status unavailable" instead of showing last week's incidents.
pub const STORED_MAX_AGE_MS: i64 = 24 * 60 * 60 * 1000;

/// The storage key of the last good snapshot of `feed_url`.
pub fn storage_key(feed_url: &str) -> String {
    format!("{STORAGE_KEY_PREFIX}{feed_url}")
}

/// `good` as the JSON text kept in storage, `{ fetched_at_ms, format, snapshot }` with the
/// snapshot as a Telltale document, and beside it what that format has no place for: the
/// page-wide `declared` level and which lists a partial Statuspage document left out.
/// `None` when it would be too large.
pub fn stored_json(good: &Good) -> Option<String> {
    let stored = Object::new()
        .with("fetched_at_ms", good.fetched_at_ms)
        .with("format", good.parsed.format.as_str());
    let stored = with_snapshot(stored, &good.parsed.snapshot);
    Some(Json::from(stored).to_string()).filter(|text| text.len() <= STORED_MAX_BYTES)
}

/// `object` with `snapshot` added as a Telltale document under `"snapshot"`, and beside
/// it what that format has no place for: the page-wide `"declared"` level (when there is
/// one), `"incidents_unlisted"` and `"maintenances_unlisted"` of a partial Statuspage
/// document. Storage and `telltale check --json` write a snapshot this way;
/// [`from_stored`] reads it back.
pub fn with_snapshot(object: Object, snapshot: &Snapshot) -> Object {
    object
        .with("snapshot", feed::to_telltale(snapshot))
        .with_some("declared", snapshot.declared.map(Level::as_str))
        .with("incidents_unlisted", snapshot.incidents_unlisted)
        .with("maintenances_unlisted", snapshot.maintenances_unlisted)
}

/// Reads a stored value back, treating it as untrusted: it must be the stored shape, no
/// larger than [`STORED_MAX_BYTES`], fetched at a plausible time (not before 2001, not
/// in the future) no longer than [`STORED_MAX_AGE_MS`] ago, of `expected` format when the
/// embed names one, and its snapshot must pass the Telltale reader's checks like any
/// feed. Anything else is `None`.
pub fn from_stored(text: &str, expected: Option<Format>, now_ms: i64) -> Option<Good> {
    // 2001-09-09: any real fetch is later; smaller numbers are junk.
    const EARLIEST_MS: i64 = 1_000_000_000_000;
    if text.len() > STORED_MAX_BYTES {
        return None;
    }
    let Json::Object(mut stored) = json::parse(text).ok()? else {
        return None;
    };
    let fetched_at_ms = stored.opt_i64("fetched_at_ms").ok()??;
    let format = Format::from_name(stored.req_str("format").ok()?)?;
    if fetched_at_ms < EARLIEST_MS
        || fetched_at_ms > now_ms.saturating_add(STORED_FUTURE_SLACK_MS)
        || now_ms.saturating_sub(fetched_at_ms) > STORED_MAX_AGE_MS
    {
        return None;
    }
    if expected.is_some_and(|expected| expected != format) {
        return None;
    }
    // Entries written before the snapshot carried its version field lack it.
    let Json::Object(mut snapshot) = stored.remove("snapshot")? else {
        return None;
    };
    snapshot.insert("telltale", 1);
    let declared = match stored.opt_str("declared").ok()? {
        Some(name) => Some(Level::from_name(name)?),
        None => None,
    };
    let incidents_unlisted = stored.opt_bool("incidents_unlisted").ok()?.unwrap_or(false);
    let maintenances_unlisted = stored
        .opt_bool("maintenances_unlisted")
        .ok()?
        .unwrap_or(false);
    let parsed = feed::read_json(&Json::Object(snapshot), Some(Format::Telltale)).ok()?;
    let snapshot = Snapshot {
        declared,
        incidents_unlisted,
        maintenances_unlisted,
        ..parsed.snapshot
    };
    // Kept before feeds that say nothing were refused: it would show "operational".
    if snapshot.says_nothing() {
        return None;
    }
    Some(Good {
        parsed: Rc::new(Parsed {
            format,
            snapshot,
            warnings: Vec::new(),
        }),
        fetched_at_ms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Component, Level};

    const REFRESH_SECS: u32 = 60;

    const T0: i64 = 1_700_000_000_000;

    /// The phase at `now_ms` with the stale age of [`REFRESH_SECS`].
    fn phase(state: &FeedState, now_ms: i64) -> Phase {
        state.phase(now_ms, stale_after_ms(REFRESH_SECS))
    }

    fn parsed(format: Format, level: Option<Level>) -> Parsed {
        let components = level
            .map(|level| Component {
                id: "c".into(),
                name: "C".into(),
                level,
                group_id: None,
                description: None,
                only_show_if_degraded: false,
            })
            .into_iter()
            .collect();
        Parsed {
            format,
            snapshot: Snapshot {
                components,
                ..Snapshot::default()
            },
            warnings: vec![],
        }
    }

    fn success(level: Level, at_ms: i64) -> Action {
        Action::FetchSucceeded {
            parsed: parsed(Format::Statuspage, Some(level)),
            at_ms,
        }
    }

    fn failure(at_ms: i64) -> Action {
        Action::FetchFailed {
            problem: Problem::Network,
            at_ms,
        }
    }

    fn live_state() -> FeedState {
        let mut state = FeedState::default();
        state.apply(Action::FetchStarted);
        state.apply(success(Level::Operational, T0));
        state
    }

    fn kept_level(state: &FeedState) -> Option<Level> {
        state
            .snapshot()
            .and_then(|s| s.components.first())
            .map(|c| c.level)
    }

    #[test]
    fn state_initial_is_loading() {
        let state = FeedState::default();
        assert_eq!(phase(&state, T0), Phase::Loading);
        assert!(state.snapshot().is_none());
    }

    #[test]
    fn state_fetch_started_sets_fetching_and_stays_loading() {
        let mut state = FeedState::default();
        state.apply(Action::FetchStarted);
        assert!(state.fetching);
        assert_eq!(phase(&state, T0), Phase::Loading);
    }

    #[test]
    fn state_first_success_is_live_and_clears_fetching() {
        let state = live_state();
        assert!(!state.fetching);
        assert_eq!(state.good.as_ref().map(|g| g.fetched_at_ms), Some(T0));
        assert_eq!(phase(&state, T0 + 1000), Phase::Live);
    }

    #[test]
    fn state_first_failure_is_unavailable() {
        let mut state = FeedState::default();
        state.apply(Action::FetchStarted);
        state.apply(failure(T0));
        assert!(!state.fetching);
        assert_eq!(state.problem, Some(Problem::Network));
        assert_eq!(state.failed_at_ms, Some(T0));
        assert_eq!(phase(&state, T0), Phase::Unavailable);
    }

    #[test]
    fn state_failure_after_success_keeps_last_good_and_is_stale() {
        let mut state = live_state();
        state.apply(Action::FetchStarted);
        state.apply(failure(T0 + 60_000));
        assert_eq!(state.good.as_ref().map(|g| g.fetched_at_ms), Some(T0));
        assert_eq!(kept_level(&state), Some(Level::Operational));
        assert_eq!(phase(&state, T0 + 60_000), Phase::Stale);
    }

    #[test]
    fn state_failing_for_longer_than_a_day_is_unavailable_as_a_reload_finds_it() {
        let mut state = live_state();
        state.apply(failure(T0 + 60_000));
        assert_eq!(phase(&state, T0 + STORED_MAX_AGE_MS), Phase::Stale);
        assert_eq!(
            phase(&state, T0 + STORED_MAX_AGE_MS + 1),
            Phase::Unavailable
        );
        // What a reload would read from storage at that moment: nothing.
        let stored = state
            .good
            .as_ref()
            .and_then(stored_json)
            .unwrap_or_default();
        assert_eq!(from_stored(&stored, None, T0 + STORED_MAX_AGE_MS + 1), None);
        // Old without a failure (a tab hidden for a day) is only stale.
        assert_eq!(
            phase(&live_state(), T0 + 2 * STORED_MAX_AGE_MS),
            Phase::Stale
        );
    }

    #[test]
    fn state_success_after_failure_clears_problem_and_is_live() {
        let mut state = live_state();
        state.apply(failure(T0 + 60_000));
        state.apply(success(Level::MajorOutage, T0 + 120_000));
        assert_eq!(state.problem, None);
        assert_eq!(state.failed_at_ms, None);
        assert_eq!(kept_level(&state), Some(Level::MajorOutage));
        assert_eq!(phase(&state, T0 + 120_000), Phase::Live);
    }

    #[test]
    fn not_modified_confirms_the_kept_snapshot_without_copying_it() {
        let mut state = live_state();
        state.apply(failure(T0 + 60_000));
        let kept = state.good.as_ref().map(|g| Rc::clone(&g.parsed));
        state.apply(Action::NotModified {
            at_ms: T0 + 120_000,
        });
        assert_eq!(state.problem, None);
        assert_eq!(state.failed_at_ms, None);
        assert!(!state.fetching);
        let good = state.good.as_ref().unwrap();
        assert_eq!(good.fetched_at_ms, T0 + 120_000);
        assert!(Rc::ptr_eq(&good.parsed, kept.as_ref().unwrap()));
        assert_eq!(phase(&state, T0 + 120_000), Phase::Live);
        // A copy of the state (every embed of the feed holds one) shares the snapshot.
        let copy = state.clone();
        assert!(Rc::ptr_eq(&copy.good.unwrap().parsed, &good.parsed));
    }

    #[test]
    fn not_modified_with_nothing_kept_is_a_failure() {
        let mut state = FeedState::default();
        state.apply(Action::FetchStarted);
        state.apply(Action::NotModified { at_ms: T0 });
        assert_eq!(state.good, None);
        assert_eq!(state.problem, Some(Problem::Http(304)));
        assert_eq!(state.failed_at_ms, Some(T0));
        assert!(!state.fetching);
    }

    #[test]
    fn state_success_older_than_twice_refresh_is_stale() {
        let state = live_state();
        assert_eq!(phase(&state, T0 + 120_000), Phase::Live);
        assert_eq!(phase(&state, T0 + 120_001), Phase::Stale);
    }

    #[test]
    fn state_success_in_another_format_keeps_last_good_and_is_stale() {
        let mut state = live_state();
        state.apply(Action::FetchSucceeded {
            parsed: parsed(Format::Apple, Some(Level::MajorOutage)),
            at_ms: T0 + 60_000,
        });
        assert_eq!(
            state.problem,
            Some(Problem::FormatChanged {
                from: Format::Statuspage,
                to: Format::Apple
            })
        );
        assert_eq!(state.failed_at_ms, Some(T0 + 60_000));
        assert_eq!(kept_level(&state), Some(Level::Operational));
        assert_eq!(phase(&state, T0 + 60_000), Phase::Stale);
    }

    /// A successful read of an Apple feed with a major outage.
    fn apple_outage(at_ms: i64) -> Action {
        Action::FetchSucceeded {
            parsed: parsed(Format::Apple, Some(Level::MajorOutage)),
            at_ms,
        }
    }

    #[test]
    fn state_new_format_on_two_polls_in_a_row_is_believed() {
        let mut state = live_state();
        state.apply(apple_outage(T0 + 60_000));
        assert_eq!(kept_level(&state), Some(Level::Operational), "once: kept");
        state.apply(apple_outage(T0 + 120_000));
        assert_eq!(state.problem, None);
        assert_eq!(
            kept_level(&state),
            Some(Level::MajorOutage),
            "twice: believed"
        );
        assert_eq!(
            state.good.as_ref().map(|g| g.parsed.format),
            Some(Format::Apple)
        );
        assert_eq!(phase(&state, T0 + 120_000), Phase::Live);
    }

    #[test]
    fn state_new_format_interrupted_by_a_failure_starts_over() {
        let mut state = live_state();
        state.apply(apple_outage(T0 + 60_000));
        state.apply(failure(T0 + 120_000));
        state.apply(apple_outage(T0 + 180_000));
        assert_eq!(kept_level(&state), Some(Level::Operational));
        assert!(matches!(state.problem, Some(Problem::FormatChanged { .. })));
    }

    #[test]
    fn state_empty_success_keeps_last_good_and_is_stale() {
        let mut state = live_state();
        state.apply(Action::FetchSucceeded {
            parsed: parsed(Format::Statuspage, None),
            at_ms: T0 + 60_000,
        });
        assert_eq!(state.problem, Some(Problem::EmptyFeed));
        assert_eq!(kept_level(&state), Some(Level::Operational));
        assert_eq!(phase(&state, T0 + 60_000), Phase::Stale);
        // However often it says so: an empty feed never replaces one with content.
        state.apply(Action::FetchSucceeded {
            parsed: parsed(Format::Statuspage, None),
            at_ms: T0 + 120_000,
        });
        assert_eq!(state.problem, Some(Problem::EmptyFeed));
        assert_eq!(kept_level(&state), Some(Level::Operational));
    }

    #[test]
    fn state_empty_first_success_is_unavailable_not_operational() {
        // A feed that says nothing is no news that all is well, on a first visit too.
        let mut state = FeedState::default();
        state.apply(Action::FetchSucceeded {
            parsed: parsed(Format::Telltale, None),
            at_ms: T0,
        });
        assert_eq!(state.problem, Some(Problem::EmptyFeed));
        assert_eq!(state.good, None);
        assert_eq!(phase(&state, T0), Phase::Unavailable);
        // A page-wide status alone (`status.json`) says something.
        let mut indicator_only = parsed(Format::Statuspage, None);
        indicator_only.snapshot.declared = Some(Level::Operational);
        state.apply(Action::FetchSucceeded {
            parsed: indicator_only,
            at_ms: T0 + 60_000,
        });
        assert_eq!(state.problem, None);
        assert_eq!(phase(&state, T0 + 60_000), Phase::Live);
        // So does the next poll of it: a page-wide status after a page-wide status is
        // news, not a feed that lost its list.
        let mut major = parsed(Format::Statuspage, None);
        major.snapshot.declared = Some(Level::MajorOutage);
        state.apply(Action::FetchSucceeded {
            parsed: major,
            at_ms: T0 + 120_000,
        });
        assert_eq!(state.problem, None);
        let declared = state.snapshot().and_then(|s| s.declared);
        assert_eq!(declared, Some(Level::MajorOutage));
    }

    #[test]
    fn phase_names_are_those_of_the_data_phase_attribute() {
        let names = [
            (Phase::Loading, "loading"),
            (Phase::Live, "live"),
            (Phase::Stale, "stale"),
            (Phase::Unavailable, "unavailable"),
        ];
        for (phase, name) in names {
            assert_eq!(phase.as_str(), name);
        }
    }

    #[test]
    fn stored_snapshot_that_says_nothing_is_not_shown() {
        // Kept by a version that still believed such a feed.
        let good = Good {
            parsed: Rc::new(parsed(Format::Statuspage, None)),
            fetched_at_ms: T0,
        };
        let text = stored_json(&good).unwrap();
        assert_eq!(from_stored(&text, None, T0 + 1000), None);
        let mut indicator_only = parsed(Format::Statuspage, None);
        indicator_only.snapshot.declared = Some(Level::PartialOutage);
        let good = Good {
            parsed: Rc::new(indicator_only),
            fetched_at_ms: T0,
        };
        let text = stored_json(&good).unwrap();
        assert_eq!(from_stored(&text, None, T0 + 1000), Some(good));
    }

    #[test]
    fn state_scheduled_records_next_attempt_and_keeps_phase() {
        let mut state = live_state();
        state.apply(Action::Scheduled { at_ms: T0 + 60_000 });
        assert_eq!(state.next_attempt_ms, Some(T0 + 60_000));
        assert_eq!(phase(&state, T0), Phase::Live);
    }

    #[test]
    fn problem_messages_name_the_cause() {
        let cases = [
            (Problem::Http(503), "the feed answered HTTP 503"),
            (
                Problem::FormatChanged {
                    from: Format::Statuspage,
                    to: Format::Apple,
                },
                "the feed changed format from statuspage to apple",
            ),
            (Problem::Feed(FeedError::Empty), "the feed is empty"),
        ];
        for (problem, want) in cases {
            assert_eq!(problem.to_string(), want);
        }
    }

    #[test]
    fn stored_round_trip_keeps_snapshot_format_and_time() {
        let good = Good {
            parsed: Rc::new(parsed(Format::Apple, Some(Level::PartialOutage))),
            fetched_at_ms: T0,
        };
        let text = stored_json(&good).unwrap();
        assert!(text.contains("\"fetched_at_ms\":1700000000000"));
        let back = from_stored(&text, None, T0 + 1000).unwrap();
        assert_eq!(back, good);
        assert_eq!(from_stored(&text, Some(Format::Apple), T0), Some(good));
    }

    #[test]
    fn stored_round_trip_keeps_what_a_partial_statuspage_document_left_out() {
        let mut partial = parsed(Format::Statuspage, None);
        partial.snapshot.declared = Some(Level::PartialOutage);
        partial.snapshot.incidents_unlisted = true;
        partial.snapshot.maintenances_unlisted = true;
        let good = Good {
            parsed: Rc::new(partial),
            fetched_at_ms: T0,
        };
        let text = stored_json(&good).unwrap();
        let back = from_stored(&text, None, T0 + 1000).unwrap();
        assert_eq!(back.parsed.snapshot.declared, Some(Level::PartialOutage));
        assert!(back.parsed.snapshot.incidents_unlisted);
        assert!(back.parsed.snapshot.maintenances_unlisted);
        assert_eq!(back, good);
        // An unknown level is not a kept snapshot.
        let junk = text.replace("\"partial_outage\"", "\"on_fire\"");
        assert_eq!(from_stored(&junk, None, T0), None);
    }

    #[test]
    fn stored_value_is_rejected_when_implausible() {
        let good = Good {
            parsed: Rc::new(parsed(Format::Statuspage, Some(Level::Operational))),
            fetched_at_ms: T0,
        };
        let text = stored_json(&good).unwrap();
        // Another format than the embed asks for.
        assert_eq!(from_stored(&text, Some(Format::Apple), T0), None);
        // Fetched in the future, or before any real fetch.
        assert_eq!(from_stored(&text, None, T0 - 3_600_000), None);
        let ancient = text.replace("1700000000000", "12");
        assert_eq!(from_stored(&ancient, None, T0), None);
        // A day old is still shown; older is history.
        assert!(from_stored(&text, None, T0 + STORED_MAX_AGE_MS).is_some());
        assert_eq!(from_stored(&text, None, T0 + STORED_MAX_AGE_MS + 1), None);
        // Not the stored shape, not JSON, a snapshot of the wrong type.
        for junk in [
            "",
            "null",
            "{}",
            "[1,2]",
            "{\"fetched_at_ms\":1700000000000,\"format\":\"apple\",\"snapshot\":[]}",
            "{\"fetched_at_ms\":1700000000000,\"format\":\"gopher\",\"snapshot\":{}}",
            "{\"fetched_at_ms\":1700000000000,\"format\":\"apple\",\"snapshot\":{\"components\":7}}",
        ] {
            assert_eq!(from_stored(junk, None, T0), None, "{junk}");
        }
        let huge = format!("{{\"pad\":\"{}\"}}", "x".repeat(STORED_MAX_BYTES));
        assert_eq!(from_stored(&huge, None, T0), None);
    }

    #[test]
    fn stored_limits_are_a_day_a_mebibyte_and_five_minutes_of_clock_skew() {
        assert_eq!(STORED_MAX_AGE_MS, 86_400_000);
        assert_eq!(STORED_MAX_BYTES, 1_048_576);
        let good = Good {
            parsed: Rc::new(parsed(Format::Statuspage, Some(Level::Operational))),
            fetched_at_ms: T0,
        };
        let text = stored_json(&good).unwrap();
        // This page's clock up to five minutes behind the one that stored it: kept.
        assert!(from_stored(&text, None, T0 - 5 * 60_000).is_some());
        assert_eq!(from_stored(&text, None, T0 - 5 * 60_000 - 1), None);
        // Fetched in 2001-09-09 at the earliest.
        let earliest = text.replace("1700000000000", "1000000000000");
        let now = 1_000_000_000_000;
        assert!(from_stored(&earliest, None, now).is_some());
        let earlier = text.replace("1700000000000", "999999999999");
        assert_eq!(from_stored(&earlier, None, now), None);
        // A feed stored in exactly a mebibyte is kept; a byte more is not.
        let stored_at = |name_len: usize| {
            let mut large = parsed(Format::Statuspage, Some(Level::Operational));
            large.snapshot.components[0].name = "x".repeat(name_len);
            let large = Good {
                parsed: Rc::new(large),
                fetched_at_ms: T0,
            };
            stored_json(&large).unwrap_or_default()
        };
        let overhead = stored_at(0).len();
        let text = stored_at(STORED_MAX_BYTES - overhead);
        assert_eq!(text.len(), STORED_MAX_BYTES);
        assert!(from_stored(&text, None, T0).is_some());
        let over = text.replacen("xx", "xxx", 1);
        assert_eq!(from_stored(&over, None, T0), None);
        assert_eq!(
            stored_json(&from_stored(&text, None, T0).unwrap()),
            Some(text)
        );
    }

    #[test]
    fn a_dropped_fetch_is_no_news_and_no_failure() {
        let mut state = live_state();
        state.apply(Action::FetchStarted);
        let mut expected = state.clone();
        expected.fetching = false;
        state.apply(Action::FetchDropped);
        assert_eq!(state, expected);
    }

    #[test]
    fn back_online_says_again_what_offline_replaced() {
        let offline = |at_ms| Action::FetchFailed {
            problem: Problem::Offline,
            at_ms,
        };
        // The feed was failing: back online it says so again, with the time it failed,
        // before the next poll answers. Polls while offline do not lose what was replaced.
        let mut state = live_state();
        state.apply(failure(T0 + 1_000));
        state.apply(Action::Scheduled { at_ms: T0 + 61_000 });
        state.apply(offline(T0 + 2_000));
        // Offline, nothing is planned: the try planned before is forgotten.
        assert_eq!(state.next_attempt_ms, None);
        state.apply(offline(T0 + 3_000));
        assert_eq!(state.problem, Some(Problem::Offline));
        state.apply(Action::Scheduled { at_ms: T0 + 4_000 });
        state.apply(Action::BackOnline);
        assert_eq!(state.problem, Some(Problem::Network));
        assert_eq!(state.failed_at_ms, Some(T0 + 1_000));
        assert_eq!(state.before_offline, None);
        // The feed was fine: back online it is live again at once.
        let mut state = live_state();
        state.apply(offline(T0 + 2_000));
        assert_eq!(phase(&state, T0 + 2_000), Phase::Stale);
        state.apply(Action::BackOnline);
        assert_eq!((state.problem.clone(), state.failed_at_ms), (None, None));
        assert_eq!(phase(&state, T0 + 2_000), Phase::Live);
        // An answer while "offline" is the news: back online changes nothing after it.
        let mut state = live_state();
        state.apply(failure(T0 + 1_000));
        state.apply(offline(T0 + 2_000));
        state.apply(success(Level::Degraded, T0 + 3_000));
        assert_eq!(state.before_offline, None);
        state.apply(Action::BackOnline);
        assert_eq!(state.problem, None);
        assert_eq!(kept_level(&state), Some(Level::Degraded));
        // Never offline: back online is nothing.
        let mut state = live_state();
        state.apply(failure(T0 + 1_000));
        let before = state.clone();
        state.apply(Action::BackOnline);
        assert_eq!(state, before);
    }

    #[test]
    fn state_from_stored_good_is_live_when_young_and_stale_when_old() {
        // As the page's feed hub seeds it from storage.
        let state = FeedState {
            good: Some(Good {
                parsed: Rc::new(parsed(Format::Statuspage, Some(Level::Operational))),
                fetched_at_ms: T0,
            }),
            ..FeedState::default()
        };
        assert_eq!(phase(&state, T0 + 60_000), Phase::Live);
        assert_eq!(phase(&state, T0 + 600_000), Phase::Stale);
        assert_eq!(
            storage_key("https://x.test/s.json"),
            "telltale:v1:https://x.test/s.json"
        );
    }
}
