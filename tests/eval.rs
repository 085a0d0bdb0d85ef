//! The held-out evaluation set (`tests/eval/pairs/*.json`, see
//! `tests/eval/README.md`): pair-file validity, and the scores of the engine's
//! alignment and verdicts against the gold labels, through the public API only.
//!
//! A gold substring names the claim(s) whose span overlaps it (or, if the
//! engine made no claim there, whose sentence contains it). A gold link is
//! found when some result pair joins a claim named by its A substring to one
//! named by its B substring. The report goes to stdout and to
//! `target/eval-report.md`; the floors asserted are modest on purpose: they
//! catch a broken engine, not a mediocre one.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use claimdiff::report::Account;
use claimdiff::{compare, Comparison, Document, OffsetUnit, Options, Verdict};
use serde::Deserialize;

/// Floors a working engine must meet on the whole set (micro-averaged).
const FLOORS: [(&str, f64); 4] = [
    ("link recall", 0.4),
    ("link precision", 0.4),
    ("verdict accuracy", 0.4),
    ("one-sided accuracy", 0.4),
];

/// What the brief asks of the set as a whole: (what, at least).
const SET_MINIMA: [(&str, usize); 5] = [
    ("pairs", 12),
    ("gold links", 80),
    ("conflict links", 12),
    ("partial links", 20),
    ("one-sided claims", 40),
];

/// The verdicts in the order of the confusion matrix; a verdict the engine
/// may add later falls in a last "other" column.
const VERDICTS: [Verdict; 3] = [Verdict::Agree, Verdict::Partial, Verdict::Conflict];
const VERDICT_NAMES: [&str; 4] = ["agree", "partial", "conflict", "other"];

/// Gold substrings are short clause fragments, as the README asks.
const SUBSTRING_WORDS: Range<usize> = 3..9;
/// Each account is 5–15 sentences (counted roughly: terminal punctuation).
const SENTENCES: Range<usize> = 5..16;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PairFile {
    id: String,
    note: String,
    a: SideFile,
    b: SideFile,
    links: Vec<GoldLink>,
    #[serde(rename = "onlyA")]
    only_a: Vec<String>,
    #[serde(rename = "onlyB")]
    only_b: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SideFile {
    text: String,
    date: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldLink {
    a: String,
    b: String,
    verdict: Verdict,
}

fn pairs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/pairs")
}

/// Every pair file, sorted by file name so the report's order is stable.
fn load_pairs() -> Vec<(String, PairFile)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(pairs_dir())
        .expect("read tests/eval/pairs")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let json = std::fs::read_to_string(&path).expect("read pair file");
            let pair: PairFile = serde_json::from_str(&json)
                .unwrap_or_else(|e| panic!("{}: not a valid pair file: {e}", path.display()));
            (name, pair)
        })
        .collect()
}

/// The byte range of the only occurrence of `needle` in `text`.
fn unique_span(text: &str, needle: &str) -> Option<Range<usize>> {
    let start = text.find(needle)?;
    let again = text
        .get(start + 1..)
        .and_then(|rest| rest.find(needle))
        .is_some();
    (!again).then(|| start..start + needle.len())
}

fn rough_sentence_count(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .filter(|&(i, c)| {
            matches!(c, '.' | '!' | '?') && chars.get(i + 1).is_none_or(|n| n.is_whitespace())
        })
        .count()
}

