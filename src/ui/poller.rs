//! Polling the feed: fetch on start, then again after each answer, reporting what happened
//! as core [`Action`]s. The reducer in core decides what the answers mean, and core's
//! [`Schedule`] decides when to ask again (the interval with jitter, backoff after
//! failures, `Retry-After` on 429/503).
//!
//! The next poll is planned only when the previous one has answered, so a slow feed is never
//! asked twice at once. A hidden page does not poll, nor does a browser that says it is
//! offline: the poller waits for `visibilitychange` / `online` and then asks the schedule
//! when to resume (at once if the data is older than the interval). Everything is owned by
//! a [`Poller`]: dropping it aborts the fetch in flight, clears the planned poll and
//! removes its listeners.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use yew::prelude::*;

use crate::core::config::Config;
use crate::core::feed::{self, Format};
use crate::core::schedule::{Outcome, Plan, RetryAfter, Schedule};
use crate::core::state::{Action, Problem};
use crate::web::{self, now_ms, Fetch, FetchError, Listener, Timer, TIMEOUT_MS};

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
    /// By core's [`Schedule`] for a feed refreshed every this many seconds.
    Refresh(u32),
    /// Exactly this many milliseconds after each answer (the test hook).
    FixedMs(u32),
}

struct Inner {
    url: String,
    format: Option<Format>,
    pace: Pace,
    schedule: RefCell<Schedule>,
    report: Callback<Action>,
    fetch: RefCell<Option<Fetch>>,
    timer: RefCell<Option<Timer>>,
    waiting: RefCell<Option<Listener>>,
}

/// Polls one feed until dropped.
pub(crate) struct Poller {
    inner: Rc<Inner>,
}

impl Poller {
    /// Starts polling `url` at `pace`, reporting to `report`. The first fetch starts at
    /// once.
    pub(crate) fn start(
        url: &str,
        format: Option<Format>,
        pace: Pace,
        report: Callback<Action>,
    ) -> Poller {
        let refresh_secs = match pace {
            Pace::Refresh(secs) => secs,
            Pace::FixedMs(_) => 0,
        };
        let inner = Rc::new(Inner {
            url: url.to_owned(),
            format,
            pace,
            schedule: RefCell::new(Schedule::new(refresh_secs)),
            report,
            fetch: RefCell::new(None),
            timer: RefCell::new(None),
            waiting: RefCell::new(None),
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
    inner.waiting.borrow_mut().take();
    if web::is_offline() {
        inner.report.emit(Action::FetchFailed {
            problem: Problem::Offline,
            at_ms: now_ms(),
        });
        wait_for(inner, web::window_target(), "online");
        return;
    }
    if web::is_hidden() {
        wait_for(inner, web::document_target(), "visibilitychange");
        return;
    }
    inner.report.emit(Action::FetchStarted);
    let weak = Rc::downgrade(inner);
    let fetch = Fetch::start(&inner.url, TIMEOUT_MS, move |result| {
        let Some(inner) = weak.upgrade() else {
            return;
        };
        inner.fetch.borrow_mut().take();
        let at_ms = now_ms();
        let (action, outcome) = read(result, inner.format, at_ms);
        inner.report.emit(action);
        plan_next(&inner, outcome, at_ms);
    });
    *inner.fetch.borrow_mut() = Some(fetch);
}

/// Waits for `kind` on `target` (the page shown again, the browser back online), then
/// plans the next poll as the schedule says: at once when the data is older than the
/// interval, never before a pending backoff or `Retry-After` runs out.
fn wait_for(inner: &Rc<Inner>, target: Option<web_sys::EventTarget>, kind: &'static str) {
    let Some(target) = target else {
        return;
    };
    let weak = Rc::downgrade(inner);
    let listener = Listener::new(&target, kind, move || {
        let Some(inner) = weak.upgrade() else {
            return;
        };
        if web::is_hidden() || web::is_offline() {
            return;
        }
        // The listener stays until that poll runs (poll() removes it): removing it from
        // inside its own call is avoided, and a quick hide/show only re-plans.
        let delay_ms = inner.schedule.borrow_mut().resume(now_ms());
        let delay_ms = u32::try_from(delay_ms).unwrap_or(u32::MAX);
        let weak = Rc::downgrade(&inner);
        let timer = Timer::once(delay_ms, move || {
            if let Some(inner) = weak.upgrade() {
                poll(&inner);
            }
        });
        *inner.timer.borrow_mut() = Some(timer);
    });
    *inner.waiting.borrow_mut() = listener;
}

/// What a fetch's result means: the action for the reducer and the outcome for the
/// schedule.
fn read(
    result: Result<crate::web::FetchedText, FetchError>,
    format: Option<Format>,
    at_ms: i64,
) -> (Action, Outcome) {
    let failed = |status, retry_after| Outcome::Failed {
        status,
        retry_after,
    };
    match result {
        Ok(text) => match feed::parse(&text.body, format) {
            Ok(parsed) => (Action::FetchSucceeded { parsed, at_ms }, Outcome::Fresh),
            Err(error) => (
                Action::FetchFailed {
                    problem: error.into(),
                    at_ms,
                },
                failed(Some(text.status), None),
            ),
        },
        Err(error) => {
            let outcome = match &error {
                FetchError::Http {
                    status,
                    retry_after,
                } => failed(
                    Some(*status),
                    retry_after
                        .as_deref()
                        .and_then(|value| RetryAfter::parse(value, at_ms)),
                ),
                _ => failed(None, None),
            };
            let problem = Problem::from(error);
            (Action::FetchFailed { problem, at_ms }, outcome)
        }
    }
}

fn plan_next(inner: &Rc<Inner>, outcome: Outcome, now: i64) {
    let delay_ms = match inner.pace {
        Pace::FixedMs(ms) => ms,
        Pace::Refresh(_) => {
            let plan = inner
                .schedule
                .borrow_mut()
                .plan(outcome, now, js_sys::Math::random());
            match plan {
                Plan::After { delay_ms } => u32::try_from(delay_ms).unwrap_or(u32::MAX),
                // Never planned: this poller reports neither a hidden page nor offline.
                Plan::WhenVisible | Plan::WhenOnline => return,
            }
        }
    };
    let weak: Weak<Inner> = Rc::downgrade(inner);
    let timer = Timer::once(delay_ms, move || {
        if let Some(inner) = weak.upgrade() {
            poll(&inner);
        }
    });
    *inner.timer.borrow_mut() = Some(timer);
    inner.report.emit(Action::Scheduled {
        at_ms: now.saturating_add(i64::from(delay_ms)),
    });
}

/// Polls `config.feed` at `pace` while `enabled`, reporting to `report`, and registers the
/// poller with `control` so the page can ask for a poll now. A change of feed, format or
/// pace restarts it; unmounting stops it.
#[hook]
pub(crate) fn use_feed_poller(
    config: &Config,
    pace: Pace,
    enabled: bool,
    report: Callback<Action>,
    control: &Control,
) {
    let control = control.clone();
    let deps = (config.feed.clone(), config.format, pace, enabled);
    use_effect_with(deps, move |(url, format, pace, enabled)| {
        let poller = enabled.then(|| Rc::new(Poller::start(url, *format, *pace, report)));
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
