// The browser benchmark's driver: serves the repository on 127.0.0.1, opens
// benches/browser/index.html in Debian's Chromium through playwright-core, and
// times claimdiff's wasm against jsdiff's diffWords and diff-match-patch on the
// same texts (the seeds, 100 KB and 2 × 1 MB accounts from corpus.mjs).
// Prints a table and writes benches/browser/results.json.
//
//   node benches/browser/run.mjs [--pairs seeds,100KB,1MB] [--limit-ms 20000]
//
// Needs www/pkg/ (make wasm) and `npm ci` in benches/browser/.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { pairs } from './corpus.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const names = arg('--pairs', 'seeds,100KB,1MB').split(',');
const limitMs = Number(arg('--limit-ms', '20000'));
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const dmpPath = join(here, 'node_modules/diff-match-patch/index.js');
const wasmPath = join(root, 'www/pkg/claimdiff_bg.wasm');

// Without these the page could not load and the run would only time out.
const peers = '(cd benches/browser && npm ci)';
for (const [path, install] of [
  [dmpPath, peers],
  [join(here, 'node_modules/diff/package.json'), peers],
  [wasmPath, 'make wasm'],
]) {
  if (!existsSync(path)) {
    console.error(`browser bench: ${path} is missing; run \`${install}\` first`);
    process.exit(2);
  }
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** diff-match-patch ships CommonJS only; the page imports it as a module. */
async function dmpModule() {
  const source = await readFile(dmpPath, 'utf8');
  return `const module = { exports: {} };\n${source}\nexport default module.exports;\n`;
}

function serve() {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (path === '/vendor/diff-match-patch.mjs') {
        // Read before the head is written: a failed read must still answer 404.
        const body = await dmpModule();
        res.writeHead(200, { 'Content-Type': MIME['.mjs'] });
        return res.end(body);
      }
      const file = normalize(join(root, path));
      if (!file.startsWith(root) || file.includes(`${sep}.git${sep}`)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const fmt = (r) => (r.ms === null ? `>${limitMs / 1000}s` : r.ms < 10 ? r.ms.toFixed(2) : r.ms.toFixed(0));
const ratio = (x, y) => (x.ms === null || y.ms === null || y.ms === 0 ? '—' : `${(x.ms / y.ms).toFixed(2)}×`);

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
try {
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${base}/benches/browser/index.html`);
  await page.waitForFunction(() => window.bench?.ready);
  const wasm = await readFile(wasmPath);
  const loadMs = await page.evaluate(() => window.bench.loadWasm());
  const results = {
    date: new Date().toISOString(),
    browser: `Chromium ${browser.version()}`,
    wasmBytes: wasm.length,
    wasmGzipBytes: gzipSync(wasm, { level: 9 }).length,
    wasmLoadMs: loadMs,
    limitMs,
    pairs: [],
  };
  for (const [name, a, b] of pairs(names)) {
    const small = a.length < 50_000;
    // Small pairs: 200 warm-up runs first. V8 runs a .wasm function in its
    // baseline compiler (Liftoff) until it is hot and then optimises it in the
    // background; after only 10 runs the median of 51 still mixed in unoptimised
    // runs (6.5 ms against 2.9 ms once warm, on the seeds).
    const [runs, warmup] = small ? [201, 200] : [3, 1];
    const row = { pair: name, bytesA: Buffer.byteLength(a), bytesB: Buffer.byteLength(b) };
    for (const engine of ['claimdiff', 'jsdiff', 'diff-match-patch']) {
      // Peers that time out once are not run again on this pair.
      const peerRuns = engine === 'claimdiff' ? runs : small ? runs : 1;
      row[engine] = await page.evaluate(
        ([e, x, y, r, w, l]) => window.bench.run(e, x, y, r, w, l),
        [engine, a, b, peerRuns, engine === 'claimdiff' ? warmup : small ? warmup : 0, limitMs],
      );
      console.error(`${name} ${engine}: ${fmt(row[engine])}${row[engine].ms === null ? '' : ' ms'}`);
    }
    results.pairs.push(row);
  }

  const lines = [
    `claimdiff in ${results.browser}: wasm ${(results.wasmBytes / 1024).toFixed(0)} KB, ` +
      `${(results.wasmGzipBytes / 1024).toFixed(1)} KB gzipped, download+instantiate ${loadMs.toFixed(1)} ms`,
    '',
    '| pair | A bytes | B bytes | claimdiff ms | jsdiff diffWords ms | diff-match-patch ms | claimdiff / jsdiff | claimdiff / dmp |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.pairs.map(
      (r) =>
        `| ${r.pair} | ${r.bytesA} | ${r.bytesB} | ${fmt(r.claimdiff)} | ${fmt(r.jsdiff)} | ${fmt(r['diff-match-patch'])} | ` +
        `${ratio(r.claimdiff, r.jsdiff)} | ${ratio(r.claimdiff, r['diff-match-patch'])} |`,
    ),
  ];
  console.log(lines.join('\n'));
  await writeFile(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${join('benches/browser', 'results.json')}`);
} finally {
  await browser.close();
  server.close();
}
