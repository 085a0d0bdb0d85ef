//! Alignment: which claims of A and B speak of the same thing.
//!
//! 1. Each claim becomes a sparse vector: its own terms (stems and paraphrase
//!    concepts) weighted by rarity (IDF over the claims of both accounts), the
//!    rest of its sentence at a lower weight, its canonical entities, and its
//!    topics at a small fixed weight. Similarity mixes the cosine of the
//!    claims' own parts (70%) with that of their whole sentences (30%): the
//!    context counts, but the claim is what is judged.
//! 2. Candidates come from an inverted index over the rarer keys (a key shared
//!    by a large share of the claims finds no candidates by itself but still
//!    counts in the score), so the work grows with the length of the accounts,
//!    not with the product of their claim counts.
//! 3. The choice is global: an optimal one-to-one assignment (Hungarian method)
//!    over each connected group of candidates, greedy by descending score for
//!    very large groups. Text order plays no part, so reordered paragraphs
//!    align the same.
//! 4. A claim left over whose best counterpart is already taken may still link
//!    to it when the match is strong: one claim can stand against several list
//!    items on the other side.

use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

use crate::features::Features;
use crate::order;

/// An aligned pair: indices into the claim lists and the similarity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Link {
    /// Index of the claim in A.
    pub a: usize,
    /// Index of the claim in B.
    pub b: usize,
    /// Cosine similarity in `[0, 1]`.
    pub score: f64,
    /// The score plus a tie-breaker too small to change any other order: how
    /// alike the two claims' words are on the surface. The choice is made on
    /// it, so that equal scores are settled by the claims themselves rather
    /// than by which account came first.
    pub rank: f64,
}

/// Weight of a sentence term relative to the claim's own terms.
const CONTEXT_WEIGHT: f64 = 0.3;
/// Weight of an entity key relative to an own term of the same rarity.
const ENTITY_WEIGHT: f64 = 1.2;
/// Fixed weight of a topic key.
const TOPIC_WEIGHT: f64 = 0.5;
/// How many candidates each claim keeps.
const TOP_K: usize = 8;
/// How many claims of B, best by their partial score, are scored in full.
const SHORTLIST: usize = 4 * TOP_K;
/// How many postings one claim of A may visit (see [`candidates`]).
const POSTINGS_BUDGET: usize = 4096;
/// Weight of the surface tie-breaker in [`Link::rank`]: far below any
/// difference of scores that means something.
const TIE_BREAK: f64 = 1e-6;
/// Largest side of a group solved exactly; larger groups are solved greedily.
const EXACT_LIMIT: usize = 120;
/// How much stronger than the threshold a second link to a taken claim must be.
const SECONDARY_MARGIN: f64 = 0.15;
/// A list item may share a counterpart with a sibling item that matches it
/// at least this well relative to the sibling's link.
const SIBLING_SHARE: f64 = 0.9;

type Vector = Vec<(u32, f64)>;

/// Ids of the keys of both accounts, numbered in order of first sight.
/// Term keys, entities and topics are kept apart (as if entity keys had a
/// leading `@` and topic keys a leading `#`, which no term key has).
#[derive(Default)]
struct Vocabulary<'f> {
    terms: HashMap<&'f str, u32>,
    entities: HashMap<&'f str, u32>,
    topics: HashMap<&'f str, u32>,
    len: u32,
    /// The claims' surface words, numbered apart from the keys (they carry
    /// no weight: only [`dice`] compares them).
    surface: HashMap<&'f str, u32>,
    /// Term ids by the address of the key's text. Most term keys are clones
    /// of one cached `Rc<str>` per word, so hashing an address finds them
    /// without hashing and comparing the text; another `Rc` of the same text
    /// misses here and is found by its text. Sound because every key outlives
    /// the vocabulary ('f), so no two live keys share an address.
    by_address: HashMap<*const u8, u32>,
}

impl<'f> Vocabulary<'f> {
    fn len(&self) -> usize {
        self.len as usize
    }
}

/// The keys of a claim, by kind, as vocabulary ids.
struct Keys {
    own: Vec<u32>,
    content: Vec<u32>,
    context: Vec<u32>,
    entities: Vec<u32>,
    topics: Vec<u32>,
    /// The claim's words as written, for [`Link::rank`]'s tie-breaker: as
    /// ids of `Vocabulary::surface`, sorted (with repeats).
    surface: Vec<u32>,
}

