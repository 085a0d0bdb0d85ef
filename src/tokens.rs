//! Words and punctuation marks of a span, with byte offsets into the original
//! text, for the clause splitter and the voice analysis.
//!
//! Unlike [`crate::text::words`] this keeps punctuation (commas and quote
//! marks decide clause and quote boundaries) and keeps `Alma-Ata`, `city’s`
//! and `1,000` whole.
//!
//! Each word carries a [`Key`]: its bytes, ASCII lower-cased, packed into one
//! integer, so that checking a word against a keyword list ([`Words`]) is a
//! binary search over integers rather than a scan of strings.

use std::borrow::Cow;
use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, digits and anything else that is not white space or punctuation.
    Word,
    /// One punctuation mark.
    Punct(char),
}

/// The most bytes of a word that a [`Key`] holds; longer words get [`Key::NONE`].
pub(crate) const MAX_KEY_BYTES: usize = 15;

/// A word of at most [`MAX_KEY_BYTES`] bytes, ASCII lower-cased, as one
/// integer: the length in the lowest byte, then the bytes. Two words have the
/// same key exactly when they are equal ignoring ASCII case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Key(u128);

impl Key {
    /// The key of punctuation and of over-long words: equal to no word's key.
    pub const NONE: Key = Key(u128::MAX);

    /// The key of `word`, or [`Key::NONE`] if it is longer than [`MAX_KEY_BYTES`].
    ///
    /// One copy in the `.wasm`, called from its many call sites: inlined at
    /// each it cost about a KB gzipped. Native builds inline it.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub const fn of(word: &str) -> Key {
        let bytes = word.as_bytes();
        if bytes.len() > MAX_KEY_BYTES {
            return Key::NONE;
        }
        // The length and the bytes laid out as the key's 16 bytes, lowest
        // first, then lower-cased as two 64-bit halves at once (a `u128`
        // would be a call into compiler-builtins on wasm32, which has no
        // 128-bit integers; it showed in the browser profile).
        let mut raw = [0u8; 16];
        raw[0] = bytes.len() as u8;
        let mut i = 0;
        while i < bytes.len() {
            raw[i + 1] = bytes[i];
            i += 1;
        }
        let [l0, l1, l2, l3, l4, l5, l6, l7, h0, h1, h2, h3, h4, h5, h6, h7] = raw;
        let low = lower_ascii(u64::from_le_bytes([l0, l1, l2, l3, l4, l5, l6, l7]));
        let high = lower_ascii(u64::from_le_bytes([h0, h1, h2, h3, h4, h5, h6, h7]));
        Key((high as u128) << 64 | low as u128)
    }

    /// Whether this is the key of an ASCII word (not [`Key::NONE`]).
    #[inline]
    pub const fn is_ascii(self) -> bool {
        // Past the length byte, no byte may have its high bit set (as all of
        // `Key::NONE`'s do).
        self.0 & !0xff & 0x8080_8080_8080_8080_8080_8080_8080_8080 == 0
    }
}

/// Each byte of `x` ASCII lower-cased ([`u8::to_ascii_lowercase`] on all
/// eight at once): `A`..=`Z` gain the 0x20 bit, every other byte (the key's
/// length byte, at most 15, among them) is left as it is.
#[inline]
const fn lower_ascii(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Each byte's low seven bits, plus a bias that carries into its high
    // bit from `A` on, or past `Z`; neither sum carries into the next byte.
    let low7 = x & !HIGH;
    let from_a = low7 + (0x80 - b'A' as u64) * ONES;
    let past_z = low7 + (0x80 - b'Z' as u64 - 1) * ONES;
    let upper = from_a & !past_z & !x & HIGH;
    x | (upper >> 2)
}

/// A keyword list, as sorted keys (see [`sorted_keys`]), with a filter of
/// the lengths and first letters its words have, which turns most other
/// words away before the search.
pub(crate) struct Words {
    /// The keys of the list's words, sorted.
    pub keys: &'static [Key],
    /// One bit per (length, first byte's low five bits) of a listed word (see [`filter`]).
    pub filter: [u64; 8],
}

