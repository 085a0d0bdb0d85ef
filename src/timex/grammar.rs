//! The recognition grammar: a table of token patterns, each with the resolver
//! that turns what it captured into a calendar value.
//!
//! A pattern is a space-separated list of items, matched against tokens:
//!
//! * `UPPER` names a class of tokens (`MONTH`, `DAY`, `NUM`, `CLOCK`, … see
//!   [`CLASSES`]), which captures its value;
//! * `word|other` matches one token, case-insensitively (punctuation too:
//!   `-|to`), and captures which one matched;
//! * a trailing `?` makes an item optional (matched greedily);
//! * a leading `@lead` or `<in|on>` looks at the token before the match
//!   without taking it: `@lead MONTHNAME` finds `January` in `in January` but
//!   leaves the verb `May` alone.
//!
//! Every rule is tried at every token; the longest match whose resolver
//! accepts it wins, ties going to the earlier rule.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use time::Date;

use super::lexicon::{
    Effect, Lean, Unit, CALENDAR_LEADS, CLOCK_LEADS, DASHES, DETERMINERS, HOLIDAYS, MONTHS,
    NOT_TIMES, ORDINAL_SUFFIXES, PARTS_OF_DAY, PREFIXES, RELATIVE_DAYS, SEASONS, SET_ADVERBS,
    SMALL_NUMBERS, SMALL_ORDINALS, TENS, TENSE_WORDS, TENS_ORDINALS, UNITS, VAGUE_NUMBERS,
    VAGUE_REFS, WEEKDAYS, WEEKDAYS_PLURAL, ZONES,
};
use super::tokens::{Shape, Token};
use super::value::{self, add_days, add_months, day, days_between, monday_of, shift, Point};

/// What a rule recognised, before prefixes and context are applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Core {
    /// A calendar point.
    Point(Point),
    /// A clock time with no day yet: the document's day, or a date next to it.
    Clock(u8, u8),
    /// A length of time, perhaps tied to the document date.
    Duration {
        amount: Option<u32>,
        unit: Unit,
        anchoring: Anchoring,
    },
    /// A length with a fraction (`PT1.5H`, `P2.5Y`): too uneven to anchor.
    Length(String),
    /// A recurring time (`P1D`, `XXXX-WXX-1`).
    Set(String),
    /// `PRESENT_REF`, `FUTURE_REF` or `PAST_REF`.
    Ref(&'static str),
    /// From one point to another, both included.
    Range(Point, Point),
}

/// How a duration is tied to the document date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Anchoring {
    /// Not tied: `ten days`.
    Free,
    /// Ending at the document date: `the past 24 hours`.
    Back,
    /// Starting at the document date: `the next two weeks`, `within three days`.
    Forward,
}

/// The context a rule resolves in.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ctx {
    /// The document's date, if known.
    pub anchor: Option<Date>,
    /// The day the narrative last named (`arrived on January 6 … the next
    /// day`), if any: what event-relative expressions count from.
    pub reference: Option<Date>,
    /// Which way the sentence (or a word like `until`) points.
    pub lean: Lean,
}

