//! Property tests: the feed parser never panics, whatever it is given, and neither does
//! anything the widget does with what it read.
//!
//! Arbitrary bytes, arbitrary JSON, and arbitrary JSON placed where a Statuspage or Apple
//! feed keeps its data (so the generator reaches deep into each reader instead of stopping
//! at detection). Every result must also be explainable: an error's message is not empty.
//! Every document that parses then goes the whole way a live widget takes it: the
//! `components` filter, the badge and the open panel in every language and at several
//! times and zones, the change diff, and the `localStorage` round trip, which must give
//! back the same snapshot.

// proptest is a native-only dev-dependency (it does not build for wasm32).
#![cfg(not(target_arch = "wasm32"))]
// Test helpers panic on purpose: a fixture that cannot be read is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use telltale::core::config::Config;
use telltale::core::diff;
use telltale::core::feed::{parse, Format, Parsed};
use telltale::core::filter;
use telltale::core::i18n::Locale;
use telltale::core::state::{from_stored, stale_after_ms, stored_json, Action, FeedState, Good};
use telltale::core::time::FixedOffset;
use telltale::core::view::{badge_view, panel_view, ViewInput};

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        // Strings that look like the values feeds use, plus anything at all.
        prop_oneof![
            Just("operational".to_owned()),
            Just("major_outage".to_owned()),
            Just("ongoing".to_owned()),
            Just("Outage".to_owned()),
            Just("2026-11-20T11:05:00+02:00".to_owned()),
            Just("&amp;&#x1F600;&#99999999;&".to_owned()),
            Just("javascript:alert(1)".to_owned()),
            ".*",
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((arb_key(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Keys that the readers look for, so random objects hit real code paths.
fn arb_key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "id",
            "name",
            "status",
            "impact",
            "group",
            "group_id",
            "components",
            "incident_updates",
            "affected_components",
            "code",
            "started_at",
            "created_at",
            "scheduled_for",
            "shortlink",
            "serviceName",
            "events",
            "statusType",
            "eventStatus",
            "messageId",
            "message",
            "epochStartDate",
            "affectedServices",
            "usersAffected",
            "datePosted",
            "level",
            "title",
            "updates",
            "affected",
            "at_ms",
        ])
        .prop_map(str::to_owned),
        "[a-z_]{0,8}",
    ]
}

fn arb_text() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        prop::sample::select(vec![
            "ongoing",
            "resolved",
            "upcoming",
            "completed",
            "Outage",
            "Issue",
            "Performance",
            "Maintenance",
            "investigating",
            "identified",
            "major",
            "critical",
            "in_progress",
            "partial_outage",
            "2026-11-20T11:05:00Z",
            "11/20/2026 02:51 PST",
            "",
            "  ",
            "App Store",
            " iTunes Store ",
            "&amp;",
            "https://x.test",
        ])
        .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ]
}

fn arb_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[0-9]{0,20}".prop_map(Value::from),
    ]
}

/// Apple's `datePosted` shape, `MM/DD/YYYY HH:MM PST`, with numbers around and past each
/// field's limits and any year.
fn arb_date_posted() -> impl Strategy<Value = String> {
    (
        0u32..=13,
        0u32..=32,
        prop_oneof![1900u32..=2100, any::<u32>()],
        -2i64..=25,
        -2i64..=61,
        prop::sample::select(vec!["PST", "PDT", "UTC", "pst"]),
    )
        .prop_map(|(month, day, year, hour, minute, zone)| {
            format!("{month}/{day}/{year} {hour}:{minute} {zone}")
        })
}

/// An Apple event with plausible field types and arbitrary values.
fn arb_apple_event() -> impl Strategy<Value = Value> {
    (
        arb_text(),
        arb_text(),
        arb_text(),
        arb_number(),
        arb_number(),
        prop_oneof![arb_text(), arb_number()],
        prop::collection::vec(arb_text(), 0..3),
        prop_oneof![arb_text(), arb_date_posted().prop_map(Value::from)],
    )
        .prop_map(
            |(kind, status, message, start, end, id, affected, posted)| {
                json!({"statusType": kind, "eventStatus": status, "message": message,
                   "epochStartDate": start, "epochEndDate": end, "messageId": id,
                   "affectedServices": affected, "datePosted": posted, "usersAffected": kind})
            },
        )
}

