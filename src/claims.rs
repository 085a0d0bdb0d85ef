//! Claims: the checkable statements of an account, with exact offsets.
//!
//! A sentence gives one claim, unless it coordinates clauses that state
//! separate facts (`The Internet started working, public transport was
//! launched`: two claims) or lists things that share one predicate (`Trade,
//! markets and logistics are getting back up and running`: one claim per
//! item, each with the shared predicate's span). Commas inside quotes and
//! brackets never split, so quoted speech stays whole, and a comma splits only
//! when both sides read as clauses with their own subject and verb, so that
//! appositives and `According to X,` stay whole.
//!
//! A sentence repeated in the account (a pull quote, a headline restated)
//! gives one claim that lists the other places under `repeats`.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use crate::tokens::{tokens, tokens_in, word_set, Kind, Token, Words};

/// A claim before analysis: where it stands and its context sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ClaimDraft {
    /// The claim's own span.
    pub range: Range<usize>,
    /// The sentence it comes from.
    pub sentence: Range<usize>,
    /// For a list item, the span of the predicate it shares with the other items.
    pub predicate: Option<Range<usize>>,
    /// Other places where the account says the same thing.
    pub repeats: Vec<Range<usize>>,
}

/// Finite verb forms that need no guessing: auxiliaries and modals.
pub(crate) static AUXILIARIES: &Words = word_set![
    "is",
    "are",
    "was",
    "were",
    "am",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "shall",
    "should",
    "may",
    "might",
    "must",
    "cannot",
    "won't",
    "can't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "hasn't",
    "haven't",
    "hadn't",
    "don't",
    "doesn't",
    "didn't",
    "wouldn't",
    "couldn't",
    "shouldn't",
];

/// Common irregular past and present forms that end in neither `-ed` nor a
/// tell-tale suffix.
static IRREGULAR_VERBS: &Words = word_set![
    "began",
    "became",
    "came",
    "went",
    "gave",
    "took",
    "made",
    "said",
    "says",
    "told",
    "heard",
    "held",
    "left",
    "kept",
    "met",
    "ran",
    "saw",
    "sent",
    "stood",
    "thought",
    "knew",
    "found",
    "brought",
    "bought",
    "fell",
    "felt",
    "fought",
    "led",
    "lost",
    "paid",
    "rose",
    "sat",
    "spoke",
    "stole",
    "struck",
    "won",
    "wrote",
    "broke",
    "chose",
    "drove",
    "flew",
    "grew",
    "hid",
    "shot",
    "shut",
    "sold",
    "spent",
    "threw",
    "understood",
    "woke",
    "goes",
    "got",
    "remains",
    "continues",
    "seems",
    "appears",
    "operate",
    "operates",
    "works",
];

/// Verbs that report speech or a source. A clause made of a subject and one
/// of these (`…, officials said`, `…, Kazinform has learnt from the press
/// service`) frames the claim before it and is not a claim of its own.
pub(crate) static REPORTING_VERBS: &Words = word_set![
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "stated",
    "states",
    "explained",
    "explains",
    "emphasized",
    "emphasised",
    "reported",
    "reports",
    "announced",
    "announces",
    "claimed",
    "claims",
    "declared",
    "declares",
    "confirmed",
    "confirms",
    "wrote",
    "writes",
    "tweeted",
    "recalled",
    "insisted",
    "warned",
    "replied",
    "revealed",
    "reveals",
    "informed",
    "assured",
    "underlined",
    "admitted",
    "acknowledged",
    "argued",
    "learnt",
    "learned",
    "cited",
    "quoted",
    "continued",
    "concluded",
    "believes",
    "thinks",
    "thought",
    "asserted",
    "clarified",
    "specified",
    "mentioned",
];

/// Words that open a subordinate clause or a relative clause.
pub(crate) static SUBORDINATORS: &Words = word_set![
    "that", "which", "who", "whom", "whose", "whether", "if", "when", "whenever", "because",
    "since", "although", "though", "while", "whereas", "where", "unless", "until", "once", "as",
    "how", "after", "before", "so",
];

/// Subordinators that cannot occur inside a list item (`as` can: `as well as`).
static CLAUSE_OPENERS: &Words = word_set![
    "that", "which", "who", "whom", "whose", "whether", "if", "when", "because", "since",
    "although", "though", "while", "where", "unless", "until",
];

/// Prepositions and frame openers that cannot start an independent clause.
static PREPOSITIONS: &Words = word_set![
    "in",
    "on",
    "at",
    "during",
    "over",
    "under",
    "for",
    "with",
    "without",
    "from",
    "by",
    "of",
    "thanks",
    "amid",
    "following",
    "including",
    "such",
    "like",
    "among",
    "between",
    "through",
    "across",
    "against",
    "despite",
    "according",
    "to",
    "into",
    "about",
    "around",
    "near",
    "within",
    "towards",
    "toward",
    "except",
    "besides",
    "unlike",
    "per",
    "via",
    "together",
];

