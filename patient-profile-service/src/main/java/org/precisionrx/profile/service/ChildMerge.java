package org.precisionrx.profile.service;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

import org.precisionrx.profile.entity.PatientChild;
import org.precisionrx.profile.entity.PatientEntity;

/**
 * Merges incoming facts into a patient's child records by key. Existing rows are updated in place
 * (so an unchanged re-import writes nothing); in replace mode, rows whose key is absent are removed.
 */
final class ChildMerge {

    private ChildMerge() {
    }

    static <E extends PatientChild, F> void merge(
            PatientEntity patient,
            List<E> existing,
            List<F> incoming,
            Function<E, String> entityKey,
            Function<F, String> factKey,
            BiPredicate<E, F> shouldApply,
            BiConsumer<E, F> apply,
            Supplier<E> create,
            boolean replace) {
        Map<String, E> byKey = new HashMap<>();
        existing.forEach(e -> byKey.put(entityKey.apply(e), e));
        Set<String> seen = new HashSet<>();
        for (F fact : incoming) {
            String key = factKey.apply(fact);
            seen.add(key);
            E row = byKey.get(key);
            if (row == null) {
                E created = create.get();
                created.patient = patient;
                apply.accept(created, fact);
                existing.add(created);
            } else if (shouldApply.test(row, fact)) {
                apply.accept(row, fact);
            }
        }
        if (replace) {
            existing.removeIf(row -> !seen.contains(entityKey.apply(row)));
        }
    }
}
