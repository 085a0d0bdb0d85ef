//! Tokens for the temporal grammar: runs of letters, runs of digits and
//! single other characters, each with its byte range in the original text and
//! whether white space separates it from the token before (`17:20` is three
//! glued tokens, `17 : 20` is not a clock).

use std::ops::Range;

#[cfg(doc)]
use super::grammar::UNKNOWN;
use super::grammar::{word_id, WordId};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// Letters (any script).
    Word,
    /// ASCII digits.
    Number,
    /// Any other single character that is not white space.
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token<'t> {
    /// Where it stands in the original text (byte offsets on char boundaries).
    pub range: Range<usize>,
    /// The token as written.
    pub text: &'t str,
    /// The token in ASCII lower case, for table look-ups: a slice of the
    /// text's lower-cased copy (ASCII lower-casing keeps every byte offset).
    pub lower: &'t str,
    /// The grammar's id for `lower` ([`UNKNOWN`] if it has none).
    pub id: WordId,
    /// What it is made of.
    pub shape: Shape,
    /// No white space between it and the token before.
    pub glued: bool,
}

impl Token<'_> {
    /// The token starts with an upper-case letter: `May` the month, not the verb.
    pub fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The numeric value of a digit token of at most nine digits.
    pub fn number(&self) -> Option<u32> {
        if self.shape != Shape::Number || self.text.len() > 9 {
            return None;
        }
        self.text.parse().ok()
    }
}

// `char::is_alphabetic` answers ASCII without its tables, so this is the
// ASCII fast path too.
#[inline]
fn shape_of(c: char) -> Shape {
    if c.is_ascii_digit() {
        Shape::Number
    } else if c.is_alphabetic() {
        Shape::Word
    } else {
        Shape::Punct
    }
}

/// The tokens of `text[range]`, with ranges into `text`; `lower` is
/// `text.to_ascii_lowercase()`, which the tokens' `lower` slices borrow.
#[cfg(test)]
pub(super) fn tokenize<'t>(text: &'t str, lower: &'t str, range: Range<usize>) -> Vec<Token<'t>> {
    let mut tokens = Vec::new();
    tokenize_into(&mut tokens, text, lower, range);
    tokens
}

/// [`tokenize`] into a cleared, reused vector.
pub(super) fn tokenize_into<'t>(
    tokens: &mut Vec<Token<'t>>,
    text: &'t str,
    lower: &'t str,
    range: Range<usize>,
) {
    tokens.clear();
    let (Some(slice), Some(lower_slice)) = (text.get(range.clone()), lower.get(range.clone()))
    else {
        return;
    };
    if slice.len() != lower_slice.len() {
        return;
    }
    let base = range.start;
    let mut current: Option<(usize, Shape, bool)> = None;
    let mut glued = false;
    let mut push = |start: usize, end: usize, shape: Shape, glued: bool| {
        // `start..end` are char boundaries of `slice`, hence of its ASCII
        // lower-cased copy.
        if let (Some(piece), Some(lowered)) = (slice.get(start..end), lower_slice.get(start..end)) {
            tokens.push(Token {
                range: base + start..base + end,
                text: piece,
                lower: lowered,
                id: word_id(lowered),
                shape,
                glued,
            });
        }
    };
    let bytes = slice.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        // ASCII fast path: the width of a one-byte char.
        let (c, width) = if b.is_ascii() {
            (char::from(b), 1)
        } else {
            match slice.get(at..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        let shape = shape_of(c);
        if let Some((start, run, run_glued)) = current {
            if shape == run && shape != Shape::Punct {
                at += width;
                continue;
            }
            push(start, at, run, run_glued);
            current = None;
            glued = true;
        }
        if c.is_whitespace() {
            glued = false;
            at += width;
            continue;
        }
        current = Some((at, shape, glued));
        at += width;
    }
    if let Some((start, run, run_glued)) = current {
        push(start, slice.len(), run, run_glued);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_runs_and_marks_glue() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            (
                "at 17:20 on",
                &[
                    ("at", false),
                    ("17", false),
                    (":", true),
                    ("20", true),
                    ("on", false),
                ],
            ),
            ("19th", &[("19", false), ("th", true)]),
            (
                "twenty-four",
                &[("twenty", false), ("-", true), ("four", true)],
            ),
            ("  Almaty,", &[("Almaty", false), (",", true)]),
            ("«Сегодня»", &[("«", false), ("Сегодня", true), ("»", true)]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            let lower = text.to_ascii_lowercase();
            let got: Vec<(&str, bool)> = tokenize(text, &lower, 0..text.len())
                .iter()
                .map(|t| (t.text, t.glued))
                .collect();
            assert_eq!(&got, expected, "{text:?}");
        }
    }

    #[test]
    fn ranges_index_the_original_text() {
        let text = "é 12.01.2022";
        let lower = text.to_ascii_lowercase();
        for token in tokenize(text, &lower, 2..text.len()) {
            assert_eq!(&text[token.range.clone()], token.text);
            assert_eq!(&lower[token.range.clone()], token.lower);
        }
        assert!(
            tokenize(text, &lower, 1..3).is_empty(),
            "off a char boundary"
        );
    }
}
