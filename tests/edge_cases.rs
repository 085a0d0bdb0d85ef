//! Odd input never panics and gives a sensible result or a clear error.

use claimdiff::{compare, Document, Options};

#[test]
fn empty_accounts_give_an_empty_result() {
    let result = compare(&Document::new(""), &Document::new(""), &Options::default()).unwrap();
    assert!(result.a.claims.is_empty() && result.b.claims.is_empty());
    assert!(result.pairs.is_empty() && result.only_a.is_empty() && result.only_b.is_empty());
}

#[test]
fn one_character_account_is_one_sided() {
    let other = "The bridge reopened on Monday.";
    let result = compare(
        &Document::new("x"),
        &Document::new(other),
        &Options::default(),
    )
    .unwrap();
    assert!(result.pairs.is_empty());
    assert_eq!(result.only_b.len(), result.b.claims.len());
    assert!(!result.only_b.is_empty());
}

#[test]
fn identical_accounts_agree_throughout() {
    let text = "The bridge reopened on Monday. Traffic is heavy. Officials thanked the engineers.";
    let result = compare(
        &Document::new(text),
        &Document::new(text),
        &Options::default(),
    )
    .unwrap();
    assert!(result.only_a.is_empty() && result.only_b.is_empty());
    assert_eq!(result.pairs.len(), result.a.claims.len());
    assert!(result
        .pairs
        .iter()
        .all(|p| p.verdict == claimdiff::Verdict::Agree));
}

#[test]
fn bad_dates_are_clear_errors() {
    for bad in [
        "2022-02-30",
        "12/01/2022",
        "2022-1-5",
        "tomorrow",
        "２０２２-01-01",
    ] {
        let error = compare(
            &Document::new("a").with_date(bad),
            &Document::new("b"),
            &Options::default(),
        )
        .unwrap_err();
        assert_eq!(error.kind_name(), "bad-date");
        assert!(error.to_string().contains("account A"), "{error}");
    }
}

#[test]
fn oversized_account_is_a_clear_error() {
    let big = "word ".repeat(300);
    let error = compare(
        &Document::new("short"),
        &Document::new(&big),
        &Options::default().with_max_bytes(1000),
    )
    .unwrap_err();
    assert_eq!(error.kind_name(), "too-large");
    assert!(error.to_string().contains("account B"), "{error}");
}

#[test]
fn a_pair_over_the_work_bound_is_a_clear_error() {
    // Forty distinct sentences make forty claims: over a bound of 30, under 50.
    let many: String = (1..=40)
        .map(|n| format!("Bridge number {n} reopened on day {n}. "))
        .collect();
    let limited = Options::default().with_max_claims(30);
    let error = compare(&Document::new(&many), &Document::new("Short."), &limited).unwrap_err();
    assert_eq!(error.kind_name(), "too-many-claims");
    let message = error.to_string();
    assert!(
        message.contains("account A") && message.contains("maxClaims"),
        "{message}"
    );
    let json = Options::from_json(r#"{"maxClaims": 50}"#).unwrap();
    assert!(compare(&Document::new(&many), &Document::new("Short."), &json).is_ok());
}

#[test]
fn hostile_shapes_do_not_panic() {
    let shapes = [
        ",".repeat(100_000),
        "a".repeat(1_000_000),
        "\0\0\0. \u{202E}עברית. \r\r\n\u{301}\u{301}. 👩‍👩‍👧 .".to_string(),
        "<p>Hello <b>world</b></p><script>alert(1)</script>".to_string(),
        "“‘«»’”".repeat(1000),
    ];
    for shape in &shapes {
        let result = compare(
            &Document::new(shape),
            &Document::new("Hello world."),
            &Options::default(),
        );
        assert!(result.is_ok());
    }
}
