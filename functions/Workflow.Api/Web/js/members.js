import { api, announce, currentStudy, el, setUpPage, showError } from './common.js';

// The study's team for its leads: list, add, change roles, remove. The page only offers what the
// caller may do (Lead is an administrator's to give or take, so it is disabled for everyone else);
// the API decides, and any refusal is shown in its own words.

const ROLES = ['Interviewer', 'Coder', 'Lead'];

const me = await setUpPage();
const study = currentStudy();
const isAdmin = Boolean(me?.roles.includes('Admin'));
const rows = document.getElementById('members');
const summary = document.getElementById('members-summary');
const form = document.getElementById('add-member');
const newUser = document.getElementById('new-user');
let members = [];

const membersPath = () => `studies/${encodeURIComponent(study)}/members`;
const memberPath = (userId) => `${membersPath()}/${encodeURIComponent(userId)}`;

/** Checkboxes for the three study roles; Lead stays as it is unless the caller is an administrator. */
function roleBoxes(prefix, chosen) {
  return ROLES.map((role) => el('label', { class: 'inline' },
    el('input', {
      type: 'checkbox', id: `${prefix}-${role}`, name: `${prefix}-role`, value: role, checked: chosen.includes(role),
      disabled: role === 'Lead' && !isAdmin, 'aria-describedby': role === 'Lead' && !isAdmin ? 'lead-rule' : null,
    }), role));
}

// Disabled boxes count too: a lead's Lead role is kept when a lead changes their other roles.
const checkedRoles = (container) => [...container.querySelectorAll('input[type=checkbox]:checked')].map((c) => c.value);

function row(member, index) {
  const prefix = `member-${index}`;
  const isLead = member.roles.includes('Lead');
  const actions = el('td', { class: 'member-actions' });
  const removeButton = el('button', {
    type: 'button', class: 'secondary', text: 'Remove', 'aria-label': `Remove ${member.userId}`,
    disabled: isLead && !isAdmin, 'aria-describedby': isLead && !isAdmin ? 'lead-rule' : null, onclick: () => confirmRemoval(),
  });
  const showActions = () => actions.replaceChildren(
    el('button', { type: 'button', class: 'secondary', text: 'Save roles', 'aria-label': `Save roles of ${member.userId}`, onclick: () => saveRoles(member.userId, roles) }),
    ' ', removeButton);
  const confirmRemoval = () => {
    const cancel = el('button', { type: 'button', class: 'secondary cancel', text: 'Cancel', onclick: () => { showActions(); removeButton.focus(); } });
    actions.replaceChildren(el('span', { class: 'confirm', role: 'group', 'aria-label': `Confirm removal of ${member.userId}` },
      el('span', { text: `Remove ${member.userId} from the study?` }),
      el('button', { type: 'button', class: 'danger', text: `Yes, remove ${member.userId}`, onclick: () => remove(member.userId) }),
      cancel));
    // The safe choice has the focus; Escape also keeps the member.
    cancel.focus();
  };
  actions.addEventListener('keydown', (e) => { if (e.key === 'Escape') actions.querySelector('button.cancel')?.click(); });
  const roles = el('fieldset', { class: 'roles' }, el('legend', { class: 'sr-only', text: `Roles of ${member.userId}` }), roleBoxes(prefix, member.roles));
  showActions();
  return el('tr', { 'data-member': member.userId, 'data-roles': member.roles.join(',') },
    el('th', { scope: 'row', text: member.userId }),
    el('td', {}, roles),
    el('td', { text: `${new Date(member.changedAt).toLocaleString()} by ${member.changedBy}` }),
    actions);
}

function describe(list) {
  const count = (role) => list.filter((m) => m.roles.includes(role)).length;
  return `${list.length} member${list.length === 1 ? '' : 's'}: ${count('Lead')} lead(s), ${count('Coder')} coder(s), ${count('Interviewer')} interviewer(s).`;
}

async function load() {
  const answer = await api(membersPath());
  members = answer.members;
  summary.textContent = describe(members);
  rows.replaceChildren(...members.map(row));
}

/** Shows the API's refusal in words; the last success message would now mislead, so it goes. */
function failed(error) {
  announce('');
  showError(error.message);
}

/** Puts the focus back on a control of the member's row after the table was redrawn (or on the table's heading). */
function focusRow(userId, selector) {
  const target = [...rows.querySelectorAll('tr')].find((tr) => tr.dataset.member === userId)?.querySelector(selector);
  (target ?? document.getElementById('members-heading')).focus();
}

async function saveRoles(userId, container) {
  const roles = checkedRoles(container);
  try {
    const saved = await api(memberPath(userId), { method: 'PUT', json: { roles } });
    showError('');
    await load();
    announce(`Saved: ${userId} is now ${saved.roles.join(', ')}.`);
    focusRow(userId, 'button');
  } catch (e) {
    failed(e);
  }
}

async function remove(userId) {
  try {
    await api(memberPath(userId), { method: 'DELETE' });
    showError('');
    await load();
    announce(`${userId} was removed from the study.`);
    document.getElementById('members-heading').focus();
  } catch (e) {
    failed(e);
  }
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const userId = newUser.value.trim();
  const roles = checkedRoles(form);
  if (!userId) {
    failed(new Error('Give the id the person signs in with.'));
    newUser.focus();
    return;
  }
  // PUT replaces roles, so adding someone already on the team would silently change theirs.
  if (members.some((m) => m.userId === userId)) {
    failed(new Error(`${userId} is already a member; change their roles on their row.`));
    return;
  }
  try {
    const added = await api(memberPath(userId), { method: 'PUT', json: { roles } });
    showError('');
    form.reset();
    await load();
    announce(`Added ${added.userId} as ${added.roles.join(', ')}.`);
    newUser.focus();
  } catch (err) {
    failed(err);
  }
});

document.getElementById('new-roles').append(...roleBoxes('new', []));
if (isAdmin) document.getElementById('lead-rule').textContent = 'As an administrator you can also make someone a lead or remove a lead.';
if (!study) {
  summary.textContent = 'Choose a study above.';
  form.querySelectorAll('input, button').forEach((c) => { c.disabled = true; });
} else {
  try {
    await load();
  } catch (e) {
    summary.textContent = '';
    showError(e.message);
  }
}
