package org.precisionrx.dosage.kb;

import java.util.List;
import java.util.Set;

/** The condition of a rule: facts about the patient, combined with Kleene three-valued logic. */
public sealed interface Condition {

    /** The CPIC phenotype of a gene is one of the listed ones. */
    record PhenotypeIn(String gene, Set<String> phenotypes) implements Condition {
    }

    record ActivityScore(String gene, Bounds bounds) implements Condition {
    }

    record HlaCarrier(String allele, boolean carrier) implements Condition {
    }

    /** A numeric patient fact, such as creatinine clearance, within bounds. */
    record Numeric(NumericFact fact, Bounds bounds) implements Condition {
    }

    record HasCondition(String category) implements Condition {
    }

    record TakesAny(Set<String> drugIds) implements Condition {
    }

    record HasDietFlag(String flag) implements Condition {
    }

    record Smokes(String status) implements Condition {
    }

    record AncestryIn(Set<String> ancestries) implements Condition {
    }

    record AllOf(List<Condition> parts) implements Condition {
    }

    record AnyOf(List<Condition> parts) implements Condition {
    }

    record AtLeastOf(int count, List<Condition> parts) implements Condition {
    }

    record Not(Condition part) implements Condition {
    }

    enum NumericFact {
        CRCL_ML_MIN("crclMlMin"), EGFR("egfr"), SERUM_CREATININE_MG_DL("serumCreatinineMgDl"),
        AGE_YEARS("ageYears"), WEIGHT_KG("weightKg");

        private final String key;

        NumericFact(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** Inclusive atLeast/atMost and exclusive above/below; null bounds are open. */
    record Bounds(Double atLeast, Double atMost, Double above, Double below) {

        public boolean contains(double value) {
            return (atLeast == null || value >= atLeast)
                    && (atMost == null || value <= atMost)
                    && (above == null || value > above)
                    && (below == null || value < below);
        }
    }
}
