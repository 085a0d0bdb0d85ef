//! Property tests of the public contract, over generated news-like and hostile text.
//!
//! Inputs mix real news words with punctuation, quotes, CR/LF, NUL, RTL marks,
//! emoji ZWJ sequences and combining marks, so that every step of the engine
//! (sentences, claims, tagging, alignment, verdicts, offset remapping) sees
//! both ordinary and odd text. Account B is built from A's sentences,
//! shuffled and edited, so that alignment has real pairs to make.
//!
//! The limits section at the end checks that shapes which make naive
//! algorithms quadratic stay bounded in time.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use claimdiff::report::{Account, Comparison, DiffTag, Span};
use claimdiff::{compare, Document, OffsetUnit, Options};
use proptest::prelude::*;

/// The benchmarks' news accounts (shuffled seed and news paragraphs).
#[path = "../benches/corpus.rs"]
#[allow(dead_code)]
mod corpus;

/// Words and fragments of news text, and the hostile pieces between them.
const WORDS: &[&str] = &[
    "the",
    "The",
    "troops",
    "peacekeepers",
    "CSTO",
    "Almaty",
    "Alma-Ata",
    "Kazakhstan",
    "Tokayev",
    "President",
    "minister",
    "said",
    "will",
    "begin",
    "withdrawing",
    "withdraw",
    "did",
    "not",
    "never",
    "no",
    "leave",
    "left",
    "on",
    "in",
    "within",
    "about",
    "almost",
    "reportedly",
    "soon",
    "January",
    "Jan.",
    "13",
    "January 13",
    "13 January",
    "2022-01-13",
    "12.01.2022",
    "Wednesday",
    "tomorrow",
    "yesterday",
    "10",
    "ten",
    "days",
    "2,030",
    "3,000",
    "1.5",
    "%",
    "percent",
    "Internet",
    "airport",
    "reopened",
    "is",
    "was",
    "were",
    "working",
    "normal",
    "life",
    "If",
    "according to",
    "officials",
    "Mr.",
    "U.S.",
    "St.",
    "e.g.",
    "state of emergency",
    "curfew",
];

const HOSTILE: &[&str] = &[
    ",",
    ".",
    ". ",
    "! ",
    "? ",
    "…",
    "...",
    ";",
    ":",
    "—",
    "–",
    "-",
    "(",
    ")",
    "\"",
    "«",
    "»",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "„",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\0",
    "\u{a0}",
    "\u{2028}",
    "\u{200b}",
    "\u{feff}",
    "\u{200f}",
    "\u{202e}",
    "\u{202c}",
    "\u{2067}",
    "\u{2069}",
    "قالت",
    "الحكومة",
    "שלום",
    "Алматы",
    "войска",
    "東京",
    "👨\u{200d}👩\u{200d}👧",
    "🇰🇿",
    "👍🏽",
    "1️⃣",
    "e\u{301}",
    "\u{301}",
    "\u{300}\u{301}\u{302}",
    "ﬁ",
    "ß",
    "İ",
    "Σ",
    "<p>",
    "</p>",
    "&amp;",
    "<script>x=\"</p>\"</script>",
    "date 2022-01-12",
    "ALMATY.",
];

/// One piece of text: mostly words, sometimes hostile pieces, with spacing.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(WORDS).prop_map(|w| format!("{w} ")),
        2 => prop::sample::select(WORDS).prop_map(str::to_string),
        2 => prop::sample::select(HOSTILE).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// A sentence-like run of pieces, usually ending in a full stop.
fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(piece(), 0..14),
        prop::sample::select(&[". ", ".\n", "? ", "!\r\n", "", ".\r", "… "][..]),
    )
        .prop_map(|(pieces, end)| pieces.concat() + end)
}

/// Two accounts: A's sentences, and B made of some of them, shuffled, with
/// a few sentences of its own; or, now and then, two arbitrary strings.
fn accounts() -> impl Strategy<Value = (String, String)> {
    let related = prop::collection::vec(sentence(), 0..10)
        .prop_flat_map(|a| {
            let n = a.len();
            (
                Just(a),
                prop::collection::vec(any::<prop::sample::Index>(), 0..=n),
                prop::collection::vec(sentence(), 0..4),
            )
        })
        .prop_map(|(a, picks, own)| {
            let mut b: Vec<String> = picks
                .iter()
                .filter(|_| !a.is_empty())
                .map(|i| i.get(&a).clone())
                .collect();
            b.extend(own);
            // Reverse so B's order differs from A's.
            b.reverse();
            (a.concat(), b.concat())
        });
    prop_oneof![
        8 => related,
        1 => (any::<String>(), any::<String>()),
        1 => sentence().prop_map(|s| (s.clone(), s)),
    ]
}

