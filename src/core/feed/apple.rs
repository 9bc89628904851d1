//! Apple System Status (`system_status_<locale>.js`, consumer and developer feeds).
//!
//! The document is `{services: [{serviceName, redirectUrl, events: [...]}], ...}`, usually
//! inside a `jsonCallback( … );` wrapper (removed before this reader runs). Apple lists one
//! event under every service it affects, so the same event (same `messageId`, or the same
//! message and start when there is no id) is gathered into one incident or maintenance that
//! affects all of those services. Where Apple gave the same `messageId` a different message
//! under some services, each message is an event of its own (its id gets `-2`, `-3`, …), so
//! every service keeps its own text and an embed filtered to one shows that one's. Names
//! are HTML-escaped in the feed (`&amp;`) and carry stray spaces; both are cleaned. The
//! epoch-millisecond fields are preferred over the Pacific-time strings.

use std::collections::{HashMap, HashSet};

use super::lenient::{self, Word};
use super::text::{clean_body, clean_name, list, tidy};
use super::{real_time, showable_time, Warning};
use crate::core::json::{Json, Object};
use crate::core::model::{
    newest_first, positions, sort_by_rank, Component, Incident, IncidentStatus, Level, Maintenance,
    MaintenanceStatus, Snapshot, Update,
};
use crate::core::time::{days_from_civil, days_in_month, MINUTE_MS};

/// One event as the feed lists it, borrowing from the document. Its members are read
/// leniently (see `lenient`): one of the wrong type is read as absent with a warning, and
/// `statusType` or `eventStatus` of the wrong type as an unknown word, so the event, which
/// carries a state, is kept.
struct RawEvent<'a> {
    status_type: Word<'a>,
    event_status: Word<'a>,
    message: Option<&'a str>,
    users_affected: Option<&'a str>,
    affected_services: Option<&'a Json>,
    epoch_start_date: Option<&'a Json>,
    epoch_end_date: Option<&'a Json>,
    date_posted: Option<&'a str>,
    message_id: Option<&'a Json>,
}

impl<'a> RawEvent<'a> {
    fn read(object: &'a Object, at: &str, warnings: &mut Vec<Warning>) -> Self {
        // Members read leniently are taken as they are, `null` as absent.
        let any = |key: &str| object.get(key).filter(|v| !matches!(v, Json::Null));
        RawEvent {
            status_type: lenient::word(object, "statusType"),
            event_status: lenient::word(object, "eventStatus"),
            message: lenient::text(object, "message", at, warnings),
            users_affected: lenient::text(object, "usersAffected", at, warnings),
            affected_services: any("affectedServices"),
            epoch_start_date: any("epochStartDate"),
            epoch_end_date: any("epochEndDate"),
            date_posted: lenient::text(object, "datePosted", at, warnings),
            message_id: any("messageId"),
        }
    }
}

/// What an event's `statusType` says about the services it affects.
#[derive(Clone, Copy)]
enum Kind {
    /// An unplanned problem of this level.
    Problem(Level),
    /// Planned work.
    Maintenance,
}

/// An event's `eventStatus`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Ongoing,
    Resolved,
    Upcoming,
    Completed,
}

/// One event, gathered from every service that lists it.
struct Gathered<'a> {
    key: String,
    /// The identity it shares with the other messages of its `messageId` (see [`key_of`]).
    identity: String,
    raw: RawEvent<'a>,
    affected: Vec<String>,
    /// The same ids as `affected`, for constant-time checks on feeds with many services.
    seen: HashSet<String>,
}

impl Gathered<'_> {
    fn affect(&mut self, id: &str) {
        if self.seen.insert(id.to_owned()) {
            self.affected.push(id.to_owned());
        }
    }
}

