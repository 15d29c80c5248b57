package org.precisionrx.simulator;

import java.util.List;
import java.util.Locale;

/**
 * Cohort statistics for the report and the tests: arm shares, mean true P(benefit)/P(SAE) per arm, how
 * often each arm is truly best, and regrets of simple policies.
 */
public record CohortSummary(Indication indication, int n, double[] share, double[] meanMu, double[] meanSae,
        double[] bestFraction, double[] meanAge, double[] meanCrcl, double[] observedBenefit,
        int mostPrescribed, double regretMostPrescribed, double regretHistorical, double[] regretAlways) {

    public static CohortSummary of(Indication indication, List<CohortRow> rows) {
        int k = indication.armCount();
        int n = rows.size();
        double[] count = new double[k];
        double[] mu = new double[k];
        double[] sae = new double[k];
        double[] best = new double[k];
        double[] age = new double[k];
        double[] crcl = new double[k];
        double[] observed = new double[k];
        double[] regretAlways = new double[k];
        double regretHistorical = 0;
        for (CohortRow r : rows) {
            int t = r.treatment();
            count[t]++;
            age[t] += r.patient().age();
            crcl[t] += r.patient().crcl();
            observed[t] += r.benefit() ? 1 : 0;
            best[r.bestArm()]++;
            regretHistorical += r.regret(t);
            for (int a = 0; a < k; a++) {
                mu[a] += r.mu()[a];
                sae[a] += r.saeProbability()[a];
                regretAlways[a] += r.regret(a);
            }
        }
        int most = 0;
        for (int a = 0; a < k; a++) {
            age[a] /= Math.max(1, count[a]);
            crcl[a] /= Math.max(1, count[a]);
            observed[a] /= Math.max(1, count[a]);
            mu[a] /= n;
            sae[a] /= n;
            best[a] /= n;
            regretAlways[a] /= n;
            most = count[a] > count[most] ? a : most;
        }
        for (int a = 0; a < k; a++) {
            count[a] /= n;
        }
        return new CohortSummary(indication, n, count, mu, sae, best, age, crcl, observed, most,
                regretAlways[most], regretHistorical / n, regretAlways);
    }

    /** Markdown table plus the regret lines. */
    public String toMarkdown() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "### %s (n = %d)%n%n", indication.id, n));
        b.append("| arm | share | mean age | mean CrCl | observed benefit | mean mu (true) | mean SAE (true) "
                + "| truly best | regret if always |\n|---|---|---|---|---|---|---|---|---|\n");
        for (int a = 0; a < indication.armCount(); a++) {
            b.append(String.format(Locale.ROOT, "| %s | %.1f%% | %.1f | %.1f | %.3f | %.3f | %.3f | %.1f%% | %.3f |%n",
                    indication.arms.get(a), 100 * share[a], meanAge[a], meanCrcl[a], observedBenefit[a], meanMu[a],
                    meanSae[a], 100 * bestFraction[a], regretAlways[a]));
        }
        b.append(String.format(Locale.ROOT, "%nRegret of always the most-prescribed arm (%s): %.4f; "
                + "regret of historical prescribing: %.4f.%n", indication.arms.get(mostPrescribed),
                regretMostPrescribed, regretHistorical));
        return b.toString();
    }
}
