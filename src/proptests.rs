//! Properties of reading any account: spans on char boundaries inside the
//! text, claim text equal to its span, no overlaps, deterministic output.

use proptest::prelude::*;

use crate::report::{Account, Span};
use crate::topics::Taxonomy;

fn read_account(text: &str) -> Account {
    let taxonomy = Taxonomy::with(&[]).expect("the default taxonomy loads");
    let aliases = crate::entities::Table::with(&[]).expect("the default aliases load");
    let mut tracker = crate::entities::Tracker::new(&aliases);
    let rules = (taxonomy.as_ref(), usize::MAX);
    crate::read_account_words(text, None, 'a', rules, &mut tracker)
        .map(|(account, _)| account)
        .expect("no claim bound")
}

/// Pieces of news prose and of hostile input, to be strung together at random.
const FRAGMENTS: &[&str] = &[
    "The",
    "bridge",
    "reopened",
    "markets",
    "Trade",
    "and",
    "or",
    "as well as",
    "including",
    "are getting back",
    "will",
    "start",
    "withdrawing",
    "not",
    "no longer",
    "never",
    "If",
    "then",
    "According to",
    "him",
    "her",
    "Beisenbaeva",
    "said",
    "told",
    "that",
    "to restore",
    "to render",
    "about 60 tons",
    "soon",
    "Leave a Reply",
    "Back to top",
    "Share",
    "Follow us on",
    "ALMATY. KAZINFORM – ",
    "date 2022-01-12 ",
    "WASHINGTON (AP) — ",
    "/TASS/.",
    " ",
    " ",
    " ",
    ",",
    ",",
    ".",
    ".",
    ";",
    ":",
    "“",
    "”",
    "\"",
    "(",
    ")",
    "—",
    "–",
    "-",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\0",
    "e\u{301}",
    "😀",
    "👩‍👩‍👧",
    "עברית",
    "\u{202E}",
    "<p>",
    "</b>",
    "Mr.",
    "U.S.",
    "1,000",
    "Alma-Ata’s",
    "\u{2028}",
];

fn text_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

fn check_span(text: &str, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} out of text"
    );
    prop_assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} off a char boundary"
    );
    Ok(())
}

fn overlap(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn check_account(text: &str, account: &Account) -> Result<(), TestCaseError> {
    prop_assert_eq!(account.length, text.len());
    for ignored in &account.ignored {
        check_span(
            text,
            Span {
                start: ignored.start,
                end: ignored.end,
            },
            "ignored",
        )?;
    }
    for claim in &account.claims {
        let span = Span {
            start: claim.start,
            end: claim.end,
        };
        check_span(text, span, "claim")?;
        prop_assert!(claim.start < claim.end, "empty claim {}", claim.id);
        prop_assert_eq!(&text[claim.start..claim.end], claim.text.as_str());
        check_span(text, claim.sentence, "sentence")?;
        prop_assert!(
            claim.sentence.start <= claim.start && claim.end <= claim.sentence.end,
            "claim {} outside its sentence",
            claim.id
        );
        if let Some(predicate) = claim.predicate {
            check_span(text, predicate, "predicate")?;
        }
        for &repeat in &claim.repeats {
            check_span(text, repeat, "repeat")?;
        }
        for ignored in &account.ignored {
            let ignored = Span {
                start: ignored.start,
                end: ignored.end,
            };
            prop_assert!(
                !overlap(span, ignored),
                "claim {} overlaps an ignored span",
                claim.id
            );
        }
    }
    for (i, a) in account.claims.iter().enumerate() {
        for b in &account.claims[i + 1..] {
            let items = a.predicate.is_some() && b.predicate.is_some() && a.sentence == b.sentence;
            let (sa, sb) = (
                Span {
                    start: a.start,
                    end: a.end,
                },
                Span {
                    start: b.start,
                    end: b.end,
                },
            );
            prop_assert!(
                items || !overlap(sa, sb),
                "claims {} and {} overlap",
                a.id,
                b.id
            );
            prop_assert!(
                a.start <= b.start,
                "claims {} and {} out of order",
                a.id,
                b.id
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_text_reads_into_well_formed_claims(text in text_strategy()) {
        let account = read_account(&text);
        check_account(&text, &account)?;
        prop_assert_eq!(read_account(&text), account);
    }

    #[test]
    fn any_unicode_reads_into_well_formed_claims(text in "\\PC{0,200}") {
        let account = read_account(&text);
        check_account(&text, &account)?;
    }
}
