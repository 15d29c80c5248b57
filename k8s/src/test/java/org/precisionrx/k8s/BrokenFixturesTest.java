package org.precisionrx.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule rejects its broken fixture: the clean render it applies to, with exactly the one
 * mistake the rule exists for. A rule that cannot fail would pass PolicyTest for nothing.
 */
class BrokenFixturesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theRuleRejectsItsBrokenFixture(Rule rule) {
        Manifest fixture = rule.fixtureOverlay().manifest();
        assertThat(rule.violations(fixture)).as("before the breakage").isEmpty();

        rule.breakage().accept(fixture);

        assertThat(rule.violations(fixture)).as(rule.id() + " on its broken fixture").isNotEmpty();
    }

    @Test
    void ruleIdsAreUnique() {
        assertThat(Rules.ALL.stream().map(Rule::id).distinct().count()).isEqualTo(Rules.ALL.size());
    }

    static Stream<Rule> rules() {
        return Rules.ALL.stream();
    }
}
