package org.precisionrx.devtools;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Simulated FHIR bundles made to look like an EHR's export. */
public final class EhrBundles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EhrBundles() {
    }

    /**
     * The simulator writes transaction bundles that identify patients by MRN only; an EHR's
     * export also has server ids. Gives the Patient the id {@code fhirId} and points every
     * reference at it, as the EHR's FHIR server would.
     */
    public static String withFhirId(String bundle, String fhirId) {
        try {
            JsonNode root = JSON.readTree(bundle);
            for (JsonNode entry : root.path("entry")) {
                if ("Patient".equals(entry.path("resource").path("resourceType").asText())) {
                    String fullUrl = entry.get("fullUrl").asText();
                    ((ObjectNode) entry.get("resource")).put("id", fhirId);
                    return JSON.writeValueAsString(root).replace("\"" + fullUrl + "\"", "\"Patient/" + fhirId + "\"");
                }
            }
            throw new IllegalArgumentException("no Patient in the bundle");
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON bundle", e);
        }
    }
}
