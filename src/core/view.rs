//! View-models: everything the badge and the panel show, already decided and translated.
//!
//! The `ui` layer renders these as they are. Every string here is final text in the
//! reader's language (from [`crate::core::i18n`]) and plain text, never HTML.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashMap;

use crate::core::config::{is_web_url, Config, View};
use crate::core::filter;
use crate::core::i18n::{
    count_text, problem_text, text, text_with, update_status_text, Count, Fact, Locale, Msg, Tpl,
    Ui,
};
use crate::core::model::{
    newest_first, positions, sort_by_rank, Component, Group, Incident, Level, Maintenance,
    Snapshot, Update,
};
use crate::core::state::{FeedState, Phase, Problem};
use crate::core::time::{
    local_time_text, relative_text, rfc3339_utc, window_text, ZoneOffset, MINUTE_MS,
};

/// The visual tone of a state: picks the colour and the icon. Never shown alone: every
/// tone comes with text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// A known level.
    Level(Level),
    /// Nothing known yet.
    Loading,
    /// No data: the feed could not be read.
    Unknown,
}

impl Tone {
    /// A stable name for CSS classes and test hooks (`operational`, …, `loading`, `unknown`).
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Level(level) => level.as_str(),
            Tone::Loading => "loading",
            Tone::Unknown => "unknown",
        }
    }
}

/// What a view is built from.
pub struct ViewInput<'a> {
    /// The embed's configuration (filter, label, link, view).
    pub config: &'a Config,
    /// The feed's state.
    pub state: &'a FeedState,
    /// The reader's language.
    pub locale: Locale,
    /// The reader's time zone.
    pub zone: &'a dyn ZoneOffset,
    /// Now, UTC milliseconds.
    pub now_ms: i64,
    /// How old good data may be before it shows as stale (normally
    /// [`crate::core::state::stale_after_ms`] of `config.refresh_secs`).
    pub stale_after_ms: i64,
    /// True when the panel is open.
    pub expanded: bool,
}

/// The one-line badge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadgeView {
    /// Colour and icon.
    pub tone: Tone,
    /// The embed's `label`, if any ("Apple services").
    pub label: Option<String>,
    /// Between the label and the state ("Apple services · All systems operational").
    pub separator: String,
    /// The state in words ("All systems operational", "App Store: partial outage").
    pub text: String,
    /// How old the data is when it is stale ("as of 10:42"); `None` when live.
    pub age: Option<String>,
    /// What the visible badge puts before and after [`BadgeView::age`], from the same
    /// catalogue pattern as the accessible name, so both read alike: `[" (", ")"]`
    /// ("Partial outage (as of 10:42)"), `["（", "）"]` in Japanese.
    pub age_frame: [&'static str; 2],
    /// The accessible name of the badge button: label, state, age and what activating does.
    pub aria_label: String,
    /// What the live region says when the state changes: label, state and age, as one
    /// sentence ("Apple services: App Store: partial outage").
    pub spoken: String,
    /// True when the panel is open (`aria-expanded`).
    pub expanded: bool,
    /// False for `view="notice"` while everything is operational: render nothing.
    pub visible: bool,
    /// True while the reader cannot be shown live status and should hear why, as the
    /// badge appears: the live region then says [`BadgeView::spoken`]. That is no status
    /// at all ("Status unavailable — retrying"), or their own network gone ("App Store:
    /// partial outage (offline — showing status as of 10:42)"). A stale status from a
    /// failing feed is not announced, because a feed that flaps would make the region
    /// speak at every poll.
    pub alert: bool,
}

/// A state shown next to a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateView {
    /// Colour and icon.
    pub tone: Tone,
    /// The state in words ("Partial outage").
    pub text: String,
}

/// One component row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComponentView {
    /// Component id (for test hooks).
    pub id: String,
    /// Name.
    pub name: String,
    /// State.
    pub state: StateView,
}

/// A group of component rows; `name` is `None` for components outside any group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupView {
    /// Group name.
    pub name: Option<String>,
    /// The group's worst state, when it is a named group.
    pub state: Option<StateView>,
    /// Its members, in feed order.
    pub components: Vec<ComponentView>,
}

/// One entry of a timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateView {
    /// The stage in words ("Investigating").
    pub status: String,
    /// The text, plain.
    pub body: String,
    /// Local time ("Nov 20, 10:42"), empty when unknown.
    pub time: String,
    /// The relative age as it follows `time` in the reader's language (" (5 min ago)",
    /// Japanese "（5分前）"), empty when unknown.
    pub age_suffix: String,
    /// Machine-readable UTC time for `<time datetime>` (RFC 3339), empty when unknown.
    pub datetime: String,
}

/// An incident or a maintenance, as a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventView {
    /// Id (for keys and test hooks).
    pub id: String,
    /// Title.
    pub title: String,
    /// Impact for incidents, "Maintenance" for maintenances.
    pub state: StateView,
    /// Lifecycle stage in words ("Identified", "Scheduled").
    pub status: String,
    /// Lines of facts, each already labelled: ("Started", "Nov 20, 10:42 (2 h ago)"),
    /// ("Affects", "App Store, iTunes Store"), ("Users affected", "Some users …"),
    /// ("Window", "…").
    pub facts: Vec<(String, String)>,
    /// Timeline, newest first, at most [`UPDATES_MAX`].
    pub updates: Vec<UpdateView>,
    /// How many older updates the timeline leaves out ("3 more on the full status page").
    pub more_updates: Option<String>,
    /// A page about it (`http`/`https` only), linked as "Details".
    pub link: Option<LinkView>,
}

/// A link out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkView {
    /// `http`/`https` URL.
    pub href: String,
    /// Link text.
    pub text: String,
    /// The accessible name, when the text alone would not tell the link from others like
    /// it: each event's "Details" is "Details: App Store outage".
    pub name: Option<String>,
}

/// Headings and fixed texts of the panel, translated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelLabels {
    /// The panel's heading ("Service status").
    pub heading: String,
    /// The panel's accessible name: the heading, after the embed's `label` when it has one
    /// ("Apple services: Service status"), so two panels on a page are two landmarks a
    /// screen reader tells apart.
    pub region: String,
    /// The close button's accessible name ("Close status details").
    pub close: String,
    /// Heading of the component list ("Services").
    pub services: String,
    /// Heading of the incident list ("Incidents").
    pub incidents: String,
    /// Shown when there is no active incident ("No active incidents").
    pub no_incidents: String,
    /// Heading of the incidents resolved in the last day ("Recently resolved").
    pub resolved: String,
    /// Heading of the maintenance list ("Maintenance": scheduled and in progress).
    pub maintenance: String,
    /// Heading of a timeline ("Updates").
    pub updates: String,
    /// Between an update's status and its time ("Investigating · 10:42").
    pub separator: String,
}

/// The detail panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelView {
    /// Fixed texts.
    pub labels: PanelLabels,
    /// The overall state, as on the badge. Its tone marks [`PanelView::notice`] too.
    pub overall: StateView,
    /// False when the notice already says the overall state, with why: while the feed
    /// cannot be read, "Status unavailable: the status feed could not be reached. Next
    /// try in 2 min." says it all, and a "Status unavailable — retrying" line under it
    /// (below a badge that says so too) would only repeat it.
    pub overall_shown: bool,
    /// A notice about the data itself: "Showing the last known status: the feed could
    /// not be reached. Next try in 2 min." or "Status unavailable: the status feed could not
    /// be reached. Retrying now."
    pub notice: Option<String>,
    /// The provider's own message for the whole page, shown as it wrote it, below the
    /// overall state (see [`crate::core::model::Page::announcement`]).
    pub announcement: Option<String>,
    /// True when the incidents are known: there is a snapshot to show and its feed lists
    /// incidents. While nothing is known (loading, or unavailable with no kept data), or
    /// the feed is one that never lists incidents (Statuspage's `components.json`), the
    /// panel says nothing about incidents: "No active incidents" would be false comfort
    /// exactly when the provider may be down.
    pub known: bool,
    /// Component rows, grouped as the feed groups them. A list longer than
    /// [`PANEL_ROWS_MAX`] keeps only the components that are not operational, at most that
    /// many.
    pub groups: Vec<GroupView>,
    /// How many rows a long list leaves out ("14990 operational services not shown", or
    /// "14990 services not shown" when some of them are not operational); `None` when
    /// every row is listed.
    pub not_shown: Option<String>,
    /// Active incidents, newest first, at most [`EVENTS_MAX`].
    pub incidents: Vec<EventView>,
    /// How many active incidents the list leaves out.
    pub more_incidents: Option<String>,
    /// Incidents resolved in the last day ([`RECENTLY_RESOLVED_MS`]), newest end first,
    /// at most [`RECENTLY_RESOLVED_MAX`]: after an outage, a reader who comes to ask "was
    /// it them?" finds the answer.
    pub resolved: Vec<EventView>,
    /// In-progress first, then scheduled, soonest first, at most [`EVENTS_MAX`].
    pub maintenances: Vec<EventView>,
    /// How many maintenances the list leaves out.
    pub more_maintenances: Option<String>,
    /// "Updated 10:42 (2 min ago)"; `None` before the first success.
    pub updated: Option<String>,
    /// The full status page.
    pub link: Option<LinkView>,
    /// True when the panel shows the page's own fallback (the element's children, usually
    /// a link to the status page) in place of [`PanelView::link`], which is missing: while
    /// the feed cannot be read, and while the panel leaves entries out for the full status
    /// page to list.
    pub fallback: bool,
    /// The level of the panel's heading, from the `heading` attribute (1 to 4): sections
    /// are one level below it, groups and events two.
    pub heading_level: u8,
}

/// A level on its own, in words ("Partial outage"), for rows and cards.
pub fn level_text(locale: Locale, level: Level) -> &'static str {
    text(locale, Msg::Level(level))
}

/// The badge for `input`.
///
/// The text follows these rules, on the components the embed shows:
/// - everything operational: "All systems operational";
/// - exactly one shown component in the overall (worst) state: "App Store: partial
///   outage" (services in a milder state are in the panel);
/// - several shown components in the overall state: that state with their count,
///   "Major outage (3 services)", short enough for one line and still saying how wide;
///   services in a milder state are not counted, so the count never says more services
///   are down than are;
/// - otherwise (a page-wide incident or maintenance worse than any shown component): the
///   overall sentence, "Major outage", "Maintenance in progress".
pub fn badge_view(input: &ViewInput<'_>) -> BadgeView {
    badge_from(input, &summarize(input))
}

/// The panel for `input`.
pub fn panel_view(input: &ViewInput<'_>) -> PanelView {
    panel_from(input, summarize(input))
}

/// The badge for `input` ([`badge_view`]), and the panel ([`panel_view`]) when the
/// badge is visible and `input.expanded`: what the widget renders, with the feed read and
/// filtered once for both.
pub fn views(input: &ViewInput<'_>) -> (BadgeView, Option<PanelView>) {
    let summary = summarize(input);
    let badge = badge_from(input, &summary);
    let panel = (badge.visible && input.expanded).then(|| panel_from(input, summary));
    (badge, panel)
}

fn badge_from(input: &ViewInput<'_>, summary: &Summary<'_>) -> BadgeView {
    let locale = input.locale;
    // Offline says so, whatever the age: the reader's own network is the cause.
    let offline = input.state.problem == Some(Problem::Offline);
    let age = match (summary.phase, &input.state.good) {
        (Phase::Stale, Some(good)) => Some(text_with(
            locale,
            Msg::Tpl(if offline { Tpl::OfflineAsOf } else { Tpl::AsOf }),
            &[("time", &local_time(input, good.fetched_at_ms))],
        )),
        _ => None,
    };
    let visible = match input.config.view {
        View::Badge | View::Panel => true,
        // A notice stays silent unless something is known to be wrong.
        View::Notice => matches!(summary.tone, Tone::Level(level) if level.is_notable()),
    };
    // The pattern ends the state's sentence itself; drop a trailing "…" or "." so the
    // name does not read "Loading status…. Status details".
    let mut state = summary.text.trim_end_matches(['…', '.', '。']).to_owned();
    if let Some(age) = &age {
        state = text_with(
            locale,
            Msg::Tpl(Tpl::WithAge),
            &[("text", &state), ("age", age)],
        );
    }
    if let Some(label) = &input.config.label {
        state = text_with(
            locale,
            Msg::Tpl(Tpl::Labelled),
            &[("label", label), ("state", &state)],
        );
    }
    // A hidden notice stays silent here too: it speaks only of what it shows.
    let alert = visible
        && (summary.phase == Phase::Unavailable || (summary.phase == Phase::Stale && offline));
    let spoken = state.clone();
    let action = text(locale, Msg::Ui(Ui::StatusDetails));
    BadgeView {
        tone: summary.tone,
        label: input.config.label.clone(),
        separator: text(locale, Msg::Ui(Ui::MetaSeparator)).to_owned(),
        text: summary.text.clone(),
        age,
        age_frame: age_frame(locale),
        aria_label: text_with(
            locale,
            Msg::Tpl(Tpl::BadgeAria),
            &[("state", &state), ("action", action)],
        ),
        expanded: input.expanded,
        visible,
        alert,
        spoken,
    }
}

