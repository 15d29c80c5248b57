package org.precisionrx.profile.fhir;

import java.time.Instant;
import java.util.Map;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/**
 * Body weight and height, converted to kg / cm. Values outside the plausible range are rejected rather than
 * clamped: a weight in grams sent as kg would otherwise silently give a thousandfold dose.
 */
final class BodyMeasureMapper {

    static final String BODY_WEIGHT = "29463-7";
    static final String BODY_HEIGHT = "8302-2";

    /** UCUM unit -> factor to the canonical unit. */
    private static final Map<String, Double> TO_KG = Map.of("kg", 1.0, "g", 0.001, "[lb_av]", 0.45359237);
    private static final Map<String, Double> TO_CM = Map.of("cm", 1.0, "m", 100.0, "[in_i]", 2.54);

    private record Kind(String name, String unit, Map<String, Double> factors, double min, double max) {
    }

    private static final Kind WEIGHT = new Kind("weight", "kg", TO_KG, 0.3, 700);
    private static final Kind HEIGHT = new Kind("height", "cm", TO_CM, 20, 280);

    void weight(PayloadEntry entry, Observation o, Instant at, PatientRecordBuilder out) {
        Double kg = read(entry, o, WEIGHT, out);
        if (kg != null) {
            out.weightKg(kg, at);
        }
    }

    void height(PayloadEntry entry, Observation o, Instant at, PatientRecordBuilder out) {
        Double cm = read(entry, o, HEIGHT, out);
        if (cm != null) {
            out.heightCm(cm, at);
        }
    }

    /** The value in the canonical unit, or null after recording why it cannot be used. */
    private static Double read(PayloadEntry entry, Observation o, Kind kind, PatientRecordBuilder out) {
        if (!o.hasValueQuantity()) {
            out.problem(entry, "valueQuantity", kind.name() + " has no quantity value");
            return null;
        }
        Quantity q = o.getValueQuantity();
        String unit = ObservationMapper.unit(q);
        if (!q.hasValue()) {
            out.problem(entry, "valueQuantity.value", kind.name() + " has no value");
            return null;
        }
        if (unit == null) {
            out.problem(entry, "valueQuantity.unit", kind.name() + " has no unit");
            return null;
        }
        Double factor = kind.factors().get(unit);
        if (factor == null) {
            // The unit is a code, not patient data, so naming it helps the sender fix the feed.
            out.problem(entry, "valueQuantity.unit", "unit '" + unit + "' cannot be converted to " + kind.unit());
            return null;
        }
        double value = q.getValue().doubleValue() * factor;
        if (value < kind.min() || value > kind.max()) {
            out.problem(entry, "valueQuantity.value", kind.name() + " is outside the plausible range "
                    + fmt(kind.min()) + "-" + fmt(kind.max()) + " " + kind.unit());
            return null;
        }
        return value;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
