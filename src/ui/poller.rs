//! Polling the feed: fetch on start, then once per interval after each answer, reporting
//! what happened as core [`Action`]s. The reducer in core decides what it means.
//!
//! The next poll is planned only when the previous one has answered, so a slow feed is never
//! asked twice at once. Everything is owned by a [`Poller`]: dropping it aborts the fetch in
//! flight and clears the planned poll.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use yew::prelude::*;

use crate::core::config::Config;
use crate::core::feed::{self, Format};
use crate::core::state::{Action, Problem};
use crate::web::{now_ms, Fetch, Timer, TIMEOUT_MS};

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

struct Inner {
    url: String,
    format: Option<Format>,
    interval_ms: u32,
    report: Callback<Action>,
    fetch: RefCell<Option<Fetch>>,
    timer: RefCell<Option<Timer>>,
}

/// Polls one feed until dropped.
pub(crate) struct Poller {
    inner: Rc<Inner>,
}

impl Poller {
    /// Starts polling `url` every `interval_ms`, reporting to `report`. The first fetch
    /// starts at once.
    pub(crate) fn start(
        url: &str,
        format: Option<Format>,
        interval_ms: u32,
        report: Callback<Action>,
    ) -> Poller {
        let inner = Rc::new(Inner {
            url: url.to_owned(),
            format,
            interval_ms,
            report,
            fetch: RefCell::new(None),
            timer: RefCell::new(None),
        });
        poll(&inner);
        Poller { inner }
    }

    /// Polls now, unless a fetch is already under way (its answer is as fresh).
    pub(crate) fn refresh(&self) {
        poll(&self.inner);
    }
}

fn poll(inner: &Rc<Inner>) {
    if inner.fetch.borrow().is_some() {
        return;
    }
    inner.timer.borrow_mut().take();
    inner.report.emit(Action::FetchStarted);
    let weak = Rc::downgrade(inner);
    let fetch = Fetch::start(&inner.url, TIMEOUT_MS, move |result| {
        let Some(inner) = weak.upgrade() else {
            return;
        };
        inner.fetch.borrow_mut().take();
        let at_ms = now_ms();
        let parsed = result
            .map_err(Problem::from)
            .and_then(|text| feed::parse(&text.body, inner.format).map_err(Problem::from));
        inner.report.emit(match parsed {
            Ok(parsed) => Action::FetchSucceeded { parsed, at_ms },
            Err(problem) => Action::FetchFailed { problem, at_ms },
        });
        plan_next(&inner);
    });
    *inner.fetch.borrow_mut() = Some(fetch);
}

fn plan_next(inner: &Rc<Inner>) {
    let weak: Weak<Inner> = Rc::downgrade(inner);
    let timer = Timer::once(inner.interval_ms, move || {
        if let Some(inner) = weak.upgrade() {
            poll(&inner);
        }
    });
    *inner.timer.borrow_mut() = Some(timer);
    inner.report.emit(Action::Scheduled {
        at_ms: now_ms().saturating_add(i64::from(inner.interval_ms)),
    });
}

/// Polls `config.feed` every `interval_ms` while `enabled`, reporting to `report`, and
/// registers the poller with `control` so the page can ask for a poll now. A change of
/// feed, format or interval restarts it; unmounting stops it.
#[hook]
pub(crate) fn use_feed_poller(
    config: &Config,
    interval_ms: u32,
    enabled: bool,
    report: Callback<Action>,
    control: &Control,
) {
    let control = control.clone();
    let deps = (config.feed.clone(), config.format, interval_ms, enabled);
    use_effect_with(deps, move |(url, format, interval_ms, enabled)| {
        let poller = enabled.then(|| Rc::new(Poller::start(url, *format, *interval_ms, report)));
        if let Some(poller) = &poller {
            let weak = Rc::downgrade(poller);
            control.set(Some(Callback::from(move |()| {
                if let Some(poller) = weak.upgrade() {
                    poller.refresh();
                }
            })));
        }
        move || {
            control.set(None);
            drop(poller);
        }
    });
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
