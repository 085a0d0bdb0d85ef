//! claimdiff compares two news accounts of the same event.
//!
//! It finds the claims of each account, aligns the ones that speak of the same
//! thing, and judges each aligned pair: they **agree**, **partly agree** (one
//! is narrower, vaguer, hedged) or **conflict** (dates, numbers, negation).
//! Claims with no counterpart are listed as one-sided. Each pair carries the
//! reasons for its verdict and a word diff.
//!
//! The crate is a pure core: it compiles and tests natively, knows nothing of
//! WebAssembly (that lives in the `wasm` module, built only for `wasm32`), and
//! never panics on input.
//!
//! # Example
//!
//! ```
//! use claimdiff::{compare, Document, Options};
//!
//! let a = Document::new("The city is getting back to normal life. Schools reopen on Monday.");
//! let b = Document::new("Normal life is returning to the city.").with_date("2022-01-12");
//! let result = compare(&a, &b, &Options::default()).unwrap();
//! assert_eq!(result.pairs.len(), 1);
//! assert_eq!(result.only_a, ["a2"]);
//! println!("{}", serde_json::to_string_pretty(&result).unwrap());
//! ```
//!
//! # The JSON contract
//!
//! [`Comparison`] and the types of [`report`] are the contract shared by the
//! CLI and the browser; `SCHEMA.md` documents it key by key.
#![deny(missing_docs)]

mod align;
mod claims;
mod data;
mod diff;
mod entities;
mod error;
mod features;
mod framing;
mod lexicon;
mod offsets;
mod options;
mod order;
mod paraphrase;
mod prepare;
mod quantity;
mod render;
pub mod report;
mod services;
mod text;
mod timex;
mod tokens;
mod topics;
mod verdict;
mod voice;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::Error;
pub use options::{AliasSpec, Options, TopicSpec, DEFAULT_MAX_BYTES, DEFAULT_MAX_CLAIMS};
pub use render::{markdown, text as plain_text, Labels};
pub use report::{Comparison, OffsetUnit, Verdict, SCHEMA_VERSION};

use report::{Account, Claim, DateSource, Ignored, Pair, Span, Summary};

/// One account to compare: its text and, optionally, its date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document<'t> {
    text: &'t str,
    date: Option<String>,
}

impl<'t> Document<'t> {
    /// An account with no date given by the caller.
    pub fn new(text: &'t str) -> Document<'t> {
        Document { text, date: None }
    }

    /// Gives the account's date (`YYYY-MM-DD`); it wins over a date found in
    /// the text. It is checked by [`compare`].
    pub fn with_date(mut self, date: impl Into<String>) -> Document<'t> {
        self.date = Some(date.into());
        self
    }

    /// The account's text.
    pub fn text(&self) -> &'t str {
        self.text
    }
}

