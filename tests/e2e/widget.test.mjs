// The full widget (issue #6) on the demo page: its views, selection, keyboard
// use, filters, exports, permalink, hostile text, big inputs and axe-core.
// Every test also checks that no CSP violation, other-origin request, dialog
// or page error happened.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { axe, compared, open, rendered, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Opens the demo page and waits for the seed comparison. */
async function seeds(options) {
  const opened = await open(env, '/', options);
  await rendered(opened.page);
  return opened;
}

/** The deep active element's description, across shadow roots. */
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? { tag: el.tagName, id: el.dataset?.id ?? null, row: el.hasAttribute?.('data-row') ?? false, side: el.closest?.('.text')?.dataset.side ?? null } : null;
  });
}

async function done({ context, problems }) {
  assert.deepEqual(await problems(), []);
  await context.close();
}

test('the seed comparison shows summary, pairs by topic, services matrix, timeline and framing', async () => {
  const opened = await seeds();
  const { page } = opened;
  const facts = await page.evaluate(() => {
    const el = document.querySelector('claim-diff');
    const root = el.shadowRoot;
    const r = el.result;
    const timelineClaims = ['a', 'b']
      .flatMap((side) => r[side].claims)
      .filter((c) => (c.when && (c.when.begin || c.when.end)) || (c.times ?? []).some((t) => t.type === 'DATE' && /^(\d{4}|XXXX)-\d{2}/.test(t.value)));
    return {
      chips: [...root.querySelectorAll('.counts .chip b')].map((b) => Number(b.textContent)),
      summary: [r.summary.agree, r.summary.partial, r.summary.conflict, r.summary.onlyA, r.summary.onlyB],
      byTopicRows: root.querySelectorAll('.by-topic tbody tr').length,
      byTopic: r.summary.byTopic.length,
      groups: [...root.querySelectorAll('.pair-group h3')].map((h) => h.textContent),
      rows: root.querySelectorAll('.pairs-view tr[data-row]').length,
      claims: r.pairs.length + r.onlyA.length + r.onlyB.length,
      services: root.querySelectorAll('.matrix tbody tr').length,
      serviceRows: r.services.length,
      transportCells: (() => {
        const label = r.topics.find((t) => t.key === 'services.transport')?.label;
        const row = [...root.querySelectorAll('.matrix tbody tr')].find((tr) => tr.querySelector('th').textContent === label);
        return row ? [...row.querySelectorAll('td')].map((td) => [td.className, td.querySelector('.status')?.textContent]) : [];
      })(),
      transportResult: r.services.find((row) => row.topic === 'services.transport'),
      events: root.querySelectorAll('.timeline .event').length,
      timelineClaims: timelineClaims.length,
      framing: root.querySelectorAll('.framing tbody tr').length,
      framingResult: r.framing.length,
    };
  });
  assert.deepEqual(facts.chips, facts.summary, 'the summary line shows the counts of the JSON');
  assert.ok(facts.byTopic > 0 && facts.byTopicRows > 0, 'per-topic counts are shown');
  assert.equal(facts.rows, facts.claims, 'every pair and one-sided claim has a row');
  assert.deepEqual(facts.groups.slice(0, 2), ['Withdrawal timing', 'Restored services']);
  assert.ok(facts.services > 0 && facts.services === facts.serviceRows, 'one matrix row per service of the JSON');
  // Both accounts say public transport is running again; the matrix says so in words.
  assert.equal(facts.transportResult?.a?.status, 'restored');
  assert.equal(facts.transportResult?.b?.status, 'restored');
  assert.deepEqual(facts.transportCells, [
    ['restored', 'restored'],
    ['restored', 'restored'],
  ]);
  assert.equal(facts.events, facts.timelineClaims, 'every dated claim is on the timeline');
  assert.equal(facts.framing, facts.framingResult);
  await done(opened);
});

test('choosing a claim highlights its counterpart and tells the verdict, reasons and diff', async () => {
  const opened = await seeds();
  const { page } = opened;
  const el = page.locator('claim-diff');
  const pair = await page.evaluate(() => document.querySelector('claim-diff').result.pairs.find((p) => p.diff.some((d) => d.op !== 'equal')));
  const selected = page.evaluate(
    () => new Promise((resolve) => document.addEventListener('claim-diff-select', (e) => resolve(e.detail.claims.map((c) => c.id)), { once: true })),
  );
  await el.locator(`.claim[data-id="${pair.b}"]`).click({ position: { x: 4, y: 4 } });
  assert.deepEqual((await selected).sort(), [pair.a, pair.b].sort());
  assert.equal(await el.locator(`.claim[data-id="${pair.a}"]`).getAttribute('aria-pressed'), 'true');
  const detail = el.locator('.detail');
  assert.match(await detail.locator('.verdict-line').textContent(), new RegExp(pair.verdict === 'partial' ? 'partly agree' : pair.verdict));
  assert.equal(await detail.locator('.reasons li').count(), pair.reasons.length);
  assert.ok((await detail.locator('ins, del').count()) > 0);
  // The counterpart's column scrolled so that it is visible inside it.
  const visible = await page.evaluate((id) => {
    const mark = document.querySelector('claim-diff').shadowRoot.querySelector(`.claim[data-id="${id}"]`);
    const box = mark.closest('.text').getBoundingClientRect();
    const r = mark.getBoundingClientRect();
    return r.bottom > box.top && r.top < box.bottom;
  }, pair.a);
  assert.ok(visible, 'the counterpart is scrolled into view');
  await page.keyboard.press('Escape');
  assert.equal(await el.locator('.claim.selected').count(), 0, 'Escape clears');
  await done(opened);
});

