//! Every feed fixture in `tests/fixtures/` → the model a person reading the feed expects.
//!
//! Times are judged at a fixed `NOW` (2026-11-20T12:00:00Z), the moment the fixtures were
//! "published", so the tests never depend on the clock.

// Test helpers panic on purpose: a fixture that cannot be read is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{schema, schema_accepts};
use telltale::core::config::Config;
use telltale::core::feed::{parse, to_telltale, FeedError, Format, Parsed};
use telltale::core::filter::{self, Selection};
use telltale::core::i18n::Locale;
use telltale::core::model::{IncidentStatus, Level, MaintenanceStatus, Snapshot};
use telltale::core::state::{stale_after_ms, Action, FeedState};
use telltale::core::time::{parse_rfc3339, FixedOffset};
use telltale::core::view::{
    panel_view, PanelView, ViewInput, RECENTLY_RESOLVED_MAX, RECENTLY_RESOLVED_MS,
};

fn at(text: &str) -> i64 {
    parse_rfc3339(text).expect("test timestamp")
}

fn now_ms() -> i64 {
    at("2026-11-20T12:00:00Z")
}

fn read(path: &str) -> String {
    let full = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn load(path: &str) -> Parsed {
    parse(&read(path), None).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn level(snapshot: &Snapshot, id: &str) -> Level {
    snapshot
        .component(id)
        .unwrap_or_else(|| panic!("no component {id}"))
        .level
}

fn has_warning(parsed: &Parsed, parts: &[&str]) -> bool {
    parsed
        .warnings
        .iter()
        .any(|w| parts.iter().all(|p| w.0.contains(p)))
}

/// The panel for `parsed`, fetched and read at `now_ms`, in English and UTC, showing
/// `components` (all when `None`).
fn panel_of(parsed: Parsed, components: Option<&str>, now_ms: i64) -> PanelView {
    panel_in(Locale::En, parsed, components, now_ms)
}

/// [`panel_of`] in `locale`.
fn panel_in(locale: Locale, parsed: Parsed, components: Option<&str>, now_ms: i64) -> PanelView {
    let config = Config::from_attrs(|name| match name {
        "feed" => Some("https://status.example.com/feed".into()),
        "components" => components.map(str::to_owned),
        _ => None,
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let mut state = FeedState::default();
    state.apply(Action::FetchSucceeded {
        parsed,
        at_ms: now_ms,
    });
    panel_view(&ViewInput {
        config: &config,
        state: &state,
        locale,
        zone: &FixedOffset(0),
        now_ms,
        stale_after_ms: stale_after_ms(config.refresh_secs),
        expanded: true,
    })
}

// ---------------------------------------------------------------- Statuspage

#[test]
fn statuspage_operational_summary_is_operational_with_page() {
    let parsed = load("statuspage/summary_operational.json");
    assert_eq!(parsed.format, Format::Statuspage);
    let s = &parsed.snapshot;
    assert_eq!(s.overall(now_ms()), Level::Operational);
    assert_eq!(s.page.name.as_deref(), Some("Acme Cloud"));
    assert_eq!(s.page.url.as_deref(), Some("https://status.acme.example"));
    assert_eq!(s.page.updated_at_ms, Some(at("2026-11-20T11:52:03.512Z")));
    let names: Vec<_> = s.components.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "API",
            "Dashboard",
            "Webhooks",
            "Git Operations",
            "Notifications"
        ]
    );
    assert_eq!(s.components[0].id, "8l4ygp009s5s");
    assert_eq!(
        s.components[0].description.as_deref(),
        Some("REST and GraphQL endpoints")
    );
    assert!(s.incidents.is_empty() && s.maintenances.is_empty() && s.groups.is_empty());
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn statuspage_major_incident_without_component_change_is_partial_outage() {
    // The feed's own indicator says "All Systems Operational"; the declared incident wins.
    let parsed = load("statuspage/summary_major_incident_no_component_change.json");
    let s = &parsed.snapshot;
    assert!(s.components.iter().all(|c| c.level == Level::Operational));
    assert_eq!(s.overall(now_ms()), Level::PartialOutage);
    assert_eq!(s.incidents.len(), 1);
    let incident = &s.incidents[0];
    assert_eq!(
        incident.title,
        "Elevated error rates across multiple services"
    );
    assert_eq!(incident.impact, Level::PartialOutage);
    assert_eq!(incident.status, IncidentStatus::Identified);
    assert_eq!(incident.started_at_ms, Some(at("2026-11-20T11:05:00Z")));
    assert_eq!(incident.url.as_deref(), Some("https://stspg.io/p31zjtc"));
    assert!(incident.affected.is_empty());
    let stages: Vec<_> = incident.updates.iter().map(|u| u.status.as_str()).collect();
    assert_eq!(stages, ["identified", "investigating"]);
    assert!(incident.updates[0].body.starts_with("We have identified"));
}

#[test]
fn statuspage_groups_become_groups_and_members_point_to_them() {
    let parsed = load("statuspage/summary_groups.json");
    let s = &parsed.snapshot;
    let groups: Vec<_> = s
        .groups
        .iter()
        .map(|g| (g.id.as_str(), g.name.as_str()))
        .collect();
    assert_eq!(
        groups,
        [
            ("qmt5p8g2fdb1", "Web Services"),
            ("r7c2hx0vq4gk", "Storage")
        ]
    );
    // Groups are not components.
    assert!(s.component("qmt5p8g2fdb1").is_none());
    assert_eq!(s.components.len(), 7);
    let api = s.component("8l4ygp009s5s").expect("API");
    assert_eq!(api.group_id.as_deref(), Some("qmt5p8g2fdb1"));
    assert_eq!(level(s, "9n2vyl3kx0mb"), Level::Degraded);
    assert_eq!(s.group_levels()["r7c2hx0vq4gk"], Level::Degraded);
    assert_eq!(s.group_levels()["qmt5p8g2fdb1"], Level::Operational);
    assert_eq!(s.overall(now_ms()), Level::PartialOutage);
}

#[test]
fn statuspage_edited_event_affects_its_own_list_and_its_markup_is_taken_out() {
    let parsed = load("statuspage/summary_edited_markup.json");
    let s = &parsed.snapshot;
    let incident = &s.incidents[0];
    // The web app, named by the first updates, was taken off the incident since.
    assert_eq!(incident.affected, ["sync0000000a"]);
    assert_eq!(
        incident.updates[0].body,
        "We found the cause.\n\nFollow the fix here \
         (https://github.example/nimbus/notes/issues/42); sync & search are slow until then. \
         Errors affect <5% of saves."
    );
    assert_eq!(
        incident.updates[1].body,
        "Sync is degraded.\nThe web app is not affected after all."
    );
    // A maintenance with no component list of its own: its update names what it affects.
    assert_eq!(s.maintenances[0].affected, ["api00000000a"]);
    // Filtered to the web app, the incident is not shown; to the API, the maintenance is.
    let web = panel_of(parsed.clone(), Some("Web app"), now_ms());
    assert!(web.incidents.is_empty());
    let api = panel_of(parsed, Some("API"), now_ms());
    assert_eq!(api.maintenances.len(), 1);
}

#[test]
fn statuspage_member_of_missing_group_still_shows_without_group() {
    let parsed = load("statuspage/summary_groups.json");
    let ftp = parsed
        .snapshot
        .component("x0fz1nq8w2ty")
        .expect("Legacy FTP");
    assert_eq!(ftp.name, "Legacy FTP");
    assert_eq!(ftp.group_id, None);
    assert!(has_warning(&parsed, &["Legacy FTP", "zzmissing0001"]));
}

#[test]
fn blank_names_are_replaced_by_ids_with_a_warning() {
    let text = r#"{"telltale":1,"groups":[{"id":"play","name":"  "}],"components":[
        {"id":"login","name":"","level":"major_outage","group_id":"play"},
        {"id":"pay","name":"\u200b\u2060\ufeff","level":"operational"},
        {"id":"store","name":"Store","level":"operational"},
        {"id":"zwj","name":"\u200d\ud83d\udc4d","level":"operational"}]}"#;
    let parsed = parse(text, None).expect("a Telltale feed");
    let s = &parsed.snapshot;
    let names: Vec<&str> = s.components.iter().map(|c| c.name.as_str()).collect();
    // Only zero-width characters show nothing either; one visible character is a name.
    assert_eq!(names, ["login", "pay", "Store", "\u{200d}\u{1f44d}"]);
    assert_eq!(s.groups[0].name, "play");
    assert!(has_warning(&parsed, &["component \"login\" has no name"]));
    assert!(has_warning(&parsed, &["component \"pay\" has no name"]));
    assert!(has_warning(&parsed, &["group \"play\" has no name"]));
    assert_eq!(parsed.warnings.len(), 3, "{:?}", parsed.warnings);
}

#[test]
fn statuspage_only_show_if_degraded_is_kept() {
    let parsed = load("statuspage/summary_groups.json");
    let s = &parsed.snapshot;
    let emails = s.component("kr09ddfgbfsf").expect("Status Emails");
    assert!(emails.only_show_if_degraded);
    assert_eq!(emails.level, Level::Operational);
    let sms = s.component("j4nd8q2rbs0c").expect("SMS Alerts");
    assert!(sms.only_show_if_degraded);
    assert_eq!(sms.level, Level::PartialOutage);
    assert!(
        !s.component("brv1bkgrwx7q")
            .expect("Dashboard")
            .only_show_if_degraded
    );
}

/// The rows of `panel`, as "name: state", in order.
fn rows(panel: &PanelView) -> Vec<String> {
    (panel.groups.iter().flat_map(|g| &g.components))
        .map(|c| format!("{}: {}", c.name, c.state.text))
        .collect()
}

#[test]
fn statuspage_only_show_if_degraded_component_named_in_components_is_shown() {
    // QA: "Status Emails" is `only_show_if_degraded` and operational. Hidden when the
    // embed shows everything, it must show when the page names it: the partner asked
    // for that service.
    let all = panel_of(load("statuspage/summary_groups.json"), None, now_ms());
    assert!(
        !rows(&all).iter().any(|r| r.starts_with("Status Emails")),
        "{:?}",
        rows(&all)
    );
    assert!(rows(&all).contains(&"SMS Alerts: Partial outage".to_owned()));
    for components in ["Status Emails", "kr09ddfgbfsf", "status emails, API"] {
        let named = panel_of(
            load("statuspage/summary_groups.json"),
            Some(components),
            now_ms(),
        );
        assert!(
            rows(&named).contains(&"Status Emails: Operational".to_owned()),
            "{components}: {:?}",
            rows(&named)
        );
    }
    // Named alone, the badge and the panel name it, as for any one service.
    let alone = panel_of(
        load("statuspage/summary_groups.json"),
        Some("Status Emails"),
        now_ms(),
    );
    assert_eq!(alone.overall.text, "Status Emails: operational");
}

#[test]
fn statuspage_maintenance_in_progress_and_scheduled() {
    let parsed = load("statuspage/summary_maintenance.json");
    let s = &parsed.snapshot;
    assert_eq!(s.overall(now_ms()), Level::Maintenance);
    assert_eq!(level(s, "0l2p9nhqnxpd"), Level::Maintenance);
    assert_eq!(s.maintenances.len(), 2);
    let upgrade = &s.maintenances[0];
    assert_eq!(upgrade.title, "Git storage cluster upgrade");
    assert_eq!(upgrade.status, MaintenanceStatus::InProgress);
    assert_eq!(upgrade.starts_at_ms, Some(at("2026-11-20T11:00:00Z")));
    assert_eq!(upgrade.ends_at_ms, Some(at("2026-11-20T13:00:00Z")));
    assert_eq!(upgrade.affected, ["0l2p9nhqnxpd"]);
    assert_eq!(upgrade.updates[0].status, "in_progress");
    assert_eq!(upgrade.updates[0].affected, ["0l2p9nhqnxpd"]);
    let migration = &s.maintenances[1];
    assert_eq!(migration.status, MaintenanceStatus::Scheduled);
    assert_eq!(migration.starts_at_ms, Some(at("2026-11-24T02:00:00Z")));
    assert!(!migration.is_in_progress(now_ms()));
    assert!(migration.is_upcoming_or_active(now_ms()));
    assert!(s.incidents.is_empty());
}

#[test]
fn statuspage_maintenance_only_counts_while_in_progress() {
    // Without the component under maintenance, only the maintenance itself drives overall.
    let mut parsed = load("statuspage/summary_maintenance.json");
    for c in &mut parsed.snapshot.components {
        c.level = Level::Operational;
    }
    parsed.snapshot.maintenances.remove(0);
    let s = &parsed.snapshot;
    assert_eq!(s.overall(now_ms()), Level::Operational);
    assert_eq!(s.overall(at("2026-11-24T03:00:00Z")), Level::Maintenance);
}

#[test]
fn statuspage_unknown_values_map_to_neighbours_with_warnings() {
    let parsed = load("statuspage/summary_unknown_values.json");
    let s = &parsed.snapshot;
    assert_eq!(level(s, "8l4ygp009s5s"), Level::Degraded);
    assert!(has_warning(
        &parsed,
        &["component \"API\"", "\"degraded_service\"", "degraded"]
    ));
    assert_eq!(level(s, "brv1bkgrwx7q"), Level::PartialOutage);
    assert!(has_warning(
        &parsed,
        &["\"regional_outage\"", "partial outage"]
    ));
    assert_eq!(level(s, "4230lsnqdsld"), Level::Operational);
    assert!(has_warning(&parsed, &["Webhooks", "no status"]));
    // The item that is not a component is skipped; the rest is kept.
    assert_eq!(s.components.len(), 5);
    assert!(has_warning(
        &parsed,
        &["components[3] is a number, expected an object"]
    ));

    let incident = &s.incidents[0];
    assert_eq!(incident.status, IncidentStatus::Investigating);
    assert_eq!(incident.impact, Level::Degraded);
    assert_eq!(incident.affected, ["brv1bkgrwx7q"]);
    assert_eq!(incident.url, None, "javascript: link must be dropped");
    assert!(has_warning(&parsed, &["\"escalated\""]));
    assert!(has_warning(&parsed, &["\"severe\""]));
    assert!(has_warning(&parsed, &["javascript:alert(1)"]));

    assert_eq!(s.page.url, None, "ftp: link must be dropped");
    assert!(has_warning(&parsed, &["ftp://status.acme.example"]));
    assert_eq!(s.maintenances[0].status, MaintenanceStatus::Scheduled);
    assert!(has_warning(&parsed, &["\"postponed\""]));
    assert_eq!(s.overall(now_ms()), Level::PartialOutage);
}

#[test]
fn statuspage_event_without_a_name_is_titled_by_the_panel_not_the_reader() {
    // No English placeholder ("Untitled (incidents[0])") reaches a reader of another
    // language: the panel titles it by what it affects, or by its impact.
    let text = r#"{"page": {"name": "Acme"},
        "components": [{"id": "api", "name": "API", "status": "partial_outage"}],
        "incidents": [
            {"id": "a", "status": "identified", "impact": "major",
             "components": [{"id": "api"}]},
            {"id": "b", "name": "  ", "status": "investigating", "impact": "minor"}
        ],
        "scheduled_maintenances": [{"id": "m", "status": "scheduled", "scheduled_for": "soon"}]}"#;
    let parsed = parse(text, None).unwrap_or_else(|e| panic!("{e}"));
    let s = &parsed.snapshot;
    assert_eq!(s.incidents[0].title, "");
    assert_eq!(s.incidents[1].title, "");
    assert_eq!(s.maintenances[0].title, "");
    // Warnings for `telltale check` name it by where it is.
    assert!(has_warning(
        &parsed,
        &["maintenance scheduled_maintenances[0] scheduled_for \"soon\""]
    ));
    let panel = panel_of(parsed, None, now_ms());
    let titles: Vec<&str> = panel.incidents.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, ["API", "Degraded performance"]);
    assert_eq!(panel.maintenances[0].title, "Maintenance");
}

