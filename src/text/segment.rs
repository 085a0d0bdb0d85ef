//! Word and sentence boundaries after [UAX #29], written by hand for the
//! prose claimdiff reads, in place of the `unicode-segmentation` crate: its
//! Word_Break, Sentence_Break and emoji tables cost about 20 KB of the
//! gzipped .wasm, while the `char` properties of core (`is_alphabetic`,
//! `is_numeric`, `is_lowercase`, `is_uppercase`, `is_whitespace`) are in it
//! anyway.
//!
//! Followed: the word rules WB3–WB13c and WB999, and the sentence rules
//! SB1–SB11 and SB998, in the same state machines as `unicode-segmentation`
//! 1.13, so that the words, sentences and diff pieces of Latin, Cyrillic,
//! Greek, Arabic, Hebrew, Devanagari and Hangul text are the same, piece for
//! piece (a differential test in `text.rs` checks this on the seeds, bench
//! and evaluation texts and on generated strings).
//!
//! The classes come from core's `char` properties, with short lists for the
//! punctuation classes and one table, of the BMP's combining marks
//! (Word_Break=Extend: core has no General_Category, and without the table
//! an accent or a virama would split a word). Not followed, to stay small:
//! - Classes outside the Basic Multilingual Plane are left to core's
//!   properties: the combining marks, stops and quotes of the historic and
//!   Brahmic scripts there are not recognised (emoji modifiers, tags and
//!   variation selectors are), and every number there counts as a digit.
//! - Extended_Pictographic (WB3c: no break in an emoji ZWJ sequence) is
//!   approximated by blocks: a ZWJ also keeps a non-emoji symbol of
//!   Miscellaneous Symbols or Dingbats (U+2600–U+27BF) after it. In the BMP
//!   this is the only difference from `unicode-segmentation` (an ignored
//!   test in `text.rs` tries every character in several contexts).
//! - Ideographs, Hiragana and the scripts written without spaces (Thai,
//!   Lao, Khmer, Myanmar) get no dictionary: each character, with its marks,
//!   is a word of its own, as in `unicode-segmentation`; a Katakana run is
//!   one word (WB13).
//! - The lists are Unicode 17's; core's properties are those of the Rust
//!   release that builds the crate.
//!
//! [UAX #29]: https://www.unicode.org/reports/tr29/

