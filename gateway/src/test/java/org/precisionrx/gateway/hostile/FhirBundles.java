package org.precisionrx.gateway.hostile;

import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.precisionrx.devtools.EhrBundles;
import org.precisionrx.simulator.CohortSimulator;
import org.precisionrx.simulator.FhirExport;
import org.precisionrx.simulator.Indication;

/** FHIR bundles with one hostile change, built from the simulator's demo patients. */
final class FhirBundles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY_WEIGHT = "29463-7";

    private FhirBundles() {
    }

    /** An adult the gateway has never seen (own seed, own MRN and FHIR id). */
    static String newAdult(String fhirId) {
        var row = new CohortSimulator().demoPatients(1, 9191, Indication.AF_STROKE_PREVENTION).get(0);
        return EhrBundles.withFhirId(new FhirExport(LocalDate.now(ZoneOffset.UTC)).json(row, 90), fhirId);
    }

    /** The bundle with every body-weight observation set to {@code kg}. */
    static String withWeight(String bundle, double kg) {
        try {
            JsonNode root = JSON.readTree(bundle);
            int changed = 0;
            for (JsonNode entry : root.path("entry")) {
                JsonNode resource = entry.path("resource");
                boolean weight = "Observation".equals(resource.path("resourceType").asText())
                        && resource.path("code").path("coding").findValuesAsText("code").contains(BODY_WEIGHT);
                if (weight) {
                    ((ObjectNode) resource.path("valueQuantity")).put("value", kg);
                    changed++;
                }
            }
            if (changed == 0) {
                throw new IllegalArgumentException("the bundle has no body weight");
            }
            return JSON.writeValueAsString(root);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