fn keys<'f>(f: &'f Features<'_>, vocabulary: &mut Vocabulary<'f>) -> Keys {
    /// Which of the vocabulary's maps a key goes to, and under what name.
    #[derive(Clone, Copy)]
    enum Kind {
        Term,
        Entity,
        Topic,
    }
    fn id<'f>(key: &'f str, kind: Kind, v: &mut Vocabulary<'f>) -> u32 {
        // A term key spelt like a prefixed entity or topic key is that key.
        let (map, key) = match (kind, key.as_bytes().first()) {
            (Kind::Term, Some(b'@')) => (&mut v.entities, &key[1..]),
            (Kind::Term, Some(b'#')) => (&mut v.topics, &key[1..]),
            (Kind::Term, _) => (&mut v.terms, key),
            (Kind::Entity, _) => (&mut v.entities, key),
            (Kind::Topic, _) => (&mut v.topics, key),
        };
        let next = v.len;
        let id = *map.entry(key).or_insert(next);
        if id == next {
            v.len += 1;
        }
        id
    }
    fn sorted(mut ids: Vec<u32>) -> Vec<u32> {
        order::sort_unstable(&mut ids);
        ids.dedup();
        ids
    }
    fn ids<'f, K: AsRef<str>>(list: &'f [K], kind: Kind, v: &mut Vocabulary<'f>) -> Vec<u32> {
        list.iter().map(|k| id(k.as_ref(), kind, v)).collect()
    }
    fn term_ids<'f>(list: &'f [Rc<str>], v: &mut Vocabulary<'f>) -> Vec<u32> {
        list.iter()
            .map(|key| {
                let address = key.as_ptr();
                if let Some(&found) = v.by_address.get(&address) {
                    return found;
                }
                let found = id(key, Kind::Term, v);
                v.by_address.insert(address, found);
                found
            })
            .collect()
    }
    let own = term_ids(&f.own, vocabulary);
    // The content terms are own terms, and both lists are sorted: their ids
    // are found by walking the own terms alongside, not by hashing again.
    let mut at = 0;
    let content: Vec<u32> = f
        .content
        .iter()
        .map(|key| {
            while f.own.get(at).is_some_and(|o| o < key) {
                at += 1;
            }
            match (f.own.get(at), own.get(at)) {
                (Some(o), Some(&found)) if o == key => found,
                _ => id(key, Kind::Term, vocabulary),
            }
        })
        .collect();
    Keys {
        own: sorted(own),
        content: sorted(content),
        context: sorted(term_ids(&f.context, vocabulary)),
        entities: sorted(ids(&f.entities, Kind::Entity, vocabulary)),
        topics: sorted(ids(f.topics, Kind::Topic, vocabulary)),
        surface: surface_ids(&f.surface, &mut vocabulary.surface),
    }
}

/// The ids of `words` in `vocabulary` (new words get the next id), sorted.
/// Comparing two claims' surfaces then compares integers, not strings.
fn surface_ids<'f>(words: &'f [Rc<str>], vocabulary: &mut HashMap<&'f str, u32>) -> Vec<u32> {
    let mut ids: Vec<u32> = words
        .iter()
        .map(|w| {
            // Fewer distinct words than bytes of text, which fits u32.
            let next = vocabulary.len() as u32;
            *vocabulary.entry(w).or_insert(next)
        })
        .collect();
    order::sort_unstable(&mut ids);
    ids
}

/// Weight of the claim's own terms in the score; the rest goes to the
/// vector that also holds its sentence.
const CORE_SHARE: f64 = 0.7;

/// The claim's two vectors: its core (own terms, entities, topics) and the
/// same with its sentence's other terms, each of unit length.
struct Vectors {
    core: Vector,
    full: Vector,
}

/// Sorts `entries` by id and keeps the first entry of each id, as a map
/// filled in their order with `entry().or_insert()` would.
fn first_of_each(mut entries: Vector) -> Vector {
    // Stable, so that entries of one id stay in their order.
    order::sort_by(&mut entries, |x, y| x.0.cmp(&y.0));
    entries.dedup_by_key(|&mut (id, _)| id);
    entries
}

