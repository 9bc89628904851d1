//! Which components an embed shows: the `components` attribute as a [`Selection`], and
//! [`apply`], which narrows a [`Snapshot`] to it.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::core::case;
use crate::core::model::{Component, Group, Incident, Level, Maintenance, Snapshot, Update};

/// The components an embed shows: names or ids, matched without regard to case or
/// surrounding space. A group's name or id selects all its members. Empty selects all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    keys: Vec<String>,
    /// Each key as the page wrote it (trimmed), for messages to the page's author.
    given: Vec<String>,
}

impl Selection {
    /// Reads a comma-separated list; blank entries are ignored.
    pub fn parse(list: &str) -> Selection {
        let (keys, given) = list
            .split(',')
            .map(|entry| (normalize_key(entry), entry.trim().to_owned()))
            .filter(|(key, _)| !key.is_empty())
            .unzip();
        Selection { keys, given }
    }

    /// True when everything is shown.
    pub fn is_all(&self) -> bool {
        self.keys.is_empty()
    }

    /// The keys, normalised, in the order given.
    pub fn keys(&self) -> &[String] {
        &self.keys
    }

    /// The entries as the page wrote them (trimmed), for the reader and the console.
    pub fn given(&self) -> &[String] {
        &self.given
    }

    /// True when `id` or `name` is selected (always true for an empty selection).
    pub fn matches(&self, id: &str, name: &str) -> bool {
        self.is_all() || self.runs(id).next().is_some() || self.runs(name).next().is_some()
    }

    /// Where `text` is selected: the positions of the keys that spell it. A name with
    /// commas in it, such as Apple's "Certificates, Identifiers & Profiles", reads as
    /// several keys in the list; it is selected when those keys stand next to each other
    /// in the same order (as the page writes the name, or gives it as one array entry).
    ///
    /// Called for every component's id and name on every render: each part of `text` is
    /// folded once ([`normalize_key`], one pass), as a feed may list thousands.
    fn runs(&self, text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        let parts: Vec<String> = text.split(',').map(normalize_key).collect();
        self.keys
            .windows(parts.len())
            .enumerate()
            .filter(move |(_, run)| *run == parts.as_slice())
            .map(|(start, run)| start..start + run.len())
    }
}

/// Lowercases (the alphabets of [`case`]) and folds runs of white space, so
/// "iTunes  Store " matches "itunes store". The dotted `İ` and dotless `ı` of Turkish
/// match `i`, so "istanbul" and "ISTANBUL" select "İstanbul": a reader typing on a
/// keyboard without those letters still finds the service. Greek's final `ς` is `σ`, as
/// a capital `Σ` makes it: "ΟΔΟΣ" selects "Οδος"; Romanian's `Ş`/`Ţ` with a cedilla are
/// `Ș`/`Ț` with a comma below, as older keyboards type them.
pub(crate) fn normalize_key(key: &str) -> String {
    let mut normal = String::with_capacity(key.len());
    for word in key.split_whitespace() {
        if !normal.is_empty() {
            normal.push(' ');
        }
        normal.extend(word.chars().map(|c| match case::lower(c) {
            'İ' | 'ı' => 'i',
            'ς' => 'σ',
            // Romanian written with the cedilla letters that older keyboards type.
            'ş' => 'ș',
            'ţ' => 'ț',
            small => small,
        }));
    }
    normal
}

/// The part of `snapshot` that `selection` shows.
///
/// - A component is kept when its id or name is selected, or its group's id or name is.
///   One selected by its own id or name shows even when the feed marks it
///   `only_show_if_degraded` and it is operational (the page asked for it); one selected
///   only through its group keeps the feed's rule, as the feed's own page shows it.
/// - A group is kept while at least one of its members is.
/// - An incident or maintenance is kept when it affects a kept component or a kept group
///   (a group names all of its members), or when it names nothing at all: a page-wide
///   event of unknown scope may be an outage of what the reader cares about, and hiding a
///   possible outage is the worse mistake. Its `affected` lists (and those of its updates)
///   are narrowed to the kept components and groups.
/// - A snapshot without components and groups names what its events affect directly
///   (Statuspage's `incidents.json` on its own): there the selection picks among those
///   names.
///
/// What an embed with `selection` shows of `snapshot` at `now_ms`: [`apply`], then
/// [`Snapshot::settle`]. The view and the `telltale:change` event both start from it, so
/// they agree on every service's state.
///
/// Borrows `snapshot` when it is shown as it is (every component, nothing to settle): the
/// view and the widget ask on every render and every poll, and a copy of a feed with
/// thousands of services costs the host page's main thread.
pub fn shown_at<'a>(
    snapshot: &'a Snapshot,
    selection: &Selection,
    now_ms: i64,
) -> Cow<'a, Snapshot> {
    let mut shown = apply(snapshot, selection);
    if !shown.unsettled(now_ms).is_empty() {
        shown.to_mut().settle(now_ms);
    }
    shown
}

