//! Atlassian Statuspage v2: `summary.json`, and `status.json`, `components.json`,
//! `incidents.json` and `scheduled-maintenances.json` on their own.
//!
//! Every one of these documents carries `page`; they differ only in which of `status`,
//! `components`, `incidents` and `scheduled_maintenances` they add, so one reader takes
//! them all. Each list item is read on its own: an item that is not an object is skipped
//! with a warning instead of losing the whole feed, and a member of the wrong type is read
//! leniently, with a warning, keeping the item. `page` and `status`, when present, must be
//! objects. `status.indicator` is read only from a
//! document without components (`status.json` on its own): it follows component states
//! only, so beside them it would hide a declared incident (see [`Snapshot::overall`]).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::lenient::{self, Word};
use super::text::{clean, clean_body, list, tidy, web_link};
use super::{real_time, showable_time, Warning};
use crate::core::json::{Json, Object};
use crate::core::model::{
    newest_first, sort_by_rank, sort_timeline, Component, Group, Incident, IncidentStatus, Level,
    Maintenance, MaintenanceStatus, Page, Snapshot, Update,
};
use crate::core::time::parse_rfc3339;

// The raw items borrow from the document. Each reader takes only the members Telltale
// uses, leniently (see `lenient`): a member of the wrong type is read as absent, or as what
// it plainly means, with a warning naming it, and the item is kept. Unknown members are
// ignored. Only an item that is not an object is skipped (and a component with neither id
// nor name, which no row could show); an incident is never dropped for its members, since
// a dropped incident turns the badge green.

struct RawPage<'a> {
    name: Option<&'a str>,
    url: Option<&'a str>,
    updated_at: Option<&'a str>,
}

impl<'a> RawPage<'a> {
    fn read(object: &'a Object, at: &str, warnings: &mut Vec<Warning>) -> Self {
        RawPage {
            name: lenient::text(object, "name", at, warnings),
            url: lenient::text(object, "url", at, warnings),
            updated_at: lenient::text(object, "updated_at", at, warnings),
        }
    }
}

struct RawComponent<'a> {
    id: Option<Cow<'a, str>>,
    name: Option<&'a str>,
    status: Word<'a>,
    description: Option<&'a str>,
    group: Option<bool>,
    group_id: Option<Cow<'a, str>>,
    only_show_if_degraded: Option<bool>,
    /// On a group: the ids of its members.
    components: Vec<String>,
}

impl<'a> RawComponent<'a> {
    fn read(object: &'a Object, at: &str, warnings: &mut Vec<Warning>) -> Self {
        let group = lenient::flag(object, "group", at, warnings);
        RawComponent {
            id: lenient::id(object, "id", at, warnings),
            name: lenient::text(object, "name", at, warnings),
            status: lenient::word(object, "status"),
            description: lenient::text(object, "description", at, warnings),
            group,
            group_id: lenient::id(object, "group_id", at, warnings),
            only_show_if_degraded: lenient::flag(object, "only_show_if_degraded", at, warnings),
            // Only a group lists members: a component's own `components` is not read.
            components: match group {
                Some(true) => lenient::ids(object, "components", at, warnings),
                _ => Vec::new(),
            },
        }
    }
}

