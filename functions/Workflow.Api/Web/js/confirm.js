import { el } from './common.js';

/**
 * Asks before something that cannot be undone: the question, a "yes" button and Cancel, put in
 * place of the container's content. Cancel has the focus (the safe choice is the one Enter picks),
 * and Escape anywhere in the question cancels too.
 */
export function askToConfirm(container, { label, question, yes, onYes, onCancel }) {
  const cancel = el('button', { type: 'button', class: 'secondary cancel', text: 'Cancel', onclick: () => onCancel() });
  const group = el('span', {
    class: 'confirm', role: 'group', 'aria-label': label,
    onkeydown: (e) => { if (e.key === 'Escape') { e.preventDefault(); onCancel(); } },
  },
  el('span', { text: question }),
  el('button', { type: 'button', class: 'danger', text: yes, onclick: () => onYes() }),
  cancel);
  container.replaceChildren(group);
  cancel.focus();
}
