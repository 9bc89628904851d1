//! Where the page meets the widget: the functions the loader (`js/loader.js`) calls to
//! mount a widget into an element, and the handle that owns its lifetime.
//!
//! Mounting validates the settings first: a mistake leaves the element's fallback
//! children on show and logs one `[telltale]` warning naming the attribute, and the page
//! gets an inert handle. Nothing here throws into the page: every failure is a value.
//! (Release builds abort on panic, so one widget's bug would stop them all; the code is
//! written so that no input reaches a panic, and each widget's errors stay its own.)

mod options;

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::core::config::Config;
use crate::ui::{App, AppProps, Control};
use crate::web::{self, live};

pub(crate) use options::{config_from_element, config_from_options, negotiate_locale, MountError};

/// The smallest poll interval the test hook may ask for, milliseconds.
const MIN_TEST_REFRESH_MS: u32 = 50;

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// A running widget, or an inert one when it could not start.
#[wasm_bindgen]
pub struct WidgetHandle {
    mounted: Option<Mounted>,
}

struct Mounted {
    app: Option<yew::AppHandle<App>>,
    root: ShadowRoot,
    control: Control,
    _live: live::Live,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        restore_fallback(&self.root);
    }
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Polls the feed now.
    pub fn refresh(&self) {
        if let Some(mounted) = &self.mounted {
            mounted.control.refresh();
        }
    }

    /// Stops the widget (timers, fetches, listeners) and shows the fallback again.
    pub fn unmount(&mut self) {
        self.mounted = None;
    }

    /// True while the widget runs.
    #[wasm_bindgen(getter)]
    pub fn active(&self) -> bool {
        self.mounted.is_some()
    }
}

/// Mounts a widget into `element` configured by `options` (the plain object of
/// `Telltale.mount`). `test_refresh_ms` replaces the poll interval (tests only, ≥ 50).
#[wasm_bindgen]
pub fn mount_options(
    element: JsValue,
    options: JsValue,
    test_refresh_ms: Option<u32>,
) -> WidgetHandle {
    let started = as_element(element)
        .and_then(|element| Ok((config_from_options(&options)?, element)))
        .and_then(|(config, element)| start(&element, config, test_refresh_ms));
    handle(started)
}

/// Mounts a widget into a `<telltale-status>` element configured by its attributes.
#[wasm_bindgen]
pub fn mount_element(element: JsValue, test_refresh_ms: Option<u32>) -> WidgetHandle {
    let started = as_element(element).and_then(|element| match config_from_element(&element) {
        Ok(config) => start(&element, config, test_refresh_ms),
        Err(error) => {
            // A remount with a bad attribute: take the old rendering down, show the fallback.
            if let Some(root) = element.shadow_root() {
                restore_fallback(&root);
            }
            Err(error.into())
        }
    });
    handle(started)
}

/// Counts of live resources `{ widgets, timers, fetches }`, for leak tests.
#[wasm_bindgen]
pub fn live_resources() -> JsValue {
    let counts = js_sys::Object::new();
    for (name, kind) in [
        ("widgets", live::Kind::Widget),
        ("timers", live::Kind::Timer),
        ("fetches", live::Kind::Fetch),
    ] {
        let _ = js_sys::Reflect::set(&counts, &name.into(), &live::count(kind).into());
    }
    counts.into()
}

fn handle(started: Result<Mounted, MountError>) -> WidgetHandle {
    match started {
        Ok(mounted) => WidgetHandle {
            mounted: Some(mounted),
        },
        Err(error) => {
            web::warn(&error.to_string());
            WidgetHandle { mounted: None }
        }
    }
}

fn as_element(value: JsValue) -> Result<Element, MountError> {
    value.dyn_into::<Element>().map_err(|value| {
        let kind = value
            .js_typeof()
            .as_string()
            .unwrap_or_else(|| "a value".to_owned());
        MountError::NotAnElement(if value.is_null() {
            "null".to_owned()
        } else {
            kind
        })
    })
}

/// The element's open shadow root: the existing one (a shadow root can be attached once
/// per element) or a new one.
fn shadow_root(element: &Element) -> Result<ShadowRoot, MountError> {
    if let Some(root) = element.shadow_root() {
        return Ok(root);
    }
    element
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|_| MountError::NoShadowRoot(element.tag_name().to_lowercase()))
}

/// Empties `root` down to a `<slot>`, so the element's own children (the fallback) show.
fn restore_fallback(root: &ShadowRoot) {
    root.set_text_content(None);
    if let Some(slot) = root
        .owner_document()
        .and_then(|document| document.create_element("slot").ok())
    {
        let _ = root.append_child(&slot);
    }
}

fn start(
    element: &Element,
    config: Config,
    test_refresh_ms: Option<u32>,
) -> Result<Mounted, MountError> {
    let root = shadow_root(element)?;
    let document = root
        .owner_document()
        .ok_or_else(|| MountError::NoShadowRoot(element.tag_name().to_lowercase()))?;
    let container = document
        .create_element("div")
        .map_err(|_| MountError::NoShadowRoot(element.tag_name().to_lowercase()))?;
    root.set_text_content(None);
    let _ = root.append_child(&container);

    let interval_ms = test_refresh_ms
        .filter(|ms| *ms >= MIN_TEST_REFRESH_MS)
        .unwrap_or_else(|| config.refresh_secs.saturating_mul(1000));
    let id = NEXT_ID.with(|next| {
        let id = next.get();
        next.set(id.wrapping_add(1));
        id
    });
    let control = Control::default();
    let props = AppProps {
        locale: negotiate_locale(&config),
        config: Rc::new(config),
        interval_ms,
        poll: true,
        initial: None,
        host: Some(element.clone().into()),
        control: control.clone(),
        panel_id: format!("telltale-panel-{id}").into(),
    };
    let app = yew::Renderer::<App>::with_root_and_props(container, props).render();
    Ok(Mounted {
        app: Some(app),
        root,
        control,
        _live: live::Live::new(live::Kind::Widget),
    })
}
