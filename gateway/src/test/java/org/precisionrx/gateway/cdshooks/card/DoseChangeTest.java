package org.precisionrx.gateway.cdshooks.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.precisionrx.dosage.v1.DoseRange;
import org.precisionrx.dosage.v1.Frequency;
import org.precisionrx.dosage.v1.ProposedOrder;

class DoseChangeTest {

    @ParameterizedTest(name = "{0} {1}/d as {2} {3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            10    | mg  | mg  | FREQUENCY_ONCE_DAILY | 10
            10    | mg  | mg  | FREQUENCY_BID        | 5
            10    | mg  | mg  | FREQUENCY_Q12H       | 5
            300   | mg  | mg  | FREQUENCY_Q8H        | 100
            60    | mg  | mg  | FREQUENCY_Q4H        | 10
            5     | mg  | mg  | FREQUENCY_WEEKLY     | 35
            0.5   | mg  | mcg | FREQUENCY_ONCE_DAILY | 500
            1500  | mg  | g   | FREQUENCY_BID        | 0.75
            7.5   | mg  | mg  | FREQUENCY_QID        | 1.875
            25    | mg  | mg  | FREQUENCY_TID        |
            10    | mg  | mg  | FREQUENCY_Q6H        | 2.5
            0.001 | mg  | mg  | FREQUENCY_QID        |
            10    | mg  | mg  | FREQUENCY_UNSPECIFIED |
            """)
    void splitsTheDailyTargetExactlyOrNotAtAll(double target, String rangeMass, String orderUnit, Frequency frequency,
            BigDecimal expected) {
        DoseRange range = DoseRange.newBuilder().setLow(target).setTarget(target).setHigh(target)
                .setUnit(rangeMass + "/d").build();
        ProposedOrder order = ProposedOrder.newBuilder().setDrugId("x").setAmount(1).setUnit(orderUnit)
                .setFrequency(frequency).build();

        Optional<BigDecimal> each = DoseChange.perAdministration(order, range);

        if (expected == null) {
            assertThat(each).isEmpty();
        } else {
            assertThat(each).get().satisfies(v -> assertThat(v).isEqualByComparingTo(expected));
        }
    }

    @ParameterizedTest
    @CsvSource({"mg/kg/d", "mg", "mL/d", "''"})
    void onlyMassPerDayRangesAreSplit(String unit) {
        DoseRange range = DoseRange.newBuilder().setTarget(10).setUnit(unit).build();
        ProposedOrder order = ProposedOrder.newBuilder().setAmount(1).setUnit("mg")
                .setFrequency(Frequency.FREQUENCY_ONCE_DAILY).build();

        assertThat(DoseChange.perAdministration(order, range)).isEmpty();
    }
}
