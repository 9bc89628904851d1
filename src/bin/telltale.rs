//! `telltale check`: reads a status feed from a file or stdin and prints what the widget
//! would make of it, so a feed author can check a feed before publishing it.
//!
//! Like the widget's `web` layer, this binary reads the clock for core (which never does):
//! the overall state of a feed depends on whether a maintenance window is open now.

use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::{Read, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use telltale::core::feed::{self, Format, Parsed};
use telltale::core::filter::{self, Selection};
use telltale::core::json::{Json, Object};
use telltale::core::model::{sort_by_rank, Component, Snapshot};
use telltale::core::state::with_snapshot;
use telltale::core::stray;
use telltale::core::time::civil_at;

const USAGE: &str = "\
usage: telltale check [--json] [--format <auto|statuspage|apple|telltale>]
                      [--components <names>] <file>

Reads a status feed (Statuspage v2, Apple System Status or Telltale) and prints its format,
its overall state, each component, active incidents, maintenances and warnings.

  <file>             the feed to read; - reads standard input
  --json             print the normalised model as JSON instead (its `snapshot` is
                     a feed in Telltale's own format; `declared`,
                     `incidents_unlisted` and `maintenances_unlisted` beside it
                     say what that format cannot)
  --format <name>    read the feed as this format instead of detecting it
  --components <names>
                     show what a widget with this `components` attribute shows
                     (comma-separated names or ids, matched as the widget
                     matches them), with a warning for each name that matches
                     nothing in the feed; `overall` is `unknown` when no name
                     matches and nothing else gives a state (the widget shows
                     the names as \"not in the status feed\"); an empty list
                     shows everything, as an empty attribute does
  --                 ends the options: a file named -x.json comes after it

Exit codes: 0 the feed was read (or --help), 1 it could not be read, 2 usage error.";

/// The most the command reads of a document: far above the widget's own limit
/// (`feed::MAX_FEED_BYTES`, which it warns about), and a bound for `check - < /dev/zero`.
const MAX_READ_BYTES: u64 = 256 * 1024 * 1024;

/// What the command line asked for.
struct Check {
    /// The file to read; `-` is standard input. Any name the system allows, UTF-8 or not.
    path: PathBuf,
    json: bool,
    format: Option<Format>,
    /// The `components` attribute to check, as the widget reads it; all when not given.
    selection: Selection,
}

/// Why the command line does not ask for a check.
enum NoCheck {
    /// `--help` (or `help`): the usage on stdout, exit 0, as every command line tool does.
    Help,
    /// A usage error: the reason, if there is more to say than the usage, then the usage,
    /// on stderr, exit 2.
    Usage(Option<String>),
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let check = match parse_args(&args) {
        Ok(check) => check,
        Err(NoCheck::Help) => {
            let _ = writeln!(std::io::stdout().lock(), "{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(NoCheck::Usage(reason)) => {
            if let Some(reason) = reason {
                // It may quote an argument: its line breaks and controls are escaped.
                eprintln!("telltale: {}", stray::escape_stray(&line(&reason)));
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&check) {
        Ok(report) => match std::io::stdout().lock().write_all(report.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            // A reader that has read enough (`telltale check feed.json | head`) is not a
            // failure of the check.
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            // A full disk or a closed output: a report that was not written is no success.
            Err(error) => {
                eprintln!("telltale: the report could not be written: {error}");
                ExitCode::from(1)
            }
        },
        Err(why) => {
            // One line, whatever the cause said.
            let why = why.split_whitespace().collect::<Vec<_>>().join(" ");
            // The file's name as the system spells it, its stray bytes and controls escaped:
            // a name with a line break or an escape sequence keeps this to one line too.
            let path = line(&check.path.to_string_lossy());
            eprintln!(
                "telltale: {}: {}",
                stray::escape_stray(&path),
                stray::escape_stray(&why)
            );
            ExitCode::from(1)
        }
    }
}

impl From<String> for NoCheck {
    fn from(reason: String) -> NoCheck {
        NoCheck::Usage(Some(reason))
    }
}

/// The value of the option `name` when `word` is it: `--name value` (the next argument,
/// unless that is another option) or `--name=value`; `None` when `word` is another.
fn option_value<'a>(
    word: &str,
    name: &str,
    what: &str,
    rest: &mut impl Iterator<Item = &'a OsString>,
) -> Result<Option<String>, NoCheck> {
    if word == name {
        let value = rest
            .next()
            .map(|value| value.to_string_lossy())
            .filter(|value| !value.starts_with("--"))
            .ok_or_else(|| format!("`{name}` needs {what}"))?;
        return Ok(Some(value.into_owned()));
    }
    Ok(word
        .strip_prefix(name)
        .and_then(|tail| tail.strip_prefix('='))
        .map(str::to_owned))
}

/// Takes `arg` as the file to check, unless one was given already.
fn set_path(path: &mut Option<PathBuf>, arg: &OsString) -> Result<(), NoCheck> {
    if let Some(first) = path {
        return Err(format!(
            "one file at a time (got `{}` and `{}`)",
            first.to_string_lossy(),
            arg.to_string_lossy()
        )
        .into());
    }
    *path = Some(PathBuf::from(arg));
    Ok(())
}

/// Reads the arguments after the program name: the command and options are words in
/// UTF-8, a file's name may be any bytes the system allows.
fn parse_args(args: &[OsString]) -> Result<Check, NoCheck> {
    let Some((command, rest)) = args.split_first() else {
        return Err(NoCheck::Usage(None));
    };
    match command.to_str() {
        Some("check") => {}
        Some("-h" | "--help" | "help") => return Err(NoCheck::Help),
        _ => return Err(format!("unknown command `{}`", command.to_string_lossy()).into()),
    }
    let mut path: Option<PathBuf> = None;
    let mut json = false;
    let mut format = None;
    let mut selection = None;
    let mut rest = rest.iter();
    // After `--` every argument is a file, one whose name starts with `-` too.
    let mut files_only = false;
    while let Some(arg) = rest.next() {
        if !files_only && arg == "--" {
            files_only = true;
            continue;
        }
        if files_only {
            set_path(&mut path, arg)?;
            continue;
        }
        // A word that is not UTF-8 is no option we know: a file, unless it looks like one.
        let Some(word) = arg.to_str() else {
            if arg.as_encoded_bytes().starts_with(b"-") {
                return Err(format!("unknown option `{}`", arg.to_string_lossy()).into());
            }
            set_path(&mut path, arg)?;
            continue;
        };
        match word {
            "--json" => {
                json = true;
                continue;
            }
            "-h" | "--help" => return Err(NoCheck::Help),
            _ => {}
        }
        if let Some(list) = option_value(word, "--components", "a list of names", &mut rest)? {
            if selection.replace(Selection::parse(&list)).is_some() {
                return Err("`--components` given twice (one list, comma-separated)"
                    .to_owned()
                    .into());
            }
            continue;
        }
        if let Some(name) = option_value(word, "--format", "a format name", &mut rest)? {
            // Any case, as in the widget's `format` attribute.
            format = match name.to_ascii_lowercase().as_str() {
                "auto" => None,
                name => Some(Format::from_name(name).ok_or_else(|| {
                    format!("unknown format `{name}` (auto, statuspage, apple or telltale)")
                })?),
            };
        } else if word == "-" || !word.starts_with('-') {
            set_path(&mut path, arg)?;
        } else {
            return Err(format!("unknown option `{word}`").into());
        }
    }
    let path = path.ok_or_else(|| "no file given (- reads standard input)".to_owned())?;
    Ok(Check {
        path,
        json,
        format,
        selection: selection.unwrap_or_default(),
    })
}

/// The whole document, or why it cannot be had: at most `limit` bytes.
fn read_all(source: impl Read, limit: u64) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    source
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "the document is over {} MiB, far more than any status feed (the widget takes 2 MiB)",
            limit / 1024 / 1024
        ));
    }
    Ok(bytes)
}