/// What comes between the state and its age, and after the age, in the pattern for a
/// text with its age (`"{text} ({age})"` → `[" (", ")"]`).
fn age_frame(locale: Locale) -> [&'static str; 2] {
    let pattern = text(locale, Msg::Tpl(Tpl::WithAge));
    let after_text = pattern
        .split_once("{text}")
        .map_or(pattern, |(_, after)| after);
    match after_text.split_once("{age}") {
        Some((before, after)) => [before, after],
        None => [" ", ""],
    }
}

fn panel_from(input: &ViewInput<'_>, summary: Summary<'_>) -> PanelView {
    let locale = input.locale;
    let ui = |ui: Ui| text(locale, Msg::Ui(ui)).to_owned();
    let heading = ui(Ui::PanelHeading);
    let region = match &input.config.label {
        Some(label) => text_with(
            locale,
            Msg::Tpl(Tpl::Labelled),
            &[("label", label), ("state", &heading)],
        ),
        None => heading.clone(),
    };
    let labels = PanelLabels {
        heading,
        region,
        close: ui(Ui::CloseDetails),
        services: ui(Ui::Services),
        incidents: ui(Ui::Incidents),
        no_incidents: ui(Ui::NoIncidents),
        resolved: ui(Ui::RecentlyResolved),
        maintenance: ui(Ui::MaintenanceHeading),
        updates: ui(Ui::Updates),
        separator: ui(Ui::MetaSeparator),
    };
    let (
        (groups, not_shown),
        (incidents, more_incidents),
        (resolved, _),
        (maintenances, more_maintenances),
    ) = match &summary.shown {
        Some(shown) => (
            group_views(locale, shown),
            incident_views(input, shown, Incidents::Active),
            incident_views(input, shown, Incidents::RecentlyResolved),
            maintenance_views(input, shown),
        ),
        None => (
            (vec![], None),
            (vec![], None),
            (vec![], None),
            (vec![], None),
        ),
    };
    let updated = input.state.good.as_ref().map(|good| {
        text_with(
            locale,
            Msg::Tpl(Tpl::Updated),
            &[
                ("time", &local_time(input, good.fetched_at_ms)),
                // The reader's own clock took it: ahead only if that clock went back.
                (
                    "age",
                    &relative_text(
                        locale,
                        good.fetched_at_ms.min(input.now_ms),
                        input.now_ms,
                        input.zone,
                    ),
                ),
            ],
        )
    });
    let page_url = input.state.snapshot().and_then(|s| s.page.url.clone());
    let link = input
        .config
        .link
        .clone()
        .into_iter()
        .chain(page_url)
        .find(|url| is_web_url(url))
        .map(|url| LinkView {
            href: url.trim().to_owned(),
            text: ui(Ui::ViewFullStatusPage),
            name: None,
        });
    // The host's fallback link stands in for the provider's page when neither `link` nor
    // the feed names one: whenever the feed cannot be read (the reader most wants that
    // page then), and whenever the panel leaves entries out "on the full status page".
    let left_out = more_incidents.is_some()
        || more_maintenances.is_some()
        || (incidents.iter().chain(&resolved).chain(&maintenances))
            .any(|event| event.more_updates.is_some());
    let fallback =
        link.is_none() && (left_out || matches!(summary.phase, Phase::Stale | Phase::Unavailable));
    PanelView {
        labels,
        overall: StateView {
            tone: summary.tone,
            text: summary.text,
        },
        overall_shown: summary.phase != Phase::Unavailable,
        notice: notice(input, summary.phase),
        // Only beside a status it belongs to: not over day-old data the panel no longer
        // shows.
        announcement: summary
            .shown
            .as_ref()
            .and_then(|shown| shown.snapshot.page.announcement.clone()),
        known: summary
            .shown
            .as_ref()
            .is_some_and(|shown| !shown.snapshot.incidents_unlisted),
        groups,
        not_shown,
        incidents,
        more_incidents,
        resolved,
        maintenances,
        more_maintenances,
        updated,
        link,
        fallback,
        heading_level: input.config.heading_level,
    }
}

/// What both views agree on: the phase, the tone and the state in words, and the
/// filtered snapshot they show.
struct Summary<'a> {
    phase: Phase,
    tone: Tone,
    text: String,
    shown: Option<Shown<'a>>,
}

/// The part of the snapshot an embed shows.
struct Shown<'a> {
    /// The snapshot narrowed to the selection (every component, for names and states),
    /// borrowed from the feed's state when the embed shows all of it and no maintenance
    /// under way changes a component's level.
    snapshot: Cow<'a, Snapshot>,
    /// Its components' and groups' positions by id, made when the panel first needs them.
    by_id: OnceCell<ById>,
}

/// Where each component and group of a snapshot is, by id. The panel looks names and
/// groups up once per row and per affected id: by position in the lists, a feed with
/// thousands of services (well under the body cap) made a render take seconds.
struct ById {
    components: HashMap<String, usize>,
    groups: HashMap<String, usize>,
}

impl<'a> Shown<'a> {
    fn new(snapshot: Cow<'a, Snapshot>) -> Shown<'a> {
        Shown {
            snapshot,
            by_id: OnceCell::new(),
        }
    }

    fn by_id(&self) -> &ById {
        self.by_id.get_or_init(|| ById {
            components: positions(&mut self.snapshot.components.iter().map(|c| &c.id)),
            groups: positions(&mut self.snapshot.groups.iter().map(|g| &g.id)),
        })
    }

    /// The shown component with this id.
    fn component(&self, id: &str) -> Option<&Component> {
        let at = *self.by_id().components.get(id)?;
        self.snapshot.components.get(at)
    }

    /// The shown group with this id.
    fn group(&self, id: &str) -> Option<&Group> {
        let at = *self.by_id().groups.get(id)?;
        self.snapshot.groups.get(at)
    }

    /// The component rows: the selection, less `only_show_if_degraded` components while
    /// they are operational (the filter lifts the mark from one the page names,
    /// [`filter::apply`]).
    fn rows(&self) -> impl Iterator<Item = &Component> {
        self.snapshot
            .components
            .iter()
            .filter(|c| !(c.only_show_if_degraded && c.level == Level::Operational))
    }
}

fn summarize<'a>(input: &ViewInput<'a>) -> Summary<'a> {
    let locale = input.locale;
    let phase = input.state.phase(input.now_ms, input.stale_after_ms);
    let fixed = |tone, ui| Summary {
        phase,
        tone,
        text: text(locale, Msg::Ui(ui)).to_owned(),
        shown: None,
    };
    let snapshot = match (phase, input.state.snapshot()) {
        (Phase::Loading, _) => return fixed(Tone::Loading, Ui::Loading),
        (Phase::Unavailable, _) => return fixed(Tone::Unknown, Ui::Unavailable),
        (Phase::Live | Phase::Stale, Some(snapshot)) => snapshot,
        // Live and stale imply a kept snapshot; stay truthful if that ever breaks.
        (Phase::Live | Phase::Stale, None) => return fixed(Tone::Unknown, Ui::Unavailable),
    };
    let selection = &input.config.components;
    let shown = Shown::new(filter::shown_at(snapshot, selection, input.now_ms));
    let overall = shown.snapshot.overall(input.now_ms);
    // The feed lists none of the services the page asked for: their state is not known.
    if filter::knows_nothing(snapshot, selection, overall) {
        // Joined as `&str`s, as every other list is: one `join` in the wasm, not two.
        let names: Vec<&str> = selection.given().iter().map(String::as_str).collect();
        let names = names.join(text(locale, Msg::Ui(Ui::ListSeparator)));
        return Summary {
            phase,
            tone: Tone::Unknown,
            text: text_with(
                locale,
                Msg::Tpl(Tpl::ComponentState),
                &[
                    ("name", &names),
                    ("state", text(locale, Msg::Ui(Ui::NotInFeed))),
                ],
            ),
            shown: None,
        };
    }
    let worst: Vec<&Component> = shown.rows().filter(|c| c.level == overall).collect();
    // A badge labelled with the very service it names ("iTunes Store · iTunes Store:
    // major outage") says the name once: the label already does. Label and name match
    // as `components` entries match names.
    let labelled_as = |name: &str| {
        input
            .config
            .label
            .as_deref()
            .is_some_and(|label| filter::normalize_key(label) == filter::normalize_key(name))
    };
    // One service shown is named even when it is fine: "App Store: operational" is what
    // a page that embeds only the App Store means; "All systems operational" would speak
    // for services it does not show. Under a label naming it, the state alone.
    let text = match worst.as_slice() {
        [only] if overall == Level::Operational && labelled_as(&only.name) => {
            text(locale, Msg::Level(overall)).to_owned()
        }
        [only] if !labelled_as(&only.name) => text_with(
            locale,
            Msg::Tpl(Tpl::ComponentState),
            &[
                ("name", &only.name),
                ("state", text(locale, Msg::LevelInline(overall))),
            ],
        ),
        [_, _, ..] if overall != Level::Operational => text_with(
            locale,
            Msg::Tpl(Tpl::StateWithCount),
            &[
                ("state", text(locale, Msg::Overall(overall))),
                (
                    "count",
                    &count_text(locale, Count::Services, worst.len() as i64),
                ),
            ],
        ),
        _ => text(locale, Msg::Overall(overall)).to_owned(),
    };
    Summary {
        phase,
        tone: Tone::Level(overall),
        text,
        shown: Some(shown),
    }
}

fn local_time(input: &ViewInput<'_>, at_ms: i64) -> String {
    local_time_text(input.locale, at_ms, input.zone, input.now_ms)
}

/// How far ahead of the reader's clock the time of a past event may be and still read
/// "just now": the provider's clock, or the reader's, is often a few minutes off.
const CLOCK_SKEW_MS: i64 = 5 * MINUTE_MS;

/// The age of a past event. A time slightly ahead of the reader's clock (clock skew
/// between the provider and the reader) reads "just now", not "in 20 s". One further
/// ahead has no age: "in 3 days" of what has happened says nothing true, and "just now"
/// of a date in 9999 would be false. Its date, shown beside, tells the reader.
fn age(input: &ViewInput<'_>, at_ms: i64) -> Option<String> {
    (at_ms <= input.now_ms.saturating_add(CLOCK_SKEW_MS)).then(|| {
        relative_text(
            input.locale,
            at_ms.min(input.now_ms),
            input.now_ms,
            input.zone,
        )
    })
}

/// "Nov 20, 10:42 AM (2 h ago)", or the time alone when it has no age ([`age`]).
fn time_with_age(input: &ViewInput<'_>, at_ms: i64) -> String {
    let time = local_time(input, at_ms);
    match age(input, at_ms) {
        Some(age) => text_with(
            input.locale,
            Msg::Tpl(Tpl::WithAge),
            &[("text", &time), ("age", &age)],
        ),
        None => time,
    }
}

fn state_view(locale: Locale, level: Level) -> StateView {
    StateView {
        tone: Tone::Level(level),
        text: level_text(locale, level).to_owned(),
    }
}