/// Whether `c` falls in one of the sorted, disjoint ranges of a BMP table.
fn in_table(c: char, table: &[(u16, u16)]) -> bool {
    let Ok(c) = u16::try_from(c as u32) else {
        return false;
    };
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                core::cmp::Ordering::Less
            } else if lo > c {
                core::cmp::Ordering::Greater
            } else {
                core::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The combining marks of the BMP (Grapheme_Extend and spacing marks:
/// Unicode 17's Word_Break=Extend, which is Sentence_Break=Extend but ZWJ).
#[rustfmt::skip]
const MARKS: &[(u16, u16)] = &[
    (0x0300, 0x036F), (0x0483, 0x0489), (0x0591, 0x05BD), (0x05BF, 0x05BF), (0x05C1, 0x05C2),
    (0x05C4, 0x05C5), (0x05C7, 0x05C7), (0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670),
    (0x06D6, 0x06DC), (0x06DF, 0x06E4), (0x06E7, 0x06E8), (0x06EA, 0x06ED), (0x0711, 0x0711),
    (0x0730, 0x074A), (0x07A6, 0x07B0), (0x07EB, 0x07F3), (0x07FD, 0x07FD), (0x0816, 0x0819),
    (0x081B, 0x0823), (0x0825, 0x0827), (0x0829, 0x082D), (0x0859, 0x085B), (0x0897, 0x089F),
    (0x08CA, 0x08E1), (0x08E3, 0x0903), (0x093A, 0x093C), (0x093E, 0x094F), (0x0951, 0x0957),
    (0x0962, 0x0963), (0x0981, 0x0983), (0x09BC, 0x09BC), (0x09BE, 0x09C4), (0x09C7, 0x09C8),
    (0x09CB, 0x09CD), (0x09D7, 0x09D7), (0x09E2, 0x09E3), (0x09FE, 0x09FE), (0x0A01, 0x0A03),
    (0x0A3C, 0x0A3C), (0x0A3E, 0x0A42), (0x0A47, 0x0A48), (0x0A4B, 0x0A4D), (0x0A51, 0x0A51),
    (0x0A70, 0x0A71), (0x0A75, 0x0A75), (0x0A81, 0x0A83), (0x0ABC, 0x0ABC), (0x0ABE, 0x0AC5),
    (0x0AC7, 0x0AC9), (0x0ACB, 0x0ACD), (0x0AE2, 0x0AE3), (0x0AFA, 0x0AFF), (0x0B01, 0x0B03),
    (0x0B3C, 0x0B3C), (0x0B3E, 0x0B44), (0x0B47, 0x0B48), (0x0B4B, 0x0B4D), (0x0B55, 0x0B57),
    (0x0B62, 0x0B63), (0x0B82, 0x0B82), (0x0BBE, 0x0BC2), (0x0BC6, 0x0BC8), (0x0BCA, 0x0BCD),
    (0x0BD7, 0x0BD7), (0x0C00, 0x0C04), (0x0C3C, 0x0C3C), (0x0C3E, 0x0C44), (0x0C46, 0x0C48),
    (0x0C4A, 0x0C4D), (0x0C55, 0x0C56), (0x0C62, 0x0C63), (0x0C81, 0x0C83), (0x0CBC, 0x0CBC),
    (0x0CBE, 0x0CC4), (0x0CC6, 0x0CC8), (0x0CCA, 0x0CCD), (0x0CD5, 0x0CD6), (0x0CE2, 0x0CE3),
    (0x0CF3, 0x0CF3), (0x0D00, 0x0D03), (0x0D3B, 0x0D3C), (0x0D3E, 0x0D44), (0x0D46, 0x0D48),
    (0x0D4A, 0x0D4D), (0x0D57, 0x0D57), (0x0D62, 0x0D63), (0x0D81, 0x0D83), (0x0DCA, 0x0DCA),
    (0x0DCF, 0x0DD4), (0x0DD6, 0x0DD6), (0x0DD8, 0x0DDF), (0x0DF2, 0x0DF3), (0x0E31, 0x0E31),
    (0x0E34, 0x0E3A), (0x0E47, 0x0E4E), (0x0EB1, 0x0EB1), (0x0EB4, 0x0EBC), (0x0EC8, 0x0ECE),
    (0x0F18, 0x0F19), (0x0F35, 0x0F35), (0x0F37, 0x0F37), (0x0F39, 0x0F39), (0x0F3E, 0x0F3F),
    (0x0F71, 0x0F84), (0x0F86, 0x0F87), (0x0F8D, 0x0F97), (0x0F99, 0x0FBC), (0x0FC6, 0x0FC6),
    (0x102B, 0x103E), (0x1056, 0x1059), (0x105E, 0x1060), (0x1062, 0x1064), (0x1067, 0x106D),
    (0x1071, 0x1074), (0x1082, 0x108D), (0x108F, 0x108F), (0x109A, 0x109D), (0x135D, 0x135F),
    (0x1712, 0x1715), (0x1732, 0x1734), (0x1752, 0x1753), (0x1772, 0x1773), (0x17B4, 0x17D3),
    (0x17DD, 0x17DD), (0x180B, 0x180D), (0x180F, 0x180F), (0x1885, 0x1886), (0x18A9, 0x18A9),
    (0x1920, 0x192B), (0x1930, 0x193B), (0x1A17, 0x1A1B), (0x1A55, 0x1A5E), (0x1A60, 0x1A7C),
    (0x1A7F, 0x1A7F), (0x1AB0, 0x1ADD), (0x1AE0, 0x1AEB), (0x1B00, 0x1B04), (0x1B34, 0x1B44),
    (0x1B6B, 0x1B73), (0x1B80, 0x1B82), (0x1BA1, 0x1BAD), (0x1BE6, 0x1BF3), (0x1C24, 0x1C37),
    (0x1CD0, 0x1CD2), (0x1CD4, 0x1CE8), (0x1CED, 0x1CED), (0x1CF4, 0x1CF4), (0x1CF7, 0x1CF9),
    (0x1DC0, 0x1DFF), (0x200C, 0x200C), (0x20D0, 0x20F0), (0x2CEF, 0x2CF1), (0x2D7F, 0x2D7F),
    (0x2DE0, 0x2DFF), (0x302A, 0x302F), (0x3099, 0x309A), (0xA66F, 0xA672), (0xA674, 0xA67D),
    (0xA69E, 0xA69F), (0xA6F0, 0xA6F1), (0xA802, 0xA802), (0xA806, 0xA806), (0xA80B, 0xA80B),
    (0xA823, 0xA827), (0xA82C, 0xA82C), (0xA880, 0xA881), (0xA8B4, 0xA8C5), (0xA8E0, 0xA8F1),
    (0xA8FF, 0xA8FF), (0xA926, 0xA92D), (0xA947, 0xA953), (0xA980, 0xA983), (0xA9B3, 0xA9C0),
    (0xA9E5, 0xA9E5), (0xAA29, 0xAA36), (0xAA43, 0xAA43), (0xAA4C, 0xAA4D), (0xAA7B, 0xAA7D),
    (0xAAB0, 0xAAB0), (0xAAB2, 0xAAB4), (0xAAB7, 0xAAB8), (0xAABE, 0xAABF), (0xAAC1, 0xAAC1),
    (0xAAEB, 0xAAEF), (0xAAF5, 0xAAF6), (0xABE3, 0xABEA), (0xABEC, 0xABED), (0xFB1E, 0xFB1E),
    (0xFE00, 0xFE0F), (0xFE20, 0xFE2F), (0xFF9E, 0xFF9F),
];

/// Sentence_Break=STerm of the BMP beyond ASCII `!` and `?`.
#[rustfmt::skip]
const STERM: &[(u16, u16)] = &[
    (0x0589, 0x0589), (0x061D, 0x061F), (0x06D4, 0x06D4), (0x0700, 0x0702), (0x07F9, 0x07F9),
    (0x0837, 0x0837), (0x0839, 0x0839), (0x083D, 0x083E), (0x0964, 0x0965), (0x104A, 0x104B),
    (0x1362, 0x1362), (0x1367, 0x1368), (0x166E, 0x166E), (0x1735, 0x1736), (0x17D4, 0x17D5),
    (0x1803, 0x1803), (0x1809, 0x1809), (0x1944, 0x1945), (0x1AA8, 0x1AAB), (0x1B4E, 0x1B4F),
    (0x1B5A, 0x1B5B), (0x1B5E, 0x1B5F), (0x1B7D, 0x1B7F), (0x1C3B, 0x1C3C), (0x1C7E, 0x1C7F),
    (0x203C, 0x203D), (0x2047, 0x2049), (0x2CF9, 0x2CFB), (0x2E2E, 0x2E2E), (0x2E3C, 0x2E3C),
    (0x2E53, 0x2E54), (0x3002, 0x3002), (0xA4FF, 0xA4FF), (0xA60E, 0xA60F), (0xA6F3, 0xA6F3),
    (0xA6F7, 0xA6F7), (0xA876, 0xA877), (0xA8CE, 0xA8CF), (0xA92F, 0xA92F), (0xA9C8, 0xA9C9),
    (0xAA5D, 0xAA5F), (0xAAF0, 0xAAF1), (0xABEB, 0xABEB), (0xFE12, 0xFE12), (0xFE15, 0xFE16),
    (0xFE56, 0xFE57), (0xFF01, 0xFF01), (0xFF1F, 0xFF1F), (0xFF61, 0xFF61),
];

/// Sentence_Break=Close (quotes and brackets) of the BMP beyond ASCII.
#[rustfmt::skip]
const CLOSE: &[(u16, u16)] = &[
    (0x00AB, 0x00AB), (0x00BB, 0x00BB), (0x0F3A, 0x0F3D), (0x169B, 0x169C), (0x2018, 0x201F),
    (0x2039, 0x203A), (0x2045, 0x2046), (0x207D, 0x207E), (0x208D, 0x208E), (0x2308, 0x230B),
    (0x2329, 0x232A), (0x275B, 0x2760), (0x2768, 0x2775), (0x27C5, 0x27C6), (0x27E6, 0x27EF),
    (0x2983, 0x2998), (0x29D8, 0x29DB), (0x29FC, 0x29FD), (0x2E00, 0x2E0D), (0x2E1C, 0x2E1D),
    (0x2E20, 0x2E29), (0x2E42, 0x2E42), (0x2E55, 0x2E5C), (0x3008, 0x3011), (0x3014, 0x301B),
    (0x301D, 0x301F), (0xFD3E, 0xFD3F), (0xFE17, 0xFE18), (0xFE35, 0xFE44), (0xFE47, 0xFE48),
    (0xFE59, 0xFE5E), (0xFF08, 0xFF09), (0xFF3B, 0xFF3B), (0xFF3D, 0xFF3D), (0xFF5B, 0xFF5B),
    (0xFF5D, 0xFF5D), (0xFF5F, 0xFF60), (0xFF62, 0xFF63),
];

/// Number characters that are not digits (General_Category No of the BMP):
/// superscripts, fractions, circled numbers. Not Numeric for the word rules.
#[rustfmt::skip]
const NOT_DIGITS: &[(u16, u16)] = &[
    (0x00B2, 0x00B3), (0x00B9, 0x00B9), (0x00BC, 0x00BE), (0x09F4, 0x09F9), (0x0B72, 0x0B77),
    (0x0BF0, 0x0BF2), (0x0C78, 0x0C7E), (0x0D58, 0x0D5E), (0x0D70, 0x0D78), (0x0F2A, 0x0F33),
    (0x1369, 0x137C), (0x17F0, 0x17F9), (0x2070, 0x2070), (0x2074, 0x2079), (0x2080, 0x2089),
    (0x2150, 0x215F), (0x2189, 0x2189), (0x2460, 0x249B), (0x24EA, 0x24FF), (0x2776, 0x2793),
    (0x2CFD, 0x2CFD), (0x3192, 0x3195), (0x3220, 0x3229), (0x3248, 0x324F), (0x3251, 0x325F),
    (0x3280, 0x3289), (0x32B1, 0x32BF), (0xA830, 0xA835),
];

/// A combining mark, a joiner or a format character: it goes with the
/// character before it (WB4, SB5). ZWJ is not among them: see [`Wb::Zwj`].
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x061C | 0x180E | 0x200E | 0x200F | 0x202A..=0x202E | 0x2060..=0x2064
        | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB
        // Emoji modifiers, tags, variation selectors.
        | 0x1F3FB..=0x1F3FF | 0xE0001 | 0xE0020..=0xE007F | 0xE0100..=0xE01EF)
        || in_table(c, MARKS)
}

