//! Verdicts: do two aligned claims agree, partly agree or conflict, and why.
//!
//! A careful fact-checker's order: first look for what makes the claims
//! incompatible (a negation, different numbers for the same quantity,
//! disjoint dates, contrary predicates); then for what makes one weaker or
//! narrower than the other (only one is dated, hedged, attributed, planned,
//! put in a different degree, or more specific); only a pair with neither
//! agrees. Each finding becomes a short sentence for people.

use crate::features::Features;
use crate::paraphrase::{table, Degree};
use crate::report::{Claim, Modality, Verdict, When};

/// Below this similarity an aligned pair is only loosely related.
const LOOSE: f64 = 0.25;
/// From this similarity up, claims that each add a few words still agree.
const SAME_ANGLE: f64 = 0.6;
/// Relative difference under which two approximate numbers are compatible.
const APPROX_TOLERANCE: f64 = 0.15;

/// One side of a pair, as the verdict sees it.
pub(crate) struct Side<'c> {
    /// `A` or `B`, as shown in reasons.
    pub name: char,
    /// The claim (byte offsets).
    pub claim: &'c Claim,
    /// The claim as a statement that stands alone (a list item with its predicate).
    pub statement: &'c str,
    /// Its features.
    pub features: &'c Features<'c>,
}

