//! Document preparation: what of an account is not a claim.
//!
//! A leading `date YYYY-MM-DD` line and a dateline (`ALMATY. KAZINFORM –`,
//! `MOSCOW, January 12. /TASS/.`) give the document's date and place; site
//! boilerplate (comment forms, share buttons, cookie notices, credits) is
//! recognised from a table of families. Both are reported as ignored spans,
//! and what is left is cut into sentences for the claim extractor.

use std::ops::Range;
use std::sync::OnceLock;

use crate::text::{sentences_into, trim};
use crate::tokens::{tokens, word_set, Kind, Token, Words};

/// An account made ready for claim extraction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Prepared {
    /// The date the text gives itself (`YYYY-MM-DD`), if it gives a full one.
    pub date: Option<String>,
    /// The place named by the dateline, as written.
    pub place: Option<String>,
    /// Spans that are not claims, in text order, with their reason.
    pub ignored: Vec<(Range<usize>, &'static str)>,
    /// The sentences left for claims, in text order.
    pub sentences: Vec<Range<usize>>,
}

/// How many leading non-empty lines may carry the date line or dateline
/// (a headline and a blank line often come first).
const HEAD_LINES: usize = 4;
/// Longest line or sentence tested against the boilerplate table: chrome is
/// short, and the bound keeps a 2 MB paragraph cheap.
const MAX_CHROME_BYTES: usize = 400;

/// Reads an account's date line, dateline and boilerplate, and cuts the rest
/// into sentences.
pub(crate) fn prepare(text: &str) -> Prepared {
    let mut prepared = Prepared::default();
    // About one sentence in 128 bytes of news prose: the list starts there
    // rather than grows.
    prepared.sentences.reserve(text.len() / 128 + 1);
    let mut head_lines = 0;
    let (mut has_date_line, mut has_dateline) = (false, false);
    let (lines, markup) = lines(text);
    // The normalised unit, one buffer for every line and sentence.
    let mut norm = String::new();
    // The sentences of one line, one buffer for every line.
    let mut cut = Vec::new();
    prepared
        .ignored
        .extend(markup.into_iter().map(|range| (range, "markup")));
    for line in lines {
        let mut body = line.clone();
        if head_lines < HEAD_LINES {
            head_lines += 1;
            if let Some((range, date)) = date_line(text, body.clone()).filter(|_| !has_date_line) {
                prepared.date = Some(date);
                prepared.ignored.push((range.clone(), "dateline"));
                body.start = skip_space(text, range.end).min(body.end);
                has_date_line = true;
            }
            if let Some(found) = dateline(text, body.clone()).filter(|_| !has_dateline) {
                if prepared.date.is_none() {
                    prepared.date = found.date;
                }
                prepared.place = text.get(found.place).map(str::to_string);
                prepared.ignored.push((found.range.clone(), "dateline"));
                body.start = skip_space(text, found.range.end).min(body.end);
                has_dateline = true;
            }
        }
        let Some(body) = trim(text, body) else {
            continue;
        };
        if let Some(reason) = chrome(text, body.clone(), &mut norm) {
            prepared.ignored.push((body, reason));
            continue;
        }
        sentences_into(text, body.clone(), &mut cut);
        for sentence in cut.iter().cloned() {
            // A sentence that is the whole line was tested as the line.
            if sentence == body {
                prepared.sentences.push(sentence);
                continue;
            }
            match chrome(text, sentence.clone(), &mut norm) {
                Some(reason) => prepared.ignored.push((sentence, reason)),
                None => prepared.sentences.push(sentence),
            }
        }
    }
    prepared.ignored.sort_by_key(|(range, _)| range.start);
    prepared
}

/// HTML elements that break a line when markup is pasted with the text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "blockquote",
    "figure",
    "figcaption",
    "hr",
    "main",
    "form",
    "button",
    "img",
    "iframe",
    "body",
    "html",
    "head",
    "title",
    "meta",
    "link",
    "noscript",
    "dl",
    "dt",
    "dd",
    "pre",
];
/// HTML elements whose whole content is code, not prose.
const CODE_TAGS: &[&str] = &["script", "style"];
/// The longest tag looked for, in bytes.
const MAX_TAG_BYTES: usize = 512;

