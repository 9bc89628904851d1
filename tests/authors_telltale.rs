//! A feed author's view of Telltale's own format: the warnings that catch well-formed
//! mistakes (unknown fields, seconds for milliseconds, repeated and unknown ids), the
//! numbers the reader accepts, and the schema accepting exactly what the reader accepts,
//! numbers included (JSON Schema's "integer" is any whole number, `1.0` too).

// Test helpers panic on purpose: a fixture that cannot be read is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{json, Value};

mod common;
use common::{schema, schema_accepts};
use telltale::core::feed::{parse, FeedError, Format, Parsed};
use telltale::core::model::Level;

fn read(path: &str) -> String {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn telltale(text: &str) -> Parsed {
    parse(text, Some(Format::Telltale)).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn warnings(parsed: &Parsed) -> Vec<String> {
    parsed.warnings.iter().map(|w| w.0.clone()).collect()
}

fn reason(text: &str) -> String {
    match parse(text, Some(Format::Telltale)) {
        Err(FeedError::Invalid { reason, .. }) => reason,
        other => panic!("expected Invalid, got {other:?}\n{text}"),
    }
}

/// A one-component feed with `incident` as its only incident.
fn with_incident(incident: &str) -> String {
    format!(
        r#"{{"telltale":1,"components":[{{"id":"api","name":"API","level":"operational"}}],
        "incidents":[{incident}]}}"#
    )
}

#[test]
fn author_mistakes_fixture_warns_about_each_mistake_by_its_place() {
    let parsed = telltale(&read("tests/fixtures/telltale/author_mistakes.json"));
    assert_eq!(
        warnings(&parsed),
        [
            "unknown field `maintenance` (did you mean `maintenances`?); ignored",
            "`components[1]`: unknown field `groupid` (did you mean `group_id`?); ignored",
            "`incidents[1]`: unknown field `started_at` (did you mean `started_at_ms`?); ignored",
            "`incidents[0].started_at_ms` is 1795173000, which is 1970-01-21T18:39:33Z in \
             milliseconds: it looks like seconds, not milliseconds",
            "`maintenances[0]` ends (2100-01-01T00:00:00Z) before it starts \
             (2100-01-01T01:00:00Z)",
            "`incidents[0].affected` names \"ghost\", which is no component or group in the \
             feed; it is left out (and in 1 more place)",
            "`groups[1]` has the id \"core\" of `groups[0]`; it is left out (the first one \
             counts)",
            "`components[2]` has the id \"api\" of `components[0]`; it is left out (the first \
             one counts)",
            "`components[3]` has an empty id",
            "`incidents[2]` has the id \"inc-1\" of `incidents[0]`; it is left out (the first \
             one counts)",
        ]
    );
}

#[test]
fn telltale_text_is_trimmed_everywhere_and_blank_optional_text_is_none() {
    let parsed = telltale(
        r#"{"telltale":1,
        "components":[{"id":"api","name":"API","level":"degraded","description":"  Public API \n"}],
        "incidents":[{"id":"i","title":"Slow","impact":"degraded","status":"identified",
            "affected":[" api "],"users_affected":"   ",
            "updates":[{"status":" identified ","body":"  Found it.  ","affected":["api "]}]}],
        "maintenances":[{"id":"m","title":"Upgrade","status":"scheduled",
            "users_affected":"  Everyone ",
            "updates":[{"status":"scheduled ","body":" Soon. "}]}]}"#,
    );
    let s = &parsed.snapshot;
    assert_eq!(s.components[0].description.as_deref(), Some("Public API"));
    let incident = &s.incidents[0];
    assert_eq!(incident.affected, ["api"]);
    assert_eq!(incident.users_affected, None);
    assert_eq!(incident.updates[0].status, "identified");
    assert_eq!(incident.updates[0].body, "Found it.");
    assert_eq!(incident.updates[0].affected, ["api"]);
    let maintenance = &s.maintenances[0];
    assert_eq!(maintenance.users_affected.as_deref(), Some("Everyone"));
    assert_eq!(maintenance.updates[0].status, "scheduled");
    assert_eq!(maintenance.updates[0].body, "Soon.");
}

#[test]
fn a_group_with_the_id_of_a_component_is_named_in_a_warning() {
    let parsed = telltale(
        r#"{"telltale":1,"groups":[{"id":"core","name":"Core"}],
        "components":[{"id":"core","name":"Core API","level":"operational","group_id":"core"}]}"#,
    );
    assert_eq!(
        warnings(&parsed),
        [
            "group \"core\" has the id of a component; `components` and `affected` lists \
          naming it mean both"
        ]
    );
}