fn run(a: &str, b: &str, unit: OffsetUnit) -> Comparison {
    compare(
        &Document::new(a),
        &Document::new(b),
        &Options::default().with_offsets(unit),
    )
    .expect("any text under the size limit compares")
}

/// The text in `[start, end)` of `text`, counted in `unit`, if the span is valid.
fn slice(text: &str, unit: OffsetUnit, start: usize, end: usize) -> Option<String> {
    if start > end {
        return None;
    }
    match unit {
        OffsetUnit::Utf16 => {
            let units: Vec<u16> = text.encode_utf16().collect();
            // A span that splits a surrogate pair does not name text.
            String::from_utf16(units.get(start..end)?).ok()
        }
        _ => Some(
            text.chars()
                .collect::<Vec<_>>()
                .get(start..end)?
                .iter()
                .collect(),
        ),
    }
}

fn length(text: &str, unit: OffsetUnit) -> usize {
    match unit {
        OffsetUnit::Utf16 => text.encode_utf16().count(),
        _ => text.chars().count(),
    }
}

fn inside(inner: (usize, usize), outer: Span) -> bool {
    outer.start <= inner.0 && inner.1 <= outer.end
}

/// Checks every span of one account against its text; returns why not, if not.
fn check_account(account: &Account, text: &str, unit: OffsetUnit) -> Result<(), String> {
    let names = |start: usize, end: usize| slice(text, unit, start, end);
    if account.length != length(text, unit) {
        return Err(format!("length {} is wrong", account.length));
    }
    let mut last_start = 0;
    for claim in &account.claims {
        let id = &claim.id;
        if names(claim.start, claim.end).as_deref() != Some(claim.text.as_str()) {
            return Err(format!(
                "claim {id} [{}, {}) does not name its text",
                claim.start, claim.end
            ));
        }
        if claim.start < last_start {
            return Err(format!("claim {id} is out of text order"));
        }
        last_start = claim.start;
        names(claim.sentence.start, claim.sentence.end)
            .ok_or_else(|| format!("claim {id}'s sentence is not a span of the text"))?;
        if !inside((claim.start, claim.end), claim.sentence) {
            return Err(format!("claim {id} lies outside its sentence"));
        }
        // Repeats are near repeats (case, punctuation, articles may differ),
        // so they are checked as spans elsewhere in the text, not by content.
        for repeat in &claim.repeats {
            names(repeat.start, repeat.end)
                .ok_or_else(|| format!("a repeat of claim {id} is not a span of the text"))?;
            if repeat.start < claim.sentence.end && claim.sentence.start < repeat.end {
                return Err(format!("a repeat of claim {id} overlaps its own sentence"));
            }
        }
        for entity in &claim.entities {
            if names(entity.start, entity.end).as_deref() != Some(entity.text.as_str()) {
                return Err(format!(
                    "entity {:?} of {id} does not name its text",
                    entity.text
                ));
            }
            if !inside((entity.start, entity.end), claim.sentence) {
                return Err(format!(
                    "entity {:?} lies outside {id}'s sentence",
                    entity.text
                ));
            }
        }
        for time in &claim.times {
            if names(time.start, time.end).as_deref() != Some(time.text.as_str()) {
                return Err(format!(
                    "time {:?} of {id} does not name its text",
                    time.text
                ));
            }
            if !inside((time.start, time.end), claim.sentence) {
                return Err(format!("time {:?} lies outside {id}'s sentence", time.text));
            }
        }
    }
    for ignored in &account.ignored {
        names(ignored.start, ignored.end)
            .ok_or_else(|| format!("ignored {:?} is not a span of the text", ignored.reason))?;
        // Ignored text is by definition not part of any claim.
        let overlaps = account
            .claims
            .iter()
            .any(|c| ignored.start < c.end && c.start < ignored.end);
        if overlaps {
            return Err(format!("ignored {:?} overlaps a claim", ignored.reason));
        }
    }
    Ok(())
}