/// The trimmed, non-empty lines of the text (any of `\n`, `\r\n`, `\r`, or
/// a pasted block-level HTML tag ends one), and the spans of those tags and
/// of `<script>`/`<style>` elements, which are not prose.
fn lines(text: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let mut out = Vec::new();
    let mut markup = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while let Some(offset) = text
        .get(at..)
        .and_then(|rest| rest.find(['\n', '\r', '\u{2028}', '\u{2029}', '<']))
    {
        let found = at + offset;
        let Some(c) = text.get(found..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let end = if c == '<' {
            match tag(text, found) {
                Some(tag) => tag,
                None => {
                    at = found + 1;
                    continue;
                }
            }
        } else {
            found + c.len_utf8()
        };
        out.extend(trim(text, start..found));
        if c == '<' {
            markup.push(found..end);
        }
        start = end;
        at = end;
    }
    out.extend(trim(text, start..text.len()));
    (out, markup)
}

/// A block-level tag at `at` (or a whole `<script>`/`<style>` element): where it ends.
fn tag(text: &str, at: usize) -> Option<usize> {
    let window = window(text, at, MAX_TAG_BYTES);
    let rest = text.get(at + 1..window.end)?;
    let close = rest.find('>')?;
    let inner = rest.get(..close)?;
    if inner.contains('<') {
        return None;
    }
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    let end = at + 1 + close + 1;
    if CODE_TAGS.contains(&name.as_str()) && !inner.starts_with('/') {
        let closing = format!("</{name}");
        let after = text.get(end..).unwrap_or("");
        let body_end = after
            .match_indices('<')
            .find(|&(n, _)| {
                after
                    .get(n..n + closing.len())
                    .is_some_and(|candidate| candidate.eq_ignore_ascii_case(&closing))
            })
            .map_or(text.len(), |(n, _)| end + n);
        let close_end = text
            .get(body_end..)
            .and_then(|r| r.find('>'))
            .map_or(text.len(), |n| body_end + n + 1);
        return Some(close_end);
    }
    (BLOCK_TAGS.contains(&name.as_str()) || CODE_TAGS.contains(&name.as_str())).then_some(end)
}

fn skip_space(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or("");
    at + (rest.len() - rest.trim_start().len())
}

/// Labels that may precede an ISO date at the head of a text.
static DATE_LABELS: &Words = word_set!["date", "dated", "published", "posted"];

/// Words that may follow a date alone on its line: a time and its zone.
static TIME_WORDS: &Words = word_set!["am", "pm", "gmt", "utc", "local", "time", "updated"];
/// Weekday names that may open a written date.
static WEEKDAYS: &Words = word_set![
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The document's own date at the head of `line`: `date 2022-01-12`,
/// `Published: 12 January 2022`, or a date alone on its line (`January 12,
/// 2022 10:45`, `12.01.2022`). Its span and the date.
fn date_line(text: &str, line: Range<usize>) -> Option<(Range<usize>, String)> {
    let window = window(text, line.start, 80);
    let toks = tokens(text, window.start..window.end.min(line.end));
    let mut i = 0;
    let labelled = toks.first()?.is_in(DATE_LABELS);
    if labelled {
        i = 1;
        if toks.get(1).is_some_and(|t| t.is_punct(':')) {
            i = 2;
        }
    }
    let (last, date) = written_date(text, &toks, i)?;
    let end = toks[last].range.end;
    // Unlabelled, the date must stand alone (a time may follow) or lead a dateline.
    let rest = &toks[last + 1..];
    let time_only = rest.iter().all(|t| {
        !t.is_word() || t.is_in(TIME_WORDS) || t.text(text).bytes().all(|b| b.is_ascii_digit())
    });
    let before_dateline = || {
        let next = rest.first().map_or(line.end, |t| t.range.start);
        dateline(text, next..line.end).is_some()
    };
    if !(labelled || (time_only && window.end >= line.end) || before_dateline()) {
        return None;
    }
    Some((toks.first()?.range.start..end, date))
}

/// A full date starting at `toks[i]`: `2022-01-12`, `12.01.2022`, `12
/// January 2022`, `[Wednesday,] January 12, 2022`. The index of its last
/// token and the date as `YYYY-MM-DD`.
fn written_date(text: &str, toks: &[Token], mut i: usize) -> Option<(usize, String)> {
    let word = |k: usize| toks.get(k).filter(|t| t.is_word()).map(|t| t.text(text));
    let number = |k: usize| word(k).filter(|w| w.bytes().all(|b| b.is_ascii_digit()));
    let iso = |y: &str, m: &str, d: &str| {
        let date = format!("{y:0>4}-{m:0>2}-{d:0>2}");
        crate::parse_iso_date(&date).map(|_| date)
    };
    if let Some(first) = word(i) {
        if crate::parse_iso_date(first).is_some() {
            return Some((i, first.to_string()));
        }
        let parts: Vec<&str> = first.split('.').collect();
        if let [d, m, y] = parts[..] {
            if d.len() <= 2 && m.len() <= 2 && y.len() == 4 {
                return iso(y, m, d).map(|date| (i, date));
            }
        }
    }
    if toks.get(i).is_some_and(|t| t.is_in(WEEKDAYS)) {
        i += 1;
        if toks.get(i).is_some_and(|t| t.is_punct(',')) {
            i += 1;
        }
    }
    let skip_dot = |k: usize| k + usize::from(toks.get(k).is_some_and(|t| t.is_punct('.')));
    let skip_comma = |k: usize| k + usize::from(toks.get(k).is_some_and(|t| t.is_punct(',')));
    // `January 12, 2022` or `Jan. 12 2022`.
    if let Some(m) = toks.get(i).and_then(|t| month(text, t)) {
        let d = skip_dot(i + 1);
        let y = skip_comma(d + 1);
        let (day, year) = (number(d)?, number(y)?);
        return iso(year, &m.to_string(), day).map(|date| (y, date));
    }
    // `12 January 2022`.
    let day = number(i)?;
    let m = month(text, toks.get(i + 1)?)?;
    let y = skip_dot(i + 2);
    iso(number(y)?, &m.to_string(), day).map(|date| (y, date))
}

/// Up to `len` bytes of text from `at`, cut at a char boundary and at the end of the line.
fn window(text: &str, at: usize, len: usize) -> Range<usize> {
    let mut end = (at + len).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let slice = text.get(at..end).unwrap_or("");
    let end = slice.find(['\n', '\r']).map_or(end, |n| at + n);
    at..end.max(at)
}

/// A dateline found at the head of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Dateline {
    /// The whole dateline, its closing dash or slash included.
    range: Range<usize>,
    /// The place it names.
    place: Range<usize>,
    /// The date, if it gives day, month and year.
    date: Option<String>,
}

/// Month names and abbreviations, with the month number.
const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The names of [`MONTHS`], to turn other words away quickly.
static MONTH_NAMES: &Words = word_set![
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

fn month(text: &str, token: &Token) -> Option<u8> {
    // Only a word is in the list.
    token.is_in(MONTH_NAMES).then_some(())?;
    let word = token.text(text);
    MONTHS
        .iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name))
        .map(|&(_, n)| n)
}

