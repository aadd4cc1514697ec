import { api, announce, currentStudy, el, setUpPage, showError, sleep } from './common.js';
import { setUpSpeakerNames } from './speaker-names.js';

await setUpPage();
const study = currentStudy();
const body = document.getElementById('recordings');
const queue = document.getElementById('queue-summary');
const refreshed = document.getElementById('refreshed');
let lastAnnounced = '';
const speakerNames = setUpSpeakerNames();

function row(r) {
  const progress = r.progress
    ? el('span', {}, el('progress', { max: r.progress.total || 1, value: r.progress.done, 'aria-label': `${r.id} verification progress` }), ` ${r.progress.done} of ${r.progress.total} decided`)
    : el('span', { class: 'hint', text: '—' });
  return el('tr', { 'data-recording': r.id, 'data-stage': r.stage, 'data-status': r.status },
    el('th', { scope: 'row', text: r.id }),
    el('td', { text: r.source }),
    el('td', { class: 'stage', text: r.stage }),
    el('td', { class: 'status', text: r.status }),
    el('td', {}, progress),
    el('td', { class: r.error ? 'error' : '', text: r.error ?? '' }),
    el('td', { text: new Date(r.createdAt).toLocaleString() }));
}

function showQueue(q) {
  const facts = [['Pending', String(q.pending)]];
  for (const [kind, count] of Object.entries(q.pendingByKind)) facts.push([kindName(kind), String(count)]);
  facts.push(['Claimed now', String(q.claimed)], ['Coders working', q.activeCoders.length ? q.activeCoders.join(', ') : 'nobody']);
  queue.replaceChildren(...facts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { 'data-fact': k, text: v })]));
}

const kindName = (kind) => ({ Redaction: 'Redaction checks', CodeSuggestion: 'Code suggestions', TranscriptCheck: 'Transcript checks' })[kind] ?? kind;

async function refresh() {
  const [recordings, summary] = await Promise.all([
    api(`studies/${encodeURIComponent(study)}/recordings`),
    api(`studies/${encodeURIComponent(study)}/queue`),
  ]);
  body.replaceChildren(...(recordings.length ? recordings.map(row) : [el('tr', {}, el('td', { colspan: 7, class: 'hint', text: 'No recordings in this study yet.' }))]));
  showQueue(summary);
  speakerNames.offer(recordings);
  refreshed.textContent = `Last refreshed ${new Date().toLocaleTimeString()}.`;
  // Announce only changes, so a screen reader is not read the same table every two seconds.
  const words = `${recordings.length} recordings; ${recordings.filter((r) => r.status === 'Completed').length} completed; ${summary.pending} items waiting.`;
  if (words !== lastAnnounced) { announce(words); lastAnnounced = words; }
}

if (!study) {
  showError('Choose a study above.');
} else {
  for (;;) {
    try {
      await refresh();
      showError('');
    } catch (e) {
      showError(e.message);
    }
    await sleep(2000);
  }
}
