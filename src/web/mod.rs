//! The browser boundary: every browser resource the widget uses (fetch, timers, the
//! clock, the page's language and visibility, the console, DOM events and listeners,
//! `localStorage`) behind small Rust values, and the per-page [`hub`] that polls each feed
//! once for all the widgets showing it.
//!
//! With `embed`, which reads what the page passes in, this is the only layer that sees
//! `JsValue`. Each resource is owned by a value whose `Drop` releases it (a [`Timer`]
//! clears itself, a `Fetch` aborts itself, a [`Listener`] removes itself), and each live
//! one is counted in [`live`] so tests can prove that unmounting leaves nothing behind.

mod clock;
mod console;
mod event;
mod fetch;
mod hooks;
pub(crate) mod hub;
mod listen;
pub(crate) mod live;
mod page;
mod storage;
mod timer;

pub(crate) use clock::{now_ms, BrowserZone};
pub(crate) use console::{info, warn};
pub(crate) use event::dispatch_change;
pub(crate) use hooks::{test_hooks, TestHooks};
pub(crate) use listen::{key_is, Listener};
pub(crate) use page::{
    base_uri, document_target, focus_within, is_hidden, is_offline, page_languages, resolve_url,
    window_target,
};
pub(crate) use timer::Timer;
