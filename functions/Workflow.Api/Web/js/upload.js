import { announce, api, currentStudy, el, identityHeaders, progressWords, setUpPage, showError, sleep } from './common.js';
import { DIRECT_ABOVE_BYTES, sendDirect } from './direct-upload.js';

await setUpPage();
const study = currentStudy();
const ROLES = ['ServiceUser', 'Carer', 'Worker', 'Manager', 'Commissioner', 'Other'];
const form = document.getElementById('upload-form');
const rows = document.getElementById('participant-rows');
const list = document.getElementById('uploads');
let participantCount = 0;

function addParticipant(focus) {
  const n = ++participantCount;
  const id = el('input', { type: 'text', id: `participant-${n}-id`, class: 'participant-id', autocomplete: 'off', 'aria-describedby': 'participants-hint' });
  const role = el('select', { id: `participant-${n}-role`, class: 'participant-role' }, ROLES.map((r) => el('option', { value: r, text: r })));
  const row = el('div', { class: 'participant' },
    el('div', {}, el('label', { for: id.id, text: `Participant ${n} code` }), id),
    el('div', {}, el('label', { for: role.id, text: `Participant ${n} role` }), role),
    el('button', { type: 'button', class: 'secondary', text: `Remove participant ${n}`, onclick: () => { row.remove(); document.getElementById('add-participant').focus(); } }));
  rows.append(row);
  if (focus) id.focus();
}

addParticipant(false);
document.getElementById('add-participant').addEventListener('click', () => addParticipant(true));

/** The form as the upload route's fields (see UploadMetadataParser). */
function fields() {
  const value = (name) => form.elements[name].value.trim();
  const participants = [...rows.querySelectorAll('.participant')]
    .map((r) => [r.querySelector('.participant-id').value.trim(), r.querySelector('.participant-role').value])
    .filter(([id]) => id).map(([id, role]) => `${id}:${role}`).join(', ');
  const out = {
    siteId: value('siteId'),
    format: form.querySelector('input[name=format]:checked').value,
    participants,
    interviewer: value('interviewer'),
    recordedOn: value('recordedOn'),
    language: value('language'),
    notes: value('notes'),
  };
  for (const flag of ['consentRecording', 'consentTranscription', 'consentQuotation', 'consentArchiving'])
    out[flag] = form.elements[flag].checked ? 'true' : 'false';
  return out;
}

/** Sends one file with XMLHttpRequest, whose upload events give a real progress bar. */
function send(file, values, onProgress) {
  return new Promise((resolve) => {
    const data = new FormData();
    data.append('file', file, file.name);
    for (const [k, v] of Object.entries(values)) if (v !== '') data.append(k, v);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/studies/${encodeURIComponent(study)}/recordings`);
    for (const [k, v] of Object.entries(identityHeaders())) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable) onProgress(e.loaded, e.total); });
    xhr.addEventListener('load', () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      resolve({ status: xhr.status, body });
    });
    xhr.addEventListener('error', () => resolve({ status: 0, body: { detail: 'The upload could not reach the server.' } }));
    xhr.send(data);
  });
}

async function follow(recordingId, state) {
  for (;;) {
    try {
      const r = await api(`recordings/${encodeURIComponent(recordingId)}`);
      const words = r.progress ? `${r.stage}, ${r.status}: ${progressWords(r).text}` : `${r.stage}, ${r.status}`;
      state.textContent = r.error ? `${words}. ${r.error}` : words;
      state.dataset.stage = r.stage;
      state.dataset.status = r.status;
      if (r.status === 'Completed' || r.status === 'Failed') return;
    } catch (e) {
      state.textContent = e.message;
    }
    await sleep(1000);
  }
}

async function uploadOne(file, values, item) {
  const bar = el('progress', { max: file.size || 1, value: 0, 'aria-label': `Upload progress of ${file.name}` });
  const state = el('span', { class: 'state', text: 'Uploading…' });
  item.append(el('strong', { text: file.name }), ' ', bar, ' ', state);
  const progress = (loaded, total) => { bar.max = total; bar.value = loaded; };
  const { status, body } = file.size > DIRECT_ABOVE_BYTES
    ? await sendDirect(study, file, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')), progress)
    : await send(file, values, progress);
  bar.value = bar.max;
  if (status !== 202 && status !== 200) {
    state.className = 'state error';
    state.textContent = body?.detail ?? body?.title ?? `The upload failed (${status}).`;
    return false;
  }
  item.dataset.recording = body.recordingId;
  item.append(' ', el('a', { href: `dashboard.html?study=${encodeURIComponent(study)}`, text: body.recordingId }));
  state.textContent = body.duplicate ? 'Already uploaded: this study has this file.' : 'Received.';
  follow(body.recordingId, state);
  return true;
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  showError('');
  const files = [...form.elements.files.files];
  if (!study) { showError('Choose a study above before uploading.'); document.getElementById('study-id').focus(); return; }
  if (files.length === 0) { showError('Choose at least one file.'); form.elements.files.focus(); return; }
  const values = fields();
  const button = document.getElementById('upload-button');
  button.disabled = true;
  list.replaceChildren();
  announce(`Uploading ${files.length} file${files.length === 1 ? '' : 's'}…`);
  document.getElementById('uploads-heading').focus();
  const results = await Promise.all(files.map((file) => {
    const item = el('li', {});
    list.append(item);
    return uploadOne(file, values, item);
  }));
  button.disabled = false;
  const ok = results.filter(Boolean).length;
  announce(`${ok} of ${files.length} uploaded; stages update below.`);
  if (ok < files.length) showError('Some uploads were refused; the reason is shown beside each file.');
});
