//! The word tables of the temporal tagger. Everything the grammar knows about
//! English words lives here, so a new spelling is a new row, not new code.

/// Month names and abbreviations (lowercase) with their number, and whether
/// the name is written out in full. Abbreviations only count next to a day or
/// year: `Jan` alone is more often a first name.
pub(super) const MONTHS: &[(&str, u8, bool)] = &[
    ("january", 1, true),
    ("february", 2, true),
    ("march", 3, true),
    ("april", 4, true),
    ("may", 5, true),
    ("june", 6, true),
    ("july", 7, true),
    ("august", 8, true),
    ("september", 9, true),
    ("october", 10, true),
    ("november", 11, true),
    ("december", 12, true),
    ("jan", 1, false),
    ("feb", 2, false),
    ("mar", 3, false),
    ("apr", 4, false),
    ("jun", 6, false),
    ("jul", 7, false),
    ("aug", 8, false),
    ("sep", 9, false),
    ("sept", 9, false),
    ("oct", 10, false),
    ("nov", 11, false),
    ("dec", 12, false),
];

/// Weekday names with their ISO number (Monday = 1).
pub(super) const WEEKDAYS: &[(&str, u8)] = &[
    ("monday", 1),
    ("tuesday", 2),
    ("wednesday", 3),
    ("thursday", 4),
    ("friday", 5),
    ("saturday", 6),
    ("sunday", 7),
];

/// Plural weekdays name a set: `on Mondays`.
pub(super) const WEEKDAYS_PLURAL: &[(&str, u8)] = &[
    ("mondays", 1),
    ("tuesdays", 2),
    ("wednesdays", 3),
    ("thursdays", 4),
    ("fridays", 5),
    ("saturdays", 6),
    ("sundays", 7),
];

/// Cardinal number words below twenty.
pub(super) const SMALL_NUMBERS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

/// Tens, which may be followed by a unit word (`twenty-four`, `thirty one`).
pub(super) const TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Ordinal words below twenty, for days of the month (`the fifth of March`).
pub(super) const SMALL_ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
];

/// Ordinal tens (`twentieth`, `thirtieth`).
pub(super) const TENS_ORDINALS: &[(&str, u32)] = &[("twentieth", 20), ("thirtieth", 30)];

/// Suffixes that make a digit an ordinal (`19th`).
pub(super) const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// Quantities that name no exact number: the value gets `X` (`PXD`).
/// Each entry is a phrase of lowercase tokens.
pub(super) const VAGUE_NUMBERS: &[&str] = &[
    "a few",
    "few",
    "several",
    "some",
    "many",
    "a number of",
    "dozens of",
    "hundreds of",
    "a couple of",
    "couple of",
];

/// A calendar or clock unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

/// Unit words, singular and plural, with how many units each names
/// (`fortnight` is two weeks).
pub(super) const UNITS: &[(&str, Unit, u32)] = &[
    ("second", Unit::Second, 1),
    ("seconds", Unit::Second, 1),
    ("minute", Unit::Minute, 1),
    ("minutes", Unit::Minute, 1),
    ("min", Unit::Minute, 1),
    ("mins", Unit::Minute, 1),
    ("hour", Unit::Hour, 1),
    ("hours", Unit::Hour, 1),
    ("hrs", Unit::Hour, 1),
    ("day", Unit::Day, 1),
    ("days", Unit::Day, 1),
    ("week", Unit::Week, 1),
    ("weeks", Unit::Week, 1),
    ("fortnight", Unit::Week, 2),
    ("fortnights", Unit::Week, 2),
    ("month", Unit::Month, 1),
    ("months", Unit::Month, 1),
    ("year", Unit::Year, 1),
    ("years", Unit::Year, 1),
    ("decade", Unit::Decade, 1),
    ("decades", Unit::Decade, 1),
    ("century", Unit::Century, 1),
    ("centuries", Unit::Century, 1),
];

/// Adverbs naming a set: `daily` is every day.
pub(super) const SET_ADVERBS: &[(&str, &str)] = &[
    ("hourly", "PT1H"),
    ("daily", "P1D"),
    ("nightly", "P1D"),
    ("weekly", "P1W"),
    ("fortnightly", "P2W"),
    ("monthly", "P1M"),
    ("quarterly", "P3M"),
    ("yearly", "P1Y"),
    ("annually", "P1Y"),
];

