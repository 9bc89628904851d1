//! Telltale's own format: the model ([`Snapshot`]) as JSON with a `"telltale": 1` version
//! field, described by `www/telltale-feed.schema.json` and `docs/feed-formats.md`.
//!
//! Providers who write this format can check it with `telltale check`, so the reader is
//! strict about shape (a wrong type is an error that names the item) and forgiving only
//! where the other formats are too: strings are trimmed, non-web links are dropped and a
//! member of a missing group is shown without one, each with a warning.
//!
//! It also warns about what is well-formed but probably a mistake, naming the place in the
//! document: an unknown field (a typo such as `groupid`, with the known field it is close
//! to), a time that looks like seconds or lies before 1970, a window that ends before it
//! starts, an empty or repeated id (the first item with an id wins, here, in the widget and
//! in `telltale check` alike), and an `affected` id that names nothing in the feed.

use super::text::{clean, list, web_link};
use super::Warning;
use crate::core::json::{wrong_type, Json, Object};
use crate::core::model::{
    newest_first, sort_by_rank, sort_timeline, Component, Group, Incident, IncidentStatus, Level,
    Maintenance, MaintenanceStatus, Page, Snapshot, Update,
};

// What is well-formed but probably a mistake is for the feed's author, who reads it in
// `telltale check`; the widget shows no feed warnings, so the wasm leaves these checks out
// (3.5 kB of brotli, measured when they moved). The repeated-id rule changes what is
// shown, so it stays here.
#[cfg(not(target_arch = "wasm32"))]
mod lint;

/// The version of the format this reader understands.
pub(crate) const VERSION: i64 = 1;

/// The earliest time the format carries: 0001-01-01T00:00:00Z, the start of RFC 3339's
/// years. The schema's `minimum` for every `…_ms` field.
pub(crate) const MIN_TIME_MS: i64 = -62_135_596_800_000;

/// The latest time the format carries: 9999-12-31T23:59:59.999Z. The schema's `maximum`
/// for every `…_ms` field; beyond it no calendar text can show the time.
pub(crate) const MAX_TIME_MS: i64 = 253_402_300_799_999;

/// Reads a Telltale document into the model. `Err` carries the reason it is not one.
pub(crate) fn normalize(value: &Json, warnings: &mut Vec<Warning>) -> Result<Snapshot, String> {
    let Some(object) = value.as_object() else {
        return Err(format!(
            "the document is {}, expected an object with \"telltale\": {VERSION}",
            value.kind()
        ));
    };
    match object.get("telltale") {
        None => {
            return Err(format!(
                "the version field \"telltale\": {VERSION} is missing"
            ))
        }
        // `1.0` is the number 1, as JSON Schema's `const` and every JSON reader see it.
        Some(Json::Number(n)) if n.as_integer() == Some(VERSION) => {}
        Some(Json::Number(n)) => {
            return Err(format!(
                "version {n} is not supported; this reader understands \"telltale\": {VERSION}"
            ))
        }
        Some(other) => {
            return Err(format!(
                "\"telltale\" is {}, expected the number {VERSION}",
                other.kind()
            ))
        }
    }

    let page = match object.get("page") {
        None => Page::default(),
        Some(page) => {
            let object = objects_only(page, "page")?;
            read_page(object).map_err(|e| within("page", &e))?
        }
    };
    let mut snapshot = Snapshot {
        page: Page {
            name: clean(page.name.as_deref()),
            url: web_link(page.url.as_deref(), "page", warnings),
            updated_at_ms: page.updated_at_ms,
            announcement: clean(page.announcement.as_deref()),
        },
        groups: items(object.get("groups"), "groups", read_group)?,
        components: items(object.get("components"), "components", read_component)?,
        incidents: items(object.get("incidents"), "incidents", read_incident)?,
        maintenances: items(object.get("maintenances"), "maintenances", read_maintenance)?,
        // Kept from a Statuspage document only; a kept snapshot carries them beside it.
        ..Snapshot::default()
    };
    #[cfg(not(target_arch = "wasm32"))]
    lint::unknown_fields(object, warnings);
    tidy(&mut snapshot, warnings);
    Ok(snapshot)
}

/// Reads a list field item by item with `read`, so that an error names the item
/// (`components[2]`).
fn items<T>(
    value: Option<&Json>,
    field: &str,
    read: fn(&Object) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    if matches!(value, Some(Json::Null)) {
        return Err(format!("`{field}` is null, expected an array"));
    }
    list(value, field)?
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let at = format!("{field}[{index}]");
            let object = objects_only(item, &at)?;
            read(object).map_err(|e| within(&at, &e))
        })
        .collect()
}