/// Words that open a noun phrase as a subject can.
static DETERMINERS: &Words = word_set![
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "some", "many", "most", "all", "several", "every", "each", "both", "another", "other",
    "few", "no", "one", "two", "three", "four", "five",
];

/// Personal pronouns that can be a clause's subject.
static PRONOUNS: &Words = word_set!["he", "she", "it", "they", "we", "i", "you", "there"];

/// Conjunctions that may lead a clause or list item and are not part of it.
static LEADERS: &Words = word_set!["and", "but", "or", "so", "yet", "then", "nor", "plus"];

/// Words that lead a list item and are not part of it (`including public transport`).
static ITEM_LEADERS: &Words = word_set![
    "and",
    "or",
    "nor",
    "including",
    "especially",
    "notably",
    "plus",
    "like",
    "not",
    "only",
    "also",
    "both",
    "either",
    "neither",
];

/// Finds the claims of the given sentences (in text order).
#[cfg(test)]
pub(crate) fn extract(text: &str, sentences: &[Range<usize>]) -> Vec<ClaimDraft> {
    extract_with_tokens(text, sentences).0
}

/// The tokens of each piece of text that claims were read from (a sentence,
/// or a chunk of an over-long one: the drafts' `sentence`), in text order.
pub(crate) type PieceTokens = Vec<(Range<usize>, Vec<Token>)>;

/// Finds the claims of the given sentences (in text order), with the tokens
/// they were read from, so that the voice analysis need not read them again.
#[inline(never)]
pub(crate) fn extract_with_tokens(
    text: &str,
    sentences: &[Range<usize>],
) -> (Vec<ClaimDraft>, PieceTokens) {
    // About one claim per sentence: the lists start there rather than grow.
    let mut drafts = Vec::with_capacity(sentences.len());
    let mut keys = Vec::with_capacity(sentences.len());
    let mut pieces = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        for chunk in chunks(text, sentence.clone()) {
            let toks = tokens(text, chunk.clone());
            let from = drafts.len();
            split_sentence(text, &toks, chunk.clone(), &mut drafts);
            keys.extend(drafts[from..].iter().map(|d| repeat_key(text, &toks, d)));
            pieces.push((chunk, toks));
        }
    }
    (fold_repeats(drafts, &keys), pieces)
}

/// A "sentence" longer than this (text with no sentence punctuation) is cut
/// into chunks, so that no claim is too long to compare and diff.
const MAX_SENTENCE_BYTES: usize = 1200;
/// The most bytes of one chunk of an over-long sentence.
const CHUNK_BYTES: usize = 600;

/// Cuts an over-long sentence at a comma or semicolon (else at a space, else
/// anywhere on a char boundary) about every [`CHUNK_BYTES`].
fn chunks(text: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
    if sentence.len() <= MAX_SENTENCE_BYTES {
        return vec![sentence];
    }
    let mut out = Vec::new();
    let mut start = sentence.start;
    while sentence.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + CHUNK_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = text.get(start..limit).unwrap_or("");
        let floor = start + CHUNK_BYTES / 4;
        let cut = window
            .rfind([',', ';'])
            .map(|i| start + i + 1)
            .filter(|&cut| cut > floor)
            .or_else(|| {
                window
                    .rfind(char::is_whitespace)
                    .map(|i| start + i)
                    .filter(|&cut| cut > floor)
            })
            .unwrap_or(limit);
        out.extend(crate::text::trim(text, start..cut));
        start = cut;
    }
    out.extend(crate::text::trim(text, start..sentence.end));
    out
}

/// A run of tokens between split points, as indices into the sentence's tokens.
type Segment = Range<usize>;

/// Splits a sentence (`toks` are its tokens) into claims.
fn split_sentence(text: &str, toks: &[Token], sentence: Range<usize>, out: &mut Vec<ClaimDraft>) {
    let open = protected(toks);
    let commas: Vec<usize> = (0..toks.len())
        .filter(|&i| !open[i] && toks[i].is_punct(','))
        .collect();
    let segments = segments_between(toks, &commas);
    let lists = [infinitive_list, subject_list, object_list];
    if let Some(list) = lists.iter().find_map(|f| f(text, toks, &segments)) {
        let predicate = Some(list.predicate);
        out.extend(list.items.into_iter().map(|range| ClaimDraft {
            range,
            sentence: sentence.clone(),
            predicate: predicate.clone(),
            repeats: Vec::new(),
        }));
        return;
    }
    let clauses = clauses(text, toks, &open);
    if clauses.len() < 2 {
        out.push(ClaimDraft {
            range: sentence.clone(),
            sentence,
            predicate: None,
            repeats: Vec::new(),
        });
        return;
    }
    let last = clauses.len() - 1;
    for (n, clause) in clauses.into_iter().enumerate() {
        let Some(range) = clause_range(toks, clause, n == last, &sentence) else {
            continue;
        };
        out.push(ClaimDraft {
            range,
            sentence: sentence.clone(),
            predicate: None,
            repeats: Vec::new(),
        });
    }
}

