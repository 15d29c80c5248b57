package org.precisionrx.dosage.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.precisionrx.dosage.engine.InvalidRequestException;

class DoseUnitsTest {

    @Test
    void convertsMassUnitsToMg() {
        assertThat(DoseUnits.toMg(2.5, "mg")).isEqualTo(2.5);
        assertThat(DoseUnits.toMg(0.075, " G ")).isEqualTo(75.0);
        assertThat(DoseUnits.toMg(2500, "µg")).isEqualTo(2.5);
    }

    @Test
    void aGramAmountTooLargeForADoubleIsRefusedNotInfinite() {
        // DoseOrderFuzzTest property: 1e306 g was 1e309 mg, which is Infinity.
        assertThatThrownBy(() -> DoseUnits.toMg(1e306, "g"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("order.amount"));
    }

    @Test
    void aMicrogramAmountTooSmallToConvertExactlyIsRefused() {
        // Found by fuzzing DoseOrderFuzzTest: 2.2250738585072014E-308 mcg became a subnormal mg value
        // that no longer converts back (regression input micrograms-amount-underflows-to-subnormal).
        assertThatThrownBy(() -> DoseUnits.toMg(Double.MIN_NORMAL, "mcg"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("order.amount"));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1})
    void amountsThatAreNotAMassAreRefused(double amount) {
        assertThatThrownBy(() -> DoseUnits.toMg(amount, "mg"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("order.amount"));
    }

    @Test
    void unitsThatAreNotAMassAreRefused() {
        assertThatThrownBy(() -> DoseUnits.toMg(5, "mL"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("order.unit"));
    }
}
