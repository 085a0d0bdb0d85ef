//! Two arbitrary UTF-8 accounts through `compare`, in both offset units.
//!
//! The input is split at the first 0xFF byte (which never occurs in UTF-8), so
//! the corpus files stay readable: `account A` 0xFF `account B`. Without a
//! separator the same text is compared with itself, which exercises the
//! identical-accounts path. Beyond not panicking, the target checks the
//! contract's offset invariant: each claim's `text` is exactly what its
//! `[start, end)` names, in code points and in UTF-16 code units.
#![no_main]

use claimdiff::report::Comparison;
use claimdiff::{compare, Document, OffsetUnit, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (a, b) = match data.iter().position(|&byte| byte == 0xFF) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, data),
    };
    let (Ok(a), Ok(b)) = (std::str::from_utf8(a), std::str::from_utf8(b)) else {
        return;
    };
    let options = Options::default();
    let chars = compare(&Document::new(a), &Document::new(b), &options)
        .expect("any text within the size limit compares");
    check_claims(&chars, a, b, OffsetUnit::Chars);
    let utf16 = compare(
        &Document::new(a),
        &Document::new(b),
        &options.with_offsets(OffsetUnit::Utf16),
    )
    .expect("any text within the size limit compares");
    check_claims(&utf16, a, b, OffsetUnit::Utf16);
    let texts = |r: &Comparison| -> Vec<String> {
        r.a.claims
            .iter()
            .chain(&r.b.claims)
            .map(|c| c.text.clone())
            .collect()
    };
    assert_eq!(
        texts(&chars),
        texts(&utf16),
        "the offset unit changed the claims"
    );
});

/// Every claim's offsets, in `unit`, name exactly its text.
fn check_claims(result: &Comparison, a: &str, b: &str, unit: OffsetUnit) {
    for (account, text) in [(&result.a, a), (&result.b, b)] {
        let units: Vec<u16> = text.encode_utf16().collect();
        let chars: Vec<char> = text.chars().collect();
        let named = |start: usize, end: usize| -> Option<String> {
            match unit {
                OffsetUnit::Utf16 => String::from_utf16(units.get(start..end)?).ok(),
                _ => Some(chars.get(start..end)?.iter().collect()),
            }
        };
        let length = match unit {
            OffsetUnit::Utf16 => units.len(),
            _ => chars.len(),
        };
        assert_eq!(account.length, length, "wrong length");
        for claim in &account.claims {
            assert_eq!(
                named(claim.start, claim.end).as_deref(),
                Some(claim.text.as_str()),
                "claim {} does not name its text in {unit:?}",
                claim.id
            );
        }
    }
}
