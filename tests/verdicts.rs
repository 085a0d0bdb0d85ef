//! Verdicts on pairs of one-sentence accounts of other events, in several
//! outlets' styles: each case names the expected verdict and a word its
//! reasons must contain.

use claimdiff::{compare, Document, Options, Verdict};

struct Case {
    name: &'static str,
    a: &'static str,
    date_a: Option<&'static str>,
    b: &'static str,
    date_b: Option<&'static str>,
    verdict: Verdict,
    /// A fragment the reasons must contain (case-insensitive).
    reason: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "same fact, same words",
        a: "The Zeller bridge reopened to traffic on Monday.",
        date_a: None,
        b: "The Zeller bridge reopened to traffic on Monday.",
        date_b: None,
        verdict: Verdict::Agree,
        reason: "same words",
    },
    Case {
        name: "same fact, paraphrased (wire vs local paper)",
        a: "Rescuers pulled out of the flooded Dunmore valley after the waters receded.",
        date_a: None,
        b: "Rescuers withdrew from the flooded Dunmore valley after the waters receded.",
        date_b: None,
        verdict: Verdict::Agree,
        reason: "same fact",
    },
    Case {
        name: "numbers conflict (tabloid vs agency)",
        a: "Twelve workers were injured in the blast at the Korvex plant.",
        date_a: None,
        b: "The blast at the Korvex plant injured 15 workers.",
        date_b: None,
        verdict: Verdict::Conflict,
        reason: "figures",
    },
    Case {
        name: "approximate numbers stay compatible",
        a: "About 300 buses returned to the Lisbon routes.",
        date_a: None,
        b: "Some 310 buses returned to the Lisbon routes.",
        date_b: None,
        verdict: Verdict::Partial,
        reason: "approximation",
    },
    Case {
        name: "numbers conflict beyond approximation",
        a: "About 300 buses returned to the Lisbon routes.",
        date_a: None,
        b: "450 buses returned to the Lisbon routes.",
        date_b: None,
        verdict: Verdict::Conflict,
        reason: "300",
    },
    Case {
        name: "negation conflict",
        a: "The Aksai bakery did not stop production during the riots.",
        date_a: None,
        b: "The Aksai bakery stopped production during the riots.",
        date_b: None,
        verdict: Verdict::Conflict,
        reason: "denies",
    },
    Case {
        name: "degree differs (actively vs gradually)",
        a: "Life in Osh is actively returning to normal.",
        date_a: None,
        b: "Life in Osh is gradually returning to normal.",
        date_b: None,
        verdict: Verdict::Partial,
        reason: "degree",
    },
    Case {
        name: "contrary predicates",
        a: "Hungarian peacekeepers began to leave the Brcko district.",
        date_a: None,
        b: "Hungarian peacekeepers continue to stay in the Brcko district.",
        date_b: None,
        verdict: Verdict::Conflict,
        reason: "contrary",
    },
    Case {
        name: "one more specific",
        a: "Public transport was launched in Tbilisi.",
        date_a: None,
        b: "Public transport was launched along the main highways of Tbilisi.",
        date_b: None,
        verdict: Verdict::Partial,
        reason: "more specific",
    },
    Case {
        name: "dates conflict (state agency vs wire)",
        a: "The truce in Dunmore takes effect on March 5.",
        date_a: Some("2023-03-01"),
        b: "The truce in Dunmore takes effect on March 9.",
        date_b: Some("2023-03-01"),
        verdict: Verdict::Conflict,
        reason: "2023-03-09",
    },
    Case {
        name: "a deadline against a duration that overruns it",
        a: "The repairs to the Zeller bridge will be finished by March 4.",
        date_a: Some("2023-03-01"),
        b: "The repairs to the Zeller bridge will take three weeks from today.",
        date_b: Some("2023-03-01"),
        verdict: Verdict::Conflict,
        reason: "2023-03-22",
    },
    Case {
        name: "one dated, one not (tomorrow vs soon)",
        a: "Russian troops will start leaving the Osh district tomorrow.",
        date_a: Some("2022-01-12"),
        b: "Russian troops will soon leave the Osh district.",
        date_b: None,
        verdict: Verdict::Partial,
        reason: "A is more precise about when",
    },
];

#[test]
fn verdict_table() {
    let mut failures = Vec::new();
    for case in CASES {
        let mut a = Document::new(case.a);
        if let Some(d) = case.date_a {
            a = a.with_date(d);
        }
        let mut b = Document::new(case.b);
        if let Some(d) = case.date_b {
            b = b.with_date(d);
        }
        let result = compare(&a, &b, &Options::default()).unwrap();
        let Some(pair) = result.pairs.first() else {
            failures.push(format!("{}: not aligned", case.name));
            continue;
        };
        let reasons = pair.reasons.join(" ").to_lowercase();
        if pair.verdict != case.verdict || !reasons.contains(&case.reason.to_lowercase()) {
            failures.push(format!(
                "{}: got {:?} {:?}, want {:?} with “{}”",
                case.name, pair.verdict, pair.reasons, case.verdict, case.reason
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
