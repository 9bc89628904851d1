//! Atlassian Statuspage v2: `summary.json`, and `status.json`, `components.json`,
//! `incidents.json` and `scheduled-maintenances.json` on their own.
//!
//! Every one of these documents carries `page`; they differ only in which of `status`,
//! `components`, `incidents` and `scheduled_maintenances` they add, so one reader takes
//! them all. Each list item is read on its own: an item of the wrong shape is skipped with
//! a warning instead of losing the whole feed. `status.indicator` is read only from a
//! document without components (`status.json` on its own): it follows component states
//! only, so beside them it would hide a declared incident (see [`Snapshot::overall`]).

use std::collections::{HashMap, HashSet};

use super::text::{clean, clean_body, list, tidy, web_link};
use super::{showable_time, Warning};
use crate::core::json::{Json, Object};
use crate::core::model::{
    newest_first, sort_by_rank, Component, Group, Incident, IncidentStatus, Level, Maintenance,
    MaintenanceStatus, Page, Snapshot, Update,
};
use crate::core::time::parse_rfc3339;

// The raw items borrow from the document. Each reader takes only the members Telltale
// uses; a member of the wrong type makes the item unreadable (it is skipped with a
// warning), unknown members are ignored.

struct RawPage<'a> {
    name: Option<&'a str>,
    url: Option<&'a str>,
    updated_at: Option<&'a str>,
}

impl<'a> RawPage<'a> {
    fn read(object: &'a Object) -> Result<Self, String> {
        Ok(RawPage {
            name: object.opt_str("name")?,
            url: object.opt_str("url")?,
            updated_at: object.opt_str("updated_at")?,
        })
    }
}

struct RawComponent<'a> {
    id: Option<&'a str>,
    name: Option<&'a str>,
    status: Option<&'a str>,
    description: Option<&'a str>,
    group: Option<bool>,
    group_id: Option<&'a str>,
    only_show_if_degraded: Option<bool>,
    /// On a group: the ids of its members.
    components: Option<Vec<String>>,
}

impl<'a> RawComponent<'a> {
    fn read(object: &'a Object) -> Result<Self, String> {
        Ok(RawComponent {
            id: object.opt_str("id")?,
            name: object.opt_str("name")?,
            status: object.opt_str("status")?,
            description: object.opt_str("description")?,
            group: object.opt_bool("group")?,
            group_id: object.opt_str("group_id")?,
            only_show_if_degraded: object.opt_bool("only_show_if_degraded")?,
            components: object.opt_strings("components")?,
        })
    }
}

struct RawIncident<'a> {
    id: Option<&'a str>,
    name: Option<&'a str>,
    status: Option<&'a str>,
    impact: Option<&'a str>,
    created_at: Option<&'a str>,
    started_at: Option<&'a str>,
    resolved_at: Option<&'a str>,
    shortlink: Option<&'a str>,
    scheduled_for: Option<&'a str>,
    scheduled_until: Option<&'a str>,
    incident_updates: Option<&'a [Json]>,
    /// The components the incident names, as component objects (only `id` is read).
    components: Option<&'a [Json]>,
}

impl<'a> RawIncident<'a> {
    fn read(object: &'a Object) -> Result<Self, String> {
        Ok(RawIncident {
            id: object.opt_str("id")?,
            name: object.opt_str("name")?,
            status: object.opt_str("status")?,
            impact: object.opt_str("impact")?,
            created_at: object.opt_str("created_at")?,
            started_at: object.opt_str("started_at")?,
            resolved_at: object.opt_str("resolved_at")?,
            shortlink: object.opt_str("shortlink")?,
            scheduled_for: object.opt_str("scheduled_for")?,
            scheduled_until: object.opt_str("scheduled_until")?,
            incident_updates: object.opt_array("incident_updates")?,
            components: object.opt_array("components")?,
        })
    }
}