#[test]
fn statuspage_times_with_offsets_and_missing_started_at() {
    let parsed = load("statuspage/summary_offsets.json");
    let s = &parsed.snapshot;
    assert_eq!(s.incidents.len(), 3);
    // Newest first: 10:48Z (from created_at -07:00), 09:30Z (+02:00), yesterday.
    let titles: Vec<_> = s.incidents.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Login errors for some SSO users",
            "Push notifications delayed",
            "API latency"
        ]
    );
    let sso = &s.incidents[0];
    assert_eq!(sso.started_at_ms, Some(at("2026-11-20T10:48:00Z")));
    let push = &s.incidents[1];
    assert_eq!(push.started_at_ms, Some(at("2026-11-20T09:30:00Z")));
    // Updates arrive out of order with mixed offsets; they come out newest first.
    let times: Vec<_> = push.updates.iter().map(|u| u.at_ms).collect();
    assert_eq!(
        times,
        [
            Some(at("2026-11-20T11:45:00Z")),
            Some(at("2026-11-20T09:35:00Z")),
            Some(at("2026-11-20T09:00:00Z")),
        ]
    );
    let stages: Vec<_> = push.updates.iter().map(|u| u.status.as_str()).collect();
    assert_eq!(stages, ["monitoring", "investigating", "identified"]);
    assert_eq!(push.updates[0].affected, ["kr09ddfgbfsf"]);
    assert_eq!(push.affected, ["kr09ddfgbfsf"]);
    let api = &s.incidents[2];
    assert_eq!(api.status, IncidentStatus::Resolved);
    assert_eq!(api.resolved_at_ms, Some(at("2026-11-19T21:30:00Z")));
    assert_eq!(s.overall(now_ms()), Level::PartialOutage);
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn statuspage_status_json_alone_gives_page_only() {
    let parsed = load("statuspage/status.json");
    assert_eq!(parsed.format, Format::Statuspage);
    let s = &parsed.snapshot;
    assert_eq!(s.page.name.as_deref(), Some("Acme Cloud"));
    assert!(s.components.is_empty() && s.incidents.is_empty());
    assert_eq!(s.overall(now_ms()), Level::Operational);
}

#[test]
fn statuspage_status_json_alone_takes_its_indicator() {
    // The only data in `status.json` is the indicator; ignoring it would say "all
    // systems operational" through any outage.
    let parsed = load("statuspage/status_major.json");
    let s = &parsed.snapshot;
    assert_eq!(s.declared, Some(Level::PartialOutage));
    assert_eq!(s.overall(now_ms()), Level::PartialOutage);
    assert!(s.incidents_unlisted);
    let cases = [
        ("none", Some(Level::Operational)),
        ("minor", Some(Level::Degraded)),
        ("major", Some(Level::PartialOutage)),
        ("critical", Some(Level::MajorOutage)),
        ("maintenance", Some(Level::Maintenance)),
        (" Critical ", Some(Level::MajorOutage)),
    ];
    for (indicator, want) in cases {
        let text =
            format!(r#"{{"page": {{"name": "P"}}, "status": {{"indicator": "{indicator}"}}}}"#);
        let parsed = parse(&text, None).unwrap_or_else(|e| panic!("{indicator}: {e}"));
        assert_eq!(parsed.snapshot.declared, want, "{indicator}");
        assert!(
            parsed.warnings.is_empty(),
            "{indicator}: {:?}",
            parsed.warnings
        );
    }
    // An indicator it cannot read leaves `status.json` saying nothing: an error, not
    // "operational".
    let unknown = r#"{"page": {"name": "P"}, "status": {"indicator": "on fire"}}"#;
    assert_eq!(
        parse(unknown, None),
        Err(FeedError::SaysNothing {
            format: Format::Statuspage
        })
    );
}

#[test]
fn statuspage_indicator_beside_components_is_not_read() {
    // summary.json's indicator follows components only: beside them it is not the truth.
    for path in [
        "statuspage/summary_major_incident_no_component_change.json",
        "statuspage/summary_operational.json",
    ] {
        assert_eq!(load(path).snapshot.declared, None, "{path}");
    }
    // Not even when it says worse than every component and incident.
    let text = r#"{"page": {}, "status": {"indicator": "critical"}, "incidents": [],
        "components": [{"id": "a", "name": "API", "status": "operational"}]}"#;
    let parsed = parse(text, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed.snapshot.declared, None);
    assert_eq!(parsed.snapshot.overall(now_ms()), Level::Operational);
}

#[test]
fn statuspage_indicator_of_a_page_without_components_is_the_state() {
    // No component for the indicator to follow: it is all the page says (a summary of a
    // page that lists only incidents, as some Statuspage-compatible pages publish).
    for incidents in ["", r#", "incidents": []"#] {
        let text = format!(
            r#"{{"page": {{}}, "components": [], "status": {{"indicator": "critical"}}{incidents}}}"#
        );
        let parsed = parse(&text, None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(parsed.snapshot.declared, Some(Level::MajorOutage), "{text}");
        assert_eq!(parsed.snapshot.overall(now_ms()), Level::MajorOutage);
    }
}

#[test]
fn statuspage_documents_without_incidents_make_no_claim_about_them() {
    let cases = [
        ("statuspage/status.json", true),
        ("statuspage/components.json", true),
        ("statuspage/scheduled-maintenances.json", true),
        ("statuspage/incidents.json", false),
        ("statuspage/summary_operational.json", false),
    ];
    for (path, unlisted) in cases {
        let parsed = load(path);
        assert_eq!(parsed.snapshot.incidents_unlisted, unlisted, "{path}");
        let panel = panel_of(parsed, None, now_ms());
        assert_eq!(
            panel.known, !unlisted,
            "{path}: the incidents section is shown"
        );
    }
}

#[test]
fn statuspage_documents_say_whether_they_list_maintenances() {
    let cases = [
        ("statuspage/status.json", true),
        ("statuspage/components.json", true),
        ("statuspage/incidents.json", true),
        ("statuspage/scheduled-maintenances.json", false),
        ("statuspage/summary_operational.json", false),
        ("apple/all_operational.js", false),
        ("telltale/operational.json", false),
    ];
    for (path, unlisted) in cases {
        let parsed = load(path);
        assert_eq!(parsed.snapshot.maintenances_unlisted, unlisted, "{path}");
        // The filter keeps what the document said.
        let shown = filter::apply(&parsed.snapshot, &Selection::parse("nothing here"));
        assert_eq!(shown.maintenances_unlisted, unlisted, "{path}");
    }
}

#[test]
fn statuspage_components_json_alone_reads_groups() {
    let parsed = load("statuspage/components.json");
    let s = &parsed.snapshot;
    assert_eq!(s.groups.len(), 2);
    assert_eq!(s.components.len(), 5);
    assert_eq!(s.overall(now_ms()), Level::Degraded);
}

#[test]
fn statuspage_incidents_json_alone_affected_from_components_and_updates() {
    let parsed = load("statuspage/incidents.json");
    let s = &parsed.snapshot;
    assert_eq!(s.incidents.len(), 3);
    let active: Vec<_> = s.incidents.iter().filter(|i| i.is_active()).collect();
    assert_eq!(active.len(), 1);
    assert_eq!(active[0].impact, Level::MajorOutage);
    // No component list to look ids up in: the incident's components and its updates'
    // `affected_components` give their names, and the panel shows them.
    assert!(s.names_affected_directly());
    assert_eq!(active[0].affected, ["API", "Dashboard"]);
    assert_eq!(active[0].updates[0].affected, ["API"]);
    let panel = panel_of(parsed.clone(), None, now_ms());
    assert!(
        panel.incidents[0]
            .facts
            .contains(&("Affects".into(), "API, Dashboard".into())),
        "{:?}",
        panel.incidents[0].facts
    );
    let postmortem = s
        .incidents
        .iter()
        .find(|i| i.status == IncidentStatus::Postmortem)
        .expect("postmortem");
    assert_eq!(postmortem.updates[0].status, "postmortem");
    assert_eq!(s.overall(now_ms()), Level::MajorOutage);
}

#[test]
fn statuspage_scheduled_maintenances_json_alone() {
    let parsed = load("statuspage/scheduled-maintenances.json");
    let s = &parsed.snapshot;
    let statuses: Vec<_> = s.maintenances.iter().map(|m| m.status).collect();
    assert_eq!(
        statuses,
        [MaintenanceStatus::Scheduled, MaintenanceStatus::Completed]
    );
    assert_eq!(
        s.maintenances[1].ends_at_ms,
        Some(at("2026-11-15T04:00:00Z"))
    );
    assert_eq!(s.overall(now_ms()), Level::Operational);
    assert_eq!(s.overall(at("2026-11-24T02:30:00Z")), Level::Maintenance);
}

#[test]
fn statuspage_event_listed_twice_is_shown_once() {
    // `incidents` (as `incidents.json` has it) lists a maintenance in progress that
    // `scheduled_maintenances` lists again, and an incident appears twice. The panel keys
    // its events by id: a repeated key would make its list updates lose items.
    let maintenance = r#"{"id": "mnt-db", "name": "Database upgrade", "status": "in_progress",
        "impact": "maintenance", "scheduled_for": "2026-11-20T11:00:00Z",
        "scheduled_until": "2026-11-20T13:00:00Z", "incident_updates": []}"#;
    let incident = r#"{"id": "inc-api", "name": "API errors", "status": "investigating",
        "impact": "major", "created_at": "2026-11-20T11:30:00Z", "incident_updates": []}"#;
    let text = format!(
        r#"{{"page": {{"id": "p", "name": "Acme"}},
            "incidents": [{incident}, {maintenance}, {incident}],
            "scheduled_maintenances": [{maintenance}]}}"#
    );
    let parsed = parse(&text, None).expect("a Statuspage document");
    let s = &parsed.snapshot;
    let incidents: Vec<&str> = s.incidents.iter().map(|i| i.id.as_str()).collect();
    let maintenances: Vec<&str> = s.maintenances.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(incidents, ["inc-api"]);
    assert_eq!(maintenances, ["mnt-db"]);
    assert!(has_warning(
        &parsed,
        &["maintenances", "\"mnt-db\"", "left out"]
    ));
    assert!(has_warning(
        &parsed,
        &["incidents", "\"inc-api\"", "left out"]
    ));
}

