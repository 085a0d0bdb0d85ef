//! The time tagger on arbitrary UTF-8, with and without an anchor date, in
//! both offset units: no panic, every mention's offsets name its text, and
//! mentions come out in text order.
//!
//! Input: `date` 0xFF `text`, where a date that is not a calendar day must
//! give an error (not a panic); without 0xFF, the text with no date.
#![no_main]

use claimdiff::{times, OffsetUnit};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (date, text) = match data.iter().position(|&byte| byte == 0xFF) {
        Some(at) => (Some(&data[..at]), &data[at + 1..]),
        None => (None, data),
    };
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let date = match date.map(std::str::from_utf8) {
        Some(Ok(date)) => Some(date),
        Some(Err(_)) => return,
        None => None,
    };
    let units: Vec<u16> = text.encode_utf16().collect();
    let chars: Vec<char> = text.chars().collect();
    for unit in [OffsetUnit::Chars, OffsetUnit::Utf16] {
        let Ok(found) = times(text, date, unit) else {
            assert!(date.is_some(), "only a bad date may fail");
            return;
        };
        let mut last = 0;
        for mention in &found {
            let named = match unit {
                OffsetUnit::Utf16 => units
                    .get(mention.start..mention.end)
                    .and_then(|u| String::from_utf16(u).ok()),
                _ => chars
                    .get(mention.start..mention.end)
                    .map(|c| c.iter().collect()),
            };
            assert_eq!(named.as_deref(), Some(mention.text.as_str()), "{unit:?}");
            assert!(mention.start >= last, "mentions out of text order");
            last = mention.start;
        }
    }
});
