// The demo page: two inputs, the <claim-diff> element, export and permalink.
// It opens with the example pair (the seeds) unless the URL carries inputs.
import './claim-diff-define.js';
import { version } from './engine.js';

/** The example the page opens with: the project's seed pair. */
const EXAMPLE = {
  a: { src: 'seeds/kazinform-2022-01-12.txt', label: 'Kazinform', date: '2022-01-12' },
  b: { src: 'seeds/csto-peacekeepers-undated.txt', label: 'CSTO report', date: '' },
};
/** Longest permalink fragment we offer; longer inputs are not put in the URL. */
const MAX_LINK_CHARS = 8000;

const form = document.getElementById('inputs');
const diff = document.getElementById('diff');
const notice = document.getElementById('notice');
const field = (name) => form.elements.namedItem(name);
const buttons = ['export-json', 'export-md', 'share'].map((id) => document.getElementById(id));

let userCompared = false;

function say(message) {
  notice.textContent = message;
}

function inputs() {
  return {
    a: field('a').value,
    b: field('b').value,
    la: field('label-a').value.trim(),
    lb: field('label-b').value.trim(),
    da: field('date-a').value,
    db: field('date-b').value,
  };
}

function fill(values) {
  field('a').value = values.a ?? '';
  field('b').value = values.b ?? '';
  field('label-a').value = values.la ?? '';
  field('label-b').value = values.lb ?? '';
  field('date-a').value = values.da ?? '';
  field('date-b').value = values.db ?? '';
}

/** Hands the form's inputs to the element, which compares them once. */
function compareInputs() {
  const values = inputs();
  diff.labelA = values.la || 'Account A';
  diff.labelB = values.lb || 'Account B';
  diff.dateA = values.da;
  diff.dateB = values.db;
  diff.a = values.a;
  diff.b = values.b;
}

// ---- permalink: the inputs, deflated, in the URL's fragment (never sent to a server) ----------

async function pipe(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function encodeInputs(values) {
  const json = new TextEncoder().encode(JSON.stringify(values));
  return toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

async function decodeInputs(text) {
  const json = await pipe(fromBase64Url(text), new DecompressionStream('deflate-raw'));
  const values = JSON.parse(new TextDecoder().decode(json));
  const keep = {};
  for (const key of ['a', 'b', 'la', 'lb', 'da', 'db']) if (typeof values[key] === 'string') keep[key] = values[key];
  return keep;
}

/** The link for the current inputs, and whether the texts fit in it. */
async function permalink() {
  const values = inputs();
  const base = `${location.origin}${location.pathname}`;
  const full = await encodeInputs(values);
  if (full.length <= MAX_LINK_CHARS) return { url: `${base}#s=${full}`, complete: true };
  const light = await encodeInputs({ la: values.la, lb: values.lb, da: values.da, db: values.db });
  return { url: `${base}#s=${light}`, complete: false };
}

async function updateLink() {
  const { url, complete } = await permalink();
  history.replaceState(null, '', url);
  return { url, complete };
}

// ---- downloads ---------------------------------------------------------------------------------

function slug(text) {
  return (text || 'account').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'account';
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function fileName(extension) {
  return `claimdiff-${slug(diff.labelA)}-vs-${slug(diff.labelB)}.${extension}`;
}

// ---- wiring ------------------------------------------------------------------------------------

async function loadExample() {
  const texts = await Promise.all(
    [EXAMPLE.a.src, EXAMPLE.b.src].map(async (src) => {
      const response = await fetch(src);
      if (!response.ok) throw new Error(`could not load ${src} (run "make wasm" to copy the seeds)`);
      return response.text();
    }),
  );
  fill({ a: texts[0], b: texts[1], la: EXAMPLE.a.label, lb: EXAMPLE.b.label, da: EXAMPLE.a.date, db: EXAMPLE.b.date });
  compareInputs();
}

function readFileInto(file, side) {
  if (!file) return;
  file.text().then((text) => {
    field(side).value = text;
    const label = field(`label-${side}`);
    if (!label.value) label.value = file.name.replace(/\.[^.]+$/, '');
    userCompared = true;
    compareInputs();
  });
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  userCompared = true;
  compareInputs();
});
form.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
});
for (const side of ['a', 'b']) {
  field(`file-${side}`).addEventListener('change', (event) => readFileInto(event.target.files?.[0], side));
  const box = document.getElementById(`input-${side}`);
  box.addEventListener('dragover', (event) => {
    event.preventDefault();
    box.classList.add('dragging');
  });
  box.addEventListener('dragleave', () => box.classList.remove('dragging'));
  box.addEventListener('drop', (event) => {
    event.preventDefault();
    box.classList.remove('dragging');
    readFileInto(event.dataTransfer?.files?.[0], side);
  });
}
document.getElementById('swap').addEventListener('click', () => {
  const v = inputs();
  fill({ a: v.b, b: v.a, la: v.lb, lb: v.la, da: v.db, db: v.da });
  userCompared = true;
  compareInputs();
});
document.getElementById('example').addEventListener('click', () => {
  userCompared = false;
  history.replaceState(null, '', location.pathname);
  loadExample().catch((error) => say(error.message));
});
document.getElementById('export-json').addEventListener('click', () => {
  download(fileName('json'), 'application/json', `${JSON.stringify(diff.result, null, 2)}\n`);
});
document.getElementById('export-md').addEventListener('click', async () => {
  download(fileName('md'), 'text/markdown', await diff.markdown());
});
document.getElementById('share').addEventListener('click', async () => {
  const { url, complete } = await updateLink();
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    // No clipboard permission: the address bar holds the link all the same.
  }
  const where = copied ? 'Link copied' : 'The address bar holds the link';
  say(
    complete
      ? `${where}: it carries both accounts.`
      : `${where}, but the accounts are too long to fit in a link: it carries only the outlets and dates.`,
  );
});

diff.addEventListener('claim-diff-compared', async () => {
  for (const button of buttons) button.disabled = false;
  const { summary = {} } = diff.result ?? {};
  say(
    `Compared: ${summary.agree ?? 0} agree, ${summary.partial ?? 0} partly agree, ${summary.conflict ?? 0} conflict, ` +
      `${summary.onlyA ?? 0} only in ${diff.labelA}, ${summary.onlyB ?? 0} only in ${diff.labelB}.`,
  );
  if (userCompared) {
    const { complete } = await updateLink();
    if (!complete) say(`${notice.textContent} The accounts are too long for the link in the address bar; it keeps only outlets and dates.`);
  }
});
diff.addEventListener('claim-diff-error', (event) => {
  for (const button of buttons) button.disabled = true;
  say(event.detail.message);
});

version()
  .then((v) => {
    document.getElementById('version').textContent = `${v.engine} (schema ${v.schema})`;
  })
  .catch(() => {});

const shared = /^#s=([A-Za-z0-9_-]+)$/.exec(location.hash);
if (shared) {
  decodeInputs(shared[1])
    .then((values) => {
      fill(values);
      compareInputs();
    })
    .catch(() => {
      say('This link is damaged; showing the example instead.');
      return loadExample();
    })
    .catch((error) => say(error.message));
} else {
  loadExample().catch((error) => say(error.message));
}