/// Checks the pairs, the one-sided lists and the summary against the claims.
fn check_links(result: &Comparison) -> Result<(), String> {
    let text_of = |account: &Account| -> BTreeMap<String, String> {
        account
            .claims
            .iter()
            .map(|c| (c.id.clone(), c.text.clone()))
            .collect()
    };
    let (texts_a, texts_b) = (text_of(&result.a), text_of(&result.b));
    // One claim may stand against several on the other side (a summary
    // against list items), but a pair is listed once.
    let mut pairs = BTreeSet::new();
    let mut paired_a = BTreeSet::new();
    let mut paired_b = BTreeSet::new();
    for pair in &result.pairs {
        let (Some(a), Some(b)) = (texts_a.get(&pair.a), texts_b.get(&pair.b)) else {
            return Err(format!("pair {}–{} names a missing claim", pair.a, pair.b));
        };
        if !pairs.insert((pair.a.clone(), pair.b.clone())) {
            return Err(format!("pair {}–{} is listed twice", pair.a, pair.b));
        }
        paired_a.insert(pair.a.clone());
        paired_b.insert(pair.b.clone());
        if !(0.0..=1.0).contains(&pair.score) {
            return Err(format!("pair {}–{} scores {}", pair.a, pair.b, pair.score));
        }
        let side = |skip: DiffTag| -> String {
            pair.diff
                .iter()
                .filter(|op| op.op != skip)
                .map(|op| op.text.as_str())
                .collect()
        };
        if side(DiffTag::Insert) != *a || side(DiffTag::Delete) != *b {
            return Err(format!(
                "the diff of {}–{} does not rebuild both claims",
                pair.a, pair.b
            ));
        }
    }
    for (only, paired, texts) in [
        (&result.only_a, &mut paired_a, &texts_a),
        (&result.only_b, &mut paired_b, &texts_b),
    ] {
        for id in only {
            if !texts.contains_key(id) || !paired.insert(id.clone()) {
                return Err(format!("one-sided {id} is missing or also paired"));
            }
        }
        if paired.len() != texts.len() {
            return Err("some claim is neither paired nor one-sided".into());
        }
    }
    let total = &result.summary.total;
    if total.agree + total.partial + total.conflict != result.pairs.len()
        || total.only_a != result.only_a.len()
        || total.only_b != result.only_b.len()
    {
        return Err("the summary's counts disagree with the lists".into());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    /// Every span lies inside its text, on boundaries, and names its text, in both units;
    /// pairs, one-sided lists and counts are consistent.
    #[test]
    fn spans_name_their_text_in_both_units((a, b) in accounts()) {
        for unit in [OffsetUnit::Chars, OffsetUnit::Utf16] {
            let result = run(&a, &b, unit);
            prop_assert_eq!(result.offsets, unit);
            let checked = check_account(&result.a, &a, unit)
                .and_then(|()| check_account(&result.b, &b, unit))
                .and_then(|()| check_links(&result));
            prop_assert!(checked.is_ok(), "{:?}: {}", unit, checked.unwrap_err());
        }
    }

    /// The two offset units describe the same result: only the numbers differ.
    #[test]
    fn units_agree_on_everything_but_offsets((a, b) in accounts()) {
        let chars = run(&a, &b, OffsetUnit::Chars);
        let utf16 = run(&a, &b, OffsetUnit::Utf16);
        let texts = |r: &Comparison| -> Vec<(String, String)> {
            r.a.claims.iter().chain(&r.b.claims).map(|c| (c.id.clone(), c.text.clone())).collect()
        };
        prop_assert_eq!(texts(&chars), texts(&utf16));
        prop_assert_eq!(&chars.pairs, &utf16.pairs);
        prop_assert_eq!(&chars.only_a, &utf16.only_a);
        prop_assert_eq!(&chars.only_b, &utf16.only_b);
        prop_assert_eq!(&chars.summary, &utf16.summary);
    }

    /// Same input, same JSON, byte for byte.
    #[test]
    fn deterministic((a, b) in accounts()) {
        let first = serde_json::to_string(&run(&a, &b, OffsetUnit::Utf16)).unwrap();
        let second = serde_json::to_string(&run(&a, &b, OffsetUnit::Utf16)).unwrap();
        prop_assert_eq!(first, second);
    }

    /// compare(a, b) mirrors compare(b, a): the same pairs with sides swapped,
    /// the same verdicts and scores, and the one-sided lists exchanged.
    ///
    /// Claims are compared by their text, not their ids: when one side repeats
    /// a sentence verbatim, which of the twins is linked is an arbitrary (but
    /// deterministic) choice that may differ between the two directions.
    #[test]
    fn mirrors_when_sides_swap((a, b) in accounts()) {
        let forward = run(&a, &b, OffsetUnit::Chars);
        let backward = run(&b, &a, OffsetUnit::Chars);
        prop_assert_eq!(pair_texts(&forward, false), pair_texts(&backward, true));
        prop_assert_eq!(only_texts(&forward.a, &forward.only_a), only_texts(&backward.b, &backward.only_b));
        prop_assert_eq!(only_texts(&forward.b, &forward.only_b), only_texts(&backward.a, &backward.only_a));
    }
}

fn claim_text<'r>(account: &'r Account, id: &str) -> &'r str {
    account
        .claims
        .iter()
        .find(|c| c.id == id)
        .map_or("", |c| c.text.as_str())
}

