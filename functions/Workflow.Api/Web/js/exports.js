import { announce, apiResponse, el, showError } from './common.js';
import { askToConfirm } from './confirm.js';

/**
 * The lead page's exports and reports: a file is fetched with the caller's identity and saved with
 * the name the API gives it. An identifiable export needs a purpose (and a participant for a
 * participant's own request) and a confirmation before anything is asked of the API.
 */
export function setUpExports(study) {
  const section = document.getElementById('exports-section');
  const form = document.getElementById('export-form');
  const identifiable = document.getElementById('export-identifiable');
  const fields = document.getElementById('export-identifiable-fields');
  const purpose = document.getElementById('export-purpose');
  const participant = document.getElementById('export-participant');
  const actions = document.getElementById('export-actions');
  section.hidden = false;

  identifiable.addEventListener('change', () => { fields.hidden = !identifiable.checked; });
  const restoreActions = () => {
    actions.replaceChildren(el('button', { type: 'submit', id: 'export-download', text: 'Download export' }));
    actions.querySelector('button').focus();
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const query = new URLSearchParams();
    if (!document.getElementById('export-memos').checked) query.set('memos', 'false');
    const format = document.getElementById('export-format').value;
    const path = `studies/${encodeURIComponent(study)}/exports/${format}`;
    if (!identifiable.checked) {
      download(`${path}?${query}`, `${study}-${format}`);
      return;
    }
    const who = participant.value.trim();
    if (!purpose.value) return refuse('Choose the purpose of the identifiable export.', purpose);
    if (purpose.value === 'participant-request' && !who) return refuse("A participant's request needs their participant id, such as P017.", participant);
    query.set('identifiable', 'true');
    query.set('purpose', purpose.value);
    if (who) query.set('participant', who);
    showError('');
    askToConfirm(actions, {
      label: 'Confirm the identifiable export',
      question: `This file will hold the real names and places behind the labels${who ? ` in ${who}'s recordings` : ''}. It is recorded in the audit trail with its purpose. Download it?`,
      yes: 'Yes, download identifiable',
      onYes: async () => { await download(`${path}?${query}`, `${study}-IDENTIFIABLE-${format}`); restoreActions(); },
      onCancel: restoreActions,
    });
  });

  for (const button of section.querySelectorAll('button[data-report]'))
    button.addEventListener('click', () => download(`studies/${encodeURIComponent(study)}/${button.dataset.report}`, `${study}-${button.dataset.name}`));

  function refuse(message, control) {
    announce('');
    showError(message);
    control.focus();
  }
}

/** The file name a Content-Disposition header gives (RFC 6266: filename* first), or null. */
function fileName(disposition) {
  if (!disposition) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try { return decodeURIComponent(extended[1]); } catch { /* fall through to filename= */ }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
}

/** Fetches a file from the API and saves it under the name its Content-Disposition gives, or the fallback. */
async function download(path, fallbackName) {
  showError('');
  announce('Preparing the file…');
  let response;
  try {
    response = await apiResponse(path);
  } catch (e) {
    announce('');
    showError(e.message);
    return;
  }
  const name = fileName(response.headers.get('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  announce(`Downloaded ${name}.`);
}
