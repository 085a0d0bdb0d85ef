//! Unit tests of the tagger through its crate-level API.

use super::*;

fn date(s: &str) -> Date {
    parse_date(s).expect("test date")
}

/// (text, document date or "", expected (mention text, value) pairs).
type Case = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

fn run(cases: &[Case]) {
    let mut failures = Vec::new();
    for (text, dct, expected) in cases {
        let anchor = (!dct.is_empty()).then(|| date(dct));
        let got: Vec<(String, String)> = tag_text(text, anchor)
            .iter()
            .map(|m| (text[m.range.clone()].to_string(), m.value.clone()))
            .collect();
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(t, v)| (t.to_string(), v.to_string()))
            .collect();
        if got != want {
            failures.push(format!(
                "{text:?} @ {dct:?}\n  want {want:?}\n  got  {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn parses_document_dates() {
    type Ymd = Option<(i32, u8, u8)>;
    let cases: &[(&str, Ymd)] = &[
        ("2022-01-12", Some((2022, 1, 12))),
        ("2024-02-29", Some((2024, 2, 29))),
        ("2023-02-29", None),
        ("2022-13-01", None),
        ("2022-1-12", None),
        ("２０２２-01-12", None),
        ("+022-01-12", None),
        ("", None),
    ];
    for (s, expected) in cases {
        let got = parse_date(s).map(|d| (d.year(), u8::from(d.month()), d.day()));
        assert_eq!(got, *expected, "{s:?}");
    }
}

#[test]
fn seeds_expressions() {
    run(&[
        (
            "the CSTO peacekeeping forces will start withdrawing from the country tomorrow",
            "2022-01-12",
            &[("tomorrow", "2022-01-13")],
        ),
        ("It will be valid until January 19.", "2022-01-12", &[("until January 19", "2022-01-19")]),
        ("It will be valid until January 19.", "", &[("until January 19", "XXXX-01-19")]),
        (
            "over the past 24 hours, peacekeeping units have taken under protection five more objects.",
            "",
            &[("over the past 24 hours", "PT24H")],
        ),
        ("Our task these days was not to leave people without bread.", "", &[("these days", "PRESENT_REF")]),
        ("The contingent will soon leave Almaty.", "", &[("soon", "FUTURE_REF")]),
    ]);
}

#[test]
fn tense_directs_weekdays() {
    run(&[
        (
            "The ministry announced on Tuesday that it had agreed.",
            "2023-03-10",
            &[("Tuesday", "2023-03-07")],
        ),
        (
            "The ministers will meet on Tuesday.",
            "2023-03-10",
            &[("Tuesday", "2023-03-14")],
        ),
        (
            "The ministers met on Friday.",
            "2023-03-10",
            &[("Friday", "2023-03-10")],
        ),
        (
            "He arrived last Wednesday.",
            "2023-03-10",
            &[("last Wednesday", "2023-03-08")],
        ),
        (
            "He arrives next Wednesday.",
            "2023-03-10",
            &[("next Wednesday", "2023-03-15")],
        ),
        (
            "The ministers will meet on Tuesday.",
            "",
            &[("Tuesday", "XXXX-WXX-2")],
        ),
    ]);
}

#[test]
fn bad_input_gives_no_time_or_a_sensible_one() {
    run(&[
        ("The decree of February 30 was void.", "2022-01-12", &[]),
        ("It ends on the 45th.", "2022-01-12", &[]),
        ("Year 99999 is far.", "2022-01-12", &[]),
        ("Meet at 10:75.", "2022-01-12", &[]),
        (
            "The curfew began on December 30.",
            "2022-01-02",
            &[("December 30", "2021-12-30")],
        ),
        (
            "The talks resume on January 3.",
            "2021-12-30",
            &[("January 3", "2022-01-03")],
        ),
    ]);
}

#[test]
fn claim_when_anchors_durations_and_bounds() {
    type Expected = Option<(&'static str, &'static str, &'static str)>;
    let cases: &[(&str, &str, Expected)] = &[
        (
            "The CSTO forces will start withdrawing from the country tomorrow.",
            "2022-01-12",
            Some(("2022-01-13", "2022-01-13", "exact")),
        ),
        (
            "The repairs will take ten days.",
            "2023-02-01",
            Some(("2023-02-01", "2023-02-11", "approximate")),
        ),
        (
            "The ban will be valid until January 19.",
            "2022-01-12",
            Some(("", "2022-01-19", "exact")),
        ),
        (
            "The ban will be valid until January 19.",
            "",
            Some(("", "XXXX-01-19", "exact")),
        ),
        (
            "The road is closed from March 1 until March 4.",
            "2023-02-20",
            Some(("2023-03-01", "2023-03-04", "exact")),
        ),
        ("Bread is baked every day.", "2023-02-20", None),
        (
            "Now the plan is ready.",
            "2023-02-20",
            Some(("PRESENT_REF", "PRESENT_REF", "vague")),
        ),
        (
            "The troops will soon leave.",
            "2023-02-20",
            Some(("2023-02-20", "", "vague")),
        ),
        (
            "Two days ago the talks failed.",
            "",
            Some(("REF-P2D", "REF-P2D", "exact")),
        ),
        ("The work lasted ten days.", "2023-02-20", None),
    ];
    for (text, dct, expected) in cases {
        let anchor = (!dct.is_empty()).then(|| date(dct));
        let whole = [0..text.len(), 0..0];
        let timing = claims_times(text, anchor, &whole).remove(0).1;
        let got = timing.map(|t| {
            (
                t.begin.unwrap_or_default(),
                t.end.unwrap_or_default(),
                t.certainty.as_str().to_string(),
            )
        });
        let want = expected.map(|(b, e, c)| (b.to_string(), e.to_string(), c.to_string()));
        assert_eq!(got, want, "{text:?} @ {dct:?}");
    }
}

#[test]
fn never_panics_on_odd_text() {
    let odd = [
        "",
        " ",
        "January",
        "January 31 - 30",
        "from",
        "until until until",
        "9999-12-31 and the day after tomorrow",
        "0001-01-01 two days ago",
        "12:",
        "12.",
        "1.1.",
        "31/12/9999 next year",
        "twenty-",
        "a.m.",
        "10 a.",
        "𝟙𝟚:𝟛𝟘",
        "Jan. 32, 2022",
        "the 0th of May",
        "between and",
        "4294967296 days",
        "99999999999999999999 days ago",
    ];
    for text in odd {
        for anchor in [None, Some(date("9999-12-31")), Some(date("1000-01-01"))] {
            let _ = tag_text(text, anchor);
            // Claims may be empty or even reversed; neither may panic.
            #[allow(clippy::reversed_empty_ranges)]
            let claims = vec![0..text.len(), 0..0, 3..1];
            let _ = claims_times(text, anchor, &claims);
        }
    }
}

#[test]
fn tense_comes_from_the_nearest_verb_before() {
    let cases: &[(&str, &str, Lean)] = &[
        (
            "Troops will leave on Monday, the president said.",
            "Monday",
            Lean::Future,
        ),
        (
            "The president said on Monday that troops will leave.",
            "Monday",
            Lean::Past,
        ),
        (
            "On Monday the ministry announced a plan.",
            "Monday",
            Lean::Past,
        ),
        ("Schools reopen on Monday.", "Monday", Lean::Present),
        (
            "The protected facilities on Monday.",
            "Monday",
            Lean::Present,
        ),
        (
            "The talks are expected to end on Monday.",
            "Monday",
            Lean::Future,
        ),
    ];
    for (text, word, expected) in cases {
        let lower = text.to_ascii_lowercase();
        let tokens = tokenize(text, &lower, 0..text.len());
        let at = tokens.iter().position(|t| t.text == *word).expect("word");
        assert_eq!(tense_at(&tense_markers(&tokens), at), *expected, "{text:?}");
    }
}

/// The sentences reused from `prepare` are exactly the whole text's.
fn check_whole_sentences(text: &str) {
    let known = crate::prepare::prepare(text).sentences;
    assert_eq!(
        whole_sentences(text, &known),
        crate::text::sentences(text, 0..text.len()),
        "{text:?}"
    );
}

#[test]
fn reused_sentences_are_the_whole_texts() {
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).expect("seeds") {
        let path = entry.expect("entry").path();
        if let Ok(text) = std::fs::read_to_string(&path) {
            check_whole_sentences(&text);
        }
    }
    for text in [
        "",
        "\n",
        "ASTANA, January 12 - The bridge reopened. It was closed.\nGen.\nSmith said.",
        "Gen.\rSmith said so. Dr.\u{2028}Who came.\r\nNext line.  \n\n  Last.",
        "<p>The bridge reopened.</p>\n<div>Markets opened on Monday.</div>",
        "Read more: the bridge.\nSubscribe to our newsletter.\nThe talks ended. e.g. soon.",
        "He said. \u{85}She said.\n\u{2029}\nA.\tB. c.\u{b}D.\u{c}E",
        "<script>\nvar x = 1;\n</script> The bridge reopened on 12 January.\n",
        "Mr. Smith\n. Jones ) ( \" x. y\n\"Quote.\" he said.\r",
    ] {
        check_whole_sentences(text);
    }
}

// proptest is a native-only dev-dependency: the library's tests also build
// for wasm32 (`wasm-pack test`), where it is missing.
#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    #[test]
    fn reused_sentences_match_on_any_text(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "The", "bridge", "reopened", "on", "January", "12", "Gen.", "Mr.", "e.g.", "A.",
            ".", "!", "?", ",", " ", "  ", "\t", "\n", "\r", "\r\n", "\n\n", "\u{2028}",
            "\u{2029}", "\u{85}", "<p>", "</div>", "<br>", "<script>", "</script>", "<",
            ">", "\"", "(", ")", "ASTANA, January 12 -", "Read more", "Subscribe",
            "Photo:", "é", "\u{301}", "Сегодня", "2022-01-12", "said", "will", "tomorrow",
        ]), 0..40)
    ) {
        let text: String = pieces.concat();
        check_whole_sentences(&text);
        let known = crate::prepare::prepare(&text).sentences;
        let lower = text.to_ascii_lowercase();
        proptest::prop_assert_eq!(
            tag_lowered(&text, &lower, None, &known),
            tag_lowered(&text, &lower, None, &[])
        );
    }
}
