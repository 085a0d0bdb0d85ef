//! Entities, aliases and topics on the seed reports (issue #3).

mod common;

use claimdiff::report::{Claim, EntityKind, EntityMention};
use claimdiff::{compare, Comparison, Document, Options};
use common::{SEED_A, SEED_B};

fn seeds_with(options: &Options) -> Comparison {
    compare(&Document::new(SEED_A), &Document::new(SEED_B), options).unwrap()
}

fn seeds() -> Comparison {
    seeds_with(&Options::default())
}

/// Every entity mention of some claims whose words are exactly `words`.
fn mentions<'r>(claims: &'r [Claim], words: &str) -> Vec<&'r EntityMention> {
    claims
        .iter()
        .flat_map(|c| &c.entities)
        .filter(|m| m.text == words)
        .collect()
}

/// The one key all mentions of `words` carry.
fn key_of(claims: &[Claim], words: &str) -> String {
    let found = mentions(claims, words);
    assert!(!found.is_empty(), "no mention of {words:?}");
    let key = found[0].key.clone();
    assert!(
        found.iter().all(|m| m.key == key),
        "{words:?} has several keys: {found:?}"
    );
    key
}

/// The first claim whose text contains `words`.
fn claim<'r>(claims: &'r [Claim], words: &str) -> &'r Claim {
    claims
        .iter()
        .find(|c| c.text.contains(words))
        .unwrap_or_else(|| panic!("no claim contains {words:?}"))
}

#[test]
fn alma_ata_and_almaty_carry_one_key() {
    let result = seeds();
    let b = &result.b.claims;
    assert_eq!(key_of(b, "Alma-Ata"), key_of(b, "Almaty"));
    assert_eq!(key_of(&result.a.claims, "Almaty"), key_of(b, "Alma-Ata"));
}

#[test]
fn head_of_state_and_tokayev_carry_one_key() {
    let result = seeds();
    let a = &result.a.claims;
    let tokayev = key_of(a, "Tokayev");
    assert_eq!(key_of(a, "Head of State"), tokayev);
    assert_eq!(key_of(a, "Kassym-Jomart Tokayev"), tokayev);
    assert_eq!(key_of(a, "President"), tokayev);
    // B never names him, but its `President of Kazakhstan` is the office A
    // says he holds.
    assert_eq!(key_of(&result.b.claims, "President"), tokayev);
}

#[test]
fn the_peacekeepers_are_one_group_under_all_their_names() {
    let result = seeds();
    let (a, b) = (&result.a.claims, &result.b.claims);
    let csto = key_of(a, "CSTO peacekeeping contingent");
    for words in [
        "CSTO peacekeeping forces",
        "CSTO peacekeepers",
        "collective peacekeeping forces of the CSTO",
        "peacekeeping units",
        "peacekeepers",
        "peacekeeping contingent",
    ] {
        let claims = if mentions(a, words).is_empty() { b } else { a };
        assert_eq!(key_of(claims, words), csto, "{words}");
    }
}

#[test]
fn surnames_and_titles_refer_back_within_an_account() {
    let result = seeds();
    let b = &result.b.claims;
    assert_eq!(key_of(b, "Beisenbaeva"), key_of(b, "Rizagul Beisenbaeva"));
    assert_eq!(key_of(b, "captain"), key_of(b, "Denis Ivanov"));
    assert_eq!(key_of(b, "officer"), key_of(b, "Denis Ivanov"));
    assert_eq!(key_of(b, "Kocharyan"), key_of(b, "Seyran Kocharyan"));
    let a = &result.a.claims;
    assert_eq!(key_of(a, "Sagintayev"), key_of(a, "Bakytzhan Sagintayev"));
}

