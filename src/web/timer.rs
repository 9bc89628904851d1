//! Timers as owned values: a [`Timer`] runs its callback until it is dropped.

use gloo_timers::callback::{Interval, Timeout};

use super::live::{Kind, Live};

// Held only to be dropped: dropping a gloo timer clears it.
enum Handle {
    Once { _timeout: Timeout },
    Every { _interval: Interval },
}

/// A scheduled callback; dropping it clears the browser timer.
#[must_use = "a Timer is cleared when dropped"]
pub(crate) struct Timer {
    _handle: Handle,
    _live: Live,
}

impl Timer {
    /// Calls `callback` once after `ms` milliseconds.
    pub(crate) fn once(ms: u32, callback: impl FnOnce() + 'static) -> Timer {
        Timer {
            _handle: Handle::Once {
                _timeout: Timeout::new(ms, callback),
            },
            _live: Live::new(Kind::Timer),
        }
    }

    /// Calls `callback` every `ms` milliseconds.
    pub(crate) fn every(ms: u32, callback: impl FnMut() + 'static) -> Timer {
        Timer {
            _handle: Handle::Every {
                _interval: Interval::new(ms, callback),
            },
            _live: Live::new(Kind::Timer),
        }
    }
}
