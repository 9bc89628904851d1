//! Starting and stopping one widget: validate the settings, take the element's shadow
//! root, render the Yew app into it, and give everything back when it is unmounted.
//!
//! Running widgets are kept in a per-page registry keyed by element, not by the page's
//! handle: a page that calls `Telltale.mount` and drops the handle keeps its widget (the
//! garbage collector must not take a widget off the page at a random moment), and mounting
//! into an element that already holds a widget replaces it instead of leaving a second
//! one running unseen.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

use super::options::{config_from_element, config_from_options, negotiate_locale, MountError};
use crate::core::config::Config;
use crate::core::state::FeedState;
use crate::ui::{App, AppProps, Control, Pace, Place, CSS};
use crate::web::{live, Timer};

/// The smallest poll interval the test hook may ask for, milliseconds.
pub(crate) const MIN_TEST_REFRESH_MS: u32 = 50;

/// How often a widget mounted into an element outside the document looks for it there,
/// milliseconds, until it has been seen (see [`watch_unseen`]).
const UNSEEN_CHECK_MS: u32 = 250;

type Slot = Rc<RefCell<Option<Mounted>>>;

/// A running widget in the registry.
struct Entry {
    element: Element,
    slot: Slot,
    /// The element has been seen in the document: once it has left it, the widget stops.
    was_connected: bool,
}

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    static WIDGETS: RefCell<Vec<Entry>> = const { RefCell::new(Vec::new()) };
    /// The page's one constructable stylesheet, shared by every widget's shadow root.
    static SHEET: RefCell<Option<web_sys::CssStyleSheet>> = const { RefCell::new(None) };
    /// Runs while some widget's element has not yet been seen in the document.
    static UNSEEN_WATCH: RefCell<Option<Timer>> = const { RefCell::new(None) };
    /// The shadow roots Telltale attached: only these are reused (and emptied) by a later
    /// mount. Weak, so an element the page drops is not kept alive by it.
    static OUR_ROOTS: js_sys::WeakSet = js_sys::WeakSet::new();
}

/// Adopts the widget's stylesheet into `root` as a constructable stylesheet; false when
/// the browser cannot (then the app renders a `<style>` element instead).
fn adopt_stylesheet(root: &ShadowRoot) -> bool {
    let key = JsValue::from_str("adoptedStyleSheets");
    // Older engines have no `adoptedStyleSheets`, or one that rejects the assignment.
    if !js_sys::Reflect::has(root, &key).unwrap_or(false) {
        return false;
    }
    let Some(sheet) = stylesheet_for(root) else {
        return false;
    };
    js_sys::Reflect::set(root, &key, &js_sys::Array::of1(&sheet)).unwrap_or(false)
}

/// A constructable stylesheet with the widget's CSS that `root` may adopt. Only the
/// document whose window made a sheet may adopt it: roots in this page's document share
/// one, and a root in another window's document (an element moved into a same-origin
/// iframe or a Picture-in-Picture window) gets one made by that window.
fn stylesheet_for(root: &ShadowRoot) -> Option<web_sys::CssStyleSheet> {
    let document = root.owner_document()?;
    if web_sys::window()
        .and_then(|window| window.document())
        .as_ref()
        == Some(&document)
    {
        return SHEET.with(|sheet| {
            let mut sheet = sheet.borrow_mut();
            if sheet.is_none() {
                *sheet = web_sys::CssStyleSheet::new()
                    .ok()
                    .filter(|s| s.replace_sync(CSS).is_ok());
            }
            sheet.clone()
        });
    }
    // That window's own constructor: `instanceof Function` here would not know it.
    let constructor =
        js_sys::Reflect::get(&document.default_view()?.into(), &"CSSStyleSheet".into())
            .ok()
            .filter(JsValue::is_function)?;
    let sheet = js_sys::Reflect::construct(
        constructor.unchecked_ref::<js_sys::Function>(),
        &js_sys::Array::new(),
    )
    .ok()?
    .unchecked_into::<web_sys::CssStyleSheet>();
    sheet.replace_sync(CSS).ok().map(|()| sheet)
}

