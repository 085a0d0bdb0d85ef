//! Voice: who asserts a claim, how it is put, and whether it is negated.
//!
//! **Attribution** is read per sentence from its reporting frame: `According
//! to X, …`, `As X said, …`, `As told X, …`, `…, X said.`, `“…,” said X.`,
//! `X said that …`, `…, Kazinform has learnt from X.`. A pronoun or a bare role
//! (`she said`, `According to him`, `the officer said`) stands for the last
//! named speaker; a quote running over several sentences belongs to the
//! speaker named where it closes (or where it opened). The speaker is returned
//! as the words of the text with their byte range, so that entity resolution
//! can map it to a canonical key. No frame: the outlet's own voice, `None`.
//!
//! **Modality** has one value per claim; when several cues apply the
//! strongest qualification wins, in this order:
//! `conditional` (it may never hold) > `planned` (not yet a fact) > `hedged`
//! (softened) > `reported` (a fact, on someone's word) > `asserted`.
//! Attribution is kept separately, so a planned or hedged claim still says
//! who said it.
//!
//! **Negation** counts only in the claim's main clause: a cue inside a
//! participial or subordinate phrase set off by commas (`People, no longer
//! fearing for their lives, began to travel`) does not negate the claim, nor
//! do `not only … but also`, `not to` + verb, `no doubt`.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use crate::claims::{ClaimDraft, REPORTING_VERBS, SUBORDINATORS};
use crate::report::Modality;
use crate::tokens::{tokens, tokens_in, word_set, Key, Kind, Token, Words, MAX_KEY_BYTES};

/// The voice of one claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Voice {
    /// The speaker's name as it stands in the text; `None` for the outlet's own voice.
    pub attribution: Option<Range<usize>>,
    /// How the claim is put.
    pub modality: Modality,
    /// Whether the claim's main predicate is negated.
    pub negated: bool,
}

/// Reads the voice of each claim (claims in text order).
#[cfg(test)]
pub(crate) fn analyse(text: &str, claims: &[ClaimDraft]) -> Vec<Voice> {
    analyse_with_tokens(text, claims, Vec::new())
}

/// Reads the voice of each claim (claims in text order). `pieces` are the
/// tokens of the claims' sentences as [`crate::claims::extract_with_tokens`]
/// read them; a sentence not among them is read afresh.
#[inline(never)]
pub(crate) fn analyse_with_tokens(
    text: &str,
    claims: &[ClaimDraft],
    pieces: crate::claims::PieceTokens,
) -> Vec<Voice> {
    let mut sentences: Vec<Range<usize>> = Vec::with_capacity(claims.len());
    let mut of_claim = Vec::with_capacity(claims.len());
    for claim in claims {
        if sentences.last() != Some(&claim.sentence) {
            sentences.push(claim.sentence.clone());
        }
        of_claim.push(sentences.len() - 1);
    }
    // Each sentence is read into tokens once (by the claims extraction); a
    // claim's tokens are those of its sentence inside its span.
    let mut next = 0;
    let owned: Vec<Cow<'_, [Token]>> = sentences
        .iter()
        .map(|sentence| {
            // Both lists are in text order: look ahead from the last match.
            match pieces[next.min(pieces.len())..]
                .iter()
                .position(|(range, _)| range == sentence)
            {
                Some(k) => {
                    next += k + 1;
                    Cow::Borrowed(&pieces[next - 1].1[..])
                }
                None => Cow::Owned(tokens(text, sentence.clone())),
            }
        })
        .collect();
    let sentence_tokens: Vec<&[Token]> = owned.iter().map(|t| &t[..]).collect();
    let frames = attribute(text, &sentence_tokens);
    // `If …, then …` makes every claim of its sentence conditional.
    let conditional_sentences: Vec<bool> = sentence_tokens
        .iter()
        .map(|toks| {
            toks.iter()
                .find(|t| t.is_word())
                .is_some_and(|t| t.is_in(word_set!["if", "unless"]))
        })
        .collect();
    claims
        .iter()
        .zip(of_claim)
        .map(|(claim, n)| {
            let frame = frames.get(n).cloned().unwrap_or_default();
            let toks = sentence_tokens.get(n).copied().unwrap_or(&[]);
            let own = tokens_in(text, toks, &claim.range);
            let predicate = claim
                .predicate
                .as_ref()
                .map(|predicate| tokens_in(text, toks, predicate));
            let scope = || own.iter().chain(predicate.iter().flat_map(|p| p.iter()));
            // Sized once for the whole scope rather than grown word by word.
            let mut words: Vec<&Token> =
                Vec::with_capacity(own.len() + predicate.as_ref().map_or(0, |p| p.len()));
            words.extend(scope().filter(|t| t.is_word()));
            let sentence_if = conditional_sentences.get(n).copied().unwrap_or(false);
            let modality = if sentence_if || has_cue(text, &words, &CONDITIONAL) {
                Modality::Conditional
            } else if has_cue(text, &words, &PLANNED) || goal_item(claim, &own) {
                Modality::Planned
            } else if has_cue(text, &words, &HEDGED) {
                Modality::Hedged
            } else if frame.reported {
                Modality::Reported
            } else {
                Modality::Asserted
            };
            Voice {
                attribution: frame.speaker,
                modality,
                negated: negated(text, scope()),
            }
        })
        .collect()
}

/// An infinitive list item (`to restore the city’s infrastructure`) states a
/// goal or an instruction, not something done.
fn goal_item(claim: &ClaimDraft, own: &[Token]) -> bool {
    claim.predicate.is_some() && own.first().is_some_and(|t| t.is_in(word_set!["to"]))
}

/// A sentence's reporting frame, resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Frame {
    /// Who speaks, if named (directly or through a pronoun).
    speaker: Option<Range<usize>>,
    /// Whether the sentence reports someone's words at all.
    reported: bool,
}

/// Who a frame's noun phrase names.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    /// A name or description to report as it stands.
    Named(Range<usize>),
    /// A pronoun: the last named speaker.
    Pronoun,
    /// A bare role (`the officer`, `the captain`): the last named speaker, else these words.
    Role(Range<usize>),
    /// Reported speech with no speaker given (`The President was informed that …`).
    Unknown,
}

