//! The clock and the reader's time zone, read from the browser.

use crate::core::time::ZoneOffset;

/// The latest time a JS `Date` can hold, milliseconds after the epoch.
const MAX_DATE_MS: f64 = 8.64e15;

/// The largest time zone offset taken from the browser, minutes.
const MAX_OFFSET_MINUTES: f64 = 1440.0;

/// Now, UTC milliseconds since the Unix epoch.
pub(crate) fn now_ms() -> i64 {
    // `Date.now()` is a whole number of milliseconds well inside i64; a page may replace
    // it, so anything outside the range of a JS date is clamped to it (NaN becomes 0).
    js_sys::Date::now().clamp(0.0, MAX_DATE_MS) as i64
}

/// The browser's local time zone, through `Date.prototype.getTimezoneOffset`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct BrowserZone;

impl ZoneOffset for BrowserZone {
    fn offset_minutes(&self, at_ms: i64) -> i32 {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms as f64));
        // JS counts minutes WEST of UTC (UTC+1 gives -60); core counts east.
        let west = date.get_timezone_offset();
        // A page may replace the method: no real zone is a day or more from UTC.
        if west.is_finite() {
            -(west.clamp(-MAX_OFFSET_MINUTES, MAX_OFFSET_MINUTES) as i32)
        } else {
            0
        }
    }
}