/// Removes the adopted stylesheet, so the shown fallback gets none of the widget's
/// `:host` rules.
fn drop_stylesheet(root: &ShadowRoot) {
    let key = JsValue::from_str("adoptedStyleSheets");
    if js_sys::Reflect::has(root, &key).unwrap_or(false) {
        let _ = js_sys::Reflect::set(root, &key, &js_sys::Array::new());
    }
}

/// The page's hold on one widget: asks it to poll, or unmounts it. Dropping a
/// `Registration` leaves the widget running; only [`Registration::unmount`] (or a new
/// mount into the same element) stops it.
pub(crate) struct Registration {
    slot: Slot,
}

impl Registration {
    /// True while the widget runs: not once unmounted, or replaced by another mount into
    /// the same element. For the browser tests (`tests/web_widget.rs`, which compile this
    /// module); the page's handle has no use for it.
    #[allow(dead_code)]
    pub(crate) fn is_active(&self) -> bool {
        self.slot.borrow().is_some()
    }

    /// Asks the widget to poll now; nothing once it is unmounted.
    pub(crate) fn refresh(&self) {
        if let Some(mounted) = self.slot.borrow().as_ref() {
            mounted.control.refresh();
        }
    }

    /// Stops the widget and shows the fallback again. Idempotent.
    pub(crate) fn unmount(&self) {
        WIDGETS.with(|widgets| {
            widgets
                .borrow_mut()
                .retain(|entry| !Rc::ptr_eq(&entry.slot, &self.slot))
        });
        // Taken out first, dropped after the borrow ends: dropping destroys the app.
        let mounted = self.slot.borrow_mut().take();
        drop(mounted);
        watch_unseen();
    }
}

/// Stops the widget registered for `element`, if any.
fn evict(element: &Element) {
    evict_where(|entry| &entry.element == element);
}

/// Stops every widget whose element was in the document and has left it without an
/// `unmount()` (a single-page app replacing its view, a page removing the iframe it had
/// moved the widget into): it would otherwise poll for the life of the page. Run after each poll starts (`hub::on_each_poll`), so such a widget
/// stops within one refresh interval. An element moved within the page is back in the
/// document by then; one mounted before it is inserted is left alone until it has been
/// seen in the document.
pub(crate) fn stop_detached() {
    mark_seen();
    evict_where(|entry| entry.was_connected && !in_a_live_page(&entry.element));
}

/// True while `element` is in a document that is still shown: connected, and its document
/// still has a window. An element in a removed iframe (or a closed Picture-in-Picture
/// window) is still connected to its own document, which no window shows any more.
fn in_a_live_page(element: &Element) -> bool {
    element.is_connected()
        && element
            .owner_document()
            .and_then(|document| document.default_view())
            .is_some()
}

/// Records which widgets' elements are in the document now; true while some element has
/// never been seen there.
fn mark_seen() -> bool {
    WIDGETS.with(|widgets| {
        let mut unseen = false;
        for entry in widgets.borrow_mut().iter_mut() {
            entry.was_connected |= in_a_live_page(&entry.element);
            unseen |= !entry.was_connected;
        }
        unseen
    })
}

/// Keeps a watch on widgets mounted into an element outside the document, while there
/// are any, and stops it when there are none. Sampling at polls alone misses an element
/// inserted after the mount and removed again before the next poll: never seen in the
/// document, it would never count as having left it, and would poll for the life of the
/// page. The watch ends as soon as every element has been seen (normally within one
/// check: pages insert what they mount into).
fn watch_unseen() {
    let unseen = mark_seen();
    let running = UNSEEN_WATCH.with(|watch| watch.borrow().is_some());
    if unseen && !running {
        let timer = Timer::every(UNSEEN_CHECK_MS, watch_unseen);
        UNSEEN_WATCH.with(|watch| *watch.borrow_mut() = Some(timer));
    } else if !unseen && running {
        // Dropped after the borrow ends; a timer may be dropped from its own callback.
        let timer = UNSEEN_WATCH.with(|watch| watch.borrow_mut().take());
        drop(timer);
    }
}

