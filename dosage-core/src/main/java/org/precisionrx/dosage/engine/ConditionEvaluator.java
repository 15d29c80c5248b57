package org.precisionrx.dosage.engine;

import java.util.List;

import org.precisionrx.dosage.engine.Evaluation.Truth;
import org.precisionrx.dosage.facts.PatientFacts;
import org.precisionrx.dosage.kb.Condition;

/**
 * Evaluates rule conditions with Kleene logic: a missing fact makes a leaf UNKNOWN rather than
 * false, so that a rule can ask for the data instead of silently passing.
 */
final class ConditionEvaluator {

    private ConditionEvaluator() {
    }

    static Evaluation evaluate(Condition condition, PatientFacts facts) {
        // Java 17 has no pattern switch; the sealed interface keeps this list complete.
        if (condition instanceof Condition.PhenotypeIn c) {
            return facts.phenotypes().containsKey(c.gene())
                    ? Evaluation.of(c.phenotypes().contains(facts.phenotypes().get(c.gene())))
                    : Evaluation.unknown("phenotype:" + c.gene());
        }
        if (condition instanceof Condition.ActivityScore c) {
            return facts.activityScores().containsKey(c.gene())
                    ? Evaluation.of(c.bounds().contains(facts.activityScores().get(c.gene())))
                    : Evaluation.unknown("activityScore:" + c.gene());
        }
        if (condition instanceof Condition.HlaCarrier c) {
            return facts.hla().containsKey(c.allele())
                    ? Evaluation.of(facts.hla().get(c.allele()) == c.carrier())
                    : Evaluation.unknown("hla:" + c.allele());
        }
        if (condition instanceof Condition.Numeric c) {
            return numeric(c, facts);
        }
        if (condition instanceof Condition.HasCondition c) {
            return Evaluation.of(facts.conditions().contains(c.category()));
        }
        if (condition instanceof Condition.TakesAny c) {
            return Evaluation.of(c.drugIds().stream().anyMatch(facts.activeMedications()::contains));
        }
        if (condition instanceof Condition.HasDietFlag c) {
            return Evaluation.of(facts.dietFlags().contains(c.flag()));
        }
        if (condition instanceof Condition.Smokes c) {
            return facts.smoking() == null ? Evaluation.unknown("smoking") : Evaluation.of(c.status().equals(facts.smoking()));
        }
        if (condition instanceof Condition.AncestryIn c) {
            return facts.ancestry() == null ? Evaluation.unknown("ancestry") : Evaluation.of(c.ancestries().contains(facts.ancestry()));
        }
        if (condition instanceof Condition.AllOf c) {
            return allOf(c.parts(), facts);
        }
        if (condition instanceof Condition.AnyOf c) {
            return atLeast(1, c.parts(), facts);
        }
        if (condition instanceof Condition.AtLeastOf c) {
            return atLeast(c.count(), c.parts(), facts);
        }
        if (condition instanceof Condition.Not c) {
            return not(evaluate(c.part(), facts));
        }
        throw new IllegalStateException("unhandled condition " + condition.getClass().getSimpleName());
    }

    private static Evaluation numeric(Condition.Numeric c, PatientFacts facts) {
        Number value = switch (c.fact()) {
            case CRCL_ML_MIN -> facts.crclMlMin();
            case EGFR -> facts.egfr();
            case SERUM_CREATININE_MG_DL -> facts.serumCreatinineMgDl();
            case AGE_YEARS -> facts.ageYears();
            case WEIGHT_KG -> facts.weightKg();
        };
        return value == null ? Evaluation.unknown(c.fact().key()) : Evaluation.of(c.bounds().contains(value.doubleValue()));
    }

    private static Evaluation allOf(List<Condition> parts, PatientFacts facts) {
        List<Evaluation> results = parts.stream().map(p -> evaluate(p, facts)).toList();
        if (results.stream().anyMatch(r -> r.truth() == Truth.FALSE)) {
            return Evaluation.FALSE;
        }
        return results.stream().allMatch(r -> r.truth() == Truth.TRUE) ? Evaluation.TRUE : Evaluation.unknown(Evaluation.union(results));
    }

    /** True once {@code count} parts are true; false once too few can still become true. */
    private static Evaluation atLeast(int count, List<Condition> parts, PatientFacts facts) {
        List<Evaluation> results = parts.stream().map(p -> evaluate(p, facts)).toList();
        long yes = results.stream().filter(r -> r.truth() == Truth.TRUE).count();
        long open = results.stream().filter(r -> r.truth() == Truth.UNKNOWN).count();
        if (yes >= count) {
            return Evaluation.TRUE;
        }
        return yes + open < count ? Evaluation.FALSE : Evaluation.unknown(Evaluation.union(results));
    }

    private static Evaluation not(Evaluation inner) {
        return switch (inner.truth()) {
            case TRUE -> Evaluation.FALSE;
            case FALSE -> Evaluation.TRUE;
            case UNKNOWN -> inner;
        };
    }
}
