//! The message catalogue: every string a reader sees, in every supported language.
//!
//! Messages are a closed enum ([`Msg`]), and each language is one table: its texts in one
//! string, in the order of `Msg::index` (written with `table!`, each text beside its
//! message). A table with a text missing or extra does not compile; each kind of message
//! lists every variant in its `ALL` by construction (`enum_with_all!`), so a new message
//! cannot be left out of the count; and a test checks every table's keys are in order.
//! Month names are fixed-length arrays for the same reason.
//!
//! Messages with arguments are patterns with named slots (`"{name}: {state}"`), filled by
//! [`fill`]. The pattern always comes from this catalogue and the arguments are inserted
//! verbatim in one pass, so text from a feed can never act as a pattern.
//!
//! Counted messages ("5 min ago", "3 days ago") pick their form with a small plural rule
//! per language ([`plural`]); the two categories `one` and `other` cover every supported
//! language.
//!
//! Clock and date order follow CLDR for each [`Locale`]: the 12-hour clock in US English
//! ("Nov 20, 5:03 PM"), world English ("20 Nov, 5:03 pm") and Latin-American Spanish
//! ("20 nov, 5:03 p.m."), with "a.m." in Canadian English; the 24-hour clock in British
//! English ("20 Nov, 17:03"), French and German ("17:03", "05:03"), Canadian French
//! ("17 h 03"), Portuguese ("20 de nov., 17:03", "05:03") and in Spanish and Japanese
//! (unpadded: "5:03"). The clock is itself a pattern ([`Tpl::Clock`]) choosing among the
//! slots `{hh}`, `{h}`, `{h12}`, `{mm}` and `{ampm}`, so a locale changes it without
//! touching code.

use crate::core::case;
use crate::core::feed::FeedError;
use crate::core::model::{IncidentStatus, Level, MaintenanceStatus};
use crate::core::state::Problem;

enum_with_all! {
    /// A language the catalogue speaks, with the regional way of writing dates and times
    /// where one language has several (English, Spanish), and the regional words where they
    /// differ (Portuguese).
    ///
    /// The regional variants share their language's catalogue and change only the date order
    /// and the clock, as CLDR does for the regions they stand for, and for European
    /// Portuguese the words that Portugal writes differently.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
    pub enum Locale {
        /// English as in the United States ("Nov 20, 5:03 PM"); the fallback. Also the
        /// Philippines and the US territories, and English without a region.
        #[default]
        En,
        /// English as in Canada: month first, "5:03 p.m.".
        EnCa,
        /// English with the day first and a 24-hour clock ("20 Nov, 17:03"): Great Britain,
        /// Ireland, South Africa, Europe (`en-150`) and the other regions CLDR writes this way.
        EnGb,
        /// English with the day first and a 12-hour clock ("20 Nov, 5:03 pm"): world English
        /// (`en-001`), Australia, New Zealand, India, Singapore and every English region not
        /// named for [`Locale::En`] or [`Locale::EnGb`].
        En001,
        /// French.
        Fr,
        /// French as in Canada: "17 h 03".
        FrCa,
        /// German.
        De,
        /// Spanish as in Spain, with a 24-hour clock ("20 nov, 17:03"); also Spanish without a
        /// region.
        Es,
        /// Spanish with a 12-hour clock written "p.m." ("20 nov, 5:03 p.m."): `es-419`,
        /// Mexico, the United States and Cuba.
        Es419,
        /// Spanish with a 12-hour clock written "p. m." ("20 nov, 5:03 p. m."): Argentina,
        /// Colombia, Chile, Peru, Venezuela and every other Spanish region not named for
        /// [`Locale::Es`] or [`Locale::Es419`].
        EsAr,
        /// Japanese.
        Ja,
        /// Portuguese as in Brazil ("20 de nov., 17:03"); also Portuguese without a region and
        /// every region not named for [`Locale::PtPt`].
        Pt,
        /// Portuguese as in Portugal: the words Portugal uses ("estado", "utilizadores", "a
        /// carregar", "dentro de 2 min") and `one` for 1 only. Also the regions whose CLDR
        /// data inherits from `pt_PT`: Angola, Cape Verde, Equatorial Guinea, Guinea-Bissau,
        /// Luxembourg, Macau, Mozambique, São Tomé and Príncipe, Switzerland and Timor-Leste.
        ///
        /// Dates and clock are Brazil's ("20 de nov., 17:03"), where CLDR's `pt_PT` writes the
        /// month as a number ("20/11, 17:03") and Macau a 12-hour clock ("5:03 p.m."): a month
        /// in letters reads the same in every region, and a variant for Macau alone is not
        /// worth its bytes. ICU keeps Brazil's plural rule (`one` for 0 too) in the regions
        /// other than Portugal; it differs only at 0, a count the widget never shows.
        PtPt,
    }

    /// Every supported locale, the fallback first.
    const ALL;
}

/// English regions that CLDR writes day first with a 24-hour clock, two letters each.
const EN_24H_REGIONS: &str = "AIATBEBIBWBZCCCHCKCMCXCZDEDGDKEEESFIFKFRGBGEGGGIGSHUIDIEILIMIOITJEJPKELTLVMGMSMTMUMVNFNGNLNONRNUPLPNPTRORWSCSESHSISKSXTKTVTZUAUGZAZW";
/// English regions that CLDR writes month first with a 12-hour clock, as in the US.
const EN_US_REGIONS: &str = "USASGUMHMPPHPRUMVI";
/// Spanish regions that CLDR writes with a 24-hour clock, as in Spain.
const ES_24H_REGIONS: &str = "ESEAICGQBRBZ";
/// Spanish regions that CLDR writes "a.m." / "p.m." without a space, as `es-419` does.
const ES_419_REGIONS: &str = "MXUSCU";
/// Portuguese regions that write European Portuguese: Portugal and the regions CLDR's
/// `parentLocales` puts under `pt_PT`.
const PT_PT_REGIONS: &str = "PTAOCHCVGQGWLUMOMZSTTL";

/// True when `list` (two-letter codes run together) holds `region`, in any case.
fn lists(list: &str, region: &str) -> bool {
    let region = region.as_bytes();
    region.len() == 2
        && list
            .as_bytes()
            .chunks(2)
            .any(|code| code.eq_ignore_ascii_case(region))
}

impl Locale {
    /// The first supported locale among `tags` (BCP 47, best first), matching on the
    /// primary language; English when none is supported.
    ///
    /// `fr-CA` gives French, `zh-TW, de` German, `zh` English. Case and `_` separators
    /// (`de_AT`, as some platforms spell them) are accepted. A chosen tag without a region
    /// takes the region of a later tag in the same language: a page in `en` read by a
    /// browser set to `en-GB` writes dates the British way, since the page's `lang` names
    /// its language and the browser's list names the reader.
    pub fn negotiate<'a>(tags: impl IntoIterator<Item = &'a str>) -> Locale {
        let mut tags = tags.into_iter().filter_map(parse_tag);
        let Some((chosen, has_region)) = tags.next() else {
            return Locale::default();
        };
        if has_region {
            return chosen;
        }
        tags.find(|&(locale, has_region)| has_region && locale.language() == chosen)
            .map_or(chosen, |(locale, _)| locale)
    }

    /// The supported locale for one tag: its primary language subtag, then its region.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        parse_tag(tag).map(|(locale, _)| locale)
    }

    /// The language whose catalogue this locale uses: [`Locale::En`] for every English
    /// variant, [`Locale::Es`] for every Spanish one, [`Locale::Pt`] for both Portuguese.
    pub fn language(self) -> Locale {
        match self {
            Locale::EnCa | Locale::EnGb | Locale::En001 => Locale::En,
            Locale::FrCa => Locale::Fr,
            Locale::Es419 | Locale::EsAr => Locale::Es,
            Locale::PtPt => Locale::Pt,
            other => other,
        }
    }

    /// The BCP 47 tag, for the `lang` attribute of the widget's root.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::EnCa => "en-CA",
            Locale::EnGb => "en-GB",
            Locale::En001 => "en-001",
            Locale::Fr => "fr",
            Locale::FrCa => "fr-CA",
            Locale::De => "de",
            Locale::Es => "es",
            // Latin-American Spanish, whichever way its region writes the clock.
            Locale::Es419 | Locale::EsAr => "es-419",
            Locale::Ja => "ja",
            Locale::Pt => "pt-BR",
            Locale::PtPt => "pt-PT",
        }
    }
}

/// The locale of one BCP 47 tag, and whether the tag names a region. The region is the
/// first subtag after the language that is two letters or three digits (`en-Latn-GB`
/// gives `GB`); scripts and variants are skipped.
fn parse_tag(tag: &str) -> Option<(Locale, bool)> {
    let mut subtags = tag.trim().split(['-', '_']);
    let primary = subtags.next()?;
    let language = [
        ("en", Locale::En),
        ("fr", Locale::Fr),
        ("de", Locale::De),
        ("es", Locale::Es),
        ("ja", Locale::Ja),
        ("pt", Locale::Pt),
    ]
    .into_iter()
    .find(|(code, _)| primary.eq_ignore_ascii_case(code))?
    .1;
    let region = subtags.take_while(|s| s.len() > 1).find(|s| match s.len() {
        2 => s.bytes().all(|b| b.is_ascii_alphabetic()),
        3 => s.bytes().all(|b| b.is_ascii_digit()),
        _ => false,
    });
    let locale = match (language, region) {
        (Locale::En, Some(r)) if lists(EN_US_REGIONS, r) => Locale::En,
        (Locale::En, Some(r)) if r.eq_ignore_ascii_case("CA") => Locale::EnCa,
        (Locale::En, Some(r)) if lists(EN_24H_REGIONS, r) || r == "150" => Locale::EnGb,
        (Locale::En, Some(_)) => Locale::En001,
        (Locale::Es, Some(r)) if r == "419" || lists(ES_419_REGIONS, r) => Locale::Es419,
        (Locale::Es, Some(r)) if !lists(ES_24H_REGIONS, r) => Locale::EsAr,
        (Locale::Fr, Some(r)) if r.eq_ignore_ascii_case("CA") => Locale::FrCa,
        (Locale::Pt, Some(r)) if lists(PT_PT_REGIONS, r) => Locale::PtPt,
        (language, _) => language,
    };
    Some((locale, region.is_some()))
}

enum_with_all! {
    /// The stage words that incident and maintenance updates carry, from Statuspage and Apple.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum UpdateStatus {
        /// Statuspage `investigating`.
        Investigating,
        /// Statuspage `identified`.
        Identified,
        /// Statuspage `monitoring`.
        Monitoring,
        /// Statuspage `update`.
        Update,
        /// Statuspage and Apple `resolved`.
        Resolved,
        /// Statuspage `postmortem`.
        Postmortem,
        /// Statuspage maintenance `scheduled`.
        Scheduled,
        /// Statuspage maintenance `in_progress`.
        InProgress,
        /// Statuspage maintenance `verifying`.
        Verifying,
        /// Statuspage maintenance and Apple `completed`.
        Completed,
        /// Apple `ongoing`.
        Ongoing,
        /// Apple `upcoming`.
        Upcoming,
    }

    /// Every update status.
    const ALL;
}

