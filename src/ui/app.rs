//! The widget's root component: holds the feed state and the open/closed flag, polls, and
//! renders the badge and panel from core's view-models.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::poller::{use_feed, use_ticker, Control, Pace};
use super::style::CSS;
use super::{badge, panel};
use crate::core::config::{Config, View};
use crate::core::diff::{self, Observed};
use crate::core::filter;
use crate::core::i18n::Locale;
use crate::core::state::{self, FeedState, Phase};
use crate::core::view::{badge_view, panel_view, ViewInput};
use crate::web::{self, BrowserZone};

/// How often relative ages ("5 min ago") and the stale check are refreshed.
const TICK_MS: u64 = 30_000;

/// The shortest tick a test's time scale may ask for.
const MIN_TICK_MS: u64 = 50;

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub(crate) struct AppProps {
    /// The validated configuration.
    pub config: Rc<Config>,
    /// The reader's language.
    pub locale: Locale,
    /// How polls are timed: the config's `refresh_secs`, or the test hook's interval.
    pub pace: Pace,
    /// False renders `initial` without touching the network (tests).
    pub poll: bool,
    /// The state to start from; `None` starts loading.
    #[prop_or_default]
    pub initial: Option<Rc<FeedState>>,
    /// Where `telltale:change` is dispatched (the host element).
    #[prop_or_default]
    pub host: Option<web_sys::EventTarget>,
    /// Lets the page ask for a poll now.
    #[prop_or_default]
    pub control: Control,
    /// The panel's element id, unique within the shadow root.
    pub panel_id: AttrValue,
    /// True renders the stylesheet as a `<style>` element; false when the mount adopted
    /// it as a constructable stylesheet (which a strict CSP allows).
    pub inline_css: bool,
}

/// How long a sentence one widget has just announced keeps another from saying it too.
const SAME_ANNOUNCEMENT_MS: i64 = 2_000;

thread_local! {
    /// The sentence a widget on this page announced last, with when.
    static ANNOUNCED: std::cell::RefCell<(String, i64)> =
        const { std::cell::RefCell::new((String::new(), i64::MIN)) };
}

/// `text` for this widget's live region, or nothing when another widget on the page has
/// just announced the very same sentence: a header badge and a panel on one feed would
/// otherwise make a screen reader say every change twice. Widgets with a `label` say
/// different sentences and both speak.
fn first_to_say(text: String, now_ms: i64) -> String {
    ANNOUNCED.with(|announced| {
        let mut announced = announced.borrow_mut();
        if announced.0 == text && now_ms.saturating_sub(announced.1) < SAME_ANNOUNCEMENT_MS {
            return String::new();
        }
        *announced = (text.clone(), now_ms);
        text
    })
}

fn phase_name(phase: Phase) -> &'static str {
    match phase {
        Phase::Loading => "loading",
        Phase::Live => "live",
        Phase::Stale => "stale",
        Phase::Unavailable => "unavailable",
    }
}