/// Reads an Apple System Status document into the model. `Err` carries the reason it is
/// not one.
pub(crate) fn normalize(value: &Json, warnings: &mut Vec<Warning>) -> Result<Snapshot, String> {
    let Some(services) = value.get("services") else {
        return Err(format!(
            "expected an object with a `services` array; the document is {}",
            value.kind()
        ));
    };
    if !services.is_array() {
        return Err(format!(
            "`services` is {}, expected an array",
            services.kind()
        ));
    }
    let services = list(Some(services), "services")?;

    let mut snapshot = Snapshot::default();
    snapshot.page.announcement = announcement(value.get("drMessage"), warnings);
    let mut events: Vec<Gathered> = Vec::new();
    // By the event's identity and its message, "<identity>\0<message>": Apple may give one
    // `messageId` a message of its own under each service ("users may be unable to access
    // iCloud Mail").
    let mut event_index_by_key: HashMap<String, usize> = HashMap::new();
    // How many messages each identity has had so far (for the ids of the second and later).
    let mut messages_by_key: HashMap<String, usize> = HashMap::new();
    // Every "<identity>\0<service id>" listed, under any of the identity's messages.
    let mut listed: HashSet<String> = HashSet::new();
    let mut service_ids: HashSet<String> = HashSet::new();
    for (index, item) in services.iter().enumerate() {
        let Some(service) = item.as_object() else {
            warning!(
                warnings,
                "services[{index}] is {}, expected an object; skipped",
                item.kind()
            );
            continue;
        };
        // The name is the service's id: without it there is no row to show.
        let service_name = match service.opt_str("serviceName") {
            Ok(name) => name,
            Err(e) => {
                warning!(warnings, "services[{index}] was skipped: {e}");
                continue;
            }
        };
        let service_at = context!("services[{index}]");
        let service_events = lenient::array(service, "events", &service_at, warnings);
        let Some(id) = service_name.map(tidy).filter(|s| !s.is_empty()) else {
            warning!(warnings, "services[{index}] has no serviceName; skipped");
            continue;
        };
        let id = id.into_owned();
        if !service_ids.insert(id.clone()) {
            warning!(
                warnings,
                "service \"{id}\" is listed twice; its events were merged"
            );
        } else {
            snapshot.components.push(Component {
                name: clean_name(&id),
                id: id.clone(),
                level: Level::Operational,
                group_id: None,
                description: None,
                only_show_if_degraded: false,
            });
        }
        for (event_index, event) in service_events.unwrap_or_default().iter().enumerate() {
            let Some(event) = event.as_object() else {
                warning!(
                    warnings,
                    "event {event_index} of service \"{id}\" is {}, expected an object; skipped",
                    event.kind()
                );
                continue;
            };
            let event_at = context!("services[{index}].events[{event_index}]");
            let raw_event = RawEvent::read(event, &event_at, warnings);
            let identity = key_of(&raw_event);
            let message = raw_event.message.map(str::trim).unwrap_or_default();
            let variant = format!("{identity}\0{message}");
            listed.insert(format!("{identity}\0{id}"));
            match event_index_by_key
                .get(&variant)
                .and_then(|&i| events.get_mut(i))
            {
                Some(gathered) => {
                    // Listed again under another service, and ongoing there though not
                    // where it was first seen (a feed caught mid-update): believe the
                    // ongoing one. Hiding a possible outage is the worse mistake.
                    if is_ongoing(&raw_event) && !is_ongoing(&gathered.raw) {
                        gathered.raw = raw_event;
                    }
                    gathered.affect(&id);
                }
                None => {
                    let messages = messages_by_key.entry(identity.clone()).or_default();
                    *messages += 1;
                    let key = match *messages {
                        1 => identity.clone(),
                        n => format!("{identity}-{n}"),
                    };
                    let mut gathered = Gathered {
                        key,
                        identity,
                        raw: raw_event,
                        affected: Vec::new(),
                        seen: HashSet::new(),
                    };
                    gathered.affect(&id);
                    event_index_by_key.insert(variant, events.len());
                    events.push(gathered);
                }
            }
        }
    }

    let index_by_id = positions(&mut snapshot.components.iter().map(|c| &c.id));
    // Names too, for `affectedServices`: the first service of each name.
    let index_by_name = positions(&mut snapshot.components.iter().map(|c| &c.name));
    for gathered in events {
        add_event(
            gathered,
            &listed,
            &mut snapshot,
            [&index_by_id, &index_by_name],
            warnings,
        );
    }
    sort_by_rank(&mut snapshot.incidents, |i| newest_first(i.started_at_ms));
    Ok(snapshot)
}

/// The message Apple shows above its services (`drMessage`, usually `null`), cleaned as a
/// body is; `None` when there is none or it is not text.
fn announcement(value: Option<&Json>, warnings: &mut Vec<Warning>) -> Option<String> {
    match value? {
        Json::String(text) => Some(clean_body(text)).filter(|text| !text.is_empty()),
        Json::Null => None,
        other => {
            warning!(
                warnings,
                "`drMessage` is {}, expected a string; ignored",
                other.kind()
            );
            None
        }
    }
}

