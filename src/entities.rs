//! Entities: the people, organisations, places, facilities and groups a claim
//! names, each with a canonical key shared by all its names, so that
//! `Alma-Ata` and `Almaty`, or `Head of State` and `Kassym-Jomart Tokayev`,
//! count as one.
//!
//! Known names come from a table (`data/aliases.json`, documented in
//! `data/README.md`, extendable through [`Options::aliases`](crate::Options)).
//! Other capitalised names are entities too, their kind guessed from cues.
//! An account is read in text order by one [`Tracker`], which remembers what
//! the account has named so far: a surname, a title (`the captain`), an
//! office (`the President`) or a common noun (`the plant`, `peacekeepers`)
//! refers back to the last full name of its kind.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use crate::options::AliasSpec;
use crate::report::{EntityKind, EntityMention};
use crate::text::words;
use crate::tokens::{word_set, Key, Words};

/// Words that make a capitalised name an organisation (`National Security
/// Committee`, `Airborne Forces`).
static ORGANISATION_HEADS: &Words = word_set![
    "administration",
    "agency",
    "airlines",
    "airways",
    "army",
    "assembly",
    "association",
    "authority",
    "bank",
    "coal",
    "command",
    "commission",
    "committee",
    "company",
    "corporation",
    "council",
    "court",
    "daily",
    "department",
    "energy",
    "federation",
    "forces",
    "foundation",
    "front",
    "fund",
    "gazette",
    "government",
    "group",
    "guard",
    "herald",
    "holdings",
    "inc",
    "institute",
    "journal",
    "llc",
    "ltd",
    "media",
    "mining",
    "ministry",
    "motors",
    "movement",
    "news",
    "office",
    "oil",
    "organisation",
    "organization",
    "parliament",
    "party",
    "police",
    "post",
    "press",
    "senate",
    "service",
    "steel",
    "telegraph",
    "times",
    "tribune",
    "union",
    "university"
];

/// Words that end the name of a facility (`Heydar Aliyev Airport`).
static FACILITY_HEADS: &Words = word_set![
    "airport",
    "base",
    "bazaar",
    "bridge",
    "building",
    "cathedral",
    "center",
    "centre",
    "church",
    "embassy",
    "factory",
    "hospital",
    "hotel",
    "mall",
    "market",
    "mosque",
    "palace",
    "plant",
    "port",
    "prison",
    "residence",
    "school",
    "square",
    "stadium",
    "station",
    "tower"
];

/// Words that end the name of a place (`Almaty Region`).
static PLACE_HEADS: &Words = word_set![
    "avenue",
    "city",
    "county",
    "district",
    "island",
    "lake",
    "mountains",
    "oblast",
    "province",
    "region",
    "river",
    "street",
    "town",
    "valley",
    "village"
];

/// What a ministry or office is of (`Minister of Interior Yerlan Turgumbayev`):
/// these words belong to the title, not to the name after it.
static DEPARTMENTS: &Words = word_set![
    "affairs",
    "agriculture",
    "culture",
    "defence",
    "defense",
    "development",
    "digital",
    "ecology",
    "economy",
    "education",
    "emergencies",
    "emergency",
    "energy",
    "environment",
    "finance",
    "foreign",
    "health",
    "home",
    "industry",
    "information",
    "interior",
    "internal",
    "justice",
    "labor",
    "labour",
    "security",
    "situations",
    "sport",
    "tourism",
    "trade",
    "transport"
];

/// Words before a title that belong to it (`First Deputy Prime Minister`).
static TITLE_MODIFIERS: &Words = word_set![
    "acting",
    "assistant",
    "chief",
    "deputy",
    "ex",
    "executive",
    "first",
    "former",
    "incumbent",
    "interim",
    "junior",
    "outgoing",
    "senior",
    "vice"
];

/// Title modifiers after which the person does not hold the office itself:
/// a `Deputy Prime Minister` is not the `Prime Minister`.
static NOT_THE_HOLDER: &Words = word_set!["acting", "assistant", "deputy", "ex", "former", "vice"];

/// Capitalised words that are not names.
static NOT_NAMES: &Words = word_set![
    "apr",
    "april",
    "aug",
    "august",
    "celsius",
    "dec",
    "december",
    "fahrenheit",
    "feb",
    "february",
    "fri",
    "friday",
    "i",
    "internet",
    "jan",
    "january",
    "jul",
    "jun",
    "mar",
    "mon",
    "nov",
    "oct",
    "sat",
    "sep",
    "sept",
    "thu",
    "tue",
    "wed",
    "july",
    "june",
    "march",
    "may",
    "monday",
    "november",
    "ok",
    "october",
    "saturday",
    "september",
    "sunday",
    "thursday",
    "tuesday",
    "tv",
    "web",
    "wednesday"
];

/// Verbs of saying: the capitalised word before one is a speaker.
static SPEECH_VERBS: &Words = word_set![
    "added",
    "announced",
    "argued",
    "claimed",
    "confirmed",
    "emphasised",
    "emphasized",
    "explained",
    "insisted",
    "noted",
    "recalled",
    "replied",
    "said",
    "says",
    "stated",
    "stressed",
    "told",
    "warned",
    "wrote"
];

/// Surname endings common in the regions the default table covers.
const SURNAME_ENDINGS: &[&str] = &[
    "baev", "baeva", "bayev", "bayeva", "dze", "enko", "eva", "ev", "kyzy", "ova", "ov", "shvili",
    "skaya", "ski", "sky", "uly", "vich", "yan", "yeva", "yev",
];

/// Prepositions after which an unknown single name is most likely a place.
static PLACE_PREPOSITIONS: &Words = word_set![
    "across",
    "between",
    "from",
    "in",
    "into",
    "near",
    "neighbouring",
    "neighboring",
    "outside",
    "throughout",
    "towards",
    "via"
];

/// Nouns after which `of` introduces a place (`the town of Lipovo`), in
/// their singular form.
static PLACE_OF: &Words = word_set![
    "capital", "center", "centre", "city", "district", "outskirt", "province", "region", "square",
    "street", "suburb", "town", "village"
];

/// First words of place names (`Port Alden`, `Mount Elbrus`).
static PLACE_FIRST_WORDS: &Words =
    word_set!["cape", "fort", "lake", "mount", "port", "saint", "san", "santa"];

/// Articles after which a common noun introduces something new rather than
/// referring back (`a bakery` is not yet `the plant` named before).
static INDEFINITE: &Words = word_set!["a", "an", "another"];

/// Connectors allowed inside an organisation's name (`Ministry of Emergency Situations`).
static NAME_CONNECTORS: &Words = word_set!["for", "of"];

/// Abbreviations whose full stop may sit inside a name (`Gen. Serdyukov`).
static NAME_ABBREVIATIONS: &Words = word_set![
    "capt", "col", "dr", "gen", "jr", "lt", "mr", "mrs", "ms", "prof", "sen", "sgt", "st"
];

/// The longest unknown capitalised run taken as one name.
const MAX_RUN: usize = 8;

/// What an entry of the table names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Person,
    Organisation,
    Place,
    Facility,
    Group,
    /// An office one person holds per country or organisation.
    Role,
    /// A rank or post that introduces a person.
    Title,
}

impl Kind {
    fn parse(name: &str) -> Option<Kind> {
        Some(match name {
            "person" => Kind::Person,
            "organisation" | "organization" => Kind::Organisation,
            "place" => Kind::Place,
            "facility" => Kind::Facility,
            "group" => Kind::Group,
            "role" => Kind::Role,
            "title" => Kind::Title,
            _ => return None,
        })
    }

    /// The kind as the JSON contract names it; offices and titles name people.
    pub(crate) fn public(self) -> EntityKind {
        match self {
            Kind::Person | Kind::Role | Kind::Title => EntityKind::Person,
            Kind::Organisation => EntityKind::Organisation,
            Kind::Place => EntityKind::Place,
            Kind::Facility => EntityKind::Facility,
            Kind::Group => EntityKind::Group,
        }
    }
}

/// How a word of a table name must be written in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// Lower-case in the table: any case, any inflection.
    Any,
    /// Capitalised in the table: capitalised in the text.
    Capital,
    /// An acronym in the table: all capitals in the text.
    Upper,
}

#[derive(Debug, Clone)]
struct NameWord {
    /// The word in its singular form (see [`singular`]).
    form: String,
    /// The key of `form` ([`Key::NONE`] if it is too long for one).
    form_key: Key,
    bare: String,
    case: Case,
}

#[derive(Debug, Clone)]
struct Name {
    words: Vec<NameWord>,
    entry: usize,
    adjective: bool,
}

#[derive(Debug, Clone)]
struct Entry {
    key: String,
    kind: Kind,
    country: Option<String>,
    class: Option<String>,
    /// Written only in lower case: a common noun that refers back to the
    /// last entity of its class (`the plant`, `peacekeepers`).
    generic: bool,
}

/// The alias table, compiled for matching.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    entries: Vec<Entry>,
    names: Vec<Name>,
    /// Names by the key of the singular form of their first word, longest
    /// first; a form too long for a key is in `by_long_first`.
    by_first: HashMap<Key, Vec<usize>>,
    /// Names whose first word's singular form has no key, by that form.
    by_long_first: HashMap<String, Vec<usize>>,
}

