//! A small JSON reader and writer for the feeds, the stored snapshot and the CLI.
//!
//! The widget used to read feeds with serde and serde_json; their generic code was a third
//! of the wasm. Telltale needs much less: one tree type, a strict RFC 8259 reader that never
//! panics (nesting is capped, every error names its line and column), typed field access
//! with messages that name the field, and a writer. Numbers keep their source text, so no
//! float parsing or printing is compiled in: integers are read exactly and anything else is
//! only truncated where a format allows it (see [`Number::truncated`]).

use std::fmt::{self, Write as _};

use crate::core::stray::is_stray;

/// Nesting deeper than this is refused, so hostile input cannot exhaust the stack.
pub const MAX_DEPTH: usize = 128;

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(Number),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, in document order.
    Object(Object),
}

/// A JSON number, kept as its (validated) source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number(String);

/// A JSON object: its members in document order. A repeated key is kept twice and the last
/// one wins, as in JavaScript's `JSON.parse`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Object(Vec<(String, Json)>);

/// Why a text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// What is wrong, e.g. "expected value"; in the widget's wasm always "invalid" (the
    /// messages are compiled into `telltale check` only).
    pub message: &'static str,
    /// 1-based line of the offending byte.
    pub line: usize,
    /// 1-based column (in bytes) of the offending byte.
    pub column: usize,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

impl Number {
    /// The number as written in the document.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The value when it is written as an integer (no fraction, no exponent) that fits.
    pub fn as_i64(&self) -> Option<i64> {
        self.0.parse().ok()
    }

    /// The value when it is a whole number that fits an `i64`, however it is written
    /// (`1795173000000`, `1795173000000.0`, `1.795173e12`, `-0`): JSON Schema's "integer",
    /// so a reader and a schema validator agree. `None` for a non-zero fraction or a value
    /// out of range. Exact: computed on the digits, never through a float.
    pub fn as_integer(&self) -> Option<i64> {
        if let Some(value) = self.as_i64() {
            return Some(value);
        }
        let text = self.0.as_str();
        let (negative, text) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (mantissa, exponent) = text.split_once(['e', 'E']).unwrap_or((text, "0"));
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits: Vec<u8> = whole.bytes().chain(fraction.bytes()).collect();
        // Zero is zero however far the point moves (`0e99999999999999999999`).
        if digits.iter().all(|&d| d == b'0') {
            return Some(0);
        }
        // Any other number with an exponent too large for an i64 is out of range anyway.
        let point = i64::try_from(whole.len())
            .ok()?
            .checked_add(exponent.parse::<i64>().ok()?)?;
        let length = i64::try_from(digits.len()).ok()?;
        let mut magnitude: u64 = 0;
        for (index, &digit) in (0_i64..).zip(&digits) {
            if index >= point {
                // A digit after the point: the number is whole only if it is zero.
                if digit != b'0' {
                    return None;
                }
                continue;
            }
            magnitude = magnitude
                .checked_mul(10)?
                .checked_add(u64::from(digit - b'0'))?;
        }
        // Trailing zeros the exponent adds; at most 19 before a non-zero value overflows.
        for _ in length.max(0)..point {
            magnitude = magnitude.checked_mul(10)?;
        }
        let magnitude = i128::from(magnitude);
        i64::try_from(if negative { -magnitude } else { magnitude }).ok()
    }

