// The patient page: the summary in the caller's view, ranked options for a chosen indication, and
// break-glass for a clinician outside the care team. Opened from CDS cards with ?patient&indication.
import { ApiError, api } from './api.js';
import { loadConfig, signIn } from './auth.js';
import { isPlainWords, profileSection } from './profile-view.js';
import { recommendationsView } from './recommendations-view.js';
import { $, clearError, el, showError, showSession, status } from './ui.js';

/** Active conditions that have a ranked indication (as the CDS patient-view card uses them). */
const CONDITION_INDICATIONS = {
  CONDITION_CATEGORY_ATRIAL_FIBRILLATION: 'af-stroke-prevention',
  CONDITION_CATEGORY_ACUTE_CORONARY_SYNDROME: 'acs-pci',
  CONDITION_CATEGORY_HYPERLIPIDAEMIA: 'hyperlipidaemia',
  CONDITION_CATEGORY_DEPRESSION: 'depression',
};

const page = { user: null, config: null, patientId: null, breakGlassReason: null, optionsRequest: 0 };

async function main() {
  page.user = await signIn();
  showSession(page.user);
  page.config = await loadConfig();
  const query = new URLSearchParams(location.search);
  page.patientId = query.get('patient') || (page.user.isPatient ? page.user.patientId : null);
  if (!page.patientId) {
    status('');
    $('content').replaceChildren(el('p', {}, 'No patient chosen. ', el('a', { href: '/app/' }, 'Choose one of your patients.')));
    return;
  }
  $('patient-ref').textContent = `Patient id ${page.patientId}`;
  $('break-glass').addEventListener('submit', breakGlass);
  await openPatient(query.get('indication'));
}

async function openPatient(indicationId) {
  status('Loading the patient record…');
  clearError();
  let profile;
  try {
    profile = await api('GET', `/api/v1/patients/${encodeURIComponent(page.patientId)}/profile`,
      { breakGlassReason: page.breakGlassReason });
  } catch (error) {
    refused(error);
    return;
  }
  status('');
  $('break-glass').hidden = true;
  $('page-title').textContent = isPlainWords(profile) ? 'Your record' : 'Patient';
  const parts = [profileSection(profile)];
  if (page.user.isClinician || isPlainWords(profile)) {
    parts.push(optionsSection(indicationId || firstIndication(profile), isPlainWords(profile)));
  }
  if (page.user.isPharmacist) {
    parts.push(el('section', { class: 'panel', 'aria-labelledby': 'order-heading' },
      el('h2', { id: 'order-heading' }, 'Order check'),
      el('p', {}, el('a', { href: `/app/pharmacy.html?patient=${encodeURIComponent(page.patientId)}` },
        'Check a proposed order for this patient'))));
  }
  $('content').replaceChildren(...parts);
  if ($('indication')) await loadOptions();
}

/** Why the record did not open, in words; a clinician outside the care team may break the glass. */
function refused(error) {
  if (!(error instanceof ApiError)) throw error;
  if (error.status === 403 && page.user.isClinician && !page.breakGlassReason) {
    status('');
    $('content').replaceChildren();
    $('break-glass').hidden = false;
    $('break-glass-reason').focus();
    return;
  }
  if (error.status === 403 && page.user.isPatient && !page.user.isClinician) {
    showError('This record cannot be opened: you can see your own record only.');
    $('error').append(el('p', {}, el('a', { href: '/app/patient.html' }, 'Open your own record')));
    return;
  }
  showError(error.message);
}

async function breakGlass(event) {
  event.preventDefault();
  const reason = $('break-glass-reason').value.trim();
  if (reason.length < 10) {
    $('break-glass-hint').textContent = 'Give a reason of at least 10 characters.';
    $('break-glass-hint').classList.add('invalid');
    $('break-glass-reason').setAttribute('aria-invalid', 'true');
    $('break-glass-reason').focus();
    return;
  }
  page.breakGlassReason = reason;
  $('emergency-banner').replaceChildren(
    el('strong', {}, 'Emergency access. '),
    `You are not on this patient's care team. Your reason ("${reason}") is recorded, and every view is audited and reviewed.`);
  $('emergency-banner').hidden = false;
  await openPatient(new URLSearchParams(location.search).get('indication'));
}

function firstIndication(profile) {
  const active = (profile.history?.conditions ?? []).filter((c) => c.active).map((c) => CONDITION_INDICATIONS[c.category]);
  return active.find(Boolean) || 'af-stroke-prevention';
}

function optionsSection(indicationId, plainWords) {
  const ranked = page.config.indications.filter((i) => i.ranked);
  const chosen = ranked.some((i) => i.id === indicationId) ? indicationId : ranked[0].id;
  const select = el('select', { id: 'indication', name: 'indication' },
    ranked.map((i) => el('option', { value: i.id, selected: i.id === chosen }, i.name)));
  select.addEventListener('change', () => {
    const query = new URLSearchParams(location.search);
    query.set('indication', select.value);
    history.replaceState(null, '', `?${query}`);
    loadOptions();
  });
  return el('section', { class: 'panel', 'aria-labelledby': 'options-heading' },
    el('h2', { id: 'options-heading' }, plainWords ? 'Medicines you could discuss with your care team' : 'Treatment options'),
    el('div', { class: 'field inline' }, el('label', { for: 'indication' }, plainWords ? 'Condition' : 'Indication'), select),
    el('div', { id: 'options', 'aria-live': 'polite' }));
}

async function loadOptions() {
  const select = $('indication');
  const name = select.selectedOptions[0].textContent;
  // Only the answer to the latest choice is shown, however the answers arrive.
  const ticket = ++page.optionsRequest;
  $('options').replaceChildren(el('p', { class: 'muted' }, `Ranking the options for ${name}…`));
  try {
    const response = await api('POST', `/api/v1/patients/${encodeURIComponent(page.patientId)}/recommendations`,
      { body: { indicationId: select.value, maxOptions: 0, includeExplanations: true }, breakGlassReason: page.breakGlassReason });
    if (ticket === page.optionsRequest) $('options').replaceChildren(recommendationsView(response, name));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (ticket === page.optionsRequest) $('options').replaceChildren(el('p', { class: 'error', role: 'alert' }, error.message));
  }
}

main().catch((error) => showError(error.message || 'The page could not be loaded.'));
