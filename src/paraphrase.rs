//! The paraphrase table (`data/paraphrases.json`): news near-synonyms folded
//! into concepts, contrary concepts, degree and hedge words, reporting verbs
//! and framing vocabularies. Words are compared after lower-casing and
//! stemming, and a multi-word entry matches a run of words.

use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;

use crate::data::PARAPHRASES;
use crate::text::Word;

/// How strongly a claim puts its predicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Degree {
    /// `actively`, `fully`, `all`.
    Strong,
    /// `gradually`, `partly`, `some`.
    Weak,
}

/// A vocabulary of phrases, each a list of stems, looked up by first stem.
#[derive(Default)]
struct Phrases {
    by_first: HashMap<String, Vec<(Vec<String>, usize)>>,
}

impl Phrases {
    fn insert(&mut self, phrase: &str, value: usize) {
        let stems: Vec<String> = phrase.split_whitespace().map(stem).collect();
        if let Some(first) = stems.first().cloned() {
            let entry = self.by_first.entry(first).or_default();
            entry.push((stems, value));
            // Longest first, so "public transport" wins over "transport".
            entry.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
        }
    }

    /// The phrases whose first stem is `first`, longest first.
    fn starting_with(&self, first: &str) -> Option<&[(Vec<String>, usize)]> {
        self.by_first.get(first).map(Vec::as_slice)
    }
}

/// The longest of `candidates` (phrases sharing their first stem, longest
/// first) that the words from `infos[at]` on spell out: (its length, its value).
fn longest(
    candidates: &[(Vec<String>, usize)],
    infos: &[Rc<Info>],
    at: usize,
) -> Option<(usize, usize)> {
    candidates.iter().find_map(|(phrase, value)| {
        let end = at + phrase.len();
        let run = infos.get(at..end)?;
        run.iter()
            .zip(phrase)
            .all(|(info, stem)| *info.stem == **stem)
            .then_some((phrase.len(), *value))
    })
}

/// The compiled table.
pub(crate) struct Table {
    concept_keys: Vec<String>,
    concepts: Phrases,
    contrary: Vec<(String, String)>,
    reporting: Vec<String>,
    strong: Vec<String>,
    weak: Vec<String>,
    hedges: Vec<String>,
    framing_about: Vec<String>,
    /// For each framing label, the vocabulary (index into `framing_about`) it belongs to.
    framing_labels: Vec<usize>,
    framing: Phrases,
}

/// The default table, compiled once.
pub(crate) fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let raw = &PARAPHRASES;
        let mut concepts = Phrases::default();
        let mut concept_keys = Vec::new();
        for (n, (key, words)) in raw.concepts.iter().enumerate() {
            concept_keys.push(format!("~{key}"));
            for word in *words {
                concepts.insert(word, n);
            }
        }
        let mut framing = Phrases::default();
        let mut framing_about = Vec::new();
        let mut framing_labels = Vec::new();
        for (n, (about, labels)) in raw.framing.iter().enumerate() {
            framing_about.push(about.to_string());
            for words in *labels {
                for word in *words {
                    framing.insert(word, framing_labels.len());
                }
                framing_labels.push(n);
            }
        }
        let stems = |words: &[&str]| words.iter().map(|w| stem(w)).collect::<Vec<_>>();
        let strings = |words: &[&str]| words.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        Table {
            concept_keys,
            concepts,
            contrary: raw
                .contrary
                .iter()
                .map(|(x, y)| (format!("~{x}"), format!("~{y}")))
                .collect(),
            reporting: stems(raw.reporting),
            strong: strings(raw.strong),
            weak: strings(raw.weak),
            hedges: strings(raw.hedges),
            framing_about,
            framing_labels,
            framing,
        }
    })
}

/// Lower-cases and stems one word.
pub(crate) fn stem(word: &str) -> String {
    crate::lexicon::stem(word)
}

/// A comparable term of a claim, with where it stands.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Term {
    /// A stem, or a concept key starting with `~`.
    pub key: Rc<str>,
    /// First and last word index it covers.
    pub words: std::ops::Range<usize>,
}

/// A phrase of a framing vocabulary found in a text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FramingHit {
    /// Index of the vocabulary (see [`Table::framing_about`]).
    pub group: usize,
    /// Index of the label within all vocabularies: same label, same framing.
    pub label: usize,
    /// Byte range of the phrase in the text.
    pub range: std::ops::Range<usize>,
}

/// What the table says of one word as written.
#[derive(Debug)]
pub(crate) struct Info {
    /// Its stem.
    pub stem: Rc<str>,
    /// The word lower-cased.
    pub lower: Rc<str>,
    /// Whether it is a function word.
    stopword: bool,
    /// Whether its stem is a reporting verb's.
    reporting: bool,
    /// The degree it puts on its predicate, if any.
    pub degree: Option<Degree>,
    /// Whether it hedges a claim.
    pub hedge: bool,
    /// The concept phrases starting with its stem.
    concepts: Option<&'static [(Vec<String>, usize)]>,
    /// The framing phrases starting with its stem.
    framing: Option<&'static [(Vec<String>, usize)]>,
}

/// The table's answers for the words seen on this thread, and its concept
/// keys as shared strings.
struct Local {
    words: HashMap<Box<str>, Rc<Info>>,
    concept_keys: Vec<Rc<str>>,
}

