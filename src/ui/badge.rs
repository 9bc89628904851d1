//! The one-line badge: icon, optional label, state text and, when stale, the data's age.

use yew::prelude::*;

use super::icon::{chevron, icon};
use crate::core::view::BadgeView;

/// The badge for `view`. When `toggles`, it is a disclosure button (`node` is its
/// element, so focus can return to it when the panel closes) that calls `on_toggle` when
/// the reader activates it (click, Enter, Space) and, while the panel is open, names
/// `panel_id` in `aria-controls` (a closed panel is not in the document to point at);
/// otherwise (`view="panel"`, the panel always open) a plain box, because a button that
/// does nothing would mislead.
pub(crate) fn badge(
    view: &BadgeView,
    panel_id: &AttrValue,
    toggles: bool,
    on_toggle: &Callback<()>,
    node: &NodeRef,
) -> Html {
    let content = html! {
        <>
            { icon(view.tone) }
            // One inline run of text, so a narrow badge wraps it like a sentence instead
            // of laying label, state and age out as side-by-side columns.
            <span class="badge-words">
                if let Some(label) = &view.label {
                    // Isolated: a right-to-left label and a right-to-left service name
                    // after it would otherwise merge into one run, the label last.
                    <span class="badge-label" data-testid="badge-label" dir="auto">{ label.clone() }</span>
                    <span class="badge-sep">{ view.separator.clone() }</span>
                }
                <span class="badge-text" data-testid="badge-text">{ view.text.clone() }</span>
                if let Some(age) = &view.age {
                    { view.age_frame[0] }
                    <span class="badge-age" data-testid="badge-age">{ age.clone() }</span>
                    { view.age_frame[1] }
                }
            </span>
        </>
    };
    if !toggles {
        return html! {
            <div class="badge" part="badge" data-testid="badge" data-tone={view.tone.as_str()} dir="ltr">
                { content }
            </div>
        };
    }
    let onclick = on_toggle.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class="badge" part="badge" data-testid="badge" ref={node.clone()}
            data-tone={view.tone.as_str()} dir="ltr"
            aria-expanded={if view.expanded { "true" } else { "false" }}
            aria-controls={view.expanded.then(|| panel_id.clone())}
            aria-label={view.aria_label.clone()}
            {onclick}>
            { content }
            { chevron() }
        </button>
    }
}
