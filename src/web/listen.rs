//! DOM event listeners as owned values: a [`Listener`] is removed when it is dropped.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::EventTarget;

use super::live::{Kind, Live};

/// Calls a callback with each `kind` event on a target until dropped.
#[must_use = "a Listener is removed when dropped"]
pub(crate) struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Closure<dyn Fn(&web_sys::Event)>,
    _live: Live,
}

impl Listener {
    /// Listens for `kind` on `target`; `None` when the browser refuses the listener.
    pub(crate) fn new(
        target: &EventTarget,
        kind: &'static str,
        callback: impl Fn(&web_sys::Event) + 'static,
    ) -> Option<Listener> {
        let closure = Closure::<dyn Fn(&web_sys::Event)>::new(callback);
        target
            .add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())
            .ok()?;
        Some(Listener {
            target: target.clone(),
            kind,
            closure,
            _live: Live::new(Kind::Listener),
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.closure.as_ref().unchecked_ref());
    }
}

/// True when `event` is a key event for `key` (`"Escape"`). Read as a property, not
/// through `KeyboardEvent`: a key event from another window's document (the widget moved
/// into a same-origin iframe) is no instance of this window's class, and a page's
/// synthetic `new Event("keydown")` has no `key` at all.
pub(crate) fn key_is(event: &web_sys::Event, key: &str) -> bool {
    js_sys::Reflect::get(event, &"key".into())
        .ok()
        .and_then(|value| value.as_string())
        .as_deref()
        == Some(key)
}
