//! The last good snapshot of each feed in `localStorage`, so a reload during an outage
//! shows what was known at once.
//!
//! Storage is optional: it may be blocked (the getter throws in sandboxed frames and with
//! cookies disabled), full (`setItem` throws), or cleared at any time. Every access is a
//! `Result` that is dropped on failure, and what is read back is validated by core like
//! any other input.

use crate::core::feed::Format;
use crate::core::state::{from_stored, storage_key, stored_json, Good};

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The snapshot kept for `feed_url`, if storage works and holds a valid one.
pub(crate) fn load(feed_url: &str, format: Option<Format>, now_ms: i64) -> Option<Good> {
    let text = storage()?.get_item(&storage_key(feed_url)).ok().flatten()?;
    from_stored(&text, format, now_ms)
}

/// Keeps `good` for `feed_url`; silently does nothing when storage is unusable.
pub(crate) fn save(feed_url: &str, good: &Good) {
    let Some(text) = stored_json(good) else {
        return;
    };
    if let Some(storage) = storage() {
        let _ = storage.set_item(&storage_key(feed_url), &text);
    }
}
