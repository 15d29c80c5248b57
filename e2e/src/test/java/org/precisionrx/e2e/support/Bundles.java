package org.precisionrx.e2e.support;

import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** FHIR R4 bundles as an EHR or a lab sends them, made from or next to the simulator's demo bundles. */
public final class Bundles {

    static final String LOINC = "http://loinc.org";
    /** Genotype display name (HL7 Genomics Reporting), read by patient-profile-service's GenomicsMapper. */
    static final String GENOTYPE = "84413-4";
    static final String GENE_STUDIED = "48018-6";
    static final String HGNC = "http://www.genenames.org/geneId";
    static final String MRN_SYSTEM = "urn:precisionrx:simulator:mrn";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Bundles() {
    }

    /** The bundle with {@code gene}'s genotype Observation saying {@code diplotype} (the simulator writes one per gene). */
    public static String withGenotype(String bundle, String gene, String diplotype) {
        JsonNode root = read(bundle);
        for (JsonNode entry : root.get("entry")) {
            JsonNode resource = entry.path("resource");
            if (isGenotypeOf(resource, gene)) {
                ((ObjectNode) resource).putObject("valueCodeableConcept").put("text", diplotype);
                return write(root);
            }
        }
        throw new IllegalArgumentException("the bundle has no " + gene + " genotype; pick a patient with PGx results");
    }

    /**
     * A lab's result as the EHR forwards it: the Patient (server id and MRN, nothing else) and one
     * genotype Observation dated {@code effective}, as a FHIR collection from {@code sourceSystem}.
     */
    public static String genotypeResult(String sourceSystem, String fhirId, String mrn, String gene, String hgncId,
            String diplotype, String observationId, LocalDate effective) {
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");

        ObjectNode patient = JSON.createObjectNode().put("resourceType", "Patient").put("id", fhirId);
        ObjectNode identifier = patient.putArray("identifier").addObject();
        identifier.putObject("type").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/v2-0203").put("code", "MR");
        identifier.put("system", MRN_SYSTEM).put("value", mrn);
        entries.addObject().put("fullUrl", sourceSystem + "/Patient/" + fhirId).set("resource", patient);

        ObjectNode observation = JSON.createObjectNode().put("resourceType", "Observation").put("id", observationId)
                .put("status", "final");
        observation.putArray("category").addObject().putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/observation-category").put("code", "laboratory");
        observation.putObject("code").putArray("coding").addObject()
                .put("system", LOINC).put("code", GENOTYPE).put("display", "Genotype display name");
        observation.putObject("subject").put("reference", "Patient/" + fhirId);
        observation.put("effectiveDateTime", effective.toString());
        ObjectNode component = observation.putArray("component").addObject();
        component.putObject("code").putArray("coding").addObject().put("system", LOINC).put("code", GENE_STUDIED);
        component.putObject("valueCodeableConcept").putArray("coding").addObject()
                .put("system", HGNC).put("code", hgncId).put("display", gene);
        observation.putObject("valueCodeableConcept").put("text", diplotype);
        entries.addObject().put("fullUrl", sourceSystem + "/Observation/" + observationId).set("resource", observation);
        return write(bundle);
    }

    private static boolean isGenotypeOf(JsonNode resource, String gene) {
        if (!"Observation".equals(resource.path("resourceType").asText())
                || !GENOTYPE.equals(resource.path("code").path("coding").path(0).path("code").asText())) {
            return false;
        }
        for (JsonNode component : resource.path("component")) {
            for (JsonNode coding : component.path("valueCodeableConcept").path("coding")) {
                if (gene.equals(coding.path("display").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    private static String write(JsonNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
