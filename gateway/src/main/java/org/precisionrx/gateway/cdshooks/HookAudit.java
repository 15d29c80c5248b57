package org.precisionrx.gateway.cdshooks;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.precisionrx.gateway.access.AccessGrant;
import org.precisionrx.gateway.access.Basis;
import org.precisionrx.gateway.access.Decision;
import org.precisionrx.gateway.audit.AuditOutcome;
import org.precisionrx.gateway.audit.AuditRecord;
import org.precisionrx.gateway.audit.AuditTrail;
import org.precisionrx.gateway.caller.Caller;
import org.precisionrx.gateway.caller.RequestIds;
import org.precisionrx.gateway.cdshooks.auth.EhrCaller;

/** Audit records and grants for EHR calls: the EHR system is the caller, identified by issuer and client. */
@RequestScoped
public class HookAudit {

    static final String EHR_ROLE = "ehr";

    private final AuditTrail audit;
    private final RequestIds requestIds;

    public HookAudit(AuditTrail audit, RequestIds requestIds) {
        this.audit = audit;
        this.requestIds = requestIds;
    }

    static Caller caller(EhrCaller ehr) {
        return new Caller(ehr.issuer() + "#" + ehr.clientId(), ehr.clientId(), Set.of(EHR_ROLE), ehr.clientId(), null);
    }

    AccessGrant grant(EhrCaller ehr, String action, String patientId) {
        return new AccessGrant(caller(ehr), requestIds.current(), action, patientId, new Decision(Basis.EHR_HOOK, EHR_ROLE, null));
    }

    void completed(AccessGrant grant, AuditOutcome outcome, String detail) {
        audit.append(new AuditRecord(grant.requestId(), grant.caller().subject(), EHR_ROLE, grant.caller().clientForAudit(),
                grant.patientId(), grant.action(), Basis.EHR_HOOK.purposeOfUse(), null, outcome, false, detail));
    }

    /** The call failed: recorded with the error's kind (never its message, which may carry patient data); returns it to rethrow. */
    RuntimeException failed(AccessGrant grant, RuntimeException e) {
        completed(grant, AuditOutcome.FAILED, "failed: " + e.getClass().getSimpleName());
        return e;
    }

    /** A rejected call: who it claimed to be is not trusted, so only the reason is kept. */
    void denied(String action, String subject, String patientId, String reason) {
        audit.append(new AuditRecord(requestIds.current(), subject, EHR_ROLE, "unverified", patientId, action, null, reason,
                AuditOutcome.DENIED, false, reason));
    }
}
