//! What the widget reads from the host page: its base URL, its languages, whether it is
//! visible, whether the browser is online and whether the reader's focus is in the widget.

use wasm_bindgen::JsCast;

/// The document's base URL (`document.baseURI`), against which relative URLs resolve.
pub(crate) fn base_uri() -> Option<String> {
    let document = web_sys::window()?.document()?;
    document.base_uri().ok().flatten()
}

/// `url` made absolute against `base`, or `None` when it cannot be parsed.
pub(crate) fn resolve_url(url: &str, base: &str) -> Option<String> {
    web_sys::Url::new_with_base(url, base)
        .ok()
        .map(|u| u.href())
}

/// The reader's languages, best first: the `lang` the widget's element inherits (from
/// the nearest element around it with a `lang`, as HTML reads it, else `<html lang>`),
/// then the browser's `navigator.languages` (or `navigator.language`). An empty `lang`
/// means "unknown" and, as in HTML, stops the search.
pub(crate) fn page_languages(element: &web_sys::Element) -> Vec<String> {
    let mut tags = Vec::new();
    let Some(window) = web_sys::window() else {
        return tags;
    };
    let around = element.closest("[lang]").ok().flatten();
    if let Some(lang) = around
        .or_else(|| window.document().and_then(|d| d.document_element()))
        .and_then(|e| e.get_attribute("lang"))
    {
        let lang = lang.trim();
        if !lang.is_empty() {
            tags.push(lang.to_owned());
        }
    }
    let navigator = window.navigator();
    let languages = navigator.languages();
    for value in languages.iter() {
        if let Some(tag) = value.as_string() {
            tags.push(tag);
        }
    }
    if languages.length() == 0 {
        if let Some(tag) = navigator.language() {
            tags.push(tag);
        }
    }
    tags
}

/// True while the page is hidden (a background tab, a minimised window).
pub(crate) fn is_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// True when the browser says it has no network (`navigator.onLine` false). A true
/// `onLine` proves nothing, so only false is trusted.
pub(crate) fn is_offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// The document, as an event target (for `visibilitychange`).
pub(crate) fn document_target() -> Option<web_sys::EventTarget> {
    web_sys::window()?.document().map(Into::into)
}

/// The window, as an event target (for `online`).
pub(crate) fn window_target() -> Option<web_sys::EventTarget> {
    web_sys::window().map(Into::into)
}

/// True when the focused element of `element`'s document or shadow root is `element` or
/// lies inside it (the reader's keyboard focus is in the widget).
pub(crate) fn focus_within(element: &web_sys::Element) -> bool {
    let root = element.get_root_node();
    let active = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => root
            .dyn_ref::<web_sys::Document>()
            .and_then(web_sys::Document::active_element),
    };
    active.is_some_and(|active| element.contains(Some(&active)))
}
