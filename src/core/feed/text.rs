//! Text hygiene shared by the feed formats: trimming, HTML entity decoding, link checks,
//! the envelope (BOM, JSONP wrapper) around a JSON document, and small lenient readers
//! for raw values.
//!
//! Feed text is text, never HTML. Entities are decoded into the characters they name. In
//! message bodies the few tags that status pages write there (GitHub's Statuspage updates
//! carry `<a href>` and `<br />`) are taken out with their words kept ([`strip_markup`]);
//! any other `<`, such as `<5% of requests` or `<script>`, stays as written.
//!
//! Every string a reader takes from a feed loses its stray characters ([`is_stray`]):
//! control characters other than line breaks and tabs, and the explicit direction
//! controls. Neither is text a person reads, and both act beyond the feed's own words: an
//! escape sequence drives the terminal that shows `telltale check`'s report, and an
//! unterminated right-to-left override turns the widget's own "partial outage" after a
//! service's name around on screen.

use std::borrow::Cow;

use super::Warning;
use crate::core::config::is_web_url;
use crate::core::json::Json;
use crate::core::stray::is_stray;

/// Removes an optional UTF-8 byte order mark and an optional JSONP wrapper
/// (`callback( … );`, any callback identifier, a comment after it), returning the JSON
/// inside.
///
/// The wrapper may open with what web frameworks put in front of the call: block
/// comments (`/**/`, which Express, Rails and jQuery write so a browser cannot read the
/// answer as another file type) and Express's guard `typeof callback === 'function' &&`.
pub(crate) fn unwrap_envelope(text: &str) -> &str {
    let text = text.trim_start_matches('\u{feff}').trim();
    skip_prelude(text).and_then(strip_jsonp).unwrap_or(text)
}

/// `text` after its leading block comments and an Express-style `typeof cb === 'function'
/// &&` guard, or `None` when a comment is not closed or the guard is not whole.
fn skip_prelude(mut text: &str) -> Option<&str> {
    while let Some(comment) = text.strip_prefix("/*") {
        text = comment.split_once("*/")?.1.trim_start();
    }
    let guard = text.strip_prefix("typeof");
    let Some(guard) = guard.filter(|guard| guard.starts_with(char::is_whitespace)) else {
        return Some(text);
    };
    let (_, guard) = guard.trim_start().split_once(char::is_whitespace)?;
    let guard = guard.trim_start();
    let guard = guard
        .strip_prefix("===")
        .or_else(|| guard.strip_prefix("=="))?
        .trim_start();
    let guard = guard
        .strip_prefix("'function'")
        .or_else(|| guard.strip_prefix("\"function\""))?;
    Some(guard.trim_start().strip_prefix("&&")?.trim_start())
}

fn strip_jsonp(text: &str) -> Option<&str> {
    let (callback, rest) = text.split_once('(')?;
    let callback = callback.trim_end();
    // Any character outside ASCII counts as a letter: checking JavaScript's identifier
    // rules exactly would compile Unicode's alphabetic table (1.8 kB of brotli) into the
    // widget, and a looser check only means the text inside is then read as JSON.
    let is_identifier = !callback.is_empty()
        && callback
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || !c.is_ascii() || matches!(c, '_' | '$' | '.'))
        && !callback.starts_with(|c: char| c.is_ascii_digit());
    if !is_identifier {
        return None;
    }
    // The call ends at its last `)` when only a `;` or a comment follows. Anything else
    // (a call cut off before its `)`, where a `)` in its data comes last) gives the reader
    // all of it, whose error then says where the document ends or goes wrong, rather
    // than pointing at the callback's name.
    let close = rest.bytes().rposition(|b| b == b')');
    let inner = close
        .filter(|&end| {
            let tail = rest.get(end + 1..).unwrap_or_default().trim_start();
            tail.is_empty() || tail.starts_with([';', '/'])
        })
        .and_then(|end| rest.get(..end))
        .unwrap_or(rest);
    Some(inner.trim())
}