fn normalised(mut v: Vector) -> Vector {
    // Summed in the order of the ids, so that the float sum rounds the same
    // way every time and ties are broken the same way twice.
    let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut v {
            *w /= norm;
        }
        v
    } else {
        Vec::new()
    }
}

fn vectors(k: &Keys, idf: &[f64]) -> Vectors {
    // A topic's weight wins over an entity's, an entity's over a term's.
    let mut core: Vector = Vec::with_capacity(k.own.len() + k.entities.len() + k.topics.len());
    core.extend(k.topics.iter().map(|&id| (id, TOPIC_WEIGHT)));
    core.extend(
        k.entities
            .iter()
            .map(|&id| (id, idf[id as usize] * ENTITY_WEIGHT)),
    );
    core.extend(k.own.iter().map(|&id| (id, idf[id as usize])));
    let core = first_of_each(core);
    // The sentence's terms count where the core has no weight of its own.
    let mut full = Vec::with_capacity(core.len() + k.context.len());
    full.extend_from_slice(&core);
    full.extend(
        k.context
            .iter()
            .map(|&id| (id, idf[id as usize] * CONTEXT_WEIGHT)),
    );
    Vectors {
        core: normalised(core),
        full: normalised(first_of_each(full)),
    }
}

/// One claim's [`Vectors`] spread over every id (zero where it has no
/// weight), so that its dot product with another claim's vector reads one
/// weight per entry of the other instead of merging two sorted lists.
///
/// The sums are the merge's, bit for bit: the same products (this claim's
/// weight times the other's), added in the order of the ids; an id this claim
/// lacks adds an exact `+0.0`, which leaves a sum unchanged.
struct Spread {
    core: Vec<f64>,
    full: Vec<f64>,
}

impl Spread {
    fn new(ids: usize) -> Self {
        Spread {
            core: vec![0.0; ids],
            full: vec![0.0; ids],
        }
    }

    /// Spreads `v` (the vectors of one claim at a time: [`Spread::clear`] it after).
    fn fill(&mut self, v: &Vectors) {
        self.write(v, |w| w);
    }

    /// Undoes [`Spread::fill`] of `v`.
    fn clear(&mut self, v: &Vectors) {
        self.write(v, |_| 0.0);
    }

    /// Sets the slot of each id of `v` to `value` of its weight.
    fn write(&mut self, v: &Vectors, value: impl Fn(f64) -> f64) {
        for (dense, sparse) in [(&mut self.core, &v.core), (&mut self.full, &v.full)] {
            for &(id, w) in sparse {
                if let Some(slot) = dense.get_mut(id as usize) {
                    *slot = value(w);
                }
            }
        }
    }

    /// The weight of `id` in the spread claim's core vector.
    fn core_weight(&self, id: u32) -> f64 {
        self.core.get(id as usize).copied().unwrap_or(0.0)
    }

    /// The similarity of the spread claim to `y`.
    fn similarity(&self, y: &Vectors) -> f64 {
        let dot = |dense: &[f64], sparse: &Vector| {
            let mut sum = 0.0;
            for &(id, w) in sparse {
                sum += dense.get(id as usize).copied().unwrap_or(0.0) * w;
            }
            sum
        };
        (CORE_SHARE * dot(&self.core, &y.core) + (1.0 - CORE_SHARE) * dot(&self.full, &y.full))
            .clamp(0.0, 1.0)
    }
}

