package org.precisionrx.e2e.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.precisionrx.devtools.DevEhr;

/** The development EHR calling the gateway's CDS Hooks 2.0 services, with its own signed JWTs. */
public final class CdsHooks {

    public static final String PATIENT_VIEW = "precisionrx-patient-view";
    public static final String ORDER_SELECT = "precisionrx-order-select";
    public static final String ORDER_SIGN = "precisionrx-order-sign";
    public static final String MEDICATION_VERIFY = "precisionrx-medication-verify";

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayClient gateway;
    private final DevEhr ehr;

    public CdsHooks(RunningSystem system) {
        this.gateway = system.gateway();
        this.ehr = system.ehr();
    }

    /** The EHR's FHIR server: patients imported from it can be named by their FHIR id in hooks. */
    public String fhirServer() {
        return ehr.fhirServer();
    }

    /** Discovery is public: no token. */
    public Reply discovery() {
        return gateway.get("/cds-services").send();
    }

    /** One service call, with a JWT whose audience is that service's URL at the gateway. */
    public Reply call(String serviceId, String body) {
        String audience = gateway.baseUrl() + "/cds-services/" + serviceId;
        return gateway.post("/cds-services/" + serviceId).bearer(ehr.token(audience)).json(body).send();
    }

    public static String patientView(String fhirPatientId) {
        return request("patient-view", context(fhirPatientId));
    }

    /** order-select with the drafts the clinician has open and the ones just selected ("MedicationRequest/id"). */
    public static String orderSelect(String fhirPatientId, List<JsonNode> drafts, List<String> selections) {
        ObjectNode context = context(fhirPatientId);
        ArrayNode selected = context.putArray("selections");
        selections.forEach(selected::add);
        context.set("draftOrders", bundle(drafts));
        return request("order-select", context);
    }

    public static String orderSign(String fhirPatientId, List<JsonNode> drafts) {
        ObjectNode context = context(fhirPatientId);
        context.set("draftOrders", bundle(drafts));
        return request("order-sign", context);
    }

    /** A draft MedicationRequest for a drug by RxNorm code, {@code mg} per dose, {@code timesPerDay}, by mouth. */
    public static ObjectNode draftOrder(String id, String fhirPatientId, String rxnorm, String name, double mg, int timesPerDay) {
        ObjectNode order = JSON.createObjectNode().put("resourceType", "MedicationRequest").put("id", id)
                .put("status", "draft").put("intent", "order");
        order.putObject("subject").put("reference", "Patient/" + fhirPatientId);
        ObjectNode concept = order.putObject("medicationCodeableConcept").put("text", name);
        concept.putArray("coding").addObject().put("system", RXNORM).put("code", rxnorm).put("display", name);
        ObjectNode instruction = order.putArray("dosageInstruction").addObject();
        instruction.putObject("timing").putObject("repeat").put("frequency", timesPerDay).put("period", 1).put("periodUnit", "d");
        instruction.putObject("route").put("text", "oral");
        instruction.putArray("doseAndRate").addObject().putObject("doseQuantity").put("value", mg).put("unit", "mg")
                .put("system", "http://unitsofmeasure.org").put("code", "mg");
        return order;
    }

    /**
     * The drafts after the clinician takes a card's suggestion, as the EHR applies it: {@code update}
     * replaces the draft with the same id by the action's resource, {@code delete} removes the draft
     * it names, {@code create} adds the action's resource.
     */
    public static List<JsonNode> apply(List<JsonNode> drafts, JsonNode suggestion) {
        List<JsonNode> result = new ArrayList<>(drafts);
        for (JsonNode action : suggestion.path("actions")) {
            JsonNode resource = action.path("resource");
            switch (action.path("type").asText()) {
                case "update" -> {
                    String id = resource.path("id").asText();
                    int at = indexOf(result, "MedicationRequest/" + id);
                    if (at < 0) {
                        throw new AssertionError("update names no open draft: " + action);
                    }
                    result.set(at, resource);
                }
                case "delete" -> {
                    int at = indexOf(result, action.path("resourceId").asText());
                    if (at < 0) {
                        throw new AssertionError("delete names no open draft: " + action);
                    }
                    result.remove(at);
                }
                case "create" -> result.add(resource);
                default -> throw new AssertionError("not a CDS Hooks action type: " + action);
            }
        }
        return result;
    }

    private static int indexOf(List<JsonNode> drafts, String reference) {
        for (int i = 0; i < drafts.size(); i++) {
            if (reference.equals(drafts.get(i).path("resourceType").asText() + "/" + drafts.get(i).path("id").asText())) {
                return i;
            }
        }
        return -1;
    }

    private static ObjectNode context(String fhirPatientId) {
        return JSON.createObjectNode().put("userId", "Practitioner/e2e-prescriber").put("patientId", fhirPatientId);
    }

    private static ObjectNode bundle(List<JsonNode> resources) {
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");
        resources.forEach(resource -> entries.addObject().set("resource", resource));
        return bundle;
    }

    private static String request(String hook, ObjectNode context) {
        ObjectNode request = JSON.createObjectNode().put("hook", hook).put("hookInstance", UUID.randomUUID().toString());
        request.set("context", context);
        return request.toString();
    }
}