/// Marks the tokens inside quotes or brackets, where no split may happen.
///
/// A closing quote with no opening one means the quote began in an earlier
/// sentence: everything before it is quoted. An opening quote that does not
/// close runs to the end of the sentence.
fn protected(toks: &[Token]) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let mut quote = 0usize;
    let mut straight = false;
    let mut bracket = 0usize;
    let mut quoted_before = 0;
    for (i, tok) in toks.iter().enumerate() {
        match tok.kind {
            Kind::Punct('“' | '«' | '„') => quote += 1,
            Kind::Punct('”' | '»') => {
                if quote == 0 {
                    quoted_before = i;
                }
                quote = quote.saturating_sub(1);
            }
            Kind::Punct('"') => straight = !straight,
            Kind::Punct('(' | '[') => bracket += 1,
            Kind::Punct(')' | ']') => bracket = bracket.saturating_sub(1),
            _ => {}
        }
        out[i] |= quote > 0 || straight || bracket > 0;
    }
    out[..quoted_before].iter_mut().for_each(|p| *p = true);
    out
}

/// The runs of tokens between the given split tokens (which belong to neither side).
fn segments_between(toks: &[Token], splits: &[usize]) -> Vec<Segment> {
    let mut out = Vec::with_capacity(splits.len() + 1);
    let mut start = 0;
    for &split in splits {
        out.push(start..split);
        start = split + 1;
    }
    out.push(start..toks.len());
    out
}

/// The word tokens of a segment.
fn words<'a>(toks: &'a [Token], segment: &Segment) -> impl Iterator<Item = &'a Token> + 'a {
    toks.get(segment.clone())
        .unwrap_or(&[])
        .iter()
        .filter(|t| t.is_word())
}

/// Whether the word at `toks[i]` is a finite verb, as far as a word list and
/// the `-ed` ending can tell.
fn is_verb(text: &str, toks: &[Token], i: usize) -> bool {
    let Some(tok) = toks.get(i) else {
        return false;
    };
    if !tok.is_word() {
        return false;
    }
    if tok.is_in(AUXILIARIES) || tok.is_in(IRREGULAR_VERBS) {
        return true;
    }
    let word = tok.text(text);
    let after_determiner = || {
        i.checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| p.is_in(DETERMINERS))
    };
    word.len() >= 5
        && word.ends_with("ed")
        && word.chars().next().is_some_and(char::is_lowercase)
        && !after_determiner()
}

fn is_aux(tok: &Token) -> bool {
    tok.is_in(AUXILIARIES)
}

/// Whether a segment has a finite verb.
fn has_verb(text: &str, toks: &[Token], segment: &Segment) -> bool {
    segment.clone().any(|i| is_verb(text, toks, i))
}

/// Index of the first word of a segment after any leading conjunctions.
fn first_word(toks: &[Token], segment: &Segment) -> Option<usize> {
    segment
        .clone()
        .find(|&i| toks[i].is_word() && !toks[i].is_in(LEADERS))
}

/// Whether a segment opens an independent clause: a subject, then a verb.
fn starts_clause(text: &str, toks: &[Token], segment: &Segment) -> bool {
    let Some(first) = first_word(toks, segment) else {
        return false;
    };
    let head = &toks[first];
    let word = head.text(text);
    if head.is_in(SUBORDINATORS)
        || head.is_in(PREPOSITIONS)
        || is_verb(text, toks, first)
        || word.ends_with("ing")
        || head.is_in(word_set!["not", "no", "never", "also", "then", "now"])
    {
        return false;
    }
    let nominal = head.is_in(DETERMINERS)
        || head.is_in(PRONOUNS)
        || head.is_capitalised(text)
        || word.chars().next().is_some_and(|c| c.is_ascii_digit());
    let mut seen = 0;
    for i in first + 1..segment.end {
        let tok = &toks[i];
        if !tok.is_word() {
            continue;
        }
        seen += 1;
        if tok.is(text, "to") && !nominal {
            return false;
        }
        if nominal && seen <= 6 && is_verb(text, toks, i) {
            return true;
        }
        if !nominal && seen <= 4 && is_aux(tok) {
            return true;
        }
        if seen > 6 {
            return false;
        }
    }
    false
}

