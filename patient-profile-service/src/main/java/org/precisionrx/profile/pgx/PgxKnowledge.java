package org.precisionrx.profile.pgx;

import java.io.InputStream;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Gene + diplotype to CPIC phenotype, from the trimmed PharmCAT/CPIC tables under pgx/cpic/ and the
 * CYP2D6 activity values. Immutable and thread-safe; build it once at start-up with {@link #loadDefault()}.
 */
public final class PgxKnowledge {

    static final String RESOURCE_DIR = "pgx/cpic/";
    /** Genes with a diplotype table; the list is fixed because a classpath folder cannot be listed portably. */
    static final List<String> TABLE_GENES = List.of("ABCG2", "CYP2B6", "CYP2C19", "CYP2C9", "CYP3A4", "CYP3A5",
            "DPYD", "NUDT15", "SLCO1B1", "TPMT", "UGT1A1", "VKORC1");
    private static final List<String> CYP2D6_PHENOTYPES = List.of("Poor Metabolizer", "Intermediate Metabolizer",
            "Normal Metabolizer", "Ultrarapid Metabolizer", PhenotypeCall.INDETERMINATE);

    private final Map<String, CpicTable> tables;
    private final Cyp2d6ActivityScore cyp2d6;
    private final Map<String, Set<String>> knownPhenotypes; // gene -> lower-cased phenotype names

    private PgxKnowledge(Map<String, CpicTable> tables, Cyp2d6ActivityScore cyp2d6) {
        this.tables = Map.copyOf(tables);
        this.cyp2d6 = cyp2d6;
        Map<String, Set<String>> known = new LinkedHashMap<>();
        tables.forEach((gene, table) -> known.put(gene, lowerCased(
                table.diplotypes().values().stream().map(CpicTable.Entry::phenotype).collect(Collectors.toSet()))));
        known.put(Cyp2d6ActivityScore.GENE, lowerCased(CYP2D6_PHENOTYPES));
        this.knownPhenotypes = Map.copyOf(known);
    }

    /**
     * Reads the classpath resources pgx/cpic/*.
     *
     * @throws IllegalStateException naming the file and field when a resource is missing or malformed
     */
    public static PgxKnowledge loadDefault() {
        ClassLoader loader = PgxKnowledge.class.getClassLoader();
        Map<String, CpicTable> tables = new LinkedHashMap<>();
        for (String gene : TABLE_GENES) {
            String resource = RESOURCE_DIR + gene + ".json";
            tables.put(gene, CpicTable.parse(resource, gene, open(loader, resource)));
        }
        String resource = RESOURCE_DIR + "CYP2D6-activity.json";
        return new PgxKnowledge(tables, Cyp2d6ActivityScore.parse(resource, open(loader, resource)));
    }

    private static InputStream open(ClassLoader loader, String resource) {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + ": resource not found on the classpath");
        }
        return in;
    }

    /**
     * Translates a reported diplotype. Never throws for bad input: text that is not a diplotype, an unknown
     * gene or allele, or a diplotype absent from the table all give an Indeterminate call with a reason.
     */
    public PhenotypeCall translate(String gene, String diplotype) {
        String symbol = symbol(gene);
        if (symbol.isEmpty()) {
            return PhenotypeCall.indeterminate(symbol, null, "no gene given");
        }
        String normalized;
        try {
            normalized = DiplotypeNormalizer.normalize(symbol, diplotype);
        } catch (DiplotypeSyntaxException e) {
            String reason = supports(symbol) ? e.getMessage() : "gene " + symbol + " is not covered";
            return PhenotypeCall.indeterminate(symbol, null, reason);
        }
        if (!supports(symbol)) {
            return PhenotypeCall.indeterminate(symbol, normalized, "gene " + symbol + " is not covered");
        }
        if (symbol.equals(Cyp2d6ActivityScore.GENE)) {
            return cyp2d6.translate(normalized);
        }
        return lookUp(tables.get(symbol), normalized);
    }

    private static PhenotypeCall lookUp(CpicTable table, String diplotype) {
        String gene = table.gene();
        String[] alleles = diplotype.split("/");
        for (String allele : alleles) {
            if (!table.alleleFunctions().containsKey(allele)) {
                return PhenotypeCall.indeterminate(gene, diplotype, "allele " + allele + " is not in the CPIC " + gene
                        + " table");
            }
        }
        CpicTable.Entry entry = table.diplotypes().get(diplotype);
        if (entry == null) {
            return PhenotypeCall.indeterminate(gene, diplotype, "diplotype " + diplotype + " is not in the CPIC "
                    + gene + " table");
        }
        if (entry.phenotype().equals(PhenotypeCall.INDETERMINATE)) {
            // CPIC itself cannot call it (typically an allele of uncertain or unknown function); say which.
            String functions = alleles[0] + " " + table.alleleFunctions().get(alleles[0]) + ", " + alleles[1] + " "
                    + table.alleleFunctions().get(alleles[1]);
            return new PhenotypeCall(gene, diplotype, PhenotypeCall.INDETERMINATE, entry.activityScore(), false,
                    "CPIC " + gene + " table gives Indeterminate for " + diplotype + " (allele functions: " + functions + ")");
        }
        return PhenotypeCall.of(gene, diplotype, entry.phenotype(), entry.activityScore());
    }

    public boolean supports(String gene) {
        String symbol = symbol(gene);
        return tables.containsKey(symbol) || symbol.equals(Cyp2d6ActivityScore.GENE);
    }

    /** Covered gene symbols, sorted. */
    public Set<String> genes() {
        Set<String> genes = new TreeSet<>(tables.keySet());
        genes.add(Cyp2d6ActivityScore.GENE);
        return Collections.unmodifiableSet(genes);
    }

    /** Version string of the gene's source table, or null for a gene that is not covered. */
    public String tableVersion(String gene) {
        String symbol = symbol(gene);
        if (symbol.equals(Cyp2d6ActivityScore.GENE)) {
            return cyp2d6.version();
        }
        CpicTable table = tables.get(symbol);
        return table == null ? null : table.version();
    }

    /** Whether a lab-reported phenotype is one of the gene's CPIC phenotype names (case-insensitive). */
    public boolean isKnownPhenotype(String gene, String phenotype) {
        Set<String> known = knownPhenotypes.get(symbol(gene));
        return known != null && phenotype != null && known.contains(phenotype.trim().toLowerCase(Locale.ROOT));
    }

    private static String symbol(String gene) {
        return gene == null ? "" : gene.trim().toUpperCase(Locale.ROOT);
    }

    private static Set<String> lowerCased(Collection<String> names) {
        Set<String> out = new HashSet<>();
        names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
        return Set.copyOf(out);
    }
}
