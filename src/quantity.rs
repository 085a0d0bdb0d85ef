//! Numbers and what they count: `60 tons per day`, `about 300 buses`,
//! `twelve injured`, `5%`.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::text::Word;

/// A number in a claim and the unit it counts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Quantity {
    /// The value.
    pub value: f64,
    /// The stem of the word it counts (`ton`, `bus`, `injur`), or `%`.
    pub unit: String,
    /// Whether it is hedged (`about`, `nearly`, `more than`).
    pub approximate: bool,
    /// The words as written (`about 60 tons`).
    pub text: String,
}

const SMALL: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozen", 12.0),
];

/// Which bytes the number words of [`SMALL`] start with.
const SMALL_FIRST: [bool; 256] = {
    let mut first = [false; 256];
    let mut n = 0;
    while n < SMALL.len() {
        first[SMALL[n].0.as_bytes()[0] as usize] = true;
        n += 1;
    }
    first
};

const SCALES: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("mln", 1e6),
    ("bn", 1e9),
];

/// Words that hedge a number before it.
const APPROX: &[&str] = &[
    "about",
    "around",
    "approximately",
    "nearly",
    "almost",
    "some",
    "roughly",
    "over",
    "more",
    "less",
    "fewer",
    "least",
    "up",
    "estimated",
    "at",
    "than",
];

/// Words between a number and its unit that are not the unit.
const SKIP: &[&str] = &[
    "more",
    "other",
    "additional",
    "new",
    "further",
    "of",
    "the",
    "extra",
    "socially",
    "significant",
    "people",
    "persons",
    "per",
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "been",
    "had",
    "being",
    "reportedly",
    "were",
    "a",
    "an",
];

/// Units of time are the time tagger's business, not a quantity's.
const TIME_UNITS: &[&str] = &[
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "am",
    "pm",
    "a.m",
    "p.m",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether `word` lower-cased (`str::to_lowercase`) is `lower`, an ASCII
/// word: compared in place for ASCII words, which are nearly all of them.
fn lower_is(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        word.eq_ignore_ascii_case(lower)
    } else {
        word.to_lowercase() == lower
    }
}

/// Whether `word` lower-cased is one of `list` (ASCII words).
fn lower_in(word: &str, list: &[&str]) -> bool {
    if word.is_ascii() {
        list.iter().any(|w| word.eq_ignore_ascii_case(w))
    } else {
        let lower = word.to_lowercase();
        list.contains(&lower.as_str())
    }
}

