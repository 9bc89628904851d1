//! Text hygiene shared by the feed formats: trimming, HTML entity decoding, link checks,
//! the envelope (BOM, JSONP wrapper) around a JSON document, and small lenient readers
//! for raw values.
//!
//! Feed text is text: entities are decoded into the characters they name, but markup is
//! never interpreted, so `<b>` stays the four characters `<b>`.
//!
//! Every string a reader takes from a feed loses its stray characters ([`is_stray`]):
//! control characters other than line breaks and tabs, and the explicit direction
//! controls. Neither is text a person reads, and both act beyond the feed's own words: an
//! escape sequence drives the terminal that shows `telltale check`'s report, and an
//! unterminated right-to-left override turns the widget's own "partial outage" after a
//! service's name around on screen.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::Warning;
use crate::core::config::is_web_url;
use crate::core::json::Json;

/// Removes an optional UTF-8 byte order mark and an optional JSONP wrapper
/// (`callback( … );`, any callback identifier, optional `;`), returning the JSON inside.
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
    let rest = rest.trim_end();
    let rest = rest.strip_suffix(';').unwrap_or(rest).trim_end();
    let inner = rest.strip_suffix(')')?;
    Some(inner.trim())
}

/// True for a character that feed text never keeps: a control character other than a
/// line break or a tab (C0, DEL, C1), or an explicit direction embedding, override or
/// isolate (U+202A–U+202E, U+2066–U+2069). The widget already gives each piece of feed
/// text its own direction (`dir="auto"`), and an unterminated override would run on into
/// the words around it. The marks U+200E, U+200F and U+061C stay: they reorder nothing
/// beyond their neighbours.
pub(crate) fn is_stray(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` safe to show in a terminal or a log: a stray character ([`is_stray`]) or a
/// carriage return is written as an escape (`\u{1b}`), so text quoted from a feed cannot
/// drive the terminal that shows it, turn its lines around or write over a line with a
/// lone `\r`. Line breaks stay, and so does `\r\n` (as `\n`). For `telltale check`'s
/// report and the feed warnings, which quote the feed as it was.
pub fn escape_stray(text: &str) -> Cow<'_, str> {
    let escaped = |c: char| c == '\r' || (c != '\n' && is_stray(c));
    if !text.contains(escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        if escaped(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
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

/// Decodes HTML entities, drops stray characters and trims, keeping line breaks: the form
/// of a message body.
pub(crate) fn clean_body(text: &str) -> String {
    tidy(&decode_entities(text)).into_owned()
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
    fn escape_stray_writes_what_a_terminal_would_act_on_as_escapes() {
        assert_eq!(escape_stray("plain\nlines"), "plain\nlines");
        assert_eq!(escape_stray("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(escape_stray("over\rwrite"), "over\\u{d}write");
        assert_eq!(escape_stray("line\r\nnext"), "line\nnext");
        assert_eq!(escape_stray("rlo\u{202e}x"), "rlo\\u{202e}x");
        assert_eq!(escape_stray("tab\tkept"), "tab\tkept");
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
        assert_eq!(unwrap_envelope("cb({}"), "cb({}");
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
        assert_eq!(
            decode_entities("&lt;b&gt; &quot;x&quot; &#39;y&#39;"),
            "<b> \"x\" 'y'"
        );
        assert_eq!(
            decode_entities("&#x2014;&#8212;&nbsp;"),
            "\u{2014}\u{2014} "
        );
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
