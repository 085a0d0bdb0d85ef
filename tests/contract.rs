//! The JSON contract, through the public API only: its shape, its offsets in
//! both units, and a snapshot of the seed comparison.

mod common;

use claimdiff::{compare, Comparison, Document, OffsetUnit, Options};
use common::{assert_snapshot, SEED_A, SEED_B};
use serde_json::Value;

fn seeds(options: &Options) -> Comparison {
    compare(&Document::new(SEED_A), &Document::new(SEED_B), options).expect("seeds compare")
}

#[test]
fn seed_comparison_matches_snapshot() {
    let json = serde_json::to_string_pretty(&seeds(&Options::default())).unwrap() + "\n";
    assert_snapshot("seeds.json", &json);
}

#[test]
fn contract_has_every_documented_key() {
    let value: Value = serde_json::to_value(seeds(&Options::default())).unwrap();
    for key in [
        "schema", "offsets", "a", "b", "pairs", "onlyA", "onlyB", "framing", "topics", "summary",
    ] {
        assert!(value.get(key).is_some(), "top-level key {key} missing");
    }
    assert_eq!(value["schema"], 1);
    assert_eq!(value["offsets"], "chars");
    for side in ["a", "b"] {
        let account = &value[side];
        for key in ["date", "dateSource", "place", "length", "claims", "ignored"] {
            assert!(account.get(key).is_some(), "{side}.{key} missing");
        }
        let claim = &account["claims"][0];
        for key in [
            "id",
            "start",
            "end",
            "text",
            "sentence",
            "repeats",
            "topics",
            "entities",
            "times",
            "when",
            "attribution",
            "modality",
            "negated",
        ] {
            assert!(claim.get(key).is_some(), "{side} claim key {key} missing");
        }
    }
    let pair = &value["pairs"][0];
    for key in ["a", "b", "score", "verdict", "reasons", "topics", "diff"] {
        assert!(pair.get(key).is_some(), "pair key {key} missing");
    }
    assert!(["agree", "partial", "conflict"].contains(&pair["verdict"].as_str().unwrap()));
}

/// Offsets name the claim's text in the unit the result says.
fn check_offsets(text: &str, result: &Comparison, account: &claimdiff::report::Account) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let chars: Vec<char> = text.chars().collect();
    for claim in &account.claims {
        let slice = match result.offsets {
            OffsetUnit::Chars => chars[claim.start..claim.end].iter().collect::<String>(),
            _ => String::from_utf16(&units[claim.start..claim.end]).unwrap(),
        };
        assert_eq!(slice, claim.text, "claim {} offsets", claim.id);
    }
}

#[test]
fn offsets_name_the_claim_text_in_both_units() {
    let a = "Émile said “prices rose 😀 by 5%”. Далее: цены выросли.\r\nThe 🚌 bus resumed.";
    let b = "Prices rose by 5%, Émile said. The bus 🚌 was resumed on Monday.";
    for unit in [OffsetUnit::Chars, OffsetUnit::Utf16] {
        let result = compare(
            &Document::new(a),
            &Document::new(b),
            &Options::default().with_offsets(unit),
        )
        .unwrap();
        assert_eq!(result.offsets, unit);
        check_offsets(a, &result, &result.a);
        check_offsets(b, &result, &result.b);
    }
}