/// Dashes that close a dateline (`-`, `--`, en and em dash).
const DASHES: &[char] = &['-', '–', '—', '‒', '―'];
/// The longest dateline head, in tokens, before its closing dash.
const MAX_DATELINE_TOKENS: usize = 16;

/// A dateline at the start of `line`: `PLACE[, REGION][, DATE][.] [(OUTLET)|/OUTLET/|. OUTLET] –`.
///
/// It is accepted only when it names an outlet, a date, or an upper-case
/// place, so that `John Smith – the mayor – said` stays a sentence.
fn dateline(text: &str, line: Range<usize>) -> Option<Dateline> {
    // `line` holds no line break, so the window ends at 160 bytes or the line's end.
    let mut end = (line.start + 160).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = line.start..end.min(line.end);
    let head = text.get(window.clone())?;
    // A dateline opens with a capitalised word (its place), and only a dash
    // or `/` closes it: a window with neither cannot hold one.
    if head
        .chars()
        .next()
        .is_none_or(|c| !c.is_whitespace() && !c.is_uppercase())
        || !has_dash_or_slash(head.as_bytes())
    {
        return None;
    }
    let toks = tokens(text, window);
    let mut outlet = false;
    let mut date: (Option<u8>, Option<u8>, Option<i32>) = (None, None, None);
    let mut place: Option<Range<usize>> = None;
    let mut place_caps = true;
    let mut in_place = true;
    let mut i = 0;
    while i < toks.len().min(MAX_DATELINE_TOKENS + 1) {
        let tok = &toks[i];
        match tok.kind {
            Kind::Punct(c) if DASHES.contains(&c) => {
                // The closing dash stands apart from the words around it.
                let spaced_before = i > 0 && toks[i - 1].range.end < tok.range.start;
                let mut end = tok.range.end;
                let mut j = i + 1;
                while toks.get(j).is_some_and(|t| t.is_punct('-')) {
                    end = toks[j].range.end;
                    j += 1;
                }
                let spaced_after = toks.get(j).is_none_or(|t| t.range.start > end);
                if !(spaced_before && spaced_after) {
                    return None;
                }
                return accept(place?, place_caps, outlet, date, end);
            }
            Kind::Punct('/') => {
                // `/TASS/` closes the dateline, with an optional full stop after it.
                let close = (i + 2..toks.len().min(i + 6)).find(|&j| toks[j].is_punct('/'))?;
                if !toks[i + 1..close].iter().all(|t| t.is_capitalised(text)) || close == i + 1 {
                    return None;
                }
                let mut end = toks[close].range.end;
                if toks.get(close + 1).is_some_and(|t| t.is_punct('.')) {
                    end = toks[close + 1].range.end;
                }
                return accept(place?, place_caps, true, date, end);
            }
            Kind::Punct('(') => {
                let close = (i + 2..toks.len().min(i + 6)).find(|&j| toks[j].is_punct(')'))?;
                if !toks[i + 1..close].iter().all(|t| t.is_capitalised(text)) {
                    return None;
                }
                outlet = true;
                in_place = false;
                i = close + 1;
                continue;
            }
            Kind::Punct(',') | Kind::Punct('.') => {
                // A dateline opens with its place.
                place.as_ref()?;
                in_place = false;
                // `ALMATY. KAZINFORM –`: an upper-case word after the place's full stop.
                if tok.is_punct('.') {
                    if let Some(next) = toks.get(i + 1) {
                        let word = next.text(text);
                        if next.is_word() && is_upper(word) && month(text, next).is_none() {
                            outlet = true;
                        }
                    }
                }
            }
            Kind::Punct(_) => return None,
            Kind::Word => {
                let word = tok.text(text);
                if let Some(m) = month(text, tok).filter(|_| !in_place) {
                    date.1 = Some(m);
                } else if !in_place && word.bytes().all(|b| b.is_ascii_digit()) {
                    match word.len() {
                        1 | 2 => date.0 = word.parse().ok(),
                        4 => date.2 = word.parse().ok(),
                        _ => return None,
                    }
                } else if in_place {
                    if !tok.is_capitalised(text) {
                        return None;
                    }
                    place_caps &= is_upper(word);
                    let start = place.as_ref().map_or(tok.range.start, |p| p.start);
                    place = Some(start..tok.range.end);
                    if i >= 4 {
                        return None;
                    }
                } else if !tok.is_capitalised(text) {
                    return None;
                }
            }
        }
        i += 1;
    }
    None
}

/// Whether `bytes` hold a `/` or one of [`DASHES`] (U+2012 to U+2015 are
/// E2 80 92 to E2 80 95 in UTF-8).
fn has_dash_or_slash(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().any(|(i, &b)| {
        b == b'-'
            || b == b'/'
            || (b == 0xE2
                && bytes.get(i + 1) == Some(&0x80)
                && bytes.get(i + 2).is_some_and(|n| (0x92..=0x95).contains(n)))
    })
}

