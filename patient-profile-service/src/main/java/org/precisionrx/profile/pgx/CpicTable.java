package org.precisionrx.profile.pgx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trimmed CPIC diplotype-to-phenotype table (see pgx/cpic/NOTICE). Keys of {@code diplotypes}
 * are normalised with {@link DiplotypeNormalizer}, so lookups never depend on allele order.
 */
record CpicTable(String gene, String version, Map<String, String> alleleFunctions,
                                  Map<String, Entry> diplotypes) {

    /** Phenotype and activity score (null when the table has none or says "n/a") of one diplotype. */
    record Entry(String phenotype, Double activityScore) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses and validates a table; any defect is an IllegalStateException naming resource and field. */
    static CpicTable parse(String resource, String expectedGene, InputStream in) {
        JsonNode root;
        try (in) {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(resource + ": not readable JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalStateException(resource + ": top level must be a JSON object");
        }
        String gene = text(resource, root, "gene");
        if (!gene.equals(expectedGene)) {
            throw new IllegalStateException(resource + ": field 'gene' is '" + gene + "', expected " + expectedGene);
        }
        String version = text(resource, root, "version");
        Map<String, String> functions = new LinkedHashMap<>();
        object(resource, root, "haplotypes").properties()
                .forEach(f -> functions.put(f.getKey(), f.getValue().asText()));
        object(resource, root, "activityValues"); // kept for reference; must at least be well-formed
        if (functions.isEmpty()) {
            throw new IllegalStateException(resource + ": field 'haplotypes' is empty");
        }
        Map<String, Entry> diplotypes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> row : object(resource, root, "diplotypes").properties()) {
            String where = resource + ": diplotypes['" + row.getKey() + "']";
            Entry entry = entry(where, row.getValue());
            String key;
            try {
                key = DiplotypeNormalizer.normalize(gene, row.getKey());
            } catch (DiplotypeSyntaxException e) {
                throw new IllegalStateException(where + ": " + e.getMessage(), e);
            }
            for (String allele : key.split("/")) {
                if (!functions.containsKey(allele)) {
                    throw new IllegalStateException(where + ": allele '" + allele + "' is missing from 'haplotypes'");
                }
            }
            Entry previous = diplotypes.put(key, entry);
            if (previous != null && !previous.equals(entry)) {
                throw new IllegalStateException(where + ": conflicts with another row for " + key);
            }
        }
        if (diplotypes.isEmpty()) {
            throw new IllegalStateException(resource + ": field 'diplotypes' is empty");
        }
        return new CpicTable(gene, version, Map.copyOf(functions), Map.copyOf(diplotypes));
    }

    private static Entry entry(String where, JsonNode value) {
        if (!value.isArray() || value.size() != 2 || !value.get(0).isTextual() || value.get(0).asText().isBlank()) {
            throw new IllegalStateException(where + ": expected [phenotype, activityScore]");
        }
        JsonNode score = value.get(1);
        if (score.isNull() || "n/a".equals(score.asText())) {
            return new Entry(value.get(0).asText(), null);
        }
        try {
            return new Entry(value.get(0).asText(), Double.valueOf(score.asText()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(where + ": activityScore '" + score.asText() + "' is not a number");
        }
    }

    static String text(String resource, JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new IllegalStateException(resource + ": field '" + field + "' is missing or not a non-blank string");
        }
        return node.asText();
    }

    static JsonNode object(String resource, JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isObject()) {
            throw new IllegalStateException(resource + ": field '" + field + "' is missing or not an object");
        }
        return node;
    }
}
