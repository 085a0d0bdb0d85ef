//! The JSON contract: what [`compare`](crate::compare) returns.
//!
//! Every type here serialises with camelCase keys. All `start`/`end` offsets
//! index the original text of the account in the unit named by
//! [`Comparison::offsets`]: Unicode code points (`"chars"`, the CLI's default)
//! or UTF-16 code units (`"utf16"`, what JavaScript strings use). The schema is
//! documented in `SCHEMA.md` and snapshot-tested in `tests/snapshots/`.

use serde::{Deserialize, Serialize};

/// The version of the JSON contract; bumped on any breaking change.
pub const SCHEMA_VERSION: u32 = 1;

/// The result of comparing two accounts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// Always [`SCHEMA_VERSION`].
    pub schema: u32,
    /// The unit of every `start`/`end` offset in this result.
    pub offsets: OffsetUnit,
    /// Account A, its claims and what was left out of them.
    pub a: Account,
    /// Account B, its claims and what was left out of them.
    pub b: Account,
    /// Aligned claims, in the order of A's claims (then B's).
    pub pairs: Vec<Pair>,
    /// Ids of A's claims that have no counterpart in B.
    pub only_a: Vec<String>,
    /// Ids of B's claims that have no counterpart in A.
    pub only_b: Vec<String>,
    /// Different names the two accounts use for the same actors or events.
    pub framing: Vec<Framing>,
    /// The topics that occur in this result, in display order, with labels.
    pub topics: Vec<TopicInfo>,
    /// The public services either account speaks of (sub-topics of
    /// `services`), with what each account says of their state.
    pub services: Vec<ServiceRow>,
    /// Counts of verdicts and one-sided claims, overall and per topic.
    pub summary: Summary,
}

/// The unit of the offsets in a [`Comparison`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum OffsetUnit {
    /// Unicode scalar values (code points), as Rust's `chars()` counts them.
    #[default]
    Chars,
    /// UTF-16 code units, as JavaScript's `String.prototype.slice` counts them.
    Utf16,
}

/// Where an account's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum DateSource {
    /// The caller gave it (`--date-a`, the page's date field).
    Caller,
    /// The text's own dateline (`date 2022-01-12`, `ALMATY, Jan 12 (Reuters) -`).
    Text,
}

/// One account as the engine read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    /// The account's date (`YYYY-MM-DD`), against which `tomorrow` is resolved.
    pub date: Option<String>,
    /// Where [`Account::date`] came from, if there is one.
    pub date_source: Option<DateSource>,
    /// The place named by the dateline, if any (`ALMATY`).
    pub place: Option<String>,
    /// The length of the whole text, in the result's offset unit.
    pub length: usize,
    /// The claims, in text order, with ids `a1`, `a2`, … (or `b1`, …).
    pub claims: Vec<Claim>,
    /// Parts of the text that are not claims: dateline, site boilerplate.
    pub ignored: Vec<Ignored>,
}

/// A half-open span `[start, end)` of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First offset of the span.
    pub start: usize,
    /// Offset just past the span.
    pub end: usize,
}

/// One checkable statement of an account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Claim {
    /// `a1`, `a2`, … for account A; `b1`, … for B.
    pub id: String,
    /// Start of the claim in the original text.
    pub start: usize,
    /// End of the claim in the original text.
    pub end: usize,
    /// The claim's text, exactly as it stands between `start` and `end`.
    pub text: String,
    /// The whole sentence the claim comes from, to show it in context.
    pub sentence: Span,
    /// For a list item, the span of the predicate it shares with the other
    /// items: in `Trade, markets and logistics are getting back up and
    /// running` the claim `markets` has the predicate `are getting back up
    /// and running`. An item is compared together with its predicate.
    /// `null` for an ordinary claim.
    pub predicate: Option<Span>,
    /// Other places where the account says the same again: verbatim, or
    /// with the same words once case, punctuation, articles and auxiliaries
    /// are set aside, or as the first words of this claim (a restated
    /// headline). They are not claims of their own.
    pub repeats: Vec<Span>,
    /// Topic keys (see [`Comparison::topics`] for labels).
    pub topics: Vec<String>,
    /// People, organisations, places, facilities and groups named.
    pub entities: Vec<EntityMention>,
    /// Time expressions, normalised to TIMEX3 values.
    pub times: Vec<TimeMention>,
    /// When the claimed event happens, as an interval, if the claim says.
    pub when: Option<When>,
    /// Who asserts the claim (a canonical entity name); `null` for the outlet's own voice.
    pub attribution: Option<String>,
    /// How the claim is put.
    pub modality: Modality,
    /// Whether the claim's main predicate is negated (`did not stop`).
    pub negated: bool,
}

/// How a claim is put.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Modality {
    /// The outlet states it as fact.
    #[default]
    Asserted,
    /// Someone is said to have said it.
    Reported,
    /// Intended or scheduled: `will start withdrawing`, `is developing a plan`.
    Planned,
    /// Softened: `soon`, `reportedly`, `almost`, `about`.
    Hedged,
    /// Holds only if something else does: `If such a decision is made, …`.
    Conditional,
}

/// A named thing in a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EntityMention {
    /// Canonical key shared by every name of the same thing (`almaty`).
    pub key: String,
    /// What it names: `person`, `organisation`, `place`, `facility` or `group`.
    pub kind: EntityKind,
    /// The words used in the text.
    pub text: String,
    /// Start of the mention in the original text.
    pub start: usize,
    /// End of the mention in the original text.
    pub end: usize,
}