/// Adds one gathered event to `snapshot`. `listed` holds "<identity>\0<service id>" for
/// every service that lists an event, under any of its identity's messages.
fn add_event(
    mut gathered: Gathered<'_>,
    listed: &HashSet<String>,
    snapshot: &mut Snapshot,
    [index_by_id, index_by_name]: [&HashMap<String, usize>; 2],
    warnings: &mut Vec<Warning>,
) {
    // `affectedServices`, when given, names more services hit by the same event; with
    // several messages, only the first takes those that list none of them.
    let names = match gathered.raw.affected_services.take() {
        Some(Json::Array(names)) if gathered.key == gathered.identity => names.as_slice(),
        _ => &[],
    };
    for name in names.iter().filter_map(Json::as_str) {
        let found = index_by_id
            .get(tidy(name).as_ref())
            .or_else(|| index_by_name.get(&clean_name(name)))
            .copied();
        if let Some(c) = found.and_then(|i| snapshot.components.get(i)) {
            if !listed.contains(&format!("{}\0{}", gathered.identity, c.id)) {
                gathered.affect(&c.id);
            }
        }
    }
    let Gathered {
        key, raw, affected, ..
    } = gathered;
    // Apple's events carry no title: the model's title stays empty and views name the
    // affected services they show (a filtered embed must not name the others). Warnings
    // name the event by its services.
    let title = String::new();
    let names = || {
        let names: Vec<&str> = affected
            .iter()
            .filter_map(|id| {
                index_by_id
                    .get(id)
                    .and_then(|&i| snapshot.components.get(i))
            })
            .map(|c| c.name.as_str())
            .collect();
        names.join(", ")
    };
    let what = context!("event for \"{}\"", names());
    let kind = kind_of(raw.status_type, &what, warnings);
    let stage = stage_of(raw.event_status, &what, warnings);
    let start_ms = epoch(raw.epoch_start_date);
    let end_ms = epoch(raw.epoch_end_date);
    let body = raw.message.map(clean_body).unwrap_or_default();
    let update = Update {
        status: match stage {
            Stage::Ongoing => "ongoing",
            Stage::Resolved => "resolved",
            Stage::Upcoming => "upcoming",
            Stage::Completed => "completed",
        }
        .to_owned(),
        body,
        // Without `datePosted`, the message of an event that has ended is dated by its
        // end: "Resolved" at the time the trouble began would say it never happened.
        at_ms: (raw.date_posted.and_then(pacific_time))
            .or(end_ms.filter(|_| matches!(stage, Stage::Resolved | Stage::Completed)))
            .or(start_ms),
        affected: Vec::new(),
    };
    let users_affected = raw.users_affected.map(clean_body).filter(|s| !s.is_empty());

    if stage == Stage::Ongoing {
        let level = match kind {
            Kind::Problem(level) => level,
            Kind::Maintenance => Level::Maintenance,
        };
        // By the event's own services, not a walk of every service per event: a feed
        // with an ongoing event under each of 9,000 services took seconds that way.
        for &i in affected.iter().filter_map(|id| index_by_id.get(id)) {
            if let Some(component) = snapshot.components.get_mut(i) {
                component.level = component.level.max(level);
            }
        }
    }

    // Apple announces only planned work ahead of time, so an upcoming event is maintenance
    // whatever its type.
    let planned = matches!(kind, Kind::Maintenance) || stage == Stage::Upcoming;
    if planned {
        snapshot.maintenances.push(Maintenance {
            id: key,
            title,
            status: match stage {
                Stage::Upcoming => MaintenanceStatus::Scheduled,
                Stage::Ongoing => MaintenanceStatus::InProgress,
                Stage::Resolved | Stage::Completed => MaintenanceStatus::Completed,
            },
            starts_at_ms: start_ms,
            ends_at_ms: end_ms,
            affected,
            users_affected,
            updates: vec![update],
            url: None,
        });
    } else {
        let (status, resolved_at_ms) = match stage {
            Stage::Ongoing | Stage::Upcoming => (IncidentStatus::Ongoing, None),
            Stage::Resolved | Stage::Completed => (IncidentStatus::Resolved, end_ms),
        };
        snapshot.incidents.push(Incident {
            id: key,
            title,
            impact: match kind {
                Kind::Problem(level) => level,
                Kind::Maintenance => Level::Maintenance,
            },
            status,
            started_at_ms: start_ms,
            resolved_at_ms,
            affected,
            users_affected,
            updates: vec![update],
            url: None,
        });
    }
}

