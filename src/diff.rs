//! Word diffs of aligned claims, computed with `similar`.

use similar::{capture_diff_slices, Algorithm, DiffTag as Tag};

use crate::report::{DiffOp, DiffTag};
use crate::text::diff_pieces;

/// The most pieces (words, spaces, marks) a side may have for a word diff.
const MAX_PIECES: usize = 4000;

/// The word diff that turns `old` into `new`: runs of equal, deleted and
/// inserted pieces (words, spaces, punctuation), merged so that neighbouring
/// ops differ. Concatenating the equal and delete texts gives `old`; the equal
/// and insert texts give `new`.
///
/// Uses the no-deadline entry point: similar's deadline variants call
/// `Instant::now()`, which panics on `wasm32-unknown-unknown`.
pub(crate) fn word_diff(old: &str, new: &str) -> Vec<DiffOp> {
    let old_pieces = diff_pieces(old);
    let new_pieces = diff_pieces(new);
    if old_pieces.len().max(new_pieces.len()) > MAX_PIECES {
        // Myers is O((N+M)·D): past this size a word diff costs more than it
        // tells a reader, so the texts are shown as replaced whole.
        return [(DiffTag::Delete, old), (DiffTag::Insert, new)]
            .into_iter()
            .filter(|(_, text)| !text.is_empty())
            .map(|(op, text)| DiffOp {
                op,
                text: text.to_string(),
            })
            .collect();
    }
    let mut out: Vec<DiffOp> = Vec::new();
    let mut push = |op: DiffTag, pieces: &[&str]| {
        if pieces.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.op == op => last.text.extend(pieces.iter().copied()),
            _ => out.push(DiffOp {
                op,
                text: pieces.concat(),
            }),
        }
    };
    for op in capture_diff_slices(Algorithm::Myers, &old_pieces, &new_pieces) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            Tag::Equal => push(DiffTag::Equal, &old_pieces[old_range]),
            Tag::Delete => push(DiffTag::Delete, &old_pieces[old_range]),
            Tag::Insert => push(DiffTag::Insert, &new_pieces[new_range]),
            Tag::Replace => {
                push(DiffTag::Delete, &old_pieces[old_range]);
                push(DiffTag::Insert, &new_pieces[new_range]);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(ops: &[DiffOp], skip: DiffTag) -> String {
        ops.iter()
            .filter(|op| op.op != skip)
            .map(|op| op.text.as_str())
            .collect()
    }

    #[test]
    fn diff_rebuilds_both_sides() {
        let old = "Normal life is actively getting back, officials said.";
        let new = "Normal life is gradually beginning to improve.";
        let ops = word_diff(old, new);
        assert_eq!(side(&ops, DiffTag::Insert), old);
        assert_eq!(side(&ops, DiffTag::Delete), new);
        assert!(ops
            .iter()
            .any(|op| op.op == DiffTag::Delete && op.text.contains("actively")));
        assert!(ops
            .iter()
            .any(|op| op.op == DiffTag::Equal && op.text.contains("Normal life is")));
    }

    #[test]
    fn huge_texts_are_replaced_whole() {
        let old = "word ".repeat(5000);
        let ops = word_diff(&old, "short");
        assert_eq!(ops.len(), 2);
        assert_eq!(side(&ops, DiffTag::Insert), old);
    }

    #[test]
    fn equal_texts_are_one_equal_op() {
        let ops = word_diff("same words", "same words");
        assert_eq!(
            ops,
            [DiffOp {
                op: DiffTag::Equal,
                text: "same words".into()
            }]
        );
        assert!(word_diff("", "").is_empty());
    }
}