/// Parts of the day and their TIMEX3 suffix.
pub(super) const PARTS_OF_DAY: &[(&str, &str)] = &[
    ("morning", "MO"),
    ("afternoon", "AF"),
    ("evening", "EV"),
    ("night", "NI"),
];

/// Seasons and their TIMEX3 code.
pub(super) const SEASONS: &[(&str, &str)] = &[
    ("spring", "SP"),
    ("summer", "SU"),
    ("autumn", "FA"),
    ("fall", "FA"),
    ("winter", "WI"),
];

/// Days named relative to the document date, with their offset in days and
/// the part of the day they imply.
pub(super) const RELATIVE_DAYS: &[(&str, i64, Option<&str>)] = &[
    ("today", 0, None),
    ("tonight", 0, Some("NI")),
    ("tomorrow", 1, None),
    ("yesterday", -1, None),
];

/// Phrases that name no calendar value, only a direction from the present.
/// Longer phrases are tried first, so `in the past` loses to `in the past 24
/// hours` (a duration) wherever that matches.
pub(super) const VAGUE_REFS: &[(&str, &str)] = &[
    ("now", "PRESENT_REF"),
    ("right now", "PRESENT_REF"),
    ("currently", "PRESENT_REF"),
    ("presently", "PRESENT_REF"),
    ("at present", "PRESENT_REF"),
    ("at the moment", "PRESENT_REF"),
    ("at this time", "PRESENT_REF"),
    ("these days", "PRESENT_REF"),
    ("nowadays", "PRESENT_REF"),
    ("to date", "PRESENT_REF"),
    ("so far", "PRESENT_REF"),
    ("as of now", "PRESENT_REF"),
    ("soon", "FUTURE_REF"),
    ("shortly", "FUTURE_REF"),
    ("in the near future", "FUTURE_REF"),
    ("in the future", "FUTURE_REF"),
    ("in the coming days", "FUTURE_REF"),
    ("in the coming weeks", "FUTURE_REF"),
    ("in the coming months", "FUTURE_REF"),
    ("in the coming years", "FUTURE_REF"),
    ("in the days ahead", "FUTURE_REF"),
    ("in the weeks ahead", "FUTURE_REF"),
    ("in the months ahead", "FUTURE_REF"),
    ("in the nearest future", "FUTURE_REF"),
    ("in the next few days", "FUTURE_REF"),
    ("any day now", "FUTURE_REF"),
    ("recently", "PAST_REF"),
    ("lately", "PAST_REF"),
    ("previously", "PAST_REF"),
    ("formerly", "PAST_REF"),
    ("earlier", "PAST_REF"),
    ("the other day", "PAST_REF"),
    ("in recent days", "PAST_REF"),
    ("in recent weeks", "PAST_REF"),
    ("in recent months", "PAST_REF"),
    ("in recent years", "PAST_REF"),
    ("in the past", "PAST_REF"),
];

