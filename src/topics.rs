//! Topics: what a claim is about, from a taxonomy of news of crises and their
//! aftermath (`data/topics.json`, documented in `data/README.md`) merged with
//! the caller's own topics.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

use crate::lexicon::terms;
use crate::options::TopicSpec;
use crate::report::{Comparison, Counts, TopicCounts, TopicInfo, Verdict};
use crate::text::Word;

/// How much a phrase says about its topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strength {
    /// Enough on its own.
    Term,
    /// Enough only with a context phrase of the same topic.
    Weak,
    /// Makes weak phrases count.
    Context,
}

/// A phrase as a run of stems.
#[derive(Debug, Clone)]
struct Phrase {
    stems: Vec<String>,
    topic: usize,
    strength: Strength,
}

/// A topic ready for display.
#[derive(Debug, Clone)]
struct Topic {
    key: String,
    label: String,
    parent: Option<usize>,
}

/// The taxonomy, compiled for matching: topics in display order (each root
/// followed by its sub-topics) and their phrases indexed by first stem.
#[derive(Debug, Clone)]
pub(crate) struct Taxonomy {
    topics: Vec<Topic>,
    phrases: HashMap<String, Vec<Phrase>>,
}

impl Taxonomy {
    /// The built-in taxonomy merged with `extra` (the caller's topics), or
    /// why `extra` cannot be used. Without extras, the built-in taxonomy is
    /// compiled once and shared.
    pub(crate) fn with(extra: &[TopicSpec]) -> Result<Cow<'static, Taxonomy>, String> {
        static DEFAULT: OnceLock<Taxonomy> = OnceLock::new();
        if extra.is_empty() {
            return Ok(Cow::Borrowed(DEFAULT.get_or_init(|| {
                Taxonomy::build(&default_specs(), &[])
                    .expect("data/topics.json is valid (checked by the tests)")
            })));
        }
        Taxonomy::build(&default_specs(), extra).map(Cow::Owned)
    }

    fn build(defaults: &[TopicSpec], extra: &[TopicSpec]) -> Result<Taxonomy, String> {
        let specs = merge(defaults, extra)?;
        let index: HashMap<&str, usize> = specs
            .iter()
            .enumerate()
            .map(|(n, spec)| (spec.key.as_str(), n))
            .collect();
        let mut parents = Vec::with_capacity(specs.len());
        for spec in &specs {
            let parent = match &spec.parent {
                None => None,
                Some(key) => Some(*index.get(key.as_str()).ok_or_else(|| {
                    format!("topic {:?} has an unknown parent {key:?}", spec.key)
                })?),
            };
            parents.push(parent);
        }
        let order = display_order(&parents)
            .ok_or_else(|| "the topics' parents form a cycle".to_string())?;
        let position: HashMap<usize, usize> =
            order.iter().enumerate().map(|(pos, &n)| (n, pos)).collect();

        let mut topics = Vec::with_capacity(specs.len());
        let mut phrases: HashMap<String, Vec<Phrase>> = HashMap::default();
        for (pos, &n) in order.iter().enumerate() {
            let spec = &specs[n];
            topics.push(Topic {
                key: spec.key.clone(),
                label: spec.label.clone().unwrap_or_else(|| spec.key.clone()),
                parent: parents[n].and_then(|p| position.get(&p).copied()),
            });
            for (list, strength) in [
                (&spec.terms, Strength::Term),
                (&spec.weak, Strength::Weak),
                (&spec.context, Strength::Context),
            ] {
                for phrase in list {
                    let stems: Vec<String> = terms(phrase, 0..phrase.len())
                        .into_iter()
                        .map(|t| t.stem.to_string())
                        .collect();
                    let Some(first) = stems.first() else {
                        return Err(format!(
                            "topic {:?}: {phrase:?} has no content words",
                            spec.key
                        ));
                    };
                    phrases.entry(first.clone()).or_default().push(Phrase {
                        stems,
                        topic: pos,
                        strength,
                    });
                }
            }
        }
        Ok(Taxonomy { topics, phrases })
    }

    /// The keys of the topics of several parts of one claim (a list item and
    /// the predicate it shares), in display order; a sub-topic brings its
    /// parent. Phrases match within a
    /// part; a weak term in one part counts with context in another.
    #[cfg(test)]
    pub(crate) fn classify_parts(
        &self,
        text: &str,
        parts: &[std::ops::Range<usize>],
    ) -> Vec<String> {
        let words: Vec<Vec<Word<'_>>> = parts
            .iter()
            .map(|part| crate::text::words(text, part.clone()))
            .collect();
        let parts: Vec<&[Word<'_>]> = words.iter().map(Vec::as_slice).collect();
        self.classify_words(&parts)
    }

    /// The topics of a claim's parts given by their words, as
    /// [`crate::text::words`] cuts them (see `classify_parts`, the same from
    /// text ranges, which the tests use): a sub-topic brings its parent;
    /// phrases match within a part; a weak term in one part counts with
    /// context in another.
    pub(crate) fn classify_words(&self, parts: &[&[Word<'_>]]) -> Vec<String> {
        let n = self.topics.len();
        // Four sets of topics, one bit each: a term, a weak term and a context
        // phrase found, then the topics on. On the stack for the built-in
        // taxonomy and any with at most 64 topics.
        let width = n.div_ceil(64).max(1);
        let mut small = [0u64; 4];
        let mut large = Vec::new();
        let bits: &mut [u64] = if width == 1 {
            &mut small
        } else {
            large.resize(4 * width, 0);
            &mut large
        };
        let longest = parts.iter().map(|p| p.len()).max().unwrap_or(0);
        let mut stems = Vec::with_capacity(longest);
        for part in parts {
            stems.clear();
            crate::lexicon::stems_of(part, &mut stems);
            self.mark(&stems, bits, width);
        }
        let get = |bits: &[u64], set: usize, k: usize| {
            bits.get(set * width + k / 64)
                .is_some_and(|word| word & (1 << (k % 64)) != 0)
        };
        for k in 0..n {
            let (term, weak, context) = (get(bits, 0, k), get(bits, 1, k), get(bits, 2, k));
            if term || (weak && context) {
                // Parents come before children, so at most one step per level.
                let mut at = Some(k);
                while let Some(k) = at {
                    if get(bits, 3, k) {
                        break;
                    }
                    if let Some(word) = bits.get_mut(3 * width + k / 64) {
                        *word |= 1 << (k % 64);
                    }
                    at = self.topics.get(k).and_then(|t| t.parent);
                }
            }
        }
        self.topics
            .iter()
            .enumerate()
            .filter(|&(k, _)| get(bits, 3, k))
            .map(|(_, topic)| topic.key.clone())
            .collect()
    }

    /// Marks which phrases of which strength each topic has in a part's
    /// `stems`: bit `topic` of set `strength` in `bits`, sets of `width` words.
    fn mark(&self, stems: &[std::rc::Rc<str>], bits: &mut [u64], width: usize) {
        for (i, stem) in stems.iter().enumerate() {
            let Some(candidates) = self.phrases.get(&**stem) else {
                continue;
            };
            let rest = stems.get(i..).unwrap_or_default();
            for phrase in candidates {
                // The first stem is the key just looked up.
                let matches = phrase.stems.len() <= rest.len()
                    && phrase
                        .stems
                        .iter()
                        .zip(rest)
                        .skip(1)
                        .all(|(s, t)| **s == **t);
                if !matches {
                    continue;
                }
                let at = phrase.strength as usize * width + phrase.topic / 64;
                if let (true, Some(word)) = (phrase.topic < self.topics.len(), bits.get_mut(at)) {
                    *word |= 1 << (phrase.topic % 64);
                }
            }
        }
    }

    /// The topics whose keys are in `used`, in display order, for the
    /// result's `topics` list.
    pub(crate) fn infos(&self, used: &HashSet<&str>) -> Vec<TopicInfo> {
        self.topics
            .iter()
            .filter(|topic| used.contains(topic.key.as_str()))
            .map(|topic| TopicInfo {
                key: topic.key.clone(),
                label: topic.label.clone(),
                parent: topic
                    .parent
                    .and_then(|p| self.topics.get(p))
                    .map(|p| p.key.clone()),
            })
            .collect()
    }

    /// The topics of an aligned pair: those both claims share, or, if they
    /// share none, those of either, in display order.
    pub(crate) fn pair_topics(&self, a: &[String], b: &[String]) -> Vec<String> {
        let shared: HashSet<&str> = a
            .iter()
            .filter(|key| b.contains(key))
            .map(String::as_str)
            .collect();
        let keys = if shared.is_empty() {
            a.iter().chain(b).map(String::as_str).collect()
        } else {
            shared
        };
        self.topics
            .iter()
            .filter(|topic| keys.contains(topic.key.as_str()))
            .map(|topic| topic.key.clone())
            .collect()
    }
}

/// Counts verdicts and one-sided claims per topic of `result.topics`.
pub(crate) fn counts_by_topic(result: &Comparison) -> Vec<TopicCounts> {
    // Claim ids are unique across both accounts (`a1`, `b1`).
    let topics_of: HashMap<&str, &[String]> = result
        .a
        .claims
        .iter()
        .chain(&result.b.claims)
        .map(|c| (c.id.as_str(), c.topics.as_slice()))
        .collect();
    let has =
        |id: &String, key: &String| topics_of.get(id.as_str()).is_some_and(|t| t.contains(key));
    result
        .topics
        .iter()
        .map(|info| {
            let key = &info.key;
            let mut counts = Counts::default();
            for pair in result.pairs.iter().filter(|p| p.topics.contains(key)) {
                match pair.verdict {
                    Verdict::Agree => counts.agree += 1,
                    Verdict::Partial => counts.partial += 1,
                    Verdict::Conflict => counts.conflict += 1,
                }
            }
            counts.only_a = result.only_a.iter().filter(|id| has(id, key)).count();
            counts.only_b = result.only_b.iter().filter(|id| has(id, key)).count();
            TopicCounts {
                topic: key.clone(),
                counts,
            }
        })
        .collect()
}

/// The built-in topic specs.
fn default_specs() -> Vec<TopicSpec> {
    crate::data::topics()
}

/// The defaults with the caller's specs merged over them: a known key gains
/// the new terms and takes a new label or parent; a new key is appended.
fn merge(defaults: &[TopicSpec], extra: &[TopicSpec]) -> Result<Vec<TopicSpec>, String> {
    let mut specs = defaults.to_vec();
    for spec in extra {
        if spec.key.trim().is_empty() {
            return Err("a topic has an empty key".to_string());
        }
        match specs.iter_mut().find(|s| s.key == spec.key) {
            Some(known) => {
                if spec.label.is_some() {
                    known.label.clone_from(&spec.label);
                }
                if spec.parent.is_some() {
                    known.parent.clone_from(&spec.parent);
                }
                known.terms.extend(spec.terms.iter().cloned());
                known.weak.extend(spec.weak.iter().cloned());
                known.context.extend(spec.context.iter().cloned());
            }
            None => specs.push(spec.clone()),
        }
    }
    Ok(specs)
}

/// Roots in their given order, each followed by its descendants; `None` if
/// some topics never get placed because their parents form a cycle.
fn display_order(parents: &[Option<usize>]) -> Option<Vec<usize>> {
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); parents.len()];
    let mut roots = Vec::new();
    for (n, parent) in parents.iter().enumerate() {
        match parent {
            Some(p) => children.get_mut(*p)?.push(n),
            None => roots.push(n),
        }
    }
    let mut order = Vec::with_capacity(parents.len());
    let mut stack: Vec<usize> = roots.into_iter().rev().collect();
    while let Some(n) = stack.pop() {
        order.push(n);
        stack.extend(children.get(n)?.iter().rev());
    }
    (order.len() == parents.len()).then_some(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topics_of(taxonomy: &Taxonomy, text: &str) -> Vec<String> {
        let whole = 0..text.len();
        taxonomy.classify_parts(text, std::slice::from_ref(&whole))
    }

    #[test]
    fn default_taxonomy_compiles_with_the_required_keys_first() {
        let taxonomy = Taxonomy::with(&[]).unwrap();
        let keys: Vec<&str> = taxonomy.topics.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(&keys[..3], ["withdrawal", "services", "services.transport"]);
        for key in [
            "services.internet",
            "services.payments",
            "services.retail",
            "services.utilities",
            "services.food",
            "security",
            "damage",
            "recovery",
            "restrictions",
            "casualties",
            "officials",
        ] {
            assert!(keys.contains(&key), "{key} missing");
        }
        assert_eq!(taxonomy.topics[0].label, "Withdrawal timing");
    }

    #[test]
    fn classifies_claims_of_other_events_and_styles() {
        let taxonomy = Taxonomy::with(&[]).unwrap();
        let cases: &[(&str, &[&str])] = &[
            // Wire style, another war.
            (
                "KYIV, March 30 (Reuters) - Russian troops began pulling out of the area around the airport.",
                &["withdrawal", "services", "services.transport"],
            ),
            // State-media style.
            (
                "The contingent will leave the republic after the handover of all sites.",
                &["withdrawal"],
            ),
            // `leave` without troops is not a withdrawal.
            ("Our task was not to leave people without bread.", &["services", "services.food"]),
            (
                "Mobile internet and ATMs were restored in Tripoli on Sunday.",
                &["services", "services.internet", "services.payments", "recovery"],
            ),
            (
                "Shops, cafés and the central bazaar reopened; cash machines still show no money.",
                &["services", "services.payments", "services.retail", "recovery"],
            ),
            (
                "Power supply and heating are back in 40 per cent of Kharkiv homes.",
                &["services", "services.utilities"],
            ),
            // Tabloid style.
            (
                "LOOTERS RAMPAGE: gangs smashed windows and torched the city hall!",
                &["security", "damage"],
            ),
            (
                "A curfew from 11 p.m. and a state of emergency remain in force.",
                &["restrictions"],
            ),
            (
                "At least 164 people were killed and 2,200 injured, the health ministry said.",
                &["casualties"],
            ),
            (
                "The governor chaired a meeting and instructed the police to stabilise the situation.",
                &["security", "officials"],
            ),
            ("Life is slowly returning to normal in the capital.", &["recovery"]),
            // Words that look like a topic's but are not about it.
            ("Shares in the bank fell on Monday.", &["services", "services.payments"]),
            ("The fire started in a warehouse storing yarn.", &[]),
            ("Voting took place in a calm atmosphere.", &[]),
            ("The country bakes in the heat.", &[]),
            ("Shocking video shared online shows a fireball.", &[]),
            ("Previous ceasefires collapsed within days.", &["security"]),
            (
                "Stores began to accept payment by card.",
                &["services", "services.payments", "services.retail"],
            ),
            ("The rebels are to pull back heavy artillery.", &["withdrawal"]),
            ("Three workers were hospitalised; nobody else was hurt.", &["casualties"]),
            ("A fire broke out in a warehouse.", &[]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(topics_of(&taxonomy, text), *expected, "topics of {text:?}");
        }
    }

    #[test]
    fn callers_extend_and_add_topics() {
        let extra: Vec<TopicSpec> = serde_json::from_str(
            r#"[
                {"key": "security", "terms": ["drone"]},
                {"key": "services.health", "label": "Health care", "parent": "services",
                 "terms": ["hospital", "ambulance"]},
                {"key": "aid", "label": "Aid", "weak": ["convoy"], "context": ["humanitarian"]}
            ]"#,
        )
        .unwrap();
        let taxonomy = Taxonomy::with(&extra).unwrap();
        let cases: &[(&str, &[&str])] = &[
            ("Drones were seen over the city.", &["security"]),
            (
                "The hospital works again.",
                &["services", "services.health"],
            ),
            ("A humanitarian convoy arrived.", &["aid"]),
            ("A convoy of lorries arrived.", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(topics_of(&taxonomy, text), *expected, "topics of {text:?}");
        }
        let keys: Vec<&str> = taxonomy.topics.iter().map(|t| t.key.as_str()).collect();
        let health = keys.iter().position(|&k| k == "services.health").unwrap();
        let security = keys.iter().position(|&k| k == "security").unwrap();
        assert!(health < security, "a sub-topic is shown with its parent");
    }

    #[test]
    fn bad_caller_topics_are_errors() {
        let cases = [
            r#"[{"key": "x", "parent": "nowhere", "terms": ["x"]}]"#,
            r#"[{"key": "x", "parent": "y", "terms": ["x"]}, {"key": "y", "parent": "x"}]"#,
            r#"[{"key": "x", "terms": ["the of"]}]"#,
            r#"[{"key": " ", "terms": ["x"]}]"#,
        ];
        for json in cases {
            let extra: Vec<TopicSpec> = serde_json::from_str(json).unwrap();
            assert!(Taxonomy::with(&extra).is_err(), "{json} must be refused");
        }
    }

    #[test]
    fn infos_follow_display_order_with_parents() {
        let taxonomy = Taxonomy::with(&[]).unwrap();
        let used: HashSet<&str> = ["security", "services.internet", "services", "withdrawal"]
            .into_iter()
            .collect();
        let infos = taxonomy.infos(&used);
        let keys: Vec<&str> = infos.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(
            keys,
            ["withdrawal", "services", "services.internet", "security"]
        );
        assert_eq!(infos[2].parent.as_deref(), Some("services"));
        assert_eq!(infos[0].parent, None);
    }
}
