//! One poller per feed per page: widgets that show the same feed (same URL and format)
//! share its fetches, its schedule and its [`FeedState`].
//!
//! A widget [`subscribe`]s with a callback that receives every new state; the first
//! subscriber starts the feed's poller (seeded from `localStorage` when a valid snapshot is
//! kept there), and dropping the last [`Subscription`] stops it: its fetch in flight,
//! planned poll and listeners go. The feed itself (state and schedule) is kept a while,
//! until its planned poll and at least 5 s, held by one timer: a widget restarted (a
//! changed attribute) or put back in the page within it takes the feed over, showing the
//! same state and asking the feed no sooner than planned (during a `Retry-After`, not at
//! all). Then the timer forgets it. Otherwise the feed is owned only by its subscriptions
//! and that timer; the page-wide table holds weak references only.
//!
//! Polling rules are core's [`Schedule`] (interval with jitter, backoff, `Retry-After`);
//! the interval is the smallest `refresh` among the subscribers. The next poll is planned
//! only after the previous one answered, so a slow feed is never asked twice at once. A
//! hidden page does not poll, nor does a browser that says it is offline: the poller waits
//! for `visibilitychange` / `online` and asks the schedule when to resume. Between polls
//! and during a request it listens for `offline`, so the reader learns at once that the
//! status is not live; a request under way then is dropped, and neither it nor a request
//! that fails while the browser is offline counts as a failure of the feed. Back online,
//! the state stops saying "offline" at once, though the next poll may still be a backoff
//! or a `Retry-After` away.
//!
//! A feed's first poll starts before `localStorage` is read (opening storage can take tens
//! of milliseconds in a fresh context), and reads the request the loader prefetched for its
//! URL when there is one ([`use_prefetches`]), so the page asks the feed once, early.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use super::fetch::{Fetch, FetchError, FetchedText, Limits, Prefetched};
use super::hooks::TestHooks;
use super::{console, is_hidden, is_offline, now_ms, storage, Listener, Timer};
use crate::core::feed::{self, Format};
use crate::core::schedule::{Outcome, Plan, RetryAfter, Schedule, MIN_REQUEST_GAP_MS};
use crate::core::state::{Action, FeedState, Problem};

/// How a subscriber wants its feed polled.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Timing {
    /// The embed's `refresh`, seconds.
    pub refresh_secs: u32,
    /// The test hook `refreshMs`: exactly this long after each answer, no backoff.
    pub fixed_ms: Option<u32>,
    /// The other test hooks (time scale, timeout, body cap).
    pub hooks: TestHooks,
}

impl Timing {
    fn limits(&self) -> Limits {
        let default = Limits::default();
        Limits {
            timeout_ms: self.hooks.timeout_ms.unwrap_or(default.timeout_ms),
            cap_bytes: self.hooks.cap_bytes.unwrap_or(default.cap_bytes),
        }
    }

    /// A planned delay as a timer length, scaled by the test hook.
    fn timer_ms(&self, delay_ms: u64) -> u32 {
        u32::try_from(self.hooks.scaled_ms(delay_ms)).unwrap_or(u32::MAX)
    }
}

/// Receives the feed's state after every change.
pub(crate) type Notify = Rc<dyn Fn(Rc<FeedState>)>;

struct Subscriber {
    id: u32,
    refresh_secs: u32,
    notify: Notify,
}

type Key = (String, Option<Format>);

/// One feed's poller and state, shared by its subscribers.
struct Feed {
    key: Key,
    timing: Cell<Timing>,
    state: RefCell<Rc<FeedState>>,
    schedule: RefCell<Schedule>,
    subscribers: RefCell<Vec<Subscriber>>,
    fetch: RefCell<Option<Fetch>>,
    timer: RefCell<Option<Timer>>,
    waiting: RefCell<Option<Listener>>,
    /// While no widget follows the feed: when its next poll was planned, if one was.
    resume_at: Cell<Option<i64>>,
}