fn evict_where(gone: impl Fn(&Entry) -> bool) {
    let evicted: Vec<Entry> = WIDGETS.with(|widgets| {
        let mut widgets = widgets.borrow_mut();
        let (evicted, kept) = widgets.drain(..).partition(|entry| gone(entry));
        *widgets = kept;
        evicted
    });
    // Dropped after the registry's borrow ends: dropping destroys the app.
    let any = !evicted.is_empty();
    for entry in evicted {
        let mounted = entry.slot.borrow_mut().take();
        drop(mounted);
    }
    if any {
        watch_unseen();
    }
}

/// Where a widget's settings come from.
pub(crate) enum Source {
    /// The plain object given to `Telltale.mount`.
    Options(JsValue),
    /// The element's own attributes (`<telltale-status>`).
    Attributes,
}

/// A running widget. Dropping it destroys the app (its timers, fetches and listeners go
/// with its hooks) and empties the shadow root back to a `<slot>`, so the fallback shows.
pub(crate) struct Mounted {
    app: Option<yew::AppHandle<App>>,
    root: ShadowRoot,
    control: Control,
    _live: live::Live,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let place = Place::of(&self.root);
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        restore_fallback(&self.root, place.open);
    }
}

/// Mounts a widget into `element` with settings from `source`, replacing a widget the
/// element already holds. On a settings error nothing changes: the element keeps its
/// fallback (or the widget it already had).
pub(crate) fn mount(
    element: JsValue,
    source: Source,
    test_refresh_ms: Option<u32>,
) -> Result<Registration, MountError> {
    let element = as_element(element)?;
    let config = match &source {
        Source::Options(options) => config_from_options(options)?,
        Source::Attributes => config_from_element(&element)?,
    };
    let place = reader_place(&element);
    // Read before the widget it replaces stops: it may be the feed's last.
    let known = crate::web::hub::known(&config.feed, config.format);
    evict(&element);
    crate::web::hub::on_each_poll(stop_detached);
    let mounted = start(&element, config, test_refresh_ms, place, known)?;
    let slot: Slot = Rc::new(RefCell::new(Some(mounted)));
    WIDGETS.with(|widgets| {
        widgets.borrow_mut().push(Entry {
            was_connected: element.is_connected(),
            element,
            slot: Rc::clone(&slot),
        })
    });
    watch_unseen();
    Ok(Registration { slot })
}

/// `value` as an element, of this window or of another one on the page (a same-origin
/// iframe, a Picture-in-Picture window).
fn as_element(value: JsValue) -> Result<Element, MountError> {
    if value.is_instance_of::<Element>() || is_element_of_another_window(&value) {
        return Ok(value.unchecked_into());
    }
    let kind = value
        .js_typeof()
        .as_string()
        .unwrap_or_else(|| "a value".to_owned());
    Err(MountError::NotAnElement(if value.is_null() {
        "null".to_owned()
    } else {
        kind
    }))
}

/// True for an element of any window. `instanceof Element` knows only this window's
/// elements; the `nodeType` getter of this window's `Node.prototype` answers for a node
/// of every window and throws for anything else, so an object that merely has a
/// `nodeType` of 1 is not taken for one.
fn is_element_of_another_window(value: &JsValue) -> bool {
    const ELEMENT_NODE: f64 = 1.0;
    let prototype = js_sys::Reflect::get(&js_sys::global(), &"Node".into())
        .and_then(|node| js_sys::Reflect::get(&node, &"prototype".into()))
        .ok()
        .filter(JsValue::is_object);
    let getter = prototype
        .map(|prototype| {
            js_sys::Object::get_own_property_descriptor(
                prototype.unchecked_ref::<js_sys::Object>(),
                &"nodeType".into(),
            )
        })
        .and_then(|descriptor| js_sys::Reflect::get(&descriptor, &"get".into()).ok())
        .filter(JsValue::is_function);
    getter
        .and_then(|getter| getter.unchecked_ref::<js_sys::Function>().call0(value).ok())
        .and_then(|node_type| node_type.as_f64())
        == Some(ELEMENT_NODE)
}

