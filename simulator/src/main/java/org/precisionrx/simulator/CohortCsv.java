package org.precisionrx.simulator;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** Writes a factual cohort as CSV: header row, features, treatment, factual outcomes, truth columns. */
public final class CohortCsv {

    /** Feature columns, in order, exactly as the v1 ranking model reads them. */
    public static final List<String> FEATURES = List.of("age", "sex", "ancestry", "bmi", "crcl_ml_min", "egfr",
            "af", "ckd", "liver_disease", "prior_major_bleed", "prior_stroke", "heart_failure", "diabetes",
            "hypertension", "smoking", "alcohol_units_week", "high_vitamin_k", "amiodarone", "omeprazole",
            "strong_cyp3a4_inhibitor", "cyp2c19", "cyp2c9", "vkorc1", "slco1b1", "cyp2d6", "abcg2", "age_band");

    private static final Comorbidity[] CONDITION_COLUMNS = {Comorbidity.ATRIAL_FIBRILLATION,
        Comorbidity.CHRONIC_KIDNEY_DISEASE, Comorbidity.LIVER_DISEASE, Comorbidity.PRIOR_MAJOR_BLEED,
        Comorbidity.PRIOR_STROKE, Comorbidity.HEART_FAILURE, Comorbidity.DIABETES, Comorbidity.HYPERTENSION};

    private CohortCsv() {
    }

    public static List<String> header(Indication indication) {
        List<String> h = new ArrayList<>();
        h.add("id");
        h.addAll(FEATURES);
        h.add("treatment");
        h.add("benefit");
        h.add("sae");
        indication.arms.forEach(a -> h.add("mu_" + a));
        indication.arms.forEach(a -> h.add("sae_" + a));
        return h;
    }

    public static void writeHeader(Indication indication, Writer out) throws IOException {
        out.write(String.join(",", header(indication)));
        out.write('\n');
    }

    public static void writeRow(CohortRow row, Writer out) throws IOException {
        Patient p = row.patient();
        StringBuilder b = new StringBuilder(512);
        b.append(p.id()).append(',').append(p.age()).append(',').append(p.sex()).append(',').append(p.ancestry())
                .append(',').append(fixed(p.bmi(), 1)).append(',').append(fixed(p.crcl(), 1))
                .append(',').append(fixed(p.egfr(), 1));
        for (Comorbidity c : CONDITION_COLUMNS) {
            b.append(',').append(flag(p.has(c)));
        }
        b.append(',').append(p.smoking()).append(',').append(fixed(p.alcoholUnitsWeek(), 1))
                .append(',').append(flag(p.highVitaminK())).append(',').append(flag(p.amiodarone()))
                .append(',').append(flag(p.omeprazole())).append(',').append(flag(p.strongCyp3a4Inhibitor()));
        for (Gene g : Gene.values()) {
            b.append(',').append(p.observedPhenotype(g));
        }
        b.append(',').append(p.ageBand());
        b.append(',').append(p.indication().arms.get(row.treatment())).append(',').append(flag(row.benefit()))
                .append(',').append(flag(row.sae()));
        for (double m : row.mu()) {
            b.append(',').append(fixed(m, 4));
        }
        for (double s : row.saeProbability()) {
            b.append(',').append(fixed(s, 4));
        }
        b.append('\n');
        out.write(b.toString());
    }

    private static String flag(boolean b) {
        return b ? "1" : "0";
    }

    /** Fixed-point formatting, locale-free and identical on every JVM; NA for NaN. */
    static String fixed(double x, int decimals) {
        if (Double.isNaN(x)) {
            return "NA";
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long v = Math.round(Math.abs(x) * scale);
        String digits = Long.toString(v / scale);
        String sign = x < 0 && v != 0 ? "-" : "";
        if (decimals == 0) {
            return sign + digits;
        }
        String frac = Long.toString(v % scale);
        return sign + digits + "." + "0".repeat(decimals - frac.length()) + frac;
    }
}
