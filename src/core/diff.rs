//! What changed between two polls, for the `telltale:change` event.

use std::collections::HashMap;

use crate::core::json::{Json, Object};
use crate::core::model::{positions, Level, Snapshot};

/// The states an embed shows, as last observed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Observed {
    /// The overall state.
    pub overall: Level,
    /// `(id, name, state)` of each shown component, in feed order.
    pub components: Vec<(String, String, Level)>,
}

/// One component in a [`Change`].
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The overall state now.
    pub overall: Level,
    /// The overall state before; `None` on the first live state.
    pub previous: Option<Level>,
    /// Every shown component with its state now and before.
    pub components: Vec<ComponentChange>,
}

impl Change {
    /// The event's `detail` as JSON, `null` where there is no previous state.
    pub fn to_json(&self) -> Json {
        let level_or_null = |level: Option<Level>| level.map_or(Json::Null, |l| l.as_str().into());
        let components = self.components.iter().map(|c| {
            Object::new()
                .with("id", c.id.as_str())
                .with("name", c.name.as_str())
                .with("state", c.state.as_str())
                .with("previous", level_or_null(c.previous))
        });
        Object::new()
            .with("overall", self.overall.as_str())
            .with("previous", level_or_null(self.previous))
            .with("components", components.collect::<Vec<_>>())
            .into()
    }
}

/// What an embed shows of `snapshot` (already filtered) at `now_ms`: the overall state and
/// every component of the filtered snapshot, including `only_show_if_degraded` ones while
/// hidden, so a component that starts to show is reported with its real previous state.
pub fn observe(snapshot: &Snapshot, now_ms: i64) -> Observed {
    Observed {
        overall: snapshot.overall(now_ms),
        components: snapshot
            .components
            .iter()
            .map(|c| (c.id.clone(), c.name.clone(), c.level))
            .collect(),
    }
}