/// A digit (Numeric of the word and sentence rules): a number character that
/// is neither a letter (Roman numerals are letters) nor in [`NOT_DIGITS`].
fn is_digit(c: char) -> bool {
    c.is_numeric() && !c.is_alphabetic() && !in_table(c, NOT_DIGITS)
        || matches!(
            c as u32,
            0x0600..=0x0605 | 0x066B | 0x06DD | 0x0890 | 0x0891 | 0x08E2
        )
}

/// Letters that are no word letters (ALetter): ideographs, Hiragana and the
/// scripts written without spaces (Line_Break=SA), whose words need a
/// dictionary.
fn is_unspaced_letter(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF | 0x1950..=0x19DF | 0x1A20..=0x1AAF
        | 0xA9E0..=0xA9FF | 0xAA60..=0xAADF | 0x11700..=0x1174F
        // Ideographic.
        | 0x3006 | 0x3007 | 0x3021..=0x3029 | 0x3038..=0x303A | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x16FE4 | 0x17000..=0x18D08 | 0x1B170..=0x1B2FB
        | 0x20000..=0x3FFFF
        // Hiragana.
        | 0x3041..=0x3096 | 0x309D..=0x309F | 0x1B001..=0x1B11F | 0x1B132 | 0x1B150..=0x1B152
        | 0x1F200)
}

