import { setUpHistory } from './coder-history.js';
import { announce, api, apiResponse, currentStudy, el, setUpPage, showError } from './common.js';

// The verification queue, keyboard first. Every action has a key (shown on the page and on its
// button); keys are ignored while the focus is in a text field, so a memo can be typed freely.
const KEYS = { accept: 'a', reject: 'r', edit: 'e', confirm: 'c', undo: 'u', correct: 't' };
const LABELS = { accept: 'Accept code', reject: 'Reject code', edit: 'Edit code', confirm: 'Confirm redaction', undo: 'Undo redaction', correct: 'Correct the text' };
const DONE = { accept: 'Accepted', reject: 'Rejected', edit: 'Edited', confirm: 'Confirmed', undo: 'Undone', correct: 'Corrected' };
/** C confirms a redaction or, on a transcript check, the recognised text. */
const labelOf = (action, kind) => (action === 'confirm' && kind === 'TranscriptCheck' ? 'Confirm the text' : LABELS[action]);
const LABEL_PATTERN = /\[[A-Z][A-Z_]*_\d+\]/g;

await setUpPage();
const study = currentStudy();
const claimButton = document.getElementById('claim');
const panel = document.getElementById('item-panel');
const heading = document.getElementById('item-heading');
const editBox = document.getElementById('edit-box');
const editSelect = document.getElementById('edit-code');
const memo = document.getElementById('memo');
const missedText = document.getElementById('missed-text');
const listen = document.getElementById('listen');
const player = document.getElementById('player');
const playTurn = document.getElementById('play-turn');
const correctBox = document.getElementById('correct-box');
const correctText = document.getElementById('correct-text');
// Where playing a transcript check's passage stops (null while a whole turn plays on).
let stopAt = null;
let codebook = null;
let item = null;
// The recording whose de-identified audio the player holds (fetched once, on first play: it can be large).
let loadedAudio = null;
let busy = false;
let decided = 0;
// The claimed segment's proposals (the item alone for a redaction or reconciliation), the coder's
// choice for each so far, the one A/R/E decide next, and codes the coder adds that the engine missed.
let rows = [];
let choices = new Map();
let current = 0;
let added = [];
const addBox = document.getElementById('add-box');
const addSelect = document.getElementById('add-code');

// A lead arrives from the agreement section with ?kind=Reconciliation: claim only disagreements.
const presetKind = new URLSearchParams(location.search).get('kind');
if (presetKind && [...document.getElementById('filter-kind').options].some((o) => o.value === presetKind)) {
  document.getElementById('filter-kind').value = presetKind;
}

const codeOf = (id) => codebook?.codes.find((c) => c.id === id);

/** The codebook's codes as option groups by theme, for every code choice on the page. */
function codeGroups() {
  const themes = codebook?.codes.filter((c) => c.level === 1) ?? [];
  return themes.map((t) => el('optgroup', { label: t.name },
    codebook.codes.filter((c) => c.level === 2 && c.parent === t.id).map((c) => el('option', { value: c.id, text: `${c.name} (${c.id})` }))));
}

async function loadCodebook() {
  try {
    codebook = await api(`studies/${encodeURIComponent(study)}/codebook`);
    editSelect.replaceChildren(...codeGroups());
    addSelect.replaceChildren(...codeGroups());
    document.getElementById('filter-code').replaceChildren(el('option', { value: '', text: 'Any code' }), ...codeGroups());
  } catch (e) {
    showError(`The codebook could not be loaded: ${e.message}`);
  }
}

/** The excerpt with pseudonym labels marked, the focal one (a redaction's) marked as such. */
function withLabels(text, focal) {
  const nodes = [];
  let at = 0;
  for (const m of text.matchAll(LABEL_PATTERN)) {
    nodes.push(text.slice(at, m.index));
    const isFocal = m[0] === focal;
    nodes.push(el('mark', { class: isFocal ? 'redaction focal' : 'redaction', title: isFocal ? 'The redaction to check' : 'Redacted' , text: m[0] }));
    at = m.index + m[0].length;
  }
  nodes.push(text.slice(at));
  return nodes;
}

