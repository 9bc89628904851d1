//! The one-line badge: icon, optional label, state text and, when stale, the data's age.

use yew::prelude::*;

use super::icon::{Chevron, Icon};
use crate::core::view::BadgeView;

/// Props of [`Badge`].
#[derive(Properties, PartialEq)]
pub(crate) struct BadgeProps {
    /// What to show.
    pub view: BadgeView,
    /// The id of the panel the badge opens (`aria-controls`).
    pub panel_id: AttrValue,
    /// True when the badge is a disclosure button; false when the panel is always open
    /// (`view="panel"`), where a button that does nothing would mislead.
    pub toggles: bool,
    /// Called when the reader activates the badge (click, Enter, Space).
    pub on_toggle: Callback<()>,
    /// The button, so focus can return to it when the panel closes.
    pub node: NodeRef,
}

/// The badge.
#[function_component]
pub(crate) fn Badge(props: &BadgeProps) -> Html {
    let view = &props.view;
    let content = html! {
        <>
            <Icon tone={view.tone} />
            // One inline run of text, so a narrow badge wraps it like a sentence instead
            // of laying label, state and age out as side-by-side columns.
            <span class="badge-words">
                if let Some(label) = &view.label {
                    <span class="badge-label" data-testid="badge-label">{ label.clone() }</span>
                    { " " }
                }
                <span class="badge-text" data-testid="badge-text">{ view.text.clone() }</span>
                if let Some(age) = &view.age {
                    { " " }
                    <span class="badge-age" data-testid="badge-age">{ age.clone() }</span>
                }
            </span>
        </>
    };
    if !props.toggles {
        return html! {
            <div class="badge" part="badge" data-testid="badge" data-tone={view.tone.as_str()}>
                { content }
            </div>
        };
    }
    let onclick = props.on_toggle.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class="badge" part="badge" data-testid="badge" ref={props.node.clone()}
            data-tone={view.tone.as_str()}
            aria-expanded={if view.expanded { "true" } else { "false" }}
            aria-controls={props.panel_id.clone()}
            aria-label={view.aria_label.clone()}
            {onclick}>
            { content }
            <Chevron />
        </button>
    }
}