/// What a word before a time expression does to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Effect {
    /// Bounds a point (`until`: `ON_OR_BEFORE`) and/or qualifies a duration
    /// (`no more than`: `EQUAL_OR_LESS`); `lean` says which way an
    /// underspecified weekday or month after it most likely lies.
    Mod {
        point: Option<&'static str>,
        duration: Option<&'static str>,
        lean: Option<Lean>,
    },
    /// `within three days`: a duration that starts at the document date.
    Within,
    /// A part of a month, year, week or season: `START`, `MID` or `END`.
    Period(&'static str),
    /// A part of a day: `the night of March 5`.
    DayPart(&'static str),
    /// `from` or `between`: opens a range if one follows, else a bound.
    RangeOpen { bound: Option<&'static str> },
}

/// A direction in time an expression leans to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lean {
    /// Before the document date.
    Past,
    /// The document date's own time.
    Present,
    /// After the document date.
    Future,
}

const fn bound(point: &'static str, lean: Option<Lean>) -> Effect {
    Effect::Mod {
        point: Some(point),
        duration: None,
        lean,
    }
}

const fn amount(duration: &'static str) -> Effect {
    Effect::Mod {
        point: None,
        duration: Some(duration),
        lean: None,
    }
}

/// Words before an expression, as phrases of lowercase tokens (`mid -` is
/// `mid-`), with what they do. They stack: `until the end of January`.
pub(super) const PREFIXES: &[(&str, Effect)] = &[
    ("until", bound("ON_OR_BEFORE", Some(Lean::Future))),
    ("till", bound("ON_OR_BEFORE", Some(Lean::Future))),
    ("through", bound("ON_OR_BEFORE", Some(Lean::Future))),
    ("by", bound("ON_OR_BEFORE", None)),
    ("no later than", bound("ON_OR_BEFORE", Some(Lean::Future))),
    ("not later than", bound("ON_OR_BEFORE", Some(Lean::Future))),
    ("before", bound("BEFORE", None)),
    ("prior to", bound("BEFORE", None)),
    ("after", bound("AFTER", None)),
    ("since", bound("ON_OR_AFTER", Some(Lean::Past))),
    ("starting", bound("ON_OR_AFTER", None)),
    ("starting from", bound("ON_OR_AFTER", None)),
    ("beginning", bound("ON_OR_AFTER", None)),
    ("as of", bound("ON_OR_AFTER", None)),
    ("as from", bound("ON_OR_AFTER", None)),
    ("effective", bound("ON_OR_AFTER", None)),
    (
        "from",
        Effect::RangeOpen {
            bound: Some("ON_OR_AFTER"),
        },
    ),
    ("between", Effect::RangeOpen { bound: None }),
    ("within", Effect::Within),
    (
        "up to",
        Effect::Mod {
            point: Some("ON_OR_BEFORE"),
            duration: Some("EQUAL_OR_LESS"),
            lean: Some(Lean::Future),
        },
    ),
    ("no more than", amount("EQUAL_OR_LESS")),
    ("not more than", amount("EQUAL_OR_LESS")),
    ("at most", amount("EQUAL_OR_LESS")),
    ("a maximum of", amount("EQUAL_OR_LESS")),
    ("less than", amount("LESS_THAN")),
    ("fewer than", amount("LESS_THAN")),
    ("under", amount("LESS_THAN")),
    ("nearly", amount("LESS_THAN")),
    ("almost", amount("LESS_THAN")),
    ("more than", amount("MORE_THAN")),
    ("over", amount("MORE_THAN")),
    ("longer than", amount("MORE_THAN")),
    ("at least", amount("EQUAL_OR_MORE")),
    ("no less than", amount("EQUAL_OR_MORE")),
    ("not less than", amount("EQUAL_OR_MORE")),
    ("a minimum of", amount("EQUAL_OR_MORE")),
    (
        "about",
        Effect::Mod {
            point: Some("APPROX"),
            duration: Some("APPROX"),
            lean: None,
        },
    ),
    (
        "around",
        Effect::Mod {
            point: Some("APPROX"),
            duration: Some("APPROX"),
            lean: None,
        },
    ),
    (
        "approximately",
        Effect::Mod {
            point: Some("APPROX"),
            duration: Some("APPROX"),
            lean: None,
        },
    ),
    ("roughly", amount("APPROX")),
    ("some", amount("APPROX")),
    ("early", Effect::Period("START")),
    ("the beginning of", Effect::Period("START")),
    ("the start of", Effect::Period("START")),
    ("the first days of", Effect::Period("START")),
    ("the first weeks of", Effect::Period("START")),
    ("the early part of", Effect::Period("START")),
    ("mid", Effect::Period("MID")),
    ("mid -", Effect::Period("MID")),
    ("the middle of", Effect::Period("MID")),
    ("late", Effect::Period("END")),
    ("the end of", Effect::Period("END")),
    ("the last days of", Effect::Period("END")),
    ("the last weeks of", Effect::Period("END")),
    ("the latter part of", Effect::Period("END")),
    ("the close of", Effect::Period("END")),
    ("the morning of", Effect::DayPart("MO")),
    ("the afternoon of", Effect::DayPart("AF")),
    ("the evening of", Effect::DayPart("EV")),
    ("the night of", Effect::DayPart("NI")),
];

/// Words that mark a sentence's tense, with the direction they point.
/// Lexical markers of plans (`expected`, `scheduled`) point to the future
/// whatever their grammatical form.
pub(super) const TENSE_WORDS: &[(&str, Lean)] = &[
    ("will", Lean::Future),
    ("shall", Lean::Future),
    ("would", Lean::Future),
    ("ll", Lean::Future),
    ("expected", Lean::Future),
    ("scheduled", Lean::Future),
    ("due", Lean::Future),
    ("plans", Lean::Future),
    ("planned", Lean::Future),
    ("intends", Lean::Future),
    ("upcoming", Lean::Future),
    ("is", Lean::Present),
    ("are", Lean::Present),
    ("am", Lean::Present),
    ("was", Lean::Past),
    ("were", Lean::Past),
    ("had", Lean::Past),
    ("did", Lean::Past),
    ("has", Lean::Past),
    ("have", Lean::Past),
    ("said", Lean::Past),
    ("told", Lean::Past),
    ("began", Lean::Past),
    ("took", Lean::Past),
    ("went", Lean::Past),
    ("came", Lean::Past),
    ("met", Lean::Past),
    ("held", Lean::Past),
    ("gave", Lean::Past),
    ("made", Lean::Past),
    ("left", Lean::Past),
    ("saw", Lean::Past),
    ("heard", Lean::Past),
    ("became", Lean::Past),
    ("found", Lean::Past),
    ("kept", Lean::Past),
    ("brought", Lean::Past),
    ("sent", Lean::Past),
    ("spoke", Lean::Past),
    ("wrote", Lean::Past),
    ("fell", Lean::Past),
    ("rose", Lean::Past),
    ("won", Lean::Past),
    ("lost", Lean::Past),
    ("struck", Lean::Past),
    ("killed", Lean::Past),
    ("broke", Lean::Past),
    ("led", Lean::Past),
    ("paid", Lean::Past),
    ("ran", Lean::Past),
    ("stood", Lean::Past),
    ("got", Lean::Past),
    ("ago", Lean::Past),
];

/// Words ending in `-ed` that are not past verbs, and words after which an
/// `-ed` word is an adjective (`the protected facilities`).
pub(super) const ED_NOT_PAST: &[&str] = &[
    "need",
    "speed",
    "indeed",
    "hundred",
    "red",
    "bed",
    "seed",
    "feed",
    "deed",
    "united",
    "armed",
    "based",
    "related",
    "limited",
    "detailed",
    "expected",
    "scheduled",
    "planned",
    "proposed",
];

/// Determiners: an `-ed` word right after one is an adjective.
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my",
    "your", "of", "and", "or", "all", "some", "most", "many", "more",
];

