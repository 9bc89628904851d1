//! Browser tests of the widget: each phase renders the contract's text and ARIA, the badge
//! toggles its panel, Escape closes it and returns focus, attributes read into the expected
//! config, bad attributes keep the fallback, host CSS cannot reach in, unmounting leaves
//! nothing running, and `telltale:change` carries the documented detail.
//!
//! Run in headless Chromium:
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//!  CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_widget`
//!
//! No network: the app renders feed states built from the fixtures (`poll: false`); the
//! mount tests point at a missing file on the test runner's own 127.0.0.1 server.
//!
//! The widget's modules are private to the crate (only `core` is public), so this test
//! compiles them from their sources with `#[path]`; `use telltale::core` and `use
//! telltale::page` give them the `crate::core` and `crate::page` they expect.
//! `embed/mod.rs` is left out: its `#[wasm_bindgen]` exports would clash with the
//! library's (as `page`'s imports would, compiled twice).
#![cfg(target_arch = "wasm32")]
#![allow(dead_code, unused_imports)]
// Test code: a failed unwrap is a failed test (clippy only sees `#[test]` fns as tests).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use telltale::core;
use telltale::page;

#[path = "../src/ui/mod.rs"]
mod ui;
#[path = "../src/web/mod.rs"]
mod web;
#[path = "../src/embed"]
mod embed {
    pub(crate) mod mount;
    pub(crate) mod options;
}

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

use core::config::{Config, ConfigError, Theme, View};
use core::feed;
use core::i18n::Locale;
use core::model::Level;
use core::state::{Action, FeedState, Problem};
use embed::mount::{mount, Source};
use embed::options::{config_from_element, MountError};
use ui::{App, AppProps, Pace};

wasm_bindgen_test_configure!(run_in_browser);

const STATUSPAGE_OK: &str = include_str!("fixtures/statuspage/summary_operational.json");
const STATUSPAGE_GROUPS: &str = include_str!("fixtures/statuspage/summary_groups.json");
const APPLE_ITUNES: &str = include_str!("fixtures/apple/itunes_partial_outage.json");
const APPLE_ANNOUNCEMENT: &str = include_str!("fixtures/apple/announcement.js");
const MINUTE_MS: i64 = 60_000;

// ---- helpers ---------------------------------------------------------------------------

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element attached to the body.
fn fresh(tag: &str) -> Element {
    let element = document().create_element(tag).unwrap();
    document().body().unwrap().append_child(&element).unwrap();
    element
}

fn config(attrs: &[(&str, &str)]) -> Config {
    let attrs: Vec<(String, String)> = attrs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Config::from_attrs(|name| {
        attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    })
    .unwrap()
}

fn live_state(text: &str, fetched_ago_ms: i64) -> FeedState {
    let mut state = FeedState::default();
    let parsed = feed::parse(text, None).unwrap();
    state.apply(Action::FetchSucceeded {
        parsed,
        at_ms: web::now_ms() - fetched_ago_ms,
    });
    state
}

fn failed(mut state: FeedState, problem: Problem) -> FeedState {
    state.apply(Action::FetchFailed {
        problem,
        at_ms: web::now_ms(),
    });
    state
}

/// Renders the app without polling into a fresh element; returns the element.
async fn render(config: Config, state: Option<FeedState>) -> Element {
    let host = fresh("div");
    let props = AppProps {
        config: Rc::new(config),
        locale: Locale::En,
        pace: Pace::Refresh(60),
        poll: false,
        initial: state.map(Rc::new),
        host: Some(host.clone().into()),
        control: Default::default(),
        panel_id: "panel-under-test".into(),
        inline_css: true,
        place: Default::default(),
    };
    yew::Renderer::<App>::with_root_and_props(host.clone(), props).render();
    yew::scheduler::flush().await;
    host
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

fn get(root: &Element, selector: &str) -> Element {
    find(root, selector).unwrap_or_else(|| panic!("no {selector} in {}", root.inner_html()))
}

fn text(root: &Element, selector: &str) -> String {
    get(root, selector).text_content().unwrap_or_default()
}

fn attr(root: &Element, selector: &str, name: &str) -> Option<String> {
    get(root, selector).get_attribute(name)
}

fn click(root: &Element, selector: &str) {
    get(root, selector).unchecked_into::<HtmlElement>().click();
}

fn feed_url() -> String {
    "https://status.example.com/api/v2/summary.json".to_owned()
}

// ---- feed reading in the wasm ----------------------------------------------------------

/// The wasm leaves out the texts of feed warnings (`warning!`, `context!`); what the model
/// keeps of a place in the feed must still be there: an incident or a maintenance without
/// an id is known by its position.
#[wasm_bindgen_test]
fn wasm_reader_keeps_position_ids_of_events_without_one() {
    let feed = r#"{"page": {"id": "p", "name": "Example"},
        "components": [{"id": "api", "name": "API", "status": "operational"}],
        "incidents": [{"name": "Slow API", "status": "investigating", "impact": "minor",
            "components": [{"id": "api"}],
            "incident_updates": [{"status": "investigating", "body": "Looking",
                "created_at": "2026-11-20T10:00:00Z"}]}],
        "scheduled_maintenances": [{"name": "Upgrade", "status": "scheduled",
            "impact": "maintenance", "scheduled_for": "2026-11-21T10:00:00Z",
            "scheduled_until": "2026-11-21T11:00:00Z", "components": [{"id": "api"}]}]}"#;
    let parsed = core::feed::parse(feed, None).unwrap_or_else(|e| panic!("{e}"));
    let snapshot = &parsed.snapshot;
    assert_eq!(snapshot.incidents.len(), 1);
    assert_eq!(snapshot.incidents[0].id, "incidents[0]");
    assert_eq!(snapshot.incidents[0].title, "Slow API");
    assert_eq!(snapshot.incidents[0].updates.len(), 1);
    assert_eq!(snapshot.maintenances.len(), 1);
    assert_eq!(snapshot.maintenances[0].id, "scheduled_maintenances[0]");
    assert!(
        parsed.warnings.is_empty(),
        "the wasm keeps no warnings: {:?}",
        parsed.warnings
    );
}

