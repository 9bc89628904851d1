//! The floor of Telltale's stack, for the benchmark only (`bash scripts/bench.sh --floor`).
//!
//! It does the least a widget built like Telltale must do before its first live badge,
//! through the same loader (`js/loader.js`), build (`scripts/build.sh`) and element: take
//! the feed request the loader started, read its body, render a loading badge and then a
//! live one into the element's shadow root, and fire `telltale:change`. It reads no feed
//! format, keeps no state, has no panel, no language but English and no polling. With the
//! `yew` feature one Yew component renders the badge, as in the widget; without it, plain
//! web-sys calls do. The time between the two builds is Yew's; the time between the Yew
//! build and the widget is everything Telltale does on top.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

const CSS: &str = ":host{display:inline-block;font:14px/1.4 system-ui,sans-serif}\
.badge{display:inline-flex;gap:6px;align-items:center;padding:4px 10px;border:1px solid #ccc;\
border-radius:6px;background:#fff;color:#111}svg{width:14px;height:14px;fill:#1a7f37}";

/// The badge's `data-phase` and words.
fn badge_text(live: bool) -> (&'static str, &'static str) {
    if live {
        ("live", "All systems operational")
    } else {
        ("loading", "Loading status…")
    }
}

/// The feed's body: the loader's request for it when there is one, else a new one.
async fn read_feed(host: &web_sys::Element, take: &js_sys::Function) -> Result<String, JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let document = window.document().ok_or(JsValue::NULL)?;
    let feed = host.get_attribute("feed").unwrap_or_default();
    let base = document.base_uri()?.unwrap_or_default();
    let href = web_sys::Url::new_with_base(feed.trim(), &base)?.href();
    let entry = take.call1(&JsValue::NULL, &JsValue::from_str(&href))?;
    let promise: js_sys::Promise = if entry.is_undefined() {
        window.fetch_with_str(&href)
    } else {
        js_sys::Reflect::get(&entry, &JsValue::from_str("response"))?.unchecked_into()
    };
    let response: web_sys::Response = JsFuture::from(promise).await?.unchecked_into();
    Ok(JsFuture::from(response.text()?)
        .await?
        .as_string()
        .unwrap_or_default())
}

/// Whether the body looks like the bench's feed (an Apple feed lists `services`).
async fn feed_is_live(host: &web_sys::Element, take: &js_sys::Function) -> bool {
    matches!(read_feed(host, take).await, Ok(text) if text.contains("services"))
}

fn dispatch_change(host: &web_sys::Element) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("telltale:change", &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// What the loader expects `mount_element` to return.
#[wasm_bindgen]
pub struct Handle;

#[wasm_bindgen]
impl Handle {
    /// Nothing to stop: the floor does not poll.
    pub fn unmount(&self) {}
    /// Nothing to refresh.
    pub fn refresh(&self) {}
}

/// Called by the loader for each `<telltale-status>`: renders into a new shadow root.
#[wasm_bindgen]
pub fn mount_element(
    element: web_sys::HtmlElement,
    _refresh_ms: JsValue,
    take_prefetch: js_sys::Function,
) -> Result<Handle, JsValue> {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or(JsValue::NULL)?;
    let root =
        element.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?;
    let style = document.create_element("style")?;
    style.set_text_content(Some(CSS));
    root.append_child(&style)?;
    let container = document.create_element("div")?;
    root.append_child(&container)?;
    start(document, container, element.into(), take_prefetch)?;
    Ok(Handle)
}

#[cfg(feature = "yew")]
fn start(
    _document: web_sys::Document,
    container: web_sys::Element,
    host: web_sys::Element,
    take: js_sys::Function,
) -> Result<(), JsValue> {
    yew::Renderer::<with_yew::Badge>::with_root_and_props(
        container,
        with_yew::Props { host, take },
    )
    .render();
    Ok(())
}

#[cfg(feature = "yew")]
mod with_yew {
    use yew::prelude::*;

    #[derive(Properties, PartialEq)]
    pub struct Props {
        pub host: web_sys::Element,
        pub take: js_sys::Function,
    }

    pub struct Badge {
        live: bool,
        told: bool,
    }

    impl Component for Badge {
        type Message = ();
        type Properties = Props;

        fn create(ctx: &Context<Self>) -> Self {
            let link = ctx.link().clone();
            let (host, take) = (ctx.props().host.clone(), ctx.props().take.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if super::feed_is_live(&host, &take).await {
                    link.send_message(());
                }
            });
            Self {
                live: false,
                told: false,
            }
        }

        fn update(&mut self, _ctx: &Context<Self>, _msg: ()) -> bool {
            self.live = true;
            true
        }

        fn view(&self, _ctx: &Context<Self>) -> Html {
            let (phase, text) = super::badge_text(self.live);
            html! {
                <div data-testid="root" data-phase={phase} lang="en" dir="ltr">
                    <button type="button" class="badge" part="badge" data-testid="badge" aria-expanded="false">
                        <svg viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="7"/></svg>
                        <span>{ text }</span>
                    </button>
                </div>
            }
        }

        fn rendered(&mut self, ctx: &Context<Self>, _first: bool) {
            if self.live && !self.told {
                self.told = true;
                super::dispatch_change(&ctx.props().host);
            }
        }
    }
}

#[cfg(not(feature = "yew"))]
fn start(
    document: web_sys::Document,
    container: web_sys::Element,
    host: web_sys::Element,
    take: js_sys::Function,
) -> Result<(), JsValue> {
    render(&document, &container, false)?;
    wasm_bindgen_futures::spawn_local(async move {
        if feed_is_live(&host, &take).await && render(&document, &container, true).is_ok() {
            dispatch_change(&host);
        }
    });
    Ok(())
}

/// The same elements as the Yew component's view, made one by one.
#[cfg(not(feature = "yew"))]
fn render(
    document: &web_sys::Document,
    container: &web_sys::Element,
    live: bool,
) -> Result<(), JsValue> {
    const SVG: Option<&str> = Some("http://www.w3.org/2000/svg");
    let element = |name: &str, attributes: &[(&str, &str)]| -> Result<web_sys::Element, JsValue> {
        let made = match name {
            "svg" | "circle" => document.create_element_ns(SVG, name)?,
            _ => document.create_element(name)?,
        };
        for (key, value) in attributes {
            made.set_attribute(key, value)?;
        }
        Ok(made)
    };
    let (phase, text) = badge_text(live);
    let root = element(
        "div",
        &[
            ("data-testid", "root"),
            ("data-phase", phase),
            ("lang", "en"),
            ("dir", "ltr"),
        ],
    )?;
    let button = element(
        "button",
        &[
            ("type", "button"),
            ("class", "badge"),
            ("part", "badge"),
            ("data-testid", "badge"),
            ("aria-expanded", "false"),
        ],
    )?;
    let svg = element("svg", &[("viewBox", "0 0 16 16"), ("aria-hidden", "true")])?;
    let circle = element("circle", &[("cx", "8"), ("cy", "8"), ("r", "7")])?;
    svg.append_child(&circle)?;
    let words = element("span", &[])?;
    words.set_text_content(Some(text));
    button.append_child(&svg)?;
    button.append_child(&words)?;
    root.append_child(&button)?;
    container.set_text_content(None);
    container.append_child(&root)?;
    Ok(())
}
