//! The `telltale:change` DOM event, dispatched on the host element.

use crate::core::diff::Change;

/// The event's name: prefixed, so it cannot clash with the host's own events.
pub(crate) const CHANGE_EVENT: &str = "telltale:change";

/// Dispatches `telltale:change` on `target` (bubbling, composed, so it crosses shadow
/// roots) with `change` as a plain-object `detail`. Returns false when the browser refused.
pub(crate) fn dispatch_change(target: &web_sys::EventTarget, change: &Change) -> bool {
    // Plain objects with `null` for a missing previous state, as documented: the browser's
    // own JSON.parse builds them from core's JSON text.
    let Ok(detail) = js_sys::JSON::parse(&change.to_json().to_string()) else {
        return false;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    match web_sys::CustomEvent::new_with_event_init_dict(CHANGE_EVENT, &init) {
        Ok(event) => target.dispatch_event(&event).is_ok(),
        Err(_) => false,
    }
}
