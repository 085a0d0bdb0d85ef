//! Options of a comparison, readable from JSON (the page, the CLI's `--options`).

use serde::Deserialize;

use crate::report::OffsetUnit;
use crate::Error;

/// The default largest account accepted, in bytes (5 MB).
pub const DEFAULT_MAX_BYTES: usize = 5 * 1024 * 1024;

/// The default largest number of claims one account may yield.
///
/// Five megabytes of news prose make about 75 000 claims; the bound stops
/// inputs that shatter into far more (a megabyte of one-letter list items)
/// before the work on each claim adds up to minutes.
pub const DEFAULT_MAX_CLAIMS: usize = 100_000;

/// How to compare. Build with [`Options::default`] and the `with_*` methods,
/// or read from JSON with [`Options::from_json`] (camelCase keys; unknown keys
/// are an error so that a typo does not pass silently).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[non_exhaustive]
pub struct Options {
    /// The unit of the offsets in the result.
    pub offsets: OffsetUnit,
    /// The largest account accepted, in bytes.
    pub max_bytes: usize,
    /// The largest number of claims one account may yield: a bound on the
    /// work of a comparison, checked before the costly steps.
    pub max_claims: usize,
    /// The lowest similarity at which two claims are aligned, in `[0, 1]`.
    pub threshold: f64,
    /// Extra names for entities, merged over the built-in table
    /// (`data/aliases.json`): an entry with a known key adds its names to
    /// that entity, a new key adds an entity.
    pub aliases: Vec<AliasSpec>,
    /// Extra topics, merged over the built-in taxonomy (`data/topics.json`):
    /// an entry with a known key adds its terms to that topic (and replaces
    /// its label or parent if given), a new key adds a topic.
    pub topics: Vec<TopicSpec>,
}

/// One entity of the alias table: every name that refers to the same thing.
///
/// ```
/// let options = claimdiff::Options::from_json(
///     r#"{"aliases": [{"key": "kyiv", "kind": "place", "names": ["Kyiv", "Kiev"]}]}"#,
/// ).unwrap();
/// assert_eq!(options.aliases[0].names, ["Kyiv", "Kiev"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AliasSpec {
    /// The canonical key every name maps to (`almaty`).
    pub key: String,
    /// `person`, `organisation`, `place`, `facility`, `group`; or `role` for
    /// an office that one person holds per country (`Head of State`), or
    /// `title` for a rank or post that introduces a person (`Captain`).
    pub kind: String,
    /// The names, as written (`Almaty`, `Alma-Ata`, `Алматы`). Words written
    /// with a capital must be capitalised in the text; lower-case words match
    /// in any case and any inflection (`peacekeeping unit` finds `units`).
    pub names: Vec<String>,
    /// For a place: the key of the country it lies in (`kazakhstan`), which
    /// tells whose head of state an unqualified `the President` is.
    #[serde(default)]
    pub country: Option<String>,
    /// For a country: adjectives naming it (`Kazakh`, `Kazakhstani`).
    #[serde(default)]
    pub adjectives: Vec<String>,
    /// The key of a general entry this one is a kind of (`peacekeepers` for
    /// `csto-peacekeepers`): within an account, a later bare `peacekeepers`
    /// refers back to the last one of its kind that was named.
    #[serde(default)]
    pub class: Option<String>,
}

impl AliasSpec {
    /// An entry with its key, kind and names, and no other fields.
    ///
    /// ```
    /// use claimdiff::{AliasSpec, Options};
    /// let options = Options::default()
    ///     .with_aliases([AliasSpec::new("kyiv", "place", ["Kyiv", "Kiev"])]);
    /// assert_eq!(options.aliases.len(), 1);
    /// ```
    pub fn new<S: Into<String>>(
        key: impl Into<String>,
        kind: impl Into<String>,
        names: impl IntoIterator<Item = S>,
    ) -> AliasSpec {
        AliasSpec {
            key: key.into(),
            kind: kind.into(),
            names: names.into_iter().map(Into::into).collect(),
            country: None,
            adjectives: Vec::new(),
            class: None,
        }
    }
}