/// Whether two sorted id lists have an id in common.
fn shares_any(x: &[u32], y: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Aligns the claims of A and B; links come back sorted by (a, b).
pub(crate) fn align(fa: &[Features<'_>], fb: &[Features<'_>], threshold: f64) -> Vec<Link> {
    let mut vocabulary = Vocabulary::default();
    let (mut terms, mut entities, mut topics) = (0, 0, 0);
    for f in fa.iter().chain(fb) {
        terms += f.own.len() + f.context.len();
        entities += f.entities.len();
        topics += f.topics.len();
    }
    vocabulary.terms.reserve(terms);
    vocabulary.by_address.reserve(terms);
    vocabulary.entities.reserve(entities);
    vocabulary.topics.reserve(topics);
    vocabulary
        .surface
        .reserve(fa.iter().chain(fb).map(|f| f.surface.len()).sum());
    let keys_a: Vec<Keys> = fa.iter().map(|f| keys(f, &mut vocabulary)).collect();
    let keys_b: Vec<Keys> = fb.iter().map(|f| keys(f, &mut vocabulary)).collect();
    // Each claim counts once per id: `last[id]` is the last claim (plus
    // one) that counted it, so no list of a claim's ids is sorted.
    let mut df = vec![0usize; vocabulary.len()];
    let mut last = vec![0usize; vocabulary.len()];
    for (n, k) in keys_a.iter().chain(&keys_b).enumerate() {
        for &id in k.own.iter().chain(&k.context).chain(&k.entities) {
            if let (Some(count), Some(seen)) = (df.get_mut(id as usize), last.get_mut(id as usize))
            {
                if *seen != n + 1 {
                    *seen = n + 1;
                    *count += 1;
                }
            }
        }
    }
    let total = (fa.len() + fb.len()).max(1) as f64;
    let idf: Vec<f64> = df
        .iter()
        .map(|&d| (1.0 + total / d.max(1) as f64).ln())
        .collect();
    let vectors_a: Vec<Vectors> = keys_a.iter().map(|k| vectors(k, &idf)).collect();
    let vectors_b: Vec<Vectors> = keys_b.iter().map(|k| vectors(k, &idf)).collect();

    let candidates = candidates((&keys_a, &keys_b), (&vectors_a, &vectors_b), &df, threshold);

    let mut chosen = assign(&candidates, fa.len(), fb.len());
    let items_a: Vec<bool> = fa.iter().map(|f| f.item).collect();
    let items_b: Vec<bool> = fb.iter().map(|f| f.item).collect();
    add_secondary_links(&candidates, &mut chosen, (&items_a, &items_b), threshold);
    chosen.sort_by_key(|l| (l.a, l.b));
    chosen
}

/// The candidate links of each claim of A: at most [`TOP_K`], each at or
/// above the threshold.
///
/// An inverted index of B over its own terms and entities gives, for each
/// claim of A, the claims of B that share a key with it, and accumulates
/// their core similarity as it goes (one multiply-add per shared key), so
/// that only the [`SHORTLIST`] most promising are scored in full. Keys found
/// in more than `cap` claims of B find no candidates by themselves (they
/// still count in the score), keys are visited rarest first, and a claim
/// stops after [`POSTINGS_BUDGET`] postings: the work per claim is bounded,
/// so alignment grows linearly with the accounts even when they repeat
/// themselves many times over.
fn candidates(
    keys: (&[Keys], &[Keys]),
    vectors: (&[Vectors], &[Vectors]),
    df: &[usize],
    threshold: f64,
) -> Vec<Link> {
    let (keys_a, keys_b) = keys;
    let (vectors_a, vectors_b) = vectors;
    let nb = keys_b.len();
    let cap = 24usize.max((nb as f64).sqrt() as usize * 3);
    let weight = |v: &Vector, id: u32| {
        v.binary_search_by_key(&id, |&(k, _)| k)
            .ok()
            .and_then(|at| v.get(at))
            .map_or(0.0, |&(_, w)| w)
    };
    // Ids are dense: the postings of id `n` are `entries[starts[n]..starts[n + 1]]`,
    // in the order of B's claims (one flat list: no allocation per id, and
    // the postings of an id lie together).
    let mut starts = vec![0usize; df.len() + 1];
    for k in keys_b {
        for &id in k.own.iter().chain(&k.entities) {
            if let Some(count) = starts.get_mut(id as usize + 1) {
                *count += 1;
            }
        }
    }
    for n in 1..starts.len() {
        starts[n] += starts[n - 1];
    }
    let mut filled = starts.clone();
    let mut entries = vec![(0u32, 0.0f64); starts.last().copied().unwrap_or(0)];
    for (j, (k, v)) in keys_b.iter().zip(vectors_b).enumerate() {
        for &id in k.own.iter().chain(&k.entities) {
            if let Some(at) = filled.get_mut(id as usize) {
                if let Some(entry) = entries.get_mut(*at) {
                    // A claim index fits u32: each claim holds a byte of a text under 4 GiB.
                    *entry = (j as u32, weight(&v.core, id));
                }
                *at += 1;
            }
        }
    }
    let postings = |id: u32| {
        let n = id as usize;
        match (starts.get(n), starts.get(n + 1)) {
            (Some(&from), Some(&to)) => entries.get(from..to).unwrap_or_default(),
            _ => &[],
        }
    };
    let mut out: Vec<Link> = Vec::new();
    let mut partial = vec![0.0f64; nb];
    let mut touched: Vec<usize> = Vec::new();
    let mut spread = Spread::new(df.len());
    for (i, (k, v)) in keys_a.iter().zip(vectors_a).enumerate() {
        spread.fill(v);
        let mut ids: Vec<u32> = k.own.iter().chain(&k.entities).copied().collect();
        let rarity = |id: &u32| (df.get(*id as usize).copied().unwrap_or(0), *id);
        order::sort_unstable_by(&mut ids, |x, y| rarity(x).cmp(&rarity(y)));
        ids.dedup();
        let mut budget = POSTINGS_BUDGET;
        for id in ids {
            let list = postings(id);
            if list.is_empty() || list.len() > cap {
                continue;
            }
            if list.len() > budget {
                break;
            }
            budget -= list.len();
            let mine = spread.core_weight(id);
            for &(j, theirs) in list {
                let j = j as usize;
                if partial[j] == 0.0 {
                    touched.push(j);
                }
                // Never exactly zero once touched, so `touched` stays a set.
                partial[j] += mine * theirs + f64::MIN_POSITIVE;
            }
        }
        // Best partial score first, then text order: a total order, so the
        // shortlist is the same whether the rest is sorted or not.
        let by_partial = |x: &usize, y: &usize| partial[*y].total_cmp(&partial[*x]).then(x.cmp(y));
        order::least_sorted(&mut touched, SHORTLIST, by_partial);
        let mut found: Vec<Link> = Vec::new();
        for &j in touched.iter().take(SHORTLIST) {
            // Names and topics alone do not make two claims one fact: they
            // must share at least one word or concept of their own.
            if !shares_any(&k.content, &keys_b[j].content) {
                continue;
            }
            let score = spread.similarity(&vectors_b[j]);
            if score >= threshold {
                let surface = dice(&k.surface, &keys_b[j].surface);
                found.push(Link {
                    a: i,
                    b: j,
                    score,
                    rank: score + TIE_BREAK * surface,
                });
            }
        }
        for j in touched.drain(..) {
            partial[j] = 0.0;
        }
        spread.clear(v);
        out.extend(found);
    }
    best_of_each(out, nb)
}

/// Keeps a candidate link when it is among the [`TOP_K`] best of its claim
/// in A or of its claim in B: the same links whichever account comes first.
fn best_of_each(links: Vec<Link>, nb: usize) -> Vec<Link> {
    // Best rank first, then the earlier link: the order a stable sort by
    // rank gives, as a total order, so that selecting the best TOP_K keeps
    // the same links as sorting the whole group would.
    let better = |x: &usize, y: &usize| links[*y].rank.total_cmp(&links[*x].rank).then(x.cmp(y));
    let mut keep = vec![false; links.len()];
    let mut mark = |group: &mut [usize]| {
        order::least_sorted(group, TOP_K, better);
        for &n in group.iter().take(TOP_K) {
            keep[n] = true;
        }
    };
    // Links come grouped by their claim in A.
    let mut start = 0;
    while start < links.len() {
        let a = links[start].a;
        let end = start + links[start..].iter().take_while(|l| l.a == a).count();
        let mut group: Vec<usize> = (start..end).collect();
        mark(&mut group);
        start = end;
    }
    let mut of_b: Vec<Vec<usize>> = vec![Vec::new(); nb];
    for (n, l) in links.iter().enumerate() {
        if let Some(list) = of_b.get_mut(l.b) {
            list.push(n);
        }
    }
    for mut group in of_b {
        mark(&mut group);
    }
    links
        .into_iter()
        .zip(keep)
        .filter_map(|(l, k)| k.then_some(l))
        .collect()
}

/// The Dice coefficient of two sorted lists of word ids (with repeats).
fn dice(x: &[u32], y: &[u32]) -> f64 {
    if x.is_empty() && y.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while let (Some(p), Some(q)) = (x.get(i), y.get(j)) {
        match p.cmp(q) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (x.len() + y.len()) as f64
}

/// The optimal one-to-one choice among candidate links, group by group.
fn assign(candidates: &[Link], na: usize, nb: usize) -> Vec<Link> {
    // Union-find over A nodes (0..na) and B nodes (na..na+nb).
    let mut parent: Vec<usize> = (0..na + nb).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for link in candidates {
        let (x, y) = (find(&mut parent, link.a), find(&mut parent, na + link.b));
        if x != y {
            parent[x] = y;
        }
    }
    let mut groups: HashMap<usize, Vec<Link>> = HashMap::default();
    for link in candidates {
        let root = find(&mut parent, link.a);
        groups.entry(root).or_default().push(*link);
    }
    let mut roots: Vec<usize> = groups.keys().copied().collect();
    roots.sort_unstable();
    let mut chosen = Vec::new();
    for root in roots {
        let links = &groups[&root];
        let mut a_nodes: Vec<usize> = links.iter().map(|l| l.a).collect();
        let mut b_nodes: Vec<usize> = links.iter().map(|l| l.b).collect();
        a_nodes.sort_unstable();
        a_nodes.dedup();
        b_nodes.sort_unstable();
        b_nodes.dedup();
        if a_nodes.len().min(b_nodes.len()) <= EXACT_LIMIT {
            chosen.extend(hungarian(links, &a_nodes, &b_nodes));
        } else {
            chosen.extend(greedy(links));
        }
    }
    chosen
}

/// Greedy one-to-one choice by descending score.
fn greedy(links: &[Link]) -> Vec<Link> {
    let mut sorted = links.to_vec();
    sorted.sort_by(|x, y| y.rank.total_cmp(&x.rank).then((x.a, x.b).cmp(&(y.a, y.b))));
    let mut used_a = rustc_hash::FxHashSet::default();
    let mut used_b = rustc_hash::FxHashSet::default();
    let mut out = Vec::new();
    for link in sorted {
        if !used_a.contains(&link.a) && !used_b.contains(&link.b) {
            used_a.insert(link.a);
            used_b.insert(link.b);
            out.push(link);
        }
    }
    out
}

/// Maximum-weight one-to-one assignment (Hungarian method, O(n²m)) over a
/// group; pairs without a candidate link may stay unmatched at no cost.
fn hungarian(links: &[Link], a_nodes: &[usize], b_nodes: &[usize]) -> Vec<Link> {
    // Rows are the smaller side so that every row can be assigned.
    let transpose = a_nodes.len() > b_nodes.len();
    let (rows, cols) = if transpose {
        (b_nodes, a_nodes)
    } else {
        (a_nodes, b_nodes)
    };
    let (n, m) = (rows.len(), cols.len());
    let mut cost = vec![0.0f64; n * m];
    for link in links {
        let (r, c) = if transpose {
            (link.b, link.a)
        } else {
            (link.a, link.b)
        };
        if let (Ok(r), Ok(c)) = (rows.binary_search(&r), cols.binary_search(&c)) {
            cost[r * m + c] = -link.rank;
        }
    }
    // e-maxx formulation with 1-based potentials.
    let inf = f64::INFINITY;
    let mut u = vec![0.0; n + 1];
    let mut v = vec![0.0; m + 1];
    let mut p = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![inf; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = inf;
            let mut j1 = 0;
            for j in 1..=m {
                if !used[j] {
                    let cur = cost[(i0 - 1) * m + (j - 1)] - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let chosen: HashMap<(usize, usize), Link> = links.iter().map(|l| ((l.a, l.b), *l)).collect();
    let mut out = Vec::new();
    for j in 1..=m {
        if p[j] == 0 {
            continue;
        }
        let (r, c) = (rows[p[j] - 1], cols[j - 1]);
        let (a, b) = if transpose { (c, r) } else { (r, c) };
        if let Some(&link) = chosen.get(&(a, b)) {
            out.push(link);
        }
    }
    out
}

/// Links a leftover claim to its taken best counterpart when the match is
/// strong, or when the leftover is a list item that matches as well as the
/// claim already linked there (a sibling item): one claim can then stand
/// against several list items on the other side.
fn add_secondary_links(
    candidates: &[Link],
    chosen: &mut Vec<Link>,
    items: (&[bool], &[bool]),
    threshold: f64,
) {
    let (items_a, items_b) = items;
    let strong = (threshold + SECONDARY_MARGIN).max(0.4);
    let mut linked_a: HashMap<usize, f64> = HashMap::default();
    let mut linked_b: HashMap<usize, f64> = HashMap::default();
    for l in chosen.iter() {
        linked_a.insert(l.a, l.score);
        linked_b.insert(l.b, l.score);
    }
    let mut extra: Vec<Link> = Vec::new();
    // A leftover claim of A against a taken claim of B, then the mirror case.
    for (leftover_is_a, items) in [(true, items_a), (false, items_b)] {
        let mut best: HashMap<usize, Link> = HashMap::default();
        for l in candidates {
            let (me, other) = if leftover_is_a {
                (l.a, l.b)
            } else {
                (l.b, l.a)
            };
            let (mine, theirs) = if leftover_is_a {
                (&linked_a, &linked_b)
            } else {
                (&linked_b, &linked_a)
            };
            if mine.contains_key(&me) {
                continue;
            }
            let Some(&taken_score) = theirs.get(&other) else {
                continue;
            };
            let sibling =
                items.get(me).copied().unwrap_or(false) && l.score >= SIBLING_SHARE * taken_score;
            if (l.score >= strong || sibling) && best.get(&me).is_none_or(|b| l.rank > b.rank) {
                best.insert(me, *l);
            }
        }
        extra.extend(best.into_values());
    }
    extra.sort_by_key(|l| (l.a, l.b));
    extra.dedup_by_key(|l| (l.a, l.b));
    chosen.extend(extra);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(own: &[&str]) -> Features<'static> {
        let terms: Vec<Rc<str>> = own.iter().map(|&s| Rc::from(s)).collect();
        Features {
            own: terms.clone(),
            content: terms,
            ..Features::default()
        }
    }

    #[test]
    fn assignment_is_global_not_first_come() {
        // a0 is close to both b0 and b1, a1 only to b0: the global choice
        // gives b0 to a1 and b1 to a0, although a0 ↔ b0 scores highest.
        let a = [f(&["x", "y", "z"]), f(&["x", "y", "w"])];
        let b = [f(&["x", "y", "z", "w"]), f(&["x", "y", "z", "q"])];
        let links = align(&a, &b, 0.1);
        let pairs: Vec<(usize, usize)> = links.iter().map(|l| (l.a, l.b)).collect();
        assert!(
            pairs.contains(&(0, 1)) && pairs.contains(&(1, 0)),
            "{links:?}"
        );
    }

    #[test]
    fn order_does_not_matter() {
        let a = [
            f(&["bridge", "open"]),
            f(&["school", "close"]),
            f(&["rain", "flood"]),
        ];
        let b = [
            f(&["flood", "rain"]),
            f(&["bridge", "open", "monday"]),
            f(&["school", "close"]),
        ];
        let links = align(&a, &b, 0.2);
        let pairs: Vec<(usize, usize)> = links.iter().map(|l| (l.a, l.b)).collect();
        assert_eq!(pairs, [(0, 1), (1, 2), (2, 0)]);
    }

    #[test]
    fn unrelated_claims_stay_one_sided() {
        let a = [f(&["bridge", "open"])];
        let b = [f(&["school", "close"])];
        assert!(align(&a, &b, 0.2).is_empty());
        assert!(align(&[], &b, 0.2).is_empty());
    }

    #[test]
    fn hungarian_matches_brute_force_on_small_groups() {
        let scores = [[0.9, 0.8, 0.1], [0.85, 0.2, 0.0], [0.0, 0.7, 0.6]];
        let mut links = Vec::new();
        for (a, row) in scores.iter().enumerate() {
            for (b, &score) in row.iter().enumerate() {
                if score > 0.0 {
                    links.push(Link {
                        a,
                        b,
                        score,
                        rank: score,
                    });
                }
            }
        }
        let got: f64 = hungarian(&links, &[0, 1, 2], &[0, 1, 2])
            .iter()
            .map(|l| l.score)
            .sum();
        // Best: a0-b1 0.8 + a1-b0 0.85 + a2-b2 0.6 = 2.25.
        assert!((got - 2.25).abs() < 1e-9, "{got}");
    }
}
