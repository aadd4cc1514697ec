import { announce, api, el, showError } from './common.js';

// The coder's decisions in this session, newest first, each with a way to change it. A change is a
// newer decision through the revision route: the API keeps the earlier one in the item's history, so
// nothing here overwrites anything. Only items the API offers a revision address for are listed
// (a reconciliation is changed by revising the proposal it settled, which a lead does from here too).

const LIMIT = 50;

/**
 * `words` gives the page's names: `label(action, view)` for a choice, `done(action)` for a decision made,
 * `what(view)` for the item ("code Peer support", "redaction [PERSON_2]"), `codeGroups()` the codebook's
 * codes as option groups. `onClose` returns the focus to the queue when the form closes.
 */
export function setUpHistory(words, onClose) {
  const panel = document.getElementById('history-panel');
  const rows = document.getElementById('history');
  const form = document.getElementById('revise-form');
  const heading = document.getElementById('revise-heading');
  const actionSelect = document.getElementById('revise-action');
  const codeBox = document.getElementById('revise-code-box');
  const codeSelect = document.getElementById('revise-code');
  const memo = document.getElementById('revise-memo');
  const textBox = document.getElementById('revise-text-box');
  const text = document.getElementById('revise-text');
  const entries = [];
  let editing = null;
  let saving = false;

  const described = (entry) => `${words.done(entry.action)}${entry.codeIds?.length ? `: ${entry.codeIds.map(words.codeName).join(', ')}` : ''}`;

  function render() {
    panel.hidden = entries.length === 0;
    rows.replaceChildren(...entries.map((entry) => el('tr', { 'data-item': entry.view.id },
      el('th', { scope: 'row', text: words.what(entry.view) }),
      el('td', { text: entry.view.recordingId }),
      el('td', { 'data-decision': entry.action, text: described(entry) + (entry.revisions ? ` (changed ${entry.revisions}×)` : '') }),
      el('td', {}, el('button', { type: 'button', class: 'secondary', 'aria-label': `Change the decision on ${words.what(entry.view)}`, onclick: () => open(entry) }, 'Change…')))));
  }

  /** After a decision is stored: the item joins the top of the list (once). */
  function record(view, action, codeIds, correctedText) {
    if (!view.revisionUrl) return;
    const at = entries.findIndex((e) => e.view.id === view.id);
    if (at >= 0) entries.splice(at, 1);
    entries.unshift({ view, action, codeIds, correctedText, revisions: 0 });
    entries.length = Math.min(entries.length, LIMIT);
    render();
  }

  function open(entry) {
    editing = entry;
    const allowed = entry.view.allowedActions.map((a) => a.toLowerCase());
    actionSelect.replaceChildren(...allowed.map((a) => el('option', { value: a, text: words.label(a, entry.view) })));
    // The choice most likely meant: anything but what is in force now.
    actionSelect.value = allowed.find((a) => a !== entry.action) ?? allowed[0];
    codeSelect.replaceChildren(...words.codeGroups());
    if (entry.view.suggestion?.codeId) codeSelect.value = entry.view.suggestion.codeId;
    memo.value = '';
    // A new correction starts from the last one written here, else from the passage as recognised.
    text.value = entry.correctedText ?? entry.view.context ?? '';
    showCodeBox();
    heading.textContent = `Change the decision on ${words.what(entry.view)} (now ${described(entry).toLowerCase()})`;
    form.hidden = false;
    actionSelect.focus();
    announce(`${heading.textContent}. Choose the new decision, then press Enter; Escape cancels.`);
  }

  function showCodeBox() {
    codeBox.hidden = actionSelect.value !== 'edit';
    textBox.hidden = actionSelect.value !== 'correct';
  }

  function close(message) {
    form.hidden = true;
    editing = null;
    if (message) announce(message);
    onClose();
  }

  async function save(event) {
    event.preventDefault();
    if (!editing || saving) return;
    const entry = editing;
    const action = actionSelect.value;
    const body = { action };
    if (action === 'edit') body.codeIds = [codeSelect.value];
    if (action === 'correct') {
      if (!text.value.trim()) { showError('Write the corrected text, or choose to confirm the text as it is.'); text.focus(); return; }
      body.correctedText = text.value.trim();
    }
    if (memo.value.trim()) body.note = memo.value.trim();
    saving = true;
    showError('');
    try {
      await api(entry.view.revisionUrl.replace(/^\/api\//, ''), { method: 'POST', json: body });
      entry.action = action;
      entry.codeIds = body.codeIds;
      entry.correctedText = body.correctedText ?? entry.correctedText;
      entry.revisions++;
      render();
      close(`Changed: ${words.what(entry.view)} is now ${described(entry).toLowerCase()}; the earlier decision is kept in its history.`);
    } catch (e) {
      // The form stays open with the choice, so the coder can read why and cancel or try again.
      showError(`Not changed: ${e.message}`);
      actionSelect.focus();
    } finally {
      saving = false;
    }
  }

  actionSelect.addEventListener('change', showCodeBox);
  form.addEventListener('submit', save);
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { e.preventDefault(); close('Nothing changed.'); }
    // Enter on a choice saves, as it does in the queue's own edit box.
    if (e.key === 'Enter' && (e.target instanceof HTMLSelectElement || (e.target === text && !e.shiftKey))) { e.preventDefault(); form.requestSubmit(); }
  });
  document.getElementById('revise-cancel').addEventListener('click', () => close('Nothing changed.'));

  return {
    record,
    /** B: change the newest decision; false when there is none. */
    reviseLast: () => (entries.length ? (open(entries[0]), true) : false),
  };
}