    /// The value truncated toward zero, however it is written (`1.5e12`, `42.9`), when its
    /// magnitude is below 10^15; `None` beyond. Exact: computed on the digits.
    pub fn truncated(&self) -> Option<i64> {
        const LIMIT: i64 = 1_000_000_000_000_000;
        let text = self.0.as_str();
        let (negative, text) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (mantissa, exponent) = match text.split_once(['e', 'E']) {
            Some((mantissa, exponent)) => (mantissa, exponent.parse::<i64>().ok()?),
            None => (text, 0),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        // The digits without the point, and where the point goes once the exponent applies.
        let digits = whole.bytes().chain(fraction.bytes());
        let point = i64::try_from(whole.len()).ok()?.checked_add(exponent)?;
        let mut value: i64 = 0;
        for (index, digit) in (0_i64..).zip(digits) {
            if index >= point {
                break;
            }
            value = value
                .checked_mul(10)?
                .checked_add(i64::from(digit - b'0'))?;
            if value >= LIMIT {
                return None;
            }
        }
        let length = i64::try_from(whole.len() + fraction.len()).ok()?;
        // Zero stays zero however far the point moves (`0e9999999999`).
        if value == 0 {
            return Some(0);
        }
        for _ in length.max(0)..point {
            value = value.checked_mul(10)?;
            if value >= LIMIT {
                return None;
            }
        }
        Some(if negative { -value } else { value })
    }
}

impl From<i64> for Number {
    fn from(value: i64) -> Number {
        Number(value.to_string())
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Object {
    /// An empty object.
    pub fn new() -> Object {
        Object::default()
    }

    /// The value of `key` (the last one when repeated).
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// True when `key` is present.
    pub fn contains_key(&self, key: &str) -> bool {
        self.0.iter().any(|(k, _)| k == key)
    }

    /// The keys in document order (a repeated key appears each time).
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    /// The number of members.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when the object has no members.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Takes `key` out (its last value; earlier repeats are dropped too).
    pub fn remove(&mut self, key: &str) -> Option<Json> {
        let mut taken = None;
        self.0.retain_mut(|(k, v)| {
            if k != key {
                return true;
            }
            taken = Some(std::mem::replace(v, Json::Null));
            false
        });
        taken
    }

    /// Sets `key` to `value`, replacing every earlier value of it.
    pub fn insert(&mut self, key: &str, value: impl Into<Json>) {
        self.0.retain(|(k, _)| k != key);
        self.0.push((key.to_owned(), value.into()));
    }

    /// `self` with `key` set to `value`: for building documents.
    pub fn with(mut self, key: &str, value: impl Into<Json>) -> Object {
        self.insert(key, value);
        self
    }

    /// `self` with `key` set when `value` is `Some`: for optional fields.
    pub fn with_some<T: Into<Json>>(self, key: &str, value: Option<T>) -> Object {
        match value {
            Some(value) => self.with(key, value),
            None => self,
        }
    }

    /// Text at `key`: `None` when absent or `null`, an error naming `key` for another type.
    pub fn opt_str(&self, key: &str) -> Result<Option<&str>, String> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::String(text)) => Ok(Some(text)),
            Some(other) => Err(wrong_type(key, other, "a string")),
        }
    }

    /// Text at `key`, which must be present.
    pub fn req_str(&self, key: &str) -> Result<&str, String> {
        match self.get(key) {
            None => Err(format!("missing field `{key}`")),
            Some(Json::String(text)) => Ok(text),
            Some(other) => Err(wrong_type(key, other, "a string")),
        }
    }

    /// A boolean at `key`: `None` when absent or `null`.
    pub fn opt_bool(&self, key: &str) -> Result<Option<bool>, String> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::Bool(value)) => Ok(Some(*value)),
            Some(other) => Err(wrong_type(key, other, "a boolean")),
        }
    }

    /// An integer at `key` ([`Number::as_integer`]: `1.0` and `1e3` are integers too):
    /// `None` when absent or `null`; a fraction, or a value beyond `i64`, is an error.
    pub fn opt_i64(&self, key: &str) -> Result<Option<i64>, String> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::Number(n)) => match n.as_integer() {
                Some(value) => Ok(Some(value)),
                None => Err(format!("`{key}` is {n}, expected an integer")),
            },
            Some(other) => Err(wrong_type(key, other, "an integer")),
        }
    }

    /// An array at `key`: `None` when absent or `null`.
    pub fn opt_array(&self, key: &str) -> Result<Option<&[Json]>, String> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::Array(items)) => Ok(Some(items)),
            Some(other) => Err(wrong_type(key, other, "an array")),
        }
    }

    /// An array of strings at `key`: `None` when absent or `null`.
    pub fn opt_strings(&self, key: &str) -> Result<Option<Vec<String>>, String> {
        let Some(items) = self.opt_array(key)? else {
            return Ok(None);
        };
        items
            .iter()
            .enumerate()
            .map(|(index, item)| match item {
                Json::String(text) => Ok(text.clone()),
                other => Err(wrong_type(&format!("{key}[{index}]"), other, "a string")),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some)
    }
}

/// The message for a field of the wrong type.
pub fn wrong_type(key: &str, found: &Json, expected: &str) -> String {
    format!("`{key}` is {}, expected {expected}", found.kind())
}

