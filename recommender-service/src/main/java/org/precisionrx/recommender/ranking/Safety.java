package org.precisionrx.recommender.ranking;

import org.precisionrx.dosage.v1.DoseRecommendation;
import org.precisionrx.dosage.v1.DoseResult;
import org.precisionrx.dosage.v1.DoseStatus;
import org.precisionrx.recommender.v1.RankedOption;

/** dosage-service's verdict on an option: its status, the reason, the dose and the evidence. */
final class Safety {

    private Safety() {
    }

    static void attach(RankedOption.Builder option, DoseResult result) {
        if (result.hasError()) {
            option.setSafetyStatus(DoseStatus.DOSE_STATUS_UNSPECIFIED)
                    .setSafetyReason("dosage-service could not assess this option: " + result.getError().getMessage());
            return;
        }
        DoseRecommendation dose = result.getRecommendation();
        option.setSafetyStatus(dose.getStatus()).setDose(dose);
        dose.getAdjustmentsList().forEach(a -> option.addCitations(a.getSource()));
        String reason = switch (dose.getStatus()) {
            case DOSE_STATUS_AVOID, DOSE_STATUS_CONTRAINDICATED, DOSE_STATUS_ADJUSTED -> dose.getAdjustmentsList().stream()
                    .filter(a -> !a.getEffect().equals("caution"))
                    .map(a -> a.getReason())
                    .reduce((a, b) -> a + " " + b).orElse(dose.getRegimen());
            case DOSE_STATUS_INSUFFICIENT_DATA -> "missing data: " + String.join(", ",
                    dose.getGapsList().stream().map(g -> g.getReason()).toList());
            case DOSE_STATUS_OUT_OF_SCOPE -> dose.getWarningsList().isEmpty() ? "out of scope" : dose.getWarnings(0);
            default -> "";
        };
        option.setSafetyReason(reason);
    }

    /** 0 for options that may be given, 1 for avoid, 2 for contraindicated. */
    static int demotion(DoseStatus status) {
        return switch (status) {
            case DOSE_STATUS_AVOID -> 1;
            case DOSE_STATUS_CONTRAINDICATED, DOSE_STATUS_OUT_OF_SCOPE -> 2;
            default -> 0;
        };
    }
}
