//! The clock and the reader's time zone, read from the browser.

use crate::core::time::ZoneOffset;

/// Now, UTC milliseconds since the Unix epoch.
pub(crate) fn now_ms() -> i64 {
    // `Date.now()` is a whole number of milliseconds well inside i64.
    js_sys::Date::now() as i64
}

/// The browser's local time zone, through `Date.prototype.getTimezoneOffset`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct BrowserZone;

impl ZoneOffset for BrowserZone {
    fn offset_minutes(&self, at_ms: i64) -> i32 {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms as f64));
        // JS counts minutes WEST of UTC (UTC+1 gives -60); core counts east.
        let west = date.get_timezone_offset();
        if west.is_finite() {
            -(west as i32)
        } else {
            0
        }
    }
}
