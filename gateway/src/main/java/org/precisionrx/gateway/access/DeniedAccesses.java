package org.precisionrx.gateway.access;

import jakarta.enterprise.context.RequestScoped;

import org.precisionrx.gateway.audit.AuditOutcome;
import org.precisionrx.gateway.audit.AuditRecord;
import org.precisionrx.gateway.audit.AuditTrail;
import org.precisionrx.gateway.caller.CurrentCaller;
import org.precisionrx.gateway.caller.RequestIds;

/** Writes the audit record of a denied request before the 403 leaves the gateway. */
@RequestScoped
public class DeniedAccesses {

    private final CurrentCaller caller;
    private final RequestIds requestIds;
    private final AuditTrail audit;

    public DeniedAccesses(CurrentCaller caller, RequestIds requestIds, AuditTrail audit) {
        this.caller = caller;
        this.requestIds = requestIds;
        this.audit = audit;
    }

    void recordPatientDenial(PatientAction action, String patientId, Decision decision, String breakGlassReason) {
        audit.append(new AuditRecord(requestIds.current(), caller.get().subject(), caller.get().rolesForAudit(), caller.get().clientForAudit(),
                patientId, action.code(), null, breakGlassReason != null ? breakGlassReason : decision.reason(),
                AuditOutcome.DENIED, false, decision.reason()));
    }

    /** A request refused by role before it reached a patient, e.g. a clinician calling the audit API. */
    public void recordRoleDenial(String path) {
        audit.append(new AuditRecord(requestIds.current(), caller.get().subject(), caller.get().rolesForAudit(), caller.get().clientForAudit(),
                null, "http:" + path, null, null, AuditOutcome.DENIED, false, "role does not permit this endpoint"));
    }
}
