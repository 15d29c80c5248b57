// Ranked treatment options: for the care team a table with benefit and risk bars, safety badges and
// dose ranges, then each option's reasons and evidence; for the patient the plain-words answer.
import { contributionBar, doseRangeChart, estimateBar, rangeText, scaleFor } from './charts.js';
import { badge, el, number, percent, safetyBadge } from './ui.js';

/** The recommender lists every factor, largest first; the rest add little to read. */
const TOP_FACTORS = 8;

export function isPlainWords(response) {
  return 'indication' in response || !('indicationId' in response);
}

export function recommendationsView(response, indicationName) {
  return isPlainWords(response) ? plainOptions(response) : ranking(response, indicationName);
}

function ranking(response, indicationName) {
  const options = response.options ?? [];
  const benefitScale = scaleFor(options.filter((o) => o.benefit).map((o) => o.benefit));
  const riskScale = scaleFor(options.filter((o) => o.adverseEventRisk).map((o) => o.adverseEventRisk));
  return el('div', { class: 'ranking' },
    el('p', { class: 'basis' }, basis(response)),
    notes(response),
    options.length === 0 ? el('p', {}, 'No treatment options could be ranked for this patient.')
      : el('table', { class: 'options', id: 'ranked-options' },
        el('caption', {}, `Ranked options for ${indicationName}. Bars: predicted mean, whiskers: 90% interval.`),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, 'Rank'),
          el('th', { scope: 'col' }, 'Option'),
          el('th', { scope: 'col' }, `Predicted benefit (scale 0–${percent(benefitScale)})`),
          el('th', { scope: 'col' }, `Adverse-event risk (scale 0–${percent(riskScale)})`),
          el('th', { scope: 'col' }, 'Safety'),
          el('th', { scope: 'col' }, 'Daily dose range'))),
        el('tbody', {}, options.map((option) => optionRow(option, benefitScale, riskScale, response.degraded)))),
    options.map((option, index) => optionDetails(option, index === 0)));
}

function basis(response) {
  if (!response.modelBased) {
    return 'Guideline order, not model-based (the patient opted out of model-based recommendations, or no model applies).';
  }
  const model = response.model?.name ? ` (model ${response.model.name}${response.model.version ? ' ' + response.model.version : ''})` : '';
  return `Ranked by predicted benefit${model}, checked against dosing guidelines.`;
}

function notes(response) {
  const warnings = response.warnings ?? [];
  if (!response.degraded && warnings.length === 0) return null;
  return el('div', { class: 'notice', role: 'note' },
    response.degraded ? el('p', {}, el('strong', {}, 'Partial answer: '), 'a service PrecisionRx depends on did not answer.') : null,
    warnings.length ? el('ul', {}, warnings.map((w) => el('li', {}, w))) : null);
}

function optionRow(option, benefitScale, riskScale, degraded) {
  const unsafe = option.safetyStatus === 'DOSE_STATUS_AVOID' || option.safetyStatus === 'DOSE_STATUS_CONTRAINDICATED';
  return el('tr', { class: unsafe ? 'unsafe' : null, 'data-drug': option.drugId },
    el('td', { class: 'rank' }, option.rank ? String(option.rank) : '–'),
    el('th', { scope: 'row' }, el('a', { href: `#why-${option.drugId}` }, option.drugId)),
    el('td', {}, estimateCell(option.benefit, benefitScale, 'benefit', 'Predicted benefit')),
    el('td', {}, estimateCell(option.adverseEventRisk, riskScale, 'risk', 'Adverse-event risk')),
    el('td', { class: 'safety' }, safetyBadge(option.safetyStatus),
      option.safetyReason ? el('p', { class: 'reason' }, option.safetyReason) : null),
    el('td', { class: 'dose' }, doseCell(option.dose, degraded)));
}

function estimateCell(estimate, scale, kind, what) {
  if (!estimate) return el('span', { class: 'muted' }, 'not estimated');
  return el('div', { class: 'estimate' }, estimateBar(estimate, scale, kind, what),
    el('span', { class: 'value' }, `${percent(estimate.mean)} `, el('span', { class: 'interval' }, `(${percent(estimate.lower)}–${percent(estimate.upper)})`)));
}

function doseCell(dose, degraded) {
  const range = dose?.dailyRange;
  if (!range || !range.high) {
    return el('span', { class: 'muted' }, degraded ? 'dose range unavailable' : 'no dose range given');
  }
  return el('div', { class: 'dose-range' }, doseRangeChart(range),
    el('p', { class: 'range-text' }, rangeText(range),
      range.target ? ` · target ${number(range.target)}` : '',
      range.maxDaily ? ` · max ${number(range.maxDaily)}` : ''));
}