// ---- phases ----------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn app_loading_shows_loading_badge_and_no_panel() {
    let root = render(config(&[("feed", &feed_url())]), None).await;
    assert_eq!(
        attr(&root, "[data-testid=root]", "data-phase").as_deref(),
        Some("loading")
    );
    assert_eq!(
        attr(&root, "[data-testid=badge]", "data-tone").as_deref(),
        Some("loading")
    );
    assert_eq!(text(&root, "[data-testid=badge-text]"), "Loading status…");
    assert_eq!(
        attr(&root, "[data-testid=badge]", "aria-expanded").as_deref(),
        Some("false")
    );
    assert!(find(&root, "[data-testid=panel]").is_none());
    assert!(find(&root, "[data-testid=badge-age]").is_none());
}

#[wasm_bindgen_test]
async fn app_live_operational_badge_says_so_with_full_aria() {
    let state = live_state(STATUSPAGE_OK, 0);
    let root = render(
        config(&[("feed", &feed_url()), ("label", "Acme"), ("theme", "dark")]),
        Some(state),
    )
    .await;
    assert_eq!(
        attr(&root, "[data-testid=root]", "data-phase").as_deref(),
        Some("live")
    );
    assert_eq!(
        attr(&root, "[data-testid=root]", "data-theme").as_deref(),
        Some("dark")
    );
    assert_eq!(
        attr(&root, "[data-testid=root]", "lang").as_deref(),
        Some("en")
    );
    // Page translators leave the widget's text alone: it already speaks the reader's
    // language, and one that swapped its text nodes froze the status (QA 8).
    assert_eq!(
        attr(&root, "[data-testid=root]", "translate").as_deref(),
        Some("no")
    );
    // The label is its own direction run (see the layout spec for a right-to-left one).
    assert_eq!(
        attr(&root, "[data-testid=badge-label]", "dir").as_deref(),
        Some("auto")
    );
    let badge = get(&root, "[data-testid=badge]");
    assert_eq!(badge.tag_name(), "BUTTON");
    assert_eq!(badge.get_attribute("type").as_deref(), Some("button"));
    assert_eq!(badge.get_attribute("part").as_deref(), Some("badge"));
    assert_eq!(
        badge.get_attribute("data-tone").as_deref(),
        Some("operational")
    );
    // The panel is closed, so there is nothing in the document to point at.
    assert_eq!(badge.get_attribute("aria-controls"), None);
    assert_eq!(text(&root, "[data-testid=badge-label]"), "Acme");
    // The separator is text from the catalogue, not decoration: it is copied and read.
    assert_eq!(
        text(&root, ".badge-words"),
        format!("Acme · {}", text(&root, "[data-testid=badge-text]"))
    );
    let badge_text = text(&root, "[data-testid=badge-text]").to_lowercase();
    assert!(badge_text.contains("operational"), "{badge_text}");
    let aria = badge.get_attribute("aria-label").unwrap_or_default();
    assert!(
        aria.contains("Acme") && aria.to_lowercase().contains("operational"),
        "{aria}"
    );
    // The icon is decorative and differs per tone.
    assert_eq!(
        attr(&root, "[data-testid=badge] svg", "aria-hidden").as_deref(),
        Some("true")
    );
    assert_eq!(
        attr(&root, "[data-testid=badge] svg", "data-icon").as_deref(),
        Some("operational")
    );
    assert!(find(&root, "[data-testid=badge-age]").is_none());
}

#[wasm_bindgen_test]
async fn app_live_partial_outage_names_the_component_in_the_badge() {
    let state = live_state(APPLE_ITUNES, 0);
    let root = render(config(&[("feed", &feed_url())]), Some(state)).await;
    assert_eq!(
        attr(&root, "[data-testid=root]", "data-phase").as_deref(),
        Some("live")
    );
    assert_eq!(
        attr(&root, "[data-testid=badge]", "data-tone").as_deref(),
        Some("partial_outage")
    );
    assert_eq!(
        text(&root, "[data-testid=badge-text]"),
        "iTunes Store: partial outage"
    );
    assert_eq!(
        attr(&root, "[data-testid=badge] svg", "data-icon").as_deref(),
        Some("partial_outage")
    );
}

#[wasm_bindgen_test]
async fn app_stale_shows_the_age_of_the_data_and_a_notice() {
    let state = failed(live_state(STATUSPAGE_OK, 5 * MINUTE_MS), Problem::Http(503));
    let root = render(config(&[("feed", &feed_url())]), Some(state)).await;
    assert_eq!(
        attr(&root, "[data-testid=root]", "data-phase").as_deref(),
        Some("stale")
    );
    // The last good state is still shown, with its age.
    assert_eq!(
        attr(&root, "[data-testid=badge]", "data-tone").as_deref(),
        Some("operational")
    );
    let age = text(&root, "[data-testid=badge-age]");
    assert!(age.starts_with("as of "), "{age}");
    let aria = attr(&root, "[data-testid=badge]", "aria-label").unwrap_or_default();
    assert!(aria.contains(&format!("({age})")), "{aria}");
    // What shows reads as what is spoken.
    assert_eq!(
        text(&root, ".badge-words"),
        format!("All systems operational ({age})")
    );
    click(&root, "[data-testid=badge]");
    yew::scheduler::flush().await;
    let notice = text(&root, "[data-testid=notice]");
    assert!(
        notice.starts_with(
            "Showing the last known status: the status feed answered with an error (HTTP 503)."
        ),
        "{notice}"
    );
    let updated = text(&root, "[data-testid=updated]");
    assert!(
        updated.starts_with("Updated ") && updated.ends_with(" (5 min ago)"),
        "{updated}"
    );
}

