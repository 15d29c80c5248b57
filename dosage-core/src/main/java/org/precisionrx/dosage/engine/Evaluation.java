package org.precisionrx.dosage.engine;

import java.util.HashSet;
import java.util.Set;

/**
 * The three-valued result of a condition, with the facts that were missing when it is UNKNOWN.
 */
record Evaluation(Truth truth, Set<String> missing) {

    enum Truth { TRUE, FALSE, UNKNOWN }

    static final Evaluation TRUE = new Evaluation(Truth.TRUE, Set.of());
    static final Evaluation FALSE = new Evaluation(Truth.FALSE, Set.of());

    static Evaluation of(boolean value) {
        return value ? TRUE : FALSE;
    }

    static Evaluation unknown(String fact) {
        return new Evaluation(Truth.UNKNOWN, Set.of(fact));
    }

    static Evaluation unknown(Set<String> facts) {
        return new Evaluation(Truth.UNKNOWN, Set.copyOf(facts));
    }

    static Set<String> union(Iterable<Evaluation> parts) {
        Set<String> missing = new HashSet<>();
        parts.forEach(p -> missing.addAll(p.missing()));
        return missing;
    }
}
