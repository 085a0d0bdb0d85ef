//! The temporal tagger: finds English news time expressions and normalises
//! each to a TIMEX3 value (ISO-TimeML) against the document's date.
//!
//! The recognition grammar is ours and data-driven: word tables in
//! [`lexicon`], token patterns with their resolvers in [`grammar`]. Words
//! before an expression (`until`, `no more than`, `early`, `the night of`)
//! are a separate table of effects that stack on any expression they fit, and
//! two expressions may join into one (`January 13 at 10:43`, `from March 1 to
//! March 4`).
//!
//! Relative expressions are resolved against the document date; with none,
//! the value stays underspecified and is never guessed: `XXXX-01-19` for a day
//! with no year, `XXXX-WXX-2` for a bare Tuesday, and `REF±P…` (the document
//! date moved by an ISO 8601 duration, whose unit is the value's precision)
//! for `tomorrow` (`REF+P1D`), `two days ago` (`REF-P2D`) or `next week`
//! (`REF+P1W`). Weekdays, months and days with no year go the way the
//! sentence's tense points (see [`tense_markers_into`]).
//!
//! Mentions include the words that bound or qualify them (`until January
//! 19`, `no more than 5 days`), with the TimeML `mod` they imply, because the
//! bound is what a reader and the comparison need.
//!
//! # Crate-level API
//!
//! * [`tag_text`]`(text, anchor)`: every [`Mention`] of a text, in order,
//!   each with its TIMEX3 `kind`/`value`/`modifier`/`begin_point`/`end_point`,
//!   byte `range`, resolved [`Interval`] of days (`begin`/`end` as
//!   `Option<time::Date>`, `None` = open; the whole interval `None` when
//!   unresolved) and [`Certainty`] (`Exact < Approximate < Vague`).
//! * [`claims_times`]`(text, anchor, claim_ranges)`: for each claim, its
//!   mentions and its [`Timing`] (the claim's `when`: an [`Interval`], a
//!   certainty, and the contract's `begin`/`end` strings).
//! * [`parse_date`]: a document date `YYYY-MM-DD` to a `time::Date`.
//!
//! # The date crate
//!
//! Calendar arithmetic uses the `time` crate with `default-features = false`:
//! its `Date` is a packed `i32` whose arithmetic is checked (`checked_add`,
//! `from_calendar_date` return `None`/`Err` instead of panicking), and
//! without features it builds no formatting, parsing, time zone or clock
//! code. It was the smallest of the three well-kept candidates: a wasm32
//! release build (opt-level `s`, LTO) of the operations used here (build a
//! date, add days, weekday, ISO week, Julian day, month length) came to
//! 4.5 KB with `time` 0.3.45, 6.6 KB with `chrono` 0.4 and 9.9 KB with `jiff`
//! 0.2, each without default features.

mod grammar;
mod lexicon;
mod tokens;
mod value;

use std::ops::Range;

use time::Date;

use crate::offsets::OffsetMap;
use crate::report;
use grammar::{Anchoring, Core, Ctx};
use lexicon::{Effect, Unit, DATE_CLOCK_JOINERS, ED_NOT_PAST, RANGE_JOINERS};
#[cfg(test)]
use tokens::tokenize;
use tokens::{tokenize_into, Shape, Token};
use value::{add_days, days_between, iso, shift, Point};

pub(crate) use lexicon::Lean;
pub(crate) use value::Interval;

/// How sure a resolved interval is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Certainty {
    /// A day (or days) the text names: `January 19`, `tomorrow`, `until March 4`.
    Exact,
    /// A coarser or hedged value: `next week`, `early January`, `about two weeks`.
    Approximate,
    /// Only a direction: `soon`, `recently`, `now`, `a few days`.
    Vague,
}

impl Certainty {
    /// The contract's spelling: `exact`, `approximate`, `vague`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Certainty::Exact => "exact",
            Certainty::Approximate => "approximate",
            Certainty::Vague => "vague",
        }
    }
}

/// A time expression found in a text, normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mention {
    /// Byte range in the original text.
    pub range: Range<usize>,
    /// TIMEX3 type: `DATE`, `TIME`, `DURATION` or `SET`.
    pub kind: &'static str,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 `mod`.
    pub modifier: Option<&'static str>,
    /// For a range, the value of its first point.
    pub begin_point: Option<String>,
    /// For a range, the value of its last point.
    pub end_point: Option<String>,
    /// The days it covers, when resolved to the calendar (`None`: not
    /// resolved, e.g. no document date, or a free duration or a set).
    pub interval: Option<Interval>,
    /// How sure the interval is.
    pub certainty: Certainty,
    /// For a duration tied to nothing (`will take ten days`): its length, so
    /// a claim can anchor it to a point or the document date.
    length: Option<(u32, Unit)>,
}