struct RawUpdate<'a> {
    status: Option<&'a str>,
    body: Option<&'a str>,
    display_at: Option<&'a str>,
    created_at: Option<&'a str>,
    affected_components: Option<&'a [Json]>,
}

impl<'a> RawUpdate<'a> {
    fn read(object: &'a Object) -> Result<Self, String> {
        Ok(RawUpdate {
            status: object.opt_str("status")?,
            body: object.opt_str("body")?,
            display_at: object.opt_str("display_at")?,
            created_at: object.opt_str("created_at")?,
            affected_components: object.opt_array("affected_components")?,
        })
    }
}

/// Reads a Statuspage document into the model. `Err` carries the reason it is not one.
pub(crate) fn normalize(value: &Json, warnings: &mut Vec<Warning>) -> Result<Snapshot, String> {
    let Some(object) = value.as_object() else {
        return Err(format!(
            "the document is {}, expected an object with `page`",
            value.kind()
        ));
    };
    let parts = [
        "page",
        "status",
        "components",
        "incidents",
        "scheduled_maintenances",
    ];
    if !parts.iter().any(|k| object.contains_key(k)) {
        return Err("expected `page` with `components`, `incidents`, \
             `scheduled_maintenances` or `status`; found none of them"
            .to_owned());
    }
    let page = match object.get("page") {
        None | Some(Json::Null) => Page::default(),
        Some(Json::Object(page)) => {
            let page = RawPage::read(page).map_err(|e| format!("`page`: {e}"))?;
            Page {
                name: clean(page.name),
                url: web_link(page.url, "page", warnings),
                updated_at_ms: time(page.updated_at, "page updated_at", warnings),
                announcement: None,
            }
        }
        Some(other) => return Err(format!("`page` is {}, expected an object", other.kind())),
    };

    let mut snapshot = Snapshot {
        page,
        ..Snapshot::default()
    };
    read_components(
        list(object.get("components"), "components")?,
        &mut snapshot,
        warnings,
    );
    // `incidents.json` and `scheduled-maintenances.json` on their own have no component
    // to look ids up in: their events name what they affect by the names they carry
    // beside the ids.
    let by = if snapshot.names_affected_directly() {
        NamedBy::Name
    } else {
        NamedBy::Id
    };
    for (index, item) in list(object.get("incidents"), "incidents")?
        .iter()
        .enumerate()
    {
        match read_incident(item, &format!("incidents[{index}]"), by, warnings) {
            Some(Event::Incident(incident)) => snapshot.incidents.push(incident),
            Some(Event::Maintenance(maintenance)) => snapshot.maintenances.push(maintenance),
            None => {}
        }
    }
    let maintenances = list(
        object.get("scheduled_maintenances"),
        "scheduled_maintenances",
    )?;
    for (index, item) in maintenances.iter().enumerate() {
        let at = format!("scheduled_maintenances[{index}]");
        if let Some(raw) = item_of(item, RawIncident::read, &at, warnings) {
            snapshot
                .maintenances
                .push(maintenance_of(raw, &at, by, warnings));
        }
    }
    sort_by_rank(&mut snapshot.incidents, |i| newest_first(i.started_at_ms));
    snapshot.incidents_unlisted = !object.contains_key("incidents");
    snapshot.maintenances_unlisted = !object.contains_key("scheduled_maintenances");
    // With no component, the indicator cannot be hiding anything behind them: it is the
    // page's word (status.json alone, or a summary whose component list is empty).
    if snapshot.components.is_empty() {
        snapshot.declared = declared_level(object.get("status"), warnings);
    }
    Ok(snapshot)
}

/// The page-wide level of `status.indicator`, for a document that lists no component
/// (`status.json` on its own, or a page without components). Statuspage derives the
/// indicator from its worst component: degraded performance is `minor`, a partial outage
/// `major`, a major outage `critical`.
fn declared_level(status: Option<&Json>, warnings: &mut Vec<Warning>) -> Option<Level> {
    let indicator = status?.as_object()?.get("indicator")?.as_str()?;
    let level = impact_level(indicator);
    if level.is_none() {
        warning!(
            warnings,
            "status indicator \"{indicator}\" is not none, minor, major, critical or \
             maintenance; ignored"
        );
    }
    level
}

