//! The normalised status model that every feed format is read into.
//!
//! These are the "high-level" values of the two-layer design: each format's reader in
//! `core::feed::*` normalises its document into a [`Snapshot`]. The model is also
//! Telltale's own feed format (see `www/telltale-feed.schema.json`, read and written by
//! `core::feed::telltale`), so its spellings ([`Level::as_str`] and the statuses') are a
//! public contract: change them only on purpose.

use std::collections::{HashMap, HashSet};

enum_with_all! {
    /// How well a service works, ordered from best to worst.
    ///
    /// The order is the product rule for "worst of": operational < maintenance < degraded <
    /// partial outage < major outage.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Level {
        /// Working normally.
        #[default]
        Operational,
        /// Planned maintenance is in progress.
        Maintenance,
        /// Working, but slower or less reliable than normal.
        Degraded,
        /// Some features or some users are affected.
        PartialOutage,
        /// Not working.
        MajorOutage,
    }

    /// Every level, best first.
    const ALL;
}

impl Level {
    /// The spelling used in the model, the CLI and the `telltale:change` event.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Operational => "operational",
            Level::Maintenance => "maintenance",
            Level::Degraded => "degraded",
            Level::PartialOutage => "partial_outage",
            Level::MajorOutage => "major_outage",
        }
    }

    /// Reads the spelling of [`Level::as_str`].
    pub fn from_name(name: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == name)
    }

    /// True when something is wrong or under maintenance.
    pub fn is_notable(self) -> bool {
        self != Level::Operational
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

enum_with_all! {
    /// Where an incident stands in its lifecycle.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum IncidentStatus {
        /// The provider is looking into it (Statuspage `investigating`).
        Investigating,
        /// The cause is known (Statuspage `identified`).
        Identified,
        /// A fix is in place and being watched (Statuspage `monitoring`).
        Monitoring,
        /// Happening now, with no finer stage given (Apple `ongoing`).
        Ongoing,
        /// Over (Statuspage `resolved`, Apple `resolved`).
        Resolved,
        /// Over, with a write-up (Statuspage `postmortem`).
        Postmortem,
    }

    /// Every status, in lifecycle order.
    const ALL;
}

impl IncidentStatus {
    /// Reads the spelling of [`IncidentStatus::as_str`].
    pub fn from_name(name: &str) -> Option<IncidentStatus> {
        IncidentStatus::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// The spelling used in the model and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            IncidentStatus::Investigating => "investigating",
            IncidentStatus::Identified => "identified",
            IncidentStatus::Monitoring => "monitoring",
            IncidentStatus::Ongoing => "ongoing",
            IncidentStatus::Resolved => "resolved",
            IncidentStatus::Postmortem => "postmortem",
        }
    }

    /// True while the incident still affects users.
    pub fn is_active(self) -> bool {
        !matches!(self, IncidentStatus::Resolved | IncidentStatus::Postmortem)
    }
}

enum_with_all! {
    /// Where a maintenance window stands.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum MaintenanceStatus {
        /// Announced, not started.
        Scheduled,
        /// Under way.
        InProgress,
        /// Work done, being checked.
        Verifying,
        /// Over.
        Completed,
    }

    /// Every status, in lifecycle order.
    const ALL;
}

impl MaintenanceStatus {
    /// Reads the spelling of [`MaintenanceStatus::as_str`].
    pub fn from_name(name: &str) -> Option<MaintenanceStatus> {
        MaintenanceStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == name)
    }

    /// The spelling used in the model and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            MaintenanceStatus::Scheduled => "scheduled",
            MaintenanceStatus::InProgress => "in_progress",
            MaintenanceStatus::Verifying => "verifying",
            MaintenanceStatus::Completed => "completed",
        }
    }
}

