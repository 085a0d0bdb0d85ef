//! Framing: different names the two accounts use for the same actors or
//! events (`terrorists` against `looters`), shown as such, not as conflicts.

use std::collections::{BTreeMap, BTreeSet};

use crate::paraphrase::table;
use crate::report::{Account, Framing};
use crate::text::words;

/// The words an account uses from each framing vocabulary, by label:
/// `group -> label -> words`.
type Usage = BTreeMap<usize, Labels>;

fn usage(text: &str, account: &Account) -> Usage {
    let mut used = Usage::new();
    let mut sentences: Vec<(usize, usize)> = account
        .claims
        .iter()
        .map(|c| (c.sentence.start, c.sentence.end))
        .collect();
    sentences.sort_unstable();
    sentences.dedup();
    for (start, end) in sentences {
        if text.get(start..end).is_none() {
            continue;
        }
        for hit in table().framing_hits(&words(text, start..end)) {
            if let Some(phrase) = text.get(hit.range) {
                used.entry(hit.group)
                    .or_default()
                    .entry(hit.label)
                    .or_default()
                    .insert(phrase.to_lowercase());
            }
        }
    }
    used
}

type Labels = BTreeMap<usize, BTreeSet<String>>;

/// The words of the labels in `mine` that `theirs` never uses.
fn own_words<'l>(mine: &'l Labels, theirs: &Labels) -> Vec<&'l str> {
    mine.iter()
        .filter(|(label, _)| !theirs.contains_key(label))
        .flat_map(|(_, words)| words.iter().map(String::as_str))
        .collect()
}

/// All the words of the labels in `labels`.
fn all_words(labels: &Labels) -> Vec<&str> {
    labels
        .values()
        .flat_map(|words| words.iter().map(String::as_str))
        .collect()
}

/// Framing differences between two accounts (byte offsets): for each
/// vocabulary both use, where one account uses a label the other never does
/// (`terrorist attack` against `riots`), the words of each side's own labels.
pub(crate) fn framing(text_a: &str, a: &Account, text_b: &str, b: &Account) -> Vec<Framing> {
    let ua = usage(text_a, a);
    let ub = usage(text_b, b);
    let mut out = Vec::new();
    for (group, labels_a) in &ua {
        let Some(labels_b) = ub.get(group) else {
            continue;
        };
        let (only_a, only_b) = (own_words(labels_a, labels_b), own_words(labels_b, labels_a));
        if only_a.is_empty() && only_b.is_empty() {
            continue;
        }
        let side_a = if only_a.is_empty() {
            all_words(labels_a)
        } else {
            only_a
        };
        let side_b = if only_b.is_empty() {
            all_words(labels_b)
        } else {
            only_b
        };
        out.push(Framing {
            a: side_a.join(", "),
            b: side_b.join(", "),
            about: table().framing_about(*group).to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{compare, Document, Options};

    fn framing(a: &str, b: &str) -> Vec<(String, String)> {
        compare(&Document::new(a), &Document::new(b), &Options::default())
            .unwrap()
            .framing
            .into_iter()
            .map(|f| (f.a, f.b))
            .collect()
    }

    #[test]
    fn different_labels_are_framing() {
        type Case<'c> = (&'c str, &'c str, &'c [(&'c str, &'c str)]);
        let cases: &[Case] = &[
            (
                "The city was liberated from terrorists.",
                "Looters and marauders fled the city.",
                &[("terrorists", "looters, marauders")],
            ),
            (
                "The aftermath of the terrorist attack is being assessed.",
                "The riots left shops burned.",
                &[("terrorist attack", "riots")],
            ),
            // Two names of one label are no framing difference.
            (
                "Peacekeepers guard the plant.",
                "The peacekeeping contingent guards the plant.",
                &[],
            ),
            ("Rioters burned cars.", "Rioters burned buses.", &[]),
        ];
        for (a, b, expected) in cases {
            let expected: Vec<(String, String)> = expected
                .iter()
                .map(|(x, y)| (x.to_string(), y.to_string()))
                .collect();
            assert_eq!(framing(a, b), expected, "{a} | {b}");
        }
    }
}