#[wasm_bindgen_test]
async fn app_unavailable_without_data_says_so() {
    let state = failed(FeedState::default(), Problem::Network);
    let root = render(config(&[("feed", &feed_url())]), Some(state)).await;
    assert_eq!(
        attr(&root, "[data-testid=root]", "data-phase").as_deref(),
        Some("unavailable")
    );
    assert_eq!(
        attr(&root, "[data-testid=badge]", "data-tone").as_deref(),
        Some("unknown")
    );
    let badge_text = text(&root, "[data-testid=badge-text]").to_lowercase();
    assert!(badge_text.contains("unavailable"), "{badge_text}");
    // Screen readers hear it too.
    assert_eq!(
        text(&root, "[data-testid=live-region]"),
        text(&root, "[data-testid=badge-text]")
    );
    click(&root, "[data-testid=badge]");
    yew::scheduler::flush().await;
    let notice = text(&root, "[data-testid=notice]");
    assert!(
        notice.starts_with("Status unavailable: the status feed could not be reached."),
        "{notice}"
    );
    // Nothing is known, so nothing is claimed: no "No active incidents".
    assert!(find(&root, "[data-testid=no-incidents]").is_none());
    assert!(!text(&root, "[data-testid=panel]").contains("No active incidents"));
    // With no link to the status page, the page's fallback shows in the panel instead.
    assert!(find(&root, "[data-testid=status-link]").is_none());
    assert!(find(&root, "[data-testid=fallback] slot").is_some());
    let linked = failed(FeedState::default(), Problem::Network);
    let config_linked = config(&[
        ("feed", &feed_url()),
        ("link", "https://status.example.com/"),
    ]);
    let root = render(config_linked, Some(linked)).await;
    click(&root, "[data-testid=badge]");
    yew::scheduler::flush().await;
    assert!(find(&root, "[data-testid=status-link]").is_some());
    assert!(find(&root, "[data-testid=fallback]").is_none());
}

// ---- interaction -----------------------------------------------------------------------

/// The tag names of the panel's title, its first section heading, a group's heading and
/// an event's title, as rendered for `attrs` and each of two feeds.
async fn heading_tags(attrs: &[(&str, &str)]) -> [String; 4] {
    let tag = |root: &Element, selector: &str| get(root, selector).tag_name().to_lowercase();
    let url = feed_url();
    let attrs = [&[("feed", url.as_str()), ("view", "panel")], attrs].concat();
    let groups = render(config(&attrs), Some(live_state(STATUSPAGE_GROUPS, 0))).await;
    let incident = render(config(&attrs), Some(live_state(APPLE_ITUNES, 0))).await;
    [
        tag(&groups, "[data-testid=panel] .panel-head > .title"),
        tag(&groups, "[data-testid=panel] > .section"),
        tag(&groups, "[data-testid=group] > .group-head"),
        tag(
            &incident,
            "[data-testid=incident] > [data-testid=incident-title]",
        ),
    ]
}

#[wasm_bindgen_test]
async fn heading_sets_the_level_of_the_panels_headings() {
    assert_eq!(heading_tags(&[]).await, ["h2", "h3", "h4", "h4"]);
    assert_eq!(
        heading_tags(&[("heading", "1")]).await,
        ["h1", "h2", "h3", "h3"]
    );
    assert_eq!(
        heading_tags(&[("heading", "4")]).await,
        ["h4", "h5", "h6", "h6"]
    );
}

#[wasm_bindgen_test]
async fn badge_click_toggles_the_panel_and_aria_expanded() {
    let state = live_state(STATUSPAGE_GROUPS, 0);
    let root = render(config(&[("feed", &feed_url())]), Some(state)).await;
    click(&root, "[data-testid=badge]");
    yew::scheduler::flush().await;
    assert_eq!(
        attr(&root, "[data-testid=badge]", "aria-expanded").as_deref(),
        Some("true")
    );
    let panel = get(&root, "[data-testid=panel]");
    assert_eq!(panel.id(), "panel-under-test");
    assert_eq!(
        attr(&root, "[data-testid=badge]", "aria-controls").as_deref(),
        Some("panel-under-test")
    );
    assert_eq!(panel.get_attribute("role").as_deref(), Some("region"));
    assert!(!panel
        .get_attribute("aria-label")
        .unwrap_or_default()
        .is_empty());
    // Groups and component rows as the contract names them; a group's name heads its
    // list.
    assert!(find(&root, "[data-testid=group]").is_some());
    assert!(find(
        &root,
        "[data-testid=group] > .group-head [data-testid=group-name]"
    )
    .is_some());
    let row = get(&root, "[data-testid=component][data-id]");
    assert!(row.get_attribute("data-tone").is_some());
    assert!(!text(&row, "[data-testid=component-state]").is_empty());
    click(&root, "[data-testid=badge]");
    yew::scheduler::flush().await;
    assert_eq!(
        attr(&root, "[data-testid=badge]", "aria-expanded").as_deref(),
        Some("false")
    );
    assert!(find(&root, "[data-testid=panel]").is_none());
    assert_eq!(attr(&root, "[data-testid=badge]", "aria-controls"), None);
}

#[wasm_bindgen_test]
async fn escape_closes_the_panel_and_returns_focus_to_the_badge() {
    let state = live_state(APPLE_ITUNES, 0);
    let root = render(config(&[("feed", &feed_url())]), Some(state)).await;
    click(&root, "[data-testid=badge]");
    yew::scheduler::flush().await;
    let inside = get(&root, "[data-testid=panel]");
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    inside.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
    assert!(find(&root, "[data-testid=panel]").is_none());
    assert_eq!(
        attr(&root, "[data-testid=badge]", "aria-expanded").as_deref(),
        Some("false")
    );
    let focused = document().active_element().unwrap();
    assert_eq!(
        focused.get_attribute("data-testid").as_deref(),
        Some("badge")
    );
}

