package org.precisionrx.profile.terminology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Maps SNOMED CT (exact code) and ICD-10-CM (code prefix) diagnoses to internal categories.
 * Immutable after loading.
 */
public final class ConditionCategories {

    static final String RESOURCE = "terminology/condition-categories.json";

    private final Map<String, String> snomed;
    private final List<Map.Entry<String, String>> icdPrefixes;
    private final String snomedSystem;
    private final String icdSystem;
    private final String version;

    private ConditionCategories(Map<String, String> snomed, List<Map.Entry<String, String>> icdPrefixes,
            String snomedSystem, String icdSystem, String version) {
        this.snomed = Map.copyOf(snomed);
        this.icdPrefixes = List.copyOf(icdPrefixes);
        this.snomedSystem = snomedSystem;
        this.icdSystem = icdSystem;
        this.version = version;
    }

    public static ConditionCategories loadDefault() {
        JsonNode root = ResourceJson.read(RESOURCE);
        JsonNode systems = ResourceJson.required(root, "systems", RESOURCE);
        Map<String, String> snomed = new HashMap<>();
        List<Map.Entry<String, String>> icd = new ArrayList<>();
        ResourceJson.required(root, "categories", RESOURCE).fields().forEachRemaining(category -> {
            category.getValue().path("snomed").forEach(code -> snomed.put(code.asText(), category.getKey()));
            category.getValue().path("icd10cm").forEach(prefix -> icd.add(Map.entry(prefix.asText(), category.getKey())));
        });
        // Longest prefix first, so that a specific code wins over its chapter.
        icd.sort((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
        return new ConditionCategories(snomed, icd,
                ResourceJson.required(systems, "snomed", RESOURCE).asText(),
                ResourceJson.required(systems, "icd10cm", RESOURCE).asText(),
                ResourceJson.required(root, "version", RESOURCE).asText());
    }

    /** The internal category name (e.g. {@code ATRIAL_FIBRILLATION}), or empty when none applies. */
    public Optional<String> categorize(String system, String code) {
        if (system == null || code == null) {
            return Optional.empty();
        }
        if (system.equals(snomedSystem)) {
            return Optional.ofNullable(snomed.get(code));
        }
        if (system.equals(icdSystem)) {
            return icdPrefixes.stream().filter(e -> code.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst();
        }
        return Optional.empty();
    }

    public String version() {
        return version;
    }
}
