//! Issue #3 on the seeds: dateline and date, boilerplate left out, item-level
//! claims from the list sentence, attribution and modality.

mod common;

use claimdiff::report::{Account, Claim, DateSource, Modality};
use claimdiff::{compare, Comparison, Document, Options};
use common::{SEED_A, SEED_B};

fn seeds() -> Comparison {
    compare(
        &Document::new(SEED_A),
        &Document::new(SEED_B),
        &Options::default(),
    )
    .unwrap()
}

/// The one claim whose text contains `words`.
fn claim<'a>(account: &'a Account, words: &str) -> &'a Claim {
    let found: Vec<&Claim> = account
        .claims
        .iter()
        .filter(|c| c.text.contains(words))
        .collect();
    assert_eq!(found.len(), 1, "claims containing {words:?}: {found:#?}");
    found[0]
}

/// The text of `span` in chars, as the result's offsets count.
fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn dates_come_from_the_text_unless_the_caller_gives_one() {
    let result = seeds();
    assert_eq!(result.a.date.as_deref(), Some("2022-01-12"));
    assert_eq!(result.a.date_source, Some(DateSource::Text));
    assert_eq!(result.a.place.as_deref(), Some("ALMATY"));
    assert_eq!(result.b.date, None);
    assert_eq!(result.b.date_source, None);

    let given = compare(
        &Document::new(SEED_A).with_date("2022-01-13"),
        &Document::new(SEED_B),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(given.a.date.as_deref(), Some("2022-01-13"));
    assert_eq!(given.a.date_source, Some(DateSource::Caller));
}

#[test]
fn the_dateline_is_ignored_not_claimed() {
    let result = seeds();
    for claim in &result.a.claims {
        for head in ["date", "ALMATY", "KAZINFORM"] {
            assert!(!claim.text.starts_with(head), "{}", claim.text);
        }
    }
    let ignored: Vec<(String, &str)> = result
        .a
        .ignored
        .iter()
        .map(|i| (chars(SEED_A, i.start, i.end), i.reason.as_str()))
        .collect();
    assert_eq!(
        ignored,
        [
            ("date 2022-01-12".to_string(), "dateline"),
            ("ALMATY. KAZINFORM –".to_string(), "dateline")
        ]
    );
    assert!(result.a.claims[0]
        .text
        .starts_with("Head of State Kassym-Jomart Tokayev chaired a meeting"));
}

#[test]
fn site_boilerplate_is_ignored_not_claimed() {
    let result = seeds();
    for chrome in ["Leave a Reply", "will not be published", "Back to top"] {
        assert!(
            result.b.claims.iter().all(|c| !c.text.contains(chrome)),
            "{chrome} is in a claim"
        );
        assert!(
            result
                .b
                .ignored
                .iter()
                .any(|i| chars(SEED_B, i.start, i.end).contains(chrome)),
            "{chrome} is not under ignored"
        );
    }
    let reasons: Vec<&str> = result.b.ignored.iter().map(|i| i.reason.as_str()).collect();
    assert_eq!(reasons, ["comment-form", "comment-form", "navigation"]);
}

#[test]
fn attribution_of_the_seed_claims() {
    let result = seeds();
    let cases = [
        (&result.b, "60 tons per day", Some("Beisenbaeva")),
        (&result.b, "did not stop day or night", Some("Beisenbaeva")),
        (&result.b, "Our task these days", Some("Beisenbaeva")),
        (
            &result.b,
            "the workers became much calmer",
            Some("Beisenbaeva"),
        ),
        (&result.b, "will go home", Some("Kocharyan")),
        (&result.b, "respond to all requests", Some("Ivanov")),
        (
            &result.a,
            "all housing and public unities",
            Some("Sagintayev"),
        ),
        (&result.a, "will start withdrawing", Some("Tokayev")),
        (&result.b, "Stores began to accept payment", None),
        (&result.a, "The city is actively getting back", None),
    ];
    for (account, words, speaker) in cases {
        let attribution = claim(account, words).attribution.as_deref();
        match speaker {
            Some(name) => assert!(
                attribution.is_some_and(|a| a.contains(name)),
                "{words}: {attribution:?}"
            ),
            None => assert_eq!(attribution, None, "{words}"),
        }
    }
}

#[test]
fn modality_and_negation_of_the_seed_claims() {
    let result = seeds();
    let cases = [
        (
            &result.a,
            "will start withdrawing",
            Modality::Planned,
            false,
        ),
        (
            &result.b,
            "If such a decision is made",
            Modality::Conditional,
            false,
        ),
        (&result.b, "is developing a plan", Modality::Planned, false),
        (
            &result.b,
            "will soon leave Almaty",
            Modality::Planned,
            false,
        ),
        (&result.b, "about 60 tons", Modality::Hedged, false),
        (
            &result.b,
            "the plant did not stop its work",
            Modality::Reported,
            true,
        ),
        (&result.b, "no longer fearing", Modality::Asserted, false),
        (
            &result.b,
            "Stores began to accept payment",
            Modality::Asserted,
            false,
        ),
    ];
    for (account, words, modality, negated) in cases {
        let found = claim(account, words);
        assert_eq!(found.modality, modality, "{words}");
        assert_eq!(found.negated, negated, "{words}");
    }
}

#[test]
fn the_list_sentence_yields_item_claims_with_their_predicate() {
    let result = seeds();
    let predicate = "are getting back up and running";
    let items: Vec<&str> = result
        .a
        .claims
        .iter()
        .filter(|c| {
            c.predicate
                .is_some_and(|p| chars(SEED_A, p.start, p.end) == predicate)
        })
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(
        items,
        [
            "Trade",
            "catering facilities",
            "markets",
            "financial sector",
            "logistics",
            "public transport"
        ]
    );
    for claim in result.a.claims.iter().filter(|c| c.predicate.is_some()) {
        let sentence = chars(SEED_A, claim.sentence.start, claim.sentence.end);
        assert!(sentence.contains(&claim.text), "{}", claim.text);
    }
    // The instruction's infinitives are items too.
    assert!(result
        .a
        .claims
        .iter()
        .any(|c| c.text == "to prevent food shortage" && c.predicate.is_some()));
}

#[test]
fn coordinated_clauses_are_separate_claims() {
    let result = seeds();
    let first = claim(&result.b, "The Internet started working in the city");
    assert_eq!(first.text, "The Internet started working in the city");
    let second = claim(&result.b, "public transport was launched");
    assert_eq!(
        second.text,
        "public transport was launched along the main highways."
    );
    assert_eq!(first.sentence, second.sentence);
}

#[test]
fn the_restated_headline_is_a_repeat_not_a_new_claim() {
    let result = seeds();
    let normal = claim(&result.b, "Normal life is gradually beginning to improve");
    assert_eq!(normal.repeats.len(), 1);
    let repeat = normal.repeats[0];
    assert_eq!(
        chars(SEED_B, repeat.start, repeat.end),
        "Normal life is gradually beginning to improve in Alma-Ata."
    );
    assert!(claim(&result.b, "public transport was launched")
        .repeats
        .iter()
        .any(|r| chars(SEED_B, r.start, r.end).starts_with("public transport has been launched")));
}

#[test]
fn every_offset_names_its_text() {
    let result = seeds();
    for (text, account) in [(SEED_A, &result.a), (SEED_B, &result.b)] {
        for claim in &account.claims {
            assert_eq!(chars(text, claim.start, claim.end), claim.text);
            let sentence = chars(text, claim.sentence.start, claim.sentence.end);
            assert!(sentence.contains(&claim.text), "{}", claim.id);
        }
    }
}

/// Claims, sentences, predicates, repeats and ignored spans of a result with
/// char offsets all name real text of `text`, and claims name their own text.
fn check_spans(text: &str, account: &Account) {
    let length = text.chars().count();
    assert_eq!(account.length, length);
    let spans =
        account
            .ignored
            .iter()
            .map(|i| (i.start, i.end))
            .chain(account.claims.iter().flat_map(|c| {
                [(c.start, c.end), (c.sentence.start, c.sentence.end)]
                    .into_iter()
                    .chain(c.predicate.map(|p| (p.start, p.end)))
                    .chain(c.repeats.iter().map(|r| (r.start, r.end)))
            }));
    for (start, end) in spans {
        assert!(start <= end && end <= length, "{start}..{end} of {length}");
    }
    for claim in &account.claims {
        assert_eq!(chars(text, claim.start, claim.end), claim.text);
    }
}

#[test]
fn bad_input_gives_a_result_with_sound_offsets() {
    let paragraph = "Trade, markets and logistics are getting back up and running, the mayor said that \u{201c}the bridge will not reopen\u{201d} and According to him the port is open ".repeat(14_000);
    let cases: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("blank", " \r\n\t ".to_string()),
        ("no punctuation", "the bridge reopened and traffic resumed the mayor said".to_string()),
        ("CRLF and lone CR", "Leave a Reply\r\nThe port reopened.\rBack to top\r".to_string()),
        ("NUL bytes", "The port\0 reopened.\0\0 Ships, cranes and trucks\0 moved.".to_string()),
        ("RTL", "\u{202E}הנמל נפתח מחדש. The port reopened, officials said.".to_string()),
        ("emoji and combining marks", "Cafe\u{301}s 🙂, bars 👩‍👩‍👧 and shops reopened. “Ça va,” dit-il.".to_string()),
        ("HTML", "<div class=\"nav\"><a href=\"/\">Home</a></div>\n<p>The port <b>reopened</b>, officials said.</p>\n<script>var x = 1;</script>".to_string()),
        ("unbalanced quotes", "”” The port reopened.“ “ He said: “We will stay.".to_string()),
        ("a 2 MB paragraph", paragraph),
    ];
    for (name, text) in &cases {
        let result = compare(
            &Document::new(text),
            &Document::new("The port reopened on Monday."),
            &Options::default(),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        check_spans(text, &result.a);
    }
}
