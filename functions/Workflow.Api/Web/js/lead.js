import { api, currentStudy, el, setUpPage, showError } from './common.js';

await setUpPage();
const study = currentStudy();
const summary = document.getElementById('codebook-summary');
if (!study) {
  summary.textContent = 'Choose a study above.';
} else {
  try {
    const codebook = await api(`studies/${encodeURIComponent(study)}/codebook`);
    const themes = new Map(codebook.codes.filter((c) => c.level === 1).map((c) => [c.id, c.name]));
    const codes = codebook.codes.filter((c) => c.level === 2);
    summary.textContent = `${codebook.name}, version ${codebook.version}: ${themes.size} themes, ${codes.length} codes.`;
    document.getElementById('codes').replaceChildren(...codes.map((c) => el('tr', {},
      el('th', { scope: 'row', text: c.id }), el('td', { text: c.name }), el('td', { text: themes.get(c.parent) ?? '' }), el('td', { text: c.definition }))));
  } catch (e) {
    summary.textContent = '';
    showError(e.message);
  }
}