thread_local! {
    static FEEDS: RefCell<Vec<(Key, Weak<Feed>)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    /// The loader's `take(url)`: its prefetched request for a feed URL, once.
    static PREFETCHES: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// Run soon after every poll starts (see [`on_each_poll`]).
    static ON_EACH_POLL: Cell<Option<fn()>> = const { Cell::new(None) };
}

/// Asks for `hook` to run shortly after every poll of any feed starts: the embed layer
/// uses it to stop widgets whose element has left the page. It runs as a microtask, never
/// inside the hub's own timer or fetch callbacks, so it may unsubscribe freely.
pub(crate) fn on_each_poll(hook: fn()) {
    ON_EACH_POLL.with(|slot| slot.set(Some(hook)));
}

/// Lets each feed's first poll read the request the loader already started for its URL
/// (`take(url)`, from `js/loader.js`) instead of starting a second one. Anything but a
/// function is ignored.
pub(crate) fn use_prefetches(take: wasm_bindgen::JsValue) {
    use wasm_bindgen::JsCast;
    if let Ok(take) = take.dyn_into::<js_sys::Function>() {
        PREFETCHES.with(|prefetches| *prefetches.borrow_mut() = Some(take));
    }
}

/// The loader's prefetched request for `url`, handed over once.
fn take_prefetched(url: &str) -> Option<Prefetched> {
    let take = PREFETCHES.with(|prefetches| prefetches.borrow().clone())?;
    Prefetched::take(&take, url)
}

/// A widget's hold on a feed. Dropping it unsubscribes; the last one stops the poller.
#[must_use = "a Subscription unsubscribes when dropped"]
pub(crate) struct Subscription {
    feed: Rc<Feed>,
    id: u32,
}

impl Subscription {
    /// Polls now for the page (`handle.refresh()`), as the schedule allows: not while a
    /// fetch is under way (its answer is as fresh), not within a few seconds of the last
    /// success (then when they have passed), never through a backoff or `Retry-After`.
    /// Hidden or offline, the poll only notes it and waits, as any poll does.
    pub(crate) fn refresh(&self) {
        let feed = &self.feed;
        if feed.fetch.borrow().is_some() {
            return;
        }
        if is_hidden() || is_offline() || feed.timing.get().fixed_ms.is_some() {
            poll(feed, false);
            return;
        }
        let now = now_ms();
        let wait_ms = feed.schedule.borrow_mut().request(now);
        if wait_ms == 0 {
            poll(feed, false);
        } else {
            arm(feed, feed.timing.get().timer_ms(wait_ms), now);
        }
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        let empty = {
            let mut subscribers = self.feed.subscribers.borrow_mut();
            subscribers.retain(|s| s.id != self.id);
            subscribers.is_empty()
        };
        if empty {
            let feed = &self.feed;
            let now = now_ms();
            // A poll planned now stays planned for a widget that takes the feed over.
            let planned = feed
                .timer
                .borrow()
                .as_ref()
                .and(feed.state.borrow().next_attempt_ms);
            feed.resume_at.set(planned);
            // Take the resources out now: a callback holding a strong reference for a
            // moment must not keep the poller running. A request under way is dropped
            // (a widget taking over asks again).
            let fetch = feed.fetch.borrow_mut().take();
            let waiting = feed.waiting.borrow_mut().take();
            if fetch.is_some() {
                Rc::make_mut(&mut feed.state.borrow_mut()).apply(Action::FetchDropped);
            }
            // Kept, with nothing running but this timer, until its planned poll and at
            // least 5 s: a widget restarted (a changed attribute) or put back in the page
            // takes it over, with its state and schedule. Then it is forgotten.
            let grace_ms = planned
                .map_or(0, |at| at.saturating_sub(now))
                .max(i64::from(feed.timing.get().timer_ms(MIN_REQUEST_GAP_MS)));
            let kept = Rc::clone(feed);
            let timer = Timer::once(u32::try_from(grace_ms).unwrap_or(u32::MAX), move || {
                let feed = Rc::as_ptr(&kept);
                FEEDS.with(|feeds| {
                    feeds
                        .borrow_mut()
                        .retain(|(_, weak)| weak.strong_count() > 0 && weak.as_ptr() != feed)
                });
                kept.timer.borrow_mut().take();
            });
            let timer = feed.timer.borrow_mut().replace(timer);
            drop((fetch, timer, waiting));
        } else {
            update_refresh(&self.feed);
        }
    }
}

