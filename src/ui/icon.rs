//! Small inline SVG icons: one distinct shape per tone, so a state never depends on colour
//! alone (a check, a wrench, a half-filled circle, a warning triangle, a cross, a question
//! mark, a spinner). Icons are decorative (`aria-hidden`): the text next to them says it.
//!
//! They are plain functions, not components: a component costs the wasm its own set of
//! lifecycle functions (about 1 kB each), and an icon has no state to keep between renders.

use yew::prelude::*;

use crate::core::model::Level;
use crate::core::view::Tone;

/// The icon of `tone`, drawn in the tone's colour (`--tt-tone` via `data-tone`).
pub(crate) fn icon(tone: Tone) -> Html {
    let shape = match tone {
        Tone::Level(Level::Operational) => html! {
            <>
                <circle cx="8" cy="8" r="7.5" fill="currentColor" />
                <path class="glyph" d="M4.6 8.3l2.3 2.3 4.6-4.9" />
            </>
        },
        Tone::Level(Level::Maintenance) => html! {
            <>
                <circle cx="8" cy="8" r="7.5" fill="currentColor" />
                <path class="glyph" d="M9.9 4.2a2.3 2.3 0 0 0-2.6 3L4.4 10.1a1 1 0 0 0 1.5 1.5L8.8 8.7a2.3 2.3 0 0 0 3-2.6l-1.4 1.4-1.6-.3-.3-1.6z" />
            </>
        },
        Tone::Level(Level::Degraded) => html! {
            <>
                <circle cx="8" cy="8" r="6.6" fill="none" stroke="currentColor" stroke-width="1.8" />
                <path d="M8 1.4a6.6 6.6 0 0 0 0 13.2z" fill="currentColor" />
            </>
        },
        Tone::Level(Level::PartialOutage) => html! {
            <>
                <path d="M8 0.8l7.4 13.4H0.6z" fill="currentColor" stroke="currentColor" stroke-width="1" stroke-linejoin="round" />
                <path class="glyph" d="M8 5.6v3.9" />
                <circle class="dot" cx="8" cy="11.9" r="1" />
            </>
        },
        Tone::Level(Level::MajorOutage) => html! {
            <>
                <circle cx="8" cy="8" r="7.5" fill="currentColor" />
                <path class="glyph" d="M5.4 5.4l5.2 5.2M10.6 5.4l-5.2 5.2" />
            </>
        },
        Tone::Unknown => html! {
            <>
                <circle cx="8" cy="8" r="6.7" fill="none" stroke="currentColor" stroke-width="1.6" />
                <path d="M6.1 6.2a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.7.6-.7 1.1v.5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
                <circle cx="8" cy="11.8" r="0.95" fill="currentColor" />
            </>
        },
        Tone::Loading => html! {
            <>
                <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-opacity="0.3" stroke-width="1.8" />
                <path class="spin" d="M8 1.8a6.2 6.2 0 0 1 6.2 6.2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
            </>
        },
    };
    html! {
        <svg class="icon" data-tone={tone.as_str()} data-icon={tone.as_str()}
            viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            { shape }
        </svg>
    }
}

/// The badge's disclosure arrow.
pub(crate) fn chevron() -> Html {
    html! {
        <svg class="chevron" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
            <path d="M2.5 4.5L6 8l3.5-3.5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}

/// The panel's close cross.
pub(crate) fn cross() -> Html {
    html! {
        <svg viewBox="0 0 12 12" aria-hidden="true" focusable="false">
            <path d="M2.5 2.5l7 7M9.5 2.5l-7 7" />
        </svg>
    }
}
