//! The state of public services as each account tells it: for every service
//! (a sub-topic of `services`: internet, transport, payments …) whether the
//! account says it is restored, is to be restored, is disrupted, or only
//! mentions it, and in which claims.
//!
//! A claim's state comes from its own words and its shared predicate (a list
//! item `markets` takes `are getting back up and running` from its
//! sentence): restoration words (`resumed`, `reopened`, `launched`, `back up
//! and running`, `began to accept`) against disruption words (`cut off`,
//! `suspended`, `closed`, `outage`). A negation turns one into the other
//! (`the internet is not working`), and a planned claim (`will reopen`) is
//! "planned", not done. An account that says both of one service (`buses run
//! on the main roads, the metro is still closed`) is "mixed".

use std::ops::Range;
use std::rc::Rc;

use crate::lexicon::{lexeme, stem};
use crate::report::{Claim, Modality, ServiceRow, ServiceState, ServiceStatus, TopicInfo};
use crate::text::Segmented;

/// Phrases that say a service works again, as words in a row; each word is
/// compared by its stem, so `reopen` also finds `reopened` and `reopening`.
const RESTORED: &[&str] = &[
    "restored",
    "resumed",
    "reopened",
    "reopen",
    "relaunched",
    "launched",
    "running",
    "working",
    "work",
    "operating",
    "operate",
    "functioning",
    "function",
    "open",
    "opening",
    "available",
    "accept",
    "back online",
    "back to normal",
    "back up",
    "returned",
    "return",
    "restart",
    "recovered",
    "normal",
    "normalised",
    "normalized",
    "stable",
];

/// Phrases that say a service does not work.
const DISRUPTED: &[&str] = &[
    "cut off",
    "cut",
    "shut down",
    "shutdown",
    "suspended",
    "suspend",
    "halted",
    "halt",
    "closed",
    "close",
    "blocked",
    "block",
    "outage",
    "outages",
    "disrupted",
    "disruption",
    "interrupted",
    "interruption",
    "unavailable",
    "down",
    "stopped",
    "shortage",
    "shortages",
    "queues",
    "looted",
];

/// What one claim says of the services it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Said {
    Restored,
    Planned,
    Disrupted,
    Mentioned,
}

/// The phrase tables as stems, word by word.
struct Cues {
    restored: Phrases,
    disrupted: Phrases,
}

fn cues() -> &'static Cues {
    static CELL: std::sync::OnceLock<Cues> = std::sync::OnceLock::new();
    CELL.get_or_init(|| Cues {
        restored: Phrases::new(RESTORED),
        disrupted: Phrases::new(DISRUPTED),
    })
}

/// Whether one of `phrases` occurs in `stems`, word for word.
fn has_phrase(stems: &[Rc<str>], phrases: &Phrases) -> bool {
    (0..stems.len()).any(|i| {
        let rest = stems.get(i..).unwrap_or_default();
        rest.first()
            .and_then(|first| phrases.by_first.get(&**first))
            .is_some_and(|found| {
                found.iter().any(|phrase| {
                    phrase.len() <= rest.len()
                        && phrase.iter().zip(rest).all(|(p, r)| p.as_str() == &**r)
                })
            })
    })
}

/// Cue phrases as stems, by their first stem.
struct Phrases {
    by_first: rustc_hash::FxHashMap<String, Vec<Vec<String>>>,
}

impl Phrases {
    fn new(list: &[&str]) -> Phrases {
        let mut by_first: rustc_hash::FxHashMap<String, Vec<Vec<String>>> = Default::default();
        for phrase in list {
            let stems: Vec<String> = phrase.split(' ').map(stem).collect();
            if let Some(first) = stems.first() {
                by_first.entry(first.clone()).or_default().push(stems);
            }
        }
        Phrases { by_first }
    }
}

/// What a claim says of the services it names, read from the claim and its
/// predicate (offsets are bytes into `segmented`'s text).
fn said(segmented: &Segmented<'_>, claim: &Claim) -> Said {
    let text = segmented.text();
    let own: Range<usize> = claim.start..claim.end;
    let predicate = claim.predicate.as_ref().map(|p| p.start..p.end);
    // The stems as the lexicon holds them: no copy of each.
    let mut stems: Vec<Rc<str>> = Vec::new();
    for r in std::iter::once(own).chain(predicate) {
        if r.start <= r.end && text.get(r.clone()).is_some() {
            stems.extend(segmented.words(r).iter().map(|w| lexeme(w.text).stem));
        }
    }
    let cues = cues();
    let restored = has_phrase(&stems, &cues.restored);
    let disrupted = has_phrase(&stems, &cues.disrupted);
    let works = match (restored, disrupted, claim.negated) {
        (true, false, negated) => Some(!negated),
        (false, true, negated) => Some(negated),
        // A denied stop of the work: `did not stop its work`, `never closed`.
        (true, true, true) => Some(true),
        // Neither, or both undenied: the claim does not say which way it went.
        _ => None,
    };
    match (works, claim.modality) {
        (Some(true), Modality::Planned | Modality::Conditional) => Said::Planned,
        (Some(true), _) => Said::Restored,
        (Some(false), Modality::Planned | Modality::Conditional) => Said::Mentioned,
        (Some(false), _) => Said::Disrupted,
        (None, _) => Said::Mentioned,
    }
}

