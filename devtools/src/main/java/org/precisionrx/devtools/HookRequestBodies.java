package org.precisionrx.devtools;

import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** CDS Hooks 2.0 request bodies as the development EHR sends them: no prefetch, the gateway uses stored data. */
public final class HookRequestBodies {

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A draft oral MedicationRequest: {@code mg} per dose, {@code timesPerDay} doses a day. */
    public record DraftMedication(String id, String drug, String rxnorm, double mg, int timesPerDay) {

        /** "clopidogrel 75 mg once daily". */
        public String describe() {
            String times = switch (timesPerDay) {
                case 1 -> "once daily";
                case 2 -> "twice daily";
                case 3 -> "three times daily";
                default -> timesPerDay + " times daily";
            };
            return drug + " " + Numbers.plain(mg) + " mg " + times;
        }

        /** The gateway's frequency name for a dose check (ONCE_DAILY, BID, TID, QID). */
        public String frequency() {
            return switch (timesPerDay) {
                case 1 -> "ONCE_DAILY";
                case 2 -> "BID";
                case 3 -> "TID";
                case 4 -> "QID";
                default -> throw new IllegalArgumentException("no frequency name for " + timesPerDay + " doses a day");
            };
        }
    }

    private HookRequestBodies() {
    }

    public static String patientView(String fhirPatientId) {
        return request("patient-view", context(fhirPatientId)).toString();
    }

    public static String orderSign(String fhirPatientId, DraftMedication draft) {
        ObjectNode drafts = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        drafts.putArray("entry").addObject().set("resource", medicationRequest(fhirPatientId, draft));
        ObjectNode context = context(fhirPatientId);
        context.set("draftOrders", drafts);
        return request("order-sign", context).toString();
    }

    private static ObjectNode request(String hook, ObjectNode context) {
        ObjectNode request = JSON.createObjectNode().put("hook", hook).put("hookInstance", UUID.randomUUID().toString());
        request.set("context", context);
        return request;
    }

    private static ObjectNode context(String fhirPatientId) {
        return JSON.createObjectNode().put("userId", "Practitioner/dev-ehr-clinician").put("patientId", fhirPatientId);
    }

    static ObjectNode medicationRequest(String fhirPatientId, DraftMedication draft) {
        ObjectNode order = JSON.createObjectNode().put("resourceType", "MedicationRequest").put("id", draft.id())
                .put("status", "draft").put("intent", "order");
        order.putObject("subject").put("reference", "Patient/" + fhirPatientId);
        ObjectNode medication = order.putObject("medicationCodeableConcept").put("text", draft.drug());
        medication.putArray("coding").addObject().put("system", RXNORM).put("code", draft.rxnorm()).put("display", draft.drug());
        ArrayNode dosage = order.putArray("dosageInstruction");
        ObjectNode instruction = dosage.addObject();
        instruction.putObject("timing").putObject("repeat").put("frequency", draft.timesPerDay()).put("period", 1).put("periodUnit", "d");
        instruction.putObject("route").put("text", "oral");
        instruction.putArray("doseAndRate").addObject().putObject("doseQuantity")
                .put("value", draft.mg()).put("unit", "mg").put("system", "http://unitsofmeasure.org").put("code", "mg");
        return order;
    }
}
