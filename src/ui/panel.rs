//! The detail panel: overall state, components by group, incidents with their timelines,
//! maintenance windows, the time of the last update and the link to the full status page.

use yew::prelude::*;

use super::icon::{cross, icon};
use crate::core::config::is_web_url;
use crate::core::view::{
    ComponentView, EventView, GroupView, LinkView, PanelLabels, PanelView, StateView,
};

/// The panel for `view`, with the element id `id` (named by the badge's
/// `aria-controls`) and `node` as its element. `on_close` is called by the close button;
/// `None` hides the button (the panel is always open).
pub(crate) fn panel(
    view: &PanelView,
    id: &AttrValue,
    on_close: Option<&Callback<()>>,
    node: &NodeRef,
) -> Html {
    let labels = &view.labels;
    // Within 1 to 4, so its sections and items stay within h6.
    let level = view.heading_level.clamp(1, 4);
    let section =
        |text: &String| heading(level + 1, "section", None, None, html! { { text.clone() } });
    html! {
        // `tabindex="-1"`: out of the Tab order, but focus can be handed to it when an
        // update removes what the reader had focused.
        <section class="panel" part="panel" data-testid="panel" id={id.clone()} dir="ltr"
            role="region" aria-label={labels.region.clone()} tabindex="-1" ref={node.clone()}>
            <div class="panel-head">
                { heading(level, "title", None, None, html! { { labels.heading.clone() } }) }
                if let Some(on_close) = on_close {
                    <button type="button" class="close" data-testid="close"
                        aria-label={labels.close.clone()}
                        onclick={on_close.reform(|_: MouseEvent| ())}>
                        { cross() }
                    </button>
                }
            </div>
            if let Some(notice) = &view.notice {
                <p class="notice" data-testid="notice" data-tone={view.overall.tone.as_str()}>
                    { notice.clone() }
                </p>
            }
            if view.overall_shown {
                <p class="overall" data-testid="overall" data-tone={view.overall.tone.as_str()}>
                    { icon(view.overall.tone) }
                    <span>{ view.overall.text.clone() }</span>
                </p>
            }
            if let Some(announcement) = &view.announcement {
                <p class="announcement" data-testid="announcement" dir="auto">
                    { announcement.clone() }
                </p>
            }
            if !view.groups.is_empty() || view.not_shown.is_some() {
                { section(&labels.services) }
                { component_list(&view.groups, level + 2) }
                if let Some(not_shown) = &view.not_shown {
                    <p class="not-shown" data-testid="not-shown">{ not_shown.clone() }</p>
                }
            }
            if view.known {
                { section(&labels.incidents) }
                if view.incidents.is_empty() {
                    <p class="empty" data-testid="no-incidents">{ labels.no_incidents.clone() }</p>
                } else {
                    { for view.incidents.iter().map(|event| event_card(event, labels, Card::Incident, level + 2)) }
                    { more(&view.more_incidents) }
                }
            }
            if !view.resolved.is_empty() {
                { section(&labels.resolved) }
                { for view.resolved.iter().map(|event| event_card(event, labels, Card::Resolved, level + 2)) }
            }
            if !view.maintenances.is_empty() {
                { section(&labels.maintenance) }
                { for view.maintenances.iter().map(|event| event_card(event, labels, Card::Maintenance, level + 2)) }
                { more(&view.more_maintenances) }
            }
            if let Some(updated) = &view.updated {
                <p class="updated" data-testid="updated">{ updated.clone() }</p>
            }
            if let Some(link) = &view.link {
                { status_link(link) }
            } else if view.fallback {
                <p class="fallback" data-testid="fallback"><slot /></p>
            }
        </section>
    }
}

/// A heading of `level` (1 to 6: the panel's own is 1 to 4, its sections one below, its
/// groups and events two) with `class`, the `testid` the contract names and `dir`.
///
/// One literal tag per level rather than Yew's `<@{tag}>`, whose every use brings in the
/// code for `<input>` and `<textarea>` (1.3 kB brotli for the panel's seven headings).
fn heading(
    level: u8,
    class: &'static str,
    testid: Option<&'static str>,
    dir: Option<&'static str>,
    children: Html,
) -> Html {
    match level {
        1 => html! { <h1 {class} data-testid={testid} {dir}>{ children }</h1> },
        2 => html! { <h2 {class} data-testid={testid} {dir}>{ children }</h2> },
        3 => html! { <h3 {class} data-testid={testid} {dir}>{ children }</h3> },
        4 => html! { <h4 {class} data-testid={testid} {dir}>{ children }</h4> },
        5 => html! { <h5 {class} data-testid={testid} {dir}>{ children }</h5> },
        _ => html! { <h6 {class} data-testid={testid} {dir}>{ children }</h6> },
    }
}

/// What a long list leaves out ("3 more on the full status page"), after the list.
fn more(text: &Option<String>) -> Html {
    match text {
        Some(text) => html! { <p class="not-shown" data-testid="more">{ text.clone() }</p> },
        None => Html::default(),
    }
}

/// Component rows, grouped as the feed groups them (`groups` in feed order; a group
/// without a name holds ungrouped components), each group's name a heading of `level`.
fn component_list(groups: &[GroupView], level: u8) -> Html {
    html! {
        <div class="components" data-testid="components">
            { for groups.iter().map(|g| group(g, level)) }
        </div>
    }
}

