//! Text preparation: sentences and words with exact byte offsets into the
//! original text. Nothing here copies or normalises the text, so every span
//! can be shown in place.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "sgt", "sen", "rep", "gov",
    "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e",
    "approx", "est", "dept", "mt", "ft",
];

/// Splits `text[range]` into sentences (Unicode sentence boundaries, with
/// common abbreviations mended), trimmed of surrounding white space. Returned
/// ranges index `text`.
pub(crate) fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let base = range.start;
    let slice = &text[range];
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut glue = false;
    for (offset, piece) in slice.split_sentence_bound_indices() {
        let Some(trimmed) = trim(text, base + offset..base + offset + piece.len()) else {
            continue;
        };
        match out.last_mut() {
            Some(last) if glue && !text[last.end..trimmed.start].contains('\n') => {
                last.end = trimmed.end
            }
            _ => out.push(trimmed.clone()),
        }
        glue = ends_with_abbreviation(&text[trimmed]);
    }
    out
}

/// Shrinks a range to exclude white space at either end; `None` if nothing is left.
pub(crate) fn trim(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    (start < end).then_some(start..end)
}

fn ends_with_abbreviation(sentence: &str) -> bool {
    let Some(body) = sentence.strip_suffix('.') else {
        return false;
    };
    let last = body
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    if last.chars().count() == 1 && last.chars().all(char::is_uppercase) {
        // An initial: "Kassym-Jomart K. Tokayev".
        return true;
    }
    let lower = last.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// A word of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word<'t> {
    /// Where it stands in the text.
    pub range: Range<usize>,
    /// The word as written.
    pub text: &'t str,
}

/// The words (letters or digits) of `text[range]`, with offsets into `text`.
pub(crate) fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let base = range.start;
    text[range]
        .unicode_word_indices()
        .map(|(offset, word)| Word {
            range: base + offset..base + offset + word.len(),
            text: word,
        })
        .collect()
}

/// Splits a text into the pieces a word diff works on: words, runs of white
/// space and single punctuation marks, so that the pieces concatenate back
/// to the text.
pub(crate) fn diff_pieces(text: &str) -> Vec<&str> {
    text.split_word_bounds().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence_texts(text: &str) -> Vec<&str> {
        sentences(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn splits_sentences_and_lines() {
        let text = "One fact. Another one!\n\nA heading without a stop\nNext line.";
        assert_eq!(
            sentence_texts(text),
            [
                "One fact.",
                "Another one!",
                "A heading without a stop",
                "Next line."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials_inside() {
        let text = "Gen. Serdyukov spoke on Jan. 13 in the U.S. embassy. Then he left.";
        assert_eq!(
            sentence_texts(text),
            [
                "Gen. Serdyukov spoke on Jan. 13 in the U.S. embassy.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn empty_and_blank_texts_have_no_sentences() {
        assert!(sentence_texts("").is_empty());
        assert!(sentence_texts(" \n\r\n\t ").is_empty());
    }

    #[test]
    fn diff_pieces_concatenate_back() {
        let text = "Normal life, “gradually” — returns. 🙂 e\u{301}";
        assert_eq!(diff_pieces(text).concat(), text);
    }
}