/// The feed this page follows for `key`, while some widget does.
fn followed(key: &Key) -> Option<Rc<Feed>> {
    FEEDS.with(|feeds| {
        feeds
            .borrow()
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, weak)| weak.upgrade())
    })
}

/// What this page knows now of `url` read as `format`, while some widget follows it: a
/// widget started in place of another (a changed attribute) shows it from its first
/// render, with no "Loading status…" in between.
pub(crate) fn known(url: &str, format: Option<Format>) -> Option<Rc<FeedState>> {
    followed(&(url.to_owned(), format)).map(|feed| Rc::clone(&feed.state.borrow()))
}

/// Subscribes to `url` read as `format`: `notify` is called with the current state at once
/// when the feed is already known (kept or polled), and after every change.
pub(crate) fn subscribe(
    url: &str,
    format: Option<Format>,
    timing: Timing,
    notify: Notify,
) -> Subscription {
    let key: Key = (url.to_owned(), format);
    let existing = followed(&key);
    let id = NEXT_ID.with(|next| {
        let id = next.get();
        next.set(id.wrapping_add(1));
        id
    });
    let subscriber = Subscriber {
        id,
        refresh_secs: timing.refresh_secs,
        notify: Rc::clone(&notify),
    };
    let feed = match existing {
        Some(feed) => {
            let idle = feed.subscribers.borrow().is_empty();
            feed.subscribers.borrow_mut().push(subscriber);
            update_refresh(&feed);
            let state = Rc::clone(&feed.state.borrow());
            if *state != FeedState::default() {
                notify(state);
            }
            if idle {
                take_over(&feed);
            }
            feed
        }
        None => {
            let feed = Rc::new(Feed {
                key: key.clone(),
                timing: Cell::new(timing),
                state: RefCell::new(Rc::new(FeedState::default())),
                schedule: RefCell::new(Schedule::new(timing.refresh_secs)),
                subscribers: RefCell::new(vec![subscriber]),
                fetch: RefCell::new(None),
                timer: RefCell::new(None),
                waiting: RefCell::new(None),
                resume_at: Cell::new(None),
            });
            FEEDS.with(|feeds| {
                let mut feeds = feeds.borrow_mut();
                feeds.retain(|(_, weak)| weak.strong_count() > 0);
                feeds.push((key, Rc::downgrade(&feed)));
            });
            // The request goes out first: a fresh context opens its storage backend
            // synchronously on first use (tens of ms), which must not delay the fetch.
            // Its answer cannot arrive before this synchronous code ends, so the kept
            // snapshot still shows first and a fresh result still replaces it.
            poll(&feed, true);
            if let Some(kept) = storage::load(url, format, now_ms()) {
                let state = {
                    let mut state = feed.state.borrow_mut();
                    Rc::make_mut(&mut state).good = Some(kept);
                    Rc::clone(&state)
                };
                notify(state);
            }
            feed
        }
    };
    Subscription { feed, id }
}

/// Starts the poller again of a feed kept after its last widget left: its planned poll
/// stays where it was (no request before it); without one (a request was under way, or
/// it waited for the page to show or the browser to come back online), as [`resume`]
/// plans, or at once when hidden or offline (that poll says so and waits).
fn take_over(feed: &Rc<Feed>) {
    let now = now_ms();
    match feed.resume_at.take() {
        _ if is_hidden() || is_offline() => poll(feed, false),
        Some(at) => arm(
            feed,
            u32::try_from(at.saturating_sub(now)).unwrap_or(0),
            now,
        ),
        None => resume(feed),
    }
}