/// An emoji for WB3c (Extended_Pictographic), by block.
fn is_pictographic(c: char) -> bool {
    match c as u32 {
        0x00A9
        | 0x00AE
        | 0x203C
        | 0x2049
        | 0x2122
        | 0x2139
        | 0x2194..=0x2199
        | 0x21A9
        | 0x21AA
        | 0x231A
        | 0x231B
        | 0x2328
        | 0x23CF
        | 0x23E9..=0x23F3
        | 0x23F8..=0x23FA
        | 0x24C2
        | 0x25AA
        | 0x25AB
        | 0x25B6
        | 0x25C0
        | 0x25FB..=0x25FE
        | 0x2934
        | 0x2935
        | 0x2B05..=0x2B07
        | 0x2B1B
        | 0x2B1C
        | 0x2B50
        | 0x2B55
        | 0x3030
        | 0x303D
        | 0x3297
        | 0x3299 => true,
        0x2600..=0x27BF
        | 0x1F000..=0x1F1E5
        | 0x1F200..=0x1F3FA
        | 0x1F400..=0x1FAFF
        | 0x1FC00..=0x1FFFD => !c.is_alphanumeric(),
        _ => false,
    }
}

/// Word_Break classes (UAX #29, table 3). Format characters are taken as
/// Extend: the rules treat both alike.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Wb {
    Cr,
    Lf,
    Newline,
    Extend,
    Zwj,
    Regional,
    Katakana,
    Hebrew,
    ALetter,
    Numeric,
    MidLetter,
    MidNum,
    MidNumLet,
    SingleQuote,
    DoubleQuote,
    ExtendNumLet,
    WSegSpace,
    Other,
}

