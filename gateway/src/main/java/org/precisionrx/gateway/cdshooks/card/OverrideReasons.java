package org.precisionrx.gateway.cdshooks.card;

import java.util.List;

/**
 * PrecisionRx's own override reasons, offered on warning and critical cards so a clinician who
 * goes ahead can say why; the CDS Hooks feedback endpoint sends the chosen code back.
 */
public final class OverrideReasons {

    public static final String SYSTEM = "https://precisionrx.org/fhir/CodeSystem/override-reason";

    public static final Coding TOLERATED_PREVIOUSLY =
            new Coding(SYSTEM, "patient-tolerated-previously", "Patient has tolerated this before");
    public static final Coding BENEFIT_OUTWEIGHS_RISK =
            new Coding(SYSTEM, "benefit-outweighs-risk", "Benefit outweighs the risk for this patient");
    public static final Coding WILL_MONITOR = new Coding(SYSTEM, "will-monitor", "Will monitor the patient closely");
    public static final Coding OTHER = new Coding(SYSTEM, "other", "Other reason");

    public static final List<Coding> ALL = List.of(TOLERATED_PREVIOUSLY, BENEFIT_OUTWEIGHS_RISK, WILL_MONITOR, OTHER);

    private OverrideReasons() {
    }
}