fn parse_number(word: &str) -> Option<f64> {
    if !word.is_ascii() {
        return parse_number_lowered(&word.to_lowercase());
    }
    // ASCII: lower-casing changes letters only, and letters other than `e`
    // (read in either case) make no number.
    if word.as_bytes().first()?.is_ascii_digit() {
        // No number word starts with a digit.
        if !word.contains(',') {
            return parse_decimal(word).filter(|v| v.is_finite());
        }
        let cleaned: String = word.chars().filter(|c| *c != ',').collect();
        return parse_decimal(&cleaned).filter(|v| v.is_finite());
    }
    // Number words are 3 to 9 letters long and start with few letters.
    if !(3..=9).contains(&word.len())
        || !SMALL_FIRST[usize::from(word.as_bytes()[0].to_ascii_lowercase())]
    {
        return None;
    }
    static BY_WORD: OnceLock<HashMap<&'static [u8], f64>> = OnceLock::new();
    let by_word = BY_WORD.get_or_init(|| SMALL.iter().map(|&(w, v)| (w.as_bytes(), v)).collect());
    let mut buffer = [0u8; 9];
    let lower = &mut buffer[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    by_word.get(&*lower).copied()
}

fn parse_number_lowered(lower: &str) -> Option<f64> {
    if let Some(&(_, v)) = SMALL.iter().find(|(w, _)| *w == lower) {
        return Some(v);
    }
    if lower.chars().next()?.is_ascii_digit() {
        let cleaned: String = lower.chars().filter(|c| *c != ',').collect();
        return parse_decimal(&cleaned).filter(|v| v.is_finite());
    }
    None
}

/// Powers of ten that are exact as `f64`.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Reads what `str::parse::<f64>` reads from a word that starts with a
/// digit: `12`, `3.5`, `2.5e6`, `1e-3`. The value is the nearest `f64`, as
/// `parse` gives, whenever the significant digits fit in 2^53 and the power
/// of ten is at most 22 either way (every figure a news text prints); beyond
/// that it is within a few units in the last place.
///
/// It stands in for `parse::<f64>` because that one's correctly rounded
/// algorithm carries a 10 KB table of powers of five into the `.wasm`, about
/// 13 KB gzipped with its code (benches/README.md, "Size").
fn parse_decimal(s: &str) -> Option<f64> {
    let (number, exponent) = match s.split_once(['e', 'E']) {
        Some((number, exponent)) => (number, Some(exponent)),
        None => (s, None),
    };
    let (int, frac) = number.split_once('.').unwrap_or((number, ""));
    let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    let mut scale: i32 = match exponent {
        None => 0,
        Some(e) => {
            let (negative, digits) = match e.as_bytes().first() {
                Some(b'-') => (true, &e[1..]),
                Some(b'+') => (false, &e[1..]),
                _ => (false, e),
            };
            if digits.is_empty() || !all_digits(digits) {
                return None;
            }
            let magnitude = digits.bytes().fold(0i32, |n, d| {
                n.saturating_mul(10).saturating_add(i32::from(d - b'0'))
            });
            if negative {
                -magnitude
            } else {
                magnitude
            }
        }
    };
    // The first 19 significant digits; later ones only move the scale.
    let mut mantissa: u64 = 0;
    for (n, digit) in int.bytes().chain(frac.bytes()).enumerate() {
        let in_fraction = n >= int.len();
        if mantissa < 1_000_000_000_000_000_000 {
            mantissa = mantissa * 10 + u64::from(digit - b'0');
            scale = scale.saturating_sub(i32::from(in_fraction));
        } else {
            scale = scale.saturating_add(i32::from(!in_fraction));
        }
    }
    // Scaled by exact powers of ten, at most 10^22 a step: with one step
    // (a mantissa up to 2^53 is exact) the result is correctly rounded.
    let mut value = mantissa as f64;
    while scale != 0 && value != 0.0 && value.is_finite() {
        let step = scale.clamp(-22, 22);
        let power = EXACT_POWERS_OF_TEN[step.unsigned_abs() as usize];
        value = if step > 0 {
            value * power
        } else {
            value / power
        };
        scale -= step;
    }
    Some(value)
}

/// The quantities of a claim, given its words and its text.
pub(crate) fn quantities(text: &str, words: &[Word<'_>]) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < words.len() {
        let Some(mut value) = parse_number(words[at].text) else {
            at += 1;
            continue;
        };
        let first = at;
        // Numbers straight after a month name are days of a date.
        if first > 0 && lower_in(words[first - 1].text, TIME_UNITS) {
            at += 1;
            continue;
        }
        let mut next = at + 1;
        while let Some(scale) = words.get(next).and_then(|w| {
            SCALES
                .iter()
                .find(|(s, _)| lower_is(w.text, s))
                .map(|(_, v)| *v)
        }) {
            value *= scale;
            next += 1;
        }
        let end_of_number = words[next - 1].range.end;
        let percent = text.get(end_of_number..).is_some_and(|rest| {
            // Only ASCII letters lower-case to ASCII ones that spell
            // `percent`, so its first bytes tell.
            rest.starts_with('%')
                || rest
                    .trim_start()
                    .as_bytes()
                    .get(..7)
                    .is_some_and(|head| head.eq_ignore_ascii_case(b"percent"))
        });
        let mut unit = None;
        if percent {
            unit = Some("%".to_string());
        } else {
            let mut look = next;
            while let Some(w) = words.get(look).filter(|_| look < next + 4) {
                let lower = w.text.to_lowercase();
                if SKIP.contains(&lower.as_str()) || lower.ends_with("ly") {
                    look += 1;
                    continue;
                }
                if parse_number(w.text).is_none() {
                    // Fold `injured`/`wounded` into one unit via the paraphrase table.
                    let folded = crate::paraphrase::table().terms(std::slice::from_ref(w));
                    unit = Some(match folded.first() {
                        Some(term) => term.key.to_string(),
                        None => crate::paraphrase::stem(&lower),
                    });
                }
                break;
            }
        }
        let approximate = first > 0 && lower_in(words[first - 1].text, APPROX)
            || first > 1 && words[first - 1].text.eq_ignore_ascii_case("than");
        if let Some(unit) = unit.filter(|u| !TIME_UNITS.iter().any(|t| u.starts_with(t))) {
            let start = if approximate {
                words[first - 1].range.start
            } else {
                words[first].range.start
            };
            out.push(Quantity {
                value,
                unit,
                approximate,
                text: text.get(start..end_of_number).unwrap_or("").to_string(),
            });
        }
        at = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    fn q(text: &str) -> Vec<(f64, String, bool)> {
        quantities(text, &words(text, 0..text.len()))
            .into_iter()
            .map(|q| (q.value, q.unit, q.approximate))
            .collect()
    }

    #[test]
    fn number_words_are_letters_3_to_9_long() {
        for (word, _) in SMALL {
            assert!((3..=9).contains(&word.len()), "{word}");
            assert!(word.bytes().all(|b| b.is_ascii_lowercase()), "{word}");
        }
        for (word, value) in [("Twelve", Some(12.0)), ("1,500", Some(1500.0)), ("x", None)] {
            assert_eq!(parse_number(word), value, "{word}");
        }
    }

    #[test]
    fn parse_decimal_reads_what_parse_f64_reads() {
        // Exact cases: the same f64 as `str::parse`; others: not numbers.
        let cases = [
            "0",
            "7",
            "12",
            "2500",
            "3.5",
            "0.1",
            "0.3",
            "1.25",
            "60.0",
            "1.",
            "007",
            "99.99",
            "1e3",
            "2.5e6",
            "1E5",
            "1e+2",
            "1e-3",
            "4.35e-2",
            "123456789",
            "9007199254740992",
            "0.000001",
            "1e22",
            "1e-22",
            "3.14159265358979",
            "1.0000000000000002",
            "",
            ".",
            "1e",
            "1e+",
            "1.2.3",
            "1x",
            "12abc",
            "1_000",
            "1..2",
            "e5",
            "1e5e5",
            "١٢",
        ];
        for case in cases {
            assert_eq!(parse_decimal(case), case.parse::<f64>().ok(), "{case:?}");
        }
        // Every integer and decimal fraction news prints comes out exact.
        for n in (0..100_000u64).step_by(7) {
            for text in [format!("{n}"), format!("{}.{:02}", n / 100, n % 100)] {
                assert_eq!(parse_decimal(&text), text.parse::<f64>().ok(), "{text}");
            }
        }
        // Beyond exactness: within a few units in the last place.
        for case in [
            "123456789012345678901234567890",
            "1.7e308",
            "2.2250738585072014e-308",
            "1e300",
            "1e-300",
            "0.1234567890123456789012",
        ] {
            let (got, want) = (parse_decimal(case).unwrap(), case.parse::<f64>().unwrap());
            assert!(
                (got - want).abs() <= want.abs() * 1e-14,
                "{case:?}: {got} vs {want}"
            );
        }
        // Huge and tiny exponents saturate rather than overflow.
        assert_eq!(parse_decimal("1e99999999999"), Some(f64::INFINITY));
        assert_eq!(parse_decimal("1e-99999999999"), Some(0.0));
    }

    #[test]
    fn finds_numbers_and_units() {
        type Case<'c> = (&'c str, &'c [(f64, &'c str, bool)]);
        let cases: &[Case] = &[
            (
                "the enterprise produces about 60 tons per day",
                &[(60.0, "tons", true)],
            ),
            ("12 injured in the blast", &[(12.0, "~injure", false)]),
            ("fifteen people were injured", &[(15.0, "~injure", false)]),
            ("some 2,500 buses", &[(2500.0, "~transport", true)]),
            ("prices rose 5% in March", &[(5.0, "%", false)]),
            ("three million residents", &[(3e6, "~resident", false)]),
            (
                "five more socially significant objects",
                &[(5.0, "objects", false)],
            ),
            ("on January 19 at 10 am", &[]),
            ("within 24 hours", &[]),
            ("no numbers here", &[]),
        ];
        for (text, expected) in cases {
            let got = q(text);
            let expected: Vec<(f64, String, bool)> = expected
                .iter()
                .map(|(v, u, a)| {
                    let unit = if u.starts_with(['~', '%']) {
                        u.to_string()
                    } else {
                        crate::paraphrase::stem(u)
                    };
                    (*v, unit, *a)
                })
                .collect();
            assert_eq!(got, expected, "{text}");
        }
    }
}