#[test]
fn statuspage_time_outside_the_years_1_to_9999_is_ignored() {
    // Valid RFC 3339, but year 0, or past 9999 once the offset is applied: no calendar text
    // shows them and the stored snapshot could not keep them.
    let text = r#"{"page": {"id": "p"}, "incidents": [
        {"id": "a", "name": "Year zero", "status": "investigating", "impact": "minor",
         "created_at": "0000-06-01T00:00:00Z", "incident_updates": []},
        {"id": "b", "name": "Far future", "status": "investigating", "impact": "minor",
         "started_at": "9999-12-31T23:00:00-05:00", "incident_updates": []},
        {"id": "c", "name": "Last minute", "status": "investigating", "impact": "minor",
         "started_at": "9999-12-31T23:59:00Z", "incident_updates": []}]}"#;
    let parsed = parse(text, None).expect("a Statuspage document");
    let started = |id: &str| {
        parsed
            .snapshot
            .incidents
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.started_at_ms)
    };
    assert_eq!(started("a"), Some(None));
    assert_eq!(started("b"), Some(None));
    assert_eq!(started("c"), Some(Some(at("9999-12-31T23:59:00Z"))));
    assert!(has_warning(
        &parsed,
        &["Year zero", "0000-06-01", "outside the years 1 to 9999"]
    ));
    assert!(has_warning(
        &parsed,
        &["Far future", "outside the years 1 to 9999"]
    ));
}

// ---------------------------------------------------------------- Apple

const OUTAGE_SERVICES: [&str; 6] = [
    "App Store",
    "Apple TV",
    "iTunes Store",
    "Photos",
    "iMessage",
    "iWork for iCloud",
];

#[test]
fn apple_multi_service_outage_is_one_incident_affecting_all() {
    let parsed = load("apple/multi_service_outage.js");
    assert_eq!(parsed.format, Format::Apple);
    let s = &parsed.snapshot;
    assert_eq!(s.overall(now_ms()), Level::MajorOutage);
    for id in OUTAGE_SERVICES {
        assert_eq!(level(s, id), Level::MajorOutage, "{id}");
    }
    assert_eq!(level(s, "Siri"), Level::Operational);
    assert_eq!(level(s, "iCloud Mail"), Level::Operational);
    assert_eq!(s.incidents.len(), 1);
    let incident = &s.incidents[0];
    assert_eq!(incident.id, "1000000123");
    assert_eq!(incident.affected, OUTAGE_SERVICES);
    // Apple events have no title: the views name the affected services they show.
    assert_eq!(incident.title, "");
    assert_eq!(incident.impact, Level::MajorOutage);
    assert_eq!(incident.status, IncidentStatus::Ongoing);
    assert_eq!(incident.started_at_ms, Some(at("2026-11-20T10:38:00Z")));
    assert_eq!(
        incident.users_affected.as_deref(),
        Some("All users are affected.")
    );
    assert_eq!(incident.updates.len(), 1);
    assert!(incident.updates[0]
        .body
        .starts_with("Users are unable to access this service."));
    // datePosted "11/20/2026 02:51 PST"
    assert_eq!(incident.updates[0].at_ms, Some(at("2026-11-20T10:51:00Z")));
    assert_eq!(s.page.url, None);
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn apple_event_ongoing_under_any_of_its_services_is_ongoing() {
    // One event (one messageId) under two services, caught mid-update: resolved where it
    // is listed first, still ongoing under the second. The outage is not hidden.
    let event = |status: &str| {
        format!(
            r#"{{"messageId": "77", "statusType": "Outage", "eventStatus": "{status}",
                "epochStartDate": 1795165680000, "message": "Purchases fail."}}"#
        )
    };
    let text = format!(
        r#"{{"services": [
            {{"serviceName": "App Store", "events": [{}]}},
            {{"serviceName": "iTunes Store", "events": [{}]}},
            {{"serviceName": "Photos", "events": []}}]}}"#,
        event("resolved"),
        event("ongoing")
    );
    let parsed = parse(&text, None).expect("an Apple document");
    let s = &parsed.snapshot;
    assert_eq!(s.incidents.len(), 1);
    assert_eq!(s.incidents[0].status, IncidentStatus::Ongoing);
    assert_eq!(s.incidents[0].affected, ["App Store", "iTunes Store"]);
    assert_eq!(s.overall(now_ms()), Level::MajorOutage);
    assert_eq!(level(s, "Photos"), Level::Operational);
}

#[test]
fn apple_event_listed_twice_keeps_its_first_listing_unless_a_later_one_is_ongoing() {
    // The same event under two services, listed differently (a feed caught mid-update):
    // the first listing stands unless only the later one is ongoing.
    let event = |status: &str, kind: &str| {
        format!(
            r#"{{"messageId": 77, "statusType": "{kind}", "eventStatus": "{status}",
                "epochStartDate": 1795165680000, "message": "Purchases fail."}}"#
        )
    };
    for (first, second, impact) in [
        ("resolved", "resolved", Level::MajorOutage),
        ("ongoing", "ongoing", Level::MajorOutage),
        ("ongoing", "resolved", Level::MajorOutage),
        ("resolved", "ongoing", Level::Degraded),
    ] {
        let doc = format!(
            r#"{{"services": [
                {{"serviceName": "App Store", "events": [{}]}},
                {{"serviceName": "iTunes Store", "events": [{}]}}]}}"#,
            event(first, "Outage"),
            event(second, "Performance"),
        );
        let parsed = parse(&doc, None).expect("an Apple document");
        let incidents = &parsed.snapshot.incidents;
        assert_eq!(incidents.len(), 1, "{first}, {second}");
        // A numeric messageId is the event's id as written.
        assert_eq!(incidents[0].id, "77");
        assert_eq!(incidents[0].affected, ["App Store", "iTunes Store"]);
        assert_eq!(incidents[0].impact, impact, "{first}, {second}");
    }
}

#[test]
fn apple_event_without_a_message_id_has_a_stable_id_from_its_message_and_start() {
    // FNV-1a over the message and the start: the same between polls and between
    // versions, so a kept snapshot and `telltale:change` see the same event.
    let doc = |message: &str| {
        format!(
            r#"{{"services": [{{"serviceName": "Mail", "events": [
                {{"statusType": "Issue", "eventStatus": "ongoing",
                  "epochStartDate": 1795150000000, "message": "{message}"}}]}}]}}"#
        )
    };
    let id_of = |message: &str| {
        let parsed = parse(&doc(message), None).expect("an Apple document");
        parsed.snapshot.incidents[0].id.clone()
    };
    assert_eq!(id_of("Slow"), "event-6ac7246548da0fcd");
    assert_eq!(id_of("  Slow "), "event-6ac7246548da0fcd", "trimmed");
    assert_ne!(id_of("Slower"), id_of("Slow"));
}

#[test]
fn apple_event_with_a_message_per_service_keeps_each_service_its_own() {
    // Apple gives one messageId a message of its own under some services (seen in the
    // ja_JP and developer feeds), and `affectedServices` names all of them. Each message
    // is an event of its own, affecting the services that list it.
    let event = |message: &str| {
        format!(
            r#"{{"messageId": "124", "statusType": "Issue", "eventStatus": "ongoing",
                "epochStartDate": 1795165680000, "message": "{message}",
                "affectedServices": ["iCloud Drive", "iCloud Mail", "iWork for iCloud", "Notes"]}}"#
        )
    };
    let text = format!(
        r#"{{"services": [
            {{"serviceName": "iCloud Drive", "events": [{}]}},
            {{"serviceName": "iCloud Mail", "events": [{}]}},
            {{"serviceName": "iWork for iCloud", "events": [{}]}},
            {{"serviceName": "Notes", "events": []}},
            {{"serviceName": "Photos", "events": []}}]}}"#,
        event("There may be a problem with this service."),
        event("Users may be unable to access iCloud Mail."),
        event("There may be a problem with this service."),
    );
    let parsed = parse(&text, None).expect("an Apple document");
    let s = &parsed.snapshot;
    let events: Vec<(&str, Vec<&str>, &str)> = s
        .incidents
        .iter()
        .map(|i| {
            let affected = i.affected.iter().map(String::as_str).collect();
            (i.id.as_str(), affected, i.updates[0].body.as_str())
        })
        .collect();
    assert_eq!(
        events,
        [
            (
                "124",
                // Notes lists no message, so it goes with the first one.
                vec!["iCloud Drive", "iWork for iCloud", "Notes"],
                "There may be a problem with this service."
            ),
            (
                "124-2",
                vec!["iCloud Mail"],
                "Users may be unable to access iCloud Mail."
            ),
        ]
    );
    assert_eq!(level(s, "Notes"), Level::PartialOutage);
    assert_eq!(level(s, "Photos"), Level::Operational);
    // An embed of iCloud Mail alone shows iCloud Mail's own text, and no other.
    let panel = panel_of(parsed, Some("iCloud Mail"), now_ms());
    assert_eq!(panel.incidents.len(), 1);
    assert_eq!(panel.incidents[0].title, "iCloud Mail");
    let bodies: Vec<&str> = panel.incidents[0]
        .updates
        .iter()
        .map(|u| u.body.as_str())
        .collect();
    assert_eq!(bodies, ["Users may be unable to access iCloud Mail."]);
}

