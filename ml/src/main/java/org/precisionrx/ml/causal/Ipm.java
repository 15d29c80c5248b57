package org.precisionrx.ml.causal;

import java.util.Locale;

/**
 * Integral probability metric between the representation of each arm and that of all other arms
 * (CFR, Shalit et al. 2017), averaged over the arms present on both sides of a mini-batch and added to
 * the factual loss with weight alpha. See {@link IpmGraph} for the formulas.
 */
public enum Ipm {
    /** Plain TARNet: no balancing. */
    NONE("none"),
    /** Squared distance between the arm's mean representation and the rest's (linear-kernel MMD²). */
    MMD_LINEAR("mmd-lin"),
    /** Biased (V-statistic) MMD² with a Gaussian kernel of bandwidth sigma. */
    MMD_RBF("mmd"),
    /** Sliced Wasserstein-2²: mean over seeded random unit directions and quantile levels. */
    WASS("wass");

    private final String cliName;

    Ipm(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Parses a CLI name (none, mmd, mmd-lin, wass) or an enum name. */
    public static Ipm parse(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        for (Ipm ipm : values()) {
            if (ipm.cliName.equals(v) || ipm.name().toLowerCase(Locale.ROOT).equals(v)) {
                return ipm;
            }
        }
        throw new IllegalArgumentException("unknown IPM '" + s + "' (expected none, mmd, mmd-lin or wass)");
    }
}