#[test]
fn pair_files_are_valid() {
    let pairs = load_pairs();
    let mut problems = Vec::new();
    let mut ids = std::collections::BTreeSet::new();
    for (name, pair) in &pairs {
        if &pair.id != name {
            problems.push(format!(
                "{name}: id {:?} differs from the file name",
                pair.id
            ));
        }
        if !ids.insert(pair.id.clone()) {
            problems.push(format!("{name}: duplicate id"));
        }
        if pair.note.trim().is_empty() {
            problems.push(format!("{name}: empty note"));
        }
        let sides = [
            (
                'a',
                &pair.a,
                pair.links.iter().map(|l| &l.a).collect::<Vec<_>>(),
                &pair.only_a,
            ),
            (
                'b',
                &pair.b,
                pair.links.iter().map(|l| &l.b).collect(),
                &pair.only_b,
            ),
        ];
        for (side, doc, linked, one_sided) in sides {
            let sentences = rough_sentence_count(&doc.text);
            if !SENTENCES.contains(&sentences) {
                problems.push(format!("{name}.{side}: about {sentences} sentences"));
            }
            if let Some(date) = &doc.date {
                let ok = compare(
                    &Document::new("x").with_date(date.clone()),
                    &Document::new("x"),
                    &Options::default(),
                )
                .is_ok();
                if !ok {
                    problems.push(format!("{name}.{side}: bad date {date:?}"));
                }
            }
            let mut linked_spans = Vec::new();
            for (needle, is_link) in linked
                .into_iter()
                .map(|s| (s, true))
                .chain(one_sided.iter().map(|s| (s, false)))
            {
                let words = needle.split_whitespace().count();
                if !SUBSTRING_WORDS.contains(&words) {
                    problems.push(format!("{name}.{side}: {needle:?} has {words} words"));
                }
                match unique_span(&doc.text, needle) {
                    None => problems.push(format!(
                        "{name}.{side}: {needle:?} does not occur exactly once in the text"
                    )),
                    Some(span) if is_link => linked_spans.push(span),
                    Some(span) => {
                        if linked_spans
                            .iter()
                            .any(|l| l.start < span.end && span.start < l.end)
                        {
                            problems.push(format!(
                                "{name}.{side}: one-sided {needle:?} overlaps a linked substring"
                            ));
                        }
                    }
                }
            }
        }
    }

    let links = pairs.iter().flat_map(|(_, p)| &p.links);
    let count_of = |v: Verdict| links.clone().filter(|l| l.verdict == v).count();
    let totals = [
        pairs.len(),
        links.clone().count(),
        count_of(Verdict::Conflict),
        count_of(Verdict::Partial),
        pairs
            .iter()
            .map(|(_, p)| p.only_a.len() + p.only_b.len())
            .sum(),
    ];
    for ((what, least), got) in SET_MINIMA.iter().zip(totals) {
        if got < *least {
            problems.push(format!("the set has {got} {what}, fewer than {least}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Claims of `account` named by the byte range `span` of `text`: those whose
/// own span overlaps it, else those whose sentence contains it.
fn claims_at(text: &str, account: &Account, span: &Range<usize>) -> Vec<String> {
    // Result offsets count chars; gold spans count bytes.
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let bytes = |start: usize, end: usize| Some(*bounds.get(start)?..*bounds.get(end)?);
    let overlapping: Vec<String> = account
        .claims
        .iter()
        .filter(|c| bytes(c.start, c.end).is_some_and(|r| r.start < span.end && span.start < r.end))
        .map(|c| c.id.clone())
        .collect();
    if !overlapping.is_empty() {
        return overlapping;
    }
    account
        .claims
        .iter()
        .filter(|c| {
            bytes(c.sentence.start, c.sentence.end)
                .is_some_and(|r| r.start <= span.start && span.end <= r.end)
        })
        .map(|c| c.id.clone())
        .collect()
}

/// Counts over one pair or the whole set.
#[derive(Debug, Default, Clone)]
struct Tally {
    gold_links: usize,
    found: usize,
    /// Result pairs touching a gold-labelled claim, and those that are gold links.
    touching: usize,
    correct_pairs: usize,
    verdict_ok: usize,
    one_sided: usize,
    one_sided_ok: usize,
    /// Gold substrings that fall in no claim and no claim's sentence.
    unmapped: usize,
    /// Gold verdict (rows) against the engine's (columns), on found links.
    confusion: [[usize; 4]; 3],
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.gold_links += other.gold_links;
        self.found += other.found;
        self.touching += other.touching;
        self.correct_pairs += other.correct_pairs;
        self.verdict_ok += other.verdict_ok;
        self.one_sided += other.one_sided;
        self.one_sided_ok += other.one_sided_ok;
        self.unmapped += other.unmapped;
        for (row, other_row) in self.confusion.iter_mut().zip(other.confusion) {
            for (cell, n) in row.iter_mut().zip(other_row) {
                *cell += n;
            }
        }
    }

    fn recall(&self) -> Option<f64> {
        ratio(self.found, self.gold_links)
    }

    fn precision(&self) -> Option<f64> {
        ratio(self.correct_pairs, self.touching)
    }

    fn f1(&self) -> Option<f64> {
        let (p, r) = (self.precision()?, self.recall()?);
        (p + r > 0.0).then(|| 2.0 * p * r / (p + r))
    }

    fn verdict_accuracy(&self) -> Option<f64> {
        ratio(self.verdict_ok, self.found)
    }

    fn one_sided_accuracy(&self) -> Option<f64> {
        ratio(self.one_sided_ok, self.one_sided)
    }
}

fn ratio(n: usize, d: usize) -> Option<f64> {
    (d > 0).then(|| n as f64 / d as f64)
}

fn fmt_ratio(r: Option<f64>) -> String {
    r.map_or("–".to_string(), |r| format!("{r:.2}"))
}

fn verdict_index(v: Verdict) -> usize {
    VERDICTS.iter().position(|&k| k == v).unwrap_or(3)
}

fn claim_text<'r>(account: &'r Account, id: &str) -> &'r str {
    account
        .claims
        .iter()
        .find(|c| c.id == id)
        .map_or("?", |c| c.text.as_str())
}

/// Scores one pair; `notes` collects what went wrong, for the report.
fn score_pair(pair: &PairFile, result: &Comparison, notes: &mut Vec<String>) -> Tally {
    let mut tally = Tally::default();
    let locate = |text: &str, account: &Account, needle: &str| -> Vec<String> {
        unique_span(text, needle).map_or_else(Vec::new, |span| claims_at(text, account, &span))
    };
    let (text_a, text_b) = (pair.a.text.as_str(), pair.b.text.as_str());

    let gold: Vec<(Vec<String>, Vec<String>, &GoldLink)> = pair
        .links
        .iter()
        .map(|l| {
            (
                locate(text_a, &result.a, &l.a),
                locate(text_b, &result.b, &l.b),
                l,
            )
        })
        .collect();
    let only_a: Vec<(Vec<String>, &String)> = pair
        .only_a
        .iter()
        .map(|s| (locate(text_a, &result.a, s), s))
        .collect();
    let only_b: Vec<(Vec<String>, &String)> = pair
        .only_b
        .iter()
        .map(|s| (locate(text_b, &result.b, s), s))
        .collect();
    tally.unmapped = gold
        .iter()
        .flat_map(|(a, b, _)| [a, b])
        .chain(only_a.iter().map(|(a, _)| a))
        .chain(only_b.iter().map(|(b, _)| b))
        .filter(|ids| ids.is_empty())
        .count();

    tally.gold_links = gold.len();
    for (ids_a, ids_b, link) in &gold {
        let best = result
            .pairs
            .iter()
            .filter(|p| ids_a.contains(&p.a) && ids_b.contains(&p.b))
            .max_by(|x, y| x.score.total_cmp(&y.score));
        let Some(found) = best else {
            notes.push(format!(
                "missed ({:?}): A «{}» ↔ B «{}»",
                link.verdict, link.a, link.b
            ));
            continue;
        };
        tally.found += 1;
        let (row, col) = (verdict_index(link.verdict), verdict_index(found.verdict));
        if let Some(cell) = tally.confusion.get_mut(row).and_then(|r| r.get_mut(col)) {
            *cell += 1;
        }
        if row == col {
            tally.verdict_ok += 1;
        } else {
            notes.push(format!(
                "verdict {:?}, gold {:?}: A «{}» ↔ B «{}» ({})",
                found.verdict,
                link.verdict,
                link.a,
                link.b,
                found.reasons.join(" ")
            ));
        }
    }

    let labelled_a: Vec<&String> = gold
        .iter()
        .flat_map(|(a, _, _)| a)
        .chain(only_a.iter().flat_map(|(a, _)| a))
        .collect();
    let labelled_b: Vec<&String> = gold
        .iter()
        .flat_map(|(_, b, _)| b)
        .chain(only_b.iter().flat_map(|(b, _)| b))
        .collect();
    for p in &result.pairs {
        if !labelled_a.contains(&&p.a) && !labelled_b.contains(&&p.b) {
            continue;
        }
        tally.touching += 1;
        if gold
            .iter()
            .any(|(a, b, _)| a.contains(&p.a) && b.contains(&p.b))
        {
            tally.correct_pairs += 1;
        } else {
            notes.push(format!(
                "spurious ({:?}, {:.2}): A «{}» ↔ B «{}»",
                p.verdict,
                p.score,
                claim_text(&result.a, &p.a),
                claim_text(&result.b, &p.b)
            ));
        }
    }

    let sides = [
        ('A', &only_a, &result.only_a),
        ('B', &only_b, &result.only_b),
    ];
    for (side, one_sided, engine_only) in sides {
        for (ids, needle) in one_sided {
            tally.one_sided += 1;
            // A claim the engine did not make cannot be linked.
            if ids.iter().all(|id| engine_only.contains(id)) {
                tally.one_sided_ok += 1;
            } else {
                notes.push(format!("linked, gold only{side}: «{needle}»"));
            }
        }
    }
    tally
}

fn table_row(name: &str, t: &Tally) -> String {
    format!(
        "| {name} | {} | {} | {} | {} | {} | {} | {} | {} | {}/{} | {} | {} |\n",
        t.gold_links,
        t.found,
        fmt_ratio(t.recall()),
        t.touching,
        t.correct_pairs,
        fmt_ratio(t.precision()),
        fmt_ratio(t.f1()),
        fmt_ratio(t.verdict_accuracy()),
        t.one_sided_ok,
        t.one_sided,
        fmt_ratio(t.one_sided_accuracy()),
        t.unmapped,
    )
}

fn document(side: &SideFile) -> Document<'_> {
    let doc = Document::new(&side.text);
    match &side.date {
        Some(date) => doc.with_date(date.clone()),
        None => doc,
    }
}

/// Runs the engine on every pair; returns the overall tally and the report.
fn evaluate() -> (Tally, String) {
    let pairs = load_pairs();
    let mut total = Tally::default();
    let mut table = String::new();
    let mut details = String::new();
    for (name, pair) in &pairs {
        let result = compare(&document(&pair.a), &document(&pair.b), &Options::default())
            .unwrap_or_else(|e| panic!("{name}: compare failed: {e}"));
        assert_eq!(result.offsets, OffsetUnit::Chars, "default offsets");
        let mut notes = Vec::new();
        let tally = score_pair(pair, &result, &mut notes);
        table.push_str(&table_row(name, &tally));
        total.add(&tally);
        if !notes.is_empty() {
            let _ = writeln!(details, "\n### {name}\n");
            for note in notes {
                let _ = writeln!(details, "- {note}");
            }
        }
    }

    let mut report = String::from("# claimdiff evaluation report\n\n");
    let _ = writeln!(
        report,
        "{} pairs from `tests/eval/pairs` (see `tests/eval/README.md`); default options.\n",
        pairs.len()
    );
    report.push_str(
        "| pair | gold links | found | recall | pairs touching gold | gold pairs | precision | F1 | verdict acc. | one-sided kept | one-sided acc. | unmapped |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    report.push_str(&table);
    report.push_str(&table_row("**all**", &total));
    report.push_str("\n## Verdicts on found links (gold rows, engine columns)\n\n");
    report.push_str("| gold \\ engine | agree | partial | conflict | other |\n| --- | ---: | ---: | ---: | ---: |\n");
    for (name, row) in VERDICT_NAMES.iter().zip(total.confusion) {
        let _ = writeln!(
            report,
            "| {name} | {} | {} | {} | {} |",
            row[0], row[1], row[2], row[3]
        );
    }
    report.push_str("\n## Misses, wrong verdicts, spurious pairs\n");
    report.push_str(&details);
    (total, report)
}

fn report_path() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
        .join("eval-report.md")
}

// The floors a working engine must meet (see tests/eval/README.md for the
// figures of each scoring).
#[test]
fn engine_meets_floors_on_the_evaluation_set() {
    let (total, report) = evaluate();
    println!("{report}");
    let path = report_path();
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    std::fs::write(&path, &report).expect("write eval report");

    let figures = [
        total.recall(),
        total.precision(),
        total.verdict_accuracy(),
        total.one_sided_accuracy(),
    ];
    let failed: Vec<String> = FLOORS
        .iter()
        .zip(figures)
        .filter(|((_, floor), got)| got.is_none_or(|g| g < *floor))
        .map(|((what, floor), got)| format!("{what} {} < {floor}", fmt_ratio(got)))
        .collect();
    assert!(
        failed.is_empty(),
        "below the floors: {} (report: {})",
        failed.join(", "),
        path.display()
    );
}