#[test]
fn apple_filtered_outage_is_titled_by_the_shown_services_only() {
    let parsed = load("apple/multi_service_outage.js");
    let panel = panel_of(parsed, Some("App Store, iTunes Store"), now_ms());
    assert_eq!(panel.incidents.len(), 1);
    let incident = &panel.incidents[0];
    assert_eq!(incident.title, "App Store, iTunes Store");
    // The title already names the services; no "Affects" line repeats it.
    assert!(
        incident.facts.iter().all(|(label, _)| label != "Affects"),
        "{:?}",
        incident.facts
    );
}

#[test]
fn apple_developer_service_with_commas_in_its_name_can_be_selected() {
    // Apple's developer feed names a service "Certificates, Identifiers &amp; Profiles":
    // the page writes it in the comma-separated list as it reads.
    let parsed = load("apple/developer.js");
    let selection = Selection::parse("Certificates, Identifiers & Profiles, TestFlight");
    assert!(filter::unmatched(&parsed.snapshot, &selection).is_empty());
    let shown = filter::apply(&parsed.snapshot, &selection);
    let names: Vec<&str> = shown.components.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["Certificates, Identifiers & Profiles", "TestFlight"]
    );
    assert_eq!(
        shown.overall(now_ms()),
        Level::PartialOutage,
        "TestFlight's issue"
    );
}

#[test]
fn apple_resolved_event_is_listed_as_recently_resolved_for_a_day() {
    // Apple Music's performance issue ended at 06:25Z on the 20th.
    let ended = at("2026-11-20T06:25:00Z");
    let panel = panel_of(load("apple/itunes_partial_outage.json"), None, now_ms());
    assert_eq!(panel.labels.resolved, "Recently resolved");
    assert_eq!(panel.incidents.len(), 1, "the ongoing iTunes Store issue");
    assert_eq!(panel.resolved.len(), 1);
    let resolved = &panel.resolved[0];
    assert_eq!(resolved.title, "Apple Music");
    assert_eq!(resolved.status, "Resolved");
    assert!(
        resolved
            .facts
            .iter()
            .any(|(label, value)| label == "Ended" && value.starts_with("6:25 AM")),
        "{:?}",
        resolved.facts
    );
    // A day after it ended it is history; a filter that hides Apple Music hides it too.
    let later = ended + RECENTLY_RESOLVED_MS;
    let parsed = load("apple/itunes_partial_outage.json");
    assert_eq!(panel_of(parsed.clone(), None, later).resolved.len(), 1);
    assert!(panel_of(parsed.clone(), None, later + 1)
        .resolved
        .is_empty());
    assert!(panel_of(parsed, Some("iTunes Store"), now_ms())
        .resolved
        .is_empty());
}

#[test]
fn recently_resolved_lists_the_latest_ends_first_and_at_most_three() {
    let ends = [
        "2026-11-20T08:00:00Z",
        "2026-11-20T11:00:00Z",
        "2026-11-19T13:00:00Z",
        "2026-11-20T09:00:00Z",
        "2026-11-19T11:00:00Z",
    ];
    let services: Vec<String> = ends
        .iter()
        .enumerate()
        .map(|(i, end)| {
            format!(
                r#"{{"serviceName": "S{i}", "events": [{{"messageId": "{i}",
                    "statusType": "Issue", "eventStatus": "resolved",
                    "epochStartDate": {start}, "epochEndDate": {end_ms},
                    "message": "m{i}", "usersAffected": null}}]}}"#,
                start = at(end) - 3_600_000,
                end_ms = at(end),
            )
        })
        .collect();
    let text = format!(r#"{{"services": [{}]}}"#, services.join(","));
    let parsed = parse(&text, None).unwrap_or_else(|e| panic!("{e}"));
    let panel = panel_of(parsed, None, now_ms());
    let titles: Vec<&str> = panel.resolved.iter().map(|e| e.title.as_str()).collect();
    // S4 ended more than a day ago; of the rest, the three latest ends.
    assert_eq!(titles, ["S1", "S3", "S0"]);
    assert_eq!(RECENTLY_RESOLVED_MAX, 3);
}

#[test]
fn apple_itunes_issue_is_partial_outage_with_users_affected() {
    let parsed = load("apple/itunes_partial_outage.json");
    let s = &parsed.snapshot;
    assert_eq!(s.overall(now_ms()), Level::PartialOutage);
    // " iTunes Store " in the feed: id and name are trimmed.
    assert_eq!(level(s, "iTunes Store"), Level::PartialOutage);
    assert_eq!(level(s, "Apple Music"), Level::Operational);
    assert_eq!(s.incidents.len(), 2);
    let active: Vec<_> = s.incidents.iter().filter(|i| i.is_active()).collect();
    assert_eq!(active.len(), 1);
    let itunes = active[0];
    assert_eq!(itunes.affected, ["iTunes Store"]);
    assert_eq!(
        itunes.updates[0].body,
        "Users may be able to browse but unable to make purchases."
    );
    assert_eq!(
        itunes.users_affected.as_deref(),
        Some("Some users are affected")
    );
    let music = s
        .incidents
        .iter()
        .find(|i| i.id == "1000000087")
        .expect("resolved music event");
    assert_eq!(music.status, IncidentStatus::Resolved);
    assert_eq!(music.impact, Level::Degraded);
    assert_eq!(music.resolved_at_ms, Some(at("2026-11-20T06:25:00Z")));
    // Newest first.
    assert_eq!(s.incidents[0].id, "1000000101");
}

/// The storefront demo's sample of Apple's French feed (`www/feeds/apple_fr_FR.js`, read
/// at 2026-11-21T00:00Z, the moment it depicts): French text and names (an en dash, a
/// typographic apostrophe) pass through as they are, and the shop's three services show
/// in French.
#[test]
fn apple_french_feed_reads_in_french_for_the_storefront() {
    let path = format!("{}/www/feeds/apple_fr_FR.js", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let parsed = parse(&text, None).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(parsed.format, Format::Apple);
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(parsed.snapshot.components.len(), 10);
    assert_eq!(
        level(&parsed.snapshot, "Plans – Affichage"),
        Level::Operational
    );
    let now = at("2026-11-21T00:00:00Z");
    let panel = panel_in(
        Locale::Fr,
        parsed,
        Some("App Store,iTunes Store,Apple Music"),
        now,
    );
    // French writes a no-break space before the colon.
    assert_eq!(panel.overall.text, "iTunes Store\u{a0}: panne partielle");
    let rows: Vec<(&str, &str)> = panel
        .groups
        .iter()
        .flat_map(|g| &g.components)
        .map(|c| (c.name.as_str(), c.state.text.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("App Store", "Opérationnel"),
            ("Apple Music", "Opérationnel"),
            ("iTunes Store", "Panne partielle"),
        ]
    );
    assert_eq!(panel.incidents.len(), 1);
    let incident = &panel.incidents[0];
    assert_eq!(incident.title, "iTunes Store");
    assert_eq!(incident.status, "En cours");
    assert!(
        incident.facts.contains(&(
            "Utilisateurs concernés".into(),
            "Certains utilisateurs sont concernés.".into()
        )),
        "{:?}",
        incident.facts
    );
    assert!(
        incident.updates[0].body.starts_with(
            "Il est possible de parcourir le Store, mais les achats n’aboutissent pas."
        ),
        "{}",
        incident.updates[0].body
    );
    assert_eq!(panel.resolved.len(), 1, "Apple Music's slow evening");
    assert_eq!(panel.resolved[0].title, "Apple Music");
}

#[test]
fn apple_upcoming_maintenance_is_scheduled_and_not_counted_yet() {
    let parsed = load("apple/scheduled_maintenance.js");
    let s = &parsed.snapshot;
    assert_eq!(s.overall(now_ms()), Level::Operational);
    assert!(s.incidents.is_empty());
    assert_eq!(s.maintenances.len(), 1);
    let m = &s.maintenances[0];
    assert_eq!(m.status, MaintenanceStatus::Scheduled);
    assert_eq!(m.affected, ["iCloud Backup", "iCloud Drive"]);
    assert_eq!(m.starts_at_ms, Some(at("2026-11-22T09:00:00Z")));
    assert_eq!(m.ends_at_ms, Some(at("2026-11-22T13:00:00Z")));
    assert!(m.updates[0].body.starts_with("Scheduled maintenance."));
    // Inside the window the model counts it even though Apple still says "upcoming".
    assert_eq!(s.overall(at("2026-11-22T10:00:00Z")), Level::Maintenance);
}

#[test]
fn apple_all_operational_without_semicolon_wrapper() {
    let parsed = load("apple/all_operational.js");
    let s = &parsed.snapshot;
    assert_eq!(s.components.len(), 14);
    assert!(s.components.iter().all(|c| c.level == Level::Operational));
    assert_eq!(s.overall(now_ms()), Level::Operational);
    assert!(s.incidents.is_empty() && s.maintenances.is_empty());
}

#[test]
fn apple_developer_feed_levels_and_completed_maintenance() {
    let parsed = load("apple/developer.js");
    let s = &parsed.snapshot;
    assert_eq!(level(s, "TestFlight"), Level::PartialOutage);
    assert_eq!(level(s, "Xcode Cloud"), Level::Degraded);
    assert_eq!(level(s, "App Store Connect"), Level::Operational);
    let cert = s
        .components
        .iter()
        .find(|c| c.name == "Certificates, Identifiers & Profiles")
        .expect("decoded name");
    assert_eq!(cert.id, "Certificates, Identifiers &amp; Profiles");
    assert_eq!(s.maintenances.len(), 1);
    assert_eq!(s.maintenances[0].status, MaintenanceStatus::Completed);
    assert_eq!(s.maintenances[0].affected, ["App Store Connect"]);
    assert_eq!(s.overall(now_ms()), Level::PartialOutage);
}

#[test]
fn apple_entities_and_spaces_are_cleaned_and_unknowns_warned() {
    let parsed = load("apple/entities_and_spaces.json");
    let s = &parsed.snapshot;
    let names: Vec<_> = s.components.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "iCloud Mail & Calendar",
            "Sign in with Apple",
            "Maps' Routing & Navigation",
            "Find My",
            "Apple Pay & Wallet",
        ]
    );
    assert_eq!(s.components[0].id, "iCloud Mail &amp; Calendar");
    assert_eq!(s.components[3].id, "Find My");
    // The same event without a messageId under two services: one incident.
    let active: Vec<_> = s.incidents.iter().filter(|i| i.is_active()).collect();
    assert_eq!(active.len(), 1);
    let event = active[0];
    assert_eq!(event.affected, ["iCloud Mail &amp; Calendar", "Find My"]);
    assert_eq!(event.title, "");
    let names: Vec<_> = event
        .affected
        .iter()
        .filter_map(|id| s.component(id))
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["iCloud Mail & Calendar", "Find My"]);
    assert_eq!(event.impact, Level::Degraded);
    assert_eq!(event.status, IncidentStatus::Ongoing);
    assert!(event.id.starts_with("event-"));
    // Markup is never interpreted: a tag status pages write is taken out, its words
    // kept; entities are decoded.
    assert_eq!(
        event.updates[0].body,
        "Some users may see errors when sending mail & syncing calendars."
    );
    assert_eq!(
        event.users_affected.as_deref(),
        Some("Some users are affected")
    );
    assert!(has_warning(
        &parsed,
        &["statusType \"Degradation\"", "degraded"]
    ));
    assert!(has_warning(
        &parsed,
        &["eventStatus \"investigating\"", "ongoing"]
    ));
    assert_eq!(level(s, "Find My"), Level::Degraded);
    // affectedServices names the service by its escaped name and an unknown one.
    let pay = s.incidents.iter().find(|i| i.id == "777").expect("pay");
    assert_eq!(pay.affected, ["Apple&#x20;Pay &amp; Wallet"]);
    assert_eq!(s.overall(now_ms()), Level::Degraded);
}