/// A captured value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cap {
    Month(u8),
    Day(u32),
    Year(i32),
    Num {
        value: Option<u32>,
        article: bool,
    },
    /// A unit, how many it names (`fortnight`: 2 weeks), and whether plural.
    Unit(Unit, u32, bool),
    Weekday(u8),
    Weekdays(u8),
    Part(&'static str),
    Season(&'static str),
    Clock(u8, u8),
    Date(Date),
    /// A decimal number as written (`1.5`): the whole part, and the
    /// fraction's digits as a number and how many there are.
    Decimal(u32, u32, usize),
    Word(&'static str),
}

/// Turns captures into a core value; `None` rejects the match.
type ResolveFn = fn(&[Cap], &Ctx) -> Option<Core>;

/// How a rule's captures become a value.
#[derive(Clone, Copy)]
pub(super) enum Resolver {
    /// A function of the captures and context.
    Fn(ResolveFn),
    /// A fixed vague reference.
    Ref(&'static str),
    /// A fixed set.
    Set(&'static str),
    /// A holiday on a fixed month and day.
    Holiday(u8, u8),
}

/// Token classes a pattern can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A month, full or abbreviated (`Jan.`), capitalised.
    Month,
    /// A month written in full, capitalised.
    MonthName,
    /// A day of the month: `19`, `19th`, `nineteenth`.
    Day,
    /// A day of the month written as an ordinal: `19th`, `nineteenth`.
    OrdDay,
    /// A four-digit year.
    Year,
    /// A decade: `1990s`, `2020s`.
    Decade,
    /// A cardinal number (`ten`, `twenty-four`, `24`, `a`, `several`).
    Num,
    /// A number with a decimal fraction (`1.5`).
    Decimal,
    /// A unit word (`days`, `fortnight`).
    Unit,
    /// A weekday, capitalised.
    Weekday,
    /// A plural weekday (`Mondays`).
    Weekdays,
    /// A part of the day (`morning`).
    Part,
    /// A season.
    Season,
    /// A clock time (`17:20`, `10 a.m.`, `9pm`, `5 o'clock`).
    Clock,
    /// `2022-01-13`.
    Iso,
    /// `13.01.2022`, `13/01/2022`.
    NumDate,
    /// A time zone after a clock time.
    Zone,
}

/// Class names as patterns write them.
const CLASSES: &[(&str, Class)] = &[
    ("MONTH", Class::Month),
    ("MONTHNAME", Class::MonthName),
    ("DAY", Class::Day),
    ("ORDDAY", Class::OrdDay),
    ("YEAR", Class::Year),
    ("DECADE", Class::Decade),
    ("NUM", Class::Num),
    ("DECIMAL", Class::Decimal),
    ("UNIT", Class::Unit),
    ("WEEKDAY", Class::Weekday),
    ("WEEKDAYS", Class::Weekdays),
    ("PART", Class::Part),
    ("SEASON", Class::Season),
    ("CLOCK", Class::Clock),
    ("ISO", Class::Iso),
    ("NUMDATE", Class::NumDate),
    ("ZONE", Class::Zone),
];

/// The rules, in order of preference for equally long matches.
const RULES: &[(&str, Resolver)] = &[
    // Absolute dates.
    ("ISO", Resolver::Fn(full_date)),
    ("WEEKDAY? ,? NUMDATE", Resolver::Fn(full_date)),
    (
        "WEEKDAY? ,? MONTH DAY ,? YEAR",
        Resolver::Fn(month_day_year),
    ),
    (
        "WEEKDAY? ,? the? DAY of? MONTH ,? YEAR",
        Resolver::Fn(month_day_year),
    ),
    ("WEEKDAY? ,? MONTH DAY", Resolver::Fn(month_day)),
    ("WEEKDAY? ,? the? DAY of? MONTH", Resolver::Fn(month_day)),
    (
        "<on|by|until|till|since|from|of|before|after> the? ORDDAY",
        Resolver::Fn(day_of_month),
    ),
    (
        "MONTH DAY -|–|—|to|and|through|until|till DAY ,? YEAR?",
        Resolver::Fn(day_range),
    ),
    (
        "between|from? the? DAY -|–|—|to|and|through|until|till DAY of? MONTH ,? YEAR?",
        Resolver::Fn(day_range),
    ),
    ("MONTH ,? YEAR", Resolver::Fn(month_year)),
    ("@lead MONTHNAME", Resolver::Fn(bare_month)),
    (
        "this|last|next|past|previous|coming MONTHNAME",
        Resolver::Fn(relative_month),
    ),
    ("@lead YEAR", Resolver::Fn(year)),
    ("the? DECADE", Resolver::Fn(decade)),
    ("q DAY ,? YEAR?", Resolver::Fn(quarter_number)),
    ("<the> YEAR", Resolver::Fn(year)),
    ("the? SEASON of? YEAR", Resolver::Fn(season_year)),
    (
        "this|last|next|past|previous|coming SEASON",
        Resolver::Fn(relative_season),
    ),
    ("@lead SEASON", Resolver::Fn(bare_season)),
    ("<the> SEASON", Resolver::Fn(bare_season)),
    (
        "the? first|second|third|fourth quarter of? YEAR?",
        Resolver::Fn(quarter),
    ),
    (
        "the? first|second|third|fourth quarter of this|the|next|last year",
        Resolver::Fn(quarter),
    ),
    ("the? first|second half of? YEAR", Resolver::Fn(half)),
    (
        "the? first|second half of this|the|next|last year",
        Resolver::Fn(half),
    ),
    // Days, weeks, months and years named from the document's date.
    (
        "the day before yesterday",
        Resolver::Fn(day_before_yesterday),
    ),
    ("the day after tomorrow", Resolver::Fn(day_after_tomorrow)),
    (
        "today|tonight|tomorrow|yesterday PART?",
        Resolver::Fn(relative_day),
    ),
    ("this PART", Resolver::Fn(this_part)),
    ("last night", Resolver::Fn(last_night)),
    ("overnight", Resolver::Fn(last_night)),
    (
        "this|last|next|past|previous|coming|following WEEKDAY PART?",
        Resolver::Fn(relative_weekday),
    ),
    ("WEEKDAY PART?", Resolver::Fn(bare_weekday)),
    // `last year` is a date, `the past year` a duration (below).
    (
        "this|last|next|previous|coming|following|current week|weekend|month|year",
        Resolver::Fn(relative_period),
    ),
    (
        "the this|next|previous|coming|following|current week|weekend|month|year",
        Resolver::Fn(relative_period),
    ),
    (
        "<of> the week|weekend|month|year",
        Resolver::Fn(relative_period),
    ),
    (
        "earlier|later this|last|next|current week|weekend|month|year",
        Resolver::Fn(relative_period),
    ),
    (
        "this time last|next week|month|year",
        Resolver::Fn(this_time),
    ),
    (
        "the? first|second|third decade of MONTH ,? YEAR?",
        Resolver::Fn(ten_days),
    ),
    ("NUM UNIT ago", Resolver::Fn(ago)),
    ("NUM UNIT earlier|before", Resolver::Fn(earlier)),
    ("NUM UNIT later|afterwards|after", Resolver::Fn(later)),
    ("the next|following|subsequent day", Resolver::Fn(next_day)),
    ("the previous|preceding day", Resolver::Fn(previous_day)),
    ("the day before", Resolver::Fn(previous_day)),
    ("the same day", Resolver::Fn(same_day)),
    ("in NUM UNIT", Resolver::Fn(in_future)),
    ("NUM UNIT from now", Resolver::Fn(in_future)),
    // `over the past 24 hours` is not `over` (more than) a duration.
    // With no number, only `the past year` is a length; `the last days` and
    // `the coming weeks` are directions, and `the next day` counts from the
    // narrative's day (above), not from the document's.
    (
        "over|during|in|for|throughout? the? past|last|previous NUM UNIT",
        Resolver::Fn(past_duration),
    ),
    (
        "over|during|in|for|throughout? the? past UNIT",
        Resolver::Fn(past_duration),
    ),
    (
        "over|during|in|for|throughout? the? last|previous UNIT",
        Resolver::Fn(past_direction),
    ),
    (
        "over|during|in|for|throughout? the? next|coming|following NUM UNIT",
        Resolver::Fn(next_duration),
    ),
    (
        "over|during|in|for|throughout? the? next|coming|following UNIT",
        Resolver::Fn(future_direction),
    ),
    // Lengths of time.
    ("NUM -? UNIT", Resolver::Fn(duration)),
    ("NUM -? UNIT -? long", Resolver::Fn(duration)),
    ("DECIMAL -? UNIT", Resolver::Fn(fractional)),
    ("NUM and a half UNIT", Resolver::Fn(fractional)),
    ("NUM UNIT and a half", Resolver::Fn(fractional)),
    ("half an? hour|day|year|month", Resolver::Fn(half_unit)),
    ("a half -? hour", Resolver::Fn(half_unit)),
    // Sets.
    ("every|each NUM? UNIT", Resolver::Fn(every_unit)),
    ("every|each other UNIT", Resolver::Fn(every_other_unit)),
    ("every|each WEEKDAY", Resolver::Fn(every_weekday)),
    ("WEEKDAYS", Resolver::Fn(every_weekday)),
    ("every|each PART", Resolver::Fn(every_part)),
    ("once|twice a|per UNIT", Resolver::Fn(per_unit)),
    ("NUM times a|per UNIT", Resolver::Fn(per_unit)),
    ("per UNIT", Resolver::Fn(per_unit)),
    // Clock times.
    ("CLOCK ZONE?", Resolver::Fn(clock)),
    ("CLOCK local time", Resolver::Fn(clock)),
    (
        "<at|by|until|till|before|after|from|since|around|about> noon|midday",
        Resolver::Fn(noon),
    ),
    (
        "<at|by|until|till|before|after|from|since|around|about> midnight",
        Resolver::Fn(midnight),
    ),
];

/// A word's number in the grammar's vocabulary: every word a pattern or a
/// table compares a token with has one, so a comparison is of two numbers.
pub(super) type WordId = u16;

/// The id of a token that is no word of the vocabulary.
pub(super) const UNKNOWN: WordId = 0;

/// A pattern item.
#[derive(Debug, Clone)]
enum El {
    Class(Class),
    /// Alternatives, with their ids.
    Words(Vec<(WordId, &'static str)>),
}

#[derive(Debug, Clone)]
struct Item {
    el: El,
    optional: bool,
}

#[derive(Debug, Clone)]
enum Behind {
    Anything,
    Leads,
    Words(Vec<WordId>),
}

/// A condition on one token: any token (even none), or a number (if
/// `numbers`) or a word whose id is in the bit set `words`.
#[derive(Debug, Clone, Default)]
struct TokenSet {
    any: bool,
    numbers: bool,
    words: Vec<u64>,
}

impl TokenSet {
    fn add(&mut self, id: WordId) {
        let (word, bit) = (usize::from(id) / 64, id % 64);
        if self.words.len() <= word {
            self.words.resize(word + 1, 0);
        }
        if let Some(w) = self.words.get_mut(word) {
            *w |= 1 << bit;
        }
    }

    fn admits(&self, token: Option<&Token<'_>>) -> bool {
        self.admits_key(token.map(|t| (t.shape == Shape::Number, t.id)))
    }

    /// [`TokenSet::admits`] for a token known by whether it is a number
    /// and its word id (`None`: no token).
    fn admits_key(&self, key: Option<(bool, WordId)>) -> bool {
        if self.any {
            return true;
        }
        let Some((number, id)) = key else {
            return false;
        };
        (self.numbers && number)
            || self
                .words
                .get(usize::from(id) / 64)
                .is_some_and(|w| w >> (id % 64) & 1 == 1)
    }

    /// Adds every token `other` admits.
    fn union(&mut self, other: &TokenSet) {
        self.any |= other.any;
        self.numbers |= other.numbers;
        if self.words.len() < other.words.len() {
            self.words.resize(other.words.len(), 0);
        }
        for (slot, w) in self.words.iter_mut().zip(&other.words) {
            *slot |= w;
        }
    }
}

/// A compiled rule.
pub(super) struct Rule {
    behind: Behind,
    items: Vec<Item>,
    /// The ways a match can open: what its first token can be, and then
    /// what the token after it can be. A necessary condition, checked
    /// before matching.
    openings: Vec<(TokenSet, TokenSet)>,
    resolver: Resolver,
    /// The pattern as written, for test messages.
    #[cfg_attr(not(test), allow(dead_code))]
    pub pattern: String,
}

/// A hasher for the vocabulary's short keys (FxHash's mixing step).
#[derive(Default)]
struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

type WordMap = HashMap<&'static str, WordId, BuildHasherDefault<WordHasher>>;

/// The vocabulary as it is built: ids are given in order from 1.
#[derive(Default)]
struct Interner {
    ids: WordMap,
}

impl Interner {
    fn intern(&mut self, word: &'static str) -> WordId {
        let next = WordId::try_from(self.ids.len() + 1).unwrap_or(WordId::MAX);
        *self.ids.entry(word).or_insert(next)
    }

    fn phrase(&mut self, phrase: &'static str) -> Vec<WordId> {
        phrase.split(' ').map(|w| self.intern(w)).collect()
    }
}

/// Everything built once from the tables: the vocabulary, the compiled
/// rules and the indexes by a token's word.
pub(super) struct Grammar {
    ids: WordMap,
    /// The longest word of the vocabulary, in bytes.
    longest: usize,
    /// A bit for each [`filter_key`] of a vocabulary word: a word whose
    /// bit is clear is none, and needs no hashing.
    filter: Vec<u64>,
    rules: Vec<Rule>,
    /// By word id: whether a word can begin an expression, a prefix or a
    /// skipped phrase.
    starts: Vec<bool>,
    /// Rules (by index, in table order) that can begin at a number.
    numeric: Vec<usize>,
    /// The rules of `numeric` whose openings admit a number (of word id
    /// [`UNKNOWN`]) followed by: no token, a number (also [`UNKNOWN`]), and
    /// by word id any other token.
    numeric_at_end: Vec<usize>,
    numeric_before_number: Vec<usize>,
    numeric_before_word: Vec<Vec<usize>>,
    /// By word id: rules (by index, in table order) that can begin there,
    /// each with the tokens its openings that begin with that word admit
    /// next (their union).
    by_word: Vec<Vec<(usize, TokenSet)>>,
    /// By word id: whether it is a calendar lead (`@lead`).
    leads: Vec<bool>,
    /// Prefix phrases, longest first, and by first word id the indexes of
    /// those starting with it (in that order).
    pub prefixes: Vec<(Vec<WordId>, Effect)>,
    prefixes_by_word: Vec<Vec<usize>>,
    /// Skipped phrases in table order, and by first word id their indexes.
    pub not_times: Vec<Vec<WordId>>,
    not_times_by_word: Vec<Vec<usize>>,
    /// Vague quantities, longest first, and whether each has `couple`.
    vague_numbers: Vec<(Vec<WordId>, bool)>,
    /// By word id: the lean of the first tense word it is, if any.
    pub tense: Vec<Option<Lean>>,
    /// By word id: whether it is a determiner.
    pub determiner: Vec<bool>,
    /// The word tables by word id (the first entry of each word).
    months: Vec<Option<(u8, bool)>>,
    weekdays: Vec<Option<u8>>,
    weekdays_plural: Vec<Option<u8>>,
    small_numbers: Vec<Option<u32>>,
    tens: Vec<Option<u32>>,
    small_ordinals: Vec<Option<u32>>,
    tens_ordinals: Vec<Option<u32>>,
    units: Vec<Option<(Unit, u32)>>,
    parts: Vec<Option<&'static str>>,
    seasons: Vec<Option<&'static str>>,
    zones: Vec<Option<&'static str>>,
    ordinal_suffixes: Vec<bool>,
}

/// A word table as (id, value) pairs, in table order.
fn table_ids<T: Copy>(words: &mut Interner, table: &[(&'static str, T)]) -> Vec<(WordId, T)> {
    table.iter().map(|(w, v)| (words.intern(w), *v)).collect()
}

/// A table of (id, value) pairs by id, keeping each id's first value.
fn by_id<T: Copy>(pairs: &[(WordId, T)], size: usize) -> Vec<Option<T>> {
    let mut table = vec![None; size];
    for (id, value) in pairs {
        if let Some(slot @ None) = table.get_mut(usize::from(*id)) {
            *slot = Some(*value);
        }
    }
    table
}

/// The value of word `id` in a table by id.
fn get<T: Copy>(table: &[Option<T>], id: WordId) -> Option<T> {
    table.get(usize::from(id)).copied().flatten()
}

/// Compiles a pattern. Unknown upper-case names stay literal words (that
/// never match, as tokens are compared in lower case); a test checks none.
fn compile(pattern: &'static str, resolver: Resolver, words: &mut Interner) -> Rule {
    let mut behind = Behind::Anything;
    let mut items = Vec::new();
    for piece in pattern.split_whitespace() {
        if piece == "@lead" {
            behind = Behind::Leads;
            continue;
        }
        if let Some(inner) = piece.strip_prefix('<').and_then(|p| p.strip_suffix('>')) {
            behind = Behind::Words(inner.split('|').map(|w| words.intern(w)).collect());
            continue;
        }
        let (body, optional) = match piece.strip_suffix('?') {
            Some(body) if !body.is_empty() => (body, true),
            _ => (piece, false),
        };
        let el = match CLASSES.iter().find(|(name, _)| *name == body) {
            Some((_, class)) => El::Class(*class),
            None => El::Words(body.split('|').map(|w| (words.intern(w), w)).collect()),
        };
        items.push(Item { el, optional });
    }
    Rule {
        behind,
        items,
        openings: Vec::new(),
        resolver,
        pattern: pattern.to_string(),
    }
}

/// The grammar, built on first use.
pub(super) fn grammar() -> &'static Grammar {
    static CELL: OnceLock<Grammar> = OnceLock::new();
    CELL.get_or_init(build)
}

fn build() -> Grammar {
    let mut words = Interner::default();
    let rules = compile_rules(&mut words);
    // Every word that can begin an expression, a prefix or a skipped phrase:
    // the words of all patterns and all word tables. A token outside it that
    // is not a number starts nothing, so the scanner passes it by at once
    // (this is what keeps 2 MB of text fast) and punctuation never opens a
    // mention.
    let mut starting: Vec<&'static str> = Vec::new();
    for rule in &rules {
        for item in &rule.items {
            if let El::Words(alternatives) = &item.el {
                starting.extend(alternatives.iter().map(|(_, w)| *w));
            }
        }
    }
    let phrases = PREFIXES
        .iter()
        .map(|(p, _)| *p)
        .chain(NOT_TIMES.iter().copied())
        .chain(VAGUE_NUMBERS.iter().copied());
    for phrase in phrases {
        starting.extend(phrase.split(' '));
    }
    let tables = MONTHS
        .iter()
        .map(|(w, _, _)| *w)
        .chain(WEEKDAYS.iter().map(|(w, _)| *w))
        .chain(WEEKDAYS_PLURAL.iter().map(|(w, _)| *w))
        .chain(SMALL_NUMBERS.iter().map(|(w, _)| *w))
        .chain(TENS.iter().map(|(w, _)| *w))
        .chain(SMALL_ORDINALS.iter().map(|(w, _)| *w))
        .chain(TENS_ORDINALS.iter().map(|(w, _)| *w))
        .chain(UNITS.iter().map(|(w, _, _)| *w))
        .chain(PARTS_OF_DAY.iter().map(|(w, _)| *w))
        .chain(SEASONS.iter().map(|(w, _)| *w))
        .chain(["a", "an"]);
    starting.extend(tables);
    let starting: Vec<WordId> = starting.into_iter().map(|w| words.intern(w)).collect();

    // The rules that can begin at a token: those whose first items can
    // match a number, for a number, else those that can match its word.
    // Indexing the table this way keeps each token's cost to the few rules
    // that may apply.
    let mut numeric = Vec::new();
    let mut rule_words: Vec<Vec<WordId>> = Vec::new();
    for (r, rule) in rules.iter().enumerate() {
        let mut takes_numbers = false;
        let mut first: Vec<WordId> = Vec::new();
        // The items that can supply the first token: up to the first one
        // that is not optional.
        for item in &rule.items {
            match &item.el {
                El::Words(alternatives) => first.extend(alternatives.iter().map(|(id, _)| *id)),
                El::Class(class) => {
                    let (numbers, table) = class_words(*class);
                    takes_numbers |= numbers;
                    first.extend(table.into_iter().map(|w| words.intern(w)));
                }
            }
            if !item.optional {
                break;
            }
        }
        if takes_numbers {
            numeric.push(r);
        }
        first.sort_unstable();
        first.dedup();
        rule_words.push(first);
    }

    let mut rules = rules;
    for rule in &mut rules {
        rule.openings = openings(&rule.items, &mut words);
    }

    let mut prefixes: Vec<(Vec<WordId>, Effect)> = PREFIXES
        .iter()
        .map(|(phrase, effect)| (words.phrase(phrase), *effect))
        .collect();
    prefixes.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
    let not_times: Vec<Vec<WordId>> = NOT_TIMES.iter().map(|p| words.phrase(p)).collect();
    let mut vague_numbers: Vec<(Vec<WordId>, bool)> = VAGUE_NUMBERS
        .iter()
        .map(|p| (words.phrase(p), p.split(' ').any(|w| w == "couple")))
        .collect();
    vague_numbers.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
    let leads: Vec<WordId> = CALENDAR_LEADS.iter().map(|w| words.intern(w)).collect();
    let tense_words: Vec<(WordId, Lean)> = TENSE_WORDS
        .iter()
        .map(|(w, lean)| (words.intern(w), *lean))
        .collect();
    let determiners: Vec<WordId> = DETERMINERS.iter().map(|w| words.intern(w)).collect();
    let months: Vec<(WordId, (u8, bool))> = MONTHS
        .iter()
        .map(|(w, m, full)| (words.intern(w), (*m, *full)))
        .collect();
    let weekdays = table_ids(&mut words, WEEKDAYS);
    let weekdays_plural = table_ids(&mut words, WEEKDAYS_PLURAL);
    let small_numbers = table_ids(&mut words, SMALL_NUMBERS);
    let tens = table_ids(&mut words, TENS);
    let small_ordinals = table_ids(&mut words, SMALL_ORDINALS);
    let tens_ordinals = table_ids(&mut words, TENS_ORDINALS);
    let units: Vec<(WordId, (Unit, u32))> = UNITS
        .iter()
        .map(|(w, u, n)| (words.intern(w), (*u, *n)))
        .collect();
    let parts = table_ids(&mut words, PARTS_OF_DAY);
    let seasons = table_ids(&mut words, SEASONS);
    let zones: Vec<(WordId, &'static str)> = ZONES.iter().map(|w| (words.intern(w), *w)).collect();
    let ordinal_suffixes: Vec<WordId> = ORDINAL_SUFFIXES.iter().map(|w| words.intern(w)).collect();

    // All words are in: the tables by id.
    let size = words.ids.len() + 1;
    let flags = |members: &[WordId]| {
        let mut table = vec![false; size];
        for &id in members {
            if let Some(slot) = table.get_mut(usize::from(id)) {
                *slot = true;
            }
        }
        table
    };
    let by_first = |phrases: &mut dyn Iterator<Item = &Vec<WordId>>| {
        let mut table: Vec<Vec<usize>> = vec![Vec::new(); size];
        for (k, phrase) in phrases.enumerate() {
            if let Some(slot) = phrase
                .first()
                .and_then(|id| table.get_mut(usize::from(*id)))
            {
                slot.push(k);
            }
        }
        table
    };
    let mut by_word: Vec<Vec<(usize, TokenSet)>> = vec![Vec::new(); size];
    for (r, first) in rule_words.iter().enumerate() {
        let Some(rule) = rules.get(r) else {
            continue;
        };
        for &id in first {
            if let Some(slot) = by_word.get_mut(usize::from(id)) {
                let mut next = TokenSet::default();
                for (open, then) in &rule.openings {
                    if open.admits_key(Some((false, id))) {
                        next.union(then);
                    }
                }
                slot.push((r, next));
            }
        }
    }
    // A number token's candidates, by the token after it.
    let numeric_for = |after: Option<(bool, WordId)>| -> Vec<usize> {
        numeric
            .iter()
            .copied()
            .filter(|&r| {
                rules.get(r).is_some_and(|rule| {
                    rule.openings.iter().any(|(open, then)| {
                        open.admits_key(Some((true, UNKNOWN))) && then.admits_key(after)
                    })
                })
            })
            .collect()
    };
    let numeric_at_end = numeric_for(None);
    let numeric_before_number = numeric_for(Some((true, UNKNOWN)));
    let numeric_before_word: Vec<Vec<usize>> = (0..size)
        .map(|id| numeric_for(Some((false, WordId::try_from(id).unwrap_or(UNKNOWN)))))
        .collect();
    let mut tense: Vec<Option<Lean>> = vec![None; size];
    for (id, lean) in &tense_words {
        if let Some(slot @ None) = tense.get_mut(usize::from(*id)) {
            *slot = Some(*lean);
        }
    }
    let mut filter = vec![0u64; FILTER_BITS / 64];
    for word in words.ids.keys() {
        let key = filter_key(word.as_bytes());
        if let Some(slot) = filter.get_mut(key / 64) {
            *slot |= 1 << (key % 64);
        }
    }
    Grammar {
        longest: words.ids.keys().map(|w| w.len()).max().unwrap_or(0),
        filter,
        starts: flags(&starting),
        numeric,
        numeric_at_end,
        numeric_before_number,
        numeric_before_word,
        by_word,
        leads: flags(&leads),
        prefixes_by_word: by_first(&mut prefixes.iter().map(|(p, _)| p)),
        prefixes,
        not_times_by_word: by_first(&mut not_times.iter()),
        not_times,
        vague_numbers,
        tense,
        determiner: flags(&determiners),
        months: by_id(&months, size),
        weekdays: by_id(&weekdays, size),
        weekdays_plural: by_id(&weekdays_plural, size),
        small_numbers: by_id(&small_numbers, size),
        tens: by_id(&tens, size),
        small_ordinals: by_id(&small_ordinals, size),
        tens_ordinals: by_id(&tens_ordinals, size),
        units: by_id(&units, size),
        parts: by_id(&parts, size),
        seasons: by_id(&seasons, size),
        zones: by_id(&zones, size),
        ordinal_suffixes: flags(&ordinal_suffixes),
        rules,
        ids: words.ids,
    }
}

/// The tokens an item can begin with, and whether it can take more than one.
fn first_tokens(el: &El, words: &mut Interner) -> (TokenSet, bool) {
    let mut set = TokenSet::default();
    match el {
        El::Words(alternatives) => {
            for (id, _) in alternatives {
                set.add(*id);
            }
            (set, false)
        }
        El::Class(class) => {
            let (numbers, table) = class_words(*class);
            set.numbers = numbers;
            for w in table {
                set.add(words.intern(w));
            }
            let single = matches!(
                class,
                Class::Year
                    | Class::Unit
                    | Class::Weekday
                    | Class::Weekdays
                    | Class::Part
                    | Class::Season
                    | Class::Zone
            );
            (set, !single)
        }
    }
}

/// Every way a match of `items` can open (see [`Rule::openings`]): for each
/// item that can be the first one taken (those before it being optional),
/// its first tokens, and the tokens that can follow: any, if the item can
/// take several tokens or the match can end after it, else the first
/// tokens of each item that can be taken next.
fn openings(items: &[Item], words: &mut Interner) -> Vec<(TokenSet, TokenSet)> {
    let mut out = Vec::new();
    for (k, item) in items.iter().enumerate() {
        let (first, multi) = first_tokens(&item.el, words);
        let mut next = TokenSet::default();
        if multi {
            next.any = true;
        } else {
            next.any = true;
            for later in items.get(k + 1..).unwrap_or_default() {
                let (set, _) = first_tokens(&later.el, words);
                next.numbers |= set.numbers;
                for (n, w) in set.words.iter().enumerate() {
                    if next.words.len() <= n {
                        next.words.resize(n + 1, 0);
                    }
                    if let Some(slot) = next.words.get_mut(n) {
                        *slot |= w;
                    }
                }
                if !later.optional {
                    next.any = false;
                    break;
                }
            }
        }
        out.push((first, next));
        if !item.optional {
            break;
        }
    }
    out
}

/// All rules, compiled once: the table above, then one per vague reference
/// and set adverb of the lexicon.
fn compile_rules(words: &mut Interner) -> Vec<Rule> {
    let mut rules: Vec<Rule> = RULES.iter().map(|(p, r)| compile(p, *r, words)).collect();
    rules.extend(
        VAGUE_REFS
            .iter()
            .map(|(phrase, value)| compile(phrase, Resolver::Ref(value), words)),
    );
    for (phrase, month, d) in HOLIDAYS {
        let holiday = Resolver::Holiday(*month, *d);
        rules.push(compile(phrase, holiday, words));
        // `{phrase} ,? YEAR`, compiled in two parts to keep `&'static` words.
        let mut with_year = compile(phrase, holiday, words);
        with_year
            .items
            .extend(compile(",? YEAR", holiday, words).items);
        with_year.pattern = format!("{phrase} ,? YEAR");
        rules.push(with_year);
    }
    rules.extend(
        SET_ADVERBS
            .iter()
            .map(|(word, value)| compile(word, Resolver::Set(value), words)),
    );
    rules
}

/// The compiled rules.
#[cfg(test)]
pub(super) fn rules() -> &'static [Rule] {
    &grammar().rules
}

/// The number of bits of [`Grammar::filter`].
const FILTER_BITS: usize = 1 << 16;

/// A word's place in [`Grammar::filter`]: five bits each of its first and
/// last bytes and six of its length.
fn filter_key(word: &[u8]) -> usize {
    let (first, last) = match (word.first(), word.last()) {
        (Some(&f), Some(&l)) => (usize::from(f & 31), usize::from(l & 31)),
        _ => (0, 0),
    };
    first << 11 | last << 6 | (word.len() & 63)
}

/// A lower-case word's id, [`UNKNOWN`] if the grammar has no such word.
pub(super) fn word_id(lower: &str) -> WordId {
    let grammar = grammar();
    if lower.len() > grammar.longest {
        return UNKNOWN;
    }
    let key = filter_key(lower.as_bytes());
    let maybe = grammar
        .filter
        .get(key / 64)
        .is_some_and(|w| w >> (key % 64) & 1 == 1);
    if !maybe {
        return UNKNOWN;
    }
    grammar.ids.get(lower).copied().unwrap_or(UNKNOWN)
}

/// Whether `table`, by word id, holds `true` for `id`.
pub(super) fn flag(table: &[bool], id: WordId) -> bool {
    table.get(usize::from(id)).copied().unwrap_or(false)
}

/// Whether an expression, a prefix or a skipped phrase can begin at
/// `token`: a number, or a word of the vocabulary that begins one.
pub(super) fn may_start(token: &Token<'_>) -> bool {
    match token.shape {
        Shape::Number => true,
        Shape::Word => flag(&grammar().starts, token.id),
        Shape::Punct => false,
    }
}

/// The indexes into `phrases` of those that can start at `token`, by the
/// `index` of first words.
fn starting_with<'g>(index: &'g [Vec<usize>], token: Option<&Token<'_>>) -> &'g [usize] {
    token
        .and_then(|t| index.get(usize::from(t.id)))
        .map_or(&[], Vec::as_slice)
}

/// The length of the first skipped phrase (`as soon as`) at token `i`.
pub(super) fn not_time_at(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    let grammar = grammar();
    starting_with(&grammar.not_times_by_word, tokens.get(i))
        .iter()
        .filter_map(|&k| grammar.not_times.get(k))
        .find(|phrase| phrase_at(tokens, i, phrase))
        .map(Vec::len)
}

/// The longest prefix phrase at token `i` (the first in table order of
/// those as long), its length and effect.
pub(super) fn prefix_at(tokens: &[Token<'_>], i: usize) -> Option<(usize, Effect)> {
    let grammar = grammar();
    starting_with(&grammar.prefixes_by_word, tokens.get(i))
        .iter()
        .filter_map(|&k| grammar.prefixes.get(k))
        .find(|(phrase, _)| phrase_at(tokens, i, phrase))
        .map(|(phrase, effect)| (phrase.len(), *effect))
}

/// Whether a class can begin with a digit token, and the words (lower
/// case) it can begin with.
fn class_words(class: Class) -> (bool, Vec<&'static str>) {
    let words: Vec<&str> = match class {
        Class::Month | Class::MonthName => MONTHS.iter().map(|(w, _, _)| *w).collect(),
        Class::Weekday => WEEKDAYS.iter().map(|(w, _)| *w).collect(),
        Class::Weekdays => WEEKDAYS_PLURAL.iter().map(|(w, _)| *w).collect(),
        Class::Num => SMALL_NUMBERS
            .iter()
            .chain(TENS)
            .map(|(w, _)| *w)
            .chain(VAGUE_NUMBERS.iter().filter_map(|p| p.split(' ').next()))
            .chain(["a", "an"])
            .collect(),
        Class::Day | Class::OrdDay => SMALL_ORDINALS
            .iter()
            .chain(TENS_ORDINALS)
            .chain(TENS)
            .map(|(w, _)| *w)
            .collect(),
        Class::Unit => UNITS.iter().map(|(w, _, _)| *w).collect(),
        Class::Part => PARTS_OF_DAY.iter().map(|(w, _)| *w).collect(),
        Class::Season => SEASONS.iter().map(|(w, _)| *w).collect(),
        Class::Zone => ZONES.to_vec(),
        Class::Year
        | Class::Decade
        | Class::Decimal
        | Class::Clock
        | Class::Iso
        | Class::NumDate => Vec::new(),
    };
    let numeric = matches!(
        class,
        Class::Day
            | Class::OrdDay
            | Class::Year
            | Class::Decade
            | Class::Decimal
            | Class::Num
            | Class::Clock
            | Class::Iso
            | Class::NumDate
    );
    (numeric, words)
}

/// A rule's match at a token: the core and the token after it.
pub(super) struct Found {
    pub core: Core,
    pub end: usize,
}

/// The best rule match starting at token `i`.
///
/// A match its resolver rejects (`February 30`, `10:75` is never matched at
/// all) also blocks every shorter reading at the same token, so the bad date
/// gives no time rather than a misleading `February`.
pub(super) fn match_at(tokens: &[Token<'_>], i: usize, ctx: &Ctx) -> Option<Found> {
    let grammar = grammar();
    let all = &grammar.rules;
    let token = tokens.get(i)?;
    let after = tokens.get(i + 1);
    if token.shape != Shape::Number {
        let mut candidates = grammar
            .by_word
            .get(usize::from(token.id))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter(|(_, next)| next.admits(after))
            .filter_map(|(r, _)| all.get(*r));
        return best_of(&mut candidates, tokens, i, ctx);
    }
    // The rules whose openings admit this number and the token after it.
    let indexed: Option<&[usize]> = match after {
        _ if token.id != UNKNOWN => None,
        None => Some(&grammar.numeric_at_end),
        Some(a) if a.shape == Shape::Number => {
            (a.id == UNKNOWN).then_some(grammar.numeric_before_number.as_slice())
        }
        Some(a) => grammar
            .numeric_before_word
            .get(usize::from(a.id))
            .map(Vec::as_slice),
    };
    if let Some(numeric) = indexed {
        let mut candidates = numeric.iter().filter_map(|&r| all.get(r));
        return best_of(&mut candidates, tokens, i, ctx);
    }
    // A number with a word id (the vocabulary has none): every opening is checked.
    let mut candidates = grammar
        .numeric
        .iter()
        .filter_map(|&r| all.get(r))
        .filter(|rule| {
            rule.openings
                .iter()
                .any(|(first, next)| first.admits(Some(token)) && next.admits(after))
        });
    best_of(&mut candidates, tokens, i, ctx)
}

/// The best match at token `i` among `rules` (in table order).
fn best_of(
    rules: &mut dyn Iterator<Item = &Rule>,
    tokens: &[Token<'_>],
    i: usize,
    ctx: &Ctx,
) -> Option<Found> {
    let mut best: Option<Found> = None;
    let mut rejected = 0;
    let mut caps = Caps::default();
    for rule in rules {
        caps.clear();
        if !behind_ok(&rule.behind, tokens, i) {
            continue;
        }
        let Some(mut end) = match_items(&rule.items, tokens, i, &mut caps) else {
            continue;
        };
        // An optional comma before an absent year is not part of the date.
        while end > i + 1 && tokens.get(end - 1).is_some_and(|t| t.text == ",") {
            end -= 1;
        }
        if end <= i || best.as_ref().is_some_and(|b| b.end >= end) {
            continue;
        }
        let core = match rule.resolver {
            Resolver::Fn(resolve) => resolve(caps.as_slice(), ctx),
            Resolver::Ref(value) => Some(Core::Ref(value)),
            Resolver::Set(value) => Some(Core::Set(value.to_string())),
            Resolver::Holiday(month, d) => {
                let year = year_of(caps.as_slice());
                match year {
                    Some(y) => {
                        day(y, month, u32::from(d)).map(|date| Core::Point(Point::Day(date)))
                    }
                    None => month_day_point(ctx, month, u32::from(d)).map(Core::Point),
                }
            }
        };
        match core {
            Some(core) => best = Some(Found { core, end }),
            None => rejected = rejected.max(end),
        }
    }
    best.filter(|b| b.end > rejected)
}

fn behind_ok(behind: &Behind, tokens: &[Token<'_>], i: usize) -> bool {
    let previous = i.checked_sub(1).and_then(|p| tokens.get(p));
    match behind {
        Behind::Anything => true,
        Behind::Leads => previous.is_some_and(|t| flag(&grammar().leads, t.id)),
        Behind::Words(words) => previous.is_some_and(|t| t.id != UNKNOWN && words.contains(&t.id)),
    }
}

/// The most captures a match can hold: one per item (a test checks that
/// no rule has more items).
const MAX_CAPS: usize = 12;

/// A match's captures, on the stack: a match is tried at almost every
/// number and calendar word, and most fail.
struct Caps {
    items: [Cap; MAX_CAPS],
    len: usize,
}

impl Default for Caps {
    fn default() -> Self {
        Caps {
            items: [Cap::Month(0); MAX_CAPS],
            len: 0,
        }
    }
}

impl Caps {
    /// Adds a capture; `None` if there is no room (no rule has that many
    /// items).
    fn push(&mut self, cap: Cap) -> Option<()> {
        *self.items.get_mut(self.len)? = cap;
        self.len += 1;
        Some(())
    }

    fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len);
    }

    fn clear(&mut self) {
        self.len = 0;
    }

    fn as_slice(&self) -> &[Cap] {
        self.items.get(..self.len).unwrap_or_default()
    }
}

fn match_items(items: &[Item], tokens: &[Token<'_>], i: usize, caps: &mut Caps) -> Option<usize> {
    let Some((first, rest)) = items.split_first() else {
        return Some(i);
    };
    let mark = caps.len;
    if let Some((next, cap)) = match_el(&first.el, tokens, i) {
        if let Some(cap) = cap {
            caps.push(cap)?;
        }
        if let Some(end) = match_items(rest, tokens, next, caps) {
            return Some(end);
        }
        caps.truncate(mark);
    }
    if first.optional {
        return match_items(rest, tokens, i, caps);
    }
    None
}

fn match_el(el: &El, tokens: &[Token<'_>], i: usize) -> Option<(usize, Option<Cap>)> {
    match el {
        El::Words(words) => {
            let token = tokens.get(i)?;
            if token.id == UNKNOWN {
                return None;
            }
            let (_, word) = words.iter().find(|(id, _)| *id == token.id)?;
            Some((i + 1, Some(Cap::Word(word))))
        }
        El::Class(class) => {
            let (next, cap) = match_class(*class, tokens, i)?;
            Some((next, Some(cap)))
        }
    }
}

/// Whether token `i` is the glued punctuation `p`.
fn glued_punct(tokens: &[Token<'_>], i: usize, p: &[&str]) -> bool {
    tokens
        .get(i)
        .is_some_and(|t| t.glued && t.shape == Shape::Punct && p.contains(&t.text))
}

fn glued_number(
    tokens: &[Token<'_>],
    i: usize,
    digits: std::ops::RangeInclusive<usize>,
) -> Option<u32> {
    let t = tokens.get(i)?;
    (t.glued && digits.contains(&t.text.len())).then_some(())?;
    t.number()
}

fn match_class(class: Class, tokens: &[Token<'_>], i: usize) -> Option<(usize, Cap)> {
    let g = grammar();
    let token = tokens.get(i)?;
    let word = token.lower;
    match class {
        Class::Month | Class::MonthName => {
            if !token.capitalised() {
                return None;
            }
            let (month, full) = get(&g.months, token.id)?;
            if class == Class::MonthName && !full {
                return None;
            }
            let next = if !full && glued_punct(tokens, i + 1, &["."]) {
                i + 2
            } else {
                i + 1
            };
            Some((next, Cap::Month(month)))
        }
        Class::Day | Class::OrdDay => {
            let (next, value, ordinal) = match_day(tokens, i)?;
            if class == Class::OrdDay && !ordinal {
                return None;
            }
            (1..=31).contains(&value).then_some((next, Cap::Day(value)))
        }
        Class::Year => {
            let value = token.number().filter(|_| token.text.len() == 4)?;
            if tokens
                .get(i + 1)
                .is_some_and(|t| t.glued && t.shape != Shape::Punct)
            {
                return None;
            }
            (1000..=9999)
                .contains(&value)
                .then_some((i + 1, Cap::Year(i32::try_from(value).ok()?)))
        }
        Class::Decade => {
            let value = token.number().filter(|_| token.text.len() == 4)?;
            let s = tokens.get(i + 1).filter(|t| t.glued && t.lower == "s")?;
            let _ = s;
            (value % 10 == 0 && (1000..=9990).contains(&value))
                .then_some((i + 2, Cap::Year(i32::try_from(value).ok()?)))
        }
        Class::Num => match_num(tokens, i),
        Class::Decimal => {
            let whole = token.number().filter(|_| token.text.len() <= 4)?;
            let fraction = tokens.get(i + 2).filter(|t| t.glued && t.text.len() <= 2)?;
            fraction.number()?;
            if !glued_punct(tokens, i + 1, &["."]) {
                return None;
            }
            let digits = fraction.number()?;
            Some((i + 3, Cap::Decimal(whole, digits, fraction.text.len())))
        }
        Class::Unit => {
            let (unit, count) = get(&g.units, token.id)?;
            let plural = word.ends_with('s') && unit != Unit::Second || word == "seconds";
            Some((i + 1, Cap::Unit(unit, count, plural)))
        }
        Class::Weekday => {
            let day = get(&g.weekdays, token.id).filter(|_| token.capitalised())?;
            Some((i + 1, Cap::Weekday(day)))
        }
        Class::Weekdays => {
            let day = get(&g.weekdays_plural, token.id).filter(|_| token.capitalised())?;
            Some((i + 1, Cap::Weekdays(day)))
        }
        Class::Part => Some((i + 1, Cap::Part(get(&g.parts, token.id)?))),
        Class::Season => Some((i + 1, Cap::Season(get(&g.seasons, token.id)?))),
        Class::Clock => match_clock(tokens, i),
        Class::Iso => {
            let year = token.number().filter(|_| token.text.len() == 4)?;
            let dashes = glued_punct(tokens, i + 1, &["-"]) && glued_punct(tokens, i + 3, &["-"]);
            let month = glued_number(tokens, i + 2, 2..=2)?;
            let d = glued_number(tokens, i + 4, 2..=2)?;
            if !dashes {
                return None;
            }
            let date = day(i32::try_from(year).ok()?, u8::try_from(month).ok()?, d)?;
            Some((i + 5, Cap::Date(date)))
        }
        Class::NumDate => {
            let first = token.number().filter(|_| token.text.len() <= 2)?;
            let sep = tokens.get(i + 1).filter(|t| t.glued)?.text;
            if ![".", "/"].contains(&sep) || !glued_punct(tokens, i + 3, &[sep]) {
                return None;
            }
            let second = glued_number(tokens, i + 2, 1..=2)?;
            let year = i32::try_from(glued_number(tokens, i + 4, 4..=4)?).ok()?;
            // Day first, as most of the world writes it; a slash date whose
            // second number cannot be a month is American month-first.
            let (d, m) = if sep == "/" && second > 12 {
                (second, first)
            } else {
                (first, second)
            };
            let date = day(year, u8::try_from(m).ok()?, d)?;
            Some((i + 5, Cap::Date(date)))
        }
        Class::Zone => get(&g.zones, token.id).map(|zone| (i + 1, Cap::Word(zone))),
    }
}

/// A day of the month: (next token, value, written as an ordinal).
fn match_day(tokens: &[Token<'_>], i: usize) -> Option<(usize, u32, bool)> {
    let g = grammar();
    let token = tokens.get(i)?;
    if token.shape == Shape::Number {
        if token.text.len() > 2 {
            return None;
        }
        let value = token.number()?;
        let suffix = tokens
            .get(i + 1)
            .is_some_and(|t| t.glued && flag(&g.ordinal_suffixes, t.id));
        if !suffix
            && tokens
                .get(i + 1)
                .is_some_and(|t| t.glued && t.shape == Shape::Word)
        {
            return None;
        }
        return Some((if suffix { i + 2 } else { i + 1 }, value, suffix));
    }
    if let Some(v) = get(&g.small_ordinals, token.id).or_else(|| get(&g.tens_ordinals, token.id)) {
        return Some((i + 1, v, true));
    }
    let tens = get(&g.tens, token.id)?;
    let mut j = i + 1;
    if glued_punct(tokens, j, DASHES) {
        j += 1;
    }
    let unit = get(&g.small_ordinals, tokens.get(j)?.id).filter(|v| *v < 10)?;
    Some((j + 1, tens + unit, true))
}

/// Whether `phrase` (word ids) matches the tokens from `i`.
pub(super) fn phrase_at(tokens: &[Token<'_>], i: usize, phrase: &[WordId]) -> bool {
    tokens.get(i..).is_some_and(|rest| {
        rest.len() >= phrase.len()
            && phrase
                .iter()
                .zip(rest)
                .all(|(id, t)| *id != UNKNOWN && t.id == *id)
    })
}

fn match_num(tokens: &[Token<'_>], i: usize) -> Option<(usize, Cap)> {
    let g = grammar();
    for (phrase, couple) in &g.vague_numbers {
        if phrase_at(tokens, i, phrase) {
            let cap = Cap::Num {
                value: if *couple { Some(2) } else { None },
                article: false,
            };
            return Some((i + phrase.len(), cap));
        }
    }
    let token = tokens.get(i)?;
    let exact = |value: u32, next: usize| {
        Some((
            next,
            Cap::Num {
                value: Some(value),
                article: false,
            },
        ))
    };
    if token.shape == Shape::Number {
        // `1.5 hours` and `1,000 years` are beyond this grammar: no guess.
        if glued_punct(tokens, i + 1, &[".", ","]) && glued_number(tokens, i + 2, 1..=9).is_some() {
            return None;
        }
        return exact(token.number()?, i + 1);
    }
    let word = token.lower;
    if word == "a" || word == "an" {
        return Some((
            i + 1,
            Cap::Num {
                value: Some(1),
                article: true,
            },
        ));
    }
    if let Some(v) = get(&g.small_numbers, token.id) {
        return exact(v, i + 1);
    }
    let tens = get(&g.tens, token.id)?;
    let j = if glued_punct(tokens, i + 1, DASHES) {
        i + 2
    } else {
        i + 1
    };
    match tokens.get(j).and_then(|t| get(&g.small_numbers, t.id)) {
        Some(unit) if (1..10).contains(&unit) => exact(tens + unit, j + 1),
        _ => exact(tens, i + 1),
    }
}

/// `am`/`pm` written `am`, `a.m.`, `AM`: (next token, is afternoon).
fn meridiem(tokens: &[Token<'_>], i: usize) -> Option<(usize, bool)> {
    let token = tokens.get(i)?;
    match token.lower {
        "am" => return Some((i + 1, false)),
        "pm" => return Some((i + 1, true)),
        "a" | "p" => {}
        _ => return None,
    }
    let pm = token.lower == "p";
    let m = tokens.get(i + 2)?;
    if !glued_punct(tokens, i + 1, &["."]) || !m.glued || m.lower != "m" {
        return None;
    }
    let next = if glued_punct(tokens, i + 3, &["."]) {
        i + 4
    } else {
        i + 3
    };
    Some((next, pm))
}

/// Whether the token before `i` is one that introduces a clock time.
fn after_clock_word(tokens: &[Token<'_>], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|t| CLOCK_LEADS.contains(&t.lower))
}

fn match_clock(tokens: &[Token<'_>], i: usize) -> Option<(usize, Cap)> {
    let token = tokens.get(i)?;
    if token.text.len() > 2 {
        return None;
    }
    let hour = token.number()?;
    let (mut next, minute, colon) = if glued_punct(tokens, i + 1, &[":"]) {
        (i + 3, glued_number(tokens, i + 2, 2..=2)?, true)
    } else if glued_punct(tokens, i + 1, &["."])
        && (meridiem(tokens, i + 3).is_some() || after_clock_word(tokens, i))
    {
        // `10.30 am` (British) or `at 10.00` (translated from Russian); with
        // neither am/pm nor `at` before it, `10.30` may be a decimal.
        (i + 3, glued_number(tokens, i + 2, 2..=2)?, true)
    } else {
        (i + 1, 0, false)
    };
    let mut hour = hour;
    if let Some((after, pm)) = meridiem(tokens, next) {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = hour % 12 + if pm { 12 } else { 0 };
        next = after;
    } else if !colon {
        // A bare number is a clock time only as `5 o'clock`.
        let o = tokens.get(next).filter(|t| t.lower == "o")?;
        let _ = o;
        if !glued_punct(tokens, next + 1, &["'", "’"]) || tokens.get(next + 2)?.lower != "clock" {
            return None;
        }
        next += 3;
    }
    let valid = minute < 60 && (hour < 24 || (hour == 24 && minute == 0));
    valid.then_some((
        next,
        Cap::Clock(u8::try_from(hour).ok()?, u8::try_from(minute).ok()?),
    ))
}

// ---- Reading captures -------------------------------------------------------

fn months(caps: &[Cap]) -> impl Iterator<Item = u8> + '_ {
    caps.iter().filter_map(|c| match c {
        Cap::Month(m) => Some(*m),
        _ => None,
    })
}

fn days(caps: &[Cap]) -> impl Iterator<Item = u32> + '_ {
    caps.iter().filter_map(|c| match c {
        Cap::Day(d) => Some(*d),
        _ => None,
    })
}

fn year_of(caps: &[Cap]) -> Option<i32> {
    caps.iter().find_map(|c| match c {
        Cap::Year(y) => Some(*y),
        _ => None,
    })
}

fn num(caps: &[Cap]) -> Option<(Option<u32>, bool)> {
    caps.iter().find_map(|c| match c {
        Cap::Num { value, article } => Some((*value, *article)),
        _ => None,
    })
}

fn unit(caps: &[Cap]) -> Option<(Unit, u32)> {
    caps.iter().find_map(|c| match c {
        Cap::Unit(u, n, _) => Some((*u, *n)),
        _ => None,
    })
}

fn plural_unit(caps: &[Cap]) -> bool {
    caps.iter().any(|c| matches!(c, Cap::Unit(_, _, true)))
}

fn weekday(caps: &[Cap]) -> Option<u8> {
    caps.iter().find_map(|c| match c {
        Cap::Weekday(d) | Cap::Weekdays(d) => Some(*d),
        _ => None,
    })
}

fn part(caps: &[Cap]) -> Option<&'static str> {
    caps.iter().find_map(|c| match c {
        Cap::Part(p) => Some(*p),
        _ => None,
    })
}

fn season(caps: &[Cap]) -> Option<&'static str> {
    caps.iter().find_map(|c| match c {
        Cap::Season(s) => Some(*s),
        _ => None,
    })
}

fn has_word(caps: &[Cap], words: &[&str]) -> bool {
    caps.iter()
        .any(|c| matches!(c, Cap::Word(w) if words.contains(w)))
}

/// A number of units with their multiplier (`two fortnights` is four weeks).
/// With no number, a singular unit is one (`the past year`) and a plural one
/// an unknown number (`the past days`).
fn amount(caps: &[Cap]) -> Option<(Option<u32>, bool, Unit)> {
    let (value, article) = num(caps).unwrap_or(if plural_unit(caps) {
        (None, false)
    } else {
        (Some(1), true)
    });
    let (unit, count) = unit(caps)?;
    Some((value.and_then(|v| v.checked_mul(count)), article, unit))
}

/// `-1`, `0` or `1` for `last`, `this`, `next` and their synonyms.
fn offset_word(caps: &[Cap]) -> i64 {
    if has_word(caps, &["last", "past", "previous"]) {
        -1
    } else if has_word(caps, &["next", "coming", "following"]) {
        1
    } else {
        0
    }
}

// ---- Choosing among candidate dates ----------------------------------------

/// How far against the sentence's tense a candidate may lie and still win by
/// being nearest: `was extended until January 19`, written on January 12, is
/// this January, but `was adopted in August`, written in March, is last year's.
const LEAN_SLACK_DAYS: i64 = 90;

/// Picks among candidate spans the one the document most likely means: the
/// nearest to the anchor, unless it lies far against the lean.
fn choose<T: Copy>(anchor: Date, lean: Lean, candidates: &[(T, Date, Date)]) -> Option<T> {
    let distance = |begin: Date, end: Date| -> i64 {
        if anchor < begin {
            days_between(anchor, begin)
        } else if anchor > end {
            -days_between(end, anchor)
        } else {
            0
        }
    };
    let scored: Vec<(T, i64)> = candidates
        .iter()
        .map(|(key, begin, end)| (*key, distance(*begin, *end)))
        .collect();
    let (key, d) = *scored.iter().min_by_key(|(_, d)| d.abs())?;
    match lean {
        Lean::Past if d > LEAN_SLACK_DAYS => scored
            .iter()
            .filter(|(_, d)| *d <= 0)
            .max_by_key(|(_, d)| *d)
            .map(|(k, _)| *k)
            .or(Some(key)),
        Lean::Future if d < -LEAN_SLACK_DAYS => scored
            .iter()
            .filter(|(_, d)| *d >= 0)
            .min_by_key(|(_, d)| *d)
            .map(|(k, _)| *k)
            .or(Some(key)),
        _ => Some(key),
    }
}

/// Whether `month`-`day` exists in some year (February 29 does).
fn real_month_day(month: u8, d: u32) -> bool {
    day(2000, month, d).is_some()
}

/// A day with no year: the year the document most likely means, or
/// `XXXX-MM-DD` with no document date.
fn month_day_point(ctx: &Ctx, month: u8, d: u32) -> Option<Point> {
    if !real_month_day(month, d) {
        return None;
    }
    let Some(anchor) = ctx.anchor else {
        return Some(Point::Loose(format!("XXXX-{month:02}-{d:02}"), Unit::Day));
    };
    let candidates: Vec<(Date, Date, Date)> = (-1..=1)
        .filter_map(|k| day(anchor.year().checked_add(k)?, month, d))
        .map(|date| (date, date, date))
        .collect();
    choose(anchor, ctx.lean, &candidates).map(Point::Day)
}

fn month_point(ctx: &Ctx, month: u8) -> Option<Point> {
    if !(1..=12).contains(&month) {
        return None;
    }
    let Some(anchor) = ctx.anchor else {
        return Some(Point::Loose(format!("XXXX-{month:02}"), Unit::Month));
    };
    let candidates: Vec<(i32, Date, Date)> = (-1..=1)
        .filter_map(|k| {
            let y = anchor.year().checked_add(k)?;
            let (b, e) = Point::Month(y, month).span()?;
            Some((y, b, e))
        })
        .collect();
    choose(anchor, ctx.lean, &candidates).map(|y| Point::Month(y, month))
}

// ---- Resolvers ---------------------------------------------------------------

fn full_date(caps: &[Cap], _: &Ctx) -> Option<Core> {
    caps.iter().find_map(|c| match c {
        Cap::Date(d) => Some(Core::Point(Point::Day(*d))),
        _ => None,
    })
}

fn month_day_year(caps: &[Cap], _: &Ctx) -> Option<Core> {
    let date = day(year_of(caps)?, months(caps).next()?, days(caps).next()?)?;
    Some(Core::Point(Point::Day(date)))
}

fn month_day(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    month_day_point(ctx, months(caps).next()?, days(caps).next()?).map(Core::Point)
}

fn day_of_month(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    let d = days(caps).next()?;
    let Some(anchor) = ctx.anchor else {
        return Some(Core::Point(Point::Loose(
            format!("XXXX-XX-{d:02}"),
            Unit::Day,
        )));
    };
    let candidates: Vec<(Date, Date, Date)> = (-1..=1)
        .filter_map(|k| {
            let (y, m) = add_months(anchor.year(), u8::from(anchor.month()), k)?;
            day(y, m, d)
        })
        .map(|date| (date, date, date))
        .collect();
    choose(anchor, ctx.lean, &candidates).map(|d| Core::Point(Point::Day(d)))
}

fn day_range(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    let month = months(caps).next()?;
    let mut ds = days(caps);
    let (first, last) = (ds.next()?, ds.next()?);
    if first >= last {
        return None;
    }
    let (a, b) = match year_of(caps) {
        Some(y) => (
            Point::Day(day(y, month, first)?),
            Point::Day(day(y, month, last)?),
        ),
        None => match month_day_point(ctx, month, first)? {
            Point::Day(date) => (Point::Day(date), Point::Day(day(date.year(), month, last)?)),
            loose => (
                loose,
                month_day_point(
                    &Ctx {
                        anchor: None,
                        ..*ctx
                    },
                    month,
                    last,
                )?,
            ),
        },
    };
    Some(Core::Range(a, b))
}

fn month_year(caps: &[Cap], _: &Ctx) -> Option<Core> {
    let month = months(caps).next()?;
    Some(Core::Point(Point::Month(year_of(caps)?, month)))
}

fn bare_month(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    month_point(ctx, months(caps).next()?).map(Core::Point)
}

fn relative_month(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    let month = months(caps).next()?;
    let lean = match offset_word(caps) {
        -1 => Lean::Past,
        1 => Lean::Future,
        _ => Lean::Present,
    };
    let Some(anchor) = ctx.anchor else {
        return month_point(ctx, month).map(Core::Point);
    };
    let this = anchor.year();
    let year = match lean {
        Lean::Past if month >= u8::from(anchor.month()) => this.checked_sub(1)?,
        Lean::Future if month <= u8::from(anchor.month()) => this.checked_add(1)?,
        _ => this,
    };
    Some(Core::Point(Point::Month(year, month)))
}

fn year(caps: &[Cap], _: &Ctx) -> Option<Core> {
    Some(Core::Point(Point::Year(year_of(caps)?)))
}

fn decade(caps: &[Cap], _: &Ctx) -> Option<Core> {
    Some(Core::Point(Point::Decade(year_of(caps)? / 10)))
}

/// `Q1 2023`; with no year, the document's.
fn quarter_number(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    let q = u8::try_from(days(caps).next()?)
        .ok()
        .filter(|q| (1..=4).contains(q))?;
    Some(Core::Point(match year_or_relative(caps, ctx) {
        Ok(y) => Point::Quarter(y, q),
        Err(prefix) => Point::Loose(format!("{prefix}-Q{q}"), Unit::Month),
    }))
}

fn season_year(caps: &[Cap], _: &Ctx) -> Option<Core> {
    Some(Core::Point(Point::Season(year_of(caps)?, season(caps)?)))
}

fn season_point(ctx: &Ctx, season: &'static str, offset: i64) -> Option<Point> {
    let Some(anchor) = ctx.anchor else {
        return Some(Point::Loose(format!("XXXX-{season}"), Unit::Month));
    };
    let years: Vec<i32> = (-1..=1)
        .filter_map(|k| anchor.year().checked_add(k))
        .collect();
    let candidates: Vec<(i32, Date, Date)> = years
        .iter()
        .filter_map(|y| {
            let (b, e) = Point::Season(*y, season).span()?;
            Some((*y, b, e))
        })
        .collect();
    let lean = match offset {
        -1 => Lean::Past,
        1 => Lean::Future,
        _ => ctx.lean,
    };
    let nearest = choose(anchor, lean, &candidates)?;
    // `last summer` in summer is the one before this.
    let containing = candidates
        .iter()
        .any(|(y, b, e)| *y == nearest && *b <= anchor && anchor <= *e);
    let year = if containing && offset != 0 {
        nearest.checked_add(i32::try_from(offset).ok()?)?
    } else {
        nearest
    };
    Some(Point::Season(year, season))
}

fn relative_season(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    season_point(ctx, season(caps)?, offset_word(caps)).map(Core::Point)
}

fn bare_season(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    season_point(ctx, season(caps)?, 0).map(Core::Point)
}

/// The year a quarter or half belongs to: written, or the document's
/// (`this|the|next|last year`), or unknown.
fn year_or_relative(caps: &[Cap], ctx: &Ctx) -> Result<i32, String> {
    if let Some(y) = year_of(caps) {
        return Ok(y);
    }
    let offset = if has_word(caps, &["next"]) {
        1
    } else if has_word(caps, &["last"]) {
        -1
    } else {
        0
    };
    match ctx.anchor {
        Some(anchor) => anchor
            .year()
            .checked_add(offset)
            .ok_or_else(|| "XXXX".to_string()),
        None if offset == 0 => Err("XXXX".to_string()),
        None => Err(format!("REF{}P1Y", if offset > 0 { '+' } else { '-' })),
    }
}

fn ordinal_word(caps: &[Cap]) -> u8 {
    if has_word(caps, &["fourth"]) {
        4
    } else if has_word(caps, &["third"]) {
        3
    } else if has_word(caps, &["second"]) {
        2
    } else {
        1
    }
}

fn quarter(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    let q = ordinal_word(caps);
    Some(Core::Point(match year_or_relative(caps, ctx) {
        Ok(y) => Point::Quarter(y, q),
        Err(prefix) => Point::Loose(format!("{prefix}-Q{q}"), Unit::Month),
    }))
}

fn half(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    let h = ordinal_word(caps);
    Some(Core::Point(match year_or_relative(caps, ctx) {
        Ok(y) => Point::Half(y, h),
        Err(prefix) => Point::Loose(format!("{prefix}-H{h}"), Unit::Month),
    }))
}

/// The day `offset` days from the document date, or `REF±PnD` without one.
fn day_offset(ctx: &Ctx, offset: i64, part: Option<&'static str>) -> Option<Point> {
    let Some(anchor) = ctx.anchor else {
        let sign = if offset < 0 { '-' } else { '+' };
        let part = part.map(|p| format!("T{p}")).unwrap_or_default();
        return Some(Point::Loose(
            format!("REF{sign}P{}D{part}", offset.unsigned_abs()),
            Unit::Day,
        ));
    };
    let date = add_days(anchor, offset)?;
    Some(match part {
        Some(p) => Point::DayPart(date, p),
        None => Point::Day(date),
    })
}

fn day_before_yesterday(_: &[Cap], ctx: &Ctx) -> Option<Core> {
    day_offset(ctx, -2, None).map(Core::Point)
}

fn day_after_tomorrow(_: &[Cap], ctx: &Ctx) -> Option<Core> {
    day_offset(ctx, 2, None).map(Core::Point)
}

fn relative_day(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    let (offset, implied) = caps.iter().find_map(|c| match c {
        Cap::Word(w) => RELATIVE_DAYS
            .iter()
            .find(|(name, _, _)| name == w)
            .map(|(_, offset, part)| (*offset, *part)),
        _ => None,
    })?;
    day_offset(ctx, offset, part(caps).or(implied)).map(Core::Point)
}

fn this_part(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    day_offset(ctx, 0, Some(part(caps)?)).map(Core::Point)
}

fn last_night(_: &[Cap], ctx: &Ctx) -> Option<Core> {
    day_offset(ctx, -1, Some("NI")).map(Core::Point)
}

/// Which occurrence of a weekday is meant.
#[derive(Clone, Copy)]
enum Occurrence {
    OnOrBefore,
    OnOrAfter,
    Before,
    After,
    SameWeek,
}

fn weekday_point(
    ctx: &Ctx,
    wd: u8,
    occurrence: Occurrence,
    part: Option<&'static str>,
) -> Option<Point> {
    let Some(anchor) = ctx.anchor else {
        let part = part.map(|p| format!("T{p}")).unwrap_or_default();
        return Some(Point::Loose(format!("XXXX-WXX-{wd}{part}"), Unit::Day));
    };
    let today = i64::from(anchor.weekday().number_from_monday());
    let target = i64::from(wd);
    let ahead = (target - today).rem_euclid(7);
    let back = (today - target).rem_euclid(7);
    let offset = match occurrence {
        Occurrence::OnOrAfter => ahead,
        Occurrence::OnOrBefore => -back,
        Occurrence::After => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        Occurrence::Before => -(if back == 0 { 7 } else { back }),
        Occurrence::SameWeek => target - today,
    };
    let date = add_days(anchor, offset)?;
    Some(match part {
        Some(p) => Point::DayPart(date, p),
        None => Point::Day(date),
    })
}

fn relative_weekday(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    let occurrence = match offset_word(caps) {
        -1 => Occurrence::Before,
        1 => Occurrence::After,
        _ => Occurrence::SameWeek,
    };
    weekday_point(ctx, weekday(caps)?, occurrence, part(caps)).map(Core::Point)
}

/// A weekday alone is the nearest one in the direction the tense points:
/// an article of Friday saying something was announced `on Tuesday` means
/// three days before; `will meet on Tuesday` means four days after.
fn bare_weekday(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    let occurrence = match ctx.lean {
        Lean::Past => Occurrence::OnOrBefore,
        Lean::Present | Lean::Future => Occurrence::OnOrAfter,
    };
    weekday_point(ctx, weekday(caps)?, occurrence, part(caps)).map(Core::Point)
}

fn relative_period(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    let offset = offset_word(caps);
    let unit = ["week", "weekend", "month", "year"]
        .into_iter()
        .find(|u| has_word(caps, &[u]))?;
    let Some(anchor) = ctx.anchor else {
        let sign = if offset < 0 { '-' } else { '+' };
        let n = offset.unsigned_abs();
        let value = match unit {
            "week" => format!("REF{sign}P{n}W"),
            "weekend" => format!("REF{sign}P{n}W-WE"),
            "month" => format!("REF{sign}P{n}M"),
            _ => format!("REF{sign}P{n}Y"),
        };
        let unit = match unit {
            "month" => Unit::Month,
            "year" => Unit::Year,
            _ => Unit::Week,
        };
        return Some(Core::Point(Point::Loose(value, unit)));
    };
    let point = match unit {
        "week" => Point::Week(add_days(monday_of(anchor)?, offset.checked_mul(7)?)?),
        "weekend" => Point::Weekend(add_days(monday_of(anchor)?, offset.checked_mul(7)?)?),
        "month" => {
            let (y, m) = add_months(anchor.year(), u8::from(anchor.month()), offset)?;
            Point::Month(y, m)
        }
        _ => Point::Year(anchor.year().checked_add(i32::try_from(offset).ok()?)?),
    };
    Some(Core::Point(point))
}

/// `this time last year`: the document's day, one unit away.
fn this_time(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    let sign = offset_word(caps);
    let unit = if has_word(caps, &["week"]) {
        Unit::Week
    } else if has_word(caps, &["month"]) {
        Unit::Month
    } else {
        Unit::Year
    };
    let Some(anchor) = ctx.anchor else {
        let s = if sign < 0 { '-' } else { '+' };
        let value = format!("REF{s}{}", value::duration_value(Some(1), unit));
        return Some(Core::Point(Point::Loose(value, Unit::Day)));
    };
    Some(Core::Point(Point::Day(shift(anchor, 1, unit, sign)?)))
}

/// `the second decade of January`: in Russian and Kazakh usage a month's
/// decades are its days 1–10, 11–20 and 21 to the end.
fn ten_days(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    let month = months(caps).next()?;
    let k = u32::from(ordinal_word(caps));
    let (first, last) = (10 * (k - 1) + 1, if k == 3 { 31 } else { 10 * k });
    let year = match year_of(caps) {
        Some(y) => Some(y),
        None => match month_point(ctx, month)? {
            Point::Month(y, _) => Some(y),
            _ => None,
        },
    };
    let Some(y) = year else {
        return Some(Core::Range(
            Point::Loose(format!("XXXX-{month:02}-{first:02}"), Unit::Day),
            Point::Loose(format!("XXXX-{month:02}-{last:02}"), Unit::Day),
        ));
    };
    let (_, month_end) = Point::Month(y, month).span()?;
    let last = last.min(u32::from(month_end.day()));
    Some(Core::Range(
        Point::Day(day(y, month, first)?),
        Point::Day(day(y, month, last)?),
    ))
}

/// A point `n` units from the document date, as precise as the unit:
/// `two days ago` is a day, `two months ago` a month, `a year ago` a year.
fn units_from_anchor(ctx: &Ctx, n: Option<u32>, unit: Unit, sign: i64) -> Option<Core> {
    let Some(n) = n else {
        return Some(Core::Ref(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }));
    };
    let Some(anchor) = ctx.anchor else {
        let s = if sign < 0 { '-' } else { '+' };
        return Some(Core::Point(Point::Loose(
            format!("REF{s}{}", value::duration_value(Some(n), unit)),
            unit,
        )));
    };
    // `two hours ago` is still the document's day (the hour is not known);
    // whole days of hours move the day.
    let date = match unit {
        Unit::Second | Unit::Minute => anchor,
        Unit::Hour => shift(anchor, n / 24 * 24, unit, sign)?,
        _ => shift(anchor, n, unit, sign)?,
    };
    Some(Core::Point(match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Week => Point::Day(date),
        Unit::Month => Point::Month(date.year(), u8::from(date.month())),
        _ => Point::Year(date.year()),
    }))
}

fn ago(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    let (n, _, unit) = amount(caps)?;
    units_from_anchor(ctx, n, unit, -1)
}

/// `two days earlier` and `three days later` count from the day the
/// narrative last named; with none, they are only a length of time.
fn from_reference(caps: &[Cap], ctx: &Ctx, sign: i64) -> Option<Core> {
    let (n, article, unit) = amount(caps)?;
    match (ctx.reference, n) {
        (Some(reference), Some(_)) => units_from_anchor(
            &Ctx {
                anchor: Some(reference),
                ..*ctx
            },
            n,
            unit,
            sign,
        ),
        _ => free_duration(n, article, unit),
    }
}

fn earlier(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    from_reference(caps, ctx, -1)
}

fn later(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    from_reference(caps, ctx, 1)
}

/// A day next to the narrative's day; with none named, no value is guessed.
fn reference_day(ctx: &Ctx, offset: i64) -> Option<Core> {
    Some(Core::Point(Point::Day(add_days(ctx.reference?, offset)?)))
}

fn next_day(_: &[Cap], ctx: &Ctx) -> Option<Core> {
    reference_day(ctx, 1)
}

fn previous_day(_: &[Cap], ctx: &Ctx) -> Option<Core> {
    reference_day(ctx, -1)
}

fn same_day(_: &[Cap], ctx: &Ctx) -> Option<Core> {
    reference_day(ctx, 0)
}

fn in_future(caps: &[Cap], ctx: &Ctx) -> Option<Core> {
    let (n, _, unit) = amount(caps)?;
    units_from_anchor(ctx, n, unit, 1)
}

/// `the coming days`, with no number at all, is only a direction.
fn only_direction(caps: &[Cap], value: &'static str) -> Option<Core> {
    (num(caps).is_none() && plural_unit(caps)).then_some(Core::Ref(value))
}

fn past_direction(caps: &[Cap], _: &Ctx) -> Option<Core> {
    only_direction(caps, "PAST_REF")
}

fn future_direction(caps: &[Cap], _: &Ctx) -> Option<Core> {
    only_direction(caps, "FUTURE_REF")
}

fn past_duration(caps: &[Cap], _: &Ctx) -> Option<Core> {
    if let Some(vague) = only_direction(caps, "PAST_REF") {
        return Some(vague);
    }
    let (n, _, unit) = amount(caps)?;
    Some(Core::Duration {
        amount: n,
        unit,
        anchoring: Anchoring::Back,
    })
}

fn next_duration(caps: &[Cap], _: &Ctx) -> Option<Core> {
    if let Some(vague) = only_direction(caps, "FUTURE_REF") {
        return Some(vague);
    }
    let (n, _, unit) = amount(caps)?;
    Some(Core::Duration {
        amount: n,
        unit,
        anchoring: Anchoring::Forward,
    })
}

fn free_duration(n: Option<u32>, article: bool, unit: Unit) -> Option<Core> {
    // `a second wave` is an ordinal, not one second.
    if article && unit == Unit::Second {
        return None;
    }
    Some(Core::Duration {
        amount: n,
        unit,
        anchoring: Anchoring::Free,
    })
}

fn duration(caps: &[Cap], _: &Ctx) -> Option<Core> {
    let (n, article, unit) = amount(caps)?;
    free_duration(n, article, unit)
}

/// `1.5 hours`, `two and a half years`: ISO 8601 allows a decimal fraction
/// on the value's last (here only) component.
fn fractional(caps: &[Cap], _: &Ctx) -> Option<Core> {
    let (unit, count) = unit(caps)?;
    if count != 1 {
        return None;
    }
    let amount = caps.iter().find_map(|c| match c {
        Cap::Decimal(whole, digits, width) => Some(format!("{whole}.{digits:0width$}")),
        Cap::Num {
            value: Some(n),
            article: false,
        } => Some(format!("{n}.5")),
        _ => None,
    })?;
    Some(Core::Length(value::duration_written(&amount, unit)))
}

fn half_unit(caps: &[Cap], _: &Ctx) -> Option<Core> {
    let (amount, unit) = if has_word(caps, &["hour"]) {
        (30, Unit::Minute)
    } else if has_word(caps, &["day"]) {
        (12, Unit::Hour)
    } else if has_word(caps, &["month"]) {
        (15, Unit::Day)
    } else {
        (6, Unit::Month)
    };
    Some(Core::Duration {
        amount: Some(amount),
        unit,
        anchoring: Anchoring::Free,
    })
}

fn every_unit(caps: &[Cap], _: &Ctx) -> Option<Core> {
    let (n, _, unit) = amount(caps)?;
    Some(Core::Set(value::duration_value(n, unit)))
}

fn every_other_unit(caps: &[Cap], _: &Ctx) -> Option<Core> {
    let (unit, count) = unit(caps)?;
    Some(Core::Set(value::duration_value(Some(2 * count), unit)))
}

fn every_weekday(caps: &[Cap], _: &Ctx) -> Option<Core> {
    Some(Core::Set(format!("XXXX-WXX-{}", weekday(caps)?)))
}

fn every_part(caps: &[Cap], _: &Ctx) -> Option<Core> {
    Some(Core::Set(format!("XXXX-XX-XXT{}", part(caps)?)))
}

fn per_unit(caps: &[Cap], _: &Ctx) -> Option<Core> {
    let (unit, count) = unit(caps)?;
    Some(Core::Set(value::duration_value(Some(count), unit)))
}

fn clock(caps: &[Cap], _: &Ctx) -> Option<Core> {
    caps.iter().find_map(|c| match c {
        Cap::Clock(h, m) => Some(Core::Clock(*h, *m)),
        _ => None,
    })
}

fn noon(_: &[Cap], _: &Ctx) -> Option<Core> {
    Some(Core::Clock(12, 0))
}

fn midnight(_: &[Cap], _: &Ctx) -> Option<Core> {
    Some(Core::Clock(0, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timex::tokens::tokenize;

    #[test]
    fn every_pattern_item_is_a_class_or_lowercase_words() {
        for rule in rules() {
            for item in &rule.items {
                if let El::Words(words) = &item.el {
                    for (_, w) in words {
                        assert_eq!(
                            w,
                            &w.to_lowercase(),
                            "unknown class {w} in {:?}",
                            rule.pattern
                        );
                    }
                }
            }
            assert!(!rule.items.is_empty(), "{:?}", rule.pattern);
            assert!(rule.items.len() <= MAX_CAPS, "{:?}", rule.pattern);
        }
    }

    #[test]
    fn rule_index_finds_what_trying_every_rule_finds() {
        let text = "On Wednesday, 12 January 2022 at 10:43, twenty-four hours after the \
            1990s ended, about 2.5 days of the second decade of March, Q3 2023, New Year's \
            Eve, from 5 to 7 May, every other week, this time last year, the next day, \
            mid-2023, 04.03.2023, 2022-01-13, a few days ago, in the coming weeks, daily.";
        let lower = text.to_ascii_lowercase();
        let tokens = tokenize(text, &lower, 0..text.len());
        let anchor = day(2022, 1, 12);
        for lean in [Lean::Past, Lean::Present, Lean::Future] {
            let ctx = Ctx {
                anchor,
                reference: anchor,
                lean,
            };
            for i in 0..tokens.len() {
                let indexed = match_at(&tokens, i, &ctx).map(|f| (f.core, f.end));
                let every = best_of(&mut rules().iter(), &tokens, i, &ctx).map(|f| (f.core, f.end));
                assert_eq!(indexed, every, "token {i} {:?}", tokens[i].text);
            }
        }
    }

    #[test]
    fn numbers_in_words_and_digits() {
        let cases: &[(&str, Option<u32>)] = &[
            ("ten", Some(10)),
            ("fourteen", Some(14)),
            ("twenty-four", Some(24)),
            ("twenty four", Some(24)),
            ("thirty", Some(30)),
            ("24", Some(24)),
            ("a", Some(1)),
            ("several", None),
            ("a few", None),
            ("a couple of", Some(2)),
        ];
        for (text, expected) in cases {
            let lower = text.to_ascii_lowercase();
            let tokens = tokenize(text, &lower, 0..text.len());
            let got = match match_num(&tokens, 0) {
                Some((next, Cap::Num { value, .. })) if next == tokens.len() => value,
                other => panic!("{text:?}: {other:?}"),
            };
            assert_eq!(got, *expected, "{text:?}");
        }
        let tokens = tokenize("1.5", "1.5", 0..3);
        assert!(match_num(&tokens, 0).is_none(), "decimals are not guessed");
    }

    #[test]
    fn clock_times_valid_and_invalid() {
        let cases: &[(&str, Option<(u8, u8)>)] = &[
            ("17:20", Some((17, 20))),
            ("9:05", Some((9, 5))),
            ("10 a.m.", Some((10, 0))),
            ("10:30 p.m.", Some((22, 30))),
            ("10.30 am", Some((10, 30))),
            ("10.30", None),
            ("12 am", Some((0, 0))),
            ("9pm", Some((21, 0))),
            ("5 o'clock", Some((5, 0))),
            ("24:00", Some((24, 0))),
            ("10:75", None),
            ("25:00", None),
            ("13 pm", None),
            ("17", None),
        ];
        for (text, expected) in cases {
            let lower = text.to_ascii_lowercase();
            let tokens = tokenize(text, &lower, 0..text.len());
            let got = match match_clock(&tokens, 0) {
                Some((_, Cap::Clock(h, m))) => Some((h, m)),
                _ => None,
            };
            assert_eq!(got, *expected, "{text:?}");
        }
    }

    #[test]
    fn choose_prefers_nearest_then_lean() {
        let d = |y, m, dd| day(y, m, dd).unwrap();
        let anchor = d(2022, 1, 2);
        let dec30 = [2021, 2022, 2023].map(|y| (y, d(y, 12, 30), d(y, 12, 30)));
        assert_eq!(choose(anchor, Lean::Present, &dec30), Some(2021));
        let march = d(2022, 3, 1);
        let aug20 = [2021, 2022, 2023].map(|y| (y, d(y, 8, 20), d(y, 8, 20)));
        assert_eq!(choose(march, Lean::Present, &aug20), Some(2022));
        assert_eq!(choose(march, Lean::Past, &aug20), Some(2021));
    }
}