fn word_class(c: char) -> Wb {
    use Wb::*;
    if c.is_ascii() {
        return match c {
            'a'..='z' | 'A'..='Z' => ALetter,
            '0'..='9' => Numeric,
            ' ' => WSegSpace,
            '\n' => Lf,
            '\r' => Cr,
            '\x0B' | '\x0C' => Newline,
            '"' => DoubleQuote,
            '\'' => SingleQuote,
            ',' | ';' => MidNum,
            '.' => MidNumLet,
            ':' => MidLetter,
            '_' => ExtendNumLet,
            _ => Other,
        };
    }
    match c as u32 {
        0x0085 | 0x2028 | 0x2029 => Newline,
        0x1680 | 0x2000..=0x2006 | 0x2008..=0x200A | 0x205F | 0x3000 => WSegSpace,
        0x200D => Zwj,
        0x037E | 0x0589 | 0x060C | 0x060D | 0x066C | 0x07F8 | 0x2044 | 0xFE50 | 0xFE54 | 0xFF0C
        | 0xFF1B => MidNum,
        0x2018 | 0x2019 | 0x2024 | 0xFE52 | 0xFF07 | 0xFF0E => MidNumLet,
        0x00B7 | 0x0387 | 0x055F | 0x05F4 | 0x2027 | 0xFE13 | 0xFE55 | 0xFF1A => MidLetter,
        0x202F | 0x203F | 0x2040 | 0x2054 | 0xFE33 | 0xFE34 | 0xFE4D..=0xFE4F | 0xFF3F => {
            ExtendNumLet
        }
        0x1F1E6..=0x1F1FF => Regional,
        0x3031..=0x3035
        | 0x309B
        | 0x309C
        | 0x30A0..=0x30FA
        | 0x30FC..=0x30FF
        | 0x31F0..=0x31FF
        | 0x32D0..=0x32FE
        | 0x3300..=0x3357
        | 0xFF66..=0xFF9D
        | 0x1AFF0..=0x1AFF3
        | 0x1AFF5..=0x1AFFB
        | 0x1AFFD
        | 0x1AFFE
        | 0x1B000
        | 0x1B120..=0x1B122
        | 0x1B155
        | 0x1B164..=0x1B167 => Katakana,
        0x05D0..=0x05EA
        | 0x05EF..=0x05F2
        | 0xFB1D
        | 0xFB1F..=0xFB28
        | 0xFB2A..=0xFB36
        | 0xFB38..=0xFB3C
        | 0xFB3E
        | 0xFB40
        | 0xFB41
        | 0xFB43
        | 0xFB44
        | 0xFB46..=0xFB4F => Hebrew,
        // Modifier symbols and word-internal marks that are not Alphabetic.
        0x00B8
        | 0x02C2..=0x02C5
        | 0x02D2..=0x02D7
        | 0x02DE
        | 0x02DF
        | 0x02E5..=0x02EB
        | 0x02ED
        | 0x02EF..=0x02FF
        | 0x055A..=0x055C
        | 0x055E
        | 0x058A
        | 0x05F3
        | 0x070F
        | 0xA708..=0xA716
        | 0xA720
        | 0xA721
        | 0xA789
        | 0xA78A
        | 0xAB5B => ALetter,
        _ if is_mark(c) => Extend,
        _ if c.is_alphabetic() => {
            if is_unspaced_letter(c) {
                Other
            } else {
                ALetter
            }
        }
        _ if is_digit(c) => Numeric,
        _ => Other,
    }
}

/// Where the word-rule state machine stands after the characters taken.
#[derive(Clone, Copy, PartialEq, Eq)]
enum WordState {
    Start,
    Letter,
    HLetter,
    Numeric,
    Katakana,
    ExtendNumLet,
    RegionalHalf,
    RegionalFull,
    /// Taken a MidLetter-like mark after a letter (WB6): needs a letter next.
    NeedLetter,
    /// Taken a `"` after a Hebrew letter (WB7b): needs a Hebrew letter next.
    NeedHebrew,
    /// Taken a MidNum-like mark after a digit (WB12): needs a digit next.
    NeedDigit,
    /// Taken a `'` after a Hebrew letter (WB7a): done, unless a letter follows.
    HebrewQuote,
    /// Taken a character and its marks (WB4), nothing more joins.
    Marked,
    Zwj,
    Emoji,
    WSegSpace,
}

