//! What alignment and verdicts look at in a claim: its terms (stems and
//! paraphrase concepts), the terms of its sentence, its entities, topics,
//! quantities, degree and hedge words.

use std::borrow::Cow;
use std::rc::Rc;

use crate::order;
use crate::paraphrase::{infos, table, Degree};
use crate::quantity::{quantities, Quantity};
use crate::report::Claim;
use crate::text::{Segmented, Word};

/// The comparable content of one claim.
#[derive(Debug, Clone, Default)]
pub(crate) struct Features<'c> {
    /// Term keys of the claim itself (and of its shared predicate, for list items).
    pub own: Vec<Rc<str>>,
    /// Term keys of the rest of its sentence.
    pub context: Vec<Rc<str>>,
    /// The own terms that are not part of a name: what the claim says
    /// rather than whom it names.
    pub content: Vec<Rc<str>>,
    /// Canonical entity keys, sorted, each once (borrowed from the claim).
    pub entities: Vec<&'c str>,
    /// Topic keys (the claim's).
    pub topics: &'c [String],
    /// Numbers and what they count.
    pub quantities: Vec<Quantity>,
    /// The degree word of the claim, if any (`actively`, `gradually`).
    pub degree: Option<(Degree, String)>,
    /// Hedge words of the claim (`soon`, `about`).
    pub hedges: Vec<String>,
    /// Whether the claim is one item of a list sharing a predicate.
    pub item: bool,
    /// Every word of the claim (stopwords too), lower-cased, in text order:
    /// its surface, to settle ties between equally similar counterparts.
    pub surface: Vec<Rc<str>>,
}

/// Reads the features of each claim of an account (offsets are bytes into
/// `segmented`'s text), with the words `segmented` holds of their sentences,
/// spans and predicates.
pub(crate) fn features_of<'c>(segmented: &Segmented<'_>, claims: &'c [Claim]) -> Vec<Features<'c>> {
    claims
        .iter()
        .map(|claim| {
            let range = claim.sentence.start..claim.sentence.end;
            features_in(segmented, claim, &segmented.words(range))
        })
        .collect()
}