fn run(check: &Check) -> Result<String, String> {
    let bytes = if check.path.as_os_str() == "-" {
        read_all(std::io::stdin().lock(), MAX_READ_BYTES)?
    } else {
        let file = std::fs::File::open(&check.path).map_err(|e| e.to_string())?;
        read_all(file, MAX_READ_BYTES)?
    };
    // Browsers decode feeds leniently too; a stray invalid byte should not hide the rest.
    let text = String::from_utf8_lossy(&bytes);
    let mut parsed =
        feed::parse(&text, check.format).map_err(|e| match wide_encoding_hint(&bytes) {
            Some(encoding) => format!(
                "{e} (it looks like {encoding}: feeds are read as UTF-8, as browsers read them; \
             save it as UTF-8)"
            ),
            None => e.to_string(),
        })?;
    if bytes.len() as u64 > feed::MAX_FEED_BYTES {
        parsed.warnings.push(feed::Warning(format!(
            "the document is {} bytes: the widget refuses a feed over {} bytes (2 MiB)",
            bytes.len(),
            feed::MAX_FEED_BYTES
        )));
    }
    let now_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
    let selected = !check.selection.is_all();
    let unknown = selected && select(&mut parsed, &check.selection, now_ms);
    if check.json {
        // The JSON writer escapes what a terminal would act on itself, as JSON escapes.
        Ok(json_report(&parsed, now_ms, unknown, selected))
    } else {
        Ok(stray::escape_stray(&text_report(&parsed, now_ms, unknown)).into_owned())
    }
}