impl Table {
    /// The built-in table merged with `extra` (the caller's aliases), or why
    /// `extra` cannot be used. Without extras, the built-in table is compiled
    /// once and shared.
    pub(crate) fn with(extra: &[AliasSpec]) -> Result<Cow<'static, Table>, String> {
        static DEFAULT: OnceLock<Table> = OnceLock::new();
        if extra.is_empty() {
            return Ok(Cow::Borrowed(DEFAULT.get_or_init(|| {
                Table::build(&default_specs(), &[])
                    .expect("data/aliases.json is valid (checked by the tests)")
            })));
        }
        Table::build(&default_specs(), extra).map(Cow::Owned)
    }

    fn build(defaults: &[AliasSpec], extra: &[AliasSpec]) -> Result<Table, String> {
        let mut specs = defaults.to_vec();
        for spec in extra {
            if spec.key.trim().is_empty() {
                return Err("an alias entry has an empty key".to_string());
            }
            match specs.iter_mut().find(|s| s.key == spec.key) {
                Some(known) => {
                    known.kind.clone_from(&spec.kind);
                    known.names.extend(spec.names.iter().cloned());
                    known.adjectives.extend(spec.adjectives.iter().cloned());
                    if spec.country.is_some() {
                        known.country.clone_from(&spec.country);
                    }
                    if spec.class.is_some() {
                        known.class.clone_from(&spec.class);
                    }
                }
                None => specs.push(spec.clone()),
            }
        }
        let mut table = Table {
            entries: Vec::with_capacity(specs.len()),
            names: Vec::new(),
            by_first: HashMap::default(),
            by_long_first: HashMap::default(),
        };
        for (n, spec) in specs.iter().enumerate() {
            let kind = Kind::parse(&spec.kind).ok_or_else(|| {
                format!(
                    "alias {:?}: unknown kind {:?} (person, organisation, place, facility, group, role or title)",
                    spec.key, spec.kind
                )
            })?;
            let generic = spec
                .names
                .iter()
                .all(|name| !name.chars().any(char::is_uppercase));
            table.entries.push(Entry {
                key: spec.key.clone(),
                kind,
                country: spec.country.clone(),
                class: spec.class.clone(),
                generic,
            });
            let all = spec.names.iter().map(|name| (name, false));
            for (name, adjective) in all.chain(spec.adjectives.iter().map(|a| (a, true))) {
                let words: Vec<NameWord> = words(name, 0..name.len())
                    .into_iter()
                    .map(|word| {
                        let form = singular(&bare(word.text));
                        NameWord {
                            form_key: Key::of(&form),
                            form,
                            bare: bare(word.text),
                            case: case_of(word.text),
                        }
                    })
                    .collect();
                let Some(first) = words.first() else {
                    return Err(format!(
                        "alias {:?}: the name {name:?} has no words",
                        spec.key
                    ));
                };
                let list = match first.form_key {
                    Key::NONE => table.by_long_first.entry(first.form.clone()).or_default(),
                    key => table.by_first.entry(key).or_default(),
                };
                list.push(table.names.len());
                table.names.push(Name {
                    words,
                    entry: n,
                    adjective,
                });
            }
        }
        let names = &table.names;
        for list in table
            .by_first
            .values_mut()
            .chain(table.by_long_first.values_mut())
        {
            list.sort_by_key(|&n| {
                std::cmp::Reverse(names.get(n).map_or(0, |name| name.words.len()))
            });
        }
        Ok(table)
    }
}

/// The built-in alias specs.
fn default_specs() -> Vec<AliasSpec> {
    crate::data::aliases()
}

/// A lower-case word in its singular form: `forces` → `force`,
/// `bakeries` → `bakery`. Names match on these rather than on stems, which
/// would make `officer` an `office` and `operations` an `operator`.
fn singular(bare: &str) -> String {
    let (kept, y) = singular_parts(bare);
    let mut form = bare.get(..kept).unwrap_or(bare).to_string();
    if y {
        form.push('y');
    }
    form
}

/// [`singular`] without allocating: how many bytes of `bare` the singular
/// keeps (always a char boundary), and whether a `y` follows them.
fn singular_parts(bare: &str) -> (usize, bool) {
    // Every ending below ends in `s`.
    if !bare.ends_with('s') {
        return (bare.len(), false);
    }
    let long = bare.len() > 3 && (bare.is_ascii() || bare.chars().count() > 3);
    if long {
        if bare.ends_with("ies") {
            return (bare.len() - 3, true);
        }
        for ending in ["ches", "shes", "sses", "xes"] {
            if bare.ends_with(ending) {
                return (bare.len() - 2, false);
            }
        }
    }
    match bare.strip_suffix('s') {
        Some(base) if long && !base.ends_with('s') && !base.ends_with('u') => (base.len(), false),
        _ => (bare.len(), false),
    }
}

/// A word lower-cased, typographic apostrophes folded and a possessive
/// dropped: `Kazakhtelecom’s` → `kazakhtelecom`.
fn bare(word: &str) -> String {
    let mut lower = String::with_capacity(word.len());
    push_bare(word, &mut lower);
    lower
}

/// Appends [`bare`] of `word` to `out`.
fn push_bare(word: &str, out: &mut String) {
    let start = out.len();
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if matches!(c, '\u{2019}' | '\u{2018}' | '\u{02BC}') {
            out.push('\'');
        } else {
            out.extend(c.to_lowercase());
        }
    }
    let lower = out.get(start..).unwrap_or("");
    let kept = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix('\''))
        .map_or(lower.len(), str::len);
    out.truncate(start + kept);
}

/// [`bare`] of `word` when it is a prefix of the word itself (an ASCII word
/// with no capitals): its length.
fn bare_in_place(word: &str) -> Option<usize> {
    if !word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return None;
    }
    let kept = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix('\''))
        .map_or(word.len(), str::len);
    Some(kept)
}

/// Whether the word starts with an upper-case letter.
fn starts_upper(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

fn case_of(word: &str) -> Case {
    let (mut letters, mut all_upper) = (0usize, true);
    if word.is_ascii() {
        for b in word.bytes().filter(u8::is_ascii_alphabetic) {
            letters += 1;
            all_upper &= b.is_ascii_uppercase();
        }
    } else {
        for c in word.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            all_upper &= c.is_uppercase();
        }
    }
    if letters >= 2 && all_upper {
        Case::Upper
    } else if starts_upper(word) {
        Case::Capital
    } else {
        Case::Any
    }
}

/// What one account has named so far. Walk the claims in text order.
#[derive(Debug, Clone)]
pub(crate) struct Tracker<'a> {
    table: &'a Table,
    /// Surname → person key.
    surnames: HashMap<String, String>,
    /// Slug of a name found outside the table → its key and kind.
    names: HashMap<String, (String, Kind)>,
    /// Key → the fullest name the account used for it.
    display: HashMap<String, String>,
    /// Office or title key (`head-of-state`, `head-of-state:russia`,
    /// `captain`) → the person key last named with it.
    bound: HashMap<String, String>,
    /// Class (`plant`, `peacekeepers`, `officer`) → the last entity of it.
    last: HashMap<String, (String, Kind)>,
    /// The country of the first place named: whose head of state an
    /// unqualified `the President` is.
    home: Option<String>,
    /// Office keys used for want of a holder named with them
    /// (`head-of-state:kazakhstan`): the other account may name one.
    vacant: HashSet<String>,
    /// While set, lookups leave what the tracker knows unchanged.
    frozen: bool,
    /// The last sentence read by [`Tracker::in_claim`] and its mentions.
    sentence: Option<(Range<usize>, Vec<EntityMention>)>,
    /// Buffers [`find_in`] reuses from one sentence to the next.
    scratch: Scratch,
}

/// The buffers of [`find_in`], kept empty between calls so that a sentence
/// reuses the last one's allocations.
#[derive(Debug, Clone, Default)]
struct Scratch {
    /// The forms that are not a prefix of their word (see [`forms`]).
    buf: String,
    /// Each word's bare and singular form.
    forms: Vec<(Src, Src)>,
    /// The words as read for matching, emptied.
    toks: Vec<Tok<'static>>,
    /// The words of a range [`find`] reads, emptied.
    words: Vec<crate::text::Word<'static>>,
}

/// A name resolved to its entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Canonical {
    /// The entity's key.
    pub key: String,
    /// The fullest name the account used for it (`Rizagul Beisenbaeva`).
    pub name: String,
    /// Its kind, as the JSON contract names it.
    pub kind: EntityKind,
}

