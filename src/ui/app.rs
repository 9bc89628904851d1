//! The widget's root component: holds the feed state and the open/closed flag, polls, and
//! renders the badge and panel from core's view-models.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::thread::LocalKey;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::poller::{Control, FeedLink, Pace};
use super::style::CSS;
use super::{badge, panel};
use crate::core::announce::{self, Recent};
use crate::core::config::{Config, View};
use crate::core::diff::{self, Observed};
use crate::core::filter;
use crate::core::i18n::Locale;
use crate::core::state::{self, FeedState};
use crate::core::view::{views, ViewInput};
use crate::web::{self, hub, BrowserZone, Listener, TestHooks, Timer};

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
    /// Where the reader was in the widget this one replaces: it starts from there.
    #[prop_or_default]
    pub place: Place,
}

/// The reader's place in a widget: its panel open, their focus inside it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Place {
    /// The reader had opened the panel.
    pub open: bool,
    /// The reader's focus was in the widget.
    pub focused: bool,
}

impl Place {
    /// Where the reader is in the widget rendered into `root`: whether its badge says the
    /// panel is open, and whether their focus is inside it. Read here, beside the markup
    /// it reads, so the embed layer need not know the badge's attributes.
    pub(crate) fn of(root: &web_sys::ShadowRoot) -> Place {
        Place {
            open: matches!(root.query_selector("[aria-expanded=true]"), Ok(Some(_))),
            focused: root.active_element().is_some(),
        }
    }
}

thread_local! {
    /// What widgets on this page said last in their live regions.
    static ANNOUNCED: RefCell<Recent> = const { RefCell::new(Recent::new()) };
    /// The `[telltale]` lines about a change they logged last.
    static LOGGED: RefCell<Recent> = const { RefCell::new(Recent::new()) };
}

/// True unless another widget on the page has just said the very same `text`, or the
/// same `news`, on `channel` ([`Recent::first_to_say`]).
fn first_to_say(channel: &'static LocalKey<RefCell<Recent>>, text: &str, news: &str) -> bool {
    channel.with(|recent| recent.borrow_mut().first_to_say(text, news, web::now_ms()))
}

/// What the widget reacts to.
pub(crate) enum Msg {
    /// The feed's state changed (from the page's feed hub).
    Feed(Rc<FeedState>),
    /// Time passed: relative ages and the stale check are due again.
    Tick,
    /// The reader activated the badge.
    Toggle,
    /// Escape or the close button: the panel closes and focus returns to the badge.
    Close,
    /// The sentence for the live region.
    Announce(String),
}

/// The widget: the one Yew component. A struct component rather than a function
/// component, because hooks bring their own machinery into the wasm (4.6 kB brotli)
/// and the widget's state is a handful of fields. Its props are fixed for its life: the
/// embed layer renders it once and replaces the whole app when the settings change.
pub(crate) struct App {
    /// The test hook, read once: its time scale shortens the schedule, the stale age and
    /// the tick alike.
    hooks: TestHooks,
    feed: Rc<FeedState>,
    expanded: bool,
    announcement: String,
    /// What the host was last told about (`telltale:change`), for core's diff.
    observed: Option<Observed>,
    /// The `fetched_at_ms` of the snapshot last looked at after a render; `None` before
    /// the first render.
    seen: Option<Option<i64>>,
    /// The `components` warning is given once per mount.
    unmatched_warned: bool,
    /// Set while the badge alerts (unavailable, offline): the next new snapshot is
    /// announced even when it changes nothing, so the reader hears that live status is
    /// back.
    alerted: bool,
    /// Set while the live region holds an alert: when its reason goes (back online to a
    /// feed that still fails), the region lets go of it rather than keep saying it.
    alert_said: bool,
    /// What the last render's badge says to a screen reader, its news
    /// ([`announce::news`]), and whether it alerted.
    rendered_badge: RefCell<(String, String, bool)>,
    badge_node: NodeRef,
    /// The widget's root and panel elements, and whether the reader's focus was inside
    /// the widget when the last update began: a render that removes the focused element
    /// (the link of an incident that has just resolved) hands focus back to the widget
    /// instead of dropping it on the page's `<body>`.
    root_node: NodeRef,
    panel_node: NodeRef,
    had_focus: bool,
    /// True while Escape is the widget's: the reader's panel is open (never with
    /// `view="panel"`, which has nothing to close). Set by each render, read by `escape`.
    closable: Rc<Cell<bool>>,
    /// Escape anywhere in the widget, from the first render on. A listener of its own on
    /// the root rather than Yew's `onkeydown`: Yew's delegation walks up from the light
    /// DOM and never sees a key pressed on the page's fallback link shown in the panel's
    /// `<slot>`, while the native event passes through the slot and the root.
    escape: Option<Listener>,
    /// The feed subscription, from the first render on (when `poll`).
    feed_link: Option<FeedLink>,
    _ticker: Timer,
}