/** The context with the evidence of a proposed code highlighted (found case-insensitively). */
function context(view) {
  const text = view.context ?? '';
  const evidence = view.suggestion?.evidence;
  const at = evidence ? text.toLowerCase().indexOf(evidence.toLowerCase()) : -1;
  if (at < 0) return withLabels(text, view.redaction?.label);
  return [
    ...withLabels(text.slice(0, at)),
    el('mark', { class: 'evidence', title: 'Evidence for the proposed code' }, ...withLabels(text.slice(at, at + evidence.length))),
    ...withLabels(text.slice(at + evidence.length)),
  ];
}

function facts(view) {
  const rows = [['Kind', KIND_NAMES[view.kind] ?? view.kind], ['Recording', view.recordingId]];
  if (view.suggestion) {
    const s = view.suggestion;
    const code = codeOf(s.codeId);
    rows.push(['Proposed code', code ? `${code.name} (${s.codeId})` : s.codeId],
      ['Confidence', `${Math.round(s.confidence * 100)}%`], ['Evidence', `“${s.evidence}”`],
      ['Engine', `${s.engine}, codebook version ${s.codebookVersion}`]);
  }
  if (view.reconciles) {
    const side = (c) => `${c.decidedBy}: ${c.action.toLowerCase()}, ${c.codes.length ? c.codes.map((id) => codeOf(id)?.name ?? id).join(', ') : 'no code'}${c.note ? ` (memo: ${c.note})` : ''}`;
    rows.push(['First coder', side(view.reconciles.first)], ['Second coder', side(view.reconciles.second)]);
  }
  if (view.passage) {
    rows.push(['Recogniser confidence', `${Math.round(view.passage.meanConfidence * 100)}% on average over ${view.passage.words} words`],
      ['Passage', `${clock(view.passage.startSeconds)} to ${clock(view.passage.endSeconds)}`]);
  }
  if (view.redaction) {
    const r = view.redaction;
    rows.push(['Label', r.label], ['Identifier kind', r.kind], ['Words it hides', r.originalText ?? '(not available)'],
      ['Confidence', `${Math.round(r.confidence * 100)}%`], ['Found by', r.recognizer]);
  }
  const place = view.place;
  if (place?.speaker) rows.push(['Speaker', place.speaker]);
  if (place?.startSeconds != null) rows.push(['Time', `${clock(place.startSeconds)} to ${clock(place.endSeconds ?? place.startSeconds)}`]);
  if (view.leaseExpiresAt) rows.push(['Yours until', new Date(view.leaseExpiresAt).toLocaleTimeString()]);
  return rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { 'data-fact': k, text: v })]);
}