/// One service, or one part of a service, that the feed reports on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    /// Stable identifier within the feed (Statuspage id; Apple: the service name).
    pub id: String,
    /// Name as shown to people.
    pub name: String,
    /// Current state.
    pub level: Level,
    /// The [`Group`] this component belongs to, by id.
    pub group_id: Option<String>,
    /// Optional description from the provider.
    pub description: Option<String>,
    /// Statuspage's `only_show_if_degraded`: hidden while operational.
    pub only_show_if_degraded: bool,
}

/// A named set of components, shown together (Statuspage `group: true` components).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Stable identifier; members point to it with [`Component::group_id`].
    pub id: String,
    /// Name as shown to people.
    pub name: String,
}

/// One dated update in an incident's or a maintenance's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    /// The stage the update announced, as the provider spelled it after normalisation
    /// (`investigating`, `in_progress`, …). Free text: views translate known values.
    pub status: String,
    /// The update's text. Plain text, never HTML.
    pub body: String,
    /// When it was posted, UTC milliseconds.
    pub at_ms: Option<i64>,
    /// Components this update names as affected, by id (by name in a snapshot that
    /// [names what it affects directly](Snapshot::names_affected_directly)).
    pub affected: Vec<String>,
}

/// An unplanned event: an outage, an issue or a slowdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incident {
    /// Stable identifier within the feed.
    pub id: String,
    /// Short title (Statuspage `name`). Empty when the feed gives none (Apple): views then
    /// name the affected components they show; the event's message is its first [`Update`].
    pub title: String,
    /// How bad it is, as a level ([`Level::Operational`] for Statuspage impact `none`).
    pub impact: Level,
    /// Lifecycle stage.
    pub status: IncidentStatus,
    /// When it began, UTC milliseconds.
    pub started_at_ms: Option<i64>,
    /// When it ended, UTC milliseconds.
    pub resolved_at_ms: Option<i64>,
    /// Components affected, by id (by name in a snapshot that
    /// [names what it affects directly](Snapshot::names_affected_directly)). Empty means
    /// the provider did not say (page-wide).
    pub affected: Vec<String>,
    /// Who is affected, in the provider's words (Apple `usersAffected`).
    pub users_affected: Option<String>,
    /// Timeline, newest first.
    pub updates: Vec<Update>,
    /// A page about this incident (`http`/`https` only).
    pub url: Option<String>,
}

impl Incident {
    /// True while the incident still affects users.
    pub fn is_active(&self) -> bool {
        self.status.is_active()
    }
}

/// Planned work, announced in advance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Maintenance {
    /// Stable identifier within the feed.
    pub id: String,
    /// Short title; empty when the feed gives none (Apple), as for [`Incident::title`].
    pub title: String,
    /// Lifecycle stage as the feed declares it.
    pub status: MaintenanceStatus,
    /// Start of the window, UTC milliseconds.
    pub starts_at_ms: Option<i64>,
    /// End of the window, UTC milliseconds.
    pub ends_at_ms: Option<i64>,
    /// Components affected, by id (by name in a snapshot that
    /// [names what it affects directly](Snapshot::names_affected_directly)). Empty means
    /// the provider did not say.
    pub affected: Vec<String>,
    /// Who is affected, in the provider's words.
    pub users_affected: Option<String>,
    /// Timeline, newest first.
    pub updates: Vec<Update>,
    /// A page about this maintenance (`http`/`https` only).
    pub url: Option<String>,
}

impl Maintenance {
    /// True when the work is under way at `now_ms`: declared in progress or verifying, or
    /// scheduled with a window that contains `now_ms` (feeds are often late to flip the
    /// status).
    pub fn is_in_progress(&self, now_ms: i64) -> bool {
        match self.status {
            MaintenanceStatus::InProgress | MaintenanceStatus::Verifying => true,
            MaintenanceStatus::Completed => false,
            MaintenanceStatus::Scheduled => match (self.starts_at_ms, self.ends_at_ms) {
                (Some(start), Some(end)) => start <= now_ms && now_ms < end,
                (Some(start), None) => start <= now_ms,
                _ => false,
            },
        }
    }