struct RawIncident<'a> {
    id: Option<Cow<'a, str>>,
    name: Option<&'a str>,
    status: Word<'a>,
    impact: Word<'a>,
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
    fn read(object: &'a Object, at: &str, warnings: &mut Vec<Warning>) -> Self {
        RawIncident {
            id: lenient::id(object, "id", at, warnings),
            name: lenient::text(object, "name", at, warnings),
            status: lenient::word(object, "status"),
            impact: lenient::word(object, "impact"),
            created_at: lenient::text(object, "created_at", at, warnings),
            started_at: lenient::text(object, "started_at", at, warnings),
            resolved_at: lenient::text(object, "resolved_at", at, warnings),
            shortlink: lenient::text(object, "shortlink", at, warnings),
            scheduled_for: lenient::text(object, "scheduled_for", at, warnings),
            scheduled_until: lenient::text(object, "scheduled_until", at, warnings),
            incident_updates: lenient::array(object, "incident_updates", at, warnings),
            components: lenient::array(object, "components", at, warnings),
        }
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
    fn read(object: &'a Object, at: &str, warnings: &mut Vec<Warning>) -> Self {
        RawUpdate {
            status: lenient::text(object, "status", at, warnings),
            body: lenient::text(object, "body", at, warnings),
            display_at: lenient::text(object, "display_at", at, warnings),
            created_at: lenient::text(object, "created_at", at, warnings),
            affected_components: lenient::array(object, "affected_components", at, warnings),
        }
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
        None => Page::default(),
        Some(Json::Object(page)) => {
            let page = RawPage::read(page, "page", warnings);
            Page {
                name: clean(page.name),
                url: web_link(page.url, "page", warnings),
                updated_at_ms: time(page.updated_at, "page updated_at", warnings),
                announcement: None,
            }
        }
        Some(other) => return Err(format!("`page` is {}, expected an object", other.kind())),
    };

    let status = match object.get("status") {
        None | Some(Json::Null) => None,
        Some(Json::Object(status)) => Some(status),
        Some(other) => return Err(format!("`status` is {}, expected an object", other.kind())),
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
        snapshot.declared = status.and_then(|status| declared_level(status, warnings));
    }
    Ok(snapshot)
}

/// The page-wide level of `status.indicator`, for a document that lists no component
/// (`status.json` on its own, or a page without components). Statuspage derives the
/// indicator from its worst component: degraded performance is `minor`, a partial outage
/// `major`, a major outage `critical`.
fn declared_level(status: &Object, warnings: &mut Vec<Warning>) -> Option<Level> {
    let indicator = lenient::text(status, "indicator", "status", warnings)?;
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

/// Reads one list item with `read`, or skips it with a warning naming where it was when
/// it is not an object.
fn item_of<'a, T>(
    item: &'a Json,
    read: fn(&'a Object, &str, &mut Vec<Warning>) -> T,
    at: &str,
    warnings: &mut Vec<Warning>,
) -> Option<T> {
    let object = object_of(item, at, warnings)?;
    Some(read(object, at, warnings))
}

/// `item` as an object, or `None` with a warning naming where it was (`at`).
fn object_of<'a>(item: &'a Json, at: &str, warnings: &mut Vec<Warning>) -> Option<&'a Object> {
    let object = item.as_object();
    if object.is_none() {
        warning!(
            warnings,
            "{at} is {}, expected an object; skipped",
            item.kind()
        );
    }
    object
}