/// Polls at the smallest `refresh` among the subscribers. When that changes the schedule
/// takes the new interval and keeps its backoff and its planned poll.
fn update_refresh(feed: &Feed) {
    let Some(smallest) = feed
        .subscribers
        .borrow()
        .iter()
        .map(|s| s.refresh_secs)
        .min()
    else {
        return;
    };
    let mut timing = feed.timing.get();
    if timing.refresh_secs != smallest {
        timing.refresh_secs = smallest;
        feed.timing.set(timing);
        feed.schedule.borrow_mut().set_refresh_secs(smallest);
    }
}

/// Applies `action` to the shared state and tells every subscriber.
fn apply(feed: &Feed, action: Action) {
    let previous_problem = feed.state.borrow().problem.clone();
    let saved = matches!(
        action,
        Action::FetchSucceeded { .. } | Action::NotModified { .. }
    );
    let state = {
        let mut state = feed.state.borrow_mut();
        Rc::make_mut(&mut state).apply(action);
        Rc::clone(&state)
    };
    if saved && state.problem.is_none() {
        if let Some(good) = &state.good {
            storage::save(&feed.key.0, good);
        }
    }
    // One console line when the feed starts failing (or fails differently), per feed.
    if state.problem != previous_problem {
        if let Some(problem) = &state.problem {
            console::warn(&format!("{}: {problem}", feed.key.0));
        }
    }
    let notify: Vec<Notify> = feed
        .subscribers
        .borrow()
        .iter()
        .map(|s| Rc::clone(&s.notify))
        .collect();
    for notify in notify {
        notify(Rc::clone(&state));
    }
}

/// Starts a fetch unless one is under way, the page is hidden or the browser offline.
/// The `first` poll of a feed reads the loader's prefetched request when there is one.
fn poll(feed: &Rc<Feed>, first: bool) {
    if feed.fetch.borrow().is_some() {
        return;
    }
    feed.timer.borrow_mut().take();
    feed.waiting.borrow_mut().take();
    if is_offline() {
        if feed.state.borrow().problem != Some(Problem::Offline) {
            apply(
                feed,
                Action::FetchFailed {
                    problem: Problem::Offline,
                    at_ms: now_ms(),
                },
            );
        }
        wait_for(feed, super::window_target(), "online");
        return;
    }
    if is_hidden() {
        wait_for(feed, super::document_target(), "visibilitychange");
        return;
    }
    apply(feed, Action::FetchStarted);
    if let Some(hook) = ON_EACH_POLL.with(Cell::get) {
        wasm_bindgen_futures::spawn_local(async move { hook() });
    }
    let weak = Rc::downgrade(feed);
    let done = move |result| {
        let Some(feed) = weak.upgrade() else {
            return;
        };
        feed.fetch.borrow_mut().take();
        // No answer while the browser says it is offline (its `offline` event did not come
        // first): that is the reader's network, not the feed failing, so no backoff step.
        // The poll finds the browser offline, says so and waits for `online`.
        if is_offline()
            && matches!(
                result,
                Err(FetchError::Network | FetchError::Timeout { .. })
            )
        {
            poll(&feed, false);
            return;
        }
        let at_ms = now_ms();
        let kept = feed.state.borrow().good.is_some();
        let (action, outcome) = read(result, feed.key.1, kept, at_ms);
        apply(&feed, action);
        plan_next(&feed, outcome, at_ms);
    };
    let limits = feed.timing.get().limits();
    let prefetched = first.then(|| take_prefetched(&feed.key.0)).flatten();
    let fetch = match prefetched {
        Some(prefetched) => Fetch::adopt(prefetched, limits, done),
        None => Fetch::start(&feed.key.0, limits, done),
    };
    *feed.fetch.borrow_mut() = Some(fetch);
    // Going offline during the request ends it at once (see `wait_for`).
    wait_for(feed, super::window_target(), "offline");
}

