package org.precisionrx.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Simulates a factual cohort for one indication. Each patient gets its own split of the seeded master
 * stream, itself split into patient, prescribing and outcome streams, so a change to the prescribing
 * model leaves the patients unchanged and the same seed always gives the same cohort.
 */
public final class CohortSimulator {

    /** Every arm keeps at least this historical prescribing probability (positivity). */
    public static final double POSITIVITY_FLOOR = 0.02;
    public static final double DEFAULT_UNTESTED_FRACTION = 0.15;

    private final PatientGenerator generator;

    public CohortSimulator(double untestedFraction) {
        this.generator = new PatientGenerator(untestedFraction);
    }

    public CohortSimulator() {
        this(DEFAULT_UNTESTED_FRACTION);
    }

    public List<CohortRow> simulate(Indication indication, int n, long seed) {
        List<CohortRow> rows = new ArrayList<>(n);
        simulate(indication, n, seed, rows::add);
        return rows;
    }

    public void simulate(Indication indication, int n, long seed, Consumer<CohortRow> sink) {
        IndicationModel model = IndicationModel.of(indication);
        SplittableRandom master = masterStream(indication, seed);
        for (int i = 0; i < n; i++) {
            sink.accept(row(model, mrn(seed, i), i, master.split()));
        }
    }

    /**
     * Demo patients for FHIR bundles: indications in turn (or only {@code only} when not null), each with
     * the arm historically prescribed for it.
     */
    public List<CohortRow> demoPatients(int n, long seed, Indication only) {
        SplittableRandom master = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<CohortRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Indication indication = only != null ? only : Indication.values()[i % Indication.values().length];
            rows.add(row(IndicationModel.of(indication), mrn(seed, i), i, master.split()));
        }
        return rows;
    }

    private CohortRow row(IndicationModel model, String mrn, int index, SplittableRandom r) {
        SplittableRandom patientStream = r.split();
        SplittableRandom prescribingStream = r.split();
        SplittableRandom outcomeStream = r.split();
        Patient p = generator.generate(model.indication(), mrn, index, patientStream);
        int arms = model.indication().armCount();
        double[] mu = new double[arms];
        double[] sae = new double[arms];
        for (int k = 0; k < arms; k++) {
            ArmOutcome o = model.outcome(p, k);
            mu[k] = o.benefit();
            sae[k] = o.sae();
        }
        int t = Rng.categorical(prescribingStream, prescribingProbabilities(model, p));
        boolean hadSae = outcomeStream.nextDouble() < sae[t];
        double u = outcomeStream.nextDouble();
        boolean benefit = !hadSae && u < mu[t] / (1 - sae[t]);
        return new CohortRow(p, t, benefit, hadSae, mu, sae);
    }

    /** Softmax of the prescribing logits, mixed with a uniform floor so every arm keeps >= 2 %. */
    public static double[] prescribingProbabilities(IndicationModel model, Patient p) {
        double[] logits = model.prescribingLogits(p);
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        double[] prob = new double[logits.length];
        for (int k = 0; k < logits.length; k++) {
            prob[k] = StrictMath.exp(logits[k] - max);
            sum += prob[k];
        }
        double scale = 1 - POSITIVITY_FLOOR * logits.length;
        for (int k = 0; k < logits.length; k++) {
            prob[k] = POSITIVITY_FLOOR + scale * prob[k] / sum;
        }
        return prob;
    }

    private static SplittableRandom masterStream(Indication indication, long seed) {
        return new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (indication.ordinal() + 1));
    }

    static String mrn(long seed, int index) {
        return String.format(Locale.ROOT, "SIM%d-%06d", Math.floorMod(seed, 100000L), index + 1);
    }
}
