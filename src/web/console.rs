//! Console output, always prefixed `[telltale]` so a partner can tell whose line it is.
//!
//! The page's own `console.info` and `console.warn` are called through bindings that
//! catch: a page may replace them (a logging shim) with functions that throw, and an
//! exception thrown through the widget's code would leave it, and every widget of the
//! page, half-way through an update. A line the page's console refuses is dropped.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = console, js_name = info)]
    fn console_info(message: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = console, js_name = warn)]
    fn console_warn(message: &str) -> Result<(), JsValue>;
}

/// Logs an informational line.
pub(crate) fn info(message: &str) {
    let _ = console_info(&format!("[telltale] {message}"));
}

/// Logs a warning: something the partner should fix or know about.
pub(crate) fn warn(message: &str) {
    let _ = console_warn(&format!("[telltale] {message}"));
}
