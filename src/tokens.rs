//! Words and punctuation marks of a span, with byte offsets into the original
//! text, for the clause splitter and the voice analysis.
//!
//! Unlike [`crate::text::words`] this keeps punctuation (commas and quote
//! marks decide clause and quote boundaries) and keeps `Alma-Ata`, `city’s`
//! and `1,000` whole.

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, digits and anything else that is not white space or punctuation.
    Word,
    /// One punctuation mark.
    Punct(char),
}

/// One token of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Where it stands in the original text.
    pub range: Range<usize>,
    /// Word or punctuation.
    pub kind: Kind,
}

impl Token {
    /// Whether this is a word.
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// Whether this is the punctuation mark `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// The token's text (empty if the range is somehow not in `text`).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.range.clone()).unwrap_or("")
    }

    /// Whether this is the word `word`, ignoring ASCII case.
    pub fn is(&self, text: &str, word: &str) -> bool {
        self.is_word() && self.text(text).eq_ignore_ascii_case(word)
    }

    /// Whether this is a word found in `list` (lower-case entries), ignoring ASCII case.
    pub fn is_any(&self, text: &str, list: &[&str]) -> bool {
        if !self.is_word() {
            return false;
        }
        let word = self.text(text).as_bytes();
        let Some(first) = word.first().map(u8::to_ascii_lowercase) else {
            return false;
        };
        // Length and first letter turn most entries away before the full comparison.
        list.iter().any(|w| {
            let w = w.as_bytes();
            w.len() == word.len()
                && w.first().map(u8::to_ascii_lowercase) == Some(first)
                && word.eq_ignore_ascii_case(w)
        })
    }

    /// Whether this word starts with an upper-case letter.
    pub fn is_capitalised(&self, text: &str) -> bool {
        self.is_word()
            && self
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }
}

/// Punctuation that ends a word, beyond ASCII punctuation.
const UNICODE_PUNCTUATION: &[char] = &[
    '“', '”', '‘', '’', '«', '»', '„', '‹', '›', '—', '–', '‒', '―', '…', '·', '•', '¡', '¿', '、',
    '，', '。', '：', '；', '！', '？', '（', '）', '«', '»', '\u{00a0}',
];

fn is_break(c: char) -> bool {
    if c.is_ascii() {
        // `char::is_whitespace` on ASCII: \t, \n, \x0B, \x0C, \r and space.
        return matches!(c, '\t'..='\r' | ' ') || c.is_ascii_punctuation();
    }
    c.is_whitespace() || UNICODE_PUNCTUATION.contains(&c)
}

/// Characters that join two word characters into one word: `Alma-Ata`,
/// `city’s`, `2.5`, `1,000` (the last two only between digits).
fn joins(previous: char, c: char, next: char) -> bool {
    let word = |x: char| !is_break(x);
    match c {
        '-' | '\'' | '’' => word(previous) && word(next),
        '.' | ',' => previous.is_ascii_digit() && next.is_ascii_digit(),
        _ => false,
    }
}

/// The tokens of `text[range]`; `range` must lie on char boundaries.
pub(crate) fn tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    let base = range.start;
    let mut out = Vec::new();
    let mut word_start: Option<usize> = None;
    let mut chars = slice.char_indices().peekable();
    let mut previous = ' ';
    while let Some((offset, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        let at = base + offset;
        if !is_break(c) || (word_start.is_some() && joins(previous, c, next)) {
            word_start.get_or_insert(at);
        } else {
            if let Some(start) = word_start.take() {
                out.push(Token {
                    range: start..at,
                    kind: Kind::Word,
                });
            }
            if !c.is_whitespace() {
                out.push(Token {
                    range: at..at + c.len_utf8(),
                    kind: Kind::Punct(c),
                });
            }
        }
        previous = c;
    }
    if let Some(start) = word_start {
        out.push(Token {
            range: start..range.end,
            kind: Kind::Word,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_marks() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Alma-Ata’s 1,000 homes, “at 2.5%”.",
                &[
                    "Alma-Ata’s",
                    "1,000",
                    "homes",
                    ",",
                    "“",
                    "at",
                    "2.5",
                    "%",
                    "”",
                    ".",
                ],
            ),
            ("a, b", &["a", ",", "b"]),
            ("e\u{301}te\u{301} 🙂!", &["e\u{301}te\u{301}", "🙂", "!"]),
            ("-x- 'y'", &["-", "x", "-", "'", "y", "'"]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            let got: Vec<&str> = tokens(text, 0..text.len())
                .iter()
                .map(|t| t.text(text))
                .collect();
            assert_eq!(&got, expected, "{text}");
        }
    }
}
