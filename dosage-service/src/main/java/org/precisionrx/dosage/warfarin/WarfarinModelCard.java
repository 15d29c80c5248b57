package org.precisionrx.dosage.warfarin;

import org.precisionrx.ml.card.ModelCard;

/** The model card text of the warfarin dose model: data, intended and out-of-scope use, metrics. */
final class WarfarinModelCard {

    static final String INTENDED_USE = "Estimate of the stable weekly warfarin dose (P10, P50, P90; served as mg/day) "
            + "for ADULTS starting warfarin, from age, height, weight, CYP2C9 and VKORC1 -1639 genotypes (unknown allowed), "
            + "race/ancestry, sex, current smoking, enzyme inducers (carbamazepine, phenytoin, rifampin), amiodarone and "
            + "statins. Shown alongside the IWPC pharmacogenetic formula as decision support for clinician/pharmacist "
            + "review; the starting dose is then titrated to the INR.";
    static final String OUT_OF_SCOPE = "Children and adolescents (under 18); INR-guided maintenance dose adjustment "
            + "(the model knows no INR history); other vitamin K antagonists (acenocoumarol, phenprocoumon, "
            + "fluindione); patients outside the cohort's ranges (age bins 10-19 to 90+, extreme body size); "
            + "autonomous dosing without clinical review.";

    private WarfarinModelCard() {
    }

    static ModelCard create(WarfarinDataset data, long seed, WarfarinEvaluation eval, String artifactSha256) {
        String description = "International Warfarin Pharmacogenetics Consortium (IWPC) cohort as published by "
                + "PharmGKB (N Engl J Med 2009;360:753-764), file warfarin-train.csv (4,579 rows; about a fifth of "
                + "the cohort is held back elsewhere). Licence: CC BY-SA 4.0. Rows with age, height, weight and dose: "
                + (data.trainingPart().size() + data.validation().size()) + ". Split with seed " + seed + ": "
                + data.fit().size() + " fitting, " + data.earlyStop().size() + " early stopping, "
                + data.calibration().size() + " interval calibration (conformal widening); " + data.validation().size()
                + " validation rows, never used in training, for the metrics below. Metrics prefixed model. are this "
                + "model's P50 and P10-P90; iwpc. is the IWPC pharmacogenetic formula on the same rows, its 80% "
                + "interval from its training-part residual percentiles. Doses in mg/week; 95% bootstrap CIs ("
                + WarfarinEvaluation.BOOTSTRAP_REPS + " resamples).";
        return new ModelCard(WarfarinTraining.MODEL_NAME, WarfarinTraining.VERSION, WarfarinTraining.CREATED,
                new ModelCard.TrainingData(description, data.trainingPart().size()), INTENDED_USE, OUT_OF_SCOPE,
                eval.metrics(), eval.subgroupMetrics(), artifactSha256);
    }
}
