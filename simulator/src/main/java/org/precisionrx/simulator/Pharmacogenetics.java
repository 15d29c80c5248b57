package org.precisionrx.simulator;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Diplotypes drawn under Hardy-Weinberg from approximate allele frequencies by ancestry (sources and the
 * resulting phenotype frequencies: docs/simulator.md), translated to CPIC phenotypes.
 */
public final class Pharmacogenetics {

    public static final String PM = "Poor Metabolizer";
    public static final String IM = "Intermediate Metabolizer";
    public static final String NM = "Normal Metabolizer";
    public static final String RM = "Rapid Metabolizer";
    public static final String UM = "Ultrarapid Metabolizer";
    public static final String NORMAL_FUNCTION = "Normal Function";
    public static final String DECREASED_FUNCTION = "Decreased Function";
    public static final String POOR_FUNCTION = "Poor Function";
    public static final String VKORC1_GG = "-1639 GG";
    public static final String VKORC1_AG = "-1639 AG";
    public static final String VKORC1_AA = "-1639 AA";
    /** Written to the CSV for genes that were not tested. */
    public static final String UNKNOWN = "UNKNOWN";

    private static final Map<Gene, AlleleTable> TABLES = new EnumMap<>(Gene.class);

    static {
        // Variant allele frequencies for WHITE, BLACK_OR_AFRICAN_AMERICAN, ASIAN (East Asian), OTHER (Latino/mixed).
        add(new AlleleTable(Gene.CYP2C19, new String[] {"*1", "*2", "*3", "*17"}, new double[] {1, 0, 0, 2},
                AlleleTable.byAncestry(new double[] {0.150, 0.002, 0.210}, new double[] {0.180, 0.003, 0.210},
                        new double[] {0.290, 0.070, 0.020}, new double[] {0.110, 0.002, 0.130})));
        add(new AlleleTable(Gene.CYP2C9, new String[] {"*1", "*2", "*3", "*8", "*11"},
                new double[] {1.0, 0.5, 0.0, 0.5, 0.5},
                AlleleTable.byAncestry(new double[] {0.127, 0.069, 0.0, 0.0}, new double[] {0.020, 0.010, 0.060, 0.020},
                        new double[] {0.001, 0.034, 0.0, 0.0}, new double[] {0.070, 0.040, 0.005, 0.002})));
        add(new AlleleTable(Gene.VKORC1, new String[] {"C", "T"}, new double[] {0, 1},
                AlleleTable.byAncestry(new double[] {0.39}, new double[] {0.11}, new double[] {0.91}, new double[] {0.40})));
        add(new AlleleTable(Gene.SLCO1B1, new String[] {"*1", "*5", "*15"}, new double[] {0, 1, 1},
                AlleleTable.byAncestry(new double[] {0.020, 0.140}, new double[] {0.005, 0.025},
                        new double[] {0.010, 0.110}, new double[] {0.015, 0.105})));
        add(new AlleleTable(Gene.CYP2D6, new String[] {"*1", "*4", "*5", "*10", "*17", "*29", "*41", "*1x2"},
                new double[] {1.0, 0.0, 0.0, 0.25, 0.5, 0.5, 0.25, 2.0},
                AlleleTable.byAncestry(new double[] {0.185, 0.030, 0.020, 0.0, 0.0, 0.090, 0.030},
                        new double[] {0.060, 0.060, 0.040, 0.190, 0.090, 0.020, 0.050},
                        new double[] {0.005, 0.060, 0.430, 0.0, 0.0, 0.020, 0.010},
                        new double[] {0.110, 0.030, 0.030, 0.030, 0.010, 0.060, 0.040})));
        add(new AlleleTable(Gene.ABCG2, new String[] {"G", "T"}, new double[] {0, 1},
                AlleleTable.byAncestry(new double[] {0.10}, new double[] {0.03}, new double[] {0.29}, new double[] {0.14})));
    }

    private Pharmacogenetics() {
    }

    private static void add(AlleleTable t) {
        TABLES.put(t.gene(), t);
    }

    public static AlleleTable table(Gene gene) {
        return TABLES.get(gene);
    }

    /** Draws the two alleles independently (Hardy-Weinberg) and reports diplotype and phenotype. */
    public static Genotype sample(Gene gene, Ancestry ancestry, SplittableRandom r) {
        AlleleTable t = TABLES.get(gene);
        double[] f = t.frequencies(ancestry);
        return genotype(t, Rng.categorical(r, f), Rng.categorical(r, f));
    }

    /** Expected phenotype frequencies under Hardy-Weinberg, in first-seen order. */
    public static Map<String, Double> expectedPhenotypes(Gene gene, Ancestry ancestry) {
        AlleleTable t = TABLES.get(gene);
        double[] f = t.frequencies(ancestry);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int a = 0; a < f.length; a++) {
            for (int b = 0; b < f.length; b++) {
                out.merge(genotype(t, a, b).phenotype(), f[a] * f[b], Double::sum);
            }
        }
        return out;
    }

    static Genotype genotype(AlleleTable t, int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        double va = t.values()[lo];
        double vb = t.values()[hi];
        String[] n = t.alleles();
        return switch (t.gene()) {
            case CYP2C19 -> new Genotype(n[lo] + "/" + n[hi], cyp2c19(va, vb));
            case CYP2C9 -> new Genotype(n[lo] + "/" + n[hi], activity(va + vb, 0.5, 1.5, Double.MAX_VALUE));
            case CYP2D6 -> new Genotype(n[lo] + "/" + n[hi], activity(va + vb, 0.0, 1.0, 2.25));
            case VKORC1 -> new Genotype("rs9923231 " + n[lo] + "/" + n[hi],
                    count(va + vb, VKORC1_GG, VKORC1_AG, VKORC1_AA));
            case SLCO1B1 -> new Genotype(n[lo] + "/" + n[hi],
                    count(va + vb, NORMAL_FUNCTION, DECREASED_FUNCTION, POOR_FUNCTION));
            case ABCG2 -> new Genotype(abcg2(n[lo]) + "/" + abcg2(n[hi]),
                    count(va + vb, NORMAL_FUNCTION, DECREASED_FUNCTION, POOR_FUNCTION));
        };
    }

    /** CPIC CYP2C19: two no-function alleles PM; one IM (also with *17); else *17 count gives RM/UM. */
    private static String cyp2c19(double a, double b) {
        int noFunction = (a == 0 ? 1 : 0) + (b == 0 ? 1 : 0);
        int increased = (a == 2 ? 1 : 0) + (b == 2 ? 1 : 0);
        if (noFunction == 2) {
            return PM;
        }
        if (noFunction == 1) {
            return IM;
        }
        return increased == 2 ? UM : increased == 1 ? RM : NM;
    }

    /** Activity-score bands: score <= pmMax PM, <= imMax IM, <= nmMax NM, else UM. */
    private static String activity(double score, double pmMax, double imMax, double nmMax) {
        if (score <= pmMax + 1e-9) {
            return PM;
        }
        if (score <= imMax + 1e-9) {
            return IM;
        }
        return score <= nmMax + 1e-9 ? NM : UM;
    }

    private static String count(double variants, String none, String one, String two) {
        return variants < 0.5 ? none : variants < 1.5 ? one : two;
    }

    private static String abcg2(String base) {
        return base.equals("G") ? "rs2231142 reference (G)" : "rs2231142 variant (T)";
    }
}