#[test]
fn groups_keep_their_framing_apart() {
    let result = seeds();
    let terrorists = key_of(&result.a.claims, "terrorists");
    let looters = key_of(&result.b.claims, "looters");
    assert_ne!(terrorists, looters);
    for words in ["terrorists", "looters"] {
        let claims = if words == "terrorists" {
            &result.a.claims
        } else {
            &result.b.claims
        };
        assert!(mentions(claims, words)
            .iter()
            .all(|m| m.kind == EntityKind::Group));
    }
}

#[test]
fn facilities_are_a_kind_and_refer_back() {
    let result = seeds();
    let b = &result.b.claims;
    let plant = key_of(b, "Aksai bakery plant");
    assert_eq!(
        mentions(b, "Aksai bakery plant")[0].kind,
        EntityKind::Facility
    );
    assert_eq!(key_of(b, "factory"), plant);
    assert_eq!(key_of(b, "enterprise"), plant);
    assert_eq!(
        mentions(b, "Kazakhtelecom’s offices")[0].kind,
        EntityKind::Facility
    );
}

#[test]
fn internet_and_withdrawal_topics() {
    let result = seeds();
    let internet = claim(&result.b.claims, "The Internet started working");
    assert!(internet.topics.contains(&"services.internet".to_string()));
    assert!(internet.topics.contains(&"services".to_string()));
    let withdrawing = claim(&result.a.claims, "will start withdrawing");
    assert!(withdrawing.topics.contains(&"withdrawal".to_string()));
    // Not every `leave` is a withdrawal.
    let bread = claim(&result.b.claims, "not to leave people without bread");
    assert!(!bread.topics.contains(&"withdrawal".to_string()));
}

#[test]
fn the_topic_list_has_labels_in_display_order() {
    let result = seeds();
    let keys: Vec<&str> = result.topics.iter().map(|t| t.key.as_str()).collect();
    assert_eq!(&keys[..2], ["withdrawal", "services"]);
    assert_eq!(result.topics[0].label, "Withdrawal timing");
    let used = result
        .a
        .claims
        .iter()
        .chain(&result.b.claims)
        .flat_map(|c| &c.topics)
        .chain(result.pairs.iter().flat_map(|p| &p.topics));
    for key in used {
        assert!(keys.contains(&key.as_str()), "{key} not in the topic list");
    }
    for topic in &result.topics {
        if let Some(parent) = &topic.parent {
            let at = |k: &str| keys.iter().position(|&x| x == k).unwrap();
            assert!(
                at(parent) < at(&topic.key),
                "{} before its parent",
                topic.key
            );
        }
    }
    let by_topic: Vec<&str> = result
        .summary
        .by_topic
        .iter()
        .map(|t| t.topic.as_str())
        .collect();
    assert_eq!(by_topic, keys);
}

#[test]
fn callers_extend_aliases_and_topics_through_options() {
    let options = Options::from_json(
        r#"{
            "aliases": [{"key": "aksai", "kind": "facility", "names": ["Aksai bakery plant"]}],
            "topics": [{"key": "bread", "label": "Bread", "parent": "services.food",
                        "terms": ["bread"]}]
        }"#,
    )
    .unwrap();
    let result = seeds_with(&options);
    assert_eq!(key_of(&result.b.claims, "Aksai bakery plant"), "aksai");
    let bread = claim(&result.b.claims, "focused only on bread production");
    assert_eq!(bread.topics, ["services", "services.food", "bread"]);
    let info = result.topics.iter().find(|t| t.key == "bread").unwrap();
    assert_eq!(info.parent.as_deref(), Some("services.food"));

    for bad in [
        r#"{"aliases": [{"key": "x", "kind": "planet", "names": ["X"]}]}"#,
        r#"{"topics": [{"key": "x", "parent": "nowhere", "terms": ["x"]}]}"#,
        r#"{"topics": [{"key": "x", "terms": ["x"], "colour": "red"}]}"#,
    ] {
        let error = Options::from_json(bad).unwrap_err();
        assert_eq!(error.kind_name(), "bad-options", "{bad}");
    }
}
