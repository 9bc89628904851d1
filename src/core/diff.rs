//! What changed between two polls, for the `telltale:change` event.

use serde::Serialize;

use crate::core::model::{Level, Snapshot};

/// The states an embed shows, as last observed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Observed {
    /// The overall state.
    pub overall: Level,
    /// `(id, name, state)` of each shown component, in feed order.
    pub components: Vec<(String, String, Level)>,
}

/// One component in a [`Change`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ComponentChange {
    /// Component id.
    pub id: String,
    /// Component name.
    pub name: String,
    /// Its state now.
    pub state: Level,
    /// Its state before, `None` when it was not shown before.
    pub previous: Option<Level>,
}

/// The `detail` of a `telltale:change` event:
/// `{ overall, previous, components: [{ id, name, state, previous }] }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The overall state now.
    pub overall: Level,
    /// The overall state before; `None` on the first live state.
    pub previous: Option<Level>,
    /// Every shown component with its state now and before.
    pub components: Vec<ComponentChange>,
}

/// What an embed shows of `snapshot` (already filtered) at `now_ms`.
pub fn observe(snapshot: &Snapshot, now_ms: i64) -> Observed {
    let _ = (snapshot, now_ms);
    Observed::default()
}

/// The change from `before` to `after`, or `None` when nothing shown changed.
pub fn diff(before: Option<&Observed>, after: &Observed) -> Option<Change> {
    let _ = (before, after);
    None
}