impl<'a> Tracker<'a> {
    /// A tracker for a new account.
    pub(crate) fn new(table: &'a Table) -> Tracker<'a> {
        Tracker {
            table,
            surnames: HashMap::default(),
            names: HashMap::default(),
            display: HashMap::default(),
            bound: HashMap::default(),
            last: HashMap::default(),
            home: None,
            vacant: HashSet::default(),
            frozen: false,
            sentence: None,
            scratch: Scratch::default(),
        }
    }

    /// Resolves a name used in the account (`Beisenbaeva`, `mayor
    /// Sagintayev`, `the captain`) to the entity named so far, without
    /// changing what the tracker knows. Unknown names resolve to themselves.
    pub(crate) fn canonical(&mut self, name: &str) -> Option<Canonical> {
        self.frozen = true;
        let mut found = find(name, 0..name.len(), self);
        self.frozen = false;
        // The last person's mention, else the last mention: taken, not copied.
        let at = found
            .iter()
            .rposition(|m| m.kind == EntityKind::Person)
            .or_else(|| found.len().checked_sub(1));
        let Some(mention) = at.map(|at| found.swap_remove(at)) else {
            // A name the account never used: itself, as a person's.
            let words: Vec<String> = words(name, 0..name.len())
                .into_iter()
                .map(|w| bare(w.text))
                .collect();
            return (!words.is_empty()).then(|| Canonical {
                key: words.join("-"),
                name: name.trim().to_string(),
                kind: EntityKind::Person,
            });
        };
        Some(Canonical {
            name: match self.display.get(&mention.key) {
                Some(display) => display.clone(),
                None => mention.text,
            },
            key: mention.key,
            kind: mention.kind,
        })
    }

    /// Reads the place of the account's dateline (`ALMATY`): its country is
    /// the account's own, whose head of state a bare `the President` is.
    pub(crate) fn dateline(&mut self, place: &str) {
        if self.home.is_none() {
            find(place, 0..place.len(), self);
        }
    }

    /// The mentions of a claim that stands in `sentence` and covers `parts`
    /// (its own span and, for a list item, the predicate it shares). Each
    /// sentence is read once and whole, in text order, so that what the
    /// tracker learns does not depend on how the sentence was cut into claims.
    #[cfg(test)]
    pub(crate) fn in_claim(
        &mut self,
        text: &str,
        sentence: Range<usize>,
        parts: &[Range<usize>],
    ) -> Vec<EntityMention> {
        self.in_claim_of(&crate::text::Segmented::new(text, []), sentence, parts)
    }

    /// [`Tracker::in_claim`], with the words of the account's sentences
    /// from `segmented` (which holds the text).
    pub(crate) fn in_claim_of(
        &mut self,
        segmented: &crate::text::Segmented<'_>,
        sentence: Range<usize>,
        parts: &[Range<usize>],
    ) -> Vec<EntityMention> {
        let text = segmented.text();
        if self
            .sentence
            .as_ref()
            .is_none_or(|(read, _)| *read != sentence)
        {
            let found = match text.get(sentence.clone()) {
                Some(_) => find_in(
                    text,
                    sentence.clone(),
                    &segmented.words(sentence.clone()),
                    self,
                ),
                None => Vec::new(),
            };
            self.sentence = Some((sentence.clone(), found));
        }
        // The sentence's mentions are in text order: find each part's by
        // bisection, so that a sentence of many claims stays linear.
        let found: &[EntityMention] = self.sentence.as_ref().map_or(&[], |(_, found)| found);
        let mut chosen: Vec<&EntityMention> = Vec::new();
        for part in parts {
            let first = found.partition_point(|m| m.start < part.start);
            let inside = found
                .get(first..)
                .unwrap_or_default()
                .iter()
                .take_while(|m| m.start < part.end)
                .filter(|m| m.end <= part.end);
            chosen.extend(inside);
        }
        let within = |part: &Range<usize>| sentence.start <= part.start && part.end <= sentence.end;
        if parts.iter().all(within) {
            // Sorted and deduplicated by reference, so only what is kept is
            // copied (a predicate's mentions are also its claim's).
            chosen.sort_by_key(|m| (m.start, m.end));
            chosen.dedup();
            return chosen.into_iter().cloned().collect();
        }
        let mut mentions: Vec<EntityMention> = chosen.into_iter().cloned().collect();
        // A part outside its sentence (there should be none) is read on its own.
        for part in parts {
            if !within(part) {
                mentions.extend(find(text, part.clone(), self));
            }
        }
        mentions.sort_by_key(|m| (m.start, m.end));
        mentions.dedup();
        mentions
    }

    fn remember_display(&mut self, key: &str, text: &str) {
        if self.frozen {
            return;
        }
        match self.display.get_mut(key) {
            Some(known) => {
                if known.chars().count() < text.chars().count() {
                    text.clone_into(known);
                }
            }
            None => {
                self.display.insert(key.to_string(), text.to_string());
            }
        }
    }

    /// Sets `map[key]` to `value` unless frozen; the key is copied only
    /// when new. Out of line: inlined at its call sites it cost a KB of
    /// the `.wasm`.
    #[inline(never)]
    fn remember<V>(map: &mut HashMap<String, V>, frozen: bool, key: &str, value: V) {
        if frozen {
            return;
        }
        match map.get_mut(key) {
            Some(known) => *known = value,
            None => {
                map.insert(key.to_string(), value);
            }
        }
    }
}

/// A word of the claim with what matching needs to know about it.
#[derive(Debug, Clone)]
struct Tok<'t> {
    range: Range<usize>,
    text: &'t str,
    bare: &'t str,
    /// `bare` in its singular form.
    form: &'t str,
    /// The key of `bare` (see [`Key`]).
    key: Key,
    /// The key of `form`.
    form_key: Key,
    /// A stopword ([`crate::lexicon::is_stopword`] of the text).
    stop: bool,
    capital: bool,
    upper: bool,
    /// The first word of its sentence.
    initial: bool,
    /// Only white space (no blank line) or a hyphen separates it from the
    /// word before, so the two may belong to one name.
    joined: bool,
    /// A hyphen joins it to the word before (`Kassym-Jomart`).
    hyphen: bool,
    /// The text between it and the word before.
    gap: Range<usize>,
}

impl Tok<'_> {
    /// Whether the word's bare form is one of `list`.
    #[inline]
    fn is_in(&self, list: &Words) -> bool {
        list.contains(self.key)
    }
}

/// The English stopwords of [`crate::lexicon::is_stopword`], as keys: that
/// list is lower-case ASCII of at most ten bytes, so a word is one of them
/// exactly when its key is (checked by the tests).
static STOPWORDS: &Words = word_set![
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "ought",
    "our",
    "ours",
    "ourselves",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Where a word's bare or singular form is: a prefix of the word itself
/// (its length), or a range of the buffer of forms.
#[derive(Debug, Clone, Copy)]
enum Src {
    Word(usize),
    Buf(usize, usize),
}

impl Src {
    #[inline]
    fn get<'x>(self, word: &'x str, buf: &'x str) -> &'x str {
        match self {
            Src::Word(len) => word.get(..len).unwrap_or(word),
            Src::Buf(start, end) => buf.get(start..end).unwrap_or(""),
        }
    }
}

/// The bare and singular forms of `words`: where each is, into `out`, with
/// `buf` holding those that are not a prefix of their word (both emptied first).
fn forms(words: &[crate::text::Word<'_>], buf: &mut String, out: &mut Vec<(Src, Src)>) {
    buf.clear();
    out.clear();
    out.reserve(words.len());
    for word in words {
        let bare = match bare_in_place(word.text) {
            Some(len) => Src::Word(len),
            None => {
                let start = buf.len();
                push_bare(word.text, buf);
                Src::Buf(start, buf.len())
            }
        };
        let (kept, y) = singular_parts(bare.get(word.text, buf));
        let form = match (bare, y) {
            (Src::Word(_), false) => Src::Word(kept),
            (Src::Buf(start, _), false) => Src::Buf(start, start + kept),
            (Src::Word(_), true) => {
                let start = buf.len();
                buf.push_str(word.text.get(..kept).unwrap_or(""));
                buf.push('y');
                Src::Buf(start, buf.len())
            }
            (Src::Buf(..), true) => {
                let start = buf.len();
                push_bare(word.text, buf);
                buf.truncate(start + kept);
                buf.push('y');
                Src::Buf(start, buf.len())
            }
        };
        out.push((bare, form));
    }
}

/// The words of `text[range]` as read for matching, into `out` (emptied first).
fn tokens<'t>(
    text: &'t str,
    range: Range<usize>,
    words: &[crate::text::Word<'t>],
    buf: &'t str,
    forms: &[(Src, Src)],
    out: &mut Vec<Tok<'t>>,
) {
    out.clear();
    out.reserve(words.len());
    let mut previous_end: Option<usize> = None;
    for (word, &(bare_at, form)) in words.iter().zip(forms) {
        let bare = bare_at.get(word.text, buf);
        let form = form.get(word.text, buf);
        let gap_start = previous_end.unwrap_or(range.start);
        let gap = text.get(gap_start..word.range.start).unwrap_or("");
        // One pass over the gap (most often a single space).
        let (mut hyphens, mut spaces_only) = (0usize, true);
        for c in gap.chars() {
            if matches!(c, '-' | '\u{2010}' | '\u{2011}') {
                hyphens += 1;
            } else if !c.is_whitespace() {
                spaces_only = false;
            }
        }
        let abbreviation = out.last().is_some_and(|t| {
            gap.starts_with('.')
                && gap
                    .get(1..)
                    .is_some_and(|rest| rest.chars().all(char::is_whitespace))
                && ((t.text.chars().count() == 1 && t.capital) || t.is_in(NAME_ABBREVIATIONS))
        });
        let joined = previous_end.is_some()
            && (abbreviation || (spaces_only && hyphens <= 1 && !gap.contains("\n\n")));
        let key = Key::of(bare);
        // Most words are their own bare form, and most bare forms their own
        // singular: their keys are then the same (the form is a prefix of
        // the bare form or of the word, so equal lengths mean equal strings).
        let form_key = if form.len() == bare.len() {
            key
        } else {
            Key::of(form)
        };
        let text_key = match bare_at {
            Src::Word(len) if len == word.text.len() => key,
            _ => Key::of(word.text),
        };
        out.push(Tok {
            // Whoever reads a range reads it as a sentence (or a name).
            initial: previous_end.is_none() || sentence_initial(text, word.range.start),
            form,
            bare,
            key,
            form_key,
            stop: STOPWORDS.contains(text_key),
            capital: starts_upper(word.text),
            // A lower-case first letter rules out all capitals at once.
            upper: !word
                .text
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_lowercase)
                && case_of(word.text) == Case::Upper,
            joined,
            hyphen: joined && hyphens == 1,
            gap: gap_start..word.range.start,
            range: word.range.clone(),
            text: word.text,
        });
        previous_end = Some(out.last().map_or(gap_start, |t| t.range.end));
    }
}

/// `items` emptied, as a vector of the same type but for its lifetime, with
/// the same allocation (collecting a vector's own iterator into a vector of
/// a type of the same size and alignment reuses its buffer).
// `filter` cannot change the element's lifetime: `filter_map` is the point.
#[allow(clippy::unnecessary_filter_map)]
fn emptied<'x, T, U: 'x>(mut items: Vec<T>) -> Vec<U> {
    items.clear();
    items.into_iter().filter_map(|_| None).collect()
}

/// Whether the word starting at `start` begins a sentence: nothing but
/// white space and opening marks between it and the text's start, a line
/// break or a sentence's end.
fn sentence_initial(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    for c in before.chars().rev() {
        match c {
            '\n' | '\r' | '.' | '!' | '?' | '…' | ':' | ';' => return true,
            c if c.is_whitespace() => continue,
            '"' | '“' | '”' | '‘' | '\'' | '«' | '(' | '[' | '—' | '–' | '-' => continue,
            _ => return false,
        }
    }
    true
}

/// A title-case or all-capitals line: capitals say nothing about names there.
fn is_headline(toks: &[Tok<'_>]) -> bool {
    let mut content = toks.iter().filter(|t| !t.stop);
    // Running text has lower-case content words even when dense with names.
    content.clone().count() >= 4 && content.all(|t| t.capital)
}

/// Whether a lower-case word ends like a surname (`kocharyan`, `tokayev`).
fn has_surname_ending(word: &str) -> bool {
    // Every ending ends in one of these letters: most words are turned
    // away before the twenty comparisons.
    if !matches!(
        word.as_bytes().last(),
        Some(b'a' | b'e' | b'h' | b'i' | b'n' | b'o' | b'v' | b'y')
    ) {
        return false;
    }
    SURNAME_ENDINGS
        .iter()
        .any(|e| word.len() > e.len() + 2 && word.ends_with(e))
}

/// A table name matched in the text.
#[derive(Debug, Clone, Copy)]
struct Match {
    name: usize,
    entry: usize,
    end: usize,
}

/// Finds the entities of `text[range]`, one claim of the account `tracker`
/// is reading, with byte offsets into `text`. Call it on the claims in text
/// order: what it finds is remembered for the claims after.
pub(crate) fn find(
    text: &str,
    range: Range<usize>,
    tracker: &mut Tracker<'_>,
) -> Vec<EntityMention> {
    let Some(_) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut found_words = emptied(std::mem::take(&mut tracker.scratch.words));
    crate::text::for_each_word(text, range.clone(), |word| found_words.push(word));
    let found = find_in(text, range, &found_words, tracker);
    tracker.scratch.words = emptied(found_words);
    found
}

/// [`find`], given the words of `text[range]` (`words(text, range)`, which
/// lies on char boundaries inside `text`).
fn find_in<'t>(
    text: &'t str,
    range: Range<usize>,
    words: &[crate::text::Word<'t>],
    tracker: &mut Tracker<'_>,
) -> Vec<EntityMention> {
    // Taken for the call (a nested call, which there is none of, would
    // start afresh) and given back emptied.
    let Scratch {
        mut buf,
        forms: mut word_forms,
        toks,
        words: spare_words,
    } = std::mem::take(&mut tracker.scratch);
    forms(words, &mut buf, &mut word_forms);
    let mut toks = emptied(toks);
    tokens(text, range, words, &buf, &word_forms, &mut toks);
    let headline = is_headline(&toks);
    let mut scan = Scan {
        text,
        toks: &toks,
        tracker,
        out: Vec::new(),
        headline,
    };
    let mut i = 0;
    while i < toks.len() {
        i = scan.step(i).max(i + 1);
    }
    let mut out = scan.out;
    let toks = emptied(toks);
    buf.clear();
    word_forms.clear();
    tracker.scratch = Scratch {
        buf,
        forms: word_forms,
        toks,
        words: spare_words,
    };
    // Already in text order but for rare back-and-forth around titles.
    out.sort_by_key(|m| (m.start, m.end));
    out
}

struct Scan<'s, 't, 'a> {
    text: &'t str,
    toks: &'s [Tok<'t>],
    tracker: &'s mut Tracker<'a>,
    out: Vec<EntityMention>,
    headline: bool,
}

