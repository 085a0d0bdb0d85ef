//! The wasm binding, run by `wasm-pack test --node` and (with
//! `WASM_BINDGEN_USE_BROWSER=1`) `wasm-pack test --headless --chrome`: what
//! JavaScript receives from `compare`, in UTF-16 offsets, and that bad input
//! becomes a `JsError` rather than a panic.
#![cfg(target_arch = "wasm32")]

use claimdiff::wasm::{compare, markdown_report, version};
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const KAZINFORM: &str = include_str!("../seeds/kazinform-2022-01-12.txt");
const CSTO: &str = include_str!("../seeds/csto-peacekeepers-undated.txt");

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("object")
}

fn array(value: &JsValue, key: &str) -> Array {
    get(value, key).dyn_into::<Array>().expect("array")
}

fn number(value: &JsValue, key: &str) -> u32 {
    get(value, key).as_f64().expect("number") as u32
}

fn string(value: &JsValue, key: &str) -> String {
    get(value, key).as_string().expect("string")
}

fn run(a: &str, b: &str) -> JsValue {
    compare(a, b, None, None, JsValue::UNDEFINED).expect("a result")
}

fn run_dated(a: &str, b: &str) -> JsValue {
    compare(a, b, Some("2022-01-12".into()), None, JsValue::UNDEFINED).expect("a result")
}

/// Every claim's `text` is exactly what its UTF-16 `start..end` names in the
/// JavaScript string of its account.
fn assert_offsets_name_claims(result: &JsValue, side: &str, text: &str) {
    let js_text = js_sys::JsString::from(text);
    for claim in array(&get(result, side), "claims").iter() {
        let (start, end) = (number(&claim, "start"), number(&claim, "end"));
        assert_eq!(
            String::from(js_text.slice(start, end)),
            string(&claim, "text"),
            "claim {} of {side}",
            string(&claim, "id")
        );
    }
}

#[wasm_bindgen_test]
fn seeds_pair_normal_life_sentences_with_utf16_offsets() {
    let result = compare(
        KAZINFORM,
        CSTO,
        Some("2022-01-12".into()),
        None,
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(string(&result, "offsets"), "utf16");
    assert_offsets_name_claims(&result, "a", KAZINFORM);
    assert_offsets_name_claims(&result, "b", CSTO);

    let claim_text = |side: &str, id: &str| {
        array(&get(&result, side), "claims")
            .iter()
            .find(|c| string(c, "id") == id)
            .map(|c| string(&c, "text"))
            .unwrap_or_default()
    };
    let paired = array(&result, "pairs").iter().any(|pair| {
        claim_text("a", &string(&pair, "a")).contains("actively getting back to normal life")
            && claim_text("b", &string(&pair, "b"))
                .contains("Normal life is gradually beginning to improve")
    });
    assert!(paired, "the normal-life sentences are paired");
}

#[wasm_bindgen_test]
fn offsets_count_utf16_units_past_astral_characters() {
    // 😀 is two UTF-16 units: a claim after it starts two units later than
    // its code-point offset would say.
    let text = "😀 Officials said the bridge reopened. Traffic is heavy again.";
    let result = run(text, "Traffic is heavy again today.");
    assert_offsets_name_claims(&result, "a", text);
    assert_eq!(
        number(&get(&result, "a"), "length"),
        text.encode_utf16().count() as u32
    );
}

#[wasm_bindgen_test]
fn bad_input_is_a_js_error() {
    let cases: [(Option<&str>, Option<&str>, &str); 3] = [
        (Some("2022-13-45"), None, r#"{}"#),
        (None, Some("12/01/2022"), r#"{}"#),
        (None, None, r#"{"threshold": 7}"#),
    ];
    for (date_a, date_b, options) in cases {
        let outcome = compare(
            "One.",
            "Two.",
            date_a.map(String::from),
            date_b.map(String::from),
            js_sys::JSON::parse(options).unwrap(),
        );
        assert!(outcome.is_err(), "{date_a:?} {date_b:?} {options:?}");
    }
}

#[wasm_bindgen_test]
fn odd_accounts_give_sensible_results() {
    let same = "The bridge reopened on Monday. Traffic is heavy.";
    // (a, b, pairs, only in A, only in B)
    let cases: [(&str, &str, u32, u32, u32); 4] = [
        ("", "", 0, 0, 0),
        ("x", "", 0, 1, 0),
        ("", "The bridge reopened.", 0, 0, 1),
        (same, same, 2, 0, 0),
    ];
    for (a, b, pairs, only_a, only_b) in cases {
        let result = run(a, b);
        let counts = (
            array(&result, "pairs").length(),
            array(&result, "onlyA").length(),
            array(&result, "onlyB").length(),
        );
        assert_eq!(counts, (pairs, only_a, only_b), "{a:?} vs {b:?}");
    }
}

#[wasm_bindgen_test]
fn markdown_report_and_version_round_trip() {
    let report = markdown_report(
        KAZINFORM,
        CSTO,
        Some("2022-01-12".into()),
        None,
        JsValue::UNDEFINED,
        "Kazinform",
        "CSTO",
    )
    .unwrap();
    assert!(report.contains("Kazinform") && report.contains("CSTO"));
    // The report is of the same comparison `compare` gives: every pair shows.
    let pairs = array(&run_dated(KAZINFORM, CSTO), "pairs").length() as usize;
    assert_eq!(report.matches("\n### ").count(), pairs, "{report}");
    let bad = markdown_report(
        "One.",
        "Two.",
        Some("2022-13-45".into()),
        None,
        JsValue::UNDEFINED,
        "A",
        "B",
    );
    assert!(bad.is_err());
    assert_eq!(
        number(&version().unwrap(), "schema"),
        claimdiff::SCHEMA_VERSION
    );
}
