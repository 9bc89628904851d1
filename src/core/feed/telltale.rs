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

use std::collections::{HashMap, HashSet};

use super::text::{clean, list, web_link};
use super::Warning;
use crate::core::json::{wrong_type, Json, Object};
use crate::core::model::{
    newest_first, sort_by_rank, Component, Group, Incident, IncidentStatus, Level, Maintenance,
    MaintenanceStatus, Page, Snapshot, Update,
};
use crate::core::time::rfc3339_utc;

/// The version of the format this reader understands.
pub(crate) const VERSION: i64 = 1;

/// The earliest time the format carries: 0001-01-01T00:00:00Z, the start of RFC 3339's
/// years. The schema's `minimum` for every `…_ms` field.
pub(crate) const MIN_TIME_MS: i64 = -62_135_596_800_000;

/// The latest time the format carries: 9999-12-31T23:59:59.999Z. The schema's `maximum`
/// for every `…_ms` field; beyond it no calendar text can show the time.
pub(crate) const MAX_TIME_MS: i64 = 253_402_300_799_999;

/// A `…_ms` value below this (10^11 ms, 1973-03-03) is almost certainly seconds: read as
/// seconds it is any date up to the year 5138.
const SECONDS_LIKE_BELOW_MS: i64 = 100_000_000_000;

/// At most this many warnings of one kind name a distinct field or id; the rest are
/// counted in one more, so a hostile document cannot make the list unbounded.
const DISTINCT_WARNINGS_MAX: usize = 20;

// The members each object of the format defines, in the schema's order.
const TOP_FIELDS: &[&str] = &[
    "telltale",
    "page",
    "groups",
    "components",
    "incidents",
    "maintenances",
];
const PAGE_FIELDS: &[&str] = &["name", "url", "updated_at_ms"];
const GROUP_FIELDS: &[&str] = &["id", "name"];
const COMPONENT_FIELDS: &[&str] = &[
    "id",
    "name",
    "level",
    "group_id",
    "description",
    "only_show_if_degraded",
];
const INCIDENT_FIELDS: &[&str] = &[
    "id",
    "title",
    "impact",
    "status",
    "started_at_ms",
    "resolved_at_ms",
    "affected",
    "users_affected",
    "updates",
    "url",
];
const MAINTENANCE_FIELDS: &[&str] = &[
    "id",
    "title",
    "status",
    "starts_at_ms",
    "ends_at_ms",
    "affected",
    "users_affected",
    "updates",
    "url",
];
const UPDATE_FIELDS: &[&str] = &["status", "body", "at_ms", "affected"];

