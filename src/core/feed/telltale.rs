//! Telltale's own format: the model ([`Snapshot`]) as JSON with a `"telltale": 1` version
//! field, described by `www/telltale-feed.schema.json` and `docs/feed-formats.md`.
//!
//! Providers who write this format can check it with `telltale check`, so the reader is
//! strict about shape (a wrong type is an error that names the item) and forgiving only
//! where the other formats are too: strings are trimmed, non-web links are dropped and a
//! member of a missing group is shown without one, each with a warning.

use serde::Deserialize;
use serde_json::Value;

use super::text::{clean, kind, list, web_link};
use super::Warning;
use crate::core::model::{Component, Group, Incident, Maintenance, Page, Snapshot, Update};

/// The version of the format this reader understands.
pub(crate) const VERSION: u64 = 1;

/// Reads a Telltale document into the model. `Err` carries the reason it is not one.
pub(crate) fn normalize(value: &Value, warnings: &mut Vec<Warning>) -> Result<Snapshot, String> {
    let Some(object) = value.as_object() else {
        return Err(format!(
            "the document is {}, expected an object with \"telltale\": {VERSION}",
            kind(value)
        ));
    };
    match object.get("telltale") {
        None => {
            return Err(format!(
                "the version field \"telltale\": {VERSION} is missing"
            ))
        }
        Some(version) if version.as_u64() == Some(VERSION) => {}
        Some(Value::Number(n)) => {
            return Err(format!(
                "version {n} is not supported; this reader understands \"telltale\": {VERSION}"
            ))
        }
        Some(other) => {
            return Err(format!(
                "\"telltale\" is {}, expected the number {VERSION}",
                kind(other)
            ))
        }
    }

    let page = match object.get("page") {
        None => Page::default(),
        Some(page) => {
            objects_only(page, "page")?;
            Page::deserialize(page).map_err(|e| format!("`page`: {e}"))?
        }
    };
    let mut snapshot = Snapshot {
        page: Page {
            name: clean(page.name.as_deref()),
            url: web_link(page.url.as_deref(), "page", warnings),
            updated_at_ms: page.updated_at_ms,
        },
        groups: items::<Group>(object.get("groups"), "groups")?,
        components: items::<Component>(object.get("components"), "components")?,
        incidents: items::<Incident>(object.get("incidents"), "incidents")?,
        maintenances: items::<Maintenance>(object.get("maintenances"), "maintenances")?,
    };
    tidy(&mut snapshot, warnings);
    Ok(snapshot)
}

/// Reads a list field item by item so that an error names the item (`components[2]`).
fn items<T: for<'de> Deserialize<'de>>(
    value: Option<&Value>,
    field: &str,
) -> Result<Vec<T>, String> {
    if matches!(value, Some(Value::Null)) {
        return Err(format!("`{field}` is null, expected an array"));
    }
    list(value, field)?
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let at = format!("{field}[{index}]");
            objects_only(item, &at)?;
            T::deserialize(item).map_err(|e| format!("`{at}`: {e}"))
        })
        .collect()
}

/// serde would also read a struct from a JSON array of its fields in order; the format
/// (and its schema) says objects, so anything else is refused before serde sees it.
fn objects_only(item: &Value, at: &str) -> Result<(), String> {
    if !item.is_object() {
        return Err(format!("`{at}` is {}, expected an object", kind(item)));
    }
    if let Some(Value::Array(updates)) = item.get("updates") {
        for (index, update) in updates.iter().enumerate() {
            if !update.is_object() {
                return Err(format!(
                    "`{at}.updates[{index}]` is {}, expected an object",
                    kind(update)
                ));
            }
        }
    }
    Ok(())
}

fn trim(text: &mut String) {
    let trimmed = text.trim();
    if trimmed.len() != text.len() {
        *text = trimmed.to_owned();
    }
}

fn trim_option(text: &mut Option<String>) {
    *text = clean(text.as_deref());
}

fn tidy_updates(updates: &mut [Update]) {
    for update in updates.iter_mut() {
        trim(&mut update.status);
        trim(&mut update.body);
        update.affected.iter_mut().for_each(trim);
    }
    updates.sort_by_key(|u| std::cmp::Reverse(u.at_ms));
}

/// Applies the rules every format shares: trimmed text, web links only, timelines newest
/// first, and no member pointing at a group that is not there.
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
    super::detach_from_missing_groups(snapshot, warnings);
    for incident in &mut snapshot.incidents {
        trim(&mut incident.id);
        trim(&mut incident.title);
        trim_option(&mut incident.users_affected);
        incident.affected.iter_mut().for_each(trim);
        tidy_updates(&mut incident.updates);
        let what = format!("incident \"{}\"", incident.title);
        incident.url = web_link(incident.url.as_deref(), &what, warnings);
    }
    snapshot
        .incidents
        .sort_by_key(|i| std::cmp::Reverse(i.started_at_ms));
    for maintenance in &mut snapshot.maintenances {
        trim(&mut maintenance.id);
        trim(&mut maintenance.title);
        trim_option(&mut maintenance.users_affected);
        maintenance.affected.iter_mut().for_each(trim);
        tidy_updates(&mut maintenance.updates);
        let what = format!("maintenance \"{}\"", maintenance.title);
        maintenance.url = web_link(maintenance.url.as_deref(), &what, warnings);
    }
}
