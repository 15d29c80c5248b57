package org.precisionrx.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule on every overlay it applies to. */
class PolicyTest {

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("rulesAndOverlays")
    void theOverlayKeepsTheRule(Rule rule, Overlay overlay) {
        assertThat(rule.violations(overlay.manifest())).as(rule.id() + " on " + overlay).isEmpty();
    }

    static Stream<Arguments> rulesAndOverlays() {
        return Rules.ALL.stream().flatMap(rule -> Arrays.stream(Overlay.values())
                .filter(rule.scope()::includes)
                .map(overlay -> Arguments.of(rule, overlay)));
    }
}