impl UpdateStatus {
    /// Reads a feed's spelling (`in_progress`, `In Progress`, `in-progress` all match).
    pub fn from_raw(raw: &str) -> Option<UpdateStatus> {
        let key: String = raw
            .trim()
            .chars()
            .filter(|c| !matches!(c, '_' | '-' | ' '))
            .map(|c| c.to_ascii_lowercase())
            .collect();
        Some(match key.as_str() {
            "investigating" => UpdateStatus::Investigating,
            "identified" => UpdateStatus::Identified,
            "monitoring" => UpdateStatus::Monitoring,
            "update" | "updated" => UpdateStatus::Update,
            "resolved" => UpdateStatus::Resolved,
            "postmortem" => UpdateStatus::Postmortem,
            "scheduled" => UpdateStatus::Scheduled,
            "inprogress" => UpdateStatus::InProgress,
            "verifying" => UpdateStatus::Verifying,
            "completed" => UpdateStatus::Completed,
            "ongoing" => UpdateStatus::Ongoing,
            "upcoming" => UpdateStatus::Upcoming,
            _ => return None,
        })
    }
}

enum_with_all! {
    /// Labels of the facts on an incident or maintenance card.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Fact {
        /// When it began.
        Started,
        /// When it ended.
        Ended,
        /// Which services it touches.
        Affects,
        /// Who is affected, in the provider's words.
        UsersAffected,
        /// A maintenance window.
        Window,
    }

    /// Every fact label.
    const ALL;
}

enum_with_all! {
    /// Fixed texts of the widget.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Ui {
        /// "Loading status…"
        Loading,
        /// "Status unavailable — retrying"
        Unavailable,
        /// After the names a page asked for, when the feed lists none of them: "App Stor: not
        /// in the status feed" (with [`Tpl::ComponentState`]).
        NotInFeed,
        /// "View full status page"
        ViewFullStatusPage,
        /// "Details" (link to an event's own page)
        Details,
        /// The badge's accessible name after its state, the same whether the panel is
        /// open or closed (`aria-expanded` says which): "Status details"
        StatusDetails,
        /// Accessible name of the panel's close button: "Close status details"
        CloseDetails,
        /// The panel's heading: "Service status"
        PanelHeading,
        /// "Services"
        Services,
        /// The heading of ungrouped services listed after a group: "Other services"
        OtherServices,
        /// "Incidents"
        Incidents,
        /// "No active incidents"
        NoIncidents,
        /// Heading of the incidents resolved in the last day: "Recently resolved"
        RecentlyResolved,
        /// "Scheduled maintenance"
        MaintenanceHeading,
        /// Heading of a timeline: "Updates"
        Updates,
        /// "Retrying now."
        RetryingNow,
        /// A relative age under a minute: "just now"
        JustNow,
        /// Before noon on a 12-hour clock.
        Am,
        /// After noon on a 12-hour clock.
        Pm,
        /// Between the items of a list of names: ", " (Japanese "、").
        ListSeparator,
        /// Between a label and what it labels on one line ("Acme · All systems
        /// operational", "Investigating · 10:42"): " · " (Japanese "・").
        MetaSeparator,
    }

    /// Every fixed text.
    const ALL;
}

enum_with_all! {
    /// Reader-facing descriptions of why the feed could not be used, written to follow a
    /// colon ("Showing the last known status: the status feed could not be reached.").
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum ProblemText {
        /// The device is offline.
        Offline,
        /// No answer in time.
        Timeout,
        /// No answer at all.
        Network,
        /// An HTTP error status; slot `{code}`.
        Http,
        /// Body over the cap.
        TooLarge,
        /// Not a readable status feed.
        Unreadable,
        /// A different format than before.
        FormatChanged,
        /// A feed with nothing in it.
        Empty,
    }

    /// Every problem description.
    const ALL;
}

enum_with_all! {
    /// Patterns with named slots, filled by [`fill`]. Each variant documents its slots.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Tpl {
        /// A component and its state: `{name}`, `{state}` ("App Store: partial outage").
        ComponentState,
        /// A state with a count of services: `{state}`, `{count}` ("Major outage (3 services)").
        StateWithCount,
        /// The embed's label before a text: `{label}`, `{state}` ("Apple services: …").
        Labelled,
        /// A text and a relative age: `{text}`, `{age}` ("Nov 20, 10:42 (2 h ago)").
        WithAge,
        /// The age of stale data on the badge: `{time}` ("as of 10:42").
        AsOf,
        /// The badge while the browser is offline: `{time}` ("offline — showing status as of
        /// 10:42").
        OfflineAsOf,
        /// The last successful update: `{time}`, `{age}` ("Updated 10:42 (2 min ago)").
        Updated,
        /// A time range: `{start}`, `{end}`.
        Window,
        /// The badge's accessible name: `{state}`, `{action}`.
        BadgeAria,
        /// The panel's notice while showing kept data after a failure: `{problem}`.
        StaleNotice,
        /// The panel's notice while showing old data with no failure known: `{time}`.
        OldNotice,
        /// The panel's notice when no data could ever be read: `{problem}`.
        UnavailableNotice,
        /// When the next fetch is: `{when}` (a relative time, "in 2 min").
        NextTry,
        /// A day of this year: `{day}`, `{month}` (the month abbreviation).
        DateDay,
        /// A day of another year: `{day}`, `{month}`, `{year}`.
        DateDayYear,
        /// A date with a clock: `{date}`, `{time}`.
        DateTime,
        /// A wall clock. Slots offered: `{hh}` (00–23), `{h12}` (1–12), `{mm}`, `{ampm}`.
        Clock,
        /// Two sentences in a row: `{first}`, `{second}` (Japanese needs no space).
        Sentences,
        /// A service named with its group, where another service the same line lists has the
        /// same name: `{name}`, `{group}` ("API (Europe)").
        NameInGroup,
    }

    /// Every pattern.
    const ALL;
}

enum_with_all! {
    /// Counted messages; each pattern has the slot `{n}`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Count {
        /// "5 min ago"
        MinutesAgo,
        /// "2 h ago"
        HoursAgo,
        /// "3 days ago"
        DaysAgo,
        /// "in 20 s"
        InSeconds,
        /// "in 5 min"
        InMinutes,
        /// "in 2 h"
        InHours,
        /// "in 3 days"
        InDays,
        /// "3 services"
        Services,
        /// "14990 services not shown": the rows a long component list leaves out, some of
        /// them not operational.
        NotShown,
        /// "14990 operational services not shown": the rows a long component list leaves
        /// out, all of them operational.
        OperationalNotShown,
        /// "3 more on the full status page": the entries a long list of incidents,
        /// maintenances or updates leaves out.
        More,
        /// "12 more": the names a long "Affects" list leaves out, after the names it shows.
        MoreNames,
    }

    /// Every counted message.
    const ALL;
}

/// A plural category (CLDR names). `one` and `other` are all the supported languages need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Plural {
    /// Singular forms.
    One,
    /// Everything else.
    Other,
}

/// Every message of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Msg {
    /// A level on its own ("Partial outage").
    Level(Level),
    /// A level after a name and a colon ("partial outage" in English).
    LevelInline(Level),
    /// The whole page's state as a sentence ("All systems operational").
    Overall(Level),
    /// An incident's stage.
    Incident(IncidentStatus),
    /// A maintenance's stage.
    Maintenance(MaintenanceStatus),
    /// An update's stage.
    Update(UpdateStatus),
    /// A fact label.
    Fact(Fact),
    /// A fixed text.
    Ui(Ui),
    /// A problem description.
    Problem(ProblemText),
    /// A pattern with slots.
    Tpl(Tpl),
    /// A counted pattern in one plural form.
    Count(Count, Plural),
}

impl Msg {
    const LEVEL_INLINE: usize = Level::ALL.len();
    const OVERALL: usize = Msg::LEVEL_INLINE + Level::ALL.len();
    const INCIDENT: usize = Msg::OVERALL + Level::ALL.len();
    const MAINTENANCE: usize = Msg::INCIDENT + IncidentStatus::ALL.len();
    const UPDATE: usize = Msg::MAINTENANCE + MaintenanceStatus::ALL.len();
    const FACT: usize = Msg::UPDATE + UpdateStatus::ALL.len();
    const UI: usize = Msg::FACT + Fact::ALL.len();
    const PROBLEM: usize = Msg::UI + Ui::ALL.len();
    const TPL: usize = Msg::PROBLEM + ProblemText::ALL.len();
    const COUNT_FORMS: usize = Msg::TPL + Tpl::ALL.len();
    /// How many messages there are: each language's table has one text for each.
    pub const COUNT: usize = Msg::COUNT_FORMS + 2 * Count::ALL.len();

    /// The message's place in each language's table: the kinds in the order of [`Msg`]'s
    /// variants, each kind's values in the order of their `ALL`.
    fn index(self) -> usize {
        match self {
            Msg::Level(level) => level as usize,
            Msg::LevelInline(level) => Msg::LEVEL_INLINE + level as usize,
            Msg::Overall(level) => Msg::OVERALL + level as usize,
            Msg::Incident(status) => Msg::INCIDENT + status as usize,
            Msg::Maintenance(status) => Msg::MAINTENANCE + status as usize,
            Msg::Update(status) => Msg::UPDATE + status as usize,
            Msg::Fact(fact) => Msg::FACT + fact as usize,
            Msg::Ui(ui) => Msg::UI + ui as usize,
            Msg::Problem(problem) => Msg::PROBLEM + problem as usize,
            Msg::Tpl(tpl) => Msg::TPL + tpl as usize,
            Msg::Count(count, form) => Msg::COUNT_FORMS + 2 * count as usize + form as usize,
        }
    }
}

/// The text (or pattern) of `msg` in `locale`.
pub fn text(locale: Locale, msg: Msg) -> &'static str {
    match (locale, msg) {
        (Locale::EnGb | Locale::En001, Msg::Tpl(Tpl::DateDay)) => "{day} {month}",
        (Locale::EnGb | Locale::En001, Msg::Tpl(Tpl::DateDayYear)) => "{day} {month} {year}",
        (Locale::EnGb, Msg::Tpl(Tpl::Clock)) => "{hh}:{mm}",
        (Locale::EnCa, Msg::Ui(Ui::Am)) => "a.m.",
        (Locale::EnCa, Msg::Ui(Ui::Pm)) => "p.m.",
        (Locale::FrCa, Msg::Tpl(Tpl::Clock)) => "{hh} h {mm}",
        (Locale::En001, Msg::Ui(Ui::Am)) => "am",
        (Locale::En001, Msg::Ui(Ui::Pm)) => "pm",
        (Locale::Es419 | Locale::EsAr, Msg::Tpl(Tpl::Clock)) => "{h12}:{mm} {ampm}",
        (Locale::Es419, Msg::Ui(Ui::Am)) => "a.m.",
        (Locale::Es419, Msg::Ui(Ui::Pm)) => "p.m.",
        (Locale::En | Locale::EnCa | Locale::EnGb | Locale::En001, _) => entry(EN, msg),
        (Locale::Fr | Locale::FrCa, _) => entry(FR, msg),
        (Locale::De, _) => entry(DE, msg),
        (Locale::Es | Locale::Es419 | Locale::EsAr, _) => entry(ES, msg),
        (Locale::Ja, _) => entry(JA, msg),
        (Locale::Pt, _) => entry(PT, msg),
        (Locale::PtPt, _) => pt_pt(msg),
    }
}