#[wasm_bindgen_test]
async fn incident_renders_title_status_and_update_timeline() {
    let state = live_state(APPLE_ITUNES, 0);
    let root = render(
        config(&[("feed", &feed_url()), ("view", "panel")]),
        Some(state),
    )
    .await;
    let incident = get(&root, "[data-testid=incident][data-id]");
    assert!(!text(&incident, "[data-testid=incident-title]").is_empty());
    assert!(!text(&incident, "[data-testid=incident-status]").is_empty());
    // The impact and the stage read as two things, not one phrase.
    let meta = text(&incident, ".event-meta");
    let (impact, stage) = meta.split_once(" · ").unwrap_or_default();
    assert_eq!(
        impact,
        text(&incident, "[data-testid=event-state]"),
        "{meta}"
    );
    assert_eq!(
        stage,
        text(&incident, "[data-testid=incident-status]"),
        "{meta}"
    );
    let update = get(&incident, "[data-testid=update]");
    assert!(!text(&update, "[data-testid=update-body]").is_empty());
    let datetime = attr(&update, "time", "datetime").unwrap_or_default();
    assert!(
        datetime.ends_with('Z') && datetime.len() >= 20,
        "{datetime}"
    );
}

#[wasm_bindgen_test]
async fn the_pages_announcement_shows_as_text_after_the_overall_state() {
    let root = render(
        config(&[("feed", &feed_url()), ("view", "panel")]),
        Some(live_state(APPLE_ANNOUNCEMENT, 0)),
    )
    .await;
    let announcement = get(&root, "[data-testid=overall] + [data-testid=announcement]");
    assert_eq!(
        announcement.text_content().unwrap_or_default().trim(),
        "System Status may not show the latest information for App Store Connect & \
         TestFlight.\nWe are working to restore it."
    );
    // The provider's words take their own direction, and keep their line break.
    assert_eq!(announcement.get_attribute("dir").as_deref(), Some("auto"));
    let style = web_sys::window()
        .and_then(|w| w.get_computed_style(&announcement).ok().flatten())
        .and_then(|s| s.get_property_value("white-space").ok());
    assert_eq!(style.as_deref(), Some("pre-line"));
    // A feed without one shows none.
    let root = render(
        config(&[("feed", &feed_url()), ("view", "panel")]),
        Some(live_state(APPLE_ITUNES, 0)),
    )
    .await;
    assert!(find(&root, "[data-testid=announcement]").is_none());
}

/// A Telltale feed with an in-progress and a scheduled maintenance around `now_ms`, whose
/// page and later maintenance link to `link`.
fn maintenance_feed(now_ms: i64, link: &str) -> String {
    let hour = 60 * MINUTE_MS;
    format!(
        r#"{{"telltale": 1,
            "page": {{"name": "Acme", "url": "{link}"}},
            "components": [{{"id": "git", "name": "Git Operations", "level": "operational"}}],
            "incidents": [],
            "maintenances": [
                {{"id": "later", "title": "Webhooks migration", "status": "scheduled",
                  "starts_at_ms": {later}, "ends_at_ms": {later_end}, "affected": ["git"],
                  "url": "{link}"}},
                {{"id": "now", "title": "Git storage upgrade", "status": "in_progress",
                  "starts_at_ms": {start}, "ends_at_ms": {end}, "affected": ["git"]}}
            ]}}"#,
        later = now_ms + 50 * hour,
        later_end = now_ms + 52 * hour,
        start = now_ms - hour,
        end = now_ms + hour,
    )
}

#[wasm_bindgen_test]
async fn panel_lists_maintenance_with_its_window_and_links_safely() {
    use core::time::window_text;
    let now_ms = web::now_ms();
    let hour = 60 * MINUTE_MS;
    let link = "https://status.acme.example/";
    let state = live_state(&maintenance_feed(now_ms, link), 0);
    let root = render(
        config(&[("feed", &feed_url()), ("view", "panel")]),
        Some(state),
    )
    .await;
    let cards = root
        .query_selector_all("[data-testid=maintenance]")
        .unwrap();
    let cards: Vec<Element> = (0..cards.length())
        .filter_map(|i| cards.item(i))
        .map(|node| node.unchecked_into::<Element>())
        .collect();
    let shown: Vec<(String, String)> = cards
        .iter()
        .map(|card| {
            (
                text(card, "[data-testid=maintenance-title]"),
                text(card, "[data-testid=maintenance-status]"),
            )
        })
        .collect();
    // In progress first, then the soonest.
    assert_eq!(
        shown,
        [
            ("Git storage upgrade".to_owned(), "In progress".to_owned()),
            ("Webhooks migration".to_owned(), "Scheduled".to_owned()),
        ]
    );
    let window =
        |start: i64, end: i64| window_text(Locale::En, start, Some(end), &web::BrowserZone, now_ms);
    for (card, (start, end)) in cards.iter().zip([
        (now_ms - hour, now_ms + hour),
        (now_ms + 50 * hour, now_ms + 52 * hour),
    ]) {
        assert_eq!(text(card, "dt"), "Window");
        assert_eq!(text(card, "[data-testid=fact]"), window(start, end));
    }
    // Links open a new tab without handing it this page.
    for selector in [
        "[data-testid=status-link]",
        "[data-testid=maintenance] a.details",
    ] {
        assert_eq!(attr(&root, selector, "href").as_deref(), Some(link));
        assert_eq!(attr(&root, selector, "target").as_deref(), Some("_blank"));
        assert_eq!(
            attr(&root, selector, "rel").as_deref(),
            Some("noopener noreferrer")
        );
    }
    // Each event's "Details" is named for its event, so a list of links tells them apart.
    assert_eq!(
        text(&root, "[data-testid=maintenance] a.details"),
        "Details"
    );
    assert_eq!(
        attr(&root, "[data-testid=maintenance] a.details", "aria-label").as_deref(),
        Some("Details: Webhooks migration")
    );
    assert_eq!(attr(&root, "[data-testid=status-link]", "aria-label"), None);
    // A link that is not http(s) is not rendered at all.
    let state = live_state(&maintenance_feed(now_ms, "javascript:alert(1)"), 0);
    let root = render(
        config(&[("feed", &feed_url()), ("view", "panel")]),
        Some(state),
    )
    .await;
    assert_eq!(
        root.query_selector_all("[data-testid=maintenance]")
            .unwrap()
            .length(),
        2
    );
    assert!(
        root.query_selector("a").unwrap().is_none(),
        "{}",
        root.inner_html()
    );
}

