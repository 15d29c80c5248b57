package org.precisionrx.profile.pgx;

import java.util.Arrays;
import java.util.Locale;

/**
 * VKORC1 rs9923231 genotype notations. The promoter variant -1639G>A (c.-1639G>A) is rs9923231 on the
 * gene's coding strand; VKORC1 lies on the minus strand, so genomic C/T (NC_000016.10:g.31096368C>T,
 * ClinVar RCV000002295) reads G/A in the -1639 notation: G = C = reference, A = T = variant.
 * All forms normalise to the PharmCAT/CPIC table's allele names.
 */
final class Vkorc1Notation {

    static final String GENE = "VKORC1";
    static final String REFERENCE = "rs9923231 reference (C)";
    static final String VARIANT = "rs9923231 variant (T)";

    private Vkorc1Notation() {
    }

    static String normalize(String raw, String text) {
        String[] parts = text.split("/", -1);
        if (parts.length == 2 && isTableName(parts[0].trim()) && isTableName(parts[1].trim())) {
            return join(tableName(parts[0].trim()), tableName(parts[1].trim()));
        }
        String letters = stripPrefix(text.toUpperCase(Locale.ROOT)).replace(" ", "").replace("/", "");
        boolean slashOk = parts.length == 1 || (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank());
        if (letters.length() != 2 || !slashOk) {
            throw new DiplotypeSyntaxException(raw, "not a VKORC1 rs9923231 genotype (expected e.g. 'C/T', "
                    + "'G/A', 'AG' or '" + REFERENCE + "/" + VARIANT + "')");
        }
        boolean genomic = "CT".indexOf(letters.charAt(0)) >= 0 && "CT".indexOf(letters.charAt(1)) >= 0;
        boolean promoter = "GA".indexOf(letters.charAt(0)) >= 0 && "GA".indexOf(letters.charAt(1)) >= 0;
        if (!genomic && !promoter) {
            throw new DiplotypeSyntaxException(raw, "VKORC1 rs9923231 alleles must be both C/T (genomic strand) "
                    + "or both G/A (-1639 notation)");
        }
        return join(fromLetter(letters.charAt(0)), fromLetter(letters.charAt(1)));
    }

    private static String stripPrefix(String upper) {
        for (String prefix : new String[] {"RS9923231", "C.-1639G>A", "-1639G>A", "C.-1639", "-1639"}) {
            if (upper.startsWith(prefix)) {
                return upper.substring(prefix.length()).replaceFirst("^[\\s:]+", "");
            }
        }
        return upper;
    }

    private static boolean isTableName(String s) {
        return s.equalsIgnoreCase(REFERENCE) || s.equalsIgnoreCase(VARIANT);
    }

    private static String tableName(String s) {
        return s.equalsIgnoreCase(REFERENCE) ? REFERENCE : VARIANT;
    }

    private static String fromLetter(char c) {
        return (c == 'C' || c == 'G') ? REFERENCE : VARIANT;
    }

    private static String join(String a, String b) {
        String[] pair = {a, b};
        Arrays.sort(pair, AlleleOrder.INSTANCE);
        return pair[0] + "/" + pair[1];
    }
}