/// The byte length of the first word-boundary segment of `s` (UAX #29
/// WB1–WB999); 0 only for an empty `s`.
pub(super) fn word_bound(s: &str) -> usize {
    use WordState as S;
    // The common cases first, in ASCII: a run of letters and digits or of
    // spaces, or a single mark, that ends where nothing can join it (WB5–13,
    // WB3d) and no combining mark follows (WB4).
    let bytes = s.as_bytes();
    let Some(&first) = bytes.first() else {
        return 0;
    };
    let run = if first.is_ascii_alphanumeric() {
        bytes
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count()
    } else if first == b' ' {
        bytes.iter().take_while(|&&b| b == b' ').count()
    } else if first.is_ascii() && first != b'\r' && first != b'_' {
        1
    } else {
        0
    };
    let mut state = S::Start;
    // The end of what is taken so far, and where a Need* state rewinds to.
    let mut end = 0;
    if run > 0 {
        // Only a word can be joined: by `_`, and by `.` `'` (`:` after a
        // letter, `,` `;` after a digit) if a letter or digit follows.
        let word = first.is_ascii_alphanumeric();
        let digit = bytes[run - 1].is_ascii_digit();
        let joins = |b: u8| match b {
            b'.' | b'\'' | b'_' => word,
            b':' => word && !digit,
            b',' | b';' => word && digit,
            _ => false,
        };
        match bytes.get(run) {
            None => return run,
            Some(&next) if next.is_ascii() && !joins(next) => return run,
            // "said." or "1," at the end of a word: the mark cannot join.
            Some(&next) if next != b'_' && next.is_ascii() => match bytes.get(run + 1) {
                None => return run,
                Some(after) if after.is_ascii() && !after.is_ascii_alphanumeric() => return run,
                _ => {}
            },
            Some(_) => {}
        }
        // The state machine goes on after the run, in the state the run
        // leaves it in (WB5, WB8–10 within the word; WB3d within the spaces).
        if word {
            state = if digit { S::Numeric } else { S::Letter };
            end = run;
        } else if first == b' ' {
            state = S::WSegSpace;
            end = run;
        }
    }
    let mut rewind = 0;
    let mut prev_zwj = false;
    let mut skipped_marks = false;
    let base = end;
    let mut chars = s.get(base..).unwrap_or("").char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let at = base + offset;
        let after = at + c.len_utf8();
        let class = word_class(c);
        let joined = prev_zwj;
        prev_zwj = class == Wb::Zwj;
        // WB4: marks and joiners go with what precedes them.
        if state != S::Start && matches!(class, Wb::Extend | Wb::Zwj) {
            skipped_marks = true;
            end = after;
            continue;
        }
        // WB3c: no break in an emoji ZWJ sequence.
        if joined && is_pictographic(c) {
            state = S::Emoji;
            end = after;
            continue;
        }
        let next = match state {
            S::Start => match class {
                Wb::Cr => {
                    // WB3, WB3a.
                    let crlf = chars.peek().is_some_and(|&(_, n)| n == '\n');
                    return after + usize::from(crlf);
                }
                Wb::Lf | Wb::Newline => return after,
                Wb::ALetter => S::Letter,
                Wb::Hebrew => S::HLetter,
                Wb::Numeric => S::Numeric,
                Wb::Katakana => S::Katakana,
                Wb::ExtendNumLet => S::ExtendNumLet,
                Wb::Regional => S::RegionalHalf,
                Wb::Zwj => S::Zwj,
                Wb::WSegSpace => S::WSegSpace,
                _ => {
                    let marked = chars
                        .peek()
                        .is_some_and(|&(_, n)| matches!(word_class(n), Wb::Extend | Wb::Zwj));
                    if !marked {
                        return after; // WB999
                    }
                    S::Marked
                }
            },
            S::WSegSpace => match class {
                Wb::WSegSpace if !skipped_marks => S::WSegSpace, // WB3d
                _ => break,
            },
            S::Letter | S::HLetter => match class {
                Wb::ALetter => S::Letter,            // WB5
                Wb::Hebrew => S::HLetter,            // WB5
                Wb::Numeric => S::Numeric,           // WB9
                Wb::ExtendNumLet => S::ExtendNumLet, // WB13a
                Wb::DoubleQuote if state == S::HLetter => {
                    rewind = at;
                    S::NeedHebrew // WB7b
                }
                Wb::SingleQuote if state == S::HLetter => S::HebrewQuote, // WB7a
                Wb::MidLetter | Wb::MidNumLet | Wb::SingleQuote => {
                    rewind = at;
                    S::NeedLetter // WB6
                }
                _ => break,
            },
            S::Numeric => match class {
                Wb::Numeric => S::Numeric,           // WB8
                Wb::ALetter => S::Letter,            // WB10
                Wb::Hebrew => S::HLetter,            // WB10
                Wb::ExtendNumLet => S::ExtendNumLet, // WB13a
                Wb::MidNum | Wb::MidNumLet | Wb::SingleQuote => {
                    rewind = at;
                    S::NeedDigit // WB12
                }
                _ => break,
            },
            S::Katakana => match class {
                Wb::Katakana => S::Katakana,         // WB13
                Wb::ExtendNumLet => S::ExtendNumLet, // WB13a
                _ => break,
            },
            S::ExtendNumLet => match class {
                Wb::ExtendNumLet => S::ExtendNumLet, // WB13a
                Wb::ALetter => S::Letter,            // WB13b
                Wb::Hebrew => S::HLetter,
                Wb::Numeric => S::Numeric,
                Wb::Katakana => S::Katakana,
                _ => break,
            },
            S::RegionalHalf => match class {
                Wb::Regional => S::RegionalFull, // WB13c
                _ => break,
            },
            S::NeedDigit => match class {
                Wb::Numeric => S::Numeric, // WB11
                _ => return rewind,
            },
            S::NeedLetter | S::HebrewQuote if class == Wb::ALetter => S::Letter, // WB7
            S::NeedLetter | S::HebrewQuote if class == Wb::Hebrew => S::HLetter,
            S::NeedHebrew if class == Wb::Hebrew => S::HLetter, // WB7c
            S::NeedLetter | S::NeedHebrew => return rewind,
            S::HebrewQuote | S::Marked | S::RegionalFull | S::Zwj | S::Emoji => break,
        };
        state = next;
        end = after;
    }
    if matches!(state, S::NeedLetter | S::NeedHebrew | S::NeedDigit) {
        return rewind;
    }
    end
}

