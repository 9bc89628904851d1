//! View-models: everything the badge and the panel show, already decided and translated.
//!
//! The `ui` layer renders these as they are. Every string here is final text in the
//! reader's language (from [`crate::core::i18n`]) and plain text, never HTML.

use crate::core::config::Config;
use crate::core::i18n::Locale;
use crate::core::model::Level;
use crate::core::state::FeedState;
use crate::core::time::ZoneOffset;

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
    /// The state in words ("All systems operational", "App Store: partial outage").
    pub text: String,
    /// How old the data is when it is stale ("as of 10:42"); `None` when live.
    pub age: Option<String>,
    /// The accessible name of the badge button: label, state, age and what activating does.
    pub aria_label: String,
    /// True when the panel is open (`aria-expanded`).
    pub expanded: bool,
    /// False for `view="notice"` while everything is operational: render nothing.
    pub visible: bool,
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
    /// Relative age ("5 min ago"), empty when unknown.
    pub age: String,
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
    /// Timeline, newest first.
    pub updates: Vec<UpdateView>,
    /// A page about it (`http`/`https` only).
    pub url: Option<String>,
}

/// A link out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkView {
    /// `http`/`https` URL.
    pub href: String,
    /// Link text.
    pub text: String,
}

/// Headings and fixed texts of the panel, translated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelLabels {
    /// The panel's heading and accessible name ("Service status").
    pub heading: String,
    /// The close button's accessible name ("Close status details").
    pub close: String,
    /// Heading of the component list ("Services").
    pub services: String,
    /// Heading of the incident list ("Incidents").
    pub incidents: String,
    /// Shown when there is no active incident ("No active incidents").
    pub no_incidents: String,
    /// Heading of the maintenance list ("Scheduled maintenance").
    pub maintenance: String,
    /// Heading of a timeline ("Updates").
    pub updates: String,
    /// Link text for an event's own page ("Details").
    pub details: String,
}

/// The detail panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelView {
    /// Fixed texts.
    pub labels: PanelLabels,
    /// The overall state, as on the badge.
    pub overall: StateView,
    /// A notice about the data itself: "Showing the last known status: the feed could
    /// not be reached. Next try in 2 min." or "Status unavailable — retrying".
    pub notice: Option<String>,
    /// Component rows, grouped as the feed groups them.
    pub groups: Vec<GroupView>,
    /// Active incidents, newest first.
    pub incidents: Vec<EventView>,
    /// In-progress first, then scheduled, soonest first.
    pub maintenances: Vec<EventView>,
    /// "Updated 10:42 (2 min ago)"; `None` before the first success.
    pub updated: Option<String>,
    /// The full status page.
    pub link: Option<LinkView>,
}

/// The badge for `input`.
pub fn badge_view(input: &ViewInput<'_>) -> BadgeView {
    BadgeView {
        tone: Tone::Loading,
        label: input.config.label.clone(),
        text: String::new(),
        age: None,
        aria_label: String::new(),
        expanded: input.expanded,
        visible: true,
    }
}

/// The panel for `input`.
pub fn panel_view(input: &ViewInput<'_>) -> PanelView {
    let _ = input;
    PanelView {
        labels: PanelLabels {
            heading: String::new(),
            close: String::new(),
            services: String::new(),
            incidents: String::new(),
            no_incidents: String::new(),
            maintenance: String::new(),
            updates: String::new(),
            details: String::new(),
        },
        overall: StateView {
            tone: Tone::Loading,
            text: String::new(),
        },
        notice: None,
        groups: vec![],
        incidents: vec![],
        maintenances: vec![],
        updated: None,
        link: None,
    }
}
