//! The test hook `Telltale.__test`: settings our own tests set before widgets start to
//! shorten time. A partner's page never sets it (it is undocumented, and every value is
//! checked and bounded), so it cannot change a real widget's behaviour by accident.
//!
//! `{ refreshMs, timeScale, jitter, timeoutMs, capBytes }`: `refreshMs` is read by the
//! loader and passed to mount; the others are read here, when a widget starts. On such a
//! page the widget also adds `Telltale.__test.stats()`, the live resource counts.

use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

thread_local! {
    static STATS_INSTALLED: Cell<bool> = const { Cell::new(false) };
}

/// Gives a test page `Telltale.__test.stats()`: the live resource counts
/// (`web::live::counts_object`). Installed once, and only where the page set the hook
/// object, so a partner's page never gains it.
fn install_stats(hooks: &JsValue) {
    if STATS_INSTALLED.with(Cell::get) {
        return;
    }
    STATS_INSTALLED.with(|installed| installed.set(true));
    // Lives as long as the page: one small closure, on test pages only.
    let stats = Closure::<dyn Fn() -> JsValue>::new(super::live::counts_object).into_js_value();
    let _ = js_sys::Reflect::set(hooks, &JsValue::from_str("stats"), &stats);
}

/// The test settings in force; all `None` on a normal page.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct TestHooks {
    /// Multiplies every planned delay (interval, backoff, `Retry-After`, resume), the age
    /// at which data is stale and the ticker that re-checks it, in `(0, 1]`.
    pub time_scale: Option<f64>,
    /// Replaces `Math.random()` in the schedule, in `[0, 1]`, so delays are exact.
    pub jitter: Option<f64>,
    /// The request timeout, milliseconds (50 ..= 10 000).
    pub timeout_ms: Option<u32>,
    /// The body cap, bytes (1 ..= 2 MB).
    pub cap_bytes: Option<u64>,
}

impl TestHooks {
    /// `ms` multiplied by the time scale, when a test set one.
    pub(crate) fn scaled_ms(&self, ms: u64) -> u64 {
        match self.time_scale {
            Some(scale) => (ms as f64 * scale).round() as u64,
            None => ms,
        }
    }
}

fn number(object: &JsValue, name: &str) -> Option<f64> {
    js_sys::Reflect::get(object, &JsValue::from_str(name))
        .ok()?
        .as_f64()
        .filter(|n| n.is_finite())
}

/// Reads `window.Telltale.__test`.
pub(crate) fn test_hooks() -> TestHooks {
    let Some(window) = web_sys::window() else {
        return TestHooks::default();
    };
    let hooks = js_sys::Reflect::get(&window, &JsValue::from_str("Telltale"))
        .ok()
        .filter(|t| t.is_object())
        .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("__test")).ok())
        .filter(JsValue::is_object);
    let Some(hooks) = hooks else {
        return TestHooks::default();
    };
    install_stats(&hooks);
    TestHooks {
        time_scale: number(&hooks, "timeScale").filter(|s| *s > 0.0 && *s <= 1.0),
        jitter: number(&hooks, "jitter").filter(|j| (0.0..=1.0).contains(j)),
        timeout_ms: number(&hooks, "timeoutMs")
            .filter(|ms| (50.0..=10_000.0).contains(ms))
            .map(|ms| ms as u32),
        cap_bytes: number(&hooks, "capBytes")
            .filter(|b| (1.0..=super::fetch::BODY_CAP_BYTES as f64).contains(b))
            .map(|b| b as u64),
    }
}