/// One topic of the taxonomy and the words that put a claim under it.
///
/// A claim carries the topic if it contains one of `terms`, or one of
/// `weak` together with one of `context` (`leave` is about withdrawal only
/// when troops or a contingent are in the claim). Terms match on stems, so
/// `withdraw` also finds `withdrawing` and `withdrawal`; a term of several
/// words matches those words in a row, function words aside.
///
/// ```
/// let options = claimdiff::Options::from_json(
///     r#"{"topics": [{"key": "health", "label": "Health care", "terms": ["hospital"]}]}"#,
/// ).unwrap();
/// assert_eq!(options.topics[0].key, "health");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TopicSpec {
    /// Stable key; a sub-topic's key usually starts with its parent's
    /// (`services.internet`).
    pub key: String,
    /// Label for people; a new topic without one is labelled by its key.
    #[serde(default)]
    pub label: Option<String>,
    /// The parent topic's key; a claim under a sub-topic is under its parent too.
    #[serde(default)]
    pub parent: Option<String>,
    /// Words or phrases any one of which puts a claim under the topic.
    #[serde(default)]
    pub terms: Vec<String>,
    /// Words or phrases that count only together with one of `context`.
    #[serde(default)]
    pub weak: Vec<String>,
    /// Words or phrases that make `weak` ones count.
    #[serde(default)]
    pub context: Vec<String>,
}

impl TopicSpec {
    /// A top-level topic with its key, label and terms.
    ///
    /// ```
    /// use claimdiff::{Options, TopicSpec};
    /// let options = Options::default()
    ///     .with_topics([TopicSpec::new("health", "Health care", ["hospital", "ambulance"])]);
    /// assert_eq!(options.topics[0].label.as_deref(), Some("Health care"));
    /// ```
    pub fn new<S: Into<String>>(
        key: impl Into<String>,
        label: impl Into<String>,
        terms: impl IntoIterator<Item = S>,
    ) -> TopicSpec {
        TopicSpec {
            key: key.into(),
            label: Some(label.into()),
            parent: None,
            terms: terms.into_iter().map(Into::into).collect(),
            weak: Vec::new(),
            context: Vec::new(),
        }
    }
}

impl Default for Options {
    fn default() -> Options {
        Options {
            offsets: OffsetUnit::Chars,
            max_bytes: DEFAULT_MAX_BYTES,
            max_claims: DEFAULT_MAX_CLAIMS,
            threshold: 0.22,
            aliases: Vec::new(),
            topics: Vec::new(),
        }
    }
}

impl Options {
    /// Reads options from a JSON object; missing keys take their defaults.
    ///
    /// ```
    /// let options = claimdiff::Options::from_json(r#"{"offsets": "utf16"}"#).unwrap();
    /// assert_eq!(options.offsets, claimdiff::OffsetUnit::Utf16);
    /// assert!(claimdiff::Options::from_json(r#"{"ofsets": "utf16"}"#).is_err());
    /// ```
    pub fn from_json(json: &str) -> Result<Options, Error> {
        let options: Options =
            serde_json::from_str(json).map_err(|e| Error::bad_options(e.to_string()))?;
        options.validate()?;
        Ok(options)
    }

    /// Sets the unit of the offsets in the result.
    pub fn with_offsets(mut self, unit: OffsetUnit) -> Options {
        self.offsets = unit;
        self
    }

    /// Sets the largest account accepted, in bytes.
    pub fn with_max_bytes(mut self, max_bytes: usize) -> Options {
        self.max_bytes = max_bytes;
        self
    }

    /// Sets the largest number of claims one account may yield.
    pub fn with_max_claims(mut self, max_claims: usize) -> Options {
        self.max_claims = max_claims;
        self
    }

    /// Sets the lowest similarity at which two claims are aligned.
    pub fn with_threshold(mut self, threshold: f64) -> Options {
        self.threshold = threshold;
        self
    }

    /// Adds entries to the alias table (see [`AliasSpec`]).
    pub fn with_aliases(mut self, aliases: impl IntoIterator<Item = AliasSpec>) -> Options {
        self.aliases.extend(aliases);
        self
    }

    /// Adds topics to the taxonomy (see [`TopicSpec`]).
    pub fn with_topics(mut self, topics: impl IntoIterator<Item = TopicSpec>) -> Options {
        self.topics.extend(topics);
        self
    }

    pub(crate) fn validate(&self) -> Result<(), Error> {
        if !(0.0..=1.0).contains(&self.threshold) {
            return Err(Error::bad_options(format!(
                "threshold must lie between 0 and 1, not {}",
                self.threshold
            )));
        }
        crate::topics::Taxonomy::with(&self.topics).map_err(Error::bad_options)?;
        crate::entities::Table::with(&self.aliases).map_err(Error::bad_options)?;
        Ok(())
    }
}
