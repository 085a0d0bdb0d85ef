// <claim-diff>: shows claimdiff's comparison of two accounts. It renders the
// JSON contract and never computes a verdict itself; engine.js does the work.
// Article text only ever reaches the page as text nodes.
import { WORKER_THRESHOLD, compare, compareInWorker, markdownInWorker, markdownReport } from './engine.js';
import { GLYPHS, STRINGS, fill } from './claim-diff-strings.js';

const VERDICTS = ['agree', 'partial', 'conflict'];
const KINDS = [...VERDICTS, 'onlyA', 'onlyB'];
/** Waits this long after the last input change before comparing, so a burst of changes compares once. */
const BATCH_MS = 40;
/** Waits this long on a hovered claim before scrolling its counterpart into view. */
const HOVER_MS = 180;

let sheetPromise = null;
/** The element's stylesheet, fetched once from beside this module and shared by every instance. */
function styleSheet() {
  sheetPromise ??= fetch(new URL('./claim-diff.css', import.meta.url))
    .then((response) => (response.ok ? response.text() : ''))
    .catch(() => '')
    .then((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return sheet;
    });
  return sheetPromise;
}

/** Builds an element: `h('p', { class: 'x', part: 'y' }, 'text', child)`. Strings become text nodes. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return element;
}

/** Replaces an element's children, skipping null/false ones (absent optional parts). */
function put(parent, ...children) {
  parent.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
}

/** Text for screen readers only. */
const hidden = (text) => h('span', { class: 'sr-only', text });

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A TIMEX3 calendar value for people: `2022-01-13` → `Thu 13 Jan 2022`. */
function formatTimex(value, strings) {
  const text = String(value ?? '');
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';
    return `${weekday} ${day} ${MONTHS[month - 1] ?? m[2]} ${year}`.trim();
  }
  m = /^XXXX-(\d{2})-(\d{2})/.exec(text);
  if (m) return fill(strings.yearUnknown, { n: `${Number(m[2])} ${MONTHS[Number(m[1]) - 1] ?? m[1]}` });
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
  return text;
}

/** The point on the time axis a claim sits at, and how to label it, or null. */
function timelineEntry(claim, strings) {
  const when = claim.when;
  if (when && (when.begin || when.end)) {
    const { begin, end } = when;
    let label;
    if (begin && end && begin !== end) label = `${formatTimex(begin, strings)} – ${formatTimex(end, strings)}`;
    else if (begin && end) label = formatTimex(begin, strings);
    else if (end) label = fill(strings.until, { n: formatTimex(end, strings) });
    else label = fill(strings.from, { n: formatTimex(begin, strings) });
    if (when.certainty && when.certainty !== 'exact') label = fill(strings.approx, { n: label });
    return { key: String(begin ?? end), label };
  }
  const time = (claim.times ?? []).find((t) => t.type === 'DATE' && /^(\d{4}|XXXX)-\d{2}/.test(t.value ?? ''));
  return time ? { key: String(time.value), label: formatTimex(time.value, strings) } : null;
}

/**
 * The `<claim-diff>` custom element. See README.md ("Embedding") for its
 * attributes, properties, events, parts and custom properties.
 */
export class ClaimDiffElement extends HTMLElement {
  static observedAttributes = ['date-a', 'date-b', 'label-a', 'label-b', 'src-a', 'src-b', 'layout', 'theme'];

  /** Registers the element under `tag` (once; a second call is a no-op). */
  static define(tag = 'claim-diff', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return registry.get(tag);
  }