#[test]
fn telltale_repeated_ids_keep_the_first_item_so_every_reader_agrees() {
    // QA: `check` said the incident affects "API again", the widget "API"; the repeated
    // incident made the overall state a major outage that the first one does not declare.
    let s = telltale(&read("tests/fixtures/telltale/author_mistakes.json")).snapshot;
    let components: Vec<(&str, &str)> = s
        .components
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str()))
        .collect();
    assert_eq!(
        components,
        [("api", "API"), ("db", "Database"), ("", "Nameless")]
    );
    assert_eq!(s.component("api").unwrap().level, Level::Degraded);
    let groups: Vec<&str> = s.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(groups, ["Core"]);
    let incidents: Vec<&str> = s.incidents.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(incidents, ["Slow API", "Login errors"]);
    assert_eq!(s.overall(1_795_176_000_000), Level::Degraded);
    // Unknown affected ids stay in the model (a filter still sees them); only the names
    // shown leave them out.
    assert_eq!(s.incidents[0].affected, ["api", "ghost"]);
}

#[test]
fn telltale_unknown_field_is_reported_once_per_kind_with_a_count() {
    let text = r#"{"telltale":1,"components":[
        {"id":"a","name":"A","level":"operational","groupid":"g"},
        {"id":"b","name":"B","level":"operational","groupid":"g"},
        {"id":"c","name":"C","level":"operational","groupid":"g","colour":"red"}],
        "x_mine":1,"page":{"name":"P","x_build":"1","titel":"P"}}"#;
    assert_eq!(
        warnings(&telltale(text)),
        [
            "`page`: unknown field `titel`; ignored",
            "`components[0]`: unknown field `groupid` (did you mean `group_id`?); ignored \
             (also in 2 more components)",
            "`components[2]`: unknown field `colour`; ignored",
        ]
    );
}