/// What is known of a clause as its pieces are read, so that each token is
/// looked at once however many pieces a sentence has.
#[derive(Debug, Default)]
struct ClauseState {
    /// It opens with a subordinator or preposition: not a main clause.
    dependent: bool,
    /// A main verb came before any subordinate clause.
    main: bool,
    /// A subordinate clause has begun.
    subordinate: bool,
    /// A subordinate clause (`informed that …`) still waits for its verb.
    open: bool,
}

impl ClauseState {
    fn new(text: &str, toks: &[Token], piece: &Segment) -> ClauseState {
        let dependent = first_word(toks, piece).is_none_or(|first| {
            toks[first].is_in(SUBORDINATORS) || toks[first].is_in(PREPOSITIONS)
        });
        let mut state = ClauseState {
            dependent,
            ..ClauseState::default()
        };
        state.read(text, toks, piece);
        state
    }

    fn read(&mut self, text: &str, toks: &[Token], piece: &Segment) {
        for i in piece.clone() {
            if toks[i].is_in(SUBORDINATORS) {
                self.open = true;
                self.subordinate = true;
            } else if is_verb(text, toks, i) {
                if self.open {
                    self.open = false;
                } else if !self.subordinate {
                    self.main = true;
                }
            }
        }
    }

    /// A complete main clause: not dependent, with a main verb, and no
    /// subordinate clause left waiting for its verb.
    fn complete(&self) -> bool {
        !self.dependent && self.main && !self.open
    }
}

/// Groups a sentence's tokens into coordinated clauses. Split points are
/// commas, semicolons and the conjunctions `and`/`but` outside quotes and
/// brackets; a split is kept only between a complete clause and one that
/// starts with its own subject and verb.
fn clauses(text: &str, toks: &[Token], open: &[bool]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut current: Option<Segment> = None;
    let mut start = 0;
    // Every sentence has at least one piece, most a few: sized once.
    let mut pieces = Vec::with_capacity(8);
    for (i, tok) in toks.iter().enumerate() {
        if open[i] {
            continue;
        }
        let separator = tok.is_punct(',') || tok.is_punct(';');
        let conjunction = tok.is(text, "and") || tok.is(text, "but");
        if separator || (conjunction && i > start) {
            pieces.push(start..i);
            start = if separator { i + 1 } else { i };
        }
    }
    pieces.push(start..toks.len());
    let mut state = ClauseState::default();
    for piece in pieces {
        if words(toks, &piece).next().is_none() {
            if let Some(c) = current.as_mut() {
                c.end = piece.end;
            }
            continue;
        }
        current = Some(match current {
            Some(c)
                if state.complete()
                    && starts_clause(text, toks, &piece)
                    && !reporting_frame(text, toks, &piece) =>
            {
                out.push(c);
                state = ClauseState::new(text, toks, &piece);
                piece
            }
            Some(c) => {
                state.read(text, toks, &piece);
                c.start..piece.end
            }
            None => {
                state = ClauseState::new(text, toks, &piece);
                piece
            }
        });
    }
    out.extend(current);
    out
}

/// Whether a clause is only a reporting frame: its first verb reports
/// speech and no `that` follows (`the officer said`, `Kazinform has learnt
/// from the press service`).
fn reporting_frame(text: &str, toks: &[Token], piece: &Segment) -> bool {
    let verbs = piece
        .clone()
        .filter(|&i| is_verb(text, toks, i) || toks[i].is_in(REPORTING_VERBS));
    let reporting = verbs.take(2).find(|&i| toks[i].is_in(REPORTING_VERBS));
    reporting.is_some_and(|i| {
        !(i + 1..piece.end).any(|j| toks[j].is(text, "that") || toks[j].is_punct(':'))
    })
}

/// The text span of a clause: without leading conjunctions and without the
/// trailing comma; the last clause keeps the sentence's closing mark.
fn clause_range(
    toks: &[Token],
    clause: Segment,
    last: bool,
    sentence: &Range<usize>,
) -> Option<Range<usize>> {
    let first = first_word(toks, &clause)?;
    let start = toks[first].range.start;
    let end = if last {
        sentence.end
    } else {
        let end_tok = clause
            .clone()
            .rev()
            .find(|&i| !(toks[i].is_punct(',') || toks[i].is_punct(';')))?;
        toks[end_tok].range.end
    };
    (start < end).then_some(start..end)
}

/// The items of a list and the predicate they share.
struct List {
    items: Vec<Range<usize>>,
    predicate: Range<usize>,
}

/// The most words a list item may have in a list after the verb; longer runs
/// are usually appositives (`Roman Sklyar, First Deputy Prime Minister`).
const MAX_OBJECT_ITEM_WORDS: usize = 4;
/// The most words a subject-list item may have.
const MAX_SUBJECT_ITEM_WORDS: usize = 8;

