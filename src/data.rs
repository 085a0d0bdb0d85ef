//! The built-in tables of `data/*.json`, compiled into statics by `build.rs`.
//!
//! The JSON files stay the documented source (`data/README.md`); compiling
//! them at build time means the engine carries no JSON parser for its own data
//! and does not parse it at start-up, which matters most for the size of the
//! `.wasm` (see benches/README.md, "Size"). The tests check that the statics
//! say exactly what the JSON files say.

use crate::options::{AliasSpec, TopicSpec};

/// `data/paraphrases.json`; its README section says what each part is for.
pub(crate) struct StaticParaphrases {
    /// (key, words and phrases).
    pub concepts: &'static [(&'static str, &'static [&'static str])],
    /// Pairs of contrary concept keys.
    pub contrary: &'static [(&'static str, &'static str)],
    pub reporting: &'static [&'static str],
    /// `degree.strong`.
    pub strong: &'static [&'static str],
    /// `degree.weak`.
    pub weak: &'static [&'static str],
    pub hedges: &'static [&'static str],
    /// (what the words name, the labels: each a list of words).
    pub framing: &'static [(&'static str, &'static [&'static [&'static str]])],
}

include!(concat!(env!("OUT_DIR"), "/data.rs"));

// The aliases and topics are packed strings rather than slices of structs:
// one entry a line, fields separated by U+001F, list items by U+001E (values
// hold no control characters; build.rs checks). They are read once into
// specs, and a string is about 10 KB of the gzipped `.wasm` smaller than
// the pointers and lengths of some 1 700 string slices.
const FIELD: char = '\u{1f}';
const ITEM: char = '\u{1e}';

/// The entries of a packed table, each as its fields.
fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table.lines().map(|line| line.split(FIELD).collect())
}

fn field<'r>(row: &[&'r str], n: usize) -> &'r str {
    row.get(n).copied().unwrap_or("")
}

fn optional(row: &[&str], n: usize) -> Option<String> {
    Some(field(row, n))
        .filter(|f| !f.is_empty())
        .map(Into::into)
}

fn strings(row: &[&str], n: usize) -> Vec<String> {
    match field(row, n) {
        "" => Vec::new(),
        list => list.split(ITEM).map(Into::into).collect(),
    }
}

/// The built-in alias specs, as if read from `data/aliases.json`.
pub(crate) fn aliases() -> Vec<AliasSpec> {
    rows(ALIASES)
        .map(|row| AliasSpec {
            key: field(&row, 0).into(),
            kind: field(&row, 1).into(),
            names: strings(&row, 2),
            country: optional(&row, 3),
            adjectives: strings(&row, 4),
            class: optional(&row, 5),
        })
        .collect()
}

/// The built-in topic specs, as if read from `data/topics.json`.
pub(crate) fn topics() -> Vec<TopicSpec> {
    rows(TOPICS)
        .map(|row| TopicSpec {
            key: field(&row, 0).into(),
            label: optional(&row, 1),
            parent: optional(&row, 2),
            terms: strings(&row, 3),
            weak: strings(&row, 4),
            context: strings(&row, 5),
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn file(name: &str) -> Value {
        let path = format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("data file");
        serde_json::from_str(&text).expect("valid JSON")
    }

    /// A JSON value with the `_` comment keys and empty optional fields
    /// dropped, so that the file and the statics compare field by field.
    fn canonical(value: Value) -> Value {
        match value {
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .filter(|(k, v)| {
                        !k.starts_with('_')
                            && !v.is_null()
                            && v.as_array().is_none_or(|a| !a.is_empty())
                    })
                    .map(|(k, v)| (k, canonical(v)))
                    .collect(),
            ),
            Value::Array(items) => Value::Array(items.into_iter().map(canonical).collect()),
            other => other,
        }
    }

    #[test]
    fn the_statics_say_what_the_json_files_say() {
        let aliases: Vec<AliasSpec> =
            serde_json::from_value(file("aliases.json")).expect("aliases.json parses");
        assert_eq!(super::aliases(), aliases);
        assert!(aliases.len() > 50);

        let topics: Vec<TopicSpec> =
            serde_json::from_value(file("topics.json")).expect("topics.json parses");
        assert_eq!(super::topics(), topics);
        assert!(topics.len() > 10);

        let p = &PARAPHRASES;
        let statics = json!({
            "concepts": p.concepts.iter().map(|(key, words)| json!({"key": key, "words": words})).collect::<Vec<_>>(),
            "contrary": p.contrary.iter().map(|(x, y)| json!([x, y])).collect::<Vec<_>>(),
            "reporting": p.reporting,
            "degree": {"strong": p.strong, "weak": p.weak},
            "hedges": p.hedges,
            "framing": p.framing.iter().map(|(about, labels)| json!({"about": about, "labels": labels})).collect::<Vec<_>>(),
        });
        assert_eq!(canonical(statics), canonical(file("paraphrases.json")));
        assert!(p.concepts.len() > 20);
    }
}