/// Narrows `parsed` to what a widget with the `components` attribute `selection` shows
/// ([`filter::apply`]), with a warning for each name that matches nothing in the feed,
/// and one more when none does. True when the widget then knows no state at `now_ms`
/// ([`filter::knows_nothing`]): it shows the names as "not in the status feed".
fn select(parsed: &mut Parsed, selection: &Selection, now_ms: i64) -> bool {
    for name in filter::unmatched(&parsed.snapshot, selection) {
        parsed.warnings.push(feed::Warning(format!(
            "`--components`: \"{name}\" matches no component or group in this feed"
        )));
    }
    let narrowed = filter::apply(&parsed.snapshot, selection).into_owned();
    // As the widget has it: the narrowed snapshot, settled at `now_ms` (`shown_at`).
    let level = filter::shown_at(&narrowed, &Selection::default(), now_ms).overall(now_ms);
    let unknown = filter::knows_nothing(&parsed.snapshot, selection, level);
    if filter::selects_nothing(&parsed.snapshot, selection) {
        parsed.warnings.push(feed::Warning(
            if unknown {
                "`--components`: no name matches, so the widget shows the names as \"not in \
                 the status feed\", with no state"
            } else {
                "`--components`: no name matches; the widget shows only the incidents and \
                 maintenance that name no service"
            }
            .to_owned(),
        ));
    }
    parsed.snapshot = narrowed;
    unknown
}

/// The encoding a document that could not be read may be in, when it looks like nothing
/// in UTF-8: a file saved as UTF-16 or UTF-32, which editors on some systems write and
/// which reads as garbage in UTF-8. Told by a byte-order mark, else by its first two
/// characters: a feed starts with ASCII (`{`, a space, `jsonCallback`), which those
/// encodings write with zero bytes beside it (`{\0"\0`, `\0\0\0{\0\0\0"`). A UTF-8
/// file padded with zeros (`{"a":1}` then NULs, or one character then NULs) is neither.
fn wide_encoding_hint(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Some("UTF-32");
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Some("UTF-16");
    }
    // One character of `width` bytes at `at`: one byte of ASCII and zeros, either way
    // round.
    let ascii = |at: usize, width: usize| {
        let Some(unit) = bytes.get(at..at + width) else {
            return false;
        };
        let zeros = unit.iter().filter(|&&byte| byte == 0).count();
        zeros == width - 1 && (unit[0] != 0 || unit[width - 1] != 0)
    };
    if ascii(0, 4) && ascii(4, 4) {
        Some("UTF-32")
    } else if ascii(0, 2) && ascii(2, 2) {
        Some("UTF-16")
    } else {
        None
    }
}

/// Feed text for a field of one line: a line break in it is written `\n`, so a feed
/// cannot start a line of its own in the report (a second `overall:` line).
fn line(text: &str) -> String {
    text.replace("\r\n", "\n").replace(['\n', '\r'], "\\n")
}

