//! Where the embed's settings come from: the element's attributes, or the plain object
//! given to `Telltale.mount`. Both end in core's [`Config::from_attrs`], so the two ways of
//! embedding accept exactly the same values and report the same errors.
//!
//! The options are read with `Reflect::get`, which hands back what a getter or a revoked
//! `Proxy` throws, rather than with serde-wasm-bindgen, whose field reads do not catch:
//! a host page's throwing getter would unwind through the wasm in the middle of `mount`.

use wasm_bindgen::{JsCast, JsValue};

use crate::core::config::{is_web_url, Config, ConfigError, ATTRIBUTES};
use crate::core::i18n::Locale;
use crate::web;

/// Why an embed could not start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum MountError {
    /// The target is not an element.
    #[error("mount needs an element, got {0}")]
    NotAnElement(String),
    /// The options object has a value of the wrong type.
    #[error("invalid options: {0}")]
    BadOptions(String),
    /// An attribute or option the widget cannot honour.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The element cannot hold a shadow root (a void element, or one already closed).
    #[error("cannot render into <{0}>: it does not accept a shadow root")]
    NoShadowRoot(String),
    /// The element already has a shadow root that Telltale did not attach (the page's own
    /// content, which the widget must not replace).
    #[error("cannot render into <{0}>: it already has a shadow root of its own")]
    ShadowRootTaken(String),
}

/// The options object of `Telltale.mount` as attribute text, keyed like the attributes:
/// each value is read once, checked for its type and turned into what the attribute would
/// say, so [`config_with_base`] treats both sources alike.
fn options_as_attributes(options: &JsValue) -> Result<Vec<(&'static str, String)>, MountError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Vec::new());
    }
    // The loader has already turned away options that are no plain object (a string, a
    // Map, an array: copied, those would read as options without a `feed`); this holds
    // for a caller that does not go through it.
    if !options.is_object() {
        return Err(MountError::BadOptions(format!(
            "expected an object, got {}",
            js_type(options)
        )));
    }
    let mut texts = Vec::new();
    for name in ATTRIBUTES {
        // A throwing getter is the host's bug, reported like a wrong type.
        let value = js_sys::Reflect::get(options, &JsValue::from_str(name))
            .map_err(|_| MountError::BadOptions(format!("`{name}` could not be read")))?;
        if value.is_undefined() || value.is_null() {
            continue;
        }
        let text = match name {
            "components" => components_text(&value),
            "refresh" | "heading" => number_text(&value),
            _ => value.as_string(),
        };
        let Some(text) = text else {
            // An array with one wrong item: name the item, not the array.
            let items = value.dyn_ref::<js_sys::Array>().map(js_sys::Array::iter);
            let wrong_item =
                items.and_then(|items| items.enumerate().find(|(_, item)| !item.is_string()));
            if let Some((index, item)) = wrong_item {
                return Err(MountError::BadOptions(format!(
                    "`{name}[{index}]` is {}, expected a string",
                    js_type(&item)
                )));
            }
            let expected = match name {
                "components" => "a string or an array of strings",
                "refresh" | "heading" => "a number or a string",
                _ => "a string",
            };
            return Err(MountError::BadOptions(format!(
                "`{name}` is {}, expected {expected}",
                js_type(&value)
            )));
        };
        texts.push((name, text));
    }
    Ok(texts)
}

/// `components`: a comma-separated string, or an array of names joined with commas.
fn components_text(value: &JsValue) -> Option<String> {
    if let Some(text) = value.as_string() {
        return Some(text);
    }
    let names = value.dyn_ref::<js_sys::Array>()?;
    let names: Option<Vec<String>> = names.iter().map(|name| name.as_string()).collect();
    let names = names?;
    // Joined as `&str`s, as every other list is: one `join` in the wasm, not two.
    Some(
        names
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(","),
    )
}