impl Json {
    /// The object, when this is one.
    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Json::Object(object) => Some(object),
            _ => None,
        }
    }

    /// The items, when this is an array.
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The text, when this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    /// True for an object.
    pub fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }

    /// True for an array.
    pub fn is_array(&self) -> bool {
        matches!(self, Json::Array(_))
    }

    /// The member `key` of an object; `None` for anything else.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?.get(key)
    }

    /// A short description of the value's type, for messages: "a string", "null".
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// The value as indented JSON text (two spaces), for people.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self, Some(0));
        out
    }
}

impl From<&str> for Json {
    fn from(text: &str) -> Json {
        Json::String(text.to_owned())
    }
}

impl From<String> for Json {
    fn from(text: String) -> Json {
        Json::String(text)
    }
}

impl From<&String> for Json {
    fn from(text: &String) -> Json {
        Json::String(text.clone())
    }
}

impl From<bool> for Json {
    fn from(value: bool) -> Json {
        Json::Bool(value)
    }
}

impl From<i64> for Json {
    fn from(value: i64) -> Json {
        Json::Number(Number::from(value))
    }
}

impl From<Object> for Json {
    fn from(object: Object) -> Json {
        Json::Object(object)
    }
}

impl<T: Into<Json>> From<Vec<T>> for Json {
    fn from(items: Vec<T>) -> Json {
        Json::Array(items.into_iter().map(Into::into).collect())
    }
}

/// Compact JSON text.
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        write_value(&mut out, self, None);
        f.write_str(&out)
    }
}

/// Writes `value`; `indent` is the current depth when pretty-printing, `None` for compact.
fn write_value(out: &mut String, value: &Json, indent: Option<usize>) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(true) => out.push_str("true"),
        Json::Bool(false) => out.push_str("false"),
        Json::Number(n) => out.push_str(n.as_str()),
        Json::String(text) => write_string(out, text),
        Json::Array(items) => {
            write_list(out, '[', ']', items.iter(), indent, |out, item, depth| {
                write_value(out, item, depth);
            });
        }
        Json::Object(object) => {
            write_list(
                out,
                '{',
                '}',
                object.0.iter(),
                indent,
                |out, (k, v), depth| {
                    write_string(out, k);
                    out.push_str(if depth.is_some() { ": " } else { ":" });
                    write_value(out, v, depth);
                },
            );
        }
    }
}

fn write_list<T>(
    out: &mut String,
    open: char,
    close: char,
    items: impl ExactSizeIterator<Item = T>,
    indent: Option<usize>,
    mut write_item: impl FnMut(&mut String, T, Option<usize>),
) {
    out.push(open);
    let empty = items.len() == 0;
    let inner = indent.map(|depth| depth + 1);
    for (index, item) in items.enumerate() {
        if index > 0 {
            out.push(',');
        }
        if let Some(depth) = inner {
            newline(out, depth);
        }
        write_item(out, item, inner);
    }
    if let (Some(depth), false) = (indent, empty) {
        newline(out, depth);
    }
    out.push(close);
}

