package org.precisionrx.gateway.access;

import java.util.function.Supplier;

import jakarta.enterprise.context.RequestScoped;

import io.vertx.ext.web.RoutingContext;
import org.precisionrx.gateway.audit.AuditEntry;
import org.precisionrx.gateway.audit.AuditOutcome;
import org.precisionrx.gateway.audit.AuditRecord;
import org.precisionrx.gateway.audit.AuditTrail;
import org.precisionrx.gateway.caller.CurrentCaller;
import org.precisionrx.gateway.caller.RequestIds;
import org.precisionrx.gateway.problem.ProblemException;

/**
 * The guard every patient endpoint goes through: asks the policy, audits a denial before the 403,
 * and records the outcome of an allowed access before its data is returned (fail closed: if the
 * record cannot be written, {@link AuditTrail} throws and the data is not returned).
 */
@RequestScoped
public class PatientAccess {

    /** A clinician opening a patient outside their care team states why here. */
    public static final String BREAK_GLASS_HEADER = "X-Break-Glass-Reason";
    private static final int REASON_MIN = 10;
    private static final int REASON_MAX = 500;

    private final CurrentCaller caller;
    private final RequestIds requestIds;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final DeniedAccesses denials;
    private final RoutingContext http;

    public PatientAccess(CurrentCaller caller, RequestIds requestIds, AccessPolicy policy, AuditTrail audit,
            DeniedAccesses denials, RoutingContext http) {
        this.caller = caller;
        this.requestIds = requestIds;
        this.policy = policy;
        this.audit = audit;
        this.denials = denials;
        this.http = http;
    }

    /** Allowed: the grant; denied: an audited 403 that does not reveal whether the patient exists. */
    public AccessGrant require(PatientAction action, String patientId) {
        String reason = breakGlassReason();
        Decision decision = policy.decide(caller.get(), action, patientId, reason);
        if (!decision.allowed()) {
            denials.recordPatientDenial(action, patientId, decision, reason);
            throw ProblemException.forbidden(decision.reason());
        }
        return new AccessGrant(caller.get(), requestIds.current(), action.code(), patientId, decision);
    }

    /** A grant for a listing or bulk action that is about no single patient. */
    public AccessGrant unscoped(String action, String role, Basis basis) {
        return new AccessGrant(caller.get(), requestIds.current(), action, null, new Decision(basis, role, null));
    }

    /** What an allowed access produced, and how it should be recorded. */
    public record Result<T>(T value, AuditOutcome outcome, String detail) {

        public static <T> Result<T> success(T value, String detail) {
            return new Result<>(value, AuditOutcome.SUCCESS, detail);
        }
    }

    /**
     * Runs an allowed access and records its outcome before its value is returned; a failure is
     * recorded as FAILED (with the error's kind, never its message) and rethrown.
     */
    public <T> T perform(AccessGrant grant, Supplier<Result<T>> work) {
        Result<T> result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            completed(grant, AuditOutcome.FAILED, "failed: " + e.getClass().getSimpleName());
            throw e;
        }
        completed(grant, result.outcome(), result.detail());
        return result.value();
    }

    public AuditEntry completed(AccessGrant grant, AuditOutcome outcome, String detail) {
        return completed(grant, grant.patientId(), outcome, detail);
    }

    /** The outcome of an allowed access, for {@code patientId} (imports touch several). */
    public AuditEntry completed(AccessGrant grant, String patientId, AuditOutcome outcome, String detail) {
        Decision decision = grant.decision();
        return audit.append(new AuditRecord(grant.requestId(), caller.get().subject(), decision.role(), caller.get().clientForAudit(),
                patientId, grant.action(), decision.basis().purposeOfUse(), decision.reason(), outcome,
                decision.emergency(), detail));
    }

    private String breakGlassReason() {
        String reason = http.request().getHeader(BREAK_GLASS_HEADER);
        if (reason == null) {
            return null;
        }
        String trimmed = reason.strip();
        if (trimmed.length() < REASON_MIN || trimmed.length() > REASON_MAX) {
            throw ProblemException.badRequest(BREAK_GLASS_HEADER,
                    "a break-glass reason must be " + REASON_MIN + " to " + REASON_MAX + " characters");
        }
        return trimmed;
    }
}