/// The word-boundary segments of `s` with their byte offsets: they
/// concatenate back to `s`.
pub(super) fn word_bounds(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    core::iter::from_fn(move || {
        let rest = s.get(at..).filter(|rest| !rest.is_empty())?;
        // Never 0 on a non-empty rest; `max` guards the loop all the same.
        let len = word_bound(rest).max(rest.chars().next().map_or(1, char::len_utf8));
        let piece = rest.get(..len)?;
        let start = at;
        at += len;
        Some((start, piece))
    })
}

/// Sentence_Break classes (UAX #29, table 4).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sb {
    Cr,
    Lf,
    Sep,
    Sp,
    Lower,
    Upper,
    OLetter,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Extend,
    Other,
}

fn sentence_class(c: char) -> Sb {
    use Sb::*;
    if c.is_ascii() {
        return match c {
            'a'..='z' => Lower,
            'A'..='Z' => Upper,
            '0'..='9' => Numeric,
            ' ' | '\t' | '\x0B' | '\x0C' => Sp,
            '\n' => Lf,
            '\r' => Cr,
            '.' => ATerm,
            '!' | '?' => STerm,
            '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' => Close,
            ',' | '-' | ':' | ';' => SContinue,
            _ => Other,
        };
    }
    match c as u32 {
        0x0085 | 0x2028 | 0x2029 => Sep,
        0x2024 | 0xFE52 | 0xFF0E => ATerm,
        0x037E | 0x055D | 0x060C | 0x060D | 0x07F8 | 0x1802 | 0x1808 | 0x2013 | 0x2014 | 0x3001
        | 0xFE10 | 0xFE11 | 0xFE13 | 0xFE14 | 0xFE31 | 0xFE32 | 0xFE50 | 0xFE51 | 0xFE54
        | 0xFE55 | 0xFE58 | 0xFE63 | 0xFF0C | 0xFF0D | 0xFF1A | 0xFF1B | 0xFF64 => SContinue,
        0x070F | 0x200B | 0x200D => Extend,
        // Emoji modifiers are Extend for the word rules only.
        0x1F3FB..=0x1F3FF => Other,
        _ if is_mark(c) => Extend,
        _ if in_table(c, STERM) => STerm,
        _ if in_table(c, CLOSE) => Close,
        _ if c.is_whitespace() => Sp,
        // Georgian Mkhedruli is lower case, but counts as OLetter (it has no
        // capitals in running text); so does the Hebrew geresh.
        0x05F3 | 0x10D0..=0x10FA | 0x10FD..=0x10FF | 0x1C90..=0x1CBA | 0x1CBD..=0x1CBF => OLetter,
        _ if c.is_lowercase() => Lower,
        // Titlecase letters count as upper case.
        0x01C5
        | 0x01C8
        | 0x01CB
        | 0x01F2
        | 0x1F88..=0x1F8F
        | 0x1F98..=0x1F9F
        | 0x1FA8..=0x1FAF
        | 0x1FBC
        | 0x1FCC
        | 0x1FFC => Upper,
        _ if c.is_uppercase() => Upper,
        _ if c.is_alphabetic() => OLetter,
        _ if is_digit(c) => Numeric,
        _ => Other,
    }
}

/// The sentence rules' view of the last few characters: runs of Close and
/// of Sp are collapsed into one part each.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Part {
    Sot,
    Other,
    Cr,
    Lf,
    Sep,
    ATerm,
    UpperLower,
    ClosePlus,
    SpPlus,
    STerm,
}

/// The last four parts, oldest first.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Parts([Part; 4]);

impl Parts {
    fn push(self, class: Sb) -> Parts {
        let [_, a, b, last] = self.0;
        let part = match class {
            Sb::Cr => Part::Cr,
            Sb::Lf => Part::Lf,
            Sb::Sep => Part::Sep,
            Sb::ATerm => Part::ATerm,
            Sb::Upper | Sb::Lower => Part::UpperLower,
            Sb::Close => Part::ClosePlus,
            Sb::Sp => Part::SpPlus,
            Sb::STerm => Part::STerm,
            _ => Part::Other,
        };
        if part == last && matches!(part, Part::ClosePlus | Part::SpPlus) {
            return self;
        }
        Parts([a, b, last, part])
    }

    fn last(self) -> Part {
        self.0[3]
    }

