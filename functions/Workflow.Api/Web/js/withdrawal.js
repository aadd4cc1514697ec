import { announce, api, apiPath, el, showError, sleep } from './common.js';
import { askToConfirm } from './confirm.js';

// Consent withdrawal for a study's leads: a participant id, a confirmation, and, when the API
// answers 409 because the participant shares group recordings with others, the lead's choice for
// them (delete the whole recording or keep it) before the request is sent again. Then the status
// URL is polled until every recording of the participant is gone.

const POLL_MS = 2000;

export function setUpWithdrawal(study, { recordingIds, onDeleting }) {
  const form = document.getElementById('withdrawal-form');
  const input = document.getElementById('withdraw-participant');
  const actions = document.getElementById('withdrawal-actions');
  const choice = document.getElementById('group-choice-form');
  const groupList = document.getElementById('group-recordings');
  const progress = document.getElementById('withdrawal-progress');
  const progressList = document.getElementById('withdrawal-recordings');
  const outcome = document.getElementById('withdrawal-outcome');
  const submit = () => actions.querySelector('button[type=submit]');
  const restoreActions = () => {
    actions.replaceChildren(el('button', { type: 'submit', id: 'withdraw', text: 'Withdraw consent…' }));
    submit().focus();
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const participant = input.value.trim();
    if (!participant) {
      announce('');
      showError('Give the participant id, such as P017.');
      input.focus();
      return;
    }
    showError('');
    choice.hidden = true;
    askToConfirm(actions, {
      label: `Confirm the withdrawal of ${participant}`,
      question: `Withdraw ${participant}? Every recording of ${participant} is deleted; this cannot be undone.`,
      yes: `Yes, withdraw ${participant}`,
      onYes: () => withdraw(participant),
      onCancel: restoreActions,
    });
  });

  choice.addEventListener('submit', (e) => {
    e.preventDefault();
    const picked = choice.querySelector('input[name=groupRecordings]:checked');
    if (!picked) {
      showError('Choose whether to delete or keep the group recordings.');
      choice.querySelector('input[name=groupRecordings]').focus();
      return;
    }
    withdraw(choice.dataset.participant, picked.value);
  });
  document.getElementById('group-choice-cancel').addEventListener('click', () => { choice.hidden = true; restoreActions(); });
  choice.addEventListener('keydown', (e) => { if (e.key === 'Escape') { choice.hidden = true; restoreActions(); } });

  async function withdraw(participant, groupRecordings) {
    let answer;
    try {
      answer = await api(`studies/${encodeURIComponent(study)}/participants/${encodeURIComponent(participant)}/withdrawal`,
        { method: 'POST', json: groupRecordings ? { groupRecordings } : undefined });
    } catch (e) {
      if (e.status === 409 && !groupRecordings) return await askAboutGroups(participant, e.message);
      announce('');
      showError(e.message);
      restoreActions();
      return;
    }
    showError('');
    choice.hidden = true;
    restoreActions();
    input.value = '';
    await follow(answer);
  }

  /** The 409 names the group recordings in its words; the ones on the study's list are shown as a list. */
  async function askAboutGroups(participant, detail) {
    const named = (await recordingIds()).filter((id) => detail.includes(id));
    choice.dataset.participant = participant;
    document.getElementById('group-question').textContent = named.length
      ? `${participant} is also in ${named.length === 1 ? 'a group recording' : `${named.length} group recordings`} with other participants. Nothing has been deleted yet: choose what happens to ${named.length === 1 ? 'it' : 'them'}.`
      : detail;
    groupList.replaceChildren(...named.map((id) => el('li', { 'data-recording': id, text: id })));
    choice.querySelectorAll('input[name=groupRecordings]').forEach((r) => { r.checked = false; });
    document.getElementById('group-choice-submit').textContent = `Withdraw ${participant}`;
    actions.replaceChildren();
    choice.hidden = false;
    announce(`${participant} is in group recordings with others: choose whether to delete or keep them.`);
    choice.querySelector('input[name=groupRecordings]').focus();
  }

  /** Shows each recording's state from the status URL every two seconds until the withdrawal is complete. */
  let following = 0;
  async function follow(answer) {
    // A later withdrawal takes the progress area over; the earlier loop stops at its next turn.
    const mine = ++following;
    progress.hidden = false;
    progress.dataset.complete = 'false';
    outcome.textContent = '';
    let state = answer;
    for (;;) {
      show(state);
      onDeleting(state.recordings.filter((r) => r.state === 'Deleting').map((r) => r.recordingId));
      if (state.complete) break;
      await sleep(POLL_MS);
      if (mine !== following) return;
      try {
        state = await api(apiPath(state.statusUrl));
      } catch (e) {
        showError(e.message);
      }
    }
    progress.dataset.complete = 'true';
    const deleted = state.recordings.length, kept = state.keptGroupRecordings.length;
    const words = `Nothing of ${state.participantId} is left: ${deleted} recording${deleted === 1 ? '' : 's'} deleted`
      + (kept ? `; ${kept} group recording${kept === 1 ? '' : 's'} kept.` : '.');
    outcome.textContent = words;
    announce(words);
  }

  function show(state) {
    document.getElementById('withdrawal-who').textContent =
      `${state.participantId} withdrew consent (recorded ${new Date(state.withdrawnAt).toLocaleString()} by ${state.withdrawnBy}).`;
    progressList.replaceChildren(
      ...state.recordings.map((r) => el('li', { 'data-recording': r.recordingId, 'data-state': r.state, text: `${r.recordingId}: ${r.state}` })),
      ...state.keptGroupRecordings.map((id) => el('li', { 'data-recording': id, 'data-state': 'Kept', text: `${id}: group recording kept` })));
  }
}