/// Where quotes stand in one sentence, given whether one was open before it.
struct Quotes {
    /// The sentence closes a quote opened in an earlier sentence.
    closes_earlier: bool,
    /// A quote is still open at the end of the sentence.
    open_after: bool,
    /// The sentence has quote marks at all.
    any: bool,
}

fn quotes(toks: &[Token], open_before: bool) -> Quotes {
    let mut open = open_before;
    let mut closes_earlier = false;
    let mut opened_here = false;
    let mut any = false;
    for tok in toks {
        match tok.kind {
            Kind::Punct('“' | '«' | '„') => {
                open = true;
                opened_here = true;
                any = true;
            }
            Kind::Punct('”' | '»') => {
                closes_earlier |= open && !opened_here && open_before;
                open = false;
                any = true;
            }
            Kind::Punct('"') => {
                if open {
                    closes_earlier |= !opened_here && open_before;
                    open = false;
                } else {
                    open = true;
                    opened_here = true;
                }
                any = true;
            }
            _ => {}
        }
    }
    Quotes {
        closes_earlier,
        open_after: open,
        any,
    }
}

/// The frame of every sentence, in order, with pronouns resolved and quotes
/// that span sentences given to their speaker.
fn attribute(text: &str, sentences: &[&[Token]]) -> Vec<Frame> {
    let mut frames = vec![Frame::default(); sentences.len()];
    let mut last: Option<Range<usize>> = None;
    let mut open = false;
    let mut pending: Vec<usize> = Vec::new();
    let mut previous_quoted = false;
    for (n, toks) in sentences.iter().enumerate() {
        let quotes = quotes(toks, open);
        let frame = match find_source(text, toks) {
            None => Frame {
                speaker: None,
                // Quoted words with no speaker given are still someone's words.
                reported: quotes.any
                    && (!pending.is_empty()
                        || toks
                            .first()
                            .is_some_and(|t| matches!(t.kind, Kind::Punct('“' | '"' | '«' | '„')))),
            },
            Some(source) => Frame {
                speaker: resolve(source, &mut last),
                reported: true,
            },
        };
        // `“…,” said X. “More words.”`: a quote with no frame of its own
        // right after a quoted speaker goes on in that speaker's voice.
        let frame = match (n.checked_sub(1), &frame) {
            (
                Some(p),
                Frame {
                    speaker: None,
                    reported: true,
                },
            ) if pending.is_empty() && previous_quoted && frames[p].speaker.is_some() => {
                frames[p].clone()
            }
            _ => frame,
        };
        previous_quoted = quotes.any;
        frames[n] = frame.clone();
        if open && !quotes.closes_earlier && quotes.open_after {
            // Still inside a quote opened earlier: its speaker comes later.
            pending.push(n);
        } else {
            if open || quotes.closes_earlier {
                // The quote closes here: one speaker for all of it, the one
                // named at its close or else the one that opened it.
                let owner = if frame.speaker.is_some() || pending.is_empty() {
                    frame
                } else {
                    frames[pending[0]].clone()
                };
                for &p in pending.iter().chain([n].iter()) {
                    frames[p] = Frame {
                        speaker: owner.speaker.clone(),
                        reported: true,
                    };
                }
                pending.clear();
            }
            if quotes.open_after {
                pending.push(n);
            }
        }
        open = quotes.open_after;
    }
    frames
}

/// Turns a source into a speaker's range, using and updating the last named speaker.
fn resolve(source: Source, last: &mut Option<Range<usize>>) -> Option<Range<usize>> {
    match source {
        Source::Named(range) => {
            *last = Some(range.clone());
            Some(range)
        }
        Source::Pronoun => last.clone(),
        Source::Role(range) => last.clone().or(Some(range)),
        Source::Unknown => None,
    }
}

/// Sentence adverbs that may precede a frame: `Meanwhile, according to X, …`.
static FRAME_ADVERBS: &Words = word_set![
    "meanwhile",
    "earlier",
    "later",
    "also",
    "however",
    "moreover",
    "still",
    "then",
    "now",
    "again",
    "previously",
    "separately",
    "recently",
];

/// The most words a trailing frame (`…, the captain of the unit said`) may have.
const MAX_TRAILING_FRAME_WORDS: usize = 10;

/// Finds a sentence's reporting frame, if it has one.
fn find_source(text: &str, toks: &[Token]) -> Option<Source> {
    let mut words: Vec<usize> = Vec::with_capacity(toks.len());
    words.extend((0..toks.len()).filter(|&i| toks[i].is_word()));
    let start = words
        .iter()
        .position(|&i| !toks[i].is_in(FRAME_ADVERBS))
        .and_then(|p| words.get(p).copied())?;
    // `According to X, …` anywhere (also `…, according to X.`).
    if let Some(i) = (0..toks.len().saturating_sub(1))
        .find(|&i| toks[i].is(text, "according") && toks[i + 1].is(text, "to"))
    {
        let np = phrase_until_comma(toks, i + 2);
        let np = extend_with_appositive(text, toks, np);
        return Some(source_of(text, toks, np));
    }
    // `As X said, …` and `As told X, …` / `How told X, …` (a common calque).
    if toks[start].is_in(word_set!["as", "how"]) {
        if let Some(&second) = words.iter().find(|&&i| i > start) {
            if toks[second].is_in(REPORTING_VERBS) {
                let mut from = second + 1;
                if toks.get(from).is_some_and(|t| t.is(text, "by")) {
                    from += 1;
                }
                return Some(source_of(text, toks, appositive_chain(toks, from)));
            }
        }
        let verb = (start + 1..toks.len().min(start + 40)).find(|&i| {
            toks[i].is_in(REPORTING_VERBS) && toks[i + 1..].iter().take(4).any(|t| t.is_punct(','))
        });
        if let Some(verb) = verb {
            return Some(source_of(text, toks, start + 1..verb));
        }
    }
    if let Some(source) = trailing_frame(text, toks) {
        return Some(source);
    }
    leading_report(text, toks, start)
}

/// Token indices from `from` to the next comma (or the end).
fn phrase_until_comma(toks: &[Token], from: usize) -> Range<usize> {
    let end = (from..toks.len())
        .find(|&i| toks[i].is_punct(',') || is_sentence_end(&toks[i]))
        .unwrap_or(toks.len());
    from..end
}

