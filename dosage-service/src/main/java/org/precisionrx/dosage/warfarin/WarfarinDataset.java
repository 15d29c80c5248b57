package org.precisionrx.dosage.warfarin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.precisionrx.ml.io.Sha256;

/**
 * The IWPC cohort rows the model can learn from (age, height, weight and dose present), split
 * deterministically. Validation membership comes from a seeded hash of the PharmGKB subject id,
 * so it does not depend on row order; the rest is shuffled (seeded) into a fitting part, an
 * early-stopping part and a calibration part for the interval.
 */
public record WarfarinDataset(List<Example> fit, List<Example> earlyStop, List<Example> calibration,
                              List<Example> validation) {

    public static final double VALIDATION_FRACTION = 0.20;
    /** Shares of the training part (after validation is removed). */
    public static final double EARLY_STOP_FRACTION = 0.15;
    public static final double CALIBRATION_FRACTION = 0.15;

    /** One patient: features, actual weekly dose (mg/week) and the subject id the split is keyed on. */
    public record Example(String subjectId, WarfarinFeatures features, double weeklyDose) {
    }

    public static WarfarinDataset load(Path cohortCsv, long seed) throws IOException {
        return split(examples(IwpcCohort.read(cohortCsv)), seed);
    }

    /** Rows with the model's required inputs and a dose, sorted by subject id. */
    public static List<Example> examples(List<Map<String, String>> rows) {
        List<Example> out = new ArrayList<>();
        for (Map<String, String> row : rows) {
            WarfarinFeatures features = WarfarinFeatures.fromCohort(row);
            Double dose = IwpcCohort.dose(row);
            if (features != null && dose != null && dose > 0) {
                out.add(new Example(row.get("PharmGKB Subject ID"), features, dose));
            }
        }
        out.sort(Comparator.comparing(Example::subjectId));
        return out;
    }

    public static WarfarinDataset split(List<Example> examples, long seed) {
        List<Example> train = new ArrayList<>();
        List<Example> validation = new ArrayList<>();
        for (Example e : examples) {
            (isValidation(e.subjectId(), seed) ? validation : train).add(e);
        }
        java.util.Collections.shuffle(train, new Random(seed));
        int nEarly = (int) Math.round(train.size() * EARLY_STOP_FRACTION);
        int nCal = (int) Math.round(train.size() * CALIBRATION_FRACTION);
        return new WarfarinDataset(List.copyOf(train.subList(nEarly + nCal, train.size())),
                List.copyOf(train.subList(0, nEarly)), List.copyOf(train.subList(nEarly, nEarly + nCal)),
                List.copyOf(validation));
    }

    /** All rows used for training (fit + early stopping + calibration). */
    public List<Example> trainingPart() {
        List<Example> all = new ArrayList<>(fit);
        all.addAll(earlyStop);
        all.addAll(calibration);
        return all;
    }

    static boolean isValidation(String subjectId, long seed) {
        byte[] h = Sha256.newDigest().digest(("warfarin-split:" + seed + ":" + subjectId).getBytes(StandardCharsets.UTF_8));
        long bucket = ((h[0] & 0xFFL) << 24) | ((h[1] & 0xFFL) << 16) | ((h[2] & 0xFFL) << 8) | (h[3] & 0xFFL); // uniform 32 bits
        return bucket < (long) (VALIDATION_FRACTION * (1L << 32));
    }
}
