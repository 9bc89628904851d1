//! The embed's configuration: the attributes of `<telltale-status>` (or the options of
//! `Telltale.mount`) read into a validated [`Config`].
//!
//! Reading is strict: a value the widget cannot honour is a [`ConfigError`] that names the
//! attribute and what it accepts, so a partner sees the mistake at once (the fallback
//! stays on the page and the console says why) instead of a widget that quietly does
//! something else. The one exception is `refresh`, which is clamped to its minimum and
//! maximum (30 s to one day) because an out-of-range value has an obvious safe reading.

use crate::core::feed::Format;
use crate::core::filter::Selection;

/// The fewest seconds between two polls of a feed.
pub const MIN_REFRESH_SECS: u32 = 30;
/// Seconds between polls when `refresh` is not given.
pub const DEFAULT_REFRESH_SECS: u32 = 60;
/// The most seconds between polls (one day); larger values are clamped.
pub const MAX_REFRESH_SECS: u32 = 86_400;

/// The level of the panel's own heading when `heading` is not given: an `h2`, with its
/// sections in `h3` and each group and event in `h4`.
pub const DEFAULT_HEADING_LEVEL: u8 = 2;

/// Every attribute the element reads, in the order the README documents them.
pub const ATTRIBUTES: [&str; 10] = [
    "feed",
    "format",
    "components",
    "view",
    "theme",
    "locale",
    "refresh",
    "link",
    "label",
    "heading",
];

/// How the widget presents itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum View {
    /// A one-line badge that opens the panel.
    #[default]
    Badge,
    /// The panel, always open.
    Panel,
    /// Shown only while something is wrong or under maintenance.
    Notice,
}

/// Colour scheme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows `prefers-color-scheme`.
    #[default]
    Auto,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl Theme {
    /// The spelling of the attribute, also used as a CSS class.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// A validated configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Absolute `http`/`https` URL of the feed.
    pub feed: String,
    /// The declared format; `None` detects it.
    pub format: Option<Format>,
    /// Which components to show.
    pub components: Selection,
    /// How to present.
    pub view: View,
    /// Colour scheme.
    pub theme: Theme,
    /// A BCP 47 tag; `None` follows the page, then the browser.
    pub locale: Option<String>,
    /// Seconds between polls, within [`MIN_REFRESH_SECS`]..=[`MAX_REFRESH_SECS`].
    pub refresh_secs: u32,
    /// The full status page to link to; `None` uses the feed's own.
    pub link: Option<String>,
    /// Text before the state, e.g. "Apple services".
    pub label: Option<String>,
    /// The level (1 to 4) of the panel's heading, so the panel fits the outline of the
    /// page around it: its sections are one level below, groups and events two.
    pub heading_level: u8,
}

/// An attribute the widget cannot honour.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// `feed` is missing or empty.
    #[error("no feed: the feed attribute (or the feed option of Telltale.mount) takes the URL of a status feed")]
    MissingFeed,
    /// An attribute holds a URL that is not an absolute `http:`/`https:` URL.
    #[error("{attribute}=\"{value}\" is not an http: or https: URL")]
    BadUrl {
        /// `feed` or `link`.
        attribute: &'static str,
        /// What it held.
        value: String,
    },
    /// An attribute holds text that the browser cannot read as a URL at all (an open
    /// `[`, a space in the host name, a port above 65535).
    #[error("{attribute}=\"{value}\" is not a valid URL")]
    InvalidUrl {
        /// `feed` or `link`.
        attribute: &'static str,
        /// What it held.
        value: String,
    },
    /// `feed` carries a user name or password (`https://user:pass@host/…`): browsers
    /// refuse to fetch such a URL, so the widget could never read it.
    #[error("feed=\"{0}\" has a user name or password in it, which browsers refuse to fetch; a status feed must be readable without one")]
    FeedWithCredentials(String),
    /// An attribute holds a value outside its list.
    #[error("{attribute}=\"{value}\" is not one of: {accepted}")]
    NotOneOf {
        /// The attribute.
        attribute: &'static str,
        /// What it held.
        value: String,
        /// The values it takes, comma-separated.
        accepted: &'static str,
    },
    /// `refresh` is not a whole number of seconds.
    #[error("refresh=\"{0}\" is not a whole number of seconds")]
    BadRefresh(String),
    /// `locale` is not a BCP 47 language tag.
    #[error("locale=\"{0}\" is not a language tag such as en, fr-CA or auto")]
    BadLocale(String),
}

