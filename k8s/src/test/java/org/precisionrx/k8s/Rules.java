package org.precisionrx.k8s;

import java.util.List;
import java.util.stream.Stream;

/** Every policy CI enforces, by theme. */
final class Rules {

    static final List<Rule> ALL = Stream.of(
                    SecurityRules.all(),
                    ProbeRules.all(),
                    ResourceRules.all(),
                    ImageRules.all(),
                    ConfigRules.all(),
                    NetworkRules.all(),
                    AvailabilityRules.all())
            .flatMap(List::stream)
            .toList();

    private Rules() {
    }
}
