// The benchmark accounts, built exactly as benches/corpus.rs builds them (same
// sources, same xorshift32 shuffles, same edits), so that the browser and the
// native benchmarks measure the same texts.
//
//   node benches/browser/corpus.mjs --check DIR   compares with the files that
//   `BENCH_WRITE_TEXTS=DIR cargo bench --profile bench-native --bench compare -- --test` writes.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path) => readFileSync(join(root, path), 'utf8');

/** The sources, in corpus.rs's order. */
export const SOURCES = [
  'seeds/kazinform-2022-01-12.txt',
  'seeds/csto-peacekeepers-undated.txt',
  'benches/texts/river-flood.txt',
  'benches/texts/vote-count.txt',
  'benches/texts/plant-strike.txt',
  'benches/texts/bridge-reopening.txt',
].map(read);

class Rng {
  constructor(seed) {
    this.x = Math.max(seed, 1) >>> 0;
  }
  next() {
    let x = this.x;
    x = (x ^ (x << 13)) >>> 0;
    x = (x ^ (x >>> 17)) >>> 0;
    x = (x ^ (x << 5)) >>> 0;
    this.x = x;
    return x;
  }
}

const trim = (p) => p.replace(/^[ \n\r\t]+|[ \n\r\t]+$/g, '');

export function paragraphs() {
  return SOURCES.flatMap((s) => s.split('\n\n')).map(trim).filter((p) => p !== '');
}

const shiftDigits = (p, by) => p.replace(/[0-9]/g, (d) => String((Number(d) + by) % 10));

function hedge(p) {
  const at = p.indexOf(' ');
  return at < 0 ? p : `${p.slice(0, at)} reportedly ${p.slice(at + 1)}`;
}

function variant(p, round, vocabulary, rng) {
  if (round === 0 || vocabulary.length === 0) return p;
  const words = shiftDigits(p, round).split(' ');
  const n = Math.max(Math.floor(words.length / 8), 1);
  for (let k = 0; k < n; k++) {
    const at = rng.next() % words.length;
    words[at] = vocabulary[rng.next() % vocabulary.length];
  }
  return words.join(' ');
}

function shuffled(n, rng) {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i >= 1; i--) {
    const j = rng.next() % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

export function accountA(bytes, seed) {
  const pool = paragraphs();
  const vocabulary = pool.flatMap((p) => p.split(' '));
  const rng = new Rng(seed);
  const out = [];
  let length = 0;
  if (pool.length === 0) return out;
  for (let round = 0; ; round++) {
    for (const i of shuffled(pool.length, rng)) {
      const piece = variant(pool[i], round, vocabulary, rng);
      const size = Buffer.byteLength(piece, 'utf8');
      const separator = out.length === 0 ? 0 : 2;
      if (out.length > 0 && length + separator + size > bytes) return out;
      length += separator + size;
      out.push(piece);
    }
  }
}

export function accountB(a, seed) {
  const rng = new Rng(seed);
  const out = [];
  for (const i of shuffled(a.length, rng)) {
    const r = rng.next() % 10;
    if (r === 0) continue;
    out.push(r <= 2 ? shiftDigits(a[i], 1) : r <= 4 ? hedge(a[i]) : a[i]);
  }
  return out.join('\n\n');
}

/** [name, a, b] for the seeds and the 100 KB, 1 MB and 2 MB accounts. */
export function pairs(names = ['seeds', '100KB', '1MB', '2MB']) {
  const sizes = { '100KB': 100_000, '1MB': 1_000_000, '2MB': 2_000_000 };
  return names.map((name) => {
    if (name === 'seeds') return [name, SOURCES[0], SOURCES[1]];
    const a = accountA(sizes[name], 7);
    return [name, a.join('\n\n'), accountB(a, 11)];
  });
}

if (process.argv[2] === '--check') {
  const dir = process.argv[3];
  let bad = 0;
  for (const [name, a, b] of pairs()) {
    for (const [side, text] of [['a', a], ['b', b]]) {
      const file = join(dir, `${name}-${side}.txt`);
      const same = readFileSync(file, 'utf8') === text;
      if (!same) bad++;
      console.log(`${same ? 'same' : 'DIFFERENT'} ${file}`);
    }
  }
  process.exit(bad ? 1 : 0);
}