fn accept(
    place: Range<usize>,
    place_caps: bool,
    outlet: bool,
    date: (Option<u8>, Option<u8>, Option<i32>),
    end: usize,
) -> Option<Dateline> {
    let has_date = date.0.is_some() && date.1.is_some();
    if !(outlet || has_date || place_caps) {
        return None;
    }
    let iso = match date {
        (Some(d), Some(m), Some(y)) => {
            let iso = format!("{y:04}-{m:02}-{d:02}");
            crate::parse_iso_date(&iso).map(|_| iso)
        }
        _ => None,
    };
    Some(Dateline {
        range: place.start..end,
        place,
        date: iso,
    })
}

fn is_upper(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

/// How a boilerplate pattern matches a line or sentence, after [`normalise_into`].
#[derive(Debug, Clone, Copy)]
enum Pattern {
    /// The whole unit is this.
    Is(&'static str),
    /// The unit begins with this, followed by a word boundary.
    Starts(&'static str),
    /// The unit contains this, on word boundaries.
    Has(&'static str),
    /// A test of the normalised unit, for shapes a phrase cannot say.
    Test(fn(&str) -> bool),
}

/// A family of boilerplate: the reason reported, the longest unit (in words)
/// it may cover, and its patterns. The word limit is what keeps a real
/// sentence that merely mentions "follow" or "share" a claim.
struct Family {
    reason: &'static str,
    max_words: usize,
    patterns: &'static [Pattern],
}

use Pattern::{Has, Is, Starts, Test};

// A unit that is nothing but tags and decoration is reported as `markup`
// (see `chrome`).

/// The site boilerplate recognised, family by family.
const FAMILIES: &[Family] = &[
    Family {
        reason: "comment-form",
        max_words: 40,
        patterns: &[
            Is("leave a reply"),
            Is("leave a comment"),
            Is("leave a reply cancel reply"),
            Is("post comment"),
            Is("submit comment"),
            Is("cancel reply"),
            Is("comments"),
            Is("add comment"),
            Is("comments are closed"),
            Is("join the discussion"),
            Has("your email address will not be published"),
            Has("required fields are marked"),
            Has("you must be logged in to post a comment"),
            Has("save my name, email, and website"),
            Has("notify me of new comments"),
            Has("notify me of follow-up comments"),
            Test(comment_count),
        ],
    },
    Family {
        reason: "navigation",
        max_words: 8,
        patterns: &[
            Starts("back to top"),
            Starts("skip to content"),
            Starts("skip to main content"),
            Starts("scroll to top"),
            Starts("go to top"),
            Starts("next article"),
            Starts("previous article"),
            Starts("next post"),
            Starts("previous post"),
            Is("main menu"),
            Is("menu"),
            Is("search"),
            Is("home"),
            Is("close"),
            Is("load more"),
            Is("show more"),
            Is("next"),
            Is("previous"),
        ],
    },
    Family {
        reason: "share",
        max_words: 10,
        patterns: &[
            Starts("share this"),
            Starts("share on"),
            Starts("share via"),
            Starts("share:"),
            Starts("click to share"),
            Starts("share the article"),
            Starts("print this"),
            Is("share"),
            Is("tweet"),
            Is("copy link"),
            Test(social_names_only),
        ],
    },
    Family {
        reason: "subscribe",
        max_words: 16,
        patterns: &[
            Starts("subscribe to"),
            Starts("subscribe now"),
            Is("subscribe"),
            Starts("sign up for our"),
            Starts("sign up to our"),
            Starts("follow us"),
            Starts("join us on"),
            Starts("join our"),
            Starts("get the latest"),
            Starts("download our app"),
            Starts("download the app"),
            Test(follow_on_social),
            Has("subscribe to our newsletter"),
            Has("subscribe to our channel"),
        ],
    },
    Family {
        reason: "cookie",
        max_words: 60,
        patterns: &[
            Has("we use cookies"),
            Has("this website uses cookies"),
            Has("this site uses cookies"),
            Has("uses cookies to"),
            Has("accept all cookies"),
            Has("accept cookies"),
            Has("cookie policy"),
            Has("by continuing to browse"),
            Has("by continuing to use this"),
            Is("accept all"),
            Is("got it"),
        ],
    },
    Family {
        reason: "related",
        max_words: 20,
        patterns: &[
            Starts("read more:"),
            Starts("read also:"),
            Starts("also read:"),
            Starts("see also:"),
            Starts("related:"),
            Starts("read next:"),
            Is("read more"),
            Is("read also"),
            Is("also read"),
            Is("see also"),
            Is("related"),
            Is("related news"),
            Is("related articles"),
            Is("related posts"),
            Is("related stories"),
            Is("more news"),
            Is("recommended"),
            Is("you may also like"),
            Is("you might also like"),
            Is("most read"),
            Is("latest news"),
            Is("trending"),
        ],
    },
    Family {
        reason: "copyright",
        max_words: 30,
        patterns: &[
            Has("all rights reserved"),
            Starts("copyright ©"),
            Starts("our standards:"),
        ],
    },
    Family {
        reason: "credit",
        max_words: 14,
        patterns: &[
            Starts("photo:"),
            Starts("photo by"),
            Starts("photo credit"),
            Starts("photos:"),
            Starts("image:"),
            Starts("image by"),
            Starts("image credit"),
            Starts("picture:"),
            Starts("file photo"),
            Starts("photo courtesy"),
            Starts("illustrative photo"),
            Starts("credit:"),
            Starts("©"),
            Has("getty images"),
            Has("ap photo"),
            Has("afp photo"),
            Has("reuters/"),
            Has("(photo:"),
        ],
    },
    Family {
        reason: "translation",
        max_words: 16,
        patterns: &[
            Starts("translation by"),
            Starts("translated by"),
            Starts("translation:"),
            Starts("translated from"),
        ],
    },
    Family {
        reason: "editing",
        max_words: 24,
        patterns: &[
            Starts("editing by"),
            Starts("edited by"),
            Starts("reporting by"),
            Starts("additional reporting by"),
            Starts("writing by"),
            Starts("compiled by"),
        ],
    },
    Family {
        reason: "byline",
        max_words: 10,
        patterns: &[
            Starts("author:"),
            Starts("posted by"),
            Starts("written by"),
            Is("staff reporter"),
            Is("staff writer"),
            Test(by_name),
        ],
    },
];

/// Which boilerplate family `text[range]` belongs to, if any.
/// `norm` is scratch space for the normalised unit.
fn chrome(text: &str, range: Range<usize>, norm: &mut String) -> Option<&'static str> {
    let unit = text.get(range.clone())?;
    if unit.len() > MAX_CHROME_BYTES {
        return None;
    }
    normalise_into(unit, norm);
    let norm = norm.as_str();
    if norm.is_empty() {
        // Nothing but tags and decoration.
        return Some("markup");
    }
    // A normalised unit has single spaces and none at its ends.
    let words = norm.bytes().filter(|&b| b == b' ').count() + 1;
    let with_phrase = families_with_phrase(norm);
    FAMILIES
        .iter()
        .enumerate()
        .filter(|(_, family)| words <= family.max_words)
        .find(|(n, family)| {
            let phrase = with_phrase & (1 << n) != 0;
            family.patterns.iter().any(|p| matches(norm, phrase, *p))
        })
        .map(|(_, family)| family.reason)
}

/// Normalises `unit` into `out`, whose buffer is reused: lower-case,
/// straight quotes, single spaces, without pasted tags and without the
/// bullets and trailing marks (`*`, `»`, `→`, `.`) that decorate site
/// chrome. ASCII goes by bytes, other chars as [`normalise_chars`] (the
/// tests' char-by-char definition) takes them.
fn normalise_into(unit: &str, out: &mut String) {
    out.clear();
    let bytes = unit.as_bytes();
    let mut in_tag = false;
    let mut at = 0;
    // Every char `<` opens a tag before: only `<` lower-cases to `<`.
    let opens_tag = |at: usize| {
        unit.get(at..)
            .and_then(|rest| rest.chars().next())
            .and_then(|n| n.to_lowercase().next())
            .is_some_and(|n| n == '/' || n.is_ascii_alphabetic())
    };
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            at += 1;
            let c = b.to_ascii_lowercase();
            if in_tag {
                in_tag = c != b'>';
                continue;
            }
            if c == b'<' && opens_tag(at) {
                in_tag = true;
                continue;
            }
            // `char::is_whitespace` on ASCII.
            let c = if matches!(c, b'\t'..=b'\r' | b' ') {
                b' '
            } else {
                c
            };
            if c == b' ' && (out.is_empty() || out.ends_with(' ')) {
                continue;
            }
            out.push(char::from(c));
            continue;
        }
        let Some(ch) = unit.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        at += ch.len_utf8();
        for c in ch.to_lowercase() {
            if in_tag {
                in_tag = c != '>';
                continue;
            }
            push_folded(out, c);
        }
    }
    let end = out.trim_end_matches(DECORATION).len();
    out.truncate(end);
    let start = out.len() - out.trim_start_matches(DECORATION).len();
    out.drain(..start);
}

/// Pushes a lower-cased char of a unit onto its normalised form: quotes
/// straightened, white space as one space, never two in a row or one first.
fn push_folded(out: &mut String, c: char) {
    let c = match c {
        '’' | '‘' => '\'',
        '“' | '”' => '"',
        c if c.is_whitespace() => ' ',
        c => c,
    };
    if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
        return;
    }
    out.push(c);
}