test('keyboard only: Tab into a column, arrows between claims, Enter to the counterpart, Escape; then the pairs', async () => {
  const opened = await seeds();
  const { page } = opened;
  await page.locator('#share').focus();
  let at = null;
  for (let i = 0; i < 40 && !at?.id; i += 1) {
    await page.keyboard.press('Tab');
    at = await focused(page);
  }
  assert.equal(at?.side, 'a', 'Tab reaches the first claim of account A');
  const first = at.id;
  await page.keyboard.press('ArrowDown');
  const second = await focused(page);
  assert.notEqual(second.id, first, 'ArrowDown moves to the next claim');
  await page.keyboard.press('ArrowUp');
  assert.equal((await focused(page)).id, first);

  // Walk down to a paired claim, then Enter jumps to its counterpart in B.
  const pairs = await page.evaluate(() => document.querySelector('claim-diff').result.pairs);
  let here = await focused(page);
  for (let i = 0; i < 80 && !pairs.some((p) => p.a === here.id); i += 1) {
    await page.keyboard.press('ArrowDown');
    here = await focused(page);
  }
  const pair = pairs.find((p) => p.a === here.id);
  assert.ok(pair, 'a paired claim is reachable with the arrows');
  await page.keyboard.press('Enter');
  const there = await focused(page);
  assert.deepEqual([there.side, there.id], ['b', pair.b], 'Enter jumps to the counterpart');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('claim-diff').locator('.claim.selected').count(), 0);

  // Tab on to the pairs view: one tab stop, arrows between rows, Enter shows the row in the text.
  for (let i = 0; i < 10 && !here.row; i += 1) {
    await page.keyboard.press('Tab');
    here = await focused(page);
  }
  assert.ok(here.row, 'Tab reaches the pairs view');
  await page.keyboard.press('ArrowDown');
  const row = await focused(page);
  assert.ok(row.row && row.id !== here.id, 'ArrowDown moves between rows');
  await page.keyboard.press('Enter');
  const shown = await focused(page);
  assert.equal(shown.id, row.id, 'Enter moves focus to the claim in the text');
  await done(opened);
});

test('filters by verdict and by topic', async () => {
  const opened = await seeds();
  const { page } = opened;
  const el = page.locator('claim-diff');
  const visibleRows = () => el.locator('.pairs-view tr[data-row]:not([hidden])').count();
  const result = await page.evaluate(() => document.querySelector('claim-diff').result);
  await el.locator('input[value="onlyA"]').uncheck();
  await el.locator('input[value="onlyB"]').uncheck();
  assert.equal(await visibleRows(), result.pairs.length, 'only pairs remain');
  assert.ok((await el.locator('.claim.k-onlyA.muted').count()) === result.onlyA.length, 'one-sided claims are muted in the text');
  await el.locator('input[value="onlyA"]').check();
  await el.locator('input[value="onlyB"]').check();

  const topic = result.topics.find((t) => !t.parent)?.key;
  await el.locator('select[name="topic"]').selectOption(topic);
  const kept = await el.locator('.pairs-view tr[data-row]:not([hidden])').evaluateAll((rows) => rows.map((r) => JSON.parse(r.dataset.topics)));
  assert.ok(kept.length > 0);
  for (const topics of kept) assert.ok(topics.some((k) => k === topic || k.startsWith(`${topic}.`)), `${topics} belongs to ${topic}`);
  await done(opened);
});