impl Mention {
    /// The contract's form, with offsets in `map`'s unit.
    pub(crate) fn to_report(&self, text: &str, map: &OffsetMap<'_>) -> report::TimeMention {
        report::TimeMention {
            start: map.convert(self.range.start),
            end: map.convert(self.range.end),
            text: text.get(self.range.clone()).unwrap_or_default().to_string(),
            kind: self.kind.to_string(),
            value: self.value.clone(),
            modifier: self.modifier.map(str::to_string),
            begin_point: self.begin_point.clone(),
            end_point: self.end_point.clone(),
        }
    }

    /// The contract's form with byte offsets (the caller remaps them).
    pub(crate) fn to_report_bytes(&self, text: &str) -> report::TimeMention {
        report::TimeMention {
            start: self.range.start,
            end: self.range.end,
            text: text.get(self.range.clone()).unwrap_or_default().to_string(),
            kind: self.kind.to_string(),
            value: self.value.clone(),
            modifier: self.modifier.map(str::to_string),
            begin_point: self.begin_point.clone(),
            end_point: self.end_point.clone(),
        }
    }
}

/// When a claim's event happens, as an interval of days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Timing {
    /// The days, each end `None` when open or not resolved.
    pub interval: Interval,
    /// How sure it is.
    pub certainty: Certainty,
    /// The first day as the contract shows it: an ISO date, or a TIMEX3
    /// value when unresolved (`XXXX-01-19`).
    pub begin: Option<String>,
    /// The last day, likewise.
    pub end: Option<String>,
}

impl Timing {
    /// The contract's form.
    pub(crate) fn to_report(&self) -> report::When {
        report::When {
            begin: self.begin.clone(),
            end: self.end.clone(),
            certainty: self.certainty.as_str().to_string(),
        }
    }
}

/// Parses a document date, `YYYY-MM-DD`, if it names a real day.
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    let bytes = s.as_bytes();
    if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let digits = |r: Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let year = i32::try_from(digits(0..4)?).ok()?;
    let month = u8::try_from(digits(5..7)?).ok()?;
    value::day(year, month, digits(8..10)?)
}

/// Every time expression of a whole text, in text order, sentence by
/// sentence (tense is judged within each sentence). The day last named
/// carries over from sentence to sentence, for `the next day`.
pub(crate) fn tag_text(text: &str, anchor: Option<Date>) -> Vec<Mention> {
    let lower = text.to_ascii_lowercase();
    tag_lowered(text, &lower, anchor, &[])
}

/// [`tag_text`] with the text's ASCII lower-cased copy at hand; `known` are
/// sentences already cut (see [`whole_sentences`]).
fn tag_lowered(
    text: &str,
    lower: &str,
    anchor: Option<Date>,
    known: &[Range<usize>],
) -> Vec<Mention> {
    tag_sentences(text, lower, anchor, known, &mut Vec::new())
}

/// [`tag_lowered`], also pushing onto `tenses` each sentence with its
/// [`overall_tense`], in text order.
fn tag_sentences(
    text: &str,
    lower: &str,
    anchor: Option<Date>,
    known: &[Range<usize>],
    tenses: &mut Vec<(Range<usize>, Lean)>,
) -> Vec<Mention> {
    let mut reference = None;
    let mut tokens = Vec::new();
    let mut mentions = Vec::new();
    // A sentence's tense markers, one buffer for every sentence.
    let mut markers = Vec::new();
    let sentences = whole_sentences(text, known);
    tenses.reserve(sentences.len());
    for sentence in sentences {
        tokenize_into(&mut tokens, text, lower, sentence.clone());
        let tense = tag(&tokens, anchor, &mut reference, &mut mentions, &mut markers);
        tenses.push((sentence, tense));
    }
    mentions
}