/// An empty selection borrows the snapshot unchanged.
pub fn apply<'a>(snapshot: &'a Snapshot, selection: &Selection) -> Cow<'a, Snapshot> {
    if selection.is_all() {
        return Cow::Borrowed(snapshot);
    }
    // Owned ids, as in the feed readers: each hash-set type is its own copy of the
    // hashing code in the wasm, so one type (`HashSet<String>`) is used throughout.
    let selected_groups: HashSet<String> = snapshot
        .groups
        .iter()
        .filter(|g| selection.matches(&g.id, &g.name))
        .map(|g| g.id.clone())
        .collect();
    let components: Vec<Component> = snapshot
        .components
        .iter()
        .filter_map(|c| {
            let named = selection.matches(&c.id, &c.name);
            let in_group = || {
                c.group_id
                    .as_deref()
                    .is_some_and(|g| selected_groups.contains(g))
            };
            (named || in_group()).then(|| Component {
                // The page asked for this service by name: it shows even while the feed
                // would hide it for being operational.
                only_show_if_degraded: c.only_show_if_degraded && !named,
                ..c.clone()
            })
        })
        .collect();
    let member_groups: HashSet<String> = components
        .iter()
        .filter_map(|c| c.group_id.clone())
        .collect();
    let groups: Vec<Group> = snapshot
        .groups
        .iter()
        .filter(|g| member_groups.contains(g.id.as_str()))
        .cloned()
        .collect();
    // What an event may name and still concern the reader: a kept component, or a kept
    // group (one with a kept member), as "Store" names all of its services; in a snapshot
    // without either, a selected name.
    let mut kept: HashSet<String> = components
        .iter()
        .map(|c| c.id.clone())
        .chain(groups.iter().map(|g| g.id.clone()))
        .collect();
    for name in named_directly(snapshot) {
        if selection.matches(name, name) {
            kept.insert(name.clone());
        }
    }
    let incidents = snapshot
        .incidents
        .iter()
        .filter(|i| concerns(&i.affected, &kept))
        .map(|i| Incident {
            affected: narrow(&i.affected, &kept),
            updates: narrow_updates(&i.updates, &kept),
            ..i.clone()
        })
        .collect();
    let maintenances = snapshot
        .maintenances
        .iter()
        .filter(|m| concerns(&m.affected, &kept))
        .map(|m| Maintenance {
            affected: narrow(&m.affected, &kept),
            updates: narrow_updates(&m.updates, &kept),
            ..m.clone()
        })
        .collect();
    Cow::Owned(Snapshot {
        page: snapshot.page.clone(),
        groups,
        components,
        incidents,
        maintenances,
        // Page-wide, like an incident that names no component.
        declared: snapshot.declared,
        incidents_unlisted: snapshot.incidents_unlisted,
        maintenances_unlisted: snapshot.maintenances_unlisted,
    })
}

/// The selection's keys that match no component and no group of `snapshot`, spelt as the
/// page wrote them, for a console warning about a likely typo.
pub fn unmatched<'a>(snapshot: &Snapshot, selection: &'a Selection) -> Vec<&'a str> {
    let mut matched = vec![false; selection.keys.len()];
    let texts = (snapshot.components.iter().map(|c| (&c.id, &c.name)))
        .chain(snapshot.groups.iter().map(|g| (&g.id, &g.name)));
    for (id, name) in texts {
        for run in selection.runs(id).chain(selection.runs(name)) {
            matched[run].fill(true);
        }
    }
    for name in named_directly(snapshot) {
        for run in selection.runs(name) {
            matched[run].fill(true);
        }
    }
    (selection.given.iter().zip(matched))
        .filter(|(_, matched)| !matched)
        .map(|(given, _)| given.as_str())
        .collect()
}