fn is_sentence_end(tok: &Token) -> bool {
    matches!(tok.kind, Kind::Punct('.' | '!' | '?' | '…' | ';'))
}

/// `one of the peacekeepers, Captain Denis Ivanov,`: a phrase with no name
/// followed by a short capitalised appositive takes it in.
fn extend_with_appositive(text: &str, toks: &[Token], np: Range<usize>) -> Range<usize> {
    if np.clone().any(|i| toks[i].is_capitalised(text))
        || !toks.get(np.end).is_some_and(|t| t.is_punct(','))
    {
        return np;
    }
    let next = phrase_until_comma(toks, np.end + 1);
    let mut words: Vec<&Token> = Vec::with_capacity(next.len());
    words.extend(toks[next.clone()].iter().filter(|t| t.is_word()));
    if (1..=6).contains(&words.len()) && words.first().is_some_and(|t| t.is_capitalised(text)) {
        np.start..next.end
    } else {
        np
    }
}

/// After `As told`: comma-separated noun phrases (the speaker and its
/// appositives), up to the first one with a verb, as one token range.
fn appositive_chain(toks: &[Token], from: usize) -> Range<usize> {
    let mut end = from;
    let mut at = from;
    for _ in 0..4 {
        let np = phrase_until_comma(toks, at);
        let clause_like = np
            .clone()
            .any(|i| toks[i].is_in(crate::claims::AUXILIARIES));
        if np.is_empty() || clause_like {
            break;
        }
        end = np.end;
        if !toks.get(np.end).is_some_and(|t| t.is_punct(',')) {
            break;
        }
        at = np.end + 1;
    }
    from..end
}

/// `…, X said.`, `“…,” said X.`, `…, Kazinform has learnt from X.`,
/// `…, citing X.`: a short tail after the last comma or closing quote.
fn trailing_frame(text: &str, toks: &[Token]) -> Option<Source> {
    let closing_quote = |t: &Token| t.is_punct('”') || t.is_punct('"') || t.is_punct('»');
    let mut end = toks.len();
    let mut ends_quoted = false;
    while end > 0 && (is_sentence_end(&toks[end - 1]) || closing_quote(&toks[end - 1])) {
        ends_quoted |= closing_quote(&toks[end - 1]);
        end -= 1;
    }
    let separators: Vec<usize> = (0..end)
        .filter(|&i| toks[i].is_punct(',') || closing_quote(&toks[i]))
        .collect();
    let &cut = separators.last()?;
    // A sentence that ends on its closing quote has no tail frame.
    if !ends_quoted {
        if let Some(source) = frame_in(text, toks, cut + 1..end, MAX_WORDS_AFTER_TRAILING_VERB) {
            return Some(source);
        }
    }
    // `…, Turkey's defence ministry said, under a deal …` and `“…,” he
    // said, “…”`: a frame between commas or quotes, with at most a few words
    // (`on Monday`) after its verb.
    separators
        .windows(2)
        .rev()
        .filter(|pair| pair[0] + 1 < pair[1])
        .find_map(|pair| frame_in(text, toks, pair[0] + 1..pair[1], MAX_WORDS_AFTER_FRAME_VERB))
}

/// The most words that may follow the verb of a frame that ends the
/// sentence (`officials told reporters in Kyiv on Monday`).
const MAX_WORDS_AFTER_TRAILING_VERB: usize = 5;
/// The most words that may follow the verb of a frame set between commas.
const MAX_WORDS_AFTER_FRAME_VERB: usize = 3;

/// A reporting frame that fills `span`: `X said`, `X has told reporters`,
/// `said X`, `X has learnt from Y`, `citing X`.
fn frame_in(text: &str, toks: &[Token], span: Range<usize>, max_after: usize) -> Option<Source> {
    let end = span.end;
    let mut words: Vec<usize> = Vec::with_capacity(span.len());
    words.extend(span.clone().filter(|&i| toks[i].is_word()));
    if words.is_empty() || words.len() > MAX_TRAILING_FRAME_WORDS {
        return None;
    }
    if toks[words[0]].is(text, "citing") {
        return Some(source_of(text, toks, words[0] + 1..end));
    }
    if words.iter().any(|&i| toks[i].is_in(SUBORDINATORS)) {
        return None;
    }
    let verb = words
        .iter()
        .copied()
        .find(|&i| toks[i].is_in(REPORTING_VERBS))?;
    if let Some(from) = (verb + 1..end).find(|&i| toks[i].is(text, "from")) {
        return Some(source_of(text, toks, from + 1..end));
    }
    if (span.start..verb).any(|i| toks[i].is_word()) {
        // After `X said` only a short adverbial may follow (`in a statement`),
        // not a clause of its own (`police warned drivers to stay away`).
        let mut after: Vec<usize> = Vec::with_capacity(words.len());
        after.extend(words.iter().copied().filter(|&i| i > verb));
        let clause = after.iter().any(|&i| {
            toks[i].is_in(crate::claims::AUXILIARIES)
                || (toks[i].is(text, "to")
                    && toks.get(i + 1).is_some_and(|next| {
                        next.is_word()
                            && !next.is_capitalised(text)
                            && !next.is_in(word_set!["the", "a", "an", "his", "her", "their"])
                    }))
        });
        if after.len() > max_after || clause {
            return None;
        }
        // `X said`, `X has told reporters` (the subject may carry auxiliaries).
        let subject_end = (span.start..verb)
            .find(|&i| toks[i].is_in(crate::claims::AUXILIARIES))
            .unwrap_or(verb);
        Some(source_of(text, toks, span.start..subject_end))
    } else {
        // `said X`.
        Some(source_of(text, toks, verb + 1..end))
    }
}

/// Words before a reporting verb that make it passive: `was informed that`.
static PASSIVE: &Words = word_set!["was", "were", "is", "are", "been", "being", "be"];

