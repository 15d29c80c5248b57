package org.precisionrx.ml.feature;

import java.util.Locale;
import java.util.Set;

/** Parsing of raw string values, shared by fitting, encoding and the CLI so all read a CSV cell the same way. */
public final class RawValues {
    private static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "null");
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "y");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "n");

    private RawValues() {
    }

    /** True for null, blank, NA, N/A, NaN and null (case-insensitive): the one definition of "missing". */
    public static boolean isMissing(String raw) {
        return raw == null || MISSING.contains(raw.trim().toLowerCase(Locale.ROOT));
    }

    /** Parsed number; malformed input is an error, not "missing", so bad data cannot hide. */
    static double number(String feature, String raw) {
        try {
            double v = Double.parseDouble(raw.trim());
            if (Double.isInfinite(v)) {
                throw new NumberFormatException("infinite");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(feature + ": not a number: '" + raw + "'", e);
        }
    }

    static boolean bool(String feature, String raw) {
        String v = raw.trim().toLowerCase(Locale.ROOT);
        if (TRUE.contains(v)) {
            return true;
        }
        if (FALSE.contains(v)) {
            return false;
        }
        throw new IllegalArgumentException(feature + ": not a boolean: '" + raw + "'");
    }
}