/// `crate::text::sentences(text, 0..text.len())`, reusing `known`: the
/// sentences `prepare` kept (in text order), which are the whole text's
/// sentences of every line it cut whole.
///
/// The sentence rules always break after a line feed and look neither back
/// nor ahead across one, and sentences never glue across one, so the whole
/// text's sentences are those of each line (without its `\n`) in turn. A
/// line's known sentences are taken as they are when they cover all of it
/// but white space with no other line break between them (a dateline, a
/// block tag or a sentence taken for boilerplate leaves a gap); any other
/// line is cut again.
fn whole_sentences(text: &str, known: &[Range<usize>]) -> Vec<Range<usize>> {
    if known.is_empty() {
        return crate::text::sentences(text, 0..text.len());
    }
    let mut out = Vec::with_capacity(known.len() + 8);
    let mut k = 0;
    let mut start = 0;
    while start <= text.len() {
        let end = text
            .get(start..)
            .and_then(|rest| rest.find('\n'))
            .map_or(text.len(), |n| start + n);
        let first = k;
        while known.get(k).is_some_and(|s| s.start < end) {
            k += 1;
        }
        let line = known.get(first..k).unwrap_or_default();
        if let Some(trimmed) = crate::text::trim(text, start..end) {
            if covers(text, trimmed, line) {
                out.extend_from_slice(line);
            } else {
                out.extend(crate::text::sentences(text, start..end));
            }
        }
        start = end + 1;
    }
    out
}

/// Whether `line` (sentences, in order) spans all of `trimmed` with only
/// spaces between them: no other character and no line break.
fn covers(text: &str, trimmed: Range<usize>, line: &[Range<usize>]) -> bool {
    let (Some(first), Some(last)) = (line.first(), line.last()) else {
        return false;
    };
    if first.start != trimmed.start || last.end != trimmed.end {
        return false;
    }
    line.windows(2).all(|pair| match pair {
        [a, b] => text.get(a.end..b.start).is_some_and(|gap| {
            gap.chars()
                .all(|c| c.is_whitespace() && !matches!(c, '\r' | '\u{2028}' | '\u{2029}'))
        }),
        _ => true,
    })
}