#[wasm_bindgen_test]
async fn view_panel_is_always_open_and_badge_is_not_a_toggle() {
    let state = live_state(STATUSPAGE_OK, 0);
    let root = render(
        config(&[("feed", &feed_url()), ("view", "panel")]),
        Some(state),
    )
    .await;
    assert!(find(&root, "[data-testid=panel]").is_some());
    let badge = get(&root, "[data-testid=badge]");
    assert_eq!(badge.tag_name(), "DIV");
    assert!(badge.get_attribute("aria-expanded").is_none());
    assert!(find(&root, "[data-testid=close]").is_none());
}

#[wasm_bindgen_test]
async fn view_notice_renders_nothing_while_operational() {
    let state = live_state(STATUSPAGE_OK, 0);
    let root = render(
        config(&[("feed", &feed_url()), ("view", "notice")]),
        Some(state),
    )
    .await;
    assert!(find(&root, "[data-testid=badge]").is_none());
    assert!(find(&root, "[data-testid=panel]").is_none());
    assert_eq!(text(&root, "[data-testid=root]"), "");
}

#[wasm_bindgen_test]
async fn view_notice_shows_the_badge_during_an_outage() {
    let state = live_state(APPLE_ITUNES, 0);
    let root = render(
        config(&[("feed", &feed_url()), ("view", "notice")]),
        Some(state),
    )
    .await;
    assert!(find(&root, "[data-testid=badge]").is_some());
}

// ---- the change event ------------------------------------------------------------------

#[wasm_bindgen_test]
async fn first_live_state_dispatches_change_with_null_previous() {
    let seen: Rc<RefCell<Vec<JsValue>>> = Rc::default();
    let host = fresh("div");
    let sink = Rc::clone(&seen);
    let listener =
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            sink.borrow_mut().push(e.detail());
        });
    host.add_event_listener_with_callback("telltale:change", listener.as_ref().unchecked_ref())
        .unwrap();
    let props = AppProps {
        config: Rc::new(config(&[
            ("feed", &feed_url()),
            ("components", "iTunes Store"),
        ])),
        locale: Locale::En,
        pace: Pace::Refresh(60),
        poll: false,
        initial: Some(Rc::new(live_state(APPLE_ITUNES, 0))),
        host: Some(host.clone().into()),
        control: Default::default(),
        panel_id: "p".into(),
        inline_css: true,
        place: Default::default(),
    };
    yew::Renderer::<App>::with_root_and_props(host.clone(), props).render();
    yew::scheduler::flush().await;
    let seen = seen.borrow();
    assert_eq!(seen.len(), 1, "one event for the first live state");
    let detail = &seen[0];
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).unwrap();
    assert!(get(detail, "previous").is_null());
    let overall = get(detail, "overall").as_string().unwrap_or_default();
    assert!(
        overall == "partial_outage" || overall == "degraded",
        "{overall}"
    );
    let components = js_sys::Array::from(&get(detail, "components"));
    assert_eq!(components.length(), 1);
    let first = components.get(0);
    assert_eq!(
        get(&first, "name").as_string().as_deref(),
        Some("iTunes Store")
    );
    assert!(get(&first, "previous").is_null());
    // The event is composed and bubbles, so it leaves a shadow root and reaches the page.
    drop(listener);
}

#[wasm_bindgen_test]
fn dispatch_change_event_bubbles_composed_with_plain_object_detail() {
    let host = fresh("div");
    let change = core::diff::Change {
        overall: Level::MajorOutage,
        previous: Some(Level::Operational),
        components: vec![core::diff::ComponentChange {
            id: "a".into(),
            name: "App Store".into(),
            state: Level::MajorOutage,
            previous: None,
        }],
    };
    let seen: Rc<RefCell<Option<web_sys::CustomEvent>>> = Rc::default();
    let sink = Rc::clone(&seen);
    let listener = Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e| {
        *sink.borrow_mut() = Some(e);
    });
    document()
        .add_event_listener_with_callback("telltale:change", listener.as_ref().unchecked_ref())
        .unwrap();
    assert!(web::dispatch_change(&host, &change));
    document()
        .remove_event_listener_with_callback("telltale:change", listener.as_ref().unchecked_ref())
        .unwrap();
    let event = seen
        .borrow_mut()
        .take()
        .expect("the event reached the document");
    assert!(event.bubbles() && event.composed());
    let detail = event.detail();
    let json = js_sys::JSON::stringify(&detail)
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(
        json,
        r#"{"overall":"major_outage","previous":"operational","components":[{"id":"a","name":"App Store","state":"major_outage","previous":null}]}"#
    );
}

// ---- attributes and mounting -----------------------------------------------------------

#[wasm_bindgen_test]
fn attributes_of_a_real_element_read_into_the_expected_config() {
    let element = fresh("telltale-status");
    for (name, value) in [
        // The fragment names no other feed; a link keeps its own.
        ("feed", "/feeds/summary.json#top"),
        ("format", "Statuspage"),
        ("components", "App Store, iTunes  Store"),
        ("view", "panel"),
        ("theme", "dark"),
        ("locale", "fr-CA"),
        ("refresh", "5"),
        ("link", "https://status.example.com/#incidents"),
        ("label", "Apple services"),
        ("heading", "4"),
    ] {
        element.set_attribute(name, value).unwrap();
    }
    let config = config_from_element(&element).unwrap();
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    assert_eq!(config.feed, format!("{origin}/feeds/summary.json"));
    assert_eq!(config.format, Some(feed::Format::Statuspage));
    assert_eq!(config.components.keys(), ["app store", "itunes store"]);
    assert_eq!(config.view, View::Panel);
    assert_eq!(config.theme, Theme::Dark);
    assert_eq!(config.locale.as_deref(), Some("fr-CA"));
    assert_eq!(config.refresh_secs, 30, "refresh is clamped to 30 s");
    assert_eq!(
        config.link.as_deref(),
        Some("https://status.example.com/#incidents")
    );
    assert_eq!(config.label.as_deref(), Some("Apple services"));
    assert_eq!(config.heading_level, 4);
}