/// `text` without stray characters and trimmed; borrowed when there was nothing to remove
/// but the white space around it.
pub(crate) fn tidy(text: &str) -> Cow<'_, str> {
    if text.contains(is_stray) {
        let kept: String = text.chars().filter(|&c| !is_stray(c)).collect();
        Cow::Owned(kept.trim().to_owned())
    } else {
        Cow::Borrowed(text.trim())
    }
}

/// Tidies a string ([`tidy`]) and turns an empty result into `None`.
pub(crate) fn clean(text: Option<&str>) -> Option<String> {
    let tidied = tidy(text?);
    (!tidied.is_empty()).then(|| tidied.into_owned())
}

/// Decodes HTML entities, drops stray characters, collapses runs of white space into one
/// space and trims: the form of a name as shown to people.
pub(crate) fn clean_name(text: &str) -> String {
    tidy(&decode_entities(text))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Takes out the markup status pages write in a body ([`strip_markup`]), decodes HTML
/// entities, drops stray characters and trims, keeping line breaks: the form of a message
/// body.
pub(crate) fn clean_body(text: &str) -> String {
    tidy(&decode_entities(&strip_markup(text))).into_owned()
}

/// What taking a tag out of a body leaves in its place.
#[derive(Clone, Copy)]
enum Tag {
    /// Nothing: emphasis, code, `<span>`.
    Inline,
    /// A new line, unless one has just begun: paragraphs, blocks, lists.
    Line,
    /// A new line, always: `<br>`.
    Break,
    /// The words, then the address: `<a>`.
    Link,
}

/// The tags status pages write in message bodies (links, line and paragraph breaks,
/// lists, emphasis, code). Only these are taken out; `<` before anything else is text.
const BODY_TAGS: &[(&str, Tag)] = &[
    ("a", Tag::Link),
    ("b", Tag::Inline),
    ("br", Tag::Break),
    ("code", Tag::Inline),
    ("div", Tag::Line),
    ("em", Tag::Inline),
    ("i", Tag::Inline),
    ("li", Tag::Line),
    ("ol", Tag::Line),
    ("p", Tag::Line),
    ("span", Tag::Inline),
    ("strong", Tag::Inline),
    ("u", Tag::Inline),
    ("ul", Tag::Line),
];

/// One of [`BODY_TAGS`] at the start of `text` (just after its `<`): what it leaves,
/// whether it closes, its attributes' text, and its length up to and including the `>`.
fn body_tag(text: &str) -> Option<(Tag, bool, &str, usize)> {
    let bytes = text.as_bytes();
    let closing = bytes.first() == Some(&b'/');
    let start = usize::from(closing);
    let name_len = bytes
        .iter()
        .skip(start)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = text.get(start..start + name_len)?;
    let &(_, tag) = BODY_TAGS
        .iter()
        .find(|(tag, _)| tag.eq_ignore_ascii_case(name))?;
    let after = start + name_len;
    if !matches!(
        bytes.get(after),
        Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')
    ) {
        return None;
    }
    // The `>` that ends the tag, outside quoted attribute values. A `<` before it, even
    // in quotes, means this was no tag: each scan then stops where the next one starts,
    // so a body full of `<a "` still reads in one pass. (Tags are ASCII, so bytes do.)
    let mut quote = 0;
    let mut end = None;
    for (at, &b) in bytes.iter().enumerate().skip(after) {
        if b == b'<' {
            return None;
        } else if quote != 0 {
            if b == quote {
                quote = 0;
            }
        } else if b == b'"' || b == b'\'' {
            quote = b;
        } else if b == b'>' {
            end = Some(at);
            break;
        }
    }
    let end = end?;
    let attributes = text.get(after..end)?;
    // Attributes are written `name="value"`: "a<b and b>a" is not a tag.
    let bare = attributes.trim().trim_end_matches('/');
    if !(bare.trim_end().is_empty() || bare.contains('=')) {
        return None;
    }
    Some((tag, closing, attributes, end + 1))
}

/// The value of `href` among a tag's attributes (`name="value"`, `name='value'` or
/// `name=value`), as written: its entities are decoded with the rest of the body
/// ([`clean_body`]), once.
fn href_of(attributes: &str) -> Option<&str> {
    let mut rest = attributes;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let name_end = rest
            .find(|c: char| c == '=' || c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let (name, after) = rest.split_at(name_end);
        let after = after.trim_start();
        // A name without a value (`download`) is followed by the next attribute.
        let Some(value) = after.strip_prefix('=') else {
            rest = after;
            continue;
        };
        let value = value.trim_start();
        let (value, next) = match value.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let inner = value.get(1..)?;
                let end = inner.find(quote).unwrap_or(inner.len());
                (inner.get(..end)?, inner.get(end + 1..).unwrap_or_default())
            }
            _ => value.split_at(
                value
                    .find(|c: char| c.is_ascii_whitespace())
                    .unwrap_or(value.len()),
            ),
        };
        if name.eq_ignore_ascii_case("href") {
            return Some(value.trim());
        }
        rest = next;
    }
}