impl App {
    /// True while the reader's focus is in the widget.
    fn has_focus(&self) -> bool {
        self.root_node
            .cast::<web_sys::Element>()
            .is_some_and(|root| web::focus_within(&root))
    }

    /// After a render that took away the element the reader's focus was on: focus moves
    /// to the badge, or to the panel where there is no badge to press (`view="panel"`).
    /// A `notice` that has just hidden itself has nothing left to take it.
    fn keep_focus(&mut self) {
        let had_focus = std::mem::take(&mut self.had_focus);
        let Some(root) = self.root_node.cast::<web_sys::Element>() else {
            return;
        };
        if !had_focus || web::focus_within(&root) {
            return;
        }
        let target = [&self.badge_node, &self.panel_node]
            .into_iter()
            .filter_map(NodeRef::cast::<HtmlElement>)
            .find(|element| root.contains(Some(element)));
        if let Some(target) = target {
            let _ = target.focus();
        }
    }

    fn stale_after_ms(&self, config: &Config) -> i64 {
        let unscaled = state::stale_after_ms(config.refresh_secs).unsigned_abs();
        i64::try_from(self.hooks.scaled_ms(unscaled)).unwrap_or(i64::MAX)
    }

    /// Tells the host and the reader when what the widget shows changes: for a new
    /// snapshot, or as time passes (a maintenance window opens or closes between polls),
    /// never for an identical poll (core's diff decides).
    fn after_render(&mut self, ctx: &Context<Self>) {
        let (said, news, alert) = self.rendered_badge.borrow().clone();
        // What the badge says goes to the live region once per page: a header badge and a
        // panel on one feed would otherwise make a screen reader say it twice.
        let announce = || {
            let first = first_to_say(&ANNOUNCED, &said, &news);
            let text = if first { said.clone() } else { String::new() };
            ctx.link().send_message(Msg::Announce(text));
        };
        // An alert is said as it appears, whatever else changed, and again after the region
        // let go of it (offline, back online to a feed that still fails, offline again):
        // hence `alert_said`, not `alerted`, which only the recovery resets.
        if alert && !self.alert_said {
            self.alerted = true;
            self.alert_said = true;
            announce();
        } else if !alert && std::mem::take(&mut self.alert_said) {
            ctx.link().send_message(Msg::Announce(String::new()));
        }
        let fetched_at_ms = self.feed.good.as_ref().map(|g| g.fetched_at_ms);
        let new_snapshot = self.seen != Some(fetched_at_ms);
        self.seen = Some(fetched_at_ms);
        let feed = Rc::clone(&self.feed);
        let Some(good) = &feed.good else {
            return;
        };
        let props = ctx.props();
        let config = &props.config;
        // Once per mount, after the first snapshot: `components` names that matched
        // nothing are almost always a typo the partner wants to hear about.
        if !self.unmatched_warned {
            self.unmatched_warned = true;
            let unmatched = filter::unmatched(&good.parsed.snapshot, &config.components);
            if !unmatched.is_empty() {
                web::warn(&format!(
                    "{}: components matched nothing in the feed: {}",
                    config.feed,
                    unmatched.join(", ")
                ));
            }
        }
        // As the view shows it: at the time of this render.
        let now_ms = web::now_ms();
        let shown = filter::shown_at(&good.parsed.snapshot, &config.components, now_ms);
        let now = diff::observe(&shown, now_ms);
        if filter::knows_nothing(&good.parsed.snapshot, &config.components, now.overall) {
            return;
        }
        let change = diff::diff(self.observed.as_ref(), &now);
        if change.is_none() && !new_snapshot {
            return;
        }
        self.observed = Some(now);
        let recovered = !alert && std::mem::take(&mut self.alerted);
        let Some(change) = change else {
            if recovered {
                announce();
            }
            return;
        };
        if let Some(host) = &props.host {
            web::dispatch_change(host, &change);
        }
        // The first live state is what the reader already sees appear; announce and log
        // only real changes.
        if let Some(previous) = change.previous {
            // A change of one service's state, or of the list alone, leaves the overall
            // state as it was: "major_outage (was major_outage)" would say nothing.
            let line = format!("{}: {} (was {})", config.feed, change.overall, previous);
            if previous != change.overall && first_to_say(&LOGGED, &line, &line) {
                web::info(&line);
            }
            announce();
        } else if recovered || change.components.iter().any(|c| c.previous.is_some()) {
            announce();
        }
    }
}

impl Component for App {
    type Message = Msg;
    type Properties = AppProps;

