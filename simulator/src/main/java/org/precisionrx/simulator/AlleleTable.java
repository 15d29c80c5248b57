package org.precisionrx.simulator;

import java.util.EnumMap;
import java.util.Map;

/**
 * Allele frequencies of one gene by ancestry. Index 0 is the reference allele; its frequency is whatever
 * the listed variant alleles leave. {@code values} carry what the phenotype call needs: the CPIC activity
 * value (CYP2C9, CYP2D6), or a function code (CYP2C19: 0 no function, 1 normal, 2 increased; VKORC1,
 * SLCO1B1, ABCG2: 1 for the variant allele).
 */
record AlleleTable(Gene gene, String[] alleles, double[] values, Map<Ancestry, double[]> variantFrequencies) {

    /** Frequencies of all alleles (reference first) for one ancestry. */
    double[] frequencies(Ancestry ancestry) {
        double[] variants = variantFrequencies.get(ancestry);
        double[] all = new double[alleles.length];
        double sum = 0;
        for (int i = 0; i < variants.length; i++) {
            all[i + 1] = variants[i];
            sum += variants[i];
        }
        all[0] = 1.0 - sum;
        return all;
    }

    /** Helper for the tables: frequencies of the variant alleles for WHITE, BLACK, ASIAN, OTHER. */
    static Map<Ancestry, double[]> byAncestry(double[] white, double[] black, double[] asian, double[] other) {
        Map<Ancestry, double[]> m = new EnumMap<>(Ancestry.class);
        m.put(Ancestry.WHITE, white);
        m.put(Ancestry.BLACK_OR_AFRICAN_AMERICAN, black);
        m.put(Ancestry.ASIAN, asian);
        m.put(Ancestry.OTHER, other);
        return m;
    }
}
