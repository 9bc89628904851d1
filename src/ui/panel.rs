//! The detail panel: overall state, components by group, incidents with their timelines,
//! maintenance windows, the time of the last update and the link to the full status page.

use yew::prelude::*;

use super::icon::{Cross, Icon};
use crate::core::config::is_web_url;
use crate::core::view::{ComponentView, EventView, GroupView, LinkView, PanelView, StateView};

/// Props of [`Panel`].
#[derive(Properties, PartialEq)]
pub(crate) struct PanelProps {
    /// What to show.
    pub view: PanelView,
    /// The panel's id, named by the badge's `aria-controls`.
    pub id: AttrValue,
    /// Called by the close button; `None` hides the button (the panel is always open).
    #[prop_or_default]
    pub on_close: Option<Callback<()>>,
}

/// The panel.
#[function_component]
pub(crate) fn Panel(props: &PanelProps) -> Html {
    let view = &props.view;
    let labels = &view.labels;
    html! {
        <section class="panel" part="panel" data-testid="panel" id={props.id.clone()}
            role="region" aria-label={labels.heading.clone()}>
            <div class="panel-head">
                <h2>{ labels.heading.clone() }</h2>
                if let Some(on_close) = &props.on_close {
                    <button type="button" class="close" data-testid="close"
                        aria-label={labels.close.clone()}
                        onclick={on_close.reform(|_: MouseEvent| ())}>
                        <Cross />
                    </button>
                }
            </div>
            if let Some(notice) = &view.notice {
                <p class="notice" data-testid="notice" data-tone={view.overall.tone.as_str()}>
                    { notice.clone() }
                </p>
            }
            <p class="overall" data-testid="overall" data-tone={view.overall.tone.as_str()}>
                <Icon tone={view.overall.tone} />
                <span>{ view.overall.text.clone() }</span>
            </p>
            if !view.groups.is_empty() {
                <h3>{ labels.services.clone() }</h3>
                <ComponentList groups={view.groups.clone()} />
            }
            <h3>{ labels.incidents.clone() }</h3>
            if view.incidents.is_empty() {
                <p class="empty" data-testid="no-incidents">{ labels.no_incidents.clone() }</p>
            } else {
                { for view.incidents.iter().map(|event| html! {
                    <Incident key={event.id.clone()} event={event.clone()}
                        updates={labels.updates.clone()} details={labels.details.clone()} />
                }) }
            }
            if !view.maintenances.is_empty() {
                <h3>{ labels.maintenance.clone() }</h3>
                { for view.maintenances.iter().map(|event| html! {
                    <Maintenance key={event.id.clone()} event={event.clone()}
                        updates={labels.updates.clone()} details={labels.details.clone()} />
                }) }
            }
            if let Some(updated) = &view.updated {
                <p class="updated" data-testid="updated">{ updated.clone() }</p>
            }
            if let Some(link) = &view.link {
                <StatusLink link={link.clone()} />
            }
        </section>
    }
}

/// Props of [`ComponentList`].
#[derive(Properties, PartialEq)]
pub(crate) struct ComponentListProps {
    /// Groups in feed order; a group without a name holds ungrouped components.
    pub groups: Vec<GroupView>,
}

/// Component rows, grouped as the feed groups them.
#[function_component]
pub(crate) fn ComponentList(props: &ComponentListProps) -> Html {
    html! {
        <div class="components" data-testid="components">
            { for props.groups.iter().map(group) }
        </div>
    }
}

fn group(group: &GroupView) -> Html {
    let rows = html! {
        <ul class="rows">{ for group.components.iter().map(row) }</ul>
    };
    match &group.name {
        None => rows,
        Some(name) => {
            let tone = group.state.as_ref().map(|s| s.tone.as_str());
            html! {
                <div class="group" data-testid="group" data-tone={tone}>
                    <div class="group-head">
                        <span class="name" data-testid="group-name">{ name.clone() }</span>
                        if let Some(state) = &group.state {
                            { state_text(state, "group-state") }
                        }
                    </div>
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
            <span class="name" data-testid="component-name">{ component.name.clone() }</span>
            { state_text(&component.state, "component-state") }
        </li>
    }
}

fn state_text(state: &StateView, testid: &'static str) -> Html {
    html! {
        <span class="state" data-tone={state.tone.as_str()}>
            <Icon tone={state.tone} />
            <span data-testid={testid}>{ state.text.clone() }</span>
        </span>
    }
}

/// Props of [`Incident`] and [`Maintenance`].
#[derive(Properties, PartialEq)]
pub(crate) struct EventProps {
    /// What to show.
    pub event: EventView,
    /// Accessible name of the timeline ("Updates").
    pub updates: AttrValue,
    /// Text of the link to the event's own page ("Details").
    pub details: AttrValue,
}

/// An active incident: title, impact, stage, facts and the update timeline.
#[function_component]
pub(crate) fn Incident(props: &EventProps) -> Html {
    event_card(props, "incident")
}

/// A maintenance window: title, stage, window and updates.
#[function_component]
pub(crate) fn Maintenance(props: &EventProps) -> Html {
    event_card(props, "maintenance")
}

fn event_card(props: &EventProps, kind: &'static str) -> Html {
    let event = &props.event;
    let title_id = if kind == "incident" {
        "incident-title"
    } else {
        "maintenance-title"
    };
    let status_id = if kind == "incident" {
        "incident-status"
    } else {
        "maintenance-status"
    };
    html! {
        <article class={classes!("event", kind)} data-testid={kind} data-id={event.id.clone()}
            data-tone={event.state.tone.as_str()}>
            <h4 data-testid={title_id}>{ event.title.clone() }</h4>
            <p class="event-meta">
                { state_text(&event.state, "event-state") }
                if !event.status.is_empty() {
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
                <ol class="timeline" aria-label={props.updates.clone()}>
                    { for event.updates.iter().map(|update| html! {
                        <li class="update" data-testid="update">
                            <p class="update-head">
                                if !update.status.is_empty() {
                                    <span class="update-status">{ update.status.clone() }</span>
                                    { " · " }
                                }
                                if update.datetime.is_empty() {
                                    <span>{ update.time.clone() }</span>
                                } else {
                                    <time datetime={update.datetime.clone()}>{ update.time.clone() }</time>
                                }
                                if !update.age.is_empty() {
                                    { format!(" ({})", update.age) }
                                }
                            </p>
                            <p class="update-body" data-testid="update-body">{ update.body.clone() }</p>
                        </li>
                    }) }
                </ol>
            }
            if let Some(url) = event.url.as_ref().filter(|u| is_web_url(u)) {
                <a class="details" href={url.clone()} target="_blank" rel="noopener noreferrer">
                    { props.details.clone() }
                </a>
            }
        </article>
    }
}

/// Props of [`StatusLink`].
#[derive(Properties, PartialEq)]
struct StatusLinkProps {
    link: LinkView,
}

/// The link to the provider's full status page; dropped unless it is `http:`/`https:`.
#[function_component]
fn StatusLink(props: &StatusLinkProps) -> Html {
    if !is_web_url(&props.link.href) {
        return Html::default();
    }
    html! {
        <p>
            <a class="status-link" data-testid="status-link" href={props.link.href.clone()}
                target="_blank" rel="noopener noreferrer">
                { props.link.text.clone() }
            </a>
        </p>
    }
}
