package org.precisionrx.dosage.kb;

import java.time.LocalDate;

/**
 * The standard adult dose of a drug for one indication, as a total daily range.
 *
 * @param unit mg, or per kg body weight, or per m² body-surface area
 * @param model a dose model that drives the range when it applies (e.g. {@code warfarin-iwpc}), or null
 */
public record DoseEntry(
        String indication,
        String route,
        DoseUnit unit,
        Range dailyRange,
        double maxDaily,
        String frequency,
        String regimen,
        String model,
        Source source,
        LocalDate reviewed) {

    public enum DoseUnit {
        MG("mg"), MG_PER_KG("mg/kg"), MG_PER_M2("mg/m2");

        private final String code;

        DoseUnit(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static DoseUnit of(String code) {
            for (DoseUnit unit : values()) {
                if (unit.code.equals(code)) {
                    return unit;
                }
            }
            throw new IllegalArgumentException("unknown dose unit " + code);
        }
    }
}
