package org.precisionrx.gateway.cdshooks;

import java.util.UUID;

/** CDS Hooks request bodies as an EHR sends them. */
public final class HookRequests {

    public static final String BASE = "http://127.0.0.1:18104/cds-services/";

    private HookRequests() {
    }

    static String hookOf(String serviceId) {
        return serviceId.substring("precisionrx-".length());
    }

    /** A draft MedicationRequest for apixaban (RxNorm 1364430) with the given dose per administration, twice daily. */
    static String draftApixaban(String id, String fhirPatientId, double mg) {
        return """
                {"resourceType":"MedicationRequest","id":"%s","status":"draft","intent":"order",
                 "subject":{"reference":"Patient/%s"},
                 "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1364430","display":"apixaban"}],"text":"apixaban"},
                 "dosageInstruction":[{"timing":{"repeat":{"frequency":2,"period":1,"periodUnit":"d"}},
                   "route":{"text":"oral"},
                   "doseAndRate":[{"doseQuantity":{"value":%s,"unit":"mg","system":"http://unitsofmeasure.org","code":"mg"}}]}]}
                """.formatted(id, fhirPatientId, mg);
    }

    /** A hook request without prefetch: the gateway uses stored data, or reads fhirServer if given. */
    public static String body(String serviceId, String fhirPatientId, String fhirServer, double apixabanMg) {
        String hook = hookOf(serviceId);
        String draft = draftApixaban("draft-1", fhirPatientId, apixabanMg);
        String context = switch (hook) {
            case "patient-view" -> "{\"userId\":\"Practitioner/1\",\"patientId\":\"%s\"}".formatted(fhirPatientId);
            case "order-select" -> """
                    {"userId":"Practitioner/1","patientId":"%s","selections":["MedicationRequest/draft-1"],
                     "draftOrders":{"resourceType":"Bundle","type":"collection","entry":[{"resource":%s}]}}
                    """.formatted(fhirPatientId, draft);
            case "order-sign" -> """
                    {"userId":"Practitioner/1","patientId":"%s",
                     "draftOrders":{"resourceType":"Bundle","type":"collection","entry":[{"resource":%s}]}}
                    """.formatted(fhirPatientId, draft);
            case "medication-verify" -> """
                    {"userId":"Practitioner/1","patientId":"%s","medication":%s}
                    """.formatted(fhirPatientId, draft.replace("\"draft\"", "\"active\""));
            default -> throw new IllegalArgumentException(hook);
        };
        return """
                {"hook":"%s","hookInstance":"%s",%s"context":%s}
                """.formatted(hook, UUID.randomUUID(), fhirServer == null ? "" : "\"fhirServer\":\"" + fhirServer + "\",", context);
    }
}