    /// Where this maintenance goes in a list of current ones at `now_ms`, for
    /// [`sort_by_rank`]: in progress first, then the soonest; an unknown start sorts last.
    pub fn rank(&self, now_ms: i64) -> (u8, i64) {
        match (self.is_in_progress(now_ms), self.starts_at_ms) {
            (true, Some(start)) => (0, start),
            (true, None) => (1, 0),
            (false, Some(start)) => (2, start),
            (false, None) => (3, 0),
        }
    }

    /// The status to show at `now_ms`: the declared one, except that a scheduled
    /// maintenance whose window has opened is in progress (feeds are often late to flip
    /// it). A verifying one stays verifying.
    pub fn status_at(&self, now_ms: i64) -> MaintenanceStatus {
        match self.status {
            MaintenanceStatus::Scheduled if self.is_in_progress(now_ms) => {
                MaintenanceStatus::InProgress
            }
            status => status,
        }
    }

    /// True when the work is announced and has not finished at `now_ms`.
    pub fn is_upcoming_or_active(&self, now_ms: i64) -> bool {
        match self.status {
            MaintenanceStatus::Completed => false,
            _ => self.is_in_progress(now_ms) || self.ends_at_ms.is_none_or(|end| now_ms < end),
        }
    }
}

/// The provider's status page as a whole.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The provider's name for the page ("Apple Developer System Status").
    pub name: Option<String>,
    /// The full status page (`http`/`https` only).
    pub url: Option<String>,
    /// When the provider last changed the feed, UTC milliseconds.
    pub updated_at_ms: Option<i64>,
    /// A message the provider shows above everything else on its page, in its own words
    /// (Apple's `drMessage`: "System Status is temporarily unable to show the latest
    /// information"). It says nothing about any one service's state.
    pub announcement: Option<String>,
}

/// Everything one feed said at one moment, normalised.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// The page the feed belongs to.
    pub page: Page,
    /// Groups in feed order.
    pub groups: Vec<Group>,
    /// Components in feed order (groups are not components; members point to their group).
    pub components: Vec<Component>,
    /// Incidents, active and recent, newest first.
    pub incidents: Vec<Incident>,
    /// Maintenances, scheduled, in progress and recent.
    pub maintenances: Vec<Maintenance>,
    /// The state the provider declares for the whole page, kept only from a document
    /// without components (Statuspage's `status.json` on its own), where nothing finer
    /// can show it wrong. Part of [`Snapshot::overall`].
    pub declared: Option<Level>,
    /// True when the document does not list incidents at all (Statuspage's
    /// `status.json`, `components.json` or `scheduled-maintenances.json` on its own): the
    /// panel then says nothing about incidents, since "no active incidents" would be a
    /// claim the feed never made.
    pub incidents_unlisted: bool,
    /// True when the document does not list maintenances at all (Statuspage's
    /// `status.json`, `components.json` or `incidents.json` on its own). Only `telltale
    /// check` reads it, to say "not listed" rather than "none scheduled"; the panel never
    /// claims there is no maintenance.
    pub maintenances_unlisted: bool,
}

impl Snapshot {
    /// The overall state at `now_ms`: the worst of every component, every active incident's
    /// impact and every maintenance in progress.
    ///
    /// A Statuspage feed's own `status.indicator` is not used when the feed lists
    /// components: it follows component states only, so it reads "All Systems
    /// Operational" during a declared major incident that changed no component. Only a
    /// document without components ([`Snapshot::declared`]) contributes it.
    pub fn overall(&self, now_ms: i64) -> Level {
        let components = self.components.iter().map(|c| c.level);
        let incidents = self
            .incidents
            .iter()
            .filter(|i| i.is_active())
            .map(|i| i.impact);
        let maintenances = self
            .maintenances
            .iter()
            .filter(|m| m.is_in_progress(now_ms))
            .map(|_| Level::Maintenance);
        components
            .chain(incidents)
            .chain(maintenances)
            .chain(self.declared)
            .max()
            .unwrap_or(Level::Operational)
    }