fn newline(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            // Every other stray character too, not only the controls JSON requires
            // escaped (below U+0020): DEL and C1 written as they are could drive a
            // terminal that shows the text, and the explicit direction controls turn its
            // lines around. Line breaks and tabs are taken above.
            c if is_stray(c) => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Reads `text` as one JSON value (RFC 8259), with nothing but white space after it.
pub fn parse(text: &str) -> Result<Json, ParseError> {
    parse_from(text, 0)
}

/// Parses the JSON document in `text` from byte `start` to the end, like [`parse`]; an
/// error's line and column count from the start of `text`, so a document read from
/// inside a larger text (a JSONP call) is placed in that text.
pub fn parse_from(text: &str, start: usize) -> Result<Json, ParseError> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: start,
    };
    let value = reader.value(0)?;
    reader.skip_space();
    if reader.at < reader.bytes.len() {
        return Err(reader.error("trailing characters"));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn error(&self, message: &'static str) -> ParseError {
        let before = &self.bytes[..self.at.min(self.bytes.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        ParseError {
            // The widget's console line says where (`telltale check` also what): the
            // messages cost the wasm more than they tell a page's developer.
            message: if cfg!(target_arch = "wasm32") {
                "invalid"
            } else {
                message
            },
            line,
            column: self.at - line_start + 1,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, ParseError> {
        self.skip_space();
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected value")),
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, ParseError> {
        for expected in word.bytes() {
            match self.peek() {
                Some(b) if b == expected => self.at += 1,
                None => return Err(self.error("EOF while parsing a value")),
                Some(_) => return Err(self.error("expected value")),
            }
        }
        Ok(value)
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Json, ParseError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            None => return Err(self.error("EOF while parsing a value")),
            Some(_) => return Err(self.error("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        let text = self.text.get(start..self.at).unwrap_or_default();
        Ok(Json::Number(Number(text.to_owned())))
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            let start = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            // Only ASCII bytes stop the scan, so `start..at` lies on character boundaries.
            out.push_str(self.text.get(start..self.at).unwrap_or_default());
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), ParseError> {
        let Some(kind) = self.peek() else {
            return Err(self.error("EOF while parsing a string"));
        };
        self.at += 1;
        let c = match kind {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                match unit {
                    0xD800..=0xDBFF => match self.low_surrogate()? {
                        Some(low) => {
                            let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                            char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
                        }
                        None => char::REPLACEMENT_CHARACTER,
                    },
                    _ => char::from_u32(unit).unwrap_or(char::REPLACEMENT_CHARACTER),
                }
            }
            _ => {
                self.at -= 1;
                return Err(self.error("invalid escape"));
            }
        };
        out.push(c);
        Ok(())
    }

    /// After a leading surrogate: the trailing one that completes it, consumed, or `None`
    /// (nothing consumed) when the next escape is not one. Half a pair reads as U+FFFD, as
    /// a browser shows the lone half that `JSON.parse` gives it: a feed written by
    /// JavaScript that cut an emoji in two (`"\ud83d"`) is otherwise fine, and a strict
    /// reader would lose the whole status over one character.
    fn low_surrogate(&mut self) -> Result<Option<u32>, ParseError> {
        if self.bytes.get(self.at..self.at + 2) != Some(b"\\u") {
            return Ok(None);
        }
        let start = self.at;
        self.at += 2;
        let low = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&low) {
            return Ok(Some(low));
        }
        self.at = start;
        Ok(None)
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut value = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b) => char::from(b).to_digit(16),
            };
            let Some(digit) = digit else {
                return Err(self.error("invalid escape"));
            };
            value = value * 16 + digit;
            self.at += 1;
        }
        Ok(value)
    }

    fn enter(&mut self, depth: usize) -> Result<(), ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deep"));
        }
        self.at += 1; // the opening bracket
        self.skip_space();
        Ok(())
    }

    fn array(&mut self, depth: usize) -> Result<Json, ParseError> {
        self.enter(depth)?;
        let mut items = Vec::new();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                None => return Err(self.error("EOF while parsing a list")),
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, ParseError> {
        self.enter(depth)?;
        let mut members = Vec::new();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(Object(members)));
        }
        loop {
            self.skip_space();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("key must be a string")),
            }
            let key = self.string()?;
            self.skip_space();
            match self.peek() {
                Some(b':') => self.at += 1,
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("expected `:`")),
            }
            members.push((key, self.value(depth)?));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Object(Object(members)));
                }
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str) -> Number {
        match parse(text) {
            Ok(Json::Number(n)) => n,
            other => panic!("{text} is not a number: {other:?}"),
        }
    }

    #[test]
    fn parse_reads_every_kind_of_value() {
        let value = parse(r#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}} "#).unwrap();
        let object = value.as_object().unwrap();
        assert_eq!(object.keys().collect::<Vec<_>>(), ["a", "b"]);
        let items = object.get("a").and_then(Json::as_array).unwrap();
        assert_eq!(items.len(), 5);
        assert_eq!(items[1], Json::Number(Number("-2.5e3".into())));
        assert_eq!(items[2], Json::Bool(true));
        assert_eq!(items[4], Json::Null);
        assert_eq!(
            value.get("b").and_then(|b| b.get("c")),
            Some(&Json::from("d"))
        );
        assert_eq!(parse("[]").unwrap(), Json::Array(vec![]));
        assert_eq!(parse("{}").unwrap(), Json::Object(Object::new()));
    }

    #[test]
    fn parse_unescapes_strings() {
        let value = parse(r#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00 é""#).unwrap();
        assert_eq!(value, Json::from("a\"b\\c/d\n\té😀 é"));
        assert_eq!(parse(r#""\b\f\r""#), Ok(Json::from("\u{8}\u{c}\r")));
    }

    #[test]
    fn parse_reads_half_a_surrogate_pair_as_the_replacement_character() {
        let cases = [
            (r#""cut \ud83d""#, "cut \u{fffd}"),
            (r#""\udc00 alone""#, "\u{fffd} alone"),
            (r#""\ud83d\u0041""#, "\u{fffd}A"),
            (r#""\ud83d\ud83d\ude00""#, "\u{fffd}😀"),
            (r#""\ude00\ud83d""#, "\u{fffd}\u{fffd}"),
            (r#""\ud83d\n""#, "\u{fffd}\n"),
        ];
        for (text, expected) in cases {
            assert_eq!(parse(text), Ok(Json::from(expected)), "{text}");
        }
        // A broken escape after the leading half is still an error.
        assert!(parse(r#""\ud83d\u12""#).is_err());
    }

    #[test]
    fn parse_refuses_malformed_text_with_position() {
        let cases = [
            ("", "EOF while parsing a value at line 1 column 1"),
            ("<html>", "expected value at line 1 column 1"),
            ("{\"a\":1", "EOF while parsing an object at line 1 column 7"),
            ("[1,]", "expected value at line 1 column 4"),
            ("[1 2]", "expected `,` or `]` at line 1 column 4"),
            ("{a:1}", "key must be a string at line 1 column 2"),
            ("{\"a\" 1}", "expected `:` at line 1 column 6"),
            ("01", "trailing characters at line 1 column 2"),
            ("1.", "invalid number at line 1 column 3"),
            ("-", "EOF while parsing a value at line 1 column 2"),
            ("tru", "EOF while parsing a value at line 1 column 4"),
            ("nul!", "expected value at line 1 column 4"),
            ("\"a\nb\"", "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 3"),
            ("\"\\x\"", "invalid escape at line 1 column 3"),
            ("\"\\u12", "EOF while parsing a string at line 1 column 6"),
            ("[1]\n\n x", "trailing characters at line 3 column 2"),
        ];
        for (text, message) in cases {
            let error = parse(text).expect_err(text);
            assert_eq!(error.to_string(), message, "{text:?}");
        }
    }

    #[test]
    fn parse_caps_nesting() {
        assert_eq!(
            MAX_DEPTH, 128,
            "the README and docs/feed-formats.md say 128"
        );
        let deep_ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&deep_ok).is_ok());
        let too_deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(
            parse(&too_deep).map_err(|e| e.message),
            Err("nested too deep")
        );
        let hostile = "{\"a\":".repeat(100_000);
        assert!(parse(&hostile).is_err());
    }

    #[test]
    fn object_get_takes_the_last_of_a_repeated_key() {
        let value = parse(r#"{"a":1,"b":2,"a":3}"#).unwrap();
        let object = value.as_object().unwrap();
        assert_eq!(object.get("a"), Some(&Json::from(3)));
        assert_eq!(object.keys().collect::<Vec<_>>(), ["a", "b", "a"]);
        // A repeated key is a member each time.
        assert_eq!(object.len(), 3);
        let mut object = object.clone();
        assert_eq!(object.remove("a"), Some(Json::from(3)));
        assert_eq!(object.keys().collect::<Vec<_>>(), ["b"]);
        assert_eq!((object.len(), object.is_empty()), (1, false));
        assert_eq!(object.remove("b"), Some(Json::from(2)));
        assert_eq!((object.len(), object.is_empty()), (0, true));
        assert_eq!(object.remove("a"), None);
    }

    #[test]
    fn number_as_i64_reads_integers_only() {
        assert_eq!(number("1700000000000").as_i64(), Some(1_700_000_000_000));
        assert_eq!(number("-42").as_i64(), Some(-42));
        assert_eq!(number("1.0").as_i64(), None);
        assert_eq!(number("1e3").as_i64(), None);
        assert_eq!(number("9223372036854775808").as_i64(), None);
    }

    #[test]
    fn number_as_integer_reads_whole_numbers_however_written() {
        let whole = [
            ("1795173000000", 1_795_173_000_000),
            ("1795173000000.0", 1_795_173_000_000),
            ("1795173000000.000", 1_795_173_000_000),
            ("1.795173e12", 1_795_173_000_000),
            ("1795173E3", 1_795_173_000),
            ("17951730000000e-1", 1_795_173_000_000),
            ("1.0", 1),
            ("1e0", 1),
            ("-0.0", 0),
            ("0e99999999999999999999", 0),
            ("-42.00", -42),
            ("0.001e3", 1),
            ("9223372036854775807", i64::MAX),
            ("9223372036854775807.0", i64::MAX),
            ("-9223372036854775808", i64::MIN),
            ("-9.223372036854775808e18", i64::MIN),
        ];
        for (text, value) in whole {
            assert_eq!(number(text).as_integer(), Some(value), "{text}");
        }
        let not = [
            "1.5",
            "1795173000000.5",
            "1e-1",
            "0.001e2",
            "9223372036854775808",
            "9223372036854775808.0",
            "-9223372036854775809",
            "99999999999999999999",
            "1e19",
            "1e99999999999999999999",
            "1e-99999999999999999999",
        ];
        for text in not {
            assert_eq!(number(text).as_integer(), None, "{text}");
        }
    }

    #[test]
    fn number_truncated_is_exact_below_ten_to_the_fifteen() {
        assert_eq!(number("1.5e12").truncated(), Some(1_500_000_000_000));
        assert_eq!(number("42.9").truncated(), Some(42));
        assert_eq!(number("-42.9").truncated(), Some(-42));
        assert_eq!(number("1700000000000").truncated(), Some(1_700_000_000_000));
        assert_eq!(number("17E-1").truncated(), Some(1));
        assert_eq!(number("5e-400").truncated(), Some(0));
        assert_eq!(number("0.000").truncated(), Some(0));
        assert_eq!(number("0e999999999999999").truncated(), Some(0));
        assert_eq!(
            number("999999999999999").truncated(),
            Some(999_999_999_999_999)
        );
        assert_eq!(number("1e15").truncated(), None);
        assert_eq!(number("1e300").truncated(), None);
        assert_eq!(number("1e99999999999999999999").truncated(), None);
    }

    #[test]
    fn writer_round_trips_and_escapes() {
        let text = r#"{"a":[1,"x\"y\\z\n\u0001é"],"b":{},"c":[],"d":null,"e":false}"#;
        let value = parse(text).unwrap();
        assert_eq!(value.to_string(), text);
        assert_eq!(parse(&value.pretty()).unwrap(), value);
        // What a terminal acts on is written as a JSON escape: controls, direction controls.
        let stray = Json::from("a\u{1b}\u{7f}\u{9b}\u{202e}\u{2066}b");
        assert_eq!(stray.to_string(), r#""a\u001b\u007f\u009b\u202e\u2066b""#);
        assert_eq!(parse(&stray.to_string()).unwrap(), stray);
        assert_eq!(
            parse(r#"{"a":[1,{"b":true}],"c":{}}"#).unwrap().pretty(),
            "{\n  \"a\": [\n    1,\n    {\n      \"b\": true\n    }\n  ],\n  \"c\": {}\n}"
        );
    }

    #[test]
    fn typed_fields_name_the_field_on_a_wrong_type() {
        let value = parse(r#"{"s":"x","n":5,"f":1.5,"b":true,"z":null,"l":["a",2]}"#).unwrap();
        let object = value.as_object().unwrap();
        assert_eq!(object.opt_str("s"), Ok(Some("x")));
        assert_eq!(object.opt_str("z"), Ok(None));
        assert_eq!(object.opt_str("missing"), Ok(None));
        assert_eq!(
            object.opt_str("n"),
            Err("`n` is a number, expected a string".into())
        );
        assert_eq!(
            object.req_str("missing"),
            Err("missing field `missing`".into())
        );
        assert_eq!(
            object.req_str("z"),
            Err("`z` is null, expected a string".into())
        );
        assert_eq!(object.opt_i64("n"), Ok(Some(5)));
        let whole = parse(r#"{"w":5.0}"#).unwrap();
        assert_eq!(whole.as_object().unwrap().opt_i64("w"), Ok(Some(5)));
        assert_eq!(
            object.opt_i64("f"),
            Err("`f` is 1.5, expected an integer".into())
        );
        assert_eq!(object.opt_bool("b"), Ok(Some(true)));
        assert_eq!(
            object.opt_strings("l"),
            Err("`l[1]` is a number, expected a string".into())
        );
    }
}