/// `X said that …`, `He noted that …`, `X told reporters: …`: the first
/// reporting verb of the main clause, with `that`, a colon or a quote after it.
fn leading_report(text: &str, toks: &[Token], start: usize) -> Option<Source> {
    let verb = (start..toks.len().min(start + 40)).find(|&i| {
        toks[i].is_in(REPORTING_VERBS)
            && (toks[i + 1..].iter().take(4).any(|t| {
                t.is(text, "that") || t.is_punct(':') || t.is_punct('“') || t.is_punct('"')
            }) || bare_report(text, toks, start, i))
    })?;
    let previous = (start..verb).rev().find(|&i| toks[i].is_word());
    if previous.is_some_and(|p| toks[p].is_in(PASSIVE)) {
        if let Some(by) = (verb + 1..toks.len().min(verb + 3)).find(|&i| toks[i].is(text, "by")) {
            return Some(source_of(text, toks, phrase_until_comma(toks, by + 1)));
        }
        return Some(Source::Unknown);
    }
    // `…, the mayor said that`: the subject is the clause just before the
    // verb; `X, deputy director, said that`: an appositive closes right
    // before the verb, and the subject runs back to the sentence's start.
    let clause_start = (start..verb)
        .rev()
        .find(|&i| toks[i].is_in(SUBORDINATORS) || toks[i].is_punct(';'))
        .map_or(start, |i| i + 1);
    let comma_before_verb = verb
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|t| t.is_punct(','));
    let subject_start = if comma_before_verb {
        clause_start
    } else {
        (clause_start..verb)
            .rev()
            .find(|&i| toks[i].is_punct(','))
            .map_or(clause_start, |i| i + 1)
    };
    if subject_start >= verb {
        return None;
    }
    Some(source_of(text, toks, subject_start..verb))
}

/// Verbs that take a clause without `that`: `He said Moscow would monitor it`.
static BARE_REPORTING_VERBS: &Words = word_set![
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "noted",
    "stressed",
    "believes",
    "thinks",
    "announced",
    "reported",
    "claimed",
    "warned",
    "insisted",
    "argued",
];

/// `He said Moscow would …`, `Peskov told reporters the move was …`: a short
/// subject opens the sentence, and a clause of some length follows the verb.
fn bare_report(text: &str, toks: &[Token], start: usize, verb: usize) -> bool {
    let subject = &toks[start..verb];
    let subject_words = subject.iter().filter(|t| t.is_word()).count();
    let rest_words = toks[verb + 1..]
        .iter()
        .filter(|t| t.is_word())
        .take(3)
        .count();
    toks[verb].is_in(BARE_REPORTING_VERBS)
        && (1..=6).contains(&subject_words)
        && subject
            .iter()
            .all(|t| t.is_word() || t.is_punct('.') || t.is_punct('\''))
        && rest_words >= 3
        && subject
            .first()
            .is_some_and(|t| t.is_capitalised(text) || t.is_in(SPEAKER_PRONOUNS))
}

/// Pronouns that stand for the last named speaker.
static SPEAKER_PRONOUNS: &Words = word_set!["he", "she", "him", "her", "they", "them"];

/// Words that open a capitalised run without being part of the name.
static RUN_STOP: &Words = word_set![
    "the",
    "a",
    "an",
    "one",
    "this",
    "that",
    "these",
    "those",
    "our",
    "his",
    "her",
    "their",
    "its",
    "some",
    "another",
    "many",
    "according",
    "as",
    "how",
    "meanwhile",
];

/// Titles and roles that precede a name and are not part of it.
static TITLES: &Words = word_set![
    "president",
    "mayor",
    "akim",
    "captain",
    "capt",
    "general",
    "gen",
    "colonel",
    "col",
    "lieutenant",
    "lt",
    "sergeant",
    "sgt",
    "major",
    "maj",
    "minister",
    "prime",
    "deputy",
    "first",
    "chairman",
    "chairwoman",
    "chair",
    "secretary",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "head",
    "chief",
    "governor",
    "senator",
    "sen",
    "rep",
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "professor",
    "king",
    "queen",
    "prince",
    "pope",
    "ambassador",
    "officer",
    "judge",
    "foreign",
    "defence",
    "defense",
    "interior",
    "vice",
    "acting",
    "former",
    "private",
    "corporal",
    "admiral",
    "marshal",
    "premier",
    "chancellor",
    "sheikh",
    "imam",
    "father",
    "sir",
    "lord",
    "lady",
    "dame",
    "envoy",
    "inspector",
    "detective",
    "sheriff",
    "coach",
    "executive",
];

/// Words that end the organisation part of a run such as `Airborne Forces
/// Andrei Serdyukov`: the person's name follows them.
static ORGANISATION_WORDS: &Words = word_set![
    "forces",
    "force",
    "committee",
    "ministry",
    "commission",
    "company",
    "agency",
    "service",
    "police",
    "army",
    "council",
    "government",
    "party",
    "bank",
    "office",
    "department",
    "organization",
    "organisation",
    "union",
    "court",
    "parliament",
    "assembly",
    "administration",
    "press",
    "corporation",
    "group",
    "institute",
    "university",
    "navy",
    "guard",
    "troops",
    "state",
];

/// Lower-case words that may join the capitalised words of one name:
/// `Head of State`, `Bank of America`.
static NAME_JOINERS: &Words = word_set!["of", "for", "and", "the", "de", "van", "von", "al", "bin"];

/// A capitalised run of a phrase, after trimming.
struct Run {
    range: Range<usize>,
    person: bool,
    /// Token index of the run's last word.
    last: usize,
}

/// Who a noun phrase (token range) names.
fn source_of(text: &str, toks: &[Token], np: Range<usize>) -> Source {
    let np = np.start.min(toks.len())..np.end.min(toks.len());
    // A leading conjunction is not part of the phrase: `and police`.
    let np = (np.start..np.end)
        .find(|&i| toks[i].is_word() && !toks[i].is_in(word_set!["and", "but", "or", "so"]))
        .map_or(np.end..np.end, |start| start..np.end);
    let mut words: Vec<usize> = Vec::with_capacity(np.len());
    words.extend(np.clone().filter(|&i| toks[i].is_word()));
    let Some(&first) = words.first() else {
        return Source::Unknown;
    };
    if words.len() == 1 && toks[first].is_in(SPEAKER_PRONOUNS) {
        return Source::Pronoun;
    }
    let runs = runs(text, toks, &np);
    if let Some(run) = runs.iter().rev().find(|r| r.person) {
        return Source::Named(run.range.clone());
    }
    if let Some(run) = runs.last() {
        // `the Akorda press service`: the name with the few words that end the phrase.
        let mut rest: Vec<&usize> = Vec::with_capacity(words.len());
        rest.extend(words.iter().filter(|&&i| i > run.last));
        let end = match rest.last() {
            Some(&&i)
                if rest.len() <= 2 && rest.iter().all(|&&i| !toks[i].is_capitalised(text)) =>
            {
                toks[i].range.end
            }
            _ => run.range.end,
        };
        return Source::Named(run.range.start..end);
    }
    let lead = toks[first].is_in(word_set!["the", "a", "an", "our", "this", "that"]);
    let content: Vec<usize> = words.iter().copied().skip(usize::from(lead)).collect();
    match (content.first(), content.last()) {
        (Some(&a), Some(&b)) if content.len() <= 4 => {
            let range = toks[a].range.start..toks[b].range.end;
            // `the officer` refers back; `a spokesman` introduces someone new.
            if toks[first].is(text, "the") && toks[b].is_in(TITLES) {
                Source::Role(range)
            } else {
                Source::Named(range)
            }
        }
        _ => Source::Unknown,
    }
}

