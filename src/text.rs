//! Text preparation: sentences and words with exact byte offsets into the
//! original text. Nothing here copies or normalises the text, so every span
//! can be shown in place.

use std::ops::Range;

mod segment;

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
    let mut out = Vec::new();
    sentences_into(text, range, &mut out);
    out
}

/// [`sentences`] into `out`, which is cleared first (its buffer is reused).
pub(crate) fn sentences_into(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    out.clear();
    let base = range.start;
    let slice = &text[range];
    let mut glue = false;
    segment::for_each_sentence_bound(slice, |offset, piece| {
        let Some(trimmed) = trim(text, base + offset..base + offset + piece.len()) else {
            return;
        };
        match out.last_mut() {
            Some(last) if glue && !text[last.end..trimmed.start].contains('\n') => {
                last.end = trimmed.end
            }
            _ => out.push(trimmed.clone()),
        }
        glue = ends_with_abbreviation(&text[trimmed]);
    });
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
    // The list is ASCII, and no other letter lowers to ASCII but the Kelvin
    // sign (to `k`, in none of them): an ASCII comparison without allocating.
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(last))
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
    // About one word in six bytes of prose.
    let mut out = Vec::with_capacity(range.len() / 6 + 1);
    for_each_word(text, range, |word| out.push(word));
    out
}

/// Calls `f` on each of the [`words`] of `text[range]` in turn, without
/// collecting them.
#[inline]
pub(crate) fn for_each_word<'t>(text: &'t str, range: Range<usize>, mut f: impl FnMut(Word<'t>)) {
    let base = range.start;
    let s = &text[range];
    let bytes = s.as_bytes();
    let mut at = 0;
    while let Some(&first) = bytes.get(at) {
        // A run of spaces, or an ASCII mark, before ASCII or the end is a
        // piece of its own (see `word_bound`) with no letter or digit.
        if first.is_ascii() && !first.is_ascii_alphanumeric() && first != b'\r' && first != b'_' {
            let run = if first == b' ' {
                bytes[at..].iter().take_while(|&&b| b == b' ').count()
            } else {
                1
            };
            if bytes.get(at + run).is_none_or(u8::is_ascii) {
                at += run;
                continue;
            }
        }
        let Some(rest) = s.get(at..) else {
            break;
        };
        // Never 0 on a non-empty rest; `max` guards the loop all the same.
        let len = segment::word_bound(rest).max(rest.chars().next().map_or(1, char::len_utf8));
        let Some(piece) = rest.get(..len) else {
            break;
        };
        if first.is_ascii_alphanumeric() || piece.chars().any(char::is_alphanumeric) {
            f(Word {
                range: base + at..base + at + len,
                text: piece,
            });
        }
        at += len;
    }
}

/// The words of the ranges an account's readers ask for again and again
/// (its claims' sentences, own spans and shared predicates), each segmented
/// once, on first use, by [`words`]. A range it does not hold is segmented
/// afresh, so every answer is exactly `words(text, range)`.
pub(crate) struct Segmented<'t> {
    text: &'t str,
    /// Sorted by (start, end), without repeats.
    known: Vec<(Range<usize>, std::cell::OnceCell<Vec<Word<'t>>>)>,
}

impl<'t> Segmented<'t> {
    /// Holds `ranges` of `text` (any order, repeats allowed); ranges that do
    /// not lie on char boundaries inside `text` are left out.
    pub(crate) fn new(text: &'t str, ranges: impl IntoIterator<Item = Range<usize>>) -> Self {
        let mut keys: Vec<(usize, usize)> = ranges
            .into_iter()
            .filter(|r| text.get(r.clone()).is_some())
            .map(|r| (r.start, r.end))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        Segmented {
            text,
            known: keys
                .into_iter()
                .map(|(start, end)| (start..end, std::cell::OnceCell::new()))
                .collect(),
        }
    }

    /// The words of `text[range]`, as [`words`] gives them; none for a range
    /// that does not lie on char boundaries inside the text.
    pub(crate) fn words(&self, range: Range<usize>) -> std::borrow::Cow<'_, [Word<'t>]> {
        let text = self.text;
        if text.get(range.clone()).is_none() {
            return std::borrow::Cow::Owned(Vec::new());
        }
        let key = (range.start, range.end);
        let held = self
            .known
            .binary_search_by(|(r, _)| (r.start, r.end).cmp(&key))
            .ok()
            .and_then(|at| self.known.get(at));
        match held {
            Some((_, cell)) => std::borrow::Cow::Borrowed(cell.get_or_init(|| words(text, range))),
            None => std::borrow::Cow::Owned(words(text, range)),
        }
    }

    /// The text the ranges index.
    pub(crate) fn text(&self) -> &'t str {
        self.text
    }
}