/// `He ordered them to restore X, to render Y, and to prevent Z`: one item
/// per infinitive, sharing `He ordered them`.
fn infinitive_list(text: &str, toks: &[Token], segments: &[Segment]) -> Option<List> {
    let starts_with_to =
        |segment: &Segment| first_word(toks, segment).filter(|&i| toks[i].is(text, "to"));
    let head = (0..segments.len().saturating_sub(1)).find(|&n| {
        starts_with_to(&segments[n + 1]).is_some() && starts_with_to(&segments[n]).is_none()
    })?;
    let segment = &segments[head];
    let to = segment.clone().rev().find(|&i| {
        toks[i].is(text, "to")
            && toks.get(i + 1).is_some_and(|next| {
                next.is_word()
                    && !next.is_in(DETERMINERS)
                    && !next.is_capitalised(text)
                    && next
                        .text(text)
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic)
            })
    })?;
    let first_item = toks[to].range.start..segment_end(toks, segment)?;
    let mut items = Vec::from([first_item]);
    for segment in &segments[head + 1..] {
        let Some(i) = starts_with_to(segment) else {
            break;
        };
        items.push(toks[i].range.start..segment_end(toks, segment)?);
    }
    let predicate_end = toks[..to].iter().rev().find(|t| t.is_word())?.range.end;
    let predicate_start = toks.iter().find(|t| t.is_word())?.range.start;
    (items.len() >= 2 && predicate_start < predicate_end).then_some(List {
        items,
        predicate: predicate_start..predicate_end,
    })
}

/// Sentence adverbs that a comma sets off at the head of a sentence; they
/// are not the first item of a list (`Yesterday, the bridge and the tunnel
/// were closed`).
static SENTENCE_ADVERBS: &Words = word_set![
    "yesterday",
    "today",
    "tomorrow",
    "meanwhile",
    "however",
    "now",
    "earlier",
    "later",
    "also",
    "still",
    "moreover",
    "furthermore",
    "nevertheless",
    "then",
    "overall",
    "finally",
    "first",
    "second",
    "instead",
    "separately",
    "currently",
    "previously",
    "recently",
    "gradually",
];

/// `Trade, markets, financial sector as well as logistics are getting back
/// up and running`: one item per thing listed, sharing the predicate.
fn subject_list(text: &str, toks: &[Token], segments: &[Segment]) -> Option<List> {
    let verb = (0..toks.len()).find(|&i| is_verb(text, toks, i))?;
    let k = segments.iter().position(|s| s.contains(&verb))?;
    if k == 0 {
        return None;
    }
    let mut nouns: Vec<Segment> = segments[..k].to_vec();
    let before_verb = segments[k].start..verb;
    if words(toks, &before_verb).next().is_some() {
        nouns.push(before_verb);
    } else if k < 2 {
        return None;
    }
    let first = first_word(toks, nouns.first()?)?;
    let head = &toks[first];
    let lone = words(toks, &nouns[0]).count() == 1;
    if head.is_in(PREPOSITIONS)
        || head.is_in(SENTENCE_ADVERBS)
        || (lone && head.text(text).ends_with("ly"))
    {
        return None;
    }
    let fits = |s: &Segment| {
        words(toks, s).count() <= MAX_SUBJECT_ITEM_WORDS
            && !words(toks, s).any(|t| t.is_in(CLAUSE_OPENERS))
    };
    let coordinated = nouns
        .iter()
        .any(|s| coordinators(text, toks, s).next().is_some());
    if !coordinated || !nouns.iter().all(fits) {
        return None;
    }
    let mut items = Vec::new();
    for segment in &nouns {
        items.extend(list_items(text, toks, segment));
    }
    // The shared predicate ends with its clause, at the next comma.
    let predicate = toks[verb].range.start..content_end(toks, verb..segments[k].end)?;
    (items.len() >= 2).then_some(List { items, predicate })
}

/// `The factory stopped the production of pastries, buns, gingerbread and
/// dryers`: one item per thing listed after the verb.
fn object_list(text: &str, toks: &[Token], segments: &[Segment]) -> Option<List> {
    let verb_at = segments.iter().rposition(|s| has_verb(text, toks, s))?;
    let tail = segments.get(verb_at + 1..)?;
    let last = tail.last()?;
    let short = |s: &Segment| {
        let n = words(toks, s).count();
        (1..=MAX_OBJECT_ITEM_WORDS).contains(&n)
    };
    if !tail.iter().all(short) || coordinators(text, toks, last).next().is_none() {
        return None;
    }
    let segment = &segments[verb_at];
    // The first item is the end of the verb's segment, after its last verb or preposition.
    let cut = segment
        .clone()
        .rev()
        .find(|&i| is_verb(text, toks, i) || toks[i].is_in(PREPOSITIONS))?;
    let first_item = cut + 1..segment.end;
    if !short(&first_item) {
        return None;
    }
    let mut items = list_items(text, toks, &first_item);
    for segment in tail {
        items.extend(list_items(text, toks, segment));
    }
    // A verb with no subject in its segment (`The forces, which arrived on
    // Monday, guarded …`) takes the sentence's start into the predicate.
    let lead = first_word(toks, segment)?;
    let lead = if is_verb(text, toks, lead) {
        first_word(toks, &(0..segment.end))?
    } else {
        lead
    };
    let predicate = toks[lead].range.start..toks[cut].range.end;
    (items.len() >= 3).then_some(List { items, predicate })
}

