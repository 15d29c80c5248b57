// The start page: the patients the caller may open, as the API lists them.
import { ApiError, api } from './api.js';
import { signIn } from './auth.js';
import { $, el, showError, showSession, status } from './ui.js';

async function main() {
  const user = await signIn();
  showSession(user);
  if (user.isPatient && !user.isClinician && !user.isPharmacist) {
    $('patients-heading').textContent = 'Your record';
  }
  try {
    const list = await api('GET', '/api/v1/patients?pageSize=50');
    status('');
    const ids = list.patientIds ?? [];
    $('patients').replaceChildren(ids.length === 0 ? el('p', {}, 'No patients to show.')
      : el('ul', { class: 'patient-list' }, ids.map((id) => el('li', {},
        el('a', { href: `/app/patient.html?patient=${encodeURIComponent(id)}` }, `Patient ${id}`),
        user.isPharmacist ? [' · ', el('a', { href: `/app/pharmacy.html?patient=${encodeURIComponent(id)}` }, 'check an order')] : null))));
    if (list.nextPageToken) $('patients').append(el('p', { class: 'muted' }, 'The first 50 patients are shown.'));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    showError(error.message);
  }
}

main().catch((error) => showError(error.message || 'The page could not be loaded.'));