    fn create(ctx: &Context<Self>) -> Self {
        let props = ctx.props();
        let hooks = web::test_hooks();
        let tick_ms = hooks.scaled_ms(TICK_MS).max(MIN_TICK_MS);
        let link = ctx.link().clone();
        let ticker = Timer::every(u32::try_from(tick_ms).unwrap_or(u32::MAX), move || {
            link.send_message(Msg::Tick)
        });
        App {
            hooks,
            feed: props.initial.clone().unwrap_or_default(),
            expanded: props.place.open,
            announcement: String::new(),
            observed: None,
            seen: None,
            unmatched_warned: false,
            alerted: false,
            alert_said: false,
            rendered_badge: RefCell::default(),
            badge_node: NodeRef::default(),
            root_node: NodeRef::default(),
            panel_node: NodeRef::default(),
            // Focus the reader had in the widget this one replaces goes to its badge
            // (`keep_focus`, after the first render).
            had_focus: props.place.focused,
            closable: Rc::default(),
            escape: None,
            feed_link: None,
            _ticker: ticker,
        }
    }

    fn update(&mut self, _ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            // A new state and the passing of time re-render from outside the reader's
            // hands, and so may take away what has focus.
            Msg::Feed(state) => {
                self.had_focus = self.has_focus();
                self.feed = state;
            }
            Msg::Tick => self.had_focus = self.has_focus(),
            Msg::Toggle => self.expanded = !self.expanded,
            Msg::Close => {
                self.expanded = false;
                if let Some(button) = self.badge_node.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            }
            Msg::Announce(text) => {
                if self.announcement == text {
                    return false;
                }
                self.announcement = text;
            }
        }
        true
    }

    fn rendered(&mut self, ctx: &Context<Self>, first_render: bool) {
        let props = ctx.props();
        if first_render {
            self.escape = self.root_node.cast::<web_sys::Element>().and_then(|root| {
                let link = ctx.link().clone();
                let closable = Rc::clone(&self.closable);
                Listener::new(&root, "keydown", move |event| {
                    // Ours to handle: neither the host's own Escape handlers nor the key's
                    // default action (a modal `<dialog>` around us closes on it) should
                    // also act on this key press.
                    if closable.get() && web::key_is(event, "Escape") {
                        event.prevent_default();
                        event.stop_propagation();
                        link.send_message(Msg::Close);
                    }
                })
            });
        }
        if first_render && props.poll {
            let link = ctx.link().clone();
            let notify: hub::Notify = Rc::new(move |state| link.send_message(Msg::Feed(state)));
            self.feed_link = Some(FeedLink::new(
                &props.config,
                props.pace,
                &props.control,
                self.hooks,
                notify,
            ));
        }
        self.keep_focus();
        self.after_render(ctx);
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let props = ctx.props();
        let config = &props.config;
        let state: &FeedState = &self.feed;
        let now_ms = web::now_ms();
        let stale_after_ms = self.stale_after_ms(config);
        let toggles = config.view != View::Panel;
        let open = !toggles || self.expanded;
        let input = ViewInput {
            config,
            state,
            locale: props.locale,
            zone: &BrowserZone,
            now_ms,
            stale_after_ms,
            expanded: open,
        };
        // The panel only while open (the reader's, or always for `view="panel"`), and
        // only beside a visible badge: a hidden notice shows nothing.
        let (badge, panel) = views(&input);
        let news = announce::news(config, badge.tone.as_str(), badge.age.as_deref());
        *self.rendered_badge.borrow_mut() = (badge.spoken.clone(), news, badge.alert);

        let link = ctx.link();
        let close = link.callback(|()| Msg::Close);
        self.closable.set(toggles && self.expanded);
        let on_toggle = link.callback(|()| Msg::Toggle);

        let phase = state.phase(now_ms, stale_after_ms).as_str();
        let visible = badge.visible;
        html! {
            <>
                if props.inline_css {
                    <style>{ CSS }</style>
                }
                // The root keeps the page's direction, so `--telltale-align: start` is the
                // page's start (the right on a right-to-left page). Every catalogue
                // language is written left to right: the badge, the panel and the live
                // region are `dir="ltr"`, so the widget's own sentences never inherit `rtl`.
                // `translate="no"`: the widget already speaks the reader's language, and a
                // page translator that swaps its text nodes for its own would freeze the
                // status (Yew updates the nodes it made, no longer in the page).
                <div class="tt" data-testid="root" data-phase={phase} data-theme={config.theme.as_str()}
                    lang={props.locale.tag()} translate="no" ref={self.root_node.clone()}>
                    if visible {
                        { badge::badge(&badge, &props.panel_id, toggles, &on_toggle, &self.badge_node) }
                    }
                    if let Some(panel) = panel {
                        // The box sizes the panel: 380px where there is room, narrower
                        // where there is not (see `.panel-box` in the stylesheet).
                        <div class="panel-box">
                            { panel::panel(&panel, &props.panel_id, toggles.then_some(&close), &self.panel_node) }
                        </div>
                    }
                    <div class="visually-hidden" data-testid="live-region" aria-live="polite"
                        aria-atomic="true" dir="ltr">
                        { self.announcement.clone() }
                    </div>
                </div>
            </>
        }
    }
}