/// The time expressions of a sentence's `tokens`, pushed onto `mentions`;
/// `reference` is the day the narrative last named, updated by each
/// day-precise expression found. Returns the sentence's [`overall_tense`].
fn tag(
    tokens: &[Token<'_>],
    anchor: Option<Date>,
    reference: &mut Option<Date>,
    mentions: &mut Vec<Mention>,
    markers: &mut Vec<(usize, Lean)>,
) -> Lean {
    tense_markers_into(tokens, markers);
    let markers = &markers[..];
    let mut i = 0;
    while let Some(token) = tokens.get(i) {
        if !grammar::may_start(token) {
            i += 1;
            continue;
        }
        if let Some(len) = grammar::not_time_at(tokens, i) {
            i += len;
            continue;
        }
        match scan_at(tokens, i, anchor, *reference, markers) {
            Some((mention, next)) => {
                if let Some(Interval {
                    begin: Some(b),
                    end: Some(e),
                }) = mention.interval
                {
                    if b == e && matches!(mention.kind, "DATE" | "TIME") {
                        *reference = Some(b);
                    }
                }
                mentions.push(mention);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    overall_tense(markers)
}

/// The time expressions and timing of each claim of a text: `claims` are
/// byte ranges. The text is tagged once, so the narrative's days carry
/// across claims; a claim gets the expressions wholly inside it, and its
/// timing from them and its own tense.
#[cfg(test)]
pub(crate) fn claims_times(
    text: &str,
    anchor: Option<Date>,
    claims: &[Range<usize>],
) -> Vec<(Vec<Mention>, Option<Timing>)> {
    claims_times_in(text, anchor, claims, &[])
}

/// [`claims_times`] with the sentences `prepare` kept, which spare cutting
/// most of the text into sentences again (any ranges give the same result
/// only if they are those).
pub(crate) fn claims_times_in(
    text: &str,
    anchor: Option<Date>,
    claims: &[Range<usize>],
    sentences: &[Range<usize>],
) -> Vec<(Vec<Mention>, Option<Timing>)> {
    let lower = text.to_ascii_lowercase();
    let mut tenses = Vec::new();
    let all = tag_sentences(text, &lower, anchor, sentences, &mut tenses);
    let mut tokens = Vec::new();
    let mut markers = Vec::new();
    claims
        .iter()
        .map(|claim| {
            let first = all.partition_point(|m| m.range.start < claim.start);
            let mentions: Vec<Mention> = all
                .get(first..)
                .unwrap_or_default()
                .iter()
                .take_while(|m| m.range.start < claim.end)
                .filter(|m| m.range.end <= claim.end)
                .cloned()
                .collect();
            // A claim that is a whole sentence has its tense already.
            let at = tenses.partition_point(|(s, _)| s.start < claim.start);
            let tense = match tenses.get(at) {
                Some((sentence, tense)) if sentence == claim => *tense,
                _ => {
                    tokenize_into(&mut tokens, text, &lower, claim.clone());
                    tense_markers_into(&tokens, &mut markers);
                    overall_tense(&markers)
                }
            };
            let timing = when(&mentions, anchor, tense);
            (mentions, timing)
        })
        .collect()
}

// ---- Tense --------------------------------------------------------------------

/// The tokens that mark tense, with the direction each points: auxiliaries
/// and common irregular past forms from the lexicon, and `-ed` words that do
/// not follow a determiner (`was launched`, `announced`, but not `the
/// protected facilities`).
#[cfg(test)]
fn tense_markers(tokens: &[Token<'_>]) -> Vec<(usize, Lean)> {
    let mut markers = Vec::new();
    tense_markers_into(tokens, &mut markers);
    markers
}

/// The tense markers of `tokens` (as above) into `markers`, which is
/// cleared first: its buffer is reused from sentence to sentence.
fn tense_markers_into(tokens: &[Token<'_>], markers: &mut Vec<(usize, Lean)>) {
    let grammar = grammar::grammar();
    markers.clear();
    for (i, token) in tokens.iter().enumerate() {
        if token.shape != Shape::Word {
            continue;
        }
        if let Some(lean) = grammar.tense.get(usize::from(token.id)).copied().flatten() {
            markers.push((i, lean));
            continue;
        }
        let word = token.lower;
        if word.len() >= 5 && word.ends_with("ed") && !token.capitalised() {
            let after_determiner = i
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|t| grammar::flag(&grammar.determiner, t.id));
            if !after_determiner && !ED_NOT_PAST.contains(&word) {
                markers.push((i, Lean::Past));
            }
        }
    }
}

/// The tense at token `at`: that of the nearest marker before it (English
/// puts the verb before its time adverbial, and a reporting `…, he said`
/// after it belongs to another clause), else of the nearest after it, else
/// present.
fn tense_at(markers: &[(usize, Lean)], at: usize) -> Lean {
    // Markers are in token order: a binary search keeps a long sentence linear.
    let split = markers.partition_point(|(i, _)| *i < at);
    let before = split.checked_sub(1).and_then(|k| markers.get(k));
    before
        .or_else(|| markers.get(split))
        .map_or(Lean::Present, |(_, lean)| *lean)
}

/// A claim's tense: future if anything marks it, else past, else present.
fn overall_tense(markers: &[(usize, Lean)]) -> Lean {
    let has = |lean| markers.iter().any(|(_, l)| *l == lean);
    if has(Lean::Future) {
        Lean::Future
    } else if has(Lean::Past) {
        Lean::Past
    } else {
        Lean::Present
    }
}

// ---- Scanning -----------------------------------------------------------------

fn effect_lean(effect: &Effect) -> Option<Lean> {
    match effect {
        Effect::Mod { lean, .. } => *lean,
        _ => None,
    }
}

/// The expression starting at token `i`, if any, and the token after it.
///
/// Up to three prefixes are read first; then the core expression is sought
/// right at `i`, then after each prefix in turn, and the prefixes before the
/// core are kept as far out as they all fit it.
fn scan_at(
    tokens: &[Token<'_>],
    i: usize,
    anchor: Option<Date>,
    reference: Option<Date>,
    markers: &[(usize, Lean)],
) -> Option<(Mention, usize)> {
    let mut chain: Vec<(usize, Effect)> = Vec::new();
    let mut pos = i;
    while chain.len() < 3 {
        let Some((len, effect)) = grammar::prefix_at(tokens, pos) else {
            break;
        };
        chain.push((pos, effect));
        pos += len;
    }
    for k in 0..=chain.len() {
        let core_pos = chain.get(k).map_or(pos, |(p, _)| *p);
        let outer = chain.get(..k).unwrap_or_default();
        let lean = outer
            .iter()
            .rev()
            .find_map(|(_, e)| effect_lean(e))
            .unwrap_or_else(|| tense_at(markers, core_pos));
        let ctx = Ctx {
            anchor,
            reference,
            lean,
        };
        let Some(found) = grammar::match_at(tokens, core_pos, &ctx) else {
            continue;
        };
        let between = matches!(outer.last(), Some((_, Effect::RangeOpen { bound: None })));
        let (core, end, ranged) = extend(tokens, found, &ctx, between);
        for s in 0..=k {
            let effects: Vec<Effect> = outer.iter().skip(s).map(|(_, e)| *e).collect();
            let start = outer.get(s).map_or(core_pos, |(p, _)| *p);
            if let Some(draft) = build(core.clone(), &effects, ranged, anchor) {
                let first = tokens.get(start)?;
                let last = tokens.get(end.checked_sub(1)?)?;
                return Some((draft.into_mention(first.range.start..last.range.end), end));
            }
        }
    }
    None
}

/// Grows a core into what follows it: a clock time onto its date (or a
/// date onto its clock time), a second point into a range, and `inclusive`.
fn extend(
    tokens: &[Token<'_>],
    found: grammar::Found,
    ctx: &Ctx,
    between: bool,
) -> (Core, usize, bool) {
    let (mut core, mut end) = join_clock(tokens, found.core, found.end, ctx);
    core = clock_to_point(core, ctx.anchor);
    let mut ranged = false;
    let joiner = tokens
        .get(end)
        .is_some_and(|t| RANGE_JOINERS.contains(&t.lower) || (between && t.lower == "and"));
    if let (true, Core::Point(first)) = (joiner, &core) {
        if let Some(next) = grammar::match_at(tokens, end + 1, ctx) {
            let (second, second_end) = join_clock(tokens, next.core, next.end, ctx);
            if let Core::Point(second) = clock_to_point(second, ctx.anchor) {
                // `from 23:00 to 07:00` ends the next morning.
                let second = match (first, second) {
                    (Point::DayTime(d1, h1, m1), Point::DayTime(d2, h2, m2))
                        if d1 == &d2 && (h2, m2) < (*h1, *m1) =>
                    {
                        match add_days(d2, 1) {
                            Some(next_day) => Point::DayTime(next_day, h2, m2),
                            None => Point::DayTime(d2, h2, m2),
                        }
                    }
                    (_, second) => second,
                };
                let ordered = match (first.span(), second.span()) {
                    (Some((a, _)), Some((_, b))) => a <= b,
                    _ => true,
                };
                if ordered && first.unit() == second.unit() {
                    core = Core::Range(first.clone(), second);
                    end = second_end;
                    ranged = true;
                }
            }
        }
    }
    if tokens.get(end).is_some_and(|t| t.lower == "inclusive") {
        end += 1;
    }
    (core, end, ranged)
}

/// A day and a clock time next to each other, in either order, joined by at
/// most two of `,`, `at`, `on`.
fn join_clock(tokens: &[Token<'_>], core: Core, end: usize, ctx: &Ctx) -> (Core, usize) {
    let day_like = |core: &Core| matches!(core, Core::Point(p) if p.is_day() && p.kind() == "DATE");
    if !day_like(&core) && !matches!(core, Core::Clock(..)) {
        return (core, end);
    }
    let mut j = end;
    while j < end + 2
        && tokens
            .get(j)
            .is_some_and(|t| DATE_CLOCK_JOINERS.contains(&t.lower))
    {
        j += 1;
    }
    let Some(next) = grammar::match_at(tokens, j, ctx) else {
        return (core, end);
    };
    let joined = match (&core, &next.core) {
        (Core::Point(p), Core::Clock(h, m)) if day_like(&core) => with_clock(p, *h, *m),
        (Core::Clock(h, m), Core::Point(p)) if day_like(&next.core) => with_clock(p, *h, *m),
        _ => None,
    };
    match joined {
        Some(point) => (Core::Point(point), next.end),
        None => (core, end),
    }
}

fn with_clock(point: &Point, h: u8, m: u8) -> Option<Point> {
    match point {
        Point::Day(d) => Some(Point::DayTime(*d, h, m)),
        Point::Loose(v, Unit::Day) => Some(Point::Loose(format!("{v}T{h:02}:{m:02}"), Unit::Day)),
        _ => None,
    }
}

/// A clock time alone is on the document's day.
fn clock_to_point(core: Core, anchor: Option<Date>) -> Core {
    match core {
        Core::Clock(h, m) => Core::Point(match anchor {
            Some(d) => Point::DayTime(d, h, m),
            None => Point::Loose(format!("XXXX-XX-XXT{h:02}:{m:02}"), Unit::Day),
        }),
        other => other,
    }
}

// ---- Building a mention -------------------------------------------------------

/// A mention before it has its place in the text.
struct Draft {
    core: Core,
    kind: &'static str,
    value: String,
    modifier: Option<&'static str>,
    begin_point: Option<String>,
    end_point: Option<String>,
    interval: Option<Interval>,
    certainty: Certainty,
    length: Option<(u32, Unit)>,
}

impl Draft {
    fn into_mention(self, range: Range<usize>) -> Mention {
        Mention {
            range,
            kind: self.kind,
            value: self.value,
            modifier: self.modifier,
            begin_point: self.begin_point,
            end_point: self.end_point,
            interval: self.interval,
            certainty: self.certainty,
            length: self.length,
        }
    }
}

/// Applies `effects` (outermost first) to `core`; `None` if one does not fit.
fn build(core: Core, effects: &[Effect], ranged: bool, anchor: Option<Date>) -> Option<Draft> {
    // Effects that change the value itself act first.
    let mut core = core;
    for effect in effects {
        core = match (effect, core) {
            (Effect::Within, Core::Duration { amount, unit, .. }) => Core::Duration {
                amount,
                unit,
                anchoring: Anchoring::Forward,
            },
            (Effect::DayPart(part), Core::Point(Point::Day(d))) => {
                Core::Point(Point::DayPart(d, part))
            }
            (Effect::DayPart(part), Core::Point(Point::Loose(v, Unit::Day)))
                if !v.contains('T') =>
            {
                Core::Point(Point::Loose(format!("{v}T{part}"), Unit::Day))
            }
            (Effect::DayPart(_), _) => return None,
            (_, core) => core,
        };
    }
    let mut draft = base(core, anchor);
    for effect in effects.iter().rev() {
        apply(&mut draft, effect, ranged)?;
    }
    Some(draft)
}

fn base(core: Core, anchor: Option<Date>) -> Draft {
    let mut draft = Draft {
        core: core.clone(),
        kind: "DATE",
        value: String::new(),
        modifier: None,
        begin_point: None,
        end_point: None,
        interval: None,
        certainty: Certainty::Exact,
        length: None,
    };
    match core {
        Core::Point(point) => {
            draft.kind = point.kind();
            draft.value = point.value();
            draft.interval = point.span().map(|(b, e)| Interval::closed(b, e));
            if !point.is_day() {
                draft.certainty = Certainty::Approximate;
            }
        }
        Core::Clock(..) => {}
        Core::Duration {
            amount,
            unit,
            anchoring,
        } => {
            draft.kind = "DURATION";
            draft.value = value::duration_value(amount, unit);
            draft.interval = anchor.and_then(|a| anchored(a, amount, unit, anchoring));
            match amount {
                None => draft.certainty = Certainty::Vague,
                Some(n) if anchoring == Anchoring::Free => draft.length = Some((n, unit)),
                Some(_) => {}
            }
        }
        Core::Length(value) => {
            draft.kind = "DURATION";
            draft.value = value;
        }
        Core::Set(value) => {
            draft.kind = "SET";
            draft.value = value;
        }
        Core::Ref(value) => {
            draft.value = value.to_string();
            draft.certainty = Certainty::Vague;
            draft.interval = anchor.map(|a| match value {
                "FUTURE_REF" => Interval {
                    begin: Some(a),
                    end: None,
                },
                "PAST_REF" => Interval {
                    begin: None,
                    end: Some(a),
                },
                _ => Interval::closed(a, a),
            });
        }
        Core::Range(first, last) => {
            draft.kind = "DURATION";
            draft.value = range_value(&first, &last);
            draft.begin_point = Some(first.value());
            draft.end_point = Some(last.value());
            draft.interval = match (first.span(), last.span()) {
                (Some((b, _)), Some((_, e))) => Some(Interval::closed(b, e)),
                _ => None,
            };
            if !first.is_day() || !last.is_day() {
                draft.certainty = Certainty::Approximate;
            }
        }
    }
    draft
}

/// The days a duration tied to the document date covers.
fn anchored(
    anchor: Date,
    amount: Option<u32>,
    unit: Unit,
    anchoring: Anchoring,
) -> Option<Interval> {
    match (anchoring, amount) {
        (Anchoring::Free, _) => None,
        (Anchoring::Back, Some(n)) => Some(Interval::closed(shift(anchor, n, unit, -1)?, anchor)),
        (Anchoring::Forward, Some(n)) => Some(Interval::closed(anchor, shift(anchor, n, unit, 1)?)),
        (Anchoring::Back, None) => Some(Interval {
            begin: None,
            end: Some(anchor),
        }),
        (Anchoring::Forward, None) => Some(Interval {
            begin: Some(anchor),
            end: None,
        }),
    }
}

/// The length of a range, both ends included, in the unit of its points.
fn range_value(first: &Point, last: &Point) -> String {
    let unit = first.unit();
    if let (Point::DayTime(d1, h1, m1), Point::DayTime(d2, h2, m2)) = (first, last) {
        let minutes = days_between(*d1, *d2) * 1440 + i64::from(*h2) * 60 + i64::from(*m2)
            - i64::from(*h1) * 60
            - i64::from(*m1);
        if minutes >= 0 && minutes % 60 == 0 {
            return format!("PT{}H", minutes / 60);
        }
        if minutes >= 0 {
            return format!("PT{minutes}M");
        }
    }
    let (Some((begin, _)), Some((_, end))) = (first.span(), last.span()) else {
        return value::duration_value(None, unit);
    };
    let days = days_between(begin, end) + 1;
    let months = |a: Date, b: Date| {
        (i64::from(b.year()) - i64::from(a.year())) * 12 + i64::from(u8::from(b.month()))
            - i64::from(u8::from(a.month()))
            + 1
    };
    let n = match unit {
        Unit::Week => days / 7,
        Unit::Month => months(begin, end),
        Unit::Year | Unit::Decade | Unit::Century => {
            i64::from(end.year()) - i64::from(begin.year()) + 1
        }
        _ => days,
    };
    value::duration_value(u32::try_from(n).ok(), unit)
}

/// Applies one prefix effect; `None` if it does not fit the expression.
fn apply(draft: &mut Draft, effect: &Effect, ranged: bool) -> Option<()> {
    let is_point = matches!(draft.core, Core::Point(_) | Core::Ref(_));
    let is_duration = matches!(draft.core, Core::Duration { .. } | Core::Length(_));
    match *effect {
        Effect::Mod {
            point, duration, ..
        } => {
            let modifier = if is_point {
                point?
            } else if is_duration {
                duration?
            } else if matches!(draft.core, Core::Range(..)) && point == Some("APPROX") {
                "APPROX"
            } else {
                return None;
            };
            bound(draft, modifier);
        }
        Effect::Within => {
            if !is_duration {
                return None;
            }
            draft.modifier = Some("EQUAL_OR_LESS");
        }
        Effect::Period(part) => {
            let Core::Point(point) = &draft.core else {
                return None;
            };
            if point.is_day() {
                return None;
            }
            draft.modifier = Some(part);
            draft.interval = draft.interval.and_then(|iv| narrow(iv, part));
            draft.certainty = draft.certainty.max(Certainty::Approximate);
        }
        Effect::DayPart(_) => {}
        Effect::RangeOpen { bound: open } => {
            if !ranged {
                if !is_point {
                    return None;
                }
                bound(draft, open?);
            }
        }
    }
    Some(())
}

/// Sets a `mod` and what it does to the interval and certainty.
fn bound(draft: &mut Draft, modifier: &'static str) {
    draft.modifier = Some(modifier);
    let is_duration = matches!(draft.core, Core::Duration { .. } | Core::Length(_));
    draft.interval = draft.interval.map(|iv| match modifier {
        "ON_OR_BEFORE" => Interval {
            begin: None,
            end: iv.end,
        },
        "BEFORE" => Interval {
            begin: None,
            end: iv.begin.and_then(|b| add_days(b, -1)),
        },
        "ON_OR_AFTER" => Interval {
            begin: iv.begin,
            end: None,
        },
        "AFTER" => Interval {
            begin: iv.end.and_then(|e| add_days(e, 1)),
            end: None,
        },
        _ => iv,
    });
    if modifier == "APPROX" || is_duration {
        draft.certainty = draft.certainty.max(Certainty::Approximate);
    }
}

/// The first, middle or last third of an interval (`early`, `mid-`, `late`).
fn narrow(iv: Interval, part: &str) -> Option<Interval> {
    let (begin, end) = (iv.begin?, iv.end?);
    let days = days_between(begin, end) + 1;
    let third = (days / 3).max(1);
    Some(match part {
        "START" => Interval::closed(begin, add_days(begin, third - 1)?),
        "END" => Interval::closed(add_days(end, 1 - third)?, end),
        _ => Interval::closed(
            add_days(begin, third)?,
            add_days(end, -third)?.max(add_days(begin, third)?),
        ),
    })
}

// ---- A claim's timing ---------------------------------------------------------

/// The contract strings for an interval, or for an unresolved mention.
fn ends_of(mention: &Mention) -> (Option<String>, Option<String>) {
    // `now` and `these days` may stretch over days either side of the
    // document date: shown as a reference, so no exact date is read into them
    // (the interval, for the crate, still holds the document's day).
    if mention.value == "PRESENT_REF" {
        let value = Some(mention.value.clone());
        return (value.clone(), value);
    }
    if let Some(iv) = mention.interval {
        return (iv.begin.map(iso), iv.end.map(iso));
    }
    if let (Some(b), Some(e)) = (&mention.begin_point, &mention.end_point) {
        return (Some(b.clone()), Some(e.clone()));
    }
    let value = Some(mention.value.clone());
    match (mention.modifier, mention.value.as_str()) {
        (Some("ON_OR_BEFORE" | "BEFORE"), _) | (_, "PAST_REF") => (None, value),
        (Some("ON_OR_AFTER" | "AFTER"), _) | (_, "FUTURE_REF") => (value, None),
        _ => (value.clone(), value),
    }
}

/// When a claim's event happens, from its time expressions.
///
/// A lower and an upper bound (`from March 1 … until March 4`) make one
/// interval. Otherwise the most certain resolved point wins; a free duration
/// (`will take ten days`) runs from that point, or, in a claim about the
/// future with no point, from the document date.
fn when(mentions: &[Mention], anchor: Option<Date>, tense: Lean) -> Option<Timing> {
    let timed: Vec<&Mention> = mentions
        .iter()
        .filter(|m| {
            m.kind != "SET"
                && !(m.kind == "DURATION" && m.interval.is_none() && m.begin_point.is_none())
        })
        .collect();
    let has = |m: &&Mention, mods: &[&str]| m.modifier.is_some_and(|x| mods.contains(&x));
    let lower = timed.iter().find(|m| has(m, &["ON_OR_AFTER", "AFTER"]));
    let upper = timed.iter().find(|m| has(m, &["ON_OR_BEFORE", "BEFORE"]));
    if let (Some(lo), Some(up)) = (lower, upper) {
        return Some(Timing {
            interval: Interval {
                begin: lo.interval.and_then(|iv| iv.begin),
                end: up.interval.and_then(|iv| iv.end),
            },
            certainty: lo.certainty.max(up.certainty),
            begin: ends_of(lo).0,
            end: ends_of(up).1,
        });
    }
    let primary = timed
        .iter()
        .min_by_key(|m| (m.interval.is_none(), m.certainty, m.range.start));
    let length = mentions.iter().find_map(|m| m.length);
    match (primary, length) {
        (Some(p), Some((n, unit))) if !has(p, &["ON_OR_BEFORE", "BEFORE"]) => {
            let begin = p.interval.and_then(|iv| iv.begin);
            match begin.and_then(|b| Some((b, shift(b, n, unit, 1)?))) {
                Some((b, e)) => Some(Timing {
                    interval: Interval::closed(b, e),
                    certainty: p.certainty.max(Certainty::Approximate),
                    begin: Some(iso(b)),
                    end: Some(iso(e)),
                }),
                None => Some(timing_of(p)),
            }
        }
        (Some(p), _) => Some(timing_of(p)),
        (None, Some((n, unit))) if tense == Lean::Future => {
            let begin = anchor?;
            let end = shift(begin, n, unit, 1)?;
            Some(Timing {
                interval: Interval::closed(begin, end),
                certainty: Certainty::Approximate,
                begin: Some(iso(begin)),
                end: Some(iso(end)),
            })
        }
        _ => None,
    }
}

fn timing_of(mention: &Mention) -> Timing {
    let (begin, end) = ends_of(mention);
    Timing {
        interval: mention.interval.unwrap_or(Interval {
            begin: None,
            end: None,
        }),
        certainty: mention.certainty,
        begin,
        end,
    }
}

#[cfg(test)]
mod tests;
