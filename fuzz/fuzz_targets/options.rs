//! Arbitrary bytes as the JSON options: `Options::from_json` must answer Ok or
//! a readable error, never panic, and accepted options must be usable.
#![no_main]

use claimdiff::{compare, Document, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    match Options::from_json(json) {
        Ok(options) => {
            // Whatever was accepted must drive a comparison without panicking.
            let a = Document::new("Troops will leave within ten days. Airport reopened.");
            let b = Document::new("The troops leave in 10 days, officials said.");
            let _ = compare(&a, &b, &options);
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
});
