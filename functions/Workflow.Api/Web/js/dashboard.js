import { ApiError, api, announce, currentStudy, el, isLeadOf, progressWords, setUpPage, showError, sleep } from './common.js';
import { setUpSpeakerNames } from './speaker-names.js';

const me = await setUpPage();
const study = currentStudy();
const lead = isLeadOf(me, study);
const body = document.getElementById('recordings');
const queue = document.getElementById('queue-summary');
const refreshed = document.getElementById('refreshed');
let lastAnnounced = '';
let refreshFailed = false;
const speakerNames = setUpSpeakerNames();

/** What a row shows; a row is rebuilt only when this changes, so a focused Retry button keeps focus across refreshes. */
const signature = (r) => JSON.stringify([r.source, r.stage, r.status, r.progress, r.error, r.createdAt]);

function row(r) {
  const progress = r.progress
    ? el('span', {}, el('progress', { max: r.progress.total || 1, value: r.progress.done, 'aria-label': `${r.id} ${progressWords(r).what} progress` }), ` ${progressWords(r).text}`)
    : el('span', { class: 'hint', text: '—' });
  const error = el('td', { class: r.error ? 'error' : '', text: r.error ?? '' });
  if (r.status === 'Failed' && lead && r.stage !== 'Received' && r.stage !== 'Ingesting') {
    error.append(' ', el('button', { type: 'button', class: 'retry', 'data-retry': r.id, 'aria-label': `Retry ${r.id} from ${r.stage}`, text: 'Retry' }));
  }
  return el('tr', { 'data-recording': r.id, 'data-stage': r.stage, 'data-status': r.status, 'data-signature': signature(r) },
    el('th', { scope: 'row', text: r.id }),
    el('td', { text: r.source }),
    el('td', { class: 'stage', text: r.stage }),
    el('td', { class: 'status', text: r.status }),
    el('td', {}, progress),
    error,
    el('td', { text: new Date(r.createdAt).toLocaleString() }));
}

/** Replaces only the rows whose content changed, in the order the API gives. */
function showRecordings(recordings) {
  if (!recordings.length) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 7, class: 'hint', text: 'No recordings in this study yet.' })));
    return;
  }
  const existing = new Map([...body.querySelectorAll('tr[data-recording]')].map((tr) => [tr.dataset.recording, tr]));
  const rows = recordings.map((r) => {
    const old = existing.get(r.id);
    return old && old.dataset.signature === signature(r) ? old : row(r);
  });
  rows.forEach((tr, i) => { if (body.children[i] !== tr) body.insertBefore(tr, body.children[i] ?? null); });
  while (body.children.length > rows.length) body.lastElementChild.remove();
}

function showQueue(q) {
  const facts = [['Pending', String(q.pending)]];
  for (const [kind, count] of Object.entries(q.pendingByKind)) facts.push([kindName(kind), String(count)]);
  facts.push(['Claimed now', String(q.claimed)], ['Coders working', q.activeCoders.length ? q.activeCoders.join(', ') : 'nobody']);
  queue.replaceChildren(...facts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { 'data-fact': k, text: v })]));
}

const kindName = (kind) => ({ Redaction: 'Redaction checks', CodeSuggestion: 'Code suggestions', TranscriptCheck: 'Transcript checks' })[kind] ?? kind;

async function retry(button) {
  const id = button.dataset.retry;
  button.disabled = true;
  try {
    const started = await api(`recordings/${encodeURIComponent(id)}/retry`, { method: 'POST' });
    announce(`Retrying ${id} from ${String(started.stage).toLowerCase()}${started.alreadyStarted ? ' (already started)' : ''}.`);
    showError('');
  } catch (e) {
    showError(e instanceof ApiError ? `Could not retry ${id}: ${e.message}` : String(e));
    button.disabled = false;
  }
}

body.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-retry]');
  if (button) retry(button);
});

async function refresh() {
  const [recordings, summary] = await Promise.all([
    api(`studies/${encodeURIComponent(study)}/recordings`),
    api(`studies/${encodeURIComponent(study)}/queue`),
  ]);
  showRecordings(recordings);
  showQueue(summary);
  speakerNames.offer(recordings);
  refreshed.textContent = `Last refreshed ${new Date().toLocaleTimeString()}.`;
  // Announce only changes, so a screen reader is not read the same table every two seconds.
  const words = `${recordings.length} recordings; ${recordings.filter((r) => r.status === 'Completed').length} completed; ${recordings.filter((r) => r.status === 'Failed').length} failed; ${summary.pending} items waiting.`;
  if (words !== lastAnnounced) { announce(words); lastAnnounced = words; }
}

if (!study) {
  showError('Choose a study above.');
} else {
  for (;;) {
    try {
      await refresh();
      // Clear only a refresh's own error; a refused retry stays shown until the next action.
      if (refreshFailed) { showError(''); refreshFailed = false; }
    } catch (e) {
      showError(e.message);
      refreshFailed = true;
    }
    await sleep(2000);
  }
}