/// What [`normalise_into`] gives, char by char: the definition its tests
/// compare the fast path with.
#[cfg(test)]
fn normalise_chars(unit: &str) -> String {
    let mut out = String::with_capacity(unit.len());
    let mut chars = unit.chars().flat_map(char::to_lowercase).peekable();
    let mut in_tag = false;
    while let Some(c) = chars.next() {
        // Pasted inline tags (`<a href="/">Home</a>`) are not words of the unit.
        if in_tag {
            in_tag = c != '>';
            continue;
        }
        if c == '<'
            && chars
                .peek()
                .is_some_and(|&n| n == '/' || n.is_ascii_alphabetic())
        {
            in_tag = true;
            continue;
        }
        push_folded(&mut out, c);
    }
    out.trim_matches(DECORATION).to_string()
}

/// The marks [`normalise_into`] trims from both ends.
const DECORATION: &[char] = &[
    ' ', '.', '*', '»', '›', '→', '|', '•', '-', '–', '—', '!', '#',
];

/// The [`Has`] patterns of every family by their first byte, so that a
/// word start tries only the phrases that begin with its byte. A pattern
/// that begins with a non-ASCII char, or past the 64th, is tried at every
/// word start.
struct HasIndex {
    /// Bit `k` of entry `b`: `phrases[k]` begins with the ASCII byte `b`.
    by_first_byte: [u64; 128],
    phrases: Vec<(usize, &'static str)>,
    anywhere: Vec<(usize, &'static str)>,
}

fn has_index() -> &'static HasIndex {
    static INDEX: OnceLock<HasIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = HasIndex {
            by_first_byte: [0; 128],
            phrases: Vec::new(),
            anywhere: Vec::new(),
        };
        for (n, family) in FAMILIES.iter().enumerate() {
            for pattern in family.patterns {
                let Has(p) = *pattern else { continue };
                match p.bytes().next() {
                    Some(b) if b.is_ascii() && index.phrases.len() < 64 => {
                        index.by_first_byte[usize::from(b)] |= 1 << index.phrases.len();
                        index.phrases.push((n, p));
                    }
                    _ => index.anywhere.push((n, p)),
                }
            }
        }
        index
    })
}

