//! Options of a comparison, readable from JSON (the page, the CLI's `--options`).

use serde::Deserialize;

use crate::report::OffsetUnit;
use crate::Error;

/// The default largest account accepted, in bytes (5 MB).
pub const DEFAULT_MAX_BYTES: usize = 5 * 1024 * 1024;

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
    /// The lowest similarity at which two claims are aligned, in `[0, 1]`.
    pub threshold: f64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            offsets: OffsetUnit::Chars,
            max_bytes: DEFAULT_MAX_BYTES,
            threshold: 0.22,
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

    /// Sets the lowest similarity at which two claims are aligned.
    pub fn with_threshold(mut self, threshold: f64) -> Options {
        self.threshold = threshold;
        self
    }

    pub(crate) fn validate(&self) -> Result<(), Error> {
        if !(0.0..=1.0).contains(&self.threshold) {
            return Err(Error::bad_options(format!(
                "threshold must lie between 0 and 1, not {}",
                self.threshold
            )));
        }
        Ok(())
    }
}
