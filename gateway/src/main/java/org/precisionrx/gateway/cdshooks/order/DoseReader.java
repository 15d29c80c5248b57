package org.precisionrx.gateway.cdshooks.order;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The amount and mass unit of a single dose. The dose check converts mg, mcg and g only; volumes,
 * tablets and weight-based doses are problems, because their mass cannot be known from the order.
 */
final class DoseReader {

    static final String UCUM = "http://unitsofmeasure.org";

    /** Amount per administration in mg, mcg or g. */
    record Dose(double amount, String unit) {
    }

    private static final Map<String, String> UCUM_CODES = Map.of("mg", "mg", "ug", "mcg", "g", "g");
    private static final Map<String, String> UNIT_WORDS = Map.ofEntries(
            Map.entry("mg", "mg"), Map.entry("milligram", "mg"), Map.entry("milligrams", "mg"),
            Map.entry("mcg", "mcg"), Map.entry("ug", "mcg"), Map.entry("µg", "mcg"), Map.entry("μg", "mcg"),
            Map.entry("microgram", "mcg"), Map.entry("micrograms", "mcg"),
            Map.entry("g", "g"), Map.entry("gram", "g"), Map.entry("grams", "g"));

    private DoseReader() {
    }

    static Dose read(JsonNode medicationRequest) throws UncheckableOrder {
        JsonNode instructions = medicationRequest.path("dosageInstruction");
        if (instructions.size() == 0) {
            throw new UncheckableOrder("the order has no dosage instruction");
        }
        if (instructions.size() > 1) {
            throw new UncheckableOrder("the order has " + instructions.size()
                    + " dosage instructions (e.g. a taper); only single-instruction orders are checked");
        }
        JsonNode doseRange = instructions.path(0).path("doseAndRate").path(0).path("doseRange");
        if (doseRange.isObject()) {
            throw new UncheckableOrder("the dose is a range; only a single dose can be checked");
        }
        JsonNode quantity = MedicationRequestDose.quantity(medicationRequest)
                .orElseThrow(() -> new UncheckableOrder("the order states no dose quantity"));
        if (quantity.hasNonNull("comparator")) {
            throw new UncheckableOrder("the dose has a comparator ('" + quantity.get("comparator").asText()
                    + "'); only an exact dose can be checked");
        }
        JsonNode value = quantity.path("value");
        // JSON allows 1e400, which Jackson reads as infinity: not a dose the service can check.
        if (!value.isNumber() || !Double.isFinite(value.doubleValue()) || value.doubleValue() <= 0) {
            throw new UncheckableOrder("the dose quantity has no positive value");
        }
        return new Dose(value.doubleValue(), unit(quantity));
    }

    private static String unit(JsonNode quantity) throws UncheckableOrder {
        String code = quantity.path("code").asText("").strip();
        String words = quantity.path("unit").asText("").strip();
        String fromWords = UNIT_WORDS.get(words.toLowerCase(Locale.ROOT));
        if (UCUM.equals(quantity.path("system").asText()) && !code.isEmpty()) {
            String fromCode = UCUM_CODES.get(code);   // UCUM codes are case-sensitive
            if (fromCode == null) {
                throw new UncheckableOrder(notAMass(code));
            }
            if (!words.isEmpty() && fromWords != null && !fromWords.equals(fromCode)) {
                throw new UncheckableOrder("the dose's unit ('" + words + "') and UCUM code ('" + code + "') disagree");
            }
            return fromCode;
        }
        // Without a UCUM system the unit's words decide; a bare code stands in only when there are none.
        String shown = words.isEmpty() ? code : words;
        String unit = UNIT_WORDS.get(shown.toLowerCase(Locale.ROOT));
        if (unit == null) {
            throw new UncheckableOrder(notAMass(shown));
        }
        return unit;
    }

    private static String notAMass(String unit) {
        return unit.isEmpty() ? "the dose has no unit"
                : "the dose unit '" + unit + "' is not a mass (mg, mcg or g), so the daily dose cannot be computed";
    }
}