fn kind_of(status_type: Word<'_>, what: &str, warnings: &mut Vec<Warning>) -> Kind {
    let text = trimmed(status_type);
    match text.to_ascii_lowercase().as_str() {
        "outage" => Kind::Problem(Level::MajorOutage),
        "issue" => Kind::Problem(Level::PartialOutage),
        "performance" => Kind::Problem(Level::Degraded),
        "maintenance" => Kind::Maintenance,
        _ => {
            warning!(
                warnings,
                "{what} has {}; shown as degraded",
                unknown("statusType", status_type)
            );
            Kind::Problem(Level::Degraded)
        }
    }
}

fn stage_of(event_status: Word<'_>, what: &str, warnings: &mut Vec<Warning>) -> Stage {
    stage(event_status).unwrap_or_else(|| {
        warning!(
            warnings,
            "{what} has {}; shown as ongoing",
            unknown("eventStatus", event_status)
        );
        Stage::Ongoing
    })
}

/// How a warning names a `field` whose value is not one Telltale knows: `unknown
/// statusType "Degradation"`, `no statusType` when it is missing or blank, or `statusType
/// that is a number, not a string`. Called inside [`warning!`], so the wasm, which keeps no
/// warnings, never calls it.
fn unknown(field: &str, word: Word<'_>) -> String {
    if let Err(value) = word {
        return format!("`{field}` that is {}, not a string", value.kind());
    }
    let text = trimmed(word);
    if text.is_empty() {
        format!("no {field}")
    } else {
        format!("unknown {field} \"{text}\"")
    }
}

/// A state word trimmed; empty when it is missing or of another type.
fn trimmed(word: Word<'_>) -> &str {
    word.ok().flatten().map(str::trim).unwrap_or_default()
}

/// The stage `eventStatus` names, in any case; `None` for anything else.
fn stage(event_status: Word<'_>) -> Option<Stage> {
    let text = trimmed(event_status);
    Some(match text.to_ascii_lowercase().as_str() {
        "ongoing" => Stage::Ongoing,
        "resolved" => Stage::Resolved,
        "upcoming" => Stage::Upcoming,
        "completed" => Stage::Completed,
        _ => return None,
    })
}

/// True when `eventStatus` says ongoing, or says nothing readable (which [`stage_of`]
/// shows as ongoing too).
fn is_ongoing(raw: &RawEvent<'_>) -> bool {
    stage(raw.event_status).is_none_or(|stage| stage == Stage::Ongoing)
}