fn notice(input: &ViewInput<'_>, phase: Phase) -> Option<String> {
    let locale = input.locale;
    let state = input.state;
    let problem = state.problem.as_ref().map(|p| problem_text(locale, p));
    let first = match (phase, problem) {
        (Phase::Loading | Phase::Live, _) => return None,
        (Phase::Stale, Some(problem)) => {
            text_with(locale, Msg::Tpl(Tpl::StaleNotice), &[("problem", &problem)])
        }
        (Phase::Stale, None) => {
            let fetched_at_ms = state
                .good
                .as_ref()
                .map_or(input.now_ms, |g| g.fetched_at_ms);
            text_with(
                locale,
                Msg::Tpl(Tpl::OldNotice),
                &[("time", &local_time(input, fetched_at_ms))],
            )
        }
        (Phase::Unavailable, problem) => text_with(
            locale,
            Msg::Tpl(Tpl::UnavailableNotice),
            &[("problem", &problem.unwrap_or_default())],
        ),
    };
    let next = if state.fetching {
        Some(text(locale, Msg::Ui(Ui::RetryingNow)).to_owned())
    } else {
        state
            .next_attempt_ms
            .filter(|&at_ms| at_ms > input.now_ms)
            .map(|at_ms| {
                let mut next = text_with(
                    locale,
                    Msg::Tpl(Tpl::NextTry),
                    &[(
                        "when",
                        &relative_text(locale, at_ms, input.now_ms, input.zone),
                    )],
                );
                // A sentence that ends in an abbreviation ("in 5 Min.") takes no second
                // full stop.
                if next.ends_with("..") {
                    next.pop();
                }
                next
            })
    };
    Some(match next {
        Some(second) => text_with(
            locale,
            Msg::Tpl(Tpl::Sentences),
            &[("first", &first), ("second", &second)],
        ),
        None => first,
    })
}

/// Component rows grouped as the feed groups them, and what a list longer than
/// [`PANEL_ROWS_MAX`] leaves out, in words. A named group sits where its first listed
/// member appears. Components outside any known group share one unnamed group while no
/// group has come before them; all those after a group share another ("Other
/// services"), where the first of them appears. A member whose group is missing from
/// the feed shows ungrouped.
fn group_views(locale: Locale, shown: &Shown<'_>) -> (Vec<GroupView>, Option<String>) {
    let mut rows: Vec<&Component> = shown.rows().collect();
    let all = rows.len();
    let mut operational = 0;
    if all > PANEL_ROWS_MAX {
        rows.retain(|c| c.level != Level::Operational);
        operational = all - rows.len();
        rows.truncate(PANEL_ROWS_MAX);
    }
    let left_out = all - rows.len();
    let not_shown = (left_out > 0).then(|| {
        let count = if left_out == operational {
            Count::OperationalNotShown
        } else {
            Count::NotShown
        };
        count_text(locale, count, left_out as i64)
    });
    // Each view with its group's id.
    let mut views: Vec<(Option<&str>, GroupView)> = vec![];
    // Where each named group's view is in `views`.
    let mut view_of_group: HashMap<String, usize> = HashMap::new();

    for component in &rows {
        let group = component.group_id.as_deref().and_then(|id| shown.group(id));
        let key = group.map(|g| g.id.as_str());
        let row = ComponentView {
            id: component.id.clone(),
            name: component.name.clone(),
            state: state_view(locale, component.level),
        };
        let existing = match key {
            Some(id) => view_of_group.get(id).copied(),
            // Ungrouped rows before any group are one view; those after a group are
            // another, at the place of the first of them, so they are listed under one
            // "Other services" rather than one such heading between each two groups.
            None => views
                .iter()
                .rposition(|(k, _)| k.is_none())
                .filter(|&at| at > 0 || views.len() == 1),
        };
        match existing.and_then(|at| views.get_mut(at)) {
            Some((_, view)) => view.components.push(row),
            None => {
                if let Some(id) = key {
                    view_of_group.insert(id.to_owned(), views.len());
                }
                let view = GroupView {
                    name: group.map(|g| g.name.clone()),
                    state: None,
                    components: vec![row],
                };
                views.push((key, view));
            }
        }
    }
    // A group's state is the worst of all its members, listed or not (a hidden member is
    // operational, so it changes nothing). Ungrouped services after a group get a heading
    // of their own, or a screen reader's list of headings would put them in that group.
    let levels = shown.snapshot.group_levels();
    let mut after_group = false;
    let views = views
        .into_iter()
        .map(|(key, mut view)| {
            view.state =
                key.map(|id| state_view(locale, levels.get(id).copied().unwrap_or_default()));
            if view.name.is_none() && after_group {
                view.name = Some(text(locale, Msg::Ui(Ui::OtherServices)).to_owned());
            }
            after_group |= view.name.is_some();
            view
        })
        .collect();
    (views, not_shown)
}

/// "App Store, iTunes Store": the names of affected components (or groups), in the
/// order the feed gave them; ids the feed does not describe are left out. A feed without
/// components gives the names themselves ([`Snapshot::names_affected_directly`]). A
/// component whose name another affected component in another group has too is named
/// with its group ("API (US), API (EU)"). Past [`AFFECTED_NAMES_MAX`] names it says how
/// many more there are ("…, 12 more").
fn affected_names(locale: Locale, shown: &Shown<'_>, affected: &[String]) -> Option<String> {
    let as_given = shown.snapshot.names_affected_directly();
    // Each name with its component's group, if it has one.
    let found: Vec<(&str, Option<&Group>)> = affected
        .iter()
        .filter_map(|id| {
            if as_given {
                return Some((id.as_str(), None));
            }
            match shown.component(id) {
                Some(c) => Some((
                    c.name.as_str(),
                    c.group_id.as_deref().and_then(|g| shown.group(g)),
                )),
                None => shown.group(id).map(|g| (g.name.as_str(), None)),
            }
        })
        .collect();
    if found.is_empty() {
        return None;
    }
    // Only the names shown are written, each checked against every other: at most
    // AFFECTED_NAMES_MAX passes over the list, however long it is.
    let names: Vec<String> = found
        .iter()
        .take(AFFECTED_NAMES_MAX)
        .map(|&(name, group)| match group {
            Some(g)
                if g.name != name
                    && found.iter().any(|&(other, in_group)| {
                        other == name && in_group.map(|o| &o.id) != Some(&g.id)
                    }) =>
            {
                text_with(
                    locale,
                    Msg::Tpl(Tpl::NameInGroup),
                    &[("name", name), ("group", &g.name)],
                )
            }
            _ => name.to_owned(),
        })
        .collect();
    let more = found.len().saturating_sub(AFFECTED_NAMES_MAX);
    let separator = text(locale, Msg::Ui(Ui::ListSeparator));
    let mut line = names.join(separator);
    if more > 0 {
        line.push_str(separator);
        line.push_str(&count_text(locale, Count::MoreNames, more as i64));
    }
    Some(line)
}

/// An event's title, and the "Affects" fact pushed onto `facts`. A feed that gives no
/// title (Apple's events have none) is titled by the shown components it affects, so a
/// filtered embed never names services it does not show; the "Affects" fact would then
/// repeat the title and is left out. `None` when there is neither a title nor a shown name.
fn event_title(
    locale: Locale,
    shown: &Shown<'_>,
    title: &str,
    affected: &[String],
    facts: &mut Vec<(String, String)>,
) -> Option<String> {
    let names = affected_names(locale, shown, affected);
    if !title.trim().is_empty() {
        if let Some(names) = names {
            facts.push(fact(locale, Fact::Affects, names));
        }
        return Some(title.to_owned());
    }
    names
}

fn fact(locale: Locale, fact: Fact, value: String) -> (String, String) {
    (text(locale, Msg::Fact(fact)).to_owned(), value)
}

fn update_views(input: &ViewInput<'_>, updates: &[Update]) -> (Vec<UpdateView>, Option<String>) {
    let mut updates: Vec<&Update> = updates.iter().collect();
    // Newest first; undated updates keep their feed position after the dated ones. The
    // readers already order timelines so (`model::sort_timeline`, which also puts updates
    // of one time newest first), and a stable sort keeps that.
    sort_by_rank(&mut updates, |u| newest_first(u.at_ms));
    let more = cut(input.locale, &mut updates, UPDATES_MAX);
    let updates = updates
        .into_iter()
        .map(|u| UpdateView {
            status: update_status_text(input.locale, &u.status),
            body: u.body.clone(),
            time: u.at_ms.map(|at| local_time(input, at)).unwrap_or_default(),
            age_suffix: u
                .at_ms
                .and_then(|at| age(input, at))
                .map(|age| {
                    text_with(
                        input.locale,
                        Msg::Tpl(Tpl::WithAge),
                        &[("text", ""), ("age", &age)],
                    )
                })
                .unwrap_or_default(),
            datetime: u.at_ms.map(rfc3339_utc).unwrap_or_default(),
        })
        .collect();
    (updates, more)
}

/// Cuts `list` to its first `max` entries and says how many it left out ("3 more on the
/// full status page"); `None` when it was short enough.
fn cut<T>(locale: Locale, list: &mut Vec<T>, max: usize) -> Option<String> {
    let left_out = list.len().saturating_sub(max);
    list.truncate(max);
    (left_out > 0).then(|| count_text(locale, Count::More, left_out as i64))
}

/// The "Details" link to an event's own page (`http`/`https` only), named for screen
/// readers with the event's title ("Details: App Store outage"), so that a list of links
/// does not read "Details, Details, Details".
fn details_link(locale: Locale, url: &Option<String>, title: &str) -> Option<LinkView> {
    let href = url.as_deref().filter(|u| is_web_url(u))?.trim().to_owned();
    let text = text(locale, Msg::Ui(Ui::Details));
    Some(LinkView {
        href,
        text: text.to_owned(),
        name: Some(text_with(
            locale,
            Msg::Tpl(Tpl::Labelled),
            &[("label", text), ("state", title)],
        )),
    })
}

/// The most component rows the panel lists. A longer list (a provider with hundreds of
/// regions or carriers) lists only the components that are not operational, at most this
/// many, and says how many it leaves out: a reader looks for what is broken, and a list of
/// thousands of rows took the host page seconds to build and lay out.
pub const PANEL_ROWS_MAX: usize = 100;

/// The most active incidents, and the most maintenances, the panel lists (newest incidents
/// and soonest maintenances first); it says how many more there are.
pub const EVENTS_MAX: usize = 20;

/// The most updates an event's timeline lists, newest first; it says how many more there
/// are.
pub const UPDATES_MAX: usize = 10;

/// The most names an "Affects" line lists, or a title made of the names an event affects
/// (Apple's events have no title of their own); it says how many more there are. An
/// incident of a provider with thousands of regions named them all in one line.
pub const AFFECTED_NAMES_MAX: usize = 10;

/// How long a resolved incident stays in the panel after it ended: a day.
pub const RECENTLY_RESOLVED_MS: i64 = 24 * 60 * 60 * 1000;
/// The most resolved incidents the panel lists.
pub const RECENTLY_RESOLVED_MAX: usize = 3;

/// Which incidents a list shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Incidents {
    /// Unresolved, newest start first.
    Active,
    /// Resolved within [`RECENTLY_RESOLVED_MS`], newest end first.
    RecentlyResolved,
}

fn incident_views(
    input: &ViewInput<'_>,
    shown: &Shown<'_>,
    which: Incidents,
) -> (Vec<EventView>, Option<String>) {
    let locale = input.locale;
    let since_ms = input.now_ms.saturating_sub(RECENTLY_RESOLVED_MS);
    let mut listed: Vec<&Incident> = shown
        .snapshot
        .incidents
        .iter()
        .filter(|i| match which {
            Incidents::Active => i.is_active(),
            // An incident without an end time cannot be placed in the last day.
            Incidents::RecentlyResolved => {
                !i.is_active() && i.resolved_at_ms.is_some_and(|end| end >= since_ms)
            }
        })
        .collect();
    let more = match which {
        Incidents::Active => {
            sort_by_rank(&mut listed, |i| newest_first(i.started_at_ms));
            cut(locale, &mut listed, EVENTS_MAX)
        }
        Incidents::RecentlyResolved => {
            sort_by_rank(&mut listed, |i| newest_first(i.resolved_at_ms));
            listed.truncate(RECENTLY_RESOLVED_MAX);
            None
        }
    };
    let views = listed
        .into_iter()
        .map(|incident| {
            let mut facts = vec![];
            if let Some(at) = incident.started_at_ms {
                facts.push(fact(locale, Fact::Started, time_with_age(input, at)));
            }
            if let Some(at) = incident.resolved_at_ms {
                facts.push(fact(locale, Fact::Ended, time_with_age(input, at)));
            }
            let title = event_title(
                locale,
                shown,
                &incident.title,
                &incident.affected,
                &mut facts,
            )
            .unwrap_or_else(|| level_text(locale, incident.impact).to_owned());
            if let Some(users) = incident.users_affected.as_deref().map(str::trim) {
                if !users.is_empty() {
                    facts.push(fact(locale, Fact::UsersAffected, users.to_owned()));
                }
            }
            let (updates, more_updates) = update_views(input, &incident.updates);
            EventView {
                id: incident.id.clone(),
                link: details_link(locale, &incident.url, &title),
                title,
                state: state_view(locale, incident.impact),
                status: text(locale, Msg::Incident(incident.status)).to_owned(),
                facts,
                updates,
                more_updates,
            }
        })
        .collect();
    (views, more)
}