/// True for an absolute `http:` or `https:` URL with a host.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
            !host.is_empty() && !host.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// True when a web URL names a user or a password before its host (`https://user@host`).
fn has_credentials(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    rest.split(['/', '?', '#', '\\'])
        .next()
        .is_some_and(|authority| authority.contains('@'))
}

fn one_of<T: Copy>(
    attribute: &'static str,
    value: Option<String>,
    options: &[(&str, T)],
    accepted: &'static str,
    default: T,
) -> Result<T, ConfigError> {
    let Some(value) = value else {
        return Ok(default);
    };
    let key = value.trim().to_ascii_lowercase();
    if key.is_empty() {
        return Ok(default);
    }
    options
        .iter()
        .find(|(name, _)| *name == key)
        .map(|(_, v)| *v)
        .ok_or(ConfigError::NotOneOf {
            attribute,
            value,
            accepted,
        })
}

fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    primary_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

impl Config {
    /// Reads a configuration from attribute values: `get(name)` returns the attribute's
    /// value, or `None` when it is absent. Relative feed URLs must be resolved against the
    /// page by the caller first (core knows no page).
    pub fn from_attrs(get: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let non_empty = |name: &str| {
            get(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };

        let feed = non_empty("feed").ok_or(ConfigError::MissingFeed)?;
        if !is_web_url(&feed) {
            return Err(ConfigError::BadUrl {
                attribute: "feed",
                value: feed,
            });
        }
        if has_credentials(&feed) {
            return Err(ConfigError::FeedWithCredentials(feed));
        }
        let format = one_of(
            "format",
            get("format"),
            &[
                ("auto", None),
                ("statuspage", Some(Format::Statuspage)),
                ("apple", Some(Format::Apple)),
                ("telltale", Some(Format::Telltale)),
            ],
            "auto, statuspage, apple, telltale",
            None,
        )?;
        let view = one_of(
            "view",
            get("view"),
            &[
                ("badge", View::Badge),
                ("panel", View::Panel),
                ("notice", View::Notice),
            ],
            "badge, panel, notice",
            View::Badge,
        )?;
        let theme = one_of(
            "theme",
            get("theme"),
            &[
                ("auto", Theme::Auto),
                ("light", Theme::Light),
                ("dark", Theme::Dark),
            ],
            "auto, light, dark",
            Theme::Auto,
        )?;
        let heading_level = one_of(
            "heading",
            get("heading"),
            &[("1", 1), ("2", 2), ("3", 3), ("4", 4)],
            "1, 2, 3, 4",
            DEFAULT_HEADING_LEVEL,
        )?;
        let locale = match non_empty("locale") {
            None => None,
            Some(tag) if tag.eq_ignore_ascii_case("auto") => None,
            Some(tag) if is_language_tag(&tag) => Some(tag),
            Some(tag) => return Err(ConfigError::BadLocale(tag)),
        };
        let refresh_secs = match non_empty("refresh") {
            None => DEFAULT_REFRESH_SECS,
            // All digits but too long for a u64 is still a whole number: the maximum.
            Some(text)
                if text.bytes().all(|b| b.is_ascii_digit())
                    && text.trim_start_matches('0').len() > 19 =>
            {
                MAX_REFRESH_SECS
            }
            Some(text) => text
                .parse::<u64>()
                .map_err(|_| ConfigError::BadRefresh(text.clone()))?
                .clamp(u64::from(MIN_REFRESH_SECS), u64::from(MAX_REFRESH_SECS))
                as u32,
        };
        let link = match non_empty("link") {
            None => None,
            Some(url) if is_web_url(&url) => Some(url),
            Some(url) => {
                return Err(ConfigError::BadUrl {
                    attribute: "link",
                    value: url,
                })
            }
        };
        Ok(Config {
            feed,
            format,
            components: Selection::parse(get("components").as_deref().unwrap_or_default()),
            view,
            theme,
            locale,
            refresh_secs,
            link,
            label: non_empty("label"),
            heading_level,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        Config::from_attrs(|name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    const FEED: (&str, &str) = ("feed", "https://status.example.com/api/v2/summary.json");

    #[test]
    fn config_defaults_with_only_feed() {
        let config = read(&[FEED]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(config.feed, FEED.1);
        assert_eq!(config.format, None);
        assert_eq!(config.view, View::Badge);
        assert_eq!(config.theme, Theme::Auto);
        assert_eq!(config.locale, None);
        assert_eq!(config.refresh_secs, DEFAULT_REFRESH_SECS);
        assert_eq!(config.link, None);
        assert_eq!(config.label, None);
        assert_eq!(config.heading_level, 2);
        assert!(config.components.is_all());
    }

    #[test]
    fn config_reads_every_attribute() {
        let config = read(&[
            FEED,
            ("format", "Apple"),
            ("components", "App Store, iTunes Store"),
            ("view", "panel"),
            ("theme", "dark"),
            ("locale", "fr-CA"),
            ("refresh", "120"),
            ("link", "https://www.apple.com/support/systemstatus/"),
            ("label", " Apple services "),
            ("heading", " 3 "),
        ])
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(config.format, Some(Format::Apple));
        assert_eq!(
            config.components,
            Selection::parse("App Store,iTunes Store")
        );
        assert_eq!(config.view, View::Panel);
        assert_eq!(config.theme, Theme::Dark);
        assert_eq!(config.locale.as_deref(), Some("fr-CA"));
        assert_eq!(config.refresh_secs, 120);
        assert_eq!(config.label.as_deref(), Some("Apple services"));
        assert_eq!(config.heading_level, 3);
    }

    #[test]
    fn theme_as_str_is_the_attribute_value_that_reads_back_to_it() {
        for (theme, spelling) in [
            (Theme::Auto, "auto"),
            (Theme::Light, "light"),
            (Theme::Dark, "dark"),
        ] {
            assert_eq!(theme.as_str(), spelling);
            let config = read(&[FEED, ("theme", theme.as_str())]).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(config.theme, theme);
        }
    }

    #[test]
    fn config_refresh_below_minimum_is_clamped() {
        let config = read(&[FEED, ("refresh", "5")]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(config.refresh_secs, MIN_REFRESH_SECS);
        for huge in [
            "99999999999",
            "99999999999999999999",
            "18446744073709551616",
        ] {
            let config = read(&[FEED, ("refresh", huge)]).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(config.refresh_secs, MAX_REFRESH_SECS, "{huge}");
        }
        let config = read(&[FEED, ("refresh", "000000000000000000000120")])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(config.refresh_secs, 120);
    }

    #[test]
    fn config_errors_name_the_attribute() {
        let cases: [(&[(&str, &str)], &str); 12] = [
            (&[], "no feed: the feed attribute (or the feed option of Telltale.mount)"),
            (
                &[("feed", "https://user:secret@status.example.com/f.json")],
                "feed=\"https://user:secret@status.example.com/f.json\" has a user name or password",
            ),
            (
                &[("feed", "https://status@example.com")],
                "has a user name or password",
            ),
            (&[("feed", "  ")], "no feed: the feed attribute (or the feed option of Telltale.mount)"),
            (
                &[("feed", "javascript:alert(1)")],
                "feed=\"javascript:alert(1)\"",
            ),
            (
                &[FEED, ("view", "pannel")],
                "view=\"pannel\" is not one of: badge, panel, notice",
            ),
            (&[FEED, ("theme", "blue")], "theme=\"blue\""),
            (&[FEED, ("format", "rss")], "format=\"rss\""),
            (&[FEED, ("refresh", "soon")], "refresh=\"soon\""),
            (&[FEED, ("link", "ftp://x")], "link=\"ftp://x\""),
            (
                &[FEED, ("heading", "h3")],
                "heading=\"h3\" is not one of: 1, 2, 3, 4",
            ),
            (&[FEED, ("heading", "5")], "heading=\"5\""),
        ];
        for (pairs, want) in cases {
            let message = read(pairs).err().map(|e| e.to_string()).unwrap_or_default();
            assert!(message.contains(want), "{pairs:?}: {message}");
        }
        assert!(matches!(
            read(&[FEED, ("locale", "not a tag")]),
            Err(ConfigError::BadLocale(_))
        ));
    }

    #[test]
    fn locale_must_be_shaped_like_a_language_tag() {
        // Each rule alone: a primary language of 2–3 letters, then subtags of 1–8 letters
        // or digits.
        const BAD: &[&str] = &[
            "english",
            "e",
            "e1",
            "12",
            "fr-",
            "fr--CA",
            "fr-regional1",
            "fr-C@",
        ];
        const GOOD: &[&str] = &[
            "fr",
            "haw",
            "fr-CA",
            "es_419",
            "zh-Hant-TW",
            "de-CH-1996",
            "en-x-a",
        ];
        for &bad in BAD {
            let error = read(&[FEED, ("locale", bad)]).err();
            assert!(matches!(error, Some(ConfigError::BadLocale(_))), "{bad}");
        }
        for &good in GOOD {
            let config = read(&[FEED, ("locale", good)]);
            assert_eq!(config.ok().and_then(|c| c.locale).as_deref(), Some(good));
        }
        // `auto` is a keyword, not a tag: the page and the browser choose.
        for auto in ["auto", "AUTO", " Auto "] {
            let config = read(&[FEED, ("locale", auto)]).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(config.locale, None, "{auto}");
        }
    }

    #[test]
    fn feed_with_an_at_sign_after_its_host_has_no_credentials() {
        for feed in [
            "https://status.example.com/users/@me/feed.json",
            "https://status.example.com/f.json?by=a@b",
            "https://status.example.com/f.json#@",
        ] {
            assert!(read(&[("feed", feed)]).is_ok(), "{feed}");
        }
    }

    #[test]
    fn is_web_url_accepts_only_http_and_https() {
        assert!(is_web_url("https://a.example/x"));
        assert!(is_web_url("HTTP://a.example"));
        assert!(!is_web_url("https://"));
        assert!(!is_web_url("data:text/html,hi"));
        assert!(!is_web_url("//a.example/x"));
        assert!(!is_web_url("/api/v2/summary.json"));
    }

    // proptest does not build for wasm32, where clippy --all-targets also compiles these.
    #[cfg(not(target_arch = "wasm32"))]
    use proptest::strategy::Strategy;

    /// An attribute as a page writes it: absent, one of `examples` (good and bad), or any
    /// printable text.
    #[cfg(not(target_arch = "wasm32"))]
    fn attribute(examples: &'static [&'static str]) -> impl Strategy<Value = Option<String>> {
        proptest::option::of(proptest::prop_oneof![
            3 => proptest::sample::select(examples).prop_map(str::to_owned),
            1 => "\\PC{0,24}",
        ])
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// Whatever a page writes in the attributes, reading them never panics; a refusal
        /// names an attribute the page set (or the missing `feed`), and what is accepted
        /// is within its bounds.
        #[test]
        fn any_attributes_read_into_a_config_or_an_error_naming_one(
            values in (
                attribute(&["https://status.example.com/summary.json", " http://a.example/x ", "/relative", "javascript:alert(1)"]),
                attribute(&["auto", "APPLE", " statuspage ", "telltale", "rss"]),
                attribute(&["App Store, iCloud", ",,", "İ ı"]),
                attribute(&["badge", "PANEL", "notice", "modal"]),
                attribute(&["auto", " dark ", "light", "sepia"]),
                attribute(&["fr-CA", "auto", "en", "x-klingon", "en_GB", "12"]),
                attribute(&["0", "29", "30", " 120 ", "99999999999999999999999", "-5", "1e3"]),
                attribute(&["https://status.example.com/", "ftp://a.example/", "data:text/html,x"]),
                attribute(&["Apple services", ""]),
                attribute(&["1", " 4 ", "", "0", "5", "h3", "2.0"]),
            ).prop_map(|v| [v.0, v.1, v.2, v.3, v.4, v.5, v.6, v.7, v.8, v.9]),
        ) {
            let names = ATTRIBUTES;
            let get = |name: &str| {
                names.iter().position(|n| *n == name).and_then(|i| values[i].clone())
            };
            match Config::from_attrs(get) {
                Ok(config) => {
                    proptest::prop_assert!(is_web_url(&config.feed));
                    proptest::prop_assert!((MIN_REFRESH_SECS..=MAX_REFRESH_SECS).contains(&config.refresh_secs));
                    proptest::prop_assert!(config.link.as_deref().is_none_or(is_web_url));
                    proptest::prop_assert!((1..=4).contains(&config.heading_level));
                }
                Err(ConfigError::MissingFeed) => {
                    proptest::prop_assert!(get("feed").is_none_or(|v| v.trim().is_empty()));
                }
                Err(error) => {
                    let message = error.to_string();
                    let named = names
                        .iter()
                        .any(|n| get(n).is_some() && message.starts_with(&format!("{n}=\"")));
                    proptest::prop_assert!(named, "{message}");
                }
            }
        }
    }
}