#[test]
fn apple_event_without_status_words_is_warned_as_missing_not_as_empty() {
    let feed = r#"{"services":[{"serviceName":"Maps","events":[
        {"messageId":"1","epochStartDate":1795150000000,"message":"Slow"}]}]}"#;
    let parsed = parse(feed, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed.snapshot.incidents[0].impact, Level::Degraded);
    assert!(has_warning(
        &parsed,
        &["has no statusType; shown as degraded"]
    ));
    assert!(has_warning(
        &parsed,
        &["has no eventStatus; shown as ongoing"]
    ));
    assert!(!has_warning(&parsed, &["\"\""]), "{:?}", parsed.warnings);
}

#[test]
fn apple_message_without_date_posted_is_dated_by_the_end_once_the_event_is_over() {
    let event = |status: &str, end: &str| {
        format!(
            r#"{{"serviceName":"Maps","events":[{{"messageId":"{status}","statusType":"Issue",
            "eventStatus":"{status}","epochStartDate":1763625060000{end},"message":"Slow"}}]}}"#
        )
    };
    let end = r#","epochEndDate":1763631060000"#;
    let feed = format!(
        r#"{{"services":[{},{},{},{}]}}"#,
        event("resolved", end),
        event("ongoing", end),
        event("completed", end),
        event("upcoming", end),
    );
    let parsed = parse(&feed, None).unwrap_or_else(|e| panic!("{e}"));
    let snapshot = &parsed.snapshot;
    let dated = |id: &str| {
        let updates = (snapshot.incidents.iter().map(|i| (&i.id, &i.updates)))
            .chain(snapshot.maintenances.iter().map(|m| (&m.id, &m.updates)))
            .find(|(event, _)| event.as_str() == id)
            .map(|(_, updates)| updates);
        updates
            .and_then(|updates| updates.first())
            .and_then(|u| u.at_ms)
    };
    let (start, end) = (Some(1_763_625_060_000), Some(1_763_631_060_000));
    assert_eq!(dated("resolved"), end);
    assert_eq!(dated("completed"), end);
    assert_eq!(
        dated("ongoing"),
        start,
        "an end still ahead is no date for a message"
    );
    assert_eq!(dated("upcoming"), start);
    // Ended, with no end given: the start is all there is.
    let feed = format!(r#"{{"services":[{}]}}"#, event("resolved", ""));
    let parsed = parse(&feed, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed.snapshot.incidents[0].updates[0].at_ms, start);
}

#[test]
fn apple_european_date_posted_is_read_day_first() {
    let feed = r#"{"services":[{"serviceName":"Maps","events":[
        {"messageId":"1","statusType":"Issue","eventStatus":"ongoing",
         "startDate":"21.03.2022 16:27 GMT","epochStartDate":1647880020000,
         "datePosted":"21.03.2022 17:58 GMT","message":"Slow"}]}]}"#;
    let parsed = parse(feed, None).unwrap_or_else(|e| panic!("{e}"));
    let update = &parsed.snapshot.incidents[0].updates[0];
    assert_eq!(update.at_ms, Some(at("2022-03-21T17:58:00Z")));
}

#[test]
fn apple_dr_message_is_the_page_announcement_and_changes_no_state() {
    let expected = "System Status may not show the latest information for App Store Connect & \
                    TestFlight.\nWe are working to restore it.";
    let parsed = load("apple/announcement.js");
    let s = &parsed.snapshot;
    assert_eq!(s.page.announcement.as_deref(), Some(expected));
    assert_eq!(s.overall(now_ms()), Level::Operational);
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    // Page-wide: an embed that shows one service shows it too.
    let panel = panel_of(parsed, Some("TestFlight"), now_ms());
    assert_eq!(panel.announcement.as_deref(), Some(expected));
    // `null`, as in every other fixture, is no announcement.
    let quiet = load("apple/multi_service_outage.js");
    assert_eq!(quiet.snapshot.page.announcement, None);
    assert_eq!(panel_of(quiet, None, now_ms()).announcement, None);
}

#[test]
fn apple_dr_message_that_is_not_text_or_is_blank_is_no_announcement() {
    let feed = |message: &str| {
        format!(
            r#"{{"drMessage": {message}, "services": [{{"serviceName": "Siri", "events": []}}]}}"#
        )
    };
    let odd = parse(&feed("{\"text\": \"down\"}"), None).expect("an Apple feed");
    assert_eq!(odd.snapshot.page.announcement, None);
    assert!(
        has_warning(&odd, &["`drMessage` is an object", "ignored"]),
        "{:?}",
        odd.warnings
    );
    let blank = parse(&feed("\"  &nbsp; \""), None).expect("an Apple feed");
    assert_eq!(blank.snapshot.page.announcement, None);
    assert!(blank.warnings.is_empty(), "{:?}", blank.warnings);
}

/// Feed text written by JavaScript that cut an emoji in two, and control characters that
/// are not text: the feed still reads, the half emoji shows as U+FFFD (as a browser shows
/// it), and no escape sequence or direction override reaches the screen or a terminal.
#[test]
fn feed_text_with_half_an_emoji_and_stray_controls_still_reads_cleaned() {
    let statuspage = r#"{
      "page": {"id": "p", "name": "Pay\u001b[2J", "url": "https://status.example.com"},
      "components": [
        {"id": "a\u202e", "name": "Pay \u202eRLO unterminated", "status": "partial_outage"},
        {"id": "b", "name": "Bell\u0007 \u2067Isolate", "status": "operational"}
      ],
      "incidents": [{
        "id": "i1", "name": "Checkout \u001b]52;c;aGk=\u0007failing", "status": "identified",
        "impact": "major", "created_at": "2026-11-20T10:00:00Z",
        "components": [{"id": "a"}],
        "incident_updates": [{
          "status": "identified", "created_at": "2026-11-20T10:05:00Z",
          "body": "Rolling back \ud83d\nNext update\tsoon \u009b",
          "affected_components": [{"code": "a\u202e"}]
        }]
      }],
      "scheduled_maintenances": []
    }"#;
    let parsed = parse(statuspage, None).expect("a feed with odd characters still reads");
    let s = &parsed.snapshot;
    assert_eq!(s.page.name.as_deref(), Some("Pay[2J"));
    let names: Vec<_> = s.components.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Pay RLO unterminated", "Bell Isolate"]);
    assert_eq!(s.components[0].id, "a");
    let incident = &s.incidents[0];
    assert_eq!(incident.title, "Checkout ]52;c;aGk=failing");
    assert_eq!(incident.affected, ["a"]);
    assert_eq!(
        incident.updates[0].body,
        "Rolling back \u{fffd}\nNext update\tsoon"
    );
    assert_eq!(level(s, "a"), Level::PartialOutage);

    let apple =
        "jsonCallback({\"services\": [{\"serviceName\": \" App Store\\u202e \", \"events\": [
        {\"messageId\": \"m\\u001b1\", \"statusType\": \"Outage\", \"eventStatus\": \"ongoing\",
         \"message\": \"Purchases fail \\ude00\", \"usersAffected\": \"All\\u0000 users\"}]}]});";
    let parsed = parse(apple, None).expect("an Apple feed with odd characters still reads");
    let s = &parsed.snapshot;
    assert_eq!(s.components[0].id, "App Store");
    assert_eq!(s.components[0].name, "App Store");
    let event = &s.incidents[0];
    assert_eq!(event.id, "m1");
    assert_eq!(event.affected, ["App Store"]);
    assert_eq!(event.updates[0].body, "Purchases fail \u{fffd}");
    assert_eq!(event.users_affected.as_deref(), Some("All users"));
    assert_eq!(level(s, "App Store"), Level::MajorOutage);
}

