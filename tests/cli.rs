//! `telltale check` run as a real process on the fixtures: stdout, stderr and exit codes.
//!
//! The CLI reads the clock, so assertions stay on what the clock cannot change (fixtures
//! whose overall state does not depend on a maintenance window).

// Test helpers panic on purpose: a fixture that cannot be read is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

fn fixture(path: &str) -> String {
    format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// Runs the command with `args`: words, or file names that need not be UTF-8.
fn telltale<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_telltale"))
        .args(args)
        .output()
        .expect("run telltale")
}

fn telltale_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_telltale"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn telltale");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    child.wait_with_output().expect("wait telltale")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("utf-8 stderr")
}

fn first_two_lines(output: &Output) -> Vec<String> {
    stdout(output).lines().take(2).map(str::to_owned).collect()
}

#[test]
fn check_statuspage_fixture_prints_format_overall_and_components() {
    let out = telltale(&[
        "check",
        &fixture("statuspage/summary_major_incident_no_component_change.json"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        first_two_lines(&out),
        ["format: statuspage", "overall: partial_outage"]
    );
    let text = stdout(&out);
    assert!(text.contains("  Git Operations: operational\n"), "{text}");
    assert!(
        text.contains("  - Elevated error rates across multiple services\n"),
        "{text}"
    );
    assert!(
        text.contains("impact: partial_outage, status: identified, started: 2026-11-20T11:05:00Z"),
        "{text}"
    );
    assert!(text.contains("We have identified a problem"), "{text}");
    assert!(stderr(&out).is_empty());
}

#[test]
fn check_does_not_claim_no_events_for_a_document_without_their_list() {
    // status.json alone: its indicator says partial outage, and it lists no incidents and
    // no maintenances.
    let out = telltale(&["check", &fixture("statuspage/status_major.json")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.ends_with(
            "\nincidents: not listed in this document\n\
             maintenances: not listed in this document\n"
        ),
        "{text}"
    );
    let out = telltale(&["check", &fixture("statuspage/incidents.json")]);
    let text = stdout(&out);
    assert!(
        text.ends_with("\nmaintenances: not listed in this document\n"),
        "{text}"
    );
    let out = telltale(&["check", &fixture("statuspage/summary_operational.json")]);
    assert!(stdout(&out).ends_with("\nincidents: none active\nmaintenances: none scheduled\n"));
}

#[test]
fn check_says_what_it_can_of_untitled_events_and_incidents_json_maintenances() {
    // QA 8: an incident with no name and no components printed a bare "  - ".
    let untitled = br#"{"page":{"id":"p","name":"P"},
      "components":[{"id":"c","name":"API","status":"operational"}],
      "incidents":[{"id":"i","status":"investigating","impact":"major","incident_updates":[]}]}"#;
    let out = telltale_stdin(&["check", "-"], untitled);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("\nincidents:\n  - (untitled)\n    impact: partial_outage"),
        "{text}"
    );
    // One that names what it affects is named by it, as the panel names it.
    let named = String::from_utf8_lossy(untitled).replace(
        r#""impact":"major","#,
        r#""impact":"major","components":[{"id":"c","name":"API"}],"#,
    );
    let text = stdout(&telltale_stdin(&["check", "-"], named.as_bytes()));
    assert!(text.contains("\nincidents:\n  - API\n"), "{text}");
    // incidents.json listing a maintenance that has ended: not "not listed", which
    // contradicts its own list, nor "none scheduled", which it cannot know (it lists the
    // latest events, not every scheduled maintenance).
    let ended = br#"{"page":{"id":"p","name":"P"},
      "incidents":[{"id":"m","name":"DB upgrade","status":"completed","impact":"maintenance",
        "scheduled_for":"2026-11-21T02:00:00Z","scheduled_until":"2026-11-21T04:00:00Z",
        "components":[{"id":"db","name":"Database"}],"incident_updates":[]}]}"#;
    let text = stdout(&telltale_stdin(&["check", "-"], ended));
    assert!(
        text.ends_with("\nmaintenances: none current among the few this document lists\n"),
        "{text}"
    );
}

