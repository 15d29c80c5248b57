// The patient summary in the caller's view. The gateway decides the view: the full profile for the
// care team, the medication subset for pharmacists, plain words for the patient. This renders
// whatever the answer contains.
import { el, number, words } from './ui.js';

export function isPlainWords(profile) {
  return !('demographics' in profile || 'genetics' in profile || 'history' in profile || 'derived' in profile);
}

export function profileSection(profile) {
  return isPlainWords(profile) ? plainProfile(profile) : clinicalProfile(profile);
}

function clinicalProfile(p) {
  const demographics = p.demographics ?? {};
  const derived = p.derived ?? {};
  const history = p.history ?? {};
  const facts = [
    ['Age', derived.ageYears !== undefined && `${derived.ageYears} years`],
    ['Sex at birth', demographics.sexAtBirth && words(demographics.sexAtBirth, 'SEX_AT_BIRTH_')],
    ['Weight', demographics.weightKg !== undefined && `${number(demographics.weightKg)} kg`],
    ['Creatinine clearance', derived.creatinineClearanceMlMin !== undefined
      && `${number(derived.creatinineClearanceMlMin)} mL/min (Cockcroft-Gault)`],
    ['eGFR', derived.egfrMlMin173m2 !== undefined
      && `${number(derived.egfrMlMin173m2)} mL/min/1.73 m² (${words(derived.egfrSource, 'EGFR_SOURCE_') || 'source not given'})`],
    ['Serum creatinine', derived.serumCreatinineMgDl !== undefined && `${number(derived.serumCreatinineMgDl)} mg/dL`],
  ].filter(([, value]) => value);
  const conditions = (history.conditions ?? []).filter((c) => c.active)
    .map((c) => c.code?.display || words(c.category, 'CONDITION_CATEGORY_'));
  const medications = (history.medications ?? []).filter((m) => m.status === 'MEDICATION_STATUS_ACTIVE')
    .map((m) => m.display || m.drugId);
  const allergies = (history.allergies ?? []).filter((a) => a.active).map((a) => a.code?.display || a.drugId);
  const gaps = (derived.gaps ?? []).map((g) => g.reason);
  return el('section', { 'aria-labelledby': 'profile-heading', class: 'panel', id: 'profile' },
    el('h2', { id: 'profile-heading' }, 'Patient summary'),
    el('div', { class: 'summary-grid' },
      el('div', {},
        el('h3', {}, 'Body and kidney function'),
        facts.length ? el('dl', { class: 'facts' }, facts.map(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]))
          : el('p', {}, 'No measurements on file.')),
      isMedicationSubset(p)
        ? el('div', {}, el('h3', {}, 'Active conditions'), el('p', {}, 'Not part of the pharmacist\'s view.'))
        : listBlock('Active conditions', conditions, 'No active conditions on file.'),
      listBlock('Current medications', medications, 'No current medications on file.'),
      listBlock('Allergies', allergies, 'No allergies on file.')),
    pharmacogenomics(p.genetics ?? {}),
    gaps.length ? el('div', { class: 'gaps' }, el('h3', {}, 'Missing information'), el('ul', {}, gaps.map((g) => el('li', {}, g)))) : null,
    latestLabs(derived.latestLabs ?? []));
}

/** The pharmacist's subset is built without identifiers, lifestyle or conditions: say so rather than "none". */
function isMedicationSubset(p) {
  return !('identifiers' in p) && !('lifestyle' in p);
}

function listBlock(title, items, empty) {
  return el('div', {}, el('h3', {}, title), items.length ? el('ul', {}, items.map((i) => el('li', {}, i))) : el('p', {}, empty));
}