/// True when `selection` names services and `snapshot`, which lists its services, has
/// none of them: a typo in the page, or a service the provider renamed or retired.
/// [`apply`] then keeps only the page-wide events, and "All systems operational" said of
/// nothing would be a false all-clear about what the page asked for. A snapshot that lists
/// no services (`status.json` or `incidents.json` on its own) cannot tell.
pub fn selects_nothing(snapshot: &Snapshot, selection: &Selection) -> bool {
    let lists_services = !snapshot.components.is_empty() || !snapshot.groups.is_empty();
    !selection.is_all()
        && lists_services
        && unmatched(snapshot, selection).len() == selection.given.len()
}

/// True when an embed knows nothing of what `selection` asks for: [`selects_nothing`],
/// and what [`apply`] keeps of `snapshot` (page-wide events) is no worse than
/// operational at `overall`. The badge then says the names are not in the feed, and no
/// `telltale:change` fires: "operational" would be a false all-clear.
pub fn knows_nothing(snapshot: &Snapshot, selection: &Selection, overall: Level) -> bool {
    overall == Level::Operational && selects_nothing(snapshot, selection)
}

/// The names the events of a snapshot without components and groups affect
/// ([`Snapshot::names_affected_directly`]): there, `components` selects among them. None
/// for any other snapshot.
fn named_directly(snapshot: &Snapshot) -> Vec<&String> {
    let mut names = Vec::new();
    if snapshot.names_affected_directly() {
        for incident in &snapshot.incidents {
            names.extend(&incident.affected);
        }
        for maintenance in &snapshot.maintenances {
            names.extend(&maintenance.affected);
        }
    }
    names
}

/// True when an event with this `affected` list concerns the kept components.
fn concerns(affected: &[String], kept: &HashSet<String>) -> bool {
    affected.is_empty() || affected.iter().any(|id| kept.contains(id.as_str()))
}

fn narrow(affected: &[String], kept: &HashSet<String>) -> Vec<String> {
    affected
        .iter()
        .filter(|id| kept.contains(id.as_str()))
        .cloned()
        .collect()
}