/// Compares two accounts.
///
/// Fails only on a bad date, an account over [`Options::max_bytes`], or
/// options out of range; any text, however odd, gives a result.
pub fn compare(a: &Document<'_>, b: &Document<'_>, options: &Options) -> Result<Comparison, Error> {
    options.validate()?;
    let date_a = checked_date(a, 'a')?;
    let date_b = checked_date(b, 'b')?;
    for (side, doc) in [('a', a), ('b', b)] {
        if doc.text.len() > options.max_bytes {
            return Err(Error::too_large(side, doc.text.len(), options.max_bytes));
        }
    }

    let taxonomy = topics::Taxonomy::with(&options.topics).map_err(Error::bad_options)?;
    let aliases = entities::Table::with(&options.aliases).map_err(Error::bad_options)?;
    let mut tracker_a = entities::Tracker::new(&aliases);
    let mut tracker_b = entities::Tracker::new(&aliases);
    let limit = options.max_claims;
    let (mut account_a, words_a) =
        read_account_words(a.text, date_a, 'a', (&taxonomy, limit), &mut tracker_a)?;
    let (mut account_b, words_b) =
        read_account_words(b.text, date_b, 'b', (&taxonomy, limit), &mut tracker_b)?;
    entities::reconcile(
        &tracker_a,
        account_a.claims.iter_mut().flat_map(|c| &mut c.entities),
        &tracker_b,
        account_b.claims.iter_mut().flat_map(|c| &mut c.entities),
    );
    let features_a = features::features_of(&words_a, &account_a.claims);
    let features_b = features::features_of(&words_b, &account_b.claims);
    let links = align::align(&features_a, &features_b, options.threshold);

    let mut paired_a = vec![false; account_a.claims.len()];
    let mut paired_b = vec![false; account_b.claims.len()];
    let mut pairs = Vec::with_capacity(links.len());
    for link in links {
        paired_a[link.a] = true;
        paired_b[link.b] = true;
        let (ca, cb) = (&account_a.claims[link.a], &account_b.claims[link.b]);
        let (statement_a, statement_b) = (
            features::statement(a.text, ca),
            features::statement(b.text, cb),
        );
        let diff = diff::word_diff(&statement_a, &statement_b);
        let (verdict, reasons) = verdict::judge(
            &verdict::Side {
                name: 'A',
                claim: ca,
                statement: &statement_a,
                features: &features_a[link.a],
            },
            &verdict::Side {
                name: 'B',
                claim: cb,
                statement: &statement_b,
                features: &features_b[link.b],
            },
            link.score,
        );
        pairs.push(Pair {
            a: ca.id.clone(),
            b: cb.id.clone(),
            score: (link.score * 100.0).round() / 100.0,
            verdict,
            reasons,
            topics: taxonomy.pair_topics(&ca.topics, &cb.topics),
            diff,
        });
    }
    let unpaired = |account: &Account, paired: &[bool]| -> Vec<String> {
        account
            .claims
            .iter()
            .zip(paired)
            .filter(|(_, &p)| !p)
            .map(|(c, _)| c.id.clone())
            .collect()
    };
    let only_a = unpaired(&account_a, &paired_a);
    let only_b = unpaired(&account_b, &paired_b);
    let framing = framing::framing(&words_a, &account_a, &words_b, &account_b);
    let summary = summarise(&pairs, &only_a, &only_b);

    let used_topics: rustc_hash::FxHashSet<&str> = account_a
        .claims
        .iter()
        .chain(&account_b.claims)
        .flat_map(|c| c.topics.iter().map(String::as_str))
        .collect();
    let topic_list = taxonomy.infos(&used_topics);
    let service_rows = services::services(
        &topic_list,
        (&words_a, &account_a.claims),
        (&words_b, &account_b.claims),
    );
    let mut result = Comparison {
        schema: SCHEMA_VERSION,
        offsets: OffsetUnit::Chars,
        a: account_a,
        b: account_b,
        pairs,
        only_a,
        only_b,
        framing,
        topics: topic_list,
        services: service_rows,
        summary,
    };
    result.summary.by_topic = topics::counts_by_topic(&result);
    offsets::remap(&mut result, a.text, b.text, options.offsets);
    Ok(result)
}

/// Finds the time expressions of a whole text and normalises each to a
/// TIMEX3 value, resolving relative ones (`tomorrow`, `on Tuesday`, `January
/// 19`) against `date` (`YYYY-MM-DD`), or else against the date of the text's
/// own dateline; with neither they stay underspecified (`XXXX-01-19`,
/// `REF+P1D`). Offsets are in `unit`.
///
/// Fails only on a `date` that is not a calendar day; any text gives a result.
///
/// ```
/// use claimdiff::{times, OffsetUnit};
///
/// let found = times("Troops will leave tomorrow.", Some("2022-01-12"), OffsetUnit::Chars).unwrap();
/// assert_eq!(found[0].text, "tomorrow");
/// assert_eq!(found[0].value, "2022-01-13");
/// ```
pub fn times(
    text: &str,
    date: Option<&str>,
    unit: OffsetUnit,
) -> Result<Vec<report::TimeMention>, Error> {
    let anchor = match date.map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => Some(timex::parse_date(d).ok_or_else(|| Error::bad_date(None, d))?),
        None => prepare::prepare(text)
            .date
            .as_deref()
            .and_then(timex::parse_date),
    };
    let map = offsets::OffsetMap::new(text, unit);
    Ok(timex::tag_text(text, anchor)
        .iter()
        .map(|mention| mention.to_report(text, &map))
        .collect())
}

/// Counts of verdicts and one-sided claims over the whole comparison (the
/// per-topic counts come from [`topics::counts_by_topic`]).
fn summarise(pairs: &[Pair], only_a: &[String], only_b: &[String]) -> Summary {
    let mut summary = Summary::default();
    for pair in pairs {
        match pair.verdict {
            Verdict::Agree => summary.total.agree += 1,
            Verdict::Partial => summary.total.partial += 1,
            Verdict::Conflict => summary.total.conflict += 1,
        }
    }
    summary.total.only_a = only_a.len();
    summary.total.only_b = only_b.len();
    summary
}

