package org.precisionrx.gateway.cdshooks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The discovery document for {@code GET /cds-services}: PrecisionRx's four CDS services.
 *
 * <p>Prefetch templates use only what CDS Hooks 2.0.1 lets a client substitute: the hook's
 * {@code {{context.patientId}}} token, token and reference search parameters, {@code _sort} and
 * {@code _count}. Relative-date tokens such as {@code {{today()}}} arrived with CDS Hooks 3.0, so
 * the observations template asks for the newest results instead of a date window.
 */
public final class CdsServiceCatalog {

    public static final String PATIENT_VIEW = "precisionrx-patient-view";
    public static final String ORDER_SELECT = "precisionrx-order-select";
    public static final String ORDER_SIGN = "precisionrx-order-sign";
    public static final String MEDICATION_VERIFY = "precisionrx-medication-verify";

    static final String PATIENT = "Patient/{{context.patientId}}";
    static final String ACTIVE_MEDICATIONS = "MedicationRequest?patient={{context.patientId}}&status=active";
    static final String ACTIVE_CONDITIONS = "Condition?patient={{context.patientId}}&clinical-status=active";
    // Labs (creatinine, liver tests, genotypes) and vital signs (weight) newest first; 2.0.1 has no date arithmetic.
    static final String RECENT_OBSERVATIONS =
            "Observation?patient={{context.patientId}}&category=laboratory,vital-signs&_sort=-date&_count=200";

    private static final String LINKED_PATIENT = "The EHR's patient must be linked to a PrecisionRx patient record."
            + " Requests must carry a JWT signed by an EHR registered with PrecisionRx.";

    private static final List<CdsService> SERVICES = List.of(
            new CdsService(PATIENT_VIEW, "patient-view", "PrecisionRx treatment ranking",
                    "Ranks the treatment options for the patient's indications by predicted benefit and adverse-event"
                            + " risk, with safety status, dose ranges and the guidelines behind them.",
                    LINKED_PATIENT + " Cards are decision support, not orders.", prefetch()),
            new CdsService(ORDER_SELECT, "order-select", "PrecisionRx dose check while ordering",
                    "Checks the selected draft medication orders against the patient's pharmacogenomic, renal,"
                            + " interaction and age-adjusted dose ranges.",
                    LINKED_PATIENT + " Only orders with an RxNorm code or a recognisable ingredient name, a dose in"
                            + " mg, mcg or g and a standard frequency can be checked.", prefetch()),
            new CdsService(ORDER_SIGN, "order-sign", "PrecisionRx dose check before signing",
                    "Checks every draft medication order against the patient's pharmacogenomic, renal, interaction"
                            + " and age-adjusted dose ranges before it is signed.",
                    LINKED_PATIENT + " Only orders with an RxNorm code or a recognisable ingredient name, a dose in"
                            + " mg, mcg or g and a standard frequency can be checked.", prefetch()),
            new CdsService(MEDICATION_VERIFY, "medication-verify", "PrecisionRx pharmacist dose check",
                    "Checks a signed medication order a pharmacist is verifying against the patient's"
                            + " pharmacogenomic, renal, interaction and age-adjusted dose ranges.",
                    LINKED_PATIENT + " For pharmacists. medication-verify is a draft hook (CDS Hooks Library,"
                            + " hookVersion 0.1.0); the order is read from context.medication, or context.order.resource as in"
                            + " the hook's examples.", prefetch()));

    private CdsServiceCatalog() {
    }

    /** Every service, in discovery order. */
    public static List<CdsService> services() {
        return SERVICES;
    }

    /** The body of {@code GET /cds-services}. */
    public static Discovery discovery() {
        return new Discovery(SERVICES);
    }

    /** The service answering {@code POST /cds-services/{id}}, if there is one. */
    public static Optional<CdsService> find(String id) {
        return SERVICES.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private static Map<String, String> prefetch() {
        Map<String, String> templates = new LinkedHashMap<>();
        templates.put("patient", PATIENT);
        templates.put("medications", ACTIVE_MEDICATIONS);
        templates.put("conditions", ACTIVE_CONDITIONS);
        templates.put("observations", RECENT_OBSERVATIONS);
        return templates;
    }

    /** One entry of the discovery document: where a service lives, which hook it answers, what to prefetch. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record CdsService(String id, String hook, String title, String description, String usageRequirements,
            Map<String, String> prefetch) {

        public CdsService {
            // Insertion order kept so the discovery document reads the same every time.
            prefetch = prefetch == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(prefetch));
        }
    }

    /** The discovery response: {@code {"services": [...]}}. */
    public record Discovery(List<CdsService> services) {
    }
}