// Families are bits of a u64 in `families_with_phrase`.
const _: () = assert!(FAMILIES.len() <= 64);

/// The families (by index, as bits) with a [`Has`] pattern found in `norm`
/// on word boundaries.
fn families_with_phrase(norm: &str) -> u64 {
    let index = has_index();
    let boundary = |rest: &str| rest.chars().next().is_none_or(|c| !c.is_alphanumeric());
    let found_at = |at: usize, p: &str| {
        norm.get(at..).is_some_and(|rest| rest.starts_with(p))
            && norm.get(at + p.len()..).is_some_and(boundary)
    };
    let bytes = norm.as_bytes();
    let mut found = 0u64;
    // A phrase starts at the start or after a character that is not alphanumeric.
    let mut start = true;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if start {
            let mut bits = index
                .by_first_byte
                .get(usize::from(b))
                .copied()
                .unwrap_or(0);
            while bits != 0 {
                let k = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if let Some(&(family, p)) = index.phrases.get(k) {
                    if found_at(at, p) {
                        found |= 1 << family;
                    }
                }
            }
            for &(family, p) in &index.anywhere {
                if found_at(at, p) {
                    found |= 1 << family;
                }
            }
        }
        if b.is_ascii() {
            start = !b.is_ascii_alphanumeric();
            at += 1;
        } else {
            let Some(c) = norm.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            start = !c.is_alphanumeric();
            at += c.len_utf8();
        }
    }
    found
}

fn matches(norm: &str, with_phrase: bool, pattern: Pattern) -> bool {
    let boundary = |rest: &str| rest.chars().next().is_none_or(|c| !c.is_alphanumeric());
    match pattern {
        Is(p) => norm == p,
        // The first byte rejects most units without a call to compare.
        Starts(p) => {
            norm.as_bytes().first() == p.as_bytes().first()
                && norm.strip_prefix(p).is_some_and(boundary)
        }
        Has(_) => with_phrase,
        Test(test) => test(norm),
    }
}

