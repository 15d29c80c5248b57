package org.precisionrx.simulator;

import java.util.Locale;
import java.util.Map;

/** Markdown tables of the allele frequencies and the expected phenotype frequencies (for docs/simulator.md). */
final class FrequencyReport {

    private FrequencyReport() {
    }

    static String markdown() {
        StringBuilder b = new StringBuilder();
        for (Gene g : Gene.values()) {
            AlleleTable t = Pharmacogenetics.table(g);
            b.append("#### ").append(g).append("\n\n| ancestry |");
            for (String a : t.alleles()) {
                b.append(' ').append(a).append(" |");
            }
            b.append(" expected phenotypes |\n|---|");
            b.append("---|".repeat(t.alleles().length)).append("---|\n");
            for (Ancestry an : Ancestry.values()) {
                b.append("| ").append(an).append(" |");
                for (double f : t.frequencies(an)) {
                    b.append(String.format(Locale.ROOT, " %.3f |", f));
                }
                StringBuilder ph = new StringBuilder();
                for (Map.Entry<String, Double> e : Pharmacogenetics.expectedPhenotypes(g, an).entrySet()) {
                    ph.append(ph.length() == 0 ? "" : "; ")
                            .append(String.format(Locale.ROOT, "%s %.1f%%", e.getKey(), 100 * e.getValue()));
                }
                b.append(' ').append(ph).append(" |\n");
            }
            b.append('\n');
        }
        return b.toString();
    }
}
