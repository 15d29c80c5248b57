// The pharmacist's order check: a proposed order (from the form or the query string) checked
// against the patient's recommended daily range by dosage-service, through the gateway.
import { ApiError, api } from './api.js';
import { loadConfig, signIn } from './auth.js';
import { doseRangeChart, rangeText } from './charts.js';
import { $, badge, clearError, el, number, showError, showSession, status } from './ui.js';

const VERDICTS = {
  VERDICT_WITHIN_RANGE: ['ok', '✓', 'Within the recommended range'],
  VERDICT_BELOW_RANGE: ['warn', '▼', 'Below the recommended range'],
  VERDICT_ABOVE_RANGE: ['danger', '▲', 'Above the recommended range'],
  VERDICT_AVOID: ['warn', '⚠', 'Avoid: guidelines advise against this drug for this patient'],
  VERDICT_CONTRAINDICATED: ['danger', '⛔', 'Contraindicated for this patient'],
  VERDICT_INSUFFICIENT_DATA: ['unknown', '?', 'Not checkable: information is missing'],
  VERDICT_OUT_OF_SCOPE: ['unknown', '–', 'Out of scope: adult dose rules do not apply'],
};

const FIELDS = ['patient', 'drug', 'amount', 'unit', 'frequency', 'indication'];

async function main() {
  showSession(await signIn());
  const config = await loadConfig();
  $('indication').append(...config.indications.map((i) => el('option', { value: i.id }, i.name)));
  const drugs = [...new Set(config.indications.flatMap((i) => i.drugs))].sort();
  $('drugs').append(...drugs.map((d) => el('option', { value: d })));
  const query = new URLSearchParams(location.search);
  for (const field of FIELDS) {
    if (query.get(field)) $(field).value = query.get(field);
  }
  $('order').addEventListener('submit', (event) => {
    event.preventDefault();
    check();
  });
  status('');
  // An order handed over in the link is checked straight away.
  if (['patient', 'drug', 'amount', 'frequency'].every((f) => query.get(f))) await check();
}

async function check() {
  if (!$('order').reportValidity()) return;
  clearError();
  const patientId = $('patient').value.trim();
  const order = {
    drugId: $('drug').value.trim().toLowerCase(),
    amount: Number($('amount').value),
    unit: $('unit').value,
    frequency: $('frequency').value,
    indicationId: $('indication').value || undefined,
  };
  history.replaceState(null, '', `?${new URLSearchParams(Object.fromEntries(FIELDS.map((f) => [f, $(f).value.trim()]).filter(([, v]) => v)))}`);
  status('Checking the order…');
  $('result').replaceChildren();
  try {
    const answer = await api('POST', `/api/v1/patients/${encodeURIComponent(patientId)}/dose-checks`, { body: order });
    status('');
    $('result').replaceChildren(verdictView(answer, order));
    $('result-heading').focus();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    showError(error.message);
  }
}

function verdictView(answer, order) {
  const [kind, icon, text] = VERDICTS[answer.verdict] ?? ['unknown', '?', 'No verdict given'];
  const range = answer.recommended ?? {};
  const daily = answer.computedDailyDose;
  const hasRange = range.high > 0;
  const frequencyText = $('frequency').selectedOptions[0].textContent;
  const recommendation = answer.recommendation ?? {};
  return el('div', {},
    el('h2', { id: 'result-heading', tabindex: '-1' }, 'Verdict'),
    el('p', { class: `verdict verdict-${kind}`, id: 'verdict' }, badge(kind, icon, text)),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Order'), el('dd', {}, `${order.drugId} ${number(order.amount)} ${order.unit}, ${frequencyText}`),
      daily ? [el('dt', {}, 'Ordered daily dose'), el('dd', { id: 'daily-dose' }, `${number(daily.value ?? 0)} ${daily.unit ?? ''}`)] : null,
      el('dt', {}, 'Recommended daily range'),
      el('dd', {}, hasRange
        ? rangeText(range)
          + (range.target ? `, target ${number(range.target)}` : '') + (range.maxDaily ? `, maximum ${number(range.maxDaily)}` : '')
        : 'none given'),
      recommendation.regimen ? [el('dt', {}, 'Recommended regimen'), el('dd', {}, recommendation.regimen)] : null),
    hasRange && daily
      ? el('figure', { class: 'dose-figure' },
        doseRangeChart(range, { ordered: daily.value ?? 0, width: 640, verdictKind: kind }),
        el('figcaption', {}, 'Axis from zero. Shaded: recommended daily range; thick tick: target; dashed red line: maximum daily dose; triangle: this order.'))
      : null,
    el('h3', {}, 'Reasons'),
    (answer.reasons ?? []).length ? el('ul', { id: 'reasons' }, answer.reasons.map((r) => el('li', {}, r))) : el('p', {}, 'No reasons given.'),
    (recommendation.adjustments ?? []).length
      ? [el('h3', {}, 'Adjustments for this patient'),
        el('ul', {}, recommendation.adjustments.map((a) => el('li', {}, a.reason, a.effect ? ` (${a.effect})` : '',
          a.source?.guideline ? ` — ${a.source.guideline}` : '')))]
      : null,
    (recommendation.warnings ?? []).length
      ? [el('h3', {}, 'Warnings'), el('ul', {}, recommendation.warnings.map((w) => el('li', {}, w)))] : null,
    answer.knowledgeBaseVersion ? el('p', { class: 'muted' }, `Dosing knowledge base ${answer.knowledgeBaseVersion}`) : null);
}

main().catch((error) => showError(error.message || 'The page could not be loaded.'));