    /// The part before `SATerm Close* Sp*` (or before `SATerm Close*` if
    /// `spaces` is false): the index of the would-be terminator.
    fn terminator(self, spaces: bool) -> Part {
        let mut i = 3;
        if spaces && self.0[i] == Part::SpPlus {
            i -= 1;
        }
        if self.0[i] == Part::ClosePlus {
            i -= 1;
        }
        self.0[i]
    }

    fn after_sa_term(self, spaces: bool) -> bool {
        matches!(self.terminator(spaces), Part::STerm | Part::ATerm)
    }

    /// SB11's `SATerm Close* Sp* ParaSep?`.
    fn ends_sentence(self) -> bool {
        let mut i = 3;
        if matches!(self.0[i], Part::Sep | Part::Cr | Part::Lf) {
            i -= 1;
        }
        if self.0[i] == Part::SpPlus {
            i -= 1;
        }
        if self.0[i] == Part::ClosePlus {
            i -= 1;
        }
        matches!(self.0[i], Part::STerm | Part::ATerm)
    }
}

/// SB8's look-ahead `( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower`
/// from the start of `ahead`: the answer and the offset of the character that
/// decided it (`ahead.len()` if none did).
fn lower_follows(ahead: &str) -> (bool, usize) {
    for (at, c) in ahead.char_indices() {
        match sentence_class(c) {
            Sb::Lower => return (true, at),
            Sb::OLetter | Sb::Upper | Sb::Sep | Sb::Cr | Sb::Lf | Sb::STerm | Sb::ATerm => {
                return (false, at)
            }
            _ => {}
        }
    }
    (false, ahead.len())
}

/// The sentence-boundary segments of `s` with their byte offsets (UAX #29
/// SB1–SB998): they concatenate back to `s`.
#[cfg(test)]
pub(super) fn sentence_bounds(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for_each_sentence_bound(s, |at, piece| out.push((at, piece)));
    out
}

/// Calls `f` with each of the [`sentence_bounds`] of `s` in turn (its byte
/// offset, then the segment), without collecting them.
#[inline]
pub(super) fn for_each_sentence_bound<'s>(s: &'s str, mut f: impl FnMut(usize, &'s str)) {
    let mut start = 0;
    let mut parts = Parts([Part::Sot; 4]);
    // SB8's look-ahead, kept until the character that decided it: every
    // start up to there gives the same answer (the crate rescans, quadratic).
    let mut lookahead: Option<(bool, usize)> = None;
    let bytes = s.as_bytes();
    let mut next = 0;
    while let Some(&b) = bytes.get(next) {
        let at = next;
        // ASCII classes here, the rest by `sentence_class`.
        let (class, len) = match b {
            b'a'..=b'z' => (Sb::Lower, 1),
            b'A'..=b'Z' => (Sb::Upper, 1),
            b' ' => (Sb::Sp, 1),
            _ => match s.get(at..).and_then(|rest| rest.chars().next()) {
                Some(c) => (sentence_class(c), c.len_utf8()),
                None => break,
            },
        };
        next = at + len;
        let before = parts;
        parts = parts.push(class);
        let last = before.last();
        if matches!(last, Part::Other | Part::UpperLower) && class != Sb::Extend {
            continue; // no rule breaks after a letter or the like
        }
        let breaks = match class {
            _ if last == Part::Sot => false,     // SB1 (the start of the text)
            Sb::Lf if last == Part::Cr => false, // SB3
            _ if matches!(last, Part::Sep | Part::Cr | Part::Lf) => true, // SB4
            Sb::Extend => {
                parts = before; // SB5
                false
            }
            Sb::Numeric if last == Part::ATerm => false, // SB6
            Sb::Upper if before.0[2] == Part::UpperLower && last == Part::ATerm => false, // SB7
            _ if before.terminator(true) == Part::ATerm && {
                let (lower, until) = match lookahead {
                    Some((lower, until)) if at <= until => (lower, until),
                    _ => {
                        let (lower, len) = lower_follows(&s[at..]);
                        (lower, at + len)
                    }
                };
                lookahead = Some((lower, until));
                lower
            } =>
            {
                false // SB8
            }
            Sb::SContinue | Sb::STerm | Sb::ATerm if before.after_sa_term(true) => false, // SB8a
            Sb::Close | Sb::Sp | Sb::Sep | Sb::Cr | Sb::Lf if before.after_sa_term(false) => {
                false // SB9
            }
            Sb::Sp | Sb::Sep | Sb::Cr | Sb::Lf if before.after_sa_term(true) => false, // SB10
            _ => before.ends_sentence(), // SB11, SB998
        };
        if breaks && at > start {
            f(start, &s[start..at]);
            start = at;
        }
    }
    if start < s.len() {
        f(start, &s[start..]); // SB2
    }
}