impl<'s, 't, 'a> Scan<'s, 't, 'a> {
    fn tok(&self, i: usize) -> Option<&'s Tok<'t>> {
        self.toks.get(i)
    }

    fn entry(&self, m: Match) -> Option<&'a Entry> {
        let table: &'a Table = self.tracker.table;
        table.entries.get(m.entry)
    }

    /// The longest table name starting at word `i`.
    fn name_at(&self, i: usize) -> Option<Match> {
        let first = self.tok(i)?;
        let table = self.tracker.table;
        let candidates = match first.form_key {
            Key::NONE => table.by_long_first.get(first.form)?,
            key => table.by_first.get(&key)?,
        };
        for &n in candidates {
            let Some(name) = table.names.get(n) else {
                continue;
            };
            let fits = name.words.iter().enumerate().all(|(k, word)| {
                self.tok(i + k).is_some_and(|t| {
                    (k == 0 || t.joined)
                        // Equal keys are equal forms, but two forms too
                        // long for a key must be compared.
                        && t.form_key == word.form_key
                        && (word.form_key != Key::NONE || t.form == word.form)
                        && match word.case {
                            Case::Any => true,
                            Case::Capital => t.capital,
                            Case::Upper => t.upper,
                        }
                })
            });
            if fits {
                return Some(Match {
                    name: n,
                    entry: name.entry,
                    end: i + name.words.len(),
                });
            }
        }
        None
    }

    fn is_title(&self, m: Match) -> bool {
        self.entry(m)
            .is_some_and(|e| matches!(e.kind, Kind::Role | Kind::Title))
    }

    /// A title after modifiers starting at `i`: (where the title proper starts, its match).
    fn title_after_modifiers(&self, i: usize) -> Option<(usize, Match)> {
        let mut k = i;
        // `Environment Minister` as well as `Deputy Minister`.
        while self
            .tok(k)
            .is_some_and(|t| t.is_in(TITLE_MODIFIERS) || t.is_in(DEPARTMENTS))
        {
            k += 1;
            if !self.tok(k).is_some_and(|t| t.joined) {
                return None;
            }
        }
        if k == i {
            return None;
        }
        let m = self.name_at(k)?;
        self.is_title(m).then_some((k, m))
    }

    fn push(&mut self, range: Range<usize>, key: String, kind: Kind) {
        let (Some(first), Some(last)) = (
            self.tok(range.start),
            range.end.checked_sub(1).and_then(|e| self.tok(e)),
        ) else {
            return;
        };
        let (start, end) = (first.range.start, last.range.end);
        let text = self.text.get(start..end).unwrap_or("").to_string();
        self.out.push(EntityMention {
            key,
            kind: kind.public(),
            text,
            start,
            end,
        });
    }

    /// The text of the words `range`, borrowed from the claim's text.
    fn span_text(&self, range: Range<usize>) -> &'t str {
        match (
            self.tok(range.start),
            range.end.checked_sub(1).and_then(|e| self.tok(e)),
        ) {
            (Some(first), Some(last)) => self
                .text
                .get(first.range.start..last.range.end)
                .unwrap_or(""),
            _ => "",
        }
    }

    fn slug(&self, range: Range<usize>) -> String {
        let toks = self.toks.get(range).unwrap_or_default();
        // Sized once: the bare forms and a hyphen between each two.
        let len: usize = toks.iter().map(|t| t.bare.len() + 1).sum();
        let mut slug = String::with_capacity(len.saturating_sub(1));
        for (n, t) in toks.iter().enumerate() {
            if n > 0 {
                slug.push('-');
            }
            slug.push_str(t.bare);
        }
        slug
    }

    /// Reads from word `i`; returns where to go on.
    fn step(&mut self, i: usize) -> usize {
        if let Some((title_start, m)) = self.title_after_modifiers(i) {
            return self.title(i, title_start, m, None);
        }
        if let Some(m) = self.name_at(i) {
            let Some(entry) = self.entry(m) else {
                return i + 1;
            };
            if matches!(entry.kind, Kind::Role | Kind::Title) {
                return self.title(i, i, m, None);
            }
            self.known(i, m, entry);
            // A qualifier before an office: `Russian President Vladimir Putin`.
            let qualifies = matches!(entry.kind, Kind::Place | Kind::Organisation);
            if let Some(next) = self.name_at(m.end) {
                if qualifies && self.tok(m.end).is_some_and(|t| t.joined) && self.is_title(next) {
                    return self.title(m.end, m.end, next, Some(entry.key.as_str()));
                }
            }
            return m.end;
        }
        if self.tok(i).is_some_and(|t| t.capital) {
            return self.proper(i);
        }
        i + 1
    }

    /// A name from the table.
    fn known(&mut self, i: usize, m: Match, entry: &Entry) {
        let adjective = self
            .tracker
            .table
            .names
            .get(m.name)
            .is_some_and(|n| n.adjective);
        let (key, kind) = if entry.generic {
            let indefinite = i
                .checked_sub(1)
                .and_then(|p| self.tok(p))
                .is_some_and(|t| t.is_in(INDEFINITE));
            match self.tracker.last.get(&entry.key) {
                Some(found) if !indefinite => found.clone(),
                _ => (entry.key.clone(), entry.kind),
            }
        } else {
            (entry.key.clone(), entry.kind)
        };
        let frozen = self.tracker.frozen;
        if let Some(class) = &entry.class {
            Tracker::remember(&mut self.tracker.last, frozen, class, (key.clone(), kind));
        }
        if entry.kind == Kind::Place && !adjective && self.tracker.home.is_none() && !frozen {
            self.tracker.home.clone_from(&entry.country);
        }
        if !entry.generic && !adjective {
            let text = self.span_text(i..m.end);
            self.tracker.remember_display(&key, text);
        }
        self.push(i..m.end, key, kind);
    }

    /// An office or title at `start..m.end` (`title_start` past its
    /// modifiers), maybe qualified (`Russian`), maybe followed by a
    /// complement (`of Kazakhstan`) and a person's name.
    fn title(
        &mut self,
        start: usize,
        title_start: usize,
        m: Match,
        qualifier: Option<&'a str>,
    ) -> usize {
        let Some(entry) = self.entry(m) else {
            return m.end;
        };
        // Mentions of the complement come after the title's own, in text order.
        let mark = self.out.len();
        let holder = !self
            .toks
            .get(start..title_start)
            .unwrap_or_default()
            .iter()
            .any(|t| t.is_in(NOT_THE_HOLDER));
        let written = self
            .tracker
            .table
            .names
            .get(m.name)
            .and_then(|n| n.words.first())
            .map_or("", |w| w.bare.as_str());
        let plural = self
            .tok(title_start)
            .is_some_and(|t| t.bare.ends_with('s') && !written.ends_with('s'));
        let mut qualifier = qualifier;
        let mut k = m.end;
        // A gloss in brackets: `akim (mayor) of Almaty city`.
        let mut after_bracket = false;
        if let Some(gloss) = self.name_at(k) {
            let opens = self.gap_has(k, '(');
            let closes = self.tok(gloss.end).is_none() || self.gap_has(gloss.end, ')');
            if opens && closes && self.is_title(gloss) {
                k = gloss.end;
                after_bracket = true;
            }
        }
        let mut name: Option<Range<usize>> = None;
        // A complement: `of Kazakhstan`, `of the National Security Committee`.
        if self
            .tok(k)
            .is_some_and(|t| t.bare == "of" && (t.joined || after_bracket))
        {
            let mut c = k + 1;
            if self.tok(c).is_some_and(|t| t.bare == "the" && t.joined) {
                c += 1;
            }
            let inner = self.name_at(c).filter(|inner| !self.is_title(*inner));
            let joined = self.tok(c).is_some_and(|t| t.joined);
            if let (true, Some(inner)) = (joined, inner) {
                if let Some(inner_entry) = self.entry(inner) {
                    self.known(c, inner, inner_entry);
                    if matches!(inner_entry.kind, Kind::Place | Kind::Organisation) {
                        qualifier = qualifier.or(Some(inner_entry.key.as_str()));
                    }
                }
                k = inner.end;
            } else if joined && self.tok(c).is_some_and(|t| t.capital && !t.stop) {
                let run_end = self.run(c, true);
                let name_start = self.split_complement(c, run_end);
                if name_start < run_end {
                    let has_head = self
                        .toks
                        .get(c..name_start)
                        .unwrap_or_default()
                        .iter()
                        .any(|t| t.is_in(ORGANISATION_HEADS));
                    if has_head {
                        self.unknown(c..name_start, Some(Kind::Organisation));
                    }
                    name = Some(name_start..run_end);
                    k = run_end;
                } else if self
                    .toks
                    .get(c..run_end)
                    .unwrap_or_default()
                    .iter()
                    .all(|t| t.is_in(DEPARTMENTS))
                {
                    // What the office is of, not a name: `Minister of Industry`.
                    k = run_end;
                } else {
                    // No name inside: the complement is a name of its own
                    // (`of the Aksai bakery plant`).
                    k = self.proper(c);
                }
            }
        }
        // A name right after the title: `President Tokayev`.
        let name_follows = self
            .tok(k)
            .is_some_and(|t| t.joined && t.capital && !t.stop);
        if name.is_none() && name_follows && self.name_at(k).is_none() && k < self.toks.len() {
            let run_end = self.run(k, false);
            // After a complement from the table, more of it may come before
            // the name: `commander of the Russian Airborne Forces Andrei Serdyukov`.
            let has_head = self
                .toks
                .get(k..run_end)
                .unwrap_or_default()
                .iter()
                .any(|t| t.is_in(ORGANISATION_HEADS));
            if k > m.end && has_head {
                let name_start = self.split_complement(k, run_end);
                self.unknown(k..name_start, Some(Kind::Organisation));
                k = name_start;
            }
            // At most three parts: given name, patronymic or middle name, surname.
            let end = self
                .unit_starts(k, run_end)
                .get(3)
                .copied()
                .unwrap_or(run_end);
            name = (k < end).then_some(k..end);
        }
        // A person from the table right after the title.
        let mut listed_person: Option<(&str, usize)> = None;
        if name.is_none() && self.tok(k).is_some_and(|t| t.joined) {
            if let Some(found) = self.name_at(k) {
                if let Some(person) = self.entry(found).filter(|e| e.kind == Kind::Person) {
                    self.known(k, found, person);
                    listed_person = Some((person.key.as_str(), found.end));
                }
            }
        }
        let office = |q: Option<&str>| match q {
            Some(q) => format!("{}:{q}", entry.key),
            None => entry.key.clone(),
        };
        let frozen = self.tracker.frozen;
        let named = match (name, listed_person) {
            (Some(name), _) => Some((None, name)),
            (None, Some((key, end))) => Some((Some(key), end..end)),
            (None, None) => None,
        };
        let (key, next) = match named {
            Some((listed, name)) if !plural => {
                let end = name.end;
                let person = match listed {
                    Some(key) => key.to_string(),
                    None => self.person(name),
                };
                if holder {
                    Tracker::remember(
                        &mut self.tracker.bound,
                        frozen,
                        &office(qualifier),
                        person.clone(),
                    );
                }
                if let Some(class) = &entry.class {
                    Tracker::remember(
                        &mut self.tracker.last,
                        frozen,
                        class,
                        (person.clone(), Kind::Person),
                    );
                }
                (Some(person), end)
            }
            _ => {
                let resolved = if plural || !holder {
                    None
                } else if entry.kind == Kind::Role {
                    let (key, held) = self.office_holder(&entry.key, qualifier);
                    if !held && !frozen {
                        self.tracker.vacant.insert(key.clone());
                    }
                    Some(key)
                } else if entry.generic {
                    self.tracker
                        .last
                        .get(&entry.key)
                        .map(|(key, _)| key.clone())
                } else {
                    self.tracker.bound.get(&entry.key).cloned()
                };
                (resolved, k.max(m.end))
            }
        };
        if let Some(key) = key {
            let tail = self.out.split_off(mark.min(self.out.len()));
            self.push(start..m.end, key, Kind::Person);
            self.out.extend(tail);
        }
        next
    }

    /// Who holds an office in this account: the person named with it, else
    /// the office's own key qualified by its country (`head-of-state:kazakhstan`).
    fn office_holder(&self, office: &str, qualifier: Option<&str>) -> (String, bool) {
        let home = self.tracker.home.as_deref();
        let bound = &self.tracker.bound;
        let own = bound.get(office);
        let found = match qualifier {
            Some(q) => bound
                .get(&format!("{office}:{q}"))
                .or(own.filter(|_| home == Some(q))),
            None => own.or_else(|| home.and_then(|h| bound.get(&format!("{office}:{h}")))),
        };
        match (found, qualifier.or(home)) {
            (Some(person), _) => (person.clone(), true),
            (None, Some(q)) => (format!("{office}:{q}"), false),
            (None, None) => (office.to_string(), false),
        }
    }

    fn gap_has(&self, i: usize, c: char) -> bool {
        self.tok(i)
            .and_then(|t| self.text.get(t.gap.clone()))
            .is_some_and(|gap| gap.contains(c))
    }

    /// Splits a capitalised run after `Minister of` into the complement and
    /// the name: returns where the name starts (`run_end` if there is none).
    fn split_complement(&self, start: usize, run_end: usize) -> usize {
        let is_office_word = |i: usize| {
            self.tok(i)
                .is_some_and(|t| t.is_in(DEPARTMENTS) || t.is_in(ORGANISATION_HEADS))
        };
        let units = self.unit_starts(start, run_end);
        let Some(&last_unit) = units.last() else {
            return run_end;
        };
        if run_end.checked_sub(1).is_some_and(is_office_word) {
            return run_end;
        }
        match units.len() {
            0 | 1 => run_end,
            2 => {
                if units.first().is_some_and(|&u| is_office_word(u)) {
                    last_unit
                } else {
                    run_end
                }
            }
            n => {
                let before_last = units.get(n - 2).copied().unwrap_or(last_unit);
                if is_office_word(before_last) {
                    last_unit
                } else {
                    before_last
                }
            }
        }
    }

    /// Where each hyphen-joined unit of `start..end` starts.
    fn unit_starts(&self, start: usize, end: usize) -> Vec<usize> {
        (start..end)
            .filter(|&i| i == start || !self.tok(i).is_some_and(|t| t.hyphen))
            .collect()
    }

    /// The end of the capitalised run starting at `start`: joined capitalised
    /// words, stopping before a table name; with `connectors`, also through
    /// `of`/`for` inside an organisation's name.
    fn run(&self, start: usize, connectors: bool) -> usize {
        let mut end = start + 1;
        let mut has_head = self.tok(start).is_some_and(|t| t.is_in(ORGANISATION_HEADS));
        while end < start + MAX_RUN {
            let Some(t) = self.tok(end) else { break };
            if !t.joined {
                break;
            }
            let is_name_word = t.capital && !t.stop && !t.is_in(NOT_NAMES);
            if is_name_word
                && self
                    .name_at(end)
                    .is_none_or(|m| !self.is_title(m) && self.entry(m).is_some_and(|e| e.generic))
            {
                has_head |= t.is_in(ORGANISATION_HEADS);
                end += 1;
            } else if connectors
                && has_head
                && t.is_in(NAME_CONNECTORS)
                && self
                    .tok(end + 1)
                    .is_some_and(|n| n.joined && n.capital && !n.stop)
            {
                end += 2;
            } else {
                break;
            }
        }
        end.min(self.toks.len())
    }

    /// A capitalised word not in the table, at `i`.
    fn proper(&mut self, i: usize) -> usize {
        let Some(first) = self.tok(i) else {
            return i + 1;
        };
        if first.stop || first.is_in(NOT_NAMES) {
            return i + 1;
        }
        let end = self.run(i, true);
        let slug = self.slug(i..end);
        let last_bare = end
            .checked_sub(1)
            .and_then(|e| self.tok(e))
            .map_or("", |t| t.bare);
        let known =
            self.tracker.names.contains_key(&slug) || self.tracker.surnames.contains_key(last_bare);
        if self.headline && !known {
            return end;
        }
        let next_is_speech = self.tok(end).is_some_and(|t| t.is_in(SPEECH_VERBS));
        let surname_like = has_surname_ending(first.bare);
        let lone_letter = end == i + 1 && first.text.chars().count() == 1;
        if lone_letter
            || (end == i + 1 && first.initial && !known && !next_is_speech && !surname_like)
        {
            return i + 1;
        }
        // A common noun after the name: `the Aksai bakery plant`, `Kazakhtelecom’s offices`.
        for gap in 0..3 {
            let p = end + gap;
            let between_ok = (end..p).all(|q| {
                self.tok(q)
                    .is_some_and(|t| t.joined && !t.capital && !t.stop)
            });
            if !between_ok || !self.tok(p).is_some_and(|t| t.joined) {
                break;
            }
            let Some(m) = self.name_at(p) else { continue };
            let Some(head) = self.entry(m) else {
                break;
            };
            if head.generic && matches!(head.kind, Kind::Facility | Kind::Organisation) {
                let key = if head.kind == Kind::Facility {
                    format!("{slug}-{}", head.key)
                } else {
                    slug.clone()
                };
                let frozen = self.tracker.frozen;
                Tracker::remember(
                    &mut self.tracker.last,
                    frozen,
                    &head.key,
                    (key.clone(), head.kind),
                );
                Tracker::remember(
                    &mut self.tracker.names,
                    frozen,
                    &slug,
                    (key.clone(), head.kind),
                );
                let text = self.span_text(i..m.end);
                self.tracker.remember_display(&key, text);
                self.push(i..m.end, key, head.kind);
                return m.end;
            }
            break;
        }
        self.unknown_slug(i..end, None, slug);
        end
    }

    /// Records an unknown name, its kind guessed from cues unless given.
    fn unknown(&mut self, span: Range<usize>, kind: Option<Kind>) {
        let slug = self.slug(span.clone());
        self.unknown_slug(span, kind, slug);
    }

    /// [`Scan::unknown`], given the span's [`Scan::slug`].
    fn unknown_slug(&mut self, span: Range<usize>, kind: Option<Kind>, slug: String) {
        if slug.is_empty() {
            return;
        }
        let words: &[Tok<'t>] = self.toks.get(span.clone()).unwrap_or_default();
        let last = words.last().map_or("", |t| t.bare);
        let known = self.tracker.names.get(&slug).cloned();
        let kind = kind
            .or(known.as_ref().map(|(_, kind)| *kind))
            .unwrap_or_else(|| {
                let next = self.tok(span.end);
                let before = |back: usize| span.start.checked_sub(back).and_then(|p| self.tok(p));
                let first = words.first().map_or("", |t| t.bare);
                let titled_after = self
                    .name_at(span.end)
                    .or_else(|| self.title_after_modifiers(span.end).map(|(_, m)| m))
                    .is_some_and(|m| self.is_title(m));
                let person_cue = self.tracker.surnames.contains_key(last)
                    || titled_after
                    || next.is_some_and(|t| t.is_in(SPEECH_VERBS))
                    || has_surname_ending(last);
                let place_cue = PLACE_FIRST_WORDS.contains(Key::of(first))
                    || (words.len() <= 2 && before(1).is_some_and(|t| t.is_in(PLACE_PREPOSITIONS)))
                    || (before(1).is_some_and(|t| t.bare == "of")
                        && before(2).is_some_and(|t| PLACE_OF.contains(t.form_key)));
                // The first cue that holds decides.
                let cues = [
                    (
                        words.iter().any(|t| t.is_in(ORGANISATION_HEADS)),
                        Kind::Organisation,
                    ),
                    (FACILITY_HEADS.contains(Key::of(last)), Kind::Facility),
                    (PLACE_HEADS.contains(Key::of(last)), Kind::Place),
                    (person_cue, Kind::Person),
                    (place_cue, Kind::Place),
                    (
                        words.len() >= 2 && words.iter().all(|t| !t.upper),
                        Kind::Person,
                    ),
                ];
                cues.into_iter()
                    .find(|(holds, _)| *holds)
                    .map_or(Kind::Organisation, |(_, kind)| kind)
            });
        if kind == Kind::Person {
            self.person_slug(span, slug);
            return;
        }
        let key = known.map_or_else(|| slug.clone(), |(key, _)| key);
        let frozen = self.tracker.frozen;
        Tracker::remember(&mut self.tracker.names, frozen, &slug, (key.clone(), kind));
        let text = self.span_text(span.clone());
        self.tracker.remember_display(&key, text);
        self.push(span, key, kind);
    }

    /// A person's name: resolves a surname or a full name named before,
    /// remembers it, and records the mention. Returns the person's key.
    fn person(&mut self, span: Range<usize>) -> String {
        let slug = self.slug(span.clone());
        self.person_slug(span, slug)
    }

    /// [`Scan::person`], given the span's [`Scan::slug`].
    fn person_slug(&mut self, span: Range<usize>, slug: String) -> String {
        let surname = span
            .end
            .checked_sub(1)
            .and_then(|e| self.tok(e))
            .map_or("", |t| t.bare);
        let key = match (
            self.tracker.names.get(&slug),
            self.tracker.surnames.get(surname),
        ) {
            (Some((key, Kind::Person)), _) => key.clone(),
            (_, Some(key)) => key.clone(),
            _ => slug.clone(),
        };
        let frozen = self.tracker.frozen;
        Tracker::remember(&mut self.tracker.surnames, frozen, surname, key.clone());
        Tracker::remember(
            &mut self.tracker.names,
            frozen,
            &slug,
            (key.clone(), Kind::Person),
        );
        let text = self.span_text(span.clone());
        self.tracker.remember_display(&key, text);
        self.push(span, key.clone(), Kind::Person);
        key
    }
}