/// The pattern of `msg` in `locale` with its slots filled from `args`.
pub fn text_with(locale: Locale, msg: Msg, args: &[(&str, &str)]) -> String {
    fill(text(locale, msg), args)
}

/// The plural category of `n` in `locale`.
pub fn plural(locale: Locale, n: i64) -> Plural {
    let one = match locale {
        Locale::En
        | Locale::EnCa
        | Locale::EnGb
        | Locale::En001
        | Locale::De
        | Locale::Es
        | Locale::Es419
        | Locale::EsAr
        | Locale::PtPt => n == 1,
        // French and Brazilian Portuguese use the singular for 0 and 1 ("il y a 0 jour",
        // "0 serviço oculto").
        Locale::Fr | Locale::FrCa | Locale::Pt => n == 0 || n == 1,
        Locale::Ja => false,
    };
    if one {
        Plural::One
    } else {
        Plural::Other
    }
}

/// A counted message for `n`, in the right plural form.
pub fn count_text(locale: Locale, count: Count, n: i64) -> String {
    let form = plural(locale, n);
    text_with(locale, Msg::Count(count, form), &[("n", &n.to_string())])
}

/// Fills the `{slot}`s of `pattern` from `args` in one pass.
///
/// Values are inserted verbatim and never scanned again, so a value that contains braces
/// stays as it is. A slot with no argument is left as written, which makes a mistake
/// visible in tests instead of silently dropping text.
pub fn fill(pattern: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut rest = pattern;
    // `split_once` rather than indexing by position: it cannot panic.
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let Some((name, tail)) = after.split_once('}') else {
            out.push('{');
            out.push_str(after);
            return out;
        };
        match args.iter().find(|(key, _)| *key == name) {
            Some((_, value)) => out.push_str(value),
            None => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// The abbreviated name of `month` (1–12) in `locale`; empty for an invalid month.
pub fn month_abbr(locale: Locale, month: u32) -> &'static str {
    let names: &[&str; 12] = match locale {
        Locale::En | Locale::EnCa | Locale::EnGb | Locale::En001 => &[
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ],
        Locale::Fr | Locale::FrCa => &[
            "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
            "nov.", "déc.",
        ],
        Locale::De => &[
            "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.",
            "Dez.",
        ],
        Locale::Es | Locale::Es419 | Locale::EsAr => &[
            "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
        ],
        Locale::Pt | Locale::PtPt => &[
            "jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.",
            "dez.",
        ],
        Locale::Ja => &[
            "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
        ],
    };
    month
        .checked_sub(1)
        .and_then(|i| names.get(i as usize))
        .copied()
        .unwrap_or_default()
}

/// The text of an update's stage: the translation of a known word, else the raw word with
/// `_` as spaces and a capital first letter ("needs_review" → "Needs review").
pub fn update_status_text(locale: Locale, raw: &str) -> String {
    match UpdateStatus::from_raw(raw) {
        Some(status) => text(locale, Msg::Update(status)).to_owned(),
        None => capitalize(&raw.trim().replace('_', " ")),
    }
}

/// A short, reader-facing description of `problem`, written to follow a colon ("the
/// status feed could not be reached"). The technical detail stays in the console message
/// (`Problem`'s `Display`).
pub fn problem_text(locale: Locale, problem: &Problem) -> String {
    let kind = match problem {
        Problem::Offline => ProblemText::Offline,
        Problem::Timeout(_) => ProblemText::Timeout,
        Problem::Network => ProblemText::Network,
        Problem::Http(_) => ProblemText::Http,
        Problem::TooLarge(_) => ProblemText::TooLarge,
        Problem::Feed(FeedError::SaysNothing { .. }) => ProblemText::Empty,
        Problem::Feed(_) => ProblemText::Unreadable,
        Problem::FormatChanged { .. } => ProblemText::FormatChanged,
        Problem::EmptyFeed => ProblemText::Empty,
    };
    let code = match problem {
        Problem::Http(code) => code.to_string(),
        _ => String::new(),
    };
    text_with(locale, Msg::Problem(kind), &[("code", &code)])
}

/// Upper-cases the first letter.
fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(case::upper(first)).chain(chars).collect(),
        None => String::new(),
    }
}

/// The text of `msg` in a language's table: the table's texts are in [`Msg::index`]
/// order, each ended by U+001F.
///
/// One string per language rather than a `match` per language: the `match`es compiled
/// to tables of addresses and lengths, which brotli cannot compress; measured
/// 2026-11-22, `dist/` 119,987 -> 118,110 B brotli.
fn entry(table: &'static str, msg: Msg) -> &'static str {
    table.split(END).nth(msg.index()).unwrap_or_default()
}

/// What ends each text in a language's table.
const END: char = '\u{1f}';

/// How many texts `table` has: a `const` check that each table has one per message.
const fn entries(table: &str) -> usize {
    let bytes = table.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == END as u8 {
            count += 1;
        }
        i += 1;
    }
    count
}

/// The [`Msg`] a table's key names: `Level(Operational)` is `Msg::Level(Level::Operational)`.
#[cfg(test)]
macro_rules! key {
    (Level($v:ident)) => {
        Msg::Level(Level::$v)
    };
    (LevelInline($v:ident)) => {
        Msg::LevelInline(Level::$v)
    };
    (Overall($v:ident)) => {
        Msg::Overall(Level::$v)
    };
    (Incident($v:ident)) => {
        Msg::Incident(IncidentStatus::$v)
    };
    (Maintenance($v:ident)) => {
        Msg::Maintenance(MaintenanceStatus::$v)
    };
    (Update($v:ident)) => {
        Msg::Update(UpdateStatus::$v)
    };
    (Fact($v:ident)) => {
        Msg::Fact(Fact::$v)
    };
    (Ui($v:ident)) => {
        Msg::Ui(Ui::$v)
    };
    (Problem($v:ident)) => {
        Msg::Problem(ProblemText::$v)
    };
    (Tpl($v:ident)) => {
        Msg::Tpl(Tpl::$v)
    };
    (Count($v:ident, $form:ident)) => {
        Msg::Count(Count::$v, Plural::$form)
    };
}

