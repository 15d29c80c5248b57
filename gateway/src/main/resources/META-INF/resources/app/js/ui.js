// Small DOM helpers shared by the pages: building elements, the header, messages and badges.
import { signOut } from './auth.js';

/** el('p', {class: 'note'}, 'text', child...) — attributes, then text or nodes. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== undefined && child !== null && child !== false) node.append(child);
  }
  return node;
}

export function $(id) {
  return document.getElementById(id);
}

/** Shows who is signed in and the role-specific navigation. */
export function showSession(user) {
  $('signed-in-as').textContent = `Signed in as ${user.username} (${user.roleLabel || 'no role'})`;
  $('sign-out').addEventListener('click', signOut);
  $('sign-out').hidden = false;
  for (const link of document.querySelectorAll('[data-role]')) {
    link.closest('li').hidden = !link.dataset.role.split(' ').some((role) => user[`is${capital(role)}`]);
  }
}

export function status(text) {
  $('status').textContent = text;
}

export function showError(message) {
  const box = $('error');
  box.replaceChildren(el('p', {}, message));
  box.hidden = false;
  status('');
}

export function clearError() {
  $('error').hidden = true;
  $('error').replaceChildren();
}

/** A status badge: an icon and words, so colour is never the only signal. */
export function badge(kind, icon, text) {
  return el('span', { class: `badge badge-${kind}` }, el('span', { class: 'badge-icon', 'aria-hidden': 'true' }, icon), ' ', text);
}

const SAFETY = {
  DOSE_STATUS_STANDARD: ['ok', '✓', 'Standard dose'],
  DOSE_STATUS_ADJUSTED: ['info', '↕', 'Adjusted dose'],
  DOSE_STATUS_AVOID: ['warn', '⚠', 'Avoid'],
  DOSE_STATUS_CONTRAINDICATED: ['danger', '⛔', 'Contraindicated'],
  DOSE_STATUS_INSUFFICIENT_DATA: ['unknown', '?', 'Insufficient data'],
  DOSE_STATUS_OUT_OF_SCOPE: ['unknown', '–', 'Out of scope'],
};

export function safetyBadge(status) {
  const [kind, icon, text] = SAFETY[status] ?? ['unknown', '?', 'Not assessed'];
  return badge(kind, icon, text);
}

/** A fraction as a percentage for people: 0.342 → "34%". */
export function percent(value) {
  return `${Math.round((value ?? 0) * 100)}%`;
}

export function number(value) {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

export function capital(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Turns an enum name into words: SEX_AT_BIRTH_FEMALE → "female". */
export function words(enumName, prefix) {
  return (enumName ?? '').replace(prefix, '').toLowerCase().replace(/_/g, ' ');
}
