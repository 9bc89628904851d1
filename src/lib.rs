//! Telltale: an embeddable service-status widget.
//!
//! # Architecture
//!
//! Data flows one way through four layers:
//!
//! ```text
//!  web::fetch (text, headers) → core::feed::parse → core::model::Snapshot
//!    → core::state (loading / live / stale / unavailable), shared per feed by web::hub
//!    → core::view (badge & panel view-models)
//!    → ui (Yew components; props are view-models) → shadow root
//!  embed: custom element + JS API + config → starts the above, owns its lifetime
//! ```
//!
//! - [`core`] is pure Rust with no platform dependency and no clock: time comes in as an
//!   argument (`now_ms`). It builds and is tested natively with `cargo test`.
//! - `web` (wasm32 only) owns every browser resource; each is a value whose `Drop` releases it.
//!   Its `hub` runs one poller per feed (URL and `format`) per page: it plans each poll with
//!   [`core::schedule`] (jitter, backoff, `Retry-After`), pauses while the page is hidden or
//!   offline, keeps the last good snapshot in `localStorage`, folds results into
//!   [`core::state::FeedState`] and hands it to every widget that shows that feed.
//! - `ui` (wasm32 only) renders view-models and reports user intent through callbacks.
//! - `embed` (wasm32 only) is where the page meets the widget: mounting from a
//!   `<telltale-status>` element's attributes or `Telltale.mount`'s options, and the handle
//!   that owns the widget's lifetime. The element and the `Telltale` global themselves are
//!   defined by the loader (`js/loader.js`); `web::event` dispatches `telltale:change`.
//!
//! The native binary `telltale` (`src/bin/telltale.rs`) checks feeds from the command line.

pub mod core;

#[cfg(target_arch = "wasm32")]
mod embed;
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod page;
#[cfg(target_arch = "wasm32")]
mod ui;
#[cfg(target_arch = "wasm32")]
mod web;

/// The allocator of the wasm: Talc instead of the standard library's dlmalloc. It is
/// smaller (2.5 kB brotli less in `dist/`, measured 2026-11-21) and its wasm build grows
/// linear memory page by page, as dlmalloc did. The widget is single-threaded, which is
/// what `TalcSyncCell` assumes (no `atomics` target feature).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