/// A Statuspage incident with plausible field types and arbitrary values.
fn arb_statuspage_incident() -> impl Strategy<Value = Value> {
    (
        arb_text(),
        arb_text(),
        arb_text(),
        arb_text(),
        prop::collection::vec((arb_text(), arb_text(), arb_text()), 0..3),
    )
        .prop_map(|(id, status, impact, at, updates)| {
            let updates: Vec<Value> = updates
                .into_iter()
                .map(|(status, body, at)| {
                    json!({"status": status, "body": body, "display_at": at,
                           "affected_components": [{"code": body}]})
                })
                .collect();
            json!({"id": id, "name": id, "status": status, "impact": impact, "started_at": at,
                   "created_at": at, "scheduled_for": at, "shortlink": impact,
                   "incident_updates": updates, "components": [{"id": id}]})
        })
}

fn check(text: &str) {
    for format in [
        None,
        Some(Format::Statuspage),
        Some(Format::Apple),
        Some(Format::Telltale),
    ] {
        match parse(text, format) {
            Ok(parsed) => show(parsed),
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
}

fn assert_unique(ids: &[&str], what: &str) {
    let mut seen = std::collections::HashSet::new();
    for id in ids {
        assert!(seen.insert(id), "{what}: {id:?} twice in {ids:?}");
    }
}

/// 2026-11-20T12:00:00Z, when every generated feed is fetched.
const FETCHED_MS: i64 = 1_795_176_000_000;

/// Takes `parsed` the way a widget does, from the fetch to the screen and to storage.
fn show(parsed: Parsed) {
    let good = Good {
        parsed: std::rc::Rc::new(parsed.clone()),
        fetched_at_ms: FETCHED_MS,
    };
    let stored = stored_json(&good).expect("a small feed fits in storage");
    let back = from_stored(&stored, None, FETCHED_MS).expect("a stored snapshot reads back");
    assert_eq!(
        back.parsed.snapshot, parsed.snapshot,
        "storage round trip: {stored}"
    );
    assert_eq!(back.parsed.format, parsed.format);

    let snapshot = &parsed.snapshot;
    // No filter, the first component and the first group by name, and a name nobody has.
    let selections = [
        None,
        snapshot.components.first().map(|c| c.name.clone()),
        snapshot.groups.first().map(|g| g.name.clone()),
        Some("no such service".to_owned()),
    ];
    let mut state = FeedState::default();
    state.apply(Action::FetchSucceeded {
        parsed: parsed.clone(),
        at_ms: FETCHED_MS,
    });
    let mut observed = None;
    for components in selections.iter().flatten().map(Some).chain([None]) {
        let config = Config::from_attrs(|name| match name {
            "feed" => Some("https://status.example.com/feed".into()),
            "components" => components.cloned(),
            _ => None,
        })
        .expect("a valid config");
        let _ = filter::unmatched(snapshot, &config.components);
        let shown = filter::apply(snapshot, &config.components);
        assert_eq!(
            filter::apply(&shown, &config.components),
            shown,
            "filtering what is shown again changes nothing"
        );
        let now = diff::observe(&shown, FETCHED_MS);
        // The same poll again tells the host nothing (no second `telltale:change`).
        assert_eq!(
            diff::diff(Some(&now), &diff::observe(&shown, FETCHED_MS)),
            None
        );
        let _ = diff::diff(observed.as_ref(), &now);
        observed = Some(now);
        // Just fetched, stale three days on, and a year later.
        for now_ms in [
            FETCHED_MS,
            FETCHED_MS + 3 * 86_400_000,
            FETCHED_MS + 365 * 86_400_000,
        ] {
            for (locale, zone) in Locale::ALL
                .into_iter()
                .map(|locale| (locale, 0))
                .chain([(Locale::En, -14 * 60), (Locale::En, 14 * 60)])
            {
                let input = ViewInput {
                    config: &config,
                    state: &state,
                    locale,
                    zone: &FixedOffset(zone),
                    now_ms,
                    stale_after_ms: stale_after_ms(config.refresh_secs),
                    expanded: true,
                };
                let badge = badge_view(&input);
                assert!(
                    !badge.text.is_empty(),
                    "{locale:?}: a badge always says something"
                );
                let panel = panel_view(&input);
                // The panel keys its rows and events by id: each must be unique in its list,
                // and every row one of the components the filter shows.
                let rows: Vec<&str> = panel
                    .groups
                    .iter()
                    .flat_map(|g| &g.components)
                    .map(|c| c.id.as_str())
                    .collect();
                assert_unique(&rows, "component rows");
                for id in &rows {
                    assert!(
                        shown.component(id).is_some(),
                        "row {id} is a shown component"
                    );
                }
                for (list, events) in [
                    ("incidents", &panel.incidents),
                    ("resolved", &panel.resolved),
                    ("maintenances", &panel.maintenances),
                ] {
                    let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
                    assert_unique(&ids, list);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn parse_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn parse_arbitrary_wrapped_text_never_panics(body in ".{0,200}") {
        check(&format!("\u{feff}jsonCallback({body});"));
    }

    #[test]
    fn parse_arbitrary_json_never_panics(value in arb_json()) {
        check(&value.to_string());
    }

    #[test]
    fn parse_arbitrary_json_under_statuspage_skeleton_never_panics(
        page in arb_json(),
        components in prop::collection::vec(arb_json(), 0..5),
        incidents in prop::collection::vec(arb_json(), 0..4),
        maintenances in arb_json(),
    ) {
        let doc = json!({
            "page": page,
            "components": components,
            "incidents": incidents,
            "scheduled_maintenances": maintenances,
            "status": {"indicator": "none"},
        });
        check(&doc.to_string());
    }

    #[test]
    fn parse_arbitrary_json_under_apple_skeleton_never_panics(
        names in prop::collection::vec(arb_json(), 1..5),
        events in prop::collection::vec(prop::collection::vec(arb_json(), 0..3), 1..5),
    ) {
        let services: Vec<Value> = names
            .into_iter()
            .zip(events)
            .map(|(name, events)| json!({"serviceName": name, "redirectUrl": "", "events": events}))
            .collect();
        let doc = json!({"drpost": false, "services": services});
        check(&format!("jsonCallback({doc});"));
    }

    #[test]
    fn parse_plausible_apple_events_never_panic(
        services in prop::collection::vec((arb_text(), prop::collection::vec(arb_apple_event(), 0..3)), 1..5),
    ) {
        let services: Vec<Value> = services
            .into_iter()
            .map(|(name, events)| json!({"serviceName": name, "events": events}))
            .collect();
        check(&json!({"services": services}).to_string());
    }

    #[test]
    fn parse_plausible_statuspage_items_never_panic(
        components in prop::collection::vec((arb_text(), arb_text(), any::<bool>(), arb_text()), 0..5),
        incidents in prop::collection::vec(arb_statuspage_incident(), 0..4),
    ) {
        let components: Vec<Value> = components
            .into_iter()
            .map(|(id, status, group, group_id)| {
                json!({"id": id, "name": id, "status": status, "group": group,
                       "group_id": group_id, "components": [id]})
            })
            .collect();
        let doc = json!({"page": {"url": "x"}, "components": components,
                         "incidents": incidents.clone(), "scheduled_maintenances": incidents});
        check(&doc.to_string());
    }

    #[test]
    fn parse_arbitrary_json_under_telltale_skeleton_never_panics(
        components in prop::collection::vec(arb_json(), 0..4),
        incidents in prop::collection::vec(arb_json(), 0..3),
    ) {
        let doc = json!({"telltale": 1, "components": components, "incidents": incidents});
        check(&doc.to_string());
    }
}

/// Text made of JSON's own pieces, valid or not: the reader's edge cases, not just noise.
fn arb_json_like_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        " ",
        "\n",
        "\"",
        "\"a\"",
        "\"\\u00e9\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud800\"",
        "\"\\x\"",
        "\\",
        "0",
        "-0",
        "12",
        "1.5",
        "1e3",
        "-2.5E-3",
        "01",
        "1.",
        "-",
        "true",
        "false",
        "null",
        "tru",
        "\u{1}",
        "é",
    ]);
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    /// core::json accepts exactly what serde_json accepts, and reads the same tree, but
    /// for two leniencies: numbers beyond f64's range (kept as text) and half a surrogate
    /// pair (read as U+FFFD, as browsers do), both of which serde_json refuses.
    #[test]
    fn json_reader_agrees_with_serde_json(text in prop_oneof![
        arb_json_like_text(),
        arb_json().prop_map(|value| value.to_string()),
    ]) {
        let ours = telltale::core::json::parse(&text);
        let theirs = serde_json::from_str::<Value>(&text);
        match (&ours, &theirs) {
            (Ok(ours), Ok(theirs)) => {
                let ours: Value = serde_json::from_str(&ours.to_string()).unwrap();
                prop_assert_eq!(&ours, theirs);
            }
            (Err(_), Err(_)) => {}
            (Ok(_), Err(e)) if e.to_string().contains("number out of range") => {}
            // Half a surrogate pair: serde_json refuses it, core::json reads it as U+FFFD.
            (Ok(ours), Err(e)) if e.to_string().contains("surrogate")
                || e.to_string().contains("unexpected end of hex escape") => {
                prop_assert!(ours.to_string().contains('\u{fffd}'), "{text:?}: {ours:?}");
            }
            _ => prop_assert!(false, "{text:?}: ours {ours:?}, serde_json {theirs:?}"),
        }
    }

    /// What the writer writes reads back to the same tree, compact or indented.
    #[test]
    fn json_writer_round_trips(value in arb_json()) {
        let tree = telltale::core::json::parse(&value.to_string()).unwrap();
        prop_assert_eq!(telltale::core::json::parse(&tree.to_string()).unwrap(), tree.clone());
        prop_assert_eq!(telltale::core::json::parse(&tree.pretty()).unwrap(), tree);
    }
}

/// Every fixture feed that parses, read once.
fn fixture_feeds() -> &'static [Parsed] {
    static FEEDS: std::sync::OnceLock<Vec<Parsed>> = std::sync::OnceLock::new();
    FEEDS.get_or_init(|| {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut feeds = Vec::new();
        for dir in ["apple", "statuspage", "telltale"] {
            let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
                .expect("the fixtures directory")
                .map(|entry| entry.expect("a directory entry").path())
                .collect();
            paths.sort();
            for path in paths {
                let text = std::fs::read_to_string(&path).expect("a fixture");
                if let Ok(parsed) = parse(&text, None) {
                    feeds.push(parsed);
                }
            }
        }
        feeds
    })
}

/// A `components` list as partners write them: names and ids from the fixtures in any
/// case, with stray spaces and commas, mixed with arbitrary text.
fn arb_components_list() -> impl Strategy<Value = String> {
    let mut known: Vec<String> = fixture_feeds()
        .iter()
        .flat_map(|parsed| {
            let s = &parsed.snapshot;
            s.components
                .iter()
                .flat_map(|c| [c.id.clone(), c.name.clone()])
                .chain(s.groups.iter().flat_map(|g| [g.id.clone(), g.name.clone()]))
        })
        .collect();
    known.sort();
    known.dedup();
    let entry = prop_oneof![
        prop::sample::select(known).prop_map(|name| name.to_uppercase()),
        "[ \\t]{0,2}[^,]{0,12}[ \\t]{0,2}",
        Just("İstanbul ıi ΣΑΣ ς ß ẞ".to_owned()),
    ];
    prop::collection::vec(entry, 0..5).prop_map(|entries| entries.join(","))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Whatever a partner writes in `components`, the filter keeps only what the feed has,
    /// and filtering again changes nothing.
    #[test]
    fn any_components_list_filters_every_fixture_safely(list in arb_components_list()) {
        let selection = telltale::core::filter::Selection::parse(&list);
        for parsed in fixture_feeds() {
            let snapshot = &parsed.snapshot;
            let shown = filter::apply(snapshot, &selection);
            for component in &shown.components {
                prop_assert!(snapshot.component(&component.id).is_some());
            }
            prop_assert!(shown.incidents.len() <= snapshot.incidents.len());
            prop_assert_eq!(&filter::apply(&shown, &selection), &shown);
            let _ = filter::unmatched(snapshot, &selection);
        }
    }
}
