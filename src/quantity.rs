//! Numbers and what they count: `60 tons per day`, `about 300 buses`,
//! `twelve injured`, `5%`.

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

fn parse_number(word: &str) -> Option<f64> {
    let lower = word.to_lowercase();
    if let Some(&(_, v)) = SMALL.iter().find(|(w, _)| *w == lower) {
        return Some(v);
    }
    if lower.chars().next()?.is_ascii_digit() {
        let cleaned: String = lower.chars().filter(|c| *c != ',').collect();
        return cleaned.parse::<f64>().ok().filter(|v| v.is_finite());
    }
    None
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
        if first > 0 && TIME_UNITS.contains(&words[first - 1].text.to_lowercase().as_str()) {
            at += 1;
            continue;
        }
        let mut next = at + 1;
        while let Some(scale) = words.get(next).and_then(|w| {
            let lower = w.text.to_lowercase();
            SCALES.iter().find(|(s, _)| *s == lower).map(|(_, v)| *v)
        }) {
            value *= scale;
            next += 1;
        }
        let end_of_number = words[next - 1].range.end;
        let percent = text.get(end_of_number..).is_some_and(|rest| {
            rest.starts_with('%') || rest.trim_start().to_lowercase().starts_with("percent")
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
                        Some(term) => term.key.clone(),
                        None => crate::paraphrase::stem(&lower),
                    });
                }
                break;
            }
        }
        let approximate = first > 0
            && APPROX.contains(&words[first - 1].text.to_lowercase().as_str())
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