/// The element's shadow root for the widget: the one an earlier mount attached (a shadow
/// root can be attached once per element) or a new one. A shadow root the page attached
/// itself is the page's content: it is refused, never emptied.
fn shadow_root(element: &Element) -> Result<ShadowRoot, MountError> {
    let tag = || element.tag_name().to_ascii_lowercase();
    if let Some(root) = element.shadow_root() {
        return match OUR_ROOTS.with(|ours| ours.has(&root)) {
            true => Ok(root),
            false => Err(MountError::ShadowRootTaken(tag())),
        };
    }
    let root = element
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|_| MountError::NoShadowRoot(tag()))?;
    OUR_ROOTS.with(|ours| ours.add(&root));
    Ok(root)
}

/// Where the reader is in the widget `element` shows now: whether its panel is open, and
/// whether their focus is inside it. A new mount into the same element (an attribute the
/// page changed, such as a language switch, or a second `Telltale.mount`) starts from
/// there, so the panel being read stays open and focus stays in the widget instead of
/// falling to the page's `<body>`. After a widget has gone, the fallback it left says
/// whether its panel was open ([`restore_fallback`]).
fn reader_place(element: &Element) -> Place {
    let Some(root) = element
        .shadow_root()
        .filter(|root| OUR_ROOTS.with(|ours| ours.has(root)))
    else {
        return Place::default();
    };
    let mut place = Place::of(&root);
    place.open |= matches!(root.query_selector("slot[data-open]"), Ok(Some(_)));
    place
}

/// Empties `root` down to a `<slot>`, so the element's own children (the fallback) show.
/// A widget whose panel was `open` leaves that on the slot (`data-open`, which
/// [`reader_place`] reads): put back into the page in a later task (a framework moving
/// its view), the element starts again with its panel open.
fn restore_fallback(root: &ShadowRoot, open: bool) {
    root.set_text_content(None);
    drop_stylesheet(root);
    if let Some(slot) = root
        .owner_document()
        .and_then(|document| document.create_element("slot").ok())
    {
        if open {
            let _ = slot.set_attribute("data-open", "");
        }
        let _ = root.append_child(&slot);
    }
}

fn start(
    element: &Element,
    config: Config,
    test_refresh_ms: Option<u32>,
    place: Place,
    initial: Option<Rc<FeedState>>,
) -> Result<Mounted, MountError> {
    let root = shadow_root(element)?;
    let document = root
        .owner_document()
        .ok_or_else(|| MountError::NoShadowRoot(element.tag_name().to_ascii_lowercase()))?;
    let container = document
        .create_element("div")
        .map_err(|_| MountError::NoShadowRoot(element.tag_name().to_ascii_lowercase()))?;
    root.set_text_content(None);
    let _ = root.append_child(&container);

    let pace = match test_refresh_ms.filter(|ms| *ms >= MIN_TEST_REFRESH_MS) {
        Some(ms) => Pace::FixedMs(ms),
        None => Pace::Refresh(config.refresh_secs),
    };
    let id = NEXT_ID.with(|next| {
        let id = next.get();
        next.set(id.wrapping_add(1));
        id
    });
    let control = Control::default();
    let inline_css = !adopt_stylesheet(&root);
    let props = AppProps {
        inline_css,
        locale: negotiate_locale(&config, element),
        config: Rc::new(config),
        pace,
        poll: true,
        initial,
        host: Some(element.clone().into()),
        control: control.clone(),
        panel_id: format!("telltale-panel-{id}").into(),
        place,
    };
    let app = yew::Renderer::<App>::with_root_and_props(container, props).render();
    Ok(Mounted {
        app: Some(app),
        root,
        control,
        _live: live::Live::new(live::Kind::Widget),
    })
}