/// The capitalised runs of a phrase, each trimmed of leading determiners,
/// titles and organisation names, and marked when it looks like a person.
fn runs(text: &str, toks: &[Token], np: &Range<usize>) -> Vec<Run> {
    let mut out = Vec::new();
    let mut i = np.start;
    while i < np.end {
        if !toks[i].is_capitalised(text) {
            i += 1;
            continue;
        }
        let titled_before = (np.start..i)
            .rev()
            .find(|&p| toks[p].is_word())
            .is_some_and(|p| toks[p].is_in(TITLES));
        let mut members = vec![i];
        let mut j = i + 1;
        while j < np.end {
            let tok = &toks[j];
            let joins = tok.is_in(NAME_JOINERS)
                && j + 1 < np.end
                && toks
                    .get(j + 1)
                    .is_some_and(|t| t.is_capitalised(text) || t.is(text, "the"));
            if tok.is_capitalised(text) || joins {
                members.push(j);
                j += 1;
            } else if tok.is_punct('.')
                && members
                    .last()
                    .is_some_and(|&m| toks[m].text(text).chars().count() <= 3)
                && toks.get(j + 1).is_some_and(|t| t.is_capitalised(text))
            {
                j += 1;
            } else {
                break;
            }
        }
        // `Bank of the people`: joiners that led to no name are not part of it.
        while members.len() > 1
            && members
                .last()
                .is_some_and(|&m| !toks[m].is_capitalised(text))
        {
            members.pop();
        }
        i = j;
        if let Some(run) = trim_run(text, toks, &members, titled_before) {
            out.push(run);
        }
    }
    out
}

fn trim_run(text: &str, toks: &[Token], members: &[usize], titled_before: bool) -> Option<Run> {
    let mut from = 0;
    while from < members.len() && toks[members[from]].is_in(RUN_STOP) {
        from += 1;
    }
    let members = members.get(from..)?;
    let joiner = |m: usize| !toks[m].is_capitalised(text);
    let acronym = |m: usize| {
        let word = toks[m].text(text);
        word.chars().count() >= 2 && !word.chars().any(char::is_lowercase)
    };
    // `Education Minister Asel Nurova`, `Airborne Forces Andrei Serdyukov`:
    // the name follows the last title or organisation word.
    let cut = (0..members.len().saturating_sub(1)).rev().find(|&k| {
        let tok = &toks[members[k]];
        (tok.is_in(TITLES) || tok.is_in(ORGANISATION_WORDS)) && !joiner(members[k + 1])
    });
    let mut titled = titled_before;
    let mut rest = members;
    if let Some(k) = cut {
        rest = &members[k + 1..];
        titled = true;
    }
    while rest.len() > 1 && acronym(rest[0]) && !joiner(rest[1]) {
        rest = &rest[1..];
    }
    let (&first, &last) = (rest.first()?, rest.last()?);
    let has_joiner = rest.iter().any(|&m| joiner(m));
    let all_caps = rest.iter().all(|&m| acronym(m));
    let person = !has_joiner && !all_caps && (rest.len() >= 2 || titled);
    Some(Run {
        range: toks[first].range.start..toks[last].range.end,
        person,
        last,
    })
}

/// A cue: words in a row. `#` stands for a number; a word written with a
/// leading `=` matches only in that exact case (`=may` is not `May`).
struct Cue {
    words: &'static [&'static str],
    /// The cue does not count right after one of these words.
    not_after: &'static [&'static str],
}

/// A list of cues, indexed on first use by the lower-case first word of
/// each cue, so that a claim is checked against the few cues its words can
/// start rather than against every cue at every word.
struct Cues {
    list: &'static [Cue],
    index: OnceLock<CueIndex>,
}

#[derive(Default)]
struct CueIndex {
    /// Cues by the key of their first word, lower-cased, apostrophes folded to `'`.
    by_first: HashMap<Key, Vec<usize>>,
    /// One bit per [`Key::slot`] of the keys of `by_first`: most words
    /// start no cue and are turned away before the hash lookup.
    filter: [u64; 8],
    /// Cues whose first word is a class (`#`, `n't`): tried everywhere.
    anywhere: Vec<usize>,
    /// Each cue's words, ready to match.
    patterns: Vec<Vec<Pattern>>,
    /// Each cue's `not_after` words, as keys.
    not_after: Vec<Vec<Key>>,
}