/// Judges an aligned pair.
pub(crate) fn judge(a: &Side<'_>, b: &Side<'_>, score: f64) -> (Verdict, Vec<String>) {
    let mut conflicts = Vec::new();
    let mut partials = Vec::new();

    // Negation of the same predicate.
    if a.claim.negated != b.claim.negated && score >= LOOSE {
        let (neg, pos) = if a.claim.negated { (a, b) } else { (b, a) };
        conflicts.push(format!(
            "{} denies what {} asserts: “{}”.",
            neg.name,
            pos.name,
            excerpt(&neg.claim.text)
        ));
    }

    // Numbers for the same quantity.
    let mut figures_compared = false;
    for qa in &a.features.quantities {
        for qb in b.features.quantities.iter().filter(|q| q.unit == qa.unit) {
            figures_compared = true;
            if qa.value == qb.value {
                continue;
            }
            let relative = (qa.value - qb.value).abs() / qa.value.abs().max(qb.value.abs());
            if (qa.approximate || qb.approximate) && relative <= APPROX_TOLERANCE {
                partials.push(format!(
                    "The figures differ within an approximation: {} gives “{}”, {} “{}”.",
                    a.name, qa.text, b.name, qb.text
                ));
            } else {
                conflicts.push(format!(
                    "Different figures for the same quantity: {} gives “{}”, {} “{}”.",
                    a.name, qa.text, b.name, qb.text
                ));
            }
        }
    }
    if !figures_compared {
        for (with, without) in [(a, b), (b, a)] {
            if let Some(q) = with.features.quantities.first() {
                if without.features.quantities.is_empty() {
                    partials.push(format!("Only {} gives a figure: “{}”.", with.name, q.text));
                }
            }
        }
    }

    // Timing.
    match (&a.claim.when, &b.claim.when) {
        (Some(wa), Some(wb)) => {
            if let Some((deadline, late)) = overrun(wa, wb) {
                let (by, runs) = if std::ptr::eq(deadline, wa) {
                    (a, b)
                } else {
                    (b, a)
                };
                conflicts.push(format!(
                    "Different dates for the same event: {} has it done {}, {} has it run until {}.",
                    by.name,
                    describe(deadline),
                    runs.name,
                    late
                ));
            } else if disjoint(wa, wb) {
                conflicts.push(format!(
                    "Different dates for the same event: {} {}, {} {}.",
                    a.name,
                    describe(wa),
                    b.name,
                    describe(wb)
                ));
            } else if wa.certainty != wb.certainty {
                let precise = [(a, wa), (b, wb)]
                    .into_iter()
                    .find(|(_, w)| w.certainty == "exact");
                if let Some((side, w)) = precise {
                    partials.push(format!(
                        "{} is more precise about when: {}.",
                        side.name,
                        describe(w)
                    ));
                }
            }
        }
        (Some(w), None) | (None, Some(w)) => {
            let (dated, undated) = if a.claim.when.is_some() {
                (a, b)
            } else {
                (b, a)
            };
            partials.push(format!(
                "Only {} dates it ({}); {} gives no date.",
                dated.name,
                describe(w),
                undated.name
            ));
        }
        (None, None) => {}
    }

    // Contrary predicates, in the same frame of time.
    let same_frame =
        (a.claim.modality == Modality::Planned) == (b.claim.modality == Modality::Planned);
    if same_frame {
        let t = table();
        'outer: for x in a.features.own.iter().filter(|k| k.starts_with('~')) {
            for y in b.features.own.iter().filter(|k| k.starts_with('~')) {
                if t.contrary(x, y) && !b.features.own.contains(x) && !a.features.own.contains(y) {
                    conflicts.push(format!(
                        "Contrary predicates: {} says “{}”, {} says “{}”.",
                        a.name,
                        excerpt(&a.claim.text),
                        b.name,
                        excerpt(&b.claim.text)
                    ));
                    break 'outer;
                }
            }
        }
    }

    // Modality.
    if a.claim.modality != b.claim.modality {
        partials.push(format!(
            "{} {}; {} {}.",
            a.name,
            modality_phrase(a.claim.modality),
            b.name,
            modality_phrase(b.claim.modality)
        ));
    }

    // Attribution.
    match (&a.claim.attribution, &b.claim.attribution) {
        (Some(x), Some(y)) if !x.eq_ignore_ascii_case(y) => partials.push(format!(
            "Differently attributed: {} to {x}, {} to {y}.",
            a.name, b.name
        )),
        (Some(x), None) => partials.push(format!(
            "{} attributes it to {x}; {} states it in its own voice.",
            a.name, b.name
        )),
        (None, Some(y)) => partials.push(format!(
            "{} attributes it to {y}; {} states it in its own voice.",
            b.name, a.name
        )),
        _ => {}
    }

    // Degree and hedges.
    match (&a.features.degree, &b.features.degree) {
        (Some((da, wa)), Some((db, wb))) if da != db => partials.push(format!(
            "Different degree: {} says “{wa}”, {} says “{wb}”.",
            a.name, b.name
        )),
        (Some((Degree::Weak, w)), None) => {
            partials.push(format!("{} qualifies it: “{w}”.", a.name))
        }
        (None, Some((Degree::Weak, w))) => {
            partials.push(format!("{} qualifies it: “{w}”.", b.name))
        }
        _ => {}
    }
    for (side, other) in [(a, b), (b, a)] {
        let own: Vec<&String> = side
            .features
            .hedges
            .iter()
            .filter(|h| !other.features.hedges.contains(h))
            .collect();
        if let Some(h) = own.first() {
            if side.claim.modality != Modality::Hedged {
                partials.push(format!("{} hedges it: “{h}”.", side.name));
            }
        }
    }

    // Specificity: what one side adds that the other lacks.
    let only_a = novel(a.features, b.features);
    let only_b = novel(b.features, a.features);
    match (only_a, only_b) {
        (0, 0) => {}
        (0, _) => partials.push(more_specific(b, a)),
        (_, 0) => partials.push(more_specific(a, b)),
        // One differing word each is a paraphrase; more is a different angle.
        (x, y) if x + y > 2 && score < SAME_ANGLE && partials.is_empty() => {
            if let (Some(pa), Some(pb)) = (
                novel_phrase(a.statement, b.features),
                novel_phrase(b.statement, a.features),
            ) {
                partials.push(format!(
                    "Each adds something: {} “{}”, {} “{}”.",
                    a.name,
                    excerpt(&pa),
                    b.name,
                    excerpt(&pb)
                ));
            }
        }
        _ => {}
    }

    if !conflicts.is_empty() {
        conflicts.extend(partials);
        return (Verdict::Conflict, conflicts);
    }
    let shared = shared_words(a, b);
    if score < LOOSE {
        partials.insert(
            0,
            format!(
                "Only loosely related: they share {}.",
                describe_shared(&shared)
            ),
        );
        return (Verdict::Partial, partials);
    }
    if partials.is_empty() {
        let reason = if a.claim.text == b.claim.text {
            "Both accounts say this in the same words.".to_string()
        } else {
            format!(
                "Both accounts state the same fact ({}).",
                describe_shared(&shared)
            )
        };
        return (Verdict::Agree, vec![reason]);
    }
    partials.insert(
        0,
        format!("Same subject ({}), but:", describe_shared(&shared)),
    );
    (Verdict::Partial, partials)
}