/// Waits for `kind` on `target` (the page shown again, the browser back online or gone
/// offline). While the page is hidden or the browser offline, polls at once: that poll
/// finds what is missing, says "offline" when it is, and waits for the event still
/// missing (back online while hidden, shown while offline). A request under way when the
/// browser goes offline is dropped first: no answer can come, and the feed did not fail.
/// Shown and online, [`resume`] plans the next poll (unless a request is under way: its
/// answer plans it); it runs just after this listener's call, as it replaces the listener.
fn wait_for(feed: &Rc<Feed>, target: Option<web_sys::EventTarget>, kind: &'static str) {
    let Some(target) = target else {
        return;
    };
    let weak = Rc::downgrade(feed);
    let listener = Listener::new(&target, kind, move |_| {
        let Some(feed) = weak.upgrade() else {
            return;
        };
        let weak = Rc::downgrade(&feed);
        if is_hidden() || is_offline() {
            if is_offline() {
                feed.fetch.borrow_mut().take();
            }
            let timer = Timer::once(0, move || {
                if let Some(feed) = weak.upgrade() {
                    poll(&feed, false);
                }
            });
            *feed.timer.borrow_mut() = Some(timer);
        } else if feed.fetch.borrow().is_none() {
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(feed) = weak.upgrade() {
                    resume(&feed);
                }
            });
        }
    });
    *feed.waiting.borrow_mut() = listener;
}

/// Plans the next poll of a page that is shown and online (again), as the schedule says:
/// at once when the data is older than the interval; back online, at once, because the
/// reader was told "offline"; never before a pending backoff or `Retry-After` runs out.
/// Back online, the state at once says again what it said before "offline" (the kept
/// status with its age, the feed's own problem; core's `Action::BackOnline`), not only
/// when that poll answers.
fn resume(feed: &Rc<Feed>) {
    let now = now_ms();
    let delay_ms = if feed.state.borrow().problem == Some(Problem::Offline) {
        Rc::make_mut(&mut feed.state.borrow_mut()).apply(Action::BackOnline);
        feed.schedule.borrow_mut().reconnect(now)
    } else {
        feed.schedule.borrow_mut().resume(now)
    };
    // `arm` tells the subscribers, the state above included.
    arm(feed, feed.timing.get().timer_ms(delay_ms), now);
}

/// What a fetch's result means: the action for the reducer and the outcome for the
/// schedule. `kept` says whether a snapshot is shown now, which a `304 Not Modified`
/// confirms.
fn read(
    result: Result<FetchedText, FetchError>,
    format: Option<Format>,
    kept: bool,
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
        // The browser turns a revalidated 304 into the cached 200; a bare 304 still
        // means "what you have is current".
        Err(FetchError::Http { status: 304, .. }) if kept => {
            (Action::NotModified { at_ms }, Outcome::NotModified)
        }
        Err(FetchError::Http { status: 304, .. }) => (
            Action::FetchFailed {
                problem: Problem::Http(304),
                at_ms,
            },
            failed(Some(304), None),
        ),
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

fn plan_next(feed: &Rc<Feed>, outcome: Outcome, now: i64) {
    let timing = feed.timing.get();
    let delay_ms = match timing.fixed_ms {
        Some(ms) => ms,
        None => {
            let plan = feed.schedule.borrow_mut().plan(
                outcome,
                now,
                timing.hooks.jitter.unwrap_or_else(js_sys::Math::random),
            );
            match plan {
                Plan::After { delay_ms } => timing.timer_ms(delay_ms),
                // Never planned: this poller reports neither a hidden page nor offline.
                Plan::WhenVisible | Plan::WhenOnline => return,
            }
        }
    };
    arm(feed, delay_ms, now);
}

/// Plans the next poll of `feed` in `delay_ms` from `now`, replacing any planned one.
/// Until then, a browser that goes offline is told so at once (the `offline` event plans
/// a poll now, which finds it offline, says so and waits for `online`), not only when
/// the planned poll comes, up to the whole interval later.
fn arm(feed: &Rc<Feed>, delay_ms: u32, now: i64) {
    let weak: Weak<Feed> = Rc::downgrade(feed);
    let timer = Timer::once(delay_ms, move || {
        if let Some(feed) = weak.upgrade() {
            poll(&feed, false);
        }
    });
    *feed.timer.borrow_mut() = Some(timer);
    wait_for(feed, super::window_target(), "offline");
    apply(
        feed,
        Action::Scheduled {
            at_ms: now.saturating_add(i64::from(delay_ms)),
        },
    );
}
