import { api, el, showError } from './common.js';
import { learningCurveChart } from './learning-chart.js';

const fixed = (v) => (v === null || v === undefined ? '' : v.toFixed(3));

const notYet = {
  TooFewPositives: (c, r) => `not yet: ${c.positives} of ${r.minPositives} positives`,
  TooFewNegatives: (c, r) => `not yet: ${c.negatives} of ${r.minNegatives} negatives`,
  TooFewPositivesAndNegatives: (c, r) => `not yet: ${c.positives} of ${r.minPositives} positives, ${c.negatives} of ${r.minNegatives} negatives`,
};

/**
 * Shows the section with a button that loads the figures. They are not loaded with the page: the route
 * may train first (after a restart it loads the sentence model and trains, seconds of CPU), which every
 * visit to the lead page would otherwise cost the host, learner or not.
 */
export function setUpLearning(study) {
  const section = document.getElementById('learning-section');
  const button = document.getElementById('learning-show');
  section.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    document.getElementById('learning').textContent = 'Loading (training first if the decisions changed)…';
    await showLearning(study);
    button.disabled = false;
    button.textContent = 'Refresh the learning coder\'s figures';
  });
}

/** The learning route's report and curve as they are: what is learnt per code and how well out of fold. */
async function showLearning(study) {
  const text = document.getElementById('learning');
  const figure = document.getElementById('learning-chart');
  try {
    const r = await api(`studies/${encodeURIComponent(study)}/learning`);
    const uses = r.studyUsesLearner ? 'This study codes with the learning coder.' : 'This study does not code with the learning coder; these figures show what it would use.';
    const p = r.current;
    text.textContent = p
      ? `${uses} ${p.examples} settled segments; ${p.codesSwitchedOn} of ${p.codes} codes learnt` +
        (p.meanKappa === null ? '.' : `, mean out-of-fold kappa ${fixed(p.meanKappa)}.`) + ` ${r.basis}`
      : `${uses} ${r.basis}`;
    figure.querySelector('svg')?.remove();
    const chart = learningCurveChart(r.curve);
    if (chart) figure.prepend(chart);
    figure.hidden = !chart;
    document.getElementById('learning-rows').replaceChildren(...r.codes.map((c) => el('tr', { 'data-code': c.codeId, 'data-learnt': String(c.switchedOn) },
      el('th', { scope: 'row', text: c.name ? `${c.name} (${c.codeId})` : c.codeId }),
      el('td', { text: String(c.positives) }), el('td', { text: String(c.negatives) }),
      el('td', { text: c.switchedOn ? 'learnt' : notYet[c.notLearnt](c, r) }),
      el('td', { text: fixed(c.threshold) }), el('td', { text: fixed(c.precision) }), el('td', { text: fixed(c.recall) }),
      el('td', { text: fixed(c.f1) }), el('td', { text: fixed(c.kappa) }))));
    document.getElementById('learning-table').hidden = r.codes.length === 0;
  } catch (e) {
    text.textContent = '';
    showError(e.message);
  }
}
