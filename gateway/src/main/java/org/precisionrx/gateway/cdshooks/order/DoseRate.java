package org.precisionrx.gateway.cdshooks.order;

import org.precisionrx.dosage.v1.Frequency;

/**
 * How often a frequency gives a dose, as an exact fraction (weekly is 1 per 7 days), so a daily
 * target can be turned into a dose per administration without rounding.
 */
public record DoseRate(int administrations, int days) {

    public static DoseRate of(Frequency frequency) {
        return switch (frequency) {
            case FREQUENCY_ONCE_DAILY -> new DoseRate(1, 1);
            case FREQUENCY_BID, FREQUENCY_Q12H -> new DoseRate(2, 1);
            case FREQUENCY_TID, FREQUENCY_Q8H -> new DoseRate(3, 1);
            case FREQUENCY_QID, FREQUENCY_Q6H -> new DoseRate(4, 1);
            case FREQUENCY_Q4H -> new DoseRate(6, 1);
            case FREQUENCY_WEEKLY -> new DoseRate(1, 7);
            case FREQUENCY_UNSPECIFIED, UNRECOGNIZED -> throw new IllegalArgumentException("no frequency");
        };
    }

    /** The frequency in words, as the dose service writes it. */
    public static String words(Frequency frequency) {
        return switch (frequency) {
            case FREQUENCY_ONCE_DAILY -> "once daily";
            case FREQUENCY_BID -> "twice daily";
            case FREQUENCY_TID -> "three times daily";
            case FREQUENCY_QID -> "four times daily";
            case FREQUENCY_Q4H -> "every 4 hours";
            case FREQUENCY_Q6H -> "every 6 hours";
            case FREQUENCY_Q8H -> "every 8 hours";
            case FREQUENCY_Q12H -> "every 12 hours";
            case FREQUENCY_WEEKLY -> "once weekly";
            case FREQUENCY_UNSPECIFIED, UNRECOGNIZED -> "at an unspecified frequency";
        };
    }
}