/** Seconds as m:ss (h:mm:ss past the hour), as a player shows them. */
function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const [h, m, r] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const pad = (n) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(r)}` : `${m}:${pad(r)}`;
}

/**
 * Plays the item's turn (a transcript check: only its passage, stopping at its end) from the de-identified recording. The audio is fetched through the API
 * (with the page's sign-in) the first time a turn of that recording is played, then kept.
 */
async function playItemTurn() {
  const place = item?.place;
  if (!place?.audioUrl) return;
  try {
    if (loadedAudio?.recordingId !== item.recordingId) {
      const response = await apiResponse(place.audioUrl.replace(/^\/api\//, ''));
      const blob = await response.blob();
      if (loadedAudio) URL.revokeObjectURL(loadedAudio.url);
      loadedAudio = { recordingId: item.recordingId, url: URL.createObjectURL(blob) };
      const ready = new Promise((resolve, reject) => {
        player.addEventListener('loadedmetadata', resolve, { once: true });
        player.addEventListener('error', () => reject(new Error('The de-identified recording could not be played.')), { once: true });
      });
      player.src = loadedAudio.url;
      player.load();
      await ready;
    }
    const passage = item.passage;
    player.currentTime = passage?.startSeconds ?? place.startSeconds ?? 0;
    stopAt = passage ? passage.endSeconds : null;
    await player.play();
    announce(`Playing from ${clock(player.currentTime)}.`);
  } catch (e) {
    showError(e.message);
  }
}

player.addEventListener('timeupdate', () => {
  if (stopAt != null && player.currentTime >= stopAt) { player.pause(); stopAt = null; }
});

function showListen(view) {
  listen.hidden = !view.place?.audioUrl;
  playTurn.firstChild.textContent = view.passage ? 'Play this passage ' : 'Play this turn ';
  if (!listen.hidden && loadedAudio && loadedAudio.recordingId !== view.recordingId) player.pause();
}

function definition(view) {
  const box = document.getElementById('definition');
  if (view.kind === 'Redaction') {
    box.replaceChildren(el('p', { text: 'Confirm keeps these words hidden behind the label. Undo restores them in the final transcript: undo only when they do not identify anyone.' }));
    return;
  }
  if (view.kind === 'TranscriptCheck') {
    box.replaceChildren(el('p', { text: 'The recogniser was unsure of these words. Listen to the passage (P), then confirm the text (C) or correct it (T). Keep labels such as [PERSON_1] as they are; a name you write is replaced by its label before it is saved.' }));
    return;
  }
  const code = codeOf(view.suggestion.codeId);
  if (!code) { box.replaceChildren(el('p', { class: 'error', text: `Code ${view.suggestion.codeId} is not in the current codebook.` })); return; }
  const theme = codeOf(code.parent);
  const section = (title, text) => text ? [el('h3', { text: title }), el('p', { text })] : [];
  box.replaceChildren(
    el('h3', { id: 'definition-code', text: `${code.name} (${code.id})` }),
    theme ? el('p', { class: 'hint', text: `Theme: ${theme.name}` }) : null,
    el('p', { id: 'definition-text', text: code.definition }),
    ...section('Include', code.inclusionCriteria), ...section('Exclude', code.exclusionCriteria),
    ...(code.examples?.length ? [el('h3', { text: 'Examples' }), el('ul', {}, code.examples.map((x) => el('li', { text: x })))] : []));
}

function actionButtons(view) {
  const allowed = view.allowedActions.map((a) => a.toLowerCase());
  return [...allowed.map((action) => el('button', {
    type: 'button', 'data-action': action, 'aria-keyshortcuts': KEYS[action].toUpperCase(),
    onclick: () => act(action),
  }, `${labelOf(action, view.kind)} `, el('kbd', { text: KEYS[action].toUpperCase() }))),
  el('button', { type: 'button', class: 'secondary', 'data-action': 'skip', 'aria-keyshortcuts': 'K', onclick: skip }, 'Skip for now ', el('kbd', { text: 'K' })),
  el('button', { type: 'button', class: 'secondary', 'data-action': 'release', 'aria-keyshortcuts': 'S', onclick: release }, 'Release item ', el('kbd', { text: 'S' }))];
}

/** What each kind of item is called on the page. A second coding looks like any proposal: the coder judges it afresh. */
const KIND_NAMES = {
  Redaction: 'Redaction check',
  CodeSuggestion: 'Proposed code',
  SecondCoding: 'Proposed code (second, independent coding)',
  Reconciliation: 'Disagreement between two coders',
  TranscriptCheck: 'Transcript check (words the recogniser was unsure of)',
};

function headingOf(view) {
  if (view.kind === 'Redaction') return `Check redaction ${view.redaction.label}`;
  if (view.kind === 'TranscriptCheck') return `Check the transcript from ${clock(view.passage.startSeconds)} to ${clock(view.passage.endSeconds)}`;
  const code = codeOf(view.suggestion.codeId)?.name ?? view.suggestion.codeId;
  return view.kind === 'Reconciliation' ? `Settle code ${code}: accept applies it, reject leaves it off` : `Check proposed code ${code}`;
}

function show(view) {
  item = view;
  rows = view.segment?.length ? view.segment : [view];
  // The claimed item's own proposal first: the coder reads it in the heading.
  rows = [...rows.filter((r) => r.id === view.id), ...rows.filter((r) => r.id !== view.id)];
  choices = new Map();
  current = 0;
  added = [];
  addBox.hidden = true;
  panel.hidden = false;
  panel.dataset.item = view.id;
  panel.dataset.kind = view.kind;
  heading.textContent = rows.length > 1 ? `Check the ${rows.length} codes proposed for this segment` : headingOf(view);
  document.getElementById('item-facts').replaceChildren(...facts(view));
  document.getElementById('context').replaceChildren(...context(view));
  document.getElementById('actions').replaceChildren(...actionButtons(view));
  editBox.hidden = true;
  correctBox.hidden = true;
  memo.value = '';
  showListen(view);
  definition(view);
  showSegment();
  heading.focus();
}

/** The "Claim only" choices as the claim route's query, and in words for the status line. */
function claimFilter() {
  const kind = document.getElementById('filter-kind');
  const code = document.getElementById('filter-code');
  const recording = document.getElementById('filter-recording').value.trim();
  const params = new URLSearchParams();
  const words = [];
  if (kind.value) { params.set('kind', kind.value); words.push(kind.selectedOptions[0].text.toLowerCase()); }
  if (code.value) { params.set('code', code.value); words.push(`code ${code.value}`); }
  if (recording) { params.set('recording', recording); words.push(`recording ${recording}`); }
  const order = document.getElementById('filter-order').value;
  if (order) { params.set('order', order); words.push('in transcript order'); }
  const query = params.toString();
  return { query: query ? `?${query}` : '', words: words.join(', ') };
}

async function claim() {
  if (busy) return;
  busy = true;
  claimButton.disabled = true;
  showError('');
  try {
    const filter = claimFilter();
    const view = await api(`studies/${encodeURIComponent(study)}/queue/claim${filter.query}`, { method: 'POST' });
    if (view) {
      show(view);
      announce(`${heading.textContent}. ${decided} decided in this session.`);
    } else {
      item = null;
      panel.hidden = true;
      announce(filter.query
        ? `Nothing waits that matches ${filter.words}. ${decided} decided in this session.`
        : `The queue is empty: nothing waits for verification. ${decided} decided in this session.`);
      claimButton.focus();
    }
  } catch (e) {
    showError(e.message);
    claimButton.focus();
  } finally {
    busy = false;
    claimButton.disabled = false;
  }
}

function act(action) {
  if (!item || busy || !item.allowedActions.some((a) => a.toLowerCase() === action)) return;
  if (action === 'correct') {
    correctBox.hidden = false;
    if (!correctText.value || correctText.dataset.item !== item.id) correctText.value = item.context ?? '';
    correctText.dataset.item = item.id;
    correctText.focus();
    announce('Write the passage as it was spoken, then press Enter; Escape cancels.');
    return;
  }
  if (action === 'edit') {
    editBox.hidden = false;
    const proposed = rows[current]?.suggestion?.codeId ?? item.suggestion?.codeId;
    if (proposed && codeOf(proposed)) editSelect.value = proposed;
    editSelect.focus();
    announce('Choose the code that applies instead, then press Enter; Escape cancels.');
    return;
  }
  choose(action);
}

const isSegment = () => Boolean(item?.segmentDecisionUrl);

/**
 * Records the coder's choice for the highlighted proposal. A redaction or reconciliation is decided at
 * once; a segment is saved when every proposal has a choice, otherwise the next undecided one is highlighted.
 */
function choose(action, codeIds) {
  if (!isSegment()) { decide(action, codeIds); return; }
  const chosen = rows[current];
  choices.set(chosen.id, { action, codeIds });
  editBox.hidden = true;
  const next = rows.findIndex((r) => !choices.has(r.id));
  if (next < 0) { saveSegment(); return; }
  current = next;
  showSegment();
  announce(`${DONE[action]} ${codeName(chosen.suggestion.codeId)}. Next: ${codeName(rows[current].suggestion.codeId)}, ${choices.size} of ${rows.length} decided.`);
  heading.focus();
}

const codeName = (id) => (id ? codeOf(id)?.name ?? id : '');

/** How an item is named in announcements and the session's decisions. */
function whatOf(view) {
  if (view.kind === 'Redaction') return `redaction ${view.redaction.label}`;
  if (view.kind === 'TranscriptCheck') return `transcript from ${clock(view.passage.startSeconds)}`;
  return `code ${codeName(view.suggestion.codeId)}`;
}

const myDecisions = setUpHistory({
  label: (action, view) => labelOf(action, view?.kind),
  done: (action) => DONE[action.toLowerCase()],
  codeName,
  what: whatOf,
  codeGroups,
}, () => (panel.hidden ? claimButton : heading).focus());

/** The segment's proposals with the choices so far; the highlighted one's evidence is marked in the context. */
function showSegment() {
  const box = document.getElementById('segment-box');
  box.hidden = rows.length < 2;
  document.getElementById('segment-codes').replaceChildren(...(box.hidden ? [] : rows).map((r, i) => {
    const choice = choices.get(r.id);
    const chosen = choice ? (choice.codeIds ? `${DONE[choice.action]}: ${choice.codeIds.map(codeName).join(', ')}` : DONE[choice.action]) : 'to decide';
    return el('tr', { 'data-item': r.id, 'aria-current': i === current ? 'true' : null, class: i === current ? 'current' : null },
      el('th', { scope: 'row', text: `${codeName(r.suggestion.codeId)} (${r.suggestion.codeId})` }),
      el('td', { text: `${Math.round(r.suggestion.confidence * 100)}%` }), el('td', { text: `“${r.suggestion.evidence}”` }),
      el('td', { 'data-choice': choice?.action ?? '', text: chosen }));
  }));
  const shown = rows[current] ?? item;
  document.getElementById('context').replaceChildren(...context(shown));
  if (shown.suggestion) definition(shown);
  const note = document.getElementById('added-codes');
  note.hidden = added.length === 0;
  note.textContent = added.length ? `Codes you added: ${added.map((id) => `${codeName(id)} (${id})`).join(', ')}.` : '';
}

/** +: a code that applies to the segment though the engine did not propose it. */
function startAdd() {
  if (!isSegment() || busy) return;
  addBox.hidden = false;
  addSelect.focus();
  announce('Choose a code the engine missed, then press Enter; Escape cancels. It is saved with the segment.');
}

function addCode() {
  const id = addSelect.value;
  if (id && !added.includes(id) && !rows.some((r) => r.suggestion.codeId === id)) added.push(id);
  addBox.hidden = true;
  showSegment();
  announce(`Added ${codeName(id)}; it is saved with the segment's choices.`);
  heading.focus();
}

