//! What the widget knows about its feed over time, and the one reducer that changes it.
//!
//! The web layer reports what happened ([`Action`]); [`FeedState::apply`] decides what it
//! means. The phase the reader sees (loading, live, stale, unavailable) is derived from the
//! state and the time, never stored, so it cannot disagree with the data.

use crate::core::feed::{FeedError, Parsed};

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
}

/// The last snapshot that was read successfully.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Good {
    /// What it said.
    pub parsed: Parsed,
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
}

/// Something that happened to the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A fetch began.
    FetchStarted,
    /// A fetch returned a feed that parsed.
    FetchSucceeded {
        /// What it said.
        parsed: Parsed,
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

impl FeedState {
    /// Applies `action`.
    pub fn apply(&mut self, action: Action) {
        let _ = action;
    }

    /// The phase at `now_ms` for a widget that polls every `refresh_secs`.
    pub fn phase(&self, now_ms: i64, refresh_secs: u32) -> Phase {
        let _ = (now_ms, refresh_secs);
        Phase::Loading
    }
}
