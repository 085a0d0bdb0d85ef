//! The reference case: the two seed reports on Almaty in January 2022.

mod common;

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

/// The pair whose A claim contains `a_words` and B claim contains `b_words`.
fn linked(result: &Comparison, a_words: &str, b_words: &str) -> bool {
    result.pairs.iter().any(|pair| {
        let a = result.a.claims.iter().find(|c| c.id == pair.a).unwrap();
        let b = result.b.claims.iter().find(|c| c.id == pair.b).unwrap();
        a.text.contains(a_words) && b.text.contains(b_words)
    })
}

#[test]
fn normal_life_sentences_are_paired() {
    let result = seeds();
    assert!(linked(
        &result,
        "actively getting back to normal life",
        "Normal life is gradually beginning to improve"
    ));
}

#[test]
fn every_claim_is_paired_or_one_sided_exactly_once() {
    let result = seeds();
    for (claims, only, side) in [
        (&result.a.claims, &result.only_a, 'a'),
        (&result.b.claims, &result.only_b, 'b'),
    ] {
        for claim in claims {
            let in_pairs = result
                .pairs
                .iter()
                .any(|p| (if side == 'a' { &p.a } else { &p.b }) == &claim.id);
            let in_only = only.contains(&claim.id);
            assert!(
                in_pairs != in_only,
                "claim {} must be paired xor one-sided",
                claim.id
            );
        }
    }
}

fn seeds_b_dated() -> Comparison {
    compare(
        &Document::new(SEED_A),
        &Document::new(SEED_B).with_date("2022-01-12"),
        &Options::default(),
    )
    .unwrap()
}

/// The verdict of the pair linking the two claims, if they are linked.
fn verdict_of(result: &Comparison, a_words: &str, b_words: &str) -> Option<claimdiff::Verdict> {
    result.pairs.iter().find_map(|pair| {
        let a = result.a.claims.iter().find(|c| c.id == pair.a)?;
        let b = result.b.claims.iter().find(|c| c.id == pair.b)?;
        let a_sentence: String = SEED_A
            .chars()
            .skip(a.sentence.start)
            .take(a.sentence.end - a.sentence.start)
            .collect();
        (a_sentence.contains(a_words) && (b.text.contains(b_words)) && !pair.reasons.is_empty())
            .then_some(pair.verdict)
    })
}

#[test]
fn withdrawal_timing_and_restored_services_align_without_conflict() {
    use claimdiff::Verdict::{Agree, Partial};
    let result = seeds_b_dated();
    let cases = [
        (
            "start withdrawing from the country tomorrow",
            "beginning of the withdrawal",
        ),
        (
            "actively getting back to normal life",
            "Normal life is gradually beginning to improve",
        ),
        (
            "including public transport",
            "public transport was launched",
        ),
        (
            "Trade and catering facilities",
            "cafes and restaurants are opening",
        ),
        (
            "Trade and catering facilities",
            "Stores began to accept payment",
        ),
        (
            "crucial role in terms of stabilization",
            "allowed local law enforcement agencies to stabilize",
        ),
    ];
    for (a, b) in cases {
        let verdict = verdict_of(&result, a, b);
        assert!(
            matches!(verdict, Some(Agree | Partial)),
            "{a} ↔ {b}: {verdict:?}"
        );
    }
}

#[test]
fn one_sided_claims_stay_one_sided() {
    let result = seeds_b_dated();
    let only = |claims: &[claimdiff::report::Claim], ids: &[String], words: &str| {
        claims
            .iter()
            .filter(|c| c.text.contains(words))
            .all(|c| ids.contains(&c.id))
    };
    assert!(only(
        &result.b.claims,
        &result.only_b,
        "The Internet started working"
    ));
    assert!(only(&result.a.claims, &result.only_a, "operate routinely"));
    assert!(only(
        &result.a.claims,
        &result.only_a,
        "estimate the damage"
    ));
    assert!(result
        .b
        .claims
        .iter()
        .any(|c| c.text.contains("The Internet started working")));
}

#[test]
fn the_withdrawal_pair_names_its_timing_difference() {
    let result = seeds_b_dated();
    let pair = result
        .pairs
        .iter()
        .find(|p| {
            let a = result.a.claims.iter().find(|c| c.id == p.a).unwrap();
            a.text.contains("start withdrawing")
        })
        .expect("withdrawal pair");
    assert!(
        pair.reasons.iter().any(|r| r.contains("2022-01-13")),
        "{:?}",
        pair.reasons
    );
    assert!(
        pair.topics.iter().any(|t| t == "withdrawal"),
        "{:?}",
        pair.topics
    );
}
