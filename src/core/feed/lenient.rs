//! Lenient readers for the members of a list item in the formats Telltale does not define
//! (Statuspage, Apple).
//!
//! A member of the wrong type is read as absent, or as what it plainly means (a numeric id
//! as its decimal string, `"false"` as false), with one warning that names it where it is
//! (`incidents[0].shortlink`). One odd secondary field must never drop an item that
//! carries a state: a skipped incident turns the badge green. Members whose value picks a
//! state ([`word`]) are left to the caller, which maps a value of the wrong type as it maps
//! an unknown word and says so in its one warning.

use std::borrow::Cow;

use super::Warning;
use crate::core::json::{Json, Object};

/// The text of a member whose value picks a state (a status, an impact): `Ok` with the
/// text (`None` when absent or `null`), or `Err` with a value of another type.
pub(crate) type Word<'a> = Result<Option<&'a str>, &'a Json>;

/// The value at `key`, `None` when absent or `null`.
fn member<'a>(object: &'a Object, key: &str) -> Option<&'a Json> {
    object.get(key).filter(|value| !matches!(value, Json::Null))
}

/// Warns that the member named `place` is `found`, not `expected`, and is ignored.
fn ignored(place: &str, found: &Json, expected: &str, warnings: &mut Vec<Warning>) {
    warning!(
        warnings,
        "`{place}` is {}, expected {expected}; ignored",
        found.kind()
    );
}

/// Text at `key`; a value of another type is ignored with a warning.
pub(crate) fn text<'a>(
    object: &'a Object,
    key: &str,
    at: &str,
    warnings: &mut Vec<Warning>,
) -> Option<&'a str> {
    match member(object, key)? {
        Json::String(text) => Some(text),
        other => {
            ignored(&context!("{at}.{key}"), other, "a string", warnings);
            None
        }
    }
}

/// An id at `key`: text, or a whole number read as its decimal string (with a warning);
/// a value of any other type is ignored with a warning.
pub(crate) fn id<'a>(
    object: &'a Object,
    key: &str,
    at: &str,
    warnings: &mut Vec<Warning>,
) -> Option<Cow<'a, str>> {
    id_of(member(object, key)?, &context!("{at}.{key}"), warnings)
}

/// [`id`] for a value, named `place` in warnings.
fn id_of<'a>(value: &'a Json, place: &str, warnings: &mut Vec<Warning>) -> Option<Cow<'a, str>> {
    match value {
        Json::String(text) => Some(Cow::Borrowed(text)),
        Json::Number(number) => {
            let Some(whole) = number.as_integer() else {
                ignored(place, value, "a string", warnings);
                return None;
            };
            warning!(
                warnings,
                "`{place}` is the number {number}, expected a string; read as \"{whole}\""
            );
            Some(Cow::Owned(whole.to_string()))
        }
        other => {
            ignored(place, other, "a string", warnings);
            None
        }
    }
}

/// The ids listed at `key`, each read as [`id`] reads one; a value that is not an array,
/// and an item that is not an id, are ignored with a warning.
pub(crate) fn ids(
    object: &Object,
    key: &str,
    at: &str,
    warnings: &mut Vec<Warning>,
) -> Vec<String> {
    let items = array(object, key, at, warnings).unwrap_or_default();
    (items.iter().enumerate())
        .filter_map(|(index, item)| id_of(item, &context!("{at}.{key}[{index}]"), warnings))
        .map(Cow::into_owned)
        .collect()
}

/// A flag at `key`: a boolean, or the text `true` or `false` (any case, with a warning);
/// a value of any other type is ignored with a warning.
pub(crate) fn flag(
    object: &Object,
    key: &str,
    at: &str,
    warnings: &mut Vec<Warning>,
) -> Option<bool> {
    let value = member(object, key)?;
    let text = match value {
        Json::Bool(flag) => return Some(*flag),
        Json::String(text) => text.trim().to_ascii_lowercase(),
        _ => String::new(),
    };
    let read = match text.as_str() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    };
    match read {
        Some(flag) => warning!(
            warnings,
            "`{at}.{key}` is the string \"{}\", expected a boolean; read as {flag}",
            value.as_str().unwrap_or_default()
        ),
        None => ignored(&context!("{at}.{key}"), value, "a boolean", warnings),
    }
    read
}

/// An array at `key`; a value of another type is ignored with a warning.
pub(crate) fn array<'a>(
    object: &'a Object,
    key: &str,
    at: &str,
    warnings: &mut Vec<Warning>,
) -> Option<&'a [Json]> {
    match member(object, key)? {
        Json::Array(items) => Some(items),
        other => {
            ignored(&context!("{at}.{key}"), other, "an array", warnings);
            None
        }
    }
}

/// The text of a member whose value picks a state ([`Word`]).
pub(crate) fn word<'a>(object: &'a Object, key: &str) -> Word<'a> {
    match member(object, key) {
        None => Ok(None),
        Some(Json::String(text)) => Ok(Some(text)),
        Some(other) => Err(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::parse;

    fn object(text: &str) -> Object {
        match parse(text) {
            Ok(Json::Object(object)) => object,
            other => panic!("not an object: {other:?}"),
        }
    }

    #[test]
    fn wrong_types_are_ignored_with_one_warning_naming_the_member() {
        let item = object(r#"{"a": 5, "b": "x", "c": null, "d": [1], "e": "yes"}"#);
        let mut warnings = Vec::new();
        assert_eq!(text(&item, "a", "incidents[0]", &mut warnings), None);
        assert_eq!(text(&item, "b", "incidents[0]", &mut warnings), Some("x"));
        assert_eq!(text(&item, "c", "incidents[0]", &mut warnings), None);
        assert_eq!(array(&item, "b", "incidents[0]", &mut warnings), None);
        assert_eq!(flag(&item, "e", "incidents[0]", &mut warnings), None);
        assert_eq!(
            warnings,
            [
                Warning("`incidents[0].a` is a number, expected a string; ignored".into()),
                Warning("`incidents[0].b` is a string, expected an array; ignored".into()),
                Warning("`incidents[0].e` is a string, expected a boolean; ignored".into()),
            ]
        );
    }

    #[test]
    fn numeric_ids_and_flag_words_are_read_for_what_they_mean() {
        let item = object(r#"{"id": 123, "f": "False", "t": true, "x": 1.5, "m": ["a", 7, null]}"#);
        let mut warnings = Vec::new();
        let at = "components[1]";
        assert_eq!(id(&item, "id", at, &mut warnings).as_deref(), Some("123"));
        assert_eq!(id(&item, "x", at, &mut warnings), None);
        assert_eq!(flag(&item, "f", at, &mut warnings), Some(false));
        assert_eq!(flag(&item, "t", at, &mut warnings), Some(true));
        assert_eq!(ids(&item, "m", at, &mut warnings), ["a", "7"]);
        assert_eq!(warnings.len(), 5, "{warnings:?}");
        assert!(warnings[0]
            .0
            .starts_with("`components[1].id` is the number 123"));
        assert!(warnings[1].0.starts_with("`components[1].x` is a number"));
        assert!(warnings[4].0.starts_with("`components[1].m[2]` is null"));
        assert_eq!(word(&item, "f"), Ok(Some("False")));
        assert_eq!(word(&item, "t"), Err(&Json::Bool(true)));
        assert_eq!(word(&item, "none"), Ok(None));
    }
}
