package org.precisionrx.ml.causal;

/**
 * One arm's prediction summarised over ensemble members: the mean, the sample standard deviation across
 * members and a 90% interval mean ± 1.645·sd (normal approximation of the members' spread, i.e. of the
 * epistemic uncertainty; not a predictive interval for one patient's outcome), clipped to [0, 1] for
 * BINARY. With one member sd is 0 and the interval collapses to the mean.
 */
public record ArmSummary(double mean, double sd, double lower, double upper) {
    public static final double Z90 = 1.6448536269514722;

    public static ArmSummary of(double[] memberValues, OutcomeType type) {
        int m = memberValues.length;
        double mean = 0;
        for (double v : memberValues) {
            mean += v;
        }
        mean /= m;
        double ss = 0;
        for (double v : memberValues) {
            ss += (v - mean) * (v - mean);
        }
        double sd = m > 1 ? Math.sqrt(ss / (m - 1)) : 0;
        double lo = mean - Z90 * sd;
        double hi = mean + Z90 * sd;
        if (type == OutcomeType.BINARY) {
            lo = Math.max(0, lo);
            hi = Math.min(1, hi);
        }
        return new ArmSummary(mean, sd, lo, hi);
    }
}
