//! Feed formats: detection, parsing and normalisation into [`Snapshot`].
//!
//! Each format is one file of the same shape: private `Raw…` readers over the
//! [`Json`] tree, and `normalize` into the model. Adding a format means one file, one [`Format`] variant and
//! its fixtures in `tests/fixtures/`.

/// Pushes a [`Warning`] made with `format!` onto `warnings`. The widget shows no feed
/// warnings (they are for `telltale check`), so in the wasm the branch is constant-false
/// and the optimiser leaves the messages and their formatting out. Whatever a warning
/// quotes from the feed is escaped in [`parse_json`], for every warning alike.
macro_rules! warning {
    ($warnings:expr, $($message:tt)+) => {
        if cfg!(not(target_arch = "wasm32")) {
            $warnings.push($crate::core::feed::Warning(format!($($message)+)));
        }
    };
}

/// The place a warning names ("incident \"Outage\" update 2"), made with `format!` only
/// where warnings are kept ([`warning!`]): in the wasm it is an empty string, so reading a
/// feed on every poll formats no text for warnings nobody reads. Never for what the model
/// keeps (an id made from a position) or for errors.
macro_rules! context {
    ($($message:tt)+) => {
        if cfg!(not(target_arch = "wasm32")) {
            format!($($message)+)
        } else {
            String::new()
        }
    };
}

mod apple;
mod lenient;
mod statuspage;
mod telltale;
mod text;

use std::collections::HashMap;

use crate::core::json::{self, Json};
use crate::core::model::Snapshot;

/// The largest feed document the widget reads, in bytes: far above any real feed, far
/// below harm. `telltale check` warns about a larger one.
pub const MAX_FEED_BYTES: u64 = 2 * 1024 * 1024;

/// A feed format Telltale reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Atlassian Statuspage v2 (`summary.json` and its parts).
    Statuspage,
    /// Apple System Status (`system_status_<locale>.js`, bare or JSONP-wrapped).
    Apple,
    /// Telltale's own documented format.
    Telltale,
}

impl Format {
    /// Every format, in detection order.
    pub const ALL: [Format; 3] = [Format::Telltale, Format::Statuspage, Format::Apple];

    /// The spelling used by the `format` attribute and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Statuspage => "statuspage",
            Format::Apple => "apple",
            Format::Telltale => "telltale",
        }
    }

    /// Reads the spelling of [`Format::as_str`].
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something in a feed that was not as expected but did not stop the parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning(pub String);

/// A feed read successfully.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The format it was read as.
    pub format: Format,
    /// What it said, normalised.
    pub snapshot: Snapshot,
    /// What was odd about it.
    pub warnings: Vec<Warning>,
}

/// Why a document could not be read as a status feed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    /// The document is empty or only white space.
    #[error("the feed is empty")]
    Empty,
    /// The document is not JSON (after removing a BOM and a JSONP wrapper).
    #[error("the feed is not JSON: {0}")]
    NotJson(String),
    /// The document is JSON but not a status feed of any known format.
    #[error("the feed is not a status feed: {0}")]
    NotAFeed(String),
    /// The document is a feed of `format` but says nothing about any service's state: no
    /// component, incident or maintenance, and no page-wide status (Statuspage's
    /// `status.indicator`). An error answer served as JSON (`{"status":"error",
    /// "message":"Too many requests"}`) or an empty list reads that way; showing it as
    /// "operational" would be a guess.
    #[error(
        "the feed says nothing about any service: read as {format}, it lists no \
         components, incidents or maintenances{}",
        no_indicator(*format)
    )]
    SaysNothing {
        /// The format it was read as.
        format: Format,
    },
    /// The document does not fit the format it was declared as.
    #[error("the feed is not a valid {format} feed: {reason}")]
    Invalid {
        /// The format it was read as.
        format: Format,
        /// What is wrong, naming the field.
        reason: String,
    },
}

