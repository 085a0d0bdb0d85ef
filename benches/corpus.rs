//! Benchmark accounts of any size built from real news text.
//!
//! The paragraphs of the seed reports and of `benches/texts/*.txt` are
//! shuffled and repeated, each repetition a variant with other numbers and a
//! few words changed, until account A reaches the asked size. Account B is
//! A's paragraphs reshuffled, some dropped, some with shifted numbers or a
//! hedge, so alignment and verdicts have real work: most claims have a
//! counterpart far away in the other text, some agree, some conflict.
//! `benches/browser/corpus.mjs` is the same algorithm in JavaScript; both must
//! give byte-identical texts (`node benches/browser/corpus.mjs --check` checks
//! against files written by `BENCH_WRITE_TEXTS=dir cargo bench`).

/// The source texts, compiled in so the benchmark needs no files at run time.
pub const SOURCES: &[&str] = &[
    include_str!("../seeds/kazinform-2022-01-12.txt"),
    include_str!("../seeds/csto-peacekeepers-undated.txt"),
    include_str!("texts/river-flood.txt"),
    include_str!("texts/vote-count.txt"),
    include_str!("texts/plant-strike.txt"),
    include_str!("texts/bridge-reopening.txt"),
];

/// xorshift32: tiny, deterministic, and easy to repeat exactly in JavaScript.
struct Rng(u32);

impl Rng {
    fn next(&mut self) -> u32 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.0 = x;
        x
    }
}

/// The non-empty paragraphs of every source, in order.
pub fn paragraphs() -> Vec<&'static str> {
    SOURCES
        .iter()
        .flat_map(|s| s.split("\n\n"))
        .map(|p| p.trim_matches([' ', '\n', '\r', '\t']))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Shifts every ASCII digit by `by` (`2,030` → `3,141` for 1): the same
/// sentence with different numbers, which the engine should call a conflict.
fn shift_digits(p: &str, by: u32) -> String {
    p.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from(b'0' + ((d + by) % 10) as u8),
            None => c,
        })
        .collect()
}

/// Adds a hedge after the paragraph's first word.
fn hedge(p: &str) -> String {
    match p.split_once(' ') {
        Some((first, rest)) => format!("{first} reportedly {rest}"),
        None => p.to_string(),
    }
}

/// Round `round` of a paragraph: the original in round 0; after that, its
/// numbers shifted and one word in eight replaced by a word from elsewhere in
/// the sources, so that repeated paragraphs make new, similar claims (the
/// engine folds verbatim repeats into one claim).
fn variant(p: &str, round: u32, vocabulary: &[&str], rng: &mut Rng) -> String {
    if round == 0 || vocabulary.is_empty() {
        return p.to_string();
    }
    let shifted = shift_digits(p, round);
    let mut words: Vec<&str> = shifted.split(' ').collect();
    for _ in 0..(words.len() / 8).max(1) {
        let at = rng.next() as usize % words.len();
        words[at] = vocabulary[rng.next() as usize % vocabulary.len()];
    }
    words.join(" ")
}

/// Account A: rounds of shuffled paragraph variants, up to `bytes` bytes
/// (at least one paragraph).
pub fn account_a(bytes: usize, seed: u32) -> Vec<String> {
    let pool = paragraphs();
    let vocabulary: Vec<&str> = pool.iter().flat_map(|p| p.split(' ')).collect();
    let mut rng = Rng(seed.max(1));
    let mut out: Vec<String> = Vec::new();
    let mut length = 0;
    for round in 0.. {
        if pool.is_empty() {
            break;
        }
        let mut order: Vec<usize> = (0..pool.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.next() as usize % (i + 1));
        }
        for i in order {
            let piece = variant(pool[i], round, &vocabulary, &mut rng);
            let separator = if out.is_empty() { 0 } else { 2 };
            if !out.is_empty() && length + separator + piece.len() > bytes {
                return out;
            }
            length += separator + piece.len();
            out.push(piece);
        }
    }
    out
}

/// Account B: A's paragraphs in another order, one in ten dropped, two in
/// ten with shifted numbers and two in ten hedged.
pub fn account_b(a: &[String], seed: u32) -> String {
    let mut rng = Rng(seed.max(1));
    let mut order: Vec<usize> = (0..a.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.next() as usize % (i + 1));
    }
    let mut out: Vec<String> = Vec::new();
    for i in order {
        match rng.next() % 10 {
            0 => {}
            1 | 2 => out.push(shift_digits(&a[i], 1)),
            3 | 4 => out.push(hedge(&a[i])),
            _ => out.push(a[i].clone()),
        }
    }
    out.join("\n\n")
}

/// The benchmark pairs: the seeds, then accounts of 100 KB, 1 MB and 2 MB.
pub fn pairs() -> Vec<(&'static str, String, String)> {
    let mut out = vec![("seeds", SOURCES[0].to_string(), SOURCES[1].to_string())];
    for (name, bytes) in [("100KB", 100_000), ("1MB", 1_000_000), ("2MB", 2_000_000)] {
        let a = account_a(bytes, 7);
        let b = account_b(&a, 11);
        out.push((name, a.join("\n\n"), b));
    }
    out
}
