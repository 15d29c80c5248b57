package org.precisionrx.recommender.training;

import java.util.List;

import org.precisionrx.dosage.engine.DoseEngine;
import org.precisionrx.dosage.engine.Recommendation.Status;
import org.precisionrx.dosage.facts.PatientFacts;

/**
 * The treatment choices compared in the model cards: the model's (highest predicted benefit among
 * the options dosage rules allow, as recommender-service ranks them), the most-prescribed arm, and
 * guideline rules only (the most-prescribed arm the dosage rules allow).
 */
final class Policies {

    private Policies() {
    }

    /** Which arms the knowledge base does not advise against for this patient. */
    static boolean[] allowed(DoseEngine engine, PatientFacts facts, String indication, List<String> arms) {
        boolean[] allowed = new boolean[arms.size()];
        for (int a = 0; a < arms.size(); a++) {
            Status status = engine.recommend(facts, arms.get(a), indication).status();
            allowed[a] = status != Status.AVOID && status != Status.CONTRAINDICATED && status != Status.OUT_OF_SCOPE;
        }
        return allowed;
    }

    static int model(double[] predictedBenefit, boolean[] allowed) {
        int best = -1;
        for (int a = 0; a < predictedBenefit.length; a++) {
            if (allowed[a] && (best < 0 || predictedBenefit[a] > predictedBenefit[best])) {
                best = a;
            }
        }
        return best >= 0 ? best : argmax(predictedBenefit);
    }

    /** @param popularity arms from most to least prescribed in the training cohort */
    static int guideline(int[] popularity, boolean[] allowed) {
        for (int arm : popularity) {
            if (allowed[arm]) {
                return arm;
            }
        }
        return popularity[0];
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int a = 1; a < values.length; a++) {
            if (values[a] > values[best]) {
                best = a;
            }
        }
        return best;
    }
}
