// The demo page end to end: the seed pair compared on opening, the pairs it
// shows, odd accounts rendered without error, and the README's screenshot.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { compared, open, rendered, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** The pair whose A and B claims contain these words, as the page renders it. */
async function renderedPair(page, wordsA, wordsB) {
  return page.evaluate(
    ([wa, wb]) => {
      const el = document.querySelector('claim-diff');
      const r = el.result;
      const text = (side, id) => r[side].claims.find((c) => c.id === id)?.text ?? '';
      const index = r.pairs.findIndex((p) => text('a', p.a).includes(wa) && text('b', p.b).includes(wb));
      if (index < 0) return null;
      const mark = (id) => el.shadowRoot.querySelector(`.claim[data-id="${id}"]`);
      const pair = r.pairs[index];
      return {
        index,
        verdict: pair.verdict,
        badgeA: mark(pair.a)?.querySelector('.badge')?.textContent,
        badgeB: mark(pair.b)?.querySelector('.badge')?.textContent,
        a: pair.a,
        b: pair.b,
      };
    },
    [wordsA, wordsB],
  );
}

test('the page opens with the seed pair compared, side by side', async () => {
  const { page, context, problems } = await open(env, '/');
  await rendered(page);
  const el = page.locator('claim-diff');
  for (const part of ['summary', 'text-view', 'pairs-view', 'services-view', 'timeline-view']) {
    assert.ok(await el.locator(`[part~="${part}"]`).isVisible(), `${part} is shown`);
  }
  assert.equal(await el.locator('.account').count(), 2);
  const pair = await renderedPair(page, 'actively getting back to normal life', 'Normal life is gradually beginning to improve');
  assert.ok(pair, 'the normal-life sentences are paired');
  assert.ok(pair.badgeA && pair.badgeA === pair.badgeB, `both claims carry the pair's badge (${pair.badgeA} / ${pair.badgeB})`);
  assert.match(pair.badgeA, new RegExp(`^${pair.index + 1}\\b`));

  // Choosing A's claim highlights B's and shows the pair's diff.
  await el.locator(`.claim[data-id="${pair.a}"]`).click({ position: { x: 4, y: 4 } });
  assert.equal(await el.locator(`.claim[data-id="${pair.b}"]`).getAttribute('aria-pressed'), 'true');
  assert.ok((await el.locator('.detail ins, .detail del').count()) > 0, 'the word diff is shown');
  // Nested lists of nodes must render as nodes, never as "[object HTMLElement]".
  assert.doesNotMatch(await el.locator('.detail').innerText(), /\[object /, 'the pair detail renders its facts');

  assert.deepEqual(await problems(), []);
  await context.close();
});

test('empty, one-character and identical accounts render a sensible result', async () => {
  const { page, context, problems } = await open(env, '/');
  await rendered(page);
  const same = 'The bridge reopened on Monday. Traffic is heavy. Officials thanked the engineers.';
  // (a, b, pairs, only A, only B)
  const cases = [
    ['', '', 0, 0, 0],
    ['x', '', 0, 1, 0],
    ['', 'y', 0, 0, 1],
    [same, same, 3, 0, 0],
  ];
  for (const [a, b, pairs, onlyA, onlyB] of cases) {
    await compared(page, () =>
      page.evaluate(([a, b]) => {
        const el = document.querySelector('claim-diff');
        el.a = a;
        el.b = b;
      }, [a, b]),
    );
    const shown = await page.evaluate(() => {
      const el = document.querySelector('claim-diff');
      const r = el.result;
      return {
        counts: [r.pairs.length, r.onlyA.length, r.onlyB.length],
        columns: el.shadowRoot.querySelectorAll('.account').length,
        error: el.shadowRoot.querySelector('.error')?.textContent ?? null,
      };
    });
    assert.deepEqual(shown, { counts: [pairs, onlyA, onlyB], columns: 2, error: null }, JSON.stringify([a, b]));
  }
  assert.deepEqual(await problems(), []);
  await context.close();
});