impl Key {
    /// The word's place in a [`Words`] filter: its length and the low five
    /// bits of its first byte.
    #[inline]
    pub(crate) const fn slot(self) -> usize {
        let len = (self.0 & 0x0f) as usize;
        let first = ((self.0 >> 8) & 0x1f) as usize;
        len * 32 + first
    }
}

impl Words {
    /// Whether `key` is one of the list's words.
    #[inline]
    pub fn contains(&self, key: Key) -> bool {
        let slot = key.slot();
        if self.filter[slot / 64] & (1 << (slot % 64)) == 0 {
            return false;
        }
        self.search(key)
    }

    /// The search past the filter, out of line: inlined at each of the
    /// lists' hundred-odd call sites it cost some 10 KB of the `.wasm`.
    #[inline(never)]
    fn search(&self, key: Key) -> bool {
        // No listed word has `Key::NONE`, so it is never found.
        if self.keys.len() <= 8 {
            return self.keys.contains(&key);
        }
        self.keys.binary_search(&key).is_ok()
    }
}

/// The filter of a [`Words`] with these keys.
pub(crate) const fn filter(keys: &[Key]) -> [u64; 8] {
    let mut filter = [0u64; 8];
    let mut i = 0;
    while i < keys.len() {
        let slot = keys[i].slot();
        filter[slot / 64] |= 1 << (slot % 64);
        i += 1;
    }
    filter
}

/// The sorted keys of a keyword list, for a [`Words`] built at compile time:
/// `static LIST: &Words = word_set!["a", "b"];`. Every entry
/// must fit a key.
pub(crate) const fn sorted_keys<const N: usize>(list: [&str; N]) -> [Key; N] {
    let mut keys = [Key::NONE; N];
    let mut i = 0;
    while i < N {
        assert!(list[i].len() <= MAX_KEY_BYTES, "keyword too long for a key");
        keys[i] = Key::of(list[i]);
        i += 1;
    }
    // Insertion sort (a const fn cannot call `sort`).
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && keys[j - 1].0 > keys[j].0 {
            let t = keys[j - 1];
            keys[j - 1] = keys[j];
            keys[j] = t;
            j -= 1;
        }
        i += 1;
    }
    keys
}

/// A keyword list written in place: `t.is_in(word_set!["if", "unless"])`.
macro_rules! word_set {
    ($($word:literal),* $(,)?) => {
        &const {
            $crate::tokens::Words {
                keys: &$crate::tokens::sorted_keys([$($word),*]),
                filter: $crate::tokens::filter(&$crate::tokens::sorted_keys([$($word),*])),
            }
        }
    };
}
pub(crate) use word_set;