/// The level of an incident's `impact` or the page's `status.indicator`, which use the
/// same words; `None` for any other word.
fn impact_level(word: &str) -> Option<Level> {
    Some(match word.trim().to_ascii_lowercase().as_str() {
        "none" => Level::Operational,
        "minor" => Level::Degraded,
        "major" => Level::PartialOutage,
        "critical" => Level::MajorOutage,
        "maintenance" => Level::Maintenance,
        _ => return None,
    })
}

/// Reads one list item with `read`, or skips it with a warning naming where it was.
fn item_of<'a, T>(
    item: &'a Json,
    read: fn(&'a Object) -> Result<T, String>,
    at: &str,
    warnings: &mut Vec<Warning>,
) -> Option<T> {
    let Some(object) = item.as_object() else {
        warning!(
            warnings,
            "{at} is {}, expected an object; skipped",
            item.kind()
        );
        return None;
    };
    match read(object) {
        Ok(raw) => Some(raw),
        Err(e) => {
            warning!(warnings, "{at} was skipped: {e}");
            None
        }
    }
}

fn read_components(items: &[Json], snapshot: &mut Snapshot, warnings: &mut Vec<Warning>) {
    // member id → the group's place in `snapshot.groups`, from the groups' own member lists.
    let mut group_of_member: HashMap<String, usize> = HashMap::new();
    for (index, item) in items.iter().enumerate() {
        let at = context!("components[{index}]");
        let Some(raw) = item_of(item, RawComponent::read, &at, warnings) else {
            continue;
        };
        let id = clean(raw.id);
        let name = clean(raw.name);
        let (id, name) = match (id, name) {
            (Some(id), Some(name)) => (id, name),
            (Some(id), None) => (id.clone(), id),
            (None, Some(name)) => (name.clone(), name),
            (None, None) => {
                warning!(warnings, "{at} has neither id nor name; skipped");
                continue;
            }
        };
        if raw.group == Some(true) {
            for member in raw.components.iter().flatten() {
                group_of_member
                    .entry(tidy(member).into_owned())
                    .or_insert(snapshot.groups.len());
            }
            snapshot.groups.push(Group { id, name });
            continue;
        }
        let level = component_level(raw.status, &name, warnings);
        snapshot.components.push(Component {
            id,
            name,
            level,
            group_id: clean(raw.group_id),
            description: clean(raw.description),
            only_show_if_degraded: raw.only_show_if_degraded.unwrap_or(false),
        });
    }
    // A group lists its members and each member names its group; either is enough.
    for component in &mut snapshot.components {
        if component.group_id.is_none() {
            component.group_id = group_of_member
                .get(&component.id)
                .and_then(|&at| snapshot.groups.get(at))
                .map(|group| group.id.clone());
        }
    }
    super::detach_from_missing_groups(snapshot, warnings);
}

fn component_level(status: Option<&str>, name: &str, warnings: &mut Vec<Warning>) -> Level {
    let Some(status) = clean(status) else {
        warning!(
            warnings,
            "component \"{name}\" has no status; shown as operational"
        );
        return Level::Operational;
    };
    match status.to_ascii_lowercase().as_str() {
        "operational" => Level::Operational,
        "degraded_performance" => Level::Degraded,
        "partial_outage" => Level::PartialOutage,
        "major_outage" => Level::MajorOutage,
        "under_maintenance" => Level::Maintenance,
        other => {
            let level = if other.contains("major") && other.contains("outage") {
                Level::MajorOutage
            } else if other.contains("outage") {
                Level::PartialOutage
            } else if other.contains("maintenance") {
                Level::Maintenance
            } else {
                Level::Degraded
            };
            warning!(
                warnings,
                "component \"{name}\" has unknown status \"{status}\"; shown as {}",
                words(level)
            );
            level
        }
    }
}

