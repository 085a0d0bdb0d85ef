// Times the built WebAssembly core on the seed pair in Node, to weigh a size
// step against its cost in speed (benches/README.md, "Size"). Node runs the
// same V8 as Chromium, so the ratios carry over; absolute browser times come
// from benches/browser/.
//
//   node scripts/wasm-speed.mjs [PKG_DIR] [RUNS]
//
// PKG_DIR (default www/pkg) holds claimdiff.js and claimdiff_bg.wasm as
// `make wasm` writes them. Prints the median and the quartiles of RUNS (201)
// warm runs after 20 warm-up runs, and the fastest run (the least disturbed by
// other load on a shared machine).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = resolve(process.argv[2] ?? 'www/pkg');
const runs = Number(process.argv[3] ?? 201);
const root = new URL('../', import.meta.url);
const [a, b] = await Promise.all(
  ['seeds/kazinform-2022-01-12.txt', 'seeds/csto-peacekeepers-undated.txt'].map((f) =>
    readFile(new URL(f, root), 'utf8'),
  ),
);
const pkg = await import(pathToFileURL(`${dir}/claimdiff.js`).href);
pkg.initSync({ module: await readFile(`${dir}/claimdiff_bg.wasm`) });

const once = () => {
  const started = performance.now();
  pkg.compare(a, b, '2022-01-12', undefined, undefined);
  return performance.now() - started;
};
for (let i = 0; i < 20; i++) once();
const times = Array.from({ length: runs }, once).sort((x, y) => x - y);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
console.log(`${dir}: seeds warm compare, ${runs} runs: median ${at(0.5)} ms (quartiles ${at(0.25)}–${at(0.75)}, fastest ${at(0)})`);
