//! The widget's hold on its feed: a subscription to the page's feed hub
//! ([`crate::web::hub`]), which polls each feed once for every widget showing it, and the
//! [`Control`] through which the page asks for a poll now.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::config::Config;
use crate::web::hub::{self, Timing};
use crate::web::TestHooks;

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

/// The widget's subscription to `config.feed` in the page's feed hub: `notify` gets the
/// feed's state now when the hub already knows it, and after every change. Registers with
/// `control` so the page can ask for a poll now. Dropping it unregisters and unsubscribes
/// (the last subscriber stops the poller).
pub(crate) struct FeedLink {
    /// The one strong reference: the control's callback holds a weak one.
    _subscription: Rc<hub::Subscription>,
    control: Control,
}

impl FeedLink {
    pub(crate) fn new(
        config: &Config,
        pace: Pace,
        control: &Control,
        hooks: TestHooks,
        notify: hub::Notify,
    ) -> FeedLink {
        let (refresh_secs, fixed_ms) = match pace {
            Pace::Refresh(secs) => (secs, None),
            Pace::FixedMs(ms) => (0, Some(ms)),
        };
        let timing = Timing {
            refresh_secs,
            fixed_ms,
            hooks,
        };
        let subscription = Rc::new(hub::subscribe(&config.feed, config.format, timing, notify));
        let weak = Rc::downgrade(&subscription);
        control.set(Some(Callback::from(move |()| {
            if let Some(subscription) = weak.upgrade() {
                subscription.refresh();
            }
        })));
        FeedLink {
            _subscription: subscription,
            control: control.clone(),
        }
    }
}

impl Drop for FeedLink {
    fn drop(&mut self) {
        self.control.set(None);
    }
}
