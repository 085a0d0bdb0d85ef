//! Framing: different names the two accounts use for the same actors or
//! events (`terrorists` against `looters`), shown as such, not as conflicts.

use std::collections::BTreeSet;

use crate::paraphrase::table;
use crate::report::{Account, Framing};
use crate::text::words;

/// The framing vocabularies each account uses, word sets per group.
fn vocabulary(text: &str, account: &Account) -> Vec<BTreeSet<String>> {
    let mut groups: Vec<BTreeSet<String>> = Vec::new();
    let mut sentences: Vec<(usize, usize)> = account
        .claims
        .iter()
        .map(|c| (c.sentence.start, c.sentence.end))
        .collect();
    sentences.dedup();
    for (start, end) in sentences {
        let Some(_) = text.get(start..end) else {
            continue;
        };
        for hit in table().framing_hits(&words(text, start..end)) {
            if groups.len() <= hit.group {
                groups.resize(hit.group + 1, BTreeSet::new());
            }
            if let Some(phrase) = text.get(hit.range) {
                groups[hit.group].insert(phrase.to_lowercase());
            }
        }
    }
    groups
}

/// Framing differences between two accounts (byte offsets): per vocabulary
/// both use, the words only A uses against the words only B uses.
pub(crate) fn framing(text_a: &str, a: &Account, text_b: &str, b: &Account) -> Vec<Framing> {
    let va = vocabulary(text_a, a);
    let vb = vocabulary(text_b, b);
    let mut out = Vec::new();
    for (group, (wa, wb)) in va.iter().zip(&vb).enumerate() {
        let only_a: Vec<&str> = wa.difference(wb).map(String::as_str).collect();
        let only_b: Vec<&str> = wb.difference(wa).map(String::as_str).collect();
        if only_a.is_empty() || only_b.is_empty() {
            continue;
        }
        out.push(Framing {
            a: only_a.join(", "),
            b: only_b.join(", "),
            about: table().framing_about(group).to_string(),
        });
    }
    out
}
