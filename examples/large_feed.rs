//! What a very large feed costs the page: the core's work on feeds with thousands of
//! services, near the 2 MB body cap. A benchmark that prints figures, not a test.
//!
//! Run it with `cargo run --release --example large_feed [SERVICES]` (default 15,000).
//! For a Telltale feed (every service in its own group, one incident naming every
//! service) and an Apple feed (one event listed under every service, naming every
//! service again in `affectedServices`; and one with an ongoing event under each of up
//! to 9,000 services), it prints the body size and the time to parse
//! it, to make the badge and the open panel (all services, and a `components` filter of
//! two), and to diff two polls in which every service changed state.
//!
//! A feed is untrusted input: these sizes fit under the cap, so every step must stay
//! close to linear in them, or one hostile feed freezes the host page on every render.
//! The panel once looked names and groups up by position in the lists, and took
//! 2.6 seconds for 20,000 grouped services (native, release build).

use std::time::{Duration, Instant};

use telltale::core::config::Config;
use telltale::core::diff;
use telltale::core::feed::{parse, Parsed};
use telltale::core::filter;
use telltale::core::i18n::Locale;
use telltale::core::state::{stale_after_ms, Action, FeedState};
use telltale::core::time::FixedOffset;
use telltale::core::view::{badge_view, panel_view, ViewInput};

/// 2026-11-20T12:00:00Z.
const NOW_MS: i64 = 1_795_176_000_000;

fn telltale_feed(services: usize, level: &str) -> String {
    let groups: Vec<String> = (0..services)
        .map(|i| format!(r#"{{"id":"g{i}","name":"Group {i}"}}"#))
        .collect();
    let components: Vec<String> = (0..services)
        .map(|i| {
            format!(r#"{{"id":"c{i}","name":"Service {i}","level":"{level}","group_id":"g{i}"}}"#)
        })
        .collect();
    let ids: Vec<String> = (0..services).map(|i| format!(r#""c{i}""#)).collect();
    format!(
        r#"{{"telltale":1,"groups":[{}],"components":[{}],"incidents":[{{"id":"i1",
        "title":"Everything","impact":"major_outage","status":"investigating",
        "affected":[{}],"updates":[{{"status":"investigating","body":"Looking.",
        "affected":[{}]}}]}}]}}"#,
        groups.join(","),
        components.join(","),
        ids.join(","),
        ids.join(",")
    )
}

fn apple_feed(services: usize) -> String {
    let names: Vec<String> = (0..services).map(|i| format!(r#""Service {i}""#)).collect();
    let event = format!(
        r#"{{"messageId":"1","statusType":"Outage","eventStatus":"ongoing",
        "epochStartDate":1795165680000,"message":"Down.","affectedServices":[{}]}}"#,
        names.join(",")
    );
    // The event is listed in full under the first service only: listed under each one it
    // would be services² bytes, far over the cap.
    let listed: Vec<String> = (0..services)
        .map(|i| {
            let events = if i == 0 { event.as_str() } else { "" };
            format!(r#"{{"serviceName":"Service {i}","events":[{events}]}}"#)
        })
        .collect();
    format!(r#"{{"services":[{}]}}"#, listed.join(","))
}

/// `services` services, each with an ongoing event of its own: the most events a feed
/// under the cap can hold.
fn apple_feed_event_each(services: usize) -> String {
    let listed: Vec<String> = (0..services)
        .map(|i| {
            format!(
                r#"{{"serviceName":"Service {i}","events":[{{"messageId":"{i}",
                "statusType":"Outage","eventStatus":"ongoing","epochStartDate":1795165680000,
                "message":"Down."}}]}}"#
            )
        })
        .collect();
    format!(r#"{{"services":[{}]}}"#, listed.join(","))
}

fn timed<T>(what: &str, work: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = work();
    let took: Duration = start.elapsed();
    println!("  {what:<34} {:>9.1} ms", took.as_secs_f64() * 1000.0);
    out
}

fn config(components: Option<&str>) -> Config {
    let feed = "https://status.example.com/feed";
    Config::from_attrs(|name| match name {
        "feed" => Some(feed.to_owned()),
        "components" => components.map(str::to_owned),
        _ => None,
    })
    .unwrap_or_else(|e| panic!("{e}"))
}

fn views(parsed: &Parsed, components: Option<&str>, label: &str) {
    let config = config(components);
    let mut state = FeedState::default();
    state.apply(Action::FetchSucceeded {
        parsed: parsed.clone(),
        at_ms: NOW_MS,
    });
    let input = ViewInput {
        config: &config,
        state: &state,
        locale: Locale::En,
        zone: &FixedOffset(0),
        now_ms: NOW_MS,
        stale_after_ms: stale_after_ms(config.refresh_secs),
        expanded: true,
    };
    timed(&format!("badge, {label}"), || badge_view(&input));
    let panel = timed(&format!("open panel, {label}"), || panel_view(&input));
    let rows: usize = panel.groups.iter().map(|g| g.components.len()).sum();
    println!("  ({rows} rows, {} incidents)", panel.incidents.len());
}

/// Parses `text`, then makes the views with and without a filter; returns what it read.
fn read_and_show(title: &str, text: &str) -> Parsed {
    println!("{title}: {} bytes", text.len());
    let parsed = timed("parse", || parse(text, None)).unwrap_or_else(|e| panic!("{e}"));
    views(&parsed, None, "all services");
    views(
        &parsed,
        Some("Service 1, Group 2"),
        "components filter of two",
    );
    parsed
}

fn main() {
    let services: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(15_000);

    let parsed = read_and_show(
        &format!("Telltale feed, {services} services in their own groups"),
        &telltale_feed(services, "major_outage"),
    );
    let calm =
        parse(&telltale_feed(services, "operational"), None).unwrap_or_else(|e| panic!("{e}"));
    let all = config(None).components;
    let before = diff::observe(&filter::apply(&calm.snapshot, &all), NOW_MS);
    let after = diff::observe(&filter::apply(&parsed.snapshot, &all), NOW_MS);
    let change = timed("diff, every service changed", || {
        diff::diff(Some(&before), &after)
    });
    println!(
        "  ({} components in the change)",
        change.map_or(0, |c| c.components.len())
    );

    read_and_show(
        &format!("Apple feed, one event naming all {services} services"),
        &apple_feed(services),
    );
    // Fewer services, so that it stays under the cap: each is ~170 bytes.
    let each = services.min(9_000);
    read_and_show(
        &format!("Apple feed, {each} services with an ongoing event each"),
        &apple_feed_event_each(each),
    );
}