/// Token indices where a segment's words are coordinated: `and`, `or`,
/// `nor`, `but` of `not only … but also`, and the first word of `as well as`.
fn coordinators<'a>(
    text: &'a str,
    toks: &'a [Token],
    segment: &Segment,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    segment.clone().filter_map(move |i| {
        let but_also =
            toks[i].is(text, "but") && toks.get(i + 1).is_some_and(|t| t.is(text, "also"));
        if toks[i].is_in(word_set!["and", "or", "nor"]) || but_also {
            Some((i, 1))
        } else if toks[i].is(text, "as")
            && toks.get(i + 1).is_some_and(|t| t.is(text, "well"))
            && toks.get(i + 2).is_some_and(|t| t.is(text, "as"))
        {
            Some((i, 3))
        } else {
            None
        }
    })
}

/// The items of one list segment: split on its coordinators, without
/// leading `including`/`and`, as text spans.
fn list_items(text: &str, toks: &[Token], segment: &Segment) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = segment.start;
    let mut push = |from: usize, to: usize| {
        let from = (from..to).find(|&i| toks[i].is_word() && !toks[i].is_in(ITEM_LEADERS));
        let to = from.and_then(|from| (from..to).rev().find(|&i| toks[i].is_word()));
        if let (Some(from), Some(to)) = (from, to) {
            out.push(toks[from].range.start..toks[to].range.end);
        }
    };
    let mut skip_to = 0;
    for (i, len) in coordinators(text, toks, segment).collect::<Vec<_>>() {
        if i < skip_to {
            continue;
        }
        push(start, i);
        start = i + len;
        skip_to = start;
    }
    push(start, segment.end);
    out
}

/// End of the last word or closing bracket/quote in `span`, leaving out the
/// sentence's final full stop.
fn content_end(toks: &[Token], span: Segment) -> Option<usize> {
    toks.get(span)?
        .iter()
        .rev()
        .find(|t| t.is_word() || matches!(t.kind, Kind::Punct(')' | '”' | '"' | '»' | '%')))
        .map(|t| t.range.end)
}

/// End of the last token of a segment that is not a comma, full stop or semicolon.
fn segment_end(toks: &[Token], segment: &Segment) -> Option<usize> {
    content_end(toks, segment.clone())
}

/// Words left out of a claim's repeat key: articles and the auxiliaries that
/// differ between `has been launched` and `was launched`.
static KEY_SKIP: &Words =
    word_set!["a", "an", "the", "has", "have", "had", "been", "was", "were", "is", "are",];
/// Prefixes of at most this many key words are indexed for near repeats.
const MAX_PREFIX_WORDS: usize = 24;
/// The fewest key words a claim needs to be folded into a longer one.
const MIN_PREFIX_WORDS: usize = 3;

/// The words that identify a claim for repeat detection, lower-cased and
/// joined by spaces: those of its span, then for a list item `|` and those
/// of its predicate. `None` if its span has no such words. `toks` are the
/// tokens of the claim's sentence.
fn repeat_key(text: &str, toks: &[Token], draft: &ClaimDraft) -> Option<String> {
    // The words with their spaces rarely outgrow the spans they come from.
    let spans = draft.range.len() + draft.predicate.as_ref().map_or(0, |p| p.len() + 2);
    let mut key = String::with_capacity(spans);
    push_key_words(text, &tokens_in(text, toks, &draft.range), &mut key);
    if key.is_empty() {
        return None;
    }
    if let Some(predicate) = &draft.predicate {
        key.push_str(" |");
        push_key_words(text, &tokens_in(text, toks, predicate), &mut key);
    }
    Some(key)
}

/// Appends the key words of `toks` to `key`, each after a space if `key` is not empty.
fn push_key_words(text: &str, toks: &[Token], key: &mut String) {
    for tok in toks.iter().filter(|t| t.is_word() && !t.is_in(KEY_SKIP)) {
        if !key.is_empty() {
            key.push(' ');
        }
        let word = tok.text(text);
        if word.is_ascii() {
            let at = key.len();
            key.push_str(word);
            if let Some(added) = key.get_mut(at..) {
                added.make_ascii_lowercase();
            }
        } else {
            key.push_str(&word.to_lowercase().replace('’', "'"));
        }
    }
}