/// An item's error with the item's place in front: "`components[1].level` has unknown
/// value …" for an error about one of its fields, "`components[1]`: missing field …"
/// else.
fn within(at: &str, error: &str) -> String {
    let (joint, rest) = match error.strip_prefix('`') {
        Some(field) => (".", field),
        None => ("`: ", error),
    };
    format!("`{at}{joint}{rest}")
}

/// The format (and its schema) says objects, for items and their updates alike.
fn objects_only<'a>(item: &'a Json, at: &str) -> Result<&'a Object, String> {
    let Some(object) = item.as_object() else {
        return Err(format!("`{at}` is {}, expected an object", item.kind()));
    };
    if let Some(Json::Array(updates)) = object.get("updates") {
        for (index, update) in updates.iter().enumerate() {
            if !update.is_object() {
                return Err(format!(
                    "`{at}.updates[{index}]` is {}, expected an object",
                    update.kind()
                ));
            }
        }
    }
    Ok(object)
}

// The readers below follow the schema exactly: required fields must be there with their
// type, optional ones may be absent or `null` (lists, `page` and flags only absent), and
// members the format does not define are ignored (with a warning, see `unknown_fields`).

/// A time at `key`: a whole number of milliseconds (`1795173000000.0` is one, as JSON
/// Schema's "integer" says) from [`MIN_TIME_MS`] to [`MAX_TIME_MS`], or absent or `null`.
fn time_ms(object: &Object, key: &str) -> Result<Option<i64>, String> {
    match object.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::Number(n)) => match n.as_integer().and_then(super::showable_time) {
            Some(at_ms) => Ok(Some(at_ms)),
            None => Err(format!(
                "`{key}` is {n}, expected whole milliseconds from {MIN_TIME_MS} (year 1) to \
                 {MAX_TIME_MS} (year 9999)"
            )),
        },
        Some(other) => Err(wrong_type(key, other, "an integer")),
    }
}

/// A list of strings that may be absent (empty) but not `null`.
fn strings(object: &Object, key: &str) -> Result<Vec<String>, String> {
    match object.get(key) {
        Some(Json::Null) => Err(wrong_type(key, &Json::Null, "an array")),
        _ => Ok(object.opt_strings(key)?.unwrap_or_default()),
    }
}

/// One of a closed set of spellings, read with `from_name`.
fn spelling<T>(
    object: &Object,
    key: &str,
    from_name: fn(&str) -> Option<T>,
    names: &[&str],
) -> Result<T, String> {
    let text = object.req_str(key)?;
    from_name(text).ok_or_else(|| {
        format!(
            "`{key}` has unknown value `{text}`, expected one of {}",
            names.join(", ")
        )
    })
}

fn read_page(object: &Object) -> Result<Page, String> {
    Ok(Page {
        name: object.opt_str("name")?.map(str::to_owned),
        url: object.opt_str("url")?.map(str::to_owned),
        updated_at_ms: time_ms(object, "updated_at_ms")?,
        announcement: object.opt_str("announcement")?.map(str::to_owned),
    })
}

fn read_group(object: &Object) -> Result<Group, String> {
    Ok(Group {
        id: object.req_str("id")?.to_owned(),
        name: object.req_str("name")?.to_owned(),
    })
}

fn read_component(object: &Object) -> Result<Component, String> {
    let level_names = Level::ALL.map(Level::as_str);
    let only_show_if_degraded = match object.get("only_show_if_degraded") {
        None => false,
        Some(Json::Bool(flag)) => *flag,
        Some(other) => return Err(wrong_type("only_show_if_degraded", other, "a boolean")),
    };
    Ok(Component {
        id: object.req_str("id")?.to_owned(),
        name: object.req_str("name")?.to_owned(),
        level: spelling(object, "level", Level::from_name, &level_names)?,
        group_id: object.opt_str("group_id")?.map(str::to_owned),
        description: object.opt_str("description")?.map(str::to_owned),
        only_show_if_degraded,
    })
}

fn read_updates(object: &Object) -> Result<Vec<Update>, String> {
    let items = match object.get("updates") {
        Some(Json::Null) => return Err(wrong_type("updates", &Json::Null, "an array")),
        _ => object.opt_array("updates")?.unwrap_or_default(),
    };
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let object = item
                .as_object()
                .ok_or_else(|| wrong_type(&format!("updates[{index}]"), item, "an object"))?;
            read_update(object).map_err(|e| within(&format!("updates[{index}]"), &e))
        })
        .collect()
}