/// One word of a cue, ready to match a token.
enum Pattern {
    /// `#`: a number.
    Number,
    /// `n't`: a word ending in `n't` or `n’t`.
    Nt,
    /// `=may`: this word in this case.
    Exact(&'static str),
    /// A word in any case (its key), or with `’` as `'` (the second key).
    Word(Key, Key),
    /// A word too long for a key, in any case.
    Long(&'static str),
}

impl Pattern {
    fn new(pattern: &'static str) -> Pattern {
        match pattern {
            "#" => Pattern::Number,
            "n't" => Pattern::Nt,
            _ => match pattern.strip_prefix('=') {
                Some(exact) => Pattern::Exact(exact),
                None if pattern.len() > MAX_KEY_BYTES => Pattern::Long(pattern),
                None => Pattern::Word(Key::of(pattern), Key::of(&pattern.replace('’', "'"))),
            },
        }
    }

    fn matches(&self, text: &str, tok: &Token) -> bool {
        if !tok.is_word() {
            return false;
        }
        match *self {
            Pattern::Word(key, apostrophe) => tok.key == key || tok.key == apostrophe,
            Pattern::Number => {
                tok.text(text)
                    .as_bytes()
                    .first()
                    .is_some_and(u8::is_ascii_digit)
                    || tok.is_in(NUMBER_WORDS)
            }
            Pattern::Nt => {
                let word = tok.text(text);
                // Both endings end in `t`.
                if word.as_bytes().last().is_none_or(|&b| b | 0x20 != b't') {
                    return false;
                }
                let ends = |suffix: &str| {
                    word.len()
                        .checked_sub(suffix.len())
                        .and_then(|at| word.get(at..))
                        .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix))
                };
                ends("n't") || ends("n’t")
            }
            Pattern::Exact(exact) => tok.text(text) == exact,
            Pattern::Long(pattern) => {
                let word = tok.text(text);
                word.eq_ignore_ascii_case(pattern)
                    || (pattern.contains('’')
                        && word.eq_ignore_ascii_case(&pattern.replace('’', "'")))
            }
        }
    }
}

impl Cues {
    const fn new(list: &'static [Cue]) -> Cues {
        Cues {
            list,
            index: OnceLock::new(),
        }
    }

    fn index(&self) -> &CueIndex {
        self.index.get_or_init(|| {
            let mut index = CueIndex::default();
            for (n, cue) in self.list.iter().enumerate() {
                match cue.words.first() {
                    Some(&"#") | Some(&"n't") | None => index.anywhere.push(n),
                    Some(first) => {
                        let key = Key::of(&fold_word(first.trim_start_matches('=')));
                        let slot = key.slot();
                        index.filter[slot / 64] |= 1 << (slot % 64);
                        index.by_first.entry(key).or_default().push(n);
                    }
                }
                index
                    .patterns
                    .push(cue.words.iter().map(|w| Pattern::new(w)).collect());
                index.not_after.push(
                    cue.not_after
                        .iter()
                        .map(|w| Key::of(w))
                        .filter(|&k| k != Key::NONE)
                        .collect(),
                );
            }
            index
        })
    }

    /// Whether one of the cues starts at `words[at]`.
    fn at(&self, text: &str, words: &[&Token], at: usize) -> bool {
        let index = self.index();
        let Some(word) = words.get(at) else {
            return false;
        };
        let key = fold_key(text, word);
        let slot = key.slot();
        let keyed = if index.filter[slot / 64] & (1 << (slot % 64)) != 0 {
            index.by_first.get(&key)
        } else {
            None
        };
        keyed
            .into_iter()
            .flatten()
            .chain(&index.anywhere)
            .any(|&n| index.cue_at(text, words, at, n))
    }
}

impl CueIndex {
    /// Whether cue `n` matches at `words[at]` (and not right after one of its `not_after` words).
    fn cue_at(&self, text: &str, words: &[&Token], at: usize, n: usize) -> bool {
        let (Some(patterns), Some(not_after)) = (self.patterns.get(n), self.not_after.get(n))
        else {
            return false;
        };
        let fits = patterns
            .iter()
            .enumerate()
            .all(|(k, pattern)| words.get(at + k).is_some_and(|t| pattern.matches(text, t)));
        fits && !at
            .checked_sub(1)
            .and_then(|p| words.get(p))
            .is_some_and(|t| t.is_word() && t.key != Key::NONE && not_after.contains(&t.key))
    }
}

/// The key of a word as the cue index keys it (see [`fold_word`]).
fn fold_key(text: &str, tok: &Token) -> Key {
    if tok.key.is_ascii() {
        // Folding only lower-cases an ASCII word, as its key does.
        return tok.key;
    }
    Key::of(&fold_word(tok.text(text)))
}

/// A word as the cue index keys it: lower case, typographic apostrophes as `'`.
fn fold_word(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            '\u{2019}' => '\'',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

const fn cue(words: &'static [&'static str]) -> Cue {
    Cue {
        words,
        not_after: &[],
    }
}

/// Cues of a condition.
static CONDITIONAL: Cues = Cues::new(&[
    Cue {
        words: &["if"],
        not_after: &[
            "as", "even", "asked", "ask", "asks", "wonder", "wondered", "see", "know", "knows",
            "unclear", "check", "whether", "only",
        ],
    },
    cue(&["unless"]),
    cue(&["provided", "that"]),
    cue(&["in", "the", "event", "that"]),
    cue(&["on", "condition", "that"]),
]);

/// Cues of intention, plans and schedules.
static PLANNED: Cues = Cues::new(&[
    cue(&["will"]),
    cue(&["won't"]),
    cue(&["won’t"]),
    cue(&["shall"]),
    cue(&["plans", "to"]),
    cue(&["plan", "to"]),
    cue(&["planning", "to"]),
    cue(&["planned", "to"]),
    cue(&["intends", "to"]),
    cue(&["intend", "to"]),
    cue(&["intended", "to"]),
    cue(&["expected", "to"]),
    cue(&["scheduled", "to"]),
    cue(&["scheduled", "for"]),
    cue(&["developing", "a", "plan"]),
    cue(&["drawing", "up", "a", "plan"]),
    cue(&["preparing", "to"]),
    cue(&["prepare", "to"]),
    cue(&["prepares", "to"]),
    cue(&["is", "to", "be"]),
    cue(&["are", "to", "be"]),
    cue(&["set", "to"]),
    cue(&["about", "to"]),
    cue(&["going", "to", "be"]),
    // Instructions and orders: what they ask for is not yet done.
    cue(&["instruction", "to"]),
    cue(&["instructions", "to"]),
    cue(&["instructed", "to"]),
    cue(&["ordered", "to"]),
    cue(&["tasked", "with"]),
    cue(&["urged", "to"]),
]);

