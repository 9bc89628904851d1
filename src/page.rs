//! The page's own functions the widget calls through bindings that catch (`catch`): a page
//! may replace them with functions that throw (a consent manager's `fetch` wrapper, a
//! logging shim), and an exception thrown through the widget's code would leave it, and
//! every widget of the page, half-way through an update.
//!
//! They live here, outside `web`, because the browser tests compile `web` a second time
//! from its sources: declared there, each binding would be linked twice.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The page's `console.info`.
    #[wasm_bindgen(catch, js_namespace = console, js_name = info)]
    pub fn console_info(message: &str) -> Result<(), JsValue>;

    /// The page's `console.warn`.
    #[wasm_bindgen(catch, js_namespace = console, js_name = warn)]
    pub fn console_warn(message: &str) -> Result<(), JsValue>;

    /// The page's `fetch(input, init)`.
    #[wasm_bindgen(catch, js_name = fetch)]
    pub fn fetch(input: &str, init: &web_sys::RequestInit) -> Result<JsValue, JsValue>;
}