fn read_update(object: &Object) -> Result<Update, String> {
    Ok(Update {
        status: object.req_str("status")?.to_owned(),
        body: object.req_str("body")?.to_owned(),
        at_ms: time_ms(object, "at_ms")?,
        affected: strings(object, "affected")?,
    })
}

fn read_incident(object: &Object) -> Result<Incident, String> {
    let level_names = Level::ALL.map(Level::as_str);
    let status_names = IncidentStatus::ALL.map(IncidentStatus::as_str);
    Ok(Incident {
        id: object.req_str("id")?.to_owned(),
        title: object.req_str("title")?.to_owned(),
        impact: spelling(object, "impact", Level::from_name, &level_names)?,
        status: spelling(object, "status", IncidentStatus::from_name, &status_names)?,
        started_at_ms: time_ms(object, "started_at_ms")?,
        resolved_at_ms: time_ms(object, "resolved_at_ms")?,
        affected: strings(object, "affected")?,
        users_affected: object.opt_str("users_affected")?.map(str::to_owned),
        updates: read_updates(object)?,
        url: object.opt_str("url")?.map(str::to_owned),
    })
}

fn read_maintenance(object: &Object) -> Result<Maintenance, String> {
    let status_names = MaintenanceStatus::ALL.map(MaintenanceStatus::as_str);
    Ok(Maintenance {
        id: object.req_str("id")?.to_owned(),
        title: object.req_str("title")?.to_owned(),
        status: spelling(
            object,
            "status",
            MaintenanceStatus::from_name,
            &status_names,
        )?,
        starts_at_ms: time_ms(object, "starts_at_ms")?,
        ends_at_ms: time_ms(object, "ends_at_ms")?,
        affected: strings(object, "affected")?,
        users_affected: object.opt_str("users_affected")?.map(str::to_owned),
        updates: read_updates(object)?,
        url: object.opt_str("url")?.map(str::to_owned),
    })
}

/// `snapshot` as a Telltale document (`"telltale": 1` first): what `telltale check --json`
/// prints and what the widget keeps in storage. Absent optional values, an empty
/// `groups` list, empty lists inside an event and a false `only_show_if_degraded` are
/// left out (`components`, `incidents` and `maintenances` are always written), and so
/// are times outside the years 1 to 9999; [`normalize`] reads the result back to an
/// equal snapshot (one with an item per id, as every format gives).
pub(crate) fn document(snapshot: &Snapshot) -> Object {
    let page = Object::new()
        .with_some("name", snapshot.page.name.as_deref())
        .with_some("url", snapshot.page.url.as_deref())
        .with_some("updated_at_ms", carried(snapshot.page.updated_at_ms))
        .with_some("announcement", snapshot.page.announcement.as_deref());
    let mut document = Object::new().with("telltale", VERSION).with("page", page);
    if !snapshot.groups.is_empty() {
        let groups = snapshot.groups.iter().map(|g| {
            Object::new()
                .with("id", g.id.as_str())
                .with("name", g.name.as_str())
        });
        document.insert("groups", groups.collect::<Vec<_>>());
    }
    let components = snapshot.components.iter().map(|c| {
        let object = Object::new()
            .with("id", c.id.as_str())
            .with("name", c.name.as_str())
            .with("level", c.level.as_str())
            .with_some("group_id", c.group_id.as_deref())
            .with_some("description", c.description.as_deref());
        match c.only_show_if_degraded {
            true => object.with("only_show_if_degraded", true),
            false => object,
        }
    });
    let incidents = snapshot.incidents.iter().map(|i| {
        let object = Object::new()
            .with("id", i.id.as_str())
            .with("title", i.title.as_str())
            .with("impact", i.impact.as_str())
            .with("status", i.status.as_str())
            .with_some("started_at_ms", carried(i.started_at_ms))
            .with_some("resolved_at_ms", carried(i.resolved_at_ms));
        with_event_tail(
            object,
            &i.affected,
            i.users_affected.as_deref(),
            &i.updates,
            i.url.as_deref(),
        )
    });
    let maintenances = snapshot.maintenances.iter().map(|m| {
        let object = Object::new()
            .with("id", m.id.as_str())
            .with("title", m.title.as_str())
            .with("status", m.status.as_str())
            .with_some("starts_at_ms", carried(m.starts_at_ms))
            .with_some("ends_at_ms", carried(m.ends_at_ms));
        with_event_tail(
            object,
            &m.affected,
            m.users_affected.as_deref(),
            &m.updates,
            m.url.as_deref(),
        )
    });
    document
        .with("components", components.collect::<Vec<_>>())
        .with("incidents", incidents.collect::<Vec<_>>())
        .with("maintenances", maintenances.collect::<Vec<_>>())
}