/** One request for the whole segment: every choice and the added codes, all stored or none. */
async function saveSegment() {
  const only = rows.length === 1 ? choices.get(rows[0].id) : null;
  if (only && added.length === 0) { decide(only.action, only.codeIds); return; }
  busy = true;
  showError('');
  for (const b of document.querySelectorAll('#decide button')) b.disabled = true;
  const body = {
    decisions: rows.map((r) => ({ itemId: r.id, action: choices.get(r.id).action, ...(choices.get(r.id).codeIds ? { codeIds: choices.get(r.id).codeIds } : {}) })),
    addedCodeIds: added,
  };
  if (memo.value.trim()) body.note = memo.value.trim();
  try {
    const saved = await api(item.segmentDecisionUrl.replace(/^\/api\//, ''), { method: 'POST', json: body });
    for (const r of rows) {
      const stored = saved.decided.find((d) => d.itemId === r.id);
      const choice = choices.get(r.id);
      const action = stored?.action?.toLowerCase() ?? choice.action;
      // Codes added with + join the addressed item as an edit: its own choice's codes and those.
      const own = choice.action === 'reject' ? [] : choice.codeIds ?? [r.suggestion.codeId];
      const codeIds = r.id === item.id && added.length ? [...new Set([...own, ...added])] : choice.codeIds;
      myDecisions.record(r, action, codeIds);
    }
    decided += rows.length;
    announce(`Saved the segment: ${rows.length} proposed code(s) decided${added.length ? `, ${added.length} added` : ''}.`);
    busy = false;
    await claim();
  } catch (e) {
    // The choices stay on the page: the coder can change one (it is highlighted again) and save anew.
    showError(`Not saved: ${e.message}`);
    choices.delete(rows[rows.length - 1].id);
    current = rows.length - 1;
    showSegment();
    for (const b of document.querySelectorAll('#decide button')) b.disabled = false;
    heading.focus();
  } finally {
    busy = false;
  }
}

async function decide(action, codeIds, correctedText) {
  busy = true;
  showError('');
  for (const b of document.querySelectorAll('#decide button')) b.disabled = true;
  const body = { action };
  if (codeIds) body.codeIds = codeIds;
  if (correctedText != null) body.correctedText = correctedText;
  if (memo.value.trim()) body.note = memo.value.trim();
  const what = whatOf(item);
  try {
    await api(item.decisionUrl.replace(/^\/api\//, ''), { method: 'POST', json: body });
    myDecisions.record(item, action, codeIds, correctedText);
    decided++;
    correctText.value = '';
    announce(`${DONE[action]} ${what}${codeIds ? ` as ${codeIds.join(', ')}` : ''}.`);
    busy = false;
    await claim();
  } catch (e) {
    // Said in words, and the item stays on the page so the coder can try again or claim anew.
    showError(`Not saved: ${e.message}`);
    for (const b of document.querySelectorAll('#decide button')) b.disabled = false;
    if (correctedText != null) correctText.focus(); else heading.focus();
  } finally {
    busy = false;
  }
}

/** T, then Enter: the corrected passage (one line; Shift+Enter is not needed, the text is joined anyway). */
function saveCorrection() {
  const text = correctText.value.trim();
  if (!text) { showError('Write the corrected text, or press Escape and confirm the text as it is (C).'); correctText.focus(); return; }
  decide('correct', undefined, text);
}

/** Gives the item back before its lease lapses, so another coder can take it now. */
async function release() {
  if (!item || busy) return;
  busy = true;
  showError('');
  try {
    await api(item.releaseUrl.replace(/^\/api\//, ''), { method: 'POST' });
    item = null;
    panel.hidden = true;
    announce('Released: the item is back in the queue for anyone. Press N to claim the next one.');
    claimButton.focus();
  } catch (e) {
    showError(`Not released: ${e.message}`);
    heading.focus();
  } finally {
    busy = false;
  }
}

/** Passes the item over for now (it goes to the back of the queue) and claims the next one. */
async function skip() {
  if (!item?.skipUrl || busy) return;
  busy = true;
  showError('');
  let skipped = false;
  try {
    await api(item.skipUrl.replace(/^\/api\//, ''), { method: 'POST' });
    skipped = true;
  } catch (e) {
    showError(`Not skipped: ${e.message}`);
    heading.focus();
  } finally {
    busy = false;
  }
  if (!skipped) return;
  await claim();
  announce(`Skipped: that item waits at the back of the queue. ${panel.hidden ? 'Nothing else waits.' : heading.textContent + '.'}`);
}

/** The words selected inside the context, if any: what the coder most likely wants to mark. */
function selectedContextWords() {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed) return '';
  const context = document.getElementById('context');
  return context.contains(selection.anchorNode) && context.contains(selection.focusNode) ? selection.toString().trim() : '';
}

/** I: the missed-identifier form, with the selected words in it. */
function startMissed() {
  if (!item) return;
  const words = selectedContextWords();
  if (words) missedText.value = words;
  missedText.focus();
  announce('Give the words as the transcript shows them and their kind, then press Enter.');
}

async function markMissed(e) {
  e.preventDefault();
  if (!item || busy) return;
  const text = missedText.value.trim();
  if (!text) {
    showError('Give the words to redact, as the transcript shows them.');
    missedText.focus();
    return;
  }
  busy = true;
  showError('');
  try {
    const kind = document.getElementById('missed-kind').value;
    const answer = await api(`recordings/${encodeURIComponent(item.recordingId)}/missed-identifiers`, { method: 'POST', json: { text, kind } });
    missedText.value = '';
    const batch = answer.reprocess?.started ? ' De-identifying the study again now.'
      : answer.reprocess?.queued ? ' De-identification waits for the batch running now.'
      : answer.reprocess?.reason ? ` ${answer.reprocess.reason}` : '';
    announce(answer.added
      ? `Marked as ${kind}: ${answer.occurrences} time(s) in this transcript; identifier list version ${answer.identifierListVersion}.${batch}`
      : `Already on the study's identifier list (version ${answer.identifierListVersion}); nothing changed.`);
    heading.focus();
  } catch (err) {
    showError(`Not marked: ${err.message}`);
    missedText.focus();
  } finally {
    busy = false;
  }
}
document.getElementById('missed-form').addEventListener('submit', markMissed);

editSelect.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') { e.preventDefault(); choose('edit', [editSelect.value]); }
  if (e.key === 'Escape') { e.preventDefault(); cancelEdit(); }
});
document.getElementById('edit-submit').addEventListener('click', () => choose('edit', [editSelect.value]));
addSelect.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') { e.preventDefault(); addCode(); }
  if (e.key === 'Escape') { e.preventDefault(); addBox.hidden = true; announce('Nothing added.'); heading.focus(); }
});
document.getElementById('add-submit').addEventListener('click', addCode);
document.getElementById('add-cancel').addEventListener('click', () => { addBox.hidden = true; heading.focus(); });
document.getElementById('edit-cancel').addEventListener('click', cancelEdit);
correctText.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); saveCorrection(); }
  if (e.key === 'Escape') { e.preventDefault(); cancelCorrection(); }
});
document.getElementById('correct-submit').addEventListener('click', saveCorrection);
document.getElementById('correct-cancel').addEventListener('click', cancelCorrection);
function cancelCorrection() {
  correctBox.hidden = true;
  announce('Correction cancelled; nothing saved.');
  heading.focus();
}
function cancelEdit() {
  editBox.hidden = true;
  announce('Edit cancelled.');
  heading.focus();
}
claimButton.addEventListener('click', claim);
playTurn.addEventListener('click', playItemTurn);

document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
  const target = e.target;
  if (target instanceof HTMLElement && (target.matches('input, textarea, select') || target.isContentEditable)) {
    if (e.key === 'Escape' && (target === memo || target === missedText)) heading.focus();
    return;
  }
  const key = e.key.toLowerCase();
  const action = Object.keys(KEYS).find((a) => KEYS[a] === key);
  if (action) { e.preventDefault(); act(action); }
  else if (key === 'n') { e.preventDefault(); claim(); }
  else if (key === 's') { e.preventDefault(); release(); }
  else if (key === 'k') { e.preventDefault(); skip(); }
  else if (key === 'm' && item) { e.preventDefault(); memo.focus(); }
  else if (key === 'i' && item) { e.preventDefault(); startMissed(); }
  else if (key === 'd') { e.preventDefault(); document.getElementById('definition-heading').focus(); }
  else if (key === 'p' && item?.place?.audioUrl) { e.preventDefault(); playItemTurn(); }
  else if (e.key === '+') { e.preventDefault(); startAdd(); }
  else if (key === 'b') { e.preventDefault(); if (!myDecisions.reviseLast()) announce('You have not decided anything in this session yet.'); }
});

if (!study) showError('Choose a study above.');
else await loadCodebook();