/// A claim's topics: those of its own words and, for a list item, of the
/// predicate it shares (`public transport` … `are getting back up and running`).
fn claim_topics(
    segmented: &text::Segmented<'_>,
    draft: &claims::ClaimDraft,
    taxonomy: &topics::Taxonomy,
) -> Vec<String> {
    let own = segmented.words(draft.range.clone());
    let predicate = draft.predicate.clone().map(|p| segmented.words(p));
    let parts: Vec<&[text::Word<'_>]> =
        std::iter::once(&*own).chain(predicate.as_deref()).collect();
    taxonomy.classify_words(&parts)
}

/// Reads one account: its date, claims and their fields, with byte offsets.
/// `rules` are the topic taxonomy and the most claims the account may yield.
/// Also gives the words of its claims' sentences, spans and predicates,
/// segmented once for every reader.
fn read_account_words<'t>(
    text: &'t str,
    date: Option<String>,
    side: char,
    rules: (&topics::Taxonomy, usize),
    tracker: &mut entities::Tracker<'_>,
) -> Result<(Account, text::Segmented<'t>), Error> {
    let (taxonomy, max_claims) = rules;
    let prepared = prepare::prepare(text);
    if let Some(place) = &prepared.place {
        tracker.dateline(place);
    }
    // A caller's date wins over the text's own.
    let (date, date_source) = match (date, prepared.date) {
        (Some(date), _) => (Some(date), Some(DateSource::Caller)),
        (None, Some(date)) => (Some(date), Some(DateSource::Text)),
        (None, None) => (None, None),
    };
    let span = |range: std::ops::Range<usize>| Span {
        start: range.start,
        end: range.end,
    };
    let anchor = date.as_deref().and_then(timex::parse_date);
    let (drafts, pieces) = claims::extract_with_tokens(text, &prepared.sentences);
    if drafts.len() > max_claims {
        return Err(Error::too_many_claims(side, drafts.len(), max_claims));
    }
    let segmented = text::Segmented::new(
        text,
        drafts.iter().flat_map(|d| {
            [d.sentence.clone(), d.range.clone()]
                .into_iter()
                .chain(d.predicate.clone())
        }),
    );
    let voices = voice::analyse_with_tokens(text, &drafts, pieces);
    let ranges: Vec<std::ops::Range<usize>> = drafts.iter().map(|d| d.range.clone()).collect();
    let times = timex::claims_times_in(text, anchor, &ranges, &prepared.sentences);
    let claims = drafts
        .into_iter()
        .zip(voices)
        .zip(times)
        .enumerate()
        .map(|(n, ((draft, voice), (mentions, timing)))| Claim {
            id: format!("{side}{}", n + 1),
            start: draft.range.start,
            end: draft.range.end,
            text: text.get(draft.range.clone()).unwrap_or("").to_string(),
            topics: claim_topics(&segmented, &draft, taxonomy),
            entities: tracker.in_claim_of(
                &segmented,
                draft.sentence.clone(),
                &[draft.range.clone()]
                    .into_iter()
                    .chain(draft.predicate.clone())
                    .collect::<Vec<_>>(),
            ),
            sentence: span(draft.sentence),
            predicate: draft.predicate.map(span),
            repeats: draft.repeats.into_iter().map(span).collect(),
            times: mentions.iter().map(|m| m.to_report_bytes(text)).collect(),
            when: timing.map(|t| t.to_report()),
            // The speaker as the account names them most fully (`her` and
            // `Beisenbaeva` both become `Rizagul Beisenbaeva`).
            attribution: voice
                .attribution
                .and_then(|range| text.get(range))
                .map(|name| {
                    tracker
                        .canonical(name)
                        .map_or_else(|| name.to_string(), |c| c.name)
                }),
            modality: voice.modality,
            negated: voice.negated,
        })
        .collect();
    let ignored = prepared
        .ignored
        .into_iter()
        .map(|(range, reason)| Ignored {
            start: range.start,
            end: range.end,
            reason: reason.to_string(),
        })
        .collect();
    let account = Account {
        date,
        date_source,
        place: prepared.place,
        length: text.len(),
        claims,
        ignored,
    };
    Ok((account, segmented))
}

/// Checks a caller-given date: `YYYY-MM-DD`, a real calendar day.
fn checked_date(doc: &Document<'_>, side: char) -> Result<Option<String>, Error> {
    let Some(date) = &doc.date else {
        return Ok(None);
    };
    let date = date.trim();
    if date.is_empty() {
        return Ok(None);
    }
    if parse_iso_date(date).is_none() {
        return Err(Error::bad_date(Some(side), date));
    }
    Ok(Some(date.to_string()))
}

/// Parses `YYYY-MM-DD` into (year, month, day) if it names a real day.
pub(crate) fn parse_iso_date(s: &str) -> Option<(i32, u8, u8)> {
    timex::parse_date(s).map(|d| (d.year(), u8::from(d.month()), d.day()))
}