/// Splits a text into the pieces a word diff works on: words, runs of white
/// space and single punctuation marks, so that the pieces concatenate back
/// to the text.
pub(crate) fn diff_pieces(text: &str) -> Vec<&str> {
    segment::word_bounds(text).map(|(_, piece)| piece).collect()
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
    #[allow(clippy::reversed_empty_ranges)] // A reversed range is one of the cases.
    fn segmented_words_are_the_words_of_any_range() {
        let text = "Alma-Ata’s mayor spoke. Buses run, the metro is closed. 東京";
        let held = [0..24, 24..56, 30..40, 0..24];
        let segmented = Segmented::new(text, held.iter().cloned().chain([3..1, 0..99]));
        for range in held
            .into_iter()
            .chain([5..17, 0..text.len(), 56..text.len()])
        {
            assert_eq!(*segmented.words(range.clone()), words(text, range.clone()));
        }
        // Not on char boundaries, reversed or past the end: no words, no panic.
        for range in [3..1, 0..99, 8..10] {
            assert!(segmented.words(range).is_empty());
        }
    }

    fn word_texts(text: &str) -> Vec<&str> {
        words(text, 0..text.len())
            .into_iter()
            .map(|w| w.text)
            .collect()
    }

    #[test]
    fn words_follow_uax29() {
        assert_eq!(
            word_texts(
                "Alma-Ata’s mayor didn't say 1,000 or 2.5 (U.S.) COVID19 cafe\u{301} 🙂 東京"
            ),
            [
                "Alma",
                "Ata’s",
                "mayor",
                "didn't",
                "say",
                "1,000",
                "or",
                "2.5",
                "U.S",
                "COVID19",
                "cafe\u{301}",
                "東",
                "京"
            ]
        );
        // A narrow no-break space joins the groups of a number (ExtendNumLet).
        assert_eq!(
            word_texts("10\u{202F}000 people"),
            ["10\u{202F}000", "people"]
        );
    }

    #[test]
    fn sentences_follow_uax29() {
        // A full stop before a lower-case word ends nothing (SB8); `!` and
        // `?` end a sentence whatever follows (SB11).
        assert_eq!(
            sentence_texts("It rose 3.5 per cent. e.g. this. “Yes!” he said. Next。次\u{2028}Last"),
            [
                "It rose 3.5 per cent. e.g. this.",
                "“Yes!”",
                "he said.",
                "Next。",
                "次",
                "Last"
            ]
        );
    }

    #[test]
    fn diff_pieces_keep_marks_and_emoji_whole() {
        let text = "a  b\t\t👨\u{200D}👩\u{200D}👧 e\u{301}.\r\n";
        assert_eq!(
            diff_pieces(text),
            [
                "a",
                "  ",
                "b",
                "\t",
                "\t",
                "👨\u{200D}👩\u{200D}👧",
                " ",
                "e\u{301}",
                ".",
                "\r\n"
            ]
        );
    }

    #[test]
    fn diff_pieces_concatenate_back() {
        let text = "Normal life, “gradually” — returns. 🙂 e\u{301}";
        assert_eq!(diff_pieces(text).concat(), text);
    }
}