#[test]
fn apple_event_ids_are_stable_between_polls() {
    // A later poll lists the services in another order, repeats the events under them in
    // another order, and has a new message for the event that carries a `messageId`.
    // The panel keys its cards by these ids: each event must keep its own.
    let event = |id: &str, message: &str| {
        let id = if id.is_empty() {
            String::new()
        } else {
            format!(r#""messageId":"{id}","#)
        };
        format!(
            r#"{{{id}"statusType":"Outage","eventStatus":"ongoing","message":"{message}","epochStartDate":1795165680000}}"#
        )
    };
    let with_id_first = event("m-1", "Users cannot sign in.");
    let with_id_later = event("m-1", "Users cannot sign in. A fix is on the way.");
    let without_id = event("", "Purchases fail.");
    let first = format!(
        r#"{{"services":[{{"serviceName":"App Store","events":[{with_id_first},{without_id}]}},{{"serviceName":"iCloud Mail","events":[{with_id_first}]}}]}}"#
    );
    let later = format!(
        r#"{{"services":[{{"serviceName":"iCloud Mail","events":[{with_id_later}]}},{{"serviceName":"App Store","events":[{without_id},{with_id_later}]}}]}}"#
    );
    let ids = |text: &str| {
        let parsed = parse(text, None).expect("an Apple feed");
        let mut ids: Vec<(String, Vec<String>)> = parsed
            .snapshot
            .incidents
            .iter()
            .map(|i| {
                // Affected services come in the feed's service order, which moved.
                let mut affected = i.affected.clone();
                affected.sort();
                (i.id.clone(), affected)
            })
            .collect();
        ids.sort();
        ids
    };
    let before = ids(&first);
    assert_eq!(before.len(), 2, "one incident per event: {before:?}");
    assert!(before.iter().any(|(id, _)| id == "m-1"));
    assert_eq!(ids(&later), before);
}

// ---------------------------------------------------------------- Telltale

#[test]
fn telltale_operational_reads_model() {
    let parsed = load("telltale/operational.json");
    assert_eq!(parsed.format, Format::Telltale);
    let s = &parsed.snapshot;
    assert_eq!(s.components.len(), 3);
    assert_eq!(s.page.name.as_deref(), Some("Example Games status"));
    assert_eq!(s.overall(now_ms()), Level::Operational);
    assert!(parsed.warnings.is_empty());
}

#[test]
fn telltale_outage_with_groups_timeline_and_maintenance() {
    let parsed = load("telltale/outage.json");
    let s = &parsed.snapshot;
    assert_eq!(s.overall(now_ms()), Level::MajorOutage);
    assert_eq!(
        s.page.announcement.as_deref(),
        Some("Our status updates may lag by a few minutes while we move to a new host.")
    );
    assert_eq!(s.groups.len(), 2);
    assert_eq!(s.group_levels()["play"], Level::MajorOutage);
    assert_eq!(s.group_levels()["shop"], Level::Maintenance);
    assert!(
        s.component("gifting")
            .expect("gifting")
            .only_show_if_degraded
    );
    let incident = &s.incidents[0];
    assert_eq!(incident.id, "inc-2026-11-20-1");
    assert_eq!(incident.status, IncidentStatus::Identified);
    assert_eq!(incident.affected, ["matchmaking", "leaderboards"]);
    assert_eq!(incident.updates.len(), 2);
    assert_eq!(incident.updates[0].status, "identified");
    assert_eq!(
        incident.users_affected.as_deref(),
        Some("All players in Europe")
    );
    assert_eq!(s.maintenances[0].status, MaintenanceStatus::InProgress);
    assert_eq!(s.maintenances[1].status, MaintenanceStatus::Scheduled);
}

/// Every fixture that reads, in every format.
fn readable_fixtures() -> Vec<(String, Parsed)> {
    let root = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for dir in ["statuspage", "apple", "telltale"] {
        let mut names: Vec<String> = std::fs::read_dir(format!("{root}/{dir}"))
            .expect("fixture dir")
            .map(|entry| {
                entry
                    .expect("entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        for name in names {
            let path = format!("{dir}/{name}");
            found.push((path.clone(), load(&path)));
        }
    }
    found
}

#[test]
fn every_fixture_written_as_telltale_reads_back_equal_and_fits_the_schema() {
    let schema = schema();
    let fixtures = readable_fixtures();
    assert!(fixtures.len() >= 15, "{} fixtures", fixtures.len());
    for (path, parsed) in fixtures {
        let text = to_telltale(&parsed.snapshot).to_string();
        let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        // The schema accepts what the reader accepts, and refuses a feed that says nothing.
        assert_eq!(
            schema_accepts(&schema, &schema, &value),
            !parsed.snapshot.lists_nothing(),
            "{path}: {text}"
        );
        // `status.json` alone says all it says in `declared`, which the format has no
        // place for: written alone, it says nothing, and reads back as that error.
        if parsed.snapshot.declared.is_some() && parsed.snapshot.components.is_empty() {
            let nothing = Err(FeedError::SaysNothing {
                format: Format::Telltale,
            });
            if parsed.snapshot.incidents.is_empty() && parsed.snapshot.maintenances.is_empty() {
                assert_eq!(parse(&text, None), nothing, "{path}");
                continue;
            }
        }
        let again = parse(&text, None).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(again.format, Format::Telltale, "{path}");
        // The Telltale format has no place for what a partial Statuspage document leaves
        // out (`declared`, `incidents_unlisted`, `maintenances_unlisted`); a kept snapshot
        // carries the first two beside it.
        let expected = Snapshot {
            declared: None,
            incidents_unlisted: false,
            maintenances_unlisted: false,
            ..parsed.snapshot.clone()
        };
        assert_eq!(again.snapshot, expected, "{path}");
    }
}

#[test]
fn telltale_tidies_links_and_missing_groups() {
    let text = r#"{"telltale":1,"page":{"url":"data:text/html,hi"},
        "components":[{"id":" a ","name":" A ","level":"degraded","group_id":"nope"}],
        "incidents":[],"maintenances":[]}"#;
    let parsed = parse(text, None).expect("parse");
    let c = &parsed.snapshot.components[0];
    assert_eq!((c.id.as_str(), c.name.as_str()), ("a", "A"));
    assert_eq!(c.group_id, None);
    assert_eq!(parsed.snapshot.page.url, None);
    assert_eq!(parsed.warnings.len(), 2);
}

#[test]
fn telltale_bad_item_is_invalid_naming_the_item() {
    let text = r#"{"telltale":1,"components":[{"id":"a","name":"A","level":"operational"},{"id":"b","name":"B","level":"on fire"}]}"#;
    match parse(text, None) {
        Err(FeedError::Invalid { format, reason }) => {
            assert_eq!(format, Format::Telltale);
            assert!(reason.contains("components[1]"), "{reason}");
            assert!(reason.contains("on fire"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn telltale_update_that_is_not_an_object_is_named_at_its_place() {
    let text = r#"{"telltale":1,"incidents":[{"id":"i","title":"T","impact":"major_outage","status":"identified","updates":[7]}]}"#;
    match parse(text, None) {
        Err(FeedError::Invalid { format, reason }) => {
            assert_eq!(format, Format::Telltale);
            assert_eq!(
                reason,
                "`incidents[0].updates[0]` is a number, expected an object"
            );
        }
        other => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------- Bad input and detection

#[test]
fn bad_empty_is_empty() {
    assert_eq!(parse(&read("bad/empty.txt"), None), Err(FeedError::Empty));
    assert_eq!(parse("\u{feff}  ", None), Err(FeedError::Empty));
    assert_eq!(parse("jsonCallback();", None), Err(FeedError::Empty));
}

#[test]
fn bad_html_error_page_is_not_json_with_hint() {
    match parse(&read("bad/html_error_page.html"), None) {
        Err(FeedError::NotJson(why)) => {
            assert!(why.contains("HTML"), "{why}");
            assert!(why.contains("line 1 column 1"), "{why}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn bad_truncated_is_not_json_with_position() {
    match parse(&read("bad/truncated.json"), None) {
        Err(FeedError::NotJson(why)) => assert!(why.contains("EOF while parsing"), "{why}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn bad_not_a_feed_names_what_was_expected() {
    for path in ["bad/not_a_feed.json", "bad/array.json"] {
        match parse(&read(path), None) {
            Err(FeedError::NotAFeed(why)) => {
                assert!(why.contains("services"), "{why}");
                assert!(why.contains("page"), "{why}");
                assert!(why.contains("telltale"), "{why}");
            }
            other => panic!("{path}: {other:?}"),
        }
    }
    let hello = parse(&read("bad/not_a_feed.json"), None);
    assert!(format!("{:?}", hello).contains("hello"));
}

#[test]
fn bad_wrong_version_telltale_is_invalid() {
    match parse(&read("bad/wrong_version_telltale.json"), None) {
        Err(FeedError::Invalid { format, reason }) => {
            assert_eq!(format, Format::Telltale);
            assert!(reason.contains("version 2"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    let text_version = parse(r#"{"telltale":"1"}"#, None);
    assert!(matches!(text_version, Err(FeedError::Invalid { .. })));
}

#[test]
fn forced_format_that_does_not_fit_is_invalid() {
    let apple = read("apple/itunes_partial_outage.json");
    assert!(matches!(
        parse(&apple, Some(Format::Statuspage)),
        Err(FeedError::Invalid {
            format: Format::Statuspage,
            ..
        })
    ));
    assert!(matches!(
        parse(&apple, Some(Format::Telltale)),
        Err(FeedError::Invalid {
            format: Format::Telltale,
            ..
        })
    ));
    let statuspage = read("statuspage/summary_operational.json");
    assert!(matches!(
        parse(&statuspage, Some(Format::Apple)),
        Err(FeedError::Invalid {
            format: Format::Apple,
            ..
        })
    ));
    // A Telltale feed has `components` and `incidents`, which the Statuspage reader would
    // otherwise take as its own.
    let telltale = read("telltale/outage.json");
    match parse(&telltale, Some(Format::Statuspage)) {
        Err(
            error @ FeedError::Invalid {
                format: Format::Statuspage,
                ..
            },
        ) => assert!(
            error
                .to_string()
                .contains("the document is in the \"telltale\" format"),
            "{error}"
        ),
        other => panic!("read as Statuspage: {other:?}"),
    }
}

#[test]
fn forced_format_that_fits_matches_detection() {
    for (path, format) in [
        ("statuspage/summary_groups.json", Format::Statuspage),
        ("apple/multi_service_outage.js", Format::Apple),
        ("telltale/outage.json", Format::Telltale),
    ] {
        let forced = parse(&read(path), Some(format)).expect(path);
        assert_eq!(forced, load(path), "{path}");
    }
}

#[test]
fn not_a_feed_names_at_most_six_keys() {
    let why = |json: &str| match parse(json, None) {
        Err(FeedError::NotAFeed(why)) => why,
        other => panic!("{json}: {other:?}"),
    };
    let six = why(r#"{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6}"#);
    assert!(
        six.starts_with("found an object with keys a, b, c, d, e, f; "),
        "{six}"
    );
    let seven = why(r#"{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7}"#);
    assert!(
        seven.starts_with("found an object with keys a, b, c, d, e, f, …; "),
        "{seven}"
    );
    assert!(why("{}").starts_with("found an empty object; "));
}

#[test]
fn detection_prefers_telltale_key_then_statuspage_then_apple() {
    let both = r#"{"telltale":1,"page":{},"services":[],
        "components":[{"id":"a","name":"A","level":"operational"}]}"#;
    assert_eq!(
        parse(both, None).expect("telltale").format,
        Format::Telltale
    );
    let sp = r#"{"page":{"name":"x"},"status":{"indicator":"none"},"services":[]}"#;
    assert_eq!(
        parse(sp, None).expect("statuspage").format,
        Format::Statuspage
    );
    let page_only = r#"{"page":{"name":"x"}}"#;
    assert!(matches!(
        parse(page_only, None),
        Err(FeedError::NotAFeed(_))
    ));
    let services_not_array = r#"{"services":{}}"#;
    assert!(matches!(
        parse(services_not_array, None),
        Err(FeedError::NotAFeed(_))
    ));
}

#[test]
fn jsonp_wrapper_with_any_callback_and_bom_is_removed() {
    let inner = r#"{"services":[{"serviceName":"Siri","events":[]}]}"#;
    for text in [
        format!("\u{feff}jsonCallback({inner});"),
        format!("  myCallback_2 (\n{inner}\n)  \n"),
        format!("window.cb({inner})"),
        // What Express's `res.jsonp` and Rails write when they serve the same feed again.
        format!("/**/ typeof jsonCallback === 'function' && jsonCallback({inner});"),
        format!("/**/jsonCallback({inner});"),
    ] {
        let parsed = parse(&text, None).expect("wrapped");
        assert_eq!(parsed.snapshot.components[0].id, "Siri");
    }
}

// ---------------------------------------------------------------- Telltale schema

#[test]
fn telltale_schema_is_2020_12_and_requires_version_1() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["required"], serde_json::json!(["telltale"]));
    assert_eq!(schema["properties"]["telltale"]["const"], 1);
    let levels: Vec<&str> = Level::ALL.iter().map(|l| l.as_str()).collect();
    assert_eq!(schema["$defs"]["Level"]["enum"], serde_json::json!(levels));
}

#[test]
fn telltale_fixtures_validate_against_schema() {
    let schema = schema();
    for path in ["telltale/operational.json", "telltale/outage.json"] {
        let value: serde_json::Value = serde_json::from_str(&read(path)).expect("JSON");
        assert!(schema_accepts(&schema, &schema, &value), "{path}");
        load(path);
    }
    let wrong: serde_json::Value =
        serde_json::from_str(&read("bad/wrong_version_telltale.json")).expect("JSON");
    assert!(!schema_accepts(&schema, &schema, &wrong));
}

/// Every place in `value`, as a JSON pointer.
fn pointers(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let child = format!("{at}/{k}");
                out.push(child.clone());
                pointers(v, child, out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let child = format!("{at}/{i}");
                out.push(child.clone());
                pointers(v, child, out);
            }
        }
        _ => {}
    }
}

#[test]
fn telltale_schema_and_parser_agree_on_every_mutation_of_a_fixture() {
    // Removes or replaces each value of a full fixture in turn; the schema must accept
    // exactly the documents the parser accepts.
    let schema = schema();
    let original: serde_json::Value =
        serde_json::from_str(&read("telltale/outage.json")).expect("JSON");
    let mut places = Vec::new();
    pointers(&original, String::new(), &mut places);
    let replacements = [
        serde_json::Value::Null,
        serde_json::json!(7),
        serde_json::json!(1.5),
        serde_json::json!("x"),
        serde_json::json!("operational"),
        serde_json::json!(true),
        serde_json::json!([]),
        serde_json::json!({}),
    ];
    let mut checked = 0;
    for place in &places {
        let (parent, key) = place.rsplit_once('/').expect("pointer");
        let mut removed = original.clone();
        let is_object_member = match removed.pointer_mut(parent) {
            Some(serde_json::Value::Object(map)) => map.remove(key).is_some(),
            _ => false,
        };
        let mut variants = Vec::new();
        if is_object_member {
            variants.push(removed);
        }
        for replacement in &replacements {
            let mut doc = original.clone();
            *doc.pointer_mut(place).expect("place") = replacement.clone();
            variants.push(doc);
        }
        for doc in variants {
            let by_schema = schema_accepts(&schema, &schema, &doc);
            let by_parser = parse(&doc.to_string(), Some(Format::Telltale)).is_ok();
            assert_eq!(
                by_schema, by_parser,
                "disagree after changing {place}: {doc}"
            );
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} mutations");
}

#[test]
fn telltale_example_in_docs_parses_and_validates() {
    let path = format!("{}/docs/feed-formats.md", env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(&path).expect("docs/feed-formats.md");
    let start = doc.find("```json\n").expect("a json example") + "```json\n".len();
    let end = start + doc[start..].find("```").expect("end of example");
    let example = &doc[start..end];
    let value: serde_json::Value = serde_json::from_str(example).expect("example is JSON");
    let schema = schema();
    assert!(schema_accepts(&schema, &schema, &value));
    let parsed = parse(example, None).expect("example parses");
    assert_eq!(parsed.format, Format::Telltale);
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(parsed.snapshot.overall(now_ms()), Level::MajorOutage);
}

/// `statuspage/summary_major_incident_no_component_change.json` with `change` applied to
/// its JSON, read.
fn summary_changed(change: impl Fn(&mut serde_json::Value)) -> Parsed {
    let mut value: serde_json::Value = serde_json::from_str(&read(
        "statuspage/summary_major_incident_no_component_change.json",
    ))
    .unwrap();
    change(&mut value);
    parse(&value.to_string(), None).unwrap_or_else(|e| panic!("{e}"))
}

/// The warnings of `parsed` that its reading of the unchanged fixture does not give.
fn new_warnings(parsed: &Parsed) -> Vec<String> {
    let before = load("statuspage/summary_major_incident_no_component_change.json").warnings;
    (parsed.warnings.iter())
        .filter(|w| !before.contains(w))
        .map(|w| w.0.clone())
        .collect()
}

#[test]
fn statuspage_incident_with_one_oddly_typed_field_is_kept_with_one_warning() {
    use serde_json::json;
    // QA's table: each field of the wrong type once; the incident stays, and so does the
    // partial outage it declares (an impact of the wrong type reads as an unknown one).
    let cases = [
        ("shortlink", json!(5), Level::PartialOutage),
        ("started_at", json!(1_795_173_000), Level::PartialOutage),
        ("resolved_at", json!(0), Level::PartialOutage),
        ("id", json!(123), Level::PartialOutage),
        ("name", json!(["x"]), Level::PartialOutage),
        ("status", json!(4), Level::PartialOutage),
        ("created_at", json!({}), Level::PartialOutage),
        ("incident_updates", json!("none"), Level::PartialOutage),
        ("components", json!(7), Level::PartialOutage),
        ("impact", json!(3), Level::Degraded),
        ("impact", json!(null), Level::Degraded),
    ];
    for (field, value, overall) in cases {
        let parsed = summary_changed(|v| v["incidents"][0][field] = value.clone());
        let s = &parsed.snapshot;
        assert_eq!(s.incidents.len(), 1, "{field}: {:?}", parsed.warnings);
        assert_eq!(s.overall(now_ms()), overall, "{field}");
        let warnings = new_warnings(&parsed);
        assert_eq!(warnings.len(), 1, "{field}: {warnings:?}");
        let named = if value.is_null() {
            "has no impact".to_owned()
        } else {
            format!("`incidents[0].{field}`")
        };
        assert!(warnings[0].contains(&named), "{field}: {warnings:?}");
    }
    // A numeric id is read as its decimal string; a number for `started_at` is missing,
    // so the incident starts at `created_at`, as without one.
    let numeric = summary_changed(|v| v["incidents"][0]["id"] = json!(123));
    assert_eq!(numeric.snapshot.incidents[0].id, "123");
    let started = summary_changed(|v| v["incidents"][0]["started_at"] = json!(1_795_173_000));
    let created = summary_changed(|v| v["incidents"][0]["started_at"] = json!(null));
    assert!(started.snapshot.incidents[0].started_at_ms.is_some());
    assert_eq!(
        started.snapshot.incidents[0].started_at_ms,
        created.snapshot.incidents[0].started_at_ms
    );
}

#[test]
fn statuspage_numeric_ids_name_the_same_components_everywhere() {
    // QA 8: components numbered 101 and 102 were read as "101" and "102", but the same
    // numbers in an incident's `components` and an update's `affected_components` were
    // dropped, so the incident named nothing and counted as page-wide.
    let text = r#"{"page":{"id":"p","name":"P"},
      "components":[{"id":101,"name":"API","status":"operational"},
                    {"id":102,"name":"Billing","status":"major_outage"}],
      "incidents":[{"id":7,"name":"Billing down","status":"investigating","impact":"critical",
        "components":[{"id":102,"name":"Billing"}],
        "incident_updates":[{"status":"investigating","body":"Down","created_at":"2026-11-22T10:00:00Z",
          "affected_components":[{"code":102,"name":"Billing"}]}]}]}"#;
    let parsed = parse(text, None).unwrap();
    let incident = &parsed.snapshot.incidents[0];
    assert_eq!(incident.affected, ["102"]);
    assert_eq!(incident.updates[0].affected, ["102"]);
    assert!(has_warning(
        &parsed,
        &["`incidents[0].components[0].id`", "\"102\""]
    ));
    assert!(has_warning(
        &parsed,
        &["`incidents[0].incident_updates[0].affected_components[0].code`"]
    ));
    // An embed showing only the API does not show Billing's incident.
    let api = filter::apply(&parsed.snapshot, &Selection::parse("API"));
    assert!(api.incidents.is_empty(), "{:?}", api.incidents);
    assert_eq!(api.overall(now_ms()), Level::Operational);
}

#[test]
fn statuspage_update_with_one_oddly_typed_field_is_kept_with_one_warning() {
    use serde_json::json;
    let whole = load("statuspage/summary_major_incident_no_component_change.json");
    let count = whole.snapshot.incidents[0].updates.len();
    for (field, value) in [
        ("body", json!(5)),
        ("status", json!(true)),
        ("display_at", json!(1)),
        ("affected_components", json!({})),
    ] {
        let parsed = summary_changed(|v| {
            v["incidents"][0]["incident_updates"][0][field] = value.clone();
        });
        assert_eq!(parsed.snapshot.incidents[0].updates.len(), count, "{field}");
        let warnings = new_warnings(&parsed);
        assert_eq!(warnings.len(), 1, "{field}: {warnings:?}");
        let named = format!("`incidents[0].incident_updates[0].{field}`");
        assert!(warnings[0].contains(&named), "{field}: {warnings:?}");
    }
}

#[test]
fn statuspage_component_with_one_oddly_typed_field_is_kept_with_one_warning() {
    use serde_json::json;
    let component = |field: &str, value: serde_json::Value| {
        let mut api = json!({"id": "api", "name": "API", "status": "major_outage",
            "group_id": null, "description": "The API", "only_show_if_degraded": false});
        api[field] = value;
        let feed = json!({"page": {"name": "P"}, "components": [api]});
        parse(&feed.to_string(), None).unwrap_or_else(|e| panic!("{field}: {e}"))
    };
    for (field, value) in [
        ("description", json!(5)),
        ("group_id", json!(0)),
        ("id", json!(123)),
        ("name", json!(false)),
        ("only_show_if_degraded", json!("false")),
        ("only_show_if_degraded", json!(1)),
        ("group", json!("no")),
    ] {
        let parsed = component(field, value.clone());
        let s = &parsed.snapshot;
        assert_eq!(s.components.len(), 1, "{field}: {:?}", parsed.warnings);
        assert_eq!(s.overall(now_ms()), Level::MajorOutage, "{field}");
        // `group_id` 0 names a group that is not there: one more warning says so.
        let expected = if field == "group_id" { 2 } else { 1 };
        assert_eq!(
            parsed.warnings.len(),
            expected,
            "{field}: {:?}",
            parsed.warnings
        );
        let named = format!("`components[0].{field}`");
        assert!(parsed.warnings[0].0.contains(&named), "{field}: {value}");
    }
    assert_eq!(component("id", json!(123)).snapshot.components[0].id, "123");
    let flag = component("only_show_if_degraded", json!("true"));
    assert!(flag.snapshot.components[0].only_show_if_degraded);
    // A status of the wrong type reads as an unknown one: degraded, not dropped.
    let status = component("status", json!(4));
    assert_eq!(status.snapshot.components[0].level, Level::Degraded);
    assert!(has_warning(
        &status,
        &["`components[0].status`", "a number"]
    ));
}

#[test]
fn statuspage_maintenance_with_one_oddly_typed_field_is_kept_with_one_warning() {
    use serde_json::json;
    let text = read("statuspage/scheduled-maintenances.json");
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let count = load("statuspage/scheduled-maintenances.json")
        .snapshot
        .maintenances
        .len();
    for (field, value_of) in [
        ("shortlink", json!(5)),
        ("scheduled_for", json!(0)),
        ("id", json!(9)),
        ("status", json!([])),
    ] {
        let before = value["scheduled_maintenances"][0][field].clone();
        value["scheduled_maintenances"][0][field] = value_of;
        let parsed = parse(&value.to_string(), None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(parsed.snapshot.maintenances.len(), count, "{field}");
        let named = format!("`scheduled_maintenances[0].{field}`");
        assert!(
            has_warning(&parsed, &[&named]),
            "{field}: {:?}",
            parsed.warnings
        );
        value["scheduled_maintenances"][0][field] = before;
    }
}

#[test]
fn apple_event_with_one_oddly_typed_field_is_kept_with_one_warning() {
    let event = |field: &str, value: &str| {
        format!(
            r#"{{"services":[{{"serviceName":"iCloud Mail","events":[{{"statusType":"Outage",
            "eventStatus":"ongoing","message":"Down","epochStartDate":1795165680000,
            "datePosted":"11/20/2026 01:08 PST","usersAffected":"Some users",
            "{field}":{value}}}]}}]}}"#
        )
    };
    for (field, value, level) in [
        ("message", "5", Level::MajorOutage),
        ("datePosted", "1795165680000", Level::MajorOutage),
        ("usersAffected", "true", Level::MajorOutage),
        ("statusType", "3", Level::Degraded),
    ] {
        let parsed = parse(&event(field, value), None).unwrap_or_else(|e| panic!("{e}"));
        let s = &parsed.snapshot;
        assert_eq!(s.incidents.len(), 1, "{field}: {:?}", parsed.warnings);
        assert_eq!(s.overall(now_ms()), level, "{field}");
        assert_eq!(parsed.warnings.len(), 1, "{field}: {:?}", parsed.warnings);
        assert!(
            parsed.warnings[0].0.contains(field),
            "{:?}",
            parsed.warnings
        );
    }
    // `events` of the wrong type: the service still shows, with a warning.
    let text = r#"{"services":[{"serviceName":"Siri","events":{}},
        {"serviceName":"Maps","events":[]}]}"#;
    let parsed = parse(text, None).unwrap();
    assert_eq!(parsed.snapshot.components.len(), 2);
    assert!(has_warning(&parsed, &["`services[0].events` is an object"]));
}

#[test]
fn documents_that_say_nothing_about_any_service_are_errors() {
    let nothing = |format| Err(FeedError::SaysNothing { format });
    assert_eq!(parse(r#"{"services":[]}"#, None), nothing(Format::Apple));
    assert_eq!(parse(r#"{"telltale":1}"#, None), nothing(Format::Telltale));
    assert_eq!(
        parse(r#"{"page":{"name":"X"},"components":[]}"#, None),
        nothing(Format::Statuspage)
    );
    assert_eq!(
        parse(r#"{"page":{"name":"X"},"incidents":[],"status":{}}"#, None),
        nothing(Format::Statuspage)
    );
    // A rate limiter's answer: `page` is no object, as the README says a page must be.
    let Err(FeedError::Invalid { format, reason }) =
        parse(&read("bad/statuspage_rate_limited.json"), None)
    else {
        panic!("accepted");
    };
    assert_eq!(format, Format::Statuspage);
    assert_eq!(reason, "`page` is null, expected an object");
    let status_text = r#"{"page":{"name":"X"},"status":"ok","components":[]}"#;
    let Err(FeedError::Invalid { reason, .. }) = parse(status_text, None) else {
        panic!("accepted");
    };
    assert_eq!(reason, "`status` is a string, expected an object");
    // Each partial Statuspage document still says something.
    for path in [
        "statuspage/status.json",
        "statuspage/incidents.json",
        "statuspage/scheduled-maintenances.json",
        "statuspage/components.json",
    ] {
        load(path);
    }
    // An indicator of the wrong type is ignored by name; with nothing else, an error.
    let number = r#"{"page":{"name":"X"},"status":{"indicator":3}}"#;
    assert_eq!(parse(number, None), nothing(Format::Statuspage));
    let beside = r#"{"page":{"name":"X"},"status":{"indicator":3},"incidents":[
        {"id":"i","name":"Down","status":"investigating","impact":"major"}]}"#;
    let parsed = parse(beside, None).unwrap();
    assert!(has_warning(&parsed, &["`status.indicator` is a number"]));
}

#[test]
fn a_first_visit_to_a_feed_that_says_nothing_is_unavailable() {
    use telltale::core::i18n::problem_text;
    use telltale::core::state::{Phase, Problem};
    let Err(error) = parse(r#"{"page":{"name":"X"},"components":[]}"#, None) else {
        panic!("accepted");
    };
    let mut state = FeedState::default();
    state.apply(Action::FetchFailed {
        problem: Problem::Feed(error),
        at_ms: now_ms(),
    });
    assert_eq!(state.phase(now_ms(), 120_000), Phase::Unavailable);
    let problem = state.problem.as_ref().unwrap();
    assert_eq!(
        problem_text(Locale::En, problem),
        "the status feed sent an empty status"
    );
}

#[test]
fn statuspage_warnings_say_what_is_missing_rather_than_quoting_nothing() {
    use serde_json::json;
    // A component or group with a null or blank name is shown by its id, and says so.
    for name in [json!(null), json!("   ")] {
        let parsed = summary_changed(|v| v["components"][0]["name"] = name.clone());
        let id = parsed.snapshot.components[0].id.clone();
        assert_eq!(parsed.snapshot.components[0].name, id);
        assert_eq!(
            new_warnings(&parsed),
            [format!("component \"{id}\" has no name; shown by its id")],
            "{name}"
        );
    }
    // So is a group.
    let feed = json!({"page": {"name": "P"}, "components": [
        {"id": "g", "name": null, "group": true, "components": ["a"]},
        {"id": "a", "name": "A", "status": "operational", "group_id": "g"}]});
    let parsed = parse(&feed.to_string(), None).unwrap();
    assert_eq!(parsed.snapshot.groups[0].name, "g");
    let warnings: Vec<&str> = parsed.warnings.iter().map(|w| w.0.as_str()).collect();
    assert_eq!(warnings, ["group \"g\" has no name; shown by its id"]);
    // A missing status or impact is "no status", not an unknown status "".
    let parsed = summary_changed(|v| v["incidents"][0]["status"] = json!(null));
    let warnings = new_warnings(&parsed);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].ends_with(" has no status; shown as investigating"),
        "{warnings:?}"
    );
    let parsed = summary_changed(|v| v["incidents"][0]["status"] = json!("paused"));
    let warnings = new_warnings(&parsed);
    assert!(
        warnings[0].ends_with(" has unknown status \"paused\"; shown as investigating"),
        "{warnings:?}"
    );
}

#[test]
fn statuspage_time_without_a_zone_is_read_as_utc_with_a_warning() {
    use serde_json::json;
    let parsed =
        summary_changed(|v| v["incidents"][0]["started_at"] = json!("2026-11-20T11:05:00"));
    let incident = &parsed.snapshot.incidents[0];
    assert_eq!(
        incident.started_at_ms,
        telltale::core::time::parse_rfc3339("2026-11-20T11:05:00Z")
    );
    let warnings = new_warnings(&parsed);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].ends_with(
            "started_at \"2026-11-20T11:05:00\" has no time zone (Z or an offset such as +02:00); read as UTC"
        ),
        "{warnings:?}"
    );
    // With a zone, in any of its spellings, nothing is said.
    for at in [
        "2026-11-20T11:05:00Z",
        "2026-11-20T11:05:00+02:00",
        "2026-11-20 11:05:00.5-0700",
    ] {
        let parsed = summary_changed(|v| v["incidents"][0]["started_at"] = json!(at));
        assert!(
            new_warnings(&parsed).is_empty(),
            "{at}: {:?}",
            parsed.warnings
        );
    }
}

#[test]
fn a_json_error_is_placed_where_an_editor_shows_it_in_the_whole_document() {
    let at = |text: &str| match parse(text, None) {
        Ok(_) => panic!("{text:?} parsed"),
        Err(e) => e.to_string(),
    };
    let cases = [
        // The JSONP call's name and `(` come before the JSON on its line.
        ("jsonCallback({\"services\": [1,,2]});", "line 1 column 30"),
        ("\n\n{\"services\": [1,,2]}", "line 3 column 17"),
        // A byte-order mark is no column of its own.
        ("\u{feff}{\"services\": [1,,2]}", "line 1 column 17"),
        (
            "\u{feff}  \n  cb(\n{\"services\": [1,,2]})",
            "line 3 column 17",
        ),
        ("cb( {\"services\":\n [1,,2]})", "line 2 column 5"),
        // Every leading byte-order mark is taken off, and none is a column.
        ("\u{feff}\u{feff}{\"services\": [1,,2]}", "line 1 column 17"),
        // A comment and an Express guard before the call are on the line too.
        ("/**/ cb({\"services\": [1,,2]})", "line 1 column 25"),
        (
            "typeof cb === 'function' && cb({\"services\": [1,,2]})",
            "line 1 column 48",
        ),
    ];
    for (text, place) in cases {
        let error = at(text);
        assert!(
            error.ends_with(&format!("expected value at {place}")),
            "{text:?}: {error}"
        );
    }
}

#[test]
fn statuspage_repeated_component_id_keeps_the_first_and_says_so_without_a_position() {
    use serde_json::json;
    // Read into the model first, a Statuspage document's items have no position in it
    // that the author would recognise: the warning names the id only.
    let feed = json!({"page": {"name": "P"}, "components": [
        {"id": "api", "name": "API", "status": "major_outage"},
        {"id": "api", "name": "API again", "status": "operational"}]});
    let parsed = parse(&feed.to_string(), None).unwrap();
    assert_eq!(parsed.snapshot.components.len(), 1);
    assert_eq!(parsed.snapshot.components[0].name, "API");
    let warnings: Vec<&str> = parsed.warnings.iter().map(|w| w.0.as_str()).collect();
    assert_eq!(
        warnings,
        ["components: \"api\" is listed again; it is left out (the first one counts)"]
    );
}

#[test]
fn statuspage_group_that_lists_its_members_groups_them_without_their_group_id() {
    use serde_json::json;
    // Statuspage writes both directions; either is enough: here only the group's list.
    let feed = json!({"page": {"name": "P"}, "components": [
        {"id": "eu", "name": "Europe", "group": true, "components": ["api"]},
        {"id": "api", "name": "API", "status": "partial_outage"},
        {"id": "web", "name": "Web", "status": "operational",
         "components": ["api"]}]});
    let parsed = parse(&feed.to_string(), None).unwrap();
    let group_of = |id: &str| {
        let component = parsed.snapshot.components.iter().find(|c| c.id == id);
        component.and_then(|c| c.group_id.clone())
    };
    assert_eq!(group_of("api"), Some("eu".to_owned()));
    // A component's own `components` list is no group's: it groups nothing.
    assert_eq!(group_of("web"), None);
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn updates_posted_at_one_time_come_newest_first_whichever_way_the_feed_lists_them() {
    // Three updates, the last two in the same minute: "third" was posted after "second".
    let chronological = [
        ("first", "2026-11-20T09:00:00Z", 1_795_165_200_000_i64),
        ("second", "2026-11-20T09:30:00Z", 1_795_167_000_000),
        ("third", "2026-11-20T09:30:00Z", 1_795_167_000_000),
    ];
    for newest_listed_first in [false, true] {
        let mut updates = chronological.to_vec();
        if newest_listed_first {
            updates.reverse();
        }
        let statuspage = updates
            .iter()
            .map(|(body, time, _)| {
                format!(r#"{{"status": "identified", "body": "{body}", "display_at": "{time}"}}"#)
            })
            .collect::<Vec<_>>()
            .join(",");
        let statuspage = format!(
            r#"{{"page": {{"id": "p", "name": "P"}}, "components": [],
                "incidents": [{{"id": "i", "name": "Down", "status": "identified",
                "impact": "major", "incident_updates": [{statuspage}]}}]}}"#
        );
        let telltale = updates
            .iter()
            .map(|(body, _, ms)| {
                format!(r#"{{"status": "identified", "body": "{body}", "at_ms": {ms}}}"#)
            })
            .collect::<Vec<_>>()
            .join(",");
        let telltale = format!(
            r#"{{"telltale": 1, "components": [], "incidents": [{{"id": "i", "title": "Down",
                "impact": "major_outage", "status": "identified", "updates": [{telltale}]}}],
                "maintenances": [{{"id": "m", "title": "Work", "status": "in_progress",
                "updates": [{telltale}]}}]}}"#
        );
        for text in [statuspage, telltale] {
            let parsed = parse(&text, None).unwrap_or_else(|e| panic!("{e}\n{text}"));
            let snapshot = &parsed.snapshot;
            let timelines = snapshot
                .incidents
                .iter()
                .map(|i| &i.updates)
                .chain(snapshot.maintenances.iter().map(|m| &m.updates));
            for timeline in timelines {
                let bodies: Vec<&str> = timeline.iter().map(|u| u.body.as_str()).collect();
                assert_eq!(bodies, ["third", "second", "first"], "{text}");
            }
        }
    }
}

#[test]
fn placeholder_times_are_no_times() {
    // Go's zero time and the Unix epoch (here in a zone west of UTC) are what some
    // generators write for "no time"; shown, they read "Jan 1, 1" and "Jan 1, 1970".
    let text = r#"{"page": {"id": "p", "name": "P"}, "components": [],
        "incidents": [{"id": "i", "name": "Down", "status": "identified", "impact": "major",
            "started_at": "0001-01-01T00:00:00Z", "created_at": "2026-11-20T09:00:00Z",
            "incident_updates": [{"status": "identified", "body": "On it.",
                "display_at": "1970-01-01T00:00:00-08:00", "created_at": "2026-11-20T09:05:00Z"}]}]}"#;
    let parsed = parse(text, None).unwrap_or_else(|e| panic!("{e}"));
    let incident = &parsed.snapshot.incidents[0];
    // Each falls back to the field read after it.
    assert_eq!(incident.started_at_ms, Some(at("2026-11-20T09:00:00Z")));
    assert_eq!(incident.updates[0].at_ms, Some(at("2026-11-20T09:05:00Z")));
    assert!(has_warning(
        &parsed,
        &["started_at", "0001-01-01T00:00:00Z", "placeholder"]
    ));
    assert!(has_warning(
        &parsed,
        &["display_at", "1970-01-01T00:00:00-08:00", "placeholder"]
    ));
    // Apple's epoch fields: 0 is no time.
    let apple = r#"{"services": [{"serviceName": "App Store", "events": [{"messageId": "m",
        "statusType": "Outage", "eventStatus": "ongoing", "message": "Down.",
        "epochStartDate": 0, "epochEndDate": null, "usersAffected": "Some users"}]}]}"#;
    let parsed = parse(apple, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed.snapshot.incidents[0].started_at_ms, None);
}
