//! Console output, always prefixed `[telltale]` so a partner can tell whose line it is.

/// Logs an informational line.
pub(crate) fn info(message: &str) {
    web_sys::console::info_1(&format!("[telltale] {message}").into());
}

/// Logs a warning: something the partner should fix or know about.
pub(crate) fn warn(message: &str) {
    web_sys::console::warn_1(&format!("[telltale] {message}").into());
}
