package org.precisionrx.dosage.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Locale;
import org.precisionrx.dosage.engine.InvalidRequestException;
import org.precisionrx.dosage.v1.Frequency;

/**
 * Property of the dose-order inputs of CheckDose: any amount (NaN, infinities, negatives, huge values) and
 * any unit text give either an {@link InvalidRequestException} naming the order field, or a finite,
 * non-negative amount in mg that is the right conversion (g = 1000 mg, mcg = mg / 1000, so mg and g and
 * mcg round-trip); any frequency constant gives a finite positive number of administrations per day or an
 * InvalidRequestException.
 *
 * <p>Inputs (FuzzedDataProvider): amount and frequency from the last bytes, the unit text from the start.
 */
class DoseOrderFuzzTest {

    private static final List<String> UNITS = List.of("mg", "g", "mcg", "ug", "µg", "μg", " MG ", "G", "mL", "");

    @FuzzTest(maxDuration = "3m")
    void convertsOrRejects(FuzzedDataProvider data) {
        double amount = data.consumeDouble();
        Frequency frequency = data.pickValue(Frequency.values());
        String unit = data.consumeBoolean() ? data.pickValue(UNITS) : data.consumeRemainingAsString();

        checkMass(amount, unit);
        checkFrequency(frequency);
    }

    private static void checkMass(double amount, String unit) {
        double mg;
        try {
            mg = DoseUnits.toMg(amount, unit);
        } catch (InvalidRequestException rejected) {
            assertThat(rejected.field()).isIn("order.unit", "order.amount");
            return;
        }
        assertThat(mg).isFinite().isGreaterThanOrEqualTo(0.0);
        String u = unit.strip().toLowerCase(Locale.ROOT);
        switch (u) {
            case "mg" -> assertThat(mg).isEqualTo(amount);
            case "g" -> assertThat(DoseUnits.toMg(mg, "mg") / 1000.0).isCloseTo(amount, within(Math.ulp(amount) * 4));
            default -> assertThat(mg * 1000.0).isCloseTo(amount, within(Math.ulp(amount) * 4)); // a microgram unit
        }
    }

    private static void checkFrequency(Frequency frequency) {
        double perDay;
        try {
            perDay = Frequencies.perDay(frequency);
        } catch (InvalidRequestException rejected) {
            assertThat(rejected.field()).isEqualTo("order.frequency");
            assertThat(Frequencies.words(frequency)).isEqualTo("unspecified");
            return;
        }
        assertThat(perDay).isFinite().isPositive();
        assertThat(Frequencies.words(frequency)).isNotBlank().isNotEqualTo("unspecified");
    }
}