/// Reads `text` as a status feed: as `format` when given, else as the detected format.
///
/// An optional UTF-8 BOM and an optional JSONP wrapper (`jsonCallback( … );`) are removed
/// first. Detection looks at the top-level keys: `telltale` (or Telltale's own
/// `maintenances`, or a first component with a `level`) → Telltale, `page` with any of
/// `status`, `components`, `incidents`, `scheduled_maintenances` → Statuspage, a `services`
/// array → Apple. Never panics, whatever the input.
pub fn parse(text: &str, format: Option<Format>) -> Result<Parsed, FeedError> {
    let json = text::unwrap_envelope(text);
    if json.is_empty() {
        return Err(FeedError::Empty);
    }
    // Read where it stands in the document, so an error's line and column are those an
    // editor shows (a byte-order mark is no column of its own).
    let document = text.trim_start_matches('\u{feff}');
    let start = (json.as_ptr() as usize).saturating_sub(document.as_ptr() as usize);
    // `unwrap_envelope` only ever takes a part of `document`, so `json` is its bytes from
    // `start` on (checked in debug builds, which the property tests run on any input).
    debug_assert_eq!(document.get(start..start + json.len()), Some(json));
    let within = document.get(..start + json.len()).unwrap_or(json);
    let value = json::parse_from(within, start).map_err(|e| not_json(json, &e))?;
    parse_json(&value, format)
}

/// What [`FeedError::SaysNothing`] adds for a format with a page-wide status.
fn no_indicator(format: Format) -> &'static str {
    match format {
        Format::Statuspage => " and has no `status.indicator`",
        Format::Apple | Format::Telltale => "",
    }
}

/// Reads an already parsed JSON document as a status feed, like [`parse`]. A document
/// that says nothing about any service ([`Snapshot::says_nothing`]) is
/// [`FeedError::SaysNothing`].
pub fn parse_json(value: &Json, format: Option<Format>) -> Result<Parsed, FeedError> {
    let parsed = read_json(value, format)?;
    if parsed.snapshot.says_nothing() {
        return Err(FeedError::SaysNothing {
            format: parsed.format,
        });
    }
    Ok(parsed)
}

/// [`parse_json`] without the check that the document says something: for a kept
/// snapshot, which carries Statuspage's page-wide status beside the document.
pub(crate) fn read_json(value: &Json, format: Option<Format>) -> Result<Parsed, FeedError> {
    let format = match format {
        // A forced format is refused for a document that plainly is another one: a
        // Telltale feed has `components` and `incidents` too, and the Statuspage reader
        // would show it as untitled incidents in made-up states.
        // Only a plain sign refuses it: a `telltale` key, not the words a Telltale feed
        // without its version is detected by, which an odd Statuspage field could be.
        Some(format) => match detect(value) {
            Ok(other)
                if other != format
                    && (other != Format::Telltale || value.get("telltale").is_some()) =>
            {
                return Err(FeedError::Invalid {
                    format,
                    reason: format!(
                        "the document is in the \"{other}\" format; ask for that one, or leave the format out"
                    ),
                })
            }
            _ => format,
        },
        None => detect(value)?,
    };
    let mut warnings = Vec::new();
    let mut snapshot = match format {
        Format::Statuspage => statuspage::normalize(value, &mut warnings),
        Format::Apple => apple::normalize(value, &mut warnings),
        Format::Telltale => telltale::normalize(value, &mut warnings),
    }
    .map_err(|reason| FeedError::Invalid { format, reason })?;
    // The Telltale reader keeps the first in document order itself, before it sorts.
    if format != Format::Telltale {
        first_of_each_id(&mut snapshot, Positions::Model, &mut warnings);
    }
    #[cfg(not(target_arch = "wasm32"))]
    warn_ids_shared_by_groups_and_components(&snapshot, &mut warnings);
    name_by_id_when_blank(&mut snapshot, &mut warnings);
    // A warning quotes the feed as it was (a misspelt field's name, an unknown status):
    // its control characters are written as escapes ([`escape_stray`]), so the report
    // that shows the warning cannot be driven by them. The widget has no warnings.
    #[cfg(not(target_arch = "wasm32"))]
    for warning in &mut warnings {
        if let std::borrow::Cow::Owned(escaped) = crate::core::stray::escape_stray(&warning.0) {
            warning.0 = escaped;
        }
    }
    Ok(Parsed {
        format,
        snapshot,
        warnings,
    })
}