/// Words before which a bare month name or year is a time expression
/// (`in January`, `since 2014`); alone, `May` is a verb and `2022` a count.
/// `the` is not one: `the March for peace` is no month (but see the rules
/// for `the 2022 elections` and `in the spring`).
pub(super) const CALENDAR_LEADS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "of",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "-",
    "–",
    "this",
    "last",
    "next",
    "through",
    "to",
    "and",
    "between",
    "for",
    "throughout",
    "year",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "end",
];

/// Tokens that join a date and a clock time into one expression.
pub(super) const DATE_CLOCK_JOINERS: &[&str] = &[",", "at", "on", "around", "about"];

/// Tokens that join the two ends of a range.
pub(super) const RANGE_JOINERS: &[&str] = &["to", "-", "–", "—", "through", "till", "until"];

/// Dashes, for patterns: `10-12 January`, `mid-March`.
pub(super) const DASHES: &[&str] = &["-", "–", "—", "‑"];

/// Time zone words after a clock time, kept in the expression.
pub(super) const ZONES: &[&str] = &[
    "gmt", "utc", "cet", "est", "edt", "pst", "msk", "bst", "cest", "eet",
];

/// Phrases that contain time words but are no time expression; the scanner
/// steps over them whole.
pub(super) const NOT_TIMES: &[&str] = &[
    "as soon as",
    "now that",
    "for now",
    "every now and then",
    "from time to time",
    "at the same time",
    "some time",
    "second half",
    "a second",
];

/// Fixed-date holidays, as token phrases (`’` and `'` are both written),
/// with their month and day.
pub(super) const HOLIDAYS: &[(&str, u8, u8)] = &[
    ("new year '|’ s eve", 12, 31),
    ("new year '|’ s day", 1, 1),
    ("christmas eve", 12, 24),
    ("christmas day", 12, 25),
    ("christmas", 12, 25),
    ("orthodox christmas", 1, 7),
    ("international women '|’ s day", 3, 8),
    ("nauryz", 3, 22),
    ("victory day", 5, 9),
    ("halloween", 10, 31),
];

/// Words after which `10.00` is a clock time, not a decimal. Not `from`,
/// `to` or `by`: `rose from 10.30 to 10.50` is a price.
pub(super) const CLOCK_LEADS: &[&str] = &["at", "until", "till", "since", "around"];