/// The change from `before` to `after`, or `None` when nothing shown changed.
///
/// The first observation (`before` is `None`) is always a change, with every `previous`
/// `None`. Afterwards a change is reported when the overall state, a component's state,
/// or the set of components differs; a renamed component alone is not a change.
pub fn diff(before: Option<&Observed>, after: &Observed) -> Option<Change> {
    if let Some(before) = before {
        let same_states =
            before.overall == after.overall
                && before.components.len() == after.components.len()
                && before.components.iter().zip(&after.components).all(
                    |((id_a, _, level_a), (id_b, _, level_b))| id_a == id_b && level_a == level_b,
                );
        if same_states {
            return None;
        }
    }
    // Where each component was before, by id: a feed with thousands of services must not
    // make a change quadratic.
    let before_at: HashMap<String, usize> = before
        .map(|b| positions(&mut b.components.iter().map(|(id, _, _)| id)))
        .unwrap_or_default();
    let previous_of = |id: &str| {
        let at = *before_at.get(id)?;
        before?.components.get(at).map(|(_, _, level)| *level)
    };
    Some(Change {
        overall: after.overall,
        previous: before.map(|b| b.overall),
        components: after
            .components
            .iter()
            .map(|(id, name, state)| ComponentChange {
                id: id.clone(),
                name: name.clone(),
                state: *state,
                previous: previous_of(id),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{sample, Component, Incident, IncidentStatus};

    fn component(id: &str, level: Level) -> Component {
        sample::component(id, &id.to_uppercase(), level, None)
    }

    fn observed(overall: Level, components: &[(&str, Level)]) -> Observed {
        Observed {
            overall,
            components: components
                .iter()
                .map(|(id, level)| ((*id).into(), id.to_uppercase(), *level))
                .collect(),
        }
    }

    #[test]
    fn observe_takes_overall_from_incidents_too() {
        let snapshot = Snapshot {
            components: vec![component("a", Level::Operational)],
            incidents: vec![Incident {
                title: "t".into(),
                ..sample::incident("i", Level::MajorOutage, IncidentStatus::Investigating, &[])
            }],
            ..Snapshot::default()
        };
        let seen = observe(&snapshot, 0);
        assert_eq!(
            seen,
            observed(Level::MajorOutage, &[("a", Level::Operational)])
        );
    }

    #[test]
    fn diff_first_observation_has_no_previous() {
        let after = observed(Level::Degraded, &[("a", Level::Degraded)]);
        let change = diff(None, &after);
        assert_eq!(
            change,
            Some(Change {
                overall: Level::Degraded,
                previous: None,
                components: vec![ComponentChange {
                    id: "a".into(),
                    name: "A".into(),
                    state: Level::Degraded,
                    previous: None,
                }],
            })
        );
    }

    #[test]
    fn diff_identical_poll_is_none() {
        let seen = observed(Level::Operational, &[("a", Level::Operational)]);
        assert_eq!(diff(Some(&seen), &seen.clone()), None);
    }

    #[test]
    fn diff_renamed_component_alone_is_none() {
        let before = observed(Level::Operational, &[("a", Level::Operational)]);
        let mut after = before.clone();
        after.components[0].1 = "Renamed".into();
        assert_eq!(diff(Some(&before), &after), None);
    }

    #[test]
    fn diff_component_change_reports_old_and_new() {
        let before = observed(
            Level::Operational,
            &[("a", Level::Operational), ("b", Level::Operational)],
        );
        let after = observed(
            Level::PartialOutage,
            &[("a", Level::Operational), ("b", Level::PartialOutage)],
        );
        let change = diff(Some(&before), &after).unwrap_or_else(|| panic!("no change"));
        assert_eq!(change.overall, Level::PartialOutage);
        assert_eq!(change.previous, Some(Level::Operational));
        let states: Vec<_> = change
            .components
            .iter()
            .map(|c| (c.id.as_str(), c.state, c.previous))
            .collect();
        assert_eq!(
            states,
            [
                ("a", Level::Operational, Some(Level::Operational)),
                ("b", Level::PartialOutage, Some(Level::Operational)),
            ]
        );
    }

    #[test]
    fn diff_overall_change_alone_is_reported() {
        let before = observed(Level::Operational, &[("a", Level::Operational)]);
        let after = observed(Level::Maintenance, &[("a", Level::Operational)]);
        let change = diff(Some(&before), &after).map(|c| (c.overall, c.previous));
        assert_eq!(change, Some((Level::Maintenance, Some(Level::Operational))));
    }

    #[test]
    fn diff_new_component_has_no_previous() {
        let before = observed(Level::Operational, &[("a", Level::Operational)]);
        let after = observed(
            Level::Operational,
            &[("a", Level::Operational), ("b", Level::Operational)],
        );
        let change = diff(Some(&before), &after).unwrap_or_else(|| panic!("no change"));
        assert_eq!(change.components[1].previous, None);
    }

    #[test]
    fn diff_component_replaced_by_another_in_the_same_state_is_reported() {
        // The same number of components, every state the same: only the set changed.
        let before = observed(
            Level::Operational,
            &[("a", Level::Operational), ("b", Level::Operational)],
        );
        let after = observed(
            Level::Operational,
            &[("a", Level::Operational), ("c", Level::Operational)],
        );
        let change = diff(Some(&before), &after).unwrap_or_else(|| panic!("no change"));
        let seen: Vec<_> = change
            .components
            .iter()
            .map(|c| (c.id.as_str(), c.previous))
            .collect();
        assert_eq!(seen, [("a", Some(Level::Operational)), ("c", None)]);
    }

    #[test]
    fn diff_serializes_as_the_event_detail() {
        let before = observed(Level::Operational, &[("a", Level::Operational)]);
        let after = observed(Level::MajorOutage, &[("a", Level::MajorOutage)]);
        let json = diff(Some(&before), &after).map(|c| c.to_json().to_string());
        assert_eq!(
            json.as_deref(),
            Some(
                r#"{"overall":"major_outage","previous":"operational","components":[{"id":"a","name":"A","state":"major_outage","previous":"operational"}]}"#
            )
        );
        let first = diff(None, &after).map(|c| c.to_json().to_string());
        assert_eq!(
            first.as_deref(),
            Some(
                r#"{"overall":"major_outage","previous":null,"components":[{"id":"a","name":"A","state":"major_outage","previous":null}]}"#
            )
        );
    }
}
