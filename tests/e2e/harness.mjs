// Shared set-up of the end-to-end tests: Debian's Chromium driven by
// playwright-core (never a downloaded browser), www/ served on 127.0.0.1 with
// the strict CSP, and a watch on every page for CSP violations, requests to
// other origins, dialogs and uncaught errors.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const require = createRequire(import.meta.url);
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const AXE_PATH = '/__test__/axe.min.js';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts the server and the browser; `close()` stops both. */
export async function start() {
  const { server, url } = await serve({
    root: `${ROOT}www`,
    port: 0,
    // axe-core loads from the page's own origin, as the CSP requires.
    mounts: { [AXE_PATH]: require.resolve('axe-core/axe.min.js') },
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/**
 * Opens a page with the watches installed. `problems()` lists what went wrong:
 * CSP violations, other-origin requests, dialogs, page errors, console errors.
 */
export async function open(env, path = '/', { width = 1280, height = 900, colorScheme = 'light' } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, colorScheme, acceptDownloads: true });
  const page = await context.newPage();
  const origin = new URL(env.url).origin;
  const problems = [];
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!/^(data|blob):/.test(url) && new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(`${env.url}${path}`);
  return {
    page,
    context,
    async problems() {
      const csp = [];
      for (const frame of page.frames()) {
        csp.push(...((await frame.evaluate(() => window.__csp ?? []).catch(() => [])) ?? []));
      }
      return [...problems, ...csp.map((v) => `CSP violation: ${v}`)];
    },
  };
}

/** Waits for the element's next `claim-diff-compared` event, set up before `action` runs. */
export async function compared(page, action = async () => {}, selector = 'claim-diff') {
  const done = page.evaluate(
    (sel) =>
      new Promise((resolve) => {
        document.querySelector(sel).addEventListener('claim-diff-compared', () => resolve(true), { once: true });
      }),
    selector,
  );
  await action();
  await done;
}

/** Waits until the element on the page has rendered a result. */
export async function rendered(page, selector = 'claim-diff') {
  await page.waitForFunction((sel) => Boolean(document.querySelector(sel)?.result), selector, { timeout: 20000 });
}

/** Runs axe-core on the page (and into open shadow roots); resolves to its violations. */
export async function axe(page) {
  await page.addScriptTag({ url: AXE_PATH });
  return page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  });
}
