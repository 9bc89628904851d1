//! Starting and stopping one widget: validate the settings, take the element's shadow
//! root, render the Yew app into it, and give everything back on drop.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

use super::options::{config_from_element, config_from_options, negotiate_locale, MountError};
use crate::core::config::Config;
use crate::ui::{App, AppProps, Control};
use crate::web::live;

/// The smallest poll interval the test hook may ask for, milliseconds.
pub(crate) const MIN_TEST_REFRESH_MS: u32 = 50;

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// Where a widget's settings come from.
pub(crate) enum Source {
    /// The plain object given to `Telltale.mount`.
    Options(JsValue),
    /// The element's own attributes (`<telltale-status>`).
    Attributes,
}

/// A running widget. Dropping it destroys the app (its timers, fetches and listeners go
/// with its hooks) and empties the shadow root back to a `<slot>`, so the fallback shows.
pub(crate) struct Mounted {
    app: Option<yew::AppHandle<App>>,
    root: ShadowRoot,
    control: Control,
    _live: live::Live,
}

impl Mounted {
    /// Asks the widget to poll now.
    pub(crate) fn refresh(&self) {
        self.control.refresh();
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        restore_fallback(&self.root);
    }
}

/// Mounts a widget into `element` with settings from `source`. On a settings error the
/// element keeps (or gets back) its fallback and nothing is rendered.
pub(crate) fn mount(
    element: JsValue,
    source: Source,
    test_refresh_ms: Option<u32>,
) -> Result<Mounted, MountError> {
    let element = as_element(element)?;
    let config = match &source {
        Source::Options(options) => config_from_options(options),
        Source::Attributes => config_from_element(&element).map_err(MountError::from),
    };
    match config {
        Ok(config) => start(&element, config, test_refresh_ms),
        Err(error) => {
            // A remount with a bad setting: take the old rendering down, show the fallback.
            if let Some(root) = element.shadow_root() {
                restore_fallback(&root);
            }
            Err(error)
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

pub(crate) fn start(
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