#[wasm_bindgen_test]
fn bad_attribute_keeps_the_fallback_and_names_the_attribute() {
    let element = fresh("telltale-status");
    element.set_inner_html("<a href=\"https://status.example.com\">System status</a>");
    element
        .set_attribute("feed", "https://status.example.com/summary.json")
        .unwrap();
    element.set_attribute("view", "sideways").unwrap();
    let error = match mount(element.clone().into(), Source::Attributes, None) {
        Err(error) => error,
        Ok(_) => panic!("a bad view must not mount"),
    };
    assert!(matches!(
        error,
        MountError::Config(ConfigError::NotOneOf {
            attribute: "view",
            ..
        })
    ));
    assert!(error.to_string().contains("view=\"sideways\""), "{error}");
    assert!(element.shadow_root().is_none(), "no shadow content");
    assert_eq!(element.text_content().as_deref(), Some("System status"));
}

#[wasm_bindgen_test]
fn bad_feed_url_is_reported_as_written() {
    let element = fresh("telltale-status");
    element
        .set_attribute("feed", "ftp://status.example.com/x")
        .unwrap();
    let error = mount(element.into(), Source::Attributes, None)
        .err()
        .unwrap();
    assert_eq!(
        error.to_string(),
        "feed=\"ftp://status.example.com/x\" is not an http: or https: URL"
    );
}

/// A URL the browser cannot parse, or a feed with a user name in it, can never be
/// fetched: a configuration error that keeps the fallback, not a widget that says
/// "status unavailable" for ever.
#[wasm_bindgen_test]
fn unusable_feed_or_link_url_keeps_the_fallback_and_says_why() {
    let cases = [
        (
            "feed",
            "http://[::1",
            "feed=\"http://[::1\" is not a valid URL",
        ),
        (
            "feed",
            "http://127.0.0.1:99999/x.json",
            "feed=\"http://127.0.0.1:99999/x.json\" is not a valid URL",
        ),
        (
            "feed",
            " https://user:pass@status.example.com/f.json ",
            "feed=\"https://user:pass@status.example.com/f.json\" has a user name or password",
        ),
        (
            "link",
            "https://[status",
            "link=\"https://[status\" is not a valid URL",
        ),
    ];
    for (attribute, value, message) in cases {
        let element = fresh("telltale-status");
        element.set_inner_html("<a href=\"https://status.example.com\">System status</a>");
        element
            .set_attribute("feed", "https://status.example.com/summary.json")
            .unwrap();
        element.set_attribute(attribute, value).unwrap();
        let error = match mount(element.clone().into(), Source::Attributes, None) {
            Err(error) => error,
            Ok(_) => panic!("{attribute}={value:?} must not mount"),
        };
        assert!(error.to_string().starts_with(message), "{error}");
        assert!(
            element.shadow_root().is_none(),
            "{value}: no shadow content"
        );
        assert_eq!(element.text_content().as_deref(), Some("System status"));
    }
    // A relative feed and an at sign in the path are fine.
    let element = fresh("telltale-status");
    element
        .set_attribute("feed", "/status/users/@me/summary.json")
        .unwrap();
    let config = config_from_element(&element).unwrap();
    assert!(config.feed.ends_with("/status/users/@me/summary.json"));
    assert!(
        config.feed.starts_with("http://127.0.0.1:"),
        "{}",
        config.feed
    );
}

