package org.precisionrx.profile.pgx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CYP2D6 genotype-to-phenotype translation by the CPIC activity score (Caudle et al. 2020,
 * PMID 31647186): the score is the sum of the allele activity values, a duplicated allele counting
 * value x copies; bands: 0 PM, 0.25-1.0 IM, 1.25-2.25 NM, above 2.25 UM.
 */
final class Cyp2d6ActivityScore {

    static final String GENE = "CYP2D6";
    private static final double IM_MAX = 1.0;
    private static final double NM_MAX = 2.25;
    /** "*41", "*1x2", "*2xN" (copy number unknown, at least 2), "*1x≥3" (at least 3). */
    /** Far above any reported CYP2D6 copy number; a larger one is a typo, not a genotype. */
    private static final int MAX_COPIES = 20;
    private static final Pattern UNIT = Pattern.compile("(\\*[^x]+)(?:x(?:(\\d+)|(N)|≥(\\d+)))?");

    private final String version;
    private final Map<String, Double> activityValues;
    private final Map<String, String> noActivityValue;

    private Cyp2d6ActivityScore(String version, Map<String, Double> activityValues,
                                                            Map<String, String> noActivityValue) {
        this.version = version;
        this.activityValues = Map.copyOf(activityValues);
        this.noActivityValue = Map.copyOf(noActivityValue);
    }

    static Cyp2d6ActivityScore parse(String resource, InputStream in) {
        JsonNode root;
        try (in) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(resource + ": not readable JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalStateException(resource + ": top level must be a JSON object");
        }
        String version = CpicTable.text(resource, root, "version");
        Map<String, Double> values = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : CpicTable.object(resource, root, "activityValues").properties()) {
            double v = e.getValue().asDouble(-1);
            if (!e.getValue().isNumber() || v < 0 || v > 1) {
                throw new IllegalStateException(resource + ": activityValues['" + e.getKey() + "'] must be a number in [0, 1]");
            }
            values.put(e.getKey(), v);
        }
        Map<String, String> none = new HashMap<>();
        CpicTable.object(resource, root, "noActivityValue").properties()
                .forEach(e -> none.put(e.getKey(), e.getValue().asText()));
        if (values.isEmpty()) {
            throw new IllegalStateException(resource + ": field 'activityValues' is empty");
        }
        return new Cyp2d6ActivityScore(version, values, none);
    }

    /** The written copy number; any run of digits too long for an int counts as above {@link #MAX_COPIES}. */
    private static int copies(String digits) {
        return digits.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    String version() {
        return version;
    }

    static String phenotypeOf(double score) {
        if (score == 0) {
            return "Poor Metabolizer";
        }
        return score <= IM_MAX ? "Intermediate Metabolizer" : score <= NM_MAX ? "Normal Metabolizer" : "Ultrarapid Metabolizer";
    }

    /** @param diplotype already normalised by {@link DiplotypeNormalizer} */
    PhenotypeCall translate(String diplotype) {
        double lowerBound = 0;
        String openEnded = null; // first allele whose copy number is only known as a minimum
        for (String allele : diplotype.split("/")) {
            for (String unit : allele.split("\\+")) {
                Matcher m = UNIT.matcher(unit);
                if (!m.matches()) {
                    return PhenotypeCall.indeterminate(GENE, diplotype, "allele " + unit + " is not in the CPIC CYP2D6 "
                            + "allele functionality table");
                }
                String base = m.group(1);
                Double value = activityValues.get(base);
                if (value == null) {
                    String function = noActivityValue.get(base);
                    return PhenotypeCall.indeterminate(GENE, diplotype, function != null
                            ? "allele " + base + " has " + function.toLowerCase(java.util.Locale.ROOT) + " in CPIC (no activity value)"
                            : "allele " + base + " is not in the CPIC CYP2D6 allele functionality table");
                }
                int minCopies = m.group(2) != null ? copies(m.group(2))
                        : m.group(3) != null ? 2 : m.group(4) != null ? copies(m.group(4)) : 1;
                if (minCopies > MAX_COPIES) {
                    return PhenotypeCall.indeterminate(GENE, diplotype, "copy number of " + unit + " is above "
                            + MAX_COPIES + ", which no CYP2D6 test reports");
                }
                if (minCopies < 1) {
                    return PhenotypeCall.indeterminate(GENE, diplotype, "copy number of " + unit + " is below 1");
                }
                lowerBound += value * minCopies;
                boolean exactCopies = m.group(3) == null && m.group(4) == null;
                if (!exactCopies && value > 0 && openEnded == null) {
                    openEnded = unit; // more copies of a functional allele would raise the score
                }
            }
        }
        String phenotype = phenotypeOf(lowerBound);
        if (openEnded == null) {
            return PhenotypeCall.of(GENE, diplotype, phenotype, lowerBound);
        }
        if (lowerBound > NM_MAX) {
            // Every score from the lower bound upward is Ultrarapid, so the unknown copy number does not matter.
            return PhenotypeCall.of(GENE, diplotype, phenotype, lowerBound);
        }
        return PhenotypeCall.indeterminate(GENE, diplotype, "copy number of " + openEnded + " is unknown: "
                + "activity score is at least " + lowerBound + " (" + phenotype + ") but could be higher");
    }
}
