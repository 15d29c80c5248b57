package org.precisionrx.dosage.order;

import org.precisionrx.dosage.engine.InvalidRequestException;
import org.precisionrx.dosage.schedule.DoseFrequency;
import org.precisionrx.dosage.v1.Frequency;

/** Administrations per day for each order frequency (dosage-core's {@link DoseFrequency}); weekly is 1/7. */
public final class Frequencies {

    private Frequencies() {
    }

    public static double perDay(Frequency frequency) {
        return DoseFrequency.ofProtoName(frequency.name()).orElseThrow(() -> new InvalidRequestException("order.frequency",
                "frequency is required (daily, BID, TID, QID, q4h, q6h, q8h, q12h or weekly)")).perDay();
    }

    public static String words(Frequency frequency) {
        return DoseFrequency.ofProtoName(frequency.name()).map(DoseFrequency::words).orElse("unspecified");
    }
}
