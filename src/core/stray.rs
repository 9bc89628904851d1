//! Stray characters: the control characters and explicit direction controls that feed
//! text never keeps ([`is_stray`]), and the escaping that makes quoted feed text safe for
//! a terminal ([`escape_stray`]). The feed readers drop them (`feed::text`), and the JSON
//! writer and `telltale check` write them as escapes.

use std::borrow::Cow;
use std::fmt::Write as _;

/// True for a character that feed text never keeps: a control character other than a
/// line break or a tab (C0, DEL, C1), or an explicit direction embedding, override or
/// isolate (U+202A–U+202E, U+2066–U+2069). The widget already gives each piece of feed
/// text its own direction (`dir="auto"`), and an unterminated override would run on into
/// the words around it. The marks U+200E, U+200F and U+061C stay: they reorder nothing
/// beyond their neighbours.
pub fn is_stray(c: char) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_stray_writes_what_a_terminal_would_act_on_as_escapes() {
        assert_eq!(escape_stray("plain\nlines"), "plain\nlines");
        assert_eq!(escape_stray("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(escape_stray("over\rwrite"), "over\\u{d}write");
        assert_eq!(escape_stray("line\r\nnext"), "line\nnext");
        assert_eq!(escape_stray("rlo\u{202e}x"), "rlo\\u{202e}x");
        assert_eq!(escape_stray("tab\tkept"), "tab\tkept");
    }
}