/// The reason naming what makes `wide` more specific than `narrow`.
fn more_specific(wide: &Side<'_>, narrow: &Side<'_>) -> String {
    match novel_phrase(wide.statement, narrow.features) {
        Some(words) => format!("{} is more specific: “{}”.", wide.name, excerpt(&words)),
        None => format!("{} is more specific.", wide.name),
    }
}

/// The longest run of `text`'s terms that `other` lacks (only function words
/// between them), widened to the function words before it: `along the main
/// highways`.
fn novel_phrase(text: &str, other: &Features<'_>) -> Option<String> {
    let words = crate::text::words(text, 0..text.len());
    let terms = table().terms(&words);
    let is_novel = |t: &crate::paraphrase::Term| {
        !other.own.contains(&t.key) && !other.context.contains(&t.key)
    };
    // Runs of consecutive novel terms: (first word, last word + 1, count).
    let mut best: Option<(usize, usize, usize)> = None;
    let mut run: Option<(usize, usize, usize)> = None;
    for term in &terms {
        if is_novel(term) {
            run = Some(match run {
                Some((start, _, n)) => (start, term.words.end, n + 1),
                None => (term.words.start, term.words.end, 1),
            });
        } else {
            run = None;
        }
        if let Some(r) = run {
            if best.is_none_or(|b| r.2 > b.2) {
                best = Some(r);
            }
        }
    }
    let (first, end, _) = best?;
    let mut start = first;
    while start > 0 && first - start < 3 && crate::lexicon::is_stopword(words.get(start - 1)?.text)
    {
        start -= 1;
    }
    text.get(words.get(start)?.range.start..words.get(end.checked_sub(1)?)?.range.end)
        .map(str::to_string)
}

/// How many of `x`'s own content terms the other claim has nowhere.
fn novel(x: &Features<'_>, y: &Features<'_>) -> usize {
    x.own
        .iter()
        .filter(|k| !y.own.contains(k) && !y.context.contains(k))
        .count()
}

/// The words both claims use for what they share, as A writes them
/// (concepts first: they say most about what the claims share).
fn shared_words(a: &Side<'_>, b: &Side<'_>) -> Vec<String> {
    let words = crate::text::words(a.statement, 0..a.statement.len());
    let mut terms = table().terms(&words);
    terms.sort_by_key(|t| !t.key.starts_with('~'));
    let mut out: Vec<String> = Vec::new();
    for term in terms {
        if !b.features.own.contains(&term.key) {
            continue;
        }
        let surface = words
            .get(term.words.start)
            .zip(words.get(term.words.end.saturating_sub(1)))
            .and_then(|(first, last)| a.statement.get(first.range.start..last.range.end));
        if let Some(surface) = surface {
            let surface = surface.to_lowercase();
            if !out.contains(&surface) {
                out.push(surface);
            }
        }
    }
    out.truncate(4);
    out
}

fn describe_shared(shared: &[String]) -> String {
    if shared.is_empty() {
        "the same topic".to_string()
    } else {
        shared.join(", ")
    }
}

fn modality_phrase(m: Modality) -> &'static str {
    match m {
        Modality::Asserted => "states it as fact",
        Modality::Reported => "reports it as someone's word",
        Modality::Planned => "presents it as planned",
        Modality::Hedged => "hedges it",
        Modality::Conditional => "makes it conditional",
    }
}

