package org.precisionrx.bench.report;

import java.util.Locale;

/** A target of issue #8 next to what was measured: {@code PASS} or {@code MISS}. */
public record Check(String what, String target, String measured, boolean pass) {

    /** Passes when {@code value <= limit}. */
    public static Check atMost(String what, double value, double limit, String unit) {
        return new Check(what, "<= " + number(limit) + " " + unit, number(value) + " " + unit, value <= limit);
    }

    /** Passes when {@code value >= limit}. */
    public static Check atLeast(String what, double value, double limit, String unit) {
        return new Check(what, ">= " + number(limit) + " " + unit, number(value) + " " + unit, value >= limit);
    }

    public String verdict() {
        return pass ? "PASS" : "MISS";
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? String.format(Locale.ROOT, "%d", (long) value)
                : String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }
}