    /// True when the snapshot describes no component and no group (Statuspage's
    /// `incidents.json` on its own): there is nothing to look an id up in, so its events'
    /// `affected` lists hold the names of what they affect, shown as they are.
    pub fn names_affected_directly(&self) -> bool {
        self.components.is_empty() && self.groups.is_empty()
    }

    /// True when the snapshot lists no component, incident or maintenance.
    pub fn lists_nothing(&self) -> bool {
        self.components.is_empty() && self.incidents.is_empty() && self.maintenances.is_empty()
    }

    /// True when the snapshot says nothing about any service's state: it lists nothing
    /// ([`Snapshot::lists_nothing`]) and has no page-wide level ([`Snapshot::declared`]).
    /// Such a document is an error answer or an empty list, never "all systems
    /// operational".
    pub fn says_nothing(&self) -> bool {
        self.lists_nothing() && self.declared.is_none()
    }

    /// The component with this id.
    pub fn component(&self, id: &str) -> Option<&Component> {
        self.components.iter().find(|c| c.id == id)
    }

    /// Puts every component that a maintenance in progress at `now_ms` affects (by its
    /// own id or its group's) under maintenance at least. The overall state already counts
    /// that maintenance; without this a service's row and its `telltale:change` state
    /// would still say "operational" beside a badge saying "Maintenance in progress" (a
    /// feed whose window has opened while its status still says scheduled, or that lists
    /// the work as under way without changing the service's own state).
    pub fn settle(&mut self, now_ms: i64) {
        for at in self.unsettled(now_ms) {
            if let Some(component) = self.components.get_mut(at) {
                component.level = Level::Maintenance;
            }
        }
    }

    /// The positions of the components that [`settle`](Self::settle) at `now_ms` would
    /// change: an unchanged snapshot (the common case) need not be copied to be settled.
    pub fn unsettled(&self, now_ms: i64) -> Vec<usize> {
        // Owned ids, as in the filter: each hash-set type is its own copy of the hashing
        // code in the wasm, and `HashSet<String>` is already there.
        let affected: HashSet<String> = self
            .maintenances
            .iter()
            .filter(|m| m.is_in_progress(now_ms))
            .flat_map(|m| m.affected.iter().cloned())
            .collect();
        if affected.is_empty() {
            return Vec::new();
        }
        let named = |component: &Component| {
            affected.contains(component.id.as_str())
                || component
                    .group_id
                    .as_deref()
                    .is_some_and(|group| affected.contains(group))
        };
        (self.components.iter().enumerate())
            .filter(|(_, c)| c.level < Level::Maintenance && named(c))
            .map(|(at, _)| at)
            .collect()
    }

    /// The worst level among each group's members, by group id, in one pass over the
    /// components (a group without members has no entry). The panel and `telltale check`
    /// both show a group's state from it.
    pub fn group_levels(&self) -> HashMap<&str, Level> {
        let mut levels = HashMap::new();
        for component in &self.components {
            if let Some(group_id) = component.group_id.as_deref() {
                let worst = levels.entry(group_id).or_insert(Level::Operational);
                *worst = (*worst).max(component.level);
            }
        }
        levels
    }
}

/// Where each of `ids` first appears, by id: lookups by id in constant time, so a feed with
/// thousands of services cannot make a step quadratic. Takes a `dyn` iterator so that every
/// caller shares one compiled copy of the map building (as [`sort_by_rank`] does for sorting).
pub fn positions(ids: &mut dyn Iterator<Item = &String>) -> HashMap<String, usize> {
    let mut at = HashMap::new();
    for (i, id) in ids.enumerate() {
        at.entry(id.clone()).or_insert(i);
    }
    at
}

