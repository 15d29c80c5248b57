package org.precisionrx.profile.fhir;

import java.util.Map;
import java.util.TreeMap;

/** Counts resources deliberately not imported, so the caller can report them (sorted for stable output). */
final class Skips {

    private final Map<String, Integer> counts = new TreeMap<>();

    void add(String key) {
        counts.merge(key, 1, Integer::sum);
    }

    Map<String, Integer> snapshot() {
        return new TreeMap<>(counts);
    }
}