/// A time the format can carry; `None` for one outside the years 1 to 9999. Every reader
/// already keeps its times within them (`feed::showable_time`); this keeps a snapshot
/// built some other way writable.
fn carried(at_ms: Option<i64>) -> Option<i64> {
    at_ms.and_then(super::showable_time)
}

/// The members incidents and maintenances share, in the schema's order.
fn with_event_tail(
    object: Object,
    affected: &[String],
    users_affected: Option<&str>,
    updates: &[Update],
    url: Option<&str>,
) -> Object {
    let object =
        with_nonempty(object, "affected", affected).with_some("users_affected", users_affected);
    let object = if updates.is_empty() {
        object
    } else {
        let updates = updates.iter().map(|u| {
            let update = Object::new()
                .with("status", u.status.as_str())
                .with("body", u.body.as_str())
                .with_some("at_ms", carried(u.at_ms));
            with_nonempty(update, "affected", &u.affected)
        });
        object.with("updates", updates.collect::<Vec<_>>())
    };
    object.with_some("url", url)
}

fn with_nonempty(object: Object, key: &str, items: &[String]) -> Object {
    if items.is_empty() {
        object
    } else {
        object.with(key, items.iter().map(String::as_str).collect::<Vec<_>>())
    }
}

fn trim(text: &mut String) {
    let tidied = super::text::tidy(text);
    if tidied.len() != text.len() {
        *text = tidied.into_owned();
    }
}

fn trim_option(text: &mut Option<String>) {
    *text = clean(text.as_deref());
}

fn trim_updates(updates: &mut [Update]) {
    for update in updates {
        trim(&mut update.status);
        trim(&mut update.body);
        update.affected.iter_mut().for_each(trim);
    }
}

/// Applies the rules every format shares — trimmed text, web links only, one item per id,
/// timelines newest first, no member pointing at a group that is not there — and warns
/// about the author's likely mistakes. The checks run on the trimmed items in feed order,
/// so a warning names the item where the document has it (`incidents[2]`).
fn tidy(snapshot: &mut Snapshot, warnings: &mut Vec<Warning>) {
    for group in &mut snapshot.groups {
        trim(&mut group.id);
        trim(&mut group.name);
    }
    for component in &mut snapshot.components {
        trim(&mut component.id);
        trim(&mut component.name);
        trim_option(&mut component.description);
        trim_option(&mut component.group_id);
    }
    for incident in &mut snapshot.incidents {
        trim(&mut incident.id);
        trim(&mut incident.title);
        trim_option(&mut incident.users_affected);
        incident.affected.iter_mut().for_each(trim);
        trim_updates(&mut incident.updates);
    }
    for maintenance in &mut snapshot.maintenances {
        trim(&mut maintenance.id);
        trim(&mut maintenance.title);
        trim_option(&mut maintenance.users_affected);
        maintenance.affected.iter_mut().for_each(trim);
        trim_updates(&mut maintenance.updates);
    }

    #[cfg(not(target_arch = "wasm32"))]
    {
        lint::odd_times(snapshot, warnings);
        lint::unknown_affected(snapshot, warnings);
    }
    // In document order, before the events are sorted: the first in the document counts.
    super::first_of_each_id(snapshot, super::Positions::Document, warnings);

    super::detach_from_missing_groups(snapshot, warnings);
    for incident in &mut snapshot.incidents {
        sort_timeline(&mut incident.updates);
        let what = context!("incident \"{}\"", incident.title);
        incident.url = web_link(incident.url.as_deref(), &what, warnings);
    }
    sort_by_rank(&mut snapshot.incidents, |i| newest_first(i.started_at_ms));
    for maintenance in &mut snapshot.maintenances {
        sort_timeline(&mut maintenance.updates);
        let what = context!("maintenance \"{}\"", maintenance.title);
        maintenance.url = web_link(maintenance.url.as_deref(), &what, warnings);
    }
}