/// `3 comments`, `No comments`.
fn comment_count(norm: &str) -> bool {
    // The noun is the last word.
    if !norm.ends_with(" comments") && !norm.ends_with(" comment") {
        return false;
    }
    let mut words = norm.split(' ');
    let (Some(count), Some(noun), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    (count == "no" || count.bytes().all(|b| b.is_ascii_digit()))
        && (noun == "comments" || noun == "comment")
}

/// Social networks and share verbs listed side by side: `Facebook Twitter WhatsApp`.
fn social_names_only(norm: &str) -> bool {
    const NAMES: &[&str] = &[
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "telegram",
        "vk",
        "vkontakte",
        "linkedin",
        "pinterest",
        "reddit",
        "email",
        "e-mail",
        "print",
        "share",
        "viber",
        "tumblr",
        "messenger",
        "ok",
        "copy",
        "link",
    ];
    let mut count = 0;
    for w in norm
        .split(|c: char| c.is_whitespace() || c == '|' || c == ',' || c == '/')
        .filter(|w| !w.is_empty())
    {
        if !NAMES.contains(&w) {
            return false;
        }
        count += 1;
    }
    count >= 2
}

/// `Follow TASS on Telegram`, `Follow us on X`: a follow line that ends on a network.
fn follow_on_social(norm: &str) -> bool {
    const NETWORKS: &[&str] = &[
        "telegram",
        "twitter",
        "x",
        "facebook",
        "instagram",
        "vk",
        "vkontakte",
        "youtube",
        "tiktok",
        "linkedin",
        "whatsapp",
        "threads",
        "bluesky",
        "mastodon",
    ];
    // The first word must be `follow`.
    if norm != "follow" && !norm.starts_with("follow ") {
        return false;
    }
    let words: Vec<&str> = norm.split(' ').collect();
    words.len() <= 8
        && words.first() == Some(&"follow")
        && words.iter().rev().nth(1) == Some(&"on")
        && words.last().is_some_and(|w| NETWORKS.contains(w))
}

/// `By John Smith`, `by Anna Ivanova and Lee Kim`: the rest of the unit is
/// a name (checked on the normalised text: no verb-like words, short).
fn by_name(norm: &str) -> bool {
    let Some(rest) = norm.strip_prefix("by ") else {
        return false;
    };
    let words: Vec<&str> = rest.split(' ').collect();
    const JOINERS: &[&str] = &["and", "in", "de", "van", "von", "bin", "al"];
    (1..=6).contains(&words.len())
        && words.iter().all(|w| {
            JOINERS.contains(w)
                || w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == ',' || c == '.')
        })
        && !words
            .iter()
            .any(|w| w.ends_with("ed") || w.ends_with("ing"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_units_normalise_as_by_chars() {
        let pieces = [
            "",
            " ",
            "\t",
            "\n\r",
            "\x0b\x0c",
            "\x1c",
            "a",
            "Z",
            "<",
            ">",
            "</",
            "<a",
            "<1",
            "<A",
            "-",
            ".",
            "*",
            "|",
            "!",
            "#",
            "Share",
            "ON",
            "  ",
            "x.",
            "'",
            "\"",
            "<b>Home</b>",
        ];
        let mut state = 7u64;
        for _ in 0..20_000 {
            let mut unit = String::new();
            for _ in 0..(state % 9) {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                unit.push_str(pieces[(state >> 33) as usize % pieces.len()]);
            }
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
            let mut out = String::new();
            normalise_into(&unit, &mut out);
            assert_eq!(out, normalise_chars(&unit), "{unit:?}");
        }
    }

    fn ignored_texts(text: &str) -> Vec<(&str, &'static str)> {
        prepare(text)
            .ignored
            .into_iter()
            .map(|(r, reason)| (&text[r], reason))
            .collect()
    }

    #[test]
    fn datelines_give_place_date_and_are_ignored() {
        // (text, dateline text, place, date, first sentence left)
        let cases: &[(&str, &str, &str, Option<&str>, &str)] = &[
            (
                "ALMATY. KAZINFORM – Head of State chaired a meeting.",
                "ALMATY. KAZINFORM –",
                "ALMATY",
                None,
                "Head of State chaired a meeting.",
            ),
            (
                "ALMATY, Jan 12 (Reuters) - Kazakhstan's president said on Wednesday.",
                "ALMATY, Jan 12 (Reuters) -",
                "ALMATY",
                None,
                "Kazakhstan's president said on Wednesday.",
            ),
            (
                "MOSCOW, January 12. /TASS/. The first units left Almaty.",
                "MOSCOW, January 12. /TASS/.",
                "MOSCOW",
                None,
                "The first units left Almaty.",
            ),
            (
                "WASHINGTON (AP) — The Senate voted on Tuesday.",
                "WASHINGTON (AP) —",
                "WASHINGTON",
                None,
                "The Senate voted on Tuesday.",
            ),
            (
                "London, 12 January 2022 — Rail strikes resumed.",
                "London, 12 January 2022 —",
                "London",
                Some("2022-01-12"),
                "Rail strikes resumed.",
            ),
            (
                "Flooded towns\n\nKYIV, Ukraine (AP) — Water rose overnight.",
                "KYIV, Ukraine (AP) —",
                "KYIV",
                None,
                "Water rose overnight.",
            ),
            (
                "BEIJING, Jan. 12, 2022 (Xinhua) -- Exports rose.",
                "BEIJING, Jan. 12, 2022 (Xinhua) --",
                "BEIJING",
                Some("2022-01-12"),
                "Exports rose.",
            ),
        ];
        for &(text, line, place, date, first) in cases {
            let prepared = prepare(text);
            assert_eq!(ignored_texts(text), [(line, "dateline")], "{text}");
            assert_eq!(prepared.place.as_deref(), Some(place), "{text}");
            assert_eq!(prepared.date.as_deref(), date, "{text}");
            let sentences: Vec<&str> = prepared
                .sentences
                .iter()
                .map(|r| &text[r.clone()])
                .collect();
            assert!(sentences.contains(&first), "{text}: {sentences:?}");
        }
    }

    #[test]
    fn date_line_then_dateline() {
        let text = " date 2022-01-12 ALMATY. KAZINFORM – Head of State chaired a meeting.";
        let prepared = prepare(text);
        assert_eq!(prepared.date.as_deref(), Some("2022-01-12"));
        assert_eq!(
            ignored_texts(text),
            [
                ("date 2022-01-12", "dateline"),
                ("ALMATY. KAZINFORM –", "dateline")
            ]
        );
        assert_eq!(
            &text[prepared.sentences[0].clone()],
            "Head of State chaired a meeting."
        );
    }

    #[test]
    fn date_lines_in_several_styles() {
        // (text, date line ignored, date)
        let cases: &[(&str, &str, &str)] = &[
            (
                "Published: 2021-03-05\nThe port reopened.",
                "Published: 2021-03-05",
                "2021-03-05",
            ),
            (
                "January 12, 2022 10:45\nThe port reopened.",
                "January 12, 2022",
                "2022-01-12",
            ),
            (
                "Wednesday, 12 January 2022\nThe port reopened.",
                "Wednesday, 12 January 2022",
                "2022-01-12",
            ),
            ("12.01.2022\nThe port reopened.", "12.01.2022", "2022-01-12"),
            (
                "Posted Jan. 5 2021\nThe port reopened.",
                "Posted Jan. 5 2021",
                "2021-01-05",
            ),
            (
                "2022-01-12 ALMATY. KAZINFORM – The port reopened.",
                "2022-01-12",
                "2022-01-12",
            ),
        ];
        for &(text, line, date) in cases {
            let prepared = prepare(text);
            assert_eq!(prepared.date.as_deref(), Some(date), "{text}");
            assert_eq!(ignored_texts(text)[0], (line, "dateline"), "{text}");
            let last = prepared.sentences.last().map(|r| &text[r.clone()]);
            assert_eq!(last, Some("The port reopened."), "{text}");
        }
    }

    #[test]
    fn sentences_that_look_a_little_like_datelines_stay() {
        for text in [
            "John Smith – the mayor – said the bridge was safe.",
            "The mayor - who was re-elected - spoke.",
            "Prices rose 5% - a record.",
            "In 2021, the plant closed - then reopened.",
            "Date night is back, the owners said.",
            "date 2022-02-30 is not a day.",
            "January 12, 2022 was the day the troops left.",
            "12 January 2022 marked the end of the unrest.",
        ] {
            let prepared = prepare(text);
            assert!(
                prepared.ignored.is_empty(),
                "{text}: {:?}",
                prepared.ignored
            );
            assert_eq!(prepared.date, None, "{text}");
        }
    }

    #[test]
    fn boilerplate_families() {
        let cases: &[(&str, &str)] = &[
            ("Leave a Reply", "comment-form"),
            (
                "Your email address will not be published. Required fields are marked *",
                "comment-form",
            ),
            ("12 Comments", "comment-form"),
            ("Back to top button", "navigation"),
            ("Skip to content", "navigation"),
            ("Share this article", "share"),
            ("Facebook Twitter WhatsApp Telegram", "share"),
            ("Follow us on Telegram", "subscribe"),
            ("Follow TASS on Telegram", "subscribe"),
            ("Subscribe to our newsletter for daily updates.", "subscribe"),
            (
                "We use cookies to improve your experience. By continuing to use this site you agree.",
                "cookie",
            ),
            ("Read more: Floods hit the north", "related"),
            ("Related", "related"),
            ("Photo: Reuters", "credit"),
            ("Translation by Anna Petrova", "translation"),
            ("Reporting by Olzhas Auyezov; Editing by Mark Heinrich", "editing"),
            ("By John Smith", "byline"),
            ("© 2022 Example News. All rights reserved.", "copyright"),
            ("© Reuters", "credit"),
            ("Copyright © 2022 Example News", "copyright"),
            ("<a href=\"/\"><i></i></a>", "markup"),
        ];
        for &(line, reason) in cases {
            let text = format!("The bridge reopened.\n{line}\nTraffic resumed.");
            let prepared = prepare(&text);
            let ignored: Vec<(&str, &str)> = prepared
                .ignored
                .iter()
                .map(|(r, why)| (&text[r.clone()], *why))
                .collect();
            assert_eq!(ignored, [(line, reason)], "{line}");
            assert_eq!(prepared.sentences.len(), 2, "{line}");
        }
    }

    #[test]
    fn real_sentences_that_mention_chrome_words_stay_claims() {
        for line in [
            "Shares fell 5% after the company said it would follow the regulator's advice.",
            "Protesters vowed to follow the convoy to the border.",
            "Residents were asked to share water with their neighbours.",
            "Related charges were filed against two officials on Monday.",
            "By Tuesday, the water had receded in most districts.",
            "Read the full statement, the ministry urged journalists.",
            "The photo was taken by a resident on Monday.",
            "Editors at the paper said they would not publish the names.",
            "Next, the council will vote on the budget.",
            "Home prices rose for the third month.",
        ] {
            let prepared = prepare(line);
            assert!(
                prepared.ignored.is_empty(),
                "{line}: {:?}",
                prepared.ignored
            );
            assert_eq!(prepared.sentences.len(), 1, "{line}");
        }
    }

    #[test]
    fn pasted_markup_breaks_lines_and_is_ignored() {
        let text = "<div class=\"nav\"><a href=\"/\">Home</a></div>\n<p>The port <b>reopened</b>, officials said.</p><p>Ships moved.</p>\n<SCRIPT>var x = \"<p>\";</script>After.";
        let prepared = prepare(text);
        let sentences: Vec<&str> = prepared
            .sentences
            .iter()
            .map(|r| &text[r.clone()])
            .collect();
        assert_eq!(
            sentences,
            [
                "The port <b>reopened</b>, officials said.",
                "Ships moved.",
                "After."
            ]
        );
        let ignored = ignored_texts(text);
        assert!(
            ignored.contains(&("<SCRIPT>var x = \"<p>\";</script>", "markup")),
            "{ignored:?}"
        );
        assert!(
            ignored.contains(&("<a href=\"/\">Home</a>", "navigation")),
            "{ignored:?}"
        );
        assert!(ignored
            .windows(2)
            .all(|w| w[0].0.as_ptr() <= w[1].0.as_ptr()));
    }

    #[test]
    fn any_line_ending_is_a_line_end() {
        let text = "Leave a Reply\r\nThe port reopened.\rBack to top";
        assert_eq!(
            ignored_texts(text),
            [
                ("Leave a Reply", "comment-form"),
                ("Back to top", "navigation")
            ]
        );
        assert_eq!(prepare(text).sentences.len(), 1);
    }
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;

    #[test]
    fn dash_or_slash_scan_finds_every_closing_mark() {
        for c in DASHES.iter().chain(&['/']) {
            let s = format!("ALMATY {c} x");
            assert!(has_dash_or_slash(s.as_bytes()), "{c:?}");
        }
        for s in ["ALMATY. KAZINFORM", "a\u{2011}b \u{2016}", "(TASS)", ""] {
            assert!(!has_dash_or_slash(s.as_bytes()), "{s:?}");
        }
    }

    #[test]
    fn no_char_but_lt_lower_cases_to_lt() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            if c != '<' {
                assert!(c.to_lowercase().all(|l| l != '<'), "{c:?}");
            }
        }
    }

    #[test]
    fn normalise_into_is_normalise_chars() {
        let units = [
            "  Leave a Reply  ",
            "<a href=\"/\">Home</a> »",
            "Share: Facebook | Twitter",
            "— Photo: AP Photo/Evan Vucci —",
            "ALMATY. KAZINFORM – “Quoted” ‘words’ <b>bold</b>\u{2003}tail…",
            "x <\u{212A}elvin> y <İx> z < 3 <",
            "İSTANBUL\t\tİzmir\r\nΣΟΦΙΑ ß",
            "•••",
            "<br>",
            "...Read more »",
            "a <\u{e9}b> c",
            "",
        ];
        let mut out = String::from("stale");
        for unit in units {
            normalise_into(unit, &mut out);
            assert_eq!(out, normalise_chars(unit), "{unit:?}");
        }
    }
}