function pharmacogenomics(genetics) {
  const rows = [
    ...(genetics.results ?? []).map((g) => [g.gene, g.diplotype || '—', g.phenotype || 'not reported', phenotypeMeaning(g.phenotype)]),
    ...(genetics.hla ?? []).map((h) => [h.allele, '—', words(h.status, 'CARRIER_STATUS_') || 'not reported', hlaMeaning(h)]),
  ];
  return el('div', { class: 'pgx' },
    el('h3', {}, 'Pharmacogenomic results'),
    rows.length === 0 ? el('p', {}, 'No pharmacogenomic results on file.')
      : el('table', {},
        el('thead', {}, el('tr', {}, ['Gene', 'Diplotype', 'Phenotype', 'What it means'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, rows.map(([gene, diplotype, phenotype, meaning]) => el('tr', {},
          el('th', { scope: 'row' }, gene), el('td', {}, diplotype), el('td', {}, phenotype), el('td', {}, meaning))))));
}

/** A phenotype in plain words for clinicians: what it does to drugs that depend on the gene. */
export function phenotypeMeaning(phenotype = '') {
  const p = phenotype.toLowerCase();
  if (!p || p.includes('indeterminate')) return 'Could not be interpreted; not used for dosing.';
  if (p.includes('poor')) return 'Little or no activity: drugs this gene activates may not work; drugs it clears can build up.';
  if (p.includes('intermediate') || p.includes('decreased')) return 'Reduced activity: some drugs need a lower dose or an alternative.';
  if (p.includes('ultrarapid') || p.includes('rapid') || p.includes('increased')) {
    return 'More activity than usual: drugs this gene activates can reach high levels; drugs it clears may not work.';
  }
  if (p.includes('normal')) return 'Usual activity: standard dosing applies.';
  // VKORC1 is reported as the -1639G>A genotype: each A allele means more warfarin sensitivity.
  if (p.includes('-1639 aa')) return 'High warfarin sensitivity: a clearly lower warfarin dose is needed.';
  if (p.includes('-1639 ag') || p.includes('-1639 ga')) return 'Raised warfarin sensitivity: a lower warfarin dose may be needed.';
  if (p.includes('-1639 gg')) return 'Usual warfarin sensitivity.';
  return 'See the CPIC guideline for this gene.';
}

function hlaMeaning(hla) {
  if (hla.status === 'CARRIER_STATUS_POSITIVE') return 'Carrier: high risk of a severe hypersensitivity reaction to drugs linked to this allele.';
  if (hla.status === 'CARRIER_STATUS_NEGATIVE') return 'Not a carrier: no added risk from this allele.';
  return 'Not known.';
}

function latestLabs(labs) {
  if (!labs.length) return null;
  return el('details', { class: 'labs' },
    el('summary', {}, `Latest laboratory results (${labs.length})`),
    el('table', {},
      el('thead', {}, el('tr', {}, ['Test', 'Result', 'Date'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, labs.map((lab) => el('tr', {},
        el('th', { scope: 'row' }, lab.display || lab.loinc),
        el('td', {}, lab.quantity ? `${number(lab.quantity.value ?? 0)} ${lab.quantity.unit ?? ''}` : '—'),
        el('td', {}, lab.effectiveAt ? lab.effectiveAt.slice(0, 10) : '—'))))));
}

function plainProfile(p) {
  return el('section', { 'aria-labelledby': 'profile-heading', class: 'panel', id: 'profile' },
    el('h2', { id: 'profile-heading' }, 'About you'),
    p.ageYears !== undefined ? el('p', {}, `Age: ${p.ageYears} years`) : null,
    el('div', { class: 'summary-grid' },
      listBlock('Your medicines', p.medicines ?? [], 'No current medicines on your record.'),
      listBlock('Your allergies', p.allergies ?? [], 'No allergies on your record.')),
    el('h3', {}, 'Your genetic test results'),
    (p.genes ?? []).length === 0 ? el('p', {}, 'No genetic test results on your record.')
      : el('ul', { class: 'plain-genes' }, p.genes.map((g) => el('li', {}, el('strong', {}, `${g.gene}: ${g.result}. `), g.meaning))),
    (p.missingInformation ?? []).length
      ? el('div', {}, el('h3', {}, 'Information your record is missing'), el('ul', {}, p.missingInformation.map((m) => el('li', {}, m))))
      : null);
}
