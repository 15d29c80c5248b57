package org.precisionrx.dosage.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Property: any name gives either no frequency, or exactly the frequency whose gRPC constant it is
 * ({@code FREQUENCY_} + the enum name), with a positive whole number of administrations over a positive
 * number of days, a finite positive rate per day and words to show. No exception for any text.
 *
 * <p>Regression inputs: {@code DoseFrequencyFuzzTestInputs/readsProtoNames/}, raw names.
 */
class DoseFrequencyFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void readsProtoNames(byte[] input) {
        String name = new String(input, StandardCharsets.UTF_8);

        Optional<DoseFrequency> frequency = DoseFrequency.ofProtoName(name);

        frequency.ifPresent(f -> {
            assertThat(name).isEqualTo(DoseFrequency.PROTO_PREFIX + f.name());
            assertThat(f.administrations()).isPositive();
            assertThat(f.days()).isPositive();
            assertThat(f.perDay()).isFinite().isPositive().isEqualTo((double) f.administrations() / f.days());
            assertThat(f.words()).isNotBlank();
        });
    }
}
