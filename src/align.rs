//! Alignment: which claims of A and B speak of the same thing.

use std::collections::HashMap;

use crate::lexicon::terms;

/// A claim as a weighted bag of terms.
struct Vector {
    weights: HashMap<String, f64>,
    norm: f64,
}

fn bags(text: &str, spans: &[std::ops::Range<usize>]) -> Vec<HashMap<String, f64>> {
    spans
        .iter()
        .map(|span| {
            let mut bag = HashMap::new();
            for term in terms(text, span.clone()) {
                *bag.entry(term.stem).or_insert(0.0) += 1.0;
            }
            bag
        })
        .collect()
}

/// Pairs the claims of two texts: TF-IDF cosine similarity over both
/// accounts, then a one-to-one choice by descending score above `threshold`.
/// Returns `(index in a, index in b, score)` sorted by the index in a.
pub(crate) fn align(
    text_a: &str,
    spans_a: &[std::ops::Range<usize>],
    text_b: &str,
    spans_b: &[std::ops::Range<usize>],
    threshold: f64,
) -> Vec<(usize, usize, f64)> {
    let bags_a = bags(text_a, spans_a);
    let bags_b = bags(text_b, spans_b);
    let total = (bags_a.len() + bags_b.len()) as f64;
    let mut document_frequency: HashMap<&str, f64> = HashMap::new();
    for bag in bags_a.iter().chain(&bags_b) {
        for term in bag.keys() {
            *document_frequency.entry(term).or_insert(0.0) += 1.0;
        }
    }
    let vector = |bag: &HashMap<String, f64>| {
        let weights: HashMap<String, f64> = bag
            .iter()
            .map(|(term, count)| {
                let idf = (1.0 + total / document_frequency[term.as_str()]).ln();
                (term.clone(), count * idf)
            })
            .collect();
        let norm = weights.values().map(|w| w * w).sum::<f64>().sqrt();
        Vector { weights, norm }
    };
    let vectors_a: Vec<Vector> = bags_a.iter().map(vector).collect();
    let vectors_b: Vec<Vector> = bags_b.iter().map(vector).collect();
    let mut candidates = Vec::new();
    for (i, va) in vectors_a.iter().enumerate() {
        for (j, vb) in vectors_b.iter().enumerate() {
            if va.norm == 0.0 || vb.norm == 0.0 {
                continue;
            }
            let dot: f64 = va
                .weights
                .iter()
                .filter_map(|(term, w)| vb.weights.get(term).map(|v| w * v))
                .sum();
            let score = dot / (va.norm * vb.norm);
            if score >= threshold {
                candidates.push((i, j, score));
            }
        }
    }
    candidates.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    let mut used_a = vec![false; spans_a.len()];
    let mut used_b = vec![false; spans_b.len()];
    let mut chosen = Vec::new();
    for (i, j, score) in candidates {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            chosen.push((i, j, score));
        }
    }
    chosen.sort_by_key(|&(i, j, _)| (i, j));
    chosen
}