/// A claim's text cut to a readable length.
fn excerpt(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= 80 {
        return flat;
    }
    let cut: String = flat.chars().take(77).collect();
    format!("{}…", cut.trim_end())
}

fn describe(w: &When) -> String {
    match (&w.begin, &w.end) {
        (Some(b), Some(e)) if b == e => format!("on {b}"),
        (Some(b), Some(e)) => format!("between {b} and {e}"),
        (Some(b), None) => format!("from {b}"),
        (None, Some(e)) => format!("by {e}"),
        (None, None) => "at an unstated time".to_string(),
    }
}

/// A deadline (`by March 4`: no begin, a known end) against an interval on
/// the other side that runs past it (`will take three weeks` from 1 March):
/// the deadline and the later end.
fn overrun<'w>(x: &'w When, y: &'w When) -> Option<(&'w When, String)> {
    let known = |v: &Option<String>| {
        v.as_deref()
            .filter(|s| s.len() == 10 && s.as_bytes()[0].is_ascii_digit() && !s.contains('X'))
            .map(str::to_string)
    };
    for (deadline, other) in [(x, y), (y, x)] {
        if deadline.begin.is_some() || other.begin.is_none() {
            continue;
        }
        if let (Some(due), Some(end)) = (known(&deadline.end), known(&other.end)) {
            if end > due {
                return Some((deadline, end));
            }
        }
    }
    None
}

/// Whether two intervals of ISO values cannot overlap. Values of unequal
/// precision compare by their common prefix (`2022-01` contains `2022-01-13`);
/// values with unknown parts (`XXXX-01-19`) or references (`FUTURE_REF`) never
/// prove a conflict.
fn disjoint(x: &When, y: &When) -> bool {
    let known = |v: &Option<String>| {
        v.as_deref()
            .filter(|s| s.as_bytes().first().is_some_and(u8::is_ascii_digit) && !s.contains('X'))
            .map(str::to_string)
    };
    let before = |end: &str, begin: &str| {
        // `end` is wholly before `begin` at the precision both share.
        let n = end.len().min(begin.len());
        end.get(..n) < begin.get(..n)
    };
    match (
        known(&x.begin),
        known(&x.end),
        known(&y.begin),
        known(&y.end),
    ) {
        (_, Some(xe), Some(yb), _) if before(&xe, &yb) => true,
        (Some(xb), _, _, Some(ye)) if before(&ye, &xb) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when(b: &str, e: &str) -> When {
        When {
            begin: Some(b.into()),
            end: Some(e.into()),
            certainty: "exact".into(),
        }
    }

    #[test]
    fn intervals() {
        let cases = [
            (
                when("2022-01-13", "2022-01-13"),
                when("2022-01-19", "2022-01-19"),
                true,
            ),
            (
                when("2022-01-13", "2022-01-13"),
                when("2022-01", "2022-01"),
                false,
            ),
            (
                when("2022-01-10", "2022-01-20"),
                when("2022-01-19", "2022-01-19"),
                false,
            ),
            (
                when("XXXX-01-13", "XXXX-01-13"),
                when("2022-01-19", "2022-01-19"),
                false,
            ),
            (
                when("2023-03-01", "2023-03-22"),
                when("2023-03-04", "2023-03-04"),
                false,
            ),
            (
                when("2023-03-22", "2023-03-22"),
                when("2023-03-01", "2023-03-04"),
                true,
            ),
        ];
        for (x, y, expected) in cases {
            assert_eq!(disjoint(&x, &y), expected, "{x:?} {y:?}");
            assert_eq!(disjoint(&y, &x), expected, "{y:?} {x:?}");
        }
    }

    #[test]
    fn excerpts_are_short() {
        assert_eq!(excerpt("a  b\nc"), "a b c");
        assert!(excerpt(&"word ".repeat(50)).chars().count() <= 78);
    }
}
