//! What the widgets of one page have just said on one channel (the live region, the
//! console), so that two widgets with the same thing to say do not both say it: a header
//! badge and a panel on one feed would otherwise make a screen reader say every change
//! twice, and the console show it twice.

use crate::core::config::Config;

/// How long something one widget has just said keeps another from saying it too.
pub const SAME_NEWS_MS: i64 = 2_000;

/// What widgets on one page said on one channel in the last [`SAME_NEWS_MS`]: each
/// sentence, its news ([`news`]), and when.
#[derive(Debug, Default)]
pub struct Recent {
    said: Vec<(String, String, i64)>,
}

impl Recent {
    /// Nothing said yet.
    pub const fn new() -> Recent {
        Recent { said: Vec::new() }
    }

    /// True, and remembered, unless another widget has said the very same `text`, or the
    /// same `news`, within the last [`SAME_NEWS_MS`] before `now_ms`. Widgets with other
    /// news (other services of one feed) all speak, even when one sentence ends like
    /// another ("Public API: …" and "API: …").
    pub fn first_to_say(&mut self, text: &str, news: &str, now_ms: i64) -> bool {
        // A clock that went back (a page may replace `Date.now`) forgets what came "later".
        self.said
            .retain(|(_, _, at)| (0..SAME_NEWS_MS).contains(&now_ms.saturating_sub(*at)));
        if self.said.iter().any(|(t, n, _)| t == text || n == news) {
            return false;
        }
        self.said.push((text.to_owned(), news.to_owned(), now_ms));
        true
    }
}

/// What a widget's badge tells, whoever says it: the feed it reads (and its forced
/// `format`), the services it shows (as the page listed them), its tone (the level, or
/// loading, or unknown) and the age it shows. Not its words: a `label` changes them, and
/// not only by going first (a badge labelled with the one service it shows says "Partial
/// outage", the name once), while one feed, selection, tone and age are one news. The
/// age is its text, in the widget's language: two widgets of one feed in two languages
/// showing an age both speak. Two changes of one feed are a poll apart (at least 5
/// seconds, for `handle.refresh()`), so a tone that stays the same across them is never
/// taken for the same news within [`SAME_NEWS_MS`].
pub fn news(config: &Config, tone: &str, age: Option<&str>) -> String {
    [
        config.feed.as_str(),
        config.format.map(|f| f.as_str()).unwrap_or_default(),
        &config.components.keys().join("\u{1f}"),
        tone,
        age.unwrap_or_default(),
    ]
    .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(pairs: &[(&str, &str)]) -> Config {
        Config::from_attrs(|name| {
            let feed = (name == "feed").then_some("https://status.example.com/summary.json");
            let given = pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
            given.or(feed).map(str::to_owned)
        })
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_same_sentence_or_news_is_said_once_within_two_seconds() {
        let mut recent = Recent::new();
        assert!(recent.first_to_say("API: major outage", "a", 1_000));
        // Another widget: the same sentence, or the same news in its own words.
        assert!(!recent.first_to_say("API: major outage", "b", 1_500));
        assert!(!recent.first_to_say("Acme: API: major outage", "a", 2_999));
        // Other news speaks, though its sentence ends like the first.
        assert!(recent.first_to_say("Public API: major outage", "c", 2_999));
        // Three widgets interleaved: the third still hears the first.
        assert!(!recent.first_to_say("Acme: API: major outage", "a", 2_999));
        // Two seconds on, the same is said again (the next change).
        assert!(recent.first_to_say("API: major outage", "a", 3_000));
    }

    #[test]
    fn a_clock_that_goes_back_forgets_what_came_later() {
        let mut recent = Recent::new();
        assert!(recent.first_to_say("API: major outage", "a", 10_000));
        assert!(recent.first_to_say("API: major outage", "a", 5_000));
        assert!(!recent.first_to_say("API: major outage", "a", 5_001));
    }

    #[test]
    fn news_is_the_feed_and_services_and_tone_whatever_the_label() {
        let plain = config(&[]);
        let labelled = config(&[("label", "Apple services")]);
        let said = |config: &Config| news(config, "partial_outage", None);
        assert_eq!(said(&plain), said(&labelled));
        // A badge labelled with the one service it shows says only "Partial outage": the
        // same news as the unlabelled "iTunes Store: partial outage" (QA 10).
        let itunes = config(&[("components", "iTunes Store")]);
        let itunes_labelled = config(&[("components", "iTunes Store"), ("label", "iTunes Store")]);
        assert_eq!(said(&itunes), said(&itunes_labelled));
        // Badges for two services of one feed: other news, whatever they say.
        let api = config(&[("components", "API"), ("label", "API")]);
        let public = config(&[("components", "Public API"), ("label", "Public API")]);
        assert_ne!(said(&api), said(&public));
        // Another feed, another forced format, another tone, another age: other news.
        let other = config(&[("feed", "https://status.example.com/other.json")]);
        let forced = config(&[("format", "statuspage")]);
        assert_ne!(said(&plain), said(&other));
        assert_ne!(said(&plain), said(&forced));
        assert_ne!(said(&plain), news(&plain, "major_outage", None));
        assert_ne!(
            said(&plain),
            news(&plain, "partial_outage", Some("as of 10:42"))
        );
    }
}
