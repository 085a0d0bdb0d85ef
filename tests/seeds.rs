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