/// Folds claims that repeat an earlier one into it: the same words (after
/// case, punctuation, articles and auxiliaries), or the first words of an
/// earlier claim making up at least half of it (`The Internet has started
/// working` after `The Internet started working in the city`). A list item
/// repeats only the same item with the same predicate. `keys` are the
/// drafts' [`repeat_key`]s.
fn fold_repeats(drafts: Vec<ClaimDraft>, keys: &[Option<String>]) -> Vec<ClaimDraft> {
    let mut out: Vec<ClaimDraft> = Vec::with_capacity(drafts.len());
    // Sized up front (a key per claim, several prefixes of each) rather than
    // rehashed as they grow; only looked up, never iterated.
    let mut exact: HashMap<&str, usize> =
        HashMap::with_capacity_and_hasher(drafts.len(), Default::default());
    let mut prefixes: HashMap<&str, (usize, usize)> =
        HashMap::with_capacity_and_hasher(drafts.len() * 8, Default::default());
    for (draft, key) in drafts.into_iter().zip(keys) {
        let Some(key) = key.as_deref() else {
            out.push(draft);
            continue;
        };
        // Key words hold no spaces: one word more than spaces.
        let count = key.bytes().filter(|&b| b == b' ').count() + 1;
        let earlier = exact.get(key).copied().or_else(|| {
            prefixes
                .get(key)
                .filter(|&&(_, total)| count * 2 >= total)
                .map(|&(n, _)| n)
                .filter(|_| draft.predicate.is_none() && count >= MIN_PREFIX_WORDS)
        });
        if let Some(n) = earlier.filter(|&n| out[n].sentence != draft.sentence) {
            out[n].repeats.push(draft.range);
            continue;
        }
        let n = out.len();
        exact.entry(key).or_insert(n);
        if draft.predicate.is_none() {
            // The first `len` words end at the `len`-th space.
            let limit = count.min(MAX_PREFIX_WORDS + 1);
            for (len, (space, _)) in (1..limit).zip(key.match_indices(' ')) {
                if len >= MIN_PREFIX_WORDS {
                    prefixes.entry(&key[..space]).or_insert((n, count));
                }
            }
        }
        out.push(draft);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim_texts(text: &str) -> Vec<String> {
        let sentences = crate::text::sentences(text, 0..text.len());
        extract(text, &sentences)
            .into_iter()
            .map(|d| match d.predicate {
                Some(p) => format!("{} || {}", &text[d.range], &text[p]),
                None => text[d.range].to_string(),
            })
            .collect()
    }

    #[test]
    fn coordinated_clauses_split_into_claims() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The Internet started working in the city, public transport was launched along the main highways.",
                &[
                    "The Internet started working in the city",
                    "public transport was launched along the main highways.",
                ],
            ),
            (
                "The bridge reopened on Monday, and the ferries stopped running.",
                &["The bridge reopened on Monday", "the ferries stopped running."],
            ),
            (
                "Schools will reopen next week; hospitals have resumed routine surgery.",
                &["Schools will reopen next week", "hospitals have resumed routine surgery."],
            ),
            (
                "The dam held but the river flooded two villages.",
                &["The dam held", "the river flooded two villages."],
            ),
        ];
        for &(text, expected) in cases {
            assert_eq!(claim_texts(text), expected, "{text}");
        }
    }

    #[test]
    fn frames_appositives_and_quotes_stay_whole() {
        for text in [
            "According to mayor Sagintayev, all housing and public unities in Almaty operate routinely.",
            "Another strategic facility in the city, the Kazakhtelecom telecommunications company, is guarded by Russian peacekeepers.",
            "People, no longer fearing for their lives, began to travel by car to work or on personal business.",
            "“People help in every possible way, they respond to all requests,” the officer said.",
            "When marauders appeared, the factory stopped making pastries.",
            "If such a decision is made, then we have done our job well.",
            "The President was informed that thanks to his decision to deploy additional forces, including the CSTO peacekeeping contingent, Almaty city was liberated from terrorists.",
            "President Tokayev also revealed that the forces will start withdrawing tomorrow, adding the words of gratitude to the command.",
            "We immediately launched the production of all bakery products and are now working as usual.",
            "The decision that the building will be guarded by peacekeepers, the workers greeted with a bang.",
            "Residents often approach the soldiers and ask to be photographed.",
            "Despite notable improvements in the city, the contingent continues to carry out its tasks.",
            "Mr. Ortega, 54, a former union leader who was elected in May, said the strike had ended.",
            "Trade and catering facilities are getting back up and running.",
            "Yesterday, the bridge and the tunnel were closed.",
            "The chairman chaired a meeting in the capital, Kazinform has learnt from the press service.",
            "The troops left the city on Friday, the ministry said.",
        ] {
            assert_eq!(claim_texts(text), [text], "{text}");
        }
    }

    #[test]
    fn lists_expand_into_items_with_their_predicate() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Trade and catering facilities, markets, financial sector as well as logistics, including public transport, are getting back up and running.",
                &[
                    "Trade || are getting back up and running",
                    "catering facilities || are getting back up and running",
                    "markets || are getting back up and running",
                    "financial sector || are getting back up and running",
                    "logistics || are getting back up and running",
                    "public transport || are getting back up and running",
                ],
            ),
            (
                "He gave an instruction to the commission to restore the city’s infrastructure as soon as possible, to render necessary support to businesses affected, to ensure smooth running of public transport, and to prevent food shortage.",
                &[
                    "to restore the city’s infrastructure as soon as possible || He gave an instruction to the commission",
                    "to render necessary support to businesses affected || He gave an instruction to the commission",
                    "to ensure smooth running of public transport || He gave an instruction to the commission",
                    "to prevent food shortage || He gave an instruction to the commission",
                ],
            ),
            (
                "When marauders appeared on the streets, the factory stopped the production of puff pastries, buns, gingerbread and dryers.",
                &[
                    "puff pastries || the factory stopped the production of",
                    "buns || the factory stopped the production of",
                    "gingerbread || the factory stopped the production of",
                    "dryers || the factory stopped the production of",
                ],
            ),
            (
                "The forces, which arrived on January 6, guarded strategic facilities, airports and power plants.",
                &[
                    "strategic facilities || The forces, which arrived on January 6, guarded",
                    "airports || The forces, which arrived on January 6, guarded",
                    "power plants || The forces, which arrived on January 6, guarded",
                ],
            ),
            (
                "Not only Russian but also Belarusian, Armenian and Kyrgyz troops took part.",
                &[
                    "Russian || took part",
                    "Belarusian || took part",
                    "Armenian || took part",
                    "Kyrgyz troops || took part",
                ],
            ),
            (
                "Banks, pharmacies and petrol stations reopened in Kharkiv on Tuesday.",
                &[
                    "Banks || reopened in Kharkiv on Tuesday",
                    "pharmacies || reopened in Kharkiv on Tuesday",
                    "petrol stations || reopened in Kharkiv on Tuesday",
                ],
            ),
        ];
        for &(text, expected) in cases {
            assert_eq!(claim_texts(text), expected, "{text}");
        }
    }

    #[test]
    fn a_list_predicate_ends_with_its_clause() {
        let text = "Banks, shops and cafes reopened on Monday, the mayor said that the bridge will not reopen.";
        assert_eq!(
            claim_texts(text),
            [
                "Banks || reopened on Monday",
                "shops || reopened on Monday",
                "cafes || reopened on Monday",
            ]
        );
    }

    #[test]
    fn over_long_sentences_are_cut_into_bounded_claims() {
        let cases = [
            "word ".repeat(2000),
            "the port reopened, ".repeat(500),
            "ж".repeat(5000),
            "a".repeat(3001),
        ];
        for text in &cases {
            let sentences = crate::text::sentences(text, 0..text.len());
            let drafts = extract(text, &sentences);
            assert!(!drafts.is_empty());
            for draft in &drafts {
                assert!(
                    draft.range.len() <= MAX_SENTENCE_BYTES,
                    "{}",
                    draft.range.len()
                );
                assert!(
                    text.is_char_boundary(draft.range.start)
                        && text.is_char_boundary(draft.range.end)
                );
            }
        }
    }

    #[test]
    fn long_appositive_lists_stay_whole() {
        let text = "President Tokayev heard reports from Chairman of the Government Commission, First Deputy Prime Minister Roman Sklyar, akim (mayor) of Almaty city Bakytzhan Sagintayev, and Minister of Emergency Situations Yuri Ilyin.";
        assert_eq!(claim_texts(text), [text]);
    }

    #[test]
    fn repeats_fold_into_the_first_claim() {
        let text = "Normal life is returning to the city. The Internet started working in the city, public transport was launched along the main highways.\n\nNormal life is returning to the city. The Internet has started working, public transport has been launched along the main highways";
        let sentences = crate::text::sentences(text, 0..text.len());
        let drafts = extract(text, &sentences);
        let shown: Vec<(&str, Vec<&str>)> = drafts
            .iter()
            .map(|d| {
                (
                    &text[d.range.clone()],
                    d.repeats.iter().map(|r| &text[r.clone()]).collect(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                (
                    "Normal life is returning to the city.",
                    vec!["Normal life is returning to the city."]
                ),
                (
                    "The Internet started working in the city",
                    vec!["The Internet has started working"]
                ),
                (
                    "public transport was launched along the main highways.",
                    vec!["public transport has been launched along the main highways"]
                ),
            ]
        );
    }

    #[test]
    fn longer_restatements_are_not_folded() {
        let text = "Troops will leave. Troops will leave Almaty on Friday.";
        assert_eq!(claim_texts(text).len(), 2);
    }
}