/// The identity of an event across services: its `messageId`, else its message and start.
fn key_of(raw: &RawEvent<'_>) -> String {
    let id = match raw.message_id {
        Some(Json::String(s)) => tidy(s).into_owned(),
        Some(Json::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    if !id.is_empty() {
        return id;
    }
    let message = raw.message.map(str::trim).unwrap_or_default();
    let start = epoch(raw.epoch_start_date).unwrap_or_default();
    // FNV-1a: a stable, dependency-free id that stays the same between polls.
    let hash = message
        .bytes()
        .chain(start.to_le_bytes())
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("event-{hash:016x}")
}

/// UTC milliseconds from a number or a numeric string, from 2000 to the year 9999;
/// anything else (`0` is Apple's "no time", see [`real_time`]) is `None`.
fn epoch(value: Option<&Json>) -> Option<i64> {
    let at_ms = match value? {
        Json::Number(n) => n.as_i64().or_else(|| n.truncated()),
        Json::String(s) => s.trim().parse().ok(),
        _ => None,
    };
    at_ms.and_then(showable_time).and_then(real_time)
}

/// Reads Apple's `datePosted` form in the zones Apple uses: `11/20/2026 01:08 PST` in the
/// US feeds, day first with dots (`20.11.2026 09:08 GMT`) in the European ones.
///
/// Only real dates of years 1–9999 and real clock times are read, so the arithmetic
/// below cannot overflow whatever the feed writes.
fn pacific_time(text: &str) -> Option<i64> {
    let mut parts = text.split_whitespace();
    let (date, clock, zone) = (parts.next()?, parts.next()?, parts.next()?);
    let offset_minutes: i64 = match zone.to_ascii_uppercase().as_str() {
        "PST" => -8 * 60,
        "PDT" => -7 * 60,
        "UTC" | "GMT" => 0,
        _ => return None,
    };
    let day_first = date.contains('.');
    let mut date = date.split(['/', '.']).map(|p| p.parse::<u32>().ok());
    let (first, second, year) = (date.next()??, date.next()??, date.next()??);
    let (month, day) = if day_first {
        (second, first)
    } else {
        (first, second)
    };
    let mut clock = clock.split(':').map(|p| p.parse::<u32>().ok());
    let (hour, minute) = (clock.next()??, clock.next()??);
    let year = i64::from(year);
    if !(1..=9999).contains(&year)
        || day == 0
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
    {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let minutes = days * 24 * 60 + i64::from(hour * 60 + minute) - offset_minutes;
    // 12/31/9999 23:59 PST is already in the year 10000 in UTC.
    showable_time(minutes * MINUTE_MS).and_then(real_time)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pacific_time_reads_pst_and_pdt() {
        // 2026-11-20T09:08:00Z
        assert_eq!(
            pacific_time("11/20/2026 01:08 PST"),
            Some(1_795_165_680_000)
        );
        assert_eq!(
            pacific_time("06/01/2026 10:00 PDT"),
            Some(1_780_333_200_000)
        );
        // Day first with dots, as Apple's European feeds write it.
        assert_eq!(
            pacific_time("20.11.2026 09:08 GMT"),
            Some(1_795_165_680_000)
        );
        assert_eq!(pacific_time("11.20.2026 09:08 GMT"), None);
        // The last day of a month, and February 29 only in a leap year.
        assert_eq!(
            pacific_time("11/30/2026 00:00 UTC"),
            Some(1_795_996_800_000)
        );
        assert_eq!(
            pacific_time("02/29/2028 00:00 UTC"),
            Some(1_835_395_200_000)
        );
        assert_eq!(pacific_time("02/29/2026 00:00 UTC"), None);
        // The last minute of a day.
        assert_eq!(
            pacific_time("11/19/2026 23:59 PST"),
            Some(1_795_161_540_000)
        );
        assert_eq!(pacific_time("11/31/2026 00:00 UTC"), None);
        assert_eq!(pacific_time("11/20/2026 01:08 CET"), None);
        assert_eq!(pacific_time("13/20/2026 01:08 PST"), None);
        assert_eq!(pacific_time("yesterday"), None);
    }

    #[test]
    fn pacific_time_refuses_impossible_dates_and_huge_years() {
        assert_eq!(pacific_time("02/31/2026 10:00 PST"), None);
        assert_eq!(pacific_time("02/29/2025 10:00 PST"), None);
        assert!(pacific_time("02/29/2024 10:00 PST").is_some());
        assert_eq!(pacific_time("01/01/4294967295 00:00 PST"), None);
        assert_eq!(pacific_time("01/01/10000 00:00 PST"), None);
        assert_eq!(pacific_time("01/01/0 00:00 PST"), None);
        assert_eq!(pacific_time("01/01/2026 -1:-30 PST"), None);
        assert_eq!(pacific_time("01/01/2026 24:00 PST"), None);
        // Still 9999 in Cupertino, already 10000 in UTC.
        assert_eq!(pacific_time("12/31/9999 23:59 PST"), None);
        assert!(pacific_time("12/31/9999 15:59 PST").is_some());
    }

    #[test]
    fn epoch_accepts_numbers_and_numeric_strings() {
        let read = |text: &str| epoch(crate::core::json::parse(text).ok().as_ref());
        assert_eq!(read("1700000000000"), Some(1_700_000_000_000));
        assert_eq!(read("1.5e12"), Some(1_500_000_000_000));
        assert_eq!(read("\"1700000000000\""), Some(1_700_000_000_000));
        // The epoch, anything before 2000 and seconds for milliseconds are no times.
        assert_eq!(read("0"), None);
        assert_eq!(read("-1"), None);
        assert_eq!(read("\"42\""), None);
        assert_eq!(read("1700000000"), None);
        assert_eq!(read("1e300"), None);
        assert_eq!(read("null"), None);
        // Whole numbers that are no time any calendar text can show (nor storage keep).
        assert_eq!(read("5019075261731407839"), None);
        assert_eq!(read("-3308036945933990568"), None);
        assert_eq!(read("253402300799999"), Some(253_402_300_799_999));
        assert_eq!(read("253402300800000"), None);
    }
}