#[test]
fn telltale_unknown_field_suggests_the_field_an_author_means() {
    let cases = [
        // A Statuspage habit, and a transposition.
        (
            r#""status":"monitoring","impact":"degraded","name":"x","title":"t""#,
            "name",
            "title",
        ),
        (
            r#""status":"monitoring","impact":"degraded","title":"t","components":["api"]"#,
            "components",
            "affected",
        ),
        (
            r#""status":"monitoring","impact":"degraded","title":"t","impcat":"degraded""#,
            "impcat",
            "impact",
        ),
        (
            r#""status":"monitoring","impact":"degraded","title":"t","Resolved_At_Ms":null"#,
            "Resolved_At_Ms",
            "resolved_at_ms",
        ),
    ];
    for (members, key, meant) in cases {
        let parsed = telltale(&with_incident(&format!(r#"{{"id":"i",{members}}}"#)));
        assert_eq!(
            warnings(&parsed),
            [format!(
                "`incidents[0]`: unknown field `{key}` (did you mean `{meant}`?); ignored"
            )],
            "{members}"
        );
    }
}

#[test]
fn telltale_repeated_key_in_one_object_warns_that_the_last_counts() {
    let text =
        r#"{"telltale":1,"components":[{"id":"a","name":"A","level":"operational","id":"b"}]}"#;
    let parsed = telltale(text);
    assert_eq!(parsed.snapshot.components[0].id, "b");
    assert_eq!(
        warnings(&parsed),
        ["`components[0]`: the field `id` is written twice; the last one counts"]
    );
    // One warning per repeat, for the first 20 repeats only.
    let repeats: Vec<String> = (0..30).map(|n| format!(r#""name":"N{n}""#)).collect();
    let text = format!(
        r#"{{"telltale":1,"components":[{{"id":"a","level":"operational",{}}}]}}"#,
        repeats.join(",")
    );
    let parsed = telltale(&text);
    assert_eq!(parsed.snapshot.components[0].name, "N29");
    let found = warnings(&parsed);
    assert_eq!(found.len(), 20, "{found:?}");
    assert!(found
        .iter()
        .all(|w| w.contains("the field `name` is written twice")));
}

#[test]
fn telltale_many_distinct_unknown_fields_give_a_bounded_list() {
    let extras: Vec<String> = (0..100).map(|n| format!(r#""extra{n}":{n}"#)).collect();
    let text = format!(
        r#"{{"telltale":1,"components":[{{"id":"a","name":"A","level":"operational"}}],{}}}"#,
        extras.join(",")
    );
    let found = warnings(&telltale(&text));
    assert_eq!(found.len(), 21, "{found:?}");
    assert_eq!(found[20], "80 more unknown fields; ignored");
}

#[test]
fn telltale_unknown_affected_ids_are_named_up_to_twenty_then_counted() {
    let ids: Vec<String> = (0..23).map(|n| format!(r#""ghost{n}""#)).collect();
    let parsed = telltale(&with_incident(&format!(
        r#"{{"id":"i","title":"t","impact":"degraded","status":"identified",
            "affected":["api",{}]}}"#,
        ids.join(",")
    )));
    let found = warnings(&parsed);
    assert_eq!(found.len(), 21, "{found:?}");
    assert!(found[19].contains(r#"names "ghost19""#), "{}", found[19]);
    assert_eq!(
        found[20],
        "3 more `affected` ids name no component or group in the feed"
    );
}

#[test]
fn telltale_event_ending_when_it_starts_is_no_mistake() {
    let parsed = telltale(&with_incident(
        r#"{"id":"i","title":"t","impact":"degraded","status":"resolved",
            "started_at_ms":1795173000000,"resolved_at_ms":1795173000000}"#,
    ));
    assert_eq!(warnings(&parsed), Vec::<String>::new());
}

#[test]
fn telltale_times_before_1973_warn_as_seconds_or_before_1970() {
    let parsed = telltale(&with_incident(
        r#"{"id":"i","title":"t","impact":"degraded","status":"resolved",
            "started_at_ms":-1,"resolved_at_ms":-2,
            "updates":[{"status":"resolved","body":"b","at_ms":0}]}"#,
    ));
    assert_eq!(
        warnings(&parsed),
        [
            "`incidents[0].started_at_ms` is -1, a time before 1970 (1969-12-31T23:59:59.999Z)",
            "`incidents[0].resolved_at_ms` is -2, a time before 1970 (1969-12-31T23:59:59.998Z)",
            "`incidents[0]` resolved (1969-12-31T23:59:59.998Z) before it started \
             (1969-12-31T23:59:59.999Z)",
            "`incidents[0].updates[0].at_ms` is 0, which is 1970-01-01T00:00:00Z in \
             milliseconds: it looks like seconds, not milliseconds",
        ]
    );
    // 10^11 ms (1973-03-03) and later is taken for milliseconds.
    let fine = telltale(&with_incident(
        r#"{"id":"i","title":"t","impact":"degraded","status":"ongoing","started_at_ms":100000000000}"#,
    ));
    assert!(fine.warnings.is_empty(), "{:?}", fine.warnings);
}

#[test]
fn telltale_an_error_in_an_update_names_the_update_not_its_event() {
    let incident = |update: &str| {
        with_incident(&format!(
            r#"{{"id":"i","title":"t","impact":"degraded","status":"identified","updates":[{update}]}}"#
        ))
    };
    assert_eq!(
        reason(&incident(r#"{"body":"x"}"#)),
        "`incidents[0].updates[0]`: missing field `status`"
    );
    assert_eq!(
        reason(&incident(
            r#"{"status":"x","body":"x"},{"status":"x","body":"x","affected":null}"#
        )),
        "`incidents[0].updates[1].affected` is null, expected an array"
    );
    assert_eq!(
        reason(r#"{"telltale":1,"page":{"name":1},"components":[]}"#),
        "`page.name` is a number, expected a string"
    );
    let maintenance = r#"{"telltale":1,"maintenances":[{"id":"m","title":"t","status":"scheduled",
        "updates":[{"status":"x","body":"x","at_ms":1.5}]}]}"#;
    assert_eq!(
        reason(maintenance),
        "`maintenances[0].updates[0].at_ms` is 1.5, expected whole milliseconds from \
         -62135596800000 (year 1) to 253402300799999 (year 9999)"
    );
}

#[test]
fn telltale_whole_numbers_read_however_written_and_times_stay_in_years_1_to_9999() {
    let start = |value: &str| {
        with_incident(&format!(
            r#"{{"id":"i","title":"t","impact":"degraded","status":"ongoing","started_at_ms":{value}}}"#
        ))
    };
    for (written, at_ms) in [
        ("1795173000000.0", 1_795_173_000_000),
        ("1.795173e12", 1_795_173_000_000),
        ("179517300000000e-2", 1_795_173_000_000),
        ("253402300799999", 253_402_300_799_999),
        ("-62135596800000", -62_135_596_800_000),
    ] {
        let parsed = telltale(&start(written));
        assert_eq!(
            parsed.snapshot.incidents[0].started_at_ms,
            Some(at_ms),
            "{written}"
        );
    }
    for written in [
        "1795173000000.5",
        "253402300800000",
        "-62135596800001",
        "9007199254740993",
        "9223372036854775807",
        "9223372036854775808",
        "99999999999999999999",
        "1e300",
    ] {
        assert_eq!(
            reason(&start(written)),
            format!(
                "`incidents[0].started_at_ms` is {written}, expected whole milliseconds \
                 from -62135596800000 (year 1) to 253402300799999 (year 9999)"
            )
        );
    }
    for version in ["1.0", "1e0", "10e-1"] {
        let text = format!(
            r#"{{"telltale":{version},"components":[{{"id":"a","name":"A","level":"operational"}}]}}"#
        );
        assert!(telltale(&text).warnings.is_empty(), "{version}");
    }
    assert_eq!(
        reason(r#"{"telltale":1.5}"#),
        "version 1.5 is not supported; this reader understands \"telltale\": 1"
    );
}

#[test]
fn telltale_writer_leaves_out_times_no_reader_can_carry() {
    // An Apple epoch can be any integer; the written document must still read back.
    let text = r#"{"services":[{"serviceName":"Siri","events":[{"statusType":"Outage",
        "eventStatus":"ongoing","message":"m","epochStartDate":9000000000000000000}]}]}"#;
    let parsed = parse(text, None).expect("apple");
    let written = telltale::core::feed::to_telltale(&parsed.snapshot).to_string();
    let again = telltale(&written);
    assert_eq!(again.snapshot.incidents[0].started_at_ms, None, "{written}");
}

// ---------------------------------------------------------------- schema and reader agree

/// Every place in `value` holding a number, as a JSON pointer.
fn numbers(value: &Value, at: &str, out: &mut Vec<String>) {
    match value {
        Value::Number(_) => out.push(at.to_owned()),
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| numbers(v, &format!("{at}/{k}"), out)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| numbers(v, &format!("{at}/{i}"), out)),
        _ => {}
    }
}

#[test]
fn telltale_schema_and_reader_agree_on_every_number_in_every_place() {
    // QA found the schema accepting what the reader refused: `1795173000000.0`,
    // `"telltale": 1.0` and integers of 2^63 and more.
    let schema = schema();
    let original: Value = serde_json::from_str(&read("tests/fixtures/telltale/outage.json"))
        .expect("fixture is JSON");
    let mut places = Vec::new();
    numbers(&original, "", &mut places);
    assert!(places.len() >= 5, "{places:?}");
    // Written as JSON text, so each keeps its spelling (serde_json keeps `.0` on a float).
    let replacements = [
        "1",
        "1.0",
        "1e0",
        "7",
        "1.5",
        "-1",
        "0",
        "1795173000",
        "1795173000000.0",
        "1.795173e12",
        "1795173000000.5",
        "253402300799999",
        "253402300800000",
        "-62135596800000",
        "-62135596800001",
        "9007199254740993",
        "9223372036854775807",
        "9223372036854775808",
        "18446744073709551616",
        "1e300",
        "-1e300",
    ];
    let mut checked = 0;
    for place in &places {
        for replacement in replacements {
            let mut doc = original.clone();
            *doc.pointer_mut(place).expect("place") =
                serde_json::from_str(replacement).expect("a number");
            let by_schema = schema_accepts(&schema, &schema, &doc);
            let by_reader = parse(&doc.to_string(), Some(Format::Telltale)).is_ok();
            assert_eq!(by_schema, by_reader, "{place} = {replacement}: {doc}");
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked}");
}

#[test]
fn telltale_schema_bounds_are_the_readers_bounds() {
    let schema = schema();
    let time = &schema["$defs"]["TimeMs"];
    assert_eq!(time["minimum"], json!(-62_135_596_800_000_i64));
    assert_eq!(time["maximum"], json!(253_402_300_799_999_i64));
    // The fixture of mistakes is well-formed: the schema accepts it as the reader does.
    let mistakes: Value =
        serde_json::from_str(&read("tests/fixtures/telltale/author_mistakes.json")).unwrap();
    assert!(schema_accepts(&schema, &schema, &mistakes));
}

#[test]
fn telltale_schema_and_reader_both_refuse_a_feed_that_lists_nothing() {
    // QA 8: the schema accepted empty lists, which the reader refuses as saying nothing.
    let schema = schema();
    let empty = [
        json!({"telltale": 1}),
        json!({"telltale": 1, "page": {"name": "P"}, "components": [], "incidents": [], "maintenances": []}),
        json!({"telltale": 1, "groups": [{"id": "g", "name": "G"}], "components": []}),
    ];
    for doc in &empty {
        assert!(!schema_accepts(&schema, &schema, doc), "{doc}");
        assert!(
            matches!(
                parse(&doc.to_string(), None),
                Err(FeedError::SaysNothing { .. })
            ),
            "{doc}"
        );
    }
    let component = json!({"id": "a", "name": "A", "level": "operational"});
    let incident = json!({"id": "i", "title": "T", "impact": "degraded", "status": "identified"});
    let maintenance = json!({"id": "m", "title": "M", "status": "scheduled"});
    for (list, item) in [
        ("components", component),
        ("incidents", incident),
        ("maintenances", maintenance),
    ] {
        let mut doc = json!({"telltale": 1, "components": [], "incidents": [], "maintenances": []});
        doc[list] = json!([item]);
        assert!(schema_accepts(&schema, &schema, &doc), "{doc}");
        assert!(parse(&doc.to_string(), None).is_ok(), "{doc}");
    }
}

#[test]
fn telltale_feed_without_its_version_is_told_so_not_read_as_statuspage() {
    // QA 8: the documented example without `"telltale": 1` has `page` and `components`,
    // and was read as Statuspage: its major outage shown as "degraded", its incident
    // untitled. Asking for the Telltale format pointed at Statuspage instead.
    let example = r#"{"page": {"name": "Example Games status"},
      "components": [{"id": "login", "name": "Login", "level": "major_outage"}],
      "incidents": [{"id": "i", "title": "Login down", "impact": "major_outage", "status": "identified"}]}"#;
    let maintenances_only = r#"{"page": {"name": "P"}, "components": [],
      "maintenances": [{"id": "m", "title": "M", "status": "scheduled"}]}"#;
    for doc in [example, maintenances_only] {
        for format in [None, Some(Format::Telltale)] {
            match parse(doc, format) {
                Err(FeedError::Invalid {
                    format: Format::Telltale,
                    reason,
                }) => {
                    assert!(reason.contains("\"telltale\": 1 is missing"), "{reason}");
                }
                other => panic!("{format:?}: expected the missing version, got {other:?}"),
            }
        }
    }
    // Asked for as Statuspage, a document with Telltale's words but no `telltale` key is
    // read as Statuspage: only a plain sign of another format refuses the one asked for.
    let odd = r#"{"page": {"id": "p", "name": "P"},
      "components": [{"id": "c", "name": "API", "status": "major_outage", "level": 3}]}"#;
    let parsed = parse(odd, Some(Format::Statuspage)).unwrap();
    assert_eq!(parsed.snapshot.components[0].level, Level::MajorOutage);
    // A Statuspage document is still read as one, components with `status`, not `level`.
    let statuspage = r#"{"page": {"id": "p", "name": "P"},
      "components": [{"id": "c", "name": "API", "status": "major_outage"}]}"#;
    let parsed = parse(statuspage, None).unwrap();
    assert_eq!(parsed.format, Format::Statuspage);
    assert_eq!(parsed.snapshot.components[0].level, Level::MajorOutage);
}

