package org.precisionrx.gateway.cdshooks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of the discovery document: where a service lives, which hook it answers, what to prefetch. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CdsService(String id, String hook, String title, String description, String usageRequirements,
        Map<String, String> prefetch) {

    public CdsService {
        // Insertion order kept so the discovery document reads the same every time.
        prefetch = prefetch == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(prefetch));
    }
}
