package org.precisionrx.dosage.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DoseFrequencyTest {

    @Test
    void mapsTheGrpcNamesAndNothingElse() {
        assertThat(DoseFrequency.ofProtoName("FREQUENCY_BID")).contains(DoseFrequency.BID);
        assertThat(DoseFrequency.ofProtoName("FREQUENCY_WEEKLY")).contains(DoseFrequency.WEEKLY);
        assertThat(DoseFrequency.ofProtoName("FREQUENCY_UNSPECIFIED")).isEmpty();
        assertThat(DoseFrequency.ofProtoName("UNRECOGNIZED")).isEmpty();
        assertThat(DoseFrequency.ofProtoName("BID")).isEmpty();
        assertThat(DoseFrequency.ofProtoName(null)).isEmpty();
    }

    @Test
    void ratesAreExactFractions() {
        assertThat(DoseFrequency.Q4H.perDay()).isEqualTo(6.0);
        assertThat(DoseFrequency.Q12H.perDay()).isEqualTo(DoseFrequency.BID.perDay());
        assertThat(DoseFrequency.WEEKLY.administrations()).isEqualTo(1);
        assertThat(DoseFrequency.WEEKLY.days()).isEqualTo(7);
        assertThat(DoseFrequency.TID.words()).isEqualTo("three times daily");
    }
}
