//! The WebAssembly binding: the only module that names `wasm-bindgen` or
//! `JsValue`. It wraps the core's functions, converts every error in one
//! place ([`to_js_error`]) and returns plain JavaScript objects built with
//! `serde-wasm-bindgen`. Offsets in results are UTF-16 code units, the unit of
//! JavaScript strings.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Document, OffsetUnit, Options};

/// The allocator of the `.wasm`: talc instead of std's dlmalloc, which spent
/// about 6 % of a compare of the seeds in the browser. Without threads, as
/// this `.wasm` is built.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The one conversion of core errors into JavaScript errors.
fn to_js_error(error: impl std::fmt::Display) -> JsError {
    JsError::new(&error.to_string())
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(to_js_error)
}

/// Reads the options object (`undefined`/`null` for the defaults).
fn options_from_js(options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default().with_offsets(OffsetUnit::Utf16));
    }
    let options: Options = serde_wasm_bindgen::from_value(options)
        .map_err(|e| to_js_error(crate::Error::bad_options(e.to_string())))?;
    Ok(options.with_offsets(OffsetUnit::Utf16))
}

fn document<'t>(text: &'t str, date: Option<String>) -> Document<'t> {
    match date {
        Some(date) => Document::new(text).with_date(date),
        None => Document::new(text),
    }
}

/// Compares two accounts and returns the JSON contract as a JavaScript object
/// (offsets in UTF-16 code units). Dates are `YYYY-MM-DD` strings or
/// `undefined`; `options` is an object of [`Options`] keys or `undefined`.
#[wasm_bindgen]
pub fn compare(
    a: &str,
    b: &str,
    date_a: Option<String>,
    date_b: Option<String>,
    options: JsValue,
) -> Result<JsValue, JsError> {
    let options = options_from_js(options)?;
    let result = crate::compare(&document(a, date_a), &document(b, date_b), &options)
        .map_err(to_js_error)?;
    to_js(&result)
}

/// Compares two accounts as [`compare`] does and renders the result as a
/// Markdown report headed by the two labels.
///
/// It takes the accounts rather than a result so that the binding never reads
/// a result back from JavaScript: deserialising the whole contract would
/// weigh about 20 KB of the gzipped `.wasm` (see benches/README.md, "Size"),
/// and a comparison is deterministic, so comparing again gives the same result.
#[wasm_bindgen(js_name = markdownReport)]
pub fn markdown_report(
    a: &str,
    b: &str,
    date_a: Option<String>,
    date_b: Option<String>,
    options: JsValue,
    label_a: &str,
    label_b: &str,
) -> Result<String, JsError> {
    let options = options_from_js(options)?;
    let result = crate::compare(&document(a, date_a), &document(b, date_b), &options)
        .map_err(to_js_error)?;
    Ok(crate::markdown(
        &result,
        &crate::Labels {
            a: label_a,
            b: label_b,
        },
    ))
}

/// The version of the engine and of its JSON schema.
#[wasm_bindgen]
pub fn version() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Version {
        engine: &'static str,
        schema: u32,
    }
    to_js(&Version {
        engine: env!("CARGO_PKG_VERSION"),
        schema: crate::SCHEMA_VERSION,
    })
}