/// `at_ms` when it lies within the years 1 to 9999 (UTC), the times every reader keeps:
/// beyond them no calendar text can show a time, and Telltale's own format (which the
/// widget also stores) cannot carry one. An Apple epoch can be any integer, and an RFC 3339
/// time in year 0 or with an offset at either end of the range falls outside.
pub(crate) fn showable_time(at_ms: i64) -> Option<i64> {
    (telltale::MIN_TIME_MS..=telltale::MAX_TIME_MS)
        .contains(&at_ms)
        .then_some(at_ms)
}

/// The first time a status event can have: 2000-01-01T00:00:00Z (no status page is older).
const FIRST_REAL_TIME_MS: i64 = 946_684_800_000;

/// `at_ms` unless it is what a lenient feed writes for "no time", or a slip: the Unix
/// epoch in any zone (`0`, `1970-01-01T00:00:00-08:00`), Go's zero time
/// (`0001-01-01T00:00:00Z`), or seconds written as milliseconds (which land in January
/// 1970). Nothing before 2000 is a status event's time, and the panel would show the
/// placeholder as a date.
pub(crate) fn real_time(at_ms: i64) -> Option<i64> {
    (at_ms >= FIRST_REAL_TIME_MS).then_some(at_ms)
}

/// `snapshot` as a document in Telltale's own format, which [`parse`] reads back to an
/// equal snapshot.
pub fn to_telltale(snapshot: &Snapshot) -> Json {
    Json::Object(telltale::document(snapshot))
}

/// What the positions in [`first_of_each_id`]'s warnings count.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Positions {
    /// The document's own lists (a Telltale document: `components[2]`).
    Document,
    /// The model's lists, which a Statuspage or Apple document does not have by those
    /// names: warnings name the id alone.
    Model,
}

/// Keeps the first group, component, incident and maintenance of each id. Every reader
/// does: the panel keys its rows and events by id, and a repeated key makes Yew's list
/// update lose or misplace items. Statuspage's `incidents` can also list a maintenance
/// that `scheduled_maintenances` lists again.
pub(super) fn first_of_each_id(
    snapshot: &mut Snapshot,
    positions: Positions,
    warnings: &mut Vec<Warning>,
) {
    first_of_each(
        &mut snapshot.groups,
        "groups",
        |g| &g.id,
        positions,
        warnings,
    );
    first_of_each(
        &mut snapshot.components,
        "components",
        |c| &c.id,
        positions,
        warnings,
    );
    first_of_each(
        &mut snapshot.incidents,
        "incidents",
        |i| &i.id,
        positions,
        warnings,
    );
    first_of_each(
        &mut snapshot.maintenances,
        "maintenances",
        |m| &m.id,
        positions,
        warnings,
    );
}

/// Warns about a group with the id of a component. Allowed, but `components="core"` then
/// selects both, and an `affected` list naming it means both: worth a word to the author.
/// A warning only, so not in the widget.
#[cfg(not(target_arch = "wasm32"))]
fn warn_ids_shared_by_groups_and_components(snapshot: &Snapshot, warnings: &mut Vec<Warning>) {
    let component_ids: std::collections::HashSet<&str> =
        snapshot.components.iter().map(|c| c.id.as_str()).collect();
    for group in &snapshot.groups {
        if component_ids.contains(group.id.as_str()) {
            warning!(
                warnings,
                "group \"{}\" has the id of a component; `components` and `affected` lists \
                 naming it mean both",
                group.id
            );
        }
    }
}

/// Keeps the first item of each id in `items`, in their order, with a warning for each
/// later one (JSON readers keep the first of repeated items, so that is what the author
/// means), and warns about an empty id, which the embed's `components` attribute and
/// `affected` lists cannot name. Ids are trimmed already.
fn first_of_each<T>(
    items: &mut Vec<T>,
    list: &str,
    id: fn(&T) -> &String,
    positions: Positions,
    warnings: &mut Vec<Warning>,
) {
    // Each id and the index of its first item.
    let mut first_at: HashMap<String, usize> = HashMap::new();
    let mut index = 0;
    items.retain(|item| {
        let here = index;
        index += 1;
        let id = id(item);
        if id.is_empty() {
            warning!(warnings, "`{list}[{here}]` has an empty id");
        }
        let first = *first_at.entry(id.clone()).or_insert(here);
        if first == here {
            return true;
        }
        if positions == Positions::Document {
            warning!(
                warnings,
                "`{list}[{here}]` has the id \"{id}\" of `{list}[{first}]`; it is left out \
                 (the first one counts)"
            );
        } else {
            warning!(
                warnings,
                "{list}: \"{id}\" is listed again; it is left out (the first one counts)"
            );
        }
        false
    });
}

