// Shared by every page: API calls with problem details turned into words, the study in use, the
// identity bar ("act as" only when the host says it runs in Development auth mode), and status.

const API = '/api/';
const DEV_USER = 'workflow.devUser';
const DEV_ROLES = 'workflow.devRoles';
const STUDY = 'workflow.study';

/** An API answer that was not a success, with the problem's detail as its message. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problemText(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

function problemText(status, problem) {
  if (problem && typeof problem === 'object') {
    if (problem.detail) return problem.detail;
    if (problem.title) return problem.title;
  }
  return `The server answered ${status}.`;
}

/** Headers that choose the development principal; the API ignores them outside Development mode. */
export function identityHeaders() {
  const headers = {};
  const user = localStorage.getItem(DEV_USER);
  const roles = localStorage.getItem(DEV_ROLES);
  if (user) headers['X-Dev-User'] = user;
  if (roles) headers['X-Dev-Roles'] = roles;
  return headers;
}

/** Calls the API; resolves with the successful response unread, rejects with an ApiError in words. */
export async function apiResponse(path, { method = 'GET', json, headers = {} } = {}) {
  const init = { method, headers: { ...identityHeaders(), ...headers }, credentials: 'same-origin' };
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(API + path, init);
  } catch {
    throw new ApiError(0, { detail: 'The server could not be reached. Check that the runner is running and try again.' });
  }
  if (!response.ok) throw new ApiError(response.status, await bodyOf(response));
  return response;
}

/** Calls the API; resolves with the JSON body (null for 204), rejects with an ApiError in words. */
export async function api(path, { headers = {}, ...options } = {}) {
  const response = await apiResponse(path, { ...options, headers: { Accept: 'application/json', ...headers } });
  return response.status === 204 ? null : bodyOf(response);
}

async function bodyOf(response) {
  const text = await response.text();
  if (!text) return null;
  try { return JSON.parse(text); } catch { return { detail: text.slice(0, 300) }; }
}

/** The api() path of a URL the API handed out (e.g. a statusUrl, "/api/recordings/r1" -> "recordings/r1"). */
export const apiPath = (url) => (url.startsWith(API) ? url.slice(API.length) : url.replace(/^\//, ''));

/** Whether the caller (GET /api/me) is a lead of the study: the page offers only what the API would allow. */
export function isLeadOf(me, study) {
  const membership = me?.studies?.find((s) => s.studyId === study);
  return Boolean(membership?.roles.includes('Lead'));
}

/** The study the pages work on: ?study= in the address wins and is remembered. */
export function currentStudy() {
  const fromUrl = new URLSearchParams(location.search).get('study');
  if (fromUrl) localStorage.setItem(STUDY, fromUrl.trim());
  return localStorage.getItem(STUDY) || '';
}

/** Announces a status message to screen readers and shows it. */
export function announce(message) {
  const status = document.getElementById('status');
  if (status) status.textContent = message;
}

/** What a recording's progress counts: chunks while it is transcribed, items while coders decide. */
export function progressWords(r) {
  return r.stage === 'Transcribing'
    ? { what: 'transcription', text: `${r.progress.done} of ${r.progress.total} chunks transcribed` }
    : { what: 'verification', text: `${r.progress.done} of ${r.progress.total} decided` };
}

/** Shows an error in words (or clears it with ''), in the page's alert region. */
export function showError(message) {
  const alert = document.getElementById('alert');
  if (alert) alert.textContent = message;
}

/** Creates an element with properties and children; text is always set as text, never as HTML. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
}

const PAGES = [
  ['index.html', 'Home'],
  ['upload.html', 'Upload'],
  ['dashboard.html', 'Study dashboard'],
  ['coder.html', 'Coder queue'],
  ['lead.html', 'Lead'],
  ['members.html', 'Members'],
];

/**
 * Builds the header: navigation, the study chooser and who is signed in. Resolves with the caller
 * (GET /api/me) or null when the API refused (the reason is shown).
 */
export async function setUpPage() {
  const header = document.querySelector('header');
  const here = location.pathname.split('/').pop() || 'index.html';
  const study = currentStudy();
  const query = study ? `?study=${encodeURIComponent(study)}` : '';
  header.append(
    el('nav', { 'aria-label': 'Main' }, el('ul', {}, PAGES.map(([href, name]) =>
      el('li', {}, el('a', { href: href + query, text: name, 'aria-current': href === here ? 'page' : null }))))),
    studyForm(study),
    el('div', { id: 'identity' }));
  return await showIdentity();
}

function studyForm(study) {
  const input = el('input', { type: 'text', id: 'study-id', name: 'study', value: study, autocomplete: 'off', spellcheck: 'false' });
  return el('form', { id: 'study-form', 'aria-label': 'Study', onsubmit: (e) => {
    e.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('study', input.value.trim());
    location.assign(url);
  } }, el('label', { for: 'study-id', text: 'Study id', class: 'inline' }), input, el('button', { type: 'submit', class: 'secondary', text: 'Open study' }));
}

async function showIdentity() {
  const box = document.getElementById('identity');
  box.replaceChildren();
  let me;
  try {
    me = await api('me');
  } catch (e) {
    box.append(el('span', { class: 'error', text: e.status === 401 ? 'Not signed in: ' + e.message : e.message }));
    return null;
  }
  box.append(el('span', { id: 'who', text: `Signed in as ${me.userId} (${me.roles.join(', ') || 'no roles'})` }));
  if (me.authMode === 'Development') box.append(actAsForm(me));
  return me;
}

// Development mode only: the API trusts X-Dev-User / X-Dev-Roles there, so a developer or a test can
// act as several coders from one browser. In EasyAuth mode the sign-in cookie decides and no form shows.
function actAsForm(me) {
  const user = el('input', { type: 'text', id: 'act-as-user', value: localStorage.getItem(DEV_USER) || me.userId, autocomplete: 'off' });
  const chosen = (localStorage.getItem(DEV_ROLES) || me.roles.join(',')).split(',');
  const roles = me.knownRoles.map((role) => el('label', { class: 'inline' },
    el('input', { type: 'checkbox', name: 'act-as-role', value: role, checked: chosen.includes(role) }), role));
  return el('form', { id: 'act-as', 'aria-label': 'Act as (development mode)', onsubmit: async (e) => {
    e.preventDefault();
    const picked = [...e.target.querySelectorAll('input[name=act-as-role]:checked')].map((c) => c.value);
    localStorage.setItem(DEV_USER, user.value.trim());
    localStorage.setItem(DEV_ROLES, picked.join(','));
    const now = await showIdentity();
    if (now) announce(`Now acting as ${now.userId} (${now.roles.join(', ')}).`);
    document.getElementById('act-as-user')?.focus();
  } },
  el('label', { for: 'act-as-user', class: 'inline', text: 'Act as (development)' }), user,
  el('fieldset', { class: 'inline-roles' }, el('legend', { text: 'Roles' }), roles),
  el('button', { type: 'submit', class: 'secondary', text: 'Switch user' }));
}

/** Waits, for polling loops. */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A recording's progress in words, e.g. "Coding, running" or "3 of 21 decided". */
export function describeProgress(recording) {
  const parts = [`${recording.stage}`, `${recording.status}`];
  if (recording.progress) parts.push(`${recording.progress.done} of ${recording.progress.total} decided`);
  return parts.join(' · ');
}
