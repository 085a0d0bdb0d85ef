//! Framing: different names the two accounts use for the same actors or
//! events (`terrorists` against `looters`), shown as such, not as conflicts.

use crate::paraphrase::table;
use crate::report::{Account, Framing};
use crate::text::Segmented;

/// The words an account uses from the framing vocabularies, as
/// `(group, label, word)`, sorted and without repeats: one flat list instead
/// of nested maps keeps the `.wasm` small (no map types of its own).
type Usage = Vec<(usize, usize, String)>;

fn usage(segmented: &Segmented<'_>, account: &Account) -> Usage {
    let text = segmented.text();
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
        for hit in table().framing_hits(&segmented.words(start..end)) {
            if let Some(phrase) = text.get(hit.range) {
                used.push((hit.group, hit.label, phrase.to_lowercase()));
            }
        }
    }
    used.sort_unstable();
    used.dedup();
    used
}

/// The entries of one group: a run of the sorted usage list.
fn group(used: &[(usize, usize, String)], group: usize) -> &[(usize, usize, String)] {
    let start = used.partition_point(|(g, _, _)| *g < group);
    let end = used.partition_point(|(g, _, _)| *g <= group);
    &used[start..end]
}

/// The words of the labels in `mine` (one group) that `theirs` (the same
/// group of the other account) never uses.
fn own_words<'l>(
    mine: &'l [(usize, usize, String)],
    theirs: &[(usize, usize, String)],
) -> Vec<&'l str> {
    mine.iter()
        .filter(|(_, label, _)| !theirs.iter().any(|(_, l, _)| l == label))
        .map(|(_, _, word)| word.as_str())
        .collect()
}

/// All the words of one group's entries.
fn all_words(entries: &[(usize, usize, String)]) -> Vec<&str> {
    entries.iter().map(|(_, _, word)| word.as_str()).collect()
}

/// Framing differences between two accounts (byte offsets into the texts
/// `text_a` and `text_b` hold): for each
/// vocabulary both use, where one account uses a label the other never does
/// (`terrorist attack` against `riots`), the words of each side's own labels.
pub(crate) fn framing(
    text_a: &Segmented<'_>,
    a: &Account,
    text_b: &Segmented<'_>,
    b: &Account,
) -> Vec<Framing> {
    let ua = usage(text_a, a);
    let ub = usage(text_b, b);
    let mut out = Vec::new();
    let mut groups: Vec<usize> = ua.iter().map(|(g, _, _)| *g).collect();
    groups.dedup();
    for g in groups {
        let (labels_a, labels_b) = (group(&ua, g), group(&ub, g));
        if labels_b.is_empty() {
            continue;
        }
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
            about: table().framing_about(g).to_string(),
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
