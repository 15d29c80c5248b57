package org.precisionrx.devtools;

import java.math.BigDecimal;

/** Numbers as people write them: 75, 2.5, 0.125 (no trailing zeros, no exponent). */
final class Numbers {

    private Numbers() {
    }

    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** At most {@code digits} decimals, then as {@link #plain(double)}. */
    static String rounded(double value, int digits) {
        return BigDecimal.valueOf(value).setScale(digits, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
