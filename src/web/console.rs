//! Console output, always prefixed `[telltale]` so a partner can tell whose line it is.
//! A line the page's console refuses (a shim that throws) is dropped ([`crate::page`]).

use crate::page::{console_info, console_warn};

/// Logs an informational line.
pub(crate) fn info(message: &str) {
    let _ = console_info(&format!("[telltale] {message}"));
}

/// Logs a warning: something the partner should fix or know about.
pub(crate) fn warn(message: &str) {
    let _ = console_warn(&format!("[telltale] {message}"));
}