fn narrow_updates(updates: &[Update], kept: &HashSet<String>) -> Vec<Update> {
    updates
        .iter()
        .map(|u| Update {
            affected: narrow(&u.affected, kept),
            ..u.clone()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{sample, Group, IncidentStatus, Level, MaintenanceStatus};

    /// [`apply`], owned: the tests build their snapshots in place.
    fn applied(snapshot: &Snapshot, selection: &Selection) -> Snapshot {
        apply(snapshot, selection).into_owned()
    }

    fn component(id: &str, name: &str, group: Option<&str>) -> Component {
        sample::component(id, name, Level::Operational, group)
    }

    fn incident(id: &str, affected: &[&str]) -> Incident {
        let incident = sample::incident(
            id,
            Level::MajorOutage,
            IncidentStatus::Investigating,
            affected,
        );
        Incident {
            updates: vec![Update {
                status: "investigating".into(),
                body: "b".into(),
                at_ms: None,
                affected: incident.affected.clone(),
            }],
            ..incident
        }
    }

    fn maintenance(id: &str, affected: &[&str]) -> Maintenance {
        let maintenance = sample::maintenance(id, MaintenanceStatus::Scheduled, None, affected);
        Maintenance {
            updates: vec![Update {
                status: "scheduled".into(),
                body: "b".into(),
                at_ms: None,
                affected: maintenance.affected.clone(),
            }],
            ..maintenance
        }
    }

    /// Store (group: App Store, iTunes Store), Photos, iMessage.
    fn snapshot() -> Snapshot {
        Snapshot {
            groups: vec![
                Group {
                    id: "g-store".into(),
                    name: "Store".into(),
                },
                Group {
                    id: "g-empty".into(),
                    name: "Empty".into(),
                },
            ],
            components: vec![
                component("c-app", "App Store", Some("g-store")),
                component("c-itunes", "iTunes Store", Some("g-store")),
                component("c-photos", "Photos", None),
                component("c-imessage", "iMessage", None),
            ],
            incidents: vec![
                incident("i-store", &["c-app", "c-photos"]),
                incident("i-imessage", &["c-imessage"]),
                incident("i-page", &[]),
            ],
            maintenances: vec![
                maintenance("m-itunes", &["c-itunes"]),
                maintenance("m-photos", &["c-photos"]),
                maintenance("m-page", &[]),
            ],
            ..Snapshot::default()
        }
    }

    fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<&str> {
        items.iter().map(id).collect()
    }

    #[test]
    fn filter_shows_an_only_show_if_degraded_component_the_page_names() {
        // A Statuspage feed: "Status Emails" and "Push" are shown only when degraded;
        // "Push" belongs to the group "Notifications".
        let feed = r#"{
            "page": {"id": "p", "name": "Acme", "url": "https://status.acme.example"},
            "components": [
                {"id": "g-notify", "name": "Notifications", "status": "operational",
                 "group": true, "components": ["c-push"]},
                {"id": "c-push", "name": "Push", "status": "operational",
                 "group_id": "g-notify", "only_show_if_degraded": true},
                {"id": "c-emails", "name": "Status Emails", "status": "operational",
                 "only_show_if_degraded": true},
                {"id": "c-api", "name": "API", "status": "operational"}
            ],
            "incidents": [],
            "scheduled_maintenances": []
        }"#;
        let snap = crate::core::feed::parse(feed, None)
            .unwrap_or_else(|e| panic!("{e}"))
            .snapshot;
        let hidden = |shown: &Snapshot| -> Vec<String> {
            (shown.components.iter())
                .filter(|c| c.only_show_if_degraded)
                .map(|c| c.id.clone())
                .collect()
        };
        // Everything shown: the feed's own rule stands.
        assert_eq!(
            hidden(&apply(&snap, &Selection::default())),
            ["c-push", "c-emails"]
        );
        // Named by name or by id, in any case: the page asked for it, so it shows.
        for list in ["Status Emails", "c-emails", " status  EMAILS , API"] {
            let shown = applied(&snap, &Selection::parse(list));
            assert!(hidden(&shown).is_empty(), "{list}");
            assert!(
                shown.components.iter().any(|c| c.id == "c-emails"),
                "{list}"
            );
        }
        // Selected through its group only, it keeps the feed's rule; named, it shows.
        assert_eq!(
            hidden(&applied(&snap, &Selection::parse("Notifications"))),
            ["c-push"]
        );
        assert!(hidden(&applied(&snap, &Selection::parse("Notifications, Push"))).is_empty());
        // The feed itself is left as it was.
        assert_eq!(hidden(&snap), ["c-push", "c-emails"]);
    }

    #[test]
    fn selection_parse_normalises_keys() {
        let s = Selection::parse(" App  Store ,, ITUNES store,");
        assert_eq!(s.keys(), ["app store", "itunes store"]);
        assert!(s.matches("x", "app store"));
        assert!(!Selection::parse("App").matches("x", "App Store"));
    }

    #[test]
    fn selection_matches_turkish_dotted_and_dotless_i_as_i() {
        for key in ["istanbul", "ISTANBUL", "İstanbul", "ıstanbul"] {
            let s = Selection::parse(key);
            assert!(s.matches("x", "İstanbul"), "{key}");
            assert!(s.matches("x", "Istanbul"), "{key}");
        }
        assert!(!Selection::parse("istanbul").matches("x", "Izmir"));
    }

    #[test]
    fn selection_matches_greek_final_sigma_and_romanian_letters_in_any_case() {
        for (key, name) in [
            ("ΟΔΟΣ", "Οδος"),
            ("ΛΟΓΑΡΙΑΣΜΌΣ", "Λογαριασμός"),
            ("οδοσ", "ΟΔΟΣ"),
            ("ȘTIRI", "Știri"),
            ("țară", "ȚARĂ"),
            ("ŞTIRI", "Știri"),
            ("ţară", "Țară"),
        ] {
            assert!(Selection::parse(key).matches("x", name), "{key} / {name}");
            assert!(Selection::parse(name).matches("x", key), "{name} / {key}");
        }
        assert!(!Selection::parse("ΟΔΟ").matches("x", "Οδος"));
    }

    #[test]
    fn shown_at_copies_only_to_settle_a_maintenance_under_way() {
        let mut snap = snapshot();
        snap.maintenances = vec![sample::maintenance(
            "m",
            MaintenanceStatus::InProgress,
            None,
            &["c-app"],
        )];
        let shown = shown_at(&snap, &Selection::default(), 0);
        assert!(matches!(shown, Cow::Owned(_)));
        let app = shown.components.iter().find(|c| c.id == "c-app");
        assert_eq!(app.map(|c| c.level), Some(Level::Maintenance));
        // Once settled, settling again changes nothing and copies nothing.
        let again = shown_at(&shown, &Selection::default(), 0);
        assert!(matches!(again, Cow::Borrowed(_)));
    }

    #[test]
    fn filter_empty_selection_is_unchanged_and_not_copied() {
        let snap = snapshot();
        let shown = apply(&snap, &Selection::parse(" , "));
        assert!(matches!(shown, Cow::Borrowed(s) if std::ptr::eq(s, &snap)));
        // Nothing to settle: still the feed's own snapshot.
        let shown = shown_at(&snap, &Selection::default(), 0);
        assert!(matches!(shown, Cow::Borrowed(s) if std::ptr::eq(s, &snap)));
    }

    #[test]
    fn filter_by_name_and_id_keeps_matching_components_in_feed_order() {
        let out = applied(&snapshot(), &Selection::parse("imessage, c-app"));
        assert_eq!(ids(&out.components, |c| &c.id), ["c-app", "c-imessage"]);
        assert_eq!(ids(&out.groups, |g| &g.id), ["g-store"]);
    }

    #[test]
    fn filter_group_name_selects_all_members() {
        for key in ["store", "G-STORE"] {
            let out = applied(&snapshot(), &Selection::parse(key));
            assert_eq!(
                ids(&out.components, |c| &c.id),
                ["c-app", "c-itunes"],
                "{key}"
            );
            assert_eq!(ids(&out.groups, |g| &g.id), ["g-store"], "{key}");
        }
    }

    #[test]
    fn filter_drops_groups_without_kept_members() {
        let out = applied(&snapshot(), &Selection::parse("Photos, Empty"));
        assert_eq!(ids(&out.components, |c| &c.id), ["c-photos"]);
        assert!(out.groups.is_empty());
    }

    #[test]
    fn filter_keeps_events_that_affect_kept_components_or_name_none() {
        let out = applied(&snapshot(), &Selection::parse("App Store"));
        assert_eq!(ids(&out.incidents, |i| &i.id), ["i-store", "i-page"]);
        assert_eq!(ids(&out.maintenances, |m| &m.id), ["m-page"]);
    }

    #[test]
    fn filter_narrows_affected_lists_to_kept_components() {
        let out = applied(&snapshot(), &Selection::parse("App Store"));
        let store = &out.incidents[0];
        assert_eq!(store.affected, ["c-app"]);
        assert_eq!(store.updates[0].affected, ["c-app"]);
        assert!(out.incidents[1].affected.is_empty());
    }

    #[test]
    fn filter_keeps_events_that_name_the_group_of_a_kept_component() {
        // A feed may name a whole group as affected ("Store is down"). An embed showing
        // one of its members must show that event: hiding a possible outage of what the
        // reader cares about is the worse mistake.
        let mut snap = snapshot();
        snap.incidents.push(incident("i-group", &["g-store"]));
        snap.maintenances
            .push(maintenance("m-group", &["g-store", "c-photos"]));
        let out = applied(&snap, &Selection::parse("iTunes Store"));
        assert_eq!(ids(&out.incidents, |i| &i.id), ["i-page", "i-group"]);
        assert_eq!(
            ids(&out.maintenances, |m| &m.id),
            ["m-itunes", "m-page", "m-group"]
        );
        let group_event = &out.incidents[1];
        assert_eq!(group_event.affected, ["g-store"]);
        assert_eq!(group_event.updates[0].affected, ["g-store"]);
        assert_eq!(out.maintenances[2].affected, ["g-store"]);
        assert_eq!(out.maintenances[2].updates[0].affected, ["g-store"]);
        // Not for an embed that shows none of the group's members.
        let out = applied(&snap, &Selection::parse("iMessage"));
        assert_eq!(ids(&out.incidents, |i| &i.id), ["i-imessage", "i-page"]);
    }

    #[test]
    fn filter_selection_matching_nothing_keeps_only_page_wide_events() {
        let out = applied(&snapshot(), &Selection::parse("Maps"));
        assert!(out.components.is_empty());
        assert_eq!(ids(&out.incidents, |i| &i.id), ["i-page"]);
        assert_eq!(ids(&out.maintenances, |m| &m.id), ["m-page"]);
    }

    #[test]
    fn without_components_the_selection_picks_among_the_names_events_give() {
        // Statuspage's incidents.json on its own: no component list, events name what they
        // affect.
        let feed = Snapshot {
            incidents: vec![
                incident("i-api", &["API", "Dashboard"]),
                incident("i-hooks", &["Webhooks"]),
                incident("i-page", &[]),
            ],
            maintenances: vec![maintenance("m-hooks", &["Webhooks"])],
            ..Snapshot::default()
        };
        let out = applied(&feed, &Selection::parse(" api ,Maps"));
        assert_eq!(ids(&out.incidents, |i| &i.id), ["i-api", "i-page"]);
        assert_eq!(
            out.incidents[0].affected,
            ["API"],
            "narrowed to the selected name"
        );
        assert_eq!(out.incidents[0].updates[0].affected, ["API"]);
        assert!(out.maintenances.is_empty());
        assert_eq!(unmatched(&feed, &Selection::parse(" api ,Maps")), ["Maps"]);
        // With components, an event's entries are ids: a name it carries selects nothing.
        let mut listed = feed.clone();
        listed
            .components
            .push(component("c-photos", "Photos", None));
        let out = applied(&listed, &Selection::parse("API"));
        assert_eq!(ids(&out.incidents, |i| &i.id), ["i-page"]);
        assert_eq!(unmatched(&listed, &Selection::parse("API")), ["API"]);
    }

    #[test]
    fn unmatched_reports_keys_that_match_nothing() {
        let selection = Selection::parse("App Store, Mapz , store, c-photos, Empty");
        assert_eq!(
            unmatched(&snapshot(), &selection),
            ["Mapz"],
            "as the page wrote it"
        );
        assert!(unmatched(&snapshot(), &Selection::default()).is_empty());
    }

    #[test]
    fn selects_nothing_only_when_no_entry_matches_a_listed_service() {
        let feed = snapshot();
        assert!(selects_nothing(&feed, &Selection::parse("Mapz, App Stor")));
        assert!(!selects_nothing(
            &feed,
            &Selection::parse("Mapz, App Store")
        ));
        assert!(
            !selects_nothing(&feed, &Selection::parse("store")),
            "a group"
        );
        assert!(!selects_nothing(&feed, &Selection::default()));
        // Components without groups (every Apple feed) are a list too.
        let ungrouped = Snapshot {
            groups: vec![],
            ..feed.clone()
        };
        assert!(selects_nothing(&ungrouped, &Selection::parse("Mapz")));
        // A feed that lists no services cannot say a name is not among them.
        let unlisted = Snapshot {
            components: vec![],
            groups: vec![],
            ..feed
        };
        assert!(!selects_nothing(&unlisted, &Selection::parse("Mapz")));
    }

    #[test]
    fn a_name_with_commas_is_selected_by_its_parts_in_order() {
        let mut feed = snapshot();
        let name = "Certificates, Identifiers & Profiles";
        feed.components.push(component(name, name, None));
        let keep = |list: &str| {
            let out = applied(&feed, &Selection::parse(list));
            ids(&out.components, |c| &c.id).join("|")
        };
        assert_eq!(keep(name), name);
        // Spacing and case are free, as for any other name; other keys may stand around it.
        assert_eq!(
            keep("App Store,certificates,identifiers &  profiles"),
            format!("c-app|{name}")
        );
        assert!(unmatched(&feed, &Selection::parse(&format!("{name}, Photos"))).is_empty());
        // One part alone, or the parts apart or out of order, is not the name.
        assert_eq!(keep("Certificates"), "");
        assert_eq!(
            keep("Certificates, Photos, Identifiers & Profiles"),
            "c-photos"
        );
        assert_eq!(keep("Identifiers & Profiles, Certificates"), "");
        assert_eq!(
            unmatched(
                &feed,
                &Selection::parse("Identifiers & Profiles, Certificates")
            ),
            ["Identifiers & Profiles", "Certificates"]
        );
    }
}
