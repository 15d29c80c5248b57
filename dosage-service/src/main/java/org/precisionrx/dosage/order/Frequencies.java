package org.precisionrx.dosage.order;

import org.precisionrx.dosage.engine.InvalidRequestException;
import org.precisionrx.dosage.v1.Frequency;

/** Administrations per day for each order frequency; weekly is 1/7. */
public final class Frequencies {

    private Frequencies() {
    }

    public static double perDay(Frequency frequency) {
        return switch (frequency) {
            case FREQUENCY_ONCE_DAILY -> 1;
            case FREQUENCY_BID, FREQUENCY_Q12H -> 2;
            case FREQUENCY_TID, FREQUENCY_Q8H -> 3;
            case FREQUENCY_QID, FREQUENCY_Q6H -> 4;
            case FREQUENCY_Q4H -> 6;
            case FREQUENCY_WEEKLY -> 1.0 / 7.0;
            case FREQUENCY_UNSPECIFIED, UNRECOGNIZED ->
                    throw new InvalidRequestException("order.frequency", "frequency is required (daily, BID, TID, QID, q4h, q6h, q8h, q12h or weekly)");
        };
    }

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
            default -> "unspecified";
        };
    }
}
