//! Claims: the checkable statements of an account, with exact offsets.

use std::ops::Range;

use crate::text::sentences;

/// A claim before analysis: where it stands and its context sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ClaimDraft {
    /// The claim's own span.
    pub range: Range<usize>,
    /// The sentence it comes from.
    pub sentence: Range<usize>,
}

/// Finds the claims of `text[body]`.
pub(crate) fn extract(text: &str, body: Range<usize>) -> Vec<ClaimDraft> {
    sentences(text, body)
        .into_iter()
        .map(|sentence| ClaimDraft {
            range: sentence.clone(),
            sentence,
        })
        .collect()
}