/// The hand-written segmenters against `unicode-segmentation`, the crate they
/// replace (a dev-dependency only): the same pieces on every text the project
/// ships and on generated news-like strings.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod differential {
    use super::segment::{sentence_bounds, word_bounds};
    use unicode_segmentation::UnicodeSegmentation;

    /// Every text of the repository: seeds, bench texts, evaluation pairs and
    /// the fuzzers' seed inputs.
    fn corpus() -> Vec<(String, String)> {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut out = Vec::new();
        for dir in [
            "seeds",
            "benches/texts",
            "fuzz/seeds/compare",
            "fuzz/seeds/times",
        ] {
            let Ok(entries) = std::fs::read_dir(format!("{root}/{dir}")) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let Ok(bytes) = std::fs::read(&path) else {
                    continue;
                };
                let text = String::from_utf8_lossy(&bytes).into_owned();
                out.push((path.display().to_string(), text));
            }
        }
        let pairs = format!("{root}/tests/eval/pairs");
        for entry in std::fs::read_dir(pairs).into_iter().flatten().flatten() {
            let path = entry.path();
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
            for side in ["a", "b"] {
                if let Some(account) = json[side]["text"].as_str() {
                    out.push((format!("{}:{side}", path.display()), account.to_string()));
                }
            }
        }
        assert!(out.len() > 40, "the corpus is missing: {} texts", out.len());
        out
    }

    /// Where the two segmenters part on `text`, if they do.
    fn difference(text: &str) -> Option<String> {
        let old: Vec<_> = text.split_word_bound_indices().collect();
        let new: Vec<_> = word_bounds(text).collect();
        if old != new {
            let at = old.iter().zip(&new).position(|(o, n)| o != n).unwrap_or(0);
            return Some(format!(
                "word bounds at {at}: old {:?} new {:?}",
                &old[at..(at + 3).min(old.len())],
                &new[at..(at + 3).min(new.len())]
            ));
        }
        let old: Vec<_> = text.split_sentence_bound_indices().collect();
        let new = sentence_bounds(text);
        if old != new {
            let at = old.iter().zip(&new).position(|(o, n)| o != n).unwrap_or(0);
            return Some(format!(
                "sentence bounds at {at}: old {:?} new {:?}",
                &old[at..(at + 2).min(old.len())],
                &new[at..(at + 2).min(new.len())]
            ));
        }
        let old: Vec<_> = text.unicode_word_indices().collect();
        let new: Vec<_> = super::words(text, 0..text.len())
            .into_iter()
            .map(|w| (w.range.start, w.text))
            .collect();
        (old != new).then(|| format!("words: old {old:?} new {new:?}"))
    }

    #[test]
    fn same_pieces_as_unicode_segmentation_on_the_corpus() {
        let differences: Vec<String> = corpus()
            .iter()
            .filter_map(|(name, text)| difference(text).map(|d| format!("{name}: {d}")))
            .collect();
        assert!(differences.is_empty(), "{}", differences.join("\n"));
    }

    /// A small deterministic generator (xorshift), so that failures repeat.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// Strings of news-like pieces: words in several scripts, numbers, every
    /// kind of stop, quote, bracket, space and line break, marks and emoji.
    #[test]
    fn same_pieces_as_unicode_segmentation_on_generated_text() {
        const PIECES: &[&str] = &[
            "the",
            "The",
            "U",
            "S",
            "e",
            "g",
            "Kazakhstan",
            "Алма",
            "Ата",
            "город",
            "Москва",
            "Αθήνα",
            "القاهرة",
            "שלום",
            "नमस्ते",
            "서울",
            "東京",
            "ひらがな",
            "カタカナ",
            "ไทย",
            "ǅ",
            "e\u{301}",
            "\u{301}",
            "\u{20E3}",
            "1",
            "2",
            "2022",
            "3",
            "5",
            "²",
            "½",
            "Ⅻ",
            "٣",
            "١٠",
            ".",
            ".",
            ".",
            "!",
            "?",
            "…",
            "。",
            "！",
            "？",
            "‼",
            ",",
            ",",
            ";",
            ":",
            "-",
            "–",
            "—",
            "'",
            "’",
            "‘",
            "\"",
            "“",
            "”",
            "„",
            "«",
            "»",
            "(",
            ")",
            "[",
            "]",
            "、",
            "·",
            "_",
            "/",
            "%",
            "$",
            "€",
            "@",
            "#",
            "&",
            "*",
            " ",
            " ",
            " ",
            " ",
            "  ",
            "\t",
            "\u{A0}",
            "\u{202F}",
            "\u{2009}",
            "\u{3000}",
            "\n",
            "\n",
            "\r\n",
            "\r",
            "\u{2028}",
            "\u{2029}",
            "\u{85}",
            "\u{B}",
            "\u{C}",
            "\u{AD}",
            "\u{200B}",
            "\u{200C}",
            "\u{200D}",
            "\u{2060}",
            "\u{FEFF}",
            "\u{200F}",
            "\u{202E}",
            "\u{FE0F}",
            "🙂",
            "👍🏽",
            "👨\u{200D}👩\u{200D}👧",
            "🇰🇿",
            "🇰",
            "©",
            "™",
            "\u{1F3FB}",
            "\u{E0067}",
            "\u{FFFD}",
            "\u{0}",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut failures = Vec::new();
        for _ in 0..30_000 {
            let len = 1 + rng.below(14);
            let text: String = (0..len).map(|_| PIECES[rng.below(PIECES.len())]).collect();
            if let Some(d) = difference(&text) {
                failures.push(format!("{text:?}: {d}"));
            }
        }
        // And every ASCII character, the fast paths' domain, densely.
        const ASCII: &[u8] = b"aZ19 .,;:'_\"\r\n\t-!?()";
        for _ in 0..30_000 {
            let len = 1 + rng.below(10);
            let text: String = (0..len)
                .map(|_| match rng.below(4) {
                    0 => char::from(rng.below(128) as u8),
                    _ => char::from(ASCII[rng.below(ASCII.len())]),
                })
                .collect();
            if let Some(d) = difference(&text) {
                failures.push(format!("{text:?}: {d}"));
            }
        }
        failures.truncate(20);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Diagnostic, not run by default (`cargo test -- --ignored chars`): each
    /// character in a few contexts, the differing ones as ranges.
    #[test]
    #[ignore]
    fn every_char_in_context() {
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let contexts = [
                format!("a{c}b"),
                format!("1{c}2"),
                format!("{c}{c}"),
                format!(" {c} "),
                format!("x.{c}a"),
                format!("x. {c}B"),
                format!("x{c}. a"),
                format!("\u{200D}{c}"),
            ];
            if contexts.iter().any(|t| difference(t).is_some()) {
                let u = c as u32;
                match ranges.last_mut() {
                    Some(last) if last.1 + 1 == u => last.1 = u,
                    _ => ranges.push((u, u)),
                }
            }
        }
        let list: Vec<String> = ranges
            .iter()
            .map(|&(a, b)| {
                if a == b {
                    format!("{a:X}")
                } else {
                    format!("{a:X}-{b:X}")
                }
            })
            .collect();
        println!("{} ranges differ: {}", ranges.len(), list.join(" "));
    }
}