/// Makes the keys of two accounts meet where one account knows more: a bare
/// surname in one (`tokayev`) takes the full name the other gives
/// (`kassym-jomart-tokayev`), and an office with no holder named in one
/// (`head-of-state:kazakhstan`) takes the person the other names as holder.
pub(crate) fn reconcile<'m>(
    a: &Tracker<'_>,
    mentions_a: impl IntoIterator<Item = &'m mut EntityMention>,
    b: &Tracker<'_>,
    mentions_b: impl IntoIterator<Item = &'m mut EntityMention>,
) {
    let persons_a = fuller_names(a, b);
    let persons_b = fuller_names(b, a);
    let offices_a = office_holders(a, b, &persons_b);
    let offices_b = office_holders(b, a, &persons_a);
    let rewrite = |mention: &mut EntityMention,
                   persons: &HashMap<String, String>,
                   offices: &HashMap<String, String>| {
        if let Some(key) = persons
            .get(&mention.key)
            .or_else(|| offices.get(&mention.key))
        {
            mention.key.clone_from(key);
        }
    };
    for mention in mentions_a {
        rewrite(mention, &persons_a, &offices_a);
    }
    for mention in mentions_b {
        rewrite(mention, &persons_b, &offices_b);
    }
}

/// Person keys of `mine` that are a bare surname, mapped to the full-name
/// key `other` uses for the same surname.
fn fuller_names(mine: &Tracker<'_>, other: &Tracker<'_>) -> HashMap<String, String> {
    mine.surnames
        .iter()
        .filter(|(surname, key)| surname == key)
        .filter_map(|(surname, key)| {
            let theirs = other.surnames.get(surname)?;
            (theirs != key).then(|| (key.clone(), theirs.clone()))
        })
        .collect()
}

