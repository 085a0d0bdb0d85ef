// The iframe fallback for sites that cannot run module scripts:
//   <iframe src="/embed.html?src-a=/a.txt&src-b=/b.txt&label-a=…&label-b=…&date-a=…"></iframe>
// Inputs come from the query (a, b, src-a, src-b, label-a, label-b, date-a,
// date-b, layout, theme) or from the parent window by postMessage:
//   { type: 'claim-diff:compare', a, b, labelA, labelB, dateA, dateB }
// The page tells its parent its height ({ type: 'claim-diff:height', height })
// whenever it changes, and its counts after each comparison
// ({ type: 'claim-diff:compared', summary }), so the host can size the iframe.
import './claim-diff-define.js';

const diff = document.getElementById('diff');
const query = new URLSearchParams(location.search);
const ATTRIBUTES = ['src-a', 'src-b', 'label-a', 'label-b', 'date-a', 'date-b', 'layout', 'theme'];

for (const name of ATTRIBUTES) {
  if (query.has(name)) diff.setAttribute(name, query.get(name));
}
if (query.has('a')) diff.a = query.get('a');
if (query.has('b')) diff.b = query.get('b');

const parentWindow = window.parent !== window ? window.parent : null;

function tell(message) {
  // Only sizes and counts leave the frame, never the texts, so any host may hear them.
  parentWindow?.postMessage(message, '*');
}

let lastHeight = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== lastHeight) {
    lastHeight = height;
    tell({ type: 'claim-diff:height', height });
  }
}).observe(document.documentElement);

diff.addEventListener('claim-diff-compared', () => {
  tell({ type: 'claim-diff:compared', summary: diff.result?.summary ?? null });
});

window.addEventListener('message', (event) => {
  if (!parentWindow || event.source !== parentWindow) return;
  const data = event.data;
  if (!data || data.type !== 'claim-diff:compare') return;
  const set = (attribute, value) => {
    if (typeof value === 'string') diff.setAttribute(attribute, value);
  };
  set('label-a', data.labelA);
  set('label-b', data.labelB);
  set('date-a', data.dateA);
  set('date-b', data.dateB);
  if (typeof data.a === 'string') diff.a = data.a;
  if (typeof data.b === 'string') diff.b = data.b;
});