/// One token of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Where it stands in the original text.
    pub range: Range<usize>,
    /// Word or punctuation.
    pub kind: Kind,
    /// For a word, its [`Key`]; [`Key::NONE`] for punctuation.
    pub key: Key,
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
    #[inline]
    pub fn is(&self, text: &str, word: &str) -> bool {
        if word.len() <= MAX_KEY_BYTES {
            // Punctuation and over-long words have `Key::NONE`, which no
            // short word has; word tokens are never empty.
            return self.key == Key::of(word);
        }
        self.is_word() && self.text(text).eq_ignore_ascii_case(word)
    }

    /// Whether this is a word of `list`.
    #[inline]
    pub fn is_in(&self, list: &Words) -> bool {
        list.contains(self.key)
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

/// The first char of `s[at..]` and its length in bytes (`(' ', 1)` past the end).
#[inline]
fn char_at(s: &str, at: usize) -> (char, usize) {
    match s.as_bytes().get(at) {
        None => (' ', 1),
        Some(&b) if b.is_ascii() => (char::from(b), 1),
        Some(_) => s
            .get(at..)
            .and_then(|tail| tail.chars().next())
            .map_or((' ', 1), |c| (c, c.len_utf8())),
    }
}

/// The tokens of `text[range]`; `range` must lie on char boundaries.
///
/// Tokenising a sub-range that starts where a token starts and ends where
/// one ends gives the very tokens of the whole range inside it (see
/// [`within`]).
pub(crate) fn tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    let bytes = slice.as_bytes();
    let base = range.start;
    // About one token per six bytes of English: most spans never regrow.
    let mut out = Vec::with_capacity(bytes.len() / 6 + 1);
    let word = |start: usize, end: usize| Token {
        range: base + start..base + end,
        kind: Kind::Word,
        key: Key::of(slice.get(start..end).unwrap_or("")),
    };
    let mut word_start: Option<usize> = None;
    let mut previous = ' ';
    let mut at = 0;
    while at < bytes.len() {
        // ASCII letters and digits: word characters that never join or break.
        if bytes[at].is_ascii_alphanumeric() {
            word_start.get_or_insert(at);
            let run = bytes[at..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(bytes.len(), |n| at + n);
            previous = char::from(bytes[run - 1]);
            at = run;
            continue;
        }
        let (c, len) = char_at(slice, at);
        let next = if at + len < bytes.len() {
            char_at(slice, at + len).0
        } else {
            ' '
        };
        if !is_break(c) || (word_start.is_some() && joins(previous, c, next)) {
            word_start.get_or_insert(at);
        } else {
            if let Some(start) = word_start.take() {
                out.push(word(start, at));
            }
            if !c.is_whitespace() {
                out.push(Token {
                    range: base + at..base + at + len,
                    kind: Kind::Punct(c),
                    key: Key::NONE,
                });
            }
        }
        previous = c;
        at += len;
    }
    if let Some(start) = word_start {
        out.push(word(start, bytes.len()));
    }
    out
}

/// The tokens of `toks` (the tokens of some span) that make up `range`, if
/// `range` starts where one of them starts and ends where one ends: then
/// they are exactly `tokens(text, range)`. A token starts after a break (or
/// at the span's start) and ends before one, so the sub-range reads the same
/// characters in the same state; only the character before its start and
/// the one after its end differ, and neither decides anything there.
pub(crate) fn within<'t>(toks: &'t [Token], range: &Range<usize>) -> Option<&'t [Token]> {
    let from = toks.partition_point(|t| t.range.start < range.start);
    let to = toks.partition_point(|t| t.range.end <= range.end);
    if from >= to {
        return None;
    }
    let aligned = toks[from].range.start == range.start && toks[to - 1].range.end == range.end;
    aligned.then(|| &toks[from..to])
}