fn maintenance_views(input: &ViewInput<'_>, shown: &Shown<'_>) -> (Vec<EventView>, Option<String>) {
    let locale = input.locale;
    let now_ms = input.now_ms;
    let mut current: Vec<&Maintenance> = shown
        .snapshot
        .maintenances
        .iter()
        .filter(|m| m.is_upcoming_or_active(now_ms))
        .collect();
    sort_by_rank(&mut current, |m| m.rank(now_ms));
    let more = cut(locale, &mut current, EVENTS_MAX);
    let views = current
        .into_iter()
        .map(|maintenance| {
            let mut facts = vec![];
            if let Some(start) = maintenance.starts_at_ms {
                let window = window_text(locale, start, maintenance.ends_at_ms, input.zone, now_ms);
                facts.push(fact(locale, Fact::Window, window));
            }
            let title = event_title(
                locale,
                shown,
                &maintenance.title,
                &maintenance.affected,
                &mut facts,
            )
            .unwrap_or_else(|| level_text(locale, Level::Maintenance).to_owned());
            if let Some(users) = maintenance.users_affected.as_deref().map(str::trim) {
                if !users.is_empty() {
                    facts.push(fact(locale, Fact::UsersAffected, users.to_owned()));
                }
            }
            let status = maintenance.status_at(now_ms);
            let (updates, more_updates) = update_views(input, &maintenance.updates);
            EventView {
                id: maintenance.id.clone(),
                link: details_link(locale, &maintenance.url, &title),
                title,
                state: state_view(locale, Level::Maintenance),
                status: text(locale, Msg::Maintenance(status)).to_owned(),
                facts,
                updates,
                more_updates,
            }
        })
        .collect();
    (views, more)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::feed::{Format, Parsed};
    use crate::core::model::{sample, Group, IncidentStatus, MaintenanceStatus, Page};
    use crate::core::state::{self, Action};
    use crate::core::time::{parse_rfc3339, FixedOffset, MINUTE_MS};

    const UTC: FixedOffset = FixedOffset(0);

    type Facts = Vec<(String, String)>;

    fn at(text: &str) -> i64 {
        parse_rfc3339(text).unwrap_or_else(|| panic!("bad test time {text}"))
    }

    fn now() -> i64 {
        at("2024-11-20T10:50:00Z")
    }

    fn config(pairs: &[(&str, &str)]) -> Config {
        Config::from_attrs(|name| {
            if name == "feed" {
                return Some("https://status.example.com/api/v2/summary.json".into());
            }
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        })
        .unwrap_or_else(|e| panic!("{e}"))
    }

    fn component(id: &str, name: &str, group: Option<&str>) -> Component {
        sample::component(id, name, Level::Operational, group)
    }

    /// Photos, Store (App Store, iTunes Store), iMessage, and Beta (only shown if degraded).
    fn snapshot(levels: &[(&str, Level)]) -> Snapshot {
        let mut components = vec![
            component("c-photos", "Photos", None),
            component("c-app", "App Store", Some("g-store")),
            component("c-itunes", "iTunes Store", Some("g-store")),
            component("c-imessage", "iMessage", None),
            Component {
                only_show_if_degraded: true,
                ..component("c-beta", "Beta", None)
            },
        ];
        for (id, level) in levels {
            for c in components.iter_mut().filter(|c| c.id == *id) {
                c.level = *level;
            }
        }
        Snapshot {
            page: Page {
                name: Some("Example".into()),
                url: Some("https://status.example.com".into()),
                ..Page::default()
            },
            groups: vec![Group {
                id: "g-store".into(),
                name: "Store".into(),
            }],
            components,
            ..Snapshot::default()
        }
    }

    fn incident(impact: Level, affected: &[&str]) -> Incident {
        Incident {
            title: "Purchases fail".into(),
            started_at_ms: Some(at("2024-11-20T08:50:00Z")),
            users_affected: Some(" Some users cannot buy ".into()),
            // Deliberately oldest first: the view sorts.
            updates: vec![
                Update {
                    status: "investigating".into(),
                    body: "We are looking into it.".into(),
                    at_ms: Some(at("2024-11-20T08:50:00Z")),
                    affected: vec![],
                },
                Update {
                    status: "identified".into(),
                    body: "We found the cause.".into(),
                    at_ms: Some(at("2024-11-20T09:30:00Z")),
                    affected: vec![],
                },
            ],
            url: Some("https://status.example.com/incidents/1".into()),
            ..sample::incident("i-purchases", impact, IncidentStatus::Identified, affected)
        }
    }

    fn maintenance(
        id: &str,
        status: MaintenanceStatus,
        window: (&str, &str),
        affected: &[&str],
    ) -> Maintenance {
        sample::maintenance(id, status, Some((at(window.0), at(window.1))), affected)
    }

    fn in_progress_maintenance() -> Maintenance {
        Maintenance {
            // Blank: no "Users affected" line.
            users_affected: Some("  ".into()),
            ..maintenance(
                "m-now",
                MaintenanceStatus::Scheduled,
                ("2024-11-20T10:00:00Z", "2024-11-20T12:00:00Z"),
                &[],
            )
        }
    }

    /// Everything the panel can show: one partial outage, one active and one resolved
    /// incident, maintenances in progress, upcoming, completed and past.
    fn full_snapshot() -> Snapshot {
        let mut resolved = incident(Level::MajorOutage, &["c-photos"]);
        resolved.id = "i-old".into();
        resolved.status = IncidentStatus::Resolved;
        Snapshot {
            incidents: vec![
                resolved,
                incident(Level::PartialOutage, &["c-app", "c-itunes"]),
            ],
            maintenances: vec![
                maintenance(
                    "m-tomorrow",
                    MaintenanceStatus::Scheduled,
                    ("2024-11-21T02:00:00Z", "2024-11-21T06:00:00Z"),
                    &["c-photos"],
                ),
                maintenance(
                    "m-done",
                    MaintenanceStatus::Completed,
                    ("2024-11-20T08:00:00Z", "2024-11-20T09:00:00Z"),
                    &[],
                ),
                maintenance(
                    "m-yesterday",
                    MaintenanceStatus::Scheduled,
                    ("2024-11-19T08:00:00Z", "2024-11-19T09:00:00Z"),
                    &[],
                ),
                in_progress_maintenance(),
            ],
            ..snapshot(&[("c-app", Level::PartialOutage)])
        }
    }

    fn live(snapshot: Snapshot) -> FeedState {
        let mut state = FeedState::default();
        state.apply(Action::FetchSucceeded {
            parsed: Parsed {
                format: Format::Statuspage,
                snapshot,
                warnings: vec![],
            },
            at_ms: now() - MINUTE_MS,
        });
        state
    }

    /// Fetched at 10:42, failed at 10:50.
    fn stale(snapshot: Snapshot, problem: Problem) -> FeedState {
        let mut state = FeedState::default();
        state.apply(Action::FetchSucceeded {
            parsed: Parsed {
                format: Format::Statuspage,
                snapshot,
                warnings: vec![],
            },
            at_ms: at("2024-11-20T10:42:00Z"),
        });
        state.apply(Action::FetchFailed {
            problem,
            at_ms: now(),
        });
        state
    }

    fn unavailable(problem: Problem) -> FeedState {
        let mut state = FeedState::default();
        state.apply(Action::FetchFailed {
            problem,
            at_ms: now(),
        });
        state
    }

    fn badge(state: &FeedState, config: &Config, locale: Locale) -> BadgeView {
        badge_view(&ViewInput {
            config,
            state,
            locale,
            zone: &UTC,
            now_ms: now(),
            stale_after_ms: state::stale_after_ms(config.refresh_secs),
            expanded: false,
        })
    }

    fn panel(state: &FeedState, config: &Config, locale: Locale) -> PanelView {
        panel_view(&ViewInput {
            config,
            state,
            locale,
            zone: &UTC,
            now_ms: now(),
            stale_after_ms: state::stale_after_ms(config.refresh_secs),
            expanded: true,
        })
    }

    fn badge_text(state: &FeedState, config: &Config, locale: Locale) -> String {
        badge(state, config, locale).text
    }

    fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn tone_names_are_the_css_and_data_tone_names() {
        let names = [
            (Tone::Level(Level::Operational), "operational"),
            (Tone::Level(Level::MajorOutage), "major_outage"),
            (Tone::Loading, "loading"),
            (Tone::Unknown, "unknown"),
        ];
        for (tone, name) in names {
            assert_eq!(tone.as_str(), name);
        }
    }

    #[test]
    fn a_time_ahead_of_the_clock_is_just_now_within_the_skew_and_has_no_age_beyond() {
        // The reader's clock reads 10:50.
        let mut skewed = incident(Level::MajorOutage, &["c-app"]);
        skewed.started_at_ms = Some(at("2024-11-20T10:54:00Z"));
        skewed.updates[1].at_ms = Some(at("2024-11-20T10:54:00Z"));
        let mut far = incident(Level::MajorOutage, &["c-photos"]);
        far.id = "i-far".into();
        far.started_at_ms = Some(at("9999-12-31T23:59:00Z"));
        far.updates[1].at_ms = Some(at("2024-11-20T11:50:00Z"));
        let state = live(Snapshot {
            incidents: vec![skewed, far],
            ..snapshot(&[])
        });
        let view = panel(&state, &config(&[]), Locale::En);
        let started = |id: &str| {
            let incident = view.incidents.iter().find(|i| i.id == id).unwrap();
            (
                incident.facts[0].1.clone(),
                incident.updates[0].age_suffix.clone(),
            )
        };
        assert_eq!(
            started("i-purchases"),
            ("10:54 AM (just now)".to_owned(), " (just now)".to_owned())
        );
        assert_eq!(
            started("i-far"),
            ("Dec 31, 9999, 11:59 PM".to_owned(), String::new())
        );
    }

    #[test]
    fn components_that_match_nothing_are_not_an_all_clear() {
        // A typo in the page during a major outage of everything the feed lists.
        let outage = live(Snapshot {
            incidents: vec![incident(Level::MajorOutage, &["c-app", "c-photos"])],
            ..snapshot(&[("c-app", Level::MajorOutage)])
        });
        let typo = config(&[("components", "App Stor, Mapz")]);
        let badge = badge(&outage, &typo, Locale::En);
        assert_eq!(badge.tone, Tone::Unknown);
        assert_eq!(badge.text, "App Stor, Mapz: not in the status feed");
        let view = panel(&outage, &typo, Locale::En);
        assert_eq!(view.overall.text, "App Stor, Mapz: not in the status feed");
        assert!(
            !view.known,
            "no \"No active incidents\" about what is not known"
        );
        assert!(view.groups.is_empty() && view.incidents.is_empty());
        assert_eq!(
            badge_text(&outage, &typo, Locale::Fr),
            "App Stor, Mapz\u{a0}: absent du flux d’état"
        );
        // A page-wide event says worse, and is shown as usual.
        let page_wide = live(Snapshot {
            incidents: vec![incident(Level::PartialOutage, &[])],
            ..snapshot(&[])
        });
        let badge = self::badge(&page_wide, &typo, Locale::En);
        assert_eq!(badge.tone, Tone::Level(Level::PartialOutage));
        // One entry that matches is enough for the rest to be ignored.
        let one = config(&[("components", "App Stor, iMessage")]);
        assert_eq!(
            badge_text(&outage, &one, Locale::En),
            "iMessage: operational"
        );
    }

    #[test]
    fn level_text_is_the_standalone_word() {
        assert_eq!(
            level_text(Locale::En, Level::PartialOutage),
            "Partial outage"
        );
        assert_eq!(
            level_text(Locale::Es, Level::MajorOutage),
            "Interrupción grave"
        );
    }

    #[test]
    fn badge_loading_says_so_and_notice_stays_silent() {
        let state = FeedState::default();
        let view = badge(&state, &config(&[]), Locale::En);
        assert_eq!(view.tone, Tone::Loading);
        assert_eq!(view.text, "Loading status…");
        assert_eq!(view.aria_label, "Loading status. Status details");
        assert_eq!(view.age, None);
        assert!(view.visible);
        let ja = badge(&state, &config(&[]), Locale::Ja);
        assert_eq!(ja.text, "ステータスを読み込み中…");
        assert_eq!(ja.aria_label, "ステータスを読み込み中。ステータスの詳細");
        assert!(!badge(&state, &config(&[("view", "notice")]), Locale::En).visible);
    }

    /// What the live region says as `view` appears, when it alerts.
    fn alert_of(view: &BadgeView) -> Option<&str> {
        view.alert.then_some(view.spoken.as_str())
    }

    #[test]
    fn badge_unavailable_is_unknown_tone_and_retrying() {
        let state = unavailable(Problem::Network);
        let view = badge(&state, &config(&[]), Locale::En);
        assert_eq!(view.tone, Tone::Unknown);
        assert_eq!(view.text, "Status unavailable — retrying");
        assert_eq!(alert_of(&view), Some("Status unavailable — retrying"));
        assert_eq!(
            badge_text(&state, &config(&[]), Locale::De),
            "Status nicht verfügbar – neuer Versuch läuft"
        );
        let notice = badge(&state, &config(&[("view", "notice")]), Locale::En);
        assert!(!notice.visible);
        assert_eq!(alert_of(&notice), None, "a hidden notice says nothing");
    }

    #[test]
    fn views_give_the_badge_and_the_panel_only_while_it_is_open_beside_a_visible_badge() {
        let down = live(snapshot(&[("c-app", Level::PartialOutage)]));
        let calm = live(snapshot(&[]));
        // The state, the attributes, whether the reader opened it, whether a panel shows.
        type Case<'a> = (&'a FeedState, &'a [(&'a str, &'a str)], bool, bool);
        let cases: [Case<'_>; 5] = [
            (&down, &[], false, false),
            (&down, &[], true, true),
            (&down, &[("components", "App Store")], true, true),
            (&down, &[("view", "notice")], true, true),
            // A notice with nothing wrong is hidden, and so is its panel.
            (&calm, &[("view", "notice")], true, false),
        ];
        for (state, attrs, expanded, with_panel) in cases {
            let config = config(attrs);
            let input = ViewInput {
                config: &config,
                state,
                locale: Locale::En,
                zone: &UTC,
                now_ms: now(),
                stale_after_ms: state::stale_after_ms(config.refresh_secs),
                expanded,
            };
            let (badge, panel) = views(&input);
            assert_eq!(badge, badge_view(&input), "{attrs:?}");
            assert_eq!(panel.is_some(), with_panel, "{attrs:?} {expanded}");
            if let Some(panel) = panel {
                assert_eq!(panel, panel_view(&input), "{attrs:?}");
            }
        }
    }

    #[test]
    fn badge_live_all_operational() {
        let state = live(snapshot(&[]));
        let view = badge(&state, &config(&[]), Locale::En);
        assert_eq!(view.tone, Tone::Level(Level::Operational));
        assert_eq!(view.text, "All systems operational");
        assert_eq!(view.age, None);
        assert_eq!(view.aria_label, "All systems operational. Status details");
        assert!(view.visible);
        assert_eq!(
            badge_text(&state, &config(&[]), Locale::Fr),
            "Tous les systèmes sont opérationnels"
        );
        assert!(!badge(&state, &config(&[("view", "notice")]), Locale::En).visible);
    }

    #[test]
    fn badge_one_component_names_it_with_its_state() {
        let state = live(snapshot(&[("c-app", Level::PartialOutage)]));
        let view = badge(&state, &config(&[]), Locale::En);
        assert_eq!(view.tone, Tone::Level(Level::PartialOutage));
        assert_eq!(view.text, "App Store: partial outage");
        assert!(badge(&state, &config(&[("view", "notice")]), Locale::En).visible);
        let cases = [
            (Locale::Fr, "App Store\u{a0}: panne partielle"),
            (Locale::De, "App Store: Teilausfall"),
            (Locale::Es, "App Store: interrupción parcial"),
            (Locale::Ja, "App Store：一部障害"),
        ];
        for (locale, want) in cases {
            assert_eq!(badge_text(&state, &config(&[]), locale), want);
        }
    }

    #[test]
    fn badge_several_components_give_worst_state_and_count() {
        let state = live(snapshot(&[
            ("c-app", Level::MajorOutage),
            ("c-photos", Level::MajorOutage),
            ("c-imessage", Level::Degraded),
        ]));
        let cases = [
            (Locale::En, "Major outage (2 services)"),
            (Locale::De, "Schwerer Ausfall (2 Dienste)"),
            (Locale::Ja, "重大な障害（2件のサービス）"),
        ];
        for (locale, want) in cases {
            assert_eq!(badge_text(&state, &config(&[]), locale), want);
        }
        assert_eq!(
            badge(&state, &config(&[]), Locale::En).tone,
            Tone::Level(Level::MajorOutage)
        );
    }

    #[test]
    fn badge_page_wide_incident_without_component_change_gives_overall_sentence() {
        let state = live(Snapshot {
            incidents: vec![incident(Level::MajorOutage, &[])],
            ..snapshot(&[])
        });
        let view = badge(&state, &config(&[]), Locale::En);
        assert_eq!(view.text, "Major outage");
        assert_eq!(view.tone, Tone::Level(Level::MajorOutage));
    }

    #[test]
    fn badge_one_component_with_worse_page_wide_incident_gives_overall_sentence() {
        let state = live(Snapshot {
            incidents: vec![incident(Level::MajorOutage, &[])],
            ..snapshot(&[("c-app", Level::Degraded)])
        });
        assert_eq!(badge_text(&state, &config(&[]), Locale::En), "Major outage");
    }

    #[test]
    fn badge_counts_only_the_services_in_the_worst_state() {
        // One service down and one degraded: "Major outage (2 services)" would say two
        // are down. The one in the worst state is named; the milder one is in the panel.
        let state = live(snapshot(&[
            ("c-app", Level::MajorOutage),
            ("c-photos", Level::Degraded),
        ]));
        assert_eq!(
            badge_text(&state, &config(&[]), Locale::En),
            "App Store: major outage"
        );
        let state = live(snapshot(&[
            ("c-app", Level::PartialOutage),
            ("c-photos", Level::PartialOutage),
            ("c-imessage", Level::Maintenance),
        ]));
        assert_eq!(
            badge_text(&state, &config(&[]), Locale::En),
            "Partial outage (2 services)"
        );
    }

    #[test]
    fn badge_several_components_with_worse_page_wide_incident_gives_overall_sentence() {
        // Two services degraded and a major outage declared for no component: the count
        // form would say two services are down when they are only degraded.
        let state = live(Snapshot {
            incidents: vec![incident(Level::MajorOutage, &[])],
            ..snapshot(&[("c-app", Level::Degraded), ("c-photos", Level::Degraded)])
        });
        assert_eq!(badge_text(&state, &config(&[]), Locale::En), "Major outage");
    }

    #[test]
    fn badge_maintenance_in_progress_alone() {
        let state = live(Snapshot {
            maintenances: vec![in_progress_maintenance()],
            ..snapshot(&[])
        });
        let view = badge(&state, &config(&[]), Locale::En);
        assert_eq!(view.text, "Maintenance in progress");
        assert_eq!(view.tone, Tone::Level(Level::Maintenance));
        assert!(badge(&state, &config(&[("view", "notice")]), Locale::En).visible);
        assert_eq!(
            badge_text(&state, &config(&[]), Locale::Es),
            "Mantenimiento en curso"
        );
        let one = live(snapshot(&[("c-photos", Level::Maintenance)]));
        assert_eq!(
            badge_text(&one, &config(&[]), Locale::En),
            "Photos: under maintenance"
        );
    }

    #[test]
    fn badge_offline_says_so_with_the_age_of_the_data() {
        let state = stale(
            snapshot(&[("c-app", Level::PartialOutage)]),
            Problem::Offline,
        );
        let view = badge(&state, &config(&[]), Locale::En);
        assert_eq!(view.text, "App Store: partial outage");
        assert_eq!(
            view.age.as_deref(),
            Some("offline — showing status as of 10:42 AM")
        );
        assert!(view
            .aria_label
            .contains("offline — showing status as of 10:42 AM"));
        assert_eq!(
            alert_of(&view),
            Some("App Store: partial outage (offline — showing status as of 10:42 AM)")
        );
        let de = badge(&state, &config(&[]), Locale::De);
        assert_eq!(de.age.as_deref(), Some("offline — Stand 10:42"));
    }

    #[test]
    fn badge_alert_only_when_the_reader_cannot_see_live_status_for_a_stated_reason() {
        let partial = || snapshot(&[("c-app", Level::PartialOutage)]);
        // Live, loading and a failing feed with kept data stay quiet: a feed that flaps
        // would otherwise make the region speak at every poll.
        for state in [
            live(partial()),
            FeedState::default(),
            stale(partial(), Problem::Http(503)),
            stale(partial(), Problem::Network),
        ] {
            assert_eq!(alert_of(&badge(&state, &config(&[]), Locale::En)), None);
        }
        let labelled = badge(
            &unavailable(Problem::Http(503)),
            &config(&[("label", "Apple services")]),
            Locale::En,
        );
        assert_eq!(
            alert_of(&labelled),
            Some("Apple services: Status unavailable — retrying")
        );
    }

    #[test]
    fn badge_spoken_change_carries_the_label_like_the_alerts() {
        let state = live(snapshot(&[("c-app", Level::PartialOutage)]));
        let plain = badge(&state, &config(&[]), Locale::En);
        assert_eq!(plain.spoken, "App Store: partial outage");
        let labelled = badge(&state, &config(&[("label", "Apple services")]), Locale::En);
        assert_eq!(labelled.spoken, "Apple services: App Store: partial outage");
        assert_eq!(
            labelled.text, "App Store: partial outage",
            "the visible text is unchanged"
        );
    }

    #[test]
    fn badge_stale_shows_age_and_label_in_the_accessible_name() {
        let state = stale(
            snapshot(&[("c-app", Level::PartialOutage)]),
            Problem::Network,
        );
        let config = config(&[("label", "Apple services")]);
        let view = badge_view(&ViewInput {
            config: &config,
            state: &state,
            locale: Locale::En,
            zone: &UTC,
            now_ms: now(),
            stale_after_ms: state::stale_after_ms(config.refresh_secs),
            expanded: true,
        });
        assert_eq!(view.label.as_deref(), Some("Apple services"));
        assert_eq!(view.text, "App Store: partial outage");
        assert_eq!(view.age.as_deref(), Some("as of 10:42 AM"));
        assert_eq!(view.age_frame, [" (", ")"]);
        assert_eq!(
            view.aria_label,
            "Apple services: App Store: partial outage (as of 10:42 AM). Status details"
        );
        assert!(view.expanded);
        let fr = badge(&state, &config, Locale::Fr);
        assert_eq!(fr.age.as_deref(), Some("mis à jour\u{a0}: 10:42"));
        assert_eq!(badge(&state, &config, Locale::Ja).age_frame, ["（", "）"]);
        // Every language frames the visible age as its accessible name does.
        for locale in Locale::ALL {
            let [before, after] = age_frame(locale);
            assert_eq!(
                text_with(
                    locale,
                    Msg::Tpl(Tpl::WithAge),
                    &[("text", "T"), ("age", "A")]
                ),
                format!("T{before}A{after}"),
                "{locale:?}"
            );
        }
        assert_eq!(
            fr.aria_label,
            "Apple services\u{a0}: App Store\u{a0}: panne partielle (mis à jour\u{a0}: 10:42). \
             Détails de l’état"
        );
        let de = badge(&state, &config, Locale::De);
        assert_eq!(de.age.as_deref(), Some("Stand 10:42"));
    }

    #[test]
    fn badge_labelled_with_the_one_affected_service_names_it_once() {
        let state = live(snapshot(&[("c-app", Level::PartialOutage)]));
        let view = badge(&state, &config(&[("label", " app store ")]), Locale::En);
        assert_eq!(view.text, "Partial outage");
        assert_eq!(view.aria_label, "app store: Partial outage. Status details");
        // Another label still hears which service it is.
        let other = badge(&state, &config(&[("label", "Apple")]), Locale::En);
        assert_eq!(other.text, "App Store: partial outage");
    }

    #[test]
    fn badge_stale_by_age_alone_in_readers_zone() {
        let state = live(snapshot(&[]));
        let later = now() + 10 * MINUTE_MS;
        let config = config(&[]);
        let view = badge_view(&ViewInput {
            config: &config,
            state: &state,
            locale: Locale::Fr,
            zone: &FixedOffset(60),
            now_ms: later,
            stale_after_ms: state::stale_after_ms(config.refresh_secs),
            expanded: false,
        });
        assert_eq!(view.age.as_deref(), Some("mis à jour\u{a0}: 11:49"));
    }

    #[test]
    fn badge_filter_ignores_unselected_components() {
        let state = live(snapshot(&[("c-app", Level::MajorOutage)]));
        let imessage = config(&[("components", "iMessage"), ("view", "notice")]);
        let view = badge(&state, &imessage, Locale::En);
        assert_eq!(view.text, "iMessage: operational");
        assert!(!view.visible);
        let store = config(&[("components", "store")]);
        assert_eq!(
            badge_text(&state, &store, Locale::En),
            "App Store: major outage"
        );
    }

    #[test]
    fn badge_showing_one_operational_service_names_it_not_all_systems() {
        let state = live(snapshot(&[]));
        let one = config(&[("components", "iMessage")]);
        assert_eq!(
            badge_text(&state, &one, Locale::En),
            "iMessage: operational"
        );
        assert_eq!(
            badge_text(&state, &one, Locale::Fr),
            "iMessage\u{a0}: opérationnel"
        );
        // Under a label that names it, the state alone.
        let labelled = config(&[("components", "iMessage"), ("label", "iMessage")]);
        assert_eq!(badge_text(&state, &labelled, Locale::En), "Operational");
        // Two services shown, or the whole feed: all of them.
        let store = config(&[("components", "store")]);
        assert_eq!(
            badge_text(&state, &store, Locale::En),
            "All systems operational"
        );
        assert_eq!(
            badge_text(&state, &config(&[]), Locale::En),
            "All systems operational"
        );
    }

    #[test]
    fn badge_only_show_if_degraded_component_counts_once_degraded() {
        let state = live(snapshot(&[("c-beta", Level::Degraded)]));
        assert_eq!(
            badge_text(&state, &config(&[]), Locale::En),
            "Beta: degraded performance"
        );
    }

    #[test]
    fn panel_region_is_named_after_the_label_when_there_is_one() {
        let state = live(full_snapshot());
        let labelled = panel(&state, &config(&[("label", "Apple services")]), Locale::En);
        assert_eq!(labelled.labels.region, "Apple services: Service status");
        assert_eq!(labelled.labels.heading, "Service status");
        let ja = panel(&state, &config(&[("label", "Apple")]), Locale::Ja);
        assert_eq!(ja.labels.region, format!("Apple：{}", ja.labels.heading));
    }

    #[test]
    fn ungrouped_services_between_groups_share_one_other_services_heading() {
        let snapshot = Snapshot {
            groups: vec![
                Group {
                    id: "g-store".into(),
                    name: "Store".into(),
                },
                Group {
                    id: "g-cloud".into(),
                    name: "iCloud".into(),
                },
            ],
            components: vec![
                component("c-photos", "Photos", None),
                component("c-app", "App Store", Some("g-store")),
                component("c-imessage", "iMessage", None),
                component("c-drive", "iCloud Drive", Some("g-cloud")),
                component("c-maps", "Maps", None),
                component("c-itunes", "iTunes Store", Some("g-store")),
                component("c-music", "Apple Music", None),
            ],
            ..Snapshot::default()
        };
        let view = panel(&live(snapshot), &config(&[]), Locale::En);
        let groups: Vec<(Option<&str>, Vec<&str>)> = view
            .groups
            .iter()
            .map(|g| {
                let names = g.components.iter().map(|c| c.name.as_str()).collect();
                (g.name.as_deref(), names)
            })
            .collect();
        assert_eq!(
            groups,
            [
                (None, vec!["Photos"]),
                (Some("Store"), vec!["App Store", "iTunes Store"]),
                (
                    Some("Other services"),
                    vec!["iMessage", "Maps", "Apple Music"]
                ),
                (Some("iCloud"), vec!["iCloud Drive"]),
            ]
        );
    }

    #[test]
    fn panel_live_in_english() {
        let state = live(full_snapshot());
        let view = panel(&state, &config(&[]), Locale::En);
        assert_eq!(
            view.labels,
            PanelLabels {
                heading: "Service status".into(),
                region: "Service status".into(),
                close: "Close status details".into(),
                services: "Services".into(),
                incidents: "Incidents".into(),
                no_incidents: "No active incidents".into(),
                resolved: "Recently resolved".into(),
                maintenance: "Maintenance".into(),
                updates: "Updates".into(),
                separator: " · ".into(),
            }
        );
        assert_eq!(
            view.overall,
            StateView {
                tone: Tone::Level(Level::PartialOutage),
                text: "App Store: partial outage".into(),
            }
        );
        assert_eq!(view.notice, None);

        // Groups in feed order; Beta hidden while operational.
        let groups: Vec<(Option<&str>, Option<&str>, Vec<&str>)> = view
            .groups
            .iter()
            .map(|g| {
                (
                    g.name.as_deref(),
                    g.state.as_ref().map(|s| s.text.as_str()),
                    g.components.iter().map(|c| c.name.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            groups,
            [
                (None, None, vec!["Photos"]),
                (
                    Some("Store"),
                    Some("Partial outage"),
                    vec!["App Store", "iTunes Store"]
                ),
                // Ungrouped, but after a group: under a heading of its own.
                (Some("Other services"), None, vec!["iMessage"]),
            ]
        );
        let app = &view.groups[1].components[0];
        assert_eq!(app.id, "c-app");
        assert_eq!(app.state.tone, Tone::Level(Level::PartialOutage));

        // The active incident only, with facts and a newest-first timeline.
        assert_eq!(view.incidents.len(), 1);
        let incident = &view.incidents[0];
        assert_eq!(incident.title, "Purchases fail");
        assert_eq!(incident.status, "Identified");
        assert_eq!(incident.state.text, "Partial outage");
        assert_eq!(
            incident.facts,
            owned(&[
                ("Started", "8:50 AM (2 h ago)"),
                ("Affects", "App Store, iTunes Store"),
                ("Users affected", "Some users cannot buy"),
            ])
        );
        assert_eq!(
            incident.updates,
            [
                UpdateView {
                    status: "Identified".into(),
                    body: "We found the cause.".into(),
                    time: "9:30 AM".into(),
                    age_suffix: " (1 h ago)".into(),
                    datetime: "2024-11-20T09:30:00Z".into(),
                },
                UpdateView {
                    status: "Investigating".into(),
                    body: "We are looking into it.".into(),
                    time: "8:50 AM".into(),
                    age_suffix: " (2 h ago)".into(),
                    datetime: "2024-11-20T08:50:00Z".into(),
                },
            ]
        );
        assert_eq!(
            incident.link,
            Some(LinkView {
                href: "https://status.example.com/incidents/1".into(),
                text: "Details".into(),
                name: Some(format!("Details: {}", incident.title)),
            })
        );

        // In progress first, then upcoming; completed and past ones left out.
        let maintenances: Vec<(&str, &str, &Facts)> = view
            .maintenances
            .iter()
            .map(|m| (m.id.as_str(), m.status.as_str(), &m.facts))
            .collect();
        assert_eq!(
            maintenances,
            [
                (
                    "m-now",
                    "In progress",
                    &owned(&[("Window", "10:00 AM – 12:00 PM")])
                ),
                (
                    "m-tomorrow",
                    "Scheduled",
                    &owned(&[
                        ("Window", "Nov 21, 2:00 AM – 6:00 AM"),
                        ("Affects", "Photos")
                    ])
                ),
            ]
        );
        assert_eq!(view.maintenances[0].state.text, "Maintenance");

        assert_eq!(
            view.updated.as_deref(),
            Some("Updated 10:49 AM (1 min ago)")
        );
        assert_eq!(
            view.link,
            Some(LinkView {
                href: "https://status.example.com".into(),
                text: "View full status page".into(),
                name: None,
            })
        );
    }

    #[test]
    fn panel_live_in_french() {
        let state = live(full_snapshot());
        let view = panel(&state, &config(&[]), Locale::Fr);
        assert_eq!(view.labels.heading, "État des services");
        assert_eq!(view.labels.no_incidents, "Aucun incident en cours");
        assert_eq!(view.overall.text, "App Store\u{a0}: panne partielle");
        let incident = &view.incidents[0];
        assert_eq!(incident.status, "Cause identifiée");
        assert_eq!(
            incident.facts,
            owned(&[
                ("Début", "08:50 (il y a 2 h)"),
                ("Concerne", "App Store, iTunes Store"),
                ("Utilisateurs concernés", "Some users cannot buy"),
            ])
        );
        assert_eq!(incident.updates[0].status, "Cause identifiée");
        assert_eq!(incident.updates[0].time, "09:30");
        assert_eq!(incident.updates[0].age_suffix, " (il y a 1 h)");
        // Japanese writes the age in full-width parentheses, as its other templates do.
        let ja = panel(&state, &config(&[]), Locale::Ja);
        assert_eq!(ja.incidents[0].updates[0].age_suffix, "（1時間前）");
        assert_eq!(view.maintenances[0].status, "En cours");
        assert_eq!(
            view.maintenances[1].facts[0],
            ("Période".to_owned(), "21 nov., 02:00 – 06:00".to_owned())
        );
        assert_eq!(
            view.updated.as_deref(),
            Some("Dernière mise à jour\u{a0}: 10:49 (il y a 1 min)")
        );
        assert_eq!(
            view.link.map(|l| l.text).as_deref(),
            Some("Voir la page d’état complète")
        );
    }

    #[test]
    fn badge_and_panel_in_portuguese() {
        let one = live(snapshot(&[("c-app", Level::PartialOutage)]));
        let two = live(snapshot(&[
            ("c-app", Level::MajorOutage),
            ("c-photos", Level::MajorOutage),
        ]));
        let fine = live(snapshot(&[]));
        for locale in [Locale::Pt, Locale::PtPt] {
            assert_eq!(
                badge_text(&one, &config(&[]), locale),
                "App Store: interrupção parcial"
            );
            assert_eq!(
                badge_text(&two, &config(&[]), locale),
                "Interrupção grave (2 serviços)"
            );
            assert_eq!(
                badge_text(&fine, &config(&[]), locale),
                "Todos os sistemas estão operacionais"
            );
            assert_eq!(
                badge_text(&fine, &config(&[("components", "iMessage")]), locale),
                "iMessage: operacional"
            );
        }
        let closed = |locale| badge(&one, &config(&[]), locale).aria_label;
        assert_eq!(
            closed(Locale::Pt),
            "App Store: interrupção parcial. Detalhes do status"
        );
        assert_eq!(
            closed(Locale::PtPt),
            "App Store: interrupção parcial. Detalhes do estado"
        );

        let state = live(full_snapshot());
        let view = panel(&state, &config(&[]), Locale::Pt);
        assert_eq!(view.labels.heading, "Status dos serviços");
        assert_eq!(view.labels.no_incidents, "Nenhum incidente ativo");
        let incident = &view.incidents[0];
        assert_eq!(incident.status, "Causa identificada");
        assert_eq!(
            incident.facts,
            owned(&[
                ("Início", "08:50 (há 2 h)"),
                ("Afeta", "App Store, iTunes Store"),
                ("Usuários afetados", "Some users cannot buy"),
            ])
        );
        assert_eq!(incident.updates[1].status, "Investigando");
        assert_eq!(incident.updates[0].time, "09:30");
        assert_eq!(incident.updates[0].age_suffix, " (há 1 h)");
        assert_eq!(view.maintenances[0].status, "Em andamento");
        assert_eq!(
            view.maintenances[1].facts[0],
            ("Período".to_owned(), "21 de nov., 02:00 – 06:00".to_owned())
        );
        assert_eq!(
            view.updated.as_deref(),
            Some("Última atualização: 10:49 (há 1 min)")
        );
        assert_eq!(
            view.link.map(|l| l.text).as_deref(),
            Some("Ver a página de status completa")
        );

        let view = panel(&state, &config(&[]), Locale::PtPt);
        assert_eq!(view.labels.heading, "Estado dos serviços");
        let incident = &view.incidents[0];
        assert_eq!(incident.facts[2].0, "Utilizadores afetados");
        assert_eq!(incident.updates[1].status, "Em investigação");
        assert_eq!(view.maintenances[0].status, "Em curso");
        assert_eq!(
            view.link.map(|l| l.text).as_deref(),
            Some("Ver a página de estado completa")
        );

        let mut state = stale(full_snapshot(), Problem::Network);
        state.apply(Action::Scheduled {
            at_ms: now() + 2 * MINUTE_MS,
        });
        let cases = [
            (
                Locale::Pt,
                "Mostrando o último status conhecido: não foi possível acessar o feed de \
                 status. Próxima tentativa em 2 min.",
            ),
            (
                Locale::PtPt,
                "A mostrar o último estado conhecido: não foi possível aceder ao feed de \
                 estado. Próxima tentativa dentro de 2 min.",
            ),
        ];
        for (locale, want) in cases {
            let view = panel(&state, &config(&[]), locale);
            assert_eq!(view.notice.as_deref(), Some(want), "{locale:?}");
        }
    }

    #[test]
    fn panel_filter_narrows_groups_and_affected_names() {
        let state = live(full_snapshot());
        let view = panel(&state, &config(&[("components", "App Store")]), Locale::En);
        assert_eq!(view.groups.len(), 1);
        assert_eq!(view.groups[0].name.as_deref(), Some("Store"));
        assert_eq!(view.groups[0].components.len(), 1);
        assert_eq!(
            view.incidents[0].facts[1],
            ("Affects".to_owned(), "App Store".to_owned())
        );
        // The page-wide maintenance stays; the one for Photos goes.
        let ids: Vec<&str> = view.maintenances.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["m-now"]);
    }

    #[test]
    fn affects_lists_at_most_the_limit_and_counts_the_rest() {
        let count = AFFECTED_NAMES_MAX + 3;
        let mut snapshot = many(count, 0, &[]);
        let ids: Vec<String> = (0..count).map(|i| format!("c{i}")).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let listed: Vec<String> = (0..AFFECTED_NAMES_MAX)
            .map(|i| format!("Service {i}"))
            .collect();
        // An Apple event has no title: it is titled by the same, shortened, names.
        let mut untitled = incident(Level::MajorOutage, &ids);
        untitled.id = "i-untitled".into();
        untitled.title = String::new();
        snapshot.incidents = vec![incident(Level::MajorOutage, &ids), untitled];
        let state = live(snapshot);
        for (locale, more) in [(Locale::En, "3 more"), (Locale::Fr, "3 autres")] {
            let want = format!("{}, {more}", listed.join(", "));
            let view = panel(&state, &config(&[]), locale);
            let titled = view.incidents.iter().find(|i| i.id == "i-purchases");
            let affects = titled.and_then(|i| i.facts.iter().find(|(_, v)| v.contains(more)));
            assert_eq!(affects.map(|(_, v)| v), Some(&want), "{locale:?}");
            let untitled = view.incidents.iter().find(|i| i.id == "i-untitled");
            assert_eq!(untitled.map(|i| &i.title), Some(&want), "{locale:?}");
        }
        // Exactly the limit lists every name.
        let mut snapshot = many(AFFECTED_NAMES_MAX, 0, &[]);
        snapshot.incidents = vec![incident(Level::MajorOutage, &ids[..AFFECTED_NAMES_MAX])];
        let view = panel(&live(snapshot), &config(&[]), Locale::En);
        let affects = &view.incidents[0].facts[1];
        assert_eq!(affects, &("Affects".to_owned(), listed.join(", ")));
    }

    #[test]
    fn affects_tells_services_of_one_name_apart_by_their_groups() {
        // Two regions, each with an "API" and a "Web"; an ungrouped "API" and "Status", a
        // second "Web" in region 1, and region 0's own member named "Region 0".
        let mut snapshot = many(4, 2, &[]);
        for (at, name) in [(0, "API"), (1, "Web"), (2, "API"), (3, "Web")] {
            snapshot.components[at].name = name.into();
        }
        snapshot.components.push(component("c4", "API", None));
        snapshot.components.push(component("c5", "Status", None));
        snapshot.components.push(component("c6", "Web", Some("g1")));
        snapshot
            .components
            .push(component("c7", "Region 0", Some("g0")));
        let cases: [(&[&str], Locale, &str); 8] = [
            (&["c0", "c2"], Locale::En, "API (Region 0), API (Region 1)"),
            (
                &["c0", "c2"],
                Locale::Ja,
                "API（Region 0）、API（Region 1）",
            ),
            // A name that comes once keeps its group to itself.
            (&["c0", "c3"], Locale::En, "API, Web"),
            // An ungrouped service of the same name has no group to name.
            (
                &["c4", "c2", "c5"],
                Locale::En,
                "API, API (Region 1), Status",
            ),
            // Two of one name in one group: their group tells them apart from nothing.
            (&["c3", "c6"], Locale::En, "Web, Web"),
            (
                &["c1", "c3", "c6"],
                Locale::En,
                "Web (Region 0), Web (Region 1), Web (Region 1)",
            ),
            // A group's name is not added to its own name.
            (&["g0", "c7"], Locale::En, "Region 0, Region 0"),
            // The feed's list as it is: an id listed twice is named twice.
            (&["c0", "c0", "c5"], Locale::En, "API, API, Status"),
        ];
        for (ids, locale, want) in cases {
            let mut snapshot = snapshot.clone();
            snapshot.incidents = vec![incident(Level::MajorOutage, ids)];
            let view = panel(&live(snapshot), &config(&[]), locale);
            let affects = view.incidents[0].facts.get(1).map(|(_, v)| v.as_str());
            assert_eq!(affects, Some(want), "{ids:?} {locale:?}");
        }
    }

    /// `count` services, every `per_group` of them in a group of their own (0: ungrouped),
    /// with the given levels by position.
    fn many(count: usize, per_group: usize, levels: &[(usize, Level)]) -> Snapshot {
        let group_of = |i: usize| (per_group > 0).then(|| format!("g{}", i / per_group));
        let mut components: Vec<Component> = (0..count)
            .map(|i| {
                let id = format!("c{i}");
                let name = format!("Service {i}");
                component(&id, &name, group_of(i).as_deref())
            })
            .collect();
        for &(at, level) in levels {
            components[at].level = level;
        }
        let groups = (0..count.div_ceil(per_group.max(1)))
            .filter(|_| per_group > 0)
            .map(|g| Group {
                id: format!("g{g}"),
                name: format!("Region {g}"),
            })
            .collect();
        Snapshot {
            groups,
            components,
            ..Snapshot::default()
        }
    }

    fn row_ids(view: &PanelView) -> Vec<String> {
        let rows = view.groups.iter().flat_map(|g| &g.components);
        rows.map(|c| c.id.clone()).collect()
    }

    #[test]
    fn panel_lists_every_row_up_to_the_limit() {
        let state = live(many(PANEL_ROWS_MAX, 0, &[(7, Level::Degraded)]));
        let view = panel(&state, &config(&[]), Locale::En);
        assert_eq!(row_ids(&view).len(), PANEL_ROWS_MAX);
        assert_eq!(view.not_shown, None);
    }

    #[test]
    fn panel_past_the_limit_lists_what_is_not_operational_and_counts_the_rest() {
        let count = PANEL_ROWS_MAX + 1;
        let state = live(many(
            count,
            10,
            &[
                (3, Level::Degraded),
                (57, Level::MajorOutage),
                (100, Level::Maintenance),
            ],
        ));
        let view = panel(&state, &config(&[]), Locale::En);
        assert_eq!(row_ids(&view), ["c3", "c57", "c100"]);
        // Only the groups with a listed row; each keeps its place and its worst state.
        let groups: Vec<(Option<&str>, Option<&str>)> = view
            .groups
            .iter()
            .map(|g| (g.name.as_deref(), g.state.as_ref().map(|s| s.text.as_str())))
            .collect();
        assert_eq!(
            groups,
            [
                (Some("Region 0"), Some("Degraded performance")),
                (Some("Region 5"), Some("Major outage")),
                (Some("Region 10"), Some("Maintenance")),
            ]
        );
        assert_eq!(
            view.not_shown.as_deref(),
            Some("98 operational services not shown")
        );
        // The badge still counts every service.
        assert_eq!(
            badge_text(&state, &config(&[]), Locale::En),
            "Service 57: major outage"
        );
    }

    #[test]
    fn panel_past_the_limit_with_everything_operational_lists_no_row() {
        let state = live(many(5000, 0, &[]));
        let view = panel(&state, &config(&[]), Locale::De);
        assert!(view.groups.is_empty());
        assert_eq!(
            view.not_shown.as_deref(),
            Some("5000 betriebsbereite Dienste nicht angezeigt")
        );
    }

    #[test]
    fn panel_past_the_limit_lists_at_most_the_limit_and_states_groups_by_every_member() {
        // Every service degraded but the last of the second group, which is down: it is
        // past the limit, and its group still says "Major outage". The third group has
        // no listed row, and no place in the list.
        let count = PANEL_ROWS_MAX + 50;
        let mut levels: Vec<(usize, Level)> = (0..count).map(|i| (i, Level::Degraded)).collect();
        levels.push((119, Level::MajorOutage));
        let state = live(many(count, 60, &levels));
        let view = panel(&state, &config(&[]), Locale::En);
        assert_eq!(row_ids(&view).len(), PANEL_ROWS_MAX);
        assert_eq!(view.groups.len(), 2);
        assert_eq!(
            view.groups[1].state.as_ref().map(|s| s.tone),
            Some(Tone::Level(Level::MajorOutage))
        );
        assert_eq!(view.not_shown.as_deref(), Some("50 services not shown"));
    }

    #[test]
    fn panel_limit_counts_the_rows_the_filter_and_only_show_if_degraded_leave() {
        let mut snapshot = many(PANEL_ROWS_MAX + 20, 0, &[(1, Level::PartialOutage)]);
        for c in snapshot.components.iter_mut().skip(PANEL_ROWS_MAX) {
            c.only_show_if_degraded = true;
        }
        let view = panel(&live(snapshot), &config(&[]), Locale::En);
        assert_eq!(row_ids(&view).len(), PANEL_ROWS_MAX);
        assert_eq!(view.not_shown, None);
    }

    #[test]
    fn panel_lists_at_most_twenty_incidents_and_maintenances_and_ten_updates_each() {
        let mut snapshot = snapshot(&[]);
        snapshot.incidents = (0..EVENTS_MAX as i64 + 5)
            .map(|i| {
                let started = at("2024-11-20T08:00:00Z") + i * MINUTE_MS;
                Incident {
                    id: format!("i{i}"),
                    started_at_ms: Some(started),
                    updates: (0..UPDATES_MAX as i64 + 2)
                        .map(|u| Update {
                            status: "investigating".into(),
                            body: format!("Update {u}"),
                            at_ms: Some(started + u * 1000),
                            affected: vec![],
                        })
                        .collect(),
                    ..incident(Level::Degraded, &[])
                }
            })
            .collect();
        snapshot.maintenances = (0..EVENTS_MAX as i64 + 1)
            .map(|m| {
                let start = at("2024-11-21T10:00:00Z") + m * MINUTE_MS;
                Maintenance {
                    starts_at_ms: Some(start),
                    ends_at_ms: Some(start + MINUTE_MS),
                    ..maintenance(
                        &format!("m{m}"),
                        MaintenanceStatus::Scheduled,
                        ("2024-11-21T10:00:00Z", "2024-11-21T11:00:00Z"),
                        &[],
                    )
                }
            })
            .collect();
        let view = panel(&live(snapshot.clone()), &config(&[]), Locale::En);
        // The newest incidents, the soonest maintenances, the newest updates.
        assert_eq!(view.incidents.len(), EVENTS_MAX);
        assert_eq!(view.incidents[0].id, "i24");
        assert_eq!(view.incidents[EVENTS_MAX - 1].id, "i5");
        assert_eq!(
            view.more_incidents.as_deref(),
            Some("5 more on the full status page")
        );
        let first = &view.incidents[0];
        assert_eq!(first.updates.len(), UPDATES_MAX);
        assert_eq!(first.updates[0].body, "Update 11");
        assert_eq!(first.updates[UPDATES_MAX - 1].body, "Update 2");
        assert_eq!(
            first.more_updates.as_deref(),
            Some("2 more on the full status page")
        );
        assert_eq!(view.maintenances.len(), EVENTS_MAX);
        assert_eq!(view.maintenances[0].id, "m0");
        assert_eq!(
            view.more_maintenances.as_deref(),
            Some("1 more on the full status page")
        );
        let french = panel(&live(snapshot), &config(&[]), Locale::Fr);
        assert_eq!(
            french.more_maintenances.as_deref(),
            Some("1 autre sur la page d’état complète")
        );
        // A short list says nothing more.
        let short = panel(&live(full_snapshot()), &config(&[]), Locale::En);
        assert_eq!(short.more_incidents, None);
        assert_eq!(short.more_maintenances, None);
        assert!(short.incidents.iter().all(|i| i.more_updates.is_none()));
    }

    #[test]
    fn panel_stale_notice_explains_and_gives_next_try() {
        let mut state = stale(full_snapshot(), Problem::Network);
        state.apply(Action::Scheduled {
            at_ms: now() + 2 * MINUTE_MS,
        });
        let cases = [
            (
                Locale::En,
                "Showing the last known status: the status feed could not be reached. \
                 Next try in 2 min.",
            ),
            (
                Locale::Fr,
                "Affichage du dernier état connu\u{a0}: le flux d’état est injoignable. \
                 Prochain essai dans 2 min.",
            ),
            (
                Locale::Ja,
                "最後に取得したステータスを表示しています（ステータスフィードに接続できませんでした）。\
                 次回の再試行は2分後です。",
            ),
        ];
        for (locale, want) in cases {
            let view = panel(&state, &config(&[]), locale);
            assert_eq!(view.notice.as_deref(), Some(want), "{locale:?}");
        }
        // German abbreviates the unit with a full stop, which also ends the sentence.
        let german = panel(&state, &config(&[]), Locale::De)
            .notice
            .unwrap_or_default();
        assert!(german.ends_with(" Nächster Versuch in 2 Min."), "{german}");
        // The kept data is still shown, with its time.
        let view = panel(&state, &config(&[]), Locale::En);
        assert_eq!(view.incidents.len(), 1);
        assert_eq!(
            view.updated.as_deref(),
            Some("Updated 10:42 AM (8 min ago)")
        );
        // A try due now (its timer about to fire) is not announced as "in 0 s".
        state.apply(Action::Scheduled { at_ms: now() });
        let view = panel(&state, &config(&[]), Locale::En);
        assert_eq!(
            view.notice.as_deref(),
            Some("Showing the last known status: the status feed could not be reached.")
        );
    }

    #[test]
    fn panel_stale_by_age_while_fetching_says_retrying() {
        let mut state = live(snapshot(&[]));
        state.apply(Action::FetchStarted);
        let later = now() + 10 * MINUTE_MS;
        let config = config(&[]);
        let view = panel_view(&ViewInput {
            config: &config,
            state: &state,
            locale: Locale::En,
            zone: &UTC,
            now_ms: later,
            stale_after_ms: state::stale_after_ms(config.refresh_secs),
            expanded: true,
        });
        assert_eq!(
            view.notice.as_deref(),
            Some("Showing the last known status, as of 10:49 AM. Retrying now.")
        );
    }

    #[test]
    fn panel_stale_after_format_change_says_so() {
        let state = stale(
            snapshot(&[]),
            Problem::FormatChanged {
                from: Format::Statuspage,
                to: Format::Apple,
            },
        );
        let view = panel(&state, &config(&[]), Locale::De);
        assert_eq!(
            view.notice.as_deref(),
            Some("Letzter bekannter Status wird angezeigt: der Status-Feed hat sein Format geändert.")
        );
    }

    #[test]
    fn panel_unavailable_says_status_unavailable_once_with_why_and_the_link() {
        // QA: with nothing ever fetched, the badge said "Status unavailable — retrying"
        // and the open panel said "Status unavailable" twice more: in its notice and in
        // its overall line.
        let state = unavailable(Problem::Network);
        let linked = config(&[("link", "https://status.example.com/")]);
        for locale in Locale::ALL {
            let view = panel(&state, &linked, locale);
            let shown: Vec<&str> = (view.notice.iter())
                .chain(view.overall_shown.then_some(&view.overall.text))
                .map(String::as_str)
                .collect();
            let unavailable = match locale {
                Locale::En | Locale::EnCa | Locale::EnGb | Locale::En001 => "Status unavailable",
                Locale::Fr | Locale::FrCa => "État indisponible",
                Locale::De => "Status nicht verfügbar",
                Locale::Es | Locale::Es419 | Locale::EsAr => "Estado no disponible",
                Locale::Pt => "Status indisponível",
                Locale::PtPt => "Estado indisponível",
                Locale::Ja => "ステータスを取得できません",
            };
            let times: usize = shown.iter().map(|t| t.matches(unavailable).count()).sum();
            assert_eq!(times, 1, "{locale:?} says {unavailable:?} in {shown:?}");
            let notice = view.notice.as_deref().unwrap_or_default();
            assert!(
                notice.contains(&problem_text(locale, &Problem::Network)),
                "{locale:?}: what happened, in {notice:?}"
            );
            assert_eq!(
                view.link.as_ref().map(|l| l.href.as_str()),
                Some("https://status.example.com/"),
                "{locale:?}"
            );
        }
        let view = panel(&state, &config(&[]), Locale::En);
        assert!(!view.overall_shown);
        assert_eq!(
            view.notice.as_deref(),
            Some("Status unavailable: the status feed could not be reached.")
        );
        assert!(
            view.fallback,
            "no link known: the page's own fallback link shows"
        );
    }

    #[test]
    fn panel_unavailable_has_notice_and_no_data() {
        let state = unavailable(Problem::Http(503));
        let view = panel(&state, &config(&[]), Locale::En);
        assert_eq!(view.overall.tone, Tone::Unknown);
        assert_eq!(view.overall.text, "Status unavailable — retrying");
        assert_eq!(
            view.notice.as_deref(),
            Some("Status unavailable: the status feed answered with an error (HTTP 503).")
        );
        assert!(!view.known, "no incident list, not even an empty one");
        assert!(view.groups.is_empty() && view.incidents.is_empty());
        assert_eq!(view.updated, None);
        assert_eq!(view.link, None);
        assert!(
            view.fallback,
            "no status and no link: the page's fallback shows"
        );
        let linked = panel(
            &state,
            &config(&[("link", "https://www.apple.com/support/systemstatus/")]),
            Locale::Es,
        );
        assert_eq!(
            linked.link,
            Some(LinkView {
                href: "https://www.apple.com/support/systemstatus/".into(),
                text: "Ver la página de estado completa".into(),
                name: None,
            })
        );
        assert_eq!(
            linked.notice.as_deref(),
            Some("Estado no disponible: el feed de estado respondió con un error (HTTP 503).")
        );
        assert!(
            !linked.fallback,
            "the link to the status page shows instead"
        );
    }

    #[test]
    fn panel_shows_the_pages_fallback_whenever_the_feed_fails_and_no_link_is_known() {
        let mut bare = snapshot(&[]);
        bare.page.url = None;
        // Failing after a good answer (an Apple feed names no status page).
        let failing = panel(
            &stale(bare.clone(), Problem::Http(503)),
            &config(&[]),
            Locale::En,
        );
        assert_eq!(failing.link, None);
        assert!(
            failing.fallback,
            "the last known status, and the page's link beside it"
        );
        // Read, or linked: no fallback.
        assert!(!panel(&live(bare.clone()), &config(&[]), Locale::En).fallback);
        let linked = config(&[("link", "https://status.example.com/")]);
        let failing = panel(
            &stale(bare.clone(), Problem::Http(503)),
            &linked,
            Locale::En,
        );
        assert!(failing.link.is_some() && !failing.fallback);
        // A selection that names nothing in a feed that is read is no failure of the feed.
        let typo = config(&[("components", "App Stor")]);
        let view = panel(&live(bare), &typo, Locale::En);
        assert_eq!(view.overall.tone, Tone::Unknown);
        assert!(!view.fallback);
    }

    #[test]
    fn panel_shows_the_pages_fallback_when_it_leaves_entries_out_and_no_link_is_known() {
        // "N more on the full status page" must not point at a page the panel cannot
        // link: the host's fallback link (to that page) shows beside it.
        let updates = |n: i64| -> Vec<Update> {
            (0..n)
                .map(|u| Update {
                    status: "investigating".into(),
                    body: format!("Update {u}"),
                    at_ms: Some(at("2024-11-20T09:00:00Z") + u * 1000),
                    affected: vec![],
                })
                .collect()
        };
        let mut bare = snapshot(&[]);
        bare.page.url = None;
        let long_timeline = |mut incident: Incident| {
            incident.updates = updates(UPDATES_MAX as i64 + 1);
            incident
        };
        let mut resolved = long_timeline(incident(Level::MajorOutage, &[]));
        resolved.status = IncidentStatus::Resolved;
        resolved.resolved_at_ms = Some(now() - MINUTE_MS);
        let mut in_progress = in_progress_maintenance();
        in_progress.updates = updates(UPDATES_MAX as i64 + 1);
        let cases: [(&str, Snapshot); 5] = [
            (
                "too many incidents",
                Snapshot {
                    incidents: (0..=EVENTS_MAX)
                        .map(|i| Incident {
                            id: format!("i{i}"),
                            ..incident(Level::Degraded, &[])
                        })
                        .collect(),
                    ..bare.clone()
                },
            ),
            (
                "too many maintenances",
                Snapshot {
                    maintenances: (0..=EVENTS_MAX)
                        .map(|m| Maintenance {
                            id: format!("m{m}"),
                            ..in_progress_maintenance()
                        })
                        .collect(),
                    ..bare.clone()
                },
            ),
            (
                "an incident's long timeline",
                Snapshot {
                    incidents: vec![long_timeline(incident(Level::Degraded, &[]))],
                    ..bare.clone()
                },
            ),
            (
                "a resolved incident's long timeline",
                Snapshot {
                    incidents: vec![resolved],
                    ..bare.clone()
                },
            ),
            (
                "a maintenance's long timeline",
                Snapshot {
                    maintenances: vec![in_progress],
                    ..bare.clone()
                },
            ),
        ];
        let linked = config(&[("link", "https://status.example.com/")]);
        for (case, snapshot) in cases {
            let view = panel(&live(snapshot.clone()), &config(&[]), Locale::En);
            assert_eq!(view.link, None, "{case}");
            assert!(view.fallback, "{case}: the fallback shows");
            assert!(
                !panel(&live(snapshot), &linked, Locale::En).fallback,
                "{case}: linked"
            );
        }
        let short = Snapshot {
            incidents: vec![incident(Level::Degraded, &[])],
            maintenances: vec![in_progress_maintenance()],
            ..bare
        };
        assert!(!panel(&live(short), &config(&[]), Locale::En).fallback);
    }

    #[test]
    fn panel_loading_has_no_notice() {
        let view = panel(&FeedState::default(), &config(&[]), Locale::En);
        assert_eq!(view.overall.tone, Tone::Loading);
        assert_eq!(view.overall.text, "Loading status…");
        assert_eq!(view.notice, None);
        assert_eq!(view.updated, None);
    }

    #[test]
    fn panel_link_prefers_config_and_rejects_non_web_urls() {
        let mut hostile = full_snapshot();
        hostile.page.url = Some("javascript:alert(1)".into());
        hostile.incidents[1].url = Some("data:text/html,hi".into());
        let state = live(hostile);
        let view = panel(&state, &config(&[]), Locale::En);
        assert_eq!(view.link, None);
        assert_eq!(view.incidents[0].link, None);
        let configured = panel(
            &state,
            &config(&[("link", "https://example.org/status")]),
            Locale::En,
        );
        assert_eq!(
            configured.link.map(|l| l.href).as_deref(),
            Some("https://example.org/status")
        );
    }

    #[test]
    fn panel_feed_text_is_kept_verbatim() {
        let mut snap = full_snapshot();
        snap.incidents[1].title = "<b>{name}</b> & co".into();
        let view = panel(&live(snap), &config(&[]), Locale::En);
        assert_eq!(view.incidents[0].title, "<b>{name}</b> & co");
    }
}
