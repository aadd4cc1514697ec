import { announce, api, currentStudy, el, isLeadOf, setUpPage, showError } from './common.js';
import { agreementChart } from './agreement-chart.js';
import { setUpExports } from './exports.js';
import { setUpLearning } from './learning.js';
import { setUpRecordings } from './lead-recordings.js';
import { setUpWithdrawal } from './withdrawal.js';

const me = await setUpPage();
const study = currentStudy();
if (study) setUpDeletion();
const summary = document.getElementById('codebook-summary');
if (!study) {
  summary.textContent = 'Choose a study above.';
} else {
  showAgreement(study);
  try {
    const codebook = await api(`studies/${encodeURIComponent(study)}/codebook`);
    const themes = new Map(codebook.codes.filter((c) => c.level === 1).map((c) => [c.id, c.name]));
    const codes = codebook.codes.filter((c) => c.level === 2);
    summary.textContent = `${codebook.name}, version ${codebook.version}: ${themes.size} themes, ${codes.length} codes.`;
    document.getElementById('codes').replaceChildren(...codes.map((c) => el('tr', {},
      el('th', { scope: 'row', text: c.id }), el('td', { text: c.name }), el('td', { text: themes.get(c.parent) ?? '' }), el('td', { text: c.definition }))));
    const history = await api(`studies/${encodeURIComponent(study)}/codebook/versions`);
    const list = (ids) => (ids.length ? ids.join(', ') : '–');
    document.getElementById('codebook-versions').replaceChildren(...history.versions.map((v) => el('tr', { 'data-version': String(v.version) },
      el('th', { scope: 'row', text: `${v.version}${v.version === history.current ? ' (in use)' : ''}` }),
      el('td', { text: new Date(v.createdAt).toLocaleString() }), el('td', { text: String(v.themes) }), el('td', { text: String(v.codes) }),
      el('td', { text: list(v.added) }), el('td', { text: list(v.removed) }), el('td', { text: list(v.changed) }))));
  } catch (e) {
    summary.textContent = '';
    showError(e.message);
  }
}

/** The agreement route's figures as they are: nothing is computed or filled in here. */
async function showAgreement(study) {
  const text = document.getElementById('agreement');
  const human = document.getElementById('agreement-human');
  try {
    const a = await api(`studies/${encodeURIComponent(study)}/agreement`);
    showSection(a.humanMachine, text, 'agreement', 'Coders and the engine');
    showSection(a.humanHuman, human, 'agreement-human', 'Between coders');
    const share = document.getElementById('double-share');
    if (share && document.activeElement !== share) share.value = String(Math.round(a.doubleCodingShare * 100));
    const waiting = document.getElementById('reconciliations');
    waiting.replaceChildren(...(a.reconciliationsPending > 0
      ? [`${a.reconciliationsPending} disagreement(s) between coders wait for a lead: `,
        el('a', { href: `coder.html?study=${encodeURIComponent(study)}&kind=Reconciliation`, id: 'reconcile-link', text: 'settle them in the queue' }), '.']
      : ['No disagreement between coders waits for a lead.']));
  } catch (e) {
    text.textContent = '';
    human.textContent = '';
    showError(e.message);
  }
}

/** One rater pair: the basis and pooled figures in words, and the per-code table when there are units. */
function showSection(section, text, tablePrefix, title) {
  const fixed = (v) => (v === null || v === undefined ? '' : v.toFixed(3));
  const figure = document.getElementById(`${tablePrefix}-chart`);
  figure.querySelector('svg')?.remove();
  if (!section.available || !section.pooled || section.units === 0) {
    text.textContent = section.basis + (section.segmentsAwaitingDecisions > 0 ? ` ${section.segmentsAwaitingDecisions} segments await decisions.` : '');
    document.getElementById(`${tablePrefix}-table`).hidden = true;
    figure.hidden = true;
    return;
  }
  const chart = agreementChart(section.perCode, title);
  if (chart) figure.prepend(chart);
  figure.hidden = !chart;
  const p = section.pooled;
  text.textContent = `${section.basis} ${section.units} segments; pooled over every segment and code: agreement ${fixed(p.percentAgreement)}, kappa ${fixed(p.cohenKappa)}, alpha ${fixed(p.krippendorffAlpha)}, AC1 ${fixed(p.gwetAc1)}.`
    + (section.segmentsAwaitingDecisions > 0 ? ` ${section.segmentsAwaitingDecisions} segments still await decisions and are not counted.` : '');
  document.getElementById(`${tablePrefix}-rows`).replaceChildren(...section.perCode.map((r) => el('tr', {},
    el('th', { scope: 'row', text: r.name ? `${r.name} (${r.codeId})` : r.codeId }),
    el('td', { text: String(r.units) }), el('td', { text: String(r.bothApplied) }),
    el('td', { text: String(r.onlyFirstApplied) }), el('td', { text: String(r.onlySecondApplied) }),
    el('td', { text: fixed(r.percentAgreement) }), el('td', { text: fixed(r.cohenKappa) }),
    el('td', { text: fixed(r.krippendorffAlpha) }), el('td', { text: fixed(r.gwetAc1) }), el('td', { text: r.warning ?? '' }))));
  document.getElementById(`${tablePrefix}-table`).hidden = false;
}

/** The share of segments two coders code independently: a lead's setting, for recordings queued from now on. */
function setUpDoubleCoding(study) {
  const form = document.getElementById('double-coding-form');
  form.hidden = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const percent = Number(document.getElementById('double-share').value);
    try {
      const saved = await api(`studies/${encodeURIComponent(study)}/verification`, { method: 'PUT', json: { doubleCodingShare: percent / 100 } });
      announce(`Saved: ${Math.round(saved.verification.doubleCodingShare * 100)}% of segments in recordings queued from now on are coded by two coders.`);
    } catch (e) {
      showError(e.message);
    }
  });
}

/** Recordings with Delete, and consent withdrawal: shown to the study's leads only (the API refuses everyone else). */
async function setUpDeletion() {
  if (!isLeadOf(me, study)) {
    document.getElementById('lead-only').hidden = !me;
    return;
  }
  document.getElementById('lead-recordings-section').hidden = false;
  document.getElementById('withdrawal-section').hidden = false;
  setUpExports(study);
  setUpDoubleCoding(study);
  setUpLearning(study);
  const recordings = setUpRecordings(study);
  const reload = async () => {
    try {
      return (await recordings.load()).map((r) => r.id);
    } catch (e) {
      document.getElementById('lead-recordings-summary').textContent = '';
      showError(e.message);
      return [];
    }
  };
  reload();
  setUpWithdrawal(study, {
    // The 409 names group recordings in words; the page lists those of the study's (fresh) list it names.
    recordingIds: reload,
    onDeleting: (deleting) => deleting.forEach((id) => recordings.markDeleting(id, { quiet: true })),
  });
}