/// A language's table: `NAME, NAME_KEYS;` then every message as `key => "text",`, in
/// [`Msg::index`] order. It makes the `const NAME`, the texts each ended by [`END`]; a
/// table without one text per message does not compile. The keys are compiled into the
/// tests only (`NAME_KEYS`), where `tables_list_every_message_in_order` checks them.
macro_rules! table {
    ($(#[$doc:meta])* $name:ident, $keys:ident; $($kind:ident($($arg:ident),+) => $text:literal,)+) => {
        $(#[$doc])*
        const $name: &str = concat!($($text, '\u{1f}',)+);
        const _: () = assert!(entries($name) == Msg::COUNT, "a table needs one text per message");
        #[cfg(test)]
        const $keys: &[Msg] = &[$(key!($kind($($arg),+)),)+];
    };
}

table! {
    /// English, as the United States writes it; the other English locales change only dates
    /// and clocks (see [`text`]).
    EN, EN_KEYS;
    Level(Operational) => "Operational",
    Level(Maintenance) => "Maintenance",
    Level(Degraded) => "Degraded performance",
    Level(PartialOutage) => "Partial outage",
    Level(MajorOutage) => "Major outage",
    LevelInline(Operational) => "operational",
    LevelInline(Maintenance) => "under maintenance",
    LevelInline(Degraded) => "degraded performance",
    LevelInline(PartialOutage) => "partial outage",
    LevelInline(MajorOutage) => "major outage",
    Overall(Operational) => "All systems operational",
    Overall(Maintenance) => "Maintenance in progress",
    Overall(Degraded) => "Degraded performance",
    Overall(PartialOutage) => "Partial outage",
    Overall(MajorOutage) => "Major outage",
    Incident(Investigating) => "Investigating",
    Incident(Identified) => "Identified",
    Incident(Monitoring) => "Monitoring",
    Incident(Ongoing) => "Ongoing",
    Incident(Resolved) => "Resolved",
    Incident(Postmortem) => "Postmortem",
    Maintenance(Scheduled) => "Scheduled",
    Maintenance(InProgress) => "In progress",
    Maintenance(Verifying) => "Verifying",
    Maintenance(Completed) => "Completed",
    Update(Investigating) => "Investigating",
    Update(Identified) => "Identified",
    Update(Monitoring) => "Monitoring",
    Update(Update) => "Update",
    Update(Resolved) => "Resolved",
    Update(Postmortem) => "Postmortem",
    Update(Scheduled) => "Scheduled",
    Update(InProgress) => "In progress",
    Update(Verifying) => "Verifying",
    Update(Completed) => "Completed",
    Update(Ongoing) => "Ongoing",
    Update(Upcoming) => "Upcoming",
    Fact(Started) => "Started",
    Fact(Ended) => "Ended",
    Fact(Affects) => "Affects",
    Fact(UsersAffected) => "Users affected",
    Fact(Window) => "Window",
    Ui(Loading) => "Loading status…",
    Ui(Unavailable) => "Status unavailable — retrying",
    Ui(NotInFeed) => "not in the status feed",
    Ui(ViewFullStatusPage) => "View full status page",
    Ui(Details) => "Details",
    Ui(StatusDetails) => "Status details",
    Ui(CloseDetails) => "Close status details",
    Ui(PanelHeading) => "Service status",
    Ui(Services) => "Services",
    Ui(OtherServices) => "Other services",
    Ui(Incidents) => "Incidents",
    Ui(NoIncidents) => "No active incidents",
    Ui(RecentlyResolved) => "Recently resolved",
    Ui(MaintenanceHeading) => "Maintenance",
    Ui(Updates) => "Updates",
    Ui(RetryingNow) => "Retrying now.",
    Ui(JustNow) => "just now",
    Ui(Am) => "AM",
    Ui(Pm) => "PM",
    Ui(ListSeparator) => ", ",
    Ui(MetaSeparator) => " · ",
    Problem(Offline) => "your device is offline",
    Problem(Timeout) => "the status feed did not answer in time",
    Problem(Network) => "the status feed could not be reached",
    Problem(Http) => "the status feed answered with an error (HTTP {code})",
    Problem(TooLarge) => "the status feed sent more data than allowed",
    Problem(Unreadable) => "the status feed sent an unreadable answer",
    Problem(FormatChanged) => "the status feed changed its format",
    Problem(Empty) => "the status feed sent an empty status",
    Tpl(ComponentState) => "{name}: {state}",
    Tpl(StateWithCount) => "{state} ({count})",
    Tpl(Labelled) => "{label}: {state}",
    Tpl(WithAge) => "{text} ({age})",
    Tpl(AsOf) => "as of {time}",
    Tpl(OfflineAsOf) => "offline — showing status as of {time}",
    Tpl(Updated) => "Updated {time} ({age})",
    Tpl(Window) => "{start} – {end}",
    Tpl(BadgeAria) => "{state}. {action}",
    Tpl(StaleNotice) => "Showing the last known status: {problem}.",
    Tpl(OldNotice) => "Showing the last known status, as of {time}.",
    Tpl(UnavailableNotice) => "Status unavailable: {problem}.",
    Tpl(NextTry) => "Next try {when}.",
    Tpl(DateDay) => "{month} {day}",
    Tpl(DateDayYear) => "{month} {day}, {year}",
    Tpl(DateTime) => "{date}, {time}",
    Tpl(Clock) => "{h12}:{mm} {ampm}",
    Tpl(Sentences) => "{first} {second}",
    Tpl(NameInGroup) => "{name} ({group})",
    Count(MinutesAgo, One) => "{n} min ago",
    Count(MinutesAgo, Other) => "{n} min ago",
    Count(HoursAgo, One) => "{n} h ago",
    Count(HoursAgo, Other) => "{n} h ago",
    Count(DaysAgo, One) => "{n} day ago",
    Count(DaysAgo, Other) => "{n} days ago",
    Count(InSeconds, One) => "in {n} s",
    Count(InSeconds, Other) => "in {n} s",
    Count(InMinutes, One) => "in {n} min",
    Count(InMinutes, Other) => "in {n} min",
    Count(InHours, One) => "in {n} h",
    Count(InHours, Other) => "in {n} h",
    Count(InDays, One) => "in {n} day",
    Count(InDays, Other) => "in {n} days",
    Count(Services, One) => "{n} service",
    Count(Services, Other) => "{n} services",
    Count(NotShown, One) => "{n} service not shown",
    Count(NotShown, Other) => "{n} services not shown",
    Count(OperationalNotShown, One) => "{n} operational service not shown",
    Count(OperationalNotShown, Other) => "{n} operational services not shown",
    Count(More, One) => "{n} more on the full status page",
    Count(More, Other) => "{n} more on the full status page",
    Count(MoreNames, One) => "{n} more",
    Count(MoreNames, Other) => "{n} more",
}

table! {
    /// French.
    FR, FR_KEYS;
    Level(Operational) => "Opérationnel",
    Level(Maintenance) => "Maintenance",
    Level(Degraded) => "Performances dégradées",
    Level(PartialOutage) => "Panne partielle",
    Level(MajorOutage) => "Panne majeure",
    LevelInline(Operational) => "opérationnel",
    LevelInline(Maintenance) => "en maintenance",
    LevelInline(Degraded) => "performances dégradées",
    LevelInline(PartialOutage) => "panne partielle",
    LevelInline(MajorOutage) => "panne majeure",
    Overall(Operational) => "Tous les systèmes sont opérationnels",
    Overall(Maintenance) => "Maintenance en cours",
    Overall(Degraded) => "Performances dégradées",
    Overall(PartialOutage) => "Panne partielle",
    Overall(MajorOutage) => "Panne majeure",
    Incident(Investigating) => "Enquête en cours",
    Incident(Identified) => "Cause identifiée",
    Incident(Monitoring) => "Sous surveillance",
    Incident(Ongoing) => "En cours",
    Incident(Resolved) => "Résolu",
    Incident(Postmortem) => "Analyse post-incident",
    Maintenance(Scheduled) => "Planifiée",
    Maintenance(InProgress) => "En cours",
    Maintenance(Verifying) => "Vérification en cours",
    Maintenance(Completed) => "Terminée",
    Update(Investigating) => "Enquête en cours",
    Update(Identified) => "Cause identifiée",
    Update(Monitoring) => "Sous surveillance",
    Update(Update) => "Mise à jour",
    Update(Resolved) => "Résolu",
    Update(Postmortem) => "Analyse post-incident",
    Update(Scheduled) => "Planifiée",
    Update(InProgress) => "En cours",
    Update(Verifying) => "Vérification en cours",
    Update(Completed) => "Terminée",
    Update(Ongoing) => "En cours",
    Update(Upcoming) => "À venir",
    Fact(Started) => "Début",
    Fact(Ended) => "Fin",
    Fact(Affects) => "Concerne",
    Fact(UsersAffected) => "Utilisateurs concernés",
    Fact(Window) => "Période",
    Ui(Loading) => "Chargement de l’état…",
    Ui(Unavailable) => "État indisponible — nouvelle tentative en cours",
    Ui(NotInFeed) => "absent du flux d’état",
    Ui(ViewFullStatusPage) => "Voir la page d’état complète",
    Ui(Details) => "Détails",
    Ui(StatusDetails) => "Détails de l’état",
    Ui(CloseDetails) => "Fermer les détails de l’état",
    Ui(PanelHeading) => "État des services",
    Ui(Services) => "Services",
    Ui(OtherServices) => "Autres services",
    Ui(Incidents) => "Incidents",
    Ui(NoIncidents) => "Aucun incident en cours",
    Ui(RecentlyResolved) => "Résolus récemment",
    Ui(MaintenanceHeading) => "Maintenance",
    Ui(Updates) => "Mises à jour",
    Ui(RetryingNow) => "Nouvelle tentative en cours.",
    Ui(JustNow) => "à l’instant",
    Ui(Am) => "AM",
    Ui(Pm) => "PM",
    Ui(ListSeparator) => ", ",
    Ui(MetaSeparator) => " · ",
    Problem(Offline) => "votre appareil est hors ligne",
    Problem(Timeout) => "le flux d’état n’a pas répondu à temps",
    Problem(Network) => "le flux d’état est injoignable",
    Problem(Http) => "le flux d’état a répondu par une erreur (HTTP {code})",
    Problem(TooLarge) => "le flux d’état a envoyé trop de données",
    Problem(Unreadable) => "le flux d’état a envoyé une réponse illisible",
    Problem(FormatChanged) => "le flux d’état a changé de format",
    Problem(Empty) => "le flux d’état a envoyé un état vide",
    // French typography puts a no-break space before a colon.
    Tpl(ComponentState) => "{name}\u{a0}: {state}",
    Tpl(StateWithCount) => "{state} ({count})",
    Tpl(Labelled) => "{label}\u{a0}: {state}",
    Tpl(WithAge) => "{text} ({age})",
    // `{time}` may carry a date ("22 nov., 23:30"): "de {time}" would need "du" before one.
    Tpl(AsOf) => "mis à jour\u{a0}: {time}",
    Tpl(OfflineAsOf) => "hors ligne — mis à jour\u{a0}: {time}",
    Tpl(Updated) => "Dernière mise à jour\u{a0}: {time} ({age})",
    Tpl(Window) => "{start} – {end}",
    Tpl(BadgeAria) => "{state}. {action}",
    Tpl(StaleNotice) => "Affichage du dernier état connu\u{a0}: {problem}.",
    Tpl(OldNotice) => "Affichage du dernier état connu (mis à jour\u{a0}: {time}).",
    Tpl(UnavailableNotice) => "État indisponible\u{a0}: {problem}.",
    Tpl(NextTry) => "Prochain essai {when}.",
    Tpl(DateDay) => "{day} {month}",
    Tpl(DateDayYear) => "{day} {month} {year}",
    Tpl(DateTime) => "{date}, {time}",
    Tpl(Clock) => "{hh}:{mm}",
    Tpl(Sentences) => "{first} {second}",
    Tpl(NameInGroup) => "{name} ({group})",
    Count(MinutesAgo, One) => "il y a {n} min",
    Count(MinutesAgo, Other) => "il y a {n} min",
    Count(HoursAgo, One) => "il y a {n} h",
    Count(HoursAgo, Other) => "il y a {n} h",
    Count(DaysAgo, One) => "il y a {n} jour",
    Count(DaysAgo, Other) => "il y a {n} jours",
    Count(InSeconds, One) => "dans {n} s",
    Count(InSeconds, Other) => "dans {n} s",
    Count(InMinutes, One) => "dans {n} min",
    Count(InMinutes, Other) => "dans {n} min",
    Count(InHours, One) => "dans {n} h",
    Count(InHours, Other) => "dans {n} h",
    Count(InDays, One) => "dans {n} jour",
    Count(InDays, Other) => "dans {n} jours",
    Count(Services, One) => "{n} service",
    Count(Services, Other) => "{n} services",
    Count(NotShown, One) => "{n} service non affiché",
    Count(NotShown, Other) => "{n} services non affichés",
    Count(OperationalNotShown, One) => "{n} service opérationnel non affiché",
    Count(OperationalNotShown, Other) => "{n} services opérationnels non affichés",
    Count(More, One) => "{n} autre sur la page d’état complète",
    Count(More, Other) => "{n} autres sur la page d’état complète",
    Count(MoreNames, One) => "{n} autre",
    Count(MoreNames, Other) => "{n} autres",
}

table! {
    /// German.
    DE, DE_KEYS;
    Level(Operational) => "Betriebsbereit",
    Level(Maintenance) => "Wartung",
    Level(Degraded) => "Eingeschränkte Leistung",
    Level(PartialOutage) => "Teilausfall",
    Level(MajorOutage) => "Schwerer Ausfall",
    LevelInline(Operational) => "betriebsbereit",
    LevelInline(Maintenance) => "in Wartung",
    LevelInline(Degraded) => "eingeschränkte Leistung",
    LevelInline(PartialOutage) => "Teilausfall",
    LevelInline(MajorOutage) => "schwerer Ausfall",
    Overall(Operational) => "Alle Systeme betriebsbereit",
    Overall(Maintenance) => "Wartung läuft",
    Overall(Degraded) => "Eingeschränkte Leistung",
    Overall(PartialOutage) => "Teilausfall",
    Overall(MajorOutage) => "Schwerer Ausfall",
    Incident(Investigating) => "Wird untersucht",
    Incident(Identified) => "Ursache erkannt",
    Incident(Monitoring) => "Wird beobachtet",
    Incident(Ongoing) => "Andauernd",
    Incident(Resolved) => "Behoben",
    Incident(Postmortem) => "Nachbericht",
    Maintenance(Scheduled) => "Geplant",
    Maintenance(InProgress) => "Läuft",
    Maintenance(Verifying) => "Wird überprüft",
    Maintenance(Completed) => "Abgeschlossen",
    Update(Investigating) => "Wird untersucht",
    Update(Identified) => "Ursache erkannt",
    Update(Monitoring) => "Wird beobachtet",
    Update(Update) => "Aktualisierung",
    Update(Resolved) => "Behoben",
    Update(Postmortem) => "Nachbericht",
    Update(Scheduled) => "Geplant",
    Update(InProgress) => "Läuft",
    Update(Verifying) => "Wird überprüft",
    Update(Completed) => "Abgeschlossen",
    Update(Ongoing) => "Andauernd",
    Update(Upcoming) => "Bevorstehend",
    Fact(Started) => "Beginn",
    Fact(Ended) => "Ende",
    Fact(Affects) => "Betrifft",
    Fact(UsersAffected) => "Betroffene Nutzer",
    Fact(Window) => "Zeitraum",
    Ui(Loading) => "Status wird geladen…",
    Ui(Unavailable) => "Status nicht verfügbar – neuer Versuch läuft",
    Ui(NotInFeed) => "nicht im Status-Feed",
    Ui(ViewFullStatusPage) => "Vollständige Statusseite öffnen",
    Ui(Details) => "Details",
    Ui(StatusDetails) => "Statusdetails",
    Ui(CloseDetails) => "Statusdetails schließen",
    Ui(PanelHeading) => "Dienststatus",
    Ui(Services) => "Dienste",
    Ui(OtherServices) => "Weitere Dienste",
    Ui(Incidents) => "Störungen",
    Ui(NoIncidents) => "Keine aktuellen Störungen",
    Ui(RecentlyResolved) => "Kürzlich behoben",
    Ui(MaintenanceHeading) => "Wartungen",
    Ui(Updates) => "Aktualisierungen",
    Ui(RetryingNow) => "Neuer Versuch läuft.",
    Ui(JustNow) => "gerade eben",
    Ui(Am) => "AM",
    Ui(Pm) => "PM",
    Ui(ListSeparator) => ", ",
    Ui(MetaSeparator) => " · ",
    Problem(Offline) => "Ihr Gerät ist offline",
    Problem(Timeout) => "der Status-Feed hat nicht rechtzeitig geantwortet",
    Problem(Network) => "der Status-Feed ist nicht erreichbar",
    Problem(Http) => "der Status-Feed hat mit einem Fehler geantwortet (HTTP {code})",
    Problem(TooLarge) => "der Status-Feed hat zu viele Daten gesendet",
    Problem(Unreadable) => "der Status-Feed hat eine unlesbare Antwort gesendet",
    Problem(FormatChanged) => "der Status-Feed hat sein Format geändert",
    Problem(Empty) => "der Status-Feed hat einen leeren Status gesendet",
    Tpl(ComponentState) => "{name}: {state}",
    Tpl(StateWithCount) => "{state} ({count})",
    Tpl(Labelled) => "{label}: {state}",
    Tpl(WithAge) => "{text} ({age})",
    Tpl(AsOf) => "Stand {time}",
    Tpl(OfflineAsOf) => "offline — Stand {time}",
    Tpl(Updated) => "Aktualisiert: {time} ({age})",
    Tpl(Window) => "{start} – {end}",
    Tpl(BadgeAria) => "{state}. {action}",
    Tpl(StaleNotice) => "Letzter bekannter Status wird angezeigt: {problem}.",
    Tpl(OldNotice) => "Letzter bekannter Status wird angezeigt (Stand {time}).",
    Tpl(UnavailableNotice) => "Status nicht verfügbar: {problem}.",
    Tpl(NextTry) => "Nächster Versuch {when}.",
    Tpl(DateDay) => "{day}. {month}",
    Tpl(DateDayYear) => "{day}. {month} {year}",
    Tpl(DateTime) => "{date}, {time}",
    Tpl(Clock) => "{hh}:{mm}",
    Tpl(Sentences) => "{first} {second}",
    Tpl(NameInGroup) => "{name} ({group})",
    Count(MinutesAgo, One) => "vor {n} Min.",
    Count(MinutesAgo, Other) => "vor {n} Min.",
    Count(HoursAgo, One) => "vor {n} Std.",
    Count(HoursAgo, Other) => "vor {n} Std.",
    Count(DaysAgo, One) => "vor {n} Tag",
    Count(DaysAgo, Other) => "vor {n} Tagen",
    Count(InSeconds, One) => "in {n} Sek.",
    Count(InSeconds, Other) => "in {n} Sek.",
    Count(InMinutes, One) => "in {n} Min.",
    Count(InMinutes, Other) => "in {n} Min.",
    Count(InHours, One) => "in {n} Std.",
    Count(InHours, Other) => "in {n} Std.",
    Count(InDays, One) => "in {n} Tag",
    Count(InDays, Other) => "in {n} Tagen",
    Count(Services, One) => "{n} Dienst",
    Count(Services, Other) => "{n} Dienste",
    Count(NotShown, One) => "{n} Dienst nicht angezeigt",
    Count(NotShown, Other) => "{n} Dienste nicht angezeigt",
    Count(OperationalNotShown, One) => "{n} betriebsbereiter Dienst nicht angezeigt",
    Count(OperationalNotShown, Other) => "{n} betriebsbereite Dienste nicht angezeigt",
    Count(More, One) => "{n} weitere auf der vollständigen Statusseite",
    Count(More, Other) => "{n} weitere auf der vollständigen Statusseite",
    Count(MoreNames, One) => "{n} weitere",
    Count(MoreNames, Other) => "{n} weitere",
}

table! {
    /// Spanish.
    ES, ES_KEYS;
    Level(Operational) => "Operativo",
    Level(Maintenance) => "Mantenimiento",
    Level(Degraded) => "Rendimiento degradado",
    Level(PartialOutage) => "Interrupción parcial",
    Level(MajorOutage) => "Interrupción grave",
    LevelInline(Operational) => "operativo",
    LevelInline(Maintenance) => "en mantenimiento",
    LevelInline(Degraded) => "rendimiento degradado",
    LevelInline(PartialOutage) => "interrupción parcial",
    LevelInline(MajorOutage) => "interrupción grave",
    Overall(Operational) => "Todos los sistemas funcionan con normalidad",
    Overall(Maintenance) => "Mantenimiento en curso",
    Overall(Degraded) => "Rendimiento degradado",
    Overall(PartialOutage) => "Interrupción parcial",
    Overall(MajorOutage) => "Interrupción grave",
    Incident(Investigating) => "Investigando",
    Incident(Identified) => "Causa identificada",
    Incident(Monitoring) => "En observación",
    Incident(Ongoing) => "En curso",
    Incident(Resolved) => "Resuelto",
    Incident(Postmortem) => "Análisis posterior",
    Maintenance(Scheduled) => "Programado",
    Maintenance(InProgress) => "En curso",
    Maintenance(Verifying) => "Verificando",
    Maintenance(Completed) => "Completado",
    Update(Investigating) => "Investigando",
    Update(Identified) => "Causa identificada",
    Update(Monitoring) => "En observación",
    Update(Update) => "Actualización",
    Update(Resolved) => "Resuelto",
    Update(Postmortem) => "Análisis posterior",
    Update(Scheduled) => "Programado",
    Update(InProgress) => "En curso",
    Update(Verifying) => "Verificando",
    Update(Completed) => "Completado",
    Update(Ongoing) => "En curso",
    Update(Upcoming) => "Próximamente",
    Fact(Started) => "Inicio",
    Fact(Ended) => "Fin",
    Fact(Affects) => "Afecta a",
    Fact(UsersAffected) => "Usuarios afectados",
    Fact(Window) => "Periodo",
    Ui(Loading) => "Cargando estado…",
    Ui(Unavailable) => "Estado no disponible — reintentando",
    Ui(NotInFeed) => "no figura en el feed de estado",
    Ui(ViewFullStatusPage) => "Ver la página de estado completa",
    Ui(Details) => "Detalles",
    Ui(StatusDetails) => "Detalles del estado",
    Ui(CloseDetails) => "Cerrar detalles del estado",
    Ui(PanelHeading) => "Estado del servicio",
    Ui(Services) => "Servicios",
    Ui(OtherServices) => "Otros servicios",
    Ui(Incidents) => "Incidencias",
    Ui(NoIncidents) => "No hay incidencias activas",
    Ui(RecentlyResolved) => "Resueltas recientemente",
    Ui(MaintenanceHeading) => "Mantenimiento",
    Ui(Updates) => "Actualizaciones",
    Ui(RetryingNow) => "Reintentando ahora.",
    Ui(JustNow) => "ahora mismo",
    Ui(Am) => "a. m.",
    Ui(Pm) => "p. m.",
    Ui(ListSeparator) => ", ",
    Ui(MetaSeparator) => " · ",
    Problem(Offline) => "tu dispositivo no tiene conexión",
    Problem(Timeout) => "el feed de estado no respondió a tiempo",
    Problem(Network) => "no se pudo conectar con el feed de estado",
    Problem(Http) => "el feed de estado respondió con un error (HTTP {code})",
    Problem(TooLarge) => "el feed de estado envió demasiados datos",
    Problem(Unreadable) => "el feed de estado envió una respuesta ilegible",
    Problem(FormatChanged) => "el feed de estado cambió de formato",
    Problem(Empty) => "el feed de estado envió un estado vacío",
    Tpl(ComponentState) => "{name}: {state}",
    Tpl(StateWithCount) => "{state} ({count})",
    Tpl(Labelled) => "{label}: {state}",
    Tpl(WithAge) => "{text} ({age})",
    Tpl(AsOf) => "actualizado: {time}",
    // `{time}` may carry a date, or be one o'clock ("de la 1:05"): no article before it.
    Tpl(OfflineAsOf) => "sin conexión — actualizado: {time}",
    Tpl(Updated) => "Actualizado: {time} ({age})",
    Tpl(Window) => "{start} – {end}",
    Tpl(BadgeAria) => "{state}. {action}",
    Tpl(StaleNotice) => "Se muestra el último estado conocido: {problem}.",
    Tpl(OldNotice) => "Se muestra el último estado conocido (actualizado: {time}).",
    Tpl(UnavailableNotice) => "Estado no disponible: {problem}.",
    Tpl(NextTry) => "Próximo intento {when}.",
    Tpl(DateDay) => "{day} {month}",
    Tpl(DateDayYear) => "{day} {month} {year}",
    Tpl(DateTime) => "{date}, {time}",
    Tpl(Clock) => "{h}:{mm}",
    Tpl(Sentences) => "{first} {second}",
    Tpl(NameInGroup) => "{name} ({group})",
    Count(MinutesAgo, One) => "hace {n} min",
    Count(MinutesAgo, Other) => "hace {n} min",
    Count(HoursAgo, One) => "hace {n} h",
    Count(HoursAgo, Other) => "hace {n} h",
    Count(DaysAgo, One) => "hace {n} día",
    Count(DaysAgo, Other) => "hace {n} días",
    Count(InSeconds, One) => "dentro de {n} s",
    Count(InSeconds, Other) => "dentro de {n} s",
    Count(InMinutes, One) => "dentro de {n} min",
    Count(InMinutes, Other) => "dentro de {n} min",
    Count(InHours, One) => "dentro de {n} h",
    Count(InHours, Other) => "dentro de {n} h",
    Count(InDays, One) => "dentro de {n} día",
    Count(InDays, Other) => "dentro de {n} días",
    Count(Services, One) => "{n} servicio",
    Count(Services, Other) => "{n} servicios",
    Count(NotShown, One) => "{n} servicio no mostrado",
    Count(NotShown, Other) => "{n} servicios no mostrados",
    Count(OperationalNotShown, One) => "{n} servicio operativo no mostrado",
    Count(OperationalNotShown, Other) => "{n} servicios operativos no mostrados",
    Count(More, One) => "{n} más en la página de estado completa",
    Count(More, Other) => "{n} más en la página de estado completa",
    Count(MoreNames, One) => "{n} más",
    Count(MoreNames, Other) => "{n} más",
}

table! {
    /// Japanese.
    JA, JA_KEYS;
    Level(Operational) => "正常",
    Level(Maintenance) => "メンテナンス",
    Level(Degraded) => "パフォーマンス低下",
    Level(PartialOutage) => "一部障害",
    Level(MajorOutage) => "重大な障害",
    LevelInline(Operational) => "正常",
    LevelInline(Maintenance) => "メンテナンス中",
    LevelInline(Degraded) => "パフォーマンス低下",
    LevelInline(PartialOutage) => "一部障害",
    LevelInline(MajorOutage) => "重大な障害",
    Overall(Operational) => "すべてのシステムが正常に稼働中",
    Overall(Maintenance) => "メンテナンス中",
    Overall(Degraded) => "パフォーマンス低下",
    Overall(PartialOutage) => "一部障害",
    Overall(MajorOutage) => "重大な障害",
    Incident(Investigating) => "調査中",
    Incident(Identified) => "原因特定",
    Incident(Monitoring) => "経過観察中",
    Incident(Ongoing) => "発生中",
    Incident(Resolved) => "解決済み",
    Incident(Postmortem) => "事後報告",
    Maintenance(Scheduled) => "予定",
    Maintenance(InProgress) => "実施中",
    Maintenance(Verifying) => "検証中",
    Maintenance(Completed) => "完了",
    Update(Investigating) => "調査中",
    Update(Identified) => "原因特定",
    Update(Monitoring) => "経過観察中",
    Update(Update) => "更新",
    Update(Resolved) => "解決済み",
    Update(Postmortem) => "事後報告",
    Update(Scheduled) => "予定",
    Update(InProgress) => "実施中",
    Update(Verifying) => "検証中",
    Update(Completed) => "完了",
    Update(Ongoing) => "発生中",
    Update(Upcoming) => "予定",
    Fact(Started) => "開始",
    Fact(Ended) => "終了",
    Fact(Affects) => "影響範囲",
    Fact(UsersAffected) => "影響を受けるユーザー",
    Fact(Window) => "期間",
    Ui(Loading) => "ステータスを読み込み中…",
    Ui(Unavailable) => "ステータスを取得できません — 再試行中",
    Ui(NotInFeed) => "ステータスフィードにありません",
    Ui(ViewFullStatusPage) => "ステータスページ全体を見る",
    Ui(Details) => "詳細",
    Ui(StatusDetails) => "ステータスの詳細",
    Ui(CloseDetails) => "ステータスの詳細を閉じる",
    Ui(PanelHeading) => "サービスの状況",
    Ui(Services) => "サービス",
    Ui(OtherServices) => "その他のサービス",
    Ui(Incidents) => "障害情報",
    Ui(NoIncidents) => "現在発生中の障害はありません",
    Ui(RecentlyResolved) => "最近解決した障害",
    Ui(MaintenanceHeading) => "メンテナンス",
    Ui(Updates) => "更新履歴",
    Ui(RetryingNow) => "再試行しています。",
    Ui(JustNow) => "たった今",
    Ui(Am) => "午前",
    Ui(Pm) => "午後",
    Ui(ListSeparator) => "、",
    Ui(MetaSeparator) => "・",
    Problem(Offline) => "端末がオフラインです",
    Problem(Timeout) => "ステータスフィードが時間内に応答しませんでした",
    Problem(Network) => "ステータスフィードに接続できませんでした",
    Problem(Http) => "ステータスフィードがエラーを返しました（HTTP {code}）",
    Problem(TooLarge) => "ステータスフィードのデータが大きすぎます",
    Problem(Unreadable) => "ステータスフィードの応答を読み取れませんでした",
    Problem(FormatChanged) => "ステータスフィードの形式が変わりました",
    Problem(Empty) => "ステータスフィードの内容が空でした",
    Tpl(ComponentState) => "{name}：{state}",
    Tpl(StateWithCount) => "{state}（{count}）",
    Tpl(Labelled) => "{label}：{state}",
    Tpl(WithAge) => "{text}（{age}）",
    Tpl(AsOf) => "{time}時点",
    Tpl(OfflineAsOf) => "オフライン — {time}時点の状況",
    Tpl(Updated) => "更新：{time}（{age}）",
    Tpl(Window) => "{start}～{end}",
    Tpl(BadgeAria) => "{state}。{action}",
    Tpl(StaleNotice) => "最後に取得したステータスを表示しています（{problem}）。",
    Tpl(OldNotice) => "最後に取得したステータスを表示しています（{time}時点）。",
    Tpl(UnavailableNotice) => "ステータスを取得できません（{problem}）。",
    Tpl(NextTry) => "次回の再試行は{when}です。",
    Tpl(DateDay) => "{month}{day}日",
    Tpl(DateDayYear) => "{year}年{month}{day}日",
    Tpl(DateTime) => "{date} {time}",
    Tpl(Clock) => "{h}:{mm}",
    Tpl(Sentences) => "{first}{second}",
    Tpl(NameInGroup) => "{name}（{group}）",
    Count(MinutesAgo, One) => "{n}分前",
    Count(MinutesAgo, Other) => "{n}分前",
    Count(HoursAgo, One) => "{n}時間前",
    Count(HoursAgo, Other) => "{n}時間前",
    Count(DaysAgo, One) => "{n}日前",
    Count(DaysAgo, Other) => "{n}日前",
    Count(InSeconds, One) => "{n}秒後",
    Count(InSeconds, Other) => "{n}秒後",
    Count(InMinutes, One) => "{n}分後",
    Count(InMinutes, Other) => "{n}分後",
    Count(InHours, One) => "{n}時間後",
    Count(InHours, Other) => "{n}時間後",
    Count(InDays, One) => "{n}日後",
    Count(InDays, Other) => "{n}日後",
    Count(Services, One) => "{n}件のサービス",
    Count(Services, Other) => "{n}件のサービス",
    Count(NotShown, One) => "{n}件のサービスは非表示",
    Count(NotShown, Other) => "{n}件のサービスは非表示",
    Count(OperationalNotShown, One) => "稼働中の{n}件のサービスは非表示",
    Count(OperationalNotShown, Other) => "稼働中の{n}件のサービスは非表示",
    Count(More, One) => "ほか{n}件はステータスページで確認できます",
    Count(More, Other) => "ほか{n}件はステータスページで確認できます",
    Count(MoreNames, One) => "ほか{n}件",
    Count(MoreNames, Other) => "ほか{n}件",
}

table! {
    /// Brazilian Portuguese, in the words of Brazilian status pages ("Interrupção parcial",
    /// "Manutenção em andamento", "página de status").
    PT, PT_KEYS;
    Level(Operational) => "Operacional",
    Level(Maintenance) => "Manutenção",
    Level(Degraded) => "Desempenho degradado",
    Level(PartialOutage) => "Interrupção parcial",
    Level(MajorOutage) => "Interrupção grave",
    LevelInline(Operational) => "operacional",
    LevelInline(Maintenance) => "em manutenção",
    LevelInline(Degraded) => "desempenho degradado",
    LevelInline(PartialOutage) => "interrupção parcial",
    LevelInline(MajorOutage) => "interrupção grave",
    // Not "Todos os sistemas operacionais": in Portuguese that reads "all operating
    // systems".
    Overall(Operational) => "Todos os sistemas estão operacionais",
    Overall(Maintenance) => "Manutenção em andamento",
    Overall(Degraded) => "Desempenho degradado",
    Overall(PartialOutage) => "Interrupção parcial",
    Overall(MajorOutage) => "Interrupção grave",
    Incident(Investigating) => "Investigando",
    Incident(Identified) => "Causa identificada",
    Incident(Monitoring) => "Monitorando",
    Incident(Ongoing) => "Em andamento",
    Incident(Resolved) => "Resolvido",
    Incident(Postmortem) => "Análise pós-incidente",
    // "A manutenção" is feminine.
    Maintenance(Scheduled) => "Agendada",
    Maintenance(InProgress) => "Em andamento",
    Maintenance(Verifying) => "Em verificação",
    Maintenance(Completed) => "Concluída",
    Update(Investigating) => "Investigando",
    Update(Identified) => "Causa identificada",
    Update(Monitoring) => "Monitorando",
    Update(Update) => "Atualização",
    Update(Resolved) => "Resolvido",
    Update(Postmortem) => "Análise pós-incidente",
    Update(Scheduled) => "Agendada",
    Update(InProgress) => "Em andamento",
    Update(Verifying) => "Em verificação",
    Update(Completed) => "Concluída",
    Update(Ongoing) => "Em andamento",
    Update(Upcoming) => "Em breve",
    Fact(Started) => "Início",
    Fact(Ended) => "Fim",
    Fact(Affects) => "Afeta",
    Fact(UsersAffected) => "Usuários afetados",
    Fact(Window) => "Período",
    Ui(Loading) => "Carregando status…",
    Ui(Unavailable) => "Status indisponível — tentando novamente",
    Ui(NotInFeed) => "não consta no feed de status",
    Ui(ViewFullStatusPage) => "Ver a página de status completa",
    Ui(Details) => "Detalhes",
    Ui(StatusDetails) => "Detalhes do status",
    Ui(CloseDetails) => "Fechar detalhes do status",
    Ui(PanelHeading) => "Status dos serviços",
    Ui(Services) => "Serviços",
    Ui(OtherServices) => "Outros serviços",
    Ui(Incidents) => "Incidentes",
    Ui(NoIncidents) => "Nenhum incidente ativo",
    Ui(RecentlyResolved) => "Resolvidos recentemente",
    Ui(MaintenanceHeading) => "Manutenção",
    Ui(Updates) => "Atualizações",
    Ui(RetryingNow) => "Tentando novamente.",
    Ui(JustNow) => "agora mesmo",
    Ui(Am) => "AM",
    Ui(Pm) => "PM",
    Ui(ListSeparator) => ", ",
    Ui(MetaSeparator) => " · ",
    Problem(Offline) => "seu dispositivo está offline",
    Problem(Timeout) => "o feed de status não respondeu a tempo",
    Problem(Network) => "não foi possível acessar o feed de status",
    Problem(Http) => "o feed de status respondeu com um erro (HTTP {code})",
    Problem(TooLarge) => "o feed de status enviou mais dados do que o permitido",
    Problem(Unreadable) => "o feed de status enviou uma resposta ilegível",
    Problem(FormatChanged) => "o feed de status mudou de formato",
    Problem(Empty) => "o feed de status enviou um status vazio",
    Tpl(ComponentState) => "{name}: {state}",
    Tpl(StateWithCount) => "{state} ({count})",
    Tpl(Labelled) => "{label}: {state}",
    Tpl(WithAge) => "{text} ({age})",
    // `{time}` may carry a date ("20 de nov., 17:03"), so no "às" before it.
    Tpl(AsOf) => "dados de {time}",
    Tpl(OfflineAsOf) => "offline — dados de {time}",
    Tpl(Updated) => "Última atualização: {time} ({age})",
    Tpl(Window) => "{start} – {end}",
    Tpl(BadgeAria) => "{state}. {action}",
    Tpl(StaleNotice) => "Mostrando o último status conhecido: {problem}.",
    Tpl(OldNotice) => "Mostrando o último status conhecido (dados de {time}).",
    Tpl(UnavailableNotice) => "Status indisponível: {problem}.",
    Tpl(NextTry) => "Próxima tentativa {when}.",
    Tpl(DateDay) => "{day} de {month}",
    Tpl(DateDayYear) => "{day} de {month} de {year}",
    Tpl(DateTime) => "{date}, {time}",
    Tpl(Clock) => "{hh}:{mm}",
    Tpl(Sentences) => "{first} {second}",
    Tpl(NameInGroup) => "{name} ({group})",
    Count(MinutesAgo, One) => "há {n} min",
    Count(MinutesAgo, Other) => "há {n} min",
    Count(HoursAgo, One) => "há {n} h",
    Count(HoursAgo, Other) => "há {n} h",
    Count(DaysAgo, One) => "há {n} dia",
    Count(DaysAgo, Other) => "há {n} dias",
    Count(InSeconds, One) => "em {n} s",
    Count(InSeconds, Other) => "em {n} s",
    Count(InMinutes, One) => "em {n} min",
    Count(InMinutes, Other) => "em {n} min",
    Count(InHours, One) => "em {n} h",
    Count(InHours, Other) => "em {n} h",
    Count(InDays, One) => "em {n} dia",
    Count(InDays, Other) => "em {n} dias",
    Count(Services, One) => "{n} serviço",
    Count(Services, Other) => "{n} serviços",
    Count(NotShown, One) => "{n} serviço oculto",
    Count(NotShown, Other) => "{n} serviços ocultos",
    Count(OperationalNotShown, One) => "{n} serviço operacional oculto",
    Count(OperationalNotShown, Other) => "{n} serviços operacionais ocultos",
    Count(More, One) => "Mais {n} na página de status completa",
    Count(More, Other) => "Mais {n} na página de status completa",
    Count(MoreNames, One) => "mais {n}",
    Count(MoreNames, Other) => "mais {n}",
}
/// European Portuguese: the Brazilian catalogue but for the words Portugal writes
/// differently. "Estado", not "status" (Apple's page there is "Estado do sistema");
/// "utilizadores", "aceder", "em curso", "monitorização"; "a carregar" where Brazil says
/// "carregando"; "dentro de 2 min" as CLDR's `pt_PT` writes a time ahead.
fn pt_pt(msg: Msg) -> &'static str {
    match msg {
        Msg::Overall(Level::Maintenance) => "Manutenção em curso",
        Msg::Incident(IncidentStatus::Investigating) | Msg::Update(UpdateStatus::Investigating) => {
            "Em investigação"
        }
        Msg::Incident(IncidentStatus::Monitoring) | Msg::Update(UpdateStatus::Monitoring) => {
            "Em monitorização"
        }
        Msg::Incident(IncidentStatus::Ongoing)
        | Msg::Maintenance(MaintenanceStatus::InProgress)
        | Msg::Update(UpdateStatus::InProgress | UpdateStatus::Ongoing) => "Em curso",
        Msg::Fact(Fact::UsersAffected) => "Utilizadores afetados",
        Msg::Ui(ui) => match ui {
            Ui::Loading => "A carregar o estado…",
            Ui::Unavailable => "Estado indisponível — a tentar novamente",
            Ui::NotInFeed => "não consta do feed de estado",
            Ui::ViewFullStatusPage => "Ver a página de estado completa",
            Ui::StatusDetails => "Detalhes do estado",
            Ui::CloseDetails => "Fechar detalhes do estado",
            Ui::PanelHeading => "Estado dos serviços",
            Ui::RetryingNow => "A tentar novamente.",
            _ => entry(PT, msg),
        },
        Msg::Problem(problem) => match problem {
            ProblemText::Offline => "o seu dispositivo está offline",
            ProblemText::Timeout => "o feed de estado não respondeu a tempo",
            ProblemText::Network => "não foi possível aceder ao feed de estado",
            ProblemText::Http => "o feed de estado respondeu com um erro (HTTP {code})",
            ProblemText::TooLarge => "o feed de estado enviou mais dados do que o permitido",
            ProblemText::Unreadable => "o feed de estado enviou uma resposta ilegível",
            ProblemText::FormatChanged => "o feed de estado mudou de formato",
            ProblemText::Empty => "o feed de estado enviou um estado vazio",
        },
        Msg::Tpl(Tpl::StaleNotice) => "A mostrar o último estado conhecido: {problem}.",
        Msg::Tpl(Tpl::OldNotice) => "A mostrar o último estado conhecido (dados de {time}).",
        Msg::Tpl(Tpl::UnavailableNotice) => "Estado indisponível: {problem}.",
        Msg::Count(count, form) => match (count, form) {
            (Count::InSeconds, _) => "dentro de {n} s",
            (Count::InMinutes, _) => "dentro de {n} min",
            (Count::InHours, _) => "dentro de {n} h",
            (Count::InDays, Plural::One) => "dentro de {n} dia",
            (Count::InDays, Plural::Other) => "dentro de {n} dias",
            (Count::More, _) => "Mais {n} na página de estado completa",
            _ => entry(PT, msg),
        },
        _ => entry(PT, msg),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_msg() -> Vec<Msg> {
        let mut all = vec![];
        for level in Level::ALL {
            all.extend([
                Msg::Level(level),
                Msg::LevelInline(level),
                Msg::Overall(level),
            ]);
        }
        all.extend(IncidentStatus::ALL.map(Msg::Incident));
        all.extend(MaintenanceStatus::ALL.map(Msg::Maintenance));
        all.extend(UpdateStatus::ALL.map(Msg::Update));
        all.extend(Fact::ALL.map(Msg::Fact));
        all.extend(Ui::ALL.map(Msg::Ui));
        all.extend(ProblemText::ALL.map(Msg::Problem));
        all.extend(Tpl::ALL.map(Msg::Tpl));
        for count in Count::ALL {
            all.extend([
                Msg::Count(count, Plural::One),
                Msg::Count(count, Plural::Other),
            ]);
        }
        all
    }

    fn slots(pattern: &str) -> Vec<&str> {
        let mut names: Vec<&str> = pattern
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn tables_list_every_message_in_order() {
        let mut indices: Vec<usize> = every_msg().into_iter().map(Msg::index).collect();
        indices.sort_unstable();
        assert_eq!(indices, (0..Msg::COUNT).collect::<Vec<_>>());
        for (name, keys) in [
            ("EN", EN_KEYS),
            ("FR", FR_KEYS),
            ("DE", DE_KEYS),
            ("ES", ES_KEYS),
            ("JA", JA_KEYS),
            ("PT", PT_KEYS),
        ] {
            assert_eq!(keys.len(), Msg::COUNT, "{name}");
            for (place, key) in keys.iter().enumerate() {
                assert_eq!(key.index(), place, "{name}: {key:?} is out of place");
            }
        }
    }

    #[test]
    fn negotiate_picks_first_supported_primary_language() {
        let cases: [(&[&str], Locale); 13] = [
            (&["fr-CA"], Locale::FrCa),
            (&["pt-BR", "de"], Locale::Pt),
            (&["pt", "en"], Locale::Pt),
            (&["pt_PT"], Locale::PtPt),
            (&["zh-TW", "de"], Locale::De),
            (&["zh"], Locale::En),
            (&[], Locale::En),
            (&["DE-at"], Locale::De),
            (&["es_MX"], Locale::Es419),
            (&["ja-JP", "en"], Locale::Ja),
            (&["  en-GB "], Locale::EnGb),
            (&["", "*", "fr"], Locale::Fr),
            (&["english", "frc"], Locale::En),
        ];
        for (tags, want) in cases {
            assert_eq!(Locale::negotiate(tags.iter().copied()), want, "{tags:?}");
        }
    }

    #[test]
    fn negotiate_reads_the_region_for_dates_and_clock() {
        // Checked against the date and time formats of Node's ICU 78 (CLDR) for each tag.
        let cases = [
            ("en", Locale::En),
            ("en-US", Locale::En),
            ("en-CA", Locale::EnCa),
            ("en-PH", Locale::En),
            ("en-GB", Locale::EnGb),
            ("en-IE", Locale::EnGb),
            ("en-ZA", Locale::EnGb),
            ("en-150", Locale::EnGb),
            ("en-DE", Locale::EnGb),
            ("en-Latn-GB", Locale::EnGb),
            ("en-AU", Locale::En001),
            ("en-NZ", Locale::En001),
            ("en-IN", Locale::En001),
            ("en-SG", Locale::En001),
            ("en-001", Locale::En001),
            ("en-QQ", Locale::En001),
            ("es", Locale::Es),
            ("es-ES", Locale::Es),
            ("es-GQ", Locale::Es),
            ("es-MX", Locale::Es419),
            ("es-US", Locale::Es419),
            ("es-419", Locale::Es419),
            ("es-cu", Locale::Es419),
            ("es-AR", Locale::EsAr),
            ("es-CO", Locale::EsAr),
            ("es-PE", Locale::EsAr),
            ("es-PR", Locale::EsAr),
            ("fr-CA", Locale::FrCa),
            ("fr-FR", Locale::Fr),
            ("fr-CH", Locale::Fr),
            ("ja-JP", Locale::Ja),
            ("pt", Locale::Pt),
            ("pt-BR", Locale::Pt),
            ("pt-PT", Locale::PtPt),
            // A four-letter script or an oddly long subtag is not a region.
            ("en-Latn", Locale::En),
            ("en-GBR", Locale::En),
            ("es-x-private", Locale::Es),
            // After a one-letter extension or private-use mark, nothing is a region.
            ("en-x-GB", Locale::En),
            ("es-u-rg-MX", Locale::Es),
        ];
        for (tag, want) in cases {
            assert_eq!(Locale::from_tag(tag), Some(want), "{tag}");
        }
    }

    #[test]
    fn update_status_reads_every_feed_spelling() {
        use UpdateStatus as S;
        let cases = [
            ("investigating", S::Investigating),
            ("identified", S::Identified),
            ("monitoring", S::Monitoring),
            ("update", S::Update),
            ("updated", S::Update),
            ("resolved", S::Resolved),
            ("postmortem", S::Postmortem),
            ("Post-mortem", S::Postmortem),
            ("scheduled", S::Scheduled),
            ("in_progress", S::InProgress),
            (" In Progress ", S::InProgress),
            ("verifying", S::Verifying),
            ("completed", S::Completed),
            ("ONGOING", S::Ongoing),
            ("upcoming", S::Upcoming),
        ];
        for (raw, want) in cases {
            assert_eq!(UpdateStatus::from_raw(raw), Some(want), "{raw}");
        }
        for status in UpdateStatus::ALL {
            assert!(cases.iter().any(|&(_, s)| s == status), "{status:?}");
        }
        assert_eq!(UpdateStatus::from_raw("needs_review"), None);
        assert_eq!(UpdateStatus::from_raw(""), None);
    }

    #[test]
    fn negotiate_borrows_the_region_of_a_later_tag_in_the_same_language() {
        let cases: [(&[&str], Locale); 9] = [
            (&["en", "en-GB"], Locale::EnGb),
            (&["en", "fr-FR", "en-AU"], Locale::En001),
            (&["en-US", "en-GB"], Locale::En),
            (&["en", "es-MX"], Locale::En),
            (&["es", "en-GB", "es-MX"], Locale::Es419),
            (&["fr", "fr-CA"], Locale::FrCa),
            (&["pt", "pt-PT"], Locale::PtPt),
            (&["pt", "en-GB", "pt-AO"], Locale::PtPt),
            (&["pt-BR", "pt-PT"], Locale::Pt),
        ];
        for (tags, want) in cases {
            assert_eq!(Locale::negotiate(tags.iter().copied()), want, "{tags:?}");
        }
    }

    #[test]
    fn negotiate_gives_european_portuguese_to_portugal_and_its_cldr_children() {
        // CLDR's `parentLocales` puts these regions under `pt_PT`; every other region,
        // and `pt` alone, writes as Brazil does (ICU 78 resolves `pt-FR` and `pt-US` to
        // `pt`).
        for region in [
            "PT", "AO", "CV", "GW", "MO", "MZ", "ST", "TL", "LU", "CH", "GQ",
        ] {
            for tag in [
                format!("pt-{region}"),
                format!("pt_{}", region.to_lowercase()),
            ] {
                assert_eq!(Locale::from_tag(&tag), Some(Locale::PtPt), "{tag}");
            }
        }
        for tag in [
            "pt", "pt-BR", "pt_br", "pt-FR", "pt-US", "pt-419", "pt-Latn", "PT",
        ] {
            assert_eq!(Locale::from_tag(tag), Some(Locale::Pt), "{tag}");
        }
        assert_eq!(Locale::from_tag("pt-PT").map(Locale::tag), Some("pt-PT"));
        assert_eq!(Locale::from_tag("pt-AO").map(Locale::tag), Some("pt-PT"));
        assert_eq!(Locale::from_tag("pt").map(Locale::tag), Some("pt-BR"));
        assert_eq!(Locale::PtPt.language(), Locale::Pt);
    }

    #[test]
    fn locale_tag_round_trips() {
        // `es-419` names both ways Latin America writes the clock; every other tag is
        // its locale's own.
        for locale in Locale::ALL {
            let back = Locale::from_tag(locale.tag());
            assert_eq!(back.map(Locale::tag), Some(locale.tag()), "{locale:?}");
            if locale != Locale::EsAr {
                assert_eq!(back, Some(locale));
            }
        }
    }

    #[test]
    fn catalogue_every_message_is_non_empty_in_every_locale() {
        for locale in Locale::ALL {
            for msg in every_msg() {
                assert!(!text(locale, msg).trim().is_empty(), "{locale:?} {msg:?}");
            }
        }
    }

    #[test]
    fn catalogue_translations_keep_the_english_slots() {
        for msg in every_msg() {
            // The clock is the one pattern where a language picks among offered slots.
            if msg == Msg::Tpl(Tpl::Clock) {
                continue;
            }
            let want = slots(entry(EN, msg));
            for locale in Locale::ALL {
                assert_eq!(slots(text(locale, msg)), want, "{locale:?} {msg:?}");
            }
        }
    }

    #[test]
    fn fill_inserts_values_verbatim_in_one_pass() {
        let cases = [
            (
                "{name}: {state}",
                &[("name", "A"), ("state", "b")][..],
                "A: b",
            ),
            (
                "{name}",
                &[("name", "{state}"), ("state", "x")][..],
                "{state}",
            ),
            ("{missing} ok", &[][..], "{missing} ok"),
            ("open { brace", &[][..], "open { brace"),
            ("{n}{n}", &[("n", "1")][..], "11"),
            ("日本{n}語", &[("n", "é")][..], "日本é語"),
        ];
        for (pattern, args, want) in cases {
            assert_eq!(fill(pattern, args), want, "{pattern}");
        }
    }

    #[test]
    fn plural_rules_per_language() {
        let cases = [
            (Locale::En, 0, Plural::Other),
            (Locale::En, 1, Plural::One),
            (Locale::En, 2, Plural::Other),
            (Locale::Fr, 0, Plural::One),
            (Locale::Fr, 1, Plural::One),
            (Locale::Fr, 2, Plural::Other),
            (Locale::De, 1, Plural::One),
            (Locale::Es, 3, Plural::Other),
            (Locale::Ja, 1, Plural::Other),
            // CLDR: `one` is i = 0..1 in Portuguese, i = 1 in `pt_PT`.
            (Locale::Pt, 0, Plural::One),
            (Locale::Pt, 1, Plural::One),
            (Locale::Pt, 2, Plural::Other),
            (Locale::PtPt, 0, Plural::Other),
            (Locale::PtPt, 1, Plural::One),
            (Locale::PtPt, 2, Plural::Other),
        ];
        for (locale, n, want) in cases {
            assert_eq!(plural(locale, n), want, "{locale:?} {n}");
        }
    }

    #[test]
    fn count_text_uses_the_plural_form() {
        let cases = [
            (Locale::En, Count::DaysAgo, 1, "1 day ago"),
            (Locale::En, Count::DaysAgo, 3, "3 days ago"),
            (Locale::Fr, Count::DaysAgo, 1, "il y a 1 jour"),
            (Locale::Fr, Count::DaysAgo, 2, "il y a 2 jours"),
            (Locale::De, Count::DaysAgo, 3, "vor 3 Tagen"),
            (Locale::Es, Count::Services, 2, "2 servicios"),
            (Locale::Ja, Count::MinutesAgo, 5, "5分前"),
            (Locale::Pt, Count::DaysAgo, 0, "há 0 dia"),
            (Locale::Pt, Count::DaysAgo, 1, "há 1 dia"),
            (Locale::Pt, Count::DaysAgo, 2, "há 2 dias"),
            (Locale::Pt, Count::InDays, 2, "em 2 dias"),
            (Locale::Pt, Count::NotShown, 1, "1 serviço oculto"),
            (Locale::Pt, Count::NotShown, 14990, "14990 serviços ocultos"),
            (Locale::PtPt, Count::DaysAgo, 0, "há 0 dias"),
            (Locale::PtPt, Count::DaysAgo, 1, "há 1 dia"),
            (Locale::PtPt, Count::InDays, 1, "dentro de 1 dia"),
            (Locale::PtPt, Count::InDays, 2, "dentro de 2 dias"),
            (Locale::PtPt, Count::Services, 2, "2 serviços"),
        ];
        for (locale, count, n, want) in cases {
            assert_eq!(count_text(locale, count, n), want);
        }
    }

    #[test]
    fn update_status_text_translates_known_words_and_capitalizes_others() {
        let cases = [
            (Locale::En, "investigating", "Investigating"),
            (Locale::En, "in_progress", "In progress"),
            (Locale::Fr, "In Progress", "En cours"),
            (Locale::De, "resolved", "Behoben"),
            (Locale::Ja, "upcoming", "予定"),
            (Locale::En, "needs_review", "Needs review"),
            (Locale::Fr, "élevé", "Élevé"),
            (Locale::Pt, "in_progress", "Em andamento"),
            (Locale::PtPt, "in_progress", "Em curso"),
            (Locale::Pt, "monitoring", "Monitorando"),
            (Locale::PtPt, "monitoring", "Em monitorização"),
            (Locale::PtPt, "resolved", "Resolvido"),
            (Locale::Pt, "completed", "Concluída"),
            (Locale::En, "", ""),
        ];
        for (locale, raw, want) in cases {
            assert_eq!(update_status_text(locale, raw), want, "{raw}");
        }
    }

    #[test]
    fn problem_text_is_reader_facing() {
        use crate::core::feed::FeedError;
        let cases = [
            (
                Locale::En,
                Problem::Network,
                "the status feed could not be reached",
            ),
            (
                Locale::En,
                Problem::Feed(FeedError::NotJson("x".into())),
                "the status feed sent an unreadable answer",
            ),
            (
                Locale::En,
                Problem::Feed(FeedError::SaysNothing {
                    format: crate::core::feed::Format::Apple,
                }),
                "the status feed sent an empty status",
            ),
            (
                Locale::En,
                Problem::Http(503),
                "the status feed answered with an error (HTTP 503)",
            ),
            (
                Locale::Fr,
                Problem::Timeout(10),
                "le flux d’état n’a pas répondu à temps",
            ),
            (Locale::De, Problem::Offline, "Ihr Gerät ist offline"),
            (
                Locale::Ja,
                Problem::Http(429),
                "ステータスフィードがエラーを返しました（HTTP 429）",
            ),
            (
                Locale::Pt,
                Problem::Network,
                "não foi possível acessar o feed de status",
            ),
            (
                Locale::PtPt,
                Problem::Network,
                "não foi possível aceder ao feed de estado",
            ),
            (
                Locale::PtPt,
                Problem::Http(503),
                "o feed de estado respondeu com um erro (HTTP 503)",
            ),
            (Locale::Pt, Problem::Offline, "seu dispositivo está offline"),
        ];
        for (locale, problem, want) in cases {
            assert_eq!(problem_text(locale, &problem), want, "{problem:?}");
        }
    }

    #[test]
    fn month_abbr_covers_every_month_and_rejects_others() {
        assert_eq!(month_abbr(Locale::En, 11), "Nov");
        assert_eq!(month_abbr(Locale::Fr, 2), "févr.");
        assert_eq!(month_abbr(Locale::De, 3), "März");
        assert_eq!(month_abbr(Locale::Es, 9), "sept");
        assert_eq!(month_abbr(Locale::Ja, 12), "12月");
        assert_eq!(month_abbr(Locale::Pt, 2), "fev.");
        assert_eq!(month_abbr(Locale::PtPt, 9), "set.");
        assert_eq!(month_abbr(Locale::En, 0), "");
        assert_eq!(month_abbr(Locale::En, 13), "");
    }

    #[test]
    fn european_portuguese_has_no_brazilian_words() {
        // What Brazil writes and Portugal does not: "status" for "estado", "usuário",
        // "acessar", "em andamento", "monitorando", and the gerund of an action going on
        // ("carregando", "tentando"), where Portugal writes "a carregar".
        const BRAZILIAN: [&str; 5] = ["status", "usuário", "acessar", "andamento", "monitora"];
        let mut differ = 0;
        for msg in every_msg() {
            let european = text(Locale::PtPt, msg);
            let lower = european.to_lowercase();
            for word in BRAZILIAN {
                assert!(!lower.contains(word), "{msg:?}: {european}");
            }
            for word in lower.split(|c: char| !c.is_alphabetic()) {
                assert!(
                    !(word.ends_with("ando") || word.ends_with("endo")),
                    "{msg:?}: {european}"
                );
            }
            differ += usize::from(european != text(Locale::Pt, msg));
        }
        // Dates, clock, levels and most labels are shared.
        assert!((30..60).contains(&differ), "{differ} messages differ");
    }

    // proptest does not build for wasm32, where clippy --all-targets also compiles these.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Whatever `navigator.languages` and the page's `lang` hold, negotiation never
        /// panics, and it keeps the language of the first tag when that one is supported.
        #[test]
        fn negotiation_of_any_tags_keeps_the_first_supported_language(
            tags in proptest::collection::vec(
                "(en|fr|de|es|ja|pt|zh|EN|Es)?([-_][A-Za-z0-9]{0,8}){0,3}|\\PC{0,12}",
                0..5,
            ),
        ) {
            let chosen = Locale::negotiate(tags.iter().map(String::as_str));
            proptest::prop_assert!(Locale::ALL.contains(&chosen));
            if let Some(first) = tags.first().and_then(|t| Locale::from_tag(t)) {
                proptest::prop_assert_eq!(chosen.language(), first.language());
            }
        }
    }
}