/// Gives a component or group whose name shows nothing (empty, or only spaces and
/// invisible characters such as U+200B ZERO WIDTH SPACE) its id as its name, with a
/// warning: a row or a heading without a name tells the reader nothing.
fn name_by_id_when_blank(snapshot: &mut Snapshot, warnings: &mut Vec<Warning>) {
    let invisible = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}'
            )
    };
    let mut by_id = |kind: &str, id: &String, name: &mut String| {
        if name.chars().all(invisible) {
            warning!(warnings, "{kind} \"{id}\" has no name; shown by its id");
            name.clone_from(id);
        }
    };
    for component in &mut snapshot.components {
        by_id("component", &component.id, &mut component.name);
    }
    for group in &mut snapshot.groups {
        by_id("group", &group.id, &mut group.name);
    }
}

/// Ungroups every component whose group is not in the snapshot, with a warning: a member
/// of a missing group still shows, on its own.
fn detach_from_missing_groups(snapshot: &mut Snapshot, warnings: &mut Vec<Warning>) {
    let group_ids: std::collections::HashSet<String> =
        snapshot.groups.iter().map(|g| g.id.clone()).collect();
    for component in &mut snapshot.components {
        if let Some(group_id) = &component.group_id {
            if !group_ids.contains(group_id.as_str()) {
                warning!(
                    warnings,
                    "component \"{}\" belongs to group \"{group_id}\", which is not in the \
                     feed; shown without a group",
                    component.name
                );
                component.group_id = None;
            }
        }
    }
}

/// Which format a JSON document is, by its top-level keys.
fn detect(value: &Json) -> Result<Format, FeedError> {
    // The widget's console line names what it found; `telltale check` also what a feed
    // looks like.
    const EXPECTED: &str = if cfg!(target_arch = "wasm32") {
        "`telltale check` says what a feed needs"
    } else {
        "expected an object with `telltale` (Telltale), `page` and `components`, \
         `incidents`, `scheduled_maintenances` or `status` (Statuspage), or a `services` \
         array (Apple)"
    };
    let Some(object) = value.as_object() else {
        return Err(FeedError::NotAFeed(format!(
            "the document is {}; {EXPECTED}",
            value.kind()
        )));
    };
    // A Telltale feed that lost its version field still has its own words: a
    // `maintenances` list, components with a `level`. Its reader then says what is
    // missing, where Statuspage's would read it as untitled incidents in made-up states.
    let telltale_words = || {
        object.contains_key("maintenances")
            || (object.get("components").and_then(Json::as_array))
                .and_then(<[Json]>::first)
                .and_then(|first| first.get("level"))
                .is_some()
    };
    if object.contains_key("telltale") || telltale_words() {
        return Ok(Format::Telltale);
    }
    let statuspage_parts = [
        "status",
        "components",
        "incidents",
        "scheduled_maintenances",
    ];
    if object.contains_key("page") && statuspage_parts.iter().any(|k| object.contains_key(k)) {
        return Ok(Format::Statuspage);
    }
    if object.get("services").is_some_and(Json::is_array) {
        return Ok(Format::Apple);
    }
    let mut keys: Vec<&str> = object.keys().take(6).collect();
    if object.len() > keys.len() {
        keys.push("…");
    }
    let found = if keys.is_empty() {
        "an empty object".to_owned()
    } else {
        format!("an object with keys {}", keys.join(", "))
    };
    Err(FeedError::NotAFeed(format!("found {found}; {EXPECTED}")))
}

/// The reader's message, with a hint when the document is plainly an HTML page (an error
/// page served with status 200 is the usual way a feed URL goes wrong).
fn not_json(json: &str, error: &json::ParseError) -> FeedError {
    if json.starts_with('<') {
        FeedError::NotJson(format!("it looks like HTML or XML ({error})"))
    } else {
        FeedError::NotJson(error.to_string())
    }
}