fn words(level: Level) -> &'static str {
    match level {
        Level::Operational => "operational",
        Level::Maintenance => "under maintenance",
        Level::Degraded => "degraded",
        Level::PartialOutage => "partial outage",
        Level::MajorOutage => "major outage",
    }
}

enum Event {
    Incident(Incident),
    Maintenance(Maintenance),
}

/// How an event names the components it affects: by id, for a document with a component
/// list that the panel looks them up in, or by name, for one without.
#[derive(Clone, Copy)]
enum NamedBy {
    Id,
    Name,
}

impl NamedBy {
    /// The field of a component object to read: `name`, or the object's id field, given as
    /// `id` (`id` in `incidents[].components[]`, `code` in an update's
    /// `affected_components[]`).
    fn key(self, id: &'static str) -> &'static str {
        match self {
            NamedBy::Id => id,
            NamedBy::Name => "name",
        }
    }
}

fn read_incident(item: &Json, at: &str, by: NamedBy, warnings: &mut Vec<Warning>) -> Option<Event> {
    let raw = item_of(item, RawIncident::read, at, warnings)?;
    // `incidents.json` lists scheduled maintenances too; their status says which they are.
    let status = clean(raw.status).map(|s| s.to_ascii_lowercase());
    if matches!(
        status.as_deref(),
        Some("scheduled" | "in_progress" | "verifying" | "completed")
    ) {
        return Some(Event::Maintenance(maintenance_of(raw, at, by, warnings)));
    }
    let title = clean(raw.name).unwrap_or_default();
    let what = what_of("incident", &title, at);
    let status = match status.as_deref() {
        Some("investigating") => IncidentStatus::Investigating,
        Some("identified") => IncidentStatus::Identified,
        Some("monitoring") => IncidentStatus::Monitoring,
        Some("resolved") => IncidentStatus::Resolved,
        Some("postmortem") => IncidentStatus::Postmortem,
        other => {
            warning!(
                warnings,
                "{what} has unknown status \"{}\"; shown as investigating",
                other.unwrap_or_default()
            );
            IncidentStatus::Investigating
        }
    };
    let impact_word = clean(raw.impact).map(|s| s.to_ascii_lowercase());
    let impact = impact_word
        .as_deref()
        .and_then(impact_level)
        .unwrap_or_else(|| {
            warning!(
                warnings,
                "{what} has unknown impact \"{}\"; shown as degraded",
                impact_word.unwrap_or_default()
            );
            Level::Degraded
        });
    let started_at_ms = time(raw.started_at, &context!("{what} started_at"), warnings)
        .or_else(|| time(raw.created_at, &context!("{what} created_at"), warnings));
    let resolved_at_ms = time(raw.resolved_at, &context!("{what} resolved_at"), warnings);
    let updates = updates_of(raw.incident_updates, &what, by, warnings);
    let affected = affected_of(raw.components, &updates, by);
    Some(Event::Incident(Incident {
        id: clean(raw.id).unwrap_or_else(|| at.to_owned()),
        url: web_link(raw.shortlink, &what, warnings),
        title,
        impact,
        status,
        started_at_ms,
        resolved_at_ms,
        affected,
        users_affected: None,
        updates,
    }))
}

fn maintenance_of(
    raw: RawIncident<'_>,
    at: &str,
    by: NamedBy,
    warnings: &mut Vec<Warning>,
) -> Maintenance {
    let title = clean(raw.name).unwrap_or_default();
    let what = what_of("maintenance", &title, at);
    let status = match clean(raw.status).map(|s| s.to_ascii_lowercase()).as_deref() {
        Some("scheduled") => MaintenanceStatus::Scheduled,
        Some("in_progress") => MaintenanceStatus::InProgress,
        Some("verifying") => MaintenanceStatus::Verifying,
        Some("completed") => MaintenanceStatus::Completed,
        other => {
            warning!(
                warnings,
                "{what} has unknown status \"{}\"; shown as scheduled",
                other.unwrap_or_default()
            );
            MaintenanceStatus::Scheduled
        }
    };
    let updates = updates_of(raw.incident_updates, &what, by, warnings);
    Maintenance {
        id: clean(raw.id).unwrap_or_else(|| at.to_owned()),
        url: web_link(raw.shortlink, &what, warnings),
        status,
        starts_at_ms: time(
            raw.scheduled_for,
            &context!("{what} scheduled_for"),
            warnings,
        ),
        ends_at_ms: time(
            raw.scheduled_until,
            &context!("{what} scheduled_until"),
            warnings,
        ),
        affected: affected_of(raw.components, &updates, by),
        users_affected: None,
        updates,
        title,
    }
}

/// How warnings name an event: by its title, or where it is when it has none. An event
/// without a title keeps an empty one: the panel then names it, in the reader's language,
/// by what it affects or by its impact.
fn what_of(kind: &str, title: &str, at: &str) -> String {
    if title.is_empty() {
        context!("{kind} {at}")
    } else {
        context!("{kind} \"{title}\"")
    }
}

/// What an incident affects: its own component list, which Statuspage keeps current as
/// the incident is edited; only when that is missing or empty, every component its
/// updates name (an update names what it changed then, maybe since taken off the
/// incident). Without repeats, in order.
fn affected_of(components: Option<&[Json]>, updates: &[Update], by: NamedBy) -> Vec<String> {
    let mut named: Vec<String> = components
        .unwrap_or_default()
        .iter()
        .filter_map(|c| c.get(by.key("id")).and_then(Json::as_str))
        .filter_map(|id| clean(Some(id)))
        .collect();
    if named.is_empty() {
        named = (updates.iter().rev())
            .flat_map(|u| u.affected.iter().cloned())
            .collect();
    }
    let mut seen: HashSet<String> = HashSet::new();
    named
        .into_iter()
        .filter(|id| seen.insert(id.clone()))
        .collect()
}

/// The timeline, newest first whatever order the feed used.
fn updates_of(
    items: Option<&[Json]>,
    what: &str,
    by: NamedBy,
    warnings: &mut Vec<Warning>,
) -> Vec<Update> {
    let mut updates: Vec<Update> = Vec::new();
    for (index, item) in items.unwrap_or_default().iter().enumerate() {
        let at = context!("{what} update {index}");
        let Some(raw) = item_of(item, RawUpdate::read, &at, warnings) else {
            continue;
        };
        let at_ms = time(raw.display_at, &context!("{at} display_at"), warnings)
            .or_else(|| time(raw.created_at, &context!("{at} created_at"), warnings));
        let affected = raw
            .affected_components
            .unwrap_or_default()
            .iter()
            .filter_map(|c| c.get(by.key("code")).and_then(Json::as_str))
            .filter_map(|code| clean(Some(code)))
            .collect();
        updates.push(Update {
            status: clean(raw.status)
                .map(|s| s.to_ascii_lowercase())
                .unwrap_or_default(),
            body: raw.body.map(clean_body).unwrap_or_default(),
            at_ms,
            affected,
        });
    }
    sort_by_rank(&mut updates, |u| newest_first(u.at_ms));
    updates
}

/// Reads an optional timestamp; one that is present but unreadable gives a warning.
fn time(text: Option<&str>, what: &str, warnings: &mut Vec<Warning>) -> Option<i64> {
    let text = clean(text)?;
    let Some(at_ms) = parse_rfc3339(&text) else {
        warning!(
            warnings,
            "{what} \"{text}\" is not a date and time; ignored"
        );
        return None;
    };
    let shown = showable_time(at_ms);
    if shown.is_none() {
        warning!(
            warnings,
            "{what} \"{text}\" is outside the years 1 to 9999 in UTC; ignored"
        );
    }
    shown
}