/// Spellings from Statuspage that an author porting a feed writes by habit, with the
/// field this format calls them: no edit distance finds these. Suggested only where the
/// field exists.
const HABITS: &[(&str, &str)] = &[
    ("status", "level"),
    ("name", "title"),
    ("components", "affected"),
    ("affected_components", "affected"),
    ("incident_updates", "updates"),
    ("message", "body"),
    ("scheduled_maintenances", "maintenances"),
    ("scheduled_for", "starts_at_ms"),
    ("scheduled_until", "ends_at_ms"),
    ("shortlink", "url"),
];

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
            read_page(object).map_err(|e| format!("`page`: {e}"))?
        }
    };
    let mut snapshot = Snapshot {
        page: Page {
            name: clean(page.name.as_deref()),
            url: web_link(page.url.as_deref(), "page", warnings),
            updated_at_ms: page.updated_at_ms,
        },
        groups: items(object.get("groups"), "groups", read_group)?,
        components: items(object.get("components"), "components", read_component)?,
        incidents: items(object.get("incidents"), "incidents", read_incident)?,
        maintenances: items(object.get("maintenances"), "maintenances", read_maintenance)?,
        // Kept from a Statuspage document only; a kept snapshot carries them beside it.
        ..Snapshot::default()
    };
    unknown_fields(object, warnings);
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
            read(object).map_err(|e| format!("`{at}`: {e}"))
        })
        .collect()
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
        Some(Json::Number(n)) => match n.as_integer() {
            Some(at_ms) if (MIN_TIME_MS..=MAX_TIME_MS).contains(&at_ms) => Ok(Some(at_ms)),
            _ => Err(format!(
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
            Ok(Update {
                status: object.req_str("status")?.to_owned(),
                body: object.req_str("body")?.to_owned(),
                at_ms: time_ms(object, "at_ms")?,
                affected: strings(object, "affected")?,
            })
            .map_err(|e: String| format!("`updates[{index}]`: {e}"))
        })
        .collect()
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
/// prints and what the widget keeps in storage. Absent optional values, empty lists and a
/// false `only_show_if_degraded` are left out, and so are times outside the years 1 to
/// 9999; [`normalize`] reads the result back to an equal snapshot (one with an item per
/// id, as every format gives).
pub(crate) fn document(snapshot: &Snapshot) -> Object {
    let page = Object::new()
        .with_some("name", snapshot.page.name.as_deref())
        .with_some("url", snapshot.page.url.as_deref())
        .with_some("updated_at_ms", carried(snapshot.page.updated_at_ms));
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

/// A time the format can carry; `None` for one outside the years 1 to 9999 (an Apple
/// epoch can be any integer), which no reader of the document could show anyway.
fn carried(at_ms: Option<i64>) -> Option<i64> {
    at_ms.filter(|at_ms| (MIN_TIME_MS..=MAX_TIME_MS).contains(at_ms))
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
    let trimmed = text.trim();
    if trimmed.len() != text.len() {
        *text = trimmed.to_owned();
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

    odd_times(snapshot, warnings);
    unknown_affected(snapshot, warnings);
    first_of_each_id(&mut snapshot.groups, "groups", |g| &g.id, warnings);
    first_of_each_id(&mut snapshot.components, "components", |c| &c.id, warnings);
    first_of_each_id(&mut snapshot.incidents, "incidents", |i| &i.id, warnings);
    first_of_each_id(
        &mut snapshot.maintenances,
        "maintenances",
        |m| &m.id,
        warnings,
    );

    super::detach_from_missing_groups(snapshot, warnings);
    for incident in &mut snapshot.incidents {
        sort_by_rank(&mut incident.updates, |u| newest_first(u.at_ms));
        let what = format!("incident \"{}\"", incident.title);
        incident.url = web_link(incident.url.as_deref(), &what, warnings);
    }
    sort_by_rank(&mut snapshot.incidents, |i| newest_first(i.started_at_ms));
    for maintenance in &mut snapshot.maintenances {
        sort_by_rank(&mut maintenance.updates, |u| newest_first(u.at_ms));
        let what = format!("maintenance \"{}\"", maintenance.title);
        maintenance.url = web_link(maintenance.url.as_deref(), &what, warnings);
    }
}

/// Warns about each member the format does not define, once per field and kind of object
/// (with how many more objects have it), suggesting the defined field it is probably a
/// typo of. Members named `x_…` are the author's own extensions and pass in silence.
fn unknown_fields(document: &Object, warnings: &mut Vec<Warning>) {
    let mut found = Unknowns::default();
    found.note(document, "", "", TOP_FIELDS);
    if let Some(Json::Object(page)) = document.get("page") {
        found.note(page, "page", "page", PAGE_FIELDS);
    }
    let lists: [(&'static str, &[&str]); 4] = [
        ("groups", GROUP_FIELDS),
        ("components", COMPONENT_FIELDS),
        ("incidents", INCIDENT_FIELDS),
        ("maintenances", MAINTENANCE_FIELDS),
    ];
    for (list, fields) in lists {
        let items = document
            .get(list)
            .and_then(Json::as_array)
            .unwrap_or_default();
        for (index, item) in items.iter().enumerate() {
            let Some(object) = item.as_object() else {
                continue;
            };
            let at = format!("{list}[{index}]");
            found.note(object, &at, list, fields);
            let updates = object.get("updates").and_then(Json::as_array);
            for (index, update) in updates.unwrap_or_default().iter().enumerate() {
                if let Some(update) = update.as_object() {
                    found.note(
                        update,
                        &format!("{at}.updates[{index}]"),
                        "updates",
                        UPDATE_FIELDS,
                    );
                }
            }
        }
    }
    warnings.extend(found.repeated.into_iter().map(Warning));
    for field in found.fields {
        let at = place(&field.first_at);
        let hint = field
            .suggestion
            .map(|known| format!(" (did you mean `{known}`?)"))
            .unwrap_or_default();
        let more = match field.more {
            0 => String::new(),
            n => format!(" (also in {n} more {})", field.kind),
        };
        warnings.push(Warning(format!(
            "{at}unknown field `{}`{hint}; ignored{more}",
            field.key
        )));
    }
    if found.others > 0 {
        warnings.push(Warning(format!(
            "{} more unknown fields; ignored",
            found.others
        )));
    }
}

/// Unknown members found so far, each kept once.
#[derive(Default)]
struct Unknowns {
    fields: Vec<UnknownField>,
    /// Distinct unknown members beyond [`DISTINCT_WARNINGS_MAX`].
    others: usize,
    /// Warnings about keys written twice in one object.
    repeated: Vec<String>,
}

/// "`components[1]`: ", the start of a warning about an object; nothing for the top level.
fn place(at: &str) -> String {
    if at.is_empty() {
        String::new()
    } else {
        format!("`{at}`: ")
    }
}

struct UnknownField {
    key: String,
    /// The list whose items have it (`components`), `page`, or empty for the top level.
    kind: &'static str,
    /// Where it was seen first (`components[1]`), empty for the top level.
    first_at: String,
    /// How many more objects of the same kind have it.
    more: usize,
    /// The last object it was counted in, so a key repeated in one object counts once.
    last_at: String,
    suggestion: Option<&'static str>,
}

impl Unknowns {
    fn note(&mut self, object: &Object, at: &str, kind: &'static str, known: &[&'static str]) {
        let mut keys = HashSet::new();
        for key in object.keys() {
            // JSON allows a repeated key; every reader keeps the last, which is seldom what
            // the author meant.
            if !keys.insert(key) && self.repeated.len() < DISTINCT_WARNINGS_MAX {
                self.repeated.push(format!(
                    "{}the field `{key}` is written twice; the last one counts",
                    place(at)
                ));
            }
            if known.contains(&key) || key.starts_with("x_") {
                continue;
            }
            let same = |f: &&mut UnknownField| f.key == key && f.kind == kind;
            if let Some(field) = self.fields.iter_mut().find(same) {
                if field.last_at != at {
                    field.more += 1;
                    at.clone_into(&mut field.last_at);
                }
            } else if self.fields.len() < DISTINCT_WARNINGS_MAX {
                self.fields.push(UnknownField {
                    key: key.to_owned(),
                    kind,
                    first_at: at.to_owned(),
                    more: 0,
                    last_at: at.to_owned(),
                    suggestion: suggest(key, known),
                });
            } else {
                self.others += 1;
            }
        }
    }
}

/// The defined field `key` is probably a misspelling of: a habit from another format, a
/// field it starts (`started_at` for `started_at_ms`), or the closest one within a few
/// edits (a third of its length, at least one), ignoring case.
fn suggest(key: &str, known: &[&'static str]) -> Option<&'static str> {
    // Keys this long are no typo; the bound also keeps the distance cheap.
    if key.len() > 64 {
        return None;
    }
    let habit = HABITS
        .iter()
        .find(|(written, meant)| *written == key && known.contains(meant))
        .map(|(_, meant)| *meant);
    if habit.is_some() {
        return habit;
    }
    let lower = key.to_ascii_lowercase();
    if lower.len() >= 3 {
        if let Some(known) = known.iter().find(|k| k.starts_with(lower.as_str())) {
            return Some(known);
        }
    }
    known
        .iter()
        .map(|k| (edit_distance(&lower, k), *k))
        .filter(|(distance, k)| *distance <= (k.len() / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, k)| k)
}

/// Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`: the
/// optimal string alignment distance, over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows of the table: two back (for swaps), the previous one and the current one.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let mut best = (previous[j] + cost)
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
            if i > 0 && j > 0 && a[i - 1] == cb && ca == b[j - 1] {
                best = best.min(before[j - 1] + 1);
            }
            current[j + 1] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// Warns about times that are well-formed but wrong: seconds written where milliseconds
/// belong (the most common slip, since most languages count seconds), times before 1970,
/// and a window or an incident that ends before it starts.
fn odd_times(snapshot: &Snapshot, warnings: &mut Vec<Warning>) {
    odd_time("page.updated_at_ms", snapshot.page.updated_at_ms, warnings);
    for (index, incident) in snapshot.incidents.iter().enumerate() {
        let at = format!("incidents[{index}]");
        let (start, end) = (incident.started_at_ms, incident.resolved_at_ms);
        odd_time(&format!("{at}.started_at_ms"), start, warnings);
        odd_time(&format!("{at}.resolved_at_ms"), end, warnings);
        ends_after_start(&at, ("started", start), ("resolved", end), warnings);
        odd_update_times(&at, &incident.updates, warnings);
    }
    for (index, maintenance) in snapshot.maintenances.iter().enumerate() {
        let at = format!("maintenances[{index}]");
        let (start, end) = (maintenance.starts_at_ms, maintenance.ends_at_ms);
        odd_time(&format!("{at}.starts_at_ms"), start, warnings);
        odd_time(&format!("{at}.ends_at_ms"), end, warnings);
        ends_after_start(&at, ("starts", start), ("ends", end), warnings);
        odd_update_times(&at, &maintenance.updates, warnings);
    }
}

fn odd_update_times(at: &str, updates: &[Update], warnings: &mut Vec<Warning>) {
    for (index, update) in updates.iter().enumerate() {
        odd_time(
            &format!("{at}.updates[{index}].at_ms"),
            update.at_ms,
            warnings,
        );
    }
}

fn odd_time(at: &str, at_ms: Option<i64>, warnings: &mut Vec<Warning>) {
    let Some(at_ms) = at_ms else {
        return;
    };
    if at_ms < 0 {
        warnings.push(Warning(format!(
            "`{at}` is {at_ms}, a time before 1970 ({})",
            rfc3339_utc(at_ms)
        )));
    } else if at_ms < SECONDS_LIKE_BELOW_MS {
        warnings.push(Warning(format!(
            "`{at}` is {at_ms}, which is {} in milliseconds: it looks like seconds, not \
             milliseconds",
            rfc3339_utc(at_ms)
        )));
    }
}

/// Warns when the end of `at` comes before its start.
fn ends_after_start(
    at: &str,
    (start_word, start): (&str, Option<i64>),
    (end_word, end): (&str, Option<i64>),
    warnings: &mut Vec<Warning>,
) {
    if let (Some(start), Some(end)) = (start, end) {
        if end < start {
            warnings.push(Warning(format!(
                "`{at}` {end_word} ({}) before it {start_word} ({})",
                rfc3339_utc(end),
                rfc3339_utc(start)
            )));
        }
    }
}

/// Warns once about each `affected` id that is neither a component nor a group of the
/// feed, naming where it appears first: the widget cannot name it and leaves it out.
fn unknown_affected(snapshot: &Snapshot, warnings: &mut Vec<Warning>) {
    let known: HashSet<&str> = snapshot
        .components
        .iter()
        .map(|c| c.id.as_str())
        .chain(snapshot.groups.iter().map(|g| g.id.as_str()))
        .collect();
    // (id, first place, how many more places), in the order first seen.
    let mut unknown: Vec<(String, String, usize)> = Vec::new();
    let mut others = 0_usize;
    let mut note = |ids: &[String], at: &dyn Fn() -> String| {
        for id in ids {
            if known.contains(id.as_str()) {
                continue;
            }
            if let Some(entry) = unknown.iter_mut().find(|entry| entry.0 == *id) {
                entry.2 += 1;
            } else if unknown.len() < DISTINCT_WARNINGS_MAX {
                unknown.push((id.clone(), at(), 0));
            } else {
                others += 1;
            }
        }
    };
    let events = snapshot
        .incidents
        .iter()
        .enumerate()
        .map(|(index, i)| (format!("incidents[{index}]"), &i.affected, &i.updates))
        .chain(
            snapshot
                .maintenances
                .iter()
                .enumerate()
                .map(|(index, m)| (format!("maintenances[{index}]"), &m.affected, &m.updates)),
        );
    for (at, affected, updates) in events {
        note(affected, &|| format!("{at}.affected"));
        for (index, update) in updates.iter().enumerate() {
            note(&update.affected, &|| {
                format!("{at}.updates[{index}].affected")
            });
        }
    }
    for (id, at, more) in unknown {
        let more = match more {
            0 => String::new(),
            1 => " (and in 1 more place)".to_owned(),
            n => format!(" (and in {n} more places)"),
        };
        warnings.push(Warning(format!(
            "`{at}` names \"{id}\", which is no component or group in the feed; it is left \
             out{more}"
        )));
    }
    if others > 0 {
        warnings.push(Warning(format!(
            "{others} more `affected` ids name no component or group in the feed"
        )));
    }
}

/// Keeps the first item of each id, in feed order, with a warning for each later one
/// (JSON readers keep the first of repeated items, so that is what the author means), and
/// warns about an empty id, which the embed's `components` attribute and `affected` lists
/// cannot name. Ids are trimmed already.
fn first_of_each_id<T>(
    items: &mut Vec<T>,
    list: &str,
    id: fn(&T) -> &String,
    warnings: &mut Vec<Warning>,
) {
    // Each id and the index of its first item.
    let mut first_at: HashMap<String, usize> = HashMap::new();
    let mut index = 0;
    items.retain(|item| {
        let here = index;
        index += 1;
        let id = id(item);
        if id.is_empty() {
            warnings.push(Warning(format!("`{list}[{here}]` has an empty id")));
        }
        let first = *first_at.entry(id.clone()).or_insert(here);
        if first == here {
            return true;
        }
        warnings.push(Warning(format!(
            "`{list}[{here}]` has the id \"{id}\" of `{list}[{first}]`; it is left out (the \
             first one counts)"
        )));
        false
    });
}