/// Orders `items` by `rank`, smallest first, keeping feed order among equal ranks.
///
/// Every list in the model and the views is ordered through here, so one sort (of plain
/// `(u8, i64, usize)` tuples, the index making it stable) is compiled once instead of once
/// per list and key: a few kilobytes of wasm.
pub fn sort_by_rank<T>(items: &mut Vec<T>, rank: impl Fn(&T) -> (u8, i64)) {
    let mut order: Vec<(u8, i64, usize)> = items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let (first, second) = rank(item);
            (first, second, index)
        })
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(
        order
            .iter()
            .filter_map(|&(_, _, index)| slots.get_mut(index).and_then(Option::take)),
    );
}

/// Orders a timeline newest first, the undated last. Updates of one time (two posted in
/// the same minute) keep the feed's order read newest first: a timeline the feed lists
/// oldest first (its first dated update older than its last) is read from its end, so the
/// later of two such updates still comes first.
pub fn sort_timeline(updates: &mut Vec<Update>) {
    let dated = || updates.iter().filter_map(|u| u.at_ms);
    if dated().next() < dated().next_back() {
        updates.reverse();
    }
    sort_by_rank(updates, |u| newest_first(u.at_ms));
}

/// The rank for [`sort_by_rank`] that puts the newest time first and the undated last.
pub fn newest_first(at_ms: Option<i64>) -> (u8, i64) {
    match at_ms {
        // `!t` reverses the order of every i64 without overflow.
        Some(at) => (0, !at),
        None => (1, 0),
    }
}