/// Vacant office keys of `mine` mapped to the holder `other` names (under
/// `other`'s final keys).
fn office_holders(
    mine: &Tracker<'_>,
    other: &Tracker<'_>,
    other_persons: &HashMap<String, String>,
) -> HashMap<String, String> {
    mine.vacant
        .iter()
        .filter_map(|office| {
            let (role, qualifier) = match office.split_once(':') {
                Some((role, q)) => (role, Some(q)),
                None => (office.as_str(), None),
            };
            let unqualified = other.bound.get(role);
            let holder = match qualifier {
                Some(q) => other
                    .bound
                    .get(office)
                    .or(unqualified.filter(|_| other.home.as_deref() == Some(q))),
                None => unqualified,
            }?;
            let holder = other_persons.get(holder).unwrap_or(holder);
            Some((office.clone(), holder.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentences;

    /// Every mention of `text`, read sentence by sentence as one account:
    /// `(words, key, kind)`.
    fn read(text: &str, extra: &[AliasSpec]) -> Vec<(String, String, String)> {
        let table = Table::with(extra).unwrap();
        let mut tracker = Tracker::new(&table);
        sentences(text, 0..text.len())
            .into_iter()
            .flat_map(|sentence| find(text, sentence, &mut tracker))
            .map(|m| {
                assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
                (m.text, m.key, m.kind.as_str().to_string())
            })
            .collect()
    }

    struct Case {
        text: &'static str,
        /// Mentions that must be found, in this order: (words, key, kind).
        found: &'static [(&'static str, &'static str, &'static str)],
        /// Words that must not be a mention.
        not: &'static [&'static str],
    }

    const CASES: &[Case] = &[
        // Wire style, another war: an office qualified by an adjective,
        // then the bare office and the surname refer back.
        Case {
            text: "KYIV, March 30 (Reuters) - Ukrainian President Volodymyr Zelenskiy said \
                   Russian troops were regrouping near Kharkov. The president said Zelenskiy's \
                   government would not yield.",
            found: &[
                ("KYIV", "kyiv", "place"),
                ("Reuters", "reuters", "organisation"),
                ("Ukrainian", "ukraine", "place"),
                ("President", "volodymyr-zelenskiy", "person"),
                ("Volodymyr Zelenskiy", "volodymyr-zelenskiy", "person"),
                ("Russian", "russia", "place"),
                ("troops", "troops", "group"),
                ("Kharkov", "kharkiv", "place"),
                ("president", "volodymyr-zelenskiy", "person"),
                ("Zelenskiy's", "volodymyr-zelenskiy", "person"),
            ],
            not: &["March", "The"],
        },
        // Translated state media: old, new and Cyrillic spellings of one city.
        Case {
            text: "Residents of Алматы, formerly Alma-Ata, welcomed the decision of the akimat. \
                   Almaty is calm.",
            found: &[
                ("Residents", "residents", "group"),
                ("Алматы", "almaty", "place"),
                ("Alma-Ata", "almaty", "place"),
                ("Almaty", "almaty", "place"),
            ],
            not: &[],
        },
        // A deputy does not hold the office; the office refers to its holder.
        Case {
            text: "Deputy Prime Minister Roman Sklyar met Prime Minister Alikhan Smailov in \
                   Astana. The Prime Minister thanked Sklyar.",
            found: &[
                ("Deputy Prime Minister", "roman-sklyar", "person"),
                ("Roman Sklyar", "roman-sklyar", "person"),
                ("Prime Minister", "alikhan-smailov", "person"),
                ("Alikhan Smailov", "alikhan-smailov", "person"),
                ("Astana", "astana", "place"),
                ("Prime Minister", "alikhan-smailov", "person"),
                ("Sklyar", "roman-sklyar", "person"),
            ],
            not: &[],
        },
        // Ranks: the rank alone and a generic `officer` refer back.
        Case {
            text: "According to Lieutenant Colonel Olena Kovalenko, the bridge held. \
                   \"We stayed,\" the colonel said. Kovalenko added that the officer slept.",
            found: &[
                ("Lieutenant Colonel", "olena-kovalenko", "person"),
                ("Olena Kovalenko", "olena-kovalenko", "person"),
                ("colonel", "olena-kovalenko", "person"),
                ("Kovalenko", "olena-kovalenko", "person"),
                ("officer", "olena-kovalenko", "person"),
            ],
            not: &["According"],
        },
        // Groups that accounts choose between are kept apart; synonyms meet.
        Case {
            text: "Terrorists and looters attacked the city hall, while marauders and armed \
                   bandits robbed shops. Protesters and demonstrators gathered.",
            found: &[
                ("Terrorists", "terrorists", "group"),
                ("looters", "looters", "group"),
                ("marauders", "looters", "group"),
                ("armed bandits", "bandits", "group"),
                ("Protesters", "protesters", "group"),
                ("demonstrators", "protesters", "group"),
            ],
            not: &[],
        },
        // Facilities: a named plant, then `the factory`; `a plant` is new.
        Case {
            text: "Workers at the Tolyatti car plant said the factory would reopen. \
                   A plant in Samara stayed shut.",
            found: &[
                ("Workers", "workers", "group"),
                ("Tolyatti car plant", "tolyatti-plant", "facility"),
                ("factory", "tolyatti-plant", "facility"),
                ("plant", "plant", "facility"),
                ("Samara", "samara", "place"),
            ],
            not: &["A"],
        },
        // Organisations from cues; a sentence-initial common word is no name.
        Case {
            text: "Supplies were cut by Gazprom, Interfax reported. The Ministry of Emergency \
                   Situations sent the Kazakh Red Crescent. Meanwhile, NATO met.",
            found: &[
                ("Gazprom", "gazprom", "organisation"),
                ("Interfax", "interfax", "organisation"),
                (
                    "Ministry of Emergency Situations",
                    "ministry-of-emergency-situations",
                    "organisation",
                ),
                ("Kazakh", "kazakhstan", "place"),
                ("Red Crescent", "icrc", "organisation"),
                ("NATO", "nato", "organisation"),
            ],
            not: &["Supplies", "Meanwhile"],
        },
        // Peacekeepers: the bare word refers to the force named before.
        Case {
            text: "UN peacekeepers patrolled Gaza. The peacekeepers left on Friday.",
            found: &[
                ("UN peacekeepers", "un-peacekeepers", "group"),
                ("Gaza", "gaza", "place"),
                ("peacekeepers", "un-peacekeepers", "group"),
            ],
            not: &["Friday"],
        },
        // Tabloid headline: capitals say nothing, only known names count.
        Case {
            text: "MAYHEM IN MINSK AS RIOT POLICE CHARGE CROWDS",
            found: &[
                ("MINSK", "minsk", "place"),
                ("RIOT POLICE", "security-forces", "group"),
            ],
            not: &["MAYHEM", "CROWDS"],
        },
        // Several heads of state are nobody in particular; a vacant office
        // keeps its country.
        Case {
            text: "The Heads of State of the CSTO met in Moscow. The President of Russia spoke.",
            found: &[
                ("CSTO", "csto", "organisation"),
                ("Moscow", "moscow", "place"),
                ("President", "head-of-state:russia", "person"),
                ("Russia", "russia", "place"),
            ],
            not: &["Heads of State"],
        },
        // Abbreviations inside names, possessives, an office of another
        // country left vacant, a complement with a table name inside.
        Case {
            text: "U.S. President Joe Biden called Kazakhstan's President. Gen. Andrei \
                   Serdyukov, commander of the Russian Airborne Forces, landed on Jan. 6.",
            found: &[
                ("U.S", "united-states", "place"),
                ("President", "joe-biden", "person"),
                ("Joe Biden", "joe-biden", "person"),
                ("Kazakhstan's", "kazakhstan", "place"),
                ("President", "head-of-state:kazakhstan", "person"),
                ("Gen", "andrei-serdyukov", "person"),
                ("Andrei Serdyukov", "andrei-serdyukov", "person"),
                ("Russian", "russia", "place"),
                ("Airborne Forces", "airborne-forces", "organisation"),
            ],
            not: &["Jan"],
        },
        // Soviet-era and transliterated names.
        Case {
            text: "Бишкек, once Frunze, and Kiev, now Kyiv, sent delegations to Nur-Sultan.",
            found: &[
                ("Бишкек", "bishkek", "place"),
                ("Frunze", "bishkek", "place"),
                ("Kiev", "kyiv", "place"),
                ("Kyiv", "kyiv", "place"),
                ("Nur-Sultan", "astana", "place"),
            ],
            not: &[],
        },
    ];

    #[test]
    fn finds_entities_in_accounts_of_other_events() {
        for case in CASES {
            let mentions = read(case.text, &[]);
            let mut rest = mentions.iter();
            for &(words, key, kind) in case.found {
                assert!(
                    rest.any(|(w, k, c)| w == words && k == key && c == kind),
                    "{words:?} = {key}/{kind} not found in order in {:?}:\n{mentions:#?}",
                    case.text
                );
            }
            for words in case.not {
                assert!(
                    mentions.iter().all(|(w, _, _)| w != words),
                    "{words:?} must not be a mention in {:?}:\n{mentions:#?}",
                    case.text
                );
            }
        }
    }

    #[test]
    fn callers_add_names_and_people() {
        let extra: Vec<AliasSpec> = serde_json::from_str(
            r#"[
                {"key": "almaty", "kind": "place", "names": ["Almaata"]},
                {"key": "kassym-jomart-tokayev", "kind": "person",
                 "names": ["Kassym-Jomart Tokayev", "Tokayev", "Tokaev"]}
            ]"#,
        )
        .unwrap();
        let mentions = read(
            "President Tokaev flew to Almaata. The President met Tokayev's aides.",
            &extra,
        );
        let keys: Vec<(&str, &str)> = mentions
            .iter()
            .map(|(w, k, _)| (w.as_str(), k.as_str()))
            .collect();
        assert_eq!(
            keys,
            [
                ("President", "kassym-jomart-tokayev"),
                ("Tokaev", "kassym-jomart-tokayev"),
                ("Almaata", "almaty"),
                ("President", "kassym-jomart-tokayev"),
                ("Tokayev's", "kassym-jomart-tokayev"),
            ]
        );
    }

    #[test]
    fn bad_caller_aliases_are_errors() {
        for json in [
            r#"[{"key": "x", "kind": "planet", "names": ["Mars"]}]"#,
            r#"[{"key": "", "kind": "place", "names": ["Mars"]}]"#,
            r#"[{"key": "x", "kind": "place", "names": ["—"]}]"#,
        ] {
            let extra: Vec<AliasSpec> = serde_json::from_str(json).unwrap();
            assert!(Table::with(&extra).is_err(), "{json} must be refused");
        }
    }

    #[test]
    fn attribution_names_resolve_to_the_fullest_name() {
        let table = Table::with(&[]).unwrap();
        let mut tracker = Tracker::new(&table);
        let text = "As Rizagul Beisenbaeva, deputy director of the plant, said, work went on. \
                    Captain Denis Ivanov agreed. The akim of Almaty city Bakytzhan Sagintayev spoke.";
        for sentence in sentences(text, 0..text.len()) {
            find(text, sentence, &mut tracker);
        }
        let cases = [
            ("Beisenbaeva", "rizagul-beisenbaeva", "Rizagul Beisenbaeva"),
            (
                "Rizagul Beisenbaeva",
                "rizagul-beisenbaeva",
                "Rizagul Beisenbaeva",
            ),
            ("the captain", "denis-ivanov", "Denis Ivanov"),
            ("the officer", "denis-ivanov", "Denis Ivanov"),
            (
                "mayor Sagintayev",
                "bakytzhan-sagintayev",
                "Bakytzhan Sagintayev",
            ),
            ("Kazinform", "kazinform", "Kazinform"),
            ("John Smith", "john-smith", "John Smith"),
            ("Zas", "zas", "Zas"),
        ];
        for (name, key, display) in cases {
            let found = tracker.canonical(name).unwrap();
            assert_eq!(
                (found.key.as_str(), found.name.as_str()),
                (key, display),
                "{name}"
            );
        }
        // Looking names up teaches the tracker nothing.
        assert!(!tracker.surnames.contains_key("smith"));
        assert_eq!(tracker.canonical(""), None);
    }

    #[test]
    fn reconcile_fills_surnames_and_vacant_offices_from_the_other_account() {
        let table = Table::with(&[]).unwrap();
        let read_one = |text: &str| {
            let mut tracker = Tracker::new(&table);
            let claims: Vec<Vec<EntityMention>> = sentences(text, 0..text.len())
                .into_iter()
                .map(|range| find(text, range, &mut tracker))
                .collect();
            (tracker, claims)
        };
        let (a, mut claims_a) = read_one("In Almaty, Head of State Kassym-Jomart Tokayev spoke.");
        let (b, mut claims_b) =
            read_one("Tokayev was told. Then Stanislav Zas informed the President of Kazakhstan.");
        reconcile(
            &a,
            claims_a.iter_mut().flatten(),
            &b,
            claims_b.iter_mut().flatten(),
        );
        let keys: Vec<&str> = claims_b
            .iter()
            .flatten()
            .filter(|m| m.kind == EntityKind::Person)
            .map(|m| m.key.as_str())
            .collect();
        assert_eq!(
            keys,
            [
                "kassym-jomart-tokayev",
                "stanislav-zas",
                "kassym-jomart-tokayev"
            ]
        );
    }

    #[test]
    fn a_huge_sentence_of_many_claims_stays_linear() {
        let piece = "Captain Denis Ivanov and the Kazakh police guarded Almaty, the mayor said, ";
        let text = piece.repeat(5_000);
        let table = Table::with(&[]).unwrap();
        let mut tracker = Tracker::new(&table);
        let mut total = 0;
        for n in 0..5_000 {
            let part = n * piece.len()..(n + 1) * piece.len();
            total += tracker.in_claim(&text, 0..text.len(), &[part]).len();
        }
        // Captain, Denis Ivanov, Kazakh, police, Almaty; `the mayor` is nobody yet.
        assert_eq!(total, 5_000 * 5);
    }

    #[test]
    fn the_dateline_tells_whose_president() {
        let table = Table::with(&[]).unwrap();
        let mut tracker = Tracker::new(&table);
        tracker.dateline("TBILISI");
        let text = "The President met protesters.";
        let found = find(text, 0..text.len(), &mut tracker);
        assert_eq!(found[0].key, "head-of-state:georgia");
    }

    #[test]
    fn stopword_keys_are_the_lexicon_stopwords() {
        let source = include_str!("lexicon.rs");
        let list = source
            .split_once("const STOPWORDS: &str = \"")
            .and_then(|(_, rest)| rest.split_once("\";"))
            .map(|(list, _)| list.replace('\\', " "))
            .expect("lexicon.rs has its stopword list");
        let mut words: Vec<String> = list.split_whitespace().map(str::to_string).collect();
        assert!(words.len() > 100);
        for w in words.clone() {
            words.push(w.to_uppercase());
            let mut cap = w.clone();
            cap[..1].make_ascii_uppercase();
            words.push(cap);
            words.push(format!("{w}x"));
            words.push(w[1..].to_string());
        }
        for a in b'a'..=b'z' {
            for b in [None, Some(b'a'), Some(b'k'), Some(b'z')] {
                let mut w = String::from(a as char);
                w.extend(b.map(char::from));
                words.push(w);
            }
        }
        words.extend(
            [
                "K",
                "\u{212a}",
                "İ",
                "ı",
                "Ѐ",
                "it’s",
                "ourselvess",
                "yourselves",
                "",
            ]
            .map(str::to_string),
        );
        for w in &words {
            assert_eq!(
                STOPWORDS.contains(Key::of(w)),
                crate::lexicon::is_stopword(w),
                "{w:?}"
            );
        }
    }

    #[test]
    fn forms_without_allocation_are_bare_and_singular() {
        let text = "Forces bakeries Churches wishes Classes boxes Bus news gas ies \
                    Kazakhtelecom’s city's cities' ALMATY Алматы Сёла ÉCOLES écoles \
                    s's x ' ab’ Babies’s";
        let found = words(text, 0..text.len());
        // Twice into the same buffers: what the first call left is not read.
        let (mut buf, mut forms_of) = (String::from("left over"), Vec::new());
        forms(&found[..3], &mut buf, &mut forms_of);
        forms(&found, &mut buf, &mut forms_of);
        assert_eq!(forms_of.len(), found.len());
        for (word, &(b, f)) in found.iter().zip(&forms_of) {
            assert_eq!(b.get(word.text, &buf), bare(word.text), "{}", word.text);
            assert_eq!(
                f.get(word.text, &buf),
                singular(&bare(word.text)),
                "{}",
                word.text
            );
        }
    }

    #[test]
    fn surname_endings_end_in_the_letters_checked_first() {
        for ending in SURNAME_ENDINGS {
            let word = format!("abc{ending}");
            assert!(has_surname_ending(&word), "{word}");
        }
        assert!(!has_surname_ending("kazakhstan"));
        assert!(!has_surname_ending("ov"));
    }

    #[test]
    fn singular_forms() {
        let cases = [
            ("forces", "force"),
            ("bakeries", "bakery"),
            ("offices", "office"),
            ("churches", "church"),
            ("us", "us"),
            ("bus", "bus"),
            ("troops", "troop"),
            ("virus", "virus"),
            ("class", "class"),
            ("", ""),
        ];
        for (word, expected) in cases {
            assert_eq!(singular(word), expected, "{word}");
        }
    }

    #[test]
    fn random_texts_never_panic_and_stay_in_range() {
        const PIECES: &[&str] = &[
            "President",
            "Head of State",
            "Heads",
            "of",
            "the",
            "The",
            "(",
            ")",
            "-",
            "’s",
            "'",
            "Almaty",
            "Alma-Ata",
            "Алматы",
            "👩‍👩‍👧",
            "e\u{301}",
            "\r",
            "\n\n",
            ".",
            ",",
            "Captain",
            "captain",
            "Deputy",
            "Vice",
            "A",
            "a",
            "CSTO",
            "plant",
            "the factory",
            "Kazakh",
            "Zyx",
            "Qwerty Uiop",
            "Ivanov",
            "said",
            "akim",
            "mayor",
            "Minister",
            "Interior",
            "Committee",
            "officer",
            "peacekeepers",
            "\u{0}",
            "עברית",
            "Gen.",
            "K.",
            "of the",
            "Kazakhtelecom’s",
            "offices",
            "company",
            "in",
            "ALL CAPS HERE NOW",
            " ",
            "  ",
        ];
        let table = Table::with(&[]).unwrap();
        let taxonomy = crate::topics::Taxonomy::with(&[]).unwrap();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..(next() % 40) {
                text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
                if next() % 3 > 0 {
                    text.push(' ');
                }
            }
            let boundaries: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            let pick = |n: u64| boundaries[(n % boundaries.len() as u64) as usize];
            let (x, y) = (pick(next()), pick(next()));
            let range = x.min(y)..x.max(y);
            let mut tracker = Tracker::new(&table);
            for m in find(&text, range.clone(), &mut tracker) {
                assert!(range.start <= m.start && m.end <= range.end, "{text:?}");
                assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()), "{text:?}");
            }
            let claim = tracker.in_claim(&text, 0..text.len(), std::slice::from_ref(&range));
            assert!(claim.iter().all(|m| text.get(m.start..m.end).is_some()));
            let _ = tracker.canonical(&text);
            let _ = taxonomy.classify_parts(&text, &[range.clone(), 0..text.len()]);
        }
    }

    #[test]
    fn odd_text_gives_mentions_on_char_boundaries() {
        let texts = [
            "",
            "\u{0}\u{0}Almaty\u{0}",
            "👩‍👩‍👧 Alma-Ata 👩‍👩‍👧",
            "e\u{301} Almaty\r\nPresident\rTokayev",
            "עברית Almaty العربية",
            "<p>President <b>Tokayev</b></p>",
            "- - - - Head of of of State State",
            "President",
            "(((( akim ( mayor ) of",
        ];
        for text in texts {
            for (words, _, _) in read(text, &[]) {
                assert!(!words.is_empty());
            }
        }
        let table = Table::with(&[]).unwrap();
        let mut tracker = Tracker::new(&table);
        assert!(find("Almaty", 3..99, &mut tracker).is_empty());
    }
}