#[test]
fn check_points_at_where_a_cut_off_jsonp_document_ends() {
    // QA 8: a JSONP download cut short was "expected value at line 1 column 1", the
    // callback's name; now the reader reads what is inside and says where it stops.
    let cut = b"jsonCallback({\"services\":[\n{\"serviceName\":\"App Store\",\"events\":[";
    let out = telltale_stdin(&["check", "-"], cut);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("EOF") && err.contains("line 2"), "{err}");
    // A comment after the call is not data.
    let commented =
        b"jsonCallback({\"services\":[{\"serviceName\":\"App Store\",\"events\":[]}]}); // 12:00\n";
    let out = telltale_stdin(&["check", "-"], commented);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        first_two_lines(&out),
        ["format: apple", "overall: operational"]
    );
}

#[test]
fn check_indents_an_updates_later_lines_and_leaves_blank_ones_blank() {
    let out = telltale(&["check", &fixture("statuspage/summary_edited_markup.json")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(": We found the cause.\n\n      Follow the fix here (https://"),
        "{text}"
    );
    assert!(!text.contains("<br"), "{text}");
}

#[test]
fn check_names_what_an_incident_affects_in_incidents_json_alone() {
    // No component list: the names come from the incidents themselves, with no warning.
    let out = telltale(&["check", &fixture("statuspage/incidents.json")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("\n    affected: API, Dashboard\n"), "{text}");
    assert!(!text.contains("warning:"), "{text}");
    // Its `--json` is a Telltale feed that reads back the same, without warnings either.
    let json = telltale(&["check", "--json", &fixture("statuspage/incidents.json")]);
    let model: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let feed = serde_json::to_vec(&model["snapshot"]).expect("snapshot");
    let again = telltale_stdin(&["check", "-"], &feed);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    let again = stdout(&again);
    assert!(
        again.contains("\n    affected: API, Dashboard\n"),
        "{again}"
    );
    assert!(!again.contains("warning:"), "{again}");
}

#[test]
fn check_groups_members_under_their_group_and_prints_warnings() {
    let out = telltale(&["check", &fixture("statuspage/summary_groups.json")]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.contains("  Storage (group): degraded\n    Object Storage: degraded\n    Block Storage: operational\n"),
        "{text}"
    );
    assert!(text.contains("\n  Legacy FTP: operational\n"), "{text}");
    assert!(
        text.contains("\nwarning: component \"Legacy FTP\" belongs to group"),
        "{text}"
    );
}

#[test]
fn check_apple_outage_lists_incident_with_users_affected() {
    let out = telltale(&["check", &fixture("apple/multi_service_outage.js")]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        first_two_lines(&out),
        ["format: apple", "overall: major_outage"]
    );
    let text = stdout(&out);
    assert!(
        text.contains("  iWork for iCloud: major_outage\n"),
        "{text}"
    );
    assert!(text.contains("  Siri: operational\n"), "{text}");
    assert!(
        text.contains(
            "affected: App Store, Apple TV, iTunes Store, Photos, iMessage, iWork for iCloud"
        ),
        "{text}"
    );
    assert!(
        text.contains("users affected: All users are affected."),
        "{text}"
    );
}

#[test]
fn check_prints_the_pages_announcement_on_one_line() {
    let path = fixture("apple/announcement.js");
    let out = telltale(&["check", &path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.get(..3),
        Some(
            &[
                "format: apple",
                "overall: operational",
                "announcement: System Status may not show the latest information for App \
                 Store Connect & TestFlight.\\nWe are working to restore it.",
            ][..]
        ),
        "{text}"
    );
    let out = telltale(&["check", "--json", &path]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(
        value["snapshot"]["page"]["announcement"],
        "System Status may not show the latest information for App Store Connect & \
         TestFlight.\nWe are working to restore it."
    );
}

#[test]
fn check_prints_a_maintenance_with_the_status_the_widget_shows() {
    // Verifying stays verifying; scheduled with its window open is in progress.
    let feed = br#"{"page": {"id": "p", "name": "Acme"}, "components": [],
      "scheduled_maintenances": [
        {"id": "m1", "name": "Database upgrade", "status": "verifying",
         "scheduled_for": "2000-01-01T00:00:00Z", "scheduled_until": "2100-01-01T00:00:00Z"},
        {"id": "m2", "name": "Network work", "status": "scheduled",
         "scheduled_for": "2000-01-01T00:00:00Z", "scheduled_until": "2100-01-01T00:00:00Z"}
      ]}"#;
    let out = telltale_stdin(&["check", "-"], feed);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let statuses: Vec<&str> = text
        .lines()
        .filter_map(|line| line.trim().strip_prefix("status: "))
        .filter_map(|rest| rest.split(',').next())
        .collect();
    assert_eq!(statuses, ["verifying", "in_progress"], "{text}");
}

#[test]
fn check_lists_maintenances_as_the_panel_does_in_progress_then_soonest() {
    let feed = br#"{"page": {"id": "p", "name": "Acme"}, "components": [],
      "scheduled_maintenances": [
        {"id": "m1", "name": "Later", "status": "scheduled",
         "scheduled_for": "2200-12-10T00:00:00Z", "scheduled_until": "2200-12-10T02:00:00Z"},
        {"id": "m2", "name": "Undated", "status": "scheduled"},
        {"id": "m3", "name": "Sooner", "status": "scheduled",
         "scheduled_for": "2200-11-25T00:00:00Z", "scheduled_until": "2200-11-25T02:00:00Z"},
        {"id": "m4", "name": "Now", "status": "in_progress",
         "scheduled_for": "2020-11-22T20:00:00Z", "scheduled_until": "2200-01-01T00:00:00Z"}
      ]}"#;
    let out = telltale_stdin(&["check", "-"], feed);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let titles: Vec<&str> = text
        .split("\nmaintenances:\n")
        .nth(1)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| line.strip_prefix("  - "))
        .collect();
    assert_eq!(titles, ["Now", "Sooner", "Later", "Undated"], "{text}");
}

#[test]
fn check_components_shows_what_a_widget_with_that_attribute_shows() {
    let outage = fixture("apple/multi_service_outage.js");
    let out = telltale(&[
        "check",
        "--components",
        "app store, ITUNES  store, App Stor",
        &outage,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let components: Vec<&str> = text
        .split("\ncomponents:\n")
        .nth(1)
        .unwrap_or_default()
        .lines()
        .take_while(|line| line.starts_with("  "))
        .collect();
    assert_eq!(
        components,
        ["  App Store: major_outage", "  iTunes Store: major_outage"],
        "{text}"
    );
    // The incident affects only what is shown, as in the panel.
    assert!(
        text.contains("\n    affected: App Store, iTunes Store\n"),
        "{text}"
    );
    // A name that matches nothing is named, as the widget's console warning names it.
    let warnings: Vec<&str> = text.lines().filter(|l| l.starts_with("warning:")).collect();
    assert_eq!(
        warnings,
        ["warning: `--components`: \"App Stor\" matches no component or group in this feed"],
        "{text}"
    );

    // Nothing matches: said, and the overall state is no all-clear, which the widget does
    // not give either: it knows no state ("not in the status feed"), however the rest of
    // the feed is (here, a partial outage).
    let groups = fixture("statuspage/summary_groups.json");
    for json in [false, true] {
        let mut args = vec!["check", "--components=Nothing", &groups];
        if json {
            args.insert(1, "--json");
        }
        let out = telltale(&args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out);
        if json {
            let model: serde_json::Value = serde_json::from_str(&text).expect("JSON");
            assert_eq!(model["overall"], "unknown", "{text}");
            // The narrowed snapshot is not the feed: no warning that it lists nothing.
            assert!(!text.contains("lists no component"), "{text}");
        } else {
            assert!(
                text.starts_with("format: statuspage\noverall: unknown\n"),
                "{text}"
            );
            assert!(text.contains("\ncomponents: none\n"), "{text}");
            assert!(
                text.contains("no name matches, so the widget shows the names as \"not in the status feed\", with no state"),
                "{text}"
            );
        }
    }

    // --json narrows the snapshot the same way.
    let out = telltale(&["check", "--json", "--components", "Photos", &outage]);
    let model: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let names: Vec<&str> = model["snapshot"]["components"]
        .as_array()
        .map(|list| list.iter().filter_map(|c| c["name"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(names, ["Photos"]);

    // The option needs its list, not the next option; and one list.
    for args in [
        vec!["check", &outage, "--components"],
        vec!["check", "--components", "--json", &outage],
    ] {
        let out = telltale(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("`--components` needs a list of names"),
            "{}",
            stderr(&out)
        );
    }
    let out = telltale(&["check", "--components", "a", "--components=b", &outage]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`--components` given twice"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn check_apple_decodes_names_and_warns_on_unknowns() {
    let out = telltale(&["check", &fixture("apple/entities_and_spaces.json")]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.contains("  iCloud Mail & Calendar: degraded\n"),
        "{text}"
    );
    assert!(
        text.contains("warning: event for \"iCloud Mail & Calendar, Find My\" has unknown statusType \"Degradation\""),
        "{text}"
    );
}

#[test]
fn check_reads_stdin_dash() {
    let input = std::fs::read(fixture("apple/itunes_partial_outage.json")).expect("fixture");
    let out = telltale_stdin(&["check", "-"], &input);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        first_two_lines(&out),
        ["format: apple", "overall: partial_outage"]
    );
    assert!(stdout(&out).contains("Users may be able to browse but unable to make purchases."));
}

/// A feed is not the terminal's: escape sequences, direction overrides and lone carriage
/// returns in it never reach the report raw, whether the readers dropped them from the
/// model or a warning quotes them as the feed had them.
#[test]
fn check_never_prints_a_feeds_control_characters_raw() {
    let feed = br#"{"services":[{"serviceName":"App Store\u202e","events":[{"messageId":"1",
        "statusType":"Out\u001b[31mage","eventStatus":"ongo\u202eing",
        "message":"Line one\r\nLine two\rhidden \u001b]0;title\u0007",
        "usersAffected":"Some\u009b users"}]}]}"#;
    let raw = |text: &str| {
        text.chars()
            .filter(|&c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c))
            .collect::<String>()
    };

    let out = telltale_stdin(&["check", "-"], feed);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = stdout(&out);
    assert_eq!(raw(&report), "", "{report:?}");
    assert!(report.contains("  App Store: degraded\n"), "{report}");
    assert!(report.contains("users affected: Some users\n"), "{report}");
    assert!(
        report.contains("Line one\n      Line two\n      hidden ]0;title\n"),
        "{report}"
    );
    assert!(
        report.contains(r#"unknown statusType "Out\u{1b}[31mage""#),
        "{report}"
    );
    assert!(
        report.contains(r#"unknown eventStatus "ongo\u{202e}ing""#),
        "{report}"
    );

    let out = telltale_stdin(&["check", "--json", "-"], feed);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(raw(&stdout(&out)), "");
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(value["snapshot"]["components"][0]["name"], "App Store");
    assert_eq!(
        value["warnings"][0],
        r#"event for "App Store" has unknown statusType "Out\u{1b}[31mage"; shown as degraded"#
    );
}

#[test]
fn check_json_prints_model_as_json() {
    let out = telltale(&["check", "--json", &fixture("telltale/outage.json")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(value["format"], "telltale");
    assert_eq!(value["overall"], "major_outage");
    assert_eq!(value["snapshot"]["components"][1]["id"], "matchmaking");
    assert_eq!(value["snapshot"]["incidents"][0]["status"], "identified");
    assert_eq!(value["warnings"], serde_json::json!([]));
}

#[test]
fn check_json_keeps_what_the_telltale_format_cannot_say() {
    // `status.json` alone: the page-wide indicator is all there is, and it says nothing
    // about incidents. The Telltale document has no place for either.
    let out = telltale(&["check", "--json", &fixture("statuspage/status_major.json")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(value["overall"], "partial_outage");
    assert_eq!(value["declared"], "partial_outage");
    assert_eq!(value["incidents_unlisted"], true);
    assert_eq!(value["maintenances_unlisted"], true);
    // Its snapshot lists nothing, so it is no feed on its own, and the warnings say so.
    assert_eq!(value["snapshot"]["components"], serde_json::json!([]));
    let warnings = value["warnings"].as_array().expect("warnings");
    assert!(
        warnings.iter().any(|w| w
            .as_str()
            .is_some_and(|w| w.starts_with("the snapshot lists no component"))),
        "{warnings:?}"
    );

    let out = telltale(&["check", "--json", &fixture("telltale/outage.json")]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert!(value["warnings"].as_array().expect("warnings").is_empty());
    assert!(value.get("declared").is_none());
    assert_eq!(value["incidents_unlisted"], false);
    assert_eq!(value["maintenances_unlisted"], false);
}

#[test]
fn check_json_lists_warnings_as_strings() {
    let out = telltale(&[
        "check",
        "--json",
        &fixture("statuspage/summary_unknown_values.json"),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let warnings = value["warnings"].as_array().expect("warnings array");
    assert!(warnings
        .iter()
        .any(|w| w.as_str().is_some_and(|w| w.contains("degraded_service"))));
}

#[test]
fn check_forced_format_reads_or_refuses() {
    let ok = telltale(&["check", "--format", "apple", &fixture("apple/developer.js")]);
    assert_eq!(ok.status.code(), Some(0));
    assert_eq!(first_two_lines(&ok)[0], "format: apple");
    let path = fixture("apple/developer.js");
    let refused = telltale(&["check", "--format=statuspage", &path]);
    assert_eq!(refused.status.code(), Some(1));
    let err = stderr(&refused);
    assert_eq!(
        err,
        format!(
            "telltale: {path}: the feed is not a valid statuspage feed: the document is in \
             the \"apple\" format; ask for that one, or leave the format out\n"
        )
    );
    // Any case, as the widget's `format` attribute takes it.
    let upper = telltale(&["check", "--format", "APPLE", &path]);
    assert_eq!(upper.status.code(), Some(0), "{}", stderr(&upper));
}

#[test]
fn check_bad_fixtures_exit_1_with_one_line() {
    for (name, why) in [
        ("bad/empty.txt", "the feed is empty"),
        ("bad/html_error_page.html", "not JSON"),
        ("bad/truncated.json", "not JSON"),
        ("bad/not_a_feed.json", "not a status feed"),
        ("bad/array.json", "not a status feed"),
        ("bad/wrong_version_telltale.json", "version 2"),
        (
            "bad/statuspage_rate_limited.json",
            "`page` is null, expected an object",
        ),
    ] {
        let path = fixture(name);
        let out = telltale(&["check", &path]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(out.stdout.is_empty(), "{name}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        assert!(
            err.starts_with(&format!("telltale: {path}: ")),
            "{name}: {err}"
        );
        assert!(err.contains(why), "{name}: {err}");
    }
}

#[test]
fn check_missing_file_exits_1_with_one_line() {
    // (the file, how the line names it: a line break or a terminal escape in a name
    // cannot break the line or drive the terminal)
    for (path, named) in [
        ("/nonexistent/feed.json", "/nonexistent/feed.json"),
        (
            "/nonexistent/a\nb\u{1b}[31m.json",
            "/nonexistent/a\\nb\\u{1b}[31m.json",
        ),
    ] {
        let out = telltale(&["check", path]);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with(&format!("telltale: {named}: ")), "{err}");
    }
}

#[test]
fn check_garbage_on_stdin_exits_1() {
    let out = telltale_stdin(&["check", "-"], b"\xff\xfe\x00garbage");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("telltale: -: the feed is not JSON"));
}

#[test]
fn usage_errors_exit_2_naming_what_is_wrong_then_the_usage() {
    // (arguments, the first line on stderr; `None`: the usage itself)
    let cases: [(&[&str], Option<&str>); 10] = [
        (&[], None),
        (
            &["check"],
            Some("telltale: no file given (- reads standard input)"),
        ),
        (
            &["check", "--format", "rss", "x.json"],
            Some("telltale: unknown format `rss` (auto, statuspage, apple or telltale)"),
        ),
        (
            &["check", "x.json", "--format"],
            Some("telltale: `--format` needs a format name"),
        ),
        (
            &["check", "--jsn", "x.json"],
            Some("telltale: unknown option `--jsn`"),
        ),
        (
            &["check", "a.json", "b.json"],
            Some("telltale: one file at a time (got `a.json` and `b.json`)"),
        ),
        (
            &["check", "--", "-a.json", "--json"],
            Some("telltale: one file at a time (got `-a.json` and `--json`)"),
        ),
        (
            &["lint", "a.json"],
            Some("telltale: unknown command `lint`"),
        ),
        // An argument quoted in the reason cannot break its line or drive the terminal.
        (
            &["check", "a\nb", "c"],
            Some("telltale: one file at a time (got `a\\nb` and `c`)"),
        ),
        (
            &["check", "--x\u{1b}]0;title\u{7}"],
            Some("telltale: unknown option `--x\\u{1b}]0;title\\u{7}`"),
        ),
    ];
    for (args, reason) in cases {
        let out = telltale(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = stderr(&out);
        let usage = match reason {
            None => err.as_str(),
            Some(reason) => {
                let (first, usage) = err.split_once('\n').unwrap_or((&err, ""));
                assert_eq!(first, reason, "{args:?}");
                usage
            }
        };
        assert!(
            usage.starts_with("usage: telltale check"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn help_asked_for_prints_the_usage_on_stdout_and_exits_0() {
    // An explicit --help is not a usage error: exit 0, as every command line tool does.
    for args in [
        &["--help"][..],
        &["-h"],
        &["help"],
        &["check", "--help"],
        &["check", "x.json", "-h"],
    ] {
        let out = telltale(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(out.stderr.is_empty(), "{args:?}");
        let text = stdout(&out);
        assert!(
            text.starts_with("usage: telltale check"),
            "{args:?}: {text}"
        );
        assert!(text.contains("2 usage error"), "{text}");
    }
}

#[test]
fn check_author_mistakes_names_what_the_widget_shows_and_warns_about_the_rest() {
    // QA: a repeated component id made `check` say "API again" where the widget says
    // "API", and an unknown affected id was printed as if it were a name.
    let out = telltale(&["check", &fixture("telltale/author_mistakes.json")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        first_two_lines(&out),
        ["format: telltale", "overall: degraded"]
    );
    let text = stdout(&out);
    assert!(text.contains("  - Slow API\n"), "{text}");
    assert!(text.contains("    affected: API\n"), "{text}");
    assert!(!text.contains("API again"), "{text}");
    assert!(!text.contains("affected: API, ghost"), "{text}");
    assert!(!text.contains("Core again"), "{text}");
    let warnings: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("warning: "))
        .collect();
    assert_eq!(warnings.len(), 10, "{text}");
    assert!(
        text.contains(
            "warning: `components[1]`: unknown field `groupid` (did you mean `group_id`?); ignored\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("names \"ghost\", which is no component or group"),
        "{text}"
    );
}

#[test]
fn check_json_of_author_mistakes_is_a_clean_feed_without_the_repeats() {
    let out = telltale(&["check", "--json", &fixture("telltale/author_mistakes.json")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let ids: Vec<&str> = report["snapshot"]["components"]
        .as_array()
        .expect("components")
        .iter()
        .map(|c| c["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, ["api", "db", ""]);
    assert_eq!(
        report["snapshot"]["incidents"].as_array().map(Vec::len),
        Some(2)
    );
    assert_eq!(report["warnings"].as_array().map(Vec::len), Some(10));
}

/// A feed's line breaks cannot forge lines of the report: the first two lines are the
/// only `format:` and `overall:` lines, and a warning line is always the tool's.
#[test]
fn check_keeps_a_feeds_line_breaks_inside_its_own_lines() {
    let feed = br#"{"page":{"id":"p","name":"P\nformat: apple","url":"https://x.test"},
        "components":[{"id":"c","name":"API\noverall: operational","status":"major_outage"}],
        "incidents":[{"id":"i","name":"Outage\nwarning: fake","status":"investigating",
          "impact":"major","started_at":"2024-11-20T10:00:00Z","incident_updates":[
          {"status":"investigating","body":"line1\nline2\r\nline3\rline4","created_at":"2024-11-20T10:00:00Z"}]}]}"#;
    let out = telltale_stdin(&["check", "-"], feed);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = stdout(&out);
    let starting = |prefix: &str| report.lines().filter(|l| l.starts_with(prefix)).count();
    assert_eq!(starting("format:"), 1, "{report}");
    assert_eq!(starting("overall:"), 1, "{report}");
    assert_eq!(starting("warning:"), 0, "{report}");
    assert!(
        report.contains("page: P\\nformat: apple <https://x.test>\n"),
        "{report}"
    );
    assert!(
        report.contains("  API\\noverall: operational: major_outage\n"),
        "{report}"
    );
    assert!(report.contains("  - Outage\\nwarning: fake\n"), "{report}");
    assert!(
        report.contains("): line1\n      line2\n      line3\n      line4\n"),
        "a body's lines stay under its line: {report}"
    );
}

/// `--json` is JSON whatever the feed quotes: a misspelt field's name with a direction
/// control in it is escaped in the warning, not written as a Rust escape JSON refuses.
#[test]
fn check_json_stays_json_when_a_warning_quotes_a_direction_control() {
    let feed =
        "{\"telltale\":1,\"components\":[{\"id\":\"a\",\"name\":\"A\",\"level\":\"operational\",\
                \"grou\u{202e}p_id\":\"x\"}],\"extra\u{202e}\":1}";
    let out = telltale_stdin(&["check", "--json", "-"], feed.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !stdout(&out).contains('\u{202e}'),
        "no raw direction control"
    );
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let warnings = value["warnings"].to_string();
    assert!(warnings.contains(r"extra\\u{202e}"), "{warnings}");
}

/// A feed the widget would refuse for its size is read, with a warning that says so.
#[test]
fn check_warns_about_a_feed_too_large_for_the_widget() {
    let mut feed = std::fs::read(fixture("telltale/operational.json")).unwrap();
    feed.resize(2 * 1024 * 1024 + 1, b' ');
    let out = telltale_stdin(&["check", "-"], &feed);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(
            "warning: the document is 2097153 bytes: the widget refuses a feed over 2097152 bytes (2 MiB)\n"
        ),
        "{}",
        stdout(&out)
    );
    // Exactly at the widget's cap: read there too, no warning.
    feed.truncate(2 * 1024 * 1024);
    let out = telltale_stdin(&["check", "-"], &feed);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stdout(&out).contains("warning:"), "{}", stdout(&out));
}

/// A report that could not be written is no success (`> out.json` on a full disk); a
/// reader that stopped reading (`| head -1`) is.
#[test]
fn check_fails_when_its_report_cannot_be_written() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // not Linux
    };
    let out = Command::new(env!("CARGO_BIN_EXE_telltale"))
        .args(["check", &fixture("telltale/operational.json")])
        .stdout(full)
        .output()
        .expect("run telltale");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("telltale: the report could not be written: "),
        "{}",
        stderr(&out)
    );
    // A report larger than a pipe holds (64 KiB on Linux), so that its writing meets
    // the closed pipe whenever the reader stops.
    let components: Vec<String> = (0..4000)
        .map(|i| format!(r#"{{"id":"c{i}","name":"Service number {i}","level":"operational"}}"#))
        .collect();
    let feed = format!(
        r#"{{"telltale":1,"components":[{}]}}"#,
        components.join(",")
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_telltale"))
        .args(["check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn telltale");
    child.stdout = None; // the reader stops reading at once
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(feed.as_bytes()).expect("write the feed");
    }
    let out = child.wait_with_output().expect("wait telltale");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn after_a_double_dash_a_file_may_start_with_a_dash() {
    let dir = std::env::temp_dir().join(format!("telltale-cli-dash-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/apple/all_operational.js"
    );
    std::fs::copy(fixture, dir.join("-feed.js")).expect("copy fixture");
    let out = Command::new(env!("CARGO_BIN_EXE_telltale"))
        .args(["check", "--", "-feed.js"])
        .current_dir(&dir)
        .output()
        .expect("run telltale");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("format: apple\noverall: operational\n")
    );
}

#[test]
fn check_a_document_that_says_nothing_exits_1_with_one_line() {
    // (document, how the line ends: what is missing, in that format's words)
    for (input, ending) in [
        (
            r#"{"services":[]}"#,
            "read as apple, it lists no components, incidents or maintenances",
        ),
        (
            r#"{"telltale":1}"#,
            "read as telltale, it lists no components, incidents or maintenances",
        ),
        (
            r#"{"page":{"name":"X"},"components":[]}"#,
            "read as statuspage, it lists no components, incidents or maintenances and has no \
             `status.indicator`",
        ),
    ] {
        let out = telltale_stdin(&["check", "-"], input.as_bytes());
        assert_eq!(out.status.code(), Some(1), "{input}");
        assert!(out.stdout.is_empty(), "{input}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{input}: {err}");
        assert!(
            err.starts_with("telltale: -: the feed says nothing about any service"),
            "{input}: {err}"
        );
        assert!(err.trim_end().ends_with(ending), "{input}: {err}");
    }
}

#[test]
fn check_keeps_an_incident_with_an_oddly_typed_shortlink() {
    let text = std::fs::read_to_string(fixture(
        "statuspage/summary_major_incident_no_component_change.json",
    ))
    .expect("fixture");
    let odd = text.replacen(
        r#""shortlink": "https://stspg.io/"#,
        r#""shortlink": 5, "was": "https://stspg.io/"#,
        1,
    );
    assert_ne!(odd, text, "the fixture's shortlink moved");
    let out = telltale_stdin(&["check", "-"], odd.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        first_two_lines(&out),
        ["format: statuspage", "overall: partial_outage"]
    );
    let report = stdout(&out);
    assert!(report.contains("Elevated error rates"), "{report}");
    assert!(
        report
            .contains("warning: `incidents[0].shortlink` is a number, expected a string; ignored"),
        "{report}"
    );
}

#[test]
fn check_names_a_file_saved_as_utf16_or_utf32() {
    let text = std::fs::read_to_string(fixture("apple/all_operational.js")).expect("fixture");
    for (bom, big_endian) in [(true, false), (false, false), (true, true)] {
        let mut bytes: Vec<u8> = Vec::new();
        if bom {
            bytes.extend(if big_endian {
                [0xFE, 0xFF]
            } else {
                [0xFF, 0xFE]
            });
        }
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        let out = telltale_stdin(&["check", "-"], &bytes);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("it looks like UTF-16"), "{err}");
    }
    // UTF-32, with or without its mark, is named as such.
    for bom in [true, false] {
        let mut bytes: Vec<u8> = Vec::new();
        if bom {
            bytes.extend([0xFF, 0xFE, 0, 0]);
        }
        bytes.extend(text.chars().flat_map(|c| u32::from(c).to_le_bytes()));
        let out = telltale_stdin(&["check", "-"], &bytes);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("(it looks like UTF-32: feeds are read as UTF-8"),
            "{err}"
        );
    }
    // A plain unreadable document gets no such hint.
    let out = telltale_stdin(&["check", "-"], b"not a feed");
    assert!(!stderr(&out).contains("UTF-16"), "{}", stderr(&out));
}

/// A file name the system allows but that is not UTF-8 (byte 0xFF) is read like any
/// other, and named, readably, when it cannot be read.
#[cfg(unix)]
#[test]
fn check_reads_a_file_whose_name_is_not_utf8() {
    use std::ffi::{OsStr, OsString};
    use std::os::unix::ffi::OsStringExt as _;
    let dir = std::env::temp_dir().join(format!("telltale-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let name = OsString::from_vec(b"feed\xff.json".to_vec());
    let path = dir.join(&name);
    std::fs::copy(fixture("telltale/operational.json"), &path).expect("copy fixture");
    let out = telltale(&[OsStr::new("check"), path.as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        first_two_lines(&out),
        ["format: telltale", "overall: operational"]
    );

    // A word that is not UTF-8 but starts with `-` is an option this command lacks.
    let option = OsString::from_vec(b"--form\xffat=x".to_vec());
    let out = telltale(&[OsStr::new("check"), &option]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("telltale: unknown option `--form\u{fffd}at=x`\n"),
        "{}",
        stderr(&out)
    );

    let missing = dir.join(OsString::from_vec(b"gone\xff.json".to_vec()));
    let out = telltale(&[
        OsStr::new("check"),
        OsStr::new("--json"),
        missing.as_os_str(),
    ]);
    std::fs::remove_dir_all(&dir).expect("clean up");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("gone\u{fffd}.json: "), "{err}");
}

#[test]
fn check_leaves_out_what_an_update_lacks() {
    let feed =
        br#"{"page":{"name":"P"},"components":[{"id":"a","name":"A","status":"major_outage"}],
        "incidents":[{"id":"i","name":"Down","status":"investigating","impact":"major",
        "started_at":"2026-11-20T11:05:00Z","incident_updates":[
        {"status":null,"body":null,"created_at":"2026-11-20T11:06:00Z"}]}]}"#;
    let out = telltale_stdin(&["check", "-"], feed);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("    latest update (2026-11-20T11:06:00Z): (no text)\n"),
        "{text}"
    );
}

#[test]
fn check_names_services_of_one_name_by_their_groups() {
    // An "API" in each of two regions, and an ungrouped "Status": as in the widget.
    let feed = r#"{"telltale": 1,
        "groups": [{"id": "us", "name": "US"}, {"id": "eu", "name": "EU"}],
        "components": [
            {"id": "api-us", "name": "API", "level": "major_outage", "group_id": "us"},
            {"id": "api-eu", "name": "API", "level": "major_outage", "group_id": "eu"},
            {"id": "web-eu", "name": "Web", "level": "operational", "group_id": "eu"},
            {"id": "status", "name": "Status", "level": "operational"}],
        "incidents": [
            {"id": "both", "title": "API down", "impact": "major_outage", "status": "identified",
             "affected": ["api-us", "api-eu", "status"]},
            {"id": "one", "title": "API slow", "impact": "degraded", "status": "identified",
             "affected": ["api-eu", "web-eu"]}]}"#;
    let out = telltale_stdin(&["check", "-"], feed.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("\n    affected: API (US), API (EU), Status\n"),
        "{text}"
    );
    assert!(text.contains("\n    affected: API, Web\n"), "{text}");
}
