//! Where the embed's settings come from: the element's attributes, or the plain object
//! given to `Telltale.mount`. Both end in core's [`Config::from_attrs`], so the two ways of
//! embedding accept exactly the same values and report the same errors.

use serde::Deserialize;
use wasm_bindgen::JsValue;

use crate::core::config::{is_web_url, Config, ConfigError};
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
}

/// `components`: a comma-separated string or an array of names.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Components {
    List(Vec<String>),
    Text(String),
}

/// `refresh`: a number of seconds or its text.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Refresh {
    Seconds(f64),
    Text(String),
}

/// The options object of `Telltale.mount`, keyed like the attributes.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Options {
    feed: Option<String>,
    format: Option<String>,
    components: Option<Components>,
    view: Option<String>,
    theme: Option<String>,
    locale: Option<String>,
    refresh: Option<Refresh>,
    link: Option<String>,
    label: Option<String>,
}

impl Options {
    /// The option named like attribute `name`, as attribute text.
    fn get(&self, name: &str) -> Option<String> {
        match name {
            "feed" => self.feed.clone(),
            "format" => self.format.clone(),
            "components" => self.components.as_ref().map(|c| match c {
                Components::List(names) => names.join(","),
                Components::Text(text) => text.clone(),
            }),
            "view" => self.view.clone(),
            "theme" => self.theme.clone(),
            "locale" => self.locale.clone(),
            "refresh" => self.refresh.as_ref().map(|r| match r {
                // Whole numbers read as the attribute would; anything else (1.5, NaN, -3)
                // keeps its spelling so the error shows what was given.
                Refresh::Seconds(s) if s.fract() == 0.0 && *s >= 0.0 && *s <= 1e15 => {
                    format!("{}", *s as u64)
                }
                Refresh::Seconds(s) => s.to_string(),
                Refresh::Text(text) => text.clone(),
            }),
            "link" => self.link.clone(),
            "label" => self.label.clone(),
            _ => None,
        }
    }
}

/// Reads a config through `get`, first resolving the `feed` and `link` URLs against the
/// page, so `feed="/status.json"` works like an `<a href>` would.
fn config_with_base(
    get: impl Fn(&str) -> Option<String>,
    base: Option<&str>,
) -> Result<Config, ConfigError> {
    Config::from_attrs(|name| {
        let value = get(name)?;
        if !matches!(name, "feed" | "link") || value.trim().is_empty() {
            return Some(value);
        }
        // Only a web URL replaces what was written, so an error quotes the partner's own
        // text ("ftp://x", not the browser's rewriting of it).
        let resolved = base
            .and_then(|base| web::resolve_url(value.trim(), base))
            .filter(|url| is_web_url(url));
        Some(resolved.unwrap_or(value))
    })
}

/// The config of a `<telltale-status>` element, from its attributes.
pub(crate) fn config_from_element(element: &web_sys::Element) -> Result<Config, ConfigError> {
    let base = web::base_uri();
    config_with_base(|name| element.get_attribute(name), base.as_deref())
}

/// The config given to `Telltale.mount` as a plain object.
pub(crate) fn config_from_options(options: &JsValue) -> Result<Config, MountError> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options.clone()).map_err(|e| {
            // The error renders as a JS `Error`; its "Error: " prefix says nothing here.
            let text = e.to_string();
            MountError::BadOptions(text.trim_start_matches("Error: ").to_owned())
        })?
    };
    let base = web::base_uri();
    Ok(config_with_base(|name| options.get(name), base.as_deref())?)
}

/// The reader's language: the `locale` setting when given, else the page's `lang`, then
/// the browser's languages.
pub(crate) fn negotiate_locale(config: &Config) -> Locale {
    match &config.locale {
        Some(tag) => Locale::negotiate([tag.as_str()]),
        None => {
            let tags = web::page_languages();
            Locale::negotiate(tags.iter().map(String::as_str))
        }
    }
}