/// The pairs as sorted (A text, B text, verdict, score), sides swapped if asked.
fn pair_texts(result: &Comparison, swap: bool) -> Vec<(String, String, String)> {
    let mut out: Vec<_> = result
        .pairs
        .iter()
        .map(|p| {
            let (a, b) = (claim_text(&result.a, &p.a), claim_text(&result.b, &p.b));
            let (a, b) = if swap { (b, a) } else { (a, b) };
            (
                a.to_string(),
                b.to_string(),
                format!("{:?} {:.2}", p.verdict, p.score),
            )
        })
        .collect();
    out.sort();
    out
}

/// The texts of one-sided claims, sorted.
fn only_texts(account: &Account, ids: &[String]) -> Vec<String> {
    let mut out: Vec<String> = ids
        .iter()
        .map(|id| claim_text(account, id).to_string())
        .collect();
    out.sort();
    out
}

/// Shapes that make naive algorithms quadratic: each must compare within a
/// generous time bound (tests run unoptimised; the release build is ~20× faster).
#[test]
fn hostile_shapes_stay_bounded() {
    let news = "The troops will leave Almaty on January 13, officials said. ";
    let cases: &[(&str, String, String)] = &[
        ("50 000 commas", ",".repeat(50_000), news.to_string()),
        ("one 200 KB word", "Almaty".repeat(35_000), news.to_string()),
        (
            "10 000 one-word sentences",
            "A. ".repeat(10_000),
            "B. ".repeat(10_000),
        ),
        (
            "5 000 nested quotes",
            "«he said “".repeat(5_000),
            news.to_string(),
        ),
        (
            "the same sentence 2 000 times",
            news.repeat(2_000),
            news.repeat(2_000),
        ),
    ];
    for (name, a, b) in cases {
        let started = Instant::now();
        run(a, b, OffsetUnit::Utf16);
        let took = started.elapsed();
        assert!(took < Duration::from_secs(10), "{name}: took {took:?}");
    }
}

/// Very long claims aligned with each other: the word diff must not take time
/// quadratic in their length (Myers is O((N+M)·D)). Real news with its
/// sentence punctuation lost (a pasted transcript) makes one claim per account.
#[test]
fn long_claims_stay_bounded() {
    let strip = |text: &str| -> String {
        let flat: String = text
            .chars()
            .map(|c| if ".!?\n".contains(c) { ' ' } else { c })
            .collect();
        flat.chars().take(60_000).collect()
    };
    let (a, b) = (
        strip(&corpus::account_a(100_000, 7).join(" ")),
        strip(&corpus::account_a(100_000, 9).join(" ")),
    );
    let cases = [
        (
            "a 10 000-word sentence against one word",
            "the cat ".repeat(5_000) + "sat.",
            "The cat sat.".to_string(),
        ),
        ("two 60 000-character unpunctuated accounts", a, b),
    ];
    for (name, a, b) in cases {
        let started = Instant::now();
        let result = run(&a, &b, OffsetUnit::Utf16);
        let took = started.elapsed();
        assert!(
            !result.pairs.is_empty(),
            "{name}: must align to test the diff"
        );
        // Unoptimised; the unbounded diff took 12.8 s on the first case here.
        assert!(took < Duration::from_secs(5), "{name}: took {took:?}");
    }
}

/// Verbatim repeats of a sentence tie in score; the choice between them must
/// still be the same on every run.
#[test]
fn tied_repeats_pair_the_same_way_every_run() {
    let a = "January days Almaty.\nsaid CSTO. Almaty leave January troops.\r";
    let b = "January days Almaty.\nwas Tokayev Alma-Ata CSTO withdrawing!\rwas Tokayev Alma-Ata CSTO withdrawing!\r";
    let first = serde_json::to_string(&run(a, b, OffsetUnit::Chars)).unwrap();
    for _ in 0..50 {
        assert_eq!(
            serde_json::to_string(&run(a, b, OffsetUnit::Chars)).unwrap(),
            first
        );
    }
}

/// The size limit gives the documented error, not a result or a hang.
#[test]
fn size_limit_gives_a_clear_error() {
    let big = "a".repeat(1_001);
    let options = Options::default().with_max_bytes(1_000);
    for (a, b, side) in [(&big[..], "x", 'A'), ("x", &big[..], 'B')] {
        let error = compare(&Document::new(a), &Document::new(b), &options).unwrap_err();
        assert_eq!(error.kind_name(), "too-large");
        assert!(
            error.to_string().contains(&format!("account {side}")),
            "{error}"
        );
    }
    let within = "a".repeat(1_000);
    assert!(compare(&Document::new(&within), &Document::new("x"), &options).is_ok());
}
