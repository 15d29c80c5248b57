package org.precisionrx.dosage.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.precisionrx.dosage.engine.DoseEngine;
import org.precisionrx.dosage.engine.Facts;
import org.precisionrx.dosage.engine.InvalidRequestException;
import org.precisionrx.dosage.engine.Recommendation;
import org.precisionrx.dosage.kb.KnowledgeBaseLoader;
import org.precisionrx.dosage.v1.Frequency;

class DoseCheckTest {

    private static final DoseEngine ENGINE = new DoseEngine(
            new KnowledgeBaseLoader("kb-fixture/", DoseCheckTest.class.getClassLoader()).load(), List.of());

    @ParameterizedTest
    @CsvSource({
            // alpha for ind-a: 10-40 mg/day, max 40
            "20, mg, FREQUENCY_ONCE_DAILY, 20, WITHIN_RANGE",
            "10, mg, FREQUENCY_BID, 20, WITHIN_RANGE",
            "20000, mcg, FREQUENCY_ONCE_DAILY, 20, WITHIN_RANGE",
            "0.02, g, FREQUENCY_BID, 40, WITHIN_RANGE",
            "5, mg, FREQUENCY_ONCE_DAILY, 5, BELOW_RANGE",
            "15, mg, FREQUENCY_TID, 45, ABOVE_RANGE",
            "15, mg, FREQUENCY_Q8H, 45, ABOVE_RANGE",
            "10, mg, FREQUENCY_Q6H, 40, WITHIN_RANGE",
            "70, mg, FREQUENCY_WEEKLY, 10, WITHIN_RANGE",
    })
    void verdictsFromTheDailyDose(double amount, String unit, Frequency frequency, double daily, DoseCheck.Verdict verdict) {
        Recommendation rec = ENGINE.recommend(Facts.adult().hla("HLA-B*57:01", false).build(), "alpha", "ind-a");
        DoseCheck.Result result = DoseCheck.check(rec, DoseUnits.toMg(amount, unit), Frequencies.perDay(frequency),
                Frequencies.words(frequency));
        assertThat(result.dailyMg()).isCloseTo(daily, within(1e-6));
        assertThat(result.verdict()).isEqualTo(verdict);
        assertThat(result.reasons().get(0)).contains(DoseCheck.fmt(daily) + " mg per day");
    }

    @ParameterizedTest
    @CsvSource({"mL", "tablet", "mg/kg", "''", "IU"})
    void nonMassUnitsAreRejected(String unit) {
        assertThatThrownBy(() -> DoseUnits.toMg(1, unit)).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("order.unit"));
    }

    @org.junit.jupiter.api.Test
    void statusVerdictsCarryTheReasons() {
        Recommendation avoid = ENGINE.recommend(Facts.adult().phenotype("CYP2C19", "Poor Metabolizer").build(), "alpha", "ind-a");
        DoseCheck.Result result = DoseCheck.check(avoid, 20, 1, "once daily");
        assertThat(result.verdict()).isEqualTo(DoseCheck.Verdict.AVOID);
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).contains("Poor metabolizers form no active drug.")
                .contains("PMID 12345678"));
        Recommendation missing = ENGINE.recommend(Facts.adult().crcl(null).build(), "alpha", "ind-a");
        assertThat(DoseCheck.check(missing, 20, 1, "once daily").reasons())
                .anySatisfy(r -> assertThat(r).startsWith("Missing crclMlMin"));
    }
}