function optionDetails(option, open) {
  const all = option.explanation ?? [];
  const factors = all.slice(0, TOP_FACTORS);
  const maxAbs = Math.max(0, ...factors.map((f) => Math.abs(f.contribution ?? 0)));
  const citations = [...(option.citations ?? []), ...(option.dose?.adjustments ?? []).filter((a) => a.source).map((a) => a.source)];
  const adjustments = option.dose?.adjustments ?? [];
  return el('details', { class: 'why', id: `why-${option.drugId}`, open },
    el('summary', {}, `${option.rank ? option.rank + '. ' : ''}${option.drugId}: reasons and evidence`),
    el('div', { class: 'why-grid' },
      el('div', {},
        el('h3', {}, 'What drives its predicted benefit'),
        factors.length === 0 ? el('p', {}, 'No explanation given.')
          : el('table', { class: 'factors' },
            el('thead', {}, el('tr', {}, ['Factor', 'Patient value', 'Contribution', 'Effect'].map((h) => el('th', { scope: 'col' }, h)))),
            el('tbody', {}, factors.map((f) => el('tr', {},
              el('th', { scope: 'row' }, f.feature),
              el('td', {}, f.value || '—'),
              el('td', { class: 'signed' }, signedPoints(f.contribution ?? 0)),
              el('td', {}, contributionBar(f.contribution ?? 0, maxAbs)))))),
        all.length > factors.length ? el('p', { class: 'muted' }, `${all.length - factors.length} smaller factors not shown.`) : null),
      el('div', {},
        option.dose?.regimen ? [el('h3', {}, 'Regimen'), el('p', {}, option.dose.regimen)] : null,
        adjustments.length ? [el('h3', {}, 'Dose adjustments'),
          el('ul', {}, adjustments.map((a) => el('li', {}, a.reason, a.effect ? ` (${a.effect})` : '')))] : null,
        el('h3', {}, 'Guidelines and evidence'),
        citations.length === 0 ? el('p', {}, 'No citations given.')
          : el('ul', { class: 'citations' }, dedupe(citations).map(citation)))));
}

/** Contributions come in percentage points of predicted benefit (integrated gradients vs a typical patient). */
function signedPoints(points) {
  const rounded = Math.round(points * 10) / 10;
  if (rounded === 0) return '0.0 points';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)} points`;
}

function citation(c) {
  const text = [c.guideline || c.label, c.pmid ? `PMID ${c.pmid}` : ''].filter(Boolean).join(', ');
  return el('li', {}, c.url ? el('a', { href: c.url, rel: 'noopener noreferrer', target: '_blank' }, text || c.url) : text);
}

function dedupe(citations) {
  const seen = new Set();
  return citations.filter((c) => {
    const key = `${c.guideline}|${c.label}|${c.pmid}|${c.url}`;
    return !seen.has(key) && seen.add(key);
  });
}

function plainOptions(response) {
  const kinds = { 'must not': ['danger', '⛔'], 'advise against': ['warn', '⚠'], 'changed dose': ['info', '↕'], 'No safety concern': ['ok', '✓'] };
  const safety = (text = '') => {
    const [kind, icon] = Object.entries(kinds).find(([words]) => text.includes(words))?.[1] ?? ['unknown', 'ℹ'];
    return badge(kind, icon, text);
  };
  return el('div', { class: 'ranking plain' },
    response.basis ? el('p', { class: 'basis' }, response.basis) : null,
    (response.options ?? []).length === 0 ? el('p', {}, 'There are no options to show for this condition.')
      : el('ol', { class: 'plain-options', id: 'ranked-options' }, response.options.map((o) => el('li', {},
        el('h3', {}, o.medicine),
        o.chanceOfHelping ? el('p', {}, el('strong', {}, 'Chance of helping: '), o.chanceOfHelping) : null,
        o.chanceOfSeriousSideEffect ? el('p', {}, el('strong', {}, 'Chance of a serious side effect: '), o.chanceOfSeriousSideEffect) : null,
        o.safety ? el('p', {}, safety(o.safety)) : null,
        (o.reasons ?? []).length ? el('ul', {}, o.reasons.map((r) => el('li', {}, r))) : null))),
    (response.notes ?? []).map((n) => el('p', { class: 'notice', role: 'note' }, n)));
}