/// What an [`EntityMention`] names. Offices and titles (`the President`,
/// `Captain`) name the person who holds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum EntityKind {
    /// A person (`Kassym-Jomart Tokayev`, `the President`).
    Person,
    /// An organisation (`CSTO`, `National Security Committee`).
    Organisation,
    /// A place (`Almaty`, `Almaty Region`).
    Place,
    /// A facility (`the airport`, `the Aksai bakery plant`).
    Facility,
    /// A group of people (`peacekeepers`, `protesters`).
    Group,
}

impl EntityKind {
    /// The kind as the JSON names it: `person`, `organisation`, `place`,
    /// `facility` or `group`.
    ///
    /// ```
    /// use claimdiff::report::EntityKind;
    /// assert_eq!(EntityKind::Organisation.as_str(), "organisation");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organisation => "organisation",
            EntityKind::Place => "place",
            EntityKind::Facility => "facility",
            EntityKind::Group => "group",
        }
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A time expression with its TIMEX3 normalisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeMention {
    /// Start of the expression in the original text.
    pub start: usize,
    /// End of the expression in the original text.
    pub end: usize,
    /// The words used in the text.
    pub text: String,
    /// TIMEX3 type: `DATE`, `TIME`, `DURATION` or `SET`.
    #[serde(rename = "type")]
    pub kind: String,
    /// TIMEX3 value: `2022-01-13`, `XXXX-01-19`, `PT24H`, `FUTURE_REF`, …
    pub value: String,
    /// TIMEX3 `mod`: `START`, `END`, `APPROX`, `LESS_THAN`, …
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none", default)]
    pub modifier: Option<String>,
    /// For a range, the TIMEX3 value of its first point.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub begin_point: Option<String>,
    /// For a range, the TIMEX3 value of its last point.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub end_point: Option<String>,
}

/// When a claimed event happens, as a closed interval of calendar values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct When {
    /// Earliest value (`2022-01-13`), or `null` when open.
    pub begin: Option<String>,
    /// Latest value, or `null` when open.
    pub end: Option<String>,
    /// `exact`, `approximate` or `vague`.
    pub certainty: String,
}

/// A part of the text left out of the claims.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ignored {
    /// Start of the ignored part.
    pub start: usize,
    /// End of the ignored part.
    pub end: usize,
    /// Why: `dateline`, `comment-form`, `navigation`, `share`, `subscribe`,
    /// `cookie`, `related`, `credit`, `translation`, `editing`, `byline`,
    /// `copyright` or `markup`.
    pub reason: String,
}

/// How two aligned claims relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Verdict {
    /// The same fact, whatever the wording.
    Agree,
    /// The same fact, but one is narrower, vaguer, hedged or differently attributed.
    Partial,
    /// Incompatible: different dates, numbers, or one negates the other.
    Conflict,
}

/// Two claims that speak of the same thing, and the judgement on them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pair {
    /// Id of the claim in A.
    pub a: String,
    /// Id of the claim in B.
    pub b: String,
    /// Similarity in `[0, 1]`, rounded to two decimals.
    pub score: f64,
    /// The judgement.
    pub verdict: Verdict,
    /// Short sentences saying why, for people.
    pub reasons: Vec<String>,
    /// Topic keys the pair is about (shared by both claims where possible).
    pub topics: Vec<String>,
    /// Word diff from A's claim text to B's.
    pub diff: Vec<DiffOp>,
}

/// One step of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffOp {
    /// What happens to the text.
    pub op: DiffTag,
    /// The words (with their spacing).
    pub text: String,
}

/// The kind of a [`DiffOp`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum DiffTag {
    /// In both claims.
    Equal,
    /// Only in A's claim.
    Delete,
    /// Only in B's claim.
    Insert,
}

/// Two names the accounts use for the same actor or event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Framing {
    /// A's word for it.
    pub a: String,
    /// B's word for it.
    pub b: String,
    /// What both words name.
    pub about: String,
}

/// A topic's key and label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TopicInfo {
    /// Stable key (`withdrawal`, `services.internet`).
    pub key: String,
    /// Label for people (`Withdrawal timing`).
    pub label: String,
    /// The parent topic's key, for sub-topics.
    pub parent: Option<String>,
}

/// One service and what each account says of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceRow {
    /// The service's topic key (`services.internet`); its label is in `topics`.
    pub topic: String,
    /// What account A says, or `null` when it does not speak of the service.
    pub a: Option<ServiceState>,
    /// What account B says, or `null`.
    pub b: Option<ServiceState>,
}

/// What one account says of one service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceState {
    /// The state its claims give.
    pub status: ServiceStatus,
    /// Ids of the claims that speak of the service.
    pub claims: Vec<String>,
}

/// The state of a service as an account tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ServiceStatus {
    /// Working again (`resumed`, `reopened`, `back up and running`).
    Restored,
    /// To be restored (`will reopen on Monday`).
    Planned,
    /// Not working (`cut off`, `suspended`, `not working`).
    Disrupted,
    /// Restored in some claims and disrupted in others.
    Mixed,
    /// Named without saying whether it works.
    Mentioned,
}

/// Verdict counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    /// Pairs that agree.
    pub agree: usize,
    /// Pairs that partly agree.
    pub partial: usize,
    /// Pairs that conflict.
    pub conflict: usize,
    /// Claims only in A.
    pub only_a: usize,
    /// Claims only in B.
    pub only_b: usize,
}

/// Verdict counts for one topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TopicCounts {
    /// The topic's key.
    pub topic: String,
    /// Its counts.
    #[serde(flatten)]
    pub counts: Counts,
}

/// Counts of verdicts and one-sided claims.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Over the whole comparison.
    #[serde(flatten)]
    pub total: Counts,
    /// Per topic, in the order of [`Comparison::topics`].
    pub by_topic: Vec<TopicCounts>,
}
