import { announce, api, el, showError } from './common.js';

// Naming a recording's diarized speakers (PUT /api/recordings/{id}/speakers). Only roles and the
// upload's participant ids are offered, as choices rather than a text field: a typed name could be a
// participant's real one, and the API refuses free text anyway.

export function setUpSpeakerNames() {
  const form = document.getElementById('speakers-form');
  const recording = document.getElementById('speakers-recording');
  const list = document.getElementById('speakers-list');
  const save = document.getElementById('speakers-save');
  let offered = '';
  let shown = null;

  /** Keeps the recording choice in step with the dashboard's list without losing the one chosen. */
  function offer(recordings) {
    const ids = recordings.map((r) => r.id);
    if (ids.join('\n') === offered) return;
    offered = ids.join('\n');
    const chosen = recording.value;
    recording.replaceChildren(...ids.map((id) => el('option', { value: id, text: id })));
    if (ids.includes(chosen)) recording.value = chosen;
  }

  function choices(view) {
    const positional = view.participants.map((_, i) => `P${i + 1}`);
    const participants = [...new Set([...view.participants, ...positional])];
    return [el('option', { value: '', text: '(not named)' }),
      el('optgroup', { label: 'Participants' }, participants.map((p) => el('option', { value: p, text: p }))),
      el('optgroup', { label: 'Roles' }, view.roles.map((r) => el('option', { value: r, text: r })))];
  }

  function render(view) {
    shown = view;
    list.replaceChildren(...view.speakers.map((speaker, i) => {
      const select = el('select', { id: `speaker-name-${i}`, 'data-speaker': speaker }, ...choices(view));
      select.value = view.names[speaker] ?? '';
      return el('p', {}, el('label', { for: select.id, text: `Name for ${speaker}` }), select);
    }));
    save.hidden = view.speakers.length === 0;
  }

  async function load() {
    if (!recording.value) { showError('Choose a recording first.'); recording.focus(); return; }
    showError('');
    try {
      render(await api(`recordings/${encodeURIComponent(recording.value)}/speakers`));
      announce(`${shown.speakers.length} speaker(s) in ${shown.recordingId}.`);
      list.querySelector('select')?.focus();
    } catch (e) {
      showError(e.message);
      recording.focus();
    }
  }

  async function store(event) {
    event.preventDefault();
    if (!shown) return;
    const names = {};
    for (const select of list.querySelectorAll('select')) if (select.value) names[select.dataset.speaker] = select.value;
    showError('');
    try {
      render(await api(`recordings/${encodeURIComponent(shown.recordingId)}/speakers`, { method: 'PUT', json: names }));
      const said = Object.entries(shown.names).map(([s, n]) => `${s} is ${n}`).join('; ');
      announce(said ? `Saved: ${said}.` : 'Saved: no speaker is named.');
    } catch (e) {
      showError(`Not saved: ${e.message}`);
    }
    save.focus();
  }

  document.getElementById('speakers-load').addEventListener('click', load);
  form.addEventListener('submit', store);
  return { offer };
}
