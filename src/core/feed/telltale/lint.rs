//! Lints for the authors of Telltale feeds, printed by `telltale check`: unknown fields
//! (with the field meant), times that look like seconds or lie before 1970, windows that
//! end before they start, and `affected` ids that name nothing. Native builds only: the
//! widget shows no feed warnings.

use std::collections::HashSet;

use super::super::Warning;
use crate::core::json::{Json, Object};
use crate::core::model::{Snapshot, Update};
use crate::core::time::rfc3339_utc;

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
const PAGE_FIELDS: &[&str] = &["name", "url", "updated_at_ms", "announcement"];
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

/// Warns about each member the format does not define, once per field and kind of object
/// (with how many more objects have it), suggesting the defined field it is probably a
/// typo of. Members named `x_…` are the author's own extensions and pass in silence.
pub(super) fn unknown_fields(document: &Object, warnings: &mut Vec<Warning>) {
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
pub(super) fn odd_times(snapshot: &Snapshot, warnings: &mut Vec<Warning>) {
    odd_time("page.updated_at_ms", snapshot.page.updated_at_ms, warnings);
    for (index, incident) in snapshot.incidents.iter().enumerate() {
        let start = ("started", incident.started_at_ms);
        let end = ("resolved", incident.resolved_at_ms);
        let at = format!("incidents[{index}]");
        odd_event_times(&at, start, end, &incident.updates, warnings);
    }
    for (index, maintenance) in snapshot.maintenances.iter().enumerate() {
        let start = ("starts", maintenance.starts_at_ms);
        let end = ("ends", maintenance.ends_at_ms);
        let at = format!("maintenances[{index}]");
        odd_event_times(&at, start, end, &maintenance.updates, warnings);
    }
}

/// The checks of [`odd_times`] for one event at `at`, whose start and end are the fields
/// `<word>_at_ms`.
fn odd_event_times(
    at: &str,
    start: (&str, Option<i64>),
    end: (&str, Option<i64>),
    updates: &[Update],
    warnings: &mut Vec<Warning>,
) {
    for (word, at_ms) in [start, end] {
        odd_time(&format!("{at}.{word}_at_ms"), at_ms, warnings);
    }
    ends_after_start(at, start, end, warnings);
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
/// feed, naming where it appears first: the widget cannot name it and leaves it out. A
/// feed with no component and no group names what it affects directly, by name.
pub(super) fn unknown_affected(snapshot: &Snapshot, warnings: &mut Vec<Warning>) {
    if snapshot.names_affected_directly() {
        return;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_inserts_deletes_replaces_and_swaps() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("title", "title"), 0);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        // A swap of two neighbours is one edit, anywhere in the word.
        assert_eq!(edit_distance("impcat", "impact"), 1);
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("itle", "title"), 1);
        assert_eq!(edit_distance("tilte", "title"), 1);
        // A letter too many, anywhere in the word, is one deletion.
        assert_eq!(edit_distance("titlle", "title"), 1);
        assert_eq!(edit_distance("abcd", "acd"), 1);
        // Optimal string alignment: a swapped pair is not edited again.
        assert_eq!(edit_distance("ca", "abc"), 3);
        // Over characters, not bytes.
        assert_eq!(edit_distance("résumé", "resume"), 2);
    }

    #[test]
    fn suggest_allows_a_third_of_the_length_and_prefixes_of_three_or_more() {
        let known = ["resolved_at_ms", "title", "id"];
        // Three edits from a 14-letter field: within a third of its length.
        assert_eq!(suggest("resolvd_a_mx", &known), Some("resolved_at_ms"));
        assert_eq!(suggest("resolvd_a_xx", &known), Some("resolved_at_ms"));
        assert_eq!(suggest("rsolvd_a_xxx", &known), None);
        // A field it starts, from three letters on, in any case.
        assert_eq!(suggest("RES", &known), Some("resolved_at_ms"));
        assert_eq!(suggest("re", &known), None);
        // At least one edit for a short field.
        assert_eq!(suggest("ix", &known), Some("id"));
        assert_eq!(suggest(&"x".repeat(65), &known), None);
    }
}