test('exports JSON and Markdown', async () => {
  const opened = await seeds();
  const { page } = opened;
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  assert.match(json.suggestedFilename(), /^claimdiff-kazinform-vs-csto-report\.json$/);
  const exported = JSON.parse(await readFile(await json.path(), 'utf8'));
  const result = await page.evaluate(() => document.querySelector('claim-diff').result);
  assert.deepEqual(exported, result);
  const [md] = await Promise.all([page.waitForEvent('download'), page.click('#export-md')]);
  const markdown = await readFile(await md.path(), 'utf8');
  assert.match(md.suggestedFilename(), /\.md$/);
  assert.match(markdown, /^# .*Kazinform.*CSTO report/m);
  // The engine renders the report from the shown result's inputs: one
  // heading per pair of that result.
  assert.equal(markdown.match(/^### /gm)?.length ?? 0, result.pairs.length);
  await done(opened);
});

test('the permalink carries short inputs and restores them', async () => {
  const opened = await seeds();
  const { page } = opened;
  const inputs = {
    a: 'The museum reopened on Friday. Entry is free until March 3.',
    b: 'The museum reopened on Saturday, officials said. Entry costs 5 euros.',
    'label-a': 'Morning Post',
    'label-b': 'Evening Star',
    'date-a': '2024-02-23',
  };
  await compared(page, async () => {
    for (const [name, value] of Object.entries(inputs)) await page.fill(`[name="${name}"]`, value);
    await page.click('button[type="submit"]');
  });
  await page.click('#share');
  // The page's own post-comparison link update may set the hash before the
  // share handler has spoken, so wait for the notice, not only the hash.
  await page.waitForFunction(() => /carries both accounts/.test(document.getElementById('notice').textContent));
  assert.ok(new URL(page.url()).hash.startsWith('#s='));
  const link = page.url();
  const before = await page.evaluate(() => document.querySelector('claim-diff').result);

  const again = await open(env, new URL(link).pathname + new URL(link).hash);
  await rendered(again.page);
  for (const [name, value] of Object.entries(inputs)) assert.equal(await again.page.inputValue(`[name="${name}"]`), value, name);
  const after = await again.page.evaluate(() => document.querySelector('claim-diff').result);
  assert.deepEqual(after, before);
  await done(again);

  // Too long for a link: said so, and the link keeps only outlets and dates.
  await compared(page, async () => {
    // Words in a scrambled order, so that deflate cannot squeeze them into a link.
    let seed = 7;
    const words = ['harbour', 'council', 'tuesday', 'seventeen', 'engineers', 'bridge', 'protest', 'minister', 'rail', 'vote'];
    const long = Array.from({ length: 30000 }, () => words[(seed = (seed * 48271) % 2147483647) % words.length]).join(' ');
    await page.fill('[name="a"]', `${long}.`);
    await page.click('button[type="submit"]');
  });
  await page.click('#share');
  assert.match(await page.textContent('#notice'), /too long/);
  await done(opened);
});

test('hostile article text is shown as text: no element, no script, no dialog', async () => {
  const opened = await seeds();
  const { page } = opened;
  const hostile = 'The mayor wrote <img src=x onerror=alert(1)> on Monday. Then <script>alert(1)</script> appeared.';
  await compared(page, async () => {
    await page.fill('[name="a"]', hostile);
    await page.fill('[name="b"]', `${hostile} <b onmouseover=alert(2)>bold</b>`);
    await page.click('button[type="submit"]');
  });
  const shown = await page.evaluate(() => {
    const root = document.querySelector('claim-diff').shadowRoot;
    return {
      text: root.querySelector('.side-a .text').textContent,
      elements: root.querySelectorAll('img, script, b[onmouseover]').length,
    };
  });
  assert.ok(shown.text.includes('<img src=x onerror=alert(1)>'));
  assert.ok(shown.text.includes('<script>alert(1)</script>'));
  assert.equal(shown.elements, 0);
  await page.locator('claim-diff').locator('.claim').first().click({ position: { x: 4, y: 4 } });
  await page.waitForTimeout(300);
  await done(opened);
});

test('accounts over 200 KB are compared in a worker with a visible progress indicator', async () => {
  const opened = await seeds();
  const { page } = opened;
  const seedA = await page.inputValue('[name="a"]');
  const seedB = await page.inputValue('[name="b"]');
  const big = (text) => `${text}\n\n`.repeat(Math.ceil(120_000 / text.length));
  const progress = page.evaluate(
    ([a, b]) => {
      const el = document.querySelector('claim-diff');
      el.a = a;
      el.b = b;
      return new Promise((resolve) => {
        const seen = () => el.shadowRoot.querySelector('progress') !== null;
        const check = () => (seen() ? resolve(true) : requestAnimationFrame(check));
        check();
      });
    },
    [big(seedA), big(seedB)],
  );
  assert.ok(await progress, 'a progress bar shows while comparing');
  // The page stays responsive: a frame is drawn while the worker compares.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  await page.waitForFunction(() => !document.querySelector('claim-diff').shadowRoot.querySelector('progress'), null, { timeout: 60000 });
  const length = await page.evaluate(() => document.querySelector('claim-diff').result.a.length);
  assert.equal(length, big(seedA).length, 'the big account was compared');
  // Its Markdown report is rendered in a worker too, from the same inputs.
  const [pairs, headings] = await page.evaluate(async () => {
    const el = document.querySelector('claim-diff');
    return [el.result.pairs.length, ((await el.markdown()).match(/^### /gm) ?? []).length];
  });
  assert.equal(headings, pairs);
  await done(opened);
});

test('axe-core finds no violation on the page, in light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const opened = await seeds({ colorScheme });
    await opened.page.locator('claim-diff').locator('.claim').nth(3).click({ position: { x: 4, y: 4 } });
    assert.deepEqual(await axe(opened.page), [], colorScheme);
    await done(opened);
  }
});