/// Cues that soften a claim: vagueness, approximation, hearsay.
static HEDGED: Cues = Cues::new(&[
    cue(&["reportedly"]),
    cue(&["allegedly"]),
    cue(&["apparently"]),
    cue(&["possibly"]),
    cue(&["probably"]),
    cue(&["likely"]),
    cue(&["unlikely"]),
    cue(&["=may"]),
    cue(&["might"]),
    cue(&["could"]),
    cue(&["perhaps"]),
    cue(&["maybe"]),
    // `as soon as possible` is urgency, not vagueness.
    Cue {
        words: &["soon"],
        not_after: &["as"],
    },
    cue(&["almost"]),
    cue(&["nearly"]),
    cue(&["approximately"]),
    cue(&["roughly"]),
    cue(&["about", "#"]),
    cue(&["around", "#"]),
    cue(&["some", "#"]),
    cue(&["up", "to", "#"]),
    cue(&["estimated"]),
    cue(&["seems"]),
    cue(&["seem"]),
    cue(&["seemed"]),
    cue(&["appears", "to"]),
    cue(&["appeared", "to"]),
    cue(&["believed", "to"]),
    cue(&["unconfirmed"]),
    cue(&["presumably"]),
    cue(&["supposedly"]),
    cue(&["virtually"]),
    cue(&["more", "or", "less"]),
]);

/// Cues of negation, and the phrases that look like one but are not.
static NEGATIONS: Cues = Cues::new(&[
    Cue {
        words: &["not"],
        not_after: &["or", "if"],
    },
    cue(&["never"]),
    cue(&["no"]),
    cue(&["nobody"]),
    cue(&["nothing"]),
    cue(&["none"]),
    cue(&["neither"]),
    cue(&["nor"]),
    cue(&["cannot"]),
    cue(&["n't"]),
]);

/// Phrases that start with a negation word but do not negate: `not only …
/// but also`, `not to leave` (a negated infinitive), `no doubt`.
const NOT_NEGATIONS: &[&[&str]] = &[
    &["not", "only"],
    &["not", "just"],
    &["not", "least"],
    &["not", "to"],
    &["no", "doubt"],
    &["nothing", "but"],
    &["never", "mind"],
    &["no", "sooner"],
    // Bounds, not denials: `no more than ten days`.
    &["no", "more", "than"],
    &["no", "less", "than"],
    &["no", "fewer", "than"],
    &["no", "later", "than"],
    &["no", "earlier", "than"],
    &["not", "more", "than"],
    &["not", "less", "than"],
];

static NUMBER_WORDS: &Words = word_set![
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "dozen",
    "dozens",
    "half",
    "a",
];

fn has_cue(text: &str, words: &[&Token], cues: &Cues) -> bool {
    (0..words.len()).any(|at| cues.at(text, words, at))
}

/// Whether the claim's main clause is negated (see the module docs for scope).
fn negated<'t>(text: &str, scope: impl Iterator<Item = &'t Token>) -> bool {
    // No segment outgrows the scope: sized once rather than grown.
    let mut segment: Vec<&Token> = Vec::with_capacity(scope.size_hint().0);
    let mut depth = 0usize;
    for tok in scope {
        match tok.kind {
            Kind::Punct('(' | '[') => depth += 1,
            Kind::Punct(')' | ']') => depth = depth.saturating_sub(1),
            Kind::Punct(',' | ';' | '—' | '–') if depth == 0 => {
                if segment_negated(text, &segment) {
                    return true;
                }
                segment.clear();
            }
            Kind::Word => segment.push(tok),
            _ => {}
        }
    }
    // The end of the scope closes the last segment, as a comma would.
    depth == 0 && segment_negated(text, &segment)
}

