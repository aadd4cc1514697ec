import { announce, api, el, showError, sleep } from './common.js';
import { askToConfirm } from './confirm.js';

// The study's recordings for its leads, each with a Delete action that asks first. A deleted
// recording shows "Deleting" while its durable deletion runs, and its row goes when the recording
// answers 404 (nothing of it is left then but the audit trail's record).

const POLL_MS = 2000;

export function setUpRecordings(study) {
  const rows = document.getElementById('lead-recordings');
  const heading = document.getElementById('lead-recordings-heading');
  const summary = document.getElementById('lead-recordings-summary');
  const watched = new Set();

  const rowOf = (id) => [...rows.querySelectorAll('tr')].find((tr) => tr.dataset.recording === id);

  function row(r) {
    const actions = el('td', { class: 'recording-actions' });
    const tr = el('tr', { 'data-recording': r.id, 'data-status': r.status },
      el('th', { scope: 'row', text: r.id }),
      el('td', { text: r.source }),
      el('td', { class: 'status', text: r.status === 'Deleting' ? 'Deleting' : `${r.stage} · ${r.status}` }),
      el('td', { text: new Date(r.createdAt).toLocaleString() }),
      actions);
    if (r.status === 'Deleting') {
      actions.textContent = 'Deleting…';
      watch(r.id);
    } else {
      showDelete(r.id, actions);
    }
    return tr;
  }

  function showDelete(id, actions) {
    const button = el('button', { type: 'button', class: 'secondary', text: 'Delete', 'aria-label': `Delete ${id}`, onclick: () => confirmDeletion(id, actions) });
    actions.replaceChildren(button);
    return button;
  }

  function confirmDeletion(id, actions) {
    askToConfirm(actions, {
      label: `Confirm deletion of ${id}`,
      question: `Delete ${id}? Its audio, transcripts, decisions and codes are erased for good; this cannot be undone.`,
      yes: `Yes, delete ${id}`,
      onYes: () => remove(id, actions),
      onCancel: () => showDelete(id, actions).focus(),
    });
  }

  async function remove(id, actions) {
    try {
      await api(`recordings/${encodeURIComponent(id)}`, { method: 'DELETE' });
    } catch (e) {
      announce('');
      showError(e.message);
      showDelete(id, actions).focus();
      return;
    }
    showError('');
    markDeleting(id);
    // The row's buttons are gone: the focus goes somewhere that stays.
    heading.focus();
    announce(`Deleting ${id}…`);
  }

  /** Shows the row as being deleted; quiet when something else (a withdrawal) tells the outcome. */
  function markDeleting(id, { quiet = false } = {}) {
    const tr = rowOf(id);
    if (!tr || watched.has(id)) return;
    tr.dataset.status = 'Deleting';
    tr.querySelector('.status').textContent = 'Deleting';
    tr.querySelector('.recording-actions').textContent = 'Deleting…';
    watch(id, quiet);
  }

  /** Polls the recording until it answers 404, then removes its row. */
  async function watch(id, quiet = false) {
    if (watched.has(id)) return;
    watched.add(id);
    try {
      for (;;) {
        await sleep(POLL_MS);
        try {
          await api(`recordings/${encodeURIComponent(id)}`);
        } catch (e) {
          if (e.status === 404) break;
          showError(e.message);
        }
      }
    } finally {
      watched.delete(id);
    }
    const focusWasInRow = rowOf(id)?.contains(document.activeElement);
    rowOf(id)?.remove();
    describe();
    if (!quiet) announce(`${id} was deleted: nothing of it is left.`);
    if (focusWasInRow) heading.focus();
  }

  function describe() {
    const count = rows.querySelectorAll('tr[data-recording]').length;
    summary.textContent = count ? `${count} recording${count === 1 ? '' : 's'}.` : 'No recordings in this study.';
  }

  async function load() {
    const list = await api(`studies/${encodeURIComponent(study)}/recordings`);
    rows.replaceChildren(...list.map(row));
    describe();
    return list;
  }

  return { load, markDeleting };
}