/// The tokens of `range`: those of `toks` (the tokens of a span around it)
/// inside it, or read afresh if it does not start and end on them.
pub(crate) fn tokens_in<'t>(
    text: &str,
    toks: &'t [Token],
    range: &Range<usize>,
) -> Cow<'t, [Token]> {
    match within(toks, range) {
        Some(slice) => Cow::Borrowed(slice),
        None => Cow::Owned(tokens(text, range.clone())),
    }
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

    const TRICKY: &[&str] = &[
        "Alma-Ata’s 1,000 homes, “at 2.5%”. He said: “no-one’s 3.4.5 x-'y' -z- 1,,2”",
        "a, b,c d-e f'g h’i 1.2, 3,4 .5. 6- -7 \u{a0}x\u{a0} e\u{301}! 🙂🙂 «q» —t— ",
        "\0a\0 \r\n\tword\u{2028}next ,.,.,-'-'-’ ж-ж ж’ж 9.ж ж.9",
    ];

    #[test]
    fn tokens_of_a_sub_range_are_the_tokens_inside_it() {
        for text in TRICKY {
            let all = tokens(text, 0..text.len());
            for i in 0..all.len() {
                for j in i..all.len() {
                    let range = all[i].range.start..all[j].range.end;
                    let sub = tokens(text, range.clone());
                    assert_eq!(within(&all, &range), Some(&sub[..]), "{text:?} {range:?}");
                    assert_eq!(&tokens_in(text, &all, &range)[..], &sub[..]);
                }
            }
            // Ranges that do not start and end on tokens are read afresh.
            for start in (0..text.len()).filter(|&b| text.is_char_boundary(b)) {
                for end in (start..=text.len()).filter(|&b| text.is_char_boundary(b)) {
                    let range = start..end;
                    assert_eq!(&tokens_in(text, &all, &range)[..], &tokens(text, range)[..]);
                }
            }
        }
    }

    #[test]
    fn keys_match_words_ignoring_ascii_case() {
        let words = [
            "said",
            "SAID",
            "Said",
            "saidx",
            "sai",
            "won't",
            "won’t",
            "WON’T",
            "ж",
            "Ж",
            "a\0",
            "a",
            "A",
            "administration",
            "administrations",
            "understandably-so",
            "é",
            "É",
        ];
        for a in words {
            for b in words {
                let same = a.eq_ignore_ascii_case(b);
                if a.len() <= MAX_KEY_BYTES && b.len() <= MAX_KEY_BYTES {
                    assert_eq!(Key::of(a) == Key::of(b), same, "{a} {b}");
                }
                let tok = &tokens(a, 0..a.len())[0];
                if tok.range == (0..a.len()) {
                    assert_eq!(tok.is(a, b), same, "{a} {b}");
                    let list = word_set!["said", "won't", "a", "administration", "é", "ж"];
                    let expected = ["said", "won't", "a", "administration", "é", "ж"]
                        .iter()
                        .any(|w| a.eq_ignore_ascii_case(w));
                    assert_eq!(tok.is_in(list), expected, "{a}");
                }
            }
        }
        assert!(!tokens(",", 0..1)[0].is_in(word_set![","]));
    }

    /// The key laid out byte by byte, as its documentation defines it.
    fn key_by_bytes(word: &str) -> Key {
        let mut key = word.len() as u128;
        for (i, byte) in word.bytes().enumerate() {
            key |= u128::from(byte.to_ascii_lowercase()) << (8 * (i + 1));
        }
        Key(key)
    }

    #[test]
    fn keys_are_the_length_and_the_lower_cased_bytes() {
        // Every byte at every place of a key, and every length.
        for byte in 0..=0x7fu8 {
            for len in 1..=MAX_KEY_BYTES {
                for at in 0..len {
                    let mut raw = vec![b'Q'; len];
                    raw[at] = byte;
                    let word = String::from_utf8(raw).unwrap();
                    assert_eq!(Key::of(&word), key_by_bytes(&word), "{word:?}");
                }
            }
        }
        for word in ["", "é", "Éé-Ж", "ÀÁÂÃÄÅÆ", "Ωmega’s", "0123456789ABCDE"] {
            assert_eq!(Key::of(word), key_by_bytes(word), "{word:?}");
        }
        assert_eq!(Key::of("0123456789ABCDEF"), Key::NONE);
    }

    #[test]
    fn sorted_keys_are_sorted() {
        let keys = sorted_keys(["the", "a", "an", "zebra", "apple", "b"]);
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn long_lists_find_exactly_their_words() {
        const LIST: [&str; 12] = [
            "said",
            "told",
            "noted",
            "added",
            "won't",
            "é",
            "ж",
            "a",
            "?",
            "zz",
            "administration",
            "x1",
        ];
        let set = word_set![
            "said",
            "told",
            "noted",
            "added",
            "won't",
            "é",
            "ж",
            "a",
            "?",
            "zz",
            "administration",
            "x1",
        ];
        let text = "Said TOLD note noted Added adds won't WON'T wont é É ж Ж a A b zz ZZ z \
                    x1 X1 x2 administration Administrations said_ ?";
        for tok in tokens(text, 0..text.len()) {
            let expected =
                tok.is_word() && LIST.iter().any(|w| tok.text(text).eq_ignore_ascii_case(w));
            assert_eq!(tok.is_in(set), expected, "{}", tok.text(text));
        }
    }
}