/// `text` without the tags of [`BODY_TAGS`], their words kept: a line or paragraph tag
/// starts a new line, and a link's `http`/`https` address follows its words in brackets
/// ("see the issue (https://…)") unless the words are the address. Borrowed when there is
/// no tag to take out.
pub(crate) fn strip_markup(text: &str) -> Cow<'_, str> {
    if !text.contains('<') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // The open link's address and where its words start in `out`.
    let mut link: Option<(&str, usize)> = None;
    let mut changed = false;
    while let Some((before, after)) = rest.split_once('<') {
        out.push_str(before);
        let Some((tag, closing, attributes, len)) = body_tag(after) else {
            out.push('<');
            rest = after;
            continue;
        };
        changed = true;
        rest = after.get(len..).unwrap_or_default();
        match tag {
            Tag::Inline => {}
            Tag::Break => out.push('\n'),
            Tag::Line => {
                if !(out.is_empty() || out.ends_with('\n')) {
                    out.push('\n');
                }
            }
            Tag::Link if !closing => {
                link = href_of(attributes)
                    .filter(|href| is_web_url(href))
                    .map(|href| (href, out.len()));
            }
            Tag::Link => {
                let Some((href, start)) = link.take() else {
                    continue;
                };
                let words = out.get(start..).unwrap_or_default().trim();
                // Compared decoded: "…?a=1&b=2" as words and "…?a=1&amp;b=2" as address
                // (or the other way round) is one address.
                if words.is_empty() {
                    out.push_str(href);
                } else if decode_entities(words) != decode_entities(href) {
                    out.push_str(" (");
                    out.push_str(href);
                    out.push(')');
                }
            }
        }
    }
    if !changed {
        return Cow::Borrowed(text);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Replaces the HTML entities status feeds use (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`,
/// `&apos;`, `&nbsp;`, `&#NN;`, `&#xNN;`) with their characters. Anything else, including
/// an entity naming an invalid code point, is left as written.
pub(crate) fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('&') {
        out.push_str(before);
        // Entities are short; looking at most 11 characters ahead keeps this linear.
        let decoded = after
            .char_indices()
            .take(11)
            .find(|&(_, c)| c == ';')
            .and_then(|(semi, _)| after.split_at_checked(semi))
            .and_then(|(name, tail)| Some((entity(name)?, tail)));
        match decoded {
            Some((c, tail)) => {
                out.push(c);
                // `tail` starts with the `;`.
                rest = tail.get(1..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        // A no-break space inside a name is a space to every reader of a status line.
        "nbsp" => Some(' '),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse::<u32>().ok()?,
            };
            char::from_u32(code).filter(|c| *c != '\0')
        }
    }
}

/// Keeps an `http:`/`https:` link (trimmed); anything else is dropped with a warning that
/// names `what`.
pub(crate) fn web_link(
    url: Option<&str>,
    what: &str,
    warnings: &mut Vec<Warning>,
) -> Option<String> {
    let url = clean(url)?;
    if is_web_url(&url) {
        Some(url)
    } else {
        warning!(
            warnings,
            "{what} has link \"{url}\" that is not http or https; it was dropped"
        );
        None
    }
}

/// Reads a JSON value as a list, treating a missing value or `null` as empty and anything
/// else as an error described in words.
pub(crate) fn list<'a>(value: Option<&'a Json>, field: &str) -> Result<&'a [Json], String> {
    match value {
        None | Some(Json::Null) => Ok(&[]),
        Some(Json::Array(items)) => Ok(items),
        Some(other) => Err(format!("`{field}` is {}, expected an array", other.kind())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_drops_controls_and_direction_overrides_but_not_text() {
        let cases = [
            ("  App Store  ", "App Store"),
            ("Pay \u{202e}RLO", "Pay RLO"),
            ("\u{2067}Isolate\u{2069}", "Isolate"),
            ("Bell\u{7} \u{1b}[2J", "Bell [2J"),
            ("C1\u{9b} and DEL\u{7f}", "C1 and DEL"),
            ("Two\nlines\r\n\tindented", "Two\nlines\r\n\tindented"),
            ("\u{200f}שירות\u{200e}", "\u{200f}שירות\u{200e}"),
            ("\u{202e} ", ""),
        ];
        for (text, expected) in cases {
            assert_eq!(tidy(text), expected, "{text:?}");
        }
        assert!(matches!(tidy(" plain "), Cow::Borrowed("plain")));
    }

    #[test]
    fn unwrap_envelope_strips_bom_and_jsonp() {
        assert_eq!(
            unwrap_envelope("\u{feff}jsonCallback({\"a\":1});\n"),
            "{\"a\":1}"
        );
        assert_eq!(unwrap_envelope("  cb ( [1] ) "), "[1]");
        assert_eq!(unwrap_envelope("window.cb_2({})"), "{}");
        assert_eq!(unwrap_envelope("{\"a\":\"f(x)\"}"), "{\"a\":\"f(x)\"}");
        assert_eq!(unwrap_envelope("<html>(</html>"), "<html>(</html>");
        // Cut off before its `)`, the reader gets the JSON and says where it ends early,
        // also when a `)` in the data comes last; after the call, a `;` and a comment are
        // not data, anything else is.
        for (text, inner) in [
            ("cb({}", "{}"),
            ("cb({\"a\": [", "{\"a\": ["),
            (
                "cb({\"a\": \"(radio)\", \"b\": [",
                "{\"a\": \"(radio)\", \"b\": [",
            ),
            ("cb({}) junk", "{}) junk"),
            ("cb({\"a\":1}); // cached 12:00\n", "{\"a\":1}"),
            ("cb({}) /* end */", "{}"),
        ] {
            assert_eq!(unwrap_envelope(text), inner, "{text}");
        }
        assert_eq!(unwrap_envelope("rückruf_état({})"), "{}");
        assert_eq!(unwrap_envelope("2cb({})"), "2cb({})");
        assert_eq!(unwrap_envelope("a-b({})"), "a-b({})");
    }

    #[test]
    fn unwrap_envelope_skips_what_frameworks_write_before_the_callback() {
        // Express's `res.jsonp`, and the bare comment that Rails and jQuery write.
        assert_eq!(
            unwrap_envelope("/**/ typeof jsonCallback === 'function' && jsonCallback({\"a\":1});"),
            "{\"a\":1}"
        );
        assert_eq!(unwrap_envelope("/**/jsonCallback([1]);"), "[1]");
        assert_eq!(
            unwrap_envelope("\u{feff}/* one */ /* two */\ntypeof cb == \"function\"&&cb({})"),
            "{}"
        );
        // Half a prelude is not a wrapper: the text is left for the JSON reader to refuse.
        assert_eq!(unwrap_envelope("/* open cb({})"), "/* open cb({})");
        assert_eq!(
            unwrap_envelope("typeof cb === 'object' && cb({})"),
            "typeof cb === 'object' && cb({})"
        );
        assert_eq!(unwrap_envelope("/**/{}"), "/**/{}");
        assert_eq!(unwrap_envelope("typeofCb({})"), "{}");
    }

    #[test]
    fn decode_entities_handles_named_and_numeric() {
        assert_eq!(decode_entities("Mail &amp; Calendar"), "Mail & Calendar");
        // Names beyond the list stay as written, as the feed-format docs say.
        assert_eq!(
            decode_entities("Caf&eacute; &rsquo;"),
            "Caf&eacute; &rsquo;"
        );
        assert_eq!(
            decode_entities("&lt;b&gt; &quot;x&quot; &#39;y&#39;"),
            "<b> \"x\" 'y'"
        );
        assert_eq!(
            decode_entities("&#x2014;&#8212;&nbsp;"),
            "\u{2014}\u{2014} "
        );
        assert_eq!(decode_entities("it&apos;s"), "it's");
    }

    #[test]
    fn decode_entities_leaves_unknown_and_invalid_alone() {
        assert_eq!(
            decode_entities("AT&T &bogus; &#xD800; &#0; &"),
            "AT&T &bogus; &#xD800; &#0; &"
        );
        assert_eq!(decode_entities("&amp"), "&amp");
        assert_eq!(decode_entities("&&amp;"), "&&");
    }

    #[test]
    fn decode_entities_looks_at_most_eleven_characters_ahead() {
        // Ten characters between `&` and `;` are read; eleven are not an entity.
        assert_eq!(decode_entities("&#000000065;"), "A");
        assert_eq!(decode_entities("&#0000000065;"), "&#0000000065;");
        // Characters, not bytes: a multi-byte letter counts once and is kept whole.
        assert_eq!(decode_entities("&éé; &amp;é"), "&éé; &é");
        assert_eq!(decode_entities("€&amp;€&"), "€&€&");
    }

    #[test]
    fn strip_markup_keeps_the_words_of_the_tags_status_pages_write() {
        let cases = [
            // GitHub's Statuspage updates.
            (
                "Follow our progress <a href=\"https://github.com/o/r/issues/1\">here</a>.",
                "Follow our progress here (https://github.com/o/r/issues/1).",
            ),
            (
                "Failing.<br /><br />We have taken hosts out.",
                "Failing.\n\nWe have taken hosts out.",
            ),
            (
                "<p>One.</p><p>Two <b>bold</b> <EM>words</EM>.</p>",
                "One.\nTwo bold words.\n",
            ),
            ("<ul><li>API</li><li>Git</li></ul>", "API\nGit\n"),
            // A link whose words are its address, or that has no words, is written once.
            (
                "See <a href='https://s.example'>https://s.example</a>",
                "See https://s.example",
            ),
            (
                "See <a href=https://s.example></a>",
                "See https://s.example",
            ),
            // Only web links keep their address; entities in it are decoded.
            (
                "<a href=\"mailto:help@example.com\">Write</a> to us",
                "Write to us",
            ),
            (
                "<a title=\"x\" href=\"https://e.x/?a=1&amp;b=2\">it</a>",
                "it (https://e.x/?a=1&amp;b=2)",
            ),
            ("<a data-href=\"https://e.x\">it</a>", "it"),
            // A `/` before an attribute is no part of its name, as browsers read it.
            ("<a/href=\"https://e.x\">it</a>", "it (https://e.x)"),
            // The next attribute starts just after a quoted value's closing quote.
            (
                "<a title='x=' href=\"https://e.x\">it</a>",
                "it (https://e.x)",
            ),
            (
                "<a title=\"a\"href=\"https://e.x\">it</a>",
                "it (https://e.x)",
            ),
            // A `>` inside a quoted value does not end the tag.
            (
                "<a href=\"https://e.x\" title=\"a > b\">it</a>",
                "it (https://e.x)",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(strip_markup(text), expected, "{text:?}");
        }
    }

    #[test]
    fn strip_markup_leaves_every_other_angle_bracket_as_text() {
        for text in [
            "Errors for <5% of requests",
            "a<b and b>a",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<abbreviation>",
            "<a",
            "<a href=\"https://e.x\"",
            "</>",
            "plain",
        ] {
            assert!(
                matches!(strip_markup(text), Cow::Borrowed(t) if t == text),
                "{text:?}"
            );
        }
        // A `<` inside a tag, or a quote left open, makes it text, read in one pass.
        assert_eq!(strip_markup("<a title=\"<\">x</a>"), "<a title=\"<\">x");
        let open_quotes = "<a \"".repeat(100_000);
        assert_eq!(strip_markup(&open_quotes), open_quotes);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// Any text, much of it tag-like: taking markup out never panics, never adds a
        /// `<`, and leaves text without one as it was.
        #[test]
        fn strip_markup_of_any_text_keeps_every_other_character(
            text in "(<|>|/|a|br|p|b|script| |=|\"|'|href|https://x.example|&amp;|\\PC){0,40}",
        ) {
            let stripped = strip_markup(&text);
            let count = |t: &str| t.matches('<').count();
            proptest::prop_assert!(count(&stripped) <= count(&text));
            if !text.contains('<') {
                proptest::prop_assert_eq!(stripped.as_ref(), text.as_str());
            }
        }
    }

    #[test]
    fn clean_body_decodes_a_links_address_once_and_writes_it_once() {
        let url = "https://x.example/?a=1&amp;b=2";
        // Words that are the address, entities and all, are not followed by it again.
        assert_eq!(
            clean_body(&format!("See <a href=\"{url}\">{url}</a>")),
            "See https://x.example/?a=1&b=2"
        );
        assert_eq!(
            clean_body(&format!("<a href=\"{url}\">the issue</a>")),
            "the issue (https://x.example/?a=1&b=2)"
        );
        // Words and address escaped differently are still one address.
        for (words, href) in [
            (url, "https://x.example/?a=1&b=2"),
            ("https://x.example/?a=1&b=2", url),
        ] {
            assert_eq!(
                clean_body(&format!("See <a href=\"{href}\">{words}</a>")),
                "See https://x.example/?a=1&b=2",
                "{words} {href}"
            );
        }
        // An address whose query holds an escaped `&amp;` keeps it: decoded once.
        assert_eq!(
            clean_body("<a href=\"https://x.example/?q=&amp;amp;\"></a>"),
            "https://x.example/?q=&amp;"
        );
    }

    #[test]
    fn clean_body_strips_markup_before_decoding_entities() {
        // Escaped markup is what the author meant to show.
        assert_eq!(
            clean_body("  Use &lt;br&gt; <br>AT&amp;T <b>now</b>  "),
            "Use <br> \nAT&T now"
        );
    }

    #[test]
    fn clean_name_trims_and_collapses_space() {
        assert_eq!(
            clean_name("  iCloud   Mail &amp;\tCalendar "),
            "iCloud Mail & Calendar"
        );
        assert_eq!(clean_name("&nbsp;Photos&nbsp;"), "Photos");
    }

    #[test]
    fn web_link_drops_other_schemes_with_warning() {
        let mut warnings = vec![];
        assert_eq!(
            web_link(Some(" https://status.example.com "), "page", &mut warnings),
            Some("https://status.example.com".into())
        );
        assert!(warnings.is_empty());
        assert_eq!(
            web_link(Some("javascript:alert(1)"), "page", &mut warnings),
            None
        );
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].0.contains("javascript:alert(1)"));
        assert_eq!(web_link(Some("  "), "page", &mut warnings), None);
        assert_eq!(warnings.len(), 1);
    }
}
