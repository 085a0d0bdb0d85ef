// The one module that loads claimdiff's WebAssembly. Everything else (the
// element, the page, the worker) asks this module to compare; nothing else
// imports www/pkg/. It loads the .wasm once, on first use.
import init, {
  compare as wasmCompare,
  markdownReport as wasmMarkdownReport,
  version as wasmVersion,
} from './pkg/claimdiff.js';

/** Accounts whose UTF-16 length adds up to more than this go to a Web Worker. */
export const WORKER_THRESHOLD = 200_000;

let ready = null;

/** Loads and compiles the .wasm (once; later calls share the promise). */
export function load() {
  ready ??= init({ module_or_path: new URL('./pkg/claimdiff_bg.wasm', import.meta.url) });
  return ready;
}

/**
 * Compares two accounts on this thread. Resolves to the JSON contract with
 * UTF-16 offsets; rejects with the engine's message on a bad date or option.
 */
export async function compare(a, b, { dateA, dateB, options } = {}) {
  await load();
  return wasmCompare(String(a ?? ''), String(b ?? ''), dateA || undefined, dateB || undefined, options ?? undefined);
}

/**
 * The engine's Markdown report of comparing `a` and `b` with `settings` (as
 * for `compare`), headed by the two labels. The engine compares again rather
 * than read a result back: reading one would weigh on the .wasm's size, and
 * the same inputs always give the same result.
 */
export async function markdownReport(a, b, { dateA, dateB, options } = {}, labelA = 'A', labelB = 'B') {
  await load();
  return wasmMarkdownReport(
    String(a ?? ''),
    String(b ?? ''),
    dateA || undefined,
    dateB || undefined,
    options ?? undefined,
    String(labelA),
    String(labelB),
  );
}

/** `{ engine, schema }`: the engine's version and its JSON schema's. */
export async function version() {
  await load();
  return wasmVersion();
}

/**
 * Compares in a Web Worker so that big accounts never freeze the page.
 * `onProgress(stage)` hears `'loading'` then `'comparing'`. The returned
 * promise has a `cancel()` that stops the worker.
 */
export function compareInWorker(a, b, settings = {}, onProgress = () => {}) {
  return inWorker({ a, b, settings }, onProgress);
}

/** `markdownReport` in a Web Worker, for big accounts; cancellable likewise. */
export function markdownInWorker(a, b, settings = {}, labelA = 'A', labelB = 'B', onProgress = () => {}) {
  return inWorker({ a, b, settings, labels: [labelA, labelB] }, onProgress);
}

function inWorker(message, onProgress) {
  const worker = new Worker(new URL('./compare-worker.js', import.meta.url), { type: 'module' });
  let cancel;
  const promise = new Promise((resolve, reject) => {
    cancel = () => {
      worker.terminate();
      reject(new DOMException('comparison replaced by a newer one', 'AbortError'));
    };
    worker.onmessage = ({ data }) => {
      if (data.stage) {
        onProgress(data.stage);
        return;
      }
      worker.terminate();
      if (data.error) reject(new Error(data.error));
      else resolve(data.result);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the comparison worker failed'));
    };
    worker.postMessage(message);
  });
  promise.cancel = cancel;
  return promise;
}
