package org.precisionrx.profile.pgx;

/**
 * Result of translating one gene's diplotype. The phenotype is never guessed: when the tables cannot
 * decide, {@code phenotype} is {@value #INDETERMINATE}, {@code determinate} is false and {@code reason}
 * says why.
 *
 * @param gene          upper-case gene symbol as asked for
 * @param diplotype     normalised diplotype, or null when the input could not be normalised
 * @param phenotype     the CPIC phenotype string (e.g. "Intermediate Metabolizer", "-1639 AG") or "Indeterminate"
 * @param activityScore activity score for activity-score genes (CYP2C9, DPYD, CYP2D6); null otherwise or when
 *                      unknown. For CYP2D6 with an unknown copy number ("xN") it is the lower bound.
 * @param determinate   true when the phenotype is a real call
 * @param reason        null when determinate; otherwise why not
 */
public record PhenotypeCall(String gene, String diplotype, String phenotype, Double activityScore,
                                                        boolean determinate, String reason) {

    public static final String INDETERMINATE = "Indeterminate";

    public PhenotypeCall {
        if (phenotype == null || phenotype.isBlank()) {
            throw new IllegalArgumentException("phenotype must not be blank");
        }
        if (determinate == (reason != null)) {
            throw new IllegalArgumentException("a reason is required exactly when the call is indeterminate");
        }
    }

    static PhenotypeCall of(String gene, String diplotype, String phenotype, Double activityScore) {
        return new PhenotypeCall(gene, diplotype, phenotype, activityScore, true, null);
    }

    static PhenotypeCall indeterminate(String gene, String diplotype, String reason) {
        return new PhenotypeCall(gene, diplotype, INDETERMINATE, null, false, reason);
    }
}
