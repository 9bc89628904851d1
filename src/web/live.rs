//! Counts of live browser resources, kept by the values that own them.
//!
//! The counts are what a leak test reads: after a widget unmounts, every timer and fetch it
//! started must be gone. They cost one integer update per resource.

use std::cell::Cell;

/// A kind of resource that is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A [`super::Timer`].
    Timer,
    /// A [`super::fetch::Fetch`] in flight.
    Fetch,
    /// A mounted widget.
    Widget,
    /// A [`super::Listener`].
    Listener,
}

thread_local! {
    static COUNTS: [Cell<u32>; 4] = const { [Cell::new(0), Cell::new(0), Cell::new(0), Cell::new(0)] };
}

fn index(kind: Kind) -> usize {
    match kind {
        Kind::Timer => 0,
        Kind::Fetch => 1,
        Kind::Widget => 2,
        Kind::Listener => 3,
    }
}

/// How many resources of `kind` are alive now.
pub(crate) fn count(kind: Kind) -> u32 {
    COUNTS.with(|c| c[index(kind)].get())
}

/// Counts one live resource for as long as it exists: hold it inside the owner.
#[derive(Debug)]
pub(crate) struct Live(Kind);

impl Live {
    /// Counts one more resource of `kind`.
    pub(crate) fn new(kind: Kind) -> Live {
        COUNTS.with(|c| {
            let cell = &c[index(kind)];
            cell.set(cell.get().saturating_add(1));
        });
        Live(kind)
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        COUNTS.with(|c| {
            let cell = &c[index(self.0)];
            cell.set(cell.get().saturating_sub(1));
        });
    }
}

/// The counts as a plain object `{ widgets, timers, fetches, listeners, wasm_memory_bytes }`
/// (the last is the size of the wasm linear memory, which only grows), for leak tests and
/// the soak benchmark.
pub(crate) fn counts_object() -> wasm_bindgen::JsValue {
    use wasm_bindgen::JsCast;
    let counts = js_sys::Object::new();
    for (name, kind) in [
        ("widgets", Kind::Widget),
        ("timers", Kind::Timer),
        ("fetches", Kind::Fetch),
        ("listeners", Kind::Listener),
    ] {
        let _ = js_sys::Reflect::set(&counts, &name.into(), &count(kind).into());
    }
    let memory_bytes = wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|memory| memory.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |buffer| f64::from(buffer.byte_length()));
    let _ = js_sys::Reflect::set(&counts, &"wasm_memory_bytes".into(), &memory_bytes.into());
    counts.into()
}