fn segment_negated(text: &str, words: &[&Token]) -> bool {
    static NEGATION_WORDS: &Words = word_set!["not", "no", "never", "longer"];
    let head = words.iter().find(|t| !t.is_in(NEGATION_WORDS));
    let subordinate = head.is_some_and(|t| {
        let word = t.text(text);
        t.is_in(SUBORDINATORS) || t.is_in(word_set!["despite", "without"]) || word.ends_with("ing")
    });
    if subordinate {
        return false;
    }
    (0..words.len()).any(|at| {
        NEGATIONS.at(text, words, at)
            && !NOT_NEGATIONS.iter().any(|phrase| {
                phrase
                    .iter()
                    .enumerate()
                    .all(|(k, w)| words.get(at + k).is_some_and(|t| t.is(text, w)))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The voice of each claim of `text`, as (claim start, speaker, modality, negated).
    fn voices(text: &str) -> Vec<(String, Option<String>, Modality, bool)> {
        let prepared = crate::prepare::prepare(text);
        let drafts = crate::claims::extract(text, &prepared.sentences);
        let voices = analyse(text, &drafts);
        drafts
            .iter()
            .zip(voices)
            .map(|(d, v)| {
                let words: String = text[d.range.clone()].chars().take(24).collect();
                (
                    words,
                    v.attribution.map(|r| text[r].to_string()),
                    v.modality,
                    v.negated,
                )
            })
            .collect()
    }

    fn speakers(text: &str) -> Vec<Option<String>> {
        voices(text).into_iter().map(|v| v.1).collect()
    }

    #[test]
    fn attribution_frames() {
        let cases: &[(&str, &[Option<&str>])] = &[
            (
                "According to mayor Sagintayev, all housing in Almaty operates routinely.",
                &[Some("Sagintayev")],
            ),
            (
                "“Our task was to bake. The plant did not stop,” Beisenbaeva said. According to her, it makes 60 tons a day. This feeds the city.",
                &[Some("Beisenbaeva"), Some("Beisenbaeva"), Some("Beisenbaeva"), None],
            ),
            (
                "As Rizagul Beisenbaeva, deputy director of the Aksai plant, said, the plant kept working.",
                &[Some("Rizagul Beisenbaeva")],
            ),
            (
                "How told The head of the CSTO forces in Kazakhstan, the commander of the Airborne Forces Andrei Serdyukov, over the past 24 hours, units have taken five more objects.",
                &[Some("Andrei Serdyukov")],
            ),
            (
                "According to one of the peacekeepers, Captain Denis Ivanov, his unit guards the building. He noted that people are friendly. “People help,” the officer said.",
                &[Some("Denis Ivanov"), Some("Denis Ivanov"), Some("Denis Ivanov")],
            ),
            (
                "President Tokayev also revealed that the forces will start withdrawing tomorrow.",
                &[Some("Tokayev")],
            ),
            (
                "The Head of State noted that he came to Almaty.",
                &[Some("Head of State")],
            ),
            (
                "The President was informed that the city was liberated.",
                &[None],
            ),
            (
                "The strike ended on Monday, the union said.",
                &[Some("union")],
            ),
            (
                "Schools will reopen on Monday, said Education Minister Asel Nurova.",
                &[Some("Asel Nurova")],
            ),
            (
                "The chairman chaired a meeting, Kazinform has learnt from the Akorda press service.",
                &[Some("Akorda press service")],
            ),
            (
                "Fighting resumed near the airport, according to local officials.",
                &[Some("local officials")],
            ),
            (
                "The ceasefire held overnight. Aid convoys entered the city.",
                &[None, None],
            ),
            (
                "“We will rebuild,” Mayor Ana Lopez told reporters. Power returned on Sunday, a spokesman said. “The grid is stable,” the spokesman added.",
                &[Some("Ana Lopez"), Some("spokesman"), Some("spokesman")],
            ),
            (
                "Shops, banks and cafes reopened, the mayor Erlan Kuanyshev said that the curfew ends on Friday.",
                &[Some("Erlan Kuanyshev"), Some("Erlan Kuanyshev"), Some("Erlan Kuanyshev")],
            ),
            (
                "The first ship left Odesa on Monday, Turkey's defence ministry said, under a deal that aims to ease a crisis.",
                &[Some("Turkey's defence ministry")],
            ),
            (
                "“We will stay,” Colonel Amir Haddad said, “until the last family has left.”",
                &[Some("Amir Haddad")],
            ),
            (
                "Kremlin spokesman Dmitry Peskov told reporters the move was positive. He said Moscow would monitor the deal.",
                &[Some("Dmitry Peskov"), Some("Dmitry Peskov")],
            ),
            (
                "The minister, who said he would resign, left the building.",
                &[None],
            ),
            (
                "“I've never seen anything like it,” said mum-of-two Karen Hughes, 42. “The water came up in minutes.” The river peaked at noon.",
                &[Some("Karen Hughes"), Some("Karen Hughes"), None],
            ),
            (
                "Roads were shut yesterday, and police warned drivers to stay away.",
                &[None],
            ),
            (
                "Council chiefs say the clean-up could take weeks.",
                &[Some("Council chiefs")],
            ),
            (
                "Police arrested 12 people, the interior ministry said in a statement.",
                &[Some("interior ministry")],
            ),
            (
                "Shares rose 4%, Reuters reported, citing two sources.",
                &[Some("two sources")],
            ),
            (
                "Kocharyan said: “We will go home. We did our job.”",
                &[Some("Kocharyan"), Some("Kocharyan")],
            ),
        ];
        for &(text, expected) in cases {
            let expected: Vec<Option<String>> =
                expected.iter().map(|s| s.map(str::to_string)).collect();
            assert_eq!(speakers(text), expected, "{text}");
        }
    }

    #[test]
    fn modality_with_precedence() {
        let cases: &[(&str, Modality)] = &[
            (
                "The CSTO peacekeeping forces will start withdrawing from the country tomorrow.",
                Modality::Planned,
            ),
            (
                "The command is developing a plan for the transfer of protected facilities.",
                Modality::Planned,
            ),
            (
                "The government plans to lift the curfew.",
                Modality::Planned,
            ),
            ("The minister is expected to resign.", Modality::Planned),
            (
                "He gave an instruction to restore the power grid, to render support to businesses, and to prevent food shortage.",
                Modality::Planned,
            ),
            ("The contingent will soon leave Almaty.", Modality::Planned),
            ("Looters reportedly seized the offices.", Modality::Hedged),
            (
                "The enterprise produces about 60 tons per day.",
                Modality::Hedged,
            ),
            (
                "Almost the entire Internet of Almaty is tied to this company.",
                Modality::Hedged,
            ),
            ("Prices may rise in May.", Modality::Hedged),
            ("The talks lasted until May 5.", Modality::Asserted),
            ("They talked about the plan.", Modality::Asserted),
            (
                "Crews restored power as soon as possible.",
                Modality::Asserted,
            ),
            (
                "If such a decision is made, then we have done our job well.",
                Modality::Conditional,
            ),
            (
                "Flights resume on Monday unless the strike goes ahead.",
                Modality::Conditional,
            ),
            ("He asked if the road was open.", Modality::Asserted),
            (
                "The ministry said that the bridge reopened.",
                Modality::Reported,
            ),
            ("The bridge reopened on Monday.", Modality::Asserted),
            ("“We will stay until the end.”", Modality::Planned),
            ("“The city is calm.”", Modality::Reported),
            (
                "Shops, banks and cafes may reopen on Monday.",
                Modality::Hedged,
            ),
        ];
        for &(text, expected) in cases {
            // Every claim of the sentence (a list gives several) has the modality.
            let got: Vec<Modality> = voices(text).into_iter().map(|v| v.2).collect();
            assert!(
                !got.is_empty() && got.iter().all(|&m| m == expected),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn negation_and_its_scope() {
        let cases: &[(&str, bool)] = &[
            (
                "The plant did not stop its work even during the riots.",
                true,
            ),
            ("The plant did not stop day or night, baking bread.", true),
            (
                "People, no longer fearing for their lives, began to travel by car.",
                false,
            ),
            ("Residents no longer fear for their lives.", true),
            ("The troops never left the airport.", true),
            ("No casualties were reported.", true),
            ("The police didn't intervene.", true),
            ("Not only bakeries but also pharmacies reopened.", false),
            ("Our task was not to leave people without bread.", false),
            ("When the power did not return, residents left.", false),
            ("The bakery, which never closed, doubled its output.", false),
            ("Stores began to accept payment by card.", false),
            ("There is no doubt the bridge reopened.", false),
            ("The withdrawal will take no more than ten days.", false),
            ("Officials said that the troops had not left.", true),
            ("The vote, which was not binding, passed easily.", false),
        ];
        for &(text, expected) in cases {
            let got: Vec<bool> = voices(text).into_iter().map(|v| v.3).collect();
            assert_eq!(got, [expected], "{text}");
        }
    }

    #[test]
    fn cue_words_fit_a_key() {
        for cues in [&CONDITIONAL, &PLANNED, &HEDGED, &NEGATIONS] {
            for cue in cues.list {
                for word in cue.words.iter().chain(cue.not_after) {
                    assert!(word.len() <= MAX_KEY_BYTES, "{word}");
                }
            }
        }
    }
}