impl Local {
    /// The table's answers for one word: one hash of the word and no
    /// allocation once the word has been seen.
    fn info(&mut self, word: &str) -> Rc<Info> {
        const CACHE_LIMIT: usize = 1 << 16;
        if let Some(hit) = self.words.get(word) {
            return hit.clone();
        }
        let table = table();
        let lexeme = crate::lexicon::lexeme(word);
        let lower = &*lexeme.lower;
        let degree = if table.strong.iter().any(|w| w == lower) {
            Some(Degree::Strong)
        } else if table.weak.iter().any(|w| w == lower) {
            Some(Degree::Weak)
        } else {
            None
        };
        let info = Rc::new(Info {
            reporting: table.reporting.iter().any(|r| **r == *lexeme.stem),
            degree,
            hedge: table.hedges.iter().any(|w| w == lower),
            concepts: table.concepts.starting_with(&lexeme.stem),
            framing: table.framing.starting_with(&lexeme.stem),
            stopword: lexeme.stopword,
            stem: lexeme.stem,
            lower: lexeme.lower,
        });
        if self.words.len() >= CACHE_LIMIT {
            self.words.clear();
        }
        self.words.insert(Box::from(word), info.clone());
        info
    }
}

thread_local! {
    static LOCAL: RefCell<Local> = RefCell::new(Local {
        words: HashMap::default(),
        concept_keys: table().concept_keys.iter().map(|k| Rc::from(k.as_str())).collect(),
    });
}

/// The table's answers for each of `words`.
pub(crate) fn infos(words: &[Word<'_>]) -> Vec<Rc<Info>> {
    LOCAL.with(|local| {
        let mut local = local.borrow_mut();
        words.iter().map(|w| local.info(w.text)).collect()
    })
}

impl Table {
    /// Folds words into comparable terms: stopwords and reporting verbs
    /// dropped, paraphrases replaced by their concept key.
    pub(crate) fn terms(&self, words: &[Word<'_>]) -> Vec<Term> {
        self.terms_of(&infos(words))
    }

    /// [`Table::terms`] of words given by their [`infos`].
    pub(crate) fn terms_of(&self, infos: &[Rc<Info>]) -> Vec<Term> {
        LOCAL.with(|local| {
            let keys = &local.borrow().concept_keys;
            let mut out = Vec::with_capacity(infos.len());
            let mut at = 0;
            while let Some(info) = infos.get(at) {
                if let Some((len, concept)) = info.concepts.and_then(|c| longest(c, infos, at)) {
                    let key = keys.get(concept).cloned().unwrap_or_else(|| {
                        Rc::from(self.concept_keys.get(concept).map_or("", String::as_str))
                    });
                    out.push(Term {
                        key,
                        words: at..at + len,
                    });
                    at += len;
                    continue;
                }
                if !info.stopword && !info.reporting {
                    out.push(Term {
                        key: info.stem.clone(),
                        words: at..at + 1,
                    });
                }
                at += 1;
            }
            out
        })
    }

    /// Whether two concept keys name contrary predicates (`~withdraw`/`~remain`).
    pub(crate) fn contrary(&self, x: &str, y: &str) -> bool {
        self.contrary
            .iter()
            .any(|(p, q)| (p == x && q == y) || (p == y && q == x))
    }

    /// The framing vocabulary phrases used in `words`.
    pub(crate) fn framing_hits(&self, words: &[Word<'_>]) -> Vec<FramingHit> {
        let infos = infos(words);
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(info) = infos.get(at) {
            if let Some((len, label)) = info.framing.and_then(|c| longest(c, &infos, at)) {
                out.push(FramingHit {
                    group: self.framing_labels.get(label).copied().unwrap_or(0),
                    label,
                    range: words[at].range.start..words[at + len - 1].range.end,
                });
                at += len;
            } else {
                at += 1;
            }
        }
        out
    }

    /// What a framing vocabulary names (`the people behind the violence`).
    pub(crate) fn framing_about(&self, group: usize) -> &str {
        self.framing_about.get(group).map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    fn keys(text: &str) -> Vec<String> {
        table()
            .terms(&words(text, 0..text.len()))
            .into_iter()
            .map(|t| t.key.to_string())
            .collect()
    }

    #[test]
    fn the_data_parses_and_is_not_empty() {
        assert!(PARAPHRASES.concepts.len() > 20);
        assert!(!table().concept_keys.is_empty());
    }

    #[test]
    fn paraphrases_fold_into_one_concept() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "The troops will withdraw",
                "The troops began to leave",
                "~withdraw",
            ),
            (
                "troops pull out of the city",
                "the withdrawal of troops",
                "~withdraw",
            ),
            (
                "public transport was launched",
                "public transport is up and running",
                "~resume",
            ),
            ("riots in the city", "the unrest in the city", "~unrest"),
            ("disturbances", "riots", "~unrest"),
            ("stores are open", "trade facilities", "~shop"),
            ("cafes and restaurants", "catering facilities", "~catering"),
        ];
        for (x, y, concept) in cases {
            assert!(keys(x).contains(&concept.to_string()), "{x}: {:?}", keys(x));
            assert!(keys(y).contains(&concept.to_string()), "{y}: {:?}", keys(y));
        }
    }

    #[test]
    fn longest_phrase_wins_and_stopwords_go() {
        assert_eq!(keys("the public transport"), ["~transport"]);
        assert_eq!(keys("he said that the bridge"), ["bridg"]);
    }

    #[test]
    fn contrary_concepts_are_symmetric() {
        let t = table();
        assert!(t.contrary("~withdraw", "~remain"));
        assert!(t.contrary("~remain", "~withdraw"));
        assert!(!t.contrary("~withdraw", "~withdraw"));
    }

    #[test]
    fn framing_vocabularies_find_phrases() {
        let text = "Almaty was liberated from terrorists; armed bandits and looters fled.";
        let hits = table().framing_hits(&words(text, 0..text.len()));
        let found: Vec<&str> = hits.iter().map(|h| &text[h.range.clone()]).collect();
        assert_eq!(found, ["terrorists", "armed bandits", "looters"]);
    }
}
