package org.precisionrx.dosage.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Conditions the schema lets through but that cannot mean what they say (ConditionFuzzTest regression inputs). */
class ConditionParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCountBeyondIntRangeIsRefusedInsteadOfWrappingToAnotherCount() throws Exception {
        // 4294967297 used to become 1 (asInt keeps the low 32 bits).
        assertThatThrownBy(() -> ConditionParser.parse(JSON.readTree(
                "{\"atLeastOf\":{\"count\":4294967297,\"of\":[{\"egfr\":{\"below\":30}}]}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
    }

    @Test
    void aBoundThatOverflowsToInfinityIsRefused() {
        assertThatThrownBy(() -> ConditionParser.parse(JSON.readTree("{\"egfr\":{\"below\":1e400}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below");
    }

    @Test
    void ordinaryCountsAndBoundsAreReadAsWritten() throws Exception {
        Condition parsed = ConditionParser.parse(JSON.readTree(
                "{\"atLeastOf\":{\"count\":2,\"of\":[{\"egfr\":{\"below\":30}},{\"ageYears\":{\"atLeast\":80}}]}}"));

        assertThat(parsed).isInstanceOfSatisfying(Condition.AtLeastOf.class, c -> {
            assertThat(c.count()).isEqualTo(2);
            assertThat(c.parts()).hasSize(2);
        });
    }
}