  #a;
  #b;
  #options;
  #strings = STRINGS;
  #result = null;
  #timer = 0;
  #generation = 0;
  #pending = null;
  #fetched = new Map();
  #selected = null;
  #filters = { kinds: new Set(KINDS), topic: '' };
  #index = null;
  #hoverTimer = 0;
  #observer = null;
  #root;
  #parts = {};

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#build();
  }

  connectedCallback() {
    styleSheet().then((sheet) => {
      this.#root.adoptedStyleSheets = [sheet];
    });
    // Inline accounts (<script type="text/plain" slot="a">) may be edited or added later.
    this.#observer ??= new MutationObserver(() => this.#schedule());
    this.#observer.observe(this, {
      childList: true,
      subtree: true,
      characterData: true,
      // Not the host's own attributes: attributeChangedCallback sees those, and aria-busy must not loop.
      attributeFilter: ['data-date', 'data-label', 'slot', 'type'],
    });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    clearTimeout(this.#timer);
    this.#pending?.cancel?.();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (name === 'layout' || name === 'theme') return; // CSS reads these from :host
    if (name === 'label-a' || name === 'label-b') {
      if (this.#result) this.#render();
      return;
    }
    this.#schedule();
  }

  /** Account A's text; when unset, the slotted `<script slot="a">` or `src-a`. */
  get a() {
    return this.#a;
  }
  set a(text) {
    this.#a = text === undefined || text === null ? undefined : String(text);
    this.#schedule();
  }

  /** Account B's text; when unset, the slotted `<script slot="b">` or `src-b`. */
  get b() {
    return this.#b;
  }
  set b(text) {
    this.#b = text === undefined || text === null ? undefined : String(text);
    this.#schedule();
  }

  /** Engine options (`{ threshold, maxBytes, ... }`), passed to the engine as they are. */
  get options() {
    return this.#options;
  }
  set options(value) {
    this.#options = value ?? undefined;
    this.#schedule();
  }

  /** The UI strings in use; set an object with some keys of STRINGS to override them. */
  get strings() {
    return this.#strings;
  }
  set strings(value) {
    this.#strings = Object.freeze({ ...STRINGS, ...(value ?? {}) });
    if (this.#result) this.#render();
  }

  /** The last comparison rendered: the JSON contract, UTF-16 offsets. Read-only. */
  get result() {
    return this.#result;
  }

  get dateA() {
    return this.getAttribute('date-a') ?? this.#slot('a')?.dataset.date ?? '';
  }
  set dateA(value) {
    this.#setAttr('date-a', value);
  }
  get dateB() {
    return this.getAttribute('date-b') ?? this.#slot('b')?.dataset.date ?? '';
  }
  set dateB(value) {
    this.#setAttr('date-b', value);
  }
  get labelA() {
    return this.getAttribute('label-a') || this.#slot('a')?.dataset.label || this.#strings.accountA;
  }
  set labelA(value) {
    this.#setAttr('label-a', value);
  }
  get labelB() {
    return this.getAttribute('label-b') || this.#slot('b')?.dataset.label || this.#strings.accountB;
  }
  set labelB(value) {
    this.#setAttr('label-b', value);
  }

  /** The Markdown report of the current result, written by the engine. */
  async markdown() {
    if (!this.#result) return '';
    // The engine renders from the inputs of the shown result (see engine.js);
    // big ones go to a worker, as their comparison did.
    const { a, b } = this.#texts;
    const settings = this.#settings;
    if (a.length + b.length > WORKER_THRESHOLD && typeof Worker === 'function') {
      return markdownInWorker(a, b, settings, this.labelA, this.labelB);
    }
    return markdownReport(a, b, settings, this.labelA, this.labelB);
  }

  /** Compares now (rather than after the batching delay); resolves when rendered. */
  async compareNow() {
    clearTimeout(this.#timer);
    this.#timer = 0;
    return this.#run();
  }

  /** Selects a pair (by index) or a claim (by id), as a click would; `null` clears. */
  select(target) {
    if (target === null || target === undefined) this.#select(null);
    else if (typeof target === 'number') this.#select({ pair: target });
    else this.#select({ claim: String(target) });
  }

  #setAttr(name, value) {
    if (value === null || value === undefined || value === '') this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  #slot(side) {
    return this.querySelector(`:scope > script[type="text/plain"][slot="${side}"]`);
  }

  #schedule() {
    if (!this.isConnected) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = 0;
      this.#run();
    }, BATCH_MS);
  }

  /** The text of one account: property, then inline script, then `src-*`. */
  async #text(side) {
    const property = side === 'a' ? this.#a : this.#b;
    if (property !== undefined) return property;
    const script = this.#slot(side);
    if (script) return script.textContent.replace(/^\r?\n/, '');
    const src = this.getAttribute(`src-${side}`);
    if (!src) return undefined;
    const url = new URL(src, document.baseURI).href;
    // The widget never talks to another origin, whatever a host page says.
    if (new URL(url).origin !== location.origin) throw new Error(fill(this.#strings.otherOrigin, { n: src }));
    if (!this.#fetched.has(url)) {
      const text = fetch(url).then((response) => {
        if (!response.ok) throw new Error(fill(this.#strings.fetchFailed, { n: src }));
        return response.text();
      });
      this.#fetched.set(url, text);
      text.catch(() => this.#fetched.delete(url));
    }
    return this.#fetched.get(url);
  }

  async #run() {
    const generation = ++this.#generation;
    this.#pending?.cancel?.();
    this.#pending = null;
    const strings = this.#strings;
    let a;
    let b;
    try {
      [a, b] = await Promise.all([this.#text('a'), this.#text('b')]);
    } catch (error) {
      if (generation === this.#generation) this.#fail(error);
      return;
    }
    if (generation !== this.#generation) return;
    if (a === undefined && b === undefined) {
      this.#status(strings.noInput);
      return;
    }
    const settings = { dateA: this.dateA.trim(), dateB: this.dateB.trim(), options: this.#options };
    const size = (a ?? '').length + (b ?? '').length;
    const started = performance.now();
    this.setAttribute('aria-busy', 'true');
    try {
      let result;
      if (size > WORKER_THRESHOLD && typeof Worker === 'function') {
        const sizeText = `${(size / 1e6).toFixed(1)} MB`;
        this.#progress(fill(strings.comparingBig, { n: sizeText }), strings.stageLoading, started);
        this.#pending = compareInWorker(a ?? '', b ?? '', settings, (stage) => {
          const label = stage === 'comparing' ? strings.stageComparing : strings.stageLoading;
          this.#progress(fill(strings.comparingBig, { n: sizeText }), label, started);
        });
        result = await this.#pending;
      } else {
        this.#progress(this.#result ? strings.comparing : strings.loading, '', started);
        result = await compare(a ?? '', b ?? '', settings);
      }
      if (generation !== this.#generation) return;
      this.#texts = { a: a ?? '', b: b ?? '' };
      this.#settings = settings;
      this.#result = result;
      this.#selected = null;
      this.#render();
      this.removeAttribute('aria-busy');
      this.dispatchEvent(new CustomEvent('claim-diff-compared', { bubbles: true, composed: true, detail: { result } }));
    } catch (error) {
      if (error?.name === 'AbortError' || generation !== this.#generation) return;
      this.#fail(error);
    } finally {
      if (generation === this.#generation) this.#pending = null;
    }
  }

  #texts = { a: '', b: '' };
  #settings = {};

  #fail(error) {
    this.removeAttribute('aria-busy');
    const message = fill(this.#strings.failed, { n: error?.message ?? String(error) });
    put(this.#parts.status, h('p', { class: 'error', role: 'alert', part: 'error', text: message }));
    this.#parts.status.hidden = false;
    this.dispatchEvent(new CustomEvent('claim-diff-error', { bubbles: true, composed: true, detail: { message } }));
  }

  #status(message) {
    put(this.#parts.status, h('p', { text: message }));
    this.#parts.status.hidden = false;
  }

  /** A visible progress indicator with the stage and the seconds elapsed. */
  #progress(message, stage, started) {
    const status = this.#parts.status;
    status.hidden = false;
    const bar = h('progress', { part: 'progress', 'aria-label': message });
    const line = h('p', {}, message, stage ? ` (${stage})` : '');
    const clock = h('span', { class: 'elapsed' });
    put(status, h('div', { class: 'progress' }, bar, line, clock));
    const tick = () => {
      if (!clock.isConnected) return;
      clock.textContent = `${((performance.now() - started) / 1000).toFixed(1)} s`;
      setTimeout(tick, 250);
    };
    setTimeout(tick, 250);
  }

  // ---- building the shadow tree -------------------------------------------------------------

  /** The fixed skeleton; #render fills its sections from the result. */
  #build() {
    const section = (name, part) =>
      // Groups, not region landmarks: a host page may hold several elements, and its landmarks are its own.
      h('section', { class: `view ${name}`, part, role: 'group', 'aria-labelledby': `${name}-title` });
    this.#parts = {
      status: h('div', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' }),
      summary: section('summary', 'summary'),
      filters: h('div', { class: 'filters', part: 'filters', role: 'group' }),
      text: section('text-view', 'text-view'),
      pairs: section('pairs-view', 'pairs-view'),
      services: section('services-view', 'services-view'),
      timeline: section('timeline-view', 'timeline-view'),
      framing: section('framing-view', 'framing-view'),
    };
    const root = h('div', { class: 'root', part: 'root' }, Object.values(this.#parts));
    for (const key of ['summary', 'filters', 'text', 'pairs', 'services', 'timeline', 'framing']) {
      this.#parts[key].hidden = true;
    }
    put(this.#root, root);
    root.addEventListener('keydown', (event) => this.#onKey(event));
    root.addEventListener('click', (event) => this.#onClick(event));
    root.addEventListener('focusin', (event) => this.#onFocus(event));
    root.addEventListener('pointerover', (event) => this.#onHover(event));
    root.addEventListener('pointerout', (event) => this.#onHoverEnd(event));
    root.addEventListener('change', (event) => this.#onFilter(event));
  }

  /** Lookup tables over the result, built once per render. */
  #makeIndex(result) {
    const claims = new Map();
    for (const side of ['a', 'b']) {
      for (const claim of result?.[side]?.claims ?? []) claims.set(claim.id, { ...claim, side });
    }
    const pairsOf = new Map();
    (result?.pairs ?? []).forEach((pair, i) => {
      for (const id of [pair.a, pair.b]) {
        if (!pairsOf.has(id)) pairsOf.set(id, []);
        pairsOf.get(id).push(i);
      }
    });
    const topics = new Map((result?.topics ?? []).map((t, order) => [t.key, { ...t, order }]));
    const onlyA = new Set(result?.onlyA ?? []);
    const onlyB = new Set(result?.onlyB ?? []);
    return { claims, pairsOf, topics, onlyA, onlyB };
  }

  /** A topic key's top-level topic (its parent, if it has one). */
  #rootTopic(key) {
    const topic = this.#index.topics.get(key);
    return topic?.parent && this.#index.topics.has(topic.parent) ? topic.parent : key;
  }

  /** The top-level topic a pair or claim is shown under: the first in display order. */
  #groupOf(keys) {
    let best = '';
    let bestOrder = Infinity;
    for (const key of keys ?? []) {
      const root = this.#rootTopic(key);
      const order = this.#index.topics.get(root)?.order ?? Infinity;
      if (order < bestOrder || !best) {
        best = root;
        bestOrder = order;
      }
    }
    return best;
  }

  #topicLabel(key) {
    return key ? this.#index.topics.get(key)?.label ?? key : this.#strings.otherTopic;
  }

  /** The verdict kind of a claim: a pair's verdict, or onlyA/onlyB. */
  #kindOf(id) {
    const pairs = this.#index.pairsOf.get(id);
    if (pairs?.length) return this.#result.pairs[pairs[0]]?.verdict ?? 'partial';
    return this.#index.onlyA.has(id) ? 'onlyA' : this.#index.onlyB.has(id) ? 'onlyB' : '';
  }

  #kindLabel(kind) {
    const names = { a: this.labelA, b: this.labelB };
    return fill(this.#strings[kind] ?? kind, names);
  }

  /** Whether the filters let a claim or pair (by its kind and topics) show. */
  #passes(kind, topics) {
    if (!this.#filters.kinds.has(kind)) return false;
    const wanted = this.#filters.topic;
    return !wanted || (topics ?? []).some((key) => key === wanted || this.#rootTopic(key) === wanted);
  }

  #pairTopics(pair) {
    if (pair.topics?.length) return pair.topics;
    const a = this.#index.claims.get(pair.a)?.topics ?? [];
    const b = this.#index.claims.get(pair.b)?.topics ?? [];
    return [...new Set([...a, ...b])];
  }

  #render() {
    const result = this.#result;
    if (!result) return;
    this.#index = this.#makeIndex(result);
    this.#parts.status.hidden = true;
    this.#parts.status.replaceChildren();
    this.#renderSummary();
    this.#renderFilters();
    this.#renderText();
    this.#renderPairs();
    this.#renderServices();
    this.#renderTimeline();
    this.#renderFraming();
    this.#applyFilters();
    this.#showSelection();
  }

  #heading(name, text, help) {
    return [h('h2', { id: `${name}-title`, part: 'heading', text }), help ? h('p', { class: 'help', text: help }) : null];
  }

  #chip(kind, count) {
    return h(
      'span',
      { class: `chip k-${kind}`, part: `chip chip-${kind}` },
      h('span', { class: 'glyph', 'aria-hidden': 'true', text: GLYPHS[kind] }),
      h('b', { text: count }),
      ` ${this.#kindLabel(kind)}`,
    );
  }

  #renderSummary() {
    const s = this.#strings;
    const summary = this.#result.summary ?? {};
    const counts = {
      agree: summary.agree ?? 0,
      partial: summary.partial ?? 0,
      conflict: summary.conflict ?? 0,
      onlyA: summary.onlyA ?? this.#result.onlyA?.length ?? 0,
      onlyB: summary.onlyB ?? this.#result.onlyB?.length ?? 0,
    };
    const line = h('p', { class: 'counts', part: 'counts' }, KINDS.map((kind) => this.#chip(kind, counts[kind])));
    const totals = h('p', {
      class: 'help',
      text: fill(s.summaryLine, {
        n: this.#result.a?.claims?.length ?? 0,
        m: this.#result.b?.claims?.length ?? 0,
        a: this.labelA,
        b: this.labelB,
      }),
    });
    const rows = (summary.byTopic ?? []).filter((row) => KINDS.some((k) => row[k]));
    let table = null;
    if (rows.length) {
      table = h(
        'table',
        { class: 'by-topic', part: 'by-topic' },
        h(
          'thead',
          {},
          h('tr', {}, h('th', { scope: 'col', text: s.topic }), KINDS.map((k) => h('th', { scope: 'col' }, h('span', { 'aria-hidden': 'true', text: `${GLYPHS[k]} ` }), this.#kindLabel(k)))),
        ),
        h(
          'tbody',
          {},
          rows.map((row) =>
            h(
              'tr',
              { class: this.#index.topics.get(row.topic)?.parent ? 'sub' : '' },
              h('th', { scope: 'row', text: this.#topicLabel(row.topic) }),
              KINDS.map((k) => h('td', { class: row[k] ? '' : 'zero', text: row[k] ?? 0 })),
            ),
          ),
        ),
      );
    }
    // Folded by default: the line of chips is the glance, the table the detail.
    const byTopic = table ? h('details', { class: 'by-topic-box' }, h('summary', { text: `${s.byTopic} (${rows.length})` }), table) : null;
    put(this.#parts.summary, ...this.#heading('summary', s.summary), line, totals, byTopic);
    this.#parts.summary.hidden = false;
  }

  #renderFilters() {
    const s = this.#strings;
    const boxes = KINDS.map((kind) =>
      h(
        'label',
        { class: `filter k-${kind}` },
        h('input', { type: 'checkbox', name: 'kind', value: kind, checked: this.#filters.kinds.has(kind) }),
        h('span', { class: 'glyph', 'aria-hidden': 'true', text: GLYPHS[kind] }),
        ` ${this.#kindLabel(kind)}`,
      ),
    );
    const roots = (this.#result.topics ?? []).filter((t) => !t.parent || !this.#index.topics.has(t.parent));
    if (this.#filters.topic && !roots.some((t) => t.key === this.#filters.topic)) this.#filters.topic = '';
    const select = roots.length
      ? h(
          'label',
          { class: 'filter topic' },
          `${s.topicFilter} `,
          h(
            'select',
            { name: 'topic', part: 'topic-filter' },
            h('option', { value: '', text: s.allTopics }),
            roots.map((t) => h('option', { value: t.key, text: t.label, selected: t.key === this.#filters.topic })),
          ),
        )
      : null;
    this.#parts.filters.setAttribute('aria-label', s.filters);
    put(this.#parts.filters, h('span', { class: 'filters-title', text: `${s.filters}:` }), ...boxes, select);
    this.#parts.filters.hidden = false;
  }

  #onFilter(event) {
    const input = event.target;
    if (input.name === 'kind') {
      if (input.checked) this.#filters.kinds.add(input.value);
      else this.#filters.kinds.delete(input.value);
    } else if (input.name === 'topic') {
      this.#filters.topic = input.value;
    } else {
      return;
    }
    this.#applyFilters();
  }

  /** Hides pairs-view rows and mutes claims the filters leave out. */
  #applyFilters() {
    const root = this.#root;
    for (const mark of root.querySelectorAll('.claim')) {
      const claim = this.#index.claims.get(mark.dataset.id);
      const kind = this.#kindOf(mark.dataset.id);
      const pairs = this.#index.pairsOf.get(mark.dataset.id) ?? [];
      const topics = pairs.length ? this.#pairTopics(this.#result.pairs[pairs[0]]) : claim?.topics;
      mark.classList.toggle('muted', !this.#passes(kind, topics));
    }
    for (const row of root.querySelectorAll('[data-row]')) {
      row.hidden = !this.#passes(row.dataset.kind, JSON.parse(row.dataset.topics || '[]'));
    }
    for (const group of root.querySelectorAll('.pair-group')) {
      group.hidden = !group.querySelector('[data-row]:not([hidden])');
    }
    const empty = root.querySelector('.pairs-view .empty');
    if (empty) empty.hidden = Boolean(root.querySelector('.pairs-view [data-row]:not([hidden])'));
  }

  // ---- side by side -------------------------------------------------------------------------

  /** One account's full text with its claims marked in place. */
  #renderAccount(side) {
    const text = this.#texts[side];
    const account = this.#result[side] ?? {};
    const label = side === 'a' ? this.labelA : this.labelB;
    const date = account.date ? formatTimex(account.date, this.#strings) : '';
    const body = h('div', {
      class: 'text',
      part: 'text',
      role: 'group',
      'aria-label': label,
      'data-side': side,
    });
    const claims = [...(account.claims ?? [])]
      .filter((c) => Number.isInteger(c.start) && Number.isInteger(c.end) && c.start <= c.end)
      .sort((x, y) => x.start - y.start);
    let at = 0;
    let first = true;
    for (const claim of claims) {
      const start = Math.min(Math.max(claim.start, at), text.length);
      const end = Math.min(claim.end, text.length);
      if (end <= start) continue;
      if (start > at) body.append(document.createTextNode(text.slice(at, start)));
      body.append(this.#claimMark(claim, text.slice(start, end), first));
      first = false;
      at = end;
    }
    if (at < text.length) body.append(document.createTextNode(text.slice(at)));
    return h(
      'article',
      { class: `account side-${side}`, part: `account account-${side}` },
      h('h3', { class: 'label', part: 'label' }, label, date ? h('span', { class: 'date', text: ` · ${date}` }) : null),
      body,
    );
  }

  #claimMark(claim, text, first) {
    const kind = this.#kindOf(claim.id);
    const pairs = this.#index.pairsOf.get(claim.id) ?? [];
    const number = pairs.length ? pairs.map((i) => i + 1).join(',') : '';
    const said = number
      ? `${GLYPHS[kind]} ${this.#kindLabel(kind)}, ${fill(this.#strings.pairN, { n: number })}: `
      : `${GLYPHS[kind] ?? ''} ${this.#kindLabel(kind)}: `;
    return h(
      'span',
      {
        class: `claim k-${kind}`,
        part: `claim claim-${kind}`,
        role: 'button',
        tabindex: first ? '0' : '-1',
        'aria-pressed': 'false',
        'data-id': claim.id,
      },
      hidden(said),
      h('span', { class: 'badge', part: 'badge', 'aria-hidden': 'true', text: number ? `${number} ${GLYPHS[kind]}` : GLYPHS[kind] ?? '' }),
      text,
    );
  }

  #renderText() {
    const s = this.#strings;
    this.#parts.detail = h('div', { class: 'detail', part: 'detail', 'aria-live': 'polite' });
    const columns = h('div', { class: 'columns', part: 'columns' }, this.#renderAccount('a'), this.#renderAccount('b'));
    put(this.#parts.text, ...this.#heading('text-view', s.sideBySide, s.sideBySideHelp), this.#parts.detail, columns);
    this.#parts.text.hidden = false;
  }

  // ---- pairs by topic -----------------------------------------------------------------------

  #claimCell(id) {
    const claim = this.#index.claims.get(id);
    if (!claim) return h('td', { class: 'none' }, '—');
    return h('td', { class: 'claim-cell' }, h('span', { class: 'cid', text: `${claim.id} ` }), claim.text ?? '');
  }

  #verdictCell(kind, pairIndex) {
    return h(
      'td',
      { class: `verdict k-${kind}` },
      h('span', { class: 'glyph', 'aria-hidden': 'true', text: GLYPHS[kind] }),
      ` ${this.#kindLabel(kind)}`,
      pairIndex !== undefined ? h('span', { class: 'pair-no', text: ` ${fill(this.#strings.pairN, { n: pairIndex + 1 })}` }) : null,
    );
  }

  #renderPairs() {
    const s = this.#strings;
    const rows = [];
    (this.#result.pairs ?? []).forEach((pair, i) => {
      rows.push({ kind: pair.verdict, topics: this.#pairTopics(pair), a: pair.a, b: pair.b, pair: i });
    });
    for (const id of this.#result.onlyA ?? []) rows.push({ kind: 'onlyA', topics: this.#index.claims.get(id)?.topics ?? [], a: id });
    for (const id of this.#result.onlyB ?? []) rows.push({ kind: 'onlyB', topics: this.#index.claims.get(id)?.topics ?? [], b: id });
    const groups = new Map();
    for (const row of rows) {
      const group = this.#groupOf(row.topics);
      if (!groups.has(group)) groups.set(group, []);
      groups.get(group).push(row);
    }
    const order = (key) => (key ? this.#index.topics.get(key)?.order ?? 1e9 : 2e9);
    const sorted = [...groups.entries()].sort((x, y) => order(x[0]) - order(y[0]));
    let first = true;
    const tables = sorted.map(([key, list]) =>
      h(
        'div',
        { class: 'pair-group', part: 'pair-group', 'data-topic': key },
        h('h3', { text: this.#topicLabel(key) }),
        h(
          'table',
          { class: 'pairs' },
          h(
            'thead',
            {},
            h('tr', {}, h('th', { scope: 'col', text: this.labelA }), h('th', { scope: 'col', text: s.verdict }), h('th', { scope: 'col', text: this.labelB })),
          ),
          h(
            'tbody',
            {},
            list.map((row) => {
              const tr = h(
                'tr',
                {
                  class: `row k-${row.kind}`,
                  part: 'row',
                  tabindex: first ? '0' : '-1',
                  'data-row': '',
                  'data-kind': row.kind,
                  'data-topics': JSON.stringify(row.topics),
                  'data-pair': row.pair,
                  'data-id': row.a ?? row.b,
                },
                this.#claimCell(row.a),
                this.#verdictCell(row.kind, row.pair),
                this.#claimCell(row.b),
              );
              first = false;
              return tr;
            }),
          ),
        ),
      ),
    );
    put(this.#parts.pairs, 
      ...this.#heading('pairs-view', s.pairs, s.pairsHelp),
      ...tables,
      h('p', { class: 'empty', text: s.noPairs, hidden: true }),
    );
    this.#parts.pairs.hidden = false;
  }

  // ---- services -----------------------------------------------------------------------------

  #renderServices() {
    const s = this.#strings;
    const services = this.#result.services ?? [];
    // What the engine says of each service, told by a word and a mark, never by colour alone.
    const marks = { restored: '✓', planned: '◷', disrupted: '✕', mixed: '◐', mentioned: '•' };
    const cell = (state) => {
      if (!state) return h('td', { class: 'silent' }, h('span', { 'aria-hidden': 'true', text: '— ' }), s.serviceSilent);
      const status = Object.hasOwn(marks, state.status) ? state.status : 'mentioned';
      return h(
        'td',
        { class: status },
        h('span', { 'aria-hidden': 'true', text: `${marks[status]} ` }),
        h('span', { class: 'status', text: s.serviceStatus?.[status] ?? status }),
        ' ',
        state.claims.map((id) => {
          const claim = this.#index.claims.get(id);
          return h('button', { type: 'button', class: 'ref', 'data-ref': id, title: claim?.text ?? id, text: id });
        }),
      );
    };
    const body = services.length
      ? h(
          'table',
          { class: 'matrix', part: 'services-matrix' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: s.service }), h('th', { scope: 'col', text: this.labelA }), h('th', { scope: 'col', text: this.labelB }))),
          h('tbody', {}, services.map((row) => h('tr', {}, h('th', { scope: 'row', text: this.#topicLabel(row.topic) }), cell(row.a), cell(row.b)))),
        )
      : h('p', { class: 'empty', text: s.noServices });
    put(this.#parts.services, ...this.#heading('services-view', s.services, s.servicesHelp), body);
    this.#parts.services.hidden = false;
  }

  // ---- timeline -----------------------------------------------------------------------------

  #renderTimeline() {
    const s = this.#strings;
    const points = new Map();
    for (const side of ['a', 'b']) {
      for (const claim of this.#result[side]?.claims ?? []) {
        const entry = timelineEntry(claim, s);
        if (!entry) continue;
        if (!points.has(entry.key)) points.set(entry.key, { key: entry.key, label: formatTimex(entry.key, s), a: [], b: [] });
        points.get(entry.key)[side].push({ claim, label: entry.label });
      }
    }
    const list = [...points.values()].sort((x, y) => x.key.localeCompare(y.key));
    const side = (side, entries) =>
      h(
        'div',
        { class: `lane side-${side}` },
        entries.map(({ claim, label }) =>
          h(
            'button',
            { type: 'button', class: `event k-${this.#kindOf(claim.id)}`, 'data-ref': claim.id, 'data-row': '', 'data-kind': this.#kindOf(claim.id), 'data-topics': JSON.stringify(claim.topics ?? []) },
            h('span', { class: 'when', text: label }),
            (claim.times ?? []).length
              ? h('span', { class: 'said', text: ` “${claim.times.map((t) => t.text).join('”, “')}”` })
              : null,
            h('span', { class: 'what', text: claim.text }),
          ),
        ),
      );
    const body = list.length
      ? h(
          'ol',
          { class: 'timeline', part: 'timeline' },
          h('li', { class: 'axis-head', 'aria-hidden': 'true' }, h('span', { text: s.date }), h('span', { text: this.labelA }), h('span', { text: this.labelB })),
          list.map((point) =>
            h(
              'li',
              { class: 'point' },
              h('time', { datetime: /^\d{4}-\d{2}-\d{2}$/.test(point.key) ? point.key : null, class: 'tick', text: point.label }),
              side('a', point.a),
              side('b', point.b),
            ),
          ),
        )
      : h('p', { class: 'empty', text: s.noTimeline });
    put(this.#parts.timeline, ...this.#heading('timeline-view', s.timeline, s.timelineHelp), body);
    this.#parts.timeline.hidden = false;
  }

  // ---- framing ------------------------------------------------------------------------------

  #renderFraming() {
    const s = this.#strings;
    const framing = this.#result.framing ?? [];
    const body = framing.length
      ? h(
          'table',
          { class: 'framing', part: 'framing' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: s.about }), h('th', { scope: 'col', text: this.labelA }), h('th', { scope: 'col', text: this.labelB }))),
          h('tbody', {}, framing.map((f) => h('tr', {}, h('th', { scope: 'row', text: f.about }), h('td', {}, h('q', { text: f.a })), h('td', {}, h('q', { text: f.b }))))),
        )
      : h('p', { class: 'empty', text: s.noFraming });
    put(this.#parts.framing, ...this.#heading('framing-view', s.framing, s.framingHelp), body);
    this.#parts.framing.hidden = false;
  }

  // ---- selection ----------------------------------------------------------------------------

  /** The claims a selection covers: a pair's two, or one claim and its counterparts. */
  #selectionIds(selection) {
    if (!selection || !this.#index) return { ids: [], pairs: [] };
    if (selection.pair !== undefined) {
      const pair = this.#result.pairs?.[selection.pair];
      return pair ? { ids: [pair.a, pair.b], pairs: [selection.pair] } : { ids: [], pairs: [] };
    }
    const pairs = this.#index.pairsOf.get(selection.claim) ?? [];
    const ids = new Set([selection.claim]);
    for (const i of pairs) {
      ids.add(this.#result.pairs[i].a);
      ids.add(this.#result.pairs[i].b);
    }
    return { ids: [...ids], pairs };
  }

  #select(selection, { scroll = true, from = null } = {}) {
    if (selection?.claim !== undefined && !this.#index?.claims.has(selection.claim)) selection = null;
    if (selection?.claim !== undefined) {
      // A paired claim selects its (first) pair, so both sides show the same thing.
      const pairs = this.#index.pairsOf.get(selection.claim) ?? [];
      if (pairs.length === 1) selection = { pair: pairs[0], claim: selection.claim };
    }
    this.#selected = selection;
    this.#showSelection({ scroll, from });
    const { ids, pairs } = this.#selectionIds(selection);
    this.dispatchEvent(
      new CustomEvent('claim-diff-select', {
        bubbles: true,
        composed: true,
        detail: selection
          ? {
              pair: pairs.length ? this.#result.pairs[pairs[0]] : null,
              claims: ids.map((id) => this.#index.claims.get(id)).filter(Boolean),
            }
          : null,
      }),
    );
  }

  #showSelection({ scroll = false, from = null } = {}) {
    const { ids } = this.#selectionIds(this.#selected);
    const chosen = new Set(ids);
    for (const mark of this.#root.querySelectorAll('.claim')) {
      const on = chosen.has(mark.dataset.id);
      mark.classList.toggle('selected', on);
      mark.setAttribute('aria-pressed', String(on));
    }
    for (const row of this.#root.querySelectorAll('tr[data-row]')) {
      const pair = this.#selected?.pair;
      row.classList.toggle(
        'selected',
        pair !== undefined ? row.dataset.pair === String(pair) : chosen.has(row.dataset.id),
      );
    }
    this.#renderDetail();
    if (scroll) {
      for (const id of ids) {
        if (id === from) continue;
        const mark = this.#root.querySelector(`.claim[data-id="${CSS.escape(id)}"]`);
        if (mark) this.#scrollWithin(mark);
      }
    }
  }

  /** Scrolls a claim into view inside its column only, never the host page. */
  #scrollWithin(mark) {
    const box = mark.closest('.text');
    if (!box || box.scrollHeight <= box.clientHeight) return;
    const top = mark.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top + mark.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3), behavior: 'smooth' });
    }
  }

  #renderDetail() {
    const s = this.#strings;
    const detail = this.#parts.detail;
    if (!detail) return;
    const selection = this.#selected;
    if (!selection) {
      put(detail, h('p', { class: 'hint', text: s.detailHint }));
      detail.classList.remove('active');
      return;
    }
    detail.classList.add('active');
    const names = { a: this.labelA, b: this.labelB };
    const pair = selection.pair !== undefined ? this.#result.pairs?.[selection.pair] : null;
    const clear = h('button', { type: 'button', class: 'clear', part: 'clear', 'data-clear': '', text: s.clear });
    if (!pair) {
      const claim = this.#index.claims.get(selection.claim);
      const kind = this.#kindOf(claim.id);
      put(detail, 
        h('p', { class: `verdict-line k-${kind}` }, h('span', { class: 'glyph', 'aria-hidden': 'true', text: GLYPHS[kind] ?? '' }), ` ${this.#kindLabel(kind)}`, clear),
        h('p', { class: 'quote' }, claim.text),
        h('p', { class: 'help', text: fill(s.noCounterpart, { b: claim.side === 'a' ? names.b : names.a }) }),
        this.#facts(claim),
      );
      return;
    }
    const diff = h(
      'p',
      { class: 'diff', part: 'diff' },
      (pair.diff ?? []).map((op) => {
        if (op.op === 'delete') return h('del', {}, hidden(` ${fill(s.removed, names)} `), op.text);
        if (op.op === 'insert') return h('ins', {}, hidden(` ${fill(s.added, names)} `), op.text);
        return document.createTextNode(op.text ?? '');
      }),
    );
    const a = this.#index.claims.get(pair.a);
    const b = this.#index.claims.get(pair.b);
    put(detail, 
      h(
        'p',
        { class: `verdict-line k-${pair.verdict}` },
        h('span', { class: 'glyph', 'aria-hidden': 'true', text: GLYPHS[pair.verdict] ?? '' }),
        ` ${this.#kindLabel(pair.verdict)} · ${fill(s.pairN, { n: selection.pair + 1 })} · ${fill(s.score, { n: pair.score })}`,
        clear,
      ),
      pair.reasons?.length ? h('ul', { class: 'reasons', part: 'reasons', 'aria-label': s.reasons }, pair.reasons.map((r) => h('li', { text: r }))) : null,
      h('div', { class: 'diff-box' }, h('span', { class: 'diff-title', text: `${s.diff}: ` }), diff),
      h('div', { class: 'facts-pair' }, this.#facts(a, names.a), this.#facts(b, names.b)),
    );
  }

  /** What the engine found about a claim, for the fields it has filled. */
  #facts(claim, heading) {
    if (!claim) return null;
    const s = this.#strings;
    const rows = [];
    if (claim.topics?.length) rows.push([s.topics, claim.topics.map((k) => this.#topicLabel(k)).join(', ')]);
    if (claim.times?.length) rows.push([s.times, claim.times.map((t) => `“${t.text}” = ${formatTimex(t.value, s)}`).join('; ')]);
    const entry = timelineEntry(claim, s);
    if (claim.when && entry) rows.push([s.when, entry.label]);
    if (claim.attribution) rows.push([s.attribution, claim.attribution]);
    if (claim.modality && claim.modality !== 'asserted') rows.push([s.modality, claim.modality]);
    if (claim.negated) rows.push([s.negated, s.yes]);
    if (!rows.length) return null;
    return h(
      'dl',
      { class: 'facts' },
      heading ? h('dt', { class: 'facts-head', text: heading }) : null,
      heading ? h('dd', { class: 'facts-head' }) : null,
      rows.map(([term, value]) => [h('dt', { text: term }), h('dd', { text: value })]),
    );
  }

  // ---- events -------------------------------------------------------------------------------

  #onClick(event) {
    const target = event.target;
    if (target.closest('[data-clear]')) {
      this.#select(null);
      return;
    }
    const ref = target.closest('[data-ref]');
    if (ref) {
      this.#select({ claim: ref.dataset.ref });
      this.#focusClaim(ref.dataset.ref);
      return;
    }
    const mark = target.closest('.claim');
    if (mark) {
      this.#select({ claim: mark.dataset.id }, { from: mark.dataset.id });
      return;
    }
    const row = target.closest('tr[data-row]');
    if (row) this.#selectRow(row);
  }

  #selectRow(row) {
    if (row.dataset.pair !== undefined && row.dataset.pair !== '' && row.dataset.pair !== 'undefined') {
      this.#select({ pair: Number(row.dataset.pair) });
    } else {
      this.#select({ claim: row.dataset.id });
    }
  }

  #onFocus(event) {
    const mark = event.target.closest?.('.claim');
    if (mark) {
      this.#rove(mark, '.claim', mark.closest('.text'));
      const already = this.#selectionIds(this.#selected).ids.includes(mark.dataset.id);
      if (!already) this.#select({ claim: mark.dataset.id }, { from: mark.dataset.id });
      return;
    }
    const row = event.target.closest?.('tr[data-row]');
    if (row) {
      this.#rove(row, 'tr[data-row]', this.#parts.pairs);
      this.#selectRow(row);
    }
  }

  #onHover(event) {
    const mark = event.target.closest?.('.claim');
    if (!mark || event.pointerType === 'touch') return;
    const { ids } = this.#selectionIds({ claim: mark.dataset.id });
    for (const other of this.#root.querySelectorAll('.claim.hover')) other.classList.remove('hover');
    for (const id of ids) this.#root.querySelector(`.claim[data-id="${CSS.escape(id)}"]`)?.classList.add('hover');
    clearTimeout(this.#hoverTimer);
    this.#hoverTimer = setTimeout(() => {
      for (const id of ids) {
        if (id === mark.dataset.id) continue;
        const other = this.#root.querySelector(`.claim[data-id="${CSS.escape(id)}"]`);
        if (other) this.#scrollWithin(other);
      }
    }, HOVER_MS);
  }

  #onHoverEnd(event) {
    if (!event.target.closest?.('.claim')) return;
    clearTimeout(this.#hoverTimer);
    for (const other of this.#root.querySelectorAll('.claim.hover')) other.classList.remove('hover');
  }

  /** Roving tabindex: one tab stop per column and one for the pairs. */
  #rove(current, selector, container) {
    if (!container) return;
    for (const item of container.querySelectorAll(selector)) item.tabIndex = item === current ? 0 : -1;
  }

  #focusClaim(id) {
    const mark = this.#root.querySelector(`.claim[data-id="${CSS.escape(id)}"]`);
    if (!mark) return;
    this.#rove(mark, '.claim', mark.closest('.text'));
    mark.focus({ preventScroll: true });
    this.#scrollWithin(mark);
    mark.scrollIntoView?.({ block: 'nearest' });
  }

  #onKey(event) {
    if (event.key === 'Escape') {
      if (this.#selected) {
        this.#select(null);
        event.preventDefault();
      }
      return;
    }
    const mark = event.target.closest?.('.claim');
    const row = event.target.closest?.('tr[data-row]');
    const item = mark ?? row;
    if (!item) return;
    const container = mark ? mark.closest('.text') : this.#parts.pairs;
    const selector = mark ? '.claim:not(.muted)' : 'tr[data-row]:not([hidden])';
    const items = [...container.querySelectorAll(selector)];
    const at = items.indexOf(item);
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
    let next = null;
    if (step) next = items[Math.min(items.length - 1, Math.max(0, (at < 0 ? 0 : at) + step))];
    else if (event.key === 'Home') next = items[0];
    else if (event.key === 'End') next = items[items.length - 1];
    if (next) {
      event.preventDefault();
      this.#rove(next, mark ? '.claim' : 'tr[data-row]', container);
      next.focus({ preventScroll: true });
      next.scrollIntoView?.({ block: 'nearest' });
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (mark) {
        // Jump to the counterpart in the other account.
        const { ids } = this.#selectionIds({ claim: mark.dataset.id });
        const other = ids.find((id) => id !== mark.dataset.id);
        this.#select({ claim: mark.dataset.id }, { from: mark.dataset.id });
        if (other) this.#focusClaim(other);
      } else {
        this.#selectRow(row);
        this.#focusClaim(row.dataset.id);
      }
    }
  }
}
