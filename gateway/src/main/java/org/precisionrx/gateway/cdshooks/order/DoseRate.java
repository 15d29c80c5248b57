package org.precisionrx.gateway.cdshooks.order;

import org.precisionrx.dosage.schedule.DoseFrequency;
import org.precisionrx.dosage.v1.Frequency;

/**
 * How often a frequency gives a dose, as an exact fraction (weekly is 1 per 7 days), so a daily
 * target can be turned into a dose per administration without rounding.
 */
public record DoseRate(int administrations, int days) {

    public static DoseRate of(Frequency frequency) {
        DoseFrequency known = DoseFrequency.ofProtoName(frequency.name())
                .orElseThrow(() -> new IllegalArgumentException("no frequency"));
        return new DoseRate(known.administrations(), known.days());
    }

    /** The frequency in words, as the dose service writes it. */
    public static String words(Frequency frequency) {
        return DoseFrequency.ofProtoName(frequency.name()).map(DoseFrequency::words).orElse("at an unspecified frequency");
    }
}
