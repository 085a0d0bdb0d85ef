// Sets the element's inputs and a French strings table from JavaScript, and
// reports its events in the page.
import '../claim-diff-define.js';

const diff = document.getElementById('props');
const log = document.getElementById('log');

diff.strings = {
  summary: 'Résumé',
  agree: 'concordent',
  partial: 'concordent en partie',
  conflict: 'se contredisent',
  onlyA: 'seulement dans {a}',
  onlyB: 'seulement dans {b}',
  sideBySide: 'Côte à côte',
  pairs: 'Paires par thème',
  services: 'Services rétablis',
  timeline: 'Chronologie',
  framing: 'Cadrage',
  filters: 'Afficher',
  otherTopic: 'Autres',
  clear: 'Effacer',
};
diff.a =
  'The council approved the new budget on Tuesday. Spending on schools rises by 3 percent. ' +
  'The vote was 7 to 2.';
diff.b =
  'The council approved the budget on Tuesday by a vote of 7 to 2. ' +
  'School spending will rise by 5 percent, officials said. Two members walked out.';

diff.addEventListener('claim-diff-compared', (event) => {
  const s = event.detail.result.summary;
  log.textContent = `Comparé : ${s.agree} concordent, ${s.partial} en partie, ${s.conflict} se contredisent.`;
});
diff.addEventListener('claim-diff-select', (event) => {
  const chosen = event.detail?.claims?.map((c) => c.id).join(' ↔ ');
  log.textContent = chosen ? `Choisi : ${chosen}` : 'Sélection effacée.';
});
