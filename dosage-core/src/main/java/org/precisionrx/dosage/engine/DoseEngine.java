package org.precisionrx.dosage.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.precisionrx.dosage.engine.Evaluation.Truth;
import org.precisionrx.dosage.engine.Recommendation.Applied;
import org.precisionrx.dosage.facts.PatientFacts;
import org.precisionrx.dosage.kb.DoseEntry;
import org.precisionrx.dosage.kb.Drug;
import org.precisionrx.dosage.kb.KnowledgeBase;
import org.precisionrx.dosage.kb.Rule;

/**
 * Works out a drug's adult daily dose range for a patient from the knowledge base: the standard
 * dose for the indication, sized by weight or body surface where the dose is, driven by a dose
 * model where one applies, then adjusted by every rule whose condition holds.
 */
public final class DoseEngine {

    static final int ADULT_AGE = 18;

    private final KnowledgeBase kb;
    private final Map<String, DoseModel> models;

    public DoseEngine(KnowledgeBase kb, List<DoseModel> models) {
        this.kb = kb;
        this.models = models.stream().collect(Collectors.toUnmodifiableMap(DoseModel::id, Function.identity()));
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /**
     * @throws UnknownDrugException when the drug is not in the formulary
     * @throws InvalidRequestException when the indication is missing and ambiguous, or not one of the drug's
     */
    public Recommendation recommend(PatientFacts facts, String drugId, String indicationId) {
        Drug drug = kb.drug(drugId).orElseThrow(() -> new UnknownDrugException(drugId, kb.closestDrugs(drugId, 3)));
        DoseEntry dose = doseFor(drug, indicationId);
        Adjustments work = new Adjustments(drug, dose, kb.version());
        if (facts.ageYears() == null) {
            work.missing("ageYears", "age is needed to confirm adult dosing (no birth date on file)");
            return work.finish();
        }
        if (facts.ageYears() < ADULT_AGE) {
            return work.outOfScope("patients under 18 are out of scope: the formulary holds adult doses only");
        }
        if (!work.sizeBase(facts)) {
            return work.finish();
        }
        DoseModel model = dose.model() == null ? null : models.get(dose.model());
        if (model != null) {
            work.applyModel(model.estimate(facts));
        } else if (dose.model() != null) {
            work.warn("dose model " + dose.model() + " is not available; the guideline range is shown");
        }
        for (Rule rule : drug.rules()) {
            if (rule.appliesTo(dose.indication())) {
                apply(rule, ConditionEvaluator.evaluate(rule.when(), facts), work);
            }
        }
        return work.finish();
    }

    private static void apply(Rule rule, Evaluation evaluation, Adjustments work) {
        if (evaluation.truth() == Truth.TRUE) {
            work.fire(rule);
        } else if (evaluation.truth() == Truth.UNKNOWN) {
            String needs = String.join(", ", evaluation.missing().stream().sorted().toList());
            switch (rule.ifUnknown()) {
                case INSUFFICIENT_DATA -> evaluation.missing().stream().sorted()
                        .forEach(fact -> work.missing(fact, FactNames.describe(fact) + " is needed to check: " + rule.reason()));
                case WARN -> work.warn("could not check rule " + rule.id() + " (missing " + needs + "): " + rule.reason());
                case IGNORE -> {
                    // The guideline allows standard dosing without this fact.
                }
            }
        }
    }

    private DoseEntry doseFor(Drug drug, String indicationId) {
        if (indicationId == null || indicationId.isBlank()) {
            if (drug.doses().size() == 1) {
                return drug.doses().get(0);
            }
            throw new InvalidRequestException("indication_id", "drug " + drug.id() + " has several indications; give one of "
                    + drug.doses().stream().map(DoseEntry::indication).toList());
        }
        return drug.doseFor(indicationId).orElseThrow(() -> new InvalidRequestException("indication_id",
                "drug " + drug.id() + " has no dose for indication '" + indicationId + "'; its indications are "
                        + drug.doses().stream().map(DoseEntry::indication).toList()));
    }

    /** Human-readable list of rule alternatives, for callers that only need ids. */
    static Set<String> union(List<Applied> applied) {
        Set<String> alternatives = new LinkedHashSet<>();
        applied.forEach(a -> alternatives.addAll(a.rule().alternatives()));
        return alternatives;
    }

}