/// One account's state of one service, from what its claims say: the
/// claims are indices into `account`'s, whose `said` is read once per claim
/// and kept in `cache` for the other services the claim names.
fn state(
    (segmented, all): (&Segmented<'_>, &[Claim]),
    claims: &[usize],
    cache: &mut [Option<Said>],
) -> Option<ServiceState> {
    if claims.is_empty() {
        return None;
    }
    let said: Vec<Said> = claims
        .iter()
        .filter_map(|&i| {
            let claim = all.get(i)?;
            let slot = cache.get_mut(i)?;
            Some(*slot.get_or_insert_with(|| said(segmented, claim)))
        })
        .collect();
    let has = |s: Said| said.contains(&s);
    let status = match (has(Said::Restored), has(Said::Disrupted)) {
        (true, true) => ServiceStatus::Mixed,
        (true, false) => ServiceStatus::Restored,
        (false, true) => ServiceStatus::Disrupted,
        (false, false) if has(Said::Planned) => ServiceStatus::Planned,
        (false, false) => ServiceStatus::Mentioned,
    };
    Some(ServiceState {
        status,
        claims: claims
            .iter()
            .filter_map(|&i| all.get(i))
            .map(|c| c.id.clone())
            .collect(),
    })
}

/// The services either account speaks of, in the taxonomy's order, with
/// each account's state. `topics` are the result's topics; offsets of the
/// claims are still bytes into the texts `a.0` and `b.0` hold.
pub(crate) fn services(
    topics: &[TopicInfo],
    a: (&Segmented<'_>, &[Claim]),
    b: (&Segmented<'_>, &[Claim]),
) -> Vec<ServiceRow> {
    let mut said_a = vec![None; a.1.len()];
    let mut said_b = vec![None; b.1.len()];
    topics
        .iter()
        .filter(|t| t.parent.as_deref() == Some("services"))
        .map(|t| ServiceRow {
            topic: t.key.clone(),
            a: state(a, &about(a.1, &t.key), &mut said_a),
            b: state(b, &about(b.1, &t.key), &mut said_b),
        })
        .filter(|row| row.a.is_some() || row.b.is_some())
        .collect()
}

/// The claims (their indices) that speak of the topic `key`.
fn about(claims: &[Claim], key: &str) -> Vec<usize> {
    claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.topics.iter().any(|t| t == key))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compare, Document, Options};

    fn status_of(text: &str, service: &str) -> Option<ServiceStatus> {
        let result = compare(
            &Document::new(text),
            &Document::new("Nothing here."),
            &Options::default(),
        )
        .expect("compares");
        result
            .services
            .iter()
            .find(|row| row.topic == service)
            .and_then(|row| row.a.as_ref())
            .map(|s| s.status)
    }

    #[test]
    fn states_follow_the_words_negation_and_modality() {
        use ServiceStatus::*;
        let cases: &[(&str, &str, Option<ServiceStatus>)] = &[
            (
                "Public transport was launched along the main highways.",
                "services.transport",
                Some(Restored),
            ),
            (
                "The Internet started working in the city.",
                "services.internet",
                Some(Restored),
            ),
            (
                "Stores began to accept payment by card.",
                "services.payments",
                Some(Restored),
            ),
            (
                "The internet was cut off across the region.",
                "services.internet",
                Some(Disrupted),
            ),
            (
                "The internet is not working in the city.",
                "services.internet",
                Some(Disrupted),
            ),
            (
                "The metro will reopen on Monday.",
                "services.transport",
                Some(Planned),
            ),
            (
                "Buses are running on the main roads. The metro remains closed.",
                "services.transport",
                Some(Mixed),
            ),
            (
                "The bakery did not stop its work even during the riots.",
                "services.food",
                Some(Restored),
            ),
            (
                "The mayor spoke about public transport.",
                "services.transport",
                Some(Mentioned),
            ),
            (
                "The mayor spoke about the weather.",
                "services.transport",
                None,
            ),
        ];
        for (text, service, expected) in cases {
            assert_eq!(status_of(text, service), *expected, "{text}");
        }
    }

    #[test]
    fn list_items_take_the_state_of_their_shared_predicate() {
        let text = "Trade and catering facilities, markets, financial sector as well as \
                    logistics, including public transport, are getting back up and running.";
        for service in ["services.retail", "services.payments", "services.transport"] {
            assert_eq!(
                status_of(text, service),
                Some(ServiceStatus::Restored),
                "{service}"
            );
        }
    }
}