/// Small model values for the core's unit tests: every optional field empty, so a test
/// spells out only what it is about (with struct update syntax for the rest).
#[cfg(test)]
pub(crate) mod sample {
    use super::*;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|id| (*id).to_owned()).collect()
    }

    /// A component, in a group when `group` is given.
    pub(crate) fn component(id: &str, name: &str, level: Level, group: Option<&str>) -> Component {
        Component {
            id: id.into(),
            name: name.into(),
            level,
            group_id: group.map(Into::into),
            description: None,
            only_show_if_degraded: false,
        }
    }

    /// An undated incident titled like its id, without updates.
    pub(crate) fn incident(
        id: &str,
        impact: Level,
        status: IncidentStatus,
        affected: &[&str],
    ) -> Incident {
        Incident {
            id: id.into(),
            title: id.into(),
            impact,
            status,
            started_at_ms: None,
            resolved_at_ms: None,
            affected: ids(affected),
            users_affected: None,
            updates: vec![],
            url: None,
        }
    }

    /// A maintenance titled like its id over `window_ms` (start, end), without updates.
    pub(crate) fn maintenance(
        id: &str,
        status: MaintenanceStatus,
        window_ms: Option<(i64, i64)>,
        affected: &[&str],
    ) -> Maintenance {
        Maintenance {
            id: id.into(),
            title: id.into(),
            status,
            starts_at_ms: window_ms.map(|w| w.0),
            ends_at_ms: window_ms.map(|w| w.1),
            affected: ids(affected),
            users_affected: None,
            updates: vec![],
            url: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn component(id: &str, level: Level) -> Component {
        sample::component(id, id, level, None)
    }

    fn incident(impact: Level, status: IncidentStatus) -> Incident {
        Incident {
            title: "t".into(),
            ..sample::incident("i", impact, status, &[])
        }
    }

    fn maintenance(status: MaintenanceStatus, start: i64, end: i64) -> Maintenance {
        Maintenance {
            title: "t".into(),
            ..sample::maintenance("m", status, Some((start, end)), &[])
        }
    }

    #[test]
    fn sort_timeline_keeps_the_feed_order_of_ties_it_cannot_place() {
        let update = |body: &str, at_ms: Option<i64>| Update {
            status: "identified".into(),
            body: body.into(),
            at_ms,
            affected: vec![],
        };
        let bodies = |updates: &[Update]| -> Vec<String> {
            updates.iter().map(|u| u.body.clone()).collect()
        };
        // All of one time, or one dated: no way to tell the feed's order, which stays.
        let mut same = vec![
            update("a", Some(5)),
            update("b", Some(5)),
            update("c", None),
        ];
        sort_timeline(&mut same);
        assert_eq!(bodies(&same), ["a", "b", "c"]);
        // Listed oldest first: read from the end.
        let mut oldest_first = vec![
            update("a", Some(1)),
            update("b", Some(5)),
            update("c", Some(5)),
        ];
        sort_timeline(&mut oldest_first);
        assert_eq!(bodies(&oldest_first), ["c", "b", "a"]);
    }

    #[test]
    fn sort_by_rank_newest_first_is_stable_and_puts_undated_last() {
        let mut items = vec![
            ("a", Some(5)),
            ("b", None),
            ("c", Some(9)),
            ("d", Some(5)),
            ("e", None),
            ("f", Some(i64::MIN)),
            ("g", Some(i64::MAX)),
        ];
        sort_by_rank(&mut items, |item| newest_first(item.1));
        let names: Vec<&str> = items.iter().map(|item| item.0).collect();
        assert_eq!(names, ["g", "c", "a", "d", "f", "b", "e"]);
        let mut empty: Vec<u8> = vec![];
        sort_by_rank(&mut empty, |_| (0, 0));
        assert!(empty.is_empty());
    }

    #[test]
    fn settle_puts_what_a_maintenance_under_way_affects_under_maintenance() {
        use MaintenanceStatus::*;
        let snapshot = Snapshot {
            components: vec![
                component("api", Level::Operational),
                sample::component("db", "DB", Level::Operational, Some("store")),
                component("down", Level::MajorOutage),
                component("web", Level::Operational),
                component("cdn", Level::Operational),
            ],
            maintenances: vec![
                // Still "scheduled", its window open at 150: the API and the store group.
                sample::maintenance("open", Scheduled, Some((100, 200)), &["api", "store"]),
                // Under way: does not lessen an outage.
                sample::maintenance("on", InProgress, None, &["down"]),
                // Not yet, and no longer.
                sample::maintenance("later", Scheduled, Some((300, 400)), &["web"]),
                sample::maintenance("done", Completed, Some((100, 200)), &["cdn"]),
            ],
            ..Snapshot::default()
        };
        let levels = |at: i64| {
            let mut settled = snapshot.clone();
            settled.settle(at);
            settled
                .components
                .iter()
                .map(|c| c.level)
                .collect::<Vec<_>>()
        };
        use Level::*;
        assert_eq!(
            levels(150),
            [
                Maintenance,
                Maintenance,
                MajorOutage,
                Operational,
                Operational
            ]
        );
        assert_eq!(
            levels(250),
            [
                Operational,
                Operational,
                MajorOutage,
                Operational,
                Operational
            ]
        );
        assert_eq!(
            levels(350),
            [
                Operational,
                Operational,
                MajorOutage,
                Maintenance,
                Operational
            ]
        );
    }

    #[test]
    fn level_order_is_the_product_rule() {
        let mut sorted = Level::ALL;
        sorted.sort();
        assert_eq!(sorted, Level::ALL);
        assert!(Level::Maintenance < Level::Degraded);
        assert!(Level::PartialOutage < Level::MajorOutage);
    }

    #[test]
    fn overall_of_empty_snapshot_is_operational() {
        assert_eq!(Snapshot::default().overall(0), Level::Operational);
    }

    #[test]
    fn overall_is_worst_component() {
        let s = Snapshot {
            components: vec![
                component("a", Level::Degraded),
                component("b", Level::PartialOutage),
                component("c", Level::Operational),
            ],
            ..Snapshot::default()
        };
        assert_eq!(s.overall(0), Level::PartialOutage);
    }

    #[test]
    fn overall_counts_active_incident_without_component_change() {
        let s = Snapshot {
            components: vec![component("a", Level::Operational)],
            incidents: vec![incident(Level::MajorOutage, IncidentStatus::Investigating)],
            ..Snapshot::default()
        };
        assert_eq!(s.overall(0), Level::MajorOutage);
    }

    #[test]
    fn overall_ignores_resolved_incident() {
        let s = Snapshot {
            incidents: vec![incident(Level::MajorOutage, IncidentStatus::Resolved)],
            ..Snapshot::default()
        };
        assert_eq!(s.overall(0), Level::Operational);
    }

    #[test]
    fn overall_counts_maintenance_only_while_in_progress() {
        let s = Snapshot {
            maintenances: vec![maintenance(MaintenanceStatus::Scheduled, 100, 200)],
            ..Snapshot::default()
        };
        assert_eq!(s.overall(50), Level::Operational);
        assert_eq!(s.overall(150), Level::Maintenance);
        assert_eq!(s.overall(250), Level::Operational);
    }

    #[test]
    fn maintenance_status_shown_is_declared_but_for_an_open_scheduled_window() {
        use MaintenanceStatus::*;
        // The window is 100..200.
        for (declared, at, shown) in [
            (Scheduled, 50, Scheduled),
            (Scheduled, 150, InProgress),
            (Scheduled, 250, Scheduled),
            (Verifying, 150, Verifying),
            (Verifying, 250, Verifying),
            (InProgress, 50, InProgress),
            (Completed, 150, Completed),
        ] {
            assert_eq!(
                maintenance(declared, 100, 200).status_at(at),
                shown,
                "{declared:?} at {at}"
            );
        }
    }

    #[test]
    fn maintenance_declared_in_progress_counts_outside_its_window() {
        let m = maintenance(MaintenanceStatus::InProgress, 100, 200);
        assert!(m.is_in_progress(500));
        let done = maintenance(MaintenanceStatus::Completed, 100, 200);
        assert!(!done.is_in_progress(150));
    }

    #[test]
    fn maintenance_in_progress_past_its_window_is_still_active() {
        let m = maintenance(MaintenanceStatus::InProgress, 100, 200);
        assert!(m.is_upcoming_or_active(500));
        let scheduled = maintenance(MaintenanceStatus::Scheduled, 100, 200);
        assert!(scheduled.is_upcoming_or_active(50));
        assert!(!scheduled.is_upcoming_or_active(250));
    }

    #[test]
    fn scheduled_window_opens_at_its_start_and_closes_at_its_end() {
        use MaintenanceStatus::*;
        let m = maintenance(Scheduled, 100, 200);
        let open: Vec<bool> = [99, 100, 199, 200].map(|t| m.is_in_progress(t)).into();
        assert_eq!(open, [false, true, true, false]);
        let listed: Vec<bool> = [99, 199, 200].map(|t| m.is_upcoming_or_active(t)).into();
        assert_eq!(listed, [true, true, false]);
        // A window without an end is open from its start on, and listed until it is done.
        let open_ended = Maintenance {
            ends_at_ms: None,
            ..maintenance(Scheduled, 100, 0)
        };
        assert!(!open_ended.is_in_progress(99) && open_ended.is_in_progress(100));
        assert!(open_ended.is_upcoming_or_active(1_000_000));
        // Completed is over, even inside its window.
        let done = maintenance(Completed, 100, 200);
        assert!(!done.is_upcoming_or_active(50) && !done.is_upcoming_or_active(150));
    }

    #[test]
    fn spellings_read_back_and_are_distinct() {
        for level in Level::ALL {
            assert_eq!(Level::from_name(level.as_str()), Some(level));
        }
        for status in IncidentStatus::ALL {
            assert_eq!(IncidentStatus::from_name(status.as_str()), Some(status));
        }
        for status in MaintenanceStatus::ALL {
            assert_eq!(MaintenanceStatus::from_name(status.as_str()), Some(status));
        }
        assert_eq!(Level::from_name("Operational"), None);
        assert_eq!(IncidentStatus::from_name(""), None);
        assert_eq!(MaintenanceStatus::from_name("in progress"), None);
    }
}