#[wasm_bindgen_test]
fn options_accept_arrays_and_numbers_and_reject_wrong_types() {
    let options = js_sys::JSON::parse(
        r#"{"feed":"https://s.example.com/f.json","components":["App Store","iCloud"],"refresh":120,"heading":3}"#,
    )
    .unwrap();
    let config = embed::options::config_from_options(&options).unwrap();
    assert_eq!(config.components.keys(), ["app store", "icloud"]);
    assert_eq!(config.refresh_secs, 120);
    assert_eq!(config.heading_level, 3);
    for (refresh, secs) in [("1e21", 86_400), ("-0", 30), ("30", 30)] {
        let options = js_sys::JSON::parse(&format!(
            r#"{{"feed":"https://s.example.com/f.json","refresh":{refresh}}}"#
        ))
        .unwrap();
        let config = embed::options::config_from_options(&options).unwrap();
        assert_eq!(config.refresh_secs, secs, "refresh: {refresh}");
    }
    let heading =
        js_sys::JSON::parse(r#"{"feed":"https://s.example.com/f.json","heading":2.5}"#).unwrap();
    assert_eq!(
        embed::options::config_from_options(&heading)
            .err()
            .map(|e| e.to_string()),
        Some("heading=\"2.5\" is not one of: 1, 2, 3, 4".to_owned())
    );
    let bad =
        js_sys::JSON::parse(r#"{"feed":"https://s.example.com/f.json","refresh":1.5}"#).unwrap();
    assert!(matches!(
        embed::options::config_from_options(&bad),
        Err(MountError::Config(ConfigError::BadRefresh(_)))
    ));
    let wrong_item =
        js_sys::JSON::parse(r#"{"feed":"https://s.example.com/f.json","components":[" api ",7]}"#)
            .unwrap();
    assert_eq!(
        embed::options::config_from_options(&wrong_item).err(),
        Some(MountError::BadOptions(
            "`components[1]` is a number, expected a string".to_owned()
        ))
    );
    let wrong = js_sys::JSON::parse(r#"{"feed":42}"#).unwrap();
    assert!(matches!(
        embed::options::config_from_options(&wrong),
        Err(MountError::BadOptions(_))
    ));
    assert!(matches!(
        embed::options::config_from_options(&JsValue::UNDEFINED),
        Err(MountError::Config(ConfigError::MissingFeed))
    ));
    let not_element = mount(JsValue::NULL, Source::Options(options.clone()), None)
        .err()
        .unwrap();
    assert!(matches!(not_element, MountError::NotAnElement(_)));
    // An object that only says it is an element is not taken for one.
    let pretender = js_sys::JSON::parse(r#"{"nodeType":1,"tagName":"DIV"}"#).unwrap();
    let refused = mount(pretender, Source::Options(options), None)
        .err()
        .unwrap();
    assert_eq!(refused, MountError::NotAnElement("object".to_owned()));
}

/// Lets the browser run one task, so aborted fetches settle (no wall-clock wait).
async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn mount_renders_into_shadow_root_and_drop_restores_the_fallback() {
    // Other tests leave their apps running: count relative to now.
    let timers_before = web::live::count(web::live::Kind::Timer);
    let widgets_before = web::live::count(web::live::Kind::Widget);
    let element = fresh("telltale-status");
    element.set_inner_html("<a href=\"#\">fallback</a>");
    // A feed of its own: no other test's widget follows it, so this one is its last.
    element
        .set_attribute("feed", "/telltale-test-missing-feed.json?unmounted")
        .unwrap();
    let mounted = mount(element.clone().into(), Source::Attributes, None).unwrap();
    yew::scheduler::flush().await;
    let shadow = element.shadow_root().unwrap();
    assert!(
        shadow.query_selector("slot").unwrap().is_none(),
        "fallback hidden"
    );
    // The stylesheet is adopted (no <style>, so a strict CSP needs no 'unsafe-inline').
    assert!(shadow.query_selector("style").unwrap().is_none());
    let adopted = js_sys::Reflect::get(&shadow, &"adoptedStyleSheets".into()).unwrap();
    assert_eq!(
        js_sys::Array::from(&adopted).length(),
        1,
        "one adopted sheet"
    );
    let root = shadow
        .query_selector("[data-testid=root]")
        .unwrap()
        .unwrap();
    assert_eq!(root.get_attribute("data-phase").as_deref(), Some("loading"));
    assert!(web::live::count(web::live::Kind::Timer) > timers_before);
    assert_eq!(
        web::live::count(web::live::Kind::Widget),
        widgets_before + 1
    );

    mounted.unmount();
    yew::scheduler::flush().await;
    assert!(!mounted.is_active());
    assert!(
        shadow.query_selector("slot").unwrap().is_some(),
        "fallback shown again"
    );
    let adopted = js_sys::Reflect::get(&shadow, &"adoptedStyleSheets".into()).unwrap();
    assert_eq!(
        js_sys::Array::from(&adopted).length(),
        0,
        "no :host rules on the fallback"
    );
    assert!(shadow
        .query_selector("[data-testid=root]")
        .unwrap()
        .is_none());
    assert_eq!(web::live::count(web::live::Kind::Widget), widgets_before);
    // The hub keeps the feed (its state and schedule) 5 s for a widget that takes it
    // over, with one timer that then forgets it: nothing else is left.
    for _ in 0..50 {
        if web::live::count(web::live::Kind::Timer) == timers_before + 1
            && web::live::count(web::live::Kind::Fetch) == 0
        {
            break;
        }
        next_task().await;
    }
    assert_eq!(
        web::live::count(web::live::Kind::Timer),
        timers_before + 1,
        "no timer left but the feed's grace"
    );
    assert_eq!(web::live::count(web::live::Kind::Fetch), 0, "no fetch left");

    // The same element mounts again (its shadow root is reused).
    let again = mount(element.clone().into(), Source::Attributes, None).unwrap();
    yew::scheduler::flush().await;
    assert!(shadow
        .query_selector("[data-testid=root]")
        .unwrap()
        .is_some());
    // A second mount into the same element replaces the first instead of running twice.
    let widgets = web::live::count(web::live::Kind::Widget);
    let replacement = mount(element.clone().into(), Source::Attributes, None).unwrap();
    yew::scheduler::flush().await;
    assert!(!again.is_active() && replacement.is_active());
    assert_eq!(web::live::count(web::live::Kind::Widget), widgets);
    assert!(shadow
        .query_selector("[data-testid=root]")
        .unwrap()
        .is_some());
    // A bad mount leaves the running widget alone.
    element.set_attribute("view", "sideways").unwrap();
    assert!(mount(element.clone().into(), Source::Attributes, None).is_err());
    assert!(replacement.is_active());
    assert!(shadow
        .query_selector("[data-testid=root]")
        .unwrap()
        .is_some());
    replacement.unmount();
    again.unmount();
    assert!(shadow.query_selector("slot").unwrap().is_some());
}

#[wasm_bindgen_test]
fn a_shadow_root_the_page_attached_is_refused_and_left_alone() {
    let element = fresh("div");
    element
        .set_attribute("feed", "/telltale-test-missing-feed.json")
        .unwrap();
    let own = element
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    own.set_inner_html("<p id=\"page-content\">the page's own</p>");
    let widgets = web::live::count(web::live::Kind::Widget);

    let error = match mount(element.clone().into(), Source::Attributes, None) {
        Ok(_) => panic!("mounted into the page's own shadow root"),
        Err(error) => error.to_string(),
    };
    assert_eq!(
        error,
        "cannot render into <div>: it already has a shadow root of its own"
    );
    assert_eq!(
        own.inner_html(),
        "<p id=\"page-content\">the page's own</p>"
    );
    assert_eq!(web::live::count(web::live::Kind::Widget), widgets);
}

#[wasm_bindgen_test]
async fn hostile_host_css_does_not_reach_inside() {
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(
        "* { color: rgb(255, 0, 0) !important; font-size: 40px !important; letter-spacing: 9px !important; }",
    ));
    document().head().unwrap().append_child(&style).unwrap();
    let element = fresh("telltale-status");
    element
        .set_attribute("feed", "/telltale-test-missing-feed.json")
        .unwrap();
    element.set_attribute("theme", "light").unwrap();
    let mounted = mount(element.clone().into(), Source::Attributes, None).unwrap();
    yew::scheduler::flush().await;
    let shadow = element.shadow_root().unwrap();
    let text = shadow
        .query_selector("[data-testid=badge-text]")
        .unwrap()
        .unwrap();
    let computed = web_sys::window()
        .unwrap()
        .get_computed_style(&text)
        .unwrap()
        .unwrap();
    let value = |p: &str| computed.get_property_value(p).unwrap();
    assert_eq!(value("font-size"), "14px");
    assert_ne!(value("color"), "rgb(255, 0, 0)");
    // Letter spacing is the one property let through, by design: a reader's text-spacing
    // tool (WCAG 1.4.12) sets it with just such a rule.
    assert_eq!(value("letter-spacing"), "9px");
    mounted.unmount();
    style.remove();
}

// ---- the browser's clock and zone -------------------------------------------------------

#[wasm_bindgen_test]
fn browser_zone_offset_has_the_sign_core_expects() {
    use core::time::{civil_at, ZoneOffset};
    // JS counts minutes west of UTC; core counts east. Whatever zone the browser runs in,
    // core's local wall clock must match the browser's own local hours and minutes.
    for at_ms in [0_i64, 1_795_169_100_000, 1_800_000_000_000, web::now_ms()] {
        let date = js_sys::Date::new(&JsValue::from_f64(at_ms as f64));
        let civil = civil_at(at_ms, web::BrowserZone.offset_minutes(at_ms));
        assert_eq!(civil.hour, date.get_hours(), "hour at {at_ms}");
        assert_eq!(civil.minute, date.get_minutes(), "minute at {at_ms}");
        assert_eq!(civil.day, date.get_date(), "day at {at_ms}");
    }
}

#[wasm_bindgen_test]
fn a_page_that_replaces_the_clock_gets_clamped_values_not_a_panic() {
    use core::time::ZoneOffset;
    // Test builds check overflow: `-(i32::MIN)` or `i64::MIN` arithmetic would panic here.
    let date_proto = js_sys::Reflect::get(&js_sys::global(), &"Date".into())
        .and_then(|date| js_sys::Reflect::get(&date, &"prototype".into()))
        .unwrap();
    let date_ctor = js_sys::Reflect::get(&js_sys::global(), &"Date".into()).unwrap();
    let offset = js_sys::Reflect::get(&date_proto, &"getTimezoneOffset".into()).unwrap();
    let now = js_sys::Reflect::get(&date_ctor, &"now".into()).unwrap();
    let patch = |target: &JsValue, name: &str, body: &str| {
        let function = js_sys::Function::new_no_args(body);
        js_sys::Reflect::set(target, &name.into(), &function).unwrap();
    };
    let mut seen = Vec::new();
    for (west, clock) in [("-3e9", "-1e300"), ("3e9", "1e300"), ("NaN", "NaN")] {
        patch(&date_proto, "getTimezoneOffset", &format!("return {west}"));
        patch(&date_ctor, "now", &format!("return {clock}"));
        seen.push((web::BrowserZone.offset_minutes(0), web::now_ms()));
    }
    js_sys::Reflect::set(&date_proto, &"getTimezoneOffset".into(), &offset).unwrap();
    js_sys::Reflect::set(&date_ctor, &"now".into(), &now).unwrap();
    assert_eq!(
        seen,
        [(1440, 0), (-1440, 8_640_000_000_000_000), (0, 0)],
        "(zone east of UTC, minutes; now, ms)"
    );
}

#[wasm_bindgen_test]
async fn mount_and_unmount_1000_times_leaves_nothing_running() {
    use web::live::{count, Kind};
    let element = fresh("telltale-status");
    element.set_inner_html("<a href=\"#\">fallback</a>");
    // A feed of its own: no other test's widget follows it, so the last unmount leaves it
    // in its grace (one timer).
    element
        .set_attribute("feed", "/telltale-test-missing-feed.json?remounted")
        .unwrap();
    let counts = || {
        [Kind::Widget, Kind::Timer, Kind::Fetch, Kind::Listener]
            .map(count)
            .to_vec()
    };
    let nodes = || document().get_elements_by_tag_name("*").length();
    // Let widgets unmounted by earlier tests go (their apps are destroyed on Yew's next
    // run, the hub forgets their feeds 5 s later) and their aborted fetches settle, so the
    // baseline holds still.
    yew::scheduler::flush().await;
    sleep_ms(5_200).await;
    for _ in 0..50 {
        if count(Kind::Fetch) == 0 {
            break;
        }
        next_task().await;
    }
    let before = counts();
    // The feed is kept 5 s for a widget that takes it over (each mount here takes over the
    // one the unmount before it left), with one timer.
    let mut kept = before.clone();
    kept[1] += 1;
    let nodes_before = nodes();
    for _ in 0..1000 {
        let widget = mount(element.clone().into(), Source::Attributes, None).unwrap();
        yew::scheduler::flush().await;
        widget.unmount();
    }
    yew::scheduler::flush().await;
    for _ in 0..50 {
        if counts() == kept {
            break;
        }
        next_task().await;
    }
    assert_eq!(
        counts(),
        kept,
        "widgets, timers (but the feed's grace), fetches, listeners"
    );
    sleep_ms(5_200).await;
    assert_eq!(counts(), before, "the feed forgotten after its grace");
    assert_eq!(nodes(), nodes_before, "no DOM node left behind");
    let shadow = element.shadow_root().unwrap();
    assert_eq!(shadow.child_nodes().length(), 1, "only the <slot>");
}
