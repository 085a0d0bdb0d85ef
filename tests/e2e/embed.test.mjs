// Embedding: the iframe fallback sizing itself to its content and taking
// inputs by postMessage, the example host pages, and the screenshots the
// README shows (1280 px light and dark, 360 px).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ROOT, axe, open, rendered, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

async function done({ context, problems }) {
  assert.deepEqual(await problems(), []);
  await context.close();
}

/** The iframe's height attribute and its document's content height. */
function sizes(page) {
  return page.evaluate(() => {
    const frame = document.getElementById('frame');
    return {
      attribute: Number(frame.height),
      content: Math.ceil(frame.contentDocument.documentElement.getBoundingClientRect().height),
    };
  });
}

test('the iframe embed sizes itself to its content and takes inputs by postMessage', async () => {
  const opened = await open(env, '/examples/iframe.html');
  const { page } = opened;
  const frame = page.frameLocator('#frame');
  await page.waitForFunction(() => Boolean(document.getElementById('frame').contentDocument?.querySelector('claim-diff')?.result));
  await page.waitForFunction(() => {
    const f = document.getElementById('frame');
    return Math.abs(Number(f.height) - f.contentDocument.documentElement.getBoundingClientRect().height) <= 1;
  });
  const big = await sizes(page);
  assert.ok(big.attribute > 1000, `the frame grew to its content (${big.attribute} px)`);
  assert.ok(await frame.locator('claim-diff').locator('.account').first().isVisible());

  await page.evaluate(() => {
    document.getElementById('frame').contentWindow.postMessage(
      { type: 'claim-diff:compare', a: 'The ferry sailed at noon.', b: 'The ferry sailed at dawn.', labelA: 'One', labelB: 'Two' },
      '*',
    );
  });
  await page.waitForFunction(() => document.getElementById('frame').contentDocument.querySelector('claim-diff').result?.a.length === 25);
  await page.waitForFunction((before) => Number(document.getElementById('frame').height) < before, big.attribute);
  const small = await sizes(page);
  assert.ok(Math.abs(small.attribute - small.content) <= 1, `the frame shrank to its content (${small.attribute} vs ${small.content})`);
  await done(opened);
});

test('the example host pages render with each way of embedding, axe-clean', async () => {
  const index = await open(env, '/examples/');
  assert.equal(await index.page.locator('main a').count(), 4);
  await done(index);

  const module = await open(env, '/examples/module.html');
  await rendered(module.page, '#inline');
  await rendered(module.page, '#by-url');
  const inline = await module.page.evaluate(() => {
    const el = document.getElementById('inline');
    return { label: el.shadowRoot.querySelector('.side-a .label').textContent, date: el.result.a.date, claims: el.result.b.claims.length };
  });
  assert.match(inline.label, /^City Herald/);
  assert.equal(inline.date, '2024-03-04');
  assert.ok(inline.claims >= 4);
  assert.deepEqual(await axe(module.page), []);
  await done(module);

  const properties = await open(env, '/examples/properties.html');
  await rendered(properties.page, '#props');
  await properties.page.waitForFunction(() => document.getElementById('log').textContent.startsWith('Comparé'));
  const heading = await properties.page.evaluate(() => document.getElementById('props').shadowRoot.querySelector('#summary-title').textContent);
  assert.equal(heading, 'Résumé', 'the strings table was overridden');
  assert.deepEqual(await axe(properties.page), []);
  await done(properties);
});

test('src-a on another origin is refused without a request', async () => {
  const opened = await open(env, '/examples/index.html');
  const message = await opened.page.evaluate(async () => {
    await import('/claim-diff-define.js');
    const el = document.createElement('claim-diff');
    el.setAttribute('src-a', 'https://example.com/a.txt');
    el.b = 'Some text.';
    const error = new Promise((resolve) => el.addEventListener('claim-diff-error', (e) => resolve(e.detail.message)));
    document.body.append(el);
    return error;
  });
  assert.match(message, /another site/);
  await done(opened);
});

test('screenshots: 1280 px light and dark, 360 px', async () => {
  const shots = [
    ['screenshot.png', 1280, 'light'],
    ['screenshot-dark.png', 1280, 'dark'],
    ['screenshot-360.png', 360, 'light'],
  ];
  for (const [file, width, colorScheme] of shots) {
    const opened = await open(env, '/', { width, height: width < 400 ? 780 : 1000, colorScheme });
    const { page } = opened;
    await rendered(page);
    const el = page.locator('claim-diff');
    // Show a pair with a word diff chosen, as a reader would.
    const id = await page.evaluate(() => {
      const r = document.querySelector('claim-diff').result;
      const pair = r.pairs.find((p) => p.verdict !== 'agree' && p.diff.some((d) => d.op !== 'equal')) ?? r.pairs[0];
      return pair?.a;
    });
    if (id) await el.locator(`.claim[data-id="${id}"]`).click({ position: { x: 4, y: 4 } });
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400);
    await el.locator('[part~="summary"]').evaluate((node) => node.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${ROOT}docs/${file}` });
    assert.equal(await el.locator('.account').count(), 2);
    await done(opened);
  }
});