// ---------------------------------------------------------------- docs say what happens

/// The text between the first "```<fence>\n" after `after` and the closing fence.
fn block_after<'a>(doc: &'a str, after: &str, fence: &str) -> &'a str {
    let from = doc
        .find(after)
        .unwrap_or_else(|| panic!("no {after:?} in the docs"));
    let open = format!("```{fence}\n");
    let start = from + doc[from..].find(&open).expect("a block") + open.len();
    let end = start + doc[start..].find("```").expect("end of block");
    &doc[start..end]
}

#[test]
fn docs_quote_the_readers_own_error_for_a_wrong_state() {
    // The docs used to quote `components[1]: unknown variant "on fire"`, a message the
    // reader never printed.
    let doc = read("docs/feed-formats.md");
    let quoted = block_after(&doc, "strict about shape", "text");
    let text = r#"{"telltale":1,"components":[{"id":"a","name":"A","level":"operational"},{"id":"b","name":"B","level":"on fire"}]}"#;
    let error = parse(text, None).expect_err("invalid");
    assert_eq!(quoted.trim(), error.to_string());
}

#[test]
fn docs_list_the_readers_own_warnings_for_author_mistakes() {
    let doc = read("docs/feed-formats.md");
    let listed = block_after(&doc, "Telltale feed warns", "text");
    let parsed = telltale(&read("tests/fixtures/telltale/author_mistakes.json"));
    for line in listed.lines().map(str::trim).filter(|l| !l.is_empty()) {
        assert!(
            parsed.warnings.iter().any(|w| w.0 == line),
            "the docs list a warning the reader does not give: {line}"
        );
    }
    assert!(listed.lines().count() >= 5);
}