fn group(group: &GroupView, level: u8) -> Html {
    let rows = html! {
        <ul class="rows">{ for group.components.iter().map(row) }</ul>
    };
    match &group.name {
        None => rows,
        Some(name) => {
            let tone = group.state.as_ref().map(|s| s.tone.as_str());
            html! {
                // The group's name and state head its list, for a screen reader's list of
                // headings too (under the panel's "Services").
                <div class="group" data-testid="group" data-tone={tone}>
                    { heading(level, "group-head", None, None, html! {
                        <>
                            <span class="name" data-testid="group-name" dir="auto">{ name.clone() }</span>
                            if let Some(state) = &group.state {
                                { state_text(state, "group-state") }
                            }
                        </>
                    }) }
                    { rows }
                </div>
            }
        }
    }
}

fn row(component: &ComponentView) -> Html {
    html! {
        <li class="row" key={component.id.clone()} data-testid="component"
            data-id={component.id.clone()} data-tone={component.state.tone.as_str()}>
            <span class="name" data-testid="component-name" dir="auto">{ component.name.clone() }</span>
            { state_text(&component.state, "component-state") }
        </li>
    }
}

fn state_text(state: &StateView, testid: &'static str) -> Html {
    html! {
        <span class="state" data-tone={state.tone.as_str()}>
            { icon(state.tone) }
            <span data-testid={testid}>{ state.text.clone() }</span>
        </span>
    }
}

/// Which list an event card is in.
#[derive(Clone, Copy)]
enum Card {
    /// An active incident: title, impact, stage, facts and the update timeline.
    Incident,
    /// An incident resolved in the last day.
    Resolved,
    /// A maintenance window: title, stage, window and updates.
    Maintenance,
}

impl Card {
    /// The card's `data-testid`, and the `data-testid`s of its title and stage.
    fn test_ids(self) -> [&'static str; 3] {
        match self {
            Card::Incident => ["incident", "incident-title", "incident-status"],
            Card::Resolved => ["resolved", "resolved-title", "resolved-status"],
            Card::Maintenance => ["maintenance", "maintenance-title", "maintenance-status"],
        }
    }

    /// The card's classes. Plain strings, not `classes!`: Yew's class set (an `IndexSet`)
    /// would cost the wasm 0.6 kB brotli for this one element.
    fn class(self) -> &'static str {
        match self {
            Card::Incident => "event incident",
            Card::Resolved => "event resolved",
            Card::Maintenance => "event maintenance",
        }
    }
}

/// One event of the `kind` list, keyed by the event's id, its title a heading of `level`.
///
/// Text from the feed (names, titles, update bodies) is `dir="auto"`: a provider writing
/// in Arabic or Hebrew gets its own direction inside the widget's left-to-right layout.
fn event_card(event: &EventView, labels: &PanelLabels, kind: Card, level: u8) -> Html {
    let [kind_id, title_id, status_id] = kind.test_ids();
    let class = kind.class();
    html! {
        <article key={event.id.clone()} {class} data-testid={kind_id}
            data-id={event.id.clone()}
            data-tone={event.state.tone.as_str()}>
            { heading(level, "event-title", Some(title_id), Some("auto"), html! { { event.title.clone() } }) }
            <p class="event-meta">
                { state_text(&event.state, "event-state") }
                if !event.status.is_empty() {
                    { labels.separator.clone() }
                    <span data-testid={status_id}>{ event.status.clone() }</span>
                }
            </p>
            if !event.facts.is_empty() {
                <dl class="facts">
                    { for event.facts.iter().map(|(label, value)| html! {
                        <>
                            <dt>{ label.clone() }</dt>
                            <dd data-testid="fact">{ value.clone() }</dd>
                        </>
                    }) }
                </dl>
            }
            if !event.updates.is_empty() {
                <ol class="timeline" aria-label={labels.updates.clone()}>
                    { for event.updates.iter().map(|update| html! {
                        <li class="update" data-testid="update">
                            <p class="update-head">
                                if !update.status.is_empty() {
                                    <span class="update-status">{ update.status.clone() }</span>
                                    { labels.separator.clone() }
                                }
                                if update.datetime.is_empty() {
                                    <span>{ update.time.clone() }</span>
                                } else {
                                    <time datetime={update.datetime.clone()}>{ update.time.clone() }</time>
                                }
                                { update.age_suffix.clone() }
                            </p>
                            <p class="update-body" data-testid="update-body" dir="auto">{ update.body.clone() }</p>
                        </li>
                    }) }
                </ol>
                { more(&event.more_updates) }
            }
            if let Some(link) = event.link.as_ref().filter(|l| is_web_url(&l.href)) {
                <a class="details" href={link.href.clone()} aria-label={link.name.clone()}
                    target="_blank" rel="noopener noreferrer">
                    { link.text.clone() }
                </a>
            }
        </article>
    }
}

/// The link to the provider's full status page; dropped unless it is `http:`/`https:`.
fn status_link(link: &LinkView) -> Html {
    if !is_web_url(&link.href) {
        return Html::default();
    }
    html! {
        <p>
            <a class="status-link" data-testid="status-link" href={link.href.clone()}
                target="_blank" rel="noopener noreferrer">
                { link.text.clone() }
            </a>
        </p>
    }
}
