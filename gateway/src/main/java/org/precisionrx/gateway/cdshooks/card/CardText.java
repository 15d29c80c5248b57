package org.precisionrx.gateway.cdshooks.card;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.UUID;

/** Small text rules shared by the card builders: summary length, numbers as the services sent them, table cells. */
final class CardText {

    private CardText() {
    }

    /** The summary cut to fit the spec's limit, marked with an ellipsis when cut. */
    static String summary(String text) {
        int limit = CardConformance.SUMMARY_LIMIT - 1;
        if (text.codePointCount(0, text.length()) <= limit) {
            return text;
        }
        int end = text.offsetByCodePoints(0, limit - 1);
        return text.substring(0, end).stripTrailing() + "…";
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    /** A number exactly as received, without a trailing ".0": 75.0 is "75", 37.5 stays "37.5". */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A probability as a percentage with one decimal, e.g. 0.9123 is "91.2%". */
    static String percent(double probability) {
        return percentNumber(probability) + "%";
    }

    /** The number of {@link #percent}, without the sign: 0.9123 is "91.2". */
    static String percentNumber(double probability) {
        return BigDecimal.valueOf(probability).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** Percentage points with their sign, e.g. "+1.2", "−0.4"; "0.0" when it rounds to nothing. */
    static String signedPoints(double points) {
        BigDecimal rounded = BigDecimal.valueOf(points).setScale(1, RoundingMode.HALF_UP);
        if (rounded.signum() == 0) {
            return "0.0";
        }
        return (rounded.signum() > 0 ? "+" : "−") + rounded.abs().toPlainString();
    }

    /** Text safe inside a Markdown table cell. */
    static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ").strip();
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }
}