/// A body of several lines, each after the first indented under the line it starts on
/// (a blank line stays blank, with no trailing spaces). Lines end in `\n`, `\r\n` or a
/// lone `\r`.
fn body(text: &str) -> String {
    text.replace("\r\n", "\n")
        .split(['\n', '\r'])
        .enumerate()
        .map(|(index, line)| match (index, line.is_empty()) {
            (0, _) | (_, true) => line.to_owned(),
            _ => format!("      {line}"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The JSON report; `unknown` as in [`text_report`]. A snapshot narrowed by
/// `--components` (`selected`) is not the feed, so it gets no warning that it lists
/// nothing.
fn json_report(parsed: &Parsed, now_ms: i64, unknown: bool, selected: bool) -> String {
    let mut warnings: Vec<&str> = parsed.warnings.iter().map(|w| w.0.as_str()).collect();
    // A document with only a page-wide level (`status.json`) or empty lists converts into
    // a snapshot with no component and no event: not a feed the widget or the schema takes.
    if !selected && parsed.snapshot.lists_nothing() {
        warnings.push(
            "the snapshot lists no component, incident or maintenance: as a feed of its own \
             it would be refused (the document's own level is in `declared`)",
        );
    }
    let report = Object::new()
        .with("format", parsed.format.as_str())
        .with("overall", overall(&parsed.snapshot, now_ms, unknown));
    let report = with_snapshot(report, &parsed.snapshot).with("warnings", warnings);
    Json::from(report).pretty() + "\n"
}

/// A UTC time in RFC 3339, to the second.
fn utc(at_ms: i64) -> String {
    let c = civil_at(at_ms, 0);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        c.year, c.month, c.day, c.hour, c.minute, c.second
    )
}

fn utc_or_unknown(at_ms: Option<i64>) -> String {
    at_ms.map_or_else(|| "unknown".to_owned(), utc)
}

/// The overall state as the widget has it: `unknown` when a `--components` selection
/// leaves it with none ([`select`]).
fn overall(snapshot: &Snapshot, now_ms: i64, unknown: bool) -> &'static str {
    match unknown {
        true => "unknown",
        false => snapshot.overall(now_ms).as_str(),
    }
}

/// The text report; `overall` is `unknown` when `unknown` (see [`overall`]).
fn text_report(parsed: &Parsed, now_ms: i64, unknown: bool) -> String {
    // The whole feed as an embed without `components` shows it now: a service is under
    // maintenance while one is under way.
    let shown = filter::shown_at(&parsed.snapshot, &Selection::default(), now_ms);
    let snapshot = &shown;
    let mut out = String::new();
    let _ = writeln!(out, "format: {}", parsed.format);
    let _ = writeln!(out, "overall: {}", overall(snapshot, now_ms, unknown));
    write_page(&mut out, snapshot);
    write_components(&mut out, snapshot);
    let names = Names::new(snapshot);
    write_incidents(&mut out, snapshot, &names);
    write_maintenances(&mut out, snapshot, &names, now_ms);
    for warning in &parsed.warnings {
        let _ = writeln!(out, "warning: {}", line(&warning.0));
    }
    out
}

fn write_page(out: &mut String, snapshot: &Snapshot) {
    let page = &snapshot.page;
    let mut parts = Vec::new();
    if let Some(name) = &page.name {
        parts.push(line(name));
    }
    if let Some(url) = &page.url {
        parts.push(format!("<{}>", line(url)));
    }
    if let Some(at_ms) = page.updated_at_ms {
        parts.push(format!("updated {}", utc(at_ms)));
    }
    if !parts.is_empty() {
        let _ = writeln!(out, "page: {}", parts.join(" "));
    }
    if let Some(announcement) = &page.announcement {
        let _ = writeln!(out, "announcement: {}", line(announcement));
    }
}

fn component_line(out: &mut String, indent: &str, component: &Component) {
    let note = if component.only_show_if_degraded {
        " (shown only when not operational)"
    } else {
        ""
    };
    let name = line(&component.name);
    let _ = writeln!(out, "{indent}{name}: {}{note}", component.level);
}

/// Components in feed order; a group is printed, with all its members, where its first
/// member appears.
fn write_components(out: &mut String, snapshot: &Snapshot) {
    if snapshot.components.is_empty() {
        let _ = writeln!(out, "components: none");
        return;
    }
    let _ = writeln!(out, "components:");
    let mut members: HashMap<&str, Vec<&Component>> = HashMap::new();
    let group_names: HashMap<&str, &str> = snapshot
        .groups
        .iter()
        .map(|g| (g.id.as_str(), g.name.as_str()))
        .collect();
    for component in &snapshot.components {
        if let Some(group_id) = component.group_id.as_deref() {
            members.entry(group_id).or_default().push(component);
        }
    }
    let levels = snapshot.group_levels();
    for component in &snapshot.components {
        let Some(group_id) = component.group_id.as_deref() else {
            component_line(out, "  ", component);
            continue;
        };
        // Taken out of the map when printed, so each group appears once.
        let Some(group) = members.remove(group_id) else {
            continue;
        };
        let name = group_names.get(group_id).copied().unwrap_or(group_id);
        let level = levels.get(group_id).copied().unwrap_or_default();
        let _ = writeln!(out, "  {} (group): {level}", line(name));
        for member in group {
            component_line(out, "    ", member);
        }
    }
}

/// The names of components and groups by id, built once per report: a component before a
/// group, each list's first item before later ones (as the widget shows them). A feed of
/// thousands of services must not make the report quadratic. `None` for a feed without
/// components and groups, whose events give names themselves
/// ([`Snapshot::names_affected_directly`]).
struct Names<'a>(Option<HashMap<&'a str, Named<'a>>>);

/// A component's or group's name, and for a component in a group, its group's id and name.
type Named<'a> = (&'a str, Option<(&'a str, &'a str)>);

impl<'a> Names<'a> {
    fn new(snapshot: &'a Snapshot) -> Names<'a> {
        if snapshot.names_affected_directly() {
            return Names(None);
        }
        let groups: HashMap<&str, &str> = snapshot
            .groups
            .iter()
            .map(|g| (g.id.as_str(), g.name.as_str()))
            .collect();
        let mut by_id = HashMap::new();
        for c in &snapshot.components {
            let group = c
                .group_id
                .as_deref()
                .and_then(|id| Some((id, *groups.get(id)?)));
            by_id
                .entry(c.id.as_str())
                .or_insert((c.name.as_str(), group));
        }
        for g in &snapshot.groups {
            by_id
                .entry(g.id.as_str())
                .or_insert((g.name.as_str(), None));
        }
        Names(Some(by_id))
    }

    /// The names of what `ids` names; an id that names nothing is left out (a warning
    /// says so) rather than printed as if it were a name. As in the widget, a component
    /// whose name another one of the list in another group has too is named with its
    /// group ("API (US), API (EU)").
    fn of(&self, ids: &[String]) -> String {
        let found: Vec<Named<'_>> = ids
            .iter()
            .filter_map(|id| match &self.0 {
                Some(by_id) => by_id.get(id.as_str()).copied(),
                None => Some((id.as_str(), None)),
            })
            .collect();
        // Each name's first group, and the names found in more than one.
        let mut first_group: HashMap<&str, Option<&str>> = HashMap::new();
        let mut ambiguous: HashSet<&str> = HashSet::new();
        for &(name, group) in &found {
            let group_id = group.map(|(id, _)| id);
            if *first_group.entry(name).or_insert(group_id) != group_id {
                ambiguous.insert(name);
            }
        }
        found
            .iter()
            .map(|&(name, group)| match group {
                Some((_, group)) if group != name && ambiguous.contains(&name) => {
                    line(&format!("{name} ({group})"))
                }
                _ => line(name),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// An event's title, or the names of what it affects when the feed gives none (Apple).
fn title(names: &Names<'_>, title: &str, affected: &[String]) -> String {
    if !title.is_empty() {
        return line(title);
    }
    // Untitled, as the panel names it: by what it affects, else as untitled.
    match names.of(affected) {
        affects if affects.is_empty() => "(untitled)".to_owned(),
        affects => affects,
    }
}

/// The "affected" and "users affected" lines an incident or a maintenance may have.
fn write_audience(out: &mut String, names: &Names<'_>, affected: &[String], users: Option<&str>) {
    let names = names.of(affected);
    if !names.is_empty() {
        let _ = writeln!(out, "    affected: {names}");
    }
    if let Some(users) = users {
        let _ = writeln!(out, "    users affected: {}", line(users));
    }
}

fn write_incidents(out: &mut String, snapshot: &Snapshot, names: &Names<'_>) {
    let active: Vec<_> = snapshot
        .incidents
        .iter()
        .filter(|i| i.is_active())
        .collect();
    if active.is_empty() {
        // A document without an incident list (`status.json` alone) says nothing either way.
        let none = match snapshot.incidents_unlisted {
            true => "not listed in this document",
            false => "none active",
        };
        let _ = writeln!(out, "incidents: {none}");
        return;
    }
    let _ = writeln!(out, "incidents:");
    for incident in active {
        let status = incident.status.as_str();
        let _ = writeln!(
            out,
            "  - {}",
            title(names, &incident.title, &incident.affected)
        );
        let _ = writeln!(
            out,
            "    impact: {}, status: {status}, started: {}",
            incident.impact,
            utc_or_unknown(incident.started_at_ms)
        );
        write_audience(
            out,
            names,
            &incident.affected,
            incident.users_affected.as_deref(),
        );
        if let Some(update) = incident.updates.first() {
            // An update without a status or without words leaves out what it lacks.
            let when = utc_or_unknown(update.at_ms);
            let about = match update.status.as_str() {
                "" => when,
                status => format!("{}, {when}", line(status)),
            };
            let words = match update.body.as_str() {
                "" => "(no text)".to_owned(),
                text => body(text),
            };
            let _ = writeln!(out, "    latest update ({about}): {words}");
        }
    }
}

fn write_maintenances(out: &mut String, snapshot: &Snapshot, names: &Names<'_>, now_ms: i64) {
    let mut current: Vec<_> = snapshot
        .maintenances
        .iter()
        .filter(|m| m.is_upcoming_or_active(now_ms))
        .collect();
    // As the panel lists them: in progress first, then the soonest.
    sort_by_rank(&mut current, |m| m.rank(now_ms));
    if current.is_empty() {
        // `incidents.json` lists the latest maintenances among its incidents, not all of
        // them; those it lists have ended.
        let none = match snapshot.maintenances_unlisted {
            true if snapshot.maintenances.is_empty() => "not listed in this document",
            true => "none current among the few this document lists",
            false => "none scheduled",
        };
        let _ = writeln!(out, "maintenances: {none}");
        return;
    }
    let _ = writeln!(out, "maintenances:");
    for maintenance in current {
        let status = maintenance.status_at(now_ms).as_str();
        let _ = writeln!(
            out,
            "  - {}",
            title(names, &maintenance.title, &maintenance.affected)
        );
        let _ = writeln!(
            out,
            "    status: {status}, window: {} to {}",
            utc_or_unknown(maintenance.starts_at_ms),
            utc_or_unknown(maintenance.ends_at_ms)
        );
        write_audience(
            out,
            names,
            &maintenance.affected,
            maintenance.users_affected.as_deref(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_all_takes_a_document_up_to_the_limit_and_refuses_one_byte_more() {
        let limit = 3 * 1024 * 1024;
        let at_limit = vec![b' '; 3 * 1024 * 1024];
        assert_eq!(
            read_all(&at_limit[..], limit).map(|b| b.len()),
            Ok(at_limit.len())
        );
        // An endless source (`check - < /dev/zero`) ends at the limit too.
        let endless = std::io::repeat(0);
        assert_eq!(
            read_all(endless, limit),
            Err(
                "the document is over 3 MiB, far more than any status feed (the widget takes 2 MiB)"
                    .to_owned()
            )
        );
    }

    #[test]
    fn zeros_alone_do_not_look_like_utf16() {
        assert_eq!(wide_encoding_hint(&[0; 40]), None);
        assert_eq!(wide_encoding_hint(b"{\0\"\0a\0\"\0"), Some("UTF-16"));
        assert_eq!(
            wide_encoding_hint(b"{\0\0\0\"\0\0\0a\0\0\0"),
            Some("UTF-32")
        );
        assert_eq!(
            wide_encoding_hint(b"\0\0\0{\0\0\0\"\0\0\0a"),
            Some("UTF-32")
        );
        assert_eq!(wide_encoding_hint(b"\xFF\xFE\0\0{\0\0\0"), Some("UTF-32"));
        assert_eq!(wide_encoding_hint(b"\xFF\xFE{\0"), Some("UTF-16"));
        assert_eq!(wide_encoding_hint(b"{\"a\": 1}"), None);
        // UTF-8 padded with zeros is neither.
        let mut padded = b"{\"telltale\":1}\n".to_vec();
        padded.extend([0; 50]);
        assert_eq!(wide_encoding_hint(&padded), None);
        let mut one = b"x".to_vec();
        one.extend([0; 63]);
        assert_eq!(wide_encoding_hint(&one), None);
        assert_eq!(wide_encoding_hint(b"{\0"), None);
    }
}