/// The features of a claim, given the words of its sentence.
fn features_in<'t, 'c>(
    segmented: &Segmented<'t>,
    claim: &'c Claim,
    sentence_words: &[Word<'t>],
) -> Features<'c> {
    let text = segmented.text();
    let table = table();
    let mut own_spans = Vec::with_capacity(2);
    own_spans.push(claim.start..claim.end);
    if let Some(predicate) = claim_predicate(claim) {
        own_spans.push(predicate);
    }
    // The claim's own words; those of its own span also give its quantities.
    let claim_range = checked(text, claim.start..claim.end);
    let claim_words: Cow<'_, [Word<'t>]> = match &claim_range {
        Some(range) if *range == (claim.sentence.start..claim.sentence.end) => {
            Cow::Borrowed(sentence_words)
        }
        Some(range) => segmented.words(range.clone()),
        None => Cow::Owned(Vec::new()),
    };
    let predicate_words: Vec<Cow<'_, [Word<'t>]>> = own_spans[1..]
        .iter()
        .filter_map(|span| checked(text, span.clone()))
        .map(|range| segmented.words(range))
        .collect();
    let mut own_words = Vec::with_capacity(
        claim_words.len() + predicate_words.iter().map(|w| w.len()).sum::<usize>(),
    );
    own_words.extend_from_slice(&claim_words);
    for words in &predicate_words {
        own_words.extend_from_slice(words);
    }
    let context_words: Vec<Word<'_>> = sentence_words
        .iter()
        .filter(|w| {
            !own_spans
                .iter()
                .any(|s| s.start <= w.range.start && w.range.end <= s.end)
        })
        .cloned()
        .collect();

    let own_infos = infos(&own_words);
    let own_terms = table.terms_of(&own_infos);
    let in_name = |range: &std::ops::Range<usize>| {
        claim
            .entities
            .iter()
            .any(|e| e.start <= range.start && range.end <= e.end)
    };
    let mut content: Vec<Rc<str>> = own_terms
        .iter()
        .filter(|t| {
            !own_words
                .get(t.words.clone())
                .is_some_and(|ws| ws.iter().all(|w| in_name(&w.range)))
        })
        .map(|t| t.key.clone())
        .collect();
    order::sort_unstable_by(&mut content, str_order);
    content.dedup_by(|x, y| str_order(x, y).is_eq());
    let mut own: Vec<Rc<str>> = own_terms.into_iter().map(|t| t.key).collect();
    order::sort_unstable_by(&mut own, str_order);
    own.dedup_by(|x, y| str_order(x, y).is_eq());
    let mut context: Vec<Rc<str>> = table
        .terms(&context_words)
        .into_iter()
        .map(|t| t.key)
        .filter(|k| own.binary_search_by(|o| str_order(o, k)).is_err())
        .collect();
    order::sort_unstable_by(&mut context, str_order);
    context.dedup_by(|x, y| str_order(x, y).is_eq());
    let mut entities: Vec<&str> = claim.entities.iter().map(|e| e.key.as_str()).collect();
    order::sort_unstable(&mut entities);
    entities.dedup();
    let degree = own_words
        .iter()
        .zip(&own_infos)
        .find_map(|(w, info)| info.degree.map(|d| (d, w.text.to_string())));
    let hedges = own_infos
        .iter()
        .filter(|info| info.hedge)
        .map(|info| info.lower.to_string())
        .collect();
    let surface: Vec<Rc<str>> = own_infos.iter().map(|info| info.lower.clone()).collect();
    // The quantities read the claim's text alone, with offsets into it.
    let (claim_text, quantity_words) = match claim_range {
        Some(range) => {
            let base = range.start;
            let shifted: Vec<Word<'_>> = claim_words
                .iter()
                .map(|w| Word {
                    range: w.range.start - base..w.range.end - base,
                    text: w.text,
                })
                .collect();
            (&text[range], shifted)
        }
        None => ("", Vec::new()),
    };
    Features {
        surface,
        own,
        context,
        content,
        entities,
        topics: &claim.topics,
        quantities: quantities(claim_text, &quantity_words),
        degree,
        hedges,
        item: claim.predicate.is_some(),
    }
}

/// The claim as a statement that stands alone: for a list item, the item and
/// its shared predicate in text order (`public transport … are getting back up
/// and running`); otherwise the claim's text.
pub(crate) fn statement(text: &str, claim: &Claim) -> String {
    let Some(predicate) = claim.predicate else {
        return claim.text.clone();
    };
    let Some(predicate_text) = text.get(predicate.start..predicate.end) else {
        return claim.text.clone();
    };
    if predicate.start >= claim.end {
        format!("{} … {}", claim.text, predicate_text)
    } else {
        format!("{} … {}", predicate_text, claim.text)
    }
}

/// The span of the shared predicate of a list-item claim, if it has one.
fn claim_predicate(claim: &Claim) -> Option<std::ops::Range<usize>> {
    claim.predicate.map(|p| p.start..p.end)
}

/// The order of the strings (`str`'s), with shortcuts: keys from one cache
/// entry are one string, and most others differ in their first byte.
pub(crate) fn str_order(p: &Rc<str>, q: &Rc<str>) -> std::cmp::Ordering {
    if Rc::ptr_eq(p, q) {
        return std::cmp::Ordering::Equal;
    }
    match (p.as_bytes().first(), q.as_bytes().first()) {
        (Some(a), Some(b)) if a != b => a.cmp(b),
        _ => p.cmp(q),
    }
}

/// `range` if it lies on char boundaries inside `text`.
fn checked(text: &str, range: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    text.get(range.clone()).map(|_| range)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_order_is_the_order_of_str() {
        let words = ["", "a", "ab", "b", "~x", "é", "éa", "Z", "a"];
        for x in words {
            for y in words {
                let (p, q): (Rc<str>, Rc<str>) = (Rc::from(x), Rc::from(y));
                assert_eq!(str_order(&p, &q), x.cmp(y), "{x:?} {y:?}");
                assert_eq!(str_order(&p, &p.clone()), std::cmp::Ordering::Equal);
            }
        }
    }
}
