// Every word the <claim-diff> element shows, in one table. A host page
// translates or rewords it by setting the element's `strings` property to an
// object with some of these keys; `{a}` and `{b}` stand for the accounts'
// labels, `{n}` for a number.
export const STRINGS = Object.freeze({
  accountA: 'Account A',
  accountB: 'Account B',
  loading: 'Loading the comparison engine…',
  comparing: 'Comparing…',
  comparingBig: 'Comparing {n} in the background…',
  stageLoading: 'loading the engine',
  stageComparing: 'finding and aligning claims',
  failed: 'Could not compare: {n}',
  noInput: 'Give two accounts to compare.',
  fetchFailed: 'Could not load {n}',
  otherOrigin: 'Not loaded: {n} is on another site; src-a and src-b must be same-origin URLs.',

  summary: 'Summary',
  summaryLine: '{n} claims in {a}, {m} in {b}',
  agree: 'agree',
  partial: 'partly agree',
  conflict: 'conflict',
  onlyA: 'only in {a}',
  onlyB: 'only in {b}',
  byTopic: 'By topic',
  topic: 'Topic',
  otherTopic: 'Other',

  filters: 'Show',
  allTopics: 'All topics',
  topicFilter: 'Topic',

  sideBySide: 'Side by side',
  sideBySideHelp:
    'Each claim is marked in place. Hover or click one, or Tab into a column and use the arrow keys; Enter jumps to the counterpart, Escape clears.',
  detailHint: 'Choose a claim to see its counterpart, the verdict, the reasons and a word-by-word diff.',
  pairN: 'pair {n}',
  score: 'similarity {n}',
  reasons: 'Why',
  diff: 'Word by word',
  removed: 'only in {a}:',
  added: 'only in {b}:',
  noCounterpart: 'No counterpart in {b}.',
  topics: 'Topics',
  times: 'Times',
  when: 'When',
  attribution: 'According to',
  modality: 'Put as',
  negated: 'Negated',
  yes: 'yes',
  clear: 'Clear',

  pairs: 'Pairs by topic',
  pairsHelp: 'Tab to a row, move with the arrow keys, Enter to show it in the text.',
  verdict: 'Verdict',
  noPairs: 'No claims to show with these filters.',

  services: 'Restored services',
  servicesHelp: 'Which services each account says are restored, to be restored or disrupted, and in which claims; choose a claim to read it.',
  service: 'Service',
  serviceStatus: {
    restored: 'restored',
    planned: 'to be restored',
    disrupted: 'disrupted',
    mixed: 'partly restored',
    mentioned: 'mentioned',
  },
  serviceSilent: 'not mentioned',
  noServices: 'Neither account mentions a service.',

  timeline: 'Timeline',
  timelineHelp: 'The dated claims of both accounts on one time axis.',
  date: 'Date',
  noTimeline: 'Neither account dates its claims.',
  until: 'until {n}',
  from: 'from {n}',
  approx: 'about {n}',
  yearUnknown: '{n} (year not given)',

  framing: 'Framing',
  framingHelp: 'The two accounts name the same thing differently.',
  about: 'About',
  noFraming: 'No differences of wording for the same actors or events.',
});

/** Verdict glyphs: the shape that, with the word, tells a verdict without colour. */
export const GLYPHS = Object.freeze({
  agree: '✓',
  partial: '≈',
  conflict: '≠',
  onlyA: '◁',
  onlyB: '▷',
});

/** Fills `{a}`, `{b}`, `{n}`, `{m}` in a string of the table. */
export function fill(template, values) {
  return String(template).replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}