/// The widget.
#[function_component]
pub(crate) fn App(props: &AppProps) -> Html {
    // The test hook, read once: its time scale shortens the schedule, the stale age and
    // the tick alike.
    let hooks = *use_memo((), |()| web::test_hooks());
    let feed = use_feed(
        &props.config,
        props.pace,
        props.poll,
        props.initial.clone(),
        &props.control,
        hooks,
    );
    let expanded = use_state(|| false);
    let announcement = use_state(String::new);
    let observed = use_mut_ref(|| None::<Observed>);
    let unmatched_warned = use_mut_ref(|| false);
    // Set while the live region carries an alert (unavailable, offline): the next new
    // snapshot is announced even when it changes nothing, so the reader hears that live
    // status is back.
    let alerted = use_mut_ref(|| false);
    let badge_node = use_node_ref();
    let tick_ms = hooks.scaled_ms(TICK_MS).max(MIN_TICK_MS);
    let _tick = use_ticker(u32::try_from(tick_ms).unwrap_or(u32::MAX));

    let config = &props.config;
    let state: &FeedState = &feed;
    let now_ms = web::now_ms();
    let stale_after_ms = {
        let unscaled = state::stale_after_ms(config.refresh_secs).unsigned_abs();
        i64::try_from(hooks.scaled_ms(unscaled)).unwrap_or(i64::MAX)
    };
    let toggles = config.view != View::Panel;
    let open = !toggles || *expanded;
    let input = ViewInput {
        config,
        state,
        locale: props.locale,
        zone: &BrowserZone,
        now_ms,
        stale_after_ms,
        expanded: open,
    };
    let badge = badge_view(&input);
    if badge.alert.is_some() {
        *alerted.borrow_mut() = true;
    }

    // Tell the host and the reader when what the widget shows changes: once per new
    // snapshot, never for an identical poll (core's diff decides).
    {
        let feed = feed.clone();
        let config = Rc::clone(config);
        let host = props.host.clone();
        let announcement = announcement.setter();
        let said = badge.spoken.clone();
        let fetched_at_ms = state.good.as_ref().map(|g| g.fetched_at_ms);
        let unmatched_warned = unmatched_warned.clone();
        let alerted = alerted.clone();
        use_effect_with(fetched_at_ms, move |_| {
            let Some(good) = &feed.good else {
                return;
            };
            // Once per mount, after the first snapshot: `components` names that matched
            // nothing are almost always a typo the partner wants to hear about.
            if !*unmatched_warned.borrow() {
                *unmatched_warned.borrow_mut() = true;
                let unmatched = filter::unmatched(&good.parsed.snapshot, &config.components);
                if !unmatched.is_empty() {
                    web::warn(&format!(
                        "{}: components matched nothing in the feed: {}",
                        config.feed,
                        unmatched.join(", ")
                    ));
                }
            }
            let shown = filter::apply(&good.parsed.snapshot, &config.components);
            let now = diff::observe(&shown, good.fetched_at_ms);
            let change = diff::diff(observed.borrow().as_ref(), &now);
            *observed.borrow_mut() = Some(now);
            let recovered = alerted.replace(false);
            let announce = move || announcement.set(first_to_say(said, web::now_ms()));
            let Some(change) = change else {
                if recovered {
                    announce();
                }
                return;
            };
            if let Some(host) = &host {
                web::dispatch_change(host, &change);
            }
            // The first live state is what the reader already sees appear; announce and
            // log only real changes.
            if let Some(previous) = change.previous {
                web::info(&format!(
                    "{}: {} (was {})",
                    config.feed, change.overall, previous
                ));
                announce();
            } else if recovered || change.components.iter().any(|c| c.previous.is_some()) {
                announce();
            }
        });
    }

    let close = {
        let expanded = expanded.clone();
        let badge_node = badge_node.clone();
        Callback::from(move |()| {
            expanded.set(false);
            if let Some(button) = badge_node.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        })
    };
    let onkeydown = {
        let close = close.clone();
        let is_open = toggles && *expanded;
        Callback::from(move |event: KeyboardEvent| {
            if is_open && event.key() == "Escape" {
                // Ours to handle: the host's own Escape handlers (a dialog around us)
                // should not also fire for this key press.
                event.stop_propagation();
                close.emit(());
            }
        })
    };
    let on_toggle = {
        let expanded = expanded.clone();
        Callback::from(move |()| expanded.set(!*expanded))
    };

    let phase = phase_name(state.phase(now_ms, stale_after_ms));
    let visible = badge.visible;
    let panel = (visible && open).then(|| panel_view(&input));
    html! {
        <>
            if props.inline_css {
                <style>{ CSS }</style>
            }
            // Every catalogue language is written left to right: on a right-to-left page
            // the widget's own sentences must not inherit `rtl`.
            <div class="tt" data-testid="root" data-phase={phase} data-theme={config.theme.as_str()}
                lang={props.locale.tag()} dir="ltr" {onkeydown}>
                if visible {
                    { badge::badge(&badge, &props.panel_id, toggles, &on_toggle, &badge_node) }
                }
                if let Some(panel) = panel {
                    // The box sizes the panel: 380px where there is room, narrower where
                    // there is not (see `.panel-box` in the stylesheet).
                    <div class="panel-box">
                        { panel::panel(&panel, &props.panel_id, toggles.then_some(&close)) }
                    </div>
                }
                <div class="visually-hidden" data-testid="live-region" aria-live="polite"
                    aria-atomic="true">
                    { badge.alert.clone().unwrap_or_else(|| (*announcement).clone()) }
                </div>
            </div>
        </>
    }
}
