//! Words as comparable terms: the one place where the engine lower-cases,
//! stems and drops function words, so that alignment, topics and entities
//! all agree on what "the same word" means (`withdrawing` = `withdrawal` =
//! `withdraw`).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::text::{words, Word};

/// English function words: they say nothing about what a claim is about.
///
/// Based on the Snowball English stop list, but without the particles of
/// phrasal verbs (`up`, `out`, `over`, `off`, `down`, `back`), which carry
/// meaning in news (`back up and running`, `hand over`, `pull out`).
/// Negations (`not`, `no`) are stopwords here because similarity is about
/// what a claim speaks of; whether it denies it is judged elsewhere.
const STOPWORDS: &str = "\
    a about above after again against all also am an and any are as at be because been \
    before being below between both but by can could did do does doing during each few for \
    from further had has have having he her here hers herself him himself his how i if in \
    into is it its itself just may me might more most must my myself no nor not now of on \
    once one only or other ought our ours ourselves own same shall she should so some such \
    than that the their theirs them themselves then there these they this those through to \
    too under until very was we were what when where which while who whom why will with \
    would you your yours yourself yourselves";

/// A content word of the text, ready for comparison.
#[allow(dead_code)] // Used by topic matching, which lands next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    /// Where the word stands in the original text.
    pub range: Range<usize>,
    /// Its stem: lower-cased, typographic apostrophes folded, Snowball English.
    pub stem: Rc<str>,
}

/// The content words of `text[range]` as stemmed terms, in text order, with
/// offsets into `text`. Stopwords are left out.
#[allow(dead_code)]
pub(crate) fn terms(text: &str, range: Range<usize>) -> Vec<Term> {
    let found = words(text, range);
    let mut out = Vec::with_capacity(found.len());
    for word in found {
        let lexeme = lexeme(word.text);
        if !lexeme.stopword {
            out.push(Term {
                stem: lexeme.stem,
                range: word.range,
            });
        }
    }
    out
}

/// Pushes onto `out` the stems of the content words among `words`, in
/// their order: the stems of [`terms`], without their ranges.
pub(crate) fn stems_of(words: &[Word<'_>], out: &mut Vec<Rc<str>>) {
    out.extend(words.iter().filter_map(|word| content_stem(word.text)));
}

/// The stem of a word as written, `None` for a stopword: [`lexeme`] without
/// handing out its lower-cased form.
fn content_stem(word: &str) -> Option<Rc<str>> {
    let known = LEXEMES.with(|cache| {
        cache
            .borrow()
            .get(word)
            .map(|hit| (!hit.stopword).then(|| Rc::clone(&hit.stem)))
    });
    match known {
        Some(stem) => stem,
        None => {
            let lexeme = lexeme(word);
            (!lexeme.stopword).then_some(lexeme.stem)
        }
    }
}

thread_local! {
    /// The words [`lexeme`] has answered for, with its answers.
    static LEXEMES: RefCell<HashMap<Box<str>, Lexeme>> = RefCell::new(HashMap::default());
}

/// What the lexicon knows of one word as written.
#[derive(Debug, Clone)]
pub(crate) struct Lexeme {
    /// Its stem (see [`stem`]).
    pub stem: Rc<str>,
    /// The word lower-cased (`str::to_lowercase`).
    pub lower: Rc<str>,
    /// Whether it is a function word (see [`is_stopword`]).
    pub stopword: bool,
}

/// The stem, lower-cased form and stopword-ness of a word as written.
///
/// The same few thousand words are looked up again and again (every claim,
/// its sentence, topics, framing): the answers are remembered, per thread so
/// without locking, and bounded so that a long account of unique tokens
/// cannot grow the memory without end. A hit costs one hash of the word and
/// no allocation.
pub(crate) fn lexeme(word: &str) -> Lexeme {
    const CACHE_LIMIT: usize = 1 << 16;
    LEXEMES.with(|cache| {
        if let Some(hit) = cache.borrow().get(word) {
            return hit.clone();
        }
        let lower: Rc<str> = Rc::from(word.to_lowercase());
        let found = Lexeme {
            stem: Rc::from(stem_uncached(word)),
            stopword: is_stopword(word),
            lower,
        };
        let mut cache = cache.borrow_mut();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(Box::from(word), found.clone());
        found
    })
}

/// Stems one word: lower-cases it, folds typographic apostrophes to `'` (so
/// that `Kazakhtelecom’s` loses its possessive like `Kazakhtelecom's`) and
/// applies the Snowball English stemmer. Words in other scripts come back
/// lower-cased and otherwise unchanged.
pub(crate) fn stem(word: &str) -> String {
    lexeme(word).stem.to_string()
}

fn stem_uncached(word: &str) -> String {
    let lower: String = word
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
            c => c,
        })
        .collect();
    // Creating the stemmer only picks a function pointer; no state to share.
    Stemmer::create(Algorithm::English)
        .stem(&lower)
        .into_owned()
}

/// Whether a word (in any case) is an English function word.
pub(crate) fn is_stopword(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static [u8]>> = OnceLock::new();
    // The list is lower-case ASCII and no word is longer than 10 bytes.
    if word.len() > 10 {
        return false;
    }
    let set = SET.get_or_init(|| STOPWORDS.split_whitespace().map(str::as_bytes).collect());
    if word.is_ascii() {
        // Lower-cased on the stack: the same as `to_lowercase` for ASCII.
        let mut buffer = [0u8; 10];
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return set.contains(&*lower);
    }
    set.contains(word.to_lowercase().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_inflections_together() {
        let cases: &[(&str, &str)] = &[
            ("withdrawing", "withdraw"),
            ("withdrawal", "withdraw"),
            ("Withdraws", "withdraw"),
            ("peacekeepers", "peacekeep"),
            ("peacekeeping", "peacekeep"),
            ("restaurants", "restaur"),
            ("Kazakhtelecom’s", "kazakhtelecom"),
            ("Kazakhtelecom's", "kazakhtelecom"),
            ("stabilization", "stabil"),
            ("stabilize", "stabil"),
            ("Алматы", "алматы"),
            ("24", "24"),
            ("", ""),
        ];
        for (word, expected) in cases {
            assert_eq!(stem(word), *expected, "stem of {word:?}");
        }
    }

    #[test]
    fn terms_skip_stopwords_and_keep_offsets() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The Internet started working in the city.",
                &["internet", "start", "work", "citi"],
            ),
            (
                "Troops will not be pulled out before Friday",
                &["troop", "pull", "out", "friday"],
            ),
            ("Les troupes se retirent", &["les", "troup", "se", "retir"]),
            ("", &[]),
            ("… — !!", &[]),
        ];
        for (text, expected) in cases {
            let found = terms(text, 0..text.len());
            let stems: Vec<&str> = found.iter().map(|t| &*t.stem).collect();
            assert_eq!(stems, *expected, "terms of {text:?}");
            for term in &found {
                assert!(text.get(term.range.clone()).is_some());
            }
        }
    }

    #[test]
    fn terms_index_the_whole_text() {
        let text = "Ignored part. Banks reopened";
        let found = terms(text, 14..text.len());
        assert_eq!(&text[found[0].range.clone()], "Banks");
        assert_eq!(&*found[1].stem, "reopen");
    }

    #[test]
    fn stopwords_ignore_case() {
        for (word, expected) in [("The", true), ("NOT", true), ("troops", false), ("", false)] {
            assert_eq!(is_stopword(word), expected, "{word:?}");
        }
    }
}
