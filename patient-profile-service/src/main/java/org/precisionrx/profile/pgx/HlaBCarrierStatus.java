package org.precisionrx.profile.pgx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Carrier status for the HLA-B alleles with CPIC guidance: *57:01 (abacavir), *58:01 (allopurinol),
 * *15:02 (carbamazepine, phenytoin). Needs at least two-field resolution; anything coarser or ambiguous
 * is rejected rather than guessed.
 */
public final class HlaBCarrierStatus {

    public static final List<String> TRACKED_ALLELES = List.of("HLA-B*57:01", "HLA-B*58:01", "HLA-B*15:02");

    /** [HLA-]B*57:01[:01[:02]][suffix]; the gene part is optional ("*57:01"). */
    private static final Pattern ALLELE = Pattern.compile(
            "(?:HLA-)?(?:B)?\\*(\\d{2,3}):(\\d{2,4})(?::\\d{2,3}){0,2}([NLSCAQGP]?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ONE_FIELD = Pattern.compile("(?:HLA-)?(?:B)?\\*?\\d{2,3}", Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER_GENE = Pattern.compile("(?:HLA-)?([A-Z][A-Z0-9]*)\\*.*", Pattern.CASE_INSENSITIVE);

    private HlaBCarrierStatus() {
    }

    /**
     * @param diplotype e.g. "*57:01/*08:01" or "HLA-B*57:01:01/HLA-B*44:03"
     * @return tracked allele (in {@link #TRACKED_ALLELES} order) -> whether at least one copy is present
     * @throws DiplotypeSyntaxException for anything that is not two HLA-B alleles at two-field resolution or finer
     */
    public static Map<String, Boolean> fromDiplotype(String diplotype) {
        if (diplotype == null || diplotype.isBlank()) {
            throw new DiplotypeSyntaxException(String.valueOf(diplotype), "no HLA-B diplotype given");
        }
        String[] alleles = diplotype.replaceAll("\\s+", "").split("/", -1);
        if (alleles.length != 2) {
            throw new DiplotypeSyntaxException(diplotype, "expected exactly two HLA-B alleles separated by '/'");
        }
        String first = twoField(diplotype, alleles[0]);
        String second = twoField(diplotype, alleles[1]);
        Map<String, Boolean> status = new LinkedHashMap<>();
        for (String tracked : TRACKED_ALLELES) {
            status.put(tracked, tracked.equals(first) || tracked.equals(second));
        }
        return Collections.unmodifiableMap(status);
    }

    /** "HLA-B*57:01:01" -> "HLA-B*57:01". */
    private static String twoField(String input, String allele) {
        if (allele.isEmpty()) {
            throw new DiplotypeSyntaxException(input, "an allele is empty");
        }
        Matcher m = ALLELE.matcher(allele);
        if (!m.matches()) {
            if (ONE_FIELD.matcher(allele).matches()) {
                throw new DiplotypeSyntaxException(input, "'" + allele + "' has only one field; "
                        + "carrier status needs two-field resolution (e.g. *57:01)");
            }
            Matcher other = OTHER_GENE.matcher(allele);
            if (other.matches() && !other.group(1).equalsIgnoreCase("B")) {
                throw new DiplotypeSyntaxException(input, "'" + allele + "' is not an HLA-B allele");
            }
            throw new DiplotypeSyntaxException(input, "'" + allele + "' is not an HLA-B allele name");
        }
        String name = "HLA-B*" + m.group(1) + ":" + m.group(2);
        String suffix = m.group(3).toUpperCase(java.util.Locale.ROOT);
        if (suffix.equals("G") || suffix.equals("P")) {
            // G/P groups can span several two-field alleles, so membership cannot be decided.
            throw new DiplotypeSyntaxException(input, "'" + allele + "' is an allele group, not a two-field allele");
        }
        if (!suffix.isEmpty() && TRACKED_ALLELES.contains(name)) {
            // An expression variant (e.g. null allele) of a tracked allele is a different allele; do not guess.
            throw new DiplotypeSyntaxException(input, "'" + allele + "' is an expression variant of " + name
                    + "; carrier status cannot be decided");
        }
        return suffix.isEmpty() ? name : name + suffix;
    }
}