/// `refresh` (seconds) and `heading` (a level): a number or its text. Whole numbers read
/// as the attribute would; anything else (1.5, NaN, -3) keeps the browser's spelling so
/// the error shows what was given.
fn number_text(value: &JsValue) -> Option<String> {
    if let Some(text) = value.as_string() {
        return Some(text);
    }
    let seconds = value.as_f64()?;
    if seconds.fract() == 0.0 && seconds >= 0.0 {
        // In digits however large: past u64 the cast saturates (1e21 reads as
        // 18446744073709551615, which `refresh` clamps to a day, not "1e+21"). Integer
        // formatting, not `{:.0}`: float formatting would cost the wasm 5 kB brotli.
        return Some((seconds as u64).to_string());
    }
    js_sys::Number::from(seconds)
        .to_string_with_radix(10)
        .ok()
        .map(String::from)
}

/// What kind of JavaScript value this is, for messages.
fn js_type(value: &JsValue) -> String {
    if value.is_null() {
        return "null".to_owned();
    }
    if js_sys::Array::is_array(value) {
        return "an array".to_owned();
    }
    match value.js_typeof().as_string().as_deref() {
        Some("object") => "an object".to_owned(),
        Some(kind) => format!("a {kind}"),
        None => "a value".to_owned(),
    }
}

/// Reads a config through `get`, first resolving the `feed` and `link` URLs against the
/// page, so `feed="/status.json"` works like an `<a href>` would.
fn config_with_base(
    // Not generic: core's reader is then compiled once for both sources, not once each
    // (1.6 kB of wasm).
    get: &dyn Fn(&str) -> Option<String>,
    base: Option<&str>,
) -> Result<Config, ConfigError> {
    let feed = url_attribute("feed", get("feed"), base)?;
    let link = url_attribute("link", get("link"), base)?;
    Config::from_attrs(|name| match name {
        "feed" => feed.clone(),
        "link" => link.clone(),
        _ => get(name),
    })
}

/// A URL attribute's `value`, resolved against `base` once. Only a web URL replaces what
/// was written, so core's error quotes the partner's own text ("ftp://x", not the
/// browser's rewriting of it). Text the browser cannot read as a URL at all is an error
/// here: core's check sees only the text, and a feed such as `http://[::1` would otherwise
/// start a widget that can never fetch it and shows "status unavailable" in place of the
/// fallback.
fn url_attribute(
    attribute: &'static str,
    value: Option<String>,
    base: Option<&str>,
) -> Result<Option<String>, ConfigError> {
    let written = value.as_deref().map(str::trim).filter(|v| !v.is_empty());
    let (Some(written), Some(base)) = (written, base) else {
        return Ok(value);
    };
    match web::resolve_url(written, base) {
        None => Err(ConfigError::InvalidUrl {
            attribute,
            value: written.to_owned(),
        }),
        // A feed's `#fragment` is never sent and names no other feed: without it,
        // `x.json#top` shares `x.json`'s poller and kept status. A link keeps its own.
        Some(url) if is_web_url(&url) && attribute == "feed" => {
            Ok(Some(url.split('#').next().unwrap_or_default().to_owned()))
        }
        Some(url) if is_web_url(&url) => Ok(Some(url)),
        Some(_) => Ok(value),
    }
}

/// The config of a `<telltale-status>` element, from its attributes.
pub(crate) fn config_from_element(element: &web_sys::Element) -> Result<Config, ConfigError> {
    let base = web::base_uri();
    config_with_base(&|name| element.get_attribute(name), base.as_deref())
}

/// The config given to `Telltale.mount` as a plain object.
pub(crate) fn config_from_options(options: &JsValue) -> Result<Config, MountError> {
    let texts = options_as_attributes(options)?;
    let base = web::base_uri();
    let get = |name: &str| {
        texts
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, text)| text.clone())
    };
    Ok(config_with_base(&get, base.as_deref())?)
}

/// The reader's language: the `locale` setting when given, else the `lang` the element
/// inherits from the page, then the browser's languages. A setting without a region
/// (`locale="en"`) chooses the language as the page's `lang` would: the region, and with
/// it the clock, still comes from the page's `lang`, then the browser's languages.
pub(crate) fn negotiate_locale(config: &Config, element: &web_sys::Element) -> Locale {
    let page = web::page_languages(element);
    let tags: Vec<&str> = config
        .locale
        .iter()
        .chain(&page)
        .map(String::as_str)
        .collect();
    Locale::negotiate(tags)
}
