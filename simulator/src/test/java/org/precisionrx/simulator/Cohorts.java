package org.precisionrx.simulator;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/** Large cohorts shared by the statistical tests (simulated once per JVM; about a second each). */
final class Cohorts {

    static final int N = 50_000;
    static final long SEED = 20240611L;
    private static final Map<Indication, List<CohortRow>> CACHE = new EnumMap<>(Indication.class);

    private Cohorts() {
    }

    static synchronized List<CohortRow> of(Indication indication) {
        return CACHE.computeIfAbsent(indication, i -> new CohortSimulator().simulate(i, N, SEED));
    }

    static double mean(List<CohortRow> rows, Predicate<CohortRow> filter, ToDoubleFunction<CohortRow> value) {
        return rows.stream().filter(filter).mapToDouble(value).average().orElseThrow();
    }

    static long count(List<CohortRow> rows, Predicate<CohortRow> filter) {
        return rows.stream().filter(filter).count();
    }

    static int arm(Indication indication, String arm) {
        int k = indication.arms.indexOf(arm);
        if (k < 0) {
            throw new IllegalArgumentException(arm);
        }
        return k;
    }
}