fn read_components(items: &[Json], snapshot: &mut Snapshot, warnings: &mut Vec<Warning>) {
    // member id → the group's place in `snapshot.groups`, from the groups' own member lists.
    let mut group_of_member: HashMap<String, usize> = HashMap::new();
    for (index, item) in items.iter().enumerate() {
        let at = context!("components[{index}]");
        let Some(raw) = item_of(item, RawComponent::read, &at, warnings) else {
            continue;
        };
        let id = clean(raw.id.as_deref());
        let name = clean(raw.name);
        let (id, name) = match (id, name) {
            (Some(id), Some(name)) => (id, name),
            (Some(id), None) => {
                // Attributes, not `cfg!`, here and below: the wasm's code stays as it was.
                // A name of the wrong type has had its warning already.
                #[cfg(not(target_arch = "wasm32"))]
                if (item.get("name")).is_none_or(|n| matches!(n, Json::Null | Json::String(_))) {
                    let kind = if raw.group == Some(true) {
                        "group"
                    } else {
                        "component"
                    };
                    warning!(warnings, "{kind} \"{id}\" has no name; shown by its id");
                }
                (id.clone(), id)
            }
            (None, Some(name)) => (name.clone(), name),
            (None, None) => {
                warning!(warnings, "{at} has neither id nor name; skipped");
                continue;
            }
        };
        if raw.group == Some(true) {
            for member in &raw.components {
                group_of_member
                    .entry(tidy(member).into_owned())
                    .or_insert(snapshot.groups.len());
            }
            snapshot.groups.push(Group { id, name });
            continue;
        }
        let level = component_level(raw.status, &name, &at, warnings);
        snapshot.components.push(Component {
            id,
            name,
            level,
            group_id: clean(raw.group_id.as_deref()),
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

fn component_level(status: Word<'_>, name: &str, at: &str, warnings: &mut Vec<Warning>) -> Level {
    let status = match status {
        Ok(status) => status,
        // A state of the wrong type is a state nobody can read, as an unknown word is.
        Err(value) => {
            let what = context!("component \"{name}\"");
            let shown = words(Level::Degraded);
            wrong_state(at, "status", &what, value.kind(), shown, warnings);
            return Level::Degraded;
        }
    };
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
    let status = lower(raw.status);
    if matches!(
        status.as_ref().ok().and_then(Option::as_deref),
        Some("scheduled" | "in_progress" | "verifying" | "completed")
    ) {
        return Some(Event::Maintenance(maintenance_of(raw, at, by, warnings)));
    }
    let title = clean(raw.name).unwrap_or_default();
    let what = what_of("incident", &title, at);
    let status = match status {
        Err(kind) => {
            wrong_state(at, "status", &what, kind, "investigating", warnings);
            IncidentStatus::Investigating
        }
        Ok(word) => match word.as_deref() {
            Some("investigating") => IncidentStatus::Investigating,
            Some("identified") => IncidentStatus::Identified,
            Some("monitoring") => IncidentStatus::Monitoring,
            Some("resolved") => IncidentStatus::Resolved,
            Some("postmortem") => IncidentStatus::Postmortem,
            other => {
                warning!(
                    warnings,
                    "{what} {}; shown as investigating",
                    unknown_word("status", other)
                );
                IncidentStatus::Investigating
            }
        },
    };
    let impact = impact_of(raw.impact, at, &what, warnings);
    let started_at_ms = time(raw.started_at, &context!("{what} started_at"), warnings)
        .or_else(|| time(raw.created_at, &context!("{what} created_at"), warnings));
    let resolved_at_ms = time(raw.resolved_at, &context!("{what} resolved_at"), warnings);
    let updates = updates_of(raw.incident_updates, &what, at, by, warnings);
    let affected = affected_of(raw.components, &updates, by, at, warnings);
    Some(Event::Incident(Incident {
        id: clean(raw.id.as_deref()).unwrap_or_else(|| at.to_owned()),
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
    let status = match lower(raw.status) {
        Err(kind) => {
            wrong_state(at, "status", &what, kind, "scheduled", warnings);
            MaintenanceStatus::Scheduled
        }
        Ok(word) => match word.as_deref() {
            Some("scheduled") => MaintenanceStatus::Scheduled,
            Some("in_progress") => MaintenanceStatus::InProgress,
            Some("verifying") => MaintenanceStatus::Verifying,
            Some("completed") => MaintenanceStatus::Completed,
            other => {
                warning!(
                    warnings,
                    "{what} {}; shown as scheduled",
                    unknown_word("status", other)
                );
                MaintenanceStatus::Scheduled
            }
        },
    };
    let updates = updates_of(raw.incident_updates, &what, at, by, warnings);
    Maintenance {
        id: clean(raw.id.as_deref()).unwrap_or_else(|| at.to_owned()),
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
        affected: affected_of(raw.components, &updates, by, at, warnings),
        users_affected: None,
        updates,
        title,
    }
}

/// An incident's level from its `impact`: a word it does not know, a missing one and one of
/// the wrong type are all shown as degraded, with a warning.
fn impact_of(impact: Word<'_>, at: &str, what: &str, warnings: &mut Vec<Warning>) -> Level {
    let word = match lower(impact) {
        Ok(word) => word,
        Err(kind) => {
            wrong_state(at, "impact", what, kind, words(Level::Degraded), warnings);
            return Level::Degraded;
        }
    };
    word.as_deref().and_then(impact_level).unwrap_or_else(|| {
        warning!(
            warnings,
            "{what} {}; shown as degraded",
            unknown_word("impact", word)
        );
        Level::Degraded
    })
}

/// What a warning says of a state member (`key`) that is missing, or holds a word this
/// reader does not know. Only warnings call it, so it stays out of the wasm.
fn unknown_word(key: &str, word: Option<impl AsRef<str>>) -> String {
    match word {
        None => format!("has no {key}"),
        Some(word) => format!("has unknown {key} \"{}\"", word.as_ref()),
    }
}

/// A state member's word, trimmed and in lower case (`None` when absent, `null` or blank);
/// `Err` with the kind of a value of another type.
fn lower(word: Word<'_>) -> Result<Option<String>, &'static str> {
    word.map(|word| clean(word).map(|s| s.to_ascii_lowercase()))
        .map_err(Json::kind)
}

/// Warns that `{at}.{key}` of `what` is of the wrong `kind` and is shown as `shown`, as an
/// unknown word would be.
fn wrong_state(
    at: &str,
    key: &str,
    what: &str,
    kind: &str,
    shown: &str,
    warnings: &mut Vec<Warning>,
) {
    warning!(
        warnings,
        "`{at}.{key}` of {what} is {kind}, expected a string; shown as {shown}"
    );
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

/// The components that the component objects in `items` name by `key` (`id`, `code` or
/// `name`), at `at` in the feed. A number is read as its decimal string, as a
/// component's own id is, so an incident names the component its feed numbers alike.
fn named_in(
    items: Option<&[Json]>,
    key: &str,
    at: &str,
    warnings: &mut Vec<Warning>,
) -> Vec<String> {
    (items.unwrap_or_default().iter().enumerate())
        .filter_map(|(index, item)| {
            lenient::id(item.as_object()?, key, &context!("{at}[{index}]"), warnings)
        })
        .filter_map(|id| clean(Some(&id)))
        .collect()
}

/// What an incident affects: its own component list, which Statuspage keeps current as
/// the incident is edited; only when that is missing or empty, every component its
/// updates name (an update names what it changed then, maybe since taken off the
/// incident). Without repeats, in order.
fn affected_of(
    components: Option<&[Json]>,
    updates: &[Update],
    by: NamedBy,
    at: &str,
    warnings: &mut Vec<Warning>,
) -> Vec<String> {
    let mut named = named_in(
        components,
        by.key("id"),
        &context!("{at}.components"),
        warnings,
    );
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
/// `what` names the event in warnings, `event_at` is where it is (`incidents[0]`).
fn updates_of(
    items: Option<&[Json]>,
    what: &str,
    event_at: &str,
    by: NamedBy,
    warnings: &mut Vec<Warning>,
) -> Vec<Update> {
    let mut updates: Vec<Update> = Vec::new();
    for (index, item) in items.unwrap_or_default().iter().enumerate() {
        let at = context!("{what} update {index}");
        // Warnings name the update by its event, its members by their place in the feed.
        let Some(object) = object_of(item, &at, warnings) else {
            continue;
        };
        let raw = RawUpdate::read(
            object,
            &context!("{event_at}.incident_updates[{index}]"),
            warnings,
        );
        let at_ms = time(raw.display_at, &context!("{at} display_at"), warnings)
            .or_else(|| time(raw.created_at, &context!("{at} created_at"), warnings));
        let affected = named_in(
            raw.affected_components,
            by.key("code"),
            &context!("{event_at}.incident_updates[{index}].affected_components"),
            warnings,
        );
        updates.push(Update {
            status: clean(raw.status)
                .map(|s| s.to_ascii_lowercase())
                .unwrap_or_default(),
            body: raw.body.map(clean_body).unwrap_or_default(),
            at_ms,
            affected,
        });
    }
    sort_timeline(&mut updates);
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
    // Read as UTC, as `parse_rfc3339` does; an author who wrote local time learns why the
    // panel is off by hours. (Only a time without a zone takes an appended `Z`.)
    #[cfg(not(target_arch = "wasm32"))]
    if parse_rfc3339(&format!("{text}Z")).is_some() {
        warning!(
            warnings,
            "{what} \"{text}\" has no time zone (Z or an offset such as +02:00); read as UTC"
        );
    }
    let shown = showable_time(at_ms);
    if shown.is_none() {
        warning!(
            warnings,
            "{what} \"{text}\" is outside the years 1 to 9999 in UTC; ignored"
        );
    }
    let real = shown.and_then(real_time);
    #[cfg(not(target_arch = "wasm32"))]
    if shown.is_some() && real.is_none() {
        warning!(
            warnings,
            "{what} \"{text}\" is before 2000, a placeholder for no time; ignored"
        );
    }
    real
}
