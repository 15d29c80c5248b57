package org.precisionrx.gateway.cdshooks.order;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.precisionrx.dosage.terminology.DrugCatalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The formulary drug a MedicationRequest orders: by RxNorm code, else by an ingredient name in its
 * words. A medicationReference is followed into contained resources or the context's Bundle.
 * Codes or words naming more than one formulary drug are a problem, not a choice.
 */
final class DrugReader {

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    private final DrugCatalog catalog;

    DrugReader(DrugCatalog catalog) {
        this.catalog = catalog;
    }

    String drugId(JsonNode medicationRequest, JsonNode bundle) throws UncheckableOrder {
        JsonNode concept = concept(medicationRequest, bundle);
        Set<String> byCode = new LinkedHashSet<>();
        for (JsonNode coding : concept.path("coding")) {
            if (RXNORM.equals(coding.path("system").asText()) && coding.hasNonNull("code")) {
                catalog.identify(coding.path("code").asText(), null).ifPresent(byCode::add);
            }
        }
        if (!byCode.isEmpty()) {
            return single(byCode, "its RxNorm codes");
        }
        Set<String> byName = new LinkedHashSet<>();
        List<String> words = words(concept, medicationRequest);
        words.forEach(text -> catalog.identify(null, text).ifPresent(byName::add));
        if (!byName.isEmpty()) {
            return single(byName, "its name");
        }
        String what = words.isEmpty() ? "the medication has neither an RxNorm code nor a name" : "'" + words.get(0) + "'";
        throw new UncheckableOrder(what + " is not a drug PrecisionRx recognises (no known RxNorm code or ingredient name)");
    }

    private static String single(Set<String> drugs, String source) throws UncheckableOrder {
        if (drugs.size() > 1) {
            throw new UncheckableOrder(source + " name more than one formulary drug (" + String.join(", ", drugs)
                    + "); combination products are not checked");
        }
        return drugs.iterator().next();
    }

    private static List<String> words(JsonNode concept, JsonNode medicationRequest) {
        List<String> words = new ArrayList<>();
        MedicationText.nonBlank(concept.path("text")).ifPresent(words::add);
        concept.path("coding").forEach(c -> MedicationText.nonBlank(c.path("display")).ifPresent(words::add));
        MedicationText.nonBlank(medicationRequest.path("medicationReference").path("display")).ifPresent(words::add);
        return words;
    }

    private static JsonNode concept(JsonNode medicationRequest, JsonNode bundle) throws UncheckableOrder {
        if (medicationRequest.has("medicationCodeableConcept")) {
            return medicationRequest.get("medicationCodeableConcept");
        }
        JsonNode reference = medicationRequest.path("medicationReference");
        if (reference.isMissingNode()) {
            throw new UncheckableOrder("the order names no medication");
        }
        Optional<JsonNode> medication = resolve(reference.path("reference").asText(""), medicationRequest, bundle);
        if (medication.isPresent()) {
            return medication.get().path("code");
        }
        if (reference.hasNonNull("display")) {
            return MissingNode.getInstance();   // only the reference's display is left to read
        }
        throw new UncheckableOrder("the medication is a reference ('" + reference.path("reference").asText("")
                + "') to a Medication that is not in the request");
    }

    private static Optional<JsonNode> resolve(String reference, JsonNode medicationRequest, JsonNode bundle) {
        if (reference.startsWith("#")) {
            return find(medicationRequest.path("contained"), reference.substring(1));
        }
        if (reference.startsWith("Medication/")) {
            String id = reference.substring("Medication/".length());
            for (JsonNode entry : bundle.path("entry")) {
                JsonNode resource = entry.path("resource");
                if ("Medication".equals(resource.path("resourceType").asText()) && id.equals(resource.path("id").asText())) {
                    return Optional.of(resource);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> find(JsonNode contained, String id) {
        for (JsonNode resource : contained) {
            if ("Medication".equals(resource.path("resourceType").asText()) && id.equals(resource.path("id").asText())) {
                return Optional.of(resource);
            }
        }
        return Optional.empty();
    }
}
