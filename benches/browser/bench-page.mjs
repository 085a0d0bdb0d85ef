// The in-page half of the browser benchmark: loads claimdiff's wasm and the
// two peers, and times them on texts handed in by run.mjs. Every timing is
// performance.now() around a synchronous call, so it covers the JS ↔ wasm
// copy of the texts and the conversion of the result to a JS object.
import { diffWords } from '/benches/browser/node_modules/diff/libesm/index.js';
import DiffMatchPatch from '/vendor/diff-match-patch.mjs';

let claimdiff = null;

/** Downloads, compiles and instantiates the .wasm; returns milliseconds. */
async function loadWasm() {
  const started = performance.now();
  const module = await import('/www/pkg/claimdiff.js');
  await module.default({ module_or_path: '/www/pkg/claimdiff_bg.wasm' });
  claimdiff = module;
  return performance.now() - started;
}

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/** Runs `f` `warmup` times untimed, then `runs` times; the median in ms. */
function time(f, runs, warmup) {
  for (let i = 0; i < warmup; i++) f();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const out = f();
    times.push(performance.now() - started);
    if (out === undefined) return { ms: null, note: 'timed out' };
  }
  return { ms: median(times), runs };
}

/** One engine on one pair; `limitMs` bounds the peers that support a timeout. */
function run(engine, a, b, runs, warmup, limitMs) {
  switch (engine) {
    case 'claimdiff': {
      let result = null;
      const timing = time(() => (result = claimdiff.compare(a, b, undefined, undefined, undefined)), runs, warmup);
      return { ...timing, claims: result.a.claims.length + result.b.claims.length, pairs: result.pairs.length };
    }
    case 'jsdiff':
      // diffWords returns undefined when it gives up after `timeout` ms.
      return time(() => diffWords(a, b, { timeout: limitMs }), runs, warmup);
    case 'diff-match-patch': {
      const dmp = new DiffMatchPatch();
      // Past the timeout dmp returns a coarser diff rather than nothing.
      dmp.Diff_Timeout = limitMs / 1000;
      const timing = time(() => dmp.diff_main(a, b), runs, warmup);
      return timing.ms >= limitMs ? { ms: null, note: 'timed out (returned a coarse diff)' } : timing;
    }
    default:
      throw new Error(`unknown engine ${engine}`);
  }
}

window.bench = { loadWasm, run, ready: true };
