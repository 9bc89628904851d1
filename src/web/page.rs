//! What the widget reads from the host page: its base URL and its languages.

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

/// The reader's languages, best first: the page's own `lang`, then the browser's
/// `navigator.languages` (or `navigator.language`).
pub(crate) fn page_languages() -> Vec<String> {
    let mut tags = Vec::new();
    let Some(window) = web_sys::window() else {
        return tags;
    };
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        if let Some(lang) = root.get_attribute("lang") {
            let lang = lang.trim();
            if !lang.is_empty() {
                tags.push(lang.to_owned());
            }
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
