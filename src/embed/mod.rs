//! Where the page meets the widget: the functions the loader (`js/loader.js`) calls to
//! mount a widget into an element, and the handle that owns its lifetime.
//!
//! Mounting validates the settings first: a mistake leaves the element's fallback
//! children on show and logs one `[telltale]` warning naming the attribute, and the page
//! gets an inert handle. Nothing here throws into the page: every failure is a value.
//! (Release builds abort on panic, so one widget's bug would stop them all; the code is
//! written so that no input reaches a panic, and each widget's errors stay its own.)

mod mount;
mod options;

use wasm_bindgen::prelude::*;

use crate::web;
use mount::{Registration, Source};

/// A running widget, or an inert one when it could not start. Freeing the handle leaves
/// the widget running; `unmount()` stops it.
#[wasm_bindgen]
pub struct WidgetHandle {
    widget: Option<Registration>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Polls the feed now.
    pub fn refresh(&self) {
        if let Some(widget) = &self.widget {
            widget.refresh();
        }
    }

    /// Stops the widget (timers, fetches, listeners) and shows the fallback again.
    pub fn unmount(&self) {
        if let Some(widget) = &self.widget {
            widget.unmount();
        }
    }
}

/// Mounts a widget into `element` configured by `options` (the plain object of
/// `Telltale.mount`). `test_refresh_ms` replaces the poll interval (tests only, ≥ 50).
/// `take_prefetch` is the loader's `take(url)` for the feed requests it started early.
#[wasm_bindgen]
pub fn mount_options(
    element: JsValue,
    options: JsValue,
    test_refresh_ms: Option<u32>,
    take_prefetch: JsValue,
) -> WidgetHandle {
    web::hub::use_prefetches(take_prefetch);
    handle(mount::mount(
        element,
        Source::Options(options),
        test_refresh_ms,
    ))
}

/// Mounts a widget into a `<telltale-status>` element configured by its attributes.
/// `take_prefetch` is the loader's `take(url)` for the feed requests it started early.
#[wasm_bindgen]
pub fn mount_element(
    element: JsValue,
    test_refresh_ms: Option<u32>,
    take_prefetch: JsValue,
) -> WidgetHandle {
    web::hub::use_prefetches(take_prefetch);
    handle(mount::mount(element, Source::Attributes, test_refresh_ms))
}

fn handle(started: Result<Registration, options::MountError>) -> WidgetHandle {
    match started {
        Ok(widget) => WidgetHandle {
            widget: Some(widget),
        },
        Err(error) => {
            web::warn(&error.to_string());
            WidgetHandle { widget: None }
        }
    }
}
