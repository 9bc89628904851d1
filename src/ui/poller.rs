//! The widget's hold on its feed: a hook that subscribes to the page's feed hub
//! ([`crate::web::hub`]), which polls each feed once for every widget showing it, and the
//! [`Control`] through which the page asks for a poll now.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::config::Config;
use crate::core::state::FeedState;
use crate::web::hub::{self, Timing};
use crate::web::{TestHooks, Timer};

/// A handle through which the page asks the running widget to poll now
/// (`handle.refresh()`). The widget registers itself while it polls.
#[derive(Clone, Default)]
pub(crate) struct Control(Rc<RefCell<Option<Callback<()>>>>);

impl PartialEq for Control {
    fn eq(&self, other: &Control) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Control {
    /// Asks for a poll now; does nothing when no poller runs.
    pub(crate) fn refresh(&self) {
        let callback = self.0.borrow().clone();
        if let Some(callback) = callback {
            callback.emit(());
        }
    }

    fn set(&self, callback: Option<Callback<()>>) {
        *self.0.borrow_mut() = callback;
    }
}

/// How the next poll is timed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pace {
    /// By core's `Schedule` for a feed refreshed every this many seconds.
    Refresh(u32),
    /// Exactly this many milliseconds after each answer (the test hook).
    FixedMs(u32),
}

/// Subscribes to `config.feed` in the page's feed hub while `enabled` and returns the
/// feed's state (starting from `initial`), re-rendering on every change. Registers with
/// `control` so the page can ask for a poll now. A change of feed, format or pace
/// resubscribes; unmounting unsubscribes (the last subscriber stops the poller).
#[hook]
pub(crate) fn use_feed(
    config: &Config,
    pace: Pace,
    enabled: bool,
    initial: Option<Rc<FeedState>>,
    control: &Control,
    hooks: TestHooks,
) -> Rc<FeedState> {
    let state = use_state(move || initial.unwrap_or_default());
    let control = control.clone();
    let setter = state.setter();
    let deps = (config.feed.clone(), config.format, pace, enabled, hooks);
    use_effect_with(deps, move |(url, format, pace, enabled, hooks)| {
        let subscription = enabled.then(|| {
            let (refresh_secs, fixed_ms) = match *pace {
                Pace::Refresh(secs) => (secs, None),
                Pace::FixedMs(ms) => (0, Some(ms)),
            };
            let timing = Timing {
                refresh_secs,
                fixed_ms,
                hooks: *hooks,
            };
            let notify: hub::Notify = Rc::new(move |state| setter.set(state));
            Rc::new(hub::subscribe(url, *format, timing, notify))
        });
        if let Some(subscription) = &subscription {
            let weak = Rc::downgrade(subscription);
            control.set(Some(Callback::from(move |()| {
                if let Some(subscription) = weak.upgrade() {
                    subscription.refresh();
                }
            })));
        }
        move || {
            control.set(None);
            drop(subscription);
        }
    });
    Rc::clone(&state)
}

/// A number that changes every `interval_ms`, so relative ages ("5 min ago") re-render.
#[hook]
pub(crate) fn use_ticker(interval_ms: u32) -> u32 {
    let tick = use_state(|| 0_u32);
    let setter = tick.setter();
    use_effect_with(interval_ms, move |interval_ms| {
        let mut count = 0_u32;
        let timer = Timer::every(*interval_ms, move || {
            count = count.wrapping_add(1);
            setter.set(count);
        });
        move || drop(timer)
    });
    *tick
}
